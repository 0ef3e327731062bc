//! Deterministic training of all models from the treebanks under `../shared`, writing weights and
//! model cards.

use crate::conllu::{self, Sentence, LICENSED_GUM_GENRES};
use crate::lex::Lex;
use crate::{corpora, eval, lemma, ner, parser, tagger, ModelError, Models};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Settings of a training run.
#[derive(Clone, Debug)]
pub struct Options {
    /// The shared data folder (`../shared`).
    pub shared: PathBuf,
    /// Where weights and cards go (`models`).
    pub out: PathBuf,
    /// Train on at most this many sentences of each treebank.
    pub limit_sentences: Option<usize>,
    /// Epochs (default per model: tagger 8, parser 16, recogniser 16).
    pub epochs: Option<usize>,
    /// Train only `tagger`, `parser` or `ner` (the lemmatiser goes with the tagger); `layout` only
    /// reorders the rows of the weight files in `out` by use (see [`relayout`]).
    pub only: Option<String>,
    /// Seed of the shuffling PRNG.
    pub seed: u64,
    /// Skip the dev-set evaluation written into the cards.
    pub skip_eval: bool,
    /// The named-entity corpora the recogniser learns from besides GUM ([`crate::corpora::CORPORA`]
    /// names, each optionally `*N`: its sentences N times), default [`NER_CORPORA`].
    pub ner_corpora: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            shared: "../shared".into(),
            out: "crates/accord-models/models".into(),
            limit_sentences: None,
            epochs: None,
            only: None,
            seed: 20240607,
            skip_eval: false,
            ner_corpora: NER_CORPORA.iter().map(|c| c.to_string()).collect(),
        }
    }
}

/// Paths of the treebank files under the shared folder.
pub struct Treebanks {
    /// EWT train.
    pub ewt_train: PathBuf,
    /// EWT dev.
    pub ewt_dev: PathBuf,
    /// GUM train.
    pub gum_train: PathBuf,
    /// GUM dev.
    pub gum_dev: PathBuf,
}

impl Treebanks {
    /// Locates the treebanks under `shared`.
    pub fn new(shared: &Path) -> Treebanks {
        let t = shared.join("data/treebanks");
        Treebanks {
            ewt_train: t.join("UD_English-EWT/en_ewt-ud-train.conllu"),
            ewt_dev: t.join("UD_English-EWT/en_ewt-ud-dev.conllu"),
            gum_train: t.join("UD_English-GUM/en_gum-ud-train.conllu"),
            gum_dev: t.join("UD_English-GUM/en_gum-ud-dev.conllu"),
        }
    }
}

fn read(p: &Path) -> Result<Vec<Sentence>, ModelError> {
    conllu::read_file(p).map_err(|e| ModelError::Data { path: p.display().to_string(), message: e.to_string() })
}

fn write(p: &Path, data: &[u8]) -> Result<(), ModelError> {
    std::fs::write(p, data).map_err(|e| ModelError::Write { path: p.display().to_string(), source: e })
}

/// Epochs of each recogniser perceptron: chosen by the held-out F1 of [`choose_misc_bias`] (best bonus per
/// epoch count on the held-out GUM training documents: 8 → 0.620, 12 → 0.621, 16 → 0.631, 24 → 0.628).
const NER_EPOCHS: usize = 16;

/// What a training run produced.
#[derive(Debug, Default)]
pub struct Report {
    /// Seconds per model.
    pub seconds: BTreeMap<String, f64>,
    /// Dev scores (`EWT dev`, `GUM dev`) as summary lines.
    pub dev: Vec<(String, String)>,
    /// The recogniser's MISC bonus and the held-out F1 per bonus tried, when chosen in this run.
    pub misc_bias: Option<(f32, String)>,
}

/// The licensed training sentences: EWT train plus GUM train documents of CC BY / CC BY-SA genres.
pub fn training_sentences(tb: &Treebanks, limit: Option<usize>) -> Result<(Vec<Sentence>, Vec<Sentence>), ModelError> {
    let mut ewt = read(&tb.ewt_train)?;
    let mut gum: Vec<Sentence> = read(&tb.gum_train)?
        .into_iter()
        .filter(|s| s.doc_id.as_deref().and_then(conllu::gum_genre).is_some_and(|g| LICENSED_GUM_GENRES.contains(&g)))
        .collect();
    if let Some(n) = limit {
        ewt.truncate(n);
        gum.truncate(n);
    }
    Ok((ewt, gum))
}

/// Tagger classes (UPOS/XPOS pairs by frequency) and examples.
fn tagger_data(all: &[&Sentence]) -> (Vec<(String, String)>, Vec<tagger::TagExample>) {
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    for s in all {
        for w in &s.words {
            *counts.entry((w.upos.clone(), w.xpos.clone())).or_default() += 1;
        }
    }
    let mut classes: Vec<((String, String), usize)> = counts.into_iter().collect();
    classes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    classes.truncate(255);
    let classes: Vec<(String, String)> = classes.into_iter().map(|c| c.0).collect();
    let index: BTreeMap<(&str, &str), u16> =
        classes.iter().enumerate().map(|(i, c)| ((c.0.as_str(), c.1.as_str()), i as u16)).collect();
    let data = all
        .iter()
        .map(|s| tagger::TagExample {
            lex: s.words.iter().map(|w| Lex::new(&w.form)).collect(),
            gold: s.words.iter().map(|w| *index.get(&(w.upos.as_str(), w.xpos.as_str())).unwrap_or(&0)).collect(),
        })
        .collect();
    (classes, data)
}

/// The recogniser's training examples from GUM sentences (gold words, gold tags, per-document context,
/// gold BIO classes) and the number of gold names.
pub fn ner_examples(gum: &[Sentence]) -> (Vec<ner::NerExample>, usize) {
    let names = eval::gold_names(gum);
    (examples_with_names(gum, &names), names.len())
}

/// Training examples from sentences with tags and a parse (gold or predicted) and their names
/// `(sentence, start, end, label)`; documents by `# newdoc`.
fn examples_with_names(sents: &[Sentence], names: &[eval::NameSpan]) -> Vec<ner::NerExample> {
    let gz = ner::Gazetteer::shipped();
    let mut data: Vec<ner::NerExample> = sents
        .iter()
        .map(|s| ner::NerExample {
            lex: s.words.iter().map(|w| Lex::new(&w.form)).collect(),
            tags: s.words.iter().map(|w| parser::tag_hash(&w.upos, &w.xpos)).collect(),
            gold: vec![0; s.words.len()],
            ctx: ner::Ctx::default(),
        })
        .collect();
    let mut marks = Default::default();
    let (mut heads, mut rels) = (Vec::new(), Vec::new());
    for r in eval::documents(sents) {
        gz.doc_marks(data[r.clone()].iter().map(|e| e.lex.as_slice()), &mut marks);
        for (e, s) in data[r.clone()].iter_mut().zip(&sents[r]) {
            gz.context(&e.lex, &marks, &mut e.ctx);
            // the parse (CoNLL-U heads are 1-based, 0 for the root)
            let n = s.words.len();
            heads.clear();
            heads.extend(s.words.iter().map(|w| if w.head == 0 || w.head > n { n as u32 } else { w.head as u32 - 1 }));
            rels.clear();
            rels.extend(s.words.iter().map(|w| ner::rel_hash(&w.deprel)));
            ner::syntax(&e.lex, &e.tags, &heads, &rels, &mut e.ctx);
        }
    }
    for &(si, a, b, l) in names {
        data[si].gold[a] = ner::class_of(&format!("B-{l}"));
        for k in a + 1..b {
            data[si].gold[k] = ner::class_of(&format!("I-{l}"));
        }
    }
    data
}

/// The named-entity corpora `accord train` adds to GUM train for the recogniser (see
/// [`Options::ner_corpora`]); chosen by the 5-fold cross-validation on the GUM training documents.
pub const NER_CORPORA: &[&str] = &[];

/// The recogniser's examples from the corpora `opts.ner_corpora`: their sentences tagged and parsed by
/// the tagger, parser and lemmatiser in `opts.out` (so their features are as noisy as at run time), and
/// each entity span turned into a name as GUM's mentions are ([`conllu::named_spans`]: the run of
/// proper nouns around the span's syntactic head, none when the head is not one). Returns no examples
/// (and says so) when those models are missing.
pub fn extra_ner_examples(opts: &Options, log: &mut dyn FnMut(String)) -> Result<Vec<ner::NerExample>, ModelError> {
    if opts.ner_corpora.is_empty() {
        return Ok(Vec::new());
    }
    if let Some(f) = FOLD_MODELS.iter().find(|f| !opts.out.join(f).is_file()) {
        log(format!("ner: {} is missing; no corpora besides GUM", opts.out.join(f).display()));
        return Ok(Vec::new());
    }
    let models = Models::assemble(
        crate::load_file(&opts.out, FOLD_MODELS[0], tagger::Tagger::read)?,
        crate::load_file(&opts.out, FOLD_MODELS[1], parser::Parser::read)?,
        ner::Ner::train(&[], 1, 0, &mut |_| {}),
        crate::load_file(&opts.out, FOLD_MODELS[2], lemma::Lemmatizer::read)?,
    );
    let mut out = Vec::new();
    for spec in &opts.ner_corpora {
        let (name, times) = match spec.split_once('*') {
            Some((n, t)) => (n, t.parse::<usize>().map_err(|_| corpus_err(spec, "bad repeat count"))?),
            None => (spec.as_str(), 1),
        };
        let docs = corpora::read(&opts.shared, name).map_err(|e| corpus_err(name, &e.to_string()))?;
        let (sents, names) = tag_corpus(&models, &docs, opts.limit_sentences);
        let data = examples_with_names(&sents, &names);
        log(format!("ner: {name}: {} sentences, {} names (GUM-style), x{times}", data.len(), names.len()));
        for _ in 0..times {
            out.extend(data.iter().cloned());
        }
    }
    Ok(out)
}

fn corpus_err(name: &str, message: &str) -> ModelError {
    ModelError::Data { path: name.to_string(), message: message.to_string() }
}

/// The sentences of `docs` (at most `limit`) with the tags and parse of `models`, and their names: each
/// entity span becomes the run of proper nouns around its syntactic head ([`conllu::named_spans`]).
pub fn tag_corpus(
    models: &Models,
    docs: &[corpora::NerDocument],
    limit: Option<usize>,
) -> (Vec<Sentence>, Vec<eval::NameSpan>) {
    let (mut sents, mut names) = (Vec::new(), Vec::new());
    for (d, doc) in docs.iter().enumerate() {
        if limit.is_some_and(|n| sents.len() >= n) {
            break;
        }
        let mut part: Vec<Sentence> = doc
            .iter()
            .enumerate()
            .map(|(i, s)| Sentence {
                words: s
                    .words
                    .iter()
                    .map(|w| conllu::Word {
                        form: w.clone(),
                        upos: if w.chars().all(|c| c.is_ascii_punctuation()) { "PUNCT" } else { "X" }.into(),
                        space_after: true,
                        ..Default::default()
                    })
                    .collect(),
                doc_id: Some(format!("corpus-{d}")),
                newdoc: i == 0,
                ..Default::default()
            })
            .collect();
        let mut annotated = eval::doc_from_sentences(&part, "corpus");
        models.annotate(&mut annotated);
        let mut k = 0;
        for (i, s) in part.iter_mut().enumerate() {
            let base = k;
            for w in s.words.iter_mut() {
                eval::set_predicted(w, &annotated.tokens[k], base);
                k += 1;
            }
            let mentions: Vec<conllu::GumMention> = doc[i]
                .spans
                .iter()
                .map(|&(a, b, t)| conllu::GumMention {
                    sentence: 0,
                    start: a,
                    end: b,
                    etype: t.to_string(),
                    chain: String::new(),
                })
                .collect();
            let refs: Vec<&conllu::GumMention> = mentions.iter().collect();
            let si = sents.len() + i;
            names.extend(conllu::named_spans(s, &refs).into_iter().map(|(a, b, l)| (si, a, b, l)));
        }
        sents.extend(part);
    }
    (sents, names)
}

/// The parser's label set (UD relations, subtypes seen at least 20 times) and its training examples from
/// `all`, with jackknifed tags: each quarter of the data is tagged by a tagger trained on the other three,
/// so the parser learns from tags as noisy as the ones it will see.
pub fn parser_data(
    all: &[&Sentence],
    seed: u64,
    log: &mut dyn FnMut(String),
) -> (Vec<String>, Vec<parser::ParseExample>) {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for s in all {
        for w in &s.words {
            *counts.entry(w.deprel.clone()).or_default() += 1;
        }
    }
    let mut labels: Vec<String> =
        counts.iter().filter(|(l, n)| **n >= 20 || !l.contains(':')).map(|(l, _)| l.clone()).collect();
    for must in ["root", "dep"] {
        if !labels.iter().any(|l| l == must) {
            labels.push(must.into());
        }
    }
    labels.truncate(127);
    let lid = |l: &str| {
        labels
            .iter()
            .position(|x| x == l)
            .or_else(|| labels.iter().position(|x| x == l.split(':').next().unwrap()))
            .or_else(|| labels.iter().position(|x| x == "dep"))
            .unwrap() as u16
    };
    // Jackknifed tags: each quarter of the data is tagged by a tagger trained on the other three, so
    // the parser learns from tags as noisy as the ones it will see.
    let (classes, tdata) = tagger_data(all);
    let mut jk: Vec<Vec<u64>> = vec![Vec::new(); all.len()];
    const FOLDS: usize = 4;
    for f in 0..FOLDS {
        let train_part: Vec<tagger::TagExample> = tdata
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != f)
            .map(|(_, e)| tagger::TagExample { lex: e.lex.clone(), gold: e.gold.clone() })
            .collect();
        let tg = tagger::Tagger::train_pass(&train_part, classes.clone(), 5, seed + f as u64, None, &mut |_| {});
        let (mut out, mut lp, mut amb, mut feats, mut scores) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut right, mut total) = (0usize, 0usize);
        for (i, e) in tdata.iter().enumerate().filter(|(i, _)| i % FOLDS == f) {
            tg.tag(&e.lex, &mut out, &mut lp, &mut amb, &mut feats, &mut scores);
            right += out.iter().zip(&e.gold).filter(|(a, b)| a == b).count();
            total += out.len();
            jk[i] = out.iter().map(|&c| parser::tag_hash(&classes[c as usize].0, &classes[c as usize].1)).collect();
        }
        log(format!(
            "parser: jackknife fold {} tag accuracy {:.2}%",
            f + 1,
            100.0 * right as f64 / total.max(1) as f64
        ));
    }
    let data: Vec<parser::ParseExample> = all
        .iter()
        .zip(jk)
        .map(|(s, tags)| {
            let n = s.words.len() as u32;
            parser::ParseExample {
                lex: s.words.iter().map(|w| Lex::new(&w.form)).collect(),
                tags,
                heads: s.words.iter().map(|w| if w.head == 0 { n } else { w.head as u32 - 1 }).collect(),
                labels: s.words.iter().map(|w| lid(&w.deprel)).collect(),
            }
        })
        .collect();
    (labels, data)
}

/// Trains the models selected by `opts`, writes `*.bin` and `*.md` cards to `opts.out`.
pub fn train(opts: &Options, log: &mut dyn FnMut(String)) -> Result<Report, ModelError> {
    let tb = Treebanks::new(&opts.shared);
    let (ewt, gum) = training_sentences(&tb, opts.limit_sentences)?;
    log(format!("training data: {} EWT + {} GUM ({}) sentences", ewt.len(), gum.len(), LICENSED_GUM_GENRES.join(", ")));
    std::fs::create_dir_all(&opts.out)
        .map_err(|e| ModelError::Write { path: opts.out.display().to_string(), source: e })?;
    let all: Vec<&Sentence> = ewt.iter().chain(gum.iter()).collect();
    let want = |m: &str| opts.only.as_deref().is_none_or(|o| o == m);
    let mut report = Report::default();

    if want("tagger") {
        let t = Instant::now();
        let (classes, data) = tagger_data(&all);
        log(format!("tagger: {} classes", classes.len()));
        let tg = tagger::Tagger::train(&data, classes, opts.epochs.unwrap_or(8), opts.seed, log);
        write(&opts.out.join("tagger.bin"), &tg.write())?;
        let lm = lemma::Lemmatizer::train(
            all.iter().flat_map(|s| s.words.iter().map(|w| (w.form.as_str(), w.upos.as_str(), w.lemma.as_str()))),
        );
        write(&opts.out.join("lemmas.bin"), &lm.write())?;
        report.seconds.insert("tagger".into(), t.elapsed().as_secs_f64());
    }

    if want("parser") {
        let t = Instant::now();
        let (labels, data) = parser_data(&all, opts.seed, log);
        log(format!("parser: {} labels", labels.len()));
        let p = parser::Parser::train(&data, labels, opts.epochs.unwrap_or(16), opts.seed, log);
        write(&opts.out.join("parser.bin"), &p.write())?;
        report.seconds.insert("parser".into(), t.elapsed().as_secs_f64());
    }

    if want("ner") {
        let t = Instant::now();
        let (mut data, names) = ner_examples(&gum);
        log(format!("ner: {} sentences, {} names", data.len(), names));
        let extra = extra_ner_examples(opts, log)?;
        let epochs = opts.epochs.unwrap_or(NER_EPOCHS);
        let (bias, tried) = choose_misc_bias(opts, &gum, &data, &extra, epochs, log)?;
        report.misc_bias = Some((bias, tried));
        data.extend(extra);
        let mut m = ner::Ner::train(&data, epochs, opts.seed, log);
        m.misc_bias = bias;
        write(&opts.out.join("ner.bin"), &m.write())?;
        report.seconds.insert("ner".into(), t.elapsed().as_secs_f64());
    }

    if opts.only.as_deref().is_none_or(|o| ["tagger", "parser", "ner", "layout"].contains(&o)) {
        let t = Instant::now();
        if relayout(&opts.out, &[&ewt, &gum], log)? {
            report.seconds.insert("layout".into(), t.elapsed().as_secs_f64());
        }
    }

    if !opts.skip_eval {
        match Models::from_dir(&opts.out) {
            Ok(models) => {
                for (name, path) in [("EWT dev", &tb.ewt_dev), ("GUM dev", &tb.gum_dev)] {
                    let dev = read(path)?;
                    let sc = eval::score(&models, &dev, |_, _| {});
                    let line = format!("{} | {:.0} words/s", sc.summary(), sc.words as f64 / sc.seconds.max(1e-9));
                    log(format!("{name}: {line}"));
                    report.dev.push((name.to_string(), line));
                }
            }
            Err(e) => log(format!("no dev evaluation: {e}")),
        }
    }
    Ok(report)
}

/// The recogniser's `B-MISC` bonus ([`ner::MISC_BIAS`]), chosen by 5-fold cross-validation on the GUM
/// training documents: for each fold of [`ner_fold`], a recogniser trained without every fifth GUM
/// training document (and with the other corpora, `extra`) runs in the whole pipeline (the tagger, parser
/// and lemmatiser in `out`) over those documents for each bonus of 0, 2, ..., 40 weight units; the bonus
/// with the best name F1 over the five folds of [`MISC_BIAS_SEEDS`] shuffling seeds pooled (PER/ORG/GPE
/// micro, exact spans; the smallest on ties) is kept. The dev sets play no part. Without the other models in `out`, the default bonus stays.
fn choose_misc_bias(
    opts: &Options,
    gum: &[Sentence],
    data: &[ner::NerExample],
    extra: &[ner::NerExample],
    epochs: usize,
    log: &mut dyn FnMut(String),
) -> Result<(f32, String), ModelError> {
    if let Some(f) = FOLD_MODELS.iter().find(|f| !opts.out.join(f).is_file()) {
        log(format!("ner: {} is missing; the MISC bonus stays {}", opts.out.join(f).display(), ner::MISC_BIAS));
        return Ok((ner::MISC_BIAS, "not chosen in this run (no tagger and parser in the output folder)".into()));
    }
    // the F1 over the bonuses is flat up to a cliff and its argmax moves with the shuffling seed (one
    // seed chose 14, at the cliff's edge, where three seeds average 0.674 against 0.677 at 0): the folds of
    // MISC_BIAS_SEEDS seeds are pooled
    let mut folds = Vec::new();
    for k in 0..MISC_BIAS_SEEDS {
        let o = Options { seed: opts.seed.wrapping_add(k), ..opts.clone() };
        for f in 0..5 {
            folds.push(ner_fold(&o, gum, data, extra, epochs, f)?.0);
        }
    }
    let by_bonus = pooled(&folds);
    let line: String = by_bonus.iter().map(|(b, m)| format!(" {b:.0}:{:.3}", micro(m).f1())).collect();
    let best = best_bonus(&by_bonus);
    let sentences: usize = folds.iter().map(|f| f.sentences).sum::<usize>() / MISC_BIAS_SEEDS as usize;
    let tried = format!(
        "5 folds x {MISC_BIAS_SEEDS} shuffling seeds, {sentences} held-out GUM train sentences pooled, bonus:F1{line}"
    );
    log(format!("ner: MISC bonus on {tried}; chosen {}", best.0));
    Ok((best.0, tried))
}

/// Shuffling seeds (the run's seed and the next ones) whose cross-validation folds are pooled to choose
/// the MISC bonus.
pub const MISC_BIAS_SEEDS: u64 = 3;

/// The models a fold of [`ner_fold`] reads from the output folder.
const FOLD_MODELS: [&str; 3] = ["tagger.bin", "parser.bin", "lemmas.bin"];

/// The MISC bonuses a fold is scored with: 0, 2, ..., 40 weight units.
pub fn fold_bonuses() -> impl Iterator<Item = f32> {
    (0..=20).map(|step| 2.0 * step as f32)
}

/// The recogniser's figures on one fold of the GUM training documents.
#[derive(Clone, Debug)]
pub struct NerFold {
    /// The fold: the documents `d` with `d % 5 == fold` were held out.
    pub fold: usize,
    /// Held-out sentences.
    pub sentences: usize,
    /// Seconds spent training the fold's recogniser.
    pub train_seconds: f64,
    /// For each MISC bonus of [`fold_bonuses`], the PER/ORG/GPE counts on the held-out documents.
    pub by_bonus: Vec<(f32, BTreeMap<&'static str, eval::Prf>)>,
}

impl NerFold {
    /// The bonus with the best micro F1 (the smallest on ties), and that F1.
    pub fn best(&self) -> (f32, f64) {
        best_bonus(&self.by_bonus)
    }
}

/// The bonus with the best micro F1 among `by_bonus` (the first on ties), and that F1.
pub fn best_bonus(by_bonus: &[(f32, BTreeMap<&'static str, eval::Prf>)]) -> (f32, f64) {
    let mut best = (f64::MIN, ner::MISC_BIAS);
    for (b, m) in by_bonus {
        let f1 = micro(m).f1();
        if f1 > best.0 {
            best = (f1, *b);
        }
    }
    (best.1, best.0)
}

/// Counts summed over the labels of `m` (micro average).
pub fn micro(m: &BTreeMap<&'static str, eval::Prf>) -> eval::Prf {
    let mut p = eval::Prf::default();
    m.values().for_each(|v| p.add(*v));
    p
}

/// One fold of the recogniser's cross-validation on the GUM training sentences `gum` (with their
/// examples `data`, from [`ner_examples`]): a recogniser trained for `epochs` (seed `opts.seed`) on the
/// other documents and the examples `extra` (other corpora, [`extra_ner_examples`]) runs in the whole pipeline (the tagger, parser and lemmatiser in
/// `opts.out`) over them, once per bonus of [`fold_bonuses`]. Returns the figures and the fold's
/// recogniser (its bonus left at the last one tried).
pub fn ner_fold(
    opts: &Options,
    gum: &[Sentence],
    data: &[ner::NerExample],
    extra: &[ner::NerExample],
    epochs: usize,
    fold: usize,
) -> Result<(NerFold, ner::Ner), ModelError> {
    let (mut fit, mut check) = (Vec::new(), Vec::new());
    for (d, r) in eval::documents(gum).into_iter().enumerate() {
        if d % 5 == fold {
            check.extend(gum[r].iter().cloned());
        } else {
            fit.extend(data[r].iter().cloned());
        }
    }
    fit.extend(extra.iter().cloned());
    let t = Instant::now();
    let recogniser = ner::Ner::train(&fit, epochs, opts.seed, &mut |_| {});
    let train_seconds = t.elapsed().as_secs_f64();
    let mut parts = (
        crate::load_file(&opts.out, FOLD_MODELS[0], tagger::Tagger::read)?,
        crate::load_file(&opts.out, FOLD_MODELS[1], parser::Parser::read)?,
        recogniser,
        crate::load_file(&opts.out, FOLD_MODELS[2], lemma::Lemmatizer::read)?,
    );
    let mut by_bonus = Vec::new();
    for bias in fold_bonuses() {
        parts.2.misc_bias = bias;
        let models = Models::assemble(parts.0, parts.1, parts.2, parts.3);
        by_bonus.push((bias, eval::score(&models, &check, |_, _| {}).entities));
        parts = models.into_parts().expect("the models are not shared");
    }
    Ok((NerFold { fold, sentences: check.len(), train_seconds, by_bonus }, parts.2))
}

/// Cross-validates the recogniser on the GUM training documents of `opts.shared` (at most
/// `opts.limit_sentences` sentences), one [`ner_fold`] per fold of `folds` (each of 0..5), with the
/// epochs and seed `accord train` would use. The tagger, parser and lemmatiser are read from `opts.out`;
/// nothing is written.
pub fn cross_validate_ner(
    opts: &Options,
    folds: &[usize],
    log: &mut dyn FnMut(String),
) -> Result<Vec<NerFold>, ModelError> {
    let (_, gum) = training_sentences(&Treebanks::new(&opts.shared), opts.limit_sentences)?;
    let (data, names) = ner_examples(&gum);
    log(format!("ner: {} GUM training sentences, {names} names", data.len()));
    let extra = extra_ner_examples(opts, log)?;
    let epochs = opts.epochs.unwrap_or(NER_EPOCHS);
    let mut out = Vec::new();
    for &f in folds {
        let (fold, _) = ner_fold(opts, &gum, &data, &extra, epochs, f)?;
        let (b, f1) = fold.best();
        log(format!("ner: fold {f}: {} held-out sentences, best F1 {f1:.3} at bonus {b}", fold.sentences));
        out.push(fold);
    }
    Ok(out)
}

/// The folds' counts summed per bonus (pooled cross-validation figures).
pub fn pooled(folds: &[NerFold]) -> Vec<(f32, BTreeMap<&'static str, eval::Prf>)> {
    let mut out: Vec<(f32, BTreeMap<&'static str, eval::Prf>)> = fold_bonuses().map(|b| (b, BTreeMap::new())).collect();
    for f in folds {
        for ((_, sum), (_, m)) in out.iter_mut().zip(&f.by_bonus) {
            for (k, v) in m {
                sum.entry(*k).or_default().add(*v);
            }
        }
    }
    out
}

/// The parser's attachment scores on held-out training sentences ([`parser_heldout`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParserHeldOut {
    /// One training sentence in `k` was held out.
    pub k: usize,
    /// Held-out sentences.
    pub sentences: usize,
    /// Words of the held-out sentences.
    pub words: usize,
    /// Unlabelled attachment score (percent).
    pub uas: f64,
    /// Labelled attachment score (percent; labels with their subtypes).
    pub las: f64,
}

/// A held-out check of the parser on training data only (no dev set): the parser is trained as
/// [`train`] trains it (jackknifed tags, `opts.epochs` or 16 epochs, `opts.seed`) on the EWT and GUM
/// training sentences (at most `opts.limit_sentences` of each) whose index is not 0 mod `k`, and scored
/// on the others. Writes nothing.
pub fn parser_heldout(opts: &Options, k: usize, log: &mut dyn FnMut(String)) -> Result<ParserHeldOut, ModelError> {
    let k = k.max(2);
    let (ewt, gum) = training_sentences(&Treebanks::new(&opts.shared), opts.limit_sentences)?;
    let all: Vec<&Sentence> = ewt.iter().chain(gum.iter()).collect();
    let (labels, data) = parser_data(&all, opts.seed, log);
    let (mut fit, mut held) = (Vec::new(), Vec::new());
    for (i, ex) in data.into_iter().enumerate() {
        if i % k == 0 {
            held.push(ex);
        } else {
            fit.push(ex);
        }
    }
    let p = parser::Parser::train(&fit, labels, opts.epochs.unwrap_or(16), opts.seed, log);
    let mut sc = parser::Scratch::default();
    let (mut u, mut l, mut t) = (0usize, 0usize, 0usize);
    for ex in &held {
        p.parse(&parser::Input { lex: &ex.lex, tags: &ex.tags }, &mut sc);
        for d in 0..ex.lex.len() {
            t += 1;
            if sc.state.heads[d] == ex.heads[d] {
                u += 1;
                l += (sc.state.labels[d] == ex.labels[d]) as usize;
            }
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / t.max(1) as f64;
    Ok(ParserHeldOut { k, sentences: held.len(), words: t, uas: pct(u), las: pct(l) })
}

/// Stores the rows of the tagger, parser and recogniser in `out` in order of decreasing use, counted by
/// running the three (as the pipeline does) over the training sentences `parts`: the same scores, read
/// faster (see [`crate::perceptron::Frozen::relayout`]). `false` when a weight file is missing.
pub fn relayout(out: &Path, parts: &[&[Sentence]], log: &mut dyn FnMut(String)) -> Result<bool, ModelError> {
    let files = ["tagger.bin", "parser.bin", "ner.bin", "lemmas.bin"];
    if let Some(f) = files.iter().find(|f| !out.join(f).is_file()) {
        log(format!("layout: {} is missing; rows keep their order", out.join(f).display()));
        return Ok(false);
    }
    let mut tg = crate::load_file(out, files[0], tagger::Tagger::read)?;
    let mut ps = crate::load_file(out, files[1], parser::Parser::read)?;
    let mut nr = crate::load_file(out, files[2], ner::Ner::read)?;
    let lm = crate::load_file(out, files[3], lemma::Lemmatizer::read)?;
    tg.count_uses(true);
    ps.count_uses(true);
    nr.count_uses(true);
    let models = Models::assemble(tg, ps, nr, lm);
    let mut words = 0usize;
    for sents in parts {
        for r in eval::documents(sents) {
            let ds = &sents[r];
            let mut doc = eval::doc_from_sentences(ds, ds[0].doc_id.as_deref().unwrap_or("doc"));
            models.annotate(&mut doc);
            words += doc.tokens.len();
        }
    }
    let (mut tg, mut ps, mut nr, _) = models.into_parts().expect("the models are not shared");
    let uses = (tg.count_uses(false), ps.count_uses(false), nr.count_uses(false));
    tg.relayout(&uses.0);
    ps.relayout(&uses.1);
    nr.relayout(&uses.2);
    write(&out.join(files[0]), &tg.write())?;
    write(&out.join(files[1]), &ps.write())?;
    write(&out.join(files[2]), &nr.write())?;
    log(format!(
        "layout: rows ordered by use over {words} training words ({} / {} / {} rows used)",
        uses.0.len(),
        uses.1.len(),
        uses.2.len()
    ));
    Ok(true)
}

/// Writes the model cards (`tagger.md`, `parser.md`, `ner.md`, `lemmas.md`) for a finished run.
pub fn write_cards(opts: &Options, report: &Report) -> Result<(), ModelError> {
    let size = |f: &str| std::fs::metadata(opts.out.join(f)).map(|m| m.len()).unwrap_or(0);
    let scores: String = if report.dev.is_empty() {
        "not measured in this run (`--no-eval`)\n".to_string()
    } else {
        report.dev.iter().map(|(n, l)| format!("- {n}: {l}\n")).collect()
    };
    let secs = |m: &str| {
        report.seconds.get(m).map(|s| format!("{s:.0} s")).unwrap_or_else(|| "not retrained in this run".into())
    };
    let limit =
        opts.limit_sentences.map(|n| format!("first {n} sentences of each treebank")).unwrap_or_else(|| "all".into());
    let data = format!(
        "## Data and licences\n\n\
         - UD English-EWT train ({limit}): CC BY-SA 4.0 (LDC / Google English Web Treebank, Silveira et al., UD EWT contributors).\n\
         - UD English-GUM train, only documents of the genres {} (from `# newdoc id = GUM_<genre>_...`): \
         annotations CC BY 4.0 (Zeldes 2017); texts academic/court CC BY 4.0, bio/voyage CC BY-SA 3.0, \
         news/interview (Wikinews) CC BY 2.5. Other GUM genres (NC licences) and all dev splits are used only for evaluation.\n\
         - The weights are a derived work of CC BY-SA material: share them under CC BY-SA 4.0 with the attributions above.\n",
        LICENSED_GUM_GENRES.join(", ")
    );
    let common = format!(
        "## Reproduce\n\n`accord train --shared ../shared --out {}` (seed {}, deterministic: seeded SplitMix64 shuffles, \
         no hash-map iteration order in the outputs). Then rebuild: the weights are embedded with `include_bytes!`.\n\n\
         ## Measured (dev splits, gold tokenisation, predicted tags; release build, one thread)\n\n{scores}",
        opts.out.display(),
        opts.seed
    );
    let (bias, tried) = report.misc_bias.clone().unwrap_or((ner::MISC_BIAS, "not chosen in this run".into()));
    let corpora_used: Vec<&str> =
        opts.ner_corpora.iter().map(|c| c.split('*').next().unwrap_or(c)).filter(|c| !c.is_empty()).collect();
    let mut ner_data = String::new();
    for c in &corpora_used {
        ner_data.push_str(match *c {
            "wikigold" => "- WikiGold (Balasuriya et al. 2009; 145 Wikipedia articles, CoNLL-2003 types): CC BY 4.0.\n",
            "re3d" => "- re3d (Dstl), the sources CENTCOM and US State Department (US-government public domain), UK Government \
                       (Open Government Licence v3.0), Australian Department of Foreign Affairs (CC BY 3.0 AU) and Wikipedia \
                       (CC BY-SA 3.0).\n",
            "wnut17" => "- WNUT-17 train (Derczynski et al. 2017): CC BY 4.0.\n",
            _ => "", // btc sections: one line below
        });
    }
    let btc_sections: Vec<&str> = corpora_used.iter().filter_map(|c| c.strip_prefix("btc-")).collect();
    if !btc_sections.is_empty() {
        ner_data.push_str(&format!(
            "- Broad Twitter Corpus (Derczynski, Bontcheva & Roberts, COLING 2016; the training sections as copied to \
             `../shared/data/btc`), section{} {} ({}): CC BY 4.0.\n",
            if btc_sections.len() > 1 { "s" } else { "" },
            btc_sections.join(", "),
            if btc_sections == ["g"] { "2,138 tweets of news outlets' accounts, 2011-14" } else { "tweets" }
        ));
    }
    let ner_licences =
        data.replace("- The weights are a derived work", &format!("{ner_data}- The weights are a derived work"));
    let ner_method = if corpora_used.is_empty() {
        "Only GUM has entity annotation, so the recogniser learns from the licensed GUM genres only. ".to_string()
    } else {
        format!(
            "The recogniser also learns from {} (`accord train --ner-corpora`, chosen by the 5-fold cross-validation \
             below): their sentences are tagged and parsed by the shipped tagger and parser (so their features are \
             as noisy as at run time) and each entity span of the corpus becomes a name by the same rule, from the \
             predicted parse: the PROPN run around the span's head, none when the head is not a PROPN; PER/ORG/LOC/MISC \
             map to PER/ORG/GPE/MISC; each tweet is a document. The corpora tried and their cross-validated F1 are in \
             docs/experiments.md (ner). ",
            corpora_used.join(", ")
        )
    };
    let cards = [
        (
            "tagger",
            format!(
                "# tagger: joint UPOS + PTB XPOS tagger\n\n{data}\n## Method\n\nGreedy averaged perceptron \
                 (Collins 2002; Honnibal's design) with one class per observed UPOS/XPOS pair, so the two tag sets stay \
                 consistent, run in two left-to-right passes: the second pass also sees the first pass's tags of the next \
                 two words (bidirectional context), and is trained on jackknifed first-pass tags (4 folds) so it does not \
                 over-trust them. Features (42 + 7 templates, 64-bit hashed): form, lower-case form, prefixes 1-3, suffixes 1-4, \
                 shape, case/digit/hyphen flags, words and suffixes/shapes at ±1/±2, previous two predicted tags, \
                 ambiguity classes (set of tags seen with the word, for words seen ≥ 5 times) at -1..+2, and a case profile \
                 (how often the word is capitalised mid-sentence in training). A tag dictionary fixes words seen ≥ 20 times with one tag ≥ 97% of the time. \
                 At run time both passes share one hash table, so the 34 templates that do not involve tags are probed once per word for both passes \
                 (for all the words of a sentence first, as one stream with the table slots prefetched ahead). A word whose first-pass tag leads the \
                 next by at least 40 weight units (`SURE_MARGIN`) keeps it without a second pass: about 60 % of the scored words on EWT and GUM dev, \
                 where the second pass would change 1 tag in 14,000 (it revises about 4 % of the tags, almost all with a smaller lead). \
                 Weight rows are stored in order of use on the training data (`accord train --only layout`, run after every training).\n\n\
                 ## Hyper-parameters\n\nepochs {} per pass (5 for the jackknife folds), averaged weights, pruned below 0.1, quantised to i16 with one scale.\n\n\
                 Training time: {}. Size: {} bytes (`tagger.bin`).\n\n{common}",
                opts.epochs.unwrap_or(8),
                secs("tagger"),
                size("tagger.bin")
            ),
        ),
        (
            "lemmas",
            format!(
                "# lemmas: lemmatiser\n\n{data}\n## Method\n\nTable of the most frequent lemma for each (lower-cased form, UPOS) \
                 in the training data; unseen words take the most frequent suffix rewrite learnt from word types for \
                 their UPOS and last 1-4 characters (longest match first); proper nouns keep their form. Trained with the tagger \
                 ({}). Size: {} bytes (`lemmas.bin`).\n\n{common}",
                secs("tagger"),
                size("lemmas.bin")
            ),
        ),
        (
            "parser",
            format!(
                "# parser: labelled dependency parser\n\n{data}\n## Method\n\nArc-hybrid transition system (root at the end \
                 of the buffer, so exactly one word attaches to the root) with greedy decoding and an averaged perceptron over \
                 {} hashed templates (stack/buffer words and tags, leftmost/rightmost children and their labels, valencies, \
                 s0–n0 distance), after Zhang & Nivre (2011) and Honnibal's 500-line parser. Trained with the dynamic oracle \
                 of Goldberg & Nivre (2012/2013): from epoch 2 the parser follows its own predictions with probability 0.9 (exploration) and is updated towards \
                 the best zero-cost transition, so it learns to recover from its mistakes. Three parsers trained on different \
                 shuffles (two at a time, one per core) are averaged into the shipped one (with the earlier 72 templates: EWT dev \
                 UAS/LAS 85.27/82.17 against 85.13/82.05 for the first alone; GUM dev LAS 80.27 against 80.23; same speed). Twelve \
                 templates of that design are gone: none cost accuracy when left out alone at parse time, the parser retrained \
                 without them is as accurate on dev and on held-out training sentences, and about 19 % faster in the pipeline \
                 (the list is in `parser.rs`). Labels are the UD relations with \
                 subtypes seen ≥ 20 times (others fall back to their universal part). Non-projective training trees are skipped; \
                 tags in training are jackknifed (4 folds: each quarter tagged by a tagger trained on the rest), so they are as noisy as at run time. \
                 At parse time the 19 templates that read only the buffer front (n0–n2) or one stack word (s0, s1 or s2) are scored once per \
                 sentence and position, so each transition probes only the other {}. Weight rows are stored in order of use on the training \
                 data (`accord train --only layout`, run after every training), so the rows used most share cache lines and sit in their \
                 home slots; dense rows are added with four AVX2 accumulators held across rows.\n\n## Hyper-parameters\n\nepochs {}, averaged weights below 1.0 pruned, i16 quantised.\n\n\
                 Training time: {}. Size: {} bytes (`parser.bin`).\n\n{common}",
                parser::BLOCK_TEMPLATES + parser::DYNAMIC_TEMPLATES,
                parser::DYNAMIC_TEMPLATES,
                opts.epochs.unwrap_or(16),
                secs("parser"),
                size("parser.bin")
            ),
        ),
        (
            "ner",
            format!(
                "# ner: named-entity recogniser\n\n{ner_licences}\n\
                 Word lists and gazetteers (compiled in; each derived table is reproduced by the script named):\n\n\
                 - `crates/accord-lexicon/data/gazetteer/countries.tsv`: countries, nationality words, capitals and major cities, derived from \
                 CountryInfo.120116.txt (Philip A. Schrodt), CC BY-SA 3.0.\n\
                 - `crates/accord-lexicon/data/gazetteer/actors.tsv` (`tools/derive_ner_lists.py`): given names and surnames of people (actor \
                 entries with dated roles), places listed under each country, and organisation names, derived from the \
                 Phoenix CAMEO actor dictionaries (petrarch2, MIT, Open Event Data Alliance; the country actors were built \
                 from CountryInfo.140130, CC BY-SA 3.0), shared under CC BY-SA 3.0.\n\
                 - `crates/accord-lexicon/data/gazetteer/case_stats.tsv` (`tools/derive_case_stats.py`): words usually written in lower case, and \
                 words usually capitalised mid-sentence, counted over the PolNeAR train articles (counts only, no text; \
                 used for training as PolNeAR's terms allow) and the word forms of EWT train and the licensed GUM train genres.\n\
                 - Hand-written lists: `crates/accord-lexicon/data/gazetteer/name_words.tsv` (organisation and place last words, prepositions \
                 before places, speech verbs), `org_words.txt`, `titles.txt`, `honorifics.tsv` (`crates/accord-lexicon/data/`), and \
                 `crates/accord-lexicon/data/gazetteer/misc_names.tsv` (other named things: platforms, products, holidays and events, wars, \
                 religions and deities, diseases, laws and works, and services run by an organisation, `Twitter`, \
                 listed as organisations; general knowledge, CC0; used after tagging, not as a feature).\n\n\
                 ## Method\n\nGreedy BIO tagger (averaged perceptron, \
                 56 hashed templates) with the constraint that I-X follows B-X/I-X. Features: words, shapes, affixes, \
                 predicted tags, previous labels, a headline (mostly title-case sentence) flag; the word's place in the \
                 dependency parse (its relation, its head's word and tag, the word of its `case` child: `in` of `in \
                 Paris`; gold parses in training, the parser's at prediction); gazetteer marks (longest \
                 multiword match: country, nationality, city, place, organisation) at ±1; word-list bits (given name, \
                 surname, organisation word, place word, title/honorific, place preposition, speech verb) at ±1; the \
                 capitalised run a word is in (capitalised words bridged by of/the/and/&/de/-: position in the run, the \
                 run's last word and its list bits, the list bits of the word before the run); document marks for the \
                 word (written in lower case elsewhere in the document; a capitalised occurrence follows a place \
                 preposition, a title or honorific, or `the`, or precedes a speech verb); and how the word is written in \
                 running text (case_stats). All lookups are hashed; per-sentence buffers are reused. Gazetteer \
                 entries are looked up only from capitalised words, and outside a name only capitalised words are \
                 scored (a name starts with a capital; the others are `O` without scoring), so the recogniser costs \
                 about a third of what it did with 37 templates scored on every word. At prediction time `B-MISC` \
                 gets a fixed bonus ({bias} weight units, stored with the weights): the six training genres have few other named \
                 things (games, platforms, festivals, diseases), so the model under-predicts them in other text and \
                 types them PER/ORG/GPE instead. The bonus is not added where `B-PER` leads and the capitalised run \
                 has a person cue (a given name, a title before it, or a word that elsewhere in the document follows \
                 a title or precedes a speech verb), so news people (`Karoline Leavitt told reporters`) stay PER. Predicted names end before an e-mail address, lose leading/trailing connector words and trailing \
                 lower-case words (not a proper noun joined by a hyphen, `Lee Cheuk - yan`), and must contain a capitalised word; a name inside a longer gazetteer entry takes \
                 the entry's neighbouring words that are tagged PROPN, or all of a city's words (`San` → `San \
                 Francisco`, `York` → `New York`; not `United`, which the treebanks tag ADJ in `United States`); a person's or place's name \
                 is split at a coordinator (`Morris and Goscinny`; not a gazetteer place such as `Trinidad and Tobago`); a given name and \
                 surname ending a longer name whose earlier part ends a place or organisation are split off as a person (`Port Authority \
                 Rick Cotton`, `District of Massachusetts Joshua Levy`; not after an initial, `K. Michael Stevens`, nor after a one-word \
                 place, `Chad Michael Murray`); a name that is exactly \
                 an entry of `misc_names.tsv` is MISC (ORG for its services, `Twitter`). A name of two or more words without `and` whose head (its last word, or the word \
                 before its first `of`) is an organisation word (`org_words.txt`, `name_words.tsv`) is ORG (`Nova Scotia \
                 Court of Appeal`, which the model typed a place); one opened by a place word (`Lake`, `Mount`, `Fort`: \
                 `placefirst` in `name_words.tsv`) is a place. Within a document every occurrence of a name string takes the \
                 type with the largest summed probability over its occurrences (softmax of each occurrence's `B-` type \
                 scores, temperature 3.7 weight units: a confident occurrence outweighs hesitant ones), a one-word \
                 name that repeats the last word of a person's multiword name (not one joined to another name by \
                 of/the/and, `Lee Cheuk-yan of the Labour Party`, which would make every `Party` a person) is a \
                 person (the first word of an organisation's name no longer makes an organisation: `Dhaka University` \
                 made `Dhaka` one), and missed capitalised repeats of a predicted name are added (one sense per \
                 discourse). Two names the rules stretch over the same words (`U.` and `S.`, each widened to the \
                 gazetteer's `U. S.`) are one.\n\n\
                 Gold names come from GUM's `Entity=` mentions: a mention is a name when \
                 its syntactic head is PROPN; the name is the PROPN run around the head bridged by `of`/`the`/`and`/`&`/`-`; \
                 nested names inside a longer name are dropped. Types: person → PER (Person), organization → ORG (Org), \
                 place → GPE (Gpe), other named things → MISC (Other). {ner_method}Known quirks of this definition: capitalised words UD tags \
                 ADJ/VERB are not part of a name (`the United States` → `States`, `Saudi Arabia` → `Arabia`, \
                 `European Union` → `Union`), and a name in apposition to a common-noun head of the same mention \
                 (`the island of Busuanga`, `interviewee David Titley`) is not a gold name.\n\n\
                 One recogniser is 8 perceptrons trained on different shuffles of the data with their averaged \
                 weights averaged (same features and cost as one; its dev score varies much less with the seed). \
                 `accord train` chooses the MISC bonus without the dev sets, by 5-fold cross-validation on the GUM \
                 training documents: for each fold, a recogniser trained without every fifth document (with the other \
                 corpora) runs in the whole pipeline over those documents for bonuses 0, 2, ..., 40, and the bonus with \
                 the best F1 over the five folds pooled is kept ({tried}). Features tried and not kept, and the figures behind these choices, are \
                 in docs/experiments.md (NER).\n\n\
                 Known limits: the MISC bonus trades recall for precision (names without a person cue, `Hannah`, `Iori`, \
                 become MISC), ORG recall is the lowest (student bodies, acronyms), \
                 GUM itself types some names inconsistently across documents (`God`, `Instagram`), capitalised \
                 common words and interjections the tagger calls PROPN (`Iodine`) are still names.\n\n\
                 ## Hyper-parameters\n\nepochs {} per perceptron, 8 perceptrons averaged, pruned below 0.01, i16 quantised.\n\n\
                 Training time: {}. Size: {} bytes (`ner.bin`).\n\n{common}",
                opts.epochs.unwrap_or(NER_EPOCHS),
                secs("ner"),
                size("ner.bin")
            ),
        ),
    ];
    for (name, text) in cards {
        let model = if name == "lemmas" { "tagger" } else { name };
        if !report.seconds.contains_key(model) {
            continue; // not trained in this run: keep its card
        }
        write(&opts.out.join(format!("{name}.md")), text.as_bytes())?;
    }
    Ok(())
}
