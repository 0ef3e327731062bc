//! Quotes: who said what, filtered by speaker, text, date and article.

use crate::fts::Kind;
use crate::{like, Store, StoreError};
use rusqlite::{params_from_iter, types::Value as Sql, OptionalExtension, Row};
use serde::Serialize;

/// A quote with its speaker and article.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct QuoteHit {
    /// Quote id.
    pub id: i64,
    /// `q1`… within its article.
    pub local_id: String,
    /// `direct`, `indirect`, `mixed`.
    #[serde(rename = "type")]
    pub qtype: String,
    /// What was said.
    pub content: String,
    /// Code-point offsets of the content in the article text.
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// Speaker as resolved (entity name, else source name, else as written).
    pub speaker: Option<String>,
    /// Knowledge-base entity of the speaker.
    pub speaker_entity: Option<i64>,
    /// The speaker's most recent title, when known.
    pub speaker_title: Option<String>,
    /// `person`, `organization`, `group`, `anonymous`, `unknown`.
    pub source_kind: String,
    /// Article id.
    pub article: i64,
    /// Article title.
    pub article_title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub date: Option<String>,
}

/// Filters for [`Store::quotes`].
#[derive(Clone, Debug, Default)]
pub struct QuoteQuery {
    /// Speaker name (any form: `Mr Trump`, `Donald Trump`).
    pub speaker: Option<String>,
    /// Full-text query over quote texts.
    pub about: Option<String>,
    /// Earliest date (inclusive, `YYYY-MM-DD`).
    pub from: Option<String>,
    /// Latest date (inclusive).
    pub to: Option<String>,
    /// Restrict to one article.
    pub article: Option<i64>,
    /// At most this many (default 50, at most 1000: see [`crate::limits::QUOTES`]; outside that an error).
    pub limit: Option<usize>,
}

pub(crate) const QUOTE_SELECT: &str = "SELECT q.id, q.local_id, q.type, q.content, q.start, q.end, \
    COALESCE(e.name, q.source_name, q.speaker_text), q.speaker_entity, \
    (SELECT t.title FROM entity_titles t WHERE t.entity = q.speaker_entity ORDER BY t.last_seen DESC, t.count DESC LIMIT 1), \
    q.source_kind, q.article, COALESCE(a.title, a.doc_id), a.outlet, q.date \
    FROM quotes q JOIN articles a ON a.id = q.article LEFT JOIN entities e ON e.id = q.speaker_entity";

pub(crate) fn quote_row(r: &Row) -> rusqlite::Result<QuoteHit> {
    Ok(QuoteHit {
        id: r.get(0)?,
        local_id: r.get(1)?,
        qtype: r.get(2)?,
        content: r.get(3)?,
        start: r.get(4)?,
        end: r.get(5)?,
        speaker: r.get(6)?,
        speaker_entity: r.get(7)?,
        speaker_title: r.get(8)?,
        source_kind: r.get(9)?,
        article: r.get(10)?,
        article_title: r.get(11)?,
        outlet: r.get(12)?,
        date: r.get(13)?,
    })
}

impl Store {
    /// Quotes matching the filters, newest first.
    pub fn quotes(&self, q: &QuoteQuery) -> Result<Vec<QuoteHit>, StoreError> {
        let limit = crate::limits::QUOTES.or_default(q.limit)?;
        let mut sql = format!("{QUOTE_SELECT} WHERE 1=1");
        let mut args: Vec<Sql> = Vec::new();
        if let Some(s) = q.speaker.as_deref().filter(|s| !s.trim().is_empty()) {
            let ids = self.match_entities(s, 50)?;
            if ids.is_empty() {
                // no knowledge-base entity: match the source as written (groups, anonymous sources)
                sql += " AND q.source_name LIKE ? ESCAPE '\\'";
                args.push(Sql::Text(like(s.trim())));
            } else {
                let list = ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
                sql += &format!(" AND q.speaker_entity IN ({list})");
            }
        }
        if let Some(a) = q.about.as_deref().filter(|s| !s.trim().is_empty()) {
            let hits = self.fts().search(Kind::Quote, a, 2000)?;
            if hits.is_empty() {
                return Ok(vec![]);
            }
            sql += &format!(" AND q.id IN ({})", hits.iter().map(|h| h.0.to_string()).collect::<Vec<_>>().join(","));
        }
        if let Some(f) = &q.from {
            sql += " AND q.date >= ?";
            args.push(Sql::Text(crate::check_date(f)?));
        }
        if let Some(t) = &q.to {
            sql += " AND q.date <= ?";
            // inclusive of the whole day/month/year
            args.push(Sql::Text(format!("{}~", crate::check_date(t)?)));
        }
        if let Some(a) = q.article {
            sql += " AND q.article = ?";
            args.push(Sql::Integer(a));
        }
        sql += &format!(" ORDER BY q.date DESC, q.id LIMIT {limit}");
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args), quote_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One quote.
    pub fn quote(&self, id: i64) -> Result<Option<QuoteHit>, StoreError> {
        let sql = format!("{QUOTE_SELECT} WHERE q.id = ?1");
        Ok(self.conn().query_row(&sql, [id], quote_row).optional()?)
    }

    /// Names of speakers with the most quotes (for benchmarks and the UI's suggestions).
    pub fn top_speakers(&self, limit: usize) -> Result<Vec<String>, StoreError> {
        let mut st = self.conn().prepare_cached(
            "SELECT e.name FROM quotes q JOIN entities e ON e.id = q.speaker_entity GROUP BY e.id ORDER BY COUNT(*) DESC LIMIT ?1",
        )?;
        let rows = st.query_map([limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
