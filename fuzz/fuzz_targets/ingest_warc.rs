//! Fuzz target `ingest_warc`: arbitrary bytes through the WARC reader, as they are and as a gzip stream
//! (which they rarely are: a cut or corrupt stream). None may panic; errors name the archive; a reader
//! stops after its first error. See docs/fuzzing.md.
#![no_main]

use accord_ingest::warc::{parse_warc, WarcReader};
use libfuzzer_sys::fuzz_target;
use std::io::BufReader;

fn check(items: Vec<Result<accord_ingest::html::Article, accord_ingest::IngestError>>) {
    for (i, r) in items.iter().enumerate() {
        if let Err(e) = r {
            let e = e.to_string();
            assert!(e.starts_with("fuzz.warc"), "{e}");
            // a record's page error lets the reader go on; a broken archive ends it
            if !e.contains(" (") {
                assert_eq!(i + 1, items.len(), "nothing after a fatal error: {e}");
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    check(parse_warc(data, "fuzz.warc"));
    let gz = BufReader::new(flate2::bufread::MultiGzDecoder::new(data));
    check(WarcReader::new(gz, "fuzz.warc").collect());
});
