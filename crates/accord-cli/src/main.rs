//! The `accord` command: reads news articles and prints sourced who-said-what facts.
//!
//! Every subcommand lives in its own module under `cmd/` and only wires library crates together.
//!
//! Exit codes: 0 when everything succeeded, 1 when some input failed or the command could not finish
//! (a missing file, a corrupt knowledge base), 2 for a usage error (a bad flag or flag value).

mod cmd;

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "accord",
    version,
    about = "Structured, sourced facts from news text: who said what, according to whom"
)]
struct Cli {
    /// Only print errors (no warnings, no progress bars).
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Print more about what is done (-v info, -vv debug, -vvv trace; `RUST_LOG` overrides).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract attributions, entities, quantities and dates from articles (.txt, .jsonl, - for stdin).
    Extract(cmd::extract::Args),
    /// Score extraction against gold (project gold JSON, brat folders) or the models against a treebank.
    Eval(cmd::eval::Args),
    /// Write CoNLL-U (tags, lemmas, dependencies) for raw text or for gold CoNLL-U tokens.
    Parse(cmd::models::ParseArgs),
    /// Train the shipped models from ../shared (deterministic).
    Train(cmd::models::TrainArgs),
    /// Measure throughput (tokens/s, words/s) and peak memory of the full pipeline on a corpus.
    Bench(cmd::models::BenchArgs),
    /// Add articles to the knowledge base.
    Ingest(cmd::kb::IngestArgs),
    /// List quotes in the knowledge base.
    Quotes(cmd::kb::QuotesArgs),
    /// Show one entity of the knowledge base.
    Entity(cmd::kb::EntityArgs),
    /// Political events (PLOVER) by actor, type, country and date, with the articles reporting them.
    Events(cmd::kb::EventsArgs),
    /// Dated facts, quotes and events in order.
    Timeline(cmd::kb::TimelineArgs),
    /// The claims ledger: counted quantities by source over time.
    Claims(cmd::kb::ClaimsArgs),
    /// Serve the JSON API and web UI.
    Serve(cmd::kb::ServeArgs),
    /// List the pipeline's stages in order, with the layers each reads and adds.
    Stages(cmd::stages::Args),
    /// Write shell completions (bash, zsh, fish, elvish, powershell) to standard output.
    Completions(cmd::shell::CompletionsArgs),
    /// Write the man page (roff) to standard output, or all pages into a folder.
    Man(cmd::shell::ManArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    cmd::term::init(cli.quiet, cli.verbose);
    let result = match cli.command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Parse(a) => cmd::models::parse(a),
        Command::Train(a) => cmd::models::train(a),
        Command::Bench(a) => cmd::models::bench(a),
        Command::Ingest(a) => cmd::kb::ingest(a),
        Command::Quotes(a) => cmd::kb::quotes(a),
        Command::Entity(a) => cmd::kb::entity(a),
        Command::Events(a) => cmd::kb::events(a),
        Command::Timeline(a) => cmd::kb::timeline(a),
        Command::Claims(a) => cmd::kb::claims(a),
        Command::Serve(a) => cmd::kb::serve(a),
        Command::Stages(a) => cmd::stages::run(a),
        Command::Completions(a) => cmd::shell::completions(a, Cli::command()),
        Command::Man(a) => cmd::shell::man(a, Cli::command()),
    };
    match result {
        Ok(code) => code,
        // the reader went away (`accord man | head`): nothing left to say
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("accord: error: {}", error_message(&e));
            ExitCode::from(if e.downcast_ref::<cmd::Usage>().is_some() { 2 } else { 1 })
        }
    }
}

/// An error and its causes on one line, `: `-separated; a cause whose text the message already ends
/// with (errors that print their source themselves, like `file: No such file or directory`) is not
/// repeated.
fn error_message(e: &anyhow::Error) -> String {
    let mut msg = e.to_string();
    for cause in e.chain().skip(1) {
        let c = cause.to_string();
        if !msg.ends_with(&c) {
            msg.push_str(": ");
            msg.push_str(&c);
        }
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::error_message;

    #[test]
    fn causes_are_not_repeated() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory");
        let e = anyhow::Error::new(accord_ingest::IngestError::Io { path: "a.txt".into(), source: io });
        assert_eq!(error_message(&e), "a.txt: No such file or directory");
        let e = anyhow::anyhow!("inner cause").context("reading b.conllu");
        assert_eq!(error_message(&e), "reading b.conllu: inner cause");
    }
}
