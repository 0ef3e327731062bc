//! `accord timeline`: dated quotes, facts and events in order.
use super::table::{cell, csv, more_notice, quoted, table};
use super::{limit_parser, open_existing, Format, OutputArgs};
use accord_store::limits::TIMELINE;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `accord timeline`.
#[derive(clap::Args)]
pub struct TimelineArgs {
    /// Only quotes by, dated facts about, and events with this entity.
    #[arg(long)]
    pub entity: Option<String>,
    /// Only items matching this text.
    #[arg(long)]
    pub about: Option<String>,
    /// At most this many items (1 to 5000; a larger value is an error, not silently capped).
    #[arg(long, default_value_t = TIMELINE.default, value_parser = limit_parser(TIMELINE))]
    pub limit: usize,
    #[command(flatten)]
    pub output: OutputArgs,
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
    match a.output.format() {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &items)?;
            writeln!(out)?;
        }
        Format::Csv => {
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|i| {
                    vec![
                        i.date.clone(),
                        i.kind.clone(),
                        cell(&i.speaker),
                        cell(&i.expression),
                        i.article.to_string(),
                        cell(&i.article_title),
                        cell(&i.quote),
                        cell(&i.event),
                        cell(&i.event_type),
                        cell(&i.actors),
                        i.start.to_string(),
                        i.end.to_string(),
                        i.text.clone(),
                    ]
                })
                .collect();
            let header = [
                "date",
                "kind",
                "speaker",
                "expression",
                "article",
                "article_title",
                "quote",
                "event",
                "event_type",
                "actors",
                "start",
                "end",
                "text",
            ];
            csv(&mut out, &header, &rows)?;
        }
        Format::Table if items.is_empty() => writeln!(out, "no dated items found")?,
        Format::Table => {
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|i| {
                    vec![
                        i.date.clone(),
                        i.kind.clone(),
                        match &i.event_type {
                            Some(t) => format!("{t}: {}", i.actors.as_deref().unwrap_or("?")),
                            None => i.speaker.clone().or(i.expression.clone()).unwrap_or_default(),
                        },
                        i.article_title.clone().unwrap_or_else(|| format!("#{}", i.article)),
                        if i.kind == "quote" { quoted(&i.text) } else { i.text.clone() },
                    ]
                })
                .collect();
            table(&mut out, &["date", "kind", "who / when", "article", "text"], &rows)?;
            if items.len() == a.limit {
                more_notice("items", a.limit, TIMELINE.max);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
