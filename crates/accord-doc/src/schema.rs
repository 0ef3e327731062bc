//! The `accord/1` JSON output schema: what the CLI prints, the store keeps and the API serves.
//!
//! Field names listed in the README's "output contract" are stable: new fields may be added, none renamed.
//! The JSON Schema for these types is `schema/accord-1.schema.json` in the repository.
//! All spans carry `start`/`end` in Unicode code points (end exclusive), `byte_start`/`byte_end` in UTF-8
//! bytes, and the covered `text`.

use crate::{Doc, Span};
use serde::{Deserialize, Serialize};

/// Version tag written into every document.
pub const SCHEMA: &str = "accord/1";

/// A span as it appears in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanOut {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// First byte.
    pub byte_start: usize,
    /// One past the last byte.
    pub byte_end: usize,
    /// The covered text.
    pub text: String,
}

/// A token in JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TokenOut {
    /// Where the token is.
    #[serde(flatten)]
    pub span: SpanOut,
    /// Normalised form when different from `text`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub norm: Option<String>,
    /// Universal POS tag, when the models stage ran.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub upos: Option<String>,
    /// Penn Treebank tag.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub xpos: Option<String>,
    /// Lemma.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lemma: Option<String>,
    /// Head token index (document-wide), absent for roots.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub head: Option<usize>,
    /// Dependency relation.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub deprel: Option<String>,
}

/// A sentence in JSON: its span and the range of its tokens in `tokens`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentenceOut {
    /// Where the sentence is.
    #[serde(flatten)]
    pub span: SpanOut,
    /// Index of the first token.
    pub token_start: usize,
    /// One past the last token.
    pub token_end: usize,
    /// Paragraph index.
    pub paragraph: usize,
}

/// An entity in JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityOut {
    /// `e1`, `e2`, ...
    pub id: String,
    /// `PERSON`, `ORG`, `GPE`, `NORP`, `LOC`, `MISC`.
    #[serde(rename = "type")]
    pub etype: String,
    /// Canonical name: the fullest name in the text.
    pub name: String,
    /// Titles and roles.
    pub titles: Vec<String>,
    /// Side or country.
    pub affiliation: Option<String>,
    /// Every mention.
    pub mentions: Vec<SpanOut>,
}

/// An attribution's source in JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceOut {
    /// `person`, `organization`, `group`, `anonymous`, `unknown`.
    pub kind: String,
    /// Canonical name or the source phrase.
    pub name: Option<String>,
    /// Side or country.
    pub affiliation: Option<String>,
}

/// An attribution in JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttributionOut {
    /// `q1`, `q2`, ...
    pub id: String,
    /// `direct`, `indirect`, `mixed`.
    #[serde(rename = "type")]
    pub qtype: String,
    /// What was said.
    pub content: SpanOut,
    /// The cue, null for a floating quote.
    pub cue: Option<SpanOut>,
    /// The speaker as written.
    pub speaker: Option<SpanOut>,
    /// Entity id of the resolved speaker.
    pub speaker_entity: Option<String>,
    /// Resolved source.
    pub source: SourceOut,
}

/// A quantity in JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuantityOut {
    /// Numeric value.
    pub value: f64,
    /// `exact`, `approximately`, `at least`, ...
    pub qualifier: String,
    /// What is counted.
    pub counted: Option<String>,
    /// The phrase.
    pub span: SpanOut,
    /// Id of the attribution holding it.
    pub attribution: Option<String>,
    /// Resolved source name of that attribution.
    #[serde(default)]
    pub source: Option<String>,
    /// Hedge words.
    #[serde(default)]
    pub hedge: Option<String>,
}

/// A date in JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateOut {
    /// The expression.
    pub span: SpanOut,
    /// ISO 8601 value, or a relative description when `relative`.
    pub value: String,
    /// True when not anchored to a publication date.
    pub relative: bool,
}

/// A credit block (caption, byline, photo or wire credit) in JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreditOut {
    /// `photo`, `caption`, `byline`, `dateline`, `wire`.
    pub kind: String,
    /// Where it is.
    pub span: SpanOut,
    /// Agencies named.
    pub agencies: Vec<String>,
    /// People named.
    pub people: Vec<String>,
}

/// One actor of an event in JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventActorOut {
    /// The actor's phrase.
    pub span: SpanOut,
    /// Entity id, when linked.
    pub entity: Option<String>,
    /// Actor code: country and sector (`USA GOV`), or the named actor's code (`PSE REB Hamas`).
    pub code: Option<String>,
    /// ISO 3166 alpha-3 country (or `IGO` base), when known.
    pub country: Option<String>,
    /// Sector/agent code (`GOV`, `MIL`, `REB`, `IGO`, ...), when known.
    pub sector: Option<String>,
}

/// An event's source or target in JSON: the slot's phrase and its head actor's link and code; `actors`
/// lists every actor of the slot when it names several.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventArgOut {
    /// The slot's phrase.
    pub span: SpanOut,
    /// Entity id of the head actor.
    pub entity: Option<String>,
    /// Actor code of the head actor.
    pub code: Option<String>,
    /// Country of the head actor.
    pub country: Option<String>,
    /// Sector of the head actor.
    pub sector: Option<String>,
    /// Every actor in the slot, when there are several.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<EventActorOut>,
}

/// An event's place in JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventLocationOut {
    /// The place phrase.
    pub span: SpanOut,
    /// Entity id of the place.
    pub entity: Option<String>,
    /// ISO 3166 alpha-3 country of the place.
    pub country: Option<String>,
}

/// A political event in JSON (PLOVER).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventOut {
    /// `v1`, `v2`, ...
    pub id: String,
    /// PLOVER event type.
    #[serde(rename = "type")]
    pub etype: String,
    /// PLOVER mode, when known.
    pub mode: Option<String>,
    /// CAMEO code, when known.
    pub cameo: Option<String>,
    /// Confidence in the type, 0..1.
    pub confidence: f32,
    /// The trigger word or phrase.
    pub trigger: SpanOut,
    /// The sentence holding it.
    pub sentence: SpanOut,
    /// Who acts.
    pub source: Option<EventArgOut>,
    /// Who is acted on.
    pub target: Option<EventArgOut>,
    /// Where.
    pub location: Option<EventLocationOut>,
    /// When: resolved like `dates`.
    pub date: Option<DateOut>,
    /// Id of the attribution the event is reported in.
    pub attribution: Option<String>,
    /// `asserted`, `reported`, `negated`, `hypothetical`, `future`, `proposed`.
    pub factuality: String,
    /// True when the event is background older than the story's news.
    pub background: bool,
}

/// One document in the `accord/1` schema.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentOut {
    /// Always `accord/1`.
    pub schema: String,
    /// Input file name or JSONL id.
    pub id: String,
    /// Publication date, if known.
    pub date: Option<String>,
    /// Title, if known.
    #[serde(default)]
    pub title: Option<String>,
    /// URL, if known.
    #[serde(default)]
    pub url: Option<String>,
    /// Agencies and outlets credited.
    pub sources: Vec<String>,
    /// The full original text.
    pub text: String,
    /// Paragraph spans.
    #[serde(default)]
    pub paragraphs: Vec<SpanOut>,
    /// Sentences.
    pub sentences: Vec<SentenceOut>,
    /// Tokens.
    #[serde(default)]
    pub tokens: Vec<TokenOut>,
    /// Entities.
    pub entities: Vec<EntityOut>,
    /// Attributions.
    pub attributions: Vec<AttributionOut>,
    /// Quantities.
    pub quantities: Vec<QuantityOut>,
    /// Dates.
    pub dates: Vec<DateOut>,
    /// Credits, captions, bylines.
    #[serde(default)]
    pub credits: Vec<CreditOut>,
    /// Political events (PLOVER).
    #[serde(default)]
    pub events: Vec<EventOut>,
    /// The language the text reads as (`en`, `de`, `fr`, `es`, `it`, `nl`, `pt`; `und`: mostly another
    /// script than the Latin one), or null when too little text tells. Only English text is analysed: for
    /// another language the layers after sentences and tokens are empty.
    #[serde(default)]
    pub language: Option<String>,
}

/// Converts byte offsets of one text to code-point offsets in O(log n) per lookup.
pub struct OffsetMap<'a> {
    text: &'a str,
    /// Byte offset of every 64th code point; code points between are counted on demand.
    checkpoints: Vec<usize>,
    ascii: bool,
}

impl<'a> OffsetMap<'a> {
    /// Builds the map for `text`.
    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            for (n, (b, _)) in text.char_indices().enumerate() {
                if n % 64 == 0 {
                    checkpoints.push(b);
                }
            }
        }
        OffsetMap { text, checkpoints, ascii }
    }
    /// Code-point offset of byte offset `byte` (which must be a char boundary, or the text length).
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let k = self.checkpoints.partition_point(|&b| b <= byte).saturating_sub(1);
        let base = self.checkpoints.get(k).copied().unwrap_or(0);
        k * 64 + self.text[base..byte].chars().count()
    }
    /// The JSON form of a byte span.
    pub fn span(&self, s: Span) -> SpanOut {
        SpanOut {
            start: self.char_offset(s.start),
            end: self.char_offset(s.end),
            byte_start: s.start,
            byte_end: s.end,
            text: self.text[s.start..s.end].to_string(),
        }
    }
}

impl Doc {
    /// Converts the document to its `accord/1` JSON form.
    pub fn to_output(&self) -> DocumentOut {
        self.to_output_with(true)
    }

    /// [`Doc::to_output`], with the token layer only when `tokens` is true (it is most of the output's
    /// size: `accord extract --no-tokens`, the knowledge base and the Python bindings leave it out
    /// without building it).
    pub fn to_output_with(&self, tokens: bool) -> DocumentOut {
        let map = OffsetMap::new(&self.text);
        let eid = |i: usize| format!("e{}", i + 1);
        let qid = |i: usize| format!("q{}", i + 1);
        DocumentOut {
            schema: SCHEMA.to_string(),
            id: self.meta.id.clone(),
            date: self.meta.date.clone(),
            title: self.meta.title.clone(),
            url: self.meta.url.clone(),
            sources: self.sources.clone(),
            text: self.text.clone(),
            paragraphs: self.paragraphs.iter().map(|p| map.span(*p)).collect(),
            sentences: self
                .sentences
                .iter()
                .map(|s| SentenceOut {
                    span: map.span(s.span),
                    token_start: s.tokens.start,
                    token_end: s.tokens.end,
                    paragraph: s.paragraph,
                })
                .collect(),
            tokens: self.tokens[..if tokens { self.tokens.len() } else { 0 }]
                .iter()
                .map(|t| {
                    let a = t.analysis.as_ref();
                    TokenOut {
                        span: map.span(t.span),
                        norm: t.norm().map(str::to_string),
                        upos: a.map(|a| a.upos().to_string()),
                        xpos: a.map(|a| a.xpos().to_string()),
                        lemma: a.map(|a| a.lemma.to_string()),
                        head: a.and_then(|a| a.head()),
                        deprel: a.map(|a| a.deprel().to_string()),
                    }
                })
                .collect(),
            entities: self
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| EntityOut {
                    id: eid(i),
                    etype: e.etype.label().to_string(),
                    name: e.name.clone(),
                    titles: e.titles.clone(),
                    affiliation: e.affiliation.clone(),
                    mentions: e.mentions.iter().map(|&m| map.span(self.mentions[m].span)).collect(),
                })
                .collect(),
            attributions: self
                .attributions
                .iter()
                .enumerate()
                .map(|(i, a)| AttributionOut {
                    id: qid(i),
                    qtype: a.qtype.label().to_string(),
                    content: map.span(a.content),
                    cue: a.cue.map(|c| map.span(c)),
                    speaker: a.speaker.map(|s| map.span(s)),
                    speaker_entity: a.speaker_entity.map(eid),
                    source: SourceOut {
                        kind: a.source.kind.label().to_string(),
                        name: a.source.name.clone(),
                        affiliation: a.source.affiliation.clone(),
                    },
                })
                .collect(),
            quantities: self
                .quantities
                .iter()
                .map(|q| QuantityOut {
                    value: q.value,
                    qualifier: q.qualifier.clone(),
                    counted: q.counted.clone(),
                    span: map.span(q.span),
                    attribution: q.attribution.map(qid),
                    source: q.attribution.and_then(|a| self.attributions[a].source.name.clone()),
                    hedge: q.hedge.clone(),
                })
                .collect(),
            dates: self
                .dates
                .iter()
                .map(|d| DateOut { span: map.span(d.span), value: d.value.clone(), relative: d.relative })
                .collect(),
            credits: self
                .credits
                .iter()
                .map(|c| CreditOut {
                    kind: c.kind.to_string(),
                    span: map.span(c.span),
                    agencies: c.agencies.clone(),
                    people: c.people.clone(),
                })
                .collect(),
            events: self.events.iter().enumerate().map(|(i, e)| self.event_out(&map, i, e)).collect(),
            language: self.language.clone(),
        }
    }

    fn date_out(&self, map: &OffsetMap, i: usize) -> DateOut {
        let d = &self.dates[i];
        DateOut { span: map.span(d.span), value: d.value.clone(), relative: d.relative }
    }

    fn event_out(&self, map: &OffsetMap, i: usize, e: &crate::Event) -> EventOut {
        let eid = |i: usize| format!("e{}", i + 1);
        let actor = |a: &crate::EventActor| EventActorOut {
            span: map.span(a.span),
            entity: a.entity.map(eid),
            code: actor_code(a),
            country: a.country.clone(),
            sector: a.sector.clone(),
        };
        let arg = |g: &crate::EventArg| {
            let head = g.actors.first();
            EventArgOut {
                span: map.span(g.span),
                entity: head.and_then(|a| a.entity.map(eid)),
                code: head.and_then(actor_code),
                country: head.and_then(|a| a.country.clone()),
                sector: head.and_then(|a| a.sector.clone()),
                actors: if g.actors.len() > 1 { g.actors.iter().map(actor).collect() } else { Vec::new() },
            }
        };
        EventOut {
            id: format!("v{}", i + 1),
            etype: e.etype.to_string(),
            mode: e.mode.clone(),
            cameo: e.cameo.clone(),
            confidence: (e.confidence * 1000.0).round() / 1000.0,
            trigger: map.span(e.trigger),
            sentence: map.span(self.sentences.get(e.sentence).map(|s| s.span).unwrap_or(e.trigger)),
            source: e.source.as_ref().map(arg),
            target: e.target.as_ref().map(arg),
            location: e.location.as_ref().map(|(s, ent, c)| EventLocationOut {
                span: map.span(*s),
                entity: ent.map(eid),
                country: c.clone(),
            }),
            date: e.date.filter(|&d| d < self.dates.len()).map(|d| self.date_out(map, d)),
            attribution: e.attribution.map(|a| format!("q{}", a + 1)),
            factuality: e.factuality.to_string(),
            background: e.background,
        }
    }
}

/// `USA GOV`, `PSE REB Hamas`, `IGO`: country, sector and the name of a named actor, those known.
fn actor_code(a: &crate::EventActor) -> Option<String> {
    let parts: Vec<&str> =
        [a.country.as_deref(), a.sector.as_deref(), a.named.as_deref()].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_code_points() {
        let text = "“Hi” — said Zoë. ".repeat(20);
        let map = OffsetMap::new(&text);
        for (n, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_offset(b), n);
        }
        assert_eq!(map.char_offset(text.len()), text.chars().count());
    }
}
