//! Quantities: numbers in claims with their value, qualifier ("about" → approximately, "at least"),
//! what is counted ("living hostages"), the hedge around them ("are believed") and the attribution whose
//! content holds them (so a number carries its source).

use crate::lexicon::Lexicons;
use accord_doc::{Doc, Quantity, Span, TokenKind};

const STOP: &[&str] = &[
    "and", "or", "but", "are", "is", "were", "was", "be", "been", "being", "have", "has", "had", "will", "would",
    "could", "should", "may", "might", "must", "can", "of", "in", "on", "at", "to", "from", "with", "by", "for", "who",
    "that", "which", "as", "than", "since", "after", "before", "during", "into", "over", "under", "said", "say",
    "says", "per", "when", "while", "where", "if", "not", "still", "also", "each", "a", "an", "the",
];

fn parse_number(w: &str) -> Option<f64> {
    let clean: String = w.chars().filter(|c| *c != ',').collect();
    if clean.chars().next().is_some_and(|c| c.is_ascii_digit()) && clean.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        clean.parse().ok()
    } else {
        None
    }
}

/// Finds quantities in `doc` (after dates and attributions have run) and fills `doc.quantities`.
pub fn find(doc: &mut Doc) {
    let lex = Lexicons::get();
    let n = doc.tokens.len();
    let mut out = Vec::new();
    // per token: inside a date, inside a credit (marked once: asking every date and credit at each token
    // grew with the square of the text)
    let in_date = overlapping_tokens(doc, doc.dates.iter().map(|d| d.span));
    let in_credit = overlapping_tokens(doc, doc.credits.iter().map(|c| c.span));
    // the first attribution (in their order) whose content holds a span: the attributions are sorted by
    // where their content starts, so those that start early enough are a prefix, and the first of them
    // that reaches far enough is found by binary search on the running maximum of their ends
    let sorted = doc.attributions.windows(2).all(|w| w[0].content.start <= w[1].content.start);
    let reach: Vec<usize> = doc
        .attributions
        .iter()
        .scan(0usize, |m, a| {
            *m = (*m).max(a.content.end);
            Some(*m)
        })
        .collect();
    let attribution_of = |span: Span| {
        if !sorted {
            return doc.attributions.iter().position(|a| a.content.contains(span));
        }
        let starts = doc.attributions.partition_point(|a| a.content.start <= span.start);
        let i = reach[..starts].partition_point(|&e| e < span.end);
        (i < starts).then_some(i)
    };
    let mut i = 0;
    while i < n {
        let t = &doc.tokens[i];
        let w = doc.token_text(i);
        let lw = accord_lexicon::lowercase(w);
        let sent = t.sentence;
        let same = |k: usize| k < n && doc.tokens[k].sentence == sent;
        let in_date = in_date[i];
        let mut value = if t.kind == TokenKind::Number && !in_date { parse_number(w) } else { None };
        if value.is_none() && !in_date && lw != "one" {
            // number words: "half", "dozens", "three"
            value = lex.numbers.get(&*lw).copied().filter(|_| same(i + 1) && doc.tokens[i + 1].kind == TokenKind::Word);
        }
        let Some(mut v) = value else {
            i += 1;
            continue;
        };
        if in_credit[i] {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        // scale words: "2 million", "1.5 billion"
        if same(end) {
            if let Some(f) = lex.multipliers.get(&doc.token_text(end).to_lowercase()) {
                v *= f;
                end += 1;
            }
        }
        let percent = same(end) && matches!(doc.token_text(end), "%" | "percent" | "per");
        // qualifier before
        let mut start = i;
        let mut qualifier = "exact".to_string();
        let currency = if i > 0 && same(i - 1) { lex.currencies.get(doc.token_text(i - 1)) } else { None };
        if currency.is_some() {
            start = i - 1;
        }
        for (words, q) in &lex.qualifiers {
            let k = words.len();
            if start >= k
                && (0..k).all(|j| same(start - k + j) && doc.token_text(start - k + j).eq_ignore_ascii_case(&words[j]))
            {
                start -= k;
                qualifier = q.clone();
                break;
            }
        }
        // what is counted: the noun phrase after the number
        let mut c0 = end;
        if percent {
            c0 = end;
        }
        let mut c1 = c0;
        while c1 < n && same(c1) && doc.tokens[c1].kind == TokenKind::Word {
            let cw = doc.token_text(c1);
            let lc = cw.to_lowercase();
            let tag = doc.tokens[c1].analysis.as_ref().map(|a| a.upos());
            let participle = doc.tokens[c1].analysis.as_ref().is_some_and(|a| matches!(a.xpos(), "VBG" | "VBN"))
                && doc
                    .tokens
                    .get(c1 + 1)
                    .and_then(|t| t.analysis.as_ref())
                    .is_some_and(|a| matches!(a.upos(), "NOUN" | "ADJ"));
            let stop = match tag {
                _ if participle => false,
                Some(u) => {
                    !matches!(u, "NOUN" | "ADJ" | "PROPN" | "NUM" | "PRON" | "DET")
                        || (c1 > c0 && matches!(u, "DET" | "PRON"))
                }
                None => STOP.contains(&lc.as_str()),
            };
            if stop && !(c1 == c0 && matches!(lc.as_str(), "its" | "their" | "his" | "her" | "the")) {
                break;
            }
            c1 += 1;
            if c1 - c0 >= 5 {
                break;
            }
        }
        let counted_start = if c0 < c1
            && matches!(doc.token_text(c0).to_lowercase().as_str(), "its" | "their" | "his" | "her" | "the")
        {
            c0 + 1
        } else {
            c0
        };
        let counted = (counted_start < c1).then(|| {
            doc.slice(Span::new(doc.tokens[counted_start].span.start, doc.tokens[c1 - 1].span.end)).to_string()
        });
        // A part of a named whole: "six of the crew", "three of Ana's sisters" (not "two of them", nor a
        // vague plural such as "dozens of", "hundreds of thousands").
        let vague = t.kind == TokenKind::Word && lw.ends_with('s');
        // a number after a noun names a thing, it counts none: "marker 332 of the survey", "page 5 of it"
        let label = start > 0
            && same(start - 1)
            && doc.tokens[start - 1].analysis.as_ref().is_some_and(|a| matches!(a.upos(), "NOUN" | "PROPN"));
        let partitive = if counted.is_none() && !vague && !label { partitive_whole(doc, c0, same) } else { None };
        let (counted, c1) = match partitive {
            Some((from, to)) => {
                (Some(doc.slice(Span::new(doc.tokens[from].span.start, doc.tokens[to - 1].span.end)).to_string()), to)
            }
            None => (counted, c1),
        };
        let money = currency.is_some();
        // Bare numbers with nothing counted ("in 2 of them") are kept only when qualified, when they are
        // money, written with thousands separators ("a high of 8,836"), or stand as the subject or object
        // of a verb for things named before ("killed four and wounded 18", "seven are on the list").
        let upos = |k: usize| doc.tokens[k].analysis.as_ref().map(|a| a.upos());
        let argument = (same(end) && matches!(upos(end), Some("VERB" | "AUX")))
            || (start > 0 && same(start - 1) && upos(start - 1) == Some("VERB"));
        if counted.is_none() && qualifier == "exact" && !percent && !money && !w.contains(',') && !argument {
            i = end;
            continue;
        }
        let counted = match currency {
            Some(c) if counted.is_none() => Some(c.clone()),
            _ => counted,
        };
        let last = if partitive.is_some() || (counted.is_some() && c1 > c0) { c1 - 1 } else { end - 1 };
        let span = Span::new(doc.tokens[start].span.start, doc.tokens[last].span.end);
        let attribution = attribution_of(span);
        let hedge = hedge_in_sentence(doc, sent, lex);
        out.push(Quantity {
            span,
            value: v,
            qualifier,
            counted: if percent { Some("percent".into()) } else { counted },
            attribution,
            hedge,
        });
        i = last.max(i) + 1;
    }
    doc.quantities = out;
}

/// The whole after a number's "of" that names what the number is part of: "of the crew", "of Ana's
/// sisters" — a noun phrase of at most five words ending in a noun; `[from, to)` of the phrase after "of".
fn partitive_whole(doc: &Doc, of: usize, same: impl Fn(usize) -> bool + Copy) -> Option<(usize, usize)> {
    if !same(of + 1) || !doc.token_text(of).eq_ignore_ascii_case("of") {
        return None;
    }
    let upos = |k: usize| doc.tokens[k].analysis.as_ref().map(|a| a.upos());
    // a participle before a noun modifies it: "of the stranded hikers"
    let participle = |k: usize| {
        doc.tokens[k].analysis.as_ref().is_some_and(|a| matches!(a.xpos(), "VBN" | "VBG"))
            && same(k + 1)
            && matches!(upos(k + 1), Some("NOUN" | "ADJ"))
    };
    let mut to = of + 1;
    while same(to)
        && to - of <= 5
        && (matches!(upos(to), Some("DET" | "ADJ" | "NOUN" | "PROPN" | "PART" | "NUM")) || participle(to))
    {
        to += 1;
    }
    (to > of + 1 && matches!(upos(to - 1), Some("NOUN" | "PROPN"))).then_some((of + 1, to))
}

/// Per token of `doc`: true when it shares a byte with one of `spans` (each span visits only its own tokens).
fn overlapping_tokens(doc: &Doc, spans: impl Iterator<Item = Span>) -> Vec<bool> {
    let mut out = vec![false; doc.tokens.len()];
    for sp in spans {
        let mut k = doc.token_at_or_after(sp.start);
        while k < doc.tokens.len() && doc.tokens[k].span.overlap(sp) > 0 {
            out[k] = true;
            k += 1;
        }
    }
    out
}

/// The hedge of a sentence, with its auxiliary: "are believed", "reportedly", "estimated".
fn hedge_in_sentence(doc: &Doc, sent: usize, lex: &Lexicons) -> Option<String> {
    let s = &doc.sentences[sent];
    for k in s.tokens.clone() {
        let w = doc.token_text(k).to_lowercase();
        if lex.hedges.contains(&w) && w != "said" {
            let start = if k > s.tokens.start
                && matches!(
                    doc.token_text(k - 1).to_lowercase().as_str(),
                    "is" | "are" | "was" | "were" | "be" | "been"
                ) {
                k - 1
            } else {
                k
            };
            return Some(doc.slice(Span::new(doc.tokens[start].span.start, doc.tokens[k].span.end)).to_string());
        }
    }
    None
}
