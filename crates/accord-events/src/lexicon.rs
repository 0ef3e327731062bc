//! The event knowledge: verb patterns (CAMEO dictionary → PLOVER), event words, agent/sector nouns, named
//! actors and countries. Plain files under accord-lexicon's `data/events/` (sources and licences in their headers),
//! compiled in and parsed once.

use crate::TYPES;
use accord_doc::hash::FnvMap as HashMap;
use std::sync::OnceLock;

macro_rules! data {
    ($f:literal) => {
        accord_lexicon::file($f)
    };
}

fn lines(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    accord_lexicon::data_lines(src).map(|l| l.split('\t').map(str::trim).collect())
}

/// One coded reading of a verb: PLOVER type index, CAMEO code, mode.
#[derive(Clone, Debug, PartialEq)]
pub struct Coding {
    /// Index into [`TYPES`].
    pub ty: usize,
    /// CAMEO code.
    pub cameo: &'static str,
    /// PLOVER mode, if any.
    pub mode: Option<&'static str>,
}

/// All event lexicons.
#[derive(Debug, Default)]
pub struct EventLexicon {
    /// Verb (lemma, or `lemma particle`) → default coding of its CAMEO block.
    pub verb_default: HashMap<&'static str, Coding>,
    /// Verb → patterns: the words after the verb (`with leaders`, `talks`) and their coding.
    pub verb_patterns: HashMap<&'static str, Vec<(Vec<&'static str>, Coding)>>,
    /// Verb lemma → PLOVER type (the manual's categories).
    pub trigger_verbs: HashMap<&'static str, usize>,
    /// Event noun → PLOVER type.
    pub trigger_nouns: HashMap<&'static str, usize>,
    /// Sector nouns (curated first, then Phoenix agents) → sector code.
    pub sectors: HashMap<&'static str, &'static str>,
    /// Named actor (lower case) → Phoenix code (`PSEREBHMS`, `IGOUNO`).
    pub actors: HashMap<&'static str, &'static str>,
    /// Longest named actor in words.
    pub actor_max_words: usize,
    /// Country name or nationality word (`Israel`, `Israeli`) → ISO alpha-3.
    pub iso3: HashMap<&'static str, &'static str>,
}

/// Index of a PLOVER type name (PLOVER 2.0 CONCEDE/RETREAT count as YIELD).
pub fn type_index(name: &str) -> Option<usize> {
    let n = match name {
        "CONCEDE" | "RETREAT" => "YIELD",
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        n => n,
    };
    TYPES.iter().position(|t| *t == n)
}

impl EventLexicon {
    /// The shared lexicon.
    pub fn get() -> &'static EventLexicon {
        static L: OnceLock<EventLexicon> = OnceLock::new();
        L.get_or_init(EventLexicon::load)
    }

    fn load() -> EventLexicon {
        let mut l = EventLexicon::default();
        for c in lines(data!("events/verbs.tsv")) {
            let (Some(&verb), Some(&pat), Some(&cameo), Some(ty)) =
                (c.first(), c.get(1), c.get(2), c.get(3).and_then(|t| type_index(t)))
            else {
                continue;
            };
            let mode = c.get(4).copied().filter(|m| !m.is_empty());
            let coding = Coding { ty, cameo, mode };
            if pat.is_empty() {
                l.verb_default.insert(verb, coding);
            } else {
                l.verb_patterns.entry(verb).or_default().push((pat.split(' ').collect(), coding));
            }
        }
        for c in lines(data!("events/triggers.tsv")) {
            let (Some(&w), Some(&pos), Some(ty)) = (c.first(), c.get(1), c.get(2).and_then(|t| type_index(t))) else {
                continue;
            };
            if pos == "N" {
                l.trigger_nouns.insert(w, ty);
            } else {
                l.trigger_verbs.insert(w, ty);
            }
        }
        for c in lines(data!("events/sectors.tsv")).chain(lines(data!("events/agents.tsv"))) {
            if let (Some(&w), Some(&s)) = (c.first(), c.get(1)) {
                l.sectors.entry(w).or_insert(s);
            }
        }
        for c in lines(data!("events/actors.tsv")) {
            if let (Some(&w), Some(&code)) = (c.first(), c.get(1)) {
                l.actor_max_words = l.actor_max_words.max(w.split(' ').count());
                l.actors.entry(w).or_insert(code);
            }
        }
        for c in lines(data!("events/countries.tsv")).chain(lines(data!("countries.tsv"))) {
            if let (Some(&name), Some(&iso)) = (c.first(), c.get(1).filter(|i| i.len() == 3)) {
                l.iso3.entry(name).or_insert(iso);
                for adj in c.get(2).copied().unwrap_or("").split('|').filter(|a| !a.is_empty()) {
                    l.iso3.entry(adj).or_insert(iso);
                }
            }
        }
        l
    }

    /// ISO alpha-3 of a country's canonical name (`United States` → `USA`).
    pub fn country(&self, canonical: &str) -> Option<&'static str> {
        self.iso3.get(canonical).or_else(|| self.iso3.get(accord_lexicon::fold_accents(canonical).as_ref())).copied()
    }
}
