//! Coreference: groups name mentions into entities ("Karoline Leavitt", "Ms Leavitt"), then links
//! pronouns and definite nominals to earlier referents.
//!
//! Names: a mention joins an earlier person entity when its last name matches and the first names (if
//! both given) agree; places and organisations join by canonical gazetteer name or identical text.
//! Pronouns (`he`, `she`, `they`): a salience model over earlier mentions — candidates must agree in
//! gender and number; the score prefers recent mentions, mentions in subject position, and entities
//! mentioned often; credit blocks (photo credits, bylines) are never antecedents. "It" and "they" take the
//! nearest organisation or place ("they" also a nationality; "it" also another named thing: a website, a
//! product, a work). Definite nominals
//! (`the official`) refer to the latest earlier mention with the same head noun, or to a named person
//! whose title contains that noun.

use crate::mentions::MentionInfo;
use accord_doc::{Doc, Entity, EntityType, MentionKind};

fn name_words(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect()
}

/// The words of a person's name without a generational suffix ("John G. Roberts Jr." is "John G. Roberts").
fn core_words(s: &str) -> Vec<&str> {
    let mut w = name_words(s);
    if w.len() >= 3 && matches!(w[w.len() - 1], "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV") {
        w.pop();
        if let Some(l) = w.last_mut() {
            *l = l.trim_end_matches(',');
        }
    }
    w
}

/// The same word of a name, whatever the apostrophe ("O'Neill", "O’Neill") or, for a word written in
/// capitals, the case ("PENCE", "Pence").
fn same_name_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b) = (without_article(a), without_article(b));
    let caps = |w: &str| !w.chars().any(char::is_lowercase);
    // (compared char by char: no string is built for the words of most names)
    fn folded(w: &str) -> impl Iterator<Item = char> + '_ {
        w.chars().map(|c| if c == '’' { '\'' } else { c })
    }
    if caps(a) || caps(b) {
        if a.is_ascii() && b.is_ascii() {
            a.eq_ignore_ascii_case(b)
        } else {
            let fold = |w: &str| w.replace('’', "'");
            fold(a).to_lowercase() == fold(b).to_lowercase()
        }
    } else {
        folded(a).eq(folded(b))
    }
}

/// The key under which a name's last word is indexed: every word [`same_name_word`] may match has it.
fn last_key(w: &str) -> String {
    without_article(w).replace('’', "'").to_lowercase()
}

/// A name word without an Arabic article joined to it by a hyphen: "al-Zahar", "Al-Zahar" and "Zahar" are
/// one surname (`article` in `name_connectors.tsv`).
fn without_article(w: &str) -> &str {
    if let Some((a, rest)) = w.split_once('-') {
        if rest.starts_with(char::is_uppercase) && accord_lexicon::names::is_article(a) {
            return rest;
        }
    }
    w
}

/// `full` is `name` with its acronyms spelled out: "United Nations Security Council" of "UN Security
/// Council", "Federal Bureau of Investigation" of "FBI" (function words have no letter in the acronym).
fn expands_acronym(full: &str, name: &str) -> bool {
    // a name none of whose words is an acronym expands nothing (most names: no word lists needed)
    if !name.split(char::is_whitespace).any(is_acronym_word) {
        return false;
    }
    let fw = name_words(full);
    let nw = name_words(name);
    let mut i = 0;
    let mut expanded = false;
    for w in &nw {
        let letters: String = w.chars().filter(|c| *c != '.').collect();
        let acronym = letters.len() >= 2 && letters.chars().all(|c| c.is_ascii_uppercase());
        if acronym {
            for c in letters.chars() {
                while i < fw.len() && matches!(fw[i], "of" | "and" | "for" | "the" | "on" | "&") {
                    i += 1;
                }
                if i >= fw.len() || !fw[i].starts_with(c) || fw[i].len() < 2 {
                    return false;
                }
                i += 1;
            }
            expanded = true;
        } else {
            if i >= fw.len() || !same_name_word(fw[i], w) {
                return false;
            }
            i += 1;
        }
    }
    expanded && i == fw.len()
}

/// Two or more ASCII capitals once the dots are dropped ("FBI", "S.E.C."), as [`expands_acronym`] tests
/// each word of the name.
fn is_acronym_word(w: &str) -> bool {
    let mut n = 0;
    for c in w.chars().filter(|c| *c != '.') {
        if !c.is_ascii_uppercase() {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// The index of the only entity `candidates` yields (`None` for none or several).
fn only_one<'a>(mut candidates: impl Iterator<Item = (usize, &'a Entity)>) -> Option<usize> {
    match (candidates.next(), candidates.next()) {
        (Some((e, _)), None) => Some(e),
        _ => None,
    }
}

fn lex() -> &'static crate::lexicon::Lexicons {
    crate::lexicon::Lexicons::get()
}

/// A name without the "The" it is written with inside a sentence ("The Daily Beast" is "Daily Beast").
fn without_the(name: &str) -> &str {
    name.strip_prefix("The ").unwrap_or(name)
}

/// `short` is the last words of `long` ("Van Voorhis" of "Chandler Van Voorhis").
fn name_suffix(short: &[&str], long: &[&str]) -> bool {
    short.len() < long.len() && short.iter().rev().zip(long.iter().rev()).all(|(a, b)| same_name_word(a, b))
}

fn compatible_first(a: &str, b: &str) -> bool {
    a == b
        || (a.len() <= 2 && b.starts_with(a.trim_end_matches('.')))
        || (b.len() <= 2 && a.starts_with(b.trim_end_matches('.')))
}

/// Builds `doc.entities` and `doc.antecedents` from `doc.mentions` and the mention stage's `infos`.
pub fn resolve(doc: &mut Doc, infos: &[MentionInfo]) {
    let n = doc.mentions.len();
    let mut antecedents: Vec<Option<usize>> = vec![None; n];
    let mut entities: Vec<Entity> = Vec::new();
    // Entities by name and by last word of the name (every name they have had: a candidate is checked
    // again below), so that a mention is compared with the entities that can match it, not with all.
    type Index = accord_doc::hash::FnvMap<String, Vec<usize>>;
    let (mut by_name, mut by_last) = (Index::default(), Index::default());
    // each entity's gender as an honorific or a full name's given name marks it (see `firm` below)
    let mut firm_gender: Vec<Option<char>> = Vec::new();
    fn index(by_name: &mut Index, by_last: &mut Index, e: usize, name: &str) {
        by_name.entry(without_the(name).to_string()).or_default().push(e);
        if let Some(w) = core_words(name).last() {
            by_last.entry(last_key(w)).or_default().push(e);
        }
    }
    // 1. Names.
    for m in 0..n {
        if doc.mentions[m].kind != MentionKind::Name {
            continue;
        }
        let info = &infos[m];
        let etype = doc.mentions[m].etype.unwrap_or(EntityType::Other);
        // (a name in mojibake, "FranÃ§ois Hollande", is named as it was meant to be written)
        let head = accord_lexicon::repair_mojibake(doc.slice(doc.mentions[m].head_span)).into_owned();
        let canonical = info.known.as_ref().map(|k| k.canonical.clone()).unwrap_or_else(|| head.clone());
        let words = name_words(&head);
        // a transcript label or headline in capitals ("PENCE:") names the person written "Mike Pence"
        let caps = words.len() == 1
            && head.chars().filter(|c| c.is_alphabetic()).count() > 2
            && !head.chars().any(char::is_lowercase);
        // the gender an honorific or the given name of a full name marks ("Mrs. Clinton", "Mary Kay Henry"),
        // not that of a bare surname that is also a given name ("Henry", "Madison")
        let firm = info.gender.filter(|_| words.len() >= 2 || info.honorific);
        // candidates: entities of the same name, or sharing the last word in any case or apostrophe
        let mut cands: Vec<usize> = by_name.get(without_the(&canonical)).into_iter().flatten().copied().collect();
        // (the last word of the name without a generational suffix: "Joseph R. Biden Jr." is a Biden)
        if let Some(w) = core_words(&head).last() {
            cands.extend(by_last.get(&last_key(w)).into_iter().flatten().copied());
        }
        cands.sort_unstable();
        cands.dedup();
        // (set when the full name this surname joins was typed a place or an organisation)
        let mut mistyped_full_name = false;
        let found = cands.into_iter().find(|&e_id| {
            let e = &entities[e_id];
            // "Mrs. Clinton" is not "Bill Clinton", nor "Michelle Obama" the "Mr. Obama" named before: an
            // honorific or a given name that marks a gender keeps apart people of the other one
            if e.etype == EntityType::Person
                && matches!((firm, firm_gender[e_id]), (Some(a), Some(b)) if a != b && a != 'n' && b != 'n')
            {
                return false;
            }
            // a full name given after its bare surname ("Blasio" ... "Bill de Blasio") takes it over
            let surname_before = info.known.is_none()
                && etype == EntityType::Person
                && e.etype == EntityType::Other
                && words.len() >= 2
                && name_words(&e.name).len() == 1
                && words.last().is_some_and(|w| same_name_word(w, &e.name));
            if surname_before {
                return true;
            }
            // "Bharrat Ramdehol" typed other, then "Ramdehol" a person: the full name was the person's
            // (or typed a place or an organisation, when its first word is a given name: "Neera Tanden")
            let full_before = info.known.is_none()
                && etype == EntityType::Person
                && (e.etype == EntityType::Other
                    || matches!(e.etype, EntityType::Gpe | EntityType::Org)
                        && name_words(&e.name).first().is_some_and(|w| lex().given_names_any.contains(*w)))
                && words.len() == 1
                && !lex().given_names_any.contains(head.as_str())
                && {
                    let ew = name_words(&e.name);
                    ew.len() == 2
                        && same_name_word(ew[1], &head)
                        // (names, not common words)
                        && ew.iter().all(|w| !accord_lexicon::usually_lower(&accord_lexicon::lowercase(w)))
                };
            if full_before {
                mistyped_full_name = e.etype != EntityType::Other;
                return true;
            }
            if info.known.is_some() || e.etype != EntityType::Person {
                // ("Forbes says" after "Forbes magazine": a bare name the recogniser read as a person's,
                // with no title, honorific or given name, is the organisation of that name)
                let bare_person = etype == EntityType::Person
                    && e.etype == EntityType::Org
                    && words.len() == 1
                    && info.titles.is_empty()
                    && info.gender.is_none();
                return without_the(&e.name) == without_the(&canonical)
                    && (etype == e.etype || info.known.is_some() || etype == EntityType::Other || bare_person);
            }
            // (a place's name no gazetteer knows that is exactly a person's name is that person, named again
            // where nothing marked them: "Lorena (not her real name), an Angolan woman ... Lorena")
            let unlisted_place = etype == EntityType::Gpe && info.known.is_none() && e.name == canonical;
            if !(etype == EntityType::Person || etype == EntityType::Other || caps || unlisted_place) {
                return false;
            }
            let ew = core_words(&e.name);
            let cw = core_words(&head);
            // (a generational suffix keeps apart two full names: "Donald Trump Jr." is not "Donald J.
            // Trump", nor "Charles Elliott III" "Charles Elliott Jr.")
            let suffix = |name: &str| {
                let w = name_words(name);
                (w.len() > core_words(name).len()).then(|| w[w.len() - 1].trim_end_matches('.').to_string())
            };
            if cw.len() >= 2 && ew.len() >= 2 && suffix(&head) != suffix(&e.name) {
                return false;
            }
            match (cw.last(), ew.last()) {
                (Some(a), Some(b)) if same_name_word(a, b) => {
                    cw.len() == 1
                        || ew.len() == 1
                        || compatible_first(cw[0], ew[0])
                        // a surname of several words ("Van Voorhis", "de la Cruz") after the full name
                        || name_suffix(&cw, &ew)
                        || name_suffix(&ew, &cw)
                }
                _ => false,
            }
        });
        let mistyped_full_name = found.filter(|_| mistyped_full_name);
        // "The S.E.C." after "the Securities and Exchange Commission": an acronym joins the latest
        // organisation or other named thing whose name it abbreviates
        let found = found.or_else(|| {
            let letters: String = head.chars().filter(|c| *c != '.').collect();
            let acronym = words.len() == 1 && letters.len() >= 2 && letters.chars().all(|c| c.is_ascii_uppercase());
            if !acronym || etype == EntityType::Person || info.known.is_some() {
                return None;
            }
            entities.iter().rposition(|e| {
                matches!(e.etype, EntityType::Org | EntityType::Other) && name_words(&e.name).len() >= 2 && {
                    let full = e.name.strip_prefix("The ").unwrap_or(&e.name);
                    expands_acronym(full, &head)
                }
            })
        });
        // "Jordan" after "Jim Jordan": a one-word place name that is the surname of a person named before,
        // not after a preposition of place ("in Jordan")
        let before = doc.token_at_or_after(doc.mentions[m].span.start);
        let locative = before > 0
            && matches!(
                accord_lexicon::lowercase(doc.token_text(before - 1)).as_ref(),
                "in" | "to"
                    | "from"
                    | "of"
                    | "at"
                    | "for"
                    | "into"
                    | "across"
                    | "on"
                    | "with"
                    | "against"
                    | "about"
                    | "near"
            );
        let place = info.known.as_ref().is_some_and(|k| k.etype == EntityType::Gpe && !k.adjective);
        // ("Cuban said" after "Mark Cuban": a nationality that modifies no noun)
        let after = doc.token_at_or_after(doc.mentions[m].span.end);
        let nationality = info.known.as_ref().is_some_and(|k| k.etype == EntityType::Norp)
            && !head.ends_with('s')
            && (after >= doc.tokens.len()
                || !doc.tokens[after]
                    .analysis
                    .as_ref()
                    .is_some_and(|a| matches!(a.upos(), "NOUN" | "PROPN" | "ADJ" | "NUM")));
        let place = place || nationality;
        // ("Bloomberg" after "Michael R. Bloomberg": a one-word name typed an organisation)
        let organisation =
            etype == EntityType::Org && info.titles.is_empty() && doc.mentions[m].span == doc.mentions[m].head_span;
        let surname_of = (((place && !locative) || organisation) && words.len() == 1).then_some(()).and_then(|_| {
            entities.iter().rposition(|e| {
                e.etype == EntityType::Person && {
                    let ew = core_words(&e.name);
                    ew.len() >= 2 && ew.last().is_some_and(|l| same_name_word(l, &head))
                }
            })
        });
        // "Peabody" after "Peabody Energy": a one-word name that opens an organisation's name of two words
        let found = surname_of.or(found).or_else(|| {
            // (typed a person by the recogniser too: "Peabody kept its operations", but not with an
            // honorific or title, nor a given name)
            let short = words.len() == 1
                && info.known.is_none()
                && info.titles.is_empty()
                && doc.mentions[m].span == doc.mentions[m].head_span
                && !lex().given_names_any.contains(head.as_str());
            if !short {
                return None;
            }
            entities.iter().rposition(|e| {
                matches!(e.etype, EntityType::Org | EntityType::Other) && {
                    let ew = name_words(without_the(&e.name));
                    ew.len() == 2 && same_name_word(ew[0], &head)
                }
            })
        });
        // "Hillary" after "Hillary Clinton": a one-word given name that opens the name of exactly one person
        // named before
        let found = found.or_else(|| {
            // (a given name the lists lack too, "Zoe" after "Zoe Anderson", when the recogniser read it as a
            // person's: a capitalised word that is no common word)
            let given = words.len() == 1
                && info.known.is_none()
                && (lex().given_names_any.contains(head.as_str())
                    || (etype == EntityType::Person
                        && info.titles.is_empty()
                        && head.chars().next().is_some_and(char::is_uppercase)
                        && head.chars().any(char::is_lowercase)
                        // (not a plural: "Floridians")
                        && !head.ends_with('s')
                        && !accord_lexicon::usually_lower(&accord_lexicon::lowercase(&head))))
                && matches!(etype, EntityType::Person | EntityType::Other);
            if !given {
                return None;
            }
            only_one(entities.iter().enumerate().filter(|(_, e)| {
                e.etype == EntityType::Person && {
                    let ew = core_words(&e.name);
                    ew.len() >= 2 && same_name_word(ew[0], &head)
                }
            }))
        });
        // "Ms. Acosta" after "Melba Acosta Febo" (the first of two surnames), "Ban" after "Ban Ki-moon" (a
        // family name written before a hyphenated given name): the one person named so before
        let found = found.or_else(|| {
            if words.len() != 1 || info.known.is_some() || !matches!(etype, EntityType::Person | EntityType::Other) {
                return None;
            }
            let given = |w: &str| lex().given_names_any.contains(w);
            // ("Ki-moon", "Jong-un", "Jae-in")
            let hyphenated_given = |w: &str| {
                w.split_once('-').is_some_and(|(a, b)| {
                    a.len() >= 2
                        && a.starts_with(|c: char| c.is_uppercase())
                        && a.chars().skip(1).all(char::is_lowercase)
                        && !b.is_empty()
                        && b.chars().all(char::is_lowercase)
                })
            };
            only_one(entities.iter().enumerate().filter(|(_, e)| {
                e.etype == EntityType::Person && {
                    let ew = core_words(&e.name);
                    // (no common word: "The Rachel Maddow Show" names no Maddow)
                    let common = |w: &str| accord_lexicon::usually_lower(&accord_lexicon::lowercase(w));
                    (ew.len() == 3 && !given(ew[1]) && !ew.iter().any(|w| common(w)) && same_name_word(ew[1], &head))
                        || (ew.len() == 2 && same_name_word(ew[0], &head) && hyphenated_given(ew[1]))
                }
            }))
        });
        // "Elon Musk" after a headline's "Elon": a full name whose first word was the one-word name of exactly
        // one person before, whom no other full name opened
        let found = found.or_else(|| {
            if words.len() < 2
                || etype != EntityType::Person
                || accord_lexicon::usually_lower(&accord_lexicon::lowercase(words[0]))
            {
                return None;
            }
            // (not a given name sharing the surname of the name it is coordinated with: "Khizr and Ghazala
            // Khan", whose surname is not the only one)
            let coordinated = |e: &Entity| {
                e.mentions.iter().any(|&p| {
                    let k = doc.token_at_or_after(doc.mentions[p].span.end);
                    k < doc.tokens.len() && matches!(doc.token_text(k), "and" | "&")
                })
            };
            // one pass over the people whose name opens with that word
            let mut one_word = None;
            let mut several = false;
            for (i, e) in entities.iter().enumerate().filter(|(_, e)| e.etype == EntityType::Person) {
                let ew = core_words(&e.name);
                if !ew.first().is_some_and(|w| same_name_word(w, words[0])) {
                    continue;
                }
                if ew.len() >= 2 {
                    return None;
                }
                if !coordinated(e) {
                    several |= one_word.replace(i).is_some();
                }
            }
            one_word.filter(|_| !several)
        });
        // "the Times" after "The New York Times": an organisation's name that ends the name of exactly one
        // organisation named before
        let found = found.or_else(|| {
            let short = without_the(&head);
            let sw = name_words(short);
            if info.known.is_some() || etype != EntityType::Org || sw.is_empty() || lex().known.contains_key(short) {
                return None;
            }
            only_one(entities.iter().enumerate().filter(|(_, e)| {
                e.etype == EntityType::Org && {
                    let ew = name_words(without_the(&e.name));
                    ew.len() > sw.len() && ew[ew.len() - sw.len()..].iter().zip(&sw).all(|(a, b)| same_name_word(a, b))
                }
            }))
        });
        // "Microsoft" after "Microsoft Corp": the name of exactly one organisation named before, less the
        // company suffix it ends with
        let found = found.or_else(|| {
            let short = without_the(&head);
            let sw = name_words(short);
            if sw.is_empty() || !matches!(etype, EntityType::Org | EntityType::Other | EntityType::Person) {
                return None;
            }
            // (a person's name only as a single word the recogniser may have mistyped: "Amazon")
            if etype == EntityType::Person && (sw.len() > 1 || !info.titles.is_empty() || info.gender.is_some()) {
                return None;
            }
            // (or the full name after the short one: "Microsoft" ... "Microsoft Corp")
            let full =
                sw.len() >= 2 && etype != EntityType::Person && lex().corporate_suffixes.contains(sw[sw.len() - 1]);
            only_one(entities.iter().enumerate().filter(|(_, e)| {
                // (only these types can match: no words for the others)
                if !matches!(e.etype, EntityType::Org | EntityType::Other | EntityType::Person) {
                    return false;
                }
                let ew = name_words(without_the(&e.name));
                let (long, short) = if full { (&sw, &ew) } else { (&ew, &sw) };
                // (the short name first may have been typed anything but a place: "Velmora Foods moves ...")
                let typed = match e.etype {
                    EntityType::Org => true,
                    EntityType::Other => full,
                    EntityType::Person => {
                        full && e.titles.is_empty() && !ew.first().is_some_and(|w| lex().given_names_any.contains(*w))
                    }
                    _ => false,
                };
                typed
                    && long.len() == short.len() + 1
                    && lex().corporate_suffixes.contains(long[long.len() - 1])
                    && long.iter().zip(short.iter()).all(|(a, b)| same_name_word(a, b))
            }))
        });
        let e = match found {
            Some(e) => e,
            None => {
                firm_gender.push(None);
                entities.push(Entity {
                    etype,
                    name: canonical.clone(),
                    titles: Vec::new(),
                    affiliation: None,
                    mentions: Vec::new(),
                    gender: None,
                });
                index(&mut by_name, &mut by_last, entities.len() - 1, &canonical);
                entities.len() - 1
            }
        };
        let ent = &mut entities[e];
        // (a short form's type, often guessed, does not retype the entity)
        let short_form = found.is_some()
            && words.len() == 1
            && name_words(&ent.name).len() >= 2
            && info.known.is_none()
            && !name_words(&ent.name).last().is_some_and(|l| same_name_word(l, &head));
        if ent.etype == EntityType::Other && etype != EntityType::Other && !short_form {
            ent.etype = etype;
        }
        // ("Neera Tanden" read as a place, then "Tanden" a person: the full name was the person's)
        if mistyped_full_name == Some(e) {
            ent.etype = EntityType::Person;
        }
        // (a company's full name retypes the short name read as a person's: "Velmora Foods" ... "Velmora
        // Foods Corp")
        if ent.etype == EntityType::Person
            && etype == EntityType::Org
            && words.len() >= 2
            && words.last().is_some_and(|w| lex().corporate_suffixes.contains(*w))
        {
            ent.etype = EntityType::Org;
        }
        if surname_of.is_some() {
            doc.mentions[m].etype = Some(EntityType::Person);
        } else if let Some(k) = &info.known {
            // A country known only through adjectives stays NORP; a name mention makes it GPE.
            if !k.adjective && ent.etype == EntityType::Norp {
                ent.etype = k.etype;
            }
            if ent.affiliation.is_none() {
                ent.affiliation = k.affiliation.clone();
            }
        } else if name_words(&canonical).len() > name_words(&ent.name).len() {
            ent.name = canonical.clone();
            index(&mut by_name, &mut by_last, e, &canonical);
        }
        if ent.gender.is_none() {
            ent.gender = info.gender;
        }
        if firm_gender[e].is_none() && ent.etype == EntityType::Person {
            firm_gender[e] = firm;
        }
        for t in &info.titles {
            if !ent.titles.contains(t) {
                ent.titles.push(t.clone());
            }
        }
        ent.mentions.push(m);
        if let Some(&prev) = ent.mentions.iter().rev().nth(1) {
            antecedents[m] = Some(prev);
        }
        doc.mentions[m].entity = Some(e);
    }
    // Affiliation of people from the places and organisations named in their titles.
    let mut known_names: Vec<(&str, &str)> = Vec::new();
    for (m, info) in doc.mentions.iter().zip(infos) {
        if let Some(a) = info.known.as_ref().and_then(|k| k.affiliation.as_deref()) {
            let text = doc.slice(m.span);
            if !known_names.iter().any(|(t, _)| *t == text) {
                known_names.push((text, a));
            }
        }
    }
    for e in entities.iter_mut() {
        if e.etype != EntityType::Person || e.affiliation.is_some() {
            continue;
        }
        e.affiliation = e
            .titles
            .iter()
            .find_map(|t| known_names.iter().find(|(name, _)| contains_word(t, name)).map(|(_, a)| a.to_string()));
    }
    // An appositive owner ("US President Donald Trump’s nominee") gives the owner's country: look at the
    // known names between a person's mention and its appositive role.
    for entity in entities.iter_mut() {
        if entity.etype != EntityType::Person || entity.affiliation.is_some() {
            continue;
        }
        let first = entity.mentions[0];
        let sp = doc.mentions[first].span;
        let s = doc.mentions[first].sentence;
        let aff = doc.mentions[first + 1..]
            .iter()
            .zip(&infos[first + 1..])
            .take_while(|(m, _)| m.sentence == s)
            .filter(|(m, _)| {
                // only inside an appositive right after the name: ", US President Donald Trump’s nominee"
                m.sentence == s
                    && m.span.start > sp.end
                    && doc.text[sp.end..m.span.start].starts_with(", ")
                    && !doc.text[sp.end + 2..m.span.start].contains(',')
            })
            .find_map(|(_, i)| i.known.as_ref().and_then(|k| k.affiliation.clone()));
        if aff.is_some() && !entity.titles.is_empty() {
            entity.affiliation = aff;
        }
    }
    // "the Louvre declared ...": a one-word name written after "the" at least half the times it is named
    // is no person (no given name, no title), but an institution
    for entity in entities.iter_mut() {
        if entity.etype != EntityType::Person
            || entity.name.contains(' ')
            || lex().given_names_any.contains(entity.name.as_str())
            || lex().is_title(&entity.name)
        {
            continue;
        }
        let names: Vec<usize> =
            entity.mentions.iter().copied().filter(|&m| doc.mentions[m].kind == MentionKind::Name).collect();
        let after_the = names
            .iter()
            .filter(|&&m| {
                let k = doc.token_at_or_after(doc.mentions[m].span.start);
                k > 0 && doc.token_text(k - 1) == "the"
            })
            .count();
        if after_the >= 1 && after_the * 2 >= names.len() {
            entity.etype = EntityType::Org;
            entity.gender = None;
            for &m in &names {
                doc.mentions[m].etype = Some(EntityType::Org);
            }
        }
    }
    // Mentions inside quotation marks are not antecedents for a pronoun outside them ("thank God,” she said).
    let depth = quote_depth(doc);
    let quoted: Vec<bool> =
        doc.mentions.iter().map(|m| depth.get(doc.token_at_or_after(m.span.start)).copied().unwrap_or(false)).collect();
    // the places the document names, for roles placed somewhere ("the Ohio governor")
    let mut place_names: Vec<String> = doc
        .mentions
        .iter()
        .filter(|c| c.kind == MentionKind::Name && c.etype == Some(EntityType::Gpe))
        .map(|c| accord_lexicon::lowercase(doc.slice(c.span)).into_owned())
        .collect();
    place_names.sort_unstable();
    place_names.dedup();
    // 2. Pronouns and definite nominals, in text order.
    for m in 0..n {
        let kind = doc.mentions[m].kind;
        let info = &infos[m];
        if info.in_credit {
            continue;
        }
        // "Mr. Regalado, a former broadcast journalist, intends ...": an unnamed role in apposition to a
        // person's name is that person
        if kind == MentionKind::Nominal && !info.plural {
            if let Some(p) = apposed_person(doc, infos, &entities, m) {
                link(doc, &mut entities, &mut antecedents, m, p);
                continue;
            }
        }
        match kind {
            MentionKind::Pronoun if info.plural || info.gender == Some('n') => {
                // "it" and "they": the nearest organisation, place or nationality named in the last sentences
                if let Some(best) = best_other(doc, infos, &entities, m, &quoted) {
                    link(doc, &mut entities, &mut antecedents, m, best);
                }
            }
            MentionKind::Pronoun => {
                // "Podliska himself asked ...": a reflexive right after a name stresses that name
                let reflexive_of = m.checked_sub(1).filter(|&p| {
                    let (c, r) = (&doc.mentions[p], &doc.mentions[m]);
                    let said = doc.slice(r.span);
                    said.get(said.len().saturating_sub(4)..).is_some_and(|x| x.eq_ignore_ascii_case("self"))
                        && c.kind == MentionKind::Name
                        && c.entity.is_some_and(|e| entities[e].etype == EntityType::Person)
                        && doc.token_at_or_after(c.span.end) == doc.token_at_or_after(r.span.start)
                });
                let best = reflexive_of
                    .or_else(|| forward_subject(doc, infos, &entities, m, &quoted))
                    .or_else(|| fronted_clause_subject(doc, infos, &entities, m, &quoted))
                    .or_else(|| best_person(doc, infos, &entities, m, &quoted));
                if let Some(best) = best {
                    let e = link(doc, &mut entities, &mut antecedents, m, best);
                    if entities[e].gender.is_none() {
                        entities[e].gender = info.gender;
                    }
                }
            }
            MentionKind::Nominal if info.definite && !info.plural => {
                // "Andrew Roe is the director of ...": the predicate of a copula is its named subject
                if let Some(p) = copula_subject(doc, &entities, m) {
                    let e = link(doc, &mut entities, &mut antecedents, m, p);
                    if entities[e].etype == EntityType::Person {
                        add_description(doc, m, &mut entities[e]);
                    }
                    continue;
                }
                let noun = info.head_noun.as_deref().unwrap_or("");
                // "the Clinton team", "the Sanders camp": a person's own office, no other organisation
                let head_start = doc.mentions[m].head_span.start;
                let owned = accord_lexicon::attribution::words().surname_offices.contains(&noun)
                    && doc.mentions[m + 1..].iter().take_while(|c| c.span.start < head_start).any(|c| {
                        c.kind == MentionKind::Name
                            && c.span.end + 1 == head_start
                            && c.entity.is_some_and(|e| entities[e].etype == EntityType::Person)
                    });
                if owned {
                    continue;
                }
                let etype = doc.mentions[m].etype.unwrap_or(EntityType::Person);
                // ("the French president" is no president of another country, "the Democratic nominee" no
                // one titled a Republican)
                let sides = nationality_sides(doc, infos, m);
                let parties_in = |text: &str| -> Vec<&String> {
                    text.split(|c: char| !c.is_alphanumeric()).filter_map(|w| lex().party_words.get(w)).collect()
                };
                let own_party = parties_in(doc.slice(doc.mentions[m].span));
                let other_party = |e: usize, entities: &[Entity]| {
                    !own_party.is_empty() && {
                        let theirs: Vec<&String> = entities[e].titles.iter().flat_map(|t| parties_in(t)).collect();
                        !theirs.is_empty() && !theirs.iter().any(|p| own_party.contains(p))
                    }
                };
                // (nor is an earlier nominal of the same noun that went to such a person its antecedent)
                // (nor one with another nationality, or that went to another country's: "the Afghan capital"
                // after "the German capital")
                // (nor one placed elsewhere: "The Ohio governor" after "the former Florida governor")
                let places = places_in(doc, m);
                let same_head = (m.saturating_sub(400)..m).rev().find(|&p| {
                    doc.mentions[p].kind == MentionKind::Nominal
                        && infos[p].head_noun.as_deref() == Some(noun)
                        && !infos[p].plural
                        && (places.is_empty() || {
                            let theirs = places_in(doc, p);
                            theirs.is_empty() || theirs.iter().any(|t| places.contains(t))
                        })
                        && (sides.is_empty() || {
                            let theirs = nationality_sides(doc, infos, p);
                            theirs.is_empty() || theirs.iter().any(|t| sides.contains(t))
                        })
                        && !doc.mentions[p].entity.is_some_and(|e| {
                            (entities[e].etype == EntityType::Person && other_party(e, &entities))
                                || entities[e]
                                    .affiliation
                                    .as_deref()
                                    .is_some_and(|a| !sides.is_empty() && !sides.contains(&a))
                        })
                });
                // an earlier "the mayor" that found no one does not stop the search for the person
                // titled so
                let titled = |p: usize, entities: &[Entity]| {
                    doc.mentions[p].entity.is_some_and(|e| {
                        entities[e].etype == EntityType::Person
                            && entities[e].titles.iter().any(|t| title_has(&accord_lexicon::lowercase(t), noun))
                            && !placed_elsewhere(&entities[e], noun, &places, &place_names)
                            && sides.iter().all(|s| entities[e].affiliation.as_deref() == Some(*s))
                            && !other_party(e, entities)
                    })
                };
                // "A Western diplomat said ... the source said": a generic source noun with no earlier mention
                // of its own is the latest unnamed singular source, as a subject, of the last sentences
                if same_head.is_none() && accord_lexicon::attribution::words().generic_sources.contains(&noun) {
                    let s0 = doc.mentions[m].sentence;
                    let earlier = (0..m).rev().take_while(|&p| doc.mentions[p].sentence + 6 >= s0).find(|&p| {
                        doc.mentions[p].kind == MentionKind::Nominal
                            && !infos[p].plural
                            && doc
                                .tokens
                                .get(doc.token_at_or_after(doc.mentions[p].head_span.start))
                                .and_then(|t| t.analysis.as_ref())
                                .is_some_and(|x| x.deprel().starts_with("nsubj"))
                            && !quoted[p]
                            && doc.mentions[p].entity.is_none()
                            && infos[p].head_noun.as_deref().is_some_and(|h| lex().source_nouns.contains_key(h))
                    });
                    if let Some(p) = earlier {
                        antecedents[m] = Some(p);
                        continue;
                    }
                }
                // (the person whose title holds the role's capitalised words too, before the latest one
                // titled with its noun alone: "The International Trade Secretary" after "International
                // Trade Secretary Liz Truss" and "Ex-Environment Secretary Theresa Villiers")
                let modifiers: Vec<String> = doc
                    .slice(doc.mentions[m].span)
                    .split(' ')
                    .skip(1)
                    .filter(|w| w.starts_with(char::is_uppercase))
                    .map(|w| accord_lexicon::lowercase(w).into_owned())
                    .filter(|w| w != noun)
                    .collect();
                let pick_titled = |entities: &[Entity]| {
                    let window = || (m.saturating_sub(400)..m).rev();
                    window()
                        .filter(|_| !modifiers.is_empty())
                        .find(|&p| {
                            titled(p, entities)
                                && doc.mentions[p].entity.is_some_and(|e| {
                                    entities[e].titles.iter().any(|t| {
                                        let t = accord_lexicon::lowercase(t);
                                        modifiers.iter().all(|w| contains_word(&t, w))
                                    })
                                })
                        })
                        // (a role placed somewhere no title here holds is rather the person the sentence
                        // before was about than one titled with its noun alone: "Marco Rubio ... stressed
                        // defense issues during an appearance with Sen. Joni Ernst, R-Iowa. The Florida senator
                        // told reporters")
                        .or_else(|| {
                            (!places.is_empty()).then(|| previous_subject(doc, infos, entities, m, &quoted)).flatten()
                        })
                        .or_else(|| window().find(|&p| titled(p, entities)))
                };
                // "Texas Sen. Ted Cruz says ... During a campaign stop, the Republican presidential candidate
                // repeated": an epithet as its sentence's subject right after a sentence whose subject is a
                // named person is that person, before a nominal of its noun further back or anyone else
                // titled with it
                if etype == EntityType::Person {
                    let anyone_titled = || (m.saturating_sub(400)..m).any(|p| titled(p, &entities));
                    let theirs = |e: usize, entities: &[Entity]| -> Vec<&String> {
                        entities[e].titles.iter().flat_map(|t| parties_in(t)).collect()
                    };
                    let epithet = epithet_subject(doc, infos, &entities, m, &quoted, noun, &anyone_titled)
                        .filter(|_| same_head.is_none_or(|p| doc.mentions[p].sentence + 2 < doc.mentions[m].sentence))
                        .filter(|&p| {
                            let e = doc.mentions[p].entity.expect("a named person has an entity");
                            // (a party in the epithet is the person's, or, where the text gives the person
                            // none, no one else's in the last two sentences)
                            let party = theirs(e, &entities);
                            let s0 = doc.mentions[m].sentence;
                            let party_fits = own_party.is_empty()
                                || party.iter().any(|x| own_party.contains(x))
                                || party.is_empty()
                                    && !(0..m).rev().take_while(|&q| doc.mentions[q].sentence + 2 >= s0).any(|q| {
                                        doc.mentions[q].entity.is_some_and(|f| {
                                            f != e
                                                && entities[f].etype == EntityType::Person
                                                && theirs(f, &entities).iter().any(|x| own_party.contains(x))
                                        })
                                    });
                            party_fits
                                && sides.iter().all(|s| entities[e].affiliation.as_deref() == Some(*s))
                                && !placed_elsewhere(&entities[e], noun, &places, &place_names)
                        });
                    if let Some(p) = epithet {
                        let e = link(doc, &mut entities, &mut antecedents, m, p);
                        add_description(doc, m, &mut entities[e]);
                        continue;
                    }
                }
                let unresolved_same = same_head.filter(|&p| doc.mentions[p].entity.is_none());
                let titled_person = if unresolved_same.is_some() && etype == EntityType::Person {
                    pick_titled(&entities)
                } else {
                    None
                };
                // an earlier "the party" that found no organisation does not stop the search for one named
                // since (for the nouns that name only organisations named with them: "the government" that
                // found none stays unresolved)
                let named_since = same_head
                    .filter(|&p| {
                        etype != EntityType::Person
                            && doc.mentions[p].entity.is_none()
                            && lex().referring_only_marked.contains(noun)
                    })
                    .and_then(|_| named_referent(doc, infos, &entities, m, etype, noun, &quoted));
                if let Some(p) = titled_person {
                    let e = link(doc, &mut entities, &mut antecedents, m, p);
                    add_description(doc, m, &mut entities[e]);
                } else if let Some(p) = same_head.filter(|_| named_since.is_none()) {
                    antecedents[m] = Some(p);
                    doc.mentions[m].entity = doc.mentions[p].entity;
                    if let Some(e) = doc.mentions[p].entity {
                        entities[e].mentions.push(m);
                    }
                } else if etype != EntityType::Person {
                    if let Some(p) =
                        named_since.or_else(|| named_referent(doc, infos, &entities, m, etype, noun, &quoted))
                    {
                        link(doc, &mut entities, &mut antecedents, m, p);
                    }
                } else if let Some(p) =
                    pick_titled(&entities).or_else(|| named_next(doc, infos, &entities, m, &quoted)).or_else(|| {
                        previous_subject(doc, infos, &entities, m, &quoted)
                            .filter(|&p| doc.mentions[p].entity.is_none_or(|e| !other_party(e, &entities)))
                    })
                {
                    let e = link(doc, &mut entities, &mut antecedents, m, p);
                    add_description(doc, m, &mut entities[e]);
                }
            }
            _ => {}
        }
    }
    for e in entities.iter_mut() {
        e.mentions.sort_by_key(|&m| doc.mentions[m].span.start);
    }
    // "The United Nations Security Council" written out: an acronym's full name is the canonical one
    for ent in &mut entities {
        let full = ent
            .mentions
            .iter()
            .filter(|&&m| doc.mentions[m].kind == MentionKind::Name)
            .map(|&m| {
                let h = doc.slice(doc.mentions[m].head_span);
                h.strip_prefix("The ").or_else(|| h.strip_prefix("the ")).unwrap_or(h)
            })
            .find(|w| expands_acronym(w, &ent.name))
            .map(str::to_string);
        if let Some(full) = full {
            ent.name = full;
        }
    }
    // "RT" with "Russia Today" written once, "VA" with "the Department of Veterans Affairs": an acronym
    // no mention of its own spells out takes the run of capitalised words of the article that it
    // abbreviates (a leading "Department of" may go unabbreviated)
    let mut runs: Option<Vec<String>> = None;
    for ent in &mut entities {
        let letters: String = ent.name.chars().filter(|c| *c != '.').collect();
        let acronym = !ent.name.contains(' ')
            && letters.len() >= 2
            && letters.chars().all(|c| c.is_ascii_uppercase())
            && matches!(ent.etype, EntityType::Org | EntityType::Other);
        if !acronym {
            continue;
        }
        let runs = runs.get_or_insert_with(|| capitalised_runs(doc));
        let full = runs.iter().find_map(|r| {
            let ws = name_words(r);
            // two letters ask for exactly two words, as rare pairs would match by chance otherwise
            let exact = |w: &[&str]| letters.len() > 2 || w.len() == 2;
            if exact(&ws) && expands_acronym(r, &ent.name) {
                return Some(r.clone());
            }
            let of = ws.iter().position(|w| *w == "of").filter(|&i| i == 1 && lex().org_words.contains(ws[0]))?;
            let rest = ws[of + 1..].join(" ");
            (exact(&ws[of + 1..]) && expands_acronym(&rest, &ent.name)).then(|| r.clone())
        });
        if let Some(full) = full {
            ent.name = full;
        }
    }
    party_affiliations(doc, &mut entities);
    doc.entities = entities;
    doc.antecedents = antecedents;
}

/// "Dario Velasquez lost the vote. The former mayor said ...": a definite role no one in the story holds,
/// as its sentence's subject, names the person who was the subject of the sentence before and holds no
/// other role in the story (an epithet: news text varies how it names its people).
fn previous_subject(doc: &Doc, infos: &[MentionInfo], entities: &[Entity], m: usize, quoted: &[bool]) -> Option<usize> {
    let s = doc.mentions[m].sentence;
    if s == 0 || !infos[m].subject || quoted[m] {
        return None;
    }
    let p = (0..m)
        .rev()
        .take_while(|&p| doc.mentions[p].sentence + 1 >= s)
        .find(|&p| doc.mentions[p].sentence + 1 == s && infos[p].subject)?;
    let c = &doc.mentions[p];
    // (a person the story gave another role is not this one: "Sen. Bernie Sanders ... The former secretary
    // of state")
    // (nor one named inside a quotation: "who has God anointed?” ¶ The Christian leader ...")
    (c.kind == MentionKind::Name
        && !quoted[p]
        && c.entity.is_some_and(|e| entities[e].etype == EntityType::Person && entities[e].titles.is_empty()))
    .then_some(p)
}

/// Roles that are no office: a person who holds another office may be called by them ("Sen. Ted Cruz ...
/// the candidate").
const NO_OFFICE: &[&str] = &["candidate", "nominee", "front-runner", "frontrunner", "hopeful", "contender"];

/// The named person an epithet refers to: `m`, a definite singular nominal that is its sentence's subject
/// ("the billionaire businessman", "the Republican presidential candidate"), after a sentence whose subject
/// is a person's name. An office the person is not titled with, other than a race's role ("candidate",
/// "nominee"), is someone else's when the person has another title ("Sen. Bernie Sanders ... The former
/// secretary of state") or someone in the story holds it (`anyone_titled`); so is a noun of the other
/// gender ("the actress" after a man).
fn epithet_subject(
    doc: &Doc,
    infos: &[MentionInfo],
    entities: &[Entity],
    m: usize,
    quoted: &[bool],
    noun: &str,
    anyone_titled: &dyn Fn() -> bool,
) -> Option<usize> {
    let s = doc.mentions[m].sentence;
    let info = &infos[m];
    if s == 0 || !info.definite || info.plural || quoted[m] || noun.is_empty() {
        return None;
    }
    // the subject of a sentence's main clause, as the parse reads it (through the words a name hangs on:
    // "Texas Sen. Ted Cruz says", where "Sen." heads the phrase)
    let main_subject = |mut k: usize| {
        for _ in 0..3 {
            match doc.tokens.get(k).and_then(|t| t.analysis.as_ref()) {
                Some(a)
                    if matches!(a.deprel(), "flat" | "compound" | "nmod:desc")
                        && a.head().is_some_and(|h| h + 4 > k) =>
                {
                    k = a.head().unwrap()
                }
                _ => break,
            }
        }
        crate::mentions::main_clause_subject(doc, k)
    };
    if !main_subject(doc.token_at_or_after(doc.mentions[m].head_span.start)) {
        return None;
    }
    let p = (0..m).rev().take_while(|&p| doc.mentions[p].sentence + 1 >= s).find(|&p| {
        let c = &doc.mentions[p];
        c.sentence + 1 == s && c.kind == MentionKind::Name && main_subject(doc.token_at_or_after(c.head_span.start))
    })?;
    let c = &doc.mentions[p];
    let e =
        c.entity.filter(|&e| c.kind == MentionKind::Name && !quoted[p] && entities[e].etype == EntityType::Person)?;
    let ent = &entities[e];
    // an office (not a race's role) is the person's own, or the person has no other title and no one else
    // in the story holds it; a description ("the billionaire businessman") may go with any title
    let office = lex().titles.contains(noun) && !accord_lexicon::names::is_title_modifier(noun);
    if office
        && !NO_OFFICE.contains(&noun)
        && !ent.titles.iter().any(|t| title_has(&accord_lexicon::lowercase(t), noun))
        && (!ent.titles.is_empty() || anyone_titled())
    {
        return None;
    }
    let gender = lex().gendered_nouns.get(noun).copied();
    if gender.is_some_and(|g| ent.gender.is_some_and(|h| h != g && h != 'n')) {
        return None;
    }
    Some(p)
}

/// Puts mention `m` into the entity of its antecedent `p` (a mention that has one) and returns that entity.
fn link(doc: &mut Doc, entities: &mut [Entity], antecedents: &mut [Option<usize>], m: usize, p: usize) -> usize {
    let e = doc.mentions[p].entity.expect("an antecedent has an entity");
    doc.mentions[m].entity = Some(e);
    antecedents[m] = Some(p);
    entities[e].mentions.push(m);
    e
}

/// The maximal runs of capitalised words of each sentence (with "of", "and", "for" and "&" inside), as text.
fn capitalised_runs(doc: &Doc) -> Vec<String> {
    let cap = |k: usize| {
        doc.tokens[k].kind == accord_doc::TokenKind::Word && doc.token_text(k).starts_with(char::is_uppercase)
    };
    let mut out = Vec::new();
    for s in &doc.sentences {
        let mut k = s.tokens.start;
        while k < s.tokens.end {
            if !cap(k) {
                k += 1;
                continue;
            }
            let mut e = k + 1;
            loop {
                if e < s.tokens.end && cap(e) {
                    e += 1;
                } else if e + 1 < s.tokens.end && matches!(doc.token_text(e), "of" | "and" | "for" | "&") && cap(e + 1)
                {
                    e += 2;
                } else {
                    break;
                }
            }
            if e > k + 1 {
                let text = doc.slice(accord_doc::Span::new(doc.tokens[k].span.start, doc.tokens[e - 1].span.end));
                out.push(without_the(text).to_string());
            }
            k = e;
        }
    }
    out
}

/// For each token: true when it lies between an opening and a closing quotation mark of its paragraph.
fn quote_depth(doc: &Doc) -> Vec<bool> {
    let mut out = Vec::with_capacity(doc.tokens.len());
    let mut open = false;
    let mut par = usize::MAX;
    for t in &doc.tokens {
        let p = doc.sentences.get(t.sentence).map_or(0, |s| s.paragraph);
        if p != par {
            par = p;
            open = false;
        }
        match t.kind {
            accord_doc::TokenKind::OpenQuote => {
                open = true;
                out.push(true);
            }
            accord_doc::TokenKind::CloseQuote => {
                out.push(open);
                open = false;
            }
            _ => out.push(open),
        }
    }
    out
}

/// True when the title (lower case) names the role `noun`, abbreviations written out ("Sen." is a
/// senator, "Rep." a congressman).
/// True when `title` (lower case) names the role `noun` ("sen. x" a "senator", "white house press secretary"
/// a "secretary").
pub fn title_has(title: &str, noun: &str) -> bool {
    if contains_word(title, noun) {
        return true;
    }
    let abbreviations: &[(&str, &[&str])] = &[
        ("sen.", &["senator"]),
        ("rep.", &["congressman", "congresswoman", "representative", "lawmaker"]),
        ("gov.", &["governor"]),
        ("gen.", &["general"]),
        ("sec.", &["secretary"]),
        ("sen", &["senator"]),
        ("rep", &["congressman", "congresswoman", "representative", "lawmaker"]),
        ("gov", &["governor"]),
        ("senator", &["lawmaker"]),
    ];
    abbreviations.iter().any(|(a, nouns)| nouns.contains(&noun) && contains_word(title, a))
}

/// A party named in a person's titles ("Republican leader", "Labour MP") or in a party tag after one of
/// the person's mentions ("Sen. Jane Roe (R-Ohio)") is the person's affiliation, in place of a country
/// (from "Senate Minority Leader") but not of an organisation. Runs last: definite descriptions add roles.
fn party_affiliations(doc: &Doc, entities: &mut [Entity]) {
    let lex = lex();
    for e in entities.iter_mut() {
        if e.etype != EntityType::Person
            || e.affiliation.as_deref().is_some_and(|a| lex.known_name(a).is_none_or(|k| k.etype != EntityType::Gpe))
        {
            continue;
        }
        let from_titles = e.titles.iter().find_map(|t| t.split(' ').find_map(|w| lex.party_words.get(w)));
        let from_tag = || {
            e.mentions.iter().find_map(|&m| {
                let rest = &doc.text[doc.mentions[m].span.end..];
                let (after, ends) = match rest.strip_prefix(" (") {
                    Some(a) => (a, &['-', '–', ')'][..]),
                    None => (rest.strip_prefix(", ")?, &['-', '–'][..]),
                };
                let end = after.find(ends)?;
                lex.party_tags.get(&after[..end]).filter(|p| !p.is_empty())
            })
        };
        if let Some(p) = from_titles.or_else(from_tag) {
            e.affiliation = Some(p.clone());
        }
    }
}

fn contains_word(haystack: &str, word: &str) -> bool {
    haystack.match_indices(word).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The earlier mention, within `window` sentences before mention `m`, that `score` rates highest (`None`:
/// no candidate; ties go to the nearer). Only mentions of an entity that end before `m` count, and a
/// mention inside quotation marks only for a mention inside them too. With `per_entity`, each entity is
/// rated at its latest candidate mention only.
fn best_earlier(
    doc: &Doc,
    m: usize,
    window: usize,
    quoted: &[bool],
    per_entity: bool,
    mut score: impl FnMut(usize, usize) -> Option<f32>,
) -> Option<usize> {
    let pm = &doc.mentions[m];
    let mut best: Option<(f32, usize)> = None;
    // looked up only (FNV: no SipHash per candidate)
    let mut seen: std::collections::HashSet<usize, std::hash::BuildHasherDefault<accord_doc::hash::FnvHasher>> =
        Default::default();
    for p in (0..m).rev() {
        let c = &doc.mentions[p];
        if pm.sentence.saturating_sub(c.sentence) > window {
            break;
        }
        let Some(e) = c.entity else { continue };
        if c.span.end > pm.span.start || (quoted[p] && !quoted[m]) {
            continue;
        }
        let Some(sc) = score(p, e) else { continue };
        if per_entity && !seen.insert(e) {
            continue;
        }
        if best.is_none_or(|(s, _)| sc > s) {
            best = Some((sc, p));
        }
    }
    best.map(|(_, p)| p)
}

/// The earlier organisation, place or nationality mention that "it" or "they" most likely refers to, in
/// the last four sentences (GUM train news and interviews: two 0.698, four 0.719, six 0.730 pronoun accuracy,
/// while MUC precision on GUM dev falls 0.634, 0.620, 0.606: four keeps most of the gain).
fn best_other(doc: &Doc, infos: &[MentionInfo], entities: &[Entity], m: usize, quoted: &[bool]) -> Option<usize> {
    let pm = &doc.mentions[m];
    let best = best_earlier(doc, m, 4, quoted, false, |p, e| {
        let c = &doc.mentions[p];
        if c.kind != MentionKind::Name || infos[p].in_credit {
            return None;
        }
        // (a person's home, "Senator Bernie Sanders of Vermont", is no antecedent)
        let k = doc.token_at_or_after(c.span.start);
        if k >= 2
            && doc.token_text(k - 1) == "of"
            && p > 0
            && doc.mentions[p - 1].span.end == doc.tokens[k - 2].span.end
            && doc.mentions[p - 1].entity.is_some_and(|pe| entities[pe].etype == EntityType::Person)
        {
            return None;
        }
        let ok = match entities[e].etype {
            EntityType::Org => true,
            EntityType::Gpe => true,
            EntityType::Norp => infos[m].plural,
            // other named things (a website, a product, a work, an event) are "it"
            EntityType::Other => !infos[m].plural,
            _ => false,
        };
        if !ok {
            return None;
        }
        let mut score = -((pm.sentence - c.sentence) as f32);
        if infos[p].subject {
            score += 0.5;
        }
        if entities[e].etype == EntityType::Org {
            score += 0.25;
        }
        // a possessor inside another noun phrase ("Australia's Commonwealth Bank said it ...") is less
        // salient than the phrase's head for "it"
        let after = doc.token_at_or_after(c.span.end);
        if !infos[m].plural
            && after < doc.tokens.len()
            && doc.token_norm(after) == "'s"
            && doc.tokens[after].span.start == c.span.end
        {
            score -= 1.0;
        }
        Some(score)
    })?;
    // "Prosecutors said ... They cited", "Rubio and Bush have ties to Miami. They also ...": a plural
    // subject that is no name (a common noun, or names joined by "and"), in the pronoun's sentence or the
    // one before, is what "they" refers to, not an organisation or place named before it or outside the
    // subjects (a plural name, "the Sams", "Americans", may be the same people)
    let head = doc.slice(doc.mentions[best].head_span);
    let plural_name = entities[doc.mentions[best].entity.unwrap_or_default()].etype == EntityType::Norp
        || (head.ends_with('s') && !head.ends_with("ss"));
    if infos[m].plural && !plural_name {
        let bt = doc.token_at_or_after(doc.mentions[best].head_span.end.saturating_sub(1));
        let rel = |k: usize| doc.tokens[k].analysis.as_ref().map_or("", |a| a.deprel());
        let up = |k: usize| doc.tokens[k].analysis.as_ref().and_then(|a| a.head());
        // the candidate is a subject itself, or one of coordinated subjects ("Ubisoft, Microsoft and Sony")
        let mut climb = bt;
        for _ in 0..3 {
            match up(climb) {
                Some(h) if matches!(rel(climb), "flat" | "compound" | "conj") => climb = h,
                _ => break,
            }
        }
        let coordinated_with = (climb != bt).then_some(climb);
        let in_subject = rel(bt).starts_with("nsubj") || coordinated_with.is_some_and(|h| rel(h).starts_with("nsubj"));
        let subject_from = if infos[best].subject || in_subject { doc.mentions[best].span.end } else { 0 };
        let first = doc.sentences[pm.sentence.saturating_sub(1)].tokens.start;
        let here = doc.token_at_or_after(pm.span.start);
        let plural_subject = (first..here).any(|k| {
            let Some(a) = doc.tokens[k].analysis.as_ref() else { return false };
            let coordinated = || {
                a.upos() == "PROPN"
                    && (k + 1..here.min(k + 12)).any(|j| {
                        doc.tokens[j].analysis.as_ref().is_some_and(|b| b.deprel() == "conj" && b.head() == Some(k))
                    })
            };
            k != bt
                && Some(k) != coordinated_with
                && doc.tokens[k].span.start >= subject_from
                && a.deprel().starts_with("nsubj")
                && (a.xpos() == "NNS" || coordinated())
        });
        if plural_subject {
            return None;
        }
    }
    Some(best)
}

/// The places named inside a nominal before its head, lower-cased ("the Ohio governor" → `ohio`).
fn places_in(doc: &Doc, m: usize) -> Vec<String> {
    let pm = &doc.mentions[m];
    let within = doc.mentions.partition_point(|c| c.span.start < pm.span.start)
        ..doc.mentions.partition_point(|c| c.span.start <= pm.head_span.start);
    within
        .filter(|&p| {
            let c = &doc.mentions[p];
            p != m
                && c.kind == MentionKind::Name
                && c.etype == Some(EntityType::Gpe)
                && c.span.start >= pm.span.start
                && c.span.end <= pm.head_span.start
        })
        .map(|p| accord_lexicon::lowercase(doc.slice(doc.mentions[p].span)).into_owned())
        .collect()
}

/// Whether a person is titled with `noun` for another place than any of `places` and never for one of
/// them ("former Florida governor" is no "Ohio governor"); `place_names` are the document's place names,
/// lower-cased.
fn placed_elsewhere(entity: &Entity, noun: &str, places: &[String], place_names: &[String]) -> bool {
    if places.is_empty() {
        return false;
    }
    let titles: Vec<String> = entity
        .titles
        .iter()
        .map(|t| accord_lexicon::lowercase(t).into_owned())
        .filter(|t| title_has(t, noun))
        .collect();
    !titles.iter().any(|t| places.iter().any(|p| contains_word(t, p)))
        && titles.iter().any(|t| place_names.iter().any(|p| !places.contains(p) && contains_word(t, p)))
}

/// The countries of the nationality words inside nominal `m` before its head ("the Brazilian team":
/// Brazil).
fn nationality_sides<'a>(doc: &Doc, infos: &'a [MentionInfo], m: usize) -> Vec<&'a str> {
    let pm = &doc.mentions[m];
    let within = doc.mentions.partition_point(|c| c.span.start < pm.span.start)
        ..doc.mentions.partition_point(|c| c.span.start <= pm.head_span.start);
    within
        .filter(|&p| {
            p != m && doc.mentions[p].span.start >= pm.span.start && doc.mentions[p].span.end <= pm.head_span.start
        })
        .filter_map(|p| infos[p].known.as_ref().filter(|k| k.adjective).and_then(|k| k.affiliation.as_deref()))
        .collect()
}

/// The name a definite nominal of type `etype` refers to ("the group" → Hamas): a name of that type inside
/// it ("the Scientology organization"), else the most salient name of that type in the last five sentences
/// (near, named often, and named with the noun: "the Church" → the Church of Scientology). A place noun
/// may ask for a country or for a place that is not one (`country`); a nationality word in the phrase
/// must be the referent's ("the Palestinian group" → Hamas, not "the Brazilian team" → a union).
fn named_referent(
    doc: &Doc,
    infos: &[MentionInfo],
    entities: &[Entity],
    m: usize,
    etype: EntityType,
    noun: &str,
    quoted: &[bool],
) -> Option<usize> {
    let pm = &doc.mentions[m];
    let country = crate::lexicon::Lexicons::get().referring_nouns.get(noun).and_then(|t| t.1);
    // the mentions that can lie inside the phrase: those that start in it (mentions are sorted by start)
    let within = doc.mentions.partition_point(|c| c.span.start < pm.span.start)
        ..doc.mentions.partition_point(|c| c.span.start <= pm.head_span.start);
    // nationality words inside the phrase ("Brazilian"): their country
    let sides = nationality_sides(doc, infos, m);
    let fits = |e: usize| {
        let ent = &entities[e];
        let is_country = ent.affiliation.as_deref() == Some(ent.name.as_str());
        country.is_none_or(|c| c == is_country) && sides.iter().all(|s| ent.affiliation.as_deref() == Some(*s))
    };
    let inside = within.clone().find(|&p| {
        let c = &doc.mentions[p];
        p != m
            && c.kind == MentionKind::Name
            && c.span.start >= pm.span.start
            && c.span.end <= pm.head_span.start
            && c.entity.is_some_and(|e| entities[e].etype == etype)
    });
    if inside.is_some() {
        return inside;
    }
    // a news agency ("told The Associated Press") is what only an outlet's noun refers to ("the network",
    // "the newspaper": nouns whose marking words include "News"), not "the union" or "the group"
    let lex = crate::lexicon::Lexicons::get();
    let outlet_noun = lex.referring_name_words.get(noun).is_some_and(|ws| ws.iter().any(|w| w == "News"));
    let agency = |e: usize| {
        let name = &entities[e].name;
        let bare = name.strip_prefix("The ").unwrap_or(name);
        lex.agencies.contains_key(bare) || lex.agencies.values().any(|full| full == bare)
    };
    // the most salient candidate: near, often named, and named with the noun
    let mut written: Vec<(usize, bool)> = Vec::new();
    best_earlier(doc, m, 5, quoted, true, |p, e| {
        let c = &doc.mentions[p];
        if c.kind != MentionKind::Name || entities[e].etype != etype || !fits(e) || (!outlet_noun && agency(e)) {
            return None;
        }
        let mut score = -((pm.sentence - c.sentence) as f32) + 0.5 * (entities[e].mentions.len() as f32).min(6.0);
        // named with the noun, or with a word that marks that kind of organisation ("the union": Workers);
        // some nouns name nothing else ("the party", "the department")
        let signals = lex.referring_name_words.get(noun);
        // (or written with it: "Family Circle magazine", "the Doha summit")
        // (once per entity: the score is asked for each of its mentions in the window)
        let mut written_with = || match written.iter().find(|(x, _)| *x == e) {
            Some(&(_, w)) => w,
            None => {
                let w = entities[e].mentions.iter().any(|&q| {
                    let k = doc.token_at_or_after(doc.mentions[q].span.end);
                    doc.mentions[q].kind == MentionKind::Name
                        && k < doc.tokens.len()
                        && doc.mentions[q].span.end < pm.span.start
                        && doc.token_text(k).eq_ignore_ascii_case(noun)
                });
                written.push((e, w));
                w
            }
        };
        if contains_word(&entities[e].name.to_lowercase(), noun)
            || signals.is_some_and(|ws| ws.iter().any(|w| contains_word(&entities[e].name, w)))
            || written_with()
        {
            score += 3.0;
        } else if lex.referring_only_marked.contains(noun) {
            return None;
        }
        Some(score)
    })
}

/// "When he was 13, Jane Roe ...", "In her statement, Roe said ...": a singular pronoun inside a phrase or
/// clause put before its sentence's main clause refers forward to that clause's subject when the subject
/// is a person's name of a compatible gender (cataphora). Returns the subject's name mention.
fn forward_subject(doc: &Doc, infos: &[MentionInfo], entities: &[Entity], m: usize, quoted: &[bool]) -> Option<usize> {
    if quoted[m] {
        return None;
    }
    let pm = &doc.mentions[m];
    let k = doc.token_at_or_after(pm.span.start);
    let an = |j: usize| doc.tokens.get(j).and_then(|t| t.analysis.as_ref());
    // up from the pronoun to the phrase attached to the main verb
    let mut top = k;
    for _ in 0..12 {
        let h = an(top)?.head()?;
        if an(h)?.deprel() == "root" {
            break;
        }
        top = h;
    }
    let root = an(top)?.head()?;
    if an(root)?.deprel() != "root" || !matches!(an(top)?.deprel(), "advcl" | "obl" | "obl:tmod" | "obl:npmod") {
        return None;
    }
    // the main clause's subject comes after the fronted phrase and before the verb
    let sent = doc.sentences[pm.sentence].tokens.clone();
    let subj = sent.clone().find(|&j| an(j).is_some_and(|x| x.head() == Some(root) && x.deprel() == "nsubj"))?;
    if !(k < subj && top < subj && subj < root) {
        return None;
    }
    let p = (m + 1..doc.mentions.len()).take_while(|&p| doc.mentions[p].sentence == pm.sentence).find(|&p| {
        let c = &doc.mentions[p];
        c.kind == MentionKind::Name
            && c.span.start <= doc.tokens[subj].span.start
            && doc.tokens[subj].span.end <= c.span.end
    })?;
    let gender_fits = |e: usize| match (infos[m].gender, entities[e].gender) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    // (not when a person who may be meant is named before the pronoun in the same sentence: "From
    // Trump's effusion in Iowa to his call for ..., Will described ...")
    let named_before = (0..m).rev().take_while(|&q| doc.mentions[q].sentence == pm.sentence).any(|q| {
        let c = &doc.mentions[q];
        c.kind == MentionKind::Name
            && c.entity.is_some_and(|e| entities[e].etype == EntityType::Person && gender_fits(e))
    });
    let e = doc.mentions[p].entity?;
    (entities[e].etype == EntityType::Person && gender_fits(e) && !infos[p].in_credit && !named_before).then_some(p)
}

/// The person's name mention that nominal `m` stands in apposition to: the name ends right before the
/// comma that opens the nominal (or a place or body after "of" follows it), and the nominal ends before a
/// comma, a closing parenthesis or the sentence's end ("Jane Roe, a former journalist, said"; "Jane Roe of
/// Ohio, the mayor."). Not one of a list ("Roe, a lawyer, and Doe").
fn apposed_person(doc: &Doc, infos: &[MentionInfo], entities: &[Entity], m: usize) -> Option<usize> {
    let nm = &doc.mentions[m];
    let k = doc.token_at_or_after(nm.span.start);
    let end = doc.token_at_or_after(nm.span.end);
    let sent = doc.sentences[nm.sentence].tokens.clone();
    // "The Health Minister, Jane Roe, said": the name in apposition after a definite role that opens its
    // phrase, set off by commas
    if end + 2 < sent.end && doc.token_text(end) == "," && (k == sent.start || doc.token_text(k - 1) == ",") {
        let start = doc.tokens[end + 1].span.start;
        let q = (m + 1..doc.mentions.len()).take_while(|&q| doc.mentions[q].span.start <= start).find(|&q| {
            let c = &doc.mentions[q];
            c.kind == MentionKind::Name && c.span.start == start
        });
        if let Some(q) = q {
            let after = doc.token_at_or_after(doc.mentions[q].span.end);
            let person = doc.mentions[q].entity.is_some_and(|e| entities[e].etype == EntityType::Person);
            if person && after < sent.end && doc.token_text(after) == "," && infos[m].definite {
                return Some(q);
            }
        }
    }
    if k < sent.start + 2 || doc.token_text(k - 1) != "," {
        return None;
    }
    let closes = end >= sent.end || matches!(doc.token_text(end), "," | ")" | "." | ";");
    if !closes
        || (end < sent.end && doc.token_text(end) == "," && end + 1 < sent.end && doc.token_text(end + 1) == "and")
    {
        return None;
    }
    let name_ending = |end: usize| {
        (0..m).rev().take_while(|&p| doc.mentions[p].sentence == nm.sentence).find(|&p| {
            let c = &doc.mentions[p];
            c.kind == MentionKind::Name && c.span.end == end
        })
    };
    let person = |p: usize| doc.mentions[p].entity.is_some_and(|e| entities[e].etype == EntityType::Person);
    if let Some(p) = name_ending(doc.tokens[k - 2].span.end).filter(|&p| person(p)) {
        return Some(p);
    }
    // ("Debbie Wasserman Schultz of Florida, the national party chairwoman,": the person before "of" and
    // the capitalised words of a place or body)
    let mut at = k - 1;
    while at > sent.start && k - 1 - at < 4 && doc.tokens[at - 1].kind == accord_doc::TokenKind::Word && {
        let w = doc.token_text(at - 1);
        w.starts_with(char::is_uppercase)
    } {
        at -= 1;
    }
    (at < k - 1 && at >= sent.start + 2 && doc.token_text(at - 1) == "of")
        .then(|| name_ending(doc.tokens[at - 2].span.end))
        .flatten()
        .filter(|&q| person(q))
}

/// The tokens of the adverbial clause that opens the sentence of mention `m` with a subordinator of time
/// (`subordinators` in attribution_words.tsv) and ends with the comma right before the mention, comma
/// excluded: "When Jane Roe took office in 2018," before "she promised ...".
pub fn fronted_time_clause(doc: &Doc, m: usize) -> Option<std::ops::Range<usize>> {
    let pm = &doc.mentions[m];
    let sent = doc.sentences[pm.sentence].tokens.clone();
    let k = doc.token_at_or_after(pm.span.start);
    let opener = accord_lexicon::lowercase(doc.token_text(sent.start));
    (k >= sent.start + 3
        && doc.token_text(k - 1) == ","
        && accord_lexicon::attribution::words().subordinators.contains(&opener.as_ref())
        && !(sent.start + 1..k - 1).any(|j| matches!(doc.token_text(j), "," | ";" | ":")))
    .then(|| sent.start..k - 1)
}

/// "When Jane Roe took office in 2018, she promised ...": a pronoun subject right after an adverbial clause
/// that opens its sentence refers to the person named as that clause's subject, whoever was named in the
/// sentences before. Returns that name's mention.
fn fronted_clause_subject(
    doc: &Doc,
    infos: &[MentionInfo],
    entities: &[Entity],
    m: usize,
    quoted: &[bool],
) -> Option<usize> {
    if quoted[m] {
        return None;
    }
    let pm = &doc.mentions[m];
    let clause = fronted_time_clause(doc, m)?;
    // the clause's subject: a word of the clause (after its subordinator) that the parse makes the subject of
    // a word of the clause (the name itself, or the role it stands in apposition to: "Mexican president
    // Andrés Manuel López Obrador")
    let an = |j: usize| doc.tokens.get(j).and_then(|t| t.analysis.as_ref());
    let clause = clause.start + 1..clause.end;
    let subj = clause
        .clone()
        .find(|&j| an(j).is_some_and(|x| x.deprel() == "nsubj" && x.head().is_some_and(|h| clause.contains(&h))))?;
    let p = (0..m).rev().take_while(|&p| doc.mentions[p].sentence == pm.sentence).find(|&p| {
        let c = &doc.mentions[p];
        let head = doc.token_at_or_after(c.span.start);
        c.kind == MentionKind::Name
            && clause.contains(&head)
            && ((c.span.start <= doc.tokens[subj].span.start && doc.tokens[subj].span.end <= c.span.end)
                || an(head).is_some_and(|x| x.deprel() == "appos" && x.head() == Some(subj)))
    })?;
    let e = doc.mentions[p].entity?;
    let gender_fits = match (infos[m].gender, entities[e].gender) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    (entities[e].etype == EntityType::Person && gender_fits && !infos[p].in_credit && !quoted[p]).then_some(p)
}

/// The name mention that is the subject of the copula whose predicate is the nominal mention `m` ("Jane Roe
/// is the director of ...", "Roe became the eldest son"): a person's for a role, an organisation's or
/// place's for anything else, before the nominal in its sentence.
fn copula_subject(doc: &Doc, entities: &[Entity], m: usize) -> Option<usize> {
    let nm = &doc.mentions[m];
    let head = doc.token_at_or_after(nm.head_span.end.saturating_sub(1));
    let sent = doc.sentences[nm.sentence].tokens.clone();
    let child = |rel: &str| {
        sent.clone()
            .find(|&j| doc.tokens[j].analysis.as_ref().is_some_and(|x| x.head() == Some(head) && x.deprel() == rel))
    };
    child("cop")?;
    let subj = child("nsubj").filter(|&j| doc.tokens[j].span.end <= nm.span.start)?;
    let at = doc.tokens[subj].span;
    let p = (0..m).rev().take_while(|&p| doc.mentions[p].sentence == nm.sentence).find(|&p| {
        let c = &doc.mentions[p];
        c.kind == MentionKind::Name && c.span.start <= at.start && at.end <= c.span.end
    })?;
    let e = doc.mentions[p].entity?;
    let person_noun = nm.etype.is_none_or(|t| t == EntityType::Person);
    let fits = match entities[e].etype {
        EntityType::Person => person_noun,
        EntityType::Org | EntityType::Gpe => nm.etype == Some(entities[e].etype),
        _ => false,
    };
    fits.then_some(p)
}

/// The earlier person mention a singular pronoun most likely refers to.
fn best_person(doc: &Doc, infos: &[MentionInfo], entities: &[Entity], m: usize, quoted: &[bool]) -> Option<usize> {
    let pm = &doc.mentions[m];
    let gender = infos[m].gender;
    // (each person rated at its best mention in the window, not only its latest: "Ryan told CNN ... It was
    // a partial reversal for the Wisconsin Republican ... He said" is Ryan, subject two sentences back,
    // though "Trump" was written since; GUM train pronouns 1,567 -> 1,580 of 1,975)
    best_earlier(doc, m, 12, quoted, false, |p, e| {
        let c = &doc.mentions[p];
        if infos[p].in_credit || entities[e].etype != EntityType::Person {
            return None;
        }
        let eg = entities[e].gender;
        if let (Some(a), Some(b)) = (gender, eg) {
            if a != b {
                return None;
            }
        }
        let mut score = -((pm.sentence - c.sentence) as f32);
        if infos[p].subject {
            score += 1.5;
        }
        if eg.is_some() && eg == gender {
            score += 2.0;
        }
        // a possessor inside another noun phrase ("Princess Diana's landmark interview") is less salient
        let after = doc.token_at_or_after(c.span.end);
        if after < doc.tokens.len() && doc.token_norm(after) == "'s" && doc.tokens[after].span.start == c.span.end {
            score -= 1.0;
        }
        score += (entities[e].mentions.len() as f32).min(4.0) * 0.25;
        Some(score)
    })
}

/// "..., the provincial military chief said. Commander Jane Roe said ...": a definite role that refers to
/// no one before it, as a subject, is the titled person the next sentence opens with when that person is
/// named there for the first time (the wire story's forward reference). Returns that name's mention.
fn named_next(doc: &Doc, infos: &[MentionInfo], entities: &[Entity], m: usize, quoted: &[bool]) -> Option<usize> {
    let pm = &doc.mentions[m];
    let head = doc.token_at_or_after(pm.head_span.start);
    let subject = doc.tokens.get(head).and_then(|t| t.analysis.as_ref()).is_some_and(|a| a.deprel() == "nsubj");
    if !subject || quoted[m] {
        return None;
    }
    let next = doc.sentences.get(pm.sentence + 1)?;
    if doc.sentences[pm.sentence].paragraph != next.paragraph {
        return None;
    }
    let p = (m + 1..doc.mentions.len())
        .take_while(|&p| doc.mentions[p].sentence <= pm.sentence + 1)
        .find(|&p| doc.mentions[p].sentence == pm.sentence + 1 && doc.mentions[p].kind == MentionKind::Name)?;
    let c = &doc.mentions[p];
    let e = c.entity?;
    let opens = doc.token_at_or_after(c.span.start) <= next.tokens.start + 1;
    let first_named = entities[e].mentions.iter().all(|&q| doc.mentions[q].span.start >= c.span.start);
    (entities[e].etype == EntityType::Person && opens && first_named && !infos[p].titles.is_empty() && !quoted[p])
        .then_some(p)
}

/// A definite description that refers back to a titled person adds its words as a role when they say
/// more than the titles already known: "the Republican leader" after "Senate Minority Leader X"; not
/// "the secretary" after "Education Secretary X".
fn add_description(doc: &Doc, m: usize, ent: &mut Entity) {
    let text = doc.slice(doc.mentions[m].span);
    let role = text.split_once(' ').filter(|(a, _)| a.eq_ignore_ascii_case("the")).map_or(text, |(_, r)| r);
    let lower = role.to_lowercase();
    if role.contains(' ') && !ent.titles.iter().any(|t| t.to_lowercase().contains(&lower)) {
        ent.titles.push(role.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_expand_and_other_names_do_not() {
        assert!(expands_acronym("Securities and Exchange Commission", "S.E.C."));
        assert!(expands_acronym("Federal Bureau of Investigation", "FBI"));
        assert!(!expands_acronym("Federal Bureau of Investigation", "Federal"));
        assert!(!expands_acronym("Joe Biden", "Biden"));
        assert!(!expands_acronym("Islamic Revolutionary Guard Corps", "IRG"));
        assert!(is_acronym_word("U.S.") && is_acronym_word("UN"));
        assert!(!is_acronym_word("U.") && !is_acronym_word("Un") && !is_acronym_word("") && !is_acronym_word("ÉU"));
    }
}
