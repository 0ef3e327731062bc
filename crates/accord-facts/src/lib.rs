//! accord-facts (in progress).
use accord_doc::Doc;
/// Finds entities.
pub fn entities(_doc: &mut Doc) {}
