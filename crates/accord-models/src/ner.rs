//! Named-entity recogniser: a greedy averaged-perceptron BIO tagger over words, predicted tags, affixes,
//! shapes, neighbouring words and a country/nationality/city gazetteer (derived from CountryInfo, see
//! `data/gazetteer/countries.tsv`). Learns from GUM's `Entity=` mentions restricted to names
//! ([`crate::conllu::named_spans`]). Labels: `PER`, `ORG`, `GPE` (GUM `place`) and `MISC` (other named
//! things).

use crate::lex::{seq_hash, Lex};
use crate::perceptron::{Frozen, Trainer};
use crate::tagger::{argmax_f, PAD};
use crate::util::{h2, h3, BinReader, BinWriter, FastMap, Rng};

/// BIO classes, in class-id order.
pub const CLASSES: &[&str] = &["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-GPE", "I-GPE", "B-MISC", "I-MISC"];

/// Class id of a BIO label (unknown → `O`).
pub fn class_of(label: &str) -> u16 {
    CLASSES.iter().position(|c| *c == label).unwrap_or(0) as u16
}

/// The gazetteer shipped with accord (CC BY-SA 3.0, derived from CountryInfo by Philip A. Schrodt).
pub const GAZETTEER_TSV: &str = include_str!("../../../data/gazetteer/countries.tsv");

/// Lower-cased multiword gazetteer entries, keyed by [`seq_hash`] of their words' `lower` hashes.
#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: FastMap<u64, u8>,
    max_len: usize,
}

impl Gazetteer {
    /// Parses `name<TAB>kind` lines (`#` comments allowed).
    pub fn parse(tsv: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (name, kind) = line.split_once('\t').unwrap_or((line, "other"));
            let k = match kind {
                "country" => 1,
                "nationality" => 2,
                "city" => 3,
                _ => 4,
            };
            let words: Vec<u64> = name.split(' ').map(|w| Lex::new(w).lower).collect();
            g.max_len = g.max_len.max(words.len());
            g.entries.entry(seq_hash(words)).or_insert(k);
        }
        g
    }
    /// The shipped gazetteer.
    pub fn shipped() -> Gazetteer {
        Gazetteer::parse(GAZETTEER_TSV)
    }
    /// Marks each word: 0 outside any entry, else `kind * 2 + (0 first word | 1 later word)`.
    pub fn mark(&self, lex: &[Lex], out: &mut Vec<u8>) {
        out.clear();
        out.resize(lex.len(), 0);
        let mut i = 0;
        while i < lex.len() {
            let mut matched = 0;
            for len in (1..=self.max_len.min(lex.len() - i)).rev() {
                if let Some(&k) = self.entries.get(&seq_hash(lex[i..i + len].iter().map(|l| l.lower))) {
                    out[i] = k * 2;
                    for o in out.iter_mut().take(i + len).skip(i + 1) {
                        *o = k * 2 + 1;
                    }
                    matched = len;
                    break;
                }
            }
            i += matched.max(1);
        }
    }
}

/// Inputs of the recogniser for one sentence.
pub struct Input<'a> {
    /// Padded lexemes (see [`crate::tagger::pad`]).
    pub lp: &'a [Lex],
    /// Tag hashes per word (unpadded).
    pub tags: &'a [u64],
    /// Gazetteer marks per word (unpadded), with [`LOWER_ELSEWHERE`] or-ed in.
    pub gaz: &'a [u8],
    /// The sentence looks like a headline (see [`is_headline`]).
    pub headline: bool,
}

/// True when at least 60% of the words of a sentence of 3+ words are capitalised (a headline or title,
/// where capitals say little about names).
pub fn is_headline(lex: &[Lex]) -> bool {
    let n = lex.len();
    let titled = lex.iter().filter(|l| l.flags & crate::lex::F_TITLE != 0).count();
    n >= 3 && titled * 10 >= n * 6
}

/// Bit set in a gazetteer mark when the word's lower-cased form occurs in lower case elsewhere in the
/// document (a capitalised word that is also written in lower case is less likely a name).
pub const LOWER_ELSEWHERE: u8 = 0x80;

/// Lower-cased forms written in lower case somewhere in a document.
pub fn lower_forms(lex: &[Lex]) -> crate::util::FastMap<u64, ()> {
    lex.iter().filter(|l| l.flags & (crate::lex::F_TITLE | crate::lex::F_UPPER) == 0).map(|l| (l.lower, ())).collect()
}

/// Adds [`LOWER_ELSEWHERE`] to the marks of words whose lower-cased form is in `lower`.
pub fn mark_lower(lex: &[Lex], lower: &crate::util::FastMap<u64, ()>, gaz: &mut [u8]) {
    for (l, g) in lex.iter().zip(gaz.iter_mut()) {
        if l.flags & (crate::lex::F_TITLE | crate::lex::F_UPPER) != 0 && lower.contains_key(&l.lower) {
            *g |= LOWER_ELSEWHERE;
        }
    }
}

const OUT_T: u64 = 0x7A6;

fn features(inp: &Input, i: usize, p1: u16, p2: u16, out: &mut Vec<u64>) {
    out.clear();
    let n = inp.tags.len();
    let w = &inp.lp[i + PAD];
    let (m1, m2, n1, n2) = (&inp.lp[i + PAD - 1], &inp.lp[i + PAD - 2], &inp.lp[i + PAD + 1], &inp.lp[i + PAD + 2]);
    let t = |k: isize| if k < 0 || k as usize >= n { OUT_T } else { inp.tags[k as usize] };
    let g = |k: isize| if k < 0 || k as usize >= n { 0xFF } else { inp.gaz[k as usize] as u64 };
    let ii = i as isize;
    let (p1, p2) = (p1 as u64, p2 as u64);
    let headline = inp.headline as u64;
    out.extend_from_slice(&[
        1,
        h2(2, w.lower),
        h2(3, w.word),
        h2(4, w.shape),
        h2(5, w.suf[2]),
        h2(6, w.suf[1]),
        h2(7, w.pre[2]),
        h2(8, w.flags as u64),
        h2(9, m1.lower),
        h2(10, n1.lower),
        h2(11, m1.shape),
        h2(12, n1.shape),
        h2(13, m2.lower),
        h2(14, n2.lower),
        h2(15, t(ii)),
        h2(16, t(ii - 1)),
        h2(17, t(ii + 1)),
        h2(18, g(ii)),
        h2(19, g(ii - 1)),
        h2(20, g(ii + 1)),
        h2(21, p1),
        h3(22, p1, w.shape),
        h3(23, p1, w.lower),
        h3(24, p1, t(ii)),
        h3(25, p2, p1),
        h3(26, w.lower, n1.lower),
        h3(27, m1.lower, w.lower),
        h3(28, w.flags as u64, (i == 0) as u64),
        h3(29, t(ii), t(ii + 1)),
        h3(30, p1, m1.lower),
        h3(31, w.shape, n1.shape),
        h3(32, m1.shape, w.shape),
        h3(33, g(ii), t(ii)),
        h3(34, w.suf[3], t(ii)),
        h3(35, w.flags as u64, headline),
        h3(36, h2(w.shape, headline), t(ii)),
        h3(37, (g(ii) & 0x80) | (w.flags as u64) << 8, t(ii)),
    ]);
}

#[inline]
fn allowed(prev: u16, c: u16) -> bool {
    // I-X (even ids >= 2) must follow B-X or I-X of the same type.
    if c == 0 || c % 2 == 1 {
        return true;
    }
    prev == c || prev == c - 1
}

/// One training sentence for the recogniser.
pub struct NerExample {
    /// Lexemes (unpadded).
    pub lex: Vec<Lex>,
    /// Tag hashes.
    pub tags: Vec<u64>,
    /// Gold class ids.
    pub gold: Vec<u16>,
    /// Per word: lower-cased form written in lower case elsewhere in the document.
    pub lower_elsewhere: Vec<bool>,
}

/// A trained recogniser.
#[derive(Debug)]
pub struct Ner {
    model: Frozen,
    /// The gazetteer used for features.
    pub gazetteer: Gazetteer,
}

impl Ner {
    /// Trains the recogniser.
    pub fn train(data: &[NerExample], epochs: usize, seed: u64, log: &mut dyn FnMut(String)) -> Ner {
        let gazetteer = Gazetteer::shipped();
        let nc = CLASSES.len();
        let mut tr = Trainer::new(nc);
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut feats = Vec::with_capacity(48);
        let mut scores = vec![0f32; nc];
        let mut lp = Vec::new();
        let mut gaz = Vec::new();
        for epoch in 0..epochs {
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &si in &order {
                let ex = &data[si];
                crate::tagger::pad(&ex.lex, &mut lp);
                gazetteer.mark(&ex.lex, &mut gaz);
                for (g, &l) in gaz.iter_mut().zip(&ex.lower_elsewhere) {
                    if l {
                        *g |= LOWER_ELSEWHERE;
                    }
                }
                let inp = Input { lp: &lp, tags: &ex.tags, gaz: &gaz, headline: is_headline(&ex.lex) };
                let (mut p1, mut p2) = (0u16, 0u16);
                for i in 0..ex.lex.len() {
                    features(&inp, i, p1, p2, &mut feats);
                    scores.iter_mut().for_each(|s| *s = 0.0);
                    tr.score(&feats, &mut scores);
                    for c in 0..nc {
                        if !allowed(p1, c as u16) {
                            scores[c] = f32::MIN;
                        }
                    }
                    let g = argmax_f(&scores) as u16;
                    tr.update(&feats, ex.gold[i] as usize, g as usize);
                    tr.tick();
                    right += (g == ex.gold[i]) as usize;
                    total += 1;
                    p2 = p1;
                    p1 = g;
                }
            }
            log(format!("ner epoch {}: train token accuracy {:.2}%", epoch + 1, 100.0 * right as f64 / total.max(1) as f64));
        }
        Ner { model: tr.freeze(0.01), gazetteer }
    }

    /// Labels one sentence with class ids.
    pub fn tag(&self, inp: &Input, out: &mut Vec<u16>, feats: &mut Vec<u64>, scores: &mut Vec<i32>) {
        let nc = CLASSES.len();
        out.clear();
        scores.resize(nc, 0);
        let (mut p1, mut p2) = (0u16, 0u16);
        for i in 0..inp.tags.len() {
            features(inp, i, p1, p2, feats);
            scores.iter_mut().for_each(|s| *s = 0);
            self.model.score(feats, scores);
            let mut best = 0usize;
            for c in 1..nc {
                if allowed(p1, c as u16) && scores[c] > scores[best] {
                    best = c;
                }
            }
            out.push(best as u16);
            p2 = p1;
            p1 = best as u16;
        }
        let _ = p2;
    }

    /// Serialises.
    pub fn write(&self) -> Vec<u8> {
        let mut w = BinWriter::new("ner");
        w.strs(CLASSES);
        self.model.write(&mut w);
        w.buf
    }

    /// Reads a serialised recogniser.
    pub fn read(data: &[u8]) -> Result<Ner, String> {
        let mut r = BinReader::new(data, "ner")?;
        let classes = r.strs()?;
        if classes != CLASSES {
            return Err("unexpected class list".into());
        }
        Ok(Ner { model: Frozen::read(&mut r)?, gazetteer: Gazetteer::shipped() })
    }

    /// Number of stored weights.
    pub fn n_weights(&self) -> usize {
        self.model.n_weights()
    }
}

/// Spans `(start, end, type)` (word indices, end exclusive) from BIO class ids.
pub fn spans(classes: &[u16]) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < classes.len() {
        let c = classes[i];
        if c == 0 {
            i += 1;
            continue;
        }
        let ty = c.div_ceil(2); // 1 PER, 2 ORG, 3 GPE, 4 MISC
        let mut j = i + 1;
        while j < classes.len() && classes[j] == ty * 2 {
            j += 1;
        }
        out.push((i, j, ["", "PER", "ORG", "GPE", "MISC"][ty as usize]));
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn gazetteer_marks_multiword() {
        let g = Gazetteer::shipped();
        let lex: Vec<Lex> = ["in", "the", "United", "States", "and", "Israel"].iter().map(|w| Lex::new(w)).collect();
        let mut out = Vec::new();
        g.mark(&lex, &mut out);
        assert_eq!(out[2] % 2, 0);
        assert!(out[2] > 0 && out[3] == out[2] + 1);
        assert!(out[5] > 0);
        assert_eq!(out[0], 0);
    }
    #[test]
    fn bio_spans() {
        assert_eq!(spans(&[0, 1, 2, 0, 5]), vec![(1, 3, "PER"), (4, 5, "GPE")]);
    }
}
