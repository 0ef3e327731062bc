//! Step 4, floating quotes: a quotation sentence with no cue right after an attribution is credited to the
//! same speaker, with no cue.

use crate::quotes::Quote;
use accord_doc::{Attribution, Doc, QuoteType};

/// Quotation sentences with no cue, right after an attribution, take that attribution's speaker.
pub(crate) fn floating_quotes(doc: &Doc, quotes: &[Quote], used: &mut [bool], atts: &mut Vec<Attribution>) {
    let mut added = Vec::new();
    // the attributions with a speaker by where their content ends (ties: the later one), and per quotation
    // the number of long ones before it, so that each quotation looks up its predecessor instead of
    // scanning them all
    let mut ends: Vec<(usize, usize)> =
        atts.iter().enumerate().filter(|(_, a)| a.speaker.is_some()).map(|(i, a)| (a.content.end, i)).collect();
    ends.sort_unstable();
    let long_before: Vec<usize> = std::iter::once(0)
        .chain(quotes.iter().scan(0, |n, q| {
            *n += (q.words >= 4) as usize;
            Some(*n)
        }))
        .collect();
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
        // a quoted transcript turn names its own speaker ("“PENCE: Well, ...”"): not the previous one's
        let caps = |k: usize| {
            let w = doc.token_text(k);
            w.chars().count() > 1 && w.chars().all(|c| c.is_uppercase() || c == '.')
        };
        if (q.open + 2..q.close.min(q.open + 5)).any(|c| doc.token_text(c) == ":" && (q.open + 1..c).all(caps)) {
            continue;
        }
        let par = s.paragraph;
        // the latest attribution before it, in this paragraph or the one before
        let before = ends.partition_point(|&(e, _)| e <= q.span.start);
        let Some(&(_, prev)) = before.checked_sub(1).and_then(|i| ends.get(i)) else { continue };
        let prev = &atts[prev];
        let ppar = doc.sentences[prev.sentence].paragraph;
        if par > ppar + 1 {
            continue;
        }
        // no other quotation between them
        let from = quotes.partition_point(|o| o.span.start <= prev.content.end);
        let to = quotes.partition_point(|o| o.span.end < q.span.start).max(from);
        if long_before[to] > long_before[from] {
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
