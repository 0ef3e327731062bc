//! Developer tool: cross-validated recogniser F1 on the licensed GUM training documents (no dev data),
//! the measurement `accord train` uses to choose the MISC bonus and that chose the recogniser's features.
//! `accord train --ner-folds FOLDS [--out MODELS_DIR]` prints the same figures; this tool also saves a
//! fold's models (`SAVE_DIR`) and takes its epochs and seed from the environment.
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
use accord_models::{conllu, train};
use std::path::Path;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 3 {
        eprintln!("usage: ner_cv MODELS_DIR SHARED [FOLDS] [SAVE_DIR]");
        std::process::exit(2);
    }
    let folds: Vec<usize> = a.get(3).map(|s| s.split(',').map(|x| x.parse().unwrap()).collect()).unwrap_or(vec![4]);
    let save = a.get(4).map(Path::new);
    let opts = train::Options {
        shared: a[2].clone().into(),
        out: a[1].clone().into(),
        seed: std::env::var("NER_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(20240607),
        ..Default::default()
    };
    let epochs: usize = std::env::var("NER_EPOCHS").ok().and_then(|s| s.parse().ok()).unwrap_or(16);
    let (_, gum) = train::training_sentences(&train::Treebanks::new(&opts.shared), None).unwrap();
    let (data, _) = train::ner_examples(&gum);
    let extra = train::extra_ner_examples(&opts, &mut |m| eprintln!("{m}")).unwrap();
    let line = |b: &[(f32, std::collections::BTreeMap<&'static str, accord_models::eval::Prf>)]| -> String {
        b.iter().map(|(b, m)| format!(" {b:.0}:{:.3}", train::micro(m).f1())).collect()
    };
    let mut done = Vec::new();
    for &f in &folds {
        let (fold, mut recogniser) = train::ner_fold(&opts, &gum, &data, &extra, epochs, f).unwrap();
        let best = fold.best();
        println!(
            "fold {f} ({} sentences, trained in {:.1}s): best {:.3} at {}; {}",
            fold.sentences,
            fold.train_seconds,
            best.1,
            best.0,
            line(&fold.by_bonus)
        );
        if let Some(out) = save {
            std::fs::create_dir_all(out).unwrap();
            for n in ["tagger.bin", "parser.bin", "lemmas.bin"] {
                std::fs::write(out.join(n), std::fs::read(opts.out.join(n)).unwrap()).unwrap();
            }
            recogniser.misc_bias = best.0;
            std::fs::write(out.join("ner.bin"), recogniser.write()).unwrap();
            let held: Vec<_> = accord_models::eval::documents(&gum)
                .into_iter()
                .enumerate()
                .filter(|(d, _)| d % 5 == f)
                .flat_map(|(_, r)| gum[r].to_vec())
                .collect();
            let mut text = String::new();
            for s in &held {
                conllu::write_sentence(s, &mut text);
            }
            std::fs::write(out.join("heldout.conllu"), text).unwrap();
        }
        done.push(fold);
    }
    if done.len() > 1 {
        let pooled = train::pooled(&done);
        let (b, f1) = train::best_bonus(&pooled);
        let at = &pooled.iter().find(|(x, _)| *x == b).unwrap().1;
        let per: String =
            at.iter().map(|(k, v)| format!(" {k} P {:.3} R {:.3} F1 {:.3}", v.p(), v.r(), v.f1())).collect();
        println!("pooled: best {f1:.3} at {b};{per}\npooled by bonus:{}", line(&pooled));
    }
}
