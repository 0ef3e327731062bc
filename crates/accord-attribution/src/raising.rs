//! Raising constructions: a verb whose grammatical subject is not the one who holds the view. A passive cue
//! with no agent ("Trump is expected to deliver a speech", "The deal was widely seen as a defeat") reports
//! a view of its subject held by someone unnamed; PARC-style corpora such as PolNeAR annotate the subject
//! as part of the content (around the cue) and name no source. The subject is the patient, never the
//! speaker.
//!
//! Evidential stances: a raising verb of appearance (`seem`, `appear`: `evidential_verbs` in
//! `data/attribution_words.tsv`) presents its clause as how things look to someone, most often the writer
//! ("The senator seemed to be shrinking in stature", "Her supporters appear unperturbed", "It appears that
//! the game was not boring"). PolNeAR marks it with that verb as the cue and no source; the content is the
//! subject with the complement, read here as the span from the subject to the complement's end, or the
//! clause after an expletive "it". The one it looks so to, when named ("To the professor, ...", "more
//! credible to the public", "understated by public counts"), is the speaker. Left alone: a verb inside a
//! quotation or an attribution found earlier, a complement that is itself a cue ("seemed to blame ...",
//! which is the subject's act), a relative pronoun as the subject, and any content that would overlap an
//! attribution already found.

use crate::words::words;
use accord_doc::{Doc, Span};
use accord_facts::lexicon::Lexicons;

/// "Trump is expected to deliver a speech", "The deal was seen as a defeat": a passive verb with no agent
/// raises its subject too, and nobody named holds the view. For a content found after such a verb (token
/// `v`), the start of its passive subject, which the content then takes in; None when the verb has an
/// agent, its subject is a relative pronoun, or it is no passive.
pub(crate) fn passive_subject_start(doc: &Doc, si: usize, v: usize, content: Span) -> Option<usize> {
    let a = doc.tokens[v].analysis.as_ref()?;
    if a.xpos() != "VBN" || doc.tokens[v].span.end > content.start {
        return None;
    }
    let tree = crate::tree::SentenceTree::new(doc, si)?;
    let rel = |k: usize| doc.tokens[k].analysis.as_ref().map_or("", |x| x.deprel());
    let kids = tree.children(v);
    // a passive auxiliary ("is", "was being") and no agent ("by ...")
    if !kids.iter().any(|&c| rel(c) == "aux:pass") || kids.iter().any(|&c| rel(c) == "obl:agent") {
        return None;
    }
    let subject = kids.iter().copied().find(|&c| c < v && rel(c) == "nsubj:pass")?;
    if matches!(accord_text::lowercase(doc.token_text(subject)).as_ref(), "who" | "which" | "that" | "whom") {
        return None;
    }
    // the subject's phrase, after a dateline ("LISBON (Reuters) - X was named ...") if the parse took it in
    let first = tree.subtree(subject).0.max(crate::story_start(doc, si));
    (first >= doc.sentences[si].tokens.start && first < v).then(|| doc.tokens[first].span.start)
}

/// Evidential stances in sentence `si`: (cue, the one things look so to, if named, content) spans. `quoted` flags the tokens inside quotations;
/// `taken` holds the spans (contents and cues) of the attributions already found that reach into the
/// sentence.
pub(crate) fn evidential(
    doc: &Doc,
    si: usize,
    quoted: &[bool],
    taken: &[Span],
    lex: &Lexicons,
) -> Vec<(Span, Option<Span>, Span)> {
    let mut out = Vec::new();
    let range = doc.sentences[si].tokens.clone();
    let verbs = &words().evidential_verbs;
    // most sentences have no such verb: look before building the tree
    let is_evidential = |k: usize| {
        doc.tokens[k]
            .analysis
            .as_ref()
            .is_some_and(|a| a.upos() == "VERB" && verbs.contains(&accord_text::lowercase(&a.lemma).as_ref()))
    };
    // (every word analysed, so that `an` below cannot fail)
    if !range.clone().any(is_evidential) || range.clone().any(|k| doc.tokens[k].analysis.is_none()) {
        return out;
    }
    let Some(tree) = crate::tree::SentenceTree::new(doc, si) else { return out };
    let an = |k: usize| doc.tokens[k].analysis.as_ref().unwrap();
    for v in range.clone() {
        if !is_evidential(v) || quoted[v] {
            continue;
        }
        let vs = doc.tokens[v].span;
        if taken.iter().any(|t| t.contains(vs)) {
            continue;
        }
        let kids = tree.children(v);
        let subject = kids.iter().copied().find(|&c| c < v && matches!(an(c).deprel(), "nsubj" | "expl"));
        let Some(subject) = subject else { continue };
        let expletive = an(subject).deprel() == "expl";
        // the raised clause: "to be shrinking", "unperturbed", "likely to stand"; after "it", "that ..."
        let wanted: &[&str] = if expletive { &["ccomp"] } else { &["xcomp"] };
        let Some(comp) = kids.iter().copied().find(|&c| c > v && wanted.contains(&an(c).deprel())) else { continue };
        // a complement that is itself a cue is attributed to the subject ("seemed to blame the network")
        let comp_form = accord_text::lowercase(doc.token_text(comp));
        if lex.cue(&comp_form).is_some()
            || lex.act_cues.get(comp_form.as_ref()).is_some_and(|&r| r >= crate::acts::ACT_CUE_RATE)
        {
            continue;
        }
        let subject_word = accord_text::lowercase(doc.token_text(subject));
        if matches!(subject_word.as_ref(), "who" | "which" | "that" | "whom" | "whose") {
            continue;
        }
        let (ca, cb) = tree.subtree(comp);
        let first = if expletive { ca } else { tree.subtree(subject).0 };
        if first < range.start || cb < v {
            continue;
        }
        // the one things look so to: "To the professor, X seemed ...", "more credible to the public", or
        // the agent of a passive complement ("appears to be understated by public counts")
        let speaker = [v, comp].into_iter().find_map(|h| {
            tree.children(h).iter().copied().find_map(|o| {
                let rel = an(o).deprel();
                let case = tree.children(o).first().copied().filter(|&c| an(c).deprel() == "case")?;
                let ok = matches!(an(o).upos(), "NOUN" | "PROPN" | "PRON")
                    && (rel == "obl" && doc.token_text(case).eq_ignore_ascii_case("to")
                        || rel == "obl:agent" && h == comp && doc.token_text(case).eq_ignore_ascii_case("by"));
                ok.then(|| (case + 1, tree.subtree(o).1))
            })
        });
        let mut first = first;
        if let Some((sa, sb)) = speaker {
            // a speaker at the front ("To the professor, ...") is not part of the content
            if sa <= first + 1 && sb >= first {
                first = sb + 1;
                while first < cb && doc.tokens[first].kind == accord_doc::TokenKind::Punct {
                    first += 1;
                }
            }
        }
        let speaker = speaker.map(|(sa, sb)| {
            Span::new(doc.tokens[sa].span.start, crate::trim_end(doc, doc.tokens[sa].span.start, sb + 1))
        });
        let start = doc.tokens[first].span.start;
        let content = Span::new(start, crate::trim_end(doc, start, cb + 1));
        if content.is_empty() || taken.iter().any(|t| t.overlap(content) > 0) {
            continue;
        }
        // the cue: the verb with the auxiliaries, negation and adverbs right before it ("can seem", "often
        // seems")
        let mut cue_first = v;
        while cue_first > range.start
            && cue_first - 1 > subject
            && matches!(an(cue_first - 1).deprel(), "aux" | "advmod")
            && doc.tokens[cue_first - 1].analysis.as_ref().and_then(|a| a.head()) == Some(v)
        {
            cue_first -= 1;
        }
        out.push((Span::new(doc.tokens[cue_first].span.start, vs.end), speaker, content));
    }
    out
}
