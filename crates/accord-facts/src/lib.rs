//! # accord-facts
//!
//! The fact stages of the flow, after the text and the models have run: credits (bylines, captions,
//! wire credits), entity mentions with their titles and roles, coreference into entities, quantities,
//! and dates. Each stage reads the layers it needs and adds one; all word lists are data files in `data/`
//! loaded once by [`lexicon::Lexicons`].
//!
//! Position in the flow: segment → models → **credits → entities** → attribution → **dates → quantities**.

pub mod coref;
pub mod credits;
pub mod dates;
pub use accord_lexicon::facts as lexicon;
pub mod mentions;
pub mod quantities;

use accord_doc::{Doc, FnStage, StageInfo};

/// The `credits` stage.
pub const CREDITS_INFO: StageInfo = StageInfo {
    name: "credits",
    reads: &["paragraphs", "sentences", "tokens"],
    adds: &["credits", "sources"],
    about: "bylines, datelines, photo and wire credits, captions, and the agencies credited",
};
/// The `credits` stage ([`fn@credits`] over each document).
pub static CREDITS: FnStage = FnStage::new(&CREDITS_INFO, credits);

/// The `entities` stage.
pub const ENTITIES_INFO: StageInfo = StageInfo {
    name: "entities",
    reads: &["tokens", "sentences", "mentions", "credits"],
    adds: &["mentions", "entities", "antecedents"],
    about: "mentions (names, unnamed sources, pronouns, nominals) with titles, resolved into entities",
};
/// The `entities` stage ([`entities`] over each document).
pub static ENTITIES: FnStage = FnStage::new(&ENTITIES_INFO, entities);

/// The `dates` stage.
pub const DATES_INFO: StageInfo = StageInfo {
    name: "dates",
    reads: &["tokens", "sentences", "meta.date"],
    adds: &["dates"],
    about: "date expressions, resolved against the publication date",
};
/// The `dates` stage ([`fn@dates`] over each document).
pub static DATES: FnStage = FnStage::new(&DATES_INFO, dates);

/// The `quantities` stage.
pub const QUANTITIES_INFO: StageInfo = StageInfo {
    name: "quantities",
    reads: &["tokens", "sentences", "attributions", "dates"],
    adds: &["quantities"],
    about: "numbers in claims with their qualifier, what they count, hedge and source",
};
/// The `quantities` stage ([`fn@quantities`] over each document).
pub static QUANTITIES: FnStage = FnStage::new(&QUANTITIES_INFO, quantities);

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
