//! Re-prunes a parser weight file: `prune IN OUT MIN_ABS`.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let p = accord_models::parser::Parser::read(&std::fs::read(&a[1]).unwrap()).unwrap();
    let q = p.pruned(a[3].parse().unwrap());
    eprintln!("{} -> {} weights", p.n_weights(), q.n_weights());
    std::fs::write(&a[2], q.write()).unwrap();
}
