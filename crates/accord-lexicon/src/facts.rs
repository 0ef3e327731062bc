//! The knowledge accord-facts and accord-attribution read: gazetteers, titles, cue verbs, number words.
//! Every list is a plain file under `data/`, compiled in and parsed once on first use.

use crate::text::Lexicon as TextLexicon;
use accord_doc::EntityType;
use std::collections::{HashMap as StdMap, HashSet as StdSet};
/// Maps and sets of the lexicons: only looked up, so hashed with FNV (not SipHash: faster per word).
type HashMap<K, V> = StdMap<K, V, std::hash::BuildHasherDefault<accord_doc::hash::FnvHasher>>;
type HashSet<T> = StdSet<T, std::hash::BuildHasherDefault<accord_doc::hash::FnvHasher>>;
use std::sync::OnceLock;

/// A place or organisation the gazetteers know.
#[derive(Clone, Debug, PartialEq)]
pub struct Known {
    /// Canonical name (`United States`).
    pub canonical: String,
    /// Type.
    pub etype: EntityType,
    /// Country or side it belongs to (`United States` for `White House`), if any.
    pub affiliation: Option<String>,
    /// True for nationality adjectives (`Israeli`): the mention is a NORP of the canonical country.
    pub adjective: bool,
}

impl Known {
    /// A religious or ethnic group (`data/groups.tsv`): a nationality without a country.
    pub fn is_group(&self) -> bool {
        self.etype == EntityType::Norp && self.affiliation.is_none()
    }
}

/// Class of an attribution cue verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// Reported speech (`say`, `add`, `tell`): may introduce a bare clause.
    Speech,
    /// Cognition or non-speech attribution (`believe`, `know`): needs a clause with `that` or a subject.
    Belief,
    /// An act whose object is attributed to the subject (`called for`, `plans`, `criticized`).
    Act,
}

/// The unit of a relative date expression (`relative_dates.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateUnit {
    /// `yesterday`, `today`, `tomorrow`.
    Day,
    /// `last week`.
    Week,
    /// `last month`.
    Month,
    /// `last year`.
    Year,
}

/// The date finder's words (`date_words.tsv`, `relative_dates.tsv`; the header of each says what its
/// roles do). Month and weekday names are [`Lexicons::months`] and [`Lexicons::weekdays`].
#[derive(Debug, Default)]
pub struct DateWords {
    /// Words (lower case) after which a bare year is a date (`in 1997`).
    pub year_after: HashSet<String>,
    /// Lower-case words after a bare year that do not make it a count (`1997 and`).
    pub not_a_noun: HashSet<String>,
    /// Determiners (lower case) before a bare year used as a modifier of a noun (`the 1989 film`).
    pub year_determiner: HashSet<String>,
    /// Words before a weekday that point to the coming one (`will`).
    pub future: HashSet<String>,
    /// Words right before a weekday that point to the one past and join the span (`last`; any case).
    pub past: Vec<String>,
    /// Relative expressions by their first word (lower case): the unit and offset of the word alone
    /// (`yesterday`), and of the word followed by a second word (`last` + `month`).
    pub relative: HashMap<String, RelativeDate>,
}

/// The relative date expressions starting with one word.
#[derive(Debug, Default)]
pub struct RelativeDate {
    /// The word alone (`yesterday` → day -1).
    pub alone: Option<(DateUnit, i64)>,
    /// The word and a second word (`last` → [`month` → month -1, `year` → year -1, ...]).
    pub with_next: Vec<(String, DateUnit, i64)>,
}

impl DateWords {
    fn load() -> DateWords {
        let mut d = DateWords::default();
        for c in lines(crate::file("date_words.tsv")) {
            let w = c[0].to_string();
            match c.get(1).copied() {
                Some("year-after") => d.year_after.insert(w),
                Some("not-a-noun") => d.not_a_noun.insert(w),
                Some("determiner") => d.year_determiner.insert(w),
                Some("future") => d.future.insert(w),
                Some("past") => {
                    d.past.push(w);
                    true
                }
                r => panic!("date_words.tsv: {w}: unknown role {r:?}"),
            };
        }
        for c in lines(crate::file("relative_dates.tsv")) {
            let unit = match c.get(1).copied() {
                Some("day") => DateUnit::Day,
                Some("week") => DateUnit::Week,
                Some("month") => DateUnit::Month,
                Some("year") => DateUnit::Year,
                u => panic!("relative_dates.tsv: {}: unknown unit {u:?}", c[0]),
            };
            let offset: i64 = c.get(2).and_then(|o| o.parse().ok()).unwrap_or_else(|| {
                panic!("relative_dates.tsv: {}: no offset", c[0]);
            });
            let mut words = c[0].split(' ');
            let first = words.next().unwrap_or("").to_lowercase();
            let e = d.relative.entry(first).or_default();
            match words.next() {
                Some(next) => e.with_next.push((next.to_lowercase(), unit, offset)),
                None => e.alone = Some((unit, offset)),
            }
        }
        d
    }

    /// The relative expression starting at `word` followed by `next` (both lower case; `next` empty at
    /// the end of a sentence): its length in words (1 or 2), unit and offset. Two-word expressions first.
    pub fn relative(&self, word: &str, next: &str) -> Option<(usize, DateUnit, i64)> {
        let e = self.relative.get(word)?;
        if let Some((_, u, o)) = e.with_next.iter().find(|(n, _, _)| n == next) {
            return Some((2, *u, *o));
        }
        e.alone.map(|(u, o)| (1, u, o))
    }
}

/// All lexicons, loaded once.
#[derive(Debug)]
pub struct Lexicons {
    /// Surface form (exact case, several words joined by single spaces) → known place/org/nationality.
    pub known: HashMap<String, Known>,
    /// Longest number of words in a `known` key.
    pub known_max_words: usize,
    /// Cue verb forms (lower case) → (class, lemma).
    pub cues: HashMap<String, (CueClass, String)>,
    /// Honorific → gender (`f`, `m`, or none).
    pub honorifics: &'static StdMap<String, Option<char>>,
    /// Nouns that refer back to a named organisation, place or other thing after "the" → that type and,
    /// for places, whether the place must be a country (`Some(true)`: "the country") or must not be one
    /// (`Some(false)`: "the city") (`data/referring_nouns.tsv`).
    pub referring_nouns: HashMap<String, (EntityType, Option<bool>)>,
    /// Words of a name that mark an organisation of the kind a referring noun names ("union" → `Workers`,
    /// `Federation`; the third column of `data/referring_nouns.tsv`).
    pub referring_name_words: HashMap<String, Vec<String>>,
    /// Referring nouns that name only an organisation named with the noun or one of its marking words
    /// ("the party" → the Democratic Party, never a newspaper; the fourth column `only` of
    /// `data/referring_nouns.tsv`).
    pub referring_only_marked: std::collections::HashSet<String>,
    /// Given names → the gender they usually mark (`data/given_names.tsv`, `data/given_names_gap.tsv`,
    /// `data/given_names_world.tsv`).
    pub given_names: HashMap<String, char>,
    /// Every given name, with or without a gender (`data/given_names.tsv`, `data/given_names_derived.txt`,
    /// `data/given_names_gap.tsv`).
    pub given_names_any: std::collections::HashSet<String>,
    /// Lower-case nouns that mark the gender of the person they describe ("sister", "spokesman":
    /// `data/gendered_nouns.tsv`).
    pub gendered_nouns: HashMap<String, char>,
    /// Words that end a company's full name and that a later mention drops ("Corp", "Inc.":
    /// `data/corporate_suffixes.txt`).
    pub corporate_suffixes: std::collections::HashSet<String>,
    /// Letters after a person's name for an office, honour or degree ("QC", "MP", "OBE"; exact case,
    /// `data/post_nominals.txt`).
    pub post_nominals: std::collections::HashSet<String>,
    /// Last words of street and road names ("Road", "Avenue"; exact case, `data/street_words.txt`).
    pub street_words: std::collections::HashSet<String>,
    /// Title words (lower case).
    pub titles: &'static StdSet<String>,
    /// Source nouns: singular and plural forms (lower case) → (singular, is_plural).
    pub source_nouns: HashMap<String, (String, bool)>,
    /// Agencies: short or full name → short form.
    pub agencies: HashMap<String, String>,
    /// Credit labels (`Photograph`) → kind.
    pub credit_labels: Vec<(String, &'static str)>,
    /// Last words that make a name an organisation.
    pub org_words: HashSet<String>,
    /// Party words of titles (`Republican`, `Labour`) → the party (`data/parties.tsv`).
    pub party_words: HashMap<String, String>,
    /// Party tags after a name (`R` of `(R-Ohio)`) → the party (`data/parties.tsv`).
    pub party_tags: HashMap<String, String>,
    /// Lower-case nouns that make a person's name before them an organisation ("Biden administration").
    pub name_org_nouns: HashSet<String>,
    /// Lower-case nouns of political divisions: a name after "<noun> of" is a place ("the states of X").
    pub place_division_nouns: HashSet<String>,
    /// Capitalised words that make one longer name with a known place or nationality written next to them
    /// ("New York City", "Central America", "the Vietnam War") → (written before the known name, the
    /// whole name's type) (`data/known_name_parts.tsv`).
    pub known_name_parts: HashMap<String, (bool, EntityType)>,
    /// Hedge words.
    pub hedges: HashSet<String>,
    /// Qualifier phrases (lower case, space-separated) → normalised qualifier.
    pub qualifiers: Vec<(Vec<String>, String)>,
    /// Number words → value.
    pub numbers: HashMap<String, f64>,
    /// Scale words → factor.
    pub multipliers: HashMap<String, f64>,
    /// Currency signs before an amount → what the amount counts (`$` → `dollars`).
    pub currencies: HashMap<String, String>,
    /// Month names → 1..=12.
    pub months: HashMap<String, u32>,
    /// Weekday names → 0 (Monday) ..= 6.
    pub weekdays: HashMap<String, u32>,
    /// The date finder's other words: before and after years, relative expressions, around weekdays.
    pub date_words: DateWords,
    /// Verb forms that attribute an act (from PolNeAR train, `data/act_cues.tsv`) → how often they were
    /// a cue there, divided by how often they occurred.
    pub act_cues: HashMap<String, f32>,
}

macro_rules! data {
    ($f:literal) => {
        crate::file($f)
    };
}

fn lines(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    crate::data_lines(src).map(|l| l.split('\t').map(str::trim).collect())
}

impl Lexicons {
    /// The shared lexicons.
    pub fn get() -> &'static Lexicons {
        static L: OnceLock<Lexicons> = OnceLock::new();
        L.get_or_init(Lexicons::load)
    }

    fn load() -> Lexicons {
        let _ = TextLexicon::get();
        let mut known: HashMap<String, Known> = HashMap::default();
        let mut add = |name: &str, k: Known| {
            if !name.is_empty() {
                known.entry(name.to_string()).or_insert(k);
            }
        };
        for cols in lines(data!("gpe_aliases.tsv")) {
            let etype = if cols.get(2) == Some(&"LOC") { EntityType::Loc } else { EntityType::Gpe };
            let canon = cols.get(1).copied().unwrap_or(cols[0]);
            let aff = (etype == EntityType::Gpe).then(|| canon.to_string());
            add(cols[0], Known { canonical: canon.into(), etype, affiliation: aff, adjective: false });
        }
        for cols in lines(data!("organisations.tsv")) {
            let aff = cols.get(2).filter(|a| !a.is_empty()).map(|a| a.to_string());
            let k = Known { canonical: cols[0].into(), etype: EntityType::Org, affiliation: aff, adjective: false };
            add(cols[0], k.clone());
            for alias in cols.get(1).copied().unwrap_or("").split('|') {
                add(alias, k.clone());
            }
        }
        for cols in lines(data!("countries.tsv")) {
            let canon = cols[0];
            let gpe = Known {
                canonical: canon.into(),
                etype: EntityType::Gpe,
                affiliation: Some(canon.into()),
                adjective: false,
            };
            add(canon, gpe.clone());
            for adj in cols.get(2).copied().unwrap_or("").split('|') {
                add(adj, Known { adjective: true, etype: EntityType::Norp, ..gpe.clone() });
                // plural nationality nouns: Israelis, Palestinians
                if adj.ends_with('i') || adj.ends_with("an") {
                    add(&format!("{adj}s"), Known { adjective: true, etype: EntityType::Norp, ..gpe.clone() });
                }
            }
            for city in cols.get(3).copied().unwrap_or("").split('|') {
                add(
                    city,
                    Known {
                        canonical: city.into(),
                        etype: EntityType::Gpe,
                        affiliation: Some(canon.into()),
                        adjective: false,
                    },
                );
            }
        }
        // religious and ethnic groups: nationalities without a country ("Muslims", "Latinos")
        for cols in lines(data!("groups.tsv")) {
            let group =
                Known { canonical: cols[0].into(), etype: EntityType::Norp, affiliation: None, adjective: true };
            add(cols[0], group.clone());
            for form in cols.get(1).copied().unwrap_or("").split('|') {
                add(form, group.clone());
            }
        }
        // regions after the countries: a country of the same name stays the country
        for cols in lines(data!("regions.tsv")) {
            let country = cols.get(1).copied().unwrap_or("");
            add(
                cols[0],
                Known {
                    canonical: cols[0].into(),
                    etype: EntityType::Gpe,
                    affiliation: (!country.is_empty()).then(|| country.into()),
                    adjective: false,
                },
            );
        }
        // days with a name of their own ("Super Tuesday"): events
        for cols in lines(data!("named_days.txt")) {
            let day =
                Known { canonical: cols[0].into(), etype: EntityType::Other, affiliation: None, adjective: false };
            add(cols[0], day);
        }
        let known_max_words = known.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        let mut cues = HashMap::default();
        for cols in lines(data!("cues.tsv")) {
            let class = match cols[0] {
                "belief" => CueClass::Belief,
                "act" => CueClass::Act,
                _ => CueClass::Speech,
            };
            let lemma = cols.get(1).copied().unwrap_or("").to_string();
            for form in &cols[1..] {
                cues.entry(form.to_lowercase()).or_insert((class, lemma.clone()));
            }
        }
        let honorifics = crate::names::honorifics();
        let referring_nouns = lines(data!("referring_nouns.tsv"))
            .filter_map(|c| {
                let t = match c.get(1).copied()? {
                    "ORG" => (EntityType::Org, None),
                    "GPE" => (EntityType::Gpe, None),
                    "COUNTRY" => (EntityType::Gpe, Some(true)),
                    "CITY" => (EntityType::Gpe, Some(false)),
                    _ => (EntityType::Other, None),
                };
                Some((c[0].to_string(), t))
            })
            .collect();
        let referring_name_words = lines(data!("referring_nouns.tsv"))
            .filter_map(|c| {
                let words: Vec<String> = c.get(2)?.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
                (!words.is_empty()).then(|| (c[0].to_string(), words))
            })
            .collect();
        let referring_only_marked = lines(data!("referring_nouns.tsv"))
            .filter(|c| c.get(3) == Some(&"only"))
            .map(|c| c[0].to_string())
            .collect();
        // (the hand-written list first: a derived name never overrides its gender)
        let mut given_names: HashMap<String, char> = HashMap::default();
        for (name, g) in lines(data!("given_names.tsv"))
            .chain(lines(data!("given_names_gap.tsv")))
            .chain(lines(data!("given_names_world.tsv")))
            .filter_map(|c| {
                c.get(1)
                    .and_then(|g| g.chars().next())
                    .filter(|g| matches!(g, 'f' | 'm'))
                    .map(|g| (c[0].to_string(), g))
            })
        {
            given_names.entry(name).or_insert(g);
        }
        // (and the given names of the Phoenix person lists the recogniser reads, `gazetteer/actors.tsv` in
        // lower case: capitalised, less words usually written in lower case ("Hope", "Guy"), titles, the
        // one-word places, nationalities and organisations of the gazetteers ("Georgia", "Israeli"), words
        // that end or open place and organisation names, and not_given_names.txt)
        let not_given: std::collections::HashSet<&str> = lines(data!("not_given_names.txt"))
            .map(|c| c[0])
            .chain(
                lines(data!("gazetteer/countries.tsv"))
                    .chain(lines(data!("gazetteer/actors.tsv")).filter(|c| matches!(c.get(1), Some(&"place" | &"org"))))
                    .filter(|c| !c[0].contains(' '))
                    .map(|c| c[0]),
            )
            .chain(lines(data!("gazetteer/name_words.tsv")).map(|c| c[0]))
            .collect();
        let org_words: HashSet<String> = lines(data!("org_words.txt")).map(|c| c[0].to_string()).collect();
        let phoenix_given = lines(data!("gazetteer/actors.tsv"))
            .filter(|c| c.get(1) == Some(&"given"))
            .map(|c| c[0])
            .filter(|w| {
                // (names of three letters or fewer, "Fan", "Lam", "Han", are English words as often)
                w.chars().count() > 3
                    && !crate::usually_lower(w)
                    && !crate::names::is_title_or_honorific(w)
                    && !not_given.contains(w)
            })
            .map(|w| {
                let mut cs = w.chars();
                cs.next().map(|f| f.to_uppercase().chain(cs).collect::<String>()).unwrap_or_default()
            })
            .filter(|w| !org_words.contains(w))
            .collect::<Vec<_>>();
        let given_names_any = lines(data!("given_names.tsv"))
            .chain(lines(data!("given_names_derived.txt")))
            .chain(lines(data!("given_names_gap.tsv")))
            .chain(lines(data!("given_names_world.tsv")))
            .map(|c| c[0].to_string())
            .chain(phoenix_given)
            .collect();
        let gendered_nouns = lines(data!("gendered_nouns.tsv"))
            .filter_map(|c| c.get(1).and_then(|g| g.chars().next()).map(|g| (c[0].to_string(), g)))
            .collect();
        let corporate_suffixes = lines(data!("corporate_suffixes.txt")).map(|c| c[0].to_string()).collect();
        let post_nominals = lines(data!("post_nominals.txt")).map(|c| c[0].to_string()).collect();
        let street_words = lines(data!("street_words.txt")).map(|c| c[0].to_string()).collect();
        let titles = crate::names::title_words();
        let mut source_nouns = HashMap::default();
        for c in lines(data!("source_nouns.txt")) {
            source_nouns.insert(c[0].to_string(), (c[0].to_string(), false));
            if let Some(p) = c.get(1) {
                source_nouns.insert(p.to_string(), (c[0].to_string(), true));
            }
        }
        let mut agencies = HashMap::default();
        for c in lines(data!("agencies.tsv")) {
            agencies.insert(c[0].to_string(), c[0].to_string());
            if let Some(full) = c.get(1) {
                agencies.entry(full.to_string()).or_insert_with(|| c[0].to_string());
            }
        }
        let credit_labels = lines(data!("credit_labels.tsv"))
            .map(|c| {
                let kind: &'static str = match c.get(1).copied() {
                    Some("caption") => "caption",
                    Some("byline") => "byline",
                    _ => "photo",
                };
                (c[0].to_string(), kind)
            })
            .collect();
        let name_org_nouns = lines(data!("name_org_nouns.txt")).map(|c| c[0].to_string()).collect();
        let place_division_nouns = lines(data!("place_division_nouns.txt")).map(|c| c[0].to_string()).collect();
        let known_name_parts = lines(data!("known_name_parts.tsv"))
            .map(|c| {
                let etype = if c[2] == "GPE" { EntityType::Gpe } else { EntityType::Other };
                (c[0].to_string(), (c[1] == "before", etype))
            })
            .collect();
        let hedges = lines(data!("hedges.txt")).map(|c| c[0].to_string()).collect();
        let mut qualifiers: Vec<(Vec<String>, String)> = lines(data!("qualifiers.tsv"))
            .map(|c| (c[0].split(' ').map(str::to_string).collect(), c[1].to_string()))
            .collect();
        qualifiers.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let parse_map = |src: &'static str| -> HashMap<String, f64> {
            lines(src).filter_map(|c| Some((c[0].to_string(), c.get(1)?.parse().ok()?))).collect()
        };
        let numbers = parse_map(data!("numbers.tsv"));
        let multipliers = parse_map(data!("multipliers.tsv"));
        let currencies =
            lines(data!("currencies.tsv")).filter_map(|c| Some((c[0].to_string(), c.get(1)?.to_string()))).collect();
        let months =
            lines(data!("months.tsv")).filter_map(|c| Some((c[0].to_string(), c.get(1)?.parse().ok()?))).collect();
        let weekdays =
            lines(data!("weekdays.tsv")).filter_map(|c| Some((c[0].to_string(), c.get(1)?.parse().ok()?))).collect();
        let act_cues = lines(data!("act_cues.tsv"))
            .filter_map(|c| {
                let n: f32 = c.get(1)?.parse().ok()?;
                let seen: f32 = c.get(2)?.parse().ok()?;
                Some((c[0].to_string(), n / seen.max(1.0)))
            })
            .collect();
        let parties = |kind: &str| -> HashMap<String, String> {
            lines(data!("parties.tsv"))
                .filter(|c| c.get(2) == Some(&kind))
                .filter_map(|c| Some((c[0].to_string(), c.get(1)?.to_string())))
                .collect()
        };
        let (party_words, party_tags) = (parties("word"), parties("tag"));
        Lexicons {
            party_words,
            party_tags,
            act_cues,
            known,
            known_max_words,
            cues,
            honorifics,
            given_names,
            given_names_any,
            referring_nouns,
            referring_name_words,
            referring_only_marked,
            titles,
            source_nouns,
            gendered_nouns,
            corporate_suffixes,
            post_nominals,
            street_words,
            agencies,
            credit_labels,
            org_words,
            name_org_nouns,
            place_division_nouns,
            known_name_parts,
            hedges,
            qualifiers,
            numbers,
            multipliers,
            currencies,
            months,
            weekdays,
            date_words: DateWords::load(),
        }
    }

    /// True when `word` (any case) is a title word.
    pub fn is_title(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        // a compound of title words joined by hyphens is one ("Vice-President", "Attorney-General")
        self.titles.contains(&lower)
            || (lower.contains('-') && lower.split('-').all(|p| !p.is_empty() && self.titles.contains(p)))
    }

    /// The known place, nationality, group or organisation named `name` (exactly, or with its
    /// diacritics dropped: the lists spell "Sao Paulo", news text "São Paulo"; a name found so keeps the
    /// text's spelling as its canonical name).
    pub fn known_name(&self, name: &str) -> Option<std::borrow::Cow<'_, Known>> {
        use std::borrow::Cow;
        if let Some(k) = self.known.get(name) {
            return Some(Cow::Borrowed(k));
        }
        let Cow::Owned(folded) = crate::fold_accents(name) else { return None };
        let k = self.known.get(&folded)?;
        if k.canonical != folded {
            return Some(Cow::Borrowed(k));
        }
        let affiliation = match &k.affiliation {
            Some(a) if *a == k.canonical => Some(name.to_string()),
            a => a.clone(),
        };
        Some(Cow::Owned(Known { canonical: name.to_string(), affiliation, ..k.clone() }))
    }
    /// The cue class of a verb form, if it is a cue.
    pub fn cue(&self, word: &str) -> Option<CueClass> {
        self.cues.get(crate::lowercase(word).as_ref()).map(|(c, _)| *c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_derived_from_gap_carry_their_gender() {
        let l = Lexicons::get();
        // from given_names_gap.tsv (not in the hand-written list)
        assert_eq!(l.given_names.get("Meryl"), Some(&'f'));
        assert_eq!(l.given_names.get("Clyde"), Some(&'m'));
        assert!(l.given_names_any.contains("Ray"));
        // ranks and particles are no given names; the hand-written list keeps its entries
        assert!(!l.given_names_any.contains("Duke") && !l.given_names_any.contains("Ibn"));
        assert_eq!(l.given_names.get("Mary"), Some(&'f'));
    }

    #[test]
    fn date_words_read_as_the_date_finder_uses_them() {
        let d = &Lexicons::get().date_words;
        assert_eq!(d.relative("last", "month"), Some((2, DateUnit::Month, -1)));
        assert_eq!(d.relative("coming", "month"), Some((2, DateUnit::Month, 1)));
        assert_eq!(d.relative("yesterday", "morning"), Some((1, DateUnit::Day, -1)));
        assert_eq!(d.relative("tomorrow", ""), Some((1, DateUnit::Day, 1)));
        assert_eq!(d.relative("last", "tuesday"), None, "weekdays are the weekday rule's");
        assert_eq!(d.relative("coming", "year"), None);
        assert!(d.year_after.contains("since") && d.year_after.contains(","));
        assert!(d.not_a_noun.contains("and") && !d.not_a_noun.contains("people"));
        assert!(d.future.contains("will") && d.past == ["last"]);
    }
}
