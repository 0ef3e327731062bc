//! Political events (PLOVER): who did what to whom, where and when, across articles.
//!
//! Each `accord/1` event becomes a report (`event_reports`: the article, the trigger and the sentence, its
//! factuality) of a knowledge-base event (`events`). Reports from different articles — or twice in one —
//! are one event when they agree on:
//!
//! * the PLOVER type, and the factuality class (asserted and reported events are facts; negated,
//!   hypothetical, future and proposed ones each stay apart);
//! * the actors, source with source and target with target: two actors are the same when both resolve to
//!   the same knowledge-base entity, or (when one of them is not linked to an entity) when both carry the
//!   same actor code (`USA GOV`); two slots that are both empty agree; an event with neither actor known
//!   is never merged. A named actor the events stage did not link (`Hamas officials`, coded `PSE REB
//!   Hamas`) is linked to the article's entity of that name (`Hamas`) when there is one;
//! * the place, when both name one (the same entity, else the same country, else the same words);
//! * the date: the event's own resolved date, else the article's publication date; full dates within a
//!   day of each other, months and years equal.
//!
//! What the first report left unknown (mode, CAMEO code, an actor's entity or code, the place) is filled
//! in by later ones. Wire copies (near-duplicate articles) add no reports, as they add no quotes.
//!
//! The quad class of a type (verbal/material cooperation/conflict) comes from accord-lexicon's
//! `data/events/quads.tsv` ([`quad`]).

use crate::{like, Store, StoreError};
use accord_doc::schema::{DocumentOut, EventArgOut, EventOut};
use rusqlite::{params, params_from_iter, types::Value as Sql, Connection, OptionalExtension};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// `(type, CAMEO prefix, quad)` rows of `events/quads.tsv`.
fn quads() -> &'static Vec<(&'static str, &'static str, &'static str)> {
    static Q: OnceLock<Vec<(&'static str, &'static str, &'static str)>> = OnceLock::new();
    Q.get_or_init(|| {
        accord_lexicon::rows("events/quads.tsv")
            .filter(|r| r.len() >= 3 && !r[0].is_empty() && !r[2].is_empty())
            .map(|r| (r[0], r[1], r[2]))
            .collect()
    })
}

/// The PLOVER quad class of an event type (`verbal_cooperation`, `material_cooperation`,
/// `verbal_conflict`, `material_conflict`), refined by its CAMEO code where the data file splits a type
/// (the longest matching prefix wins); `None` for a type the file does not know.
pub fn quad(etype: &str, cameo: Option<&str>) -> Option<&'static str> {
    let t = etype.trim().to_ascii_uppercase();
    let cameo = cameo.unwrap_or("");
    quads()
        .iter()
        .filter(|(ty, prefix, _)| *ty == t && cameo.starts_with(prefix))
        .max_by_key(|(_, prefix, _)| prefix.len())
        .map(|(_, _, q)| *q)
}

/// Every event type the quad file knows, in its order.
pub fn known_types() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (t, _, _) in quads() {
        if !out.contains(t) {
            out.push(t);
        }
    }
    out
}

/// One side of an event (who acts, or who is acted on).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EventActor {
    /// The knowledge-base entity's name, else the actor's phrase as written.
    pub name: String,
    /// Knowledge-base entity, when the actor was linked to one.
    pub entity: Option<i64>,
    /// Actor code (`USA GOV`, `PSE REB Hamas`).
    pub code: Option<String>,
    /// ISO 3166 alpha-3 country (or `IGO`).
    pub country: Option<String>,
    /// Sector (`GOV`, `MIL`, `REB`…).
    pub sector: Option<String>,
}

/// Where an event happened.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EventPlace {
    /// The place's entity name, else its phrase.
    pub name: String,
    /// Knowledge-base entity of the place.
    pub entity: Option<i64>,
    /// ISO 3166 alpha-3 country of the place.
    pub country: Option<String>,
}

/// One article's report of an event: the evidence.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EventReport {
    /// Article id.
    pub article: i64,
    /// Article title.
    pub article_title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// The article's publication date.
    pub published: Option<String>,
    /// `v1`… within its article.
    pub local_id: String,
    /// The trigger word or phrase.
    pub trigger: String,
    /// Code-point offsets of the trigger in the article text.
    pub trigger_start: i64,
    /// End (exclusive).
    pub trigger_end: i64,
    /// The sentence holding it.
    pub sentence: String,
    /// Code-point offsets of the sentence.
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// `asserted`, `reported`, `negated`, `hypothetical`, `future`, `proposed`.
    pub factuality: String,
    /// True when this article tells it as background.
    pub background: bool,
    /// The model's confidence in the type, 0..1.
    pub confidence: f64,
    /// The quote (knowledge-base id) the event is reported in, if any.
    pub quote: Option<i64>,
}

/// An event with its reports.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EventHit {
    /// Event id.
    pub id: i64,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub etype: String,
    /// PLOVER mode, when known.
    pub mode: Option<String>,
    /// CAMEO code, when known.
    pub cameo: Option<String>,
    /// PLOVER quad class: `verbal_cooperation`, `material_cooperation`, `verbal_conflict`,
    /// `material_conflict` (from `data/events/quads.tsv`).
    pub quad: Option<String>,
    /// When: the event's own date, else the publication date of its first report (`YYYY-MM-DD`, or
    /// `YYYY-MM`, `YYYY`).
    pub date: Option<String>,
    /// The strongest factuality of its reports (`asserted` over `reported`).
    pub factuality: String,
    /// True when every report tells it as background.
    pub background: bool,
    /// Who acts.
    pub source: Option<EventActor>,
    /// Who is acted on.
    pub target: Option<EventActor>,
    /// Where.
    pub location: Option<EventPlace>,
    /// Articles reporting it.
    pub reports: i64,
    /// Reports in all (an article may report it more than once).
    pub mentions: i64,
    /// Ids of the articles reporting it, oldest first.
    pub articles: Vec<i64>,
    /// The reports, oldest article first (at most 20).
    pub evidence: Vec<EventReport>,
}

/// Filters for [`Store::events`].
#[derive(Clone, Debug, Default)]
pub struct EventQuery {
    /// An actor, source or target: any form of an entity's name, or an actor code or phrase (`USA`,
    /// `Hamas`).
    pub actor: Option<String>,
    /// Events this knowledge-base entity is party to (source or target).
    pub entity: Option<i64>,
    /// PLOVER type (`CONSULT`; case does not matter).
    pub etype: Option<String>,
    /// ISO 3166 alpha-3 country of the source, the target or the place.
    pub country: Option<String>,
    /// Earliest date (inclusive).
    pub from: Option<String>,
    /// Latest date (inclusive).
    pub to: Option<String>,
    /// Events reported in this article.
    pub article: Option<i64>,
    /// At most this many (default 50, at most 1000: see [`crate::limits::EVENTS`]).
    pub limit: Option<usize>,
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
pub(crate) fn day_number(date: &str) -> Option<i64> {
    let d = accord_doc::date::parse_day(date.get(..10)?).ok()?;
    let (y, m, d) = (i64::from(d.year()), i64::from(d.month()), i64::from(d.day()));
    // days from civil (Howard Hinnant's algorithm)
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    Some(era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468)
}

/// The factuality class reports must share to be one event.
fn fact_class(f: &str) -> &str {
    match f {
        "asserted" | "reported" => "factual",
        f => f,
    }
}

/// An actor as stored: entity, code, country, sector, name.
#[derive(Clone, Debug, Default, PartialEq)]
struct Side {
    entity: Option<i64>,
    code: Option<String>,
    country: Option<String>,
    sector: Option<String>,
    name: Option<String>,
}

impl Side {
    fn known(&self) -> bool {
        self.entity.is_some() || self.code.is_some()
    }

    /// Same actor: the same entity when both have one, else the same code; two unknown slots agree.
    fn same(&self, o: &Side) -> bool {
        match (self.entity, o.entity) {
            (Some(a), Some(b)) => a == b,
            _ => match (&self.code, &o.code) {
                (Some(a), Some(b)) => a == b,
                _ => !self.known() && !o.known(),
            },
        }
    }
}

/// Where, as stored.
#[derive(Clone, Debug, Default, PartialEq)]
struct Place {
    entity: Option<i64>,
    country: Option<String>,
    name: Option<String>,
}

impl Place {
    fn known(&self) -> bool {
        self.entity.is_some() || self.country.is_some() || self.name.is_some()
    }

    /// Same place, or one of the two unknown.
    fn compatible(&self, o: &Place) -> bool {
        if !self.known() || !o.known() {
            return true;
        }
        match ((self.entity, o.entity), (&self.country, &o.country)) {
            ((Some(a), Some(b)), _) => a == b,
            (_, (Some(a), Some(b))) => a == b,
            _ => {
                let n = |p: &Place| p.name.as_deref().map(|s| s.trim().to_lowercase());
                n(self) == n(o)
            }
        }
    }
}

fn entity_name(tx: &Connection, id: Option<i64>) -> Result<Option<String>, StoreError> {
    match id {
        Some(id) => Ok(tx.query_row("SELECT name FROM entities WHERE id=?1", [id], |r| r.get(0)).optional()?),
        None => Ok(None),
    }
}

/// The named part of an actor code (`Hamas` in `PSE REB Hamas`): what follows its country and sector.
fn named_part<'a>(code: &'a str, country: Option<&str>, sector: Option<&str>) -> Option<&'a str> {
    let mut rest = code.trim();
    for part in [country, sector].into_iter().flatten() {
        if let Some(r) = rest.strip_prefix(part) {
            rest = r.trim_start();
        }
    }
    (!rest.is_empty() && rest != code.trim()).then_some(rest)
}

fn side(tx: &Connection, arg: Option<&EventArgOut>, ctx: &Local) -> Result<Side, StoreError> {
    let Some(a) = arg else { return Ok(Side::default()) };
    // the linked entity; else, for a named actor (`PSE REB Hamas`), the article's entity of that name
    let entity = a.entity.as_deref().and_then(|e| ctx.ids.get(e).copied()).or_else(|| {
        let named = named_part(a.code.as_deref()?, a.country.as_deref(), a.sector.as_deref())?;
        ctx.names.get(&named.to_lowercase()).copied()
    });
    let name = entity_name(tx, entity)?.or_else(|| Some(a.span.text.trim().to_string()).filter(|s| !s.is_empty()));
    let clean = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    Ok(Side { entity, code: clean(&a.code), country: clean(&a.country), sector: clean(&a.sector), name })
}

/// Stores the events of article `article` (already inserted, with its entities in `local`: local entity
/// id → knowledge-base id), merging each into a stored event it reports (see the module's rules).
pub(crate) fn add_events(
    tx: &Connection,
    article: i64,
    doc: &DocumentOut,
    local: &HashMap<String, i64>,
) -> Result<(), StoreError> {
    if doc.events.is_empty() {
        return Ok(());
    }
    let names =
        doc.entities.iter().filter_map(|e| local.get(&e.id).map(|&g| (e.name.trim().to_lowercase(), g))).collect();
    let ctx = Local { ids: local, names };
    for e in &doc.events {
        add_event(tx, article, doc, e, &ctx)?;
    }
    Ok(())
}

/// An article's entities: local id → knowledge-base id, and name (lower case) → knowledge-base id.
struct Local<'a> {
    ids: &'a HashMap<String, i64>,
    names: HashMap<String, i64>,
}

fn add_event(tx: &Connection, article: i64, doc: &DocumentOut, e: &EventOut, ctx: &Local) -> Result<(), StoreError> {
    let src = side(tx, e.source.as_ref(), ctx)?;
    let tgt = side(tx, e.target.as_ref(), ctx)?;
    let place = match &e.location {
        Some(l) => {
            let entity = l.entity.as_deref().and_then(|x| ctx.ids.get(x).copied());
            Place {
                entity,
                country: l.country.clone().filter(|c| !c.trim().is_empty()),
                name: entity_name(tx, entity)?.or_else(|| Some(l.span.text.trim().to_string())),
            }
        }
        None => Place::default(),
    };
    // when: the event's own anchored date, else the publication date
    let own = e.date.as_ref().filter(|d| !d.relative && d.value.len() >= 4 && d.value.as_bytes()[0].is_ascii_digit());
    let date = own
        .map(|d| d.value.clone())
        .or_else(|| doc.date.as_deref().and_then(|d| crate::dates::publication_date(d).ok()));
    let day = date.as_deref().filter(|d| d.len() == 10).and_then(day_number);
    let etype = e.etype.trim().to_ascii_uppercase();
    let class = fact_class(&e.factuality);
    // an event reported before: same type, factuality class and date (a day either side), same actors
    // and a compatible place
    let mut found = None;
    if src.known() || tgt.known() {
        // full dates: a day either side, on the (type, day) index; months and years: the same value, on
        // (type, date) (both statements name all four parameters, which are bound alike)
        const COLS: &str = "SELECT id, source_entity, source_code, target_entity, target_code, location_entity, \
                            location_country, location_name FROM events";
        let mut st = match day {
            Some(_) => tx.prepare_cached(&format!(
                "{COLS} WHERE type=?1 AND day BETWEEN ?4 - 1 AND ?4 + 1 AND fact_class=?2 AND ?3 IS NOT NULL ORDER BY id"
            ))?,
            None => tx.prepare_cached(&format!(
                "{COLS} WHERE type=?1 AND date IS ?3 AND day IS NULL AND fact_class=?2 AND ?4 IS NULL ORDER BY id"
            ))?,
        };
        let rows = st.query_map(params![etype, class, date, day], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Side { entity: r.get(1)?, code: r.get(2)?, ..Default::default() },
                Side { entity: r.get(3)?, code: r.get(4)?, ..Default::default() },
                Place { entity: r.get(5)?, country: r.get(6)?, name: r.get(7)? },
            ))
        })?;
        for r in rows {
            let (id, s, t, p) = r?;
            if s.same(&src) && t.same(&tgt) && p.compatible(&place) {
                found = Some(id);
                break;
            }
        }
    }
    let id = match found {
        Some(id) => {
            tx.execute(
                "UPDATE events SET mode = COALESCE(mode, ?2), cameo = COALESCE(cameo, ?3),
                   factuality = CASE WHEN ?4 = 'asserted' THEN 'asserted' ELSE factuality END,
                   background = background AND ?5,
                   source_entity = COALESCE(source_entity, ?6), source_code = COALESCE(source_code, ?7),
                   source_country = COALESCE(source_country, ?8), source_sector = COALESCE(source_sector, ?9),
                   source_name = COALESCE(source_name, ?10),
                   target_entity = COALESCE(target_entity, ?11), target_code = COALESCE(target_code, ?12),
                   target_country = COALESCE(target_country, ?13), target_sector = COALESCE(target_sector, ?14),
                   target_name = COALESCE(target_name, ?15),
                   location_entity = COALESCE(location_entity, ?16), location_country = COALESCE(location_country, ?17),
                   location_name = COALESCE(location_name, ?18),
                   reports = reports + (NOT EXISTS (SELECT 1 FROM event_reports WHERE event = ?1 AND article = ?19)),
                   mentions = mentions + 1
                 WHERE id = ?1",
                params![
                    id,
                    e.mode,
                    e.cameo,
                    e.factuality,
                    e.background,
                    src.entity,
                    src.code,
                    src.country,
                    src.sector,
                    src.name,
                    tgt.entity,
                    tgt.code,
                    tgt.country,
                    tgt.sector,
                    tgt.name,
                    place.entity,
                    place.country,
                    place.name,
                    article
                ],
            )?;
            id
        }
        None => {
            tx.execute(
                "INSERT INTO events(type, mode, cameo, date, day, factuality, fact_class, background,
                   source_entity, source_code, source_country, source_sector, source_name,
                   target_entity, target_code, target_country, target_sector, target_name,
                   location_entity, location_country, location_name, reports, mentions)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, 1, 1)",
                params![
                    etype,
                    e.mode,
                    e.cameo,
                    date,
                    day,
                    e.factuality,
                    class,
                    e.background,
                    src.entity,
                    src.code,
                    src.country,
                    src.sector,
                    src.name,
                    tgt.entity,
                    tgt.code,
                    tgt.country,
                    tgt.sector,
                    tgt.name,
                    place.entity,
                    place.country,
                    place.name
                ],
            )?;
            tx.last_insert_rowid()
        }
    };
    let quote: Option<i64> = match &e.attribution {
        Some(q) => tx
            .query_row("SELECT id FROM quotes WHERE article=?1 AND local_id=?2", params![article, q], |r| r.get(0))
            .optional()?,
        None => None,
    };
    tx.execute(
        "INSERT INTO event_reports(event, article, local_id, trigger, trigger_start, trigger_end, sentence, start, end,
           factuality, background, confidence, quote) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            id,
            article,
            e.id,
            e.trigger.text,
            e.trigger.start as i64,
            e.trigger.end as i64,
            e.sentence.text,
            e.sentence.start as i64,
            e.sentence.end as i64,
            e.factuality,
            e.background,
            f64::from(e.confidence),
            quote
        ],
    )?;
    Ok(())
}

/// Adds the events of articles stored before the knowledge base kept events (schema version 4), from
/// their stored `accord/1` JSON.
pub(crate) fn backfill(tx: &Connection) -> Result<(), StoreError> {
    let ids: Vec<i64> = tx
        .prepare("SELECT id FROM articles WHERE dup_of IS NULL ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in ids {
        let json: String = tx.query_row("SELECT json FROM articles WHERE id=?1", [id], |r| r.get(0))?;
        let Ok(doc) = serde_json::from_str::<DocumentOut>(&json) else { continue };
        if doc.events.is_empty() {
            continue;
        }
        let local: HashMap<String, i64> = tx
            .prepare("SELECT local_id, entity FROM article_entities WHERE article=?1")?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        add_events(tx, id, &doc, &local)?;
    }
    Ok(())
}

const EVENT_SELECT: &str = "SELECT v.id, v.type, v.mode, v.cameo, v.date, v.factuality, v.background, \
    v.source_name, v.source_entity, v.source_code, v.source_country, v.source_sector, \
    v.target_name, v.target_entity, v.target_code, v.target_country, v.target_sector, \
    v.location_name, v.location_entity, v.location_country, v.reports, v.mentions FROM events v";

fn event_row(r: &rusqlite::Row) -> rusqlite::Result<EventHit> {
    let actor = |k: usize| -> rusqlite::Result<Option<EventActor>> {
        let (name, entity, code): (Option<String>, Option<i64>, Option<String>) =
            (r.get(k)?, r.get(k + 1)?, r.get(k + 2)?);
        if name.is_none() && entity.is_none() && code.is_none() {
            return Ok(None);
        }
        Ok(Some(EventActor {
            name: name.or(code.clone()).unwrap_or_default(),
            entity,
            code,
            country: r.get(k + 3)?,
            sector: r.get(k + 4)?,
        }))
    };
    let etype: String = r.get(1)?;
    let cameo: Option<String> = r.get(3)?;
    let location =
        match (r.get::<_, Option<String>>(17)?, r.get::<_, Option<i64>>(18)?, r.get::<_, Option<String>>(19)?) {
            (None, None, None) => None,
            (name, entity, country) => {
                Some(EventPlace { name: name.or(country.clone()).unwrap_or_default(), entity, country })
            }
        };
    Ok(EventHit {
        id: r.get(0)?,
        quad: quad(&etype, cameo.as_deref()).map(String::from),
        etype,
        mode: r.get(2)?,
        cameo,
        date: r.get(4)?,
        factuality: r.get(5)?,
        background: r.get(6)?,
        source: actor(7)?,
        target: actor(12)?,
        location,
        reports: r.get(20)?,
        mentions: r.get(21)?,
        articles: vec![],
        evidence: vec![],
    })
}

/// An event type filter, checked: a type the quad file knows (any case), else an error listing them.
pub fn check_type(t: &str) -> Result<String, StoreError> {
    let up = t.trim().to_ascii_uppercase();
    let known = known_types();
    if known.contains(&up.as_str()) {
        Ok(up)
    } else {
        Err(StoreError::Invalid(format!("event type {t:?} is not a PLOVER type ({})", known.join(", "))))
    }
}

/// A country filter, checked: three letters (ISO 3166 alpha-3, or `IGO`), upper-cased.
pub fn check_country(c: &str) -> Result<String, StoreError> {
    let c = c.trim();
    if c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(c.to_ascii_uppercase())
    } else {
        Err(StoreError::Invalid(format!("country {c:?} is not an ISO 3166 alpha-3 code (USA, ISR, PSE…)")))
    }
}

impl Store {
    /// Events matching the filters, newest first, each with its reports.
    pub fn events(&self, q: &EventQuery) -> Result<Vec<EventHit>, StoreError> {
        let limit = crate::limits::EVENTS.or_default(q.limit)?;
        let mut sql = format!("{EVENT_SELECT} WHERE 1=1");
        let mut args: Vec<Sql> = Vec::new();
        if let Some(a) = q.actor.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            // the entities of that name; actor codes holding it as whole words (`ISR` in `ISR MIL`,
            // `Hamas` in `PSE REB Hamas`); the actor's phrase only when no entity has that name
            let ids = self.match_entities(a, 50)?;
            let list = ids.iter().map(|i| i.to_string()).chain(["-1".to_string()]).collect::<Vec<_>>().join(",");
            sql += &format!(
                " AND (v.source_entity IN ({list}) OR v.target_entity IN ({list}) \
                  OR (' ' || v.source_code || ' ') LIKE ?1 ESCAPE '\\' OR (' ' || v.target_code || ' ') LIKE ?1 ESCAPE '\\'"
            );
            let words = a.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            args.push(Sql::Text(format!("% {words} %")));
            if ids.is_empty() {
                sql += " OR v.source_name LIKE ?2 ESCAPE '\\' OR v.target_name LIKE ?2 ESCAPE '\\'";
                args.push(Sql::Text(like(a)));
            }
            sql += ")";
        }
        if let Some(e) = q.entity {
            sql += &format!(" AND (v.source_entity = {e} OR v.target_entity = {e})");
        }
        if let Some(t) = q.etype.as_deref().filter(|s| !s.trim().is_empty()) {
            sql += &format!(" AND v.type = ?{}", args.len() + 1);
            args.push(Sql::Text(check_type(t)?));
        }
        if let Some(c) = q.country.as_deref().filter(|s| !s.trim().is_empty()) {
            let n = args.len() + 1;
            sql += &format!(" AND (v.source_country = ?{n} OR v.target_country = ?{n} OR v.location_country = ?{n})");
            args.push(Sql::Text(check_country(c)?));
        }
        if let Some(f) = &q.from {
            sql += &format!(" AND v.date >= ?{}", args.len() + 1);
            args.push(Sql::Text(crate::check_date(f)?));
        }
        if let Some(t) = &q.to {
            sql += &format!(" AND v.date <= ?{}", args.len() + 1);
            // inclusive of the whole day/month/year
            args.push(Sql::Text(format!("{}~", crate::check_date(t)?)));
        }
        if let Some(a) = q.article {
            sql += &format!(" AND v.id IN (SELECT event FROM event_reports WHERE article = {a})");
        }
        sql += &format!(" ORDER BY v.date DESC, v.id LIMIT {limit}");
        let mut hits: Vec<EventHit> = {
            let mut st = self.conn().prepare_cached(&sql)?;
            let rows = st.query_map(params_from_iter(args), event_row)?;
            rows.collect::<Result<_, _>>()?
        };
        self.fill_reports(&mut hits)?;
        Ok(hits)
    }

    /// One event with its reports.
    pub fn event(&self, id: i64) -> Result<Option<EventHit>, StoreError> {
        let sql = format!("{EVENT_SELECT} WHERE v.id = ?1");
        let Some(hit) = self.conn().query_row(&sql, [id], event_row).optional()? else { return Ok(None) };
        let mut hits = vec![hit];
        self.fill_reports(&mut hits)?;
        Ok(hits.pop())
    }

    /// Events the entity `id` is party to (newest first, at most `limit`) and how many there are.
    pub(crate) fn entity_events(&self, id: i64, limit: usize) -> Result<(Vec<EventHit>, i64), StoreError> {
        let n = self.conn().query_row(
            "SELECT COUNT(*) FROM events WHERE source_entity = ?1 OR target_entity = ?1",
            [id],
            |r| r.get(0),
        )?;
        Ok((self.events(&EventQuery { entity: Some(id), limit: Some(limit), ..Default::default() })?, n))
    }

    fn fill_reports(&self, hits: &mut [EventHit]) -> Result<(), StoreError> {
        if hits.is_empty() {
            return Ok(());
        }
        let list = hits.iter().map(|h| h.id.to_string()).collect::<Vec<_>>().join(",");
        let sql = format!(
            "SELECT r.event, r.article, COALESCE(a.title, a.doc_id), a.outlet, a.date, r.local_id, r.trigger, \
             r.trigger_start, r.trigger_end, r.sentence, r.start, r.end, r.factuality, r.background, r.confidence, r.quote \
             FROM event_reports r JOIN articles a ON a.id = r.article WHERE r.event IN ({list}) ORDER BY r.event, r.article, r.id"
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                EventReport {
                    article: r.get(1)?,
                    article_title: r.get(2)?,
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                    local_id: r.get(5)?,
                    trigger: r.get(6)?,
                    trigger_start: r.get(7)?,
                    trigger_end: r.get(8)?,
                    sentence: r.get(9)?,
                    start: r.get(10)?,
                    end: r.get(11)?,
                    factuality: r.get(12)?,
                    background: r.get(13)?,
                    confidence: r.get(14)?,
                    quote: r.get(15)?,
                },
            ))
        })?;
        let pos: HashMap<i64, usize> = hits.iter().enumerate().map(|(i, h)| (h.id, i)).collect();
        for r in rows {
            let (ev, rep) = r?;
            let h = &mut hits[pos[&ev]];
            if !h.articles.contains(&rep.article) {
                h.articles.push(rep.article);
            }
            if h.evidence.len() < 20 {
                h.evidence.push(rep);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quads_come_from_the_data_file() {
        assert_eq!(quad("CONSULT", None), Some("verbal_cooperation"));
        assert_eq!(quad("assault", Some("190")), Some("material_conflict"));
        assert_eq!(quad("YIELD", Some("0831")), Some("verbal_cooperation"));
        assert_eq!(quad("YIELD", Some("0813")), Some("material_cooperation"));
        assert_eq!(quad("YIELD", None), Some("material_cooperation"));
        assert_eq!(quad("SANCTION", None), Some("material_conflict"));
        assert_eq!(quad("NOPE", None), None);
        assert!(check_type("consult").is_ok());
        assert!(check_type("talks").unwrap_err().to_string().contains("CONSULT"));
        assert_eq!(check_country("usa").unwrap(), "USA");
        assert!(check_country("US").is_err());
    }

    #[test]
    fn named_parts_of_actor_codes() {
        assert_eq!(named_part("PSE REB Hamas", Some("PSE"), Some("REB")), Some("Hamas"));
        assert_eq!(named_part("IGO Arab League", Some("IGO"), None), Some("Arab League"));
        assert_eq!(named_part("USA GOV", Some("USA"), Some("GOV")), None);
        assert_eq!(named_part("Hezbollah", None, None), None);
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(), 2);
        assert_eq!(day_number("2024-13-01"), None);
    }
}
