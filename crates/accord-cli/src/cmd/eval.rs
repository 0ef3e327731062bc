//! `accord eval`: scores the pipeline against gold — a project gold file (`--gold`), a brat attribution
//! corpus (`--brat`, e.g. PolNeAR dev), PLOVER event gold (`--events`), GAP pronouns (`--gap`) — or the
//! models against a treebank (`--treebank`).
//!
//! Metric definitions: `docs/eval.md`. Exit code 0 whatever the scores; non-zero only when an input
//! cannot be read.
use accord_eval::metrics::{AttributionScores, Prf, RoleScores};
use accord_eval::run::{BratEval, ErrorSample, GoldEval};
use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `accord eval`.
#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("mode").required(true).args(["gold", "brat", "treebank", "events", "gap"])))]
pub struct Args {
    /// Project gold file (`*.gold.json`): scores attributions, entities, quantities and dates, and prints
    /// the pass/fail checks of the seed gold. A folder: every `*.gold.json` in it, with per-story and
    /// total figures (failed checks only with --errors).
    #[arg(long, value_name = "FILE|DIR")]
    pub gold: Option<PathBuf>,
    /// Text for --gold (default: the gold's "document", resolved against the gold file's grandparent folder).
    #[arg(long, value_name = "FILE", requires = "gold")]
    pub text: Option<PathBuf>,
    /// Publication date for --gold (default: the gold's date, or the date named by a
    /// `with_publication_date_YYYY-MM-DD` key).
    #[arg(long, value_name = "YYYY-MM-DD", requires = "gold")]
    pub date: Option<String>,
    /// Brat corpus folder with text/ and attributions/ (e.g. ../shared/data/polnear/data/dev).
    #[arg(long, value_name = "DIR")]
    pub brat: Option<PathBuf>,
    /// Resolved speakers for --brat (JSON Lines, e.g. ../shared/gold/polnear-dev-resolved.jsonl): prints
    /// resolved accuracy and recall as `score_attributions.py brat OUT DIR RESOLVED` does; with --errors,
    /// the misses by kind.
    #[arg(long, value_name = "FILE", requires = "brat")]
    pub resolved: Option<PathBuf>,
    /// CoNLL-U treebank: scores tags, lemmas and dependencies of the models.
    #[arg(long, value_name = "FILE")]
    pub treebank: Option<PathBuf>,
    /// PLOVER event gold: PLV-format CSV (text,label,meta,context,source,target) or the PLOVER gold-standard
    /// records (JSON): type accuracy and macro-F1, per-type table, source/target span F1 (score_events.py).
    #[arg(long, value_name = "FILE")]
    pub events: Option<PathBuf>,
    /// GAP coreference TSV (e.g. ../shared/data/gap/gap-development.tsv): precision, recall and F1 of the
    /// pronoun-name decisions, overall and by gender, as GAP's scorer computes them; --errors N lists wrong
    /// rows.
    #[arg(long, value_name = "FILE")]
    pub gap: Option<PathBuf>,
    /// With --events: k-fold cross-validation of the event model trained on FILE (folds by document).
    #[arg(long, value_name = "K", requires = "events")]
    pub folds: Option<usize>,
    /// With --events: train the event model on all of FILE and write its weights (models/events.tsv).
    #[arg(long, value_name = "OUT", requires = "events")]
    pub train_events: Option<PathBuf>,
    /// Save the predictions as accord/1 JSON Lines (for `score_attributions.py brat OUT DIR`).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Print N sample misses, false positives and boundary errors each (error analysis).
    #[arg(long, value_name = "N")]
    pub errors: Option<usize>,
    /// Print the metrics as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `accord eval`.
pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    if let Some(tb) = &a.treebank {
        // Owned by the models' author: tags, lemmas, UAS/LAS, sentence boundaries, names, coreference.
        let spin = super::term::spinner(&format!("evaluating on {}", tb.display()));
        if a.json {
            let report = accord_eval::treebank::evaluate(tb)?;
            spin.finish_and_clear();
            serde_json::to_writer_pretty(&mut w, &report.to_json())?;
            writeln!(w)?;
        } else {
            let mut buf = Vec::new();
            accord_eval::treebank::run(tb, a.errors.unwrap_or(0), &mut buf)?;
            spin.finish_and_clear();
            w.write_all(&buf)?;
        }
        w.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let date = match &a.date {
        Some(d) => Some(accord_doc::date::normalise_day(d).map_err(|e| crate::usage!("--date: {e}"))?),
        None => None,
    };
    // A panic inside the pipeline is caught per document and reported in the results; print one line
    // for it instead of a backtrace per document.
    std::panic::set_hook(Box::new(|info| eprintln!("accord eval: pipeline panic: {info}")));
    let pipeline = accord_pipeline::Pipeline::new(accord_pipeline::Options::default())?;
    if let Some(file) = &a.gap {
        let rows = accord_eval::gap::load(file)?;
        let pipeline = accord_pipeline::Pipeline::new(accord_pipeline::Options::default())?;
        let preds = accord_eval::gap::analyse(&pipeline, &rows);
        let s = accord_eval::gap::report(&mut w, file, &rows, &preds, a.errors.unwrap_or(0))?;
        if a.json {
            let (p, r, f) = s.overall.prf();
            let json = serde_json::json!({
                "rows": s.rows, "resolved": s.resolved, "precision": p, "recall": r, "f1": f,
                "f1_masculine": s.masculine.prf().2, "f1_feminine": s.feminine.prf().2,
            });
            writeln!(w, "{json}")?;
        }
        w.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(file) = &a.events {
        use accord_eval::events;
        let gold = events::load_gold(file)?;
        // the results are written to the buffer below and flushed once the spinner is gone
        let spin = super::term::spinner(&format!("evaluating on {}", file.display()));
        let docs = events::analyse(&pipeline, &gold);
        if let Some(out) = &a.train_events {
            let m = events::train(&docs, &gold);
            let header = format!(
                "# accord event models: type weights (averaged perceptron, {} passes) and, on `@` lines, the \
                 target ranker ({} passes), trained by `accord eval --events FILE --train-events OUT` on {} sentences \
                 of {}; see models/events.md. Weights only, no training text.\n",
                events::EPOCHS,
                events::TARGET_EPOCHS,
                gold.len(),
                file.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default()
            );
            std::fs::write(out, m.types.to_tsv(&header) + &m.targets.to_tsv())
                .with_context(|| format!("cannot write {}", out.display()))?;
            writeln!(w, "wrote {}", out.display())?;
        }
        if let Some(k) = a.folds {
            let (folds, total, preds) = events::cross_validate(&docs, &gold, k);
            for (i, f) in folds.iter().enumerate() {
                writeln!(
                    w,
                    "fold {}: {} sentences; macro-F1 {:.3} acc {:.3} source-F1 {:.3} target-F1 {:.3}",
                    i + 1,
                    f.n,
                    f.macro_f1,
                    f.accuracy,
                    f.source.overlap.2,
                    f.target.overlap.2
                )?;
            }
            let mean = |g: &dyn Fn(&events::EventScores) -> f64| folds.iter().map(g).sum::<f64>() / folds.len() as f64;
            writeln!(
                w,
                "mean of {} folds: macro-F1 {:.3} acc {:.3} source-F1 {:.3} target-F1 {:.3}",
                folds.len(),
                mean(&|f| f.macro_f1),
                mean(&|f| f.accuracy),
                mean(&|f| f.source.overlap.2),
                mean(&|f| f.target.overlap.2)
            )?;
            writeln!(w, "all held-out predictions together:")?;
            if a.json {
                serde_json::to_writer_pretty(&mut w, &total)?;
                writeln!(w)?;
            } else {
                events::print(&mut w, &total)?;
                if let Some(n) = a.errors {
                    events::print_span_errors(&mut w, &gold, &preds, n)?;
                }
            }
        } else if a.train_events.is_none() {
            let preds: Vec<_> = docs.iter().map(events::pred_of).collect();
            let s = events::score(&gold, &preds);
            if a.json {
                serde_json::to_writer_pretty(&mut w, &s)?;
                writeln!(w)?;
            } else {
                events::print(&mut w, &s)?;
                if let Some(n) = a.errors {
                    events::print_span_errors(&mut w, &gold, &preds, n)?;
                }
            }
            let outs: Vec<_> = docs.iter().map(|d| d.to_output()).collect();
            save(&a, &outs)?;
        }
        spin.finish_and_clear();
        w.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let what = a.gold.as_ref().or(a.brat.as_ref()).map(|p| p.display().to_string()).unwrap_or_default();
    let spin = super::term::spinner(&format!("evaluating on {what}"));
    if let Some(dir) = a.gold.as_ref().filter(|g| g.is_dir()) {
        eval_gold_dir(&a, &pipeline, dir, date.as_deref(), &mut w)?;
        spin.finish_and_clear();
    } else if let Some(gold) = &a.gold {
        let (ev, out) = accord_eval::run::eval_gold(&pipeline, gold, a.text.as_deref(), date.as_deref())?;
        spin.finish_and_clear();
        save(&a, std::slice::from_ref(&out))?;
        if a.json {
            serde_json::to_writer_pretty(&mut w, &ev)?;
            writeln!(w)?;
        } else {
            print_gold(&mut w, &ev)?;
        }
    } else if let Some(dir) = &a.brat {
        let resolved = match &a.resolved {
            Some(p) => Some(accord_eval::resolved::ResolvedGold::read(p)?),
            None => None,
        };
        let (ev, outs) = accord_eval::run::eval_brat_resolved(&pipeline, dir, resolved.as_ref())?;
        spin.finish_and_clear();
        save(&a, &outs)?;
        let samples = a.errors.map(|n| pick_errors(&ev.errors, n)).unwrap_or_default();
        if a.json {
            let mut v = serde_json::to_value(&ev)?;
            if a.errors.is_some() {
                v["error_samples"] = serde_json::to_value(&samples)?;
            }
            serde_json::to_writer_pretty(&mut w, &v)?;
            writeln!(w)?;
        } else {
            print_brat(&mut w, &ev)?;
            if let Some(n) = a.errors {
                print_errors(&mut w, &ev, &samples)?;
                if let Some(r) = &ev.resolved {
                    print_resolved_misses(&mut w, r, n)?;
                }
            }
        }
    }
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn save(a: &Args, outs: &[accord_doc::schema::DocumentOut]) -> anyhow::Result<()> {
    let Some(path) = &a.out else { return Ok(()) };
    let f = std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    let mut f = std::io::BufWriter::new(f);
    for o in outs {
        serde_json::to_writer(&mut f, o)?;
        writeln!(f)?;
    }
    f.flush().with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn prf(p: &Prf) -> String {
    format!("{:.3}/{:.3}/{:.3}", p.precision, p.recall, p.f1)
}

fn print_scores(w: &mut impl Write, s: &AttributionScores) -> std::io::Result<()> {
    writeln!(w, "P/R/F1 (greedy one-to-one; see docs/eval.md)")?;
    writeln!(
        w,
        "  {:<8} {:>5} {:>5}  {:<17} {:<17} {:<17} {:<17} {:<17}",
        "role", "gold", "pred", "exact", "exact-loose", "overlap>0.3", "overlap>0.8", "symmetric>0.5"
    )?;
    let row = |w: &mut dyn Write, name: &str, r: &RoleScores| {
        writeln!(
            w,
            "  {:<8} {:>5} {:>5}  {:<17} {:<17} {:<17} {:<17} {:<17}",
            name,
            r.exact.gold,
            r.exact.pred,
            prf(&r.exact),
            r.exact_loose.as_ref().map(prf).unwrap_or_else(|| "-".into()),
            prf(&r.overlap_03),
            prf(&r.overlap_08),
            prf(&r.symmetric)
        )
    };
    row(w, "content", &s.content)?;
    row(w, "cue", &s.cue)?;
    row(w, "speaker", &s.speaker)?;
    writeln!(w, "content by quote type (recall over gold of the type, precision over predictions labelled with it)")?;
    for (t, v) in &s.by_type {
        writeln!(
            w,
            "  {:<8} {:>5} {:>5}  {:<17} {:<17} {:<17} {:<17}",
            t,
            v.overlap_03.gold,
            v.overlap_03.pred,
            prf(&v.exact),
            prf(&v.exact_loose),
            prf(&v.overlap_03),
            prf(&v.overlap_08)
        )?;
    }
    let acc = |a: &accord_eval::metrics::Accuracy| format!("{:.3} ({}/{})", a.accuracy, a.correct, a.total);
    writeln!(w, "on quotes matched at overlap>0.3:")?;
    writeln!(w, "  type accuracy: {}", acc(&s.type_accuracy))?;
    for (g, m) in &s.type_confusion {
        let row: Vec<String> = m.iter().map(|(p, n)| format!("{p} {n}")).collect();
        writeln!(w, "    gold {g:<8} -> {}", row.join(", "))?;
    }
    writeln!(
        w,
        "  speaker mention accuracy: {} (+{} pairs with no speaker on either side, left out)",
        acc(&s.speaker_mention),
        s.speaker_both_absent
    )?;
    if s.speaker_resolution.total > 0 {
        writeln!(w, "  speaker resolution accuracy: {}", acc(&s.speaker_resolution))?;
    }
    Ok(())
}

fn print_gold(w: &mut impl Write, ev: &GoldEval) -> std::io::Result<()> {
    writeln!(
        w,
        "gold {} (text {}, date {})",
        ev.gold.display(),
        ev.text.display(),
        ev.date.as_deref().unwrap_or("none")
    )?;
    if let Some(m) = &ev.panic {
        writeln!(w, "pipeline panicked (scored as empty): {m}")?;
    }
    print_scores(w, &ev.attributions)?;
    let m = &ev.entity_mentions;
    writeln!(w, "entity mentions found (exact span): {:.3} ({}/{})", m.accuracy, m.correct, m.total)?;
    writeln!(w, "checks:")?;
    for c in &ev.seed.checks {
        let item = format!("{} {}", c.kind, c.item);
        if c.ok {
            writeln!(w, "  ok    {item}")?;
        } else {
            writeln!(w, "  FAIL  {item}: {}", c.detail)?;
        }
    }
    let r = &ev.seed;
    let (ao, at) = r.count("attribution");
    let (eo, et) = r.count("entity");
    let (qo, qt) = r.count("quantity");
    let (d_o, dt) = r.count("date");
    writeln!(
        w,
        "attributions {ao}/{at}, false {}, entities {eo}/{et}, quantities {qo}/{qt}, dates {d_o}/{dt}",
        r.false_attributions
    )?;
    writeln!(w, "gold: {}/{} required facts, {} false attributions", r.required_ok, r.required, r.false_attributions)
}

fn print_brat(w: &mut impl Write, ev: &BratEval) -> std::io::Result<()> {
    let s = &ev.attributions;
    writeln!(
        w,
        "brat {} ({} documents; gold types derived from quote marks in the content)",
        ev.dir.display(),
        s.documents
    )?;
    if !ev.failed.is_empty() {
        writeln!(w, "pipeline panicked on {} documents (scored as empty):", ev.failed.len())?;
        for (stem, msg) in &ev.failed {
            writeln!(w, "  {stem}: {msg}")?;
        }
    }
    print_scores(w, s)?;
    let resolved = match &ev.resolved {
        Some(r) => {
            writeln!(
                w,
                "resolved speaker accuracy on matched named gold: {:.3} ({}/{}); end-to-end resolved recall: {:.3} ({}/{})",
                r.accuracy, r.correct, r.matched, r.recall, r.correct, r.named
            )?;
            format!(" resolved {:.3} resolved-recall {:.3}", r.accuracy, r.recall)
        }
        None => String::new(),
    };
    writeln!(
        w,
        "brat: F1@0.3 {:.3} F1@0.8 {:.3} F1sym {:.3} speaker {:.3}{resolved}",
        s.content.overlap_03.f1, s.content.overlap_08.f1, s.content.symmetric.f1, s.speaker_mention.accuracy
    )
}

/// The resolved-speaker misses by kind, with up to `n` examples of each.
fn print_resolved_misses(
    w: &mut impl Write,
    r: &accord_eval::resolved::ResolvedScores,
    n: usize,
) -> std::io::Result<()> {
    writeln!(w, "resolved-speaker misses by kind ({} in all):", r.misses.len())?;
    for (kind, count) in r.table() {
        writeln!(w, "  {count:>5}  {}", kind.label())?;
    }
    for (kind, _) in r.table() {
        let of_kind: Vec<_> = r.misses.iter().filter(|m| m.kind == kind).collect();
        let k = n.min(of_kind.len());
        if k > 0 {
            writeln!(w, "{}:", kind.label())?;
        }
        for m in (0..k).map(|i| of_kind[i * of_kind.len() / k]) {
            writeln!(
                w,
                "  {} {} {} {:?} gold {:?} pred {:?} (speaker {:?})",
                m.doc,
                m.relation,
                m.mention_type,
                m.source_text,
                m.gold,
                m.pred.as_deref().unwrap_or(""),
                m.pred_speaker.as_deref().unwrap_or("")
            )?;
        }
    }
    Ok(())
}

/// `--gold DIR`: every `*.gold.json` of the folder (sorted), one line per story and the total.
fn eval_gold_dir(
    a: &Args,
    pipeline: &accord_pipeline::Pipeline,
    dir: &std::path::Path,
    date: Option<&str>,
    w: &mut impl Write,
) -> anyhow::Result<()> {
    let mut golds: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().ends_with(".gold.json")))
        .collect();
    golds.sort();
    if golds.is_empty() {
        anyhow::bail!("no *.gold.json in {}", dir.display());
    }
    let mut outs = Vec::new();
    let mut evs = Vec::new();
    for g in &golds {
        let (ev, out) = accord_eval::run::eval_gold(pipeline, g, None, date)?;
        outs.push(out);
        evs.push(ev);
    }
    save(a, &outs)?;
    if a.json {
        serde_json::to_writer_pretty(&mut *w, &evs)?;
        writeln!(w)?;
        return Ok(());
    }
    let (mut ok, mut req, mut fa, mut ao, mut at) = (0, 0, 0, 0, 0);
    writeln!(w, "gold folder {} ({} stories)", dir.display(), evs.len())?;
    for ev in &evs {
        let r = &ev.seed;
        let (o, t) = r.count("attribution");
        let name = ev.gold.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        writeln!(
            w,
            "  {:<52} {:>3}/{:<3} required facts, {} false attributions, attributions {o}/{t}{}",
            name.trim_end_matches(".gold.json"),
            r.required_ok,
            r.required,
            r.false_attributions,
            if ev.panic.is_some() { " (pipeline panicked)" } else { "" }
        )?;
        if a.errors.is_some() {
            for c in r.checks.iter().filter(|c| !c.ok) {
                writeln!(w, "      FAIL  {} {}: {}", c.kind, c.item, c.detail)?;
            }
        }
        ok += r.required_ok;
        req += r.required;
        fa += r.false_attributions;
        ao += o;
        at += t;
    }
    let pct = if req > 0 { 100.0 * ok as f64 / req as f64 } else { 0.0 };
    writeln!(w, "total: {ok}/{req} required facts ({pct:.1} %), {fa} false attributions, attributions {ao}/{at}")?;
    Ok(())
}

/// Up to `n` samples of each error kind, spread evenly over the documents.
fn pick_errors(all: &[ErrorSample], n: usize) -> Vec<ErrorSample> {
    let mut out = Vec::new();
    for kind in ["miss", "false_positive", "boundary"] {
        let v: Vec<&ErrorSample> = all.iter().filter(|e| e.kind == kind).collect();
        let k = n.min(v.len());
        out.extend((0..k).map(|i| v[i * v.len() / k].clone()));
    }
    out
}

fn print_errors(w: &mut impl Write, ev: &BratEval, samples: &[ErrorSample]) -> std::io::Result<()> {
    for kind in ["miss", "false_positive", "boundary"] {
        let of_kind: Vec<&ErrorSample> = ev.errors.iter().filter(|e| e.kind == kind).collect();
        writeln!(w, "{kind} ({} in all):", of_kind.len())?;
        // The most frequent cues and types among them, to see which rules are missing or too eager.
        let mut cues: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut types: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        let mut cats: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for e in &of_kind {
            *cues.entry(e.cue.as_deref().unwrap_or("(no cue)").to_lowercase()).or_default() += 1;
            *types.entry(e.qtype.as_deref().unwrap_or("?")).or_default() += 1;
            *cats.entry(e.category).or_default() += 1;
        }
        let mut cues: Vec<_> = cues.into_iter().collect();
        cues.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let top: Vec<String> = cues.iter().take(12).map(|(c, n)| format!("{c:?} {n}")).collect();
        let types: Vec<String> = types.iter().map(|(t, n)| format!("{t} {n}")).collect();
        let mut cats: Vec<_> = cats.into_iter().collect();
        cats.sort_by_key(|c| std::cmp::Reverse(c.1));
        for (c, n) in &cats {
            writeln!(w, "  {n:>5}  {c}")?;
        }
        writeln!(w, "  by type: {}", types.join(", "))?;
        writeln!(w, "  top cues: {}", top.join(", "))?;
        for e in samples.iter().filter(|e| e.kind == kind) {
            write!(
                w,
                "  {} {} [{}-{}] {} {:?}",
                e.doc,
                e.id,
                e.content.start,
                e.content.end,
                e.qtype.as_deref().unwrap_or("?"),
                e.snippet
            )?;
            if let (Some(p), Some(ps)) = (e.pred_content, &e.pred_snippet) {
                write!(w, " | pred [{}-{}] {ps:?}", p.start, p.end)?;
            }
            writeln!(
                w,
                " | cue {:?} speaker {:?}",
                e.cue.as_deref().unwrap_or(""),
                e.speaker.as_deref().unwrap_or("")
            )?;
        }
    }
    Ok(())
}
