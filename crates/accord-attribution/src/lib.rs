//! accord-attribution (in progress).
use accord_doc::Doc;
/// Finds attributions.
pub fn extract(_doc: &mut Doc) {}
