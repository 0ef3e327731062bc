//! # accord-text
//!
//! The first analysis stage: splits a [`Doc`]'s text into paragraphs, tokens and sentences, as standoff
//! spans over the untouched text. Normalisation never rewrites the text: a token's normalised form
//! (curly quotes → straight, `’s` → `'s`, `…` → `...`) lives beside its span in [`Token::norm`], so every
//! token maps back to its exact characters (the `NormalizedString` idea of Hugging Face `tokenizers`).
//!
//! Tokenisation follows Universal Dependencies English conventions so the models trained on UD treebanks
//! see familiar tokens: possessive `'s` and `n't` are split off, hyphenated compounds are split at the
//! hyphen (except after prefixes such as `non-`, listed in `data/hyphen_prefixes.txt`), abbreviations
//! listed in `data/abbreviations.txt` (`Mr.`, `Oct.`) and dotted initialisms (`U.S.`) keep their period.
//!
//! Position in the flow: `Doc::new(text)` → **segment** → models → credits → entities → attribution →
//! dates → quantities.

mod sentences;
mod tokenize;

pub use accord_lexicon::data_lines as lexicon_lines;
pub use accord_lexicon::text as lexicon;
pub use accord_lexicon::text::{Abbrev, Lexicon};
pub use sentences::MAX_SENTENCE_TOKENS;
pub use tokenize::tokenize_range;

pub use accord_lexicon::lowercase;

use accord_doc::{Doc, FnStage, Span, StageInfo, Token};

/// The `segment` stage: paragraphs, tokens and sentences from the text.
pub const SEGMENT_INFO: StageInfo = StageInfo {
    name: "segment",
    reads: &["text"],
    adds: &["paragraphs", "tokens", "sentences"],
    about: "splits the text into paragraphs, tokens (UD conventions, alignment kept) and sentences",
};

/// The `segment` stage ([`segment`] over each document).
pub static SEGMENT: FnStage = FnStage::new(&SEGMENT_INFO, segment);

/// Adds paragraphs, tokens and sentences to `doc`. Runs in time linear in the text length.
pub fn segment(doc: &mut Doc) {
    let lex = Lexicon::get();
    let text = doc.text.as_str();
    let paragraphs = paragraphs(text);
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut sentences = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let first = tokens.len();
        tokenize_range(text, *p, lex, &mut tokens);
        sentences::split(text, &mut tokens, first, pi, lex, &mut sentences);
    }
    doc.paragraphs = paragraphs;
    doc.tokens = tokens;
    doc.sentences = sentences;
}

/// Paragraph spans: blocks of text separated by blank lines, trimmed of surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None; // first non-space byte of the current block
    let mut last_non_space = 0usize; // end of the last non-space char
    let mut line_blank = true;
    let mut newlines_in_gap = 0;
    for (b, c) in text.char_indices() {
        if c == '\n' {
            newlines_in_gap = if line_blank { newlines_in_gap + 1 } else { 1 };
            line_blank = true;
            if newlines_in_gap >= 2 {
                if let Some(s) = start.take() {
                    out.push(Span::new(s, last_non_space));
                }
            }
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        line_blank = false;
        newlines_in_gap = 0;
        if start.is_none() {
            start = Some(b);
        }
        last_non_space = b + c.len_utf8();
    }
    if let Some(s) = start {
        out.push(Span::new(s, last_non_space));
    }
    out
}

/// True when a token's text is sentence-final punctuation.
pub fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | "..." | "?!" | "!?")
}

#[cfg(test)]
mod tests;
