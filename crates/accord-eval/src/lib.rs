//! # accord-eval
//!
//! Measures how well accord's extraction agrees with hand annotation. It reads the project gold format
//! ([`gold`], e.g. `../shared/gold/us-hamas-talks.gold.json`) and brat standoff attribution corpora
//! ([`brat`], e.g. PolNeAR), runs the pipeline over their texts ([`run`]), matches predicted
//! attributions to gold ones greedily and one-to-one ([`metrics`]) and reports precision, recall and F1
//! per role (content, cue, speaker) and per quote type, speaker-mention and speaker-resolution accuracy,
//! resolved-speaker accuracy and recall against a hand-resolved file ([`resolved`]), and the pass/fail
//! checks of the seed gold ([`seed`]). The `treebank` module scores the NLP models
//! against Universal Dependencies treebanks, and [`gap`] the pronoun resolution against GAP. Metric definitions are in `docs/eval.md`; they agree with
//! the reference scorer `../shared/tools/score_attributions.py` where both measure the same thing.
//!
//! Position in the flow: beside the pipeline, never inside it; used by `accord eval`.

pub mod brat;
pub mod events;
pub mod gap;
pub mod gold;
pub mod learn;
pub mod metrics;
pub mod resolved;
pub mod run;
pub mod seed;
pub mod treebank;

use std::path::Path;

/// Why an evaluation could not run. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or folder could not be read.
    #[error("cannot read {path}: {cause}")]
    Io {
        /// File or folder.
        path: String,
        /// Cause (in the message, not chained, so that it is printed once).
        cause: std::io::Error,
    },
    /// A file could not be parsed.
    #[error("cannot parse {path}: {message}")]
    Parse {
        /// File.
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl EvalError {
    /// An I/O error on `path`.
    pub fn io(path: &Path, cause: std::io::Error) -> Self {
        EvalError::Io { path: path.display().to_string(), cause }
    }
}
