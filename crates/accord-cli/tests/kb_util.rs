//! Shared helpers for the knowledge-base tests (included by the other `kb_*.rs` files with `#[path]`).
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The `accord` binary under test.
pub fn accord() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_accord"));
    c.env_remove("ACCORD_DB").env_remove("ACCORD_INGEST_THROTTLE_MS");
    c
}

/// Runs `accord ARGS` and returns its output.
pub fn run(args: &[&str]) -> Output {
    accord().args(args).output().expect("run accord")
}

/// Runs `accord ARGS --json` (adding `--db`) and parses stdout.
pub fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    let mut a: Vec<&str> = args.to_vec();
    let d = db.to_str().unwrap();
    a.extend(["--db", d, "--json"]);
    let out = run(&a);
    assert!(out.status.success(), "accord {a:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// A story long enough for near-duplicate detection.
pub const STORY: &str = "Jane Doe, the mayor of Springfield, said on Monday that the city budget was balanced for the \
first time in a decade. The council approved the spending plan by a vote of seven to two after a long debate about \
school funding, road repairs and the future of the public library. “We will rebuild the library,” Doe said.";

/// Writes fixture articles in every supported format, plus three bad inputs. Returns the folder.
/// Good articles: 9 (one of them a wire copy); bad inputs: 3 (invalid JSON line, empty HTML page,
/// truncated WARC record).
pub fn write_fixtures(dir: &Path) -> PathBuf {
    let d = dir.join("in");
    std::fs::create_dir_all(d.join("sub")).unwrap();
    let w = |name: &str, body: &[u8]| std::fs::write(d.join(name), body).unwrap();
    w(
        "a.txt",
        "Jane Doe, the mayor of Springfield, said the budget was balanced.\n\n“We will rebuild,” she said.\n"
            .as_bytes(),
    );
    w(
        "b.jsonl",
        concat!(
            r#"{"id":"b1","text":"Mayor Jane Doe told reporters that taxes would not rise. “The city is strong,” Doe said.","date":"2024-03-04","source":"Gazette"}"#,
            "\n",
            r#"{"id":"b2","text":"John Roe, a spokesman for the army, said 24 living hostages remain in Gaza.","date":"2024-03-05","source":"Wire"}"#,
            "\n{not json\n"
        )
        .as_bytes(),
    );
    w(
        "sub/page.html",
        br#"<!DOCTYPE html><html><head><title>Budget vote</title>
<meta property="og:site_name" content="Springfield Gazette"><meta property="article:published_time" content="2024-03-06T09:00:00Z">
<meta name="author" content="Kim Lee"></head><body><nav>Home | World | Sports</nav>
<article><h1>Budget vote</h1><p>Mayor Jane Doe said the vote was a victory for the city.</p>
<p>&ldquo;This is a good day,&rdquo; Doe said.</p></article><footer>All rights reserved.</footer></body></html>"#,
    );
    w(
        "sub/feed.rss",
        br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Planet</title>
<item><title>Hostages</title><link>http://planet.example/h1</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description><![CDATA[<p>Mary Major, the health minister, said 30 living hostages remain in Gaza.</p>]]></description></item>
</channel></rss>"#,
    );
    let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><meta property=\"og:title\" content=\"Bridge\"></head><body><p>Jane Doe said the new bridge opens in May.</p></body></html>";
    let rec = |uri: &str, p: &str| {
        format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-07T00:00:00Z\r\nContent-Length: {}\r\n\r\n{p}\r\n\r\n", p.len())
    };
    let mut warc = rec("http://news.example/bridge", page);
    let cut = rec("http://news.example/cut", page);
    warc.push_str(&cut[..cut.len() - 30]);
    w("sub/archive.warc", warc.as_bytes());
    w("broken.html", b"<html><body><nav>menu</nav><div class=\"cookie-banner\">We use cookies</div></body></html>");
    w(
        "script.txt",
        "Jane Doe said the <script>document.documentElement.setAttribute('data-pwned','1')</script> tag was harmless. \
<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\"> She said “nothing ran”.\n"
            .as_bytes(),
    );
    w("copy1.txt", format!("SPRINGFIELD (AP) — {STORY}").as_bytes());
    w("copy2.txt", format!("By Staff Writer\n\n{STORY} Copyright 2024 The Associated Press.").as_bytes());
    d
}

/// Articles and failures [`write_fixtures`] should give.
pub const FIXTURE_ARTICLES: i64 = 9;
/// Bad inputs among the fixtures.
pub const FIXTURE_FAILURES: usize = 3;

/// A running `accord serve`, killed on drop.
pub struct Served {
    /// The child.
    pub child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    /// The write token the server generated and printed (with `--allow-writes`).
    pub token: Option<String>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `accord serve --port 0` on `db` and waits for its address.
pub fn serve(db: &Path, extra: &[&str]) -> Served {
    serve_with_stderr(db, extra, Stdio::inherit())
}

/// [`serve`] with its stderr (the access log) sent to `stderr`.
pub fn serve_with_stderr(db: &Path, extra: &[&str], stderr: Stdio) -> Served {
    let mut child = accord()
        .args(["serve", "--db", db.to_str().unwrap(), "--port", "0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .expect("start accord serve");
    // an optional token line, then the address line
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    let mut token = None;
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap() == 0 {
            panic!("accord serve exited before printing its address");
        }
        if let Some((_, t)) = line.split_once("write token") {
            token = t.rsplit(' ').next().map(|t| t.trim().to_string());
        } else {
            break;
        }
    }
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Served { child, addr, token }
}

/// A minimal HTTP/1.1 request (`Host: ADDR`, `Content-Type: application/json`); returns (status, body).
pub fn http(addr: &str, method: &str, path: &str, body: Option<&[u8]>) -> (u16, String) {
    let host = format!("Host: {addr}");
    request(addr, method, path, &[&host, "Content-Type: application/json"], body)
}

/// A POST of a JSON body with a bearer token; returns (status, body).
pub fn post(addr: &str, token: &str, body: &[u8]) -> (u16, String) {
    let (host, auth) = (format!("Host: {addr}"), format!("Authorization: Bearer {token}"));
    request(addr, "POST", "/api/articles", &[&host, &auth, "Content-Type: application/json"], Some(body))
}

/// A minimal HTTP/1.1 request with exactly these header lines (plus `Connection` and `Content-Length`);
/// returns (status, body).
pub fn request(addr: &str, method: &str, path: &str, headers: &[&str], body: Option<&[u8]>) -> (u16, String) {
    let (status, _, body) = request_full(addr, method, path, headers, body);
    (status, body)
}

/// [`request`], also returning the response's header block.
pub fn request_full(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[&str],
    body: Option<&[u8]>,
) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    let body = body.unwrap_or(b"");
    let mut head = format!("{method} {path} HTTP/1.1\r\n");
    for h in headers {
        head += h;
        head += "\r\n";
    }
    head += &format!("Connection: close\r\nContent-Length: {}\r\n\r\n", body.len());
    s.write_all(head.as_bytes()).unwrap();
    let _ = s.write_all(body); // the server may answer 413 and close before reading it all
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let (head, body) = text.split_once("\r\n\r\n").map(|(h, b)| (h.to_string(), b.to_string())).unwrap_or_default();
    (status, head, body)
}

/// GET returning parsed JSON, asserting 200.
pub fn get_json(addr: &str, path: &str) -> serde_json::Value {
    let (code, body) = http(addr, "GET", path, None);
    assert_eq!(code, 200, "GET {path}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: {e}: {body}"))
}

/// True when running under CI (`CI=true`).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Waits until `f` is true or `limit` passes.
pub fn wait_until(limit: Duration, mut f: impl FnMut() -> bool) -> bool {
    let t = Instant::now();
    while t.elapsed() < limit {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// Writes the fixture articles under `dir`, ingests them into `dir/db`, and returns the database folder
/// with the ingest's output.
#[allow(dead_code)]
pub fn ingest_fixtures(dir: &Path) -> (PathBuf, Output) {
    let input = write_fixtures(dir);
    let db = dir.join("db");
    let out = run(&["ingest", "--db", db.to_str().unwrap(), input.to_str().unwrap()]);
    (db, out)
}

/// A span of `needle` in `text` as accord/1 writes it (code-point and byte offsets).
pub fn span_json(text: &str, needle: &str) -> serde_json::Value {
    let b = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let start = text[..b].chars().count();
    serde_json::json!({"start": start, "end": start + needle.chars().count(), "byte_start": b,
        "byte_end": b + needle.len(), "text": needle})
}

/// One event of [`EVENT_ARTICLES`]: type, trigger, source (phrase, code, country, sector), target, place
/// (phrase, country).
pub type EventSpec = (
    &'static str,
    &'static str,
    (&'static str, &'static str, &'static str, &'static str),
    (&'static str, &'static str, &'static str, &'static str),
    Option<(&'static str, &'static str)>,
);

/// Analysed articles with events, written by hand: (id, date, outlet, text, event). The first two report
/// the same talks (a day apart, the second naming no place); Hamas is party to four events in three weeks:
/// talks (verbal cooperation), an accusation (verbal conflict), an attack and sanctions (material conflict).
pub const EVENT_ARTICLES: [(&str, &str, &str, &str, EventSpec); 5] = [
    (
        "talks1",
        "2025-03-05",
        "Gulf Times",
        "Envoys of the United States held direct talks with Hamas in Doha on Wednesday, a White House spokeswoman confirmed to reporters.",
        ("CONSULT", "talks", ("United States", "USA GOV", "USA", "GOV"), ("Hamas", "PSE REB Hamas", "PSE", "REB"), Some(("Doha", "QAT"))),
    ),
    (
        "talks2",
        "2025-03-06",
        "Herald",
        "For the first time in decades the United States met Hamas negotiators, two diplomats familiar with the meeting said on Thursday.",
        ("CONSULT", "met", ("United States", "USA GOV", "USA", "GOV"), ("Hamas", "PSE REB Hamas", "PSE", "REB"), None),
    ),
    (
        "accuse",
        "2025-03-12",
        "Gulf Times",
        "Hamas accused the United States of bias in the negotiations, a spokesman for the group said in a televised statement.",
        ("ACCUSE", "accused", ("Hamas", "PSE REB Hamas", "PSE", "REB"), ("United States", "USA GOV", "USA", "GOV"), None),
    ),
    (
        "attack",
        "2025-03-20",
        "Courier",
        "Hamas fighters attacked soldiers of Israel near Rafah before dawn, the army said, adding that two soldiers were wounded.",
        ("ASSAULT", "attacked", ("Hamas", "PSE REB Hamas", "PSE", "REB"), ("Israel", "ISR MIL", "ISR", "MIL"), Some(("Rafah", "PSE"))),
    ),
    (
        "sanction",
        "2025-03-21",
        "Herald",
        "Israel imposed sanctions on Hamas financiers abroad, the finance ministry announced, freezing the accounts of eleven people.",
        ("SANCTION", "imposed sanctions", ("Israel", "ISR GOV", "ISR", "GOV"), ("Hamas", "PSE REB Hamas", "PSE", "REB"), None),
    ),
];

/// The accord/1 document of one of [`EVENT_ARTICLES`]: its actors and place as entities, its event.
pub fn event_document(a: &(&str, &str, &str, &str, EventSpec)) -> serde_json::Value {
    let (id, date, outlet, text, (etype, trigger, src, tgt, place)) = *a;
    let ent = |eid: &str, ty: &str, name: &str| {
        serde_json::json!({"id": eid, "type": ty, "name": name, "titles": [], "affiliation": null,
            "mentions": [span_json(text, name)]})
    };
    let ty = |name: &str| if name == "Hamas" { "ORG" } else { "GPE" };
    let mut entities = vec![ent("e1", ty(src.0), src.0), ent("e2", ty(tgt.0), tgt.0)];
    let arg = |eid: &str, s: (&str, &str, &str, &str)| serde_json::json!({"span": span_json(text, s.0), "entity": eid, "code": s.1, "country": s.2, "sector": s.3});
    let location = place.map(|(p, c)| {
        entities.push(ent("e3", "GPE", p));
        serde_json::json!({"span": span_json(text, p), "entity": "e3", "country": c})
    });
    serde_json::json!({
        "schema": "accord/1", "id": id, "date": date, "title": format!("{etype} story ({id})"), "url": null,
        "sources": [outlet], "text": text, "sentences": [], "entities": entities, "attributions": [],
        "quantities": [], "dates": [],
        "events": [{"id": "v1", "type": etype, "mode": null, "cameo": null, "confidence": 0.9,
            "trigger": span_json(text, trigger), "sentence": span_json(text, text),
            "source": arg("e1", src), "target": arg("e2", tgt), "location": location, "date": null,
            "attribution": null, "factuality": "asserted", "background": false}]
    })
}

/// Writes [`EVENT_ARTICLES`] as accord/1 JSON Lines (what `accord extract` and the Spark job write) and
/// loads them with `accord ingest --analysed` into `dir/events-db`; returns the database folder.
pub fn ingest_event_fixtures(dir: &Path) -> PathBuf {
    let f = dir.join("events.jsonl");
    let body: String = EVENT_ARTICLES.iter().map(|a| format!("{}\n", event_document(a))).collect();
    std::fs::write(&f, body).unwrap();
    let db = dir.join("events-db");
    let out = run(&["ingest", "--analysed", "--db", db.to_str().unwrap(), f.to_str().unwrap()]);
    assert!(out.status.success(), "ingest --analysed: {}", String::from_utf8_lossy(&out.stderr));
    db
}
