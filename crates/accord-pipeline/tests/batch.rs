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

#[test]
fn an_article_in_another_language_is_only_segmented_and_keeps_its_place() {
    let pipeline = Pipeline::new(Options::default()).expect("shipped models load");
    let en = "“We will not back down,” said Mara Lind, the mayor of Riverton. The council said on Monday that \
              it would vote on the plan in May, and that the budget was balanced.";
    let de = "„Wir werden nicht nachgeben“, sagte Mara Lind, die Bürgermeisterin von Riverton. Der Rat hat am \
              Montag gesagt, dass er im Mai über den Plan abstimmen wird und dass der Haushalt ausgeglichen ist. \
              Die Opposition ist dagegen, aber sie hat keine Mehrheit, und auch die Presse ist nicht überzeugt.";
    let docs = pipeline.process_batch(vec![raw(de, "de"), raw(en, "en"), raw(de, "de2")]);
    let ids: Vec<&str> = docs.iter().map(|d| d.meta.id.as_str()).collect();
    assert_eq!(ids, ["de", "en", "de2"], "input order is kept");
    assert_eq!(docs[1].language.as_deref(), Some("en"));
    assert!(!docs[1].attributions.is_empty() && !docs[1].entities.is_empty());
    assert_eq!(pipeline.not_analysed(&docs[1]), None);
    for d in [&docs[0], &docs[2]] {
        assert_eq!(d.language.as_deref(), Some("de"));
        assert!(!d.sentences.is_empty() && !d.tokens.is_empty(), "segmented");
        assert!(d.attributions.is_empty() && d.entities.is_empty() && d.events.is_empty(), "not analysed");
        assert!(d.tokens.iter().all(|t| t.analysis.is_none()));
        assert_eq!(pipeline.not_analysed(d).as_deref(), Some("reads as German, not English"));
        assert_eq!(d.to_output().language.as_deref(), Some("de"));
    }
    // analysed anyway when asked
    let any = Pipeline::new(Options { any_language: true, ..Default::default() }).expect("shipped models load");
    let d = any.process(raw(de, "de"));
    assert!(d.tokens.iter().all(|t| t.analysis.is_some()) && !d.entities.is_empty());
    assert_eq!(any.not_analysed(&d), None);
}
