//! Date expressions: absolute (`October 7th, 2023`, `Sept. 11`, `1997`, `March 2024`) and relative
//! (`last month`, `on Tuesday`, `yesterday`, `last year`), normalised to ISO 8601 against the publication
//! date when one is known; otherwise the value describes the offset and `relative` is true.

use crate::lexicon::Lexicons;
use accord_doc::{DateMention, Doc, Span, TokenKind};

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Civil date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn parse_iso(d: &str) -> Option<(i64, u32, u32)> {
    let y = d.get(0..4)?.parse().ok()?;
    let m = d.get(5..7)?.parse().ok()?;
    let day = d.get(8..10)?.parse().ok()?;
    Some((y, m, day))
}

fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &w[digits.len()..];
    if !suffix.is_empty() && !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(w: &str) -> Option<i64> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

/// Finds dates in `doc` and fills `doc.dates`.
pub fn find(doc: &mut Doc) {
    let lex = Lexicons::get();
    let pub_date = doc.meta.date.as_deref().and_then(parse_iso);
    let mut out = Vec::new();
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let w = doc.token_text(i);
        let sent = doc.tokens[i].sentence;
        let same = |k: usize| k < n && doc.tokens[k].sentence == sent;
        let month = lex.months.get(w.trim_end_matches('.')).copied().filter(|_| w.starts_with(char::is_uppercase));
        // "May" as a modal: only a month when a day or year follows.
        if let Some(m) = month {
            let mut end = i + 1;
            let mut day = None;
            let mut year = None;
            if same(end) {
                if let Some(d) = day_number(doc.token_text(end)) {
                    day = Some(d);
                    end += 1;
                    if same(end + 1) && doc.token_text(end) == "," && year_number(doc.token_text(end + 1)).is_some() {
                        year = year_number(doc.token_text(end + 1));
                        end += 2;
                    } else if same(end) && year_number(doc.token_text(end)).is_some() {
                        year = year_number(doc.token_text(end));
                        end += 1;
                    }
                } else if let Some(y) = year_number(doc.token_text(end)) {
                    year = Some(y);
                    end += 1;
                }
            }
            // "7 October 2023"
            let mut start = i;
            if day.is_none() && i > 0 && same(i - 1) {
                if let Some(d) = day_number(doc.token_text(i - 1)) {
                    day = Some(d);
                    start = i - 1;
                }
            }
            if day.is_some() || year.is_some() || (w != "May" && w.len() > 3) {
                let span = Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end);
                let (value, relative) = match (year, day, pub_date) {
                    (Some(y), Some(d), _) => (format!("{y:04}-{m:02}-{d:02}"), false),
                    (Some(y), None, _) => (format!("{y:04}-{m:02}"), false),
                    (None, Some(d), Some((py, _, _))) => (format!("{py:04}-{m:02}-{d:02}"), false),
                    (None, None, Some((py, _, _))) => (format!("{py:04}-{m:02}"), false),
                    (None, Some(d), None) => (format!("XXXX-{m:02}-{d:02}"), true),
                    (None, None, None) => (format!("XXXX-{m:02}"), true),
                };
                out.push(DateMention { span, value, relative });
                i = end;
                continue;
            }
        }
        // A bare year: "in 1997", "since 2014", "1997." — not "2000 people".
        if let Some(y) = year_number(w) {
            let prev = if i > 0 && same(i - 1) { doc.token_text(i - 1).to_lowercase() } else { String::new() };
            let next = if same(i + 1) { doc.token_text(i + 1) } else { "" };
            let next_is_noun = next.starts_with(char::is_lowercase)
                && !matches!(next, "and" | "or" | "to" | "when" | "after" | "before" | "until" | "that" | "as");
            if matches!(
                prev.as_str(),
                "in" | "since"
                    | "by"
                    | "from"
                    | "until"
                    | "of"
                    | "before"
                    | "after"
                    | "during"
                    | "through"
                    | "to"
                    | "late"
                    | "early"
                    | "mid"
                    | ","
                    | "("
            ) || (!next_is_noun && doc.tokens[i].kind == TokenKind::Number && prev != "$")
            {
                out.push(DateMention { span: doc.tokens[i].span, value: format!("{y:04}"), relative: false });
                i += 1;
                continue;
            }
        }
        // Relative expressions.
        let lw = w.to_lowercase();
        let next = if same(i + 1) { doc.token_text(i + 1).to_lowercase() } else { String::new() };
        let rel: Option<(usize, Rel)> = match (lw.as_str(), next.as_str()) {
            ("last" | "past" | "previous", "month") => Some((2, Rel::Month(-1))),
            ("next" | "coming", "month") => Some((2, Rel::Month(1))),
            ("this", "month") => Some((2, Rel::Month(0))),
            ("last" | "previous", "year") => Some((2, Rel::Year(-1))),
            ("next", "year") => Some((2, Rel::Year(1))),
            ("this", "year") => Some((2, Rel::Year(0))),
            ("last", "week") => Some((2, Rel::Week(-1))),
            ("next", "week") => Some((2, Rel::Week(1))),
            ("this", "week") => Some((2, Rel::Week(0))),
            ("yesterday", _) => Some((1, Rel::Day(-1))),
            ("today", _) => Some((1, Rel::Day(0))),
            ("tomorrow", _) => Some((1, Rel::Day(1))),
            _ => None,
        };
        let weekday = lex.weekdays.get(w).copied();
        let (len, rel) = match (rel, weekday) {
            (Some(r), _) => r,
            (None, Some(wd)) => {
                let from = i.saturating_sub(4).max(doc.sentences[sent].tokens.start);
                let future = (from..i).any(|k| {
                    matches!(doc.token_text(k), "will" | "would" | "next" | "scheduled" | "until" | "resume" | "begin")
                });
                let last = i > 0 && same(i - 1) && doc.token_text(i - 1).eq_ignore_ascii_case("last");
                let start_shift = usize::from(last);
                let (l, r) = (1, Rel::Weekday(wd, future && !last));
                if start_shift == 1 {
                    let span = Span::new(doc.tokens[i - 1].span.start, doc.tokens[i].span.end);
                    out.push(resolve(span, r, pub_date));
                    i += 1;
                    continue;
                }
                (l, r)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let span = Span::new(doc.tokens[i].span.start, doc.tokens[i + len - 1].span.end);
        out.push(resolve(span, rel, pub_date));
        i += len;
    }
    doc.dates = out;
}

/// A relative date expression.
#[derive(Clone, Copy, Debug)]
enum Rel {
    Day(i64),
    Week(i64),
    Month(i64),
    Year(i64),
    /// Weekday (Monday = 0); true when the sentence speaks of the future.
    Weekday(u32, bool),
}

fn resolve(span: Span, rel: Rel, pub_date: Option<(i64, u32, u32)>) -> DateMention {
    let Some((y, m, d)) = pub_date else {
        let value = match rel {
            Rel::Day(k) => format!("day{k:+}"),
            Rel::Week(k) => format!("week{k:+}"),
            Rel::Month(k) => format!("month{k:+}"),
            Rel::Year(k) => format!("year{k:+}"),
            Rel::Weekday(w, f) => format!("weekday:{}{}", w, if f { ":next" } else { ":last" }),
        };
        return DateMention { span, value, relative: true };
    };
    let today = days_from_civil(y, m, d);
    let value = match rel {
        Rel::Day(k) => {
            let (y, m, d) = civil_from_days(today + k);
            format!("{y:04}-{m:02}-{d:02}")
        }
        Rel::Week(k) => {
            // ISO week of the shifted day.
            let day = today + 7 * k;
            let wd = (day + 3).rem_euclid(7); // Monday = 0
            let thursday = day - wd + 3;
            let (ty, _, _) = civil_from_days(thursday);
            let week = (thursday - days_from_civil(ty, 1, 1)) / 7 + 1;
            format!("{ty:04}-W{week:02}")
        }
        Rel::Month(k) => {
            let total = y * 12 + (m as i64 - 1) + k;
            format!("{:04}-{:02}", total.div_euclid(12), total.rem_euclid(12) + 1)
        }
        Rel::Year(k) => format!("{:04}", y + k),
        Rel::Weekday(w, future) => {
            let wd = (today + 3).rem_euclid(7);
            let delta = if future { (w as i64 - wd).rem_euclid(7) } else { -((wd - w as i64).rem_euclid(7)) };
            let (y, m, d) = civil_from_days(today + delta);
            format!("{y:04}-{m:02}-{d:02}")
        }
    };
    DateMention { span, value, relative: false }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn civil_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2025, 3, 6), (2000, 2, 29), (2023, 10, 7)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        // 2025-03-06 was a Thursday (Monday = 0 → 3)
        assert_eq!((days_from_civil(2025, 3, 6) + 3).rem_euclid(7), 3);
    }
}
