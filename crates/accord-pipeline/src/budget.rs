//! Per-article budgets: a size and a time limit, so that one huge or pathological article is reported and
//! skipped instead of holding up (or losing) the articles around it.
//!
//! The size is checked before analysis. The time is checked between stages (and between the parts of a
//! long document inside the models stage, see `accord_models::PART_TOKENS`): an article past its deadline
//! stops at the next check, so it overruns by at most one stage of its own. Analysis is linear in the
//! length of an article, so the size budget bounds the time too; the time budget is the guard against
//! what that does not foresee (and against a machine too busy to keep up).

use crate::{Pipeline, RawDoc};
use accord_doc::Doc;
use std::time::{Duration, Instant};

/// Default largest article (bytes of text): 8 MiB, about 1.4 million words, far beyond any news article
/// yet within what the pipeline analyses in about ten CPU seconds and a few hundred MiB.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 8 << 20;

/// Default longest analysis of one article (wall-clock seconds): a dozen times what the largest article
/// allowed by [`DEFAULT_MAX_ARTICLE_BYTES`] takes on an idle core.
pub const DEFAULT_MAX_ARTICLE_SECONDS: f64 = 120.0;

/// Limits per article.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Budget {
    /// Largest text (bytes) analysed; longer articles are skipped unread.
    pub max_bytes: usize,
    /// Longest analysis; an article still running at a check past it is skipped.
    pub max_time: Duration,
}

impl Default for Budget {
    fn default() -> Self {
        Budget { max_bytes: DEFAULT_MAX_ARTICLE_BYTES, max_time: Duration::from_secs_f64(DEFAULT_MAX_ARTICLE_SECONDS) }
    }
}

impl Budget {
    /// A budget from the command-line values (`seconds` may be fractional; zero or less, or not finite,
    /// means no time limit).
    pub fn new(max_bytes: usize, seconds: f64) -> Budget {
        let max_time = if seconds.is_finite() && seconds > 0.0 {
            Duration::from_secs_f64(seconds.min(1e9))
        } else {
            Duration::MAX
        };
        Budget { max_bytes, max_time }
    }
}

/// Why an article was not analysed.
#[derive(Debug, Clone, PartialEq)]
pub enum OverBudget {
    /// Its text is longer than [`Budget::max_bytes`].
    Size {
        /// The article's id.
        id: String,
        /// Its length in bytes.
        bytes: usize,
        /// The budget.
        max: usize,
    },
    /// Its analysis ran past [`Budget::max_time`].
    Time {
        /// The article's id.
        id: String,
        /// The budget.
        max: Duration,
        /// The stage it was in when stopped.
        stage: &'static str,
    },
}

impl std::fmt::Display for OverBudget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OverBudget::Size { id, bytes, max } => write!(
                f,
                "{id}: skipped, {bytes} bytes of text is over the budget of {max} bytes per article (--max-article-bytes)"
            ),
            OverBudget::Time { id, max, stage } => write!(
                f,
                "{id}: skipped, analysis ran past the budget of {} s per article (--max-article-seconds), stopped after {stage}",
                max.as_secs_f64()
            ),
        }
    }
}

impl std::error::Error for OverBudget {}

/// The payload a deadline check unwinds with (never shown: caught below).
struct Deadline(&'static str);

/// Runs `raws` through `pipeline` as [`Pipeline::process_batch`] does, within `budget`: one result per
/// article, in input order. Articles over the size budget are not analysed; a batch that runs past the
/// time budget is redone one article at a time, so that only the articles that are themselves too slow
/// are skipped and their neighbours are kept. A panic in the pipeline is passed on.
pub fn process_batch(pipeline: &Pipeline, raws: Vec<RawDoc>, budget: &Budget) -> Vec<Result<Doc, OverBudget>> {
    let mut out: Vec<Option<Result<Doc, OverBudget>>> = Vec::with_capacity(raws.len());
    let mut admitted: Vec<(usize, RawDoc)> = Vec::new();
    for (i, raw) in raws.into_iter().enumerate() {
        if raw.text.len() > budget.max_bytes {
            out.push(Some(Err(OverBudget::Size {
                id: raw.meta.id.clone(),
                bytes: raw.text.len(),
                max: budget.max_bytes,
            })));
        } else {
            out.push(None);
            admitted.push((i, raw));
        }
    }
    if admitted.len() > 1 {
        // kept only for a redo, which a batch of ordinary articles never needs
        let copies: Vec<RawDoc> = admitted.iter().map(|(_, r)| r.clone()).collect();
        let idx: Vec<usize> = admitted.iter().map(|(i, _)| *i).collect();
        // past the deadline: redone one by one below
        if let Ok(docs) = within(pipeline, copies, budget.max_time) {
            for (i, d) in idx.into_iter().zip(docs) {
                out[i] = Some(Ok(d));
            }
            admitted.clear();
        }
    }
    for (i, raw) in admitted {
        let id = raw.meta.id.clone();
        out[i] = Some(match within(pipeline, vec![raw], budget.max_time) {
            Ok(mut docs) => Ok(docs.pop().expect("one document in, one out")),
            Err(stage) => Err(OverBudget::Time { id, max: budget.max_time, stage }),
        });
    }
    out.into_iter().map(|r| r.expect("every article has a result")).collect()
}

/// [`Pipeline::process_batch`] stopped at the first check past `max_time`: the stage it stopped after.
fn within(pipeline: &Pipeline, raws: Vec<RawDoc>, max_time: Duration) -> Result<Vec<Doc>, &'static str> {
    let deadline = Instant::now().checked_add(max_time);
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pipeline.process_batch_timed(raws, &mut |stage, _| {
            if deadline.is_some_and(|d| Instant::now() > d) {
                // unwinds without the panic hook: nothing is printed
                std::panic::resume_unwind(Box::new(Deadline(stage)));
            }
        })
    }));
    match run {
        Ok(docs) => Ok(docs),
        Err(payload) => match payload.downcast::<Deadline>() {
            Ok(d) => Err(d.0),
            Err(other) => std::panic::resume_unwind(other),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;
    use accord_doc::Meta;

    fn raw(id: &str, text: String) -> RawDoc {
        RawDoc { text, meta: Meta { id: id.into(), ..Default::default() } }
    }

    fn pipeline() -> Pipeline {
        // the rules alone: these tests are about the budget, not the models
        Pipeline::new(Options { disabled: vec!["models".into()], ..Default::default() }).unwrap()
    }

    #[test]
    fn a_big_article_is_skipped_and_its_small_neighbour_kept() {
        let p = pipeline();
        let small = "“We will talk,” the minister said on Tuesday.".to_string();
        let big = "The talks went on. ".repeat(2000);
        let budget = Budget::new(10_000, 0.0);
        let out = process_batch(&p, vec![raw("big", big.clone()), raw("small", small.clone())], &budget);
        assert_eq!(out.len(), 2);
        match &out[0] {
            Err(e @ OverBudget::Size { id, bytes, max }) => {
                assert_eq!((id.as_str(), *bytes, *max), ("big", big.len(), 10_000));
                assert!(e.to_string().starts_with("big: skipped"), "{e}");
            }
            other => panic!("big article not skipped: {other:?}"),
        }
        let doc = out[1].as_ref().expect("the small article is analysed");
        assert_eq!(doc.meta.id, "small");
        assert_eq!(doc.attributions.len(), 1, "the small article's quote is found");
        // the same article alone gives the same analysis
        let alone = p.process(raw("small", small));
        assert_eq!(doc.attributions.len(), alone.attributions.len());
        assert_eq!(doc.tokens.len(), alone.tokens.len());
    }

    #[test]
    fn an_article_past_its_time_is_skipped_and_its_neighbours_kept() {
        let p = pipeline();
        // a zero budget stops every article at the first check; an ample one stops none
        let docs = || vec![raw("a", "One said so.".into()), raw("b", "Two said so.".into())];
        let out = process_batch(&p, docs(), &Budget { max_bytes: 1 << 20, max_time: Duration::ZERO });
        assert!(out.iter().all(|r| matches!(r, Err(OverBudget::Time { stage: "segment", .. }))), "{out:?}");
        assert!(out[1].as_ref().unwrap_err().to_string().starts_with("b: skipped, analysis ran past"));
        let out = process_batch(&p, docs(), &Budget::default());
        let ids: Vec<&str> = out.iter().map(|r| r.as_ref().unwrap().meta.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn no_time_limit_when_none_is_given() {
        assert_eq!(Budget::new(5, 0.0).max_time, Duration::MAX);
        assert_eq!(Budget::new(5, f64::NAN).max_time, Duration::MAX);
        assert_eq!(Budget::new(5, 1.5).max_time, Duration::from_millis(1500));
    }
}
