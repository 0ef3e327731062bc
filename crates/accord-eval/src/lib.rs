//! accord-eval (in progress).
