//! Developer tool: the recogniser's name errors on a GUM file, counted by kind and genre.
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
    let main3 = |l: &str| matches!(l, "PER" | "ORG" | "GPE");
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for r in eval::documents(&sents) {
        let ds = &sents[r];
        let id = ds[0].doc_id.clone().unwrap_or_default();
        let genre = conllu::gum_genre(&id).unwrap_or("?").to_string();
        let mut doc = eval::doc_from_sentences(ds, "d");
        models.annotate(&mut doc);
        let gold = eval::gold_names(ds);
        let pred = eval::predicted_names(&doc);
        let txt = |x: &(usize, usize, usize, &str)| {
            ds[x.0].words[x.1..x.2].iter().map(|w| w.form.as_str()).collect::<Vec<_>>().join(" ")
        };
        let ctx = |x: &(usize, usize, usize, &str)| {
            let w = &ds[x.0].words;
            let a = x.1.saturating_sub(3);
            let b = (x.2 + 3).min(w.len());
            w[a..b].iter().map(|w| format!("{}/{}", w.form, w.upos)).collect::<Vec<_>>().join(" ")
        };
        for g in gold.iter().filter(|g| main3(g.3)) {
            if pred.contains(g) {
                continue;
            }
            let ov: Vec<_> = pred.iter().filter(|p| p.0 == g.0 && p.1 < g.2 && g.1 < p.2).collect();
            let kind = if ov.iter().any(|p| p.1 == g.1 && p.2 == g.2) {
                "type"
            } else if !ov.is_empty() {
                "bound"
            } else {
                "miss"
            };
            *counts.entry(format!("FN {} {}", g.3, kind)).or_default() += 1;
            *counts.entry(format!("genre {} fn", genre)).or_default() += 1;
            if verbose {
                let p: Vec<String> = ov.iter().map(|p| format!("[{}]:{}", txt(p), p.3)).collect();
                println!("FN {kind:5} {} [{}] pred {:?} | {} | {id}", g.3, txt(g), p, ctx(g));
            }
        }
        for p in pred.iter().filter(|p| main3(p.3)) {
            if gold.contains(p) {
                *counts.entry(format!("TP {}", p.3)).or_default() += 1;
                *counts.entry(format!("genre {} tp", genre)).or_default() += 1;
                continue;
            }
            let ov: Vec<_> = gold.iter().filter(|g| g.0 == p.0 && g.1 < p.2 && p.1 < g.2).collect();
            let kind = if ov.iter().any(|g| p.1 == g.1 && p.2 == g.2) {
                "type"
            } else if !ov.is_empty() {
                "bound"
            } else {
                "spur"
            };
            *counts.entry(format!("FP {} {}", p.3, kind)).or_default() += 1;
            *counts.entry(format!("genre {} fp", genre)).or_default() += 1;
            if verbose {
                let g: Vec<String> = ov.iter().map(|g| format!("[{}]:{}", txt(g), g.3)).collect();
                println!("FP {kind:5} {} [{}] gold {:?} | {} | {id}", p.3, txt(p), g, ctx(p));
            }
        }
    }
    for (k, v) in &counts {
        println!("{k}\t{v}");
    }
}
