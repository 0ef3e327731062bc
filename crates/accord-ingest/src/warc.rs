//! WARC archives (`.warc`, `.warc.gz`) → one article per HTML `response` record.
//!
//! Records are read in order; `response` records whose HTTP payload is HTML (status 2xx) go through
//! [`crate::html::parse_html`] (decoded with the charset of the HTTP `Content-Type`, else the page's own), with the `WARC-Target-URI` as id and URL and the `WARC-Date` as fallback
//! date. Chunked transfer encoding and gzip content encoding of the payload are undone. Other record
//! types (`request`, `metadata`, `warcinfo`, …) and non-HTML responses are skipped silently. A truncated
//! archive (a record shorter than its `Content-Length`, a cut gzip stream) yields the records before the
//! cut and then one error naming the byte offset; records are streamed one at a time; a page with no article text yields an error for that
//! record only.

use crate::html::{decode_html, parse_html, Article};
use crate::{normalise_date, IngestError};
use std::io::{BufRead, BufReader, Read};
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
        let Some(nl) = find(&body[i..], b"\r\n") else {
            break;
        };
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
    let split =
        find(payload, b"\r\n\r\n").map(|p| (p, p + 4)).or_else(|| find(payload, b"\n\n").map(|p| (p, p + 2)))?;
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
        || (ctype.is_empty()
            && body.iter().take(512).any(|&b| b == b'<')
            && find(&body[..body.len().min(2048)], b"<html").is_some());
    if !status_ok || !looks_html {
        return None;
    }
    let html = decode_html(&body, Some(&ctype));
    Some(parse_html(&html, uri).map(|mut a| {
        a.raw.meta.url.get_or_insert_with(|| uri.to_string());
        if a.raw.meta.date.is_none() {
            a.raw.meta.date = warc_date.and_then(normalise_date);
        }
        a
    }))
}

/// Streams the articles of a WARC archive record by record, in bounded memory (one record at a time).
pub struct WarcReader<R> {
    reader: R,
    name: String,
    offset: usize,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    /// Reads WARC records from `reader` (already decompressed); `name` names the archive in errors.
    pub fn new(reader: R, name: &str) -> Self {
        WarcReader { reader, name: name.to_string(), offset: 0, done: false }
    }

    fn fail(&mut self, message: String) -> Option<Result<Article, IngestError>> {
        self.done = true;
        Some(Err(IngestError::Invalid { path: self.name.clone(), message }))
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<Article, IngestError>;
    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            // header block: lines up to a blank line, skipping blank lines before the record
            let start = self.offset;
            let mut head: Vec<u8> = Vec::new();
            let mut line = Vec::new();
            loop {
                line.clear();
                match self.reader.read_until(b'\n', &mut line) {
                    Ok(0) => {
                        if head.is_empty() {
                            self.done = true;
                            return None;
                        }
                        return self.fail(format!("truncated WARC header at byte {start}"));
                    }
                    Ok(n) => self.offset += n,
                    Err(e) => return self.fail(format!("read error at byte {}: {e}", self.offset)),
                }
                let blank = line.iter().all(|b| *b == b'\r' || *b == b'\n');
                if blank && head.is_empty() {
                    continue;
                }
                if blank {
                    break;
                }
                if head.is_empty() && !line.starts_with(b"WARC/") {
                    return self.fail(format!("not a WARC record at byte {}", self.offset - line.len()));
                }
                head.extend_from_slice(&line);
                if head.len() > 1 << 20 {
                    return self.fail(format!("WARC header at byte {start} is too long"));
                }
            }
            let h = headers(&head);
            let Some(len) = header(&h, "content-length").and_then(|l| l.parse::<usize>().ok()) else {
                return self.fail(format!("WARC record at byte {start} has no Content-Length"));
            };
            let mut block = Vec::with_capacity(len.min(64 << 20));
            match (&mut self.reader).take(len as u64).read_to_end(&mut block) {
                Ok(n) if n == len => self.offset += n,
                Ok(n) => {
                    return self.fail(format!(
                        "truncated WARC record at byte {start}: Content-Length {len}, only {n} bytes left"
                    ))
                }
                Err(e) => {
                    return self.fail(format!("truncated WARC record at byte {start}: {e}"));
                }
            }
            if header(&h, "warc-type") != Some("response") {
                continue;
            }
            let uri = header(&h, "warc-target-uri").unwrap_or("").trim_matches(['<', '>']).to_string();
            let id = if uri.is_empty() { format!("{}@{start}", self.name) } else { uri };
            if let Some(r) = http_article(&block, &id, header(&h, "warc-date")) {
                let name = self.name.clone();
                return Some(r.map_err(|e| match e {
                    IngestError::Invalid { message, .. } => {
                        IngestError::Invalid { path: format!("{name} ({id})"), message }
                    }
                    e => e,
                }));
            }
        }
        None
    }
}

/// Parses a whole (decompressed) WARC byte stream. `name` names the archive in errors.
pub fn parse_warc(data: &[u8], name: &str) -> Vec<Result<Article, IngestError>> {
    WarcReader::new(data, name).collect()
}

/// Streams a `.warc` or `.warc.gz` file. A cut gzip stream yields the records decoded before the cut and
/// then an error.
pub fn read_warc_file(path: &Path) -> Box<dyn Iterator<Item = Result<Article, IngestError>> + Send> {
    let name = path.display().to_string();
    let mut f = match std::fs::File::open(path) {
        Ok(f) => BufReader::with_capacity(1 << 16, f),
        Err(source) => return Box::new(std::iter::once(Err(IngestError::Io { path: name, source }))),
    };
    let gz = f.fill_buf().map(|b| b.starts_with(&[0x1f, 0x8b])).unwrap_or(false);
    if gz {
        let dec = BufReader::with_capacity(1 << 16, flate2::bufread::MultiGzDecoder::new(f));
        Box::new(WarcReader::new(dec, &name))
    } else {
        Box::new(WarcReader::new(f, &name))
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

    /// Three response records whose pages are long and varied (so deflate does not squeeze them into a
    /// few bytes), each page naming its record.
    fn three_records() -> Vec<String> {
        (1..=3)
            .map(|n| {
                let paras: String = (0..120)
                    .map(|i| format!("<p>Paragraph {i} of story {n}: officer {} said {} people came.</p>\n", i * 7919 % 1013, i * n))
                    .collect();
                let page = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article>{paras}</article></body></html>");
                record("response", &format!("http://a/{n}"), &page)
            })
            .collect()
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    fn ok_ids(path: &Path) -> (Vec<String>, usize) {
        let items: Vec<_> = read_warc_file(path).collect();
        let errs = items.iter().filter(|r| r.is_err()).count();
        (items.into_iter().filter_map(|r| r.ok()).map(|a| a.raw.meta.id).collect(), errs)
    }

    #[test]
    fn cut_single_stream_gzip_keeps_complete_records() {
        let recs = three_records();
        let dir = std::env::temp_dir().join(format!("accord-warc-cut-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // one gzip stream for the whole archive, cut inside the third record's compressed bytes
        let whole = gz(recs.concat().as_bytes());
        let first_two = gz((recs[0].clone() + &recs[1]).as_bytes()).len();
        let cut_at = first_two + (whole.len() - first_two) / 2;
        let single = dir.join("single.warc.gz");
        std::fs::write(&single, &whole[..cut_at]).unwrap();
        // the same archive gzipped record by record (the usual WARC layout), cut inside the third member
        let members: Vec<Vec<u8>> = recs.iter().map(|r| gz(r.as_bytes())).collect();
        let per = members.concat();
        let per_record = dir.join("per-record.warc.gz");
        std::fs::write(&per_record, &per[..members[0].len() + members[1].len() + members[2].len() / 2]).unwrap();
        for path in [&single, &per_record] {
            let (ids, errs) = ok_ids(path);
            assert_eq!(ids, ["http://a/1", "http://a/2"], "{}", path.display());
            assert_eq!(errs, 1, "{}: the cut is reported once", path.display());
        }
        let last = read_warc_file(&single).last().unwrap().unwrap_err().to_string();
        assert!(last.contains("single.warc.gz") && last.contains("truncated"), "{last}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn gzip_archives_stream_and_cut_streams_fail_late() {
        use std::io::Write;
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Jane Doe said the budget was balanced.</p>";
        let w = record("response", "http://a/1", page) + &record("response", "http://a/2", page);
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(w.as_bytes()).unwrap();
        let gz = enc.finish().unwrap();
        let dir = std::env::temp_dir().join(format!("accord-warc-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let full = dir.join("a.warc.gz");
        std::fs::write(&full, &gz).unwrap();
        let items: Vec<_> = read_warc_file(&full).collect();
        assert_eq!(items.iter().filter(|r| r.is_ok()).count(), 2);
        let cut = dir.join("cut.warc.gz");
        std::fs::write(&cut, &gz[..gz.len() * 2 / 3]).unwrap();
        let items: Vec<_> = read_warc_file(&cut).collect();
        assert!(items.last().unwrap().is_err(), "a cut stream ends with an error");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
