//! `oncefill portals check FILE`: the site's allow-list passes, a bad one names its portal in
//! both languages and exits 1, a usage error exits 2.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oncefill"))
        .args(args)
        .output()
        .unwrap()
}

fn temp(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("oncefill-portals-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn the_sites_allow_list_is_valid() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/portals.json");
    let out = run(&["portals", "check", file.to_str().unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("ok (1 portals)"), "{stdout}");
    assert!(stdout.contains("https://zwfw.example.gov.cn"), "{stdout}");
}

#[test]
fn a_bad_origin_is_named_in_both_languages() {
    let file = temp(
        "bad.json",
        r#"{"version": 1, "portals": [{"origin": "https://a.example.cn", "name": "A"},
            {"origin": "https://*.example.cn", "name": "B"}]}"#,
    );
    let out = run(&["portals", "check", file.to_str().unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("第 2 个门户"), "{stdout}");
    assert!(stdout.contains("Portal 2"), "{stdout}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["portals"]).status.code(), Some(2));
    assert_eq!(run(&["portals", "list", "x"]).status.code(), Some(2));
    assert_eq!(run(&["portals", "check"]).status.code(), Some(2));
    assert_eq!(
        run(&["portals", "check", "/nonexistent/portals.json"])
            .status
            .code(),
        Some(2)
    );
}
