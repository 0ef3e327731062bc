//! Titles, organisations, dates and quantities on short texts written for these tests (no sentence or
//! name of them comes from a gold file or a corpus).

mod common;
use common::*;

fn date_of(doc: &accord_doc::schema::DocumentOut, text: &str) -> Option<String> {
    doc.dates.iter().find(|d| d.span.text == text).map(|d| d.value.clone())
}

#[test]
fn years_as_modifiers_academic_years_and_old_months() {
    let doc = extract(
        "The harbour board said a 2009 survey had found the old pier unsafe. The 1974 storm destroyed the \
         second pier. Spending rose between 2003-04 and 2008-09, the board said. The town was founded in \
         March 1642 by fishermen. Fees fell in 2015–16 and in 2019/20.",
        "dates",
        None,
    );
    assert_eq!(date_of(&doc, "2009").as_deref(), Some("2009"), "{:?}", doc.dates);
    assert_eq!(date_of(&doc, "1974").as_deref(), Some("1974"));
    assert_eq!(date_of(&doc, "2003-04").as_deref(), Some("2003/2004"));
    assert_eq!(date_of(&doc, "2008-09").as_deref(), Some("2008/2009"));
    assert_eq!(date_of(&doc, "March 1642").as_deref(), Some("1642-03"));
    assert_eq!(date_of(&doc, "2015–16").as_deref(), Some("2015/2016"), "{:?}", doc.dates);
    assert_eq!(date_of(&doc, "2019/20").as_deref(), Some("2019/2020"));
    assert!(doc.quantities.is_empty(), "{:?}", doc.quantities);
    // a number of things after a determiner stays a count: not a year
    let doc = extract("The 250 fishermen of the town voted on Tuesday.", "count", None);
    assert!(date_of(&doc, "250").is_none());
}

fn quantity<'a>(doc: &'a accord_doc::schema::DocumentOut, text: &str) -> Option<&'a accord_doc::schema::QuantityOut> {
    doc.quantities.iter().find(|q| q.span.text.starts_with(text))
}

#[test]
fn money_large_numbers_parts_and_elliptic_counts() {
    let doc = extract(
        "The council will spend $3.2 billion on new bridges and pay $15,000 in grants to each farm. The port \
         paid £4 million in fines and €2.5 billion in taxes. Last winter the river carried 4,512. The storm flooded 40 houses and damaged 12, the mayor said. \
         Rescuers reached nine of the stranded hikers. Of the 20 villages on the river, five were cut off. \
         Hundreds of thousands of people watched, as page 12 of the report says.",
        "quantities",
        None,
    );
    let value = |t: &str| quantity(&doc, t).map(|q| q.value);
    assert_eq!(value("$3.2 billion"), Some(3_200_000_000.0), "{:?}", doc.quantities);
    assert_eq!(value("$15,000"), Some(15_000.0));
    assert_eq!(value("£4 million"), Some(4_000_000.0));
    assert_eq!(quantity(&doc, "£4 million").and_then(|q| q.counted.as_deref()), Some("pounds"));
    assert_eq!(value("€2.5 billion"), Some(2_500_000_000.0));
    assert_eq!(value("4,512"), Some(4_512.0));
    assert_eq!(value("12"), Some(12.0));
    assert_eq!(value("nine of the stranded hikers"), Some(9.0));
    assert_eq!(quantity(&doc, "nine").and_then(|q| q.counted.as_deref()), Some("the stranded hikers"));
    assert_eq!(value("five"), Some(5.0));
    // a vague plural before "of" is no part of a whole
    assert!(doc.quantities.iter().all(|q| q.counted.as_deref() != Some("thousands")), "{:?}", doc.quantities);
    // nor is a number that labels a thing ("page 12")
    assert!(value("12 of").is_none(), "{:?}", doc.quantities);
}

fn titles_of(doc: &accord_doc::schema::DocumentOut, name: &str) -> Vec<String> {
    doc.entities.iter().find(|e| e.name == name).map(|e| e.titles.clone()).unwrap_or_default()
}

#[test]
fn titles_from_descriptors_owners_appositives_and_predicates() {
    let doc = extract(
        "The crowd cheered tennis great Michael Jensen on Friday. Spain's Foreign Minister Lucia Ferrer \
         met him. The singer's manager, Rosa Imbert, is also a lawyer. “We are pleased,” said Hugo \
         Brandt, a senior engineer working on the bridge at the port authority of the northern city. \
         According to Brandt, the river rose “very fast” in the night. Actor Paul Moreno, Jensen’s \
         “Harbour Lights” co-star, wrote a letter. Senate Majority Leader Tom Hale spoke to reporters. The \
         Democratic leader said the vote would wait.",
        "titles",
        None,
    );
    assert_eq!(titles_of(&doc, "Michael Jensen"), vec!["tennis great"], "{:?}", doc.entities);
    assert_eq!(titles_of(&doc, "Lucia Ferrer"), vec!["Spain's Foreign Minister"]);
    assert!(titles_of(&doc, "Rosa Imbert").contains(&"lawyer".to_string()));
    // the participle ends the role; a clause after a name is no role
    assert_eq!(titles_of(&doc, "Hugo Brandt"), vec!["senior engineer"]);
    let medina = titles_of(&doc, "Paul Moreno");
    assert!(medina.iter().any(|t| t.ends_with("co-star")), "{medina:?}");
    // a definite description referring back adds what it says beyond the title
    assert_eq!(titles_of(&doc, "Tom Hale"), vec!["Senate Majority Leader", "Democratic leader"]);
}

#[test]
fn organisations_named_with_a_leader_an_article_or_joined_words() {
    let doc = extract(
        "The Harlow administration said on Monday that it would appeal. The ruling was first reported by \
         The Evening Herald. A report by the School and College Association found that pay fell, and the \
         Farmers’ Association agreed. Officials at the National Institute for Coastal Studies and the \
         Banque France Ouest news agency said the same. Harvard University and Yale University declined to \
         comment.",
        "orgs",
        None,
    );
    let etype = |n: &str| doc.entities.iter().find(|e| e.name == n).map(|e| e.etype.clone());
    let names: Vec<_> = doc.entities.iter().map(|e| (e.name.as_str(), e.etype.as_str())).collect();
    assert_eq!(etype("Harlow administration").as_deref(), Some("ORG"), "{names:?}");
    assert_eq!(etype("The Evening Herald").as_deref(), Some("ORG"), "{names:?}");
    assert_eq!(etype("School and College Association").as_deref(), Some("ORG"), "{names:?}");
    assert_eq!(etype("Farmers’ Association").as_deref(), Some("ORG"), "{names:?}");
    assert_eq!(etype("National Institute for Coastal Studies").as_deref(), Some("ORG"), "{names:?}");
    assert_eq!(etype("Banque France Ouest").as_deref(), Some("ORG"), "{names:?}");
    // two named organisations joined by "and" stay two
    assert!(etype("Harvard University").is_some() && etype("Yale University").is_some(), "{names:?}");
}

#[test]
fn an_appositive_role_is_a_noun_phrase_not_a_list_of_names_or_a_clause() {
    let doc = extract(
        "Voters can choose between the candidates Maria Lopes, David Reyes or another candidate. Mayor \
         Daniel Ortiz, opening the new bridge on Sunday, said traffic would ease. “It works,” said Helen \
         Park, the architect of the mayor’s bridge.",
        "apposition",
        None,
    );
    assert!(titles_of(&doc, "Maria Lopes").iter().all(|t| !t.contains("David")), "{:?}", doc.entities);
    assert_eq!(titles_of(&doc, "Daniel Ortiz"), vec!["Mayor"]);
    let park = titles_of(&doc, "Helen Park");
    assert!(park.iter().any(|t| t.starts_with("architect of")), "{park:?}");
}

#[test]
fn a_title_set_off_before_a_name_after_an_owner() {
    let doc = extract(
        "The singer died on Monday, her publicist, Laura Stein, told reporters. Greece's prime minister, \
         Nikos Pappas, sent flowers. The band's manager, Peter Graham, said the tour was cancelled.",
        "set-off",
        None,
    );
    assert_eq!(titles_of(&doc, "Laura Stein"), vec!["publicist"], "{:?}", doc.entities);
    assert_eq!(titles_of(&doc, "Nikos Pappas"), vec!["Greece's prime minister"]);
    assert_eq!(titles_of(&doc, "Peter Graham"), vec!["manager"]);
}

#[test]
fn a_descriptor_before_a_name_gives_its_type() {
    let doc = extract(
        "Smoke covered parts of the Chilean provinces of Linares Vale and Curicó on Monday. A nurse working \
         for the aid group Coastal Hearts said the clinic was full.",
        "descriptors",
        None,
    );
    let etype = |name: &str| doc.entities.iter().find(|e| e.name == name).map(|e| e.etype.clone());
    assert_eq!(etype("Linares Vale").as_deref(), Some("GPE"), "{:?}", doc.entities);
    assert_eq!(etype("Curicó").as_deref(), Some("GPE"), "joined to a place by 'and'");
    assert_eq!(etype("Coastal Hearts").as_deref(), Some("ORG"));
}

#[test]
fn news_outlets_are_organisations() {
    let doc = extract(
        "Bloomberg reported on Monday that the harbour fund had lost money, and Politico said the board would meet.",
        "outlets",
        None,
    );
    let etype = |name: &str| doc.entities.iter().find(|e| e.name == name).map(|e| e.etype.clone());
    assert_eq!(etype("Bloomberg").as_deref(), Some("ORG"), "{:?}", doc.entities);
    assert_eq!(etype("Politico").as_deref(), Some("ORG"));
}

#[test]
fn a_region_named_with_a_known_word_stays_whole() {
    let doc = extract(
        "Farmers in New Mexico and British Columbia sold less hay this year, and towns across New England \
         and Western Australia ran short of water.",
        "regions",
        None,
    );
    let entity = |name: &str| doc.entities.iter().find(|e| e.name == name);
    for (name, country) in [
        ("New Mexico", "United States"),
        ("British Columbia", "Canada"),
        ("New England", "United States"),
        ("Western Australia", "Australia"),
    ] {
        let e = entity(name).unwrap_or_else(|| panic!("{name}: {:?}", doc.entities));
        assert_eq!(e.etype, "GPE", "{name}");
        assert_eq!(e.affiliation.as_deref(), Some(country), "{name}");
    }
    assert!(entity("New").is_none() && entity("United Kingdom").is_none(), "{:?}", doc.entities);
}

#[test]
fn names_with_two_particles_and_organisations_with_coordinated_complements() {
    let doc = extract(
        "Pieter van der Berg, the harbour master, said the quay was safe. The National Academy of Arts and \
         Letters objected, and a spokesman for the Department of Parks and Recreation agreed. The Office of \
         Tourism and Jane Roe disagreed. Ana de la Vega met officials of the Ministry of Defence and Peru.",
        "particles",
        None,
    );
    let entity = |name: &str| doc.entities.iter().find(|e| e.name == name);
    let etype = |name: &str| entity(name).map(|e| e.etype.clone());
    assert_eq!(etype("Pieter van der Berg").as_deref(), Some("PERSON"), "{:?}", doc.entities);
    assert_eq!(etype("Ana de la Vega").as_deref(), Some("PERSON"), "{:?}", doc.entities);
    assert_eq!(etype("National Academy of Arts and Letters").as_deref(), Some("ORG"), "{:?}", doc.entities);
    assert_eq!(etype("Department of Parks and Recreation").as_deref(), Some("ORG"), "{:?}", doc.entities);
    // a person after "and" is no part of the organisation, nor typed by it; a known place neither
    assert_eq!(etype("Jane Roe").as_deref(), Some("PERSON"), "{:?}", doc.entities);
    assert_eq!(etype("Peru").as_deref(), Some("GPE"), "{:?}", doc.entities);
    assert!(entity("Berg").is_none() && entity("Vega").is_none(), "{:?}", doc.entities);
}

#[test]
fn party_tags_and_party_titles_are_affiliations_and_given_names_join_the_full_name() {
    let doc = extract(
        "Sen. Mary Okoro (R-Idaho) said the dam would be rebuilt. Rep. Lena Marsh, D-Maine, disagreed, and Sen. \
         Tom Hale, I-Vt., abstained. Labour MP Ruth Bell called the vote a farce. Delegates met at the \
         Democratic National Convention on Monday. Later Mary told farmers the work would start in May.",
        "parties",
        None,
    );
    let entity = |name: &str| doc.entities.iter().find(|e| e.name == name);
    let affiliation =
        |name: &str| entity(name).unwrap_or_else(|| panic!("{name}: {:?}", doc.entities)).affiliation.clone();
    assert_eq!(affiliation("Mary Okoro").as_deref(), Some("Republican Party"));
    assert_eq!(affiliation("Lena Marsh").as_deref(), Some("Democratic Party"));
    assert_eq!(affiliation("Ruth Bell").as_deref(), Some("Labour Party"));
    assert_eq!(affiliation("Tom Hale"), None);
    // the tags are no names, the convention is no person titled "Democratic National"
    assert!(doc.entities.iter().all(|e| !e.name.contains("Idaho") && !e.name.contains("Vt")), "{:?}", doc.entities);
    assert!(doc.entities.iter().all(|e| e.name != "Convention"), "{:?}", doc.entities);
    // "Mary" is the senator named before
    assert!(entity("Mary").is_none(), "{:?}", doc.entities);
    let okoro = entity("Mary Okoro").unwrap();
    assert!(okoro.mentions.iter().any(|m| m.text == "Mary"), "{:?}", okoro.mentions);
}

#[test]
fn religious_and_ethnic_groups_are_no_people_but_open_organisation_names() {
    let doc = extract(
        "Muslims and Hindus prayed together on Friday, and Latinos queued to vote. Sikh Relief and the \
         Muslim Brotherhood sent food.",
        "groups",
        None,
    );
    let etype = |name: &str| doc.entities.iter().find(|e| e.name == name).map(|e| e.etype.clone());
    for group in ["Muslim", "Hindu", "Latino"] {
        assert_eq!(etype(group).as_deref(), Some("NORP"), "{group}: {:?}", doc.entities);
    }
    assert!(doc.entities.iter().all(|e| e.etype != "PERSON"), "{:?}", doc.entities);
    assert_eq!(etype("Sikh Relief").as_deref(), Some("ORG"), "{:?}", doc.entities);
    assert_eq!(etype("Muslim Brotherhood").as_deref(), Some("ORG"), "{:?}", doc.entities);
}

#[test]
fn a_title_with_an_organisation_in_it_is_no_part_of_the_name() {
    let doc = extract(
        "Former FBI Director Paula Grant and Republican National Committee Chairman Tom Reyes spoke at the \
         dinner. Army Capt. Christian Moreau said the convoy had left.",
        "long titles",
        None,
    );
    let entity = |name: &str| doc.entities.iter().find(|e| e.name == name);
    let grant = entity("Paula Grant").unwrap_or_else(|| panic!("{:?}", doc.entities));
    assert!(grant.titles.iter().any(|t| t.contains("FBI Director")), "{:?}", grant.titles);
    let reyes = entity("Tom Reyes").unwrap_or_else(|| panic!("{:?}", doc.entities));
    assert!(reyes.titles.iter().any(|t| t.contains("Committee Chairman")), "{:?}", reyes.titles);
    assert_eq!(reyes.affiliation.as_deref(), Some("Republican Party"));
    // a given name that also names a religion stays in the name
    assert!(
        doc.entities.iter().any(|e| e.etype == "PERSON" && e.name.ends_with("Christian Moreau")),
        "{:?}",
        doc.entities
    );
}

#[test]
fn a_short_form_of_an_organisation_named_before_is_that_organisation() {
    let doc = extract(
        "The Harbour City Gazette reported on Monday that the ferry would stop. A spokeswoman told the Gazette \
         that talks would resume. The newspaper said the mayor had resigned.",
        "short org",
        None,
    );
    let orgs: Vec<_> = doc.entities.iter().filter(|e| e.etype == "ORG").collect();
    assert_eq!(orgs.len(), 1, "{orgs:?}");
    let texts: Vec<&str> = orgs[0].mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(texts.contains(&"Gazette"), "{texts:?}");
    let a = doc.attributions.iter().find(|a| a.content.text.contains("mayor")).expect("the newspaper's claim");
    assert_eq!(a.source.name.as_deref(), Some(orgs[0].name.as_str()));
}

#[test]
fn a_nationality_after_a_given_name_is_a_surname() {
    let doc = extract(
        "The investor and television host Mark Cuban said the debate was a joke. Cuban officials disagreed. \
         Later Cuban said he would watch it anyway.",
        "nationality surname",
        None,
    );
    let person = doc.entities.iter().find(|e| e.name == "Mark Cuban").unwrap_or_else(|| panic!("{:?}", doc.entities));
    assert_eq!(person.etype, "PERSON");
    // the surname alone as a subject is the person; before a noun it is the nationality
    assert_eq!(person.mentions.iter().filter(|m| m.text == "Cuban").count(), 1, "{:?}", person.mentions);
    assert!(doc.entities.iter().any(|e| e.etype == "NORP"), "{:?}", doc.entities);
}

#[test]
fn a_person_of_a_place_is_the_person_and_an_organisation_of_a_place_keeps_it() {
    let doc = extract(
        "Mayor Tom Okafor of Chicago said the bridge would reopen. Sen. Ana Reyes of New Jersey said the \
         money was there. The Bank of England and the University of Texas disagreed, and Idaho voters \
         shrugged.",
        "of places",
        None,
    );
    let etype = |name: &str| doc.entities.iter().find(|e| e.name == name).map(|e| e.etype.clone());
    assert_eq!(etype("Tom Okafor").as_deref(), Some("PERSON"), "{:?}", doc.entities);
    assert_eq!(etype("Ana Reyes").as_deref(), Some("PERSON"), "{:?}", doc.entities);
    assert_eq!(etype("New Jersey").as_deref(), Some("GPE"), "{:?}", doc.entities);
    assert_eq!(etype("Bank of England").as_deref(), Some("ORG"), "{:?}", doc.entities);
    assert_eq!(etype("University of Texas").as_deref(), Some("ORG"), "{:?}", doc.entities);
    assert_eq!(etype("Idaho").as_deref(), Some("GPE"), "{:?}", doc.entities);
    let speaker = |needle: &str| {
        doc.attributions.iter().find(|a| a.content.text.contains(needle)).and_then(|a| a.source.name.clone())
    };
    assert_eq!(speaker("bridge").as_deref(), Some("Tom Okafor"));
    assert_eq!(speaker("money").as_deref(), Some("Ana Reyes"));
}
