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
         March 1642 by fishermen.",
        "dates",
        None,
    );
    assert_eq!(date_of(&doc, "2009").as_deref(), Some("2009"), "{:?}", doc.dates);
    assert_eq!(date_of(&doc, "1974").as_deref(), Some("1974"));
    assert_eq!(date_of(&doc, "2003-04").as_deref(), Some("2003/2004"));
    assert_eq!(date_of(&doc, "2008-09").as_deref(), Some("2008/2009"));
    assert_eq!(date_of(&doc, "March 1642").as_deref(), Some("1642-03"));
    // a number of things after a determiner stays a count: not a year
    let doc = extract("The 250 fishermen of the town voted on Tuesday.", "count", None);
    assert!(date_of(&doc, "250").is_none());
}
