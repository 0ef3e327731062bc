//! Step 4, floating quotes: a quotation sentence with no cue right after an attribution is credited to the
//! same speaker, with no cue.

use crate::quotes::Quote;
use accord_doc::{Attribution, Doc, QuoteType};

/// Quotation sentences with no cue, right after an attribution, take that attribution's speaker.
pub(crate) fn floating_quotes(doc: &Doc, quotes: &[Quote], used: &mut [bool], atts: &mut Vec<Attribution>) {
    let mut added = Vec::new();
    for (qi, q) in quotes.iter().enumerate() {
        if used[qi] || q.words < 4 {
            continue;
        }
        let si = doc.tokens[q.open].sentence;
        let s = &doc.sentences[si];
        // the quote opens its sentence and fills it
        if q.open != s.tokens.start || doc.in_credit(q.span) {
            continue;
        }
        let par = s.paragraph;
        // the latest attribution before it, in this paragraph or the one before
        let prev =
            atts.iter().filter(|a| a.content.end <= q.span.start && a.speaker.is_some()).max_by_key(|a| a.content.end);
        let Some(prev) = prev else { continue };
        let ppar = doc.sentences[prev.sentence].paragraph;
        if par > ppar + 1 {
            continue;
        }
        // no other quotation between them
        if quotes.iter().any(|o| o.span.start > prev.content.end && o.span.end < q.span.start && o.words >= 4) {
            continue;
        }
        used[qi] = true;
        added.push(Attribution {
            qtype: QuoteType::Direct,
            content: q.span,
            cue: None,
            speaker: prev.speaker,
            speaker_mention: None,
            speaker_entity: None,
            source: prev.source.clone(),
            sentence: si,
        });
    }
    atts.extend(added);
}
