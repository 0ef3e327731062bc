//! Pass/fail checks of one accord/1 document against a project gold file — the same checks as the
//! reference scorer's `seed` mode, with one line per required fact.
//!
//! * attributions (required ones): the first unused prediction whose content covers more than 0.8 of
//!   the gold content; then type equal, cue overlapping the gold cue, resolved speaker agreeing
//!   ([`crate::metrics::names_agree`]);
//! * not-attributions: no predicted content overlaps them;
//! * entities (required): an entity whose name equals the canonical name, or one of whose mentions
//!   equals the first gold mention (normalised), with the right type (GPE/NORP/LOC interchangeable when
//!   the gold says GPE or NORP) and every gold role inside its titles;
//! * quantities (required): same value and overlapping span;
//! * dates (all): overlapping span and a value that starts with the expected value (the
//!   `with_publication_date_<date>` value when the run's date has one).

use crate::gold::Gold;
use crate::metrics::{names_agree, norm_name, CharSpan};
use accord_doc::schema::{AttributionOut, DocumentOut, SpanOut};
use serde::Serialize;

/// One checked fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    /// `attribution`, `not_attribution`, `entity`, `quantity`, `date`.
    pub kind: &'static str,
    /// Gold id or name.
    pub item: String,
    /// True when the output has it right.
    pub ok: bool,
    /// What is wrong (empty when ok).
    pub detail: String,
}

/// All checks and their counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SeedReport {
    /// Every check, in gold order.
    pub checks: Vec<Check>,
    /// Required facts right.
    pub required_ok: usize,
    /// Required facts.
    pub required: usize,
    /// Predicted attributions over not-attribution passages.
    pub false_attributions: usize,
}

impl SeedReport {
    fn push(&mut self, kind: &'static str, item: String, problems: Vec<String>) {
        let ok = problems.is_empty();
        if kind != "not_attribution" {
            self.required += 1;
            self.required_ok += ok as usize;
        } else if !ok {
            self.false_attributions += 1;
        }
        self.checks.push(Check { kind, item, ok, detail: problems.join("; ") });
    }
    /// `(right, total)` for one kind of check.
    pub fn count(&self, kind: &str) -> (usize, usize) {
        let c = self.checks.iter().filter(|c| c.kind == kind);
        (c.clone().filter(|c| c.ok).count(), c.count())
    }
}

fn sp(s: &SpanOut) -> CharSpan {
    CharSpan::new(s.start, s.end)
}

/// The resolved speaker name of a predicted attribution: the name of its `speaker_entity`, else
/// `source.name`.
pub fn resolved_name<'a>(doc: &'a DocumentOut, a: &'a AttributionOut) -> Option<&'a str> {
    if let Some(id) = &a.speaker_entity {
        if let Some(e) = doc.entities.iter().find(|e| &e.id == id) {
            return Some(e.name.as_str());
        }
    }
    a.source.name.as_deref()
}

/// Runs every check of `gold` against `doc`; `date` is the publication date the pipeline ran with.
pub fn check(gold: &Gold, doc: &DocumentOut, date: Option<&str>) -> SeedReport {
    let mut r = SeedReport::default();
    let mut used = vec![false; doc.attributions.len()];
    for g in gold.attributions.iter().filter(|g| g.required) {
        let gs = g.content.span();
        let found = doc
            .attributions
            .iter()
            .enumerate()
            .position(|(i, a)| !used[i] && sp(&a.content).overlap(gs) as f64 / gs.len().max(1) as f64 > 0.8);
        let Some(i) = found else {
            r.push("attribution", g.id.clone(), vec!["content not found".into()]);
            continue;
        };
        used[i] = true;
        let a = &doc.attributions[i];
        let mut problems = Vec::new();
        if let Some(t) = &g.qtype {
            if &a.qtype != t {
                problems.push(format!("type {} != {t}", a.qtype));
            }
        }
        if let Some(c) = &g.cue {
            if a.cue.as_ref().is_none_or(|p| sp(p).overlap(c.span()) == 0) {
                problems.push(format!("cue {:?} != {:?}", a.cue.as_ref().map(|c| c.text.as_str()), c.text));
            }
        }
        if let Some(want) = &g.speaker {
            let name = resolved_name(doc, a);
            if !names_agree(name, want, g.speaker_kind.as_deref()) {
                problems.push(format!("speaker {name:?} != {want:?}"));
            }
        }
        r.push("attribution", g.id.clone(), problems);
    }
    for n in &gold.not_attributions {
        let bad = doc.attributions.iter().filter(|a| sp(&a.content).overlap(n.span()) > 0).count();
        let short: String = n.text.chars().take(40).collect();
        let problems = (0..bad).map(|_| format!("false attribution over {short:?}")).collect();
        r.push("not_attribution", short, problems);
    }
    for g in gold.entities.iter().filter(|g| g.required) {
        let first = g.mentions.first().map(|m| norm_name(&m.text));
        let hits: Vec<_> = doc
            .entities
            .iter()
            .filter(|e| {
                norm_name(&e.name) == norm_name(&g.canonical)
                    || first.as_ref().is_some_and(|f| e.mentions.iter().any(|m| &norm_name(&m.text) == f))
            })
            .collect();
        let good = hits.iter().any(|e| {
            let typ_ok = e.etype == g.etype
                || (matches!(g.etype.as_str(), "GPE" | "NORP") && matches!(e.etype.as_str(), "GPE" | "NORP" | "LOC"));
            let roles = norm_name(&e.titles.join(" "));
            typ_ok && g.roles.iter().all(|role| roles.contains(&norm_name(role)))
        });
        let problems = if good {
            vec![]
        } else if hits.is_empty() {
            vec!["missing".into()]
        } else {
            vec![format!(
                "type/roles wrong: {}",
                hits.iter().map(|e| format!("{} {:?}", e.etype, e.titles)).collect::<Vec<_>>().join(", ")
            )]
        };
        r.push("entity", g.canonical.clone(), problems);
    }
    for g in gold.quantities.iter().filter(|q| q.required) {
        let hit = doc.quantities.iter().any(|q| q.value == g.value && sp(&q.span).overlap(g.span.span()) > 0);
        let problems = if hit { vec![] } else { vec![format!("{} = {} missing", g.span.text, g.value)] };
        r.push("quantity", g.quantity.clone(), problems);
    }
    for g in &gold.dates {
        let want = g.expected(date);
        let hit = doc.dates.iter().any(|d| {
            let right = if want == "relative" { d.relative } else { d.value.starts_with(&want) };
            right && sp(&d.span).overlap(g.span.span()) > 0
        });
        let problems = if hit { vec![] } else { vec![format!("-> {want} missing")] };
        r.push("date", g.span.text.clone(), problems);
    }
    r
}
