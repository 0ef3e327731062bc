//! `accord eval` (in progress).
use std::process::ExitCode;
/// Arguments of `accord eval`.
#[derive(clap::Args)]
pub struct Args {}
/// Runs `accord eval`.
pub fn run(_a: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("accord eval is not built yet")
}
