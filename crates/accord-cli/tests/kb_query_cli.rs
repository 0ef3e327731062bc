//! The query commands' output formats and argument checks: `--format csv` of `quotes`, `entity`,
//! `timeline` and `claims`, limits out of range (an error naming the maximum, never a silent cap), and
//! impossible dates refused with the value named.
#[path = "kb_util.rs"]
mod kb_util;
use kb_util::*;

/// Splits CSV text into records of fields (RFC 4180 quoting).
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

fn stdout_of(args: &[&str]) -> String {
    let out = run(args);
    assert!(out.status.success(), "accord {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn csv_limits_and_dates() {
    let tmp = tempfile::tempdir().unwrap();
    let (db, _) = ingest_fixtures(tmp.path());
    let d = db.to_str().unwrap();

    // CSV: a header, then one record per JSON object, with the same values, untruncated
    let json = json(&db, &["quotes"]);
    let quotes = json.as_array().unwrap();
    let rows = parse_csv(&stdout_of(&["quotes", "--db", d, "--format", "csv"]));
    assert_eq!(rows[0][0], "id");
    let content = rows[0].iter().position(|h| h == "content").unwrap();
    assert_eq!(rows.len(), quotes.len() + 1);
    for (r, q) in rows[1..].iter().zip(quotes) {
        assert_eq!(r.len(), rows[0].len());
        assert_eq!(r[0], q["id"].to_string());
        assert_eq!(r[content], q["content"].as_str().unwrap());
    }
    let rows = parse_csv(&stdout_of(&["entity", "Jane Doe", "--db", d, "--format", "csv"]));
    assert_eq!(&rows[0][..3], ["entity", "entity_name", "entity_type"]);
    assert!(rows.len() >= 3 && rows[1..].iter().all(|r| r[1].contains("Doe")), "{rows:?}");
    let rows = parse_csv(&stdout_of(&["timeline", "--db", d, "--format", "csv"]));
    assert_eq!(rows[0][..2], ["date", "kind"]);
    assert_eq!(rows.len() - 1, json_len(&db, &["timeline"]));
    let rows = parse_csv(&stdout_of(&["claims", "--db", d, "--format", "csv"]));
    assert_eq!(rows[0][0], "counted");
    let claims = json_of(&db, &["claims"]);
    let entries: usize = claims.as_array().unwrap().iter().map(|g| g["entries"].as_array().unwrap().len()).sum();
    assert_eq!(rows.len() - 1, entries);
    assert!(!run(&["quotes", "--db", d, "--format", "csv", "--json"]).status.success(), "one format at a time");

    // limits: 0 and too many are usage errors naming the range, the maximum itself is fine
    for (cmd, max) in [("quotes", 1000), ("timeline", 5000), ("claims", 1000)] {
        for bad in ["0".to_string(), (max + 1).to_string(), "100000".into(), "-1".into()] {
            let out = run(&[cmd, "--db", d, &format!("--limit={bad}")]);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{cmd} --limit {bad}: {err}");
            assert!(err.contains(&format!("from 1 to {max}")), "{cmd} --limit {bad}: {err}");
        }
        let out = run(&[cmd, "--db", d, "--limit", &max.to_string(), "--json"]);
        assert!(out.status.success(), "{cmd} --limit {max}");
    }
    // a full table says there may be more
    let out = run(&["quotes", "--db", d, "--limit", "1"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("showing the first 1 quotes"));

    // impossible dates are refused with the value named
    for (arg, v) in [("--from", "2024-02-30"), ("--to", "2023-02-29"), ("--from", "2024-13")] {
        let out = run(&["quotes", "--db", d, arg, v]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{arg} {v}: {err}");
        assert!(err.contains(v) && err.contains("does not exist"), "{arg} {v}: {err}");
    }
    assert!(run(&["quotes", "--db", d, "--from", "2024-02-29", "--to", "2024-03"]).status.success());
}

#[test]
fn ingest_refuses_impossible_dates() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let f = tmp.path().join("a.txt");
    std::fs::write(&f, "Jane Doe said the bridge opens in May.").unwrap();
    let out = run(&["ingest", "--db", db.to_str().unwrap(), "--date", "2024-02-31", f.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("2024-02-31") && err.contains("February 2024 has 29 days"), "{err}");
    // in JSON Lines: that article fails with its position and value, the others are stored
    let j = tmp.path().join("b.jsonl");
    std::fs::write(
        &j,
        concat!(
            r#"{"id":"good","text":"Jane Doe said the bridge opens in May.","date":"2024-02-29"}"#,
            "\n",
            r#"{"id":"bad","text":"John Roe said the port reopens on Friday.","date":"2023-02-29"}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = run(&["ingest", "--db", db.to_str().unwrap(), j.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("b.jsonl") && text.contains("(bad)") && text.contains("\"2023-02-29\" does not exist"),
        "{text}"
    );
    assert_eq!(accord_store::Store::open(&db).unwrap().stats().unwrap().articles, 1);
}

fn json_of(db: &std::path::Path, args: &[&str]) -> serde_json::Value {
    json(db, args)
}

fn json_len(db: &std::path::Path, args: &[&str]) -> usize {
    json(db, args).as_array().unwrap().len()
}
