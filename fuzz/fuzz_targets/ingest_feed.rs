//! Fuzz target `ingest_feed`: arbitrary bytes through the RSS/Atom/JSON Feed reader. None may panic; an
//! error names the file; every item read has text and an id. See docs/fuzzing.md.
#![no_main]

use accord_ingest::feed::parse_feed;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match parse_feed(data, "fuzz.xml") {
        Ok(items) => {
            assert!(!items.is_empty());
            for a in items {
                assert!(!a.raw.text.trim().is_empty() && !a.raw.meta.id.is_empty());
            }
        }
        Err(e) => assert!(e.to_string().starts_with("fuzz.xml: "), "{e}"),
    }
});
