//! Events in the knowledge base through the CLI and the API: analysed accord/1 JSON loaded with
//! `accord ingest --analysed` keeps its events (the same talks reported by two articles become one event
//! with two reports), `accord events` filters by actor, type, country and date and writes a flat CSV,
//! bad filters are usage errors, an article analysed on ingest gets its events too, and the API serves
//! `/api/events`, events on entity pages and on the timeline.
#[path = "kb_util.rs"]
mod kb_util;
use kb_util::*;
use serde_json::Value;

fn stdout_of(args: &[&str]) -> String {
    let out = run(args);
    assert!(out.status.success(), "accord {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Splits CSV text into records of fields (RFC 4180 quoting).
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field, mut quoted) = (vec![], vec![], String::new(), false);
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

fn types(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap().to_string()).collect()
}

#[test]
fn events_cli_filters_csv_and_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingest_event_fixtures(tmp.path());
    let d = db.to_str().unwrap();

    // five reports, four events: the two reports of the talks are one event
    let all = json(&db, &["events"]);
    assert_eq!(types(&all), ["SANCTION", "ASSAULT", "ACCUSE", "CONSULT"], "newest first: {all:#}");
    let talks = &all[3];
    assert_eq!(talks["reports"], 2, "{talks:#}");
    assert_eq!(talks["date"], "2025-03-05", "the first report's date");
    assert_eq!(talks["location"]["name"], "Doha");
    assert_eq!(talks["quad"], "verbal_cooperation");
    let sentences: Vec<&str> =
        talks["evidence"].as_array().unwrap().iter().map(|r| r["sentence"].as_str().unwrap()).collect();
    assert_eq!(sentences, [EVENT_ARTICLES[0].3, EVENT_ARTICLES[1].3]);
    assert_eq!(all[0]["quad"], "material_conflict");
    assert_eq!(all[2]["quad"], "verbal_conflict");

    // filters
    assert_eq!(types(&json(&db, &["events", "--actor", "Hamas"])).len(), 4);
    assert_eq!(types(&json(&db, &["events", "--actor", "Israel"])), ["SANCTION", "ASSAULT"]);
    assert_eq!(types(&json(&db, &["events", "--actor", "ISR MIL"])), ["ASSAULT"], "by actor code");
    assert_eq!(types(&json(&db, &["events", "--type", "consult"])), ["CONSULT"]);
    assert_eq!(types(&json(&db, &["events", "--country", "QAT"])), ["CONSULT"], "the place's country");
    assert_eq!(types(&json(&db, &["events", "--country", "isr"])), ["SANCTION", "ASSAULT"]);
    assert_eq!(types(&json(&db, &["events", "--from", "2025-03-12", "--to", "2025-03-20"])), ["ASSAULT", "ACCUSE"]);
    assert_eq!(types(&json(&db, &["events", "--actor", "United States", "--to", "2025-03-06"])), ["CONSULT"]);
    assert_eq!(types(&json(&db, &["events", "--type", "PROTEST"])).len(), 0);
    assert_eq!(types(&json(&db, &["events", "--limit", "1"])), ["SANCTION"]);

    // CSV: one flat row per event
    let rows = parse_csv(&stdout_of(&["events", "--db", d, "--format", "csv", "--type", "CONSULT"]));
    assert_eq!(
        rows[0],
        [
            "id",
            "date",
            "source",
            "source_country",
            "source_sector",
            "type",
            "mode",
            "quad",
            "target",
            "target_country",
            "target_sector",
            "location",
            "location_country",
            "factuality",
            "background",
            "reports",
            "articles",
            "sentence"
        ]
    );
    assert_eq!(rows.len(), 2, "{rows:?}");
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let r = &rows[1];
    assert_eq!(r[col("id")], talks["id"].to_string());
    assert_eq!(
        [&r[col("date")], &r[col("source")], &r[col("source_country")], &r[col("source_sector")], &r[col("type")]],
        ["2025-03-05", "United States", "USA", "GOV", "CONSULT"]
    );
    assert_eq!([&r[col("target")], &r[col("target_country")], &r[col("target_sector")]], ["Hamas", "PSE", "REB"]);
    assert_eq!([&r[col("location")], &r[col("location_country")]], ["Doha", "QAT"]);
    assert_eq!([&r[col("factuality")], &r[col("background")], &r[col("reports")]], ["asserted", "false", "2"]);
    let arts: Vec<String> = talks["articles"].as_array().unwrap().iter().map(|a| a.to_string()).collect();
    assert_eq!(r[col("articles")], arts.join(";"));
    assert_eq!(r[col("sentence")], EVENT_ARTICLES[0].3);
    let all_rows = parse_csv(&stdout_of(&["events", "--db", d, "--format", "csv"]));
    assert_eq!(all_rows.len(), 5);
    // the table names the actors and says when it is full
    let out = run(&["events", "--db", d, "--limit", "2"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("SANCTION") && table.contains("Israel") && !table.contains("CONSULT"), "{table}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("showing the first 2 events"));

    // bad filters are usage errors naming the value
    for (args, want) in [
        (vec!["--type", "talks"], "talks"),
        (vec!["--country", "Qatar"], "Qatar"),
        (vec!["--from", "2025-02-30"], "does not exist"),
        (vec!["--limit", "1001"], "from 1 to 1000"),
        (vec!["--limit", "0"], "from 1 to 1000"),
    ] {
        let mut a = vec!["events", "--db", d];
        a.extend(&args);
        let out = run(&a);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
    }

    // the entity and the timeline carry the events
    let hamas = json(&db, &["entity", "Hamas"]);
    assert_eq!(hamas["event_count"], 4, "{hamas:#}");
    let tl = json(&db, &["timeline", "--entity", "Israel"]);
    let evs: Vec<&Value> = tl.as_array().unwrap().iter().filter(|i| i["kind"] == "event").collect();
    assert_eq!(evs.len(), 2, "{tl:#}");
    assert_eq!(evs[0]["actors"], "Hamas → Israel");
    // loading the same documents again adds nothing
    let f = tmp.path().join("events.jsonl");
    assert!(run(&["ingest", "--analysed", "--db", d, f.to_str().unwrap()]).status.success());
    assert_eq!(json(&db, &["events"]).as_array().unwrap().len(), 4);
}

#[test]
fn an_article_analysed_on_ingest_gets_its_events() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("talks.txt");
    std::fs::write(
        &f,
        "US officials held direct talks with Hamas in Doha, White House press secretary Karoline Leavitt said on Wednesday.\n",
    )
    .unwrap();
    let db = tmp.path().join("db");
    let out = run(&["ingest", "--db", db.to_str().unwrap(), "--date", "2025-03-05", f.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let evs = json(&db, &["events", "--actor", "Hamas"]);
    let consult = evs.as_array().unwrap().iter().find(|e| e["type"] == "CONSULT").unwrap_or_else(|| panic!("{evs:#}"));
    assert_eq!(consult["source"]["country"], "USA", "{consult:#}");
    assert_eq!(consult["evidence"][0]["trigger"].as_str().map(|t| t.contains("talks")), Some(true), "{consult:#}");
}

#[test]
fn events_api() {
    let tmp = tempfile::tempdir().unwrap();
    let db = ingest_event_fixtures(tmp.path());
    let srv = serve(&db, &[]);
    let a = srv.addr.as_str();
    let all = get_json(a, "/api/events");
    assert_eq!(types(&all), ["SANCTION", "ASSAULT", "ACCUSE", "CONSULT"]);
    assert_eq!(types(&get_json(a, "/api/events?actor=Hamas&type=assault")), ["ASSAULT"]);
    assert_eq!(types(&get_json(a, "/api/events?country=QAT")), ["CONSULT"]);
    assert_eq!(types(&get_json(a, "/api/events?from=2025-03-20&to=2025-03")), ["SANCTION", "ASSAULT"]);
    assert_eq!(get_json(a, "/api/events?limit=3").as_array().unwrap().len(), 3);
    let talks = &all[3];
    let one = get_json(a, &format!("/api/events/{}", talks["id"]));
    assert_eq!(&one, talks);
    let art = talks["articles"][1].as_i64().unwrap();
    assert_eq!(types(&get_json(a, &format!("/api/events?article={art}"))), ["CONSULT"]);
    // the evidence points into the stored article text
    let rep = &talks["evidence"][1];
    let doc = get_json(a, &format!("/api/articles/{}/document", rep["article"]));
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let (s, e) = (rep["trigger_start"].as_u64().unwrap() as usize, rep["trigger_end"].as_u64().unwrap() as usize);
    assert_eq!(text[s..e].iter().collect::<String>(), rep["trigger"].as_str().unwrap());

    // the entity page: the events it is party to, as source or target
    let ents = get_json(a, "/api/entities?q=Israel");
    let israel = get_json(a, &format!("/api/entities/{}", ents[0]["id"]));
    assert_eq!(israel["event_count"], 2, "{israel:#}");
    assert_eq!(types(&israel["events"]), ["SANCTION", "ASSAULT"]);
    let by_id = get_json(a, &format!("/api/events?entity={}", ents[0]["id"]));
    assert_eq!(types(&by_id), ["SANCTION", "ASSAULT"]);
    // the timeline
    let tl = get_json(a, "/api/timeline?entity=Hamas");
    let kinds: Vec<&str> = tl.as_array().unwrap().iter().filter_map(|i| i["event_type"].as_str()).collect();
    assert_eq!(kinds, ["CONSULT", "ACCUSE", "ASSAULT", "SANCTION"], "{tl:#}");
    assert_eq!(get_json(a, "/api/stats")["events"], 4);

    for bad in [
        "/api/events?type=talks",
        "/api/events?country=Qatar",
        "/api/events?from=2025-02-30",
        "/api/events?limit=1001",
        "/api/events?entity=abc",
        "/api/events/abc",
    ] {
        let (code, body) = http(a, "GET", bad, None);
        assert_eq!(code, 400, "{bad}: {body}");
    }
    assert_eq!(http(a, "GET", "/api/events/999999", None).0, 404);
    let (_, spec) = http(a, "GET", "/openapi.yaml", None);
    assert!(spec.contains("/api/events:") && spec.contains("/api/events/{id}:"));
}
