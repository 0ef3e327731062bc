//! The `--format pretty` terminal view.
use accord_doc::schema::DocumentOut;

/// Renders one document for a person to read.
pub fn render(doc: &DocumentOut, _color: bool) -> String {
    format!("{}: {} attributions\n", doc.id, doc.attributions.len())
}
