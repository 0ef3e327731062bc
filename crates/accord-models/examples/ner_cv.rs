//! Developer tool: cross-validated recogniser F1 on the licensed GUM training documents (no dev data),
//! the measurement `accord train` uses to choose the MISC bonus and that chose the recogniser's features.
//!
//! ```sh
//! cargo run --release -p accord-models --example ner_cv -- MODELS_DIR SHARED [FOLDS] [SAVE_DIR]
//! ```
//!
//! * `MODELS_DIR`: the tagger, parser and lemmatiser (`tagger.bin`, `parser.bin`, `lemmas.bin`) the held-out
//!   documents are analysed with (`crates/accord-models/models`).
//! * `SHARED`: the shared data folder holding `data/treebanks` (`../shared`).
//! * `FOLDS`: comma-separated folds to run, of 5 (default `4`, the fold `accord train` holds out;
//!   `0,1,2,3,4` for all). Fold f holds out the GUM training documents d with d % 5 == f.
//! * `SAVE_DIR` (one fold only): writes the fold's models (the recogniser with the bonus of the best F1)
//!   and the held-out documents as `heldout.conllu`, for `ner_errors`.
//!
//! Environment: `NER_EPOCHS` (training epochs per perceptron, default 16, as `accord train`) and `NER_SEED`
//! (the shuffling seed, default 20240607, as `accord train --seed`).
//!
//! For each fold, a recogniser trained without the held-out documents runs in the whole pipeline over them
//! for MISC bonuses 0, 2, ..., 40. Prints the F1 per fold and bonus and, with several folds, the pooled F1
//! (counts summed over folds) per bonus with per-type figures at the best pooled bonus. Takes minutes per
//! fold. See `docs/development.md`.
use accord_models::eval::{self, Prf};
use accord_models::{conllu, lemma, ner, parser, tagger, train, Models};
use std::collections::BTreeMap;
use std::path::Path;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 3 {
        eprintln!("usage: ner_cv MODELS_DIR SHARED [FOLDS] [SAVE_DIR]");
        std::process::exit(2);
    }
    let dir = Path::new(&a[1]);
    let shared = Path::new(&a[2]);
    let folds: Vec<usize> = a.get(3).map(|s| s.split(',').map(|x| x.parse().unwrap()).collect()).unwrap_or(vec![4]);
    let save = a.get(4).map(Path::new);
    let epochs: usize = std::env::var("NER_EPOCHS").ok().and_then(|s| s.parse().ok()).unwrap_or(16);
    let read = |n: &str| std::fs::read(dir.join(n)).unwrap();
    let tb = train::Treebanks::new(shared);
    let (_, gum) = train::training_sentences(&tb, None).unwrap();
    let (data, _) = train::ner_examples(&gum);
    let docs = eval::documents(&gum);
    let bonuses: Vec<f32> = (0..=20).map(|s| 2.0 * s as f32).collect();
    let mut pooled: Vec<BTreeMap<&'static str, Prf>> = vec![BTreeMap::new(); bonuses.len()];
    for &f in &folds {
        let (mut fit, mut check) = (Vec::new(), Vec::new());
        for (d, r) in docs.iter().enumerate() {
            if d % 5 == f {
                check.extend(gum[r.clone()].iter().cloned());
            } else {
                fit.extend(data[r.clone()].iter().cloned());
            }
        }
        let t = std::time::Instant::now();
        let mut parts = (
            tagger::Tagger::read(&read("tagger.bin")).unwrap(),
            parser::Parser::read(&read("parser.bin")).unwrap(),
            ner::Ner::train(
                &fit,
                epochs,
                std::env::var("NER_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(20240607),
                &mut |_| {},
            ),
            lemma::Lemmatizer::read(&read("lemmas.bin")).unwrap(),
        );
        let secs = t.elapsed().as_secs_f64();
        let mut line = String::new();
        let mut best = (f64::MIN, 0.0f32);
        for (bi, &b) in bonuses.iter().enumerate() {
            parts.2.misc_bias = b;
            let models = Models::assemble(parts.0, parts.1, parts.2, parts.3);
            let sc = eval::score(&models, &check, |_, _| {});
            parts = models.into_parts().unwrap();
            let f1 = sc.entity_micro().f1();
            if f1 > best.0 {
                best = (f1, b);
            }
            line.push_str(&format!(" {b:.0}:{f1:.3}"));
            for (k, v) in &sc.entities {
                pooled[bi].entry(k).or_default().add(*v);
            }
        }
        println!(
            "fold {f} ({} sentences, trained in {secs:.1}s): best {:.3} at {}; {line}",
            check.len(),
            best.0,
            best.1
        );
        if let Some(out) = save {
            std::fs::create_dir_all(out).unwrap();
            for n in ["tagger.bin", "parser.bin", "lemmas.bin"] {
                std::fs::write(out.join(n), read(n)).unwrap();
            }
            parts.2.misc_bias = best.1;
            std::fs::write(out.join("ner.bin"), parts.2.write()).unwrap();
            let mut text = String::new();
            for s in &check {
                conllu::write_sentence(s, &mut text);
            }
            std::fs::write(out.join("heldout.conllu"), text).unwrap();
        }
    }
    if folds.len() > 1 {
        let micro = |m: &BTreeMap<&'static str, Prf>| {
            let mut p = Prf::default();
            m.values().for_each(|v| p.add(*v));
            p
        };
        let line: String = bonuses.iter().zip(&pooled).map(|(b, m)| format!(" {b:.0}:{:.3}", micro(m).f1())).collect();
        let bi = (0..bonuses.len())
            .max_by(|&x, &y| micro(&pooled[x]).f1().total_cmp(&micro(&pooled[y]).f1()).then(y.cmp(&x)))
            .unwrap();
        let per: String =
            pooled[bi].iter().map(|(k, v)| format!(" {k} P {:.3} R {:.3} F1 {:.3}", v.p(), v.r(), v.f1())).collect();
        println!("pooled: best {:.3} at {};{per}\npooled by bonus:{line}", micro(&pooled[bi]).f1(), bonuses[bi]);
    }
}
