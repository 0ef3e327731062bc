//! Named-entity recogniser: a greedy averaged-perceptron BIO tagger over words, predicted tags, affixes,
//! shapes, neighbouring words, gazetteers and word lists (CountryInfo countries/cities/nationalities in
//! `data/gazetteer/countries.tsv`; Phoenix-derived people, places and organisations in
//! `data/gazetteer/actors.tsv`; words around names in `data/gazetteer/name_words.tsv`), capitalised runs,
//! document-level context marks and case statistics from unlabelled text (`data/gazetteer/case_stats.tsv`).
//! Learns from GUM's `Entity=` mentions restricted to names ([`crate::conllu::named_spans`]). Labels:
//! `PER`, `ORG`, `GPE` (GUM `place`) and `MISC` (other named things).

use crate::lex::{seq_hash, Lex};
use crate::perceptron::{Frozen, Trainer, Uses};
use crate::tagger::{argmax_f, PAD};
use crate::util::{h2, h3, BinReader, BinWriter, FastMap, Rng};
use accord_doc::{Doc, EntityType, Mention, MentionKind, Span};

/// BIO classes, in class-id order.
pub const CLASSES: &[&str] = &["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-GPE", "I-GPE", "B-MISC", "I-MISC"];

/// Class id of a BIO label (unknown → `O`).
pub fn class_of(label: &str) -> u16 {
    CLASSES.iter().position(|c| *c == label).unwrap_or(0) as u16
}

/// Word-list bits ([`Gazetteer::words`]): a given name of a person.
pub const W_GIVEN: u16 = 1;
/// A surname.
pub const W_SURNAME: u16 = 2;
/// A last word of organisation names (`Party`, `University`).
pub const W_ORGWORD: u16 = 4;
/// A last word of place names (`Island`, `Street`).
pub const W_PLACEWORD: u16 = 8;
/// A title or honorific (`President`, `Mr.`).
pub const W_TITLE: u16 = 16;
/// A preposition before places (`in`, `from`).
pub const W_LOCPREP: u16 = 32;
/// A verb after people (`said`).
pub const W_SAYVERB: u16 = 64;
/// A connector inside names (`of`, `the`, `and`, `&`).
pub const W_CONN: u16 = 128;

/// Usually written in lower case in running text (a common word).
pub const W_LOWER: u16 = 256;
/// Usually capitalised mid-sentence in running text (name-like).
pub const W_CAPITAL: u16 = 512;
/// A first word that makes a capitalised name a place (`Lake Erie`, `Mount Hood`, `Fort Lee`).
pub const W_PLACEFIRST: u16 = 1024;

/// Lower-cased multiword gazetteer entries, keyed by [`seq_hash`] of their words' `lower` hashes, and
/// single-word lists as bit sets (`W_*`).
#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: FastMap<u64, u8>,
    max_len: usize,
    /// Word-list bits by lower-cased word hash.
    pub words: FastMap<u64, u16>,
}

impl Gazetteer {
    /// Parses `name<TAB>kind` lines (`#` comments allowed): multiword kinds `country`, `nationality`,
    /// `city`, `place`, `org`; word kinds `given`, `surname`, `orgword`, `placeword`, `title`, `locprep`,
    /// `sayverb`, `conn`.
    pub fn parse(tsv: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        g.add(tsv);
        g
    }
    /// Adds the entries of another `name<TAB>kind` table.
    pub fn add(&mut self, tsv: &str) {
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (name, kind) = line.split_once('\t').unwrap_or((line, "other"));
            let kind = kind.split('\t').next().unwrap_or("");
            let bit = match kind {
                "given" => W_GIVEN,
                "surname" => W_SURNAME,
                "orgword" => W_ORGWORD,
                "placeword" => W_PLACEWORD,
                "title" => W_TITLE,
                "locprep" => W_LOCPREP,
                "sayverb" => W_SAYVERB,
                "conn" => W_CONN,
                "lower" => W_LOWER,
                "capital" => W_CAPITAL,
                "placefirst" => W_PLACEFIRST,
                _ => 0,
            };
            if bit != 0 {
                for w in name.split(' ') {
                    *self.words.entry(Lex::new(w).lower).or_insert(0) |= bit;
                }
                continue;
            }
            let k = match kind {
                "country" => GAZ_COUNTRY,
                "nationality" => GAZ_NATIONALITY,
                "city" => GAZ_CITY,
                "place" => GAZ_PLACE,
                "org" => GAZ_ORG,
                _ => GAZ_OTHER,
            };
            let words: Vec<u64> = name.split(' ').map(|w| Lex::new(w).lower).collect();
            self.max_len = self.max_len.max(words.len());
            self.entries.entry(seq_hash(words)).or_insert(k);
        }
    }
    /// The shipped gazetteer: CountryInfo countries/cities/nationalities, Phoenix actors, and the word
    /// lists of `data/` (organisation words, titles, honorifics, words around names).
    pub fn shipped() -> Gazetteer {
        let mut g = Gazetteer::parse(accord_lexicon::file("gazetteer/countries.tsv"));
        g.add(accord_lexicon::file("gazetteer/actors.tsv"));
        g.add(accord_lexicon::file("gazetteer/name_words.tsv"));
        g.add(accord_lexicon::file("gazetteer/case_stats.tsv"));
        let firsts = |text: &str, kind: &str| -> String {
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(|l| format!("{}\t{kind}\n", l.split('\t').next().unwrap_or("").trim()))
                .collect()
        };
        g.add(&firsts(accord_lexicon::file("org_words.txt"), "orgword"));
        g.add(&firsts(accord_lexicon::file("titles.txt"), "title"));
        g.add(&firsts(accord_lexicon::file("honorifics.tsv"), "title"));
        let conn: String = accord_lexicon::names::connectors().bridge.iter().map(|w| format!("{w}\tconn\n")).collect();
        g.add(&conn);
        g
    }
    /// Marks each word: 0 outside any entry, else `kind * 2 + (0 first word | 1 later word)`.
    pub fn mark(&self, lex: &[Lex], out: &mut Vec<u8>) {
        out.clear();
        out.resize(lex.len(), 0);
        let mut i = 0;
        while i < lex.len() {
            let mut matched = 0;
            // names start with a capital (`in the United States`): other words are not looked up
            let cap = lex[i].flags & (crate::lex::F_TITLE | crate::lex::F_UPPER) != 0;
            for len in (1..=if cap { self.max_len.min(lex.len() - i) } else { 0 }).rev() {
                if let Some(&k) = self.entries.get(&seq_hash(lex[i..i + len].iter().map(|l| l.lower))) {
                    out[i] = k * 2;
                    for o in out.iter_mut().take(i + len).skip(i + 1) {
                        *o = k * 2 + GAZ_LATER_WORD;
                    }
                    matched = len;
                    break;
                }
            }
            i += matched.max(1);
        }
    }
    /// Word-list bits of a word.
    #[inline]
    pub fn word_bits(&self, l: &Lex) -> u16 {
        self.words.get(&l.lower).copied().unwrap_or(0)
    }

    /// Document-level marks by lower-cased word hash: [`LOWER_ELSEWHERE`] when the word is written in
    /// lower case somewhere, and `D_*` bits for the contexts its capitalised occurrences appear in.
    pub fn doc_marks<'a>(&self, sentences: impl Iterator<Item = &'a [Lex]>, out: &mut FastMap<u64, u8>) {
        out.clear();
        let cap = crate::lex::F_TITLE | crate::lex::F_UPPER;
        let the = Lex::new("the").lower;
        for lex in sentences {
            for (i, l) in lex.iter().enumerate() {
                if l.flags & cap == 0 {
                    *out.entry(l.lower).or_insert(0) |= LOWER_ELSEWHERE;
                    continue;
                }
                let mut b = 0u8;
                if i > 0 {
                    let pb = self.word_bits(&lex[i - 1]);
                    if pb & W_LOCPREP != 0 {
                        b |= D_LOC;
                    }
                    if pb & W_TITLE != 0 {
                        b |= D_TITLE;
                    }
                    if lex[i - 1].lower == the {
                        b |= D_THE;
                    }
                }
                if i + 1 < lex.len() && self.word_bits(&lex[i + 1]) & W_SAYVERB != 0 {
                    b |= D_SAY;
                }
                *out.entry(l.lower).or_insert(0) |= b;
            }
        }
    }

    /// End (exclusive) of the capitalised run starting at `i` (a capitalised word): capitalised words,
    /// bridged by one or two connectors before another capitalised word.
    fn run_end(&self, lex: &[Lex], i: usize) -> usize {
        let n = lex.len();
        let is_cap = |k: usize| is_cap(&lex[k]);
        let mut j = i + 1;
        loop {
            if j < n && is_cap(j) {
                j += 1;
                continue;
            }
            let mut c = j;
            while c < n && c - j < 2 && self.word_bits(&lex[c]) & W_CONN != 0 {
                c += 1;
            }
            if c > j && c < n && is_cap(c) {
                j = c + 1;
                continue;
            }
            return j;
        }
    }

    /// Fills the per-word context of one sentence (see [`Ctx`]).
    pub fn context(&self, lex: &[Lex], doc: &FastMap<u64, u8>, ctx: &mut Ctx) {
        self.mark(lex, &mut ctx.gaz);
        let n = lex.len();
        ctx.wb.clear();
        ctx.wb.extend(lex.iter().map(|l| self.word_bits(l)));
        ctx.doc.clear();
        ctx.doc.extend(lex.iter().map(|l| doc.get(&l.lower).copied().unwrap_or(0)));
        let cap = crate::lex::F_TITLE | crate::lex::F_UPPER;
        for k in 0..n {
            if lex[k].flags & cap != 0 && ctx.doc[k] & LOWER_ELSEWHERE != 0 {
                ctx.gaz[k] |= LOWER_ELSEWHERE;
            }
        }
        ctx.run.clear();
        ctx.run.resize(n, 0);
        ctx.runlast.clear();
        ctx.runlast.resize(n, 0);
        let mut i = 0;
        while i < n {
            if !is_cap(&lex[i]) {
                i += 1;
                continue;
            }
            let j = self.run_end(lex, i);
            let last = j - 1;
            let lastbits = ctx.wb[last] as u64 & 0xFF;
            let prevbits = if i > 0 { ctx.wb[i - 1] as u64 & 0xFF } else { 0x1_0000 };
            for k in i..j {
                let pos = if j - i == 1 {
                    1
                } else if k == i {
                    2
                } else if k == last {
                    4
                } else {
                    3
                };
                ctx.run[k] = pos | lastbits << 4 | prevbits << 20 | ((j - i).min(4) as u64) << 40;
                ctx.runlast[k] = lex[last].lower;
            }
            i = j;
        }
    }
}

/// Document bits ([`Gazetteer::doc_marks`]): a capitalised occurrence follows a preposition of place.
pub const D_LOC: u8 = 1;
/// A capitalised occurrence follows a title or honorific.
pub const D_TITLE: u8 = 2;
/// A capitalised occurrence is followed by a speech verb.
pub const D_SAY: u8 = 4;
/// A capitalised occurrence follows `the`.
pub const D_THE: u8 = 8;

/// Gazetteer kinds of [`Gazetteer::mark`] (a mark is `kind * 2 + GAZ_LATER_WORD` for the words after the
/// first of an entry; 0 outside any entry).
pub const GAZ_COUNTRY: u8 = 1;
/// Nationality (`Israeli`).
pub const GAZ_NATIONALITY: u8 = 2;
/// City.
pub const GAZ_CITY: u8 = 3;
/// Other place.
pub const GAZ_PLACE: u8 = 4;
/// Organisation.
pub const GAZ_ORG: u8 = 5;
/// Any other entry.
pub const GAZ_OTHER: u8 = 6;
/// Bit of a mark set on the words after the first of an entry.
pub const GAZ_LATER_WORD: u8 = 1;
/// The bits of a mark that hold the entry (kind and [`GAZ_LATER_WORD`]), without [`LOWER_ELSEWHERE`].
pub const GAZ_ENTRY: u8 = 0x7F;

/// The gazetteer kind of a mark (`GAZ_*`; 0 outside any entry).
#[inline]
pub fn gaz_kind(mark: u8) -> u8 {
    (mark & GAZ_ENTRY) / 2
}

/// True for a word of a gazetteer entry after its first word.
#[inline]
pub fn gaz_later_word(mark: u8) -> bool {
    mark & GAZ_ENTRY != 0 && mark & GAZ_LATER_WORD == GAZ_LATER_WORD
}

/// The bounds of a recognised name `[a, b)` of a sentence after the name rules, or `None` when nothing of
/// it is a name. `lex` and `gaz` (gazetteer marks, [`Ctx::gaz`]) are the sentence's; `norm(k)` is word
/// `k`'s normalised text and `propn(k)` whether the tagger tagged it `PROPN`.
/// - an e-mail address ends a name;
/// - a name neither starts nor ends with a connector word (`Library of` → `Library`; the lexicon's
///   [`accord_lexicon::names::Connectors::trim`]);
/// - it does not end in a lower-case word (`Francisco celebrated`), except a proper noun joined by a
///   hyphen (`Lee Cheuk - yan`), nor in a connector left behind (`Francisco -`);
/// - inside a longer gazetteer entry it takes the entry's neighbouring words that are tagged PROPN, or any
///   words of a city's name (`San` → `San Francisco`, `York` → `New York`; not `States` → `United States`,
///   whose `United` the treebanks tag ADJ);
/// - it has a capitalised word (`lake` is not one).
pub fn name_bounds<'a>(
    lex: &[Lex],
    gaz: &[u8],
    norm: impl Fn(usize) -> &'a str,
    propn: impl Fn(usize) -> bool,
    a: usize,
    b: usize,
) -> Option<(usize, usize)> {
    let n = lex.len();
    let trim = &accord_lexicon::names::connectors().trim;
    let is_conn = |k: usize| trim.contains(&norm(k));
    let (mut a, mut b) = (a, b);
    // an e-mail address ends a name (`Claire Warwick c.l.h.warwick@durham.ac.uk Durham University`)
    if let Some(k) = (a..b).find(|&k| norm(k).contains('@')) {
        b = k;
    }
    while a < b && is_conn(a) {
        a += 1;
    }
    while b > a && is_conn(b - 1) {
        b -= 1;
    }
    if a == b {
        return None;
    }
    while b > a + 1 && norm(b - 1).chars().next().is_some_and(char::is_lowercase) {
        if norm(b - 2) == "-" && propn(b - 1) {
            break;
        }
        b -= 1;
    }
    while b > a && is_conn(b - 1) {
        b -= 1;
    }
    let later = |k: usize| gaz_later_word(gaz[k]);
    let entry_word = |k: usize| propn(k) || gaz_kind(gaz[k]) == GAZ_CITY;
    while a > 0 && later(a) && entry_word(a - 1) {
        a -= 1;
    }
    while b < n && later(b) && entry_word(b) {
        b += 1;
    }
    if !(a..b).any(|k| lex[k].flags & (crate::lex::F_TITLE | crate::lex::F_UPPER) != 0) {
        return None;
    }
    Some((a, b))
}

/// Splits the person and place names of `spans` (from [`spans`], each given the index of the word whose
/// type scores it keeps) at a coordinator between two of their words: a person's or place's name holds
/// no `and` (`Morris and Goscinny`, `Bob n Renee`), except a place of the gazetteer (`Trinidad and
/// Tobago`, one entry). Organisations keep theirs (`Food Standards of Australia and New Zealand`).
pub fn split_coordinated<'a>(
    spans: &mut Vec<(usize, usize, &'static str, usize)>,
    gaz: &[u8],
    norm: impl Fn(usize) -> &'a str,
) {
    let mut k = 0;
    while k < spans.len() {
        let (a, b, ty, c) = spans[k];
        let inside_entry = |j: usize| gaz_later_word(gaz[j]);
        let cut = if matches!(ty, "PER" | "GPE") {
            (a + 1..b.saturating_sub(1))
                .find(|&j| matches!(norm(j), "and" | "&" | "n" | "or" | "nor") && !inside_entry(j))
        } else {
            None
        };
        match cut {
            Some(j) => {
                spans[k] = (a, j, ty, c);
                spans.insert(k + 1, (j + 1, b, ty, c));
                k += 1;
            }
            None => k += 1,
        }
    }
}

/// Joins a person's name of given names only to the one-word name right after it, which the model typed
/// otherwise (`Joaquin` + `Phoenix`, a city of the gazetteer: `Joaquin Phoenix`): a given name opens a
/// person's full name.
pub fn join_given_names(spans: &mut Vec<(usize, usize, &'static str, usize)>, wb: &[u16]) {
    let mut k = 0;
    while k + 1 < spans.len() {
        let (a, b, ty, c) = spans[k];
        let (a2, b2, ty2, _) = spans[k + 1];
        if ty == "PER" && ty2 != "PER" && b == a2 && b2 == a2 + 1 && (a..b).all(|j| wb[j] & W_GIVEN != 0) {
            spans[k] = (a, b2, "PER", c);
            spans.remove(k + 1);
        }
        k += 1;
    }
}

/// Splits a person's full name off the end of a longer name the model read as one (`Port Authority Rick
/// Cotton`, `District of Massachusetts Joshua Levy`): the name ends in two or three capitalised words
/// opened by a given name, none of them an organisation or place word, and the word before them ends a
/// place or organisation (an organisation or place word, a gazetteer entry, an acronym), not a given name,
/// title or connector. A given name inside a gazetteer entry (`St. Louis Blues`) keeps the name whole.
/// Returns the first words of the person names split off.
pub fn split_person_tail<'a>(
    spans: &mut Vec<(usize, usize, &'static str, usize)>,
    lex: &[Lex],
    gaz: &[u8],
    wb: &[u16],
    norm: impl Fn(usize) -> &'a str,
) -> Vec<usize> {
    let mut tails = Vec::new();
    let mut k = 0;
    while k < spans.len() {
        let (a, b, ty, c) = spans[k];
        let cap = |j: usize| lex[j].flags & crate::lex::F_TITLE != 0;
        let plain = |j: usize| wb[j] & (W_ORGWORD | W_PLACEWORD | W_CONN | W_TITLE) == 0;
        // (an acronym, not an initial: `K. Michael Stevens`; a one-word place before a given name is more
        // often a given name itself, `Chad Michael Murray`)
        let acronym = |j: usize| {
            lex[j].flags & crate::lex::F_UPPER != 0
                && norm(j).len() >= if j > a { 2 } else { 3 }
                && !norm(j).contains('.')
        };
        let ends_other = |j: usize| {
            wb[j] & (W_ORGWORD | W_PLACEWORD) != 0
                || acronym(j)
                || (j > a && gaz[j] & GAZ_ENTRY != 0 && gaz_kind(gaz[j]) != GAZ_NATIONALITY)
        };
        let cut = (b.saturating_sub(3).max(a + 1)..b.saturating_sub(1)).find(|&j| {
            wb[j] & W_GIVEN != 0
                && !gaz_later_word(gaz[j])
                && (j..b).all(|i| cap(i) && plain(i))
                && wb[j - 1] & (W_GIVEN | W_TITLE | W_CONN) == 0
                && (ends_other(j - 1) || (j >= a + 2 && (a..j).any(|i| wb[i] & (W_ORGWORD | W_PLACEWORD) != 0)))
        });
        match cut {
            Some(j) => {
                spans[k] = (a, j, ty, c);
                spans.insert(k + 1, (j, b, "PER", j));
                tails.push(j);
                k += 2;
            }
            None => k += 1,
        }
    }
    tails
}

/// The type a name's head word gives it: a name of two or more words whose head (its last word, or the
/// word before its first `of`: `Court of Appeal`) is an organisation word (`Nova Scotia Court of Appeal`,
/// `States Congress`) is an organisation, whatever places its first words name; otherwise one opened by
/// a place word (`Lake Erie`, `Mount Hood`: [`W_PLACEFIRST`]) is a place. (Place words as heads were tried
/// too: GUM dev 0.751 -> 0.746 and 0.758 -> 0.745; `state` heads universities, `Penn State`.)
pub fn head_word_type<'a>(wb: &[u16], norm: impl Fn(usize) -> &'a str, a: usize, b: usize) -> Option<&'static str> {
    // (not over a coordination the model read into one name: `Department of Justice and Jane Roe`)
    if b - a < 2 || (a..b).any(|k| matches!(norm(k), "and" | "&")) {
        return None;
    }
    let h = match (a + 1..b).find(|&k| norm(k) == "of") {
        Some(k) => k - 1,
        None => b - 1,
    };
    if wb[h] & W_ORGWORD != 0 {
        Some("ORG")
    } else if wb[a] & W_PLACEFIRST != 0 {
        Some("GPE")
    } else {
        None
    }
}

/// Temperature (weight units) of the document-level type vote: each occurrence of a name votes with the
/// softmax of its `B-` type scores, so a confident occurrence outweighs several hesitant ones.
const VOTE_TEMP: f64 = 3.7;

/// Document-level consistency of names (a one-sense-per-discourse heuristic): every occurrence of the same
/// name string takes the type with the largest summed type probability over its occurrences (`conf`: the
/// `B-PER`, `B-ORG`, `B-GPE`, `B-MISC` scores of each mention, in weight units), and later capitalised
/// occurrences of a multi-word name (or of a single word predicted at least twice) that the tagger missed
/// are added.
pub(crate) fn consistent_names(doc: &Doc, mentions: &mut Vec<Mention>, conf: &[[f32; 4]]) {
    use std::collections::HashMap;
    if mentions.is_empty() {
        return;
    }
    let types =
        [EntityType::Person, EntityType::Org, EntityType::Gpe, EntityType::Norp, EntityType::Loc, EntityType::Other];
    let idx = |e: EntityType| e as usize;
    let best = |v: &[u32; 6]| types[(0..6).max_by_key(|&i| (v[i], std::cmp::Reverse(i))).unwrap()];
    let mut soft: HashMap<&str, ([f64; 4], u32)> = HashMap::new();
    for (m, c) in mentions.iter().zip(conf) {
        let mx = c.iter().copied().fold(f32::MIN, f32::max) as f64;
        let p = c.map(|x| ((x as f64 - mx) / VOTE_TEMP).exp());
        let z: f64 = p.iter().sum();
        let e = soft.entry(doc.slice(m.span)).or_default();
        for k in 0..4 {
            e.0[k] += p[k] / z;
        }
        e.1 += 1;
    }
    let four = [EntityType::Person, EntityType::Org, EntityType::Gpe, EntityType::Other];
    let sbest = |v: &[f64; 4]| four[(0..4).max_by(|&a, &b| v[a].total_cmp(&v[b]).then(b.cmp(&a))).unwrap()];
    for m in mentions.iter_mut() {
        if let Some(v) = soft.get(doc.slice(m.span)) {
            m.etype = Some(sbest(&v.0));
        }
    }
    // each name string with its type and number of occurrences
    let votes: HashMap<&str, [u32; 6]> = soft
        .iter()
        .map(|(k, v)| {
            let mut c = [0u32; 6];
            c[idx(sbest(&v.0))] = v.1;
            (*k, c)
        })
        .collect();
    // a one-word name that repeats the last word of a person's full name refers to the person (`Julie
    // Rosenthal` … `Rosenthal`). Not the first word of an organisation's name (`Harrow School` …
    // `Harrow`): that made places organisations (`Dhaka University` … `Dhaka`, `Tulsa Zoo` … `Tulsa`);
    // without it the cross-validation on the GUM training documents rose 0.673 -> 0.680 (docs/experiments.md)
    {
        let joins = &accord_lexicon::names::connectors().joins;
        let mut surnames: std::collections::HashSet<&str> = Default::default();
        for (k, v) in &votes {
            let ws: Vec<&str> = k.split(' ').collect();
            // a person's name with a connector joins two names (`Lee Cheuk-yan of the Labour Party`): its
            // last word is not the person's
            if ws.len() >= 2 && best(v) == EntityType::Person && !ws.iter().any(|w| joins.contains(w)) {
                surnames.insert(ws[ws.len() - 1]);
            }
        }
        for m in mentions.iter_mut() {
            let t = doc.slice(m.span);
            if !t.contains(' ') && surnames.contains(t) {
                m.etype = Some(EntityType::Person);
            }
        }
    }
    // propagate to missed occurrences (exact, case-sensitive token sequence)
    let mut added = Vec::new();
    let mut names: Vec<(Vec<&str>, EntityType, u32)> = votes
        .iter()
        .map(|(k, v)| (k.split(' ').collect::<Vec<&str>>(), best(v), v.iter().sum::<u32>()))
        .filter(|(ws, _, n)| ws.len() >= 2 || *n >= 2)
        .collect();
    // deterministic order, longest names first
    names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    if names.is_empty() {
        return;
    }
    // the names by first word (in the order above), and the tokens the mentions cover: mentions and
    // candidates are whole tokens, so two overlap exactly when they share a token (linear in the text,
    // where scanning every name and every mention at each capitalised word grew with its square)
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, (ws, _, _)) in names.iter().enumerate() {
        by_first.entry(ws[0]).or_default().push(k);
    }
    let mut taken = vec![false; doc.tokens.len()];
    let cover = |span: Span, taken: &mut [bool]| {
        let mut k = doc.token_at_or_after(span.start);
        while k < doc.tokens.len() && doc.tokens[k].span.start < span.end {
            taken[k] = true;
            k += 1;
        }
    };
    for m in mentions.iter() {
        cover(m.span, &mut taken);
    }
    for (si, s) in doc.sentences.iter().enumerate() {
        let toks = s.tokens.clone();
        for i in toks.clone() {
            let t = doc.token_text(i);
            if !t.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let Some(cands) = by_first.get(t) else { continue };
            for &c in cands {
                let (ws, e, _) = &names[c];
                if i + ws.len() > toks.end {
                    continue;
                }
                if (1..ws.len()).all(|k| doc.token_text(i + k) == ws[k]) {
                    let span = Span::new(doc.tokens[i].span.start, doc.tokens[i + ws.len() - 1].span.end);
                    if doc.slice(span) == ws.join(" ") && !(i..i + ws.len()).any(|k| taken[k]) {
                        cover(span, &mut taken);
                        added.push(Mention {
                            kind: MentionKind::Name,
                            etype: Some(*e),
                            span,
                            head_span: span,
                            entity: None,
                            sentence: si,
                        });
                    }
                }
            }
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    }
}

#[inline]
fn is_cap(l: &Lex) -> bool {
    l.flags & (crate::lex::F_TITLE | crate::lex::F_UPPER) != 0 && l.flags & crate::lex::F_PUNCT == 0
}

/// Per-word context of one sentence, filled by [`Gazetteer::context`] into reused buffers.
#[derive(Debug, Default, Clone)]
pub struct Ctx {
    /// Gazetteer marks ([`Gazetteer::mark`]) with [`LOWER_ELSEWHERE`] or-ed in for capitalised words.
    pub gaz: Vec<u8>,
    /// Word-list bits.
    pub wb: Vec<u16>,
    /// Document bits of the word (`D_*`, [`LOWER_ELSEWHERE`]).
    pub doc: Vec<u8>,
    /// Capitalised-run info: position (0 outside, 1 alone, 2 first, 3 inside, 4 last) | last word's bits << 4
    /// | bits of the word before the run << 20 | run length (max 4) << 40.
    pub run: Vec<u64>,
    /// Lower-cased hash of the run's last word (0 outside runs).
    pub runlast: Vec<u64>,
    /// Where the word sits in the dependency parse ([`syntax`]); empty without a parse.
    pub syn: Vec<Syntax>,
}

/// A word's place in the dependency parse: its relation, its head's lower-cased word and tag, and the
/// lower-cased word of its `case` child (`in` of `in Paris`). Hashes; 0 for none.
#[derive(Debug, Default, Clone, Copy)]
pub struct Syntax {
    /// Relation (without subtype: `nsubj`, `obl`, ...).
    pub rel: u64,
    /// Lower-cased word of the head (a constant for the root).
    pub gov: u64,
    /// Tag hash of the head.
    pub gov_tag: u64,
    /// Lower-cased word of the `case` child.
    pub case: u64,
}

/// Hash of a dependency relation for [`Syntax::rel`]: the relation without its subtype.
pub fn rel_hash(deprel: &str) -> u64 {
    crate::util::hash_str(deprel.split(':').next().unwrap_or(deprel))
}

const ROOT_GOV: u64 = 0x0B00_7000;

/// Fills `ctx.syn` from a parse of the sentence: `heads` (0-based, `lex.len()` for the root) and `rels`
/// ([`rel_hash`] per word); `tags` are the tag hashes.
pub fn syntax(lex: &[Lex], tags: &[u64], heads: &[u32], rels: &[u64], ctx: &mut Ctx) {
    let n = lex.len();
    let case = rel_hash("case");
    ctx.syn.clear();
    ctx.syn.resize(n, Syntax::default());
    for i in 0..n {
        let g = heads[i] as usize;
        let (gov, gov_tag) = if g < n { (lex[g].lower, tags[g]) } else { (ROOT_GOV, ROOT_GOV) };
        ctx.syn[i].rel = rels[i];
        ctx.syn[i].gov = gov;
        ctx.syn[i].gov_tag = gov_tag;
        if rels[i] == case && g < n {
            ctx.syn[g].case = lex[i].lower;
        }
    }
}

/// Inputs of the recogniser for one sentence.
pub struct Input<'a> {
    /// Padded lexemes (see [`crate::tagger::pad`]).
    pub lp: &'a [Lex],
    /// Tag hashes per word (unpadded).
    pub tags: &'a [u64],
    /// Per-word context (gazetteer marks, word lists, document marks, capitalised runs).
    pub ctx: &'a Ctx,
    /// The sentence looks like a headline (see [`is_headline`]).
    pub headline: bool,
}

/// True when at least 60% of the words of a sentence of 3+ words are capitalised (a headline or title,
/// where capitals say little about names).
pub fn is_headline(lex: &[Lex]) -> bool {
    let n = lex.len();
    let titled = lex.iter().filter(|l| l.flags & crate::lex::F_TITLE != 0).count();
    n >= 3 && titled * 10 >= n * 6
}

/// Bit set in a gazetteer mark when the word's lower-cased form occurs in lower case elsewhere in the
/// document (a capitalised word that is also written in lower case is less likely a name).
pub const LOWER_ELSEWHERE: u8 = 0x80;

/// Perceptrons averaged by [`Ner::train`].
pub const BAGS: usize = 8;

const OUT_T: u64 = 0x7A6;

fn features(inp: &Input, i: usize, p1: u16, p2: u16, out: &mut Vec<u64>) {
    out.clear();
    let n = inp.tags.len();
    let w = &inp.lp[i + PAD];
    let (m1, m2, n1, n2) = (&inp.lp[i + PAD - 1], &inp.lp[i + PAD - 2], &inp.lp[i + PAD + 1], &inp.lp[i + PAD + 2]);
    let t = |k: isize| if k < 0 || k as usize >= n { OUT_T } else { inp.tags[k as usize] };
    let cx = inp.ctx;
    let g = |k: isize| if k < 0 || k as usize >= n { 0xFF } else { cx.gaz[k as usize] as u64 };
    let wb = |k: isize| if k < 0 || k as usize >= n { 0x1_0000 } else { cx.wb[k as usize] as u64 & 0xFF };
    let case = |k: isize| if k < 0 || k as usize >= n { 0x1_0000 } else { (cx.wb[k as usize] as u64 >> 8) & 3 };
    let ii = i as isize;
    let (p1, p2) = (p1 as u64, p2 as u64);
    let headline = inp.headline as u64;
    let run = cx.run[i];
    let doc = cx.doc[i] as u64;
    let syn = cx.syn.get(i).copied().unwrap_or_default();
    out.extend_from_slice(&[
        1,
        h2(2, w.lower),
        h2(3, w.word),
        h2(4, w.shape),
        h2(5, w.suf[2]),
        h2(6, w.suf[1]),
        h2(7, w.pre[2]),
        h2(8, w.flags as u64),
        h2(9, m1.lower),
        h2(10, n1.lower),
        h2(11, m1.shape),
        h2(12, n1.shape),
        h2(13, m2.lower),
        h2(14, n2.lower),
        h2(15, t(ii)),
        h2(16, t(ii - 1)),
        h2(17, t(ii + 1)),
        h2(18, g(ii)),
        h2(19, g(ii - 1)),
        h2(20, g(ii + 1)),
        h2(21, p1),
        h3(22, p1, w.shape),
        h3(23, p1, w.lower),
        h3(24, p1, t(ii)),
        h3(25, p2, p1),
        h3(26, w.lower, n1.lower),
        h3(27, m1.lower, w.lower),
        h3(28, w.flags as u64, (i == 0) as u64),
        h3(29, t(ii), t(ii + 1)),
        h3(30, p1, m1.lower),
        h3(31, w.shape, n1.shape),
        h3(32, m1.shape, w.shape),
        h3(33, g(ii), t(ii)),
        h3(34, w.suf[3], t(ii)),
        h3(35, w.flags as u64, headline),
        h3(36, h2(w.shape, headline), t(ii)),
        h3(37, (g(ii) & 0x80) | (w.flags as u64) << 8, t(ii)),
        h2(38, wb(ii)),
        h2(39, wb(ii - 1)),
        h2(40, wb(ii + 1)),
        h3(41, wb(ii), t(ii)),
        h2(42, run & 0xFF_FFFF_FFFF),
        h3(43, run & 0xF, cx.runlast[i]),
        h3(44, run & 0xF_FFFF, t(ii)),
        h3(45, run & 0xF, run >> 20 & 0x1_FFFF),
        h2(46, doc),
        h3(47, doc, t(ii)),
        h3(48, doc, run & 0xF_FFFF),
        h3(49, g(ii) & 0x7F, run & 0xF),
        h3(50, case(ii), w.flags as u64 | ((i == 0) as u64) << 8),
        h3(51, case(ii), t(ii)),
        h3(52, case(ii - 1) << 4 | case(ii) << 2 | case(ii + 1), run & 0xF),
        h2(53, syn.rel),
        h2(54, syn.gov),
        h2(55, syn.case),
        h2(56, syn.gov_tag),
    ]);
}

/// Added to the score of `B-MISC` at prediction time, in weight units, except where it would overturn a
/// person with a cue (`person_cue`). The recogniser learns from six GUM genres in which other named things
/// (games, platforms, festivals, diseases) are rare, and under-predicts them elsewhere: a `MISC` guess removes
/// a wrong PER/ORG/GPE name. The default for weight files that do not store their own bonus: `accord train`
/// chooses it on held-out GUM training documents ([`Ner::misc_bias`]).
pub const MISC_BIAS: f32 = 24.6;

/// True when the capitalised run starting at `i` looks like a person's name: a given name in it, a title
/// or honorific before it, or a word of it that elsewhere in the document follows a title or precedes a
/// speech verb.
fn person_cue(cx: &Ctx, i: usize) -> bool {
    let cue = |k: usize| {
        cx.wb[k] & W_GIVEN != 0
            || cx.doc[k] & (D_SAY | D_TITLE) != 0
            || cx.wb[k] & (W_SURNAME | W_ORGWORD | W_PLACEWORD) == W_SURNAME
    };
    if (i > 0 && cx.wb[i - 1] & W_TITLE != 0) || cue(i) {
        return true;
    }
    let mut k = i + 1;
    while k < cx.run.len() && matches!(cx.run[k] & 0xF, 3 | 4) {
        if cue(k) {
            return true;
        }
        k += 1;
    }
    false
}

#[inline]
fn allowed(prev: u16, c: u16) -> bool {
    // I-X (even ids >= 2) must follow B-X or I-X of the same type.
    if c == 0 || c % 2 == 1 {
        return true;
    }
    prev == c || prev == c - 1
}

/// One training sentence for the recogniser.
#[derive(Clone)]
pub struct NerExample {
    /// Lexemes (unpadded).
    pub lex: Vec<Lex>,
    /// Tag hashes.
    pub tags: Vec<u64>,
    /// Gold class ids.
    pub gold: Vec<u16>,
    /// Per-word context ([`Gazetteer::context`], with the sentence's document marks).
    pub ctx: Ctx,
}

/// A trained recogniser.
#[derive(Debug)]
pub struct Ner {
    model: Frozen,
    /// The `B-MISC` bonus in weight units (see [`MISC_BIAS`]), stored with the weights.
    pub misc_bias: f32,
    /// The gazetteer used for features.
    pub gazetteer: Gazetteer,
    /// Other named things (`gazetteer/misc_names.tsv`), matched as whole names after tagging.
    pub misc_names: Gazetteer,
}

impl Ner {
    /// Trains the recogniser: [`BAGS`] perceptrons on different shuffles of the data, averaged.
    pub fn train(data: &[NerExample], epochs: usize, seed: u64, log: &mut dyn FnMut(String)) -> Ner {
        let trainers: Vec<Trainer> =
            (0..BAGS as u64).map(|b| Self::train_one(data, epochs, seed.wrapping_add(b * 0x9E37), log)).collect();
        Ner {
            model: Trainer::freeze_mean(&trainers, 0.01),
            misc_bias: MISC_BIAS,
            gazetteer: Gazetteer::shipped(),
            misc_names: Gazetteer::parse(accord_lexicon::file("gazetteer/misc_names.tsv")),
        }
    }

    fn train_one(data: &[NerExample], epochs: usize, seed: u64, log: &mut dyn FnMut(String)) -> Trainer {
        let nc = CLASSES.len();
        let mut tr = Trainer::new(nc);
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0f32; nc];
        let mut lp = Vec::new();
        for epoch in 0..epochs {
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &si in &order {
                let ex = &data[si];
                crate::tagger::pad(&ex.lex, &mut lp);
                let inp = Input { lp: &lp, tags: &ex.tags, ctx: &ex.ctx, headline: is_headline(&ex.lex) };
                let (mut p1, mut p2) = (0u16, 0u16);
                for i in 0..ex.lex.len() {
                    features(&inp, i, p1, p2, &mut feats);
                    scores.iter_mut().for_each(|s| *s = 0.0);
                    tr.score(&feats, &mut scores);
                    for c in 0..nc {
                        if !allowed(p1, c as u16) {
                            scores[c] = f32::MIN;
                        }
                    }
                    let g = argmax_f(&scores) as u16;
                    tr.update(&feats, ex.gold[i] as usize, g as usize);
                    tr.tick();
                    right += (g == ex.gold[i]) as usize;
                    total += 1;
                    p2 = p1;
                    p1 = g;
                }
            }
            log(format!(
                "ner epoch {}: train token accuracy {:.2}%",
                epoch + 1,
                100.0 * right as f64 / total.max(1) as f64
            ));
        }
        tr
    }

    /// The type `gazetteer/misc_names.tsv` gives the words when they are exactly one of its entries:
    /// `MISC` for its other named things, `ORG` for the services run by an organisation (`Twitter`) that
    /// it lists with kind `org` (`marks`: a reused buffer).
    pub fn listed_type(&self, words: &[Lex], marks: &mut Vec<u8>) -> Option<&'static str> {
        self.misc_names.mark(words, marks);
        let first = *marks.first()?;
        if first % 2 != 0 || !marks[1..].iter().all(|&x| x == first + GAZ_LATER_WORD) {
            return None;
        }
        match first / 2 {
            GAZ_OTHER => Some("MISC"),
            GAZ_ORG => Some("ORG"),
            _ => None,
        }
    }

    /// Weight units per unit of the integer scores of [`Ner::tag_typed`].
    pub fn scale(&self) -> f32 {
        self.model.scale()
    }

    /// Labels one sentence with class ids.
    pub fn tag(&self, inp: &Input, out: &mut Vec<u16>, feats: &mut Vec<u64>, scores: &mut Vec<i32>) {
        self.tag_typed(inp, out, feats, scores, None);
    }

    /// Like [`Ner::tag`], also keeping for each word the scores of `B-PER`, `B-ORG`, `B-GPE`, `B-MISC`
    /// (zeros for words that were not scored; [`MISC_BIAS`] included).
    pub fn tag_typed(
        &self,
        inp: &Input,
        out: &mut Vec<u16>,
        feats: &mut Vec<u64>,
        scores: &mut Vec<i32>,
        mut typed: Option<&mut Vec<[i32; 4]>>,
    ) {
        let nc = CLASSES.len();
        out.clear();
        if let Some(t) = typed.as_deref_mut() {
            t.clear();
        }
        let misc_bias = (self.misc_bias / self.model.scale()).round() as i32;
        scores.resize(nc, 0);
        let (mut p1, mut p2) = (0u16, 0u16);
        for i in 0..inp.tags.len() {
            // a name starts with a capitalised word: outside a name, other words are not scored
            if p1 == 0 && !is_cap(&inp.lp[i + PAD]) {
                out.push(0);
                if let Some(t) = typed.as_deref_mut() {
                    t.push([0; 4]);
                }
                p2 = p1;
                p1 = 0;
                continue;
            }
            features(inp, i, p1, p2, feats);
            scores.iter_mut().for_each(|s| *s = 0);
            self.model.score(feats, scores);
            // the bonus does not overturn a person with a cue in its capitalised run (`Karoline Leavitt told`)
            let per_top = allowed(p1, 1) && [0usize, 3, 5, 7].iter().all(|&c| scores[1] >= scores[c]);
            if !(per_top && person_cue(inp.ctx, i)) {
                scores[7] += misc_bias;
            }
            if let Some(t) = typed.as_deref_mut() {
                t.push([scores[1], scores[3], scores[5], scores[7]]);
            }
            let mut best = 0usize;
            for c in 1..nc {
                if allowed(p1, c as u16) && scores[c] > scores[best] {
                    best = c;
                }
            }
            out.push(best as u16);
            p2 = p1;
            p1 = best as u16;
        }
        let _ = p2;
    }

    /// Serialises.
    pub fn write(&self) -> Vec<u8> {
        let mut w = BinWriter::new("ner");
        w.strs(CLASSES);
        self.model.write(&mut w);
        w.f32(self.misc_bias);
        w.buf
    }

    /// Reads a serialised recogniser.
    pub fn read(data: &[u8]) -> Result<Ner, String> {
        let mut r = BinReader::new(data, "ner")?;
        let classes = r.strs()?;
        if classes != CLASSES {
            return Err("unexpected class list".into());
        }
        let model = Frozen::read(&mut r)?;
        // files written before the bonus was stored end after the weights
        let misc_bias = if r.is_at_end() { MISC_BIAS } else { r.f32()? };
        Ok(Ner {
            model,
            misc_bias,
            gazetteer: Gazetteer::shipped(),
            misc_names: Gazetteer::parse(accord_lexicon::file("gazetteer/misc_names.tsv")),
        })
    }

    /// Number of stored weights.
    pub fn n_weights(&self) -> usize {
        self.model.n_weights()
    }

    /// Starts (`true`) or stops counting how often each weight row is used; stopping returns the counts
    /// (see [`Frozen::count_uses`]).
    pub fn count_uses(&mut self, on: bool) -> Uses {
        self.model.count_uses(on)
    }

    /// Stores the rows in order of decreasing `uses` (same scores, faster: see [`Frozen::relayout`]).
    pub fn relayout(&mut self, uses: &Uses) {
        self.model = self.model.relayout(uses);
    }
}

/// Spans `(start, end, type, first)` (word indices, end exclusive; `first` = `start`, the word whose type
/// scores the name keeps) from BIO class ids.
pub fn spans(classes: &[u16]) -> Vec<(usize, usize, &'static str, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < classes.len() {
        let c = classes[i];
        if c == 0 {
            i += 1;
            continue;
        }
        let ty = c.div_ceil(2); // 1 PER, 2 ORG, 3 GPE, 4 MISC
        let mut j = i + 1;
        while j < classes.len() && classes[j] == ty * 2 {
            j += 1;
        }
        out.push((i, j, ["", "PER", "ORG", "GPE", "MISC"][ty as usize], i));
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn gazetteer_marks_multiword() {
        let g = Gazetteer::shipped();
        let lex: Vec<Lex> = ["in", "the", "United", "States", "and", "Israel"].iter().map(|w| Lex::new(w)).collect();
        let mut out = Vec::new();
        g.mark(&lex, &mut out);
        assert_eq!(out[2] % 2, 0);
        assert!(out[2] > 0 && out[3] == out[2] + 1);
        assert!(out[5] > 0);
        assert_eq!(out[0], 0);
    }
    #[test]
    fn syntax_reads_relation_head_and_case_word() {
        let lex: Vec<Lex> = ["She", "lives", "in", "Paris"].iter().map(|w| Lex::new(w)).collect();
        let tags = [11, 12, 13, 14];
        let rels: Vec<u64> = ["nsubj", "root", "case", "obl:lmod"].iter().map(|r| rel_hash(r)).collect();
        let mut ctx = Ctx::default();
        syntax(&lex, &tags, &[1, 4, 3, 1], &rels, &mut ctx);
        let paris = ctx.syn[3];
        assert_eq!(
            (paris.rel, paris.gov, paris.gov_tag, paris.case),
            (rel_hash("obl"), Lex::new("lives").lower, 12, Lex::new("in").lower)
        );
        assert_eq!(
            (ctx.syn[1].gov, ctx.syn[1].case),
            (ROOT_GOV, 0),
            "the root's head is the root constant; no case child"
        );
    }

    #[test]
    fn coordinated_people_and_places_split() {
        let words = ["Morris", "and", "Goscinny", "met", "Procter", "and", "Gamble", "in", "Trinidad", "and", "Tobago"];
        let lex: Vec<Lex> = words.iter().map(|w| Lex::new(w)).collect();
        let mut gaz = Vec::new();
        Gazetteer::shipped().mark(&lex, &mut gaz);
        let mut found = vec![(0, 3, "PER", 0), (4, 7, "ORG", 4), (8, 11, "GPE", 8)];
        split_coordinated(&mut found, &gaz, |k| words[k]);
        assert_eq!(found, vec![(0, 1, "PER", 0), (2, 3, "PER", 0), (4, 7, "ORG", 4), (8, 11, "GPE", 8)]);
    }

    #[test]
    fn a_given_name_joins_the_one_word_name_after_it() {
        let words = ["Joaquin", "Phoenix", "and", "Ana", "met", "Maria", "in", "Lima"];
        let lex: Vec<Lex> = words.iter().map(|w| Lex::new(w)).collect();
        let g = Gazetteer::shipped();
        let wb: Vec<u16> = lex.iter().map(|l| g.word_bits(l)).collect();
        let mut found = vec![(0, 1, "PER", 0), (1, 2, "GPE", 1), (3, 4, "PER", 3), (5, 6, "PER", 5), (7, 8, "GPE", 7)];
        join_given_names(&mut found, &wb);
        assert_eq!(found, vec![(0, 2, "PER", 0), (3, 4, "PER", 3), (5, 6, "PER", 5), (7, 8, "GPE", 7)]);
    }

    #[test]
    fn a_person_name_at_the_end_of_a_longer_name_splits_off() {
        let words = [
            "Port",
            "Authority",
            "Rick",
            "Cotton",
            "met",
            "St.",
            "Louis",
            "Blues",
            "and",
            "Tom",
            "Ann",
            "Lee",
            "and",
            "K.",
            "Michael",
            "Stevens",
        ];
        let lex: Vec<Lex> = words.iter().map(|w| Lex::new(w)).collect();
        let g = Gazetteer::shipped();
        let mut gaz = Vec::new();
        g.mark(&lex, &mut gaz);
        let wb: Vec<u16> = lex.iter().map(|l| g.word_bits(l)).collect();
        let mut found = vec![(0, 4, "GPE", 0), (5, 8, "ORG", 5), (9, 12, "PER", 9), (13, 16, "PER", 13)];
        let tails = split_person_tail(&mut found, &lex, &gaz, &wb, |k| words[k]);
        assert_eq!(
            found,
            vec![(0, 2, "GPE", 0), (2, 4, "PER", 2), (5, 8, "ORG", 5), (9, 12, "PER", 9), (13, 16, "PER", 13)]
        );
        assert_eq!(tails, vec![2]);
    }

    #[test]
    fn bio_spans() {
        assert_eq!(spans(&[0, 1, 2, 0, 5]), vec![(1, 3, "PER", 1), (4, 5, "GPE", 4)]);
    }
    #[test]
    fn misc_bonus_is_stored_with_the_weights() {
        let lex = vec![Lex::new("Paris")];
        let (g, mut marks, mut ctx) = (Gazetteer::shipped(), Default::default(), Ctx::default());
        g.doc_marks(std::iter::once(lex.as_slice()), &mut marks);
        g.context(&lex, &marks, &mut ctx);
        let data = vec![NerExample { lex, tags: vec![1], gold: vec![5], ctx }];
        let mut m = Ner::train(&data, 1, 1, &mut |_| {});
        m.misc_bias = 12.0;
        let bytes = m.write();
        assert_eq!(Ner::read(&bytes).unwrap().misc_bias, 12.0);
        // a file written before the bonus was stored reads with the default
        assert_eq!(Ner::read(&bytes[..bytes.len() - 4]).unwrap().misc_bias, MISC_BIAS);
    }
}
