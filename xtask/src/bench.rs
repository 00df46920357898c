//! `cargo xtask bench`: build, serve in-process, run `tests/e2e/bench.mjs`,
//! record `target/bench/results.json` and a row of `docs/BENCHMARKS.md`.
//! `cargo xtask bench --only embed`: the OnceFill window's two metrics only
//! (`embed_ready_ms`, `embed_cold_ready_ms`), printed, nothing recorded.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Map, Number, Value};

use crate::proc::{command, describe, repo_root, stdout_of, target_dir};
use crate::server::Server;
use crate::site;
use crate::test::{e2e_env, ensure_chromium, ensure_node_modules};

/// What `args` ask for: everything, or the OnceFill window's metrics only.
fn only_embed(args: &[String]) -> Result<bool, String> {
    match args {
        [] => Ok(false),
        [flag, part] if flag == "--only" && part == "embed" => Ok(true),
        _ => Err(format!(
            "`cargo xtask bench` takes no arguments or `--only embed` (got `{}`)",
            args.join(" ")
        )),
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let only_embed = only_embed(args)?;
    ensure_chromium()?;
    let site = site::build()?;
    ensure_node_modules()?;
    let server = Server::start(&site, "127.0.0.1", 0, false)?;
    println!("--> serving {} at {}", site.display(), server.url());

    let mut cmd = command("node");
    cmd.arg("tests/e2e/bench.mjs")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    e2e_env(&mut cmd, &server);
    if only_embed {
        cmd.env("BENCH_ONLY", "embed");
    }
    println!("--> {}", describe(&cmd));
    let output = cmd
        .output()
        .map_err(|e| format!("could not run `{}`: {e}", describe(&cmd)))?;
    drop(server);
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        print!("{stdout}");
        return Err(format!("`{}` failed ({})", describe(&cmd), output.status));
    }
    let mut metrics = parse_metrics(&stdout)?;
    if only_embed {
        // A part of the metrics is no row of the table: printed only.
        let results = serde_json::to_string_pretty(&Value::Object(metrics))
            .map_err(|e| format!("cannot encode the results: {e}"))?;
        println!("{results}");
        return Ok(());
    }
    metrics.extend(native_metrics()?);
    // Key derivation in the browser against the same parameters natively, measured in one run.
    if let (Some(wasm), Some(native)) = (
        metrics.get("unlock_ms_wasm").and_then(Value::as_f64),
        metrics.get("unlock_ms_native").and_then(Value::as_f64),
    ) && native > 0.0
    {
        let ratio = (wasm / native * 1000.0).round() / 1000.0;
        if let Some(n) = serde_json::Number::from_f64(ratio) {
            metrics.insert("unlock_wasm_native_ratio".into(), Value::Number(n));
        }
    }

    let pkg = site.join("pkg");
    // The app page's build (`app.html`): what a person downloads to open OnceFill's app.
    let app = pkg.join(format!("{}_bg.wasm", site::APP_NAME));
    let wasm_bytes = fs::metadata(&app)
        .map_err(|e| format!("cannot read {}: {e}", app.display()))?
        .len();
    let mut js_gz = site::gzip_file_len(&pkg.join(format!("{}.js", site::APP_NAME)))?;
    // The JavaScript modules the glue imports (wasm-bindgen snippets, e.g. the visibility
    // measurement).
    for file in files_under(&pkg.join("snippets")) {
        js_gz += site::gzip_file_len(&file)?;
    }
    let loader = site.join("oncefill.js");
    if loader.is_file() {
        js_gz += site::gzip_file_len(&loader)?;
    } else {
        println!(
            "warning: {} is missing; app_js_gz_bytes counts the glue only",
            loader.display()
        );
    }
    metrics.insert(
        "app_wasm_gz_bytes".into(),
        site::gzip_file_len(&app)?.into(),
    );
    metrics.insert("app_js_gz_bytes".into(), js_gz.into());
    metrics.insert("app_wasm_bytes".into(), wasm_bytes.into());
    // The full build: the widget over a form on OnceFill's own pages and the OnceFill window a
    // portal opens (the scanner, the classification, the review and the fill as well).
    let fill = pkg.join("oncefill_bg.wasm");
    metrics.insert(
        "fill_wasm_gz_bytes".into(),
        site::gzip_file_len(&fill)?.into(),
    );
    metrics.insert(
        "fill_wasm_bytes".into(),
        fs::metadata(&fill)
            .map_err(|e| format!("cannot read {}: {e}", fill.display()))?
            .len()
            .into(),
    );
    // The passphrase strength module (zxcvbn), fetched only when a passphrase is chosen: not
    // part of the bundle above.
    let strength = pkg.join(format!("{}_bg.wasm", site::STRENGTH_NAME));
    metrics.insert(
        "strength_wasm_gz_bytes".into(),
        site::gzip_file_len(&strength)?.into(),
    );
    // The verified-data module (credential verification, the QR hand-off), fetched by the app
    // page only when its import or hand-off screen opens: not part of the bundles above.
    let credentials = pkg.join(format!("{}_bg.wasm", site::CREDENTIALS_NAME));
    metrics.insert(
        "credentials_wasm_gz_bytes".into(),
        site::gzip_file_len(&credentials)?.into(),
    );
    // The window-staff build (staff.html only): never part of a citizen's bundle.
    let staff = pkg.join(format!("{}_bg.wasm", site::STAFF_NAME));
    metrics.insert(
        "staff_wasm_gz_bytes".into(),
        site::gzip_file_len(&staff)?.into(),
    );
    // What a portal that embeds OnceFill loads into its own page.
    metrics.insert(
        "embed_host_gz_bytes".into(),
        site::gzip_file_len(&site.join("agent.js"))?.into(),
    );

    let results = serde_json::to_string_pretty(&Value::Object(metrics.clone()))
        .map_err(|e| format!("cannot encode the results: {e}"))?;
    let out_dir = target_dir().join("bench");
    fs::create_dir_all(&out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let results_path = out_dir.join("results.json");
    fs::write(&results_path, format!("{results}\n"))
        .map_err(|e| format!("cannot write {}: {e}", results_path.display()))?;
    println!("{results}");
    println!("Wrote {}", results_path.display());

    let columns: Vec<String> = ["date (UTC)", "commit"]
        .iter()
        .map(|s| (*s).to_string())
        .chain(metrics.keys().cloned())
        .collect();
    let date = utc_date_time(now_secs());
    let mut row = vec![date.clone(), commit()];
    row.extend(metrics.values().map(format_number));
    let md_path = repo_root().join("docs").join("BENCHMARKS.md");
    let existing = match fs::read_to_string(&md_path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("cannot read {}: {e}", md_path.display())),
    };
    let updated = append_row(existing.as_deref(), &columns, &row, &date);
    if let Some(parent) = md_path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    fs::write(&md_path, updated).map_err(|e| format!("cannot write {}: {e}", md_path.display()))?;
    println!("Appended a row to {}", md_path.display());
    Ok(())
}

/// Metrics measured natively by the release command line: each subcommand prints one JSON
/// line of metric → number. `bench-classify` gives `classify_ms_1000` (scan + classify of a
/// generated 1000-field page, median of 25 runs) and the labelled corpus's
/// `classify_precision`, `classify_recall`, `classify_wrong_fills`, `classify_wrong_person` and
/// their `_zh` variants.
const NATIVE_BENCHES: &[&[&str]] = &[&["bench-unlock"], &["bench-classify", "--runs", "25"]];

fn native_metrics() -> Result<Map<String, Value>, String> {
    let mut out = Map::new();
    for args in NATIVE_BENCHES {
        let mut cmd = command("cargo");
        cmd.args(["run", "--quiet", "--release", "--bin", "oncefill", "--"])
            .args(*args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        println!("--> {}", describe(&cmd));
        let output = cmd
            .output()
            .map_err(|e| format!("could not run `{}`: {e}", describe(&cmd)))?;
        if !output.status.success() {
            return Err(format!("`{}` failed ({})", describe(&cmd), output.status));
        }
        out.extend(parse_metrics(&String::from_utf8_lossy(&output.stdout))?);
    }
    Ok(out)
}

/// The flat JSON object on the last `{…}` line of the benchmark's stdout.
pub fn parse_metrics(stdout: &str) -> Result<Map<String, Value>, String> {
    let line = stdout
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('{'))
        .ok_or_else(|| format!("bench.mjs printed no JSON line; its output was:\n{stdout}"))?;
    let value: Value = serde_json::from_str(line)
        .map_err(|e| format!("bench.mjs printed invalid JSON ({e}): {line}"))?;
    let Value::Object(map) = value else {
        return Err(format!(
            "bench.mjs printed JSON that is not an object: {line}"
        ));
    };
    for (key, value) in &map {
        if !value.is_number() {
            return Err(format!("bench.mjs metric `{key}` is not a number: {value}"));
        }
    }
    Ok(map)
}

/// A number for the Markdown table: integers as such, others with up to 3 decimals.
pub fn format_number(value: &Value) -> String {
    match value {
        Value::Number(n) => format_json_number(n),
        other => other.to_string(),
    }
}

fn format_json_number(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    let f = n.as_f64().unwrap_or(f64::NAN);
    let s = format!("{f:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// `git rev-parse --short HEAD`, with `+dirty` when the tree has changes.
fn commit() -> String {
    let hash = stdout_of(command("git").args(["rev-parse", "--short", "HEAD"]))
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "none".to_string());
    let dirty =
        stdout_of(command("git").args(["status", "--porcelain"])).is_some_and(|s| !s.is_empty());
    if dirty { format!("{hash}+dirty") } else { hash }
}

pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `YYYY-MM-DD HH:MM` in UTC for seconds since the Unix epoch.
pub fn utc_date_time(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        rem / 3600,
        (rem % 3600) / 60
    )
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    (
        y,
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}

fn table_line(cells: &[String]) -> String {
    format!("| {} |", cells.join(" | "))
}

fn table_separator(n: usize) -> String {
    format!("|{}", " --- |".repeat(n))
}

fn table_cells(line: &str) -> Vec<String> {
    let inner = line.trim();
    let inner = inner.strip_prefix('|').unwrap_or(inner);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

/// The text of docs/BENCHMARKS.md with `row` added: to the last table when its
/// columns are `columns`, else in a new table under a heading with `date`. The fuzzing
/// section (see `cargo xtask fuzz`) stays last, below the benchmark tables.
pub fn append_row(
    existing: Option<&str>,
    columns: &[String],
    row: &[String],
    date: &str,
) -> String {
    let heading = format!("\n{}\n", crate::fuzz::FUZZ_HEADING);
    if let Some(text) = existing
        && let Some(at) = text.find(&heading)
    {
        let head = append_metrics_row(Some(&text[..at]), columns, row, date);
        return format!("{}\n{}", head.trim_end(), &text[at..]);
    }
    append_metrics_row(existing, columns, row, date)
}

fn append_metrics_row(
    existing: Option<&str>,
    columns: &[String],
    row: &[String],
    date: &str,
) -> String {
    let new_table = format!(
        "{}\n{}\n{}\n",
        table_line(columns),
        table_separator(columns.len()),
        table_line(row)
    );
    let Some(text) = existing else {
        return format!(
            "# Benchmarks\n\n\
             Each row is produced by `cargo xtask bench` on the project machine (2 cores), \
             from a clean build of the site served on loopback and driven in headless Chromium. \
             Times are medians in milliseconds; sizes are bytes (`_gz_` ones gzip -9).\n\n\
             {new_table}"
        );
    };
    let lines: Vec<&str> = text.lines().collect();
    // The last run of consecutive lines starting with `|` is the current table.
    let mut last_table: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim_start().starts_with('|') {
            let start = i;
            while i < lines.len() && lines[i].trim_start().starts_with('|') {
                i += 1;
            }
            last_table = Some((start, i));
        } else {
            i += 1;
        }
    }
    if let Some((start, end)) = last_table {
        if table_cells(lines[start]) == columns {
            let mut out: Vec<String> = lines[..end].iter().map(|l| (*l).to_string()).collect();
            out.push(table_line(row));
            out.extend(lines[end..].iter().map(|l| (*l).to_string()));
            let mut joined = out.join("\n");
            joined.push('\n');
            return joined;
        }
    }
    let mut out = text.trim_end().to_string();
    out.push_str(&format!(
        "\n\n## Metrics as of {date}\n\nThe set of metrics changed, so the rows continue in this table.\n\n{new_table}"
    ));
    out
}

/// Every file below `dir` (none when it does not exist), sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn only_the_embed_part_is_asked_for_by_its_flag() {
        assert!(!only_embed(&[]).unwrap());
        assert!(only_embed(&strings(&["--only", "embed"])).unwrap());
        assert!(only_embed(&strings(&["--only", "fill"])).is_err());
        assert!(only_embed(&strings(&["--only"])).is_err());
        assert!(only_embed(&strings(&["embed"])).is_err());
    }

    #[test]
    fn dates_in_utc() {
        assert_eq!(utc_date_time(0), "1970-01-01 00:00");
        assert_eq!(utc_date_time(951_782_400), "2000-02-29 00:00");
        assert_eq!(utc_date_time(1_735_689_599), "2024-12-31 23:59");
        assert_eq!(utc_date_time(1_763_756_520), "2025-11-21 20:22");
    }

    #[test]
    fn numbers_for_the_table() {
        assert_eq!(format_number(&serde_json::json!(123_456)), "123456");
        assert_eq!(format_number(&serde_json::json!(12.3456)), "12.346");
        assert_eq!(format_number(&serde_json::json!(2.5)), "2.5");
        assert_eq!(format_number(&serde_json::json!(3.0)), "3");
    }

    #[test]
    fn parses_the_last_json_line() {
        let out = "warming up\n{\"b\": 2.5, \"a\": 1}\n";
        let map = parse_metrics(out).unwrap();
        assert_eq!(map.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert!(parse_metrics("nothing\n").is_err());
        assert!(parse_metrics("{\"a\": \"x\"}\n").is_err());
        assert!(parse_metrics("[1]\n").is_err());
    }

    #[test]
    fn creates_the_file() {
        let cols = strings(&["date (UTC)", "commit", "a", "b"]);
        let row = strings(&["2025-01-01 00:00", "abc1234", "1", "2"]);
        let text = append_row(None, &cols, &row, "2025-01-01 00:00");
        assert!(text.starts_with("# Benchmarks\n\n"));
        assert!(text.contains("`cargo xtask bench`"));
        assert!(text.ends_with(
            "| date (UTC) | commit | a | b |\n| --- | --- | --- | --- |\n| 2025-01-01 00:00 | abc1234 | 1 | 2 |\n"
        ));
    }

    #[test]
    fn appends_to_a_matching_table() {
        let cols = strings(&["date (UTC)", "commit", "a"]);
        let first = append_row(None, &cols, &strings(&["d1", "c1", "1"]), "d1");
        let with_footer = format!("{first}\nSome notes.\n");
        let second = append_row(
            Some(&with_footer),
            &cols,
            &strings(&["d2", "c2", "2"]),
            "d2",
        );
        assert!(
            second.contains("| d1 | c1 | 1 |\n| d2 | c2 | 2 |\n\nSome notes.\n"),
            "{second}"
        );
        assert!(!second.contains("## Metrics as of"));
    }

    #[test]
    fn keeps_the_fuzzing_section_last() {
        let cols = strings(&["date (UTC)", "commit", "a"]);
        let first = append_row(None, &cols, &strings(&["d1", "c1", "1"]), "d1");
        let rows = vec![strings(&["`uscc`", "60", "10", "0", "0"])];
        let fuzzed = crate::fuzz::append_fuzz_table(&first, "d2", "c2", &rows);
        let second = append_row(Some(&fuzzed), &cols, &strings(&["d3", "c3", "3"]), "d3");
        assert!(
            second.contains("| d1 | c1 | 1 |\n| d3 | c3 | 3 |\n\n## Fuzzing"),
            "{second}"
        );
        assert!(
            second.ends_with("| `uscc` | 60 | 10 | 0 | 0 |\n"),
            "{second}"
        );
        assert!(!second.contains("## Metrics as of"));
    }

    #[test]
    fn starts_a_new_table_when_columns_change() {
        let old = strings(&["date (UTC)", "commit", "a"]);
        let first = append_row(None, &old, &strings(&["d1", "c1", "1"]), "d1");
        let new = strings(&["date (UTC)", "commit", "a", "b"]);
        let second = append_row(Some(&first), &new, &strings(&["d2", "c2", "2", "3"]), "d2");
        assert!(second.starts_with(&first), "old table untouched");
        assert!(second.contains("## Metrics as of d2\n"));
        assert!(second.ends_with(
            "| date (UTC) | commit | a | b |\n| --- | --- | --- | --- |\n| d2 | c2 | 2 | 3 |\n"
        ));
        // The next run with the same new columns goes into the new table.
        let third = append_row(Some(&second), &new, &strings(&["d3", "c3", "4", "5"]), "d3");
        assert!(third.ends_with("| d2 | c2 | 2 | 3 |\n| d3 | c3 | 4 | 5 |\n"));
        assert_eq!(third.matches("## Metrics as of").count(), 1);
    }
}
