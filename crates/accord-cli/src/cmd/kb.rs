//! Knowledge-base subcommands: `ingest`, `quotes`, `entity`, `timeline`, `claims`, `serve`.
//!
//! They wire `accord-ingest` (readers), `accord-pipeline` (analysis), `accord-store` (SQLite + tantivy)
//! and `accord-server` (JSON API + web UI) together. Every command takes `--db DIR`; the default data
//! folder is `$ACCORD_DB`, else `./accord-data`.
use accord_store::{AddOutcome, ArticleInfo, QuoteHit, QuoteQuery, Store};
use anyhow::Context;
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn db_dir(db: &Option<PathBuf>) -> PathBuf {
    db.clone().unwrap_or_else(accord_store::default_dir)
}

fn open_existing(db: &Option<PathBuf>) -> anyhow::Result<Store> {
    let dir = db_dir(db);
    if !dir.join("accord.sqlite").exists() {
        anyhow::bail!(
            "no knowledge base in {} (run `accord ingest --db {} FILES...` first)",
            dir.display(),
            dir.display()
        );
    }
    Store::open(&dir).with_context(|| format!("opening {}", dir.display()))
}

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
    #[arg(long)]
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
        println!(
            "knowledge base {}: {} articles, {} quotes, {} entities, {} quantities",
            dir.display(),
            stats.articles,
            stats.quotes,
            stats.entities,
            stats.quantities
        );
    }
    Ok(if failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

struct Progress {
    bar: Option<indicatif::ProgressBar>,
    start: Instant,
    last_print: Instant,
    docs: u64,
}

impl Progress {
    fn new(files: usize) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let b = indicatif::ProgressBar::new(files as u64);
            b.set_style(
                indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files  {msg}  [{elapsed_precise}]")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            b
        });
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
                if self.last_print.elapsed() >= Duration::from_secs(5) {
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

/// Runs `accord ingest`.
pub fn ingest(a: IngestArgs) -> anyhow::Result<ExitCode> {
    let date = match &a.date {
        Some(d) => Some(accord_ingest::normalise_date(d).with_context(|| format!("--date {d:?} is not YYYY-MM-DD"))?),
        None => None,
    };
    let dir = db_dir(&a.db);
    let mut store = Store::open(&dir).with_context(|| format!("opening {}", dir.display()))?;
    store.begin_writing()?;
    if a.analysed {
        return ingest_analysed(&a, store, &dir);
    }
    let pipeline =
        accord_pipeline::Pipeline::new(accord_pipeline::Options { default_date: date, ..Default::default() })?;
    let throttle = std::env::var("ACCORD_INGEST_THROTTLE_MS").ok().and_then(|v| v.parse::<u64>().ok());
    // never read the knowledge base's own files when it lies inside an input folder
    let db_abs = std::fs::canonicalize(&dir).unwrap_or(dir.clone());
    let files: Vec<PathBuf> = accord_ingest::expand_paths(&a.paths)
        .into_iter()
        .filter(|p| !std::fs::canonicalize(p).is_ok_and(|c| c.starts_with(&db_abs)))
        .collect();
    let mut progress = Progress::new(files.len());
    let start = Instant::now();
    let (mut added, mut near, mut present) = (0u64, 0u64, 0u64);
    let mut failed: Vec<String> = Vec::new();
    let mut pending: Vec<(accord_ingest::html::Article, String)> = Vec::new();
    // texts queued in this run (the batch being analysed and the one being stored are not in SQLite yet)
    let mut seen_in_run = std::collections::HashSet::new();
    let batch = a.batch.max(1);
    let store_nanos = std::sync::atomic::AtomicU64::new(0);

    type Analysed = Vec<(accord_doc::schema::DocumentOut, ArticleInfo)>;
    // Analyses one batch in parallel; failures are returned as messages.
    let analyse = |items: Vec<(accord_ingest::html::Article, String)>| -> (Analysed, Vec<String>) {
        // each core takes runs of articles through the pipeline together (faster: see
        // `Pipeline::process_batch`); a run that panics is redone one article at a time to find the culprit
        let per_core = accord_pipeline::BATCH_DOCS.min(items.len().div_ceil(rayon::current_num_threads()).max(1));
        let chunks = accord_pipeline::split_batches(items, per_core, |(art, _)| art.raw.text.len());
        let results: Vec<Result<(accord_doc::schema::DocumentOut, ArticleInfo), String>> = chunks
            .into_par_iter()
            .flat_map_iter(|chunk| {
                if let Some(ms) = throttle {
                    std::thread::sleep(Duration::from_millis(ms * chunk.len() as u64));
                }
                let infos: Vec<(ArticleInfo, String, String)> = chunk
                    .iter()
                    .map(|(art, path)| {
                        let info = ArticleInfo {
                            path: Some(path.clone()),
                            author: art.author.clone(),
                            outlet: art.raw.meta.source.clone(),
                        };
                        (info, path.clone(), art.raw.meta.id.clone())
                    })
                    .collect();
                let raws: Vec<accord_ingest::RawDoc> = chunk.into_iter().map(|(art, _)| art.raw).collect();
                let together =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.process_batch(raws.clone())));
                let outs: Vec<Result<accord_doc::schema::DocumentOut, ()>> = match together {
                    Ok(docs) => docs.iter().map(|d| Ok(d.to_output())).collect(),
                    Err(_) => raws
                        .into_iter()
                        .map(|raw| {
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.process(raw).to_output()))
                                .map_err(|_| ())
                        })
                        .collect(),
                };
                outs.into_iter()
                    .zip(infos)
                    .map(|(o, (info, path, id))| {
                        o.map(|d| (d, info))
                            .map_err(|_| format!("{path} ({id}): analysis failed (panic in the pipeline)"))
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut docs = Vec::new();
        let mut errs = Vec::new();
        for r in results {
            match r {
                Ok(d) => docs.push(d),
                Err(e) => errs.push(e),
            }
        }
        (docs, errs)
    };
    // Stores one analysed batch (one transaction); returns (new, near-duplicates, already present).
    let store_batch = |store: &mut Store, docs: Analysed| -> Result<(u64, u64, u64, u64), accord_store::StoreError> {
        let t = Instant::now();
        let outcomes = store.add_batch(&docs)?;
        store_nanos.fetch_add(t.elapsed().as_nanos() as u64, std::sync::atomic::Ordering::Relaxed);
        let (mut ad, mut nd, mut dup) = (0, 0, 0);
        for o in outcomes {
            match o {
                AddOutcome::Added(_) => ad += 1,
                AddOutcome::NearDuplicate { .. } => nd += 1,
                AddOutcome::Duplicate(_) => dup += 1,
            }
        }
        Ok((docs.len() as u64, ad, nd, dup))
    };
    // The batch analysed last, waiting to be stored while the next one is analysed.
    let mut ready: Option<Analysed> = None;
    let flush = |pending: &mut Vec<(accord_ingest::html::Article, String)>,
                 ready: &mut Option<Analysed>,
                 store: &mut Store,
                 progress: &mut Progress,
                 failed: &mut Vec<String>|
     -> anyhow::Result<(u64, u64, u64)> {
        let items = std::mem::take(pending);
        let prev = ready.take();
        // analyse this batch while the previous one is written (each in its own transaction)
        let ((docs, errs), stored) = rayon::join(
            || {
                if items.is_empty() {
                    (Vec::new(), Vec::new())
                } else {
                    analyse(items)
                }
            },
            || prev.map(|d| store_batch(store, d)).transpose(),
        );
        for e in errs {
            progress.println(&format!("accord: {e}"));
            failed.push(e);
        }
        if !docs.is_empty() {
            *ready = Some(docs);
        }
        Ok(match stored? {
            Some((n, ad, nd, dup)) => {
                progress.docs(n);
                (ad, nd, dup)
            }
            None => (0, 0, 0),
        })
    };

    for path in &files {
        let pname = path.display().to_string();
        for item in accord_ingest::read_articles(path) {
            match item {
                Ok(mut art) => {
                    meta_from_file_name(path, &mut art.raw.meta);
                    let hash = accord_store::content_hash(&art.raw.text);
                    if art.raw.text.trim().is_empty() {
                        let e = format!("{pname} ({}): empty text", art.raw.meta.id);
                        progress.println(&format!("accord: {e}"));
                        failed.push(e);
                        continue;
                    }
                    if store.find_hash(&hash)?.is_some() || !seen_in_run.insert(hash) {
                        present += 1;
                        progress.docs(1);
                        continue;
                    }
                    pending.push((art, pname.clone()));
                    if pending.len() >= batch {
                        let (x, y, z) = flush(&mut pending, &mut ready, &mut store, &mut progress, &mut failed)?;
                        added += x;
                        near += y;
                        present += z;
                    }
                }
                Err(e) => {
                    progress.println(&format!("accord: {e}"));
                    failed.push(e.to_string());
                }
            }
        }
        progress.file_done();
    }
    // the last batch, then what is still waiting to be stored
    for _ in 0..2 {
        let (x, y, z) = flush(&mut pending, &mut ready, &mut store, &mut progress, &mut failed)?;
        added += x;
        near += y;
        present += z;
    }
    let t = Instant::now();
    store.end_writing()?;
    store_nanos.fetch_add(t.elapsed().as_nanos() as u64, std::sync::atomic::Ordering::Relaxed);
    progress.finish();
    let secs = start.elapsed().as_secs_f64();
    let processed = added + near;
    let rate = processed as f64 / secs.max(1e-9);
    let stats = store.stats()?;
    if a.json {
        let v = serde_json::json!({
            "db": dir.display().to_string(),
            "ingested": processed, "new": added, "near_duplicates": near, "already_present": present,
            "failed": failed.len(), "failures": failed, "seconds": secs, "docs_per_second": rate,
            "store_seconds": store_nanos.load(std::sync::atomic::Ordering::Relaxed) as f64 / 1e9,
            "total": stats,
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!(
            "ingested {processed} articles ({added} new, {near} near-duplicates linked), {present} already present, {} failed — {secs:.2} s, {rate:.1} docs/s ({:.2} s of it storing and indexing)",
            failed.len(),
            store_nanos.load(std::sync::atomic::Ordering::Relaxed) as f64 / 1e9
        );
        println!(
            "knowledge base {}: {} articles, {} quotes, {} entities, {} quantities",
            dir.display(),
            stats.articles,
            stats.quotes,
            stats.entities,
            stats.quantities
        );
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
        if let Some(d) = accord_ingest::normalise_date(cand) {
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

fn trunc(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        format!("{}…", s.chars().take(n.saturating_sub(1)).collect::<String>())
    }
}

fn width() -> usize {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).unwrap_or(120).clamp(60, 240)
}

/// Prints rows as an aligned table; the last column takes the remaining width.
fn table(out: &mut impl Write, header: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    let n = header.len();
    let mut w: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n - 1) {
            w[i] = w[i].max(c.chars().count()).min(32);
        }
    }
    let used: usize = w[..n - 1].iter().map(|x| x + 2).sum();
    let last = width().saturating_sub(used).max(20);
    let line = |cells: Vec<String>| -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 < n {
                let c = trunc(c, w[i]);
                s += &format!("{c:<width$}  ", width = w[i]);
            } else {
                s += &trunc(c, last);
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(header.iter().map(|h| h.to_string()).collect()))?;
    writeln!(out, "{}", line(w.iter().map(|x| "─".repeat(*x)).chain(["─".repeat(last.min(40))]).take(n).collect()))?;
    for r in rows {
        writeln!(out, "{}", line(r.clone()))?;
    }
    Ok(())
}

/// Wraps a quote in curly quotes unless it already carries its own marks.
fn quoted(s: &str) -> String {
    let t = s.trim().trim_matches(|c| matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’' | ',')).trim();
    format!("“{t}”")
}

fn quote_rows(qs: &[QuoteHit]) -> Vec<Vec<String>> {
    qs.iter()
        .map(|q| {
            let who = match (&q.speaker, &q.speaker_title) {
                (Some(s), Some(t)) => format!("{s} ({t})"),
                (Some(s), None) => s.clone(),
                _ => format!("[{}]", q.source_kind),
            };
            vec![
                q.date.clone().unwrap_or_default(),
                who,
                q.outlet.clone().or(q.article_title.clone()).unwrap_or_else(|| format!("#{}", q.article)),
                quoted(&q.content),
            ]
        })
        .collect()
}

/// Arguments of `accord quotes`.
#[derive(clap::Args)]
pub struct QuotesArgs {
    /// Only quotes by this speaker (any form of the name: "Mr Trump", "Donald J. Trump").
    #[arg(long)]
    pub speaker: Option<String>,
    /// Only quotes matching this full-text query.
    #[arg(long)]
    pub about: Option<String>,
    /// Earliest publication date (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Latest publication date (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// At most this many quotes.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Knowledge-base folder [default: $ACCORD_DB, else ./accord-data].
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Measure query latency instead: run N mixed queries (quotes by speaker, full-text quote and article
    /// search) and print p50/p90/p99/max in milliseconds.
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "1000")]
    pub bench: Option<usize>,
}

/// Runs `accord quotes`.
pub fn quotes(a: QuotesArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&a.db)?;
    if let Some(n) = a.bench {
        return bench(&store, n.max(10), a.json);
    }
    let qs = store.quotes(&QuoteQuery {
        speaker: a.speaker,
        about: a.about,
        from: a.from,
        to: a.to,
        article: None,
        limit: Some(a.limit),
    })?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if a.json {
        serde_json::to_writer_pretty(&mut out, &qs)?;
        writeln!(out)?;
    } else if qs.is_empty() {
        writeln!(out, "no quotes found")?;
    } else {
        table(&mut out, &["date", "speaker", "outlet", "quote"], &quote_rows(&qs))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn bench(store: &Store, n: usize, json: bool) -> anyhow::Result<ExitCode> {
    let speakers = store.top_speakers(25)?;
    let words: Vec<String> = {
        let mut w =
            vec!["said", "election", "campaign", "president", "police", "tax", "health", "war", "vote", "economy"]
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>();
        w.extend(speakers.iter().filter_map(|s| s.split_whitespace().last().map(str::to_lowercase)));
        w
    };
    let speakers = if speakers.is_empty() { vec!["Doe".to_string()] } else { speakers };
    let mut lat: Vec<f64> = Vec::with_capacity(n);
    let mut by_kind: [Vec<f64>; 3] = Default::default();
    let mut results = 0usize;
    for i in 0..n {
        let t = Instant::now();
        results += match i % 3 {
            0 => store
                .quotes(&QuoteQuery {
                    speaker: Some(speakers[i / 3 % speakers.len()].clone()),
                    limit: Some(50),
                    ..Default::default()
                })?
                .len(),
            1 => store
                .quotes(&QuoteQuery {
                    about: Some(words[i / 3 % words.len()].clone()),
                    limit: Some(50),
                    ..Default::default()
                })?
                .len(),
            _ => store.search(&words[(i / 3 + 3) % words.len()], 20)?.articles.len(),
        };
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        lat.push(ms);
        by_kind[i % 3].push(ms);
    }
    lat.sort_by(|a, b| a.total_cmp(b));
    for k in by_kind.iter_mut() {
        k.sort_by(|a, b| a.total_cmp(b));
    }
    let pct = |v: &[f64], q: f64| v.get(((v.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(0.0);
    let p = |q: f64| pct(&lat, q);
    let kinds = ["quotes --speaker", "quotes --about", "search"];
    let st = store.stats()?;
    if json {
        println!(
            "{}",
            serde_json::json!({"queries": n, "articles": st.articles, "quotes": st.quotes, "results": results,
                "p50_ms": p(0.5), "p90_ms": p(0.9), "p99_ms": p(0.99), "max_ms": p(1.0),
                "by_kind": kinds.iter().zip(&by_kind).map(|(k, v)| serde_json::json!({
                    "kind": k, "p50_ms": pct(v, 0.5), "p99_ms": pct(v, 0.99)})).collect::<Vec<_>>()})
        );
    } else {
        println!(
            "{n} queries (quotes by speaker, quote full-text, article search) over {} articles / {} quotes: \
             p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            st.articles,
            st.quotes,
            p(0.5),
            p(0.9),
            p(0.99),
            p(1.0)
        );
        for (k, v) in kinds.iter().zip(&by_kind) {
            println!("  {k:<17} p50 {:.2} ms, p99 {:.2} ms", pct(v, 0.5), pct(v, 0.99));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `accord entity`.
#[derive(clap::Args)]
pub struct EntityArgs {
    /// Name in any form ("Trump", "Mr Trump", "Donald J. Trump").
    pub name: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Knowledge-base folder [default: $ACCORD_DB, else ./accord-data].
    #[arg(long)]
    pub db: Option<PathBuf>,
}

/// Runs `accord entity`.
pub fn entity(a: EntityArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&a.db)?;
    let Some(e) = store.find_entity(&a.name)? else {
        eprintln!("accord: no entity matches {:?}", a.name);
        return Ok(ExitCode::from(1));
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if a.json {
        serde_json::to_writer_pretty(&mut out, &e)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{} ({}), entity #{}", e.name, e.etype, e.id)?;
    writeln!(out, "  {} mentions in {} articles, {} quotes", e.mentions, e.articles, e.quote_count)?;
    if !e.aliases.is_empty() {
        writeln!(out, "  written as: {}", e.aliases.join(", "))?;
    }
    if !e.affiliations.is_empty() {
        writeln!(out, "  affiliations: {}", e.affiliations.join(", "))?;
    }
    if !e.titles.is_empty() {
        writeln!(out, "  titles:")?;
        for t in &e.titles {
            let span = match (&t.first_seen, &t.last_seen) {
                (Some(f), Some(l)) if f != l => format!("{f} … {l}"),
                (Some(f), _) => f.clone(),
                _ => "undated".into(),
            };
            writeln!(out, "    {:<40} {span} ({}×)", t.title, t.count)?;
        }
    }
    if !e.related.is_empty() {
        let r: Vec<String> = e.related.iter().map(|r| format!("{} [{}] ({})", r.name, r.etype, r.count)).collect();
        writeln!(out, "  related: {}", r.join(", "))?;
    }
    if !e.quotes.is_empty() {
        writeln!(out)?;
        table(&mut out, &["date", "speaker", "outlet", "quote"], &quote_rows(&e.quotes))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `accord timeline`.
#[derive(clap::Args)]
pub struct TimelineArgs {
    /// Only quotes by, and dated facts about, this entity.
    #[arg(long)]
    pub entity: Option<String>,
    /// Only items matching this text.
    #[arg(long)]
    pub about: Option<String>,
    /// At most this many items.
    #[arg(long, default_value_t = 200)]
    pub limit: usize,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Knowledge-base folder [default: $ACCORD_DB, else ./accord-data].
    #[arg(long)]
    pub db: Option<PathBuf>,
}

/// Runs `accord timeline`.
pub fn timeline(a: TimelineArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&a.db)?;
    let items = store.timeline(a.entity.as_deref(), a.about.as_deref(), a.limit)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if a.json {
        serde_json::to_writer_pretty(&mut out, &items)?;
        writeln!(out)?;
    } else if items.is_empty() {
        writeln!(out, "no dated items found")?;
    } else {
        let rows: Vec<Vec<String>> = items
            .iter()
            .map(|i| {
                vec![
                    i.date.clone(),
                    i.kind.clone(),
                    i.speaker.clone().or(i.expression.clone()).unwrap_or_default(),
                    i.article_title.clone().unwrap_or_else(|| format!("#{}", i.article)),
                    if i.kind == "quote" { quoted(&i.text) } else { i.text.clone() },
                ]
            })
            .collect();
        table(&mut out, &["date", "kind", "who / when", "article", "text"], &rows)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `accord claims`.
#[derive(clap::Args)]
pub struct ClaimsArgs {
    /// Only quantities whose counted thing or phrase matches (e.g. "hostages").
    #[arg(long)]
    pub about: Option<String>,
    /// At most this many counted quantities.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Knowledge-base folder [default: $ACCORD_DB, else ./accord-data].
    #[arg(long)]
    pub db: Option<PathBuf>,
}

/// Runs `accord claims`.
pub fn claims(a: ClaimsArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&a.db)?;
    let groups = store.claims(a.about.as_deref(), a.limit)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if a.json {
        serde_json::to_writer_pretty(&mut out, &groups)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if groups.is_empty() {
        writeln!(out, "no counted quantities found")?;
    }
    for g in &groups {
        writeln!(out, "\n■ {} — {} reports", g.counted, g.entries.len())?;
        let rows: Vec<Vec<String>> = g
            .entries
            .iter()
            .map(|e| {
                let v = if e.value.fract() == 0.0 { format!("{}", e.value as i64) } else { format!("{}", e.value) };
                let q = if e.qualifier == "exact" { v } else { format!("{} {v}", e.qualifier) };
                vec![
                    e.date.clone().unwrap_or_default(),
                    if e.disputed { format!("{q} ≠") } else { q },
                    e.source.clone().unwrap_or_default(),
                    e.article_title.clone().unwrap_or_else(|| format!("#{}", e.article)),
                    e.text.clone(),
                ]
            })
            .collect();
        table(&mut out, &["date", "value", "source", "article", "phrase"], &rows)?;
        for d in &g.disagreements {
            let r: Vec<String> = d
                .reports
                .iter()
                .map(|(s, q, v)| {
                    format!(
                        "{} says {}{}",
                        s.clone().unwrap_or_else(|| "?".into()),
                        if q == "exact" { String::new() } else { format!("{q} ") },
                        v
                    )
                })
                .collect();
            writeln!(out, "  ⚠ sources disagree on {}: {}", d.date, r.join("; "))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `accord serve`.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// Knowledge-base folder [default: $ACCORD_DB, else ./accord-data].
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Port (0 picks a free one and prints it).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Address to bind (127.0.0.1 keeps the server local).
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Worker threads.
    #[arg(long, default_value_t = 4)]
    pub threads: usize,
    /// Disable `POST /api/articles` (adding articles through the API).
    #[arg(long)]
    pub read_only: bool,
}

/// Runs `accord serve`.
pub fn serve(a: ServeArgs) -> anyhow::Result<ExitCode> {
    let dir = db_dir(&a.db);
    drop(Store::open(&dir).with_context(|| format!("opening {}", dir.display()))?);
    let analyzer: Option<accord_server::Analyzer> = if a.read_only {
        None
    } else {
        match accord_pipeline::Pipeline::new(accord_pipeline::Options::default()) {
            Ok(pipeline) => Some(std::sync::Arc::new(move |text: String, meta: accord_doc::Meta| {
                pipeline.process(accord_ingest::RawDoc { text, meta }).to_output()
            })),
            Err(e) => {
                eprintln!("accord: warning: models could not be loaded ({e}); serving read-only");
                None
            }
        }
    };
    let server = accord_server::Server::bind(accord_server::Config {
        dir: dir.clone(),
        addr: format!("{}:{}", a.host, a.port),
        threads: a.threads.max(1),
        analyzer,
    })?;
    println!("accord: serving {} on http://{}/ (API under /api, spec at /openapi.yaml)", dir.display(), server.addr());
    std::io::stdout().flush()?;
    server.run();
    Ok(ExitCode::SUCCESS)
}
