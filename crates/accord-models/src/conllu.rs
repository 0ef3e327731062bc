//! CoNLL-U reading and writing, plus GUM's `Entity=` mention annotations.
//!
//! Word-level models see only syntactic words: multiword-token lines (`1-2`) are kept aside (their surface
//! form and `SpaceAfter` are needed to rebuild raw text) and empty nodes (`1.1`) are dropped.

use std::fmt::Write as _;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Word {
    /// Word form.
    pub form: String,
    /// Lemma.
    pub lemma: String,
    /// Universal POS tag.
    pub upos: String,
    /// Language-specific (PTB) tag.
    pub xpos: String,
    /// Morphological features column, verbatim.
    pub feats: String,
    /// Head as a 1-based word index, 0 for the root.
    pub head: usize,
    /// Dependency relation.
    pub deprel: String,
    /// MISC column, verbatim.
    pub misc: String,
    /// False when the MISC column says `SpaceAfter=No` (for words inside a multiword token: always false
    /// except possibly the last, which inherits the token's value).
    pub space_after: bool,
}

/// A multiword token (`1-2  don't`).
#[derive(Clone, Debug, PartialEq)]
pub struct MultiWord {
    /// First word (0-based index into [`Sentence::words`]).
    pub first: usize,
    /// Last word (0-based, inclusive).
    pub last: usize,
    /// Surface form.
    pub form: String,
    /// Whether a space follows the token.
    pub space_after: bool,
}

/// One sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    /// Comment lines without the leading `# `.
    pub comments: Vec<String>,
    /// Syntactic words.
    pub words: Vec<Word>,
    /// Multiword tokens.
    pub multiwords: Vec<MultiWord>,
    /// The document id in force (`# newdoc id = ...`), if any.
    pub doc_id: Option<String>,
    /// True when a `# newdoc` line opened a document at this sentence.
    pub newdoc: bool,
    /// True when a `# newpar` line opened a paragraph at this sentence.
    pub newpar: bool,
}

fn misc_has(misc: &str, item: &str) -> bool {
    misc.split('|').any(|m| m == item)
}

/// The value of `Key=` in a MISC column.
pub fn misc_get<'a>(misc: &'a str, key: &str) -> Option<&'a str> {
    misc.split('|').find_map(|m| m.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
}

/// Parses CoNLL-U text. Malformed word lines are skipped (see [`parse_checked`] to report them).
pub fn parse(text: &str) -> Vec<Sentence> {
    parse_lines(text, false).unwrap_or_default()
}

/// Parses CoNLL-U text; the first malformed line is an error naming it (1-based): a word line without
/// ten tab-separated columns, an ID that is not `N`, `N-M` or `N.M`, or a HEAD that is neither a number
/// nor `_`.
pub fn parse_checked(text: &str) -> Result<Vec<Sentence>, String> {
    parse_lines(text, true)
}

fn parse_lines(text: &str, strict: bool) -> Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut doc_id: Option<String> = None;
    let mut pending_newdoc = false;
    let mut pending_newpar = false;
    let flush = |cur: &mut Sentence, out: &mut Vec<Sentence>| {
        if !cur.words.is_empty() {
            out.push(std::mem::take(cur));
        } else {
            cur.comments.clear();
            cur.multiwords.clear();
        }
    };
    for (ln, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut cur, &mut out);
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(id) = c.strip_prefix("newdoc id =").or_else(|| c.strip_prefix("newdoc id=")) {
                doc_id = Some(id.trim().to_string());
                pending_newdoc = true;
                pending_newpar = true;
            } else if c == "newdoc" {
                pending_newdoc = true;
                pending_newpar = true;
            } else if c.starts_with("newpar") && !c.starts_with("newpar_") {
                pending_newpar = true;
            }
            cur.comments.push(c.to_string());
            continue;
        }
        if cur.words.is_empty() && cur.multiwords.is_empty() {
            cur.doc_id = doc_id.clone();
            cur.newdoc = std::mem::take(&mut pending_newdoc);
            cur.newpar = std::mem::take(&mut pending_newpar);
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if strict {
            check_word_line(&cols).map_err(|m| format!("line {}: {m}", ln + 1))?;
        }
        if cols.len() < 10 {
            continue;
        }
        let id = cols[0];
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            if let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                cur.multiwords.push(MultiWord {
                    first: a - 1,
                    last: b - 1,
                    form: cols[1].to_string(),
                    space_after: !misc_has(cols[9], "SpaceAfter=No"),
                });
            }
            continue;
        }
        let in_mwt = cur.multiwords.last().map(|m| cur.words.len() >= m.first && cur.words.len() <= m.last);
        let mut space_after = !misc_has(cols[9], "SpaceAfter=No");
        if let Some(true) = in_mwt {
            let m = cur.multiwords.last().unwrap();
            space_after = if cur.words.len() == m.last { m.space_after } else { false };
        }
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head: cols[6].parse().unwrap_or(0),
            deprel: cols[7].to_string(),
            misc: cols[9].to_string(),
            space_after,
        });
    }
    flush(&mut cur, &mut out);
    Ok(out)
}

/// Why a word line is not CoNLL-U, if it is not.
fn check_word_line(cols: &[&str]) -> Result<(), String> {
    if cols.len() != 10 {
        return Err(format!("expected 10 tab-separated columns, found {}", cols.len()));
    }
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let id = cols[0];
    let id_ok = match id.split_once(['-', '.']) {
        Some((a, b)) => number(a) && number(b),
        None => number(id) && id != "0",
    };
    if !id_ok {
        return Err(format!("ID `{id}` is not a word number, a range N-M or an empty node N.M"));
    }
    if !(number(cols[6]) || cols[6] == "_") {
        return Err(format!("HEAD `{}` is not a number", cols[6]));
    }
    Ok(())
}

/// Reads a CoNLL-U file; a malformed line is an `InvalidData` error naming the line.
pub fn read_file(path: &std::path::Path) -> std::io::Result<Vec<Sentence>> {
    parse_checked(&std::fs::read_to_string(path)?).map_err(|m| std::io::Error::new(std::io::ErrorKind::InvalidData, m))
}

/// GUM genre of a document id `GUM_<genre>_<name>`.
pub fn gum_genre(doc_id: &str) -> Option<&str> {
    doc_id.strip_prefix("GUM_").and_then(|r| r.split('_').next())
}

/// GUM genres whose texts are CC BY or CC BY-SA and may train shipped weights.
pub const LICENSED_GUM_GENRES: &[&str] = &["academic", "bio", "court", "interview", "news", "voyage"];

/// The sentence text surface (multiword tokens as written, `SpaceAfter` respected).
pub fn surface(s: &Sentence) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < s.words.len() {
        if let Some(m) = s.multiwords.iter().find(|m| m.first == i) {
            out.push_str(&m.form);
            if m.space_after {
                out.push(' ');
            }
            i = m.last + 1;
        } else {
            out.push_str(&s.words[i].form);
            if s.words[i].space_after {
                out.push(' ');
            }
            i += 1;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Writes one sentence. `comments` are written as `# ...` lines; multiword tokens are kept.
pub fn write_sentence(s: &Sentence, out: &mut String) {
    for c in &s.comments {
        let _ = writeln!(out, "# {c}");
    }
    for (i, w) in s.words.iter().enumerate() {
        if let Some(m) = s.multiwords.iter().find(|m| m.first == i) {
            let misc = if m.space_after { "_" } else { "SpaceAfter=No" };
            let _ = writeln!(out, "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}", m.first + 1, m.last + 1, m.form, misc);
        }
        let e = |s: &str| if s.is_empty() { "_".to_string() } else { s.to_string() };
        let misc = if w.misc.is_empty() {
            if w.space_after || s.multiwords.iter().any(|m| m.first <= i && i <= m.last) {
                "_".to_string()
            } else {
                "SpaceAfter=No".to_string()
            }
        } else {
            w.misc.clone()
        };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
            i + 1,
            w.form,
            e(&w.lemma),
            e(&w.upos),
            e(&w.xpos),
            e(&w.feats),
            w.head,
            e(&w.deprel),
            misc
        );
    }
    out.push('\n');
}

/// A GUM mention (`Entity=` annotation) inside one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct GumMention {
    /// Index of the sentence in the slice given to [`gum_mentions`].
    pub sentence: usize,
    /// First word (0-based).
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Entity type (`person`, `place`, `organization`, ...).
    pub etype: String,
    /// Coreference chain id, unique within a document (`doc_id` + GUM's number).
    pub chain: String,
}

/// All mentions of the `Entity=` annotations in `sents` (mentions crossing a sentence boundary are dropped).
pub fn gum_mentions(sents: &[Sentence]) -> Vec<GumMention> {
    let mut out = Vec::new();
    // open mentions: (id, sentence, start word, etype)
    let mut open: Vec<(String, usize, usize, String)> = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        let doc = s.doc_id.clone().unwrap_or_default();
        for (wi, w) in s.words.iter().enumerate() {
            let Some(ent) = misc_get(&w.misc, "Entity") else { continue };
            let b = ent.as_bytes();
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'(' {
                    let mut j = i + 1;
                    while j < b.len() && b[j] != b'(' && b[j] != b')' {
                        j += 1;
                    }
                    let body = &ent[i + 1..j];
                    let mut parts = body.split('-');
                    let id = parts.next().unwrap_or("").to_string();
                    let etype = parts.next().unwrap_or("").to_string();
                    if j < b.len() && b[j] == b')' {
                        out.push(GumMention {
                            sentence: si,
                            start: wi,
                            end: wi + 1,
                            etype,
                            chain: format!("{doc}#{id}"),
                        });
                        i = j + 1;
                    } else {
                        open.push((id, si, wi, etype));
                        i = j;
                    }
                } else {
                    let mut j = i;
                    while j < b.len() && b[j] != b')' && b[j] != b'(' {
                        j += 1;
                    }
                    let id = &ent[i..j];
                    if j < b.len() && b[j] == b')' {
                        if let Some(p) = open.iter().rposition(|o| o.0 == id) {
                            let (oid, osi, ow, et) = open.remove(p);
                            if osi == si {
                                out.push(GumMention {
                                    sentence: si,
                                    start: ow,
                                    end: wi + 1,
                                    etype: et,
                                    chain: format!("{doc}#{oid}"),
                                });
                            }
                        }
                        i = j + 1;
                    } else {
                        i = j.max(i + 1);
                    }
                }
            }
        }
        if s.newdoc {
            // nothing stays open across documents
        }
    }
    out.sort_by_key(|m| (m.sentence, m.start, std::cmp::Reverse(m.end)));
    out
}

/// Maps a GUM entity type to the NER label accord uses (`PER`, `ORG`, `GPE`, `MISC`).
pub fn gum_type_label(etype: &str) -> &'static str {
    match etype {
        "person" => "PER",
        "organization" => "ORG",
        "place" => "GPE",
        _ => "MISC",
    }
}

/// Named-entity spans of one sentence derived from GUM mentions: a mention counts as *named* when its
/// syntactic head (the word whose head lies outside the mention) is `PROPN`; the name is the run of
/// `PROPN` words around the head inside the mention, bridged by one or two connectors (`of`, `the`, `and`,
/// `&`, `-`, `de`...: the lexicon's [`accord_lexicon::names::Connectors::gold`]) between two proper nouns.
/// Nested names inside a longer name are dropped. Returns `(start, end, label)` with 0-based word indices,
/// end exclusive, sorted.
pub fn named_spans(s: &Sentence, mentions: &[&GumMention]) -> Vec<(usize, usize, &'static str)> {
    let gold = &accord_lexicon::names::connectors().gold;
    let is_connector = |w: &Word| gold.contains(&w.form.as_str());
    let mut cands: Vec<(usize, usize, &'static str)> = Vec::new();
    for m in mentions {
        let inside = |k: usize| k >= m.start && k < m.end;
        let head = (m.start..m.end).find(|&k| {
            let h = s.words[k].head;
            h == 0 || !inside(h - 1)
        });
        let Some(h) = head else { continue };
        if s.words[h].upos != "PROPN" {
            continue;
        }
        let mut a = h;
        while a > m.start && s.words[a - 1].upos == "PROPN" {
            a -= 1;
        }
        let mut b = h + 1;
        loop {
            if b < m.end && s.words[b].upos == "PROPN" {
                b += 1;
                continue;
            }
            // bridge connectors followed by a proper noun inside the mention
            let mut c = b;
            while c < m.end && is_connector(&s.words[c]) && c - b < 2 {
                c += 1;
            }
            if c > b && c < m.end && s.words[c].upos == "PROPN" {
                b = c + 1;
                continue;
            }
            break;
        }
        cands.push((a, b, gum_type_label(&m.etype)));
    }
    cands.sort_by_key(|&(a, b, _)| (std::cmp::Reverse(b - a), a));
    let mut kept: Vec<(usize, usize, &'static str)> = Vec::new();
    for c in cands {
        if kept.iter().all(|k| c.1 <= k.0 || c.0 >= k.1) {
            kept.push(c);
        }
    }
    kept.sort();
    kept
}

/// BIO labels (`O`, `B-PER`, `I-PER`, ...) for a sentence given its named spans.
pub fn bio(n: usize, spans: &[(usize, usize, &'static str)]) -> Vec<String> {
    let mut out = vec!["O".to_string(); n];
    for &(a, b, l) in spans {
        out[a] = format!("B-{l}");
        for o in out.iter_mut().take(b).skip(a + 1) {
            *o = format!("I-{l}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    const SAMPLE: &str = "# newdoc id = GUM_news_x\n# text = I don't know Bank of America.\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\tEntity=(1-person-new-n-cf1-1-sgl)\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n3\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n4\tBank\tBank\tPROPN\tNNP\t_\t3\tobj\t_\tEntity=(2-organization-new-n-cf1-1-sgl\n5\tof\tof\tADP\tIN\t_\t6\tcase\t_\t_\n6\tAmerica\tAmerica\tPROPN\tNNP\t_\t4\tnmod\t_\tEntity=(3-place-new-n-cf1-1-sgl)2)|SpaceAfter=No\n7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    #[test]
    fn reads_multiwords_and_entities() {
        let s = parse(SAMPLE);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 7);
        assert_eq!(s[0].multiwords.len(), 1);
        assert_eq!(surface(&s[0]), "don't know Bank of America.");
        assert_eq!(gum_genre(s[0].doc_id.as_deref().unwrap()), Some("news"));
        let m = gum_mentions(&s);
        assert_eq!(m.len(), 3);
        let refs: Vec<&GumMention> = m.iter().collect();
        let spans = named_spans(&s[0], &refs);
        assert_eq!(spans, vec![(3, 6, "ORG")]);
        let mut out = String::new();
        write_sentence(&s[0], &mut out);
        assert_eq!(parse(&out)[0].words, s[0].words);
    }

    #[test]
    fn checked_parsing_names_the_bad_line() {
        assert_eq!(parse_checked(SAMPLE).unwrap()[0].words, parse(SAMPLE)[0].words);
        // tokens only (no annotation) are fine
        assert_eq!(parse_checked("1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n\n").unwrap()[0].words.len(), 1);
        let short = "# c\n1\tHi\t_\t_\t_\t_\t0\troot\t_\t_\n2\tthere\t_\n\n";
        assert_eq!(parse_checked(short).unwrap_err(), "line 3: expected 10 tab-separated columns, found 3");
        assert_eq!(parse(short)[0].words.len(), 1, "the lenient reader skips it");
        let bad_id = "x\tHi\t_\t_\t_\t_\t0\troot\t_\t_\n";
        assert!(parse_checked(bad_id).unwrap_err().starts_with("line 1: ID `x`"));
        let bad_head = "1\tHi\t_\t_\t_\t_\tone\troot\t_\t_\n";
        assert!(parse_checked(bad_head).unwrap_err().starts_with("line 1: HEAD `one`"));
    }
}
