//! # accord-events
//!
//! Codes political events in the PLOVER ontology: who did what to whom, where and when, with the evidence.
//! [`extract`] adds [`accord_doc::Event`]s to a parsed document. It reads the dependency parse (tokens'
//! upos/head/deprel), the mentions and entities, the dates and the attributions other stages made.
//!
//! How: every verb of a sentence, and every event noun ("talks", "attack") that is not the object of a
//! verb, is a candidate trigger ([`candidates`]). Its source is the clause's subject (the controller of
//! an infinitive, the agent of a passive, the noun a relative clause modifies), its target the object, the
//! passive subject or a prepositional object; the type comes from a learned linear model ([`model`]) over
//! lexical and parse features, among them the CAMEO verb dictionary's coding through the CAMEO→PLOVER
//! crosswalk and the PLOVER manual's event words ([`lexicon`]). A candidate becomes an event when the
//! lexicons know its trigger (or, for a sentence with none, when the model's best candidate has actors).
//! Actors are coded by country (ISO alpha-3, from names, nationality words and entity affiliations) and
//! sector (from agent nouns), named non-state and international actors by the Phoenix dictionaries.
//! Factuality comes from negation, modals, conditionals, proposal subjects and attribution; `background`
//! from past perfect, "since" clauses and dates well before the publication date.
//!
//! Position in the flow: segment → models → credits → entities → attribution → dates → quantities →
//! **events** (the last stage).

pub mod lexicon;
pub mod model;
pub mod target;

use accord_doc::{Doc, Event, EventActor, EventArg, Span};
use accord_lexicon::lowercase;
use lexicon::EventLexicon;
use std::borrow::Cow;

/// PLOVER event types accord codes, in a fixed order (the model's columns).
pub const TYPES: [&str; 15] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "YIELD",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// How much of a nominal an actor phrase takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// The head with its determiners, modifiers before it, compounds, conjuncts and "of" names.
    Short,
    /// Also its prepositional modifiers and clauses after it.
    Long,
    /// Also its appositions and the prepositional phrases right after it that the parse attached to its
    /// governor ("hit military positions | in X's Y region").
    Wide,
}

/// Source phrases take their prepositional modifiers (chosen on PLV train).
const LONG_SOURCE: Form = Form::Long;
/// Target phrases take their prepositional modifiers (chosen on PLV train).
const LONG_TARGET: Form = Form::Long;

/// An event with no one acted on takes its place as target (PLV's convention).
const PLACE_TARGETS: bool = false;

/// How much surer than of the lexicon's type the model must be to override a lexicon verb (CV on PLV).
const TRIGGER_MARGIN: f32 = 3.0;

/// Whether candidates carry the sentence's words as features (CV on PLV).
const BAG: bool = false;

/// Sentences longer than this (tokens) are skipped: parses of run-on text are not worth coding.
const MAX_SENTENCE_TOKENS: usize = 300;

/// What touches one sentence: the indices, in document order, of the mentions, dates and attributions
/// whose spans overlap it (or end or start at its edges). Every lookup of the events stage that asks
/// for one of those holding or inside a token or phrase of the sentence goes through these lists, so
/// that it costs the sentence, not the whole document (a 10 MB article has 100,000 mentions).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Near {
    mentions: Vec<usize>,
    dates: Vec<usize>,
    attributions: Vec<usize>,
    /// Attributions whose cue touches the sentence.
    cues: Vec<usize>,
}

impl Near {
    /// The lists of sentence `s` alone, by a pass over the document's layers.
    pub fn of_sentence(doc: &Doc, s: usize) -> Near {
        let sp = doc.sentences[s].span;
        let touch = |x: Span| x.start <= sp.end && x.end >= sp.start;
        Near {
            mentions: (0..doc.mentions.len()).filter(|&i| touch(doc.mentions[i].span)).collect(),
            dates: (0..doc.dates.len()).filter(|&i| touch(doc.dates[i].span)).collect(),
            attributions: (0..doc.attributions.len()).filter(|&i| touch(doc.attributions[i].content)).collect(),
            cues: (0..doc.attributions.len()).filter(|&i| doc.attributions[i].cue.is_some_and(touch)).collect(),
        }
    }

    /// The lists of every sentence, in one pass over each layer.
    pub fn of_document(doc: &Doc) -> Vec<Near> {
        let mut out = vec![Near::default(); doc.sentences.len()];
        let sents = &doc.sentences;
        let mut add = |x: Span, i: usize, pick: fn(&mut Near) -> &mut Vec<usize>| {
            let mut s = sents.partition_point(|t| t.span.end < x.start);
            while s < sents.len() && sents[s].span.start <= x.end {
                pick(&mut out[s]).push(i);
                s += 1;
            }
        };
        for (i, m) in doc.mentions.iter().enumerate() {
            add(m.span, i, |n| &mut n.mentions);
        }
        for (i, d) in doc.dates.iter().enumerate() {
            add(d.span, i, |n| &mut n.dates);
        }
        for (i, a) in doc.attributions.iter().enumerate() {
            add(a.content, i, |n| &mut n.attributions);
            if let Some(c) = a.cue {
                add(c, i, |n| &mut n.cues);
            }
        }
        out
    }
}

/// A dependency view of one sentence.
pub struct Tree<'a> {
    doc: &'a Doc,
    start: usize,
    end: usize,
    /// Children of each token, in text order: those of token `start + i` are
    /// `kids[first_kid[i]..first_kid[i + 1]]` (one allocation per sentence, not one per head).
    kids: Vec<usize>,
    first_kid: Vec<u32>,
    near: std::borrow::Cow<'a, Near>,
}

impl<'a> Tree<'a> {
    /// The tree of sentence `s` (children lists built once).
    pub fn new(doc: &'a Doc, s: usize) -> Tree<'a> {
        Tree::with_near(doc, s, std::borrow::Cow::Owned(Near::of_sentence(doc, s)))
    }

    /// [`Tree::new`] with what touches the sentence already known (from [`Near::of_document`]).
    pub fn with_near(doc: &'a Doc, s: usize, near: std::borrow::Cow<'a, Near>) -> Tree<'a> {
        let r = doc.sentences[s].tokens.clone();
        let head = |i: usize| {
            doc.tokens[i].analysis.as_ref().and_then(|a| a.head()).filter(|&h| h >= r.start && h < r.end && h != i)
        };
        // counts, then offsets, then the children in text order
        let mut first_kid = vec![0u32; r.len() + 1];
        for i in r.clone() {
            if let Some(h) = head(i) {
                first_kid[h - r.start + 1] += 1;
            }
        }
        for i in 1..first_kid.len() {
            first_kid[i] += first_kid[i - 1];
        }
        let mut next: Vec<u32> = first_kid[..r.len()].to_vec();
        let mut kids = vec![0usize; first_kid[r.len()] as usize];
        for i in r.clone() {
            if let Some(h) = head(i) {
                kids[next[h - r.start] as usize] = i;
                next[h - r.start] += 1;
            }
        }
        Tree { doc, start: r.start, end: r.end, kids, first_kid, near }
    }
    /// Indices of the mentions touching the sentence, in document order.
    fn mention_ids(&self) -> impl Iterator<Item = usize> + '_ {
        self.near.mentions.iter().copied()
    }
    /// The mentions touching the sentence, in document order.
    fn mentions(&self) -> impl Iterator<Item = &'a accord_doc::Mention> + '_ {
        let doc = self.doc;
        self.near.mentions.iter().map(move |&i| &doc.mentions[i])
    }
    fn a(&self, i: usize) -> Option<&accord_doc::Analysis> {
        self.doc.tokens[i].analysis.as_ref()
    }
    /// Lemma of token `i` ("" without analysis).
    pub fn lemma(&self, i: usize) -> &str {
        self.a(i).map(|a| a.lemma.as_ref()).unwrap_or("")
    }
    /// UPOS of token `i`.
    pub fn upos(&self, i: usize) -> &'static str {
        self.a(i).map(|a| a.upos()).unwrap_or("")
    }
    fn xpos(&self, i: usize) -> &'static str {
        self.a(i).map(|a| a.xpos()).unwrap_or("")
    }
    /// Relation of token `i` to its head.
    pub fn deprel(&self, i: usize) -> &'static str {
        self.a(i).map(|a| a.deprel()).unwrap_or("")
    }
    /// Head of token `i` inside the sentence.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.a(i).and_then(|a| a.head()).filter(|&h| h >= self.start && h < self.end && h != i)
    }
    /// Children of token `i`, in text order.
    pub fn kids(&self, i: usize) -> &[usize] {
        let i = i - self.start;
        &self.kids[self.first_kid[i] as usize..self.first_kid[i + 1] as usize]
    }
    fn kid(&self, i: usize, rels: &[&str]) -> Option<usize> {
        self.kids(i).iter().copied().find(|&k| rels.contains(&self.deprel(k)))
    }
    fn text(&self, i: usize) -> &str {
        self.doc.token_text(i)
    }
    /// Case marker (preposition) of a nominal, lower case.
    fn case(&self, i: usize) -> Option<Cow<'_, str>> {
        self.kids(i).iter().find(|&&k| self.deprel(k) == "case").map(|&k| lowercase(self.lemma(k)))
    }
    fn subtree(&self, i: usize, out: &mut Vec<usize>, depth: usize) {
        out.push(i);
        if depth > 60 {
            return;
        }
        for &k in self.kids(i) {
            self.subtree(k, out, depth + 1);
        }
    }
    fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut cur = Some(i);
        let mut n = 0;
        std::iter::from_fn(move || {
            let c = cur?;
            n += 1;
            cur = if n > 60 { None } else { self.head(c) };
            Some(c)
        })
    }
}

fn is_verbal(t: &Tree, i: usize) -> bool {
    t.upos(i) == "VERB"
}

/// One candidate trigger with its arguments and features.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Sentence index.
    pub sentence: usize,
    /// Trigger token.
    pub token: usize,
    /// True for an event noun.
    pub nominal: bool,
    /// Head token of the source phrase.
    pub source: Option<usize>,
    /// Head token of the target phrase.
    pub target: Option<usize>,
    /// Event noun the verb governs ("had talks"), if any.
    pub noun: Option<usize>,
    /// Lexicon codings that fired: (type, CAMEO, mode), most specific first.
    pub codings: Vec<lexicon::Coding>,
    /// True when a lexicon knows the trigger as an event word.
    pub known: bool,
    /// Model features.
    pub features: Vec<String>,
}

/// Support verbs whose event is their object's or complement's noun.
const LIGHT_VERBS: &[&str] = &[
    "have",
    "hold",
    "serve",
    "launch",
    "carry",
    "conduct",
    "stage",
    "participate",
    "engage",
    "make",
    "mount",
    "begin",
    "start",
    "continue",
    "resume",
    "join",
    "take",
    "open",
    "attend",
    "host",
    "step",
    "wage",
    "perpetrate",
    "commit",
];
const LIGHT_PREPS: &[&str] = &["in", "into", "on", "for", "to"];
const TARGET_PREPS: &[&str] = &["against", "with", "to", "on", "at", "from", "for", "into", "upon", "over", "of"];
const PROPOSAL_NOUNS: &[&str] =
    &["plan", "proposal", "deal", "draft", "initiative", "framework", "resolution", "bill", "offer", "blueprint"];
const PROPOSE_VERBS: &[&str] = &["propose", "suggest", "offer", "float", "envisage", "envision"];
const FUTURE_VERBS: &[&str] = &["plan", "expect", "intend", "schedule", "prepare", "aim", "hope"];
const PRONOUN_RELATIVES: &[&str] = &["which", "who", "that", "whom"];

/// Subject of verb `v`, following control, coordination and relative clauses.
fn subject(t: &Tree, v: usize, depth: usize) -> (Option<usize>, bool) {
    if depth > 8 {
        return (None, false);
    }
    if let Some(s) = t.kid(v, &["nsubj"]) {
        if PRONOUN_RELATIVES.contains(&t.lemma(s)) && t.deprel(v) == "acl:relcl" {
            return (t.head(v), false);
        }
        return (Some(s), false);
    }
    if let Some(s) = t.kid(v, &["nsubj:pass"]) {
        if PRONOUN_RELATIVES.contains(&t.lemma(s)) && t.deprel(v) == "acl:relcl" {
            return (t.head(v), true);
        }
        return (Some(s), true);
    }
    let Some(h) = t.head(v) else { return (None, false) };
    match t.deprel(v) {
        // object control: "require Hamas to release" → Hamas releases
        "xcomp" => match t.kid(h, &["obj"]).filter(|_| t.upos(h) == "VERB") {
            Some(o) => (Some(o), false),
            None => subject(t, h, depth + 1),
        },
        // an infinitive misattached as a purpose clause ("require Hamas to release") is controlled alike
        "advcl" if t.kids(v).iter().any(|&k| t.deprel(k) == "mark" && t.lemma(k) == "to") => {
            match t.kid(h, &["obj"]).filter(|&o| t.upos(h) == "VERB" && t.upos(o) == "PROPN") {
                Some(o) => (Some(o), false),
                None => subject(t, h, depth + 1),
            }
        }
        "conj" if t.upos(h) == "VERB" => subject(t, h, depth + 1),
        "acl:relcl" | "acl" => (Some(h), t.xpos(v) == "VBN"),
        _ => (None, false),
    }
}

fn obl_by_prep(t: &Tree, v: usize, preps: &[&str], rels: &[&str]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for &k in t.kids(v) {
        if !rels.contains(&t.deprel(k)) || !matches!(t.upos(k), "NOUN" | "PROPN" | "PRON") {
            continue;
        }
        if let Some(c) = t.case(k) {
            if let Some(rank) = preps.iter().position(|p| *p == c) {
                if best.is_none_or(|(r, _)| rank < r) {
                    best = Some((rank, k));
                }
            }
        }
    }
    best.map(|(_, k)| k)
}

/// True when the phrase headed by `h` can name an actor: a name, a pronoun for people or groups, an
/// entity mention, a nationality, or an agent/sector noun ("police", "rebels", "minister").
fn actor_like(doc: &Doc, t: &Tree, h: usize) -> bool {
    actor_like_with(t, h, || t.mentions().any(|m| m.span.contains(doc.tokens[h].span) && is_actor_type(m.etype)))
}

fn is_actor_type(e: Option<accord_doc::EntityType>) -> bool {
    use accord_doc::EntityType::*;
    matches!(e, Some(Person) | Some(Org) | Some(Gpe) | Some(Norp))
}

/// [`actor_like`] with the mention test given (`in_actor_mention`: whether a person, organisation, place or
/// nationality mention holds the token).
fn actor_like_with(t: &Tree, h: usize, in_actor_mention: impl FnOnce() -> bool) -> bool {
    let lex = EventLexicon::get();
    match t.upos(h) {
        "PROPN" => true,
        "PRON" => matches!(t.lemma(h), "he" | "she" | "they" | "we" | "i" | "you" | "who"),
        "NOUN" => {
            let l = lowercase(t.lemma(h));
            lex.sectors.contains_key(l.as_ref())
                || lex.sectors.contains_key(lowercase(t.text(h)).as_ref())
                || lex.iso3.contains_key(t.text(h))
                || in_actor_mention()
                || t.kids(h).iter().any(|&k| t.deprel(k) == "amod" && lex.iso3.contains_key(t.text(k)))
                || FUNCTION_NOUNS.contains(&l.as_ref())
        }
        _ => false,
    }
}

/// Per token of a document: the entity type of the first mention that holds it, and whether any mention
/// holding it names an actor; built once per document in one pass over the mentions.
pub(crate) struct TokenMentions {
    first: Vec<Option<accord_doc::EntityType>>,
    seen: Vec<bool>,
    actor: Vec<bool>,
}

impl TokenMentions {
    fn new(doc: &Doc) -> TokenMentions {
        let n = doc.tokens.len();
        let mut tm = TokenMentions { first: vec![None; n], seen: vec![false; n], actor: vec![false; n] };
        for m in &doc.mentions {
            let mut i = doc.token_at_or_after(m.span.start);
            while i < n && doc.tokens[i].span.end <= m.span.end {
                if doc.tokens[i].span.start >= m.span.start {
                    if !tm.seen[i] {
                        tm.seen[i] = true;
                        tm.first[i] = m.etype;
                    }
                    tm.actor[i] |= is_actor_type(m.etype);
                }
                i += 1;
            }
        }
        tm
    }
}

/// Nouns for people and bodies that act, beyond the sector lexicon.
const FUNCTION_NOUNS: &[&str] = &[
    "man",
    "woman",
    "people",
    "person",
    "group",
    "leader",
    "member",
    "country",
    "nation",
    "state",
    "side",
    "counterpart",
    "chief",
    "head",
    "agency",
    "organization",
    "organisation",
    "council",
    "committee",
    "commission",
    "board",
    "union",
    "coalition",
    "movement",
    "network",
    "administration",
    "ally",
    "neighbour",
    "neighbor",
    "critic",
];

/// The target among a verb's dependents: the indirect object, an object that can be an actor, else a
/// prepositional object that can be one, else the object.
fn pick_target(doc: &Doc, t: &Tree, v: usize, obj: Option<usize>, noun: Option<usize>, depth: usize) -> Option<usize> {
    if let Some(i) = t.kid(v, &["iobj"]) {
        return Some(i);
    }
    let obj = obj.filter(|&o| Some(o) != noun);
    if let Some(o) = obj.filter(|&o| actor_like(doc, t, o)) {
        return Some(o);
    }
    // "condemned Netanyahu's decision": the possessor of a thing is the one acted on
    if let Some(p) =
        obj.and_then(|o| t.kid(o, &["nmod:poss"])).filter(|&p| actor_like(doc, t, p) && t.upos(p) != "PRON")
    {
        return Some(p);
    }
    let mut obls: Vec<usize> = Vec::new();
    if let Some(o) = obj {
        obls.extend(obl_by_prep(t, o, TARGET_PREPS, &["nmod"]));
    }
    if let Some(n) = noun {
        obls.extend(obl_by_prep(t, n, TARGET_PREPS, &["nmod"]));
    }
    obls.extend(obl_by_prep(t, v, TARGET_PREPS, &["obl", "obl:arg"]).filter(|&o| Some(o) != noun));
    if let Some(o) = obls.iter().copied().find(|&o| actor_like(doc, t, o)) {
        return Some(o);
    }
    if let Some(o) = obj.or(obls.first().copied()) {
        return Some(o);
    }
    // "refused to provide aid to Saudi Arabia": the target of the complement
    if let Some(x) = t.kid(v, &["xcomp"]).filter(|_| depth < 2) {
        let xo = t.kid(x, &["obj"]);
        let xn = xo.filter(|&o| EventLexicon::get().trigger_nouns.contains_key(lowercase(t.lemma(o)).as_ref()));
        if let Some(o) = pick_target(doc, t, x, xo, xn, depth + 1) {
            return Some(o);
        }
    }
    // an event with no one acted on is coded against its place ("declared a state of siege in Pando")
    if !PLACE_TARGETS {
        return None;
    }
    [Some(v), noun].into_iter().flatten().find_map(|x| {
        t.kids(x).iter().copied().find(|&k| {
            t.deprel(k).starts_with("obl")
                && t.case(k).as_deref() == Some("in")
                && t.mentions().any(|m| {
                    m.span.contains(doc.tokens[k].span)
                        && matches!(m.etype, Some(accord_doc::EntityType::Gpe) | Some(accord_doc::EntityType::Loc))
                })
        })
    })
}

/// Candidate triggers of sentence `s`, with their arguments and model features.
pub fn candidates(doc: &Doc, s: usize) -> Vec<Candidate> {
    if !worth_coding(doc, s) {
        return Vec::new();
    }
    candidates_in(doc, s, &Tree::new(doc, s))
}

/// False for a sentence the stage skips: empty, too long, or not analysed.
fn worth_coding(doc: &Doc, s: usize) -> bool {
    let sent = &doc.sentences[s];
    !(sent.tokens.len() > MAX_SENTENCE_TOKENS || sent.tokens.is_empty())
        && doc.tokens[sent.tokens.start].analysis.is_some()
}

/// The concatenation of `parts` (a feature), allocated once at its size.
fn cat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// `true` or `false`, as `{}` writes a bool.
fn yes_no(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// [`candidates`] of sentence `s` with its tree `t`.
fn candidates_in(doc: &Doc, s: usize, t: &Tree) -> Vec<Candidate> {
    let sent = &doc.sentences[s];
    let lex = EventLexicon::get();
    let facts = accord_facts::lexicon::Lexicons::get();
    let mut bag: Vec<String> = Vec::new();
    for i in sent.tokens.clone().filter(|_| BAG) {
        if matches!(t.upos(i), "NOUN" | "VERB" | "ADJ") {
            bag.push(format!("w={}", t.lemma(i)));
        }
    }
    bag.sort();
    bag.dedup();
    let mut out = Vec::new();
    let mut absorbed = Vec::new();
    // reporting verbs report events; they are not events themselves
    let cues: Vec<Span> = t.near.cues.iter().filter_map(|&i| doc.attributions[i].cue).collect();
    // the words of a verb's dependents that its lexicon patterns are matched against (reused)
    let mut words: Vec<Cow<str>> = Vec::new();
    for v in sent.tokens.clone() {
        if !is_verbal(t, v) {
            continue;
        }
        let lemma = lowercase(t.lemma(v));
        let speech = matches!(facts.cue(&lemma), Some(accord_facts::lexicon::CueClass::Speech));
        if speech && cues.iter().any(|c| c.contains(doc.tokens[v].span)) {
            continue;
        }
        let prt = t.kid(v, &["compound:prt"]).map(|p| lowercase(t.lemma(p)));
        let (subj, passive) = subject(t, v, 0);
        let obj = t.kid(v, &["obj"]);
        // sized for most verbs: growing it costs more than the features
        let mut f: Vec<String> = Vec::with_capacity(16);
        f.extend(["b".into(), cat(&["l=", &lemma]), cat(&["rel=", t.deprel(v)])]);
        if let Some(p) = &prt {
            f.push(cat(&["lp=", &lemma, " ", p]));
        }
        // the event noun the verb governs ("had talks", "launched the attack", "took part in talks")
        let mut noun = obj.filter(|&o| lex.trigger_nouns.contains_key(lowercase(t.lemma(o)).as_ref()));
        if noun.is_none() && obj.is_none() {
            noun = obl_by_prep(t, v, LIGHT_PREPS, &["obl"])
                .filter(|&o| lex.trigger_nouns.contains_key(lowercase(t.lemma(o)).as_ref()));
        }
        if noun.is_none() && lemma == "serve" {
            noun = t.kids(v).iter().copied().find(|&k| {
                t.deprel(k).starts_with("obl")
                    && t.case(k).as_deref() == Some("as")
                    && lex.trigger_nouns.contains_key(lowercase(t.lemma(k)).as_ref())
            });
        }
        if let Some(n) = noun {
            absorbed.push(n);
        }
        // arguments
        let (source, target) = if passive {
            (
                t.kids(v).iter().copied().find(|&k| t.deprel(k) == "obl:agent" || t.case(k).as_deref() == Some("by")),
                subj,
            )
        } else {
            (subj, pick_target(doc, t, v, obj, noun, 0))
        };
        if let Some(o) = obj {
            let ol = lowercase(t.lemma(o));
            f.push(cat(&["o=", &ol]));
            f.push(cat(&["lo=", &lemma, "|", &ol]));
        }
        for &k in t.kids(v) {
            if t.deprel(k).starts_with("obl") {
                let c = t.case(k).unwrap_or_default();
                f.push(cat(&["lpp=", &lemma, "|", &c]));
                f.push(cat(&["po=", &c, "|", &lowercase(t.lemma(k))]));
            }
            if matches!(t.deprel(k), "xcomp" | "ccomp") {
                f.push(cat(&["x=", t.lemma(k)]));
                f.push(cat(&["lx=", &lemma, "|", t.lemma(k)]));
            }
            if t.lemma(k) == "not" || t.deprel(k) == "neg" {
                f.push("neg".into());
            }
        }
        if let Some(h) = t.head(v) {
            f.push(cat(&["h=", t.deprel(v), "|", t.lemma(h)]));
        }
        f.push(cat(&["src=", yes_no(source.is_some())]));
        if passive {
            f.push("pass".into());
        }
        if speech {
            f.push("cue".into());
        }
        // lexicons
        let mut codings = Vec::new();
        let key = match &prt {
            Some(p) => Cow::Owned(cat(&[&lemma, " ", p])),
            None => Cow::Borrowed(lemma.as_ref()),
        };
        let mut known = false;
        for verb in [key.as_ref(), lemma.as_ref()] {
            if let Some(pats) = lex.verb_patterns.get(verb) {
                words.clear();
                for &k in t.kids(v) {
                    words.push(lowercase(t.lemma(k)));
                    words.push(lowercase(t.text(k)));
                    if let Some(c) = t.case(k) {
                        words.push(c);
                    }
                }
                for (pat, c) in pats {
                    if pat.iter().all(|p| words.iter().any(|w| w == p)) {
                        f.push(cat(&["dp=", TYPES[c.ty]]));
                        codings.push(c.clone());
                    }
                }
            }
            if let Some(c) = lex.verb_default.get(verb) {
                f.push(cat(&["dd=", TYPES[c.ty]]));
                codings.push(c.clone());
                known = true;
            }
        }
        if !codings.is_empty() {
            known = true;
        }
        if let Some(&ty) = lex.trigger_verbs.get(lemma.as_ref()) {
            f.push(cat(&["tv=", TYPES[ty]]));
            known = true;
        }
        if let Some(n) = noun {
            let nl = lowercase(t.lemma(n));
            f.push(cat(&["n=", &nl]));
            if let Some(&ty) = lex.trigger_nouns.get(nl.as_ref()) {
                f.push(cat(&["tn=", TYPES[ty]]));
            }
            known = true;
        }
        if speech && noun.is_none() {
            known = false;
        }
        if BAG {
            f.extend(bag.iter().cloned());
        }
        out.push(Candidate {
            sentence: s,
            token: v,
            nominal: false,
            source,
            target,
            noun,
            codings,
            known,
            features: f,
        });
    }
    // event nouns not governed by a verb candidate
    for n in sent.tokens.clone() {
        if t.upos(n) != "NOUN" || absorbed.contains(&n) {
            continue;
        }
        let nl = lowercase(t.lemma(n));
        let Some(&ty) = lex.trigger_nouns.get(nl.as_ref()) else { continue };
        let mut source = t.kid(n, &["nmod:poss"]).filter(|&k| t.upos(k) != "PRON" || t.lemma(k) != "its");
        let mut target = obl_by_prep(t, n, TARGET_PREPS, &["nmod"]);
        if let Some(b) =
            t.kids(n).iter().copied().find(|&k| t.deprel(k) == "nmod" && t.case(k).as_deref() == Some("between"))
        {
            source = Some(b);
            target = t.kid(b, &["conj"]);
        }
        if source.is_none() {
            source = t.kids(n).iter().copied().find(|&k| t.deprel(k) == "nmod" && t.case(k).as_deref() == Some("by"));
        }
        if source.is_none() {
            // "Israeli attack", "US officials' talks": a nationality adjective or a name compound
            source = t
                .kids(n)
                .iter()
                .copied()
                .find(|&k| matches!(t.deprel(k), "amod" | "compound") && lex.iso3.contains_key(t.text(k)));
        }
        let mut f: Vec<String> =
            vec!["b".into(), cat(&["n=", &nl]), cat(&["tn=", TYPES[ty]]), cat(&["nrel=", t.deprel(n)])];
        f.push(cat(&["src=", yes_no(source.is_some())]));
        f.push(cat(&["tgt=", yes_no(target.is_some())]));
        f.push("nominal".into());
        if BAG {
            f.extend(bag.iter().cloned());
        }
        out.push(Candidate {
            sentence: s,
            token: n,
            nominal: true,
            source,
            target,
            noun: Some(n),
            codings: Vec::new(),
            known: true,
            features: f,
        });
    }
    out
}

/// Token range of the phrase headed by `h`: the head with its determiners, modifiers, possessors,
/// compounds, flat names, appositive names and coordinated phrases (each with its whole subtree); with
/// `long`, also its prepositional modifiers and reduced relatives ("dozens of activists in Yerevan").
/// Never its relative clauses.
pub fn phrase(t: &Tree, h: usize, long: bool) -> (usize, usize) {
    let mut lo = h;
    let mut hi = h;
    for &k in t.kids(h) {
        let rel = t.deprel(k);
        let take = match rel {
            "det" | "amod" | "compound" | "nmod:poss" | "flat" | "nummod" | "det:poss" | "conj" | "cc" => true,
            "nmod" => k > h && (long || t.case(k).as_deref() == Some("of") && t.upos(k) == "PROPN"),
            "acl" => long && k > h,
            "appos" => k > h && t.upos(k) == "PROPN",
            "advmod" => k < h,
            _ => false,
        };
        if take {
            spread(t, k, 0, &mut lo, &mut hi);
        }
    }
    // a date inside ("Mbeki Tuesday") ends the phrase
    let ts = t.doc.tokens[h].span;
    for d in t.near.dates.iter().map(|&i| &t.doc.dates[i]) {
        let (ds, de) = (d.span.start, d.span.end);
        if ds >= ts.end && ds < t.doc.tokens[hi].span.end {
            while hi > h && t.doc.tokens[hi].span.start >= ds {
                hi -= 1;
            }
        }
        if de <= ts.start && de > t.doc.tokens[lo].span.start {
            while lo < h && t.doc.tokens[lo].span.end <= de {
                lo += 1;
            }
        }
    }
    // a comma or quote at the edge is not part of the phrase, nor the "and" of a second conjunct
    while hi > lo && matches!(t.upos(hi), "PUNCT" | "ADP" | "CCONJ") {
        hi -= 1;
    }
    while lo < hi && matches!(t.upos(lo), "PUNCT" | "CCONJ") {
        lo += 1;
    }
    (lo, hi)
}

/// Widens `lo..=hi` to token `x` and its subtree (depth `d` below a phrase's head's dependent, 40 at most),
/// relative clauses and parataxis left out.
fn spread(t: &Tree, x: usize, d: usize, lo: &mut usize, hi: &mut usize) {
    *lo = (*lo).min(x);
    *hi = (*hi).max(x);
    if d > 40 {
        return;
    }
    for &k in t.kids(x) {
        if !matches!(t.deprel(k), "acl:relcl" | "parataxis") {
            spread(t, k, d + 1, lo, hi);
        }
    }
}

/// The phrase headed by `h` in the given form (token range, end inclusive).
pub fn phrase_form(t: &Tree, h: usize, form: Form) -> (usize, usize) {
    let long = phrase(t, h, form != Form::Short);
    if form != Form::Wide {
        return long;
    }
    widen(t, h, long)
}

/// The wide phrase headed by `h` from its long phrase `long` ([`phrase_form`] with [`Form::Wide`]).
pub(crate) fn widen(t: &Tree, h: usize, long: (usize, usize)) -> (usize, usize) {
    let (lo, mut hi) = long;
    let mut sub = Vec::new();
    let extent = |k: usize, sub: &mut Vec<usize>| {
        sub.clear();
        t.subtree(k, sub, 0);
        let lo = sub.iter().copied().min().unwrap_or(k);
        let hi = sub.iter().copied().max().unwrap_or(k);
        (lo, hi)
    };
    for &k in t.kids(h) {
        if t.deprel(k) == "appos" && k > h {
            hi = hi.max(extent(k, &mut sub).1);
        }
    }
    // prepositional phrases attached to the governor that follow the phrase directly, a date excepted
    if let Some(g) = t.head(h) {
        'grow: for _ in 0..3 {
            for &k in t.kids(g) {
                if k > hi
                    && (t.deprel(k).starts_with("obl") || t.deprel(k).starts_with("nmod"))
                    && t.deprel(k) != "obl:tmod"
                    && t.case(k).is_some()
                {
                    let (klo, khi) = extent(k, &mut sub);
                    let ks = t.doc.tokens[k].span;
                    let dated = t.near.dates.iter().any(|&d| t.doc.dates[d].span.overlap(ks) > 0);
                    if klo == hi + 1 && !dated {
                        hi = khi;
                        continue 'grow;
                    }
                }
            }
            break;
        }
    }
    while hi > lo && matches!(t.upos(hi), "PUNCT" | "ADP" | "CCONJ") {
        hi -= 1;
    }
    (lo, hi)
}

fn parse_code(code: &str, lex: &EventLexicon) -> (Option<String>, Option<String>) {
    if code.len() < 3 || !code.is_char_boundary(3) {
        return (None, None);
    }
    let first = &code[..3];
    let is_country = lex.iso3.values().any(|v| *v == first);
    if is_country {
        let sector = code.get(3..6).map(str::to_string);
        (Some(first.to_string()), sector)
    } else {
        (None, Some(first.to_string()))
    }
}

/// `s` lower-cased (as `str::to_lowercase` does) into `buf`, reused: no allocation for ASCII text.
fn lower_into<'b>(s: &str, buf: &'b mut String) -> &'b str {
    if s.is_ascii() {
        buf.clear();
        buf.push_str(s);
        buf.make_ascii_lowercase();
    } else {
        *buf = s.to_lowercase();
    }
    buf
}

/// Codes the actor headed by token `h` spanning tokens `lo..=hi`.
fn code_actor(doc: &Doc, t: &Tree, h: usize, lo: usize, hi: usize) -> EventActor {
    let lex = EventLexicon::get();
    let facts = accord_facts::lexicon::Lexicons::get();
    let span = Span::new(doc.tokens[lo].span.start, doc.tokens[hi].span.end);
    let mut a = EventActor { span, ..Default::default() };
    // a phrase whose head names no actor ("the Israel-Hamas ceasefire", "the release of American
    // hostages") is no actor, whatever names its modifiers hold: no entity, no code
    if !actor_like(doc, t, h) && !lex.iso3.contains_key(t.text(h)) {
        return a;
    }
    // entity: the mention holding the head, else any mention inside the phrase
    let hs = doc.tokens[h].span;
    let m = t
        .mention_ids()
        .find(|&m| doc.mentions[m].span.contains(hs))
        .or_else(|| t.mention_ids().find(|&m| span.contains(doc.mentions[m].span)));
    if let Some(m) = m {
        a.entity = doc.mentions[m].entity;
    }
    // named actors and countries from the words of the phrase (longest first)
    let words: Vec<usize> = (lo..=hi).filter(|&i| !matches!(t.upos(i), "DET" | "PUNCT")).collect();
    let mut lower = String::new();
    'outer: for n in (1..=lex.actor_max_words.min(words.len()).min(6)).rev() {
        for w in words.windows(n) {
            if w.windows(2).any(|p| p[1] != p[0] + 1) {
                continue;
            }
            let s = doc.slice(Span::new(doc.tokens[w[0]].span.start, doc.tokens[w[n - 1]].span.end));
            if let Some(code) = lex.actors.get(lower_into(s, &mut lower)).filter(|_| n > 1 || s.len() > 2) {
                let (c, sec) = parse_code(code, lex);
                a.country = c;
                a.sector = sec;
                a.named = Some(s.to_string());
                break 'outer;
            }
        }
    }
    if a.country.is_none() {
        for n in (1..=3.min(words.len())).rev() {
            for w in words.windows(n) {
                let s = doc.slice(Span::new(doc.tokens[w[0]].span.start, doc.tokens[w[n - 1]].span.end));
                if let Some(iso) = lex.iso3.get(s) {
                    a.country = Some(iso.to_string());
                } else if let Some(k) = facts.known_name(s) {
                    a.country = k.affiliation.as_deref().and_then(|c| lex.country(c)).map(str::to_string);
                }
                if a.country.is_some() {
                    break;
                }
            }
            if a.country.is_some() {
                break;
            }
        }
    }
    if let Some(e) = a.entity.and_then(|e| doc.entities.get(e)) {
        if a.named.is_none() {
            if let Some(code) = lex.actors.get(lowercase(&e.name).as_ref()) {
                let (c, sec) = parse_code(code, lex);
                a.country = a.country.take().or(c);
                a.sector = sec;
                a.named = Some(e.name.clone());
            }
        }
        if a.country.is_none() {
            a.country = lex
                .country(&e.name)
                .or_else(|| e.affiliation.as_deref().and_then(|c| lex.country(c)))
                .map(str::to_string);
        }
    }
    if a.sector.is_none() {
        let hl = lowercase(t.lemma(h));
        let ht = lowercase(t.text(h));
        a.sector = lex
            .sectors
            .get(ht.as_ref())
            .or_else(|| lex.sectors.get(hl.as_ref()))
            .or_else(|| words.iter().rev().find_map(|&i| lex.sectors.get(lowercase(t.lemma(i)).as_ref())))
            .map(|s| s.to_string());
    }
    if a.sector.is_none() && a.country.is_some() && a.named.is_none() {
        // a country named as an actor is its government (PLOVER/Phoenix convention); an organisation
        // the gazetteer ties to a country (the White House) is one of its government bodies
        let etype = a.entity.and_then(|e| doc.entities.get(e)).map(|e| e.etype);
        if matches!(etype, Some(accord_doc::EntityType::Gpe) | Some(accord_doc::EntityType::Org))
            || t.upos(h) == "PROPN"
        {
            a.sector = Some("GOV".into());
        }
    }
    a
}

/// The source or target slot headed by `h`: the whole phrase and each coordinated actor.
fn slot(doc: &Doc, t: &Tree, h: usize, form: Form) -> EventArg {
    let (mut lo, hi) = phrase_form(t, h, form);
    let lex = EventLexicon::get();
    // "Egyptian and Qatari intermediaries" when the parse broke the coordination: nationality words
    // coordinated right before the phrase belong to it
    let mut left_adjs = Vec::new();
    while lo >= t.start + 2
        && lex.iso3.contains_key(t.text(lo))
        && matches!(t.text(lo - 1), "and" | ",")
        && lex.iso3.contains_key(t.text(lo - 2))
    {
        left_adjs.push(lo - 2);
        lo -= 2;
    }
    let span = Span::new(doc.tokens[lo].span.start, doc.tokens[hi].span.end);
    let conjs: Vec<usize> = t.kids(h).iter().copied().filter(|&k| t.deprel(k) == "conj").collect();
    // "Egyptian and Qatari mediators": coordinated nationality adjectives name one actor each
    let mut adjs: Vec<usize> = t
        .kids(h)
        .iter()
        .copied()
        .filter(|&k| matches!(t.deprel(k), "amod" | "compound") && lex.iso3.contains_key(t.text(k)))
        .flat_map(|k| std::iter::once(k).chain(t.kids(k).iter().copied().filter(|&c| t.deprel(c) == "conj")))
        .filter(|&k| lex.iso3.contains_key(t.text(k)))
        .collect();
    adjs.extend(left_adjs);
    adjs.sort();
    adjs.dedup();
    // sized exactly: most slots have one actor, and a Vec grown from empty holds four (416 bytes)
    let mut actors = Vec::with_capacity(if adjs.len() > 1 { adjs.len() } else { 1 + conjs.len() });
    if adjs.len() > 1 {
        for &k in &adjs {
            let mut a = code_actor(doc, t, h, lo, hi);
            a.span = doc.tokens[k].span;
            a.country = lex.iso3.get(t.text(k)).map(|s| s.to_string());
            a.entity = t.mentions().find(|m| m.span.contains(doc.tokens[k].span)).and_then(|m| m.entity);
            actors.push(a);
        }
    } else {
        let head_hi = conjs.first().map(|&c| phrase(t, c, false).0.saturating_sub(1)).unwrap_or(hi).max(h);
        let mut hh = head_hi;
        while hh > h && matches!(t.upos(hh), "PUNCT" | "CCONJ") {
            hh -= 1;
        }
        actors.push(code_actor(doc, t, h, lo, hh));
        for &c in &conjs {
            let (clo, chi) = phrase(t, c, false);
            actors.push(code_actor(doc, t, c, clo, chi));
        }
    }
    EventArg { span, actors }
}

fn date_of(doc: &Doc, t: &Tree, trig: usize) -> Option<usize> {
    if t.near.dates.is_empty() {
        return None;
    }
    let mut sub = Vec::new();
    t.subtree(trig, &mut sub, 0);
    // not inside another clause of the trigger
    let spans: Vec<Span> = sub.iter().map(|&i| doc.tokens[i].span).collect();
    let ts = doc.tokens[trig].span;
    t.near
        .dates
        .iter()
        .map(|&i| (i, &doc.dates[i]))
        .filter(|(_, d)| spans.iter().any(|s| d.span.contains(*s)))
        .min_by_key(|(_, d)| d.span.start.abs_diff(ts.start))
        .map(|(i, _)| i)
}

fn location_of(doc: &Doc, t: &Tree, trig: usize) -> Option<(Span, Option<usize>, Option<String>)> {
    let lex = EventLexicon::get();
    let facts = accord_facts::lexicon::Lexicons::get();
    for &k in t.kids(trig) {
        if !matches!(t.deprel(k), "obl" | "nmod") || !matches!(t.case(k).as_deref(), Some("in" | "at" | "near")) {
            continue;
        }
        let mut sub = Vec::new();
        t.subtree(k, &mut sub, 0);
        let (lo, hi) = (*sub.iter().min()?, *sub.iter().max()?);
        let span = Span::new(doc.tokens[lo].span.start, doc.tokens[hi].span.end);
        let m = t.mentions().filter(|m| span.contains(m.span)).find(|m| {
            matches!(m.etype, Some(accord_doc::EntityType::Gpe) | Some(accord_doc::EntityType::Loc))
                && m.kind == accord_doc::MentionKind::Name
        });
        // "in the Qatari capital Doha" when the name fell out of the phrase: the name right after it
        let m = m.or_else(|| {
            let next = hi + 1;
            (next < t.end && t.upos(next) == "PROPN")
                .then(|| {
                    t.mentions().find(|m| {
                        m.span.contains(doc.tokens[next].span)
                            && matches!(m.etype, Some(accord_doc::EntityType::Gpe) | Some(accord_doc::EntityType::Loc))
                    })
                })
                .flatten()
        });
        if let Some(m) = m {
            let name = doc.slice(m.head_span);
            let country = lex
                .iso3
                .get(name)
                .copied()
                .or_else(|| facts.known_name(name).and_then(|k| k.affiliation.as_deref().and_then(|c| lex.country(c))))
                .map(str::to_string);
            return Some((m.span, m.entity, country));
        }
    }
    None
}

fn factuality(doc: &Doc, t: &Tree, trig: usize, attribution: bool) -> &'static str {
    let neg = |x: usize| {
        t.kids(x).iter().any(|&k| {
            matches!(t.lemma(k), "not" | "never") && matches!(t.deprel(k), "advmod" | "neg")
                || (matches!(t.deprel(k), "obj" | "nsubj:pass" | "nsubj")
                    && t.kids(k).iter().any(|&d| t.deprel(d) == "det" && t.lemma(d) == "no"))
        })
    };
    // the clause chain from the trigger up to its first finite governing clause
    let mut chain: Vec<usize> = Vec::new();
    for x in t.ancestors(trig) {
        chain.push(x);
        if x != trig && matches!(t.deprel(x), "ccomp" | "parataxis" | "root") || x == trig && t.deprel(x) == "root" {
            break;
        }
        if x != trig && matches!(t.deprel(x), "ccomp") {
            break;
        }
    }
    let top = t.ancestors(trig).take(chain.len() + 1).last().unwrap_or(trig);
    let clause: Vec<usize> =
        if t.deprel(trig) == "xcomp" || t.upos(trig) == "NOUN" { chain.clone() } else { vec![trig] };
    let _ = top;
    if clause.iter().any(|&x| neg(x)) || (t.upos(trig) == "NOUN" && t.kids(trig).iter().any(|&d| t.lemma(d) == "no")) {
        return "negated";
    }
    for &x in &chain {
        if let Some(s) = t.kid(x, &["nsubj"]) {
            if PROPOSAL_NOUNS.contains(&t.lemma(s)) {
                return "proposed";
            }
        }
        if x != trig && PROPOSE_VERBS.contains(&t.lemma(x)) {
            return "proposed";
        }
    }
    let aux = |x: usize, words: &[&str]| t.kids(x).iter().any(|&k| t.deprel(k) == "aux" && words.contains(&t.lemma(k)));
    for &x in &chain {
        if t.kids(x).iter().any(|&k| t.deprel(k) == "mark" && matches!(t.lemma(k), "if" | "unless")) {
            return "hypothetical";
        }
    }
    if clause.iter().any(|&x| aux(x, &["would", "could", "might", "may", "should"])) {
        return "hypothetical";
    }
    if clause.iter().any(|&x| aux(x, &["will", "shall"]))
        || chain.iter().skip(1).any(|&x| FUTURE_VERBS.contains(&t.lemma(x)))
    {
        return "future";
    }
    let _ = doc;
    if attribution {
        "reported"
    } else {
        "asserted"
    }
}

/// Days from 0000-03-01 of an ISO date prefix (YYYY, YYYY-MM, YYYY-MM-DD): the start of that period.
fn days(iso: &str) -> Option<i64> {
    let mut p = iso.split('-');
    let y: i64 = p.next()?.parse().ok()?;
    let m: i64 = p.next().and_then(|m| m.parse().ok()).unwrap_or(1);
    let d: i64 = p.next().and_then(|d| d.get(..2).unwrap_or(d).parse().ok()).unwrap_or(1);
    if !(1..=12).contains(&m) {
        return None;
    }
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d - 1)
}

fn background(doc: &Doc, t: &Tree, trig: usize, date: Option<usize>) -> bool {
    if let (Some(d), Some(pub_date)) = (date, doc.meta.date.as_deref()) {
        let dm = &doc.dates[d];
        if !dm.relative {
            // the end of the event's period is well before the publication date
            if let (Some(a), Some(b)) = (days(&dm.value), days(pub_date)) {
                let len = match dm.value.len() {
                    4 => 365,
                    7 => 31,
                    _ => 1,
                };
                if a + len < b - 60 {
                    return true;
                }
            }
        }
    }
    let chain: Vec<usize> = t.ancestors(trig).take(4).collect();
    // past perfect ("had launched") and "since" clauses describe what came before the news
    chain
        .iter()
        .take(1)
        .any(|&x| t.kids(x).iter().any(|&k| t.deprel(k) == "aux" && t.text(k).eq_ignore_ascii_case("had")))
        || chain.iter().take(2).any(|&x| {
            t.kids(x).iter().any(|&k| t.deprel(k) == "mark" && t.lemma(k) == "since")
                && matches!(t.xpos(x), "VBD" | "VBN")
        })
}

/// The `events` stage.
pub const EVENTS_INFO: accord_doc::StageInfo = accord_doc::StageInfo {
    name: "events",
    reads: &["tokens", "sentences", "mentions", "entities", "attributions", "dates"],
    adds: &["events"],
    about: "political events coded in PLOVER: type, actors with codes, place, date, source and factuality",
};

/// The `events` stage ([`extract`] over each document).
pub static EVENTS: accord_doc::FnStage = accord_doc::FnStage::new(&EVENTS_INFO, extract);

/// Adds the events layer to a parsed document (needs the models, entities, attribution and dates layers
/// for full output; without a parse it adds nothing).
pub fn extract(doc: &mut Doc) {
    extract_with(doc, model::Model::shipped(), shipped_targets(), None)
}

/// The shipped target model (the `@` lines of `models/events.tsv`).
pub fn shipped_targets() -> &'static target::TargetModel {
    static M: std::sync::OnceLock<target::TargetModel> = std::sync::OnceLock::new();
    M.get_or_init(|| target::TargetModel::parse(include_str!("../models/events.tsv")))
}

/// One recorded target option: the phrase's byte span (`None` for "no target") and its features.
pub type RecordedOption = (Option<(usize, usize)>, Vec<String>);

/// The target options of one coded event, for training the target model: the event's confidence and, per
/// option, its span (bytes) and features.
#[derive(Clone, Debug)]
pub struct TargetRecord {
    /// The event's confidence (the scored event of a sentence is the most confident).
    pub confidence: f32,
    /// Per option: the phrase's byte span (`None` for "no target") and the features.
    pub options: Vec<RecordedOption>,
}

/// [`extract`] with given type and target models (cross-validation trains them per fold); with `record`,
/// the target options of each event are pushed there, in event order before coreference.
pub fn extract_with(
    doc: &mut Doc,
    model: &model::Model,
    targets: &target::TargetModel,
    mut record: Option<&mut Vec<TargetRecord>>,
) {
    let mut events: Vec<Event> = Vec::new();
    // whether each event is expressed by an event noun (antecedents for "the talks")
    let mut nounal: Vec<bool> = Vec::new();
    // whether each event is a definite event noun ("the talks"), which refers back when it has no source
    let mut definite: Vec<bool> = Vec::new();
    let tm = TokenMentions::new(doc);
    let near = Near::of_document(doc);
    let mut option_cache = target::OptionCache::default();
    for (s, near) in near.iter().enumerate() {
        // (a dateline opens a sentence of the story: "MOSCOW -- A Russian court has charged ...")
        let sp = doc.sentences[s].span;
        if doc.credits.iter().any(|c| c.span.overlap(sp) > 0 && (c.kind != "dateline" || c.span.end >= sp.end)) {
            continue;
        }
        if !worth_coding(doc, s) {
            continue;
        }
        let t = Tree::with_near(doc, s, std::borrow::Cow::Borrowed(near));
        let cands = candidates_in(doc, s, &t);
        if cands.is_empty() {
            continue;
        }
        let scored: Vec<(usize, f32, [f32; TYPES.len()])> = cands
            .iter()
            .map(|c| {
                let sc = model.scores(&c.features);
                let (ty, best) = model::argmax(&sc);
                (ty, best, sc)
            })
            .collect();
        let mut chosen: Vec<usize> = (0..cands.len()).filter(|&i| cands[i].known).collect();
        // nominal events need an actor of their own (or are taken up by coreference below)
        chosen.retain(|&i| {
            !cands[i].nominal
                || cands[i].source.is_some()
                || cands[i].target.is_some()
                || is_definite(&t, cands[i].token)
        });
        // the model's best candidate with an actor is an event even when no lexicon knows its trigger
        if let Some(i) = (0..cands.len())
            .filter(|&i| cands[i].source.is_some() || cands[i].target.is_some())
            .max_by(|&a, &b| scored[a].1.total_cmp(&scored[b].1))
        {
            if !chosen.contains(&i) && (chosen.is_empty() || !model.is_empty()) {
                chosen.push(i);
                chosen.sort();
            }
        }
        for i in chosen {
            let c = &cands[i];
            let (mut ty, best, sc) = scored[i];
            // a support verb's event is its noun's ("held talks", "served as mediators", "launched an attack")
            if let Some(n) = c.noun.filter(|_| c.nominal || LIGHT_VERBS.contains(&t.lemma(c.token))) {
                if let Some(&nt) = EventLexicon::get().trigger_nouns.get(lowercase(t.lemma(n)).as_ref()) {
                    ty = nt;
                }
            }
            // a verb of the manual's lexicon keeps its type unless the model is much surer of another
            if !c.nominal && ty == scored[i].0 {
                if let Some(&vt) = EventLexicon::get().trigger_verbs.get(lowercase(t.lemma(c.token)).as_ref()) {
                    if sc[vt] + TRIGGER_MARGIN >= best {
                        ty = vt;
                    }
                }
            }
            let best = if ty == scored[i].0 { best } else { sc[ty] };
            let confidence = model::confidence(&sc, best);
            // the rules' target, unless the target model ranks the options (slots are pure: the one not
            // kept is not built)
            let target_slot = if targets.is_empty() {
                c.target.map(|h| slot(doc, &t, h, LONG_TARGET))
            } else {
                target::best(&t, c, &tm, targets, &mut option_cache).map(|(h, form)| slot(doc, &t, h, form))
            };
            if let Some(r) = record.as_deref_mut() {
                {
                    let opts = target::options(&t, c, &tm);
                    let options = opts
                        .into_iter()
                        .map(|o| (o.head.map(|h| slot(doc, &t, h, o.form).span).map(|s| (s.start, s.end)), o.features))
                        .collect();
                    r.push(TargetRecord { confidence, options });
                }
            }
            let coding = c.codings.iter().find(|k| k.ty == ty);
            let trig_span = match c.noun.filter(|_| !c.nominal) {
                Some(n) => Span::new(
                    doc.tokens[c.token].span.start.min(doc.tokens[n].span.start),
                    doc.tokens[c.token].span.end.max(doc.tokens[n].span.end),
                ),
                None => doc.tokens[c.token].span,
            };
            let trig_span = if trig_span.len() > 200 { doc.tokens[c.token].span } else { trig_span };
            let attribution = t
                .near
                .attributions
                .iter()
                .map(|&i| (i, &doc.attributions[i]))
                .filter(|(_, a)| a.content.contains(doc.tokens[c.token].span))
                .min_by_key(|(_, a)| a.content.len())
                .map(|(i, _)| i);
            let date = date_of(doc, &t, c.token).or_else(|| {
                // a light verb's date is the event's
                c.noun.and_then(|n| if n != c.token { date_of(doc, &t, n) } else { None })
            });
            let date =
                date.or_else(|| if c.nominal { t.head(c.token).and_then(|h| date_of(doc, &t, h)) } else { None });
            let mut location = location_of(doc, &t, c.token);
            if location.is_none() {
                if let Some(n) = c.noun {
                    location = location_of(doc, &t, n);
                }
            }
            let fact_tok = if c.nominal { t.head(c.token).unwrap_or(c.token) } else { c.token };
            let factuality = factuality(doc, &t, fact_tok, attribution.is_some());
            let bg = background(doc, &t, c.token, date);
            // agent nouns ("mediators") name participants, not an event a later "the talks" can refer to
            nounal.push(c.noun.is_some_and(|n| {
                let l = t.lemma(n);
                !(l.ends_with("or") || l.ends_with("er") || l.ends_with("ary") || l.ends_with("ist"))
            }));
            definite.push(c.nominal && is_definite(&t, c.token));
            events.push(Event {
                etype: TYPES[ty],
                mode: coding.and_then(|k| k.mode).map(str::to_string),
                cameo: coding.map(|k| k.cameo.to_string()),
                confidence,
                trigger: trig_span,
                sentence: s,
                source: c.source.map(|h| slot(doc, &t, h, LONG_SOURCE)),
                target: target_slot,
                location,
                date,
                attribution,
                factuality,
                background: bg,
            });
        }
    }
    corefer(doc, &mut events, &nounal, &definite);
    doc.events = events;
}

fn is_definite(t: &Tree, n: usize) -> bool {
    t.kids(n).iter().any(|&k| t.deprel(k) == "det" && matches!(t.lemma(k), "the" | "this" | "these" | "those"))
}

/// An event noun without actors, or a definite one without a source ("the talks in Doha": the place
/// or topic the target ranker offers is not who talked), refers back to the last earlier event of its
/// type that has both, and takes its actors; one with no such antecedent is dropped when it has no actor
/// at all.
fn corefer(doc: &Doc, events: &mut Vec<Event>, nounal: &[bool], definite: &[bool]) {
    let mut keep = vec![true; events.len()];
    for i in 0..events.len() {
        let bare = events[i].source.is_none() && events[i].target.is_none();
        let anaphoric = events[i].source.is_none() && definite.get(i) == Some(&true);
        if !bare && !anaphoric {
            continue;
        }
        let trig_tok = doc.token_at_or_after(events[i].trigger.start);
        let nominal = doc.tokens.get(trig_tok).and_then(|t| t.analysis.as_ref()).is_some_and(|a| a.upos() == "NOUN");
        if !nominal {
            continue;
        }
        let ok =
            |j: usize| events[j].etype == events[i].etype && events[j].source.is_some() && events[j].target.is_some();
        let ante =
            (0..i).rev().find(|&j| ok(j) && nounal.get(j) == Some(&true)).or_else(|| (0..i).rev().find(|&j| ok(j)));
        match ante {
            Some(j) => {
                events[i].source = events[j].source.clone();
                events[i].target = events[j].target.clone();
                if events[i].date.is_none() {
                    events[i].date = events[j].date;
                }
            }
            None => keep[i] = !bare,
        }
    }
    let mut k = keep.into_iter();
    events.retain(|_| k.next().unwrap_or(true));
}
