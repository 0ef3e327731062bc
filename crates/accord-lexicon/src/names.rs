//! Titles and honorifics of people, parsed once from `titles.txt` and `honorifics.tsv`, for every crate
//! that reads names: the fact stages (titles and roles of mentions), the recogniser's features and the
//! knowledge base's name normaliser (which strips them to match `President Trump` with `Donald Trump`).

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
}
