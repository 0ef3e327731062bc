//! Scores weights in a folder on a CoNLL-U file: `score MODELS_DIR FILE.conllu [PRED_OUT]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
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
