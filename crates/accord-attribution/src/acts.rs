//! Attributed acts: a sentence whose subject is a named person, organisation or place (or a pronoun for
//! one) and whose main verb is not a speech cue still attributes what follows to that subject ("Cruz
//! thanked Trump for ...", "Britain long blocked any discussion of ..."), as PARC-style corpora such as
//! PolNeAR annotate. Verbs listed in `data/non_cues.txt` (copulas, possession, "declined to") never
//! count. Only sentences with no other attribution are considered.

use crate::phrases::{np_left, ADVERBS};
use accord_doc::{Doc, EntityType, MentionKind, Span, TokenKind};
use accord_facts::lexicon::Lexicons;
use std::collections::HashSet;
use std::sync::OnceLock;

fn non_cues() -> &'static HashSet<String> {
    static S: OnceLock<HashSet<String>> = OnceLock::new();
    S.get_or_init(|| accord_text::lexicon_lines(include_str!("../../../data/non_cues.txt")).map(|l| l.trim().to_lowercase()).collect())
}

const OPENERS: &[&str] = &["But", "And", "However", "Meanwhile", "Still", "Yet", "So", "Now", ","];

/// True when token `k` looks like a finite or participial verb.
fn verbish(doc: &Doc, k: usize, after_aux: bool) -> bool {
    let t = &doc.tokens[k];
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = doc.token_text(k);
    if !w.starts_with(char::is_lowercase) {
        return false;
    }
    if let Some(a) = &t.analysis {
        return a.upos == "VERB" && (matches!(a.xpos, "VBD" | "VBZ" | "VBP") || (after_aux && matches!(a.xpos, "VBN" | "VBG" | "VB")));
    }
    let lw = w.to_lowercase();
    (lw.ends_with("ed") && lw.len() > 4) || (lw.ends_with('s') && !lw.ends_with("ss") && !lw.ends_with("us") && lw.len() > 3) || (after_aux && (lw.ends_with("ing") || lw.len() > 2))
}

/// Finds attributed acts in sentence `si` (tokens from `sstart`); returns (cue span, speaker span, content span).
pub fn find(doc: &Doc, sstart: usize, send: usize, lex: &Lexicons) -> Option<(Span, Span, Span)> {
    let mut a = sstart;
    while a < send && OPENERS.contains(&doc.token_text(a)) {
        a += 1;
    }
    // the verb group after the subject: (aux) (not) (adverb) VERB
    for v in a + 1..send.min(a + 14) {
        let w = doc.token_text(v).to_lowercase();
        if matches!(w.as_str(), "," | "." | ";" | ":" | "that" | "who" | "which") || doc.tokens[v].kind == TokenKind::OpenQuote {
            return None;
        }
        let mut first = v;
        while first > a && (ADVERBS.contains(&doc.token_text(first - 1).to_lowercase().as_str()) || doc.token_text(first - 1).ends_with("ly") || matches!(doc.token_norm(first - 1), "n't")) {
            first -= 1;
        }
        let after_aux = first < v || (first > a && ADVERBS.contains(&doc.token_text(first - 1).to_lowercase().as_str()));
        if !verbish(doc, v, after_aux) || non_cues().contains(&w) || lex.cue(&w).is_some() {
            continue;
        }
        let (sa, sb) = np_left(doc, a, first, lex)?;
        if sa != a {
            return None;
        }
        let speaker = Span::new(doc.tokens[sa].span.start, doc.tokens[sb - 1].span.end);
        let actor = doc.mentions.iter().any(|m| {
            speaker.contains(m.span)
                && m.span.end == speaker.end
                && match m.kind {
                    MentionKind::Name => matches!(m.etype, Some(EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Norp)),
                    MentionKind::Pronoun => matches!(doc.slice(m.span).to_lowercase().as_str(), "he" | "she" | "they"),
                    MentionKind::Nominal => true,
                }
        });
        if !actor {
            return None;
        }
        let mut c = v + 1;
        // particles belong to the cue: "railed against", "called for"
        if c < send && matches!(doc.token_text(c), "against" | "for" | "on" | "with" | "to" | "about" | "out") {
            c += 1;
        }
        if c >= send || doc.tokens[c].kind == TokenKind::Punct && doc.tokens[c].kind != TokenKind::OpenQuote {
            return None;
        }
        let cue = Span::new(doc.tokens[first].span.start, doc.tokens[c - 1].span.end);
        let start = doc.tokens[c].span.start;
        let end = crate::trim_end(doc, start, send);
        if end <= start {
            return None;
        }
        return Some((cue, speaker, Span::new(start, end)));
    }
    None
}
