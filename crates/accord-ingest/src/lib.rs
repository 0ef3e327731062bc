//! # accord-ingest
//!
//! Readers that turn input files into [`RawDoc`]s: the text of one article plus its metadata. This is the
//! first step of the flow (`bytes ──ingest──▶ RawDoc`); nothing here analyses text.
//!
//! Formats: plain text (`.txt`, or anything not recognised) and JSON Lines (`.jsonl`, one
//! `{"id","text","date"?,"source"?,"title"?,"url"?}` object a line); for the knowledge base also HTML
//! pages ([`html`]), RSS/Atom/JSON feeds ([`feed`]; a `.json` file is read as a feed when it is a JSON Feed)
//! and WARC archives ([`warc`]). JSON Lines are streamed line by line,
//! so a large file is read in bounded memory. Errors name the file and the position (byte offset for
//! invalid UTF-8, line number for bad JSON) and never stop the other documents of a batch.

pub mod documents;
pub mod feed;
pub mod html;
pub mod warc;

use accord_doc::Meta;
use serde::Deserialize;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

pub use accord_doc::RawDoc;

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// File.
        path: String,
        /// Cause.
        source: std::io::Error,
    },
    /// The bytes are not UTF-8.
    #[error("{path}: invalid UTF-8 at byte {byte}{line}", line = line.map(|l| format!(" (line {l})")).unwrap_or_default())]
    Utf8 {
        /// File.
        path: String,
        /// Byte offset of the first invalid byte in the file.
        byte: usize,
        /// Line number (1-based), for line-oriented formats.
        line: Option<usize>,
    },
    /// A JSON line could not be parsed or lacks `text`.
    #[error("{path}:{line}: {message}")]
    Json {
        /// File.
        path: String,
        /// Line number (1-based).
        line: usize,
        /// Parser message.
        message: String,
    },
    /// A value in the input is out of range (e.g. a malformed date).
    #[error("{path}: {message}")]
    Invalid {
        /// File.
        path: String,
        /// What is wrong.
        message: String,
    },
}

#[derive(Deserialize)]
struct JsonLine {
    id: Option<serde_json::Value>,
    text: String,
    date: Option<String>,
    source: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

/// The format of an input, chosen from its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One article per file.
    Text,
    /// One JSON object per line.
    JsonLines,
    /// An HTML page (`.html`, `.htm`, `.xhtml`).
    Html,
    /// An RSS, Atom or JSON feed (`.rss`, `.atom`, `.xml`; a `.json` JSON Feed is recognised by its content).
    Feed,
    /// A WARC archive (`.warc`, `.warc.gz`).
    Warc,
}

impl Format {
    /// Guesses the format from a path's extension (`.jsonl`/`.ndjson` → JSON Lines, `.html`/`.htm` →
    /// HTML, `.rss`/`.atom`/`.xml` → feed, `.warc`/`.warc.gz` → WARC, else text).
    pub fn of(path: &Path) -> Format {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
        if name.ends_with(".warc") || name.ends_with(".warc.gz") {
            return Format::Warc;
        }
        match path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()) {
            Some(e) if e == "jsonl" || e == "ndjson" => Format::JsonLines,
            Some(e) if e == "html" || e == "htm" || e == "xhtml" => Format::Html,
            Some(e) if e == "rss" || e == "atom" || e == "xml" => Format::Feed,
            _ => Format::Text,
        }
    }
}

/// Checks that `date` is `YYYY-MM-DD` (or `YYYY-MM-DDThh:mm...`, whose date part is kept).
pub fn normalise_date(date: &str) -> Option<String> {
    accord_doc::date::normalise_day(date).ok()
}

fn utf8(path: &str, bytes: Vec<u8>, base: usize, line: Option<usize>) -> Result<String, IngestError> {
    String::from_utf8(bytes).map_err(|e| IngestError::Utf8 {
        path: path.to_string(),
        byte: base + e.utf8_error().valid_up_to(),
        line,
    })
}

/// Reads a whole text file as one article. `id` is the file name.
pub fn read_text_file(path: &Path) -> Result<RawDoc, IngestError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io { path: name.clone(), source })?;
    let text = utf8(&name, bytes, 0, None)?;
    Ok(RawDoc { text, meta: Meta { id: file_id(path), ..Default::default() } })
}

/// The id of a file: its name.
pub fn file_id(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// Reads text from any reader as one article with the given id.
pub fn read_text(mut reader: impl Read, id: &str) -> Result<RawDoc, IngestError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|source| IngestError::Io { path: id.to_string(), source })?;
    let text = utf8(id, bytes, 0, None)?;
    Ok(RawDoc { text, meta: Meta { id: id.to_string(), ..Default::default() } })
}

/// Streams the articles of a JSON Lines source, one item per non-blank line.
pub struct JsonLines<R> {
    reader: R,
    name: String,
    line: usize,
    offset: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> JsonLines<R> {
    /// Reads JSON Lines from `reader`; `name` is used in errors and for default ids (`name:LINE`).
    pub fn new(reader: R, name: &str) -> Self {
        JsonLines { reader, name: name.to_string(), line: 0, offset: 0, buf: Vec::new() }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<RawDoc, IngestError>;
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buf.clear();
            let n = match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(n) => n,
                Err(source) => return Some(Err(IngestError::Io { path: self.name.clone(), source })),
            };
            self.line += 1;
            let base = self.offset;
            self.offset += n;
            let bytes = std::mem::take(&mut self.buf);
            let s = match utf8(&self.name, bytes, base, Some(self.line)) {
                Ok(s) => s,
                Err(e) => return Some(Err(e)),
            };
            if s.trim().is_empty() {
                continue;
            }
            let parsed: JsonLine = match serde_json::from_str(s.trim()) {
                Ok(p) => p,
                Err(e) => {
                    return Some(Err(IngestError::Json {
                        path: self.name.clone(),
                        line: self.line,
                        message: e.to_string(),
                    }))
                }
            };
            let id = match parsed.id {
                Some(serde_json::Value::String(s)) => s,
                Some(v) if !v.is_null() => v.to_string(),
                _ => format!("{}:{}", self.name, self.line),
            };
            let date = match parsed.date.as_deref() {
                None | Some("") => None,
                Some(d) => match accord_doc::date::normalise_day(d) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        return Some(Err(IngestError::Json {
                            path: self.name.clone(),
                            line: self.line,
                            message: format!("({id}) {e}"),
                        }))
                    }
                },
            };
            return Some(Ok(RawDoc {
                text: parsed.text,
                meta: Meta { id, date, title: parsed.title, source: parsed.source, url: parsed.url },
            }));
        }
    }
}

/// Every article in one input path (`-` is standard input, read as text), streamed.
pub fn read_path(path: &Path) -> Box<dyn Iterator<Item = Result<RawDoc, IngestError>> + Send> {
    Box::new(read_articles(path).map(|r| r.map(|a| a.raw)))
}

/// Like [`read_path`], keeping what web formats add beyond [`Meta`] (the author).
pub fn read_articles(path: &Path) -> Box<dyn Iterator<Item = Result<html::Article, IngestError>> + Send> {
    match Format::of(path) {
        Format::Html => return Box::new(std::iter::once(html::read_html_file(path))),
        Format::Feed => {
            return match feed::read_feed_file(path) {
                Ok(v) => Box::new(v.into_iter().map(Ok)),
                Err(e) => Box::new(std::iter::once(Err(e))),
            }
        }
        Format::Warc => return warc::read_warc_file(path),
        Format::Text if is_json_feed(path) => {
            return match feed::read_feed_file(path) {
                Ok(v) => Box::new(v.into_iter().map(Ok)),
                Err(e) => Box::new(std::iter::once(Err(e))),
            }
        }
        _ => {}
    }
    Box::new(read_plain(path).map(|r| r.map(|raw| html::Article { raw, author: None })))
}

/// A `.json` file that starts like a JSON Feed (other `.json` files stay plain text, as before).
fn is_json_feed(path: &Path) -> bool {
    if !path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        return false;
    }
    let mut head = Vec::new();
    std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head)).is_ok()
        && feed::looks_like_json_feed(&head)
}

fn read_plain(path: &Path) -> Box<dyn Iterator<Item = Result<RawDoc, IngestError>> + Send> {
    let name = path.display().to_string();
    if name == "-" {
        return Box::new(std::iter::once(read_text(std::io::stdin().lock(), "stdin")));
    }
    match Format::of(path) {
        Format::Text => match std::fs::metadata(path) {
            Ok(m) if m.len() as usize > CHUNK_BYTES => match std::fs::File::open(path) {
                Ok(f) => {
                    Box::new(TextChunks::new(BufReader::with_capacity(1 << 16, f), &name, &file_id(path), CHUNK_BYTES))
                }
                Err(source) => Box::new(std::iter::once(Err(IngestError::Io { path: name, source }))),
            },
            _ => Box::new(std::iter::once(read_text_file(path))),
        },
        Format::Html | Format::Feed | Format::Warc => Box::new(std::iter::once(read_text_file(path))),
        Format::JsonLines => match std::fs::File::open(path) {
            Ok(f) => Box::new(JsonLines::new(BufReader::with_capacity(1 << 16, f), &name)),
            Err(source) => Box::new(std::iter::once(Err(IngestError::Io { path: name, source }))),
        },
    }
}

/// Expands folders to the files under them (sorted, recursively); files are kept as given.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut stack = vec![p.clone()];
            let mut found = Vec::new();
            while let Some(d) = stack.pop() {
                if let Ok(rd) = std::fs::read_dir(&d) {
                    for e in rd.flatten() {
                        let q = e.path();
                        if q.is_dir() {
                            stack.push(q);
                        } else {
                            found.push(q);
                        }
                    }
                }
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Plain-text files larger than this are read in parts, split at blank lines, so memory and the work per
/// document stay bounded (a news article is far smaller).
pub const CHUNK_BYTES: usize = 256 << 10;

/// Streams a large plain-text file as parts of about `chunk` bytes, each ending at a paragraph break
/// (a blank line) where one comes within the next `chunk` bytes, else at a line end. Part ids are
/// `ID#1`, `ID#2`, ...; offsets in each part's output count from the start of that part.
pub struct TextChunks<R> {
    reader: R,
    name: String,
    id: String,
    chunk: usize,
    offset: usize,
    part: usize,
    done: bool,
}

impl<R: BufRead> TextChunks<R> {
    /// Reads `reader` (named `name` in errors) in parts of about `chunk` bytes.
    pub fn new(reader: R, name: &str, id: &str, chunk: usize) -> Self {
        TextChunks {
            reader,
            name: name.to_string(),
            id: id.to_string(),
            chunk: chunk.max(1),
            offset: 0,
            part: 0,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for TextChunks<R> {
    type Item = Result<RawDoc, IngestError>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut buf: Vec<u8> = Vec::with_capacity(self.chunk + 4096);
        loop {
            let before = buf.len();
            match self.reader.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.done = true;
                    break;
                }
                Ok(_) => {}
                Err(source) => {
                    self.done = true;
                    return Some(Err(IngestError::Io { path: self.name.clone(), source }));
                }
            }
            let line_blank = buf[before..].iter().all(|b| b.is_ascii_whitespace());
            if (buf.len() >= self.chunk && line_blank) || buf.len() >= 2 * self.chunk {
                break;
            }
        }
        if buf.is_empty() {
            return None;
        }
        let base = self.offset;
        self.offset += buf.len();
        self.part += 1;
        let id = format!("{}#{}", self.id, self.part);
        Some(utf8(&self.name, buf, base, None).map(|text| RawDoc { text, meta: Meta { id, ..Default::default() } }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_reports_line_and_continues() {
        let input = b"{\"id\":\"a\",\"text\":\"One.\"}\n\nnot json\n{\"id\":7,\"text\":\"Two.\",\"date\":\"2024-01-02\"}\n\xff\n";
        let items: Vec<_> = JsonLines::new(&input[..], "x.jsonl").collect();
        assert_eq!(items.len(), 4);
        assert_eq!(items[0].as_ref().unwrap().meta.id, "a");
        assert!(matches!(&items[1], Err(IngestError::Json { line: 3, .. })));
        let two = items[2].as_ref().unwrap();
        assert_eq!((two.meta.id.as_str(), two.meta.date.as_deref()), ("7", Some("2024-01-02")));
        let err = items[3].as_ref().unwrap_err().to_string();
        assert!(err.contains("x.jsonl") && err.contains("byte 78") && err.contains("line 5"), "{err}");
    }

    #[test]
    fn large_text_is_read_in_parts_at_paragraph_breaks() {
        let para = "A sentence of the story goes here.\n\n";
        let text = para.repeat(100);
        let parts: Vec<_> = TextChunks::new(text.as_bytes(), "big.txt", "big.txt", 200).map(Result::unwrap).collect();
        assert!(parts.len() > 5);
        assert_eq!(parts.iter().map(|p| p.text.as_str()).collect::<String>(), text);
        assert!(parts.iter().all(|p| p.text.ends_with("\n\n") || p.text.len() < 200));
        assert_eq!(parts[1].meta.id, "big.txt#2");
        let bad = [b"ok line\n\n".repeat(40), vec![0xff]].concat();
        let last = TextChunks::new(&bad[..], "bad.txt", "bad.txt", 100).last().unwrap();
        assert!(last.unwrap_err().to_string().contains(&format!("byte {}", bad.len() - 1)));
    }

    #[test]
    fn dates_are_checked() {
        assert_eq!(normalise_date("2025-03-06T10:00:00Z").as_deref(), Some("2025-03-06"));
        assert_eq!(normalise_date("2025-13-06"), None);
        assert_eq!(normalise_date("March 6"), None);
        assert_eq!(normalise_date("2024-02-31"), None, "a day that does not exist");
    }
}
