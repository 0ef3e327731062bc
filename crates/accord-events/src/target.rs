//! The target ranker: which phrase of the sentence an event is done to.
//!
//! The rules of [`crate::candidates`] propose one target head per trigger (the indirect object, an object
//! that can be an actor, the possessor of a thing, a prepositional object). PLV-style annotation often
//! wants something else: the object without its prepositional tail ("the Russian ambassador", not "the
//! Russian ambassador to complain about ..."), the possessor ("refuted Trump's comments" → Trump), a
//! noun two steps away ("released two followers of rebel leader X"). So every nominal within four
//! dependency steps of the trigger is an option, in a short and a long form (with or without its
//! prepositional modifiers), beside "no target"; a linear model over the dependency path from the trigger,
//! the option's part of speech and entity type, whether the rules picked it, and the event type ranks them.
//! It is trained as an averaged perceptron on the scored event of each PLV training sentence, coded by a
//! type model that did not see that sentence (the option that overlaps the gold target best is the
//! answer, or "no target" when none does). Weights ship in
//! `models/events.tsv` as lines starting with `@`; without them the rules' target is kept.

use crate::{Candidate, Tree};
use std::collections::HashMap;

/// One target option: a head token and the form of its phrase, or none (`head: None`).
#[derive(Clone, Debug)]
pub struct TargetOption {
    /// Head token of the phrase; `None` for "no target".
    pub head: Option<usize>,
    /// True for the long form (with prepositional modifiers).
    pub long: bool,
    /// Features.
    pub features: Vec<String>,
}

/// Longest dependency path (in steps) from the trigger to an option.
const MAX_PATH: usize = 4;

/// Training passes (chosen by cross-validation on PLV train).
pub const EPOCHS: usize = 8;

/// A relation label with the case marker of obliques and nominal modifiers ("obl:against").
fn label(t: &Tree, i: usize) -> String {
    let r = t.deprel(i);
    if r.starts_with("obl") || r.starts_with("nmod") {
        if let Some(c) = t.case(i) {
            return format!("{r}:{c}");
        }
    }
    r.to_string()
}

/// The dependency path from `a` to `k` ("^nsubj vobj" style: up steps, then down steps), at most
/// [`MAX_PATH`] steps.
fn path(t: &Tree, a: usize, k: usize) -> Option<(String, usize)> {
    let up: Vec<usize> = t.ancestors(a).take(MAX_PATH + 1).collect();
    let mut down = Vec::new();
    let mut cur = k;
    loop {
        if let Some(pos) = up.iter().position(|&x| x == cur) {
            if pos + down.len() > MAX_PATH || pos + down.len() == 0 {
                return None;
            }
            let mut s = String::new();
            for &u in &up[..pos] {
                s.push('^');
                s.push_str(&label(t, u));
                s.push(' ');
            }
            for &d in down.iter().rev() {
                s.push('v');
                s.push_str(&label(t, d));
                s.push(' ');
            }
            s.pop();
            return Some((s, pos + down.len()));
        }
        if down.len() >= MAX_PATH {
            return None;
        }
        down.push(cur);
        cur = t.head(cur)?;
    }
}

/// The options for candidate `c` of type `ty`: "no target" first, then each nominal near the trigger in
/// its short and (when different) long form.
pub fn options(t: &Tree, c: &Candidate, ty: usize) -> Vec<TargetOption> {
    let doc = t.doc;
    // the event type is not a feature: with it, 5-fold CV on PLV train gave target F1 0.540, without it
    // 0.536 (within noise), and a ranker that ignores the type cannot inherit the type model's errors
    let _ = ty;
    let nom = if c.nominal { "n" } else { "v" };
    let mut out = vec![TargetOption {
        head: None,
        long: false,
        features: vec!["none".into(), format!("none|rule={}", c.target.is_some()), format!("none|{nom}")],
    }];
    for k in t.start..t.end {
        if k == c.token || Some(k) == c.source || Some(k) == c.noun && !c.nominal {
            continue;
        }
        if !matches!(t.upos(k), "NOUN" | "PROPN" | "PRON" | "NUM")
            || matches!(t.deprel(k), "flat" | "fixed" | "goeswith")
        {
            continue;
        }
        let Some((p, n)) = path(t, c.token, k) else { continue };
        let mut base: Vec<String> = Vec::with_capacity(16);
        let first = p.split(' ').next().unwrap_or("");
        let last = p.rsplit(' ').next().unwrap_or("");
        base.push(format!("p={nom} {p}"));
        base.push(format!("pl={p}|{}", t.lemma(c.token).to_lowercase()));
        base.push(format!("pl1={first}|{}", t.lemma(c.token).to_lowercase()));
        base.push(format!("cl={}", t.lemma(k).to_lowercase()));
        base.push(format!("u={}", t.upos(k)));
        base.push(format!("ud={}|{}", t.upos(k), t.deprel(k)));
        base.push(format!("n={n}"));
        base.push(format!("p1={first}"));
        base.push(format!("pz={last}|{}", t.upos(k)));
        base.push(format!("side={}", k < c.token));
        let actor = crate::actor_like(doc, t, k);
        base.push(format!("a={actor}"));
        base.push(format!("ap={actor}|{p}"));
        let etype = doc
            .mentions
            .iter()
            .find(|m| m.span.contains(doc.tokens[k].span))
            .and_then(|m| m.etype)
            .map(|e| format!("{e:?}"))
            .unwrap_or_else(|| "-".into());
        base.push(format!("m={etype}"));
        if let Some(nn) = c.noun.filter(|&nn| nn != c.token) {
            if let Some((q, _)) = path(t, nn, k) {
                base.push(format!("np={q}"));
            }
        }
        if c.target == Some(k) {
            base.push("rule".into());
        }
        let short = crate::phrase(t, k, false);
        let long = crate::phrase(t, k, true);
        for (form, differs) in [(false, false), (true, long != short)] {
            if form && !differs {
                continue;
            }
            let mut f = base.clone();
            if form {
                f.push("long".into());
                f.push(format!("long|{p}"));
                f.push(format!("long|{}", t.upos(k)));
                f.push(format!("long|len={}", (long.1 - short.1).min(8)));
                // what the tail starts with ("to complain ...", "of rebel leader X", "in the UN Security Council")
                if let Some(&m) = t.kids(k).iter().find(|&&m| m > short.1) {
                    f.push(format!("long|tail={}", label(t, m)));
                }
            } else if long != short {
                f.push("short-of-long".into());
            }
            out.push(TargetOption { head: Some(k), long: form, features: f });
        }
    }
    out
}

/// The target model: one weight per feature.
#[derive(Clone, Debug, Default)]
pub struct TargetModel {
    weights: HashMap<String, f32>,
}

impl TargetModel {
    /// Reads the `@feature<TAB>weight` lines of an events model file (other lines are the type model's).
    pub fn parse(src: &str) -> TargetModel {
        let mut weights = HashMap::new();
        for line in src.lines() {
            let Some(rest) = line.strip_prefix('@') else { continue };
            if let Some((f, w)) = rest.rsplit_once('\t') {
                if let Ok(w) = w.trim().parse::<f32>() {
                    weights.insert(f.to_string(), w);
                }
            }
        }
        TargetModel { weights }
    }

    /// True without weights (the rules' target is then kept).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The `@` lines, sorted.
    pub fn to_tsv(&self) -> String {
        let mut keys: Vec<&String> = self.weights.keys().collect();
        keys.sort();
        let mut out = String::new();
        for k in keys {
            let w = self.weights[k];
            if w.abs() >= 0.0005 {
                out.push_str(&format!("@{k}\t{w:.3}\n"));
            }
        }
        out
    }

    /// The score of one option.
    pub fn score(&self, features: &[String]) -> f32 {
        features.iter().filter_map(|f| self.weights.get(f.as_str())).sum()
    }

    /// The index of the best option (the first on ties).
    pub fn best(&self, options: &[TargetOption]) -> usize {
        let mut best = (0, f32::NEG_INFINITY);
        for (i, o) in options.iter().enumerate() {
            let s = self.score(&o.features);
            if s > best.1 {
                best = (i, s);
            }
        }
        best.0
    }

    /// Averaged perceptron over (options' features, gold option) items, fixed shuffle.
    pub fn train(data: &[(Vec<Vec<String>>, usize)], epochs: usize) -> TargetModel {
        let mut w: HashMap<String, f32> = HashMap::new();
        let mut total: HashMap<String, f32> = HashMap::new();
        let mut stamp: HashMap<String, u32> = HashMap::new();
        let mut step: u32 = 1;
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = accord_doc::hash::Rng::new(0x7a26_e7c3);
        let score = |w: &HashMap<String, f32>, f: &[String]| -> f32 { f.iter().filter_map(|x| w.get(x)).sum() };
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &k in &order {
                let (opts, gold) = &data[k];
                let mut pred = (0, f32::NEG_INFINITY);
                for (i, f) in opts.iter().enumerate() {
                    let s = score(&w, f);
                    if s > pred.1 {
                        pred = (i, s);
                    }
                }
                if pred.0 != *gold {
                    for (f, d) in opts[*gold].iter().map(|f| (f, 1.0)).chain(opts[pred.0].iter().map(|f| (f, -1.0))) {
                        let cur = w.entry(f.clone()).or_default();
                        let last = stamp.entry(f.clone()).or_insert(0);
                        *total.entry(f.clone()).or_default() += *cur * (step - *last) as f32;
                        *last = step;
                        *cur += d;
                    }
                }
                step += 1;
            }
        }
        let mut avg = HashMap::new();
        for (f, cur) in &w {
            let last = stamp.get(f).copied().unwrap_or(0);
            let t = total.get(f).copied().unwrap_or(0.0) + cur * (step - last) as f32;
            avg.insert(f.clone(), t / step as f32);
        }
        TargetModel { weights: avg }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn learns_the_option_its_features_mark_and_round_trips() {
        // the answer is the option with "p=obj", wherever it stands; "none" is never right here
        let data: Vec<(Vec<Vec<String>>, usize)> = (0..20)
            .map(|i| {
                let mut opts = vec![f(&["none"]), f(&["p=nsubj", "u=NOUN"]), f(&["p=obl", "u=PROPN"])];
                let at = 1 + i % 3;
                opts.insert(at, f(&["p=obj", "u=NOUN"]));
                (opts, at)
            })
            .collect();
        let m = TargetModel::train(&data, EPOCHS);
        let test: Vec<TargetOption> = ["p=obl", "p=obj", "p=nsubj"]
            .iter()
            .map(|x| TargetOption { head: Some(0), long: false, features: f(&[x]) })
            .collect();
        assert_eq!(m.best(&test), 1);
        let back = TargetModel::parse(&m.to_tsv());
        assert_eq!(back.best(&test), 1);
        assert!(TargetModel::parse("w=x\tAGREE=1.0\n").is_empty());
    }
}
