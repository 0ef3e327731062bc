//! `accord stages`: the pipeline's stages in order, with the layers each reads and adds.
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `accord stages`.
#[derive(clap::Args)]
pub struct Args {
    /// Print the registry as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `accord stages`.
pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if a.json {
        let v: Vec<serde_json::Value> = accord_pipeline::REGISTRY
            .iter()
            .map(|s| serde_json::json!({"name": s.name, "reads": s.reads, "adds": s.adds, "about": s.about}))
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    for (i, s) in accord_pipeline::REGISTRY.iter().enumerate() {
        writeln!(out, "{}. {}: {}", i + 1, s.name, s.about)?;
        writeln!(out, "   reads: {}", s.reads.join(", "))?;
        writeln!(out, "   adds:  {}", s.adds.join(", "))?;
    }
    Ok(ExitCode::SUCCESS)
}
