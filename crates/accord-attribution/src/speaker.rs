//! Speaker resolution: from the speaker phrase to an entity (through coreference) or to a typed unnamed
//! source (group, anonymous, organisation), with an affiliation where the phrase gives one.

use crate::phrases;
use crate::words::words;
use accord_doc::{Attribution, Doc, EntityType, MentionKind, Source, SourceKind, Span};
use accord_facts::lexicon::Lexicons;

/// Follows antecedent links to the first mention of a chain.
fn chain_root(doc: &Doc, mut m: usize) -> usize {
    let mut steps = 0;
    while let Some(Some(p)) = doc.antecedents.get(m) {
        m = *p;
        steps += 1;
        if steps > 1000 {
            break;
        }
    }
    m
}

/// Indices of the mentions that lie inside `sp` (mentions are sorted by start).
fn mentions_in(doc: &Doc, sp: Span) -> std::ops::Range<usize> {
    let from = doc.mentions.partition_point(|m| m.span.start < sp.start);
    let to = doc.mentions.partition_point(|m| m.span.start < sp.end);
    from..to.max(from)
}

/// The place or organisation named inside `span` (for an unnamed source's affiliation); with `people`, a
/// person named there too ("a spokesperson for Jane Roe").
fn affiliation_in_span(doc: &Doc, span: Span, people: bool) -> Option<String> {
    doc.mentions[mentions_in(doc, span)]
        .iter()
        .filter(|m| span.contains(m.span) && m.kind == MentionKind::Name)
        .filter_map(|m| m.entity)
        .find_map(|e| {
            let ent = &doc.entities[e];
            match ent.etype {
                EntityType::Gpe | EntityType::Norp => Some(ent.name.clone()),
                EntityType::Org => Some(ent.affiliation.clone().unwrap_or_else(|| ent.name.clone())),
                EntityType::Person if people => Some(ent.name.clone()),
                _ => None,
            }
        })
}

/// `sp` widened to the whole of every name it cuts, and over the person's name right after a lone
/// capitalised descriptor ("Activist" of "Activist Angela Davis talks to ...", parsed apart).
fn widen_to_names(doc: &Doc, sp: Span) -> Span {
    let from = doc.mentions.partition_point(|m| m.span.end <= sp.start);
    let mut out = sp;
    for m in doc.mentions[from..].iter().take_while(|m| m.span.start < sp.end) {
        if m.kind == MentionKind::Name && m.span.overlap(sp) > 0 && !sp.contains(m.span) {
            out = Span::new(out.start.min(m.span.start), out.end.max(m.span.end));
        }
    }
    let phrase = doc.slice(out);
    // (a singular noun: "Latinos Share Their ..." in a headline is no descriptor of a name)
    let lone = !phrase.contains(' ')
        && !phrase.ends_with('s')
        && phrase.starts_with(char::is_uppercase)
        && phrase.chars().skip(1).all(char::is_lowercase)
        && doc.mentions[from..].iter().take_while(|m| m.span.start < out.end).all(|m| m.span.overlap(out) == 0);
    if lone {
        let next = doc.mentions.partition_point(|m| m.span.start < out.end);
        if let Some(m) = doc.mentions.get(next).filter(|m| {
            m.kind == MentionKind::Name
                && m.span.start == out.end + 1
                && &doc.text[out.end..m.span.start] == " "
                && m.entity.is_some_and(|e| doc.entities[e].etype == EntityType::Person)
                && doc.slice(m.span).split(' ').count() <= 4
        }) {
            out = Span::new(out.start, m.span.end);
        }
    }
    out
}

/// "A Government Accountability Office report", "The report by the University and College Union", "a
/// database published by The Washington Post": a speaker phrase headed by a document noun speaks for the
/// person or organisation named as its author, before the noun (not past an "of") or after "by". Returns
/// that name's mention.
fn document_author(doc: &Doc, sp: Span) -> Option<usize> {
    let (first, end) = (doc.token_at_or_after(sp.start), doc.token_at_or_after(sp.end));
    let noun = (first..end.min(first + 6)).find(|&k| {
        let w = doc.token_text(k);
        w.starts_with(char::is_lowercase) && words().document_nouns.contains(&w)
    })?;
    let noun_start = doc.tokens[noun].span.start;
    if doc.text[sp.start..noun_start].contains(',') {
        return None;
    }
    let author = |m: &accord_doc::Mention| {
        m.kind == MentionKind::Name
            && sp.contains(m.span)
            && m.entity.is_some_and(|e| matches!(doc.entities[e].etype, EntityType::Person | EntityType::Org))
    };
    let range = mentions_in(doc, sp);
    let before = range.clone().filter(|&m| author(&doc.mentions[m])).find(|&m| {
        let end = doc.mentions[m].span.end;
        end <= noun_start && !doc.text[end..noun_start].contains(',') && !doc.text[end..noun_start].contains(" of ")
    });
    let by = range.filter(|&m| author(&doc.mentions[m]) && doc.mentions[m].span.start > noun_start).find(|&m| {
        let k = doc.token_at_or_after(doc.mentions[m].span.start);
        (k >= 1 && doc.token_text(k - 1) == "by")
            || (k >= 2 && doc.token_text(k - 2) == "by" && doc.token_text(k - 1).eq_ignore_ascii_case("the"))
    });
    if before.is_some() || by.is_some() || noun == 0 {
        return before.or(by);
    }
    // "the Security Council issued a statement calling ...": who issued it; "The statement noted ...":
    // who issued the last one of that noun, in the three sentences before
    let det = doc.token_text(noun - 1).to_lowercase();
    // ("In a statement announcing the pick, the association called ...": after a preposition)
    let first =
        if words().prepositions.contains(&doc.token_text(first).to_lowercase().as_str()) { first + 1 } else { first };
    if noun == first + 1 && matches!(det.as_str(), "a" | "an") {
        return issuer(doc, noun).or_else(|| named_later(doc, noun));
    }
    if noun == first + 1 && det == "the" {
        let si = doc.tokens[noun].sentence;
        let from = doc.sentences[si.saturating_sub(3)].tokens.start;
        return (from.max(1)..first).rev().find_map(|k| {
            (doc.token_text(k) == doc.token_text(noun) && matches!(doc.token_text(k - 1), "a" | "an"))
                .then(|| issuer(doc, k))
                .flatten()
        });
    }
    None
}

/// "..., says a report. The report by the University and College Union claims ...": the author the next
/// definite mention of the same document noun names after "by", in the two sentences after. Returns that
/// name's mention.
fn named_later(doc: &Doc, noun: usize) -> Option<usize> {
    let si = doc.tokens[noun].sentence;
    let end = doc.sentences[(si + 2).min(doc.sentences.len() - 1)].tokens.end;
    let w = doc.token_text(noun);
    let k = (noun + 1..end.saturating_sub(2)).find(|&k| {
        doc.token_text(k) == w && doc.token_text(k - 1).eq_ignore_ascii_case("the") && doc.token_text(k + 1) == "by"
    })?;
    let mut a = k + 2;
    if doc.token_text(a).eq_ignore_ascii_case("the") {
        a += 1;
    }
    let at = doc.tokens.get(a)?.span;
    let m = doc.mentions.partition_point(|m| m.span.start < at.start);
    doc.mentions.get(m).filter(|c| {
        c.span.start == at.start
            && c.kind == MentionKind::Name
            && c.entity.is_some_and(|e| matches!(doc.entities[e].etype, EntityType::Person | EntityType::Org))
    })?;
    Some(m)
}

/// "France, Britain and the United States said ...", "British Prime Minister Tony Blair and US President
/// George W Bush said ...": a speaker phrase made of two or more names of people, organisations or states
/// joined by commas and "and" (with their titles and nationality words) is all of them, as one source.
/// Returns the names joined.
fn coordinated_speaker(doc: &Doc, sp: Span, lex: &Lexicons) -> Option<String> {
    let names: Vec<usize> = mentions_in(doc, sp)
        .filter(|&m| {
            let mm = &doc.mentions[m];
            mm.kind == MentionKind::Name
                && sp.contains(mm.span)
                && mm.etype != Some(EntityType::Norp)
                // (a place before a title is the title's: "US President George W Bush")
                && !{
                    let next = doc.token_at_or_after(mm.span.end);
                    next < doc.tokens.len() && doc.tokens[next].span.start < sp.end && lex.is_title(doc.token_text(next))
                }
                && mm.entity.is_some_and(|e| {
                    matches!(doc.entities[e].etype, EntityType::Person | EntityType::Org | EntityType::Gpe)
                })
        })
        .collect();
    if names.len() < 2 {
        return None;
    }
    let (mut k, end) = (doc.token_at_or_after(sp.start), doc.token_at_or_after(sp.end));
    let mut joined = false;
    while k < end {
        if let Some(&m) = names.iter().find(|&&m| doc.token_at_or_after(doc.mentions[m].span.start) == k) {
            k = doc.token_at_or_after(doc.mentions[m].span.end).max(k + 1);
            continue;
        }
        let w = doc.token_text(k);
        if w == "and" {
            joined = true;
        } else if !(w == ","
            || matches!(w.to_lowercase().as_str(), "the" | "both")
            || lex.is_title(w)
            || lex.known.contains_key(w))
        {
            return None;
        }
        k += 1;
    }
    if !joined {
        return None;
    }
    let mut list: Vec<&str> = Vec::new();
    for &m in &names {
        let name = doc.entities[doc.mentions[m].entity.unwrap_or_default()].name.as_str();
        if !list.contains(&name) {
            list.push(name);
        }
    }
    let (last, rest) = list.split_last()?;
    (!rest.is_empty()).then(|| format!("{} and {last}", rest.join(", ")))
}

/// The names coordinated with name mention `m` by the parse ("NBC and Universal Television": the
/// organisations and people that are `conj` dependents of its head word), joined with "and"; None when
/// there are none.
fn coordinated_names(doc: &Doc, m: usize) -> Option<String> {
    let ms = doc.mentions[m].span;
    let (first, end) = (doc.token_at_or_after(ms.start), doc.token_at_or_after(ms.end));
    let inside = |h: Option<usize>| h.is_some_and(|h| (first..end).contains(&h));
    let head = (first..end).find(|&k| !inside(doc.tokens[k].analysis.as_ref().and_then(|x| x.head())))?;
    let sent = doc.sentences.get(doc.tokens[head].sentence)?.tokens.clone();
    let mut names = vec![doc.entities[doc.mentions[m].entity?].name.clone()];
    for k in sent.filter(|&k| k >= end) {
        let Some(x) = doc.tokens[k].analysis.as_ref() else { continue };
        if x.head() != Some(head) || x.deprel() != "conj" {
            continue;
        }
        let at = doc.tokens[k].span;
        let p = doc.mentions.partition_point(|c| c.span.end <= at.start);
        let name = doc.mentions[p..].iter().take_while(|c| c.span.start <= at.start).find_map(|c| {
            (c.kind == MentionKind::Name && c.span.contains(at))
                .then_some(c.entity)
                .flatten()
                .filter(|&e| matches!(doc.entities[e].etype, EntityType::Person | EntityType::Org))
        })?;
        names.push(doc.entities[name].name.clone());
    }
    (names.len() >= 2).then(|| match names.split_last() {
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    })
}

/// Whether the text from code point `start` to `end` (a phrase before a plural name) holds only what
/// quantifies or modifies a plural noun: determiners, adjectives, numbers, a partitive noun with its "of"
/// ("79 percent of", "a handful of"), "than" ("fewer than"), and a proper noun first ("Senate", "Georgia").
/// Not a verb, coordinator or other preposition ("an argument Republicans", "Trump and other Republicans").
fn quantifier_phrase(doc: &Doc, start: usize, end: usize) -> bool {
    let first = doc.token_at_or_after(start);
    let mut k = first;
    let mut any = false;
    while k < doc.tokens.len() && doc.tokens[k].span.end <= end {
        let Some(a) = doc.tokens[k].analysis.as_ref() else { return false };
        let word_is = |j: usize, w: &str| j < doc.tokens.len() && doc.token_text(j).eq_ignore_ascii_case(w);
        let ok = match a.upos() {
            "DET" | "ADJ" | "NUM" => true,
            "ADP" | "SCONJ" => k > first && (word_is(k, "of") || word_is(k, "than")),
            "NOUN" => word_is(k + 1, "of"),
            "PROPN" => k == first,
            _ => false,
        };
        if !ok {
            return false;
        }
        any = true;
        k += 1;
    }
    any
}

/// The person or organisation that issued the document at token `noun`, the object of a verb: its subject's
/// name mention.
fn issuer(doc: &Doc, noun: usize) -> Option<usize> {
    // (the object of "issued", or "in a statement" attached to the verb whose subject issued it)
    let a = doc.tokens[noun].analysis.as_ref().filter(|a| matches!(a.deprel(), "obj" | "obl"))?;
    let verb = a.head()?;
    let sent = doc.sentences.get(doc.tokens[noun].sentence)?.tokens.clone();
    let subj = sent
        .clone()
        .find(|&k| doc.tokens[k].analysis.as_ref().is_some_and(|x| x.head() == Some(verb) && x.deprel() == "nsubj"))?;
    let at = doc.tokens[subj].span;
    let m = doc.mentions.partition_point(|m| m.span.end <= at.start);
    (m..doc.mentions.len()).take_while(|&p| doc.mentions[p].span.start <= at.start).find(|&p| {
        let c = &doc.mentions[p];
        c.kind == MentionKind::Name
            && c.span.contains(at)
            && c.entity.is_some_and(|e| matches!(doc.entities[e].etype, EntityType::Person | EntityType::Org))
    })
}

/// The earlier unnamed source that a speaker phrase with no antecedent of its own stands for: a definite one
/// ("The defence source" after "A senior Israeli Defence official": the same number and a modifier in
/// common) or a bare plural ("researchers" after "ESET researchers": the same noun with modifiers). Looks
/// back ten sentences; returns the nearest such mention.
fn earlier_unnamed(doc: &Doc, sp: Span, lex: &Lexicons) -> Option<usize> {
    let phrase = doc.slice(sp);
    let ws: Vec<&str> = phrase.split(' ').collect();
    let head = ws.last()?.to_lowercase();
    let (singular, plural) = lex.source_nouns.get(head.as_str())?;
    let definite = ws.len() >= 2 && ws[0].eq_ignore_ascii_case("the") && !plural;
    let bare = ws.len() == 1 && *plural;
    if !(definite || bare) {
        return None;
    }
    let inside = mentions_in(doc, sp);
    // a name inside ("the Hamas official"), or an antecedent of its own: coreference's business
    if doc.mentions[inside.clone()].iter().any(|m| m.kind == MentionKind::Name)
        || inside.clone().any(|m| doc.antecedents.get(m).is_some_and(Option::is_some))
    {
        return None;
    }
    let modifiers: Vec<String> = ws.iter().skip(1).take(ws.len().saturating_sub(2)).map(|w| w.to_lowercase()).collect();
    let si = doc.sentence_at(sp.start);
    (0..inside.start).rev().take_while(|&p| si.saturating_sub(doc.mentions[p].sentence) <= 10).find(|&p| {
        let c = &doc.mentions[p];
        let text = doc.slice(c.span);
        let cw: Vec<String> = text.split(' ').map(str::to_lowercase).collect();
        let same_number = lex
            .source_nouns
            .get(cw.last().map_or("", String::as_str))
            .is_some_and(|(s, p)| s == singular && p == plural)
            || (definite && lex.source_nouns.get(cw.last().map_or("", String::as_str)).is_some_and(|(_, p)| !*p));
        c.kind == MentionKind::Nominal
            && c.span.end <= sp.start
            && same_number
            && cw.len() >= 2
            && !matches!(cw[0].as_str(), "the" | "this" | "that")
            && if definite {
                modifiers.iter().any(|m| cw[..cw.len() - 1].contains(m))
            } else {
                cw.last() == Some(&head)
            }
    })
}

/// The speaker phrase without a time expression that ends it ("Mr. Ruano last week", "Jane Roe on
/// Monday", "the minister yesterday"): when it was said is not who said it.
fn without_time(doc: &Doc, sp: Span, lex: &Lexicons) -> Span {
    let (first, end) = (doc.token_at_or_after(sp.start), doc.token_at_or_after(sp.end));
    if end < first + 2 {
        return sp;
    }
    let lower = |k: usize| accord_text::lowercase(doc.token_text(k));
    let last = lower(end - 1);
    let rel = &lex.date_words.relative;
    let mut cut = if rel.get(last.as_ref()).is_some_and(|r| r.alone.is_some()) {
        end - 1
    } else if rel.get(lower(end - 2).as_ref()).is_some_and(|r| r.with_next.iter().any(|(w, _, _)| *w == last)) {
        end - 2
    } else if lex.weekdays.contains_key(doc.token_text(end - 1)) {
        end - 1
    } else if let Some(n) = words().time_adverbials.iter().find_map(|p| {
        let n = p.len();
        (end > first + n && p.iter().enumerate().all(|(i, w)| doc.token_text(end - n + i).eq_ignore_ascii_case(w)))
            .then_some(n)
    }) {
        end - n
    } else {
        return sp;
    };
    if cut > first + 1 && matches!(lower(cut - 1).as_ref(), "on" | "last" | "this" | "earlier") {
        cut -= 1;
    }
    // (a time inside a clause of the phrase is the clause's: "Fishermen who sailed early Friday")
    let clause = (first..cut).any(|k| doc.tokens[k].analysis.as_ref().is_some_and(|x| x.upos() == "VERB"));
    if cut <= first || clause || !doc.tokens[cut - 1].kind.eq(&accord_doc::TokenKind::Word) {
        return sp;
    }
    Span::new(sp.start, doc.tokens[cut - 1].span.end)
}

/// The speaker phrase without an acronym in parentheses that ends it ("the World Bank (WB)"): the name
/// before it is the speaker.
fn without_acronym(doc: &Doc, sp: Span) -> Span {
    let (first, end) = (doc.token_at_or_after(sp.start), doc.token_at_or_after(sp.end));
    if end < first + 4 || doc.token_text(end - 1) != ")" || doc.token_text(end - 3) != "(" {
        return sp;
    }
    let inner = doc.token_text(end - 2);
    let acronym = inner.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !inner.chars().any(char::is_lowercase);
    if acronym {
        Span::new(sp.start, doc.tokens[end - 4].span.end)
    } else {
        sp
    }
}

/// Whether a source phrase's last word reads as a plural noun ("officials", "people", "rabbis"; not
/// "duchess", "witness", "analysis", "virus").
fn plural_noun(w: &str) -> bool {
    w == "people" || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("sis"))
}

/// Fills `speaker_mention`, `speaker_entity` and `source` of `a` from its speaker span.
pub fn resolve(doc: &Doc, a: &mut Attribution, lex: &Lexicons) {
    let Some(sp) = a.speaker else {
        a.source = Source { kind: SourceKind::Unknown, name: None, affiliation: None };
        return;
    };
    // a speaker phrase never cuts a name ("College Union" of "University and College Union"), nor takes in
    // its cue (a title-case headline's "Mayor Says Pier" read as one name)
    let wide = widen_to_names(doc, sp);
    let sp = if a.cue.is_some_and(|c| wide.end >= c.end && sp.end <= c.start) { sp } else { wide };
    // nor stops before the person named right before its cue ("Leader of Government Business Dr Amery Browne
    // requested": the parse's subject was "Government Business")
    let sp = match a.cue {
        Some(c) if sp.end < c.start => {
            let next = doc.mentions.partition_point(|m| m.span.start < sp.end);
            doc.mentions
                .get(next)
                .filter(|m| {
                    m.kind == MentionKind::Name
                        && m.entity.is_some_and(|e| doc.entities[e].etype == EntityType::Person)
                        && doc.token_at_or_after(m.span.start) == doc.token_at_or_after(sp.end)
                        && doc.token_at_or_after(m.span.end) == doc.token_at_or_after(c.start)
                })
                .map_or(sp, |m| Span::new(sp.start, m.span.end))
        }
        _ => sp,
    };
    let sp = without_acronym(doc, without_time(doc, sp, lex));
    // a relative clause set off by dashes is no part of the speaker ("The Supreme Court justice -- who has
    // been involved in a scuffle with the nominee -- said")
    let sp = {
        let (first, end) = (doc.token_at_or_after(sp.start), doc.token_at_or_after(sp.end));
        (first + 1..end.saturating_sub(1))
            .find(|&k| {
                matches!(doc.token_text(k), "--" | "-" | "—" | "–")
                    && matches!(doc.token_text(k + 1), "who" | "which" | "whose")
            })
            .map_or(sp, |k| Span::new(sp.start, doc.tokens[k - 1].span.end))
    };
    // a person's name and a phrase of where or when it spoke is the name ("Trump in his announcement speech
    // called ...")
    let sp = {
        let i = doc.mentions.partition_point(|m| m.span.start < sp.start);
        doc.mentions
            .get(i)
            .filter(|m| {
                m.kind == MentionKind::Name
                    && m.span.end < sp.end
                    && (doc.token_at_or_after(sp.start)..doc.token_at_or_after(m.span.start))
                        .all(|k| honorific_or_title(lex, doc.token_text(k)))
                    && m.entity.is_some_and(|e| doc.entities[e].etype == EntityType::Person)
                    && doc.tokens.get(doc.token_at_or_after(m.span.end)).is_some_and(|t| {
                        t.span.start < sp.end
                            && matches!(doc.slice(t.span), "in" | "at" | "on" | "during" | "after" | "before")
                    })
            })
            .map_or(sp, |m| Span::new(sp.start, m.span.end))
    };
    // a day alone is no speaker ("Wednesday is forecast to be colder")
    let (first, end) = (doc.token_at_or_after(sp.start), doc.token_at_or_after(sp.end));
    if end == first + 1
        && (lex.weekdays.contains_key(doc.token_text(first))
            || lex
                .date_words
                .relative
                .get(accord_text::lowercase(doc.token_text(first)).as_ref())
                .is_some_and(|r| r.alone.is_some()))
    {
        a.speaker = None;
        a.source = Source { kind: SourceKind::Unknown, name: None, affiliation: None };
        return;
    }
    a.speaker = Some(sp);
    let phrase = doc.slice(sp);
    let last_word = phrase.rsplit(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("").to_lowercase();
    // "Prime Minister Binyamin Netanyahu’s office"
    let possessive = phrase.contains("’s ")
        || phrase.contains("'s ")
        || phrase
            .split(' ')
            .next()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "his" | "her" | "their" | "its"));
    // an unnamed source with post-modifiers: "an official in the country's interior ministry"
    let (first, end) = (doc.token_at_or_after(sp.start), doc.token_at_or_after(sp.end));
    // (not before an appositive: "the head of the port authority, Jane Roe" is Jane Roe)
    let lead_noun = (first..end.saturating_sub(1).min(first + 4))
        .find(|&k| phrases::source_head(doc, k, lex) && phrases::source_link(doc, k + 1, lex))
        .filter(|_| !phrase.contains(','));
    if let Some(m) = document_author(doc, sp) {
        // "NBC and Universal Television released a statement": two issuers, joined
        if let Some(name) = coordinated_names(doc, m) {
            a.speaker_mention = Some(m);
            a.source = Source { kind: SourceKind::Organization, name: Some(name), affiliation: None };
            return;
        }
        a.speaker_mention = Some(m);
        credit_entity(doc, a, doc.mentions[m].entity.unwrap_or_default());
        return;
    }
    // (no one mention: "he" after "Jeb Bush and Chris Christie said" is not the first of them)
    if let Some(name) = coordinated_speaker(doc, sp, lex) {
        a.speaker_mention = None;
        a.source = Source { kind: SourceKind::Group, name: Some(name), affiliation: None };
        return;
    }
    if let Some(p) = earlier_unnamed(doc, sp, lex) {
        let plural = lex.source_nouns.get(last_word.as_str()).is_some_and(|(_, p)| *p);
        a.speaker_mention = mentions_in(doc, sp).find(|&m| doc.mentions[m].kind == MentionKind::Nominal);
        a.source = Source {
            kind: if plural { SourceKind::Group } else { SourceKind::Anonymous },
            name: Some(doc.slice(doc.mentions[p].span).to_string()),
            affiliation: affiliation_in_span(doc, doc.mentions[p].span, true),
        };
        return;
    }
    // (not an office whose name holds the possessive: "the Harris County Sheriff's Office")
    let named_office = mentions_in(doc, sp).any(|m| {
        let mm = &doc.mentions[m];
        let name = doc.slice(mm.span);
        mm.kind == MentionKind::Name && mm.span.end == sp.end && (name.contains("'s ") || name.contains("’s "))
    });
    // "the Clinton team", "The Sanders camp": a person's name right before an office noun named after the
    // surname is that person's office, as "Mrs. Clinton's team" is
    let office_noun = words().surname_offices.contains(&last_word.as_str()) && !possessive && !phrase.contains(',');
    let noun_start = (sp.start + phrase.len()).saturating_sub(last_word.len());
    let office_owner = doc.mentions[mentions_in(doc, sp)].iter().filter(|_| office_noun).find(|m| {
        m.kind == MentionKind::Name
            && m.span.end + 1 == noun_start
            && m.entity.is_some_and(|e| doc.entities[e].etype == EntityType::Person)
    });
    if let Some(owner) = office_owner {
        let name = &doc.entities[owner.entity.unwrap_or_default()].name;
        a.speaker_entity = None;
        a.source = Source {
            kind: SourceKind::Organization,
            name: Some(surname_office(name, &last_word)),
            affiliation: Some(name.clone()),
        };
        return;
    }
    if possessive && !named_office && lead_noun.is_none() && words().office_nouns.contains(&last_word.as_str()) {
        let owner = doc.mentions[mentions_in(doc, sp)]
            .iter()
            .filter(|m| sp.contains(m.span) && m.kind != MentionKind::Nominal)
            .filter_map(|m| m.entity)
            .next_back();
        let (name, aff) = match owner {
            // "Mrs. Doe's campaign" is the Doe campaign, affiliated with Jane Doe
            Some(e)
                if doc.entities[e].etype == EntityType::Person
                    && words().surname_offices.contains(&last_word.as_str()) =>
            {
                let name = &doc.entities[e].name;
                (surname_office(name, &last_word), Some(name.clone()))
            }
            Some(e) => {
                let ent = &doc.entities[e];
                let noun = capitalise(&last_word);
                (
                    format!("{noun} of {}", ent.name),
                    ent.affiliation.clone().or_else(|| (ent.etype != EntityType::Person).then(|| ent.name.clone())),
                )
            }
            None => (phrase.to_string(), None),
        };
        a.source = Source { kind: SourceKind::Organization, name: Some(name), affiliation: aff };
        return;
    }
    // Mentions inside the speaker phrase; the last one ending at the phrase end is the head.
    let inside: Vec<usize> = mentions_in(doc, sp).filter(|&m| sp.contains(doc.mentions[m].span)).collect();
    let is_person = |m: usize| {
        doc.mentions[m].kind == MentionKind::Name
            && doc.mentions[m].entity.is_some_and(|e| doc.entities[e].etype == EntityType::Person)
    };
    // "Phil Smith, a spokesman for the United Mine Workers," / "Sen. Lindsey Graham (R-S.C.)" / "Mr. Morgan
    // of the Sierra Club": the person named first, before an appositive, a party tag or an "of" phrase
    let lead = inside.iter().copied().find(|&m| is_person(m)).filter(|&m| {
        let ms = doc.mentions[m].span;
        let rest = &doc.text[ms.end..sp.end];
        ms.end < sp.end
            && !doc.text[sp.start..ms.start].contains(',')
            && (rest.starts_with(',') || rest.starts_with(" (") || where_works(rest))
    });
    // ("Dann and Nikki Worden of Corona": the person before the "of" phrase, when another is named first)
    let lead = lead.or_else(|| {
        inside.iter().copied().find(|&m| {
            let ms = doc.mentions[m].span;
            is_person(m) && !doc.text[sp.start..ms.start].contains(',') && {
                let rest = &doc.text[ms.end..sp.end];
                where_works(rest) && !rest.contains(',')
            }
        })
    });
    // "North Korea's" as the speaker (its clause parsed apart): the name before the possessive
    let core_end = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|p| phrase.strip_suffix(p).map(|c| sp.start + c.len()))
        .unwrap_or(sp.end);
    // "the local GOP leaders who would rather campaign for Ben Carson": a relative clause on a noun of
    // people is no part of the phrase's core, and a name inside it is not the head (a document's clause
    // may name its author: "a study that appeared in the British Medical Journal")
    let core_end = (first + 1..end)
        .find(|&k| {
            doc.tokens[k].analysis.as_ref().is_some_and(|x| matches!(x.xpos(), "WDT" | "WP"))
                && lex.source_nouns.contains_key(accord_text::lowercase(doc.token_text(k - 1)).as_ref())
                // (not after an apposition's comma: "Rex Early, a former state party chairman who ...")
                && !(first..k).any(|j| doc.token_text(j) == ",")
        })
        .map_or(core_end, |k| core_end.min(doc.tokens[k - 1].span.end));
    // "A lawyer in attendance, Shannon Kilpatrick,": a person named in apposition at the phrase's end is the
    // speaker the unnamed lead describes
    // (or followed by where the person works: "Another pollster, David Woodard of Clemson University")
    let appositive_person = inside.iter().copied().rfind(|&m| {
        let ms = doc.mentions[m].span;
        let rest = &doc.text[ms.end.min(core_end)..core_end];
        is_person(m)
            && (ms.end == core_end || (rest.starts_with(" of ") && !rest.contains(',') && !rest.contains(" and ")))
            && {
                let before = doc.text[sp.start..ms.start].trim_end();
                before.ends_with(',') || before.ends_with(" named") || before.ends_with(" called")
            }
    });
    // "a spokesman for Gul Agha", "a doctor working for Muslim Hands": an unnamed source opening the phrase,
    // whatever it names after it, keeps the whole phrase (its affiliation)
    let unnamed_lead = inside.first().copied().filter(|_| appositive_person.is_none()).filter(|&m| {
        let mm = &doc.mentions[m];
        let rest = &doc.text[mm.span.end..sp.end];
        mm.kind == MentionKind::Nominal
            && mm.span.start == sp.start
            && mm.entity.is_none()
            && ([" for ", " of ", " at ", " with ", " in ", " on ", " working ", " from ", " who "]
                .iter()
                .any(|p| rest.starts_with(p))
                // (or a participle's or preposition's phrase set off by a comma: "An Iraqi doctor, being
                // held at Sydney's Villawood Detention Centre,")
                || (rest.starts_with(", ") && {
                    let k = doc.token_at_or_after(mm.span.end + 2);
                    k < doc.tokens.len()
                        && doc.tokens[k]
                            .analysis
                            .as_ref()
                            .is_some_and(|x| matches!(x.xpos(), "VBG" | "VBN") || x.upos() == "ADP")
                }))
    });
    // the same without a mention for the source noun: "an official in the country's interior ministry"
    // (not a definite role that coreference gave to the person holding it: "The former secretary of state"
    // after "Former Secretary of State Jane Roe")
    let resolved_lead = inside.first().copied().filter(|&m| {
        let mm = &doc.mentions[m];
        mm.kind == MentionKind::Nominal
            && mm.span.start == sp.start
            && mm.entity.is_some_and(|e| doc.entities[e].etype == EntityType::Person)
    });
    if let (Some(m), Some(_), None) = (resolved_lead, lead_noun, appositive_person) {
        let ent = &doc.entities[doc.mentions[m].entity.unwrap_or_default()];
        a.speaker_mention = Some(m);
        a.speaker_entity = doc.mentions[m].entity;
        a.source =
            Source { kind: SourceKind::Person, name: Some(ent.name.clone()), affiliation: ent.affiliation.clone() };
        return;
    }
    if let (None, Some(k), None) = (unnamed_lead, lead_noun, appositive_person) {
        let plural = lex.source_nouns.get(doc.token_text(k)).is_some_and(|(_, p)| *p);
        a.speaker_mention = inside.first().copied().filter(|&m| doc.mentions[m].span.start == sp.start);
        a.source = Source {
            kind: if plural { SourceKind::Group } else { SourceKind::Anonymous },
            name: Some(phrase.trim_end_matches(',').to_string()),
            affiliation: affiliation_in_span(doc, sp, true),
        };
        return;
    }
    if let Some(m) = unnamed_lead {
        a.speaker_mention = Some(m);
        let plural =
            lex.source_nouns.get(doc.slice(doc.mentions[m].head_span).to_lowercase().as_str()).is_some_and(|(_, p)| *p);
        let kind = if plural { SourceKind::Group } else { SourceKind::Anonymous };
        // (a phrase set off by a comma describes the source and is no part of its name: "A militant,
        // speaking on condition of anonymity,")
        let end = doc.mentions[m].span.end;
        let name = if doc.text[end..sp.end].starts_with(", ") { doc.slice(Span::new(sp.start, end)) } else { phrase };
        a.source = Source {
            kind,
            name: Some(name.trim_end_matches(',').to_string()),
            affiliation: affiliation_in_span(doc, sp, true),
        };
        return;
    }
    // "the Court of Appeal in Santa Ana": a person or organisation named before the place it is in is the
    // head, not the place that ends the phrase
    let located = inside.iter().copied().find(|&m| {
        let mm = &doc.mentions[m];
        let rest = &doc.text[mm.span.end..sp.end];
        let after = || inside.iter().filter(|&&o| doc.mentions[o].span.start > mm.span.end);
        mm.kind == MentionKind::Name
            && mm.entity.is_some_and(|e| matches!(doc.entities[e].etype, EntityType::Person | EntityType::Org))
            && (rest.starts_with(" in ") || rest.starts_with(" at "))
            && !rest.contains(',')
            && after().any(|&o| doc.mentions[o].span.end == core_end)
            && after().all(|&o| doc.mentions[o].entity.is_some_and(|e| doc.entities[e].etype == EntityType::Gpe))
    });
    let head = lead
        .or(appositive_person)
        .or(located)
        .or_else(|| {
            inside
                .iter()
                .copied()
                .filter(|&m| doc.mentions[m].span.end == core_end)
                .max_by_key(|&m| doc.mentions[m].span.len())
        })
        // "Rui Costa, who met union representatives," : the name before an appositive is the speaker
        .or_else(|| {
            inside.iter().copied().find(|&m| {
                doc.mentions[m].kind == MentionKind::Name
                    && doc.mentions[m]
                        .entity
                        .is_some_and(|e| matches!(doc.entities[e].etype, EntityType::Person | EntityType::Org))
                    && doc.text[doc.mentions[m].span.end..sp.end].starts_with(',')
            })
        })
        .or_else(|| inside.iter().copied().find(|&m| doc.mentions[m].kind == MentionKind::Nominal))
        // ("Protesters in Harbourton": the place where the speakers are is not who spoke)
        .filter(|&m| {
            let mm = &doc.mentions[m];
            let before = &doc.text[sp.start..mm.span.start];
            !(mm.entity.is_some_and(|e| doc.entities[e].etype == EntityType::Gpe)
                && (before.ends_with(" in ")
                    || before.ends_with(" at ")
                    // ("Gun Owners of America", "56 percent of Americans"; not "the city of Nice", "the
                    // Republic of Turkey")
                    || before.strip_suffix(" of ").is_some_and(|b| {
                        let last = b.rsplit(' ').next().unwrap_or("").to_lowercase();
                        !lex.place_division_nouns.contains(&last)
                    })))
        });
    let affiliation_in = |span: Span| affiliation_in_span(doc, span, false);
    if let Some(m) = head {
        a.speaker_mention = Some(m);
        let mention = &doc.mentions[m];
        if mention.kind == MentionKind::Name {
            a.speaker = Some(mention.span);
        }
        if let Some(e) = mention.entity {
            let ent = &doc.entities[e];
            // "Republicans have suggested ...": a plural name for an organisation's members, alone as the
            // speaker, is that group of people (affiliated with the organisation), not the organisation
            let said = doc.slice(mention.span);
            // ("Some Democrats", "many liberal Democrats", "79 percent of Americans": the same plural name
            // ending a phrase of quantifiers and modifiers is a group too, named by the whole phrase)
            let quantified = mention.span.end == sp.end
                && mention.span.start > sp.start
                && quantifier_phrase(doc, sp.start, mention.span.start);
            if quantified
                && mention.kind == MentionKind::Name
                && !said.contains(' ')
                && said.ends_with('s')
                && said != ent.name
                && (ent.etype == EntityType::Org && !ent.name.ends_with(said)
                    || ent.etype == EntityType::Gpe && mention.etype == Some(EntityType::Norp))
            {
                a.speaker = Some(sp);
                a.source = Source {
                    kind: SourceKind::Group,
                    name: Some(doc.slice(sp).to_string()),
                    affiliation: Some(ent.name.clone()),
                };
                return;
            }
            if ent.etype == EntityType::Org
                && mention.kind == MentionKind::Name
                && mention.span == sp
                && !said.contains(' ')
                && said.ends_with('s')
                && said != ent.name
                && !ent.name.ends_with(said)
            {
                a.source = Source {
                    kind: SourceKind::Group,
                    name: Some(said.to_string()),
                    affiliation: Some(ent.name.clone()),
                };
                return;
            }
            // "Americans view elections as ...": a nationality's people (joined to the country named in
            // the text, or alone) are a group of that country, named as the text names them, not its state
            if matches!(ent.etype, EntityType::Gpe | EntityType::Norp)
                && mention.kind == MentionKind::Name
                && mention.etype == Some(EntityType::Norp)
                && mention.span.end == sp.end
                && (mention.span == sp || {
                    // ("The Palestinians", "Most Americans")
                    let before = doc.slice(Span::new(sp.start, mention.span.start)).trim().to_lowercase();
                    matches!(before.as_str(), "the" | "most" | "many" | "some" | "few")
                })
            {
                let people = said.ends_with('s') && !said.contains(' ');
                a.speaker_entity = Some(e);
                a.source = Source {
                    kind: SourceKind::Group,
                    name: Some(if people { doc.slice(sp).to_string() } else { ent.name.clone() }),
                    affiliation: ent.affiliation.clone().or_else(|| Some(ent.name.clone())),
                };
                return;
            }
            // "It probably signals ...", "It could also encourage ...": "it" as a speaker is no town, state or
            // region (a country may speak through its government; a place below one does not), and "they"
            // is no place at all ("In Wyoming, ... a number of attendees said they supported him"), whatever
            // place coreference found before the pronoun
            let pronoun =
                (mention.kind == MentionKind::Pronoun).then(|| accord_text::lowercase(doc.slice(mention.span)));
            let country = || {
                lex.known_name(ent.name.as_str())
                    .is_some_and(|k| k.affiliation.as_deref() == Some(k.canonical.as_str()))
            };
            // ("they" is an organisation only through a plural name of its people, "Republicans ... they", or
            // when it is a body of people, "the Security Council ... they"; not "Carrier ... they" or "the
            // White House ... They will discuss")
            let body = ent
                .name
                .rsplit(' ')
                .next()
                .is_some_and(|w| words().collective_nouns.contains(&w.to_lowercase().as_str()));
            let plural_antecedent = || {
                let mut p = m;
                for _ in 0..64 {
                    match doc.antecedents.get(p).copied().flatten() {
                        Some(q) if doc.mentions[q].kind == MentionKind::Pronoun => p = q,
                        Some(q) => {
                            let qm = &doc.mentions[q];
                            return qm.kind == MentionKind::Name && doc.slice(qm.span).ends_with('s');
                        }
                        None => return false,
                    }
                }
                false
            };
            if (ent.etype == EntityType::Gpe
                && pronoun.as_deref().is_some_and(|p| match p {
                    "it" | "its" => !country(),
                    "they" | "their" | "them" => true,
                    _ => false,
                }))
                || (ent.etype == EntityType::Org
                    && matches!(pronoun.as_deref(), Some("they" | "their" | "them"))
                    && !body
                    && !plural_antecedent())
            {
                a.source = Source { kind: SourceKind::Unknown, name: None, affiliation: None };
                return;
            }
            let kind = match ent.etype {
                EntityType::Person => SourceKind::Person,
                EntityType::Norp if mention.kind == MentionKind::Name => SourceKind::Group,
                EntityType::Other if plural_noun(&last_word) => SourceKind::Group,
                EntityType::Other => SourceKind::Anonymous,
                _ => SourceKind::Organization,
            };
            a.speaker_entity = Some(e);
            a.source = Source { kind, name: Some(ent.name.clone()), affiliation: ent.affiliation.clone() };
            return;
        }
        if mention.kind == MentionKind::Nominal {
            let root = chain_root(doc, m);
            let root_m = &doc.mentions[root];
            let plural = lex
                .source_nouns
                .get(doc.slice(root_m.head_span).to_lowercase().as_str())
                .is_some_and(|(_, plural)| *plural);
            let kind = if plural { SourceKind::Group } else { SourceKind::Anonymous };
            a.source = Source {
                kind,
                name: Some(doc.slice(root_m.span).to_string()),
                affiliation: affiliation_in(root_m.span),
            };
            return;
        }
    }
    // No mention (a headline, a transcript label): a name written as an entity's last word is that entity
    if phrase.starts_with(char::is_uppercase) && !phrase.contains(' ') && phrase.chars().count() > 2 {
        let same = |w: &str| w.replace('’', "'").to_lowercase() == phrase.replace('’', "'").to_lowercase();
        let found = doc.entities.iter().position(|e| {
            matches!(e.etype, EntityType::Person | EntityType::Org)
                && e.name.contains(' ')
                && e.name.rsplit(' ').next().is_some_and(same)
        });
        if let Some(e) = found {
            credit_entity(doc, a, e);
            return;
        }
    }
    // No mention (a headline's "Jane Roe: ..."): a name written as an entity's whole name is that entity,
    // and two or three capitalised words opening with a given name are a person's name
    // (a title-case line's adverb is no part of the name: "Glenn Beck Just Blasted ...")
    let mut words: Vec<&str> = phrase.split(' ').collect();
    let capitalised = words.iter().all(|w| w.starts_with(char::is_uppercase));
    // (an honorific or title before the name is none of it: "Dr. Ben Carson: ...", "Sen. Jane Roe: ...")
    let mut skipped = 0;
    while capitalised && words.len() > 2 && honorific_or_title(lex, words[0]) {
        skipped += words[0].len() + 1;
        words.remove(0);
    }
    let full = sp;
    let sp = Span::new(sp.start + skipped, sp.end);
    while capitalised
        && words.len() > 2
        && words.last().is_some_and(|w| accord_lexicon::usually_lower(&w.to_lowercase()))
    {
        words.pop();
    }
    if capitalised && (2..=3).contains(&words.len()) {
        let short = Span::new(sp.start, sp.start + words.iter().map(|w| w.len() + 1).sum::<usize>() - 1);
        let name = doc.slice(short);
        let found = doc
            .entities
            .iter()
            .position(|e| matches!(e.etype, EntityType::Person | EntityType::Org) && e.name.eq_ignore_ascii_case(name));
        // (after a title only an entity so named: "Former Clinton Pollster" is no one's name)
        let person = skipped == 0
            && lex.given_names_any.contains(words[0])
            && words[1..].iter().all(|w| w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.')));
        if (found.is_some() || person) && a.speaker == Some(full) {
            // (the speaker mention keeps the title)
            a.speaker = Some(Span::new(full.start, short.end));
        }
        if let Some(e) = found {
            credit_entity(doc, a, e);
            return;
        }
        if person {
            a.source = Source { kind: SourceKind::Person, name: Some(name.to_string()), affiliation: None };
            return;
        }
    }
    // No mention: a plural noun phrase is a group, an organisation word an organisation.
    let lw = phrase.to_lowercase();
    let pronoun = matches!(lw.as_str(), "he" | "she" | "they" | "it" | "we" | "i" | "you");
    let kind = if pronoun {
        SourceKind::Unknown
    } else if lex.org_words.contains(&capitalise(&last_word))
        || matches!(
            last_word.as_str(),
            "company"
                | "group"
                | "ministry"
                | "government"
                | "agency"
                | "department"
                | "office"
                | "campaign"
                | "police"
                | "army"
                | "military"
                | "court"
                | "committee"
        )
    {
        SourceKind::Organization
    } else if plural_noun(&last_word) {
        SourceKind::Group
    } else {
        SourceKind::Anonymous
    };
    // "the hurricane center" after "the National Hurricane Center", "provincial police" after "the Ontario
    // Provincial Police": two or more words that end an organisation's name named before are that
    // organisation (the one named last, where several end so)
    if kind == SourceKind::Organization {
        let rest = phrase.split_once(' ').filter(|(the, _)| the.eq_ignore_ascii_case("the")).map_or(phrase, |(_, r)| r);
        let tail: Vec<&str> = rest.split(' ').collect();
        if tail.len() >= 2 {
            let ends_so = |name: &str| {
                let ws: Vec<&str> = name.split(' ').collect();
                ws.len() >= tail.len()
                    && ws[ws.len() - tail.len()..].iter().zip(&tail).all(|(a, b)| a.eq_ignore_ascii_case(b))
            };
            let found = doc
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.etype == EntityType::Org && ends_so(&e.name))
                .filter_map(|(i, e)| {
                    let last =
                        e.mentions.iter().map(|&m| doc.mentions[m].span.end).filter(|&end| end <= sp.start).max()?;
                    Some((last, i))
                })
                .max();
            if let Some((_, e)) = found {
                credit_entity(doc, a, e);
                return;
            }
        }
    }
    // "The campaign" after "Mrs. Doe's campaign": the Doe campaign named last before
    if kind == SourceKind::Organization
        && phrase.split_once(' ').is_some_and(|(the, rest)| the.eq_ignore_ascii_case("the") && rest == last_word)
    {
        if let Some((name, aff)) = earlier_possessive_office(doc, sp, &last_word) {
            a.source = Source { kind, name: Some(name), affiliation: Some(aff) };
            return;
        }
    }
    // "The Clinton campaign" is the Clinton campaign
    let name = match phrase.split_once(' ') {
        Some((the, rest)) if kind == SourceKind::Organization && the.eq_ignore_ascii_case("the") => rest,
        _ => phrase,
    };
    a.source = Source { kind, name: (!pronoun).then(|| name.to_string()), affiliation: affiliation_in(sp) };
}

/// Makes person or organisation entity `e` the speaker's entity and source.
/// The rest of a speaker phrase after a person's name says where the person works or lives: "of the
/// Sierra Club", "from the Rural Fire Service", "at Clemson University", "with the union".
fn where_works(rest: &str) -> bool {
    [" of ", " from ", " at ", " with "].iter().any(|p| rest.starts_with(p))
}

fn credit_entity(doc: &Doc, a: &mut Attribution, e: usize) {
    let ent = &doc.entities[e];
    let kind = if ent.etype == EntityType::Person { SourceKind::Person } else { SourceKind::Organization };
    a.speaker_entity = Some(e);
    a.source = Source { kind, name: Some(ent.name.clone()), affiliation: ent.affiliation.clone() };
}

/// The last "<person>'s <noun>" before `sp` ("Mrs. Doe's campaign"), as the name the possessive gives it
/// ("Doe campaign") and the person's name.
fn earlier_possessive_office(doc: &Doc, sp: Span, noun: &str) -> Option<(String, String)> {
    if !words().surname_offices.contains(&noun) {
        return None;
    }
    let end = doc.token_at_or_after(sp.start);
    (2..end).rev().find_map(|k| {
        if !doc.token_text(k).eq_ignore_ascii_case(noun) || !matches!(doc.token_text(k - 1), "'s" | "’s") {
            return None;
        }
        let owner_end = doc.tokens[k - 2].span.end;
        let m = doc.mentions.iter().find(|m| m.span.end == owner_end && m.kind == MentionKind::Name)?;
        let ent = &doc.entities[m.entity?];
        (ent.etype == EntityType::Person).then(|| (surname_office(&ent.name, noun), ent.name.clone()))
    })
}

/// The name of a person's office named after the surname: "Doe campaign" of "Jane Doe" and "campaign".
fn surname_office(person: &str, noun: &str) -> String {
    let surname = person.rsplit(' ').next().unwrap_or(person);
    format!("{surname} {noun}")
}

/// Whether `w` is an honorific ("Dr.") or a title word ("Sen.", "President") as written before a name.
fn honorific_or_title(lex: &Lexicons, w: &str) -> bool {
    lex.honorifics.contains_key(w) || lex.titles.contains(w.to_lowercase().as_str())
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// What the previous quote's speaker was, for a pronoun or a definite unnamed source after it.
#[derive(Clone)]
enum Previous {
    /// A person entity.
    Person(usize),
    /// An unnamed singular source ("a senior Hamas official"), and where its phrase ends.
    Unnamed(Source, usize),
    /// An unnamed group ("a number of attendees", "officials").
    Group(Source),
}

/// A personal pronoun speaker ("he said") in a run of quotes stands for the speaker of the previous quote,
/// in the same paragraph or the one before, when that person's gender allows it, rather than for the
/// person named last (a quote by one woman, another woman named, then "she said"); a pronoun left without
/// a person stands for the previous quote's unnamed source ("A senior official said ... He told ...").
/// A quote inside another quote's content (its speaker is named in that content) is no previous quote:
/// the discourse is about the outer speaker. A definite unnamed source ("the official", "The Fatah
/// official") whose chain leads to an earlier quote's unnamed source takes that source's whole phrase
/// ("an official from the Fatah movement"). `atts` are in text order and resolved.
/// "Charlotte-Mecklenburg police released video ... Police said ...": a bare "police" (or "the police") as a
/// speaker is the force the story named last before it, as a source ("<place> police") or as an
/// organisation's name that ends in the word ("Tulsa Police"), whatever the name of one word was joined to.
pub fn named_police(doc: &Doc, atts: &mut [Attribution]) {
    let bare = |name: &str| {
        let n = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name);
        n.eq_ignore_ascii_case("police")
    };
    let named = |name: &str| {
        name.rsplit_once(' ').is_some_and(|(rest, last)| {
            last.eq_ignore_ascii_case("police") && !rest.is_empty() && !rest.eq_ignore_ascii_case("the")
        })
    };
    if !atts.iter().any(|a| a.speaker.is_some_and(|s| bare(doc.slice(s)))) {
        return;
    }
    // the organisations' name mentions that end in the word, and places written before it ("the
    // Charlotte-Mecklenburg police chief"), in text order
    let mut forces: Vec<(usize, Source, Option<usize>)> = Vec::new();
    for m in doc.mentions.iter().filter(|m| m.kind == MentionKind::Name) {
        let Some(e) = m.entity else { continue };
        let ent = &doc.entities[e];
        if ent.etype == EntityType::Org && named(doc.slice(m.span)) {
            let src = Source {
                kind: SourceKind::Organization,
                name: Some(ent.name.clone()),
                affiliation: ent.affiliation.clone(),
            };
            forces.push((m.span.end, src, Some(e)));
        } else if ent.etype == EntityType::Gpe {
            let k = doc.token_at_or_after(m.span.end);
            if k < doc.tokens.len() && doc.token_text(k) == "police" && doc.tokens[k].span.start == m.span.end + 1 {
                let name = format!("{} police", doc.slice(m.span));
                let src =
                    Source { kind: SourceKind::Organization, name: Some(name), affiliation: Some(ent.name.clone()) };
                forces.push((doc.tokens[k].span.end, src, None));
            }
        }
    }
    let mut order: Vec<usize> = (0..atts.len()).filter(|&i| atts[i].speaker.is_some()).collect();
    order.sort_by_key(|&i| atts[i].speaker.map(|s| s.start));
    let mut last: Option<(usize, Source, Option<usize>)> = None;
    for i in order {
        let sp = atts[i].speaker.expect("kept above");
        if let Some((end, src, e)) = forces.iter().rev().find(|(end, _, _)| *end <= sp.start) {
            if last.as_ref().is_none_or(|(p, _, _)| end > p) {
                last = Some((*end, src.clone(), *e));
            }
        }
        let a = &mut atts[i];
        if bare(doc.slice(sp)) {
            if let Some((_, src, ent)) = &last {
                a.source = src.clone();
                a.speaker_entity = *ent;
            }
        } else if a.source.kind == SourceKind::Organization && a.source.name.as_deref().is_some_and(named) {
            last = Some((sp.end, a.source.clone(), a.speaker_entity));
        }
    }
}

pub fn previous_speaker(doc: &Doc, atts: &mut [Attribution], lex: &Lexicons) {
    let contents: Vec<Span> = atts.iter().map(|a| a.content).collect();
    // the contents that are quotations: a person named inside one is spoken of, not speaking
    let quotations: Vec<Span> =
        contents.iter().copied().filter(|&c| doc.slice(c).starts_with(['“', '"', '‘', '\''])).collect();
    // speaker mention -> the source of the quote it spoke
    let mut spoke: Vec<(usize, Source)> = Vec::new();
    let mut last: Option<(Previous, usize)> = None; // (speaker, paragraph)
    let mut last_sentence = 0;
    let mut last_question = false;
    for (i, a) in atts.iter_mut().enumerate() {
        let par = doc.sentences.get(a.sentence).map_or(0, |s| s.paragraph);
        let pronoun_gender =
            a.speaker_mention.filter(|&m| doc.mentions[m].kind == MentionKind::Pronoun).and_then(|m| {
                match doc.slice(doc.mentions[m].span).to_lowercase().as_str() {
                    "he" | "him" | "his" => Some('m'),
                    "she" | "her" => Some('f'),
                    _ => None,
                }
            });
        // "a number of attendees said they supported him, and they said ...": a plural pronoun that
        // coreference left without a referent stands for the group that spoke the previous quote
        let plural_pronoun = a.speaker_mention.is_some_and(|m| {
            doc.mentions[m].kind == MentionKind::Pronoun
                && matches!(doc.slice(doc.mentions[m].span).to_lowercase().as_str(), "they" | "them" | "their")
        });
        if let (true, Some((Previous::Group(src), lp))) = (plural_pronoun, &last) {
            if lp + 1 >= par && a.speaker_entity.is_none() && a.source.kind == SourceKind::Unknown {
                a.source = src.clone();
            }
        }
        // "“...,” McCain said. The longtime senator said ...": a definite role as the speaker right after a
        // quote by a person titled with that role is that person, whoever coreference chose
        if let (Some(m), Some((Previous::Person(e), lp))) = (a.speaker_mention, &last) {
            let mm = &doc.mentions[m];
            let said = doc.slice(mm.span);
            let noun = doc.slice(mm.head_span).rsplit(' ').next().unwrap_or("").to_lowercase();
            let ent = &doc.entities[*e];
            if mm.kind == MentionKind::Nominal
                && (said.starts_with("the ") || said.starts_with("The "))
                // (a role with a name, a country or a party in it says more: "the Turkish president")
                && said.split(' ').skip(1).all(|w| w.starts_with(char::is_lowercase))
                && *lp == par
                && a.speaker_entity != Some(*e)
                && a.speaker_entity.is_none_or(|x| doc.entities[x].etype == EntityType::Person)
                && ent.titles.iter().any(|t| accord_facts::coref::title_has(&t.to_lowercase(), &noun))
            {
                a.speaker_entity = Some(*e);
                a.source = Source {
                    kind: SourceKind::Person,
                    name: Some(ent.name.clone()),
                    affiliation: ent.affiliation.clone(),
                };
            }
            // "Chris Grayling warned that ... ¶ Speaking in the Commons, the Conservative MP said: “...”": a
            // definite role that coreference found no one for, right after a person's statement with no other
            // person named since, is that person when no title of theirs names another role
            // (no other person named or referred to since that statement's sentence opened: "Sean Hannity
            // asked Kasich ... ¶ The candidate said"; and not the answer to a question: "“...?” Borger asked.
            // ¶ “...,” the senator said.")
            let since = doc.sentences.get(last_sentence).map_or(usize::MAX, |s| s.span.start);
            // (scanned last, only for a role that passes the cheaper tests)
            let other_named = || {
                doc.mentions[doc.mentions.partition_point(|c| c.span.start < since)..]
                    .iter()
                    .take_while(|c| c.span.start < mm.span.start)
                    .any(|c| {
                        matches!(c.kind, MentionKind::Name | MentionKind::Pronoun)
                            && c.entity.is_some_and(|x| x != *e && doc.entities[x].etype == EntityType::Person)
                            && !quotations.iter().any(|q| q.start <= c.span.start && c.span.end <= q.end)
                    })
            };
            // (or a role the recogniser read as the name of something else: "the Conservative MP")
            let misread = mm.kind == MentionKind::Name
                && mm.entity.is_some_and(|x| {
                    doc.entities[x].etype == EntityType::Other
                        && doc.entities[x]
                            .mentions
                            .iter()
                            .filter(|&&q| doc.mentions[q].kind == MentionKind::Name)
                            .count()
                            == 1
                })
                && {
                    let k = doc.token_at_or_after(mm.span.start);
                    k > 0 && doc.token_text(k - 1).eq_ignore_ascii_case("the")
                };
            if (mm.kind == MentionKind::Nominal && (said.starts_with("the ") || said.starts_with("The ")) || misread)
                // (the role itself, not a coordination or what the role owns: "the party's top figures")
                && !a.speaker.is_some_and(|sp| {
                    let s = doc.slice(sp);
                    s.contains(" and ") || s[mm.span.end.saturating_sub(sp.start).min(s.len())..].starts_with(['\'', '’'])
                })
                && !last_question
                && (a.speaker_entity.is_none() || misread)
                && a.source.kind == SourceKind::Anonymous
                && *lp + 1 >= par
                && (lex.source_nouns.get(noun.as_str()).is_some_and(|(_, plural)| !plural) || lex.is_title(&noun))
                && (ent.titles.is_empty()
                    || ent.titles.iter().any(|t| accord_facts::coref::title_has(&t.to_lowercase(), &noun)))
                // (a capitalised word of the role that is no title's head, "Democratic", "Florida", is in the
                // person's titles or side, when the text gives them any: not "The Democratic nominee" after
                // "Republican nominee Tom Ferris")
                && said
                    .split(' ')
                    .skip(1)
                    .filter(|w| {
                        w.starts_with(char::is_uppercase)
                            && (!lex.is_title(w) || accord_lexicon::names::is_title_modifier(w))
                    })
                    .all(|w| {
                        (ent.titles.is_empty() && ent.affiliation.is_none())
                            || ent.titles.iter().chain(ent.affiliation.iter()).any(|t| t.contains(w))
                    })
                && !other_named()
            {
                credit_entity(doc, a, *e);
            }
        }
        match (pronoun_gender, &last) {
            (Some(g), Some((Previous::Person(e), lp))) => {
                let (e, lp) = (*e, *lp);
                let ent = &doc.entities[e];
                // (not when the pronoun's own paragraph, after the quote's, opens a sentence before it with the
                // person coreference chose: "... Ruano said. ¶ Director Jane Roe asked ... “...,” she said.")
                let here = a.speaker_mention.map_or(usize::MAX, |m| doc.mentions[m].span.start);
                let named_here = lp < par
                    && a.speaker_entity.is_some_and(|e2| {
                        e2 != e
                            && doc.entities[e2].etype == EntityType::Person
                            && doc.entities[e2].mentions.iter().any(|&q| {
                                let c = &doc.mentions[q];
                                // (its sentence's first mention, as coreference reads a subject)
                                let sstart = doc.sentences[c.sentence].span.start;
                                let first = doc.mentions.get(doc.mentions.partition_point(|o| o.span.start < sstart));
                                c.kind == MentionKind::Name
                                    && c.span.start < here
                                    && doc.sentences[c.sentence].paragraph == par
                                    && first.is_some_and(|o| o.span.start >= c.span.start)
                            })
                    });
                // (nor when coreference chose the person named in an adverbial clause that opens the pronoun's
                // own sentence and ends right before it: "When Jane Roe took office, she promised ...")
                let clause = a.speaker_mention.and_then(|m| accord_facts::coref::fronted_time_clause(doc, m));
                let named_in_sentence = clause.is_some_and(|c| {
                    let (from, to) = (doc.tokens[c.start].span.start, doc.tokens[c.end].span.start);
                    a.speaker_entity.is_some_and(|e2| {
                        e2 != e
                            && doc.entities[e2].etype == EntityType::Person
                            && doc.entities[e2].mentions.iter().any(|&q| {
                                let c = &doc.mentions[q];
                                c.kind == MentionKind::Name && c.span.start >= from && c.span.end <= to
                            })
                    })
                });
                // "“...,” said X. A delegate, Jane Roe, summed up the mood. “...,” she said.": a person of the
                // pronoun's gender who is the subject of a sentence between the quote and the pronoun (not
                // inside a quotation) is what the discourse is about now
                // (a paragraph further back only for a person the paragraph right before the pronoun's
                // introduces)
                let subject_between = (lp + 2 >= par && a.sentence > last_sentence + 1)
                    .then(|| {
                        // (mentions are sorted by start: those of the sentences in between)
                        let from = doc.sentences[last_sentence + 1].span.start;
                        let to = doc.sentences[a.sentence].span.start;
                        let range = doc.mentions.partition_point(|c| c.span.start < from)
                            ..doc.mentions.partition_point(|c| c.span.start < to);
                        doc.mentions[range]
                            .iter()
                            .filter(|c| {
                                c.kind == MentionKind::Name
                                    && c.entity.is_some_and(|p| {
                                        let ent = &doc.entities[p];
                                        // (a person's name, not a common word read as one: "Resentment
                                        // built up and Harrison withdrew")
                                        let last = ent.name.rsplit(' ').next().unwrap_or("");
                                        p != e
                                            && ent.etype == EntityType::Person
                                            && ent.gender.is_none_or(|pg| pg == g)
                                            && (ent.gender.is_some()
                                                || !accord_lexicon::usually_lower(&accord_text::lowercase(last)))
                                    })
                                    && !contents.iter().any(|s| s.contains(c.span))
                                    && name_is_subject(doc, c, |v| {
                                        // (in another paragraph, only the subject of a verb of saying:
                                        // "Rubio disagreed. ¶ “...,” he said.", not "Ana Ruiz watched from
                                        // the window. ¶ “...,” she said.", or a person the paragraph just
                                        // before introduces)
                                        (lp + 1 >= par
                                            && (doc.sentences[c.sentence].paragraph == par
                                                || lex.cue(doc.token_text(v)).is_some()))
                                            || introduced(doc, c, par)
                                    })
                            })
                            .filter_map(|c| c.entity)
                            .next_back()
                    })
                    .flatten();
                if let Some(p) = subject_between {
                    credit_entity(doc, a, p);
                } else if lp + 1 >= par
                    && ent.gender.is_none_or(|eg| eg == g)
                    && a.speaker_entity != Some(e)
                    && !named_here
                    && !named_in_sentence
                {
                    a.speaker_entity = Some(e);
                    a.source = Source {
                        kind: SourceKind::Person,
                        name: Some(ent.name.clone()),
                        affiliation: ent.affiliation.clone(),
                    };
                }
            }
            // "... Grady said. But a spokesperson for the employers said ... “...,” he said.": a pronoun left
            // without a person, or that coreference gave to a person not named since the unnamed source
            // spoke, is that source
            (Some(_), Some((Previous::Unnamed(src, at), lp)))
                if lp + 1 >= par
                    && a.speaker_entity.is_none_or(|e| {
                        let here = a.speaker_mention.map(|m| doc.mentions[m].span.start);
                        here.is_some_and(|here| {
                            doc.entities[e].etype == EntityType::Person
                                && !doc.entities[e].mentions.iter().any(|&p| {
                                    let sp = doc.mentions[p].span;
                                    sp.start >= *at && sp.start < here
                                })
                        })
                    }) =>
            {
                a.speaker_entity = None;
                a.source = src.clone();
            }
            _ => {}
        }
        // "the official" after "an official from the Fatah movement said": the earlier source's phrase
        if let Some(m) = a.speaker_mention.filter(|&m| {
            doc.mentions[m].kind == MentionKind::Nominal
                && a.speaker_entity.is_none()
                && a.source.kind == SourceKind::Anonymous
        }) {
            let mut p = m;
            let mut steps = 0;
            while let Some(Some(q)) = doc.antecedents.get(p) {
                p = *q;
                steps += 1;
                if let Some((_, src)) = spoke.iter().rev().find(|(sm, _)| *sm == p) {
                    if src.name.as_ref().map_or(0, String::len) > a.source.name.as_ref().map_or(0, String::len) {
                        a.source = src.clone();
                    }
                    break;
                }
                if steps > 1000 {
                    break;
                }
            }
        }
        // a quote inside another's content does not change the discourse's speaker
        let embedded = a.speaker.is_some_and(|sp| contents.iter().enumerate().any(|(j, c)| j != i && c.contains(sp)));
        if let Some(m) = a.speaker_mention {
            spoke.push((m, a.source.clone()));
        }
        if embedded {
            continue;
        }
        last = match a.speaker_entity {
            Some(e) if doc.entities[e].etype == EntityType::Person => Some((Previous::Person(e), par)),
            // (a phrase headed by a source noun: "a senior official", not "no one")
            None if a.source.kind == SourceKind::Anonymous
                && a.speaker.is_some_and(|sp| {
                    let head = doc.slice(sp).rsplit(' ').next().unwrap_or("").to_lowercase();
                    lex.source_nouns.get(head.as_str()).is_some_and(|(_, plural)| !plural)
                        || a.speaker_mention.is_some_and(|m| {
                            doc.mentions[m].kind == MentionKind::Nominal
                                && lex
                                    .source_nouns
                                    .contains_key(doc.slice(doc.mentions[m].head_span).to_lowercase().as_str())
                        })
                }) =>
            {
                Some((Previous::Unnamed(a.source.clone(), a.speaker.map_or(0, |sp| sp.end)), par))
            }
            None if a.source.kind == SourceKind::Group && !plural_pronoun && a.speaker.is_some() => {
                Some((Previous::Group(a.source.clone()), par))
            }
            // (a pronoun that took the group's place keeps it the discourse's speaker)
            None if plural_pronoun && matches!(last, Some((Previous::Group(_), _))) => last,
            _ if a.speaker.is_some() => None,
            _ => last,
        };
        if a.speaker.is_some() {
            last_sentence = a.sentence;
            last_question = a.cue.is_some_and(|c| doc.slice(c).to_lowercase().contains("ask"))
                || doc.slice(a.content).trim_end_matches(['"', '”', '\'', '’', ' ']).ends_with('?');
        }
    }
}

/// "Fraser Amos, a student at Warwick, is helping to rally support for a strike. ¶ “...,” he says.": name
/// mention `c` opens the paragraph right before paragraph `par`, is its person's first mention and is
/// followed by an apposition that describes the person: the news story's way of bringing in the next
/// speaker.
fn introduced(doc: &Doc, c: &accord_doc::Mention, par: usize) -> bool {
    let s = &doc.sentences[c.sentence];
    let (a, b) = (doc.token_at_or_after(c.span.start), doc.token_at_or_after(c.span.end));
    let opens = c.sentence == 0 || doc.sentences[c.sentence - 1].paragraph != s.paragraph;
    let first =
        c.entity.is_some_and(|e| doc.entities[e].mentions.iter().all(|&q| doc.mentions[q].span.start >= c.span.start));
    let an = |k: usize| doc.tokens.get(k).and_then(|t| t.analysis.as_ref());
    // (an apposition right after the name: "Fraser Amos, a final-year student ...,")
    let apposed = b + 1 < s.tokens.end
        && doc.token_text(b) == ","
        && (b + 1..s.tokens.end)
            .take(6)
            .any(|t| an(t).is_some_and(|x| x.deprel() == "appos" && x.head().is_some_and(|h| (a..b).contains(&h))));
    s.paragraph + 1 == par && opens && a == s.tokens.start && first && apposed
}

/// Whether name mention `c` is its clause's subject, or in apposition to it ("A delegate from the group,
/// Jane Roe, summed up ..."), by the parse, and `verb_ok` accepts its verb.
fn name_is_subject(doc: &Doc, c: &accord_doc::Mention, verb_ok: impl Fn(usize) -> bool) -> bool {
    let (a, b) = (doc.token_at_or_after(c.span.start), doc.token_at_or_after(c.span.end));
    let an = |k: usize| doc.tokens[k].analysis.as_ref();
    // (not inside parentheses: "(Marc Fisher Footwear produces her shoe line.)")
    let sentence = doc.sentences[c.sentence].tokens.clone();
    if (sentence.start..a).rev().take_while(|&t| doc.token_text(t) != ")").any(|t| doc.token_text(t) == "(") {
        return false;
    }
    // the word of the name the others hang on ("Jane" heads "Roe" as `flat`)
    let Some(k) = (a..b).find(|&t| an(t).and_then(|x| x.head()).is_none_or(|h| !(a..b).contains(&h))) else {
        return false;
    };
    // (a title before the name may head it: "Sen." of "Sen. Bernie Sanders")
    let mut k = k;
    while let Some(h) = an(k).filter(|x| x.deprel() == "flat").and_then(|x| x.head()).filter(|&h| h < a && h + 3 >= a) {
        k = h;
    }
    let Some(x) = an(k) else { return false };
    // (not the subject of a clause of reason, condition or comparison: "As Fred Sr. became ..., his son
    // drank ...")
    let subordinate = |v: usize| {
        sentence.clone().any(|t| {
            an(t).is_some_and(|y| y.head() == Some(v) && y.deprel() == "mark")
                && matches!(
                    doc.token_text(t).to_lowercase().as_str(),
                    "as" | "if" | "because" | "although" | "though" | "while" | "unless" | "since"
                )
        })
    };
    // (nor of a relative clause about a person: "Bill Peel, whose son Billy died in the accident, is
    // disappointed")
    let about_person = |v: usize| {
        an(v).is_some_and(|y| y.deprel() == "acl:relcl" && y.head().and_then(an).is_some_and(|h| h.upos() == "PROPN"))
    };
    // (however the parse read it: "whose son Billy died")
    let relative = (a.saturating_sub(3).max(sentence.start)..a)
        .any(|t| matches!(doc.token_text(t).to_lowercase().as_str(), "whose" | "who" | "whom" | "which"));
    if x.deprel().starts_with("nsubj") {
        return !relative && x.head().is_some_and(|v| !subordinate(v) && !about_person(v) && verb_ok(v));
    }
    if x.deprel() == "appos" {
        if let Some(h) = x.head().and_then(an).filter(|h| h.deprel().starts_with("nsubj")) {
            return h.head().is_some_and(|v| !subordinate(v) && verb_ok(v));
        }
    }
    // (set off by commas between the subject and its verb, however the parse attached it)
    a > 0
        && b + 1 < doc.tokens.len()
        && doc.token_text(a - 1) == ","
        && doc.token_text(b) == ","
        && an(b + 1).is_some_and(|v| v.upos() == "VERB")
        && verb_ok(b + 1)
        && (sentence.start..a - 1)
            .any(|s| an(s).is_some_and(|y| y.deprel().starts_with("nsubj") && y.head() == Some(b + 1)))
}

/// "A Rubio spokesman said ... “...,” tweeted Rubio spokesman Alex Conant": a news lead that describes
/// its source before naming it. An unnamed source whose phrase is indefinite ("a federal judge", "a union
/// representing ...") or, in the headline paragraphs, bare ("Lawmaker urges ...") is the person who speaks
/// the next named statement when that person is titled with the description's noun (or, for an
/// organisation's noun, the organisation whose name has that noun's marking word: "the Association of
/// Flight Attendants" for "a union"), the statement is in the same or the next paragraph, and the speaker
/// is first named after the description. `atts` are in text order and resolved.
pub fn named_after_description(doc: &Doc, atts: &mut [Attribution], lex: &Lexicons) {
    // (attribution, its head noun, its capitalised words before the noun, wants a person)
    let mut pending: Vec<(usize, String, Vec<String>, bool)> = Vec::new();
    for i in 0..atts.len() {
        let a = &atts[i];
        let Some(sp) = a.speaker else { continue };
        let par = doc.sentences.get(a.sentence).map_or(0, |s| s.paragraph);
        if let Some((p, ..)) = pending.last() {
            let lp = doc.sentences.get(atts[*p].sentence).map_or(0, |s| s.paragraph);
            if par > lp + 1 {
                pending.clear();
            }
        }
        if let Some((noun, modifiers, wants_person)) = described_source(doc, a, lex, par) {
            pending.push((i, noun, modifiers, wants_person));
            continue;
        }
        let Some(e) = a.speaker_entity else { continue };
        if pending.is_empty() {
            continue;
        }
        let first_at = atts[pending[0].0].speaker.map_or(0, |s| s.end);
        let ent = &doc.entities[e];
        let new = ent.mentions.iter().all(|&m| doc.mentions[m].span.start >= first_at)
            && ent
                .mentions
                .iter()
                .any(|&m| doc.mentions[m].kind == MentionKind::Name && doc.mentions[m].span.start <= sp.end);
        for (p, noun, modifiers, wants_person) in std::mem::take(&mut pending) {
            // (a capitalised word of the description names the office: "a District Court judge" is no
            // "Circuit Court Judge")
            let known = |w: &String| {
                let w = w.to_lowercase();
                ent.titles
                    .iter()
                    .chain(ent.affiliation.iter())
                    .chain([&ent.name])
                    .any(|t| accord_facts::coref::title_has(&t.to_lowercase(), &w))
            };
            let fits = if wants_person {
                ent.etype == EntityType::Person
                    && ent.titles.iter().any(|t| accord_facts::coref::title_has(&t.to_lowercase(), &noun))
                    && modifiers.iter().all(known)
            } else {
                ent.etype == EntityType::Org
                    && lex
                        .referring_name_words
                        .get(noun.as_str())
                        .is_some_and(|ws| ent.name.split(' ').any(|w| ws.iter().any(|x| x == w)))
            };
            if new && fits {
                credit_entity(doc, &mut atts[p], e);
            }
        }
    }
}

/// The head noun of `a`'s unnamed source when it describes someone a news lead names later (see
/// [`named_after_description`]), with the capitalised words before it (but the first) and whether it is a
/// person's noun (else an organisation's).
fn described_source(doc: &Doc, a: &Attribution, lex: &Lexicons, par: usize) -> Option<(String, Vec<String>, bool)> {
    if a.speaker_entity.is_some() || a.source.kind != SourceKind::Anonymous {
        return None;
    }
    let m = a.speaker_mention.filter(|&m| doc.mentions[m].kind == MentionKind::Nominal)?;
    let sp = a.speaker?;
    let phrase = doc.slice(sp);
    let first = phrase.split(' ').next().unwrap_or("");
    let indefinite = matches!(first, "a" | "an" | "A" | "An");
    let bare = par <= doc.sentences.first().map_or(0, |s| s.paragraph) + 1
        && first.starts_with(char::is_uppercase)
        && doc.tokens[doc.token_at_or_after(sp.start)]
            .analysis
            .as_ref()
            .is_some_and(|t| matches!(t.upos(), "NOUN" | "ADJ"));
    if !indefinite && !bare {
        return None;
    }
    let hs = doc.mentions[m].head_span;
    let head = doc.slice(hs).rsplit(' ').next().unwrap_or("").to_lowercase();
    let (from, to) = (doc.token_at_or_after(sp.start) + 1, doc.token_at_or_after(hs.end).saturating_sub(1));
    let modifiers = (from..to)
        .map(|k| doc.token_text(k))
        .filter(|w| w.starts_with(char::is_uppercase))
        .map(|w| w.trim_end_matches('.').to_string())
        .collect();
    if lex.source_nouns.get(head.as_str()).is_some_and(|(_, plural)| !plural) {
        return Some((head, modifiers, true));
    }
    lex.referring_nouns.get(head.as_str()).filter(|(t, _)| *t == EntityType::Org).map(|_| (head, modifiers, false))
}
