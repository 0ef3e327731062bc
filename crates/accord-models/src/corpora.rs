//! Readers of the named-entity corpora under `../shared/data` that the recogniser can learn from
//! besides GUM: WikiGold (CoNLL-2003 style, IOB1), the Broad Twitter Corpus and WNUT-17 (token, tab,
//! IOB2 tag). Each gives documents of tokenised sentences with typed spans; [`crate::train`] tags and
//! parses them with the shipped models and turns the spans into names the way GUM's mentions are
//! ([`crate::conllu::named_spans`]).

use std::path::Path;

/// One sentence of a named-entity corpus: its tokens and its entity spans `(start, end, type)`, with
/// GUM's entity types (`person`, `organization`, `place`, `other`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NerSentence {
    /// Tokens.
    pub words: Vec<String>,
    /// Entity spans, word indices, end exclusive.
    pub spans: Vec<(usize, usize, &'static str)>,
}

/// A document: consecutive sentences that share the recogniser's document context.
pub type NerDocument = Vec<NerSentence>;

/// Maps a corpus label (without `B-`/`I-`) to a GUM entity type; `None`: not a name class.
pub fn gum_type(label: &str) -> Option<&'static str> {
    match label {
        "PER" | "person" => Some("person"),
        "ORG" | "corporation" | "group" => Some("organization"),
        "LOC" | "location" => Some("place"),
        "MISC" | "product" | "creative-work" => Some("other"),
        // re3d
        "Person" => Some("person"),
        "Organisation" => Some("organization"),
        "Location" => Some("place"),
        "MilitaryPlatform" | "Weapon" | "Vehicle" => Some("other"),
        _ => None,
    }
}

/// Parses CoNLL-style text: one `token<whitespace>tag` a line, blank lines between sentences, lines
/// starting `-DOCSTART-` between documents. With `each_sentence_a_document` (tweets) every sentence is a
/// document. Tags are IOB1 or IOB2 (an `I-` after another type or after `O` starts a span).
pub fn parse_conll(text: &str, each_sentence_a_document: bool) -> Vec<NerDocument> {
    let mut docs: Vec<NerDocument> = Vec::new();
    let mut doc: NerDocument = Vec::new();
    let mut sent = NerSentence::default();
    let mut open: Option<(usize, &'static str)> = None;
    let mut last_label = String::new();
    let close = |sent: &mut NerSentence, open: &mut Option<(usize, &'static str)>| {
        if let Some((a, t)) = open.take() {
            sent.spans.push((a, sent.words.len(), t));
        }
    };
    let end_sentence = |sent: &mut NerSentence,
                        open: &mut Option<(usize, &'static str)>,
                        last: &mut String,
                        doc: &mut NerDocument,
                        docs: &mut Vec<NerDocument>| {
        close(sent, open);
        last.clear();
        if !sent.words.is_empty() {
            doc.push(std::mem::take(sent));
            if each_sentence_a_document {
                docs.push(std::mem::take(doc));
            }
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("-DOCSTART-") {
            end_sentence(&mut sent, &mut open, &mut last_label, &mut doc, &mut docs);
            if !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let mut parts = line.split(['\t', ' ']).filter(|p| !p.is_empty());
        let (Some(word), Some(tag)) = (parts.next(), parts.next_back()) else {
            end_sentence(&mut sent, &mut open, &mut last_label, &mut doc, &mut docs);
            continue;
        };
        let (prefix, label) = tag.split_once('-').unwrap_or((tag, ""));
        let continues = prefix == "I" && label == last_label;
        if !continues {
            close(&mut sent, &mut open);
            if prefix == "B" || prefix == "I" {
                if let Some(t) = gum_type(label) {
                    open = Some((sent.words.len(), t));
                }
            }
        }
        last_label = if prefix == "O" { String::new() } else { label.to_string() };
        sent.words.push(word.to_string());
    }
    end_sentence(&mut sent, &mut open, &mut last_label, &mut doc, &mut docs);
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

/// The corpora [`read`] knows, with their files under the shared folder and whether each sentence is
/// a document of its own: `wikigold`, `btc-a`, `btc-b`, `btc-e`, `btc-f`, `btc-g` (the Broad Twitter
/// Corpus sections copied; section h is its test material), `wnut17` (WNUT-17 train).
pub const CORPORA: &[(&str, &str, bool)] = &[
    ("wikigold", "data/wikigold/wikigold.conll.txt", false),
    ("btc-a", "data/btc/a.conll", true),
    ("btc-b", "data/btc/b.conll", true),
    ("btc-e", "data/btc/e.conll", true),
    ("btc-f", "data/btc/f.conll", true),
    ("btc-g", "data/btc/g.conll", true),
    ("wnut17", "data/wnut17/wnut17train.conll", true),
];

/// The re3d sources [`read`] takes for `re3d` (`data/re3d/<source>`): the US-government public-domain,
/// UK Open Government Licence, CC BY 3.0 AU and CC BY-SA 3.0 ones; not the EU delegation's (an
/// attribution-only legal notice, not a licence) nor BBC Online (NC, not copied).
pub const RE3D_SOURCES: &[&str] =
    &["Australian Department of Foreign Affairs", "CENTCOM", "UK Government", "US State Department", "Wikipedia"];

/// The Universal NER annotation of UD English-EWT's dev sentences ([`parse_uner`]), read as `uner-ewt`.
pub const UNER_EWT: &str = "data/uner-english-ewt/en_ewt-ud-dev.iob2";

/// Parses Universal NER's CoNLL-U-like files: `# newdoc id` lines start documents, other `#` lines are
/// comments, word lines are `ID<TAB>FORM<TAB>IOB2-tag<TAB>...`, blank lines end sentences.
pub fn parse_uner(text: &str) -> Vec<NerDocument> {
    let mut conll = String::with_capacity(text.len() / 2);
    for line in text.lines() {
        if line.starts_with("# newdoc") {
            conll.push_str("-DOCSTART-\n");
        } else if line.starts_with('#') {
            continue;
        } else if line.trim().is_empty() {
            conll.push('\n');
        } else {
            let mut cols = line.split('\t').skip(1);
            if let (Some(word), Some(tag)) = (cols.next(), cols.next()) {
                conll.push_str(word);
                conll.push('\t');
                conll.push_str(tag);
                conll.push('\n');
            }
        }
    }
    parse_conll(&conll, false)
}

/// Reads corpus `name` (one of [`CORPORA`], `re3d` or `uner-ewt`) under the shared folder.
pub fn read(shared: &Path, name: &str) -> std::io::Result<Vec<NerDocument>> {
    if name == "uner-ewt" {
        return Ok(parse_uner(&std::fs::read_to_string(shared.join(UNER_EWT))?));
    }
    if name == "re3d" {
        let mut docs = Vec::new();
        for src in RE3D_SOURCES {
            let dir = shared.join("data/re3d").join(src);
            let documents = std::fs::read_to_string(dir.join("documents.json"))?;
            let entities = std::fs::read_to_string(dir.join("entities.json"))?;
            docs.extend(parse_re3d(&documents, &entities).map_err(std::io::Error::other)?);
        }
        return Ok(docs);
    }
    let Some(&(_, rel, tweets)) = CORPORA.iter().find(|c| c.0 == name) else {
        return Err(std::io::Error::new(std::io::ErrorKind::NotFound, format!("unknown corpus {name}")));
    };
    let text = std::fs::read_to_string(shared.join(rel))?;
    Ok(parse_conll(&text, tweets))
}

/// Parses one re3d source: `documents.json` and `entities.json` (one JSON object a line; entities with
/// character offsets `begin`/`end` into the document's `text`, kept at `confidence` 0.5 or more), in the
/// order of the documents. Texts are split into tokens and sentences by [`tokenise`]; an entity covers
/// the tokens inside its offsets.
pub fn parse_re3d(documents: &str, entities: &str) -> Result<Vec<NerDocument>, String> {
    let mut by_doc: std::collections::BTreeMap<String, Vec<(usize, usize, &'static str)>> = Default::default();
    for line in entities.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let num = |k: &str| v[k].as_f64().ok_or_else(|| format!("entity without {k}: {line}"));
        if num("confidence").unwrap_or(1.0) < 0.5 {
            continue;
        }
        let Some(t) = v["type"].as_str().and_then(gum_type) else { continue };
        let doc = v["documentId"].as_str().ok_or("entity without documentId")?.to_string();
        by_doc.entry(doc).or_default().push((num("begin")? as usize, num("end")? as usize, t));
    }
    let mut out = Vec::new();
    for line in documents.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let id = v["_id"].as_str().ok_or("document without _id")?;
        let text = v["text"].as_str().ok_or("document without text")?;
        let ents = by_doc.get(id).map(Vec::as_slice).unwrap_or(&[]);
        let mut doc = Vec::new();
        for sentence in tokenise(text) {
            let mut s = NerSentence { words: sentence.iter().map(|t| t.2.to_string()).collect(), spans: Vec::new() };
            for &(b, e, t) in ents {
                let mut inside = (0..sentence.len()).filter(|&k| sentence[k].0 >= b && sentence[k].1 <= e);
                if let Some(a) = inside.next() {
                    let z = inside.next_back().unwrap_or(a);
                    if !s.spans.contains(&(a, z + 1, t)) {
                        s.spans.push((a, z + 1, t));
                    }
                }
            }
            doc.push(s);
        }
        out.push(doc);
    }
    Ok(out)
}

/// Abbreviations whose full stop stays with the word in [`tokenise`].
const ABBREVIATIONS: &[&str] =
    &["Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Gen.", "Lt.", "Col.", "Sgt.", "Maj.", "Capt.", "No.", "Jr.", "Sr.", "vs."];

/// A plain tokeniser for running text: tokens `(start, end, text)` with character offsets, grouped in
/// sentences. Words are split at white space; leading and trailing punctuation becomes tokens of its
/// own, except the full stop of an abbreviation (`U.S.`, `Mr.`, a single capital letter), and `'s` and
/// `n't` are split off. A sentence ends after `.`, `!` or `?` followed by a token that does not start
/// in lower case, and at a line break.
pub fn tokenise(text: &str) -> Vec<Vec<(usize, usize, &str)>> {
    let is_open = |c: char| "\"'([{\u{201c}\u{2018}".contains(c);
    let is_close = |c: char| "\"')]},;:!?.\u{201d}\u{2019}".contains(c);
    let mut sentences: Vec<Vec<(usize, usize, &str)>> = Vec::new();
    let mut cur: Vec<(usize, usize, &str)> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut pos = line_start;
        for chunk in line.split(char::is_whitespace) {
            let (mut a, mut z) = (pos, pos + chunk.len());
            pos = z + line[z - line_start..].chars().next().map_or(0, char::len_utf8);
            let mut tail: Vec<(usize, usize)> = Vec::new();
            while let Some(c) = text[a..z].chars().next().filter(|&c| is_open(c)) {
                cur.push((a, a + c.len_utf8(), &text[a..a + c.len_utf8()]));
                a += c.len_utf8();
            }
            while let Some(c) = text[a..z].chars().next_back().filter(|&c| is_close(c)) {
                let w = &text[a..z];
                let abbreviation = c == '.'
                    && (ABBREVIATIONS.contains(&w)
                        || w[..w.len() - 1].contains('.')
                        || (w.len() == 2 && w.starts_with(|x: char| x.is_ascii_uppercase())));
                if abbreviation {
                    break;
                }
                tail.push((z - c.len_utf8(), z));
                z -= c.len_utf8();
            }
            if a < z {
                let w = &text[a..z];
                match ["'s", "\u{2019}s", "n't"].iter().find(|x| w.len() > x.len() && w.ends_with(**x)) {
                    Some(x) => {
                        let m = z - x.len();
                        cur.push((a, m, &text[a..m]));
                        cur.push((m, z, &text[m..z]));
                    }
                    None => cur.push((a, z, w)),
                }
            }
            for &(x, y) in tail.iter().rev() {
                cur.push((x, y, &text[x..y]));
            }
        }
        line_start += line.len();
        let mut start = 0;
        for k in 0..cur.len() {
            let ends = matches!(cur[k].2, "." | "!" | "?")
                && cur.get(k + 1).is_some_and(|n| !n.2.starts_with(char::is_lowercase));
            if ends {
                sentences.push(cur[start..=k].to_vec());
                start = k + 1;
            }
        }
        if start < cur.len() {
            sentences.push(cur[start..].to_vec());
        }
        cur.clear();
    }
    // byte offsets to character offsets
    let starts: Vec<usize> = text.char_indices().map(|c| c.0).collect();
    let ch = |b: usize| starts.partition_point(|&x| x < b);
    sentences.into_iter().map(|s| s.into_iter().map(|(a, b, w)| (ch(a), ch(b), w)).collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uner_documents_words_and_spans() {
        let text = "# newdoc id = a\n# sent_id = a-1\n1\tAnn\tB-PER\t-\tx\n2\tLee\tI-PER\t-\tx\n3\tleft\tO\t-\t-\n\n\
                    # newdoc id = b\n# sent_id = b-1\n1\tin\tO\t-\t-\n2\tOhio\tB-LOC\t-\ty\n\n";
        let docs = parse_uner(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0][0].words, ["Ann", "Lee", "left"]);
        assert_eq!(docs[0][0].spans, [(0, 2, "person")]);
        assert_eq!(docs[1][0].spans, [(1, 2, "place")]);
    }

    #[test]
    fn re3d_offsets_become_token_spans() {
        let documents =
            r#"{ "_id" : "d1", "text" : "Dr. Ann Lee met U.S. troops in Ar Raqqah. They left.\nNext line" }"#;
        let entities = r#"{ "begin" : 0, "end" : 11, "type" : "Person", "documentId" : "d1", "confidence" : 1 }
{ "begin" : 16, "end" : 27, "type" : "Organisation", "documentId" : "d1", "confidence" : 1 }
{ "begin" : 31, "end" : 40, "type" : "Location", "documentId" : "d1", "confidence" : 0.9 }
{ "begin" : 42, "end" : 46, "type" : "Person", "documentId" : "d1", "confidence" : 0.2 }
{ "begin" : 0, "end" : 3, "type" : "Temporal", "documentId" : "d1", "confidence" : 1 }"#;
        let docs = parse_re3d(documents, entities).unwrap();
        assert_eq!(docs.len(), 1);
        let s: Vec<Vec<&str>> = docs[0].iter().map(|s| s.words.iter().map(|w| w.as_str()).collect()).collect();
        assert_eq!(
            s,
            [
                vec!["Dr.", "Ann", "Lee", "met", "U.S.", "troops", "in", "Ar", "Raqqah", "."],
                vec!["They", "left", "."],
                vec!["Next", "line"]
            ]
        );
        assert_eq!(docs[0][0].spans, vec![(0, 3, "person"), (4, 6, "organization"), (7, 9, "place")]);
        assert!(docs[0][1].spans.is_empty());
    }

    #[test]
    fn tokeniser_splits_punctuation_and_clitics() {
        let t: Vec<Vec<&str>> = tokenise("(Syria's \u{201c}army\u{201d}) didn't go, A. Smith said. Né là.")
            .iter()
            .map(|s| s.iter().map(|t| t.2).collect())
            .collect();
        assert_eq!(
            t,
            [
                vec![
                    "(", "Syria", "'s", "\u{201c}", "army", "\u{201d}", ")", "did", "n't", "go", ",", "A.", "Smith",
                    "said", "."
                ],
                vec!["Né", "là", "."]
            ]
        );
        assert_eq!(tokenise("Né là")[0][1], (3, 5, "là"));
    }

    #[test]
    fn iob1_with_documents() {
        let text = "-DOCSTART- O\n\nAda I-PER\nKing I-PER\nvisited O\nthe O\nNorth I-LOC\nPole I-LOC\n. O\n\n\
                    -DOCSTART- O\n\nAcme I-ORG\nB-ORG B-ORG\nsold O\nSpanish I-MISC\nwine O\n";
        let docs = parse_conll(text, false);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0][0].spans, vec![(0, 2, "person"), (4, 6, "place")]);
        assert_eq!(docs[1][0].words[1], "B-ORG");
        assert_eq!(docs[1][0].spans, vec![(0, 1, "organization"), (1, 2, "organization"), (3, 4, "other")]);
    }

    #[test]
    fn iob2_tweets_are_documents() {
        let text = "Hi\tO\n@x\tO\nNew\tB-location\nYork\tI-location\n\nRT\tO\nBBC\tB-ORG\nnews\tO\n2pm\tB-date\n";
        let docs = parse_conll(text, true);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0][0].spans, vec![(2, 4, "place")]);
        assert_eq!(docs[1][0].spans, vec![(1, 2, "organization")]);
    }
}
