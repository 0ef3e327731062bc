//! # accord-facts
//!
//! The fact stages of the flow, after the text and the models have run: credits (bylines, captions,
//! wire credits), entity mentions with their titles and roles, coreference into entities, quantities,
//! and dates. Each stage reads the layers it needs and adds one; all word lists are data files in `data/`
//! loaded once by [`lexicon::Lexicons`].
//!
//! Position in the flow: segment → models → **credits → entities** → attribution → **quantities → dates**.

pub mod coref;
pub mod credits;
pub mod dates;
pub mod lexicon;
pub mod mentions;
pub mod quantities;

use accord_doc::Doc;

/// Finds credit blocks (photo credits, bylines, datelines, wire credits) and the document's sources.
pub fn credits(doc: &mut Doc) {
    credits::find(doc)
}

/// Finds mentions (names, unnamed sources, pronouns), their titles, and resolves them into entities.
pub fn entities(doc: &mut Doc) {
    let infos = mentions::find(doc);
    coref::resolve(doc, &infos);
}

/// Finds numbers in claims (needs attributions for their sources).
pub fn quantities(doc: &mut Doc) {
    quantities::find(doc)
}

/// Finds and normalises date expressions against the publication date.
pub fn dates(doc: &mut Doc) {
    dates::find(doc)
}
