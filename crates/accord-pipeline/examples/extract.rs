//! Prints the accord/1 JSON of one text file: `cargo run --example extract FILE [DATE]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = std::path::Path::new(&args[1]);
    let raw = accord_ingest::read_text_file(path).expect("readable file");
    let pipeline = accord_pipeline::Pipeline::new(accord_pipeline::Options { default_date: args.get(2).cloned(), ..Default::default() }).expect("models");
    let doc = pipeline.process(raw);
    let mut out = doc.to_output();
    out.tokens.clear();
    println!("{}", serde_json::to_string(&out).unwrap());
}
