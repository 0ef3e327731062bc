//! `accord extract`: articles in, one accord/1 JSON document per article out.
use accord_pipeline::runner::Outcome;
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
    /// Analyse articles that read as another language than English too (by default they are only split
    /// into paragraphs, sentences and tokens, with a warning: accord's models and word lists are English).
    #[arg(long)]
    pub any_language: bool,
}

/// Runs `accord extract`.
pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let date = match &a.date {
        Some(d) => Some(accord_doc::date::normalise_day(d).map_err(|e| crate::usage!("--date: {e}"))?),
        None => None,
    };
    let pipeline = accord_pipeline::Pipeline::new(accord_pipeline::Options {
        default_date: date,
        any_language: a.any_language,
        ..Default::default()
    })?;
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut failed = 0usize;
    // articles are analysed in batches (each model over the whole batch: faster), one batch per core at a
    // time, and written in input order; errors are reported in their place
    let color = a.format == OutputFormat::Pretty && super::term::color_allowed(&std::io::stdout());
    let paths = accord_ingest::expand_paths(&a.inputs);
    if paths.is_empty() {
        let given: Vec<String> = a.inputs.iter().map(|p| p.display().to_string()).collect();
        anyhow::bail!("no input files in {} (extract reads .txt and .jsonl files)", given.join(", "));
    }
    let bar = super::term::progress(paths.len() as u64, "files");
    let input = paths
        .into_iter()
        .flat_map(|path| {
            bar.inc(1);
            accord_ingest::read_path(&path)
        })
        .map(|item| item.map(|raw| (raw, ())));
    let (format, no_tokens) = (a.format, a.no_tokens);
    let budget = accord_pipeline::budget::Budget::new(a.max_article_bytes, a.max_article_seconds);
    accord_pipeline::runner::Runner::new(&pipeline).budget(budget).run(
        input,
        |doc, _| {
            // an article in another language is only segmented: say so, in its place
            let note = pipeline.not_analysed(&doc).map(|why| {
                format!(
                    "{}: {why}: only its paragraphs, sentences and tokens are given (--any-language analyses it anyway)",
                    doc.meta.id
                )
            });
            anyhow::Ok((render(&doc, format, no_tokens, color)?, note))
        },
        |group| -> anyhow::Result<()> {
            for o in group {
                match o {
                    Outcome::Done { value, .. } => {
                        let (bytes, note) = value?;
                        out.write_all(&bytes)?;
                        if let Some(note) = note.filter(|_| !super::term::quiet()) {
                            out.flush()?;
                            bar.suspend(|| eprintln!("accord: warning: {note}"));
                        }
                    }
                    Outcome::Failed { id, .. } => {
                        failed += 1;
                        out.flush()?;
                        bar.suspend(|| eprintln!("accord: {id}: analysis failed (panic in the pipeline)"));
                    }
                    Outcome::Skipped { reason, .. } => {
                        failed += 1;
                        out.flush()?;
                        bar.suspend(|| eprintln!("accord: {reason}"));
                    }
                    Outcome::Input(e) => {
                        failed += 1;
                        out.flush()?;
                        bar.suspend(|| eprintln!("accord: {e}"));
                    }
                }
            }
            Ok(())
        },
    )?;
    out.flush()?;
    bar.finish_and_clear();
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Renders one analysed article.
fn render(doc: &accord_doc::Doc, format: OutputFormat, no_tokens: bool, color: bool) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    let json = doc.to_output_with(!no_tokens);
    match format {
        OutputFormat::Json => {
            serde_json::to_writer(&mut out, &json)?;
            writeln!(out)?;
        }
        OutputFormat::Pretty => write!(out, "{}", crate::cmd::pretty::render(&json, color))?,
    }
    Ok(out)
}
