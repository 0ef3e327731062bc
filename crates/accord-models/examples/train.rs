//! Trains the models without the CLI: `cargo run --release -p accord-models --example train -- [SHARED] [OUT] [LIMIT] [ONLY]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut opts = accord_models::train::Options::default();
    if let Some(s) = args.get(1) {
        opts.shared = s.into();
    }
    if let Some(s) = args.get(2) {
        opts.out = s.into();
    }
    opts.limit_sentences = args.get(3).and_then(|s| s.parse().ok()).filter(|&n| n > 0);
    opts.only = args.get(4).cloned();
    opts.epochs = std::env::var("ACCORD_EPOCHS").ok().and_then(|s| s.parse().ok());
    if let Some(seed) = std::env::var("ACCORD_SEED").ok().and_then(|s| s.parse().ok()) {
        opts.seed = seed;
    }
    let t = std::time::Instant::now();
    let report =
        accord_models::train::train(&opts, &mut |m| eprintln!("[{:>6.1}s] {m}", t.elapsed().as_secs_f64())).unwrap();
    accord_models::train::write_cards(&opts, &report).unwrap();
}
