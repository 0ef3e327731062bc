//! accord-server (in progress).
