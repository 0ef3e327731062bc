//! Rendering shared by the query commands: aligned tables for a terminal, CSV for spreadsheets.
use accord_store::QuoteHit;
use std::io::Write;

use crate::cmd::term::{display_width, pad, truncate, width};

/// `s` on one line, cut to `n` display columns.
fn trunc(s: &str, n: usize) -> String {
    truncate(&s.split_whitespace().collect::<Vec<_>>().join(" "), n)
}

/// Prints rows as an aligned table (columns measured in display columns, so wide characters line up);
/// the last column takes the rest of the terminal's width.
pub fn table(out: &mut impl Write, header: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    let n = header.len();
    let mut w: Vec<usize> = header.iter().map(|h| display_width(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n - 1) {
            w[i] = w[i].max(display_width(c)).min(32);
        }
    }
    let used: usize = w[..n - 1].iter().map(|x| x + 2).sum();
    let last = width().saturating_sub(used).max(20);
    let line = |cells: Vec<String>| -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 < n {
                s += &pad(&trunc(c, w[i]), w[i]);
                s += "  ";
            } else {
                s += &trunc(c, last);
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(header.iter().map(|h| h.to_string()).collect()))?;
    writeln!(out, "{}", line(w.iter().map(|x| "─".repeat(*x)).chain(["─".repeat(last.min(40))]).take(n).collect()))?;
    for r in rows {
        writeln!(out, "{}", line(r.clone()))?;
    }
    Ok(())
}

/// Tells (on stderr) that a table shows `limit` rows and there may be more.
pub fn more_notice(what: &str, limit: usize, max: usize) {
    if limit < max {
        eprintln!("accord: showing the first {limit} {what}; there may be more (--limit N, up to {max})");
    } else {
        eprintln!(
            "accord: showing the first {limit} {what}, the most one query returns; narrow the query for the rest"
        );
    }
}

/// One CSV field: quoted (with inner quotes doubled) when it holds a comma, a quote or a line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Writes a header and rows as CSV (RFC 4180: comma-separated, CRLF-free `\n` line ends, fields quoted
/// when needed). Every value is written whole, never truncated.
pub fn csv(out: &mut impl Write, header: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    writeln!(out, "{}", header.iter().map(|h| csv_field(h)).collect::<Vec<_>>().join(","))?;
    for r in rows {
        writeln!(out, "{}", r.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","))?;
    }
    Ok(())
}

/// An optional value as a cell (empty when absent).
pub fn cell<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

/// Wraps a quote in curly quotes unless it already carries its own marks.
pub fn quoted(s: &str) -> String {
    let t = s.trim().trim_matches(|c| matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’' | ',')).trim();
    format!("“{t}”")
}

/// Table rows (date, speaker, outlet, quote) for quotes.
pub fn quote_rows(qs: &[QuoteHit]) -> Vec<Vec<String>> {
    qs.iter()
        .map(|q| {
            let who = match (&q.speaker, &q.speaker_title) {
                (Some(s), Some(t)) => format!("{s} ({t})"),
                (Some(s), None) => s.clone(),
                _ => format!("[{}]", q.source_kind),
            };
            vec![
                q.date.clone().unwrap_or_default(),
                who,
                q.outlet.clone().or(q.article_title.clone()).unwrap_or_else(|| format!("#{}", q.article)),
                quoted(&q.content),
            ]
        })
        .collect()
}

/// CSV header for quotes.
pub const QUOTE_CSV: &[&str] = &[
    "id",
    "date",
    "speaker",
    "speaker_entity",
    "speaker_title",
    "source_kind",
    "type",
    "outlet",
    "article",
    "article_title",
    "start",
    "end",
    "content",
];

/// CSV rows for quotes (columns [`QUOTE_CSV`]).
pub fn quote_csv_rows(qs: &[QuoteHit]) -> Vec<Vec<String>> {
    qs.iter()
        .map(|q| {
            vec![
                q.id.to_string(),
                cell(&q.date),
                cell(&q.speaker),
                cell(&q.speaker_entity),
                cell(&q.speaker_title),
                q.source_kind.clone(),
                q.qtype.clone(),
                cell(&q.outlet),
                q.article.to_string(),
                cell(&q.article_title),
                q.start.to_string(),
                q.end.to_string(),
                q.content.clone(),
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_stay_aligned() {
        let mut out = Vec::new();
        let rows = vec![vec!["北京".to_string(), "x".to_string()], vec!["ab".to_string(), "y".to_string()]];
        table(&mut out, &["place", "note"], &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        let cols: Vec<usize> = text.lines().skip(2).map(|l| display_width(&l[..l.rfind(' ').unwrap() + 1])).collect();
        assert_eq!(cols[0], cols[1], "{text}");
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let mut out = Vec::new();
        let rows =
            vec![vec!["a,b".to_string(), "say \"hi\"".to_string(), "two\nlines".to_string(), "plain".to_string()]];
        csv(&mut out, &["w", "x", "y", "z"], &rows).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "w,x,y,z\n\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain\n");
    }
}
