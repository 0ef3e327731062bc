//! The seed article against its hand annotation (../shared/gold): every required attribution with its
//! type, cue and resolved speaker; no attribution over the two marked non-attributions; every required
//! entity with type, canonical name and roles; the required quantities; the dates normalised.

mod common;
use common::*;
use serde_json::Value;

fn overlap(a: (u64, u64), b: (u64, u64)) -> u64 {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn span(v: &Value) -> (u64, u64) {
    (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap())
}

#[test]
fn seed_article_meets_its_gold() {
    let Some(shared) = shared() else { return };
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(shared.join("gold/us-hamas-talks.gold.json")).unwrap()).unwrap();
    let text = std::fs::read_to_string(shared.join("seed/us-hamas-talks.txt")).unwrap();
    let doc = extract(&text, "us-hamas-talks.txt", Some("2025-03-06"));
    let mut failures = Vec::new();
    let mut used = vec![false; doc.attributions.len()];
    for g in gold["attributions"].as_array().unwrap().iter().filter(|g| g["required"] == true) {
        let gs = span(&g["content"]);
        let found = doc.attributions.iter().enumerate().find(|(i, a)| {
            !used[*i] && overlap((a.content.start as u64, a.content.end as u64), gs) as f64 / (gs.1 - gs.0) as f64 > 0.8
        });
        let Some((i, a)) = found else {
            failures.push(format!("{}: content not found", g["id"]));
            continue;
        };
        used[i] = true;
        if a.qtype != g["type"].as_str().unwrap() {
            failures.push(format!("{}: type {} != {}", g["id"], a.qtype, g["type"]));
        }
        let cue = a.cue.as_ref().map(|c| (c.start as u64, c.end as u64));
        if cue.is_none_or(|c| overlap(c, span(&g["cue"])) == 0) {
            failures.push(format!("{}: cue {:?}", g["id"], a.cue.as_ref().map(|c| &c.text)));
        }
        let name = speaker_name(&doc, a).unwrap_or_default();
        let want = g["speaker"].as_str().unwrap();
        let ok = if g["speaker_kind"] == "person" {
            norm(&name) == norm(want)
        } else {
            norm(want)
                .split(' ')
                .filter(|w| !matches!(*w, "a" | "an" | "the" | "of" | "office"))
                .all(|w| norm(&name).contains(w))
        };
        if !ok {
            failures.push(format!("{}: speaker {name:?} != {want:?}", g["id"]));
        }
    }
    for n in gold["not_attributions"].as_array().unwrap() {
        let ns = span(n);
        if doc.attributions.iter().any(|a| overlap((a.content.start as u64, a.content.end as u64), ns) > 0) {
            failures.push(format!("false attribution over {}", n["text"]));
        }
    }
    for g in gold["entities"].as_array().unwrap().iter().filter(|g| g["required"] == true) {
        let canon = g["canonical"].as_str().unwrap();
        let first = g["mentions"][0]["text"].as_str().unwrap();
        let hits: Vec<_> = doc
            .entities
            .iter()
            .filter(|e| norm(&e.name) == norm(canon) || e.mentions.iter().any(|m| norm(&m.text) == norm(first)))
            .collect();
        let gt = g["type"].as_str().unwrap();
        let good = hits.iter().any(|e| {
            let type_ok =
                e.etype == gt || (matches!(gt, "GPE" | "NORP") && matches!(e.etype.as_str(), "GPE" | "NORP" | "LOC"));
            let roles = norm(&e.titles.join(" "));
            type_ok
                && norm(&e.name) == norm(canon)
                && g["roles"].as_array().unwrap().iter().all(|r| roles.contains(&norm(r.as_str().unwrap())))
        });
        if !good {
            failures.push(format!(
                "entity {canon}: {:?}",
                hits.iter().map(|e| (&e.etype, &e.name, &e.titles)).collect::<Vec<_>>()
            ));
        }
    }
    for g in gold["quantities"].as_array().unwrap().iter().filter(|g| g["required"] != false) {
        let gs = span(&g["span"]);
        let hit = doc.quantities.iter().find(|q| {
            q.value == g["value"].as_f64().unwrap() && overlap((q.span.start as u64, q.span.end as u64), gs) > 0
        });
        match hit {
            None => failures.push(format!("quantity {} missing", g["quantity"])),
            Some(q) => {
                let qual_ok = q.qualifier == g["qualifier"].as_str().unwrap();
                let src_ok = q.source.as_deref().map(norm) == g["source"].as_str().map(norm);
                let hedge_ok = g["hedge"].as_str().is_none_or(|h| q.hedge.as_deref() == Some(h));
                if !(qual_ok && src_ok && hedge_ok) {
                    failures
                        .push(format!("quantity {}: {:?} {:?} {:?}", g["quantity"], q.qualifier, q.source, q.hedge));
                }
            }
        }
    }
    for g in gold["dates"].as_array().unwrap() {
        let want = g.get("with_publication_date_2025-03-06").unwrap_or(&g["value"]).as_str().unwrap();
        let gs = span(&g["span"]);
        if !doc.dates.iter().any(|d| {
            d.value.starts_with(want) && !d.relative && overlap((d.span.start as u64, d.span.end as u64), gs) > 0
        }) {
            failures.push(format!("date {} -> {want} missing", g["span"]["text"]));
        }
    }
    assert_eq!(doc.sources, vec!["AP".to_string(), "Reuters".to_string()], "agencies credited");
    assert!(failures.is_empty(), "seed gold failures:\n{}", failures.join("\n"));
}

#[test]
fn seed_relative_dates_stay_relative_without_a_publication_date() {
    let Some(shared) = shared() else { return };
    let text = std::fs::read_to_string(shared.join("seed/us-hamas-talks.txt")).unwrap();
    let doc = extract(&text, "us-hamas-talks.txt", None);
    let last_month = doc.dates.iter().find(|d| d.span.text == "last month").expect("last month found");
    assert!(last_month.relative);
    assert_eq!(last_month.value, "month-1");
}
