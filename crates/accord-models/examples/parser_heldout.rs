//! Developer tool: held-out check of the parser's feature templates on training data only (no dev set).
//! `accord train --parser-heldout K` prints the same figure (`accord_models::train::parser_heldout`); this
//! tool only logs the last epoch.
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
use accord_models::train;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 2 {
        eprintln!("usage: parser_heldout SHARED [K]");
        std::process::exit(2);
    }
    let k: usize = a.get(2).map(|s| s.parse().unwrap()).unwrap_or(10);
    let opts = train::Options { shared: a[1].clone().into(), ..Default::default() };
    let r = train::parser_heldout(&opts, k, &mut |m| {
        if m.contains("epoch 16") || !m.contains("epoch") {
            eprintln!("{m}")
        }
    })
    .unwrap();
    println!(
        "held out 1/{k} ({} sentences, {} words): UAS {:.2} LAS {:.2} (labels with subtypes)",
        r.sentences, r.words, r.uas, r.las
    );
}
