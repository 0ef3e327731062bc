//! The sentence splitter: decides, at each sentence-final mark, whether a new sentence starts.

use crate::lexicon::{Abbrev, Lexicon};
use crate::tokenize::abbreviation_of;
use accord_doc::{Sentence, Span, Token, TokenKind};

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Splits `tokens[first..]` (one paragraph) into sentences, appending to `out` and setting each token's
/// `sentence` index.
pub fn split(text: &str, tokens: &mut [Token], first: usize, paragraph: usize, lex: &Lexicon, out: &mut Vec<Sentence>) {
    let n = tokens.len();
    if first >= n {
        return;
    }
    let mut start = first;
    let mut i = first;
    while i < n {
        let t = tokens[i].span.slice(text);
        let mut boundary_after: Option<usize> = None; // last token index of the sentence
        let terminal = crate::is_terminal(t) || t.ends_with('!') || t.ends_with('?');
        let abbrev = if t.ends_with('.') && t.len() > 1 { abbreviation_of(t, lex) } else { None };
        if terminal || abbrev.is_some() {
            // absorb closing quotes and brackets that stick to the mark
            let mut j = i;
            while j + 1 < n
                && (tokens[j + 1].kind == TokenKind::CloseQuote || matches!(tokens[j + 1].span.slice(text), ")" | "]"))
                && tokens[j + 1].span.start == tokens[j].span.end
            {
                j += 1;
            }
            if j + 1 >= n {
                boundary_after = Some(j);
            } else {
                let gap = &text[tokens[j].span.end..tokens[j + 1].span.start];
                let next = tokens[j + 1].span.slice(text);
                let next_kind = tokens[j + 1].kind;
                let after_next = tokens.get(j + 2).map(|t| t.span.slice(text)).unwrap_or("");
                let opens = starts_upper(next)
                    || next_kind == TokenKind::OpenQuote
                    || matches!(next, "(" | "[")
                    || (matches!(next, "-" | "—" | "–" | "--") && starts_upper(after_next));
                // "MIAMI, FLA. (WSVN) - An overnight ...": a dateline's outlet in brackets after the place
                let outlet_after = next == "("
                    && tokens.get(j + 3).is_some_and(|t| t.span.slice(text) == ")")
                    && tokens.get(j + 4).is_some_and(|t| matches!(t.span.slice(text), "-" | "—" | "–" | "--"))
                    && (2..=8).contains(&after_next.len())
                    && after_next.chars().all(|c| c.is_ascii_uppercase() || c == '-');
                let split = !gap.is_empty()
                    && opens
                    && !outlet_after
                    && match abbrev {
                        None => true,
                        Some(Abbrev::Title) => false,
                        Some(Abbrev::Month) => !next.starts_with(|c: char| c.is_ascii_digit()),
                        Some(Abbrev::Other) => lex.is_opener(next) || gap.contains('\n'),
                    };
                if split {
                    boundary_after = Some(j);
                }
            }
            if boundary_after.is_none() {
                i = j;
            }
        } else if i + 1 < n {
            // A line break after a short line without final punctuation (a heading, a caption) also ends it.
            let gap = &text[tokens[i].span.end..tokens[i + 1].span.start];
            if gap.contains('\n') {
                let line_start = text[..tokens[start].span.start].rfind('\n').map_or(0, |p| p + 1);
                let line_len = tokens[i].span.end - line_start;
                if line_len < 70 || t == ":" {
                    boundary_after = Some(i);
                }
            }
        }
        if let Some(j) = boundary_after {
            push_bounded(text, tokens, start, j + 1, paragraph, out);
            start = j + 1;
            i = j + 1;
        } else {
            i += 1;
        }
    }
    if start < n {
        push_bounded(text, tokens, start, n, paragraph, out);
    }
}

/// Most tokens in one sentence. Longer runs without a sentence end (a list, a text whose punctuation was
/// stripped) are cut at clause boundaries into pieces of at most this many tokens, so that the models and
/// every per-sentence rule downstream see bounded input whatever the text looks like: time stays linear
/// in the text and memory bounded. Written text stays far below it (the longest sentence of UD English
/// EWT and GUM train, and of PolNeAR, is shorter), so ordinary articles are split exactly as before.
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// Words that open a clause: a run too long for one sentence may be cut before them (a weaker boundary
/// than punctuation).
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "or", "nor", "yet", "so", "while", "whereas", "because", "although", "though", "unless", "since",
    "which", "who", "where", "when",
];

/// How good a cut just before token `k` is: after a semicolon 4, after a colon 3, after a comma or a dash
/// 2, before a clause-opening word 1, elsewhere 0.
fn cut_strength(text: &str, tokens: &[Token], k: usize) -> u8 {
    match tokens[k - 1].span.slice(text) {
        ";" => 4,
        ":" => 3,
        "," | "—" | "–" | "--" => 2,
        _ if tokens[k].kind == TokenKind::Word && CLAUSE_OPENERS.contains(&tokens[k].span.slice(text)) => 1,
        _ => 0,
    }
}

/// Pushes the sentence `tokens[a..b]`, cut into pieces of at most [`MAX_SENTENCE_TOKENS`] tokens when it
/// is longer: each piece ends at the strongest clause boundary in the second half of its allowed length
/// (the latest of equal strength), so the pieces stay long and the cuts fall where clauses meet.
fn push_bounded(text: &str, tokens: &mut [Token], mut a: usize, b: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    while b - a > MAX_SENTENCE_TOKENS {
        let lo = a + MAX_SENTENCE_TOKENS / 2;
        let hi = a + MAX_SENTENCE_TOKENS;
        // the cut goes before token `k`: `tokens[a..k]` is the piece
        let mut best = (0u8, hi);
        for k in (lo..=hi).rev() {
            let s = cut_strength(text, tokens, k);
            if s > best.0 {
                best = (s, k);
                if s == 4 {
                    break;
                }
            }
        }
        push_sentence(tokens, a, best.1, paragraph, out);
        a = best.1;
    }
    push_sentence(tokens, a, b, paragraph, out);
}

fn push_sentence(tokens: &mut [Token], a: usize, b: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let idx = out.len();
    for t in &mut tokens[a..b] {
        t.sentence = idx;
    }
    out.push(Sentence { span: Span::new(tokens[a].span.start, tokens[b - 1].span.end), tokens: a..b, paragraph });
}
