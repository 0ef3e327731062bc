//! Non-statements: patterns that look like speech but report none, dropped after the attributions are
//! built. The words are in `data/attribution_words.tsv` (lists `refusals`, `negations`,
//! `open_questions`, `anonymity_cues`, `anonymity_marks`, `discourse_idioms`).
//!
//! - a refusal: "declined to comment", "refused to say what ..." (the cue after a refusal verb, or the
//!   refusal verb itself taken as the cue);
//! - a negated cue before an open question: "did not say how many ...", "would not say whether ...";
//! - over a content with no verb, a negated answer ("did not respond to a request for comment"), a cue
//!   under "neither ... nor" ("would neither confirm nor deny the report"), a scoop ("was the first to
//!   report on the letter"); an act not done: "has yet to comment"; a negated answer over a phrase
//!   ("did not respond to emailed questions about ...", "could not comment further on the case since
//!   ...", "nor can I comment"), and a content that only reports such a refusal ("saying he could not
//!   comment further");
//! - the terms of a source: "asked not to be named", "asked that his name be withheld", "spoke on
//!   condition of anonymity";
//! - a fixed expression: "That said, ...", "Needless to say, ...";
//! - an e-mail address as the content (a byline's contact line).

use crate::words::words;
use accord_doc::{Attribution, Doc, TokenKind};
use std::borrow::Cow;

/// Lower-case text of token `i`, with a typographic apostrophe made plain (borrowed when the text is
/// ASCII without capitals: most words).
fn lower(doc: &Doc, i: usize) -> Cow<'_, str> {
    let t = doc.token_text(i);
    if t.is_ascii() {
        accord_lexicon::lowercase(t)
    } else {
        Cow::Owned(t.to_lowercase().replace('’', "'"))
    }
}

fn is_word(doc: &Doc, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Word
}

/// True when `a` reports no statement (see the module documentation).
pub(crate) fn is_non_statement(doc: &Doc, a: &Attribution) -> bool {
    if email_content(doc, a) {
        return true;
    }
    let Some(cue) = a.cue else { return false };
    if cue.is_empty() || doc.tokens.is_empty() {
        return false;
    }
    let w = words();
    let first = doc.token_at_or_after(cue.start);
    let last = doc.token_at_or_after(cue.end).saturating_sub(1).max(first);
    if first >= doc.tokens.len() {
        return false;
    }
    let last = last.min(doc.tokens.len() - 1);
    let sentence_start = doc.sentences.get(doc.sentence_at(cue.start)).map_or(0, |s| s.tokens.start);
    let verb = lower(doc, last);
    let content_first = doc.token_at_or_after(a.content.start);
    // the words of the content (lower-cased only where looked at)
    let content_words =
        || (content_first..doc.token_at_or_after(a.content.end)).filter(|&i| i < doc.tokens.len() && is_word(doc, i));
    let first_content_word = content_words().next().map(|i| lower(doc, i));
    let first_content_word = first_content_word.as_deref();
    // the refusal verb itself as the cue: "refused to ..."
    if w.refusals.contains(&verb.as_ref()) && first_content_word == Some("to") {
        return true;
    }
    // "Asked whether the talks would continue, Leavitt declined to answer.": the question put to someone
    // who then refused to answer it (a participle opening the sentence, a refusal after the content)
    let opens = first == sentence_start || (first == sentence_start + 1 && lower(doc, sentence_start) == "when");
    if opens && verb == "asked" {
        let sentence_end = doc.sentences.get(doc.sentence_at(cue.start)).map_or(0, |s| s.tokens.end);
        if (last + 1..sentence_end).any(|i| w.refusals.contains(&lower(doc, i).as_ref())) {
            return true;
        }
    }
    // the words before the cue, over adverbs: "declined to say", "would not say", "don't say"
    let mut before: Vec<Cow<str>> = Vec::new();
    let mut k = first;
    while k > sentence_start && before.len() < 4 {
        k -= 1;
        if !is_word(doc, k) {
            break;
        }
        before.push(lower(doc, k));
    }
    let negation = |t: &str| w.negations.contains(&t) || t.ends_with("n't") || t == "cannot";
    // "declined to say"; an answer or a question not given: "has yet to comment", "failed to say when"
    if before.first().is_some_and(|t| t == "to") {
        let prior = before.get(1).map_or("", |t| t.as_ref());
        let question = first_content_word.is_some_and(|c| w.open_questions.contains(&c));
        if w.refusals.contains(&prior)
            || (w.unfulfilled.contains(&prior) && (question || w.answer_verbs.contains(&verb.as_ref())))
        {
            return true;
        }
    }
    let auxiliaries = &w.auxiliaries;
    // "nor can I comment": an inverted auxiliary's pronoun subject stands between it and the cue
    let inverted = before.len() >= 2
        && w.subject_pronouns.contains(&before[0].as_ref())
        && auxiliaries.contains(&before[1].as_ref());
    let skip = usize::from(inverted);
    // the negations, auxiliaries and adverbs right before the cue
    let modifiers = || {
        before
            .iter()
            .skip(skip)
            .take_while(|t| negation(t) || auxiliaries.contains(&t.as_ref()) || w.adverbs.contains(&t.as_ref()))
    };
    let negated = modifiers().any(|t| negation(t)) || (first..last).any(|i| negation(&lower(doc, i)));
    if negated && first_content_word.is_some_and(|c| w.open_questions.contains(&c)) {
        return true;
    }
    // over a content with no verb: a negated answer ("did not respond to a request for comment", "would not
    // comment on the case"), a cue under "neither ... nor" ("would neither confirm nor deny the report"),
    // a scoop ("was the first to report on the letter")
    let answer = negated && w.answer_verbs.contains(&verb.as_ref());
    let neither = modifiers().any(|t| t == "neither" || t == "nor");
    let scoop = w.scoop_verbs.contains(&verb.as_ref())
        && before.first().is_some_and(|t| t == "to")
        && before.get(1).is_some_and(|t| t == "first");
    if (answer || neither || scoop) && content_without_verb(doc, a) {
        return true;
    }
    // "could not comment further on the case since ...": a negated answer whose content opens with an
    // adverb or a preposition, not a clause
    if answer
        && content_first < doc.tokens.len()
        && doc.tokens[content_first].analysis.as_ref().is_some_and(|x| matches!(x.upos(), "ADV" | "ADP"))
    {
        return true;
    }
    // "saying he could not comment further": a content that only reports a refusal to answer
    if refusal_content(doc, a, &negation) {
        return true;
    }
    // the terms of a source, in a short content or in the clause before the content's first comma (a
    // relative clause whose content ran on: "One, who asked not to be named, said ...")
    if w.anonymity_cues.contains(&verb.as_ref()) {
        let mark = |i: usize| w.anonymity_marks.contains(&lower(doc, i).as_ref());
        let short = content_words().count() <= 12;
        let clause = || {
            (content_first..doc.token_at_or_after(a.content.end).min(doc.tokens.len()))
                .take_while(|&i| doc.token_text(i) != ",")
                .filter(|&i| is_word(doc, i))
        };
        if (short && content_words().any(mark)) || (clause().count() <= 12 && clause().any(mark)) {
            return true;
        }
    }
    // a fixed expression holding the cue verb: "That said," at the start of a sentence or before a comma
    for idiom in &w.discourse_idioms {
        let parts: Vec<&str> = idiom.split('_').collect();
        for (j, part) in parts.iter().enumerate() {
            if *part != verb || last < j {
                continue;
            }
            let start = last - j;
            let end = start + parts.len();
            if start < sentence_start || end > doc.tokens.len() {
                continue;
            }
            if !(start..end).zip(&parts).all(|(i, p)| lower(doc, i) == *p) {
                continue;
            }
            let opens = start == sentence_start || !is_word(doc, start - 1);
            let comma = end < doc.tokens.len() && doc.token_text(end) == ",";
            if opens || comma {
                return true;
            }
        }
    }
    false
}

/// "That said, the talks will resume, officials said": a fixed expression holding a speech verb that opens
/// the content, with its comma, is the writer's transition, no part of what was said.
pub(crate) fn drop_idiom_opener(doc: &Doc, a: &mut Attribution) {
    let first = doc.token_at_or_after(a.content.start);
    let end = doc.token_at_or_after(a.content.end).min(doc.tokens.len());
    for idiom in &words().discourse_idioms {
        let parts: Vec<&str> = idiom.split('_').collect();
        let comma = first + parts.len();
        if comma + 1 < end
            && doc.token_text(comma) == ","
            && (first..comma).zip(&parts).all(|(i, p)| lower(doc, i) == *p)
        {
            a.content.start = doc.tokens[comma + 1].span.start;
            return;
        }
    }
}

/// True when the content is a refusal to answer and nothing more: a short subject, a negation, and an
/// answer verb with no clause of its own after it ("he could not comment further on the case", "she
/// would not elaborate").
fn refusal_content(doc: &Doc, a: &Attribution, negation: &dyn Fn(&str) -> bool) -> bool {
    let w = words();
    let first = doc.token_at_or_after(a.content.start);
    let end = doc.token_at_or_after(a.content.end).min(doc.tokens.len());
    // the content's first verb, within its first six tokens
    let Some(v) =
        (first..end.min(first + 6)).find(|&i| doc.tokens[i].analysis.as_ref().is_some_and(|x| x.upos() == "VERB"))
    else {
        return false;
    };
    let verb = lower(doc, v);
    if !w.answer_verbs.contains(&verb.as_ref()) {
        return false;
    }
    // before it only a short subject, auxiliaries, adverbs and the negation (not a passive: "will not be
    // disclosed"; not a second verb phrase: "sought sanctuary in Russia and never returned")
    let plain_before = (first..v).all(|i| {
        doc.tokens[i].analysis.as_ref().is_some_and(|x| {
            matches!(x.upos(), "PRON" | "PROPN" | "DET" | "NOUN" | "AUX" | "PART" | "ADV") && x.lemma != "be"
        })
    });
    let negated = plain_before && (first..v).any(|i| negation(&lower(doc, i)));
    // what follows the verb is an adverb or a phrase, not a clause of what was said
    let rest_plain = (v + 1..end).take_while(|&i| doc.token_text(i) != ",").all(|i| {
        !is_word(doc, i)
            || doc.tokens[i].analysis.as_ref().is_some_and(|x| !matches!(x.upos(), "VERB" | "AUX" | "SCONJ"))
    });
    let rest_opens_plainly = v + 1 >= end
        || doc.tokens[v + 1].analysis.as_ref().is_some_and(|x| matches!(x.upos(), "ADV" | "ADP" | "PUNCT"));
    negated && (rest_plain || rest_opens_plainly)
}

/// True when every word of the content is analysed and none is a verb or an auxiliary (a noun phrase or a
/// prepositional phrase: no statement). False without analyses.
fn content_without_verb(doc: &Doc, a: &Attribution) -> bool {
    let first = doc.token_at_or_after(a.content.start);
    let end = doc.token_at_or_after(a.content.end).min(doc.tokens.len());
    let mut words = 0;
    for i in first..end {
        if !is_word(doc, i) {
            continue;
        }
        let Some(an) = doc.tokens[i].analysis.as_ref() else { return false };
        if matches!(an.upos(), "VERB" | "AUX") {
            return false;
        }
        words += 1;
    }
    words > 0
}

/// An e-mail address with little else as the content.
fn email_content(doc: &Doc, a: &Attribution) -> bool {
    let text = doc.slice(a.content);
    // no address without an @ (one fast scan instead of one per word)
    if !text.contains('@') {
        return false;
    }
    let mut address = false;
    let mut other = 0;
    for piece in text.split_whitespace() {
        let p = piece.trim_matches(|c: char| !c.is_alphanumeric());
        if p.contains('@') && p.rsplit('@').next().is_some_and(|d| d.contains('.')) {
            address = true;
        } else if p.chars().any(char::is_alphanumeric) {
            other += 1;
        }
    }
    address && other < 3
}
