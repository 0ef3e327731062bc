//! Speakers read off the dependency parse (when the models ran): the cue verb's nominal subject, and the
//! noun phrase a relative pronoun speaker ("the senator, who said ...") stands for.

use crate::content::trim_end;
use crate::tree;
use accord_doc::{Attribution, Doc, Span, TokenKind};
use accord_facts::lexicon::Lexicons;

/// How many quotations opened between tokens `from` and `to` (exclusive) are still open at `to`.
fn quote_depth(doc: &Doc, from: usize, to: usize) -> i32 {
    (from..to).fold(0, |n, k| match doc.tokens[k].kind {
        TokenKind::OpenQuote => n + 1,
        TokenKind::CloseQuote => n - 1,
        _ => n,
    })
}

/// The nominal subject of a cue verb from the dependency parse (when the models ran): the `nsubj`
/// dependent left of the verb, as the token range of its subtree.
pub(crate) fn parsed_subject(doc: &Doc, verb: usize, sstart: usize) -> Option<(usize, usize)> {
    let an = doc.tokens[verb].analysis.as_ref()?;
    let s = &doc.sentences[doc.tokens[verb].sentence];
    let own = (sstart..verb)
        .find(|&k| doc.tokens[k].analysis.as_ref().is_some_and(|a| a.head() == Some(verb) && a.deprel() == "nsubj"));
    // "He pitched himself ... by telling them that ...": a participle or coordinated verb shares its head's subject
    let mut object_of_quote = false;
    let subj = match own {
        Some(k) => k,
        None if matches!(an.deprel(), "advcl" | "xcomp" | "conj") => {
            // (not a verb inside a quotation that opens after it: "..., telling reporters, “A lot of
            // people said ...”")
            let h = an.head().filter(|&h| h < verb || quote_depth(doc, verb, h) <= 0)?;
            // "X was quoted by army radio as saying ...": the passive subject of "quoted" is the speaker
            let quoted = doc.tokens[h].analysis.as_ref().is_some_and(|x| x.lemma == "quote")
                && doc.token_text(verb.saturating_sub(1)).eq_ignore_ascii_case("as");
            // ... and "The agency quoted X as saying ...": the active verb's object (the agency only
            // passed the words on)
            let object = (h + 1..verb)
                .filter(|_| quoted)
                .find(|&k| doc.tokens[k].analysis.as_ref().is_some_and(|a| a.head() == Some(h) && a.deprel() == "obj"));
            match object {
                Some(k) => {
                    object_of_quote = true;
                    k
                }
                None => (sstart..h).find(|&k| {
                    doc.tokens[k].analysis.as_ref().is_some_and(|a| {
                        a.head() == Some(h) && (a.deprel() == "nsubj" || (quoted && a.deprel() == "nsubj:pass"))
                    })
                })?,
            }
        }
        None => return None,
    };
    // (nor a subject inside a quotation that opens after the verb: "..., adding, “Mr. X is grateful”")
    if subj > verb && quote_depth(doc, verb, subj) > 0 {
        return None;
    }
    // (the object of "quoted" ends before the cue verb, not before "quoted")
    let verb =
        if object_of_quote { verb } else { doc.tokens[subj].analysis.as_ref().and_then(|a| a.head()).unwrap_or(verb) };
    // the subtree of the subject, within the sentence
    let mut lo = subj;
    let mut hi = subj;
    loop {
        let mut grew = false;
        for k in s.tokens.clone() {
            let Some(h) = doc.tokens[k].analysis.as_ref().and_then(|a| a.head()) else { continue };
            if (lo..=hi).contains(&h) && !(lo..=hi).contains(&k) && k < verb && k >= sstart {
                lo = lo.min(k);
                hi = hi.max(k);
                grew = true;
            }
        }
        // "Activist Jane Roe talks": a second subject right after the first (a descriptor parsed apart
        // from the name) is the same phrase; a verb has one nominal subject. (A speech cue's second subject
        // is taken whatever it is; other verbs' subjects, `subject_phrase`, need a plain descriptor.)
        if !grew
            && hi + 1 < verb
            && doc.tokens[hi + 1].analysis.as_ref().is_some_and(|a| a.head() == Some(verb) && a.deprel() == "nsubj")
        {
            hi += 1;
            grew = true;
        }
        if !grew {
            break;
        }
    }
    while hi > lo && matches!(doc.token_text(hi), "," | "-" | "—") {
        hi -= 1;
    }
    Some((lo, hi + 1))
}

/// Whether token `next`, right after the subject phrase `lo..=hi` headed by `subj`, is a second subject of
/// `holder` that belongs to the same phrase: "Radio host Jane Roe shared ...", where the parse makes the
/// descriptor and the name two subjects of one verb (a verb has one nominal subject). Only a plain noun
/// phrase is a descriptor (no verb, preposition, relative word or punctuation, which a reduced relative
/// clause's object has: "the estimates of refugees Roe will accept", "whose record Roe belittled"), and
/// only a person's or organisation's name follows it.
fn descriptor_then_name(doc: &Doc, lo: usize, hi: usize, subj: usize, holder: usize, next: usize) -> bool {
    let an = |k: usize| doc.tokens[k].analysis.as_ref();
    // (a descriptor is no name itself: "Mrs. Roe and Ms. Doe grasped hands" are two people)
    an(subj).is_some_and(|a| matches!(a.upos(), "NOUN" | "PROPN"))
        && !person_or_org_name(doc, subj)
        && plain_noun_phrase(doc, lo, hi)
        && doc.tokens[hi + 1].kind != TokenKind::Punct
        && an(next).is_some_and(|a| a.head() == Some(holder) && a.deprel() == "nsubj")
        && person_or_org_name(doc, next)
}

/// Whether tokens `lo..=hi` are a plain noun phrase: nouns, names, adjectives and adverbs, determiners and
/// possessives, numbers, a coordinator or a hyphen; no verb, preposition, relative word or other punctuation.
fn plain_noun_phrase(doc: &Doc, lo: usize, hi: usize) -> bool {
    (lo..=hi).all(|k| {
        doc.tokens[k].analysis.as_ref().is_some_and(|a| {
            (matches!(a.upos(), "NOUN" | "PROPN" | "ADJ" | "ADV" | "DET" | "PRON" | "PART" | "CCONJ" | "NUM")
                || a.xpos() == "HYPH")
                && !a.xpos().starts_with('W')
        })
    })
}

/// Whether token `k` is a proper noun inside a person's or organisation's name.
fn person_or_org_name(doc: &Doc, k: usize) -> bool {
    doc.tokens[k].analysis.as_ref().is_some_and(|a| a.upos() == "PROPN")
        && name_type(doc, k).is_some_and(|t| matches!(t, accord_doc::EntityType::Person | accord_doc::EntityType::Org))
}

/// The subject phrase of `holder` whose first `nsubj` is token `subj`, as an inclusive token range, and
/// its head: the name when a descriptor parsed as a subject of its own comes first
/// ([`descriptor_then_name`]). The phrase ends before token `limit`. For the verbs of attributed acts and
/// learned candidates, whose first `nsubj` is more often a reduced relative clause's object than with
/// speech cues (`parsed_subject`).
pub(crate) fn subject_phrase(
    doc: &Doc,
    tree: &tree::SentenceTree,
    subj: usize,
    holder: usize,
    limit: usize,
) -> (usize, usize, usize) {
    let sent = doc.sentences[doc.tokens[subj].sentence].tokens.clone();
    // a parenthesis right after a name holds no subject: "Sen. Bernie Sanders (I-Vt.) repeated ...", where
    // the party tag's "I" was read as a pronoun, is the name's
    // (a short parenthesis: the few tokens before the subject and after it)
    let open = (subj.saturating_sub(4).max(sent.start)..subj)
        .rev()
        .take_while(|&k| doc.token_text(k) != ")")
        .find(|&k| doc.token_text(k) == "(");
    // (the parenthesis closes before the verb: "(he had challenged Reagan ...)" is a clause of its own)
    let closed = open.is_some()
        && (subj + 1..sent.end.min(subj + 6))
            .take_while(|&k| doc.token_text(k) != "(")
            .find(|&k| doc.token_text(k) == ")")
            .is_some_and(|c| c < holder);
    let propn = |k: usize| doc.tokens[k].analysis.as_ref().is_some_and(|a| a.upos() == "PROPN");
    if let Some(open) = open.filter(|&o| closed && o > sent.start && propn(o - 1)) {
        let end = open - 1;
        let mut start = end;
        while start > sent.start && propn(start - 1) {
            start -= 1;
        }
        return (start, end, end);
    }
    let (lo, hi) = tree.subtree(subj);
    // a word joined to the phrase by a hyphen with no space belongs to it ("Forty-one percent", parsed
    // with "Forty" elsewhere)
    let lo = hyphen_start(doc, lo, sent.start);
    // the second subject whose phrase starts right after the first ("developer Carlos Beruff": "Beruff")
    let nsubj = |c: usize| doc.tokens[c].analysis.as_ref().is_some_and(|a| a.deprel() == "nsubj");
    let second =
        tree.children(holder).iter().copied().find(|&c| c > hi && c < limit && nsubj(c) && tree.subtree(c).0 == hi + 1);
    match second {
        Some(c) if descriptor_then_name(doc, lo, hi, subj, holder, c) => (lo, tree.subtree(c).1, c),
        _ => (lo, hi, subj),
    }
}

/// The start of the phrase at token `lo` taken back over the words hyphens with no space join to it
/// ("-one percent" of "Forty-one percent", "-Packard" of "Hewlett-Packard"), not before `sstart`.
pub(crate) fn hyphen_start(doc: &Doc, mut lo: usize, sstart: usize) -> usize {
    let joining = |h: usize| {
        h >= 1
            && doc.token_text(h) == "-"
            && doc.tokens[h - 1].span.end == doc.tokens[h].span.start
            && doc.tokens.get(h + 1).is_some_and(|t| t.span.start == doc.tokens[h].span.end)
            && matches!(doc.tokens[h - 1].kind, TokenKind::Word | TokenKind::Number)
    };
    if lo > sstart && joining(lo) {
        lo -= 1;
    }
    while lo >= sstart + 2 && joining(lo - 1) {
        lo -= 2;
    }
    lo
}

/// The end of a noun phrase cut at its head `head` (its relative or participle clause left out) when a
/// name stands in apposition right after the head: "Democratic front-runner Jane Roe aggressively
/// prosecuted ...", parsed as a participle of "front-runner", keeps the name.
pub(crate) fn appended_name_end(doc: &Doc, tree: &tree::SentenceTree, lo: usize, head: usize, limit: usize) -> usize {
    let next = head + 1;
    let appos = tree.children(head).contains(&next)
        && doc.tokens[next].analysis.as_ref().is_some_and(|a| matches!(a.deprel(), "appos" | "flat" | "compound"));
    if appos && plain_noun_phrase(doc, lo, head) && person_or_org_name(doc, next) {
        let end = tree.subtree(next).1;
        if end < limit {
            return end;
        }
    }
    head
}

/// "Residents who left Kandahar early Monday confirmed ...": when the noun phrase before a cue (starting
/// at token `a`) closes a relative clause (a verb right before it, parsed as the clause of an earlier noun,
/// with a relative pronoun as its subject), the speaker phrase starts at that noun's phrase. Returns its
/// first token.
pub(crate) fn relative_clause_owner(doc: &Doc, sstart: usize, a: usize) -> Option<usize> {
    // the clause's verb, right before the phrase or before one preposition ("who fled to Kandahar"), or
    // further back when the phrase lies inside the clause ("leaders who would rather be working on a
    // campaign for Cruz or Rubio or Ben Carson said", "an official who spoke anonymously to discuss internal
    // strategy said")
    let relcl =
        |j: usize| doc.tokens[j].analysis.as_ref().is_some_and(|x| x.upos() == "VERB" && x.deprel() == "acl:relcl");
    let verb = (a.saturating_sub(2).max(sstart)..a).rev().find(|&j| relcl(j)).or_else(|| {
        let tree = tree::SentenceTree::new(doc, doc.tokens[a].sentence)?;
        (a.saturating_sub(20).max(sstart)..a)
            .rev()
            .take_while(|&j| !matches!(doc.token_text(j), "," | ";" | ":" | "(" | "—" | "–"))
            .find(|&j| relcl(j) && tree.subtree(j).1 >= a)
            // (only where the parse makes the clause's noun, or the phrase it is in, a subject of a verb
            // after the phrase: "Embryonic stem cells are master cells that can turn into any tissue and
            // researchers have ..." is a clause of its own)
            .filter(|&j| {
                let noun = doc.tokens[j].analysis.as_ref().and_then(|x| x.head());
                let subject_after = |k: usize| {
                    doc.tokens[k]
                        .analysis
                        .as_ref()
                        .is_some_and(|x| x.deprel().starts_with("nsubj") && x.head().is_some_and(|h| h > a))
                };
                // (not an apposition's noun: "Rex Early, a former state party chairman who just signed on to
                // Trump's team, said" has its speaker named before it)
                let appos = |n: usize| doc.tokens[n].analysis.as_ref().is_some_and(|x| x.deprel() == "appos");
                noun.is_some_and(|n| {
                    !appos(n)
                        && (subject_after(n)
                            || doc.tokens[n]
                                .analysis
                                .as_ref()
                                .and_then(|x| x.head())
                                .is_some_and(|h| h < n && subject_after(h)))
                })
            })
    })?;
    let noun = doc.tokens[verb].analysis.as_ref()?.head().filter(|&h| h >= sstart && h < verb)?;
    if !doc.tokens[noun].analysis.as_ref().is_some_and(|x| matches!(x.upos(), "NOUN" | "PROPN")) {
        return None;
    }
    let pronoun = (noun + 1..verb).any(|j| {
        matches!(doc.token_text(j).to_lowercase().as_str(), "who" | "which" | "that")
            && doc.tokens[j]
                .analysis
                .as_ref()
                .is_some_and(|x| x.head() == Some(verb) && x.deprel().starts_with("nsubj"))
    });
    if !pronoun || (noun..a).any(|j| matches!(doc.token_text(j), "," | "(" | "—" | "–")) {
        return None;
    }
    let tree = tree::SentenceTree::new(doc, doc.tokens[noun].sentence)?;
    let (mut lo, _) = tree.subtree(noun);
    lo = lo.max(sstart);
    while lo < noun
        && (doc.tokens[lo].kind == TokenKind::Punct
            || doc.tokens[lo].analysis.as_ref().is_some_and(|x| matches!(x.deprel(), "case" | "cc" | "mark")))
    {
        lo += 1;
    }
    Some(lo)
}

/// The antecedent of a relative pronoun at token `rel` that the parse did not attach as a relative clause
/// of a noun ("said Weld, who added ...", parsed as a clause of "said"): the head of the noun phrase that
/// ends right before the pronoun or the comma in front of it (not a date). Only for "who" (`who`) and "which",
/// and only where the pronoun's clause is not the sentence's main clause (an interrogative "who").
fn adjacent_antecedent(doc: &Doc, rel: usize, who: bool) -> Option<usize> {
    let sstart = doc.sentences[doc.tokens[rel].sentence].tokens.start;
    if rel < sstart + 2 || !(who || doc.token_text(rel).eq_ignore_ascii_case("which")) {
        return None;
    }
    // (or, restrictive, the noun right before it: "a Republican who has said ...")
    let comma = doc.token_text(rel - 1) == ",";
    let mut noun = if comma { rel - 2 } else { rel - 1 };
    // (no comma: a "which" right after a name asks, "asked Rubio which states")
    if !comma && !who && doc.tokens[noun].analysis.as_ref().is_some_and(|x| x.upos() != "NOUN") {
        return None;
    }
    // the last word of a name or a fixed phrase stands for its head ("Martin O'Malley")
    for _ in 0..4 {
        let x = doc.tokens[noun].analysis.as_ref()?;
        match x.head() {
            Some(h) if h < noun && h >= sstart && matches!(x.deprel(), "flat" | "fixed" | "goeswith") => noun = h,
            _ => break,
        }
    }
    let x = doc.tokens[noun].analysis.as_ref()?;
    // without a comma, the object of a preposition leaves the clause's attachment open ("Democrats and
    // Republicans in Congress who agree")
    let send = doc.sentences[doc.tokens[rel].sentence].tokens.end;
    let in_phrase = (sstart..send)
        .any(|k| doc.tokens[k].analysis.as_ref().is_some_and(|y| y.head() == Some(noun) && y.deprel() == "case"));
    if in_phrase && !comma {
        return None;
    }
    // (not a date: "released her records in July, which showed ...")
    let lex = Lexicons::get();
    let w = doc.token_text(noun);
    // (nor a time, "re-elect Sen. Rob Portman this year, who endorsed ...")
    let time = x.deprel().contains("tmod") || x.deprel().ends_with(":unmarked");
    (matches!(x.upos(), "NOUN" | "PROPN") && !time && !lex.months.contains_key(w) && !lex.weekdays.contains_key(w))
        .then_some(noun)
}

/// The subject of the copular clause whose predicate noun is `noun` (or the last of its coordinated
/// predicate nouns): "Jane Roe" of "Jane Roe is a lawyer, writer and critic who ..." and of "Jane Roe
/// writes books and is a critic who ...". The subject must come before the predicate and be a name (of a
/// common-noun predicate) or a personal pronoun.
fn predicate_subject(doc: &Doc, tree: &tree::SentenceTree, noun: usize) -> Option<usize> {
    let an = |k: usize| doc.tokens[k].analysis.as_ref();
    let child =
        |h: usize, rel: &str| tree.children(h).iter().copied().find(|&k| an(k).is_some_and(|x| x.deprel() == rel));
    let mut pred = noun;
    for _ in 0..8 {
        let x = an(pred)?;
        match x.head() {
            Some(h)
                if x.deprel() == "conj" && h < pred && an(h).is_some_and(|y| matches!(y.upos(), "NOUN" | "PROPN")) =>
            {
                pred = h
            }
            _ => break,
        }
    }
    let subject = if child(pred, "cop").is_some() {
        child(pred, "nsubj").or_else(|| {
            // a predicate coordinated with a verb shares its subject
            let x = an(pred)?;
            (x.deprel() == "conj").then(|| x.head().and_then(|h| child(h, "nsubj"))).flatten()
        })?
    } else {
        // "X incites violence and is a liar ... who": the parse coordinated the verb's object with the
        // copular predicate, whose subject is the verb's
        let x = an(pred)?;
        tree.children(pred)
            .iter()
            .find(|&&k| k > pred && an(k).is_some_and(|y| y.deprel() == "conj") && child(k, "cop").is_some())?;
        (x.deprel() == "obj").then(|| x.head().and_then(|h| child(h, "nsubj"))).flatten()?
    };
    // the subject must name the referent better than the predicate does: a name or a personal pronoun
    // ("The main barrier has been black voters, who ..." is about the voters)
    let a = an(subject)?;
    let personal =
        a.upos() == "PRON" && matches!(doc.token_text(subject).to_lowercase().as_str(), "he" | "she" | "they" | "we");
    let named = a.upos() == "PROPN" && an(pred).is_some_and(|p| matches!(p.upos(), "NOUN" | "PRON" | "NUM"));
    (subject < pred && (named || personal)).then_some(subject)
}

/// The entity type of the name mention that holds token `k`, if any.
fn name_type(doc: &Doc, k: usize) -> Option<accord_doc::EntityType> {
    let span = doc.tokens[k].span;
    doc.mentions.iter().find(|m| m.kind == accord_doc::MentionKind::Name && m.span.contains(span)).and_then(|m| m.etype)
}

/// A relative pronoun speaker ("the senator, who said ...", "a letter that says ...") stands for the noun
/// phrase its clause modifies (from the parse): that phrase, up to the pronoun, becomes the speaker.
/// Returns true when it replaced the speaker.
pub(crate) fn relative_speaker(doc: &Doc, a: &mut Attribution) -> bool {
    let Some(sp) = a.speaker else { return false };
    if !matches!(doc.slice(sp).to_lowercase().as_str(), "who" | "which" | "that") {
        return false;
    }
    let rel = doc.token_at_or_after(sp.start);
    let Some(verb) = doc.tokens.get(rel).and_then(|t| t.analysis.as_ref()).and_then(|x| x.head()) else { return false };
    let Some(va) = doc.tokens[verb].analysis.as_ref() else { return false };
    let who = doc.slice(sp).eq_ignore_ascii_case("who");
    let nominal =
        |k: usize| doc.tokens[k].analysis.as_ref().is_some_and(|x| matches!(x.upos(), "NOUN" | "PROPN" | "PRON"));
    // (a relative clause the parse hung on a verb or an adjective, "kowtowing to candidate Donald Trump,
    // who has threatened ...", stands for the noun phrase before its comma all the same)
    let acl_head = va.head().filter(|&h| va.deprel().starts_with("acl") && h < rel);
    let from_parse = acl_head.and_then(|h| {
        // (on a modifier of a noun, the noun: "one Democrat familiar with the discussion, who added")
        let x = doc.tokens[h].analysis.as_ref()?;
        let modified = x.head().filter(|&n| {
            n < h
                && x.upos() == "ADJ"
                && matches!(x.deprel(), "amod" | "acl" | "appos")
                && (nominal(n) || doc.tokens[n].analysis.as_ref().is_some_and(|y| y.upos() == "NUM"))
        });
        if nominal(h) {
            Some(h)
        } else {
            modified
        }
    });
    // (a "which" the parse hung on no noun stays unresolved: "the ruling in San Diego, which had found ..."
    // is no city's finding)
    if acl_head.is_some() && from_parse.is_none() && !who {
        return false;
    }
    let Some(mut noun) =
        from_parse.or_else(|| (va.deprel() != "root").then(|| adjacent_antecedent(doc, rel, who)).flatten())
    else {
        return false;
    };
    if !nominal(noun) {
        return false;
    }
    // "who" stands for a person: "X, an astronomer at Y University in Z, who wants ..." is X, not the
    // place or organisation the clause was attached to
    if who {
        for _ in 0..4 {
            let Some(x) = doc.tokens[noun].analysis.as_ref() else { break };
            let names_no_person = name_type(doc, noun).is_some_and(|e| e != accord_doc::EntityType::Person);
            match x.head() {
                Some(h)
                    if names_no_person && h < noun && (x.deprel().starts_with("nmod") || x.deprel() == "compound") =>
                {
                    noun = h
                }
                _ => break,
            }
        }
    }
    // "Jane Ortiz, a senator who says ...": the appositive stands for the name before it
    let na = doc.tokens[noun].analysis.as_ref().unwrap();
    let noun = match na.head() {
        Some(h)
            if na.deprel() == "appos"
                && h < noun
                && doc.tokens[h].analysis.as_ref().is_some_and(|x| x.upos() == "PROPN") =>
        {
            h
        }
        _ => noun,
    };
    // the noun's phrase before the pronoun, and the relative clause's own extent (the parser is
    // projective, so a subtree is a contiguous run of tokens)
    let Some(tree) = tree::SentenceTree::new(doc, doc.tokens[noun].sentence) else { return false };
    // "X is a lawyer (, writer and critic) who says ...": a predicate noun stands for the subject it is said of
    let noun = predicate_subject(doc, &tree, noun).unwrap_or(noun);
    // the phrase without the appositive or relative clause that follows the noun
    let stop = (noun + 1..rel).find(|&k| matches!(doc.token_text(k), "," | "(" | "—" | "–")).unwrap_or(rel);
    let (mut lo, sub_hi) = tree.subtree(noun);
    // a predicate noun's phrase starts after its clause's subject, copula and the like ("local farmers" of
    // "The main obstacle has been local farmers")
    let copular =
        tree.children(noun).iter().any(|&c| doc.tokens[c].analysis.as_ref().is_some_and(|x| x.deprel() == "cop"));
    for &k in tree.children(noun).iter().filter(|&&k| copular && k < noun) {
        let clausal = doc.tokens[k].analysis.as_ref().is_some_and(|x| {
            matches!(x.deprel(), "cop" | "aux" | "mark" | "advmod" | "obl" | "punct") || x.deprel().starts_with("nsubj")
        });
        if clausal {
            lo = lo.max(tree.subtree(k).1 + 1);
        }
    }
    let mut hi = sub_hi.min(stop - 1);
    while lo < hi
        && (doc.tokens[lo].kind == TokenKind::Punct
            || doc.tokens[lo].analysis.as_ref().is_some_and(|x| matches!(x.deprel(), "case" | "cc")))
    {
        lo += 1;
    }
    while hi > lo && doc.tokens[hi].kind == TokenKind::Punct {
        hi -= 1;
    }
    // "Ortiz, who said the dam would be rebuilt, left early": the content ends with the clause
    let end = tree.subtree(verb).1;
    let cut = trim_end(doc, a.content.start, end + 1);
    if cut > a.content.start && cut < a.content.end {
        a.content.end = cut;
    }
    a.speaker = Some(Span::new(doc.tokens[lo].span.start, doc.tokens[hi].span.end));
    true
}

/// A speaker phrase that names no one, a time ("Thursday" of "On Thursday, Trump spoke ..., promising
/// ...") or a lone preposition ("In" of "In defending himself, Trump ..."), gives way to the parsed subject
/// of the cue verb (or of the verb it depends on), when there is one outside the content.
pub(crate) fn replace_non_speaker(doc: &Doc, a: &mut Attribution, lex: &Lexicons) {
    let (Some(sp), Some(cue)) = (a.speaker, a.cue) else { return };
    let text = doc.slice(sp);
    let all: Vec<String> = text.split(' ').map(str::to_lowercase).collect();
    // (after a preposition: "On Thursday")
    let prep = |w: &str| crate::words::words().prepositions.contains(&w);
    let ws = if all.len() > 1 && prep(&all[0]) { &all[1..] } else { &all[..] };
    let time =
        lex.date_words.relative(&ws[0], ws.get(1).map_or("", String::as_str)).is_some_and(|(n, _, _)| n == ws.len())
            || (ws.len() == 1
                && text.rsplit(' ').next().is_some_and(|w| lex.weekdays.contains_key(w) || lex.months.contains_key(w)));
    let preposition = all.len() == 1 && prep(&all[0]);
    if !(time || preposition) {
        return;
    }
    let (first, end) = (doc.token_at_or_after(cue.start), doc.token_at_or_after(cue.end));
    let Some(verb) = (first..end).find(|&k| doc.tokens[k].analysis.as_ref().is_some_and(|x| x.upos() == "VERB")) else {
        return;
    };
    let sstart = doc.sentences[doc.tokens[verb].sentence].tokens.start;
    // up the verb's heads (a participle attached to a noun: "a gathering ..., promising")
    let mut v = verb;
    for _ in 0..4 {
        if let Some((lo, hi)) = parsed_subject(doc, v, sstart) {
            let span = Span::new(doc.tokens[lo].span.start, doc.tokens[hi - 1].span.end);
            if span.overlap(sp) == 0 && span.overlap(a.content) == 0 {
                a.speaker = Some(span);
            } else if time && span.start < sp.start && span.end <= cue.start && span.overlap(a.content) == 0 {
                // "Gowdy earlier Thursday said": the parse took the time into the subject; the subject is
                // what comes before it (and before "earlier", "on", "last", "this")
                let mut k = doc.token_at_or_after(sp.start);
                while k > lo
                    && matches!(
                        accord_text::lowercase(doc.token_text(k - 1)).as_ref(),
                        "earlier" | "on" | "last" | "this"
                    )
                {
                    k -= 1;
                }
                let mut lo = lo;
                while lo < k && doc.tokens[lo].kind == TokenKind::Punct {
                    lo += 1;
                }
                // (a time inside a clause of the subject is the clause's: "the groups who wrote Thursday")
                let clause = (lo..k).any(|j| doc.tokens[j].analysis.as_ref().is_some_and(|x| x.upos() == "VERB"));
                if k > lo && !clause {
                    a.speaker = Some(Span::new(doc.tokens[lo].span.start, doc.tokens[k - 1].span.end));
                }
            }
            return;
        }
        match doc.tokens[v].analysis.as_ref().and_then(|x| x.head()) {
            Some(h) => v = h,
            None => return,
        }
    }
}
