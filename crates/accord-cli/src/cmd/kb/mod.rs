//! Knowledge-base subcommands, one module each: `ingest`, `quotes`, `entity`, `events`, `timeline`,
//! `claims`, `serve`, with the table and CSV rendering they share in [`table`].
//!
//! They wire `accord-ingest` (readers), `accord-pipeline` (analysis, `runner`), `accord-store` (SQLite +
//! tantivy) and `accord-server` (JSON API + web UI) together and hold no logic of their own beyond
//! arguments and rendering. Every command takes `--db DIR`; the default data folder is `$ACCORD_DB`,
//! else `./accord-data`.
mod claims;
mod entity;
mod events;
mod ingest;
mod quotes;
mod serve;
mod table;
mod timeline;

pub use claims::{claims, ClaimsArgs};
pub use entity::{entity, EntityArgs};
pub use events::{events, EventsArgs};
pub use ingest::{ingest, IngestArgs};
pub use quotes::{quotes, QuotesArgs};
pub use serve::{serve, ServeArgs};
pub use timeline::{timeline, TimelineArgs};

use accord_store::Store;
use anyhow::Context;
use std::path::PathBuf;

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

/// Output formats of the query commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// An aligned table (text for `entity`).
    Table,
    /// Pretty-printed JSON, the same objects the API serves.
    Json,
    /// Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
}

/// `--format` and its shorthand `--json`, shared by the query commands.
#[derive(clap::Args, Clone, Copy)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Print JSON (shorthand for `--format json`).
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

impl OutputArgs {
    fn format(&self) -> Format {
        if self.json {
            Format::Json
        } else {
            self.format
        }
    }
}

/// A `--limit` value parser: from 1 to the store's maximum for `limit`, else a usage error naming both.
fn limit_parser(
    limit: accord_store::limits::Limit,
) -> impl Fn(&str) -> Result<usize, String> + Clone + Send + Sync + 'static {
    move |s: &str| {
        let n: usize = s.trim().parse().map_err(|_| limit.message(s))?;
        limit.check(n).map_err(|_| limit.message(s))
    }
}

/// A `--date`/`--from`/`--to` filter parser: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, a real date.
fn filter_date(s: &str) -> Result<String, String> {
    accord_store::dates::filter_date(s).map_err(|e| e.to_string())
}

/// A publication-date parser: `YYYY-MM-DD`, a real date.
fn publication_date(s: &str) -> Result<String, String> {
    accord_store::dates::publication_date(s).map_err(|e| e.to_string())
}
