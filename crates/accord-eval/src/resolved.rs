//! Resolved-speaker scoring against a hand-resolved file such as
//! `../shared/gold/polnear-dev-resolved.jsonl`: one JSON object per brat relation with a Source, giving
//! who the Source refers to (`resolved`), its `kind` and the form of the mention (`mention_type`).
//!
//! As in the reference scorer (`score_attributions.py brat OUT DIR RESOLVED`), only `person` and
//! `organization` records count. **Resolved accuracy** is, over those gold relations matched by a
//! prediction at overlap > 0.3, the share whose predicted resolved name ([`crate::seed::resolved_name`])
//! equals `resolved` after [`norm_name`]; **resolved recall** divides the same count by all person and
//! organisation records. Each miss is sorted into one kind ([`MissKind`]) for error analysis.

use crate::metrics::norm_name;
use crate::EvalError;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// One record of a resolved-speaker file.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct ResolvedRecord {
    /// Article file name (`STEM.txt`).
    pub article: String,
    /// Annotation file name.
    pub ann: String,
    /// The `E` id.
    pub relation: String,
    /// Text of the Source span.
    #[serde(default)]
    pub source_text: String,
    /// Who the Source refers to.
    pub resolved: String,
    /// `person`, `organization`, `group`, `anonymous` or `unknown`.
    pub kind: String,
    /// `name`, `pronoun`, `nominal` or `other`.
    #[serde(default)]
    pub mention_type: String,
}

/// A resolved-speaker file, keyed by (article stem, relation id, annotation file name).
#[derive(Clone, Debug, Default)]
pub struct ResolvedGold {
    records: HashMap<(String, String, String), ResolvedRecord>,
    /// Person and organisation records (the denominator of resolved recall).
    pub named: usize,
}

fn stem(name: &str) -> &str {
    match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    }
}

impl ResolvedGold {
    /// Reads a JSON Lines file; a bad line is an error naming the file and line.
    pub fn read(path: &Path) -> Result<ResolvedGold, EvalError> {
        let text = std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
        Self::parse(&text).map_err(|message| EvalError::Parse { path: path.display().to_string(), message })
    }
    /// Parses the text of a JSON Lines file.
    pub fn parse(text: &str) -> Result<ResolvedGold, String> {
        let mut g = ResolvedGold::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let r: ResolvedRecord = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
            g.named += r.counts() as usize;
            g.records.insert((stem(&r.article).to_string(), r.relation.clone(), r.ann.clone()), r);
        }
        Ok(g)
    }
    /// The record of relation `relation` of article `stem` annotated in `ann` (a file name).
    pub fn get(&self, stem: &str, relation: &str, ann: &str) -> Option<&ResolvedRecord> {
        self.records.get(&(stem.to_string(), relation.to_string(), ann.to_string()))
    }
    /// Number of records.
    pub fn len(&self) -> usize {
        self.records.len()
    }
    /// True when there is no record.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

impl ResolvedRecord {
    /// True for the kinds the metrics count (`person`, `organization`).
    pub fn counts(&self) -> bool {
        matches!(self.kind.as_str(), "person" | "organization")
    }
}

/// Why a person or organisation record was not resolved right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MissKind {
    /// No prediction matched the gold content at overlap > 0.3.
    QuoteNotFound,
    /// Matched, but the prediction has no resolved name.
    NoName,
    /// The predicted name is part of the gold one ("Lopez" for "Maria Lopez", "Times" for "The New York
    /// Times").
    PartOfName,
    /// The gold name is inside the predicted one, with other words glued on ("Democrat Maria Lopez").
    ExtraWords,
    /// An acronym for the full name or the other way round ("HSI" / "Homeland Security Investigations").
    Acronym,
    /// A pronoun resolved to another referent.
    PronounOther,
    /// A nominal ("the official", "the newspaper") resolved to another referent or left as a phrase.
    NominalOther,
    /// A name resolved to another referent.
    NameOther,
    /// Another form of mention resolved to another referent.
    Other,
}

impl MissKind {
    /// Every kind, in report order.
    pub const ALL: [MissKind; 9] = [
        MissKind::QuoteNotFound,
        MissKind::NoName,
        MissKind::PartOfName,
        MissKind::ExtraWords,
        MissKind::Acronym,
        MissKind::PronounOther,
        MissKind::NominalOther,
        MissKind::NameOther,
        MissKind::Other,
    ];
    /// A short label for reports.
    pub fn label(self) -> &'static str {
        match self {
            MissKind::QuoteNotFound => "quote not found",
            MissKind::NoName => "matched, no resolved name",
            MissKind::PartOfName => "part of the name (surname, short form)",
            MissKind::ExtraWords => "name with extra words (descriptor, title, time)",
            MissKind::Acronym => "acronym <-> full name",
            MissKind::PronounOther => "pronoun -> other referent",
            MissKind::NominalOther => "nominal -> other referent or unresolved",
            MissKind::NameOther => "name -> other referent",
            MissKind::Other => "other mention -> other referent",
        }
    }
}

fn acronym(words: &[&str]) -> String {
    words
        .iter()
        .filter(|w| !matches!(**w, "of" | "the" | "and" | "for" | "&"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// The kind of a wrong resolution: `pred` (normalised, may be empty) against `gold` (normalised).
pub fn miss_kind(pred: Option<&str>, gold: &str, mention_type: &str) -> MissKind {
    let Some(pred) = pred.filter(|p| !p.is_empty()) else { return MissKind::NoName };
    let pw: Vec<&str> = pred.split(' ').collect();
    let gw: Vec<&str> = gold.split(' ').collect();
    let contains =
        |hay: &[&str], needle: &[&str]| needle.len() < hay.len() && hay.windows(needle.len()).any(|w| w == needle);
    if contains(&gw, &pw) || (pw.len() < gw.len() && pw.iter().all(|w| gw.contains(w))) {
        return MissKind::PartOfName;
    }
    if contains(&pw, &gw) {
        return MissKind::ExtraWords;
    }
    let squash = |w: &[&str]| w.concat();
    if (pw.len() == 1 && gw.len() >= 2 && squash(&pw) == acronym(&gw))
        || (gw.len() == 1 && pw.len() >= 2 && squash(&gw) == acronym(&pw))
    {
        return MissKind::Acronym;
    }
    match mention_type {
        "pronoun" => MissKind::PronounOther,
        "nominal" => MissKind::NominalOther,
        "name" => MissKind::NameOther,
        _ => MissKind::Other,
    }
}

/// One person or organisation record not resolved right.
#[derive(Clone, Debug, Serialize)]
pub struct ResolvedMiss {
    /// Article stem.
    pub doc: String,
    /// The `E` id.
    pub relation: String,
    /// Why.
    pub kind: MissKind,
    /// The gold Source text.
    pub source_text: String,
    /// The gold mention type.
    pub mention_type: String,
    /// The gold resolved name.
    pub gold: String,
    /// The predicted resolved name (None: unmatched or no name).
    pub pred: Option<String>,
    /// The predicted speaker span text.
    pub pred_speaker: Option<String>,
}

/// Resolved-speaker figures over a corpus.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ResolvedScores {
    /// Person and organisation gold relations matched by a prediction.
    pub matched: usize,
    /// Of those, resolved to the right name.
    pub correct: usize,
    /// All person and organisation records.
    pub named: usize,
    /// `correct / matched`.
    pub accuracy: f64,
    /// `correct / named`.
    pub recall: f64,
    /// Every miss, in document order.
    pub misses: Vec<ResolvedMiss>,
}

impl ResolvedScores {
    /// Computes `accuracy` and `recall` from the counts.
    pub fn finish(&mut self) {
        self.accuracy = if self.matched > 0 { self.correct as f64 / self.matched as f64 } else { 0.0 };
        self.recall = if self.named > 0 { self.correct as f64 / self.named as f64 } else { 0.0 };
    }
    /// Number of misses of each kind, in [`MissKind::ALL`] order.
    pub fn table(&self) -> Vec<(MissKind, usize)> {
        MissKind::ALL.iter().map(|&k| (k, self.misses.iter().filter(|m| m.kind == k).count())).collect()
    }
    /// Scores one document: `matched[i]` is the prediction matched to gold relation `i` at overlap > 0.3,
    /// `ids[i]` that relation's id, `names[j]` the resolved name of prediction `j`, `speakers[j]` its
    /// speaker text.
    #[allow(clippy::too_many_arguments)]
    pub fn add_document(
        &mut self,
        gold: &ResolvedGold,
        stem: &str,
        ann: &str,
        ids: &[String],
        matched: &[Option<usize>],
        names: &[Option<String>],
        speakers: &[Option<String>],
    ) {
        for (id, m) in ids.iter().zip(matched) {
            let Some(r) = gold.get(stem, id, ann).filter(|r| r.counts()) else { continue };
            let want = norm_name(&r.resolved);
            let miss = |kind, pred: Option<String>, sp: Option<String>| ResolvedMiss {
                doc: stem.to_string(),
                relation: id.clone(),
                kind,
                source_text: r.source_text.clone(),
                mention_type: r.mention_type.clone(),
                gold: r.resolved.clone(),
                pred,
                pred_speaker: sp,
            };
            let Some(j) = *m else {
                self.misses.push(miss(MissKind::QuoteNotFound, None, None));
                continue;
            };
            self.matched += 1;
            let got = names[j].as_deref().map(norm_name);
            if got.as_deref() == Some(want.as_str()) {
                self.correct += 1;
            } else {
                let kind = miss_kind(got.as_deref(), &want, &r.mention_type);
                self.misses.push(miss(kind, names[j].clone(), speakers[j].clone()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_misses() {
        assert_eq!(miss_kind(Some("lopez"), "maria lopez", "name"), MissKind::PartOfName);
        assert_eq!(miss_kind(Some("democrat maria lopez"), "maria lopez", "name"), MissKind::ExtraWords);
        assert_eq!(miss_kind(Some("hsi"), "homeland security investigations", "name"), MissKind::Acronym);
        assert_eq!(miss_kind(Some("ann roe"), "maria lopez", "pronoun"), MissKind::PronounOther);
        assert_eq!(miss_kind(Some("the official"), "maria lopez", "nominal"), MissKind::NominalOther);
        assert_eq!(miss_kind(None, "maria lopez", "name"), MissKind::NoName);
    }

    #[test]
    fn scores_like_the_reference() {
        let text = r#"{"article": "a.txt", "ann": "a_1.ann", "relation": "E1", "source_text": "she", "resolved": "Maria Lopez", "kind": "person", "mention_type": "pronoun"}
{"article": "a.txt", "ann": "a_1.ann", "relation": "E2", "source_text": "officials", "resolved": "anonymous: officials", "kind": "anonymous", "mention_type": "nominal"}
{"article": "a.txt", "ann": "a_1.ann", "relation": "E3", "source_text": "the Times", "resolved": "The New York Times", "kind": "organization", "mention_type": "name"}
{"article": "a.txt", "ann": "a_1.ann", "relation": "E4", "source_text": "Lopez", "resolved": "Maria Lopez", "kind": "person", "mention_type": "name"}"#;
        let g = ResolvedGold::parse(text).unwrap();
        assert_eq!((g.len(), g.named), (4, 3));
        let ids: Vec<String> = ["E1", "E2", "E3", "E4"].iter().map(|s| s.to_string()).collect();
        let names = vec![Some("Maria  Lopez.".to_string()), Some("officials".into()), Some("Times".into())];
        let speakers = vec![None, None, None];
        let mut s = ResolvedScores { named: g.named, ..Default::default() };
        s.add_document(&g, "a", "a_1.ann", &ids, &[Some(0), Some(1), Some(2), None], &names, &speakers);
        s.finish();
        assert_eq!((s.matched, s.correct), (2, 1));
        assert!((s.accuracy - 0.5).abs() < 1e-9 && (s.recall - 1.0 / 3.0).abs() < 1e-9);
        let t = s.table();
        assert!(t.contains(&(MissKind::PartOfName, 1)) && t.contains(&(MissKind::QuoteNotFound, 1)));
        assert!(ResolvedGold::parse("{not json").unwrap_err().starts_with("line 1"));
    }
}
