//! Event coding evaluation (`accord eval --events FILE`): PLV-format CSV (text,label,meta,context,source,
//! target) or the PLOVER gold-standard records (JSON), scored with the definitions of
//! `../shared/tools/score_events.py`: one scored event per sentence (the most confident), type accuracy and
//! macro-F1 over the gold types, per-type table, confusions, and source/target span P/R/F1 (exact, the
//! two-sided overlap rule, and one-sided gold-covered). Also trains the event-type model and measures it by
//! k-fold cross-validation over documents (each PLV sentence is its own document).

use crate::EvalError;
use accord_doc::Doc;
use accord_events::model::Model;
use accord_events::TYPES;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// One gold sentence.
#[derive(Clone, Debug)]
pub struct GoldSentence {
    /// `sentence_id` from the meta column (or the record id).
    pub id: String,
    /// The sentence.
    pub text: String,
    /// PLOVER type (normalised: CONCEDE/RETREAT → YIELD, ...).
    pub label: String,
    /// Distinct explicit source strings.
    pub sources: Vec<String>,
    /// Distinct explicit target strings.
    pub targets: Vec<String>,
}

/// Normalises a type name as the reference scorer does.
pub fn norm_type(t: &str) -> String {
    let t: String = t.trim().chars().take_while(|c| c.is_ascii_alphabetic() || *c == '_').collect();
    let t = t.to_uppercase();
    match t.as_str() {
        "CONCEDE" | "RETREAT" => "YIELD".into(),
        "DEMAND" => "REQUEST".into(),
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE".into(),
        "FIGHT" => "ASSAULT".into(),
        _ => t,
    }
}

/// Parses CSV (RFC 4180 quoting) into rows of fields.
fn parse_csv(src: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

const PLACEHOLDERS: &[&str] = &["actor", "recipient", ""];

/// Reads PLV CSV or PLOVER GSR JSON gold.
pub fn load_gold(path: &Path) -> Result<Vec<GoldSentence>, EvalError> {
    let src = std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
    let bad = |m: String| EvalError::Parse { path: path.display().to_string(), message: m };
    if src.trim_start().starts_with('[') {
        let v: serde_json::Value = serde_json::from_str(&src).map_err(|e| bad(e.to_string()))?;
        let mut out = Vec::new();
        for r in v.as_array().into_iter().flatten() {
            let label = norm_type(r["event"].as_str().unwrap_or(""));
            let text = r["text"].as_str().unwrap_or("").to_string();
            if label == "DOCUMENT" || text.is_empty() || !TYPES.contains(&label.as_str()) {
                continue;
            }
            let actors = |k: &str| -> Vec<String> {
                let mut o: Vec<String> = Vec::new();
                for a in r[k].as_array().into_iter().flatten() {
                    if let Some(t) = a["actorText"].as_str().map(str::trim).filter(|t| !t.is_empty()) {
                        if !o.iter().any(|x| x == t) {
                            o.push(t.to_string());
                        }
                    }
                }
                o
            };
            out.push(GoldSentence {
                id: r["id"].as_str().unwrap_or("").to_string(),
                sources: actors("source"),
                targets: actors("target"),
                text,
                label,
            });
        }
        return Ok(out);
    }
    let rows = parse_csv(&src);
    let Some(header) = rows.first() else { return Ok(Vec::new()) };
    let col = |n: &str| header.iter().position(|h| h.trim() == n);
    let (Some(ct), Some(cl)) = (col("text"), col("label")) else {
        return Err(bad("no text/label columns".into()));
    };
    let (cm, cs, cg) = (col("meta"), col("source"), col("target"));
    let mut out: Vec<GoldSentence> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (n, row) in rows.iter().enumerate().skip(1) {
        if row.len() <= ct.max(cl) {
            if row.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            return Err(bad(format!("row {} has {} fields", n + 1, row.len())));
        }
        let meta = cm.and_then(|c| row.get(c)).map(String::as_str).unwrap_or("");
        let mut id = meta
            .find("sentence_id=")
            .map(|p| meta[p + 12..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>())
            .unwrap_or_else(|| out.len().to_string());
        if let Some(&k) = index.get(&id) {
            if out[k].text != row[ct] {
                id = format!("{id}-{}", out.len());
            }
        }
        let k = *index.entry(id.clone()).or_insert_with(|| {
            out.push(GoldSentence {
                id: id.clone(),
                text: row[ct].clone(),
                label: norm_type(&row[cl]),
                sources: Vec::new(),
                targets: Vec::new(),
            });
            out.len() - 1
        });
        for (c, role) in [(cs, 0), (cg, 1)] {
            let a = c.and_then(|c| row.get(c)).map(|s| s.trim().to_string()).unwrap_or_default();
            if PLACEHOLDERS.contains(&a.to_lowercase().as_str()) {
                continue;
            }
            let list = if role == 0 { &mut out[k].sources } else { &mut out[k].targets };
            if !list.contains(&a) {
                list.push(a);
            }
        }
    }
    Ok(out)
}

/// One sentence's scored prediction: type and source/target spans (code points).
#[derive(Clone, Debug, Default)]
pub struct Pred {
    /// Predicted type, `None` for no event.
    pub etype: Option<String>,
    /// Source span.
    pub source: Option<(usize, usize)>,
    /// Target span.
    pub target: Option<(usize, usize)>,
    /// Trigger span (for error listings).
    pub trigger: Option<(usize, usize)>,
}

/// The scored event of a document: the most confident one (the first on ties).
pub fn pred_of(doc: &Doc) -> Pred {
    let out = doc.to_output();
    let mut best: Option<&accord_doc::schema::EventOut> = None;
    for e in &out.events {
        if best.is_none_or(|b| e.confidence > b.confidence) {
            best = Some(e);
        }
    }
    let Some(e) = best else { return Pred::default() };
    Pred {
        etype: Some(norm_type(&e.etype)),
        source: e.source.as_ref().map(|s| (s.span.start, s.span.end)),
        target: e.target.as_ref().map(|s| (s.span.start, s.span.end)),
        trigger: Some((e.trigger.start, e.trigger.end)),
    }
}

fn occurrences(text: &[char], needle: &[char]) -> Vec<(usize, usize)> {
    if needle.is_empty() || needle.len() > text.len() {
        return Vec::new();
    }
    (0..=text.len() - needle.len())
        .filter(|&i| &text[i..i + needle.len()] == needle)
        .map(|i| (i, i + needle.len()))
        .collect()
}

const EDGE: &str = " \t\n\"'\u{2018}\u{2019}\u{201c}\u{201d}.,;:()[]";

fn trim(text: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && EDGE.contains(text[s]) {
        s += 1;
    }
    while e > s && EDGE.contains(text[e - 1]) {
        e -= 1;
    }
    let w: String = text[s..e].iter().take(4).collect::<String>().to_lowercase();
    for art in ["the", "a", "an"] {
        if w.starts_with(art) && text.get(s + art.len()).is_some_and(|c| c.is_whitespace()) && s + art.len() < e {
            let mut k = s + art.len();
            while k < e && text[k].is_whitespace() {
                k += 1;
            }
            s = k;
            break;
        }
    }
    (s, e)
}

/// The trimmed predicted span against each trimmed occurrence of each gold string: `(pred, gold, inter,
/// gold length, pred length)` per pair (lengths at least 1), or nothing for an empty or out-of-range span.
fn pairs<'a>(
    text: &'a [char],
    pred: (usize, usize),
    golds: &'a [String],
) -> impl Iterator<Item = ((usize, usize), (usize, usize), f64, f64, f64)> + 'a {
    let ok = pred.1 <= text.len() && pred.0 < pred.1;
    let (ps, pe) = if ok { trim(text, pred.0, pred.1) } else { (0, 0) };
    golds.iter().filter(move |_| ok).flat_map(move |g| {
        let gc: Vec<char> = g.chars().collect();
        occurrences(text, &gc).into_iter().map(move |(gs, ge)| {
            let (gs, ge) = trim(text, gs, ge);
            let inter = pe.min(ge).saturating_sub(ps.max(gs)) as f64;
            let glen = (ge.saturating_sub(gs)).max(1) as f64;
            let plen = (pe.saturating_sub(ps)).max(1) as f64;
            ((ps, pe), (gs, ge), inter, glen, plen)
        })
    })
}

/// The best intersection-over-union of `pred` with an occurrence of a gold string that it matches by the
/// two-sided overlap rule (0 when none does).
fn overlap(text: &[char], pred: (usize, usize), golds: &[String]) -> f64 {
    pairs(text, pred, golds)
        .filter(|&(_, _, inter, glen, plen)| inter > 0.5 * glen && inter > 0.5 * plen)
        .map(|(_, _, inter, glen, plen)| inter / (glen + plen - inter))
        .fold(0.0, f64::max)
}

fn matches(text: &[char], pred: (usize, usize), golds: &[String], how: u8) -> bool {
    pairs(text, pred, golds).any(|(p, g, inter, glen, plen)| match how {
        0 => p == g,
        1 => inter > 0.5 * glen && inter > 0.5 * plen,
        _ => inter > 0.5 * glen,
    })
}

/// Scores of one run.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct EventScores {
    /// Sentences.
    pub n: usize,
    /// Sentences with no event.
    pub no_event: usize,
    /// Type accuracy.
    pub accuracy: f64,
    /// Type macro-F1 over the gold types.
    pub macro_f1: f64,
    /// Per type: (type, gold, predicted, P, R, F1).
    pub per_type: Vec<(String, usize, usize, f64, f64, f64)>,
    /// Top confusions (gold, predicted, count).
    pub confusions: Vec<(String, String, usize)>,
    /// Source: (predicted, gold, [exact, overlap, covered] P/R/F1).
    pub source: SpanScores,
    /// Target.
    pub target: SpanScores,
}

/// Span scores of one role.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct SpanScores {
    /// Predicted spans.
    pub predicted: usize,
    /// Gold spans.
    pub gold: usize,
    /// (P, R, F1) exact.
    pub exact: (f64, f64, f64),
    /// (P, R, F1) two-sided overlap: the headline figure.
    pub overlap: (f64, f64, f64),
    /// (P, R, F1) gold covered > 0.5.
    pub covered: (f64, f64, f64),
}

fn prf(tp: usize, np: usize, ng: usize) -> (f64, f64, f64) {
    let p = if np > 0 { tp as f64 / np as f64 } else { 0.0 };
    let r = if ng > 0 { tp as f64 / ng as f64 } else { 0.0 };
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

/// Scores predictions (aligned with `gold`).
pub fn score(gold: &[GoldSentence], preds: &[Pred]) -> EventScores {
    let mut labels: Vec<String> = gold.iter().map(|g| g.label.clone()).collect();
    labels.sort();
    labels.dedup();
    let pairs: Vec<(String, String)> = gold
        .iter()
        .zip(preds)
        .map(|(g, p)| (g.label.clone(), p.etype.clone().unwrap_or_else(|| "NONE".into())))
        .collect();
    let n = gold.len().max(1);
    let mut s = EventScores { n: gold.len(), ..Default::default() };
    s.no_event = preds.iter().filter(|p| p.etype.is_none()).count();
    s.accuracy = pairs.iter().filter(|(g, p)| g == p).count() as f64 / n as f64;
    let mut f1s = Vec::new();
    for l in &labels {
        let tp = pairs.iter().filter(|(g, p)| g == l && p == l).count();
        let np = pairs.iter().filter(|(_, p)| p == l).count();
        let ng = pairs.iter().filter(|(g, _)| g == l).count();
        let (p, r, f) = prf(tp, np, ng);
        f1s.push(f);
        s.per_type.push((l.clone(), ng, np, p, r, f));
    }
    s.macro_f1 = if f1s.is_empty() { 0.0 } else { f1s.iter().sum::<f64>() / f1s.len() as f64 };
    let mut conf: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (g, p) in &pairs {
        if g != p && p != "NONE" {
            *conf.entry((g.clone(), p.clone())).or_default() += 1;
        }
    }
    let mut conf: Vec<_> = conf.into_iter().map(|((g, p), c)| (g, p, c)).collect();
    conf.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    conf.truncate(8);
    s.confusions = conf;
    for role in 0..2 {
        let mut c = [0usize; 3];
        let (mut np, mut ng) = (0, 0);
        for (g, p) in gold.iter().zip(preds) {
            let text: Vec<char> = g.text.chars().collect();
            let golds = if role == 0 { &g.sources } else { &g.targets };
            let sp = if role == 0 { p.source } else { p.target };
            ng += golds.len();
            if let Some(sp) = sp {
                np += 1;
                for (how, slot) in c.iter_mut().enumerate() {
                    *slot += matches(&text, sp, golds, how as u8) as usize;
                }
            }
        }
        let r = SpanScores {
            predicted: np,
            gold: ng,
            exact: prf(c[0], np, ng),
            overlap: prf(c[1], np, ng),
            covered: prf(c[2], np, ng),
        };
        if role == 0 {
            s.source = r;
        } else {
            s.target = r;
        }
    }
    s
}

/// Runs the pipeline over the gold sentences (one document each), in parallel, in order.
pub fn analyse(pipeline: &accord_pipeline::Pipeline, gold: &[GoldSentence]) -> Vec<Doc> {
    gold.par_chunks(32)
        .flat_map_iter(|chunk| {
            let raws = chunk
                .iter()
                .map(|g| accord_pipeline::RawDoc {
                    text: g.text.clone(),
                    meta: accord_doc::Meta { id: g.id.clone(), ..Default::default() },
                })
                .collect();
            pipeline.process_batch(raws)
        })
        .collect()
}

/// Candidates of every sentence of a document with the gold type index, for training.
fn training_item(doc: &Doc, label: &str) -> Option<(Vec<accord_events::Candidate>, usize)> {
    let ty = TYPES.iter().position(|t| *t == label)?;
    let cands: Vec<_> = (0..doc.sentences.len()).flat_map(|s| accord_events::candidates(doc, s)).collect();
    Some((cands, ty))
}

/// Training passes and feature count cut-off (chosen by cross-validation on PLV train).
pub const EPOCHS: usize = 10;
/// Features seen fewer times than this are not learned.
pub const MIN_COUNT: usize = 1;

/// Parts of the training data whose type models code the target ranker's training events.
pub const INNER_FOLDS: usize = 5;

/// Training passes of the target ranker.
pub const TARGET_EPOCHS: usize = accord_events::target::EPOCHS;

/// Both event models: the type model and the target ranker.
pub struct Models {
    /// The event-type model.
    pub types: Model,
    /// The target ranker.
    pub targets: accord_events::target::TargetModel,
}

/// Trains the event models on analysed gold documents: the type model first, then the target ranker on
/// the scored event (the most confident) of each sentence as the type model codes it, with the option
/// that overlaps the gold target best as the answer ("no target" when none does).
pub fn train(docs: &[Doc], gold: &[GoldSentence]) -> Models {
    let data: Vec<_> = docs.iter().zip(gold).filter_map(|(d, g)| training_item(d, &g.label)).collect();
    let types = Model::train(&data, EPOCHS, MIN_COUNT);
    // the ranker learns from events coded as on unseen text: each sentence's event is coded by a type model
    // trained without it (INNER_FOLDS parts), not by `types`, which knows every training sentence's type
    let inner: Vec<Model> = (0..INNER_FOLDS)
        .map(|f| {
            let part: Vec<_> = docs
                .iter()
                .zip(gold)
                .enumerate()
                .filter(|(i, _)| i % INNER_FOLDS != f)
                .filter_map(|(_, (d, g))| training_item(d, &g.label))
                .collect();
            Model::train(&part, EPOCHS, MIN_COUNT)
        })
        .collect();
    let empty = accord_events::target::TargetModel::default();
    let items: Vec<(Vec<Vec<String>>, usize)> = docs
        .par_iter()
        .zip(gold)
        .enumerate()
        .filter_map(|(i, (d, g))| {
            let mut d = d.clone();
            let mut rec = Vec::new();
            accord_events::extract_with(&mut d, &inner[i % INNER_FOLDS], &empty, Some(&mut rec));
            let mut best: Option<&accord_events::TargetRecord> = None;
            for r in &rec {
                if best.is_none_or(|b| r.confidence > b.confidence) {
                    best = Some(r);
                }
            }
            let r = best?;
            let text: Vec<char> = d.text.chars().collect();
            let cp = |b: usize| d.text[..b].chars().count();
            let mut answer = (0, 0.0);
            for (i, (span, _)) in r.options.iter().enumerate() {
                if let Some((s, e)) = span {
                    let o = overlap(&text, (cp(*s), cp(*e)), &g.targets);
                    if o > answer.1 {
                        answer = (i, o);
                    }
                }
            }
            // a gold target that no option reaches says nothing about "no target": taught as the answer, it
            // made the ranker leave out a target in 143 of 1,044 held-out sentences, 131 of which have one
            if answer.0 == 0 && !g.targets.is_empty() {
                return None;
            }
            Some((r.options.iter().map(|(_, f)| f.clone()).collect(), answer.0))
        })
        .collect();
    let reach = items.iter().filter(|(_, a)| *a != 0).count();
    tracing::debug!("target ranker: an option overlaps the gold target in {reach} of {} sentences", gold.len());
    let targets = accord_events::target::TargetModel::train(&items, accord_events::target::EPOCHS);
    Models { types, targets }
}

/// Predictions with given models: the events stage rerun on each analysed document.
pub fn predict_with(docs: &[Doc], models: &Models) -> Vec<Pred> {
    docs.par_iter()
        .map(|d| {
            let mut d = d.clone();
            accord_events::extract_with(&mut d, &models.types, &models.targets, None);
            pred_of(&d)
        })
        .collect()
}

/// k-fold cross-validation over documents (fold = index mod k): the scores of each fold and of all
/// held-out predictions together.
pub fn cross_validate(docs: &[Doc], gold: &[GoldSentence], k: usize) -> (Vec<EventScores>, EventScores, Vec<Pred>) {
    let k = k.max(2);
    let mut all = vec![Pred::default(); gold.len()];
    let mut folds = Vec::new();
    for f in 0..k {
        let train_idx: Vec<usize> = (0..gold.len()).filter(|i| i % k != f).collect();
        let test_idx: Vec<usize> = (0..gold.len()).filter(|i| i % k == f).collect();
        let tdocs: Vec<Doc> = train_idx.iter().map(|&i| docs[i].clone()).collect();
        let tgold: Vec<GoldSentence> = train_idx.iter().map(|&i| gold[i].clone()).collect();
        let m = train(&tdocs, &tgold);
        let hdocs: Vec<Doc> = test_idx.iter().map(|&i| docs[i].clone()).collect();
        let hgold: Vec<GoldSentence> = test_idx.iter().map(|&i| gold[i].clone()).collect();
        let p = predict_with(&hdocs, &m);
        folds.push(score(&hgold, &p));
        for (j, &i) in test_idx.iter().enumerate() {
            all[i] = p[j].clone();
        }
    }
    let total = score(gold, &all);
    (folds, total, all)
}

/// How one role of one sentence came out, for the error listing.
fn span_outcome(text: &[char], pred: Option<(usize, usize)>, golds: &[String]) -> &'static str {
    match pred {
        None if golds.is_empty() => "right (none)",
        None => "missed: no span predicted",
        Some(_) if golds.is_empty() => "spurious: no gold span",
        Some(p) if matches(text, p, golds, 1) => "right",
        Some(p) => {
            let best = pairs(text, p, golds).max_by(|a, b| a.2.total_cmp(&b.2));
            match best {
                None => "wrong: gold string not in the text",
                Some((_, _, 0.0, _, _)) => "wrong: another phrase",
                Some((_, _, inter, glen, plen)) if inter > 0.5 * glen && inter <= 0.5 * plen => {
                    "wrong: too long (covers the gold)"
                }
                Some(_) => "wrong: too short or shifted",
            }
        }
    }
}

/// Prints the source and target outcomes by kind (split by whether the type was right) and up to `n`
/// examples of each wrong kind.
pub fn print_span_errors(
    w: &mut impl std::io::Write,
    gold: &[GoldSentence],
    preds: &[Pred],
    n: usize,
) -> std::io::Result<()> {
    for (role, name) in [(0, "source"), (1, "target")] {
        let mut kinds: BTreeMap<(&str, bool), Vec<String>> = BTreeMap::new();
        for (g, p) in gold.iter().zip(preds) {
            let text: Vec<char> = g.text.chars().collect();
            let (golds, sp) = if role == 0 { (&g.sources, p.source) } else { (&g.targets, p.target) };
            let kind = span_outcome(&text, sp, golds);
            let type_ok = p.etype.as_deref() == Some(g.label.as_str());
            let show = |s: Option<(usize, usize)>| {
                s.filter(|&(a, b)| a < b && b <= text.len()).map(|(a, b)| text[a..b].iter().collect::<String>())
            };
            let line = format!(
                "[{}] gold {} {:?} | pred {} trigger {:?} {} {:?} | {}",
                g.id,
                g.label,
                golds,
                p.etype.as_deref().unwrap_or("NONE"),
                show(p.trigger).unwrap_or_default(),
                name,
                show(sp),
                g.text
            );
            kinds.entry((kind, type_ok)).or_default().push(line);
        }
        writeln!(w, "{name} outcomes by kind (type right / type wrong):")?;
        let names: std::collections::BTreeSet<&str> = kinds.keys().map(|k| k.0).collect();
        for k in &names {
            let a = kinds.get(&(k, true)).map_or(0, Vec::len);
            let b = kinds.get(&(k, false)).map_or(0, Vec::len);
            writeln!(w, "  {:>5} {:>5}  {k}", a, b)?;
        }
        for ((k, ok), lines) in &kinds {
            if k.starts_with("right") || n == 0 {
                continue;
            }
            writeln!(w, "{name}: {k} (type {}):", if *ok { "right" } else { "wrong" })?;
            for l in lines.iter().take(n) {
                writeln!(w, "    {l}")?;
            }
        }
    }
    Ok(())
}

/// Prints scores in the reference scorer's layout.
pub fn print(w: &mut impl std::io::Write, s: &EventScores) -> std::io::Result<()> {
    writeln!(w, "gold: {} sentences; {} with no event (scored NONE)", s.n, s.no_event)?;
    writeln!(w, "{:<10} {:>5} {:>5} {:>6} {:>6} {:>6}", "type", "gold", "pred", "P", "R", "F1")?;
    for (l, ng, np, p, r, f) in &s.per_type {
        writeln!(w, "{l:<10} {ng:>5} {np:>5} {p:>6.3} {r:>6.3} {f:>6.3}")?;
    }
    let conf: Vec<String> = s.confusions.iter().map(|(g, p, c)| format!("{g}->{p} {c}")).collect();
    writeln!(w, "top confusions (gold->pred): {}", conf.join(", "))?;
    writeln!(w, "type: accuracy {:.3}  macro-F1 {:.3}", s.accuracy, s.macro_f1)?;
    for (name, r) in [("source", &s.source), ("target", &s.target)] {
        writeln!(
            w,
            "{name}: {} predicted / {} gold spans; exact P {:.3} R {:.3} F1 {:.3}; overlap P {:.3} R {:.3} F1 {:.3}; covered P {:.3} R {:.3} F1 {:.3}",
            r.predicted, r.gold, r.exact.0, r.exact.1, r.exact.2, r.overlap.0, r.overlap.1, r.overlap.2, r.covered.0,
            r.covered.1, r.covered.2
        )?;
    }
    writeln!(
        w,
        "events: macro-F1 {:.3} acc {:.3} source-F1 {:.3} target-F1 {:.3}",
        s.macro_f1, s.accuracy, s.source.overlap.2, s.target.overlap.2
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_overlap_rule() {
        let rows = parse_csv("a,b\n\"x, \"\"y\"\"\",z\n");
        assert_eq!(rows[1], vec!["x, \"y\"".to_string(), "z".to_string()]);
        let text: Vec<char> = "The US army attacked rebels in the north".chars().collect();
        let gold = vec!["US army".to_string()];
        assert!(matches(&text, (0, 11), &gold, 1), "a leading article is trimmed");
        assert!(!matches(&text, (0, 30), &gold, 1), "an over-long span does not match");
        assert!(matches(&text, (0, 30), &gold, 2), "but covers the gold");
        assert_eq!(norm_type("concede"), "YIELD");
    }

    #[test]
    fn span_outcomes_by_kind() {
        let text: Vec<char> = "The US army attacked rebels in the north".chars().collect();
        let gold = vec!["rebels in the north".to_string()];
        assert_eq!(span_outcome(&text, Some((21, 40)), &gold), "right");
        assert_eq!(span_outcome(&text, Some((21, 27)), &gold), "wrong: too short or shifted");
        assert_eq!(span_outcome(&text, Some((0, 11)), &gold), "wrong: another phrase");
        assert_eq!(span_outcome(&text, None, &gold), "missed: no span predicted");
        assert_eq!(span_outcome(&text, Some((0, 11)), &[]), "spurious: no gold span");
        let short = vec!["rebels".to_string()];
        assert_eq!(span_outcome(&text, Some((21, 40)), &short), "wrong: too long (covers the gold)");
        let preds = vec![Pred { etype: Some("ASSAULT".into()), target: Some((21, 27)), ..Default::default() }];
        let g = GoldSentence {
            id: "1".into(),
            text: text.iter().collect(),
            label: "ASSAULT".into(),
            sources: vec![],
            targets: gold,
        };
        let mut out = Vec::new();
        print_span_errors(&mut out, &[g], &preds, 5).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("target: wrong: too short or shifted (type right):"), "{out}");
    }
}
