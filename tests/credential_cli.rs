//! `oncefill credential verify` and `oncefill trust check` on the committed vectors of
//! `tests/credentials/` (made by `cargo xtask issue-credential` with the demo keys, see its
//! README): the demo credentials of all three algorithms verify, and every tampered, expired,
//! untrusted, wrong-element, `alg: none` and HMAC one is refused with its reason in both
//! languages, exit 1, and no value of the credential on the output.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn vector(name: &str) -> String {
    path(&format!("tests/credentials/{name}"))
        .to_string_lossy()
        .into_owned()
}

fn demo_trust() -> String {
    path("www/trust/demo-trust.json")
        .to_string_lossy()
        .into_owned()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oncefill"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs `credential verify` and reads its verdict.
fn verify(file: &str, extra: &[&str]) -> (Option<i32>, Value, String) {
    let trust = demo_trust();
    let mut args = vec!["credential", "verify", file, "--trust", trust.as_str()];
    args.extend_from_slice(extra);
    let out = run(&args);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let verdict: Value = serde_json::from_str(stdout.trim()).unwrap_or(Value::Null);
    (out.status.code(), verdict, stdout)
}

/// Every string value of a subject file long enough to be recognisable.
fn subject_values(name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(vector(name)).unwrap();
    let subject: Value = serde_json::from_str(&text).unwrap();
    let mut out = Vec::new();
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) if s.chars().count() >= 3 => out.push(s.clone()),
            Value::Object(o) => o.values().for_each(|v| walk(v, out)),
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    walk(&subject, &mut out);
    assert!(out.len() >= 5, "{name}");
    out
}

fn assert_no_values(stdout: &str, subject: &str) {
    for value in subject_values(subject) {
        assert!(!stdout.contains(&value), "a value was printed in {stdout}");
    }
}

#[test]
fn demo_credentials_of_every_algorithm_verify() {
    for (file, alg, subject, elements) in [
        (
            "resident-id-es256.sdjwt",
            "ES256",
            "resident-id.subject.json",
            &[
                "person.name",
                "person.id_number",
                "person.sex",
                "person.birth_date",
                "person.hukou_address",
                "person.ethnicity",
                "person.id_issuer",
                "person.id_valid_from",
                "person.id_valid_to",
            ][..],
        ),
        (
            "resident-id-eddsa.sdjwt",
            "Ed25519",
            "resident-id.subject.json",
            &["person.name", "person.id_number"][..],
        ),
        (
            "resident-id-sm2.sdjwt",
            "SM2-SM3",
            "resident-id.subject.json",
            &["person.name", "person.id_number"][..],
        ),
        (
            "business-licence-es256.sdjwt",
            "ES256",
            "business-licence.subject.json",
            &[
                "firm.uscc",
                "firm.name",
                "legal_rep:person.name",
                "firm.reg_capital",
                "firm.established",
                "firm.term_from",
                "firm.term_to",
                "firm.business_scope",
                "firm.domicile",
                "firm.reg_authority",
            ][..],
        ),
        (
            "business-licence-eddsa.sdjwt",
            "Ed25519",
            "business-licence.subject.json",
            &["firm.uscc", "firm.name"][..],
        ),
        (
            "business-licence-sm2.sdjwt",
            "SM2-SM3",
            "business-licence.subject.json",
            &["firm.uscc", "legal_rep:person.name"][..],
        ),
    ] {
        let (code, verdict, stdout) = verify(&vector(file), &[]);
        assert_eq!(code, Some(0), "{file}: {stdout}");
        assert_eq!(verdict["ok"], Value::Bool(true), "{file}");
        assert_eq!(verdict["algorithm"], alg, "{file}");
        assert_eq!(verdict["demo"], Value::Bool(true), "{file}");
        assert_eq!(verdict["key_binding"], Value::Bool(false), "{file}");
        assert!(
            verdict["issuer"]["id"].as_str().unwrap().contains("demo"),
            "{file}"
        );
        let got: Vec<&str> = verdict["elements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["element"].as_str().unwrap())
            .collect();
        for element in elements {
            assert!(got.contains(element), "{file}: {element} not in {got:?}");
        }
        // Every demo value passes its element's own check.
        assert!(
            verdict["elements"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e.get("problem").is_none()),
            "{file}: {stdout}"
        );
        assert_no_values(&stdout, subject);
    }
}

#[test]
fn values_in_the_verdict_are_masked() {
    let (_, verdict, _) = verify(&vector("resident-id-es256.sdjwt"), &[]);
    let value_of = |element: &str| {
        verdict["elements"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["element"] == element)
            .map(|e| e["value"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(value_of("person.id_number"), "1101**********1239");
    assert_eq!(value_of("person.name"), "王*示");
    assert_eq!(
        verdict["elements"][0]["label"]["zh-CN"].as_str().unwrap(),
        "姓名"
    );
}

#[test]
fn bad_credentials_are_refused_with_their_reason() {
    for (file, reason) in [
        ("tampered.sdjwt", "signature"),
        ("tampered-disclosure.sdjwt", "disclosure"),
        ("expired.sdjwt", "expired"),
        ("untrusted-issuer.sdjwt", "untrusted-issuer"),
        ("wrong-element.sdjwt", "element-not-allowed"),
        ("alg-none.sdjwt", "algorithm"),
        ("alg-hs256.sdjwt", "algorithm"),
    ] {
        let (code, verdict, stdout) = verify(&vector(file), &[]);
        assert_eq!(code, Some(1), "{file}: {stdout}");
        assert_eq!(verdict["ok"], Value::Bool(false), "{file}");
        assert_eq!(verdict["reason"], reason, "{file}");
        let zh = verdict["message"]["zh-CN"].as_str().unwrap();
        let en = verdict["message"]["en"].as_str().unwrap();
        assert!(zh.contains("凭证") || zh.contains("签发"), "{file}: {zh}");
        assert!(en.is_ascii() && en.len() > 10, "{file}: {en}");
        assert!(verdict.get("elements").is_none(), "{file}");
        assert_no_values(&stdout, "resident-id.subject.json");
    }
}

#[test]
fn a_presentation_needs_its_key_binding() {
    let file = vector("example-presentation.sdjwt");
    let trust = vector("example-trust.json");
    let ok = [
        "--audience",
        "https://forms.example.gov",
        "--nonce",
        "n-0S6_WzA2Mj",
        "--at",
        "2026-01-02T00:01:00Z",
    ];
    let out = run(&[
        &["credential", "verify", &file, "--trust", &trust][..],
        &ok[..],
    ]
    .concat());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains(r#""key_binding":true"#), "{stdout}");
    assert!(!stdout.contains("110105199003071239"), "{stdout}");

    let mut replayed = ok;
    replayed[3] = "another-nonce";
    let out = run(&[
        &["credential", "verify", &file, "--trust", &trust][..],
        &replayed[..],
    ]
    .concat());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains(r#""reason":"key-binding""#)
    );

    // As an issued credential (no audience, no nonce) a KB-JWT is not expected.
    let out = run(&[
        "credential",
        "verify",
        &file,
        "--trust",
        &trust,
        "--at",
        "2026-01-02T00:01:00Z",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains(r#""reason":"key-binding-unexpected""#)
    );
}

#[test]
fn usage_errors_exit_2() {
    let file = vector("resident-id-es256.sdjwt");
    let trust = demo_trust();
    for args in [
        vec!["credential"],
        vec!["credential", "inspect", file.as_str()],
        vec!["credential", "verify", file.as_str()],
        vec!["credential", "verify", "--trust", trust.as_str()],
        vec!["credential", "verify", file.as_str(), "--trust"],
        vec![
            "credential",
            "verify",
            file.as_str(),
            "--trust",
            trust.as_str(),
            "--nonce",
            "n",
        ],
        vec![
            "credential",
            "verify",
            file.as_str(),
            "--trust",
            trust.as_str(),
            "--at",
            "yesterday",
        ],
        vec![
            "credential",
            "verify",
            file.as_str(),
            "--trust",
            trust.as_str(),
            "--bogus",
            "x",
        ],
        vec![
            "credential",
            "verify",
            "/nonexistent/credential.sdjwt",
            "--trust",
            trust.as_str(),
        ],
        // A trust list that is not valid is not a verdict on the credential.
        vec![
            "credential",
            "verify",
            file.as_str(),
            "--trust",
            file.as_str(),
        ],
        vec!["trust"],
        vec!["trust", "check"],
        vec!["trust", "lint", trust.as_str()],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn the_demo_trust_list_is_valid_and_says_demo_everywhere() {
    let out = run(&["trust", "check", &demo_trust()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("ok (3 issuers, 7 keys, demo)"), "{stdout}");
    assert!(stdout.contains("halls/demo-desk [ES256]"), "{stdout}");
    assert!(stdout.contains("SM2-SM3"), "{stdout}");

    let list: Value =
        serde_json::from_str(&std::fs::read_to_string(demo_trust()).unwrap()).unwrap();
    assert_eq!(list["demo"], Value::Bool(true));
    assert!(list["list_id"].as_str().unwrap().contains("demo"));
    for issuer in list["issuers"].as_array().unwrap() {
        assert_eq!(issuer["demo"], Value::Bool(true));
        assert!(issuer["id"].as_str().unwrap().contains("demo"));
        assert!(issuer["name"]["zh-CN"].as_str().unwrap().contains("演示"));
        assert!(issuer["name"]["en"].as_str().unwrap().contains("Demo"));
        for key in issuer["keys"].as_array().unwrap() {
            assert!(key["kid"].as_str().unwrap().starts_with("demo-"));
            assert!(
                key["jwk"].get("d").is_none(),
                "no private key in a trust list"
            );
        }
    }
}

#[test]
fn a_bad_trust_list_is_named_in_both_languages() {
    let mut list: Value =
        serde_json::from_str(&std::fs::read_to_string(demo_trust()).unwrap()).unwrap();
    list["issuers"][1]["keys"][2]["alg"] = Value::String("HS256".into());
    let dir = std::env::temp_dir().join(format!("oncefill-trust-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad-trust.json");
    std::fs::write(&file, list.to_string()).unwrap();
    let out = run(&["trust", "check", file.to_str().unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("第 2 个签发机构的第 3 把密钥"), "{stdout}");
    assert!(stdout.contains("Issuer 2, key 3"), "{stdout}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_schema_knows_every_member_the_core_reads() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(path("www/schema/trust.schema.json")).unwrap(),
    )
    .unwrap();
    let list: Value =
        serde_json::from_str(&std::fs::read_to_string(demo_trust()).unwrap()).unwrap();
    let members = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    let props = |s: &Value| -> Vec<String> {
        s["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    let defs = &schema["$defs"];
    for m in members(&list) {
        assert!(props(&schema).contains(&m), "{m}");
    }
    for issuer in list["issuers"].as_array().unwrap() {
        for m in members(issuer) {
            assert!(props(&defs["issuer"]).contains(&m), "{m}");
        }
        for key in issuer["keys"].as_array().unwrap() {
            for m in members(key) {
                assert!(props(&defs["key"]).contains(&m), "{m}");
            }
        }
        for c in issuer["credentials"].as_array().unwrap() {
            for m in members(c) {
                assert!(props(&defs["credential"]).contains(&m), "{m}");
            }
        }
    }
}

/// Runs `credential preview` of a demo credential against a profile file.
fn preview(file: &str, profile: &str, extra: &[&str]) -> (Option<i32>, Value, String) {
    let trust = demo_trust();
    let mut args = vec![
        "credential",
        "preview",
        file,
        "--trust",
        trust.as_str(),
        "--profile",
        profile,
    ];
    args.extend_from_slice(extra);
    let out = run(&args);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let report: Value = serde_json::from_str(stdout.trim()).unwrap_or(Value::Null);
    (out.status.code(), report, stdout)
}

#[test]
fn preview_says_what_importing_would_do_with_values_masked() {
    let dir = std::env::temp_dir().join(format!("oncefill-preview-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let profile = dir.join("profile.json");
    let entry = |value: &str| {
        serde_json::json!({"value": value, "source": {"kind": "self_declared"},
            "updated": "2026-11-21T08:00:00Z"})
    };
    let text = serde_json::json!({"version": 2, "persons": [{"id": "p1", "relation": "self",
        "values": {"person.name": entry("王小明"), "person.birth_date": entry("1990-03-07")}}],
        "firms": [], "agents": []});
    std::fs::write(&profile, text.to_string()).unwrap();
    let profile = profile.to_string_lossy().into_owned();
    let before = std::fs::read_to_string(&profile).unwrap();

    let (code, report, stdout) = preview(&vector("resident-id-es256.sdjwt"), &profile, &[]);
    assert_eq!(code, Some(0), "{stdout}");
    assert_eq!(report["ok"], true);
    assert_eq!(report["source"]["kind"], "credential");
    let action = |element: &str| {
        report["elements"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["element"] == element)
            .unwrap_or_else(|| panic!("{element} in {stdout}"))
            .clone()
    };
    let name = action("person.name");
    assert_eq!(name["action"], "replace");
    assert_eq!(name["current"]["kind"], "self_declared");
    assert_eq!(name["message"]["zh-CN"], "替换自填的值");
    assert_eq!(action("person.birth_date")["action"], "same");
    assert_eq!(action("person.id_number")["action"], "add");
    assert_eq!(action("person.id_number")["value"], "1101**********1239");
    assert!(report["count"].as_u64().unwrap() >= 3);
    assert_no_values(&stdout, "resident-id.subject.json");
    assert!(
        !stdout.contains("王小明"),
        "the profile's own value was printed"
    );
    assert_eq!(
        std::fs::read_to_string(&profile).unwrap(),
        before,
        "the profile file is not changed"
    );

    // A refused credential: its verdict, exit 1.
    let (code, report, stdout) = preview(&vector("tampered.sdjwt"), &profile, &[]);
    assert_eq!(code, Some(1), "{stdout}");
    assert_eq!(report["ok"], false);
    // No profile, or one that is not a profile: a usage error.
    let (code, _, _) = preview(
        &vector("resident-id-es256.sdjwt"),
        "/nonexistent/p.json",
        &[],
    );
    assert_eq!(code, Some(2));
    let (code, _, _) = preview(
        &vector("resident-id-es256.sdjwt"),
        &vector("resident-id.subject.json"),
        &[],
    );
    assert_eq!(code, Some(2));
    let out = run(&["credential", "preview", &vector("resident-id-es256.sdjwt")]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
