//! The `--format pretty` terminal view: speakers with their titles and quotes, then entities, numbers
//! and dates. ANSI colours only when writing to a terminal.

use accord_doc::schema::DocumentOut;
use std::collections::BTreeMap;
use std::fmt::Write;

struct Paint(bool);

impl Paint {
    fn c(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.c("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.c("2", s)
    }
    fn cyan(&self, s: &str) -> String {
        self.c("36", s)
    }
    fn yellow(&self, s: &str) -> String {
        self.c("33", s)
    }
    fn green(&self, s: &str) -> String {
        self.c("32", s)
    }
}

/// Renders one document for a person to read.
pub fn render(doc: &DocumentOut, color: bool) -> String {
    let p = Paint(color);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}",
        p.bold(&format!("── {}", doc.id)),
        p.dim(&format!(
            "{} · sources: {}",
            doc.date.as_deref().unwrap_or("undated"),
            if doc.sources.is_empty() { "none".to_string() } else { doc.sources.join(", ") }
        ))
    );
    // Quotes grouped by speaker, in order of first appearance.
    let mut order: Vec<String> = Vec::new();
    let mut by: BTreeMap<String, Vec<&accord_doc::schema::AttributionOut>> = BTreeMap::new();
    for a in &doc.attributions {
        let key = match &a.speaker_entity {
            Some(e) => e.clone(),
            None => format!("~{}", a.source.name.as_deref().unwrap_or("unknown source")),
        };
        if !by.contains_key(&key) {
            order.push(key.clone());
        }
        by.entry(key).or_default().push(a);
    }
    if !order.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("Who said what"));
    }
    for key in &order {
        let quotes = &by[key];
        let first = quotes[0];
        let (name, extra) = match doc.entities.iter().find(|e| Some(&e.id) == first.speaker_entity.as_ref()) {
            Some(e) => {
                let mut bits: Vec<String> = e.titles.clone();
                if let Some(a) = &e.affiliation {
                    bits.push(a.clone());
                }
                (e.name.clone(), bits.join("; "))
            }
            None => (
                first.source.name.clone().unwrap_or_else(|| "unknown source".into()),
                [Some(first.source.kind.clone()), first.source.affiliation.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        };
        let _ = writeln!(
            out,
            "  {} {}",
            p.cyan(&name),
            p.dim(&if extra.is_empty() { String::new() } else { format!("({extra})") })
        );
        for a in quotes.iter() {
            let cue = a.cue.as_ref().map(|c| c.text.as_str()).unwrap_or("(no cue)");
            let _ = writeln!(
                out,
                "    {} {} {}",
                p.dim(&format!("[{}] {cue}:", a.qtype)),
                a.content.text.replace('\n', " "),
                p.dim(&format!("@{}", a.content.start))
            );
        }
    }
    if !doc.entities.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("Entities"));
        for e in &doc.entities {
            let titles = if e.titles.is_empty() { String::new() } else { format!(" — {}", e.titles.join("; ")) };
            let aff = e.affiliation.as_ref().map(|a| format!(" [{a}]")).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:<6} {}{}{} {}",
                e.etype,
                p.green(&e.name),
                titles,
                aff,
                p.dim(&format!("×{}", e.mentions.len()))
            );
        }
    }
    if !doc.quantities.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("Numbers"));
        for q in &doc.quantities {
            let src = q.source.as_ref().map(|s| format!(" — according to {s}")).unwrap_or_default();
            let hedge = q.hedge.as_ref().map(|h| format!(" ({h})")).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} {} {}{}{}",
                p.yellow(&format_value(q.value)),
                q.qualifier,
                q.counted.as_deref().unwrap_or(""),
                hedge,
                src
            );
        }
    }
    if !doc.dates.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("Dates"));
        for d in &doc.dates {
            let _ = writeln!(
                out,
                "  {:<12} {}{}",
                p.yellow(&d.value),
                d.span.text,
                if d.relative { p.dim(" (relative: no publication date)") } else { String::new() }
            );
        }
    }
    out.push('\n');
    out
}

fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
