//! Greedy left-to-right averaged-perceptron tagger predicting UPOS and PTB XPOS jointly (one class per
//! observed `UPOS/XPOS` pair), after Collins (2002) and Honnibal's "A good POS tagger in 200 lines".
//! Frequent unambiguous words are tagged from a tag dictionary without scoring.

use crate::lex::Lex;
use crate::perceptron::{Frozen, Trainer, Uses};
use crate::util::{h2, h3, BinReader, BinWriter, FastMap, Rng};

/// A trained tagger.
#[derive(Debug)]
pub struct Tagger {
    /// Class inventory: `(UPOS, XPOS)` pairs.
    pub classes: Vec<(String, String)>,
    tagdict: FastMap<u64, u16>,
    /// Per lower-cased form: hash of the set of classes seen with it in training (ambiguity class; only
    /// for words seen at least `AMB_MIN_COUNT` times) with the case profile in the low three bits.
    amb: FastMap<u64, u64>,
    model: Frozen,
    /// Second pass: same features plus the first pass's tags of the next two words (bidirectional
    /// context), trained on jackknifed first-pass tags.
    model2: Option<Frozen>,
    /// Both passes in one table (see [`Frozen::concat`]): the tag-independent features of a word are
    /// probed once and give both passes' partial scores.
    both: Option<Frozen>,
}

const END_TAG: u64 = 0xFFFF_0002;
/// A word whose first-pass tag beats every other by at least this much (in weight units, about 28,000
/// score units of the shipped tagger) skips the second pass. On EWT and GUM dev this skips the second
/// pass for about 60 % of the scored words and changes the tag of 1 in 14,000: the second pass revises
/// about 4 % of the tags, almost all with a smaller first-pass margin.
pub const SURE_MARGIN: f32 = 40.0;

/// Marks a word without a dictionary tag while tagging.
const NO_TAG: u16 = u16::MAX;

/// Extra second-pass features: first-pass tags `r1`, `r2` of the next two words.
fn features2(lp: &[Lex], i: usize, t1: Option<u16>, r1: Option<u16>, r2: Option<u16>, out: &mut Vec<u64>) {
    let w = &lp[i + PAD];
    let (r1, r2) = (r1.map(|t| t as u64).unwrap_or(END_TAG), r2.map(|t| t as u64).unwrap_or(END_TAG));
    let t1 = tag_id(t1);
    out.extend_from_slice(&[
        h2(50, r1),
        h2(51, r2),
        h3(52, r1, r2),
        h3(53, t1, r1),
        h3(54, r1, w.lower),
        h3(55, r1, w.suf[2]),
        h3(56, h2(t1, r1), w.shape),
    ]);
}

/// Minimum frequency of a word for its ambiguity class to be used.
const AMB_MIN_COUNT: u32 = 5;
const UNK_AMB: u64 = 0xA3B1_0000_0005;
const PAD_AMB: u64 = 0xA3B1_0000_0017;

fn fill_amb(amb: &FastMap<u64, u64>, lex: &[Lex], out: &mut Vec<u64>) {
    out.clear();
    out.push(PAD_AMB);
    out.push(PAD_AMB);
    out.extend(lex.iter().map(|l| *amb.get(&l.lower).unwrap_or(&UNK_AMB)));
    out.push(PAD_AMB);
    out.push(PAD_AMB);
}

/// Padding on each side of the sentence in the padded lexeme buffer.
pub const PAD: usize = 2;

/// Builds the padded lexeme buffer the tagger and the recogniser read (`PAD` sentinels either side).
pub fn pad(lex: &[Lex], out: &mut Vec<Lex>) {
    out.clear();
    out.push(Lex::start());
    out.push(Lex::start());
    out.extend_from_slice(lex);
    out.push(Lex::end());
    out.push(Lex::end());
}

const START_TAG: u64 = 0xFFFF_0001;

#[inline]
fn tag_id(t: Option<u16>) -> u64 {
    t.map(|t| t as u64).unwrap_or(START_TAG)
}

/// Features of word `i` (unpadded index) given the padded buffer and the two previous tags.
pub fn features(lp: &[Lex], amb: &[u64], i: usize, p1: Option<u16>, p2: Option<u16>, out: &mut Vec<u64>) {
    out.clear();
    static_features(lp, amb, i, out);
    tag_features(lp, amb, i, p1, p2, out);
}

/// The features of word `i` that do not depend on the previous tags (appended to `out`).
fn static_features(lp: &[Lex], amb: &[u64], i: usize, out: &mut Vec<u64>) {
    let w = &lp[i + PAD];
    let (m1, m2, n1, n2) = (&lp[i + PAD - 1], &lp[i + PAD - 2], &lp[i + PAD + 1], &lp[i + PAD + 2]);
    out.extend_from_slice(&[
        1,
        h2(2, w.lower),
        h2(3, w.word),
        h2(4, w.suf[0]),
        h2(5, w.suf[1]),
        h2(6, w.suf[2]),
        h2(7, w.suf[3]),
        h2(8, w.pre[0]),
        h2(9, w.pre[1]),
        h2(10, w.pre[2]),
        h2(11, w.shape),
        h2(12, w.flags as u64),
        h2(13, m1.lower),
        h2(14, m1.suf[2]),
        h2(15, m1.shape),
        h2(16, m2.lower),
        h2(17, n1.lower),
        h2(18, n1.suf[2]),
        h2(19, n1.shape),
        h2(20, n2.lower),
        h3(25, m1.lower, w.lower),
        h3(26, w.lower, n1.lower),
        h3(29, w.shape, n1.shape),
        h2(30, amb[i + PAD]),
        h2(31, amb[i + PAD + 1]),
        h2(32, amb[i + PAD + 2]),
        h3(33, amb[i + PAD], amb[i + PAD + 1]),
        h3(35, amb[i + PAD - 1], amb[i + PAD]),
        h3(36, w.flags as u64, h2(m1.flags as u64, n1.flags as u64)),
        h3(37, w.flags as u64, (i == 0) as u64),
        h3(38, h2(w.flags as u64, amb[i + PAD]), m1.flags as u64),
        h3(39, w.lower, n1.suf[1]),
        h3(40, n1.word, w.flags as u64),
        h3(41, h2(amb[i + PAD] & 7, w.flags as u64), (i == 0) as u64),
    ]);
}

/// The features of word `i` that combine it with the previous tags (appended to `out`).
fn tag_features(lp: &[Lex], amb: &[u64], i: usize, p1: Option<u16>, p2: Option<u16>, out: &mut Vec<u64>) {
    let w = &lp[i + PAD];
    let n1 = &lp[i + PAD + 1];
    let (t1, t2) = (tag_id(p1), tag_id(p2));
    out.extend_from_slice(&[
        h2(21, t1),
        h2(22, t2),
        h3(23, t1, t2),
        h3(24, t1, w.lower),
        h3(27, t1, n1.lower),
        h3(28, t1, w.suf[2]),
        h3(34, t1, amb[i + PAD]),
        h3(42, h2(amb[i + PAD] & 7, w.flags as u64), t1),
    ]);
}

/// One training sentence for the tagger: lexemes and gold class ids.
pub struct TagExample {
    /// Lexemes of the words.
    pub lex: Vec<Lex>,
    /// Gold class per word.
    pub gold: Vec<u16>,
}

impl Tagger {
    /// Trains a tagger. `forms` gives, per sentence, the word forms (for the tag dictionary).
    pub fn train(
        data: &[TagExample],
        classes: Vec<(String, String)>,
        epochs: usize,
        seed: u64,
        log: &mut dyn FnMut(String),
    ) -> Tagger {
        // jackknifed first-pass tags for the second pass
        const FOLDS: usize = 4;
        let mut right: Vec<Vec<u16>> = vec![Vec::new(); data.len()];
        for f in 0..FOLDS {
            let part: Vec<TagExample> = data
                .iter()
                .enumerate()
                .filter(|(i, _)| i % FOLDS != f)
                .map(|(_, e)| TagExample { lex: e.lex.clone(), gold: e.gold.clone() })
                .collect();
            let t = Tagger::train_pass(&part, classes.clone(), epochs.min(5), seed + 1 + f as u64, None, &mut |_| {});
            let (mut lp, mut amb, mut feats, mut scores, mut o) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
            for (i, e) in data.iter().enumerate().filter(|(i, _)| i % FOLDS == f) {
                t.tag(&e.lex, &mut o, &mut lp, &mut amb, &mut feats, &mut scores);
                right[i] = o.clone();
            }
            log(format!("tagger: jackknife fold {} done", f + 1));
        }
        let second = Tagger::train_pass(data, classes.clone(), epochs, seed, Some(&right), log);
        let mut first = Tagger::train_pass(data, classes, epochs, seed, None, log);
        first.both = Frozen::concat(&first.model, &second.model);
        first.model2 = Some(second.model);
        first
    }

    /// Trains a single left-to-right pass (the second pass when `right` holds first-pass tags).
    pub fn train_pass(
        data: &[TagExample],
        classes: Vec<(String, String)>,
        epochs: usize,
        seed: u64,
        right_tags: Option<&[Vec<u16>]>,
        log: &mut dyn FnMut(String),
    ) -> Tagger {
        // Tag dictionary: words seen >= 20 times with one class >= 97% of the time.
        let mut counts: FastMap<u64, FastMap<u16, u32>> = FastMap::default();
        for ex in data {
            for (l, &g) in ex.lex.iter().zip(&ex.gold) {
                *counts.entry(l.word).or_default().entry(g).or_default() += 1;
            }
        }
        let mut tagdict = FastMap::default();
        for (w, m) in &counts {
            let total: u32 = m.values().sum();
            let (best, n) = m.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c))).map(|(c, n)| (*c, *n)).unwrap();
            if total >= 20 && n as f64 / total as f64 >= 0.97 {
                tagdict.insert(*w, best);
            }
        }
        // Ambiguity classes only for words seen often enough that the set is not just the gold tag of a
        // rare word (which would teach the model to trust it blindly).
        let mut amb_sets: FastMap<u64, (Vec<u16>, u32)> = FastMap::default();
        for ex in data {
            for (l, &g) in ex.lex.iter().zip(&ex.gold) {
                let v = amb_sets.entry(l.lower).or_default();
                v.1 += 1;
                if !v.0.contains(&g) {
                    v.0.push(g);
                }
            }
        }
        // Case profile: how often the word is capitalised when not sentence-initial (0 never .. 4 always).
        let mut caps: FastMap<u64, (u32, u32)> = FastMap::default();
        for ex in data {
            for (i, l) in ex.lex.iter().enumerate().skip(1) {
                let c = caps.entry(l.lower).or_default();
                c.1 += 1;
                if l.flags & (crate::lex::F_TITLE | crate::lex::F_UPPER) != 0 {
                    c.0 += 1;
                }
                let _ = i;
            }
        }
        let profile = |k: &u64| -> u64 {
            match caps.get(k) {
                None => 5,
                Some(&(c, n)) if n < 2 => 6 + (c > 0) as u64,
                Some(&(0, _)) => 0,
                Some(&(c, n)) if c == n => 4,
                Some(&(c, n)) => 1 + ((c * 3) / n).min(2) as u64,
            }
        };
        let amb: FastMap<u64, u64> = amb_sets
            .into_iter()
            .filter(|(_, (_, n))| *n >= 2)
            .map(|(k, (mut v, n))| {
                v.sort_unstable();
                let h = if n >= AMB_MIN_COUNT { v.iter().fold(0xA3B1u64, |h, &c| h2(h, c as u64)) } else { UNK_AMB };
                (k, (h & !7) | profile(&k))
            })
            .collect();
        let mut ambv = Vec::new();
        let nc = classes.len();
        let mut tr = Trainer::new(nc);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = Rng::new(seed);
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0f32; nc];
        let mut lp = Vec::new();
        for epoch in 0..epochs {
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &si in &order {
                let ex = &data[si];
                pad(&ex.lex, &mut lp);
                fill_amb(&amb, &ex.lex, &mut ambv);
                let (mut p1, mut p2) = (None, None);
                for i in 0..ex.lex.len() {
                    let guess = if let Some(&t) = tagdict.get(&ex.lex[i].word) {
                        t
                    } else {
                        features(&lp, &ambv, i, p1, p2, &mut feats);
                        if let Some(r) = right_tags {
                            features2(&lp, i, p1, r[si].get(i + 1).copied(), r[si].get(i + 2).copied(), &mut feats);
                        }
                        scores.iter_mut().for_each(|s| *s = 0.0);
                        tr.score(&feats, &mut scores);
                        let g = argmax_f(&scores) as u16;
                        tr.update(&feats, ex.gold[i] as usize, g as usize);
                        g
                    };
                    tr.tick();
                    right += (guess == ex.gold[i]) as usize;
                    total += 1;
                    p2 = p1;
                    p1 = Some(guess);
                }
            }
            log(format!(
                "tagger{} epoch {}: train accuracy {:.2}% ({} feature rows)",
                if right_tags.is_some() { " pass 2" } else { "" },
                epoch + 1,
                100.0 * right as f64 / total.max(1) as f64,
                tr.n_rows()
            ));
        }
        Tagger { classes, tagdict, amb, model: tr.freeze(0.1), model2: None, both: None }
    }

    /// Tags one sentence: writes one class id per word into `out`. `lp` and `feats`/`scores` are scratch.
    pub fn tag(
        &self,
        lex: &[Lex],
        out: &mut Vec<u16>,
        lp: &mut Vec<Lex>,
        amb: &mut Vec<u64>,
        feats: &mut Vec<u64>,
        scores: &mut Vec<i32>,
    ) {
        pad(lex, lp);
        fill_amb(&self.amb, lex, amb);
        out.clear();
        if let Some(both) = &self.both {
            self.tag_both(both, lex, out, lp, amb, feats, scores);
            return;
        }
        scores.resize(self.classes.len(), 0);
        let (mut p1, mut p2) = (None, None);
        for i in 0..lex.len() {
            let t = if let Some(&t) = self.tagdict.get(&lex[i].word) {
                t
            } else {
                features(lp, amb, i, p1, p2, feats);
                scores.iter_mut().for_each(|s| *s = 0);
                self.model.score(feats, scores);
                argmax_i(scores) as u16
            };
            out.push(t);
            p2 = p1;
            p1 = Some(t);
        }
        if let Some(m2) = &self.model2 {
            let (mut p1, mut p2) = (None, None);
            for i in 0..lex.len() {
                let t = if let Some(&t) = self.tagdict.get(&lex[i].word) {
                    t
                } else {
                    features(lp, amb, i, p1, p2, feats);
                    features2(lp, i, p1, out.get(i + 1).copied(), out.get(i + 2).copied(), feats);
                    scores.iter_mut().for_each(|s| *s = 0);
                    m2.score(feats, scores);
                    argmax_i(scores) as u16
                };
                // out[i] is no longer needed as right context of later words
                out[i] = t;
                p2 = p1;
                p1 = Some(t);
            }
        }
    }

    /// Both passes with the merged table. The tag-independent features of every word to score are
    /// probed first, as one stream with the table slots prefetched ahead, giving both passes' partial
    /// scores; then each pass adds the features that involve tags. A word whose first-pass tag wins by
    /// at least [`SURE_MARGIN`] keeps it without a second pass.
    #[allow(clippy::too_many_arguments)]
    fn tag_both(
        &self,
        both: &Frozen,
        lex: &[Lex],
        out: &mut Vec<u16>,
        lp: &[Lex],
        amb: &[u64],
        feats: &mut Vec<u64>,
        scores: &mut Vec<i32>,
    ) {
        let nc = self.classes.len();
        let n = lex.len();
        // dictionary tags; NO_TAG marks the words to score
        out.clear();
        out.extend(lex.iter().map(|l| self.tagdict.get(&l.word).copied().unwrap_or(NO_TAG)));
        feats.clear();
        for i in (0..n).filter(|&i| out[i] == NO_TAG) {
            static_features(lp, amb, i, feats);
        }
        // the words to score, in order: word `i` of them has row `i` of the cache
        let m = out.iter().filter(|&&t| t == NO_TAG).count();
        let k = feats.len() / m.max(1);
        scores.clear();
        scores.resize(2 * nc + m * 2 * nc + n, 0);
        let (s, cache) = scores.split_at_mut(2 * nc);
        let (cache, second) = cache.split_at_mut(m * 2 * nc);
        let sure_margin = (SURE_MARGIN / both.scale()).min(i32::MAX as f32) as i32;
        const AHEAD: usize = 2;
        both.prefetch(&feats[..(AHEAD * k).min(feats.len())]);
        for j in 0..m {
            if (j + AHEAD + 1) * k <= feats.len() {
                both.prefetch(&feats[(j + AHEAD) * k..(j + AHEAD + 1) * k]);
            }
            both.score(&feats[j * k..(j + 1) * k], &mut cache[j * 2 * nc..(j + 1) * 2 * nc]);
        }
        // per word: its cache row when it needs the second pass, else -1
        let (mut p1, mut p2) = (None, None);
        let mut j = 0;
        for i in 0..n {
            // a dictionary word has its tag: no second pass either
            second[i] = -1;
            if out[i] == NO_TAG {
                let s = &mut s[..nc];
                s.copy_from_slice(&cache[j * 2 * nc..j * 2 * nc + nc]);
                feats.clear();
                tag_features(lp, amb, i, p1, p2, feats);
                both.score_range(feats, s, 0);
                let (best, margin) = argmax_margin(s);
                out[i] = best as u16;
                if margin < sure_margin {
                    second[i] = j as i32;
                }
                j += 1;
            }
            p2 = p1;
            p1 = Some(out[i]);
        }
        let (mut p1, mut p2) = (None, None);
        for i in 0..n {
            if let Ok(j) = usize::try_from(second[i]) {
                let s = &mut s[..nc];
                s.copy_from_slice(&cache[j * 2 * nc + nc..(j + 1) * 2 * nc]);
                feats.clear();
                tag_features(lp, amb, i, p1, p2, feats);
                features2(lp, i, p1, out.get(i + 1).copied(), out.get(i + 2).copied(), feats);
                both.score_range(feats, s, nc);
                // out[i] is no longer needed as right context of later words
                out[i] = argmax_i(s) as u16;
            }
            p2 = p1;
            p1 = Some(out[i]);
        }
    }

    /// Serialises the tagger.
    pub fn write(&self) -> Vec<u8> {
        let mut w = BinWriter::new("tagger");
        w.u32(self.classes.len() as u32);
        for (u, x) in &self.classes {
            w.str(u);
            w.str(x);
        }
        let mut td: Vec<(u64, u16)> = self.tagdict.iter().map(|(k, v)| (*k, *v)).collect();
        td.sort_unstable();
        w.u32(td.len() as u32);
        for (k, v) in td {
            w.u64(k);
            w.u32(v as u32);
        }
        let mut am: Vec<(u64, u64)> = self.amb.iter().map(|(k, v)| (*k, *v)).collect();
        am.sort_unstable();
        w.u32(am.len() as u32);
        for (k, v) in am {
            w.u64(k);
            w.u64(v);
        }
        self.model.write(&mut w);
        match &self.model2 {
            Some(m) => {
                w.u8(1);
                m.write(&mut w);
            }
            None => w.u8(0),
        }
        w.buf
    }

    /// Reads a serialised tagger.
    pub fn read(data: &[u8]) -> Result<Tagger, String> {
        let mut r = BinReader::new(data, "tagger")?;
        let n = r.u32()? as usize;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            classes.push((r.str()?, r.str()?));
        }
        let m = r.u32()? as usize;
        let mut tagdict = FastMap::default();
        for _ in 0..m {
            let k = r.u64()?;
            tagdict.insert(k, r.u32()? as u16);
        }
        let m = r.u32()? as usize;
        let mut amb = FastMap::default();
        for _ in 0..m {
            let k = r.u64()?;
            amb.insert(k, r.u64()?);
        }
        let model = Frozen::read(&mut r)?;
        let model2 = if r.u8()? == 1 { Some(Frozen::read(&mut r)?) } else { None };
        let both = model2.as_ref().and_then(|m2| Frozen::concat(&model, m2));
        Ok(Tagger { classes, tagdict, amb, model, model2, both })
    }

    /// Number of stored weights.
    pub fn n_weights(&self) -> usize {
        self.model.n_weights()
    }

    /// Starts (`true`) or stops counting how often each weight row is used; stopping returns the counts
    /// of the table that tagging reads (see [`Frozen::count_uses`]).
    pub fn count_uses(&mut self, on: bool) -> Uses {
        let mut uses = self.model.count_uses(on);
        for m in [self.model2.as_mut(), self.both.as_mut()].into_iter().flatten() {
            for (k, n) in m.count_uses(on) {
                *uses.entry(k).or_insert(0) += n;
            }
        }
        uses
    }

    /// Stores the rows of both passes in order of decreasing `uses` (same scores, faster: see
    /// [`Frozen::relayout`]); the merged table follows that order.
    pub fn relayout(&mut self, uses: &Uses) {
        self.model = self.model.relayout(uses);
        self.model2 = self.model2.as_ref().map(|m| m.relayout(uses));
        self.both = self.model2.as_ref().and_then(|m2| Frozen::concat(&self.model, m2));
    }
}

/// Index of the largest float (first on ties).
pub fn argmax_f(s: &[f32]) -> usize {
    let mut b = 0;
    for i in 1..s.len() {
        if s[i] > s[b] {
            b = i;
        }
    }
    b
}

/// Index of the largest integer (first on ties) and its lead over the second largest (the largest of
/// the others: 0 on a tie). The maxima are taken in vectorised passes, not by one loop whose every step
/// depends on the last.
pub fn argmax_margin(s: &[i32]) -> (usize, i32) {
    let b = argmax_i(s);
    let second = max_i(&s[..b]).max(max_i(&s[(b + 1).min(s.len())..]));
    (b, s[b].saturating_sub(second))
}

/// The largest integer (`i32::MIN` for none), eight lanes at a time: this vectorises even without
/// SSE4.1's `pmaxsd` (`Iterator::max` stays a scalar loop there). Not inlined: inlined into the parser's
/// transition loop it was left scalar.
#[inline(never)]
fn max_i(s: &[i32]) -> i32 {
    let mut lanes = [i32::MIN; 8];
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        let c: &[i32; 8] = c.try_into().expect("chunks of eight");
        for k in 0..8 {
            lanes[k] = lanes[k].max(c[k]);
        }
    }
    chunks.remainder().iter().chain(&lanes).fold(i32::MIN, |m, &x| m.max(x))
}

/// Index of the largest integer (first on ties). Two passes (the maximum, see [`max_i`], then its first
/// position) instead of one loop whose every step depends on the last.
pub fn argmax_i(s: &[i32]) -> usize {
    let m = max_i(s);
    s.iter().position(|&x| x == m).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argmax_i_is_the_first_largest() {
        let mut rng = Rng::new(5);
        for len in 0..120 {
            for _ in 0..20 {
                // few distinct values, so ties are common; all negative in some
                let shift = if rng.next_f64() < 0.3 { -1_000_000 } else { 0 };
                let s: Vec<i32> = (0..len).map(|_| (rng.next_f64() * 6.0) as i32 + shift).collect();
                let want = s.iter().max().map_or(0, |m| s.iter().position(|x| x == m).unwrap());
                assert_eq!(argmax_i(&s), want, "{s:?}");
            }
        }
        assert_eq!(argmax_i(&[i32::MIN, i32::MIN]), 0);
        assert_eq!(argmax_i(&[]), 0);
    }

    /// The one-loop form `argmax_margin` had.
    fn margin_loop(s: &[i32]) -> (usize, i32) {
        let (mut b, mut second) = (0, i32::MIN);
        for i in 1..s.len() {
            if s[i] > s[b] {
                second = s[b];
                b = i;
            } else if s[i] > second {
                second = s[i];
            }
        }
        (b, s[b].saturating_sub(second))
    }

    #[test]
    fn argmax_margin_is_the_lead_over_the_others() {
        let mut rng = Rng::new(9);
        for len in 1..120 {
            for _ in 0..20 {
                let shift = if rng.next_f64() < 0.3 { -1_000_000 } else { 0 };
                let s: Vec<i32> = (0..len).map(|_| (rng.next_f64() * 6.0) as i32 + shift).collect();
                assert_eq!(argmax_margin(&s), margin_loop(&s), "{s:?}");
            }
        }
        for s in [&[i32::MIN][..], &[5], &[i32::MAX, i32::MIN], &[i32::MIN, i32::MAX, i32::MAX]] {
            assert_eq!(argmax_margin(s), margin_loop(s), "{s:?}");
        }
    }
}
