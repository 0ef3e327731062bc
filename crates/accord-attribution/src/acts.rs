//! Attributed acts: a sentence whose subject is a named person, organisation or place (or a pronoun for
//! one) and whose main verb is not a speech cue still attributes what follows to that subject ("Cruz
//! thanked Trump for ...", "Britain long blocked any discussion of ..."), as PARC-style corpora such as
//! PolNeAR annotate. Verbs listed in `data/non_cues.txt` (copulas, possession, "declined to") never
//! count. Only sentences with no other attribution are considered.

use crate::phrases::np_left;
use crate::words::words;
use accord_doc::{Doc, EntityType, MentionKind, Span, TokenKind};
use accord_facts::lexicon::Lexicons;
use std::collections::HashSet;
use std::sync::OnceLock;

pub(crate) fn non_cues() -> &'static HashSet<String> {
    static S: OnceLock<HashSet<String>> = OnceLock::new();
    S.get_or_init(|| {
        accord_lexicon::data_lines(accord_lexicon::file("non_cues.txt")).map(|l| l.trim().to_lowercase()).collect()
    })
}

/// Lowest cue rate (times a cue / times seen, in PolNeAR train) for a verb to attribute an act.
pub const ACT_CUE_RATE: f32 = 0.2;

fn is_act_cue(form: &str, lex: &Lexicons) -> bool {
    lex.act_cues.get(form).is_some_and(|&r| r >= ACT_CUE_RATE)
}

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
        return a.upos() == "VERB"
            && (matches!(a.xpos(), "VBD" | "VBZ" | "VBP") || (after_aux && matches!(a.xpos(), "VBN" | "VBG" | "VB")));
    }
    let lw = w.to_lowercase();
    (lw.ends_with("ed") && lw.len() > 4)
        || (lw.ends_with('s') && !lw.ends_with("ss") && !lw.ends_with("us") && lw.len() > 3)
        || (after_aux && (lw.ends_with("ing") || lw.len() > 2))
}

/// Finds attributed acts in sentence `si` (tokens from `sstart`); returns (cue span, speaker span, content span).
pub fn find(doc: &Doc, sstart: usize, send: usize, lex: &Lexicons) -> Option<(Span, Span, Span)> {
    let mut a = sstart;
    while a < send && words().openers.contains(&doc.token_text(a)) {
        a += 1;
    }
    // the verb group after the subject: (aux) (not) (adverb) VERB
    for v in a + 1..send.min(a + 14) {
        let w = doc.token_text(v).to_lowercase();
        if matches!(w.as_str(), "," | "." | ";" | ":" | "that" | "who" | "which")
            || doc.tokens[v].kind == TokenKind::OpenQuote
        {
            return None;
        }
        let mut first = v;
        while first > a
            && (words().adverbs.contains(&doc.token_text(first - 1).to_lowercase().as_str())
                || doc.token_text(first - 1).ends_with("ly")
                || matches!(doc.token_norm(first - 1), "n't"))
        {
            first -= 1;
        }
        let after_aux =
            first < v || (first > a && words().adverbs.contains(&doc.token_text(first - 1).to_lowercase().as_str()));
        if !verbish(doc, v, after_aux) || non_cues().contains(&w) || lex.cue(&w).is_some() || !is_act_cue(&w, lex) {
            continue;
        }
        let (sa, sb) = np_left(doc, a, first, lex)?;
        if sa != a {
            return None;
        }
        let speaker = Span::new(doc.tokens[sa].span.start, doc.tokens[sb - 1].span.end);
        // mentions are sorted by start: those inside the speaker start in it
        let inside = doc.mentions.partition_point(|m| m.span.start < speaker.start)
            ..doc.mentions.partition_point(|m| m.span.start <= speaker.end);
        let actor = doc.mentions[inside].iter().any(|m| {
            speaker.contains(m.span)
                && m.span.end == speaker.end
                && match m.kind {
                    MentionKind::Name => matches!(
                        m.etype,
                        Some(EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Norp)
                    ),
                    MentionKind::Pronoun => matches!(doc.slice(m.span).to_lowercase().as_str(), "he" | "she" | "they"),
                    MentionKind::Nominal => true,
                }
        });
        if !actor {
            return None;
        }
        let mut c = v + 1;
        // particles belong to the cue: "railed against", "called for"
        if c < send && PARTICLES.contains(&doc.token_text(c)) {
            c += 1;
        }
        if c >= send || doc.tokens[c].kind == TokenKind::Punct && doc.tokens[c].kind != TokenKind::OpenQuote {
            return None;
        }
        // a prepositional phrase after the verb is where or how it was done, not what ("called into the
        // meeting")
        if doc.tokens[c].analysis.as_ref().is_some_and(|x| x.upos() == "ADP") {
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

/// Prepositions that belong to an act's verb ("railed against", "called for", "commented on").
const PARTICLES: &[&str] = &["against", "for", "on", "with", "to", "about", "out"];

/// Attributed acts read off the dependency parse: every verb whose nominal subject is an actor (a named
/// person, organisation or place, a personal pronoun, a source noun or an organisation noun) and that has
/// an object or complement after it. Returns (cue, speaker, content) spans; `taken` spans (existing
/// attributions) are not revisited.
pub fn find_parsed(doc: &Doc, si: usize, taken: &[Span], lex: &Lexicons) -> Vec<(Span, Span, Span)> {
    let s = &doc.sentences[si];
    let range = s.tokens.clone();
    let mut out = Vec::new();
    let Some(tree) = crate::tree::SentenceTree::new(doc, si) else { return out };
    let local = |k: usize| k - range.start;
    let subtree = |root: usize| tree.subtree(root);
    let quote_depth = {
        let mut d = Vec::with_capacity(range.len());
        let mut open = false;
        for k in range.clone() {
            match doc.tokens[k].kind {
                TokenKind::OpenQuote => open = true,
                TokenKind::CloseQuote => open = false,
                _ => {}
            }
            d.push(open);
        }
        d
    };
    for v in range.clone() {
        let a = doc.tokens[v].analysis.as_ref().unwrap();
        if a.upos() != "VERB" || quote_depth[local(v)] || non_cues().contains(a.lemma.as_ref()) {
            continue;
        }
        // lower-cased for verbs only (borrowed when already lower case)
        let form = accord_lexicon::lowercase(doc.token_text(v));
        if non_cues().contains(form.as_ref()) || !(is_act_cue(&form, lex) || lex.cue(&form).is_some()) {
            continue;
        }
        let vs = doc.tokens[v].span;
        if taken.iter().any(|t| t.contains(vs)) {
            continue;
        }
        let kids = &tree.children(v);
        // the passive with its agent: "The issue was first reported by The Washington Post" attributes the
        // subject to the agent
        let dep = |c: usize, rel: &str| doc.tokens[c].analysis.as_ref().is_some_and(|x| x.deprel() == rel);
        if let (Some(pass), Some(agent)) = (
            kids.iter().copied().find(|&c| c < v && dep(c, "nsubj:pass")),
            kids.iter().copied().find(|&c| c > v && dep(c, "obl:agent")),
        ) {
            let agent_ok =
                doc.tokens[agent].analysis.as_ref().is_some_and(|x| matches!(x.upos(), "NOUN" | "PROPN" | "PRON"));
            let (pa, pb) = subtree(pass);
            let (aa, ab) = subtree(agent);
            // the agent's own "by" belongs to the cue
            let by = (aa..agent).find(|&k| doc.token_norm(k).eq_ignore_ascii_case("by"));
            if let (true, Some(by)) = (agent_ok, by) {
                let mut first = v;
                while first > pb + 1
                    && doc.tokens[first - 1]
                        .analysis
                        .as_ref()
                        .is_some_and(|x| matches!(x.deprel(), "aux" | "aux:pass" | "advmod"))
                {
                    first -= 1;
                }
                let content =
                    Span::new(doc.tokens[pa].span.start, crate::trim_end(doc, doc.tokens[pa].span.start, pb + 1));
                let cue = Span::new(doc.tokens[first].span.start, doc.tokens[by].span.end);
                let speaker = Span::new(
                    doc.tokens[by + 1].span.start,
                    crate::trim_end(doc, doc.tokens[by + 1].span.start, ab + 1),
                );
                if !content.is_empty()
                    && !speaker.is_empty()
                    && !taken.iter().any(|t| t.overlap(content) * 2 > content.len())
                {
                    out.push((cue, speaker, content));
                }
            }
            continue;
        }
        let own = kids
            .iter()
            .copied()
            .find(|&c| doc.tokens[c].analysis.as_ref().is_some_and(|x| x.deprel() == "nsubj") && c < v);
        // a participle or coordinated verb shares its head's subject: "Trump, comparing him favorably to ..."
        let shared = || {
            let h = a.head().filter(|h| range.contains(h) && matches!(a.deprel(), "advcl" | "xcomp" | "conj"))?;
            tree.children(h)
                .iter()
                .copied()
                .find(|&c| doc.tokens[c].analysis.as_ref().is_some_and(|x| x.deprel() == "nsubj") && c < h)
        };
        let Some(first_subj) = own.or_else(shared) else { continue };
        // ("Tennis great Jane Roe remembered ...": the descriptor and the name parsed as two subjects are one
        // phrase, the name its head)
        let subj_holder = doc.tokens[first_subj].analysis.as_ref().and_then(|x| x.head()).unwrap_or(v);
        let (subj_lo, subj_hi, subj) = crate::subject::subject_phrase(doc, &tree, first_subj, subj_holder, v);
        let subj_word = doc.token_text(subj).to_lowercase();
        // "the Saudi government, which has strongly denied ...": a relative pronoun stands for the noun the
        // clause modifies
        let actor_token = if matches!(subj_word.as_str(), "who" | "which" | "that") && a.deprel().starts_with("acl") {
            a.head().filter(|h| range.contains(h)).unwrap_or(subj)
        } else {
            subj
        };
        let actor_word = doc.token_text(actor_token).to_lowercase();
        // a mention lies inside its sentence and is sorted by start: one holding the token starts between
        // the sentence's start and the token's
        let holding = doc.mentions.partition_point(|m| m.span.start < s.span.start)
            ..doc.mentions.partition_point(|m| m.span.start <= doc.tokens[actor_token].span.start);
        let actor = doc.mentions[holding].iter().any(|m| {
            m.span.contains(doc.tokens[actor_token].span)
                && match m.kind {
                    MentionKind::Name => !matches!(m.etype, Some(EntityType::Loc)),
                    MentionKind::Pronoun => true,
                    MentionKind::Nominal => true,
                }
        }) || matches!(actor_word.as_str(), "i" | "we")
            || words().actor_nouns.contains(&actor_word.as_str())
            || lex.source_nouns.contains_key(actor_word.as_str());
        if !actor {
            continue;
        }
        // the complement: objects and clauses after the verb
        let comps: Vec<usize> = kids
            .iter()
            .copied()
            .filter(|&c| {
                c > v
                    && doc.tokens[c]
                        .analysis
                        .as_ref()
                        .is_some_and(|x| matches!(x.deprel(), "obj" | "ccomp" | "xcomp" | "iobj" | "obl"))
            })
            .collect();
        if comps.is_empty() {
            continue;
        }
        let lo = comps.iter().map(|&c| subtree(c).0).min().unwrap().max(v + 1);
        let hi = comps.iter().map(|&c| subtree(c).1).max().unwrap();
        if lo > hi {
            continue;
        }
        // only a prepositional phrase of place, time or manner is no complement ("called into the meeting";
        // "called for calm", "railed against it" are)
        let only_obl = comps.iter().all(|&c| doc.tokens[c].analysis.as_ref().is_some_and(|x| x.deprel() == "obl"));
        if only_obl
            && doc.tokens[lo].analysis.as_ref().is_some_and(|x| x.upos() == "ADP")
            && !PARTICLES.iter().any(|p| doc.token_norm(lo).eq_ignore_ascii_case(p))
        {
            continue;
        }
        let content = Span::new(doc.tokens[lo].span.start, crate::trim_end(doc, doc.tokens[lo].span.start, hi + 1));
        if content.is_empty() || taken.iter().any(|t| t.overlap(content) * 2 > content.len()) {
            continue;
        }
        // the cue: the verb with its auxiliaries, negation and adverbs just before it, and a particle after
        let mut first = v;
        while first > range.start
            && doc.tokens[first - 1].analysis.as_ref().is_some_and(|x| {
                matches!(x.deprel(), "aux" | "advmod" | "neg")
                    || x.upos() == "PART" && doc.token_norm(first - 1) == "n't"
            })
        {
            first -= 1;
        }
        let mut last = v;
        while last + 1 < lo
            && doc.tokens[last + 1].analysis.as_ref().is_some_and(|x| x.deprel() == "compound:prt" || x.upos() == "ADP")
        {
            last += 1;
        }
        let speaker = Span::new(doc.tokens[subj_lo].span.start, doc.tokens[subj_hi].span.end);
        out.push((Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end), speaker, content));
    }
    out
}
