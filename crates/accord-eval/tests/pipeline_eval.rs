//! End-to-end: the pipeline runs over a small brat corpus built in a temporary folder, and over the seed
//! gold when `../shared` is there; the scores are whatever the pipeline earns, but the counts of gold
//! items, the fixed number of required facts and the JSON outputs must be right.

use accord_eval::run::{eval_brat, eval_gold};
use accord_pipeline::{Options, Pipeline};
use std::path::PathBuf;

fn pipeline() -> Pipeline {
    Pipeline::new(Options::default()).expect("the shipped models load")
}

#[test]
fn brat_folder_end_to_end() {
    let dir = std::env::temp_dir().join(format!("accord-eval-brat-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("text")).unwrap();
    std::fs::create_dir_all(dir.join("attributions")).unwrap();
    let text = "Ann Lee said “We will win.”\n\nThe mayor said taxes will rise, according to Bob.\n";
    std::fs::write(dir.join("text/paper_2016-09-12_a.txt"), text).unwrap();
    // Two annotators; the first in sorted order (…_aaaa.ann) is used.
    let ann = "T1\tSource 0 7\tAnn Lee\nT2\tCue 8 12\tsaid\nT3\tContent 13 27\t“We will win.”\n\
               E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n\
               T4\tSource 29 38\tThe mayor\nT5\tCue 39 43\tsaid\nT6\tContent 44 60\ttaxes will rise,\n\
               E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n";
    std::fs::write(dir.join("attributions/paper_2016-09-12_a_aaaa.ann"), ann).unwrap();
    std::fs::write(dir.join("attributions/paper_2016-09-12_a_bbbb.ann"), "").unwrap();
    let (ev, outs) = eval_brat(&pipeline(), &dir).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(ev.attributions.documents, 1);
    assert_eq!(ev.attributions.content.exact.gold, 2);
    assert_eq!(ev.attributions.by_type["direct"].exact.gold, 1);
    assert_eq!(ev.attributions.by_type["indirect"].exact.gold, 1);
    assert!(ev.failed.is_empty());
    assert_eq!(outs.len(), 1);
    assert_eq!(outs[0].id, "paper_2016-09-12_a.txt");
    assert_eq!(outs[0].date.as_deref(), Some("2016-09-12"));
    let s = &ev.attributions.content.overlap_03;
    assert_eq!(s.pred, outs[0].attributions.len());
    assert_eq!(ev.errors.iter().filter(|e| e.kind == "miss").count(), 2 - s.matched_gold);
}

#[test]
fn seed_gold_end_to_end() {
    let sh = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let gp = sh.join("gold/us-hamas-talks.gold.json");
    if !gp.exists() {
        assert!(std::env::var("CI").map_or(true, |v| v != "true"), "{} missing under CI=true", gp.display());
        eprintln!("skipping: {} not found", gp.display());
        return;
    }
    let (ev, out) = eval_gold(&pipeline(), &gp, None, None).unwrap();
    assert_eq!(ev.date.as_deref(), Some("2025-03-06"));
    assert_eq!(out.date.as_deref(), Some("2025-03-06"));
    // 9 required attributions, 13 required entities, 2 required quantities, 3 dates.
    assert_eq!(ev.seed.required, 27);
    assert_eq!(ev.attributions.content.exact.gold, 10);
    assert!(ev.seed.required_ok <= ev.seed.required);
    // A missing file is an error that names it.
    let err = eval_gold(&pipeline(), &sh.join("gold/none.gold.json"), None, None).unwrap_err();
    assert!(err.to_string().contains("none.gold.json"), "{err}");
}
