//! Every data file of accord-lexicon is read by some part of accord (the pipeline's stages, the knowledge
//! base's name normaliser and event quads): a list nobody reads is dead knowledge (or code that lost its list), and this
//! test fails on it.

#[test]
fn every_lexicon_file_is_used_by_the_pipeline() {
    let pipeline = accord_pipeline::Pipeline::new(Default::default()).expect("pipeline");
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let raws: Vec<accord_pipeline::RawDoc> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| accord_pipeline::RawDoc { text: std::fs::read_to_string(p).unwrap(), ..Default::default() })
        .collect();
    assert!(!raws.is_empty());
    pipeline.process_batch(raws);
    // the knowledge base matches people across articles by their names without titles
    let n = accord_store::names::person("Sen. Jane Doe").expect("a name");
    assert_eq!(n.display, "Jane Doe");
    // and classes events into PLOVER's quads (verbal/material cooperation/conflict)
    assert_eq!(accord_store::events::quad("AGREE", None), Some("verbal_cooperation"));
    let unused = accord_lexicon::unused_files();
    assert!(unused.is_empty(), "data files no stage read: {unused:?}");
}
