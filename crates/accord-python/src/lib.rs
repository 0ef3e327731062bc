//! # accord-python
//!
//! The extension module `accord._accord` behind the `accord` Python package (built with maturin as one
//! abi3 wheel for CPython 3.9 and later). It wraps the library entry points: [`accord_pipeline::Pipeline`]
//! (`new`, `process_batch`), [`accord_ingest`]'s readers and [`accord_store::Store`]. Analysis runs with the
//! GIL released, in batches on a pool of threads; tables are built here as Arrow buffers (one bytes object
//! per buffer, handed to `pyarrow.Array.from_buffers` once per column), so no Python loop runs per row.
//! Every error becomes a Python exception (`accord.AccordError`, a `ValueError`) naming the record, file
//! and position; a panic in the pipeline is caught and reported for the one article that caused it.

mod tables;

use accord_doc::schema::DocumentOut;
use accord_ingest::RawDoc;
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

create_exception!(_accord, AccordError, PyValueError, "An input accord could not read or analyse.");

/// Default limit on one article's text: a news article is far smaller; a bigger record is refused (and
/// counted as failed by the batch calls) so that one bad row cannot take a worker's memory.
pub const MAX_BYTES: usize = 8 << 20;

fn err(msg: impl Into<String>) -> PyErr {
    AccordError::new_err(msg.into())
}

/// Checks a `YYYY-MM-DD` date (a longer ISO timestamp keeps its date part).
fn date_of(d: Option<String>, what: &str) -> Result<Option<String>, String> {
    match d.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => {
            accord_ingest::normalise_date(s).map(Some).ok_or_else(|| format!("{what}: date {s:?} is not YYYY-MM-DD"))
        }
    }
}

fn check_date(d: Option<String>, what: &str) -> PyResult<Option<String>> {
    date_of(d, what).map_err(err)
}

/// Text from a `str`, `bytes` or `bytearray`; invalid UTF-8 is reported with its byte offset.
fn text_of(v: &Bound<'_, PyAny>, what: &str) -> Result<String, String> {
    if let Ok(s) = v.downcast::<PyString>() {
        return s.extract::<String>().map_err(|_| format!("{what}: text is not valid Unicode (lone surrogates)"));
    }
    let owned;
    let bytes: &[u8] = if let Ok(b) = v.downcast::<PyBytes>() {
        b.as_bytes()
    } else if let Ok(b) = v.downcast::<PyByteArray>() {
        owned = b.to_vec();
        &owned
    } else {
        let t = v.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into());
        return Err(format!("{what}: text is {t}, not str or bytes"));
    };
    String::from_utf8(bytes.to_vec())
        .map_err(|e| format!("{what}: invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
}

fn opt_str(d: &Bound<'_, PyDict>, key: &str, what: &str) -> Result<Option<String>, String> {
    match d.get_item(key).map_err(|e| e.to_string())? {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.downcast::<PyString>() {
            Ok(s) => s.extract::<String>().map(Some).map_err(|e| format!("{what}: {key}: {e}")),
            Err(_) if key == "id" => Ok(Some(v.str().map_err(|e| e.to_string())?.to_string())),
            Err(_) => Err(format!(
                "{what}: {key} is {}, not str",
                v.get_type().name().map(|n| n.to_string()).unwrap_or_default()
            )),
        },
    }
}

/// One input of a batch: a text (`str`/`bytes`) or a record (a dict with `text` and optional `id`,
/// `date`, `title`, `source`, `url`). `i` is its position, used for the default id and in errors.
fn record(i: usize, v: &Bound<'_, PyAny>, max_bytes: usize) -> Result<RawDoc, (String, String)> {
    let mut raw = RawDoc::default();
    raw.meta.id = i.to_string();
    let what = format!("record {i}");
    let fail = |id: &str, m: String| (id.to_string(), m);
    if let Ok(d) = v.downcast::<PyDict>() {
        if let Some(id) = opt_str(d, "id", &what).map_err(|m| fail(&raw.meta.id, m))? {
            raw.meta.id = id;
        }
        let what = format!("record {i} (id {})", raw.meta.id);
        let id = raw.meta.id.clone();
        let text = d.get_item("text").map_err(|e| fail(&id, e.to_string()))?;
        match text {
            None => return Err(fail(&id, format!("{what}: no text"))),
            Some(t) if t.is_none() => return Err(fail(&id, format!("{what}: no text (None)"))),
            Some(t) => {
                if let Some(n) = t.len().ok().filter(|&n| n > max_bytes) {
                    return Err(fail(&id, too_big(&what, n, max_bytes)));
                }
                raw.text = text_of(&t, &what).map_err(|m| fail(&id, m))?
            }
        }
        let date = opt_str(d, "date", &what).map_err(|m| fail(&id, m))?;
        raw.meta.date = date_of(date, &what).map_err(|m| fail(&id, m))?;
        raw.meta.title = opt_str(d, "title", &what).map_err(|m| fail(&id, m))?;
        raw.meta.source = opt_str(d, "source", &what).map_err(|m| fail(&id, m))?;
        raw.meta.url = opt_str(d, "url", &what).map_err(|m| fail(&id, m))?;
    } else if v.is_none() {
        return Err(fail(&raw.meta.id, format!("{what}: no text (None)")));
    } else {
        raw.text = text_of(v, &what).map_err(|m| fail(&raw.meta.id, m))?;
    }
    if raw.text.len() > max_bytes {
        return Err((
            raw.meta.id.clone(),
            too_big(&format!("record {i} (id {})", raw.meta.id), raw.text.len(), max_bytes),
        ));
    }
    Ok(raw)
}

fn too_big(what: &str, n: usize, max: usize) -> String {
    format!("{what}: text of {n} bytes is over the limit of {max} bytes (max_bytes)")
}

/// One analysed input: its position, its id, and its document or why it failed.
type Outcome = (usize, String, Result<DocumentOut, String>);

/// Analyses articles in batches of `batch` on `threads` threads (all cores when `None`), keeping input
/// order. A batch whose analysis panics is redone one article at a time, so only the culprit fails.
fn analyse(
    pipe: &accord_pipeline::Pipeline,
    raws: Vec<(usize, RawDoc)>,
    batch: usize,
    threads: Option<usize>,
    tokens: bool,
) -> Result<Vec<Outcome>, String> {
    let batches = accord_pipeline::split_batches(raws, batch.max(1), |(_, r)| r.text.len());
    let run = |b: Vec<(usize, RawDoc)>| -> Vec<Outcome> {
        let keys: Vec<(usize, String)> = b.iter().map(|(i, r)| (*i, r.meta.id.clone())).collect();
        let raws: Vec<RawDoc> = b.into_iter().map(|(_, r)| r).collect();
        let outs: Vec<Result<DocumentOut, String>> =
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipe.process_batch(raws.clone()))) {
                Ok(docs) => docs.iter().map(|d| Ok(d.to_output_with(tokens))).collect(),
                Err(_) => raws
                    .into_iter()
                    .map(|r| {
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            pipe.process(r).to_output_with(tokens)
                        }))
                        .map_err(|_| "analysis failed (panic in the pipeline)".to_string())
                    })
                    .collect(),
            };
        keys.into_iter()
            .zip(outs)
            .map(|((i, id), o)| {
                let o = o
                    .map(|mut d| {
                        if !tokens {
                            d.tokens.clear();
                        }
                        d
                    })
                    .map_err(|m| format!("record {i} (id {id}): {m}"));
                (i, id, o)
            })
            .collect()
    };
    let n = threads.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)).max(1);
    if n == 1 || batches.len() <= 1 {
        return Ok(batches.into_iter().flat_map(run).collect());
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(n).build().map_err(|e| e.to_string())?;
    Ok(pool.install(|| batches.into_par_iter().flat_map_iter(run).collect()))
}

/// The loaded pipeline (models, lexicons, scorer), shared by every call.
#[pyclass(frozen, module = "accord._accord")]
struct Pipeline {
    inner: Arc<accord_pipeline::Pipeline>,
    disabled: Vec<String>,
    date: Option<String>,
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (disable=None, date=None, any_language=false))]
    fn new(py: Python<'_>, disable: Option<Vec<String>>, date: Option<String>, any_language: bool) -> PyResult<Self> {
        let disabled = disable.unwrap_or_default();
        accord_pipeline::check_stage_names(disabled.iter().map(String::as_str))
            .map_err(|e| err(format!("disable: {e}")))?;
        let date = check_date(date, "date")?;
        let options = accord_pipeline::Options { default_date: date.clone(), disabled: disabled.clone(), any_language };
        let inner = py
            .allow_threads(|| accord_pipeline::Pipeline::new(options))
            .map_err(|e| err(format!("loading the models: {e}")))?;
        Ok(Pipeline { inner: Arc::new(inner), disabled, date })
    }

    /// Stages switched off.
    #[getter]
    fn disabled(&self) -> Vec<String> {
        self.disabled.clone()
    }

    /// The default publication date.
    #[getter]
    fn date(&self) -> Option<String> {
        self.date.clone()
    }

    /// Analyses one text; returns its accord/1 JSON.
    #[pyo3(signature = (text, date=None, id=None, tokens=true, max_bytes=MAX_BYTES))]
    fn extract_json(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        date: Option<String>,
        id: Option<String>,
        tokens: bool,
        max_bytes: usize,
    ) -> PyResult<String> {
        let what = id.as_deref().map(|i| format!("text (id {i})")).unwrap_or_else(|| "text".into());
        if text.is_none() {
            return Err(err(format!("{what}: no text (None)")));
        }
        let text = text_of(text, &what).map_err(err)?;
        if text.len() > max_bytes {
            return Err(err(too_big(&what, text.len(), max_bytes)));
        }
        let mut raw = RawDoc { text, ..Default::default() };
        raw.meta.id = id.unwrap_or_default();
        raw.meta.date = check_date(date, &what)?;
        let pipe = self.inner.clone();
        let out = py.allow_threads(move || analyse(&pipe, vec![(0, raw)], 1, Some(1), tokens)).map_err(err)?;
        let (_, _, doc) = out.into_iter().next().ok_or_else(|| err("no output"))?;
        let doc = doc.map_err(|m| err(m.replacen("record 0 ", "text ", 1)))?;
        serde_json::to_string(&doc).map_err(|e| err(e.to_string()))
    }

    /// Analyses many texts or records with the GIL released; returns a `Documents`. Records that cannot
    /// be read or analysed are listed in `Documents.errors` (index, id, message).
    #[pyo3(signature = (items, batch_size=accord_pipeline::BATCH_DOCS, threads=None, tokens=true, max_bytes=MAX_BYTES))]
    fn analyse(
        &self,
        py: Python<'_>,
        items: &Bound<'_, PyAny>,
        batch_size: usize,
        threads: Option<usize>,
        tokens: bool,
        max_bytes: usize,
    ) -> PyResult<Documents> {
        let mut raws = Vec::new();
        let mut errors = Vec::new();
        let mut n = 0usize;
        for (i, item) in items.try_iter()?.enumerate() {
            n += 1;
            match record(i, &item?, max_bytes) {
                Ok(r) => raws.push((i, r)),
                Err((id, m)) => errors.push((i, id, m)),
            }
        }
        let pipe = self.inner.clone();
        let out = py.allow_threads(move || analyse(&pipe, raws, batch_size, threads, tokens)).map_err(err)?;
        let mut docs = Vec::with_capacity(out.len());
        let mut index = Vec::with_capacity(out.len());
        for (i, id, o) in out {
            match o {
                Ok(d) => {
                    docs.push(d);
                    index.push(i);
                }
                Err(m) => errors.push((i, id, m)),
            }
        }
        errors.sort_by_key(|e| e.0);
        Ok(Documents { docs, index, errors, n_in: n })
    }
}

/// Analysed documents held on the Rust side (accord/1), with the records that failed.
#[pyclass(frozen, module = "accord._accord")]
struct Documents {
    docs: Vec<DocumentOut>,
    /// Input position of each document.
    index: Vec<usize>,
    /// (input position, id, message) of each record that failed.
    errors: Vec<(usize, String, String)>,
    n_in: usize,
}

#[pymethods]
impl Documents {
    /// Documents from accord/1 JSON strings (e.g. from `json.dumps` of `extract`'s dicts).
    #[staticmethod]
    fn from_json(items: &Bound<'_, PyAny>) -> PyResult<Documents> {
        let mut docs = Vec::new();
        let mut index = Vec::new();
        let mut errors = Vec::new();
        let mut n = 0;
        for (i, item) in items.try_iter()?.enumerate() {
            n += 1;
            let item = item?;
            let s = text_of(&item, &format!("document {i}")).map_err(err)?;
            match serde_json::from_str::<DocumentOut>(&s) {
                Ok(d) => {
                    docs.push(d);
                    index.push(i);
                }
                Err(e) => errors.push((i, String::new(), format!("document {i}: not accord/1 JSON: {e}"))),
            }
        }
        Ok(Documents { docs, index, errors, n_in: n })
    }

    fn __len__(&self) -> usize {
        self.docs.len()
    }

    /// Records given (documents plus failures).
    #[getter]
    fn records_in(&self) -> usize {
        self.n_in
    }

    /// The accord/1 JSON of document `i`.
    fn json(&self, i: usize) -> PyResult<String> {
        let d = self.docs.get(i).ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("document index"))?;
        serde_json::to_string(d).map_err(|e| err(e.to_string()))
    }

    /// Document ids, in order.
    fn ids(&self) -> Vec<String> {
        self.docs.iter().map(|d| d.id.clone()).collect()
    }

    /// Input position of each document.
    fn input_index(&self) -> Vec<usize> {
        self.index.clone()
    }

    /// (input position, id, message) for each record that failed.
    #[getter]
    fn errors(&self) -> Vec<(usize, String, String)> {
        self.errors.clone()
    }

    /// The columns of one layer (`quotes`, `entities`, `quantities`, `dates`, `documents`) as Arrow buffers:
    /// a list of (name, kind, length, validity, buffers...) for `accord._arrow` to wrap.
    fn columns<'py>(&self, py: Python<'py>, layer: &str) -> PyResult<Bound<'py, PyList>> {
        let t = py.allow_threads(|| tables::build(layer, &self.docs)).map_err(err)?;
        t.to_py(py)
    }
}

/// Column names and kinds of a layer (`str`, `i64`, `f64`, `bool`, `list_str`).
#[pyfunction]
fn layer_schema(layer: &str) -> PyResult<Vec<(&'static str, &'static str)>> {
    tables::schema(layer).map(|s| s.iter().map(|(n, k)| (*n, k.name())).collect()).map_err(err)
}

/// Reads articles from files or folders (txt, jsonl, html, feeds, WARC) without analysing them:
/// a list of records (dicts) and a list of error messages (file and position).
#[pyfunction]
fn read_files<'py>(py: Python<'py>, paths: Vec<PathBuf>) -> PyResult<(Bound<'py, PyList>, Vec<String>)> {
    let (arts, errs) = py.allow_threads(|| {
        let mut arts = Vec::new();
        let mut errs = Vec::new();
        for p in accord_ingest::expand_paths(&paths) {
            for a in accord_ingest::read_articles(&p) {
                match a {
                    Ok(a) => arts.push(a.raw),
                    Err(e) => errs.push(e.to_string()),
                }
            }
        }
        (arts, errs)
    });
    Ok((records_list(py, arts)?, errs))
}

/// Splits one WARC file's bytes (`.warc` or gzipped) into article records; `name` is used in ids and errors.
#[pyfunction]
fn read_warc<'py>(py: Python<'py>, data: &[u8], name: &str) -> PyResult<(Bound<'py, PyList>, Vec<String>)> {
    let (arts, errs) = py.allow_threads(|| {
        let mut arts = Vec::new();
        let mut errs = Vec::new();
        // gzipped archives (`.warc.gz`, gzip member by member) are decompressed as they are read
        let items: Box<dyn Iterator<Item = Result<accord_ingest::html::Article, accord_ingest::IngestError>>> =
            if data.starts_with(&[0x1f, 0x8b]) {
                let dec = std::io::BufReader::new(flate2::bufread::MultiGzDecoder::new(data));
                Box::new(accord_ingest::warc::WarcReader::new(dec, name))
            } else {
                Box::new(accord_ingest::warc::WarcReader::new(data, name))
            };
        for a in items {
            match a {
                Ok(a) => arts.push(a.raw),
                Err(e) => errs.push(e.to_string()),
            }
        }
        (arts, errs)
    });
    Ok((records_list(py, arts)?, errs))
}

fn records_list(py: Python<'_>, arts: Vec<RawDoc>) -> PyResult<Bound<'_, PyList>> {
    let out = PyList::empty(py);
    for a in arts {
        let d = PyDict::new(py);
        d.set_item("id", a.meta.id)?;
        d.set_item("text", a.text)?;
        d.set_item("date", a.meta.date)?;
        d.set_item("title", a.meta.title)?;
        d.set_item("source", a.meta.source)?;
        d.set_item("url", a.meta.url)?;
        out.append(d)?;
    }
    Ok(out)
}

/// The knowledge base in one folder (SQLite + full-text index), as `accord ingest`/`quotes`/... use it.
#[pyclass(frozen, module = "accord._accord")]
struct KnowledgeBase {
    store: Mutex<accord_store::Store>,
    dir: PathBuf,
}

fn store_err(e: impl std::fmt::Display) -> PyErr {
    err(e.to_string())
}

impl KnowledgeBase {
    fn with<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut accord_store::Store) -> Result<T, accord_store::StoreError> + Send,
    ) -> PyResult<T> {
        py.allow_threads(|| {
            let mut s = self.store.lock().map_err(|_| err("knowledge base lock poisoned"))?;
            f(&mut s).map_err(store_err)
        })
    }
}

#[pymethods]
impl KnowledgeBase {
    #[new]
    fn new(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let store = py
            .allow_threads(|| accord_store::Store::open(&path))
            .map_err(|e| err(format!("opening {}: {e}", path.display())))?;
        Ok(KnowledgeBase { store: Mutex::new(store), dir: path })
    }

    /// The folder.
    #[getter]
    fn path(&self) -> PathBuf {
        self.dir.clone()
    }

    /// Stores analysed documents (no analysis): returns (added, near-duplicates, already present).
    #[pyo3(signature = (docs, path=None))]
    fn add_documents(&self, py: Python<'_>, docs: &Documents, path: Option<String>) -> PyResult<(u64, u64, u64)> {
        let items: Vec<(DocumentOut, accord_store::ArticleInfo)> = docs
            .docs
            .iter()
            .map(|d| {
                let mut d = d.clone();
                d.tokens.clear();
                (d, accord_store::ArticleInfo { path: path.clone(), author: None, outlet: None })
            })
            .collect();
        self.with(py, move |s| {
            s.begin_writing()?;
            let (mut a, mut n, mut p) = (0, 0, 0);
            for chunk in items.chunks(64) {
                for o in s.add_batch(chunk)? {
                    match o {
                        accord_store::AddOutcome::Added(_) => a += 1,
                        accord_store::AddOutcome::NearDuplicate { .. } => n += 1,
                        accord_store::AddOutcome::Duplicate(_) => p += 1,
                    }
                }
            }
            s.end_writing()?;
            Ok((a, n, p))
        })
    }

    /// Quotes as JSON (a list of objects, as `accord quotes --json`).
    #[pyo3(signature = (speaker=None, about=None, since=None, until=None, article=None, limit=50))]
    #[allow(clippy::too_many_arguments)]
    fn quotes_json(
        &self,
        py: Python<'_>,
        speaker: Option<String>,
        about: Option<String>,
        since: Option<String>,
        until: Option<String>,
        article: Option<i64>,
        limit: usize,
    ) -> PyResult<String> {
        let q = accord_store::QuoteQuery { speaker, about, from: since, to: until, article, limit: Some(limit) };
        let hits = self.with(py, move |s| s.quotes(&q))?;
        serde_json::to_string(&hits).map_err(store_err)
    }

    /// One entity as JSON (null when unknown).
    fn entity_json(&self, py: Python<'_>, name: String) -> PyResult<String> {
        let e = self.with(py, move |s| s.find_entity(&name))?;
        serde_json::to_string(&e).map_err(store_err)
    }

    /// Timeline items as JSON.
    #[pyo3(signature = (entity=None, about=None, limit=200))]
    fn timeline_json(
        &self,
        py: Python<'_>,
        entity: Option<String>,
        about: Option<String>,
        limit: usize,
    ) -> PyResult<String> {
        let t = self.with(py, move |s| s.timeline(entity.as_deref(), about.as_deref(), limit))?;
        serde_json::to_string(&t).map_err(store_err)
    }

    /// Events as JSON (a list of objects, as `accord events --json`).
    #[pyo3(signature = (actor=None, etype=None, country=None, since=None, until=None, limit=50))]
    #[allow(clippy::too_many_arguments)]
    fn events_json(
        &self,
        py: Python<'_>,
        actor: Option<String>,
        etype: Option<String>,
        country: Option<String>,
        since: Option<String>,
        until: Option<String>,
        limit: usize,
    ) -> PyResult<String> {
        let q = accord_store::EventQuery {
            actor,
            entity: None,
            etype,
            country,
            from: since,
            to: until,
            article: None,
            limit: Some(limit),
        };
        let hits = self.with(py, move |s| s.events(&q))?;
        serde_json::to_string(&hits).map_err(store_err)
    }

    /// The claims ledger as JSON.
    #[pyo3(signature = (about=None, limit=50))]
    fn claims_json(&self, py: Python<'_>, about: Option<String>, limit: usize) -> PyResult<String> {
        let t = self.with(py, move |s| s.claims(about.as_deref(), limit))?;
        serde_json::to_string(&t).map_err(store_err)
    }

    /// Counts of what is stored, as JSON.
    fn stats_json(&self, py: Python<'_>) -> PyResult<String> {
        let t = self.with(py, |s| s.stats())?;
        serde_json::to_string(&t).map_err(store_err)
    }
}

/// The accord/1 documents in a file of the Spark job's `documents` layer or `accord extract` output (JSON
/// Lines, one document a line), read without analysis; errors name the file and line.
#[pyfunction]
fn read_documents(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<(Documents, Vec<String>)> {
    let (docs, errs) = py.allow_threads(|| {
        let mut docs = Vec::new();
        let mut errs = Vec::new();
        for p in accord_ingest::expand_paths(&paths) {
            if accord_ingest::documents::is_hidden(&p) {
                continue;
            }
            for d in accord_ingest::documents::read_documents(&p) {
                match d {
                    Ok(d) => docs.push(d),
                    Err(e) => errs.push(e.to_string()),
                }
            }
        }
        (docs, errs)
    });
    let n = docs.len();
    Ok((Documents { docs, index: (0..n).collect(), errors: Vec::new(), n_in: n }, errs))
}

/// The stage names, in order.
#[pyfunction]
fn stages() -> Vec<&'static str> {
    accord_pipeline::REGISTRY.iter().map(|s| s.name).collect()
}

#[pymodule]
fn _accord(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("AccordError", m.py().get_type::<AccordError>())?;
    m.add("MAX_BYTES", MAX_BYTES)?;
    m.add("BATCH_DOCS", accord_pipeline::BATCH_DOCS)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Pipeline>()?;
    m.add_class::<Documents>()?;
    m.add_class::<KnowledgeBase>()?;
    m.add_function(wrap_pyfunction!(layer_schema, m)?)?;
    m.add_function(wrap_pyfunction!(read_files, m)?)?;
    m.add_function(wrap_pyfunction!(read_warc, m)?)?;
    m.add_function(wrap_pyfunction!(read_documents, m)?)?;
    m.add_function(wrap_pyfunction!(stages, m)?)?;
    Ok(())
}
