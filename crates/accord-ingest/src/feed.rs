//! RSS 2.0 and Atom feed files → one article per `<item>`/`<entry>`.
//!
//! Each item's text is its full content (`content:encoded`, Atom `content`) or else its `description`/
//! `summary`, with any HTML in it converted to paragraphs; its date is `pubDate` (RFC 822),
//! `dc:date`, `published` or `updated`; its id is `guid`/`id`, else `link`, else `FILE#N`. The channel's
//! title becomes the outlet. A file with neither `<rss`/`<channel` nor `<feed` is an error.

use crate::html::{decode_entities, html_to_text, Article};
use crate::{normalise_date, IngestError, RawDoc};
use accord_doc::Meta;
use std::path::Path;

/// The inner text of the first `<name ...>...</name>` in `s` (CDATA unwrapped, entities decoded once).
fn element<'a>(s: &'a str, name: &str) -> Option<(&'a str, &'a str)> {
    element_at(s, name).map(|(a, i, _)| (a, i))
}

/// Like [`element`], also returning the byte offset just past the element.
fn element_at<'a>(s: &'a str, name: &str) -> Option<(&'a str, &'a str, usize)> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(p) = s[from..].find(&open) {
        let start = from + p;
        let after = start + open.len();
        let next = s.as_bytes().get(after).copied().unwrap_or(b'>');
        if !(next == b'>' || next == b'/' || next.is_ascii_whitespace()) {
            from = after;
            continue;
        }
        let gt = after + s[after..].find('>')?;
        let attrs = &s[after..gt];
        if attrs.trim_end().ends_with('/') {
            return Some((attrs, "", gt + 1));
        }
        let close = format!("</{name}>");
        let end = s[gt + 1..].find(&close).map(|e| gt + 1 + e).unwrap_or(s.len());
        return Some((attrs, &s[gt + 1..end], (end + close.len()).min(s.len())));
    }
    None
}

fn text_of(inner: &str) -> String {
    let t = inner.trim();
    if let Some(c) = t.strip_prefix("<![CDATA[") {
        return c.strip_suffix("]]>").unwrap_or(c).to_string();
    }
    decode_entities(t)
}

fn child(item: &str, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| element(item, n).map(|(_, i)| text_of(i)).filter(|t| !t.trim().is_empty()))
}

/// Parses an RFC 822 date (`Tue, 05 Mar 2024 10:00:00 GMT`) or an ISO one to `YYYY-MM-DD`.
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
            month = Some(m as u32 + 1);
        } else if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
            year = w.parse::<u32>().ok();
        } else if (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()) && day.is_none() {
            day = w.parse::<u32>().ok();
        }
    }
    let (d, m, y) = (day?, month?, year?);
    normalise_date(&format!("{y:04}-{m:02}-{d:02}"))
}

/// Splits a feed into its items' articles. `name` is used for errors and default ids.
pub fn parse_feed(xml: &str, name: &str) -> Result<Vec<Article>, IngestError> {
    let is_atom =
        !xml.contains("<rss") && !xml.contains("<channel") && (xml.contains("<feed ") || xml.contains("<feed>"));
    if !is_atom && !xml.contains("<rss") && !xml.contains("<channel") && !xml.contains("<rdf:RDF") {
        return Err(IngestError::Invalid { path: name.into(), message: "not an RSS or Atom feed".into() });
    }
    let tag = if is_atom { "entry" } else { "item" };
    let head_end = xml.find(&format!("<{tag}")).unwrap_or(xml.len());
    let outlet = child(&xml[..head_end], &["title"]).map(|t| html_to_text(&t)).filter(|t| !t.is_empty());
    let mut out = Vec::new();
    let mut rest = xml;
    let mut n = 0;
    while let Some((_, item, consumed)) = element_at(rest, tag) {
        n += 1;
        rest = &rest[consumed..];
        let body = child(item, &["content:encoded", "content", "description", "summary"]).unwrap_or_default();
        let text = html_to_text(&body);
        let title = child(item, &["title"]).map(|t| html_to_text(&t));
        let link = if is_atom {
            element(item, "link").and_then(|(a, _)| {
                let a = format!("{a} ");
                let i = a.find("href=")? + 5;
                let q = a.as_bytes()[i] as char;
                let v = &a[i + 1..];
                v.find(q).map(|e| decode_entities(&v[..e]))
            })
        } else {
            child(item, &["link"])
        };
        let date = child(item, &["pubDate", "dc:date", "published", "updated"]).and_then(|d| parse_feed_date(&d));
        let author = child(item, &["dc:creator", "author"]).map(|a| {
            let a = element(&a, "name").map(|(_, n)| text_of(n)).unwrap_or(a);
            html_to_text(&a)
        });
        let id = child(item, &["guid", "id"]).or_else(|| link.clone()).unwrap_or_else(|| format!("{name}#{n}"));
        if text.trim().is_empty() {
            continue;
        }
        out.push(Article {
            raw: RawDoc { text, meta: Meta { id, date, title, source: outlet.clone(), url: link } },
            author,
        });
    }
    if out.is_empty() {
        return Err(IngestError::Invalid { path: name.into(), message: format!("feed has no <{tag}> with text") });
    }
    Ok(out)
}

/// Reads a feed file (`.rss`, `.atom`, `.xml`).
pub fn read_feed_file(path: &Path) -> Result<Vec<Article>, IngestError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io { path: name.clone(), source })?;
    parse_feed(&String::from_utf8_lossy(&bytes), &name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items() {
        let xml = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Planet</title>
<item><title>Budget</title><link>http://x/1</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description><![CDATA[<p>Jane Doe said the budget was balanced.</p><p>“We will rebuild,” she said.</p>]]></description></item>
<item><title>Two</title><guid>g2</guid><pubDate>Wed, 6 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;John Roe said so.&lt;/p&gt;</description></item></channel></rss>"#;
        let items = parse_feed(xml, "f.rss").unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].raw.meta.date.as_deref(), Some("2024-03-05"));
        assert_eq!(items[0].raw.meta.source.as_deref(), Some("Daily Planet"));
        assert_eq!(items[0].raw.meta.id, "http://x/1");
        assert!(items[0].raw.text.contains("\n\n“We will rebuild,”"));
        assert_eq!(items[1].raw.text, "John Roe said so.");
        assert_eq!(items[1].raw.meta.id, "g2");
    }

    #[test]
    fn atom_entries() {
        let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>A</title><id>urn:1</id><link href="http://w/a"/><published>2024-01-02T00:00:00Z</published>
<author><name>Kim Lee</name></author><content type="html">&lt;p&gt;Jane Doe said hello.&lt;/p&gt;</content></entry></feed>"#;
        let items = parse_feed(xml, "f.atom").unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].raw.meta.url.as_deref(), Some("http://w/a"));
        assert_eq!(items[0].raw.meta.date.as_deref(), Some("2024-01-02"));
        assert_eq!(items[0].author.as_deref(), Some("Kim Lee"));
        assert_eq!(items[0].raw.text, "Jane Doe said hello.");
        assert!(parse_feed("<html></html>", "x.xml").is_err());
    }
}
