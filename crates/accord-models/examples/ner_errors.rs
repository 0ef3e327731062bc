//! Prints name errors on a GUM file: `ner_errors MODELS_DIR FILE.conllu`.
use accord_models::{conllu, eval, Models};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let models = Models::from_dir(std::path::Path::new(&args[1])).unwrap();
    let sents = conllu::read_file(std::path::Path::new(&args[2])).unwrap();
    for r in eval::documents(&sents) {
        let ds = &sents[r];
        let mut doc = eval::doc_from_sentences(ds, "d");
        models.annotate(&mut doc);
        let gold = eval::gold_names(ds);
        let pred = eval::predicted_names(&doc);
        let txt = |x: &(usize, usize, usize, &str)| ds[x.0].words[x.1..x.2].iter().map(|w| w.form.as_str()).collect::<Vec<_>>().join(" ");
        for g in &gold {
            if !pred.contains(g) {
                let p: Vec<String> = pred.iter().filter(|p| p.0 == g.0 && p.1 < g.2 && g.1 < p.2).map(|p| format!("{}:{}", txt(p), p.3)).collect();
                println!("MISS {}\t{}\tpred: {:?}", g.3, txt(g), p);
            }
        }
        for p in &pred {
            if !gold.iter().any(|g| g.0 == p.0 && g.1 < p.2 && p.1 < g.2) {
                println!("FP   {}\t{}", p.3, txt(p));
            }
        }
    }
}
