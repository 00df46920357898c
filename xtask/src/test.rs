//! `cargo xtask test`: every check in order, keeping going after a failure,
//! closing with the line `N passed, N failed`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, ExitStatus};

use crate::proc::{cargo, command, describe, repo_root, run, run_tee, stdout_of};
use crate::server::Server;
use crate::site::{self, WASM_TARGET};
use crate::summary::{self, Counts};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The running totals and the names of the steps that failed.
#[derive(Default)]
struct Tally {
    counts: Counts,
    failed_steps: Vec<String>,
}

impl Tally {
    fn add(&mut self, step: &str, counts: Counts) {
        self.counts += counts;
        if counts.failed > 0 {
            self.failed_steps.push(step.to_string());
        }
    }

    /// A step that could not run at all counts as one failure.
    fn broken(&mut self, step: &str, why: &str) {
        println!("error: {why}");
        self.add(step, Counts::new(0, 1));
    }
}

/// A step's heading, with the time since the run began, so that a slow step shows.
fn header(name: &str) {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let secs = START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_secs();
    println!();
    println!("==> {name}  [{}m{:02}s]", secs / 60, secs % 60);
}

/// A check that passes or fails as a whole (fmt, clippy, doc).
fn whole(tally: &mut Tally, step: &str, cmd: &mut Command) {
    match run(cmd) {
        Ok(()) => tally.add(step, Counts::new(1, 0)),
        Err(e) => tally.broken(step, &e),
    }
}

/// A test runner whose output is counted with `parse`.
fn counted(tally: &mut Tally, step: &str, cmd: &mut Command, parse: fn(&str) -> Counts) {
    match run_tee(cmd) {
        Ok((status, output)) => record(tally, step, cmd, status, &output, parse),
        Err(e) => tally.broken(step, &e),
    }
}

/// Adds what a finished command's output counts to the step.
fn record(
    tally: &mut Tally,
    step: &str,
    cmd: &Command,
    status: ExitStatus,
    output: &str,
    parse: fn(&str) -> Counts,
) {
    let counts = summary::settle(parse(output), status.success());
    if !status.success() {
        println!("`{}` failed ({status})", describe(cmd));
    }
    tally.add(step, counts);
}

/// The wasm tests in headless Chromium. A run that fails is run once more, and that run counts:
/// a browser that never answered (no verdict) or a test that failed only once is named as
/// unsteady, so that it is seen, not hidden.
fn wasm_tests(tally: &mut Tally, step: &str) {
    for attempt in 1..=2 {
        let mut cmd = cargo(&[
            "test",
            "-p",
            "oncefill",
            "--no-fail-fast",
            "--target",
            WASM_TARGET,
        ]);
        cmd.env("CHROMEDRIVER", CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
        match run_tee(&mut cmd) {
            Ok((status, output)) => {
                if attempt == 1 && !status.success() {
                    let why = if browser_gave_no_verdict(&output) {
                        "the headless browser did not answer (no test verdict)"
                    } else {
                        "a wasm test failed"
                    };
                    println!(
                        "unsteady: {why}; running the wasm tests once more, and that run counts"
                    );
                    continue;
                }
                return record(tally, step, &cmd, status, &output, summary::parse_libtest);
            }
            Err(e) => return tally.broken(step, &e),
        }
    }
}

/// The runner's words when the page never reported (chromedriver's renderer timed out).
fn browser_gave_no_verdict(output: &str) -> bool {
    output.contains("Failed to detect test as having been run")
}

pub fn run_all() -> Counts {
    let mut tally = Tally::default();

    let step = "cargo fmt --all --check";
    header(step);
    whole(&mut tally, step, &mut cargo(&["fmt", "--all", "--check"]));

    let step = "cargo clippy --workspace --all-targets (native)";
    header(step);
    whole(
        &mut tally,
        step,
        &mut cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    );

    let step = "cargo clippy -p oncefill --lib --tests (wasm32)";
    header(step);
    match site::ensure_wasm_target() {
        Ok(()) => whole(
            &mut tally,
            step,
            &mut cargo(&[
                "clippy",
                "-p",
                "oncefill",
                "--lib",
                "--tests",
                "--target",
                WASM_TARGET,
                "--",
                "-D",
                "warnings",
            ]),
        ),
        Err(e) => tally.broken(step, &e),
    }

    // The fuzz targets are their own workspace, so nothing above builds them; a check (no
    // code generation, its own target directory, incremental after the first run) keeps
    // them compiling as the crate changes. Running them is `cargo xtask fuzz`.
    let step = "cargo check of the fuzz targets (fuzz/)";
    header(step);
    let check_dir = crate::proc::target_dir().join("fuzz-check");
    let check_dir = check_dir.to_string_lossy().into_owned();
    let mut check = cargo(&[
        "check",
        "--quiet",
        "--manifest-path",
        "fuzz/Cargo.toml",
        "--bins",
        "--target-dir",
        &check_dir,
    ]);
    check.env("RUSTFLAGS", "--cfg fuzzing");
    whole(&mut tally, step, &mut check);

    let step = "cargo doc -p oncefill --no-deps (links resolve)";
    header(step);
    let mut doc = cargo(&["doc", "-p", "oncefill", "--no-deps", "--quiet"]);
    doc.env("RUSTDOCFLAGS", "-D warnings");
    whole(&mut tally, step, &mut doc);

    let step = "cargo test --workspace (native)";
    header(step);
    counted(
        &mut tally,
        step,
        &mut cargo(&["test", "--workspace", "--no-fail-fast"]),
        summary::parse_libtest,
    );

    let step = "ensure Chromium and chromedriver";
    header(step);
    let chromium = ensure_chromium();
    match &chromium {
        Ok(()) => println!("{CHROMIUM} and {CHROMEDRIVER} are present"),
        Err(e) => tally.broken(step, e),
    }

    let step = "wasm tests in headless Chromium";
    header(step);
    if chromium.is_err() {
        println!("skipped: Chromium is missing");
    } else {
        match site::ensure_wasm_target().and_then(|()| site::ensure_wasm_bindgen()) {
            Ok(()) => wasm_tests(&mut tally, step),
            Err(e) => tally.broken(step, &e),
        }
    }

    let step = "end-to-end tests (node --test, Playwright, headless Chromium)";
    header(step);
    if chromium.is_err() {
        println!("skipped: Chromium is missing");
    } else {
        end_to_end(&mut tally, step);
    }

    if !tally.failed_steps.is_empty() {
        println!();
        println!("Failed steps:");
        for step in &tally.failed_steps {
            println!("  - {step}");
        }
    }
    tally.counts
}

pub fn execute() -> ExitCode {
    let counts = run_all();
    println!();
    println!("{} passed, {} failed", counts.passed, counts.failed);
    if counts.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// A CJK font, so that screenshots show Chinese text rather than empty boxes.
const CJK_FONT: &str = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

pub fn ensure_chromium() -> Result<(), String> {
    let present = || Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file();
    let font = || Path::new(CJK_FONT).is_file();
    if present() && font() {
        return Ok(());
    }
    let uid = stdout_of(command("id").arg("-u"));
    if uid.as_deref() != Some("0") {
        if present() {
            println!(
                "note: no CJK font; screenshots will show boxes ('sudo apt-get install -y fonts-wqy-microhei')"
            );
            return Ok(());
        }
        return Err(
            "Chromium is missing: run 'sudo apt-get install -y chromium chromium-driver' and try again."
                .to_string(),
        );
    }
    println!("Installing chromium, chromium-driver and a CJK font with apt-get…");
    run(command("apt-get")
        .arg("update")
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    run(command("apt-get")
        .args([
            "install",
            "-y",
            "chromium",
            "chromium-driver",
            "fonts-wqy-microhei",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    if present() {
        Ok(())
    } else {
        Err(format!(
            "apt-get install finished but {CHROMIUM} or {CHROMEDRIVER} is still missing"
        ))
    }
}

/// `tests/e2e`.
pub fn e2e_dir() -> PathBuf {
    repo_root().join("tests").join("e2e")
}

/// Runs `npm ci` (or `npm install` without a lock file) when node_modules is missing, or
/// when it lacks a package of `package-lock.json` or holds another version of one (a checkout
/// that added a dependency after the last install).
pub fn ensure_node_modules() -> Result<(), String> {
    let dir = e2e_dir();
    let lock_path = dir.join("package-lock.json");
    let modules = dir.join("node_modules");
    let lock = if lock_path.is_file() {
        let text = fs::read_to_string(&lock_path)
            .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
        Some(
            serde_json::from_str::<serde_json::Value>(&text)
                .map_err(|e| format!("{} is not valid JSON: {e}", lock_path.display()))?,
        )
    } else {
        None
    };
    if modules.is_dir() {
        let Some(lock) = &lock else {
            return Ok(());
        };
        let stale = stale_packages(lock, |path| installed_version(&dir.join(path)));
        if stale.is_empty() {
            return Ok(());
        }
        println!(
            "tests/e2e/node_modules does not match package-lock.json ({}).",
            stale.join(", ")
        );
    }
    let verb = if lock.is_some() { "ci" } else { "install" };
    println!("Installing the e2e dependencies with npm {verb}…");
    run(command("npm")
        .arg(verb)
        .arg("--no-audit")
        .arg("--no-fund")
        .current_dir(&dir))
}

/// The `version` of the package.json in `package_dir`, if there is one.
fn installed_version(package_dir: &Path) -> Option<String> {
    let text = fs::read_to_string(package_dir.join("package.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json.get("version")?.as_str().map(str::to_string)
}

/// The entries of a lock file (v2/v3 `packages`) that are not installed at their locked
/// version, as `path@version`; `installed` answers the version found at a `node_modules/…` path.
/// Optional packages (another platform's binaries) may be absent.
fn stale_packages(
    lock: &serde_json::Value,
    installed: impl Fn(&str) -> Option<String>,
) -> Vec<String> {
    let Some(packages) = lock.get("packages").and_then(|p| p.as_object()) else {
        return Vec::new();
    };
    let mut stale = Vec::new();
    for (path, entry) in packages {
        if !path.starts_with("node_modules/") || entry.get("link").is_some() {
            continue;
        }
        let Some(want) = entry.get("version").and_then(|v| v.as_str()) else {
            continue;
        };
        let optional = entry.get("optional").and_then(|o| o.as_bool()) == Some(true);
        match installed(path) {
            Some(have) if have == want => {}
            None if optional => {}
            _ => stale.push(format!("{path}@{want}")),
        }
    }
    stale
}

/// `tests/e2e/*.test.mjs`, sorted, relative to the repository root.
pub fn e2e_test_files() -> Result<Vec<String>, String> {
    let dir = e2e_dir();
    let entries = fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".test.mjs") && entry.path().is_file() {
            files.push(format!("tests/e2e/{name}"));
        }
    }
    files.sort();
    Ok(files)
}

/// The environment the e2e tests, the benchmark and the screenshots receive.
pub fn e2e_env(cmd: &mut Command, server: &Server) {
    cmd.env("ONCEFILL_URL", server.url())
        .env("ONCEFILL_SERVER_TOKEN", server.token())
        .env("CHROMIUM", CHROMIUM)
        .env("ONCEFILL_CLI", cli_path());
}

/// The command line's debug build, which the e2e tests run (e.g. `oncefill qr decode` on a
/// screenshot).
fn cli_path() -> PathBuf {
    crate::proc::target_dir()
        .join("debug")
        .join(format!("oncefill{}", std::env::consts::EXE_SUFFIX))
}

fn end_to_end(tally: &mut Tally, step: &str) {
    println!("--> build the site");
    let site = match site::build() {
        Ok(site) => site,
        Err(e) => return tally.broken(step, &format!("the site could not be built: {e}")),
    };
    if let Err(e) = ensure_node_modules() {
        return tally.broken(step, &e);
    }
    println!("--> build the command line the tests run");
    if let Err(e) = run(&mut cargo(&["build", "--bin", "oncefill"])) {
        return tally.broken(step, &format!("the command line could not be built: {e}"));
    }
    let files = match e2e_test_files() {
        Ok(files) if files.is_empty() => {
            return tally.broken(step, "no end-to-end tests found (tests/e2e/*.test.mjs)");
        }
        Ok(files) => files,
        Err(e) => return tally.broken(step, &e),
    };
    let server = match Server::start(&site, "127.0.0.1", 0, false) {
        Ok(server) => server,
        Err(e) => return tally.broken(step, &e),
    };
    println!(
        "--> serving {} at {} (token {})",
        site.display(),
        server.url(),
        server.token()
    );
    let node = |files: &[String]| {
        let mut cmd = command("node");
        cmd.args(["--test", "--test-reporter=spec"]).args(files);
        e2e_env(&mut cmd, &server);
        cmd
    };
    let mut cmd = node(&files);
    let (status, output) = match run_tee(&mut cmd) {
        Ok(done) => done,
        Err(e) => return tally.broken(step, &e),
    };
    let again = failed_files(&output, &files);
    if status.success() || again.is_empty() || again.len() > RUN_AGAIN_MAX_FILES {
        return record(tally, step, &cmd, status, &output, summary::parse_node);
    }
    // A browser test that failed once is run once more, with the rest of its file: what fails
    // twice is a failure; what passes the second time is listed by name as unsteady.
    let first = summary::settle(summary::parse_node(&output), false);
    println!(
        "--> once more, the files with a failed test: {}",
        again.join(" ")
    );
    let mut retry = node(&again);
    let (status2, output2) = match run_tee(&mut retry) {
        Ok(done) => done,
        Err(e) => return tally.broken(step, &e),
    };
    let second = summary::settle(summary::parse_node(&output2), status2.success());
    let twice = failed_names(&output2);
    let unsteady: Vec<_> = failed_names(&output)
        .into_iter()
        .filter(|name| !twice.contains(name))
        .collect();
    for name in &unsteady {
        println!("unsteady: failed on the first run, passed on the second: {name}");
    }
    let counts = summary::Counts::new(
        (first.passed + first.failed).saturating_sub(second.failed),
        second.failed,
    );
    if !status2.success() {
        println!("`{}` failed ({status2})", describe(&retry));
    }
    tally.add(step, counts);
    drop(server);
}

/// At most this many test files are run again after a failure: failures in more files point at
/// a broken build rather than an unsteady browser, and the first run's verdict stands.
const RUN_AGAIN_MAX_FILES: usize = 3;

/// The test files (of `files`) that node's spec reporter names under a failed test
/// (`test at tests/e2e/NAME.test.mjs:LINE:COLUMN`), each once, in order.
fn failed_files(output: &str, files: &[String]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for line in output.lines() {
        let Some(rest) = line.trim().strip_prefix("test at ") else {
            continue;
        };
        let path = rest.split(':').next().unwrap_or_default();
        let known = files
            .iter()
            .find(|f| path == f.as_str() || path.ends_with(&format!("/{f}")));
        if let Some(file) = known
            && !found.contains(file)
        {
            found.push(file.clone());
        }
    }
    found
}

/// The names of the failed tests in the spec reporter's closing list.
fn failed_names(output: &str) -> Vec<String> {
    output
        .lines()
        .skip_while(|line| !line.starts_with("✖ failing tests:"))
        .skip(1)
        .filter_map(|line| line.strip_prefix("✖ "))
        .map(|name| match name.rfind(" (") {
            Some(at) => name[..at].to_string(),
            None => name.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{browser_gave_no_verdict, failed_files, failed_names, stale_packages};

    const SPEC: &str = "✔ passes (1.0ms)
✖ the window asks (30609.7ms)
✔ other (2.0ms)
ℹ pass 2
ℹ fail 1
✖ failing tests:

test at tests/e2e/window.test.mjs:265:1
✖ the window asks (30609.7ms)
  locator.waitFor: Timeout 30000ms exceeded.

test at /tmp/x/tests/e2e/a11y.test.mjs:86:1
✖ axe (finds) nothing (3750.8ms)
";

    #[test]
    fn the_files_and_names_of_failed_tests_are_read_from_the_spec_reporter() {
        let files = [
            "tests/e2e/a11y.test.mjs".to_string(),
            "tests/e2e/window.test.mjs".to_string(),
        ];
        assert_eq!(
            failed_files(SPEC, &files),
            vec!["tests/e2e/window.test.mjs", "tests/e2e/a11y.test.mjs"]
        );
        assert_eq!(
            failed_files("✔ fine\nℹ pass 1\n", &files),
            Vec::<String>::new()
        );
        // A file that is not one of the run's is not run again.
        assert_eq!(
            failed_files("test at tests/e2e/other.test.mjs:1:1\n", &files),
            Vec::<String>::new()
        );
        assert_eq!(
            failed_names(SPEC),
            vec!["the window asks", "axe (finds) nothing"]
        );
        assert_eq!(
            failed_names("✖ not in the list (1ms)\n"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_browser_that_gave_no_verdict_is_told_from_a_failed_test() {
        let hung = "Running headless tests in Chrome\nLoading scripts...Failed to detect test as having been run. It might have timed out.\n";
        assert!(browser_gave_no_verdict(hung));
        assert!(!browser_gave_no_verdict(
            "test result: FAILED. 6 passed; 1 failed; 0 ignored\n"
        ));
        assert!(!browser_gave_no_verdict(
            "test result: ok. 7 passed; 0 failed\n"
        ));
    }

    fn lock() -> serde_json::Value {
        serde_json::json!({
            "lockfileVersion": 3,
            "packages": {
                "": { "devDependencies": { "axe-core": "4.14.1", "playwright-core": "1.65.1" } },
                "node_modules/axe-core": { "version": "4.14.1", "dev": true },
                "node_modules/playwright-core": { "version": "1.65.1", "dev": true },
                "node_modules/fsevents": { "version": "2.3.3", "optional": true }
            }
        })
    }

    #[test]
    fn a_node_modules_without_a_locked_package_is_stale() {
        let only_playwright =
            |path: &str| (path == "node_modules/playwright-core").then(|| "1.65.1".to_string());
        assert_eq!(
            stale_packages(&lock(), only_playwright),
            vec!["node_modules/axe-core@4.14.1".to_string()]
        );
    }

    #[test]
    fn another_version_is_stale_and_a_missing_optional_package_is_not() {
        let old_axe = |path: &str| match path {
            "node_modules/axe-core" => Some("4.9.0".to_string()),
            "node_modules/playwright-core" => Some("1.65.1".to_string()),
            _ => None,
        };
        assert_eq!(
            stale_packages(&lock(), old_axe),
            vec!["node_modules/axe-core@4.14.1".to_string()]
        );
        let all = |path: &str| match path {
            "node_modules/axe-core" => Some("4.14.1".to_string()),
            "node_modules/playwright-core" => Some("1.65.1".to_string()),
            _ => None,
        };
        assert!(stale_packages(&lock(), all).is_empty());
    }
}
