//! Step 3, coordination: a chained cue ("added that A, but noted that B") shares its speaker and cuts the
//! content before it; a subject-less coordinated verb phrase (", but did not elaborate") or a trailing
//! attribution of its own (", a senior official told the AP") ends the content.

use crate::content::trim_end;
use crate::phrases::np_right;
use crate::words::words;
use accord_doc::{Doc, Span, TokenKind};
use accord_facts::lexicon::Lexicons;

/// Start of the connector before a chained cue: ", but noted" → the comma; "and added" → "and".
pub(crate) fn connector_start(doc: &Doc, cue_first: usize, floor: usize) -> usize {
    let mut k = cue_first;
    while k > floor
        && matches!(doc.token_text(k - 1).to_lowercase().as_str(), "but" | "and" | "," | "also" | "while" | "yet")
    {
        k -= 1;
    }
    k
}

/// Cuts a content span at a subject-less coordinated verb phrase (", but did not elaborate further").
pub(crate) fn cut_coordinated_vp(doc: &Doc, content: Span, lex: &Lexicons) -> Span {
    let a = doc.token_at_or_after(content.start);
    let b = doc.token_at_or_after(content.end);
    for k in a + 1..b.saturating_sub(1) {
        // the comma may close a quotation first: "has been “insufficient,” and reiterated ..."
        let quoted = k + 1 < b && doc.tokens[k + 1].kind == TokenKind::CloseQuote;
        let conj = k + 1 + quoted as usize;
        if doc.token_text(k) == ","
            && conj + 1 < b
            && matches!(doc.token_text(conj).to_lowercase().as_str(), "but" | "and")
        {
            let next = conj + 1;
            let w = doc.token_text(next).to_lowercase();
            let verbish = match &doc.tokens[next].analysis {
                Some(an) => matches!(an.upos(), "VERB" | "AUX") || (an.upos() == "ADV" && w != "there"),
                None => words().vp_starters.contains(&w.as_str()) || lex.cue(&w).is_some(),
            };
            // "saying Hamas had shifted the focus ..., and now planned to attack ...": a verb joined by "and"
            // to a verb of the content (by the parse) goes on with the content, unless it is the speaker's
            // own act ("and declined to comment", "and added")
            let verb = match &doc.tokens[next].analysis {
                Some(an) if an.upos() == "ADV" => an.head().unwrap_or(next),
                _ => next,
            };
            // (a finite cue or refusal: "and added", "and declined"; not a participle of the content's
            // passive: "had been plunged into ... and told to read ...")
            let own_act = |v: usize| {
                let w = doc.token_text(v).to_lowercase();
                let finite = doc.tokens[v].analysis.as_ref().is_none_or(|x| x.xpos() != "VBN");
                finite && (lex.cue(&w).is_some() || words().refusals.contains(&w.as_str()))
            };
            let inner = doc.token_text(conj).eq_ignore_ascii_case("and")
                && !own_act(verb)
                && doc.tokens[verb].analysis.as_ref().is_some_and(|an| {
                    an.deprel() == "conj"
                        && an.head().is_some_and(|h| {
                            (a..k).contains(&h) && doc.tokens[h].analysis.as_ref().is_some_and(|x| x.upos() == "VERB")
                        })
                });
            // (after a closing quotation mark only a finite verb of the speaker's: "“insufficient,” and
            // reiterated ...", not "“negotiable,” but only ..." nor "“way off,” and have been ...")
            let finite_verb = doc.tokens[next]
                .analysis
                .as_ref()
                .is_none_or(|an| an.upos() == "VERB" && matches!(an.xpos(), "VBD" | "VBZ" | "VBP"));
            if verbish && !inner && (!quoted || finite_verb) {
                return Span::new(content.start, trim_end(doc, content.start, if quoted { conj } else { k }));
            }
        }
    }
    content
}

/// Cuts a content span before a trailing attribution of its own: "..., a senior official told the AP."
/// or "..., according to a report." (the nested attribution is found from its own cue).
pub(crate) fn cut_trailing_attribution(doc: &Doc, content: Span, lex: &Lexicons) -> Span {
    let a = doc.token_at_or_after(content.start);
    let b = doc.token_at_or_after(content.end);
    for k in a + 1..b {
        if doc.token_text(k) != "," || k + 1 >= b {
            continue;
        }
        let next = doc.token_text(k + 1);
        if next.eq_ignore_ascii_case("according") && doc.token_text((k + 2).min(b - 1)) == "to" {
            return Span::new(content.start, trim_end(doc, content.start, k));
        }
        // ", CUE NP" ending the content ("..., reported Euro News."): an inverted attribution
        if lex.cue(next).is_some()
            && next.starts_with(char::is_lowercase)
            && np_right(doc, k + 2, b, lex).is_some_and(|(s, e)| s == k + 2 && b - e <= 1)
        {
            return Span::new(content.start, trim_end(doc, content.start, k));
        }
        // ", NP CUE" running to the end of the content
        if let Some((_, e)) = np_right(doc, k + 1, b, lex) {
            let mut c = e;
            while c < b && words().adverbs.contains(&doc.token_text(c).to_lowercase().as_str()) {
                c += 1;
            }
            if c < b
                && lex.cue(doc.token_text(c)).is_some()
                && doc.token_text(c).starts_with(char::is_lowercase)
                && (b - c) <= 6
            {
                return Span::new(content.start, trim_end(doc, content.start, k));
            }
        }
    }
    content
}
