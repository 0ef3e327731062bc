//! Reader for attribution relations in brat standoff (PolNeAR).
//!
//! A corpus folder holds `text/STEM.txt` and `attributions/STEM_ANNOTATOR.ann`. `T` lines are spans
//! (`T3<TAB>Content 115 290<TAB>text`, discontinuous spans as `s e;s e`), `E` lines link them into a
//! relation (`E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`). Offsets are Unicode code points
//! into the `.txt` file. When an article has several `.ann` files (several annotators) the first in
//! sorted order is used, as the reference scorer does.

use crate::metrics::{quote_type_from_marks, CharSpan, Quote};
use crate::EvalError;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One `T` line: a role label and its fragments.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBound {
    /// `Source`, `Cue`, `Content`, `Attribution`, ...
    pub role: String,
    /// Fragments in file order (one for a continuous span).
    pub fragments: Vec<CharSpan>,
}

impl TextBound {
    /// The smallest span covering every fragment. (PolNeAR lists some fragments out of text order,
    /// e.g. `209 236;91 186`; the reference scorer takes first start to last end, which gives those
    /// spans a negative length so that they can never match — 9 relations of the dev split.)
    pub fn cover(&self) -> CharSpan {
        let s = self.fragments.iter().map(|f| f.start).min().unwrap_or(0);
        let e = self.fragments.iter().map(|f| f.end).max().unwrap_or(s);
        CharSpan::new(s, e)
    }
}

/// One attribution relation (an `E` line with a `Content` argument).
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    /// The `E` id.
    pub id: String,
    /// Content fragments.
    pub content: TextBound,
    /// Cue, if linked.
    pub cue: Option<TextBound>,
    /// Source, if linked.
    pub source: Option<TextBound>,
}

impl Relation {
    /// The relation as a scoring [`Quote`] over `chars` (the document text). Spans are fragment covers;
    /// the type is derived from quotation marks in the content fragments
    /// ([`quote_type_from_marks`]).
    pub fn to_quote(&self, chars: &[char]) -> Quote {
        let joined: Vec<String> = self.content.fragments.iter().map(|f| f.text(chars)).collect();
        Quote {
            id: self.id.clone(),
            content: self.content.cover(),
            cue: self.cue.as_ref().map(TextBound::cover),
            speaker: self.source.as_ref().map(TextBound::cover),
            qtype: Some(quote_type_from_marks(&joined.join(" ")).to_string()),
            speaker_name: None,
            speaker_kind: None,
        }
    }
}

/// Parses the text of an `.ann` file into its attribution relations (in `E` order). Lines that are not
/// `T` or `E` lines, and `E` lines without a `Content` argument, are skipped; a malformed `T` offset is
/// an error naming the line.
pub fn parse_ann(ann: &str) -> Result<Vec<Relation>, String> {
    let mut t: HashMap<&str, TextBound> = HashMap::new();
    let mut e: Vec<(&str, Vec<(&str, &str)>)> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let mut parts = line.split('\t');
        let (Some(id), Some(body)) = (parts.next(), parts.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let (role, offsets) = body.split_once(' ').ok_or_else(|| format!("line {}: no offsets", n + 1))?;
            let mut fragments = Vec::new();
            for f in offsets.split(';') {
                let mut it = f.split_whitespace().map(str::parse::<usize>);
                match (it.next(), it.next()) {
                    (Some(Ok(s)), Some(Ok(e))) => fragments.push(CharSpan::new(s, e)),
                    _ => return Err(format!("line {}: bad offsets {f:?}", n + 1)),
                }
            }
            t.insert(id, TextBound { role: role.to_string(), fragments });
        } else if id.starts_with('E') {
            let args = body.split_whitespace().skip(1).filter_map(|a| a.split_once(':')).collect();
            e.push((id, args));
        }
    }
    Ok(e.into_iter()
        .filter_map(|(id, args)| {
            let get = |k: &str| args.iter().find(|(r, _)| *r == k).and_then(|(_, tid)| t.get(tid)).cloned();
            Some(Relation { id: id.to_string(), content: get("Content")?, cue: get("Cue"), source: get("Source") })
        })
        .collect())
}

/// One article of a brat corpus folder.
#[derive(Clone, Debug, PartialEq)]
pub struct BratDoc {
    /// File stem (`nyt_2016-09-08_obama-on-climate-change-the-tren`).
    pub stem: String,
    /// The text file.
    pub text_path: PathBuf,
    /// The annotation file used (first in sorted order).
    pub ann_path: PathBuf,
    /// The text.
    pub text: String,
    /// Its relations.
    pub relations: Vec<Relation>,
}

impl BratDoc {
    /// Reads one article from its text and annotation files.
    pub fn read(text_path: &Path, ann_path: &Path) -> Result<BratDoc, EvalError> {
        let text = std::fs::read_to_string(text_path).map_err(|e| EvalError::io(text_path, e))?;
        let ann = std::fs::read_to_string(ann_path).map_err(|e| EvalError::io(ann_path, e))?;
        let relations =
            parse_ann(&ann).map_err(|message| EvalError::Parse { path: ann_path.display().to_string(), message })?;
        let stem = text_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        Ok(BratDoc { stem, text_path: text_path.to_path_buf(), ann_path: ann_path.to_path_buf(), text, relations })
    }
    /// The publication date in the file name (`outlet_YYYY-MM-DD_slug`), if there is one.
    pub fn date(&self) -> Option<String> {
        self.stem
            .split('_')
            .find(|p| {
                let b = p.as_bytes();
                b.len() == 10 && b[4] == b'-' && b[7] == b'-' && p.chars().filter(|c| c.is_ascii_digit()).count() == 8
            })
            .map(str::to_string)
    }
    /// The relations as scoring [`Quote`]s.
    pub fn quotes(&self) -> Vec<Quote> {
        let chars: Vec<char> = self.text.chars().collect();
        self.relations.iter().map(|r| r.to_quote(&chars)).collect()
    }
}

/// Lists the articles of a corpus folder: `(text, ann)` pairs for every `text/*.txt` with at least one
/// `attributions/STEM*.ann` (the first in sorted order), sorted by text name.
pub fn list_dir(dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>, EvalError> {
    let sorted = |d: PathBuf, ext: &str| -> Result<Vec<PathBuf>, EvalError> {
        let rd = std::fs::read_dir(&d).map_err(|e| EvalError::io(&d, e))?;
        let mut v: Vec<PathBuf> =
            rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == ext)).collect();
        v.sort();
        Ok(v)
    };
    let texts = sorted(dir.join("text"), "txt")?;
    let anns = sorted(dir.join("attributions"), "ann")?;
    let mut out = Vec::new();
    for t in texts {
        let stem = t.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let ann = anns.iter().find(|a| a.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&stem)));
        if let Some(a) = ann {
            out.push((t, a.clone()));
        }
    }
    Ok(out)
}

/// Reads every article of a corpus folder (see [`list_dir`]).
pub fn read_dir(dir: &Path) -> Result<Vec<BratDoc>, EvalError> {
    list_dir(dir)?.iter().map(|(t, a)| BratDoc::read(t, a)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_relations_and_discontinuous_spans() {
        let ann = "T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 9 14;20 25\t“Go …” “now.”\n\
                   T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n\
                   E2\tAttribution-no-source:T4 \nT5\tContent 30 40\tx\nE3\tAttribution:T4 Content:T5\n";
        let r = parse_ann(ann).unwrap();
        assert_eq!(r.len(), 2, "E2 has no content");
        assert_eq!(r[0].content.fragments, vec![CharSpan::new(9, 14), CharSpan::new(20, 25)]);
        assert_eq!(r[0].content.cover(), CharSpan::new(9, 25));
        assert_eq!(r[0].source.as_ref().unwrap().cover(), CharSpan::new(0, 3));
        assert!(r[1].cue.is_none() && r[1].source.is_none());
        assert!(parse_ann("T1\tContent 3 x\t").is_err());
        // Fragments out of text order still cover both.
        let r = parse_ann("T1\tContent 20 25;9 14\tx\nE1\tAttribution:T9 Content:T1\n").unwrap();
        assert_eq!(r[0].content.cover(), CharSpan::new(9, 25));
    }

    #[test]
    fn derives_type_from_fragments_only() {
        // Content fragments are the two quotations; the words between them are not content.
        let text = "Ann: “Go now,” she said, “or else.”";
        let chars: Vec<char> = text.chars().collect();
        let ann = "T1\tContent 5 14;25 35\tx\nE1\tAttribution:T9 Content:T1\n";
        let q = parse_ann(ann).unwrap()[0].to_quote(&chars);
        assert_eq!(q.qtype.as_deref(), Some("direct"));
        assert_eq!(q.content, CharSpan::new(5, 35));
    }
}
