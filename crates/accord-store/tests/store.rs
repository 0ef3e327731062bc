//! Knowledge-base behaviour on hand-built accord/1 documents (no pipeline needed).
use accord_doc::schema::*;
use accord_store::{AddOutcome, ArticleInfo, QuoteQuery, Store};

fn span(text: &str, needle: &str) -> SpanOut {
    let b = text.find(needle).expect(needle);
    let start = text[..b].chars().count();
    SpanOut {
        start,
        end: start + needle.chars().count(),
        byte_start: b,
        byte_end: b + needle.len(),
        text: needle.into(),
    }
}

fn doc(id: &str, date: &str, text: &str, person: &str, quote: &str, qty: Option<(f64, &str, &str)>) -> DocumentOut {
    DocumentOut {
        schema: SCHEMA.into(),
        id: id.into(),
        date: Some(date.into()),
        title: Some(format!("Story {id}")),
        url: None,
        sources: vec![format!("Outlet {id}")],
        text: text.into(),
        paragraphs: vec![],
        sentences: vec![],
        tokens: vec![],
        entities: vec![EntityOut {
            id: "e1".into(),
            etype: "PERSON".into(),
            name: person.into(),
            titles: vec!["mayor of Springfield".into()],
            affiliation: None,
            mentions: vec![span(text, person)],
        }],
        attributions: vec![AttributionOut {
            id: "q1".into(),
            qtype: "direct".into(),
            content: span(text, quote),
            cue: None,
            speaker: Some(span(text, person)),
            speaker_entity: Some("e1".into()),
            source: SourceOut { kind: "person".into(), name: Some(person.into()), affiliation: None },
        }],
        quantities: qty
            .map(|(v, q, phrase)| {
                vec![QuantityOut {
                    value: v,
                    qualifier: q.into(),
                    counted: Some("living hostages".into()),
                    span: span(text, phrase),
                    attribution: None,
                    source: Some(format!("Source {id}")),
                    hedge: None,
                }]
            })
            .unwrap_or_default(),
        dates: vec![],
        credits: vec![],
        events: vec![],
        language: Some("en".into()),
    }
}

#[test]
fn add_resolve_dedupe_and_query() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    s.begin_writing().unwrap();
    let t1 = "Jane Doe said “we will rebuild the library” on Monday, as 24 living hostages remain in captivity.";
    let t2 = "Mayor Doe said “taxes will not rise this year” and officials counted 30 living hostages today.";
    let t3 = "Ms. Jane Doe told reporters “the bridge opens in May” while the weather stayed cold all week long.";
    let d1 = doc(
        "a",
        "2024-01-01",
        t1,
        "Jane Doe",
        "we will rebuild the library",
        Some((24.0, "exact", "24 living hostages")),
    );
    let d2 = doc(
        "b",
        "2024-01-01",
        t2,
        "Mayor Doe",
        "taxes will not rise this year",
        Some((30.0, "exact", "30 living hostages")),
    );
    let d3 = doc("c", "2024-02-01", t3, "Ms. Jane Doe", "the bridge opens in May", None);
    let out = s
        .add_batch(&[(d1.clone(), ArticleInfo::default()), (d2, ArticleInfo::default()), (d3, ArticleInfo::default())])
        .unwrap();
    assert_eq!(out.len(), 3, "one outcome per article: {out:?}");
    assert!(out.iter().all(|o| matches!(o, AddOutcome::Added(_))), "{out:?}");
    // exact duplicate adds nothing
    let again = s.add_batch(&[(d1.clone(), ArticleInfo::default())]).unwrap();
    assert!(matches!(again[0], AddOutcome::Duplicate(_)));
    // a wire copy is linked
    let mut copy = d1.clone();
    copy.text = format!("SPRINGFIELD (AP) — {t1}");
    copy.id = "copy".into();
    let o = s.add_batch(&[(copy, ArticleInfo { outlet: Some("Wire".into()), ..Default::default() })]).unwrap();
    assert!(matches!(o[0], AddOutcome::NearDuplicate { .. }), "{o:?}");
    s.commit_index().unwrap();
    let st = s.stats().unwrap();
    assert_eq!((st.articles, st.near_duplicates, st.quotes), (4, 1, 3));
    // one entity for all forms of the name
    let e = s.find_entity("Jane Doe").unwrap().unwrap();
    assert_eq!(e.quote_count, 3, "{e:?}");
    assert!(e.titles.iter().any(|t| t.title == "Mayor" && t.first_seen.as_deref() == Some("2024-01-01")), "{e:?}");
    assert_eq!(s.quotes(&QuoteQuery { speaker: Some("Mrs Doe".into()), ..Default::default() }).unwrap().len(), 3);
    let rebuilt = s.quotes(&QuoteQuery { about: Some("rebuild library".into()), ..Default::default() }).unwrap();
    assert_eq!(rebuilt.len(), 1);
    let dated = s
        .quotes(&QuoteQuery { from: Some("2024-01-15".into()), to: Some("2024-02-01".into()), ..Default::default() })
        .unwrap();
    assert_eq!(dated.len(), 1);
    assert!(s.quotes(&QuoteQuery { from: Some("yesterday".into()), ..Default::default() }).is_err());
    // claims ledger flags the disagreement
    let claims = s.claims(Some("hostages"), 10).unwrap();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].entries.len(), 2);
    assert_eq!(claims[0].disagreements.len(), 1);
    let res = s.search("library", 10).unwrap();
    assert_eq!(res.articles.len(), 1);
    drop(s);
    // index lost → rebuilt from SQLite on open
    std::fs::remove_dir_all(dir.path().join("index")).unwrap();
    let s = Store::open(dir.path()).unwrap();
    assert_eq!(s.search("library", 10).unwrap().articles.len(), 1);
    assert_eq!(s.quotes(&QuoteQuery { about: Some("bridge".into()), ..Default::default() }).unwrap().len(), 1);
}
