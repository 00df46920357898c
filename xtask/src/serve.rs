//! `cargo xtask serve [--host H] [--port P]`.

use crate::server::{HEALTH_PATH, Server};
use crate::site;

pub const DEFAULT_HOST: &str = "127.0.0.1";
pub const DEFAULT_PORT: u16 = 8080;
pub const SAMPLE_FORM: &str = "forms/pension.html";

/// Host and port given on the command line.
#[derive(Debug, PartialEq, Eq)]
pub struct Options {
    pub host: String,
    pub port: u16,
}

/// Parses `--host H`, `--port P` (also `--host=H`, `--port=P`).
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        host: DEFAULT_HOST.to_string(),
        port: DEFAULT_PORT,
    };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag, Some(value.to_string())),
            None => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| iter.next().cloned())
                .ok_or_else(|| format!("`{flag}` needs a value"))
        };
        match flag {
            "--host" => options.host = value()?,
            "--port" => {
                let v = value()?;
                options.port = v
                    .parse()
                    .map_err(|_| format!("`--port {v}`: not a port number (0-65535)"))?;
            }
            other => {
                return Err(format!(
                    "unknown option `{other}` (usage: cargo xtask serve [--host H] [--port P])"
                ));
            }
        }
    }
    Ok(options)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let options = parse_args(args)?;
    let root = site::build()?;
    let server = Server::start(&root, &options.host, options.port, true)?;
    let url = server.url();
    println!();
    println!("OnceFill is being served at {url}");
    println!("Sample form: {url}{SAMPLE_FORM}");
    println!(
        "Server token: {} (health check: {}{})",
        server.token(),
        url.trim_end_matches('/'),
        HEALTH_PATH
    );
    println!("Press Ctrl+C to stop.");
    server.wait();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn defaults_and_flags() {
        assert_eq!(
            parse_args(&[]).unwrap(),
            Options {
                host: "127.0.0.1".into(),
                port: 8080
            }
        );
        assert_eq!(
            parse_args(&args(&["--host", "0.0.0.0", "--port=9000"])).unwrap(),
            Options {
                host: "0.0.0.0".into(),
                port: 9000
            }
        );
        assert!(parse_args(&args(&["--port", "x"])).is_err());
        assert!(parse_args(&args(&["--port"])).is_err());
        assert!(parse_args(&args(&["--verbose"])).is_err());
    }
}
