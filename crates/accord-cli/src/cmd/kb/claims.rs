//! `accord claims`: the claims ledger, counted quantities by source over time.
use super::table::{cell, csv, more_notice, table};
use super::{limit_parser, open_existing, Format, OutputArgs};
use accord_store::limits::CLAIMS;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `accord claims`.
#[derive(clap::Args)]
pub struct ClaimsArgs {
    /// Only quantities whose counted thing or phrase matches (e.g. "hostages").
    #[arg(long)]
    pub about: Option<String>,
    /// At most this many counted quantities (1 to 1000; a larger value is an error, not silently capped).
    #[arg(long, default_value_t = CLAIMS.default, value_parser = limit_parser(CLAIMS))]
    pub limit: usize,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Knowledge-base folder [default: $ACCORD_DB, else ./accord-data].
    #[arg(long)]
    pub db: Option<PathBuf>,
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Runs `accord claims`.
pub fn claims(a: ClaimsArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&a.db)?;
    let groups = store.claims(a.about.as_deref(), a.limit)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match a.output.format() {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &groups)?;
            writeln!(out)?;
            return Ok(ExitCode::SUCCESS);
        }
        Format::Csv => {
            let header = [
                "counted",
                "key",
                "date",
                "value",
                "qualifier",
                "source",
                "outlet",
                "article",
                "article_title",
                "hedge",
                "disputed",
                "start",
                "end",
                "text",
            ];
            let rows: Vec<Vec<String>> = groups
                .iter()
                .flat_map(|g| {
                    g.entries.iter().map(|e| {
                        vec![
                            g.counted.clone(),
                            g.key.clone(),
                            cell(&e.date),
                            number(e.value),
                            e.qualifier.clone(),
                            cell(&e.source),
                            cell(&e.outlet),
                            e.article.to_string(),
                            cell(&e.article_title),
                            cell(&e.hedge),
                            e.disputed.to_string(),
                            e.start.to_string(),
                            e.end.to_string(),
                            e.text.clone(),
                        ]
                    })
                })
                .collect();
            csv(&mut out, &header, &rows)?;
            return Ok(ExitCode::SUCCESS);
        }
        Format::Table => {}
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
                let v = number(e.value);
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
    if groups.len() == a.limit {
        more_notice("counted quantities", a.limit, CLAIMS.max);
    }
    Ok(ExitCode::SUCCESS)
}
