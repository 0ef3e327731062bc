//! How many results each query returns: a default and a maximum per resource. A limit of 0 or above
//! the maximum is an error that names the maximum — never capped silently — in the library, the CLI
//! (`--limit`) and the API (`limit`) alike.

use crate::StoreError;

/// The default and the maximum number of results of one kind of query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// What is counted, for messages (`quotes`).
    pub what: &'static str,
    /// Results when no limit is given.
    pub default: usize,
    /// The largest limit accepted.
    pub max: usize,
}

impl Limit {
    /// `n` when it is from 1 to the maximum, else an error naming the value and the range.
    pub fn check(&self, n: usize) -> Result<usize, StoreError> {
        if (1..=self.max).contains(&n) {
            Ok(n)
        } else {
            Err(StoreError::Invalid(self.message(&n.to_string())))
        }
    }

    /// `n`, or the default when `None`, checked.
    pub fn or_default(&self, n: Option<usize>) -> Result<usize, StoreError> {
        self.check(n.unwrap_or(self.default))
    }

    /// The error message for a rejected limit `value`.
    pub fn message(&self, value: &str) -> String {
        format!("limit {value} is out of range: {} takes a limit from 1 to {}", self.what, self.max)
    }
}

/// `quotes` (CLI `accord quotes`, API `/api/quotes`).
pub const QUOTES: Limit = Limit { what: "quotes", default: 50, max: 1000 };
/// `search` (API `/api/search`): per kind of result.
pub const SEARCH: Limit = Limit { what: "search", default: 20, max: 200 };
/// `entities` (API `/api/entities`).
pub const ENTITIES: Limit = Limit { what: "entities", default: 20, max: 500 };
/// `articles` (API `/api/articles`).
pub const ARTICLES: Limit = Limit { what: "articles", default: 50, max: 1000 };
/// `timeline` (CLI `accord timeline`, API `/api/timeline`).
pub const TIMELINE: Limit = Limit { what: "timeline", default: 200, max: 5000 };
/// `claims` (CLI `accord claims`, API `/api/claims`): counted quantities.
pub const CLAIMS: Limit = Limit { what: "claims", default: 20, max: 1000 };

/// `events` (CLI `accord events`, API `/api/events`).
pub const EVENTS: Limit = Limit { what: "events", default: 50, max: 1000 };

/// Every limit, for documentation and tests.
pub const ALL: &[Limit] = &[QUOTES, SEARCH, ENTITIES, ARTICLES, TIMELINE, CLAIMS, EVENTS];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_and_too_many_are_errors_naming_the_maximum() {
        assert_eq!(QUOTES.check(1000).unwrap(), 1000);
        assert_eq!(QUOTES.or_default(None).unwrap(), 50);
        let e = QUOTES.check(100_000).unwrap_err().to_string();
        assert!(e.contains("100000") && e.contains("1 to 1000"), "{e}");
        assert!(QUOTES.check(0).unwrap_err().to_string().contains("limit 0"));
        for l in ALL {
            assert!(l.default >= 1 && l.default <= l.max, "{l:?}");
        }
    }
}
