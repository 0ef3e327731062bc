//! Developer tool: re-prunes a parser weight file, to measure what a smaller table costs.
//!
//! ```sh
//! cargo run --release -p accord-models --example prune -- IN OUT MIN_ABS
//! ```
//!
//! * `IN`: a `parser.bin`; `OUT`: where the pruned copy is written.
//! * `MIN_ABS`: weights of smaller magnitude are dropped (training prunes below 1.0).
//!
//! Prints the number of weights before and after; score the result with `score`. No environment
//! variables. See `docs/development.md`.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 4 {
        eprintln!("usage: prune IN OUT MIN_ABS");
        std::process::exit(2);
    }
    let p = accord_models::parser::Parser::read(&std::fs::read(&a[1]).unwrap()).unwrap();
    let q = p.pruned(a[3].parse().unwrap());
    eprintln!("{} -> {} weights", p.n_weights(), q.n_weights());
    std::fs::write(&a[2], q.write()).unwrap();
}
