//! The averaged perceptron shared by the tagger, the parser and the entity recogniser.
//!
//! Features are 64-bit hashes (see [`crate::util::h2`]); each feature owns a sparse row of class weights.
//! [`Trainer`] keeps rows in a map and averages with Daumé's trick (`w − u/c`); [`Frozen`] is the shipped
//! form: pruned, quantised to `i16`, stored as flat arrays behind an open-addressing table, so scoring
//! is a probe plus a short loop per feature and allocates nothing.

use crate::util::{table_vec, BinReader, BinWriter, FastMap};

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
            let ents: Vec<(u16, f32)> =
                acc.iter().enumerate().map(|(c, &a)| (c as u16, (a / k) as f32)).filter(|(_, w)| w.abs() >= prune && w.abs() > 0.0).collect();
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
}

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

/// [`add_row`] compiled for AVX2 (sixteen weights per instruction instead of four).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_row_avx2(scores: &mut [i32], row: &[i16]) {
    add_row(scores, row)
}

impl Frozen {
    fn build(n_classes: usize, scale: f32, keys: Vec<u64>, lens: Vec<u8>, classes: Vec<u16>, weights: Vec<i16>) -> Frozen {
        let cap = (keys.len() + keys.len() / 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = table_vec(cap, Slot::default());
        let mut s = 0u32;
        let n_dense = if n_classes >= 16 { lens.iter().filter(|&&l| (l as usize) * DENSE_DIV >= n_classes).count() } else { 0 };
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
        Frozen { n_classes, scale, mask, slots, keys, lens, ents, dense }
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
        const MAX: usize = 128;
        for &f in feats {
            prefetch(self.slots.as_ptr().wrapping_add((f as usize) & self.mask));
        }
        let mut rows = [(0u32, 0u32); MAX];
        let mut n = 0;
        let nc = self.n_classes;
        for &f in feats {
            if let Some((a, l)) = self.row(f) {
                if l & DENSE != 0 {
                    prefetch(self.dense.as_ptr().wrapping_add(a as usize * nc));
                } else {
                    prefetch(self.ents.as_ptr().wrapping_add(a as usize));
                }
                if n < MAX {
                    rows[n] = (a, l);
                    n += 1;
                }
            }
        }
        let scores = &mut scores[..nc];
        #[cfg(target_arch = "x86_64")]
        let avx2 = std::arch::is_x86_feature_detected!("avx2");
        for &(a, l) in &rows[..n] {
            let l = if l & DENSE != 0 { l } else { (l >> START_BITS) & 0xFF };
            if l & DENSE != 0 {
                let row = &self.dense[a as usize * nc..(a as usize + 1) * nc];
                #[cfg(target_arch = "x86_64")]
                if avx2 {
                    // SAFETY: the CPU supports AVX2 (checked above).
                    unsafe { add_row_avx2(scores, row) };
                    continue;
                }
                add_row(scores, row);
            } else {
                for e in &self.ents[a as usize..(a + l) as usize] {
                    scores[e.class as usize] += e.w as i32;
                }
            }
        }
    }
    /// Two models over the same features in one table (classes `0..a` from `a`, then those of `b`), so a
    /// feature both score is probed once. `None` when the classes do not fit one row.
    pub fn concat(a: &Frozen, b: &Frozen) -> Option<Frozen> {
        let nc = a.n_classes + b.n_classes;
        if nc > 255 {
            return None;
        }
        let rows = |f: &Frozen| {
            let mut start = 0usize;
            let mut v: Vec<(u64, usize, usize)> = Vec::with_capacity(f.keys.len());
            for (&k, &l) in f.keys.iter().zip(&f.lens) {
                v.push((k, start, l as usize));
                start += l as usize;
            }
            v.sort_unstable_by_key(|r| r.0);
            v
        };
        let (ra, rb) = (rows(a), rows(b));
        let (mut keys, mut lens, mut classes, mut weights) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut i, mut j) = (0, 0);
        while i < ra.len() || j < rb.len() {
            let ka = ra.get(i).map(|r| r.0).unwrap_or(u64::MAX);
            let kb = rb.get(j).map(|r| r.0).unwrap_or(u64::MAX);
            let k = ka.min(kb);
            let mut len = 0usize;
            if i < ra.len() && ka == k {
                for e in &a.ents[ra[i].1..ra[i].1 + ra[i].2] {
                    classes.push(e.class);
                    weights.push(e.w);
                }
                len += ra[i].2;
                i += 1;
            }
            if j < rb.len() && kb == k {
                for e in &b.ents[rb[j].1..rb[j].1 + rb[j].2] {
                    classes.push(e.class + a.n_classes as u16);
                    weights.push(e.w);
                }
                len += rb[j].2;
                j += 1;
            }
            keys.push(k);
            lens.push(len as u8);
        }
        Some(Frozen::build(nc, a.scale, keys, lens, classes, weights))
    }
    /// A copy without the weights whose magnitude is below `min_abs` (in weight units, not score units).
    pub fn pruned(&self, min_abs: f32) -> Frozen {
        let q = (min_abs / self.scale).ceil() as i32;
        let (mut keys, mut lens, mut classes, mut weights) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut start = 0usize;
        // rows are stored in key order; walk keys with their lengths
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
