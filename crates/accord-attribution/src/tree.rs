//! The dependency tree of one parsed sentence: children per token and subtree extents, shared by the
//! parse-based steps (attributed acts, learned candidates).

use accord_doc::Doc;

/// Children of every token of one sentence (document token indices), from the models' heads.
pub struct SentenceTree {
    start: usize,
    children: Vec<Vec<usize>>,
}

impl SentenceTree {
    /// The tree of sentence `si`, or None when it is empty or was not parsed.
    pub fn new(doc: &Doc, si: usize) -> Option<SentenceTree> {
        let range = doc.sentences[si].tokens.clone();
        if range.is_empty() || doc.tokens[range.start].analysis.is_none() {
            return None;
        }
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); range.len()];
        for k in range.clone() {
            if let Some(h) = doc.tokens[k].analysis.as_ref().and_then(|a| a.head()) {
                if range.contains(&h) {
                    children[h - range.start].push(k);
                }
            }
        }
        Some(SentenceTree { start: range.start, children })
    }

    /// Dependents of token `k`, in text order.
    pub fn children(&self, k: usize) -> &[usize] {
        &self.children[k - self.start]
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
