//! # accord-doc
//!
//! The document model every other accord crate works on, and the one JSON output schema (`accord/1`).
//!
//! A [`Doc`] holds one immutable text and a set of *layers*: plain vectors of records that point into the
//! text with byte [`Span`]s and at each other by index (sentences → tokens, mentions → entities,
//! attributions → mentions). Pipeline stages never edit the text or another stage's layer; each adds its
//! own. At the JSON boundary ([`schema`]) every byte span becomes a [`schema::SpanOut`] carrying
//! Unicode code-point offsets (`start`/`end`, end exclusive), byte offsets and the covered text.
//!
//! Position in the flow: the first crate; everything else depends on it.

pub mod date;
pub mod hash;
pub mod schema;
pub mod stage;
pub mod sym;

pub use stage::{FnStage, Stage, StageInfo};
pub use sym::Sym;

use std::ops::Range;

/// A half-open byte range `[start, end)` into [`Doc::text`]. Always on UTF-8 character boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
    /// True when `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// Number of bytes the two spans share.
    pub fn overlap(&self, other: Span) -> usize {
        self.end.min(other.end).saturating_sub(self.start.max(other.start))
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    /// The text this span covers in `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// What kind of token a [`Token`] is, decided by the tokenizer from its characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with inner hyphens, apostrophes or periods: `U.S.`, `Israel-Hamas`, `don't`).
    Word,
    /// Digits, possibly with separators (`1,200`, `3.5`, `7th`).
    Number,
    /// An opening quotation mark (“ ‘ or a straight quote judged to open).
    OpenQuote,
    /// A closing quotation mark (” ’ or a straight quote judged to close).
    CloseQuote,
    /// Any other punctuation or symbol.
    Punct,
}

/// One token: a span plus the normalised form when it differs from the text (curly → straight quotes,
/// en/em dashes → `-`/`--`). The original characters are always recoverable from the span. 72 bytes with
/// its analysis (a long article has millions).
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// Where the token is in the text.
    pub span: Span,
    /// Character class of the token.
    pub kind: TokenKind,
    /// Normalised form when it differs from the text (`“` → `"`), else `None` (see [`Token::norm`]).
    pub norm: Option<Sym>,
    /// True when whitespace follows the token in the text.
    pub space_after: bool,
    /// Index of the sentence holding this token.
    pub sentence: usize,
    /// Morpho-syntactic analysis added by the models stage, if it ran.
    pub analysis: Option<Analysis>,
}

impl Token {
    /// The normalised form when it differs from the text.
    pub fn norm(&self) -> Option<&'static str> {
        self.norm.map(Sym::as_str)
    }
}

/// Part of speech, lemma and dependency for one token, added by `accord-models`. The tags and the label
/// are [`Sym`]s and the head a `u32`, read through their methods, so that an analysis takes 40 bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// Lemma (lower-cased base form; most are borrowed from the lemmatiser's table).
    pub lemma: std::borrow::Cow<'static, str>,
    upos: Sym,
    xpos: Sym,
    deprel: Sym,
    /// Head as a document token index; `u32::MAX` for the sentence root.
    head: u32,
}

impl Default for Analysis {
    fn default() -> Self {
        Analysis::new(Sym::default(), Sym::default(), std::borrow::Cow::Borrowed(""), None, Sym::default())
    }
}

impl Analysis {
    /// An analysis: tags, lemma, head (a *document* token index, `None` for the root; fewer than 2^32 - 1
    /// tokens) and dependency label.
    pub fn new(upos: Sym, xpos: Sym, lemma: std::borrow::Cow<'static, str>, head: Option<usize>, deprel: Sym) -> Self {
        let head = head
            .map_or(u32::MAX, |h| u32::try_from(h).ok().filter(|&h| h < u32::MAX).expect("token index under 2^32 - 1"));
        Analysis { lemma, upos, xpos, deprel, head }
    }
    /// Universal POS tag (`NOUN`, `VERB`, `PROPN`, ...).
    #[inline]
    pub fn upos(&self) -> &'static str {
        self.upos.as_str()
    }
    /// Penn Treebank tag (`NN`, `VBD`, `NNP`, ...).
    #[inline]
    pub fn xpos(&self) -> &'static str {
        self.xpos.as_str()
    }
    /// Universal dependency relation to the head (`nsubj`, `ccomp`, `root`, ...).
    #[inline]
    pub fn deprel(&self) -> &'static str {
        self.deprel.as_str()
    }
    /// The part-of-speech tag and the relation as symbols (cheap keys: equal symbols, equal strings).
    #[inline]
    pub fn upos_deprel_syms(&self) -> (Sym, Sym) {
        (self.upos, self.deprel)
    }
    /// Head as a *document* token index; `None` for the sentence root.
    #[inline]
    pub fn head(&self) -> Option<usize> {
        (self.head != u32::MAX).then_some(self.head as usize)
    }
}

/// A sentence: a span and the range of token indices it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    /// Where the sentence is in the text.
    pub span: Span,
    /// Indices into [`Doc::tokens`].
    pub tokens: Range<usize>,
    /// Index of the paragraph holding the sentence.
    pub paragraph: usize,
}

/// Entity types accord uses (a subset of OntoNotes names, which is what news needs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation: company, agency, party, armed group, news outlet.
    Org,
    /// A geo-political entity: country, city, state.
    Gpe,
    /// A nationality, religious or political group (`Israeli`, `Palestinians`).
    Norp,
    /// A non-GPE location (`Gaza Strip` is GPE-like; `Red Sea` is LOC).
    Loc,
    /// Anything else named.
    Other,
}

impl EntityType {
    /// The label used in JSON (`PERSON`, `ORG`, `GPE`, `NORP`, `LOC`, `MISC`).
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Norp => "NORP",
            EntityType::Loc => "LOC",
            EntityType::Other => "MISC",
        }
    }
    /// Parses a JSON label back (`PERSON`, `ORG`, ...; also `PER`, `LOCATION`, `ORGANIZATION`).
    pub fn from_label(s: &str) -> Option<Self> {
        Some(match s {
            "PERSON" | "PER" | "person" => EntityType::Person,
            "ORG" | "ORGANIZATION" | "organization" => EntityType::Org,
            "GPE" | "place" => EntityType::Gpe,
            "NORP" => EntityType::Norp,
            "LOC" | "LOCATION" => EntityType::Loc,
            "MISC" | "OTHER" => EntityType::Other,
            _ => return None,
        })
    }
}

/// How a mention refers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A proper name (`Karoline Leavitt`, `Ms Leavitt`, `Hamas`).
    Name,
    /// A personal pronoun (`she`, `they`).
    Pronoun,
    /// A definite or indefinite common-noun phrase (`the official`, `a Hamas official`).
    Nominal,
}

/// One mention of a referent in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Where the mention is (the whole phrase, e.g. `Ms Leavitt`).
    pub span: Span,
    /// The name part without honorifics or titles (e.g. `Leavitt`); equals `span` when nothing was stripped.
    pub head_span: Span,
    /// Name, pronoun or nominal.
    pub kind: MentionKind,
    /// Type when known.
    pub etype: Option<EntityType>,
    /// Index into [`Doc::entities`] once coreference has run.
    pub entity: Option<usize>,
    /// Index of the sentence holding it.
    pub sentence: usize,
}

/// One real-world referent of the article, with all its mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Type of the referent.
    pub etype: EntityType,
    /// Canonical name: the fullest name the text gives.
    pub name: String,
    /// Titles and roles seen with it (`White House press secretary`), in order of appearance, no repeats.
    pub titles: Vec<String>,
    /// Side or country the text ties it to (`United States`, `Israel`, `Hamas`).
    pub affiliation: Option<String>,
    /// Indices into [`Doc::mentions`].
    pub mentions: Vec<usize>,
    /// Grammatical gender when the text shows one (`Ms`, `she`): `'f'`, `'m'`, or `None`.
    pub gender: Option<char>,
}

/// Direct (all quoted), indirect (reported), or mixed (reported with quoted parts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteType {
    /// The content is a quotation in quote marks.
    Direct,
    /// Reported speech with no quote marks.
    Indirect,
    /// Reported speech that contains a quoted fragment.
    Mixed,
}

impl QuoteType {
    /// JSON label.
    pub fn label(self) -> &'static str {
        match self {
            QuoteType::Direct => "direct",
            QuoteType::Indirect => "indirect",
            QuoteType::Mixed => "mixed",
        }
    }
}

/// What kind of source an attribution has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// A named person.
    Person,
    /// A named organisation (or an organisation's office, spokesperson unit...).
    Organization,
    /// A plural, unnamed group (`Israeli officials`, `analysts`).
    Group,
    /// A single unnamed source (`a Hamas official`, `a source`).
    Anonymous,
    /// No source could be found.
    Unknown,
}

impl SourceKind {
    /// JSON label.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Group => "group",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Unknown => "unknown",
        }
    }
}

/// Who an attribution is credited to, after resolution.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Person, organisation, group, anonymous or unknown.
    pub kind: SourceKind,
    /// Canonical name for an entity; the phrase itself for groups and anonymous sources.
    pub name: Option<String>,
    /// Side or country (`Israel`, `Hamas`).
    pub affiliation: Option<String>,
}

/// One quote or reported statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// Direct, indirect or mixed.
    pub qtype: QuoteType,
    /// What was said.
    pub content: Span,
    /// The cue (`said`, `according to`, `has signalled`); `None` for a floating quote.
    pub cue: Option<Span>,
    /// The speaker as written (`she`, `Ms Leavitt`, `a Hamas official`).
    pub speaker: Option<Span>,
    /// Index into [`Doc::mentions`] of the speaker mention, when it is one.
    pub speaker_mention: Option<usize>,
    /// Resolved entity index into [`Doc::entities`].
    pub speaker_entity: Option<usize>,
    /// Resolved source description.
    pub source: Source,
    /// Index of the sentence where the cue (or content) starts.
    pub sentence: usize,
}

/// A number in a claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// The whole phrase (`about 24 living hostages`).
    pub span: Span,
    /// Numeric value (`24`, `0.5` for `half`).
    pub value: f64,
    /// `exact`, `approximately`, `at least`, `at most`, `more than`, `less than`, `up to`.
    pub qualifier: String,
    /// What is counted (`living hostages`), when the text says.
    pub counted: Option<String>,
    /// Index into [`Doc::attributions`] of the attribution whose content holds it.
    pub attribution: Option<usize>,
    /// Hedging words near it (`are believed`, `estimated`), when present.
    pub hedge: Option<String>,
}

/// A date expression.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    /// Where it is.
    pub span: Span,
    /// ISO 8601 value (`2023-10-07`, `1997`, `2025-02`) when resolvable; otherwise a description such as
    /// `month-1` or `weekday:tuesday`.
    pub value: String,
    /// True when the value could not be anchored (no publication date known).
    pub relative: bool,
}

/// Non-story material: bylines, datelines, captions, photo and wire credits.
#[derive(Clone, Debug, PartialEq)]
pub struct Credit {
    /// `photo`, `caption`, `byline`, `dateline`, `wire`.
    pub kind: &'static str,
    /// Where it is.
    pub span: Span,
    /// Agencies or outlets it names (`AP`, `Reuters`).
    pub agencies: Vec<String>,
    /// People it names (a photographer, a reporter).
    pub people: Vec<String>,
}

/// One actor in an event's source or target slot.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EventActor {
    /// The actor's phrase (`US officials`, `the White House`).
    pub span: Span,
    /// Index into [`Doc::entities`] when the phrase is (or holds) a mention of one.
    pub entity: Option<usize>,
    /// ISO 3166 alpha-3 country (`USA`), or the code of a named non-state or international actor's base
    /// (`IGO`), when known.
    pub country: Option<String>,
    /// Sector/agent code in the PLOVER/Phoenix style (`GOV`, `MIL`, `REB`, `IGO`, ...), when known.
    pub sector: Option<String>,
    /// Name of a named non-state or international actor (`Hamas`), when the actor is one.
    pub named: Option<String>,
}

/// A source or target slot of an event: the whole phrase and each actor it names ("Iran, Libya and
/// Sudan" is one slot with three actors).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EventArg {
    /// The slot's phrase.
    pub span: Span,
    /// The actors in it, first the head one.
    pub actors: Vec<EventActor>,
}

/// A political event in the PLOVER ontology: who did what to whom, where and when, with its evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// PLOVER event type (`CONSULT`, `ASSAULT`, ...).
    pub etype: &'static str,
    /// PLOVER mode when one is known (`visit`, `disapprove`, ...).
    pub mode: Option<String>,
    /// CAMEO code when the lexicon gives one.
    pub cameo: Option<String>,
    /// Confidence in the type, 0..1.
    pub confidence: f32,
    /// The word or phrase that expresses the event.
    pub trigger: Span,
    /// Index into [`Doc::sentences`].
    pub sentence: usize,
    /// Who acts.
    pub source: Option<EventArg>,
    /// Who is acted on.
    pub target: Option<EventArg>,
    /// Where: the place phrase, the place entity and its country (ISO alpha-3).
    pub location: Option<(Span, Option<usize>, Option<String>)>,
    /// When: index into [`Doc::dates`].
    pub date: Option<usize>,
    /// Index into [`Doc::attributions`] of the attribution the event is reported in.
    pub attribution: Option<usize>,
    /// `asserted`, `reported`, `negated`, `hypothetical`, `future` or `proposed`.
    pub factuality: &'static str,
    /// True when the event is context older than the story's news.
    pub background: bool,
}

/// Metadata supplied with the input.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    /// Document identifier (file name or JSONL `id`).
    pub id: String,
    /// Publication date `YYYY-MM-DD`, if known.
    pub date: Option<String>,
    /// Title, if known.
    pub title: Option<String>,
    /// Outlet or source, if given with the input.
    pub source: Option<String>,
    /// URL, if known.
    pub url: Option<String>,
}

/// One article's text and metadata, before analysis: what readers (`accord-ingest`) produce and the
/// pipeline consumes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawDoc {
    /// The article text.
    pub text: String,
    /// Id, date, title, outlet, url.
    pub meta: Meta,
}

/// A document: immutable text plus layers.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// The original text, never modified.
    pub text: String,
    /// Metadata.
    pub meta: Meta,
    /// Paragraph spans (blank-line separated blocks).
    pub paragraphs: Vec<Span>,
    /// Sentences.
    pub sentences: Vec<Sentence>,
    /// Tokens.
    pub tokens: Vec<Token>,
    /// Non-story blocks (credits, captions, bylines).
    pub credits: Vec<Credit>,
    /// Mentions of referents.
    pub mentions: Vec<Mention>,
    /// Referents.
    pub entities: Vec<Entity>,
    /// Coreference links, aligned with `mentions`: the earlier mention each mention refers back to
    /// (pronouns, definite nominals such as "the official"), or `None`.
    pub antecedents: Vec<Option<usize>>,
    /// Quotes and reported statements.
    pub attributions: Vec<Attribution>,
    /// Numbers in claims.
    pub quantities: Vec<Quantity>,
    /// Date expressions.
    pub dates: Vec<DateMention>,
    /// Agencies and outlets credited for the document.
    pub sources: Vec<String>,
    /// Political events (PLOVER), added by `accord-events`.
    pub events: Vec<Event>,
    /// The language the text reads as (`en`, `de`, ...), when the pipeline could tell; a text in
    /// another language than English is only segmented (see `accord_pipeline::Options::any_language`).
    pub language: Option<String>,
}

impl Doc {
    /// A new document with empty layers.
    pub fn new(text: impl Into<String>, meta: Meta) -> Self {
        Doc { text: text.into(), meta, ..Default::default() }
    }
    /// Text of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }
    /// Text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens[i].span.slice(&self.text)
    }
    /// Normalised text of token `i` (the `norm` if any, else the text).
    pub fn token_norm(&self, i: usize) -> &str {
        self.tokens[i].norm().unwrap_or_else(|| self.token_text(i))
    }
    /// Index of the first token whose span ends after `byte`, i.e. the token at or after a byte offset.
    pub fn token_at_or_after(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= byte)
    }
    /// Index of the sentence that contains byte offset `byte` (or the last one before it).
    pub fn sentence_at(&self, byte: usize) -> usize {
        self.sentences.partition_point(|s| s.span.end <= byte).min(self.sentences.len().saturating_sub(1))
    }
    /// True when byte offset `byte` lies inside a credit block (caption, byline, ...).
    pub fn in_credit(&self, span: Span) -> bool {
        self.credits.iter().any(|c| c.span.overlap(span) > 0)
    }
}
