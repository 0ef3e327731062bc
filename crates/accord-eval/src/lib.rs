//! accord-eval (in progress).
pub mod treebank;
