//! Titles and honorifics of people, parsed once from `titles.txt` and `honorifics.tsv`, for every crate
//! that reads names: the fact stages (titles and roles of mentions), the recogniser's features and the
//! knowledge base's name normaliser (which strips them to match `President Trump` with `Donald Trump`);
//! and the connector words inside names (`name_connectors.tsv`), for the recogniser, its name rules, the
//! CoNLL-U reader's gold names and the rule-based mentions.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Honorifics before a name (`Mr`, `Mrs.`, `Dr`) → the gender they mark (`m`, `f`) or none.
pub fn honorifics() -> &'static HashMap<String, Option<char>> {
    static H: OnceLock<HashMap<String, Option<char>>> = OnceLock::new();
    H.get_or_init(|| {
        crate::rows("honorifics.tsv")
            .map(|c| (c[0].to_string(), c.get(1).and_then(|g| g.chars().next()).filter(|g| *g != '-')))
            .collect()
    })
}

/// Words that make up titles and roles of people (`president`, `press`, `secretary`), lower case.
pub fn title_words() -> &'static HashSet<String> {
    static T: OnceLock<HashSet<String>> = OnceLock::new();
    T.get_or_init(|| crate::rows("titles.txt").map(|c| c[0].to_lowercase()).collect())
}

/// True when `word` (any case) is a title word that only modifies the title's head (`press`, `national`,
/// `deputy`: the second column `modifier` of `titles.txt`).
pub fn is_title_modifier(word: &str) -> bool {
    static T: OnceLock<HashSet<String>> = OnceLock::new();
    T.get_or_init(|| {
        crate::rows("titles.txt").filter(|c| c.get(1) == Some(&"modifier")).map(|c| c[0].to_lowercase()).collect()
    })
    .contains(&word.to_lowercase())
}

/// True when `word` (any case, a final period ignored) is an honorific or a title word: what the
/// knowledge base strips from the front of a person's name.
pub fn is_title_or_honorific(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    let lower = w.to_lowercase();
    title_words().contains(&lower) || honorifics().keys().any(|h| h.trim_end_matches('.').eq_ignore_ascii_case(w))
}

/// True when the knowledge base strips `word` from the front of a person's name: a title word, an
/// honorific, or one of `name_prefixes.txt` (abbreviated ranks, descriptors such as "former").
pub fn is_name_prefix(word: &str) -> bool {
    static P: OnceLock<HashSet<String>> = OnceLock::new();
    let extra = P.get_or_init(|| crate::rows("name_prefixes.txt").map(|c| c[0].to_lowercase()).collect());
    is_title_or_honorific(word) || extra.contains(&word.trim_end_matches('.').to_lowercase())
}

/// Connector words inside names (`of`, `the`, `&`, `de`), by the role they play (`name_connectors.tsv`,
/// whose header says what each role does and who reads it).
#[derive(Debug, Default)]
pub struct Connectors {
    /// Keep two capitalised words in one run for the recogniser's features (compared in lower case).
    pub bridge: Vec<&'static str>,
    /// A predicted name neither starts nor ends with one (exact case).
    pub trim: Vec<&'static str>,
    /// A person's name containing one joins two names (exact case).
    pub joins: Vec<&'static str>,
    /// Join two PROPN words of a GUM mention into one gold name (exact case).
    pub gold: Vec<&'static str>,
    /// Join a run of capitalised words to the next in the rule-based mentions (exact case).
    pub rules: Vec<&'static str>,
    /// Patronymic particles: a name holding one between capitalised words is a person's (exact case).
    pub person: Vec<&'static str>,
    /// Arabic articles joined by a hyphen to the capitalised word after them: part of the name
    /// ("al-Qaeda", "Mahmoud al-Zahar"; exact case).
    pub article: Vec<&'static str>,
}

/// Whether `word` is an Arabic article of `name_connectors.tsv` (`article` role) in either case ("al",
/// "Al", "el"): joined by a hyphen to a capitalised word, it is part of a name ("al-Qaeda", "Al-Zahar").
pub fn is_article(word: &str) -> bool {
    connectors().article.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// The connector words of `name_connectors.tsv`, parsed once.
///
/// # Panics
/// On a role the file's header does not define (a typo in the data file, which every test run shows).
pub fn connectors() -> &'static Connectors {
    static C: OnceLock<Connectors> = OnceLock::new();
    C.get_or_init(|| {
        let mut c = Connectors::default();
        for row in crate::rows("name_connectors.tsv") {
            for role in row.get(1).copied().unwrap_or("").split(',').map(str::trim) {
                let list = match role {
                    "bridge" => &mut c.bridge,
                    "trim" => &mut c.trim,
                    "joins" => &mut c.joins,
                    "gold" => &mut c.gold,
                    "rules" => &mut c.rules,
                    "person" => &mut c.person,
                    "article" => &mut c.article,
                    _ => panic!("name_connectors.tsv: {}: unknown role {role:?}", row[0]),
                };
                list.push(row[0]);
            }
        }
        c
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honorifics_carry_gender_and_titles_are_lower_case() {
        assert_eq!(honorifics().get("Mrs"), Some(&Some('f')));
        assert_eq!(honorifics().get("Mr."), Some(&Some('m')));
        assert!(title_words().contains("president"));
        assert!(is_title_or_honorific("Dr."));
        assert!(is_title_or_honorific("President"));
        assert!(!is_title_or_honorific("Donald"));
    }

    #[test]
    fn connectors_keep_the_roles_of_their_former_copies() {
        let c = connectors();
        let sorted = |v: &[&'static str]| {
            let mut v = v.to_vec();
            v.sort_unstable();
            v
        };
        assert_eq!(sorted(&c.bridge), ["&", "-", "and", "de", "of", "the"]);
        assert_eq!(sorted(&c.trim), ["&", "'s", "-", "The", "and", "for", "of", "on", "the"]);
        assert_eq!(sorted(&c.joins), ["&", "and", "of", "the"]);
        assert_eq!(sorted(&c.gold), ["&", "-", "and", "de", "du", "for", "la", "of", "on", "the", "van", "von"]);
        // particles of surnames joined by the rule-based mentions too ("van der Berg", "da Silva", "des
        // Cars"), and "on" after an organisation word ("Panel on Climate Change")
        assert_eq!(
            sorted(&c.rules),
            [
                "al", "bin", "bint", "da", "das", "de", "den", "der", "des", "di", "dos", "du", "for", "ibn", "la",
                "le", "of", "on", "van", "von"
            ]
        );
        // patronymic particles: a name holding one is a person's ("Osama bin Laden")
        assert_eq!(sorted(&c.person), ["bin", "bint", "ibn"]);
    }
}
