//! Credits: photo credits and captions, bylines, datelines and wire credits. They are recorded as
//! [`Credit`]s, their agencies become the document's `sources`, and later stages skip them so they are
//! never mistaken for quotes or story sentences.

use crate::lexicon::Lexicons;
use accord_doc::{Credit, Doc, Span, TokenKind};

/// Finds credit blocks in `doc` and fills `doc.credits` and `doc.sources`.
pub fn find(doc: &mut Doc) {
    let lex = Lexicons::get();
    let mut credits = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let toks = s.tokens.clone();
        if toks.is_empty() {
            continue;
        }
        let words: Vec<&str> = toks.clone().map(|i| doc.token_text(i)).collect();
        // A headline: the document's first paragraph, one line in title case with no final punctuation.
        let starts_with_label = lex
            .credit_labels
            .iter()
            .any(|(l, _)| words.first().is_some_and(|w| w.eq_ignore_ascii_case(l.split(' ').next().unwrap_or(""))));
        if si == 0
            && s.paragraph == 0
            && doc.paragraphs.len() > 1
            && !starts_with_label
            && doc.sentences.get(1).is_none_or(|n| n.paragraph > 0)
        {
            let caps = words.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
            let alpha = words.iter().filter(|w| w.starts_with(char::is_alphabetic)).count();
            let last = words.last().copied().unwrap_or("");
            if alpha >= 3
                && words.len() <= 25
                && caps * 10 >= alpha * 6
                && !matches!(last, "." | "!" | "?" | "”" | "\"")
                && !doc.slice(s.span).contains('\n')
            {
                credits.push(Credit { kind: "headline", span: s.span, agencies: Vec::new(), people: Vec::new() });
                continue;
            }
        }
        // "Photograph: Alex Brandon/AP." / "By Jane Doe" / "Reporting by ..."
        let mut labelled = None;
        for (label, kind) in &lex.credit_labels {
            let lw: Vec<&str> = label.split(' ').collect();
            if words.len() > lw.len() && words.iter().zip(&lw).all(|(a, b)| a.eq_ignore_ascii_case(b)) {
                let next = words[lw.len()];
                let byline_ok = *kind != "byline" || next.starts_with(char::is_uppercase);
                let photo_ok = *kind == "byline" || next == ":";
                if byline_ok && photo_ok && (si == 0 || *kind != "byline" || words.len() <= 12) {
                    labelled = Some((*kind, lw.len()));
                    break;
                }
            }
        }
        if let Some((kind, skip)) = labelled {
            let body = toks.start + skip..toks.end;
            credits.push(build(doc, kind, s.span, body, lex));
            continue;
        }
        // Wire credit: "-AP/Reuters", "(AP)", "— Reuters" as a sentence of its own.
        let names: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !matches!(*w, "-" | "—" | "–" | "/" | "(" | ")" | "." | "--" | "," | "and"))
            .collect();
        if !names.is_empty() && names.len() <= 4 && names.iter().all(|w| lex.agencies.contains_key(*w)) {
            credits.push(build(doc, "wire", s.span, toks.clone(), lex));
            continue;
        }
        // Dateline: "GAZA CITY (Reuters) — ..." or "WASHINGTON (AP) - ..." at a paragraph start.
        let first_in_par = si == 0 || doc.sentences[si - 1].paragraph != s.paragraph;
        if first_in_par {
            // the dateline runs from the sentence's start to its dash (token `last`)
            let mut dateline = |last: usize| {
                let span = Span::new(s.span.start, doc.tokens[last].span.end);
                credits.push(build(doc, "dateline", span, toks.start..last + 1, lex));
            };
            let mut found = false;
            if let Some(open) = words.iter().take(8).position(|w| *w == "(") {
                let close = open + 2;
                // the outlet is a known agency, or a station's or paper's call letters after a place
                // written in capitals ("AUSTIN (KXAN) —", "HOUSTON, Texas (KTRK) --")
                let outlet = |w: &str| {
                    lex.agencies.contains_key(w)
                        || ((2..=6).contains(&w.len())
                            && w.chars().all(|c| c.is_ascii_uppercase())
                            && open > 0
                            && words[0].chars().filter(|c| c.is_alphabetic()).count() >= 2
                            && !words[0].chars().any(char::is_lowercase))
                };
                // (a known agency may stand without a dash before the story's first word: "Taipei, Nov. 17
                // (CNA) The Ministry ...")
                let dash = words.get(close + 1).is_some_and(|w| matches!(*w, "-" | "—" | "–" | "--"));
                let undashed = lex.agencies.contains_key(words[open + 1])
                    && words.get(close + 1).is_some_and(|w| w.starts_with(char::is_uppercase));
                if words.get(close) == Some(&")")
                    && outlet(words[open + 1])
                    && (dash || undashed)
                    && words[..open]
                        .iter()
                        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()))
                {
                    dateline(toks.start + if dash { close + 1 } else { close });
                    found = true;
                }
            }
            // (a parenthesis after the dash is the story's: "DECATUR, Ill. — Sen. X (R-Texas)")
            let dash = words.iter().take(7).position(|w| matches!(*w, "—" | "–" | "--" | "-"));
            if let Some(dash) = dash.filter(|&d| !found && words[..d].iter().all(|w| *w != "(")) {
                // "KHAN YOUNIS, GAZA — The assault ...": a place in capitals (and its region) before a dash,
                // with no outlet; the region may be written as a state usually is ("DECATUR, Ill. —",
                // "CLEVELAND - When ...")
                let place = &words[..dash];
                let caps = |w: &str| !w.chars().any(char::is_lowercase) && w.chars().any(char::is_alphabetic);
                let comma = place.iter().position(|w| *w == ",").unwrap_or(place.len());
                let region = |w: &str| caps(w) || w.starts_with(char::is_uppercase) || w == ".";
                // (a hyphen set off by spaces after a place of at most three words)
                let hyphen = words[dash] == "-";
                let spaced = |k: usize| {
                    k > toks.start
                        && k + 1 < toks.end
                        && doc.tokens[k - 1].span.end < doc.tokens[k].span.start
                        && doc.tokens[k].span.end < doc.tokens[k + 1].span.start
                };
                if dash >= 1
                    && (!hyphen || (comma <= 3 && spaced(toks.start + dash)))
                    && dash + 1 < words.len()
                    && place[..comma].iter().all(|w| caps(w))
                    && place[comma..].iter().all(|w| *w == "," || region(w))
                    && place[..comma].iter().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
                    && words[dash + 1].starts_with(char::is_uppercase)
                    && words[dash + 1..].iter().any(|w| w.chars().any(char::is_lowercase))
                {
                    dateline(toks.start + dash);
                }
            }
        }
    }
    let mut sources: Vec<String> = Vec::new();
    for c in &credits {
        for a in &c.agencies {
            if !sources.contains(a) {
                sources.push(a.clone());
            }
        }
    }
    doc.credits = credits;
    doc.sources = sources;
}

/// Builds a credit: agencies are known agency names; people are runs of capitalised words.
fn build(doc: &Doc, kind: &'static str, span: Span, body: std::ops::Range<usize>, lex: &Lexicons) -> Credit {
    let mut agencies = Vec::new();
    let mut people = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, people: &mut Vec<String>, agencies: &mut Vec<String>| {
        if run.is_empty() {
            return;
        }
        let text = doc.text[doc.tokens[run[0]].span.start..doc.tokens[*run.last().unwrap()].span.end].to_string();
        if let Some(short) = lex.agencies.get(&text) {
            if !agencies.contains(short) {
                agencies.push(short.clone());
            }
        } else if run.len() >= 2 {
            people.push(text);
        }
        run.clear();
    };
    for i in body {
        let t = doc.token_text(i);
        let cap = doc.tokens[i].kind == TokenKind::Word && t.starts_with(char::is_uppercase);
        if cap {
            run.push(i);
        } else {
            flush(&mut run, &mut people, &mut agencies);
        }
    }
    flush(&mut run, &mut people, &mut agencies);
    // a dateline's capitalised words are its place, not people
    if kind == "dateline" {
        people.clear();
    }
    Credit { kind, span, agencies, people }
}
