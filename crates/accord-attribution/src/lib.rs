//! # accord-attribution
//!
//! Finds who said what: every direct, indirect and mixed quote with its content, cue and speaker, and
//! resolves the speaker to an entity or types it as an unnamed source.
//!
//! How it works, per sentence and cue (cue verbs are listed in `data/cues.tsv`):
//! 1. **Cues** (`cues`): verb forms from the lexicon (with their auxiliaries: "has signalled") and "according to";
//!    cues inside a quotation or a credit block are ignored. In a title-case headline ("Mayor Says Pier Will
//!    Reopen") the capitalised third-person form is the verb.
//! 2. **Layout** (`layout`, content spans in `content`): "SPEAKER CUE (that) CONTENT", "CONTENT, SPEAKER CUE", "CONTENT, CUE SPEAKER",
//!    "CONTENT, according to SPEAKER", "According to SPEAKER, CONTENT", and a cue splitting its content
//!    ("The talks, he said, went well"). Quotations ([`quotes`]) extend content across sentences and
//!    paragraphs.
//! 3. **Coordination** (`coordination`): "added that A, but noted that B" gives two attributions sharing one speaker;
//!    a subject-less coordinated verb phrase (", but did not elaborate") ends the content.
//! 4. **Floating quotes** (`floating`): a quotation sentence with no cue right after an attribution is credited to the
//!    same speaker, with no cue.
//! 5. **Speakers** ([`speaker`]): names resolve through coreference (`accord-facts`): pronouns and
//!    definite nominals ("the official") to their antecedents; unnamed phrases become group ("Israeli
//!    officials") or anonymous ("a Hamas official") sources with their affiliation; "X’s office" becomes
//!    an organisation. A "he"/"she" speaker goes to the previous quote's speaker when the gender allows
//!    ([`speaker::previous_speaker`]). When the models ran, the cue verb's `nsubj` from the parse is the speaker where no
//!    subject phrase stands before the cue.
//! 6. **Labelled statements** (`labelled`): "Pence: ..." (headlines, transcripts) and quotations signed "― NAME".
//! 7. **Attributed acts** ([`acts`]): PARC/PolNeAR-style attribution of stances and acts ("Cruz thanked
//!    Trump for ..."), read off the dependency parse, for verbs that PolNeAR train often marks as cues
//!    (`data/act_cues.tsv`) and never for those in `data/non_cues.txt`.
//!
//! 8. **Learned attributions** ([`learned`]): every remaining verb with an object or clause after it is
//!    scored by a logistic regression trained on PolNeAR train (`models/attribution.tsv`).
//! 9. **Raising** (`raising`): a passive cue with no agent ("Trump is expected to speak", "the deal was seen
//!    as a defeat") names no source; its subject joins the content, as PolNeAR marks it. A raising verb of
//!    appearance ("X seems to Y", "it appears that ...") is an evidential stance: cue `seems`, content the
//!    subject with its complement, no source unless the one it looks so to is named.
//! 10. **Non-statements** ([`nonstatement`]): refusals ("declined to comment"), a negated cue before an
//!     open question ("did not say how many"), a source's terms ("asked not to be named"), fixed
//!     expressions ("That said,") and an e-mail address as content are dropped.
//!
//! Position in the flow: segment → models → credits → entities → **attribution** → dates → quantities.

pub mod acts;
mod content;
mod coordination;
mod cues;
mod floating;
mod labelled;
mod layout;
pub mod learned;
mod nonstatement;
pub mod phrases;
pub mod quotes;
mod raising;
pub mod speaker;
mod subject;
pub mod tree;
use accord_lexicon::attribution as words;

use accord_doc::{Attribution, Doc, FnStage, Span, StageInfo, TokenKind};
use accord_facts::lexicon::Lexicons;
use content::{make, quote_type, trim_end};
use coordination::connector_start;
use cues::find_cues;
use quotes::Quote;

/// The `attribution` stage.
pub const ATTRIBUTION_INFO: StageInfo = StageInfo {
    name: "attribution",
    reads: &["tokens", "sentences", "paragraphs", "credits", "mentions", "entities", "antecedents"],
    adds: &["attributions"],
    about: "direct, indirect and mixed quotes with content, cue and resolved speaker",
};

/// The `attribution` stage ([`extract`] over each document).
pub static ATTRIBUTION: FnStage = FnStage::new(&ATTRIBUTION_INFO, extract);

/// Finds attributions in `doc` and fills `doc.attributions`, with the shipped [`learned::Scorer`].
pub fn extract(doc: &mut Doc) {
    extract_with(doc, learned::Scorer::shipped());
}

/// Finds attributions with the rules and, when `scorer` is given, the learned candidates.
pub fn extract_with(doc: &mut Doc, scorer: Option<&learned::Scorer>) {
    let lex = Lexicons::get();
    let quotes = quotes::find(doc);
    // per token: inside a quotation (between its marks)?
    let mut quoted = vec![false; doc.tokens.len()];
    for q in &quotes {
        if q.words >= 1 {
            for flag in &mut quoted[q.open + 1..q.close] {
                *flag = true;
            }
        }
    }
    let mut atts: Vec<Attribution> = Vec::new();
    let mut quote_used = vec![false; quotes.len()];
    for si in 0..doc.sentences.len() {
        let s = doc.sentences[si].clone();
        if doc.credits.iter().any(|c| c.kind != "dateline" && c.span.overlap(s.span) > 0) {
            continue;
        }
        let cues = find_cues(doc, s.tokens.clone(), &quoted, lex);
        let mut in_sentence: Vec<usize> = Vec::new();
        if cues.is_empty() && doc.tokens.get(s.tokens.start).is_some_and(|t| t.analysis.is_none()) {
            let sstart = story_start(doc, si);
            if let Some((cue, speaker, content)) = acts::find(doc, sstart, s.tokens.end, lex) {
                if !in_one_quote(&quotes, content) {
                    atts.push(make(doc, content, Some(cue), Some(speaker), si, &quotes));
                }
            }
            continue;
        }
        for cue in cues {
            if let Some(a) = layout::build(doc, si, &cue, &quotes, lex, &atts, &in_sentence) {
                // A chained cue inside an earlier attribution's content cuts that content.
                if let Some(&prev) = in_sentence.last() {
                    let p: &mut Attribution = &mut atts[prev];
                    if p.content.contains(doc.tokens[cue.verb].span) && a.speaker == p.speaker {
                        let cut = connector_start(doc, cue.first, s.tokens.start);
                        p.content.end = trim_end(doc, p.content.start, cut);
                        p.qtype = quote_type(doc, p.content, &quotes);
                    }
                }
                for qi in quotes_overlapping(&quotes, a.content) {
                    quote_used[qi] = true;
                }
                in_sentence.push(atts.len());
                atts.push(a);
            }
        }
    }
    // acts read off the parse, where the models ran
    // (a sentence's verbs and contents lie inside it: it is given the spans that reach into it)
    let mut taken = learned::spans_by_sentence(
        doc,
        atts.iter().flat_map(|a| [Some(a.content), a.cue].into_iter().flatten()).collect::<Vec<_>>(),
    );
    for (si, taken) in taken.iter_mut().enumerate() {
        if doc.credits.iter().any(|c| c.kind != "dateline" && c.span.overlap(doc.sentences[si].span) > 0) {
            continue;
        }
        for (cue, speaker, content) in acts::find_parsed(doc, si, taken, lex) {
            // (nor what is another attribution's speaker: "The agency quoted an official as saying ...")
            if in_one_quote(&quotes, content)
                || atts.iter().any(|a| a.speaker.is_some_and(|s| is_speaker_phrase(s, content)))
            {
                continue;
            }
            taken.push(content);
            atts.push(make(doc, content, Some(cue), Some(speaker), si, &quotes));
        }
    }
    labelled::labelled_statements(doc, &quotes, &mut quote_used, &mut atts, lex);
    floating::floating_quotes(doc, &quotes, &mut quote_used, &mut atts);
    if let Some(scorer) = scorer {
        let cands = learned::document_candidates(doc, &atts, false);
        let probabilities: Vec<f32> = cands.iter().map(|c| scorer.probability(&c.features)).collect();
        for i in learned::select(&cands, &probabilities, scorer.threshold) {
            let c = &cands[i];
            atts.push(make(doc, c.content, Some(c.cue), c.speaker, c.sentence, &quotes));
        }
    }
    // a passive cue with no agent raises its subject: "X is expected to ..." attributes "X ... to ..." to
    // nobody named
    for a in &mut atts {
        let Some(cue) = a.cue else { continue };
        let verbs = doc.token_at_or_after(cue.start)..doc.token_at_or_after(cue.end);
        if let Some(start) = verbs.rev().find_map(|k| raising::passive_subject_start(doc, a.sentence, k, a.content)) {
            a.content.start = start;
            a.qtype = quote_type(doc, a.content, &quotes);
            a.speaker = None;
        }
    }
    // evidential stances ("X seems to Y"), where nothing else attributes that clause
    let taken = learned::spans_by_sentence(
        doc,
        atts.iter().flat_map(|a| [Some(a.content), a.cue].into_iter().flatten()).collect::<Vec<_>>(),
    );
    for (si, taken) in taken.iter().enumerate() {
        if doc.credits.iter().any(|c| c.kind != "dateline" && c.span.overlap(doc.sentences[si].span) > 0) {
            continue;
        }
        for (cue, speaker, content) in raising::evidential(doc, si, &quoted, taken, lex) {
            atts.push(make(doc, content, Some(cue), speaker, si, &quotes));
        }
    }
    // "In announcing his retirement, X said ...": the opening gerund's subject is the main clause's
    for a in &mut atts {
        opening_gerund(doc, a, &quotes, lex);
        named_with_age(doc, a);
        trim_separators(doc, a);
        // a speaker read off the parse starts after a dateline ("AUSTIN (KXAN) — Texas voters approved")
        if let Some(sp) = a.speaker {
            let start = story_start(doc, a.sentence);
            let in_sentence = sp.start >= doc.sentences[a.sentence].span.start;
            if in_sentence && start < doc.tokens.len() && sp.start < doc.tokens[start].span.start {
                let story = doc.tokens[start].span.start;
                if sp.end > story {
                    a.speaker = Some(Span::new(story, sp.end));
                } else {
                    // the dateline alone: the phrase that opens the story, before the cue
                    let cue_first = a.cue.map_or(start, |c| doc.token_at_or_after(c.start));
                    a.speaker = phrases::np_right(doc, start, cue_first, lex)
                        .map(|(x, y)| Span::new(doc.tokens[x].span.start, doc.tokens[y - 1].span.end));
                }
            }
        }
    }
    atts.sort_by_key(|a| (a.content.start, a.content.end));
    atts.dedup_by(|b, a| a.content == b.content);
    for a in &mut atts {
        // a relative pronoun stays the speaker mention (as PolNeAR marks it) but resolves through the
        // noun phrase it stands for
        widen_over_hyphen(doc, a);
        subject::replace_non_speaker(doc, a, lex);
        let pronoun = a.speaker;
        let relative = subject::relative_speaker(doc, a);
        speaker::resolve(doc, a, lex);
        if relative {
            a.speaker = pronoun;
        }
        widen_over_hyphen(doc, a);
    }
    // refusals, a source's terms, "That said": they look like speech but report none (after the speakers,
    // which may cut a content at a relative clause's end)
    atts.retain(|a| !nonstatement::is_non_statement(doc, a));
    for a in atts.iter_mut() {
        nonstatement::drop_idiom_opener(doc, a);
    }
    speaker::named_police(doc, &mut atts);
    speaker::previous_speaker(doc, &mut atts, lex);
    speaker::named_after_description(doc, &mut atts, lex);
    for a in &mut atts {
        cut_at_main_clause(doc, a, &quotes);
        if asked_of_the_subject(doc, a) {
            cut_opening_question(doc, a, &quotes);
            a.speaker = None;
            a.speaker_mention = None;
            a.speaker_entity = None;
            a.source = accord_doc::Source { kind: accord_doc::SourceKind::Unknown, name: None, affiliation: None };
        }
    }
    doc.attributions = atts;
}

/// True when `a`'s cue is "asked" in the passive or as an opening participle ("Asked whether ..., 75 percent
/// said yes", "he was asked about ...", "when asked ..."): the one asked is no speaker of the question, and
/// the one who asked goes unnamed.
fn asked_of_the_subject(doc: &Doc, a: &Attribution) -> bool {
    let Some(cue) = a.cue else { return false };
    let (first, end) = (doc.token_at_or_after(cue.start), doc.token_at_or_after(cue.end));
    let Some(k) = (first..end).find(|&k| doc.token_text(k).eq_ignore_ascii_case("asked")) else { return false };
    let s = &doc.sentences[doc.tokens[k].sentence];
    let opening = (s.tokens.start..k).all(|j| doc.tokens[j].kind != accord_doc::TokenKind::Word);
    let passive = k > s.tokens.start
        && matches!(
            accord_lexicon::lowercase(doc.token_text(k - 1)).as_ref(),
            "was" | "were" | "is" | "are" | "been" | "being" | "be" | "when" | "if" | "once" | "after"
        );
    opening || passive
}

/// A cue inside an adverbial clause before the main clause ("When Winfrey asked if he could share the
/// questions, he declined"): its content ends at the comma before the main clause's subject, when the
/// sentence's root verb and its subject lie inside the content after the cue.
fn cut_at_main_clause(doc: &Doc, a: &mut Attribution, quotes: &[Quote]) {
    let Some(cue) = a.cue else { return };
    if cue.start > a.content.start || in_one_quote(quotes, a.content) {
        return;
    }
    let Some(tree) = tree::SentenceTree::new(doc, a.sentence) else { return };
    let s = &doc.sentences[a.sentence];
    let an = |k: usize| doc.tokens[k].analysis.as_ref();
    let Some(root) = s.tokens.clone().find(|&k| an(k).is_some_and(|x| x.head().is_none())) else { return };
    let (cue_first, cue_end) = (doc.token_at_or_after(cue.start), doc.token_at_or_after(cue.end));
    let (content_first, content_end) = (doc.token_at_or_after(a.content.start), doc.token_at_or_after(a.content.end));
    if (cue_first..cue_end).contains(&root) || !(content_first..content_end).contains(&root) {
        return;
    }
    let Some(subject) =
        tree.children(root).iter().copied().find(|&c| an(c).is_some_and(|x| x.deprel().starts_with("nsubj")))
    else {
        return;
    };
    let first = tree.subtree(subject).0;
    if first <= content_first + 2 || first >= content_end || doc.token_text(first - 1) != "," {
        return;
    }
    // the part kept is a clause of its own ("if he could share the questions"), not the rest of the cue's
    // phrase before a content that follows it ("According to X's director, the campaign ...")
    if !(content_first..first - 1).any(|k| an(k).is_some_and(|x| matches!(x.upos(), "VERB" | "AUX"))) {
        return;
    }
    end_content_before(doc, a, first - 1, quotes);
}

/// An opening participle's question ends before the main clause: "Asked whether he would resign, Grant
/// shrugged" asks "whether he would resign". The content (when it runs to the end of its sentence past the
/// cue's clause) is cut at its last comma.
fn cut_opening_question(doc: &Doc, a: &mut Attribution, quotes: &[Quote]) {
    let Some(cue) = a.cue else { return };
    if cue.start > a.content.start {
        return;
    }
    let s = &doc.sentences[a.sentence];
    let first = doc.token_at_or_after(cue.start);
    let opener = (s.tokens.start..first).filter(|&j| doc.tokens[j].kind == accord_doc::TokenKind::Word).count() <= 1;
    let content_end = doc.token_at_or_after(a.content.end);
    let runs_to_end = (content_end..s.tokens.end).all(|j| doc.tokens[j].kind != accord_doc::TokenKind::Word);
    if !opener || !runs_to_end {
        return;
    }
    let content_first = doc.token_at_or_after(a.content.start);
    let Some(comma) = last_comma(doc, content_first, content_end) else { return };
    // the main clause after the comma has a word; the question before it at least two
    let question_words = (content_first..comma).filter(|&j| doc.tokens[j].kind == accord_doc::TokenKind::Word).count();
    if question_words < 2 || in_one_quote(quotes, a.content) {
        return;
    }
    end_content_before(doc, a, comma, quotes);
}

/// The last comma of the tokens `(first, end)` (the first token excluded).
fn last_comma(doc: &Doc, first: usize, end: usize) -> Option<usize> {
    (first + 1..end).rev().find(|&j| doc.token_text(j) == ",")
}

/// Ends `a`'s content before token `k` (its type read again).
fn end_content_before(doc: &Doc, a: &mut Attribution, k: usize, quotes: &[Quote]) {
    a.content.end = doc.tokens[k - 1].span.end;
    a.qtype = quote_type(doc, a.content, quotes);
}

/// A speaker phrase does not open on a separator (", Senate Majority Leader Mitch McConnell (R-Ky.)",
/// "Poll: Voters increasingly see ..."): the comma, colon or dash belongs to the sentence before it, and
/// left in it keeps the name from resolving. (A comma that ends the phrase stays: it closes an appositive,
/// "Rui Costa, who met union representatives,", which the speaker rules read.)
fn trim_separators(doc: &Doc, a: &mut Attribution) {
    let Some(sp) = a.speaker else { return };
    let sep = |k: usize| matches!(doc.token_text(k), "," | ":" | ";" | "-" | "—" | "–" | "--");
    let (first, y) = (doc.token_at_or_after(sp.start), doc.token_at_or_after(sp.end));
    // (nor on a preposition or a coordinator: "of governors seeking ...", "and the older population
    // backing ...", a participle's noun read with its phrase)
    let opener = |k: usize| {
        matches!(
            accord_lexicon::lowercase(doc.token_text(k)).as_ref(),
            "of" | "in" | "and" | "with" | "on" | "to" | "from" | "for" | "by" | "but" | "or" | "than" | "as"
        ) && doc.tokens[k].analysis.as_ref().is_some_and(|t| matches!(t.upos(), "ADP" | "CCONJ" | "SCONJ"))
    };
    let mut x = first;
    while x + 1 < y && (sep(x) || opener(x)) {
        x += 1;
    }
    // nor does it end in a quotation mark that opens what follows ("Trump “says a lot of stupid stuff”") or
    // in the closing parenthesis of a parenthesis it does not open ("(..., according to Factcheck.org)")
    let opens = (x..y).any(|k| doc.token_text(k) == "(");
    let mut z = y;
    while z > x && (doc.tokens[z - 1].kind == TokenKind::OpenQuote || !opens && doc.token_text(z - 1) == ")") {
        z -= 1;
    }
    // a parenthesis right after a name is the name's: "Sen. Bernie Sanders (I-Vt.)" is no speaker "I-Vt."
    let propn = |k: usize| doc.tokens[k].analysis.as_ref().is_some_and(|t| t.upos() == "PROPN");
    let closes = (z..(y + 1).min(doc.tokens.len())).any(|k| doc.token_text(k) == ")");
    if x >= 2 && x < z && doc.token_text(x - 1) == "(" && propn(x - 2) && closes {
        let sent = doc.sentences[doc.tokens[x].sentence].tokens.start;
        let mut start = x - 2;
        while start > sent && propn(start - 1) {
            start -= 1;
        }
        a.speaker = Some(Span::new(doc.tokens[start].span.start, doc.tokens[x - 2].span.end));
        return;
    }
    if (x > first || z < y) && x < z && z <= doc.tokens.len() {
        a.speaker = Some(Span::new(doc.tokens[x].span.start, doc.tokens[z - 1].span.end));
    }
}

/// A speaker that starts at a hyphen with no space around it takes the words it joins before it
/// ("-Packard" of "Hewlett-Packard", "-goers" of "Caucus-goers": a phrase or a name read from a split word).
fn widen_over_hyphen(doc: &Doc, a: &mut Attribution) {
    let Some(sp) = a.speaker else { return };
    let (start, y) = (doc.token_at_or_after(sp.start), doc.token_at_or_after(sp.end));
    if start >= y || doc.token_text(start) != "-" {
        return;
    }
    let first = subject::hyphen_start(doc, start, doc.sentences[a.sentence].tokens.start);
    if first < start {
        a.speaker = Some(Span::new(doc.tokens[first].span.start, sp.end));
    }
}

/// "Harbourton resident Dana Ruiz, 55, said ...": a person's name followed by an age between commas right
/// before the cue is the speaker, whatever the parse made of the words before it (the age throws the
/// tagger: "resident" read as the verb).
fn named_with_age(doc: &Doc, a: &mut Attribution) {
    let Some(cue) = a.cue else { return };
    let k = doc.token_at_or_after(cue.start);
    if k < 4 || doc.token_text(k - 1) != "," || doc.token_text(k - 3) != "," {
        return;
    }
    let age = doc.token_text(k - 2);
    if !(1..=3).contains(&age.len()) || !age.chars().all(|c| c.is_ascii_digit()) {
        return;
    }
    let before = doc.tokens[k - 4].span;
    let i = doc.mentions.partition_point(|m| m.span.end < before.end);
    let Some(m) = doc.mentions.get(i).filter(|m| {
        m.span.end == before.end
            && m.kind == accord_doc::MentionKind::Name
            && m.etype == Some(accord_doc::EntityType::Person)
    }) else {
        return;
    };
    if a.speaker.is_none_or(|sp| sp.end <= m.span.start || sp.start >= m.span.end) {
        a.speaker = Some(m.span);
    }
}

/// A gerund cue after an opening preposition ("In announcing his retirement, Meadows said ...", "After
/// denying the rumors, Lipinski announced ..."): its content ends at the comma before the main clause and
/// its speaker is that clause's subject, not the preposition.
fn opening_gerund(doc: &Doc, a: &mut Attribution, quotes: &[Quote], lex: &Lexicons) {
    let Some(cue) = a.cue else { return };
    if cue.start > a.content.start || doc.tokens.is_empty() {
        return;
    }
    let first = doc.token_at_or_after(cue.start);
    if first >= doc.tokens.len() || !doc.token_text(first).ends_with("ing") {
        return;
    }
    let s = &doc.sentences[a.sentence];
    let start = story_start(doc, a.sentence);
    let mut opener = (start..first).filter(|&j| doc.tokens[j].kind == accord_doc::TokenKind::Word);
    let preposition = opener
        .next()
        .is_some_and(|p| doc.tokens[p].analysis.as_ref().is_some_and(|x| matches!(x.upos(), "ADP" | "SCONJ")))
        && opener.next().is_none();
    if !preposition {
        return;
    }
    let content_first = doc.token_at_or_after(a.content.start);
    let content_end = doc.token_at_or_after(a.content.end).min(s.tokens.end);
    let Some(comma) = last_comma(doc, content_first, content_end) else { return };
    if in_one_quote(quotes, a.content) {
        return;
    }
    let Some((sa, sb)) = phrases::np_right(doc, comma + 1, s.tokens.end, lex) else { return };
    end_content_before(doc, a, comma, quotes);
    a.speaker = Some(Span::new(doc.tokens[sa].span.start, doc.tokens[sb - 1].span.end));
}

/// First token of sentence `si`'s story text: after a dateline ("LISBON (Reuters) -"), if any.
pub(crate) fn story_start(doc: &Doc, si: usize) -> usize {
    let s = &doc.sentences[si];
    match doc.credits.iter().filter(|c| c.kind == "dateline" && c.span.overlap(s.span) > 0).map(|c| c.span.end).max() {
        Some(e) => doc.token_at_or_after(e).min(s.tokens.end),
        None => s.tokens.start,
    }
}

// Quotes come in text order and do not nest, so both marks are sorted: binary search.

/// True when one quotation holds all of `content` (only the last quotation that starts before it can).
pub(crate) fn in_one_quote(quotes: &[Quote], content: Span) -> bool {
    let i = quotes.partition_point(|q| q.span.start <= content.start);
    i > 0 && quotes[i - 1].span.contains(content)
}

/// Indices of the quotations that share a byte with `content`.
pub(crate) fn quotes_overlapping(quotes: &[Quote], content: Span) -> impl Iterator<Item = usize> + '_ {
    let from = quotes.partition_point(|q| q.span.end <= content.start);
    let to = quotes.partition_point(|q| q.span.start < content.end).max(from);
    (from..to).filter(move |&i| quotes[i].span.overlap(content) > 0)
}

/// Whether `content` is (four fifths or more of) the speaker phrase `speaker` of another attribution: "The agency quoted
/// an official as saying ..." has no content "an official"; a clause inside a longer speaker phrase ("The
/// judges who ruled that ...") is left to stand.
pub(crate) fn is_speaker_phrase(speaker: Span, content: Span) -> bool {
    speaker.contains(content) && content.len() * 5 >= speaker.len() * 4
}
