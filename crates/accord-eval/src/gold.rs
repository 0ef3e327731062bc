//! The project gold format (`*.gold.json`, e.g. `../shared/gold/us-hamas-talks.gold.json`): types and
//! reader.
//!
//! A gold file names its document (`"document"`, relative to the gold file's grandparent folder) and
//! lists attributions (content, cue, speaker mention, resolved speaker, type), entities (canonical
//! name, type, mentions, roles), quantities, dates and passages that are *not* attributions. Items
//! carry `required` (default true); spans carry `start`/`end` in code points and optionally
//! `byte_start`/`byte_end`.

use crate::metrics::{CharSpan, Quote};
use crate::EvalError;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn yes() -> bool {
    true
}

/// A span in the gold: text plus code-point (and optionally byte) offsets.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct GoldSpan {
    /// The covered text.
    #[serde(default)]
    pub text: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// First byte, when given.
    #[serde(default)]
    pub byte_start: Option<usize>,
    /// One past the last byte, when given.
    #[serde(default)]
    pub byte_end: Option<usize>,
}

impl GoldSpan {
    /// The code-point span.
    pub fn span(&self) -> CharSpan {
        CharSpan::new(self.start, self.end)
    }
}

/// One gold attribution.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct GoldAttribution {
    /// `q1`, `q2`, ...
    pub id: String,
    /// `direct`, `indirect` or `mixed`.
    #[serde(rename = "type")]
    pub qtype: Option<String>,
    /// What was said.
    pub content: GoldSpan,
    /// The cue.
    #[serde(default)]
    pub cue: Option<GoldSpan>,
    /// The speaker as written.
    #[serde(default)]
    pub speaker_mention: Option<GoldSpan>,
    /// The resolved speaker (canonical name or source description).
    #[serde(default)]
    pub speaker: Option<String>,
    /// `person`, `organization`, `group`, `anonymous person`.
    #[serde(default)]
    pub speaker_kind: Option<String>,
    /// False for nice-to-have items.
    #[serde(default = "yes")]
    pub required: bool,
    /// Annotator's note.
    #[serde(default)]
    pub note: Option<String>,
}

impl GoldAttribution {
    /// The attribution as a scoring [`Quote`].
    pub fn to_quote(&self) -> Quote {
        Quote {
            id: self.id.clone(),
            content: self.content.span(),
            cue: self.cue.as_ref().map(GoldSpan::span),
            speaker: self.speaker_mention.as_ref().map(GoldSpan::span),
            qtype: self.qtype.clone(),
            speaker_name: self.speaker.clone(),
            speaker_kind: self.speaker_kind.clone(),
        }
    }
}

/// One gold entity.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct GoldEntity {
    /// Canonical name.
    pub canonical: String,
    /// `PERSON`, `ORG`, `GPE`, `NORP`, `LOC`, `MISC`.
    #[serde(rename = "type")]
    pub etype: String,
    /// Some of its mentions (the first is the one the reference scorer looks for).
    #[serde(default)]
    pub mentions: Vec<GoldSpan>,
    /// Titles and roles that must appear among the entity's titles.
    #[serde(default)]
    pub roles: Vec<String>,
    /// False for nice-to-have items.
    #[serde(default = "yes")]
    pub required: bool,
    /// Side or country.
    #[serde(default)]
    pub affiliation: Option<String>,
}

/// One gold quantity.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct GoldQuantity {
    /// What is counted, in words.
    #[serde(default)]
    pub quantity: String,
    /// Numeric value.
    pub value: f64,
    /// `exact`, `approximately`, `at least`, ...
    #[serde(default)]
    pub qualifier: Option<String>,
    /// The phrase.
    pub span: GoldSpan,
    /// Who gives the number.
    #[serde(default)]
    pub source: Option<String>,
    /// Hedge words.
    #[serde(default)]
    pub hedge: Option<String>,
    /// False for nice-to-have items.
    #[serde(default = "yes")]
    pub required: bool,
}

/// One gold date.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct GoldDate {
    /// The expression.
    pub span: GoldSpan,
    /// ISO value, or a description of a relative date (`publication month minus one`).
    pub value: String,
    /// What happened then.
    #[serde(default)]
    pub event: Option<String>,
    /// Other keys, notably `with_publication_date_YYYY-MM-DD` (the value given that publication date).
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// Prefix of the keys that give a relative date's value for one publication date.
pub const WITH_DATE_PREFIX: &str = "with_publication_date_";

impl GoldDate {
    /// Publication dates named by `with_publication_date_YYYY-MM-DD` keys.
    pub fn anchor_dates(&self) -> Vec<String> {
        self.extra.keys().filter_map(|k| k.strip_prefix(WITH_DATE_PREFIX)).map(str::to_string).collect()
    }
    /// The expected value given publication date `date`: the `with_publication_date_<date>` value when
    /// there is one, else `value`.
    pub fn expected(&self, date: Option<&str>) -> String {
        date.and_then(|d| self.extra.get(&format!("{WITH_DATE_PREFIX}{d}")))
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .unwrap_or_else(|| self.value.clone())
    }
}

/// A whole gold file.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Gold {
    /// The annotated text, relative to the gold file's grandparent folder.
    pub document: String,
    /// Publication date, when the gold gives one.
    #[serde(default)]
    pub date: Option<String>,
    /// Agencies credited.
    #[serde(default)]
    pub source_agencies: Vec<String>,
    /// Attributions.
    #[serde(default)]
    pub attributions: Vec<GoldAttribution>,
    /// Entities.
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// Quantities.
    #[serde(default)]
    pub quantities: Vec<GoldQuantity>,
    /// Dates.
    #[serde(default)]
    pub dates: Vec<GoldDate>,
    /// Passages that must not be reported as attribution content.
    #[serde(default)]
    pub not_attributions: Vec<GoldSpan>,
}

impl Gold {
    /// Parses a gold file's JSON.
    pub fn from_json(json: &str) -> Result<Gold, serde_json::Error> {
        serde_json::from_str(json)
    }
    /// Reads and parses a gold file; errors name the file.
    pub fn read(path: &Path) -> Result<Gold, EvalError> {
        let s = std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
        Gold::from_json(&s).map_err(|e| EvalError::Parse { path: path.display().to_string(), message: e.to_string() })
    }
    /// Where the text is: `document` resolved against the gold file's grandparent folder
    /// (`shared/gold/x.gold.json` + `seed/x.txt` → `shared/seed/x.txt`), else against the first folder
    /// above the gold file where it exists (`shared/gold/wire-dev/x.gold.json` + `gold/wire-dev/x.txt`).
    pub fn text_path(&self, gold_path: &Path) -> PathBuf {
        let base = gold_path.parent().and_then(Path::parent).unwrap_or(Path::new("."));
        let default = base.join(&self.document);
        if default.exists() {
            return default;
        }
        // "gold/wire-dev/X.txt" next to "gold/wire-dev/X.gold.json": the document resolved against a
        // folder further up
        gold_path.ancestors().skip(1).map(|a| a.join(&self.document)).find(|p| p.exists()).unwrap_or(default)
    }
    /// The publication date to run the pipeline with: the gold's `date`, else the date named by a
    /// `with_publication_date_YYYY-MM-DD` key of a gold date (the first in gold order), else none.
    pub fn publication_date(&self) -> Option<String> {
        self.date.clone().or_else(|| self.dates.iter().flat_map(|d| d.anchor_dates()).next())
    }
    /// The attributions as scoring [`Quote`]s (all of them, required or not).
    pub fn quotes(&self) -> Vec<Quote> {
        self.attributions.iter().map(GoldAttribution::to_quote).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"{
      "document": "seed/x.txt",
      "attributions": [{"id": "q1", "type": "indirect",
         "content": {"text": "it rains", "start": 9, "end": 17},
         "cue": {"text": "said", "start": 4, "end": 8},
         "speaker_mention": {"text": "Ann", "start": 0, "end": 3},
         "speaker": "Ann Lee", "speaker_kind": "person", "required": true}],
      "entities": [{"canonical": "Ann Lee", "type": "PERSON", "mentions": [], "roles": []}],
      "quantities": [],
      "dates": [{"span": {"text": "last month", "start": 20, "end": 30}, "value": "publication month minus one",
                 "with_publication_date_2025-03-06": "2025-02"}],
      "not_attributions": []
    }"#;

    #[test]
    fn reads_and_derives_date_and_path() {
        let g = Gold::from_json(SMALL).unwrap();
        assert_eq!(g.attributions[0].to_quote().content, CharSpan::new(9, 17));
        assert!(g.entities[0].required);
        assert_eq!(g.publication_date().as_deref(), Some("2025-03-06"));
        assert_eq!(g.dates[0].expected(Some("2025-03-06")), "2025-02");
        assert_eq!(g.dates[0].expected(Some("2024-01-01")), "publication month minus one");
        assert_eq!(g.text_path(Path::new("/d/gold/x.gold.json")), PathBuf::from("/d/seed/x.txt"));
    }
}
