//! Several articles through the pipeline as one batch give exactly what each gives alone.
mod common;

use accord_pipeline::{Options, Pipeline, RawDoc};

fn raw(text: &str, id: &str) -> RawDoc {
    RawDoc { text: text.to_string(), meta: accord_doc::Meta { id: id.to_string(), ..Default::default() } }
}

#[test]
fn a_batch_gives_what_each_article_gives_alone() {
    let pipeline = Pipeline::new(Options { default_date: Some("2024-05-02".into()), ..Default::default() })
        .expect("shipped models load");
    let mut raws: Vec<RawDoc> = ["council-vote.txt", "harbour-strike.txt", "minister-resigns.txt"]
        .iter()
        .map(|f| raw(&std::fs::read_to_string(common::fixture(f)).expect("fixture"), f))
        .collect();
    // an empty article and one without sentence punctuation sit between them
    raws.insert(1, raw("", "empty"));
    raws.insert(3, raw("Talks resume in Doha", "headline"));
    let alone: Vec<String> =
        raws.iter().map(|r| serde_json::to_string(&pipeline.process(r.clone()).to_output()).unwrap()).collect();
    let together: Vec<String> =
        pipeline.process_batch(raws.clone()).iter().map(|d| serde_json::to_string(&d.to_output()).unwrap()).collect();
    assert_eq!(together.len(), raws.len());
    for (i, (a, b)) in alone.iter().zip(&together).enumerate() {
        assert_eq!(a, b, "article {i} ({}) differs in the batch", raws[i].meta.id);
    }
    assert!(together[0].contains("\"attributions\""), "the articles were analysed");
    // a second batch on the same thread reuses the buffers of the first
    let again: Vec<String> = pipeline
        .process_batch(raws.into_iter().rev().collect())
        .iter()
        .map(|d| serde_json::to_string(&d.to_output()).unwrap())
        .collect();
    let mut back = again;
    back.reverse();
    assert_eq!(back, together);
}
