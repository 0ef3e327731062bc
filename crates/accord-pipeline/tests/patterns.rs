//! Attribution, entity, quantity and date behaviour on short articles written for these tests
//! (tests/fixtures and inline texts). None of them shares a name or a sentence with the seed article.

mod common;
use common::*;

/// The name of the entity holding the mention `word` written at the start of `word` inside `needle` in `text`.
fn referent_at(doc: &accord_doc::schema::DocumentOut, text: &str, needle: &str, word: &str) -> Option<String> {
    let at = text[..text.find(needle).unwrap() + needle.find(word).unwrap()].chars().count();
    doc.entities.iter().find(|e| e.mentions.iter().any(|m| m.start == at && m.text == word)).map(|e| e.name.clone())
}

fn source_of(doc: &accord_doc::schema::DocumentOut, needle: &str) -> (String, String, Option<String>) {
    let a = attribution_with(doc, needle);
    (a.qtype.clone(), speaker_name(doc, a).unwrap_or_default(), a.cue.as_ref().map(|c| c.text.clone()))
}

#[test]
fn speaker_before_and_after_the_cue_with_titles_and_credits() {
    let doc = extract_fixture("harbour-strike.txt", Some("2024-03-14"));
    // "CONTENT, TITLE NAME said on Tuesday."
    assert_eq!(
        source_of(&doc, "will strike next week"),
        ("indirect".into(), "Marta Silva".into(), Some("said".into()))
    );
    // multi-sentence direct quote with "told": one attribution covering both sentences
    let q = attribution_with(&doc, "fair contract");
    assert_eq!(q.qtype, "direct", "two quoted sentences around the cue");
    assert!(q.content.text.contains("as long as it takes"), "quote continues after the speaker: {:?}", q.content.text);
    assert_eq!(speaker_name(&doc, q).as_deref(), Some("Marta Silva"));
    // nominal speakers: "A government spokesman" then "The spokesman added", "but warned that" (shared subject)
    assert_eq!(source_of(&doc, "talks would resume").1, "A government spokesman");
    let warned = attribution_with(&doc, "patience is running out");
    // a quotation introduced by "that" is reported speech with a quoted part: mixed
    assert_eq!((warned.qtype.as_str(), warned.cue.as_ref().unwrap().text.as_str()), ("mixed", "warned"));
    assert_eq!(warned.source.kind, "anonymous");
    // the coordinated verb phrase ", but declined to comment" is not part of the content
    let offered = attribution_with(&doc, "4% rise");
    assert!(!offered.content.text.contains("declined"), "{:?}", offered.content.text);
    // sentence-initial "According to X, CONTENT"
    let acc = attribution_with(&doc, "40 vessels");
    assert_eq!(acc.cue.as_ref().unwrap().text, "According to");
    assert_eq!(acc.speaker.as_ref().unwrap().text, "the Portuguese shipping association");
    assert_eq!(acc.source.affiliation.as_deref(), Some("Portugal"));
    // appositive relative clause between subject and cue; then a pronoun
    assert_eq!(source_of(&doc, "regrettable").1, "Rui Costa");
    assert_eq!(source_of(&doc, "would not intervene").1, "Rui Costa");
    let costa = doc.entities.iter().find(|e| e.name == "Rui Costa").unwrap();
    assert_eq!(costa.titles, vec!["Transport Minister".to_string()]);
    let silva = doc.entities.iter().find(|e| e.name == "Marta Silva").unwrap();
    assert_eq!(silva.titles, vec!["union leader".to_string()]);
    assert_eq!(silva.mentions.len(), 2, "Marta Silva and Ms Silva are one entity");
    // credits: byline, dateline, photo credit; not quotes, not story entities
    assert_eq!(doc.sources, vec!["Reuters".to_string(), "AP".to_string()]);
    let kinds: Vec<_> = doc.credits.iter().map(|c| c.kind.as_str()).collect();
    assert_eq!(kinds, vec!["byline", "dateline", "photo"]);
    assert!(doc.attributions.iter().all(|a| !a.content.text.contains("Ana Brito")));
    let lisbon = doc.entities.iter().find(|e| e.name == "Lisbon").expect("dateline city");
    assert_eq!(lisbon.etype, "GPE");
    assert!(!doc.entities.iter().any(|e| e.name == "Dock"), "sentence-initial common word is no entity");
    // quantities with qualifiers and sources
    let q = doc.quantities.iter().find(|q| q.value == 1200.0).unwrap();
    assert_eq!(
        (q.qualifier.as_str(), q.counted.as_deref(), q.source.as_deref()),
        ("approximately", Some("workers"), Some("A government spokesman"))
    );
    assert_eq!(q.hedge.as_deref(), Some("are expected"));
    let euros = doc.quantities.iter().find(|q| q.value == 30_000_000.0).unwrap();
    assert_eq!(euros.qualifier, "more than");
    assert_eq!(doc.quantities.iter().find(|q| q.value == 40.0).unwrap().qualifier, "at least");
    // dates against the publication date (Thursday 2024-03-14)
    let date = |t: &str| doc.dates.iter().find(|d| d.span.text == t).map(|d| d.value.clone());
    assert_eq!(date("Tuesday").as_deref(), Some("2024-03-12"), "past tense: the Tuesday before");
    assert_eq!(date("Friday").as_deref(), Some("2024-03-15"), "'would resume on Friday': the coming Friday");
    assert_eq!(date("last month").as_deref(), Some("2024-02"));
    assert_eq!(date("last year").as_deref(), Some("2023"));
}

#[test]
fn quotes_with_the_speaker_after_and_pronouns() {
    let doc = extract_fixture("council-vote.txt", Some("2024-03-14"));
    assert!(doc.credits.iter().any(|c| c.kind == "headline"), "title line recognised");
    assert!(!doc.entities.iter().any(|e| e.name.contains("Housing Plan")), "headline words are no entities");
    // "“...,” said NAME, a ROLE who ... “...”"
    let q = attribution_with(&doc, "written without us");
    assert_eq!(speaker_name(&doc, q).as_deref(), Some("Daniel Reyes"));
    assert!(q.content.text.contains("Nobody asked"), "second quote joins the first: {:?}", q.content.text);
    let reyes = doc.entities.iter().find(|e| e.name == "Daniel Reyes").unwrap();
    assert_eq!(reyes.titles, vec!["tenant organiser".to_string()]);
    // pronouns resolve to the mayor; "said ..., and argued that ..."
    assert_eq!(source_of(&doc, "2,000 affordable homes").1, "Helen Park");
    assert_eq!(source_of(&doc, "delays would only raise costs").1, "Helen Park");
    let direct = attribution_with(&doc, "We listened for two years");
    assert_eq!((direct.qtype.as_str(), speaker_name(&doc, direct).as_deref()), ("direct", Some("Helen Park")));
    // group sources
    let g = attribution_with(&doc, "estimate is too optimistic");
    assert_eq!(
        (g.source.kind.as_str(), g.speaker.as_ref().unwrap().text.as_str()),
        ("group", "Opposition councillors")
    );
    let officials = attribution_with(&doc, "moved to next month");
    assert_eq!(officials.source.kind, "group");
    assert!(doc.dates.iter().any(|d| d.value == "2024-03-03"));
    assert!(doc.dates.iter().any(|d| d.span.text == "next month" && d.value == "2024-04"));
}

#[test]
fn offices_nested_sources_and_definite_nominals() {
    let doc = extract_fixture("minister-resigns.txt", Some("2024-03-14"));
    // "her office said" → an organisation speaking for the minister
    let office = attribution_with(&doc, "amid an inquiry");
    assert_eq!(
        (office.source.kind.as_str(), office.source.name.as_deref()),
        ("organization", Some("Office of Nadia Haddad"))
    );
    let haddad = doc.entities.iter().find(|e| e.name == "Nadia Haddad").unwrap();
    assert_eq!(haddad.titles, vec!["health minister".to_string()]);
    // "In a statement, Ms Haddad said she had “done nothing wrong”": mixed
    assert_eq!(source_of(&doc, "done nothing wrong").0, "mixed");
    assert_eq!(source_of(&doc, "stepping aside").1, "Nadia Haddad");
    // "Mr Farouk said X, a senior official told the Associated Press": both attributions, nested
    let farouk = attribution_with(&doc, "interim minister would be named");
    let told = doc.attributions.iter().find(|a| a.cue.as_ref().is_some_and(|c| c.text == "told")).expect("told");
    assert_eq!(told.source.name.as_deref(), Some("a senior official"));
    assert!(
        doc.attributions
            .iter()
            .any(|a| speaker_name(&doc, a).as_deref() == Some("Omar Farouk")
                && !a.content.text.contains("senior official")),
        "{:?}",
        farouk.content.text
    );
    // "The official later added" → the senior official, not the opposition leader named in between
    let added = attribution_with(&doc, "no charges had been filed");
    assert_eq!(added.source.name.as_deref(), Some("a senior official"));
    let aziz = doc.entities.iter().find(|e| e.name == "Samir Aziz").unwrap();
    assert_eq!(aziz.titles, vec!["opposition leader".to_string()]);
    assert_eq!(source_of(&doc, "must be independent").1, "Samir Aziz");
    assert_eq!(doc.sources, vec!["AFP".to_string()]);
}

#[test]
fn quotes_across_paragraphs_and_floating_quotes() {
    let text = "Anna Berg, the mill's owner, said the fire began at night.\n\n\
                “We lost everything in an hour,” she said. “The roof went first.\n\n\
                “Then the walls. Nobody was hurt, thank God.”\n\n\
                “We will rebuild by the spring, whatever it costs us,” she added.\n\n\
                “It is a sad day for the whole valley and for everyone who worked there.”\n\n\
                The mill employed 40 people.";
    let doc = extract(text, "mill.txt", None);
    let multi = attribution_with(&doc, "lost everything");
    assert!(multi.content.text.contains("Nobody was hurt"), "quote spans paragraphs: {:?}", multi.content.text);
    assert_eq!(speaker_name(&doc, multi).as_deref(), Some("Anna Berg"));
    let floating = attribution_with(&doc, "sad day for the whole valley");
    assert!(floating.cue.is_none(), "a floating quote has no cue");
    assert_eq!((floating.qtype.as_str(), speaker_name(&doc, floating).as_deref()), ("direct", Some("Anna Berg")));
    assert!(!doc.attributions.iter().any(|a| a.content.text.contains("employed 40")));
}

#[test]
fn he_and_she_pick_the_right_earlier_person() {
    let text = "Ms Lena Ortiz met Mr Paul Grant on Monday. Grant said the deal was close. \
                Ortiz declined to answer questions.\n\n“We are not there yet,” she said. He said talks would go on.";
    let doc = extract(text, "pronouns.txt", None);
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "not there yet")).as_deref(), Some("Lena Ortiz"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "talks would go on")).as_deref(), Some("Paul Grant"));
}

#[test]
fn straight_quotes_and_odd_marks_do_not_break_extraction() {
    let doc = extract(
        "\"It works,\" said Dr. Ruth Kim. She said \"maybe\" and left. “Unclosed quote said nobody.\n\n” stray ‘ ’ \"",
        "odd.txt",
        None,
    );
    let q = attribution_with(&doc, "It works");
    assert_eq!(q.qtype, "direct");
    assert_eq!(speaker_name(&doc, q).as_deref(), Some("Ruth Kim"));
    for a in &doc.attributions {
        assert!(a.content.start < a.content.end && a.content.end <= doc.text.chars().count());
    }
}

#[test]
fn a_cue_with_a_colon_takes_the_quotation_that_follows() {
    let doc = extract(
        "The senator later wrote:\n\n“We cannot wait another year for this bill.”\n\nThe vote is on Monday.",
        "colon.txt",
        None,
    );
    let q = attribution_with(&doc, "cannot wait another year");
    assert_eq!((q.qtype.as_str(), q.cue.as_ref().unwrap().text.as_str()), ("direct", "wrote"));
    assert_eq!(q.speaker.as_ref().unwrap().text, "The senator");
}

#[test]
fn empty_and_whitespace_documents_are_empty() {
    for text in ["", "   \n\n  "] {
        let doc = extract(text, "empty.txt", None);
        assert!(doc.sentences.is_empty() && doc.attributions.is_empty() && doc.entities.is_empty());
        assert_eq!(doc.schema, "accord/1");
    }
}

#[test]
fn fuzz_found_inputs_do_not_panic() {
    // inputs the fuzzer (fuzz/, docs/fuzzing.md) once crashed on, read as lossy UTF-8 like the fuzz target
    let crash: &[u8] =
        b"according to. . \x8f\xd8t.\xad\xad \xe2\x80\x98. \x01\xad\xadon Tuesday\xad\x92\xd8\x8b\xd9\xad\xad .";
    for text in [String::from_utf8_lossy(crash).into_owned(), "According to X, .".to_string()] {
        let doc = extract(&text, "fuzz.txt", None);
        for a in &doc.attributions {
            assert!(a.content.start <= a.content.end);
        }
    }
}

#[test]
fn the_learned_scorer_adds_stances_that_no_cue_list_names() {
    // "has expressed concern about": no cue of the lexicon; the scorer trained on PolNeAR train
    // (crates/accord-attribution/models/attribution.tsv) attributes the complement to the subject
    let text = "The tenant has expressed concern about the dam.";
    let pipeline = accord_pipeline::Pipeline::new(accord_pipeline::Options {
        disabled: vec!["attribution".into()],
        ..Default::default()
    })
    .unwrap();
    let raw = |t: &str| accord_pipeline::RawDoc {
        text: t.to_string(),
        meta: accord_doc::Meta { id: "learned.txt".into(), ..Default::default() },
    };
    let mut rules_only = pipeline.process(raw(text));
    accord_attribution::extract_with(&mut rules_only, None);
    assert!(rules_only.attributions.is_empty(), "the rules alone find nothing here");
    let scorer = accord_attribution::learned::Scorer::shipped().expect("the shipped attribution.tsv holds weights");
    let mut learned = pipeline.process(raw(text));
    accord_attribution::extract_with(&mut learned, Some(scorer));
    let a = learned.attributions.first().expect("a learned attribution");
    let (cue, speaker, content) =
        (learned.slice(a.cue.unwrap()), learned.slice(a.speaker.unwrap()), learned.slice(a.content));
    assert_eq!((cue, speaker, content), ("has expressed", "The tenant", "concern about the dam"));
    // a verb of data/non_cues.txt never attributes, whatever the scorer says
    let mut d = pipeline.process(raw("The minister declined to give details of the deal."));
    accord_attribution::extract_with(&mut d, Some(scorer));
    assert!(d.attributions.is_empty(), "{:?}", d.attributions);
}

#[test]
fn a_relative_pronoun_speaker_resolves_to_the_noun_it_stands_for() {
    let doc = extract("The council hired Jane Ortiz, an engineer who says the dam is safe.", "relative.txt", None);
    let a = doc
        .attributions
        .iter()
        .find(|a| a.content.text == "the dam is safe")
        .expect("the relative clause's attribution");
    assert_eq!(a.speaker.as_ref().unwrap().text, "who");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Jane Ortiz"));
    let doc = extract("The report was written by engineers who say the dam is unsafe.", "relative2.txt", None);
    let a = attribution_with(&doc, "the dam is unsafe");
    assert_eq!((a.source.kind.as_str(), a.source.name.as_deref()), ("group", Some("engineers")));
}

#[test]
fn definite_nominals_refer_back_to_names() {
    let text = "The Harbour Workers Union called a strike in Porto on Monday. The union said the walkout would last a week. \
                The Port Authority did not comment. The union later met the mayor.\n\n\
                Officials in Lisbon said the city would send mediators. The Brazilian team won the final in Tokyo, and the team will tour next year.\n\n\
                The group of engineers met later. The country reported no damage.";
    let doc = extract(text, "nominals.txt", Some("2024-03-14"));
    let mentions_of = |name: &str| -> Vec<String> {
        doc.entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.mentions.iter().map(|m| m.text.clone()).collect())
            .unwrap_or_default()
    };
    // "the union" → the union named before (its name contains the noun)
    assert_eq!(
        mentions_of("Harbour Workers Union").iter().filter(|m| *m == "The union").count(),
        2,
        "{:?}",
        doc.entities
    );
    assert!(
        !mentions_of("Port Authority").iter().any(|m| m == "The union"),
        "a nearer organisation, not named with the noun"
    );
    // "the city" → the nearest place named before it
    assert!(mentions_of("Lisbon").iter().any(|m| m == "the city"), "{:?}", doc.entities);
    // no referent of the right type nearby, or "the X of ...": left alone
    assert!(
        !doc.entities.iter().flat_map(|e| &e.mentions).any(|m| m.text == "The group" || m.text == "The country"),
        "{:?}",
        doc.entities
    );
}

#[test]
fn party_and_department_refer_only_to_names_of_their_kind() {
    let text = "The Harbour Foundation sued the county last year over its youth program. \
                The county probation department said on Monday that the program would end. \
                The department said it would review every rule.\n\n\
                The Valley Courier endorsed Ana Ruiz on Sunday. Leaders of the party said they were divided. \
                The Labour Party met on Tuesday. Later the party said it would back her.\n";
    let doc = extract(text, "only-marked.txt", Some("2024-03-14"));
    let mentions_of = |name: &str| -> Vec<String> {
        doc.entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.mentions.iter().map(|m| m.text.to_lowercase()).collect())
            .unwrap_or_default()
    };
    // a department is no foundation, a party no newspaper
    let foundation = mentions_of("Harbour Foundation");
    assert!(!foundation.iter().any(|m| m.contains("department")), "{:?}", doc.entities);
    let courier = mentions_of("Valley Courier");
    assert!(!courier.iter().any(|m| m.contains("party")), "{:?}", doc.entities);
    // named with the noun: still the referent
    assert!(mentions_of("Labour Party").iter().any(|m| m == "the party"), "{:?}", doc.entities);
    // a government is no health team, also after an earlier "the government" that found no one
    let text = "The government has argued that the numbers could drop if people stay home.\n\n\
                The Harbour Health Team met on Monday. The government then decided to close the schools.\n";
    let doc = extract(text, "government.txt", Some("2024-03-14"));
    let team = doc.entities.iter().find(|e| e.name == "Harbour Health Team").expect("the team");
    assert!(!team.mentions.iter().any(|m| m.text.to_lowercase().contains("government")), "{:?}", doc.entities);
}

#[test]
fn capitalised_function_words_are_not_names() {
    let text = "Mayor Ines Carvalho spoke to reporters on Friday. “I think the bridge will open in May,” she said. \
                “But We cannot promise it,” said Rui Matos, the engineer. “And I will be there.”";
    let doc = extract(text, "function-words.txt", Some("2024-03-14"));
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.iter().any(|n| ["I", "We", "But", "And"].contains(n)), "{names:?}");
    assert!(names.contains(&"Rui Matos") && names.contains(&"Ines Carvalho"), "{names:?}");
}

#[test]
fn an_inverted_cue_without_quotation_marks_has_its_speaker_after_it() {
    let text = "The new bridge will not open before the winter, said Ana Ferreira, a city engineer.\n\n\
                The council approved the budget for the harbour works, reported the Coastal Gazette.\n";
    let doc = extract(text, "inverted.txt", Some("2024-03-14"));
    let bridge = attribution_with(&doc, "bridge will not open");
    assert_eq!(speaker_name(&doc, bridge).as_deref(), Some("Ana Ferreira"));
    assert!(!bridge.content.text.contains("Ferreira"), "{:?}", bridge.content.text);
    let budget = attribution_with(&doc, "approved the budget");
    assert_eq!(budget.speaker.as_ref().map(|s| s.text.as_str()), Some("Coastal Gazette"));
    // the clause's own verb does not take the inverted attribution into its content
    assert!(doc.attributions.iter().all(|a| !a.content.text.contains("reported")), "{:?}", doc.attributions);
}

#[test]
fn quotation_marks_around_a_title_or_name_quote_nobody() {
    let text = "The singer, who wrote “Summer on the Harbour,” retired on Friday, her agent Lia Moreno told \
                reporters.\n\nMoreno said the band had called the tour “a slow goodbye” in its letter.\n";
    let doc = extract(text, "titles-in-quotes.txt", Some("2024-03-14"));
    assert_eq!(attribution_with(&doc, "retired on Friday").qtype, "indirect", "a song title is no quotation");
    assert_eq!(attribution_with(&doc, "slow goodbye").qtype, "mixed", "a quoted phrase still is");
}

#[test]
fn a_report_after_an_inverted_cue_speaks_for_its_author_named_next() {
    let text = "Hundreds of harbour pilots work without contracts, says a report published on Monday.\n\
                The report by the Maritime Pilots Association calls for new rules.\n\n\
                Ferry fares will rise in May, says the report.\n";
    let doc = extract(text, "report-author.txt", Some("2024-03-14"));
    let pilots = attribution_with(&doc, "without contracts");
    assert_eq!(pilots.speaker.as_ref().map(|s| s.text.as_str()), Some("a report"));
    assert_eq!(speaker_name(&doc, pilots).as_deref(), Some("Maritime Pilots Association"));
    // a cue word the parse reads as a noun ends no speaker phrase
    let fares = attribution_with(&doc, "fares will rise");
    assert_eq!(fares.speaker.as_ref().map(|s| s.text.as_str()), Some("the report"));
}

#[test]
fn a_relative_clause_belongs_to_the_speaker_it_follows() {
    let text = "Fishermen who sailed from Peniche early Friday reported that the storm had sunk two boats.\n";
    let doc = extract(text, "relative-speaker.txt", Some("2024-03-14"));
    let storm = attribution_with(&doc, "sunk two boats");
    assert_eq!(
        storm.speaker.as_ref().map(|s| s.text.as_str()),
        Some("Fishermen who sailed from Peniche early Friday"),
        "the phrase before the cue is the relative clause's object, not the speaker"
    );
    assert!(speaker_name(&doc, storm).unwrap_or_default().contains("who sailed from Peniche"));
}

#[test]
fn a_role_named_in_the_next_sentence_is_that_person() {
    let text = "Forty houses were flooded near Braga overnight, the regional fire chief said. Commander Rui \
                Tavares said the river had burst its banks at two points.\n";
    let doc = extract(text, "forward-role.txt", Some("2024-03-14"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "Forty houses")).as_deref(), Some("Rui Tavares"));
    let tavares = doc.entities.iter().find(|e| e.name == "Rui Tavares").unwrap();
    assert!(tavares.titles.iter().any(|t| t == "regional fire chief"), "{:?}", tavares.titles);
    // only a sentence that opens with the titled name reads a role forward
    let text = "The harbour chief said the cranes were idle. On Monday, Minister Rui Tavares said the port would \
                reopen.\n";
    let doc = extract(text, "forward-role-2.txt", Some("2024-03-14"));
    assert_ne!(speaker_name(&doc, attribution_with(&doc, "cranes were idle")).as_deref(), Some("Rui Tavares"));
}

#[test]
fn quoted_as_saying_a_mistagged_cue_and_a_statement_that_reads() {
    let text = "A senior navy officer was quoted by state radio on Monday as saying the fleet had left port.\n\n\
                The warning note warns that the files will be deleted after three days.\n\n\
                The Harbour Authority and the Coastal Pilots Union released a statement on Friday.\n\n\
                “The harbour will stay closed until the storm passes,” the statement read.\n";
    let doc = extract(text, "quoted-reads.txt", Some("2024-03-14"));
    let fleet = attribution_with(&doc, "fleet had left port");
    assert_eq!(speaker_name(&doc, fleet).as_deref(), Some("A senior navy officer"));
    let files = attribution_with(&doc, "files will be deleted");
    assert_eq!(files.cue.as_ref().map(|c| c.text.as_str()), Some("warns"));
    let closed = attribution_with(&doc, "stay closed");
    assert_eq!(closed.cue.as_ref().map(|c| c.text.as_str()), Some("read"));
    assert_eq!(speaker_name(&doc, closed).as_deref(), Some("Harbour Authority and Coastal Pilots Union"));
}

#[test]
fn a_plural_name_of_members_speaks_for_them_not_the_party() {
    let text = "Democrats have argued that the new port tax would hurt small fishing towns.\n";
    let doc = extract(text, "members.txt", Some("2024-03-14"));
    let tax = attribution_with(&doc, "port tax");
    assert_eq!(tax.source.kind, "group");
    assert_eq!(speaker_name(&doc, tax).as_deref(), Some("Democrats"));
    assert_eq!(tax.source.affiliation.as_deref(), Some("Democratic Party"));
}

#[test]
fn in_a_statement_speaks_for_the_subject_that_issued_it() {
    let text = "In a statement announcing the vote, the Dockworkers Guild called the harbour plan “a betrayal” \
                of its members.\n";
    let doc = extract(text, "in-a-statement.txt", Some("2024-03-14"));
    // every attribution whose speaker is the statement speaks for the guild that issued it
    let by_statement: Vec<_> =
        doc.attributions.iter().filter(|a| a.speaker.as_ref().is_some_and(|s| s.text.contains("statement"))).collect();
    assert!(!by_statement.is_empty(), "{:?}", doc.attributions);
    for a in by_statement {
        assert_eq!(speaker_name(&doc, a).as_deref(), Some("Dockworkers Guild"), "{:?}", a.speaker);
    }
}

#[test]
fn made_it_clear_is_a_cue_sharing_the_first_verbs_speaker() {
    let text = "In an interview, Ines Duarte said she had not read the audit, but made it clear the port \
                authority plays a small role in dredging.\n";
    let doc = extract(text, "made-clear.txt", Some("2024-03-14"));
    let role = attribution_with(&doc, "plays a small role");
    assert_eq!(role.cue.as_ref().map(|c| c.text.as_str()), Some("made it clear"));
    assert_eq!(speaker_name(&doc, role).as_deref(), Some("Ines Duarte"));
    assert!(!role.content.text.contains("audit"), "{:?}", role.content.text);
}

#[test]
fn a_verb_coordinated_inside_the_content_stays_in_it() {
    let text = "A senior navy official said the rebels had shifted the focus of their war, and now planned to \
                attack bridges.\n\n\
                The director said the ward had been closed, but declined to comment further.\n";
    let doc = extract(text, "inner-coordination.txt", Some("2024-03-14"));
    let war = attribution_with(&doc, "shifted the focus");
    assert!(war.content.text.contains("attack bridges"), "a verb of the content: {:?}", war.content.text);
    let closed = attribution_with(&doc, "ward had been closed");
    assert!(!closed.content.text.contains("declined"), "the speaker's own act: {:?}", closed.content.text);
}

#[test]
fn a_pronoun_after_an_unnamed_source_is_that_source_not_a_person_named_before() {
    let text = "Tomas Reyes, the union's leader, said the strike would go on.\n\n\
                “We will not sign,” Reyes said.\n\n\
                But a spokesperson for the Harbour Employers Association said its members had raised pay.\n\n\
                “The association has worked with the union and the IT staff for years,” he said.\n";
    let doc = extract(text, "pronoun-unnamed.txt", Some("2024-03-14"));
    let worked = attribution_with(&doc, "worked with the union");
    assert_eq!(worked.source.kind, "anonymous", "{:?}", worked.source);
    assert!(speaker_name(&doc, worked).unwrap_or_default().contains("spokesperson"), "{:?}", worked.source);
    // a pronoun in capitals inside a lower-case sentence is an acronym, no mention of anyone
    let reyes = doc.entities.iter().find(|e| e.name == "Tomas Reyes").unwrap();
    assert!(reyes.mentions.iter().all(|m| m.text != "IT" && m.text != "HE"), "{:?}", reyes.mentions);
}

#[test]
fn a_kinship_role_and_a_possessive_campaign_resolve_to_their_owner() {
    let doc = extract(
        "Tom Hadley, the father of one of the injured climbers, waited outside the hospital. “We want answers,” \
         the father said.\n\nMrs. Okafor's campaign said in a statement that the figures were wrong. The \
         campaign added that it would appeal.\n",
        "kin",
        None,
    );
    let source = |needle: &str| attribution_with(&doc, needle).source.clone();
    assert_eq!(source("want answers").name.as_deref(), Some("Tom Hadley"));
    let s = source("figures were wrong");
    assert_eq!(
        (s.kind.as_str(), s.name.as_deref(), s.affiliation.as_deref()),
        ("organization", Some("Okafor campaign"), Some("Okafor"))
    );
    assert_eq!(source("would appeal").name.as_deref(), Some("Okafor campaign"));
}

#[test]
fn an_opening_adverbial_is_no_content_when_the_cue_has_its_own() {
    // a day and a programme (with a quoted title) before the speaker, a clause after the cue
    let text = "Tuesday on the harbour channel’s “Morning Tide,” Mayor Ana Lopes said the ferry would run again \
                by June.\n\n\
                Downplaying the cost of the repairs, the harbour master said the cranes would be fixed within a \
                week.\n";
    let doc = extract(text, "opening-adverbial.txt", Some("2024-03-14"));
    let ferry = attribution_with(&doc, "ferry would run");
    assert_eq!(ferry.content.text, "the ferry would run again by June");
    assert_eq!(speaker_name(&doc, ferry).as_deref(), Some("Ana Lopes"));
    assert!(doc.attributions.iter().all(|a| !a.content.text.contains("Morning Tide")), "{:?}", doc.attributions);
    let cranes = attribution_with(&doc, "cranes would be fixed");
    assert_eq!(cranes.content.text, "the cranes would be fixed within a week");
}

#[test]
fn a_subject_inside_the_quotation_before_the_cue_is_no_speaker() {
    let text = "“His boat seems to be always full and outside the harbour,” said Rui Lima, a spokesman for the \
                city’s ferry company.\n\n\
                ''What the council did is try to close us,'' said Tomas Reyes, a ferry captain.\n";
    let doc = extract(text, "subject-in-quote.txt", Some("2024-03-14"));
    let boat = attribution_with(&doc, "always full");
    assert_eq!(boat.qtype, "direct");
    assert_eq!(boat.speaker.as_ref().map(|s| s.text.as_str()), Some("Rui Lima"));
    let council = attribution_with(&doc, "try to close us");
    assert_eq!(council.speaker.as_ref().map(|s| s.text.as_str()), Some("Tomas Reyes"));
    assert!(doc.attributions.iter().all(|a| !a.content.text.starts_with("Rui Lima")), "{:?}", doc.attributions);
}

#[test]
fn an_inverted_cue_keeps_its_speaker_when_a_relative_clause_follows_it() {
    let text = "The harbour fund is two million euros short of its target, said former mayor Ana Lopes, who \
                chairs the board of the Porto Sailing Club.\n";
    let doc = extract(text, "inverted-relative.txt", Some("2024-03-14"));
    let fund = attribution_with(&doc, "short of its target");
    assert_eq!(fund.content.text, "The harbour fund is two million euros short of its target");
    assert_eq!(speaker_name(&doc, fund).as_deref(), Some("Ana Lopes"));
}

#[test]
fn a_parenthetical_according_to_keeps_the_content_on_both_sides() {
    let text = "But the next morning, according to the harbour master, the ferry crew refused to sail.\n\n\
                The ferry is late, according to Ana Lopes, who runs the ticket office.\n\n\
                Few noticed: According to the port’s own figures, traffic fell by a third.\n";
    let doc = extract(text, "according-parenthetical.txt", Some("2024-03-14"));
    let crew = attribution_with(&doc, "refused to sail");
    assert!(crew.content.text.contains("next morning"), "{:?}", crew.content.text);
    assert_eq!(crew.speaker.as_ref().map(|s| s.text.as_str()), Some("the harbour master"));
    // a relative clause on the source is not content
    let late = attribution_with(&doc, "ferry is late");
    assert!(!late.content.text.contains("ticket office"), "{:?}", late.content.text);
    // after a colon the phrase opens its clause
    let traffic = attribution_with(&doc, "traffic fell");
    assert_eq!(traffic.content.text, "traffic fell by a third");
}

#[test]
fn a_cue_set_off_between_a_subject_and_its_quoted_predicate_splits_one_content() {
    let text = "The harbour board's new fee for fishing boats, Ana Lopes said, “is a tax on the poorest crews” in \
                the port.\n";
    let doc = extract(text, "split-quoted-predicate.txt", Some("2024-03-14"));
    let fee = attribution_with(&doc, "poorest crews");
    assert!(fee.content.text.starts_with("The harbour board's new fee"), "{:?}", fee.content.text);
    assert!(fee.content.text.ends_with("in the port"), "{:?}", fee.content.text);
    assert_eq!(fee.qtype, "mixed");
    assert_eq!(speaker_name(&doc, fee).as_deref(), Some("Ana Lopes"));
}

#[test]
fn reiterated_and_assured_report_speech() {
    let text = "“The ferry will sail again in June,” the mayor reiterated.\n\n\
                The harbour master assured fishermen that the quay would reopen.\n";
    let doc = extract(text, "more-speech-verbs.txt", Some("2024-03-14"));
    let ferry = attribution_with(&doc, "sail again");
    assert_eq!((ferry.qtype.as_str(), ferry.cue.as_ref().map(|c| c.text.as_str())), ("direct", Some("reiterated")));
    assert_eq!(ferry.speaker.as_ref().map(|s| s.text.as_str()), Some("the mayor"));
    let quay = attribution_with(&doc, "quay would reopen");
    assert_eq!(quay.content.text, "the quay would reopen", "the one told is no content");
    assert_eq!(quay.speaker.as_ref().map(|s| s.text.as_str()), Some("The harbour master"));
}

#[test]
fn the_relative_that_of_an_appositive_after_the_cue_opens_no_content() {
    let text = "Small boats would pay half the harbour fee, the mayor said, a change that could keep the fishing \
                fleet in port.\n";
    let doc = extract(text, "appositive-that.txt", Some("2024-03-14"));
    let fee = attribution_with(&doc, "half the harbour fee");
    assert!(fee.content.text.starts_with("Small boats would pay"), "{:?}", fee.content.text);
    assert_eq!(fee.speaker.as_ref().map(|s| s.text.as_str()), Some("the mayor"));
    assert!(
        !doc.attributions.iter().any(|a| a.content.text.starts_with("could keep")),
        "the relative clause is no content of its own: {:?}",
        doc.attributions
    );
}

#[test]
fn a_subject_inside_a_quotation_opened_in_an_earlier_sentence_is_no_speaker() {
    let text = "\"It will be chaos at the quay. Nobody expected it would be Lopes coming here,\" said Rui Lima, a \
                warehouse manager.\n\n\
                SAG members, the actors’ union, called the strike “a last resort.”\n";
    let doc = extract(text, "subject-in-earlier-quote.txt", Some("2024-03-14"));
    let chaos = attribution_with(&doc, "Lopes coming here");
    assert_eq!(chaos.speaker.as_ref().map(|s| s.text.as_str()), Some("Rui Lima"));
    assert!(chaos.content.text.starts_with("\"It will be chaos"), "{:?}", chaos.content.text);
    // an apostrophe is no closing quotation mark
    let strike = attribution_with(&doc, "last resort");
    assert!(strike.speaker.as_ref().is_some_and(|s| s.text.starts_with("SAG")), "{:?}", strike.speaker);
}

#[test]
fn the_one_asked_is_no_speaker_of_the_question() {
    let text = "Asked whether the ferry would run in winter, most residents of the island said yes.\n\n\
                The harbour master was asked about the new fee.\n\n\
                Ana Lopes asked whether the quay would reopen.\n";
    let doc = extract(text, "asked.txt", Some("2024-03-14"));
    let winter = attribution_with(&doc, "ferry would run in winter");
    assert_eq!(winter.cue.as_ref().map(|c| c.text.as_str()), Some("Asked"));
    assert!(winter.speaker.is_none(), "{:?}", winter.speaker);
    // the question ends before the main clause that answers it
    assert_eq!(winter.content.text, "whether the ferry would run in winter");
    let fee = attribution_with(&doc, "new fee");
    assert!(fee.speaker.is_none(), "{:?}", fee.speaker);
    // the one asking still is
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "quay would reopen")).as_deref(), Some("Ana Lopes"));
}

#[test]
fn a_document_issued_by_the_subject_speaks_through_a_participle_for_it() {
    let text = "The Dockworkers Guild issued a statement saying the strike would end on Friday.\n";
    let doc = extract(text, "issued-statement-saying.txt", Some("2024-03-14"));
    let strike = attribution_with(&doc, "strike would end");
    assert_eq!(strike.cue.as_ref().map(|c| c.text.as_str()), Some("saying"));
    assert!(strike.speaker.as_ref().is_some_and(|s| s.text.contains("Dockworkers Guild")), "{:?}", strike.speaker);
}

#[test]
fn a_passive_cue_without_an_agent_raises_its_subject_into_the_content() {
    let text = "The harbour board is expected to approve the new ferry timetable on Monday.\n\n\
                The old pier was widely seen as a danger to swimmers.\n\n\
                The plan was criticised by the fishermen's guild as too costly.\n";
    let doc = extract(text, "passive-raising.txt", Some("2024-03-14"));
    // the subject is what is expected, not the one expecting: part of the content, no speaker
    let board = attribution_with(&doc, "new ferry timetable");
    assert!(board.content.text.starts_with("The harbour board"), "{:?}", board.content.text);
    assert!(board.speaker.is_none(), "{:?}", board.speaker);
    let pier = attribution_with(&doc, "danger to swimmers");
    assert!(pier.content.text.starts_with("The old pier"), "{:?}", pier.content.text);
    assert!(pier.speaker.is_none(), "{:?}", pier.speaker);
    // with an agent, the agent speaks and the subject stays out of the content
    let plan = attribution_with(&doc, "The plan");
    assert_eq!(plan.content.text, "The plan");
    assert!(plan.speaker.as_ref().is_some_and(|s| s.text.starts_with("the fishermen's guild")), "{:?}", plan.speaker);
}

#[test]
fn a_title_case_headline_has_its_verb_as_the_cue_and_the_phrase_before_it_as_the_speaker() {
    for (headline, cue, speaker, content) in [
        // (the name without its title, as in running text: "Port Mayor Ana Reis said ..." speaks as "Ana Reis")
        ("Port Mayor Ana Reis Says Ferry Service Will End In June.", "Says", "Ana Reis", "Ferry Service"),
        ("Fishing Union Endorses Rui Lopes For Harbour Board.", "Endorses", "Fishing Union", "Rui Lopes"),
        ("Island Council Slams Ferry Operator Over Winter Delays.", "Slams", "Island Council", "Ferry Operator"),
    ] {
        let text = format!("{headline}\n\nThe council met on Monday. Its chief spoke after the vote.\n");
        let doc = extract(&text, "title-case-headline.txt", Some("2024-03-14"));
        let a = attribution_with(&doc, content);
        assert_eq!(a.cue.as_ref().map(|c| c.text.as_str()), Some(cue), "{headline}");
        // the speaker stops at the verb even where a name found in the title runs across it
        assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some(speaker), "{headline}");
    }
}

#[test]
fn a_raising_verb_of_appearance_is_an_evidential_stance_with_no_named_source() {
    let text = "The harbour master seemed to be losing patience with the ferry company.\n\n\
                It appears that the new pier will open in May.\n\n\
                To the fishermen, the new fee seemed unfair.\n\n\
                The mayor appeared on local radio on Sunday.\n\n\
                The captain seemed to blame the weather for the delay.\n";
    let doc = extract(text, "evidential.txt", Some("2024-03-14"));
    // the subject with its complement, the verb as the cue, nobody named
    let master = attribution_with(&doc, "losing patience");
    assert!(master.content.text.starts_with("The harbour master seemed"), "{:?}", master.content.text);
    assert_eq!(master.cue.as_ref().map(|c| c.text.as_str()), Some("seemed"));
    assert!(master.speaker.is_none(), "{:?}", master.speaker);
    // after an expletive "it", the clause
    let pier = attribution_with(&doc, "new pier will open");
    assert_eq!(pier.content.text, "that the new pier will open in May");
    assert!(pier.speaker.is_none(), "{:?}", pier.speaker);
    // the one it looks so to, when named, holds the view
    let fee = attribution_with(&doc, "new fee");
    assert_eq!(fee.content.text, "the new fee seemed unfair");
    assert_eq!(fee.speaker.as_ref().map(|s| s.text.as_str()), Some("the fishermen"));
    // "appeared on the radio" raises no clause; "seemed to blame" is the captain's own act
    assert!(doc.attributions.iter().all(|a| !a.content.text.contains("local radio")));
    let blame = attribution_with(&doc, "weather");
    assert!(blame.speaker.as_ref().is_some_and(|s| s.text == "The captain"), "{:?}", blame.speaker);
}

#[test]
fn answers_not_given_and_scoops_report_no_statement() {
    let text = "Ferry fares rise again\n\n\
                The operator did not respond to a request for comment on Friday.\n\n\
                Harbour officials did not immediately reply to an email from the paper.\n\n\
                The port authority has yet to comment on the fares.\n\n\
                The mayor has yet to say whether the council will step in.\n\n\
                Marta Silva would neither confirm nor deny the report.\n\n\
                The Island Courier was the first to report on the increase.\n\n\
                A spokesman said the fares would be reviewed in June.\n";
    let doc = extract(text, "non-answers.txt", Some("2024-03-14"));
    for needle in
        ["request for comment", "an email", "on the fares", "council will step in", "the report", "the increase"]
    {
        assert!(
            !doc.attributions.iter().any(|a| a.content.text.contains(needle)),
            "{needle:?} is no statement: {:?}",
            doc.attributions.iter().map(|a| &a.content.text).collect::<Vec<_>>()
        );
    }
    // a statement beside them stays
    let reviewed = attribution_with(&doc, "fares would be reviewed");
    assert_eq!(reviewed.cue.as_ref().map(|c| c.text.as_str()), Some("said"));
}

#[test]
fn an_opening_gerund_speaks_for_the_main_clause_subject_and_headings_are_no_labels() {
    let text = "Ferry fares rise again\n\n\
                HARBOURTON (Reuters) - Nine captains were named harbour pilots on Monday.\n\n\
                In announcing her retirement, Marta Silva said she had never planned to stay long.\n\n\
                After denying the rumours in May, Tomas Reyes announced his resignation in June.\n\n\
                Our Standards: The rules our reporters follow in every story\n\n\
                Lindqvist: The harbour will stay open all winter\n";
    let doc = extract(text, "gerunds-labels.txt", Some("2024-03-14"));
    let retirement = attribution_with(&doc, "her retirement");
    assert_eq!(retirement.content.text, "her retirement");
    assert_eq!(speaker_name(&doc, retirement).as_deref(), Some("Marta Silva"));
    let rumours = attribution_with(&doc, "the rumours");
    assert_eq!(rumours.content.text, "the rumours in May");
    assert_eq!(speaker_name(&doc, rumours).as_deref(), Some("Tomas Reyes"));
    // the dateline is no part of a raised subject
    let named = attribution_with(&doc, "harbour pilots");
    assert!(named.content.text.starts_with("Nine captains"), "{:?}", named.content.text);
    // a heading of common words labels no statement; a name does
    assert!(!doc.attributions.iter().any(|a| a.content.text.contains("reporters follow")));
    let open = attribution_with(&doc, "stay open all winter");
    assert_eq!(open.speaker.as_ref().map(|s| s.text.as_str()), Some("Lindqvist"));
}

#[test]
fn names_lose_abbreviated_and_hyphenated_titles_and_keep_a_place_as_surname() {
    let text = "The award went to Ignacio Denver and Ana Lopes on Sunday.\n\n\
                \"I am grateful,\" Denver said on Sunday.\n\n\
                The plan was praised by U.S. President Tomas Reyes last year.\n\n\
                Vice-President Carla Mendes stressed the plan was safe.\n";
    let doc = extract(text, "titles-surnames.txt", Some("2024-03-14"));
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    // a first name and a city's name read as one person: the person, not a place
    assert!(names.contains(&"Ignacio Denver") && !names.contains(&"Denver"), "{names:?}");
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "grateful")).as_deref(), Some("Ignacio Denver"));
    // "U.S." before a title is the country, the title goes to titles
    let reyes = doc.entities.iter().find(|e| e.name == "Tomas Reyes").expect("Tomas Reyes without his title");
    assert_eq!(reyes.titles, vec!["U.S. President".to_string()]);
    let mendes = doc.entities.iter().find(|e| e.name == "Carla Mendes").expect("Carla Mendes without her title");
    assert_eq!(mendes.titles, vec!["Vice-President".to_string()]);
}

#[test]
fn a_place_before_an_acronym_names_an_organisation() {
    let text = "Nevada GRX said the grid was stable.\n\nOfficials in Nevada said the plan was good.\n";
    let doc = extract(text, "place-acronym.txt", Some("2024-03-14"));
    let grx = doc.entities.iter().find(|e| e.name == "Nevada GRX").expect("one organisation");
    assert_eq!(grx.etype, "ORG");
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "grid was stable")).as_deref(), Some("Nevada GRX"));
    assert!(doc.entities.iter().any(|e| e.name == "Nevada" && e.etype == "GPE"));
}

#[test]
fn a_cue_in_an_adverbial_clause_keeps_its_content_out_of_the_main_clause() {
    let text = "When the presenter asked whether the ferry would run in winter, the captain shook his head.\n";
    let doc = extract(text, "adverbial-clause.txt", Some("2024-03-14"));
    let winter = attribution_with(&doc, "ferry would run");
    assert_eq!(winter.content.text, "whether the ferry would run in winter");
}

#[test]
fn a_capitalised_role_after_the_refers_back_to_its_holder() {
    let text = "Fisheries Minister Ana Costa said quotas would rise.\n\n\
                Skippers said they were worried.\n\n\
                The Fisheries Minister insists the quotas are fair.\n";
    let doc = extract(text, "capitalised-role.txt", Some("2024-03-14"));
    let fair = attribution_with(&doc, "quotas are fair");
    assert_eq!(speaker_name(&doc, fair).as_deref(), Some("Ana Costa"));
    assert!(!doc.entities.iter().any(|e| e.name.contains("Fisheries Minister")), "a role is no name");
}

#[test]
fn a_middle_initial_keeps_a_known_surname_and_a_source_s_terms_stay_terms() {
    let text = "Former mayor Michael R. Bloomberg said he was sorry.\n\n\
                One vice-chancellor, who asked not to be named because the talks were private, said the plan had failed.\n";
    let doc = extract(text, "initial-terms.txt", Some("2024-03-14"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "he was sorry")).as_deref(), Some("Michael R. Bloomberg"));
    assert!(!doc.attributions.iter().any(|a| a.content.text.starts_with("not to be named")), "the source's terms");
    assert!(doc.attributions.iter().any(|a| a.content.text == "the plan had failed"));
}

#[test]
fn station_datelines_and_hyphenated_place_names() {
    let text = "HARBOURTON (KXYZ) — Island voters approved a new ferry levy on Tuesday.\n\n\
                Nairobi-Kiambu Police said officers had closed the quay.\n";
    let doc = extract(text, "station-dateline.txt", Some("2024-03-14"));
    assert!(doc.credits.iter().any(|c| c.kind == "dateline" && c.span.text.starts_with("HARBOURTON")));
    let levy = attribution_with(&doc, "ferry levy");
    assert_eq!(levy.speaker.as_ref().map(|s| s.text.as_str()), Some("Island voters"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "closed the quay")).as_deref(), Some("Nairobi-Kiambu Police"));
}

#[test]
fn an_organisation_s_for_complement_runs_over_and() {
    let text = "The Northern Institute for Harbour Safety and Navigation said the quay was safe.\n";
    let doc = extract(text, "for-and.txt", Some("2024-03-14"));
    assert_eq!(
        speaker_name(&doc, attribution_with(&doc, "quay was safe")).as_deref(),
        Some("Northern Institute for Harbour Safety and Navigation")
    );
}

#[test]
fn a_person_named_after_an_office_s_name_is_the_speaker() {
    let text = "Harbour Authority Rick Cotton said the ferry would sail.\n\n\
                Acting Attorney for the District of Westmark Joshua Levy said the case is still open.\n";
    let doc = extract(text, "office-person.txt", Some("2024-03-14"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "ferry would sail")).as_deref(), Some("Rick Cotton"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "case is still open")).as_deref(), Some("Joshua Levy"));
}

#[test]
fn an_act_done_somewhere_says_nothing() {
    let text = "\"This is far too large for the lake,\" said a resident who called into the meeting.\n\n\
                The mayor called upon residents to save water.\n";
    let doc = extract(text, "act-place.txt", Some("2024-03-14"));
    assert!(doc.attributions.iter().all(|a| !a.content.text.starts_with("into")), "{:?}", doc.attributions);
    assert!(doc.attributions.iter().any(|a| a.content.text.contains("residents to save")), "{:?}", doc.attributions);
}

#[test]
fn an_inverted_cue_read_as_a_noun_after_cannot() {
    let text = "The harbour cannot ignore the risk of storms, warns Director Jane Roe.\n";
    let doc = extract(text, "warns.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "risk of storms");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Jane Roe"));
    assert_eq!(a.cue.as_ref().map(|c| c.text.as_str()), Some("warns"));
}

#[test]
fn an_organisation_in_a_place_is_the_speaker_not_the_place() {
    let text = "The Court of Appeal in Westmark found that the retailer was liable.\n\n\
                Protesters in Tallinn said the plan was unfair.\n";
    let doc = extract(text, "court-in.txt", Some("2024-03-14"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "retailer was liable")).as_deref(), Some("Court of Appeal"));
    let a = attribution_with(&doc, "plan was unfair");
    assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("Protesters in Tallinn"));
}

#[test]
fn a_time_after_the_speaker_and_a_new_subject_before_a_pronoun() {
    let text = "Board member Tomas Ferreira asked how the ferries would cross the bay.\n\n\
                Mr. Ferreira last week said the timetable remains his main worry.\n\n\
                Tomas Ferreira in the past said the ferries were late.\n\n\
                Harbour Director Ines Valdmaa at that time asked for full details. \
                \"We were promised a better service,\" she said.\n";
    let doc = extract(text, "time-tail.txt", Some("2024-03-14"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "timetable remains")).as_deref(), Some("Tomas Ferreira"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "ferries were late")).as_deref(), Some("Tomas Ferreira"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "better service")).as_deref(), Some("Ines Valdmaa"));
}

#[test]
fn weekdays_police_ranks_and_an_appositive_name_after_an_unnamed_lead() {
    let text = "Westmark Governor Rosa Valdmaa Thursday called for calm after the arrests.\n\n\
                Superintendent Audley Ferreira said officers were alerted after noon. \
                Supt Ferreira said the man was at a stall in the area.\n\n\
                A lawyer in attendance, Tomas Kilpatrick, tweeted that the hearing was moving.\n";
    let doc = extract(text, "ranks.txt", Some("2024-03-14"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "calm after")).as_deref(), Some("Rosa Valdmaa"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "at a stall")).as_deref(), Some("Audley Ferreira"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "hearing was moving")).as_deref(), Some("Tomas Kilpatrick"));
}

#[test]
fn an_office_named_with_a_possessive_is_one_organisation() {
    let text = "The Westmark County Sheriff's Office is investigating the fire.\n\n\
                WCSO said a report should have been taken.\n";
    let doc = extract(text, "sheriff.txt", Some("2024-03-14"));
    assert_eq!(
        speaker_name(&doc, attribution_with(&doc, "report should have")).as_deref(),
        Some("Westmark County Sheriff's Office")
    );
}

#[test]
fn institutions_and_store_chains_are_organisations() {
    let text = "Shoppers were turned away at Harlow Stores on Friday after a cyber attack.\n\n\
                Harlow said the attack had been contained. The Dunmore Institution published a study of \
                such attacks last year.\n";
    let doc = extract(text, "institutions.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "had been contained");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Harlow Stores"), "{:?}", doc.entities);
    assert_eq!(a.source.kind, "organization");
    let e = doc.entities.iter().find(|e| e.name == "Dunmore Institution").expect("the institution");
    assert_eq!(e.etype, "ORG");
}

#[test]
fn a_name_with_des_and_honourables_before_a_name() {
    let text = "“We are fully mobilised,” said Camille des Ormes, the museum’s director.\n\n\
                The Hon. Dana Whitfield said the forum would meet again. Dr the Hon. Ines Morvan said she agreed.\n";
    let doc = extract(text, "particles.txt", Some("2024-03-14"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "fully mobilised")).as_deref(), Some("Camille des Ormes"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "forum would meet")).as_deref(), Some("Dana Whitfield"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "she agreed")).as_deref(), Some("Ines Morvan"));
    // an honorific alone is no one's name
    assert!(!doc.entities.iter().any(|e| e.name == "Dr" || e.name == "Hon."), "{:?}", doc.entities);
}

#[test]
fn told_with_its_addressee_after_a_relative_clause() {
    let text = "Dana Hollins is leaving her role at the studio after five years.\n\n\
                Hollins, who was head of communications, told Variety: “I am going to take some time off. \
                I have no plans yet.”\n\n\
                But she added, “Media will be part of it.”\n";
    let doc = extract(text, "told-addressee.txt", Some("2024-03-14"));
    // the one told ("Variety") is no speaker, and what was told is the quotation after the colon
    assert!(
        doc.attributions.iter().all(|a| a.speaker.as_ref().is_none_or(|s| s.text != "Variety")),
        "{:?}",
        doc.attributions
    );
    let a = attribution_with(&doc, "take some time off");
    assert!(a.content.text.starts_with('“'), "{:?}", a.content);
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Dana Hollins"), "{:?}", a);
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "part of it")).as_deref(), Some("Dana Hollins"));
}

#[test]
fn a_nationality_s_people_are_a_group_not_the_state() {
    let text = "The United States will hold its election in November.\n\n\
                Americans say the country is on the wrong track.\n";
    let doc = extract(text, "nationality.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "wrong track");
    assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("Americans"));
    assert_eq!(a.source.kind, "group", "{:?}", a.source);
}

#[test]
fn a_long_coordinated_title_before_a_name_set_off_by_a_comma() {
    let text = "Westmark’s Prime Minister and Chairman of the Harbour Board, Ines Morvan, has voiced support for \
                the forum.\n\n\
                The Prime Minister said, “We claim to have close borders.”\n";
    let doc = extract(text, "long-title.txt", Some("2024-03-14"));
    let e = doc.entities.iter().find(|e| e.name == "Ines Morvan").expect("the person");
    assert!(e.titles.iter().any(|t| t.contains("Prime Minister and Chairman")), "{:?}", e.titles);
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "close borders")).as_deref(), Some("Ines Morvan"));
}

#[test]
fn a_one_word_name_after_the_is_no_person() {
    let text = "For over a year, the Marchetti has fought to acquire a painting by Jean Chardin. Now the museum is \
                receiving help from a luxury group.\n\n\
                The export of the work was halted when the Marchetti declared the painting a national treasure. \
                “We are fully mobilized,” said Camille Ormes, its director.\n\n\
                The Marchetti will display the painting next year.\n";
    let doc = extract(text, "the-institution.txt", Some("2024-03-14"));
    let e = doc.entities.iter().find(|e| e.name == "Marchetti").expect("the museum");
    assert_eq!(e.etype, "ORG", "{:?}", doc.entities);
    assert_eq!(attribution_with(&doc, "national treasure").source.kind, "organization");
}

#[test]
fn a_person_named_after_a_ministry_s_name_is_the_speaker() {
    let text = "Before the vote, Minister in the Ministry of Finance Brian Whitcombe said, \"The issue is a simple \
                one.\" He added this is \"a situation that will be resolved over time.\"\n";
    let doc = extract(text, "ministry-person.txt", Some("2024-03-14"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "simple one")).as_deref(), Some("Brian Whitcombe"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "resolved over time")).as_deref(), Some("Brian Whitcombe"));
    assert!(doc.entities.iter().any(|e| e.name == "Ministry of Finance" && e.etype == "ORG"), "{:?}", doc.entities);
}

#[test]
fn a_day_alone_is_no_speaker() {
    let text = "The first cold wave alert of the season was issued on Tuesday. However, Wednesday is forecast to be \
                even colder, with lows of two degrees.\n";
    let doc = extract(text, "day-speaker.txt", Some("2024-03-14"));
    assert!(
        doc.attributions.iter().all(|a| a.speaker.as_ref().is_none_or(|s| s.text != "Wednesday")),
        "{:?}",
        doc.attributions
    );
}

#[test]
fn an_organisation_named_with_on_is_one_name() {
    let text = "The scientific reference is the Intergovernmental Panel on Ocean Change (IPOC), a body of the \
                United Nations. It adds that the targets are not enough.\n\n\
                The Harbour Council on Tuesday approved the plan.\n";
    let doc = extract(text, "on-names.txt", Some("2024-03-14"));
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Intergovernmental Panel on Ocean Change"), "{names:?}");
    let e = doc.entities.iter().find(|e| e.name == "Intergovernmental Panel on Ocean Change").unwrap();
    assert_eq!(e.etype, "ORG");
    // (not a date after "on")
    assert!(!names.iter().any(|n| n.contains("Tuesday")), "{names:?}");
}

#[test]
fn title_case_headlines_and_line_breaks_do_not_make_names() {
    let text = "Why Critics Are Celebrating Dana Whitfield’s Economic Speech\n\n\
                Critics are celebrating the economic speech that Dana Whitfield gave on Thursday.\n\n\
                Whitfield said her plan would work. “It is a fair plan,” she said.\n\n\
                Ana Ruiz Says She Would Back The Plan\n\
                Ana Ruiz said she would back the plan if it passed.\n";
    let doc = extract(text, "title-case.txt", Some("2024-03-14"));
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Dana Whitfield") && names.contains(&"Ana Ruiz"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Celebrating") || n.contains('\n') || n.contains("Says")), "{names:?}");
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "back the plan if")).as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_person_is_named_without_an_abbreviated_rank() {
    let text = "Adm. Harry B. Whitcombe Jr. said the fleet would sail in May.\n\n\
                Whitcombe added that the ships were ready.\n";
    let doc = extract(text, "rank.txt", Some("2024-03-14"));
    assert_eq!(
        speaker_name(&doc, attribution_with(&doc, "fleet would sail")).as_deref(),
        Some("Harry B. Whitcombe Jr.")
    );
    assert_eq!(
        speaker_name(&doc, attribution_with(&doc, "ships were ready")).as_deref(),
        Some("Harry B. Whitcombe Jr.")
    );
}

#[test]
fn a_descriptor_before_a_full_name_is_a_title_not_the_name() {
    let text = "Vermonter Bernie Whitfield said the bill would pass.\n\n\
                Pollster Ana Ruiz said the vote was close. Every pollster in the state agreed.\n\n\
                Rafael Edward Cortez said he had not decided.\n";
    let doc = extract(text, "descriptor.txt", Some("2024-03-14"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "bill would pass")).as_deref(), Some("Bernie Whitfield"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "vote was close")).as_deref(), Some("Ana Ruiz"));
    let e = doc.entities.iter().find(|e| e.name == "Bernie Whitfield").expect("the person");
    assert!(e.titles.iter().any(|t| t == "Vermonter"), "{:?}", e.titles);
    // a given name the lists do not hold stays in the name
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "not decided")).as_deref(), Some("Rafael Edward Cortez"));
}

#[test]
fn a_station_dateline_with_a_state_and_a_one_word_given_name_s_gender() {
    let text = "WESTMARK, Texas (KTVX) -- A local bakery is closing after the owner said a man broke in.\n\n\
                The Westmark County Sheriff's Office is now investigating the break-in.\n\n\
                Aisha's Bakery was founded 30 years ago. Her son, Tomas Okafor, runs the business now, \
                and he decided to add cameras. He said the man left quickly.\n";
    let doc = extract(text, "station.txt", Some("2024-03-14"));
    assert!(
        doc.attributions.iter().all(|a| a.speaker.as_ref().is_none_or(|s| s.text != "KTVX")),
        "{:?}",
        doc.attributions
    );
    assert!(doc.entities.iter().any(|e| e.name == "Westmark County Sheriff's Office"), "{:?}", doc.entities);
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "man left quickly")).as_deref(), Some("Tomas Okafor"));
    // a given name alone marks its gender: "he" is not Aisha
    let text = "Aisha's Salon was founded 30 years ago.\n\nOn Tuesday, a man came in saying he was waiting.\n";
    let doc = extract(text, "given-alone.txt", Some("2024-03-14"));
    let aisha = doc.entities.iter().find(|e| e.name == "Aisha");
    assert!(aisha.is_none_or(|e| e.mentions.iter().all(|m| m.text != "he")), "{:?}", doc.entities);
}

#[test]
fn an_acronym_opening_a_sentence_is_a_name() {
    let text =
        "The road is closed due to a gas leak, the Birchwood Police Department reported. BPD is on the scene.\n\n\
                The city is building its new hall two blocks away.\n\n\
                BPD said there are no evacuations.\n";
    let doc = extract(text, "acronym-start.txt", Some("2024-03-14"));
    assert_eq!(
        speaker_name(&doc, attribution_with(&doc, "no evacuations")).as_deref(),
        Some("Birchwood Police Department")
    );
}

#[test]
fn a_dateline_without_an_outlet_and_a_cue_inside_the_content() {
    let text = "WESTPORT, NORTHLAND — The storm has left the harbour in a state of collapse, according to doctors.\n\n\
                Currently, said Dr. Ines Valdmaa, the director of the hospital, there are 70 children in the wards.\n";
    let doc = extract(text, "dateline-mid.txt", Some("2024-03-14"));
    assert!(
        doc.credits.iter().any(|c| c.kind == "dateline" && c.span.text.starts_with("WESTPORT")),
        "{:?}",
        doc.credits
    );
    let storm = attribution_with(&doc, "state of collapse");
    assert!(storm.content.text.starts_with("The storm"), "{:?}", storm.content);
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "70 children")).as_deref(), Some("Ines Valdmaa"));
}

#[test]
fn an_elect_title_and_an_acronym_after_the_speaker() {
    let text = "President-elect Tomas Ferreira apologized to the two employees on Monday.\n\n\
                The Harbour Trust Fund (HTF) said the audit was late.\n";
    let doc = extract(text, "elect.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "two employees");
    assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("Tomas Ferreira"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "audit was late")).as_deref(), Some("Harbour Trust Fund"));
}

#[test]
fn a_possessor_inside_a_phrase_is_a_weaker_antecedent() {
    let text = "Ingrid's admission that she felt lonely has been splashed across newspapers.\n\n\
                Both Tomas and Ingrid spoke with candor.\n\n\
                Their rebukes outweighed even Princess Maria's landmark interview decades earlier.\n\n\
                The duchess has hinted before that her health suffered.\n";
    let doc = extract(text, "possessor.txt", Some("2024-03-14"));
    let maria = doc.entities.iter().find(|e| e.name == "Maria");
    assert!(maria.is_none_or(|e| e.mentions.iter().all(|m| m.text != "her")), "{:?}", doc.entities);
}

#[test]
fn terms_not_disclosed_are_no_statement() {
    let text = "The harbour board did not disclose the terms of the lease.\n\n\
                The mayor did not specify the date. The minister said the lease was fair.\n";
    let doc = extract(text, "disclose.txt", Some("2024-03-14"));
    assert!(doc.attributions.iter().all(|a| !a.content.text.contains("terms")), "{:?}", doc.attributions);
    assert!(doc.attributions.iter().all(|a| !a.content.text.contains("date")), "{:?}", doc.attributions);
    assert!(doc.attributions.iter().any(|a| a.content.text.contains("lease was fair")), "{:?}", doc.attributions);
}

#[test]
fn a_news_agency_told_something_is_not_the_group() {
    let text = "Tomas Ferreira told The Associated Press that the strike would go on.\n\n\
                The group said pay was too low.\n";
    let doc = extract(text, "agency-group.txt", Some("2024-03-14"));
    let name = speaker_name(&doc, attribution_with(&doc, "pay was too low"));
    assert!(name.as_deref().is_none_or(|n| !n.contains("Associated Press")), "{name:?}");
}

#[test]
fn a_name_with_an_age_before_the_cue_is_the_speaker() {
    let text = "Harbourton resident Dana Ruiz, 55, said the water was brown.\n";
    let doc = extract(text, "age.txt", Some("2024-03-14"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "water was brown")).as_deref(), Some("Dana Ruiz"));
}

#[test]
fn a_quoted_programme_told_is_no_quotation() {
    let text = "Tomas Ferreira told \"Harbour Morning Live\" on Sunday that the strike would go on.\n";
    let doc = extract(text, "told-show.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "strike would go on");
    assert_eq!(a.qtype, "indirect");
    assert!(!a.content.text.contains("Harbour Morning"), "{:?}", a.content);
}

#[test]
fn an_honorific_keeps_apart_people_of_one_surname() {
    let text = "Paul Ferris and his wife, Helen Ferris, opened the bakery in 1990.\n\n\
                Mr. Ferris said the ovens were old. Mrs. Ferris said the recipes were her mother's.\n\n\
                Union leader Mary Kay Henry visited on Monday. Henry said the bakers deserved a raise.\n";
    let doc = extract(text, "honorific-gender.txt", Some("2024-03-14"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "ovens were old")).as_deref(), Some("Paul Ferris"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "recipes were")).as_deref(), Some("Helen Ferris"));
    // a bare surname that is also a given name ("Henry") marks no gender
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "deserved a raise")).as_deref(), Some("Mary Kay Henry"));
}

#[test]
fn a_person_named_before_an_office_noun_owns_it() {
    let text = "Governor Alma Brandt met the Harbour Workers Union on Monday.\n\n\
                The Brandt team said the talks had gone well.\n";
    let doc = extract(text, "name-team.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "talks had gone well");
    assert_eq!(a.source.kind, "organization");
    assert_eq!(a.source.name.as_deref(), Some("Brandt team"));
    assert_eq!(a.source.affiliation.as_deref(), Some("Alma Brandt"));
}

#[test]
fn they_after_a_plural_subject_is_no_organisation_named_before() {
    let text = "The Harbour Workers Union filed the case in March.\n\n\
                Prosecutors said a long sentence would deter others. They cited two earlier cases.\n\n\
                The Tidewater Shipping Company opened an office in Porto. It said the office would hire 40 people.\n";
    let doc = extract(text, "they-plural.txt", Some("2024-03-14"));
    let cited = attribution_with(&doc, "two earlier cases");
    assert!(speaker_name(&doc, cited).is_none_or(|n| !n.contains("Union")), "{:?}", cited.source);
    // a singular "it" still finds the company
    let hire = attribution_with(&doc, "would hire 40 people");
    assert_eq!(speaker_name(&doc, hire).as_deref(), Some("Tidewater Shipping Company"));
}

#[test]
fn the_race_is_no_named_thing_nearby() {
    let text = "Voters in Portmere will choose a mayor in May.\n\n\
                The Harbour Lights Festival drew large crowds on Sunday.\n\n\
                The race is close, said Dana Ruiz, who runs a polling firm.\n";
    let doc = extract(text, "the-race.txt", Some("2024-03-14"));
    let linked: Vec<&str> = doc
        .entities
        .iter()
        .filter(|e| e.mentions.iter().any(|m| m.text.eq_ignore_ascii_case("the race")))
        .map(|e| e.name.as_str())
        .collect();
    assert!(linked.is_empty(), "'the race' joined {linked:?}");
}

#[test]
fn the_magazine_is_the_name_written_before_magazine() {
    let text = "Readers of Coastline Living magazine chose the town's best bakery.\n\n\
                The Port Authority approved the new pier on Tuesday, and the Port Authority will pay for it.\n\n\
                The magazine said the vote had been close.\n";
    let doc = extract(text, "magazine.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "vote had been close");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Coastline Living"), "{:?}", a.source);
}

#[test]
fn a_nationality_or_an_administration_asks_for_its_own_referent() {
    let text = "President Alma Brandt spoke with Luis Ortega on Monday.\n\n\
                The Portuguese president said the talks had been useful.\n\n\
                The Harbour Wages Institute published a study of pay on Tuesday.\n\n\
                The administration said it would raise the minimum wage.\n";
    let doc = extract(text, "nationality-admin.txt", Some("2024-03-14"));
    let useful = attribution_with(&doc, "talks had been useful");
    assert_ne!(speaker_name(&doc, useful).as_deref(), Some("Alma Brandt"), "{:?}", useful.source);
    let wage = attribution_with(&doc, "raise the minimum wage");
    assert!(speaker_name(&doc, wage).is_none_or(|n| !n.contains("Institute")), "{:?}", wage.source);
}

#[test]
fn a_party_in_a_role_asks_for_a_person_of_that_party() {
    let text = "Republican nominee Tom Ferris toured the harbour on Monday.\n\n\
                The nominee said the port needed dredging.\n\n\
                The Democratic nominee said the port needed nurses more.\n";
    let doc = extract(text, "party-role.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "dredging");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Tom Ferris"));
    let b = attribution_with(&doc, "nurses more");
    assert_ne!(speaker_name(&doc, b).as_deref(), Some("Tom Ferris"), "{:?}", b.source);
}

#[test]
fn what_a_speaker_talks_of_is_no_speaker() {
    let text = "\u{201c}Their plan is very clear,\u{201d} Marta Silva, a senior fellow at the Harbour Institute, \
                said of Harbour Radio.\n";
    let doc = extract(text, "said-of.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "plan is very clear");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Marta Silva"), "{:?}", a.source);
    assert!(!a.content.text.contains("Marta"), "{:?}", a.content.text);
}

#[test]
fn a_full_name_before_of_is_a_person_of_that_place() {
    let text = "Another pollster, Maria Ruiz of Harbourton University, said support was holding.\n\n\
                Thomas Ferreira of Quayside Analytics said the numbers were soft.\n";
    let doc = extract(text, "name-of.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "support was holding");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Maria Ruiz"), "{:?}", a.source);
    let b = attribution_with(&doc, "numbers were soft");
    assert_eq!(speaker_name(&doc, b).as_deref(), Some("Thomas Ferreira"), "{:?}", b.source);
    assert!(doc.entities.iter().all(|e| !e.name.contains(" of Quayside")), "{:?}", doc.entities);
}

#[test]
fn a_given_name_of_the_person_lists_opens_a_name() {
    // "Dana" is in no hand-written list; the Phoenix person lists the recogniser reads have it
    let text = "Dana Okafor of Quayside Analytics said the numbers were soft.\n";
    let doc = extract(text, "given-phoenix.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "numbers were soft");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Dana Okafor"), "{:?}", a.source);
}

#[test]
fn a_place_after_of_is_no_speaker() {
    let text =
        "\u{201c}It will not be easy,\u{201d} said Representative Alan R. Bishop of Ohio, who backs the plan.\n\n\
                Sixty-seven percent of Americans said they had an unfavorable view of the plan, a poll found.\n\n\
                The plan was late, said the Harbour Workers of America.\n";
    let doc = extract(text, "of-place.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "will not be easy");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Alan R. Bishop"), "{:?}", a.source);
    let b = attribution_with(&doc, "unfavorable view");
    assert_ne!(speaker_name(&doc, b).as_deref(), Some("United States"), "{:?}", b.source);
    let c = attribution_with(&doc, "plan was late");
    assert_ne!(speaker_name(&doc, c).as_deref(), Some("United States"), "{:?}", c.source);
}

#[test]
fn a_newspaper_named_after_a_city_is_one_organisation() {
    let text = "According to the Lisbon Sentinel, the strike ended on Monday.\n";
    let doc = extract(text, "city-paper.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "strike ended");
    assert_eq!(
        (a.source.kind.as_str(), speaker_name(&doc, a).as_deref()),
        ("organization", Some("Lisbon Sentinel")),
        "{:?}",
        a.source
    );
}

#[test]
fn a_headline_run_holds_the_names_the_story_uses() {
    let text = "Alma Brandt Compares Tom Ferris To A Sinking Ship.\n\n\
                Senator Alma Brandt met Tom Ferris at the port on Monday. Brandt said the plan was late. \
                Ferris said it was fair.\n";
    let doc = extract(text, "headline-run.txt", Some("2024-03-14"));
    let names: Vec<&str> = doc.entities.iter().filter(|e| e.etype == "PERSON").map(|e| e.name.as_str()).collect();
    assert!(names.iter().all(|n| !n.contains("Compares")), "{names:?}");
    let ferris = doc.entities.iter().find(|e| e.name == "Tom Ferris").expect("Tom Ferris");
    assert!(ferris.mentions.len() >= 3, "{:?}", ferris.mentions);
}

#[test]
fn a_known_place_and_the_word_next_to_it_are_one_name() {
    let text = "Officials in New York City said on Monday that the talks would resume.\n\n\
                Migrants from Central America crossed the river, the mayor said.\n\n\
                Veterans of the Iraq War marched to the port before Super Tuesday.\n";
    let doc = extract(text, "place-parts.txt", Some("2024-03-14"));
    let names: Vec<(&str, &str)> = doc.entities.iter().map(|e| (e.name.as_str(), e.etype.as_str())).collect();
    assert!(names.contains(&("New York City", "GPE")), "{names:?}");
    assert!(names.contains(&("Central America", "GPE")), "{names:?}");
    assert!(names.contains(&("Iraq War", "MISC")), "{names:?}");
    assert!(names.contains(&("Super Tuesday", "MISC")), "{names:?}");
    for fragment in ["City", "Central", "War", "Super"] {
        assert!(names.iter().all(|(n, _)| *n != fragment), "{fragment}: {names:?}");
    }
}

#[test]
fn a_nationality_opens_the_name_of_an_organisation() {
    let text = "The Peruvian Fishing Federation said the strike would go on.\n\n\
                The Chilean Foreign Ministry said it regretted the decision.\n";
    let doc = extract(text, "nationality-org.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "strike would go on");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Peruvian Fishing Federation"), "{:?}", a.source);
    let b = attribution_with(&doc, "regretted the decision");
    assert_eq!(speaker_name(&doc, b).as_deref(), Some("Chilean Foreign Ministry"), "{:?}", b.source);
    assert!(doc.entities.iter().all(|e| e.name != "Foreign Ministry"), "{:?}", doc.entities);
}

#[test]
fn no_function_word_or_interjection_is_a_name() {
    let text = "Mayor Lena Ortiz told The Associated Press on Monday that the deal was dead.\n\n\
                Ortiz said, \u{201c}Well, we will see what the council does.\u{201d}\n\n\
                ORTIZ: Yes, we will.\n";
    let doc = extract(text, "interjections.txt", Some("2024-03-14"));
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    for word in ["The", "Well", "Yes"] {
        assert!(!names.contains(&word), "{word}: {names:?}");
    }
}

#[test]
fn a_speaker_phrase_does_not_open_on_a_comma() {
    let text = "In her address at the Monday rally, Vance, a physician from Ohio and longtime Green Party \
                activist, accused the council of ignoring the port.\n";
    let doc = extract(text, "leading-comma.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "ignoring the port");
    assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("Vance"), "{:?}", a.source);
    assert_eq!(a.source.kind, "person", "{:?}", a.source);
}

#[test]
fn a_name_of_common_words_is_no_person() {
    let text = "The council named a Special Prosecutor on Monday. She met the mayor in the Situation Room.\n\n\
                Rep. Price said the plan was dead.\n";
    let doc = extract(text, "common-words.txt", Some("2024-03-14"));
    let people: Vec<&str> = doc.entities.iter().filter(|e| e.etype == "PERSON").map(|e| e.name.as_str()).collect();
    assert!(people.iter().all(|p| !p.contains("Prosecutor") && !p.contains("Situation")), "{people:?}");
    // (a surname that is a common word stays a person after a title)
    assert!(people.contains(&"Price"), "{people:?}");
}

#[test]
fn an_acronym_in_capitals_is_no_function_word() {
    let text = "The World Health Organization warned of an outbreak on Monday.\n\n\
                WHO officials said cases were rising.\n";
    let doc = extract(text, "acronym-who.txt", Some("2024-03-14"));
    let who = doc.entities.iter().find(|e| e.name == "World Health Organization").expect("the organisation");
    assert!(who.mentions.iter().any(|m| m.text == "WHO"), "{:?}", who.mentions);
}

#[test]
fn a_place_is_no_pronoun_speaker_and_they_follow_the_group() {
    let text = "The vote in Iowa was close. It said more about turnout than about the candidates, analysts argued.\n\n\
                Delegates gathered in Wyoming on Saturday. In Wyoming, a number of attendees said they supported \
                the mayor, and they said the port mattered most.\n";
    let doc = extract(text, "place-pronoun.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "more about turnout");
    assert_ne!(speaker_name(&doc, a).as_deref(), Some("Iowa"), "{:?}", a.source);
    let b = attribution_with(&doc, "port mattered most");
    assert_ne!(speaker_name(&doc, b).as_deref(), Some("Wyoming"), "{:?}", b.source);
    assert_eq!((b.source.kind.as_str(), b.source.name.as_deref()), ("group", Some("a number of attendees")));
}

#[test]
fn a_role_with_an_of_phrase_resolves_to_its_holder() {
    let text = "Former Secretary of State Ana Reis spoke in Ohio on Monday. The former secretary of state said \
                the plan was sound.\n\n\
                The port of Porto reopened this week. Officials said this city would gain from it.\n";
    let doc = extract(text, "role-of.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "plan was sound");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Ana Reis"), "{:?}", a.source);
    // ("of state" is no reference to a state named before)
    let ohio = doc.entities.iter().find(|e| e.name == "Ohio").expect("Ohio");
    assert!(ohio.mentions.iter().all(|m| !m.text.contains("secretary")), "{:?}", ohio.mentions);
    // "this city" refers back as "the city" does
    let porto = doc.entities.iter().find(|e| e.name == "Porto").expect("Porto");
    assert!(porto.mentions.iter().any(|m| m.text == "this city"), "{:?}", porto.mentions);
}

#[test]
fn a_role_right_after_a_quote_is_its_titled_speaker() {
    let text = "Sen. Rui Costa spoke on Monday.\n\n\
                Sen. Tom Harlan opposed the measure. \u{201c}I wonder how the workers enjoy that,\u{201d} Costa said \
                of Harlan. The longtime senator said he rarely asks for help.\n";
    let doc = extract(text, "role-after-quote.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "rarely asks for help");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Rui Costa"), "{:?}", a.source);
}

#[test]
fn they_is_an_organisation_only_as_a_body_of_people() {
    // (a company is "it"; "they" after one is its people, not the company)
    let text = "Harbour Steel announced the closure on Monday.\n\n\
                They said the plant was losing money.\n\n\
                The Harbour Council met on Monday. They said the port would reopen.\n";
    let doc = extract(text, "they-org.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "losing money");
    assert_ne!(speaker_name(&doc, a).as_deref(), Some("Harbour Steel"), "{:?}", a.source);
    let b = attribution_with(&doc, "port would reopen");
    assert_eq!(speaker_name(&doc, b).as_deref(), Some("Harbour Council"), "{:?}", b.source);
}

#[test]
fn a_that_clause_inside_the_content_does_not_start_it() {
    // a finite verb between the cue and "that" opens a clause of its own: the "that" is that clause's
    let text = "Mara Lind said she is unconvinced that the council will act.\n\n\
                Olaf Brandt said he liked the plan and that he wanted a vote soon.\n\n\
                Pia Roth said in a statement that the budget was balanced.\n";
    let doc = extract(text, "that-inside.txt", Some("2024-03-14"));
    let said = |needle: &str| {
        doc.attributions
            .iter()
            .find(|a| a.cue.as_ref().is_some_and(|c| c.text == "said") && a.content.text.contains(needle))
            .map(|a| a.content.text.clone())
    };
    assert_eq!(said("council").as_deref(), Some("she is unconvinced that the council will act"));
    assert_eq!(said("vote").as_deref(), Some("he liked the plan and that he wanted a vote soon"));
    // an adjunct between keeps the content after "that"
    assert_eq!(said("budget").as_deref(), Some("the budget was balanced"));
}

#[test]
fn a_quotation_goes_on_after_the_speakers_apposition() {
    // the first part stops at a comma inside the marks: the sentence goes on after "said X, ...,"
    let text =
        "\u{201c}The danger,\u{201d} said Ivo Brandl, an economist at the institute, \u{201c}is that rents rise \
                faster than wages.\u{201d}\n";
    let doc = extract(text, "quote-apposition.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "The danger");
    assert!(a.content.text.contains("rents rise faster"), "{:?}", a.content.text);
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Ivo Brandl"), "{:?}", a.source);
    assert_eq!(doc.attributions.len(), 1, "{:?}", doc.attributions);
}

#[test]
fn an_inverted_role_speaker_is_the_person_named_after_it() {
    // "said ROLE, NAME": the name in apposition is the speaker
    let text = "\u{201c}The odds are small,\u{201d} said the press officer for the league, Marta Oliveira, \
                on Monday.\n\n\
                \u{201c}We will appeal,\u{201d} said the lawyer for the family, Tomas Reyes.\n";
    let doc = extract(text, "inverted-role-name.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "odds are small");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Marta Oliveira"), "{:?}", a.source);
    let b = attribution_with(&doc, "We will appeal");
    assert_eq!(speaker_name(&doc, b).as_deref(), Some("Tomas Reyes"), "{:?}", b.source);
}

#[test]
fn a_participle_before_its_noun_is_no_cue() {
    // "pledged delegates", "her three proposed bills": adjectives, not reporting verbs
    let text = "Ruiz now has 412 pledged delegates, compared to 380 for Okafor.\n\n\
                The senator defended her three proposed bills on Monday.\n\n\
                Okafor pledged to stay in the race.\n";
    let doc = extract(text, "participle-cue.txt", Some("2024-03-14"));
    let cues: Vec<&str> = doc.attributions.iter().filter_map(|a| a.cue.as_ref()).map(|c| c.text.as_str()).collect();
    assert!(!cues.iter().any(|c| c.contains("proposed")), "{cues:?}");
    assert!(!doc.attributions.iter().any(|a| a.content.text.starts_with("delegates")), "{:?}", doc.attributions);
    // the verb itself still is
    let a = attribution_with(&doc, "stay in the race");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Okafor"), "{:?}", a.source);
}

#[test]
fn a_labelled_headline_keeps_its_label_around_a_reporting_verb() {
    // "NAME: CONTENT" in a headline, when the content has a cue of its own, and after a kicker
    let text = "Okafor: Voters will say no to the tax plan\n\n\
                Senator Ada Okafor said on Monday that the plan would fail.\n";
    let doc = extract(text, "labelled-headline.txt", Some("2024-03-14"));
    let a = doc
        .attributions
        .iter()
        .find(|a| a.cue.as_ref().is_some_and(|c| c.text == ":"))
        .unwrap_or_else(|| panic!("{:?}", doc.attributions));
    assert!(a.content.text.starts_with("Voters will say no"), "{:?}", a.content.text);
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Ada Okafor"), "{:?}", a.source);

    let text = "EXCLUSIVE \u{2013} Ada Okafor: Do Not Trust the New Tax Plan\n\n\
                Senator Ada Okafor said on Monday that the plan would fail.\n";
    let doc = extract(text, "labelled-kicker.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "Do Not Trust");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Ada Okafor"), "{:?}", a.source);

    // a column's name is no label: it does not end in a noun or a name
    let text = "The Latest: Okafor tells voters the plan will fail\n\n\
                Senator Ada Okafor said on Monday that the plan would fail.\n";
    let doc = extract(text, "column-name.txt", Some("2024-03-14"));
    assert!(!doc.attributions.iter().any(|a| a.cue.as_ref().is_some_and(|c| c.text == ":")), "{:?}", doc.attributions);

    // nor is a heading followed by its description in lower case
    let text = "Dynasties: in-depth reporting on the families that quietly rule the province\n\n\
                Senator Ada Okafor said on Monday that the plan would fail.\n";
    let doc = extract(text, "heading.txt", Some("2024-03-14"));
    assert!(!doc.attributions.iter().any(|a| a.cue.as_ref().is_some_and(|c| c.text == ":")), "{:?}", doc.attributions);
}

#[test]
fn a_quotation_goes_on_in_a_next_sentence_that_ends_in_one() {
    // the next sentence has no cue and ends in the speaker's quoted words
    let text = "\u{201c}It is a turning point,\u{201d} said Ilse Marek, a strategist. Unless the others quit soon, \
                \u{201c}it is very hard to see how she is stopped on the way.\u{201d}\n\n\
                \u{201c}We are ready,\u{201d} said Ilse Marek. The vote is on Tuesday, in what officials call \
                a \u{201c}test\u{201d}.\n";
    let doc = extract(text, "quote-next-sentence.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "turning point");
    assert!(a.content.text.contains("very hard to see"), "{:?}", a.content.text);
    // a short quoted word is no continuation
    let b = attribution_with(&doc, "We are ready");
    assert!(!b.content.text.contains("Tuesday"), "{:?}", b.content.text);
}

#[test]
fn a_place_spelt_with_diacritics_is_the_listed_place() {
    // the gazetteers spell names in ASCII; news text keeps the accents
    let text = "Fires spread near São Paulo and Belém on Monday, officials in Brasília said.\n";
    let doc = extract(text, "accents.txt", Some("2024-03-14"));
    for name in ["São Paulo", "Belém"] {
        let e = doc.entities.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{name}: {:?}", doc.entities));
        assert_eq!(e.etype, "GPE", "{name}: {e:?}");
        assert_eq!(e.affiliation.as_deref(), Some("Brazil"), "{name}: {e:?}");
    }
}

#[test]
fn a_name_with_a_patronymic_particle_is_a_persons() {
    // "X bin Y" is a person's name, and "bin Y" later is the same person
    let text = "Officials said Hamad bin Jassim met the envoys in Doha on Monday.\n\n\
                Later, bin Jassim said the talks had gone well.\n";
    let doc = extract(text, "particle.txt", Some("2024-03-14"));
    let e = doc.entities.iter().find(|e| e.name == "Hamad bin Jassim").unwrap_or_else(|| panic!("{:?}", doc.entities));
    assert_eq!(e.etype, "PERSON", "{e:?}");
    assert!(e.mentions.iter().any(|m| m.text == "bin Jassim"), "{:?}", e.mentions);
    let a = attribution_with(&doc, "talks had gone well");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Hamad bin Jassim"), "{:?}", a.source);
}

#[test]
fn a_quoted_transcript_turn_is_not_the_previous_speakers() {
    // a quotation that opens with a speaker label in capitals is that speaker's turn, not a continuation
    // of the attribution before it
    let text = "Senator Ada Okafor spoke to Lena Martin on Sunday.\n\n\
                \"MARTIN: But, Senator, I have got to ask you, because as \u{201c}The Daily Ledger\u{201d} wrote, \
                it shows voters worry about the plan. So why would you even go down that road again?\n\n\
                \"OKAFOR: Well, the question really should be why the other party keeps blocking it, you know, \
                every single year.\n";
    let doc = extract(text, "quoted-turns.txt", Some("2024-03-14"));
    let turn: Vec<_> = doc.attributions.iter().filter(|a| a.content.text.contains("keeps blocking")).collect();
    assert_eq!(turn.len(), 1, "{:?}", doc.attributions);
    assert_eq!(turn[0].cue.as_ref().map(|c| c.text.as_str()), Some(":"), "{:?}", turn[0]);
}

#[test]
fn a_relative_who_after_a_comma_is_the_person_before_it() {
    // the parser often attaches ", who added ..." to the main verb rather than to the name; the pronoun
    // still stands for the noun phrase before the comma, and "who" for a person rather than the place or
    // organisation the clause was attached to
    let text = "\u{201c}We did what we could,\u{201d} said Tobias Lindqvist, who added that the harbour \
                would reopen soon.\n\n\
                The plan was backed by former Ontario Gov. Irene Vasquez, who noted that she had raised \
                the fees herself.\n\n\
                \u{201c}I am glad to be back,\u{201d} says Oona Petrakis, a geologist at Northfield University \
                in Carlisle, who wants to survey the coast next spring.\n\n\
                Ms. Petrakis released her findings in July, which showed the coast had eroded.\n\n\
                Karl Brenner is the county prosecutor who charged the two men with fraud.\n\n\
                The main obstacle has been local farmers, who say the new road would split their fields.\n";
    let doc = extract(text, "relative-who.txt", Some("2024-03-14"));
    for (needle, who) in [
        ("harbour would reopen", "Tobias Lindqvist"),
        ("raised the fees", "Irene Vasquez"),
        ("survey the coast", "Oona Petrakis"),
        // a predicate noun stands for the named subject it is said of
        ("two men with fraud", "Karl Brenner"),
    ] {
        let a = attribution_with(&doc, needle);
        assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("who"), "{a:?}");
        assert_eq!(speaker_name(&doc, a).as_deref(), Some(who), "{needle}: {:?}", a.source);
    }
    // ... but not where the subject is the less specific phrase
    let farmers = attribution_with(&doc, "split their fields");
    assert_eq!(farmers.source.name.as_deref(), Some("local farmers"), "{farmers:?}");
    // a month is no antecedent of "which"
    if let Some(a) = doc.attributions.iter().find(|a| a.content.text.contains("had eroded")) {
        assert_ne!(a.source.name.as_deref(), Some("July"), "{a:?}");
    }
}

#[test]
fn a_name_opening_with_a_given_name_is_a_persons() {
    // a headline label names a person though headlines hold no mentions; a name the recogniser left
    // untyped that opens with a given name is a person, and its surname later joins it
    let text = "Maria Delgado: \u{2018}We Will Not Back Down On The Harbour\u{2019}\n\n\
                The union leader spoke on Monday in front of the town hall. Deborah Jordan Reynolds, who runs \
                a ferry company, said the strike would cost her dearly. Reynolds said she had already lost \
                three contracts. She said the Paris Agreement had changed nothing for ferries.\n";
    let doc = extract(text, "given-names.txt", Some("2024-03-14"));
    // (a place's name that is also a given name opens no person's name)
    assert!(!doc.entities.iter().any(|e| e.name.starts_with("Paris") && e.etype == "PERSON"), "{:?}", doc.entities);
    let label = attribution_with(&doc, "Not Back Down");
    assert_eq!((label.source.kind.as_str(), label.source.name.as_deref()), ("person", Some("Maria Delgado")));
    let e = doc
        .entities
        .iter()
        .find(|e| e.name == "Deborah Jordan Reynolds")
        .unwrap_or_else(|| panic!("{:?}", doc.entities));
    assert_eq!(e.etype, "PERSON", "{e:?}");
    for needle in ["cost her dearly", "three contracts"] {
        let a = attribution_with(&doc, needle);
        assert_eq!(speaker_name(&doc, a).as_deref(), Some("Deborah Jordan Reynolds"), "{needle}: {a:?}");
    }
}

#[test]
fn a_name_in_mojibake_is_named_as_meant() {
    // UTF-8 once decoded as Windows-1252 ("Ã±" for "ñ"): the entity is named as the name was meant to be
    // written, and its mentions keep the text's characters
    let text =
        "Ana Pe\u{c3}\u{b1}a Ruiz, the mayor, said the port would reopen. Pe\u{c3}\u{b1}a Ruiz spoke on Monday.\n";
    let doc = extract(text, "mojibake.txt", Some("2024-03-14"));
    let e =
        doc.entities.iter().find(|e| e.name == "Ana Pe\u{f1}a Ruiz").unwrap_or_else(|| panic!("{:?}", doc.entities));
    assert!(e.mentions.iter().any(|m| m.text == "Ana Pe\u{c3}\u{b1}a Ruiz"), "{:?}", e.mentions);
    let a = attribution_with(&doc, "port would reopen");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Ana Pe\u{f1}a Ruiz"), "{a:?}");
}

#[test]
fn a_headline_label_may_say_whom_it_speaks_to() {
    // "NAME to AUDIENCE: ..." and "NAME at EVENT: ..." headlines are the name's statements
    let text = "Delgado to Harbour Workers: We Will Not Sell The Port\n\n\
                Mayor Maria Delgado spoke to dock workers on Monday.\n";
    let doc = extract(text, "label-to.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "Not Sell The Port");
    assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("Delgado"), "{a:?}");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Maria Delgado"), "{a:?}");
    // a colon inside a line is no label ("... on 'Homicide: Life on the Street' ...")
    let text = "\u{201c}He gave Det. Ray Holt on \u{2018}Precinct: Life on the Beat\u{2019} real warmth,\u{201d} the \
                guild said.\n";
    let doc = extract(text, "label-inside.txt", Some("2024-03-14"));
    assert!(doc.attributions.iter().all(|a| a.cue.as_ref().is_none_or(|c| c.text != ":")), "{:?}", doc.attributions);
}

#[test]
fn a_time_between_subject_and_cue_is_not_the_speaker() {
    // the parse may take "earlier Thursday" into the subject's phrase; the speaker is the name before it
    let text = "Tobias Lindqvist earlier Thursday said the harbour would reopen within a week.\n\n\
                Marta Okafor on Friday said the union would accept the offer.\n";
    let doc = extract(text, "time-subject.txt", Some("2024-03-14"));
    for (needle, who) in [("harbour would reopen", "Tobias Lindqvist"), ("accept the offer", "Marta Okafor")] {
        let a = attribution_with(&doc, needle);
        assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some(who), "{a:?}");
    }
}

#[test]
fn a_participle_before_a_quotation_speaks_for_the_sentence_subject() {
    // ", telling reporters, “...”" and ", adding, “...”": the speaker is the sentence's subject, not a time
    // before the comma nor a name inside the quotation
    let text = "Okafor did not seem impressed with the plan Tuesday, telling reporters, \u{201c}A lot of \
                people said the council should resign.\u{201d}\n\n\
                \u{201c}They are not part of the campaign,\u{201d} Ilse Marek said, adding, \u{201c}Mr. Lindqvist \
                is grateful for their support.\u{201d}\n";
    let doc = extract(text, "participle-quote.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "council should resign");
    assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("Okafor"), "{a:?}");
    let b = attribution_with(&doc, "grateful for their support");
    assert_eq!(speaker_name(&doc, b).as_deref(), Some("Ilse Marek"), "{b:?}");
}

#[test]
fn a_descriptor_keeps_its_hedge_and_may_follow_a_clause_opener() {
    // "suspected smuggling kingpin X" keeps "suspected"; "where rebel commander X hides" and "although
    // longtime friend X ..." are descriptors too
    let text = "Police raided a house used by members of suspected smuggling kingpin Dario Velasquez's network. \
                They searched the hills where rebel commander Tomas Ferreira is believed to hide.\n\n\
                The mayor had few allies in the council, although longtime friend Ilse Marek spoke for her.\n";
    let doc = extract(text, "descriptors.txt", Some("2024-03-14"));
    let titles = |name: &str| {
        doc.entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.titles.clone())
            .unwrap_or_else(|| panic!("{name}: {:?}", doc.entities))
    };
    assert_eq!(titles("Dario Velasquez"), vec!["suspected smuggling kingpin".to_string()]);
    assert_eq!(titles("Tomas Ferreira"), vec!["rebel commander".to_string()]);
    assert_eq!(titles("Ilse Marek"), vec!["longtime friend".to_string()]);
}

#[test]
fn a_descriptor_parsed_as_a_subject_of_its_own_keeps_the_name_after_it() {
    // "Radio talk show host X minced no words ...": the parser makes the descriptor and the name two
    // subjects of a verb that is no speech cue; the speaker is the named person, not "Radio talk show host"
    let text = "Radio talk show host Glenda Okafor minced no words Tuesday night in sharing what she thinks of \
                the harbour plan.\n\n\
                Real estate developer Tobias Lindqvist would push to abolish the port authority.\n\n\
                Likely Liberal nominee Ilse Marek has offered few ideas for easing student debt.\n";
    let doc = extract(text, "descriptor-subjects.txt", Some("2024-03-14"));
    for (needle, who) in
        [("what she thinks", "Glenda Okafor"), ("the port authority", "Tobias Lindqvist"), ("few ideas", "Ilse Marek")]
    {
        let a = attribution_with(&doc, needle);
        assert_eq!(speaker_name(&doc, a).as_deref(), Some(who), "{a:?}");
    }
}

#[test]
fn a_quantified_plural_of_party_members_is_a_group_not_the_party() {
    // "Some Democrats said ...", "72 percent of Democrats": people of the party, affiliated with it; the party
    // itself speaks only by its name
    let text = "The Democratic Party met in Harbourton on Monday.\n\n\
                Some Democrats said the harbour plan would fail. In a survey, 72 percent of Democrats said the \
                council should resign. Democrats and Greens argued that the vote was rigged.\n";
    let doc = extract(text, "party-groups.txt", Some("2024-03-14"));
    for (needle, name) in
        [("harbour plan would fail", "Some Democrats"), ("council should resign", "72 percent of Democrats")]
    {
        let a = attribution_with(&doc, needle);
        assert_eq!(
            (a.source.kind.as_str(), a.source.name.as_deref(), a.source.affiliation.as_deref()),
            ("group", Some(name), Some("Democratic Party")),
            "{a:?}"
        );
        assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some(name));
    }
}

#[test]
fn reporting_verbs_of_the_gender_gap_tracker_list_are_cues() {
    let text = "\u{201c}We won the vote,\u{201d} Ilse Marek exclaimed on Tuesday.\n\n\
                Tobias Lindqvist clarified that the harbour would reopen in May.\n";
    let doc = extract(text, "ggt-verbs.txt", Some("2024-03-14"));
    for (needle, cue, who) in
        [("We won the vote", "exclaimed", "Ilse Marek"), ("harbour would reopen", "clarified", "Tobias Lindqvist")]
    {
        let a = attribution_with(&doc, needle);
        assert_eq!(a.cue.as_ref().map(|c| c.text.as_str()), Some(cue), "{a:?}");
        assert_eq!(speaker_name(&doc, a).as_deref(), Some(who), "{a:?}");
    }
}

#[test]
fn a_pronoun_in_a_fronted_clause_refers_forward_to_the_main_subject() {
    // "When she was a prosecutor, Jane Roe ...": cataphora to the main clause's subject, not the woman named
    // before; but "From Roe's speech to his call ..., Doe described ..." keeps the name before the pronoun
    let text = "Ilse Marek praised the new harbour law on Monday.\n\n\
                When she was a federal prosecutor, Marta Okafor never brought a case against the port.\n\n\
                Tobias Lindqvist spoke in Porto. From Lindqvist's speech to his call for new taxes, Dario \
                Velasquez described the campaign as a farce.\n";
    let doc = extract(text, "cataphora.txt", Some("2024-03-14"));
    assert_eq!(referent_at(&doc, text, "When she was", "she").as_deref(), Some("Marta Okafor"));
    assert_eq!(referent_at(&doc, text, "to his call", "his").as_deref(), Some("Tobias Lindqvist"));
}

#[test]
fn the_predicate_of_a_copula_refers_to_its_named_subject() {
    // "Tobias Lindqvist is the director of ...": a later "the director" is Lindqvist, and the role is his
    let text = "Tobias Lindqvist is the director of the Porto harbour museum. Ilse Marek visited the museum on \
                Monday.\n\nThe director said the museum would close in May.\n";
    let doc = extract(text, "copula.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "museum would close");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Tobias Lindqvist"), "{a:?}");
}

#[test]
fn an_adverbial_before_the_speaker_is_no_content() {
    // "Then, in a statement ..., X said CONTENT": the parse hangs the prefix from the cue as a modifier, so
    // the content is the clause after the cue; "CONTENT, X said." keeps the clause before
    let text = "Harbour strike ends.\n\n\
                Then, in a statement issued in her name shortly after the vote was published, Marta Okafor said \
                she has full confidence in the harbour board.\n\n\
                The strike will end on Friday, Tobias Lindqvist said.\n";
    let doc = extract(text, "adverbial-prefix.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "full confidence");
    assert!(a.content.text.starts_with("she has full confidence"), "{a:?}");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Marta Okafor"), "{a:?}");
    assert!(doc.attributions.iter().all(|a| !a.content.text.contains("statement issued")));
    let b = attribution_with(&doc, "strike will end");
    assert_eq!(speaker_name(&doc, b).as_deref(), Some("Tobias Lindqvist"), "{b:?}");
}

#[test]
fn a_station_dateline_after_an_abbreviated_state_is_a_credit() {
    let text = "NORTH PORTO, FLA. (WXYZ) - An overnight crash closed the harbour bridge, officials said.\n\n\
                Nobody else was hurt, Marta Okafor said.\n";
    let doc = extract(text, "station-dateline.txt", Some("2024-03-14"));
    assert_eq!(doc.credits.first().map(|c| c.kind.as_str()), Some("dateline"), "{:?}", doc.credits);
    // the dateline's words before the outlet are its place
    let place = doc.entities.iter().find(|e| e.name.eq_ignore_ascii_case("north porto")).expect("dateline place");
    assert_eq!(place.etype, "GPE", "{place:?}");
    let a = attribution_with(&doc, "overnight crash");
    assert!(a.content.text.starts_with("An overnight crash"), "{:?}", a.content.text);
}

#[test]
fn a_refusal_to_answer_over_a_phrase_is_no_statement() {
    // "saying he could not comment further on the case since ...", "nor can I comment any further", "did
    // not respond to emailed questions about ...": refusals, not statements; a statement stays
    let text = "Harbour chief detained.\n\n\
                Governor Ilse Marek urged calm, saying she could not comment further on the case since it was an \
                active investigation.\n\n\
                Tobias Lindqvist did not respond to emailed questions about the contracts he signed last year.\n\n\
                \"I have no further information, nor can I comment any further on it,\" Dario Velasquez said.\n\n\
                Marta Okafor said the harbour would reopen in May.\n";
    let doc = extract(text, "refusals.txt", Some("2024-03-14"));
    for a in &doc.attributions {
        let c = a.content.text.as_str();
        assert!(
            !c.starts_with("she could not comment")
                && !c.starts_with("further on the case")
                && !c.starts_with("to emailed"),
            "{a:?}"
        );
        assert!(!c.starts_with("any further on it"), "{a:?}");
    }
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "nor can I comment")).as_deref(), Some("Dario Velasquez"));
    assert_eq!(speaker_name(&doc, attribution_with(&doc, "reopen in May")).as_deref(), Some("Marta Okafor"));
}

#[test]
fn a_bare_surname_typed_an_organisation_is_the_person_named_before() {
    // "Michael R. Bloomberg ... Bloomberg said": the company's name is also the surname of the person the
    // story named in full, and the bare surname is that person
    let text = "Port vote looms.\n\n\
                The billionaire harbour owner Anna R. Bloomberg has poured money into the port for a decade.\n\n\
                Bloomberg now faces a strike. Rivals say Bloomberg bought the board.\n\n\
                Bloomberg said the strike would end on Friday.\n";
    let doc = extract(text, "surname-org.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "strike would end");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Anna R. Bloomberg"), "{a:?}");
    assert_eq!(a.source.kind, "person");
}

#[test]
fn an_indefinite_pronoun_after_an_inverted_cue_is_an_unnamed_source() {
    let text = "Harbour plan stalls.\n\n\"We were never told,\" said someone at the harbour meeting.\n";
    let doc = extract(text, "someone.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "never told");
    assert_eq!(a.source.kind, "anonymous", "{a:?}");
    assert_eq!(a.source.name.as_deref(), Some("someone at the harbour meeting"), "{a:?}");
}

#[test]
fn a_long_title_chain_before_a_name_after_its_content() {
    // "CONTENT, President and Chief Financial Officer of X NAME said yesterday.": two titles joined by
    // "and", a word between two title words, an "of" complement, then the person
    let text = "Fees rise.\n\n\
                There is no end in sight for rising fees, President and Chief Financial Officer of Harbour Value \
                Marta Okafor said yesterday.\n";
    let doc = extract(text, "title-chain.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "no end in sight");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Marta Okafor"), "{a:?}");
    let okafor = doc.entities.iter().find(|e| e.name == "Marta Okafor").unwrap();
    assert!(okafor.titles.iter().any(|t| t.contains("Chief Financial Officer")), "{okafor:?}");
}

#[test]
fn a_kinship_noun_beside_a_name_marks_its_gender() {
    // "Okafor's sister, Inderdai Velasquez, said ... He had left": the sister is a woman whatever her given
    // name, so "he" is her brother; a phrase opened by a preposition is no title ("X, through a spokeswoman,")
    let text = "Hunter found dead.\n\n\
                Police are investigating the death of a hunter, Dario Okafor, whose body was found on Tuesday.\n\n\
                Speaking on Thursday, Okafor's sister, Inderdai Velasquez, said the family was shocked. He had \
                left home to go hunting, she said. Velasquez, through a spokeswoman, asked for privacy.\n";
    let doc = extract(text, "kinship.txt", Some("2024-03-14"));
    assert_eq!(referent_at(&doc, text, "He had", "He").as_deref(), Some("Dario Okafor"));
    // with no man named, "He" is not the sister
    let text2 = "Hunter found dead.\n\nSpeaking on Thursday, the hunter's sister, Inderdai Velasquez, said the \
                 family was shocked. He had left home to go hunting, she said.\n";
    let doc2 = extract(text2, "kinship2.txt", Some("2024-03-14"));
    assert_ne!(referent_at(&doc2, text2, "He had", "He").as_deref(), Some("Inderdai Velasquez"), "{:?}", doc2.entities);
    let sister = doc.entities.iter().find(|e| e.name == "Inderdai Velasquez").expect("the sister");
    assert!(sister.titles.iter().all(|t| !t.contains("through")), "{sister:?}");
}

#[test]
fn a_retailer_or_insurer_refers_back_to_the_company() {
    let text = "Prices climb.\n\nVelmora Foods Inc. raised its prices again on Monday.\n\n\
                The retailer said it had about six months of stock.\n";
    let doc = extract(text, "retailer.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "six months of stock");
    assert_eq!(a.source.kind, "organization", "{a:?}");
    assert_eq!(a.source.name.as_deref(), Some("Velmora Foods Inc."), "{a:?}");
}

#[test]
fn a_full_name_typed_other_joins_the_person_its_surname_names() {
    // "the hunter Bharvel Okonjo (Suri)" is typed a named thing, then "Okonjo" a person: one person
    let text = "Hunter found dead.\n\nTwo loggers said they heard when the hunter Bharvel Okonjo (Suri) was shot in \
                the jungle.\n\nOkonjo had left his tractor by a camp, police said. Okonjo said last week that he \
                hunted every Thursday.\n";
    let doc = extract(text, "full-name-other.txt", Some("2024-03-14"));
    let okonjo: Vec<_> = doc.entities.iter().filter(|e| e.name.contains("Okonjo")).collect();
    assert_eq!(okonjo.len(), 1, "{okonjo:?}");
    assert_eq!((okonjo[0].name.as_str(), okonjo[0].etype.as_str()), ("Bharvel Okonjo", "PERSON"));
}

#[test]
fn an_untyped_name_after_a_noun_for_a_person_is_a_person() {
    let text = "Harbour plan stalls.\n\nTown resident Dennise Lamboy, 55, said the plan was a farce.\n";
    let doc = extract(text, "resident.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "plan was a farce");
    assert_eq!(a.source.kind, "person", "{a:?}");
    assert_eq!(a.source.name.as_deref(), Some("Dennise Lamboy"), "{a:?}");
}

#[test]
fn a_known_organisation_keeps_the_organisation_words_after_it() {
    // "Reuters News Agency reported": one name, the agency's, not "News Agency"
    let text = "Port closed.\n\nReuters News Agency reported that the harbour at Porto was closed on Monday.\n";
    let doc = extract(text, "agency-words.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "harbour at Porto was closed");
    assert_eq!(a.source.name.as_deref(), Some("Reuters"), "{a:?}");
    assert!(!doc.entities.iter().any(|e| e.name == "News Agency"), "{:?}", doc.entities);
}

#[test]
fn a_person_from_an_organisation_is_the_speaker() {
    // "NAME from the ORG says ...": the person speaks, the organisation is where the person works
    let text = "Fires ease.\n\nCooler weather brought relief on Monday. Velmir Okonjo from the Rural Fire Service \
                says fire fighters are remaining on guard.\n";
    let doc = extract(text, "person-from.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "remaining on guard");
    assert_eq!(a.source.kind, "person", "{a:?}");
    assert_eq!(a.source.name.as_deref(), Some("Velmir Okonjo"), "{a:?}");
}

#[test]
fn a_company_named_with_and_without_its_suffix_is_one_organisation() {
    // "Velmora Foods will invest ..." then "Velmora Foods Corp said", and "Harbourline Inc. said" then
    // "Harbourline added": one organisation each
    let text = "Velmora Foods moves to cut its emissions.\n\n\
                Velmora Foods Corp said on Thursday it aims to cut its emissions by half. Harbourline Inc. said it \
                would follow. Harbourline added that the plan would cost $2 million.\n";
    let doc = extract(text, "corporate-suffix.txt", Some("2024-03-14"));
    let velmora: Vec<_> = doc.entities.iter().filter(|e| e.name.starts_with("Velmora")).collect();
    assert_eq!(velmora.len(), 1, "{velmora:?}");
    let harbourline: Vec<_> = doc.entities.iter().filter(|e| e.name.starts_with("Harbourline")).collect();
    assert_eq!(harbourline.len(), 1, "{harbourline:?}");
}

#[test]
fn a_sentence_final_reports_after_its_subject_is_the_cue() {
    // "CONTENT, the Porto Herald reports.": the tagger reads "reports" as a plural noun
    let text = "Cameras for schools.\n\nThe school district is considering buying new cameras for more than \
                $600,000, the Porto Herald reports.\n";
    let doc = extract(text, "final-reports.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "considering buying");
    assert_eq!(a.cue.as_ref().map(|c| c.text.as_str()), Some("reports"), "{a:?}");
    assert!(a.content.text.starts_with("The school district"), "{a:?}");
}

#[test]
fn of_before_a_possessor_joins_no_name() {
    // "convicted Hartley of Zoe's manslaughter" is two people, not a name "Hartley of Zoe"; "Bank of
    // Porto's chief" keeps its organisation
    let text = "Verdict.\n\nA jury convicted Okonjo of Velasquez's manslaughter on Monday. The Bank of Porto's \
                chief said the ruling was fair.\n";
    let doc = extract(text, "of-possessor.txt", Some("2024-03-14"));
    assert!(!doc.entities.iter().any(|e| e.name.contains("Okonjo of")), "{:?}", doc.entities);
    assert!(doc.entities.iter().any(|e| e.name == "Bank of Porto"), "{:?}", doc.entities);
    // a particle is no "of": "Velmir bin Okonjo's network" keeps its person
    let text2 = "Raid.

Troops searched offices of suspected mastermind Velmir bin Okonjo's network on Monday.
";
    let doc2 = extract(text2, "of-possessor-2.txt", Some("2024-03-14"));
    assert!(doc2.entities.iter().any(|e| e.name == "Velmir bin Okonjo"), "{:?}", doc2.entities);
}

#[test]
fn a_first_name_missing_from_the_lists_joins_the_one_person_it_opens() {
    // "Velmira Okonjo, 24, ..." then "Velmira died ...": the given name is in no list
    let text = "Fumes kill student.\n\nVelmira Okonjo, 24, was overcome by fumes at her father's home in Porto.\n\n\
                Neuroscience graduate Velmira died within 30 minutes, the court heard. Velmira had moved there \
                in May.\n";
    let doc = extract(text, "first-name.txt", Some("2024-03-14"));
    let people: Vec<_> = doc.entities.iter().filter(|e| e.name.contains("Velmira")).collect();
    assert_eq!(people.len(), 1, "{people:?}");
    assert!(people[0].mentions.len() >= 3, "{people:?}");
}

#[test]
fn an_epithet_names_the_previous_subject_when_no_one_holds_the_role() {
    // "Dario Velasquez lost the vote. The former mayor said ...": no one in the story is titled mayor, and
    // the subject before holds no other role; a person with another office is not taken
    let text = "Vote lost.\n\nDario Velasquez lost the vote on Monday. The former mayor said he would appeal.\n\n\
                Sen. Marta Okafor won the vote. The former governor said the result was clear.\n";
    let doc = extract(text, "epithet.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "would appeal");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Dario Velasquez"), "{a:?}");
    let b = attribution_with(&doc, "result was clear");
    assert_ne!(speaker_name(&doc, b).as_deref(), Some("Marta Okafor"), "{b:?}");
}

#[test]
fn a_clause_the_parse_split_into_object_and_predicate_is_one_content() {
    // "have shown the shots are safe": the parse takes "the shots" for the object and "are safe" for a
    // conjunct without a coordinator; the content is the whole clause
    let text = "Vaccines.\n\nNumerous studies have shown the Velmor shots are safe and effective.\n";
    let doc = extract(text, "object-predicate.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "Velmor shots");
    assert!(a.content.text.contains("are safe and effective"), "{a:?}");
}

#[test]
fn a_verb_of_the_speaker_after_a_closing_quotation_ends_the_content() {
    // "... has been “insufficient,” and left the talks ...": the comma closes the quotation first; a
    // finite verb after "and" is the speaker's own act, no part of what was said
    let text = "Talks.\n\nAfter the meeting, Dario Velasquez said the government's offer has been “insufficient,” \
                and left the talks before noon.\n\nMarta Okafor said the polls could be \
                “way off,” and have been unreliable in past races.\n";
    let doc = extract(text, "quote-and-verb.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "offer has been");
    assert!(!a.content.text.contains("left the talks"), "{a:?}");
    // an auxiliary after "and" goes on with the content
    let b = attribution_with(&doc, "polls could be");
    assert!(b.content.text.contains("unreliable"), "{b:?}");
}

#[test]
fn a_pronoun_after_an_inverted_looking_cue_opens_the_content() {
    // "Velcorp, which ..., said it modified that data ...": "it modified" is the content's clause (the
    // tagger may read "modified" as a participle), not the speaker "it" with a participle after it; the
    // relative clause describes the speaker and is no part of its phrase
    let text = "Data.\n\nVelcorp, which also receives precise location information from apps, said it modified \
                that data to make it less exact.\n\nVelma Orr, who served as Marta Okafor's chief of staff during \
                the Okafor administration, said the audit was sound.\n";
    let doc = extract(text, "pronoun-clause.txt", Some("2024-03-14"));
    let b = attribution_with(&doc, "audit was sound");
    assert_eq!(b.speaker.as_ref().map(|s| s.text.as_str()), Some("Velma Orr"), "{b:?}");
    let a = attribution_with(&doc, "modified that data");
    assert!(a.content.text.starts_with("it modified"), "{a:?}");
    let speaker = a.speaker.as_ref().map(|s| s.text.as_str());
    assert_eq!(speaker, Some("Velcorp"), "{a:?}");
}

#[test]
fn the_last_words_of_an_organisation_name_refer_back_to_it() {
    // "the storm center" after "the National Storm Center", "provincial police" after "the Velmor
    // Provincial Police": two or more words ending an organisation's name are that organisation
    let text = "Storm.\n\nThe National Storm Center is tracking a front off the coast. The storm center said it \
                could strengthen on Friday.\n\nThe Velmor Provincial Police charged a driver. Provincial police \
                said the driver was 17.\n";
    let doc = extract(text, "org-tail.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "could strengthen");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("National Storm Center"), "{a:?}");
    let b = attribution_with(&doc, "driver was 17");
    assert!(speaker_name(&doc, b).is_some_and(|n| n.ends_with("Provincial Police")), "{b:?}");
    assert!(b.speaker_entity.is_some(), "{b:?}");
}

#[test]
fn a_phrase_that_names_its_person_is_that_person() {
    // "said an asylum-seeker named Velma": the name "named" gives is the speaker
    let text = "Border.\n\n“I have no papers,” said an asylum-seeker named Velma Okafor, who asked that her \
                last name be withheld.\n";
    let doc = extract(text, "named.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "no papers");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Velma Okafor"), "{a:?}");
}

#[test]
fn a_full_name_joins_the_one_word_name_of_its_person_before_it() {
    // a headline's "Velma" then "Velma Okafor": one person, who takes the pronouns; not a given name
    // coordinated with a full name that shares its surname ("Khizr and Ghazala Khan")
    let text = "Follow Markets\n\nVelma Got Her Deal\n\nI guess it is worth saying that Velma Okafor does not own \
                Velcorp Inc. She did not buy Velcorp Inc. yesterday. She did sign an agreement yesterday to buy \
                Velcorp for cash.\n";
    let doc = extract(text, "headline-given-name.txt", Some("2024-03-14"));
    let people: Vec<_> = doc.entities.iter().filter(|e| e.name.starts_with("Velma")).collect();
    assert_eq!(people.len(), 1, "{people:?}");
    assert_eq!(people[0].name, "Velma Okafor");
}

#[test]
fn a_listed_surname_keeps_its_person_against_the_misc_bonus() {
    // a one-word name the gazetteer lists only as a surname is a person's, in quotations too
    let text = "War.\n\n“No one but Putin wants a long war,” Velma Orr said. “We dream of a quiet winter.”\n\n\
                Failure to do so would hand “Putin the greatest gift they could give him.”\n";
    let doc = extract(text, "listed-surname.txt", Some("2024-03-14"));
    let putin = doc.entities.iter().find(|e| e.name == "Putin").expect("Putin is an entity");
    assert_eq!(putin.etype, "PERSON", "{putin:?}");
}

#[test]
fn a_pronoun_after_a_fronted_time_clause_is_that_clauses_subject() {
    // "When Jane Roe took office in 2018, she promised ...": the clause's subject, not the person named in
    // the sentence before, nor the previous statement's speaker
    let text = "Borders.\n\nDario Velasquez threatened tariffs on Porto last year. When Porto president Marcel \
                Okonjo took office in 2018, he promised a gentler approach to migrants.\n";
    let doc = extract(text, "fronted-clause.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "gentler approach");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Marcel Okonjo"), "{a:?}");
}

#[test]
fn a_dateline_with_a_known_agency_needs_no_dash() {
    // "Porto, Nov. 17 (CNA) The Ministry ...": the place and date before a known agency are a dateline, so
    // the place is no speaker of the sentence's first statement
    let text = "Climate rules\n\nPorto, Nov. 17 (CNA) The Ministry of Environment released new climate \
                guidelines on Friday, the ministry said.\n";
    let doc = extract(text, "dateline-no-dash.txt", Some("2024-03-14"));
    assert!(doc.credits.iter().any(|c| c.kind == "dateline" && c.span.text.ends_with("(CNA)")), "{:?}", doc.credits);
    let a = attribution_with(&doc, "climate guidelines");
    assert!(!a.content.text.contains("Porto"), "{a:?}");
}

#[test]
fn well_known_organisations_keep_their_whole_names_and_kind() {
    // a listed name with inner connectors is one organisation ("Centers for Disease Control and
    // Prevention", not three named things); one opening a sentence keeps its first word; a company named
    // alone is an organisation, not a person; continental groups are groups
    let text = "Vaccines\n\nThe Centers for Disease Control and Prevention updated its guidance on Monday. Human \
                Rights Watch said the camp was unsafe. Goldman Sachs said the loan was repaid. Africans said \
                they had waited for weeks.\n";
    let doc = extract(text, "known-organisations.txt", Some("2024-03-14"));
    let names: Vec<(&str, &str)> = doc.entities.iter().map(|e| (e.name.as_str(), e.etype.as_str())).collect();
    assert!(names.contains(&("Centers for Disease Control and Prevention", "ORG")), "{names:?}");
    assert!(names.contains(&("Human Rights Watch", "ORG")), "{names:?}");
    assert!(names.contains(&("Goldman Sachs", "ORG")), "{names:?}");
    assert!(names.contains(&("Africans", "NORP")), "{names:?}");
}

#[test]
fn an_apposition_with_a_noun_for_a_person_makes_a_name_a_persons() {
    // "Velmira (not her real name), an Angolan woman": the recogniser may read a rare given name as a
    // place; the apposition says it is a person, for every mention of the name. A month is no person.
    let text = "Stranded in Porto\n\nThe Observers team spoke to Velmira (not her real name), an Angolan woman \
                who arrived in Porto in early July, two months after she left home.\n\nVelmira and her husband \
                are travelling with their seven children.\n\n(Video by Velmira)\n\nThe children sleep on the \
                floor of a rented room.\n\n(Video by Velmira)\n\nLast May, a federal judge ordered the \
                releases.\n";
    let doc = extract(text, "person-apposition.txt", Some("2024-03-14"));
    let people: Vec<_> = doc.entities.iter().filter(|e| e.name == "Velmira").collect();
    assert_eq!(people.len(), 1, "{people:?}");
    assert_eq!(people[0].etype, "PERSON", "{people:?}");
    assert!(!doc.entities.iter().any(|e| e.name == "May" && e.etype == "PERSON"), "{:?}", doc.entities);
}

#[test]
fn whom_something_was_told_to_ends_before_the_next_determiner() {
    // "told reporters the plan was dead": the addressee is "reporters"; "the plan was dead" is the content
    let text = "Talks.\n\nMarta Okafor told reporters the plan was dead. The app told users their data was safe.\n";
    let doc = extract(text, "told-addressee.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "was dead");
    assert_eq!(a.content.text, "the plan was dead", "{a:?}");
    let b = attribution_with(&doc, "was safe");
    assert_eq!(b.content.text, "their data was safe", "{b:?}");
}

#[test]
fn a_participles_phrase_after_the_subject_is_no_part_of_the_speaker() {
    // "The agency, led by Marta Okafor, said": the agency speaks, not the person in the participle's
    // phrase; a document's phrase keeps its author ("The poll, released by X, found")
    let text = "Rules.\n\nThe agency, led by Marta Okafor, said the rule would stand.\n\nThe poll, released on \
                Wednesday by the Velmor Policy Institute, found the race was tied.\n";
    let doc = extract(text, "participle-subject.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "rule would stand");
    assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("The agency"), "{a:?}");
    assert_ne!(speaker_name(&doc, a).as_deref(), Some("Marta Okafor"), "{a:?}");
    let b = attribution_with(&doc, "race was tied");
    assert_eq!(speaker_name(&doc, b).as_deref(), Some("Velmor Policy Institute"), "{b:?}");
}

#[test]
fn single_marks_inside_a_double_quotation_do_not_close_it() {
    // “The book ‘1984,’ we’re living it,” said X: the inner single marks quote a title; "we" inside the
    // quotation is no speaker and the quotation runs to its double closing mark
    let text = "Privacy\n\n“The book ‘1984,’ we’re kind of living it in a lot of ways,” said Dario Velasquez, a \
                partner at a tax firm.\n";
    let doc = extract(text, "nested-single-marks.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "The book");
    assert_eq!(speaker_name(&doc, a).as_deref(), Some("Dario Velasquez"), "{a:?}");
    assert!(a.content.text.ends_with("ways,”"), "{a:?}");
}

#[test]
fn a_transition_with_a_speech_verb_is_no_part_of_the_content() {
    // "That said, the talks will resume on Monday, officials said.": "That said," is the writer's
    // transition; the content starts after its comma
    let text = "Talks\n\nThat said, the talks will resume on Monday, officials said.\n";
    let doc = extract(text, "idiom-opener.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "talks will resume");
    assert_eq!(a.content.text, "the talks will resume on Monday", "{a:?}");
}

#[test]
fn a_question_the_asked_person_refused_to_answer_is_no_statement() {
    // "Asked whether the talks would continue, Roe declined to answer.": a refusal, as "declined to
    // comment" is; the question is no statement of anyone's
    let text = "Talks\n\nAsked whether the talks would continue, Marta Okafor declined to answer.\n\nWhen asked \
                about the deal, the minister declined to elaborate.\n";
    let doc = extract(text, "asked-refused.txt", Some("2024-03-14"));
    assert!(doc.attributions.is_empty(), "{:?}", doc.attributions);
}

#[test]
fn an_arabic_article_joined_by_a_hyphen_is_part_of_the_name() {
    // "Kareem al-Haddad", "Jund al-Nour": the article and the word it is joined to belong to the name, and
    // "Al-Haddad" opening a sentence and "Haddad" alone are the same surname
    let text = "Talks\n\nVelmor movement leader Kareem al-Haddad spoke in Port Ardel on Monday. Al-Haddad said \
                the group would not disarm. A rival faction, Jund al-Nour, said it would keep fighting. Haddad \
                later told reporters that the talks had failed.\n";
    let doc = extract(text, "arabic-article.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "would not disarm").1, "Kareem al-Haddad");
    assert_eq!(source_of(&doc, "talks had failed").1, "Kareem al-Haddad");
    assert!(doc.entities.iter().any(|e| e.name == "Jund al-Nour"), "{:?}", doc.entities);
    assert!(!doc.entities.iter().any(|e| e.name.starts_with('-') || e.name == "Nour"), "{:?}", doc.entities);
}

#[test]
fn the_object_of_quoted_as_saying_is_the_speaker() {
    // "The agency quoted X as saying ...": X spoke; the agency passed the words on, and X is no content
    let text = "Talks\n\nThe state news agency quoted an unnamed harbour official as saying the talks had \
                failed.\n";
    let doc = extract(text, "quoted-as-saying.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "talks had failed");
    assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("an unnamed harbour official"), "{a:?}");
    assert_eq!(doc.attributions.len(), 1, "{:?}", doc.attributions);
}

#[test]
fn a_lower_case_word_the_tagger_reads_as_a_name_stays_in_an_unnamed_source() {
    // "A ministry official said": "ministry" (which the tagger may read as a proper noun) is part of who
    // spoke
    let text = "Talks\n\nA ministry official said the talks had failed.\n";
    let doc = extract(text, "ministry-official.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "talks had failed");
    assert_eq!(a.source.name.as_deref(), Some("A ministry official"), "{a:?}");
}

#[test]
fn parts_of_a_day_are_dates_and_no_part_of_a_speaker() {
    // "last night", "this morning", "tonight": dates relative to publication, and when something was said,
    // not who said it
    let text = "Talks\n\nThe party's national executive last night rejected the bid. The committee this morning \
                said it would meet again tonight.\n";
    let doc = extract(text, "day-parts.txt", Some("2024-03-14"));
    let values: Vec<(&str, &str)> = doc.dates.iter().map(|d| (d.span.text.as_str(), d.value.as_str())).collect();
    assert!(values.contains(&("last night", "2024-03-13")), "{values:?}");
    assert!(values.contains(&("this morning", "2024-03-14")), "{values:?}");
    assert!(values.contains(&("tonight", "2024-03-14")), "{values:?}");
    let a = attribution_with(&doc, "meet again");
    assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("The committee"), "{a:?}");
}

#[test]
fn a_speaker_in_apposition_closes_the_sentence() {
    // "CONTENT, NAME, TITLE, said." and "CONTENT, TITLE, NAME, said.": the parser may hang "said" from the
    // title as a participle; the speaker is the person, the content the clause before
    let text = "Strike\n\nThe cuts would hurt dock workers, Dario Velasquez, the union's general secretary, said.\n\n\
                The port would stay shut, the union's president, Marta Okafor, said.\n\n\
                Earlier this week, senior members of the union, along with two port managers, wrote to the \
                minister.\n";
    let doc = extract(text, "apposition-speaker.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "hurt dock workers").1, "Dario Velasquez");
    assert_eq!(source_of(&doc, "would stay shut").1, "Marta Okafor");
    assert!(!doc.attributions.iter().any(|a| a.content.text == "Earlier this week"), "{:?}", doc.attributions);
}

#[test]
fn an_abbreviation_after_a_hyphen_ends_no_sentence() {
    // "Staff-Insp. Jane Roe said.", "the post-Sept. 11 coalition": the period belongs to the abbreviation
    let text = "Police\n\nThe allegations are serious, Staff-Insp. Dario Velasquez said. The post-Sept. 11 rules \
                stay, officials said.\n";
    let doc = extract(text, "hyphen-abbreviation.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "allegations are serious").1, "Dario Velasquez");
    let a = attribution_with(&doc, "rules");
    assert!(a.content.text.starts_with("The post-Sept. 11 rules"), "{a:?}");
}

#[test]
fn a_portfolio_after_a_title_is_no_part_of_the_name() {
    // "Minister for Rehabilitation X", "the Minister for Foreign Affairs, X,": the capitalised words after
    // "for" name the portfolio, which belongs to the title
    let text = "Camps\n\nMinister for Rehabilitation Dario Velasquez said the camps would close. The Minister for \
                Foreign Affairs, Marta Okafor, said the talks would go ahead.\n";
    let doc = extract(text, "portfolio.txt", Some("2024-03-14"));
    let dario = doc.entities.iter().find(|e| e.name == "Dario Velasquez").expect("the minister's own name");
    assert_eq!(dario.titles, vec!["Minister for Rehabilitation".to_string()]);
    assert_eq!(source_of(&doc, "talks would go ahead").1, "Marta Okafor");
    assert!(
        !doc.entities.iter().any(|e| e.name.contains("Affairs") || e.name.contains("Rehabilitation")),
        "{:?}",
        doc.entities
    );
}

#[test]
fn a_unique_role_refers_to_the_one_titled_with_it() {
    // "Pope X urged ... Later, the pope said": "the pope" (a role one person holds) is the person titled
    // Pope, as "the president" is
    let text = "Summit\n\nPope Adrian VII opened the summit on Monday. Later, the pope said the world must \
                listen.\n";
    let doc = extract(text, "pope.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "world must listen").1, "Adrian VII");
}

#[test]
fn it_after_a_possessor_and_its_head_is_the_head() {
    // "Portugal's Harbour Bank said it ...": "it" is the bank, not the country that owns the phrase
    let text = "Banks\n\nPortugal's Harbour Bank said on Wednesday it plans to cut 1,000 jobs. It reported its \
                profit rose 11 percent.\n";
    let doc = extract(text, "possessor-it.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "profit rose").1, "Harbour Bank");
}

#[test]
fn a_noun_phrase_inside_the_subjects_modifier_is_no_speaker() {
    // "The expert under scrutiny in the inquiry said ...", "Researchers monitoring a flock of birds said
    // ...": the noun phrase right before the cue belongs to a phrase modifying the subject
    let text = "Inquiry\n\nThe harbour engineer under scrutiny in the collapse inquiry said that he was innocent. \
                Researchers monitoring a flock of six geese said the birds were healthy.\n";
    let doc = extract(text, "modifier-subject.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "he was innocent");
    assert_eq!(
        a.speaker.as_ref().map(|s| s.text.as_str()),
        Some("The harbour engineer under scrutiny in the collapse inquiry"),
        "{a:?}"
    );
    let b = attribution_with(&doc, "birds were healthy");
    assert_eq!(
        b.speaker.as_ref().map(|s| s.text.as_str()),
        Some("Researchers monitoring a flock of six geese"),
        "{b:?}"
    );
}

#[test]
fn an_organisation_noun_in_apposition_or_a_web_address_makes_an_organisation() {
    // "Velmar, the banned party, said ...": the apposition says what the name is; "Harbourwatch.org said"
    // is the site's organisation
    let text = "Ban\n\nVelmar, the banned party, said it would appeal the ruling. Harbourwatch.org said the ban \
                was unlawful.\n";
    let doc = extract(text, "org-apposition.txt", Some("2024-03-14"));
    let velmar = doc.entities.iter().find(|e| e.name == "Velmar").expect("the party");
    assert_eq!(velmar.etype, "ORG", "{velmar:?}");
    assert!(velmar.titles.is_empty(), "{velmar:?}");
    let site = doc.entities.iter().find(|e| e.name == "Harbourwatch.org").expect("the site");
    assert_eq!(site.etype, "ORG", "{site:?}");
}

#[test]
fn a_participle_after_a_comma_takes_no_inverted_speaker() {
    // "X is taking legal action, claiming the school discriminated against him": X claims; "the school"
    // after the participle is the claim's subject, not an inverted speaker
    let text = "Court\n\nA former student is taking legal action, claiming the school discriminated against him.\n";
    let doc = extract(text, "participle-not-inverted.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "discriminated");
    assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("A former student"), "{a:?}");
    assert!(a.content.text.starts_with("the school"), "{a:?}");
}

#[test]
fn a_hyphenated_or_honorific_role_after_the_is_a_definite_role() {
    // "The Governor-General says", "The Lord Mayor says": a role, not a person named "-General" or "Mayor";
    // the Governor-General is the one titled so
    let text = "Vice-regal\n\nGovernor-General Dario Velasquez was appointed in June. The Governor-General says \
                he will not resign. The Lord Mayor says the city is ready.\n";
    let doc = extract(text, "hyphen-role.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "will not resign").1, "Dario Velasquez");
    let mayor = attribution_with(&doc, "city is ready");
    assert_eq!(mayor.source.kind, "anonymous", "{mayor:?}");
    assert!(!doc.entities.iter().any(|e| e.name == "Mayor" || e.name.starts_with('-')), "{:?}", doc.entities);
}

#[test]
fn a_name_inside_the_speakers_apposition_or_modifier_is_not_the_speaker() {
    // "“...,” X, an adviser to Mr Y said.", "A spokesman, in a statement received by AFP, said",
    // "X, who plays in place of Y says": the speaker is the subject, not the name in its modifier
    let text = "Talks\n\n\"We will not accept this,\" Dario Velasquez, an adviser to Mr Okafor said.\n\n\
                A harbour authority spokesman, in a statement received by Reuters, said the port would reopen.\n\n\
                Marta Okafor, who is in the squad in place of pace bowler Ana Reis says she is ready.\n";
    let doc = extract(text, "modifier-names.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "will not accept").1, "Dario Velasquez");
    let a = attribution_with(&doc, "port would reopen");
    assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("A harbour authority spokesman"), "{a:?}");
    assert_eq!(source_of(&doc, "she is ready").1, "Marta Okafor");
}

#[test]
fn well_known_companies_named_alone_are_organisations() {
    // "Qantas said", "Westpac and ANZ said": companies the recogniser alone read as people or places
    let text = "Airlines\n\nQantas said it would cut 1,000 jobs. Westpac and ANZ said rates would fall.\n";
    let doc = extract(text, "known-companies.txt", Some("2024-03-14"));
    for name in ["Qantas", "Westpac", "ANZ"] {
        let e = doc.entities.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{name}: {:?}", doc.entities));
        assert_eq!(e.etype, "ORG", "{e:?}");
    }
}

#[test]
fn names_coordinated_as_the_speaker_are_one_source() {
    // "France, Britain and the United States said", "Qantas and Virgin Blue said": every one of them
    let text = "Talks\n\nFrance, Britain and the United States said the move would help. Qantas and Virgin Blue \
                said fares would rise.\n";
    let doc = extract(text, "coordinated-speakers.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "move would help");
    assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("France, Britain and the United States"), "{a:?}");
    assert_eq!(a.source.kind, "group", "{a:?}");
    let b = attribution_with(&doc, "fares would rise");
    assert_eq!(b.source.name.as_deref(), Some("Qantas and Virgin Blue"), "{b:?}");
}

#[test]
fn he_after_an_unnamed_militant_and_a_role_in_apposition() {
    // "A militant said ... “...,” he said.": the militant (a noun for a person) speaks on; "Mr. X, a former
    // broadcast journalist, intends ... He considers": the apposition is X, and so is "He"
    let text = "Gaza\n\nA harbour militant, speaking on condition of anonymity, said the group would respond. \
                \"We will answer,\" he said.\n\nInstead, Mr. Velasquez, a former broadcast journalist, intends to \
                sit out the race. He considers the plan unwise, he said.\n";
    let doc = extract(text, "militant-apposition.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "We will answer");
    assert_eq!(a.source.name.as_deref(), Some("A harbour militant"), "{a:?}");
    let v = doc.entities.iter().find(|e| e.name == "Velasquez").expect("Velasquez");
    assert!(
        v.mentions.iter().any(|m| m.text == "a former broadcast journalist"),
        "the apposition is the person: {v:?}"
    );
}

#[test]
fn a_noun_for_people_before_another_noun_is_no_source_of_its_own() {
    // "Other refugee advocates said": "refugee" modifies "advocates"; the group is the advocates
    let text = "Camps\n\nOther refugee advocates said the camps were full.\n";
    let doc = extract(text, "compound-source.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "camps were full");
    assert_eq!(a.source.name.as_deref(), Some("Other refugee advocates"), "{a:?}");
}

#[test]
fn the_nationality_word_as_a_subject_is_a_person_not_the_country() {
    // "Dario Velasquez will not play. The Australian says ...": the Australian is the player, an epithet;
    // "the Chinese have ..." (a people) is left alone
    let text = "Tennis\n\nDario Velasquez will not play in the final. The Australian says his shoulder is too sore.\n";
    let doc = extract(text, "nationality-epithet.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "shoulder is too sore").1, "Dario Velasquez");
}

#[test]
fn the_source_refers_back_to_the_unnamed_source_before_it() {
    // "A Western diplomat said ... The talks could take weeks, the source said.": the diplomat
    let text = "Port\n\nA Western diplomat said the harbour talks had stalled. The union denied it. The talks could \
                take weeks, the source said.\n";
    let doc = extract(text, "generic-source.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "could take weeks");
    assert_eq!(a.source.name.as_deref(), Some("A Western diplomat"), "{a:?}");
}

#[test]
fn a_definite_role_before_a_name_in_apposition_is_that_name() {
    // "The Health Minister, Jane Roe, said": the role is Roe's, not that of a minister named before
    let text = "Hospitals\n\nPort Minister Dario Velasquez said the docks were open. The Health Minister, Marta \
                Okafor, said hospitals were full.\n";
    let doc = extract(text, "role-before-name.txt", Some("2024-03-14"));
    let dario = doc.entities.iter().find(|e| e.name == "Dario Velasquez").expect("Velasquez");
    assert!(!dario.titles.iter().any(|t| t.contains("Health")), "{dario:?}");
    assert_eq!(source_of(&doc, "hospitals were full").1, "Marta Okafor");
}

#[test]
fn a_time_after_the_cue_is_no_part_of_the_content() {
    // "X said late Sunday the leader had fled": when it was said, not what
    let text = "News\n\nThe harbour agency said late Sunday the ferry had sunk. Police said early Monday the captain \
                was caught.\n";
    let doc = extract(text, "time-after-cue.txt", Some("2024-03-14"));
    assert_eq!(attribution_with(&doc, "ferry had sunk").content.text, "the ferry had sunk");
    assert_eq!(attribution_with(&doc, "captain was caught").content.text, "the captain was caught");
}

#[test]
fn a_described_source_is_the_person_the_lead_names_next_with_that_title() {
    // "A federal judge ruled ... Magistrate Judge Jane Roe said ...": the judge of the lead is Roe; an
    // indefinite source named later with another title ("a clerk") stays unnamed
    let text = "Court\n\nThe harbour pilot will stay in custody, a federal judge said Monday.\n\nU.S. District \
                Magistrate Judge Marta Okafor said the evidence was strong.\n\nA court clerk said the hearing ran \
                late. \"It was a long day,\" said Dario Velasquez, the pilot's lawyer.\n";
    let doc = extract(text, "described-then-named.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "stay in custody").1, "Marta Okafor");
    let clerk = attribution_with(&doc, "hearing ran late");
    assert_eq!(clerk.source.kind, "anonymous", "{clerk:?}");
}

#[test]
fn an_unnamed_source_before_a_participle_phrase_is_the_speaker() {
    // "A doctor, being held at X Detention Centre, claims ...": the doctor, not the centre
    let text = "Detention\n\nAn Iraqi doctor, being held at the port's Harbourton Detention Centre, claims \
                detainees are mistreated.\n";
    let doc = extract(text, "unnamed-then-participle.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "detainees are mistreated");
    assert_eq!(a.source.kind, "anonymous", "{a:?}");
    assert!(a.source.name.as_deref().is_some_and(|n| n.starts_with("An Iraqi doctor")), "{a:?}");
}

#[test]
fn a_listed_company_after_a_given_name_is_a_surname() {
    // "Michael Bloomberg" is a person, not "Michael" and the company; the surname alone is that person
    let text = "Jets\n\nMarta Boeing said the new jets were safe. Boeing said the airline would expand.\n";
    let doc = extract(text, "company-surname.txt", Some("2024-03-14"));
    let p = doc.entities.iter().find(|e| e.name == "Marta Boeing").expect("one person");
    assert_eq!(p.etype, "PERSON");
    assert_eq!(source_of(&doc, "airline would expand").1, "Marta Boeing");
}

#[test]
fn a_title_modifier_before_one_common_word_makes_no_person() {
    // "The Press Trust of India", "the National Women's Institute": "press" and "national" only modify a
    // title's head; "Trust" and "Women" are no people ("Press Secretary Jane Roe" still titles Roe)
    let text = "Ferries\n\nThe Harbour Press Trust says the ferry sank. The National Women of the port said the \
                fares rose. Press Secretary Marta Okafor said the port was open.\n";
    let doc = extract(text, "title-modifier.txt", Some("2024-03-14"));
    assert!(
        !doc.entities.iter().any(|e| e.etype == "PERSON" && (e.name == "Women" || e.name == "Trust")),
        "{:?}",
        doc.entities
    );
    let p = doc.entities.iter().find(|e| e.name == "Marta Okafor").expect("Okafor");
    assert_eq!(p.titles, vec!["Press Secretary".to_string()]);
}

#[test]
fn a_common_noun_glued_before_a_full_name_is_a_descriptor() {
    // "Billionaire Donald Trump", "Cartoonist Matt Bors": a word running text writes in lower case, or a
    // practitioner's noun, before a given name is no part of the name
    let text = "Port\n\nBillionaire Marta Okafor said the port would be sold. Cartoonist Dario Velasquez said the \
                strip would end.\n";
    let doc = extract(text, "descriptor-before-name.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "port would be sold").1, "Marta Okafor");
    assert_eq!(source_of(&doc, "strip would end").1, "Dario Velasquez");
}

#[test]
fn a_pronoun_after_a_new_subject_between_quotes_is_that_subject() {
    // "“...,” said X. A delegate from the group, Jane Roe, summed up the mood. “...,” she said.": Roe, the
    // subject of the sentence in between, not the previous quote's speaker; not the subject of an "as" clause
    let text = "Talks\n\n\"We were the champions of the harbour,\" said Marta Okafor, the union's chief negotiator. \
                A delegate from the ferry group, Ana Brito, summed up the mood in one phrase. \"The sun cannot hide \
                its smile,\" she said.\n\n\"We will sail,\" said Dario Velasquez. As Jorge Pinto became the port's \
                owner, the old crews left. \"It was a hard year,\" he said.\n";
    let doc = extract(text, "subject-between-quotes.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "cannot hide its smile").1, "Ana Brito");
    assert_eq!(source_of(&doc, "hard year").1, "Dario Velasquez");
}

#[test]
fn common_nouns_with_capitals_before_a_country_are_one_organisation() {
    // "Soccer Australia", "Radio New Zealand": a body named after the country, not a word and the country;
    // "West Virginia" (a known place) and "Upstate New York" (a place's part) stay places
    let text = "Sport\n\nThe head of Rowing Australia said the team was broke. Listeners of Radio New Zealand heard \
                the news. Voters in West Virginia and Upstate New York were angry.\n";
    let doc = extract(text, "country-body.txt", Some("2024-03-14"));
    let types: Vec<(String, String)> = doc.entities.iter().map(|e| (e.etype.clone(), e.name.clone())).collect();
    assert!(types.contains(&("ORG".into(), "Rowing Australia".into())), "{types:?}");
    assert!(types.contains(&("ORG".into(), "Radio New Zealand".into())), "{types:?}");
    assert!(types.contains(&("GPE".into(), "West Virginia".into())), "{types:?}");
    assert!(!types.iter().any(|(t, n)| t == "ORG" && n.contains("York")), "{types:?}");
}

#[test]
fn a_listed_name_that_ends_in_a_role_noun_is_that_name() {
    // "The Economist" (a newspaper, listed) is no unnamed economist, nor is "the House of Representatives"
    // a group of representatives
    let text = "Wages\n\nA study by The Economist found that wages fell. The Economist said prices rose in the \
                harbour. Members of the House of Representatives said the port was open.\n";
    let doc = extract(text, "listed-role-name.txt", Some("2024-03-14"));
    let e = doc.entities.iter().find(|e| e.name == "The Economist").expect("the newspaper");
    assert_eq!(e.etype, "ORG");
    assert_eq!(attribution_with(&doc, "prices rose").source.kind, "organization");
    assert!(
        doc.entities.iter().any(|e| e.name == "House of Representatives" && e.etype == "ORG"),
        "{:?}",
        doc.entities
    );
}

#[test]
fn a_nominal_with_another_nationality_is_no_earlier_one() {
    // "the Afghan capital" after "the German capital" (Berlin) is Kabul, not Berlin
    let text = "Cities\n\nThe German capital is renaming streets. Activists in Berlin welcomed it.\n\nProtesters \
                marched in Kabul on Monday. The Afghan capital was quiet later.\n";
    let doc = extract(text, "nationality-nominal.txt", Some("2024-03-14"));
    assert_eq!(referent_at(&doc, text, "The Afghan capital", "The Afghan capital").as_deref(), Some("Kabul"));
}

#[test]
fn a_name_in_a_relative_clause_between_quotes_is_no_new_subject() {
    // "Bill Peel, whose son Billy died in the accident, is disappointed. “...,” he said.": Peel, not Billy
    let text = "Crash\n\n\"We want answers,\" Mr Okafor said. Dario Velasquez of Harbourton in north Portugal, \
                whose son Jorge died in the ferry accident, is disappointed with the verdict. \"The verdict is \
                wrong,\" he said.\n";
    let doc = extract(text, "relative-between-quotes.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "verdict is wrong").1, "Dario Velasquez");
}

#[test]
fn a_clergy_honorific_opens_a_persons_name() {
    // "The Reverend Tim Costello says ... He says ...": a person (the honorific no part of the name), not
    // an organisation "Reverend Tim Costello"
    let text = "Refugees\n\nThe Reverend Dario Velasquez says the detainees are desperate. He says they need \
                help. Pastor Marta Okafor said the church would help.\n";
    let doc = extract(text, "clergy-honorific.txt", Some("2024-03-14"));
    let p = doc.entities.iter().find(|e| e.name == "Dario Velasquez").expect("a person");
    assert_eq!(p.etype, "PERSON");
    assert_eq!(source_of(&doc, "need help").1, "Dario Velasquez");
    assert!(doc.entities.iter().any(|e| e.name == "Marta Okafor"), "{:?}", doc.entities);
}

#[test]
fn a_nationalitys_people_are_a_group_named_as_the_text_names_them() {
    // "Most Americans say ...": a group "Most Americans" of the United States, not a source named
    // "United States"
    let text = "Polls\n\nMost Americans say the harbour is safe. Israelis said the ferry was late.\n";
    let doc = extract(text, "nationality-people.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "harbour is safe");
    assert_eq!((a.source.kind.as_str(), a.source.name.as_deref()), ("group", Some("Most Americans")), "{a:?}");
    assert_eq!(a.source.affiliation.as_deref(), Some("United States"));
    assert_eq!(attribution_with(&doc, "ferry was late").source.name.as_deref(), Some("Israelis"));
}

#[test]
fn common_given_names_mark_the_gender_pronouns_agree_with() {
    // "Trevor" and "Yvonne" mark a man and a woman: "She said" is Pinto, "He said" Okafor
    let text = "Port\n\nThe port was closed on Monday. Trevor Okafor met Yvonne Pinto at the harbour. She said the \
                ferries would sail again. He said the fares would rise.\n";
    let doc = extract(text, "given-name-gender.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "ferries would sail").1, "Yvonne Pinto");
    assert_eq!(source_of(&doc, "fares would rise").1, "Trevor Okafor");
}

#[test]
fn a_person_introduced_by_the_paragraph_before_a_quote_speaks_it() {
    // "Fraser Amos, a student at ..., is helping ... ¶ “...,” he says.": the person the paragraph before
    // brings in with an apposition, not the previous quote's speaker
    let text = "Rents\n\nDario Velasquez, a union officer, says the plan is wishful thinking. \"Students need \
                friends,\" he says.\n\nTomas Okafor, a final-year student at the college, is helping to \
                rally support for a rent strike.\n\n\"The college puts rents above lives,\" he says.\n";
    let doc = extract(text, "introduced-before-quote.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "Students need friends").1, "Dario Velasquez");
    assert_eq!(source_of(&doc, "rents above lives").1, "Tomas Okafor");
}

#[test]
fn a_role_no_one_else_holds_after_a_statement_is_its_speaker() {
    // "Chris Grayling warned ... ¶ Speaking in the Commons, the Conservative MP said": the person who just
    // spoke, when coreference found no one with the role (here the recogniser read the role as a name)
    let text = "Travel\n\nDario Velasquez warned on Monday that the ferry sector faced mass job cuts.\n\n\
                Speaking in parliament, the Conservative MP said: \"It does not need to be like this.\"\n";
    let doc = extract(text, "role-after-statement.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "need to be like this").1, "Dario Velasquez");
}

#[test]
fn letters_after_a_name_are_titles_not_part_of_it() {
    // "Judge Neil Ford QC ... Judge Ford said": one person named "Neil Ford", "QC" a title
    let text = "Court\n\nJudge Dario Velasquez QC sentenced the plumber to three years.\n\n\
                Judge Velasquez said: \"There was no malice in this case.\"\n\n\
                Dame Marta Okafor OBE said the play would tour. Speaking later, the Conservative MP said \
                the law was clear.\n";
    let doc = extract(text, "post-nominals.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "plumber to three years").1, "Dario Velasquez");
    assert_eq!(source_of(&doc, "no malice").1, "Dario Velasquez");
    let judge = doc.entities.iter().find(|e| e.name == "Dario Velasquez").expect("the judge");
    assert!(judge.titles.iter().any(|t| t == "QC"), "{:?}", judge.titles);
    assert_eq!(source_of(&doc, "play would tour").1, "Marta Okafor");
    // (one word with no title before the letters is no person's name: "the Conservative MP" keeps them)
    assert!(!doc.entities.iter().any(|e| e.name == "Conservative"), "{:?}", doc.entities);
}

#[test]
fn given_names_of_many_languages_mark_gender() {
    // "Raquel" and "Chukwuemeka" mark a woman and a man, as "Yvonne" and "Trevor" do
    let text = "Port\n\nThe port was closed on Monday. Chukwuemeka Velasquez met Raquel Pinto at the harbour. \
                She said the ferries would sail again. He said the fares would rise.\n";
    let doc = extract(text, "world-given-names.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "ferries would sail").1, "Raquel Pinto");
    assert_eq!(source_of(&doc, "fares would rise").1, "Chukwuemeka Velasquez");
}

#[test]
fn a_reflexive_right_after_a_name_stresses_that_name() {
    // "Ware insists that Podliska himself asked ...": Podliska, not the man who spoke
    let text = "Inquiry\n\nGowdy spokesman Tomas Ware said the claims were meritless. Ware insists that Dario \
                Velasquez himself asked interns to take up partisan projects.\n";
    let doc = extract(text, "reflexive-after-name.txt", Some("2024-03-14"));
    let asked = doc.attributions.iter().find(|a| a.cue.as_ref().is_some_and(|c| c.text == "asked")).expect("asked");
    assert_eq!(speaker_name(&doc, asked).as_deref(), Some("Dario Velasquez"));
}

#[test]
fn a_speakers_apposition_may_hold_a_list() {
    // "“...,” Nathaniel Pieper, senior vice president of fleet, finances and alliances at Alaska, said": the
    // name is the speaker, not the apposition's last stretch
    let text = "Airline\n\n\"We are joining a family of airlines,\" Dario Velasquez, senior vice president of \
                fleet, finances and alliances at the carrier, said in a statement.\n";
    let doc = extract(text, "apposition-with-list.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "joining a family").1, "Dario Velasquez");
}

#[test]
fn a_speaker_phrase_runs_to_the_person_named_before_its_cue() {
    // "Leader of Government Business Dr Amery Browne requested ...": the person, not "Government Business"
    let text = "Senate\n\nLeader of Government Business Dr Dario Velasquez requested a suspension of the sitting.\n";
    let doc = extract(text, "title-then-honorific.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "suspension of the sitting").1, "Dario Velasquez");
}

#[test]
fn a_singular_noun_in_ss_is_one_source_and_nobility_are_titles() {
    // "The duchess revealed that ...": one unnamed person, not a group; "Duchess of Cambridge" is a title
    let text = "Palace\n\nCatherine Velasquez, Duchess of Cambridge, visited the hospital on Monday.\n\n\
                The duchess revealed that the ward would reopen. The analysis showed that the beds were full.\n";
    let doc = extract(text, "duchess.txt", Some("2024-03-14"));
    let c = doc.entities.iter().find(|e| e.name == "Catherine Velasquez").expect("the duchess");
    assert!(c.titles.iter().any(|t| t.contains("Duchess")), "{:?}", c.titles);
    let a = attribution_with(&doc, "beds were full");
    assert_ne!(a.source.kind, "group", "{a:?}");
}

#[test]
fn a_role_with_capitalised_words_goes_to_the_person_whose_title_holds_them() {
    // "The Florida senator" after "Florida Sen. X" and "Texas Sen. Y": X, though Y was named last
    let text = "Debate\n\nFlorida Sen. Dario Velasquez attacked the plan on Monday. Texas Sen. Tomas Pinto \
                defended it.\n\nThe Florida senator said the plan would fail.\n";
    let doc = extract(text, "role-modifiers.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "plan would fail").1, "Dario Velasquez");
}

#[test]
fn trusts_caucuses_and_forums_are_organisations() {
    // "The Citizens’ Independent Transportation Trust ... complained": an organisation, not a person
    let text = "Transit\n\nThe Harbour Transportation Trust complained in July that the department had kept it \
                in the dark. The Velasquez Freedom Caucus said it would vote no.\n";
    let doc = extract(text, "org-words.txt", Some("2024-03-14"));
    for name in ["Harbour Transportation Trust", "Velasquez Freedom Caucus"] {
        let e = doc.entities.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{name}: {:?}", doc.entities));
        assert_eq!(e.etype, "ORG", "{e:?}");
    }
}

#[test]
fn a_street_named_after_a_person_is_a_place() {
    // "A woman was found on Joe Farrington Road. ... she": a road, not a person who takes her pronouns
    let text = "Crash\n\nA woman was found on Dario Velasquez Road on Sunday. Police said she had been hit by a \
                car on Miller Drive.\n";
    let doc = extract(text, "street-names.txt", Some("2024-03-14"));
    for name in ["Dario Velasquez Road", "Miller Drive"] {
        let e = doc.entities.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{name}: {:?}", doc.entities));
        assert_eq!(e.etype, "LOC", "{e:?}");
    }
}

#[test]
fn a_university_is_an_organisation_named_as_one() {
    // "Pelco ... an IBM version ... according to the university's student newspaper": not IBM
    let text = "Cameras\n\nPelco said it will provide schools with an IBM version of the software.\n\n\
                Students raised worries about privacy, the university said.\n\n\
                Officials at Velasquez University opened a lab. The university said the lab would open in May.\n";
    let doc = extract(text, "university-noun.txt", Some("2024-03-14"));
    assert_ne!(source_of(&doc, "worries about privacy").1, "IBM");
    assert_eq!(source_of(&doc, "lab would open").1, "Velasquez University");
}

#[test]
fn a_role_placed_somewhere_is_no_one_titled_for_another_place() {
    // "The Ohio governor hasn’t ignored ..." after "the former Florida governor": Kasich, not Bush
    let text = "Primary\n\nUtah Gov. Tomas Pinto finished second in the primary. Dario Velasquez spoke in Reno \
                on Monday. The former Nevada governor said he would not run again.\n\n\
                The Utah governor said the race was far from over.\n";
    let doc = extract(text, "placed-roles.txt", Some("2024-03-14"));
    assert_ne!(source_of(&doc, "not run again").1, "Tomas Pinto");
    assert_eq!(source_of(&doc, "far from over").1, "Tomas Pinto");
}

#[test]
fn datelines_with_a_state_a_party_tag_or_a_hyphen() {
    // "DECATUR, Ill. — Sen. Ted Cruz (R-Texas) weighed in ..." and "CLEVELAND - When ..., X were confident
    // that ...": the dateline's place is no speaker
    let text = "Plan\n\nSPRINGDALE, Ark. — Sen. Dario Velasquez (R-Ark.) weighed in on the plan on Monday, calling \
                it a failure.\n\nHARTWELL - Lawmakers were confident that the bill would pass.\n";
    let doc = extract(text, "datelines.txt", Some("2024-03-14"));
    let datelines: Vec<&str> =
        doc.credits.iter().filter(|c| c.kind == "dateline").map(|c| c.span.text.as_str()).collect();
    assert_eq!(datelines, ["SPRINGDALE, Ark. —", "HARTWELL -"]);
    assert_eq!(source_of(&doc, "it a failure").1, "Dario Velasquez");
    let a = attribution_with(&doc, "bill would pass");
    assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("Lawmakers"));
}

#[test]
fn a_headline_speaker_with_a_title_is_the_person_named_in_the_story() {
    // "Dr. Ben Carson: Hillary Clinton ‘Not Fit To Serve ...’" and "GOP presidential candidate Dr. Ben
    // Carson says ...": one person
    let text = "Dr. Dario Velasquez: The Harbour Plan ‘Is Not Fit To Pass.’\n\nPresidential candidate Dr. \
                Dario Velasquez says the harbour plan is not fit to pass.\n";
    let doc = extract(text, "headline-title.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "Is Not Fit").1, "Dario Velasquez");
}

#[test]
fn a_first_name_an_initial_and_a_surname_are_a_person_whatever_the_surname() {
    // "Douglas J. Band ... Mr. Band wrote": "Band" is an organisation word, but not after a first name and
    // an initial
    let text = "Emails\n\nIn April 2009, Dario K. Band, who led the foundation, emailed the adviser for help.\n\n\
                Mr. Band wrote that he needed help with a donor.\n";
    let doc = extract(text, "initial-surname.txt", Some("2024-03-14"));
    let e = doc.entities.iter().find(|e| e.name == "Dario K. Band").unwrap_or_else(|| panic!("{:?}", doc.entities));
    assert_eq!(e.etype, "PERSON", "{e:?}");
    assert_eq!(source_of(&doc, "needed help").1, "Dario K. Band");
}

#[test]
fn a_name_and_where_or_when_it_spoke_is_the_name() {
    // "Trump in his announcement speech called ...", "Sen. Bernie Sanders on Wednesday morning said ..."
    let text = "Party\n\nDario Velasquez announced his run in June.\n\nThe break was complete when Velasquez in \
                his announcement speech called the migrants “rapists” and promised to build a wall.\n\n\
                Sen. Tomas Pinto on Wednesday morning said the wall would never be built.\n";
    let doc = extract(text, "name-and-occasion.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "to build a wall").1, "Dario Velasquez");
    assert_eq!(source_of(&doc, "never be built").1, "Tomas Pinto");
}

#[test]
fn the_main_clause_subject_is_salient_wherever_it_stands() {
    // "RNC spokesman Sean Spicer on Thursday evening said ... He expressed confidence": the subject the
    // parse gives the main clause, not the first name of its sentence ("Boston"), is the one a pronoun
    // after it most likely means
    let text = "Party\n\nTomas Pinto has led the party since 2010. Pinto hopes to win the seat.\n\n\
                In Boston on Thursday, party spokesman Dario Velasquez met the donors. He then left for New York.\n";
    let doc = extract(text, "main-subject.txt", Some("2024-03-14"));
    let e = doc.entities.iter().find(|e| e.name == "Dario Velasquez").unwrap_or_else(|| panic!("{:?}", doc.entities));
    assert!(e.mentions.iter().any(|m| m.text == "He"), "{e:?}");
}

#[test]
fn a_role_placed_somewhere_no_title_holds_is_the_previous_subject() {
    // "Marco Rubio ... stressed defense issues during an appearance with Sen. Joni Ernst, R-Iowa. ¶ The
    // Florida senator told reporters": Rubio, not the senator titled with the noun alone
    let text = "Iowa\n\nDario Velasquez, who is third in the polls, stressed defense issues during an appearance \
                with Sen. Mara Ellison in Des Moines.\n\nThe Florida senator told reporters he feels good about his \
                campaign.\n";
    let doc = extract(text, "placed-role-subject.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "feels good").1, "Dario Velasquez");
}

#[test]
fn a_relative_clause_between_dashes_is_no_part_of_the_speaker() {
    // "The Supreme Court justice -- who has been involved in a scuffle with the presumptive Republican
    // nominee over the past few days -- said she regretted her remarks": the justice, not the nominee
    let text = "Court\n\nThe Supreme Court justice -- who has been involved in a scuffle with the presumptive \
                Republican nominee over the past few days -- said she regretted her remarks.\n";
    let doc = extract(text, "dash-relative.txt", Some("2024-03-14"));
    let a = attribution_with(&doc, "regretted her remarks");
    assert_eq!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("The Supreme Court justice"));
    assert_ne!(source_of(&doc, "regretted her remarks").1, "the presumptive Republican nominee");
}

#[test]
fn a_headline_in_title_case_is_split_at_its_common_words() {
    // "How Paul Ryan Thinks About Donald Trump" had been one person, who took the body's "Donald Trump";
    // a list of names with common words among them ("Drew Ivers, Jill June") is no title
    let text = "How Dario Velasquez Thinks About Tomas Pinto.\n\nTuesday marks four weeks since Tomas Pinto won the \
                Indiana primary, forcing his rivals out of the race.\n\nThe panel: Drew Lakes, Tim Albers, Jill June, Sam Bright, \
                Rob Barron, Joe Henry, Sara Craig and Dave Caris.\n";
    let doc = extract(text, "title-case-headline.txt", Some("2024-03-14"));
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains("Thinks")), "{names:?}");
    let pinto = doc.entities.iter().find(|e| e.name == "Tomas Pinto").unwrap_or_else(|| panic!("{names:?}"));
    assert_eq!(pinto.etype, "PERSON");
    assert!(pinto.mentions.len() >= 2, "{pinto:?}");
    assert!(names.contains(&"Drew Lakes") && names.contains(&"Jill June"), "{names:?}");
}

#[test]
fn a_person_named_inside_the_quotation_does_not_stop_the_role_after_it() {
    // "Trump told the Washington Post ..., “I really don’t want Jeb’s endorsement ...” ¶ The candidate
    // added, “...”": Trump; the person spoken of inside the quotation is not one named since
    let text = "Endorsement\n\n“I really don’t want Tomas Pinto’s endorsement, because he is a low-energy person,” \
                Dario Velasquez said on Monday.\n\nThe candidate added, “But if he does not endorse me, he cannot \
                run again.”\n";
    let doc = extract(text, "quoted-other.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "cannot run again").1, "Dario Velasquez");
}

#[test]
fn an_opening_prepositional_phrase_is_no_speaker_of_a_participle() {
    // "In a statement released Thursday, Rep. Jane Roe (D-N.Y.) reacted to the news, saying ...": the
    // parse left "reacted" without a subject, and the phrase that opens the sentence had become the speaker
    let text = "Reaction\n\nIn a statement released Thursday, Rep. Dario Velasquez (D-N.Y.) reacted to the news, \
                saying the ruling was a disgrace.\n\nAt a campaign event in Ames, Iowa, on Sunday, Mrs. Tomasa \
                Pinto tried to expand on her earlier statement, saying that the country should lead.\n";
    let doc = extract(text, "opening-pp.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "the ruling was a disgrace").1, "Dario Velasquez");
    assert_eq!(source_of(&doc, "the country should lead").1, "Tomasa Pinto");
}

#[test]
fn a_message_sent_speaks_for_its_sender() {
    // "The Cruz campaign sent a fundraising email Wednesday saying ...": the campaign, not "a fundraising
    // email"; a tweet someone only describes is not theirs, and an opening time is no part of the content
    let text = "Money\n\nThe Velasquez campaign sent a fundraising email Wednesday saying the senator had won \
                the debate.\n\nTomas Pinto described as “unhinged” a Dario Velasquez tweet attacking a former \
                beauty queen.\n\nMinutes later, the group sent an email saying, “We are done.”\n";
    let doc = extract(text, "message-sender.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "the senator had won").1, "Velasquez campaign");
    for a in doc.attributions.iter().filter(|a| a.cue.as_ref().is_some_and(|c| c.text == "attacking")) {
        assert_ne!(speaker_name(&doc, a).as_deref(), Some("Tomas Pinto"), "{a:?}");
    }
    let done = attribution_with(&doc, "We are done");
    assert_eq!(done.content.text, "“We are done.”");
    assert_eq!(done.speaker.as_ref().map(|s| s.text.as_str()), Some("the group"));
}

#[test]
fn a_participle_after_a_closed_quotation_shares_the_speaker() {
    // "Starr said ... titled “The Tragedy of Lyndon Johnson,” explaining, “...”": the comma is inside
    // the quotation, and the participle's speaker is the sentence's outer one, not the nested "situation"
    let text = "Memoir\n\nTomas Pinto said the senator's situation reminds him of the 1969 book titled “The Long \
                Fall,” explaining, “What could have been a great presidency was ruined.”\n\nDario Velasquez said \
                that there is “only one strong conservative in a position to win this race,” adding that this is \
                why his rival attacks him.\n";
    let doc = extract(text, "participle-after-quote.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "great presidency was ruined").1, "Tomas Pinto");
    assert_eq!(source_of(&doc, "why his rival attacks him").1, "Dario Velasquez");
}

#[test]
fn speakers_set_off_by_dashes_or_with_a_place_in_their_apposition() {
    // "On Friday, Gingrich — mentioned by Newsmax as ... — told ...", "“...,” Mr. Daniloff, now 81 and
    // retired in Cambridge, Mass., said", "“...,” tweeted another."
    let text = "Interviews\n\nOn Friday, Tomas Pinto — mentioned by the paper as the leading choice for running \
                mate — told a radio host, “You have to look at it very seriously.”\n\n“I would have been sitting \
                in Siberia for a long time,” Mr. Velasquez, now 81 and retired in Cambridge, Mass., said by \
                telephone this week.\n\n“Better watch out for the clerk,” tweeted another.\n";
    let doc = extract(text, "dash-apposition.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "look at it very seriously").1, "Tomas Pinto");
    assert_eq!(source_of(&doc, "sitting in Siberia").1, "Velasquez");
    let another = attribution_with(&doc, "watch out for the clerk");
    assert_eq!(another.speaker.as_ref().map(|s| s.text.as_str()), Some("another"));
}

#[test]
fn a_short_quotation_before_an_inverted_cue_is_no_speaker() {
    // "“Safety,” said Grimm, a Donald Trump supporter.": the parse took the quoted word for the subject,
    // which had become the speaker, and the speaker the content
    let text = "Voters\n\n“Safety,” said Dario Velasquez, a retired teacher. “Safety for the whole country.”\n\n\
                “Meh,” wrote a supporter who runs a campaign account.\n";
    let doc = extract(text, "short-quote.txt", Some("2024-03-14"));
    let safety = attribution_with(&doc, "Safety,");
    assert_eq!(safety.qtype, "direct");
    assert_eq!(speaker_name(&doc, safety).as_deref(), Some("Dario Velasquez"));
    let meh = attribution_with(&doc, "Meh");
    assert_eq!(meh.content.text, "“Meh,”");
    assert_eq!(meh.speaker.as_ref().map(|s| s.text.as_str()), Some("a supporter"));
}

#[test]
fn a_time_after_the_cue_and_a_quantified_source_are_read_right() {
    // "“...,” Benjamin J. Rhodes, the deputy adviser, said Sunday.": "Sunday" had been taken for an
    // inverted speaker and the speaker lost; "said one of two witnesses" had no speaker; a spaced hyphen
    // sets off an apposition as a dash does
    let text = "Reports\n\n“We don't believe troops are the answer,” Dario J. Velasquez, the deputy national \
                security adviser, said Sunday.\n\n“It was unseemly,” said one of two witnesses who relayed the \
                story.\n\nIn an interview, Tomasa Pinto - his girlfriend and co-host on his channel - told the \
                paper that his doubts grew.\n";
    let doc = extract(text, "time-after-cue.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "troops are the answer").1, "Dario J. Velasquez");
    let unseemly = attribution_with(&doc, "It was unseemly");
    assert_eq!(unseemly.speaker.as_ref().map(|s| s.text.as_str()), Some("one of two witnesses"));
    assert_eq!(source_of(&doc, "his doubts grew").1, "Tomasa Pinto");
}

#[test]
fn a_name_inside_the_speakers_relative_clause_is_not_the_speaker() {
    // "Many of the local GOP leaders who'd rather be working on a campaign for Cruz or Rubio or Ben Carson
    // said ...": the leaders, not Ben Carson; "a White House official who spoke anonymously to discuss
    // internal strategy said": the official, not "internal strategy"
    let text = "Campaign\n\nMany of the local party leaders who would rather be working now on a campaign for \
                Tomas Pinto or Dario Velasquez said they have rallied behind the ticket.\n\nAlthough there is no \
                overlap, a White House official who spoke anonymously to discuss internal strategy said \
                Wednesday, “Certainly there are discussions.”\n";
    let doc = extract(text, "relative-clause-speaker.txt", Some("2024-03-14"));
    let rallied = source_of(&doc, "rallied behind the ticket").1;
    assert!(rallied.contains("leaders"), "{rallied}");
    let official = attribution_with(&doc, "Certainly there are discussions");
    let sp = official.speaker.as_ref().map(|s| s.text.as_str()).unwrap_or("");
    assert!(sp.starts_with("a White House official"), "{sp}");
}

#[test]
fn a_time_the_parse_took_for_the_subject_is_no_speaker() {
    // "Earlier Tuesday, his campaign manager, Jeff Weaver, says ...": the speaker had been "Earlier";
    // "Tuesday, in her last campaign speech before the holiday, Clinton plans to call for ...": none
    let text = "Campaign\n\nEarlier Tuesday, his campaign manager, Dario Velasquez, says his streak is proof the \
                candidate can still close the gap.\n\nTuesday, in her last campaign speech before the holiday, \
                Tomasa Pinto plans to call for a dramatic increase in federal spending.\n";
    let doc = extract(text, "time-subject.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "his streak is proof").1, "Dario Velasquez");
    assert_eq!(source_of(&doc, "dramatic increase").1, "Tomasa Pinto");
}

#[test]
fn a_participle_with_content_after_it_is_never_inverted() {
    // "Jane Roe says ... and “there's nothing wrong with that” — asserting that big money is everywhere":
    // the participle's content follows it and its speaker is the sentence's; "“...,” Clark said, noting
    // he would support ...": the content of "noting" is what follows it; "said a Republican, who, like all
    // respondents, responded anonymously": the relative clause's verb takes no content before it
    let text = "Money\n\nTomasa Pinto says rival Dario Velasquez accepted about $200,000 in donations from Wall \
                Street and “there’s nothing wrong with that” — asserting that big money is everywhere.\n\n\
                “That’s the question,” Clark said, noting he would support any of the other candidates.\n\n\
                “The senator will be defeated,” said a state Republican, who, like all respondents, responded \
                anonymously.\n";
    let doc = extract(text, "participle-after.txt", Some("2024-03-14"));
    let asserting = attribution_with(&doc, "big money is everywhere");
    assert_eq!(asserting.content.text, "big money is everywhere");
    assert_eq!(speaker_name(&doc, asserting).as_deref(), Some("Tomasa Pinto"));
    let noting = attribution_with(&doc, "support any of the other");
    assert!(!noting.content.text.contains("That’s the question"), "{:?}", noting.content.text);
    for a in doc.attributions.iter().filter(|a| a.cue.as_ref().is_some_and(|c| c.text == "responded")) {
        assert!(!a.content.text.contains("will be defeated"), "{a:?}");
    }
}

#[test]
fn a_region_or_an_opening_conjunction_is_no_speaker() {
    // "officials in Broward County, Florida — where Parkland is located — announced ...": the region after
    // its place is no speaker set off by dashes; "But vice-chancellors have reacted angrily ..., saying
    // ministers pushed them ...": the vice-chancellors, not the ministers
    let text = "Schools\n\nAt a news conference today, officials in Broward County, Florida — where Parkland is \
                located — announced that they have spent more than $11 million on security cameras.\n\nBut \
                vice-chancellors have reacted angrily to government attempts to blame them for the crisis, saying \
                ministers pushed them to take extra students at the last minute.\n";
    let doc = extract(text, "region-dash.txt", Some("2024-03-14"));
    for a in &doc.attributions {
        assert_ne!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("Florida"), "{a:?}");
    }
    assert_eq!(source_of(&doc, "to take extra students").1, "vice-chancellors");
}

#[test]
fn a_relative_pronoun_speaks_for_the_noun_phrase_before_it() {
    // "kowtowing to ... Dario Velasquez, who has threatened ...": the parse hung the relative clause on the
    // verb, and "who" still stands for the name before its comma; "Gov. Tomasa Pinto of Ohio, a Republican
    // who has said ...": a restrictive "who" right after its noun; "Jane Roe regularly attacks reporters and
    // is a habitual liar and bully who has pledged ...": the parse coordinated the object with the copular
    // predicate, whose subject is the verb's
    let text = "Port\n\nThe harbour chief is not kowtowing to the regional governor Dario Velasquez, who has \
                threatened to close the port.\n\nThe plan was backed by Gov. Tomasa Pinto of Ohio, a Republican \
                who has said that the tax must go.\n\nEditor’s note: Jane Roe regularly attacks reporters and is a \
                habitual liar and bully who has repeatedly pledged to shut down the newspapers.\n";
    let doc = extract(text, "relative-speaker.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "to close the port").1, "Dario Velasquez");
    assert_eq!(source_of(&doc, "the tax must go").1, "Tomasa Pinto");
    assert_eq!(source_of(&doc, "shut down the newspapers").1, "Jane Roe");
}

#[test]
fn an_epithet_after_a_named_subject_is_that_person() {
    // "Texas Sen. X says ... During a campaign stop, the Republican presidential candidate repeated": an
    // epithet as the subject of the next sentence is the person the sentence before was about (a senator
    // may be a candidate); "The billionaire businessman" likewise; an office the person does not hold, and
    // someone else in the story holds, is that one's ("The former secretary of state")
    let text = "Guns\n\nTexas Sen. Dario Velasquez says the new order on gun sales is not worth the paper it is \
                written on.\n\nDuring a campaign stop in Onawa, Iowa, the Republican presidential candidate \
                repeated his promise to repeal the order.\n\nJane Roe is taking questions in a lodge in Salem in \
                front of about 230 people.\n\nThe billionaire businessman said the border would be closed.\n\n\
                Former Secretary of State Tomasa Pinto visited the lodge later.\n\nSen. Ana Ruiz spoke first at \
                the rally.\n\nThe former secretary of state said the race was close.\n";
    let doc = extract(text, "epithet.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "his promise").1, "Dario Velasquez");
    assert_eq!(source_of(&doc, "the border would be closed").1, "Jane Roe");
    assert_eq!(source_of(&doc, "the race was close").1, "Tomasa Pinto");
}

#[test]
fn a_word_joined_by_a_hyphen_stays_in_the_speaker() {
    // "Forty-one percent would choose ...", parsed with "Forty" as the root: the speaker phrase keeps the
    // word before its hyphen
    let text = "Poll\n\nSixty-six percent said it made no difference to them.\n\nForty-one percent would choose \
                Dario Velasquez to be the next mayor of the city. That is a sharp rise.\n";
    let doc = extract(text, "hyphen-speaker.txt", Some("2024-03-14"));
    assert!(!doc.attributions.is_empty());
    for a in &doc.attributions {
        let s = a.speaker.as_ref().map(|s| s.text.as_str()).unwrap_or("");
        assert!(!s.starts_with('-'), "{a:?}");
    }
    assert!(doc.attributions.iter().any(|a| a.speaker.as_ref().is_some_and(|s| s.text == "Forty-one percent")));
}

#[test]
fn local_offices_are_titles_and_where_the_person_serves_is_no_part_of_the_name() {
    // "said Supervisor X of Napa County": the supervisor's name alone, the office a title and the county
    // where the person serves no part of the name
    let text = "Resort plan\n\n“It is a win,” said Supervisor Dario Velasquez of Napa County.\n\n“It is a \
                loss,” said Councilwoman Jane Roe of Napa.\n";
    let doc = extract(text, "local-office.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "It is a win").1, "Dario Velasquez");
    assert_eq!(source_of(&doc, "It is a loss").1, "Jane Roe");
    let velasquez = doc.entities.iter().find(|e| e.name == "Dario Velasquez").expect("the supervisor");
    assert!(velasquez.titles.iter().any(|t| t == "Supervisor"), "{velasquez:?}");
}

#[test]
fn a_name_with_a_person_apposition_between_dashes_is_a_person() {
    // "Kiki Dee Moss — a White House press secretary for ... — is exiting ...": the apposition makes
    // the name, which opens with no listed given name, a person's, and "she" goes to her
    let text = "Exit\n\nKiki Dee Moss — a White House press secretary for Dario Velasquez — is exiting her \
                role at the studio after five years.\n\nShe said, “Media has been a part of what I have done.”\n";
    let doc = extract(text, "dash-apposition.txt", Some("2024-03-14"));
    let e = doc.entities.iter().find(|e| e.name == "Kiki Dee Moss").expect("the name");
    assert_eq!(e.etype, "PERSON", "{e:?}");
    assert_eq!(source_of(&doc, "part of what I have done").1, "Kiki Dee Moss");
}

#[test]
fn a_party_tag_or_a_parenthesis_end_is_no_speaker() {
    // "Sen. X (I-Vt.) apologized ...": the tag's "I" read as a pronoun subject is the senator; "(the actual
    // number is closer to 15 percent, according to Factcheck.org)": the source without the parenthesis
    let text = "Debate\n\nIn the debate Saturday, Sen. Dario Velasquez (I-Vt.) apologized to his supporters for \
                the breach.\n\nSen. Dario Velasquez (I-Vt.) repeated his tradition of tweeting about the debates.\n\n\
                He repeated his claim that most victims were white (the actual number is closer to 15 percent, \
                according to Factcheck.org).\n";
    let doc = extract(text, "party-tag.txt", Some("2024-03-14"));
    for a in &doc.attributions {
        let s = a.speaker.as_ref().map(|s| s.text.as_str()).unwrap_or("");
        assert!(!s.contains("I-Vt") && !s.ends_with(')'), "{a:?}");
    }
    assert_eq!(source_of(&doc, "to his supporters").1, "Dario Velasquez");
    // (a story that ends inside the tag)
    let cut = extract("Debate\n\n“We will win,” said Sen. Dario Velasquez (I-Vt.", "party-tag-cut.txt", None);
    assert_eq!(source_of(&cut, "We will win").1, "Dario Velasquez");
}

#[test]
fn no_name_opens_on_a_hyphen() {
    // a word joined by a hyphen to a capitalised one is part of the name, whatever took the word before it:
    // a sentence-initial common word ("Wealth-Vance says"), a title's "of" complement ("the former CEO of
    // Orla-Vance added"), a hyphenated title ("Secretary-Treasurer Dario Velasquez")
    let text = "Fortunes\n\nWealth-Vance says they are worth about $47 billion each.\n\nBut, the former CEO of \
                Orla-Vance added, it is not the way to win.\n\n“We will see,” said union Secretary-Treasurer Dario \
                Velasquez.\n";
    let doc = extract(text, "hyphen-names.txt", Some("2024-03-14"));
    for e in &doc.entities {
        assert!(!e.name.starts_with('-'), "{e:?}");
        for m in &e.mentions {
            assert!(!m.text.starts_with('-'), "{e:?}");
        }
    }
    assert_eq!(source_of(&doc, "worth about").1, "Wealth-Vance");
    assert_eq!(source_of(&doc, "We will see").1, "Dario Velasquez");
}

#[test]
fn a_parenthesised_clause_keeps_its_subject() {
    // "Although Roe was not from his camp within the Harbour Party (he had challenged Velasquez ...)": the
    // parenthesis holds a clause of its own, whose subject is "he", not the party before it
    let text = "Camps\n\nVelasquez passed the torch to Jane Roe. Although Roe was not from Velasquez’s camp within \
                the Harbour Party (he had challenged Velasquez for the mayoralty in 1980 and was viewed with \
                suspicion), he kept the team.\n";
    let doc = extract(text, "paren-clause.txt", Some("2024-03-14"));
    for a in &doc.attributions {
        assert_ne!(a.speaker.as_ref().map(|s| s.text.as_str()), Some("Harbour Party"), "{a:?}");
    }
}

#[test]
fn a_speaker_does_not_open_on_a_preposition() {
    // "gatherings of governors seeking to change ...": the participle's noun is the speaker, not the
    // prepositional phrase it sits in
    let text = "Talks\n\nIt was one of the largest gatherings of governors seeking to change the rules of the \
                primary.\n";
    let doc = extract(text, "preposition-speaker.txt", Some("2024-03-14"));
    for a in &doc.attributions {
        let s = a.speaker.as_ref().map(|s| s.text.as_str()).unwrap_or("");
        assert!(!s.starts_with("of "), "{a:?}");
    }
}

#[test]
fn bare_police_is_the_force_named_before() {
    // "Harbourton police released video ... Police said ...": the force named last before, not one named
    // later in the story ("Tulsa Police")
    let text = "Video released\n\nHarbourton police released video on Saturday of the fatal shooting of Dario \
                Velasquez.\n\nPolice said Velasquez was armed with a handgun.\n\nThe police said officers had \
                warned him.\n\nTulsa Police said the officer was on leave.\n";
    let doc = extract(text, "police.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "armed with a handgun").1, "Harbourton police");
    assert_eq!(source_of(&doc, "officers had warned").1, "Harbourton police");
    assert_eq!(source_of(&doc, "was on leave").1, "Tulsa Police");
}

#[test]
fn a_first_surname_and_a_family_name_written_first_join_the_full_name() {
    // "Tomasa Okafor Ruiz ... Ms. Okafor said": the first of two surnames; "Pak Jae-won ... Pak said": a
    // family name written before a hyphenated given name
    let text = "Bank\n\n“Guarantees are good when you have a good venture,” said Tomasa Okafor Ruiz, the president \
                of the bank.\n\nMs. Okafor said the bank would recover.\n\nPak Jae-won, the secretary general of the \
                council, arrived on Monday.\n\nPak said the deal was a triumph.\n";
    let doc = extract(text, "surnames.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "would recover").1, "Tomasa Okafor Ruiz");
    assert_eq!(source_of(&doc, "was a triumph").1, "Pak Jae-won");
}

#[test]
fn a_generational_suffix_joins_the_surname_but_keeps_father_and_son_apart() {
    // "Velasquez" (a headline) then "Vice President Dario R. Velasquez Jr.": one person; "Tomas Ruiz Jr."
    // and "Tomas J. Ruiz" are two
    let text = "Velasquez calls the plan a disgrace\n\nVice President Dario R. Velasquez Jr. said on Tuesday that the \
                plan was a disgrace.\n\nMr. Velasquez said he would campaign against it.\n\nTomas J. Ruiz spoke \
                first. Tomas Ruiz Jr., his son, said the family would vote no.\n";
    let doc = extract(text, "suffix.txt", Some("2024-03-14"));
    assert_eq!(source_of(&doc, "campaign against it").1, "Dario R. Velasquez Jr.");
    let ruiz: Vec<_> = doc.entities.iter().filter(|e| e.name.contains("Ruiz")).collect();
    assert_eq!(ruiz.len(), 2, "{ruiz:?}");
}
