//! # accord-server
//!
//! The JSON API and web UI over an accord knowledge base — the reading end of the flow
//! (`files ──ingest──▶ accord-store ──▶ accord-server ──▶ browser`). A small synchronous HTTP server
//! (tiny_http, a fixed pool of worker threads, each with its own read connection to the store); the
//! UI is one page of hand-written HTML/CSS/JS compiled into the binary (`include_str!`, no CDN), which
//! renders everything with `textContent`, so article text can never run as markup. The API is
//! documented in `docs/openapi.yaml`, also served at `/openapi.yaml`.
//!
//! Protections ([`guard`]; the threat model is in `docs/knowledge-base.md`): every request must name
//! an allowed `Host` (`400` otherwise: DNS rebinding) and, when it carries an `Origin`, come from this
//! server (`403`: cross-site requests). Writes (`POST /api/articles`) are off unless configured
//! ([`Writes`]), and then need `Authorization: Bearer TOKEN` (`401`) and `Content-Type:
//! application/json` (`415`). Posted articles are analysed on a writer thread behind a bounded queue
//! (`503` when it is full), so reads never wait for analysis.
//!
//! Limits: query strings are validated (dates real `YYYY-MM-DD`, `limit` from 1 to each resource's
//! maximum in `accord_store::limits`, ids numeric, text at most [`MAX_QUERY_LEN`] characters) and
//! answered with `400` and a JSON error otherwise; request bodies are capped at [`MAX_BODY`] bytes
//! (`413`).

mod api;
pub use api::percent_decode;
pub mod guard;
mod writes;
pub use writes::{parse_article_body, PostedArticle};

use accord_doc::schema::DocumentOut;
use accord_doc::Meta;
use accord_store::{Store, StoreError};
use serde_json::json;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// Largest accepted request body (bytes).
pub const MAX_BODY: usize = 1 << 20;
/// Longest accepted text parameter (characters).
pub const MAX_QUERY_LEN: usize = 500;
/// Default length of the queue of posted articles waiting for analysis.
pub const DEFAULT_QUEUE: usize = 8;

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");
// uPlot (MIT), vendored unchanged from its npm package: see assets/vendor/uplot/README.md
const UPLOT_JS: &str = include_str!("../assets/vendor/uplot/uPlot.iife.min.js");
const UPLOT_CSS: &str = include_str!("../assets/vendor/uplot/uPlot.min.css");
const UPLOT_LICENSE: &str = include_str!("../assets/vendor/uplot/LICENSE");
const OPENAPI: &str = include_str!("../openapi.yaml");

/// Turns posted text into an analysed `accord/1` document (the CLI passes the pipeline).
pub type Analyzer = Arc<dyn Fn(String, Meta) -> DocumentOut + Send + Sync>;

/// Errors of the server.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {message}")]
    Bind {
        /// Address.
        addr: String,
        /// Cause.
        message: String,
    },
    /// The configuration is unusable.
    #[error("{0}")]
    Config(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Settings for accepting articles through `POST /api/articles`.
pub struct Writes {
    /// Analyses a posted text.
    pub analyzer: Analyzer,
    /// The bearer token a write must carry (at least 16 characters).
    pub token: String,
    /// Posted articles that may wait for analysis; more are answered `503`.
    pub queue: usize,
}

/// Server settings.
pub struct Config {
    /// Knowledge-base folder.
    pub dir: PathBuf,
    /// `host:port` to bind (port 0 picks a free one).
    pub addr: String,
    /// Worker threads answering requests.
    pub threads: usize,
    /// `None` makes the server read-only (the default of `accord serve`).
    pub writes: Option<Writes>,
    /// `Host` names accepted besides `localhost`, `127.0.0.1`, `[::1]` and the bound address (`name`
    /// on the served port, or `name:port`).
    pub allowed_hosts: Vec<String>,
    /// Print one line per request on stderr.
    pub access_log: bool,
}

/// A bound server, not yet answering.
pub struct Server {
    http: Arc<tiny_http::Server>,
    addr: SocketAddr,
    cfg: Config,
}

/// An error answer: status and message.
#[derive(Debug)]
pub(crate) struct ApiError(pub u16, pub String);

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Invalid(m) => ApiError(400, m),
            StoreError::Busy(m) => ApiError(409, m),
            e => ApiError(500, e.to_string()),
        }
    }
}

pub(crate) fn bad(m: impl Into<String>) -> ApiError {
    ApiError(400, m.into())
}

/// What the access log says about a request, taken when it arrives.
pub(crate) struct Exchange {
    start: Instant,
    line: Option<String>,
}

impl Exchange {
    fn new(req: &tiny_http::Request, log: bool) -> Exchange {
        let line = log.then(|| {
            let peer = req.remote_addr().map(|a| a.to_string()).unwrap_or_else(|| "-".into());
            let url: String = req.url().chars().take(300).map(|c| if c.is_control() { '?' } else { c }).collect();
            format!("{peer} \"{} {url}\"", req.method())
        });
        Exchange { start: Instant::now(), line }
    }

    /// Answers `req` and writes its access-log line.
    pub(crate) fn respond(self, req: tiny_http::Request, status: u16, ctype: &str, body: Vec<u8>) {
        self.respond_with(req, status, ctype, body, &[])
    }

    pub(crate) fn respond_with(
        self,
        req: tiny_http::Request,
        status: u16,
        ctype: &str,
        body: Vec<u8>,
        extra: &[(&str, &str)],
    ) {
        let len = body.len();
        let mut resp = tiny_http::Response::from_data(body)
            .with_status_code(status)
            .with_header(header("Content-Type", ctype))
            .with_header(header("X-Content-Type-Options", "nosniff"))
            .with_header(header("Referrer-Policy", "no-referrer"))
            .with_header(header(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
            ))
            .with_header(header("Cache-Control", "no-store"));
        for (k, v) in extra {
            resp.add_header(header(k, v));
        }
        let _ = req.respond(resp);
        if let Some(line) = self.line {
            eprintln!("accord-server: {line} {status} {len} {:.1} ms", self.start.elapsed().as_secs_f64() * 1000.0);
        }
    }

    /// Answers with a JSON error.
    pub(crate) fn error(self, req: tiny_http::Request, e: ApiError) {
        let extra: &[(&str, &str)] = match e.0 {
            401 => &[("WWW-Authenticate", "Bearer")],
            503 => &[("Retry-After", "5")],
            _ => &[],
        };
        let body = serde_json::to_vec(&json!({"error": e.1, "status": e.0})).unwrap_or_default();
        self.respond_with(req, e.0, "application/json", body, extra)
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

/// The value of a request header, if present once.
pub(crate) fn header_value<'r>(req: &'r tiny_http::Request, name: &str) -> Option<&'r str> {
    req.headers().iter().find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name)).map(|h| h.value.as_str())
}

/// What every request thread shares.
struct Shared {
    policy: guard::HostPolicy,
    writes: Option<writes::Gate>,
    access_log: bool,
}

impl Server {
    /// Binds the address.
    pub fn bind(cfg: Config) -> Result<Server, ServerError> {
        if let Some(w) = &cfg.writes {
            if w.token.trim().chars().count() < 16 {
                return Err(ServerError::Config("the write token must have at least 16 characters".into()));
            }
        }
        let http = tiny_http::Server::http(&cfg.addr)
            .map_err(|e| ServerError::Bind { addr: cfg.addr.clone(), message: e.to_string() })?;
        let addr = http
            .server_addr()
            .to_ip()
            .ok_or_else(|| ServerError::Bind { addr: cfg.addr.clone(), message: "not an IP address".into() })?;
        Ok(Server { http: Arc::new(http), addr, cfg })
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Answers requests until the process ends.
    pub fn run(self) {
        let policy = guard::HostPolicy::new(self.addr, &self.cfg.allowed_hosts);
        // open every worker's store here, one after another, so only the first catches the index up
        let mut stores = Vec::new();
        for _ in 0..self.cfg.threads.max(1) {
            match Store::open(&self.cfg.dir) {
                Ok(s) => stores.push(s),
                Err(e) => {
                    eprintln!("accord-server: cannot open {}: {e}", self.cfg.dir.display());
                    return;
                }
            }
        }
        let mut handles = Vec::new();
        let gate = match self.cfg.writes {
            Some(w) => match writes::start(&self.cfg.dir, w) {
                Ok((gate, handle)) => {
                    handles.push(handle);
                    Some(gate)
                }
                Err(e) => {
                    eprintln!("accord-server: cannot open {} for writing: {e}", self.cfg.dir.display());
                    return;
                }
            },
            None => None,
        };
        let shared = Arc::new(Shared { policy, writes: gate, access_log: self.cfg.access_log });
        for mut store in stores {
            let http = self.http.clone();
            let shared = shared.clone();
            handles.push(std::thread::spawn(move || {
                while let Ok(req) = http.recv() {
                    handle(&mut store, &shared, req);
                }
            }));
        }
        drop(shared);
        for h in handles {
            let _ = h.join();
        }
    }
}

fn handle(store: &mut Store, shared: &Shared, req: tiny_http::Request) {
    let ex = Exchange::new(&req, shared.access_log);
    // DNS rebinding: a page of another site whose name was pointed at this address sends its own Host
    match header_value(&req, "Host") {
        Some(h) if shared.policy.host_ok(h) => {}
        Some(h) => {
            let h: String = h.chars().take(100).collect();
            return ex.error(req, bad(format!("unknown Host {h:?} (start the server with --allow-host to add it)")));
        }
        None => return ex.error(req, bad("the Host header is required")),
    }
    // cross-site requests: a browser names the page's origin; it must be this server
    if let Some(o) = header_value(&req, "Origin") {
        if !shared.policy.origin_ok(o) {
            let o: String = o.chars().take(100).collect();
            return ex.error(req, ApiError(403, format!("cross-origin request from {o:?} refused")));
        }
    }
    let url = req.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let method = req.method().clone();
    if method == tiny_http::Method::Get || method == tiny_http::Method::Head {
        let asset = match path {
            "/" | "/index.html" => Some(("text/html; charset=utf-8", INDEX_HTML)),
            "/app.js" => Some(("text/javascript; charset=utf-8", APP_JS)),
            "/app.css" => Some(("text/css; charset=utf-8", APP_CSS)),
            "/vendor/uPlot.iife.min.js" => Some(("text/javascript; charset=utf-8", UPLOT_JS)),
            "/vendor/uPlot.min.css" => Some(("text/css; charset=utf-8", UPLOT_CSS)),
            "/vendor/uPlot.LICENSE.txt" => Some(("text/plain; charset=utf-8", UPLOT_LICENSE)),
            "/openapi.yaml" => Some(("application/yaml; charset=utf-8", OPENAPI)),
            _ => None,
        };
        if let Some((ct, body)) = asset {
            return ex.respond(req, 200, ct, body.as_bytes().to_vec());
        }
    }
    if !path.starts_with("/api/") {
        return ex.error(req, ApiError(404, "page not found".into()));
    }
    if method == tiny_http::Method::Post && path == "/api/articles" {
        return writes::post_article(shared.writes.as_ref(), req, ex);
    }
    if method != tiny_http::Method::Get && method != tiny_http::Method::Head {
        return ex.error(req, ApiError(405, format!("method {method} not allowed")));
    }
    let _ = store.refresh();
    match api::get(store, path, &api::Params::parse(query)) {
        Ok(v) => ex.respond(req, 200, "application/json", serde_json::to_vec(&v).unwrap_or_default()),
        Err(e) => ex.error(req, e),
    }
}
