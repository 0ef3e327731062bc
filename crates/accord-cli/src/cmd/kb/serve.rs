//! `accord serve`: the JSON API and web UI (`accord-server`), read-only unless `--allow-writes`.
use super::db_dir;
use accord_store::Store;
use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `accord serve`.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// Knowledge-base folder [default: $ACCORD_DB, else ./accord-data].
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Port (0 picks a free one and prints it).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Address to bind (127.0.0.1 keeps the server local).
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Worker threads answering requests.
    #[arg(long, default_value_t = 4)]
    pub threads: usize,
    /// Accept `POST /api/articles` (adding articles), with a bearer token: generated and printed at
    /// start, or read from --token-file.
    #[arg(long)]
    pub allow_writes: bool,
    /// File holding the write token (its first line, at least 16 characters); implies --allow-writes.
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Posted articles that may wait for analysis; more are answered 503.
    #[arg(long, default_value_t = accord_server::DEFAULT_QUEUE)]
    pub queue: usize,
    /// Also answer requests for this Host name (`name` on the served port, or `name:port`); repeatable.
    /// `localhost`, `127.0.0.1`, `[::1]` and the bound address are always accepted.
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_hosts: Vec<String>,
    /// No access log (one line per request on stderr otherwise).
    #[arg(long, short)]
    pub quiet: bool,
    /// Serve read-only (the default; kept for older scripts).
    #[arg(long, hide = true, conflicts_with_all = ["allow_writes", "token_file"])]
    pub read_only: bool,
}

/// Runs `accord serve`.
pub fn serve(a: ServeArgs) -> anyhow::Result<ExitCode> {
    let dir = db_dir(&a.db);
    drop(Store::open(&dir).with_context(|| format!("opening {}", dir.display()))?);
    let token = match &a.token_file {
        Some(f) => {
            let t = std::fs::read_to_string(f).with_context(|| format!("reading --token-file {}", f.display()))?;
            let t = t.lines().next().unwrap_or("").trim().to_string();
            if t.chars().count() < 16 {
                return Err(crate::usage!("--token-file {}: the token must have at least 16 characters", f.display()));
            }
            Some((t, false))
        }
        None if a.allow_writes => Some((accord_server::guard::new_token(), true)),
        None => None,
    };
    let writes = match token {
        None => None,
        Some((token, generated)) => {
            let pipeline = accord_pipeline::Pipeline::new(accord_pipeline::Options::default())
                .context("loading the models for --allow-writes")?;
            let analyzer: accord_server::Analyzer = std::sync::Arc::new(move |text: String, meta: accord_doc::Meta| {
                pipeline.process(accord_ingest::RawDoc { text, meta }).to_output_with(false)
            });
            if generated {
                println!("accord: write token (send as `Authorization: Bearer TOKEN`): {token}");
            }
            Some(accord_server::Writes { analyzer, token, queue: a.queue.max(1) })
        }
    };
    let writable = writes.is_some();
    let server = accord_server::Server::bind(accord_server::Config {
        dir: dir.clone(),
        addr: format!("{}:{}", a.host, a.port),
        threads: a.threads.max(1),
        writes,
        allowed_hosts: a.allow_hosts.clone(),
        access_log: !a.quiet,
    })?;
    println!(
        "accord: serving {} on http://{}/ (API under /api, spec at /openapi.yaml; {})",
        dir.display(),
        server.addr(),
        if writable { "writes with the token" } else { "read-only" }
    );
    std::io::stdout().flush()?;
    server.run();
    Ok(ExitCode::SUCCESS)
}
