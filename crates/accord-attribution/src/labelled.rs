//! Step 6, labelled statements: "Pence: ..." (headlines, transcripts) and quotations signed "― NAME".

use crate::content::{make, trim_end};
use crate::phrases::np_right;
use crate::quotes::Quote;
use accord_doc::{Attribution, Doc, Span, TokenKind};
use accord_facts::lexicon::Lexicons;

/// Statements labelled with their source: "Pence: Flowers Won’t Be at Debate" (headlines, transcripts)
/// Most sentences a labelled transcript turn runs on over (a bound: a text without paragraph breaks would
/// otherwise give every labelled line the rest of the text).
const MAX_TURN_SENTENCES: usize = 40;

/// and "“...” ― Sonya Herridge" (a quotation signed after a dash). The colon or dash is the cue.
pub(crate) fn labelled_statements(
    doc: &Doc,
    quotes: &[Quote],
    used: &mut [bool],
    atts: &mut Vec<Attribution>,
    lex: &Lexicons,
) {
    let n = doc.tokens.len();
    // per sentence, where its first attribution's cue starts
    let mut first_cue: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for at in atts.iter() {
        let c = at.cue.map_or(at.content.start, |c| c.start);
        first_cue.entry(at.sentence).and_modify(|f| *f = c.min(*f)).or_insert(c);
    }
    for si in 0..doc.sentences.len() {
        let s = &doc.sentences[si];
        if doc.credits.iter().any(|c| !matches!(c.kind, "headline" | "dateline") && c.span.overlap(s.span) > 0) {
            continue;
        }
        // skip a dateline ("EXCLUSIVE –", "WASHINGTON (AP) —") and an opening straight quote of a transcript
        // line: "WALLACE: ...
        let mut a = crate::story_start(doc, si);
        if a < s.tokens.end && doc.tokens[a].kind == TokenKind::OpenQuote {
            a += 1;
        }
        // and a kicker in capitals before a dash: "EXCLUSIVE – Roger Stone: ..."
        if a + 2 < s.tokens.end
            && matches!(doc.token_text(a + 1), "–" | "—" | "-" | "--")
            && doc.token_text(a).chars().count() > 1
            && doc.token_text(a).chars().all(|c| c.is_uppercase())
        {
            a += 2;
        }
        // the label: up to three words, or a name and whom or where it speaks to ("Clinton to Planned
        // Parenthood: ...", "Former AG Mukasey at RNC: ...", words in capitals after the preposition)
        let Some(colon) = (a + 1..s.tokens.end.min(a + 10)).find(|&k| doc.token_text(k) == ":") else { continue };
        let addressee = (a + 1..colon).find(|&k| matches!(doc.token_text(k), "to" | "at" | "on"));
        // (a line of its own: the paragraph's first sentence)
        let opens_paragraph = si == 0 || doc.sentences[si - 1].paragraph != s.paragraph;
        let label_end = match addressee {
            Some(p)
                if p <= a + 4
                    && opens_paragraph
                    && (p + 1..colon).all(|k| {
                        doc.tokens[k].kind == TokenKind::Word && doc.token_text(k).starts_with(char::is_uppercase)
                    }) =>
            {
                p
            }
            _ if colon <= a + 3 => colon,
            _ => continue,
        };
        // an attribution of the sentence found before stands, unless it lies inside what the label
        // introduces ("Obama: Americans Will Say No to Trump")
        if first_cue.get(&si).is_some_and(|&c| c < doc.tokens[colon].span.end) {
            continue;
        }
        let name_ok = (a..label_end)
            .all(|k| doc.tokens[k].kind == TokenKind::Word && doc.token_text(k).starts_with(char::is_uppercase))
            && !lex.credit_labels.iter().any(|(l, _)| l.eq_ignore_ascii_case(doc.token_text(a)))
            && !matches!(
                doc.token_text(a),
                "Update"
                    | "UPDATE"
                    | "Note"
                    | "NOTE"
                    | "Editor"
                    | "Watch"
                    | "WATCH"
                    | "Read"
                    | "Related"
                    | "RELATED"
                    | "Q"
                    | "A"
            );
        // a label of common words only is a topic or a heading ("Our Standards: ...", "CONTACT: ..."), not a
        // source; nouns of sources and acting groups speak ("Police: ...", "Insiders: ...")
        let common = (a..label_end).all(|k| {
            let w = accord_lexicon::lowercase(doc.token_text(k));
            accord_lexicon::usually_lower(&w)
                && !crate::words::words().actor_nouns.contains(&w.as_ref())
                && !lex.source_nouns.contains_key(w.as_ref())
        });
        // a label names someone: it ends in a noun or a name ("The Latest: ..." is a column's name)
        let nominal = doc.tokens[label_end - 1].analysis.as_ref().is_none_or(|t| matches!(t.upos(), "NOUN" | "PROPN"));
        let words_after = (colon + 1..s.tokens.end).filter(|&k| doc.tokens[k].kind == TokenKind::Word).count();
        // what a label introduces opens as a sentence does ("Dynasties: in-depth reporting on ..." is a
        // heading and its description)
        let opens = colon + 1 < s.tokens.end
            && (doc.tokens[colon + 1].kind == TokenKind::OpenQuote
                || !doc.token_text(colon + 1).starts_with(char::is_lowercase));
        if !name_ok || common || !nominal || !opens || words_after < 4 {
            continue;
        }
        let start = colon + 1;
        let mut content =
            Span::new(doc.tokens[start].span.start, trim_end(doc, doc.tokens[start].span.start, s.tokens.end));
        // a transcript turn runs on over the sentences of its paragraph
        let mut k = si + 1;
        while k < doc.sentences.len() && doc.sentences[k].paragraph == s.paragraph && k - si <= MAX_TURN_SENTENCES {
            content =
                content.cover(Span::new(content.start, trim_end(doc, content.start, doc.sentences[k].tokens.end)));
            k += 1;
        }
        let speaker = Span::new(doc.tokens[a].span.start, doc.tokens[label_end - 1].span.end);
        atts.push(make(doc, content, Some(doc.tokens[colon].span), Some(speaker), si, quotes));
    }
    for (qi, q) in quotes.iter().enumerate() {
        let d = q.close + 1;
        if used[qi] || d + 1 >= n || !matches!(doc.token_text(d), "―" | "—" | "–" | "-" | "--") {
            continue;
        }
        let sent_end = doc.sentences[doc.tokens[d + 1].sentence].tokens.end;
        let Some((sa, sb)) = np_right(doc, d + 1, sent_end.min(d + 8), lex) else { continue };
        if !doc.token_text(sa).starts_with(char::is_uppercase)
            || doc.tokens[sa].sentence != doc.tokens[d].sentence
                && doc.sentences[doc.tokens[sa].sentence].paragraph != doc.sentences[doc.tokens[d].sentence].paragraph
        {
            continue;
        }
        used[qi] = true;
        let speaker = Span::new(doc.tokens[sa].span.start, doc.tokens[sb - 1].span.end);
        atts.push(make(doc, q.span, Some(doc.tokens[d].span), Some(speaker), doc.tokens[q.open].sentence, quotes));
    }
}
