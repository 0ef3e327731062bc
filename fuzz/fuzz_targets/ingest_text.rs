//! Fuzz target `ingest_text`: arbitrary bytes through the plain-text and JSON Lines readers (whole, in
//! small parts, line by line). None may panic; every error names the input; every part of a text read in
//! parts is the input's own bytes, in order. See docs/fuzzing.md.
#![no_main]

use accord_ingest::{read_text, JsonLines, TextChunks};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match read_text(data, "fuzz.txt") {
        Ok(d) => assert_eq!(d.text.as_bytes(), data),
        Err(e) => assert!(e.to_string().starts_with("fuzz.txt"), "{e}"),
    }
    let mut joined = Vec::new();
    for part in TextChunks::new(data, "fuzz.txt", "fuzz.txt", 64) {
        match part {
            Ok(p) => joined.extend_from_slice(p.text.as_bytes()),
            Err(e) => {
                assert!(e.to_string().starts_with("fuzz.txt"), "{e}");
                joined.clear();
                break;
            }
        }
    }
    if std::str::from_utf8(data).is_ok() {
        assert_eq!(joined, data, "the parts put together are the input");
    }
    for item in JsonLines::new(data, "fuzz.jsonl") {
        if let Err(e) = item {
            assert!(e.to_string().starts_with("fuzz.jsonl"), "{e}");
        }
    }
});
