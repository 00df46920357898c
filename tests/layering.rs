//! The module layering that `docs/ARCHITECTURE.md` describes, checked from the source text.
//!
//! * The crate's top-level modules stand in [`TOP_LAYERS`]: the core at the bottom, the widget's
//!   pure state (`app`) and the browser adapter (`dom`) above it, the Yew interface (`ui`) above
//!   those, the embed entry on top. Each imports only from lower layers.
//! * The core and `app` never name a browser crate (`web_sys`, `js_sys`, `wasm_bindgen`,
//!   `yew`, `gloo`): they build and are tested natively.
//! * Every module of the core sits on one layer of [`CORE_LAYERS`], and imports only from
//!   layers below its own (the code tables and the dictionary never import classification or
//!   the profile). A new module must be given a layer here.
//! * No two files of the crate import each other, directly or round a longer circle.
//!
//! Imports are read as text: every `crate::…` and `super::…` path outside comments and a
//! file's `#[cfg(test)]` module, resolved to the file that defines the module.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The core's modules from the bottom layer up. A module imports only from lower layers.
const CORE_LAYERS: &[&[&str]] = &[
    &["order"],
    &["clock", "mask", "i18n", "field", "codes"],
    &["ids", "dictionary", "address", "scan", "role"],
    &["validate", "handle_map", "disclosure"],
    &["check", "classify"],
    &["profile"],
    &["transform", "vault", "credential", "people"],
    &["mapping", "handoff"],
    &["plan", "mapped", "bundle"],
    &["protocol"],
];

/// The crate's top-level modules from the bottom layer up.
const TOP_LAYERS: &[&[&str]] = &[&["core"], &["app", "dom"], &["ui"], &["embed"]];

/// The top-level modules that must build natively.
const NATIVE: &[&str] = &["core", "app"];

/// Crates only the browser edges may use.
const BROWSER_CRATES: &[&str] = &["web_sys", "js_sys", "wasm_bindgen", "yew", "gloo"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, as a path relative to `src/`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("readable entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.strip_prefix(src()).expect("under src").to_path_buf());
        }
    }
}

/// The module path of a file: `core/classify/mod.rs` → `["core", "classify"]`.
fn module_of(file: &Path) -> Vec<String> {
    let mut parts: Vec<String> = file
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib") {
        parts.push(stem.to_string());
    }
    parts
}

/// The file's code without its unit-test module (tests may reach anywhere) and without
/// comment lines (a doc link is not an import).
fn code_of(file: &Path) -> String {
    let text = fs::read_to_string(src().join(file)).expect("readable source file");
    let code = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => &text,
    };
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths a file's code names: `crate::core::plan::FillPlan` → `["core", "plan",
/// "FillPlan"]` (trimmed to a module by [`resolve`]), and `super::x` relative to the file.
fn imports(file: &Path, code: &str) -> Vec<Vec<String>> {
    let here = module_of(file);
    let mut out = Vec::new();
    let mut push_path = |base: Vec<String>, rest: &str| {
        let mut path = base;
        path.extend(
            rest.split("::")
                .map(|s| {
                    s.chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect()
                })
                .take_while(|s: &String| !s.is_empty()),
        );
        out.push(path);
    };
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        push_path(Vec::new(), &code[at + "crate::".len()..]);
    }
    for (at, _) in code.match_indices("super::") {
        let before = code[..at].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        // `super` is the parent of the file's module, whether it is `foo.rs` or `foo/mod.rs`.
        let mut base = here.clone();
        base.pop();
        push_path(base, &code[at + "super::".len()..]);
    }
    out
}

/// The longest prefix of `path` that is a file of the crate.
fn resolve(path: &[String], modules: &BTreeMap<Vec<String>, PathBuf>) -> Option<PathBuf> {
    (1..=path.len())
        .rev()
        .find_map(|n| modules.get(&path[..n]).cloned())
}

struct Crate {
    /// Module path → file.
    modules: BTreeMap<Vec<String>, PathBuf>,
    /// File → the files it imports.
    edges: BTreeMap<PathBuf, BTreeSet<PathBuf>>,
}

fn read_crate() -> Crate {
    let mut all = Vec::new();
    files(&src(), &mut all);
    all.retain(|f| !f.starts_with("bin"));
    let modules: BTreeMap<Vec<String>, PathBuf> =
        all.iter().map(|f| (module_of(f), f.clone())).collect();
    let mut edges = BTreeMap::new();
    for file in &all {
        let code = code_of(file);
        let targets: BTreeSet<PathBuf> = imports(file, &code)
            .iter()
            .filter_map(|p| resolve(p, &modules))
            .filter(|t| t != file)
            .collect();
        edges.insert(file.clone(), targets);
    }
    Crate { modules, edges }
}

/// The top-level core module a file belongs to (`core/classify/rules.rs` → `classify`).
fn core_module(file: &Path) -> Option<String> {
    let m = module_of(file);
    (m.first().map(String::as_str) == Some("core") && m.len() >= 2).then(|| m[1].clone())
}

fn layer_of(module: &str) -> Option<usize> {
    CORE_LAYERS.iter().position(|l| l.contains(&module))
}

#[test]
fn the_native_layers_name_no_browser_crate() {
    let c = read_crate();
    let mut found = Vec::new();
    for file in c
        .edges
        .keys()
        .filter(|f| NATIVE.iter().any(|n| f.starts_with(n)))
    {
        let text = fs::read_to_string(src().join(file)).expect("readable");
        for krate in BROWSER_CRATES {
            if text.contains(&format!("{krate}::")) || text.contains(&format!("use {krate}")) {
                found.push(format!("{} names {krate}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// The top-level module of a file (`core/plan.rs` → `core`, `lib.rs` → none).
fn top_module(file: &Path) -> Option<String> {
    module_of(file).first().cloned()
}

/// The imports that do not go down: between two files of different groups (`group` of a
/// file, `None` for files outside the check) whose layers (`layers`, bottom up) do not fall.
fn not_downward(c: &Crate, group: fn(&Path) -> Option<String>, layers: &[&[&str]]) -> Vec<String> {
    let layer = |m: &str| layers.iter().position(|l| l.contains(&m));
    let mut upward = Vec::new();
    for (file, targets) in &c.edges {
        let Some(from) = group(file) else {
            continue;
        };
        for target in targets {
            let Some(to) = group(target) else {
                continue;
            };
            if to == from {
                continue;
            }
            match (layer(&from), layer(&to)) {
                (Some(a), Some(b)) if b < a => {}
                _ => upward.push(format!(
                    "{} ({from}) imports {} ({to})",
                    file.display(),
                    target.display()
                )),
            }
        }
    }
    upward
}

#[test]
fn top_level_modules_import_only_from_lower_layers() {
    let upward = not_downward(&read_crate(), top_module, TOP_LAYERS);
    assert!(
        upward.is_empty(),
        "imports that do not go down: {upward:#?}"
    );
}

#[test]
fn every_core_module_has_a_layer() {
    let c = read_crate();
    let unplaced: BTreeSet<String> = c
        .modules
        .values()
        .filter_map(|f| core_module(f))
        .filter(|m| layer_of(m).is_none())
        .collect();
    assert!(
        unplaced.is_empty(),
        "give these core modules a layer in CORE_LAYERS (tests/layering.rs) and \
         docs/ARCHITECTURE.md: {unplaced:?}"
    );
}

#[test]
fn core_modules_import_only_from_lower_layers() {
    let upward = not_downward(&read_crate(), core_module, CORE_LAYERS);
    assert!(
        upward.is_empty(),
        "imports that do not go down: {upward:#?}"
    );
}

#[test]
fn no_import_cycles_between_files() {
    let c = read_crate();
    // Depth-first search; a back edge is a circle.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        f: &PathBuf,
        c: &Crate,
        marks: &mut BTreeMap<PathBuf, Mark>,
        stack: &mut Vec<PathBuf>,
        circles: &mut Vec<String>,
    ) {
        marks.insert(f.clone(), Mark::Open);
        stack.push(f.clone());
        for t in c.edges.get(f).into_iter().flatten() {
            // A module's own children may use what their parent declares (`super::Type`),
            // and a parent re-exports its children: parent and child are one unit.
            if t.parent() == f.parent() && (t.ends_with("mod.rs") || f.ends_with("mod.rs")) {
                continue;
            }
            match marks.get(t).copied().unwrap_or(Mark::New) {
                Mark::New => visit(t, c, marks, stack, circles),
                Mark::Open => {
                    let at = stack.iter().position(|s| s == t).unwrap_or(0);
                    let names: Vec<String> = stack[at..]
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect();
                    circles.push(names.join(" → "));
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks.insert(f.clone(), Mark::Done);
    }
    let mut marks = BTreeMap::new();
    let mut circles = Vec::new();
    for f in c.edges.keys() {
        if marks.get(f).copied().unwrap_or(Mark::New) == Mark::New {
            visit(f, &c, &mut marks, &mut Vec::new(), &mut circles);
        }
    }
    assert!(circles.is_empty(), "import circles: {circles:#?}");
}

#[test]
fn the_reader_finds_imports() {
    // The checks above are only as good as the reader: it must see the known edges.
    let c = read_crate();
    let plan = c
        .edges
        .get(Path::new("core/plan.rs"))
        .expect("core/plan.rs is read");
    assert!(plan.contains(Path::new("core/profile/mod.rs")), "{plan:?}");
    let ui: BTreeSet<&PathBuf> = c
        .edges
        .iter()
        .filter(|(f, _)| f.starts_with("ui"))
        .flat_map(|(_, t)| t)
        .collect();
    assert!(ui.iter().any(|f| f.starts_with("dom")), "{ui:?}");
    assert!(ui.iter().any(|f| f.starts_with("app")), "{ui:?}");
}
