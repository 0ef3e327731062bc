//! Step 2, layout: where the speaker and the content stand around a cue: "SPEAKER CUE (that) CONTENT",
//! "CONTENT, SPEAKER CUE", "CONTENT, CUE SPEAKER", "CONTENT, according to SPEAKER", "According to SPEAKER,
//! CONTENT", and a cue splitting its content ("The talks, he said, went well").

use crate::content::{before_separators, content_after, content_before, looks_like_clause, make, trim_end};
use crate::coordination::{connector_start, cut_coordinated_vp, cut_trailing_attribution};
use crate::cues::Cue;
use crate::phrases::{np_left, np_right, speaker_np_right};
use crate::quotes::{quote_ending_at, quote_starting_at, Quote};
use crate::story_start;
use crate::subject::{parsed_subject, relative_clause_owner};
use crate::words::words;
use accord_doc::{Attribution, Doc, Span, TokenKind};
use accord_facts::lexicon::{CueClass, Lexicons};

/// Builds the attribution of one cue, or None when the cue has no content.
pub(crate) fn build(
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
        return according_to(doc, si, cue, quotes, lex);
    }
    let after = content_after(doc, cue, send, quotes, lex);
    let strong_after = after.is_some_and(|(_, strong)| strong);
    let Subject { mut subject, speaker_override, appositive } =
        subject_before(doc, sstart, send, cue, after.is_some(), strong_after, lex, atts, in_sentence);
    let mut after = after.map(|(span, _)| span);
    // "CONTENT, said the minister." without quotation marks: a cue right after a comma with only a
    // noun phrase (and its apposition) after it is inverted; a subject found before the comma belongs to
    // the content, and the phrase after the cue is no content
    let mid = speaker_override.is_none() && inverted_mid(doc, sstart, send, cue, lex);
    if speaker_override.is_none() && (mid || inverted(doc, sstart, send, cue, lex)) {
        subject = None;
        after = None;
    }
    // Is there content before the speaker/cue, closed by a comma or a closing quote?
    let boundary = match subject {
        Some((a, _)) => a,
        None => cue.first,
    };
    // "X, who said ...": a relative clause's content follows its cue
    let relative_subject = subject.is_some_and(|(a, b)| {
        b == a + 1 && matches!(doc.token_text(a).to_lowercase().as_str(), "who" | "which" | "that")
    })
        // (or the parse's subject of the cue is a relative pronoun further back: "said a New Hampshire
        // Republican, who, like all respondents, responded anonymously")
        || (sstart + 1..cue.first).any(|k| {
            matches!(doc.token_text(k).to_lowercase().as_str(), "who" | "which")
                && doc.token_text(k - 1) == ","
                // (not a speaker set off inside the clause: "the stadium, which, Tompkins said, is ...")
                && subject.is_none_or(|(a, _)| a < k)
                && !(k + 1..cue.first).any(|j| finite(doc, j))
        });
    // (a participle with content after it is never the inverted "CONTENT, CUE SPEAKER": "... “...” —
    // asserting that big money is everywhere")
    let participle_with_content =
        after.is_some() && doc.tokens[cue.verb].analysis.as_ref().is_some_and(|x| x.xpos() == "VBG");
    // ("CONTENT, Jane Roe, the union's leader, said.": a speaker in apposition closes the sentence, after
    // a clause or a quotation; not after an adverbial, "Earlier this week, X, along with Y, wrote to Z")
    let appositive_closes = appositive
        && after.is_none()
        && boundary > sstart + 1
        && (looks_like_clause(doc, sstart, boundary - 1)
            || quotes.iter().any(|q| q.open >= sstart && q.close < boundary && q.words >= 3));
    let closes_before = (speaker_override.is_none() || appositive_closes)
        && !relative_subject
        && !participle_with_content
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
            || adverbial_opener(doc, sstart, lex)
            || doc.token_text(boundary - 1) == ":"
            || modifies_cue(doc, sstart, boundary, cue.verb));
    let rest_after_cue_empty = rest_after_cue_empty && !(prefix_adverbial && after.is_some());
    if (closes_before || starts_with_quote_before)
        && (rest_after_cue_empty || subject.is_none())
        && !(prefix_adverbial && after.is_some())
    {
        // CONTENT, SPEAKER CUE.  /  CONTENT, CUE SPEAKER.
        let speaker_tokens = match speaker_override.or(subject) {
            Some(sub) => Some(sub),
            None => speaker_np_right(doc, cue.end, send, lex),
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
        // "“A,” said X, an economist at Y, “B.”": a quotation that stops at a comma goes on after the
        // speaker's apposition
        if tail_start < send && doc.token_text(tail_start) == "," && boundary > sstart {
            let unfinished = quote_ending_at(quotes, before_separators(doc, sstart, boundary).saturating_sub(1))
                .is_some_and(|q| {
                    q.close > q.open + 1 && (doc.token_text(q.close - 1) == "," || doc.token_text(q.close + 1) == ",")
                });
            if unfinished {
                if let Some(k) = (tail_start + 2..send.min(tail_start + 30))
                    .find(|&k| doc.token_text(k - 1) == "," && quote_starting_at(quotes, k).is_some())
                {
                    if (tail_start + 1..k).all(|j| {
                        doc.tokens[j].kind != TokenKind::OpenQuote && !matches!(doc.token_text(j), "." | ";" | ":")
                    }) {
                        tail_start = k - 1;
                    }
                }
            }
        }
        if tail_start < send && doc.token_text(tail_start) == "," && tail_start + 1 < send {
            if let Some(q) = quote_starting_at(quotes, tail_start + 1) {
                content = content.cover(q.span);
            } else if (subject.is_some() || mid)
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
                } else {
                    // "“A,” said X. Unless ..., “B.”": a sentence with no cue that ends in a quotation goes on
                    // with the speaker's words
                    let end = trim_end(doc, next.span.start, next.tokens.end);
                    let last = doc.token_at_or_after(end).saturating_sub(1);
                    if let Some(q) = quote_ending_at(quotes, last) {
                        let has_cue = (next.tokens.start..next.tokens.end)
                            .any(|k| !(q.open..=q.close).contains(&k) && lex.cue(doc.token_text(k)).is_some());
                        if !has_cue && q.open > next.tokens.start && q.words >= 5 {
                            content = content.cover(Span::new(next.span.start, q.span.end));
                        }
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
            // "These sources of authority, the lawyers said, “all command the same conclusion” that ...": the
            // cue and its speaker set off by commas inside a content whose subject stands before them and
            // whose quoted predicate follows; the content is the whole sentence (a finite cue: "Minutes
            // later, the group issued a statement saying, “...”" is no such insertion)
            let split = a > sstart + 1
                && doc.tokens[cue.verb].analysis.as_ref().is_none_or(|x| x.xpos() != "VBG")
                && doc.token_text(a - 1) == ","
                && cue.end < send
                && doc.token_text(cue.end) == ","
                && strong_after
                && quotes.iter().any(|q| q.span.start == content.start)
                && (sstart..a - 1).all(|k| doc.tokens[k].kind != TokenKind::OpenQuote && doc.token_text(k) != ",")
                && !adverbial_opener(doc, sstart, lex)
                && !looks_like_clause(doc, sstart, a - 1);
            if split && sentence_text_end > doc.tokens[sstart].span.start {
                content = content.cover(Span::new(doc.tokens[sstart].span.start, sentence_text_end));
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

/// True when the sentence's first token `k` opens an adverbial rather than a clause: a preposition or
/// subordinator ("In a statement", "As the parade rolled by"), a day or month ("Sunday on Fox News's
/// “Sunday Morning Futures,”"), or a participle ("Downplaying the ratings", "Asked whether ...").
/// "Then, in a statement issued ..., Carson said he has ...": the parse hangs every word of the prefix
/// `from..to` (before the speaker) from the cue's verb as a modifier (a clause or phrase of time, manner
/// or circumstance), so the prefix says when or how it was said, not what. Content before a cue is
/// parsed as the cue's complement or as the head the cue hangs from.
fn modifies_cue(doc: &Doc, from: usize, to: usize, verb: usize) -> bool {
    let mut any = false;
    for k in from..to {
        if matches!(doc.tokens[k].kind, TokenKind::OpenQuote | TokenKind::CloseQuote) {
            return false;
        }
        let Some(a) = &doc.tokens[k].analysis else { return false };
        let Some(h) = a.head() else { return false };
        if (from..to).contains(&h) {
            continue;
        }
        if a.upos() == "PUNCT" {
            continue;
        }
        // a clause only with a subordinator ("Even after ... was filed") or as a participle: a finite
        // clause the parse calls adverbial is often the content itself
        let adverbial_clause = || {
            matches!(a.xpos(), "VBG" | "VBN")
                || (from..k).any(|j| {
                    doc.tokens[j].analysis.as_ref().is_some_and(|b| b.head() == Some(k) && b.deprel() == "mark")
                })
        };
        let modifier = match a.deprel() {
            "advmod" | "obl" | "obl:tmod" | "obl:npmod" | "discourse" => true,
            "advcl" => adverbial_clause(),
            _ => false,
        };
        if h != verb || !modifier {
            return false;
        }
        any = true;
    }
    any
}

fn adverbial_opener(doc: &Doc, k: usize, lex: &Lexicons) -> bool {
    let w = doc.token_text(k);
    words().prepositions.contains(&accord_lexicon::lowercase(w).as_ref())
        || lex.weekdays.contains_key(w)
        || lex.months.contains_key(w)
        || doc.tokens[k].analysis.as_ref().is_some_and(|a| matches!(a.xpos(), "VBG" | "VBN"))
}

/// True when the parse tags token `k` as a finite verb (past, present or modal).
fn finite(doc: &Doc, k: usize) -> bool {
    doc.tokens[k].analysis.as_ref().is_some_and(|x| matches!(x.xpos(), "VBD" | "VBZ" | "VBP" | "MD"))
}

/// The last comma in tokens `from..to` before the first finite verb there (or before `to`).
fn last_comma_before_finite(doc: &Doc, from: usize, to: usize) -> Option<usize> {
    let finite_at = (from..to).find(|&k| finite(doc, k)).unwrap_or(to);
    (from..finite_at).rev().find(|&k| doc.token_text(k) == ",")
}

/// Where the subject of a sentence opened by a prepositional phrase set off by a comma starts: after that
/// comma ("In a statement released Thursday, Rep. Jane Roe reacted ..., saying" is Jane Roe's, not "In a
/// statement"). Otherwise the sentence's start `sstart`. Only a comma before `close` counts.
fn opening_phrase_end(doc: &Doc, sstart: usize, close: usize, lex: &Lexicons) -> usize {
    // (a conjunction that opens the sentence is no part of the subject, when a finite verb follows the
    // phrase after it: "But vice-chancellors have reacted ..., saying")
    if sstart + 1 < close && matches!(doc.token_text(sstart), "But" | "And" | "Yet" | "So" | "Still") {
        if np_right(doc, sstart + 1, close, lex).is_some_and(|(_, e)| e < close && finite(doc, e)) {
            return sstart + 1;
        }
        return sstart;
    }
    let opens = words().prepositions.contains(&accord_lexicon::lowercase(doc.token_text(sstart)).as_ref())
        && doc.tokens[sstart].analysis.as_ref().is_none_or(|x| matches!(x.upos(), "ADP" | "SCONJ"));
    if !opens {
        return sstart;
    }
    // (the last comma before the first finite verb: "At a campaign event in Ames, Iowa, on Sunday, Jane Roe
    // tried ..., saying")
    last_comma_before_finite(doc, sstart + 1, close).map_or(sstart, |c| c + 1)
}

/// A word of a time phrase after a noun: a weekday, a month, or "morning", "night", "today" and the like.
fn is_time_word(doc: &Doc, k: usize, lex: &Lexicons) -> bool {
    let w = doc.token_text(k);
    lex.weekdays.contains_key(w)
        || lex.months.contains_key(w)
        || matches!(
            accord_lexicon::lowercase(w).as_ref(),
            "morning" | "afternoon" | "evening" | "night" | "today" | "yesterday" | "tonight"
        )
}

/// A word of a time phrase ("Sunday", "last week", "Earlier Tuesday").
fn time_phrase_word(doc: &Doc, k: usize, lex: &Lexicons) -> bool {
    is_time_word(doc, k, lex)
        || matches!(
            accord_lexicon::lowercase(doc.token_text(k)).as_ref(),
            "last" | "this" | "next" | "week" | "month" | "year" | "weekend" | "earlier" | "later"
        )
}

/// The phrase of tokens `a..b` without the part inside a quotation that closes before token `end`: what
/// follows the closing mark (and its punctuation), or None when nothing does.
fn out_of_quote(doc: &Doc, sstart: usize, a: usize, b: usize, end: usize) -> Option<(usize, usize)> {
    let mark = |j: &usize| matches!(doc.tokens[*j].kind, TokenKind::OpenQuote | TokenKind::CloseQuote);
    // (single marks inside a double quotation quote a title or a phrase there: “The book ‘1984,’ we’re
    // living it,” said X)
    let single = |j: &usize| matches!(doc.token_text(*j), "‘" | "’" | "'");
    let double_before = (sstart..a).rev().find(|j| mark(j) && !single(j));
    // inside: the last mark before it opens a quotation, or (none in the sentence) the first after it
    // closes one opened in an earlier sentence ("... Nobody envisioned it," said X)
    // (or the phrase opens with the mark of a quotation that closes on punctuation: "“Safety,” said X",
    // where the parse took the quoted word for the subject; not a term, "“common sense” made clear")
    let opens_speech = doc.tokens[a].kind == TokenKind::OpenQuote
        && (a + 1..end)
            .find(|&j| doc.tokens[j].kind == TokenKind::CloseQuote)
            .is_some_and(|j| j > a + 1 && doc.tokens[j - 1].kind == TokenKind::Punct);
    let inside = opens_speech
        || match double_before.or_else(|| (sstart..a).rev().find(mark)) {
            Some(j) => doc.tokens[j].kind == TokenKind::OpenQuote,
            // (a mark after punctuation: not the apostrophe of "the actors’ union")
            None => (a..end).find(mark).is_some_and(|j| {
                doc.tokens[j].kind == TokenKind::CloseQuote && j > a && doc.tokens[j - 1].kind == TokenKind::Punct
            }),
        };
    if !inside {
        return Some((a, b));
    }
    let Some(close) = (a..end).rev().find(|&j| doc.tokens[j].kind == TokenKind::CloseQuote) else {
        return Some((a, b));
    };
    let mut na = close + 1;
    while na < b && doc.tokens[na].kind == TokenKind::Punct {
        na += 1;
    }
    (na < b).then_some((na, b))
}

/// True for "CLAUSE, CUE NOUN-PHRASE[, APPOSITION]." with nothing else after the cue.
fn inverted(doc: &Doc, sstart: usize, send: usize, cue: &Cue, lex: &Lexicons) -> bool {
    if cue.first < sstart + 3 || doc.token_text(cue.first - 1) != "," || cue.class == CueClass::Act {
        return false;
    }
    // (a participle is never inverted: "X is taking legal action, claiming the school discriminated ...")
    if doc.tokens[cue.verb].analysis.as_ref().is_some_and(|x| x.xpos() == "VBG") {
        return false;
    }
    // ("Roe, who ran the office, told Variety:": the one told is no speaker)
    if crate::content::addressee_verb(doc, cue.verb) {
        return false;
    }
    // ("..., said of RT.": what a speaker talks of or about is no speaker)
    if cue.end < send && doc.tokens[cue.end].analysis.as_ref().is_some_and(|x| x.upos() == "ADP") {
        return false;
    }
    let Some((a, b)) = speaker_np_right(doc, cue.end, send, lex) else { return false };
    // (a time after the cue is no speaker: "“...,” Jane Roe, the deputy adviser, said Sunday.")
    if (a..b).all(|k| time_phrase_word(doc, k, lex)) {
        return false;
    }
    let verb = |k: usize| {
        doc.tokens[k].analysis.as_ref().is_some_and(|x| matches!(x.upos(), "VERB" | "AUX"))
            || lex.cue(doc.token_text(k)).is_some()
    };
    // ("says a report highlighting ...": a participle modifies the speaker)
    // (not after a pronoun, which no participle modifies: "said it modified that data" is a clause)
    let pronoun = b == a + 1 && words().subject_pronouns.contains(&doc.token_text(a).to_lowercase().as_str());
    let participle =
        !pronoun && b < send && doc.tokens[b].analysis.as_ref().is_some_and(|x| matches!(x.xpos(), "VBG" | "VBN"));
    // ("said Ed Rendell, who serves as chairman ...": a relative clause describes the speaker)
    let relative =
        b + 1 < send && doc.token_text(b) == "," && matches!(doc.token_text(b + 1), "who" | "whose" | "which");
    let rest_ends = (b..send).all(|k| doc.tokens[k].kind == TokenKind::Punct)
        || (b < send && doc.token_text(b) == "," && !(b + 1..send).any(verb))
        || participle
        || relative;
    a == cue.end && rest_ends && looks_like_clause(doc, sstart, cue.first - 1)
}

/// "Currently, said Dr. Jane Roe, the director of the hospital, there are 70 children ...": an inverted cue
/// after a short opening (at most three words) and a comma, with a speaker (and its apposition) after it
/// and a clause after the next comma, is a parenthetical inside the content.
fn inverted_mid(doc: &Doc, sstart: usize, send: usize, cue: &Cue, lex: &Lexicons) -> bool {
    if cue.first < sstart + 2 || doc.token_text(cue.first - 1) != "," || cue.class == CueClass::Act {
        return false;
    }
    let words_before = (sstart..cue.first - 1).filter(|&k| doc.tokens[k].kind == TokenKind::Word).count();
    if words_before > 3 || (sstart..cue.first - 1).any(|k| doc.tokens[k].kind == TokenKind::OpenQuote) {
        return false;
    }
    let Some((a, b)) = speaker_np_right(doc, cue.end, send, lex) else { return false };
    let verb = |k: usize| doc.tokens[k].analysis.as_ref().is_some_and(|x| matches!(x.upos(), "VERB" | "AUX"));
    a == cue.end
        && b < send
        && doc.token_text(b) == ","
        && (b..send.min(b + 12)).any(|c| {
            doc.token_text(c) == ","
                && c + 1 < send
                && !(b + 1..c).any(verb)
                && looks_like_clause(doc, c + 1, send)
                && doc.tokens[c + 1].analysis.as_ref().is_some_and(|x| !matches!(x.deprel(), "acl:relcl"))
                && !matches!(doc.token_text(c + 1).to_lowercase().as_str(), "who" | "whose" | "which" | "and")
        })
}

/// "According to SPEAKER, CONTENT" and "CONTENT, according to SPEAKER": the source runs to the next
/// punctuation (or the comma closing a sentence-initial "According to ..." phrase).
fn according_to(doc: &Doc, si: usize, cue: &Cue, quotes: &[Quote], lex: &Lexicons) -> Option<Attribution> {
    let s = &doc.sentences[si];
    let sstart = story_start(doc, si);
    let send = s.tokens.end;
    let cue_span = Span::new(doc.tokens[cue.first].span.start, doc.tokens[cue.end - 1].span.end);
    let sentence_text_end = trim_end(doc, doc.tokens.get(sstart).map_or(s.span.start, |t| t.span.start), send);
    // (at the start of the sentence, of a quotation, of a parenthesis or after a colon: "And it has not
    // gone unnoticed: According to recent polls, ...")
    let initial = cue.first == sstart
        || (cue.first > sstart
            && (doc.tokens[cue.first - 1].kind == TokenKind::OpenQuote
                || matches!(doc.token_text(cue.first - 1), "(" | ":")));
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
        _ => speaker_np_right(doc, cue.end, send, lex)?,
    };
    let speaker = Span::new(doc.tokens[sa].span.start, doc.tokens[sb - 1].span.end);
    let content = if initial {
        // "According to X, CONTENT."
        let c = if sb < send && doc.token_text(sb) == "," { sb + 1 } else { sb };
        if c >= send || sentence_text_end <= doc.tokens[c].span.start {
            return None;
        }
        Span::new(doc.tokens[c].span.start, sentence_text_end)
    } else {
        let before = connector_start(doc, cue.first, sstart);
        let content = content_before(doc, sstart, before, quotes)?;
        // "Fundraising, according to the campaign, has surged": a parenthetical source inside its content,
        // which goes on after the comma closing the source with a clause of its own (not a relative clause
        // on the source: ", who are offering ...")
        let rest = sb + 1;
        let goes_on = sb < send
            && doc.token_text(sb) == ","
            && rest < send
            && !matches!(doc.token_text(rest), "who" | "whose" | "which" | "whom")
            && doc.tokens[rest].kind == TokenKind::Word
            && looks_like_clause(doc, rest, send);
        if goes_on && sentence_text_end > doc.tokens[rest].span.start {
            content.cover(Span::new(doc.tokens[rest].span.start, sentence_text_end))
        } else {
            content
        }
    };
    Some(make(doc, content, Some(cue_span), Some(speaker), si, quotes))
}

/// The first token of the names coordinated before the noun phrase that starts at token `a` ("France,
/// Britain and" before "the United States"): each a name mention, joined by commas and a last "and".
fn coordinated_names_before(doc: &Doc, sstart: usize, a: usize) -> Option<usize> {
    let name_ending = |k: usize| {
        let end = doc.tokens[k].span.end;
        let p = doc.mentions.partition_point(|m| m.span.end < end);
        doc.mentions[p..]
            .iter()
            .take_while(|m| m.span.end == end)
            .find(|m| m.kind == accord_doc::MentionKind::Name)
            .map(|m| doc.token_at_or_after(m.span.start))
    };
    let mut k = a;
    if k > sstart && doc.token_text(k - 1).eq_ignore_ascii_case("the") {
        k -= 1;
    }
    if k < sstart + 2 || doc.token_text(k - 1) != "and" {
        return None;
    }
    let mut lo = name_ending(k - 2)?;
    loop {
        if lo > sstart && doc.token_text(lo - 1).eq_ignore_ascii_case("the") {
            lo -= 1;
        }
        if lo >= sstart + 2 && doc.token_text(lo - 1) == "," {
            match name_ending(lo - 2) {
                Some(m) => lo = m,
                None => break,
            }
        } else {
            break;
        }
    }
    (lo >= sstart).then_some(lo)
}

/// The speaker phrase before a cue (token ranges).
struct Subject {
    /// The subject noun phrase.
    subject: Option<(usize, usize)>,
    /// The speaker span when it is not the bare subject (with its appositive: "X, the state's campaign
    /// chairman,"; a participle's shared subject).
    speaker_override: Option<(usize, usize)>,
    /// The override is a subject and its apposition set off by commas before the cue.
    appositive: bool,
}

/// The speaker before cue `cue`: a noun phrase ending at the cue (adverbs skipped), the verb's parsed
/// subject, a subject before an appositive or participial phrase set off by commas, the subject shared
/// with the sentence's previous cue (", saying ..."), or the phrase before a long relative clause.
/// `content_follows`/`strong_after`: the cue has content after it (strongly marked).
#[allow(clippy::too_many_arguments)]
fn subject_before(
    doc: &Doc,
    sstart: usize,
    send: usize,
    cue: &Cue,
    content_follows: bool,
    strong_after: bool,
    lex: &Lexicons,
    atts: &[Attribution],
    in_sentence: &[usize],
) -> Subject {
    // Skip adverbs between speaker and cue: "X also said".
    let mut left_end = cue.first;
    while left_end > sstart && words().adverbs.contains(&doc.token_text(left_end - 1).to_lowercase().as_str()) {
        left_end -= 1;
    }
    let mut subject = np_left(doc, sstart, left_end, lex);
    // "A Government Accountability Office report released last year found ...": a time phrase is no
    // speaker; the verb's parsed subject is
    if let Some((a, b)) = subject {
        let w = |k: usize| if k < b { doc.token_text(k).to_lowercase() } else { String::new() };
        let time = lex.date_words.relative(&w(a), &w(a + 1)).is_some_and(|(n, _, _)| n == b - a)
            || (b == a + 1 && lex.weekdays.contains_key(doc.token_text(a)));
        // (the noun phrase before the participle that the time phrase goes with: "report released")
        let participle = a > sstart + 1
            && doc.tokens[a - 1].analysis.as_ref().is_some_and(|x| x.xpos() == "VBN" || x.xpos() == "VBD")
            && lex.cue(doc.token_text(a - 1)).is_none();
        if time && participle {
            if let Some((pa, _)) = np_left(doc, sstart, a - 1, lex).filter(|&(_, pb)| pb == a - 1) {
                subject = Some((pa, b));
            }
        } else if time && b < left_end && doc.token_text(b) == "," {
            // "... the comments Tuesday, telling reporters ...": a time before the comma of a participle is
            // no subject; the rules below look for the sentence's
            subject = None;
        }
    }
    // "Residents who left Kandahar early Monday confirmed ...": a noun phrase that ends a relative clause
    // is that clause's object; the speaker is the noun the clause modifies, clause included
    if let Some((a, b)) = subject {
        if let Some(lo) = relative_clause_owner(doc, sstart, a) {
            subject = Some((lo, b));
        }
    }
    // "The expert under scrutiny in the anthrax attacks declared ...", "Researchers monitoring a flock of
    // birds decided ...": a noun phrase inside a prepositional or participle phrase that modifies the
    // verb's parsed subject is no speaker; the subject, phrase included, is
    if let Some((a, b)) = subject {
        // (or a conjunct of one, "The survey by the X and Y says", "Blair and Bush called on", or an
        // apposition: "X, an adviser to Y said"; not "Trump, X said, has ...", where the parse may take the
        // content's subject into the speaker's)
        let modifier = a > sstart
            && ((doc.token_text(a - 1) == ","
                && matches!(doc.token_text(a).to_lowercase().as_str(), "a" | "an" | "the")
                && (cue.end >= send || doc.token_text(cue.end) != ","))
                || doc.tokens[a - 1]
                    .analysis
                    .as_ref()
                    .is_some_and(|x| matches!(x.upos(), "ADP" | "CCONJ") || x.xpos() == "VBG")
                // ("Britain and the United States": the article of the noun phrase left out of it)
                || (a > sstart + 1
                    && doc.tokens[a - 1].analysis.as_ref().is_some_and(|x| x.upos() == "DET")
                    && doc.tokens[a - 2].analysis.as_ref().is_some_and(|x| x.upos() == "CCONJ")));
        if modifier {
            if let Some((lo, hi)) = parsed_subject(doc, cue.verb, sstart) {
                // (a subject the parse opened with a preposition or conjunction is misparsed: "as the
                // heckler", "with 50 percent")
                let opens = doc.tokens[lo]
                    .analysis
                    .as_ref()
                    .is_some_and(|x| !matches!(x.upos(), "ADP" | "SCONJ" | "CCONJ" | "ADV"));
                // (commas only around a phrase after the subject's own noun: "A spokesman, in a statement
                // received by X, said", "X, an adviser to Y said", "X, who stands in for Y says")
                let first_punct = (lo..a).find(|&k| doc.tokens[k].kind == TokenKind::Punct);
                let own_noun_first = first_punct.is_none_or(|c| {
                    (lo..c).any(|k| {
                        doc.tokens[k].analysis.as_ref().is_some_and(|x| {
                            x.deprel().starts_with("nsubj") && matches!(x.upos(), "NOUN" | "PROPN" | "PRON")
                        })
                    }) && (lo..a).all(|k| doc.tokens[k].kind != TokenKind::Punct || doc.token_text(k) == ",")
                });
                if lo < a && hi == b && opens && own_noun_first {
                    subject = Some((lo, b));
                }
            }
        }
    }
    // "France, Britain and the United States said", "Qantas and Virgin Blue said": names coordinated
    // before the last are part of the speaker
    if let Some((a, b)) = subject {
        if let Some(lo) = coordinated_names_before(doc, sstart, a) {
            subject = Some((lo, b));
        }
    }
    if subject.is_none() {
        // (not a subject inside a quotation that closes before the cue: "“This has to end,” said X"; a
        // subject that starts inside it keeps its words after it)
        subject = parsed_subject(doc, cue.verb, sstart).and_then(|(a, b)| out_of_quote(doc, sstart, a, b, cue.first));
        // (a time the parse took for the subject is none: "Earlier Tuesday, his campaign manager, Jeff Weaver,
        // says"); the phrase after its comma may be ("Tuesday, the Vermont senator opened a rally blasting")
        if let Some((a, b)) = subject.filter(|&(a, b)| (a..b).all(|k| time_phrase_word(doc, k, lex))) {
            subject = None;
            // (after the last comma before the first finite verb: "Tuesday, in her last campaign speech before
            // the holiday, Jane Roe plans to call for")
            if a == sstart && b < left_end && doc.token_text(b) == "," {
                let c = last_comma_before_finite(doc, b, left_end).unwrap_or(b);
                subject = np_right(doc, c + 1, left_end, lex);
            }
        }
        // "Google, which also receives ..., said", "The agency, led by Jane Roe, said": a relative clause or
        // a participle's phrase set off by commas describes the speaker and is no part of its phrase
        if let Some((a, b)) = subject {
            if let Some(c) = (a + 1..b.saturating_sub(1)).find(|&k| {
                doc.token_text(k) == ","
                    && (matches!(doc.token_text(k + 1).to_lowercase().as_str(), "who" | "which" | "whose" | "whom")
                        // ("A spokesman, in a statement received by AFP, said")
                        || doc.tokens[k + 1].analysis.as_ref().is_some_and(|x| x.upos() == "ADP" && x.deprel() == "case")
                        || (doc.tokens[k + 1]
                            .analysis
                            .as_ref()
                            .is_some_and(|x| matches!(x.xpos(), "VBN" | "VBG") && x.deprel() == "acl")
                            // (a document's phrase names its author: "The poll, released by the Public
                            // Policy Institute of California, found ...")
                            && !words()
                                .document_nouns
                                .contains(&accord_lexicon::lowercase(doc.token_text(k - 1)).as_ref())))
            }) {
                subject = Some((a, c));
            }
        }
    }
    let mut speaker_override: Option<(usize, usize)> = None;
    let mut appositive = false;
    // "Black Lives Matter issued a statement saying ...": a participle on a document that is the object of a
    // verb speaks for that verb's subject, who issued it
    if let Some((a, b)) = subject {
        // (a time between the document and the participle: "sent a fundraising email Wednesday saying")
        let mut noun = b - 1;
        while noun > a && is_time_word(doc, noun, lex) {
            noun -= 1;
        }
        // (not the object of a speech cue, whose content it opens: "X said Trump's tweet saying ... was")
        let head = doc.tokens[noun]
            .analysis
            .as_ref()
            .filter(|x| x.deprel() == "obj")
            .and_then(|x| x.head())
            .filter(|&h| lex.cue(doc.token_text(h)).is_none_or(|c| c == CueClass::Act));
        let noun_word = accord_lexicon::lowercase(doc.token_text(noun));
        if b == cue.first
            && doc.token_text(cue.verb).ends_with("ing")
            && (words().document_nouns.contains(&noun_word.as_ref())
                || (words().message_nouns.contains(&noun_word.as_ref())
                    && head.and_then(|h| doc.tokens[h].analysis.as_ref()).is_some_and(|x| {
                        words().issuing_verbs.contains(&accord_lexicon::lowercase(&x.lemma).as_ref())
                    })))
        {
            if let Some(issuer) = head.filter(|&h| h < b).and_then(|h| parsed_subject(doc, h, sstart)) {
                subject = Some(issuer);
                speaker_override = Some(issuer);
            }
        }
    }
    // (after "told" the noun phrase is whom it was told to, no speaker)
    let tell = crate::content::addressee_verb(doc, cue.verb);
    if subject.is_none()
        && left_end > sstart + 1
        && doc.token_text(left_end - 1) == ","
        && (content_follows || tell || np_right(doc, cue.end, send, lex).is_none())
    {
        // "X, the state's campaign chairman, said ..." / "Trump, speaking to veterans, said ...": the subject
        // stands before an appositive or participial phrase set off by commas.
        let close = left_end - 1;
        let from = sstart.max(close.saturating_sub(16));
        let mut open = (from..close).rev().find(|&k| doc.token_text(k) == ",");
        // ("“...,” Jane Roe, senior vice president of fleet, finances and alliances, said": the apposition
        // holds a list; its comma nearest the cue opens no name, an earlier one after a name does)
        let propn =
            |a: usize, b: usize| (a..b).any(|k| doc.tokens[k].analysis.as_ref().is_some_and(|x| x.upos() == "PROPN"));
        if let Some(o) = open.filter(|&o| np_left(doc, sstart, o, lex).is_some_and(|(a, b)| !propn(a, b))) {
            let name_before = (from..o).rev().filter(|&k| doc.token_text(k) == ",").find(|&k| {
                np_left(doc, sstart, k, lex).is_some_and(|(a, b)| {
                    doc.tokens[b - 1].analysis.as_ref().is_some_and(|x| x.upos() == "PROPN")
                        && a > sstart
                        && doc.tokens[a - 1].kind == TokenKind::CloseQuote
                })
            });
            if let Some(k) = name_before.filter(|&k| {
                (k + 1..close).all(|j| {
                    doc.tokens[j].analysis.as_ref().is_none_or(|x| !matches!(x.upos(), "VERB" | "AUX"))
                        && doc.tokens[j].kind != TokenKind::OpenQuote
                })
            }) {
                open = Some(k);
            }
        }
        if let Some(first_open) = open {
            // (an apposition may hold commas of its own, "now 81 and retired in Cambridge, Mass.,", "then at
            // UBS, and Mr. Pruzan, at ...": an earlier comma opens the speaker when the nearest one opens none,
            // if what follows it holds no finite verb ("On Thursday, however, Trump spoke to ..., promising")
            // or the nearest comma only sets off a place's region)
            let region = close - first_open <= 3
                && (first_open + 1..close).all(|k| {
                    doc.tokens[k].analysis.as_ref().is_some_and(|x| x.upos() == "PROPN")
                        || doc.tokens[k].kind == TokenKind::Punct
                });
            let finite_after = |o: usize| (o + 1..close).any(|k| finite(doc, k));
            let earlier: Vec<usize> = (from..first_open)
                .rev()
                .filter(|&k| doc.token_text(k) == ",")
                .take(2)
                .take_while(|&k| region || !finite_after(k))
                .collect();
            let opens = std::iter::once(first_open).chain(earlier);
            for open in opens {
                let Some((a, _)) = np_left(doc, sstart, open, lex) else { continue };
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
                    appositive = true;
                    break;
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
            } else if let Some((a, b)) = np_right(doc, opening_phrase_end(doc, sstart, close, lex), close, lex) {
                speaker_override = Some((a, b));
                subject = Some((a, b));
            }
        }
    }
    // "Gingrich — mentioned by Newsmax as the leading choice — told ...": a phrase set off by dashes
    // describes the subject before it
    // (a hyphen spaced on both sides is a dash: "Deborah Reynolds - Santilli's girlfriend - told")
    let spaced = |k: usize| {
        k > 0
            && k + 1 < doc.tokens.len()
            && doc.tokens[k - 1].span.end < doc.tokens[k].span.start
            && doc.tokens[k].span.end < doc.tokens[k + 1].span.start
    };
    let dash = |k: usize| matches!(doc.token_text(k), "—" | "–" | "--") || (doc.token_text(k) == "-" && spaced(k));
    if subject.is_none() && left_end > sstart + 2 && dash(left_end - 1) {
        let from = sstart.max((left_end - 1).saturating_sub(30));
        if let Some(open) = (from..left_end - 1).rev().find(|&k| dash(k)) {
            // (the phrase must open the clause: not "interviews with chairs from 25 of the most vital counties —
            // counties that ... — revealed")
            // (a region after its place is no such phrase: "officials in Broward County, Florida — where ...
            // — announced")
            let region = |a: usize| {
                let span = doc.tokens[a].span;
                a > sstart + 1
                    && doc.tokens[a - 2].analysis.as_ref().is_some_and(|x| x.upos() == "PROPN")
                    && doc
                        .mentions
                        .iter()
                        .any(|m| m.span.contains(span) && m.etype == Some(accord_doc::EntityType::Gpe))
            };
            let opens_clause = |a: usize| {
                a == sstart
                    || doc.tokens[a - 1].kind == TokenKind::CloseQuote
                    || (doc.token_text(a - 1) == "," && !region(a))
                    || doc.tokens[a - 1].analysis.as_ref().is_some_and(|x| matches!(x.upos(), "CCONJ" | "SCONJ"))
            };
            if let Some((a, b)) = np_left(doc, sstart, open, lex).filter(|&(a, b)| b == open && opens_clause(a)) {
                speaker_override = Some((a, b));
                subject = Some((a, b));
            }
        }
    }
    // "X said ... titled “The Tragedy,” explaining, “...”": the comma before the participle is inside the
    // quotation that closes there; the participle shares the speaker of the sentence's previous cue
    // (or a dash stands before it: "... “there's nothing wrong with that” — asserting that ...")
    if subject.is_none()
        && doc.token_text(cue.verb).ends_with("ing")
        && left_end > sstart + 2
        && ((doc.tokens[left_end - 1].kind == TokenKind::CloseQuote && doc.token_text(left_end - 2) == ",")
            || matches!(doc.token_text(left_end - 1), "—" | "–" | "--"))
    {
        // (the outermost: not a cue inside another's content, "Starr said X reminds him of ...")
        let outer = in_sentence.iter().rev().copied().find(|&p| {
            atts[p].cue.is_some_and(|c| !in_sentence.iter().any(|&q| q != p && atts[q].content.contains(c)))
        });
        if let Some(sp) = outer.and_then(|p| atts[p].speaker) {
            let (a, b) = (doc.token_at_or_after(sp.start), doc.token_at_or_after(sp.end));
            speaker_override = Some((a, b));
            subject = Some((a, b));
        }
    }
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
    Subject { subject, speaker_override, appositive }
}
