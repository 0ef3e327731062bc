//! Who said it: the resolved speaker name on short texts written for these tests, one per kind of error
//! of issue 12 that the speaker and entity stages fix (no name or sentence of a gold file).

use accord_doc::schema::DocumentOut;
use accord_eval::run::process;
use accord_eval::seed::resolved_name;
use accord_pipeline::{Options, Pipeline};

fn extract(text: &str) -> DocumentOut {
    let p = Pipeline::new(Options::default()).expect("the shipped models load");
    process(&p, text.to_string(), "t.txt".into(), Some("2024-05-02".into())).expect("no panic")
}

/// The resolved speaker of the attribution whose content contains `needle`.
fn who(doc: &DocumentOut, needle: &str) -> String {
    let a = doc
        .attributions
        .iter()
        .find(|a| a.content.text.contains(needle))
        .unwrap_or_else(|| panic!("no attribution with {needle:?}: {:?}", doc.attributions));
    resolved_name(doc, a).unwrap_or("").to_string()
}

#[test]
fn surname_joins_the_full_name_given_later_or_in_capitals() {
    // a bare surname first, the full name after
    let doc = extract(
        "Marlowe spoke to reporters on Monday.\n\nDana Marlowe, the mayor of Eastport, said the budget \
         would be balanced by June.\n\nMarlowe said the harbour would reopen soon.\n",
    );
    assert_eq!(who(&doc, "harbour would reopen"), "Dana Marlowe");
    // a transcript label in capitals
    let doc = extract(
        "Senator Dana Marlowe joined the program on Sunday.\n\nHOST: What happens to the bill now?\n\n\
         MARLOWE: We will pass the bill before the end of the month, whatever the opposition says.\n",
    );
    assert_eq!(who(&doc, "pass the bill"), "Dana Marlowe");
}

#[test]
fn the_name_alone_without_descriptor_party_tag_or_appositive() {
    let doc = extract("Democrat Jane Roe said the vote count was wrong in three districts.\n");
    assert_eq!(who(&doc, "vote count"), "Jane Roe");
    let doc = extract("Sen. Lindsey Roe (R-Ohio) said the bill was dead for this session.\n");
    assert_eq!(who(&doc, "bill was dead"), "Lindsey Roe");
    let doc =
        extract("Phil Okafor, a spokesman for the Harbour Workers Union of America, said the strike would go on.\n");
    assert_eq!(who(&doc, "strike would go on"), "Phil Okafor");
    let doc = extract("Mr. Okafor of the Tidewater Club said the plan would fail within a year.\n");
    assert!(who(&doc, "plan would fail").ends_with("Okafor"), "{}", who(&doc, "plan would fail"));
}

#[test]
fn an_organisation_keeps_its_party_word() {
    let doc = extract("The Republican National Committee said in a statement that the ad was false.\n");
    let name = who(&doc, "ad was false");
    assert!(name.contains("Republican National Committee"), "{name}");
}

#[test]
fn a_role_noun_goes_to_the_person_with_that_title() {
    let doc = extract(
        "Mayor Bill Ostrander opened the new bridge on Tuesday.\n\nThe mayor said the bridge would cut \
         travel times in half.\n\nLater the mayor said tolls would stay low.\n",
    );
    assert_eq!(who(&doc, "cut travel times"), "Bill Ostrander");
    assert_eq!(who(&doc, "tolls would stay low"), "Bill Ostrander");
    let doc = extract("Sen. Lindsey Roe visited the plant.\n\nThe senator said the jobs would stay in the state.\n");
    assert_eq!(who(&doc, "jobs would stay"), "Lindsey Roe");
}

#[test]
fn a_pronoun_in_a_run_of_quotes_is_the_previous_speaker() {
    // another woman is named between the quote and "she said"
    let doc = extract(
        "“We are ready for the vote,” said Maria Lopez, the union leader. Ana Ruiz watched from the \
         window of the hall.\n\n“We will not give up this fight,” she said.\n",
    );
    assert_eq!(who(&doc, "not give up"), "Maria Lopez");
}

#[test]
fn a_name_does_not_stop_at_its_hyphen() {
    let doc = extract("Jean-Luc Okafor, the foreign minister, said the treaty would be signed in March.\n");
    assert_eq!(who(&doc, "treaty would be signed"), "Jean-Luc Okafor");
    let doc = extract("Secretary General Tan Ki-woon said the council would meet again on Friday.\n");
    assert_eq!(who(&doc, "council would meet"), "Tan Ki-woon");
}

#[test]
fn a_campaign_is_named_without_its_article() {
    let doc = extract("The Ostrander campaign said the advertisement would run in five states.\n");
    assert_eq!(who(&doc, "advertisement would run"), "Ostrander campaign");
}

#[test]
fn a_unisex_given_name_still_opens_a_person_name() {
    let doc = extract(
        "Longtime pollster Pat Okonjo spoke to the station on Friday.\n\nOkonjo said turnout would be \
         lower than in any year since 1996.\n",
    );
    assert_eq!(who(&doc, "turnout would be"), "Pat Okonjo");
}

#[test]
fn an_unnamed_source_keeps_its_affiliation() {
    let doc =
        extract("Farid Okonjo runs the depot.\n\nA spokesman for Farid Okonjo said the trucks would leave at dawn.\n");
    let a = doc.attributions.iter().find(|a| a.content.text.contains("trucks would leave")).unwrap();
    assert_eq!(a.source.kind, "anonymous");
    assert_eq!(a.source.name.as_deref(), Some("A spokesman for Farid Okonjo"));
    assert!(a.speaker_entity.is_none());
}

#[test]
fn refusals_terms_of_a_source_and_idioms_are_not_attributions() {
    let doc = extract(
        "A port official said the cranes would be repaired by Friday. The official refused to say what the \
         repairs would cost, or whether the port would close again.\n\nThe harbour master, who likewise asked \
         to remain anonymous, said the ships were waiting outside.\n\nA second worker asked that his name be \
         withheld. Inspectors don't say how many ships were delayed.\n\nThat said, the port expects to reopen \
         on Monday, the company said.\n",
    );
    let bad: Vec<&str> = doc
        .attributions
        .iter()
        .map(|a| a.content.text.as_str())
        .filter(|c| {
            c.contains("repairs would cost")
                || c.contains("anonymous")
                || c.contains("name be withheld")
                || c.contains("how many ships")
                || c.trim() == "That"
                || c.trim() == "That said"
        })
        .collect();
    assert!(bad.is_empty(), "non-statements taken as attributions: {bad:?}");
    // the statements around them stay
    assert!(doc.attributions.iter().any(|a| a.content.text.contains("cranes would be repaired")));
    assert!(doc.attributions.iter().any(|a| a.content.text.contains("ships were waiting")));
}

#[test]
fn an_email_address_is_never_content() {
    let doc = extract(
        "The mayor said the bridge would reopen in June.\n\nJane Roe covers the city hall. She writes at \
         jane.roe@example.com.\n",
    );
    assert!(doc.attributions.iter().all(|a| !a.content.text.contains('@')), "{:?}", doc.attributions);
    assert!(doc.attributions.iter().any(|a| a.content.text.contains("bridge would reopen")));
}

/// The speaker phrase and source kind of the attribution whose content contains `needle`.
fn speaker_of(doc: &DocumentOut, needle: &str) -> (String, String) {
    let a = doc
        .attributions
        .iter()
        .find(|a| a.content.text.contains(needle))
        .unwrap_or_else(|| panic!("no attribution with {needle:?}: {:?}", doc.attributions));
    (a.speaker.as_ref().map(|s| s.text.clone()).unwrap_or_default(), a.source.kind.clone())
}

#[test]
fn an_unnamed_source_keeps_its_post_modifiers() {
    let doc = extract(
        "A spokesperson of the ministry handling harbour affairs said the ferry had left port.\n\n\
         An official in the country's transport ministry said the bridge was closed.\n\n\
         “The ward is full,” said a doctor working for Tidewater Relief.\n\n\
         A spokesman for the Harbour Pilots and Boatmen Association said the strike would end.\n\n\
         The road was flooded, said an official on Monday.\n",
    );
    assert_eq!(
        speaker_of(&doc, "ferry had left"),
        ("A spokesperson of the ministry handling harbour affairs".into(), "anonymous".into())
    );
    assert_eq!(
        speaker_of(&doc, "bridge was closed"),
        ("An official in the country's transport ministry".into(), "anonymous".into())
    );
    assert_eq!(speaker_of(&doc, "ward is full").0, "a doctor working for Tidewater Relief");
    assert_eq!(speaker_of(&doc, "strike would end").0, "A spokesman for the Harbour Pilots and Boatmen Association");
    // a time is no affiliation
    assert_eq!(speaker_of(&doc, "road was flooded").0, "an official");
    // a person named in apposition is the speaker, not the unnamed role before it
    let doc = extract("The new head of the ferry board, Dana Okonkwo, said the fares would rise.\n");
    assert_eq!(who(&doc, "fares would rise"), "Dana Okonkwo");
}

#[test]
fn a_title_with_an_of_complement_is_not_part_of_the_name() {
    let doc = extract(
        "Secretary of Fisheries Dana Okonkwo said the quotas would be cut in half.\n\n\
         Minister of Harbours Lena Marsh said the pier would be rebuilt.\n\n\
         The Secretary of Transport said the road would stay closed.\n",
    );
    assert_eq!(who(&doc, "quotas would be cut"), "Dana Okonkwo");
    assert_eq!(who(&doc, "pier would be rebuilt"), "Lena Marsh");
    let okonkwo = doc.entities.iter().find(|e| e.name == "Dana Okonkwo").expect("the person is an entity");
    assert!(okonkwo.titles.iter().any(|t| t == "Secretary of Fisheries"), "{:?}", okonkwo.titles);
    // a title alone with its complement is no name
    assert!(doc.entities.iter().all(|e| !e.name.starts_with("of ")), "{:?}", doc.entities);
}

#[test]
fn a_place_name_that_is_a_given_name_opens_a_person_name() {
    let doc = extract(
        "The new head of the port authority, Florence K. Adeyemi, said the docks would reopen.\n\n\
         Charlotte Mayor Jane Okafor said the city would pay for the repairs.\n",
    );
    assert_eq!(who(&doc, "docks would reopen"), "Florence K. Adeyemi");
    // a title after the place keeps the place out of the name
    assert_eq!(who(&doc, "city would pay"), "Jane Okafor");
}

#[test]
fn a_surname_of_several_words_joins_the_full_name() {
    let doc = extract(
        "Marisol Van Tassel opened the clinic in 2010.\n\nMs. Van Tassel said the clinic would stay open \
         through the winter.\n",
    );
    assert_eq!(who(&doc, "clinic would stay open"), "Marisol Van Tassel");
}

#[test]
fn an_acronym_takes_the_full_name_the_article_writes() {
    let doc = extract(
        "The United Nations Security Council met on Tuesday to discuss the blockade of the harbour.\n\n\
         The Security Council said the blockade must end within a week.\n\n\
         The Federal Bureau of Investigation opened an inquiry into the harbour fire on Monday.\n\n\
         The FBI said the inquiry would take months.\n",
    );
    assert_eq!(who(&doc, "blockade must end"), "United Nations Security Council");
    assert_eq!(who(&doc, "inquiry would take months"), "Federal Bureau of Investigation");
    // without the full name, the short form stays
    let doc = extract("The FBI said the inquiry into the harbour fire would take months.\n");
    assert_eq!(who(&doc, "inquiry into the harbour"), "FBI");
}

#[test]
fn a_place_before_an_organisation_word_is_part_of_its_name() {
    let doc = extract("The Lisbon Herald reported that the harbour would close for a month.\n");
    let name = who(&doc, "harbour would close");
    assert_eq!(name, "Lisbon Herald");
}

#[test]
fn a_descriptor_before_a_name_stays_with_the_name_as_subject() {
    let doc = extract(
        "Republican presidential nominee Jane Okafor chimed in on Twitter, saying that the harbour fees \
         should be cut.\n\nActivist Dana Okonkwo weighed in on Facebook, saying that the ferry should run \
         at night.\n",
    );
    assert_eq!(who(&doc, "harbour fees"), "Jane Okafor");
    assert_eq!(who(&doc, "ferry should run"), "Dana Okonkwo");
}

#[test]
fn a_possessive_speaker_is_the_name_without_its_ending() {
    let doc = extract(
        "Though it is difficult to assess Eastland's claims about the strength of its navy, analysts say it \
         changes the balance in the region.\n",
    );
    assert_eq!(who(&doc, "strength of its navy"), "Eastland");
}

#[test]
fn an_organisation_name_goes_on_over_and_and_a_plural_possessive() {
    let doc = extract(
        "The report by the Harbour and Ferry Workers Union claims the pay has fallen for ten years.\n\n\
         A spokesman for the Docks and Quays Owners’ Association said the claim was wrong.\n",
    );
    assert_eq!(who(&doc, "pay has fallen"), "Harbour and Ferry Workers Union");
    assert!(doc.entities.iter().any(|e| e.name == "Docks and Quays Owners’ Association"), "{:?}", doc.entities);
    // two names of their own stay two
    let doc = extract("The Transport Department and Fisheries Department said the harbour would close.\n");
    assert!(doc.entities.iter().all(|e| !e.name.contains(" and ")), "{:?}", doc.entities);
}

#[test]
fn a_capital_the_inside_a_sentence_belongs_to_the_name() {
    let doc = extract(
        "The ferry was late again, as The Harbour Courier reported on Monday.\n\n\
         The Harbour Courier said the company would pay the passengers back.\n",
    );
    assert_eq!(who(&doc, "pay the passengers back"), "The Harbour Courier");
}

#[test]
fn an_acronym_joins_the_full_name_written_before() {
    let doc = extract(
        "The Harbour Safety and Pilotage Commission opened an inquiry into the fire on Monday.\n\n\
         The H.S.P.C. said the inquiry would take months.\n",
    );
    assert_eq!(who(&doc, "inquiry would take months"), "Harbour Safety and Pilotage Commission");
}

#[test]
fn a_document_speaks_for_its_author() {
    let doc = extract(
        "The Eastport Harbour Board met on Monday.\n\n\
         An Eastport Harbour Board report found that the cranes were unsafe.\n\n\
         A database published by the Eastport Harbour Board shows that ten ships sank in 2020.\n",
    );
    assert_eq!(who(&doc, "cranes were unsafe"), "Eastport Harbour Board");
    assert_eq!(who(&doc, "ten ships sank"), "Eastport Harbour Board");
}

#[test]
fn an_unnamed_source_is_followed_through_pronouns_and_definite_phrases() {
    let doc = extract(
        "A senior harbour official said the port would stop the night shifts. He told reporters that the \
         decision was final, but the port would not make an official announcement. The official refused to \
         say when the shifts would return. “We cannot say more,” the official said.\n\n\
         An official from the Eastport Dockers Movement also said the workers had agreed. The dockers \
         official, who asked to remain anonymous, said the strike was over.\n\n\
         A senior Eastport Navy official said the ships would stay in port. The navy source said the \
         order came on Friday.\n",
    );
    assert_eq!(who(&doc, "decision was final"), "A senior harbour official");
    assert_eq!(who(&doc, "We cannot say more"), "A senior harbour official");
    assert_eq!(who(&doc, "strike was over"), "An official from the Eastport Dockers Movement");
    assert_eq!(who(&doc, "order came on Friday"), "A senior Eastport Navy official");
}

#[test]
fn a_bare_plural_source_takes_the_modifiers_given_before() {
    let doc = extract(
        "Tidewater researchers found a flaw in the harbour software.\n\n\
         “The flaw lets anyone open the gates,” said researchers.\n",
    );
    assert_eq!(who(&doc, "open the gates"), "Tidewater researchers");
}

#[test]
fn a_pronoun_after_an_embedded_quote_is_the_outer_speaker() {
    let doc = extract(
        "Harbour spokesman Tom Okafor said Monday that Mayor Bill Ostrander has long called for lower fees \
         at the port.\n\nHe said the fees would fall in June.\n",
    );
    assert_eq!(who(&doc, "fees would fall"), "Tom Okafor");
}

#[test]
fn a_short_form_or_a_place_word_joins_the_name_given_before() {
    // a place name that is a surname
    let doc = extract(
        "Rep. Jim Georgia questioned the harbour master on Tuesday.\n\n\
         “Why were the gates open?” Georgia asked, adding that the port had failed.\n",
    );
    assert_eq!(who(&doc, "port had failed"), "Jim Georgia");
    // an organisation's first word
    let doc = extract(
        "The mine was sold by Tidewater Energy in 2010.\n\nIn a statement, Tidewater said the sale was legal.\n",
    );
    assert_eq!(who(&doc, "sale was legal"), "Tidewater Energy");
    // a generational suffix
    let doc =
        extract("John G. Okafor Jr. opened the session.\n\nChief Justice Okafor said the court would rule in June.\n");
    assert_eq!(who(&doc, "court would rule"), "John G. Okafor Jr.");
}

#[test]
fn a_statement_speaks_for_who_issued_it() {
    let doc = extract(
        "After a short meeting, the Harbour Pilots Council issued a statement calling the closure illegal. \
         The statement noted that the pilots had not been consulted.\n",
    );
    assert_eq!(who(&doc, "closure illegal"), "Harbour Pilots Council");
    assert_eq!(who(&doc, "not been consulted"), "Harbour Pilots Council");
}

#[test]
fn a_time_phrase_after_a_participle_is_no_speaker() {
    let doc = extract("An Eastport Harbour Board report released last year found that the cranes were unsafe.\n");
    assert_eq!(who(&doc, "cranes were unsafe"), "Eastport Harbour Board");
}

#[test]
fn an_acronym_takes_the_full_name_written_anywhere() {
    let doc = extract(
        "The channel was launched as Tidewater Harbour Television, a harbour network, in 2005.\n\n\
         THT said the broadcast would go on.\n\n\
         The Department of Harbour Affairs opened an inquiry.\n\nThe HA said the inquiry would take months.\n",
    );
    assert_eq!(who(&doc, "broadcast would go on"), "Tidewater Harbour Television");
    assert_eq!(who(&doc, "inquiry would take months"), "Department of Harbour Affairs");
}

#[test]
fn a_lone_descriptor_before_a_name_is_not_the_speaker() {
    let doc = extract(
        "The film opened in May.\n\nActivist Dana Okonkwo talks about the harbour strike in the film's second \
         hour.\n",
    );
    assert_eq!(who(&doc, "harbour strike"), "Dana Okonkwo");
}

#[test]
fn an_organisation_noun_goes_to_a_name_of_that_kind() {
    let doc = extract(
        "The Eastport Dock Workers Federation met the Harbour Pilots Council on Monday. The strike went on \
         through the night, and the council stayed silent.\n\nThe union said the strike would end on Friday.\n",
    );
    assert_eq!(who(&doc, "strike would end"), "Eastport Dock Workers Federation");
}

#[test]
fn a_time_or_a_preposition_gives_way_to_the_parsed_subject() {
    let doc = extract(
        "On Thursday, however, Dana Okonkwo spoke to a gathering of harbour workers, promising to lift the \
         limits on night shifts.\n",
    );
    assert_eq!(who(&doc, "lift the limits"), "Dana Okonkwo");
}
