//! `cargo xtask fuzz [--seconds N | --runs N] [--target NAME]…`: build the `fuzz/` crate's
//! libFuzzer targets with coverage instrumentation on the stable toolchain, run each for N
//! seconds (or N executions),
//! and append what they did (executions, findings) to `docs/BENCHMARKS.md`.
//!
//! No nightly and no cargo-fuzz are needed: cargo-fuzz only adds AddressSanitizer (which
//! needs nightly) to the same instrumentation, and the code fuzzed here has no `unsafe`.
//! The flags are the ones cargo-fuzz passes with `--sanitizer none`; `--target <host>` keeps
//! them away from build scripts and proc macros.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::bench::{now_secs, utc_date_time};
use crate::proc::{cargo, command, describe, repo_root, stdout_of, target_dir};

/// What cargo-fuzz passes to rustc, minus the sanitizer.
const RUSTFLAGS: &str = "--cfg fuzzing -Cpasses=sancov-module \
    -Cllvm-args=-sanitizer-coverage-level=4 \
    -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
    -Cllvm-args=-sanitizer-coverage-pc-table \
    -Cllvm-args=-sanitizer-coverage-trace-compares \
    -Cdebug-assertions -Coverflow-checks";

/// Seconds per target when `--seconds` is not given.
const DEFAULT_SECONDS: u64 = 60;
/// An input that takes longer than this is reported as a finding (a stall).
const TIMEOUT_SECONDS: u64 = 10;
/// An input that makes the process use more than this is reported as a finding.
const RSS_LIMIT_MB: u64 = 2048;

struct Options {
    seconds: u64,
    /// Stop each target after this many executions instead of after `seconds`.
    runs: Option<u64>,
    targets: Vec<String>,
}

/// The longest input each target is given, where libFuzzer's default (the largest seed,
/// at least 4096 bytes) would make it too slow to reach millions of executions: a saved
/// page is parsed, scanned and classified whole per input, so `html_scan` gets pages of at
/// most 1 KiB (its nesting, size and field-count limits have their own tests).
fn max_len(target: &str) -> Option<u64> {
    match target {
        "html_scan" => Some(1024),
        _ => None,
    }
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        seconds: DEFAULT_SECONDS,
        runs: None,
        targets: Vec::new(),
    };
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1);
        match (args[i].as_str(), value) {
            ("--seconds", Some(v)) => {
                options.seconds = v
                    .parse()
                    .ok()
                    .filter(|&s| s > 0)
                    .ok_or_else(|| format!("--seconds needs a positive number (got `{v}`)"))?;
            }
            ("--runs", Some(v)) => {
                options.runs = Some(
                    v.parse()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or_else(|| format!("--runs needs a positive number (got `{v}`)"))?,
                );
            }
            ("--target", Some(v)) => options.targets.push(v.clone()),
            (other, _) => {
                return Err(format!(
                    "unexpected `{other}`; usage: cargo xtask fuzz [--seconds N | --runs N] [--target NAME]…"
                ));
            }
        }
        i += 2;
    }
    Ok(options)
}

/// The `[[bin]]` names of `fuzz/Cargo.toml`, in file order.
pub fn target_names(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_bin = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_bin = line == "[[bin]]";
            continue;
        }
        if in_bin
            && let Some(value) = line.strip_prefix("name")
            && let Some(value) = value.trim_start().strip_prefix('=')
        {
            names.push(value.trim().trim_matches('"').to_string());
        }
    }
    names
}

/// What one run of a target did, from libFuzzer's final statistics.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    pub executions: u64,
    pub seconds: u64,
    /// Inputs written as crashes, timeouts or out-of-memory cases.
    pub artifacts: Vec<String>,
}

/// Reads libFuzzer's output: `stat::number_of_executed_units`, `Done N runs in S second(s)`
/// and the `Test unit written to PATH` lines of findings.
pub fn parse_output(text: &str) -> Outcome {
    let mut outcome = Outcome::default();
    for line in text.lines() {
        if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
            outcome.executions = n.trim().parse().unwrap_or(outcome.executions);
        } else if let Some(rest) = line.strip_prefix("Done ") {
            let mut words = rest.split_whitespace();
            if let (Some(runs), Some("runs"), Some("in"), Some(secs)) =
                (words.next(), words.next(), words.next(), words.next())
            {
                if outcome.executions == 0 {
                    outcome.executions = runs.parse().unwrap_or(0);
                }
                outcome.seconds = secs.parse().unwrap_or(0);
            }
        } else if let Some(at) = line.find("Test unit written to ") {
            let path = line[at + "Test unit written to ".len()..].trim();
            outcome.artifacts.push(path.to_string());
        }
    }
    outcome
}

/// `git rev-parse --short HEAD`, with `+dirty` when what the targets are built from (the
/// crate and the fuzz crate) has uncommitted changes; other files do not change the run.
fn commit() -> String {
    let hash = stdout_of(command("git").args(["rev-parse", "--short", "HEAD"]))
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "none".to_string());
    let paths = ["src", "fuzz", "data", "Cargo.toml", "Cargo.lock"];
    let dirty = stdout_of(
        command("git")
            .args(["status", "--porcelain", "--"])
            .args(paths),
    )
    .is_some_and(|s| !s.is_empty());
    if dirty { format!("{hash}+dirty") } else { hash }
}

fn host_triple() -> Result<String, String> {
    let out =
        stdout_of(command("rustc").arg("-vV")).ok_or_else(|| "`rustc -vV` failed".to_string())?;
    out.lines()
        .find_map(|l| l.strip_prefix("host:"))
        .map(|h| h.trim().to_string())
        .ok_or_else(|| "`rustc -vV` names no host".to_string())
}

/// Builds every target; returns the directory the binaries are in.
pub fn build() -> Result<PathBuf, String> {
    let triple = host_triple()?;
    let target = target_dir().join("fuzz");
    let target_arg = target.to_string_lossy().into_owned();
    let mut cmd = cargo(&[
        "build",
        "--release",
        "--manifest-path",
        "fuzz/Cargo.toml",
        "--target",
        &triple,
        "--target-dir",
        &target_arg,
    ]);
    cmd.env("RUSTFLAGS", RUSTFLAGS)
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
    println!("--> RUSTFLAGS=\"{RUSTFLAGS}\" {}", describe(&cmd));
    crate::proc::run(&mut cmd)?;
    Ok(target.join(triple).join("release"))
}

fn run_target(bin_dir: &Path, name: &str, options: &Options) -> Result<Outcome, String> {
    let root = repo_root();
    let work = target_dir().join("fuzz").join("corpus").join(name);
    let artifacts = root.join("fuzz").join("artifacts").join(name);
    let logs = target_dir().join("fuzz").join("logs");
    for dir in [&work, &artifacts, &logs] {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let mut cmd = command(bin_dir.join(name));
    match options.runs {
        Some(runs) => cmd.arg(format!("-runs={runs}")),
        None => cmd.arg(format!("-max_total_time={}", options.seconds)),
    };
    if let Some(len) = max_len(name) {
        cmd.arg(format!("-max_len={len}"));
    }
    cmd.arg("-print_final_stats=1")
        .arg(format!("-timeout={TIMEOUT_SECONDS}"))
        .arg(format!("-rss_limit_mb={RSS_LIMIT_MB}"))
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        // New inputs go to the work directory; the committed seeds are only read.
        .arg(&work);
    let seeds = root.join("fuzz").join("corpus").join(name);
    if seeds.is_dir() {
        cmd.arg(&seeds);
    }
    cmd.stdin(Stdio::null());
    println!("--> {}", describe(&cmd));
    let started = std::time::Instant::now();
    let output = cmd
        .output()
        .map_err(|e| format!("could not run `{}`: {e}", describe(&cmd)))?;
    let text = String::from_utf8_lossy(&output.stderr);
    let log = logs.join(format!("{name}.log"));
    fs::write(&log, text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", log.display()))?;
    let mut outcome = parse_output(&text);
    if outcome.seconds == 0 {
        // A run that stops at a finding prints no `Done` line.
        outcome.seconds = started.elapsed().as_secs();
    }
    if !output.status.success() && outcome.artifacts.is_empty() {
        outcome
            .artifacts
            .push(format!("(exit {}; see {})", output.status, log.display()));
    }
    Ok(outcome)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let options = parse_args(args)?;
    let manifest_path = repo_root().join("fuzz").join("Cargo.toml");
    let manifest = fs::read_to_string(&manifest_path)
        .map_err(|e| format!("cannot read {}: {e}", manifest_path.display()))?;
    let all = target_names(&manifest);
    for t in &options.targets {
        if !all.contains(t) {
            return Err(format!(
                "no fuzz target `{t}`; the targets are {}",
                all.join(", ")
            ));
        }
    }
    let targets = if options.targets.is_empty() {
        all
    } else {
        options.targets.clone()
    };
    let bin_dir = build()?;
    let date = utc_date_time(now_secs());
    let commit = commit();
    let mut rows = Vec::new();
    let mut findings = Vec::new();
    for name in &targets {
        let outcome = run_target(&bin_dir, name, &options)?;
        let per_sec = outcome.executions / outcome.seconds.max(1);
        println!(
            "{name}: {} executions in {} s ({per_sec}/s), {} findings",
            outcome.executions,
            outcome.seconds,
            outcome.artifacts.len()
        );
        findings.extend(outcome.artifacts.iter().map(|a| format!("{name}: {a}")));
        rows.push(vec![
            format!("`{name}`"),
            outcome.seconds.to_string(),
            outcome.executions.to_string(),
            per_sec.to_string(),
            outcome.artifacts.len().to_string(),
        ]);
    }
    let md_path = repo_root().join("docs").join("BENCHMARKS.md");
    let existing = fs::read_to_string(&md_path).unwrap_or_default();
    let updated = append_fuzz_table(&existing, &date, &commit, &rows);
    fs::write(&md_path, updated).map_err(|e| format!("cannot write {}: {e}", md_path.display()))?;
    println!("--> appended {} rows to {}", rows.len(), md_path.display());
    if findings.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the fuzzer found inputs that fail (replay one with `{}/<target> <file>`):\n  {}",
            bin_dir.display(),
            findings.join("\n  ")
        ))
    }
}

/// The heading under which fuzzing runs are recorded; `cargo xtask bench` keeps its tables
/// above it.
pub const FUZZ_HEADING: &str = "## Fuzzing";

/// `text` with a dated table of one fuzzing run added at the end of the fuzzing section
/// (which is created at the end of the file the first time).
pub fn append_fuzz_table(text: &str, date: &str, commit: &str, rows: &[Vec<String>]) -> String {
    let mut out = text.trim_end().to_string();
    if !out.lines().any(|l| l.trim() == FUZZ_HEADING) {
        out.push_str(&format!(
            "\n\n{FUZZ_HEADING}\n\n\
             Each table is one run of `cargo xtask fuzz [--seconds N | --runs N]`: every target \
             of `fuzz/` built with libFuzzer's coverage instrumentation on the stable toolchain \
             (no sanitizer) and run for N seconds (or N executions) on the 2-core machine, starting from the seeds in \
             `fuzz/corpus/<target>/` and the inputs earlier runs kept in `target/fuzz/corpus/`. \
             A finding is a crash, an input slower than {TIMEOUT_SECONDS} s or one needing over \
             {RSS_LIMIT_MB} MB; its input is kept under `fuzz/artifacts/<target>/`."
        ));
    }
    out.push_str(&format!(
        "\n\n### {date} UTC, commit {commit}\n\n\
         | target | seconds | executions | exec/s | findings |\n\
         | --- | --- | --- | --- | --- |\n"
    ));
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_target_names_from_the_manifest() {
        let manifest = "[package]\nname = \"oncefill-fuzz\"\n\n[dependencies]\nx = \"1\"\n\n\
                        [[bin]]\nname = \"uscc\"\npath = \"a.rs\"\n\n[[bin]]\nname = \"html\"\n";
        assert_eq!(target_names(manifest), ["uscc", "html"]);
    }

    #[test]
    fn reads_libfuzzer_statistics_and_findings() {
        let text = "#1024 pulse cov: 10\n\
                    ==12== ERROR: libFuzzer: deadly signal\n\
                    artifact_prefix='fuzz/artifacts/x/'; Test unit written to fuzz/artifacts/x/crash-ab12\n\
                    Done 1102364 runs in 6 second(s)\n\
                    stat::number_of_executed_units: 1102365\n\
                    stat::average_exec_per_sec:     183727\n";
        let outcome = parse_output(text);
        assert_eq!(outcome.executions, 1_102_365);
        assert_eq!(outcome.seconds, 6);
        assert_eq!(outcome.artifacts, ["fuzz/artifacts/x/crash-ab12"]);
        assert_eq!(parse_output("").executions, 0);
    }

    #[test]
    fn appends_dated_tables_under_one_heading() {
        let rows = vec![vec!["`uscc`".into(), "60".into(), "10".into(), "0".into()]];
        let once = append_fuzz_table("# Benchmarks\n\n| a |\n", "2026-12-04 18:00", "abc", &rows);
        assert!(once.contains("## Fuzzing"));
        assert!(once.contains("### 2026-12-04 18:00 UTC, commit abc\n\n| target |"));
        let twice = append_fuzz_table(&once, "2026-12-05 09:00", "def", &rows);
        assert_eq!(twice.matches("## Fuzzing").count(), 1);
        assert!(twice.ends_with("| `uscc` | 60 | 10 | 0 |\n"));
    }
}
