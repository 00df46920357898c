//! The command line, run as a person or a portal's CI would run it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use std::process::Command;

use serde_json::Value;

fn run(args: &[&str]) -> (i32, Value, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_oncefill"))
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let json = serde_json::from_str(stdout.trim()).unwrap_or(Value::Null);
    (output.status.code().unwrap_or(-1), json, stderr)
}

#[test]
fn a_valid_id_number_is_normalised_with_what_follows_from_it() {
    let (code, json, _) = run(&["validate", "person.id_number", "11010519491231002x"]);
    assert_eq!(code, 0);
    assert_eq!(json["ok"], true);
    assert_eq!(json["normalized"], "11010519491231002X");
    assert_eq!(json["derived"]["person.birth_date"], "1949-12-31");
    assert_eq!(json["derived"]["person.sex"], "2");
    assert_eq!(json["errors"], Value::Array(vec![]));
}

#[test]
fn an_invalid_value_exits_1_with_a_coded_message() {
    let (code, json, _) = run(&["validate", "person.id_number", "110105199003071238"]);
    assert_eq!(code, 1);
    assert_eq!(json["ok"], false);
    assert_eq!(json["normalized"], Value::Null);
    assert_eq!(json["errors"][0]["code"], "id.check_digit");
    assert!(
        json["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("“9”")
    );
    let (_, en, _) = run(&[
        "validate",
        "person.id_number",
        "110105199003071238",
        "--lang",
        "en",
    ]);
    assert!(
        en["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("should be \"9\"")
    );
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, stderr) = run(&["validate", "person.nonsense", "x"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown key"), "{stderr}");
    assert_eq!(run(&["validate", "person.name"]).0, 2);
    assert_eq!(run(&[]).0, 2);
    assert_eq!(run(&["frobnicate"]).0, 2);
}

#[test]
fn mobile_numbers_are_normalised() {
    let (code, json, _) = run(&["validate", "contact.mobile", "+86 138-0013-8000"]);
    assert_eq!(code, 0);
    assert_eq!(json["normalized"], "13800138000");
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_a_usage_error_not_a_crash() {
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"\xff\xfe.html");
    let output = Command::new(env!("CARGO_BIN_EXE_oncefill"))
        .arg("classify")
        .arg(bad)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("UTF-8") && !stderr.contains("panicked"),
        "{stderr}"
    );
}
