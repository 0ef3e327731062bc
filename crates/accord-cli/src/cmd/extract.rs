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
}

/// Runs `accord extract`.
pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let date = match &a.date {
        Some(d) => Some(accord_ingest::normalise_date(d).with_context(|| format!("--date {d:?} is not YYYY-MM-DD"))?),
        None => None,
    };
    let pipeline = accord_pipeline::Pipeline::new(accord_pipeline::Options { default_date: date, ..Default::default() })?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    // articles are analysed in batches (each model over the whole batch: faster), written in input order
    let mut batch: Vec<accord_ingest::RawDoc> = Vec::with_capacity(accord_pipeline::BATCH_DOCS);
    let mut bytes = 0usize;
    for path in accord_ingest::expand_paths(&a.inputs) {
        for item in accord_ingest::read_path(&path) {
            match item {
                Ok(raw) => {
                    bytes += raw.text.len();
                    batch.push(raw);
                    if batch.len() >= accord_pipeline::BATCH_DOCS || bytes >= accord_pipeline::BATCH_BYTES {
                        write_batch(&pipeline, std::mem::take(&mut batch), &a, &mut out)?;
                        bytes = 0;
                    }
                }
                Err(e) => {
                    // what was read before the error is written before it
                    write_batch(&pipeline, std::mem::take(&mut batch), &a, &mut out)?;
                    bytes = 0;
                    failed += 1;
                    out.flush()?;
                    eprintln!("accord: {e}");
                }
            }
        }
    }
    write_batch(&pipeline, batch, &a, &mut out)?;
    out.flush()?;
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Analyses `batch` and writes one output per article, in order.
fn write_batch(pipeline: &accord_pipeline::Pipeline, batch: Vec<accord_ingest::RawDoc>, a: &Args, out: &mut impl Write) -> anyhow::Result<()> {
    for doc in pipeline.process_batch(batch) {
        let mut json = doc.to_output();
        if a.no_tokens {
            json.tokens.clear();
        }
        match a.format {
            OutputFormat::Json => {
                serde_json::to_writer(&mut *out, &json)?;
                writeln!(out)?;
            }
            OutputFormat::Pretty => {
                let color = std::io::IsTerminal::is_terminal(&std::io::stdout());
                write!(out, "{}", crate::cmd::pretty::render(&json, color))?;
            }
        }
    }
    Ok(())
}
