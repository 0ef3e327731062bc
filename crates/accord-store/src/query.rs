//! Queries over the knowledge base: quotes, entities, timelines, the claims ledger, search, articles.
//! Every result type serialises to the JSON the CLI prints with `--json` and the API serves.

use crate::fts::Kind;
use crate::{names, Store, StoreError};
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
    /// At most this many (default 50).
    pub limit: Option<usize>,
}

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
}

/// One dated item on a timeline.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct TimelineItem {
    /// `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    pub date: String,
    /// `quote` or `fact`.
    pub kind: String,
    /// The quote or the sentence stating the fact.
    pub text: String,
    /// Speaker (quotes).
    pub speaker: Option<String>,
    /// The date expression (facts).
    pub expression: Option<String>,
    /// Article id.
    pub article: i64,
    /// Article title.
    pub article_title: Option<String>,
    /// Quote id (quotes).
    pub quote: Option<i64>,
    /// Code-point offsets in the article text.
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
}

/// One report of a counted quantity.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ClaimEntry {
    /// The number.
    pub value: f64,
    /// `exact`, `approximately`, `at least`, …
    pub qualifier: String,
    /// Who gave it (attribution source, else the outlet).
    pub source: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Article id.
    pub article: i64,
    /// Article title.
    pub article_title: Option<String>,
    /// Publication date.
    pub date: Option<String>,
    /// The phrase.
    pub text: String,
    /// Code-point offsets in the article.
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// Hedge words.
    pub hedge: Option<String>,
    /// True when another source gave an incompatible value on the same date.
    pub disputed: bool,
}

/// A disagreement: incompatible values for one quantity on one date.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Disagreement {
    /// The date.
    pub date: String,
    /// (source, qualifier, value) of each report that day.
    pub reports: Vec<(Option<String>, String, f64)>,
}

/// The ledger of one counted quantity.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ClaimGroup {
    /// What is counted, as most often written.
    pub counted: String,
    /// Normalised key.
    pub key: String,
    /// Reports in date order.
    pub entries: Vec<ClaimEntry>,
    /// Dates on which sources disagree.
    pub disagreements: Vec<Disagreement>,
}

/// An article search hit.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ArticleHit {
    /// Article id.
    pub id: i64,
    /// Title.
    pub title: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// A piece of text around the first match.
    pub snippet: String,
    /// Search score.
    pub score: f32,
}

/// Results of [`Store::search`].
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SearchResults {
    /// Entities whose names match.
    pub entities: Vec<EntityRef>,
    /// Quotes by a matching speaker or with matching text.
    pub quotes: Vec<QuoteHit>,
    /// Articles with matching text.
    pub articles: Vec<ArticleHit>,
}

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
    /// Schema version.
    pub schema_version: i64,
}

const QUOTE_SELECT: &str = "SELECT q.id, q.local_id, q.type, q.content, q.start, q.end, \
    COALESCE(e.name, q.source_name, q.speaker_text), q.speaker_entity, \
    (SELECT t.title FROM entity_titles t WHERE t.entity = q.speaker_entity ORDER BY t.last_seen DESC, t.count DESC LIMIT 1), \
    q.source_kind, q.article, COALESCE(a.title, a.doc_id), a.outlet, q.date \
    FROM quotes q JOIN articles a ON a.id = q.article LEFT JOIN entities e ON e.id = q.speaker_entity";

fn quote_row(r: &Row) -> rusqlite::Result<QuoteHit> {
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

/// Checks a `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) filter value.
pub fn check_date(d: &str) -> Result<String, StoreError> {
    let ok = match d.len() {
        4 => d.bytes().all(|b| b.is_ascii_digit()),
        7 => d.as_bytes()[4] == b'-' && d.bytes().enumerate().all(|(i, b)| i == 4 || b.is_ascii_digit()),
        10 => accord_doc_date(d),
        _ => false,
    };
    if ok {
        Ok(d.to_string())
    } else {
        Err(StoreError::Invalid(format!("date {d:?} is not YYYY-MM-DD")))
    }
}

fn accord_doc_date(d: &str) -> bool {
    let b = d.as_bytes();
    b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&d[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&d[8..10].parse::<u32>().unwrap_or(0))
}

fn like(s: &str) -> String {
    format!("%{}%", s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

/// Counted keys that are units rather than counted things; left out of the claims ledger.
pub const UNIT_KEYS: &[&str] = &[
    "percent",
    "per cent",
    "%",
    "percentage point",
    "point",
    "time",
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
    "dollar",
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "cent",
    "mile",
    "kilometer",
    "kilometre",
    "meter",
    "metre",
    "foot",
    "feet",
    "pound",
    "euro",
    "percentage",
];

/// Interval a qualified value allows, for spotting disagreements.
fn interval(q: &str, v: f64) -> (f64, f64) {
    match q {
        "at least" | "more than" | "over" => (v, f64::INFINITY),
        "at most" | "less than" | "up to" | "fewer than" | "under" => (f64::NEG_INFINITY, v),
        "approximately" | "about" | "around" | "nearly" | "almost" => (v * 0.9, v * 1.1),
        _ => (v, v),
    }
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

    /// Quotes matching the filters, newest first.
    pub fn quotes(&self, q: &QuoteQuery) -> Result<Vec<QuoteHit>, StoreError> {
        let limit = q.limit.unwrap_or(50).clamp(1, 1000);
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
            args.push(Sql::Text(check_date(f)?));
        }
        if let Some(t) = &q.to {
            sql += " AND q.date <= ?";
            // inclusive of the whole day/month/year
            args.push(Sql::Text(format!("{}~", check_date(t)?)));
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

    /// The entity best matching `name` (most mentions).
    pub fn find_entity(&self, name: &str) -> Result<Option<EntityDetail>, StoreError> {
        match self.match_entities(name, 1)?.first() {
            Some(&id) => self.entity(id),
            None => Ok(None),
        }
    }

    /// Entities whose name matches, most mentioned first.
    pub fn entities(&self, name: &str, limit: usize) -> Result<Vec<EntityRef>, StoreError> {
        let ids = self.match_entities(name, limit.clamp(1, 500))?;
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
        }))
    }

    /// Dated quotes and facts in date order, optionally about one entity and/or matching text.
    pub fn timeline(
        &self,
        entity: Option<&str>,
        about: Option<&str>,
        limit: usize,
    ) -> Result<Vec<TimelineItem>, StoreError> {
        let limit = limit.clamp(1, 5000);
        let ents = match entity.filter(|e| !e.trim().is_empty()) {
            Some(e) => {
                let ids = self.match_entities(e, 20)?;
                if ids.is_empty() {
                    return Ok(vec![]);
                }
                Some(ids)
            }
            None => None,
        };
        let about = about.filter(|a| !a.trim().is_empty());
        let mut items = Vec::new();
        // quotes
        let mut qsql = format!("{QUOTE_SELECT} WHERE q.date IS NOT NULL");
        if let Some(ids) = &ents {
            qsql += &format!(
                " AND q.speaker_entity IN ({})",
                ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")
            );
        }
        if let Some(a) = about {
            let hits = self.fts().search(Kind::Quote, a, 2000)?;
            qsql += &format!(
                " AND q.id IN ({})",
                hits.iter().map(|h| h.0.to_string()).chain(["-1".to_string()]).collect::<Vec<_>>().join(",")
            );
        }
        qsql += &format!(" ORDER BY q.date, q.id LIMIT {limit}");
        for q in self.conn().prepare(&qsql)?.query_map([], quote_row)? {
            let q = q?;
            items.push(TimelineItem {
                date: q.date.clone().unwrap_or_default(),
                kind: "quote".into(),
                text: q.content,
                speaker: q.speaker,
                expression: None,
                article: q.article,
                article_title: q.article_title,
                quote: Some(q.id),
                start: q.start,
                end: q.end,
            });
        }
        // facts
        let mut fsql = "SELECT f.value, f.sentence, f.expression, f.article, COALESCE(a.title, a.doc_id), f.start, f.end FROM facts f \
                        JOIN articles a ON a.id = f.article WHERE 1=1"
            .to_string();
        let mut args: Vec<Sql> = Vec::new();
        if let Some(ids) = &ents {
            let list = ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
            fsql += &format!(
                " AND f.article IN (SELECT article FROM article_entities WHERE entity IN ({list})) \
                  AND EXISTS (SELECT 1 FROM entities e WHERE e.id IN ({list}) AND instr(lower(f.sentence), e.key) > 0)"
            );
        }
        if let Some(a) = about {
            for w in a.split_whitespace().take(8) {
                fsql += " AND f.sentence LIKE ? ESCAPE '\\'";
                args.push(Sql::Text(like(w)));
            }
        }
        fsql += &format!(" ORDER BY f.value, f.id LIMIT {limit}");
        let mut st = self.conn().prepare(&fsql)?;
        let rows = st.query_map(params_from_iter(args), |r| {
            Ok(TimelineItem {
                date: r.get(0)?,
                kind: "fact".into(),
                text: r.get(1)?,
                speaker: None,
                expression: r.get(2)?,
                article: r.get(3)?,
                article_title: r.get(4)?,
                quote: None,
                start: r.get(5)?,
                end: r.get(6)?,
            })
        })?;
        for r in rows {
            items.push(r?);
        }
        items.sort_by(|a, b| a.date.cmp(&b.date).then(a.article.cmp(&b.article)).then(a.start.cmp(&b.start)));
        items.truncate(limit);
        Ok(items)
    }

    /// The claims ledger: every counted quantity (optionally matching `about`) with its reports by
    /// source and date, disagreements flagged. Groups with the most reports come first.
    pub fn claims(&self, about: Option<&str>, limit: usize) -> Result<Vec<ClaimGroup>, StoreError> {
        let mut sql = "SELECT q.counted_key, q.counted, q.value, q.qualifier, q.source, a.outlet, q.article, COALESCE(a.title, a.doc_id), \
                       q.date, q.text, q.start, q.end, q.hedge FROM quantities q JOIN articles a ON a.id = q.article \
                       WHERE q.counted_key IS NOT NULL AND q.counted_key != ''"
            .to_string();
        // bare units ("percent", "year") say how, not what, is counted: reports of them are not comparable
        sql += &format!(
            " AND q.counted_key NOT IN ({})",
            UNIT_KEYS.iter().map(|u| format!("'{u}'")).collect::<Vec<_>>().join(",")
        );
        let mut args: Vec<Sql> = Vec::new();
        if let Some(a) = about.filter(|a| !a.trim().is_empty()) {
            sql += " AND (q.counted_key LIKE ?1 ESCAPE '\\' OR q.counted LIKE ?1 ESCAPE '\\' OR q.text LIKE ?1 ESCAPE '\\')";
            args.push(Sql::Text(like(&crate::counted_key(a))));
        }
        sql += " ORDER BY q.counted_key, q.date, q.id";
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map(params_from_iter(args), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                ClaimEntry {
                    value: r.get(2)?,
                    qualifier: r.get(3)?,
                    source: r.get(4)?,
                    outlet: r.get(5)?,
                    article: r.get(6)?,
                    article_title: r.get(7)?,
                    date: r.get(8)?,
                    text: r.get(9)?,
                    start: r.get(10)?,
                    end: r.get(11)?,
                    hedge: r.get(12)?,
                    disputed: false,
                },
            ))
        })?;
        let mut groups: Vec<ClaimGroup> = Vec::new();
        let mut spellings: Vec<std::collections::HashMap<String, usize>> = Vec::new();
        for r in rows {
            let (key, counted, e) = r?;
            if !matches!(groups.last(), Some(g) if g.key == key) {
                groups.push(ClaimGroup {
                    counted: String::new(),
                    key: key.clone(),
                    entries: vec![],
                    disagreements: vec![],
                });
                spellings.push(Default::default());
            }
            *spellings.last_mut().unwrap().entry(counted.unwrap_or_else(|| key.clone())).or_default() += 1;
            groups.last_mut().unwrap().entries.push(e);
        }
        for (g, sp) in groups.iter_mut().zip(spellings) {
            g.counted = sp
                .into_iter()
                .max_by_key(|(s, n)| (*n, std::cmp::Reverse(s.clone())))
                .map(|(s, _)| s)
                .unwrap_or_default();
            // disagreements: same date, different sources, incompatible intervals
            let mut i = 0;
            while i < g.entries.len() {
                let date = g.entries[i].date.clone();
                let j = i + g.entries[i..].iter().take_while(|e| e.date == date).count();
                if let Some(d) = date {
                    let day = &mut g.entries[i..j];
                    let mut conflict = vec![false; day.len()];
                    for a in 0..day.len() {
                        for b in a + 1..day.len() {
                            let (x, y) = (&day[a], &day[b]);
                            let src = |e: &ClaimEntry| e.source.clone().or(e.outlet.clone());
                            if src(x) == src(y) {
                                continue;
                            }
                            let (ia, ib) = (interval(&x.qualifier, x.value), interval(&y.qualifier, y.value));
                            if ia.1 < ib.0 || ib.1 < ia.0 {
                                conflict[a] = true;
                                conflict[b] = true;
                            }
                        }
                    }
                    if conflict.iter().any(|c| *c) {
                        let mut reports = Vec::new();
                        for (e, c) in day.iter_mut().zip(&conflict) {
                            e.disputed = *c;
                            reports.push((e.source.clone().or(e.outlet.clone()), e.qualifier.clone(), e.value));
                        }
                        g.disagreements.push(Disagreement { date: d, reports });
                    }
                }
                i = j;
            }
        }
        groups.sort_by(|a, b| b.entries.len().cmp(&a.entries.len()).then(a.key.cmp(&b.key)));
        groups.truncate(limit.clamp(1, 1000));
        Ok(groups)
    }

    /// Full-text search over entities, quotes and articles.
    pub fn search(&self, q: &str, limit: usize) -> Result<SearchResults, StoreError> {
        let limit = limit.clamp(1, 200);
        let q = q.trim();
        if q.is_empty() {
            return Ok(SearchResults { entities: vec![], quotes: vec![], articles: vec![] });
        }
        let entities = self.entities(q, 10)?;
        let mut quotes =
            self.quotes(&QuoteQuery { speaker: Some(q.to_string()), limit: Some(limit), ..Default::default() })?;
        if quotes.len() < limit {
            for h in self.fts().search(Kind::Quote, q, limit)? {
                if quotes.len() >= limit {
                    break;
                }
                if !quotes.iter().any(|x| x.id == h.0) {
                    if let Some(x) = self.quote(h.0)? {
                        quotes.push(x);
                    }
                }
            }
        }
        let mut articles = Vec::new();
        let mut st = self.conn().prepare_cached("SELECT title, date, outlet, text FROM articles WHERE id=?1")?;
        for (id, score) in self.fts().search(Kind::Article, q, limit)? {
            let (title, date, outlet, text): (Option<String>, Option<String>, Option<String>, String) =
                st.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
            articles.push(ArticleHit { id, title, date, outlet, snippet: snippet(&text, q), score });
        }
        Ok(SearchResults { entities, quotes, articles })
    }

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
        Ok(Some(rec))
    }

    /// Recent articles (newest id first).
    pub fn articles(&self, limit: usize, offset: usize) -> Result<Vec<ArticleHit>, StoreError> {
        let mut st = self.conn().prepare_cached(
            "SELECT id, title, date, outlet, substr(text, 1, 200) FROM articles WHERE dup_of IS NULL ORDER BY id DESC LIMIT ?1 OFFSET ?2",
        )?;
        let rows = st.query_map([limit.clamp(1, 1000) as i64, offset as i64], |r| {
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
            schema_version: self.schema_version()?,
        })
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

/// About 200 characters of `text` around the first word of `q` found in it.
pub fn snippet(text: &str, q: &str) -> String {
    let lower = text.to_lowercase();
    let pos = q
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| w.len() > 1)
        .find_map(|w| lower.find(&w))
        .unwrap_or(0);
    // map the byte offset of `lower` to `text` conservatively via char counts
    let chars_before = lower[..pos.min(lower.len())].chars().count();
    let start = chars_before.saturating_sub(80);
    let s: String = text.chars().skip(start).take(220).collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if start > 0 {
        format!("…{s}…")
    } else {
        format!("{s}…")
    }
}
