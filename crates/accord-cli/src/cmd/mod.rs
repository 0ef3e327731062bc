//! Subcommands, one module each.
pub mod eval;
pub mod extract;
pub mod kb;
pub mod models;
pub mod pretty;
