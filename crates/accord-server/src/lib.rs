//! # accord-server
//!
//! The JSON API and web UI over an accord knowledge base — the reading end of the flow
//! (`files ──ingest──▶ accord-store ──▶ accord-server ──▶ browser`). A small synchronous HTTP server
//! (tiny_http, a fixed pool of worker threads, each with its own read connection to the store); the
//! UI is one page of hand-written HTML/CSS/JS compiled into the binary (`include_str!`, no CDN), which
//! renders everything with `textContent`, so article text can never run as markup. The API is
//! documented in `docs/openapi.yaml`, also served at `/openapi.yaml`.
//!
//! Limits: query strings are validated (dates `YYYY-MM-DD`, `limit` 1–1000, ids numeric, text at most
//! [`MAX_QUERY_LEN`] characters) and answered with `400` and a JSON error otherwise; request bodies are
//! capped at [`MAX_BODY`] bytes (`413`).

use accord_doc::schema::DocumentOut;
use accord_doc::Meta;
use accord_store::{QuoteQuery, Store, StoreError};
use serde::Deserialize;
use serde_json::{json, Value};
use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Largest accepted request body (bytes).
pub const MAX_BODY: usize = 1 << 20;
/// Longest accepted text parameter (characters).
pub const MAX_QUERY_LEN: usize = 500;

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");
// uPlot (MIT), vendored unchanged from its npm package: see assets/vendor/uplot/README.md
const UPLOT_JS: &str = include_str!("../assets/vendor/uplot/uPlot.iife.min.js");
const UPLOT_CSS: &str = include_str!("../assets/vendor/uplot/uPlot.min.css");
const UPLOT_LICENSE: &str = include_str!("../assets/vendor/uplot/LICENSE");
const OPENAPI: &str = include_str!("../../../docs/openapi.yaml");

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
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Server settings.
pub struct Config {
    /// Knowledge-base folder.
    pub dir: PathBuf,
    /// `host:port` to bind (port 0 picks a free one).
    pub addr: String,
    /// Worker threads.
    pub threads: usize,
    /// Analyzer for `POST /api/articles`; `None` makes the server read-only.
    pub analyzer: Option<Analyzer>,
}

/// A bound server, not yet answering.
pub struct Server {
    http: Arc<tiny_http::Server>,
    addr: SocketAddr,
    cfg: Config,
}

#[derive(Debug)]
struct ApiError(u16, String);

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Invalid(m) => ApiError(400, m),
            e => ApiError(500, e.to_string()),
        }
    }
}

type ApiResult = Result<Value, ApiError>;

fn bad(m: impl Into<String>) -> ApiError {
    ApiError(400, m.into())
}

impl Server {
    /// Binds the address.
    pub fn bind(cfg: Config) -> Result<Server, ServerError> {
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
        let write_lock = Arc::new(Mutex::new(()));
        let mut handles = Vec::new();
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
        for mut store in stores {
            let http = self.http.clone();
            let analyzer = self.cfg.analyzer.clone();
            let lock = write_lock.clone();
            handles.push(std::thread::spawn(move || {
                while let Ok(req) = http.recv() {
                    handle(&mut store, analyzer.as_ref(), &lock, req);
                }
            }));
        }
        for h in handles {
            let _ = h.join();
        }
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn respond(req: tiny_http::Request, status: u16, ctype: &str, body: Vec<u8>) {
    let resp = tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", ctype))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("Referrer-Policy", "no-referrer"))
        .with_header(header(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
        ))
        .with_header(header("Cache-Control", "no-store"));
    let _ = req.respond(resp);
}

/// Decodes `%XX` and `+` in a query-string component.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("00");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

struct Params(Vec<(String, String)>);

impl Params {
    fn parse(q: &str) -> Params {
        Params(
            q.split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (percent_decode(k), percent_decode(v))
                })
                .collect(),
        )
    }
    fn text(&self, k: &str) -> Result<Option<String>, ApiError> {
        match self.0.iter().find(|(n, _)| n == k) {
            None => Ok(None),
            Some((_, v)) if v.trim().is_empty() => Ok(None),
            Some((_, v)) if v.chars().count() > MAX_QUERY_LEN => {
                Err(bad(format!("parameter {k} is longer than {MAX_QUERY_LEN} characters")))
            }
            Some((_, v)) if v.chars().any(|c| c.is_control()) => {
                Err(bad(format!("parameter {k} has control characters")))
            }
            Some((_, v)) => Ok(Some(v.trim().to_string())),
        }
    }
    fn date(&self, k: &str) -> Result<Option<String>, ApiError> {
        match self.text(k)? {
            None => Ok(None),
            Some(d) => {
                accord_store::check_date(&d).map(Some).map_err(|_| bad(format!("parameter {k} must be YYYY-MM-DD")))
            }
        }
    }
    fn num(&self, k: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        match self.text(k)? {
            None => Ok(default),
            Some(v) => match v.parse::<usize>() {
                Ok(n) if n >= 1 && n <= max => Ok(n),
                _ => Err(bad(format!("parameter {k} must be an integer from 1 to {max}"))),
            },
        }
    }
    fn offset(&self) -> Result<usize, ApiError> {
        match self.text("offset")? {
            None => Ok(0),
            Some(v) => v.parse::<usize>().map_err(|_| bad("parameter offset must be a non-negative integer")),
        }
    }
}

fn id_of(s: &str) -> Result<i64, ApiError> {
    s.parse::<i64>().ok().filter(|&i| i > 0).ok_or_else(|| bad(format!("{s:?} is not an id")))
}

fn not_found(what: &str) -> ApiError {
    ApiError(404, format!("{what} not found"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewArticle {
    text: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    author: Option<String>,
}

fn handle(store: &mut Store, analyzer: Option<&Analyzer>, lock: &Mutex<()>, mut req: tiny_http::Request) {
    let url = req.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let path = path.to_string();
    let params = Params::parse(query);
    let method = req.method().clone();
    // static assets
    if method == tiny_http::Method::Get || method == tiny_http::Method::Head {
        let asset = match path.as_str() {
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
            respond(req, 200, ct, body.as_bytes().to_vec());
            return;
        }
    }
    let result: ApiResult = if !path.starts_with("/api/") {
        Err(not_found("page"))
    } else if method == tiny_http::Method::Post && path == "/api/articles" {
        let too_big = req.body_length().is_some_and(|n| n > MAX_BODY);
        if too_big {
            Err(ApiError(413, format!("request body larger than {MAX_BODY} bytes")))
        } else {
            let mut body = Vec::new();
            let n = req.as_reader().take(MAX_BODY as u64 + 1).read_to_end(&mut body);
            if n.is_err() {
                Err(bad("could not read the request body"))
            } else if body.len() > MAX_BODY {
                Err(ApiError(413, format!("request body larger than {MAX_BODY} bytes")))
            } else {
                post_article(store, analyzer, lock, &body)
            }
        }
    } else if method != tiny_http::Method::Get && method != tiny_http::Method::Head {
        Err(ApiError(405, format!("method {method} not allowed")))
    } else {
        let _ = store.refresh();
        get(store, &path, &params)
    };
    match result {
        Ok(v) => respond(req, 200, "application/json", serde_json::to_vec(&v).unwrap_or_default()),
        Err(ApiError(code, msg)) => respond(
            req,
            code,
            "application/json",
            serde_json::to_vec(&json!({"error": msg, "status": code})).unwrap_or_default(),
        ),
    }
}

fn post_article(store: &mut Store, analyzer: Option<&Analyzer>, lock: &Mutex<()>, body: &[u8]) -> ApiResult {
    let Some(analyzer) = analyzer else {
        return Err(ApiError(403, "this server is read-only".into()));
    };
    let a: NewArticle = serde_json::from_slice(body).map_err(|e| bad(format!("invalid JSON body: {e}")))?;
    if a.text.trim().is_empty() {
        return Err(bad("text is empty"));
    }
    let date = match a.date.as_deref().filter(|d| !d.is_empty()) {
        Some(d) => Some(accord_ingest_date(d).ok_or_else(|| bad("date must be YYYY-MM-DD"))?),
        None => None,
    };
    let id = a.id.clone().unwrap_or_else(|| format!("api-{}", &accord_store::content_hash(&a.text)[..12]));
    let meta = Meta { id, date, title: a.title, source: a.source.clone(), url: a.url };
    let doc = analyzer(a.text, meta);
    let _g = lock.lock().unwrap_or_else(|p| p.into_inner());
    let info = accord_store::ArticleInfo { path: None, author: a.author, outlet: a.source };
    // begin_writing waits a little when another process holds the index writer, then reports 409
    let res = store.begin_writing().and_then(|()| store.add_batch(&[(doc, info)]));
    let committed = store.end_writing();
    let res = res.and_then(|r| committed.map(|()| r));
    let out = res.map_err(|e| match e {
        StoreError::Busy(m) => ApiError(409, m),
        e => e.into(),
    })?;
    Ok(match out[0] {
        accord_store::AddOutcome::Added(id) => json!({"status": "added", "id": id}),
        accord_store::AddOutcome::Duplicate(id) => json!({"status": "duplicate", "id": id}),
        accord_store::AddOutcome::NearDuplicate { id, of, similarity } => {
            json!({"status": "near_duplicate", "id": id, "of": of, "similarity": similarity})
        }
    })
}

fn accord_ingest_date(d: &str) -> Option<String> {
    accord_store::check_date(d).ok().filter(|d| d.len() == 10)
}

fn get(store: &Store, path: &str, p: &Params) -> ApiResult {
    let segs: Vec<&str> = path.trim_start_matches("/api/").trim_end_matches('/').split('/').collect();
    let v = match segs.as_slice() {
        ["stats"] => serde_json::to_value(store.stats()?),
        ["search"] => {
            let q = p.text("q")?.ok_or_else(|| bad("parameter q is required"))?;
            serde_json::to_value(store.search(&q, p.num("limit", 20, 200)?)?)
        }
        ["quotes"] => serde_json::to_value(store.quotes(&QuoteQuery {
            speaker: p.text("speaker")?,
            about: p.text("about")?,
            from: p.date("from")?,
            to: p.date("to")?,
            article: match p.text("article")? {
                Some(a) => Some(id_of(&a)?),
                None => None,
            },
            limit: Some(p.num("limit", 50, 1000)?),
        })?),
        ["quotes", id] => serde_json::to_value(store.quote(id_of(id)?)?.ok_or_else(|| not_found("quote"))?),
        ["entities"] => {
            let q = p.text("q")?.ok_or_else(|| bad("parameter q is required"))?;
            serde_json::to_value(store.entities(&q, p.num("limit", 20, 500)?)?)
        }
        ["entities", id] => serde_json::to_value(store.entity(id_of(id)?)?.ok_or_else(|| not_found("entity"))?),
        ["articles"] => serde_json::to_value(store.articles(p.num("limit", 50, 1000)?, p.offset()?)?),
        ["articles", id] => serde_json::to_value(store.article(id_of(id)?)?.ok_or_else(|| not_found("article"))?),
        ["articles", id, "document"] => Ok(store.article(id_of(id)?)?.ok_or_else(|| not_found("article"))?.document),
        ["timeline"] => serde_json::to_value(store.timeline(
            p.text("entity")?.as_deref(),
            p.text("about")?.as_deref(),
            p.num("limit", 200, 5000)?,
        )?),
        ["claims"] => serde_json::to_value(store.claims(p.text("about")?.as_deref(), p.num("limit", 20, 1000)?)?),
        _ => return Err(not_found("endpoint")),
    };
    v.map_err(|e| ApiError(500, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_decode() {
        assert_eq!(percent_decode("Jane+Doe%21%E2%80%9C"), "Jane Doe!“");
        assert_eq!(percent_decode("100%"), "100%");
        let p = Params::parse("q=a%20b&limit=5&x");
        assert_eq!(p.text("q").unwrap().as_deref(), Some("a b"));
        assert_eq!(p.num("limit", 1, 10).unwrap(), 5);
        assert!(Params::parse("limit=0").num("limit", 1, 10).is_err());
        assert!(Params::parse("from=yesterday").date("from").is_err());
    }
}
