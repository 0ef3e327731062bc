//! Subcommands, one module each.
pub mod eval;
pub mod extract;
pub mod kb;
pub mod models;
pub mod pretty;
pub mod shell;
pub mod stages;
pub mod term;

/// A usage error found after parsing (a flag value that is well-formed but wrong, such as an impossible
/// date or an unknown stage): the command exits with 2, as for errors clap finds.
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// `Err(Usage)` with a formatted message.
#[macro_export]
macro_rules! usage {
    ($($t:tt)*) => { anyhow::Error::new($crate::cmd::Usage(format!($($t)*))) };
}
