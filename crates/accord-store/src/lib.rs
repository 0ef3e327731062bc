//! # accord-store
//!
//! accord's knowledge base: the last step of the flow (`RawDoc ──pipeline──▶ DocumentOut ──store──▶ KB`)
//! and the source the CLI queries (`accord quotes/entity/events/timeline/claims`) and the server read.
//!
//! * **System of record:** one SQLite file (`accord.sqlite`, WAL mode, schema versioned with
//!   `PRAGMA user_version`, see [`MIGRATIONS`]). Each article keeps its whole `accord/1` JSON (without the
//!   token layer) so the API can serve it unchanged, plus rows for its quotes, quantities, dated facts,
//!   events and entity links.
//! * **Full text:** a tantivy index (`index/`) over article titles and texts and quote texts and
//!   speakers, derived from SQLite and caught up on open after a crash ([`fts`]).
//! * **Idempotence:** articles are keyed by the SHA-256 of their text; adding one twice adds nothing.
//!   [`Store::add_batch`] commits a batch in one transaction, so a killed ingest loses at most the batch
//!   in flight and a rerun completes the rest.
//! * **Near-duplicates:** wire copies of one story ([`minhash`]) are stored and linked to the first copy
//!   (`dup_of`) but their quotes and numbers are not counted again.
//! * **Entities across articles:** each article's entities are resolved to knowledge-base entities by
//!   normalised name ([`names`]), keeping every title with the dates it was seen.
//!
//! * **Events across articles:** each article's PLOVER events are stored with their evidence (trigger,
//!   sentence, factuality); reports of the same event by several articles are one event ([`events`]).
//!
//! Queries live in one module per resource — [`quotes`], [`entities`], [`events`], [`timeline`], [`claims`],
//! [`search`], [`articles`] — with the shared rules in [`dates`] (one calendar-date validator) and
//! [`limits`] (each query's default and maximum, errors beyond); [`ingest`] is the store's side of an
//! ingest run (which texts are new, putting batches).

mod add;
pub mod articles;
pub mod claims;
pub mod dates;
pub mod entities;
pub mod events;
pub mod fts;
pub mod ingest;
pub mod limits;
pub mod minhash;
pub mod names;
pub mod quotes;
pub mod search;
pub mod timeline;

pub use articles::{ArticleRecord, Stats};
pub use claims::{ClaimEntry, ClaimGroup, Disagreement, UNIT_KEYS};
pub use dates::{check_date, DateError};
pub use entities::{EntityDetail, EntityRef, TitleSeen};
pub use events::{EventActor, EventHit, EventPlace, EventQuery, EventReport};
pub use quotes::{QuoteHit, QuoteQuery};
pub use search::{snippet, ArticleHit, SearchResults};
pub use timeline::TimelineItem;

use accord_doc::schema::DocumentOut;
use rusqlite::{Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Errors of the knowledge base.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The full-text index failed.
    #[error("full-text index: {0}")]
    Index(String),
    /// A file operation failed.
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    /// Stored JSON could not be read or written.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// The database was written by a newer accord.
    #[error("database schema version {found} is newer than this accord supports ({supported})")]
    TooNew {
        /// Version found in the file.
        found: i64,
        /// Highest version this build knows.
        supported: i64,
    },
    /// Another process holds the write lock.
    #[error("busy: {0}")]
    Busy(String),
    /// A query parameter is invalid.
    #[error("invalid: {0}")]
    Invalid(String),
}

impl From<tantivy::TantivyError> for StoreError {
    fn from(e: tantivy::TantivyError) -> Self {
        StoreError::Index(e.to_string())
    }
}

/// Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
pub const MIGRATIONS: &[&str] = &[
    // 1: initial schema
    r#"
CREATE TABLE articles(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  path TEXT,
  title TEXT,
  date TEXT,
  outlet TEXT,
  author TEXT,
  url TEXT,
  text TEXT NOT NULL,
  json TEXT NOT NULL,
  dup_of INTEGER REFERENCES articles(id),
  similarity REAL,
  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX articles_dup ON articles(dup_of);
CREATE INDEX articles_date ON articles(date);
CREATE TABLE minhash_bands(band INTEGER NOT NULL, key INTEGER NOT NULL, article INTEGER NOT NULL,
  PRIMARY KEY(band, key, article)) WITHOUT ROWID;
CREATE TABLE article_sigs(article INTEGER PRIMARY KEY, sig BLOB NOT NULL);
CREATE TABLE entities(
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  first TEXT,
  mentions INTEGER NOT NULL DEFAULT 0,
  articles INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_key ON entities(type, key);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE TABLE entity_names(entity INTEGER NOT NULL, name TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(entity, name)) WITHOUT ROWID;
CREATE TABLE entity_titles(entity INTEGER NOT NULL, title TEXT NOT NULL, first_seen TEXT, last_seen TEXT,
  count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(entity, title)) WITHOUT ROWID;
CREATE TABLE entity_affiliations(entity INTEGER NOT NULL, affiliation TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(entity, affiliation)) WITHOUT ROWID;
CREATE TABLE article_entities(article INTEGER NOT NULL, local_id TEXT NOT NULL, entity INTEGER NOT NULL,
  mentions INTEGER NOT NULL, PRIMARY KEY(article, local_id));
CREATE INDEX article_entities_entity ON article_entities(entity);
CREATE TABLE quotes(
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL,
  local_id TEXT NOT NULL,
  type TEXT NOT NULL,
  speaker_entity INTEGER,
  speaker_text TEXT,
  source_name TEXT,
  source_kind TEXT NOT NULL,
  content TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  date TEXT
);
CREATE INDEX quotes_speaker ON quotes(speaker_entity);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_date ON quotes(date);
CREATE TABLE quantities(
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL,
  value REAL NOT NULL,
  qualifier TEXT NOT NULL,
  counted TEXT,
  counted_key TEXT,
  source TEXT,
  quote TEXT,
  text TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  hedge TEXT,
  date TEXT
);
CREATE INDEX quantities_key ON quantities(counted_key);
CREATE TABLE facts(
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL,
  value TEXT NOT NULL,
  expression TEXT NOT NULL,
  sentence TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL
);
CREATE INDEX facts_value ON facts(value);
"#,
    // 2: gender shown by honorifics, so "Ms Trump" and "Mr Trump" stay apart
    "ALTER TABLE entities ADD COLUMN gender TEXT;",
    // 3: name lookups by key alone (speaker queries do not know the type)
    "CREATE INDEX entities_key_only ON entities(key);",
    // 4: political events (PLOVER), one row per event across articles, one per report of it (see
    // [`events`]); articles stored before get theirs from their stored JSON ([`Store::migrate`])
    r#"
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  mode TEXT,
  cameo TEXT,
  date TEXT,
  day INTEGER,
  factuality TEXT NOT NULL,
  fact_class TEXT NOT NULL,
  background INTEGER NOT NULL,
  source_entity INTEGER, source_code TEXT, source_country TEXT, source_sector TEXT, source_name TEXT,
  target_entity INTEGER, target_code TEXT, target_country TEXT, target_sector TEXT, target_name TEXT,
  location_entity INTEGER, location_country TEXT, location_name TEXT,
  reports INTEGER NOT NULL DEFAULT 0,
  mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_type_day ON events(type, day);
CREATE INDEX events_type_date ON events(type, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_source_entity ON events(source_entity);
CREATE INDEX events_target_entity ON events(target_entity);
CREATE TABLE event_reports(
  id INTEGER PRIMARY KEY,
  event INTEGER NOT NULL REFERENCES events(id),
  article INTEGER NOT NULL REFERENCES articles(id),
  local_id TEXT NOT NULL,
  trigger TEXT NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  sentence TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  factuality TEXT NOT NULL,
  background INTEGER NOT NULL,
  confidence REAL NOT NULL,
  quote INTEGER
);
CREATE INDEX event_reports_event ON event_reports(event);
CREATE INDEX event_reports_article ON event_reports(article);
"#,
];

/// Schema version that added events: migrating to it also stores the events of the articles already
/// stored, from their JSON.
const EVENTS_VERSION: usize = 4;

/// `s` as a SQL `LIKE` pattern matching it anywhere (with `ESCAPE '\\'`).
pub(crate) fn like(s: &str) -> String {
    format!("%{}%", s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

/// What happened to one article given to [`Store::add_batch`].
#[derive(Clone, Debug, PartialEq)]
pub enum AddOutcome {
    /// Stored as a new article with this id.
    Added(i64),
    /// The same text is already stored under this id; nothing was added.
    Duplicate(i64),
    /// Stored as `id`, linked as a near-duplicate (wire copy) of `of`.
    NearDuplicate {
        /// The new article's id.
        id: i64,
        /// The earlier copy.
        of: i64,
        /// Estimated Jaccard similarity.
        similarity: f64,
    },
}

/// What the ingester knows about an article beyond its `accord/1` JSON.
#[derive(Clone, Debug, Default)]
pub struct ArticleInfo {
    /// File it came from.
    pub path: Option<String>,
    /// Author, when the page named one.
    pub author: Option<String>,
    /// Outlet (feed title, `og:site_name`, JSONL `source`).
    pub outlet: Option<String>,
}

/// The SHA-256 (hex) of an article text: the key that makes ingest idempotent.
pub fn content_hash(text: &str) -> String {
    let d = Sha256::digest(text.as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// The knowledge base in one folder: `accord.sqlite` plus `index/`.
pub struct Store {
    conn: Connection,
    fts: fts::Fts,
    dir: PathBuf,
    /// Articles added to the index writer but not committed yet, and when the index was last committed.
    pending: usize,
    last_commit: std::time::Instant,
}

/// The index is committed when this many articles wait, or [`INDEX_COMMIT_INTERVAL`] has passed.
pub const INDEX_COMMIT_ARTICLES: usize = 256;
/// Longest time between index commits during an ingest.
pub const INDEX_COMMIT_INTERVAL: std::time::Duration = std::time::Duration::from_secs(3);

/// The default data folder: `$ACCORD_DB` when set, else `./accord-data`.
pub fn default_dir() -> PathBuf {
    std::env::var_os("ACCORD_DB").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("accord-data"))
}

/// Normalises what a quantity counts, so reports of one number group together (`Living hostages ` →
/// `living hostage`).
pub fn counted_key(counted: &str) -> String {
    let lower = counted.trim().to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    while words.first().is_some_and(|w| matches!(*w, "the" | "a" | "an" | "some" | "about" | "of")) {
        words.remove(0);
    }
    let mut out: Vec<String> =
        words.iter().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string()).collect();
    if let Some(last) = out.last_mut() {
        if last.len() > 3 && last.ends_with("ies") {
            *last = format!("{}y", &last[..last.len() - 3]);
        } else if last.len() > 3 && last.ends_with('s') && !last.ends_with("ss") {
            last.pop();
        }
    }
    out.retain(|w| !w.is_empty());
    out.join(" ")
}

impl Store {
    /// Opens (creating when needed) the knowledge base in `dir`, applies pending migrations, and catches
    /// the full-text index up with SQLite when no other process is writing.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir)?;
        let conn = Connection::open(dir.join("accord.sqlite"))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store {
            conn,
            fts: fts::Fts::open(&dir.join("index"))?,
            dir: dir.to_path_buf(),
            pending: 0,
            last_commit: std::time::Instant::now(),
        };
        store.migrate()?;
        // catch up only when the index lags, and only if no other process is writing it
        if store.index_lags()? && store.fts.try_writer()? {
            store.catch_up()?;
            store.fts.release_writer();
        }
        Ok(store)
    }

    /// The folder of this knowledge base.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let v: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let supported = MIGRATIONS.len() as i64;
        if v > supported {
            return Err(StoreError::TooNew { found: v, supported });
        }
        for (i, m) in MIGRATIONS.iter().enumerate().skip(v as usize) {
            let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if now > i as i64 {
                continue; // another process migrated meanwhile
            }
            tx.execute_batch(m)?;
            if i + 1 == EVENTS_VERSION {
                events::backfill(&tx)?;
            }
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Takes the write lock of the full-text index for an ingest run (catching up first). Fails with
    /// [`StoreError::Busy`] when another ingest is running.
    pub fn begin_writing(&mut self) -> Result<(), StoreError> {
        // a reader catching the index up holds the lock for a moment: wait a little for it
        let start = std::time::Instant::now();
        while !self.fts.try_writer()? {
            if start.elapsed() > std::time::Duration::from_secs(5) {
                return Err(StoreError::Busy(format!("another accord ingest is writing to {}", self.dir.display())));
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        self.catch_up()
    }

    /// True when SQLite holds articles the full-text index has not committed yet.
    fn index_lags(&self) -> Result<bool, StoreError> {
        let max: i64 = self.conn.query_row("SELECT COALESCE(MAX(id),0) FROM articles", [], |r| r.get(0))?;
        Ok(max > self.fts.watermark()?)
    }

    /// Releases the full-text write lock taken by [`Store::begin_writing`] (or by [`Store::add_batch`]).
    /// Commits what the index still holds uncommitted first.
    pub fn end_writing(&mut self) -> Result<(), StoreError> {
        let r = self.commit_index();
        self.fts.release_writer();
        r
    }

    /// Commits the index now (recording the highest article id as its watermark).
    pub fn commit_index(&mut self) -> Result<(), StoreError> {
        if self.pending > 0 && self.fts.is_writer() {
            let max_all: i64 = self.conn.query_row("SELECT COALESCE(MAX(id),0) FROM articles", [], |r| r.get(0))?;
            self.fts.commit(max_all)?;
        }
        self.pending = 0;
        self.last_commit = std::time::Instant::now();
        Ok(())
    }

    /// Indexes the articles SQLite has and the index lacks (after a crash between the two commits).
    fn catch_up(&mut self) -> Result<(), StoreError> {
        let mark = self.fts.watermark()?;
        let max: i64 = self.conn.query_row("SELECT COALESCE(MAX(id),0) FROM articles", [], |r| r.get(0))?;
        if max <= mark {
            return Ok(());
        }
        let ids: Vec<i64> = {
            let mut st = self.conn.prepare("SELECT id FROM articles WHERE id > ?1 ORDER BY id")?;
            let rows = st.query_map([mark], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        for id in ids {
            self.index_article(id)?;
        }
        self.fts.commit(max)
    }

    fn index_article(&mut self, id: i64) -> Result<(), StoreError> {
        let (title, text, dup): (Option<String>, String, Option<i64>) =
            self.conn.query_row("SELECT title, text, dup_of FROM articles WHERE id=?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        if dup.is_some() {
            return Ok(());
        }
        self.fts.add_article(id, title.as_deref().unwrap_or(""), &text)?;
        let quotes: Vec<(i64, String, String)> = {
            let mut st = self.conn.prepare(
                "SELECT q.id, COALESCE(e.name, q.source_name, q.speaker_text, ''), q.content FROM quotes q \
                 LEFT JOIN entities e ON e.id = q.speaker_entity WHERE q.article=?1",
            )?;
            let rows = st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        for (qid, speaker, content) in quotes {
            self.fts.add_quote(qid, &speaker, &content)?;
        }
        Ok(())
    }

    /// Id of the article with this text hash, if stored.
    pub fn find_hash(&self, hash: &str) -> Result<Option<i64>, StoreError> {
        Ok(self.conn.query_row("SELECT id FROM articles WHERE hash=?1", [hash], |r| r.get(0)).optional()?)
    }

    /// Stores a batch of analysed articles in one SQLite transaction, then adds them to the full-text
    /// index, which is committed every [`INDEX_COMMIT_ARTICLES`] articles or [`INDEX_COMMIT_INTERVAL`]
    /// and by [`Store::end_writing`]. Articles whose text is already stored are skipped
    /// ([`AddOutcome::Duplicate`]). Takes the index writer when not held yet.
    pub fn add_batch(&mut self, docs: &[(DocumentOut, ArticleInfo)]) -> Result<Vec<AddOutcome>, StoreError> {
        if !self.fts.is_writer() {
            self.begin_writing()?;
        }
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut out = Vec::with_capacity(docs.len());
        for (doc, info) in docs {
            out.push(add::add_one(&tx, doc, info)?);
        }
        tx.commit()?;
        for o in &out {
            if let AddOutcome::Added(id) | AddOutcome::NearDuplicate { id, .. } = *o {
                self.index_article(id)?;
                self.pending += 1;
            }
        }
        // SQLite has committed; the index is committed less often (each commit costs ~0.1 s) — what it
        // lacks after a crash is re-indexed from SQLite on the next open
        if self.pending >= INDEX_COMMIT_ARTICLES
            || (self.pending > 0 && self.last_commit.elapsed() >= INDEX_COMMIT_INTERVAL)
        {
            self.commit_index()?;
        }
        Ok(out)
    }

    /// Makes what other processes committed visible to full-text search.
    pub fn refresh(&self) -> Result<(), StoreError> {
        self.fts.refresh()
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn fts(&self) -> &fts::Fts {
        &self.fts
    }
}
