//! # accord-lexicon
//!
//! accord's language knowledge, kept apart from the algorithms (as spaCy keeps `spacy/lang/en/`): cue
//! verbs, titles and honorifics, source nouns, agencies, organisations, place aliases, countries, regions,
//! religious and ethnic groups, parties, qualifiers, hedges, number words, months, weekdays and the date finder's other words, the tokenizer's
//! abbreviations, the attribution rules' word lists, the connector words inside names, and the
//! recogniser's gazetteers. Every list is a plain file under this crate's `data/` folder, compiled in;
//! adding a cue verb or a title is a one-line change to one file.
//!
//! Each file is parsed once, on first use, by the module that serves it: [`text`] (tokenizer and
//! sentence splitter), [`facts`] (gazetteers, cues, titles, numbers, dates), [`attribution`] (the
//! attribution rules' word lists) and [`names`] (titles and honorifics as the knowledge base reads them,
//! and the connector words inside names that the recogniser, the CoNLL-U reader and the rule-based
//! mentions share). Crates that read a whole file themselves (the recogniser's gazetteers) take its text
//! from [`fn@file`]. [`unused_files`] says which files no code has read yet: a test loads every lexicon
//! and fails when a file in `data/` is never used.
//!
//! Position in the flow: below every analysis crate (`accord-text`, `accord-models`, `accord-facts`,
//! `accord-attribution`, `accord-store`); it depends only on `accord-doc`.

pub mod attribution;
pub mod facts;
pub mod names;
pub mod text;

use std::sync::atomic::{AtomicBool, Ordering};

macro_rules! files {
    ($($name:literal),* $(,)?) => {
        /// Every data file: its path under `data/` and its contents.
        pub const FILES: &[(&str, &str)] = &[$(($name, include_str!(concat!("../data/", $name)))),*];
        static USED: [AtomicBool; [$($name),*].len()] = [$({ let _ = $name; AtomicBool::new(false) }),*];
    };
}

files!(
    "abbreviations.txt",
    "act_cues.tsv",
    "agencies.tsv",
    "attribution_words.tsv",
    "countries.tsv",
    "credit_labels.tsv",
    "currencies.tsv",
    "date_words.tsv",
    "events/actors.tsv",
    "events/agents.tsv",
    "events/countries.tsv",
    "events/quads.tsv",
    "events/sectors.tsv",
    "events/triggers.tsv",
    "events/verbs.tsv",
    "corporate_suffixes.txt",
    "post_nominals.txt",
    "street_words.txt",
    "cues.tsv",
    "gazetteer/actors.tsv",
    "gazetteer/case_stats.tsv",
    "gazetteer/countries.tsv",
    "gazetteer/misc_names.tsv",
    "gazetteer/name_words.tsv",
    "given_names.tsv",
    "given_names_world.tsv",
    "given_names_derived.txt",
    "gendered_nouns.tsv",
    "given_names_gap.tsv",
    "gpe_aliases.tsv",
    "groups.tsv",
    "hedges.txt",
    "honorifics.tsv",
    "hyphen_prefixes.txt",
    "known_name_parts.tsv",
    "language_words.tsv",
    "months.tsv",
    "name_prefixes.txt",
    "named_days.txt",
    "multipliers.tsv",
    "name_connectors.tsv",
    "name_org_nouns.txt",
    "not_given_names.txt",
    "non_cues.txt",
    "numbers.tsv",
    "org_words.txt",
    "organisations.tsv",
    "parties.tsv",
    "place_division_nouns.txt",
    "qualifiers.tsv",
    "referring_nouns.tsv",
    "regions.tsv",
    "relative_dates.tsv",
    "sentence_openers.txt",
    "source_nouns.txt",
    "titles.txt",
    "weekdays.tsv",
);

/// The contents of data file `name` (a path under `data/`, e.g. `cues.tsv` or `gazetteer/actors.tsv`),
/// marked as used.
///
/// # Panics
/// When no such file is compiled in: a programming error that every test run would show.
pub fn file(name: &str) -> &'static str {
    match FILES.iter().position(|(n, _)| *n == name) {
        Some(i) => {
            USED[i].store(true, Ordering::Relaxed);
            FILES[i].1
        }
        None => panic!("accord-lexicon has no data file {name}"),
    }
}

/// `s` in lower case, borrowed when it has no upper-case letter (most words): no allocation per word.
pub fn lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// Non-comment (`#`), non-blank lines of a data file's contents, right-trimmed.
pub fn data_lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(str::trim_end).filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// The non-comment, non-blank lines of data file `name`, each split at tabs with its fields trimmed.
pub fn rows(name: &str) -> impl Iterator<Item = Vec<&'static str>> {
    data_lines(file(name)).map(|l| l.split('\t').map(str::trim).collect())
}

/// Data files that no code has read through [`fn@file`] so far in this process.
pub fn unused_files() -> Vec<&'static str> {
    FILES.iter().zip(USED.iter()).filter(|(_, u)| !u.load(Ordering::Relaxed)).map(|((n, _), _)| *n).collect()
}

/// The language `text` reads as: the code (`en`, `de`, `fr`, ...) of `language_words.tsv` whose function
/// words are the most frequent among its first 150 function words (read from 5,000 words at most; another
/// language than English, the first listed, only with twice as many as English's); `und` (undetermined)
/// for a text written mostly in another script than the Latin one; `None` when fewer than 12 of its words
/// are function words of any of them (too short, or a language the file does not list).
pub fn guess_language(text: &str) -> Option<&'static str> {
    // the languages' codes, and per function word the languages that list it (one bit each)
    type Table = (Vec<&'static str>, accord_doc::hash::FnvMap<&'static str, u32>);
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    let (codes, words) = TABLE.get_or_init(|| {
        let mut codes = Vec::new();
        let mut words: accord_doc::hash::FnvMap<&'static str, u32> = Default::default();
        for l in data_lines(file("language_words.tsv")) {
            let mut cols = l.split('\t');
            let (Some(code), Some(_name), Some(list)) = (cols.next(), cols.next(), cols.next()) else { continue };
            for w in list.split_whitespace() {
                *words.entry(w).or_insert(0) |= 1 << codes.len();
            }
            codes.push(code.trim());
        }
        (codes, words)
    });
    // mostly letters of another script than the Latin one (Chinese, Cyrillic, Arabic, ...): undetermined
    let (mut latin, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()).take(5_000) {
        if (c as u32) < 0x250 {
            latin += 1;
        } else {
            other += 1;
        }
    }
    if other >= 20 && other > latin {
        return Some("und");
    }
    let mut counts = [0usize; 32];
    let (mut any, mut lower) = (0usize, String::new());
    for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty() && w.len() <= 8).take(5000) {
        lower.clear();
        lower.extend(w.chars().flat_map(char::to_lowercase));
        if let Some(&bits) = words.get(lower.as_str()) {
            any += 1;
            for (i, n) in counts.iter_mut().enumerate().take(codes.len()) {
                *n += (bits >> i & 1) as usize;
            }
            // enough to tell
            if any >= 150 {
                break;
            }
        }
    }
    if any < 12 || codes.is_empty() {
        return None;
    }
    // another language only by a clear margin: twice as many of its words as of English's (the first
    // listed), so that a short English text full of names is never left unread
    let best = (1..codes.len()).fold(0, |b, i| if counts[i] > counts[b] { i } else { b });
    Some(if counts[best] >= 2 * counts[0] { codes[best] } else { codes[0] })
}

/// The English name of a language code of `language_words.tsv` (`de` → `German`).
pub fn language_name(code: &str) -> Option<&'static str> {
    if code == "und" {
        return Some("another script than the Latin one");
    }
    data_lines(file("language_words.tsv")).find_map(|l| {
        let mut cols = l.split('\t');
        (cols.next()?.trim() == code).then(|| cols.next().map(str::trim)).flatten()
    })
}

/// `text` without its diacritics ("São Paulo" → "Sao Paulo", "Ciudad Juárez" → "Ciudad Juarez"): the
/// letters decomposed (NFD) and their combining marks dropped. ASCII text is returned as it is.
pub fn fold_accents(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.nfd().filter(|&c| !is_combining_mark(c)).collect())
}

/// `text` with its mojibake undone: UTF-8 that was once decoded as Windows-1252 (or Latin-1) and encoded
/// again, once or twice ("FranÃ§ois" and "FranÃƒÂ§ois" → "François"). The text's characters are written
/// back as Windows-1252 bytes and read as UTF-8, for as long as that gives valid UTF-8 that differs; text
/// that is not such mojibake ("São Paulo", "café": its bytes are not valid UTF-8) is returned as it is.
pub fn repair_mojibake(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    // (mojibake that was later decomposed, "A" + U+0303 for "Ã", is composed again first)
    let composed: String;
    let mut cur: &str = text;
    if text.chars().any(is_combining_mark) {
        composed = text.nfc().collect();
        cur = &composed;
    }
    let mut repaired: Option<String> = None;
    for _ in 0..3 {
        // (the lead bytes of two- and three-byte UTF-8 sequences read as Windows-1252: Â..ï)
        if !cur.chars().any(|c| ('\u{c2}'..='\u{ef}').contains(&c)) {
            break;
        }
        let Some(bytes) = cur.chars().map(cp1252_byte).collect::<Option<Vec<u8>>>() else { break };
        match String::from_utf8(bytes) {
            Ok(s) if s != cur => {
                repaired = Some(s);
                cur = repaired.as_deref().unwrap_or_default();
            }
            _ => break,
        }
    }
    match repaired {
        Some(s) => std::borrow::Cow::Owned(s),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// The Windows-1252 byte of `c`, or its Latin-1 byte (text decoded as Latin-1 keeps U+0080..U+009F).
fn cp1252_byte(c: char) -> Option<u8> {
    const HIGH: [char; 32] = [
        '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{2c6}',
        '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}', '\u{90}', '\u{2018}', '\u{2019}',
        '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}',
        '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
    ];
    let n = c as u32;
    if n <= 0xff {
        return Some(n as u8);
    }
    HIGH.iter().position(|&h| h == c).map(|i| 0x80 + i as u8)
}

/// The case statistics (`gazetteer/case_stats.tsv`): lower-cased word → whether running text usually writes
/// it in lower case (`true`) or with a capital (`false`), parsed once.
fn case_stats() -> &'static std::collections::HashMap<&'static str, bool> {
    static STATS: std::sync::OnceLock<std::collections::HashMap<&'static str, bool>> = std::sync::OnceLock::new();
    STATS.get_or_init(|| {
        data_lines(file("gazetteer/case_stats.tsv"))
            .filter_map(|l| l.split_once('\t'))
            .filter_map(|(w, kind)| match kind.trim() {
                "lower" => Some((w, true)),
                "capital" => Some((w, false)),
                _ => None,
            })
            .collect()
    })
}

/// True when the case statistics (`gazetteer/case_stats.tsv`) say running text usually writes `word`
/// (lower-cased) with a capital: a name's word, not a common one.
pub fn usually_capital(word: &str) -> bool {
    case_stats().get(word) == Some(&false)
}

/// True when `word` (lower case) is usually written in lower case in running text (a common word, not a
/// name), by `data/gazetteer/case_stats.tsv`.
pub fn usually_lower(word: &str) -> bool {
    case_stats().get(word) == Some(&true)
}

#[cfg(test)]
mod tests {

    #[test]
    fn repairs_mojibake_once_or_twice_encoded() {
        use super::repair_mojibake;
        // UTF-8 read as Windows-1252 once, and twice
        assert_eq!(repair_mojibake("Fran\u{c3}\u{a7}ois Hollande"), "Fran\u{e7}ois Hollande");
        assert_eq!(repair_mojibake("Fran\u{c3}\u{192}\u{c2}\u{a7}ois"), "Fran\u{e7}ois");
        assert_eq!(repair_mojibake("Guant\u{c3}\u{a1}namo"), "Guant\u{e1}namo");
        // ... and then decomposed (NFD)
        assert_eq!(repair_mojibake("FranA\u{303}\u{83}A\u{302}\u{a7}ois"), "Fran\u{e7}ois");
        assert_eq!(repair_mojibake("it\u{e2}\u{20ac}\u{2122}s"), "it\u{2019}s");
        // text that is no mojibake stays
        for s in [
            "S\u{e3}o Paulo",
            "caf\u{e9}",
            "Ciudad Ju\u{e1}rez",
            "\u{c9}mile Zola",
            "Fran\u{e7}ois",
            "Sa\u{303}o Paulo",
        ] {
            assert_eq!(repair_mojibake(s), s);
        }
        assert!(matches!(repair_mojibake("plain ASCII"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn guesses_the_language_from_its_function_words() {
        let en = "The council said on Monday that it would not vote on the plan, and that the mayor was \
                  against it. They have asked for more time, but the deadline is in May, she said.";
        let de = "Der Rat hat am Montag gesagt, dass er nicht über den Plan abstimmen wird, und dass die \
                  Bürgermeisterin dagegen ist. Sie haben um mehr Zeit gebeten, aber die Frist ist im Mai.";
        let fr = "Le conseil a dit lundi qu'il ne votera pas sur le plan, et que la maire est contre. Ils ont \
                  demandé plus de temps, mais la date limite est en mai, a-t-elle dit dans un communiqué.";
        assert_eq!(guess_language(en), Some("en"));
        assert_eq!(guess_language(de), Some("de"));
        assert_eq!(guess_language(fr), Some("fr"));
        // too little text to tell
        assert_eq!(guess_language("Der Rat tagt."), None);
        // another script
        assert_eq!(
            guess_language("理事会は月曜日に、計画について五月に投票すると発表した。市長は反対している。"),
            Some("und")
        );
        assert_eq!(language_name("de"), Some("German"));
        assert_eq!(language_name("xx"), None);
    }

    use super::*;

    #[test]
    fn every_file_in_the_data_folder_is_compiled_in() {
        fn walk(dir: &std::path::Path, base: &std::path::Path, out: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, base, out);
                } else if !p.file_name().unwrap().to_string_lossy().starts_with("README") {
                    out.push(p.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/"));
                }
            }
        }
        let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut on_disk = Vec::new();
        walk(&base, &base, &mut on_disk);
        on_disk.sort();
        let mut listed: Vec<String> = FILES.iter().map(|(n, _)| n.to_string()).collect();
        listed.sort();
        assert_eq!(on_disk, listed, "data/ and FILES must list the same files");
    }

    #[test]
    fn rows_skip_comments_and_blank_lines() {
        let n = rows("months.tsv").count();
        assert!(n >= 12, "{n} months");
        assert!(rows("months.tsv").all(|r| !r[0].starts_with('#') && !r[0].is_empty()));
        assert!(!unused_files().contains(&"months.tsv"));
    }
}
