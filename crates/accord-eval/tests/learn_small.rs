//! `accord train --only attribution` on a small slice of PolNeAR train, end to end, twice.
use accord_eval::learn::{crossfit_attribution, polnear_train, train_attribution, LearnOptions};
use std::path::PathBuf;

mod common;

fn shared() -> Option<PathBuf> {
    common::shared(&["data/polnear/data/train"])
}

#[test]
fn trains_the_attribution_scorer_on_a_slice_deterministically() {
    let Some(shared) = shared() else { return };
    let dir = std::env::temp_dir().join(format!("accord-learn-test-{}", std::process::id()));
    let run = |out: PathBuf| {
        let opts = LearnOptions { corpus: polnear_train(&shared), out, limit_docs: Some(12), epochs: 3, seed: 5 };
        train_attribution(&opts, &mut |m| eprintln!("{m}")).unwrap()
    };
    let r = run(dir.join("a"));
    assert_eq!(r.docs, 12);
    assert!(r.gold > 50 && r.rules_matched > 0 && r.candidates > r.positives && r.positives > 0, "{r:?}");
    assert!(r.f1_learned >= r.f1_rules && r.speaker_learned >= r.speaker_rules - accord_eval::learn::SPEAKER_SLACK);
    let tsv = std::fs::read_to_string(dir.join("a/attribution.tsv")).unwrap();
    let scorer = accord_attribution::learned::Scorer::parse(&tsv).unwrap();
    assert!(!scorer.is_empty());
    assert!(std::fs::read_to_string(dir.join("a/attribution.md")).unwrap().contains("PolNeAR train"));
    run(dir.join("b"));
    assert_eq!(
        tsv,
        std::fs::read_to_string(dir.join("b/attribution.tsv")).unwrap(),
        "same slice and seed, same weights"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cross_fits_the_attribution_scorer_on_a_slice() {
    let Some(shared) = shared() else { return };
    let out = std::env::temp_dir().join(format!("accord-crossfit-test-{}", std::process::id()));
    let opts =
        LearnOptions { corpus: polnear_train(&shared), out: out.clone(), limit_docs: Some(20), epochs: 3, seed: 5 };
    let r = crossfit_attribution(&opts, 4, &mut |m| eprintln!("{m}")).unwrap();
    assert_eq!((r.docs, r.folds), (20, 4));
    assert_eq!(r.by_threshold.len(), 17);
    // every threshold keeps the rules' attributions and adds candidates: a low threshold adds more
    let (lo, hi) = (r.by_threshold[0], r.by_threshold[16]);
    assert!(lo.0 < hi.0 && r.rules.0 > 0.3, "{r:?}");
    // the chosen threshold is one of those tried (or the rules alone), with its own figures
    assert!(r.chosen.0 > 1.0 || r.by_threshold.contains(&r.chosen), "{r:?}");
    assert!(r.chosen.1 >= r.rules.0);
    // it writes nothing
    assert!(!out.exists());
}
