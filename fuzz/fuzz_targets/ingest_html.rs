//! Fuzz target `ingest_html`: arbitrary bytes decoded as an HTML page (BOM/charset sniffing, once with an
//! HTTP charset taken from the first byte) and through the article extractor and the fragment-to-text
//! converter. None may panic; an error names the page; a page that is read has text. See docs/fuzzing.md.
#![no_main]

use accord_ingest::html::{decode_html, html_to_text, parse_html};
use libfuzzer_sys::fuzz_target;

const CHARSETS: [&str; 6] = [
    "text/html",
    "text/html; charset=utf-8",
    "text/html; charset=windows-1251",
    "text/html; charset=shift_jis",
    "text/html; charset=utf-16le",
    "text/html; charset=\"iso-8859-1",
];

fuzz_target!(|data: &[u8]| {
    let hint = data.first().map(|b| CHARSETS[*b as usize % CHARSETS.len()]);
    for ct in [None, hint] {
        let html = decode_html(data, ct);
        match parse_html(&html, "fuzz.html") {
            Ok(a) => assert!(!a.raw.text.trim().is_empty(), "a page that is read has text"),
            Err(e) => assert!(e.to_string().starts_with("fuzz.html: "), "{e}"),
        }
        let _ = html_to_text(&html);
    }
});
