//! # accord-pipeline
//!
//! Runs accord's stages over articles in order and returns the annotated [`Doc`]s. Every stage implements
//! one interface, [`Stage`] (its name, the layers it reads, the layers it adds, and a run over a batch of
//! documents); [`REGISTRY`] lists them in the order they run — segment → models → credits → entities →
//! attribution → dates → quantities → events — and `accord stages` prints it. Stages can be switched off by name
//! (an unknown name is an error) and are timed, like spaCy's pipeline components.
//!
//! This is the library entry point: the CLI, the store and the server call [`Pipeline::process`] (one
//! article) or [`Pipeline::process_batch`] (many: each model runs over the whole batch before the next,
//! which is faster and gives the same output) and nothing below them.
//!
//! ```
//! use accord_pipeline::{Options, Pipeline, RawDoc};
//!
//! let pipeline = Pipeline::new(Options { default_date: Some("2025-03-06".into()), ..Default::default() })?;
//! let doc = pipeline.process(RawDoc { text: "“We will win,” the mayor said on Monday.".into(), ..Default::default() });
//! let out = doc.to_output();
//! assert_eq!(out.attributions[0].speaker.as_ref().unwrap().text, "the mayor");
//! println!("{}", serde_json::to_string(&out)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod runner;

/// The README's Rust examples, run as doc tests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

pub mod budget;

use accord_doc::Doc;
pub use accord_doc::{RawDoc, Stage, StageInfo};
use std::time::{Duration, Instant};

/// Every stage, in the order it runs. The CLI's `accord stages`, the docs test and [`Pipeline::new`]
/// read this list.
pub const REGISTRY: [&StageInfo; 8] = [
    &accord_text::SEGMENT_INFO,
    &accord_models::STAGE_INFO,
    &accord_facts::CREDITS_INFO,
    &accord_facts::ENTITIES_INFO,
    &accord_attribution::ATTRIBUTION_INFO,
    &accord_facts::DATES_INFO,
    &accord_facts::QUANTITIES_INFO,
    &accord_events::EVENTS_INFO,
];

/// Documents per batch for callers that process many (see [`Pipeline::process_batch`]): large enough
/// that each model's tables stay warm over the batch, small enough to stream.
pub const BATCH_DOCS: usize = 32;

/// Text per batch (bytes) after which a batch is closed whatever its count, so that long documents
/// (parts of a big file run to megabytes) go a few at a time and memory stays bounded.
pub const BATCH_BYTES: usize = 256 << 10;

/// Splits `items` into batches of at most `max_docs`, each closed early once it holds [`BATCH_BYTES`]
/// of text (`len` gives an item's text length), in order.
pub fn split_batches<T>(items: Vec<T>, max_docs: usize, len: impl Fn(&T) -> usize) -> Vec<Vec<T>> {
    let mut out: Vec<Vec<T>> = Vec::new();
    let mut cur: Vec<T> = Vec::new();
    let mut bytes = 0usize;
    for it in items {
        bytes += len(&it);
        cur.push(it);
        if cur.len() >= max_docs.max(1) || bytes >= BATCH_BYTES {
            out.push(std::mem::take(&mut cur));
            bytes = 0;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Why a pipeline could not be built.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// A stage name in [`Options::disabled`] that is not in [`REGISTRY`].
    #[error("unknown stage `{name}` (the stages are: {known})")]
    UnknownStage {
        /// The name given.
        name: String,
        /// The known names, comma-separated.
        known: String,
    },
    /// The shipped models could not be loaded.
    #[error(transparent)]
    Models(#[from] accord_models::ModelError),
}

/// Settings for a pipeline run.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Publication date (`YYYY-MM-DD`) used when an input has none.
    pub default_date: Option<String>,
    /// Stages not to run (names from [`REGISTRY`]; an unknown name is an error).
    pub disabled: Vec<String>,
    /// Analyse a text that reads as another language than English too. By default such a text (its
    /// [`Doc::language`] set by [`accord_lexicon::guess_language`]) is only segmented: accord's models
    /// and word lists are English, and what they would find there is noise.
    pub any_language: bool,
}

impl Options {
    /// Options that run only the named stages (the others disabled), in registry order.
    pub fn only(stages: &[&str]) -> Options {
        let disabled = REGISTRY.iter().filter(|s| !stages.contains(&s.name)).map(|s| s.name.to_string()).collect();
        Options { disabled, ..Default::default() }
    }
}

/// The loaded pipeline: the enabled stages in order, plus options. Cheap to share across threads
/// (`&Pipeline` is `Sync`).
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
    models: Option<accord_models::Models>,
    options: Options,
}

/// Checks that every name is a stage of [`REGISTRY`].
pub fn check_stage_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<(), PipelineError> {
    for name in names {
        if !REGISTRY.iter().any(|s| s.name == name) {
            let known = REGISTRY.iter().map(|s| s.name).collect::<Vec<_>>().join(", ");
            return Err(PipelineError::UnknownStage { name: name.to_string(), known });
        }
    }
    Ok(())
}

impl Pipeline {
    /// Builds the enabled stages in registry order, loading the shipped models (unless the `models`
    /// stage is disabled), the lexicons and the learned attribution scorer, so that the first article
    /// does not pay for them. An unknown name in `options.disabled` is an error.
    pub fn new(options: Options) -> Result<Pipeline, PipelineError> {
        check_stage_names(options.disabled.iter().map(String::as_str))?;
        let enabled = |name: &str| !options.disabled.iter().any(|d| d == name);
        let mut stages: Vec<Box<dyn Stage>> = Vec::new();
        let mut models = None;
        for info in REGISTRY {
            if !enabled(info.name) {
                continue;
            }
            let stage: Box<dyn Stage> = match info.name {
                "segment" => Box::new(accord_text::SEGMENT),
                "models" => {
                    let m = accord_models::Models::load()?;
                    models = Some(m.clone());
                    Box::new(m)
                }
                "credits" => Box::new(accord_facts::CREDITS),
                "entities" => Box::new(accord_facts::ENTITIES),
                "attribution" => {
                    accord_attribution::learned::Scorer::shipped();
                    Box::new(accord_attribution::ATTRIBUTION)
                }
                "dates" => Box::new(accord_facts::DATES),
                "quantities" => Box::new(accord_facts::QUANTITIES),
                "events" => Box::new(accord_events::EVENTS),
                other => unreachable!("stage {other} is in the registry but not built"),
            };
            debug_assert_eq!(stage.info(), info);
            stages.push(stage);
        }
        accord_facts::lexicon::Lexicons::get();
        Ok(Pipeline { stages, models, options })
    }

    /// The loaded models, if the `models` stage is enabled.
    pub fn models(&self) -> Option<&accord_models::Models> {
        self.models.as_ref()
    }

    /// Why `doc` (processed by this pipeline) was only segmented, if it was: "reads as German, not
    /// English" when its text reads as another language and [`Options::any_language`] is off.
    pub fn not_analysed(&self, doc: &Doc) -> Option<String> {
        let lang = doc.language.as_deref().filter(|l| *l != "en" && !self.options.any_language)?;
        Some(format!("reads as {}, not English", accord_lexicon::language_name(lang).unwrap_or(lang)))
    }

    /// The enabled stages, in the order they run.
    pub fn stages(&self) -> impl Iterator<Item = &'static StageInfo> + '_ {
        self.stages.iter().map(|s| s.info())
    }

    /// Runs every enabled stage over one article.
    pub fn process(&self, raw: RawDoc) -> Doc {
        self.process_timed(raw, &mut |_, _| {})
    }

    /// Runs every enabled stage, reporting each stage's duration to `timer`.
    pub fn process_timed(&self, raw: RawDoc, timer: &mut dyn FnMut(&'static str, Duration)) -> Doc {
        self.process_batch_timed(vec![raw], timer).pop().expect("one document in, one out")
    }

    /// Runs every enabled stage over several articles, in input order. Same output as [`Pipeline::process`]
    /// on each, faster over tens of articles: each stage runs over the whole batch before the next (so
    /// each model's tables stay warm).
    pub fn process_batch(&self, raws: Vec<RawDoc>) -> Vec<Doc> {
        self.process_batch_timed(raws, &mut |_, _| {})
    }

    /// [`Pipeline::process_batch`], reporting each stage's duration over the batch to `timer` (and the
    /// models' parts as `models: tag` and so on).
    pub fn process_batch_timed(&self, raws: Vec<RawDoc>, timer: &mut dyn FnMut(&'static str, Duration)) -> Vec<Doc> {
        let mut docs: Vec<Doc> = raws
            .into_iter()
            .map(|raw| {
                let mut meta = raw.meta;
                if meta.date.is_none() {
                    meta.date = self.options.default_date.clone();
                }
                Doc::new(raw.text, meta)
            })
            .collect();
        for d in &mut docs {
            d.language = accord_lexicon::guess_language(&d.text).map(str::to_string);
        }
        // the texts to analyse first (in input order), those only to segment after them
        let analysed = |d: &Doc| self.options.any_language || d.language.as_deref().is_none_or(|l| l == "en");
        let mut order: Vec<usize> = (0..docs.len()).collect();
        order.sort_by_key(|&i| !analysed(&docs[i]));
        let n_analysed = docs.iter().filter(|d| analysed(d)).count();
        let reordered = order.iter().enumerate().any(|(k, &i)| k != i);
        if reordered {
            let mut slots: Vec<Option<Doc>> = docs.into_iter().map(Some).collect();
            docs = order.iter().map(|&i| slots[i].take().expect("each document once")).collect();
        }
        for stage in &self.stages {
            let t = Instant::now();
            let n = if stage.info().name == "segment" { docs.len() } else { n_analysed };
            stage.run(&mut docs[..n], timer);
            timer(stage.info().name, t.elapsed());
        }
        if reordered {
            let mut slots: Vec<Option<Doc>> = vec![None; docs.len()];
            for (d, &i) in docs.into_iter().zip(&order) {
                slots[i] = Some(d);
            }
            docs = slots.into_iter().map(|d| d.expect("each document once")).collect();
        }
        docs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_reads_only_what_earlier_stages_add() {
        let mut have: Vec<&str> = vec!["text", "meta"];
        for info in REGISTRY {
            for r in info.reads {
                let root = r.split('.').next().unwrap();
                assert!(have.contains(&root), "stage {} reads {r}, which no earlier stage adds", info.name);
            }
            have.extend(info.adds.iter().map(|a| a.split('.').next().unwrap()));
        }
        let mut names: Vec<&str> = REGISTRY.iter().map(|s| s.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), REGISTRY.len(), "stage names are unique");
    }

    #[test]
    fn an_unknown_stage_name_is_an_error() {
        let err = Pipeline::new(Options { disabled: vec!["facts".into()], ..Default::default() }).err().unwrap();
        assert!(err.to_string().contains("unknown stage `facts`"), "{err}");
        assert!(err.to_string().contains("attribution"), "{err}");
        let p = Pipeline::new(Options { disabled: vec!["models".into(), "attribution".into()], ..Default::default() })
            .unwrap();
        let names: Vec<&str> = p.stages().map(|s| s.name).collect();
        assert_eq!(names, ["segment", "credits", "entities", "dates", "quantities", "events"]);
        assert!(p.models().is_none());
    }

    #[test]
    fn batches_close_at_their_count_or_their_size() {
        let sizes = vec![10, 10, 10, 10, 10];
        let b = split_batches(sizes.clone(), 2, |&n| n);
        assert_eq!(b, vec![vec![10, 10], vec![10, 10], vec![10]]);
        // a big document closes its batch at once; order is kept
        let b = split_batches(vec![5, BATCH_BYTES, 7, 8], 32, |&n| n);
        assert_eq!(b, vec![vec![5, BATCH_BYTES], vec![7, 8]]);
        assert!(split_batches(Vec::<usize>::new(), 4, |&n| n).is_empty());
        assert_eq!(split_batches(sizes, 0, |&n| n).len(), 5, "a batch holds at least one document");
    }
}
