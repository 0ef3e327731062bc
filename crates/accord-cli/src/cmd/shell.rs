//! `accord completions SHELL` and `accord man`: shell completions and a man page, generated from the
//! same clap definitions the binary parses with, so they never drift from the flags.
use std::process::ExitCode;

/// Arguments of `accord completions`.
#[derive(clap::Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Writes completions for `shell` to standard output.
pub fn completions(a: CompletionsArgs, mut cmd: clap::Command) -> anyhow::Result<ExitCode> {
    clap_complete::generate(a.shell, &mut cmd, "accord", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `accord man`.
#[derive(clap::Args)]
pub struct ManArgs {
    /// Write one page per subcommand (`accord.1`, `accord-extract.1`, ...) into this folder instead of
    /// the main page to standard output.
    #[arg(long)]
    pub dir: Option<std::path::PathBuf>,
}

/// Writes the man page (roff) to standard output, or every page into `--dir`.
pub fn man(a: ManArgs, cmd: clap::Command) -> anyhow::Result<ExitCode> {
    match a.dir {
        None => clap_mangen::Man::new(cmd).render(&mut std::io::stdout())?,
        Some(dir) => {
            std::fs::create_dir_all(&dir)?;
            clap_mangen::generate_to(cmd, &dir)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
