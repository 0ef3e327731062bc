//! WARC archives (`.warc`, `.warc.gz`) → one article per HTML `response` record.
//!
//! Records are read in order; `response` records whose HTTP payload is HTML (status 2xx) go through
//! [`crate::html::parse_html`], with the `WARC-Target-URI` as id and URL and the `WARC-Date` as fallback
//! date. Chunked transfer encoding and gzip content encoding of the payload are undone. Other record
//! types (`request`, `metadata`, `warcinfo`, …) and non-HTML responses are skipped silently. A truncated
//! archive (a record shorter than its `Content-Length`, a cut gzip stream) yields the records before the
//! cut and then one error naming the byte offset; a page with no article text yields an error for that
//! record only.

use crate::html::{parse_html, Article};
use crate::{normalise_date, IngestError};
use std::io::Read;
use std::path::Path;

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Parses `Name: value` header lines (case-insensitive names).
fn headers(block: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(block)
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string())))
        .collect()
}

fn header<'a>(h: &'a [(String, String)], k: &str) -> Option<&'a str> {
    h.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
}

fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let Some(nl) = find(&body[i..], b"\r\n") else { break };
        let size_line = String::from_utf8_lossy(&body[i..i + nl]);
        let size = usize::from_str_radix(size_line.split(';').next().unwrap_or("").trim(), 16).unwrap_or(0);
        i += nl + 2;
        if size == 0 {
            break;
        }
        let end = (i + size).min(body.len());
        out.extend_from_slice(&body[i..end]);
        i = end + 2;
    }
    out
}

/// Turns one HTTP response (status line, headers, body) into an article, if it is an HTML page.
fn http_article(payload: &[u8], uri: &str, warc_date: Option<&str>) -> Option<Result<Article, IngestError>> {
    let split = find(payload, b"\r\n\r\n").map(|p| (p, p + 4)).or_else(|| find(payload, b"\n\n").map(|p| (p, p + 2)))?;
    let head = &payload[..split.0];
    let status_ok = String::from_utf8_lossy(head)
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1).map(|s| s.starts_with('2')))
        .unwrap_or(false);
    let h = headers(head);
    let ctype = header(&h, "content-type").unwrap_or("").to_ascii_lowercase();
    let mut body = payload[split.1..].to_vec();
    if header(&h, "transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
        body = dechunk(&body);
    }
    if header(&h, "content-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("gzip")) {
        let mut d = Vec::new();
        let _ = flate2::read::MultiGzDecoder::new(&body[..]).read_to_end(&mut d);
        body = d;
    }
    let looks_html = ctype.contains("html")
        || (ctype.is_empty() && body.iter().take(512).any(|&b| b == b'<') && find(&body[..body.len().min(2048)], b"<html").is_some());
    if !status_ok || !looks_html {
        return None;
    }
    let html = String::from_utf8_lossy(&body);
    Some(parse_html(&html, uri).map(|mut a| {
        a.raw.meta.url.get_or_insert_with(|| uri.to_string());
        if a.raw.meta.date.is_none() {
            a.raw.meta.date = warc_date.and_then(normalise_date);
        }
        a
    }))
}

/// Parses a whole (decompressed) WARC byte stream. `name` names the archive in errors.
pub fn parse_warc(data: &[u8], name: &str) -> Vec<Result<Article, IngestError>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        // skip blank lines between records
        while i < data.len() && (data[i] == b'\r' || data[i] == b'\n') {
            i += 1;
        }
        if i >= data.len() {
            break;
        }
        if !data[i..].starts_with(b"WARC/") {
            out.push(Err(IngestError::Invalid {
                path: name.into(),
                message: format!("not a WARC record at byte {i}"),
            }));
            break;
        }
        let Some(hend) = find(&data[i..], b"\r\n\r\n").map(|p| (p, 4)).or_else(|| find(&data[i..], b"\n\n").map(|p| (p, 2)))
        else {
            out.push(Err(IngestError::Invalid { path: name.into(), message: format!("truncated WARC header at byte {i}") }));
            break;
        };
        let h = headers(&data[i..i + hend.0]);
        let start = i + hend.0 + hend.1;
        let Some(len) = header(&h, "content-length").and_then(|l| l.parse::<usize>().ok()) else {
            out.push(Err(IngestError::Invalid {
                path: name.into(),
                message: format!("WARC record at byte {i} has no Content-Length"),
            }));
            break;
        };
        if start + len > data.len() {
            out.push(Err(IngestError::Invalid {
                path: name.into(),
                message: format!(
                    "truncated WARC record at byte {i}: Content-Length {len}, only {} bytes left",
                    data.len() - start
                ),
            }));
            break;
        }
        let block = &data[start..start + len];
        i = start + len;
        if header(&h, "warc-type") != Some("response") {
            continue;
        }
        let uri = header(&h, "warc-target-uri").unwrap_or("").trim_matches(['<', '>']).to_string();
        let id = if uri.is_empty() { format!("{name}@{start}") } else { uri };
        if let Some(r) = http_article(block, &id, header(&h, "warc-date")) {
            out.push(r.map_err(|e| match e {
                IngestError::Invalid { message, .. } => {
                    IngestError::Invalid { path: format!("{name} ({id})"), message }
                }
                e => e,
            }));
        }
    }
    out
}

/// Reads a `.warc` or `.warc.gz` file. A cut gzip stream keeps the records decoded before the cut.
pub fn read_warc_file(path: &Path) -> Vec<Result<Article, IngestError>> {
    let name = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(source) => return vec![Err(IngestError::Io { path: name, source })],
    };
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut data = Vec::new();
        let mut dec = flate2::read::MultiGzDecoder::new(&bytes[..]);
        let gz_err = dec.read_to_end(&mut data).err();
        let mut out = parse_warc(&data, &name);
        if let Some(e) = gz_err {
            if !out.last().is_some_and(|r| r.is_err()) {
                out.push(Err(IngestError::Invalid { path: name, message: format!("gzip stream cut short: {e}") }));
            }
        }
        out
    } else {
        parse_warc(&bytes, &name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, payload: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-02-03T04:05:06Z\r\nContent-Length: {}\r\n\r\n{payload}\r\n\r\n",
            payload.len()
        )
    }

    #[test]
    fn reads_responses_and_survives_truncation() {
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Jane Doe said the budget was balanced.</p></body></html>";
        let mut w = record("warcinfo", "", "software: test");
        w += &record("request", "http://a/1", "GET / HTTP/1.1\r\n\r\n");
        w += &record("response", "http://a/1", page);
        w += &record("response", "http://a/2", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>");
        let full = parse_warc(w.as_bytes(), "t.warc");
        assert_eq!(full.len(), 1);
        let a = full[0].as_ref().unwrap();
        assert_eq!(a.raw.meta.id, "http://a/1");
        assert_eq!(a.raw.meta.date.as_deref(), Some("2024-02-03"));
        assert_eq!(a.raw.text, "Jane Doe said the budget was balanced.");
        w += &record("response", "http://a/3", page);
        let cut = &w.as_bytes()[..w.len() - 40];
        let r = parse_warc(cut, "t.warc");
        assert_eq!(r.len(), 2);
        assert!(r[0].is_ok());
        assert!(r[1].as_ref().unwrap_err().to_string().contains("truncated"));
    }
}
