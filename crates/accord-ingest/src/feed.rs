//! RSS (0.9x, 1.0, 2.0), Atom and JSON Feed files → one article per item, parsed by `feed-rs` (namespaces,
//! CDATA, entities and the formats' dates handled by a real XML/JSON parser).
//!
//! Each item's text is its full content (`content:encoded`, Atom `content`, JSON Feed `content_html`/
//! `content_text`) or else its `description`/`summary`, with any HTML in it converted to paragraphs; its
//! date is the date as written in `published` (`pubDate`, `dc:date`, `date_published`), else `updated`
//! (RFC 822/2822, RFC 3339 or `DD Mon YYYY`-like text), not shifted to UTC; its id is `guid`/`id`, else its
//! link, else `FILE#N`; its author the item's authors (`dc:creator`, Atom/JSON authors). The feed's title
//! becomes the outlet. A file that is not a feed, or a feed without any item with text, is an error that
//! names the file and the parser's reason.

use crate::html::{html_to_text, Article};
use crate::{normalise_date, IngestError, RawDoc};
use accord_doc::Meta;
use feed_rs::model::{Entry, Text};
use std::path::Path;

/// Parses an RFC 822 date (`Tue, 05 Mar 2024 10:00:00 GMT`) or an ISO one to `YYYY-MM-DD`: the calendar
/// date as written (the zone is not applied).
pub fn parse_feed_date(s: &str) -> Option<String> {
    if let Some(d) = normalise_date(s) {
        return Some(d);
    }
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let mut day = None;
    let mut month = None;
    let mut year = None;
    for w in s.split(|c: char| c.is_whitespace() || c == ',') {
        let lw = w.to_ascii_lowercase();
        if let Some(m) = MONTHS.iter().position(|m| lw.starts_with(m)) {
            month = month.or(Some(m as u32 + 1));
        } else if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
            year = year.or(w.parse::<u32>().ok());
        } else if (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()) && day.is_none() {
            day = w.parse::<u32>().ok();
        }
    }
    let (d, m, y) = (day?, month?, year?);
    normalise_date(&format!("{y:04}-{m:02}-{d:02}"))
}

/// feed-rs keeps dates as UTC instants; accord wants the calendar date the feed wrote. The parser is given
/// a timestamp function that keeps that date (as midnight UTC), so no time zone moves it to another day.
fn written_date(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let d = parse_feed_date(s)?;
    let date = chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc())
}

fn text_of(t: &Text) -> String {
    if t.content_type.essence().to_string().eq_ignore_ascii_case("text/plain") {
        t.content.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        html_to_text(&t.content)
    }
}

/// The text of an item: its content, else its summary (HTML converted to paragraphs).
fn entry_text(e: &Entry) -> String {
    if let Some(body) = e.content.as_ref().and_then(|c| c.body.as_deref().map(|b| (b, c))) {
        let (b, c) = body;
        let t = if c.content_type.essence().to_string().eq_ignore_ascii_case("text/plain") {
            b.trim().to_string()
        } else {
            html_to_text(b)
        };
        if !t.trim().is_empty() {
            return t;
        }
    }
    e.summary.as_ref().map(text_of).unwrap_or_default()
}

/// Splits a feed into its items' articles. `name` is used for errors and default ids.
pub fn parse_feed(data: &[u8], name: &str) -> Result<Vec<Article>, IngestError> {
    let parser = feed_rs::parser::Builder::new()
        // no generated ids: an item without one gets its link or FILE#N below
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(written_date)
        .build();
    let feed = parser.parse(data).map_err(|e| IngestError::Invalid {
        path: name.into(),
        message: format!("not a readable RSS, Atom or JSON feed: {e}"),
    })?;
    let outlet = feed.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let mut out = Vec::new();
    for (n, e) in feed.entries.iter().enumerate() {
        let text = entry_text(e);
        if text.trim().is_empty() {
            continue;
        }
        let url = e
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or_else(|| e.links.first())
            .map(|l| l.href.clone());
        let id = Some(e.id.trim().to_string())
            .filter(|i| !i.is_empty())
            .or_else(|| url.clone())
            .unwrap_or_else(|| format!("{name}#{}", n + 1));
        let date = e.published.or(e.updated).map(|d| d.format("%Y-%m-%d").to_string());
        let names: Vec<String> = e
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref().map(html_to_text))
            .filter(|n| !n.trim().is_empty())
            .collect();
        let author = (!names.is_empty()).then(|| names.join(", "));
        let title = e.title.as_ref().map(text_of).filter(|t| !t.is_empty());
        out.push(Article { raw: RawDoc { text, meta: Meta { id, date, title, source: outlet.clone(), url } }, author });
    }
    if out.is_empty() {
        return Err(IngestError::Invalid { path: name.into(), message: "feed has no item with text".into() });
    }
    Ok(out)
}

/// True when the start of a `.json` file looks like a JSON Feed (`"version": "https://jsonfeed.org/..."`).
pub fn looks_like_json_feed(head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    head.trim_start().starts_with('{') && head.contains("jsonfeed.org/version")
}

/// Reads a feed file (`.rss`, `.atom`, `.xml`, or a JSON Feed).
pub fn read_feed_file(path: &Path) -> Result<Vec<Article>, IngestError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io { path: name.clone(), source })?;
    parse_feed(&bytes, &name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items() {
        let xml = r#"<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Daily Planet</title>
<item><title>Budget</title><link>http://x/1</link><pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate>
<description><![CDATA[<p>Jane Doe said the budget was balanced.</p><p>“We will rebuild,” she said.</p>]]></description></item>
<item><title>Two</title><guid>g2</guid><pubDate>Wed, 6 Mar 2024 10:00:00 GMT</pubDate><dc:creator>Kim Lee</dc:creator>
<description>short teaser</description>
<content:encoded><![CDATA[<p>John Roe said so.</p><p>He said more.</p>]]></content:encoded></item>
<item><title>No text</title><guid>g3</guid></item></channel></rss>"#;
        let items = parse_feed(xml.as_bytes(), "f.rss").unwrap();
        assert_eq!(items.len(), 2);
        // the date as written, not moved to the next day in UTC
        assert_eq!(items[0].raw.meta.date.as_deref(), Some("2024-03-05"));
        assert_eq!(items[0].raw.meta.source.as_deref(), Some("Daily Planet"));
        assert_eq!(items[0].raw.meta.id, "http://x/1");
        assert_eq!(items[0].raw.meta.title.as_deref(), Some("Budget"));
        assert!(items[0].raw.text.contains("balanced.\n\n“We will rebuild,”"), "{}", items[0].raw.text);
        // content:encoded (a namespace) wins over the description
        assert_eq!(items[1].raw.text, "John Roe said so.\n\nHe said more.");
        assert_eq!(items[1].raw.meta.id, "g2");
        assert_eq!(items[1].author.as_deref(), Some("Kim Lee"));
        assert_eq!(items[1].raw.meta.date.as_deref(), Some("2024-03-06"));
    }

    #[test]
    fn atom_entries() {
        let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>A</title><id>urn:1</id><link rel="alternate" href="http://w/a"/><published>2024-01-02T00:00:00Z</published>
<author><name>Kim Lee</name></author><content type="html">&lt;p&gt;Jane Doe said hello.&lt;/p&gt;</content></entry>
<entry><title type="text">B</title><link href="http://w/b"/><updated>2024-01-03T22:00:00-08:00</updated>
<summary type="text">Plain summary &lt;not a tag&gt; here.</summary></entry></feed>"#;
        let items = parse_feed(xml.as_bytes(), "f.atom").unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].raw.meta.url.as_deref(), Some("http://w/a"));
        assert_eq!(items[0].raw.meta.id, "urn:1");
        assert_eq!(items[0].raw.meta.date.as_deref(), Some("2024-01-02"));
        assert_eq!(items[0].raw.meta.source.as_deref(), Some("Wire"));
        assert_eq!(items[0].author.as_deref(), Some("Kim Lee"));
        assert_eq!(items[0].raw.text, "Jane Doe said hello.");
        // no id: the link; updated when there is no published date; plain text kept as text
        assert_eq!(items[1].raw.meta.id, "http://w/b");
        assert_eq!(items[1].raw.meta.date.as_deref(), Some("2024-01-03"));
        assert_eq!(items[1].raw.text, "Plain summary <not a tag> here.");
    }

    #[test]
    fn json_feed_items() {
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"JSON Wire",
"items":[{"id":"j1","url":"http://j/1","title":"One","date_published":"2024-05-06T07:08:09+02:00",
"authors":[{"name":"Ana Lopez"}],"content_html":"<p>Ana Lopez said it works.</p><p>Second paragraph.</p>"},
{"id":"j2","content_text":"Plain text item said here."},{"id":"j3"}]}"#;
        assert!(looks_like_json_feed(json.as_bytes()));
        let items = parse_feed(json.as_bytes(), "f.json").unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].raw.meta.id, "j1");
        assert_eq!(items[0].raw.meta.url.as_deref(), Some("http://j/1"));
        assert_eq!(items[0].raw.meta.date.as_deref(), Some("2024-05-06"));
        assert_eq!(items[0].raw.meta.source.as_deref(), Some("JSON Wire"));
        assert_eq!(items[0].author.as_deref(), Some("Ana Lopez"));
        assert_eq!(items[0].raw.text, "Ana Lopez said it works.\n\nSecond paragraph.");
        assert_eq!(items[1].raw.text, "Plain text item said here.");
    }

    #[test]
    fn bad_feeds_are_errors_naming_the_file() {
        for bad in [&b"<html></html>"[..], b"", b"<rss><channel><item><title>x", b"{\"version\":1}", b"\xff\xfe\x00"] {
            let e = parse_feed(bad, "bad.xml").unwrap_err().to_string();
            assert!(e.starts_with("bad.xml: "), "{e}");
        }
        let empty =
            r#"<rss version="2.0"><channel><title>T</title><item><title>only a title</title></item></channel></rss>"#;
        assert!(parse_feed(empty.as_bytes(), "e.rss").unwrap_err().to_string().contains("no item with text"));
    }
}
