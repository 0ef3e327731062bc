//! Developer tool: times the recogniser alone on a CoNLL-U file, gold tags standing in for predicted ones.
//!
//! ```sh
//! cargo run --release -p accord-models --example ner_bench -- MODELS_DIR FILE.conllu [REPEATS]
//! ```
//!
//! * `MODELS_DIR`: a folder holding `ner.bin` (`crates/accord-models/models`, or an `accord train --out`).
//! * `FILE.conllu`: any UD file (its words and gold UPOS/XPOS are used).
//! * `REPEATS`: passes over the file (default 20).
//!
//! Prints ns per token for the context (gazetteer, word lists, runs, document marks), for tagging, and
//! their sum, with the number of names found per pass. No environment variables. See
//! `docs/development.md`.
use accord_models::{conllu, eval, lex::Lex, ner, parser, tagger};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: ner_bench MODELS_DIR FILE.conllu [REPEATS]");
        std::process::exit(2);
    }
    let ner = ner::Ner::read(&std::fs::read(std::path::Path::new(&args[1]).join("ner.bin")).unwrap()).unwrap();
    let sents = conllu::read_file(std::path::Path::new(&args[2])).unwrap();
    let reps: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(20);
    let docs: Vec<Vec<(Vec<Lex>, Vec<u64>)>> = eval::documents(&sents)
        .into_iter()
        .map(|r| {
            sents[r]
                .iter()
                .map(|s| {
                    (
                        s.words.iter().map(|w| Lex::new(&w.form)).collect(),
                        s.words.iter().map(|w| parser::tag_hash(&w.upos, &w.xpos)).collect(),
                    )
                })
                .collect()
        })
        .collect();
    let tokens: usize = docs.iter().flatten().map(|s| s.0.len()).sum::<usize>() * reps;
    let (mut ctx, mut marks, mut lp, mut bio, mut feats, mut scores) =
        (ner::Ctx::default(), Default::default(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut t_ctx, mut t_tag) = (0f64, 0f64);
    let mut names = 0usize;
    for _ in 0..reps {
        for d in &docs {
            let t = std::time::Instant::now();
            ner.gazetteer.doc_marks(d.iter().map(|s| s.0.as_slice()), &mut marks);
            t_ctx += t.elapsed().as_secs_f64();
            for (lex, tags) in d {
                let t = std::time::Instant::now();
                ner.gazetteer.context(lex, &marks, &mut ctx);
                t_ctx += t.elapsed().as_secs_f64();
                let t = std::time::Instant::now();
                tagger::pad(lex, &mut lp);
                ner.tag(
                    &ner::Input { lp: &lp, tags, ctx: &ctx, headline: ner::is_headline(lex) },
                    &mut bio,
                    &mut feats,
                    &mut scores,
                );
                t_tag += t.elapsed().as_secs_f64();
                names += bio.iter().filter(|&&c| c % 2 == 1).count();
            }
        }
    }
    println!(
        "{} tokens: context {:.0} ns/token, tag {:.0} ns/token, total {:.0} ns/token ({} names)",
        tokens,
        1e9 * t_ctx / tokens as f64,
        1e9 * t_tag / tokens as f64,
        1e9 * (t_ctx + t_tag) / tokens as f64,
        names / reps
    );
}
