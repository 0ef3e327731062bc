//! accord-models (in progress): placeholder API that the pipeline calls.
use accord_doc::Doc;

/// Error loading or running models.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Weights missing or malformed.
    #[error("model {name}: {message}")]
    Load {
        /// Model name.
        name: String,
        /// What went wrong.
        message: String,
    },
}

/// All shipped models, loaded once.
#[derive(Debug, Default)]
pub struct Models {}

impl Models {
    /// Loads the models shipped with accord.
    pub fn load() -> Result<Models, ModelError> {
        Ok(Models {})
    }
    /// Adds tags, lemmas, dependencies (token `analysis`) and named-entity mentions to `doc`.
    pub fn annotate(&self, _doc: &mut Doc) {}
}
