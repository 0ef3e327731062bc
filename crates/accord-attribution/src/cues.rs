//! Step 1, cues: the verb forms of the lexicon (with their auxiliaries: "has signalled") and "according
//! to" that may introduce a reported statement; cues inside a quotation are ignored.

use crate::{acts, words::words};
use accord_doc::{Doc, TokenKind};
use accord_facts::lexicon::{CueClass, Lexicons};

/// A cue found in the text, before its attribution is built.
#[derive(Clone, Debug)]
pub(crate) struct Cue {
    /// First token of the cue (auxiliary included).
    pub(crate) first: usize,
    /// The verb ("said") or "according".
    pub(crate) verb: usize,
    /// One past the last cue token.
    pub(crate) end: usize,
    pub(crate) class: CueClass,
    pub(crate) according: bool,
}

/// Prepositions that open a phrase of place or time, which says where or when an act was done, not what
/// it was.
const PLACE_TIME_PREPOSITIONS: &[&str] =
    &["in", "into", "at", "from", "during", "after", "before", "since", "over", "through", "across", "until"];

/// "The ransom note warns that ...": a third-person cue form the tagger read as a plural noun, at the root
/// of a sentence that has no verb, after a noun (its subject) and before "that", is the sentence's verb (a
/// noun phrase with a relative clause is no sentence; "his claims that ..." and a headline's "Reports that
/// ..." have no noun before the form).
fn mistagged_verb(doc: &Doc, k: usize, start: usize) -> bool {
    let Some(a) = &doc.tokens[k].analysis else { return false };
    let noun = |j: usize| doc.tokens[j].analysis.as_ref().is_some_and(|x| matches!(x.upos(), "NOUN" | "PROPN"));
    a.upos() == "NOUN"
        && a.deprel() == "root"
        && doc.token_text(k).ends_with('s')
        && k > start
        && noun(k - 1)
        && doc.tokens.get(k + 1).is_some_and(|_| doc.token_text(k + 1).eq_ignore_ascii_case("that"))
        && !(start..k).any(|j| doc.tokens[j].analysis.as_ref().is_some_and(|x| matches!(x.upos(), "VERB" | "AUX")))
}

/// "..., warns Director Jane Roe.": a third-person speech cue form the tagger read as a plural noun, right
/// after a comma and before a capitalised name or a determiner that runs to the end of the sentence
/// within a few words, is an inverted cue.
fn inverted_form(doc: &Doc, k: usize, range: std::ops::Range<usize>) -> bool {
    let w = doc.token_text(k);
    k > range.start + 2
        && k + 1 < range.end
        && w.ends_with('s')
        && !w.ends_with("ss")
        && doc.token_text(k - 1) == ","
        && (doc.token_text(k + 1).starts_with(char::is_uppercase)
            || matches!(doc.token_text(k + 1), "a" | "an" | "the" | "one"))
        && range.end - k <= 10
        && doc.tokens[range.end - 1].kind == TokenKind::Punct
}

/// "..., the Porto Herald reports.": a third-person speech cue form the tagger read as a plural noun at
/// the end of a sentence, after a comma and a noun phrase of at most six words (its subject), is an
/// inverted content's cue.
fn final_form(doc: &Doc, k: usize, range: std::ops::Range<usize>) -> bool {
    let w = doc.token_text(k);
    if !(w.ends_with('s') && !w.ends_with("ss") && k + 1 < range.end && matches!(doc.token_text(k + 1), "." | "!")) {
        return false;
    }
    let np = |j: usize| {
        doc.tokens[j].analysis.as_ref().is_some_and(|a| matches!(a.upos(), "DET" | "PROPN" | "NOUN" | "ADJ" | "NUM"))
    };
    (k.saturating_sub(7).max(range.start + 2)..k.saturating_sub(1))
        .rev()
        .find(|&c| doc.token_text(c) == ",")
        .is_some_and(|c| (c + 1..k).all(np))
}

/// "“...,” the statement read": a verb that reports a document's words only with a document noun as its
/// subject, right before it after a determiner.
fn document_reads(doc: &Doc, k: usize, start: usize) -> bool {
    let w = words();
    k >= start + 2
        && w.document_verbs.iter().any(|v| v.eq_ignore_ascii_case(doc.token_text(k)))
        && w.document_nouns.contains(&accord_text::lowercase(doc.token_text(k - 1)).as_ref())
        && w.determiners.contains(&accord_text::lowercase(doc.token_text(k - 2)).as_ref())
}

/// The number of tokens of the reporting phrase (`phrase_cues`: "made it clear") starting at token `k`.
fn phrase_cue(doc: &Doc, k: usize, end: usize) -> Option<usize> {
    let first = doc.token_text(k);
    words().phrase_cues.iter().find_map(|p| {
        (p[0].eq_ignore_ascii_case(first)
            && k + p.len() <= end
            && p.iter().enumerate().skip(1).all(|(i, w)| doc.token_text(k + i).eq_ignore_ascii_case(w))
            && doc.tokens[k].analysis.as_ref().is_none_or(|a| a.upos() == "VERB"))
        .then_some(p.len())
    })
}

/// "Mayor Says Pier Will Reopen", "Senator Endorses Rival": in a title-case sentence (most words of four
/// letters or more capitalised) a capitalised third-person form ("Says", "Endorses") after a capitalised
/// word and before another is the headline's verb, whatever the tagger made of it.
fn title_verb(doc: &Doc, k: usize, range: std::ops::Range<usize>) -> bool {
    let w = doc.token_text(k);
    let capital = |j: usize| doc.token_text(j).starts_with(char::is_uppercase);
    if !w.ends_with('s') || w.ends_with("ss") || k + 1 >= range.end || !capital(k - 1) || !capital(k + 1) {
        return false;
    }
    let (mut long, mut caps) = (0, 0);
    for j in range {
        if doc.tokens[j].kind == TokenKind::Word && doc.token_text(j).chars().count() >= 4 {
            long += 1;
            caps += capital(j) as usize;
        }
    }
    long >= 3 && caps * 5 >= long * 4
}

/// Cue tokens of one sentence.
pub(crate) fn find_cues(doc: &Doc, range: std::ops::Range<usize>, quoted: &[bool], lex: &Lexicons) -> Vec<Cue> {
    let mut out = Vec::new();
    for k in range.clone() {
        if doc.tokens[k].kind != TokenKind::Word || quoted[k] {
            continue;
        }
        let w = doc.token_text(k);
        if w.eq_ignore_ascii_case("according") && k + 1 < range.end && doc.token_text(k + 1) == "to" {
            out.push(Cue { first: k, verb: k, end: k + 2, class: CueClass::Speech, according: true });
            continue;
        }
        // "made it clear": a reporting phrase, cue as a whole
        if let Some(n) = phrase_cue(doc, k, range.end) {
            out.push(Cue { first: k, verb: k, end: k + n, class: CueClass::Speech, according: false });
            continue;
        }
        let (class, document) = match lex.cue(w) {
            Some(c) => (c, false),
            None if document_reads(doc, k, range.start) => (CueClass::Speech, true),
            None => continue,
        };
        // acts and beliefs are kept only for forms that PolNeAR train often marks as cues
        if class != CueClass::Speech
            && lex.act_cues.get(accord_text::lowercase(w).as_ref()).is_none_or(|&r| r < acts::ACT_CUE_RATE)
        {
            continue;
        }
        // a capitalised form is a cue only as the verb of a title-case headline ("Mayor Says Pier Will Reopen")
        let capitalised = w.starts_with(char::is_uppercase) && k != range.start;
        let headline = capitalised && title_verb(doc, k, range.clone());
        if capitalised && !headline {
            continue;
        }
        if let Some(a) = &doc.tokens[k].analysis {
            let verb = matches!(a.upos(), "VERB" | "AUX")
                || mistagged_verb(doc, k, range.start)
                || (class == CueClass::Speech
                    && (inverted_form(doc, k, range.clone()) || final_form(doc, k, range.clone())));
            if !verb && !document && !headline {
                continue;
            }
            // a participle before the noun it modifies is an adjective: "758 pledged delegates", "the
            // so-called relationship"
            // (only after a word that opens a noun phrase: the parser also calls a verb after its subject
            // amod when it takes the object for the verb's noun, "white men supported Sanders")
            let opens_np = k > range.start
                && doc.tokens[k - 1].analysis.as_ref().is_some_and(|p| {
                    matches!(p.upos(), "DET" | "NUM" | "ADJ") || matches!(p.xpos(), "PRP$" | "POS" | "HYPH")
                });
            if a.deprel() == "amod" && a.head().is_some_and(|h| h > k) && opens_np {
                continue;
            }
        } else if w.ends_with('s') && k > range.start {
            // "the claims", "his remarks": a plural noun, not a verb
            let prev = doc.token_text(k - 1).to_lowercase();
            if matches!(
                prev.as_str(),
                "the"
                    | "a"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "these"
                    | "those"
                    | "such"
                    | "new"
                    | "any"
                    | "no"
                    | "of"
                    | "in"
                    | "and"
                    | "'s"
            ) || doc.token_norm(k - 1) == "'s"
            {
                continue;
            }
        }
        // A base form ("say", "plan", "state") is a verb only after a subject pronoun, a modal, or a plural
        // or proper noun: "officials say", "they plan", "will state" — not "secretary of state".
        if doc.tokens[k].analysis.is_none()
            && lex.cues.get(&w.to_lowercase()).is_some_and(|(_, lemma)| lemma == &w.to_lowercase())
        {
            let ok = k > range.start && {
                let p = doc.token_text(k - 1);
                let lp = p.to_lowercase();
                matches!(
                    lp.as_str(),
                    "they"
                        | "we"
                        | "i"
                        | "you"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "may"
                        | "might"
                        | "should"
                        | "must"
                        | "do"
                        | "does"
                        | "did"
                        | "not"
                        | "n't"
                        | "n’t"
                        | "also"
                        | "still"
                        | "often"
                        | "now"
                ) || (doc.tokens[k - 1].kind == TokenKind::Word
                    && (lp.ends_with('s') && lp.len() > 3 && !lp.ends_with("ss") || p.starts_with(char::is_uppercase))
                    && !matches!(lp.as_str(), "this" | "its" | "his" | "was" | "has" | "is" | "as" | "us" | "of"))
            };
            if !ok {
                continue;
            }
        }
        // "said" as an adjective or a passive participle ("it was said", "the said"): keep the active use.
        let mut first = k;
        while first > range.start && words().auxiliaries.contains(&doc.token_text(first - 1).to_lowercase().as_str()) {
            first -= 1;
        }
        if first < k
            && matches!(doc.token_text(k - 1).to_lowercase().as_str(), "is" | "are" | "was" | "were")
            && !w.ends_with("ing")
        {
            continue; // passive: "was told", "is believed" (hedges, not cues)
        }
        let mut end = k + 1;
        if class == CueClass::Act
            && end < range.end
            && matches!(doc.token_text(end), "for" | "on")
            && w.to_lowercase().starts_with("call")
        {
            end += 1;
        }
        // an act followed by a prepositional phrase of place or time did something, it said nothing:
        // "who called into the meeting", "decided over the last month" (not "calls into question")
        if class == CueClass::Act
            && end + 1 < range.end
            && end == k + 1
            && PLACE_TIME_PREPOSITIONS.contains(&doc.token_text(end))
            && doc.token_text(end + 1) != "question"
        {
            continue;
        }
        out.push(Cue { first, verb: k, end, class, according: false });
    }
    out
}
