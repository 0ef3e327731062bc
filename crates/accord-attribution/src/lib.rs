//! # accord-attribution
//!
//! Finds who said what: every direct, indirect and mixed quote with its content, cue and speaker, and
//! resolves the speaker to an entity or types it as an unnamed source.
//!
//! How it works, per sentence and cue (cue verbs are listed in `data/cues.tsv`):
//! 1. **Cues**: verb forms from the lexicon (with their auxiliaries: "has signalled") and "according to";
//!    cues inside a quotation or a credit block are ignored.
//! 2. **Layout**: "SPEAKER CUE (that) CONTENT", "CONTENT, SPEAKER CUE", "CONTENT, CUE SPEAKER",
//!    "CONTENT, according to SPEAKER", "According to SPEAKER, CONTENT", and a cue splitting its content
//!    ("The talks, he said, went well"). Quotations ([`quotes`]) extend content across sentences and
//!    paragraphs.
//! 3. **Coordination**: "added that A, but noted that B" gives two attributions sharing one speaker;
//!    a subject-less coordinated verb phrase (", but did not elaborate") ends the content.
//! 4. **Floating quotes**: a quotation sentence with no cue right after an attribution is credited to the
//!    same speaker, with no cue.
//! 5. **Speakers** ([`speaker`]): names resolve through coreference (`accord-facts`): pronouns and
//!    definite nominals ("the official") to their antecedents; unnamed phrases become group ("Israeli
//!    officials") or anonymous ("a Hamas official") sources with their affiliation; "X’s office" becomes
//!    an organisation. When the models ran, the cue verb's `nsubj` from the parse is the speaker where no
//!    subject phrase stands before the cue.
//! 6. **Labelled statements**: "Pence: ..." (headlines, transcripts) and quotations signed "― NAME".
//! 7. **Attributed acts** ([`acts`]): PARC/PolNeAR-style attribution of stances and acts ("Cruz thanked
//!    Trump for ..."), read off the dependency parse, for verbs that PolNeAR train often marks as cues
//!    (`data/act_cues.tsv`) and never for those in `data/non_cues.txt`.
//!
//! 8. **Learned attributions** ([`learned`]): every remaining verb with an object or clause after it is
//!    scored by a logistic regression trained on PolNeAR train (`models/attribution.tsv`).
//!
//! Position in the flow: segment → models → credits → entities → **attribution** → quantities → dates.

pub mod acts;
pub mod learned;
pub mod phrases;
pub mod quotes;
pub mod speaker;
pub mod tree;
pub mod words;

use accord_doc::{Attribution, Doc, QuoteType, Span, TokenKind};
use accord_facts::lexicon::{CueClass, Lexicons};
use phrases::{np_left, np_right};
use quotes::Quote;
use words::words;

/// A cue found in the text, before its attribution is built.
#[derive(Clone, Debug)]
struct Cue {
    /// First token of the cue (auxiliary included).
    first: usize,
    /// The verb ("said") or "according".
    verb: usize,
    /// One past the last cue token.
    end: usize,
    class: CueClass,
    according: bool,
}

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
            if let Some(a) = build(doc, si, &cue, &quotes, lex, &atts, &in_sentence) {
                // A chained cue inside an earlier attribution's content cuts that content.
                if let Some(&prev) = in_sentence.last() {
                    let p: &mut Attribution = &mut atts[prev];
                    if p.content.contains(doc.tokens[cue.verb].span) && a.speaker == p.speaker {
                        let cut = connector_start(doc, cue.first, s.tokens.start);
                        p.content.end = trim_end(doc, p.content.start, cut);
                        p.qtype = quote_type(p.content, &quotes);
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
            if in_one_quote(&quotes, content) {
                continue;
            }
            taken.push(content);
            atts.push(make(doc, content, Some(cue), Some(speaker), si, &quotes));
        }
    }
    labelled_statements(doc, &quotes, &mut quote_used, &mut atts, lex);
    floating_quotes(doc, &quotes, &mut quote_used, &mut atts);
    if let Some(scorer) = scorer {
        let cands = learned::document_candidates(doc, &atts, false);
        let probabilities: Vec<f32> = cands.iter().map(|c| scorer.probability(&c.features)).collect();
        for i in learned::select(&cands, &probabilities, scorer.threshold) {
            let c = &cands[i];
            atts.push(make(doc, c.content, Some(c.cue), c.speaker, c.sentence, &quotes));
        }
    }
    atts.sort_by_key(|a| (a.content.start, a.content.end));
    atts.dedup_by(|b, a| a.content == b.content);
    for a in &mut atts {
        // a relative pronoun stays the speaker mention (as PolNeAR marks it) but resolves through the
        // noun phrase it stands for
        let pronoun = a.speaker;
        let relative = relative_speaker(doc, a);
        speaker::resolve(doc, a, lex);
        if relative {
            a.speaker = pronoun;
        }
    }
    doc.attributions = atts;
}

/// A relative pronoun speaker ("the senator, who said ...", "a letter that says ...") stands for the noun
/// phrase its clause modifies (from the parse): that phrase, up to the pronoun, becomes the speaker.
/// Returns true when it replaced the speaker.
fn relative_speaker(doc: &Doc, a: &mut Attribution) -> bool {
    let Some(sp) = a.speaker else { return false };
    if !matches!(doc.slice(sp).to_lowercase().as_str(), "who" | "which" | "that") {
        return false;
    }
    let rel = doc.token_at_or_after(sp.start);
    let Some(verb) = doc.tokens.get(rel).and_then(|t| t.analysis.as_ref()).and_then(|x| x.head) else { return false };
    let Some(va) = doc.tokens[verb].analysis.as_ref() else { return false };
    let Some(noun) = va.head.filter(|_| va.deprel.starts_with("acl")) else { return false };
    if noun >= rel || !doc.tokens[noun].analysis.as_ref().is_some_and(|x| matches!(x.upos, "NOUN" | "PROPN" | "PRON")) {
        return false;
    }
    // "Jane Ortiz, a senator who says ...": the appositive stands for the name before it
    let na = doc.tokens[noun].analysis.as_ref().unwrap();
    let noun = match na.head {
        Some(h)
            if na.deprel == "appos"
                && h < noun
                && doc.tokens[h].analysis.as_ref().is_some_and(|x| x.upos == "PROPN") =>
        {
            h
        }
        _ => noun,
    };
    // the noun's phrase before the pronoun, and the relative clause's own extent (the parser is
    // projective, so a subtree is a contiguous run of tokens)
    let Some(tree) = tree::SentenceTree::new(doc, doc.tokens[noun].sentence) else { return false };
    // the phrase without the appositive or relative clause that follows the noun
    let stop = (noun + 1..rel).find(|&k| matches!(doc.token_text(k), "," | "(" | "—" | "–")).unwrap_or(rel);
    let (mut lo, sub_hi) = tree.subtree(noun);
    let mut hi = sub_hi.min(stop - 1);
    while lo < hi
        && (doc.tokens[lo].kind == TokenKind::Punct
            || doc.tokens[lo].analysis.as_ref().is_some_and(|x| matches!(x.deprel, "case" | "cc")))
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

/// Cue tokens of one sentence.
fn find_cues(doc: &Doc, range: std::ops::Range<usize>, quoted: &[bool], lex: &Lexicons) -> Vec<Cue> {
    let mut out = Vec::new();
    for k in range.clone() {
        if doc.tokens[k].kind != TokenKind::Word || quoted[k] {
            continue;
        }
        let w = doc.token_text(k);
        if w.eq_ignore_ascii_case("according") && k + 1 < range.end && doc.token_text(k + 1) == "to" {
            out.push(Cue { first: k, verb: k, end: k + 2, class: CueClass::Speech, according: true });
            continue;
        }
        let Some(class) = lex.cue(w) else { continue };
        // acts and beliefs are kept only for forms that PolNeAR train often marks as cues
        if class != CueClass::Speech
            && lex.act_cues.get(accord_text::lowercase(w).as_ref()).is_none_or(|&r| r < acts::ACT_CUE_RATE)
        {
            continue;
        }
        if w.starts_with(char::is_uppercase) && k != range.start {
            continue;
        }
        if let Some(a) = &doc.tokens[k].analysis {
            if !matches!(a.upos, "VERB" | "AUX") {
                continue;
            }
        } else if w.ends_with('s') && k > range.start {
            // "the claims", "his remarks": a plural noun, not a verb
            let prev = doc.token_text(k - 1).to_lowercase();
            if matches!(
                prev.as_str(),
                "the"
                    | "a"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "these"
                    | "those"
                    | "such"
                    | "new"
                    | "any"
                    | "no"
                    | "of"
                    | "in"
                    | "and"
                    | "'s"
            ) || doc.token_norm(k - 1) == "'s"
            {
                continue;
            }
        }
        // A base form ("say", "plan", "state") is a verb only after a subject pronoun, a modal, or a plural
        // or proper noun: "officials say", "they plan", "will state" — not "secretary of state".
        if doc.tokens[k].analysis.is_none()
            && lex.cues.get(&w.to_lowercase()).is_some_and(|(_, lemma)| lemma == &w.to_lowercase())
        {
            let ok = k > range.start && {
                let p = doc.token_text(k - 1);
                let lp = p.to_lowercase();
                matches!(
                    lp.as_str(),
                    "they"
                        | "we"
                        | "i"
                        | "you"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "may"
                        | "might"
                        | "should"
                        | "must"
                        | "do"
                        | "does"
                        | "did"
                        | "not"
                        | "n't"
                        | "n’t"
                        | "also"
                        | "still"
                        | "often"
                        | "now"
                ) || (doc.tokens[k - 1].kind == TokenKind::Word
                    && (lp.ends_with('s') && lp.len() > 3 && !lp.ends_with("ss") || p.starts_with(char::is_uppercase))
                    && !matches!(lp.as_str(), "this" | "its" | "his" | "was" | "has" | "is" | "as" | "us" | "of"))
            };
            if !ok {
                continue;
            }
        }
        // "said" as an adjective or a passive participle ("it was said", "the said"): keep the active use.
        let mut first = k;
        while first > range.start && words().auxiliaries.contains(&doc.token_text(first - 1).to_lowercase().as_str()) {
            first -= 1;
        }
        if first < k
            && matches!(doc.token_text(k - 1).to_lowercase().as_str(), "is" | "are" | "was" | "were")
            && !w.ends_with("ing")
        {
            continue; // passive: "was told", "is believed" (hedges, not cues)
        }
        let mut end = k + 1;
        if class == CueClass::Act
            && end < range.end
            && matches!(doc.token_text(end), "for" | "on")
            && w.to_lowercase().starts_with("call")
        {
            end += 1;
        }
        out.push(Cue { first, verb: k, end, class, according: false });
    }
    out
}

/// First token of sentence `si`'s story text: after a dateline ("LISBON (Reuters) -"), if any.
fn story_start(doc: &Doc, si: usize) -> usize {
    let s = &doc.sentences[si];
    match doc.credits.iter().filter(|c| c.kind == "dateline" && c.span.overlap(s.span) > 0).map(|c| c.span.end).max() {
        Some(e) => doc.token_at_or_after(e).min(s.tokens.end),
        None => s.tokens.start,
    }
}

/// Start of the connector before a chained cue: ", but noted" → the comma; "and added" → "and".
fn connector_start(doc: &Doc, cue_first: usize, floor: usize) -> usize {
    let mut k = cue_first;
    while k > floor
        && matches!(doc.token_text(k - 1).to_lowercase().as_str(), "but" | "and" | "," | "also" | "while" | "yet")
    {
        k -= 1;
    }
    k
}

/// The end byte of a content span whose last token is before token `end_tok`, without trailing
/// punctuation (closing quotes kept).
pub(crate) fn trim_end(doc: &Doc, start: usize, end_tok: usize) -> usize {
    let mut k = end_tok;
    while k > 0 && doc.tokens[k - 1].span.end > start {
        let t = &doc.tokens[k - 1];
        if t.kind == TokenKind::Punct && matches!(doc.token_text(k - 1), "." | "," | ";" | ":" | "-" | "—" | "–" | "--")
        {
            k -= 1;
        } else {
            break;
        }
    }
    if k == 0 {
        return start;
    }
    doc.tokens[k - 1].span.end.max(start)
}

fn quote_type(content: Span, all: &[Quote]) -> QuoteType {
    let from = all.partition_point(|q| q.span.end <= content.start);
    let to = all.partition_point(|q| q.span.start < content.end);
    let quotes = &all[from..to.max(from)];
    // "“A,” she said. “B.”": quotations at both ends, only the cue between them
    let starts = quotes.iter().any(|q| q.span.start == content.start && q.words >= 1);
    let ends = quotes.iter().any(|q| q.span.end == content.end && q.words >= 1);
    if starts && ends && quotes.iter().filter(|q| q.span.overlap(content) > 0).count() >= 2 {
        return QuoteType::Direct;
    }
    let mut any = false;
    for q in quotes {
        if q.span.overlap(content) == 0 {
            continue;
        }
        if q.span.start <= content.start && q.span.end >= content.end.saturating_sub(1) && q.words >= 1 {
            return QuoteType::Direct;
        }
        any = true;
    }
    if any {
        QuoteType::Mixed
    } else {
        QuoteType::Indirect
    }
}

// Quotes come in text order and do not nest, so both marks are sorted: binary search.

/// True when one quotation holds all of `content` (only the last quotation that starts before it can).
fn in_one_quote(quotes: &[Quote], content: Span) -> bool {
    let i = quotes.partition_point(|q| q.span.start <= content.start);
    i > 0 && quotes[i - 1].span.contains(content)
}

/// Indices of the quotations that share a byte with `content`.
fn quotes_overlapping(quotes: &[Quote], content: Span) -> impl Iterator<Item = usize> + '_ {
    let from = quotes.partition_point(|q| q.span.end <= content.start);
    let to = quotes.partition_point(|q| q.span.start < content.end).max(from);
    (from..to).filter(move |&i| quotes[i].span.overlap(content) > 0)
}

fn quote_starting_at(quotes: &[Quote], tok: usize) -> Option<&Quote> {
    let i = quotes.partition_point(|q| q.open < tok);
    quotes.get(i).filter(|q| q.open == tok)
}

fn quote_ending_at(quotes: &[Quote], tok: usize) -> Option<&Quote> {
    let i = quotes.partition_point(|q| q.close < tok);
    quotes.get(i).filter(|q| q.close == tok)
}

fn looks_like_clause(doc: &Doc, from: usize, to: usize) -> bool {
    (from..to.min(from + 30)).any(|k| {
        let w = doc.token_norm(k);
        if let Some(a) = &doc.tokens[k].analysis {
            return matches!(a.xpos, "VBD" | "VBZ" | "VBP" | "MD");
        }
        words().finite_hints.contains(&w.to_lowercase().as_str()) || (w.ends_with("ed") && k > from)
    })
}

/// Content after a cue, and whether it is strongly marked (a quotation or "that").
fn content_after(doc: &Doc, cue: &Cue, send: usize, quotes: &[Quote], lex: &Lexicons) -> Option<(Span, bool)> {
    let mut r = cue.end;
    // time adjuncts: "said Tuesday", "said on Friday afternoon", "said yesterday"
    if r < send && doc.token_text(r) == "on" && r + 1 < send && lex.weekdays.contains_key(doc.token_text(r + 1)) {
        r += 1;
    }
    while r < send {
        let w = doc.token_text(r);
        if lex.weekdays.contains_key(w)
            || matches!(
                w.to_lowercase().as_str(),
                "yesterday" | "today" | "tonight" | "afternoon" | "morning" | "evening" | "night"
            )
        {
            r += 1;
        } else {
            break;
        }
    }
    if r >= send {
        return None;
    }
    // "said:" / "said," before a quote
    if matches!(doc.token_text(r), ":" | ",") && r + 1 < send && doc.tokens[r + 1].kind == TokenKind::OpenQuote {
        r += 1;
    }
    // "Caddell continued:" closing its sentence, with the quotation opening the next one
    if doc.token_text(r) == ":" && r + 1 == send {
        return quote_starting_at(quotes, send).map(|q| (q.span, true));
    }
    if let Some(q) = quote_starting_at(quotes, r) {
        return Some((q.span, true));
    }
    if cue.class == CueClass::Act {
        if matches!(doc.token_text(r), "," | "." | ";" | ":" | ")") {
            return None;
        }
        return Some((Span::new(doc.tokens[r].span.start, trim_end(doc, doc.tokens[r].span.start, send)), false));
    }
    // "told reporters (on Tuesday) that ...", "said in a statement that ...", "said Tuesday that"
    let lemma_tell = matches!(
        doc.token_text(cue.verb).to_lowercase().as_str(),
        "told" | "tell" | "tells" | "telling" | "warned" | "assured" | "reminded" | "informed"
    );
    if let Some(t) = (r..send.min(r + 12)).find(|&k| doc.token_text(k) == "that") {
        let between_ok = (r..t)
            .all(|k| doc.tokens[k].kind != TokenKind::OpenQuote && !matches!(doc.token_text(k), "." | ";" | ":"))
            && (r..t).all(|k| lex.cue(doc.token_text(k)).is_none());
        // "that" right after the cue, or after a short adjunct/object ("says at a campaign stop in
        // Toledo, Ohio, that ..."): a longer stretch only when it holds no verb
        let verbless =
            (r..t).all(|k| doc.tokens[k].analysis.as_ref().is_none_or(|a| !matches!(a.upos, "VERB" | "AUX")));
        if between_ok && (t == r || t - r <= 8 || (t - r <= 11 && verbless)) {
            let a = t + 1;
            if a < send {
                if let Some(q) = quote_starting_at(quotes, a) {
                    if q.close + 2 >= send {
                        return Some((q.span, true));
                    }
                }
                return Some((
                    Span::new(doc.tokens[a].span.start, trim_end(doc, doc.tokens[a].span.start, send)),
                    true,
                ));
            }
        }
    }
    // "says of Clinton, “...”", "said in a statement: “...”": a short adjunct, then the quotation
    if words().prepositions.contains(&doc.token_text(r).to_lowercase().as_str()) {
        if let Some(p) = (r + 1..send.min(r + 9)).find(|&k| matches!(doc.token_text(k), "," | ":")) {
            let plain =
                (r..p).all(|k| doc.tokens[k].kind != TokenKind::OpenQuote && lex.cue(doc.token_text(k)).is_none());
            if plain && p + 1 < send {
                if let Some(q) = quote_starting_at(quotes, p + 1) {
                    return Some((q.span, true));
                }
            }
        }
    }
    if lemma_tell {
        if let Some((_, e)) = np_right(doc, r, send, lex) {
            r = e;
            if r < send && doc.token_text(r) == "," {
                r += 1;
            }
        }
    }
    if r >= send {
        return None;
    }
    if let Some(q) = quote_starting_at(quotes, r) {
        return Some((q.span, true));
    }
    // an infinitive complement: "hopes to offset ...", "vowed to punish ..." (PolNeAR marks these)
    if doc.token_text(r).eq_ignore_ascii_case("to")
        && r + 1 < send
        && doc.tokens[r + 1].analysis.as_ref().is_some_and(|a| a.xpos == "VB")
    {
        return Some((Span::new(doc.tokens[r].span.start, trim_end(doc, doc.tokens[r].span.start, send)), false));
    }
    // an embedded question: "isn't saying if ...", "have not said when they would ...", "asked whether ..."
    let first = doc.token_text(r);
    if cue.class != CueClass::Act
        && matches!(first.to_lowercase().as_str(), "if" | "whether" | "how" | "why" | "what" | "when" | "where" | "who")
        && r + 2 < send
    {
        let subject_next =
            doc.tokens[r + 1].analysis.as_ref().is_some_and(|a| matches!(a.upos, "PRON" | "PROPN" | "NOUN" | "DET"));
        if (first.eq_ignore_ascii_case("whether") || subject_next) && looks_like_clause(doc, r + 1, send) {
            return Some((Span::new(doc.tokens[r].span.start, trim_end(doc, doc.tokens[r].span.start, send)), false));
        }
    }
    // a bare clause: "say about 24 hostages are believed ...", "said Israel has been consulted"
    if matches!(first, "," | "." | "(" | ";") || first.eq_ignore_ascii_case("in") || first.eq_ignore_ascii_case("on") {
        return None;
    }
    // a belief or finding with a strong cue rate in PolNeAR train ("polls show Clinton ahead") may take a
    // noun phrase; others need a clause
    let strong_belief = lex.act_cues.get(&doc.token_text(cue.verb).to_lowercase()).is_some_and(|&r| r >= 0.25);
    if cue.class == CueClass::Belief && !strong_belief && !looks_like_clause(doc, r, send) {
        return None;
    }
    let lf = first.to_lowercase();
    let subject_like = words().subject_pronouns.contains(&lf.as_str())
        || first.starts_with(char::is_uppercase)
        || matches!(
            lf.as_str(),
            "there"
                | "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "this"
                | "these"
                | "those"
                | "no"
                | "all"
                | "some"
                | "most"
                | "many"
        );
    let preposition = words().prepositions.contains(&lf.as_str()) || doc.tokens[r].kind == TokenKind::Punct;
    if preposition || (!subject_like && !strong_belief && !looks_like_clause(doc, r, send)) {
        return None;
    }
    Some((Span::new(doc.tokens[r].span.start, trim_end(doc, doc.tokens[r].span.start, send)), false))
}

/// Cuts a content span at a subject-less coordinated verb phrase (", but did not elaborate further").
fn cut_coordinated_vp(doc: &Doc, content: Span, lex: &Lexicons) -> Span {
    let a = doc.token_at_or_after(content.start);
    let b = doc.token_at_or_after(content.end);
    for k in a + 1..b.saturating_sub(1) {
        if doc.token_text(k) == ","
            && matches!(doc.token_text(k + 1).to_lowercase().as_str(), "but" | "and")
            && k + 2 < b
        {
            let next = k + 2;
            let w = doc.token_text(next).to_lowercase();
            let verbish = match &doc.tokens[next].analysis {
                Some(an) => matches!(an.upos, "VERB" | "AUX") || (an.upos == "ADV" && w != "there"),
                None => words().vp_starters.contains(&w.as_str()) || lex.cue(&w).is_some(),
            };
            if verbish {
                return Span::new(content.start, trim_end(doc, content.start, k));
            }
        }
    }
    content
}

/// Cuts a content span before a trailing attribution of its own: "..., a senior official told the AP."
/// or "..., according to a report." (the nested attribution is found from its own cue).
fn cut_trailing_attribution(doc: &Doc, content: Span, lex: &Lexicons) -> Span {
    let a = doc.token_at_or_after(content.start);
    let b = doc.token_at_or_after(content.end);
    for k in a + 1..b {
        if doc.token_text(k) != "," || k + 1 >= b {
            continue;
        }
        let next = doc.token_text(k + 1);
        if next.eq_ignore_ascii_case("according") && doc.token_text((k + 2).min(b - 1)) == "to" {
            return Span::new(content.start, trim_end(doc, content.start, k));
        }
        // ", NP CUE" running to the end of the content
        if let Some((_, e)) = np_right(doc, k + 1, b, lex) {
            let mut c = e;
            while c < b && words().adverbs.contains(&doc.token_text(c).to_lowercase().as_str()) {
                c += 1;
            }
            if c < b
                && lex.cue(doc.token_text(c)).is_some()
                && doc.token_text(c).starts_with(char::is_lowercase)
                && (b - c) <= 6
            {
                return Span::new(content.start, trim_end(doc, content.start, k));
            }
        }
    }
    content
}

/// Builds the attribution of one cue, or None when the cue has no content.
fn build(
    doc: &Doc,
    si: usize,
    cue: &Cue,
    quotes: &[Quote],
    lex: &Lexicons,
    atts: &[Attribution],
    in_sentence: &[usize],
) -> Option<Attribution> {
    let s = &doc.sentences[si];
    let sstart = story_start(doc, si);
    let send = s.tokens.end;
    let cue_span = Span::new(doc.tokens[cue.first].span.start, doc.tokens[cue.end - 1].span.end);
    let sentence_text_end = trim_end(doc, doc.tokens.get(sstart).map_or(s.span.start, |t| t.span.start), send);

    if cue.according {
        let initial =
            cue.first == sstart || (cue.first == sstart + 1 && doc.tokens[sstart].kind == TokenKind::OpenQuote);
        let comma = if initial { (cue.end..send.min(cue.end + 15)).find(|&k| doc.token_text(k) == ",") } else { None };
        // the source runs to the next punctuation: "according to the conservative-leaning Tax Foundation,"
        let stop = (cue.end..send)
            .find(|&k| {
                matches!(doc.token_text(k), "," | "." | ";" | ":" | "(" | "!" | "?")
                    || doc.tokens[k].kind == TokenKind::OpenQuote
            })
            .unwrap_or(send);
        let (sa, sb) = match comma {
            Some(c) if c > cue.end => (cue.end, c),
            _ if stop > cue.end && stop - cue.end <= 15 => (cue.end, stop),
            _ => np_right(doc, cue.end, send, lex)?,
        };
        let speaker = Span::new(doc.tokens[sa].span.start, doc.tokens[sb - 1].span.end);
        let content =
            if cue.first == sstart || (cue.first == sstart + 1 && doc.tokens[sstart].kind == TokenKind::OpenQuote) {
                // "According to X, CONTENT."
                let c = if sb < send && doc.token_text(sb) == "," { sb + 1 } else { sb };
                if c >= send || sentence_text_end <= doc.tokens[c].span.start {
                    return None;
                }
                Span::new(doc.tokens[c].span.start, sentence_text_end)
            } else {
                let before = connector_start(doc, cue.first, sstart);
                content_before(doc, sstart, before, quotes)?
            };
        return Some(make(doc, content, Some(cue_span), Some(speaker), si, quotes));
    }

    // Skip adverbs between speaker and cue: "X also said".
    let mut left_end = cue.first;
    while left_end > sstart && words().adverbs.contains(&doc.token_text(left_end - 1).to_lowercase().as_str()) {
        left_end -= 1;
    }
    let mut subject = np_left(doc, sstart, left_end, lex);
    if subject.is_none() {
        subject = parsed_subject(doc, cue.verb, sstart);
    }
    let after = content_after(doc, cue, send, quotes, lex);
    let mut speaker_override: Option<(usize, usize)> = None;
    if subject.is_none()
        && left_end > sstart + 1
        && doc.token_text(left_end - 1) == ","
        && (after.is_some() || np_right(doc, cue.end, send, lex).is_none())
    {
        // "X, the state's campaign chairman, said ..." / "Trump, speaking to veterans, said ...": the subject
        // stands before an appositive or participial phrase set off by commas.
        let close = left_end - 1;
        if let Some(open) = (sstart.max(close.saturating_sub(16))..close).rev().find(|&k| doc.token_text(k) == ",") {
            if let Some((a, _)) = np_left(doc, sstart, open, lex) {
                let opener = a == sstart
                    || doc.tokens[a - 1].kind == TokenKind::CloseQuote
                    || doc.token_text(a - 1) == ","
                    || (a == sstart + 1
                        && matches!(
                            doc.token_text(sstart),
                            "But" | "And" | "However" | "Meanwhile" | "Still" | "Yet" | "So"
                        ));
                if opener {
                    speaker_override = Some((a, close));
                    subject = Some((a, open));
                }
            }
        } else if let Some((a, b)) = np_left(doc, sstart, close, lex) {
            if a == sstart {
                subject = Some((a, b));
            }
        }
        // ", saying that ...": a participle shares the sentence's subject
        if subject.is_none() && doc.token_text(cue.verb).ends_with("ing") {
            if let Some(&p) = in_sentence.last() {
                if let Some(sp) = atts[p].speaker {
                    let a = doc.token_at_or_after(sp.start);
                    let b = doc.token_at_or_after(sp.end);
                    speaker_override = Some((a, b));
                    subject = Some((a, b));
                }
            } else if let Some((a, b)) = np_right(doc, sstart, close, lex) {
                speaker_override = Some((a, b));
                subject = Some((a, b));
            }
        }
    }
    let strong_after = after.is_some_and(|(_, strong)| strong);
    // "Dr. Connie Mariano, who as a Navy captain was ..., said that ...": a long relative clause between
    // the subject and the cue; the subject is the noun phrase before the sentence's first comma.
    if subject.is_none() && strong_after && left_end > sstart + 1 && doc.token_text(left_end - 1) == "," {
        if let Some(c) = (sstart + 1..left_end - 1).find(|&k| doc.token_text(k) == ",") {
            if let Some((a, b)) = np_left(doc, sstart, c, lex) {
                if a == sstart && b - a <= 8 {
                    subject = Some((a, b));
                    speaker_override = Some((a, b));
                }
            }
        }
    }
    let after = after.map(|(span, _)| span);
    // Is there content before the speaker/cue, closed by a comma or a closing quote?
    let boundary = match subject {
        Some((a, _)) => a,
        None => cue.first,
    };
    // "X, who said ...": a relative clause's content follows its cue
    let relative_subject = subject.is_some_and(|(a, b)| {
        b == a + 1 && matches!(doc.token_text(a).to_lowercase().as_str(), "who" | "which" | "that")
    });
    let closes_before = speaker_override.is_none()
        && !relative_subject
        && cue.class != CueClass::Act
        && boundary > sstart
        && (matches!(doc.token_text(boundary - 1), "," | ":" | "—" | "–" | "--")
            || doc.tokens[boundary - 1].kind == TokenKind::CloseQuote);
    // "“...” He said." with the quotation closing the sentence before, in the same paragraph
    let starts_with_quote_before = cue.class != CueClass::Act
        && after.is_none()
        && boundary == sstart
        && sstart > 0
        && doc.tokens[sstart - 1].kind == TokenKind::CloseQuote
        && doc.sentences[doc.tokens[sstart - 1].sentence].paragraph == s.paragraph
        && quote_ending_at(quotes, sstart - 1).is_some();
    let words_before = (sstart..boundary).filter(|&k| doc.tokens[k].kind == TokenKind::Word).count();
    let quote_before = boundary > sstart && doc.tokens[boundary - 1].kind == TokenKind::CloseQuote;
    // "In a Facebook message posted Friday, Cruz said ...": an adverbial, not content
    let adverbial_before = sstart < boundary
        && words().prepositions.contains(&doc.token_text(sstart).to_lowercase().as_str())
        && (sstart..boundary.saturating_sub(1))
            .all(|k| doc.token_text(k) != "," && doc.tokens[k].kind != TokenKind::OpenQuote);
    let clause_before = words_before >= 3 && !adverbial_before && looks_like_clause(doc, sstart, boundary);
    let rest_after_cue_empty = after.is_none() || (!strong_after && (clause_before || quote_before));
    // A prefix that is only an adverbial ("Ultimately,", "In the end,", "On Sunday's broadcast of “Fox News
    // Sunday,”", "Though he has ..., experts say ...") or that a colon closes ("...: Republicans said they
    // ...") is not the content when the cue has content of its own after it.
    let quoted_words_before =
        quotes.iter().filter(|q| q.open >= sstart && q.close < boundary).map(|q| q.words).sum::<usize>();
    let prefix_adverbial = boundary > sstart
        && quoted_words_before < 4
        && ((words_before <= 2 && !quote_before)
            || words().prepositions.contains(&doc.token_text(sstart).to_lowercase().as_str())
            || doc.token_text(boundary - 1) == ":");
    let rest_after_cue_empty = rest_after_cue_empty && !(prefix_adverbial && after.is_some());
    if (closes_before || starts_with_quote_before)
        && (rest_after_cue_empty || subject.is_none())
        && !(prefix_adverbial && after.is_some())
    {
        // CONTENT, SPEAKER CUE.  /  CONTENT, CUE SPEAKER.
        let speaker_tokens = match subject {
            Some(sub) => Some(sub),
            None => np_right(doc, cue.end, send, lex),
        };
        let mut content = content_before(doc, sstart, boundary, quotes)?;
        // "“A,” he said, “B.”": the second part belongs to the same quote.
        let mut tail_start = speaker_tokens.map_or(cue.end, |(_, e)| e.max(cue.end));
        // "the agency said in a June report, and ...": step over the adverbial to its comma
        if tail_start < send && words().prepositions.contains(&doc.token_text(tail_start).to_lowercase().as_str()) {
            if let Some(c) = (tail_start..send.min(tail_start + 7)).find(|&k| doc.token_text(k) == ",") {
                tail_start = c;
            }
        }
        if tail_start < send && doc.token_text(tail_start) == "," && tail_start + 1 < send {
            if let Some(q) = quote_starting_at(quotes, tail_start + 1) {
                content = content.cover(q.span);
            } else if subject.is_some()
                && looks_like_clause(doc, tail_start + 1, send)
                && content.start == doc.tokens[sstart].span.start
            {
                content = content.cover(Span::new(doc.tokens[tail_start + 1].span.start, sentence_text_end));
            }
        }
        // "“A,” said X, an economist. “B.”": the quotation goes on in the next sentence.
        if quote_ending_at(quotes, doc.token_at_or_after(content.end).saturating_sub(1)).is_some()
            && si + 1 < doc.sentences.len()
        {
            let next = &doc.sentences[si + 1];
            if next.paragraph == s.paragraph {
                if let Some(q) = quote_starting_at(quotes, next.tokens.start) {
                    let has_cue = (q.close + 1..next.tokens.end).any(|k| lex.cue(doc.token_text(k)).is_some());
                    if !has_cue {
                        content = content.cover(q.span);
                    }
                }
            }
        }
        let speaker = speaker_tokens.map(|(a, b)| Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end));
        return Some(make(doc, content, Some(cue_span), speaker, si, quotes));
    }
    if let Some(mut content) = after {
        // "“Hopefully,” the president said, “this museum can help”": both parts of the quotation
        if let Some((a, _)) = subject {
            let qb = a > sstart && doc.tokens[a - 1].kind == TokenKind::CloseQuote
                || (a > sstart + 1 && doc.token_text(a - 1) == "," && doc.tokens[a - 2].kind == TokenKind::CloseQuote);
            if qb && strong_after && quotes.iter().any(|q| q.span.start == content.start) {
                let close = if doc.tokens[a - 1].kind == TokenKind::CloseQuote { a - 1 } else { a - 2 };
                if let Some(q) = quote_ending_at(quotes, close) {
                    content = q.span.cover(content);
                }
            }
        }
        let content = cut_coordinated_vp(doc, content, lex);
        let content = cut_trailing_attribution(doc, content, lex);
        let speaker = match speaker_override.or(subject) {
            Some((a, b)) => Some(Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end)),
            None => {
                // A chained cue ("..., but noted that ...", ", adding that ...") shares the previous speaker.
                let chained = cue.first > sstart
                    && matches!(doc.token_text(cue.first - 1).to_lowercase().as_str(), "but" | "and" | "," | "also");
                match in_sentence.last() {
                    Some(&p) if chained => atts[p].speaker,
                    _ => return None,
                }
            }
        };
        if content.is_empty() {
            return None;
        }
        return Some(make(doc, content, Some(cue_span), speaker, si, quotes));
    }
    None
}

/// The nominal subject of a cue verb from the dependency parse (when the models ran): the `nsubj`
/// dependent left of the verb, as the token range of its subtree.
fn parsed_subject(doc: &Doc, verb: usize, sstart: usize) -> Option<(usize, usize)> {
    let an = doc.tokens[verb].analysis.as_ref()?;
    let s = &doc.sentences[doc.tokens[verb].sentence];
    let own = (sstart..verb)
        .find(|&k| doc.tokens[k].analysis.as_ref().is_some_and(|a| a.head == Some(verb) && a.deprel == "nsubj"));
    // "He pitched himself ... by telling them that ...": a participle or coordinated verb shares its head's subject
    let subj = match own {
        Some(k) => k,
        None if matches!(an.deprel, "advcl" | "xcomp" | "conj") => {
            let h = an.head?;
            (sstart..h)
                .find(|&k| doc.tokens[k].analysis.as_ref().is_some_and(|a| a.head == Some(h) && a.deprel == "nsubj"))?
        }
        None => return None,
    };
    let verb = doc.tokens[subj].analysis.as_ref().and_then(|a| a.head).unwrap_or(verb);
    // the subtree of the subject, within the sentence
    let mut lo = subj;
    let mut hi = subj;
    loop {
        let mut grew = false;
        for k in s.tokens.clone() {
            let Some(h) = doc.tokens[k].analysis.as_ref().and_then(|a| a.head) else { continue };
            if (lo..=hi).contains(&h) && !(lo..=hi).contains(&k) && k < verb && k >= sstart {
                lo = lo.min(k);
                hi = hi.max(k);
                grew = true;
            }
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

/// Content before token `boundary` (exclusive): the quotation ending there, or the sentence up to it.
fn content_before(doc: &Doc, sstart: usize, boundary: usize, quotes: &[Quote]) -> Option<Span> {
    let mut b = boundary;
    while b > sstart && matches!(doc.token_text(b - 1), "," | ":" | "—" | "–" | "--") {
        b -= 1;
    }
    if b == 0 {
        return None;
    }
    if doc.tokens[b - 1].kind == TokenKind::CloseQuote {
        if let Some(q) = quote_ending_at(quotes, b - 1) {
            // the quote may open in an earlier sentence or paragraph
            if q.open < sstart || (sstart..q.open).all(|k| doc.tokens[k].kind != TokenKind::Word) {
                return Some(q.span);
            }
            // text before the quote in this sentence belongs to the content too ("He called it “a mess,”")
            return Some(Span::new(doc.tokens[sstart].span.start, q.span.end));
        }
    }
    if b <= sstart {
        return None;
    }
    let start = doc.tokens[sstart].span.start;
    let end = trim_end(doc, start, b);
    (end > start).then(|| Span::new(start, end))
}

fn make(
    doc: &Doc,
    content: Span,
    cue: Option<Span>,
    speaker: Option<Span>,
    si: usize,
    quotes: &[Quote],
) -> Attribution {
    let mut qtype = quote_type(content, quotes);
    // "said that “the budget is balanced”": a quotation inside reported-speech syntax is mixed
    let first = doc.token_at_or_after(content.start);
    if qtype == QuoteType::Direct && first > 0 && doc.token_text(first - 1).eq_ignore_ascii_case("that") {
        qtype = QuoteType::Mixed;
    }
    Attribution {
        qtype,
        content,
        cue,
        speaker,
        speaker_mention: None,
        speaker_entity: None,
        source: accord_doc::Source { kind: accord_doc::SourceKind::Unknown, name: None, affiliation: None },
        sentence: si,
    }
}

/// Most sentences a labelled transcript turn runs on over (a bound: a text without paragraph breaks would
/// otherwise give every labelled line the rest of the text).
const MAX_TURN_SENTENCES: usize = 40;

/// Statements labelled with their source: "Pence: Flowers Won’t Be at Debate" (headlines, transcripts)
/// and "“...” ― Sonya Herridge" (a quotation signed after a dash). The colon or dash is the cue.
fn labelled_statements(doc: &Doc, quotes: &[Quote], used: &mut [bool], atts: &mut Vec<Attribution>, lex: &Lexicons) {
    let n = doc.tokens.len();
    let with_attribution: std::collections::HashSet<usize> = atts.iter().map(|a| a.sentence).collect();
    for si in 0..doc.sentences.len() {
        let s = &doc.sentences[si];
        if with_attribution.contains(&si)
            || doc.credits.iter().any(|c| c.kind != "headline" && c.span.overlap(s.span) > 0)
        {
            continue;
        }
        // skip an opening straight quote of a transcript line: "WALLACE: ...
        let mut a = s.tokens.start;
        if a < s.tokens.end && doc.tokens[a].kind == TokenKind::OpenQuote {
            a += 1;
        }
        let Some(colon) = (a + 1..s.tokens.end.min(a + 4)).find(|&k| doc.token_text(k) == ":") else { continue };
        let name_ok = (a..colon)
            .all(|k| doc.tokens[k].kind == TokenKind::Word && doc.token_text(k).starts_with(char::is_uppercase))
            && !lex.credit_labels.iter().any(|(l, _)| l.eq_ignore_ascii_case(doc.token_text(a)))
            && !matches!(
                doc.token_text(a),
                "Update"
                    | "UPDATE"
                    | "Note"
                    | "NOTE"
                    | "Editor"
                    | "Watch"
                    | "WATCH"
                    | "Read"
                    | "Related"
                    | "RELATED"
                    | "Q"
                    | "A"
            );
        let words_after = (colon + 1..s.tokens.end).filter(|&k| doc.tokens[k].kind == TokenKind::Word).count();
        if !name_ok || words_after < 4 {
            continue;
        }
        let start = colon + 1;
        let mut content =
            Span::new(doc.tokens[start].span.start, trim_end(doc, doc.tokens[start].span.start, s.tokens.end));
        // a transcript turn runs on over the sentences of its paragraph
        let mut k = si + 1;
        while k < doc.sentences.len() && doc.sentences[k].paragraph == s.paragraph && k - si <= MAX_TURN_SENTENCES {
            content =
                content.cover(Span::new(content.start, trim_end(doc, content.start, doc.sentences[k].tokens.end)));
            k += 1;
        }
        let speaker = Span::new(doc.tokens[a].span.start, doc.tokens[colon - 1].span.end);
        atts.push(make(doc, content, Some(doc.tokens[colon].span), Some(speaker), si, quotes));
    }
    for (qi, q) in quotes.iter().enumerate() {
        let d = q.close + 1;
        if used[qi] || d + 1 >= n || !matches!(doc.token_text(d), "―" | "—" | "–" | "-" | "--") {
            continue;
        }
        let sent_end = doc.sentences[doc.tokens[d + 1].sentence].tokens.end;
        let Some((sa, sb)) = np_right(doc, d + 1, sent_end.min(d + 8), lex) else { continue };
        if !doc.token_text(sa).starts_with(char::is_uppercase)
            || doc.tokens[sa].sentence != doc.tokens[d].sentence
                && doc.sentences[doc.tokens[sa].sentence].paragraph != doc.sentences[doc.tokens[d].sentence].paragraph
        {
            continue;
        }
        used[qi] = true;
        let speaker = Span::new(doc.tokens[sa].span.start, doc.tokens[sb - 1].span.end);
        atts.push(make(doc, q.span, Some(doc.tokens[d].span), Some(speaker), doc.tokens[q.open].sentence, quotes));
    }
}

/// Quotation sentences with no cue, right after an attribution, take that attribution's speaker.
fn floating_quotes(doc: &Doc, quotes: &[Quote], used: &mut [bool], atts: &mut Vec<Attribution>) {
    let mut added = Vec::new();
    // the attributions with a speaker by where their content ends (ties: the later one), and per quotation
    // the number of long ones before it, so that each quotation looks up its predecessor instead of
    // scanning them all
    let mut ends: Vec<(usize, usize)> =
        atts.iter().enumerate().filter(|(_, a)| a.speaker.is_some()).map(|(i, a)| (a.content.end, i)).collect();
    ends.sort_unstable();
    let long_before: Vec<usize> = std::iter::once(0)
        .chain(quotes.iter().scan(0, |n, q| {
            *n += (q.words >= 4) as usize;
            Some(*n)
        }))
        .collect();
    for (qi, q) in quotes.iter().enumerate() {
        if used[qi] || q.words < 4 {
            continue;
        }
        let si = doc.tokens[q.open].sentence;
        let s = &doc.sentences[si];
        // the quote opens its sentence and fills it
        if q.open != s.tokens.start || doc.in_credit(q.span) {
            continue;
        }
        let par = s.paragraph;
        // the latest attribution before it, in this paragraph or the one before
        let before = ends.partition_point(|&(e, _)| e <= q.span.start);
        let Some(&(_, prev)) = before.checked_sub(1).and_then(|i| ends.get(i)) else { continue };
        let prev = &atts[prev];
        let ppar = doc.sentences[prev.sentence].paragraph;
        if par > ppar + 1 {
            continue;
        }
        // no other quotation between them
        let from = quotes.partition_point(|o| o.span.start <= prev.content.end);
        let to = quotes.partition_point(|o| o.span.end < q.span.start).max(from);
        if long_before[to] > long_before[from] {
            continue;
        }
        used[qi] = true;
        added.push(Attribution {
            qtype: QuoteType::Direct,
            content: q.span,
            cue: None,
            speaker: prev.speaker,
            speaker_mention: None,
            speaker_entity: None,
            source: prev.source.clone(),
            sentence: si,
        });
    }
    atts.extend(added);
}
