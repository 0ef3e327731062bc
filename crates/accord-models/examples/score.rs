//! Developer tool: scores a folder of weights on a CoNLL-U file, without rebuilding `accord` to embed them
//! (`accord eval --treebank` scores the weights built into the binary).
//!
//! ```sh
//! cargo run --release -p accord-models --example score -- MODELS_DIR FILE.conllu [PRED_OUT]
//! ```
//!
//! * `MODELS_DIR`: a folder of weights (`tagger.bin`, `parser.bin`, `ner.bin`, `lemmas.bin`), e.g. an
//!   `accord train --out` folder.
//! * `FILE.conllu`: a UD file with gold words.
//! * `PRED_OUT`: also write the predictions as CoNLL-U there.
//!
//! Environment: `NER_BONUS` (a number): score with this MISC bonus instead of the one stored in `ner.bin`
//! (diagnostics only; `accord train` chooses the bonus, see `ner_cv`).
//!
//! Prints the scores of `accord_models::eval` (tags, lemmas, UAS/LAS, names) and the speed. See
//! `docs/development.md`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: score MODELS_DIR FILE.conllu [PRED_OUT]");
        std::process::exit(2);
    }
    let mut models = accord_models::Models::from_dir(std::path::Path::new(&args[1])).unwrap();
    // NER_BONUS=x: score with another MISC bonus (diagnostics only)
    if let Some(b) = std::env::var("NER_BONUS").ok().and_then(|s| s.parse::<f32>().ok()) {
        let (t, p, mut n, l) = models.into_parts().unwrap();
        n.misc_bias = b;
        models = accord_models::Models::assemble(t, p, n, l);
    }
    let sents = accord_models::conllu::read_file(std::path::Path::new(&args[2])).unwrap();
    let mut out = String::new();
    let t = std::time::Instant::now();
    let sc = accord_models::eval::score(&models, &sents, |d, s| {
        if args.len() > 3 {
            accord_models::eval::write_predicted(d, s, &mut out)
        }
    });
    println!(
        "{} | annotate {:.0} words/s | total {:.2}s",
        sc.summary(),
        sc.words as f64 / sc.seconds,
        t.elapsed().as_secs_f64()
    );
    if let Some(p) = args.get(3) {
        std::fs::write(p, out).unwrap();
    }
}
