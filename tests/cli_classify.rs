//! `oncefill classify`, run as a portal's CI would run it on a saved page.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use std::process::Command;

use serde_json::Value;

fn run(args: &[&str]) -> (i32, Value, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_oncefill"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let json = serde_json::from_str(stdout.trim()).unwrap_or(Value::Null);
    (output.status.code().unwrap_or(-1), json, stderr)
}

fn by_field<'a>(rows: &'a Value, field: &str) -> &'a Value {
    rows.as_array()
        .unwrap()
        .iter()
        .find(|r| r["field"] == field)
        .unwrap_or_else(|| panic!("{field} in {rows}"))
}

#[test]
fn the_pension_form_is_classified_in_document_order() {
    let (code, rows, _) = run(&["classify", "www/forms/pension.html"]);
    assert_eq!(code, 0);
    let fields: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "aab001name",
            "aac003",
            "aac004",
            "aac005",
            "aac006",
            "aac002",
            "aac009",
            "aac010",
            "aae006",
            "aae005",
            "caz289",
            "aae036",
            "aae013"
        ],
        "one object per field, hidden inputs left out"
    );
    let name = by_field(&rows, "aac003");
    assert_eq!(name["key"], "person.name");
    assert_eq!(name["autocomplete"], "name");
    assert_eq!(name["role"], Value::Null);
    assert_eq!(name["reason"], "label");
    assert_eq!(name["detail"], "姓名");
    let id = by_field(&rows, "aac002");
    assert_eq!(id["key"], "person.id_number");
    assert_eq!(id["autocomplete"], Value::Null);
    let readonly = by_field(&rows, "aab001name");
    assert_eq!(readonly["key"], Value::Null);
    assert_eq!(readonly["skip"]["why"], "read_only");
    for row in rows.as_array().unwrap() {
        for member in [
            "field",
            "key",
            "autocomplete",
            "role",
            "part",
            "reason",
            "detail",
            "skip",
        ] {
            assert!(row.get(member).is_some(), "{member} in {row}");
        }
        assert_eq!(
            row.as_object().unwrap().len(),
            8,
            "only these members: {row}"
        );
    }
}

#[test]
fn roles_and_parts_are_reported() {
    let (code, rows, _) = run(&[
        "classify",
        "tests/data/classify/cn-samr-shareholder-grid.html",
    ]);
    assert_eq!(code, 0);
    let second = by_field(&rows, "gd[1].zjhm");
    assert_eq!(second["key"], "person.id_number");
    assert_eq!(second["role"], "shareholder[1]");
    let (_, rows, _) = run(&["classify", "tests/data/classify/cn-landline-split.html"]);
    let area = by_field(&rows, "gh_qh");
    assert_eq!(area["key"], "contact.landline");
    assert_eq!(area["part"], "area_code");
    assert_eq!(area["autocomplete"], "tel-area-code");
    assert_eq!(area["reason"], "context");
}

#[test]
fn a_mapping_outranks_heuristics() {
    let dir = std::env::temp_dir().join(format!("oncefill-cli-classify-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mapping = dir.join("mapping.json");
    std::fs::write(
        &mapping,
        r#"{"fields": {"caz289": {"key": "person.insured_place"}}}"#,
    )
    .unwrap();
    let (code, rows, _) = run(&[
        "classify",
        "www/forms/pension.html",
        "--mapping",
        mapping.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let row = by_field(&rows, "caz289");
    assert_eq!(row["key"], "person.insured_place");
    assert_eq!(row["reason"], "mapping");
    std::fs::write(&mapping, r#"{"fields": {"x": "no.such"}}"#).unwrap();
    let (code, _, stderr) = run(&[
        "classify",
        "www/forms/pension.html",
        "--mapping",
        mapping.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown key"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_or_unreadable_page_exits_2() {
    let (code, _, stderr) = run(&["classify", "tests/data/classify/no-such-page.html"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read"), "{stderr}");
    let (code, _, _) = run(&["classify", "tests/data/classify"]);
    assert_eq!(code, 2, "a directory is not a page");
    assert_eq!(run(&["classify"]).0, 2);
    assert_eq!(run(&["classify", "a.html", "b.html"]).0, 2);
}

#[test]
fn bench_classify_prints_one_flat_json_line() {
    let (code, json, _) = run(&["bench-classify", "--runs", "1", "--fields", "100"]);
    assert_eq!(code, 0);
    let m = json.as_object().unwrap();
    assert!(m.values().all(Value::is_number), "{json}");
    for key in [
        "classify_ms_100",
        "classify_precision",
        "classify_recall",
        "classify_wrong_fills",
        "classify_wrong_person",
        "classify_precision_zh",
        "classify_recall_zh",
        "classify_wrong_fills_zh",
        "classify_wrong_person_zh",
    ] {
        assert!(m.contains_key(key), "{key} in {json}");
    }
    assert_eq!(m["classify_wrong_person"], 0, "{json}");
}

#[test]
fn a_page_over_the_field_cap_is_classified_in_part_and_says_so() {
    let mut html = String::from("<form>");
    for i in 0..2_100 {
        html.push_str(&format!("<label>栏目{i}<input name=f{i}></label>"));
    }
    html.push_str("</form>");
    let path = std::env::temp_dir().join(format!("oncefill-cap-{}.html", std::process::id()));
    std::fs::write(&path, html).unwrap();
    let (code, rows, stderr) = run(&["classify", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(code, 0);
    assert_eq!(rows.as_array().unwrap().len(), 2_000);
    assert!(stderr.contains("网页有 2100 个栏目"), "{stderr}");
    assert!(
        stderr.contains("only the first 2000 were recognised"),
        "{stderr}"
    );
}
