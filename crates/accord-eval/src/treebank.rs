//! Treebank evaluation of the NLP backbone (`accord eval --treebank FILE.conllu`).
//!
//! On the gold words of a UD CoNLL-U file it reports UPOS/XPOS/lemma accuracy and UAS/LAS (relation
//! compared on its universal part, like `conllu_score.py`); sentence-boundary F1 of the text stage on the
//! raw text rebuilt per document (multiword tokens as written, `SpaceAfter`, blank line at `# newpar`);
//! and, on GUM (files with `Entity=` annotations), named-entity P/R/F1 per type with exact spans (names
//! as defined by `accord_models::conllu::named_spans`) and coreference figures for
//! `accord_facts::entities` run on the annotated gold words:
//!
//! - *pronoun antecedent accuracy*: third-person personal pronouns that are gold mentions whose chain has
//!   a named mention (head `PROPN`) before the pronoun; right when the nearest preceding mention of the
//!   pronoun's predicted entity has its head word inside a gold mention of that chain;
//! - *nominal antecedent accuracy*: the same for definite nominals (`the official`, `the group`: gold
//!   mentions of two or more words starting with `the`/`this`/`that` whose head is a common noun) whose
//!   chain has a named mention before them, the nominal found by its head word;
//! - both also over the news and interview documents alone (the genres of the issue's floor);
//! - *MUC* (Vilain et al. 1995) with mentions identified by their head word (gold: the word whose head is
//!   outside the mention; predicted: last word of the mention's `head_span`).

use accord_models::conllu::{self, Sentence};
use accord_models::eval::{self, Prf};
use accord_models::Models;
use accord_pipeline::{Options, Pipeline, RawDoc};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::path::Path;

const PRONOUNS: &[&str] = &[
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
];

/// Coreference figures over a corpus.
#[derive(Clone, Debug, Default)]
pub struct CorefScores {
    /// Eligible pronouns.
    pub pronouns: usize,
    /// Pronouns whose predicted antecedent is in the gold chain.
    pub pronouns_right: usize,
    /// Pronouns with no predicted entity at all.
    pub pronouns_unresolved: usize,
    /// Eligible definite nominals.
    pub nominals: usize,
    /// Definite nominals whose predicted antecedent is in the gold chain.
    pub nominals_right: usize,
    /// Definite nominals with no predicted entity (no mention, or a mention left unlinked).
    pub nominals_unresolved: usize,
    /// MUC recall numerator / denominator and precision numerator / denominator.
    pub muc: (usize, usize, usize, usize),
    /// Pronouns and nominals resolved wrongly or not at all, one line each (`pronoun|nominal`, what the
    /// predicted antecedent was, the gold chain's last earlier name, the sentence), in text order.
    pub misses: Vec<(&'static str, String)>,
}

impl CorefScores {
    /// Adds another set of counts.
    pub fn add(&mut self, o: &CorefScores) {
        self.pronouns += o.pronouns;
        self.pronouns_right += o.pronouns_right;
        self.pronouns_unresolved += o.pronouns_unresolved;
        self.nominals += o.nominals;
        self.nominals_right += o.nominals_right;
        self.nominals_unresolved += o.nominals_unresolved;
        self.muc.0 += o.muc.0;
        self.muc.1 += o.muc.1;
        self.muc.2 += o.muc.2;
        self.muc.3 += o.muc.3;
        self.misses.extend(o.misses.iter().cloned());
    }
    /// MUC precision, recall, F1.
    pub fn muc_prf(&self) -> (f64, f64, f64) {
        let r = self.muc.0 as f64 / self.muc.1.max(1) as f64;
        let p = self.muc.2 as f64 / self.muc.3.max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }
}

/// MUC counts (numerator, denominator) of `key` chains partitioned by `response` (mention → chain).
fn muc_half(key: &[Vec<usize>], response: &HashMap<usize, usize>) -> (usize, usize) {
    let (mut num, mut den) = (0, 0);
    for k in key {
        if k.len() < 2 {
            continue;
        }
        let mut parts = HashSet::new();
        let mut alone = 0;
        for m in k {
            match response.get(m) {
                Some(c) => {
                    parts.insert(*c);
                }
                None => alone += 1,
            }
        }
        num += k.len() - (parts.len() + alone);
        den += k.len() - 1;
    }
    (num, den)
}

fn gold_head(s: &Sentence, a: usize, b: usize) -> usize {
    (a..b).find(|&k| s.words[k].head == 0 || s.words[k].head - 1 < a || s.words[k].head > b).unwrap_or(b - 1)
}

/// The last named mention of a gold chain `ms` before token `a`, quoted (empty when none).
fn last_name(doc: &accord_doc::Doc, ms: &[(usize, usize, usize, bool)], a: usize) -> String {
    ms.iter()
        .rev()
        .find(|m| m.3 && m.1 <= a)
        .map(|m| {
            format!("{:?}", doc.slice(accord_doc::Span::new(doc.tokens[m.0].span.start, doc.tokens[m.1 - 1].span.end)))
        })
        .unwrap_or_default()
}

/// How a predicted anaphor fared against its gold chain.
enum Verdict {
    /// The nearest earlier mention of its predicted entity has its head inside a gold mention of the chain.
    Right,
    /// That mention is elsewhere (what it was, for the list of misses).
    Wrong(String),
    /// It has no predicted entity.
    Unresolved,
    /// Its entity has no earlier mention (counted neither right nor as a miss).
    NoEarlierMention,
}

/// Judges predicted mention `mi` against gold chain `ms` (`pred_head`: head token of each predicted mention).
fn judge(doc: &accord_doc::Doc, pred_head: &[usize], ms: &[(usize, usize, usize, bool)], mi: usize) -> Verdict {
    let Some(ei) = doc.mentions[mi].entity else { return Verdict::Unresolved };
    let start = doc.mentions[mi].span.start;
    let ante = doc.entities[ei]
        .mentions
        .iter()
        .filter(|&&p| doc.mentions[p].span.end <= start)
        .max_by_key(|&&p| doc.mentions[p].span.start);
    match ante {
        None => Verdict::NoEarlierMention,
        Some(&p) if ms.iter().any(|m| m.0 <= pred_head[p] && pred_head[p] < m.1) => Verdict::Right,
        Some(&p) => Verdict::Wrong(format!("-> {:?} ({})", doc.slice(doc.mentions[p].span), doc.entities[ei].name)),
    }
}

/// Coreference figures for one GUM document (its sentences) against `doc` after `accord_facts::entities`.
fn coref_doc(sents: &[Sentence], doc: &accord_doc::Doc, sc: &mut CorefScores) {
    let starts: Vec<usize> = doc.sentences.iter().map(|s| s.tokens.start).collect();
    let gm = conllu::gum_mentions(sents);
    // gold chains by head token; spans by token range
    let mut chains: BTreeMap<&str, Vec<(usize, usize, usize, bool)>> = BTreeMap::new(); // (start tok, end tok, head tok, named)
    let mut definite: HashSet<usize> = HashSet::new(); // head tokens of definite nominals
    for m in &gm {
        let s = &sents[m.sentence];
        let h = gold_head(s, m.start, m.end);
        let named = s.words[h].upos == "PROPN";
        let base = starts[m.sentence];
        chains.entry(m.chain.as_str()).or_default().push((base + m.start, base + m.end, base + h, named));
        if m.end > m.start + 1
            && matches!(s.words[m.start].form.to_lowercase().as_str(), "the" | "this" | "that")
            && s.words[h].upos == "NOUN"
        {
            definite.insert(base + h);
        }
    }
    let tok_of = |byte: usize| doc.token_at_or_after(byte);
    // predicted: mention index -> head token; entity membership
    let pred_head: Vec<usize> = doc.mentions.iter().map(|m| tok_of(m.head_span.end.saturating_sub(1))).collect();
    let mut response: HashMap<usize, usize> = HashMap::new();
    let mut resp_chains: Vec<Vec<usize>> = Vec::new();
    for (ei, e) in doc.entities.iter().enumerate() {
        let mut heads: Vec<usize> = e.mentions.iter().map(|&mi| pred_head[mi]).collect();
        heads.sort_unstable();
        heads.dedup();
        for &h in &heads {
            response.entry(h).or_insert(ei);
        }
        resp_chains.push(heads);
    }
    let mut key_map: HashMap<usize, usize> = HashMap::new();
    let mut key_chains: Vec<Vec<usize>> = Vec::new();
    for (ci, ms) in chains.values().enumerate() {
        let mut heads: Vec<usize> = ms.iter().map(|m| m.2).collect();
        heads.sort_unstable();
        heads.dedup();
        for &h in &heads {
            key_map.entry(h).or_insert(ci);
        }
        key_chains.push(heads);
    }
    let (rn, rd) = muc_half(&key_chains, &response);
    let (pn, pd) = muc_half(&resp_chains, &key_map);
    sc.muc.0 += rn;
    sc.muc.1 += rd;
    sc.muc.2 += pn;
    sc.muc.3 += pd;
    // for the list of misses: a chain's last name before token `a`, and the sentence of token `a`
    let context = |a: usize| doc.slice(doc.sentences[doc.tokens[a].sentence].span).replace('\n', " ");
    // definite nominal antecedents: the nominal's predicted mention is found by its head word
    for ms in chains.values() {
        let last_name = |a: usize| last_name(doc, ms, a);
        for &(a, _, h, _) in ms {
            if !definite.contains(&h) || !ms.iter().any(|m| m.3 && m.1 <= a) {
                continue;
            }
            sc.nominals += 1;
            let phrase = doc.slice(accord_doc::Span::new(doc.tokens[a].span.start, doc.tokens[h].span.end)).to_string();
            let miss =
                |what: String| ("nominal", format!("{phrase:?} {what}; gold: {} | {}", last_name(a), context(a)));
            let Some(mi) = (0..doc.mentions.len())
                .find(|&i| pred_head[i] == h && doc.mentions[i].kind != accord_doc::MentionKind::Name)
            else {
                sc.nominals_unresolved += 1;
                sc.misses.push(miss("not a mention".into()));
                continue;
            };
            match judge(doc, &pred_head, ms, mi) {
                Verdict::Right => sc.nominals_right += 1,
                Verdict::Unresolved => {
                    sc.nominals_unresolved += 1;
                    sc.misses.push(miss("unresolved".into()));
                }
                Verdict::Wrong(what) => sc.misses.push(miss(what)),
                Verdict::NoEarlierMention => {}
            }
        }
    }
    // pronoun antecedents
    for ms in chains.values() {
        let last_name = |a: usize| last_name(doc, ms, a);
        for &(a, b, _, _) in ms {
            if b != a + 1 {
                continue;
            }
            let t = &doc.tokens[a];
            let w = doc.slice(t.span).to_lowercase();
            if !PRONOUNS.contains(&w.as_str()) {
                continue;
            }
            if !ms.iter().any(|m| m.3 && m.1 <= a) {
                continue;
            }
            sc.pronouns += 1;
            let miss = |what: String| ("pronoun", format!("{w:?} {what}; gold: {} | {}", last_name(a), context(a)));
            let verdict = match doc.mentions.iter().position(|m| m.span == t.span) {
                Some(mi) => judge(doc, &pred_head, ms, mi),
                None => Verdict::Unresolved,
            };
            match verdict {
                Verdict::Right => sc.pronouns_right += 1,
                Verdict::Unresolved => {
                    sc.pronouns_unresolved += 1;
                    sc.misses.push(miss("unresolved".into()));
                }
                Verdict::Wrong(what) => sc.misses.push(miss(what)),
                Verdict::NoEarlierMention => {}
            }
        }
    }
}

/// Everything `accord eval --treebank` measures on one file.
#[derive(Clone, Debug)]
pub struct TreebankReport {
    /// Tags, lemmas, dependencies and names against the gold words.
    pub scores: eval::Scores,
    /// Sentences and documents in the file.
    pub sentences: usize,
    /// Documents in the file.
    pub documents: usize,
    /// Sentence boundaries of the text stage on the rebuilt raw text.
    pub boundaries: Prf,
    /// Coreference figures over all documents (GUM files only).
    pub coref: Option<CorefScores>,
    /// Coreference figures over the news and interview documents alone (GUM files only).
    pub coref_news: Option<CorefScores>,
    /// The recogniser's PER/ORG/GPE errors (GUM files only), each with its line for `--errors`: side,
    /// kind, label, the name, the overlapping names of the other side, its context and the document.
    pub name_errors: Vec<(eval::NameError, String)>,
}

impl CorefScores {
    /// Pronoun antecedent accuracy.
    pub fn pronoun_accuracy(&self) -> f64 {
        self.pronouns_right as f64 / self.pronouns.max(1) as f64
    }
    /// Definite nominal antecedent accuracy.
    pub fn nominal_accuracy(&self) -> f64 {
        self.nominals_right as f64 / self.nominals.max(1) as f64
    }
}

impl TreebankReport {
    /// The figures as JSON (percentages for tags and dependencies, 0–1 for the rest), as
    /// `accord eval --treebank FILE --json` prints them.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        let sc = &self.scores;
        let prf = |p: &Prf| json!({ "p": p.p(), "r": p.r(), "f1": p.f1(), "gold": p.tp + p.fn_ });
        let coref = |c: &CorefScores| {
            json!({
                "pronoun_accuracy": c.pronoun_accuracy(), "pronouns": c.pronouns, "pronouns_right": c.pronouns_right,
                "pronouns_unresolved": c.pronouns_unresolved, "nominal_accuracy": c.nominal_accuracy(), "nominals": c.nominals,
                "nominals_right": c.nominals_right, "nominals_unresolved": c.nominals_unresolved,
                "muc": { "p": c.muc_prf().0, "r": c.muc_prf().1, "f1": c.muc_prf().2 },
            })
        };
        let mut v = json!({
            "words": sc.words, "sentences": self.sentences, "documents": self.documents,
            "upos": sc.pct(sc.upos), "xpos": sc.pct(sc.xpos), "lemma": sc.pct(sc.lemma), "uas": sc.pct(sc.uas), "las": sc.pct(sc.las),
            "words_per_second": sc.words as f64 / sc.seconds.max(1e-9),
            "sentence_boundaries": prf(&self.boundaries),
        });
        if let (Some(all), Some(news)) = (&self.coref, &self.coref_news) {
            let ents: serde_json::Map<String, serde_json::Value> =
                sc.entities.iter().map(|(k, p)| (k.to_string(), prf(p))).collect();
            v["entities"] = ents.into();
            v["entities_micro"] = prf(&sc.entity_micro());
            v["coref"] = coref(all);
            v["coref_news_interview"] = coref(news);
        }
        v
    }
}

/// Evaluates the shipped models on a CoNLL-U treebank.
pub fn evaluate(path: &Path) -> anyhow::Result<TreebankReport> {
    let sents = conllu::read_file(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    anyhow::ensure!(!sents.is_empty(), "{}: no sentences", path.display());
    let models = Models::load()?;
    anyhow::ensure!(models.is_trained(), "the shipped models are not trained (run `accord train`, then rebuild)");
    let is_gum = sents.iter().any(|s| s.words.iter().any(|w| w.misc.contains("Entity=")));
    let (mut coref, mut coref_news) = (CorefScores::default(), CorefScores::default());
    let mut name_errors = Vec::new();
    let sc = eval::score(&models, &sents, |doc, ds| {
        if is_gum {
            let id = ds.first().and_then(|s| s.doc_id.as_deref()).unwrap_or("?");
            for e in eval::name_errors(&eval::gold_names(ds), &eval::predicted_names(doc)) {
                let other: Vec<String> =
                    e.overlapping.iter().map(|o| format!("[{}]:{}", eval::name_text(ds, o), o.3)).collect();
                let line = format!(
                    "{} {:<5} {} [{}] {} {} | {} | {id}",
                    e.side,
                    e.kind,
                    e.name.3,
                    eval::name_text(ds, &e.name),
                    if e.side == "FN" { "predicted" } else { "gold" },
                    if other.is_empty() { "-".to_string() } else { other.join(" ") },
                    eval::name_context(ds, &e.name)
                );
                name_errors.push((e, line));
            }
            let mut d = doc.clone();
            d.mentions.retain(|m| m.kind == accord_doc::MentionKind::Name);
            accord_facts::entities(&mut d);
            let mut one = CorefScores::default();
            coref_doc(ds, &d, &mut one);
            coref.add(&one);
            if ds
                .first()
                .and_then(|s| s.doc_id.as_deref())
                .and_then(conllu::gum_genre)
                .is_some_and(|g| g == "news" || g == "interview")
            {
                coref_news.add(&one);
            }
        }
    });
    // sentence boundaries of the text stage on rebuilt raw text
    let segmenter = Pipeline::new(Options::only(&["segment"]))?;
    let mut sb = Prf::default();
    for r in eval::documents(&sents) {
        let mut text = String::new();
        let mut gold = HashSet::new();
        for (k, s) in sents[r].iter().enumerate() {
            if k > 0 {
                text.push_str(if s.newpar { "\n\n" } else { " " });
            }
            text.push_str(&conllu::surface(s));
            gold.insert(text.len());
        }
        let doc = segmenter.process(RawDoc { text, meta: Default::default() });
        let pred: HashSet<usize> = doc
            .sentences
            .iter()
            .map(|s| {
                let t = doc.slice(s.span);
                s.span.start + t.trim_end().len()
            })
            .collect();
        let tp = pred.intersection(&gold).count();
        sb.add(Prf { tp, fp: pred.len() - tp, fn_: gold.len() - tp });
    }
    Ok(TreebankReport {
        scores: sc,
        sentences: sents.len(),
        documents: eval::documents(&sents).len(),
        boundaries: sb,
        coref: is_gum.then_some(coref),
        coref_news: is_gum.then_some(coref_news),
        name_errors,
    })
}

/// Evaluates the shipped models on a CoNLL-U treebank and prints the figures to `out`; with `errors` > 0
/// on a GUM file, then the recogniser's name errors counted by kind with up to `errors` of them, and up
/// to `errors` sample coreference misses of each kind (pronoun, nominal).
pub fn run(path: &Path, errors: usize, out: &mut dyn Write) -> anyhow::Result<()> {
    let r = evaluate(path)?;
    let name_errors = &r.name_errors;
    let sc = &r.scores;
    writeln!(out, "treebank {}", path.display())?;
    writeln!(out, "words {}  sentences {}  documents {}", sc.words, r.sentences, r.documents)?;
    writeln!(out, "UPOS {:.2}  XPOS {:.2}  lemma {:.2}", sc.pct(sc.upos), sc.pct(sc.xpos), sc.pct(sc.lemma))?;
    writeln!(out, "UAS {:.2}  LAS {:.2}", sc.pct(sc.uas), sc.pct(sc.las))?;
    writeln!(
        out,
        "models: {:.0} words/s (tagger+parser+recogniser+lemmas, one thread)",
        sc.words as f64 / sc.seconds.max(1e-9)
    )?;
    let sb = &r.boundaries;
    writeln!(out, "sentence boundaries  P {:.3}  R {:.3}  F1 {:.3}", sb.p(), sb.r(), sb.f1())?;
    if let (Some(coref), Some(coref_news)) = (&r.coref, &r.coref_news) {
        for (k, v) in &sc.entities {
            writeln!(out, "entities {k:<5} P {:.3}  R {:.3}  F1 {:.3}  (gold {})", v.p(), v.r(), v.f1(), v.tp + v.fn_)?;
        }
        let m = sc.entity_micro();
        writeln!(out, "entities micro P {:.3}  R {:.3}  F1 {:.3}", m.p(), m.r(), m.f1())?;
        for (what, c) in [("", coref), (" (news, interview)", coref_news)] {
            writeln!(
                out,
                "coref pronoun antecedent accuracy{what} {:.3} ({} of {}; {} unresolved)",
                c.pronoun_accuracy(),
                c.pronouns_right,
                c.pronouns,
                c.pronouns_unresolved
            )?;
            writeln!(
                out,
                "coref nominal antecedent accuracy{what} {:.3} ({} of {}; {} unresolved)",
                c.nominal_accuracy(),
                c.nominals_right,
                c.nominals,
                c.nominals_unresolved
            )?;
        }
        let (p, r, f) = coref.muc_prf();
        writeln!(out, "coref MUC (head match)  P {p:.3}  R {r:.3}  F1 {f:.3}")?;
        if errors > 0 && !name_errors.is_empty() {
            let mut by_kind: std::collections::BTreeMap<String, usize> = Default::default();
            for (e, _) in name_errors {
                *by_kind.entry(format!("{} {} {}", e.side, e.name.3, e.kind)).or_default() += 1;
            }
            writeln!(out, "\nname errors by kind (FN: gold name not found; FP: predicted name not in the gold):")?;
            for (k, n) in &by_kind {
                writeln!(out, "  {k:<16} {n}")?;
            }
            let n = name_errors.len();
            writeln!(out, "\nname errors ({} of {n}):", errors.min(n))?;
            // spread over the corpus: every k-th error
            for (_, line) in name_errors.iter().step_by(n.div_ceil(errors).max(1)).take(errors) {
                writeln!(out, "  {line}")?;
            }
        }
        for kind in ["pronoun", "nominal"] {
            let misses: Vec<&String> = coref.misses.iter().filter(|m| m.0 == kind).map(|m| &m.1).collect();
            if errors > 0 && !misses.is_empty() {
                writeln!(out, "\n{kind} misses ({} of {}):", errors.min(misses.len()), misses.len())?;
                // spread over the corpus: every k-th miss
                let step = misses.len().div_ceil(errors).max(1);
                for m in misses.iter().step_by(step).take(errors) {
                    writeln!(out, "  {m}")?;
                }
            }
        }
    }
    Ok(())
}
