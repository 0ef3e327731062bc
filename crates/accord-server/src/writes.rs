//! `POST /api/articles`: checked on the request thread (token, content type, size, JSON, date), then
//! handed with its connection to one writer thread through a bounded queue, so request threads go back
//! to answering reads at once. The writer analyses, stores and answers; a full queue is answered `503`.
use crate::{bad, guard, header_value, Analyzer, ApiError, Exchange, Writes, MAX_BODY};
use accord_doc::Meta;
use accord_store::{AddOutcome, ArticleInfo, Store, StoreError};
use serde::Deserialize;
use serde_json::{json, Value};
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::Arc;

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

/// A checked article waiting for analysis, with the connection to answer on.
struct Job {
    req: tiny_http::Request,
    ex: Exchange,
    meta: Meta,
    text: String,
    info: ArticleInfo,
}

/// What request threads need to accept a write: the token and the queue.
pub(crate) struct Gate {
    token: String,
    queue: SyncSender<Job>,
    /// Articles queued or being analysed.
    waiting: Arc<AtomicUsize>,
}

/// Opens the writer's store and starts the writer thread.
pub(crate) fn start(dir: &Path, w: Writes) -> Result<(Gate, std::thread::JoinHandle<()>), StoreError> {
    let store = Store::open(dir)?;
    let (tx, rx) = sync_channel::<Job>(w.queue.max(1));
    let analyzer = w.analyzer;
    let waiting = Arc::new(AtomicUsize::new(0));
    let left = waiting.clone();
    let handle = std::thread::Builder::new()
        .name("accord-writer".into())
        .spawn(move || writer(store, analyzer, rx, left))
        .map_err(StoreError::Io)?;
    Ok((Gate { token: w.token.trim().to_string(), queue: tx, waiting }, handle))
}

fn writer(mut store: Store, analyzer: Analyzer, rx: Receiver<Job>, waiting: Arc<AtomicUsize>) {
    while let Ok(job) = rx.recv() {
        let Job { req, ex, meta, text, info } = job;
        // a panic in the analysis answers 500 and leaves the writer running
        let analysed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyzer(text, meta)));
        let result = match analysed {
            Ok(doc) => store_one(&mut store, doc, info),
            Err(_) => Err(ApiError(500, "analysis failed (panic in the pipeline)".into())),
        };
        match result {
            Ok(v) => ex.respond(req, 200, "application/json", serde_json::to_vec(&v).unwrap_or_default()),
            Err(e) => ex.error(req, e),
        }
        // the burst is over: give its memory back
        if waiting.fetch_sub(1, Ordering::SeqCst) == 1 {
            release_memory();
        }
    }
}

/// Hands freed heap pages back to the operating system, so the memory a burst of posts took returns
/// after it (glibc keeps freed memory of its arenas otherwise).
fn release_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: malloc_trim only returns unused memory of the allocator to the system; it takes no
        // pointers and is thread-safe.
        unsafe {
            malloc_trim(0);
        }
    }
}

fn store_one(store: &mut Store, doc: accord_doc::schema::DocumentOut, info: ArticleInfo) -> Result<Value, ApiError> {
    // begin_writing waits a little when another process holds the index writer, then reports 409
    let res = store.begin_writing().and_then(|()| store.add_batch(&[(doc, info)]));
    let committed = store.end_writing();
    let out = res.and_then(|r| committed.map(|()| r))?;
    Ok(match out[0] {
        AddOutcome::Added(id) => json!({"status": "added", "id": id}),
        AddOutcome::Duplicate(id) => json!({"status": "duplicate", "id": id}),
        AddOutcome::NearDuplicate { id, of, similarity } => {
            json!({"status": "near_duplicate", "id": id, "of": of, "similarity": similarity})
        }
    })
}

/// Checks a write request and queues it; answers at once when it is refused.
pub(crate) fn post_article(gate: Option<&Gate>, mut req: tiny_http::Request, ex: Exchange) {
    match check(gate, &mut req) {
        Ok((gate, job)) => {
            let job = Job { req, ex, meta: job.meta, text: job.text, info: job.info };
            gate.waiting.fetch_add(1, Ordering::SeqCst);
            match gate.queue.try_send(job) {
                Ok(()) => {}
                Err(TrySendError::Full(job)) => {
                    gate.waiting.fetch_sub(1, Ordering::SeqCst);
                    job.ex.error(
                        job.req,
                        ApiError(503, "too many articles waiting for analysis; retry in a few seconds".into()),
                    )
                }
                Err(TrySendError::Disconnected(job)) => {
                    gate.waiting.fetch_sub(1, Ordering::SeqCst);
                    job.ex.error(job.req, ApiError(500, "the writer has stopped".into()))
                }
            }
        }
        Err(e) => ex.error(req, e),
    }
}

/// The checks, in order: writes enabled (403), token (401), content type (415), size (413), body (400).
fn check<'g>(gate: Option<&'g Gate>, req: &mut tiny_http::Request) -> Result<(&'g Gate, PostedArticle), ApiError> {
    let Some(gate) = gate else {
        return Err(ApiError(403, "this server is read-only (start it with --allow-writes to add articles)".into()));
    };
    let token = header_value(req, "Authorization").and_then(|a| {
        let (scheme, t) = a.trim().split_once(' ')?;
        scheme.eq_ignore_ascii_case("bearer").then(|| t.trim())
    });
    match token {
        Some(t) if guard::same_secret(t.as_bytes(), gate.token.as_bytes()) => {}
        Some(_) => return Err(ApiError(401, "wrong write token".into())),
        None => return Err(ApiError(401, "writes need an Authorization: Bearer TOKEN header".into())),
    }
    let ctype = header_value(req, "Content-Type").unwrap_or("");
    let mime = ctype.split(';').next().unwrap_or("").trim();
    if !mime.eq_ignore_ascii_case("application/json") {
        return Err(ApiError(
            415,
            format!("Content-Type must be application/json, not {:?}", ctype.chars().take(80).collect::<String>()),
        ));
    }
    if req.body_length().is_some_and(|n| n > MAX_BODY) {
        return Err(ApiError(413, format!("request body larger than {MAX_BODY} bytes")));
    }
    let mut body = Vec::new();
    if req.as_reader().take(MAX_BODY as u64 + 1).read_to_end(&mut body).is_err() {
        return Err(bad("could not read the request body"));
    }
    if body.len() > MAX_BODY {
        return Err(ApiError(413, format!("request body larger than {MAX_BODY} bytes")));
    }
    let job = parse_article_body(&body).map_err(bad)?;
    drop(body);
    Ok((gate, job))
}

/// Reads the JSON body of `POST /api/articles` into the article to analyse: `text` (not blank), and
/// optional `id` (default `api-` and the start of the text's hash), `title`, `date` (a real
/// `YYYY-MM-DD`, kept as that day), `source`, `url`, `author`; any other field is refused. `Err` is the
/// message of the `400` answer.
pub fn parse_article_body(body: &[u8]) -> Result<PostedArticle, String> {
    let a: NewArticle = serde_json::from_slice(body).map_err(|e| format!("invalid JSON body: {e}"))?;
    if a.text.trim().is_empty() {
        return Err("text is empty".into());
    }
    let date = match a.date.as_deref().filter(|d| !d.trim().is_empty()) {
        Some(d) => Some(accord_store::dates::publication_date(d).map_err(|e| e.to_string())?),
        None => None,
    };
    let id = a.id.clone().unwrap_or_else(|| format!("api-{}", &accord_store::content_hash(&a.text)[..12]));
    let meta = Meta { id, date, title: a.title, source: a.source.clone(), url: a.url };
    let info = ArticleInfo { path: None, author: a.author, outlet: a.source };
    Ok(PostedArticle { meta, text: a.text, info })
}

/// A posted article, checked, before it has its connection: what the writer analyses and stores.
#[derive(Debug)]
pub struct PostedArticle {
    /// Id, date, title, outlet and URL.
    pub meta: Meta,
    /// The article text.
    pub text: String,
    /// What the store keeps beside the analysis (author, outlet).
    pub info: ArticleInfo,
}
