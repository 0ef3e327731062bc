//! End-to-end evaluations: run the pipeline over gold documents and score the output.
//!
//! [`eval_gold`] handles one project gold file, [`eval_brat`] a brat corpus folder (articles in
//! parallel). Both return the accord/1 outputs too, so callers can save them for the reference scorer.

use crate::brat::{self, BratDoc};
use crate::gold::Gold;
use crate::metrics::{greedy_match, score_document, AttributionScores, CharSpan, Criterion, Quote};
use crate::resolved::{ResolvedGold, ResolvedScores};
use crate::seed::{self, resolved_name, SeedReport};
use crate::EvalError;
use accord_doc::schema::DocumentOut;
use accord_doc::Meta;
use accord_pipeline::{Pipeline, RawDoc};
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The predicted attributions of an accord/1 document as scoring [`Quote`]s (the resolved name is the
/// speaker entity's name, else `source.name`).
pub fn pred_quotes(doc: &DocumentOut) -> Vec<Quote> {
    doc.attributions
        .iter()
        .map(|a| Quote {
            id: a.id.clone(),
            content: CharSpan::new(a.content.start, a.content.end),
            cue: a.cue.as_ref().map(|c| CharSpan::new(c.start, c.end)),
            speaker: a.speaker.as_ref().map(|c| CharSpan::new(c.start, c.end)),
            qtype: Some(a.qtype.clone()),
            speaker_name: resolved_name(doc, a).map(str::to_string),
            speaker_kind: Some(a.source.kind.clone()),
        })
        .collect()
}

/// Runs the pipeline over one text (token layer left out of the output), catching a panic: `Err`
/// holds the panic message.
pub fn process(pipeline: &Pipeline, text: String, id: String, date: Option<String>) -> Result<DocumentOut, String> {
    let raw = RawDoc { text, meta: Meta { id, date, ..Default::default() } };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut out = pipeline.process(raw).to_output();
        out.tokens.clear();
        out
    }))
    .map_err(|p| {
        p.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into())
    })
}

/// Result of evaluating one project gold file.
#[derive(Clone, Debug, Serialize)]
pub struct GoldEval {
    /// The gold file.
    pub gold: PathBuf,
    /// The text file.
    pub text: PathBuf,
    /// Publication date the pipeline ran with.
    pub date: Option<String>,
    /// The panic message when the pipeline panicked (the document is then scored as empty).
    pub panic: Option<String>,
    /// Span scores over all gold attributions (required or not).
    pub attributions: AttributionScores,
    /// Gold entity mentions (every listed mention of every entity) found as a predicted entity mention
    /// with the same trimmed span.
    pub entity_mentions: crate::metrics::Accuracy,
    /// The pass/fail checks.
    pub seed: SeedReport,
}

/// Evaluates one gold file: reads it and its text (`text` overrides the gold's `document`), runs the
/// pipeline with `date` (default: [`Gold::publication_date`]) and scores the output.
pub fn eval_gold(
    pipeline: &Pipeline,
    gold_path: &Path,
    text: Option<&Path>,
    date: Option<&str>,
) -> Result<(GoldEval, DocumentOut), EvalError> {
    let gold = Gold::read(gold_path)?;
    let text_path = text.map(Path::to_path_buf).unwrap_or_else(|| gold.text_path(gold_path));
    let content = std::fs::read_to_string(&text_path).map_err(|e| EvalError::io(&text_path, e))?;
    let date = date.map(str::to_string).or_else(|| gold.publication_date());
    let id = accord_ingest::file_id(&text_path);
    let (out, panic) = match process(pipeline, content.clone(), id.clone(), date.clone()) {
        Ok(out) => (out, None),
        // Scored as an empty output, so that every check reports what is missing.
        Err(m) => {
            let meta = Meta { id, date: date.clone(), ..Default::default() };
            (accord_doc::Doc::new(content, meta).to_output(), Some(m))
        }
    };
    let chars: Vec<char> = out.text.chars().collect();
    let attributions = score_document(&chars, &gold.quotes(), &pred_quotes(&out));
    let mut entity_mentions = crate::metrics::Accuracy::default();
    let pred_mentions: Vec<CharSpan> = out
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| CharSpan::new(m.start, m.end).trim(&chars)))
        .collect();
    for m in gold.entities.iter().flat_map(|e| &e.mentions) {
        entity_mentions.push(pred_mentions.contains(&m.span().trim(&chars)));
    }
    let seed = seed::check(&gold, &out, date.as_deref());
    let ev = GoldEval { gold: gold_path.into(), text: text_path, date, panic, attributions, entity_mentions, seed };
    Ok((ev, out))
}

/// One miss, false positive or boundary error, for error analysis.
#[derive(Clone, Debug, Serialize)]
pub struct ErrorSample {
    /// Article stem.
    pub doc: String,
    /// `miss` (gold content unmatched at overlap > 0.3), `false_positive` (prediction unmatched at
    /// > 0.3) or `boundary` (matched at > 0.3 but not at > 0.8).
    pub kind: &'static str,
    /// A rough cause, for counting: for a miss `in the first line (headline)`, `cue found, content
    /// not (attached elsewhere or too short)`, `no word cue (colon, dash or none)`, `short content (4
    /// words or fewer)`, `cue not found`; for a false positive `no cue`, `cue is a gold cue, content
    /// does not match`, `cue not a gold cue`; for a boundary error `prediction shorter`/`longer`.
    pub category: &'static str,
    /// Gold relation or predicted attribution id.
    pub id: String,
    /// Gold (miss, boundary) or predicted (false positive) content span.
    pub content: CharSpan,
    /// For a boundary error, the predicted content span.
    pub pred_content: Option<CharSpan>,
    /// Gold or predicted type.
    pub qtype: Option<String>,
    /// Cue text.
    pub cue: Option<String>,
    /// Speaker text.
    pub speaker: Option<String>,
    /// The first words of the content (at most 60 characters).
    pub snippet: String,
    /// For a boundary error, the first words of the predicted content.
    pub pred_snippet: Option<String>,
}

/// Result of evaluating a brat corpus folder.
#[derive(Clone, Debug, Serialize)]
pub struct BratEval {
    /// The folder.
    pub dir: PathBuf,
    /// Articles on which the pipeline panicked (scored with no predictions), with the panic message.
    pub failed: Vec<(String, String)>,
    /// Micro-averaged scores.
    pub attributions: AttributionScores,
    /// Every miss, false positive and boundary error, in document order.
    #[serde(skip)]
    pub errors: Vec<ErrorSample>,
    /// Resolved-speaker accuracy and recall, when a resolved file was given.
    pub resolved: Option<ResolvedScores>,
}

/// At most 60 characters of a span's text, whitespace collapsed.
pub fn snippet(chars: &[char], s: CharSpan) -> String {
    let t = s.text(chars);
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() > 60 {
        format!("{}…", t.chars().take(59).collect::<String>())
    } else {
        t
    }
}

/// Lists the misses, false positives and boundary errors of one document.
pub fn errors(stem: &str, chars: &[char], gold: &[Quote], pred: &[Quote]) -> Vec<ErrorSample> {
    let gc: Vec<CharSpan> = gold.iter().map(|q| q.content).collect();
    let pc: Vec<CharSpan> = pred.iter().map(|q| q.content).collect();
    let m3 = greedy_match(chars, &gc, &pc, Criterion::Overlap(0.3));
    let m8 = greedy_match(chars, &gc, &pc, Criterion::Overlap(0.8));
    let sample = |kind, category, q: &Quote, pred: Option<&Quote>| ErrorSample {
        doc: stem.to_string(),
        kind,
        category,
        id: q.id.clone(),
        content: q.content,
        pred_content: pred.map(|p| p.content),
        qtype: q.qtype.clone(),
        cue: q.cue.map(|c| snippet(chars, c)),
        speaker: q.speaker.map(|c| snippet(chars, c)),
        snippet: snippet(chars, q.content),
        pred_snippet: pred.map(|p| snippet(chars, p.content)),
    };
    let first_line_end = chars.iter().position(|&c| c == '\n').unwrap_or(chars.len());
    let words = |s: CharSpan| s.text(chars).split_whitespace().count();
    let pred_cues: Vec<CharSpan> = pred.iter().filter_map(|p| p.cue).collect();
    let gold_cues: Vec<CharSpan> = gold.iter().filter_map(|g| g.cue).collect();
    let cue_hit =
        |cue: Option<CharSpan>, others: &[CharSpan]| cue.is_some_and(|c| others.iter().any(|o| o.overlap(c) > 0));
    let mut out = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        match (m3[i], m8[i]) {
            (None, _) => {
                let cat = if g.content.start < first_line_end {
                    "in the first line (headline)"
                } else if cue_hit(g.cue, &pred_cues) {
                    "cue found, content not (attached elsewhere or too short)"
                } else if g.cue.is_none_or(|c| !c.text(chars).chars().any(char::is_alphanumeric)) {
                    "no word cue (colon, dash or none)"
                } else if words(g.content) <= 4 {
                    "short content (4 words or fewer)"
                } else {
                    "cue not found"
                };
                out.push(sample("miss", cat, g, None))
            }
            (Some(p), None) => {
                let pc = pred[p].content;
                let cat = if pc.len() < g.content.len() { "prediction shorter" } else { "prediction longer" };
                out.push(sample("boundary", cat, g, Some(&pred[p])))
            }
            _ => {}
        }
    }
    for (j, p) in pred.iter().enumerate() {
        if !m3.contains(&Some(j)) {
            let cat = if p.cue.is_none() {
                "no cue"
            } else if cue_hit(p.cue, &gold_cues) {
                "cue is a gold cue, content does not match"
            } else {
                "cue not a gold cue"
            };
            out.push(sample("false_positive", cat, p, None));
        }
    }
    out
}

/// Evaluates a brat corpus folder (`text/`, `attributions/`): runs the pipeline on every article in
/// parallel (publication date from the file name) and scores against the relations.
pub fn eval_brat(pipeline: &Pipeline, dir: &Path) -> Result<(BratEval, Vec<DocumentOut>), EvalError> {
    eval_brat_resolved(pipeline, dir, None)
}

/// [`eval_brat`] with resolved-speaker scoring against `resolved` (a file such as
/// `../shared/gold/polnear-dev-resolved.jsonl`, see [`crate::resolved`]).
pub fn eval_brat_resolved(
    pipeline: &Pipeline,
    dir: &Path,
    resolved: Option<&ResolvedGold>,
) -> Result<(BratEval, Vec<DocumentOut>), EvalError> {
    let docs = brat::read_dir(dir)?;
    if docs.is_empty() {
        return Err(EvalError::Parse {
            path: dir.display().to_string(),
            message: "no text/*.txt with an attributions/*.ann".into(),
        });
    }
    let outs: Vec<Result<DocumentOut, String>> = docs
        .par_iter()
        .map(|d: &BratDoc| process(pipeline, d.text.clone(), format!("{}.txt", d.stem), d.date()))
        .collect();
    let mut scores = AttributionScores::default();
    let mut failed = Vec::new();
    let mut all_errors = Vec::new();
    let mut kept = Vec::new();
    let mut res_scores = resolved.map(|g| ResolvedScores { named: g.named, ..Default::default() });
    for (d, out) in docs.iter().zip(outs) {
        let chars: Vec<char> = d.text.chars().collect();
        let gold = d.quotes();
        let pred = match &out {
            Ok(o) => pred_quotes(o),
            Err(m) => {
                failed.push((d.stem.clone(), m.clone()));
                Vec::new()
            }
        };
        scores.add(&score_document(&chars, &gold, &pred));
        if let (Some(rg), Some(rs)) = (resolved, res_scores.as_mut()) {
            // the reference scorer's span of a relation: first fragment's start to last fragment's end
            // (fragments listed out of text order give an empty span that never matches)
            let gc: Vec<CharSpan> = d
                .relations
                .iter()
                .map(|r| {
                    let f = &r.content.fragments;
                    match (f.first(), f.last()) {
                        (Some(a), Some(b)) if b.end > a.start => CharSpan::new(a.start, b.end),
                        _ => CharSpan::new(0, 0),
                    }
                })
                .collect();
            let pc: Vec<CharSpan> = pred.iter().map(|q| q.content).collect();
            let matched = greedy_match(&chars, &gc, &pc, Criterion::Overlap(0.3));
            let ids: Vec<String> = gold.iter().map(|q| q.id.clone()).collect();
            let names: Vec<Option<String>> = pred.iter().map(|q| q.speaker_name.clone()).collect();
            let speakers: Vec<Option<String>> = pred.iter().map(|q| q.speaker.map(|s| snippet(&chars, s))).collect();
            let ann = d.ann_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            rs.add_document(rg, &d.stem, &ann, &ids, &matched, &names, &speakers);
        }
        all_errors.extend(errors(&d.stem, &chars, &gold, &pred));
        kept.extend(out.ok());
    }
    if let Some(rs) = res_scores.as_mut() {
        rs.finish();
    }
    Ok((BratEval { dir: dir.into(), failed, attributions: scores, errors: all_errors, resolved: res_scores }, kept))
}
