//! Fuzz target `extract`: arbitrary bytes go through the pipeline twice — as lossy UTF-8 text, and
//! through the JSON Lines reader — and every output must serialise and keep its spans on character
//! boundaries inside the text. Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run extract -- -max_total_time=120`
//! (see docs/fuzzing.md).
#![no_main]

use accord_doc::schema::{DocumentOut, SpanOut};
use accord_pipeline::{Options, Pipeline, RawDoc};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        let p = Pipeline::new(Options {
            default_date: Some("2025-03-06".into()),
            ..Default::default()
        })
        .expect("models load");
        let stages: Vec<&str> = p.stages().map(|s| s.name).collect();
        assert_eq!(stages.len(), accord_pipeline::REGISTRY.len(), "every stage runs, events included: {stages:?}");
        p
    })
}

/// Code-point offset of every char boundary, for checking `start`/`end`.
struct Offsets {
    /// `cp[b]` = code points before byte `b`, for each boundary `b`; `usize::MAX` elsewhere.
    cp: Vec<usize>,
}

impl Offsets {
    fn new(text: &str) -> Self {
        let mut cp = vec![usize::MAX; text.len() + 1];
        let mut n = 0;
        for (b, _) in text.char_indices() {
            cp[b] = n;
            n += 1;
        }
        cp[text.len()] = n;
        Offsets { cp }
    }
}

fn check_span(what: &str, s: &SpanOut, text: &str, off: &Offsets) {
    assert!(
        s.byte_start <= s.byte_end,
        "{what}: byte_start {} > byte_end {}",
        s.byte_start,
        s.byte_end
    );
    assert!(
        s.byte_end <= text.len(),
        "{what}: byte_end {} > text length {}",
        s.byte_end,
        text.len()
    );
    assert!(
        text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end),
        "{what}: {}..{} not on char boundaries",
        s.byte_start,
        s.byte_end
    );
    assert_eq!(
        &text[s.byte_start..s.byte_end],
        s.text,
        "{what}: text differs from its byte span"
    );
    assert_eq!(off.cp[s.byte_start], s.start, "{what}: code-point start");
    assert_eq!(off.cp[s.byte_end], s.end, "{what}: code-point end");
}

fn check(out: &DocumentOut, input: &str) {
    let text = out.text.as_str();
    assert_eq!(text, input, "the output text must be the input text");
    let off = Offsets::new(text);
    let c = |w: &str, s: &SpanOut| check_span(w, s, text, &off);
    out.paragraphs.iter().for_each(|s| c("paragraph", s));
    for s in &out.sentences {
        c("sentence", &s.span);
        assert!(
            s.token_start <= s.token_end && s.token_end <= out.tokens.len(),
            "sentence token range"
        );
    }
    out.tokens.iter().for_each(|t| c("token", &t.span));
    for t in &out.tokens {
        if let Some(h) = t.head {
            assert!(h < out.tokens.len(), "token head {h} out of range");
        }
    }
    for e in &out.entities {
        e.mentions.iter().for_each(|m| c("entity mention", m));
    }
    for a in &out.attributions {
        c("attribution content", &a.content);
        a.cue.iter().for_each(|s| c("attribution cue", s));
        a.speaker.iter().for_each(|s| c("attribution speaker", s));
        if let Some(id) = &a.speaker_entity {
            assert!(
                out.entities.iter().any(|e| &e.id == id),
                "speaker_entity {id} is not an entity"
            );
        }
    }
    for q in &out.quantities {
        c("quantity", &q.span);
        if let Some(id) = &q.attribution {
            assert!(
                out.attributions.iter().any(|a| &a.id == id),
                "quantity attribution {id} missing"
            );
        }
    }
    out.dates.iter().for_each(|d| c("date", &d.span));
    out.credits.iter().for_each(|d| c("credit", &d.span));
    for e in &out.events {
        c("event trigger", &e.trigger);
        c("event sentence", &e.sentence);
        assert!(e.sentence.byte_start <= e.trigger.byte_start && e.trigger.byte_end <= e.sentence.byte_end);
        assert!((0.0..=1.0).contains(&e.confidence), "event confidence {}", e.confidence);
        for arg in [&e.source, &e.target].into_iter().flatten() {
            c("event argument", &arg.span);
            arg.actors.iter().for_each(|a| c("event actor", &a.span));
            for id in arg.entity.iter().chain(arg.actors.iter().filter_map(|a| a.entity.as_ref())) {
                assert!(out.entities.iter().any(|x| &x.id == id), "event entity {id} missing");
            }
        }
        if let Some(l) = &e.location {
            c("event location", &l.span);
        }
        if let Some(d) = &e.date {
            c("event date", &d.span);
        }
        if let Some(id) = &e.attribution {
            assert!(out.attributions.iter().any(|a| &a.id == id), "event attribution {id} missing");
        }
    }
    let json = serde_json::to_string(out).expect("serialises");
    let back: DocumentOut = serde_json::from_str(&json).expect("round-trips");
    assert_eq!(back.attributions.len(), out.attributions.len());
}

fn run(raw: RawDoc) {
    let input = raw.text.clone();
    let doc = pipeline().process(raw);
    check(&doc.to_output(), &input);
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    run(RawDoc {
        text,
        meta: accord_doc::Meta {
            id: "fuzz".into(),
            ..Default::default()
        },
    });
    for raw in accord_ingest::JsonLines::new(data, "fuzz.jsonl").flatten() {
        run(raw);
    }
});
