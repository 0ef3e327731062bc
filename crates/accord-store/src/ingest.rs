//! The store's side of an ingest run: which articles are new ([`Known`]: by text hash, in the store or
//! earlier in this run), checking what an article carries ([`check_article`]), and putting analysed
//! batches in one transaction each with their outcomes counted ([`Putter`]). The analysis itself is
//! `accord_pipeline::runner`'s; the CLI (`accord ingest`) only wires the two together.

use crate::{AddOutcome, ArticleInfo, Store, StoreError};
use accord_doc::schema::DocumentOut;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::time::{Duration, Instant};

/// Answers "is this text new?" for an ingest run: not stored yet and not seen earlier in the run (the
/// batches being analysed and stored are not in SQLite yet). Holds its own read connection, so it can be
/// asked while the [`Store`] writes on another thread.
pub struct Known {
    conn: Connection,
    /// SHA-256 digests of the texts asked about (32 bytes each, not the 64-character hex strings the
    /// store keeps: an ingest of 100,000 articles holds them all).
    seen: HashSet<[u8; 32]>,
}

impl Known {
    /// A checker for the knowledge base `store` (opened on the same SQLite file).
    pub fn new(store: &Store) -> Result<Known, StoreError> {
        let conn = Connection::open(store.dir().join("accord.sqlite"))?;
        conn.busy_timeout(Duration::from_secs(10))?;
        Ok(Known { conn, seen: HashSet::new() })
    }

    /// True the first time a text that is not in the store is asked about; false for a text already
    /// stored or already asked about in this run.
    pub fn is_new(&mut self, text: &str) -> Result<bool, StoreError> {
        let digest: [u8; 32] = Sha256::digest(text.as_bytes()).into();
        if self.seen.contains(&digest) {
            return Ok(false);
        }
        let hash: String = digest.iter().map(|b| format!("{b:02x}")).collect(); // = content_hash(text)
        let stored: Option<i64> =
            self.conn.query_row("SELECT id FROM articles WHERE hash=?1", [&hash], |r| r.get(0)).optional()?;
        if stored.is_some() {
            return Ok(false);
        }
        self.seen.insert(digest);
        Ok(true)
    }
}

/// Checks what an article to ingest carries: some text, and a real publication date when it has one.
/// The message names the problem and the value.
pub fn check_article(text: &str, date: Option<&str>) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("empty text".into());
    }
    if let Some(d) = date {
        crate::dates::publication_date(d).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Counts of an ingest run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Tally {
    /// Stored as new articles.
    pub new: u64,
    /// Stored and linked as near-duplicates (wire copies).
    pub near_duplicates: u64,
    /// Already stored (same text), or repeated in the input.
    pub already_present: u64,
    /// Time spent storing and indexing (seconds).
    pub store_seconds: f64,
}

impl Tally {
    /// Articles analysed and stored in this run.
    pub fn ingested(&self) -> u64 {
        self.new + self.near_duplicates
    }
}

/// Puts analysed articles into the store, one transaction per batch, and counts the outcomes.
pub struct Putter<'s> {
    store: &'s mut Store,
    /// The counts so far.
    pub tally: Tally,
    store_time: Duration,
}

impl<'s> Putter<'s> {
    /// Takes the index writer of `store` for the run (fails with [`StoreError::Busy`] when another
    /// ingest holds it).
    pub fn new(store: &'s mut Store) -> Result<Putter<'s>, StoreError> {
        store.begin_writing()?;
        Ok(Putter { store, tally: Tally::default(), store_time: Duration::ZERO })
    }

    /// Stores one batch in one transaction (a killed run loses at most this batch; a rerun completes it).
    pub fn put(&mut self, docs: &[(DocumentOut, ArticleInfo)]) -> Result<Vec<AddOutcome>, StoreError> {
        if docs.is_empty() {
            return Ok(vec![]);
        }
        let t = Instant::now();
        let outcomes = self.store.add_batch(docs)?;
        self.store_time += t.elapsed();
        for o in &outcomes {
            match o {
                AddOutcome::Added(_) => self.tally.new += 1,
                AddOutcome::NearDuplicate { .. } => self.tally.near_duplicates += 1,
                AddOutcome::Duplicate(_) => self.tally.already_present += 1,
            }
        }
        self.tally.store_seconds = self.store_time.as_secs_f64();
        Ok(outcomes)
    }

    /// Counts an article skipped before analysis because its text is already stored.
    pub fn skipped_present(&mut self) {
        self.tally.already_present += 1;
    }

    /// Commits the full-text index and releases the writer; returns the final counts.
    pub fn finish(mut self) -> Result<Tally, StoreError> {
        let t = Instant::now();
        self.store.end_writing()?;
        self.store_time += t.elapsed();
        self.tally.store_seconds = self.store_time.as_secs_f64();
        Ok(self.tally)
    }
}
