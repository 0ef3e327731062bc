//! Quotation spans: pairs of opening and closing marks, across sentences and, by the news convention of
//! re-opening a quote at each new paragraph without closing the previous one, across paragraphs.
//! Unbalanced marks never fail: an unclosed quote ends at its paragraph's end.

use accord_doc::{Doc, Span, TokenKind};

/// One quotation in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or of the last token when the quote is unclosed.
    pub close: usize,
    /// From the opening mark to the closing mark, inclusive.
    pub span: Span,
    /// Number of word tokens inside.
    pub words: usize,
}

fn family(doc: &Doc, i: usize) -> u8 {
    match doc.token_text(i) {
        "‘" | "’" | "'" => 1,
        "''" => 0,
        _ => 0,
    }
}

/// Finds all quotations in `doc`, in text order.
pub fn find(doc: &Doc) -> Vec<Quote> {
    let mut out = Vec::new();
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let t = &doc.tokens[i];
        if t.kind != TokenKind::OpenQuote || family(doc, i) == 1 && !single_quotes_used(doc, i) {
            i += 1;
            continue;
        }
        let fam = family(doc, i);
        let mut par = doc.sentences[t.sentence].paragraph;
        let mut j = i + 1;
        let mut close = None;
        let mut last_in_par = i;
        while j < n {
            let tj = &doc.tokens[j];
            let pj = doc.sentences[tj.sentence].paragraph;
            if pj != par {
                // paragraph changed while open: continue only if the new paragraph opens with the same mark
                if tj.kind == TokenKind::OpenQuote && doc.token_text(j) == doc.token_text(i) {
                    par = pj;
                    last_in_par = j;
                    j += 1;
                    continue;
                }
                break;
            }
            if tj.kind == TokenKind::CloseQuote && family(doc, j) == fam {
                close = Some(j);
                break;
            }
            if tj.kind == TokenKind::OpenQuote && family(doc, j) == fam && fam == 0 {
                // a new opening mark before a close: the previous quote was unbalanced
                break;
            }
            last_in_par = j;
            j += 1;
        }
        let c = close.unwrap_or(last_in_par);
        if c > i {
            let words = (i..=c).filter(|&k| doc.tokens[k].kind == TokenKind::Word).count();
            out.push(Quote { open: i, close: c, span: Span::new(t.span.start, doc.tokens[c].span.end), words });
        }
        i = c.max(i) + 1;
    }
    out
}

/// True when single quotes act as quotation marks here (a ‘ that opens within a short distance of a ’
/// followed by a non-letter), as in British style.
fn single_quotes_used(doc: &Doc, i: usize) -> bool {
    doc.token_text(i) == "‘"
}

// Quotes come in text order and do not nest, so both marks are sorted: binary search.
pub(crate) fn quote_starting_at(quotes: &[Quote], tok: usize) -> Option<&Quote> {
    let i = quotes.partition_point(|q| q.open < tok);
    quotes.get(i).filter(|q| q.open == tok)
}

pub(crate) fn quote_ending_at(quotes: &[Quote], tok: usize) -> Option<&Quote> {
    let i = quotes.partition_point(|q| q.close < tok);
    quotes.get(i).filter(|q| q.close == tok)
}
