//! Full-text search over entities, quotes and articles.

use crate::entities::EntityRef;
use crate::fts::Kind;
use crate::quotes::{QuoteHit, QuoteQuery};
use crate::{Store, StoreError};
use serde::Serialize;

/// An article search hit.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ArticleHit {
    /// Article id.
    pub id: i64,
    /// Title.
    pub title: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// A piece of text around the first match.
    pub snippet: String,
    /// Search score.
    pub score: f32,
}

/// Results of [`Store::search`].
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SearchResults {
    /// Entities whose names match.
    pub entities: Vec<EntityRef>,
    /// Quotes by a matching speaker or with matching text.
    pub quotes: Vec<QuoteHit>,
    /// Articles with matching text.
    pub articles: Vec<ArticleHit>,
}

impl Store {
    /// Full-text search over entities, quotes and articles.
    pub fn search(&self, q: &str, limit: usize) -> Result<SearchResults, StoreError> {
        let limit = crate::limits::SEARCH.check(limit)?;
        let q = q.trim();
        if q.is_empty() {
            return Ok(SearchResults { entities: vec![], quotes: vec![], articles: vec![] });
        }
        let entities = self.entities(q, 10)?;
        let mut quotes =
            self.quotes(&QuoteQuery { speaker: Some(q.to_string()), limit: Some(limit), ..Default::default() })?;
        if quotes.len() < limit {
            for h in self.fts().search(Kind::Quote, q, limit)? {
                if quotes.len() >= limit {
                    break;
                }
                if !quotes.iter().any(|x| x.id == h.0) {
                    if let Some(x) = self.quote(h.0)? {
                        quotes.push(x);
                    }
                }
            }
        }
        let mut articles = Vec::new();
        let mut st = self.conn().prepare_cached("SELECT title, date, outlet, text FROM articles WHERE id=?1")?;
        for (id, score) in self.fts().search(Kind::Article, q, limit)? {
            let (title, date, outlet, text): (Option<String>, Option<String>, Option<String>, String) =
                st.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
            articles.push(ArticleHit { id, title, date, outlet, snippet: snippet(&text, q), score });
        }
        Ok(SearchResults { entities, quotes, articles })
    }
}

/// About 200 characters of `text` around the first word of `q` found in it.
pub fn snippet(text: &str, q: &str) -> String {
    let lower = text.to_lowercase();
    let pos = q
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| w.len() > 1)
        .find_map(|w| lower.find(&w))
        .unwrap_or(0);
    // map the byte offset of `lower` to `text` conservatively via char counts
    let chars_before = lower[..pos.min(lower.len())].chars().count();
    let start = chars_before.saturating_sub(80);
    let s: String = text.chars().skip(start).take(220).collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if start > 0 {
        format!("…{s}…")
    } else {
        format!("{s}…")
    }
}
