//! `accord extract`: articles in, one accord/1 JSON document per article out.
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
}

/// Runs `accord extract`.
pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let date = match &a.date {
        Some(d) => Some(accord_doc::date::normalise_day(d).map_err(|e| crate::usage!("--date: {e}"))?),
        None => None,
    };
    let pipeline =
        accord_pipeline::Pipeline::new(accord_pipeline::Options { default_date: date, ..Default::default() })?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    // articles are analysed in batches (each model over the whole batch: faster), one batch per core at a
    // time, and written in input order
    let color = a.format == OutputFormat::Pretty && super::term::color_allowed(&std::io::stdout());
    let mut pending = Pending::default();
    let paths = accord_ingest::expand_paths(&a.inputs);
    if paths.is_empty() {
        let given: Vec<String> = a.inputs.iter().map(|p| p.display().to_string()).collect();
        anyhow::bail!("no input files in {} (extract reads .txt and .jsonl files)", given.join(", "));
    }
    let bar = super::term::progress(paths.len() as u64, "files");
    for path in paths {
        bar.inc(1);
        for item in accord_ingest::read_path(&path) {
            match item {
                Ok(raw) => {
                    if pending.push(raw) {
                        pending.flush(&pipeline, &a, color, &mut out)?;
                    }
                }
                Err(e) => {
                    // what was read before the error is written before it
                    pending.close();
                    pending.flush(&pipeline, &a, color, &mut out)?;
                    failed += 1;
                    out.flush()?;
                    bar.suspend(|| eprintln!("accord: {e}"));
                }
            }
        }
    }
    pending.close();
    pending.flush(&pipeline, &a, color, &mut out)?;
    out.flush()?;
    bar.finish_and_clear();
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
    /// Analyses the closed batches side by side and writes their articles in input order.
    fn flush(
        &mut self,
        pipeline: &accord_pipeline::Pipeline,
        a: &Args,
        color: bool,
        out: &mut impl Write,
    ) -> anyhow::Result<()> {
        use rayon::prelude::*;
        let rendered: Vec<anyhow::Result<Vec<u8>>> =
            std::mem::take(&mut self.batches).into_par_iter().map(|b| render_batch(pipeline, b, a, color)).collect();
        for r in rendered {
            out.write_all(&r?)?;
        }
        Ok(())
    }
}

/// Analyses `batch` and renders one output per article, in order.
fn render_batch(
    pipeline: &accord_pipeline::Pipeline,
    batch: Vec<accord_ingest::RawDoc>,
    a: &Args,
    color: bool,
) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    for doc in pipeline.process_batch(batch) {
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
    }
    Ok(out)
}
