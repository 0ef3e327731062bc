//! Name normalisation for cross-article entity resolution.
//!
//! `Mr Trump`, `President Trump`, `Donald J. Trump` and `Donald Trump` all reduce to the key `trump` with
//! first name `donald` or none; two person names match when their keys are equal and their first names
//! are compatible (one missing, equal, or one an initial/prefix of the other). Organisations and places
//! match on their whole normalised name (`The White House` = `White House`). Titles found in front of a
//! name (`President`, `Sen.`) are returned so they can be kept with the dates they were seen.

/// Suffixes dropped from the end of person names.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"];
/// Words that are titles worth recording when they prefix a person name.
const RECORDED_TITLES: &[&str] = &[
    "President",
    "Vice President",
    "Prime Minister",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Gov.",
    "Governor",
    "Secretary",
    "Speaker",
    "Mayor",
    "Judge",
    "Justice",
    "General",
    "Gen.",
    "Dr.",
    "Professor",
    "Chancellor",
    "Ambassador",
    "King",
    "Queen",
    "Pope",
    "Minister",
    "Chairman",
    "Director",
    "Chief",
    "Former President",
    "President-elect",
    "Secretary of State",
    "Attorney General",
    "Defense Secretary",
    "Foreign Minister",
];

/// A normalised name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NormName {
    /// Matching key: the surname for people, the whole name for anything else (lower case).
    pub key: String,
    /// First name (lower case) for people, when given.
    pub first: Option<String>,
    /// Display form without honorifics, titles, initials or suffixes (`Donald Trump`).
    pub display: String,
    /// A title that preceded the name (`President`), when there was one.
    pub title: Option<String>,
    /// Gender shown by an honorific (`Mr` → `m`; `Mrs`, `Ms`, `Miss` → `f`), when there was one.
    pub gender: Option<char>,
}

fn clean_word(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'').to_string()
}

/// Normalises a person's name.
pub fn person(name: &str) -> Option<NormName> {
    let name = name.replace(['’'], "'");
    let name = name.trim().trim_end_matches("'s");
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut i = 0;
    let mut gender = None;
    while i < words.len() {
        let lw = words[i].trim_end_matches('.').to_lowercase();
        if accord_lexicon::names::is_name_prefix(&lw) && i + 1 < words.len() {
            match lw.as_str() {
                "mr" | "sir" | "lord" | "king" | "prince" | "father" | "congressman" | "chairman" | "spokesman" => {
                    gender = Some('m')
                }
                "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "congresswoman" | "chairwoman"
                | "spokeswoman" => gender = Some('f'),
                _ => {}
            }
            i += 1;
        } else {
            break;
        }
    }
    let title = (i > 0).then(|| words[..i].join(" ")).filter(|t| {
        RECORDED_TITLES.iter().any(|r| r.eq_ignore_ascii_case(t) || r.eq_ignore_ascii_case(t.trim_end_matches('.')))
    });
    let mut rest: Vec<String> = words[i..].iter().map(|w| clean_word(w)).filter(|w| !w.is_empty()).collect();
    // a generational suffix stays part of the first name, so "Donald Trump Jr." is not "Donald Trump"
    let mut suffix = None;
    while rest.len() > 1 && SUFFIXES.contains(&rest.last().unwrap().to_lowercase().trim_end_matches('.')) {
        let s = rest.pop().unwrap().to_lowercase();
        if matches!(s.as_str(), "jr" | "sr" | "ii" | "iii" | "iv") {
            suffix = Some(s);
        }
    }
    // drop middle initials ("J.", "J") but keep a lone initial first name
    if rest.len() > 2 {
        let last = rest.len() - 1;
        let mut kept = vec![rest[0].clone()];
        for w in &rest[1..last] {
            if w.chars().count() > 1 {
                kept.push(w.clone());
            }
        }
        kept.push(rest[last].clone());
        rest = kept;
    }
    let surname = rest.last()?.clone();
    if !surname.chars().next()?.is_alphabetic() {
        return None;
    }
    let first = (rest.len() >= 2).then(|| match &suffix {
        Some(s) => format!("{} {s}", rest[0].to_lowercase()),
        None => rest[0].to_lowercase(),
    });
    let mut display = rest.join(" ");
    match suffix.as_deref() {
        Some("jr") => display += " Jr.",
        Some("sr") => display += " Sr.",
        Some(s) => display = format!("{display} {}", s.to_uppercase()),
        None => {}
    }
    // Multi-word surnames (`Abu Mazen`) match on their last word; the display keeps all words.
    Some(NormName { key: surname.to_lowercase(), first, display, title, gender })
}

/// Normalises the name of an organisation, place or other non-person referent.
pub fn other(name: &str) -> Option<NormName> {
    let name = name.replace('’', "'");
    let mut words: Vec<String> = name.split_whitespace().map(clean_word).filter(|w| !w.is_empty()).collect();
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) && words.len() > 1 {
        words.remove(0);
    }
    if words.is_empty() {
        return None;
    }
    let display = words.join(" ");
    let key = words.iter().map(|w| w.to_lowercase().replace('.', "")).collect::<Vec<_>>().join(" ");
    Some(NormName { key, first: None, display, title: None, gender: None })
}

/// Normalises a name of the given JSON type label (`PERSON`, `ORG`, …).
pub fn normalise(etype: &str, name: &str) -> Option<NormName> {
    if etype == "PERSON" {
        person(name)
    } else {
        other(name)
    }
}

/// True when two first names can belong to one person (`donald`/`donald`, `d`/`donald`, one missing).
pub fn first_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, _) | (_, None) => true,
        (Some(a), Some(b)) => a == b || (a.len() == 1 && b.starts_with(a)) || (b.len() == 1 && a.starts_with(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trump_variants_share_a_key() {
        let forms = ["Donald Trump", "Mr Trump", "Mr. Trump", "President Trump", "Donald J. Trump", "Trump's"];
        for f in forms {
            let n = person(f).unwrap();
            assert_eq!(n.key, "trump", "{f}");
            assert!(first_compatible(n.first.as_deref(), Some("donald")), "{f}");
        }
        assert_eq!(person("Donald J. Trump").unwrap().display, "Donald Trump");
        assert_eq!(person("President Trump").unwrap().title.as_deref(), Some("President"));
        assert!(!first_compatible(Some("ivanka"), Some("donald")));
        assert_eq!(other("The White House").unwrap().key, "white house");
        assert_eq!(person("Martin Luther King Jr.").unwrap().key, "king");
        let jr = person("Donald Trump Jr.").unwrap();
        assert_eq!((jr.key.as_str(), jr.display.as_str()), ("trump", "Donald Trump Jr."));
        assert!(!first_compatible(jr.first.as_deref(), Some("donald")));
        assert_eq!(person("Ms. Trump").unwrap().gender, Some('f'));
        assert_eq!(person("Mr Trump").unwrap().gender, Some('m'));
    }
}
