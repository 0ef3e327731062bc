//! # accord-models
//!
//! accord's own NLP backbone, trained in Rust from Universal Dependencies treebanks: a joint UPOS/XPOS
//! tagger, a lemmatiser, a labelled transition-based dependency parser and a named-entity recogniser,
//! all averaged perceptrons over hashed features with pruned, quantised weights embedded in the binary.
//!
//! Position in the flow: `Doc::new(text)` → segment (accord-text) → **models** → credits → entities →
//! attribution → dates → quantities.
//! [`Models::annotate`] fills every token's [`Analysis`] (tags, lemma, head, relation) and adds one
//! [`Mention`] of kind [`MentionKind::Name`] per recognised name.
//!
//! Training ([`train`]) reads the treebanks under `../shared` and writes `models/*.bin` plus model cards;
//! the shipped weights learn only from EWT train and the CC BY / CC BY-SA genres of GUM train
//! ([`conllu::LICENSED_GUM_GENRES`]).

#![warn(missing_docs)]
#![allow(clippy::needless_range_loop)]

pub mod conllu;
pub mod corpora;
pub mod eval;
pub mod lemma;
pub mod lex;
pub mod ner;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod train;
pub mod util;

use accord_doc::{Analysis, Doc, EntityType, Mention, MentionKind, Span, Stage, StageInfo, Sym};

/// The `models` stage: the tagger, lemmatiser, parser and name recogniser over a batch.
pub const STAGE_INFO: StageInfo = StageInfo {
    name: "models",
    reads: &["tokens", "sentences"],
    adds: &["tokens.upos", "tokens.xpos", "tokens.lemma", "tokens.head", "tokens.deprel", "mentions"],
    about: "part-of-speech tags, lemmas, dependency parse and named-entity mentions",
};

impl Stage for Models {
    fn info(&self) -> &'static StageInfo {
        &STAGE_INFO
    }
    fn run(&self, docs: &mut [Doc], timer: &mut accord_doc::stage::Timer<'_>) {
        self.annotate_batch(docs, &mut |part, d| {
            timer(
                match part {
                    "lexemes" => "models: lexemes",
                    "tag" => "models: tag",
                    "parse" => "models: parse",
                    _ => "models: names",
                },
                d,
            )
        })
    }
}
use lex::Lex;
use std::sync::{Arc, OnceLock};

/// Error loading or running models.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Weights missing or malformed.
    #[error("model {name}: {message}")]
    Load {
        /// Model name.
        name: String,
        /// What went wrong.
        message: String,
    },
    /// Training data missing or unreadable.
    #[error("training data {path}: {message}")]
    Data {
        /// File or folder.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// Writing weights or cards failed.
    #[error("writing {path}: {source}")]
    Write {
        /// File.
        path: String,
        /// Cause.
        source: std::io::Error,
    },
}

/// Weights embedded at compile time (written by `accord train`).
pub mod embedded {
    /// Tagger weights.
    pub const TAGGER: &[u8] = include_bytes!("../models/tagger.bin");
    /// Parser weights.
    pub const PARSER: &[u8] = include_bytes!("../models/parser.bin");
    /// Recogniser weights.
    pub const NER: &[u8] = include_bytes!("../models/ner.bin");
    /// Lemmatiser tables.
    pub const LEMMAS: &[u8] = include_bytes!("../models/lemmas.bin");
}

#[derive(Debug)]
struct Inner {
    tagger: tagger::Tagger,
    parser: parser::Parser,
    ner: ner::Ner,
    lemmas: lemma::Lemmatizer,
    upos: Vec<&'static str>,
    tag_hash: Vec<u64>,
    /// UPOS and XPOS per tag class and the parser's labels, as a token's [`Analysis`] keeps them.
    upos_sym: Vec<Sym>,
    xpos_sym: Vec<Sym>,
    labels_sym: Vec<Sym>,
    /// [`ner::rel_hash`] per parser label.
    rel_hash: Vec<u64>,
}

/// All shipped models, loaded once. Cheap to clone and share across threads.
#[derive(Debug, Clone, Default)]
pub struct Models {
    inner: Option<Arc<Inner>>,
}

static EMBEDDED: OnceLock<Result<Arc<Inner>, String>> = OnceLock::new();

/// The bytes of the weight file `file` in `dir`.
fn read_weights(dir: &std::path::Path, file: &str) -> Result<Vec<u8>, ModelError> {
    std::fs::read(dir.join(file)).map_err(|e| ModelError::Load { name: file.to_string(), message: e.to_string() })
}

/// One model read from its weight file `file` in `dir` by `parse` (errors name the file).
pub(crate) fn load_file<T>(
    dir: &std::path::Path,
    file: &str,
    parse: impl FnOnce(&[u8]) -> Result<T, String>,
) -> Result<T, ModelError> {
    parse(&read_weights(dir, file)?).map_err(load_err(file))
}

fn load_err(name: &str) -> impl Fn(String) -> ModelError + '_ {
    move |message| ModelError::Load { name: name.to_string(), message }
}

impl Models {
    /// Loads the models shipped with accord (embedded in the binary; parsed once per process).
    /// Before the first `accord train` the weight files are empty: then the models load as untrained and
    /// [`Models::annotate`] does nothing.
    pub fn load() -> Result<Models, ModelError> {
        if embedded::TAGGER.is_empty()
            || embedded::PARSER.is_empty()
            || embedded::NER.is_empty()
            || embedded::LEMMAS.is_empty()
        {
            return Ok(Models { inner: None });
        }
        let r = EMBEDDED.get_or_init(|| {
            Self::from_bytes(embedded::TAGGER, embedded::PARSER, embedded::NER, embedded::LEMMAS)
                .map(|m| m.inner.unwrap())
                .map_err(|e| e.to_string())
        });
        match r {
            Ok(i) => Ok(Models { inner: Some(i.clone()) }),
            Err(e) => Err(ModelError::Load { name: "embedded".into(), message: e.clone() }),
        }
    }

    /// Loads models from weight files in `dir` (`tagger.bin`, `parser.bin`, `ner.bin`, `lemmas.bin`).
    pub fn from_dir(dir: &std::path::Path) -> Result<Models, ModelError> {
        let read = |n: &str| read_weights(dir, n);
        Self::from_bytes(&read("tagger.bin")?, &read("parser.bin")?, &read("ner.bin")?, &read("lemmas.bin")?)
    }

    /// Loads models from serialised weights.
    pub fn from_bytes(tagger: &[u8], parser: &[u8], ner: &[u8], lemmas: &[u8]) -> Result<Models, ModelError> {
        let tagger = tagger::Tagger::read(tagger).map_err(load_err("tagger"))?;
        let parser = parser::Parser::read(parser).map_err(load_err("parser"))?;
        let ner = ner::Ner::read(ner).map_err(load_err("ner"))?;
        let lemmas = lemma::Lemmatizer::read(lemmas).map_err(load_err("lemmas"))?;
        Ok(Models::assemble(tagger, parser, ner, lemmas))
    }

    /// The models from their parts.
    pub fn assemble(
        tagger: tagger::Tagger,
        parser: parser::Parser,
        ner: ner::Ner,
        lemmas: lemma::Lemmatizer,
    ) -> Models {
        let upos_sym: Vec<Sym> = tagger.classes.iter().map(|c| Sym::intern(&c.0)).collect();
        let upos = upos_sym.iter().map(|s| s.as_str()).collect();
        let xpos_sym = tagger.classes.iter().map(|c| Sym::intern(&c.1)).collect();
        let tag_hash = tagger.classes.iter().map(|c| parser::tag_hash(&c.0, &c.1)).collect();
        let labels_sym = parser.labels.iter().map(|l| Sym::intern(l)).collect();
        let rel_hash = parser.labels.iter().map(|l| ner::rel_hash(l)).collect();
        Models {
            inner: Some(Arc::new(Inner {
                tagger,
                parser,
                ner,
                lemmas,
                upos,
                tag_hash,
                upos_sym,
                xpos_sym,
                labels_sym,
                rel_hash,
            })),
        }
    }

    /// The parts back (`None` when untrained or shared with another `Models`).
    pub fn into_parts(self) -> Option<(tagger::Tagger, parser::Parser, ner::Ner, lemma::Lemmatizer)> {
        let inner = Arc::try_unwrap(self.inner?).ok()?;
        Some((inner.tagger, inner.parser, inner.ner, inner.lemmas))
    }

    /// True when trained weights are loaded.
    pub fn is_trained(&self) -> bool {
        self.inner.is_some()
    }

    /// Number of stored weights per model: (tagger, parser, recogniser).
    pub fn n_weights(&self) -> (usize, usize, usize) {
        self.inner.as_ref().map(|i| (i.tagger.n_weights(), i.parser.n_weights(), i.ner.n_weights())).unwrap_or_default()
    }

    /// Adds tags, lemmas, dependencies (token `analysis`) and named-entity mentions to `doc`.
    /// Needs `doc.sentences` and `doc.tokens` from the segment stage.
    pub fn annotate(&self, doc: &mut Doc) {
        self.annotate_batch(std::slice::from_mut(doc), &mut |_, _| {})
    }

    /// [`Models::annotate`] for several documents, one model at a time over all of them (lexemes, tags,
    /// parses, then names), so each model's tables stay warm in the cache instead of the models evicting
    /// each other document by document: about 10–15 % faster over batches of tens of documents than one
    /// document at a time, with the same output. Reports the time of each part over the batch to
    /// `timer`: `lexemes` (word features and gazetteer marks), `tag`, `parse`, and `names` (lemmas and
    /// named entities).
    pub fn annotate_batch(&self, docs: &mut [Doc], timer: &mut dyn FnMut(&'static str, std::time::Duration)) {
        let Some(m) = &self.inner else { return };
        // this thread's buffers from the previous batch (no fresh pages per document)
        let mut buffers = BUFFERS.with(|b| b.take()).unwrap_or_default();
        let Buffers { scratch, work } = &mut *buffers;
        // a long document goes alone, one part at a time (memory bounded by the part, not the document)
        let (long, short): (Vec<usize>, Vec<usize>) =
            (0..docs.len()).partition(|&d| docs[d].tokens.len() > PART_TOKENS);
        for d in long {
            if work.is_empty() {
                work.push(DocWork::default());
            }
            m.annotate_long(&mut docs[d], &mut work[0], scratch, timer);
        }
        if work.len() < short.len() {
            work.resize_with(short.len(), DocWork::default);
        }
        // each document's lexemes just before it is tagged (they are still in the cache when read)
        let mut times = [std::time::Duration::ZERO; 2];
        for (&d, w) in short.iter().zip(work.iter_mut()) {
            let doc = &docs[d];
            let t = std::time::Instant::now();
            w.lex.clear();
            w.lex.extend((0..doc.tokens.len()).map(|i| Lex::new(doc.token_norm(i))));
            let t2 = std::time::Instant::now();
            times[0] += t2 - t;
            m.tag_doc(doc, w, scratch, 0..doc.sentences.len(), 0);
            times[1] += t2.elapsed();
        }
        timer("lexemes", times[0]);
        timer("tag", times[1]);
        let t = std::time::Instant::now();
        for (&d, w) in short.iter().zip(work.iter_mut()) {
            m.parse_doc(&docs[d], w, scratch, 0..docs[d].sentences.len(), 0);
        }
        timer("parse", t.elapsed());
        let t = std::time::Instant::now();
        for (&d, w) in short.iter().zip(work.iter_mut()) {
            let doc = &mut docs[d];
            m.ner.gazetteer.doc_marks(doc.sentences.iter().map(|s| &w.lex[s.tokens.clone()]), &mut w.marks);
            let (mut mentions, mut conf) = (Vec::new(), Vec::new());
            m.name_doc(doc, w, scratch, 0..doc.sentences.len(), 0, &mut mentions, &mut conf);
            finish_names(doc, mentions, &conf);
        }
        timer("names", t.elapsed());
        // a long document's buffers are not kept for the next batch
        if work.first().is_some_and(|w| w.lex.capacity() > PART_TOKENS + PART_TOKENS / 2) {
            work.clear();
        }
        BUFFERS.with(|b| b.set(Some(buffers)));
    }
}

/// Tokens above which a document's models run one part (whole sentences, at most this many tokens) at a
/// time, instead of over the whole document at once: the per-token working tables (lexemes, tags, heads)
/// then stay the size of a part. News articles are far shorter; the output is the same either way (each
/// sentence sees the same input, and the document-level marks of the recogniser are gathered first).
pub const PART_TOKENS: usize = 1 << 16;

/// Consecutive sentence ranges of `doc` holding at most [`PART_TOKENS`] tokens each (a sentence longer
/// than that makes a part of its own).
fn parts(doc: &Doc) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut tokens = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        if tokens + s.tokens.len() > PART_TOKENS && i > start {
            out.push(start..i);
            start = i;
            tokens = 0;
        }
        tokens += s.tokens.len();
    }
    if start < doc.sentences.len() {
        out.push(start..doc.sentences.len());
    }
    out
}

impl Inner {
    /// Lexemes of the tokens of sentences `sents` of `doc` into `w.lex`; returns the first token's index.
    fn part_lexemes(doc: &Doc, w: &mut DocWork, sents: &std::ops::Range<usize>) -> usize {
        let from = doc.sentences[sents.start].tokens.start;
        let to = doc.sentences[sents.end - 1].tokens.end;
        w.lex.clear();
        w.lex.extend((from..to).map(|i| Lex::new(doc.token_norm(i))));
        from
    }

    /// [`Models::annotate`] for a long document, one part at a time: first the recogniser's document
    /// marks over all parts, then tags, parses and names part by part (each part's times go to `timer`).
    fn annotate_long(
        &self,
        doc: &mut Doc,
        w: &mut DocWork,
        sc: &mut Scratch,
        timer: &mut dyn FnMut(&'static str, std::time::Duration),
    ) {
        let parts = parts(doc);
        let t = std::time::Instant::now();
        let mut marks = util::FastMap::default();
        for p in &parts {
            let off = Self::part_lexemes(doc, w, p);
            self.ner.gazetteer.doc_marks(
                doc.sentences[p.clone()].iter().map(|s| &w.lex[s.tokens.start - off..s.tokens.end - off]),
                &mut w.marks,
            );
            for (&k, &v) in &w.marks {
                *marks.entry(k).or_insert(0) |= v;
            }
        }
        timer("lexemes", t.elapsed());
        let (mut mentions, mut conf) = (Vec::new(), Vec::new());
        for p in parts {
            let t = std::time::Instant::now();
            let off = Self::part_lexemes(doc, w, &p);
            let t2 = std::time::Instant::now();
            timer("lexemes", t2 - t);
            self.tag_doc(doc, w, sc, p.clone(), off);
            let t3 = std::time::Instant::now();
            timer("tag", t3 - t2);
            self.parse_doc(doc, w, sc, p.clone(), off);
            let t4 = std::time::Instant::now();
            timer("parse", t4 - t3);
            std::mem::swap(&mut w.marks, &mut marks);
            self.name_doc(doc, w, sc, p, off, &mut mentions, &mut conf);
            std::mem::swap(&mut w.marks, &mut marks);
            timer("names", t4.elapsed());
        }
        let t = std::time::Instant::now();
        finish_names(doc, mentions, &conf);
        timer("names", t.elapsed());
    }

    /// Tags sentences `sents` of `doc` (lexemes in `w.lex`, from token `off`): class ids to `w.tags`, their
    /// hashes to `w.th` (indexed from `off`).
    fn tag_doc(&self, doc: &Doc, w: &mut DocWork, sc: &mut Scratch, sents: std::ops::Range<usize>, off: usize) {
        let ntok = w.lex.len();
        w.tags.clear();
        w.tags.resize(ntok, 0);
        w.th.clear();
        w.th.resize(ntok, 0);
        for s in &doc.sentences[sents] {
            let range = s.tokens.start - off..s.tokens.end - off;
            if range.is_empty() {
                continue;
            }
            self.tagger.tag(
                &w.lex[range.clone()],
                &mut sc.tags,
                &mut sc.lp,
                &mut sc.amb,
                &mut sc.feats,
                &mut sc.scores,
            );
            w.tags[range.clone()].copy_from_slice(&sc.tags);
            for (h, &t) in w.th[range].iter_mut().zip(sc.tags.iter()) {
                *h = self.tag_hash[t as usize];
            }
        }
    }

    /// Parses sentences `sents` of `doc`: document-level heads to `w.heads`, label ids to `w.rels` (both
    /// indexed from token `off`).
    fn parse_doc(&self, doc: &Doc, w: &mut DocWork, sc: &mut Scratch, sents: std::ops::Range<usize>, off: usize) {
        let ntok = w.lex.len();
        w.heads.clear();
        w.heads.resize(ntok, None);
        w.rels.clear();
        w.rels.resize(ntok, 0);
        for s in &doc.sentences[sents] {
            let range = s.tokens.start - off..s.tokens.end - off;
            if range.is_empty() {
                continue;
            }
            let n = range.len();
            self.parser
                .parse(&parser::Input { lex: &w.lex[range.clone()], tags: &w.th[range.clone()] }, &mut sc.pscratch);
            for (k, i) in range.enumerate() {
                let h = sc.pscratch.state.heads[k] as usize;
                w.heads[i] = if h >= n { None } else { Some(i + off - k + h) };
                w.rels[i] = sc.pscratch.state.labels[k];
            }
        }
    }

    /// Lemmas and the token analyses, then named entities, for `doc` (tagged and parsed in `w`).
    #[allow(clippy::too_many_arguments)]
    fn name_doc(
        &self,
        doc: &mut Doc,
        w: &DocWork,
        sc: &mut Scratch,
        sents: std::ops::Range<usize>,
        off: usize,
        mentions: &mut Vec<Mention>,
        conf: &mut Vec<[f32; 4]>,
    ) {
        let m = self;
        let Scratch { lp, feats, scores, nctx, bio, misc_marks, typed, lower_buf, sent_heads, sent_rels, .. } = sc;
        let DocWork { lex: doc_lex, tags: doc_tags, th: doc_th, marks, heads, rels } = w;
        let scale = m.ner.scale();
        for si in sents {
            let range = doc.sentences[si].tokens.clone();
            if range.is_empty() {
                continue;
            }
            let local = range.start - off..range.end - off;
            let lex = &doc_lex[local.clone()];
            let th = &doc_th[local.clone()];
            let tags = &doc_tags[local.clone()];
            let n = lex.len();
            tagger::pad(lex, lp);
            m.ner.gazetteer.context(lex, marks, nctx);
            sent_heads.clear();
            sent_heads.extend(heads[local.clone()].iter().map(|h| h.map_or(n as u32, |h| (h - range.start) as u32)));
            sent_rels.clear();
            sent_rels.extend(rels[local.clone()].iter().map(|&r| m.rel_hash[r as usize]));
            ner::syntax(lex, th, sent_heads, sent_rels, nctx);
            m.ner.tag_typed(
                &ner::Input { lp, tags: th, ctx: nctx, headline: ner::is_headline(lex) },
                bio,
                feats,
                scores,
                Some(&mut *typed),
            );
            let base = range.start;
            for i in range.clone() {
                let t = doc_tags[i - off] as usize;
                let lemma = m.lemmas.lemma_with(doc.token_norm(i), m.upos[t], lower_buf);
                doc.tokens[i].analysis = Some(Analysis::new(
                    m.upos_sym[t],
                    m.xpos_sym[t],
                    lemma,
                    heads[i - off],
                    m.labels_sym[rels[i - off] as usize],
                ));
            }
            let norm = |k: usize| doc.token_norm(base + k);
            let mut found = ner::spans(bio);
            ner::split_coordinated(&mut found, &nctx.gaz, norm);
            ner::join_given_names(&mut found, &nctx.wb);
            let tails = ner::split_person_tail(&mut found, lex, &nctx.gaz, &nctx.wb, norm);
            for (a, b, ty, c) in found {
                let split_person = tails.contains(&a);
                let mut tconf = typed[c].map(|x| x as f32 * scale);
                let propn = |k: usize| m.upos[tags[k] as usize] == "PROPN";
                let Some((a, b)) = ner::name_bounds(lex, &nctx.gaz, norm, propn, a, b) else { continue };
                let span = Span::new(doc.tokens[base + a].span.start, doc.tokens[base + b - 1].span.end);
                // two names the rules stretched over the same words (`U.` and `S.`, each widened to the
                // gazetteer's `U. S.`) are one: the first stays
                if mentions.last().is_some_and(|m| m.sentence == si && m.span.end > span.start) {
                    continue;
                }
                // a name that is exactly an entry of the list of other named things takes its type (`Twitter`
                // ORG, `Linux` MISC), else one its head or first word types (`Court of Appeal`, `Lake Erie`)
                // a type the rules give outright votes for that type alone in the document's vote
                let ruled = if split_person {
                    Some("PER")
                } else {
                    m.ner.listed_type(&lex[a..b], misc_marks).or_else(|| ner::head_word_type(&nctx.wb, norm, a, b))
                };
                let ty = match ruled {
                    Some(t) => {
                        let k = ["PER", "ORG", "GPE", "MISC"].iter().position(|&x| x == t).unwrap_or(3);
                        tconf = [-1e9; 4];
                        tconf[k] = 0.0;
                        t
                    }
                    None => ty,
                };
                let etype = match ty {
                    "PER" => EntityType::Person,
                    "ORG" => EntityType::Org,
                    "GPE" => EntityType::Gpe,
                    _ => EntityType::Other,
                };
                mentions.push(Mention {
                    kind: MentionKind::Name,
                    etype: Some(etype),
                    span,
                    head_span: span,
                    entity: None,
                    sentence: si,
                });
                conf.push(tconf);
            }
        }
    }
}

/// The names found in every sentence of `doc` (with their type scores `conf`): made consistent over the
/// document, then added to its mentions.
fn finish_names(doc: &mut Doc, mut mentions: Vec<Mention>, conf: &[[f32; 4]]) {
    ner::consistent_names(doc, &mut mentions, conf);
    if doc.mentions.is_empty() {
        doc.mentions = mentions;
    } else {
        doc.mentions.extend(mentions);
        doc.mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    }
}

/// Working buffers of [`Models::annotate_batch`], kept per thread between batches.
#[derive(Default)]
struct Buffers {
    scratch: Scratch,
    /// One per document of the batch.
    work: Vec<DocWork>,
}

/// Per-sentence scratch of the three models.
#[derive(Default)]
struct Scratch {
    lp: Vec<Lex>,
    tags: Vec<u16>,
    amb: Vec<u64>,
    feats: Vec<u64>,
    scores: Vec<i32>,
    pscratch: parser::Scratch,
    nctx: ner::Ctx,
    bio: Vec<u16>,
    misc_marks: Vec<u8>,
    typed: Vec<[i32; 4]>,
    lower_buf: String,
    sent_heads: Vec<u32>,
    sent_rels: Vec<u64>,
}

/// What the models found in one document of a batch, handed from one model to the next.
#[derive(Default)]
struct DocWork {
    /// Lexeme per token.
    lex: Vec<Lex>,
    /// Gazetteer marks of the document.
    marks: util::FastMap<u64, u8>,
    /// Tag class per token, and its hash.
    tags: Vec<u16>,
    th: Vec<u64>,
    /// Head (document token index; `None` for the root) and label id per token.
    heads: Vec<Option<usize>>,
    rels: Vec<u16>,
}

thread_local! {
    static BUFFERS: std::cell::Cell<Option<Box<Buffers>>> = const { std::cell::Cell::new(None) };
}
