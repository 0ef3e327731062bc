//! The dependency tree of one parsed sentence: children per token and subtree extents, shared by the
//! parse-based steps (attributed acts, learned candidates).

use accord_doc::Doc;

/// Children of every token of one sentence (document token indices), from the models' heads.
pub struct SentenceTree {
    start: usize,
    /// The children of the sentence's `i`-th token are `kids[first[i]..first[i + 1]]` (one table for
    /// the sentence, not a vector per token).
    first: Vec<usize>,
    kids: Vec<usize>,
}

impl SentenceTree {
    /// The tree of sentence `si`, or None when it is empty or was not parsed.
    pub fn new(doc: &Doc, si: usize) -> Option<SentenceTree> {
        let range = doc.sentences[si].tokens.clone();
        if range.is_empty() || doc.tokens[range.start].analysis.is_none() {
            return None;
        }
        // heads inside the sentence, counted per head, then each dependent placed in text order
        let head = |k: usize| doc.tokens[k].analysis.as_ref().and_then(|a| a.head()).filter(|h| range.contains(h));
        let mut first = vec![0usize; range.len() + 1];
        for k in range.clone() {
            if let Some(h) = head(k) {
                first[h - range.start + 1] += 1;
            }
        }
        for i in 1..first.len() {
            first[i] += first[i - 1];
        }
        let mut next = first.clone();
        let mut kids = vec![0usize; first[range.len()]];
        for k in range.clone() {
            if let Some(h) = head(k) {
                kids[next[h - range.start]] = k;
                next[h - range.start] += 1;
            }
        }
        Some(SentenceTree { start: range.start, first, kids })
    }

    /// Dependents of token `k`, in text order.
    pub fn children(&self, k: usize) -> &[usize] {
        let i = k - self.start;
        &self.kids[self.first[i]..self.first[i + 1]]
    }

    /// First and last token of the subtree under `root` (inclusive).
    pub fn subtree(&self, root: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (root, root);
        let mut stack = vec![root];
        while let Some(x) = stack.pop() {
            lo = lo.min(x);
            hi = hi.max(x);
            stack.extend(self.children(x).iter().copied());
        }
        (lo, hi)
    }
}
