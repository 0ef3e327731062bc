//! Stored articles (with their `accord/1` JSON) and counts of what is stored.

use crate::search::ArticleHit;
use crate::{Store, StoreError};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// An article record with its stored `accord/1` JSON.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleRecord {
    /// Article id.
    pub id: i64,
    /// Input id (file name, JSONL id, URL).
    pub doc_id: String,
    /// Title.
    pub title: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Source file.
    pub path: Option<String>,
    /// The original this one copies, if a near-duplicate.
    pub dup_of: Option<i64>,
    /// Near-duplicate copies of this article (id, outlet).
    pub copies: Vec<(i64, Option<String>)>,
    /// Knowledge-base entity id for each local entity id (`e1` → 17).
    pub entity_ids: std::collections::BTreeMap<String, i64>,
    /// Knowledge-base event id for each local event id (`v1` → 5): the event the report belongs to.
    pub event_ids: std::collections::BTreeMap<String, i64>,
    /// The stored `accord/1` document (without tokens), unchanged.
    pub document: serde_json::Value,
}

/// Counts of what is stored.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Stats {
    /// Articles (including near-duplicates).
    pub articles: i64,
    /// Near-duplicate copies.
    pub near_duplicates: i64,
    /// Quotes.
    pub quotes: i64,
    /// Entities.
    pub entities: i64,
    /// Quantities.
    pub quantities: i64,
    /// Events (each reported by one or more articles).
    pub events: i64,
    /// Schema version.
    pub schema_version: i64,
}

impl Store {
    /// One article with its stored `accord/1` JSON.
    pub fn article(&self, id: i64) -> Result<Option<ArticleRecord>, StoreError> {
        let c = self.conn();
        let Some(mut rec) = c
            .query_row(
                "SELECT id, doc_id, title, date, outlet, author, url, path, dup_of, json FROM articles WHERE id=?1",
                [id],
                |r| {
                    let json: String = r.get(9)?;
                    Ok(ArticleRecord {
                        id: r.get(0)?,
                        doc_id: r.get(1)?,
                        title: r.get(2)?,
                        date: r.get(3)?,
                        outlet: r.get(4)?,
                        author: r.get(5)?,
                        url: r.get(6)?,
                        path: r.get(7)?,
                        dup_of: r.get(8)?,
                        copies: vec![],
                        entity_ids: Default::default(),
                        event_ids: Default::default(),
                        document: serde_json::from_str(&json).unwrap_or(serde_json::Value::Null),
                    })
                },
            )
            .optional()?
        else {
            return Ok(None);
        };
        rec.copies = c
            .prepare_cached("SELECT id, outlet FROM articles WHERE dup_of=?1 ORDER BY id")?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        rec.entity_ids = c
            .prepare_cached("SELECT local_id, entity FROM article_entities WHERE article=?1")?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        rec.event_ids = c
            .prepare_cached("SELECT local_id, event FROM event_reports WHERE article=?1")?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(Some(rec))
    }

    /// Recent articles (newest id first).
    pub fn articles(&self, limit: usize, offset: usize) -> Result<Vec<ArticleHit>, StoreError> {
        let limit = crate::limits::ARTICLES.check(limit)?;
        let mut st = self.conn().prepare_cached(
            "SELECT id, title, date, outlet, substr(text, 1, 200) FROM articles WHERE dup_of IS NULL ORDER BY id DESC LIMIT ?1 OFFSET ?2",
        )?;
        let rows = st.query_map([limit as i64, offset as i64], |r| {
            Ok(ArticleHit {
                id: r.get(0)?,
                title: r.get(1)?,
                date: r.get(2)?,
                outlet: r.get(3)?,
                snippet: r.get(4)?,
                score: 0.0,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Counts of stored things.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let c = self.conn();
        let n = |sql: &str| -> Result<i64, StoreError> { Ok(c.query_row(sql, [], |r| r.get(0))?) };
        Ok(Stats {
            articles: n("SELECT COUNT(*) FROM articles")?,
            near_duplicates: n("SELECT COUNT(*) FROM articles WHERE dup_of IS NOT NULL")?,
            quotes: n("SELECT COUNT(*) FROM quotes")?,
            entities: n("SELECT COUNT(*) FROM entities")?,
            quantities: n("SELECT COUNT(*) FROM quantities")?,
            events: n("SELECT COUNT(*) FROM events")?,
            schema_version: self.schema_version()?,
        })
    }
}
