//! Per-word hashed lexical features, computed once per token and shared by every model.

use crate::util::{fmix, h2};

/// Hashes describing one word form. All fields are precomputed so feature templates only combine `u64`s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lex {
    /// The form as written.
    pub word: u64,
    /// Lower-cased form.
    pub lower: u64,
    /// Shape (`Xxxx`, `dd`, `X.X.`; runs longer than 3 collapsed).
    pub shape: u64,
    /// Lower-cased prefixes of 1, 2 and 3 characters.
    pub pre: [u64; 3],
    /// Lower-cased suffixes of 1 to 4 characters.
    pub suf: [u64; 4],
    /// Bit flags: see the `F_*` constants.
    pub flags: u32,
}

/// First character is upper case.
pub const F_TITLE: u32 = 1;
/// All letters upper case (and at least one letter).
pub const F_UPPER: u32 = 2;
/// Contains a digit.
pub const F_DIGIT: u32 = 4;
/// Contains a hyphen.
pub const F_HYPHEN: u32 = 8;
/// No letters or digits at all.
pub const F_PUNCT: u32 = 16;

const SEED: u64 = 0x1234_5678_9abc_def1;

#[inline]
fn step(h: u64, c: char) -> u64 {
    (h ^ c as u64).wrapping_mul(0x0100_0000_01b3)
}

impl Lex {
    /// Sentinel used for positions before the sentence start.
    pub fn start() -> Lex {
        Lex::sentinel(0xA11CE)
    }
    /// Sentinel used for positions after the sentence end.
    pub fn end() -> Lex {
        Lex::sentinel(0xE4D)
    }
    /// Sentinel for the parser's root token.
    pub fn root() -> Lex {
        Lex::sentinel(0x500F)
    }
    fn sentinel(k: u64) -> Lex {
        let h = fmix(k);
        Lex { word: h, lower: h, shape: h, pre: [h; 3], suf: [h; 4], flags: 0 }
    }

    /// Computes the hashes of a form without allocating (forms longer than 64 chars hash their first 64
    /// lower-cased characters for affixes).
    pub fn new(form: &str) -> Lex {
        let mut word = SEED;
        let mut lower = SEED;
        let mut shape = SEED;
        let mut lc = ['\0'; 64];
        let mut n = 0usize;
        let (mut letters, mut uppers, mut digits, mut hyphen) = (0, 0, 0, false);
        let mut title = false;
        let mut last_cls = '\0';
        let mut run = 0;
        for (k, c) in form.chars().enumerate() {
            word = step(word, c);
            let cls = if c.is_uppercase() {
                uppers += 1;
                letters += 1;
                if k == 0 {
                    title = true;
                }
                'X'
            } else if c.is_alphabetic() {
                letters += 1;
                'x'
            } else if c.is_ascii_digit() {
                digits += 1;
                'd'
            } else {
                if c == '-' {
                    hyphen = true;
                }
                c
            };
            if cls == last_cls {
                run += 1;
            } else {
                run = 1;
                last_cls = cls;
            }
            if run <= 3 {
                shape = step(shape, cls);
            }
            // an ASCII letter's lower case is its ASCII lower case (no case-mapping iterator per letter)
            let l = if c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                let mut low = c.to_lowercase();
                if let (Some(a), None) = (low.next(), low.next()) {
                    a
                } else {
                    c
                }
            };
            lower = step(lower, l);
            if n < 64 {
                lc[n] = l;
                n += 1;
            }
        }
        let mut pre = [0u64; 3];
        let mut h = SEED ^ 0x77;
        for k in 0..3 {
            if k < n {
                h = step(h, lc[k]);
            }
            pre[k] = fmix(h ^ (k as u64 + 1) << 56);
        }
        let mut suf = [0u64; 4];
        for k in 0..4 {
            let len = (k + 1).min(n);
            let mut h = SEED ^ 0x99;
            for &c in &lc[n - len..n] {
                h = step(h, c);
            }
            suf[k] = fmix(h ^ (k as u64 + 1) << 56);
        }
        let mut flags = 0;
        if title {
            flags |= F_TITLE;
        }
        if letters > 0 && uppers == letters {
            flags |= F_UPPER;
        }
        if digits > 0 {
            flags |= F_DIGIT;
        }
        if hyphen {
            flags |= F_HYPHEN;
        }
        if letters == 0 && digits == 0 {
            flags |= F_PUNCT;
        }
        Lex { word: fmix(word), lower: fmix(lower ^ 1), shape: fmix(shape ^ 2), pre, suf, flags }
    }
}

/// Hash of a lower-cased word sequence (for gazetteer look-ups): combine the `lower` hashes in order.
pub fn seq_hash(lowers: impl IntoIterator<Item = u64>) -> u64 {
    lowers.into_iter().fold(0xFEED, h2)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn lower_and_case() {
        let a = Lex::new("Obama");
        let b = Lex::new("obama");
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.word, b.word);
        assert_ne!(a.shape, b.shape);
        assert_eq!(a.suf, b.suf);
        assert!(a.flags & F_TITLE != 0);
        assert_eq!(Lex::new("US").flags & F_UPPER, F_UPPER);
    }
}
