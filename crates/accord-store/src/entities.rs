//! Entities across articles: lookup by any written form of a name, and everything known about one.

use crate::events::EventHit;
use crate::quotes::{quote_row, QuoteHit, QUOTE_SELECT};
use crate::{like, names, Store, StoreError};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// A short entity reference.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EntityRef {
    /// Entity id.
    pub id: i64,
    /// Canonical name.
    pub name: String,
    /// `PERSON`, `ORG`, …
    #[serde(rename = "type")]
    pub etype: String,
    /// Articles it appears in, or shared articles for related entities.
    pub count: i64,
}

/// A title with the dates it was seen.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct TitleSeen {
    /// The title (`President`, `White House press secretary`).
    pub title: String,
    /// First publication date it was seen on.
    pub first_seen: Option<String>,
    /// Last publication date it was seen on.
    pub last_seen: Option<String>,
    /// How often.
    pub count: i64,
}

/// Everything the knowledge base knows about one entity.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EntityDetail {
    /// Entity id.
    pub id: i64,
    /// Canonical name.
    pub name: String,
    /// `PERSON`, `ORG`, …
    #[serde(rename = "type")]
    pub etype: String,
    /// Every form it was written in, most frequent first.
    pub aliases: Vec<String>,
    /// Titles with dates.
    pub titles: Vec<TitleSeen>,
    /// Sides or countries, most frequent first.
    pub affiliations: Vec<String>,
    /// Mentions across articles.
    pub mentions: i64,
    /// Articles it appears in.
    pub articles: i64,
    /// Quotes credited to it.
    pub quote_count: i64,
    /// Entities that share articles with it, most shared first.
    pub related: Vec<EntityRef>,
    /// Its latest quotes.
    pub quotes: Vec<QuoteHit>,
    /// Events it is party to (source or target).
    pub event_count: i64,
    /// The latest of those events.
    pub events: Vec<EventHit>,
}

impl Store {
    /// Entity ids matching a name in any written form (`Mr Trump`, `Donald J. Trump`, `trump`).
    pub fn match_entities(&self, name: &str, limit: usize) -> Result<Vec<i64>, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Ok(vec![]);
        }
        let mut ids: Vec<(i64, i64)> = Vec::new();
        if let Some(n) = names::person(name) {
            let mut st = self.conn().prepare_cached("SELECT id, first, mentions FROM entities WHERE key=?1")?;
            let rows = st.query_map([&n.key], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, i64>(2)?))
            })?;
            for r in rows {
                let (id, first, m) = r?;
                if names::first_compatible(first.as_deref(), n.first.as_deref()) {
                    ids.push((id, m));
                }
            }
        }
        if let Some(n) = names::other(name) {
            let mut st = self.conn().prepare_cached("SELECT id, mentions FROM entities WHERE key=?1")?;
            for r in st.query_map([&n.key], |r| Ok((r.get(0)?, r.get(1)?)))? {
                ids.push(r?);
            }
        }
        if ids.is_empty() {
            let mut st = self.conn().prepare_cached(
                "SELECT e.id, e.mentions FROM entities e WHERE e.name LIKE ?1 ESCAPE '\\' \
                 UNION SELECT n.entity, 0 FROM entity_names n WHERE n.name LIKE ?1 ESCAPE '\\' LIMIT 200",
            )?;
            for r in st.query_map([like(name)], |r| Ok((r.get(0)?, r.get(1)?)))? {
                ids.push(r?);
            }
        }
        ids.sort_by_key(|&(id, m)| (std::cmp::Reverse(m), id));
        let mut out: Vec<i64> = Vec::new();
        for (id, _) in ids {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out.truncate(limit);
        Ok(out)
    }
    /// The entity best matching `name` (most mentions).
    pub fn find_entity(&self, name: &str) -> Result<Option<EntityDetail>, StoreError> {
        match self.match_entities(name, 1)?.first() {
            Some(&id) => self.entity(id),
            None => Ok(None),
        }
    }

    /// Entities whose name matches, most mentioned first.
    pub fn entities(&self, name: &str, limit: usize) -> Result<Vec<EntityRef>, StoreError> {
        let ids = self.match_entities(name, crate::limits::ENTITIES.check(limit)?)?;
        let mut out = Vec::new();
        let mut st = self.conn().prepare_cached("SELECT id, name, type, articles FROM entities WHERE id=?1")?;
        for id in ids {
            out.push(st.query_row([id], |r| {
                Ok(EntityRef { id: r.get(0)?, name: r.get(1)?, etype: r.get(2)?, count: r.get(3)? })
            })?);
        }
        Ok(out)
    }

    /// Everything about one entity.
    pub fn entity(&self, id: i64) -> Result<Option<EntityDetail>, StoreError> {
        let c = self.conn();
        let Some((name, etype, mentions, articles)) = c
            .query_row("SELECT name, type, mentions, articles FROM entities WHERE id=?1", [id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?
        else {
            return Ok(None);
        };
        let aliases = c
            .prepare_cached("SELECT name FROM entity_names WHERE entity=?1 ORDER BY count DESC, name LIMIT 30")?
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let titles = c
            .prepare_cached(
                "SELECT title, first_seen, last_seen, count FROM entity_titles WHERE entity=?1 ORDER BY last_seen DESC, count DESC",
            )?
            .query_map([id], |r| Ok(TitleSeen { title: r.get(0)?, first_seen: r.get(1)?, last_seen: r.get(2)?, count: r.get(3)? }))?
            .collect::<Result<_, _>>()?;
        let affiliations = c
            .prepare_cached("SELECT affiliation FROM entity_affiliations WHERE entity=?1 ORDER BY count DESC")?
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let quote_count = c.query_row("SELECT COUNT(*) FROM quotes WHERE speaker_entity=?1", [id], |r| r.get(0))?;
        let related = c
            .prepare_cached(
                "SELECT e.id, e.name, e.type, COUNT(DISTINCT b.article) n FROM article_entities a \
                 JOIN article_entities b ON b.article = a.article AND b.entity != a.entity \
                 JOIN entities e ON e.id = b.entity WHERE a.entity=?1 GROUP BY e.id ORDER BY n DESC, e.mentions DESC LIMIT 15",
            )?
            .query_map([id], |r| Ok(EntityRef { id: r.get(0)?, name: r.get(1)?, etype: r.get(2)?, count: r.get(3)? }))?
            .collect::<Result<_, _>>()?;
        let quotes = {
            let sql = format!("{QUOTE_SELECT} WHERE q.speaker_entity=?1 ORDER BY q.date DESC, q.id LIMIT 20");
            let mut st = c.prepare_cached(&sql)?;
            let rows = st.query_map([id], quote_row)?;
            rows.collect::<Result<_, _>>()?
        };
        let (events, event_count) = self.entity_events(id, 20)?;
        Ok(Some(EntityDetail {
            id,
            name,
            etype,
            aliases,
            titles,
            affiliations,
            mentions,
            articles,
            quote_count,
            related,
            quotes,
            event_count,
            events,
        }))
    }
}
