//! # accord-pipeline
//!
//! Runs accord's stages over one article in order — segment, models, credits, entities, coreference,
//! attribution, quantities, dates, events — and returns the annotated [`Doc`]. Stages can be listed, switched off
//! by name and timed, like spaCy's pipeline components. This is the library entry point: the CLI, the
//! store and the server call [`Pipeline::process`] (one article) or [`Pipeline::process_batch`] (many:
//! each model runs over the whole batch before the next, which is faster and gives the same output) and
//! nothing below them.

use accord_doc::Doc;
pub use accord_ingest::RawDoc;
use std::time::{Duration, Instant};

/// Names of the stages, in the order they run.
pub const STAGES: &[&str] =
    &["segment", "models", "credits", "entities", "attribution", "dates", "quantities", "events"];

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

/// Settings for a pipeline run.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Publication date (`YYYY-MM-DD`) used when an input has none.
    pub default_date: Option<String>,
    /// Stages not to run (names from [`STAGES`]).
    pub disabled: Vec<String>,
}

/// The loaded pipeline: models plus options. Cheap to share across threads (`&Pipeline` is `Sync`).
pub struct Pipeline {
    models: Option<accord_models::Models>,
    options: Options,
}

impl Pipeline {
    /// Loads the shipped models (unless the `models` stage is disabled), the lexicons and the learned
    /// attribution scorer, so that the first article does not pay for them.
    pub fn new(options: Options) -> Result<Pipeline, accord_models::ModelError> {
        let models =
            if options.disabled.iter().any(|d| d == "models") { None } else { Some(accord_models::Models::load()?) };
        accord_facts::lexicon::Lexicons::get();
        if !options.disabled.iter().any(|d| d == "attribution") {
            accord_attribution::learned::Scorer::shipped();
        }
        Ok(Pipeline { models, options })
    }

    /// The loaded models, if the `models` stage is enabled.
    pub fn models(&self) -> Option<&accord_models::Models> {
        self.models.as_ref()
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
    /// on each, faster over tens of articles: each model runs over the whole batch before the next (see
    /// `accord_models::Models::annotate_batch`).
    pub fn process_batch(&self, raws: Vec<RawDoc>) -> Vec<Doc> {
        self.process_batch_timed(raws, &mut |_, _| {})
    }

    /// [`Pipeline::process_batch`], reporting each stage's duration over the batch to `timer`.
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
        for &stage in STAGES {
            if self.options.disabled.iter().any(|d| d == stage) {
                continue;
            }
            let t = Instant::now();
            match stage {
                "models" => {
                    if let Some(m) = &self.models {
                        m.annotate_batch(&mut docs, &mut |part, d| {
                            timer(
                                match part {
                                    "lexemes" => "models: lexemes",
                                    "tag" => "models: tag",
                                    "parse" => "models: parse",
                                    _ => "models: names",
                                },
                                d,
                            )
                        })
                    }
                }
                _ => {
                    let run: fn(&mut Doc) = match stage {
                        "segment" => accord_text::segment,
                        "credits" => accord_facts::credits,
                        "entities" => accord_facts::entities,
                        "attribution" => accord_attribution::extract,
                        "dates" => accord_facts::dates,
                        "quantities" => accord_facts::quantities,
                        "events" => accord_events::extract,
                        _ => unreachable!("unknown stage {stage}"),
                    };
                    docs.iter_mut().for_each(run);
                }
            }
            timer(stage, t.elapsed());
        }
        docs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
