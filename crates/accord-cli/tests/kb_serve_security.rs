//! `accord serve` protections over real HTTP: writes are opt-in and need the bearer token and a JSON
//! content type, unknown `Host` values and cross-origin requests are refused, posted articles wait in a
//! bounded queue (503 when full) while reads keep being answered, and every request is logged.
#[path = "kb_util.rs"]
mod kb_util;
use kb_util::*;
use std::process::Stdio;

const TOKEN: &str = "test-token-0123456789abcdef";

fn token_file(dir: &std::path::Path) -> String {
    let f = dir.join("token");
    std::fs::write(&f, format!("{TOKEN}\n")).unwrap();
    f.to_str().unwrap().to_string()
}

#[test]
fn hosts_origins_tokens_and_content_types() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let tf = token_file(tmp.path());
    let log = tmp.path().join("access.log");
    let srv = serve_with_stderr(
        &db,
        &["--token-file", &tf, "--allow-host", "kb.example"],
        Stdio::from(std::fs::File::create(&log).unwrap()),
    );
    let a = srv.addr.as_str();
    let port = a.rsplit(':').next().unwrap();
    assert!(srv.token.is_none(), "a token from a file is not printed");
    let get = |headers: &[&str]| request(a, "GET", "/api/stats", headers, None).0;

    // Host allow-list: loopback names and --allow-host pass, anything else is refused (DNS rebinding)
    for ok in [
        format!("Host: {a}"),
        format!("Host: localhost:{port}"),
        format!("Host: [::1]:{port}"),
        "Host: kb.example".into(),
    ] {
        assert_eq!(get(&[&ok]), 200, "{ok}");
    }
    for bad in [
        format!("Host: evil.example:{port}"),
        format!("Host: 127.0.0.1.evil.example:{port}"),
        format!("Host: localhost:{}", port.parse::<u32>().unwrap() + 1),
    ] {
        let (code, body) = request(a, "GET", "/api/stats", &[&bad], None);
        assert_eq!(code, 400, "{bad}: {body}");
        assert!(body.contains("unknown Host"), "{body}");
    }
    assert_eq!(request(a, "GET", "/", &[], None).0, 400, "no Host header");

    // Origin: same origin passes, any other page's origin is refused, for reads and writes
    let host = format!("Host: {a}");
    assert_eq!(get(&[&host, &format!("Origin: http://{a}")]), 200);
    for o in ["Origin: http://evil.example", "Origin: null", &format!("Origin: http://evil.example:{port}")] {
        assert_eq!(get(&[&host, o]), 403, "{o}");
    }
    let auth = format!("Authorization: Bearer {TOKEN}");
    let json = "Content-Type: application/json";
    let body = br#"{"text":"Jane Doe, the mayor, said the bridge opens in May.","date":"2024-05-01"}"#;
    let cross = request(a, "POST", "/api/articles", &[&host, &auth, json, "Origin: http://evil.example"], Some(body));
    assert_eq!(cross.0, 403, "{}", cross.1);

    // the token: missing or wrong is 401 (with a Bearer challenge), right is accepted
    let (code, head, _) = request_full(a, "POST", "/api/articles", &[&host, json], Some(body));
    assert_eq!(code, 401);
    assert!(head.to_ascii_lowercase().contains("www-authenticate: bearer"), "{head}");
    assert_eq!(
        request(
            a,
            "POST",
            "/api/articles",
            &[&host, "Authorization: Bearer wrong-token-wrong-token", json],
            Some(body)
        )
        .0,
        401
    );
    assert_eq!(
        request(a, "POST", "/api/articles", &[&host, &format!("Authorization: Basic {TOKEN}"), json], Some(body)).0,
        401
    );

    // the content type: what an HTML form can send without a preflight is refused
    for ct in [
        "Content-Type: text/plain",
        "Content-Type: application/x-www-form-urlencoded",
        "Content-Type: multipart/form-data; boundary=x",
    ] {
        let (code, resp) = request(a, "POST", "/api/articles", &[&host, &auth, ct], Some(body));
        assert_eq!(code, 415, "{ct}: {resp}");
    }
    assert_eq!(request(a, "POST", "/api/articles", &[&host, &auth], Some(body)).0, 415, "no Content-Type");
    let (code, resp) = request(
        a,
        "POST",
        "/api/articles",
        &[&host, &auth, "Content-Type: application/json; charset=utf-8"],
        Some(body),
    );
    assert_eq!(code, 200, "{resp}");
    assert!(resp.contains("\"added\""), "{resp}");
    assert_eq!(get_json(a, "/api/stats")["articles"], 1);

    // one access-log line per request, with method, path and status (a line is written once its response
    // is sent: wait for the last request's line before stopping the server)
    let t = std::time::Instant::now();
    while !std::fs::read_to_string(&log).unwrap_or_default().contains("\"POST /api/articles\" 200")
        && t.elapsed() < std::time::Duration::from_secs(10)
    {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    drop(srv);
    let log = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<&str> = log.lines().filter(|l| l.starts_with("accord-server: ")).collect();
    assert!(lines.iter().any(|l| l.contains("\"GET /api/stats\" 200")), "{log}");
    assert!(lines.iter().any(|l| l.contains("\"POST /api/articles\" 415")), "{log}");
    assert!(lines.iter().any(|l| l.contains("\"POST /api/articles\" 200")), "{log}");
    assert!(lines.len() >= 20, "{} lines: {log}", lines.len());
}

#[test]
fn quiet_server_logs_nothing_and_bad_token_files_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let log = tmp.path().join("access.log");
    let srv = serve_with_stderr(&db, &["--quiet"], Stdio::from(std::fs::File::create(&log).unwrap()));
    assert_eq!(http(&srv.addr, "GET", "/api/stats", None).0, 200);
    drop(srv);
    assert!(!std::fs::read_to_string(&log).unwrap().contains("accord-server: "));

    let short = tmp.path().join("short");
    std::fs::write(&short, "abc\n").unwrap();
    let out = run(&["serve", "--db", db.to_str().unwrap(), "--port", "0", "--token-file", short.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 16 characters"));
}

#[test]
fn a_full_queue_is_answered_503_and_reads_go_on() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let tf = token_file(tmp.path());
    let srv = serve(&db, &["--token-file", &tf, "--queue", "1", "--threads", "4", "--quiet"]);
    let a = srv.addr.clone();
    // long articles, each different, posted all at once: one is analysed, one waits, the rest are refused
    let n = 8;
    let posts: Vec<_> = (0..n)
        .map(|k| {
            let a = a.clone();
            std::thread::spawn(move || {
                let text: String = (0..1000)
                    .map(|i| format!("Jane Doe, the mayor of town {k}-{i}, said that {i} new bridges would open. "))
                    .collect();
                let body = serde_json::json!({"text": text, "date": "2024-05-01"}).to_string();
                post(&a, TOKEN, body.as_bytes())
            })
        })
        .collect();
    // reads are answered by the request threads while the writer analyses
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert_eq!(http(&a, "GET", "/api/stats", None).0, 200);
    let results: Vec<(u16, String)> = posts.into_iter().map(|h| h.join().unwrap()).collect();
    let added = results.iter().filter(|r| r.0 == 200).count();
    let refused = results.iter().filter(|r| r.0 == 503).count();
    assert_eq!(added + refused, n, "{results:?}");
    assert!(added >= 1 && refused >= 1, "{added} added, {refused} refused");
    assert!(results.iter().filter(|r| r.0 == 503).all(|r| r.1.contains("retry")), "{results:?}");
    // what was accepted is stored, nothing else
    assert_eq!(get_json(&a, "/api/stats")["articles"], added as i64);
}
