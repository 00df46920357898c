//! The OnceFill command line: the same core as the browser app, for portals' CI and for
//! people who want their data outside a browser.
//!
//! ```text
//! oncefill validate <key> <value> [--lang zh-CN|en]
//! oncefill classify PAGE.html
//! oncefill backup open FILE                      < passphrase
//! oncefill backup seal PROFILE.json OUT [--force] < passphrase
//! oncefill mapping check FILE... [--lang zh-CN|en]
//! oncefill portals check FILE                    (the portals' allow-list, www/portals.json)
//! oncefill trust check FILE                      (a credential trust list, www/trust/*.json)
//! oncefill credential verify FILE --trust TRUST.json [--audience AUD --nonce NONCE] [--at TIME]
//! oncefill handoff seal --offer OFFER --items ITEMS.json [--png OUT.png] [--at UNIX]
//! oncefill handoff verify-attestation TEXT --trust TRUST.json --values VALUES.json [--at UNIX]
//! oncefill qr decode PICTURE.pgm                 (the text of a QR code in a grayscale picture)
//! ```
//!
//! `validate` prints one JSON object `{"ok", "normalized", "errors", "warnings", "derived"}`
//! and exits 0 when the value is valid, 1 when it is not, 2 on a usage error.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    // An argument that is not UTF-8 (a file name in another encoding) is a usage error, not a
    // crash; the argument itself is not printed.
    let args: Result<Vec<String>, _> = std::env::args_os()
        .skip(1)
        .map(std::ffi::OsString::into_string)
        .collect();
    match args {
        Ok(args) => cli::run(&args),
        Err(_) => {
            eprintln!(
                "错误：有一个参数不是有效的 UTF-8 文本（文件名请改用 UTF-8 编码）。\n\
                 error: an argument is not valid UTF-8 text (name files in UTF-8)."
            );
            std::process::ExitCode::from(2)
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

/// `oncefill classify PAGE.html [--mapping MAPPING.json]`: the fields of a saved page, each
/// with the element it asks for, whose it is and why, as one JSON array in document order
/// (see `oncefill::core::classify::report`); a known mapping of the form, if given, outranks
/// everything else. Exits 0, or 2 when the page or the mapping cannot be read. A page beyond
/// the scanner's caps (32 MiB, 2,000 fields, elements 512 deep) is classified as far as it was
/// read, and standard error says what was left out, in Chinese and English.
///
/// `oncefill bench-classify [--runs N] [--fields N] [--corpus DIR] [--table]` (hidden; for
/// `cargo xtask bench`, in a release build) prints one JSON line: `classify_ms_1000`, the
/// median time of scanning and classifying a generated page of about 1000 fields, and the
/// labelled corpus's `classify_precision`, `classify_recall`, `classify_wrong_fills`,
/// `classify_wrong_person` (the right element for the wrong person) and their `_zh` variants,
/// and the scan of hostile pages (`scan_ms_5k_fields`, `scan_ms_50k_fields`,
/// `scan_fields_ratio_50k_5k`, `scan_ms_100k_nested`). With `--table`, standard error also
/// gets one row a page and each field that was not as expected (element, role and why; no
/// values: the corpus pages hold none).
#[cfg(not(target_arch = "wasm32"))]
mod classify {
    use std::io::Write;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use oncefill::core::classify::{Mapping, classify_fields_with, eval, report};
    use oncefill::core::i18n::Lang;
    use oncefill::core::scan::{MAX_HTML_BYTES, html::HtmlDom, scan_page};
    use serde_json::Value;

    const USAGE: &str = "usage: oncefill classify PAGE.html [--mapping MAPPING.json]";
    const BENCH_USAGE: &str =
        "usage: oncefill bench-classify [--runs N] [--fields N] [--corpus DIR] [--table]";

    fn usage(usage: &str, message: &str) -> ExitCode {
        let _ = writeln!(std::io::stderr(), "oncefill: {message}\n{usage}");
        ExitCode::from(2)
    }

    fn print(text: &str) {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{text}");
    }

    pub fn run(args: &[String]) -> ExitCode {
        let (path, mapping) = match args {
            [path] => (path, None),
            [path, flag, file] if flag == "--mapping" => (path, Some(file)),
            _ => return usage(USAGE, "classify takes one HTML file"),
        };
        let mapping = match mapping.map(std::fs::read_to_string) {
            None => None,
            Some(Ok(json)) => match Mapping::from_json(&json) {
                Ok(m) => Some(m),
                Err(e) => return usage(USAGE, &format!("mapping: {e}")),
            },
            Some(Err(e)) => return usage(USAGE, &format!("cannot read the mapping: {e}")),
        };
        // A few bytes past the cap, so that the parser sees the page is over it.
        let cap = u64::try_from(MAX_HTML_BYTES + 4).unwrap_or(u64::MAX);
        let mut bytes = Vec::new();
        let read = std::fs::File::open(path)
            .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, cap), &mut bytes));
        if let Err(e) = read {
            return usage(USAGE, &format!("cannot read {path:?}: {e}"));
        }
        let dom = HtmlDom::parse_bytes(&bytes);
        let scanned = scan_page(&dom);
        if let Some(reason) = &scanned.truncated {
            let _ = writeln!(
                std::io::stderr(),
                "oncefill: {}
oncefill: {}",
                reason.message(Lang::ZhCn),
                reason.message(Lang::En)
            );
        }
        let fields = scanned.fields;
        let classified = classify_fields_with(&fields, mapping.as_ref());
        let rows = report::report(&fields, &classified);
        match serde_json::to_string_pretty(&rows) {
            Ok(json) => {
                print(&json);
                ExitCode::SUCCESS
            }
            Err(e) => usage(USAGE, &format!("cannot encode the result: {e}")),
        }
    }

    pub fn bench(args: &[String]) -> ExitCode {
        let mut runs = 25usize;
        let mut n = 1000usize;
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut corpus = root.join("tests").join("data").join("classify");
        let mut table = false;
        let mut i = 0;
        while i < args.len() {
            if args[i] == "--table" {
                table = true;
                i += 1;
                continue;
            }
            let value = args.get(i + 1);
            match (args[i].as_str(), value) {
                ("--runs", Some(v)) => match v.parse() {
                    Ok(r) => runs = r,
                    Err(_) => return usage(BENCH_USAGE, "--runs needs a number"),
                },
                ("--fields", Some(v)) => match v.parse() {
                    Ok(f) => n = f,
                    Err(_) => return usage(BENCH_USAGE, "--fields needs a number"),
                },
                ("--corpus", Some(v)) => corpus = PathBuf::from(v),
                (other, _) => return usage(BENCH_USAGE, &format!("unexpected {other:?}")),
            }
            i += 2;
        }
        let page = eval::generated_page(n);
        let (ms, _) = eval::time_scan_and_classify(&page, runs.max(20));
        let mut metrics = serde_json::Map::new();
        metrics.insert(
            format!("classify_ms_{n}"),
            serde_json::Number::from_f64((ms * 1000.0).round() / 1000.0)
                .map_or(Value::Null, Value::Number),
        );
        metrics.extend(eval::scan_limit_metrics(5));
        match eval::load_corpus(&corpus, Path::new(&root)) {
            Ok(pages) => {
                let scores = eval::score_corpus(&pages);
                if table {
                    let _ = write!(std::io::stderr(), "{}", eval::table(&scores));
                }
                metrics.extend(eval::metrics(&scores));
            }
            Err(e) => {
                let _ = writeln!(std::io::stderr(), "oncefill: corpus not scored: {e}");
            }
        }
        print(&Value::Object(metrics).to_string());
        ExitCode::SUCCESS
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::Write;
    use std::process::ExitCode;

    use oncefill::core::check::{Context, check};
    use oncefill::core::clock;
    use oncefill::core::dictionary::{ELEMENTS, Key};
    use oncefill::core::i18n::Lang;
    use oncefill::core::profile::Data;
    use oncefill::core::validate::Issue;
    use serde_json::{Map, Value, json};

    const USAGE: &str = "usage: oncefill validate <key> <value> [--lang zh-CN|en] [--id-type TYPE]\n\
        keys are the data dictionary's dotted keys, e.g. person.id_number, firm.uscc, contact.mobile";

    fn usage(message: &str) -> ExitCode {
        let _ = writeln!(std::io::stderr(), "oncefill: {message}\n{USAGE}");
        ExitCode::from(2)
    }

    fn out(value: &Value) {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{value}");
    }

    pub fn run(args: &[String]) -> ExitCode {
        match args.first().map(String::as_str) {
            Some("validate") => validate(&args[1..]),
            Some("classify") => crate::classify::run(&args[1..]),
            Some("bench-classify") => crate::classify::bench(&args[1..]),
            Some("backup") => crate::backup::run(&args[1..]),
            Some("bench-unlock") => crate::backup::bench_unlock(&args[1..]),
            Some("mapping") => crate::mapping::run(&args[1..]),
            Some("portals") => crate::portals::run(&args[1..]),
            Some("trust") => crate::credential::trust(&args[1..]),
            Some("credential") => crate::credential::run(&args[1..]),
            Some("handoff") => crate::handoff::run(&args[1..]),
            Some("qr") => crate::qr::run(&args[1..]),
            Some("keys") => {
                let keys: Vec<Value> = ELEMENTS
                    .iter()
                    .map(|e| json!({"key": e.id, "zh": e.zh, "en": e.en, "sensitive": e.sensitive, "type": e.value}))
                    .collect();
                out(&Value::Array(keys));
                ExitCode::SUCCESS
            }
            Some("-h" | "--help" | "help") => {
                let _ = writeln!(std::io::stdout(), "{USAGE}");
                ExitCode::SUCCESS
            }
            Some(other) => usage(&format!("unknown command {other:?}")),
            None => usage("no command given"),
        }
    }

    fn issue_json(issue: &Issue, lang: Lang) -> Value {
        json!({"code": issue.code(), "message": issue.message(lang)})
    }

    fn validate(args: &[String]) -> ExitCode {
        let mut positional = Vec::new();
        let mut lang = Lang::ZhCn;
        let mut id_type: Option<String> = None;
        let mut i = 0;
        while i < args.len() {
            match args[i].as_str() {
                "--lang" => {
                    i += 1;
                    match args.get(i) {
                        Some(tag) => lang = Lang::from_tag(tag),
                        None => return usage("--lang needs a value"),
                    }
                }
                "--id-type" => {
                    i += 1;
                    match args.get(i) {
                        Some(t) => id_type = Some(t.clone()),
                        None => return usage("--id-type needs a value"),
                    }
                }
                other => positional.push(other.to_string()),
            }
            i += 1;
        }
        let [key, value] = positional.as_slice() else {
            return usage("validate takes a key and a value");
        };
        let Some(key) = Key::from_id(key) else {
            return usage(&format!(
                "unknown key {key:?} (list them with `oncefill keys`)"
            ));
        };
        let ctx = Context {
            today: clock::today(),
            id_type: id_type.as_deref(),
        };
        match check(key, value, &ctx) {
            Ok(checked) => {
                let normalized = match &checked.value {
                    Data::Text(t) => Value::String(t.clone()),
                    Data::List(items) => Value::String(items.join("、")),
                };
                let derived: Map<String, Value> = checked
                    .derived
                    .iter()
                    .map(|(k, v)| (k.id().to_string(), Value::String(v.clone())))
                    .collect();
                out(&json!({
                    "ok": true,
                    "normalized": normalized,
                    "errors": [],
                    "warnings": checked.warnings.iter().map(|w| issue_json(w, lang)).collect::<Vec<_>>(),
                    "derived": derived,
                }));
                ExitCode::SUCCESS
            }
            Err(issue) => {
                out(&json!({
                    "ok": false,
                    "normalized": null,
                    "errors": [issue_json(&issue, lang)],
                    "warnings": [],
                    "derived": {},
                }));
                ExitCode::from(1)
            }
        }
    }
}

/// `oncefill backup …` and the hidden `oncefill bench-unlock`: the vault's envelope on the
/// command line, sealed and opened by the same core code as the app, so that a person's data
/// is never locked in a browser.
///
/// ```text
/// oncefill backup open FILE                    < passphrase
/// oncefill backup seal PROFILE.json OUT [--force] < passphrase
/// ```
///
/// The passphrase is the first line of standard input (without its line break). When standard
/// input is a terminal it is asked for on the terminal and read without echo (`seal` asks for
/// it twice, since a typo there would lock the backup); the passphrase is never printed. `open` prints the profile JSON; `seal` writes
/// an `.oncefill` backup the app can import, atomically (a temporary file in the same
/// directory, synced, then renamed), and never replaces an existing file without `--force`.
/// Both exit 0 on success, 1 when the file, the passphrase or the content is refused (one
/// line on stderr, zh-CN then English), 2 on a usage error.
///
/// `oncefill bench-unlock [--runs N]` (for `cargo xtask bench`, in a release build) seals the
/// demo profile with the default parameters and prints `{"unlock_ms_native": <median ms>}`.
#[cfg(not(target_arch = "wasm32"))]
mod backup {
    use std::ffi::OsString;
    use std::fs::{self, File, OpenOptions};
    use std::io::{self, BufRead, IsTerminal, Read, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::time::Instant;

    use oncefill::core::i18n::{Lang, tr};
    use oncefill::core::profile::Profile;
    use oncefill::core::vault::{
        self, DEFAULT_PARAMS, OsRandom, RECORD_BACKUP, RECORD_VAULT, VaultError, VaultKey,
    };
    use zeroize::Zeroizing;

    const USAGE: &str = "usage: oncefill backup open FILE                       (passphrase: first line of stdin)\n\
        \x20      oncefill backup seal PROFILE.json OUT [--force]   (passphrase: first line of stdin)";

    const BENCH_USAGE: &str = "usage: oncefill bench-unlock [--runs N]";

    /// The longest input worth reading: an envelope's ciphertext is at most 64 MiB and its
    /// header under 256 bytes. A longer file is read only this far, and the core refuses it.
    const MAX_FILE: u64 = (64 << 20) + 256;

    /// The passphrase `bench-unlock` uses (the one the browser benchmark types).
    const BENCH_PASSPHRASE: &str = "Wang-1990-Hangzhou";

    fn usage(usage: &str, message: &str) -> ExitCode {
        let _ = writeln!(io::stderr(), "oncefill: {message}\n{usage}");
        ExitCode::from(2)
    }

    /// One line on stderr, zh-CN then English; exit 1.
    fn fail(zh: &str, en: &str) -> ExitCode {
        let line = format!("oncefill: {zh} / {en}").replace(['\r', '\n'], " ");
        let _ = writeln!(io::stderr(), "{line}");
        ExitCode::from(1)
    }

    fn vault_fail(path: &Path, error: &VaultError) -> ExitCode {
        let shown = path.display();
        fail(
            &format!("“{shown}”：{}", error.message(Lang::ZhCn)),
            &format!("{shown}: {} [{}]", error.message(Lang::En), error.code()),
        )
    }

    pub fn run(args: &[String]) -> ExitCode {
        match args.first().map(String::as_str) {
            Some("open") => open(&args[1..]),
            Some("seal") => seal(&args[1..]),
            Some("-h" | "--help" | "help") => {
                let _ = writeln!(io::stdout(), "{USAGE}");
                ExitCode::SUCCESS
            }
            Some(other) => usage(USAGE, &format!("unknown backup command {other:?}")),
            None => usage(USAGE, "backup needs a command: open or seal"),
        }
    }

    /// The positional arguments and whether `--force` was given; `Err` on an unknown option.
    fn split_args(args: &[String], force_allowed: bool) -> Result<(Vec<&str>, bool), String> {
        let mut positional = Vec::new();
        let mut force = false;
        for arg in args {
            match arg.as_str() {
                "--force" if force_allowed => force = true,
                "--" => {}
                option if option.starts_with("--") => {
                    return Err(format!("unknown option {option:?}"));
                }
                value => positional.push(value),
            }
        }
        Ok((positional, force))
    }

    /// The whole file, at most [`MAX_FILE`] + 1 bytes of it; `Err` says which file failed.
    fn read_file(path: &Path) -> Result<Zeroizing<Vec<u8>>, ExitCode> {
        let cannot = |e: io::Error| {
            fail(
                &format!("无法读取文件“{}”：{e}", path.display()),
                &format!("cannot read {}: {e}", path.display()),
            )
        };
        let file = File::open(path).map_err(cannot)?;
        let mut bytes = Zeroizing::new(Vec::new());
        file.take(MAX_FILE + 1)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
        Ok(bytes)
    }

    /// The passphrase: typed at the terminal without echo when standard input is one (twice
    /// when `confirm`), else the first line of standard input without its line break.
    fn read_passphrase(confirm: bool) -> Result<Zeroizing<String>, ExitCode> {
        let line = if io::stdin().is_terminal() {
            let first = prompt("密码 / Passphrase: ")?;
            if confirm && !first.is_empty() && *prompt("再输入一次 / Again: ")? != *first {
                return Err(fail(
                    "两次输入的密码不一样，没有生成备份",
                    "the two passphrases differ; no backup was written",
                ));
            }
            first
        } else {
            first_line()?
        };
        if line.is_empty() {
            return Err(fail(
                "没有密码：请在标准输入的第一行给出密码",
                "no passphrase: give it as the first line of standard input",
            ));
        }
        Ok(line)
    }

    /// A passphrase typed at the terminal, not echoed.
    fn prompt(text: &str) -> Result<Zeroizing<String>, ExitCode> {
        rpassword::prompt_password(text)
            .map(Zeroizing::new)
            .map_err(|e| {
                fail(
                    &format!("无法从终端读取密码：{e}"),
                    &format!("cannot read the passphrase from the terminal: {e}"),
                )
            })
    }

    /// The first line of standard input, without its line break.
    fn first_line() -> Result<Zeroizing<String>, ExitCode> {
        let mut line = Zeroizing::new(String::with_capacity(1024));
        if let Err(e) = io::stdin().lock().read_line(&mut line) {
            return Err(fail(
                &format!("无法从标准输入读取密码：{e}"),
                &format!("cannot read the passphrase from standard input: {e}"),
            ));
        }
        if line.ends_with('\n') {
            line.pop();
            if line.ends_with('\r') {
                line.pop();
            }
        }
        Ok(line)
    }

    fn write_stdout(text: &str) -> Result<(), ExitCode> {
        let mut stdout = io::stdout().lock();
        stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.write_all(b"\n"))
            .and_then(|()| stdout.flush())
            .map_err(|e| {
                fail(
                    &format!("无法输出：{e}"),
                    &format!("cannot write to stdout: {e}"),
                )
            })
    }

    fn open(args: &[String]) -> ExitCode {
        let positional = match split_args(args, false) {
            Ok((positional, _)) => positional,
            Err(message) => return usage(USAGE, &message),
        };
        let [file] = positional.as_slice() else {
            return usage(USAGE, "backup open takes one FILE");
        };
        let path = Path::new(file);
        let bytes = match read_file(path) {
            Ok(bytes) => bytes,
            Err(code) => return code,
        };
        let passphrase = match read_passphrase(false) {
            Ok(passphrase) => passphrase,
            Err(code) => return code,
        };
        let profile = match vault::open_profile(&passphrase, &bytes) {
            Ok((_key, profile)) => profile,
            Err(error) => return vault_fail(path, &error),
        };
        let json = Zeroizing::new(profile.to_json());
        match write_stdout(&json) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        }
    }

    fn seal(args: &[String]) -> ExitCode {
        let (positional, force) = match split_args(args, true) {
            Ok(split) => split,
            Err(message) => return usage(USAGE, &message),
        };
        let [profile_file, out_file] = positional.as_slice() else {
            return usage(USAGE, "backup seal takes PROFILE.json and OUT");
        };
        let (profile_path, out) = (Path::new(profile_file), Path::new(out_file));
        if !force && out.symlink_metadata().is_ok() {
            return exists(out);
        }
        let bytes = match read_file(profile_path) {
            Ok(bytes) => bytes,
            Err(code) => return code,
        };
        let shown = profile_path.display();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            return fail(
                &format!("“{shown}”不是资料文件：不是 UTF-8 文本"),
                &format!("{shown} is not a profile: not UTF-8 text"),
            );
        };
        let profile = match Profile::from_json(text) {
            Ok(profile) => profile,
            Err(e) => {
                return fail(
                    &format!("“{shown}”：{}", e.message(Lang::ZhCn)),
                    &format!("{shown}: {} [{}]", e.message(Lang::En), e.code()),
                );
            }
        };
        let passphrase = match read_passphrase(true) {
            Ok(passphrase) => passphrase,
            Err(code) => return code,
        };
        let strength = vault::strength(&passphrase);
        if !strength.acceptable() {
            let mut stderr = io::stderr().lock();
            let _ = writeln!(
                stderr,
                "oncefill: 密码太弱，没有生成备份 / the passphrase is too weak; no backup was written"
            );
            for hint in &strength.hints {
                let _ = writeln!(
                    stderr,
                    "  - {} / {}",
                    tr(Lang::ZhCn, hint, &[]),
                    tr(Lang::En, hint, &[])
                );
            }
            return ExitCode::from(1);
        }
        let sealed = match seal_checked(&passphrase, &profile) {
            Ok(sealed) => sealed,
            Err(error) => return vault_fail(out, &error),
        };
        match write_atomically(out, &sealed, force) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return exists(out),
            Err(e) => {
                return fail(
                    &format!("无法写入“{}”：{e}（没有留下不完整的文件）", out.display()),
                    &format!("cannot write {}: {e} (no partial file left)", out.display()),
                );
            }
        }
        match write_stdout(&out.display().to_string()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        }
    }

    fn exists(out: &Path) -> ExitCode {
        let shown = out.display();
        fail(
            &format!("“{shown}”已存在，没有覆盖（要替换它请加 --force）"),
            &format!("{shown} already exists and was not overwritten (add --force to replace it)"),
        )
    }

    /// Seals `profile` as a backup and checks, as the app does before it switches to a new
    /// generation, that the result opens to the same profile.
    fn seal_checked(passphrase: &str, profile: &Profile) -> Result<Vec<u8>, VaultError> {
        let key = VaultKey::create(passphrase, DEFAULT_PARAMS, &mut OsRandom)?;
        let sealed = vault::seal_profile(&key, RECORD_BACKUP, profile, &mut OsRandom)?;
        let back = vault::profile_of(&vault::open_with_key(&key, &sealed)?)?;
        if back != *profile {
            return Err(VaultError::Tampered);
        }
        Ok(sealed)
    }

    /// `OUT.tmp`, next to `OUT`.
    fn temp_path(out: &Path) -> io::Result<PathBuf> {
        let name = out.file_name().ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, "the output path names no file")
        })?;
        let mut temp = OsString::from(name);
        temp.push(".tmp");
        Ok(out.with_file_name(temp))
    }

    /// Writes `bytes` to `out` so that `out` is either absent, untouched or complete: write
    /// `OUT.tmp` in the same directory, sync it, then move it into place.
    fn write_atomically(out: &Path, bytes: &[u8], force: bool) -> io::Result<()> {
        let temp = temp_path(out)?;
        let result = write_synced(&temp, bytes).and_then(|()| publish(&temp, out, force));
        if result.is_err() {
            let _ = fs::remove_file(&temp);
        }
        result
    }

    fn write_synced(temp: &Path, bytes: &[u8]) -> io::Result<()> {
        // A stale OUT.tmp (from an interrupted run) is replaced; removing first means a
        // symbolic link there is never written through.
        match fs::remove_file(temp) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    }

    /// Moves the synced `temp` to `out`. Without `force` an existing `out` is never replaced,
    /// even one that appeared meanwhile: a hard link fails if the name is taken.
    fn publish(temp: &Path, out: &Path, force: bool) -> io::Result<()> {
        if force {
            fs::rename(temp, out)?;
        } else {
            match fs::hard_link(temp, out) {
                Ok(()) => {
                    let _ = fs::remove_file(temp);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
                // A file system without hard links: check, then rename.
                Err(_) => {
                    if out.symlink_metadata().is_ok() {
                        return Err(io::ErrorKind::AlreadyExists.into());
                    }
                    fs::rename(temp, out)?;
                }
            }
        }
        sync_parent(out);
        Ok(())
    }

    /// Makes the new directory entry durable. Best effort: some file systems cannot sync a
    /// directory, and the file itself is already complete on disk.
    fn sync_parent(out: &Path) {
        #[cfg(unix)]
        {
            let dir = match out.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            if let Ok(dir) = File::open(dir) {
                let _ = dir.sync_all();
            }
        }
        #[cfg(not(unix))]
        let _ = out;
    }

    /// The hidden `bench-unlock`: median milliseconds of `open_profile` on a vault sealed with
    /// [`DEFAULT_PARAMS`], as the app unlocks it.
    pub fn bench_unlock(args: &[String]) -> ExitCode {
        let mut runs: usize = 20;
        let mut i = 0;
        while i < args.len() {
            match args[i].as_str() {
                "--runs" => {
                    i += 1;
                    match args.get(i).and_then(|n| n.parse::<usize>().ok()) {
                        Some(n) if n > 0 => runs = n,
                        _ => return usage(BENCH_USAGE, "--runs needs a whole number above 0"),
                    }
                }
                other => return usage(BENCH_USAGE, &format!("unexpected argument {other:?}")),
            }
            i += 1;
        }
        let demo = Profile::demo();
        let sealed = VaultKey::create(BENCH_PASSPHRASE, DEFAULT_PARAMS, &mut OsRandom)
            .and_then(|key| vault::seal_profile(&key, RECORD_VAULT, &demo, &mut OsRandom));
        let sealed = match sealed {
            Ok(sealed) => sealed,
            Err(error) => return vault_fail(Path::new("bench-unlock"), &error),
        };
        let mut samples = Vec::with_capacity(runs);
        for _ in 0..runs {
            let start = Instant::now();
            let opened = vault::open_profile(BENCH_PASSPHRASE, &sealed);
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            match opened {
                Ok((_, profile)) if profile == demo => samples.push(ms),
                Ok(_) => return fail("打开后的资料与原资料不同", "the opened profile differs"),
                Err(error) => return vault_fail(Path::new("bench-unlock"), &error),
            }
        }
        samples.sort_by(f64::total_cmp);
        let mid = samples.len() / 2;
        let median = if samples.len() % 2 == 1 {
            samples[mid]
        } else {
            (samples[mid - 1] + samples[mid]) / 2.0
        };
        let _ = writeln!(
            io::stderr(),
            "bench-unlock: median {median:.2} ms over {runs} runs (min {:.2}, max {:.2}; m = {} KiB, t = {}, p = {})",
            samples[0],
            samples[samples.len() - 1],
            DEFAULT_PARAMS.m_kib,
            DEFAULT_PARAMS.t,
            DEFAULT_PARAMS.p,
        );
        match write_stdout(&format!("{{\"unlock_ms_native\": {median:.2}}}")) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        }
    }
}

/// `oncefill mapping check FILE... [--lang zh-CN|en]`: checks form mapping files (see
/// `oncefill::core::mapping`) against the format, the data dictionary and each transform's
/// own members, as a portal's CI would. Prints `FILE: ok (N fields)` for a good file and one line `FILE: PATH: MESSAGE` per
/// problem of a bad one (zh-CN, then English, unless `--lang` picks one). Exits 0 when every
/// file is good, 1 when one is not, 2 on a usage error or when a file cannot be read.
#[cfg(not(target_arch = "wasm32"))]
mod mapping {
    use std::io::Write;
    use std::process::ExitCode;

    use oncefill::core::i18n::Lang;
    use oncefill::core::mapping::{FormMapping, MappingError};

    const USAGE: &str = "usage: oncefill mapping check FILE... [--lang zh-CN|en]";

    fn usage(message: &str) -> ExitCode {
        let _ = writeln!(std::io::stderr(), "oncefill: {message}\n{USAGE}");
        ExitCode::from(2)
    }

    fn describe(error: &MappingError, langs: &[Lang]) -> String {
        let messages: Vec<String> = langs.iter().map(|l| error.message(*l)).collect();
        let text = messages.join(" / ");
        if error.path.is_empty() {
            text
        } else {
            format!("{}: {text}", error.path)
        }
    }

    pub fn run(args: &[String]) -> ExitCode {
        match args.first().map(String::as_str) {
            Some("check") => check(&args[1..]),
            Some("-h" | "--help" | "help") => {
                let _ = writeln!(std::io::stdout(), "{USAGE}");
                ExitCode::SUCCESS
            }
            Some(other) => usage(&format!("unknown mapping command {other:?}")),
            None => usage("mapping needs a command: check"),
        }
    }

    fn check(args: &[String]) -> ExitCode {
        let mut langs = vec![Lang::ZhCn, Lang::En];
        let mut files = Vec::new();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            match arg.as_str() {
                "--lang" => match rest.next() {
                    Some(tag) => langs = vec![Lang::from_tag(tag)],
                    None => return usage("--lang needs a value"),
                },
                "--" => files.extend(rest.by_ref().cloned()),
                option if option.starts_with("--") => {
                    return usage(&format!("unknown option {option:?}"));
                }
                file => files.push(file.to_string()),
            }
        }
        if files.is_empty() {
            return usage("mapping check needs at least one file");
        }
        let mut stdout = std::io::stdout().lock();
        let (mut invalid, mut unreadable) = (false, false);
        for file in &files {
            let text = match std::fs::read_to_string(file) {
                Ok(t) => t,
                Err(e) => {
                    let _ = writeln!(std::io::stderr(), "{file}: cannot be read: {e}");
                    unreadable = true;
                    continue;
                }
            };
            // A site's index of mapping files (an array of file names) is not a mapping.
            if let Ok(names) = serde_json::from_str::<Vec<String>>(&text)
                && !names.is_empty()
            {
                let _ = writeln!(
                    stdout,
                    "{file}: index of {} mapping files (not checked)",
                    names.len()
                );
                continue;
            }
            match FormMapping::list_from_json(&text) {
                Ok(mappings) => {
                    let n: usize = mappings.iter().map(|m| m.fields.len()).sum();
                    let _ = writeln!(stdout, "{file}: ok ({n} fields)");
                }
                Err(errors) => {
                    invalid = true;
                    for e in &errors {
                        let _ = writeln!(stdout, "{file}: {}", describe(e, &langs));
                    }
                }
            }
        }
        if unreadable {
            ExitCode::from(2)
        } else if invalid {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// `oncefill portals check FILE`: checks the allow-list of portals the OnceFill window answers
/// (`www/portals.json`). Exits 0 when it is valid, 1 when it is not, 2 on a usage error or an
/// unreadable file.
#[cfg(not(target_arch = "wasm32"))]
mod portals {
    use std::io::Write;
    use std::process::ExitCode;

    use oncefill::core::protocol::AllowList;

    const USAGE: &str = "usage: oncefill portals check FILE";

    fn usage(message: &str) -> ExitCode {
        let _ = writeln!(std::io::stderr(), "oncefill: {message}\n{USAGE}");
        ExitCode::from(2)
    }

    pub fn run(args: &[String]) -> ExitCode {
        match args {
            [cmd, file] if cmd == "check" => check(file),
            [help] if matches!(help.as_str(), "-h" | "--help" | "help") => {
                let _ = writeln!(std::io::stdout(), "{USAGE}");
                ExitCode::SUCCESS
            }
            [cmd, ..] if cmd != "check" => usage(&format!("unknown portals command {cmd:?}")),
            [] => usage("portals needs a command: check"),
            _ => usage("portals check takes one file"),
        }
    }

    fn check(file: &str) -> ExitCode {
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                let _ = writeln!(std::io::stderr(), "{file}: cannot be read: {e}");
                return ExitCode::from(2);
            }
        };
        let mut stdout = std::io::stdout().lock();
        match AllowList::from_json(&text) {
            Ok(list) => {
                let _ = writeln!(stdout, "{file}: ok ({} portals)", list.portals().len());
                for p in list.portals() {
                    let _ = writeln!(stdout, "  {}", p.origin);
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                let _ = writeln!(stdout, "{file}: {e}");
                ExitCode::from(1)
            }
        }
    }
}

/// `oncefill qr decode PICTURE.pgm`: prints the text of the first QR code found in a grayscale
/// picture (binary PGM, `P5`, 8-bit) with the core's reader ([`oncefill::core::handoff::qr`]),
/// e.g. a screenshot of a hand-off's code. Exits 0 when a code was read, 1 when none was found,
/// 2 on a usage error or a picture it cannot read.
#[cfg(not(target_arch = "wasm32"))]
mod qr {
    use std::io::Write;
    use std::process::ExitCode;

    use oncefill::core::handoff::qr::decode;
    use oncefill::core::i18n::Lang;

    const USAGE: &str = "usage: oncefill qr decode PICTURE.pgm";

    pub fn run(args: &[String]) -> ExitCode {
        let [command, file] = args else {
            let _ = writeln!(std::io::stderr(), "{USAGE}");
            return ExitCode::from(2);
        };
        if command != "decode" {
            let _ = writeln!(std::io::stderr(), "{USAGE}");
            return ExitCode::from(2);
        }
        let Some((width, height, pixels)) = std::fs::read(file).ok().and_then(|b| pgm(&b)) else {
            let _ = writeln!(
                std::io::stderr(),
                "{file}: 不是 8 位二进制 PGM 图片 / not an 8-bit binary PGM picture (P5)"
            );
            return ExitCode::from(2);
        };
        match decode(width, height, &pixels) {
            Ok(text) => {
                let _ = writeln!(std::io::stdout().lock(), "{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "{} / {}",
                    e.message(Lang::ZhCn),
                    e.message(Lang::En)
                );
                ExitCode::from(1)
            }
        }
    }

    /// Width, height and pixels of a binary PGM (`P5`, maximum value 255; comments allowed).
    pub(crate) fn pgm(bytes: &[u8]) -> Option<(usize, usize, Vec<u8>)> {
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'#') {
                if bytes[at] == b'#' {
                    while at < bytes.len() && bytes[at] != b'\n' {
                        at += 1;
                    }
                } else {
                    at += 1;
                }
            }
            let start = at;
            while at < bytes.len() && !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(std::str::from_utf8(bytes.get(start..at)?).ok()?);
        }
        let (width, height): (usize, usize) = (fields[1].parse().ok()?, fields[2].parse().ok()?);
        if fields[0] != "P5" || fields[3] != "255" {
            return None;
        }
        let pixels = bytes.get(at + 1..)?;
        (pixels.len() == width.checked_mul(height)?).then(|| (width, height, pixels.to_vec()))
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn a_pgm_is_read_and_a_wrong_one_refused() {
            let mut file = b"P5\n# a comment\n3 2\n255\n".to_vec();
            file.extend_from_slice(&[0, 255, 0, 255, 0, 255]);
            assert_eq!(
                super::pgm(&file),
                Some((3, 2, vec![0, 255, 0, 255, 0, 255]))
            );
            assert_eq!(super::pgm(&file[..file.len() - 1]), None, "a pixel short");
            assert_eq!(super::pgm(b"P2\n1 1\n255\n0"), None, "text PGM");
            assert_eq!(super::pgm(b"P5\n1 1\n65535\n\0\0"), None, "16-bit");
        }
    }
}

/// `oncefill trust check FILE`: checks a credential trust list (`trust-list/1`, see
/// `oncefill::core::credential::trust`). Exits 0 when it is valid, 1 when it is not, 2 on a
/// usage error or an unreadable file.
///
/// `oncefill credential verify FILE --trust TRUST.json [--audience AUD --nonce NONCE] [--at
/// TIME]`: verifies an SD-JWT VC credential with the same core code as the app and prints one
/// JSON verdict: `{"ok": true, "issuer", "demo", "algorithm", "kid", "type", "issued_at",
/// "expires", "verified_at", "key_binding", "elements": [{"element", "claim", "label", "value"}]}`
/// with every value masked, or `{"ok": false, "reason", "message": {"zh-CN", "en"}}`. With
/// `--audience` and `--nonce` the credential must be a presentation with a KB-JWT for them;
/// without, it must be a credential as issued (no KB-JWT). `--at` (RFC 3339) verifies at that
/// time instead of now. Exits 0 when the credential is verified, 1 when it is refused, 2 on a
/// usage error, an unreadable file or a trust list that is not valid.
///
/// `oncefill credential preview FILE --trust TRUST.json --profile PROFILE.json [--at TIME]`:
/// verifies the credential as `verify` does (as issued, no KB-JWT) and prints what importing it
/// into the profile would do, element by element, as JSON with every value masked:
/// `{"ok": true, "issuer", "demo", "source", "count", "elements": [{"element", "label", "value",
/// "action" (add, replace, same, keep, invalid, no-holder), "message": {"zh-CN", "en"},
/// "current"?}]}`, or the verdict of a refused credential. The profile file is not changed.
/// Exits as `verify` does; a profile that cannot be read is a usage error (2).
#[cfg(not(target_arch = "wasm32"))]
mod credential {
    use std::io::Write;
    use std::process::ExitCode;

    use oncefill::core::credential::trust::TrustList;
    use oncefill::core::credential::{Policy, verdict, verify};
    use time::OffsetDateTime;
    use time::format_description::well_known::Rfc3339;

    const TRUST_USAGE: &str = "usage: oncefill trust check FILE";
    const USAGE: &str = "usage: oncefill credential verify FILE --trust TRUST.json \
        [--audience AUD --nonce NONCE] [--at YYYY-MM-DDTHH:MM:SSZ]\n       \
        oncefill credential preview FILE --trust TRUST.json --profile PROFILE.json \
        [--at YYYY-MM-DDTHH:MM:SSZ]";

    fn usage(usage: &str, message: &str) -> ExitCode {
        let _ = writeln!(std::io::stderr(), "oncefill: {message}\n{usage}");
        ExitCode::from(2)
    }

    fn read(file: &str) -> Result<String, ExitCode> {
        std::fs::read_to_string(file).map_err(|e| {
            let _ = writeln!(
                std::io::stderr(),
                "{file}: 无法读取 / cannot be read: {}",
                e.kind()
            );
            ExitCode::from(2)
        })
    }

    pub fn trust(args: &[String]) -> ExitCode {
        match args {
            [cmd, file] if cmd == "check" => check(file),
            [help] if matches!(help.as_str(), "-h" | "--help" | "help") => {
                let _ = writeln!(std::io::stdout(), "{TRUST_USAGE}");
                ExitCode::SUCCESS
            }
            [cmd, ..] if cmd != "check" => usage(
                TRUST_USAGE,
                &format!("未知的 trust 命令 / unknown trust command {cmd:?}"),
            ),
            [] => usage(
                TRUST_USAGE,
                "trust 需要命令 check / trust needs a command: check",
            ),
            _ => usage(
                TRUST_USAGE,
                "trust check 只接受一个文件 / trust check takes one file",
            ),
        }
    }

    fn check(file: &str) -> ExitCode {
        let text = match read(file) {
            Ok(t) => t,
            Err(code) => return code,
        };
        let mut stdout = std::io::stdout().lock();
        match TrustList::from_json(&text) {
            Ok(list) => {
                let keys: usize = list.issuers.iter().map(|i| i.keys.len()).sum();
                let demo = if list.demo { ", demo" } else { "" };
                let _ = writeln!(
                    stdout,
                    "{file}: ok ({} issuers, {keys} keys{demo})",
                    list.issuers.len()
                );
                for issuer in &list.issuers {
                    let algs: Vec<&str> = issuer.keys.iter().map(|k| k.key.alg().name()).collect();
                    let _ = writeln!(stdout, "  {} [{}]", issuer.id, algs.join(", "));
                }
                if list.next_update < OffsetDateTime::now_utc() {
                    let _ = writeln!(
                        stdout,
                        "{file}: 注意：列表已过了 next_update，应换用新版 / note: the list is past its next_update; a newer edition is due"
                    );
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                let _ = writeln!(stdout, "{file}: {e}");
                ExitCode::from(1)
            }
        }
    }

    pub fn run(args: &[String]) -> ExitCode {
        match args.first().map(String::as_str) {
            Some("verify") => verify_command(&args[1..]),
            Some("preview") => preview_command(&args[1..]),
            Some("-h" | "--help" | "help") => {
                let _ = writeln!(std::io::stdout(), "{USAGE}");
                ExitCode::SUCCESS
            }
            Some(other) => usage(
                USAGE,
                &format!("未知的 credential 命令 / unknown credential command {other:?}"),
            ),
            None => usage(
                USAGE,
                "credential 需要命令 verify 或 preview / credential needs a command: verify or preview",
            ),
        }
    }

    fn verify_command(args: &[String]) -> ExitCode {
        let (mut file, mut trust, mut audience, mut nonce, mut at) = (None, None, None, None, None);
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let slot = match arg.as_str() {
                "--trust" => &mut trust,
                "--audience" => &mut audience,
                "--nonce" => &mut nonce,
                "--at" => &mut at,
                option if option.starts_with("--") => {
                    return usage(USAGE, &format!("未知选项 / unknown option {option:?}"));
                }
                _ if file.is_none() => {
                    file = Some(arg.clone());
                    continue;
                }
                _ => {
                    return usage(
                        USAGE,
                        "credential verify 只接受一个文件 / credential verify takes one file",
                    );
                }
            };
            match rest.next() {
                Some(value) => *slot = Some(value.clone()),
                None => return usage(USAGE, &format!("{arg} 需要一个值 / {arg} needs a value")),
            }
        }
        let Some(file) = file else {
            return usage(
                USAGE,
                "credential verify 需要一个凭证文件 / credential verify needs a file",
            );
        };
        let Some(trust) = trust else {
            return usage(
                USAGE,
                "credential verify 需要 --trust 信任列表 / credential verify needs --trust TRUST.json",
            );
        };
        let policy = match (audience, nonce) {
            (None, None) => Policy::Issued,
            (Some(audience), Some(nonce)) => Policy::Presentation { audience, nonce },
            _ => {
                return usage(
                    USAGE,
                    "--audience 和 --nonce 须同时给出 / --audience and --nonce go together",
                );
            }
        };
        let now = match at {
            None => OffsetDateTime::now_utc(),
            Some(t) => match OffsetDateTime::parse(&t, &Rfc3339) {
                Ok(t) => t,
                Err(_) => {
                    return usage(
                        USAGE,
                        "--at 需要 RFC 3339 时间 / --at needs an RFC 3339 time, e.g. 2026-12-01T00:00:00Z",
                    );
                }
            },
        };
        let list = match read(&trust).map(|t| TrustList::from_json(&t)) {
            Ok(Ok(list)) => list,
            Ok(Err(e)) => {
                let _ = writeln!(std::io::stderr(), "{trust}: {e}");
                return ExitCode::from(2);
            }
            Err(code) => return code,
        };
        let input = match read(&file) {
            Ok(t) => t,
            Err(code) => return code,
        };
        let result = verify(&input, &list, &policy, now);
        let _ = writeln!(std::io::stdout().lock(), "{}", verdict(&result));
        if result.is_ok() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }

    /// `--at`, or now.
    fn time_or_now(at: Option<String>) -> Result<OffsetDateTime, ExitCode> {
        match at {
            None => Ok(OffsetDateTime::now_utc()),
            Some(t) => OffsetDateTime::parse(&t, &Rfc3339).map_err(|_| {
                usage(
                    USAGE,
                    "--at 需要 RFC 3339 时间 / --at needs an RFC 3339 time, e.g. 2026-12-01T00:00:00Z",
                )
            }),
        }
    }

    fn preview_command(args: &[String]) -> ExitCode {
        use oncefill::core::clock::CHINA_OFFSET;
        use oncefill::core::credential::import::{preview, report};
        use oncefill::core::i18n::Lang;
        use oncefill::core::profile::Profile;

        let (mut file, mut trust, mut profile, mut at) = (None, None, None, None);
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let slot = match arg.as_str() {
                "--trust" => &mut trust,
                "--profile" => &mut profile,
                "--at" => &mut at,
                option if option.starts_with("--") => {
                    return usage(USAGE, &format!("未知选项 / unknown option {option:?}"));
                }
                _ if file.is_none() => {
                    file = Some(arg.clone());
                    continue;
                }
                _ => {
                    return usage(
                        USAGE,
                        "credential preview 只接受一个文件 / credential preview takes one file",
                    );
                }
            };
            match rest.next() {
                Some(value) => *slot = Some(value.clone()),
                None => return usage(USAGE, &format!("{arg} 需要一个值 / {arg} needs a value")),
            }
        }
        let (Some(file), Some(trust), Some(profile_file)) = (file, trust, profile) else {
            return usage(
                USAGE,
                "credential preview 需要凭证文件、--trust 和 --profile / credential preview needs a file, --trust and --profile",
            );
        };
        let now = match time_or_now(at) {
            Ok(t) => t,
            Err(code) => return code,
        };
        let list = match read(&trust).map(|t| TrustList::from_json(&t)) {
            Ok(Ok(list)) => list,
            Ok(Err(e)) => {
                let _ = writeln!(std::io::stderr(), "{trust}: {e}");
                return ExitCode::from(2);
            }
            Err(code) => return code,
        };
        let profile = match read(&profile_file).map(|t| Profile::from_json(&t)) {
            Ok(Ok(profile)) => profile,
            Ok(Err(e)) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "{profile_file}: {} / {} [{}]",
                    e.message(Lang::ZhCn),
                    e.message(Lang::En),
                    e.code()
                );
                return ExitCode::from(2);
            }
            Err(code) => return code,
        };
        let input = match read(&file) {
            Ok(t) => t,
            Err(code) => return code,
        };
        let result = verify(&input, &list, &Policy::Issued, now);
        let mut stdout = std::io::stdout().lock();
        match &result {
            Ok(v) => {
                let today = now.to_offset(CHINA_OFFSET).date();
                let shown = preview(&profile, &v.elements, &v.source(), today);
                let mut out = report(&shown);
                out["ok"] = true.into();
                out["issuer"] = serde_json::json!({"id": v.issuer,
                    "name": {"zh-CN": v.issuer_name_zh, "en": v.issuer_name_en}});
                out["demo"] = v.demo.into();
                let _ = writeln!(stdout, "{out}");
                ExitCode::SUCCESS
            }
            Err(_) => {
                let _ = writeln!(stdout, "{}", verdict(&result));
                ExitCode::from(1)
            }
        }
    }
}

/// `oncefill handoff seal --offer OFFER --items ITEMS.json [--png OUT.png] [--at UNIX]`: seals
/// elements to a staff desk's offer (`OFO1.…`) with the same core as the citizen's app, and
/// prints the sealed text (`OFS1.…`, which names no value); `--png` writes its QR code as a
/// greyscale PNG as well. ITEMS.json is the payload's list of elements:
/// `[["person.name", "王小明"], ["person.name", "李芳", "spouse"]]`. `--at` seals at another
/// time (Unix seconds; for tests of a late code).
///
/// `oncefill handoff verify-attestation TEXT --trust TRUST.json --values VALUES.json [--at
/// UNIX]`: checks a desk's attestation text (`OFA1~…`, see `core::handoff::attest`) against a
/// trust list and the values (`[["person.name", "王小明"]]`), as the citizen's app does;
/// prints `{"ok", "hall", "date", "elements"}` (no value) or the refusal, exit 0 or 1.
///
/// `oncefill handoff hall-key --hall HALL_ID --kid KEY_ID --out SECRET.json`: makes a service
/// hall's signing key, writes its secret text (for the desks' vaults; the file must not exist)
/// and prints its entry for the trust list's `keys`.
#[cfg(not(target_arch = "wasm32"))]
mod handoff {
    use std::io::Write;
    use std::process::ExitCode;

    use oncefill::core::credential::elements::Target;
    use oncefill::core::credential::trust::TrustList;
    use oncefill::core::dictionary::Key;
    use oncefill::core::handoff::attest::{Attestation, verify};
    use oncefill::core::handoff::{Item, Offer, qr, seal};
    use oncefill::core::i18n::Lang;
    use oncefill::core::role::RoleRef;
    use oncefill::core::vault::OsRandom;
    use serde_json::json;
    use time::OffsetDateTime;
    use zeroize::Zeroizing;

    const USAGE: &str = "usage: oncefill handoff seal --offer OFFER --items ITEMS.json \
        [--png OUT.png] [--at UNIX_SECONDS]\n       \
        oncefill handoff verify-attestation TEXT --trust TRUST.json --values VALUES.json \
        [--at UNIX_SECONDS]\n       \
        oncefill handoff hall-key --hall HALL_ID --kid KEY_ID --out SECRET.json";

    fn usage(message: &str) -> ExitCode {
        let _ = writeln!(std::io::stderr(), "oncefill: {message}\n{USAGE}");
        ExitCode::from(2)
    }

    fn fail(message: String) -> ExitCode {
        let _ = writeln!(std::io::stderr(), "oncefill: {message}");
        ExitCode::from(1)
    }

    pub fn run(args: &[String]) -> ExitCode {
        match args.first().map(String::as_str) {
            Some("seal") => seal_command(&args[1..]),
            Some("verify-attestation") => verify_command(&args[1..]),
            Some("hall-key") => hall_key_command(&args[1..]),
            Some("-h" | "--help" | "help") => {
                let _ = writeln!(std::io::stdout(), "{USAGE}");
                ExitCode::SUCCESS
            }
            Some(other) => usage(&format!(
                "未知的 handoff 命令 / unknown handoff command {other:?}"
            )),
            None => usage("handoff 需要命令 / handoff needs a command: seal, verify-attestation"),
        }
    }

    /// Options given (`--name value`, as name and value) and positional arguments.
    type Parsed = (Vec<(String, String)>, Vec<String>);
    /// One element of a list: which, whose, and its value (wiped when dropped).
    type Entry = (Key, Option<RoleRef>, Zeroizing<String>);

    /// Options `--name value` and positional arguments.
    fn options(args: &[String], names: &[&str]) -> Result<Parsed, ExitCode> {
        let mut found = Vec::new();
        let mut positional = Vec::new();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            if let Some(name) = arg.strip_prefix("--") {
                if !names.contains(&name) {
                    return Err(usage(&format!("unknown option {arg:?}")));
                }
                let Some(value) = rest.next() else {
                    return Err(usage(&format!("{arg} needs a value")));
                };
                found.push((name.to_string(), value.clone()));
            } else {
                positional.push(arg.clone());
            }
        }
        Ok((found, positional))
    }

    fn get<'a>(found: &'a [(String, String)], name: &str) -> Option<&'a str> {
        found
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn now(found: &[(String, String)]) -> Result<i64, ExitCode> {
        match get(found, "at") {
            None => Ok(OffsetDateTime::now_utc().unix_timestamp()),
            Some(t) => t
                .parse()
                .map_err(|_| usage("--at takes Unix seconds, e.g. 1767225600")),
        }
    }

    /// A list of `[element, value]` or `[element, value, role]`; the file's text is wiped when
    /// read. Errors name the entry's position, never a value.
    fn entries(file: &str) -> Result<Vec<Entry>, ExitCode> {
        let text = Zeroizing::new(
            std::fs::read_to_string(file)
                .map_err(|e| fail(format!("{file}: 无法读取 / cannot be read: {}", e.kind())))?,
        );
        let list: Vec<Vec<String>> = serde_json::from_str(&text).map_err(|_| {
            fail(format!(
                "{file}: 应为 [[元素, 值], …] / must be [[element, value], …]"
            ))
        })?;
        let mut out = Vec::new();
        for (n, entry) in list.into_iter().enumerate() {
            let mut entry = entry.into_iter();
            let (Some(id), Some(value)) = (entry.next(), entry.next()) else {
                return Err(fail(format!(
                    "{file}: 第 {n} 项不完整 / entry {n} is incomplete"
                )));
            };
            let value = Zeroizing::new(value);
            let key = Key::from_id(&id)
                .ok_or_else(|| fail(format!("{file}: 未知元素 / unknown element {id:?}")))?;
            let role = match entry.next() {
                None => None,
                Some(r) => Some(
                    RoleRef::parse(&r)
                        .ok_or_else(|| fail(format!("{file}: 未知身份 / unknown role {r:?}")))?,
                ),
            };
            out.push((key, role, value));
        }
        Ok(out)
    }

    fn seal_command(args: &[String]) -> ExitCode {
        let (found, positional) = match options(args, &["offer", "items", "png", "at"]) {
            Ok(o) => o,
            Err(code) => return code,
        };
        if !positional.is_empty() {
            return usage("seal takes options only");
        }
        let (Some(offer), Some(items)) = (get(&found, "offer"), get(&found, "items")) else {
            return usage("seal needs --offer and --items");
        };
        let now = match now(&found) {
            Ok(n) => n,
            Err(code) => return code,
        };
        let offer = match Offer::parse(offer) {
            Ok(o) => o,
            Err(e) => {
                return fail(format!(
                    "{} / {}",
                    e.message(Lang::ZhCn),
                    e.message(Lang::En)
                ));
            }
        };
        let items: Vec<Item> = match entries(items) {
            Ok(list) => list
                .into_iter()
                .map(|(key, role, value)| Item::new(key, role, value.as_str()))
                .collect(),
            Err(code) => return code,
        };
        let sealed = match seal(&offer, &items, now, &mut OsRandom) {
            Ok(s) => s,
            Err(e) => {
                return fail(format!(
                    "{} / {}",
                    e.message(Lang::ZhCn),
                    e.message(Lang::En)
                ));
            }
        };
        if let Some(out) = get(&found, "png")
            && let Err(message) = write_png(&sealed, out)
        {
            return fail(format!("{out}: {message}"));
        }
        let _ = writeln!(std::io::stdout(), "{sealed}");
        ExitCode::SUCCESS
    }

    /// The QR code of `text` as a greyscale PNG, 6 pixels a module, with its quiet zone.
    fn write_png(text: &str, out: &str) -> Result<(), String> {
        let matrix = qr::render(text).map_err(|e| e.message(Lang::En))?;
        let (side, pixels) = matrix.rasterise(6);
        let side = u32::try_from(side).map_err(|_| "too large".to_string())?;
        let file =
            std::fs::File::create(out).map_err(|e| format!("cannot be written: {}", e.kind()))?;
        let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), side, side);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer
            .write_image_data(&pixels)
            .map_err(|e| e.to_string())?;
        writer.finish().map_err(|e| e.to_string())
    }

    fn verify_command(args: &[String]) -> ExitCode {
        let (found, positional) = match options(args, &["trust", "values", "at"]) {
            Ok(o) => o,
            Err(code) => return code,
        };
        let ([text], Some(trust), Some(values)) = (
            positional.as_slice(),
            get(&found, "trust"),
            get(&found, "values"),
        ) else {
            return usage("verify-attestation needs TEXT, --trust and --values");
        };
        let now = match now(&found).map(OffsetDateTime::from_unix_timestamp) {
            Ok(Ok(n)) => n,
            Ok(Err(_)) => return usage("--at is out of range"),
            Err(code) => return code,
        };
        let trust = match std::fs::read_to_string(trust) {
            Ok(t) => match TrustList::from_json(&t) {
                Ok(list) => list,
                Err(e) => return fail(format!("{trust}: {e}")),
            },
            Err(e) => return fail(format!("{trust}: 无法读取 / cannot be read: {}", e.kind())),
        };
        let values: Vec<(Target, String)> = match entries(values) {
            Ok(list) => list
                .into_iter()
                .filter_map(|(key, role, value)| {
                    let element = match role {
                        None => key.id().to_string(),
                        Some(r) => format!("{r}:{}", key.id()),
                    };
                    Some((Target::parse(&element)?, value.to_string()))
                })
                .collect(),
            Err(code) => return code,
        };
        let result = Attestation::from_text(text).and_then(|a| verify(&a, &values, &trust, now));
        let mut stdout = std::io::stdout().lock();
        match result {
            Ok(v) => {
                let elements: Vec<&str> = v.elements.iter().map(|m| m.claim.as_str()).collect();
                let _ = writeln!(
                    stdout,
                    "{}",
                    json!({"ok": true, "hall": v.hall, "date": v.date, "elements": elements})
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                let _ = writeln!(
                    stdout,
                    "{}",
                    json!({"ok": false, "code": e.code(), "message": e.to_string()})
                );
                ExitCode::from(1)
            }
        }
    }

    fn hall_key_command(args: &[String]) -> ExitCode {
        let (found, positional) = match options(args, &["hall", "kid", "out"]) {
            Ok(o) => o,
            Err(code) => return code,
        };
        let (true, Some(hall), Some(kid), Some(out)) = (
            positional.is_empty(),
            get(&found, "hall"),
            get(&found, "kid"),
            get(&found, "out"),
        ) else {
            return usage("hall-key needs --hall, --kid and --out");
        };
        let key = match oncefill::core::handoff::attest::HallKey::generate(hall, kid, &mut OsRandom)
        {
            Ok(k) => k,
            Err(e) => return fail(e.to_string()),
        };
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(out)
            .and_then(|mut f| writeln!(f, "{}", key.secret_text().as_str()));
        if let Err(e) = written {
            return fail(format!("{out}: 无法写入 / cannot be written: {}", e.kind()));
        }
        let trust = serde_json::to_string_pretty(&key.trust_key()).unwrap_or_default();
        let _ = writeln!(std::io::stdout(), "{trust}");
        ExitCode::SUCCESS
    }
}
