//! Helpers shared by the pipeline's integration tests.
#![allow(dead_code)]

use accord_doc::schema::DocumentOut;
use std::path::PathBuf;

/// `../shared` beside the repository, or None (test skipped) when it is absent outside CI.
/// Under `CI=true` a missing folder fails the test.
pub fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.join("seed").is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("../shared is missing beside the repository ({}); CI needs it", dir.display());
    }
    eprintln!("skipped: ../shared is not beside the repository ({})", dir.display());
    None
}

/// The repository's test fixtures folder.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures").join(name)
}

/// Runs the full pipeline on a text with a publication date.
pub fn extract(text: &str, id: &str, date: Option<&str>) -> DocumentOut {
    let pipeline = accord_pipeline::Pipeline::new(accord_pipeline::Options {
        default_date: date.map(str::to_string),
        ..Default::default()
    })
    .expect("shipped models load");
    let raw = accord_pipeline::RawDoc {
        text: text.to_string(),
        meta: accord_doc::Meta { id: id.to_string(), ..Default::default() },
    };
    pipeline.process(raw).to_output()
}

/// Runs the pipeline on a fixture file.
pub fn extract_fixture(name: &str, date: Option<&str>) -> DocumentOut {
    let text = std::fs::read_to_string(fixture(name)).expect("fixture");
    extract(&text, name, date)
}

/// Lower-case, quote- and punctuation-free form used to compare names.
pub fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' | '"' | '\'' | '.' | ','))
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The resolved speaker name of an attribution: the entity's canonical name, else the source name.
pub fn speaker_name(doc: &DocumentOut, a: &accord_doc::schema::AttributionOut) -> Option<String> {
    if let Some(id) = &a.speaker_entity {
        return doc.entities.iter().find(|e| &e.id == id).map(|e| e.name.clone());
    }
    a.source.name.clone()
}

/// The attribution whose content contains `needle`.
pub fn attribution_with<'a>(doc: &'a DocumentOut, needle: &str) -> &'a accord_doc::schema::AttributionOut {
    doc.attributions.iter().find(|a| a.content.text.contains(needle)).unwrap_or_else(|| {
        panic!(
            "no attribution contains {needle:?}; found {:#?}",
            doc.attributions.iter().map(|a| &a.content.text).collect::<Vec<_>>()
        )
    })
}
