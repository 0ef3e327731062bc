//! Mention detection: proper names (typed by gazetteers, honorifics, organisation words and the entity
//! model when it ran), unnamed source phrases ("a Hamas official", "Israeli officials") and personal
//! pronouns. Titles and roles next to a name are collected here too ("White House press secretary",
//! "Prime Minister", an appositive such as ", US envoy for hostage affairs,").

use crate::lexicon::{Known, Lexicons};
use accord_doc::{Doc, EntityType, Mention, MentionKind, Span, TokenKind};
/// Sets of words, only looked up (FNV, not SipHash: they hold most words of a document).
type HashSet<T> = std::collections::HashSet<T, std::hash::BuildHasherDefault<accord_doc::hash::FnvHasher>>;

/// What the mention stage learned beyond the [`Mention`] itself.
#[derive(Clone, Debug, Default)]
pub struct MentionInfo {
    /// Titles and roles attached to this mention.
    pub titles: Vec<String>,
    /// Gazetteer entry, when the name is a known place, organisation or nationality.
    pub known: Option<Known>,
    /// Gender marked by an honorific or pronoun.
    pub gender: Option<char>,
    /// True when an honorific that marks a gender opens the name ("Mrs. Clinton"): its gender is the
    /// person's, not a guess from a word that may be a surname.
    pub honorific: bool,
    /// True for plural mentions (`officials`, `they`).
    pub plural: bool,
    /// True when inside a credit block (photo credit, byline).
    pub in_credit: bool,
    /// True when the mention is the grammatical subject-like first phrase of its clause.
    pub subject: bool,
    /// The singular head noun of a nominal mention (`official`).
    pub head_noun: Option<String>,
    /// Definite nominal (`the official`) that should refer back.
    pub definite: bool,
}

/// True when token `k` is, by the parse, the subject of its sentence's main clause.
pub(crate) fn main_clause_subject(doc: &Doc, k: usize) -> bool {
    doc.tokens.get(k).and_then(|t| t.analysis.as_ref()).is_some_and(|a| {
        a.deprel().starts_with("nsubj")
            && a.head().and_then(|v| doc.tokens[v].analysis.as_ref()).is_some_and(|v| v.deprel() == "root")
    })
}

fn is_cap(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.kind == TokenKind::Word && doc.token_text(i).starts_with(char::is_uppercase)
}

const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "for",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "so",
    "yet",
    "there",
    "here",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "no",
    "not",
    "some",
    "many",
    "most",
    "all",
    "one",
    "two",
    "both",
    "each",
    "every",
    "any",
    "more",
    "less",
    "then",
    "now",
    "still",
    "also",
    "even",
    "just",
    "since",
    "because",
    "although",
    "though",
    "however",
    "meanwhile",
    "with",
    "without",
    "from",
    "by",
    "to",
    "of",
    "about",
    "confirmation",
    "look",
    "according",
    "asked",
    "speaking",
    "under",
    "over",
    "during",
    "despite",
    "among",
    "other",
];

/// Finds all mentions in `doc`; returns the extra information per mention (aligned with `doc.mentions`).
pub fn find(doc: &mut Doc) -> Vec<MentionInfo> {
    let lex = Lexicons::get();
    // words inside a run of capitalised words ("Bank of England", "Osama bin Laden")
    let connectors = &accord_lexicon::names::connectors().rules;
    // Words seen in lower case anywhere: a capitalised sentence-initial word that also appears in lower
    // case is a common word, not a name. And lower-case words written alone, not as the second part of a
    // hyphenated word ("Ki-moon"). Both sets in one pass, sized for an article's words (fewer rehashes
    // as they grow; capped so that a huge text does not reserve for all its tokens).
    let words = (doc.tokens.len() / 2).min(1 << 12);
    let mut lower_seen: HashSet<&str> = HashSet::with_capacity_and_hasher(words, Default::default());
    let mut lower_alone: HashSet<&str> = HashSet::with_capacity_and_hasher(words, Default::default());
    for k in 0..doc.tokens.len() {
        if doc.tokens[k].kind != TokenKind::Word {
            continue;
        }
        let w = doc.token_text(k);
        if !w.starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        lower_seen.insert(w);
        if k == 0 || doc.token_text(k - 1) != "-" || doc.tokens[k - 1].space_after {
            lower_alone.insert(w);
        }
    }
    // Words seen capitalised away from a sentence start: names even when they open a sentence.
    let mut capital_seen: HashSet<&str> = HashSet::with_capacity_and_hasher(words, Default::default());
    // (and capitalised right after a word in lower case, which a line in title case never has: "rival Sen.
    // Bernie Sanders" keeps "Sanders" a name in the headline "... As Sanders Turns Up The Heat")
    let mut capital_after_lower: HashSet<&str> = HashSet::with_capacity_and_hasher(words, Default::default());
    for s in &doc.sentences {
        for k in s.tokens.start + 1..s.tokens.end {
            let w = doc.token_text(k);
            let after_break = doc.tokens[k - 1].kind == TokenKind::OpenQuote
                || matches!(doc.token_text(k - 1), "-" | "—" | "–" | "--" | ":" | ")");
            if doc.tokens[k].kind == TokenKind::Word && w.starts_with(char::is_uppercase) && !after_break {
                capital_seen.insert(w);
                if doc.tokens[k - 1].kind == TokenKind::Word && doc.token_text(k - 1).starts_with(char::is_lowercase) {
                    capital_after_lower.insert(w);
                }
            }
        }
    }
    let model_names: Vec<Mention> = doc.mentions.iter().filter(|m| m.kind == MentionKind::Name).cloned().collect();
    // the words of people's names the recogniser found in running text (a sentence with words in lower
    // case): names even where the case statistics call them common words ("Rand Paul", "Drew Ivers")
    let person_words: HashSet<&str> = model_names
        .iter()
        .filter(|m| m.etype == Some(EntityType::Person))
        .filter(|m| {
            let s = &doc.sentences[m.sentence];
            s.tokens.clone().filter(|&k| doc.token_text(k).starts_with(char::is_lowercase)).count() >= 3
        })
        .flat_map(|m| {
            (doc.token_at_or_after(m.span.start)..doc.token_at_or_after(m.span.end)).map(|k| doc.token_text(k))
        })
        .collect();
    // the surnames of people named in full ("Dana Myers"): names even where a sentence opens with one
    // that the tagger read as a common noun ("Myers, who ran the office, told ...")
    let surnames: HashSet<&str> = model_names
        .iter()
        .filter_map(|m| {
            let (a, b) = (doc.token_at_or_after(m.span.start), doc.token_at_or_after(m.span.end));
            let person = m.etype == Some(EntityType::Person) || lex.given_names_any.contains(doc.token_text(a));
            (person && b >= a + 2 && doc.tokens[b - 1].kind == TokenKind::Word).then(|| doc.token_text(b - 1))
        })
        .collect();
    let mut out: Vec<(Mention, MentionInfo)> = Vec::new();
    // the names found in lines written in title case (indices into `out`)
    let mut headline: Vec<usize> = Vec::new();
    // per token of the sentence: inside a line in title case (reused across sentences)
    let mut title_case: Vec<bool> = Vec::new();
    for si in 0..doc.sentences.len() {
        let s = doc.sentences[si].clone();
        let in_credit = doc.in_credit(s.span);
        let credit_kind = doc.credits.iter().find(|c| c.span.overlap(s.span) > 0).map(|c| c.kind);
        if credit_kind == Some("headline") {
            continue;
        }
        // The first word of the sentence, or the first after a dateline ("LISBON (Reuters) - Dock workers").
        let dateline_end =
            doc.credits.iter().find(|c| c.kind == "dateline" && c.span.overlap(s.span) > 0).map(|c| c.span.end);
        let first_word = s.tokens.clone().find(|&i| {
            doc.tokens[i].kind == TokenKind::Word && dateline_end.is_none_or(|e| doc.tokens[i].span.start >= e)
        });
        let in_credit = in_credit && credit_kind != Some("dateline") || dateline_end.is_some_and(|e| e >= s.span.end);
        // where the dateline's place ends: at its outlet's bracket or its dash
        let dateline_place_end = dateline_end.and_then(|e| {
            s.tokens
                .clone()
                .take_while(|&k| doc.tokens[k].span.end <= e)
                .find(|&k| {
                    doc.token_text(k) == "("
                        || (matches!(doc.token_text(k), "-" | "—" | "–" | "--")
                            && k > s.tokens.start
                            && doc.tokens[k - 1].span.end < doc.tokens[k].span.start)
                })
                .map(|k| doc.tokens[k].span.start)
        });
        // (a name never runs across a line break: a headline, then the story's first line)
        let same_line = |k: usize| !doc.text[doc.tokens[k - 1].span.end..doc.tokens[k].span.start].contains('\n');
        // A line in title case ("Why Progressives Are Celebrating Hillary Clinton’s Speech", "Ana Ruiz Says
        // She Would Back The Plan"): its capitals say nothing, so a word the text writes in lower case
        // elsewhere, or a cue verb, is no part of a name in it.
        // (nor a word the tagger read as a verb or a function word; an organisation word or a title stays:
        // "The Washington Post", "Port Mayor Ana Reis")
        let common_cap = |k: usize| {
            let w = doc.token_text(k);
            if !is_cap(doc, k)
                || lex.known.contains_key(w)
                || lex.given_names_any.contains(w)
                || lex.org_words.contains(w)
                || lex.is_title(w)
            {
                return false;
            }
            let function = doc.tokens[k].analysis.as_ref().is_some_and(|a| {
                matches!(a.upos(), "VERB" | "AUX" | "ADP" | "DET" | "CCONJ" | "SCONJ" | "PRON" | "ADV")
            });
            let lw = w.to_lowercase();
            lower_seen.contains(lw.as_str())
                || function
                || lex.cue(w).is_some()
                || (w.chars().any(char::is_lowercase)
                    && accord_lexicon::usually_lower(&lw)
                    && !capital_after_lower.contains(w)
                    && !person_words.contains(w))
        };
        title_case.clear();
        title_case.resize(s.tokens.len(), false);
        let mut line_start = s.tokens.start;
        for k in s.tokens.start..=s.tokens.end {
            if k < s.tokens.end && (k == s.tokens.start || same_line(k)) {
                continue;
            }
            let word = |t: &usize| {
                doc.tokens[*t].kind == TokenKind::Word && doc.token_text(*t).starts_with(char::is_alphabetic)
            };
            let n = (line_start..k).filter(word).count();
            let caps = (line_start..k).filter(word).filter(|&t| is_cap(doc, t)).count();
            // (a fifth of the words or more: a list of names, "Drew Ivers, Jill June, ...", is no title)
            let common = (line_start..k).filter(word).skip(1).filter(|&t| common_cap(t)).count();
            let title = n >= 4 && caps * 10 >= n * 8 && common >= 2 && common * 5 >= n;
            for flag in &mut title_case[line_start - s.tokens.start..k - s.tokens.start] {
                *flag = title;
            }
            line_start = k;
        }
        let cap_here = |k: usize| is_cap(doc, k) && !(title_case[k - s.tokens.start] && common_cap(k));
        let mut i = s.tokens.start;
        let mut sentence_mentions: Vec<(Mention, MentionInfo)> = Vec::new();
        while i < s.tokens.end {
            let w = doc.token_text(i);
            // Pronouns.
            let lw = accord_text::lowercase(w);
            let pron = match lw.as_ref() {
                "he" | "him" | "his" | "himself" => Some((Some('m'), false)),
                "she" | "her" | "hers" | "herself" => Some((Some('f'), false)),
                "they" | "them" | "their" | "themselves" => Some((None, true)),
                "it" | "its" | "itself" => Some((Some('n'), false)),
                _ => None,
            };
            // ("the HE sector", "IT staff": a pronoun in capitals inside a sentence written in lower case is
            // an acronym; headlines in capitals keep their pronouns)
            let pron = pron.filter(|_| {
                w.len() < 2
                    || w.chars().any(char::is_lowercase)
                    || !s.tokens.clone().any(|t| t != i && doc.token_text(t).chars().any(char::is_lowercase))
            });
            if let Some((gender, plural)) = pron {
                let sp = doc.tokens[i].span;
                sentence_mentions.push((
                    Mention {
                        span: sp,
                        head_span: sp,
                        kind: MentionKind::Pronoun,
                        etype: None,
                        entity: None,
                        sentence: si,
                    },
                    MentionInfo {
                        gender,
                        plural,
                        in_credit,
                        // (a subject of a clause inside another, "Ryan said that he ...", is less salient
                        // than the main clause's)
                        subject: matches!(lw.as_ref(), "he" | "she" | "they" | "it")
                            && !doc.tokens[i].analysis.as_ref().and_then(|a| a.head()).is_some_and(|h| {
                                doc.tokens[h].analysis.as_ref().is_some_and(|x| {
                                    matches!(x.deprel(), "ccomp" | "advcl" | "acl" | "acl:relcl" | "csubj")
                                })
                            }),
                        ..Default::default()
                    },
                ));
                i += 1;
                continue;
            }
            if is_cap(doc, i)
                && (lex.months.contains_key(w.trim_end_matches('.')) || lex.weekdays.contains_key(w))
                && !lex.known.contains_key(w)
            {
                i += 1;
                continue;
            }
            // a surname opened by a patronymic particle: "bin Laden" after "Osama bin Laden"
            let particle_start = accord_lexicon::names::connectors().person.contains(&w)
                && i + 1 < s.tokens.end
                && cap_here(i + 1)
                && doc.tokens[i].space_after
                && (i == s.tokens.start || !is_cap(doc, i - 1));
            // ... or by an Arabic article: "al-Qaeda", "al-Zahar said"
            // (or written apart, where the two words are a known name: "al Qaeda")
            let article_known = || {
                i + 1 < s.tokens.end
                    && accord_lexicon::names::connectors().article.contains(&w)
                    && lex.known.contains_key(&format!("{w} {}", doc.token_text(i + 1)))
            };
            let particle_start = particle_start
                || ((article_joined(doc, i, s.tokens.end) || article_known())
                    && (i == s.tokens.start || !is_cap(doc, i - 1)));
            if !cap_here(i) && !particle_start {
                // Unnamed source phrase headed here?
                if let Some((sing, plural)) = lex.source_nouns.get(lw.as_ref()) {
                    if let Some(m) = nominal(doc, i, si, sing, *plural, lex, in_credit) {
                        sentence_mentions.push(m);
                    }
                } else if let Some(&(etype, _)) = lex.referring_nouns.get(lw.as_ref()) {
                    if let Some(m) = referring_nominal(doc, i, si, etype, in_credit) {
                        sentence_mentions.push(m);
                    }
                }
                i += 1;
                continue;
            }
            // A run of capitalised words (and inner connectors: "of", "de", "bin").
            let mut j = i + 1;
            while j < s.tokens.end {
                // (a weekday after a name is when: "Governor John Rankin Thursday called for calm"; not in a
                // day's own name: "Super Tuesday")
                if cap_here(j)
                    && doc.tokens[j - 1].space_after
                    && same_line(j)
                    && (!lex.weekdays.contains_key(doc.token_text(j))
                        || lex.known.contains_key(&format!("{} {}", doc.token_text(j - 1), doc.token_text(j))))
                {
                    j += 1;
                } else if article_joined(doc, j, s.tokens.end) {
                    // "Mahmoud al-Zahar", "Ansar al-Islam": an Arabic article and the word it is joined to
                    j += 3;
                } else if hyphen_joined(doc, j, s.tokens.end, &lower_alone) {
                    // "Smith-Okafor", "Jean-Marc", "Ban Ki-moon": a name does not stop at its hyphen
                    j += 2;
                } else if plural_possessive(doc, j, s.tokens.end, lex) || office_possessive(doc, j, s.tokens.end, lex) {
                    // "Veterans' Affairs", "Workers' Party", "Harris County Sheriff's Office"
                    j += 1;
                } else if doc.token_text(j) == "and"
                    && j + 1 < s.tokens.end
                    && is_cap(doc, j + 1)
                    && (i..j).all(|t| org_word(lex, doc.token_text(t)))
                    && org_word(lex, doc.token_text(cap_run_end(doc, j + 1, s.tokens.end, lex) - 1))
                {
                    // "the University and College Union": generic organisation words joined by "and" to a
                    // name that ends on one are one name (not "Harvard University and Yale University")
                    j += 1;
                } else if connectors.contains(&doc.token_text(j))
                    && j + 1 < s.tokens.end
                    && is_cap(doc, j + 1)
                    && (lex.org_words.contains(doc.token_text(j - 1)) || !matches!(doc.token_text(j), "for" | "on"))
                    && !lex.known.contains_key(doc.token_text(j - 1))
                    // (not a date: "the Security Council on Tuesday")
                    && !lex.weekdays.contains_key(doc.token_text(j + 1))
                    && !lex.months.contains_key(doc.token_text(j + 1).trim_end_matches('.'))
                    // (nor a possessor after a verb's object: "convicted Hartley of Zoe's manslaughter"; an
                    // organisation's or a title's name keeps it: "Bank of America's", "Duke of York's")
                    && !possessor_after_of(doc, j, s.tokens.end, lex)
                {
                    j += 2;
                } else if connectors.contains(&doc.token_text(j))
                    && j + 2 < s.tokens.end
                    && connectors.contains(&doc.token_text(j + 1))
                    && doc.token_text(j).starts_with(char::is_lowercase)
                    && doc.token_text(j + 1).starts_with(char::is_lowercase)
                    && is_cap(doc, j + 2)
                    && !matches!(doc.token_text(j), "of" | "for" | "and")
                    && !matches!(doc.token_text(j + 1), "of" | "for" | "and")
                {
                    // two particles before a surname: "Pieter van der Berg", "Marie de la Cruz"
                    j += 3;
                } else if let Some(e) = and_joined_org(doc, i, j, s.tokens.end, lex) {
                    j = e;
                } else if let Some(e) = and_joined_complement(doc, i, j, s.tokens.end, lex, &model_names) {
                    j = e;
                } else {
                    break;
                }
            }
            // a known name with inner connectors: "Centers for Disease Control and Prevention"
            if j < s.tokens.end && doc.token_text(j).starts_with(char::is_lowercase) {
                if let Some(k) = known_run_end(doc, i, s.tokens.end, lex) {
                    j = j.max(k);
                }
            }
            // a party tag after a name ("Sen. Jane Roe (R-Ohio)", "(D)", "Sen. Jane Roe, I-Vt.") is the
            // person's party, not a name
            let tag_next = |k: usize| k < s.tokens.end && matches!(doc.token_text(k), "-" | "–");
            if i > 0
                && lex.party_tags.contains_key(doc.token_text(i))
                && ((doc.token_text(i - 1) == "(" && (tag_next(i + 1) || doc.token_text(i + 1) == ")"))
                    || (doc.token_text(i - 1) == "," && tag_next(i + 1) && i + 2 < s.tokens.end && is_cap(doc, i + 2)))
            {
                i = j;
                continue;
            }
            let mut a = i;
            // "Minister for Rehabilitation Jayalath Jayawardena", "the Minister for Foreign Affairs, Alexander
            // Downer": after a title and "for" or "of", capitalised words name the portfolio (part of the
            // title) up to a given name, or else up to the last two words; words the text writes in lower
            // case are the portfolio's, and so is a single word left after them
            if i >= 2
                && matches!(doc.token_text(i - 1), "for" | "of")
                && is_cap(doc, i - 2)
                && lex.is_title(doc.token_text(i - 2))
                // (not a place or body the title is of: "President of Mexico Enrique Pena Nieto", "the Prince
                // of Wales")
                && !lex.known.contains_key(doc.token_text(i))
                && !model_names.iter().any(|m| {
                    m.span.start == doc.tokens[i].span.start && matches!(m.etype, Some(EntityType::Gpe | EntityType::Org))
                })
            {
                let lower = |k: usize| {
                    let w = accord_text::lowercase(doc.token_text(k));
                    accord_lexicon::usually_lower(&w) || lower_seen.contains(w.as_ref())
                };
                a = match (i..j).find(|&k| lex.given_names_any.contains(doc.token_text(k))) {
                    Some(k) => k,
                    None => {
                        let mut k = i;
                        while k < j && lower(k) {
                            k += 1;
                        }
                        if k == i && j >= i + 3 {
                            j - 2
                        } else {
                            k
                        }
                    }
                };
                // (one word left is the portfolio's last, "Foreign Affairs": a name here has two or more)
                if j < a + 2 {
                    i = j;
                    continue;
                }
            }
            // Sentence-initial common words are not names.
            let at_start = Some(a) == first_word;
            // (so are those opening a quotation or what follows a colon or a dash inside a sentence: “Well,
            // this is ...”, "FALLIN: Yes, ...")
            let clause_start = !at_start
                && a > s.tokens.start
                && (doc.tokens[a - 1].kind == TokenKind::OpenQuote
                    || matches!(doc.token_text(a - 1), ":" | "—" | "–" | "--"));
            if at_start || clause_start {
                let w0 = doc.token_text(a);
                // ("United" opening "United States" is no common word)
                let known_pair = j > a + 1
                    && (lex.known.contains_key(&format!("{w0} {}", doc.token_text(a + 1)))
                        || lex
                            .known
                            .contains_key(doc.slice(Span::new(doc.tokens[a].span.start, doc.tokens[j - 1].span.end))));
                // (an acronym is a name: "TB said ...", "BPD said ...", whatever the tagger made of it)
                let acronym =
                    w0.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w0.chars().any(char::is_lowercase);
                let known_surname = surnames.contains(w0) && !lower_seen.contains(w0.to_lowercase().as_str());
                // ("Al-Zahar said": an Arabic article opening a name is part of it, though "al" is seen in
                // lower case)
                let article = article_joined(doc, a, j);
                // ("Glass-Steagall", "Wealth-X": a word joined by a hyphen to a capitalised one opens a name)
                let hyphenated = j > a + 2 && tight_hyphen(doc, a + 1) && is_cap(doc, a + 2);
                let common = !known_pair
                    && !known_surname
                    && !article
                    && !hyphenated
                    && ((FUNCTION_WORDS.contains(&w0.to_lowercase().as_str()) && !acronym_in_text(doc, si, a))
                        || (lower_seen.contains(w0.to_lowercase().as_str()) && !lex.known.contains_key(w0))
                        || doc.tokens[a].analysis.as_ref().is_some_and(|an| {
                            let lone_acronym = acronym && j == a + 1 && w0.len() <= 6 && !is_sentence_caps(doc, si);
                            // (a given name opening a longer name is one, however the tagger read it:
                            // "The Latest: Hillary Clinton tells voters")
                            let given = j > a + 1 && lex.given_names_any.contains(w0);
                            !(matches!(an.upos(), "PROPN" | "X")
                                || given
                                || lex.known.contains_key(w0)
                                || lex.honorifics.contains_key(w0)
                                || lone_acronym)
                        }));
                // A lone capitalised word opening a sentence, never seen capitalised elsewhere, followed
                // by a lower-case word: a common word ("Dock workers", "Critics said").
                let lone = at_start
                    && j == a + 1
                    && !acronym
                    && !surnames.contains(w0)
                    && !capital_seen.contains(w0)
                    && !lex.known.contains_key(w0)
                    && !lex.honorifics.contains_key(w0)
                    && !read_as_name(&model_names, doc.tokens[a].span, &lower_seen, w0);
                if common || lone {
                    a += 1;
                }
            }
            if credit_kind.is_some() && lex.credit_labels.iter().any(|(l, _)| l == doc.token_text(a.min(j - 1))) {
                a += 1;
            }
            // a capitalised function word is not a name anywhere (the pronoun "I", "We" or "But" opening a
            // quotation: “But we ...)
            // "The" written with a capital inside a sentence opens a name that ends on an organisation
            // word ("by The New York Times")
            let the_in_name = a + 1 < j
                && Some(a) != first_word
                && doc.token_text(a) == "The"
                && a > s.tokens.start
                && !matches!(doc.tokens[a - 1].kind, TokenKind::OpenQuote)
                && !matches!(doc.token_text(a - 1), "-" | "—" | "–" | "--" | ":" | "(" | "." | "?" | "!")
                && lex.org_words.contains(doc.token_text(j - 1));
            while a < j
                && !the_in_name
                && FUNCTION_WORDS.contains(&accord_text::lowercase(doc.token_text(a)).as_ref())
                && !lex.known.contains_key(doc.token_text(a))
                && !acronym_in_text(doc, si, a)
            {
                a += 1;
            }
            // "The Australian says ...": a nationality word alone after "the", as the subject of a verb, is a
            // person of that nation (a definite description), not the country
            if j == a + 1
                && a > s.tokens.start
                && accord_text::lowercase(doc.token_text(a - 1)) == "the"
                && lex.known.get(doc.token_text(a)).is_some_and(|k| k.adjective)
                // (not a people: "the Chinese", "the French", "the Swiss", "the Americans")
                && !["s", "ese", "ch", "sh"].iter().any(|e| doc.token_text(a).ends_with(e))
                && j < s.tokens.end
                && doc.tokens[j]
                    .analysis
                    .as_ref()
                    .is_some_and(|x| matches!(x.upos(), "VERB" | "AUX") && x.xpos() != "VBP")
            {
                let word = accord_text::lowercase(doc.token_text(a)).into_owned();
                if let Some(m) = nominal(doc, a, si, &word, false, lex, in_credit) {
                    sentence_mentions.push(m);
                    i = j;
                    continue;
                }
            }
            // "the Health Minister", "The International Trade Secretary": a capitalised role after "the",
            // ending in a source noun, is a definite nominal that refers back to the one holding the role,
            // not a name (no given name or honorific in it)
            if a < j && a > s.tokens.start && accord_text::lowercase(doc.token_text(a - 1)) == "the" && j - a <= 4 {
                // ("The Governor-General": the role's noun before the hyphen)
                let head = if j >= a + 3 && tight_hyphen(doc, j - 2) && lex.is_title(doc.token_text(j - 1)) {
                    accord_text::lowercase(doc.token_text(j - 3))
                } else {
                    accord_text::lowercase(doc.token_text(j - 1))
                };
                let rest = doc.slice(Span::new(doc.tokens[a].span.start, doc.tokens[j - 1].span.end));
                // (an honorific that opens a title is part of it: "The Lord Mayor")
                let role = (a..j).all(|t| {
                    let w = doc.token_text(t);
                    let title_honorific = t + 1 < j && lex.is_title(doc.token_text(t + 1));
                    !lex.given_names_any.contains(w)
                        && (!lex.honorifics.contains_key(w) || title_honorific)
                        && !lex.org_words.contains(w)
                }) && lex.known_name(rest).is_none();
                // "The Economist", "the Economist": a known name with its article is that name, no role
                let known_with_the = lex
                    .source_nouns
                    .contains_key(head.as_ref())
                    .then(|| lex.known_name(&format!("The {rest}")))
                    .flatten();
                if let Some(kn) = known_with_the {
                    let from = if doc.token_text(a - 1) == "The" { a - 1 } else { a };
                    let sp = Span::new(doc.tokens[from].span.start, doc.tokens[j - 1].span.end);
                    sentence_mentions.push((
                        name_mention(sp, kn.etype, si),
                        MentionInfo { known: Some(kn.into_owned()), in_credit, ..Default::default() },
                    ));
                    i = j;
                    continue;
                }
                if let Some((sing, plural)) = lex.source_nouns.get(head.as_ref()).filter(|_| role) {
                    if let Some(m) = nominal(doc, j - 1, si, sing, *plural, lex, in_credit) {
                        sentence_mentions.push(m);
                        i = j;
                        continue;
                    }
                }
            }
            // "Soccer Australia", "Radio New Zealand": common nouns written with capitals inside a sentence
            // before a country's name are a body named after the country, one organisation
            let country_at = (a + 1..j).find(|&e| {
                lex.known_name(doc.slice(Span::new(doc.tokens[e].span.start, doc.tokens[j - 1].span.end)))
                    .is_some_and(|kn| kn.etype == EntityType::Gpe && !kn.adjective)
            });
            if let Some(e) = country_at.filter(|_| {
                lex.known_name(doc.slice(Span::new(doc.tokens[a].span.start, doc.tokens[j - 1].span.end))).is_none()
                    && Some(a) != first_word
                    && a > s.tokens.start
                    && doc.tokens[a - 1].kind == TokenKind::Word
                    && (a..j).all(|t| !title_case[t - s.tokens.start])
            }) {
                let common = (a..e).all(|t| {
                    let w = doc.token_text(t);
                    doc.tokens[t].analysis.as_ref().is_some_and(|x| x.upos() == "NOUN" || x.upos() == "PROPN")
                        // (a common word: not one running text writes with a capital, nor an acronym, nor a
                        // known name)
                        && !accord_lexicon::usually_capital(&accord_text::lowercase(w))
                        && w.chars().skip(1).any(char::is_lowercase)
                        && !lex.known.contains_key(w)
                        // (nor a word that makes a longer place's name: "West Miami", "Upstate New York")
                        && !lex.known_name_parts.contains_key(w)
                        && !lex.is_title(w)
                        && !lex.given_names_any.contains(w)
                });
                if common {
                    let sp = Span::new(doc.tokens[a].span.start, doc.tokens[j - 1].span.end);
                    sentence_mentions
                        .push((name_mention(sp, EntityType::Org, si), MentionInfo { in_credit, ..Default::default() }));
                    i = j;
                    continue;
                }
            }
            let before = sentence_mentions.len();
            segment_run(doc, a, j, si, in_credit, credit_kind, lex, &model_names, &lower_seen, &mut sentence_mentions);
            // "SOUTHWEST MIAMI-DADE, FLA. (WSVN) -": the words of a dateline before its outlet or dash are
            // its place
            if let Some(place_end) = dateline_place_end {
                for (m, info) in &mut sentence_mentions[before..] {
                    if m.kind == MentionKind::Name
                        && m.span.end <= place_end
                        && info.known.is_none()
                        && matches!(m.etype, Some(EntityType::Org | EntityType::Other | EntityType::Person))
                    {
                        m.etype = Some(EntityType::Gpe);
                        info.titles.clear();
                        info.gender = None;
                    }
                }
            }
            // "as The Daily Beast called them": "The" with a capital inside a sentence belongs to the name
            // of an organisation or a work (not after a quotation mark, a colon or a dash, where a
            // sentence may start)
            let the_inside = a == i + 1
                && doc.token_text(i) == "The"
                && Some(i) != first_word
                && i > s.tokens.start
                && doc.tokens[i - 1].kind != TokenKind::OpenQuote
                && !matches!(doc.token_text(i - 1), "-" | "—" | "–" | "--" | ":" | ")" | "(" | "." | ";");
            if the_inside {
                if let Some((m, info)) = sentence_mentions.get_mut(before) {
                    if m.kind == MentionKind::Name
                        && m.span.start == doc.tokens[a].span.start
                        && matches!(m.etype, Some(EntityType::Org | EntityType::Other))
                        && info.known.is_none()
                        // (an acronym goes without: "The S.E.C." is the S.E.C.)
                        && doc.slice(m.span).contains(' ')
                    {
                        m.span.start = doc.tokens[i].span.start;
                        m.head_span.start = m.span.start;
                    }
                }
            }
            i = j;
            // the last name of the run, when it ends the run
            let pushed = sentence_mentions.len() > before;
            let run_end = doc.tokens[j - 1].span.end;
            let last = sentence_mentions
                .last_mut()
                .filter(|(m, _)| pushed && m.kind == MentionKind::Name && m.span.end == run_end);
            if let Some((m, info)) = last {
                let next = if j < s.tokens.end { accord_text::lowercase(doc.token_text(j)) } else { "".into() };
                if lex.name_org_nouns.contains(next.as_ref()) && info.known.is_none() {
                    // "the Biden administration": the name and the noun name an organisation
                    m.span = Span::new(m.span.start, doc.tokens[j].span.end);
                    m.head_span = Span::new(m.head_span.start, doc.tokens[j].span.end);
                    m.etype = Some(EntityType::Org);
                    info.titles.clear();
                    info.gender = None;
                    i = j + 1;
                } else if m.etype == Some(EntityType::Other)
                    && j >= 2
                    && doc.tokens[j - 2].span.start >= m.head_span.start
                    && org_noun_after(doc, j, s.tokens.end, lex)
                {
                    // "the Agence France Presse news agency", "the Corinthian Colleges chain" (a name of
                    // one word before such a noun is more often a place: "Chaman hospital")
                    m.etype = Some(EntityType::Org);
                } else if m.etype == Some(EntityType::Person)
                    && info.titles.is_empty()
                    && info.gender.is_none()
                    && !lex.given_names_any.contains(doc.token_text(doc.token_at_or_after(m.head_span.start)))
                    && lex.referring_name_words.contains_key(next.as_ref())
                    && !lex.referring_only_marked.contains(next.as_ref())
                    && lex.referring_nouns.get(next.as_ref()).is_some_and(|(t, _)| *t == EntityType::Org)
                    // (the noun heads the phrase: not "Trump paper dolls")
                    && !(j + 1 < s.tokens.end
                        && doc.token_text(j + 1).starts_with(char::is_lowercase)
                        && doc.tokens[j + 1].analysis.as_ref().is_some_and(|a| a.upos() == "NOUN"))
                {
                    // "Coastline Living magazine", "Harbourview Capital firm": a name with no given name,
                    // title or honorific before the noun of an outlet or a company is that outlet or company
                    m.etype = Some(EntityType::Org);
                }
            }
        }
        // no name opens on a hyphen that joins it to the word before ("the former CEO of Hewlett-Packard":
        // the title took "Hewlett", and "-Packard" is no one; "Secretary-Treasurer Gary Casteel" is named
        // "Gary Casteel")
        sentence_mentions.retain_mut(|(m, _)| {
            let k = doc.token_at_or_after(m.span.start);
            if m.kind != MentionKind::Name || !tight_hyphen(doc, k) {
                return true;
            }
            let rest = k + 2;
            let end = doc.token_at_or_after(m.span.end);
            let from = doc.tokens.get(rest).map(|t| t.span.start);
            match from.filter(|&f| rest < end && f < m.head_span.end) {
                Some(f) => {
                    m.span.start = f;
                    m.head_span.start = m.head_span.start.max(f);
                    true
                }
                None => false,
            }
        });
        descriptor_types(doc, &mut sentence_mentions, lex);
        // Salience: the first mention of a sentence counts as its subject (the one that starts first, the
        // longest of those: "The Florida senator", not the "Florida" inside it) ...
        if let Some(first) =
            sentence_mentions.iter_mut().min_by_key(|(m, _)| (m.span.start, std::cmp::Reverse(m.span.end)))
        {
            first.1.subject = true;
        }
        // ... and so does a name the parse makes the main clause's subject ("..., said David Wasserman")
        for (m, info) in sentence_mentions.iter_mut() {
            let h = doc.token_at_or_after(m.head_span.start);
            if main_clause_subject(doc, h) && m.kind == MentionKind::Name {
                info.subject = true;
            }
        }
        for (i, (m, _)) in sentence_mentions.iter().enumerate() {
            let k = doc.token_at_or_after(m.span.start);
            if m.kind == MentionKind::Name && k >= s.tokens.start && k < s.tokens.end && title_case[k - s.tokens.start]
            {
                headline.push(out.len() + i);
            }
        }
        out.extend(sentence_mentions);
    }
    headline_names(doc, &mut out, &headline, lex);
    // A person is named without what is written before the name: the rank, office or honorific ("Adm.
    // Harry B. Harris Jr.", "Alderman Jason C. Ervin"; `accord_lexicon::names::is_name_prefix`, as the
    // knowledge base shows names), and a descriptor ("Vermonter Bernie Sanders", "Billionaire Donald
    // Trump", kept as a title): a word before a given name that opens a name of three or more words,
    // itself no given name, no initial and no known name, that reads as a common word (the text writes it
    // in lower case, a role or rank) or a resident's name ("Texan", "Ohioan"); an unlisted given name
    // ("Rafael Edward Cruz") is none of these. The head of the mention starts after them.
    for (m, info) in out.iter_mut() {
        if m.kind != MentionKind::Name || m.etype != Some(EntityType::Person) {
            continue;
        }
        let (mut a, b) = (doc.token_at_or_after(m.head_span.start), doc.token_at_or_after(m.head_span.end));
        while a + 1 < b {
            let w = doc.token_text(a);
            let rest = (a + 1..b).filter(|&k| doc.tokens[k].kind == TokenKind::Word).count();
            let prefix = accord_lexicon::names::is_name_prefix(&accord_text::lowercase(w))
                && !lex.given_names_any.contains(w)
                && (rest >= 2 || w.ends_with('.'));
            if !prefix {
                break;
            }
            a += 1;
            while a + 1 < b && doc.tokens[a].kind == TokenKind::Punct {
                a += 1;
            }
        }
        if doc.tokens[a].span.start > m.head_span.start && doc.tokens[a].kind == TokenKind::Word {
            m.head_span.start = doc.tokens[a].span.start;
        }
        if b < a + 3 || (a..b).any(|k| doc.tokens[k].kind != TokenKind::Word) {
            continue;
        }
        let (w0, w1) = (doc.token_text(a), doc.token_text(a + 1));
        let descriptor = w0.chars().all(char::is_alphabetic)
            && w0.chars().count() > 2
            && w0.chars().skip(1).all(char::is_lowercase)
            && !lex.given_names_any.contains(w0)
            && !lex.known.contains_key(w0)
            && lex.given_names_any.contains(w1)
            && !lex.given_names_any.contains(doc.token_text(b - 1))
            && {
                let lw = accord_text::lowercase(w0);
                lower_seen.contains(lw.as_ref())
                    // (a word running text writes in lower case: "Businessmen Solomon Lew and ...")
                    || accord_lexicon::usually_lower(&lw)
                    || lex.source_nouns.contains_key(lw.as_ref())
                    || accord_lexicon::names::is_name_prefix(&lw)
                    // (a resident's or a practitioner's noun: "Texan", "Cartoonist Matt Bors")
                    || ["an", "er", "ian", "ite", "ese", "ist"].iter().any(|x| lw.ends_with(x))
            };
        if descriptor {
            m.head_span.start = doc.tokens[a + 1].span.start;
            info.titles.push(w0.to_string());
        }
    }
    // a name of honorifics alone ("Dr" and "Rt" of "Dr the Rt. Hon. Keith Mitchell") names no one
    out.retain(|(m, _)| {
        m.kind != MentionKind::Name || {
            let (a, b) = (doc.token_at_or_after(m.span.start), doc.token_at_or_after(m.span.end));
            !(a..b)
                .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
                .all(|k| lex.honorifics.contains_key(doc.token_text(k).trim_end_matches('.')))
        }
    });
    out.sort_by_key(|(m, _)| (m.span.start, m.span.end));
    let (mentions, infos): (Vec<_>, Vec<_>) = out.into_iter().unzip();
    doc.mentions = mentions;
    infos
}

/// "Chuck Grassley Compares Trump", "Paul Ryan Thinks About Donald Trump": in a line written in title case,
/// a run of capitals the recogniser read as one name that holds names of people the text names outside such
/// lines is those names; the other words of the run (the headline's verbs and nouns) are no name. Only
/// when every other word is capitalised and none is an organisation word, a known name, a given name or an
/// initial.
fn headline_names(doc: &Doc, out: &mut Vec<(Mention, MentionInfo)>, headline: &[usize], lex: &Lexicons) {
    if headline.is_empty() {
        return;
    }
    let mut in_headline = vec![false; out.len()];
    for &i in headline {
        in_headline[i] = true;
    }
    let words_of =
        |m: &Mention| -> (usize, usize) { (doc.token_at_or_after(m.span.start), doc.token_at_or_after(m.span.end)) };
    // the people the text names outside title-case lines, as word sequences
    let mut body: Vec<Vec<&str>> = Vec::new();
    for (i, (m, _)) in out.iter().enumerate() {
        if m.kind != MentionKind::Name || m.etype != Some(EntityType::Person) || in_headline[i] {
            continue;
        }
        let (a, b) = (doc.token_at_or_after(m.head_span.start), doc.token_at_or_after(m.head_span.end));
        let ws: Vec<&str> = (a..b).map(|k| doc.token_text(k)).collect();
        if !ws.is_empty() {
            body.push(ws);
        }
    }
    if body.is_empty() {
        return;
    }
    // longest first, each once
    body.sort_unstable_by(|x, y| y.len().cmp(&x.len()).then_with(|| x.cmp(y)));
    body.dedup();
    let mut add: Vec<(Mention, MentionInfo)> = Vec::new();
    // (the headline names replaced by the names they hold)
    let mut drop = vec![false; out.len()];
    let mut person = Vec::new();
    for &i in headline {
        let (m, _) = &out[i];
        let (a, b) = words_of(m);
        let text: Vec<&str> = (a..b).map(|k| doc.token_text(k)).collect();
        if body.contains(&text) {
            // (a person's name the body writes the same way is that person's, whatever the recogniser
            // made of the headline's words: "... As Sanders Turns Up The Heat")
            person.push(i);
            continue;
        }
        // leftmost-longest matches of the body's names
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut k = 0;
        while k < text.len() {
            match body.iter().find(|ws| text[k..].starts_with(ws)) {
                Some(ws) => {
                    found.push((k, k + ws.len()));
                    k += ws.len();
                }
                None => k += 1,
            }
        }
        let covered = |j: usize| found.iter().any(|&(x, y)| x <= j && j < y);
        // (a given name or an initial left over is part of a person's name the body writes shorter:
        // "Salma Hayek" with "Hayek", "Donald J. Trump" with "Donald" and "Trump")
        let rest_ok = (0..text.len()).filter(|&j| !covered(j)).all(|j| {
            let w = text[j];
            w.chars().next().is_some_and(char::is_uppercase)
                && w.trim_end_matches('.').chars().count() > 1
                && !org_word(lex, w)
                && !lex.known.contains_key(w)
                && !lex.given_names_any.contains(w)
        });
        // (a lone surname after another capitalised word may be that word's full name: "Salma Hayek" where
        // the body writes "Hayek")
        let lone_surname = found.len() == 1 && found[0].1 - found[0].0 == 1 && found[0].0 > 0;
        if found.is_empty() || !rest_ok || lone_surname || found.len() == 1 && found[0] == (0, text.len()) {
            continue;
        }
        drop[i] = true;
        for (x, y) in found {
            let sp = Span::new(doc.tokens[a + x].span.start, doc.tokens[a + y - 1].span.end);
            let mention = Mention { span: sp, head_span: sp, etype: Some(EntityType::Person), ..out[i].0.clone() };
            let info = MentionInfo {
                gender: lex.given_names.get(text[x]).copied(),
                in_credit: out[i].1.in_credit,
                subject: out[i].1.subject && x == 0,
                ..Default::default()
            };
            add.push((mention, info));
        }
    }
    for i in person {
        out[i].0.etype = Some(EntityType::Person);
    }
    let mut dropped = drop.into_iter();
    out.retain(|_| !dropped.next().unwrap_or(false));
    out.extend(add);
}

/// True when sentence `si` has no word with a lower-case letter (a headline in capitals, "SENATE SHIFTS").
/// "WHO officials said": a function word written in capitals (two letters or more) in a sentence written in
/// lower case is an acronym, a name.
fn acronym_in_text(doc: &Doc, si: usize, k: usize) -> bool {
    let w = doc.token_text(k);
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !w.chars().any(char::is_lowercase)
        && !is_sentence_caps(doc, si)
}

fn is_sentence_caps(doc: &Doc, si: usize) -> bool {
    doc.sentences[si]
        .tokens
        .clone()
        .all(|k| doc.tokens[k].kind != TokenKind::Word || !doc.token_text(k).chars().any(char::is_lowercase))
}

/// True when the recogniser read the lone word at `span` as a person's or organisation's name of its own
/// and the text never writes it in lower case: "Politico was the first to report".
fn read_as_name(model: &[Mention], span: Span, lower_seen: &HashSet<&str>, w: &str) -> bool {
    let i = model.partition_point(|m| m.span.end <= span.start);
    model.get(i).is_some_and(|m| m.span == span && matches!(m.etype, Some(EntityType::Person | EntityType::Org)))
        && !lower_seen.contains(w.to_lowercase().as_str())
}

/// True when the three words from token `k` are a first name, an initial and a surname ("Douglas J.
/// Band"): a capitalised word of three letters or more, then one letter and a full stop.
fn initial_between(doc: &Doc, k: usize) -> bool {
    let first = doc.token_text(k);
    let second = doc.token_text(k + 1);
    first.chars().count() >= 3
        && first.starts_with(char::is_uppercase)
        && first.chars().all(char::is_alphabetic)
        && second.len() == 2
        && second.ends_with('.')
        && second.starts_with(|c: char| c.is_ascii_uppercase())
}

/// True when `w` is an organisation word, also in the plural ("Universities", "Colleges").
fn org_word(lex: &Lexicons, w: &str) -> bool {
    lex.org_words.contains(w)
        || w.strip_suffix("ies").is_some_and(|s| lex.org_words.contains(&format!("{s}y")))
        || w.strip_suffix('s').is_some_and(|s| lex.org_words.contains(s))
}

/// The end of the run of capitalised words (and plural possessives) starting at token `from`.
fn cap_run_end(doc: &Doc, from: usize, end: usize, lex: &Lexicons) -> usize {
    let mut j = from + 1;
    while j < end {
        if (is_cap(doc, j) && doc.tokens[j - 1].space_after) || plural_possessive(doc, j, end, lex) {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// True when token `j` is the apostrophe of a plural possessive inside an organisation's name:
/// "Employers' Association" (written on a plural that is no organisation word, with a name ending on one
/// after it; "Fox News' Chris Wallace" is two names).
fn plural_possessive(doc: &Doc, j: usize, end: usize, lex: &Lexicons) -> bool {
    j + 1 < end
        && j > 0
        && matches!(doc.token_text(j), "'" | "’")
        && !doc.tokens[j - 1].space_after
        && doc.tokens[j].space_after
        && doc.token_text(j - 1).ends_with('s')
        && is_cap(doc, j - 1)
        && is_cap(doc, j + 1)
        && !org_word(lex, doc.token_text(j - 1))
        && lex.org_words.contains(doc.token_text(cap_run_end(doc, j + 1, end, lex) - 1))
}

/// True when token `j` is the possessive of a title or organisation word inside an organisation's name:
/// "Harris County Sheriff's Office", "the Attorney General's Office" (a run of at most three capitalised
/// words ending on an organisation word follows).
fn office_possessive(doc: &Doc, j: usize, end: usize, lex: &Lexicons) -> bool {
    j + 1 < end
        && j > 0
        && doc.token_norm(j) == "'s"
        && !doc.tokens[j - 1].space_after
        && is_cap(doc, j - 1)
        && is_cap(doc, j + 1)
        && (lex.is_title(doc.token_text(j - 1)) || org_word(lex, doc.token_text(j - 1)))
        && {
            let e = cap_run_end(doc, j + 1, end, lex);
            e - (j + 1) <= 3 && lex.org_words.contains(doc.token_text(e - 1))
        }
}

/// A descriptor before a name fixes its type: an organisation noun right before it ("the relief agency
/// Muslim Hands") makes it an organisation, a political division and "of" ("the states of Mato Grosso and
/// Paraná", "the city of Baltimore") a place, with the names joined to that one by "and" or a comma.
/// Names of the gazetteers and names with a title keep their type.
fn descriptor_types(doc: &Doc, mentions: &mut [(Mention, MentionInfo)], lex: &Lexicons) {
    let mut place_end: Option<usize> = None;
    for (m, info) in mentions.iter_mut() {
        if m.kind != MentionKind::Name {
            continue;
        }
        let k = doc.token_at_or_after(m.head_span.start);
        let end = doc.token_at_or_after(m.head_span.end);
        let lower = |t: usize| accord_text::lowercase(doc.token_text(t));
        let free = info.known.is_none() && info.titles.is_empty() && m.span == m.head_span;
        let division_of = k >= 2 && lower(k - 1) == "of" && lex.place_division_nouns.contains(lower(k - 2).as_ref());
        let joined = k >= 1 && place_end == Some(k - 1) && matches!(doc.token_text(k - 1), "and" | ",");
        let org_noun = k >= 1
            && doc.token_text(k - 1).starts_with(char::is_lowercase)
            && doc.tokens[k - 1].analysis.as_ref().is_some_and(|a| a.upos() == "NOUN")
            && lex.referring_nouns.get(lower(k - 1).as_ref()).is_some_and(|(t, _)| *t == EntityType::Org);
        place_end = None;
        // "Josh Earnest", "Haleh Karimi": a name the recogniser left untyped (MISC) that opens with a given
        // name, or follows a noun for a person, and has one or two more capitalised words is a person's
        let words = end.saturating_sub(k);
        // ("resident Dennise Laboy", "attorney Velmir Okonjo": or one right after a noun for a person)
        let person_noun = k >= 1
            && doc.token_text(k - 1).starts_with(char::is_lowercase)
            && lex.source_nouns.get(lower(k - 1).as_ref()).is_some_and(|(_, plural)| !plural);
        if m.etype == Some(EntityType::Other)
            && info.known.is_none()
            && (2..=3).contains(&words)
            && (lex.given_names_any.contains(doc.token_text(k)) || person_noun)
            // (not a place's name, "Paris Agreement", nor one that ends in a common noun, "Jordan Act")
            && !lex.known.contains_key(doc.token_text(k))
            && !accord_lexicon::usually_lower(&accord_text::lowercase(doc.token_text(end - 1)))
            && (k..end).all(|t| {
                doc.tokens[t].kind == TokenKind::Word
                    && doc.token_text(t).starts_with(char::is_uppercase)
                    && doc.token_text(t).chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
            })
        {
            m.etype = Some(EntityType::Person);
            info.gender = lex.given_names.get(doc.token_text(k)).copied();
            continue;
        }
        // "IslamOnline.net said ...": a web address as a name is the site's organisation
        let web = end == k + 1 && {
            let w = doc.token_text(k);
            [".com", ".net", ".org"].iter().any(|d| w.len() > d.len() + 1 && w.ends_with(d))
        };
        if web && matches!(m.etype, Some(EntityType::Person | EntityType::Gpe | EntityType::Other)) {
            m.etype = Some(EntityType::Org);
            info.gender = None;
            continue;
        }
        // "Batasuna, the banned party, said ...": an apposition headed by a noun for an organisation makes
        // a name the recogniser read as a person's or a place's an organisation's (not a known name, nor one
        // opened by a given name or an honorific)
        if matches!(m.etype, Some(EntityType::Person | EntityType::Gpe | EntityType::Other))
            && info.known.is_none()
            && m.span == m.head_span
            && !lex.given_names_any.contains(doc.token_text(k))
            && !info.honorific
            // (not a month or a day: "In May, a political action committee ...")
            && !(k..end).any(|t| {
                let w = doc.token_text(t).trim_end_matches('.');
                lex.months.contains_key(w) || lex.weekdays.contains_key(w)
            })
        {
            if let Some(noun) = org_apposition(doc, end, lex) {
                m.etype = Some(EntityType::Org);
                info.gender = None;
                info.titles.retain(|t| !t.ends_with(noun));
                continue;
            }
        }
        if !free {
            continue;
        }
        // "Lorena (not her real name), an Angolan woman ...": an apposition headed by a noun for a person
        // makes a name the recogniser read as a place or left untyped a person's
        // (not a month or a day: "Last May, a federal judge ordered ...")
        let when = (k..end).any(|t| {
            let w = doc.token_text(t).trim_end_matches('.');
            lex.months.contains_key(w) || lex.weekdays.contains_key(w)
        });
        if matches!(m.etype, Some(EntityType::Gpe | EntityType::Other)) && !when && person_apposition(doc, end, lex) {
            m.etype = Some(EntityType::Person);
            info.gender = None;
            continue;
        }
        if division_of || joined {
            m.etype = Some(EntityType::Gpe);
            info.gender = None;
            place_end = Some(end);
        } else if org_noun {
            m.etype = Some(EntityType::Org);
            info.gender = None;
        }
    }
}

/// True when token `j`, right after a name, opens an apposition headed by a singular noun for a person (a
/// source noun or a noun that marks a gender): ", a 34-year-old mother of two", "(not her real name), an
/// Angolan woman", "— the former press secretary —".
fn person_apposition(doc: &Doc, j: usize, lex: &Lexicons) -> bool {
    let s = &doc.sentences[doc.tokens.get(j).map_or(0, |t| t.sentence)];
    let mut k = j;
    // a parenthesis first
    if k < s.tokens.end && doc.token_text(k) == "(" {
        match (k + 1..s.tokens.end.min(k + 8)).find(|&t| doc.token_text(t) == ")") {
            Some(c) => k = c + 1,
            None => return false,
        }
    }
    // (or set off by a dash: "Dee Dee Myers — a White House press secretary for Bill Clinton — is ..."; a
    // comma and "the" may open the sentence's clause instead: "In Tamarac, the city manager said")
    let dash = k < s.tokens.end && matches!(doc.token_text(k), "—" | "–" | "--");
    if k + 2 >= s.tokens.end
        || !(doc.token_text(k) == "," || dash)
        || !(matches!(doc.token_text(k + 1), "a" | "an") || dash && doc.token_text(k + 1) == "the")
    {
        return false;
    }
    // up to four modifiers, then the head noun
    for t in k + 2..s.tokens.end.min(k + 7) {
        let w = accord_text::lowercase(doc.token_text(t));
        let Some(an) = doc.tokens[t].analysis.as_ref() else { return false };
        if an.upos() == "NOUN" && w.chars().all(char::is_lowercase) {
            let head_next = doc.tokens.get(t + 1).and_then(|x| x.analysis.as_ref()).is_some_and(|x| x.upos() == "NOUN");
            if !head_next {
                return lex.gendered_nouns.contains_key(w.as_ref())
                    || lex.source_nouns.get(w.as_ref()).is_some_and(|(_, plural)| !plural);
            }
        } else if !matches!(an.upos(), "ADJ" | "NUM" | "PROPN" | "NOUN") && doc.token_text(t) != "-" {
            return false;
        }
    }
    false
}

/// The head noun of an apposition right after a name (token `j` is its comma) when it is a noun for an
/// organisation (an organisation's referring noun): ", the banned party,", ", a Basque separatist group".
fn org_apposition<'a>(doc: &'a Doc, j: usize, lex: &Lexicons) -> Option<&'a str> {
    let s = &doc.sentences[doc.tokens.get(j).map_or(0, |t| t.sentence)];
    if j + 2 >= s.tokens.end || doc.token_text(j) != "," || !matches!(doc.token_text(j + 1), "a" | "an" | "the") {
        return None;
    }
    // up to four modifiers, then the head noun (the last noun before a comma, a verb or the sentence end)
    for t in j + 2..s.tokens.end.min(j + 7) {
        let an = doc.tokens[t].analysis.as_ref()?;
        let w = doc.token_text(t);
        if an.upos() == "NOUN" && w.chars().all(char::is_lowercase) {
            let head_next = doc.tokens.get(t + 1).and_then(|x| x.analysis.as_ref()).is_some_and(|x| x.upos() == "NOUN");
            if !head_next {
                return lex.referring_nouns.get(w).is_some_and(|(ty, _)| *ty == EntityType::Org).then_some(w);
            }
        } else if !matches!(an.upos(), "ADJ" | "NUM" | "PROPN" | "NOUN" | "VERB") && w != "-" {
            return None;
        }
    }
    None
}

/// True when the words at token `j` name the kind of organisation the name before them is: a referring
/// noun of an organisation ("agency", "chain"), alone or after one more lower-case noun ("news agency").
fn org_noun_after(doc: &Doc, j: usize, end: usize, lex: &Lexicons) -> bool {
    let org_noun = |k: usize| {
        k < end
            && doc.token_text(k).starts_with(char::is_lowercase)
            && lex.referring_nouns.get(doc.token_text(k)).is_some_and(|(t, _)| *t == EntityType::Org)
    };
    let noun = |k: usize| {
        k < end
            && doc.token_text(k).starts_with(char::is_lowercase)
            && doc.tokens[k].analysis.as_ref().is_some_and(|a| a.upos() == "NOUN")
    };
    org_noun(j) || (noun(j) && org_noun(j + 1))
}

/// True when token `j` (after another token) is a hyphen written without a space on either side.
/// True when token `j` is an Arabic article joined by a hyphen to a capitalised word ("al-Qaeda",
/// "Al-Zahar", "el-Sisi"; `article` in `name_connectors.tsv`, in either case).
fn article_joined(doc: &Doc, j: usize, end: usize) -> bool {
    j + 2 < end
        && accord_lexicon::names::is_article(doc.token_text(j))
        && tight_hyphen(doc, j + 1)
        && is_cap(doc, j + 2)
}

fn tight_hyphen(doc: &Doc, j: usize) -> bool {
    j > 0 && doc.token_text(j) == "-" && !doc.tokens[j - 1].space_after && !doc.tokens[j].space_after
}

/// True when `w` is an acronym: two or more capital letters and no lower-case one ("ISO", "AIDS").
fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// True when token `j` is a hyphen written without spaces between a name word and a word that goes on the
/// name: a capitalised word ("Smith-Okafor"), or a lower-case one never written alone in the document and
/// not a compound suffix ("Ki-moon", not "Obama-era" or "Texas-based").
fn hyphen_joined(doc: &Doc, j: usize, end: usize, lower_alone: &HashSet<&str>) -> bool {
    if j + 1 >= end || !tight_hyphen(doc, j) {
        return false;
    }
    if doc.tokens[j + 1].kind != TokenKind::Word {
        return false;
    }
    let next = doc.token_text(j + 1);
    if is_cap(doc, j + 1) {
        return true;
    }
    const SUFFIXES: &[&str] = &[
        "era",
        "style",
        "led",
        "backed",
        "based",
        "owned",
        "born",
        "made",
        "type",
        "like",
        "linked",
        "related",
        "funded",
        "run",
        "sponsored",
        "controlled",
        "held",
        "friendly",
        "specific",
        "wide",
        "affiliated",
        "aligned",
    ];
    next.len() <= 5 && !lower_alone.contains(next) && !SUFFIXES.contains(&next)
}

/// True when an organisation word inside `[a, b)` takes a complement: "National Institute for Space
/// Research", "Bank of Spain".
fn org_before_connector(doc: &Doc, a: usize, b: usize, lex: &Lexicons) -> bool {
    let connectors = &accord_lexicon::names::connectors().rules;
    (a..b.saturating_sub(1))
        .any(|t| lex.org_words.contains(doc.token_text(t)) && connectors.contains(&doc.token_text(t + 1)))
}

/// "National Academy of Sciences and Engineering", "Department of Health and Human Services", "Centre for
/// Disease Prevention and Control": the `of` (or `for`) complement of an organisation word in the run `[i, j)` goes on over "and" (or "&") at `j` to the
/// capitalised words that end the run (at most three), when none of them is a known name, a given name or
/// a title word and the recogniser found no person there ("the Department of Justice and Jane Roe").
/// Returns the new end of the run.
fn and_joined_complement(
    doc: &Doc,
    i: usize,
    j: usize,
    end: usize,
    lex: &Lexicons,
    model: &[Mention],
) -> Option<usize> {
    if !matches!(doc.token_text(j), "and" | "&") || j + 1 >= end || !is_cap(doc, j + 1) {
        return None;
    }
    if !(i..j.saturating_sub(1))
        .any(|t| lex.org_words.contains(doc.token_text(t)) && matches!(doc.token_text(t + 1), "of" | "for"))
    {
        return None;
    }
    let mut e = j + 1;
    while e < end && is_cap(doc, e) && doc.tokens[e - 1].space_after {
        e += 1;
    }
    if e - (j + 1) > 3 || (e < end && doc.token_text(e) == "of") {
        return None;
    }
    let plain = (j + 1..e).all(|t| {
        let w = doc.token_text(t);
        !lex.known.contains_key(w) && !lex.given_names_any.contains(w) && !lex.is_title(w)
    });
    let sp = Span::new(doc.tokens[j + 1].span.start, doc.tokens[e - 1].span.end);
    let person = model.iter().any(|m| m.etype == Some(EntityType::Person) && m.span.overlap(sp) > 0);
    (plain && !person).then_some(e)
}

/// "Securities and Exchange Commission", "University and College Union": the run `[i, j)` goes on over
/// "and" (or "&") at `j` when the capitalised words after it end in an organisation word and the run so far
/// is no organisation's name of its own (two words or more ending in one, an acronym, a known name: "the
/// State Department and Defense Department", "NBC and Universal Television" stay two names). Returns the
/// new end of the run.
fn and_joined_org(doc: &Doc, i: usize, j: usize, end: usize, lex: &Lexicons) -> Option<usize> {
    if !matches!(doc.token_text(j), "and" | "&") || j + 1 >= end || !is_cap(doc, j + 1) {
        return None;
    }
    let before = doc.token_text(j - 1);
    // an acronym is a name of its own: "NBC and Universal Television"
    let acronym = before.len() >= 2 && !before.chars().any(char::is_lowercase);
    if (j - i >= 2 && lex.org_words.contains(before)) || lex.known.contains_key(before) || acronym {
        return None;
    }
    let mut e = j + 1;
    while e < end && e <= j + 4 {
        if is_cap(doc, e) && doc.tokens[e - 1].space_after {
            e += 1;
        } else if plural_possessive(doc, e, end, lex) {
            e += 2;
        } else {
            break;
        }
    }
    (lex.org_words.contains(doc.token_text(e - 1)) && !lex.known.contains_key(doc.token_text(j + 1))).then_some(e)
}

/// "convicted Hartley of Zoe's manslaughter": the word after the "of" at `j` owns what follows it, and the
/// word before "of" is no organisation word or title ("Bank of America's" is one name).
fn possessor_after_of(doc: &Doc, j: usize, end: usize, lex: &Lexicons) -> bool {
    // (only "of": a particle keeps the name whole, "Osama bin Laden's")
    doc.token_text(j) == "of"
        && j + 2 < end
        && matches!(doc.token_norm(j + 2), "'s" | "'")
        && !lex.org_words.contains(doc.token_text(j - 1))
        && !lex.is_title(doc.token_text(j - 1))
}

/// A name mention over `span` (its own head) of type `etype` in sentence `si`, not yet in an entity.
fn name_mention(span: Span, etype: EntityType, si: usize) -> Mention {
    Mention { span, head_span: span, kind: MentionKind::Name, etype: Some(etype), entity: None, sentence: si }
}

/// Splits a run of capitalised tokens `[a, b)` into gazetteer names, honorific + name, titles and names.
#[allow(clippy::too_many_arguments)]
fn segment_run(
    doc: &Doc,
    a: usize,
    b: usize,
    si: usize,
    in_credit: bool,
    credit_kind: Option<&str>,
    lex: &Lexicons,
    model: &[Mention],
    lower_seen: &HashSet<&str>,
    out: &mut Vec<(Mention, MentionInfo)>,
) {
    // "Minister in the Ministry of Finance Brian Manning said": a person's full name (a given name and one
    // or two capitalised words that name no organisation or place) ending a run whose first part holds an
    // organisation word is a name of its own
    let tail = (b.saturating_sub(3).max(a + 2)..b.saturating_sub(1)).find(|&j| {
        let w = |k: usize| doc.token_text(k);
        lex.given_names_any.contains(w(j))
            && (j + 1..b).all(|k| {
                is_cap(doc, k)
                    && !lex.org_words.contains(w(k))
                    && lex.known_name(w(k)).is_none_or(|kn| kn.etype == EntityType::Person)
                    && !lex.is_title(w(k))
            })
            && is_cap(doc, j - 1)
            && !lex.given_names_any.contains(w(j - 1))
            && !lex.honorifics.contains_key(w(j - 1))
            // (not after a role or an abbreviated rank, which the title rules read: "Committee Chairman Bob
            // Corker", "Navy Capt. Jeff Davis")
            && !lex.source_nouns.contains_key(accord_text::lowercase(w(j - 1)).as_ref())
            && !w(j - 1).ends_with('.')
            // (a title word ends the first part only when an organisation word opens it: "Ministry of
            // Finance", not "Secretary of State")
            && (lex.org_words.contains(w(a)) || (!lex.is_title(w(j - 1)) && (a..j).any(|k| lex.org_words.contains(w(k)))))
    });
    // "Brian Chesky of Airbnb", "Lee Wang of The Intercept": a person's full name (a given name and one or
    // two capitalised words that are no organisation word or title) before "of" is a name of its own; what
    // follows "of" is where the person works or lives
    // (after a title or honorific: "Representative Peter T. King of New York")
    let mut g = a;
    while g + 1 < b && (lex.is_title(doc.token_text(g)) || lex.honorifics.contains_key(doc.token_text(g))) {
        g += 1;
    }
    let of_person = (g + 2..b.saturating_sub(1).min(g + 5)).find(|&o| {
        let w = |k: usize| doc.token_text(k);
        w(o) == "of"
            && lex.given_names_any.contains(w(g))
            // (a title word may be the surname of a full name of three words: "Peter T. King")
            && (g + 1..o).all(|k| {
                is_cap(doc, k) && !lex.org_words.contains(w(k)) && (!lex.is_title(w(k)) || (k + 1 == o && o >= g + 3))
            })
            && is_cap(doc, o + 1)
    });
    if let Some(o) = of_person {
        let before = out.len();
        segment_run(doc, a, o, si, in_credit, credit_kind, lex, model, lower_seen, out);
        for (m, info) in &mut out[before..] {
            if m.kind == MentionKind::Name && m.span.end == doc.tokens[o - 1].span.end {
                m.etype = Some(EntityType::Person);
                info.gender = info.gender.or_else(|| lex.given_names.get(doc.token_text(g)).copied());
            }
        }
        let after = out.len();
        segment_run(doc, o + 1, b, si, in_credit, credit_kind, lex, model, lower_seen, out);
        // (the recogniser may have typed the whole run a person: "Airbnb" is no one's name here, but a
        // place or an organisation)
        for (m, info) in &mut out[after..] {
            let first = doc.token_text(doc.token_at_or_after(m.span.start));
            if m.kind == MentionKind::Name
                && m.etype == Some(EntityType::Person)
                && info.known.is_none()
                && !lex.given_names_any.contains(first)
                && !lex.honorifics.contains_key(first)
            {
                let last = doc.token_text(doc.token_at_or_after(m.span.end).saturating_sub(1));
                m.etype = Some(if lex.org_words.contains(last) { EntityType::Org } else { EntityType::Other });
                info.gender = None;
            }
        }
        return;
    }
    if let Some(j) = tail {
        segment_run(doc, a, j, si, in_credit, credit_kind, lex, model, lower_seen, out);
        let before = out.len();
        segment_run(doc, j, b, si, in_credit, credit_kind, lex, model, lower_seen, out);
        // (the recogniser may have typed the whole run an organisation)
        for (m, info) in &mut out[before..] {
            if m.kind == MentionKind::Name && m.span.start == doc.tokens[j].span.start {
                m.etype = Some(EntityType::Person);
                info.gender = info.gender.or_else(|| lex.given_names.get(doc.token_text(j)).copied());
            }
        }
        return;
    }
    // "the Grand Ethiopian Renaissance Dam": a nationality inside a longer name does not split it
    let whole_name = b >= a + 3
        && !lex.known.contains_key(doc.token_text(a))
        && !lex.honorifics.contains_key(doc.token_text(a))
        && !lex.is_title(doc.token_text(a))
        && (a + 1..b - 1).any(|k| {
            // "Agence France Presse": a place between two words that are no places is part of a short
            // name (not of a headline written in capitals)
            lex.known_name(doc.token_text(k)).is_some_and(|kn| {
                kn.adjective
                    || (kn.etype == EntityType::Gpe
                        && b - a <= 4
                        && !lex.known.contains_key(doc.token_text(k - 1))
                        && !lex.known.contains_key(doc.token_text(b - 1))
                        && !lex.given_names_any.contains(doc.token_text(b - 1)))
            })
        })
        && (a..b).all(|k| !lex.is_title(doc.token_text(k)));
    if whole_name {
        let sp = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
        let last = doc.token_text(b - 1);
        let etype = if lex.org_words.contains(last) { EntityType::Org } else { EntityType::Other };
        out.push((name_mention(sp, etype, si), MentionInfo { in_credit, ..Default::default() }));
        return;
    }
    let mut k = a;
    while k < b {
        // Longest gazetteer match starting at k.
        let mut matched = None;
        let maxw = lex.known_max_words.min(b - k);
        for n in (1..=maxw).rev() {
            let sp = Span::new(doc.tokens[k].span.start, doc.tokens[k + n - 1].span.end);
            let text = doc.slice(sp);
            let titled;
            // (an abbreviation in capitals is looked up as written: "U.S.")
            let text = if text.len() > 3
                && text.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
                && !lex.known.contains_key(text)
            {
                // "LISBON" in a dateline
                titled = text
                    .split(' ')
                    .map(|w| {
                        let mut c = w.chars();
                        c.next().map(|f| f.to_string() + &c.as_str().to_lowercase()).unwrap_or_default()
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                titled.as_str()
            } else {
                text
            };
            // a place joined by a hyphen to the next word is part of a longer name ("Miami-Dade Police",
            // "Winston-Salem")
            if k + n + 1 < b && tight_hyphen(doc, k + n) {
                continue;
            }
            if let Some(kn) = lex.known_name(text) {
                // a religious or ethnic group word opening a longer run is part of a name ("Muslim Hands",
                // "Christian Aid"), not a nationality before one; so is one that is a given name before
                // more of the name ("Capt. Christian Pardo")
                if n == 1 && k + 1 < b && (k == a || lex.given_names_any.contains(text)) && kn.is_group() {
                    break;
                }
                // "Lawrence B. Cummings": a place name that is also a given name opens a person's name when
                // the recogniser reads the words after it into one person name (not "Charlotte Mayor X")
                if n == 1
                    && k + 1 < b
                    && kn.etype == EntityType::Gpe
                    && lex.given_names_any.contains(text)
                    && !lex.is_title(doc.token_text(k + 1))
                {
                    let next = Span::new(doc.tokens[k].span.start, doc.tokens[k + 1].span.end);
                    let i = model.partition_point(|m| m.span.end <= next.start);
                    if model.get(i).is_some_and(|m| m.span.contains(next) && m.etype == Some(EntityType::Person)) {
                        break;
                    }
                }
                // "California ISO", "Kenya AIDS Council": a place before an acronym that ends the run or
                // opens an organisation's name is part of the organisation's name
                if kn.etype == EntityType::Gpe && !kn.adjective && k == a && k + n < b {
                    let next = doc.token_text(k + n);
                    let acronym = is_acronym(next) && !lex.known.contains_key(next) && !lex.is_title(next);
                    if acronym && (k + n + 1 == b || lex.org_words.contains(doc.token_text(b - 1))) {
                        break;
                    }
                }
                // "New York Times", "Washington Post": a place before the last word of the run, an
                // organisation word, is part of the organisation's name
                // ("Chicago Police Department", "United States Citizenship and Immigration Services": up to
                // four more words, none known or a title)
                // (and a nationality opening the run: "the Chinese Communist Party", "the Israeli Defense
                // Forces", "the Russian Foreign Ministry", not one organisation word shared by every country)
                if ((kn.etype == EntityType::Gpe && !kn.adjective) || (kn.adjective && k == a && !kn.is_group()))
                    && k + n < b
                    && b - (k + n) <= 4
                    && lex.org_words.contains(doc.token_text(b - 1))
                    && (k + n..b).all(|r| {
                        // (title words name the body after a nationality: "Foreign Ministry", "Army")
                        !lex.known.contains_key(doc.token_text(r)) && (kn.adjective || !lex.is_title(doc.token_text(r)))
                    })
                {
                    break;
                }
                matched = Some((n, sp, kn.clone()));
                break;
            }
        }
        // "Central America", "Northern California": a direction or a part written before a known place
        // (not a place named on into an organisation's name: "South Florida Sun Sentinel")
        if matched.is_none()
            && k + 1 < b
            && !lex.org_words.contains(doc.token_text(b - 1))
            && lex.known_name_parts.get(doc.token_text(k)).is_some_and(|(before, _)| *before)
        {
            let place = (1..=lex.known_max_words.min(b - k - 1)).rev().find(|&n| {
                let sp = Span::new(doc.tokens[k + 1].span.start, doc.tokens[k + n].span.end);
                lex.known_name(doc.slice(sp)).is_some_and(|kn| {
                    (kn.etype == EntityType::Gpe && !kn.adjective) || (kn.etype == EntityType::Norp && !kn.is_group())
                })
            });
            if let Some(n) = place {
                let sp = Span::new(doc.tokens[k].span.start, doc.tokens[k + n].span.end);
                // ("Central Americans": the people of such a place)
                let whole = doc.slice(Span::new(doc.tokens[k + 1].span.start, sp.end));
                let etype = lex.known_name(whole).map_or(EntityType::Gpe, |kn| kn.etype);
                out.push((name_mention(sp, etype, si), MentionInfo { in_credit, ..Default::default() }));
                k += n + 1;
                continue;
            }
        }
        if let Some((n, sp, kn)) = matched {
            // "New York City", "Mexico City", "the Vietnam War", "the Arab Spring": a known place or
            // nationality and a word after it that makes one longer name of its own
            // (not before a title or an organisation word it opens: "U.S. District Judge")
            let part = (k + n + 1 == b
                || (k + n < b
                    && !lex.is_title(doc.token_text(k + n + 1))
                    && !lex.org_words.contains(doc.token_text(k + n + 1))))
            .then(|| lex.known_name_parts.get(doc.token_text(k + n)))
            .flatten()
            .filter(|(before, t)| {
                !before
                    && match t {
                        EntityType::Gpe => kn.etype == EntityType::Gpe && !kn.adjective,
                        _ => matches!(kn.etype, EntityType::Gpe | EntityType::Norp),
                    }
            });
            if let Some(&(_, etype)) = part {
                let sp = Span::new(sp.start, doc.tokens[k + n].span.end);
                out.push((name_mention(sp, etype, si), MentionInfo { in_credit, ..Default::default() }));
                k += n + 1;
                continue;
            }
            // "Reuters News Agency": a known organisation and organisation words after it in the run are one
            // name, the organisation's
            let (n, sp) = if kn.etype == EntityType::Org
                && k + n < b
                && b - (k + n) <= 3
                && (k + n..b).all(|r| lex.org_words.contains(doc.token_text(r)) || doc.token_text(r) == "News")
            {
                (b - k, Span::new(sp.start, doc.tokens[b - 1].span.end))
            } else {
                (n, sp)
            };
            // "Prime Minister" in the gazetteer? no; but "Israeli" before a name is a title part, still a mention.
            let etype = kn.etype;
            out.push((
                name_mention(sp, etype, si),
                MentionInfo { known: Some(kn.into_owned()), in_credit, ..Default::default() },
            ));
            k += n;
            continue;
        }
        // Honorific + name.
        let w = doc.token_text(k);
        let mut start = k;
        let mut gender = None;
        let mut honorific = false;
        if let Some(g) = lex.honorifics.get(w) {
            if k + 1 < b {
                gender = *g;
                honorific = true;
                k += 1;
            }
        }
        // (an honorific that marks a gender: "Mrs.", not "Dr.")
        let gendered_honorific = gender.is_some();
        // Leading title words become titles ("Prime Minister", "President", "Gen."), except in an
        // organisation's name ("Republican National Committee": `Republican` is no title there).
        let title_start = k;
        let org_run = lex.org_words.contains(doc.token_text(b - 1)) || org_before_connector(doc, a, b, lex);
        let mut modifier_only = false;
        // title words `from..k` that only modify a title's head, before one common word that ends the name
        let modifiers_before_common = |from: usize, k: usize| {
            (k + 1 == b || doc.token_text(k + 1) == "of")
                && (from..k).all(|t| accord_lexicon::names::is_title_modifier(doc.token_text(t)))
                && !lex.given_names_any.contains(doc.token_text(k))
                && !lex.is_title(doc.token_text(k))
                && {
                    let lw = accord_text::lowercase(doc.token_text(k));
                    lower_seen.contains(lw.as_ref()) || accord_lexicon::usually_lower(&lw)
                }
        };
        if !honorific && !org_run {
            loop {
                if k + 1 < b && lex.is_title(doc.token_text(k)) && !lex.known.contains_key(doc.token_text(k)) {
                    k += 1;
                } else if k > title_start
                    && k + 2 < b
                    && lex.is_title(doc.token_text(k + 1))
                    && !lex.known.contains_key(doc.token_text(k))
                    && !lex.given_names_any.contains(doc.token_text(k))
                {
                    // "Chief Financial Officer": a word between two title words is part of the title
                    k += 1;
                } else {
                    break;
                }
            }
            // "Secretary of State John Kerry", "Minister of Health Ana Costa": the title's "of" complement
            // runs to the first given name (one word when none is known), never to the run's end
            if k > title_start && k + 2 < b && doc.token_text(k) == "of" {
                k = (k + 2..b - 1).find(|&r| lex.given_names_any.contains(doc.token_text(r))).unwrap_or(k + 2);
                // (a word joined by a hyphen is one: "CEO of Coca-Cola Jane Roe")
                while k + 2 < b && tight_hyphen(doc, k) {
                    k += 2;
                }
            }
            // "The Press Trust of India", "the National Women's Institute": words that only modify a title
            // ("press", "national") before one common word are no title of a person; the run is a name
            if k > title_start && modifiers_before_common(title_start, k) {
                k = title_start;
                modifier_only = true;
            }
        }
        if !honorific && !org_run && !modifier_only {
            // a title word further in the run with a name after it: "Transport Minister Rui Costa", also
            // after leading title words ("Republican National Committee Chairman Reince Priebus") and
            // over a known name when a given name follows ("Former CIA Director David Petraeus")
            if let Some(t) = (k..b.saturating_sub(1))
                .rev()
                .find(|&t| lex.is_title(doc.token_text(t)) && !lex.known.contains_key(doc.token_text(t)))
            {
                let rest_names = (t + 1..b).all(|r| !lex.is_title(doc.token_text(r)));
                let upto_next_known = (k..=t).all(|r| !lex.known.contains_key(doc.token_text(r)))
                    || (k > title_start && lex.given_names_any.contains(doc.token_text(t + 1)));
                let mut from = t;
                while from > k && lex.is_title(doc.token_text(from - 1)) {
                    from -= 1;
                }
                if rest_names
                    && !modifiers_before_common(from, t + 1)
                    && upto_next_known
                    && b - (t + 1) >= 1
                    && (t + 1..b).any(|r| !lex.known.contains_key(doc.token_text(r)))
                {
                    k = t + 1;
                }
            }
        }
        if k > title_start {
            start = k;
        }
        // The name: up to the next gazetteer match inside the run, or the run end.
        // (a place name or nationality right after a given name is a surname: "Jim Jordan", "George
        // Washington", "Mark Cuban")
        // (or after a first name the recogniser reads into one person with it: "Joaquin Phoenix")
        let model_person = |e: usize| {
            let sp = Span::new(doc.tokens[k].span.start, doc.tokens[e].span.end);
            let i = model.partition_point(|m| m.span.end <= sp.start);
            model.get(i).is_some_and(|m| m.span.contains(sp) && m.etype == Some(EntityType::Person))
        };
        let surname_place = |e: usize| {
            e == k + 1
                && (lex.given_names_any.contains(doc.token_text(k)) || model_person(e))
                && !lex.known.contains_key(doc.token_text(k))
                && lex.known_name(doc.token_text(e)).is_some_and(|kn| {
                    (kn.etype == EntityType::Gpe && !kn.adjective)
                        // or a nationality written as a surname: "Mark Cuban"
                        || (kn.etype == EntityType::Norp && !doc.token_text(e).ends_with('s'))
                        // or a company named after its founder, the run's last word after a listed given
                        // name: "Michael Bloomberg", "Gerald Ford"
                        || (kn.etype == EntityType::Org
                            && e + 1 == b
                            && lex.given_names_any.contains(doc.token_text(k))
                            && !is_acronym(doc.token_text(e)))
                })
        };
        // (a group word that is a given name before more of the name: "Capt. Christian Pardo")
        let group_given = |e: usize| {
            e + 1 < b
                && lex.given_names_any.contains(doc.token_text(e))
                && lex.known_name(doc.token_text(e)).is_some_and(|kn| kn.is_group())
        };
        // a known name of one or more words opens at `e` ("Texas", "New Jersey")
        let known_at = |e: usize| {
            lex.known.contains_key(doc.token_text(e))
                || (2..=lex.known_max_words.min(b - e)).any(|n| {
                    lex.known
                        .contains_key(doc.slice(Span::new(doc.tokens[e].span.start, doc.tokens[e + n - 1].span.end)))
                })
        };
        // (a known name after a first name and a middle initial is the surname: "Michael R. Bloomberg")
        let after_initial = |e: usize| {
            let initial = |t: usize| {
                let w = doc.token_text(t);
                w.len() == 2 && w.starts_with(|c: char| c.is_ascii_uppercase()) && w.ends_with('.')
            };
            e >= k + 2
                && (k + 1..e).all(initial)
                && !lex.known.contains_key(doc.token_text(k))
                && (lex.given_names_any.contains(doc.token_text(k)) || model_person(e))
        };
        // (the recogniser ends a name before `e` and opens a person's there: "Port Authority Rick Cotton")
        let person_opens = |e: usize| {
            let before = doc.tokens[e - 1].span;
            let i = model.partition_point(|m| m.span.end <= before.start);
            model.get(i).is_some_and(|m| m.span.end == before.end)
                && model
                    .get(i + 1)
                    .is_some_and(|m| m.span.start == doc.tokens[e].span.start && m.etype == Some(EntityType::Person))
                && !lex.given_names_any.contains(doc.token_text(e - 1))
        };
        // (letters after a person's name that end the run are no part of it: "Judge Neil Ford QC", "Dame
        // Judi Dench OBE"; not after one word with no title, "the Conservative MP")
        let post_nominal = |k: usize, e: usize| {
            (e - k >= 2 || k > title_start || honorific)
                && (e..b).all(|t| lex.post_nominals.contains(doc.token_text(t)))
        };
        let mut e = k + 1;
        while e < b
            && (!known_at(e) || surname_place(e) || group_given(e) || after_initial(e) || tight_hyphen(doc, e - 1))
            && !lex.honorifics.contains_key(doc.token_text(e))
            && !person_opens(e)
            && !post_nominal(k, e)
        {
            e += 1;
        }
        // a person's name stops before the "of" of a place named after it ("Ted Cruz of Texas"); an
        // organisation's takes the place ("Bank of England", "University of Texas")
        if e < b && e > k + 1 && doc.token_text(e - 1) == "of" {
            if org_before_connector(doc, k, e, lex) {
                e = b;
            } else {
                e -= 1;
            }
        }
        // "a Special Prosecutor": title words before one role noun name no one (not "Rep. Price", whose
        // surname is a common word too, nor "Judge King", a title word)
        if k > title_start && !honorific && e == k + 1 && {
            let w = doc.token_text(k);
            let lw = accord_text::lowercase(w);
            !lex.given_names_any.contains(w) && !lex.is_title(w) && lex.source_nouns.contains_key(lw.as_ref())
        } {
            k = title_start;
            start = title_start;
        }
        let post_end = if e < b && post_nominal(k, e) { b } else { e };
        let name_sp = Span::new(doc.tokens[k].span.start, doc.tokens[e - 1].span.end);
        let span = Span::new(doc.tokens[start].span.start, doc.tokens[post_end - 1].span.end);
        let last = doc.token_text(e - 1);
        let words = e - k;
        let model_type = {
            let i = model.partition_point(|m| m.span.end <= name_sp.start);
            // (not a recogniser name that runs over "and" into this one: "the Department of Justice and
            // Jane Roe" read as one organisation)
            let over_and = |m: &Mention| {
                m.span.start < name_sp.start
                    && doc.slice(Span::new(m.span.start, name_sp.start)).split(' ').any(|w| w == "and" || w == "&")
            };
            model.get(i).filter(|m| m.span.overlap(name_sp) > 0 && !over_and(m)).and_then(|m| m.etype)
        };
        let etype = if honorific || k > title_start {
            EntityType::Person
        } else if words >= 2 && lex.street_words.contains(last) {
            // a street's name, whoever it is named after: "Joe Farrington Road"
            EntityType::Loc
        } else if words == 3 && initial_between(doc, k) {
            // a first name, an initial and a surname: "Douglas J. Band", whatever word the surname is
            EntityType::Person
        } else if lex.org_words.contains(last)
            || lex.org_words.contains(doc.token_text(k))
            // (a place and an acronym: "California ISO")
            || (words >= 2
                && lex.known_name(doc.token_text(k)).is_some_and(|kn| kn.etype == EntityType::Gpe && !kn.adjective)
                && is_acronym(last))
            || org_before_connector(doc, k, e, lex)
            || (words >= 2
                && !lex.given_names_any.contains(doc.token_text(k))
                && lex.known_name(doc.token_text(k)).is_some_and(|kn| kn.is_group()))
        {
            // (a name opened by a religious or ethnic group word: "Muslim Hands", "Jewish Agency")
            EntityType::Org
        } else if words >= 2
            && lex.given_names_any.contains(doc.token_text(k))
            && !lex.known.contains_key(doc.token_text(k))
            && model_type != Some(EntityType::Org)
        {
            // a known given name opening a name of several words: a person ("Pat Caddell", whatever
            // type the recogniser guessed)
            EntityType::Person
        } else if words >= 3
            && (k + 1..e - 1).any(|t| accord_lexicon::names::connectors().person.contains(&doc.token_text(t)))
        {
            // a patronymic particle inside the name: "Osama bin Laden", "Mohammed bin Salman"
            EntityType::Person
        } else if let Some(t) = model_type {
            t
        } else if words == 1 && last.len() > 1 && last.chars().all(|c| c.is_uppercase() || c == '.') {
            EntityType::Org
        } else if words >= 2 {
            EntityType::Person
        } else {
            EntityType::Other
        };
        // "Social Security", "the Common Core", "the Situation Room", "a Special Prosecutor": a name of
        // several words that are all common words or title words, none a given name, with no honorific or
        // title before it, is no one's name
        let common = |t: usize| {
            let lw = accord_text::lowercase(doc.token_text(t));
            lower_seen.contains(lw.as_ref()) || accord_lexicon::usually_lower(&lw)
        };
        let etype = if etype == EntityType::Person
            && !honorific
            && k == title_start
            && words >= 2
            && (k..e).any(common)
            && (k..e).all(|t| {
                doc.tokens[t].kind == TokenKind::Word
                    && !lex.given_names_any.contains(doc.token_text(t))
                    && (common(t) || lex.is_title(doc.token_text(t)))
            }) {
            EntityType::Other
        } else {
            etype
        };
        let mut titles = Vec::new();
        // a first name that marks a gender ("Kristin Wilkins", or "Aisha" alone), when no honorific did
        if gender.is_none() && etype == EntityType::Person {
            gender = lex.given_names.get(doc.token_text(k)).copied();
        }
        if etype == EntityType::Person {
            if k > title_start && !honorific {
                // the title is the stripped words, plus what stands before them ("US" + "President")
                let first = doc.sentences[si].tokens.start;
                let mut from = title_start;
                while from > first {
                    let w = doc.token_text(from - 1);
                    if from >= first + 2 && lex.known.contains_key(&format!("{} {}", doc.token_text(from - 2), w)) {
                        from -= 2;
                    } else if lex.is_title(w) || (lex.known.contains_key(w) && w.starts_with(char::is_uppercase)) {
                        from -= 1;
                    } else if let Some(owner) = known_owner(doc, from, first, lex) {
                        // "Israel's Prime Minister": the owner stays with the title, and ends it
                        from = owner;
                        break;
                    } else {
                        break;
                    }
                }
                titles.push(doc.slice(Span::new(doc.tokens[from].span.start, doc.tokens[k - 1].span.end)).to_string());
            } else if let Some(t) = title_before(doc, start, si, lex)
                .or_else(|| title_set_off_before(doc, start, si, lex))
                .or_else(|| descriptor_before(doc, start, si, lex))
            {
                titles.push(t);
            }
            titles.extend((e..post_end).map(|t| doc.token_text(t).to_string()));
            if let Some(t) = appositive_after(doc, post_end, si, lex).or_else(|| predicate_role(doc, post_end, si, lex))
            {
                titles.push(t);
            }
            match credit_kind {
                Some("photo") => titles.push("photographer".to_string()),
                Some("byline") => titles.push("reporter".to_string()),
                _ => {}
            }
            if gender.is_none() {
                gender = gender_in_context(doc, title_start, e, si, &titles, lex);
            }
        }
        // A lone title word that is not followed by a name ("President" alone) is not a mention.
        // "the Secretary of Defense": a title with its "of" complement and no name after it
        // (nor is a function word left alone before a known name: "The" of "told The Associated Press")
        let lone_title = (words == 1
            && (lex.is_title(last) || (k == start && FUNCTION_WORDS.contains(&accord_text::lowercase(last).as_ref())))
            || doc.token_text(k) == "of")
            && !honorific;
        if !lone_title {
            out.push((
                Mention {
                    span,
                    head_span: name_sp,
                    kind: MentionKind::Name,
                    etype: Some(etype),
                    entity: None,
                    sentence: si,
                },
                MentionInfo { titles, gender, honorific: gendered_honorific, in_credit, ..Default::default() },
            ));
        }
        k = post_end;
    }
}

/// The gender a noun next to a person's name marks, when the name marks none: a noun right before it
/// ("his wife Ana Reis", "Ramdehol's sister, Inderdai Deyal"), the last word of a title, or the head of
/// a short appositive after it (", a spokeswoman for", ", his brother,"); `gendered_nouns.tsv`.
fn gender_in_context(
    doc: &Doc,
    start: usize,
    end: usize,
    si: usize,
    titles: &[String],
    lex: &Lexicons,
) -> Option<char> {
    let noun = |w: &str| lex.gendered_nouns.get(accord_text::lowercase(w).as_ref()).copied();
    let s = &doc.sentences[si];
    let mut before = start;
    if before > s.tokens.start && doc.token_text(before - 1) == "," {
        before -= 1;
    }
    let lower = |k: usize| doc.token_text(k).starts_with(char::is_lowercase);
    if let Some(g) = (before > s.tokens.start && lower(before - 1)).then(|| noun(doc.token_text(before - 1))).flatten()
    {
        return Some(g);
    }
    if let Some(g) = titles.iter().find_map(|t| t.split(' ').next_back().and_then(noun)) {
        return Some(g);
    }
    // ", his sister," / ", a spokeswoman for ...": an appositive opened by a determiner or a possessive,
    // up to three words before the noun (not ", who with her husband", ", through a spokeswoman")
    let opens_np = |k: usize| {
        doc.tokens[k].analysis.as_ref().is_some_and(|a| a.upos() == "DET" || (a.upos() == "PRON" && a.xpos() == "PRP$"))
    };
    if end + 1 < s.tokens.end && doc.token_text(end) == "," && opens_np(end + 1) {
        for k in end + 2..s.tokens.end.min(end + 5) {
            if doc.token_text(k) == "," || !lower(k) {
                break;
            }
            if let Some(g) = noun(doc.token_text(k)) {
                return Some(g);
            }
        }
    }
    None
}

/// The title written just before a name: title words, known places and organisations
/// ("White House press secretary", "US envoy", "Prime Minister").
pub fn title_before(doc: &Doc, name_start: usize, si: usize, lex: &Lexicons) -> Option<String> {
    let first = doc.sentences[si].tokens.start;
    let mut k = name_start;
    let mut has_title_word = false;
    while k > first {
        let w = doc.token_text(k - 1);
        if k >= first + 2 && lex.known.contains_key(&format!("{} {}", doc.token_text(k - 2), w)) {
            k -= 2;
        } else if lex.is_title(w) {
            has_title_word = true;
            k -= 1;
        } else if lex.known.contains_key(w) && doc.token_text(k - 1).starts_with(char::is_uppercase) {
            k -= 1;
        } else if let Some(owner) = known_owner(doc, k, first, lex).filter(|_| has_title_word) {
            k = owner;
            break;
        } else if let Some(t) = portfolio_title(doc, k, first, lex) {
            // "Minister for Rehabilitation Jayalath Jayawardena": the portfolio after "for" or "of"
            has_title_word = true;
            k = t;
        } else {
            break;
        }
    }
    if !has_title_word || k == name_start {
        return None;
    }
    // lower-case modifiers of the title: "union leader", "tenant organiser" (not verbs, not function words)
    let mut extra = 0;
    while k > first && extra < 2 {
        let w = doc.token_text(k - 1);
        let lw = accord_text::lowercase(w);
        if doc.tokens[k - 1].kind == TokenKind::Word
            && w.starts_with(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&lw.as_ref())
            && lex.cue(w).is_none()
            && !lw.ends_with("ed")
            && !lw.ends_with("ly")
            && doc.tokens[k - 1].analysis.as_ref().is_none_or(|a| matches!(a.upos(), "NOUN" | "ADJ"))
        {
            k -= 1;
            extra += 1;
        } else {
            break;
        }
    }
    let sp = Span::new(doc.tokens[k].span.start, doc.tokens[name_start - 1].span.end);
    Some(doc.slice(sp).to_string())
}

/// The capitalised title word before a portfolio of capitalised words that ends at token `k`: "Minister" in
/// "Minister for Rehabilitation", "Secretary" in "Secretary of Homeland Security" (at most four words after
/// "for" or "of"), or before "for"/"of" and the title word at `k` ("Secretary" of "Secretary of State").
fn portfolio_title(doc: &Doc, k: usize, first: usize, lex: &Lexicons) -> Option<usize> {
    let mut m = k;
    while m > first && k - m < 4 && doc.tokens[m - 1].kind == TokenKind::Word && is_cap(doc, m - 1) {
        m -= 1;
    }
    // (the portfolio may be empty after a title that ends one: "Under Secretary of State for Political Affairs")
    (m >= first + 2
        && matches!(doc.token_text(m - 1), "for" | "of")
        && is_cap(doc, m - 2)
        && lex.is_title(doc.token_text(m - 2))
        && (m < k || lex.is_title(doc.token_text(k))))
    .then(|| m - 2)
}

/// The start of a known place or organisation owning the title that starts at token `k`: "Israel's" in
/// "Israel's Prime Minister", "Britain's" in "Britain's Foreign Secretary".
fn known_owner(doc: &Doc, k: usize, first: usize, lex: &Lexicons) -> Option<usize> {
    if k < first + 2 || !matches!(doc.token_norm(k - 1), "'s" | "'") {
        return None;
    }
    let w = doc.token_text(k - 2);
    if k >= first + 3 && lex.known.contains_key(&format!("{} {}", doc.token_text(k - 3), w)) {
        return Some(k - 3);
    }
    (lex.known.contains_key(w) && w.starts_with(char::is_uppercase)).then_some(k - 2)
}

/// Nouns of time that are never a descriptor before a name ("last year", "that night"): the words of
/// the relative date expressions.
fn time_noun(lex: &Lexicons, lw: &str) -> bool {
    lex.date_words.relative.get(lw).is_some_and(|r| r.alone.is_some())
        || lex.date_words.relative.values().any(|r| r.with_next.iter().any(|(n, _, _)| n == lw))
}

/// A descriptor written without an article right before a person's name, with no title word in it (a
/// "false title"): "baseball great Jackie Robinson", "novelist Ana Costa". Lower-case nouns and
/// adjectives, at most three, one of them a singular common noun; not verbs, cues or words of time.
pub fn descriptor_before(doc: &Doc, name_start: usize, si: usize, lex: &Lexicons) -> Option<String> {
    let first = doc.sentences[si].tokens.start;
    let mut k = name_start;
    let mut noun = false;
    while k > first && name_start - k < 3 {
        let w = doc.token_text(k - 1);
        let lw = accord_text::lowercase(w);
        let Some(a) = doc.tokens[k - 1].analysis.as_ref() else { break };
        let ok = doc.tokens[k - 1].kind == TokenKind::Word
            && w.starts_with(char::is_lowercase)
            && matches!(a.xpos(), "NN" | "JJ")
            && !FUNCTION_WORDS.contains(&lw.as_ref())
            && lex.cue(w).is_none()
            && !time_noun(lex, &lw);
        if !ok {
            break;
        }
        noun |= a.xpos() == "NN";
        k -= 1;
    }
    // a hedge that opens the descriptor is part of it ("suspected terrorist mastermind X", "alleged
    // ringleader X") and opens its noun phrase
    let hedged = noun
        && k > first
        && k < name_start
        && doc.tokens[k - 1].kind == TokenKind::Word
        && doc.token_text(k - 1).starts_with(char::is_lowercase)
        && lex.hedges.contains(accord_text::lowercase(doc.token_text(k - 1)).as_ref())
        && doc.tokens[k - 1].analysis.as_ref().is_some_and(|a| a.deprel() == "amod");
    if hedged {
        k -= 1;
    }
    // the phrase must not go on a noun phrase or a fixed phrase before it ("the team's baseball great",
    // "in case", "a cap-and-trade bill"): it opens the sentence, or follows a verb ("playing baseball
    // great X"), a punctuation mark set off by a space or a word that opens a clause
    // (or a word that opens a clause: "where terror suspect X is believed to hide")
    let opens = hedged
        || k == first
        || (doc.tokens[k - 1].space_after
            && doc.tokens[k - 1].analysis.as_ref().is_some_and(|a| matches!(a.upos(), "VERB" | "PUNCT"))
            || matches!(
                accord_text::lowercase(doc.token_text(k - 1)).as_ref(),
                "where" | "when" | "while" | "because" | "although" | "though" | "since" | "unless" | "until"
            ));
    (noun && opens && k < name_start)
        .then(|| doc.slice(Span::new(doc.tokens[k].span.start, doc.tokens[name_start - 1].span.end)).to_string())
}

/// A role said of a person by "is"/"was" right after the name, or in a "who is" clause: "Ana Costa, who
/// is a former judge," → "former judge"; "X, is also an actor" → "actor". The noun phrase starts with
/// "a"/"an" and ends on a title word.
pub fn predicate_role(doc: &Doc, name_end: usize, si: usize, lex: &Lexicons) -> Option<String> {
    let s = &doc.sentences[si];
    let mut k = name_end;
    let at = |k: usize, w: &str| k < s.tokens.end && doc.token_text(k).eq_ignore_ascii_case(w);
    if at(k, ",") {
        k += 1;
    }
    if at(k, "who") {
        k += 1;
    }
    if !(at(k, "is") || at(k, "was")) {
        return None;
    }
    k += 1;
    while k < s.tokens.end && doc.tokens[k].analysis.as_ref().is_some_and(|a| a.upos() == "ADV") {
        k += 1;
    }
    if !(at(k, "a") || at(k, "an")) {
        return None;
    }
    let from = k + 1;
    let mut end = from;
    while end < s.tokens.end
        && end - from < 4
        && doc.tokens[end].kind == TokenKind::Word
        && doc.tokens[end].analysis.as_ref().is_some_and(|a| matches!(a.upos(), "NOUN" | "ADJ" | "PROPN"))
    {
        end += 1;
    }
    (end > from && lex.is_title(doc.token_text(end - 1)))
        .then(|| doc.slice(Span::new(doc.tokens[from].span.start, doc.tokens[end - 1].span.end)).to_string())
}

/// A title set off by a comma before a name: "The opposition leader, Samir Aziz, called ..." → "opposition
/// leader"; "His publicist, X," and "The singer's publicist, X," → "publicist".
pub fn title_set_off_before(doc: &Doc, name_start: usize, si: usize, lex: &Lexicons) -> Option<String> {
    let first = doc.sentences[si].tokens.start;
    if name_start < first + 2 || doc.token_text(name_start - 1) != "," {
        return None;
    }
    let end = name_start - 1;
    let mut k = end;
    while k > first && doc.tokens[k - 1].kind == TokenKind::Word && doc.token_norm(k - 1) != "'s" && end - k < 10 {
        k -= 1;
    }
    let lw = accord_text::lowercase(doc.token_text(k));
    let set_off = |o: usize| o == first || doc.token_text(o - 1) == ",";
    if !(k..end).any(|t| lex.is_title(doc.token_text(t))) {
        return None;
    }
    // "the opposition leader, X" / "his publicist, X"
    if matches!(lw.as_ref(), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my") {
        return (set_off(k) && k + 1 < end)
            .then(|| doc.slice(Span::new(doc.tokens[k + 1].span.start, doc.tokens[end - 1].span.end)).to_string());
    }
    // "the singer's publicist, X": the owner is dropped, a known place that owns the title is kept
    // ("Israel's prime minister, X")
    if k >= first + 2 && doc.token_norm(k - 1) == "'s" && doc.tokens[k - 2].kind == TokenKind::Word {
        let mut o = k - 2;
        while o > first && doc.tokens[o - 1].kind == TokenKind::Word && k - o < 5 {
            o -= 1;
        }
        let from = known_owner(doc, k, first, lex).unwrap_or(k);
        return set_off(o)
            .then(|| doc.slice(Span::new(doc.tokens[from].span.start, doc.tokens[end - 1].span.end)).to_string());
    }
    None
}

/// A role in an appositive after a name: ", US President Donald Trump’s nominee to be special envoy for
/// hostage affairs," → "nominee to be special envoy for hostage affairs" (the owner before a possessive
/// is dropped, its country kept by the caller through the mentions inside).
pub fn appositive_after(doc: &Doc, name_end: usize, si: usize, lex: &Lexicons) -> Option<String> {
    let s = &doc.sentences[si];
    if name_end >= s.tokens.end || doc.token_text(name_end) != "," {
        return None;
    }
    let a = name_end + 1;
    let mut e = a;
    if a >= s.tokens.end {
        return None;
    }
    let mut relative = None;
    // tokens inside a quoted title count as one word
    let mut quoted = 0;
    while e < s.tokens.end && !matches!(doc.token_text(e), "," | ";" | ":" | "." | "(" | ")" | "—" | "–") {
        if doc.tokens[e].kind == TokenKind::OpenQuote {
            // a quoted title inside the role: ", Braugher's “Brooklyn Nine-Nine” co-star,"; a quotation
            // ends it
            let close = (e + 1..s.tokens.end.min(e + 8)).find(|&q| doc.tokens[q].kind == TokenKind::CloseQuote);
            match close {
                Some(q) if (e + 1..q).all(|t| is_cap(doc, t) || doc.tokens[t].kind != TokenKind::Word) => {
                    quoted += q - e;
                    e = q;
                }
                _ => break,
            }
        }
        // "who"/"which" ends the role: ", a tenant organiser who has lived there"
        if relative.is_none() && matches!(doc.token_text(e), "who" | "which" | "whose") {
            relative = Some(e);
        }
        if lex.cue(doc.token_text(e)).is_some() && e > a && relative.is_none() {
            return None; // "X, she said," is not an appositive
        }
        e += 1;
    }
    if let Some(w) = relative {
        e = w;
    }
    // a participle after a noun ends it too: ", a senior scientist working on ..."
    if let Some(p) = (a + 1..e).find(|&k| {
        doc.tokens[k].analysis.as_ref().is_some_and(|t| matches!(t.xpos(), "VBG" | "VBN"))
            && doc.tokens[k - 1].analysis.as_ref().is_some_and(|t| t.upos() == "NOUN")
    }) {
        e = p;
    }
    // a role cut before a broken relative clause does not end on a conjunction ("... and whose")
    while e > a && matches!(doc.token_text(e - 1), "and" | "or" | "but") {
        e -= 1;
    }
    if e == a || e - a > 16 {
        return None;
    }
    let xpos = |k: usize| doc.tokens[k].analysis.as_ref().map(|t| t.xpos());
    // a clause is no role: "According to X, the sky went dark", "President X, dedicating the museum,"
    if (a..e).any(|k| matches!(xpos(k), Some("VBD" | "VBZ" | "VBP" | "MD"))) || matches!(xpos(a), Some("VBG" | "VBN")) {
        return None;
    }
    // nor a phrase opened by a preposition, a conjunction or an adverb other than one of time ("Schilling,
    // through a spokeswoman, declined", ", and the Democratic Party"; not ", then ambassador to Israel")
    let opener = doc.token_text(a);
    let temporal = matches!(accord_text::lowercase(opener).as_ref(), "then" | "now" | "once" | "formerly" | "later");
    if !temporal
        && !lex.is_title(opener)
        && doc.tokens[a].analysis.as_ref().is_some_and(|t| matches!(t.upos(), "ADP" | "ADV" | "SCONJ" | "CCONJ"))
    {
        return None;
    }
    // nor is a list of names: "candidates Ana Lima, Rui Sousa or another candidate" (a name that owns the
    // role is kept: ", Donald Trump's nominee")
    let owned = (a..e.min(a + 5)).any(|k| matches!(doc.token_norm(k), "'s" | "'"));
    if (a..e).any(|k| doc.token_text(k) == "or")
        || (!owned && lex.given_names_any.contains(doc.token_text(a)) && a + 1 < e && is_cap(doc, a + 1))
    {
        return None;
    }
    let article_led = matches!(accord_text::lowercase(doc.token_text(a)).as_ref(), "a" | "an" | "the")
        || (e > a + 1 && doc.token_norm(a + 1) == "'s");
    let words = e - a - quoted.min(e - a);
    if !((a..e.min(a + 8 + quoted)).any(|k| lex.is_title(doc.token_text(k))) || (article_led && words <= 8)) {
        return None;
    }
    // Drop the owner before the last possessive and a leading article; not an owner inside the role's
    // complement ("the architect of Obama's 2008 campaign").
    let mut b = a;
    for k in a..e {
        if matches!(doc.token_norm(k), "'s" | "'") {
            if (a..k).any(|t| doc.tokens[t].analysis.as_ref().is_some_and(|t| t.upos() == "ADP")) {
                break;
            }
            b = k + 1;
        }
    }
    if b < e && matches!(accord_text::lowercase(doc.token_text(b)).as_ref(), "a" | "an" | "the") {
        b += 1;
    }
    (b < e).then(|| doc.slice(Span::new(doc.tokens[b].span.start, doc.tokens[e - 1].span.end)).to_string())
}

/// "the group", "the Palestinian group", "the city": a definite singular noun phrase headed by the
/// referring noun at token `h` (at most three words between `the` and the noun), not followed by a name it
/// introduces ("the group Hamas") nor by "of" ("the city of Doha").
fn referring_nominal(
    doc: &Doc,
    h: usize,
    si: usize,
    etype: EntityType,
    in_credit: bool,
) -> Option<(Mention, MentionInfo)> {
    let s = &doc.sentences[si];
    if h + 1 < s.tokens.end && (is_cap(doc, h + 1) || doc.token_text(h + 1) == "of") {
        return None;
    }
    // "the daily briefing", "the party line": the word modifies the noun after it
    if h + 1 < s.tokens.end
        && doc.token_text(h + 1).starts_with(char::is_lowercase)
        && doc.tokens[h + 1].analysis.as_ref().is_some_and(|a| a.upos() == "NOUN")
    {
        return None;
    }
    let mut k = h;
    while k > s.tokens.start && h - k <= 3 {
        let w = doc.token_text(k - 1);
        // ("this city" refers back as "the city" does)
        if matches!(w, "the" | "The" | "this" | "This") {
            let span = Span::new(doc.tokens[k - 1].span.start, doc.tokens[h].span.end);
            let noun = accord_text::lowercase(doc.token_text(h)).into_owned();
            return Some((
                Mention {
                    span,
                    head_span: doc.tokens[h].span,
                    kind: MentionKind::Nominal,
                    etype: Some(etype),
                    entity: None,
                    sentence: si,
                },
                MentionInfo { in_credit, head_noun: Some(noun), definite: true, ..Default::default() },
            ));
        }
        // ("the former secretary of state": the noun is a preposition's object inside another phrase, not
        // the head of a phrase "the" opens)
        if !matches!(doc.tokens[k - 1].kind, TokenKind::Word | TokenKind::Number)
            || matches!(w, "of" | "in" | "for" | "at" | "from" | "to" | "on" | "with" | "by")
        {
            return None;
        }
        k -= 1;
    }
    None
}

/// The end (exclusive) of the longest known name of several words that starts at token `i` and holds a
/// lower-case connector ("Centers for Disease Control and Prevention", "Doctors Without Borders" written
/// "Doctors without Borders"), at most eight words long.
fn known_run_end(doc: &Doc, i: usize, end: usize, lex: &Lexicons) -> Option<usize> {
    // (after a capitalised "The" opening the sentence: "The Centers for ...")
    let i = if doc.token_text(i) == "The" { i + 1 } else { i };
    let from = doc.tokens.get(i)?.span.start;
    (i + 3..=end.min(i + 8))
        .rev()
        .find(|&k| is_cap(doc, k - 1) && lex.known.contains_key(doc.slice(Span::new(from, doc.tokens[k - 1].span.end))))
}

/// An unnamed source phrase headed by the source noun at token `h` ("a senior Hamas official").
fn nominal(
    doc: &Doc,
    h: usize,
    si: usize,
    singular: &str,
    plural: bool,
    lex: &Lexicons,
    in_credit: bool,
) -> Option<(Mention, MentionInfo)> {
    let s = &doc.sentences[si];
    // "official Jane Doe": a title before a name, not an unnamed source.
    if h + 1 < s.tokens.end && is_cap(doc, h + 1) && !lex.known.contains_key(doc.token_text(h + 1)) {
        return None;
    }
    // "an official declaration", "source code", "refugee advocates", "student loans": the word modifies the
    // noun after it
    if h + 1 < s.tokens.end
        && doc.tokens[h + 1].kind == TokenKind::Word
        && doc.token_text(h + 1).starts_with(char::is_lowercase)
        && doc.tokens[h + 1].analysis.as_ref().is_some_and(|a| a.upos() == "NOUN")
        && doc.tokens[h].analysis.as_ref().is_some_and(|a| matches!(a.upos(), "ADJ" | "NOUN"))
        && doc.tokens[h].analysis.as_ref().is_some_and(|a| a.head() == Some(h + 1) || a.upos() == "ADJ")
    {
        return None;
    }
    let mut k = h;
    let mut definite = false;
    while k > s.tokens.start {
        let w = doc.token_text(k - 1);
        let lw = accord_text::lowercase(w);
        if matches!(
            lw.as_ref(),
            "a" | "an"
                | "another"
                | "one"
                | "two"
                | "three"
                | "several"
                | "some"
                | "many"
                | "other"
                | "senior"
                | "top"
                | "former"
                | "local"
                | "unnamed"
                | "anonymous"
                | "unidentified"
                | "western"
                | "military"
                | "security"
                | "government"
                | "administration"
                | "intelligence"
                | "campaign"
                | "police"
                | "health"
                | "palestinian"
        ) || lex.known.contains_key(w)
            || (is_cap(doc, k - 1) && !FUNCTION_WORDS.contains(&lw.as_ref()))
            || lex.is_title(w)
            // any adjective or noun before the head, as the tagger reads it: "a senior harbour official",
            // "the defence source" (a word in lower case the tagger read as a proper noun is a common
            // noun: "a ministry official")
            || (h - k < 4
                && w.starts_with(char::is_lowercase)
                && !FUNCTION_WORDS.contains(&lw.as_ref())
                && lex.cue(w).is_none()
                && doc.tokens[k - 1].analysis.as_ref().is_some_and(|a| matches!(a.upos(), "ADJ" | "NOUN" | "PROPN")))
        {
            k -= 1;
            if matches!(lw.as_ref(), "a" | "an" | "another" | "one") {
                break;
            }
        } else if lw == "the" {
            definite = true;
            k -= 1;
            break;
        } else if w == "-" && k >= 2 && tight_hyphen(doc, k - 1) && lex.is_title(doc.token_text(k - 2)) {
            // "the Governor-General"
            k -= 1;
        } else {
            break;
        }
    }
    let span = Span::new(doc.tokens[k].span.start, doc.tokens[h].span.end);
    let known = (k..h).find_map(|t| lex.known_name(doc.token_text(t)).map(std::borrow::Cow::into_owned));
    Some((
        Mention {
            span,
            head_span: doc.tokens[h].span,
            kind: MentionKind::Nominal,
            etype: Some(EntityType::Person),
            entity: None,
            sentence: si,
        },
        MentionInfo { plural, in_credit, head_noun: Some(singular.to_string()), definite, known, ..Default::default() },
    ))
}
