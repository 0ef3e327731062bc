//! `accord parse`, `accord train`, `accord bench` (in progress).
use std::process::ExitCode;
/// Arguments of `accord parse`.
#[derive(clap::Args)]
pub struct ParseArgs {}
/// Arguments of `accord train`.
#[derive(clap::Args)]
pub struct TrainArgs {}
/// Arguments of `accord bench`.
#[derive(clap::Args)]
pub struct BenchArgs {}
/// Runs `accord parse`.
pub fn parse(_a: ParseArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("accord parse is not built yet")
}
/// Runs `accord train`.
pub fn train(_a: TrainArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("accord train is not built yet")
}
/// Runs `accord bench`.
pub fn bench(_a: BenchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("accord bench is not built yet")
}
