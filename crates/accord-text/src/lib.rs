//! accord-text (in progress).
use accord_doc::Doc;
/// Adds paragraphs, sentences and tokens.
pub fn segment(_doc: &mut Doc) {}
