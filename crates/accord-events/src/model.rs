//! The event-type model: a linear scorer over candidate features, one weight per (feature, PLOVER type),
//! trained as a latent-trigger averaged perceptron (each training sentence gives its type, not its
//! trigger: the best-scoring candidate under the gold type is taken as the trigger). Weights ship in
//! `crates/accord-events/models/events.tsv` (see `models/events.md` there); without weights, the lexicons' types are used.

use crate::{Candidate, TYPES};
use std::collections::HashMap;
use std::sync::OnceLock;

const NT: usize = TYPES.len();

/// Score the manual's verb lexicon adds to its type (chosen by cross-validation on PLV train).
pub const LEXICON_PRIOR: f32 = 1.0;

/// Weights: feature → one weight per type.
#[derive(Clone, Debug, Default)]
pub struct Model {
    weights: accord_doc::hash::FnvMap<String, [f32; NT]>,
    training: bool,
}

/// Index and value of the highest score.
pub fn argmax(s: &[f32; NT]) -> (usize, f32) {
    let mut best = (0, f32::NEG_INFINITY);
    for (i, &v) in s.iter().enumerate() {
        if v > best.1 {
            best = (i, v);
        }
    }
    best
}

/// Confidence of the best type: a softmax over the types, scaled by how far the best score is above zero
/// (so that confidences of different candidates compare as their scores do).
pub fn confidence(s: &[f32; NT], best: f32) -> f32 {
    let z: f32 = s.iter().map(|&v| (v - best).exp()).sum();
    let p = 1.0 / z.max(1.0);
    let g = 1.0 / (1.0 + (-best / 4.0).exp());
    (0.5 * p + 0.5 * g).clamp(0.0, 1.0)
}

impl Model {
    /// The shipped model (`models/events.tsv`), parsed once.
    pub fn shipped() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| Model::parse(include_str!("../models/events.tsv")))
    }

    /// Parses the TSV form: `feature<TAB>TYPE=w TYPE=w ...`.
    pub fn parse(src: &str) -> Model {
        let mut weights = accord_doc::hash::FnvMap::default();
        for line in src.lines() {
            if line.starts_with('#') || line.starts_with('@') || line.trim().is_empty() {
                continue;
            }
            let Some((f, ws)) = line.split_once('\t') else { continue };
            let mut w = [0f32; NT];
            for kv in ws.split(' ') {
                if let Some((k, v)) = kv.split_once('=') {
                    if let (Some(i), Ok(v)) = (crate::lexicon::type_index(k), v.parse::<f32>()) {
                        w[i] = v;
                    }
                }
            }
            weights.insert(f.to_string(), w);
        }
        Model { weights, training: false }
    }

    /// True when the model has no weights.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The TSV form, features sorted.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut keys: Vec<&String> = self.weights.keys().collect();
        keys.sort();
        let mut out = String::from(header);
        for k in keys {
            let w = &self.weights[k];
            let parts: Vec<String> =
                (0..NT).filter(|&i| w[i].abs() >= 0.0005).map(|i| format!("{}={:.3}", TYPES[i], w[i])).collect();
            if !parts.is_empty() {
                out.push_str(&format!("{k}\t{}\n", parts.join(" ")));
            }
        }
        out
    }

    /// Type scores of a candidate. Without weights, the lexicon features vote.
    pub fn scores(&self, features: &[String]) -> [f32; NT] {
        let mut s = [0f32; NT];
        if self.weights.is_empty() && !self.training {
            for f in features {
                for (p, w) in [("dp=", 3.0), ("dd=", 1.0), ("tv=", 2.0), ("tn=", 1.5)] {
                    if let Some(t) = f.strip_prefix(p).and_then(crate::lexicon::type_index) {
                        s[t] += w;
                    }
                }
            }
            return s;
        }
        for f in features {
            if let Some(w) = self.weights.get(f.as_str()) {
                for i in 0..NT {
                    s[i] += w[i];
                }
            }
            // the PLOVER manual's event words are a fixed prior the weights are learned on top of
            if let Some(t) = f.strip_prefix("tv=").and_then(crate::lexicon::type_index) {
                s[t] += LEXICON_PRIOR;
            }
        }
        s
    }

    /// Best (candidate, type, score) of a sentence.
    fn best(&self, cands: &[Candidate], only: Option<usize>) -> Option<(usize, usize, f32)> {
        let mut best: Option<(usize, usize, f32)> = None;
        for (ci, c) in cands.iter().enumerate() {
            let s = self.scores(&c.features);
            let (t, v) = match only {
                Some(t) => (t, s[t]),
                None => argmax(&s),
            };
            if best.is_none_or(|b| v > b.2) {
                best = Some((ci, t, v));
            }
        }
        best
    }

    /// Predicted type of a sentence from its candidates (the best candidate's best type).
    pub fn predict(&self, cands: &[Candidate]) -> Option<(usize, usize)> {
        self.best(cands, None).map(|(c, t, _)| (c, t))
    }

    /// Trains on sentences (candidates, gold type index) for `epochs` passes in a fixed shuffled order;
    /// returns the averaged weights. Features seen fewer than `min_count` times are left out.
    pub fn train(data: &[(Vec<Candidate>, usize)], epochs: usize, min_count: usize) -> Model {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (cands, _) in data {
            for c in cands {
                for f in &c.features {
                    *counts.entry(f.as_str()).or_default() += 1;
                }
            }
        }
        let mut m = Model { training: true, ..Model::default() };
        let mut total: HashMap<String, [f32; NT]> = HashMap::new();
        let mut stamp: HashMap<String, [u32; NT]> = HashMap::new();
        let mut step: u32 = 1;
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut seed: u64 = 0x9e3779b97f4a7c15;
        let keep = |f: &String| counts.get(f.as_str()).copied().unwrap_or(0) >= min_count;
        for _ in 0..epochs {
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
            for &k in &order {
                let (cands, gold) = &data[k];
                if cands.is_empty() {
                    continue;
                }
                let Some((pc, pt, _)) = m.best(cands, None) else { continue };
                if pt != *gold {
                    let (gc, _, _) = m.best(cands, Some(*gold)).expect("candidates");
                    for (c, t, d) in [(gc, *gold, 1.0f32), (pc, pt, -1.0)] {
                        for f in cands[c].features.iter().filter(|f| keep(f)) {
                            let w = m.weights.entry(f.clone()).or_insert([0.0; NT]);
                            let tot = total.entry(f.clone()).or_insert([0.0; NT]);
                            let st = stamp.entry(f.clone()).or_insert([0; NT]);
                            tot[t] += (step - st[t]) as f32 * w[t];
                            st[t] = step;
                            w[t] += d;
                        }
                    }
                }
                step += 1;
            }
        }
        // average
        let mut avg = Model::default();
        for (f, w) in &m.weights {
            let tot = total.get(f).copied().unwrap_or([0.0; NT]);
            let st = stamp.get(f).copied().unwrap_or([0; NT]);
            let mut a = [0f32; NT];
            for t in 0..NT {
                a[t] = (tot[t] + (step - st[t]) as f32 * w[t]) / step as f32;
            }
            avg.weights.insert(f.clone(), a);
        }
        avg
    }
}
