//! The shipped (embedded) models load and behave sensibly on sentences written for the test.
use accord_doc::{Doc, EntityType, MentionKind, Meta};
use accord_models::Models;

fn analyse(text: &str) -> Doc {
    let models = Models::load().expect("embedded models load");
    assert!(models.is_trained(), "crates/accord-models/models/*.bin are empty: run `accord train` and rebuild");
    let mut doc = Doc::new(text, Meta::default());
    accord_text::segment(&mut doc);
    models.annotate(&mut doc);
    doc
}

/// The recogniser's names with their types.
fn names(doc: &Doc) -> Vec<(String, Option<EntityType>)> {
    doc.mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name)
        .map(|m| (doc.slice(m.span).to_string(), m.etype))
        .collect()
}

fn find(doc: &Doc, word: &str) -> usize {
    (0..doc.tokens.len()).find(|&i| doc.token_text(i) == word).unwrap_or_else(|| panic!("no token {word}"))
}

#[test]
fn loads_quickly_and_twice() {
    let t = std::time::Instant::now();
    let a = Models::load().unwrap();
    let b = Models::load().unwrap();
    assert!(a.is_trained() && b.is_trained());
    assert!(t.elapsed().as_secs_f64() < 5.0, "loading took {:?}", t.elapsed());
    let (t, p, n) = a.n_weights();
    assert!(t > 0 && p > 0 && n > 0);
}

#[test]
fn tags_and_parses_a_reporting_sentence() {
    let doc = analyse("She said the talks would resume.");
    let said = find(&doc, "said");
    let she = find(&doc, "She");
    let a = doc.tokens[said].analysis.as_ref().unwrap();
    assert_eq!(a.upos(), "VERB");
    assert_eq!(a.xpos(), "VBD");
    assert_eq!(a.lemma, "say");
    assert_eq!(a.head(), None);
    assert_eq!(a.deprel(), "root");
    let s = doc.tokens[she].analysis.as_ref().unwrap();
    assert_eq!(s.head(), Some(said));
    assert_eq!(s.deprel(), "nsubj");
    let resume = find(&doc, "resume");
    let r = doc.tokens[resume].analysis.as_ref().unwrap();
    assert_eq!(r.head(), Some(said));
    assert_eq!(r.deprel(), "ccomp");
    // every token analysed, heads inside the sentence
    for t in &doc.tokens {
        let a = t.analysis.as_ref().unwrap();
        if let Some(h) = a.head() {
            assert!(doc.sentences[t.sentence].tokens.contains(&h));
        }
    }
}

#[test]
fn recognises_people_and_places() {
    let doc = analyse("Karoline Leavitt told reporters in Washington on Tuesday that Israel would respond.");
    let names = names(&doc);
    assert!(names.contains(&("Karoline Leavitt".to_string(), Some(EntityType::Person))), "{names:?}");
    assert!(names.contains(&("Israel".to_string(), Some(EntityType::Gpe))), "{names:?}");
    assert!(doc.mentions.windows(2).all(|w| w[0].span.start <= w[1].span.start));
}

#[test]
fn empty_and_odd_input() {
    let doc = analyse("");
    assert!(doc.tokens.is_empty());
    let doc = analyse("!!! ??? ... 12,000 —— “quoted” ’s");
    assert!(doc.tokens.iter().all(|t| t.analysis.is_some()));
}

#[test]
fn reused_buffers_do_not_leak_between_documents() {
    // the models keep their working buffers per thread: a document analysed after a longer, different one
    // must come out exactly as when analysed first
    let first = analyse("Officials in Doha said on Monday that the talks would resume. Hamas did not comment.");
    let _other = analyse(
        "The mayor of Springfield, Anna Lopez, told reporters that the bridge would close for repairs next month, \
         and that buses would replace the trams. \"We have no choice,\" she said. Residents protested outside City Hall.",
    );
    let again = analyse("Officials in Doha said on Monday that the talks would resume. Hamas did not comment.");
    let view = |d: &Doc| -> Vec<(String, Option<accord_doc::Analysis>)> {
        (0..d.tokens.len()).map(|i| (d.token_text(i).to_string(), d.tokens[i].analysis.clone())).collect()
    };
    assert_eq!(view(&first), view(&again));
    let names = |d: &Doc| -> Vec<(String, Option<EntityType>)> {
        d.mentions.iter().map(|m| (d.slice(m.span).to_string(), m.etype)).collect()
    };
    assert_eq!(names(&first), names(&again));
    assert!(names(&first).iter().any(|(n, _)| n == "Doha"), "{:?}", names(&first));
}

#[test]
fn corpus_spans_become_names_as_gum_mentions_do() {
    let models = Models::load().unwrap();
    let words = "Ann Lee of the Bank of England visited the United States .";
    let docs = vec![vec![accord_models::corpora::NerSentence {
        words: words.split(' ').map(String::from).collect(),
        spans: vec![(0, 2, "person"), (3, 7, "organization"), (9, 11, "place")],
    }]];
    let (sents, names) = accord_models::train::tag_corpus(&models, &docs, None);
    assert_eq!(sents.len(), 1);
    assert!(sents[0].words.iter().all(|w| !w.upos.is_empty() && !w.deprel.is_empty()));
    // `the` leads no name, `of` joins two proper nouns; `United` is ADJ in the treebanks' convention, so
    // only `States` is a name
    assert_eq!(names, [(0, 0, 2, "PER"), (0, 4, 7, "ORG"), (0, 10, 11, "GPE")]);
}

#[test]
fn a_name_headed_by_an_organisation_word_is_an_organisation() {
    // the recogniser alone typed the court a place (its first words are a province's name)
    let doc = analyse(
        "Lawyers for the two fishermen asked the Nova Scotia Court of Appeal to hear the case again. Later \
         the Denver City Council met.",
    );
    let names = names(&doc);
    for n in ["Nova Scotia Court of Appeal", "Denver City Council"] {
        assert!(names.contains(&(n.to_string(), Some(EntityType::Org))), "{n}: {names:?}");
    }
}

#[test]
fn listed_services_are_organisations() {
    let doc = analyse("Twitter said on Monday that it had removed the video, which Wikipedia editors had linked.");
    let names = names(&doc);
    for n in ["Twitter", "Wikipedia"] {
        assert!(names.contains(&(n.to_string(), Some(EntityType::Org))), "{n}: {names:?}");
    }
}

#[test]
fn coordinated_people_are_two_names() {
    let doc = analyse("The cartoon was drawn by Morris and Goscinny in Brussels.");
    let names = names(&doc);
    assert!(!names.iter().any(|(n, _)| n.contains(" and ")), "a person's name holds no coordinator: {names:?}");
}

#[test]
fn a_name_opened_by_a_place_word_is_a_place() {
    let doc = analyse("Hikers climbed Mount Tamsin on Sunday, then drove to Lake Orvel for the night.");
    let names = names(&doc);
    for n in ["Mount Tamsin", "Lake Orvel"] {
        assert!(names.contains(&(n.to_string(), Some(EntityType::Gpe))), "{n}: {names:?}");
    }
}
