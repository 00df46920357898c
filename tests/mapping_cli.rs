//! `oncefill mapping check`, run as a portal's CI would run it on its mapping files, and the
//! JSON Schema that documents the same format.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use oncefill::core::dictionary::ELEMENTS;
use oncefill::core::mapping::{APPLICANT, FormMapping};
use oncefill::core::role::FORM_ROLES;
use oncefill::core::transform;
use serde_json::Value;

const DIR: &str = "tests/data/mappings";
/// The published mapping of the sample pension form, and a learned export.
const PENSION: &str = "www/mappings/pension.json";
const VALID: &[&str] = &[PENSION, "tests/data/mappings/learned-pension.json"];

fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_oncefill"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn file(name: &str) -> String {
    format!("{DIR}/{name}")
}

fn read_json(path: &str) -> Value {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn schema() -> Value {
    read_json("www/schema/mapping.schema.json")
}

#[test]
fn valid_files_pass() {
    let files: Vec<String> = VALID.iter().map(|f| f.to_string()).collect();
    let args: Vec<&str> = ["mapping", "check"]
        .into_iter()
        .chain(files.iter().map(String::as_str))
        .collect();
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        out,
        format!("{PENSION}: ok (11 fields)\n{DIR}/learned-pension.json: ok (3 fields)\n")
    );
}

#[test]
fn each_error_kind_is_reported_with_its_path() {
    let cases = [
        (
            "bad-unknown-key.json",
            r#"fields[3].key: unknown key "person.nmae" (did you mean "person.name"?)"#,
        ),
        (
            "bad-unknown-role.json",
            r#"fields[1].role: unknown role "stakeholder[0]""#,
        ),
        (
            "bad-transform.json",
            r#"fields[0].transform.kind: unknown transform kind "datetime""#,
        ),
        (
            "bad-duplicate-locator.json",
            "fields[1].locator: the same locator as fields[0]",
        ),
        (
            "bad-missing-locator.json",
            r#"fields[1]: missing member "locator""#,
        ),
        ("bad-missing-key.json", r#"fields[0]: missing member "key""#),
        ("bad-empty-fields.json", "fields: no field is mapped"),
        ("bad-version.json", "version: unsupported version 2"),
        (
            "bad-locator.json",
            "fields[0].locator: a locator needs exactly one of css, name, id, label",
        ),
        ("bad-locator.json", "fields[1].locator.nth: nth must be"),
        ("bad-match.json", "match: the page match needs at least one"),
        ("bad-json.json", "not valid JSON"),
    ];
    for (name, expected) in cases {
        let path = file(name);
        let (code, out, err) = run(&["mapping", "check", &path, "--lang", "en"]);
        assert_eq!(code, 1, "{name}: {out}{err}");
        assert!(
            out.lines()
                .any(|l| l.starts_with(&format!("{path}: {expected}"))),
            "{name}: expected {expected:?} in\n{out}"
        );
    }
}

#[test]
fn messages_are_in_chinese_then_english_by_default() {
    let path = file("bad-unknown-key.json");
    let (code, out, _) = run(&["mapping", "check", &path]);
    assert_eq!(code, 1);
    let line = out.lines().next().unwrap();
    let zh = line.find("资料项").unwrap();
    let en = line.find("unknown key").unwrap();
    assert!(zh < en, "{line}");
    assert_eq!(out.lines().count(), 1, "one line per error: {out}");
    let (_, zh_only, _) = run(&["mapping", "check", &path, "--lang", "zh-CN"]);
    assert!(zh_only.contains("person.name") && !zh_only.contains("unknown key"));
}

#[test]
fn one_invalid_file_fails_the_run_and_others_are_still_checked() {
    let good = PENSION;
    let bad = file("bad-transform.json");
    let (code, out, _) = run(&["mapping", "check", &bad, good]);
    assert_eq!(code, 1);
    assert!(out.contains(&format!("{good}: ok (11 fields)")), "{out}");
}

#[test]
fn usage_errors_and_unreadable_files_exit_2() {
    for args in [
        &["mapping"][..],
        &["mapping", "check"],
        &["mapping", "frobnicate", "x.json"],
        &["mapping", "check", "--colour", "x.json"],
        &["mapping", "check", "x.json", "--lang"],
    ] {
        let (code, _, err) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("usage: oncefill mapping check"), "{err}");
    }
    let good = PENSION;
    let (code, out, err) = run(&["mapping", "check", "no/such/file.json", good]);
    assert_eq!(code, 2);
    assert!(err.contains("no/such/file.json"), "{err}");
    assert!(out.contains("ok (11 fields)"), "{out}");
}

#[test]
fn the_pension_mapping_covers_the_sample_form() {
    let text = std::fs::read_to_string(PENSION).unwrap();
    let mapping = FormMapping::from_json(&text).unwrap();
    let page = std::fs::read_to_string("www/forms/pension.html").unwrap();
    let handles: Vec<&str> = mapping
        .fields
        .iter()
        .filter_map(|f| f.locator.handle())
        .collect();
    for handle in &handles {
        assert!(
            page.contains(&format!("name=\"{handle}\"")),
            "{handle} is not a control of pension.html"
        );
    }
    assert!(mapping.matches(
        "http://127.0.0.1:8080/forms/pension.html",
        "城乡居民基本养老保险参保登记表 - 示例省人力资源和社会保障网上服务平台",
        &handles,
    ));
    assert!(!mapping.matches("http://127.0.0.1:8080/forms/other.html", "", &handles));
    // caz289 is mapped to null (never filled), so the classifier sees the other ten.
    assert_eq!(mapping.to_classify_mapping().fields.len(), 10);
}

#[test]
fn the_schema_is_json_schema_2020_12() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    for def in [
        "mapping",
        "learned",
        "match",
        "field",
        "locator",
        "key",
        "role",
        "transform",
    ] {
        assert!(s["$defs"][def].is_object(), "$defs.{def}");
    }
}

/// The schema's lists are the code's lists: dictionary keys, transform kinds and roles.
#[test]
fn the_schema_agrees_with_the_code() {
    let s = schema();
    let strings = |v: &Value| -> BTreeSet<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect()
    };
    let keys: BTreeSet<String> = ELEMENTS.iter().map(|e| e.id.to_string()).collect();
    assert_eq!(strings(&s["$defs"]["key"]["enum"]), keys);
    let kinds: BTreeSet<String> = transform::kinds().iter().map(|k| k.to_string()).collect();
    assert_eq!(
        strings(&s["$defs"]["transform"]["properties"]["kind"]["enum"]),
        kinds
    );
    let pattern = s["$defs"]["role"]["pattern"].as_str().unwrap();
    let roles: BTreeSet<&str> = pattern
        .strip_prefix("^(")
        .and_then(|p| p.split(')').next())
        .unwrap()
        .split('|')
        .collect();
    let expected: BTreeSet<&str> = std::iter::once(APPLICANT)
        .chain(FORM_ROLES.iter().map(|r| r.id()))
        .collect();
    assert_eq!(roles, expected);
}

/// Every valid test mapping has every member the schema requires, and only members it
/// allows (a light structural check, not a full validator).
#[test]
fn valid_mappings_have_the_members_the_schema_requires() {
    let s = schema();
    let defs = &s["$defs"];
    let check = |doc: &Value, def: &Value, what: &str| {
        let object = doc
            .as_object()
            .unwrap_or_else(|| panic!("{what}: not an object"));
        for member in def["required"].as_array().into_iter().flatten() {
            let member = member.as_str().unwrap();
            assert!(object.contains_key(member), "{what}: no {member}");
        }
        if def["additionalProperties"] == Value::Bool(false) {
            for member in object.keys() {
                assert!(
                    def["properties"].get(member).is_some(),
                    "{what}: {member} is not in the schema"
                );
            }
        }
    };
    for name in VALID {
        let doc = read_json(name);
        let docs = match &doc {
            Value::Array(items) => items.clone(),
            other => vec![other.clone()],
        };
        for (i, d) in docs.iter().enumerate() {
            let what = format!("{name}[{i}]");
            let learned = d["fields"].is_object();
            let def = if learned {
                &defs["learned"]
            } else {
                &defs["mapping"]
            };
            check(d, def, &what);
            if learned {
                continue;
            }
            check(&d["match"], &defs["match"], &format!("{what}.match"));
            for (j, f) in d["fields"].as_array().unwrap().iter().enumerate() {
                let what = format!("{what}.fields[{j}]");
                check(f, &defs["field"], &what);
                let locator = f["locator"].as_object().unwrap();
                let kinds = defs["locator"]["oneOf"].as_array().unwrap();
                assert!(
                    kinds.iter().any(|k| {
                        let required = k["required"][0].as_str().unwrap();
                        locator.contains_key(required)
                            && locator.keys().all(|m| k["properties"].get(m).is_some())
                    }),
                    "{what}.locator"
                );
                if let Some(t) = f.get("transform") {
                    check(t, &defs["transform"], &format!("{what}.transform"));
                }
            }
        }
    }
}

#[test]
fn transform_parameters_are_checked_as_the_engine_reads_them() {
    let (code, out, _) = run(&[
        "mapping",
        "check",
        &file("bad-transform-params.json"),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1, "{out}");
    let path = file("bad-transform-params.json");
    assert_eq!(
        out,
        format!(
            "{path}: fields[0].transform.fromat: the format has no member \"fromat\"\n\
             {path}: fields[0].transform: missing member \"format\"\n"
        ),
    );
}

/// Every bad transform of a file is reported, each at its own path, in Chinese then English;
/// the file is rejected as a whole.
#[test]
fn every_bad_transform_is_reported_at_its_path() {
    let path = file("bad-transform-values.json");
    let (code, out, _) = run(&["mapping", "check", &path]);
    assert_eq!(code, 1, "{out}");
    let expected = [
        (
            "fields[1].transform.format",
            "日期格式",
            "The date format \"YYYY-mm-dd\"",
        ),
        (
            "fields[2].transform.table",
            "不是可选的值",
            "\"gender\" is not one of: sex,",
        ),
        (
            "fields[3].transform.else.part",
            "不是可选的值",
            "\"week\" is not one of: year, month, day",
        ),
        (
            "fields[4].transform.if.key",
            "资料字典中没有资料项",
            "(did you mean \"person.sex\"?)",
        ),
    ];
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), expected.len(), "{out}");
    for (line, (at, zh, en)) in lines.iter().zip(expected) {
        let rest = line
            .strip_prefix(&format!("{path}: {at}: "))
            .unwrap_or_else(|| panic!("{at} in {line}"));
        let (z, e) = (rest.find(zh).unwrap(), rest.find(en).unwrap());
        assert!(z < e, "{line}");
    }
    assert!(FormMapping::from_json(&std::fs::read_to_string(&path).unwrap()).is_err());
}
