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

use crate::{Candidate, Form, TokenMentions, Tree};
use std::collections::HashMap;

/// One target option: a head token and the form of its phrase, or none (`head: None`).
#[derive(Clone, Debug)]
pub struct TargetOption {
    /// Head token of the phrase; `None` for "no target".
    pub head: Option<usize>,
    /// How much of the phrase the option takes.
    pub form: Form,
    /// Features.
    pub features: Vec<String>,
}

/// Longest dependency path (in steps) from the trigger to an option.
const MAX_PATH: usize = 4;

/// Whether the wide form is an option (5-fold CV on PLV train: target F1 0.550 without, 0.552 with).
const WIDE: bool = true;
/// Whether an option's linear distance from the trigger (nominal heads between, by side) is a feature
/// (5-/10-fold CV on PLV train: target F1 0.552 / 0.554 without, 0.567 / 0.563 with; with also whether the
/// option lies inside the source's phrase, 0.558 / 0.561).
const ORDER: bool = true;

/// Training passes (chosen by cross-validation on PLV train).
pub const EPOCHS: usize = 8;

/// Perceptrons (shuffles) averaged into the ranker (CV on PLV train, 5 / 10 folds: one 0.567 / 0.563,
/// four 0.560 / 0.569, eight 0.560 / 0.578).
pub const SHUFFLES: usize = 8;

/// Writes a relation label with the case marker of obliques and nominal modifiers into `out`.
fn write_label(t: &Tree, i: usize, out: &mut String) {
    let r = t.deprel(i);
    out.push_str(r);
    if r.starts_with("obl") || r.starts_with("nmod") {
        if let Some(c) = t.case(i) {
            out.push(':');
            out.push_str(&c);
        }
    }
}

/// Writes the dependency path from the token whose ancestors (itself first) are `up` to `k` into `out`
/// ("^nsubj vobj" style: up steps, then down steps) and returns its length, at most [`MAX_PATH`] steps.
fn path_into(t: &Tree, up: &[usize], k: usize, out: &mut String) -> Option<usize> {
    out.clear();
    let mut down = [0usize; MAX_PATH];
    let mut nd = 0;
    let mut cur = k;
    loop {
        if let Some(pos) = up.iter().position(|&x| x == cur) {
            if pos + nd > MAX_PATH || pos + nd == 0 {
                return None;
            }
            for &u in &up[..pos] {
                out.push('^');
                write_label(t, u, out);
                out.push(' ');
            }
            for &d in down[..nd].iter().rev() {
                out.push('v');
                write_label(t, d, out);
                out.push(' ');
            }
            out.pop();
            return Some(pos + nd);
        }
        if nd >= MAX_PATH {
            return None;
        }
        down[nd] = cur;
        nd += 1;
        cur = t.head(cur)?;
    }
}

/// What the option walk reports, in order: "no target" ([`Sink::none`]), then for each head its shared
/// features ([`Sink::base`]) and each of its forms ([`Sink::form`]), each followed by its features.
trait Sink {
    fn none(&mut self);
    fn base(&mut self, head: usize);
    fn form(&mut self, form: Form);
    fn feature(&mut self, f: &str);
}

/// Walks the options of candidate `c`: "no target" first, then each nominal near the trigger in its short
/// and (when different) long form. Features are written into one reused buffer, never allocated one by one.
fn walk(t: &Tree, c: &Candidate, tm: &TokenMentions, sink: &mut impl Sink) {
    use std::fmt::Write;
    let mut buf = String::new();
    macro_rules! emit {
        ($($a:tt)*) => {{
            buf.clear();
            let _ = write!(buf, $($a)*);
            sink.feature(&buf);
        }};
    }
    let nom = if c.nominal { "n" } else { "v" };
    sink.none();
    emit!("none");
    emit!("none|rule={}", c.target.is_some());
    emit!("none|{nom}");
    let trig_lemma = t.lemma(c.token).to_lowercase();
    let up: Vec<usize> = t.ancestors(c.token).take(MAX_PATH + 1).collect();
    let up_noun: Vec<usize> = match c.noun.filter(|&nn| nn != c.token) {
        Some(nn) => t.ancestors(nn).take(MAX_PATH + 1).collect(),
        None => Vec::new(),
    };
    let (mut p, mut q) = (String::new(), String::new());
    // nominal heads between the trigger and an option ("condemned X": none between)
    let nominal_head = |k: usize| {
        matches!(t.upos(k), "NOUN" | "PROPN" | "PRON" | "NUM")
            && !matches!(t.deprel(k), "flat" | "fixed" | "goeswith" | "compound")
    };
    let after = c.noun.filter(|_| !c.nominal).unwrap_or(c.token).max(c.token);
    // counted once: heads before the trigger, heads up to `after`, and (running) heads before `k`
    let (mut to_trigger, mut to_after) = (0usize, 0usize);
    if ORDER {
        for x in t.start..=after.min(t.end.saturating_sub(1)) {
            if nominal_head(x) {
                to_trigger += (x < c.token) as usize;
                to_after += 1;
            }
        }
    }
    let mut before = 0usize;
    for k in t.start..t.end {
        let heads_before = before;
        let is_head = ORDER && nominal_head(k);
        before += is_head as usize;
        if k == c.token || Some(k) == c.source || Some(k) == c.noun && !c.nominal {
            continue;
        }
        // a word of the source's name ("Ms" of "Ms Leavitt") is not what the event is done to (CV on PLV
        // train with 8 shuffles, 5 / 10 folds: 0.560 / 0.578 with it an option, 0.567 / 0.574 without)
        if t.deprel(k) == "compound" && t.head(k) == c.source {
            continue;
        }
        if !matches!(t.upos(k), "NOUN" | "PROPN" | "PRON" | "NUM")
            || matches!(t.deprel(k), "flat" | "fixed" | "goeswith")
        {
            continue;
        }
        let Some(n) = path_into(t, &up, k, &mut p) else { continue };
        sink.base(k);
        if ORDER {
            let (side, between) = if k > after {
                ("r", heads_before - to_after)
            } else {
                ("l", to_trigger.saturating_sub(heads_before + is_head as usize))
            };
            emit!("ord={side}{}", between.min(3));
        }
        let first = p.split(' ').next().unwrap_or("");
        let last = p.rsplit(' ').next().unwrap_or("");
        emit!("p={nom} {p}");
        emit!("pl={p}|{trig_lemma}");
        emit!("pl1={first}|{trig_lemma}");
        emit!("cl={}", Lower(t.lemma(k)));
        emit!("u={}", t.upos(k));
        emit!("ud={}|{}", t.upos(k), t.deprel(k));
        emit!("n={n}");
        emit!("p1={first}");
        emit!("pz={last}|{}", t.upos(k));
        emit!("side={}", k < c.token);
        let actor = crate::actor_like_with(t, k, || tm.actor[k]);
        emit!("a={actor}");
        emit!("ap={actor}|{p}");
        match tm.first[k] {
            Some(e) => emit!("m={e:?}"),
            None => emit!("m=-"),
        }
        if !up_noun.is_empty() && path_into(t, &up_noun, k, &mut q).is_some() {
            emit!("np={q}");
        }
        if c.target == Some(k) {
            emit!("rule");
        }
        let short = crate::phrase(t, k, false);
        let long = crate::phrase(t, k, true);
        sink.form(Form::Short);
        if long != short {
            emit!("short-of-long");
            sink.form(Form::Long);
            emit!("long");
            emit!("long|{p}");
            emit!("long|{}", t.upos(k));
            emit!("long|len={}", (long.1 - short.1).min(8));
            // what the tail starts with ("to complain ...", "of rebel leader X", "in the UN Security Council")
            if let Some(&m) = t.kids(k).iter().find(|&&m| m > short.1) {
                q.clear();
                write_label(t, m, &mut q);
                emit!("long|tail={q}");
            }
        }
        if WIDE {
            let wide = crate::phrase_form(t, k, Form::Wide);
            if wide != long {
                sink.form(Form::Wide);
                emit!("wide");
                emit!("wide|{p}");
                emit!("wide|{}", t.upos(k));
                emit!("wide|len={}", (wide.1 - long.1).min(8));
                emit!("wide|long={}", long != short);
                if let Some(&m) = t.kids(k).iter().find(|&&m| t.deprel(m) == "appos") {
                    emit!("wide|appos|{}", t.upos(m));
                }
            }
        }
    }
}

/// Writes a string lower-cased, without allocating.
struct Lower<'a>(&'a str);

impl std::fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        if !self.0.bytes().any(|b| b.is_ascii_uppercase()) && self.0.is_ascii() {
            return f.write_str(self.0);
        }
        for c in self.0.chars().flat_map(char::to_lowercase) {
            f.write_char(c)?;
        }
        Ok(())
    }
}

/// Collects the options with their features (for training and error analysis).
#[derive(Default)]
struct Collect {
    out: Vec<TargetOption>,
    base: Vec<String>,
    in_base: bool,
    head: usize,
}

impl Sink for Collect {
    fn none(&mut self) {
        self.in_base = false;
        self.out.push(TargetOption { head: None, form: Form::Short, features: Vec::new() });
    }
    fn base(&mut self, head: usize) {
        self.in_base = true;
        self.head = head;
        self.base.clear();
    }
    fn form(&mut self, form: Form) {
        self.in_base = false;
        self.out.push(TargetOption { head: Some(self.head), form, features: self.base.clone() });
    }
    fn feature(&mut self, f: &str) {
        if self.in_base {
            self.base.push(f.to_string());
        } else if let Some(o) = self.out.last_mut() {
            o.features.push(f.to_string());
        }
    }
}

/// Scores the options as they are walked and keeps the best (the first on ties).
struct Best<'m> {
    model: &'m TargetModel,
    base: f32,
    cur: f32,
    in_base: bool,
    open: Option<(Option<usize>, Form)>,
    head: usize,
    best: Option<((Option<usize>, Form), f32)>,
}

impl Best<'_> {
    fn close(&mut self) {
        if let Some(o) = self.open.take() {
            if self.best.is_none_or(|(_, s)| self.cur > s) {
                self.best = Some((o, self.cur));
            }
        }
    }
}

impl Sink for Best<'_> {
    fn none(&mut self) {
        self.close();
        self.in_base = false;
        self.open = Some((None, Form::Short));
        self.cur = 0.0;
    }
    fn base(&mut self, head: usize) {
        self.close();
        self.in_base = true;
        self.head = head;
        self.base = 0.0;
    }
    fn form(&mut self, form: Form) {
        self.close();
        self.in_base = false;
        self.open = Some((Some(self.head), form));
        self.cur = self.base;
    }
    fn feature(&mut self, f: &str) {
        let w = self.model.weights.get(f).copied().unwrap_or(0.0);
        if self.in_base {
            self.base += w;
        } else {
            self.cur += w;
        }
    }
}

/// The options for candidate `c`: "no target" first, then each nominal near the trigger in its short and
/// (when different) long form.
pub(crate) fn options(t: &Tree, c: &Candidate, tm: &TokenMentions) -> Vec<TargetOption> {
    let mut sink = Collect::default();
    walk(t, c, tm, &mut sink);
    sink.out
}

/// The model's target for candidate `c`: a head and its form, or `None` for no target.
pub(crate) fn best(t: &Tree, c: &Candidate, tm: &TokenMentions, model: &TargetModel) -> Option<(usize, Form)> {
    let mut sink = Best { model, base: 0.0, cur: 0.0, in_base: false, open: None, head: 0, best: None };
    walk(t, c, tm, &mut sink);
    sink.close();
    sink.best.and_then(|((h, form), _)| h.map(|h| (h, form)))
}

/// The target model: one weight per feature.
#[derive(Clone, Debug, Default)]
pub struct TargetModel {
    weights: accord_doc::hash::FnvMap<String, f32>,
}

impl TargetModel {
    /// Reads the `@feature<TAB>weight` lines of an events model file (other lines are the type model's).
    pub fn parse(src: &str) -> TargetModel {
        let mut weights = accord_doc::hash::FnvMap::default();
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

    /// The index of the best of collected options (the first on ties).
    pub fn best_of(&self, options: &[TargetOption]) -> usize {
        let mut best = (0, f32::NEG_INFINITY);
        for (i, o) in options.iter().enumerate() {
            let s = self.score(&o.features);
            if s > best.1 {
                best = (i, s);
            }
        }
        best.0
    }

    /// Averaged perceptrons over (options' features, gold option) items, one per fixed shuffle
    /// ([`SHUFFLES`] of them), their weights averaged: one perceptron's held-out F1 moves by ±0.02 with
    /// the order of the items.
    pub fn train(data: &[(Vec<Vec<String>>, usize)], epochs: usize) -> TargetModel {
        let n = SHUFFLES;
        let mut sum: accord_doc::hash::FnvMap<String, f32> = accord_doc::hash::FnvMap::default();
        for s in 0..n {
            let m = Self::train_one(data, epochs, 0x7a26_e7c3 + s as u64);
            for (f, w) in m.weights {
                *sum.entry(f).or_default() += w / n as f32;
            }
        }
        TargetModel { weights: sum }
    }

    /// One averaged perceptron with the shuffle of `seed`.
    fn train_one(data: &[(Vec<Vec<String>>, usize)], epochs: usize, seed: u64) -> TargetModel {
        let mut w: HashMap<String, f32> = HashMap::new();
        let mut total: HashMap<String, f32> = HashMap::new();
        let mut stamp: HashMap<String, u32> = HashMap::new();
        let mut step: u32 = 1;
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = accord_doc::hash::Rng::new(seed);
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
        let mut avg = accord_doc::hash::FnvMap::default();
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
            .map(|x| TargetOption { head: Some(0), form: Form::Short, features: f(&[x]) })
            .collect();
        assert_eq!(m.best_of(&test), 1);
        let back = TargetModel::parse(&m.to_tsv());
        assert_eq!(back.best_of(&test), 1);
        assert!(TargetModel::parse("w=x\tAGREE=1.0\n").is_empty());
    }
}
