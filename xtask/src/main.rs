//! `cargo xtask`: build, serve, test and benchmark OnceFill.
//!
//! Run `cargo xtask help` for the list of subcommands.

mod bench;
mod credential;
mod fuzz;
mod lockfile;
mod proc;
mod screenshots;
mod serve;
mod server;
mod site;
mod summary;
mod test;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <command> [options]

Commands:
  build                 build the static site into target/site/
                        (wasm32 release build, wasm-bindgen, optional wasm-opt, www/ copied)
  serve [--host H] [--port P]
                        build, then serve target/site on http://127.0.0.1:8080/
  test                  run every check in order: fmt, clippy (native and wasm32),
                        cargo check of the fuzz targets, cargo doc (links resolve), cargo test, wasm tests in
                        headless Chromium, end-to-end tests;
                        ends with the line `N passed, N failed`
  bench [--only embed]  build, serve in-process, run tests/e2e/bench.mjs, write
                        target/bench/results.json and append a row to docs/BENCHMARKS.md;
                        `--only embed`: the OnceFill window's metrics only, printed, nothing written
  screenshots [--only GROUP,…]
                        build, serve in-process, run tests/e2e/screenshots.mjs: rewrite
                        docs/screenshots/<screen>-<width>-<lang>[-elder].png for every screen a
                        person sees (home page, widget, OnceFill window, app page, staff desk), in
                        zh and en, usual and 长辈版, at 360 and 1280 px, with the demo profile only;
                        the pictures of the groups run are replaced, and a full run deletes any
                        other picture there; groups: home, widget, window, app, staff
  fuzz [--seconds N | --runs N] [--target NAME]…
                        build the fuzz/ targets with libFuzzer instrumentation (stable
                        toolchain, no sanitizer), run each for N seconds (default 60)
                        or N executions,
                        append executions and findings to docs/BENCHMARKS.md; fails
                        when an input crashes, stalls or exhausts memory
  issue-credential --kind resident-id|business-licence --subject FILE.json [--alg ES256|EdDSA|SM2]
                        [--issued YYYY-MM-DD] [--valid-days N] [--issuer ID]
                        write a DEMO SD-JWT VC credential to stdout, signed with the committed
                        demo keys (xtask/demo-issuer-keys.json); `--public-keys` prints their
                        public halves as trust-list key entries
  help                  show this text
";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next();
    let rest: Vec<String> = args.collect();
    match command.as_deref() {
        None | Some("help" | "--help" | "-h") => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Some("build") => finish(no_args("build", &rest).and_then(|()| site::build().map(|_| ()))),
        Some("serve") => finish(serve::run(&rest)),
        Some("test") => match no_args("test", &rest) {
            Ok(()) => test::execute(),
            Err(e) => finish(Err(e)),
        },
        Some("fuzz") => finish(fuzz::run(&rest)),
        Some("issue-credential") => finish(credential::run(&rest)),
        Some("bench") => finish(bench::run(&rest)),
        Some("screenshots") => finish(screenshots::run(&rest)),
        Some(other) => {
            eprintln!("error: unknown command `{other}`\n");
            eprint!("{HELP}");
            ExitCode::from(2)
        }
    }
}

fn no_args(command: &str, rest: &[String]) -> Result<(), String> {
    match rest.first() {
        None => Ok(()),
        Some(arg) => Err(format!(
            "`cargo xtask {command}` takes no arguments (got `{arg}`)"
        )),
    }
}

fn finish(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
