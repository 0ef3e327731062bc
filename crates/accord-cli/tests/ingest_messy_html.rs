//! `accord ingest` over a folder of messy HTML pages (truncated, legacy charsets, non-English, empty,
//! binary, boilerplate only: accord-ingest's tests/fixtures/hostile): it exits 1, reports every bad page
//! with its path and reason, and stores every good one.
#[path = "kb_util.rs"]
mod kb_util;
use kb_util::*;
use std::path::Path;

#[test]
fn ingest_reports_bad_pages_and_stores_good_ones() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../accord-ingest/tests/fixtures/hostile");
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("pages");
    std::fs::create_dir_all(&input).unwrap();
    let mut good = 0;
    let mut bad = Vec::new();
    for e in std::fs::read_dir(&fixtures).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        std::fs::copy(e.path(), input.join(&name)).unwrap();
        if name.starts_with("good-") {
            good += 1;
        } else {
            bad.push(name);
        }
    }
    assert!(good >= 5 && bad.len() >= 5, "fixtures found: {good} good, {bad:?}");
    let db = tmp.path().join("db");
    let out = run(&["ingest", "--db", db.to_str().unwrap(), input.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "bad pages give exit code 1\n{stdout}\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for name in &bad {
        let line = stdout
            .lines()
            .find(|l| l.contains(name.as_str()))
            .unwrap_or_else(|| panic!("{name} is not reported:\n{stdout}"));
        let why = ["empty HTML page", "binary data", "no article text"];
        assert!(why.iter().any(|w| line.contains(w)), "{name}: no reason given: {line}");
    }
    assert!(stdout.contains(&format!("{} failed", bad.len())), "{stdout}");
    let stats = accord_store::Store::open(&db).unwrap().stats().unwrap();
    assert_eq!(stats.articles, good as i64, "every good page is stored\n{stdout}");
    let store = accord_store::Store::open(&db).unwrap();
    let titles: Vec<Option<String>> = store.articles(100, 0).unwrap().into_iter().map(|a| a.title).collect();
    assert!(titles.iter().any(|t| t.as_deref() == Some("Le maire")), "Latin-1 title decoded: {titles:?}");
}
