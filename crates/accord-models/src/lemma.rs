//! Lemmatiser: a `(lower-cased form, UPOS) → lemma` table learnt from the training treebanks, with
//! suffix-rewrite rules (also learnt) for unseen words. Proper nouns keep their form.

use crate::util::{h2, h3, hash_str, BinReader, BinWriter, FastMap};
use std::borrow::Cow;

/// A trained lemmatiser.
#[derive(Debug, Default)]
pub struct Lemmatizer {
    /// Lemmas of the table live as long as the program (one leaked block per lemmatiser, loaded once),
    /// so a looked-up lemma is handed out without a copy.
    table: FastMap<u64, &'static str>,
    /// `(upos, suffix, k)` → (characters to strip, string to append).
    rules: FastMap<u64, (u8, String)>,
}

fn key(lower: &str, upos: &str) -> u64 {
    h2(hash_str(lower), hash_str(upos))
}

fn rule_key(upos: &str, suffix: &str, k: usize) -> u64 {
    h3(hash_str(upos), hash_str(suffix), k as u64)
}

fn suffix(s: &str, k: usize) -> Option<&str> {
    let n = s.chars().count();
    if n <= k {
        return None;
    }
    let idx = s.char_indices().nth(n - k).map(|(i, _)| i)?;
    Some(&s[idx..])
}

/// The table of `(key, lemma)` entries with all lemmas in one leaked block.
fn static_table(entries: Vec<(u64, String)>) -> FastMap<u64, &'static str> {
    let block: &'static str = Box::leak(entries.iter().map(|e| e.1.as_str()).collect::<String>().into_boxed_str());
    let mut table = FastMap::default();
    table.reserve(entries.len());
    let mut at = 0;
    for (k, l) in entries {
        table.insert(k, &block[at..at + l.len()]);
        at += l.len();
    }
    table
}

impl Lemmatizer {
    /// Learns from `(form, upos, lemma)` triples.
    pub fn train<'a>(items: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Lemmatizer {
        let mut counts: FastMap<u64, FastMap<String, u32>> = FastMap::default();
        let mut types: FastMap<u64, (String, String, String)> = FastMap::default();
        for (form, upos, lemma) in items {
            if lemma == "_" {
                continue;
            }
            let lower = form.to_lowercase();
            let k = key(&lower, upos);
            *counts.entry(k).or_default().entry(lemma.to_string()).or_default() += 1;
            types.entry(h2(k, hash_str(lemma))).or_insert((lower, upos.to_string(), lemma.to_string()));
        }
        let mut best: Vec<(u64, String)> = counts
            .into_iter()
            .map(|(k, m)| {
                let mut v: Vec<(String, u32)> = m.into_iter().collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                (k, v.swap_remove(0).0)
            })
            .collect();
        best.sort_unstable();
        let table = static_table(best);
        // Rules from word types: (upos, last k chars) -> (strip, append), most frequent.
        let mut rc: FastMap<u64, FastMap<(u8, String), u32>> = FastMap::default();
        let mut tv: Vec<&(String, String, String)> = types.values().collect();
        tv.sort();
        for (lower, upos, lemma) in tv {
            if upos == "PROPN" {
                continue;
            }
            let ll = lemma.to_lowercase();
            let lcp = lower.chars().zip(ll.chars()).take_while(|(a, b)| a == b).count();
            let strip = lower.chars().count() - lcp;
            if strip > 6 {
                continue;
            }
            let append: String = ll.chars().skip(lcp).collect();
            for k in 1..=4 {
                if let Some(suf) = suffix(lower, k) {
                    *rc.entry(rule_key(upos, suf, k)).or_default().entry((strip as u8, append.clone())).or_default() +=
                        1;
                }
            }
        }
        let mut rules = FastMap::default();
        for (k, m) in rc {
            let mut v: Vec<((u8, String), u32)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let total: u32 = v.iter().map(|x| x.1).sum();
            if total >= 2 {
                rules.insert(k, v.swap_remove(0).0);
            }
        }
        Lemmatizer { table, rules }
    }

    /// The lemma of `form` tagged `upos`.
    pub fn lemma(&self, form: &str, upos: &str) -> Cow<'static, str> {
        self.lemma_with(form, upos, &mut String::new())
    }

    /// Like [`Lemmatizer::lemma`], lower-casing into the reusable buffer `lower`: a lemma from the table
    /// (most words) is borrowed, only a proper noun's form and a lemma made by a suffix rule are copies.
    pub fn lemma_with(&self, form: &str, upos: &str, lower: &mut String) -> Cow<'static, str> {
        lower.clear();
        if form.is_ascii() {
            lower.push_str(form);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(form.chars().flat_map(char::to_lowercase));
        }
        let lower = lower.as_str();
        if let Some(&l) = self.table.get(&key(lower, upos)) {
            return Cow::Borrowed(l);
        }
        if upos == "PROPN" {
            return Cow::Owned(form.to_string());
        }
        if matches!(upos, "NUM" | "PUNCT" | "SYM" | "X") {
            return Cow::Owned(lower.to_string());
        }
        for k in (1..=4).rev() {
            if let Some(suf) = suffix(lower, k) {
                if let Some((strip, append)) = self.rules.get(&rule_key(upos, suf, k)) {
                    let n = lower.chars().count();
                    if (*strip as usize) < n {
                        let mut out: String = lower.chars().take(n - *strip as usize).collect();
                        out.push_str(append);
                        return Cow::Owned(out);
                    }
                }
            }
        }
        Cow::Owned(lower.to_string())
    }

    /// Serialises.
    pub fn write(&self) -> Vec<u8> {
        let mut w = BinWriter::new("lemmatizer");
        let mut t: Vec<(&u64, &&str)> = self.table.iter().collect();
        t.sort();
        w.u32(t.len() as u32);
        for (k, v) in t {
            w.u64(*k);
            w.str(v);
        }
        let mut r: Vec<(&u64, &(u8, String))> = self.rules.iter().collect();
        r.sort();
        w.u32(r.len() as u32);
        for (k, (s, a)) in r {
            w.u64(*k);
            w.u8(*s);
            w.str(a);
        }
        w.buf
    }

    /// Reads a serialised lemmatiser.
    pub fn read(data: &[u8]) -> Result<Lemmatizer, String> {
        let mut r = BinReader::new(data, "lemmatizer")?;
        let n = r.u32()? as usize;
        let mut entries = Vec::with_capacity(n);
        for _ in 0..n {
            let k = r.u64()?;
            entries.push((k, r.str()?));
        }
        let table = static_table(entries);
        let m = r.u32()? as usize;
        let mut rules = FastMap::default();
        for _ in 0..m {
            let k = r.u64()?;
            let s = r.u8()?;
            rules.insert(k, (s, r.str()?));
        }
        Ok(Lemmatizer { table, rules })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn table_and_rules() {
        let data = [
            ("walked", "VERB", "walk"),
            ("talked", "VERB", "talk"),
            ("jumped", "VERB", "jump"),
            ("went", "VERB", "go"),
            ("Obama", "PROPN", "Obama"),
        ];
        let l = Lemmatizer::train(data.iter().copied());
        assert_eq!(l.lemma("went", "VERB"), "go");
        assert_eq!(l.lemma("Went", "VERB"), "go");
        assert_eq!(l.lemma("kicked", "VERB"), "kick");
        assert_eq!(l.lemma("Leavitt", "PROPN"), "Leavitt");
    }
}
