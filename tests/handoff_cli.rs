//! `oncefill handoff`: a hand-off sealed on the command line (the desk's end-to-end tests make
//! their codes with it) opens at the desk, as text and through its QR picture; a late one is
//! refused; and an attestation signed with the committed demo hall key
//! (`xtask/demo-hall-key.json`) verifies against the demo trust list, while a changed value is
//! refused without being quoted.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use oncefill::core::credential::elements::Target;
use oncefill::core::dictionary::Key;
use oncefill::core::handoff::attest::{HallKey, attest};
use oncefill::core::handoff::{DeskSession, HandoffError, qr};
use oncefill::core::vault::OsRandom;
use serde_json::Value;

const NAME: &str = "欧阳青禾";
const ID: &str = "44030419870523481X";

fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oncefill"))
        .args(args)
        .output()
        .unwrap()
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("oncefill-handoff-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn items_file(dir: &Path) -> String {
    let file = dir.join("items.json");
    let items = serde_json::json!([["person.name", NAME], ["person.id_number", ID]]);
    std::fs::write(&file, items.to_string()).unwrap();
    file.to_string_lossy().into_owned()
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

#[test]
fn a_code_sealed_on_the_command_line_opens_at_the_desk_as_text_and_as_a_picture() {
    let dir = scratch("seal");
    let desk = DeskSession::start(now(), &mut OsRandom).unwrap();
    let offer = desk.offer().text();
    let png = dir.join("sealed.png");
    let out = run(&[
        "handoff",
        "seal",
        "--offer",
        &offer,
        "--items",
        &items_file(&dir),
        "--png",
        png.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sealed = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(sealed.starts_with("OFS1."));
    assert!(!sealed.contains(NAME) && !sealed.contains(ID));
    let received = desk.open(&sealed, now()).unwrap();
    assert_eq!(received.items.len(), 2);
    assert_eq!(received.items[0].value(), NAME);

    // The picture: a greyscale PNG whose code is the same text.
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(frame.color_type, png::ColorType::Grayscale);
    let (w, h) = (frame.width as usize, frame.height as usize);
    assert_eq!(qr::decode(w, h, &pixels[..w * h]).unwrap(), sealed);

    // Another session of the desk (the next case) refuses it.
    let next = DeskSession::start(now(), &mut OsRandom).unwrap();
    assert_eq!(
        next.open(&sealed, now()).unwrap_err(),
        HandoffError::WrongSession
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_late_code_is_refused_and_usage_errors_quote_no_value() {
    let dir = scratch("late");
    let desk = DeskSession::start(now(), &mut OsRandom).unwrap();
    let at = (now() - 400).to_string();
    let out = run(&[
        "handoff",
        "seal",
        "--offer",
        &desk.offer().text(),
        "--items",
        &items_file(&dir),
        "--at",
        &at,
    ]);
    assert_eq!(out.status.code(), Some(0));
    let sealed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        desk.open(&sealed, now()).unwrap_err(),
        HandoffError::Expired
    );

    // An element the dictionary does not know; a value its validator refuses is the desk's
    // to refuse, and the command never prints it.
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"[["person.nickname", "小欧"]]"#).unwrap();
    let out = run(&[
        "handoff",
        "seal",
        "--offer",
        &desk.offer().text(),
        "--items",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("小欧"));
    assert_eq!(
        run(&["handoff", "seal", "--offer", "OFO1.x.1"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["handoff"]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_demo_halls_attestation_verifies_against_the_demo_trust_list() {
    let dir = scratch("attest");
    let secret = std::fs::read_to_string(path("xtask/demo-hall-key.json")).unwrap();
    let key = HallKey::from_secret_text(secret.trim()).unwrap();
    assert!(key.hall.contains("demo") && key.kid.contains("demo"));
    let name = Target {
        key: Key::PersonName,
        legal_rep: false,
    };
    let id = Target {
        key: Key::PersonIdNumber,
        legal_rep: false,
    };
    let signed = attest(
        &key,
        &[(name, NAME), (id, ID)],
        time::OffsetDateTime::now_utc(),
        time::Duration::days(365),
        &mut OsRandom,
    )
    .unwrap();
    let text = signed.to_text().unwrap();
    let trust = path("www/trust/demo-trust.json");
    let verify = |values: &str| {
        let file = dir.join("values.json");
        std::fs::write(&file, values).unwrap();
        let out = run(&[
            "handoff",
            "verify-attestation",
            &text,
            "--trust",
            trust.to_str().unwrap(),
            "--values",
            file.to_str().unwrap(),
        ]);
        let stdout = String::from_utf8(out.stdout).unwrap();
        (
            out.status.code(),
            serde_json::from_str::<Value>(stdout.trim()).unwrap(),
            stdout,
        )
    };
    let (code, verdict, _) =
        verify(&serde_json::json!([["person.name", NAME], ["person.id_number", ID]]).to_string());
    assert_eq!(code, Some(0), "{verdict}");
    assert_eq!(verdict["hall"], key.hall.as_str());
    assert_eq!(
        verdict["elements"],
        serde_json::json!(["person.name", "person.id_number"])
    );

    let (code, verdict, stdout) = verify(
        &serde_json::json!([["person.name", "欧阳青山"], ["person.id_number", ID]]).to_string(),
    );
    assert_eq!(code, Some(1));
    assert_eq!(verdict["code"], "value");
    assert!(!stdout.contains("欧阳青山") && !stdout.contains(ID));
    let _ = std::fs::remove_dir_all(&dir);
}
