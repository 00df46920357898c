//! The OnceFill command line: the same core as the browser app, for portals' CI and for
//! people who want their data outside a browser.
//!
//! ```text
//! oncefill validate <key> <value> [--lang zh-CN|en]
//! ```
//!
//! `validate` prints one JSON object `{"ok", "normalized", "errors", "warnings", "derived"}`
//! and exits 0 when the value is valid, 1 when it is not, 2 on a usage error.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    cli::run(&args)
}

#[cfg(target_arch = "wasm32")]
fn main() {}

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
