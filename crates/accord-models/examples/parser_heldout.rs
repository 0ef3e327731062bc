//! Developer tool: held-out check of the parser's feature templates on training data only (no dev set).
//!
//! ```sh
//! cargo run --release -p accord-models --example parser_heldout -- SHARED [K]
//! ```
//!
//! * `SHARED`: the shared data folder holding `data/treebanks` (`../shared`).
//! * `K`: one training sentence in K is held out (those whose index is 0 mod K; default 10).
//!
//! Trains the parser as `accord train` does (jackknifed tags, 16 epochs, seed 20240607) on the other
//! sentences and prints UAS/LAS on the held-out ones (labels with subtypes). Takes minutes. No environment
//! variables. See `docs/development.md`.
use accord_models::{conllu, parser, train};
fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 2 {
        eprintln!("usage: parser_heldout SHARED [K]");
        std::process::exit(2);
    }
    let shared = std::path::Path::new(&a[1]);
    let k: usize = a.get(2).map(|s| s.parse().unwrap()).unwrap_or(10);
    let tb = train::Treebanks::new(shared);
    let (ewt, gum) = train::training_sentences(&tb, None).unwrap();
    let all: Vec<&conllu::Sentence> = ewt.iter().chain(gum.iter()).collect();
    let (labels, data) = train::parser_data(&all, 20240607, &mut |m| eprintln!("{m}"));
    let (mut fit, mut held) = (Vec::new(), Vec::new());
    for (i, ex) in data.into_iter().enumerate() {
        if i % k == 0 {
            held.push(ex);
        } else {
            fit.push(ex);
        }
    }
    let p = parser::Parser::train(&fit, labels, 16, 20240607, &mut |m| {
        if m.contains("epoch 16") {
            eprintln!("{m}")
        }
    });
    let mut sc = parser::Scratch::default();
    let (mut u, mut l, mut t) = (0usize, 0usize, 0usize);
    for ex in &held {
        p.parse(&parser::Input { lex: &ex.lex, tags: &ex.tags }, &mut sc);
        for d in 0..ex.lex.len() {
            t += 1;
            if sc.state.heads[d] == ex.heads[d] {
                u += 1;
                l += (sc.state.labels[d] == ex.labels[d]) as usize;
            }
        }
    }
    println!(
        "held out 1/{k} ({} sentences, {t} words): UAS {:.2} LAS {:.2} (labels with subtypes)",
        held.len(),
        100.0 * u as f64 / t as f64,
        100.0 * l as f64 / t as f64
    );
}
