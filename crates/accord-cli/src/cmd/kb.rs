//! Knowledge-base subcommands: ingest, quotes, entity, timeline, claims, serve (in progress).
use std::process::ExitCode;
/// Arguments of `accord ingest`.
#[derive(clap::Args)]
pub struct IngestArgs {}
/// Runs `accord ingest`.
pub fn ingest(_a: IngestArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("accord ingest is not built yet")
}
/// Arguments of `accord quotes`.
#[derive(clap::Args)]
pub struct QuotesArgs {}
/// Runs `accord quotes`.
pub fn quotes(_a: QuotesArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("accord quotes is not built yet")
}
/// Arguments of `accord entity`.
#[derive(clap::Args)]
pub struct EntityArgs {}
/// Runs `accord entity`.
pub fn entity(_a: EntityArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("accord entity is not built yet")
}
/// Arguments of `accord timeline`.
#[derive(clap::Args)]
pub struct TimelineArgs {}
/// Runs `accord timeline`.
pub fn timeline(_a: TimelineArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("accord timeline is not built yet")
}
/// Arguments of `accord claims`.
#[derive(clap::Args)]
pub struct ClaimsArgs {}
/// Runs `accord claims`.
pub fn claims(_a: ClaimsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("accord claims is not built yet")
}
/// Arguments of `accord serve`.
#[derive(clap::Args)]
pub struct ServeArgs {}
/// Runs `accord serve`.
pub fn serve(_a: ServeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("accord serve is not built yet")
}
