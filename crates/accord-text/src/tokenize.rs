//! The tokenizer: whitespace-separated chunks, then leading/trailing punctuation, clitics, hyphens.

use crate::lexicon::{Abbrev, Lexicon};
use accord_doc::{Span, Sym, Token, TokenKind};

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '"'
            | '\''
            | '('
            | '['
            | '{'
            | '«'
            | '„'
            | '―'
            | '—'
            | '–'
            | '-'
            | '…'
            | '*'
            | '$'
            | '£'
            | '€'
            | '#'
            | '¿'
            | '¡'
            | '•'
            | '/'
    )
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        '”' | '’'
            | '"'
            | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '―'
            | '—'
            | '–'
            | '…'
            | '%'
            | '*'
            | '/'
    )
}

fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '"' | '\'' | '«' | '»' | '„')
}

/// The normalised form of a one-character punctuation token, if it differs.
fn punct_norm(c: char) -> Option<&'static str> {
    Some(match c {
        '“' | '”' | '„' | '«' | '»' => "\"",
        '‘' | '’' => "'",
        '…' => "...",
        _ => return None,
    })
}

/// Builds tokens for the text in `range` and appends them to `out` (sentence indices are set later).
pub fn tokenize_range(text: &str, range: Span, lex: &Lexicon, out: &mut Vec<Token>) {
    let slice = &text[range.start..range.end];
    let first_new = out.len();
    let mut quote_open = false; // parity of standalone straight double quotes in this range
    let mut chunk_start: Option<usize> = None;
    // A closing mark that opens a paragraph ("”Mr. Trump embodies ...") is a mistyped opening mark.
    let mut skip = 0;
    if slice.starts_with('”') && slice.len() > 3 {
        push(out, range.start, range.start + '”'.len_utf8(), TokenKind::OpenQuote, Some("\""));
        skip = '”'.len_utf8();
    }
    for (i, c) in slice.char_indices().skip_while(|&(i, _)| i < skip) {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                chunk(text, range.start + s, range.start + i, lex, &mut quote_open, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        chunk(text, range.start + s, range.end, lex, &mut quote_open, out);
    }
    // space_after: true when whitespace follows the token.
    for t in &mut out[first_new..] {
        t.space_after = text[t.span.end..].chars().next().is_some_and(char::is_whitespace);
    }
}

fn push(out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind, norm: Option<&'static str>) {
    if end > start {
        let norm = norm.map(Sym::new);
        out.push(Token { span: Span::new(start, end), kind, norm, space_after: false, sentence: 0, analysis: None });
    }
}

fn word_kind(s: &str) -> TokenKind {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => TokenKind::Number,
        Some(c) if c.is_alphanumeric() => TokenKind::Word,
        Some(_) if s.chars().any(char::is_alphanumeric) => TokenKind::Word,
        _ => TokenKind::Punct,
    }
}

fn looks_like_url(s: &str) -> bool {
    s.contains("://") || s.starts_with("www.") || (s.contains('@') && s.len() > 3 && !s.starts_with('@'))
}

/// Tokenizes one whitespace-free chunk `text[start..end]`.
fn chunk(text: &str, start: usize, end: usize, lex: &Lexicon, quote_open: &mut bool, out: &mut Vec<Token>) {
    let s = &text[start..end];
    // Leading punctuation.
    let mut a = start;
    while a < end {
        let c = text[a..end].chars().next().unwrap();
        let rest = &text[a + c.len_utf8()..end];
        if !is_open_punct(c) {
            break;
        }
        // Keep the sign of a number, an apostrophe of '90s, and "--" together.
        if c == '-' && rest.starts_with(|d: char| d.is_ascii_digit()) && a == start && rest.len() + 1 == s.len() {
            break;
        }
        if (c == '\'' || c == '’') && rest.len() >= 2 && rest.as_bytes()[0].is_ascii_digit() && rest.ends_with('s') {
            break;
        }
        if c == '$' || c == '£' || c == '€' || c == '#' {
            push(out, a, a + c.len_utf8(), TokenKind::Punct, None);
            a += c.len_utf8();
            continue;
        }
        if c == '-' && rest.starts_with('-') {
            push(out, a, a + 2, TokenKind::Punct, None);
            a += 2;
            continue;
        }
        if c == '\'' && rest.starts_with('\'') {
            // '' used as a double quotation mark
            push(out, a, a + 2, TokenKind::OpenQuote, Some("\""));
            a += 2;
            continue;
        }
        if c == '.' || c == '…' {
            break;
        }
        let kind = if is_quote(c) {
            if a + c.len_utf8() == end {
                // A standalone quote: decide by position in the text (straight quotes) or by shape.
                match c {
                    '“' | '‘' | '«' | '„' => TokenKind::OpenQuote,
                    '”' | '’' | '»' => TokenKind::CloseQuote,
                    _ => {
                        *quote_open = !*quote_open;
                        if *quote_open {
                            TokenKind::OpenQuote
                        } else {
                            TokenKind::CloseQuote
                        }
                    }
                }
            } else if c == '"' {
                *quote_open = true;
                TokenKind::OpenQuote
            } else {
                TokenKind::OpenQuote
            }
        } else {
            TokenKind::Punct
        };
        push(out, a, a + c.len_utf8(), kind, punct_norm(c));
        a += c.len_utf8();
    }
    if a >= end {
        return;
    }
    if looks_like_url(&text[a..end]) {
        let mut b = end;
        while b > a {
            let c = text[..b].chars().next_back().unwrap();
            if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '”' | '’' | '\'') {
                b -= c.len_utf8();
            } else {
                break;
            }
        }
        push(out, a, b, TokenKind::Word, None);
        trailing(text, b, end, out, quote_open);
        return;
    }
    // Trailing punctuation, scanned from the end; periods need the abbreviation check.
    let mut b = end;
    loop {
        if b <= a {
            break;
        }
        let c = text[a..b].chars().next_back().unwrap();
        let cl = c.len_utf8();
        if c == '.' {
            if text[a..b].ends_with("...") {
                b -= 3;
                continue;
            }
            let word = &text[a..b - 1];
            if keeps_period(word, lex) {
                break;
            }
            b -= 1;
            continue;
        }
        if c == '’' || c == '\'' {
            // A plural possessive (officials’) or a closing quote: both split off; ’s is a clitic below.
            b -= cl;
            continue;
        }
        if c == '-' && b - a > 1 && text[a..b - 1].ends_with('-') {
            b -= 2;
            continue;
        }
        if is_close_punct(c) && c != '/' {
            b -= cl;
            continue;
        }
        break;
    }
    middle(text, a, b, lex, out);
    trailing(text, b, end, out, quote_open);
}

/// Emits the trailing punctuation of a chunk, one token per mark (`...` and `--` as one).
fn trailing(text: &str, mut b: usize, end: usize, out: &mut Vec<Token>, quote_open: &mut bool) {
    while b < end {
        let rest = &text[b..end];
        if rest.starts_with("...") {
            push(out, b, b + 3, TokenKind::Punct, None);
            b += 3;
            continue;
        }
        if rest.starts_with("--") {
            push(out, b, b + 2, TokenKind::Punct, None);
            b += 2;
            continue;
        }
        if rest.starts_with("''") {
            push(out, b, b + 2, TokenKind::CloseQuote, Some("\""));
            b += 2;
            continue;
        }
        let c = rest.chars().next().unwrap();
        let kind = if is_quote(c) {
            if c == '"' {
                *quote_open = false;
            }
            TokenKind::CloseQuote
        } else {
            TokenKind::Punct
        };
        push(out, b, b + c.len_utf8(), kind, punct_norm(c));
        b += c.len_utf8();
    }
}

/// True when `word` followed by a period is one token (`Mr.`, `U.S.`, `J.`).
fn keeps_period(word: &str, lex: &Lexicon) -> bool {
    if word.is_empty() {
        return false;
    }
    if lex.abbreviation(word).is_some() {
        return true;
    }
    // the last part of a hyphenated word: "Staff-Insp.", "post-Sept."
    if let Some((_, last)) = word.rsplit_once('-') {
        if lex.abbreviation(last).is_some() {
            return true;
        }
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap();
    // A single capital letter: an initial.
    if first.is_uppercase() && chars.clone().next().is_none() {
        return true;
    }
    // Dotted initialisms: U.S, a.m, D.C
    word.contains('.')
        && word.split('.').all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

/// The abbreviation class of a token that ends in a period, for the sentence splitter.
pub(crate) fn abbreviation_of(tok: &str, lex: &Lexicon) -> Option<Abbrev> {
    let word = tok.strip_suffix('.')?;
    if word.is_empty() {
        return None;
    }
    if let Some(k) = lex.abbreviation(word) {
        return Some(k);
    }
    if let Some(k) = word.rsplit_once('-').and_then(|(_, last)| lex.abbreviation(last)) {
        return Some(k);
    }
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return Some(Abbrev::Title); // an initial: a name goes on
    }
    keeps_period(word, lex).then_some(Abbrev::Other)
}

const CLITICS: &[(&str, &str)] = &[
    ("n't", "n't"),
    ("n’t", "n't"),
    ("N'T", "n't"),
    ("N’T", "n't"),
    ("'s", "'s"),
    ("’s", "'s"),
    ("'S", "'s"),
    ("’S", "'s"),
    ("'re", "'re"),
    ("’re", "'re"),
    ("'ve", "'ve"),
    ("’ve", "'ve"),
    ("'ll", "'ll"),
    ("’ll", "'ll"),
    ("'d", "'d"),
    ("’d", "'d"),
    ("'m", "'m"),
    ("’m", "'m"),
];

/// Splits the core of a chunk: clitics at the end, then hyphens, slashes and dashes inside.
fn middle(text: &str, a: usize, b: usize, lex: &Lexicon, out: &mut Vec<Token>) {
    if a >= b {
        return;
    }
    let s = &text[a..b];
    // "cannot" is two words, as the treebanks write it: can|not
    if s.eq_ignore_ascii_case("cannot") {
        push(out, a, a + 3, TokenKind::Word, None);
        push(out, a + 3, b, TokenKind::Word, None);
        return;
    }
    for &(cl, norm) in CLITICS {
        if s.len() > cl.len() && s.ends_with(cl) {
            let stem_end = b - cl.len();
            // "n't" keeps its n with the clitic: do|n't, ca|n't
            inner(text, a, stem_end, lex, out);
            push(out, stem_end, b, TokenKind::Word, if norm == cl { None } else { Some(norm) });
            return;
        }
    }
    inner(text, a, b, lex, out);
}

/// Splits at internal hyphens (UD style), dashes, slashes and quotes; keeps numbers whole.
fn inner(text: &str, a: usize, b: usize, lex: &Lexicon, out: &mut Vec<Token>) {
    let s = &text[a..b];
    let mut piece = a;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let pos = a + i;
        let next = iter.peek().map(|&(_, d)| d);
        let prev = text[..pos].chars().next_back();
        let split_here = match c {
            '―' | '—' | '–' | '“' | '”' | '"' | '(' | ')' | '[' | ']' => true,
            '‘' => true,
            '-' => {
                let left = &text[piece..pos];
                let both_digits = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
                !both_digits && !left.is_empty() && next.is_some() && !lex.keeps_hyphen(left)
            }
            '/' => {
                let both_digits = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
                !both_digits && next.is_some()
            }
            ',' => next.is_some_and(|n| n.is_alphabetic()) && prev.is_some_and(|p| p.is_alphabetic()),
            _ => false,
        };
        if split_here {
            if pos > piece {
                let w = &text[piece..pos];
                push(out, piece, pos, word_kind(w), None);
            }
            let kind = match c {
                '“' | '‘' => TokenKind::OpenQuote,
                '”' => TokenKind::CloseQuote,
                '"' => {
                    if pos == a || prev.is_some_and(|p| !p.is_alphanumeric()) {
                        TokenKind::OpenQuote
                    } else {
                        TokenKind::CloseQuote
                    }
                }
                _ => TokenKind::Punct,
            };
            push(out, pos, pos + c.len_utf8(), kind, punct_norm(c));
            piece = pos + c.len_utf8();
        }
    }
    if b > piece {
        let w = &text[piece..b];
        push(out, piece, b, word_kind(w), None);
    }
}
