//! Fuzz target `ingest_documents`: arbitrary bytes through the reader of analysed `accord/1` JSON Lines
//! (`accord ingest --analysed`), as they are and through a gzip decoder. None may panic; every error names
//! the input; every document read says `accord/1`. See docs/fuzzing.md.
#![no_main]

use accord_ingest::documents::read_documents_from;
use libfuzzer_sys::fuzz_target;
use std::io::BufReader;

fn check(items: impl Iterator<Item = Result<accord_doc::schema::DocumentOut, accord_ingest::IngestError>>) {
    for item in items {
        match item {
            Ok(d) => assert_eq!(d.schema, accord_doc::schema::SCHEMA),
            Err(e) => assert!(e.to_string().starts_with("fuzz.jsonl"), "{e}"),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    check(read_documents_from(std::io::Cursor::new(data.to_vec()), "fuzz.jsonl"));
    let gz = BufReader::new(flate2::read::MultiGzDecoder::new(std::io::Cursor::new(data.to_vec())));
    check(read_documents_from(gz, "fuzz.jsonl").take(1000));
});
