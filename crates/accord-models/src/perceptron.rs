//! The averaged perceptron shared by the tagger, the parser and the entity recogniser.
//!
//! Features are 64-bit hashes (see [`crate::util::h2`]); each feature owns a sparse row of class weights.
//! [`Trainer`] keeps rows in a map and averages with Daumé's trick (`w − u/c`); [`Frozen`] is the shipped
//! form: pruned, quantised to `i16`, stored as flat arrays behind an open-addressing table, so scoring
//! is a probe plus a short loop per feature and allocates nothing.

use crate::util::{table_vec, BinReader, BinWriter, FastMap};
use std::mem::MaybeUninit;
use std::sync::Mutex;

#[derive(Clone, Copy, Debug)]
struct Entry {
    class: u16,
    w: f32,
    u: f64,
}

/// Rows of averaged weights collected in key order, then quantised to `i16` into a [`Frozen`].
#[derive(Default)]
struct FrozenRows {
    keys: Vec<u64>,
    lens: Vec<u8>,
    classes: Vec<u16>,
    weights: Vec<f32>,
    max_abs: f32,
}

impl FrozenRows {
    fn push(&mut self, key: u64, entries: Vec<(u16, f32)>) {
        self.keys.push(key);
        self.lens.push(entries.len() as u8);
        for (class, w) in entries {
            self.max_abs = self.max_abs.max(w.abs());
            self.classes.push(class);
            self.weights.push(w);
        }
    }

    fn finish(self, n_classes: usize) -> Frozen {
        let scale = if self.max_abs > 0.0 { self.max_abs / 32000.0 } else { 1.0 };
        let weights: Vec<i16> = self.weights.iter().map(|w| (w / scale).round() as i16).collect();
        Frozen::build(n_classes, scale, self.keys, self.lens, self.classes, weights)
    }
}

/// Averaged perceptron under training.
pub struct Trainer {
    n_classes: usize,
    rows: FastMap<u64, Vec<Entry>>,
    c: f64,
}

impl Trainer {
    /// A trainer for `n_classes` classes.
    pub fn new(n_classes: usize) -> Self {
        Trainer { n_classes, rows: FastMap::default(), c: 1.0 }
    }
    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }
    /// Adds the current (non-averaged) weights of `feats` to `scores` (length `n_classes`, zeroed by the caller).
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for e in row {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }
    /// Marks the end of one training instance (advances the averaging clock).
    pub fn tick(&mut self) {
        self.c += 1.0;
    }
    /// Standard perceptron update: +1 for `truth`, −1 for `guess` on every feature.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let c = self.c;
        for &f in feats {
            let row = self.rows.entry(f).or_default();
            for (cls, d) in [(truth, 1.0f32), (guess, -1.0f32)] {
                match row.iter_mut().find(|e| e.class as usize == cls) {
                    Some(e) => {
                        e.w += d;
                        e.u += c * d as f64;
                    }
                    None => row.push(Entry { class: cls as u16, w: d, u: c * d as f64 }),
                }
            }
        }
    }
    /// Averages, prunes weights whose magnitude is below `prune` and quantises to `i16`.
    pub fn freeze(&self, prune: f32) -> Frozen {
        let c = self.c;
        let mut keys: Vec<u64> = self.rows.keys().copied().collect();
        keys.sort_unstable();
        let mut rows = FrozenRows::default();
        for k in keys {
            let row = &self.rows[&k];
            let mut ents: Vec<(u16, f32)> = row
                .iter()
                .map(|e| (e.class, (e.w as f64 - e.u / c) as f32))
                .filter(|(_, w)| w.abs() >= prune && w.abs() > 0.0)
                .collect();
            if ents.is_empty() {
                continue;
            }
            ents.sort_by_key(|e| e.0);
            rows.push(k, ents);
        }
        rows.finish(self.n_classes)
    }
    /// Averages several trainers' averaged weights (models trained on different shuffles: their mean
    /// varies less with the shuffle than any one of them), then prunes and quantises like [`Trainer::freeze`].
    pub fn freeze_mean(trainers: &[Trainer], prune: f32) -> Frozen {
        let n_classes = trainers[0].n_classes;
        let mut keys: Vec<u64> = trainers.iter().flat_map(|t| t.rows.keys().copied()).collect();
        keys.sort_unstable();
        keys.dedup();
        let k = trainers.len() as f64;
        let mut rows = FrozenRows::default();
        let mut acc = vec![0f64; n_classes];
        for key in keys {
            acc.iter_mut().for_each(|a| *a = 0.0);
            for t in trainers {
                if let Some(row) = t.rows.get(&key) {
                    for e in row {
                        acc[e.class as usize] += e.w as f64 - e.u / t.c;
                    }
                }
            }
            let ents: Vec<(u16, f32)> = acc
                .iter()
                .enumerate()
                .map(|(c, &a)| (c as u16, (a / k) as f32))
                .filter(|(_, w)| w.abs() >= prune && w.abs() > 0.0)
                .collect();
            if ents.is_empty() {
                continue;
            }
            rows.push(key, ents);
        }
        rows.finish(n_classes)
    }
    /// Number of feature rows.
    pub fn n_rows(&self) -> usize {
        self.rows.len()
    }
}

/// One slot of the open-addressing table (8 bytes, so the table stays cache-friendly): the high 32 bits
/// of the feature hash (the low bits chose the slot) and the row, packed as start (23 bits) | length
/// (8 bits) | dense flag (1 bit). `row == 0` marks an empty slot.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
struct Slot {
    fp: u32,
    row: u32,
}

const START_BITS: u32 = 23;
const MAX_START: u32 = (1 << START_BITS) - 1;

#[inline]
fn pack(start: u32, len: u32, dense: bool) -> u32 {
    start | (len << START_BITS) | ((dense as u32) << 31)
}

/// One stored weight: class and quantised value, packed in four bytes.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
struct Ent {
    w: i16,
    class: u16,
}

/// A trained, quantised perceptron ready for fast scoring.
#[derive(Debug)]
pub struct Frozen {
    n_classes: usize,
    scale: f32,
    mask: usize,
    slots: Vec<Slot>,
    keys: Vec<u64>,
    lens: Vec<u8>,
    ents: Vec<Ent>,
    /// Long rows expanded to dense `n_classes`-wide rows (added with SIMD-friendly loops).
    dense: Vec<i16>,
    /// True when the classes of every row are known to ascend (as training stores them), so the
    /// weights of a range of classes are one run of a row. Checked by [`Frozen::concat`] only: its
    /// tables are the ones scored by range (see [`Frozen::score_range`]).
    ascending: bool,
    /// While counting (see [`Frozen::count_uses`]): how often each stored row was added.
    uses: Option<Mutex<Uses>>,
}

/// Most rows one [`Found`] holds (of each kind); further rows are ignored.
const FOUND_MAX: usize = 128;

/// The rows of a set of features, found by [`Frozen::find`] and added by [`Frozen::add_found`].
/// Its buffers are not initialised (only the first `n_sparse` / `n_dense` entries, written by
/// [`Frozen::find`], are ever read), so a `Found` on the stack costs nothing per call.
struct Found {
    sparse: [MaybeUninit<(u32, u32)>; FOUND_MAX],
    n_sparse: usize,
    dense: [MaybeUninit<u32>; FOUND_MAX],
    n_dense: usize,
}

impl Default for Found {
    fn default() -> Self {
        Found {
            sparse: [MaybeUninit::uninit(); FOUND_MAX],
            n_sparse: 0,
            dense: [MaybeUninit::uninit(); FOUND_MAX],
            n_dense: 0,
        }
    }
}

impl Found {
    /// The sparse rows found: `(start, length)` in the weights.
    fn sparse(&self) -> &[(u32, u32)] {
        // SAFETY: the first `n_sparse` entries were written by `find` (`n_sparse <= FOUND_MAX`), and
        // `MaybeUninit<T>` has the layout of `T`.
        unsafe { std::slice::from_raw_parts(self.sparse.as_ptr() as *const (u32, u32), self.n_sparse) }
    }
    /// The dense rows found (row indices).
    fn dense(&self) -> &[u32] {
        // SAFETY: as for `sparse`.
        unsafe { std::slice::from_raw_parts(self.dense.as_ptr() as *const u32, self.n_dense) }
    }
}

/// Uses per feature row (from running a model over its training data), the input of [`Frozen::relayout`].
pub type Uses = FastMap<u64, u64>;

/// Flag marking a dense row (then `start` indexes `dense` in rows).
const DENSE: u32 = 1 << 31;

/// Rows holding at least `1 / DENSE_DIV` of the classes (of 16 or more) are stored dense: one SIMD
/// pass instead of a scalar loop of dependent adds. 8 measured faster than 4, 6, 11 and 16 (parser
/// about 5–9 % faster than with 4 on the EWT dev set, a few hundred KB more memory).
const DENSE_DIV: usize = 8;

#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    unsafe {
        std::arch::x86_64::_mm_prefetch(p as *const i8, std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

#[inline(always)]
fn add_row(scores: &mut [i32], row: &[i16]) {
    for (s, w) in scores.iter_mut().zip(row) {
        *s += *w as i32;
    }
}

/// Adds columns `lo..lo + scores.len()` of the dense rows `rows` (indices of `stride`-wide rows of
/// `dense`) to `scores`, 32 classes at a time: four AVX2 accumulators stay in registers while every
/// row's slice is added, so each score is loaded and stored once per call instead of once per row.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_dense_avx2(scores: &mut [i32], dense: &[i16], stride: usize, lo: usize, rows: &[u32]) {
    use std::arch::x86_64::*;
    let nc = scores.len();
    let last = rows.iter().copied().max().unwrap_or(0) as usize;
    assert!(lo + nc <= stride && (last + 1) * stride <= dense.len(), "dense row out of range");
    let base = dense.as_ptr().add(lo);
    let sp = scores.as_mut_ptr();
    // eight weights of one row from `p`, widened to i32
    let ld = |p: *const i16| _mm256_cvtepi16_epi32(_mm_loadu_si128(p as *const __m128i));
    let mut c = 0usize;
    while c + 32 <= nc {
        let mut a0 = _mm256_loadu_si256(sp.add(c) as *const __m256i);
        let mut a1 = _mm256_loadu_si256(sp.add(c + 8) as *const __m256i);
        let mut a2 = _mm256_loadu_si256(sp.add(c + 16) as *const __m256i);
        let mut a3 = _mm256_loadu_si256(sp.add(c + 24) as *const __m256i);
        for &r in rows {
            let p = base.add(r as usize * stride + c);
            a0 = _mm256_add_epi32(a0, ld(p));
            a1 = _mm256_add_epi32(a1, ld(p.add(8)));
            a2 = _mm256_add_epi32(a2, ld(p.add(16)));
            a3 = _mm256_add_epi32(a3, ld(p.add(24)));
        }
        _mm256_storeu_si256(sp.add(c) as *mut __m256i, a0);
        _mm256_storeu_si256(sp.add(c + 8) as *mut __m256i, a1);
        _mm256_storeu_si256(sp.add(c + 16) as *mut __m256i, a2);
        _mm256_storeu_si256(sp.add(c + 24) as *mut __m256i, a3);
        c += 32;
    }
    while c + 8 <= nc {
        let mut a0 = _mm256_loadu_si256(sp.add(c) as *const __m256i);
        for &r in rows {
            a0 = _mm256_add_epi32(a0, ld(base.add(r as usize * stride + c)));
        }
        _mm256_storeu_si256(sp.add(c) as *mut __m256i, a0);
        c += 8;
    }
    if c < nc && nc >= 8 {
        // the last `nc - c` columns: the rows' last eight columns (inside each row) are summed into a
        // zeroed accumulator, and only its lanes not added above go into the scores
        let t = nc - 8;
        let mut a0 = _mm256_setzero_si256();
        for &r in rows {
            a0 = _mm256_add_epi32(a0, ld(base.add(r as usize * stride + t)));
        }
        let mut lanes = [0i32; 8];
        _mm256_storeu_si256(lanes.as_mut_ptr() as *mut __m256i, a0);
        for k in c..nc {
            *sp.add(k) += lanes[k - t];
        }
        return;
    }
    for k in c..nc {
        let mut a = *sp.add(k);
        for &r in rows {
            a += *base.add(r as usize * stride + k) as i32;
        }
        *sp.add(k) = a;
    }
}

impl Frozen {
    fn build(
        n_classes: usize,
        scale: f32,
        keys: Vec<u64>,
        lens: Vec<u8>,
        classes: Vec<u16>,
        weights: Vec<i16>,
    ) -> Frozen {
        let cap = (keys.len() + keys.len() / 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = table_vec(cap, Slot::default());
        let mut s = 0u32;
        let n_dense =
            if n_classes >= 16 { lens.iter().filter(|&&l| (l as usize) * DENSE_DIV >= n_classes).count() } else { 0 };
        let mut dense: Vec<i16> = table_vec(n_dense * n_classes, 0);
        dense.clear();
        let mut ents: Vec<Ent> = table_vec(classes.len(), Ent::default());
        for (e, (&c, &w)) in ents.iter_mut().zip(classes.iter().zip(&weights)) {
            *e = Ent { w, class: c };
        }
        for (&k, &l) in keys.iter().zip(&lens) {
            let mut i = (k as usize) & mask;
            while slots[i].row != 0 {
                i = (i + 1) & mask;
            }
            let fp = (k >> 32) as u32;
            if (l as usize) * DENSE_DIV >= n_classes && n_classes >= 16 {
                let d = dense.len() / n_classes;
                dense.resize(dense.len() + n_classes, 0);
                for e in &ents[s as usize..(s + l as u32) as usize] {
                    dense[d * n_classes + e.class as usize] = e.w;
                }
                assert!(d as u32 <= MAX_START, "too many dense rows");
                slots[i] = Slot { fp, row: pack(d as u32, l as u32, true) };
            } else {
                assert!(s <= MAX_START, "too many weights for the slot format");
                slots[i] = Slot { fp, row: pack(s, l as u32, false) };
            }
            s += l as u32;
        }
        Frozen { n_classes, scale, mask, slots, keys, lens, ents, dense, ascending: false, uses: None }
    }
    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }
    /// Number of stored weights.
    pub fn n_weights(&self) -> usize {
        self.ents.len()
    }
    /// Size of one weight in score units (scores are integers; multiply by this for the float value).
    pub fn scale(&self) -> f32 {
        self.scale
    }
    /// Starts loading the table slots of `feats` (to overlap their cache misses with other work).
    #[inline]
    pub fn prefetch(&self, feats: &[u64]) {
        for &f in feats {
            prefetch(self.slots.as_ptr().wrapping_add((f as usize) & self.mask));
        }
    }
    /// `(start, packed row)` of a feature.
    #[inline]
    fn row(&self, key: u64) -> Option<(u32, u32)> {
        let mut i = (key as usize) & self.mask;
        let fp = (key >> 32) as u32;
        loop {
            let s = &self.slots[i];
            if s.row == 0 {
                return None;
            }
            if s.fp == fp {
                return Some((s.row & MAX_START, s.row));
            }
            i = (i + 1) & self.mask;
        }
    }
    /// Adds the weights of `feats` to `scores` (length `n_classes`, zeroed by the caller). Slots and rows
    /// are prefetched in two passes so the cache misses of different features overlap.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        self.score_range(feats, &mut scores[..self.n_classes], 0)
    }
    /// Like [`Frozen::score`] for the classes `lo..lo + scores.len()` only (the others are skipped: a
    /// narrower sum for a caller that needs part of the classes, as one pass of a merged table).
    #[inline]
    pub fn score_range(&self, feats: &[u64], scores: &mut [i32], lo: usize) {
        let mut found = Found::default();
        self.find(feats, &mut found);
        self.add_found(&found, scores, lo);
    }
    /// Looks up the rows of `feats` (slots prefetched first, so the cache misses of different features
    /// overlap) and keeps them in `found`, to be added by [`Frozen::add_found`].
    #[inline]
    fn find(&self, feats: &[u64], found: &mut Found) {
        if let Some(uses) = &self.uses {
            self.count(feats, uses);
        }
        for &f in feats {
            prefetch(self.slots.as_ptr().wrapping_add((f as usize) & self.mask));
        }
        let nc = self.n_classes;
        let (sparse, dense) = (&mut found.sparse, &mut found.dense);
        let (mut n_sparse, mut n_dense) = (0, 0);
        for &f in feats {
            if let Some((a, l)) = self.row(f) {
                if l & DENSE != 0 {
                    prefetch(self.dense.as_ptr().wrapping_add(a as usize * nc));
                    if n_dense < FOUND_MAX {
                        dense[n_dense] = MaybeUninit::new(a);
                        n_dense += 1;
                    }
                } else {
                    prefetch(self.ents.as_ptr().wrapping_add(a as usize));
                    if n_sparse < FOUND_MAX {
                        sparse[n_sparse] = MaybeUninit::new((a, (l >> START_BITS) & 0xFF));
                        n_sparse += 1;
                    }
                }
            }
        }
        found.n_sparse = n_sparse;
        found.n_dense = n_dense;
    }
    /// Adds the weights of the rows in `found` for the classes `lo..lo + scores.len()` to `scores`.
    #[inline]
    fn add_found(&self, found: &Found, scores: &mut [i32], lo: usize) {
        let nc = self.n_classes;
        let width = scores.len();
        assert!(lo + width <= nc, "classes out of range");
        let rows = found.sparse().iter().map(|&(a, l)| &self.ents[a as usize..(a + l) as usize]);
        if width == nc {
            // every class: no range test per weight
            for row in rows {
                for e in row {
                    scores[e.class as usize] += e.w as i32;
                }
            }
        } else if self.ascending && lo == 0 {
            // the classes of a row ascend: those below `width` come first
            for row in rows {
                for e in row.iter().take_while(|e| (e.class as usize) < width) {
                    scores[e.class as usize] += e.w as i32;
                }
            }
        } else if self.ascending && lo + width == nc {
            // ... and those from `lo` on come last
            for row in rows {
                for e in row.iter().rev().take_while(|e| e.class as usize >= lo) {
                    scores[e.class as usize - lo] += e.w as i32;
                }
            }
        } else {
            for row in rows {
                for e in row {
                    let c = (e.class as usize).wrapping_sub(lo);
                    if c < width {
                        scores[c] += e.w as i32;
                    }
                }
            }
        }
        let dense = found.dense();
        if dense.is_empty() {
            return;
        }
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU supports AVX2 (checked above).
            unsafe { add_dense_avx2(scores, &self.dense, nc, lo, dense) };
            return;
        }
        for &a in dense {
            let row = a as usize * nc + lo;
            add_row(scores, &self.dense[row..row + width]);
        }
    }
    /// Adds one use to each stored row of `feats` (only while counting: off the fast path).
    #[cold]
    fn count(&self, feats: &[u64], uses: &Mutex<Uses>) {
        let mut u = uses.lock().unwrap_or_else(|e| e.into_inner());
        for &f in feats {
            if self.row(f).is_some() {
                *u.entry(f).or_insert(0) += 1;
            }
        }
    }
    /// Starts (`true`) or stops counting how often each row is used by [`Frozen::score`]; stopping
    /// returns the counts. Counting is slow: it is for [`Frozen::relayout`] at training time.
    pub fn count_uses(&mut self, on: bool) -> Uses {
        let old = self.uses.take().map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner())).unwrap_or_default();
        if on {
            self.uses = Some(Mutex::new(Uses::default()));
        }
        old
    }
    /// True while uses are counted (see [`Frozen::count_uses`]).
    pub fn counting(&self) -> bool {
        self.uses.is_some()
    }
    /// `(key, start, len)` of every row, in storage order.
    fn row_list(&self) -> Vec<(u64, usize, usize)> {
        let mut start = 0usize;
        let mut v = Vec::with_capacity(self.keys.len());
        for (&k, &l) in self.keys.iter().zip(&self.lens) {
            v.push((k, start, l as usize));
            start += l as usize;
        }
        v
    }
    /// The same weights with the rows stored in order of decreasing use (`uses`, from running the model
    /// over its training data; ties and unused rows in key order). The rows used most then share cache
    /// lines and pages, and their keys are inserted first, so they sit in their home slots: scoring is
    /// faster (parser about 10 % on EWT dev) and gives exactly the same scores.
    pub fn relayout(&self, uses: &Uses) -> Frozen {
        let mut rows = self.row_list();
        let n = |k: &u64| uses.get(k).copied().unwrap_or(0);
        rows.sort_by(|x, y| n(&y.0).cmp(&n(&x.0)).then(x.0.cmp(&y.0)));
        self.rebuilt(&rows)
    }
    /// A table of the rows `rows` (`(key, start, len)` into this model's weights), in that order.
    fn rebuilt(&self, rows: &[(u64, usize, usize)]) -> Frozen {
        let (mut keys, mut lens, mut classes, mut weights) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for &(k, start, len) in rows {
            keys.push(k);
            lens.push(len as u8);
            for e in &self.ents[start..start + len] {
                classes.push(e.class);
                weights.push(e.w);
            }
        }
        Frozen::build(self.n_classes, self.scale, keys, lens, classes, weights)
    }
    /// Two models over the same features in one table (classes `0..a` from `a`, then those of `b`), so a
    /// feature both score is probed once. `None` when the classes do not fit one row. Rows keep the
    /// storage order of the two models (a key goes where it comes first in either: see
    /// [`Frozen::relayout`]).
    pub fn concat(a: &Frozen, b: &Frozen) -> Option<Frozen> {
        let nc = a.n_classes + b.n_classes;
        if nc > 255 {
            return None;
        }
        let (ra, rb) = (a.row_list(), b.row_list());
        let pos = |r: &[(u64, usize, usize)]| -> FastMap<u64, usize> {
            r.iter().enumerate().map(|(i, x)| (x.0, i)).collect()
        };
        let (pa, pb) = (pos(&ra), pos(&rb));
        let mut order: Vec<(usize, u64)> = ra.iter().enumerate().map(|(i, r)| (i, r.0)).collect();
        order.extend(rb.iter().enumerate().filter(|(_, r)| !pa.contains_key(&r.0)).map(|(i, r)| (i, r.0)));
        for o in order.iter_mut() {
            if let Some(&j) = pb.get(&o.1) {
                o.0 = o.0.min(j);
            }
        }
        order.sort_unstable();
        let (mut keys, mut lens, mut classes, mut weights) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for &(_, k) in &order {
            let mut len = 0usize;
            if let Some(&i) = pa.get(&k) {
                for e in &a.ents[ra[i].1..ra[i].1 + ra[i].2] {
                    classes.push(e.class);
                    weights.push(e.w);
                }
                len += ra[i].2;
            }
            if let Some(&j) = pb.get(&k) {
                for e in &b.ents[rb[j].1..rb[j].1 + rb[j].2] {
                    classes.push(e.class + a.n_classes as u16);
                    weights.push(e.w);
                }
                len += rb[j].2;
            }
            keys.push(k);
            lens.push(len as u8);
        }
        let mut start = 0;
        let ascending = lens.iter().all(|&l| {
            let row = &classes[start..start + l as usize];
            start += l as usize;
            row.windows(2).all(|w| w[0] < w[1])
        });
        let mut ab = Frozen::build(nc, a.scale, keys, lens, classes, weights);
        ab.ascending = ascending;
        Some(ab)
    }
    /// A copy without the weights whose magnitude is below `min_abs` (in weight units, not score units).
    pub fn pruned(&self, min_abs: f32) -> Frozen {
        let q = (min_abs / self.scale).ceil() as i32;
        let (mut keys, mut lens, mut classes, mut weights) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut start = 0usize;
        // walk the rows in storage order
        for (&k, &l) in self.keys.iter().zip(&self.lens) {
            let row = &self.ents[start..start + l as usize];
            start += l as usize;
            let kept: Vec<&Ent> = row.iter().filter(|e| (e.w as i32).abs() >= q).collect();
            if kept.is_empty() {
                continue;
            }
            keys.push(k);
            lens.push(kept.len() as u8);
            for e in kept {
                classes.push(e.class);
                weights.push(e.w);
            }
        }
        Frozen::build(self.n_classes, self.scale, keys, lens, classes, weights)
    }

    /// Serialises into `w`.
    pub fn write(&self, w: &mut BinWriter) {
        w.u32(self.n_classes as u32);
        w.f32(self.scale);
        w.u32(self.keys.len() as u32);
        for &k in &self.keys {
            w.u64(k);
        }
        w.buf.extend_from_slice(&self.lens);
        w.u32(self.ents.len() as u32);
        for e in &self.ents {
            w.u8(e.class as u8);
        }
        for e in &self.ents {
            w.buf.extend_from_slice(&e.w.to_le_bytes());
        }
    }
    /// Reads what [`Frozen::write`] wrote.
    pub fn read(r: &mut BinReader) -> Result<Frozen, String> {
        let n_classes = r.u32()? as usize;
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        let kb = r.bytes(n * 8)?;
        let keys: Vec<u64> = kb.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().unwrap())).collect();
        let lens = r.bytes(n)?.to_vec();
        let m = r.u32()? as usize;
        let classes: Vec<u16> = r.bytes(m)?.iter().map(|&c| c as u16).collect();
        let wb = r.bytes(m * 2)?;
        let weights: Vec<i16> = wb.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect();
        if lens.iter().map(|&l| l as usize).sum::<usize>() != m || classes.iter().any(|&c| c as usize >= n_classes) {
            return Err("inconsistent perceptron tables".into());
        }
        Ok(Frozen::build(n_classes, scale, keys, lens, classes, weights))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small trained model: 40 classes (so some rows are dense), 300 features.
    fn model(seed: u64) -> Frozen {
        let mut rng = crate::util::Rng::new(seed);
        let mut tr = Trainer::new(40);
        for _ in 0..4000 {
            let feats: Vec<u64> = (0..6).map(|_| crate::util::h2(seed, (rng.next_f64() * 300.0) as u64)).collect();
            let truth = (feats[0] % 40) as usize;
            let mut s = vec![0f32; 40];
            tr.score(&feats, &mut s);
            let guess = s.iter().enumerate().fold(0, |b, (i, &x)| if x > s[b] { i } else { b });
            tr.update(&feats, truth, guess);
            tr.tick();
        }
        tr.freeze(0.0)
    }

    fn scores(m: &Frozen, feats: &[u64]) -> Vec<i32> {
        let mut s = vec![0i32; m.n_classes()];
        m.score(feats, &mut s);
        s
    }

    #[test]
    fn relayout_orders_by_use_and_keeps_every_score() {
        let mut m = model(7);
        assert!(!m.dense.is_empty() && !m.ents.is_empty(), "the test model has dense and sparse rows");
        let probes: Vec<Vec<u64>> =
            (0..50u64).map(|i| (0..8).map(|j| crate::util::h2(7, (i * 13 + j * 7) % 320)).collect()).collect();
        m.count_uses(true);
        for p in &probes[..10] {
            scores(&m, p);
        }
        let uses = m.count_uses(false);
        assert!(!uses.is_empty());
        assert!(m.count_uses(false).is_empty(), "counting stopped");
        let r = m.relayout(&uses);
        let n = |k: &u64| uses.get(k).copied().unwrap_or(0);
        assert!(r.keys.windows(2).all(|w| n(&w[0]) >= n(&w[1])), "rows in order of decreasing use");
        assert_eq!(r.n_weights(), m.n_weights());
        for p in &probes {
            assert_eq!(scores(&r, p), scores(&m, p));
        }
        // the stored order survives writing and reading
        let mut w = BinWriter::new("t");
        r.write(&mut w);
        let back = Frozen::read(&mut BinReader::new(&w.buf, "t").unwrap()).unwrap();
        assert_eq!(back.keys, r.keys);
    }

    #[test]
    fn concat_scores_both_models_in_one_pass() {
        let (a, b) = (model(1), model(2));
        let (ua, ub) = (Uses::from_iter([(a.keys[5], 9)]), Uses::from_iter([(b.keys[3], 9)]));
        let (a, b) = (a.relayout(&ua), b.relayout(&ub));
        let ab = Frozen::concat(&a, &b).unwrap();
        let mut first = ab.keys[..2].to_vec();
        first.sort_unstable();
        let mut want = vec![a.keys[0], b.keys[0]];
        want.sort_unstable();
        assert_eq!(first, want, "the rows first in either model come first");
        let feats: Vec<u64> = a.keys.iter().take(20).chain(b.keys.iter().take(20)).copied().collect();
        let s = scores(&ab, &feats);
        assert_eq!(&s[..40], scores(&a, &feats).as_slice());
        assert_eq!(&s[40..], scores(&b, &feats).as_slice());
        // each half alone, as the tagger scores its passes
        assert!(ab.ascending, "trained rows keep their classes in order");
        for (lo, m) in [(0, &a), (40, &b)] {
            let mut half = vec![0i32; 40];
            ab.score_range(&feats, &mut half, lo);
            assert_eq!(half, scores(m, &feats));
        }
    }

    #[test]
    fn dense_rows_add_every_column_width() {
        // widths that end in a partial block of eight columns, and one narrower than eight
        let m = model(3);
        let feats: Vec<u64> = m.keys.iter().take(30).copied().collect();
        let full = scores(&m, &feats);
        for (lo, width) in [(0, 40), (0, 37), (3, 29), (5, 35), (1, 6)] {
            let mut s = vec![0i32; width];
            m.score_range(&feats, &mut s, lo);
            assert_eq!(s, full[lo..lo + width]);
        }
    }
}
