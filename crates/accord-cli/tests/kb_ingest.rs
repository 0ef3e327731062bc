//! `accord ingest`: every input format, bad input reported and skipped, idempotence, wire copies linked,
//! and a SIGKILL mid-run followed by a rerun that ends with exactly the articles of one clean run.
#[path = "kb_util.rs"]
mod kb_util;
use kb_util::*;
use std::process::Stdio;
use std::time::Duration;

fn stats(db: &std::path::Path) -> accord_store::Stats {
    accord_store::Store::open(db).unwrap().stats().unwrap()
}

#[test]
fn ingests_all_formats_reports_bad_input_and_is_idempotent() {
    let tmp = tempfile::tempdir().unwrap();
    let input = write_fixtures(tmp.path());
    let db = tmp.path().join("db");
    let out = run(&["ingest", "--db", db.to_str().unwrap(), input.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "failures give exit code 1\n{stdout}\n{stderr}");
    // each bad input is reported with its path and a reason
    assert!(stdout.contains("b.jsonl:3"), "{stdout}");
    assert!(stdout.contains("broken.html") && stdout.contains("no article text"), "{stdout}");
    assert!(stdout.contains("archive.warc") && stdout.contains("truncated"), "{stdout}");
    assert!(stdout.contains(&format!("{FIXTURE_FAILURES} failed")), "{stdout}");
    let s = stats(&db);
    assert_eq!(s.articles, FIXTURE_ARTICLES, "{stdout}");
    assert_eq!(s.near_duplicates, 1, "the two wire copies are linked: {stdout}");

    // metadata from the HTML page, the feed and the WARC record
    let store = accord_store::Store::open(&db).unwrap();
    let arts = store.articles(100, 0).unwrap();
    let page = arts.iter().find(|a| a.title.as_deref() == Some("Budget vote")).expect("html page stored");
    assert_eq!((page.outlet.as_deref(), page.date.as_deref()), (Some("Springfield Gazette"), Some("2024-03-06")));
    let rec = store.article(page.id).unwrap().unwrap();
    assert_eq!(rec.author.as_deref(), Some("Kim Lee"));
    assert!(!rec.document["text"].as_str().unwrap().contains("Home | World"), "navigation removed");
    assert!(arts
        .iter()
        .any(|a| a.outlet.as_deref() == Some("Daily Planet") && a.date.as_deref() == Some("2024-03-05")));
    assert!(arts.iter().any(|a| a.title.as_deref() == Some("Bridge") && a.date.as_deref() == Some("2024-03-07")));
    drop(store);

    // a quote by a speaker whose name contains "Doe", found under any form of the name
    let q = json(&db, &["quotes", "--speaker", "Mayor Doe"]);
    let quotes = q.as_array().unwrap();
    assert!(!quotes.is_empty(), "no quotes for Doe");
    assert!(quotes.iter().all(|x| x["speaker"].as_str().unwrap_or("").contains("Doe") || x["source_kind"] != "person"));
    let e = json(&db, &["entity", "Jane Doe"]);
    assert!(e["name"].as_str().unwrap().contains("Doe"));
    assert!(e["quote_count"].as_i64().unwrap() >= 2, "{e}");
    assert!(e["articles"].as_i64().unwrap() >= 3, "one entity across articles: {e}");

    // second run adds nothing
    let again = run(&["ingest", "--db", db.to_str().unwrap(), "--json", input.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(v["ingested"], 0, "{v}");
    assert_eq!(v["already_present"], FIXTURE_ARTICLES, "{v}");
    assert_eq!(stats(&db).articles, FIXTURE_ARTICLES);

    // the other query commands answer
    assert!(json(&db, &["timeline"]).as_array().is_some());
    assert!(json(&db, &["claims"]).as_array().is_some());
    let table = run(&["quotes", "--db", db.to_str().unwrap(), "--speaker", "Doe"]);
    assert!(String::from_utf8_lossy(&table.stdout).contains("Doe"));
    let bad = run(&["quotes", "--db", db.to_str().unwrap(), "--from", "yesterday"]);
    assert!(!bad.status.success());
}

fn many_articles(dir: &std::path::Path, n: usize) -> std::path::PathBuf {
    let d = dir.join("many");
    std::fs::create_dir_all(&d).unwrap();
    let people = ["Jane Doe", "John Roe", "Mary Major", "Sam Minor", "Ana Lopez", "Li Wei"];
    let topics = ["budget", "bridge", "library", "harbor", "school", "hospital", "railway", "airport"];
    for i in 0..n {
        let p = people[i % people.len()];
        let t = topics[(i / people.len()) % topics.len()];
        let text = format!(
            "{p}, an official in district {i}, said the {t} plan number {i} was approved. “We are ready for story{i},” {p} said. \
             Reporters counted {} workers at site {i}, and the {t} will cost {i} million dollars according to the council.",
            i * 3 + 7
        );
        std::fs::write(d.join(format!("art{i:03}.txt")), text).unwrap();
    }
    d
}

#[test]
fn sigkill_mid_ingest_then_rerun_equals_one_clean_run() {
    let tmp = tempfile::tempdir().unwrap();
    let n = 60;
    let input = many_articles(tmp.path(), n);
    let clean = tmp.path().join("clean");
    let out = run(&["ingest", "--db", clean.to_str().unwrap(), input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let want = stats(&clean);
    assert_eq!(want.articles, n as i64);

    let db = tmp.path().join("killed");
    let mut child = accord()
        .args(["ingest", "--db", db.to_str().unwrap(), "--batch", "4", input.to_str().unwrap()])
        .env("ACCORD_INGEST_THROTTLE_MS", "100")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = wait_until(Duration::from_secs(60), || {
        db.join("accord.sqlite").exists()
            && accord_store::Store::open(&db)
                .map(|s| s.stats().map(|s| s.articles >= 8).unwrap_or(false))
                .unwrap_or(false)
    });
    // readers keep working while the ingest writes (SQLite WAL, tantivy readers)
    if started {
        let q = run(&["quotes", "--db", db.to_str().unwrap(), "--json", "--about", "ready"]);
        assert!(q.status.success(), "query during ingest: {}", String::from_utf8_lossy(&q.stderr));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(started, "ingest never committed a batch");
    let partial = stats(&db).articles;
    assert!(partial < n as i64, "killed run should be partial, got {partial}");

    let out = run(&["ingest", "--db", db.to_str().unwrap(), "--json", input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["already_present"].as_i64().unwrap(), partial, "{v}");
    let got = stats(&db);
    assert_eq!(
        (got.articles, got.quotes, got.entities, got.quantities, got.events),
        (want.articles, want.quotes, want.entities, want.quantities, want.events)
    );
    // the full-text index agrees with SQLite: every article is findable
    let store = accord_store::Store::open(&db).unwrap();
    for i in 0..n {
        let hits = store.search(&format!("story{i}"), 5).unwrap();
        assert_eq!(hits.articles.len(), 1, "story{i} not in the index after the rerun");
    }
}
