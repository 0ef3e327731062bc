//! Fuzz target `api_body`: arbitrary bytes as the JSON body of `POST /api/articles`
//! (`accord_server::parse_article_body`). None may panic; a body that is accepted has non-blank text,
//! and its date, when it has one, is a real `YYYY-MM-DD`; a refused one has a message. The same fields
//! posted again as JSON are read back the same. See docs/fuzzing.md.
#![no_main]

use accord_server::parse_article_body;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match parse_article_body(data) {
        Ok(a) => {
            assert!(!a.text.trim().is_empty(), "an accepted article has text");
            if let Some(d) = &a.meta.date {
                assert_eq!(d.len(), 10, "date {d:?}");
                assert!(accord_store::dates::filter_date(d).is_ok(), "date {d:?}");
            }
            let again = serde_json::json!({
                "text": a.text, "id": a.meta.id, "title": a.meta.title, "date": a.meta.date,
                "source": a.meta.source, "url": a.meta.url, "author": a.info.author,
            });
            let b = parse_article_body(again.to_string().as_bytes()).expect("an accepted article posted again");
            assert_eq!((&b.text, &b.meta, &b.info.author), (&a.text, &a.meta, &a.info.author));
        }
        Err(e) => assert!(!e.is_empty(), "a refusal says why"),
    }
});
