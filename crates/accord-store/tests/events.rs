//! Events in the knowledge base, on hand-built accord/1 documents: one event for the same happening
//! reported by several articles, apart when the date, the actors or the factuality differ; the queries;
//! and the events of articles stored before the store kept events, added when the schema is upgraded.
use accord_doc::schema::*;
use accord_store::{ArticleInfo, EventQuery, Store};

fn span(text: &str, needle: &str) -> SpanOut {
    let b = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let start = text[..b].chars().count();
    SpanOut {
        start,
        end: start + needle.chars().count(),
        byte_start: b,
        byte_end: b + needle.len(),
        text: needle.into(),
    }
}

fn entity(text: &str, id: &str, etype: &str, name: &str) -> EntityOut {
    EntityOut {
        id: id.into(),
        etype: etype.into(),
        name: name.into(),
        titles: vec![],
        affiliation: None,
        mentions: vec![span(text, name)],
    }
}

/// A side of an event: phrase, local entity, code, country, sector.
type Arg<'a> = (&'a str, Option<&'a str>, &'a str, &'a str, &'a str);

fn arg(text: &str, a: Arg) -> EventArgOut {
    EventArgOut {
        span: span(text, a.0),
        entity: a.1.map(String::from),
        code: Some(a.2.into()),
        country: Some(a.3.into()),
        sector: Some(a.4.into()).filter(|s: &String| !s.is_empty()),
        actors: vec![],
    }
}

/// An article of one sentence-long event: `etype` by `src` on `tgt`, in Doha when `place`.
#[allow(clippy::too_many_arguments)]
fn article(
    id: &str,
    date: &str,
    text: &str,
    trigger: &str,
    etype: &str,
    src: Arg,
    tgt: Arg,
    place: bool,
    factuality: &str,
) -> DocumentOut {
    let mut entities = vec![entity(text, "e1", "GPE", src.0), entity(text, "e2", "ORG", tgt.0)];
    if place {
        entities.push(entity(text, "e3", "GPE", "Doha"));
    }
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
        entities,
        attributions: vec![],
        quantities: vec![],
        dates: vec![],
        credits: vec![],
        events: vec![EventOut {
            id: "v1".into(),
            etype: etype.into(),
            mode: None,
            cameo: None,
            confidence: 0.9,
            trigger: span(text, trigger),
            sentence: span(text, text),
            source: Some(arg(text, src)),
            target: Some(arg(text, tgt)),
            location: place.then(|| EventLocationOut {
                span: span(text, "Doha"),
                entity: Some("e3".into()),
                country: Some("QAT".into()),
            }),
            date: None,
            attribution: None,
            factuality: factuality.into(),
            background: false,
        }],
        language: Some("en".into()),
    }
}

const US: Arg = ("Washington", Some("e1"), "USA GOV", "USA", "GOV");
const HAMAS: Arg = ("Hamas", Some("e2"), "PSE REB Hamas", "PSE", "REB");
const ISRAEL: Arg = ("Israel", Some("e2"), "ISR GOV", "ISR", "GOV");

fn docs() -> Vec<(DocumentOut, ArticleInfo)> {
    let a = "Washington held direct talks with Hamas in Doha on the release of hostages, officials confirmed.";
    let b = "Envoys from Washington met Hamas negotiators, a first for the two sides after decades of refusal.";
    let c = "Washington and Hamas held another round of talks two weeks later, according to a Gulf diplomat.";
    let d = "Washington did not meet Hamas at all, a spokesman insisted in a statement issued late at night.";
    let e = "Washington held talks with Israel about the ceasefire and the humanitarian corridor to the south.";
    let info = ArticleInfo::default();
    vec![
        (article("a", "2025-03-06", a, "talks", "CONSULT", US, HAMAS, true, "asserted"), info.clone()),
        // the next day, another outlet, no place named: the same event
        (article("b", "2025-03-07", b, "met", "consult", US, HAMAS, false, "reported"), info.clone()),
        // two weeks later: another event
        (article("c", "2025-03-20", c, "talks", "CONSULT", US, HAMAS, false, "asserted"), info.clone()),
        // denied: not the same as the talks that happened
        (article("d", "2025-03-06", d, "meet", "CONSULT", US, HAMAS, false, "negated"), info.clone()),
        // another target
        (article("e", "2025-03-06", e, "talks", "CONSULT", US, ISRAEL, false, "asserted"), info),
    ]
}

#[test]
fn one_event_for_several_reports_and_apart_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    let out = s.add_batch(&docs()).unwrap();
    assert!(out.iter().all(|o| matches!(o, accord_store::AddOutcome::Added(_))), "{out:?}");
    s.commit_index().unwrap();
    assert_eq!(s.stats().unwrap().events, 4, "a+b, c, d, e");
    let ids: Vec<i64> = out
        .iter()
        .map(|o| match o {
            accord_store::AddOutcome::Added(id) => *id,
            o => panic!("{o:?}"),
        })
        .collect();

    let with_hamas = s.events(&EventQuery { actor: Some("Hamas".into()), ..Default::default() }).unwrap();
    assert_eq!(with_hamas.len(), 3, "{with_hamas:#?}");
    // newest first: c (03-20), then the two of 03-06
    assert_eq!(with_hamas[0].date.as_deref(), Some("2025-03-20"));
    let talks = with_hamas.iter().find(|e| e.reports == 2).expect("the event reported twice");
    assert_eq!(talks.etype, "CONSULT");
    assert_eq!(talks.quad.as_deref(), Some("verbal_cooperation"));
    assert_eq!(talks.articles, vec![ids[0], ids[1]]);
    assert_eq!(talks.evidence.len(), 2);
    assert_eq!(talks.evidence[1].trigger, "met");
    assert_eq!(talks.evidence[1].published.as_deref(), Some("2025-03-07"));
    assert_eq!(talks.factuality, "asserted");
    let src = talks.source.as_ref().unwrap();
    assert_eq!(
        (src.name.as_str(), src.code.as_deref(), src.country.as_deref()),
        ("Washington", Some("USA GOV"), Some("USA"))
    );
    assert_eq!(talks.target.as_ref().unwrap().name, "Hamas");
    let place = talks.location.as_ref().expect("the place the first report named");
    assert_eq!((place.name.as_str(), place.country.as_deref()), ("Doha", Some("QAT")));
    let denied = with_hamas.iter().find(|e| e.factuality == "negated").expect("the denial, apart");
    assert_eq!(denied.reports, 1);

    // filters
    let q = |q: EventQuery| s.events(&q).unwrap().len();
    assert_eq!(q(EventQuery { country: Some("qat".into()), ..Default::default() }), 1, "the place's country");
    assert_eq!(q(EventQuery { country: Some("ISR".into()), ..Default::default() }), 1, "the target's country");
    assert_eq!(q(EventQuery { country: Some("USA".into()), ..Default::default() }), 4);
    assert_eq!(q(EventQuery { etype: Some("consult".into()), ..Default::default() }), 4);
    assert_eq!(q(EventQuery { etype: Some("ASSAULT".into()), ..Default::default() }), 0);
    assert_eq!(q(EventQuery { from: Some("2025-03-07".into()), ..Default::default() }), 1);
    assert_eq!(q(EventQuery { to: Some("2025-03-06".into()), ..Default::default() }), 3);
    assert_eq!(q(EventQuery { actor: Some("USA GOV".into()), to: Some("2025-03".into()), ..Default::default() }), 4);
    assert_eq!(q(EventQuery { article: Some(ids[1]), ..Default::default() }), 1);
    assert_eq!(q(EventQuery { limit: Some(2), ..Default::default() }), 2);
    assert!(s.events(&EventQuery { etype: Some("talks".into()), ..Default::default() }).is_err());
    assert!(s.events(&EventQuery { country: Some("Qatar".into()), ..Default::default() }).is_err());
    assert!(s.events(&EventQuery { from: Some("2025-02-30".into()), ..Default::default() }).is_err());
    assert!(s.events(&EventQuery { limit: Some(1001), ..Default::default() }).is_err());

    // the entity page and the timeline carry them
    let hamas = s.find_entity("Hamas").unwrap().unwrap();
    assert_eq!((hamas.event_count, hamas.events.len()), (3, 3));
    let israel = s.find_entity("Israel").unwrap().unwrap();
    assert_eq!(israel.event_count, 1);
    // the timeline: the events that happened (the denial is left out)
    let tl = s.timeline(Some("Hamas"), None, 100).unwrap();
    let evs: Vec<_> = tl.iter().filter(|i| i.kind == "event").collect();
    assert_eq!(evs.len(), 2, "{tl:#?}");
    assert!(!evs.iter().any(|i| Some(i.text.as_str()) == Some(denied.evidence[0].sentence.as_str())));
    assert!(evs.iter().all(|i| i.event_type.as_deref() == Some("CONSULT")));
    assert_eq!(evs[0].actors.as_deref(), Some("Washington → Hamas"));
    assert!(evs.windows(2).all(|w| w[0].date <= w[1].date));
}

#[test]
fn an_older_knowledge_base_gets_the_events_of_its_articles_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut s = Store::open(dir.path()).unwrap();
        s.add_batch(&docs()).unwrap();
        s.end_writing().unwrap();
    }
    // make it a version-3 knowledge base: articles stored, no events tables
    let conn = rusqlite::Connection::open(dir.path().join("accord.sqlite")).unwrap();
    conn.execute_batch("DROP TABLE event_reports; DROP TABLE events; PRAGMA user_version = 3;").unwrap();
    drop(conn);
    let s = Store::open(dir.path()).unwrap();
    assert_eq!(s.schema_version().unwrap(), accord_store::MIGRATIONS.len() as i64);
    assert_eq!(s.stats().unwrap().events, 4);
    let talks = s
        .events(&EventQuery {
            actor: Some("Hamas".into()),
            from: Some("2025-03-06".into()),
            to: Some("2025-03-07".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(talks.iter().any(|e| e.reports == 2), "{talks:#?}");
}

#[test]
fn a_named_actor_without_a_link_joins_the_article_entity_of_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    let text = "Washington held talks with Hamas officials in Doha on Thursday, officials in both capitals said.";
    let mut d = article(
        "g",
        "2025-03-06",
        text,
        "talks",
        "CONSULT",
        US,
        ("Hamas officials", None, "PSE REB Hamas", "PSE", "REB"),
        false,
        "asserted",
    );
    d.entities[1] = entity(text, "e2", "ORG", "Hamas");
    s.add_batch(&[(d, ArticleInfo::default())]).unwrap();
    let hamas = s.find_entity("Hamas").unwrap().unwrap();
    assert_eq!(hamas.event_count, 1, "{hamas:#?}");
    let t = hamas.events[0].target.as_ref().unwrap();
    assert_eq!((t.entity, t.name.as_str()), (Some(hamas.id), "Hamas"));
}
