//! HTML pages → article text plus metadata.
//!
//! A small, forgiving tag scanner (no DOM): it never fails on unbalanced or broken markup, drops
//! boilerplate (`script`, `style`, `nav`, `header`, `footer`, `aside`, `form`, `figure`, and blocks whose
//! `class`/`id` look like menus, share bars, cookie banners, comments or ads), prefers the `<article>`
//! element when the page has one, and turns block elements into paragraphs separated by blank lines.
//! Metadata comes from `<title>`, `<meta>` tags (`og:title`, `og:site_name`, `article:published_time`,
//! `author`, `date`, …), `<time datetime>`, `<link rel=canonical>` and simple JSON-LD (`headline`,
//! `datePublished`, `author.name`, `publisher.name`). A page with no article text is an error.

use crate::{normalise_date, IngestError, RawDoc};
use accord_doc::Meta;
use std::collections::HashMap;
use std::path::Path;

/// One article read from a web format, with the metadata [`Meta`] has no field for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// Text and metadata.
    pub raw: RawDoc,
    /// Author (byline) when the page or feed names one.
    pub author: Option<String>,
}

/// Elements whose whole content is dropped.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "iframe", "template", "button",
    "figure", "select", "textarea", "canvas", "object", "video", "audio", "menu", "dialog",
];
/// Elements that never have content.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"];
/// Elements that start a new paragraph.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "tr",
    "table",
    "pre",
    "dd",
    "dt",
    "dl",
    "br",
    "hr",
    "body",
    "center",
];
/// `class`/`id` fragments that mark boilerplate blocks.
const BOILER: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "share",
    "social",
    "comment",
    "related",
    "advert",
    "promo",
    "cookie",
    "newsletter",
    "sidebar",
    "breadcrumb",
    "subscribe",
    "signup",
    "popup",
    "modal",
    "banner",
    "recommend",
    "outbrain",
    "taboola",
    "navbar",
    "navigation",
    "advertisement",
    "ads",
    "masthead",
    "toolbar",
    "recirc",
];

/// Decodes HTML character references (`&amp;`, `&#8220;`, `&#x201C;`, common named ones).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(|c: char| c == ';' || c == '&' || c.is_whitespace() || c == '<').map(|e| e + 1);
        let decoded = match end {
            Some(e) if rest.as_bytes()[e] == b';' && e <= 12 => {
                let name = &rest[1..e];
                let ch = if let Some(num) = name.strip_prefix('#') {
                    let n = if let Some(h) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
                        u32::from_str_radix(h, 16).ok()
                    } else {
                        num.parse().ok()
                    };
                    n.and_then(char::from_u32).map(|c| c.to_string())
                } else {
                    named_entity(name).map(str::to_string)
                };
                ch.map(|c| (c, e + 1))
            }
            _ => None,
        };
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => " ",
        "mdash" => "—",
        "ndash" => "–",
        "hellip" => "…",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "laquo" => "«",
        "raquo" => "»",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "eacute" => "é",
        "egrave" => "è",
        "aacute" => "á",
        "oacute" => "ó",
        "uuml" => "ü",
        "ouml" => "ö",
        "auml" => "ä",
        "ccedil" => "ç",
        "ntilde" => "ñ",
        "iacute" => "í",
        "uacute" => "ú",
        "shy" => "",
        "zwj" | "zwnj" => "",
        "euro" => "€",
        "pound" => "£",
        "deg" => "°",
        "middot" => "·",
        "bull" => "•",
        _ => return None,
    })
}

/// One parsed tag.
struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: &'a str,
}

impl Tag<'_> {
    fn attr(&self, key: &str) -> Option<String> {
        attr_value(self.attrs, key)
    }
}

/// Reads attribute `key` from the raw attribute text of a tag (quoted or bare values).
fn attr_value(attrs: &str, key: &str) -> Option<String> {
    let b = attrs.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let ks = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'>' {
            i += 1;
        }
        let k = &attrs[ks..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut val = None;
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = attrs[vs..].find(q as char).map(|e| vs + e).unwrap_or(b.len());
                val = Some(&attrs[vs..ve]);
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                val = Some(&attrs[vs..i]);
            }
        }
        if k.eq_ignore_ascii_case(key) {
            return Some(decode_entities(val.unwrap_or("")));
        }
        if ks == i {
            i += 1;
        }
    }
    None
}

/// Parses the tag starting at `s[0] == '<'`; returns it and its length, or `None` when `<` is plain text.
fn parse_tag(s: &str) -> Option<(Tag<'_>, usize)> {
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(1) == Some(&b'/');
    if closing {
        i += 1;
    }
    if !b.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let ns = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
        i += 1;
    }
    let name = s[ns..i].to_ascii_lowercase();
    // find the closing '>' outside quotes
    let mut q: Option<u8> = None;
    let mut j = i;
    while j < b.len() {
        match (q, b[j]) {
            (None, b'"') | (None, b'\'') => q = Some(b[j]),
            (Some(c), x) if c == x => q = None,
            (None, b'>') => break,
            _ => {}
        }
        j += 1;
    }
    if j >= b.len() {
        // unterminated tag: treat the rest of the line as the tag
        j = s[i..].find('\n').map(|e| i + e).unwrap_or(b.len().saturating_sub(1)).max(i);
        if j >= b.len() {
            j = b.len() - 1;
        }
    }
    let inner = &s[i..j];
    let self_closing = inner.trim_end().ends_with('/');
    Some((Tag { name, closing, self_closing, attrs: inner }, j + 1))
}

/// Metadata gathered from a page.
#[derive(Default, Debug)]
struct PageMeta {
    metas: HashMap<String, String>,
    title: Option<String>,
    time: Option<String>,
    canonical: Option<String>,
    jsonld: Vec<serde_json::Value>,
}

/// Scans a page: returns (body paragraphs, article paragraphs if an `<article>` exists, metadata).
fn scan(html: &str) -> (Vec<String>, Vec<String>, PageMeta) {
    let mut meta = PageMeta::default();
    let mut body: Vec<String> = Vec::new();
    let mut article: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_art = String::new();
    // stack of (name, skipping, in_article)
    let mut stack: Vec<(String, bool, bool)> = Vec::new();
    let mut in_title = false;
    let mut title_buf = String::new();
    let mut i = 0;
    let b = html.as_bytes();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        let t = collapse(cur);
        if !t.is_empty() {
            out.push(t);
        }
        cur.clear();
    };
    while i < b.len() {
        if b[i] == b'<' {
            let rest = &html[i..];
            if rest.starts_with("<!--") {
                i += rest.find("-->").map(|e| e + 3).unwrap_or(rest.len());
                continue;
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                i += rest.find('>').map(|e| e + 1).unwrap_or(rest.len());
                continue;
            }
            if let Some((tag, len)) = parse_tag(rest) {
                i += len;
                let skipping = stack.last().is_some_and(|s| s.1);
                let in_art = stack.last().is_some_and(|s| s.2);
                if tag.closing {
                    if tag.name == "title" {
                        in_title = false;
                    }
                    if let Some(pos) = stack.iter().rposition(|s| s.0 == tag.name) {
                        stack.truncate(pos);
                    }
                    if BLOCK.contains(&tag.name.as_str()) {
                        flush(&mut cur, &mut body);
                        flush(&mut cur_art, &mut article);
                    }
                    continue;
                }
                match tag.name.as_str() {
                    "meta" => {
                        let key = tag.attr("property").or_else(|| tag.attr("name")).or_else(|| tag.attr("itemprop"));
                        if let (Some(k), Some(v)) = (key, tag.attr("content")) {
                            meta.metas.entry(k.to_ascii_lowercase()).or_insert_with(|| v.trim().to_string());
                        }
                    }
                    "link" if tag.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                        meta.canonical = tag.attr("href");
                    }
                    "time" if meta.time.is_none() => meta.time = tag.attr("datetime"),
                    "title" if !tag.self_closing => in_title = meta.title.is_none(),
                    _ => {}
                }
                // raw-text elements: skip to their end tag
                if matches!(tag.name.as_str(), "script" | "style" | "textarea" | "noscript") && !tag.self_closing {
                    let close = format!("</{}", tag.name);
                    let end = find_ci(&html[i..], &close).map(|e| i + e).unwrap_or(b.len());
                    if tag.name == "script"
                        && tag.attr("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
                    {
                        if let Ok(v) = serde_json::from_str::<serde_json::Value>(html[i..end].trim()) {
                            meta.jsonld.push(v);
                        }
                    }
                    i = end;
                    i += html[i..].find('>').map(|e| e + 1).unwrap_or(html.len() - i);
                    continue;
                }
                if BLOCK.contains(&tag.name.as_str()) {
                    flush(&mut cur, &mut body);
                    flush(&mut cur_art, &mut article);
                }
                if VOID.contains(&tag.name.as_str()) || tag.self_closing {
                    continue;
                }
                // implicit close of <p>/<li> by a new one
                if matches!(tag.name.as_str(), "p" | "li") {
                    if let Some(top) = stack.last() {
                        if top.0 == tag.name {
                            stack.pop();
                        }
                    }
                }
                let boiler = || {
                    let cls =
                        format!("{} {}", tag.attr("class").unwrap_or_default(), tag.attr("id").unwrap_or_default())
                            .to_ascii_lowercase();
                    let role = tag.attr("role").unwrap_or_default().to_ascii_lowercase();
                    matches!(role.as_str(), "navigation" | "banner" | "contentinfo" | "complementary")
                        || cls
                            .split(|c: char| !c.is_ascii_alphanumeric())
                            .any(|w| BOILER.iter().any(|bp| w == *bp || w.strip_suffix('s') == Some(*bp)))
                };
                let skip = skipping
                    || SKIP.contains(&tag.name.as_str())
                    || (matches!(tag.name.as_str(), "div" | "section" | "ul" | "ol" | "span" | "p" | "aside")
                        && boiler());
                let art = in_art || tag.name == "article";
                stack.push((tag.name, skip, art));
                continue;
            }
        }
        // text run up to next '<'
        let from = if b[i] == b'<' { i + 1 } else { i };
        let end = html[from..].find('<').map(|e| from + e).unwrap_or(b.len());
        let text = &html[i..end];
        i = end;
        if in_title {
            title_buf.push_str(text);
            if meta.title.is_none() && !stack.iter().any(|s| s.0 == "title") {
                // title without a stack entry (in <head>) is still collected
            }
            continue;
        }
        let skipping = stack.last().is_some_and(|s| s.1);
        let in_head = stack.iter().any(|s| s.0 == "head");
        if skipping || in_head {
            continue;
        }
        let t = decode_entities(text);
        cur.push_str(&t);
        if stack.last().is_some_and(|s| s.2) {
            cur_art.push_str(&t);
        }
    }
    flush(&mut cur, &mut body);
    flush(&mut cur_art, &mut article);
    let t = collapse(&decode_entities(&title_buf));
    if !t.is_empty() {
        meta.title = Some(t);
    }
    (body, article, meta)
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Converts an HTML fragment (a feed item's content, say) to plain paragraphs separated by blank lines.
pub fn html_to_text(html: &str) -> String {
    let (body, article, _) = scan(html);
    let paras = if article.is_empty() { body } else { article };
    paras.join("\n\n")
}

/// True when a paragraph looks like page furniture rather than story text.
fn is_boilerplate_para(p: &str) -> bool {
    let words = p.split_whitespace().count();
    let lower = p.to_ascii_lowercase();
    let furniture = [
        "advertisement",
        "share this",
        "sign up",
        "subscribe",
        "all rights reserved",
        "read more",
        "click here",
        "follow us",
        "cookie",
        "skip to",
    ];
    (words <= 12 && furniture.iter().any(|f| lower.contains(f)))
        || (words < 4 && !p.ends_with(['.', '!', '?', '"', '”', ':']))
}

fn jsonld_str(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(o) => o.get("name").and_then(jsonld_str),
        serde_json::Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(jsonld_str).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// The JSON-LD objects of a page, flattening `@graph` and top-level arrays.
fn jsonld_objects(v: &serde_json::Value, out: &mut Vec<serde_json::Map<String, serde_json::Value>>) {
    match v {
        serde_json::Value::Array(a) => a.iter().for_each(|x| jsonld_objects(x, out)),
        serde_json::Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                jsonld_objects(g, out);
            }
            out.push(o.clone());
        }
        _ => {}
    }
}

/// Extracts the article of an HTML page. `id` names it in errors and becomes its id.
pub fn parse_html(html: &str, id: &str) -> Result<Article, IngestError> {
    let (body, article, pm) = scan(html);
    let paras = if article.iter().map(|p| p.len()).sum::<usize>() >= 200 || body.is_empty() { article } else { body };
    let paras: Vec<String> = paras.into_iter().filter(|p| !is_boilerplate_para(p)).collect();
    let text = paras.join("\n\n");
    if text.trim().is_empty() {
        return Err(IngestError::Invalid { path: id.to_string(), message: "no article text found in HTML".into() });
    }
    let m = |k: &str| pm.metas.get(k).filter(|v| !v.is_empty()).cloned();
    let mut objs = Vec::new();
    for v in &pm.jsonld {
        jsonld_objects(v, &mut objs);
    }
    let ld = |k: &str| objs.iter().find_map(|o| o.get(k).and_then(jsonld_str));
    let date_raw = m("article:published_time")
        .or_else(|| ld("datePublished"))
        .or_else(|| m("og:published_time"))
        .or_else(|| m("date"))
        .or_else(|| m("pubdate"))
        .or_else(|| m("publishdate"))
        .or_else(|| m("dc.date"))
        .or_else(|| m("dc.date.issued"))
        .or_else(|| m("parsely-pub-date"))
        .or_else(|| m("sailthru.date"))
        .or_else(|| m("datepublished"))
        .or_else(|| pm.time.clone());
    let date = date_raw.as_deref().and_then(normalise_date);
    let title = m("og:title").or_else(|| ld("headline")).or_else(|| m("twitter:title")).or(pm.title.clone());
    let source = m("og:site_name")
        .or_else(|| objs.iter().find_map(|o| o.get("publisher").and_then(jsonld_str)))
        .or_else(|| m("application-name"))
        .or_else(|| m("publisher"));
    let author = m("author")
        .or_else(|| objs.iter().find_map(|o| o.get("author").and_then(jsonld_str)))
        .or_else(|| m("article:author").filter(|a| !a.starts_with("http")))
        .or_else(|| m("byl").map(|b| b.trim_start_matches("By ").to_string()))
        .or_else(|| m("parsely-author"));
    let url = m("og:url").or(pm.canonical.clone());
    Ok(Article { raw: RawDoc { text, meta: Meta { id: id.to_string(), date, title, source, url } }, author })
}

/// Reads one `.html`/`.htm` file (invalid UTF-8 is replaced, as browsers do).
pub fn read_html_file(path: &Path) -> Result<Article, IngestError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io { path: name.clone(), source })?;
    let html = String::from_utf8_lossy(&bytes);
    let mut a = parse_html(&html, &crate::file_id(path)).map_err(|e| match e {
        IngestError::Invalid { message, .. } => IngestError::Invalid { path: name.clone(), message },
        e => e,
    })?;
    a.raw.meta.id = crate::file_id(path);
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Fallback title</title>
<meta property="og:title" content="Mayor says budget &amp; books balanced">
<meta property="og:site_name" content="Springfield Gazette">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<meta name="author" content="Kim Lee">
<script>var x = "<p>not text</p>";</script>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline","datePublished":"2024-03-04"}</script>
</head><body><nav><a href="/">Home</a> <a>World</a></nav>
<div class="share-bar">Share this article</div>
<article><h1>Mayor says budget balanced</h1>
<p>Jane Doe, the mayor of Springfield, said the budget was balanced.
<p>&ldquo;We will rebuild,&rdquo; she said on Tuesday.</p>
<figure><img src="x.jpg"><figcaption>Photo: AP</figcaption></figure>
</article><footer>© 2024 Springfield Gazette. All rights reserved.</footer></body></html>"#;

    #[test]
    fn extracts_text_and_metadata() {
        let a = parse_html(PAGE, "p.html").unwrap();
        assert_eq!(a.raw.meta.title.as_deref(), Some("Mayor says budget & books balanced"));
        assert_eq!(a.raw.meta.source.as_deref(), Some("Springfield Gazette"));
        assert_eq!(a.raw.meta.date.as_deref(), Some("2024-03-05"));
        assert_eq!(a.author.as_deref(), Some("Kim Lee"));
        let t = &a.raw.text;
        assert!(t.contains("Jane Doe, the mayor of Springfield, said the budget was balanced."), "{t}");
        assert!(t.contains("“We will rebuild,” she said on Tuesday."), "{t}");
        assert!(!t.contains("Home") && !t.contains("not text") && !t.contains("Photo") && !t.contains("rights"), "{t}");
        assert!(t.contains("\n\n"));
    }

    #[test]
    fn boilerplate_classes_match_whole_words() {
        let page = r#"<html><body><div class="commentary-body"><p>Jane Doe said the plan would work well.</p></div>
<div class="related-links"><p>Other story you might like to read today.</p></div>
<ul class="ads"><li>Buy now, a great offer for you today!</li></ul></body></html>"#;
        let a = parse_html(page, "c.html").unwrap();
        assert_eq!(a.raw.text, "Jane Doe said the plan would work well.");
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for s in ["<p>Unclosed <b>bold <i>text", "<div class=\"x", "<<<>>>", "<p>a</div></span></p>", "&#xZZ; &amp"] {
            let _ = parse_html(s, "x");
        }
        assert!(parse_html("<html><body><nav>only nav</nav></body></html>", "x").is_err());
        assert_eq!(decode_entities("a &amp b &#8220;c&#x201D; &bogus;"), "a &amp b “c” &bogus;");
    }
}
