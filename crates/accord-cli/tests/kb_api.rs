//! The JSON API over real HTTP on 127.0.0.1 (random free port): queries, validation, body limit,
//! adding an article, and the served OpenAPI file.
#[path = "kb_util.rs"]
mod kb_util;
use kb_util::*;

#[test]
fn api_answers_validates_and_limits() {
    let tmp = tempfile::tempdir().unwrap();
    let (db, _) = ingest_fixtures(tmp.path());
    let srv = serve(&db, &["--allow-writes"]);
    let a = srv.addr.as_str();
    let token = srv.token.clone().expect("--allow-writes prints a generated token");
    assert!(a.starts_with("127.0.0.1:"), "binds loopback by default: {a}");

    let st = get_json(a, "/api/stats");
    assert_eq!(st["articles"], FIXTURE_ARTICLES);

    let res = get_json(a, "/api/search?q=Doe");
    assert!(res["entities"].as_array().unwrap().iter().any(|e| e["name"].as_str().unwrap().contains("Doe")), "{res}");
    let quotes = res["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty(), "{res}");
    let qid = quotes[0]["id"].as_i64().unwrap();
    let q = get_json(a, &format!("/api/quotes/{qid}"));
    let art = get_json(a, &format!("/api/articles/{}", q["article"]));
    // the stored accord/1 document is served unchanged, and the quote's offsets point into its text
    let doc = &art["document"];
    assert_eq!(doc["schema"], "accord/1");
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let (s, e) = (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
    assert_eq!(text[s..e].iter().collect::<String>(), q["content"].as_str().unwrap());
    let raw = get_json(a, &format!("/api/articles/{}/document", q["article"]));
    assert_eq!(&raw, doc);

    let by = get_json(a, "/api/quotes?speaker=Jane%20Doe&from=2024-01-01&to=2024-12-31&limit=10");
    let by = by.as_array().unwrap();
    assert!(!by.is_empty(), "Jane Doe is quoted in 2024");
    assert!(by.iter().all(|x| ("2024-01-01"..="2024-12-31").contains(&x["date"].as_str().unwrap())), "{by:?}");
    let ent = get_json(a, &format!("/api/entities/{}", res["entities"][0]["id"]));
    assert!(ent["quote_count"].as_i64().unwrap() >= 1, "{ent}");
    let timeline = get_json(a, "/api/timeline?entity=Doe");
    assert!(!timeline.as_array().unwrap().is_empty(), "Doe's dated quotes: {timeline}");
    let claims = get_json(a, "/api/claims?about=hostages");
    assert!(!claims.as_array().unwrap().is_empty(), "24 and 30 living hostages are counted: {claims}");
    assert_eq!(get_json(a, "/api/articles?limit=5").as_array().unwrap().len(), 5, "the limit caps the 9 articles");

    // validation
    for bad in [
        "/api/quotes?from=yesterday",
        "/api/quotes?limit=0",
        "/api/quotes?limit=1001",
        "/api/timeline?limit=5001",
        "/api/quotes?limit=abc",
        "/api/quotes?from=2024-02-30",
        "/api/search",
        "/api/quotes/abc",
        "/api/articles?offset=-1",
    ] {
        let (code, body) = http(a, "GET", bad, None);
        assert_eq!(code, 400, "{bad}: {body}");
        assert!(body.contains("\"error\""), "{bad}: {body}");
    }
    let long = format!("/api/search?q={}", "a".repeat(600));
    assert_eq!(http(a, "GET", &long, None).0, 400);
    assert_eq!(http(a, "GET", "/api/quotes/999999", None).0, 404);
    assert_eq!(http(a, "GET", "/api/nope", None).0, 404);
    assert_eq!(http(a, "DELETE", "/api/quotes", None).0, 405);

    // request bodies: size limit, schema, then a real addition (and its idempotence)
    let big = vec![b'x'; (1 << 20) + 10];
    assert_eq!(post(a, &token, &big).0, 413);
    assert_eq!(post(a, &token, b"{\"txt\":1}").0, 400);
    assert_eq!(post(a, &token, b"{\"text\":\"x\",\"date\":\"soon\"}").0, 400);
    // an impossible date is refused with its value named
    let (code, resp) = post(a, &token, b"{\"text\":\"Jane Doe said hi.\",\"date\":\"2024-02-31\"}");
    assert_eq!(code, 400, "{resp}");
    assert!(resp.contains("2024-02-31") && resp.contains("does not exist"), "{resp}");
    let body = br#"{"text":"Peter Pan, the harbor master, said the port would reopen on Friday.","date":"2024-04-01","source":"Port News"}"#;
    let (code, resp) = post(a, &token, body);
    assert_eq!(code, 200, "{resp}");
    assert!(resp.contains("\"added\""), "{resp}");
    let (_, resp) = post(a, &token, body);
    assert!(resp.contains("\"duplicate\""), "{resp}");
    assert_eq!(get_json(a, "/api/stats")["articles"], FIXTURE_ARTICLES + 1);

    // spec and UI assets are served from the binary
    let (code, spec) = http(a, "GET", "/openapi.yaml", None);
    assert_eq!(code, 200);
    assert!(spec.contains("openapi: 3") && spec.contains("/api/quotes"));
    let (code, page) = http(a, "GET", "/", None);
    assert_eq!(code, 200);
    assert!(page.contains("/app.js") && !page.contains("http://") && !page.contains("https://"), "no CDN");
}

#[test]
fn servers_are_read_only_by_default() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let srv = serve(&db, &[]);
    assert!(srv.token.is_none(), "no token without --allow-writes");
    let (code, body) = http(&srv.addr, "POST", "/api/articles", Some(br#"{"text":"Jane Doe said hi."}"#));
    assert_eq!(code, 403, "writes are opt-in: {body}");
    assert!(body.contains("--allow-writes"), "{body}");
    // the old flag still starts a read-only server
    let old = serve(&db, &["--read-only"]);
    assert_eq!(http(&old.addr, "POST", "/api/articles", Some(br#"{"text":"Jane Doe said hi."}"#)).0, 403);
    assert_eq!(get_json(&srv.addr, "/api/stats")["articles"], 0);
}
