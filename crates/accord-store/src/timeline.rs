//! The timeline: dated quotes, facts and events in date order.

use crate::fts::Kind;
use crate::quotes::{quote_row, QUOTE_SELECT};
use crate::{like, Store, StoreError};
use rusqlite::{params_from_iter, types::Value as Sql};
use serde::Serialize;

/// One dated item on a timeline.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct TimelineItem {
    /// `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    pub date: String,
    /// `quote`, `fact` or `event`.
    pub kind: String,
    /// The quote, the sentence stating the fact, or the sentence of the event's first report.
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
    /// Event id (events).
    pub event: Option<i64>,
    /// PLOVER type (events).
    pub event_type: Option<String>,
    /// Who did it to whom (events): `source → target`, either side may be missing.
    pub actors: Option<String>,
    /// PLOVER quad class (events).
    pub quad: Option<String>,
    /// Code-point offsets in the article text.
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
}

impl Store {
    /// Dated quotes, facts and events in date order, optionally about one entity (its quotes, the dated
    /// facts naming it, the events it is party to) and/or matching text. Events are those that happened
    /// (asserted or reported, not negated, hypothetical, future or proposed) with an identified actor.
    pub fn timeline(
        &self,
        entity: Option<&str>,
        about: Option<&str>,
        limit: usize,
    ) -> Result<Vec<TimelineItem>, StoreError> {
        let limit = crate::limits::TIMELINE.check(limit)?;
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
                event: None,
                event_type: None,
                actors: None,
                quad: None,
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
                event: None,
                event_type: None,
                actors: None,
                quad: None,
                start: r.get(5)?,
                end: r.get(6)?,
            })
        })?;
        for r in rows {
            items.push(r?);
        }
        // events that happened (asserted or reported) and whose source or target is identified (an
        // entity or an actor code), each with the sentence of its first report; `Store::events` lists all
        let mut esql = "SELECT v.id, v.date, v.type, v.cameo, v.source_name, v.target_name, r.sentence, r.article, \
                        COALESCE(a.title, a.doc_id), r.start, r.end FROM events v \
                        JOIN event_reports r ON r.id = (SELECT MIN(id) FROM event_reports WHERE event = v.id) \
                        JOIN articles a ON a.id = r.article WHERE v.date IS NOT NULL AND v.fact_class = 'factual' \
                        AND COALESCE(v.source_entity, v.source_code, v.target_entity, v.target_code) IS NOT NULL"
            .to_string();
        let mut args: Vec<Sql> = Vec::new();
        if let Some(ids) = &ents {
            let list = ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
            esql += &format!(" AND (v.source_entity IN ({list}) OR v.target_entity IN ({list}))");
        }
        if let Some(a) = about {
            for w in a.split_whitespace().take(8) {
                esql += " AND r.sentence LIKE ? ESCAPE '\\'";
                args.push(Sql::Text(like(w)));
            }
        }
        esql += &format!(" ORDER BY v.date, v.id LIMIT {limit}");
        let mut st = self.conn().prepare(&esql)?;
        let rows = st.query_map(params_from_iter(args), |r| {
            let etype: String = r.get(2)?;
            let cameo: Option<String> = r.get(3)?;
            let (src, tgt): (Option<String>, Option<String>) = (r.get(4)?, r.get(5)?);
            let actors = match (src, tgt) {
                (None, None) => None,
                (s, t) => Some(format!("{} → {}", s.unwrap_or_else(|| "?".into()), t.unwrap_or_else(|| "?".into()))),
            };
            Ok(TimelineItem {
                date: r.get(1)?,
                kind: "event".into(),
                text: r.get(6)?,
                speaker: None,
                expression: None,
                article: r.get(7)?,
                article_title: r.get(8)?,
                quote: None,
                event: Some(r.get(0)?),
                quad: crate::events::quad(&etype, cameo.as_deref()).map(String::from),
                event_type: Some(etype),
                actors,
                start: r.get(9)?,
                end: r.get(10)?,
            })
        })?;
        for r in rows {
            items.push(r?);
        }
        items.sort_by(|a, b| a.date.cmp(&b.date).then(a.article.cmp(&b.article)).then(a.start.cmp(&b.start)));
        items.truncate(limit);
        Ok(items)
    }
}
