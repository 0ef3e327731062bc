//! Treebank evaluation of the NLP backbone (in progress).
