//! Word lists the tokenizer and sentence splitter read (`abbreviations.txt`, `hyphen_prefixes.txt`,
//! `sentence_openers.txt`), parsed once.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// How an abbreviation behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abbrev {
    /// A title before a name (`Mr.`, `Gen.`): never ends a sentence.
    Title,
    /// A month (`Oct.`): ends a sentence only when no number follows.
    Month,
    /// Anything else (`Inc.`, `Jr.`): ends a sentence when a typical sentence opener follows.
    Other,
}

/// The tokenizer's word lists.
#[derive(Debug)]
pub struct Lexicon {
    abbreviations: HashMap<String, Abbrev>,
    hyphen_prefixes: HashSet<String>,
    openers: HashSet<String>,
}

use crate::data_lines;

impl Lexicon {
    /// The shared lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            Lexicon::parse(
                crate::file("abbreviations.txt"),
                crate::file("hyphen_prefixes.txt"),
                crate::file("sentence_openers.txt"),
            )
        })
    }

    /// Builds a lexicon from the three data files' contents.
    pub fn parse(abbreviations: &str, prefixes: &str, openers: &str) -> Lexicon {
        let abbreviations = data_lines(abbreviations)
            .map(|l| {
                let mut cols = l.split('\t');
                let word = cols.next().unwrap_or("").trim().to_string();
                let kind = match cols.next().map(str::trim) {
                    Some("title") => Abbrev::Title,
                    Some("month") => Abbrev::Month,
                    _ => Abbrev::Other,
                };
                (word, kind)
            })
            .collect();
        let hyphen_prefixes = data_lines(prefixes).map(|l| l.trim().to_lowercase()).collect();
        let openers = data_lines(openers).map(|l| l.trim().to_string()).collect();
        Lexicon { abbreviations, hyphen_prefixes, openers }
    }

    /// The abbreviation class of `word` (given without its final period), if listed.
    pub fn abbreviation(&self, word: &str) -> Option<Abbrev> {
        self.abbreviations.get(word).copied()
    }

    /// True when `prefix-` stays attached to the following word.
    pub fn keeps_hyphen(&self, prefix: &str) -> bool {
        prefix.len() <= 8 && self.hyphen_prefixes.contains(&prefix.to_ascii_lowercase())
    }

    /// True when `word` typically opens a sentence (`The`, `He`, `But`).
    pub fn is_opener(&self, word: &str) -> bool {
        self.openers.contains(word)
    }
}
