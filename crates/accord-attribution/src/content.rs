//! Content spans: what was said, after the cue ("said that ...", a quotation) or before it ("..., he
//! said"), trimmed of its closing punctuation, and the attribution record made from it.

use crate::cues::Cue;
use crate::phrases::np_right;
use crate::quotes::{quote_ending_at, quote_starting_at, Quote};
use crate::words::words;
use accord_doc::{Attribution, Doc, QuoteType, Span, TokenKind};
use accord_facts::lexicon::{CueClass, Lexicons};

/// The end byte of a content span whose last token is before token `end_tok`, without trailing
/// punctuation (closing quotes kept).
pub(crate) fn trim_end(doc: &Doc, start: usize, end_tok: usize) -> usize {
    let mut k = end_tok;
    while k > 0 && doc.tokens[k - 1].span.end > start {
        let t = &doc.tokens[k - 1];
        if t.kind == TokenKind::Punct && matches!(doc.token_text(k - 1), "." | "," | ";" | ":" | "-" | "—" | "–" | "--")
        {
            k -= 1;
        } else {
            break;
        }
    }
    if k == 0 {
        return start;
    }
    doc.tokens[k - 1].span.end.max(start)
}

/// True when quotation `q` only marks a title or a name ("“Homicide: Life on the Street”", "“Agent
/// Smith”"): a few words, the first and every other content word capitalised. Such marks quote nobody.
fn marks_a_title(doc: &Doc, q: &Quote) -> bool {
    const SMALL: &[&str] = &["a", "an", "the", "of", "on", "in", "and", "or", "for", "to", "at", "by", "with", "from"];
    if q.words == 0 || q.words > 8 || q.close <= q.open + 1 {
        return false;
    }
    let mut first = true;
    for k in q.open + 1..q.close {
        let t = &doc.tokens[k];
        if t.kind != accord_doc::TokenKind::Word {
            continue;
        }
        let w = doc.token_text(k);
        let cap = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if !(cap || !first && SMALL.contains(&w)) {
            return false;
        }
        first = false;
    }
    true
}

pub(crate) fn quote_type(doc: &Doc, content: Span, all: &[Quote]) -> QuoteType {
    let from = all.partition_point(|q| q.span.end <= content.start);
    let to = all.partition_point(|q| q.span.start < content.end);
    let quotes = &all[from..to.max(from)];
    // "“A,” she said. “B.”": quotations at both ends, only the cue between them
    let starts = quotes.iter().any(|q| q.span.start == content.start && q.words >= 1);
    let ends = quotes.iter().any(|q| q.span.end == content.end && q.words >= 1);
    if starts && ends && quotes.iter().filter(|q| q.span.overlap(content) > 0).count() >= 2 {
        return QuoteType::Direct;
    }
    let mut any = false;
    for q in quotes {
        if q.span.overlap(content) == 0 {
            continue;
        }
        let inside = q.span.start > content.start || q.span.end < content.end;
        if inside && marks_a_title(doc, q) {
            continue;
        }
        if q.span.start <= content.start && q.span.end >= content.end.saturating_sub(1) && q.words >= 1 {
            return QuoteType::Direct;
        }
        any = true;
    }
    if any {
        QuoteType::Mixed
    } else {
        QuoteType::Indirect
    }
}

pub(crate) fn looks_like_clause(doc: &Doc, from: usize, to: usize) -> bool {
    (from..to.min(from + 30)).any(|k| {
        let w = doc.token_norm(k);
        if let Some(a) = &doc.tokens[k].analysis {
            return matches!(a.xpos(), "VBD" | "VBZ" | "VBP" | "MD");
        }
        words().finite_hints.contains(&w.to_lowercase().as_str()) || (w.ends_with("ed") && k > from)
    })
}

/// True when token `k` is a verb whose object is whom the content was told to ("told", "warned":
/// `addressee_verbs` of `attribution_words.tsv`), never its speaker.
pub(crate) fn addressee_verb(doc: &Doc, k: usize) -> bool {
    words().addressee_verbs.contains(&accord_lexicon::lowercase(doc.token_text(k)).as_ref())
}

/// Content after a cue, and whether it is strongly marked (a quotation or "that").
pub(crate) fn content_after(
    doc: &Doc,
    cue: &Cue,
    send: usize,
    quotes: &[Quote],
    lex: &Lexicons,
) -> Option<(Span, bool)> {
    let mut r = cue.end;
    // time adjuncts: "said Tuesday", "said on Friday afternoon", "said yesterday", "said late Sunday"
    if r < send && doc.token_text(r) == "on" && r + 1 < send && lex.weekdays.contains_key(doc.token_text(r + 1)) {
        r += 1;
    }
    let time_word = |w: &str| {
        lex.weekdays.contains_key(w)
            || matches!(
                w.to_lowercase().as_str(),
                "yesterday" | "today" | "tonight" | "afternoon" | "morning" | "evening" | "night"
            )
    };
    while r < send {
        let w = doc.token_text(r);
        // ("said late Sunday", "said early Monday", "said last night")
        let modifier = matches!(w.to_lowercase().as_str(), "late" | "early" | "earlier" | "last" | "this")
            && r + 1 < send
            && time_word(doc.token_text(r + 1));
        if time_word(w) || modifier {
            r += 1;
        } else {
            break;
        }
    }
    if r >= send {
        return None;
    }
    // "said:" / "said," before a quote
    if matches!(doc.token_text(r), ":" | ",") && r + 1 < send && doc.tokens[r + 1].kind == TokenKind::OpenQuote {
        r += 1;
    }
    // "Caddell continued:" closing its sentence, with the quotation opening the next one
    if doc.token_text(r) == ":" && r + 1 == send {
        return quote_starting_at(quotes, send).map(|q| (q.span, true));
    }
    let tell = addressee_verb(doc, cue.verb);
    if let Some(q) = quote_starting_at(quotes, r) {
        // "told “Face the Nation” on Sunday that ...": a quoted name is whom it was told to
        let addressee = tell
            && q.words <= 6
            && (q.close + 1..send.min(q.close + 6)).any(|k| doc.token_text(k) == "that")
            && !(q.open + 1..q.close).any(|k| matches!(doc.token_text(k), "." | "," | "!" | "?"));
        if !addressee {
            return Some((q.span, true));
        }
        r = q.close + 1;
    }
    if cue.class == CueClass::Act {
        if matches!(doc.token_text(r), "," | "." | ";" | ":" | ")") {
            return None;
        }
        return Some((Span::new(doc.tokens[r].span.start, trim_end(doc, doc.tokens[r].span.start, send)), false));
    }
    // "told reporters (on Tuesday) that ...", "said in a statement that ...", "said Tuesday that"
    if let Some(t) = (r..send.min(r + 12)).find(|&k| doc.token_text(k) == "that") {
        // (not the relative "that" of an appositive after the cue's comma: "..., Sanders said, a policy that
        // could make it easier ...")
        let between_ok = (r..t)
            .all(|k| doc.tokens[k].kind != TokenKind::OpenQuote && !matches!(doc.token_text(k), "." | ";" | ":"))
            && (r..t).all(|k| lex.cue(doc.token_text(k)).is_none())
            && !(t > r + 1
                && doc.token_text(r) == ","
                && doc.tokens[t - 1].analysis.as_ref().is_some_and(|a| a.upos() == "NOUN"));
        // "that" right after the cue, or after a short adjunct/object ("says at a campaign stop in
        // Toledo, Ohio, that ..."): a longer stretch only when it holds no verb
        let verbless =
            (r..t).all(|k| doc.tokens[k].analysis.as_ref().is_none_or(|a| !matches!(a.upos(), "VERB" | "AUX")));
        // a finite verb between starts a clause of its own, and the "that" is that clause's ("said he is
        // unconvinced that ...", "said she liked it and that ...": the content starts after the cue)
        let finite = (r..t).any(|k| {
            doc.tokens[k]
                .analysis
                .as_ref()
                .is_some_and(|a| a.upos() == "AUX" || matches!(a.xpos(), "VBD" | "VBZ" | "VBP" | "MD"))
                // (a verb after a subject pronoun is finite whatever its tag: "said it modified that data")
                || (k > r
                    && words().subject_pronouns.contains(&doc.token_text(k - 1).to_lowercase().as_str())
                    && doc.tokens[k].analysis.as_ref().is_some_and(|a| a.upos() == "VERB"))
        });
        if between_ok && !finite && (t == r || t - r <= 8 || (t - r <= 11 && verbless)) {
            let a = t + 1;
            if a < send {
                if let Some(q) = quote_starting_at(quotes, a) {
                    if q.close + 2 >= send {
                        return Some((q.span, true));
                    }
                }
                return Some((
                    Span::new(doc.tokens[a].span.start, trim_end(doc, doc.tokens[a].span.start, send)),
                    true,
                ));
            }
        }
    }
    // "says of Clinton, “...”", "said in a statement: “...”": a short adjunct, then the quotation
    if words().prepositions.contains(&doc.token_text(r).to_lowercase().as_str()) {
        if let Some(p) = (r + 1..send.min(r + 9)).find(|&k| matches!(doc.token_text(k), "," | ":")) {
            let plain =
                (r..p).all(|k| doc.tokens[k].kind != TokenKind::OpenQuote && lex.cue(doc.token_text(k)).is_none());
            if plain && p + 1 < send {
                if let Some(q) = quote_starting_at(quotes, p + 1) {
                    return Some((q.span, true));
                }
            }
        }
    }
    if tell {
        if let Some((_, e)) = np_right(doc, r, send, lex) {
            r = e;
            if r < send && doc.token_text(r) == "," {
                r += 1;
            }
            // "told Variety: “...”", also with the quotation opening the next sentence
            if r < send && doc.token_text(r) == ":" {
                if r + 1 == send {
                    return quote_starting_at(quotes, send).map(|q| (q.span, true));
                }
                if doc.tokens[r + 1].kind == TokenKind::OpenQuote {
                    r += 1;
                }
            }
        }
    }
    if r >= send {
        return None;
    }
    if let Some(q) = quote_starting_at(quotes, r) {
        return Some((q.span, true));
    }
    // an infinitive complement: "hopes to offset ...", "vowed to punish ..." (PolNeAR marks these)
    if doc.token_text(r).eq_ignore_ascii_case("to")
        && r + 1 < send
        && doc.tokens[r + 1].analysis.as_ref().is_some_and(|a| a.xpos() == "VB")
    {
        return Some((Span::new(doc.tokens[r].span.start, trim_end(doc, doc.tokens[r].span.start, send)), false));
    }
    // an embedded question: "isn't saying if ...", "have not said when they would ...", "asked whether ..."
    let first = doc.token_text(r);
    if cue.class != CueClass::Act
        && matches!(first.to_lowercase().as_str(), "if" | "whether" | "how" | "why" | "what" | "when" | "where" | "who")
        && r + 2 < send
    {
        let subject_next =
            doc.tokens[r + 1].analysis.as_ref().is_some_and(|a| matches!(a.upos(), "PRON" | "PROPN" | "NOUN" | "DET"));
        if (first.eq_ignore_ascii_case("whether") || subject_next) && looks_like_clause(doc, r + 1, send) {
            return Some((Span::new(doc.tokens[r].span.start, trim_end(doc, doc.tokens[r].span.start, send)), false));
        }
    }
    // a bare clause: "say about 24 hostages are believed ...", "said Israel has been consulted"
    if matches!(first, "," | "." | "(" | ";") || first.eq_ignore_ascii_case("in") || first.eq_ignore_ascii_case("on") {
        return None;
    }
    // a belief or finding with a strong cue rate in PolNeAR train ("polls show Clinton ahead") may take a
    // noun phrase; others need a clause
    let strong_belief = lex.act_cues.get(&doc.token_text(cue.verb).to_lowercase()).is_some_and(|&r| r >= 0.25);
    if cue.class == CueClass::Belief && !strong_belief && !looks_like_clause(doc, r, send) {
        return None;
    }
    let lf = first.to_lowercase();
    let subject_like = words().subject_pronouns.contains(&lf.as_str())
        || first.starts_with(char::is_uppercase)
        || matches!(
            lf.as_str(),
            "there"
                | "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "this"
                | "these"
                | "those"
                | "no"
                | "all"
                | "some"
                | "most"
                | "many"
        );
    let preposition = words().prepositions.contains(&lf.as_str()) || doc.tokens[r].kind == TokenKind::Punct;
    if preposition || (!subject_like && !strong_belief && !looks_like_clause(doc, r, send)) {
        return None;
    }
    Some((Span::new(doc.tokens[r].span.start, trim_end(doc, doc.tokens[r].span.start, send)), false))
}

/// Token `boundary` moved back over the separators before it (`,` `:` and dashes), not below `floor`: where
/// the content before a speaker or cue ends.
pub(crate) fn before_separators(doc: &Doc, floor: usize, boundary: usize) -> usize {
    let mut b = boundary;
    while b > floor && matches!(doc.token_text(b - 1), "," | ":" | "—" | "–" | "--") {
        b -= 1;
    }
    b
}

/// Content before token `boundary` (exclusive): the quotation ending there, or the sentence up to it.
pub(crate) fn content_before(doc: &Doc, sstart: usize, boundary: usize, quotes: &[Quote]) -> Option<Span> {
    let b = before_separators(doc, sstart, boundary);
    if b == 0 {
        return None;
    }
    if doc.tokens[b - 1].kind == TokenKind::CloseQuote {
        if let Some(q) = quote_ending_at(quotes, b - 1) {
            // the quote may open in an earlier sentence or paragraph
            if q.open < sstart || (sstart..q.open).all(|k| doc.tokens[k].kind != TokenKind::Word) {
                return Some(q.span);
            }
            // text before the quote in this sentence belongs to the content too ("He called it “a mess,”")
            return Some(Span::new(doc.tokens[sstart].span.start, q.span.end));
        }
    }
    if b <= sstart {
        return None;
    }
    let start = doc.tokens[sstart].span.start;
    let end = trim_end(doc, start, b);
    (end > start).then(|| Span::new(start, end))
}

pub(crate) fn make(
    doc: &Doc,
    content: Span,
    cue: Option<Span>,
    speaker: Option<Span>,
    si: usize,
    quotes: &[Quote],
) -> Attribution {
    let mut qtype = quote_type(doc, content, quotes);
    // "said that “the budget is balanced”": a quotation inside reported-speech syntax is mixed
    let first = doc.token_at_or_after(content.start);
    if qtype == QuoteType::Direct && first > 0 && doc.token_text(first - 1).eq_ignore_ascii_case("that") {
        qtype = QuoteType::Mixed;
    }
    Attribution {
        qtype,
        content,
        cue,
        speaker,
        speaker_mention: None,
        speaker_entity: None,
        source: accord_doc::Source { kind: accord_doc::SourceKind::Unknown, name: None, affiliation: None },
        sentence: si,
    }
}
