//! Reads the real gold data in `../shared` (the seed gold and PolNeAR dev) and checks that it parses
//! and that its offsets line up with the texts. Fails under `CI=true` when `../shared` is missing,
//! skips with a printed reason otherwise.

use accord_eval::brat;
use accord_eval::gold::Gold;
use accord_eval::metrics::{score_document, CharSpan};
use std::path::PathBuf;

mod common;

fn shared() -> Option<PathBuf> {
    common::shared(&["gold", "data/polnear/data/dev"])
}

#[test]
fn seed_gold_parses_and_offsets_match_the_text() {
    let Some(sh) = shared() else { return };
    let gp = sh.join("gold/us-hamas-talks.gold.json");
    let gold = Gold::read(&gp).unwrap();
    let tp = gold.text_path(&gp);
    assert!(tp.ends_with("seed/us-hamas-talks.txt"), "{}", tp.display());
    let text = std::fs::read_to_string(&tp).unwrap();
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(gold.attributions.len(), 10);
    assert_eq!(gold.attributions.iter().filter(|a| a.required).count(), 9);
    assert_eq!(gold.publication_date().as_deref(), Some("2025-03-06"));
    let mut spans = Vec::new();
    for a in &gold.attributions {
        spans.push(&a.content);
        spans.extend(a.cue.iter().chain(&a.speaker_mention));
    }
    for e in &gold.entities {
        spans.extend(&e.mentions);
    }
    spans.extend(gold.quantities.iter().map(|q| &q.span));
    spans.extend(gold.dates.iter().map(|d| &d.span));
    spans.extend(&gold.not_attributions);
    for s in spans {
        assert_eq!(s.span().text(&chars), s.text, "code points {}..{}", s.start, s.end);
        if let (Some(b0), Some(b1)) = (s.byte_start, s.byte_end) {
            assert_eq!(&text[b0..b1], s.text);
        }
    }
    // The gold scored against itself is perfect.
    let q = gold.quotes();
    let s = score_document(&chars, &q, &q);
    assert_eq!(s.content.exact.f1, 1.0);
    assert_eq!(s.speaker_mention.accuracy, 1.0);
    assert_eq!(s.speaker_resolution.accuracy, 1.0);
    assert_eq!(s.type_accuracy.accuracy, 1.0);
}

#[test]
fn polnear_dev_parses() {
    let Some(sh) = shared() else { return };
    let dir = sh.join("data/polnear/data/dev");
    let list = brat::list_dir(&dir).unwrap();
    assert_eq!(list.len(), 84);
    // Several annotators: the first .ann in sorted order is used.
    for (t, a) in &list {
        let stem = t.file_stem().unwrap().to_string_lossy().into_owned();
        let mut all: Vec<_> = std::fs::read_dir(dir.join("attributions"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(&stem))
            .collect();
        all.sort();
        assert_eq!(a.file_name().unwrap().to_string_lossy(), all[0]);
    }
    let first = brat::BratDoc::read(&list[0].0, &list[0].1).unwrap();
    assert_eq!(first.relations.len(), 6);
    assert_eq!(first.relations[0].content.cover(), CharSpan::new(115, 290));
    assert_eq!(first.date().as_deref(), Some("2016-09-12"));
    let second = brat::BratDoc::read(&list[1].0, &list[1].1).unwrap();
    assert!(second.relations.iter().any(|r| r.content.fragments.len() > 1), "has discontinuous content");
    // Every span of every article lies within its text, and every type is one of the three.
    let (mut n, mut discontinuous) = (0, 0);
    for d in brat::read_dir(&dir).unwrap() {
        let len = d.text.chars().count();
        for (r, q) in d.relations.iter().zip(d.quotes()) {
            n += 1;
            discontinuous += (r.content.fragments.len() > 1) as usize;
            assert!(q.content.end <= len && !q.content.is_empty(), "{} {}", d.stem, r.id);
            assert!(matches!(q.qtype.as_deref(), Some("direct" | "indirect" | "mixed")));
        }
    }
    assert_eq!(n, 2192);
    assert!(discontinuous > 0);
}
