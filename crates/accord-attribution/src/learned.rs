//! Learned attributions: a logistic-regression scorer, trained on PolNeAR train, that decides which
//! remaining verbs of a parsed sentence attribute their complement to their subject.
//!
//! PolNeAR-style corpora mark far more than speech: stances ("Scholars have long debated the salience of
//! ..."), acts ("Cruz thanked Trump for ..."), findings ("Recent polls have similarly shown ..."). Half of
//! the cue words are seen only once, so no word list covers them. After the rules have run, every verb
//! that has an object or clause after it, every noun with an about/of/on/for phrase or a that-clause
//! ("questions about ...", "the claim that ...") and every adjective with a complement ("critical of
//! ...") that no attribution already covers becomes a [`Candidate`] (verbs of `data/non_cues.txt`
//! never do): its complement subtree is the content, its subject (or the subject it shares with the
//! verb it depends on, or a noun's possessor) the speaker. [`select`] keeps the probable ones. The [`Scorer`] weighs lexical and syntactic features of the
//! candidate (lemma, form, tag, relation, complement relations, first word of the content, subject's
//! tag, content length, complementiser) and keeps those whose probability clears the threshold chosen
//! on the training data.
//!
//! The weights are `models/attribution.tsv`, written by `accord train --only attribution`
//! (accord-eval's `learn` module) from the rule output on `../shared/data/polnear/data/train`; see
//! `models/attribution.md`.

use crate::words::words;
use accord_doc::{Doc, Span, TokenKind};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// Dependency relations of a verb's complement (the content of a candidate).
const COMPLEMENTS: &[&str] = &["obj", "ccomp", "xcomp", "iobj", "obl"];

/// A verb that may attribute its complement to its subject.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Sentence index.
    pub sentence: usize,
    /// The verb token.
    pub verb: usize,
    /// The verb with its auxiliaries, negation and adverbs before it, and a particle after it.
    pub cue: Span,
    /// The subject's subtree, if the verb has a subject.
    pub speaker: Option<Span>,
    /// The complement subtrees after the verb.
    pub content: Span,
    /// Feature hashes for the [`Scorer`] ([`feature_hash`] of each feature string).
    pub features: Vec<u64>,
    /// The feature strings themselves, when asked for (training writes them to the weights file).
    pub names: Vec<String>,
}

/// FNV-1a hash of a feature string: the key of its weight.
pub fn feature_hash(name: &str) -> u64 {
    accord_doc::hash::fnv1a(name.as_bytes())
}

/// Collects one candidate's features without allocating a string per feature (unless names are kept).
struct Sink {
    buf: String,
    hashes: Vec<u64>,
    names: Option<Vec<String>>,
}

impl Sink {
    fn add(&mut self, args: std::fmt::Arguments) {
        use std::fmt::Write;
        self.buf.clear();
        let _ = self.buf.write_fmt(args);
        self.push();
    }
    /// Adds the feature made of `parts` (written with `push_str`, not through `format_args!`).
    fn parts(&mut self, parts: &[&str]) {
        self.buf.clear();
        for p in parts {
            self.buf.push_str(p);
        }
        self.push();
    }
    fn push(&mut self) {
        self.hashes.push(feature_hash(&self.buf));
        if let Some(n) = &mut self.names {
            n.push(self.buf.clone());
        }
    }
}

/// Candidates of a whole document around the attributions found so far (credit blocks left out).
pub fn document_candidates(doc: &Doc, found: &[accord_doc::Attribution], names: bool) -> Vec<Candidate> {
    let taken: Vec<Span> = found.iter().flat_map(|a| [Some(a.content), a.cue].into_iter().flatten()).collect();
    // each sentence is given the taken spans that reach into it (its verbs and contents lie inside it, so
    // no other span can matter), not all of them
    let near = spans_by_sentence(doc, taken);
    let mut out = Vec::new();
    for (si, near) in near.iter().enumerate() {
        if doc.credits.iter().any(|c| c.kind != "dateline" && c.span.overlap(doc.sentences[si].span) > 0) {
            continue;
        }
        // (no content that is another attribution's speaker: "The agency quoted an official as saying ...")
        out.extend(
            candidates(doc, si, near, names)
                .into_iter()
                .filter(|c| !found.iter().any(|a| a.speaker.is_some_and(|s| crate::is_speaker_phrase(s, c.content)))),
        );
    }
    out
}

/// Per sentence of `doc`, the `spans` that share a byte with it (in their order).
pub(crate) fn spans_by_sentence(doc: &Doc, spans: impl IntoIterator<Item = Span>) -> Vec<Vec<Span>> {
    let mut near: Vec<Vec<Span>> = vec![Vec::new(); doc.sentences.len()];
    for t in spans {
        let mut k = doc.sentences.partition_point(|s| s.span.end <= t.start);
        while k < doc.sentences.len() && doc.sentences[k].span.overlap(t) > 0 {
            near[k].push(t);
            k += 1;
        }
    }
    near
}

/// Candidates in sentence `si`; verbs inside a `taken` span and contents mostly covered by one are
/// left out. With `names`, each candidate also carries its feature strings.
pub fn candidates(doc: &Doc, si: usize, taken: &[Span], names: bool) -> Vec<Candidate> {
    let s = &doc.sentences[si];
    let range = s.tokens.clone();
    let mut out = Vec::new();
    let Some(tree) = crate::tree::SentenceTree::new(doc, si) else { return out };
    let subtree = |root: usize| tree.subtree(root);
    let an = |k: usize| doc.tokens[k].analysis.as_ref().unwrap();
    for v in range.clone() {
        let a = an(v);
        // verbs that never attribute (copulas, possession, "declined to": data/non_cues.txt)
        if !matches!(a.upos(), "VERB" | "NOUN" | "ADJ")
            || crate::acts::non_cues().contains(accord_text::lowercase(&a.lemma).as_ref())
            || crate::acts::non_cues().contains(accord_text::lowercase(doc.token_text(v)).as_ref())
        {
            continue;
        }
        let vs = doc.tokens[v].span;
        if taken.iter().any(|t| t.start <= vs.start && vs.start < t.end) {
            continue;
        }
        let kids = &tree.children(v);
        // a verb's objects and clauses; a noun's "about/of/on/for ..." phrase or clause ("questions about
        // ...", "the claim that ..."); an adjective's ("critical of ...", "confident that ...")
        let is_complement = |c: usize| {
            let d = an(c).deprel();
            match a.upos() {
                "VERB" => COMPLEMENTS.contains(&d),
                "NOUN" => {
                    (d == "nmod"
                        && tree.children(c).iter().any(|&k| {
                            an(k).deprel() == "case"
                                && words().noun_cases.contains(&accord_text::lowercase(doc.token_text(k)).as_ref())
                        }))
                        || ((d == "acl" || d == "ccomp")
                            && tree
                                .children(c)
                                .iter()
                                .any(|&k| an(k).deprel() == "mark" && doc.token_text(k).eq_ignore_ascii_case("that")))
                }
                _ => matches!(d, "obl" | "ccomp" | "xcomp"),
            }
        };
        let mut comps: Vec<usize> = kids.iter().copied().filter(|&c| c > v && is_complement(c)).collect();
        // "have shown the shots are safe": the parse made the clause's subject the verb's object and its
        // predicate a conjunct with no coordinator; the object and that predicate are one clause
        if a.upos() == "VERB" {
            if let Some(&o) = comps.iter().find(|&&c| an(c).deprel() == "obj") {
                let after_obj = subtree(o).1 + 1;
                let predicate = kids.iter().copied().find(|&c| {
                    c > o
                        && an(c).deprel() == "conj"
                        && subtree(c).0 == after_obj
                        && tree.children(c).iter().any(|&k| k < c && matches!(an(k).deprel(), "cop" | "aux"))
                        && !tree.children(c).iter().any(|&k| matches!(an(k).deprel(), "cc" | "nsubj" | "nsubj:pass"))
                });
                comps.extend(predicate);
            }
        }
        if comps.is_empty() {
            continue;
        }
        let lo = comps.iter().map(|&c| subtree(c).0).min().unwrap().max(v + 1);
        let mut hi = comps.iter().map(|&c| subtree(c).1).max().unwrap();
        if lo > hi {
            continue;
        }
        while hi > lo && an(hi).upos() == "PUNCT" {
            hi -= 1;
        }
        let content = Span::new(doc.tokens[lo].span.start, doc.tokens[hi].span.end);
        if taken.iter().any(|t| t.overlap(content) * 2 > content.len()) {
            continue;
        }
        // the subject: the verb's own, or the one it shares with the verbs it depends on ("NATO agreed ...
        // to order ...", "Trump, saying ..."), up to three steps up; a participle modifying a noun ("the
        // council, dedicated to ...") has that noun for its subject
        let mut subj = None;
        let mut holder = v;
        let mut is_shared = false;
        // a noun's possessor ("Trump's claim that ...") or, for an object, its verb's subject ("Trump raised
        // questions about ...")
        if a.upos() == "NOUN" {
            if let Some(p) = kids.iter().copied().find(|&c| c < v && an(c).deprel() == "nmod:poss") {
                subj = Some((p, v));
            } else if a.deprel() == "obj" {
                holder = a.head().filter(|h| range.contains(h)).unwrap_or(v);
                is_shared = holder != v;
            }
        }
        for step in 0..4 {
            if subj.is_some() {
                break;
            }
            let own = tree.children(holder).iter().copied().find(|&c| c < holder && an(c).deprel() == "nsubj");
            if let Some(sj) = own {
                subj = Some((sj, holder));
                break;
            }
            let ha = an(holder);
            let Some(h) = ha.head().filter(|h| range.contains(h)) else { break };
            if ha.deprel() == "acl" && step < 3 && matches!(an(h).upos(), "NOUN" | "PROPN") && h < holder {
                subj = Some((h, holder));
                is_shared = true;
                break;
            }
            if !matches!(ha.deprel(), "advcl" | "xcomp" | "conj") {
                break;
            }
            holder = h;
            is_shared = true;
        }
        let subj_holder = subj.map(|s| s.1);
        let subj = subj.map(|s| s.0);

        let lemma = accord_lexicon::lowercase(&a.lemma);
        let form = accord_lexicon::lowercase(doc.token_text(v));
        let mut f = Sink { buf: String::new(), hashes: Vec::with_capacity(24), names: names.then(Vec::new) };
        f.parts(&["P=", a.upos()]);
        f.parts(&["L=", &lemma]);
        f.parts(&["F=", &form]);
        f.parts(&["X=", a.xpos()]);
        f.parts(&["D=", a.deprel()]);
        f.parts(&["LD=", &lemma, "|", a.deprel()]);
        let mut rels: Vec<&str> = comps.iter().map(|&c| an(c).deprel()).collect();
        rels.sort_unstable();
        rels.dedup();
        for r in rels {
            f.parts(&["C=", r]);
            f.parts(&["LC=", &lemma, "|", r]);
        }
        let first = an(lo);
        f.parts(&["FW=", &accord_lexicon::lowercase(doc.token_text(lo))]);
        f.parts(&["FWU=", first.upos()]);
        f.parts(&["LFW=", &lemma, "|", first.upos()]);
        match subj {
            Some(sj) => {
                let st = an(sj);
                f.parts(&["SU=", st.upos()]);
                if st.upos() == "PROPN" {
                    f.parts(&["SL=<propn>"]);
                } else {
                    f.parts(&["SL=", &accord_lexicon::lowercase(&st.lemma)]);
                }
                f.add(format_args!("SH={}", is_shared as u8));
                f.parts(&["LSU=", &lemma, "|", st.upos()]);
            }
            None => f.parts(&["NOSUBJ"]),
        }
        // floor(log2(1 + chars)) is 6 or more from 63 characters on: counting further changes nothing
        let chars = doc.slice(content).chars().take(63).count();
        f.add(format_args!("LEN={}", ((1 + chars) as f64).log2().floor().min(6.0) as u32));
        let marks = comps.iter().flat_map(|&c| tree.children(c).iter().copied()).filter(|&k| an(k).deprel() == "mark");
        for m in marks.take(2) {
            let w = accord_lexicon::lowercase(doc.token_text(m));
            f.parts(&["M=", &w]);
            f.parts(&["LM=", &lemma, "|", &w]);
        }

        // the cue: the verb with its auxiliaries, negation and adverbs just before it, a particle after
        let mut cfirst = v;
        while cfirst > range.start
            && doc.tokens[cfirst - 1].analysis.as_ref().is_some_and(|x| matches!(x.deprel(), "aux" | "advmod" | "neg"))
        {
            cfirst -= 1;
        }
        let mut clast = v;
        while clast + 1 < lo && an(clast + 1).deprel() == "compound:prt" {
            clast += 1;
        }
        let speaker = subj.map(|sj| {
            // "the group, which has ...": the relative pronoun stands for the noun the clause modifies
            let ha = an(subj_holder.unwrap_or(v));
            let sj = if matches!(doc.token_text(sj).to_lowercase().as_str(), "who" | "which" | "that")
                && ha.deprel().starts_with("acl")
            {
                ha.head().filter(|h| range.contains(h)).unwrap_or(sj)
            } else {
                sj
            };
            let (sa, mut sb, _) = crate::subject::subject_phrase(doc, &tree, sj, subj_holder.unwrap_or(v), cfirst);
            if sb >= cfirst
                || sb > sj
                    && an(sj).upos() != "PRON"
                    && (sj + 1..=sb).any(|k| an(k).head() == Some(sj) && an(k).deprel().starts_with("acl"))
            {
                sb = crate::subject::appended_name_end(doc, &tree, sa, sj, cfirst);
            }
            while sb > sa && doc.tokens[sb].kind == TokenKind::Punct {
                sb -= 1;
            }
            Span::new(doc.tokens[sa].span.start, doc.tokens[sb].span.end)
        });
        out.push(Candidate {
            sentence: si,
            verb: v,
            cue: Span::new(doc.tokens[cfirst].span.start, doc.tokens[clast].span.end),
            speaker,
            content,
            features: f.hashes,
            names: f.names.unwrap_or_default(),
        });
    }
    out
}

/// The candidates of one document to keep: those whose probability reaches `threshold`, most probable
/// first, each only when its content does not mostly overlap one kept before (a verb and the noun it
/// governs — "raised questions about ..." — compete for the same content). Returns indices into
/// `candidates`, in document order.
pub fn select(candidates: &[Candidate], probabilities: &[f32], threshold: f32) -> Vec<usize> {
    let mut order: Vec<usize> = (0..candidates.len()).filter(|&i| probabilities[i] >= threshold).collect();
    order.sort_by(|&a, &b| probabilities[b].total_cmp(&probabilities[a]).then(a.cmp(&b)));
    let mut kept: Vec<usize> = Vec::new();
    // a candidate's content lies inside its sentence: it competes only with those of the same sentence
    let mut kept_in: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
    for i in order {
        let c = candidates[i].content;
        let same = kept_in.entry(candidates[i].sentence).or_default();
        if same.iter().all(|&k| {
            let o = candidates[k].content.overlap(c);
            o * 2 <= c.len() && o * 2 <= candidates[k].content.len()
        }) {
            same.push(i);
            kept.push(i);
        }
    }
    kept.sort_unstable();
    kept
}

/// Logistic-regression weights over candidate features.
#[derive(Clone, Debug, Default)]
pub struct Scorer {
    /// Weight per feature hash.
    weights: HashMap<u64, f32, BuildHasherDefault<IdHasher>>,
    /// Feature strings by hash (to write the weights file).
    names: HashMap<u64, String, BuildHasherDefault<IdHasher>>,
    bias: f32,
    /// Lowest probability at which a candidate is kept.
    pub threshold: f32,
}

/// The keys are already hashes: use them as they are.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl Scorer {
    /// The scorer shipped in `models/attribution.tsv` (None when that file holds no weights).
    pub fn shipped() -> Option<&'static Scorer> {
        static S: OnceLock<Option<Scorer>> = OnceLock::new();
        S.get_or_init(|| {
            Scorer::parse(include_str!("../models/attribution.tsv")).ok().filter(|s| !s.weights.is_empty())
        })
        .as_ref()
    }

    /// Reads the TSV written by [`Scorer::write`]: `#` comments, `threshold<TAB>p`, `bias<TAB>w`, then
    /// `feature<TAB>weight` lines.
    pub fn parse(text: &str) -> Result<Scorer, String> {
        let mut s = Scorer::default();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (k, v) = line.rsplit_once('\t').ok_or_else(|| format!("line {}: no tab", i + 1))?;
            let v: f32 = v.parse().map_err(|e| format!("line {}: {e}", i + 1))?;
            match k {
                "threshold" => s.threshold = v,
                "bias" => s.bias = v,
                _ => {
                    let h = feature_hash(k);
                    s.weights.insert(h, v);
                    s.names.insert(h, k.to_string());
                }
            }
        }
        Ok(s)
    }

    /// Serialises the weights (features sorted, so the output is deterministic), with a comment header.
    pub fn write(&self, header: &str) -> String {
        let mut out = String::new();
        for l in header.lines() {
            out.push_str("# ");
            out.push_str(l);
            out.push('\n');
        }
        out.push_str(&format!("threshold\t{}\nbias\t{}\n", self.threshold, self.bias));
        let mut rows: Vec<(&String, f32)> =
            self.weights.iter().filter_map(|(h, &w)| Some((self.names.get(h)?, w))).collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        for (k, w) in rows {
            out.push_str(&format!("{k}\t{w}\n"));
        }
        out
    }

    /// Probability that a candidate with these feature hashes is an attribution.
    pub fn probability(&self, features: &[u64]) -> f32 {
        let z: f32 = self.bias + features.iter().filter_map(|f| self.weights.get(f)).sum::<f32>();
        1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
    }

    /// Trains by stochastic gradient descent on (feature strings, is an attribution) examples, shuffled
    /// by a seeded SplitMix64 so that the same data and seed give the same weights. Weights whose
    /// magnitude stays below `prune` are dropped.
    pub fn train(examples: &[(Vec<String>, bool)], epochs: usize, seed: u64, prune: f32) -> Scorer {
        let mut s = Scorer { threshold: 0.5, ..Default::default() };
        let hashed: Vec<Vec<u64>> = examples
            .iter()
            .map(|(f, _)| {
                f.iter()
                    .map(|n| {
                        let h = feature_hash(n);
                        s.names.entry(h).or_insert_with(|| n.clone());
                        h
                    })
                    .collect()
            })
            .collect();
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = accord_doc::hash::Rng::new(seed);
        let mut next = || rng.next_u64();
        const L2: f32 = 1e-4;
        for ep in 0..epochs {
            for i in (1..order.len()).rev() {
                let j = (next() % (i as u64 + 1)) as usize;
                order.swap(i, j);
            }
            let lr = 0.1 / (1.0 + ep as f32);
            for &i in &order {
                let f = &hashed[i];
                let g = examples[i].1 as u8 as f32 - s.probability(f);
                for k in f {
                    let w = s.weights.entry(*k).or_insert(0.0);
                    *w += lr * g - lr * L2 * *w;
                }
                s.bias += lr * g - lr * L2 * s.bias;
            }
        }
        s.weights.retain(|_, w| w.abs() >= prune);
        let kept = &s.weights;
        s.names.retain(|h, _| kept.contains_key(h));
        s
    }

    /// Number of feature weights.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// True when the scorer holds no feature weights.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(f: &[&str], y: bool) -> (Vec<String>, bool) {
        (f.iter().map(|s| s.to_string()).collect(), y)
    }

    #[test]
    fn training_learns_a_separating_feature_deterministically_and_round_trips() {
        let data: Vec<_> = (0..200)
            .map(|i| if i % 3 == 0 { ex(&["L=blast", "SU=PROPN"], true) } else { ex(&["L=go", "SU=PROPN"], false) })
            .collect();
        let a = Scorer::train(&data, 5, 7, 1e-3);
        let b = Scorer::train(&data, 5, 7, 1e-3);
        assert_eq!(a.write("h"), b.write("h"), "same data and seed, same weights");
        let h = |f: &[&str]| f.iter().map(|n| feature_hash(n)).collect::<Vec<u64>>();
        let yes = a.probability(&h(&["L=blast", "SU=PROPN"]));
        let no = a.probability(&h(&["L=go", "SU=PROPN"]));
        assert!(yes > 0.8 && no < 0.2, "{yes} {no}");
        let back = Scorer::parse(&a.write("a header\nof two lines")).unwrap();
        assert_eq!(back.write("h"), a.write("h"));
        assert!((back.probability(&h(&["L=blast"])) - a.probability(&h(&["L=blast"]))).abs() < 1e-6);
    }

    #[test]
    fn a_malformed_weights_line_is_named() {
        let e = Scorer::parse("threshold\t0.5\nL=x 0.3\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
        assert!(Scorer::parse("bias\tabc\n").unwrap_err().contains("line 1"));
    }
}
