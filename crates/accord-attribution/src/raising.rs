//! Raising constructions: a verb whose grammatical subject is not the one who holds the view. A passive cue
//! with no agent ("Trump is expected to deliver a speech", "The deal was widely seen as a defeat") reports
//! a view of its subject held by someone unnamed; PARC-style corpora such as PolNeAR annotate the subject
//! as part of the content (around the cue) and name no source. The subject is the patient, never the
//! speaker.

use accord_doc::{Doc, Span};

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
    let first = tree.subtree(subject).0;
    (first >= doc.sentences[si].tokens.start).then(|| doc.tokens[first].span.start)
}
