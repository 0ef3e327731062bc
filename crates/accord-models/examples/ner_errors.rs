//! Developer tool: the recogniser's name errors on a GUM file, counted by kind and genre, for any folder
//! of weights. `accord eval --treebank FILE --errors N` lists the same errors (the library's
//! `accord_models::eval::name_errors`) for the weights built into `accord`.
//!
//! ```sh
//! cargo run --release -p accord-models --example ner_errors -- MODELS_DIR FILE.conllu [-v]
//! ```
//!
//! * `MODELS_DIR`: a folder of weights (`crates/accord-models/models`, or a `SAVE_DIR` of `ner_cv` with
//!   its `heldout.conllu`).
//! * `FILE.conllu`: a GUM file (names are read off its `Entity=` annotations).
//! * `-v`: also print each error with its context (words with their UPOS) and document id.
//!
//! Kinds of false positives (PER/ORG/GPE predictions not matching a gold name exactly): `type` (same span,
//! other label, MISC included), `bound` (overlaps a gold name), `spur` (overlaps none). False negatives:
//! `type`/`bound` as above, `miss` (no overlapping prediction). No environment variables. See
//! `docs/development.md`.
use accord_models::{conllu, eval, Models};
use std::collections::BTreeMap;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: ner_errors MODELS_DIR FILE.conllu [-v]");
        std::process::exit(2);
    }
    let models = Models::from_dir(std::path::Path::new(&args[1])).unwrap();
    let sents = conllu::read_file(std::path::Path::new(&args[2])).unwrap();
    let verbose = args.iter().any(|a| a == "-v");
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for r in eval::documents(&sents) {
        let ds = &sents[r];
        let id = ds[0].doc_id.clone().unwrap_or_default();
        let genre = conllu::gum_genre(&id).unwrap_or("?").to_string();
        let mut doc = eval::doc_from_sentences(ds, "d");
        models.annotate(&mut doc);
        let gold = eval::gold_names(ds);
        let pred = eval::predicted_names(&doc);
        for e in eval::name_errors(&gold, &pred) {
            *counts.entry(format!("{} {} {}", e.side, e.name.3, e.kind)).or_default() += 1;
            *counts.entry(format!("genre {} {}", genre, e.side.to_lowercase())).or_default() += 1;
            if verbose {
                let o: Vec<String> =
                    e.overlapping.iter().map(|o| format!("[{}]:{}", eval::name_text(ds, o), o.3)).collect();
                let which = if e.side == "FN" { "pred" } else { "gold" };
                println!(
                    "{} {:5} {} [{}] {which} {o:?} | {} | {id}",
                    e.side,
                    e.kind,
                    e.name.3,
                    eval::name_text(ds, &e.name),
                    eval::name_context(ds, &e.name)
                );
            }
        }
        for p in pred.iter().filter(|p| matches!(p.3, "PER" | "ORG" | "GPE") && gold.contains(p)) {
            *counts.entry(format!("TP {}", p.3)).or_default() += 1;
            *counts.entry(format!("genre {} tp", genre)).or_default() += 1;
        }
    }
    for (k, v) in &counts {
        println!("{k}\t{v}");
    }
}
