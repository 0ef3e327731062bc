//! Span matching and precision/recall/F1.
//!
//! Everything here works on code-point spans ([`CharSpan`]) over a document held as a `&[char]`, so gold
//! from brat (code points), the project gold (code points) and accord/1 output (`start`/`end`, code
//! points) compare directly. Matching is greedy and one-to-one: gold items are taken in order and each
//! takes the first still-unused prediction (in prediction order) that satisfies the [`Criterion`] — the
//! procedure of the reference scorer (`../shared/tools/score_attributions.py`) and of the Gender Gap
//! Tracker. The definitions are written out in `docs/eval.md`.

use serde::Serialize;
use std::collections::BTreeMap;

/// A half-open range `[start, end)` of Unicode code points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct CharSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

impl CharSpan {
    /// A span from `start` to `end`; a reversed pair is stored in order.
    pub fn new(start: usize, end: usize) -> Self {
        CharSpan { start: start.min(end), end: start.max(end) }
    }
    /// Length in code points.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// Number of code points the two spans share.
    pub fn overlap(&self, other: CharSpan) -> usize {
        self.end.min(other.end).saturating_sub(self.start.max(other.start))
    }
    /// The covered text (code points clamped to the text).
    pub fn text(&self, chars: &[char]) -> String {
        let e = self.end.min(chars.len());
        chars[self.start.min(e)..e].iter().collect()
    }
    /// The span without leading and trailing whitespace.
    pub fn trim(&self, chars: &[char]) -> CharSpan {
        let (mut s, mut e) = (self.start.min(chars.len()), self.end.min(chars.len()));
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        CharSpan { start: s, end: e }
    }
    /// The *loose* content span: whitespace-trimmed, then a leading `that` (followed by whitespace,
    /// any case) removed, then leading and trailing punctuation (Unicode punctuation, quotation marks
    /// included) and whitespace removed.
    pub fn trim_content(&self, chars: &[char]) -> CharSpan {
        let t = self.trim(chars);
        let (mut s, mut e) = (t.start, t.end);
        if e - s > 5 {
            let w: String = chars[s..s + 4].iter().collect();
            if w.eq_ignore_ascii_case("that") && chars[s + 4].is_whitespace() {
                s += 5;
            }
        }
        let strip = |c: char| c.is_whitespace() || is_punct(c);
        while s < e && strip(chars[s]) {
            s += 1;
        }
        while e > s && strip(chars[e - 1]) {
            e -= 1;
        }
        CharSpan { start: s, end: e }
    }
}

/// True for punctuation characters, quotation marks included (ASCII punctuation and the general
/// punctuation block: curly quotes, dashes, ellipsis, guillemets).
pub fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || ('\u{2010}'..='\u{205E}').contains(&c) || matches!(c, '«' | '»' | '¡' | '¿')
}

/// When a predicted span counts as the same item as a gold span.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Criterion {
    /// Identical after trimming whitespace from both.
    Exact,
    /// Identical after [`CharSpan::trim_content`] on both (content spans only).
    ExactLoose,
    /// `|gold ∩ pred| / |gold| > t` in code points (an empty gold span needs `|gold ∩ pred| > 0`… never).
    Overlap(f64),
    /// `|gold ∩ pred| / |gold| > 0.5` and `|gold ∩ pred| / |pred| > 0.5` (the reference scorer's `sym`).
    Symmetric,
}

impl Criterion {
    /// A short name used in reports: `exact`, `exact_loose`, `overlap_0.3`, `symmetric`.
    pub fn name(&self) -> String {
        match self {
            Criterion::Exact => "exact".into(),
            Criterion::ExactLoose => "exact_loose".into(),
            Criterion::Overlap(t) => format!("overlap_{t}"),
            Criterion::Symmetric => "symmetric".into(),
        }
    }
    /// True when `pred` matches `gold` over `chars`.
    pub fn matches(&self, chars: &[char], gold: CharSpan, pred: CharSpan) -> bool {
        match *self {
            Criterion::Exact => gold.trim(chars) == pred.trim(chars),
            Criterion::ExactLoose => gold.trim_content(chars) == pred.trim_content(chars),
            Criterion::Overlap(t) => {
                // Same arithmetic as the reference scorer: an empty gold span counts as length 1.
                gold.overlap(pred) as f64 / gold.len().max(1) as f64 > t
            }
            Criterion::Symmetric => {
                let o = gold.overlap(pred) as f64;
                o / gold.len().max(1) as f64 > 0.5 && o / pred.len().max(1) as f64 > 0.5
            }
        }
    }
}

/// Greedy one-to-one matching: for each gold span in order, the index of the first unused prediction
/// that matches it under `crit`, or `None`.
pub fn greedy_match(chars: &[char], gold: &[CharSpan], pred: &[CharSpan], crit: Criterion) -> Vec<Option<usize>> {
    let mut used = vec![false; pred.len()];
    gold.iter()
        .map(|&g| {
            let i = (0..pred.len()).find(|&i| !used[i] && crit.matches(chars, g, pred[i]))?;
            used[i] = true;
            Some(i)
        })
        .collect()
}

/// Counts behind a precision/recall/F1 triple, with the three values.
///
/// `matched_pred` and `matched_gold` are equal for a plain one-to-one matching; they differ in
/// per-type scores, where precision counts matched predictions *labelled* with the type and recall
/// counts matched gold items *of* the type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Predictions that matched a gold item.
    pub matched_pred: usize,
    /// All predictions.
    pub pred: usize,
    /// Gold items that matched a prediction.
    pub matched_gold: usize,
    /// All gold items.
    pub gold: usize,
    /// `matched_pred / pred` (0 when there are no predictions).
    pub precision: f64,
    /// `matched_gold / gold` (0 when there is no gold).
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

impl Prf {
    /// Builds the triple from counts.
    pub fn new(matched_pred: usize, pred: usize, matched_gold: usize, gold: usize) -> Self {
        let mut p = Prf { matched_pred, pred, matched_gold, gold, ..Default::default() };
        p.finish();
        p
    }
    /// Adds another document's counts (micro-averaging) and recomputes the values.
    pub fn add(&mut self, o: &Prf) {
        self.matched_pred += o.matched_pred;
        self.pred += o.pred;
        self.matched_gold += o.matched_gold;
        self.gold += o.gold;
        self.finish();
    }
    fn finish(&mut self) {
        self.precision = ratio(self.matched_pred, self.pred);
        self.recall = ratio(self.matched_gold, self.gold);
        let (p, r) = (self.precision, self.recall);
        self.f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    }
}

/// `k / n`, or 0 when `n` is 0.
pub fn ratio(k: usize, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        k as f64 / n as f64
    }
}

/// An accuracy: `correct` out of `total`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Items judged right.
    pub correct: usize,
    /// Items judged.
    pub total: usize,
    /// `correct / total` (0 when nothing was judged).
    pub accuracy: f64,
}

impl Accuracy {
    /// Counts one judgement.
    pub fn push(&mut self, right: bool) {
        self.total += 1;
        self.correct += right as usize;
        self.accuracy = ratio(self.correct, self.total);
    }
    /// Adds another tally.
    pub fn add(&mut self, o: &Accuracy) {
        self.correct += o.correct;
        self.total += o.total;
        self.accuracy = ratio(self.correct, self.total);
    }
}

/// Direct, indirect or mixed, as a string label (`direct`, `indirect`, `mixed`; anything else the
/// pipeline writes is kept as given).
pub type TypeLabel = String;

/// Derives a quote type from quotation marks in `content` (the brat gold has no type): `direct` when
/// every letter or digit is inside double quotation marks, `mixed` when some are, `indirect` when none
/// are (or there are no letters or digits).
///
/// Double marks only (`"` `“` `”` `„` `«` `»`, and `''` — two apostrophes, which the New York Times
/// texts of PolNeAR use as opening and closing marks — read like `"`); single marks are left out because `’` is also the
/// apostrophe. `“`/`„`/`«` open, `”`/`»` close, a straight `"` opens when no straight quote is open and
/// closes otherwise; an unclosed quote runs to the end of the content (multi-paragraph quotes leave
/// the closing mark out). Fragments of a discontinuous span are passed joined.
pub fn quote_type_from_marks(content: &str) -> &'static str {
    let (mut inside, mut outside) = (0usize, 0usize);
    let mut stack: Vec<char> = Vec::new();
    let mut chars = content.chars().peekable();
    while let Some(mut c) = chars.next() {
        if c == '\'' && chars.peek() == Some(&'\'') {
            chars.next();
            c = '"';
        }
        match c {
            '“' | '„' | '«' => stack.push('“'),
            '”' | '»' => {
                if let Some(p) = stack.iter().rposition(|&x| x == '“') {
                    stack.truncate(p);
                }
            }
            '"' => {
                if let Some(p) = stack.iter().rposition(|&x| x == '"') {
                    stack.truncate(p);
                } else {
                    stack.push('"');
                }
            }
            c if c.is_alphanumeric() => {
                if stack.is_empty() {
                    outside += 1
                } else {
                    inside += 1
                }
            }
            _ => {}
        }
    }
    match (inside, outside) {
        (0, _) => "indirect",
        (_, 0) => "direct",
        _ => "mixed",
    }
}

/// One quote (gold or predicted) reduced to what scoring needs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Quote {
    /// An id for error listings (`q3`, `E12`).
    pub id: String,
    /// What was said. For a discontinuous brat span, the smallest span covering every fragment.
    pub content: CharSpan,
    /// The cue, if any.
    pub cue: Option<CharSpan>,
    /// The speaker mention (brat `Source`), if any.
    pub speaker: Option<CharSpan>,
    /// `direct`, `indirect`, `mixed` (gold: given or derived; prediction: as labelled).
    pub qtype: Option<TypeLabel>,
    /// Resolved speaker name (gold: canonical name; prediction: entity name or `source.name`).
    pub speaker_name: Option<String>,
    /// Gold speaker kind (`person`, `organization`, `group`, `anonymous person`), if given.
    pub speaker_kind: Option<String>,
}

/// Scores for one role (content, cue or speaker) under each criterion.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RoleScores {
    /// Exact after whitespace trimming.
    pub exact: Prf,
    /// Exact after [`CharSpan::trim_content`] (content only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exact_loose: Option<Prf>,
    /// Overlap `> 0.3` of the gold span.
    pub overlap_03: Prf,
    /// Overlap `> 0.8` of the gold span.
    pub overlap_08: Prf,
    /// Both overlaps `> 0.5`.
    pub symmetric: Prf,
}

impl RoleScores {
    fn add(&mut self, o: &RoleScores) {
        self.exact.add(&o.exact);
        if let Some(l) = &o.exact_loose {
            self.exact_loose.get_or_insert_with(Prf::default).add(l);
        }
        self.overlap_03.add(&o.overlap_03);
        self.overlap_08.add(&o.overlap_08);
        self.symmetric.add(&o.symmetric);
    }
}

/// Content scores restricted to one quote type (see [`Prf`] for how precision and recall count).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TypeScores {
    /// Exact after whitespace trimming.
    pub exact: Prf,
    /// Exact after loose content trimming.
    pub exact_loose: Prf,
    /// Overlap `> 0.3`.
    pub overlap_03: Prf,
    /// Overlap `> 0.8`.
    pub overlap_08: Prf,
}

/// All attribution scores of a set of documents (micro-averaged: counts are summed over documents).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AttributionScores {
    /// Documents scored.
    pub documents: usize,
    /// Content spans.
    pub content: RoleScores,
    /// Cue spans, matched on their own (gold cues against predicted cues).
    pub cue: RoleScores,
    /// Speaker spans, matched on their own (gold sources against predicted speaker mentions).
    pub speaker: RoleScores,
    /// Content scores per quote type (`direct`, `indirect`, `mixed`).
    pub by_type: BTreeMap<String, TypeScores>,
    /// On content pairs matched at overlap > 0.3: predicted type equals gold type.
    pub type_accuracy: Accuracy,
    /// On content pairs matched at overlap > 0.3: `gold type -> predicted type -> count`.
    pub type_confusion: BTreeMap<String, BTreeMap<String, usize>>,
    /// On content pairs matched at overlap > 0.3 where gold or prediction has a speaker span: the two
    /// spans overlap (pairs where both are absent are left out, as in the reference scorer).
    pub speaker_mention: Accuracy,
    /// Matched pairs (at overlap > 0.3) where neither gold nor prediction has a speaker span — left out
    /// of `speaker_mention`; count them as right to get the "or both absent" reading.
    pub speaker_both_absent: usize,
    /// On content pairs matched at overlap > 0.3 where the gold has a resolved speaker name: the
    /// predicted resolved name agrees (see [`names_agree`]).
    pub speaker_resolution: Accuracy,
}

impl AttributionScores {
    /// Adds another set of scores (micro-averaging).
    pub fn add(&mut self, o: &AttributionScores) {
        self.documents += o.documents;
        self.content.add(&o.content);
        self.cue.add(&o.cue);
        self.speaker.add(&o.speaker);
        for (k, v) in &o.by_type {
            let t = self.by_type.entry(k.clone()).or_default();
            t.exact.add(&v.exact);
            t.exact_loose.add(&v.exact_loose);
            t.overlap_03.add(&v.overlap_03);
            t.overlap_08.add(&v.overlap_08);
        }
        self.type_accuracy.add(&o.type_accuracy);
        for (g, m) in &o.type_confusion {
            for (p, n) in m {
                *self.type_confusion.entry(g.clone()).or_default().entry(p.clone()).or_default() += n;
            }
        }
        self.speaker_mention.add(&o.speaker_mention);
        self.speaker_both_absent += o.speaker_both_absent;
        self.speaker_resolution.add(&o.speaker_resolution);
    }
}

/// Normalises a name as the reference scorer does: NFKC is approximated by lower-casing, quotation
/// marks, apostrophes, periods and commas are removed, and whitespace runs become one space.
pub fn norm_name(s: &str) -> String {
    let lowered: String = s
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' | '"' | '\'' | '.' | ','))
        .collect();
    lowered.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words left out when comparing non-person source descriptions.
const STOP: &[&str] = &["a", "an", "the", "of", "office"];

/// True when a predicted resolved speaker name agrees with the gold one, as in the reference scorer:
/// for `person` (or unknown kind) the normalised names are equal; for organisations, groups and
/// anonymous sources the names are equal or every content word of the gold description (less
/// `a an the of office`) occurs in the predicted name.
pub fn names_agree(pred: Option<&str>, gold: &str, gold_kind: Option<&str>) -> bool {
    let Some(pred) = pred else { return false };
    let (p, g) = (norm_name(pred), norm_name(gold));
    if p == g {
        return true;
    }
    match gold_kind {
        None | Some("person") => false,
        Some(_) => g.split(' ').filter(|w| !STOP.contains(w)).all(|w| p.contains(w)),
    }
}

fn role_scores(chars: &[char], gold: &[CharSpan], pred: &[CharSpan], content: bool) -> RoleScores {
    let prf = |crit| {
        let m = greedy_match(chars, gold, pred, crit);
        let k = m.iter().flatten().count();
        Prf::new(k, pred.len(), k, gold.len())
    };
    RoleScores {
        exact: prf(Criterion::Exact),
        exact_loose: content.then(|| prf(Criterion::ExactLoose)),
        overlap_03: prf(Criterion::Overlap(0.3)),
        overlap_08: prf(Criterion::Overlap(0.8)),
        symmetric: prf(Criterion::Symmetric),
    }
}

/// Scores one document's predicted quotes against its gold quotes. `chars` is the document text.
pub fn score_document(chars: &[char], gold: &[Quote], pred: &[Quote]) -> AttributionScores {
    let gc: Vec<CharSpan> = gold.iter().map(|q| q.content).collect();
    let pc: Vec<CharSpan> = pred.iter().map(|q| q.content).collect();
    let mut s = AttributionScores { documents: 1, ..Default::default() };
    s.content = role_scores(chars, &gc, &pc, true);
    let cues = |qs: &[Quote]| qs.iter().filter_map(|q| q.cue).collect::<Vec<_>>();
    let spk = |qs: &[Quote]| qs.iter().filter_map(|q| q.speaker).collect::<Vec<_>>();
    s.cue = role_scores(chars, &cues(gold), &cues(pred), false);
    s.speaker = role_scores(chars, &spk(gold), &spk(pred), false);

    let label = |q: &Quote| q.qtype.clone().unwrap_or_else(|| "unknown".into());
    let mut types: Vec<String> = gold.iter().chain(pred).map(label).collect();
    types.sort();
    types.dedup();
    let crits = [Criterion::Exact, Criterion::ExactLoose, Criterion::Overlap(0.3), Criterion::Overlap(0.8)];
    let matchings: Vec<Vec<Option<usize>>> = crits.iter().map(|&c| greedy_match(chars, &gc, &pc, c)).collect();
    for t in &types {
        let per: Vec<Prf> = matchings
            .iter()
            .map(|m| {
                let g_n = gold.iter().filter(|q| &label(q) == t).count();
                let p_n = pred.iter().filter(|q| &label(q) == t).count();
                let g_k = gold.iter().zip(m).filter(|(q, x)| &label(q) == t && x.is_some()).count();
                let p_k = m.iter().flatten().filter(|&&i| &label(&pred[i]) == t).count();
                Prf::new(p_k, p_n, g_k, g_n)
            })
            .collect();
        s.by_type.insert(
            t.clone(),
            TypeScores { exact: per[0], exact_loose: per[1], overlap_03: per[2], overlap_08: per[3] },
        );
    }
    for (g, m) in gold.iter().zip(&matchings[2]) {
        let Some(i) = *m else { continue };
        let p = &pred[i];
        let (gt, pt) = (label(g), label(p));
        s.type_accuracy.push(gt == pt);
        *s.type_confusion.entry(gt).or_default().entry(pt).or_default() += 1;
        match (g.speaker, p.speaker) {
            (None, None) => s.speaker_both_absent += 1,
            (Some(a), Some(b)) => s.speaker_mention.push(a.overlap(b) > 0),
            _ => s.speaker_mention.push(false),
        }
        if let Some(name) = &g.speaker_name {
            s.speaker_resolution.push(names_agree(p.speaker_name.as_deref(), name, g.speaker_kind.as_deref()));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }
    fn sp(a: usize, b: usize) -> CharSpan {
        CharSpan::new(a, b)
    }

    #[test]
    fn overlap_thresholds_are_strict_and_relative_to_gold() {
        let c = chars(&"x".repeat(100));
        let g = sp(0, 10);
        // 3 of 10 gold characters: not > 0.3.
        assert!(!Criterion::Overlap(0.3).matches(&c, g, sp(7, 50)));
        assert!(Criterion::Overlap(0.3).matches(&c, g, sp(6, 50)));
        // 9 of 10: > 0.8 even though the prediction is long.
        assert!(Criterion::Overlap(0.8).matches(&c, g, sp(1, 90)));
        assert!(!Criterion::Overlap(0.8).matches(&c, g, sp(2, 90)));
        // Symmetric needs half of the prediction as well.
        assert!(!Criterion::Symmetric.matches(&c, g, sp(1, 90)));
        assert!(Criterion::Symmetric.matches(&c, g, sp(1, 12)));
    }

    #[test]
    fn greedy_is_one_to_one_in_gold_order() {
        let c = chars(&"x".repeat(100));
        // Both gold spans would match prediction 0; the first gold takes it, the second takes 1.
        let gold = [sp(0, 10), sp(0, 10), sp(50, 60)];
        let pred = [sp(0, 10), sp(2, 10)];
        let m = greedy_match(&c, &gold, &pred, Criterion::Overlap(0.3));
        assert_eq!(m, vec![Some(0), Some(1), None]);
        // First fit, not best fit: gold 0 takes the first matching prediction.
        let m = greedy_match(&c, &[sp(0, 10)], &[sp(0, 4), sp(0, 10)], Criterion::Overlap(0.3));
        assert_eq!(m, vec![Some(0)]);
    }

    #[test]
    fn exact_after_trimming() {
        let text = "He said that “we will win.” Then";
        let c = chars(text);
        let gold = sp(8, 27); // that “we will win.”
        assert!(Criterion::Exact.matches(&c, gold, sp(7, 28))); // extra spaces only
        assert!(!Criterion::Exact.matches(&c, gold, sp(13, 27)));
        // Loose: no "that", no quotes, no final period.
        assert!(Criterion::ExactLoose.matches(&c, gold, sp(14, 25)));
        assert!(Criterion::ExactLoose.matches(&c, gold, sp(13, 27)));
        assert_eq!(gold.trim_content(&c).text(&c), "we will win");
        assert!(!Criterion::ExactLoose.matches(&c, gold, sp(14, 21)));
    }

    #[test]
    fn types_from_quote_marks() {
        assert_eq!(quote_type_from_marks("“We will win,”"), "direct");
        assert_eq!(quote_type_from_marks("\"Yes.\" \"No.\""), "direct");
        assert_eq!(quote_type_from_marks("there are “American lives at stake”"), "mixed");
        assert_eq!(quote_type_from_marks("Israel has been consulted"), "indirect");
        assert_eq!(quote_type_from_marks("“An unclosed quote runs on"), "direct");
        assert_eq!(quote_type_from_marks("it’s ‘in their heads’"), "indirect");
        assert_eq!(quote_type_from_marks("''I don't know,'' he"), "mixed");
        assert_eq!(quote_type_from_marks("''I don't know.''"), "direct");
        assert_eq!(quote_type_from_marks("it's Ann's"), "indirect");
        assert_eq!(quote_type_from_marks("\"outer “inner” outer\" after"), "mixed");
    }

    #[test]
    fn names_agree_like_the_reference() {
        assert!(names_agree(Some("Karoline  Leavitt."), "Karoline Leavitt", Some("person")));
        assert!(!names_agree(Some("Leavitt"), "Karoline Leavitt", Some("person")));
        assert!(names_agree(Some("Binyamin Netanyahu's office"), "Office of Binyamin Netanyahu", Some("organization")));
        assert!(!names_agree(None, "Israeli officials", Some("group")));
    }

    #[test]
    fn document_scores_per_role_and_type() {
        let text = "Ann said “Go now.” Bob said rain is coming. Cy noted that all is fine.";
        let c = chars(text);
        let q = |content, cue, spk, t: &str| Quote {
            content,
            cue: Some(cue),
            speaker: Some(spk),
            qtype: Some(t.into()),
            ..Default::default()
        };
        let gold = vec![
            q(sp(9, 18), sp(4, 8), sp(0, 3), "direct"),
            q(sp(28, 43), sp(23, 27), sp(19, 22), "indirect"),
            q(sp(53, 70), sp(47, 52), sp(44, 46), "indirect"),
        ];
        let pred = vec![
            q(sp(9, 18), sp(4, 8), sp(0, 3), "direct"),
            q(sp(28, 42), sp(23, 27), sp(0, 3), "mixed"),
            q(sp(0, 3), sp(4, 8), sp(19, 22), "indirect"),
        ];
        let s = score_document(&c, &gold, &pred);
        assert_eq!((s.content.overlap_08.matched_gold, s.content.exact.matched_gold), (2, 1));
        assert_eq!(s.content.exact_loose.unwrap().matched_gold, 2);
        assert_eq!(s.speaker_mention, Accuracy { correct: 1, total: 2, accuracy: 0.5 });
        assert_eq!(s.type_accuracy.correct, 1);
        let ind = &s.by_type["indirect"].overlap_03;
        assert_eq!((ind.matched_gold, ind.gold, ind.matched_pred, ind.pred), (1, 2, 0, 1));
        assert_eq!(s.cue.exact.matched_gold, 2);
    }
}
