//! Paths of the repository and helpers to run child processes.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;

/// The repository root (the parent of `xtask/`).
pub fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map_or_else(|| manifest.to_path_buf(), Path::to_path_buf)
}

/// Cargo's target directory: `$CARGO_TARGET_DIR` or `<repo>/target`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                repo_root().join(dir)
            }
        }
        _ => repo_root().join("target"),
    }
}

/// The directory `cargo install` writes binaries to.
pub fn cargo_bin_dir() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CARGO_HOME").filter(|h| !h.is_empty()) {
        return Some(PathBuf::from(home).join("bin"));
    }
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|home| PathBuf::from(home).join(".cargo").join("bin"))
}

/// `PATH` with cargo's bin directory added in front when it is not on it yet.
pub fn child_path() -> OsString {
    let current = std::env::var_os("PATH").unwrap_or_default();
    let Some(bin) = cargo_bin_dir() else {
        return current;
    };
    if std::env::split_paths(&current).any(|p| p == bin) {
        return current;
    }
    let mut paths = vec![bin];
    paths.extend(std::env::split_paths(&current));
    std::env::join_paths(paths).unwrap_or(current)
}

/// The cargo that runs us (`$CARGO`), or `cargo` from `PATH`.
pub fn cargo_program() -> OsString {
    std::env::var_os("CARGO")
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| OsString::from("cargo"))
}

/// A command that runs in the repository root with cargo's bin directory on `PATH`.
pub fn command(program: impl Into<OsString>) -> Command {
    let mut cmd = Command::new(program.into());
    cmd.current_dir(repo_root()).env("PATH", child_path());
    cmd
}

/// `cargo <args…>` in the repository root.
pub fn cargo(args: &[&str]) -> Command {
    let mut cmd = command(cargo_program());
    cmd.args(args);
    cmd
}

/// The command line as a person would type it, for messages.
pub fn describe(cmd: &Command) -> String {
    let program = Path::new(cmd.get_program());
    // `/root/.rustup/toolchains/…/bin/cargo` reads better as `cargo`.
    let name = if program.ends_with("cargo") {
        "cargo".into()
    } else {
        program.to_string_lossy()
    };
    let mut parts = vec![name.into_owned()];
    parts.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

fn spawn_error(cmd: &Command, e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::NotFound {
        format!(
            "could not run `{}`: `{}` was not found on PATH",
            describe(cmd),
            cmd.get_program().to_string_lossy()
        )
    } else {
        format!("could not run `{}`: {e}", describe(cmd))
    }
}

/// Runs a command with inherited stdio and fails unless it exits successfully.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let status = cmd.status().map_err(|e| spawn_error(cmd, &e))?;
    check_status(cmd, status)
}

/// Fails with a clear message unless `status` is a success.
pub fn check_status(cmd: &Command, status: ExitStatus) -> Result<(), String> {
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(cmd)))
    }
}

/// Runs a command and returns its trimmed standard output if it succeeded
/// (stderr is discarded). `None` when it could not run or failed.
pub fn stdout_of(cmd: &mut Command) -> Option<String> {
    let output = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// Runs a command, streaming its stdout and stderr to ours while capturing both.
/// Returns the exit status and the captured text (stdout, then stderr).
pub fn run_tee(cmd: &mut Command) -> Result<(ExitStatus, String), String> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| spawn_error(cmd, &e))?;
    let out = child.stdout.take().map(|s| {
        thread::spawn(move || {
            let mut sink = std::io::stdout();
            pump(s, &mut sink)
        })
    });
    let err = child.stderr.take().map(|s| {
        thread::spawn(move || {
            let mut sink = std::io::stderr();
            pump(s, &mut sink)
        })
    });
    let status = child
        .wait()
        .map_err(|e| format!("waiting for `{}` failed: {e}", describe(cmd)))?;
    let mut text = String::new();
    for handle in [out, err].into_iter().flatten() {
        let bytes = handle.join().unwrap_or_default();
        text.push_str(&String::from_utf8_lossy(&bytes));
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    Ok((status, text))
}

/// Copies everything from `source` to `sink` as it arrives and returns a copy.
fn pump(mut source: impl Read, sink: &mut impl Write) -> Vec<u8> {
    let mut captured = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match source.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                let chunk = &buf[..n];
                // Writing to our terminal may fail (closed pipe); keep capturing anyway.
                let _ = sink.write_all(chunk).and_then(|()| sink.flush());
                captured.extend_from_slice(chunk);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    captured
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pump_copies_and_captures() {
        let mut sink = Vec::new();
        let captured = pump(&b"hello\nworld\n"[..], &mut sink);
        assert_eq!(captured, b"hello\nworld\n");
        assert_eq!(sink, b"hello\nworld\n");
    }

    #[test]
    fn repo_root_holds_the_workspace_manifest() {
        assert!(repo_root().join("xtask").join("Cargo.toml").is_file());
    }
}
