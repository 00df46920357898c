//! A small static file server on `std::net`: one thread per connection,
//! `Connection: close`, GET and HEAD only.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Path of the endpoint that answers `oncefill <token>`.
pub const HEALTH_PATH: &str = "/__oncefill/health";
/// Header carried by every response, holding the server's token.
pub const TOKEN_HEADER: &str = "X-OnceFill-Server";

const MAX_HEAD: usize = 16 * 1024;

/// A running server. Dropping it stops accepting connections.
pub struct Server {
    addr: SocketAddr,
    token: String,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl Server {
    /// Serves `root` on `host:port` (port 0 picks a free one) from a background thread.
    pub fn start(root: &Path, host: &str, port: u16, log: bool) -> Result<Self, String> {
        let root = root
            .canonicalize()
            .map_err(|e| format!("cannot serve {}: {e}", root.display()))?;
        if !root.is_dir() {
            return Err(format!("cannot serve {}: not a directory", root.display()));
        }
        let listener = TcpListener::bind((host, port))
            .map_err(|e| format!("cannot listen on {host}:{port}: {e}"))?;
        let addr = listener
            .local_addr()
            .map_err(|e| format!("cannot read the bound address: {e}"))?;
        let token = new_token();
        let stop = Arc::new(AtomicBool::new(false));
        let shared = Arc::new(Site {
            root,
            token: token.clone(),
            log,
        });
        let stop_flag = Arc::clone(&stop);
        let accept = thread::Builder::new()
            .name("xtask-server".into())
            .spawn(move || accept_loop(&listener, &shared, &stop_flag))
            .map_err(|e| format!("cannot start the server thread: {e}"))?;
        Ok(Self {
            addr,
            token,
            stop,
            accept: Some(accept),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn token(&self) -> &str {
        &self.token
    }

    /// `http://host:port/`, with the address a browser on this machine can reach.
    pub fn url(&self) -> String {
        let addr = reachable(self.addr());
        format!("http://{addr}/")
    }

    /// Blocks while the server runs (it runs until the process ends).
    pub fn wait(mut self) {
        if let Some(handle) = self.accept.take() {
            let _ = handle.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop up so that it sees the flag.
        let _ = TcpStream::connect_timeout(&reachable(self.addr), Duration::from_secs(1));
        if let Some(handle) = self.accept.take() {
            let _ = handle.join();
        }
    }
}

/// An unspecified bind address (0.0.0.0, ::) is reached through loopback.
fn reachable(addr: SocketAddr) -> SocketAddr {
    match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), addr.port())
        }
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::new(IpAddr::V6(Ipv6Addr::LOCALHOST), addr.port())
        }
        _ => addr,
    }
}

struct Site {
    root: PathBuf,
    token: String,
    log: bool,
}

fn accept_loop(listener: &TcpListener, site: &Arc<Site>, stop: &AtomicBool) {
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        match stream {
            Ok(stream) => {
                let site = Arc::clone(site);
                let spawned = thread::Builder::new()
                    .name("xtask-conn".into())
                    .spawn(move || handle_connection(stream, &site));
                if let Err(e) = spawned {
                    eprintln!("server: cannot start a connection thread: {e}");
                }
            }
            Err(e) => {
                eprintln!("server: accept failed: {e}");
                thread::sleep(Duration::from_millis(50));
            }
        }
    }
}

/// A random-enough token for telling our server apart from other processes.
pub fn new_token() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut token = String::new();
    for round in 0..2u8 {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u128(nanos);
        hasher.write_u32(std::process::id());
        hasher.write_u8(round);
        token.push_str(&format!("{:016x}", hasher.finish()));
    }
    token
}

/// The `Content-Type` for a file, by extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" | "ftl" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Why a request path was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum PathError {
    /// Not an origin-form path (`/…`).
    NotAbsolute,
    /// A `%` not followed by two hex digits.
    BadEscape,
    /// The decoded bytes are not UTF-8.
    NotUtf8,
    /// A `..` segment (also when percent-encoded).
    Traversal,
    /// A backslash or NUL in a segment.
    BadCharacter,
}

impl PathError {
    fn message(&self) -> &'static str {
        match self {
            Self::NotAbsolute => "the request path must start with /",
            Self::BadEscape => "the request path has a malformed percent escape",
            Self::NotUtf8 => "the request path is not UTF-8 after percent-decoding",
            Self::Traversal => "the request path may not contain `..`",
            Self::BadCharacter => "the request path may not contain a backslash or NUL",
        }
    }
}

/// A sanitised request path.
#[derive(Debug, PartialEq, Eq)]
pub struct RequestPath {
    /// Decoded segments, without empty and `.` segments.
    pub segments: Vec<String>,
    /// Whether the (decoded) path ends with `/`.
    pub trailing_slash: bool,
}

/// Percent-decodes a request target's path (query and fragment dropped) and
/// splits it into safe segments.
pub fn sanitize(target: &str) -> Result<RequestPath, PathError> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    if !path.starts_with('/') {
        return Err(PathError::NotAbsolute);
    }
    let decoded = percent_decode(path)?;
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Err(PathError::Traversal),
            s if s.contains(['\\', '\0']) => return Err(PathError::BadCharacter),
            s => segments.push(s.to_string()),
        }
    }
    Ok(RequestPath {
        segments,
        trailing_slash: decoded.ends_with('/'),
    })
}

/// Decodes `%XX` escapes; the result must be UTF-8.
pub fn percent_decode(s: &str) -> Result<String, PathError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hi = bytes.get(i + 1).and_then(|b| hex_value(*b));
            let lo = bytes.get(i + 2).and_then(|b| hex_value(*b));
            match (hi, lo) {
                (Some(hi), Some(lo)) => out.push(hi * 16 + lo),
                _ => return Err(PathError::BadEscape),
            }
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| PathError::NotUtf8)
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

struct Response {
    status: u16,
    reason: &'static str,
    content_type: &'static str,
    extra: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    fn text(status: u16, reason: &'static str, body: impl Into<String>) -> Self {
        Self {
            status,
            reason,
            content_type: "text/plain; charset=utf-8",
            extra: Vec::new(),
            body: body.into().into_bytes(),
        }
    }
}

fn handle_connection(mut stream: TcpStream, site: &Site) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(30)));
    let (method, target, response) = match read_head(&mut stream) {
        Ok(head) => {
            let (method, target) = parse_request_line(&head);
            let response = respond(site, &method, &target);
            (method, target, response)
        }
        Err(response) => (String::from("?"), String::from("?"), response),
    };
    if site.log {
        eprintln!("{} {method} {target}", response.status);
    }
    let head_only = method == "HEAD";
    let _ = write_response(&mut stream, &response, &site.token, head_only);
    let _ = stream.flush();
    let _ = stream.shutdown(Shutdown::Write);
    // Drain what the client may still send, so that closing does not reset the
    // connection before it has read the response.
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut sink = [0u8; 4096];
    let mut drained = 0usize;
    while drained < 1 << 20 {
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

/// Reads the request head (up to the blank line).
fn read_head(stream: &mut TcpStream) -> Result<String, Response> {
    let mut head = Vec::new();
    let mut buf = [0u8; 2048];
    loop {
        if let Some(end) = find_head_end(&head) {
            head.truncate(end);
            return Ok(String::from_utf8_lossy(&head).into_owned());
        }
        if head.len() > MAX_HEAD {
            return Err(Response::text(
                431,
                "Request Header Fields Too Large",
                "431 Request Header Fields Too Large\n",
            ));
        }
        match stream.read(&mut buf) {
            Ok(0) => {
                return Err(Response::text(400, "Bad Request", "400 Bad Request\n"));
            }
            Ok(n) => head.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => {
                return Err(Response::text(
                    408,
                    "Request Timeout",
                    "408 Request Timeout\n",
                ));
            }
        }
    }
}

fn find_head_end(bytes: &[u8]) -> Option<usize> {
    bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .or_else(|| bytes.windows(2).position(|w| w == b"\n\n"))
}

fn parse_request_line(head: &str) -> (String, String) {
    let line = head.lines().next().unwrap_or_default();
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_string();
    let target = parts.next().unwrap_or_default().to_string();
    (method, target)
}

fn respond(site: &Site, method: &str, target: &str) -> Response {
    if method != "GET" && method != "HEAD" {
        let mut response = Response::text(
            405,
            "Method Not Allowed",
            "405 Method Not Allowed: only GET and HEAD are served\n",
        );
        response.extra.push(("Allow", "GET, HEAD".into()));
        return response;
    }
    let path = match sanitize(target) {
        Ok(path) => path,
        Err(e) => {
            return Response::text(
                400,
                "Bad Request",
                format!("400 Bad Request: {}\n", e.message()),
            );
        }
    };
    if path.segments == ["__oncefill", "health"] {
        return Response::text(200, "OK", format!("oncefill {}", site.token));
    }
    let mut file = site.root.clone();
    file.extend(&path.segments);
    if file.is_dir() {
        if !path.trailing_slash {
            let raw = target.split(['?', '#']).next().unwrap_or("/");
            let query = target.find('?').map(|i| &target[i..]).unwrap_or_default();
            let mut response = Response::text(301, "Moved Permanently", "301 Moved Permanently\n");
            response.extra.push(("Location", format!("{raw}/{query}")));
            return response;
        }
        file.push("index.html");
    }
    let not_found = || Response::text(404, "Not Found", format!("404 Not Found: {target}\n"));
    // Symbolic links must not lead out of the site.
    let Ok(real) = file.canonicalize() else {
        return not_found();
    };
    if !real.starts_with(&site.root) || !real.is_file() {
        return not_found();
    }
    // The page agent and its style sheet load into portals of any origin with `crossorigin`
    // and an integrity hash, which needs CORS.
    let shared =
        path.segments.len() == 1 && ["agent.js", "agent.css"].contains(&path.segments[0].as_str());
    let extra = if shared {
        vec![("Access-Control-Allow-Origin", "*".to_string())]
    } else {
        Vec::new()
    };
    match std::fs::read(&real) {
        Ok(body) => Response {
            status: 200,
            reason: "OK",
            content_type: content_type(&real),
            extra,
            body,
        },
        Err(e) => Response::text(
            500,
            "Internal Server Error",
            format!("500 Internal Server Error: {e}\n"),
        ),
    }
}

fn write_response(
    stream: &mut impl Write,
    response: &Response,
    token: &str,
    head_only: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{TOKEN_HEADER}: {token}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        response.status,
        response.reason,
        response.content_type,
        response.body.len(),
    );
    for (name, value) in &response.extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&response.body)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mime_types() {
        let cases = [
            ("index.html", "text/html; charset=utf-8"),
            ("a/oncefill.js", "text/javascript"),
            ("m.mjs", "text/javascript"),
            ("pkg/oncefill_bg.wasm", "application/wasm"),
            ("s.css", "text/css; charset=utf-8"),
            ("d.json", "application/json"),
            ("i.svg", "image/svg+xml"),
            ("i.PNG", "image/png"),
            ("favicon.ico", "image/x-icon"),
            ("notes.txt", "text/plain; charset=utf-8"),
            ("zh-CN.ftl", "text/plain; charset=utf-8"),
            ("rows.csv", "text/csv; charset=utf-8"),
            ("me.oncefill", "application/octet-stream"),
            ("noext", "application/octet-stream"),
        ];
        for (name, expected) in cases {
            assert_eq!(content_type(Path::new(name)), expected, "{name}");
        }
    }

    #[test]
    fn sanitize_plain_paths() {
        let p = sanitize("/forms/pension.html?x=1#top").unwrap();
        assert_eq!(p.segments, ["forms", "pension.html"]);
        assert!(!p.trailing_slash);
        let root = sanitize("/").unwrap();
        assert!(root.segments.is_empty());
        assert!(root.trailing_slash);
        let dir = sanitize("//forms/./").unwrap();
        assert_eq!(dir.segments, ["forms"]);
        assert!(dir.trailing_slash);
    }

    #[test]
    fn sanitize_percent_decodes_utf8() {
        let p = sanitize("/forms/%E7%94%B3%E8%AF%B7%20form.html").unwrap();
        assert_eq!(p.segments, ["forms", "申请 form.html"]);
        assert_eq!(sanitize("/%ff"), Err(PathError::NotUtf8));
        assert_eq!(sanitize("/%4"), Err(PathError::BadEscape));
        assert_eq!(sanitize("/%zz"), Err(PathError::BadEscape));
    }

    #[test]
    fn sanitize_rejects_traversal() {
        assert_eq!(sanitize("/../etc/passwd"), Err(PathError::Traversal));
        assert_eq!(sanitize("/a/%2e%2e/b"), Err(PathError::Traversal));
        assert_eq!(sanitize("/a%2F..%2Fb"), Err(PathError::Traversal));
        assert_eq!(sanitize("/a/..%5c..%5cb"), Err(PathError::BadCharacter));
        assert_eq!(sanitize("/a%00b"), Err(PathError::BadCharacter));
        assert_eq!(sanitize("http://x/y"), Err(PathError::NotAbsolute));
        assert_eq!(sanitize("*"), Err(PathError::NotAbsolute));
        // Dots inside names are fine.
        assert_eq!(sanitize("/a..b/c.").unwrap().segments, ["a..b", "c."]);
    }

    #[test]
    fn tokens_differ() {
        let a = new_token();
        let b = new_token();
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
    }

    fn request(addr: SocketAddr, raw: &str) -> String {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.write_all(raw.as_bytes()).unwrap();
        let mut out = String::new();
        stream.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn serves_files_health_and_errors() {
        let dir = std::env::temp_dir().join(format!("xtask-server-test-{}", new_token()));
        std::fs::create_dir_all(dir.join("forms")).unwrap();
        std::fs::write(dir.join("index.html"), "<p>home</p>").unwrap();
        std::fs::write(dir.join("forms").join("index.html"), "<p>forms</p>").unwrap();
        std::fs::write(dir.join("forms").join("申请.ftl"), "hello = 你好").unwrap();
        let server = Server::start(&dir, "127.0.0.1", 0, false).unwrap();
        let addr = server.addr();
        let token = server.token().to_string();

        let home = request(addr, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(home.starts_with("HTTP/1.1 200 OK\r\n"), "{home}");
        assert!(home.contains("Content-Type: text/html; charset=utf-8\r\n"));
        assert!(home.contains(&format!("X-OnceFill-Server: {token}\r\n")));
        assert!(home.contains("Cache-Control: no-store\r\n"));
        assert!(home.contains("X-Content-Type-Options: nosniff\r\n"));
        assert!(home.contains("Connection: close\r\n"));
        assert!(home.ends_with("<p>home</p>"));

        let health = request(addr, "GET /__oncefill/health HTTP/1.1\r\n\r\n");
        assert!(
            health.ends_with(&format!("\r\n\r\noncefill {token}")),
            "{health}"
        );

        let ftl = request(addr, "GET /forms/%E7%94%B3%E8%AF%B7.ftl HTTP/1.1\r\n\r\n");
        assert!(ftl.contains("text/plain; charset=utf-8"), "{ftl}");
        assert!(ftl.ends_with("hello = 你好"));

        let head = request(addr, "HEAD /forms/ HTTP/1.1\r\n\r\n");
        assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
        assert!(head.contains("Content-Length: 12\r\n"));
        assert!(head.ends_with("\r\n\r\n"));

        let redirect = request(addr, "GET /forms?a=1 HTTP/1.1\r\n\r\n");
        assert!(redirect.starts_with("HTTP/1.1 301"), "{redirect}");
        assert!(redirect.contains("Location: /forms/?a=1\r\n"));

        let missing = request(addr, "GET /nope.js HTTP/1.1\r\n\r\n");
        assert!(missing.starts_with("HTTP/1.1 404"), "{missing}");
        assert!(missing.contains("text/plain"));
        assert!(missing.contains(&format!("X-OnceFill-Server: {token}\r\n")));

        let traversal = request(addr, "GET /forms/../../etc/passwd HTTP/1.1\r\n\r\n");
        assert!(traversal.starts_with("HTTP/1.1 400"), "{traversal}");

        let post = request(addr, "POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
        assert!(post.starts_with("HTTP/1.1 405"), "{post}");
        assert!(post.contains("Allow: GET, HEAD\r\n"));

        drop(server);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
