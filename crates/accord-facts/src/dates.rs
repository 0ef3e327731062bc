//! Date expressions: absolute (`October 7th, 2023`, `Sept. 11`, `1997`, `March 2024`) and relative
//! (`last month`, `on Tuesday`, `yesterday`, `last year`), normalised to ISO 8601 against the publication
//! date when one is known; otherwise the value describes the offset and `relative` is true.
//!
//! The words are the lexicon's (`accord-lexicon/data/`): month and weekday names (`months.tsv`,
//! `weekdays.tsv`), the words before and after bare years and around weekdays (`date_words.tsv`), and
//! the relative expressions (`relative_dates.tsv`).

use crate::lexicon::{DateUnit, Lexicons};
use accord_doc::date::{add_days, Date};
use accord_doc::{DateMention, Doc, Span, TokenKind};

fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &w[digits.len()..];
    if !suffix.is_empty() && !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(w: &str) -> Option<i64> {
    four_digits(w).filter(|y| (1800..=2100).contains(y))
}

fn four_digits(w: &str) -> Option<i64> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok()).flatten()
}

/// A year after a month name: any four-digit year from 1000 on ("August 1619"); a bare year keeps the
/// narrower range of [`year_number`], where a number is more often a count.
fn year_after_month(w: &str) -> Option<i64> {
    four_digits(w).filter(|y| (1000..=2100).contains(y))
}

/// An academic or fiscal year written as two years in a row: "2011-12", "2011-2012", "2011–12", "2019/20",
/// as the ISO 8601 interval of the two years ("2011/2012").
fn year_pair(w: &str) -> Option<String> {
    let (a, b) = w.split_once(['-', '–', '/'])?;
    let first = year_number(a)?;
    let second: i64 = match b.len() {
        2 if b.bytes().all(|c| c.is_ascii_digit()) => first / 100 * 100 + b.parse::<i64>().ok()?,
        4 => year_number(b)?,
        _ => return None,
    };
    // "1999-00": the century turns
    let second = if second < first && b.len() == 2 { second + 100 } else { second };
    (second == first + 1).then(|| format!("{first:04}/{second:04}"))
}

/// Finds dates in `doc` and fills `doc.dates`.
pub fn find(doc: &mut Doc) {
    let lex = Lexicons::get();
    let words = &lex.date_words;
    let pub_date = doc.meta.date.as_deref().and_then(|d| accord_doc::date::parse_day(d).ok());
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
                    if same(end + 1)
                        && doc.token_text(end) == ","
                        && year_after_month(doc.token_text(end + 1)).is_some()
                    {
                        year = year_after_month(doc.token_text(end + 1));
                        end += 2;
                    } else if same(end) && year_after_month(doc.token_text(end)).is_some() {
                        year = year_after_month(doc.token_text(end));
                        end += 1;
                    }
                } else if let Some(y) = year_after_month(doc.token_text(end)) {
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
                    (None, Some(d), Some(p)) => (format!("{:04}-{m:02}-{d:02}", p.year()), false),
                    (None, None, Some(p)) => (format!("{:04}-{m:02}", p.year()), false),
                    (None, Some(d), None) => (format!("XXXX-{m:02}-{d:02}"), true),
                    (None, None, None) => (format!("XXXX-{m:02}"), true),
                };
                out.push(DateMention { span, value, relative });
                i = end;
                continue;
            }
        }
        // An academic or fiscal year: "between 2011-12 and 2017-18", "2019/20"; "2019–20" in three tokens.
        if let Some(value) = year_pair(w) {
            out.push(DateMention { span: doc.tokens[i].span, value, relative: false });
            i += 1;
            continue;
        }
        if same(i + 2) && !doc.tokens[i].space_after && !doc.tokens[i + 1].space_after {
            let joined = format!("{w}{}{}", doc.token_text(i + 1), doc.token_text(i + 2));
            if let Some(value) = year_pair(&joined) {
                let span = Span::new(doc.tokens[i].span.start, doc.tokens[i + 2].span.end);
                out.push(DateMention { span, value, relative: false });
                i += 3;
                continue;
            }
        }
        // A bare year: "in 1997", "since 2014", "1997.", "the 1989 film" — not "2000 people".
        if let Some(y) = year_number(w) {
            let prev = if i > 0 && same(i - 1) { doc.token_norm(i - 1).to_lowercase() } else { String::new() };
            let next = if same(i + 1) { doc.token_text(i + 1) } else { "" };
            let next_is_noun = next.starts_with(char::is_lowercase) && !words.not_a_noun.contains(next);
            if words.year_after.contains(prev.as_str())
                || (!next_is_noun && doc.tokens[i].kind == TokenKind::Number && !lex.currencies.contains_key(&prev))
                || (next_is_noun && words.year_determiner.contains(prev.as_str()))
            {
                out.push(DateMention { span: doc.tokens[i].span, value: format!("{y:04}"), relative: false });
                i += 1;
                continue;
            }
        }
        // Relative expressions.
        let lw = accord_lexicon::lowercase(w);
        let next = if same(i + 1) { accord_lexicon::lowercase(doc.token_text(i + 1)) } else { "".into() };
        let rel: Option<(usize, Rel)> = words.relative(&lw, &next).map(|(len, unit, k)| {
            let r = match unit {
                DateUnit::Day => Rel::Day(k),
                DateUnit::Week => Rel::Week(k),
                DateUnit::Month => Rel::Month(k),
                DateUnit::Year => Rel::Year(k),
            };
            (len, r)
        });
        let weekday = lex.weekdays.get(w).copied();
        let (len, rel) = match (rel, weekday) {
            (Some(r), _) => r,
            (None, Some(wd)) => {
                let from = i.saturating_sub(4).max(doc.sentences[sent].tokens.start);
                let future = (from..i).any(|k| words.future.contains(doc.token_text(k)));
                let last =
                    i > 0 && same(i - 1) && words.past.iter().any(|p| doc.token_text(i - 1).eq_ignore_ascii_case(p));
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

fn relative_value(rel: Rel) -> String {
    match rel {
        Rel::Day(k) => format!("day{k:+}"),
        Rel::Week(k) => format!("week{k:+}"),
        Rel::Month(k) => format!("month{k:+}"),
        Rel::Year(k) => format!("year{k:+}"),
        Rel::Weekday(w, f) => format!("weekday:{}{}", w, if f { ":next" } else { ":last" }),
    }
}

/// The value of `rel` against the publication day, or `None` when there is none or the result falls
/// outside the calendar (before year 1, after 9999).
fn anchored(rel: Rel, today: Option<Date>) -> Option<String> {
    let today = today?;
    let in_range = |y: i64| (1..=9999).contains(&y);
    Some(match rel {
        Rel::Day(k) => add_days(today, k)?.to_string(),
        Rel::Week(k) => {
            let w = add_days(today, 7 * k)?.iso_week_date();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Rel::Month(k) => {
            let total = today.year() as i64 * 12 + (today.month() as i64 - 1) + k;
            let y = total.div_euclid(12);
            in_range(y).then(|| format!("{:04}-{:02}", y, total.rem_euclid(12) + 1))?
        }
        Rel::Year(k) => {
            let y = today.year() as i64 + k;
            in_range(y).then(|| format!("{y:04}"))?
        }
        Rel::Weekday(w, future) => {
            let wd = today.weekday().to_monday_zero_offset() as i64;
            let delta = if future { (w as i64 - wd).rem_euclid(7) } else { -((wd - w as i64).rem_euclid(7)) };
            add_days(today, delta)?.to_string()
        }
    })
}

fn resolve(span: Span, rel: Rel, today: Option<Date>) -> DateMention {
    match anchored(rel, today) {
        Some(value) => DateMention { span, value, relative: false },
        None => DateMention { span, value: relative_value(rel), relative: true },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn academic_years_are_two_years_in_a_row() {
        assert_eq!(year_pair("2011-12").as_deref(), Some("2011/2012"));
        assert_eq!(year_pair("1999-00").as_deref(), Some("1999/2000"));
        assert_eq!(year_pair("2019–2020").as_deref(), Some("2019/2020"));
        assert_eq!(year_pair("2019/20").as_deref(), Some("2019/2020"));
        assert_eq!(year_pair("2011-14"), None, "a span of years is no academic year");
        assert_eq!(year_pair("555-1234"), None);
        assert_eq!(year_after_month("1619"), Some(1619));
        assert_eq!(year_number("1619"), None, "a bare number from before 1800 is more likely a count");
    }
    #[test]
    fn relative_dates_stay_inside_the_calendar() {
        let day = |s| accord_doc::date::parse_day(s).ok();
        assert_eq!(anchored(Rel::Day(-1), day("2024-03-01")).unwrap(), "2024-02-29");
        assert_eq!(anchored(Rel::Week(0), day("2025-03-06")).unwrap(), "2025-W10");
        assert_eq!(anchored(Rel::Weekday(1, false), day("2025-03-06")).unwrap(), "2025-03-04");
        assert_eq!(anchored(Rel::Month(-3), day("2025-02-10")).unwrap(), "2024-11");
        // "tomorrow" of the calendar's last day has no date: it stays relative
        let r = resolve(Span::new(0, 8), Rel::Day(1), day("9999-12-31"));
        assert!(r.relative && r.value == "day+1", "{r:?}");
        assert!(anchored(Rel::Year(1), day("9999-06-01")).is_none());
    }
}
