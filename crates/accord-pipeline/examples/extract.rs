//! Prints the accord/1 JSON (one line per file, no token layer) of text files:
//! `cargo run --release -p accord-pipeline --example extract -- [--date YYYY-MM-DD] FILE...`.
fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut date = None;
    if args.first().map(String::as_str) == Some("--date") {
        date = Some(args[1].clone());
        args.drain(..2);
    }
    let disabled =
        std::env::var("ACCORD_DISABLE").map(|v| v.split(',').map(str::to_string).collect()).unwrap_or_default();
    let pipeline =
        accord_pipeline::Pipeline::new(accord_pipeline::Options { default_date: date, disabled }).expect("models");
    for a in args {
        let raw = accord_ingest::read_text_file(std::path::Path::new(&a)).expect("readable file");
        let mut out = pipeline.process(raw).to_output();
        out.tokens.clear();
        println!("{}", serde_json::to_string(&out).unwrap());
    }
}
