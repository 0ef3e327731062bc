//! The read API: query-string parameters, validated, and the `GET /api/...` routes.
use crate::{bad, ApiError, MAX_QUERY_LEN};
use accord_store::limits::{self, Limit};
use accord_store::{EventQuery, QuoteQuery, Store};
use serde_json::Value;

/// Decodes `%XX` and `+` in a query-string component.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("00");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Query-string parameters.
pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    pub(crate) fn parse(q: &str) -> Params {
        Params(
            q.split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (percent_decode(k), percent_decode(v))
                })
                .collect(),
        )
    }

    fn text(&self, k: &str) -> Result<Option<String>, ApiError> {
        match self.0.iter().find(|(n, _)| n == k) {
            None => Ok(None),
            Some((_, v)) if v.trim().is_empty() => Ok(None),
            Some((_, v)) if v.chars().count() > MAX_QUERY_LEN => {
                Err(bad(format!("parameter {k} is longer than {MAX_QUERY_LEN} characters")))
            }
            Some((_, v)) if v.chars().any(|c| c.is_control()) => {
                Err(bad(format!("parameter {k} has control characters")))
            }
            Some((_, v)) => Ok(Some(v.trim().to_string())),
        }
    }

    /// A date filter: a real `YYYY-MM-DD`, or `YYYY-MM`, `YYYY`.
    fn date(&self, k: &str) -> Result<Option<String>, ApiError> {
        match self.text(k)? {
            None => Ok(None),
            Some(d) => accord_store::dates::filter_date(&d).map(Some).map_err(|e| bad(format!("parameter {k}: {e}"))),
        }
    }

    /// `limit`: from 1 to the resource's maximum, else an error naming both.
    fn limit(&self, l: Limit) -> Result<usize, ApiError> {
        match self.text("limit")? {
            None => Ok(l.default),
            Some(v) => v.parse::<usize>().ok().and_then(|n| l.check(n).ok()).ok_or_else(|| bad(l.message(&v))),
        }
    }

    /// An optional id parameter.
    fn id(&self, k: &str) -> Result<Option<i64>, ApiError> {
        match self.text(k)? {
            Some(a) => Ok(Some(id_of(&a).map_err(|e| bad(format!("parameter {k}: {}", e.1)))?)),
            None => Ok(None),
        }
    }

    fn offset(&self) -> Result<usize, ApiError> {
        match self.text("offset")? {
            None => Ok(0),
            Some(v) => v.parse::<usize>().map_err(|_| bad("parameter offset must be a non-negative integer")),
        }
    }
}

fn id_of(s: &str) -> Result<i64, ApiError> {
    s.parse::<i64>().ok().filter(|&i| i > 0).ok_or_else(|| bad(format!("{s:?} is not an id")))
}

fn not_found(what: &str) -> ApiError {
    ApiError(404, format!("{what} not found"))
}

/// Answers `GET /api/...`.
pub(crate) fn get(store: &Store, path: &str, p: &Params) -> Result<Value, ApiError> {
    let segs: Vec<&str> = path.trim_start_matches("/api/").trim_end_matches('/').split('/').collect();
    let v = match segs.as_slice() {
        ["stats"] => serde_json::to_value(store.stats()?),
        ["search"] => {
            let q = p.text("q")?.ok_or_else(|| bad("parameter q is required"))?;
            serde_json::to_value(store.search(&q, p.limit(limits::SEARCH)?)?)
        }
        ["quotes"] => serde_json::to_value(store.quotes(&QuoteQuery {
            speaker: p.text("speaker")?,
            about: p.text("about")?,
            from: p.date("from")?,
            to: p.date("to")?,
            article: match p.text("article")? {
                Some(a) => Some(id_of(&a)?),
                None => None,
            },
            limit: Some(p.limit(limits::QUOTES)?),
        })?),
        ["quotes", id] => serde_json::to_value(store.quote(id_of(id)?)?.ok_or_else(|| not_found("quote"))?),
        ["entities"] => {
            let q = p.text("q")?.ok_or_else(|| bad("parameter q is required"))?;
            serde_json::to_value(store.entities(&q, p.limit(limits::ENTITIES)?)?)
        }
        ["entities", id] => serde_json::to_value(store.entity(id_of(id)?)?.ok_or_else(|| not_found("entity"))?),
        ["articles"] => serde_json::to_value(store.articles(p.limit(limits::ARTICLES)?, p.offset()?)?),
        ["articles", id] => serde_json::to_value(store.article(id_of(id)?)?.ok_or_else(|| not_found("article"))?),
        ["articles", id, "document"] => Ok(store.article(id_of(id)?)?.ok_or_else(|| not_found("article"))?.document),
        ["events"] => serde_json::to_value(store.events(&EventQuery {
            actor: p.text("actor")?,
            entity: p.id("entity")?,
            etype: p.text("type")?,
            country: p.text("country")?,
            from: p.date("from")?,
            to: p.date("to")?,
            article: p.id("article")?,
            limit: Some(p.limit(limits::EVENTS)?),
        })?),
        ["events", id] => serde_json::to_value(store.event(id_of(id)?)?.ok_or_else(|| not_found("event"))?),
        ["timeline"] => serde_json::to_value(store.timeline(
            p.text("entity")?.as_deref(),
            p.text("about")?.as_deref(),
            p.limit(limits::TIMELINE)?,
        )?),
        ["claims"] => serde_json::to_value(store.claims(p.text("about")?.as_deref(), p.limit(limits::CLAIMS)?)?),
        _ => return Err(not_found("endpoint")),
    };
    v.map_err(|e| ApiError(500, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_decode_and_validate() {
        assert_eq!(percent_decode("Jane+Doe%21%E2%80%9C"), "Jane Doe!“");
        assert_eq!(percent_decode("100%"), "100%");
        let p = Params::parse("q=a%20b&limit=5&x");
        assert_eq!(p.text("q").unwrap().as_deref(), Some("a b"));
        assert_eq!(p.limit(limits::QUOTES).unwrap(), 5);
        assert_eq!(Params::parse("").limit(limits::QUOTES).unwrap(), 50);
        let e = Params::parse("limit=0").limit(limits::QUOTES).unwrap_err();
        assert!(e.1.contains("limit 0") && e.1.contains("1 to 1000"), "{e:?}");
        assert!(Params::parse("limit=100000").limit(limits::QUOTES).is_err());
        assert!(Params::parse("from=yesterday").date("from").is_err());
        let e = Params::parse("to=2024-02-30").date("to").unwrap_err();
        assert!(e.1.contains("\"2024-02-30\" does not exist"), "{e:?}");
        assert_eq!(Params::parse("from=2024-02").date("from").unwrap().as_deref(), Some("2024-02"));
        assert!(Params::parse("entity=abc").id("entity").unwrap_err().1.contains("parameter entity"));
    }

    /// Every GET path of openapi.yaml is answered by a route (a 404 may name a missing record, never the
    /// endpoint), so the spec cannot list an endpoint the server lacks.
    #[test]
    fn every_documented_path_has_a_route() {
        let dir = std::env::temp_dir().join(format!("accord-api-spec-{}", std::process::id()));
        let store = Store::open(&dir).unwrap();
        let paths: Vec<&str> = crate::OPENAPI
            .lines()
            .filter_map(|l| l.strip_prefix("  /api/").and_then(|p| p.strip_suffix(':')))
            .collect();
        assert!(paths.len() >= 12 && paths.contains(&"events"), "{paths:?}");
        for p in paths {
            let path = format!("/api/{}", p.replace("{id}", "1"));
            match get(&store, &path, &Params::parse("q=x")) {
                Ok(_) => {}
                Err(ApiError(code, m)) => assert!(code == 404 && m != "endpoint not found", "{path}: {code} {m}"),
            }
        }
        assert_eq!(get(&store, "/api/nope", &Params::parse("")).unwrap_err().1, "endpoint not found");
        drop(store);
        std::fs::remove_dir_all(&dir).ok();
    }
}
