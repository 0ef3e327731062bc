//! The seed article's political events (issue 14): the US–Hamas talks in Doha last month reported by the
//! White House and by a Hamas official, Egypt's and Qatar's mediation, the 7 October 2023 attack as
//! background, Israel conveying its position to the US, and the proposed hostage release.

mod common;
use accord_doc::schema::{DocumentOut, EventArgOut, EventOut};
use common::*;

/// Every actor of a slot: (code, entity name, phrase).
fn actors(doc: &DocumentOut, a: &Option<EventArgOut>) -> Vec<String> {
    let Some(a) = a else { return Vec::new() };
    let ent = |id: &Option<String>| {
        id.as_ref().and_then(|id| doc.entities.iter().find(|e| &e.id == id)).map(|e| e.name.clone()).unwrap_or_default()
    };
    let mut out = vec![format!("{} | {} | {}", a.code.clone().unwrap_or_default(), ent(&a.entity), a.span.text)];
    for x in &a.actors {
        out.push(format!("{} | {} | {}", x.code.clone().unwrap_or_default(), ent(&x.entity), x.span.text));
    }
    out
}

fn has(doc: &DocumentOut, a: &Option<EventArgOut>, what: &str) -> bool {
    actors(doc, a).iter().any(|s| s.contains(what))
}

fn either(doc: &DocumentOut, e: &EventOut, x: &str, y: &str) -> bool {
    (has(doc, &e.source, x) && has(doc, &e.target, y)) || (has(doc, &e.source, y) && has(doc, &e.target, x))
}

fn speaker(doc: &DocumentOut, e: &EventOut) -> String {
    let Some(q) = e.attribution.as_ref().and_then(|id| doc.attributions.iter().find(|a| &a.id == id)) else {
        return String::new();
    };
    format!("{} {}", speaker_name(doc, q).unwrap_or_default(), q.source.affiliation.clone().unwrap_or_default())
}

fn show(doc: &DocumentOut) -> String {
    doc.events
        .iter()
        .map(|e| {
            format!(
                "{} {} [{}] src {:?} tgt {:?} loc {:?} date {:?} q {:?} {} bg {}",
                e.etype,
                e.trigger.text,
                e.sentence.text.chars().take(50).collect::<String>(),
                actors(doc, &e.source),
                actors(doc, &e.target),
                e.location.as_ref().map(|l| (&l.span.text, &l.country)),
                e.date.as_ref().map(|d| &d.value),
                speaker(doc, e),
                e.factuality,
                e.background
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn seed_article_gives_its_events() {
    let Some(shared) = shared() else { return };
    let text = std::fs::read_to_string(shared.join("seed/us-hamas-talks.txt")).unwrap();
    let doc = extract(&text, "us-hamas-talks.txt", Some("2025-03-06"));
    let all = show(&doc);
    let consult_us_hamas = |e: &&EventOut| e.etype == "CONSULT" && either(&doc, e, "USA", "Hamas");
    let mut failures = Vec::new();
    if !doc.events.iter().filter(consult_us_hamas).any(|e| speaker(&doc, e).contains("Leavitt")) {
        failures.push("US–Hamas talks (CONSULT) reported by the White House press secretary");
    }
    if !doc.events.iter().filter(consult_us_hamas).any(|e| {
        speaker(&doc, e).contains("Hamas") && e.date.as_ref().is_some_and(|d| d.value == "2025-02" && !d.relative)
    }) {
        failures.push("US–Hamas talks (CONSULT) last month (2025-02) reported by a Hamas official");
    }
    if !doc
        .events
        .iter()
        .filter(consult_us_hamas)
        .any(|e| e.location.as_ref().is_some_and(|l| l.country.as_deref() == Some("QAT")))
    {
        failures.push("US–Hamas talks (CONSULT) located in Doha, Qatar");
    }
    if !doc.events.iter().any(|e| e.etype == "CONSULT" && has(&doc, &e.source, "EGY") && has(&doc, &e.source, "QAT")) {
        failures.push("Egypt's and Qatar's mediation (CONSULT, sources EGY and QAT)");
    }
    if !doc.events.iter().any(|e| {
        e.etype == "ASSAULT"
            && has(&doc, &e.source, "Hamas")
            && has(&doc, &e.target, "ISR")
            && e.background
            && e.date.as_ref().is_some_and(|d| d.value == "2023-10-07")
    }) {
        failures.push("the 7 October 2023 attack (ASSAULT Hamas → Israel, background)");
    }
    if !doc.events.iter().any(|e| {
        e.etype == "CONSULT" && has(&doc, &e.source, "ISR") && has(&doc, &e.target, "USA") && e.factuality == "reported"
    }) {
        failures.push("Israel conveying its position to the US (CONSULT ISR → USA, reported)");
    }
    if !doc.events.iter().any(|e| e.etype == "YIELD" && has(&doc, &e.source, "Hamas") && e.factuality == "proposed") {
        failures.push("the proposed hostage release (YIELD by Hamas, proposed)");
    }
    if doc.events.iter().any(|e| e.etype == "YIELD" && has(&doc, &e.source, "Hamas") && e.factuality == "asserted") {
        failures.push("the hostage release must not be asserted");
    }
    assert!(failures.is_empty(), "missing: {failures:#?}\nevents:\n{all}");
}

/// The events stage looks mentions, dates and attributions up among those touching the sentence; the
/// lists made for the whole document in one pass are those made sentence by sentence (issue 13: the
/// lookups were over the whole document for every event, quadratic in a long article).
#[test]
fn what_touches_each_sentence_is_found_in_one_pass() {
    let Some(dir) = shared() else { return };
    let text = std::fs::read_to_string(dir.join("seed/us-hamas-talks.txt")).unwrap();
    let pipeline = accord_pipeline::Pipeline::new(accord_pipeline::Options {
        default_date: Some("2025-03-06".into()),
        ..Default::default()
    })
    .unwrap();
    let doc = pipeline.process(accord_pipeline::RawDoc { text, ..Default::default() });
    assert!(!doc.mentions.is_empty() && !doc.dates.is_empty() && !doc.attributions.is_empty());
    let all = accord_events::Near::of_document(&doc);
    assert_eq!(all.len(), doc.sentences.len());
    for (s, near) in all.iter().enumerate() {
        assert_eq!(near, &accord_events::Near::of_sentence(&doc, s), "sentence {s}");
    }
}
