//! The HTML reader over a folder of hostile pages (tests/fixtures/hostile): truncated, mis-encoded,
//! non-English, empty, binary, boilerplate-only. Every page is either read, with its story sentence, or
//! rejected with an error that names the file and a reason; none panics.

use accord_ingest::{html::read_html_file, read_articles};
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

/// What each good page must contain (decoded from its own charset).
const GOOD: &[(&str, &str)] = &[
    ("good-optional-tags.html", "Jane Doe, the council leader, said the vote"),
    ("good-latin1.html", "Le maire de Lyon a déclaré que le budget était équilibré"),
    ("good-shift-jis.html", "市長は予算が均衡していると述べた。"),
    ("good-cyrillic-bom.html", "Мэр города заявил, что бюджет сбалансирован"),
    ("good-truncated-in-tag.html", "John Roe, a spokesman for the port, said the ships would sail on Friday."),
    ("good-unclosed-everything.html", "Mary Major said the hospital would open its new wing in June."),
    ("good-entities.html", "Ana Lopez said the café naïve ♥ Ça 😀"),
    ("good-unclosed-comment.html", "Li Wei said the railway line would reopen next week."),
];

/// Each bad page and a word of the reason it must give.
const BAD: &[(&str, &str)] = &[
    ("bad-empty.html", "empty"),
    ("bad-whitespace.html", "empty"),
    ("bad-binary.html", "binary"),
    ("bad-only-navigation.html", "no article text"),
    ("bad-script-only.html", "no article text"),
    ("bad-cut-tag.html", "no article text"),
    ("bad-lone-lt.html", "no article text"),
];

#[test]
fn every_hostile_page_is_read_or_rejected_with_file_and_reason() {
    let dir = fixtures();
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names.len(), GOOD.len() + BAD.len(), "every fixture is listed: {names:?}");
    for name in &names {
        let path = dir.join(name);
        let got = std::panic::catch_unwind(|| read_html_file(&path)).unwrap_or_else(|_| panic!("{name}: panicked"));
        if let Some((_, want)) = GOOD.iter().find(|(n, _)| n == name) {
            let a = got.unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(a.raw.text.contains(want), "{name}: {:?}", a.raw.text);
            // (good-entities.html has &#0; and a lone surrogate, which HTML turns into U+FFFD)
            if *name != "good-entities.html" {
                assert!(!a.raw.text.contains('\u{FFFD}'), "{name}: decoded with the wrong charset: {:?}", a.raw.text);
            }
            assert_eq!(a.raw.meta.id, *name);
        } else {
            let (_, why) = BAD.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} is not listed"));
            let e = got.expect_err(name).to_string();
            assert!(e.starts_with(&path.display().to_string()), "{name}: the error names the file: {e}");
            assert!(e.contains(why), "{name}: {e}");
        }
    }
    // the same through the generic entry point the CLI uses
    let read: usize = names.iter().map(|n| read_articles(&dir.join(n)).filter(|r| r.is_ok()).count()).sum();
    assert_eq!(read, GOOD.len());
}

#[test]
fn titles_survive_truncation_and_legacy_charsets() {
    let a = read_html_file(&fixtures().join("good-latin1.html")).unwrap();
    assert_eq!(a.raw.meta.title.as_deref(), Some("Le maire"));
    let a = read_html_file(&fixtures().join("good-truncated-in-tag.html")).unwrap();
    assert_eq!(a.raw.meta.title.as_deref(), Some("Cut"));
    let a = read_html_file(&fixtures().join("good-shift-jis.html")).unwrap();
    assert_eq!(a.raw.meta.title.as_deref(), Some("市長"));
}
