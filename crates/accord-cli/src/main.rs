//! The `accord` command: reads news articles and prints sourced who-said-what facts.
//!
//! Every subcommand lives in its own module under `cmd/` and only wires library crates together.

mod cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "accord",
    version,
    about = "Structured, sourced facts from news text: who said what, according to whom"
)]
struct Cli {
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
    /// Dated facts and quotes in order.
    Timeline(cmd::kb::TimelineArgs),
    /// The claims ledger: counted quantities by source over time.
    Claims(cmd::kb::ClaimsArgs),
    /// Serve the JSON API and web UI.
    Serve(cmd::kb::ServeArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Parse(a) => cmd::models::parse(a),
        Command::Train(a) => cmd::models::train(a),
        Command::Bench(a) => cmd::models::bench(a),
        Command::Ingest(a) => cmd::kb::ingest(a),
        Command::Quotes(a) => cmd::kb::quotes(a),
        Command::Entity(a) => cmd::kb::entity(a),
        Command::Timeline(a) => cmd::kb::timeline(a),
        Command::Claims(a) => cmd::kb::claims(a),
        Command::Serve(a) => cmd::kb::serve(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("accord: error: {}", error_message(&e));
            ExitCode::from(2)
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
