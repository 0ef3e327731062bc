//! `accord ingest`: files in, analysed articles into the knowledge base. Reading is `accord-ingest`'s,
//! analysis `accord_pipeline::runner`'s, de-duplication and storing `accord_store::ingest`'s; this
//! module wires them together and reports progress.
use super::{db_dir, publication_date};
use accord_pipeline::runner::{Outcome, Runner};
use accord_store::ingest::{check_article, Known, Putter};
use accord_store::{AddOutcome, ArticleInfo, Store};
use anyhow::Context;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Arguments of `accord ingest`.
#[derive(clap::Args)]
pub struct IngestArgs {
    /// Files or folders (recursively): .txt, .jsonl, .html/.htm, .rss/.atom/.xml feeds, .warc/.warc.gz.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Knowledge-base folder [default: $ACCORD_DB, else ./accord-data].
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Publication date (YYYY-MM-DD) for articles that carry none.
    #[arg(long, value_parser = publication_date)]
    pub date: Option<String>,
    /// Articles per transaction (a killed ingest loses at most one batch; a rerun completes it).
    #[arg(long, default_value_t = 16)]
    pub batch: usize,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
    /// The inputs are analysed accord/1 documents (JSON Lines: `accord extract` output, the Spark job's
    /// `documents.jsonl` folder): stored as they are, without analysing the articles again.
    #[arg(long)]
    pub analysed: bool,
    /// Budget per article: longer texts (bytes) are reported with their id and skipped.
    #[arg(long, value_name = "BYTES", default_value_t = accord_pipeline::budget::DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: usize,
    /// Budget per article: an analysis still running after this many seconds (checked between stages;
    /// 0 = no limit) is reported with the article's id and skipped; its neighbours are kept.
    #[arg(long, value_name = "SECONDS", default_value_t = accord_pipeline::budget::DEFAULT_MAX_ARTICLE_SECONDS)]
    pub max_article_seconds: f64,
    /// Analyse articles that read as another language than English too (by default they are stored
    /// without facts, with a warning: accord's models and word lists are English).
    #[arg(long)]
    pub any_language: bool,
}

struct Progress {
    bar: Option<indicatif::ProgressBar>,
    start: Instant,
    last_print: Instant,
    docs: u64,
}

impl Progress {
    /// A bar on a terminal, a line every 5 s otherwise, nothing with `-q`.
    fn new(files: usize) -> Progress {
        let quiet = crate::cmd::term::quiet();
        let bar =
            (std::io::stderr().is_terminal() && !quiet).then(|| crate::cmd::term::progress(files as u64, "files"));
        Progress { bar, start: Instant::now(), last_print: Instant::now(), docs: 0 }
    }
    fn rate(&self) -> f64 {
        self.docs as f64 / self.start.elapsed().as_secs_f64().max(1e-9)
    }
    fn docs(&mut self, n: u64) {
        self.docs += n;
        let msg = format!("{} documents, {:.1} docs/s", self.docs, self.rate());
        match &self.bar {
            Some(b) => b.set_message(msg),
            None => {
                if !crate::cmd::term::quiet() && self.last_print.elapsed() >= Duration::from_secs(5) {
                    eprintln!("accord ingest: {msg}");
                    self.last_print = Instant::now();
                }
            }
        }
    }
    fn file_done(&self) {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }
    fn println(&self, s: &str) {
        match &self.bar {
            Some(b) => b.println(s),
            None => eprintln!("{s}"),
        }
    }
    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

/// An article on its way: where it came from and what the store keeps beside its analysis.
struct Tag {
    path: String,
    id: String,
    info: ArticleInfo,
}

/// `accord ingest --analysed`: stores accord/1 JSON Lines without running the pipeline.
fn ingest_analysed(a: &IngestArgs, mut store: Store, dir: &std::path::Path) -> anyhow::Result<ExitCode> {
    let start = Instant::now();
    let (mut added, mut near, mut present) = (0u64, 0u64, 0u64);
    let mut failed: Vec<String> = Vec::new();
    let mut batch: Vec<(accord_doc::schema::DocumentOut, ArticleInfo)> = Vec::new();
    let mut store_batch = |store: &mut Store, batch: &mut Vec<_>| -> anyhow::Result<()> {
        for o in store.add_batch(&std::mem::take(batch))? {
            match o {
                AddOutcome::Added(_) => added += 1,
                AddOutcome::NearDuplicate { .. } => near += 1,
                AddOutcome::Duplicate(_) => present += 1,
            }
        }
        Ok(())
    };
    for path in accord_ingest::expand_paths(&a.paths) {
        if accord_ingest::documents::is_hidden(&path) {
            continue;
        }
        let pname = path.display().to_string();
        for d in accord_ingest::documents::read_documents(&path) {
            match d {
                Ok(mut d) => {
                    d.tokens.clear();
                    batch.push((d, ArticleInfo { path: Some(pname.clone()), author: None, outlet: None }));
                    if batch.len() >= a.batch.max(1) {
                        store_batch(&mut store, &mut batch)?;
                    }
                }
                Err(e) => {
                    eprintln!("accord: {e}");
                    failed.push(e.to_string());
                }
            }
        }
    }
    store_batch(&mut store, &mut batch)?;
    store.end_writing()?;
    let secs = start.elapsed().as_secs_f64();
    let stats = store.stats()?;
    if a.json {
        let v = serde_json::json!({
            "db": dir.display().to_string(), "ingested": added + near, "new": added, "near_duplicates": near,
            "already_present": present, "failed": failed.len(), "failures": failed, "seconds": secs, "total": stats,
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!(
            "ingested {} analysed articles ({added} new, {near} near-duplicates linked), {present} already present, {} failed — {secs:.2} s",
            added + near,
            failed.len()
        );
        print_totals(dir, &stats);
    }
    Ok(if failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Runs `accord ingest`.
pub fn ingest(a: IngestArgs) -> anyhow::Result<ExitCode> {
    let dir = db_dir(&a.db);
    let mut store = Store::open(&dir).with_context(|| format!("opening {}", dir.display()))?;
    if a.analysed {
        store.begin_writing()?;
        return ingest_analysed(&a, store, &dir);
    }
    let mut known = Known::new(&store)?;
    let pipeline = accord_pipeline::Pipeline::new(accord_pipeline::Options {
        default_date: a.date.clone(),
        any_language: a.any_language,
        ..Default::default()
    })?;
    // slows reading down, for tests that kill an ingest midway
    let throttle = std::env::var("ACCORD_INGEST_THROTTLE_MS").ok().and_then(|v| v.parse::<u64>().ok());
    // never read the knowledge base's own files when it lies inside an input folder
    let db_abs = std::fs::canonicalize(&dir).unwrap_or(dir.clone());
    let files: Vec<PathBuf> = accord_ingest::expand_paths(&a.paths)
        .into_iter()
        .filter(|p| !std::fs::canonicalize(p).is_ok_and(|c| c.starts_with(&db_abs)))
        .collect();
    let start = Instant::now();
    let progress_lock = std::sync::Mutex::new(Progress::new(files.len()));
    let progress = &progress_lock;
    let mut failed: Vec<String> = Vec::new();
    let mut skipped = 0u64;
    let mut read_error: Option<anyhow::Error> = None;
    // articles to analyse, in input order; what cannot be analysed comes as an error in its place
    let input = files.iter().flat_map(move |path| {
        let pname = path.display().to_string();
        let items = accord_ingest::read_articles(path).map(move |item| (item, pname.clone()));
        let done = std::iter::once_with(move || progress.lock().unwrap_or_else(|p| p.into_inner()).file_done());
        items.map(Some).chain(done.map(|_| None)).flatten()
    });
    let input = input.filter_map(|(item, pname)| {
        if let Some(ms) = throttle {
            std::thread::sleep(Duration::from_millis(ms));
        }
        let mut art = match item {
            Ok(art) => art,
            Err(e) => return Some(Err(e.to_string())),
        };
        meta_from_file_name(std::path::Path::new(&pname), &mut art.raw.meta);
        if let Err(e) = check_article(&art.raw.text, art.raw.meta.date.as_deref()) {
            return Some(Err(format!("{pname} ({}): {e}", art.raw.meta.id)));
        }
        match known.is_new(&art.raw.text) {
            Ok(true) => {}
            Ok(false) => {
                skipped += 1;
                return None;
            }
            Err(e) => {
                read_error.get_or_insert(e.into());
                return None;
            }
        }
        let info = ArticleInfo { path: Some(pname.clone()), author: art.author, outlet: art.raw.meta.source.clone() };
        let tag = Tag { path: pname, id: art.raw.meta.id.clone(), info };
        Some(Ok((art.raw, tag)))
    });
    let mut putter = Putter::new(&mut store)?;
    let mut fails: Vec<String> = Vec::new();
    let budget = accord_pipeline::budget::Budget::new(a.max_article_bytes, a.max_article_seconds);
    Runner::new(&pipeline).group_docs(a.batch.max(1)).budget(budget).run(
        input,
        // the store keeps no token layer
        |doc, _| (doc.to_output_with(false), pipeline.not_analysed(&doc)),
        |group| -> anyhow::Result<()> {
            let mut docs = Vec::with_capacity(group.len());
            let mut errors = Vec::new();
            let mut warnings = Vec::new();
            for o in group {
                match o {
                    Outcome::Done { value: (doc, note), tag } => {
                        if let Some(why) = note {
                            warnings.push(format!(
                                "{} ({}): {why}: stored without facts (--any-language analyses it anyway)",
                                tag.path, tag.id
                            ));
                        }
                        docs.push((doc, tag.info))
                    }
                    Outcome::Failed { tag, .. } => {
                        errors.push(format!("{} ({}): analysis failed (panic in the pipeline)", tag.path, tag.id))
                    }
                    Outcome::Skipped { reason, tag } => errors.push(format!("{}: {reason}", tag.path)),
                    Outcome::Input(e) => errors.push(e),
                }
            }
            let n = docs.len() as u64;
            putter.put(&docs)?;
            let mut p = progress.lock().unwrap_or_else(|p| p.into_inner());
            for e in errors {
                p.println(&format!("accord: {e}"));
                fails.push(e);
            }
            if !crate::cmd::term::quiet() {
                for w in warnings {
                    p.println(&format!("accord: warning: {w}"));
                }
            }
            p.docs(n);
            Ok(())
        },
    )?;
    if let Some(e) = read_error {
        return Err(e.context("checking which articles are stored"));
    }
    let mut tally = putter.finish()?;
    tally.already_present += skipped;
    failed.extend(fails);
    progress.lock().unwrap_or_else(|p| p.into_inner()).finish();
    let secs = start.elapsed().as_secs_f64();
    let processed = tally.ingested();
    let rate = processed as f64 / secs.max(1e-9);
    let stats = store.stats()?;
    let (added, near, present) = (tally.new, tally.near_duplicates, tally.already_present);
    if a.json {
        let v = serde_json::json!({
            "db": dir.display().to_string(),
            "ingested": processed, "new": added, "near_duplicates": near, "already_present": present,
            "failed": failed.len(), "failures": failed, "seconds": secs, "docs_per_second": rate,
            "store_seconds": tally.store_seconds,
            "total": stats,
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!(
            "ingested {processed} articles ({added} new, {near} near-duplicates linked), {present} already present, {} failed — {secs:.2} s, {rate:.1} docs/s ({:.2} s of it storing and indexing)",
            failed.len(),
            tally.store_seconds
        );
        print_totals(&dir, &stats);
        if !failed.is_empty() {
            println!("failed:");
            for f in &failed {
                println!("  {f}");
            }
        }
    }
    Ok(if failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Fills a missing date (and outlet) from a file named `OUTLET_YYYY-MM-DD_slug.txt` or containing
/// `YYYY-MM-DD` anywhere — a common convention for news dumps (PolNeAR uses it).
fn meta_from_file_name(path: &std::path::Path, meta: &mut accord_doc::Meta) {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    if !matches!(accord_ingest::Format::of(path), accord_ingest::Format::Text) {
        return;
    }
    let b = name.as_bytes();
    for i in 0..b.len().saturating_sub(9) {
        let Some(cand) = name.get(i..i + 10) else {
            continue;
        };
        if let Ok(d) = accord_store::dates::publication_date(cand) {
            let before_ok = i == 0 || !b[i - 1].is_ascii_digit();
            let after_ok = !b.get(i + 10).is_some_and(|c| c.is_ascii_digit());
            if before_ok && after_ok {
                if meta.date.is_none() {
                    meta.date = Some(d);
                }
                if meta.source.is_none() && i > 1 && b[i - 1] == b'_' {
                    let prefix = &name[..i - 1];
                    if !prefix.is_empty() && prefix.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-') {
                        meta.source = Some(prefix.to_string());
                    }
                }
                return;
            }
        }
    }
}

/// The knowledge base's totals after an ingest, one line.
fn print_totals(dir: &std::path::Path, stats: &accord_store::Stats) {
    println!(
        "knowledge base {}: {} articles, {} quotes, {} entities, {} quantities, {} events",
        dir.display(),
        stats.articles,
        stats.quotes,
        stats.entities,
        stats.quantities,
        stats.events
    );
}
