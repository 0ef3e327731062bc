//! `accord quotes`: quotes by speaker, text and date; `--bench` measures query latency.
use super::table::{csv, quote_csv_rows, quote_rows, table, QUOTE_CSV};
use super::{filter_date, limit_parser, open_existing, Format, OutputArgs};
use accord_store::limits::QUOTES;
use accord_store::{QuoteQuery, Store};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `accord quotes`.
#[derive(clap::Args)]
pub struct QuotesArgs {
    /// Only quotes by this speaker (any form of the name: "Mr Trump", "Donald J. Trump").
    #[arg(long)]
    pub speaker: Option<String>,
    /// Only quotes matching this full-text query.
    #[arg(long)]
    pub about: Option<String>,
    /// Earliest publication date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_parser = filter_date)]
    pub from: Option<String>,
    /// Latest publication date (YYYY-MM-DD, YYYY-MM or YYYY; inclusive).
    #[arg(long, value_parser = filter_date)]
    pub to: Option<String>,
    /// At most this many quotes (1 to 1000; a larger value is an error, not silently capped).
    #[arg(long, default_value_t = QUOTES.default, value_parser = limit_parser(QUOTES))]
    pub limit: usize,
    #[command(flatten)]
    pub output: OutputArgs,
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
        return bench(&store, n.max(10), a.output.format() == Format::Json);
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
    match a.output.format() {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &qs)?;
            writeln!(out)?;
        }
        Format::Csv => csv(&mut out, QUOTE_CSV, &quote_csv_rows(&qs))?,
        Format::Table if qs.is_empty() => writeln!(out, "no quotes found")?,
        Format::Table => {
            table(&mut out, &["date", "speaker", "outlet", "quote"], &quote_rows(&qs))?;
            if qs.len() == a.limit {
                super::table::more_notice("quotes", a.limit, QUOTES.max);
            }
        }
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
