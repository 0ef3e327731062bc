//! `accord entity`: everything the knowledge base knows about one entity.
use super::table::{csv, quote_csv_rows, quote_rows, table, QUOTE_CSV};
use super::{open_existing, Format, OutputArgs};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `accord entity`.
#[derive(clap::Args)]
pub struct EntityArgs {
    /// Name in any form ("Trump", "Mr Trump", "Donald J. Trump").
    pub name: String,
    #[command(flatten)]
    pub output: OutputArgs,
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
    match a.output.format() {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &e)?;
            writeln!(out)?;
            return Ok(ExitCode::SUCCESS);
        }
        Format::Csv => {
            // one row per latest quote, led by the entity's own columns
            let mut header = vec!["entity", "entity_name", "entity_type", "mentions", "articles", "quote_count"];
            header.extend(QUOTE_CSV.iter().map(|h| match *h {
                "id" => "quote",
                h => h,
            }));
            let lead = [
                e.id.to_string(),
                e.name.clone(),
                e.etype.clone(),
                e.mentions.to_string(),
                e.articles.to_string(),
                e.quote_count.to_string(),
            ];
            let mut rows: Vec<Vec<String>> =
                quote_csv_rows(&e.quotes).into_iter().map(|r| lead.iter().cloned().chain(r).collect()).collect();
            if rows.is_empty() {
                rows.push(lead.iter().cloned().chain(QUOTE_CSV.iter().map(|_| String::new())).collect());
            }
            csv(&mut out, &header, &rows)?;
            return Ok(ExitCode::SUCCESS);
        }
        Format::Table => {}
    }
    writeln!(out, "{} ({}), entity #{}", e.name, e.etype, e.id)?;
    writeln!(
        out,
        "  {} mentions in {} articles, {} quotes, party to {} events",
        e.mentions, e.articles, e.quote_count, e.event_count
    )?;
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
    if !e.events.is_empty() {
        writeln!(out)?;
        let header = ["date", "source", "type", "target", "where", "reports", "sentence"];
        table(&mut out, &header, &super::events::event_rows(&e.events))?;
        if e.event_count > e.events.len() as i64 {
            writeln!(out, "  … {} events in all: accord events --actor {:?}", e.event_count, e.name)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
