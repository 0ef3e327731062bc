//! The claims ledger: counted quantities by source and date, with disagreements flagged.

use crate::{like, Store, StoreError};
use rusqlite::{params_from_iter, types::Value as Sql};
use serde::Serialize;

/// One report of a counted quantity.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ClaimEntry {
    /// The number.
    pub value: f64,
    /// `exact`, `approximately`, `at least`, …
    pub qualifier: String,
    /// Who gave it (attribution source, else the outlet).
    pub source: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Article id.
    pub article: i64,
    /// Article title.
    pub article_title: Option<String>,
    /// Publication date.
    pub date: Option<String>,
    /// The phrase.
    pub text: String,
    /// Code-point offsets in the article.
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// Hedge words.
    pub hedge: Option<String>,
    /// True when another source gave an incompatible value on the same date.
    pub disputed: bool,
}

/// A disagreement: incompatible values for one quantity on one date.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Disagreement {
    /// The date.
    pub date: String,
    /// (source, qualifier, value) of each report that day.
    pub reports: Vec<(Option<String>, String, f64)>,
}

/// The ledger of one counted quantity.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ClaimGroup {
    /// What is counted, as most often written.
    pub counted: String,
    /// Normalised key.
    pub key: String,
    /// Reports in date order.
    pub entries: Vec<ClaimEntry>,
    /// Dates on which sources disagree.
    pub disagreements: Vec<Disagreement>,
}

/// Counted keys that are units rather than counted things; left out of the claims ledger.
pub const UNIT_KEYS: &[&str] = &[
    "percent",
    "per cent",
    "%",
    "percentage point",
    "point",
    "time",
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
    "dollar",
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "cent",
    "mile",
    "kilometer",
    "kilometre",
    "meter",
    "metre",
    "foot",
    "feet",
    "pound",
    "euro",
    "percentage",
];

/// Interval a qualified value allows, for spotting disagreements.
fn interval(q: &str, v: f64) -> (f64, f64) {
    match q {
        "at least" | "more than" | "over" => (v, f64::INFINITY),
        "at most" | "less than" | "up to" | "fewer than" | "under" => (f64::NEG_INFINITY, v),
        "approximately" | "about" | "around" | "nearly" | "almost" => (v * 0.9, v * 1.1),
        _ => (v, v),
    }
}

impl Store {
    /// The claims ledger: every counted quantity (optionally matching `about`) with its reports by
    /// source and date, disagreements flagged. Groups with the most reports come first.
    pub fn claims(&self, about: Option<&str>, limit: usize) -> Result<Vec<ClaimGroup>, StoreError> {
        let limit = crate::limits::CLAIMS.check(limit)?;
        let mut sql = "SELECT q.counted_key, q.counted, q.value, q.qualifier, q.source, a.outlet, q.article, COALESCE(a.title, a.doc_id), \
                       q.date, q.text, q.start, q.end, q.hedge FROM quantities q JOIN articles a ON a.id = q.article \
                       WHERE q.counted_key IS NOT NULL AND q.counted_key != ''"
            .to_string();
        // bare units ("percent", "year") say how, not what, is counted: reports of them are not comparable
        sql += &format!(
            " AND q.counted_key NOT IN ({})",
            UNIT_KEYS.iter().map(|u| format!("'{u}'")).collect::<Vec<_>>().join(",")
        );
        let mut args: Vec<Sql> = Vec::new();
        if let Some(a) = about.filter(|a| !a.trim().is_empty()) {
            sql += " AND (q.counted_key LIKE ?1 ESCAPE '\\' OR q.counted LIKE ?1 ESCAPE '\\' OR q.text LIKE ?1 ESCAPE '\\')";
            args.push(Sql::Text(like(&crate::counted_key(a))));
        }
        sql += " ORDER BY q.counted_key, q.date, q.id";
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map(params_from_iter(args), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                ClaimEntry {
                    value: r.get(2)?,
                    qualifier: r.get(3)?,
                    source: r.get(4)?,
                    outlet: r.get(5)?,
                    article: r.get(6)?,
                    article_title: r.get(7)?,
                    date: r.get(8)?,
                    text: r.get(9)?,
                    start: r.get(10)?,
                    end: r.get(11)?,
                    hedge: r.get(12)?,
                    disputed: false,
                },
            ))
        })?;
        let mut groups: Vec<ClaimGroup> = Vec::new();
        let mut spellings: Vec<std::collections::HashMap<String, usize>> = Vec::new();
        for r in rows {
            let (key, counted, e) = r?;
            if !matches!(groups.last(), Some(g) if g.key == key) {
                groups.push(ClaimGroup {
                    counted: String::new(),
                    key: key.clone(),
                    entries: vec![],
                    disagreements: vec![],
                });
                spellings.push(Default::default());
            }
            *spellings.last_mut().unwrap().entry(counted.unwrap_or_else(|| key.clone())).or_default() += 1;
            groups.last_mut().unwrap().entries.push(e);
        }
        for (g, sp) in groups.iter_mut().zip(spellings) {
            g.counted = sp
                .into_iter()
                .max_by_key(|(s, n)| (*n, std::cmp::Reverse(s.clone())))
                .map(|(s, _)| s)
                .unwrap_or_default();
            // disagreements: same date, different sources, incompatible intervals
            let mut i = 0;
            while i < g.entries.len() {
                let date = g.entries[i].date.clone();
                let j = i + g.entries[i..].iter().take_while(|e| e.date == date).count();
                if let Some(d) = date {
                    let day = &mut g.entries[i..j];
                    let mut conflict = vec![false; day.len()];
                    for a in 0..day.len() {
                        for b in a + 1..day.len() {
                            let (x, y) = (&day[a], &day[b]);
                            let src = |e: &ClaimEntry| e.source.clone().or(e.outlet.clone());
                            if src(x) == src(y) {
                                continue;
                            }
                            let (ia, ib) = (interval(&x.qualifier, x.value), interval(&y.qualifier, y.value));
                            if ia.1 < ib.0 || ib.1 < ia.0 {
                                conflict[a] = true;
                                conflict[b] = true;
                            }
                        }
                    }
                    if conflict.iter().any(|c| *c) {
                        let mut reports = Vec::new();
                        for (e, c) in day.iter_mut().zip(&conflict) {
                            e.disputed = *c;
                            reports.push((e.source.clone().or(e.outlet.clone()), e.qualifier.clone(), e.value));
                        }
                        g.disagreements.push(Disagreement { date: d, reports });
                    }
                }
                i = j;
            }
        }
        groups.sort_by(|a, b| b.entries.len().cmp(&a.entries.len()).then(a.key.cmp(&b.key)));
        groups.truncate(limit);
        Ok(groups)
    }
}
