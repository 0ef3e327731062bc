//! Adding one analysed article inside a transaction: exact and near-duplicate checks, the article row,
//! its entities resolved across articles (names, titles with dates, affiliations), quotes, quantities,
//! dated facts and events. [`crate::Store::add_batch`] calls [`add_one`] for each article of a batch.

use crate::{content_hash, counted_key, minhash, names, AddOutcome, ArticleInfo, StoreError};
use accord_doc::schema::DocumentOut;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;

/// Resolves one article entity (type label, name) to a knowledge-base entity id, creating it if new.
fn resolve_entity(tx: &Connection, etype: &str, name: &str) -> Result<Option<(i64, names::NormName)>, StoreError> {
    let Some(n) = names::normalise(etype, name) else {
        return Ok(None);
    };
    let mut st = tx.prepare_cached("SELECT id, first, mentions, gender FROM entities WHERE type=?1 AND key=?2")?;
    let gender = n.gender.map(String::from);
    let cands: Vec<(i64, Option<String>, i64)> = st
        .query_map(params![etype, n.key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, Option<String>>(3)?)))?
        .filter(|r| match r {
            Ok((_, _, _, Some(g))) => !matches!(&gender, Some(x) if x != g),
            _ => true,
        })
        .map(|r| r.map(|(a, b, c, _)| (a, b, c)))
        .collect::<Result<_, _>>()?;
    let pick = cands.iter().filter(|c| n.first.is_some() && c.1 == n.first).max_by_key(|c| c.2).or_else(|| {
        cands.iter().filter(|c| names::first_compatible(c.1.as_deref(), n.first.as_deref())).max_by_key(|c| c.2)
    });
    let id = match pick {
        Some(c) => {
            if gender.is_some() {
                tx.execute("UPDATE entities SET gender=?2 WHERE id=?1 AND gender IS NULL", params![c.0, gender])?;
            }
            if c.1.is_none() && n.first.is_some() {
                tx.execute("UPDATE entities SET first=?2, name=?3 WHERE id=?1", params![c.0, n.first, n.display])?;
            } else if n.display.len() > name_len(tx, c.0)? && c.1 == n.first {
                tx.execute("UPDATE entities SET name=?2 WHERE id=?1", params![c.0, n.display])?;
            }
            c.0
        }
        None => {
            tx.execute(
                "INSERT INTO entities(type, name, key, first, gender) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![etype, n.display, n.key, n.first, gender],
            )?;
            tx.last_insert_rowid()
        }
    };
    Ok(Some((id, n)))
}

/// True for a written form worth listing as an alias: starts with a capital, is no pronoun, is short.
fn is_name_form(m: &str) -> bool {
    const PRONOUNS: &[&str] = &[
        "he",
        "she",
        "him",
        "her",
        "his",
        "hers",
        "himself",
        "herself",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
        "it",
        "its",
        "itself",
        "we",
        "us",
        "our",
        "i",
        "me",
        "my",
        "you",
        "your",
        "who",
        "whom",
    ];
    let t = m.trim();
    t.chars().next().is_some_and(|c| c.is_uppercase())
        && !PRONOUNS.contains(&t.to_lowercase().as_str())
        && t.chars().count() <= 80
        && !t.contains(['<', '>'])
}

fn name_len(tx: &Connection, id: i64) -> Result<usize, StoreError> {
    let n: String = tx.query_row("SELECT name FROM entities WHERE id=?1", [id], |r| r.get(0))?;
    Ok(n.len())
}

fn note_title(tx: &Connection, entity: i64, title: &str, date: Option<&str>) -> Result<(), StoreError> {
    let title = title.trim();
    if title.is_empty() || title.len() > 120 {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO entity_titles(entity, title, first_seen, last_seen, count) VALUES (?1, ?2, ?3, ?3, 1)
         ON CONFLICT(entity, title) DO UPDATE SET count = count + 1,
           first_seen = CASE WHEN excluded.first_seen IS NOT NULL AND (first_seen IS NULL OR excluded.first_seen < first_seen) THEN excluded.first_seen ELSE first_seen END,
           last_seen = CASE WHEN excluded.last_seen IS NOT NULL AND (last_seen IS NULL OR excluded.last_seen > last_seen) THEN excluded.last_seen ELSE last_seen END",
        params![entity, title, date],
    )?;
    Ok(())
}

pub(crate) fn add_one(tx: &Connection, doc: &DocumentOut, info: &ArticleInfo) -> Result<AddOutcome, StoreError> {
    let hash = content_hash(&doc.text);
    if let Some(id) = tx.query_row("SELECT id FROM articles WHERE hash=?1", [&hash], |r| r.get(0)).optional()? {
        return Ok(AddOutcome::Duplicate(id));
    }
    // near-duplicate lookup
    let sig = minhash::signature(&doc.text);
    let bands = minhash::bands(&sig);
    let mut best: Option<(i64, f64)> = None;
    {
        let mut st = tx.prepare_cached(
            "SELECT s.article, s.sig FROM minhash_bands b JOIN article_sigs s ON s.article = b.article \
             WHERE b.band=?1 AND b.key=?2",
        )?;
        let mut seen = std::collections::HashSet::new();
        for (band, key) in bands.iter().enumerate() {
            let rows: Vec<(i64, Vec<u8>)> =
                st.query_map(params![band as i64, key], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
            for (a, s) in rows {
                if !seen.insert(a) {
                    continue;
                }
                let sim = minhash::similarity(&sig, &minhash::from_bytes(&s));
                if sim >= minhash::THRESHOLD && !matches!(best, Some(b) if sim < b.1 || (sim == b.1 && a >= b.0)) {
                    best = Some((a, sim));
                }
            }
        }
    }
    let dup_of = best.map(|(a, _)| {
        // link to the original, never to another copy
        tx.query_row("SELECT COALESCE(dup_of, id) FROM articles WHERE id=?1", [a], |r| r.get::<_, i64>(0)).unwrap_or(a)
    });
    let json = if doc.tokens.is_empty() {
        serde_json::to_string(doc)?
    } else {
        let mut stored = doc.clone();
        stored.tokens.clear();
        serde_json::to_string(&stored)?
    };
    let outlet = info.outlet.clone().or_else(|| doc.sources.first().cloned());
    tx.execute(
        "INSERT INTO articles(doc_id, hash, path, title, date, outlet, author, url, text, json, dup_of, similarity)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            doc.id,
            hash,
            info.path,
            doc.title,
            doc.date,
            outlet,
            info.author,
            doc.url,
            doc.text,
            json,
            dup_of,
            best.map(|b| b.1)
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute("INSERT INTO article_sigs(article, sig) VALUES (?1, ?2)", params![id, minhash::to_bytes(&sig)])?;
    {
        let mut st =
            tx.prepare_cached("INSERT OR IGNORE INTO minhash_bands(band, key, article) VALUES (?1, ?2, ?3)")?;
        for (band, key) in bands.iter().enumerate() {
            st.execute(params![band as i64, key, id])?;
        }
    }
    if let Some(of) = dup_of {
        return Ok(AddOutcome::NearDuplicate { id, of, similarity: best.map(|b| b.1).unwrap_or(0.0) });
    }
    let date = doc.date.as_deref();
    // entities
    let mut local: HashMap<String, i64> = HashMap::new();
    let mut in_article = std::collections::HashSet::new();
    for e in &doc.entities {
        let Some((gid, n)) = resolve_entity(tx, &e.etype, &e.name)? else {
            continue;
        };
        local.insert(e.id.clone(), gid);
        tx.execute(
            "INSERT OR REPLACE INTO article_entities(article, local_id, entity, mentions) VALUES (?1, ?2, ?3, ?4)",
            params![id, e.id, gid, e.mentions.len().max(1) as i64],
        )?;
        tx.execute(
            "UPDATE entities SET mentions = mentions + ?2, articles = articles + ?3 WHERE id=?1",
            params![gid, e.mentions.len().max(1) as i64, in_article.insert(gid) as i64],
        )?;
        let mut seen_names = std::collections::HashSet::new();
        for m in e.mentions.iter().map(|m| m.text.as_str()).chain(std::iter::once(e.name.as_str())) {
            if !seen_names.insert(m) || !is_name_form(m) {
                continue;
            }
            tx.execute(
                "INSERT INTO entity_names(entity, name, count) VALUES (?1, ?2, 1)
                 ON CONFLICT(entity, name) DO UPDATE SET count = count + 1",
                params![gid, m],
            )?;
            if e.etype == "PERSON" {
                if let Some(t) = names::person(m).and_then(|p| p.title) {
                    note_title(tx, gid, &t, date)?;
                }
            }
        }
        if let Some(t) = &n.title {
            note_title(tx, gid, t, date)?;
        }
        for t in &e.titles {
            note_title(tx, gid, t, date)?;
        }
        if let Some(a) = &e.affiliation {
            tx.execute(
                "INSERT INTO entity_affiliations(entity, affiliation, count) VALUES (?1, ?2, 1)
                 ON CONFLICT(entity, affiliation) DO UPDATE SET count = count + 1",
                params![gid, a],
            )?;
        }
    }
    // quotes
    let mut quote_speakers: HashMap<&str, i64> = HashMap::new();
    for q in &doc.attributions {
        let mut speaker = q.speaker_entity.as_deref().and_then(|l| local.get(l).copied());
        if speaker.is_none() {
            if let Some(name) = &q.source.name {
                let etype = match q.source.kind.as_str() {
                    "person" => Some("PERSON"),
                    "organization" => Some("ORG"),
                    _ => None,
                };
                if let Some(t) = etype {
                    speaker = resolve_entity(tx, t, name)?.map(|(g, _)| g);
                }
            }
        }
        if let Some(sp) = speaker {
            quote_speakers.insert(q.id.as_str(), sp);
        }
        tx.execute(
            "INSERT INTO quotes(article, local_id, type, speaker_entity, speaker_text, source_name, source_kind,
               content, start, end, date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                id,
                q.id,
                q.qtype,
                speaker,
                q.speaker.as_ref().map(|s| s.text.as_str()),
                q.source.name,
                q.source.kind,
                q.content.text,
                q.content.start as i64,
                q.content.end as i64,
                date
            ],
        )?;
    }
    // quantities
    for q in &doc.quantities {
        // the speaker's canonical name when the attribution resolved to an entity
        let canonical = match q.attribution.as_deref().and_then(|a| quote_speakers.get(a)) {
            Some(&e) => Some(tx.query_row("SELECT name FROM entities WHERE id=?1", [e], |r| r.get::<_, String>(0))?),
            None => None,
        };
        let source = canonical.or_else(|| q.source.clone()).or_else(|| outlet.clone());
        tx.execute(
            "INSERT INTO quantities(article, value, qualifier, counted, counted_key, source, quote, text, start, end,
               hedge, date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                id,
                q.value,
                q.qualifier,
                q.counted,
                q.counted.as_deref().map(counted_key),
                source,
                q.attribution,
                q.span.text,
                q.span.start as i64,
                q.span.end as i64,
                q.hedge,
                date
            ],
        )?;
    }
    // dated facts: each anchored date with the sentence holding it
    for d in doc.dates.iter().filter(|d| !d.relative && d.value.len() >= 4 && d.value.as_bytes()[0].is_ascii_digit()) {
        let sent = doc
            .sentences
            .iter()
            .find(|s| s.span.start <= d.span.start && d.span.end <= s.span.end)
            .map(|s| (s.span.text.as_str(), s.span.start, s.span.end))
            .unwrap_or((d.span.text.as_str(), d.span.start, d.span.end));
        tx.execute(
            "INSERT INTO facts(article, value, expression, sentence, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, d.value, d.span.text, sent.0, sent.1 as i64, sent.2 as i64],
        )?;
    }
    // events, each merged into the event it reports when one is stored
    crate::events::add_events(tx, id, doc, &local)?;
    Ok(AddOutcome::Added(id))
}
