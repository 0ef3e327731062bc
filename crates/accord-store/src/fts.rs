//! The tantivy full-text index over articles and quotes.
//!
//! SQLite is the system of record; this index is derived from it. Every tantivy commit carries a payload:
//! the highest article row id it covers (the *watermark*). Articles are committed to SQLite first, then
//! indexed, so after a crash the index can only lag behind; [`crate::Store::open`] re-indexes the
//! articles above the watermark. Only one process writes (tantivy's lock file, released when the
//! process dies); others open the index read-only and see new commits as they land.

use crate::StoreError;
use std::path::Path;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, Value, INDEXED, STORED, STRING, TEXT};
use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// Field handles.
#[derive(Clone, Copy)]
struct Fields {
    kind: Field,
    id: Field,
    title: Field,
    body: Field,
    speaker: Field,
}

/// The full-text index.
pub struct Fts {
    index: Index,
    reader: IndexReader,
    writer: Option<IndexWriter>,
    f: Fields,
}

/// What a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An article (id = article row id).
    Article,
    /// A quote (id = quote row id).
    Quote,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Quote => "quote",
        }
    }
}

impl Fts {
    /// Opens (or creates) the index in `dir`.
    pub fn open(dir: &Path) -> Result<Fts, StoreError> {
        std::fs::create_dir_all(dir)?;
        let mut sb = Schema::builder();
        let f = Fields {
            kind: sb.add_text_field("kind", STRING),
            id: sb.add_u64_field("id", INDEXED | STORED),
            title: sb.add_text_field("title", TEXT),
            body: sb.add_text_field("body", TEXT),
            speaker: sb.add_text_field("speaker", TEXT),
        };
        let schema = sb.build();
        let mdir = tantivy::directory::MmapDirectory::open(dir).map_err(|e| StoreError::Index(e.to_string()))?;
        let index = Index::open_or_create(mdir, schema)?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::OnCommitWithDelay).try_into()?;
        Ok(Fts { index, reader, writer: None, f })
    }

    /// Takes the writer lock. Returns `Ok(false)` when another process holds it.
    pub fn try_writer(&mut self) -> Result<bool, StoreError> {
        if self.writer.is_some() {
            return Ok(true);
        }
        match self.index.writer_with_num_threads(1, 32_000_000) {
            Ok(w) => {
                self.writer = Some(w);
                Ok(true)
            }
            Err(tantivy::TantivyError::LockFailure(..)) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Releases the writer lock (queries keep working).
    pub fn release_writer(&mut self) {
        self.writer = None;
    }

    /// True while this process holds the writer.
    pub fn is_writer(&self) -> bool {
        self.writer.is_some()
    }

    /// The highest article id the committed index covers.
    pub fn watermark(&self) -> Result<i64, StoreError> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.and_then(|p| p.parse().ok()).unwrap_or(0))
    }

    /// Adds an article.
    pub fn add_article(&mut self, id: i64, title: &str, text: &str) -> Result<(), StoreError> {
        let f = self.f;
        self.add(doc!(f.kind => "article", f.id => id as u64, f.title => title, f.body => text))
    }

    /// Adds a quote.
    pub fn add_quote(&mut self, id: i64, speaker: &str, text: &str) -> Result<(), StoreError> {
        let f = self.f;
        self.add(doc!(f.kind => "quote", f.id => id as u64, f.speaker => speaker, f.body => text))
    }

    /// Hands one document to the held index writer.
    fn add(&mut self, document: TantivyDocument) -> Result<(), StoreError> {
        let w = self.writer.as_mut().ok_or_else(|| StoreError::Busy("index writer not held".into()))?;
        w.add_document(document)?;
        Ok(())
    }

    /// Commits what was added, recording `watermark`, and makes it visible to this process's searches.
    pub fn commit(&mut self, watermark: i64) -> Result<(), StoreError> {
        if let Some(w) = self.writer.as_mut() {
            let mut p = w.prepare_commit()?;
            p.set_payload(&watermark.to_string());
            p.commit()?;
            self.reader.reload()?;
        }
        Ok(())
    }

    /// Ids of the best `limit` hits of `kind` for the user query `q` (lenient syntax: never an error).
    pub fn search(&self, kind: Kind, q: &str, limit: usize) -> Result<Vec<(i64, f32)>, StoreError> {
        let fields = match kind {
            Kind::Article => vec![self.f.title, self.f.body],
            Kind::Quote => vec![self.f.body, self.f.speaker],
        };
        let mut qp = QueryParser::for_index(&self.index, fields);
        qp.set_conjunction_by_default();
        let (uq, _) = qp.parse_query_lenient(q);
        let kq = TermQuery::new(Term::from_field_text(self.f.kind, kind.label()), IndexRecordOption::Basic);
        let bq = BooleanQuery::new(vec![(Occur::Must, Box::new(kq) as Box<dyn Query>), (Occur::Must, uq)]);
        let searcher = self.reader.searcher();
        let top = searcher.search(&bq, &TopDocs::with_limit(limit.max(1)))?;
        let mut out = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let d: TantivyDocument = searcher.doc(addr)?;
            if let Some(id) = d.get_first(self.f.id).and_then(|v| v.as_u64()) {
                out.push((id as i64, score));
            }
        }
        Ok(out)
    }

    /// Makes commits by other processes visible now.
    pub fn refresh(&self) -> Result<(), StoreError> {
        self.reader.reload()?;
        Ok(())
    }
}
