//! Layer tables as Arrow buffers: each layer's rows are walked once in Rust and every column is written
//! straight into Arrow's layout (validity bitmap, 64-bit offsets + UTF-8 data, little-endian values), so
//! Python only wraps finished buffers (`pyarrow.Array.from_buffers`, once per column).

use accord_doc::schema::{DocumentOut, EventArgOut, SpanOut};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};
use std::borrow::Cow;

/// A column's Arrow type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `large_string`.
    Str,
    /// `int64`.
    I64,
    /// `float64`.
    F64,
    /// `bool`.
    Bool,
    /// `list<large_string>` (no null items).
    ListStr,
}

impl Kind {
    /// The name Python sees.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Str => "str",
            Kind::I64 => "i64",
            Kind::F64 => "f64",
            Kind::Bool => "bool",
            Kind::ListStr => "list_str",
        }
    }
}

use Kind::*;

/// The layers, in the order `accord.spark` writes them.
pub const LAYERS: &[&str] = &["quotes", "entities", "quantities", "dates", "events", "documents"];

const QUOTES: &[(&str, Kind)] = &[
    ("_doc", I64),
    ("id", Str),
    ("date", Str),
    ("quote_id", Str),
    ("type", Str),
    ("content", Str),
    ("content_start", I64),
    ("content_end", I64),
    ("content_byte_start", I64),
    ("content_byte_end", I64),
    ("cue", Str),
    ("cue_start", I64),
    ("cue_end", I64),
    ("cue_byte_start", I64),
    ("cue_byte_end", I64),
    ("speaker", Str),
    ("speaker_start", I64),
    ("speaker_end", I64),
    ("speaker_byte_start", I64),
    ("speaker_byte_end", I64),
    ("speaker_entity", Str),
    ("speaker_name", Str),
    ("speaker_titles", ListStr),
    ("affiliation", Str),
    ("source_kind", Str),
    ("source_name", Str),
];

const ENTITIES: &[(&str, Kind)] = &[
    ("_doc", I64),
    ("id", Str),
    ("date", Str),
    ("entity_id", Str),
    ("type", Str),
    ("name", Str),
    ("titles", ListStr),
    ("affiliation", Str),
    ("mentions", I64),
    ("first_start", I64),
    ("first_end", I64),
    ("first_byte_start", I64),
    ("first_byte_end", I64),
];

const QUANTITIES: &[(&str, Kind)] = &[
    ("_doc", I64),
    ("id", Str),
    ("date", Str),
    ("value", F64),
    ("qualifier", Str),
    ("counted", Str),
    ("text", Str),
    ("start", I64),
    ("end", I64),
    ("byte_start", I64),
    ("byte_end", I64),
    ("quote_id", Str),
    ("source", Str),
    ("hedge", Str),
];

const DATES: &[(&str, Kind)] = &[
    ("_doc", I64),
    ("id", Str),
    ("date", Str),
    ("text", Str),
    ("start", I64),
    ("end", I64),
    ("byte_start", I64),
    ("byte_end", I64),
    ("value", Str),
    ("relative", Bool),
];

const EVENTS: &[(&str, Kind)] = &[
    ("_doc", I64),
    ("id", Str),
    ("date", Str),
    ("event_id", Str),
    ("type", Str),
    ("mode", Str),
    ("cameo", Str),
    ("confidence", F64),
    ("trigger", Str),
    ("trigger_start", I64),
    ("trigger_end", I64),
    ("trigger_byte_start", I64),
    ("trigger_byte_end", I64),
    ("sentence", Str),
    ("sentence_start", I64),
    ("sentence_end", I64),
    ("source", Str),
    ("source_entity", Str),
    ("source_code", Str),
    ("source_country", Str),
    ("source_sector", Str),
    ("source_actors", ListStr),
    ("target", Str),
    ("target_entity", Str),
    ("target_code", Str),
    ("target_country", Str),
    ("target_sector", Str),
    ("target_actors", ListStr),
    ("location", Str),
    ("location_entity", Str),
    ("location_country", Str),
    ("event_date", Str),
    ("event_date_relative", Bool),
    ("attribution", Str),
    ("factuality", Str),
    ("background", Bool),
];

const DOCUMENTS: &[(&str, Kind)] = &[
    ("_doc", I64),
    ("id", Str),
    ("date", Str),
    ("title", Str),
    ("url", Str),
    ("sources", ListStr),
    ("quotes", I64),
    ("entities", I64),
    ("quantities", I64),
    ("json", Str),
];

/// The columns of `layer`.
pub fn schema(layer: &str) -> Result<&'static [(&'static str, Kind)], String> {
    Ok(match layer {
        "quotes" => QUOTES,
        "entities" => ENTITIES,
        "quantities" => QUANTITIES,
        "dates" => DATES,
        "events" => EVENTS,
        "documents" => DOCUMENTS,
        _ => return Err(format!("unknown layer {layer:?} (layers: {})", LAYERS.join(", "))),
    })
}

/// One cell.
enum V<'a> {
    S(Option<Cow<'a, str>>),
    I(Option<i64>),
    F(Option<f64>),
    B(Option<bool>),
    L(&'a [String]),
}

fn s(x: &str) -> V<'_> {
    V::S(Some(Cow::Borrowed(x)))
}
fn os(x: Option<&str>) -> V<'_> {
    V::S(x.map(Cow::Borrowed))
}
fn i(x: usize) -> V<'static> {
    V::I(Some(x as i64))
}
/// The text and four offsets of a span (all null when absent).
fn span(x: Option<&SpanOut>) -> [V<'_>; 5] {
    match x {
        Some(x) => [s(&x.text), i(x.start), i(x.end), i(x.byte_start), i(x.byte_end)],
        None => [V::S(None), V::I(None), V::I(None), V::I(None), V::I(None)],
    }
}

/// An event slot's phrase, entity, code, country and sector (all null when the slot is empty).
fn arg(x: Option<&EventArgOut>) -> [V<'_>; 5] {
    match x {
        Some(x) => [
            s(&x.span.text),
            os(x.entity.as_deref()),
            os(x.code.as_deref()),
            os(x.country.as_deref()),
            os(x.sector.as_deref()),
        ],
        None => [V::S(None), V::S(None), V::S(None), V::S(None), V::S(None)],
    }
}

/// The phrases of every actor of a slot that names several (empty otherwise).
fn actor_names(x: Option<&EventArgOut>) -> Vec<String> {
    x.map(|x| x.actors.iter().map(|a| a.span.text.clone()).collect()).unwrap_or_default()
}

enum Col {
    Str { off: Vec<i64>, data: Vec<u8> },
    I64(Vec<i64>),
    F64(Vec<f64>),
    Bool(Vec<bool>),
    List { loff: Vec<i32>, off: Vec<i64>, data: Vec<u8> },
}

/// A built table: columns with their validity.
pub struct Table {
    names: Vec<(&'static str, Kind)>,
    cols: Vec<Col>,
    valid: Vec<Vec<bool>>,
    rows: usize,
}

impl Table {
    fn new(schema: &[(&'static str, Kind)]) -> Table {
        let cols = schema
            .iter()
            .map(|(_, k)| match k {
                Str => Col::Str { off: vec![0], data: Vec::new() },
                I64 => Col::I64(Vec::new()),
                F64 => Col::F64(Vec::new()),
                Bool => Col::Bool(Vec::new()),
                ListStr => Col::List { loff: vec![0], off: vec![0], data: Vec::new() },
            })
            .collect();
        Table { names: schema.to_vec(), cols, valid: vec![Vec::new(); schema.len()], rows: 0 }
    }

    fn push(&mut self, row: &[V<'_>]) {
        debug_assert_eq!(row.len(), self.cols.len());
        for ((c, v), valid) in self.cols.iter_mut().zip(row).zip(self.valid.iter_mut()) {
            let ok = match (c, v) {
                (Col::Str { off, data }, V::S(x)) => {
                    if let Some(x) = x {
                        data.extend_from_slice(x.as_bytes());
                    }
                    off.push(data.len() as i64);
                    x.is_some()
                }
                (Col::I64(vs), V::I(x)) => {
                    vs.push(x.unwrap_or(0));
                    x.is_some()
                }
                (Col::F64(vs), V::F(x)) => {
                    vs.push(x.unwrap_or(0.0));
                    x.is_some()
                }
                (Col::Bool(vs), V::B(x)) => {
                    vs.push(x.unwrap_or(false));
                    x.is_some()
                }
                (Col::List { loff, off, data }, V::L(xs)) => {
                    for x in xs.iter() {
                        data.extend_from_slice(x.as_bytes());
                        off.push(data.len() as i64);
                    }
                    loff.push((off.len() - 1) as i32);
                    true
                }
                _ => unreachable!("cell kind differs from its column's"),
            };
            valid.push(ok);
        }
        self.rows += 1;
    }

    /// `[(name, kind, rows, validity or None, buffer1, buffer2 or None, buffer3 or None), ...]`.
    pub fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for (((name, kind), c), valid) in self.names.iter().zip(&self.cols).zip(&self.valid) {
            let validity = if valid.iter().all(|&v| v) { None } else { Some(PyBytes::new(py, &bitmap(valid))) };
            let b = |v: Vec<u8>| PyBytes::new(py, &v);
            let (b1, b2, b3) = match c {
                Col::Str { off, data } => (b(le(off, |x| x.to_le_bytes())), Some(PyBytes::new(py, data)), None),
                Col::I64(v) => (b(le(v, |x| x.to_le_bytes())), None, None),
                Col::F64(v) => (b(le(v, |x| x.to_le_bytes())), None, None),
                Col::Bool(v) => (b(bitmap(v)), None, None),
                Col::List { loff, off, data } => (
                    b(le(loff, |x| x.to_le_bytes())),
                    Some(b(le(off, |x| x.to_le_bytes()))),
                    Some(PyBytes::new(py, data)),
                ),
            };
            let t = PyTuple::new(
                py,
                [
                    PyString::new(py, name).into_any(),
                    PyString::new(py, kind.name()).into_any(),
                    self.rows.into_pyobject(py)?.into_any(),
                    validity.into_pyobject(py)?.into_any(),
                    b1.into_any(),
                    b2.into_pyobject(py)?.into_any(),
                    b3.into_pyobject(py)?.into_any(),
                ],
            )?;
            out.append(t)?;
        }
        Ok(out)
    }
}

fn le<T: Copy, const N: usize>(v: &[T], f: impl Fn(T) -> [u8; N]) -> Vec<u8> {
    let mut out = Vec::with_capacity(v.len() * N);
    for &x in v {
        out.extend_from_slice(&f(x));
    }
    out
}

/// Arrow's bitmap: bit `i % 8` of byte `i / 8`, padded to 8 bytes.
fn bitmap(v: &[bool]) -> Vec<u8> {
    let mut out = vec![0u8; v.len().div_ceil(64) * 8];
    for (i, &b) in v.iter().enumerate() {
        if b {
            out[i / 8] |= 1 << (i % 8);
        }
    }
    out
}

/// Builds the table of `layer` over `docs`.
pub fn build(layer: &str, docs: &[DocumentOut]) -> Result<Table, String> {
    let mut t = Table::new(schema(layer)?);
    for (n, d) in docs.iter().enumerate() {
        let (id, date) = (s(&d.id), os(d.date.as_deref()));
        let base = |id, date| [i(n), id, date];
        match layer {
            "quotes" => {
                for q in &d.attributions {
                    let ent = q.speaker_entity.as_deref().and_then(|e| d.entities.iter().find(|x| x.id == e));
                    let name = ent.map(|e| e.name.as_str()).or(q.source.name.as_deref());
                    let titles: &[String] = ent.map(|e| e.titles.as_slice()).unwrap_or(&[]);
                    let [c, c0, c1, c2, c3] = span(Some(&q.content));
                    let [u, u0, u1, u2, u3] = span(q.cue.as_ref());
                    let [p, p0, p1, p2, p3] = span(q.speaker.as_ref());
                    let [a, b, c_] = base(s(&d.id), os(d.date.as_deref()));
                    t.push(&[
                        a,
                        b,
                        c_,
                        s(&q.id),
                        s(&q.qtype),
                        c,
                        c0,
                        c1,
                        c2,
                        c3,
                        u,
                        u0,
                        u1,
                        u2,
                        u3,
                        p,
                        p0,
                        p1,
                        p2,
                        p3,
                        os(q.speaker_entity.as_deref()),
                        os(name),
                        V::L(titles),
                        os(q.source.affiliation.as_deref()),
                        s(&q.source.kind),
                        os(q.source.name.as_deref()),
                    ]);
                }
            }
            "entities" => {
                for e in &d.entities {
                    let [_, f0, f1, f2, f3] = span(e.mentions.first());
                    let [a, b, c] = base(s(&d.id), os(d.date.as_deref()));
                    t.push(&[
                        a,
                        b,
                        c,
                        s(&e.id),
                        s(&e.etype),
                        s(&e.name),
                        V::L(&e.titles),
                        os(e.affiliation.as_deref()),
                        i(e.mentions.len()),
                        f0,
                        f1,
                        f2,
                        f3,
                    ]);
                }
            }
            "quantities" => {
                for q in &d.quantities {
                    let [x, x0, x1, x2, x3] = span(Some(&q.span));
                    let [a, b, c] = base(s(&d.id), os(d.date.as_deref()));
                    t.push(&[
                        a,
                        b,
                        c,
                        V::F(Some(q.value)),
                        s(&q.qualifier),
                        os(q.counted.as_deref()),
                        x,
                        x0,
                        x1,
                        x2,
                        x3,
                        os(q.attribution.as_deref()),
                        os(q.source.as_deref()),
                        os(q.hedge.as_deref()),
                    ]);
                }
            }
            "dates" => {
                for x in &d.dates {
                    let [y, y0, y1, y2, y3] = span(Some(&x.span));
                    let [a, b, c] = base(s(&d.id), os(d.date.as_deref()));
                    t.push(&[a, b, c, y, y0, y1, y2, y3, s(&x.value), V::B(Some(x.relative))]);
                }
            }
            "events" => {
                for e in &d.events {
                    let [g, g0, g1, g2, g3] = span(Some(&e.trigger));
                    let [st, st0, st1, _, _] = span(Some(&e.sentence));
                    let [src, src_e, src_c, src_n, src_s] = arg(e.source.as_ref());
                    let [tgt, tgt_e, tgt_c, tgt_n, tgt_s] = arg(e.target.as_ref());
                    let (src_all, tgt_all) = (actor_names(e.source.as_ref()), actor_names(e.target.as_ref()));
                    let loc = e.location.as_ref();
                    let [a, b, c] = base(s(&d.id), os(d.date.as_deref()));
                    t.push(&[
                        a,
                        b,
                        c,
                        s(&e.id),
                        s(&e.etype),
                        os(e.mode.as_deref()),
                        os(e.cameo.as_deref()),
                        V::F(Some(f64::from(e.confidence))),
                        g,
                        g0,
                        g1,
                        g2,
                        g3,
                        st,
                        st0,
                        st1,
                        src,
                        src_e,
                        src_c,
                        src_n,
                        src_s,
                        V::L(&src_all),
                        tgt,
                        tgt_e,
                        tgt_c,
                        tgt_n,
                        tgt_s,
                        V::L(&tgt_all),
                        os(loc.map(|l| l.span.text.as_str())),
                        os(loc.and_then(|l| l.entity.as_deref())),
                        os(loc.and_then(|l| l.country.as_deref())),
                        os(e.date.as_ref().map(|x| x.value.as_str())),
                        V::B(e.date.as_ref().map(|x| x.relative)),
                        os(e.attribution.as_deref()),
                        s(&e.factuality),
                        V::B(Some(e.background)),
                    ]);
                }
            }
            _ => {
                let json = serde_json::to_string(d).map_err(|e| e.to_string())?;
                let [a, b, c] = base(id, date);
                t.push(&[
                    a,
                    b,
                    c,
                    os(d.title.as_deref()),
                    os(d.url.as_deref()),
                    V::L(&d.sources),
                    i(d.attributions.len()),
                    i(d.entities.len()),
                    i(d.quantities.len()),
                    V::S(Some(Cow::Owned(json))),
                ]);
                continue;
            }
        }
        let _ = (id, date);
    }
    Ok(t)
}
