//! `accord parse`, `accord train`, `accord bench`: the NLP backbone's commands (accord-models).
use accord_models::{conllu, eval, train, Models};
use accord_pipeline::{Options, Pipeline};
use anyhow::Context;
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Input formats of `accord parse`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Raw text: segmented by accord-text, then analysed.
    Text,
    /// Gold CoNLL-U: its words are kept, tags/lemmas/heads/relations are predicted.
    Conllu,
}

/// Arguments of `accord parse`.
#[derive(clap::Args)]
pub struct ParseArgs {
    /// Input file (raw text, or CoNLL-U with --input-format conllu; `.conllu` files are detected).
    pub input: PathBuf,
    /// Input format.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// Write the CoNLL-U here instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// With CoNLL-U input: print the treebank evaluation (tags, dependencies, sentence boundaries, names,
    /// coreference) instead of writing CoNLL-U, like `accord eval --treebank`.
    #[arg(long)]
    pub score: bool,
}

/// Arguments of `accord train`.
#[derive(clap::Args)]
pub struct TrainArgs {
    /// Shared data folder holding data/treebanks.
    #[arg(long, default_value = "../shared")]
    pub shared: PathBuf,
    /// Output folder for the tagger's, parser's, recogniser's and lemmatiser's weights and cards (the
    /// folder `accord-models` embeds).
    #[arg(long, default_value = "crates/accord-models/models")]
    pub out: PathBuf,
    /// Output folder for the learned attribution scorer's weights and card (the folder
    /// `accord-attribution` embeds).
    #[arg(long, default_value = "crates/accord-attribution/models")]
    pub attribution_out: PathBuf,
    /// Train on at most N sentences of each treebank (quick runs, tests).
    #[arg(long, value_name = "N")]
    pub limit_sentences: Option<usize>,
    /// Training epochs for every model (default: tagger 8, parser 16, recogniser 16).
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Train one model only (`attribution`: the learned-attribution scorer, from PolNeAR train, read
    /// off the parse of the models built into this binary; `layout`: no training, only store the rows of
    /// the weights in --out in order of use on the training data, which every training run does last).
    #[arg(long, value_parser = ["tagger", "parser", "ner", "attribution", "layout"])]
    pub only: Option<String>,
    /// Attribution scorer: train on at most N PolNeAR train articles (quick runs, tests).
    #[arg(long, value_name = "N")]
    pub limit_docs: Option<usize>,
    /// Seed of the shuffling PRNG.
    #[arg(long, default_value_t = 20240607)]
    pub seed: u64,
    /// Skip the dev-set evaluation (and the scores in the model cards).
    #[arg(long)]
    pub no_eval: bool,
    /// Instead of training: cross-validate the recogniser on the GUM training documents, for these folds
    /// of 5 (by document, e.g. `0,1,2,3,4`; training chooses the MISC bonus on all five pooled), with
    /// the corpora of --ner-corpora and the tagger, parser and lemmatiser in --out. Prints the held-out
    /// name F1 per fold and MISC bonus and, for several folds, pooled; writes nothing. Minutes per fold.
    #[arg(long, value_delimiter = ',', value_name = "FOLDS")]
    pub ner_folds: Vec<usize>,
    /// Instead of training: train the parser (as a training run does) on the training sentences whose
    /// index is not 0 mod K and print its UAS/LAS on the others (K at least 2); writes nothing. Minutes.
    #[arg(long, value_name = "K", conflicts_with = "ner_folds")]
    pub parser_heldout: Option<usize>,
    /// Instead of training: cross-fit the learned-attribution scorer on PolNeAR train in K folds of
    /// articles (each fold's candidates scored by a scorer trained on the others, with the models built
    /// into this binary) and print content F1@0.3 and speaker-mention accuracy of the rules alone and of
    /// rules + candidates by threshold: what held-out articles of the same kind get. Writes nothing.
    /// A few seconds.
    #[arg(long, value_name = "K", conflicts_with_all = ["ner_folds", "parser_heldout"])]
    pub attribution_folds: Option<usize>,
    /// Named-entity corpora under --shared the recogniser learns from besides GUM train, comma-separated
    /// (`wikigold`, `btc-a`, `btc-b`, `btc-e`, `btc-f`, `btc-g`, `wnut17`; `NAME*N`: its sentences N
    /// times; `none`: GUM only). Default: the shipped choice (see the recogniser's card).
    #[arg(long, value_delimiter = ',', value_name = "CORPORA")]
    pub ner_corpora: Option<Vec<String>>,
}

/// Arguments of `accord bench`.
#[derive(clap::Args)]
pub struct BenchArgs {
    /// Corpus files or folders (.txt, .jsonl).
    #[arg(required = true)]
    pub corpus: Vec<PathBuf>,
    /// Passes over the corpus for each measurement (the best is reported).
    #[arg(long, default_value_t = 1)]
    pub repeat: usize,
    /// Documents per batch: each model runs over a whole batch before the next (1 = one document at a
    /// time, as a caller that processes single articles sees it); a batch also closes at 256 KiB of text
    #[arg(long, default_value_t = accord_pipeline::BATCH_DOCS)]
    pub batch: usize,
    /// Instead: time and peak memory of one article of each size in --sizes, made from the corpus texts
    /// in three shapes (with paragraph breaks, without, and without sentence ends either), each analysed
    /// in a fresh process so that the memory figures are independent.
    #[arg(long)]
    pub scaling: bool,
    /// Article sizes (MB) for --scaling.
    #[arg(long, value_delimiter = ',', default_value = "0.1,1,5,10")]
    pub sizes: Vec<f64>,
    /// One --scaling measurement (`SIZE_MB:SHAPE`), in this process (what --scaling runs as a child).
    #[arg(long, hide = true)]
    pub scaling_child: Option<String>,
}

/// Runs `accord parse`.
pub fn parse(a: ParseArgs) -> anyhow::Result<ExitCode> {
    let fmt = a.input_format.unwrap_or(if a.input.extension().is_some_and(|e| e == "conllu") {
        InputFormat::Conllu
    } else {
        InputFormat::Text
    });
    if a.score {
        anyhow::ensure!(fmt == InputFormat::Conllu, "--score needs CoNLL-U input");
        let mut w = std::io::stdout().lock();
        accord_eval::treebank::run(&a.input, 0, &mut w)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    match fmt {
        InputFormat::Conllu => {
            let models = Models::load()?;
            anyhow::ensure!(models.is_trained(), "the models are not trained: run `accord train` and rebuild");
            let sents = conllu::read_file(&a.input).with_context(|| format!("reading {}", a.input.display()))?;
            eval::score(&models, &sents, |doc, ds| eval::write_predicted(doc, ds, &mut out));
        }
        InputFormat::Text => {
            let raw = accord_ingest::read_text_file(&a.input)?;
            let pipeline =
                // names as the entities stage leaves them (it can retype a name); no quotes, dates or numbers
                Pipeline::new(Options::only(&["segment", "models", "credits", "entities"]))?;
            let doc = pipeline.process(raw);
            write_doc_conllu(&doc, &mut out);
        }
    }
    match &a.out {
        Some(p) => std::fs::write(p, out).with_context(|| format!("writing {}", p.display()))?,
        None => std::io::stdout().lock().write_all(out.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// CoNLL-U of an analysed document (named entities as `NE=B-PER` in MISC).
fn write_doc_conllu(doc: &accord_doc::Doc, out: &mut String) {
    use std::fmt::Write as _;
    let mut ne = vec![String::new(); doc.tokens.len()];
    for m in &doc.mentions {
        if m.kind != accord_doc::MentionKind::Name {
            continue;
        }
        let a = doc.token_at_or_after(m.span.start);
        let b = doc.token_at_or_after(m.span.end);
        let l = m.etype.map(|e| e.label()).unwrap_or("MISC");
        for (k, n) in ne.iter_mut().enumerate().take(b).skip(a) {
            *n = format!("NE={}-{l}", if k == a { "B" } else { "I" });
        }
    }
    let _ = writeln!(out, "# newdoc id = {}", doc.meta.id);
    for (si, s) in doc.sentences.iter().enumerate() {
        let _ = writeln!(out, "# sent_id = {}", si + 1);
        let _ = writeln!(out, "# text = {}", doc.slice(s.span).replace('\n', " "));
        for i in s.tokens.clone() {
            let t = &doc.tokens[i];
            let a = t.analysis.clone().unwrap_or_default();
            let head = a.head().map(|h| h - s.tokens.start + 1).unwrap_or(0);
            let mut misc: Vec<String> = Vec::new();
            if !t.space_after {
                misc.push("SpaceAfter=No".into());
            }
            if !ne[i].is_empty() {
                misc.push(ne[i].clone());
            }
            let e = |x: &str| if x.is_empty() { "_".to_string() } else { x.to_string() };
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                i - s.tokens.start + 1,
                doc.token_norm(i),
                e(&a.lemma),
                e(a.upos()),
                e(a.xpos()),
                head,
                e(a.deprel()),
                if misc.is_empty() { "_".to_string() } else { misc.join("|") }
            );
        }
        out.push('\n');
    }
}

/// Runs `accord train`.
pub fn train(a: TrainArgs) -> anyhow::Result<ExitCode> {
    if let Some(f) = a.ner_folds.iter().find(|&&f| f >= 5) {
        return Err(crate::usage!("--ner-folds: fold {f} is not one of 0..=4"));
    }
    if a.parser_heldout.is_some_and(|k| k < 2) {
        return Err(crate::usage!("--parser-heldout: K must be at least 2"));
    }
    if a.attribution_folds.is_some_and(|k| k < 2) {
        return Err(crate::usage!("--attribution-folds: K must be at least 2"));
    }
    let t = Instant::now();
    // progress: one timed line per training step (nothing with -q)
    let mut log = |m: String| {
        if !super::term::quiet() {
            eprintln!("[{:>6.1}s] {m}", t.elapsed().as_secs_f64())
        }
    };
    let learn = accord_eval::learn::LearnOptions {
        corpus: accord_eval::learn::polnear_train(&a.shared),
        out: a.attribution_out.clone(),
        limit_docs: a.limit_docs,
        epochs: 8,
        seed: a.seed,
    };
    if let Some(k) = a.attribution_folds {
        anyhow::ensure!(learn.corpus.is_dir(), "{} is missing (use --shared DIR)", learn.corpus.display());
        let r = accord_eval::learn::crossfit_attribution(&learn, k, &mut log)?;
        println!("attribution cross-fitted on {} articles of PolNeAR train in {} folds:", r.docs, r.folds);
        println!("  rules alone: content F1@0.3 {:.3}, speaker-mention accuracy {:.3}", r.rules.0, r.rules.1);
        for (th, f, sp) in &r.by_threshold {
            println!("  threshold {th:.2}: content F1@0.3 {f:.3}, speaker-mention accuracy {sp:.3}");
        }
        if let Some(shipped) = r.shipped {
            if let Some((th, f, sp)) = r.by_threshold.iter().find(|(th, _, _)| (th - shipped).abs() < 1e-4) {
                println!("  at the shipped threshold {th:.2}: content F1@0.3 {f:.3}, speaker-mention accuracy {sp:.3}");
            }
        }
        println!(
            "  chosen as training would choose (speaker within {:.2} of the rules'): threshold {:.2}, content F1@0.3 {:.3}, speaker-mention accuracy {:.3}",
            accord_eval::learn::SPEAKER_SLACK,
            r.chosen.0,
            r.chosen.1,
            r.chosen.2
        );
        return Ok(ExitCode::SUCCESS);
    }
    if a.only.as_deref() == Some("attribution") {
        anyhow::ensure!(learn.corpus.is_dir(), "{} is missing (use --shared DIR)", learn.corpus.display());
        accord_eval::learn::train_attribution(&learn, &mut log)?;
        eprintln!(
            "done in {:.1}s; rebuild accord to embed the new weights (cargo build --release -p accord-cli)",
            t.elapsed().as_secs_f64()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let opts = train::Options {
        shared: a.shared.clone(),
        out: a.out.clone(),
        limit_sentences: a.limit_sentences,
        epochs: a.epochs,
        only: a.only.clone(),
        seed: a.seed,
        skip_eval: a.no_eval,
        ner_corpora: match &a.ner_corpora {
            Some(c) => c.iter().filter(|c| c.as_str() != "none").cloned().collect(),
            None => train::Options::default().ner_corpora,
        },
    };
    anyhow::ensure!(
        a.shared.join("data/treebanks").is_dir(),
        "{} has no data/treebanks (use --shared DIR)",
        a.shared.display()
    );
    if !a.ner_folds.is_empty() {
        return ner_folds(&a, &opts, &mut log);
    }
    if let Some(k) = a.parser_heldout {
        let r = train::parser_heldout(&opts, k, &mut log)?;
        println!(
            "parser, held out 1/{} of the training sentences ({} sentences, {} words): UAS {:.2} LAS {:.2} \
             (labels with subtypes)",
            r.k, r.sentences, r.words, r.uas, r.las
        );
        return Ok(ExitCode::SUCCESS);
    }
    let t = Instant::now();
    let report = train::train(&opts, &mut |m| {
        if !super::term::quiet() {
            eprintln!("[{:>6.1}s] {m}", t.elapsed().as_secs_f64())
        }
    })?;
    train::write_cards(&opts, &report)?;
    if a.only.is_none() && learn.corpus.is_dir() {
        // read off the parse of the models built into this binary: after retraining them, rebuild and
        // run `accord train --only attribution` again
        accord_eval::learn::train_attribution(&learn, &mut log)?;
        eprintln!("the attribution scorer used the models built into this binary; after a rebuild, run `accord train --only attribution` again");
    }
    eprintln!("done in {:.1}s; weights and cards in {}", t.elapsed().as_secs_f64(), a.out.display());
    if a.out.canonicalize().ok()
        == PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../accord-models/models").canonicalize().ok()
    {
        eprintln!("rebuild accord to embed the new weights (cargo build --release -p accord-cli)");
    }
    Ok(ExitCode::SUCCESS)
}

/// `accord train --ner-folds`: the recogniser's cross-validation, printed.
fn ner_folds(a: &TrainArgs, opts: &train::Options, log: &mut dyn FnMut(String)) -> anyhow::Result<ExitCode> {
    let folds = train::cross_validate_ner(opts, &a.ner_folds, log)?;
    let by_bonus = |b: &[(f32, std::collections::BTreeMap<&'static str, eval::Prf>)]| -> String {
        b.iter().map(|(b, m)| format!(" {b:.0}:{:.3}", train::micro(m).f1())).collect()
    };
    for f in &folds {
        let (b, f1) = f.best();
        println!(
            "fold {} ({} sentences, trained in {:.1}s): best {f1:.3} at {b}; {}",
            f.fold,
            f.sentences,
            f.train_seconds,
            by_bonus(&f.by_bonus)
        );
    }
    if folds.len() > 1 {
        let pooled = train::pooled(&folds);
        let (b, f1) = train::best_bonus(&pooled);
        let at = &pooled.iter().find(|(x, _)| *x == b).expect("the best bonus is one of them").1;
        let per: String =
            at.iter().map(|(k, v)| format!(" {k} P {:.3} R {:.3} F1 {:.3}", v.p(), v.r(), v.f1())).collect();
        println!("pooled: best {f1:.3} at {b};{per}\npooled by bonus:{}", by_bonus(&pooled));
    }
    Ok(ExitCode::SUCCESS)
}

/// CPU time (user + system) of this process so far, in seconds (from /proc/self/stat).
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn peak_rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

/// Shapes of the generated articles of `accord bench --scaling`.
const SHAPES: [&str; 3] = ["paragraphs", "one-paragraph", "no-sentence-ends"];

/// One article of `bytes` bytes (cut at a character boundary) made by joining the corpus texts in order,
/// as often as needed: `paragraphs` keeps their paragraph breaks and separates them by one;
/// `one-paragraph` turns every run of whitespace into one space; `no-sentence-ends` also drops every
/// `.`, `!` and `?`.
pub fn scaling_text(texts: &[String], bytes: usize, shape: &str) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let flat = shape != "paragraphs";
    if texts.iter().all(|t| t.trim().is_empty()) {
        return out;
    }
    for t in texts.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        if !out.is_empty() {
            out.push_str(if flat { " " } else { "\n\n" });
        }
        if flat {
            for (i, w) in t.split_whitespace().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                if shape == "no-sentence-ends" {
                    out.extend(w.chars().filter(|c| !matches!(c, '.' | '!' | '?')));
                } else {
                    out.push_str(w);
                }
            }
        } else {
            out.push_str(t.trim());
        }
    }
    let mut cut = bytes.min(out.len());
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
    out
}

/// Peak and current resident memory of this process (VmHWM, VmRSS), in KiB.
fn rss_kib(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines().find(|l| l.starts_with(field))?.split_whitespace().nth(1)?.parse().ok()
}

/// `accord bench --scaling-child SIZE:SHAPE`: analyses one generated article and prints its figures as
/// one JSON line.
fn scaling_child(a: &BenchArgs, spec: &str) -> anyhow::Result<ExitCode> {
    let (size, shape) = spec.split_once(':').context("--scaling-child SIZE_MB:SHAPE")?;
    let mb: f64 = size.parse().context("--scaling-child: size in MB")?;
    anyhow::ensure!(SHAPES.contains(&shape), "--scaling-child: unknown shape {shape}");
    let mut texts = Vec::new();
    for p in accord_ingest::expand_paths(&a.corpus) {
        for d in accord_ingest::read_path(&p) {
            texts.push(d?.text);
        }
    }
    let text = scaling_text(&texts, (mb * 1e6) as usize, shape);
    drop(texts);
    let bytes = text.len();
    let pipeline = Pipeline::new(Options::default())?;
    let base_kib = rss_kib("VmRSS:").unwrap_or(0);
    let raw = accord_pipeline::RawDoc {
        text,
        meta: accord_doc::Meta { id: format!("scaling-{size}-{shape}"), ..Default::default() },
    };
    let c0 = cpu_seconds();
    let t = Instant::now();
    let doc = pipeline.process(raw);
    let secs = t.elapsed().as_secs_f64();
    let cpu = match (c0, cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => secs,
    };
    let v = serde_json::json!({
        "mb": bytes as f64 / 1e6, "shape": shape, "seconds": secs, "cpu_seconds": cpu,
        "tokens": doc.tokens.len(), "sentences": doc.sentences.len(), "attributions": doc.attributions.len(),
        "peak_mib": rss_kib("VmHWM:").unwrap_or(0) as f64 / 1024.0, "base_mib": base_kib as f64 / 1024.0,
    });
    println!("{v}");
    Ok(ExitCode::SUCCESS)
}

/// `accord bench --scaling`: one child process per size and shape, then the table.
fn scaling(a: &BenchArgs) -> anyhow::Result<ExitCode> {
    let exe = std::env::current_exe().context("finding the accord binary")?;
    println!("one article per size, analysed alone in a fresh process (time: CPU seconds of the analysis; peak: VmHWM of that process)");
    println!(
        "{:<17} {:>7} {:>9} {:>8} {:>8} {:>9} {:>9} {:>8}  verdict",
        "shape", "MB", "tokens", "wall s", "CPU s", "CPU s/MB", "x 0.1 MB", "peak MiB"
    );
    let mut ok = true;
    // progress on a terminal: one step per child (the rows go to standard output around the bar)
    let bar = super::term::progress((SHAPES.len() * a.sizes.len()) as u64, "articles");
    for shape in SHAPES {
        let mut first: Option<f64> = None;
        for &mb in &a.sizes {
            bar.set_message(format!("{mb} MB, {shape}"));
            let out = std::process::Command::new(&exe)
                .arg("bench")
                .args(&a.corpus)
                .arg("--scaling-child")
                .arg(format!("{mb}:{shape}"))
                .stderr(std::process::Stdio::inherit())
                .output()
                .context("running a --scaling child")?;
            anyhow::ensure!(out.status.success(), "the {mb} MB {shape} child failed ({})", out.status);
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).context("reading a --scaling child")?;
            let f = |k: &str| v[k].as_f64().unwrap_or(0.0);
            let per_mb = f("cpu_seconds") / f("mb").max(1e-9);
            let base = *first.get_or_insert(per_mb);
            let ratio = per_mb / base.max(1e-9);
            let pass = ratio <= 2.0 && f("peak_mib") < 400.0;
            ok &= pass;
            bar.suspend(|| {
                println!(
                    "{:<17} {:>7.2} {:>9} {:>8.2} {:>8.2} {:>9.2} {:>9.2} {:>8.1}  {}",
                    shape,
                    f("mb"),
                    f("tokens"),
                    f("seconds"),
                    f("cpu_seconds"),
                    per_mb,
                    ratio,
                    f("peak_mib"),
                    if pass { "ok" } else { "OVER (2x time/MB or 400 MiB)" }
                )
            });
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    println!("{}", if ok { "all within 2x of the 0.1 MB time per MB and under 400 MiB" } else { "some sizes over" });
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Runs `accord bench`.
pub fn bench(a: BenchArgs) -> anyhow::Result<ExitCode> {
    if let Some(spec) = &a.scaling_child {
        return scaling_child(&a, spec);
    }
    if a.scaling {
        return scaling(&a);
    }
    let mut docs = Vec::new();
    for p in accord_ingest::expand_paths(&a.corpus) {
        for d in accord_ingest::read_path(&p) {
            docs.push(d?);
        }
    }
    anyhow::ensure!(!docs.is_empty(), "no documents found");
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let t = Instant::now();
    let pipeline = Pipeline::new(Options::default())?;
    println!(
        "corpus: {} documents, {:.1} MB; models loaded in {:.3}s (trained: {})",
        docs.len(),
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        pipeline.models().is_some_and(|m| m.is_trained())
    );
    let count = |d: &accord_doc::Doc| {
        let words = d
            .tokens
            .iter()
            .filter(|t| matches!(t.kind, accord_doc::TokenKind::Word | accord_doc::TokenKind::Number))
            .count();
        (d.tokens.len(), words)
    };
    // progress on a terminal (standard error; nothing when piped or with -q): every pass over the corpus,
    // single-threaded then on all cores, counted in documents
    let passes = a.repeat.max(1) as u64 * 2;
    let bar = super::term::progress(passes * docs.len() as u64, "documents");
    // single-threaded, with per-stage times
    let mut best_single = f64::MAX;
    let mut best_cpu = f64::MAX;
    let (mut tokens, mut words) = (0usize, 0usize);
    let mut stages: Vec<(&'static str, Duration)> = Vec::new();
    for pass in 0..a.repeat.max(1) {
        bar.set_message(format!("single thread, pass {} of {}", pass + 1, a.repeat.max(1)));
        stages.clear();
        let (mut tk, mut wd) = (0, 0);
        let t = Instant::now();
        let c0 = cpu_seconds();
        for batch in accord_pipeline::split_batches(docs.clone(), a.batch, |d| d.text.len()) {
            let out = pipeline.process_batch_timed(batch, &mut |s, dur| match stages.iter_mut().find(|x| x.0 == s) {
                Some(x) => x.1 += dur,
                None => stages.push((s, dur)),
            });
            for doc in &out {
                let (a, b) = count(doc);
                tk += a;
                wd += b;
            }
            bar.inc(out.len() as u64);
        }
        best_single = best_single.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
        tokens = tk;
        words = wd;
    }
    let threads = rayon::current_num_threads();
    let mut best_par = f64::MAX;
    for pass in 0..a.repeat.max(1) {
        bar.set_message(format!("{threads} threads, pass {} of {}", pass + 1, a.repeat.max(1)));
        let t = Instant::now();
        let batches = accord_pipeline::split_batches(docs.clone(), a.batch, |d| d.text.len());
        let n: usize = batches
            .into_par_iter()
            .map(|b| {
                let out = pipeline.process_batch(b);
                bar.inc(out.len() as u64);
                out.iter().map(|d| d.tokens.len()).sum::<usize>()
            })
            .sum();
        assert_eq!(n, tokens);
        best_par = best_par.min(t.elapsed().as_secs_f64());
    }
    bar.finish_and_clear();
    println!("tokens: {tokens}, words: {words}");
    println!(
        "single thread: {:.2}s  {:.0} tokens/s  {:.0} words/s",
        best_single,
        tokens as f64 / best_single,
        words as f64 / best_single
    );
    if best_cpu < f64::MAX && best_cpu > 0.0 {
        println!(
            "single thread, per CPU second (less sensitive to a busy machine): {:.0} tokens/s  {:.0} words/s (cpu {:.2}s)",
            tokens as f64 / best_cpu,
            words as f64 / best_cpu,
            best_cpu
        );
    }
    for (s, d) in &stages {
        println!(
            "  stage {s:<12} {:>8.3}s  {:>10.0} tokens/s",
            d.as_secs_f64(),
            tokens as f64 / d.as_secs_f64().max(1e-9)
        );
    }
    println!(
        "{threads} threads: {:.2}s  {:.0} tokens/s  {:.0} words/s",
        best_par,
        tokens as f64 / best_par,
        words as f64 / best_par
    );
    if let Some(k) = peak_rss_kib() {
        println!("peak memory (VmHWM): {:.1} MiB", k as f64 / 1024.0);
    }
    Ok(ExitCode::SUCCESS)
}
