//! `accord extract`: articles in, one accord/1 JSON document per article out.
use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One JSON document per article (JSON Lines when several).
    Json,
    /// A readable terminal view.
    Pretty,
}

/// Arguments of `accord extract`.
#[derive(clap::Args)]
pub struct Args {
    /// Input files: .txt (one article), .jsonl (one {"id","text","date"?} per line), or - for stdin.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for inputs that carry none; anchors "last month", "on Tuesday".
    #[arg(long)]
    pub date: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: OutputFormat,
    /// Leave the token layer out of the JSON (smaller output).
    #[arg(long)]
    pub no_tokens: bool,
    /// Budget per article: longer texts (bytes) are reported with their id and skipped.
    #[arg(long, value_name = "BYTES", default_value_t = accord_pipeline::budget::DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: usize,
    /// Budget per article: an analysis still running after this many seconds (checked between stages;
    /// 0 = no limit) is reported with the article's id and skipped; its neighbours are kept.
    #[arg(long, value_name = "SECONDS", default_value_t = accord_pipeline::budget::DEFAULT_MAX_ARTICLE_SECONDS)]
    pub max_article_seconds: f64,
}

/// Runs `accord extract`.
pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let date = match &a.date {
        Some(d) => Some(accord_ingest::normalise_date(d).with_context(|| format!("--date {d:?} is not YYYY-MM-DD"))?),
        None => None,
    };
    let pipeline =
        accord_pipeline::Pipeline::new(accord_pipeline::Options { default_date: date, ..Default::default() })?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    // articles are analysed in batches (each model over the whole batch: faster), one batch per core at a
    // time, and written in input order
    let color = a.format == OutputFormat::Pretty && std::io::IsTerminal::is_terminal(&std::io::stdout());
    let mut pending = Pending::default();
    for path in accord_ingest::expand_paths(&a.inputs) {
        for item in accord_ingest::read_path(&path) {
            match item {
                Ok(raw) => {
                    if pending.push(raw) {
                        failed += pending.flush(&pipeline, &a, color, &mut out)?;
                    }
                }
                Err(e) => {
                    // what was read before the error is written before it
                    pending.close();
                    failed += pending.flush(&pipeline, &a, color, &mut out)?;
                    failed += 1;
                    out.flush()?;
                    eprintln!("accord: {e}");
                }
            }
        }
    }
    pending.close();
    failed += pending.flush(&pipeline, &a, color, &mut out)?;
    out.flush()?;
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Articles read and not yet written: closed batches, and the batch being filled.
#[derive(Default)]
struct Pending {
    batches: Vec<Vec<accord_ingest::RawDoc>>,
    current: Vec<accord_ingest::RawDoc>,
    bytes: usize,
}

impl Pending {
    /// Adds an article; true when there is a closed batch for every core (time to analyse them).
    fn push(&mut self, raw: accord_ingest::RawDoc) -> bool {
        self.bytes += raw.text.len();
        self.current.push(raw);
        if self.current.len() >= accord_pipeline::BATCH_DOCS || self.bytes >= accord_pipeline::BATCH_BYTES {
            self.close();
        }
        self.batches.len() >= rayon::current_num_threads()
    }
    /// Closes the batch being filled.
    fn close(&mut self) {
        if !self.current.is_empty() {
            self.batches.push(std::mem::take(&mut self.current));
        }
        self.bytes = 0;
    }
    /// Analyses the closed batches side by side and writes their articles in input order (an article
    /// over its budget is reported in its place); returns the number skipped.
    fn flush(
        &mut self,
        pipeline: &accord_pipeline::Pipeline,
        a: &Args,
        color: bool,
        out: &mut impl Write,
    ) -> anyhow::Result<usize> {
        use rayon::prelude::*;
        let rendered: Vec<anyhow::Result<Rendered>> =
            std::mem::take(&mut self.batches).into_par_iter().map(|b| render_batch(pipeline, b, a, color)).collect();
        let mut skipped = 0;
        for r in rendered {
            for item in r? {
                match item {
                    Ok(bytes) => out.write_all(&bytes)?,
                    Err(e) => {
                        out.flush()?;
                        eprintln!("accord: {e}");
                        skipped += 1;
                    }
                }
            }
        }
        Ok(skipped)
    }
}

/// One output per article of a batch, or why it was skipped.
type Rendered = Vec<Result<Vec<u8>, String>>;

/// Analyses `batch` and renders one output per article, in order (or why it was skipped).
fn render_batch(
    pipeline: &accord_pipeline::Pipeline,
    batch: Vec<accord_ingest::RawDoc>,
    a: &Args,
    color: bool,
) -> anyhow::Result<Rendered> {
    let budget = accord_pipeline::budget::Budget::new(a.max_article_bytes, a.max_article_seconds);
    let mut items = Vec::new();
    for doc in accord_pipeline::budget::process_batch(pipeline, batch, &budget) {
        let doc = match doc {
            Ok(d) => d,
            Err(e) => {
                items.push(Err(e.to_string()));
                continue;
            }
        };
        let mut out = Vec::new();
        let mut json = doc.to_output();
        if a.no_tokens {
            json.tokens.clear();
        }
        match a.format {
            OutputFormat::Json => {
                serde_json::to_writer(&mut out, &json)?;
                writeln!(out)?;
            }
            OutputFormat::Pretty => write!(out, "{}", crate::cmd::pretty::render(&json, color))?,
        }
        items.push(Ok(out));
    }
    Ok(items)
}
