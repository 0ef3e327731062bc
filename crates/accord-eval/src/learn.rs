//! Trains the learned-attribution scorer (`accord-attribution`'s [`learned`] module) from a brat corpus:
//! `accord train --only attribution` reads `../shared/data/polnear/data/train`.
//!
//! For every article the pipeline runs with the rules only; gold relations that no rule attribution
//! matches (content overlap > 0.3 of the gold span, greedy one-to-one, as `accord eval` scores) are the
//! ones left to learn. Every learned-attribution candidate is labelled positive when its content
//! overlaps such a gold relation by more than 0.3 of the gold span. A logistic regression is fitted
//! (seeded shuffles: the same corpus and seed give byte-identical weights) and the probability threshold
//! is the one that maximises content F1@0.3 of rules + candidates on the training articles themselves.
//!
//! [`learned`]: accord_attribution::learned

use crate::brat::{self, BratDoc};
use crate::EvalError;
use accord_attribution::learned::{self, Candidate, Scorer};
use accord_doc::{Doc, Meta, Span};
use accord_pipeline::{Options, Pipeline, RawDoc};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// What to train on and where to write.
#[derive(Clone, Debug)]
pub struct LearnOptions {
    /// Brat corpus folder (text/ and attributions/).
    pub corpus: PathBuf,
    /// Output folder for `attribution.tsv` and `attribution.md`.
    pub out: PathBuf,
    /// Use only the first N articles (sorted by name).
    pub limit_docs: Option<usize>,
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffle seed.
    pub seed: u64,
}

/// Figures of one training run.
#[derive(Clone, Debug, Default)]
pub struct LearnReport {
    /// Articles read.
    pub docs: usize,
    /// Gold relations.
    pub gold: usize,
    /// Gold relations the rules already match.
    pub rules_matched: usize,
    /// Rule predictions.
    pub rules_predicted: usize,
    /// Candidates, and how many are positive.
    pub candidates: usize,
    /// Positive candidates.
    pub positives: usize,
    /// Chosen threshold.
    pub threshold: f32,
    /// Content F1@0.3 on the training articles: rules alone, then rules + learned.
    pub f1_rules: f64,
    /// See `f1_rules`.
    pub f1_learned: f64,
    /// Feature weights kept.
    pub weights: usize,
    /// Speaker-mention accuracy on the training articles: rules alone, then rules + learned.
    pub speaker_rules: f64,
    /// See `speaker_rules`.
    pub speaker_learned: f64,
}

/// Weights whose magnitude stays below this are dropped.
pub const PRUNE: f32 = 0.01;

/// How far the learned candidates may lower the speaker-mention accuracy on the training articles
/// (at most one point).
pub const SPEAKER_SLACK: f64 = 0.01;

/// A span in code points: (start, end).
type Chars = (usize, usize);

/// One article's gold relations and predictions, as code point spans: (content, speaker).
struct Prepared {
    gold: Vec<(usize, usize)>,
    gold_speakers: Vec<Option<(usize, usize)>>,
    rules: Vec<(usize, usize)>,
    rule_speakers: Vec<Option<(usize, usize)>>,
    candidates: Vec<Candidate>,
    /// Per candidate: content and speaker as code point spans.
    candidate_spans: Vec<(Chars, Option<Chars>)>,
}

fn char_span(map: &[usize], s: Span) -> (usize, usize) {
    (map[s.start], map[s.end])
}

/// Greedy one-to-one matching at overlap > 0.3 of the gold span: for each gold item, the prediction
/// matched to it.
fn pairs(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> Vec<Option<usize>> {
    let mut used = vec![None; gold.len()];
    let mut order: Vec<usize> = (0..pred.len()).collect();
    order.sort_by_key(|&i| pred[i]);
    for p in order {
        if let Some(i) = (0..gold.len()).find(|&i| used[i].is_none() && overlaps(gold[i], pred[p])) {
            used[i] = Some(p);
        }
    }
    used
}

/// Which gold items are matched.
fn matched(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> Vec<bool> {
    pairs(gold, pred).iter().map(Option::is_some).collect()
}

/// Speaker-mention agreement on matched pairs where either side has a speaker: (right, counted).
fn speaker_agreement(p: &Prepared, preds: &[(usize, usize)], speakers: &[Option<(usize, usize)>]) -> (usize, usize) {
    let (mut right, mut n) = (0, 0);
    for (g, m) in pairs(&p.gold, preds).into_iter().enumerate() {
        let Some(m) = m else { continue };
        match (p.gold_speakers[g], speakers[m]) {
            (None, None) => {}
            (Some(a), Some(b)) => {
                n += 1;
                right += (a.1.min(b.1) > a.0.max(b.0)) as usize;
            }
            _ => n += 1,
        }
    }
    (right, n)
}

fn overlaps(g: (usize, usize), p: (usize, usize)) -> bool {
    let inter = g.1.min(p.1).saturating_sub(g.0.max(p.0));
    g.1 > g.0 && inter as f64 / (g.1 - g.0) as f64 > 0.3
}

fn prepare(pipeline: &Pipeline, d: &BratDoc) -> Prepared {
    let raw = RawDoc { text: d.text.clone(), meta: Meta { id: d.stem.clone(), date: d.date(), ..Default::default() } };
    let mut doc: Doc = pipeline.process(raw);
    accord_attribution::extract_with(&mut doc, None);
    // byte offset → code point offset
    let mut map = vec![0usize; doc.text.len() + 1];
    let mut c = 0;
    for (b, ch) in doc.text.char_indices() {
        for slot in &mut map[b..b + ch.len_utf8()] {
            *slot = c;
        }
        c += 1;
    }
    map[doc.text.len()] = c;
    let gold: Vec<(usize, usize)> = d.relations.iter().map(|r| r.content.cover()).map(|s| (s.start, s.end)).collect();
    let gold_speakers =
        d.relations.iter().map(|r| r.source.as_ref().map(|s| s.cover()).map(|s| (s.start, s.end))).collect();
    let rules: Vec<(usize, usize)> = doc.attributions.iter().map(|a| char_span(&map, a.content)).collect();
    let rule_speakers = doc.attributions.iter().map(|a| a.speaker.map(|s| char_span(&map, s))).collect();
    let candidates = learned::document_candidates(&doc, &doc.attributions, true);
    let candidate_spans =
        candidates.iter().map(|c| (char_span(&map, c.content), c.speaker.map(|s| char_span(&map, s)))).collect();
    Prepared { gold, gold_speakers, rules, rule_speakers, candidates, candidate_spans }
}

fn f1(tp: usize, pred: usize, gold: usize) -> f64 {
    let p = tp as f64 / pred.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Reads the corpus of `opts` and runs the rules over every article.
fn load(opts: &LearnOptions, log: &mut dyn FnMut(String)) -> Result<Vec<Prepared>, EvalError> {
    let mut pairs = brat::list_dir(&opts.corpus)?;
    if let Some(n) = opts.limit_docs {
        pairs.truncate(n);
    }
    let docs: Vec<BratDoc> = pairs.iter().map(|(t, a)| BratDoc::read(t, a)).collect::<Result<_, _>>()?;
    let pipeline = Pipeline::new(Options { disabled: vec!["attribution".into()], ..Default::default() })
        .map_err(|e| EvalError::Parse { path: "models".into(), message: e.to_string() })?;
    log(format!("attribution: running the rules over {} articles of {}", docs.len(), opts.corpus.display()));
    Ok(docs.par_iter().map(|d| prepare(&pipeline, d)).collect())
}

/// The labelled candidates of one article: positive when the content matches a gold relation the rules
/// missed and the speaker agrees with that relation's (both absent, or overlapping).
fn examples_of(p: &Prepared) -> Vec<(Vec<String>, bool)> {
    let used = matched(&p.gold, &p.rules);
    p.candidates
        .iter()
        .zip(&p.candidate_spans)
        .map(|(c, (cs, sp))| {
            let y = (0..p.gold.len()).any(|g| {
                !used[g]
                    && overlaps(p.gold[g], *cs)
                    && match (p.gold_speakers[g], sp) {
                        (None, None) => true,
                        (Some(a), Some(b)) => a.1.min(b.1) > a.0.max(b.0),
                        _ => false,
                    }
            });
            (c.names.clone(), y)
        })
        .collect()
}

/// Content F1@0.3 and speaker-mention accuracy of rules + the candidates whose probability (one list per
/// article) reaches `th` (above 1: the rules alone).
fn score_at(prepared: &[Prepared], probabilities: &[Vec<f32>], th: f32) -> (f64, f64) {
    let (mut tp, mut pred, mut right, mut n, mut gold) = (0, 0, 0, 0, 0);
    for (p, probabilities) in prepared.iter().zip(probabilities) {
        let mut preds = p.rules.clone();
        let mut speakers = p.rule_speakers.clone();
        for i in learned::select(&p.candidates, probabilities, th) {
            preds.push(p.candidate_spans[i].0);
            speakers.push(p.candidate_spans[i].1);
        }
        tp += matched(&p.gold, &preds).iter().filter(|&&u| u).count();
        pred += preds.len();
        gold += p.gold.len();
        let (r, k) = speaker_agreement(p, &preds, &speakers);
        right += r;
        n += k;
    }
    (f1(tp, pred, gold), right as f64 / n.max(1) as f64)
}

/// The thresholds tried: 0.10, 0.15, ..., 0.90.
fn thresholds() -> impl Iterator<Item = f32> {
    (2..=18).map(|step| step as f32 * 0.05)
}

/// Figures of a cross-fitted run (see [`crossfit_attribution`]).
#[derive(Clone, Debug, Default)]
pub struct CrossfitReport {
    /// Articles and folds.
    pub docs: usize,
    /// Folds.
    pub folds: usize,
    /// Content F1@0.3 and speaker-mention accuracy of the rules alone.
    pub rules: (f64, f64),
    /// Per threshold: threshold, content F1@0.3, speaker-mention accuracy (rules + cross-fitted candidates).
    pub by_threshold: Vec<(f32, f64, f64)>,
    /// The threshold a training run on all articles would choose from the cross-fitted figures (best F1
    /// with the speaker-mention accuracy within [`SPEAKER_SLACK`] of the rules'), and its figures.
    pub chosen: (f32, f64, f64),
    /// The threshold of the scorer built into this binary, if any.
    pub shipped: Option<f32>,
}

/// Cross-fits the scorer: the articles (sorted by name) go round-robin into `folds` folds; each fold's
/// candidates are scored by a scorer trained, as `accord train --only attribution` trains it, on the other
/// folds' articles, and content F1@0.3 of rules + candidates is computed over all articles for each
/// threshold. No article is scored by a scorer that saw it, so the figures say what held-out articles of
/// the same kind get (the rules themselves are not fitted). Writes nothing.
pub fn crossfit_attribution(
    opts: &LearnOptions,
    folds: usize,
    log: &mut dyn FnMut(String),
) -> Result<CrossfitReport, EvalError> {
    let folds = folds.max(2);
    let prepared = load(opts, log)?;
    let examples: Vec<Vec<(Vec<String>, bool)>> = prepared.iter().map(examples_of).collect();
    let mut probabilities: Vec<Vec<f32>> = vec![Vec::new(); prepared.len()];
    for f in 0..folds {
        let train: Vec<(Vec<String>, bool)> =
            examples.iter().enumerate().filter(|(i, _)| i % folds != f).flat_map(|(_, e)| e.iter().cloned()).collect();
        let scorer = Scorer::train(&train, opts.epochs, opts.seed, PRUNE);
        for (i, p) in prepared.iter().enumerate().filter(|(i, _)| i % folds == f) {
            probabilities[i] = p.candidates.iter().map(|c| scorer.probability(&c.features)).collect();
        }
        log(format!("attribution: fold {} of {folds} scored ({} training candidates)", f + 1, train.len()));
    }
    let rules = score_at(&prepared, &probabilities, 2.0);
    let by_threshold: Vec<(f32, f64, f64)> = thresholds()
        .map(|th| {
            let (f, sp) = score_at(&prepared, &probabilities, th);
            (th, f, sp)
        })
        .collect();
    let mut chosen = (2.0, rules.0, rules.1);
    for &(th, f, sp) in &by_threshold {
        if f > chosen.1 + 1e-9 && sp >= rules.1 - SPEAKER_SLACK {
            chosen = (th, f, sp);
        }
    }
    let shipped = Scorer::shipped().map(|s| s.threshold);
    Ok(CrossfitReport { docs: prepared.len(), folds, rules, by_threshold, chosen, shipped })
}

/// Trains the scorer, writes `attribution.tsv` and `attribution.md` into `opts.out`.
pub fn train_attribution(opts: &LearnOptions, log: &mut dyn FnMut(String)) -> Result<LearnReport, EvalError> {
    let prepared = load(opts, log)?;
    let mut report = LearnReport { docs: prepared.len(), ..Default::default() };
    let mut examples: Vec<(Vec<String>, bool)> = Vec::new();
    for p in &prepared {
        report.gold += p.gold.len();
        report.rules_matched += matched(&p.gold, &p.rules).iter().filter(|&&u| u).count();
        report.rules_predicted += p.rules.len();
        examples.extend(examples_of(p));
    }
    report.candidates = examples.len();
    report.positives = examples.iter().filter(|e| e.1).count();
    log(format!(
        "attribution: {} gold relations, rules match {}; {} candidates, {} positive",
        report.gold, report.rules_matched, report.candidates, report.positives
    ));
    let mut scorer = Scorer::train(&examples, opts.epochs, opts.seed, PRUNE);
    report.f1_rules = f1(report.rules_matched, report.rules_predicted, report.gold);
    // The threshold that maximises F1@0.3 on the training articles while the speaker-mention accuracy
    // does not fall below the rules' own (a learned candidate's subject is a weaker speaker
    // than a cue's).
    // the candidates' probabilities do not depend on the threshold: score them once
    let probabilities: Vec<Vec<f32>> =
        prepared.iter().map(|p| p.candidates.iter().map(|c| scorer.probability(&c.features)).collect()).collect();
    let score = |th: f32| score_at(&prepared, &probabilities, th);
    let (_, rules_speakers) = score(2.0);
    report.speaker_rules = rules_speakers;
    let mut best = (report.f1_rules, 2.0f32, rules_speakers);
    for th in thresholds() {
        let (f, sp) = score(th);
        log(format!("attribution: threshold {th:.2}: F1@0.3 {f:.3}, speaker-mention accuracy {sp:.3}"));
        if f > best.0 + 1e-9 && sp >= rules_speakers - SPEAKER_SLACK {
            best = (f, th, sp);
        }
    }
    report.speaker_learned = best.2;
    scorer.threshold = best.1;
    report.threshold = best.1;
    report.f1_learned = best.0;
    report.weights = scorer.len();
    let header = format!(
        "Learned-attribution weights (logistic regression; see crates/accord-attribution/models/attribution.md).\n\
         Written by `accord train --only attribution` from {} articles of PolNeAR train; seed {}, {} epochs.\n\
         Features are words and tags of candidate verbs (lemma, form, first word of the content), not text.",
        report.docs, opts.seed, opts.epochs
    );
    std::fs::create_dir_all(&opts.out).map_err(|e| EvalError::io(&opts.out, e))?;
    let tsv = opts.out.join("attribution.tsv");
    std::fs::write(&tsv, scorer.write(&header)).map_err(|e| EvalError::io(&tsv, e))?;
    let md = opts.out.join("attribution.md");
    std::fs::write(&md, card(opts, &report)).map_err(|e| EvalError::io(&md, e))?;
    log(format!(
        "attribution: threshold {:.2}, F1@0.3 on train {:.3} → {:.3}; {} weights in {}",
        report.threshold,
        report.f1_rules,
        report.f1_learned,
        report.weights,
        tsv.display()
    ));
    Ok(report)
}

fn card(opts: &LearnOptions, r: &LearnReport) -> String {
    let limit = opts.limit_docs.map(|n| format!(" (first {n} articles)")).unwrap_or_default();
    format!(
        "# attribution: learned attribution scorer\n\n\
         ## Data and licences\n\n\
         - PolNeAR train{limit}: {} articles of 2016 US election news with attribution relations (Newell, Margolin and Ruths, LREC 2018). \
         The corpus states no licence; it is read from `../shared` at training time and never copied. The weights file holds word and tag \
         features (lemmas, forms, part-of-speech and dependency labels) with their weights, no text.\n\n\
         ## Method\n\n\
         The pipeline runs with the attribution rules only. Every verb with an object or clause after it, noun with an about/of/on/for \
         phrase or a that-clause, and adjective with a complement that no rule attribution covers is a candidate (content: the \
         complement subtrees; speaker: the subject, the subject shared with the verb it depends on, or a noun's possessor). \
         A candidate is positive when its content overlaps, by more than 0.3 of the gold span, a gold relation that no rule attribution \
         matches, and its speaker agrees with that relation's. Logistic regression by SGD ({} epochs, learning rate 0.1/(1+epoch), L2 1e-4, seeded shuffles, weights below {PRUNE} dropped) \
         over part of speech, lemma, form, tag and relation of the candidate word, relations of its complements, first word and tag of the content, the subject's \
         tag and lemma, content length and complementiser. The threshold maximises content F1@0.3 of rules + candidates on the training \
         articles among those that keep the speaker-mention accuracy within {SPEAKER_SLACK} of the rules' own. Positives need the speaker \
         to agree as well (both absent, or overlapping the gold source), so that the scorer learns which subjects are speakers.\n\n\
         ## Figures (training articles)\n\n\
         - gold relations {}, matched by the rules {}, rule predictions {}\n\
         - candidates {}, positive {}\n\
         - threshold {:.2}; content F1@0.3 rules alone {:.3}, rules + learned {:.3}; speaker-mention accuracy {:.3} → {:.3}\n\
         - weights kept: {}\n\n\
         Held-out figures: `accord eval --brat ../shared/data/polnear/data/dev` (see README.md).\n\n\
         ## Reproduce\n\n\
         `accord train --only attribution` (after the NLP models are built into the binary, since candidates are read off their parse). \
         Seed {}; deterministic.\n",
        r.docs, opts.epochs, r.gold, r.rules_matched, r.rules_predicted, r.candidates, r.positives, r.threshold, r.f1_rules, r.f1_learned, r.speaker_rules, r.speaker_learned, r.weights, opts.seed
    )
}

/// The PolNeAR train folder under a shared data folder.
pub fn polnear_train(shared: &Path) -> PathBuf {
    shared.join("data/polnear/data/train")
}
