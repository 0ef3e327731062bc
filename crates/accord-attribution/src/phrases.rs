//! Noun-phrase boundaries around a cue: the speaker before it ("White House press secretary Karoline
//! Leavitt said") or after it ("said Mr Smith", "according to a Hamas official"). Uses the tagger's parts
//! of speech when the models stage ran, and word lists otherwise.

use crate::words::words;
use accord_doc::{Doc, TokenKind};
use accord_facts::lexicon::Lexicons;

fn is_np_word(doc: &Doc, k: usize, lex: &Lexicons) -> bool {
    let t = &doc.tokens[k];
    let w = doc.token_text(k);
    if t.kind == TokenKind::Number {
        return true;
    }
    if t.kind != TokenKind::Word {
        return matches!(doc.token_norm(k), "'s" | "'" | "." | "-");
    }
    if matches!(doc.token_norm(k), "'s") {
        return true;
    }
    // the second half of a hyphenated name: "Geun-hye", "Jean-Marc"
    if k > 0 && doc.token_text(k - 1) == "-" && doc.tokens[k - 1].span.end == t.span.start {
        return true;
    }
    if let Some(a) = &t.analysis {
        // a particle only as the possessive ("Trump 's"); never "to", "not", "n't"
        if a.upos() == "PART" {
            return matches!(doc.token_norm(k), "'s" | "'");
        }
        if matches!(a.upos(), "PROPN" | "NOUN" | "ADJ" | "DET" | "NUM") {
            return !(a.upos() == "DET" && matches!(w.to_lowercase().as_str(), "which" | "what" | "whose"));
        }
        if a.upos() == "PRON" && a.xpos() == "PRP$" {
            return true;
        }
        // "said someone at the meeting": an indefinite pronoun that heads an unnamed source
        if a.upos() == "PRON" && words().indefinite_sources.contains(&accord_lexicon::lowercase(w).as_ref()) {
            return true;
        }
    }
    let lw = w.to_lowercase();
    w.starts_with(char::is_uppercase) && !matches!(lw.as_str(), "but" | "and" | "that" | "if" | "when" | "as" | "while")
        || words().determiners.contains(&lw.as_str())
        || words().np_adjectives.contains(&lw.as_str())
        || lex.is_title(&lw)
        || lex.source_nouns.contains_key(lw.as_str())
        || lex.known.contains_key(w)
        || matches!(
            lw.as_str(),
            "people"
                | "percent"
                | "group"
                | "company"
                | "ministry"
                | "government"
                | "office"
                | "agency"
                | "spokesman"
                | "spokeswoman"
                | "statement"
                | "report"
                | "study"
                | "poll"
                | "survey"
                | "campaign"
                | "administration"
                | "police"
                | "army"
                | "military"
                | "court"
                | "department"
                | "team"
                | "family"
                | "organization"
                | "organisation"
                | "committee"
                | "council"
                | "party"
                | "board"
        )
}

/// The noun phrase ending just before token `end` (exclusive), within `[floor, end)`, as a token range.
/// A pronoun stands alone. Returns `None` when no phrase ends there.
pub fn np_left(doc: &Doc, floor: usize, end: usize, lex: &Lexicons) -> Option<(usize, usize)> {
    let (k, end) = np_left_base(doc, floor, end, lex)?;
    // "A spokesperson of the ministry handling maritime affairs", "an official in the country's interior
    // ministry": an unnamed source keeps its post-modifiers (prepositional phrases, reduced relatives)
    let mut best = None;
    let mut cur = k;
    for _ in 0..4 {
        if cur <= floor + 1 || !source_link(doc, cur - 1, lex) {
            break;
        }
        // "working for", "based in": a participle before the preposition belongs to the link
        let mut link = cur - 1;
        if link > floor + 1
            && is_participle(doc, link - 1, lex)
            && words().source_links.contains(&doc.token_text(link).to_lowercase().as_str())
        {
            link -= 1;
        }
        let Some((a, b)) = np_left_core(doc, floor, link, lex) else { break };
        if b != link || end - a > 20 || words().subject_pronouns.contains(&doc.token_text(a).to_lowercase().as_str()) {
            break;
        }
        // the phrase attached at `cur` ("in Kabul" of "in Kabul on Monday") names no time or medium
        let attached = np_right(doc, cur, end, lex).map_or(end, |(_, e)| e);
        if !affiliation_like(doc, cur, attached, lex) {
            break;
        }
        if source_head(doc, b - 1, lex) {
            best = Some(a);
        }
        cur = a;
    }
    Some((best.unwrap_or(k), end))
}

/// A token that attaches a post-modifier to the noun before it: a preposition ("for", "in"), a
/// participle ("handling", "working", "based"), or "and" inside a name ("Universities and Colleges").
pub(crate) fn source_link(doc: &Doc, k: usize, lex: &Lexicons) -> bool {
    let t = &doc.tokens[k];
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = doc.token_text(k);
    let lw = w.to_lowercase();
    if words().source_links.contains(&lw.as_str()) {
        return true;
    }
    if matches!(lw.as_str(), "and" | "&") {
        return k > 0
            && k + 1 < doc.tokens.len()
            && doc.token_text(k - 1).starts_with(char::is_uppercase)
            && doc.token_text(k + 1).starts_with(char::is_uppercase);
    }
    is_participle(doc, k, lex)
}

/// A participle that is no cue ("handling", "working", "based").
fn is_participle(doc: &Doc, k: usize, lex: &Lexicons) -> bool {
    let t = &doc.tokens[k];
    let w = doc.token_text(k);
    let lw = w.to_lowercase();
    if t.kind != TokenKind::Word || !w.starts_with(char::is_lowercase) || lex.cue(w).is_some() {
        return false;
    }
    match &t.analysis {
        Some(a) => matches!(a.xpos(), "VBG" | "VBN") && a.upos() == "VERB",
        None => lw.len() > 5 && lw.ends_with("ing"),
    }
}

/// Token `k` heads an unnamed source: "spokesperson", "officials", "doctor" (a lower-case source noun or title).
pub(crate) fn source_head(doc: &Doc, k: usize, lex: &Lexicons) -> bool {
    let w = doc.token_text(k);
    w.starts_with(char::is_lowercase)
        && (lex.source_nouns.contains_key(w) || lex.is_title(w) || words().indefinite_sources.contains(&w))
}

/// The tokens `[from, to)` may be an affiliation: no time ("on Monday"), medium ("in a statement") or
/// pronoun.
fn affiliation_like(doc: &Doc, from: usize, to: usize, lex: &Lexicons) -> bool {
    (from..to).all(|i| {
        let lw = doc.token_text(i).to_lowercase();
        !words().not_affiliations.contains(&lw.as_str())
            && !lex.weekdays.contains_key(doc.token_text(i))
            && !lex.months.contains_key(doc.token_text(i))
            && !words().subject_pronouns.contains(&lw.as_str())
    })
}

/// [`np_right`] for a speaker after its cue: an unnamed source keeps its post-modifiers ("said a doctor
/// working for the charity", "said an official at the interior ministry").
pub fn speaker_np_right(doc: &Doc, start: usize, ceiling: usize, lex: &Lexicons) -> Option<(usize, usize)> {
    // "said one of two witnesses", "said some of his advisers": a quantifier heads the phrase after its "of"
    let quantifier = start < ceiling
        && (matches!(
            accord_lexicon::lowercase(doc.token_text(start)).as_ref(),
            "one" | "some" | "several" | "many" | "most" | "two" | "three" | "each"
        ) || doc.tokens[start].kind == TokenKind::Number);
    let of_phrase = (quantifier && start + 2 < ceiling && doc.token_text(start + 1) == "of")
        .then(|| np_right(doc, start + 2, ceiling, lex))
        .flatten();
    let (a, mut b) = match of_phrase {
        Some((_, e)) => (start, e),
        None => np_right(doc, start, ceiling, lex)?,
    };
    if !source_head(doc, b - 1, lex) {
        return Some((a, named_after(doc, b, ceiling)));
    }
    for _ in 0..4 {
        if b + 1 >= ceiling || !source_link(doc, b, lex) {
            break;
        }
        // "working for", "based in": a preposition after the participle
        let mut from = b + 1;
        if is_participle(doc, b, lex)
            && from < ceiling
            && words().source_links.contains(&doc.token_text(from).to_lowercase().as_str())
        {
            from += 1;
        }
        let Some((_, e)) = np_right(doc, from, ceiling, lex) else { break };
        if e - a > 20 || !affiliation_like(doc, b + 1, e, lex) {
            break;
        }
        b = e;
    }
    // "said the communications director for the party, Sam Lau, ...": a role, then the person's name
    // in apposition, closed by a comma, a quotation or the sentence's end
    let person = |m: &&accord_doc::Mention| {
        m.kind == accord_doc::MentionKind::Name && m.etype == Some(accord_doc::EntityType::Person)
    };
    let (from, to) = (doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
    if b + 1 < ceiling
        && doc.token_text(b) == ","
        && !doc.mentions.iter().filter(person).any(|m| m.span.start < to && from < m.span.end)
    {
        let name_start = doc.tokens[b + 1].span.start;
        if let Some(m) = doc.mentions.iter().filter(person).find(|m| m.span.start == name_start) {
            let e = doc.token_at_or_after(m.span.end);
            let closed = e >= ceiling
                || matches!(doc.token_text(e), "," | "." | ";")
                || doc.tokens[e].kind == accord_doc::TokenKind::OpenQuote;
            if closed && e <= ceiling {
                b = e;
            }
        }
    }
    Some((a, named_after(doc, b, ceiling)))
}

/// "said an asylum-seeker named Beatriz": the end of the person's name that "named" or "called" gives the
/// noun phrase ending at `b`, or `b`.
fn named_after(doc: &Doc, b: usize, ceiling: usize) -> usize {
    if b + 1 < ceiling && matches!(doc.token_text(b), "named" | "called") {
        let name_start = doc.tokens[b + 1].span.start;
        let person = doc.mentions.iter().find(|m| {
            m.span.start == name_start
                && m.kind == accord_doc::MentionKind::Name
                && m.etype == Some(accord_doc::EntityType::Person)
        });
        if let Some(m) = person {
            return doc.token_at_or_after(m.span.end).min(ceiling);
        }
    }
    b
}

fn np_left_base(doc: &Doc, floor: usize, end: usize, lex: &Lexicons) -> Option<(usize, usize)> {
    let (k, end) = np_left_core(doc, floor, end, lex)?;
    // "attorneys for the family", "Experts on North Korea": a noun before a short prepositional phrase
    if k > floor + 1
        && matches!(doc.token_text(k - 1), "for" | "of" | "on" | "at" | "from" | "to" | "with" | "in")
        && end - k <= 5
    {
        if let Some((a, _)) = np_left_core(doc, floor, k - 1, lex) {
            if k - 1 - a <= 4 && !words().subject_pronouns.contains(&doc.token_text(a).to_lowercase().as_str()) {
                return Some((a, end));
            }
        }
    }
    Some((k, end))
}

fn np_left_core(doc: &Doc, floor: usize, end: usize, lex: &Lexicons) -> Option<(usize, usize)> {
    if end <= floor {
        return None;
    }
    let mut end = end;
    // a parenthetical after a name: "Mike Pence (R-IN) said"
    if doc.token_text(end - 1) == ")" {
        let open = (end.saturating_sub(8).max(floor)..end - 1).rev().find(|&k| doc.token_text(k) == "(")?;
        if open <= floor {
            return None;
        }
        let inner = np_left_core(doc, floor, open, lex)?;
        return Some((inner.0, end));
    }
    let last = end - 1;
    let lw = doc.token_text(last).to_lowercase();
    if words().subject_pronouns.contains(&lw.as_str()) {
        return Some((last, end));
    }
    if matches!(doc.token_norm(last), "'s" | "'" | "-") || words().determiners.contains(&lw.as_str()) {
        return None;
    }
    if !is_np_word(doc, last, lex) {
        // "the bank", "a new study": a lower-case head after a determiner within three words
        if doc.tokens[last].kind != TokenKind::Word || doc.tokens[last].analysis.is_some() || lex.cue(&lw).is_some() {
            return None;
        }
        let _ = &mut end;
        let det = (last.saturating_sub(3).max(floor)..last)
            .rev()
            .find(|&k| words().determiners.contains(&doc.token_text(k).to_lowercase().as_str()))?;
        if (det + 1..last).any(|k| doc.tokens[k].kind != TokenKind::Word || lex.cue(doc.token_text(k)).is_some()) {
            return None;
        }
        return Some((det, end));
    }
    let mut k = last;
    while k > floor && end - k < 12 {
        let prev = k - 1;
        let pw = doc.token_text(prev).to_lowercase();
        // "President and Chief Financial Officer of X": two capitalised titles joined by "and"
        // (not a party's or a country's word: "Democratic and Republican candidates")
        let cap_title = |j: usize| {
            let w = doc.token_text(j);
            w.starts_with(char::is_uppercase)
                && lex.is_title(w)
                && lex.known_name(w).is_none()
                && !lex.party_words.contains_key(w)
        };
        if pw == "and" && prev > floor && cap_title(k) && cap_title(prev - 1) {
            k = prev - 1;
            continue;
        }
        if words().subject_pronouns.contains(&pw.as_str()) || !is_np_word(doc, prev, lex) {
            break;
        }
        // "of" inside a name: "Ministry of Health", "Secretary of State"
        k = prev;
        if k > floor + 1
            && doc.token_text(k - 1) == "of"
            && doc.token_text(k).starts_with(char::is_uppercase)
            && doc.token_text(k - 2).starts_with(char::is_uppercase)
        {
            k -= 1;
        }
    }
    // "The port authority": lower-case modifiers back to a determiner
    if doc.tokens[k].analysis.is_none() {
        let mut d = k;
        while d > floor
            && k - d < 3
            && doc.tokens[d - 1].kind == TokenKind::Word
            && lex.cue(doc.token_text(d - 1)).is_none()
        {
            d -= 1;
            if words().determiners.contains(&doc.token_text(d).to_lowercase().as_str()) {
                return Some((d, end));
            }
            if !doc.token_text(d).starts_with(char::is_lowercase) {
                break;
            }
        }
    }
    Some((k, end))
}

/// The noun phrase starting at token `start`, up to `ceiling` (exclusive), as a token range.
pub fn np_right(doc: &Doc, start: usize, ceiling: usize, lex: &Lexicons) -> Option<(usize, usize)> {
    if start >= ceiling {
        return None;
    }
    let lw = doc.token_text(start).to_lowercase();
    if words().subject_pronouns.contains(&lw.as_str()) {
        return Some((start, start + 1));
    }
    let mut k = start;
    while k < ceiling && k - start < 12 {
        // a cue word ends the phrase ("a spokesman said") unless the parse reads it as a noun ("says
        // the report")
        let noun = doc.tokens[k].analysis.as_ref().is_some_and(|a| a.upos() == "NOUN");
        let np_word = is_np_word(doc, k, lex)
            && !(k > start
                && !noun
                && lex.cue(doc.token_text(k)).is_some()
                && doc.token_text(k).starts_with(char::is_lowercase));
        // "of" joins a capitalised name ("Secretary of State")
        let name_of =
            doc.token_text(k) == "of" && k + 1 < ceiling && doc.token_text(k + 1).starts_with(char::is_uppercase);
        // a determiner after a noun opens the next phrase: "told reporters | the plan was dead"
        let next_phrase = k > start
            && words().determiners.contains(&doc.token_text(k).to_lowercase().as_str())
            && doc.tokens[k - 1].analysis.as_ref().is_some_and(|a| matches!(a.upos(), "NOUN" | "PROPN"));
        if (np_word || name_of) && !next_phrase {
            k += 1;
        } else {
            break;
        }
    }
    // a determiner standing alone before punctuation is a pronoun ("tweeted another.", "said one, ...")
    let mut word_end = k;
    while word_end > start && doc.tokens[word_end - 1].kind != TokenKind::Word {
        word_end -= 1;
    }
    let pronominal = word_end == start + 1
        && matches!(doc.token_text(start).to_lowercase().as_str(), "another" | "one" | "some" | "several" | "many")
        && (word_end >= ceiling || doc.tokens[word_end].kind == TokenKind::Punct);
    if pronominal {
        return Some((start, word_end));
    }
    // do not end on a determiner, a possessive or punctuation
    while k > start
        && (words().determiners.contains(&doc.token_text(k - 1).to_lowercase().as_str())
            || matches!(doc.token_norm(k - 1), "'s" | "'" | "." | "-"))
    {
        k -= 1;
    }
    (k > start).then_some((start, k))
}
