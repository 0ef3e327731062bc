//! Scoring the models on gold CoNLL-U: documents rebuilt from gold words, tagging/parsing accuracy on
//! those exact words, and named-entity precision/recall/F1 against GUM-derived names.

use crate::conllu::{self, Sentence};
use crate::Models;
use accord_doc::{Doc, EntityType, MentionKind, Meta, Span, Token, TokenKind};
use std::collections::BTreeMap;
use std::ops::Range;

/// Builds a [`Doc`] whose tokens are exactly the gold words of `sents` (text rebuilt from word forms and
/// `SpaceAfter`, one space between sentences).
pub fn doc_from_sentences(sents: &[Sentence], id: &str) -> Doc {
    let mut doc = Doc::new(String::new(), Meta { id: id.to_string(), ..Default::default() });
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    let mut para = 0usize;
    let mut paragraphs = Vec::new();
    let mut pstart = 0usize;
    for (si, s) in sents.iter().enumerate() {
        if si > 0 {
            if s.newpar {
                paragraphs.push(Span::new(pstart, text.len()));
                para += 1;
            }
            text.push_str(if s.newpar { "\n\n" } else { " " });
            if s.newpar {
                pstart = text.len();
            }
        }
        let first = tokens.len();
        let sstart = text.len();
        for (wi, w) in s.words.iter().enumerate() {
            let start = text.len();
            text.push_str(&w.form);
            let kind = match w.upos.as_str() {
                "NUM" => TokenKind::Number,
                "PUNCT" | "SYM" => TokenKind::Punct,
                _ => TokenKind::Word,
            };
            let space = w.space_after && wi + 1 < s.words.len();
            tokens.push(Token {
                span: Span::new(start, text.len()),
                kind,
                norm: None,
                space_after: space,
                sentence: si,
                analysis: None,
            });
            if space {
                text.push(' ');
            }
        }
        sentences.push(accord_doc::Sentence {
            span: Span::new(sstart, text.len()),
            tokens: first..tokens.len(),
            paragraph: para,
        });
    }
    paragraphs.push(Span::new(pstart, text.len()));
    doc.text = text;
    doc.paragraphs = paragraphs;
    doc.tokens = tokens;
    doc.sentences = sentences;
    doc
}

/// Groups sentences into documents by `# newdoc` (all in one when there are none).
pub fn documents(sents: &[Sentence]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..sents.len() {
        if sents[i].newdoc {
            out.push(start..i);
            start = i;
        }
    }
    if start < sents.len() {
        out.push(start..sents.len());
    }
    out
}

/// Precision/recall counts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

impl Prf {
    /// Precision.
    pub fn p(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    /// Recall.
    pub fn r(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Adds counts.
    pub fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Scores of the models against one treebank file.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Words scored.
    pub words: usize,
    /// Correct UPOS.
    pub upos: usize,
    /// Correct XPOS.
    pub xpos: usize,
    /// Correct lemma.
    pub lemma: usize,
    /// Correct head.
    pub uas: usize,
    /// Correct head and universal relation.
    pub las: usize,
    /// Entity counts per label (`PER`, `ORG`, `GPE`), only when the file has GUM entity annotations.
    pub entities: BTreeMap<&'static str, Prf>,
    /// Seconds spent annotating.
    pub seconds: f64,
}

impl Scores {
    /// Percentage helper.
    pub fn pct(&self, x: usize) -> f64 {
        100.0 * x as f64 / self.words.max(1) as f64
    }
    /// Micro-averaged entity counts over PER, ORG, GPE.
    pub fn entity_micro(&self) -> Prf {
        let mut m = Prf::default();
        for v in self.entities.values() {
            m.add(*v);
        }
        m
    }
    /// One-line summary.
    pub fn summary(&self) -> String {
        let mut s = format!(
            "words {} UPOS {:.2} XPOS {:.2} lemma {:.2} UAS {:.2} LAS {:.2}",
            self.words,
            self.pct(self.upos),
            self.pct(self.xpos),
            self.pct(self.lemma),
            self.pct(self.uas),
            self.pct(self.las)
        );
        if !self.entities.is_empty() {
            for (k, v) in &self.entities {
                s.push_str(&format!(" | {k} P {:.3} R {:.3} F1 {:.3}", v.p(), v.r(), v.f1()));
            }
            let m = self.entity_micro();
            s.push_str(&format!(" | micro F1 {:.3}", m.f1()));
        }
        s
    }
}

fn label_of(e: EntityType) -> &'static str {
    match e {
        EntityType::Person => "PER",
        EntityType::Org => "ORG",
        EntityType::Gpe | EntityType::Loc => "GPE",
        _ => "MISC",
    }
}

/// Named spans `(sentence, start, end, label)` of a document, from its annotated mentions.
pub fn predicted_names(doc: &Doc) -> Vec<(usize, usize, usize, &'static str)> {
    let mut out = Vec::new();
    for m in &doc.mentions {
        if m.kind != MentionKind::Name {
            continue;
        }
        let Some(e) = m.etype else { continue };
        let a = doc.token_at_or_after(m.span.start);
        let b = doc.token_at_or_after(m.span.end);
        let s = &doc.sentences[m.sentence];
        out.push((m.sentence, a - s.tokens.start, b - s.tokens.start, label_of(e)));
    }
    out
}

/// Gold named spans of sentences (GUM `Entity=` annotations), `(sentence, start, end, label)`.
pub fn gold_names(sents: &[Sentence]) -> Vec<(usize, usize, usize, &'static str)> {
    let ments = conllu::gum_mentions(sents);
    let mut out = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        let here: Vec<&conllu::GumMention> = ments.iter().filter(|m| m.sentence == si).collect();
        for (a, b, l) in conllu::named_spans(s, &here) {
            out.push((si, a, b, l));
        }
    }
    out
}

/// A name span `(sentence, start, end, label)` as [`predicted_names`] and [`gold_names`] give them.
pub type NameSpan = (usize, usize, usize, &'static str);

/// One PER/ORG/GPE name the recogniser got wrong in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct NameError {
    /// `FP` (predicted, no gold name with the same span and label) or `FN` (gold, not predicted so).
    pub side: &'static str,
    /// `type` (a name of the other side has the same span and another label, MISC included), `bound`
    /// (it overlaps a name of the other side), `spur` (a false positive overlapping none) or `miss` (a
    /// false negative overlapping none).
    pub kind: &'static str,
    /// The wrong name.
    pub name: NameSpan,
    /// The names of the other side it overlaps.
    pub overlapping: Vec<NameSpan>,
}

/// The PER/ORG/GPE errors among `pred` against `gold` (one document's): false negatives in gold order,
/// then false positives in prediction order, each classified by its overlap with the other side.
pub fn name_errors(gold: &[NameSpan], pred: &[NameSpan]) -> Vec<NameError> {
    let main3 = |l: &str| matches!(l, "PER" | "ORG" | "GPE");
    let overlaps = |x: &NameSpan, ys: &[NameSpan]| -> Vec<NameSpan> {
        ys.iter().filter(|y| y.0 == x.0 && y.1 < x.2 && x.1 < y.2).copied().collect()
    };
    let mut out = Vec::new();
    for (side, mine, other, none) in [("FN", gold, pred, "miss"), ("FP", pred, gold, "spur")] {
        for x in mine.iter().filter(|x| main3(x.3) && !other.contains(x)) {
            let ov = overlaps(x, other);
            let kind = if ov.iter().any(|y| y.1 == x.1 && y.2 == x.2) {
                "type"
            } else if !ov.is_empty() {
                "bound"
            } else {
                none
            };
            out.push(NameError { side, kind, name: *x, overlapping: ov });
        }
    }
    out
}

/// The words of name `x` of `sents`, space-separated.
pub fn name_text(sents: &[Sentence], x: &NameSpan) -> String {
    sents[x.0].words[x.1..x.2].iter().map(|w| w.form.as_str()).collect::<Vec<_>>().join(" ")
}

/// Name `x` of `sents` with up to three words either side, each as `form/UPOS`.
pub fn name_context(sents: &[Sentence], x: &NameSpan) -> String {
    let w = &sents[x.0].words;
    let (a, b) = (x.1.saturating_sub(3), (x.2 + 3).min(w.len()));
    w[a..b].iter().map(|w| format!("{}/{}", w.form, w.upos)).collect::<Vec<_>>().join(" ")
}

/// Annotates each document of `sents` and scores tags, lemmas, dependencies and names.
/// `each` receives every annotated document with its gold sentences (for writing CoNLL-U).
pub fn score(models: &Models, sents: &[Sentence], mut each: impl FnMut(&Doc, &[Sentence])) -> Scores {
    let mut sc = Scores::default();
    let has_entities = sents.iter().any(|s| s.words.iter().any(|w| w.misc.contains("Entity=")));
    if has_entities {
        for l in ["PER", "ORG", "GPE"] {
            sc.entities.insert(l, Prf::default());
        }
    }
    for r in documents(sents) {
        let ds = &sents[r];
        let mut doc = doc_from_sentences(ds, ds[0].doc_id.as_deref().unwrap_or("doc"));
        let t = std::time::Instant::now();
        models.annotate(&mut doc);
        sc.seconds += t.elapsed().as_secs_f64();
        let mut k = 0;
        for s in ds {
            let base = k;
            for w in &s.words {
                let Some(a) = &doc.tokens[k].analysis else {
                    k += 1;
                    sc.words += 1;
                    continue;
                };
                sc.words += 1;
                sc.upos += (a.upos() == w.upos) as usize;
                sc.xpos += (a.xpos() == w.xpos) as usize;
                sc.lemma += (a.lemma == w.lemma) as usize;
                let ph = a.head().map(|h| h - base + 1).unwrap_or(0);
                if ph == w.head {
                    sc.uas += 1;
                    if a.deprel().split(':').next() == w.deprel.split(':').next() {
                        sc.las += 1;
                    }
                }
                k += 1;
            }
        }
        if has_entities {
            let gold = gold_names(ds);
            let pred = predicted_names(&doc);
            for l in ["PER", "ORG", "GPE"] {
                let g: Vec<_> = gold.iter().filter(|x| x.3 == l).collect();
                let p: Vec<_> = pred.iter().filter(|x| x.3 == l).collect();
                let tp = p.iter().filter(|x| g.contains(x)).count();
                sc.entities.get_mut(l).unwrap().add(Prf { tp, fp: p.len() - tp, fn_: g.len() - tp });
            }
        }
        each(&doc, ds);
    }
    sc
}

/// Writes token `t`'s predicted UPOS, XPOS, lemma, head and relation into `w`; `base` is the token index
/// of the sentence's first word (CoNLL-U heads count from 1 within the sentence, 0 for the root).
pub fn set_predicted(w: &mut conllu::Word, t: &Token, base: usize) {
    if let Some(a) = &t.analysis {
        w.upos = a.upos().to_string();
        w.xpos = a.xpos().to_string();
        w.lemma = a.lemma.to_string();
        w.head = a.head().map(|h| h - base + 1).unwrap_or(0);
        w.deprel = a.deprel().to_string();
    }
}

/// CoNLL-U for annotated gold sentences: gold words with predicted UPOS, XPOS, lemma, head and relation.
pub fn write_predicted(doc: &Doc, sents: &[Sentence], out: &mut String) {
    let mut k = 0;
    for s in sents {
        let base = k;
        let mut p = s.clone();
        for w in p.words.iter_mut() {
            set_predicted(w, &doc.tokens[k], base);
            w.feats = "_".into();
            k += 1;
        }
        conllu::write_sentence(&p, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_errors_are_classified_by_their_overlap() {
        let gold: Vec<NameSpan> = vec![(0, 0, 2, "PER"), (0, 4, 6, "ORG"), (0, 8, 9, "GPE"), (1, 0, 1, "MISC")];
        let pred: Vec<NameSpan> = vec![(0, 0, 2, "PER"), (0, 4, 6, "GPE"), (0, 10, 11, "PER"), (1, 0, 2, "ORG")];
        let got: Vec<(&str, &str, NameSpan, usize)> =
            name_errors(&gold, &pred).iter().map(|e| (e.side, e.kind, e.name, e.overlapping.len())).collect();
        assert_eq!(
            got,
            [
                ("FN", "type", (0, 4, 6, "ORG"), 1),
                ("FN", "miss", (0, 8, 9, "GPE"), 0),
                ("FP", "type", (0, 4, 6, "GPE"), 1),
                ("FP", "spur", (0, 10, 11, "PER"), 0),
                ("FP", "bound", (1, 0, 2, "ORG"), 1),
            ],
            "the right PER is no error, the gold MISC is not scored, the ORG over it is a boundary error"
        );
    }
}
