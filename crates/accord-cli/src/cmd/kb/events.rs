//! `accord events`: political events (PLOVER) by actor, type, country and date, each with the articles
//! reporting it.
use super::table::{cell, csv, more_notice, table};
use super::{filter_date, limit_parser, open_existing, Format, OutputArgs};
use accord_store::limits::EVENTS;
use accord_store::{EventActor, EventHit, EventQuery};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `accord events`.
#[derive(clap::Args)]
pub struct EventsArgs {
    /// Only events this actor is party to, as source or target: any form of an entity's name ("Hamas",
    /// "Mr Trump"), or an actor code ("USA GOV", "ISR").
    #[arg(long)]
    pub actor: Option<String>,
    /// Only events of this PLOVER type (AGREE, CONSULT, SUPPORT, COOPERATE, AID, YIELD, REQUEST, ACCUSE,
    /// REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT).
    #[arg(long = "type", value_name = "TYPE", value_parser = event_type)]
    pub etype: Option<String>,
    /// Only events whose source, target or place is in this country (ISO 3166 alpha-3: USA, ISR, PSE).
    #[arg(long, value_name = "ISO", value_parser = country)]
    pub country: Option<String>,
    /// Earliest event date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_parser = filter_date)]
    pub from: Option<String>,
    /// Latest event date (YYYY-MM-DD, YYYY-MM or YYYY; inclusive).
    #[arg(long, value_parser = filter_date)]
    pub to: Option<String>,
    /// At most this many events (1 to 1000; a larger value is an error, not silently capped).
    #[arg(long, default_value_t = EVENTS.default, value_parser = limit_parser(EVENTS))]
    pub limit: usize,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Knowledge-base folder [default: $ACCORD_DB, else ./accord-data].
    #[arg(long)]
    pub db: Option<PathBuf>,
}

fn event_type(s: &str) -> Result<String, String> {
    accord_store::events::check_type(s).map_err(|e| e.to_string().trim_start_matches("invalid: ").to_string())
}

fn country(s: &str) -> Result<String, String> {
    accord_store::events::check_country(s).map_err(|e| e.to_string().trim_start_matches("invalid: ").to_string())
}

/// CSV header of `accord events`: one row per event, flat like POLECAT's.
pub const EVENT_CSV: &[&str] = &[
    "id",
    "date",
    "source",
    "source_country",
    "source_sector",
    "type",
    "mode",
    "quad",
    "target",
    "target_country",
    "target_sector",
    "location",
    "location_country",
    "factuality",
    "background",
    "reports",
    "articles",
    "sentence",
];

/// CSV rows for events (columns [`EVENT_CSV`]); `articles` lists the article ids with `;`, `sentence` is
/// the first report's.
pub fn event_csv_rows(evs: &[EventHit]) -> Vec<Vec<String>> {
    let side = |a: &Option<EventActor>| -> [String; 3] {
        match a {
            Some(a) => [a.name.clone(), cell(&a.country), cell(&a.sector)],
            None => Default::default(),
        }
    };
    evs.iter()
        .map(|e| {
            let [s, sc, ss] = side(&e.source);
            let [t, tc, ts] = side(&e.target);
            vec![
                e.id.to_string(),
                cell(&e.date),
                s,
                sc,
                ss,
                e.etype.clone(),
                cell(&e.mode),
                cell(&e.quad),
                t,
                tc,
                ts,
                e.location.as_ref().map(|l| l.name.clone()).unwrap_or_default(),
                e.location.as_ref().and_then(|l| l.country.clone()).unwrap_or_default(),
                e.factuality.clone(),
                e.background.to_string(),
                e.reports.to_string(),
                e.articles.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(";"),
                e.evidence.first().map(|r| r.sentence.clone()).unwrap_or_default(),
            ]
        })
        .collect()
}

/// Table rows (date, source, type, target, where, reports, sentence) for events.
pub fn event_rows(evs: &[EventHit]) -> Vec<Vec<String>> {
    let who = |a: &Option<EventActor>| match a {
        Some(a) => match &a.code {
            Some(c) if !a.name.contains(c.as_str()) => format!("{} [{c}]", a.name),
            _ => a.name.clone(),
        },
        None => "—".into(),
    };
    evs.iter()
        .map(|e| {
            let mut ty = e.etype.clone();
            if e.factuality != "asserted" && e.factuality != "reported" {
                ty += &format!(" ({})", e.factuality);
            }
            vec![
                cell(&e.date),
                who(&e.source),
                ty,
                who(&e.target),
                e.location.as_ref().map(|l| l.name.clone()).unwrap_or_default(),
                e.reports.to_string(),
                e.evidence.first().map(|r| r.sentence.clone()).unwrap_or_default(),
            ]
        })
        .collect()
}

/// Runs `accord events`.
pub fn events(a: EventsArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&a.db)?;
    let evs = store.events(&EventQuery {
        actor: a.actor,
        entity: None,
        etype: a.etype,
        country: a.country,
        from: a.from,
        to: a.to,
        article: None,
        limit: Some(a.limit),
    })?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match a.output.format() {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &evs)?;
            writeln!(out)?;
        }
        Format::Csv => csv(&mut out, EVENT_CSV, &event_csv_rows(&evs))?,
        Format::Table if evs.is_empty() => writeln!(out, "no events found")?,
        Format::Table => {
            table(&mut out, &["date", "source", "type", "target", "where", "reports", "sentence"], &event_rows(&evs))?;
            if evs.len() == a.limit {
                more_notice("events", a.limit, EVENTS.max);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
