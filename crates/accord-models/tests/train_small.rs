//! `accord train --limit-sentences 200` end to end, into a temporary folder.
use accord_models::{train, Models};
use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("data/treebanks").is_dir() {
        return Some(p);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("../shared is missing ({}) and CI=true", p.display());
    }
    eprintln!("skipping: ../shared not found at {}", p.display());
    None
}

#[test]
fn trains_on_a_small_slice_deterministically() {
    let Some(shared) = shared() else { return };
    let dir = std::env::temp_dir().join(format!("accord-train-test-{}", std::process::id()));
    let run = |out: PathBuf| {
        let opts = train::Options {
            shared: shared.clone(),
            out,
            limit_sentences: Some(200),
            epochs: Some(2),
            skip_eval: true,
            ..Default::default()
        };
        let report = train::train(&opts, &mut |m| eprintln!("{m}")).unwrap();
        train::write_cards(&opts, &report).unwrap();
        (opts, report)
    };
    let (opts, report) = run(dir.join("a"));
    // the recogniser's cross-validation: training chose the MISC bonus on the five folds of the run's
    // shuffling seed and the next ones pooled
    let folds = train::cross_validate_ner(&opts, &[0, 1, 2, 3, 4], &mut |m| eprintln!("{m}")).unwrap();
    assert_eq!(folds.iter().map(|f| f.fold).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
    assert!(folds.iter().all(|f| f.sentences > 0 && f.by_bonus.len() == 21), "{folds:?}");
    let mut all_seeds = folds.clone();
    for k in 1..train::MISC_BIAS_SEEDS {
        let o = train::Options { seed: opts.seed.wrapping_add(k), ..opts.clone() };
        all_seeds.extend(train::cross_validate_ner(&o, &[0, 1, 2, 3, 4], &mut |_| {}).unwrap());
    }
    let chosen = train::best_bonus(&train::pooled(&all_seeds)).0;
    assert_eq!(Some(chosen), report.misc_bias.as_ref().map(|b| b.0), "{:?}", report.misc_bias);
    // the parser's held-out check: one sentence in 10 of the small slice
    let held = train::parser_heldout(&opts, 10, &mut |_| {}).unwrap();
    assert!(held.sentences > 0 && held.words > held.sentences, "{held:?}");
    assert!((0.0..=100.0).contains(&held.las) && held.las <= held.uas && held.uas > 20.0, "{held:?}");
    let pooled = train::pooled(&folds);
    let tp = |m: &std::collections::BTreeMap<&'static str, accord_models::eval::Prf>| train::micro(m).tp;
    assert_eq!(tp(&pooled[0].1), folds.iter().map(|f| tp(&f.by_bonus[0].1)).sum::<usize>());
    for f in ["tagger.bin", "parser.bin", "ner.bin", "lemmas.bin", "tagger.md", "parser.md", "ner.md", "lemmas.md"] {
        assert!(dir.join("a").join(f).is_file(), "{f} missing");
    }
    let models = Models::from_dir(&dir.join("a")).unwrap();
    let sents = accord_models::conllu::parse("1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
    let sc = accord_models::eval::score(&models, &sents, |_, _| {});
    assert_eq!(sc.words, 3);
    // same seed, same data: byte-identical weights
    run(dir.join("b"));
    for f in ["tagger.bin", "parser.bin", "ner.bin", "lemmas.bin"] {
        assert_eq!(
            std::fs::read(dir.join("a").join(f)).unwrap(),
            std::fs::read(dir.join("b").join(f)).unwrap(),
            "{f} differs"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
