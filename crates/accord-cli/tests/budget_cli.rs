//! The budget per article from the outside: a big article next to a small one in the same JSON Lines file
//! is reported and skipped, and the small one still comes out (`extract`) or is stored (`ingest`).

use std::process::Command;

fn accord() -> Command {
    Command::new(env!("CARGO_BIN_EXE_accord"))
}

/// A JSON Lines file: a ~200 kB article, then a small one with a quote.
fn big_then_small(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("accord-budget-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let big = "The council met again on Monday and the talks went on without a break ".repeat(3000);
    let small = "“We will reopen the bridge,” the mayor said on Tuesday.";
    let lines = [serde_json::json!({"id": "big", "text": big}), serde_json::json!({"id": "small", "text": small})];
    let path = dir.join("mixed.jsonl");
    std::fs::write(&path, lines.iter().map(|l| format!("{l}\n")).collect::<String>()).unwrap();
    path
}

#[test]
fn extract_skips_the_big_article_and_writes_the_small_one() {
    let path = big_then_small("extract");
    let out = accord().args(["extract", "--no-tokens", "--max-article-bytes", "100000"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a skipped article makes the exit code non-zero");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("big: skipped") && err.contains("--max-article-bytes"), "{err}");
    let docs: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "small");
    assert_eq!(docs[0]["attributions"][0]["type"], "direct");
    // within the default budget both come out
    let out = accord().args(["extract", "--no-tokens"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

#[test]
fn ingest_skips_the_big_article_and_stores_the_small_one() {
    let path = big_then_small("ingest");
    let db = path.parent().unwrap().join("kb");
    let out = accord()
        .args(["ingest", "--json", "--max-article-bytes", "100000", "--db"])
        .arg(&db)
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["new"], 1, "{v}");
    assert_eq!(v["failed"], 1, "{v}");
    let why = v["failures"][0].as_str().unwrap();
    assert!(why.contains("mixed.jsonl") && why.contains("big: skipped"), "{why}");
    assert_eq!(v["total"]["articles"], 1, "{v}");
    assert_eq!(v["total"]["quotes"], 1, "{v}");
}
