//! Pronoun resolution against GAP (Webster et al. 2018; `accord eval --gap FILE.tsv`).
//!
//! Each GAP row is a Wikipedia paragraph with one pronoun (`he`, `his`, `him`, `she`, `her`, `hers`) and
//! two person names, A and B, each labelled as the pronoun's antecedent or not (both may be false). The
//! pipeline runs over the paragraph; the pronoun refers to A when the coreference stage put the pronoun's
//! mention and a name mention overlapping A, or another mention of exactly A's name, in the same entity
//! (likewise B). Scored as GAP's own scorer
//! does: precision, recall and F1 of the TRUE decisions over both names of every row, overall and by the
//! pronoun's gender, and the bias F1(feminine) / F1(masculine).

use crate::EvalError;
use accord_doc::{Doc, MentionKind};
use accord_pipeline::{Pipeline, RawDoc};
use rayon::prelude::*;
use std::io::Write;
use std::path::Path;

/// One GAP row: offsets in code points, as in the file.
#[derive(Clone, Debug)]
pub struct GapRow {
    /// Row id (`development-1`).
    pub id: String,
    /// The paragraph.
    pub text: String,
    /// The pronoun as written.
    pub pronoun: String,
    /// Its code point offset.
    pub pronoun_at: usize,
    /// The two names, their offsets and gold labels.
    pub names: [(String, usize, bool); 2],
}

/// Reads a GAP TSV file (header, then `ID Text Pronoun Pronoun-offset A A-offset A-coref B B-offset
/// B-coref URL`).
pub fn load(path: &Path) -> Result<Vec<GapRow>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
    let bad = |line: usize, what: &str| EvalError::Parse {
        path: path.display().to_string(),
        message: format!("line {line}: {what}"),
    };
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 10 {
            return Err(bad(i + 1, &format!("{} columns, expected 11", c.len())));
        }
        let num = |k: usize| {
            c[k].trim().parse::<usize>().map_err(|_| bad(i + 1, &format!("column {} is not an offset", k + 1)))
        };
        let flag = |k: usize| match c[k].trim().to_ascii_uppercase().as_str() {
            "TRUE" => Ok(true),
            "FALSE" => Ok(false),
            _ => Err(bad(i + 1, &format!("column {} is not TRUE/FALSE", k + 1))),
        };
        rows.push(GapRow {
            id: c[0].to_string(),
            text: c[1].to_string(),
            pronoun: c[2].to_string(),
            pronoun_at: num(3)?,
            names: [(c[4].to_string(), num(5)?, flag(6)?), (c[7].to_string(), num(8)?, flag(9)?)],
        });
    }
    Ok(rows)
}

/// True-positive, false-positive and false-negative counts of the TRUE decisions.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// Predicted and gold TRUE.
    pub tp: usize,
    /// Predicted TRUE, gold FALSE.
    pub fp: usize,
    /// Predicted FALSE, gold TRUE.
    pub fn_: usize,
}

impl Counts {
    fn add(&mut self, predicted: bool, gold: bool) {
        match (predicted, gold) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => {}
        }
    }
    /// Precision, recall, F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    }
}

/// The prediction for one row.
#[derive(Clone, Debug)]
pub struct GapPrediction {
    /// Predicted labels for A and B.
    pub names: [bool; 2],
    /// Whether the pronoun was found as a pronoun mention linked to an entity.
    pub resolved: bool,
    /// The name of the entity the pronoun went to, if any.
    pub entity: Option<String>,
    /// False when the pipeline's text differs from the row's (offsets then come from the changed text).
    pub aligned: bool,
}

/// Figures over a GAP file.
#[derive(Clone, Debug, Default)]
pub struct GapScores {
    /// Rows scored.
    pub rows: usize,
    /// All decisions.
    pub overall: Counts,
    /// Decisions of rows with a masculine pronoun.
    pub masculine: Counts,
    /// Decisions of rows with a feminine pronoun.
    pub feminine: Counts,
    /// Rows whose pronoun was resolved to some entity.
    pub resolved: usize,
    /// Rows whose text the pipeline changed (normalisation), so that offsets may not align.
    pub unaligned: usize,
}

/// Byte offset of code point `c` in `text` (its length when past the end).
fn byte_at(text: &str, c: usize) -> usize {
    text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
}

/// Predicts one row from its analysed paragraph.
pub fn predict(doc: &Doc, row: &GapRow) -> GapPrediction {
    let at = byte_at(&doc.text, row.pronoun_at);
    let pron = doc
        .mentions
        .iter()
        .find(|m| m.kind == MentionKind::Pronoun && m.span.start <= at && at < m.span.end.max(m.span.start + 1));
    let entity = pron.and_then(|m| m.entity);
    let names = row.names.each_ref().map(|(name, off, _)| {
        let (s, e) = (byte_at(&doc.text, *off), byte_at(&doc.text, off + name.chars().count()));
        // (the mention at the name's offset, or another mention of exactly that name: "Dan Bailey" when
        // the offset's mention is "Dan Bailey Fishing Day")
        entity.is_some_and(|ent| {
            doc.mentions.iter().any(|m| {
                m.kind == MentionKind::Name
                    && m.entity == Some(ent)
                    && ((m.span.start < e && s < m.span.end) || doc.slice(m.span) == name.as_str())
            })
        })
    });
    GapPrediction {
        names,
        resolved: entity.is_some(),
        entity: entity.map(|e| doc.entities[e].name.clone()),
        aligned: doc.text == row.text,
    }
}

/// Runs the pipeline over every row (in parallel) and returns the predictions in row order.
pub fn analyse(pipeline: &Pipeline, rows: &[GapRow]) -> Vec<GapPrediction> {
    rows.par_chunks(32)
        .flat_map_iter(|chunk| {
            let raws = chunk
                .iter()
                .map(|r| RawDoc {
                    text: r.text.clone(),
                    meta: accord_doc::Meta { id: r.id.clone(), ..Default::default() },
                })
                .collect();
            let docs = pipeline.process_batch(raws);
            docs.iter().zip(chunk).map(|(d, r)| predict(d, r)).collect::<Vec<_>>()
        })
        .collect()
}

/// Whether a GAP pronoun is feminine.
fn feminine(pronoun: &str) -> bool {
    matches!(pronoun.to_lowercase().as_str(), "she" | "her" | "hers" | "herself")
}

/// Scores predictions against their rows.
pub fn score(rows: &[GapRow], preds: &[GapPrediction]) -> GapScores {
    let mut s = GapScores::default();
    for (r, p) in rows.iter().zip(preds) {
        s.rows += 1;
        s.resolved += p.resolved as usize;
        s.unaligned += !p.aligned as usize;
        for k in 0..2 {
            s.overall.add(p.names[k], r.names[k].2);
            if feminine(&r.pronoun) {
                s.feminine.add(p.names[k], r.names[k].2);
            } else {
                s.masculine.add(p.names[k], r.names[k].2);
            }
        }
    }
    s
}

/// Prints the figures, and with `errors` > 0 that many wrong rows with the pronoun in context.
pub fn report(
    w: &mut dyn Write,
    path: &Path,
    rows: &[GapRow],
    preds: &[GapPrediction],
    errors: usize,
) -> std::io::Result<GapScores> {
    let s = score(rows, preds);
    writeln!(w, "gap {} ({} rows, {} pronouns resolved to an entity)", path.display(), s.rows, s.resolved)?;
    if s.unaligned > 0 {
        writeln!(w, "  warning: the pipeline changed the text of {} rows; their offsets may not align", s.unaligned)?;
    }
    for (label, c) in [("overall", s.overall), ("masculine", s.masculine), ("feminine", s.feminine)] {
        let (p, r, f) = c.prf();
        writeln!(w, "  {label:<10} P {p:.3} R {r:.3} F1 {f:.3}  (tp {} fp {} fn {})", c.tp, c.fp, c.fn_)?;
    }
    let bias = s.feminine.prf().2 / s.masculine.prf().2.max(1e-9);
    writeln!(w, "gap: F1 {:.3} bias F/M {:.2}", s.overall.prf().2, bias)?;
    let mut shown = 0;
    for (r, p) in rows.iter().zip(preds) {
        if shown >= errors {
            break;
        }
        if p.names[0] == r.names[0].2 && p.names[1] == r.names[1].2 {
            continue;
        }
        shown += 1;
        let gold = match (r.names[0].2, r.names[1].2) {
            (true, _) => r.names[0].0.as_str(),
            (_, true) => r.names[1].0.as_str(),
            _ => "neither",
        };
        let chars: Vec<char> = r.text.chars().collect();
        let from = r.pronoun_at.saturating_sub(120);
        let to = (r.pronoun_at + 40).min(chars.len());
        let before: String = chars[from..r.pronoun_at.min(chars.len())].iter().collect();
        let after: String = chars[r.pronoun_at.min(chars.len())..to].iter().collect();
        writeln!(
            w,
            "  {}: {:?} gold {gold:?}, predicted {:?} | …{before}[{}]{}…",
            r.id,
            r.pronoun,
            p.entity.as_deref().unwrap_or("-"),
            after.chars().take(r.pronoun.chars().count()).collect::<String>(),
            after.chars().skip(r.pronoun.chars().count()).collect::<String>()
        )?;
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_byte_offsets() {
        let mut c = Counts::default();
        c.add(true, true);
        c.add(true, false);
        c.add(false, true);
        c.add(false, false);
        assert_eq!((c.tp, c.fp, c.fn_), (1, 1, 1));
        assert_eq!(c.prf().2, 0.5);
        assert_eq!(byte_at("é a", 1), 2);
        assert_eq!(byte_at("é a", 9), 4);
    }

    #[test]
    fn rows_are_scored_from_the_pipelines_coreference() {
        // invented rows: the pronoun refers back to the subject, and forward to the main clause's subject
        let rows = vec![
            GapRow {
                id: "t-1".into(),
                text: "Marta Okafor met Ilse Marek in Lisbon. Okafor said she would return in May.".into(),
                pronoun: "she".into(),
                pronoun_at: 51,
                names: [("Okafor".into(), 39, true), ("Ilse Marek".into(), 17, false)],
            },
            GapRow {
                id: "t-2".into(),
                text: "Ilse Marek left the band in 1990. When he was 14, Tobias Lindqvist moved to Oslo.".into(),
                pronoun: "he".into(),
                pronoun_at: 39,
                names: [("Ilse Marek".into(), 0, false), ("Tobias Lindqvist".into(), 50, true)],
            },
        ];
        assert_eq!(&rows[0].text[51..54], "she");
        assert_eq!(&rows[1].text[39..41], "he");
        let pipeline = Pipeline::new(accord_pipeline::Options::default()).unwrap();
        let preds = analyse(&pipeline, &rows);
        assert_eq!(preds[0].names, [true, false], "{:?}", preds[0]);
        assert_eq!(preds[1].names, [false, true], "{:?}", preds[1]);
        let s = score(&rows, &preds);
        assert_eq!((s.overall.tp, s.overall.fp, s.overall.fn_, s.rows), (2, 0, 0, 2));
        let mut out = Vec::new();
        report(&mut out, Path::new("t.tsv"), &rows, &preds, 5).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("gap: F1 1.000"));
    }

    #[test]
    fn a_malformed_row_is_named_with_its_line() {
        let dir = std::env::temp_dir().join(format!("accord-gap-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("bad.tsv");
        std::fs::write(&f, "ID\tText\n1\tSome text\this\tx\n").unwrap();
        let e = load(&f).unwrap_err().to_string();
        assert!(e.contains("bad.tsv") && e.contains("line 2"), "{e}");
    }
}
