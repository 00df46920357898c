//! `cargo xtask screenshots [--only GROUP,…]`: build, serve in-process, run
//! `tests/e2e/screenshots.mjs`, which writes the pictures of `docs/screenshots/`: every screen a
//! person sees, in Chinese and English, in the usual mode and in 长辈版, at 360 and 1280 px.

use std::fs;
use std::time::Instant;

use crate::proc::{self, command, repo_root};
use crate::server::Server;
use crate::site;
use crate::test::{e2e_env, ensure_chromium, ensure_node_modules};

/// The groups of screens `tests/e2e/screenshots.mjs` knows, each named by its pictures' prefix.
pub const GROUPS: &[&str] = &["home", "widget", "window", "app", "staff"];

/// The groups `args` ask for: none (meaning all) or those of `--only a,b`.
fn groups(args: &[String]) -> Result<Vec<String>, String> {
    let list = match args {
        [] => return Ok(Vec::new()),
        [flag, list] if flag == "--only" => list,
        _ => {
            return Err(format!(
                "`cargo xtask screenshots` takes no arguments or `--only GROUP,…` (got `{}`)",
                args.join(" ")
            ));
        }
    };
    let mut out = Vec::new();
    for group in list.split(',').map(str::trim).filter(|g| !g.is_empty()) {
        if !GROUPS.contains(&group) {
            return Err(format!(
                "no group `{group}` of screenshots (groups: {})",
                GROUPS.join(", ")
            ));
        }
        if !out.iter().any(|g| g == group) {
            out.push(group.to_string());
        }
    }
    if out.is_empty() {
        return Err("`--only` needs a group (groups: ".to_string() + &GROUPS.join(", ") + ")");
    }
    Ok(out)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let groups = groups(args)?;
    let started = Instant::now();
    ensure_chromium()?;
    let site = site::build()?;
    ensure_node_modules()?;
    let dir = repo_root().join("docs").join("screenshots");
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let server = Server::start(&site, "127.0.0.1", 0, false)?;
    println!("--> serving {} at {}", site.display(), server.url());
    let mut cmd = command("node");
    e2e_env(&mut cmd, &server);
    cmd.arg("tests/e2e/screenshots.mjs")
        .env("SCREENSHOT_DIR", &dir)
        .env("SCREENSHOT_ONLY", groups.join(","));
    let result = proc::run(&mut cmd);
    drop(server);
    result?;
    println!(
        "Pictures written to {} in {:.0} s",
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::groups;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn no_arguments_mean_every_group() {
        assert!(groups(&[]).unwrap().is_empty());
    }

    #[test]
    fn only_known_groups_once_each() {
        assert_eq!(
            groups(&strings(&["--only", "app,widget,app"])).unwrap(),
            strings(&["app", "widget"])
        );
        assert!(groups(&strings(&["--only", "nothing"])).is_err());
        assert!(groups(&strings(&["--only", ","])).is_err());
        assert!(groups(&strings(&["--only"])).is_err());
        assert!(groups(&strings(&["app"])).is_err());
    }
}
