//! `cargo xtask build`: the static site in `target/site/`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;

use crate::lockfile;
use crate::proc::{self, cargo, command, describe, repo_root, run, stdout_of, target_dir};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CRATE: &str = "oncefill";
/// The passphrase strength module (zxcvbn), fetched by the widget only when a passphrase is
/// chosen: its package and the name of its files in `pkg/`.
const STRENGTH_CRATE: &str = "oncefill-strength";
pub const STRENGTH_NAME: &str = "strength";
/// The verified-data module (credential and attestation verification, the QR hand-off's
/// sealing), fetched by the app page only when its import or hand-off screen opens: its
/// package and the name of its files in `pkg/`.
const CREDENTIALS_CRATE: &str = "oncefill-credentials";
pub const CREDENTIALS_NAME: &str = "credentials";
/// The window-staff build of the crate (feature `staff`, for `staff.html` only): the name of
/// its files in `pkg/`. The citizen's bundle is built without it.
pub const STAFF_NAME: &str = "oncefill_staff";
/// The app page's build of the crate (`app.html`: without the feature `fill`, so without the
/// scanner, the classification, the review and the OnceFill window): the name of its files in
/// `pkg/`. The widget on OnceFill's own forms and the OnceFill window load the full bundle.
pub const APP_NAME: &str = "oncefill_app";

/// `target/site`.
pub fn site_dir() -> PathBuf {
    target_dir().join("site")
}

/// Installs the wasm32 target through rustup when it is missing.
pub fn ensure_wasm_target() -> Result<(), String> {
    let installed = stdout_of(command("rustup").args(["target", "list", "--installed"]));
    match installed {
        Some(list) if list.lines().any(|l| l.trim() == WASM_TARGET) => Ok(()),
        Some(_) => {
            println!("Installing the {WASM_TARGET} target with rustup…");
            run(command("rustup").args(["target", "add", WASM_TARGET]))
        }
        None => {
            // No rustup: accept a toolchain that ships the target anyway.
            let sysroot = stdout_of(command("rustc").args(["--print", "sysroot"]));
            let has_target = sysroot.is_some_and(|root| {
                Path::new(&root)
                    .join("lib/rustlib")
                    .join(WASM_TARGET)
                    .is_dir()
            });
            if has_target {
                Ok(())
            } else {
                Err(format!(
                    "the {WASM_TARGET} target is missing and rustup is not available to add it"
                ))
            }
        }
    }
}

/// The `wasm-bindgen` version recorded in Cargo.lock (created first if missing).
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock_path = repo_root().join("Cargo.lock");
    if !lock_path.is_file() {
        println!("Cargo.lock is missing: generating it…");
        run(&mut cargo(&["generate-lockfile"]))?;
    }
    let lock = fs::read_to_string(&lock_path)
        .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    lockfile::package_version(&lock, "wasm-bindgen").ok_or_else(|| {
        format!(
            "{} records no `wasm-bindgen` package; is it a dependency of {CRATE}?",
            lock_path.display()
        )
    })
}

/// The version printed by `<tool> --version` (`wasm-bindgen 0.2.130` → `0.2.130`).
fn tool_version(tool: &str) -> Option<String> {
    let out = stdout_of(command(tool).arg("--version"))?;
    out.split_whitespace().nth(1).map(str::to_string)
}

/// Makes sure `wasm-bindgen` and `wasm-bindgen-test-runner` match Cargo.lock.
pub fn ensure_wasm_bindgen() -> Result<(), String> {
    let wanted = locked_wasm_bindgen_version()?;
    let tools = ["wasm-bindgen", "wasm-bindgen-test-runner"];
    let matches = || {
        tools
            .iter()
            .all(|t| tool_version(t).as_deref() == Some(wanted.as_str()))
    };
    if matches() {
        return Ok(());
    }
    let found: Vec<String> = tools
        .iter()
        .map(|t| {
            format!(
                "{t} {}",
                tool_version(t).unwrap_or_else(|| "missing".to_string())
            )
        })
        .collect();
    println!(
        "wasm-bindgen-cli {wanted} is needed (found: {}); installing it with cargo…",
        found.join(", ")
    );
    let locked = run(&mut cargo(&[
        "install",
        "wasm-bindgen-cli",
        "--version",
        &wanted,
        "--locked",
    ]));
    if let Err(e) = locked {
        println!("{e}; retrying without --locked…");
        run(&mut cargo(&[
            "install",
            "wasm-bindgen-cli",
            "--version",
            &wanted,
        ]))?;
    }
    if matches() {
        Ok(())
    } else {
        Err(format!(
            "wasm-bindgen-cli {wanted} was installed but another version comes first on PATH \
             ({}); put {} first on PATH",
            tools
                .iter()
                .map(|t| format!("{t} {}", tool_version(t).unwrap_or_default()))
                .collect::<Vec<_>>()
                .join(", "),
            proc::cargo_bin_dir()
                .map_or_else(|| "~/.cargo/bin".to_string(), |p| p.display().to_string())
        ))
    }
}

/// Files the browser fetches when it needs them rather than carrying them in the bundle (see
/// `install_countries`, `install_divisions`, `install_history` and `i18n::install` in the core, and the widget's style sheet):
/// (source in the repository, place in the site).
const LAZY_FILES: &[(&str, &str)] = &[
    ("data/codes/countries.csv", "data/countries.csv"),
    ("data/codes/divisions.csv", "data/divisions.csv"),
    (
        "data/codes/divisions_history.csv",
        "data/divisions_history.csv",
    ),
    ("src/core/i18n/zh-CN.ftl", "i18n/zh-CN.ftl"),
    ("src/core/i18n/en.ftl", "i18n/en.ftl"),
    ("src/ui/style.css", "oncefill.css"),
];

/// Builds the site; returns its directory.
pub fn build() -> Result<PathBuf, String> {
    println!("--> build: ensure the {WASM_TARGET} target and wasm-bindgen-cli");
    ensure_wasm_target()?;
    ensure_wasm_bindgen()?;

    // The staff build first, copied aside: the citizen's build then writes the same file.
    // The staff build and the app page's first, each copied aside: the citizen's build then
    // writes the same file.
    let aside = |built: PathBuf, name: &str| -> Result<PathBuf, String> {
        let to = built.with_file_name(format!("{name}.wasm"));
        fs::copy(&built, &to).map_err(|e| format!("cannot copy {}: {e}", built.display()))?;
        Ok(to)
    };
    let staff_wasm = aside(build_wasm(CRATE, &["staff"], true)?, STAFF_NAME)?;
    let app_wasm = aside(build_wasm(CRATE, &["widget"], false)?, APP_NAME)?;
    let wasm = build_wasm(CRATE, &[], true)?;
    // Built on its own: in one build with the widget, cargo would unify the core's features.
    let strength_wasm = build_wasm(STRENGTH_CRATE, &[], true)?;
    let credentials_wasm = build_wasm(CREDENTIALS_CRATE, &[], true)?;

    let site = site_dir();
    let www = repo_root().join("www");
    if !www.is_dir() {
        return Err(format!("{} is missing", www.display()));
    }
    if site.exists() {
        fs::remove_dir_all(&site)
            .map_err(|e| format!("cannot remove the old site {}: {e}", site.display()))?;
    }
    println!("--> build: copy www/ into {}", site.display());
    copy_dir(&www, &site)?;
    for (from, to) in LAZY_FILES {
        let (from, to) = (repo_root().join(from), site.join(to));
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        fs::copy(&from, &to).map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    }

    let agent = agent_js()?;
    fs::write(site.join("agent.js"), &agent).map_err(|e| format!("cannot write agent.js: {e}"))?;

    let pkg = site.join("pkg");
    println!("--> build: wasm-bindgen");
    let (bg, js) = bindgen(&wasm, &pkg, CRATE)?;
    let (strength_bg, strength_js) = bindgen(&strength_wasm, &pkg, STRENGTH_NAME)?;
    let (credentials_bg, credentials_js) = bindgen(&credentials_wasm, &pkg, CREDENTIALS_NAME)?;
    let (staff_bg, staff_js) = bindgen(&staff_wasm, &pkg, STAFF_NAME)?;
    let (app_bg, app_js) = bindgen(&app_wasm, &pkg, APP_NAME)?;
    check_no_staff_code(&js, &staff_js)?;
    check_app_has_no_fill(&app_js)?;
    check_no_credential_code(&app_bg, &bg, &credentials_bg)?;

    let offline = write_offline_copy(&site)?;

    println!("Site: {}", site.display());
    println!(
        "  build {}: the service worker keeps {} files, {} bytes",
        offline.build, offline.files, offline.bytes
    );
    for file in [
        &app_bg,
        &app_js,
        &bg,
        &js,
        &strength_bg,
        &strength_js,
        &credentials_bg,
        &credentials_js,
        &staff_bg,
        &staff_js,
    ] {
        let bytes = fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let gz = gzip_len(&bytes)?;
        let name = file
            .strip_prefix(&site)
            .unwrap_or(file)
            .display()
            .to_string();
        let budget = if file == &app_bg {
            format!(" (at most {APP_GZ_MAX})")
        } else {
            String::new()
        };
        println!(
            "  {name:<24} {:>10} bytes   gzip -9: {:>9} bytes{budget}",
            bytes.len(),
            gz
        );
        if file == &app_bg && gz > APP_GZ_MAX {
            return Err(format!(
                "the app page's bundle {name} weighs {gz} bytes gzipped, over its budget of {APP_GZ_MAX} (400 KB)"
            ));
        }
    }
    println!(
        "  {:<24} {:>10} bytes   gzip -9: {:>9} bytes (at most {AGENT_GZ_MAX})",
        "agent.js",
        agent.len(),
        gzip_len(agent.as_bytes())?
    );
    println!("  agent.js integrity=\"{}\"", integrity(agent.as_bytes()));
    Ok(site)
}

/// Where the build's id goes in `sw.js` and `oncefill.js`.
const BUILD_MARK: &str = "@ONCEFILL_BUILD@";
/// Where the list of the files the service worker keeps goes in `sw.js`.
const FILES_MARK: &str = "['@ONCEFILL_FILES@']";
/// Parts of the site the service worker does not keep: benchmark pages, the JSON schemas and
/// the demo trust list (none of them used by the widget), the worker itself, and the passphrase
/// strength module (~885 KB gzipped, fetched only when a passphrase is chosen; without it the
/// widget judges with the bundle's smaller checks and says so). The verified-data module
/// (`pkg/credentials*`, ~310 KB gzipped) is kept: the hand-off at a service window has to work
/// on a hall's poor network too; the trust list is fetched fresh for each import.
const NOT_OFFLINE: &[&str] = &[
    "bench/",
    "schema/",
    "trust/",
    "sw.js",
    "pkg/strength.js",
    "pkg/strength_bg.wasm",
    "pkg/oncefill_staff",
    "staff.",
];

/// What the service worker of a build keeps.
pub struct Offline {
    /// The build's id: a digest of every kept file's path and content.
    pub build: String,
    pub files: usize,
    pub bytes: u64,
}

/// The files of the site the service worker keeps, as URLs relative to the site's root (the
/// home page as `./`), sorted.
pub fn offline_files(site: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    list_files(site, site, &mut files)?;
    files.retain(|f| !NOT_OFFLINE.iter().any(|skip| f.starts_with(skip)));
    for file in &mut files {
        if file == "index.html" {
            "./".clone_into(file);
        }
    }
    files.sort();
    Ok(files)
}

fn list_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            list_files(root, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

/// An export only the full bundle has (the OnceFill window's entry): the app page's glue must
/// not name it.
const FILL_EXPORT: &str = "mount_window";

/// Fails when the app page's bundle carries the form-filling part (or lacks its own entry).
fn check_app_has_no_fill(app_js: &Path) -> Result<(), String> {
    let js =
        fs::read_to_string(app_js).map_err(|e| format!("cannot read {}: {e}", app_js.display()))?;
    if js.contains(FILL_EXPORT) || !js.contains("mount_app") {
        return Err(format!(
            "{} must export `mount_app` and not `{FILL_EXPORT}`: the app page's build is made \
             without the feature `fill`",
            app_js.display()
        ));
    }
    Ok(())
}

/// Texts of the verified-data code only (the SD-JWT VC type the verifier checks, the hand-off's
/// HKDF salt): the verified-data module must hold them, the app page's and the widget's bundles
/// must not.
const CREDENTIAL_MARKS: &[&str] = &["vc+sd-jwt", "oncefill-handoff/1"];

/// Fails when a citizen's bundle carries the verification or sealing code (or the verified-data
/// module lacks it).
fn check_no_credential_code(app: &Path, full: &Path, module: &Path) -> Result<(), String> {
    let read = |p: &Path| fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let holds = |bytes: &[u8], mark: &str| bytes.windows(mark.len()).any(|w| w == mark.as_bytes());
    for bundle in [app, full] {
        let bytes = read(bundle)?;
        if let Some(mark) = CREDENTIAL_MARKS.iter().find(|m| holds(&bytes, m)) {
            return Err(format!(
                "{} holds `{mark}`: the verified-data code belongs in the module loaded on demand",
                bundle.display()
            ));
        }
    }
    let bytes = read(module)?;
    if let Some(mark) = CREDENTIAL_MARKS.iter().find(|m| !holds(&bytes, m)) {
        return Err(format!(
            "{} lacks `{mark}`: the verified-data module was built without its code",
            module.display()
        ));
    }
    Ok(())
}

/// An export only the staff build has: its glue must name it, the citizen's must not.
const STAFF_EXPORT: &str = "staff_idle";

/// Fails when the citizen's bundle carries the staff desk's code (or the staff build lacks it).
fn check_no_staff_code(citizen_js: &Path, staff_js: &Path) -> Result<(), String> {
    let read =
        |p: &Path| fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    if read(citizen_js)?.contains(STAFF_EXPORT) {
        return Err(format!(
            "{} exports `{STAFF_EXPORT}`: the staff desk's code is in the citizen's bundle",
            citizen_js.display()
        ));
    }
    if !read(staff_js)?.contains(STAFF_EXPORT) {
        return Err(format!(
            "{} lacks `{STAFF_EXPORT}`: the staff build was made without the feature `staff`",
            staff_js.display()
        ));
    }
    Ok(())
}

/// Writes the build's id into `oncefill.js` and `sw.js`, and into `sw.js` the list of files
/// it keeps. The id is a digest of the kept files (before the id is written into them), so
/// that any change of any file makes a new build whose worker replaces the old cache.
pub fn write_offline_copy(site: &Path) -> Result<Offline, String> {
    use sha2::Digest;
    let files = offline_files(site)?;
    let mut digest = sha2::Sha256::new();
    let mut bytes = 0u64;
    for file in &files {
        let on_disk = if file == "./" { "index.html" } else { file };
        let content = fs::read(site.join(on_disk))
            .map_err(|e| format!("cannot read {on_disk} in the site: {e}"))?;
        bytes += content.len() as u64;
        digest.update(file.as_bytes());
        digest.update([0]);
        digest.update((content.len() as u64).to_le_bytes());
        digest.update(&content);
    }
    let build: String = digest
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect();
    let list = serde_json::to_string(&files).map_err(|e| format!("file list: {e}"))?;
    replace_marks(
        &site.join("sw.js"),
        &[(BUILD_MARK, &build), (FILES_MARK, &list)],
    )?;
    replace_marks(&site.join("oncefill.js"), &[(BUILD_MARK, &build)])?;
    Ok(Offline {
        build,
        files: files.len(),
        bytes,
    })
}

/// Replaces each mark, which must occur exactly once, in a file of the site.
fn replace_marks(path: &Path, marks: &[(&str, &str)]) -> Result<(), String> {
    let mut text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    for (mark, value) in marks {
        if text.matches(mark).count() != 1 {
            return Err(format!(
                "{} must hold `{mark}` exactly once",
                path.display()
            ));
        }
        text = text.replace(mark, value);
    }
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Builds a package of the workspace for the web (release) with extra cargo features (and
/// its default ones, or not); returns its `.wasm`.
fn build_wasm(package: &str, features: &[&str], defaults: bool) -> Result<PathBuf, String> {
    let features = features.join(",");
    let without = if defaults {
        ""
    } else {
        ", no default features"
    };
    println!(
        "--> build: cargo build -p {package} (release, {WASM_TARGET}, features: [{features}]{without})"
    );
    let mut args = vec![
        "build",
        "--release",
        "--lib",
        "--target",
        WASM_TARGET,
        "-p",
        package,
    ];
    if !features.is_empty() {
        args.extend(["--features", &features]);
    }
    if !defaults {
        args.push("--no-default-features");
    }
    run(&mut cargo(&args))?;
    let wasm = target_dir()
        .join(WASM_TARGET)
        .join("release")
        .join(format!("{}.wasm", package.replace('-', "_")));
    if wasm.is_file() {
        Ok(wasm)
    } else {
        Err(format!("the build did not produce {}", wasm.display()))
    }
}

/// Runs wasm-bindgen (for `import`, no TypeScript) into `pkg` as `<name>.js` and
/// `<name>_bg.wasm`, then wasm-opt; returns (the wasm, the JavaScript).
fn bindgen(wasm: &Path, pkg: &Path, name: &str) -> Result<(PathBuf, PathBuf), String> {
    let mut bindgen = command("wasm-bindgen");
    bindgen
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--remove-name-section",
            "--remove-producers-section",
            "--out-name",
            name,
            "--out-dir",
        ])
        .arg(pkg)
        .arg(wasm);
    run(&mut bindgen)?;
    let bg = pkg.join(format!("{name}_bg.wasm"));
    optimise(&bg);
    Ok((bg, pkg.join(format!("{name}.js"))))
}

/// The most the app page's bundle (`pkg/oncefill_app_bg.wasm`) may weigh, gzip -9: every
/// citizen who opens the app page loads it before anything else; the verified-data screens and
/// the passphrase strength dictionaries are modules of their own, fetched when they open.
pub const APP_GZ_MAX: u64 = 400_000;
/// The most the page agent may weigh, gzip -9: it loads in every portal page that embeds OnceFill.
pub const AGENT_GZ_MAX: u64 = 15_360;
/// Where the agent's source takes the shared concealment measurement.
const VISIBILITY_MARK: &str = "/* @visibility */";

/// The page agent as served: `www/agent.js` with `src/dom/visibility.js` (the measurement the
/// wasm adapter uses too, one source for both) in place of its mark, as a classic script.
pub fn agent_js() -> Result<String, String> {
    let read = |p: &str| {
        fs::read_to_string(repo_root().join(p)).map_err(|e| format!("cannot read {p}: {e}"))
    };
    let agent = read("www/agent.js")?;
    let visibility = read("src/dom/visibility.js")?;
    if agent.matches(VISIBILITY_MARK).count() != 1 {
        return Err(format!(
            "www/agent.js must hold `{VISIBILITY_MARK}` exactly once"
        ));
    }
    let shared: String = visibility
        .lines()
        .map(|l| l.strip_prefix("export ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    if shared.contains("export ") || shared.contains("import ") {
        return Err("src/dom/visibility.js has an import or export the agent cannot take".into());
    }
    Ok(agent.replace(VISIBILITY_MARK, &shared))
}

/// The Subresource Integrity value of a file: `sha384-` and the base64 digest.
pub fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Runs `wasm-opt -Oz` on the file when wasm-opt is installed; keeps the
/// unoptimised file (with one warning line) when it fails.
fn optimise(wasm: &Path) {
    let mut probe = command("wasm-opt");
    probe.arg("--version");
    if stdout_of(&mut probe).is_none() {
        return;
    }
    println!("--> build: wasm-opt -Oz");
    let tmp = wasm.with_extension("opt.wasm");
    let mut opt = command("wasm-opt");
    opt.arg("-Oz")
        .args([
            "--enable-bulk-memory",
            "--enable-mutable-globals",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg(wasm)
        .arg("-o")
        .arg(&tmp)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let ran = opt.status().is_ok_and(|s| s.success());
    // Accept only a real wasm module (magic number `\0asm`).
    let ok = ran && fs::read(&tmp).is_ok_and(|bytes| bytes.starts_with(b"\0asm"));
    if ok && fs::rename(&tmp, wasm).is_ok() {
        return;
    }
    let _ = fs::remove_file(&tmp);
    println!(
        "warning: `{}` failed (wasm-opt too old for this output?); keeping the unoptimised wasm",
        describe(&opt)
    );
}

/// Recursively copies `from` into `to` (created).
pub fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries = fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        let source = entry.path();
        let dest = to.join(entry.file_name());
        if source.is_dir() {
            copy_dir(&source, &dest)?;
        } else {
            fs::copy(&source, &dest).map_err(|e| {
                format!(
                    "cannot copy {} to {}: {e}",
                    source.display(),
                    dest.display()
                )
            })?;
        }
    }
    Ok(())
}

/// Size of the bytes compressed with gzip at level 9.
pub fn gzip_len(bytes: &[u8]) -> Result<u64, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(bytes)
        .map_err(|e| format!("gzip failed: {e}"))?;
    let out = encoder.finish().map_err(|e| format!("gzip failed: {e}"))?;
    u64::try_from(out.len()).map_err(|e| format!("gzip size: {e}"))
}

/// gzip -9 size of a file.
pub fn gzip_file_len(path: &Path) -> Result<u64, String> {
    let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    gzip_len(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_shrinks_repetitive_input() {
        let data = vec![b'a'; 10_000];
        let n = gzip_len(&data).unwrap();
        assert!(n > 0 && n < 200, "{n}");
    }

    #[test]
    fn the_page_agent_stays_small() {
        let agent = agent_js().unwrap();
        assert!(agent.contains("function concealment(el, scroll)"));
        assert!(!agent.contains("export function"));
        let gz = gzip_len(agent.as_bytes()).unwrap();
        assert!(
            gz <= AGENT_GZ_MAX,
            "www/agent.js weighs {gz} bytes gzipped, over {AGENT_GZ_MAX}"
        );
    }

    #[test]
    fn the_build_id_and_file_list_go_into_the_worker_and_the_loader() {
        let site =
            std::env::temp_dir().join(format!("xtask-offline-test-{}", crate::server::new_token()));
        let www = repo_root().join("www");
        fs::create_dir_all(site.join("pkg")).unwrap();
        fs::create_dir_all(site.join("bench")).unwrap();
        for file in ["sw.js", "oncefill.js", "index.html"] {
            fs::copy(www.join(file), site.join(file)).unwrap();
        }
        fs::write(site.join("pkg/oncefill_bg.wasm"), b"\0asm").unwrap();
        fs::write(site.join("bench/fill-200.html"), "<p>bench</p>").unwrap();

        let first = write_offline_copy(&site).unwrap();
        assert_eq!(first.build.len(), 12);
        assert_eq!(first.files, 3);
        let sw = fs::read_to_string(site.join("sw.js")).unwrap();
        assert!(
            sw.contains(r#"var FILES = ["./","oncefill.js","pkg/oncefill_bg.wasm"];"#),
            "{sw}"
        );
        assert!(sw.contains(&format!("var BUILD = '{}';", first.build)));
        assert!(!sw.contains("@ONCEFILL"));
        let loader = fs::read_to_string(site.join("oncefill.js")).unwrap();
        assert!(loader.contains(&format!("var build = '{}';", first.build)));

        // Another byte in a kept file: another build.
        for file in ["sw.js", "oncefill.js"] {
            fs::copy(www.join(file), site.join(file)).unwrap();
        }
        fs::write(site.join("pkg/oncefill_bg.wasm"), b"\0asm\x01").unwrap();
        let second = write_offline_copy(&site).unwrap();
        assert_ne!(first.build, second.build);
        // A mark written already is refused rather than left stale.
        assert!(write_offline_copy(&site).is_err());
        fs::remove_dir_all(&site).unwrap();
    }

    #[test]
    fn the_stand_in_launcher_says_what_the_widget_says() {
        let loader = fs::read_to_string(repo_root().join("www/oncefill.js")).unwrap();
        for (lang, tag) in [("zh-CN", "'zh-CN'"), ("en", "en")] {
            let ftl =
                fs::read_to_string(repo_root().join(format!("src/core/i18n/{lang}.ftl"))).unwrap();
            let message = |id: &str| {
                ftl.lines()
                    .find_map(|l| l.strip_prefix(&format!("{id} = ")))
                    .unwrap()
                    .to_string()
            };
            let words = format!(
                "{tag}: [{}, {}]",
                serde_json::to_string(&message("launcher")).unwrap(),
                serde_json::to_string(&message("launcher-hint")).unwrap()
            )
            .replace('"', "'");
            assert!(
                loader.replace('"', "'").contains(&words),
                "www/oncefill.js should hold {words}"
            );
        }
    }

    #[test]
    fn integrity_is_sha384_base64() {
        // `printf abc | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            integrity(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }

    #[test]
    fn copies_directories_recursively() {
        let base =
            std::env::temp_dir().join(format!("xtask-copy-test-{}", crate::server::new_token()));
        let from = base.join("from");
        fs::create_dir_all(from.join("a/b")).unwrap();
        fs::write(from.join("top.txt"), "1").unwrap();
        fs::write(from.join("a/b/deep.txt"), "2").unwrap();
        let to = base.join("to");
        copy_dir(&from, &to).unwrap();
        assert_eq!(fs::read_to_string(to.join("top.txt")).unwrap(), "1");
        assert_eq!(fs::read_to_string(to.join("a/b/deep.txt")).unwrap(), "2");
        fs::remove_dir_all(&base).unwrap();
    }
}
