//! Greedy labelled dependency parser: the arc-hybrid transition system (Kuhlmann et al. 2011) with the
//! root token at the end of the buffer, an averaged perceptron over stack/buffer words, tags, child
//! labels, valencies and distance (Zhang & Nivre 2011 style templates, as in Honnibal's 500-line parser),
//! trained with a dynamic oracle (Goldberg & Nivre 2012/2013): after the first epoch the parser follows
//! its own predictions (nine times in ten; otherwise the best zero-cost move) and learns the best zero-cost move from the configurations its mistakes lead to.
//! Non-projective training trees are skipped.

use crate::lex::Lex;
use crate::perceptron::{Frozen, Trainer, Uses};
use crate::tagger::{argmax_f, argmax_i};
use crate::util::{h2, h3, BinReader, BinWriter, FastMap, Rng};
use std::sync::atomic::{AtomicU64, Ordering};

const NONE: u32 = u32::MAX;
/// Averaged weights below this magnitude are dropped from the shipped parser (1.0 keeps dev LAS within
/// 0.1 of the unpruned model at a third of the size).
pub const PRUNE: f32 = 1.0;
/// Parsers trained on different shuffles and averaged into the shipped one.
pub const BAGS: usize = 3;
const SHIFT: usize = 0;

#[inline]
#[cfg(test)]
fn left(l: usize) -> usize {
    1 + 2 * l
}
#[inline]
#[cfg(test)]
fn right(l: usize) -> usize {
    2 + 2 * l
}

/// Parser configuration, reusable across sentences.
#[derive(Default, Debug)]
pub struct State {
    n: usize,
    stack: Vec<u32>,
    i: usize,
    /// Head of each word (`n` = root), `u32::MAX` when unattached.
    pub heads: Vec<u32>,
    /// Label id of each word.
    pub labels: Vec<u16>,
    lefts: Vec<[u32; 2]>,
    rights: Vec<[u32; 2]>,
    nl: Vec<u8>,
    nr: Vec<u8>,
}

impl State {
    fn init(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.i = 0;
        self.heads.clear();
        self.heads.resize(n + 1, NONE);
        self.labels.clear();
        self.labels.resize(n + 1, 0);
        self.lefts.clear();
        self.lefts.resize(n + 1, [NONE; 2]);
        self.rights.clear();
        self.rights.resize(n + 1, [NONE; 2]);
        self.nl.clear();
        self.nl.resize(n + 1, 0);
        self.nr.clear();
        self.nr.resize(n + 1, 0);
    }
    fn terminal(&self) -> bool {
        self.i >= self.n && self.stack.is_empty()
    }
    /// Valid moves: (shift, left, right).
    fn valid(&self) -> [bool; 3] {
        let sl = self.stack.len();
        [self.i < self.n, sl >= 1 && (self.i < self.n || sl == 1), sl >= 2]
    }
    fn arc(&mut self, h: u32, d: u32, l: u16) {
        self.heads[d as usize] = h;
        self.labels[d as usize] = l;
        let hu = h as usize;
        if d < h {
            self.lefts[hu] = [d, self.lefts[hu][0]];
            self.nl[hu] = self.nl[hu].saturating_add(1);
        } else {
            self.rights[hu] = [d, self.rights[hu][0]];
            self.nr[hu] = self.nr[hu].saturating_add(1);
        }
    }
    fn apply(&mut self, class: usize) {
        if class == SHIFT {
            self.stack.push(self.i as u32);
            self.i += 1;
        } else {
            let l = ((class - 1) / 2) as u16;
            let d = self.stack.pop().unwrap();
            if class % 2 == 1 {
                self.arc(self.i as u32, d, l);
            } else {
                let h = *self.stack.last().unwrap();
                self.arc(h, d, l);
            }
        }
    }
    /// Zero-cost unlabelled moves for gold heads `gh` (root = n): (shift, left, right).
    fn zero_cost(&self, gh: &[u32]) -> [bool; 3] {
        let valid = self.valid();
        let Some(&s0) = self.stack.last() else { return [valid[0], false, false] };
        let n0 = self.i as u32;
        if valid[0] && gh[n0 as usize] == s0 {
            return [true, false, false];
        }
        if valid[1] && gh[s0 as usize] == n0 {
            return [false, true, false];
        }
        let mut ok = valid;
        let sl = self.stack.len();
        if sl >= 2 && gh[s0 as usize] == self.stack[sl - 2] {
            ok[1] = false;
        }
        if ok[0] && self.stack.iter().any(|&w| gh[w as usize] == n0 || gh[n0 as usize] == w) {
            ok[0] = false;
        }
        let n = self.n as u32;
        let g = gh[s0 as usize];
        if (g > n0 && g <= n) || ((n0 + 1)..n).any(|b| gh[b as usize] == s0) {
            ok[1] = false;
            ok[2] = false;
        }
        ok
    }
}

/// Word and tag hashes of one sentence as the parser sees it.
pub struct Input<'a> {
    /// Lexemes.
    pub lex: &'a [Lex],
    /// Tag hash per word (see [`tag_hash`]).
    pub tags: &'a [u64],
}

/// Hash of a `(UPOS, XPOS)` pair for parser features.
pub fn tag_hash(upos: &str, xpos: &str) -> u64 {
    h2(crate::util::hash_str(upos), crate::util::hash_str(xpos))
}

const NW: u64 = 0x0BAD_F00D;
const RW: u64 = 0x0000_B007;

#[inline(always)]
fn wf(inp: &Input, n: u32, i: u32) -> u64 {
    if i == NONE {
        NW
    } else if i == n {
        RW
    } else {
        inp.lex[i as usize].lower
    }
}

#[inline(always)]
fn tf(inp: &Input, n: u32, i: u32) -> u64 {
    if i == NONE {
        NW
    } else if i == n {
        RW
    } else {
        inp.tags[i as usize]
    }
}

/// Features that depend only on the buffer front `n0` (and the words after it): scored once per
/// buffer position at parse time.
fn buffer_features(inp: &Input, n: u32, n0: u32, out: &mut Vec<u64>) {
    let n1 = if n0 < n { n0 + 1 } else { NONE };
    let n2 = if n0 + 1 < n { n0 + 2 } else { NONE };
    let (wn0, wn1, wn2) = (wf(inp, n, n0), wf(inp, n, n1), wf(inp, n, n2));
    let (tn0, tn1, tn2) = (tf(inp, n, n0), tf(inp, n, n1), tf(inp, n, n2));
    out.extend_from_slice(&[
        1,
        h2(2, wn0),
        h2(3, wn1),
        h2(4, wn2),
        h2(11, tn0),
        h2(12, tn1),
        h2(13, tn2),
        h3(20, wn0, tn0),
        h3(21, wn1, tn1),
        h3(31, tn0, tn1),
        h3(32, h2(tn0, tn1), tn2),
    ]);
}

/// The [`buffer_features`] of one word in buffer role `role` (0 = n0, with the bias feature, 1 = n1,
/// 2 = n2) given its word and tag hashes: the buffer block at `n0` is the sum of those of `n0`, `n1` and
/// `n2` and of [`buffer_tag_features`].
fn buffer_word_features(role: usize, w: u64, t: u64, out: &mut Vec<u64>) {
    match role {
        0 => out.extend_from_slice(&[1, h2(2, w), h2(11, t), h3(20, w, t)]),
        1 => out.extend_from_slice(&[h2(3, w), h2(12, t), h3(21, w, t)]),
        _ => out.extend_from_slice(&[h2(4, w), h2(13, t)]),
    }
}

/// The [`buffer_features`] of the tags of `n0`, `n1` and `n2` together.
fn buffer_tag_features(t0: u64, t1: u64, t2: u64, out: &mut Vec<u64>) {
    out.extend_from_slice(&[h3(31, t0, t1), h3(32, h2(t0, t1), t2)]);
}

/// Features of one stack word in role `role` (0 = s0, 1 = s1, 2 = s2) alone: scored once per word and
/// role at parse time.
fn stack_features(inp: &Input, n: u32, role: usize, s: u32, out: &mut Vec<u64>) {
    stack_word_features(role, wf(inp, n, s), tf(inp, n, s), out);
}

/// [`stack_features`] of a word given its word and tag hashes (`NW` for an empty position).
fn stack_word_features(role: usize, ws: u64, ts: u64, out: &mut Vec<u64>) {
    match role {
        0 => out.extend_from_slice(&[h2(5, ws), h2(14, ts), h3(22, ws, ts)]),
        1 => out.extend_from_slice(&[h2(6, ws), h2(15, ts), h3(23, ws, ts)]),
        _ => out.extend_from_slice(&[h2(7, ws), h2(16, ts)]),
    }
}

/// The stack words s0, s1, s2 (`NONE` when absent).
#[inline(always)]
fn stack_top(st: &State) -> (u32, u32, u32) {
    let sl = st.stack.len();
    let s0 = if sl >= 1 { st.stack[sl - 1] } else { NONE };
    let s1 = if sl >= 2 { st.stack[sl - 2] } else { NONE };
    let s2 = if sl >= 3 { st.stack[sl - 3] } else { NONE };
    (s0, s1, s2)
}

/// All features of a configuration (training scores them together; parsing adds the buffer and
/// stack blocks from per-sentence tables and scores only these).
fn features(st: &State, inp: &Input, out: &mut Vec<u64>) {
    out.clear();
    let n = st.n as u32;
    let (s0, s1, s2) = stack_top(st);
    buffer_features(inp, n, st.i as u32, out);
    stack_features(inp, n, 0, s0, out);
    stack_features(inp, n, 1, s1, out);
    stack_features(inp, n, 2, s2, out);
    dynamic_features(st, inp, out);
}

/// Number of `dynamic_features` (scored per transition; the other [`BLOCK_TEMPLATES`] are scored once
/// per sentence and position).
pub const DYNAMIC_TEMPLATES: usize = 41;
/// Number of templates of the buffer front and of single stack words (`buffer_features`,
/// `stack_features`).
pub const BLOCK_TEMPLATES: usize = 19;

/// Features that combine several positions or depend on attached children.
///
/// Twelve templates of the first design (numbers 10, 19, 24–27, 29, 35, 43, 48, 51 and 52: s0's
/// rightmost child word, its tag, the s0–n0 word pairs and word–tag pairs, s0/s0's right child/n0 tags,
/// n0's word with its valency, n0's word, the s0–n0 tags and their words with the distance) are gone:
/// left out one at a time at parse time none cost accuracy, and the parser retrained without them is as
/// accurate (EWT dev UAS/LAS 85.36/82.32 against 85.27/82.17, GUM dev 83.45/80.30 against 83.48/80.27),
/// 28 % smaller and about 19 % faster in the pipeline (see `models/parser.md`).
fn dynamic_features(st: &State, inp: &Input, out: &mut Vec<u64>) {
    let n = st.n as u32;
    let w = |i: u32| wf(inp, n, i);
    let t = |i: u32| tf(inp, n, i);
    let lab = |i: u32| -> u64 {
        if i == NONE || i == n {
            0xFFFF
        } else {
            st.labels[i as usize] as u64
        }
    };
    let (s0, s1, s2) = stack_top(st);
    let n0 = st.i as u32;
    let n1 = if n0 < n { n0 + 1 } else { NONE };
    let kid = |v: &Vec<[u32; 2]>, i: u32, k: usize| if i == NONE { NONE } else { v[i as usize][k] };
    let (s0b1, s0b2) = (kid(&st.lefts, s0, 0), kid(&st.lefts, s0, 1));
    let (s0f1, s0f2) = (kid(&st.rights, s0, 0), kid(&st.rights, s0, 1));
    let (n0b1, n0b2) = (kid(&st.lefts, n0, 0), kid(&st.lefts, n0, 1));
    let s1f1 = kid(&st.rights, s1, 0);
    let (ws0, ws1, ws2, wn0) = (w(s0), w(s1), w(s2), w(n0));
    let (ts0, ts1, ts2, tn0, tn1) = (t(s0), t(s1), t(s2), t(n0), t(n1));
    let (ts0b1, ts0b2, ts0f1, ts0f2, tn0b1, tn0b2) = (t(s0b1), t(s0b2), t(s0f1), t(s0f2), t(n0b1), t(n0b2));
    let val = |v: &Vec<u8>, i: u32| if i == NONE { 0xFF } else { v[i as usize] as u64 };
    let (vs0b, vs0f, vn0b) = (val(&st.nl, s0), val(&st.nr, s0), val(&st.nl, n0));
    let d = if s0 == NONE { 0xFF } else { (n0 - s0).min(5) as u64 };
    let (ls0b1, ls0f1, ln0b1, ls0b2, ls0f2) = (lab(s0b1), lab(s0f1), lab(n0b1), lab(s0b2), lab(s0f2));
    let wts0 = h2(ws0, ts0);
    let (ts0tn0, ts1ts0) = (h2(ts0, tn0), h2(ts1, ts0));
    out.extend_from_slice(&[
        h2(8, w(n0b1)),
        h2(9, w(s0b1)),
        h2(17, tn0b1),
        h2(18, ts0b1),
        h3(28, wts0, tn0),
        h3(30, ts0, tn0),
        h3(33, ts0tn0, tn1),
        h3(34, h2(ts0, ts1), tn0),
        h3(36, ts0tn0, tn0b1),
        h3(37, h2(ts0, ts0b1), ts0b2),
        h3(38, h2(ts0, ts0f1), ts0f2),
        h3(39, h2(tn0, tn0b1), tn0b2),
        h3(40, h2(ts0, ts1), ts2),
        h3(41, ws0, vs0f),
        h3(42, ws0, vs0b),
        h3(44, ts0, vs0f),
        h3(45, ts0, vs0b),
        h3(46, tn0, vn0b),
        h3(47, ws0, d),
        h3(49, ts0, d),
        h3(50, tn0, d),
        h3(53, ts0, h2(ls0b1, ls0f1)),
        h3(54, tn0, ln0b1),
        h3(55, ts0, h2(ls0b2, ls0f2)),
        h3(56, ts1ts0, lab(s1f1)),
        h3(57, h2(ws1, ws0), tn0),
        h3(58, ts1ts0, t(s1f1)),
        h3(59, ws1, ts0),
        h3(60, ts1, ws0),
        h3(61, h2(ws0, ls0b1), tn0),
        h3(62, ts0tn0, h2(ls0b1, ln0b1)),
        h3(63, h2(ws1, ts1), ts0tn0),
        h3(64, wn0, h2(ts0, ts1)),
        h2(65, w(s0b2)),
        h2(66, w(s0f2)),
        h2(67, w(n0b2)),
        h2(68, w(s1f1)),
        h3(69, h2(ts0, ts0b1), ls0b1),
        h3(70, h2(tn0, tn0b1), ln0b1),
        h3(71, h2(ts0, ts0f1), ls0f1),
        h3(72, h2(ws2, ts2), ts1),
    ]);
}

/// One training sentence for the parser.
pub struct ParseExample {
    /// Lexemes.
    pub lex: Vec<Lex>,
    /// Tag hashes.
    pub tags: Vec<u64>,
    /// Gold heads (0-based; `n` = root).
    pub heads: Vec<u32>,
    /// Gold label ids.
    pub labels: Vec<u16>,
}

/// True when the tree (root at `n`) has no crossing arcs.
pub fn projective(heads: &[u32]) -> bool {
    let arcs: Vec<(u32, u32)> = heads.iter().enumerate().map(|(d, &h)| (h.min(d as u32), h.max(d as u32))).collect();
    for &(a, b) in &arcs {
        for &(c, d) in &arcs {
            if a < c && c < b && b < d {
                return false;
            }
        }
    }
    true
}

/// A trained parser.
#[derive(Debug)]
pub struct Parser {
    /// Dependency labels.
    pub labels: Vec<String>,
    model: Frozen,
    root_label: u16,
    dep_label: u16,
    /// Per pattern of valid moves (bit 0 shift, 1 left arc, 2 right arc): 0 for each class whose move
    /// is valid, [`INVALID`] for the others, added to the scores before the argmax.
    penalty: Vec<Vec<i32>>,
    /// Tells this parser's stack blocks in a [`Scratch`] from another's.
    id: u64,
}

/// Source of [`Parser::id`].
static PARSER_IDS: AtomicU64 = AtomicU64::new(1);

/// Rows of blocks a [`Scratch`] keeps (396 bytes each for the shipped parser; six per word, one per triple
/// of tags); all are dropped when it is full.
const KEPT_ROWS: usize = 1 << 14;

/// Added to the score of a class whose move is not valid: far below any sum of weights (at most about
/// 80 features of 32,767 each), so such a class is never the argmax of a configuration with a valid move.
const INVALID: i32 = -(1 << 29);

/// Scratch buffers for parsing, reused across sentences.
#[derive(Default, Debug)]
pub struct Scratch {
    /// The parser state after the last parse.
    pub state: State,
    feats: Vec<u64>,
    scores: Vec<i32>,
    /// Per-sentence partial scores: the buffer block per `n0` (`n + 1` rows of all classes).
    pre: Vec<i32>,
    bounds: Vec<usize>,
    /// Row of `kept` or `pre` each block of features is scored into.
    targets: Vec<usize>,
    /// Per position of the sentence (then the root, then an empty position): the first of its six rows
    /// in `kept`.
    slot: Vec<usize>,
    /// Per buffer position: the row of the tags of `n0`, `n1` and `n2` in `kept`.
    tag_slot: Vec<usize>,
    /// The parser whose blocks `kept` holds.
    owner: u64,
    /// Blocks of words seen before: `(word, tag)` hashes of a word → the first of its six rows in `kept`
    /// (its blocks as s0, s1, s2, n0, n1 and n2). They depend on the word and its tag only, and a word
    /// form recurs often (`the`, `said`), so a word's are scored once, not once per sentence.
    words: FastMap<(u64, u64), u32>,
    /// Blocks of the tags of `n0`, `n1` and `n2` seen before → their row in `kept`.
    tag_triples: FastMap<(u64, u64, u64), u32>,
    /// Rows of `nc` partial scores.
    kept: Vec<i32>,
}

impl Parser {
    /// Trains a parser on projective examples.
    pub fn train(
        data: &[ParseExample],
        labels: Vec<String>,
        epochs: usize,
        seed: u64,
        log: &mut dyn FnMut(String),
    ) -> Parser {
        let nc = 1 + 2 * labels.len();
        let order: Vec<usize> = (0..data.len()).filter(|&i| projective(&data[i].heads)).collect();
        log(format!(
            "parser: {} of {} training sentences are projective; {BAGS} parsers on different shuffles, averaged",
            order.len(),
            data.len()
        ));
        // the parsers train two at a time (each on one core); their logs are written when they finish
        let mut trainers: Vec<Trainer> = Vec::with_capacity(BAGS);
        for first in (0..BAGS).step_by(2) {
            let done: Vec<(Trainer, Vec<String>)> = std::thread::scope(|s| {
                let handles: Vec<_> = (first..(first + 2).min(BAGS))
                    .map(|b| {
                        let order = order.clone();
                        s.spawn(move || {
                            let mut lines = Vec::new();
                            let tr = Self::train_one(
                                data,
                                order,
                                nc,
                                epochs,
                                seed.wrapping_add(b as u64 * 0x9E37),
                                &mut |m| lines.push(format!("[parser {}] {m}", b + 1)),
                            );
                            (tr, lines)
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().expect("a parser training thread panicked")).collect()
            });
            for (tr, lines) in done {
                lines.into_iter().for_each(&mut *log);
                trainers.push(tr);
            }
        }
        Parser::from_parts(labels, Trainer::freeze_mean(&trainers, PRUNE))
    }

    /// One averaged perceptron trained on the shuffles of `seed`.
    fn train_one(
        data: &[ParseExample],
        mut order: Vec<usize>,
        nc: usize,
        epochs: usize,
        seed: u64,
        log: &mut dyn FnMut(String),
    ) -> Trainer {
        let mut tr = Trainer::new(nc);
        let mut rng = Rng::new(seed);
        let mut st = State::default();
        let mut feats = Vec::with_capacity(80);
        let mut scores = vec![0f32; nc];
        for epoch in 0..epochs {
            rng.shuffle(&mut order);
            let (mut right_arcs, mut total) = (0usize, 0usize);
            for &si in &order {
                let ex = &data[si];
                let n = ex.lex.len();
                st.init(n);
                let inp = Input { lex: &ex.lex, tags: &ex.tags };
                let mut gh = ex.heads.clone();
                gh.push(NONE);
                while !st.terminal() {
                    features(&st, &inp, &mut feats);
                    scores.iter_mut().for_each(|s| *s = 0.0);
                    tr.score(&feats, &mut scores);
                    let valid = st.valid();
                    let zc = st.zero_cost(&gh);
                    let s0 = st.stack.last().copied().unwrap_or(NONE);
                    let s1 = if st.stack.len() >= 2 { st.stack[st.stack.len() - 2] } else { NONE };
                    let mut guess = usize::MAX;
                    let mut best_gold = usize::MAX;
                    let any_zero = zc.iter().any(|&z| z);
                    for c in 0..nc {
                        let mv = if c == SHIFT {
                            0
                        } else if c % 2 == 1 {
                            1
                        } else {
                            2
                        };
                        if !valid[mv] {
                            continue;
                        }
                        if guess == usize::MAX || scores[c] > scores[guess] {
                            guess = c;
                        }
                        let zero = if !any_zero {
                            true
                        } else if !zc[mv] {
                            false
                        } else if (mv == 1 && gh[s0 as usize] == st.i as u32) || (mv == 2 && gh[s0 as usize] == s1) {
                            (c - 1) / 2 == ex.labels[s0 as usize] as usize
                        } else {
                            true
                        };
                        if zero && (best_gold == usize::MAX || scores[c] > scores[best_gold]) {
                            best_gold = c;
                        }
                    }
                    let guess_zero = {
                        let mv = if guess == SHIFT {
                            0
                        } else if guess % 2 == 1 {
                            1
                        } else {
                            2
                        };
                        !any_zero
                            || (zc[mv]
                                && match mv {
                                    1 if gh[s0 as usize] == st.i as u32 => {
                                        (guess - 1) / 2 == ex.labels[s0 as usize] as usize
                                    }
                                    2 if gh[s0 as usize] == s1 => (guess - 1) / 2 == ex.labels[s0 as usize] as usize,
                                    _ => true,
                                })
                    };
                    if !guess_zero {
                        tr.update(&feats, best_gold, guess);
                    }
                    tr.tick();
                    // explore (follow the prediction) with probability 0.9 after the first epoch
                    let explore = epoch > 0 && rng.next_f64() < 0.9;
                    st.apply(if guess_zero || explore { guess } else { best_gold });
                }
                for d in 0..n {
                    total += 1;
                    right_arcs += (st.heads[d] == ex.heads[d]) as usize;
                }
            }
            log(format!(
                "parser epoch {}: train UAS {:.2}% ({} feature rows)",
                epoch + 1,
                100.0 * right_arcs as f64 / total.max(1) as f64,
                tr.n_rows()
            ));
        }
        let _ = argmax_f;
        tr
    }

    fn from_parts(labels: Vec<String>, model: Frozen) -> Parser {
        let root_label = labels.iter().position(|l| l == "root").unwrap_or(0) as u16;
        let dep_label = labels.iter().position(|l| l == "dep").unwrap_or(0) as u16;
        let nc = model.n_classes();
        let penalty = (0..8usize)
            .map(|v| {
                (0..nc)
                    .map(|c| {
                        let mv = if c == SHIFT {
                            0
                        } else if c % 2 == 1 {
                            1
                        } else {
                            2
                        };
                        if v & (1 << mv) != 0 {
                            0
                        } else {
                            INVALID
                        }
                    })
                    .collect()
            })
            .collect();
        let id = PARSER_IDS.fetch_add(1, Ordering::Relaxed);
        Parser { labels, model, root_label, dep_label, penalty, id }
    }

    /// Parses one sentence; heads (0-based, `n` = root) and label ids are left in `scratch.state`.
    /// The features of the buffer front and of each stack word alone are scored once per sentence.
    pub fn parse(&self, inp: &Input, scratch: &mut Scratch) {
        let n = inp.lex.len();
        let nc = self.model.n_classes();
        let Scratch { state: st, feats, scores, pre, bounds, targets, slot, tag_slot, owner, words, tag_triples, kept } =
            scratch;
        st.init(n);
        scores.resize(nc, 0);
        let rows = n + 1;
        let nn = n as u32;
        // all per-sentence features first (block `b` is `feats[bounds[b]..bounds[b + 1]]`, scored into row
        // `targets[b]`), so the table slots of the next blocks are on their way while one is scored
        feats.clear();
        bounds.clear();
        bounds.push(0);
        targets.clear();
        slot.clear();
        if self.model.counting() {
            // every block of every position, as training sees them (every use is counted); nothing kept
            words.clear();
            tag_triples.clear();
            *owner = 0;
            kept.clear();
            kept.resize(6 * rows * nc, 0);
            for i in 0..rows {
                for role in 0..3 {
                    stack_features(inp, nn, role, if i == n { NONE } else { i as u32 }, feats);
                    bounds.push(feats.len());
                    targets.push(6 * i + role);
                }
                slot.push(6 * i);
            }
            // the empty position: the stack rows of row `n`
            slot.push(6 * n);
            self.score_blocks(feats, bounds, targets, kept);
            pre.clear();
            pre.resize(rows * nc, 0);
            feats.clear();
            bounds.truncate(1);
            targets.clear();
            for i in 0..rows {
                buffer_features(inp, nn, i as u32, feats);
                bounds.push(feats.len());
                targets.push(i);
            }
            self.score_blocks(feats, bounds, targets, pre);
        } else {
            if *owner != self.id || kept.len() / nc + 7 * rows + 7 > KEPT_ROWS {
                words.clear();
                tag_triples.clear();
                kept.clear();
                *owner = self.id;
            }
            // word and tag hashes of position `j` (`n`: the root; after it: empty)
            let at = |j: usize| {
                if j < n {
                    (inp.lex[j].lower, inp.tags[j])
                } else if j == n {
                    (RW, RW)
                } else {
                    (NW, NW)
                }
            };
            for j in 0..n + 2 {
                let (w, t) = at(j);
                let r = *words.entry((w, t)).or_insert_with(|| {
                    let r = kept.len() / nc;
                    kept.resize(kept.len() + 6 * nc, 0);
                    for role in 0..3 {
                        stack_word_features(role, w, t, feats);
                        bounds.push(feats.len());
                        targets.push(r + role);
                    }
                    for role in 0..3 {
                        buffer_word_features(role, w, t, feats);
                        bounds.push(feats.len());
                        targets.push(r + 3 + role);
                    }
                    r as u32
                });
                slot.push(r as usize);
            }
            tag_slot.clear();
            for i in 0..rows {
                let (t0, t1, t2) = (at(i).1, at(i + 1).1, at(i + 2).1);
                let r = *tag_triples.entry((t0, t1, t2)).or_insert_with(|| {
                    let r = kept.len() / nc;
                    kept.resize(kept.len() + nc, 0);
                    buffer_tag_features(t0, t1, t2, feats);
                    bounds.push(feats.len());
                    targets.push(r);
                    r as u32
                });
                tag_slot.push(r as usize);
            }
            self.score_blocks(feats, bounds, targets, kept);
            // the buffer block at each position: n0, n1 and n2 alone, and their tags
            let row = |r: usize| &kept[r * nc..(r + 1) * nc];
            pre.clear();
            for i in 0..rows {
                let (a, b) = (row(slot[i] + 3), row(slot[(i + 1).min(n + 1)] + 4));
                let (c, d) = (row(slot[(i + 2).min(n + 1)] + 5), row(tag_slot[i]));
                pre.extend(a.iter().zip(b).zip(c).zip(d).map(|(((a, b), c), d)| a + b + c + d));
            }
        }
        while !st.terminal() {
            let valid = st.valid();
            // forced moves need no scores: a shift onto an empty stack, and the last word's arc to the
            // root (its label is set to `root` below)
            if valid == [true, false, false] {
                st.apply(SHIFT);
                continue;
            }
            if valid == [false, true, false] {
                st.apply(1 + 2 * self.root_label as usize);
                continue;
            }
            feats.clear();
            dynamic_features(st, inp, feats);
            let (s0, s1, s2) = stack_top(st);
            // the stack block of word `s` (an empty position's for `NONE`) in role `role`
            let stack = |role: usize, s: u32| {
                let r = slot[if s == NONE { n + 1 } else { s as usize }] + role;
                &kept[r * nc..(r + 1) * nc]
            };
            // the four blocks and the penalty of the invalid moves, in one pass
            let pen = &self.penalty[valid[0] as usize | (valid[1] as usize) << 1 | (valid[2] as usize) << 2];
            for ((((s, a), b), c), (d, p)) in scores
                .iter_mut()
                .zip(&pre[st.i * nc..(st.i + 1) * nc])
                .zip(stack(0, s0))
                .zip(stack(1, s1))
                .zip(stack(2, s2).iter().zip(pen))
            {
                *s = a + b + c + d + p;
            }
            self.model.score(feats, scores);
            st.apply(argmax_i(scores));
        }
        for d in 0..n {
            if st.heads[d] as usize == n {
                st.labels[d] = self.root_label;
            } else if st.labels[d] == self.root_label {
                st.labels[d] = self.dep_label;
            }
        }
    }

    /// Scores each block of features `feats[bounds[b]..bounds[b + 1]]` into row `targets[b]` of `rows`
    /// (rows of all classes), with the table slots of the blocks ahead prefetched.
    fn score_blocks(&self, feats: &[u64], bounds: &[usize], targets: &[usize], rows: &mut [i32]) {
        let nc = self.model.n_classes();
        const AHEAD: usize = 32;
        let mut fetched = 0;
        for (k, &b) in targets.iter().enumerate() {
            let (a, e) = (bounds[k], bounds[k + 1]);
            let want = (e + AHEAD).min(feats.len());
            if fetched < want {
                self.model.prefetch(&feats[fetched..want]);
                fetched = want;
            }
            self.model.score(&feats[a..e], &mut rows[b * nc..(b + 1) * nc]);
        }
    }

    /// Serialises.
    pub fn write(&self) -> Vec<u8> {
        let mut w = BinWriter::new("parser");
        w.strs(&self.labels);
        self.model.write(&mut w);
        w.buf
    }

    /// Reads a serialised parser.
    pub fn read(data: &[u8]) -> Result<Parser, String> {
        let mut r = BinReader::new(data, "parser")?;
        let labels = r.strs()?;
        let model = Frozen::read(&mut r)?;
        if model.n_classes() != 1 + 2 * labels.len() {
            return Err("label count does not match the weights".into());
        }
        Ok(Parser::from_parts(labels, model))
    }

    /// Number of stored weights.
    pub fn n_weights(&self) -> usize {
        self.model.n_weights()
    }

    /// Starts (`true`) or stops counting how often each weight row is used; stopping returns the counts
    /// (see [`Frozen::count_uses`]).
    pub fn count_uses(&mut self, on: bool) -> Uses {
        self.model.count_uses(on)
    }

    /// Stores the rows in order of decreasing `uses` (same scores, faster: see [`Frozen::relayout`]).
    pub fn relayout(&mut self, uses: &Uses) {
        self.model = self.model.relayout(uses);
    }

    /// A copy with weights below `min_abs` removed.
    pub fn pruned(&self, min_abs: f32) -> Parser {
        Parser::from_parts(self.labels.clone(), self.model.pruned(min_abs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn template_counts_match_the_features() {
        let lex: Vec<Lex> = ["She", "said", "it"].iter().map(|w| Lex::new(w)).collect();
        let tags = vec![1u64, 2, 3];
        let inp = Input { lex: &lex, tags: &tags };
        let mut st = State::default();
        st.init(3);
        st.apply(SHIFT);
        let mut out = Vec::new();
        dynamic_features(&st, &inp, &mut out);
        assert_eq!(out.len(), DYNAMIC_TEMPLATES);
        features(&st, &inp, &mut out);
        assert_eq!(out.len(), DYNAMIC_TEMPLATES + BLOCK_TEMPLATES);
    }

    #[test]
    fn kept_blocks_score_as_blocks_scored_in_place() {
        // two small parsers over the same sentences, one scratch for all, against copies that score
        // every block in place (as while uses are counted)
        let words = ["she", "said", "it", "was", "the", "talks", "they", "held", "in", "Doha"];
        let sentence = |k: usize, n: usize| -> (Vec<Lex>, Vec<u64>) {
            let w: Vec<&str> = (0..n).map(|i| words[(k * 7 + i * 3) % words.len()]).collect();
            (w.iter().map(|w| Lex::new(w)).collect(), w.iter().map(|w| (w.len() % 4) as u64).collect())
        };
        let data: Vec<ParseExample> = (0..40)
            .map(|k| {
                let n = 3 + k % 5;
                let (lex, tags) = sentence(k, n);
                // a chain: each word depends on the next, the last on the root
                let heads = (0..n as u32).map(|i| i + 1).collect();
                ParseExample { lex, tags, heads, labels: vec![(k % 2) as u16; n] }
            })
            .collect();
        let labels = vec!["dep".to_string(), "root".to_string()];
        let parsers =
            [Parser::train(&data, labels.clone(), 2, 1, &mut |_| {}), Parser::train(&data, labels, 3, 2, &mut |_| {})];
        let direct: Vec<Parser> = parsers
            .iter()
            .map(|p| {
                let mut d = p.pruned(0.0);
                d.count_uses(true);
                d
            })
            .collect();
        let nc = parsers[0].model.n_classes();
        let stack_row = |sc: &Scratch, i: usize, role: usize| sc.kept[(sc.slot[i] + role) * nc..][..nc].to_vec();
        let mut kept = Scratch::default();
        for k in 0..60 {
            let (lex, tags) = sentence(k, 2 + k % 9);
            let inp = Input { lex: &lex, tags: &tags };
            let which = k % 3 / 2;
            parsers[which].parse(&inp, &mut kept);
            let mut fresh = Scratch::default();
            direct[which].parse(&inp, &mut fresh);
            assert_eq!(kept.pre, fresh.pre, "the same buffer blocks");
            for i in (0..lex.len()).chain([lex.len() + 1]) {
                for role in 0..3 {
                    assert_eq!(stack_row(&kept, i, role), stack_row(&fresh, i, role), "the same stack blocks");
                }
            }
            assert_eq!(kept.state.heads, fresh.state.heads);
            assert_eq!(kept.state.labels, fresh.state.labels);
        }
        assert!(!kept.words.is_empty() && !kept.tag_triples.is_empty());
    }

    #[test]
    fn split_buffer_features_are_the_buffer_features() {
        let lex: Vec<Lex> = ["She", "said", "it"].iter().map(|w| Lex::new(w)).collect();
        let tags = vec![1u64, 2, 3];
        let inp = Input { lex: &lex, tags: &tags };
        let n = 3u32;
        for i in 0..=n {
            let mut whole = Vec::new();
            buffer_features(&inp, n, i, &mut whole);
            let pos = |j: u32| if j > n { NONE } else { j };
            let (p0, p1, p2) = (pos(i), if i < n { pos(i + 1) } else { NONE }, pos(i + 2));
            let mut parts = Vec::new();
            buffer_word_features(0, wf(&inp, n, p0), tf(&inp, n, p0), &mut parts);
            buffer_word_features(1, wf(&inp, n, p1), tf(&inp, n, p1), &mut parts);
            buffer_word_features(2, wf(&inp, n, p2), tf(&inp, n, p2), &mut parts);
            buffer_tag_features(tf(&inp, n, p0), tf(&inp, n, p1), tf(&inp, n, p2), &mut parts);
            whole.sort_unstable();
            parts.sort_unstable();
            assert_eq!(whole, parts, "n0 = {i}");
        }
    }

    #[test]
    fn oracle_reaches_gold_tree() {
        // "She said it" : She <- said -> it ; said <- root (index 3)
        let gh = vec![1u32, 3, 1, NONE];
        let mut st = State::default();
        st.init(3);
        while !st.terminal() {
            let zc = st.zero_cost(&gh);
            let mv = zc.iter().position(|&z| z).unwrap();
            st.apply([SHIFT, left(0), right(0)][mv]);
        }
        assert_eq!(&st.heads[..3], &gh[..3]);
        assert!(projective(&[1, 3, 1]));
        assert!(!projective(&[2, 3, 4, 1, 4]));
    }
}
