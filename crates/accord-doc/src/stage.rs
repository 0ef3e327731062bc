//! The one interface every analysis stage implements.
//!
//! A stage reads some layers of a [`Doc`] and adds one (or a few closely tied ones); it never edits the
//! text or another stage's layer. Stages declare what they read and add, like spaCy's components
//! (`requires=`/`assigns=`), so that the pipeline can list them (`accord stages`), check their order and
//! switch them off by name. Each crate implements the stages it owns (`accord-text` segments,
//! `accord-models` tags, parses and finds names, ...); `accord-pipeline` holds the registry in order.

use crate::Doc;
use std::time::Duration;

/// What a stage is: its name, the layers it reads and the layers it adds. A `const` per stage type, so
/// the registry can be listed without loading any model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StageInfo {
    /// Name used to switch the stage off (`disabled`) and in timings.
    pub name: &'static str,
    /// Layers the stage reads (names of [`Doc`] fields, or `text`).
    pub reads: &'static [&'static str],
    /// Layers the stage adds.
    pub adds: &'static [&'static str],
    /// One line on what it does.
    pub about: &'static str,
}

/// Receives the time a stage (or a named part of it, such as `models: parse`) took over a batch.
pub type Timer<'a> = dyn FnMut(&'static str, Duration) + 'a;

/// One step of the analysis, run over a batch of documents.
///
/// Running over a batch rather than one document lets a stage keep its tables warm (the models run each
/// model over the whole batch before the next); the output for each document must be the same as when
/// it is run alone.
pub trait Stage: Send + Sync {
    /// The stage's name and the layers it reads and adds.
    fn info(&self) -> &'static StageInfo;
    /// Adds the stage's layer to every document of the batch. `timer` may be given the time of named
    /// parts of the stage; the pipeline itself reports the stage's whole time.
    fn run(&self, docs: &mut [Doc], timer: &mut Timer<'_>);
}

/// A stage that is a plain function over one document (most rule stages).
#[derive(Clone, Copy)]
pub struct FnStage {
    info: &'static StageInfo,
    run: fn(&mut Doc),
}

impl FnStage {
    /// A stage described by `info` that runs `run` on each document in turn.
    pub const fn new(info: &'static StageInfo, run: fn(&mut Doc)) -> FnStage {
        FnStage { info, run }
    }
}

impl Stage for FnStage {
    fn info(&self) -> &'static StageInfo {
        self.info
    }
    fn run(&self, docs: &mut [Doc], _timer: &mut Timer<'_>) {
        docs.iter_mut().for_each(self.run);
    }
}
