//! `oncefill backup open|seal`, run as a person would: the passphrase piped on standard input.
//!
//! Sealing with the default parameters (64 MiB, 3 passes) costs a few seconds in a debug build,
//! so only the round trip and `--force` seal that way; the files the rejection tests damage
//! are sealed here, through the same core, with tiny parameters.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use oncefill::core::i18n::{Lang, tr};
use oncefill::core::profile::Profile;
use oncefill::core::vault::{
    DEFAULT_PARAMS, KdfParams, RECORD_BACKUP, SeededRandom, VaultError, VaultKey, parse_header,
    seal, seal_profile,
};

const PASS: &str = "Hangzhou-teapot-1990";
const TINY: KdfParams = KdfParams {
    m_kib: 8,
    t: 1,
    p: 1,
};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary with `stdin` piped in (a write error means it had already exited).
fn run(args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_oncefill"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.as_bytes());
    }
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// A fresh directory under the system's temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "oncefill-cli-backup-{}-{n}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A small profile sealed as a backup with tiny parameters.
fn tiny_backup() -> Vec<u8> {
    let mut rng = SeededRandom::new(11);
    let key = VaultKey::create(PASS, TINY, &mut rng).unwrap();
    seal_profile(&key, RECORD_BACKUP, &Profile::new(), &mut rng).unwrap()
}

/// Asserts a refusal: exit 1, nothing on stdout, one line on stderr, zh-CN before English.
fn assert_refused(run: &Run, zh: &str, en: &str, what: &str) {
    assert_eq!(run.code, 1, "{what}: {}", run.stderr);
    assert_eq!(run.stdout, "", "{what}: printed something");
    assert_eq!(run.stderr.lines().count(), 1, "{what}: {}", run.stderr);
    let (at_zh, at_en) = (run.stderr.find(zh), run.stderr.find(en));
    assert!(
        matches!((at_zh, at_en), (Some(a), Some(b)) if a < b),
        "{what}: expected {zh:?} then {en:?} in {:?}",
        run.stderr
    );
}

#[test]
fn seal_then_open_round_trips_a_profile_the_app_can_import() {
    let dir = TempDir::new("round-trip");
    let demo = Profile::demo();
    let (profile, out) = (dir.path("profile.json"), dir.path("me.oncefill"));
    std::fs::write(&profile, demo.to_json()).unwrap();

    let sealed = run(
        &["backup", "seal", s(&profile), s(&out)],
        &format!("{PASS}\n"),
    );
    assert_eq!(sealed.code, 0, "{}", sealed.stderr);
    assert_eq!(sealed.stdout.trim(), s(&out));
    assert_eq!(
        dir.names(),
        ["me.oncefill", "profile.json"],
        "no OUT.tmp left"
    );
    let bytes = std::fs::read(&out).unwrap();
    let header = parse_header(&bytes).unwrap();
    assert_eq!(header.record, RECORD_BACKUP);
    assert_eq!(header.params, DEFAULT_PARAMS);

    let opened = run(&["backup", "open", s(&out)], &format!("{PASS}\n"));
    assert_eq!(opened.code, 0, "{}", opened.stderr);
    assert_eq!(opened.stderr, "");
    assert!(opened.stdout.starts_with("{\n  \""), "pretty JSON");
    assert_eq!(Profile::from_json(&opened.stdout).unwrap(), demo);

    let wrong = run(&["backup", "open", s(&out)], "Hangzhou-teapot-1990!\n");
    assert_refused(
        &wrong,
        &VaultError::WrongPassphrase.message(Lang::ZhCn),
        &VaultError::WrongPassphrase.message(Lang::En),
        "wrong passphrase",
    );
    for text in [
        &sealed.stdout,
        &sealed.stderr,
        &opened.stderr,
        &wrong.stderr,
    ] {
        assert!(!text.contains("Wang-1990"), "the passphrase was printed");
    }
}

#[test]
fn the_passphrase_is_the_first_line_without_its_line_break() {
    let dir = TempDir::new("lines");
    let file = dir.path("tiny.oncefill");
    std::fs::write(&file, tiny_backup()).unwrap();
    let args = ["backup", "open", s(&file)];
    for stdin in [
        format!("{PASS}\n"),
        format!("{PASS}\r\n"),
        PASS.to_string(),
        format!("{PASS}\nsecond line\n"),
    ] {
        let opened = run(&args, &stdin);
        assert_eq!(opened.code, 0, "{stdin:?}: {}", opened.stderr);
        assert_eq!(Profile::from_json(&opened.stdout).unwrap(), Profile::new());
    }
    let zh = VaultError::WrongPassphrase.message(Lang::ZhCn);
    let en = VaultError::WrongPassphrase.message(Lang::En);
    assert_refused(
        &run(&args, &format!(" {PASS}\n")),
        &zh,
        &en,
        "leading space",
    );
    assert_refused(&run(&args, "wang-1990-hangzhou\n"), &zh, &en, "case");
    let empty = run(&args, "");
    assert_eq!(empty.code, 1);
    assert!(empty.stderr.contains("no passphrase"), "{}", empty.stderr);
    assert_eq!(run(&args, "\n").code, 1);
}

#[test]
fn every_single_byte_flip_is_refused() {
    let dir = TempDir::new("flips");
    let bytes = tiny_backup();
    let file = dir.path("flipped.oncefill");
    assert!(
        bytes.len() < 400,
        "keep the file small: {} bytes",
        bytes.len()
    );
    for i in 0..bytes.len() {
        // One bit per byte, a different one from byte to byte. With m = 8 KiB, t = 1, p = 1
        // no such flip asks for more than a few MiB of key derivation; the core's unit test
        // flips two bits of every byte.
        let flip = 1u8 << (i % 8);
        let mut damaged = bytes.clone();
        damaged[i] ^= flip;
        std::fs::write(&file, &damaged).unwrap();
        let opened = run(&["backup", "open", s(&file)], &format!("{PASS}\n"));
        assert_eq!(opened.code, 1, "byte {i} flip {flip:#04x} accepted");
        assert_eq!(opened.stdout, "", "byte {i}: printed something");
        assert_eq!(
            opened.stderr.lines().count(),
            1,
            "byte {i}: {}",
            opened.stderr
        );
        assert!(
            opened.stderr.contains("[vault."),
            "byte {i}: {}",
            opened.stderr
        );
    }
}

#[test]
fn truncated_and_foreign_files_are_refused_as_malformed() {
    let dir = TempDir::new("malformed");
    let bytes = tiny_backup();
    let file = dir.path("bad.oncefill");
    let zh = tr(Lang::ZhCn, "vault-malformed", &[]);
    let zh = zh.split('（').next().unwrap().to_string();
    let en = "This is not an OnceFill file";
    let header_len = parse_header(&bytes).unwrap().header_len;
    for len in [0, 1, 8, 22, header_len, header_len + 4, bytes.len() - 1] {
        std::fs::write(&file, &bytes[..len]).unwrap();
        let opened = run(&["backup", "open", s(&file)], &format!("{PASS}\n"));
        assert_refused(&opened, &zh, en, &format!("prefix of {len} bytes"));
    }
    let mut longer = bytes.clone();
    longer.push(0);
    let profile_json = Profile::demo().to_json();
    for (what, content) in [
        ("one byte too many", longer),
        ("a zip file", b"PK\x03\x04 not a backup".to_vec()),
        ("a profile in the clear", profile_json.into_bytes()),
    ] {
        std::fs::write(&file, &content).unwrap();
        let opened = run(&["backup", "open", s(&file)], &format!("{PASS}\n"));
        assert_refused(&opened, &zh, en, what);
    }
    let mut rng = SeededRandom::new(12);
    let key = VaultKey::create(PASS, TINY, &mut rng).unwrap();
    std::fs::write(
        &file,
        seal(&key, RECORD_BACKUP, b"not json", &mut rng).unwrap(),
    )
    .unwrap();
    let opened = run(&["backup", "open", s(&file)], &format!("{PASS}\n"));
    assert_refused(
        &opened,
        "文件能打开，但里面不是资料",
        "holds no profile",
        "not a profile",
    );
}

#[test]
fn a_file_asking_for_a_costlier_derivation_than_the_cap_is_refused_unopened() {
    let dir = TempDir::new("costly");
    let file = dir.path("costly.oncefill");
    // What the format honoured before: 256 MiB and 16 passes, seconds per attempt.
    let mut bytes = tiny_backup();
    bytes[10..14].copy_from_slice(&(256u32 * 1024).to_le_bytes());
    bytes[14..18].copy_from_slice(&16u32.to_le_bytes());
    std::fs::write(&file, &bytes).unwrap();
    let opened = run(&["backup", "open", s(&file)], &format!("{PASS}\n"));
    assert_refused(
        &opened,
        "超过一次填允许的上限（128 MiB、6 遍",
        "costlier than OnceFill allows (128 MiB, 6 passes",
        "256 MiB x 16",
    );
    assert!(
        opened.stderr.contains("vault.too_costly"),
        "{}",
        opened.stderr
    );
}

#[test]
fn a_missing_file_is_named() {
    let dir = TempDir::new("missing");
    let file = dir.path("nowhere.oncefill");
    let opened = run(&["backup", "open", s(&file)], &format!("{PASS}\n"));
    assert_refused(&opened, "无法读取文件", "cannot read", "missing file");
    assert!(opened.stderr.contains(s(&file)), "{}", opened.stderr);
    let sealed = run(
        &["backup", "seal", s(&file), s(&dir.path("out"))],
        &format!("{PASS}\n"),
    );
    assert_refused(&sealed, "无法读取文件", "cannot read", "missing profile");
    assert!(sealed.stderr.contains(s(&file)), "{}", sealed.stderr);
    assert!(dir.names().is_empty());
}

#[test]
fn an_existing_output_is_kept_unless_forced() {
    let dir = TempDir::new("existing");
    let (profile, out) = (dir.path("profile.json"), dir.path("me.oncefill"));
    std::fs::write(&profile, Profile::demo().to_json()).unwrap();
    std::fs::write(&out, "keep me").unwrap();
    let args = ["backup", "seal", s(&profile), s(&out)];
    let refused = run(&args, &format!("{PASS}\n"));
    assert_refused(&refused, "已存在", "already exists", "existing OUT");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    assert_eq!(dir.names(), ["me.oncefill", "profile.json"]);

    let forced = run(
        &["backup", "seal", "--force", s(&profile), s(&out)],
        &format!("{PASS}\n"),
    );
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert_eq!(
        parse_header(&std::fs::read(&out).unwrap()).unwrap().record,
        RECORD_BACKUP
    );
    assert_eq!(dir.names(), ["me.oncefill", "profile.json"]);
}

#[test]
fn a_weak_passphrase_or_a_bad_profile_writes_nothing() {
    let dir = TempDir::new("weak");
    let (profile, out) = (dir.path("profile.json"), dir.path("me.oncefill"));
    std::fs::write(&profile, Profile::demo().to_json()).unwrap();
    let args = ["backup", "seal", s(&profile), s(&out)];
    for weak in [
        "123456",
        "19900307",
        "abcdefgh",
        "short",
        "password1",
        "zhang1990",
        "12345678",
        "qwertyui",
        "zhangwei1990",
        "Wang-1990-Hangzhou",
    ] {
        let refused = run(&args, &format!("{weak}\n"));
        assert_eq!(refused.code, 1, "{weak}: {}", refused.stderr);
        assert!(refused.stderr.contains("密码太弱"), "{}", refused.stderr);
        assert!(refused.stderr.contains("too weak"), "{}", refused.stderr);
        assert!(!refused.stderr.contains(weak), "{weak} was printed");
    }
    // zxcvbn's findings and the pinyin name rule, in our own words, zh-CN first.
    for (weak, hint) in [
        ("password1", "pass-hint-common"),
        ("zhangwei1990", "pass-hint-name"),
        ("zxcvbnm,./", "pass-hint-keyboard"),
    ] {
        let refused = run(&args, &format!("{weak}\n"));
        let zh = tr(Lang::ZhCn, hint, &[]);
        let en = tr(Lang::En, hint, &[]);
        let (at_zh, at_en) = (refused.stderr.find(&zh), refused.stderr.find(&en));
        assert!(
            matches!((at_zh, at_en), (Some(a), Some(b)) if a < b),
            "{weak}: {}",
            refused.stderr
        );
    }
    assert_eq!(dir.names(), ["profile.json"]);

    for (content, code) in [
        ("{ not json", "profile.not_json"),
        ("{\"persons\": []}", "profile.not_a_profile"),
        ("{\"version\": 2, \"persons\": 7}", "profile.invalid"),
    ] {
        std::fs::write(&profile, content).unwrap();
        let refused = run(&args, &format!("{PASS}\n"));
        assert_refused(&refused, "资料", code, content);
    }
    assert_eq!(dir.names(), ["profile.json"]);
}

#[test]
fn a_bad_profile_is_refused_naming_the_member_never_its_value() {
    let dir = TempDir::new("bad-member");
    let (profile, out) = (dir.path("profile.json"), dir.path("me.oncefill"));
    let id = "110105194912310025";
    for (json, zh, en) in [
        (
            format!(r#"{{"version":2,"persons":[{{"id":"p1","relation":"{id}"}}]}}"#),
            "取值不在可选范围内",
            "not one of its choices",
        ),
        (
            format!(r#"{{"version":2,"persons":[{{"id":"p1","relation":{id}}}]}}"#),
            "类型不对",
            "wrong kind of value",
        ),
    ] {
        std::fs::write(&profile, &json).unwrap();
        let refused = run(
            &["backup", "seal", s(&profile), s(&out)],
            &format!("{PASS}\n"),
        );
        assert_refused(&refused, zh, en, &json);
        assert_eq!(refused.stderr.matches("persons[0].relation").count(), 2);
        // The file's own name (with the test's process id in it) aside.
        let longest = refused
            .stderr
            .replace(s(&profile), "")
            .split(|c: char| !c.is_ascii_digit())
            .map(str::len)
            .max();
        assert!(longest < Some(6), "{} quotes the value", refused.stderr);
    }
    assert_eq!(dir.names(), ["profile.json"]);
}

/// Runs the binary on a pseudo-terminal (util-linux `script`), typing each of `lines` once the
/// prompt before it has appeared; returns the exit code and everything the terminal showed.
#[cfg(unix)]
fn run_on_terminal(args: &[&str], prompts_and_lines: &[(&str, &str)]) -> (i32, String) {
    use std::io::Read;
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    let command = std::iter::once(env!("CARGO_BIN_EXE_oncefill"))
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut child = Command::new("script")
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("util-linux `script` runs a command on a pseudo-terminal");
    let mut stdout = child.stdout.take().unwrap();
    let (send, receive) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut chunk = [0u8; 256];
        while let Ok(n) = stdout.read(&mut chunk) {
            if n == 0 || send.send(chunk[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut shown = Vec::new();
    let mut input = child.stdin.take().unwrap();
    for (prompt, line) in prompts_and_lines {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !String::from_utf8_lossy(&shown).contains(prompt) {
            let left = deadline.saturating_duration_since(Instant::now());
            match receive.recv_timeout(left) {
                Ok(bytes) => shown.extend(bytes),
                Err(_) => panic!(
                    "no prompt {prompt:?}; the terminal showed {:?}",
                    String::from_utf8_lossy(&shown)
                ),
            }
        }
        // The prompt is written just before echo is turned off.
        std::thread::sleep(Duration::from_millis(300));
        input.write_all(format!("{line}\n").as_bytes()).unwrap();
        input.flush().unwrap();
        shown.clear();
    }
    drop(input);
    let status = child.wait().unwrap();
    reader.join().unwrap();
    shown.extend(receive.try_iter().flatten());
    (
        status.code().unwrap_or(-1),
        String::from_utf8(shown).unwrap(),
    )
}

#[cfg(unix)]
#[test]
fn a_passphrase_typed_at_a_terminal_is_not_echoed() {
    let dir = TempDir::new("terminal");
    let (profile, out) = (dir.path("profile.json"), dir.path("me.oncefill"));
    std::fs::write(&profile, Profile::new().to_json()).unwrap();
    let seal_args = ["backup", "seal", s(&profile), s(&out)];

    // Typed twice alike: sealed, and nothing typed appears on the terminal.
    let (code, shown) = run_on_terminal(&seal_args, &[("Passphrase: ", PASS), ("Again: ", PASS)]);
    assert_eq!(code, 0, "{shown}");
    assert!(
        !shown.contains(PASS),
        "the passphrase was echoed: {shown:?}"
    );
    assert!(shown.contains(s(&out)), "{shown}");
    let (code, shown) = run_on_terminal(&["backup", "open", s(&out)], &[("Passphrase: ", PASS)]);
    assert_eq!(code, 0, "{shown}");
    assert!(
        !shown.contains(PASS),
        "the passphrase was echoed: {shown:?}"
    );
    assert!(shown.contains("\"version\""), "{shown}");

    // Typed differently the second time: nothing is written.
    std::fs::remove_file(&out).unwrap();
    let (code, shown) = run_on_terminal(
        &seal_args,
        &[("Passphrase: ", PASS), ("Again: ", "Hangzhou-teapot-1991")],
    );
    assert_eq!(code, 1, "{shown}");
    assert!(
        shown.contains("两次输入的密码不一样") && shown.contains("differ"),
        "{shown}"
    );
    assert_eq!(dir.names(), ["profile.json"]);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["backup"][..],
        &["backup", "open"],
        &["backup", "open", "a", "b"],
        &["backup", "open", "--force", "a"],
        &["backup", "seal", "a"],
        &["backup", "seal", "a", "b", "--bogus"],
        &["backup", "frobnicate"],
        &["bench-unlock", "--runs", "0"],
        &["bench-unlock", "--runs"],
        &["bench-unlock", "extra"],
    ] {
        let result = run(args, "");
        assert_eq!(result.code, 2, "{args:?}: {}", result.stderr);
        assert!(result.stderr.contains("usage: oncefill"), "{args:?}");
    }
}
