//! accord-store (in progress).
