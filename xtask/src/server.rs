//! A small static file server on `std::net`: one thread per connection,
//! `Connection: close`, GET and HEAD only.
//!
//! It sends the headers a production host should (see README, 部署 / Hosting): the site's URLs
//! carry no version, so every file is `Cache-Control: no-cache` with a strong `ETag` (the
//! browser and the service worker revalidate and get `304 Not Modified` when nothing changed);
//! text, scripts, data and wasm are gzip-compressed for clients that accept it, with
//! `Vary: Accept-Encoding`.

use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
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
            files: Mutex::new(HashMap::new()),
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
    /// Files read already, by path: their digest and gzip form, until they change.
    files: Mutex<HashMap<PathBuf, Arc<Prepared>>>,
}

/// A file as served: its bytes, its entity tag and, when worth it, its gzip form.
struct Prepared {
    modified: Option<SystemTime>,
    len: u64,
    body: Vec<u8>,
    /// The digest of the content, quoted: the identity form's `ETag`.
    etag: String,
    gzip: Option<Vec<u8>>,
}

impl Site {
    /// The file, read and compressed once while it stays the same on disk.
    fn prepared(&self, path: &Path) -> std::io::Result<Arc<Prepared>> {
        let meta = std::fs::metadata(path)?;
        let modified = meta.modified().ok();
        let key = path.to_path_buf();
        if let Ok(files) = self.files.lock()
            && let Some(hit) = files.get(&key)
            && hit.modified == modified
            && hit.len == meta.len()
            && modified.is_some()
        {
            return Ok(Arc::clone(hit));
        }
        let body = std::fs::read(path)?;
        let prepared = Arc::new(prepare(body, content_type(path), modified));
        if let Ok(mut files) = self.files.lock() {
            files.insert(key, Arc::clone(&prepared));
        }
        Ok(prepared)
    }
}

fn prepare(body: Vec<u8>, content_type: &str, modified: Option<SystemTime>) -> Prepared {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(&body);
    let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    let gzip = (compressible(content_type) && body.len() >= GZIP_MIN)
        .then(|| gzip(&body))
        .flatten()
        .filter(|gz| gz.len() < body.len());
    Prepared {
        modified,
        len: body.len() as u64,
        body,
        etag: format!("\"{hex}\""),
        gzip,
    }
}

/// Smaller files are sent as they are.
const GZIP_MIN: usize = 512;

/// Whether a type gains from compression (images other than SVG and fonts are compressed
/// already).
pub fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || [
            "application/javascript",
            "application/json",
            "application/manifest+json",
            "application/wasm",
            "application/xml",
            "image/svg+xml",
        ]
        .iter()
        .any(|t| content_type.starts_with(t))
}

fn gzip(bytes: &[u8]) -> Option<Vec<u8>> {
    use flate2::Compression;
    use flate2::write::GzEncoder;
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok()
}

/// The request's header fields that change the answer.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Conditions {
    /// `Accept-Encoding` lists gzip (with a non-zero q).
    pub gzip: bool,
    /// The entity tags of `If-None-Match`, or `*`.
    pub if_none_match: Vec<String>,
}

/// Reads `Accept-Encoding` and `If-None-Match` from a request head.
pub fn conditions(head: &str) -> Conditions {
    let mut out = Conditions::default();
    for line in head.lines().skip(1) {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let name = name.trim();
        if name.eq_ignore_ascii_case("accept-encoding") {
            out.gzip |= value.split(',').any(|coding| {
                let mut parts = coding.split(';');
                let name = parts.next().unwrap_or_default().trim();
                let refused = parts.any(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
            });
        } else if name.eq_ignore_ascii_case("if-none-match") {
            out.if_none_match.extend(
                value
                    .split(',')
                    .map(|t| t.trim().trim_start_matches("W/").to_string())
                    .filter(|t| !t.is_empty()),
            );
        }
    }
    out
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
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" | "md" => "text/plain; charset=utf-8",
        // Fluent messages: text, in UTF-8 (there is no registered type).
        "ftl" => "text/plain; charset=utf-8",
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
    body: Body,
    /// `Cache-Control`: `no-store` for what the server says itself (errors, health),
    /// `no-cache` for files.
    cache: &'static str,
}

/// A body of the server's own or a file's (shared with the cache of prepared files).
enum Body {
    Own(Vec<u8>),
    File(Arc<Prepared>, bool),
    /// `304 Not Modified`.
    Empty,
}

impl Body {
    fn bytes(&self) -> &[u8] {
        match self {
            Body::Own(bytes) => bytes,
            Body::File(file, true) => file.gzip.as_deref().unwrap_or(&file.body),
            Body::File(file, false) => &file.body,
            Body::Empty => &[],
        }
    }
}

impl Response {
    fn text(status: u16, reason: &'static str, body: impl Into<String>) -> Self {
        Self {
            status,
            reason,
            content_type: "text/plain; charset=utf-8",
            extra: Vec::new(),
            body: Body::Own(body.into().into_bytes()),
            cache: "no-store",
        }
    }
}

fn handle_connection(mut stream: TcpStream, site: &Site) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(30)));
    let (method, target, response) = match read_head(&mut stream) {
        Ok(head) => {
            let (method, target) = parse_request_line(&head);
            let response = respond(site, &method, &target, &conditions(&head));
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

fn respond(site: &Site, method: &str, target: &str, conditions: &Conditions) -> Response {
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
    let mut extra = if shared {
        vec![("Access-Control-Allow-Origin", "*".to_string())]
    } else {
        Vec::new()
    };
    match site.prepared(&real) {
        Ok(file) => {
            let gzip = conditions.gzip && file.gzip.is_some();
            // Each form has its own tag; either names this content.
            let etag = if gzip {
                format!("{}-gz\"", file.etag.trim_end_matches('"'))
            } else {
                file.etag.clone()
            };
            let same = conditions.if_none_match.iter().any(|tag| {
                tag == "*"
                    || *tag == file.etag
                    || tag.trim_end_matches("-gz\"") == file.etag.trim_end_matches('"')
            });
            extra.push(("ETag", etag));
            if file.gzip.is_some() {
                extra.push(("Vary", "Accept-Encoding".to_string()));
            }
            if same {
                return Response {
                    status: 304,
                    reason: "Not Modified",
                    content_type: content_type(&real),
                    extra,
                    body: Body::Empty,
                    cache: "no-cache",
                };
            }
            if gzip {
                extra.push(("Content-Encoding", "gzip".to_string()));
            }
            Response {
                status: 200,
                reason: "OK",
                content_type: content_type(&real),
                extra,
                body: Body::File(file, gzip),
                cache: "no-cache",
            }
        }
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
    let body = response.body.bytes();
    // A 304 has no body, and no length of its own to tell.
    let length = if response.status == 304 {
        String::new()
    } else {
        format!("Content-Length: {}\r\n", body.len())
    };
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\n{length}{TOKEN_HEADER}: {token}\r\nCache-Control: {}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        response.status, response.reason, response.content_type, response.cache,
    );
    for (name, value) in &response.extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
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
            ("manifest.webmanifest", "application/manifest+json"),
            ("rows.csv", "text/csv; charset=utf-8"),
            ("me.oncefill", "application/octet-stream"),
            ("noext", "application/octet-stream"),
        ];
        for (name, expected) in cases {
            assert_eq!(content_type(Path::new(name)), expected, "{name}");
        }
    }

    #[test]
    fn request_conditions() {
        let head = "GET / HTTP/1.1\r\nHost: x\r\naccept-encoding: br, GZIP;q=0.8\r\nIf-None-Match: W/\"a\", \"b\"\r\n";
        assert_eq!(
            conditions(head),
            Conditions {
                gzip: true,
                if_none_match: vec!["\"a\"".into(), "\"b\"".into()],
            }
        );
        assert!(!conditions("GET / HTTP/1.1\r\nAccept-Encoding: gzip;q=0, br\r\n").gzip);
        assert!(!conditions("GET / HTTP/1.1\r\nAccept-Encoding: identity\r\n").gzip);
        assert!(conditions("GET / HTTP/1.1\r\nAccept-Encoding: *\r\n").gzip);
        // Only header lines count, not the request line.
        assert!(!conditions("GET /gzip HTTP/1.1\r\n").gzip);
    }

    #[test]
    fn what_is_compressed() {
        for t in [
            "text/html; charset=utf-8",
            "text/javascript",
            "application/wasm",
            "application/manifest+json",
            "text/csv; charset=utf-8",
            "image/svg+xml",
        ] {
            assert!(compressible(t), "{t}");
        }
        for t in ["image/png", "font/woff2", "application/octet-stream"] {
            assert!(!compressible(t), "{t}");
        }
    }

    /// Splits a response into its head and its body bytes.
    fn request_bytes(addr: SocketAddr, raw: &str) -> (String, Vec<u8>) {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.write_all(raw.as_bytes()).unwrap();
        let mut out = Vec::new();
        stream.read_to_end(&mut out).unwrap();
        let end = out.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
        let body = out.split_off(end);
        (String::from_utf8(out).unwrap(), body)
    }

    fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
        head.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
            .map(str::trim)
    }

    #[test]
    fn compresses_revalidates_and_types_files() {
        let dir = std::env::temp_dir().join(format!("xtask-server-gzip-{}", new_token()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        let script = "console.log('一次填');\n".repeat(200);
        std::fs::write(dir.join("pkg/oncefill.js"), &script).unwrap();
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend(std::iter::repeat_n(7u8, 4000));
        std::fs::write(dir.join("pkg/oncefill_bg.wasm"), &wasm).unwrap();
        std::fs::write(dir.join("manifest.webmanifest"), "{}").unwrap();
        std::fs::write(dir.join("icon.png"), vec![0u8; 4000]).unwrap();
        let server = Server::start(&dir, "127.0.0.1", 0, false).unwrap();
        let addr = server.addr();
        let token = server.token().to_string();

        // Without Accept-Encoding: the file as it is.
        let (plain, body) = request_bytes(addr, "GET /pkg/oncefill.js HTTP/1.1\r\n\r\n");
        assert_eq!(body, script.as_bytes());
        assert_eq!(header(&plain, "Content-Type"), Some("text/javascript"));
        assert_eq!(header(&plain, "Content-Encoding"), None);
        assert_eq!(header(&plain, "Vary"), Some("Accept-Encoding"));
        assert_eq!(header(&plain, "Cache-Control"), Some("no-cache"));
        assert_eq!(header(&plain, "X-OnceFill-Server"), Some(token.as_str()));
        let plain_tag = header(&plain, "ETag").unwrap().to_string();

        // With gzip: smaller, and it decompresses to the same bytes under its own tag.
        let (zipped, gz) = request_bytes(
            addr,
            "GET /pkg/oncefill.js HTTP/1.1\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n",
        );
        assert_eq!(
            header(&zipped, "Content-Encoding"),
            Some("gzip"),
            "{zipped}"
        );
        assert_eq!(header(&zipped, "Vary"), Some("Accept-Encoding"));
        assert_eq!(
            header(&zipped, "Content-Length"),
            Some(gz.len().to_string().as_str())
        );
        assert!(gz.len() < script.len() / 10, "{} bytes", gz.len());
        let mut unzipped = String::new();
        flate2::read::GzDecoder::new(gz.as_slice())
            .read_to_string(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, script);
        let zipped_tag = header(&zipped, "ETag").unwrap().to_string();
        assert_ne!(zipped_tag, plain_tag);

        // Revalidation: the tag of either form answers 304, with no body.
        for tag in [&plain_tag, &zipped_tag] {
            let (head, body) = request_bytes(
                addr,
                &format!(
                    "GET /pkg/oncefill.js HTTP/1.1\r\nAccept-Encoding: gzip\r\nIf-None-Match: {tag}\r\n\r\n"
                ),
            );
            assert!(head.starts_with("HTTP/1.1 304 Not Modified\r\n"), "{head}");
            assert!(body.is_empty());
            assert_eq!(header(&head, "Content-Length"), None);
            assert_eq!(header(&head, "ETag"), Some(zipped_tag.as_str()));
        }
        // The file changes: its tag does too, and the old one gets the new content.
        std::fs::write(dir.join("pkg/oncefill.js"), "console.log(2);").unwrap();
        let (changed, body) = request_bytes(
            addr,
            &format!("GET /pkg/oncefill.js HTTP/1.1\r\nIf-None-Match: {plain_tag}\r\n\r\n"),
        );
        assert!(changed.starts_with("HTTP/1.1 200 OK"), "{changed}");
        assert_eq!(body, b"console.log(2);");
        assert_ne!(header(&changed, "ETag"), Some(plain_tag.as_str()));

        let (wasm_head, gz) = request_bytes(
            addr,
            "GET /pkg/oncefill_bg.wasm HTTP/1.1\r\nAccept-Encoding: gzip\r\n\r\n",
        );
        assert_eq!(header(&wasm_head, "Content-Type"), Some("application/wasm"));
        assert_eq!(header(&wasm_head, "Content-Encoding"), Some("gzip"));
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice())
            .read_to_end(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, wasm);

        let (manifest, _) = request_bytes(addr, "GET /manifest.webmanifest HTTP/1.1\r\n\r\n");
        assert_eq!(
            header(&manifest, "Content-Type"),
            Some("application/manifest+json")
        );
        assert_eq!(header(&manifest, "Cache-Control"), Some("no-cache"));

        // A PNG is compressed already.
        let (png, body) = request_bytes(
            addr,
            "GET /icon.png HTTP/1.1\r\nAccept-Encoding: gzip\r\n\r\n",
        );
        assert_eq!(header(&png, "Content-Encoding"), None);
        assert_eq!(body.len(), 4000);

        drop(server);
        std::fs::remove_dir_all(&dir).unwrap();
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
        // Files are revalidated every time; what the server says itself is never stored.
        assert!(home.contains("Cache-Control: no-cache\r\n"), "{home}");
        assert!(!home.contains("no-store"));
        assert!(home.contains("ETag: \""));
        // Too small to be worth compressing: no other form, so nothing varies.
        assert!(!home.contains("Content-Encoding"));
        assert!(!home.contains("Vary"));
        assert!(home.contains("X-Content-Type-Options: nosniff\r\n"));
        assert!(home.contains("Connection: close\r\n"));
        assert!(home.ends_with("<p>home</p>"));

        let health = request(addr, "GET /__oncefill/health HTTP/1.1\r\n\r\n");
        assert!(health.contains("Cache-Control: no-store\r\n"), "{health}");
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
