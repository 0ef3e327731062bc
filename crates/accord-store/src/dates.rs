//! Calendar dates: one validator, backed by accord-doc's date type (`jiff`), for every date the knowledge base takes —
//! publication dates (`--date`, a JSON Lines or POSTed `date`) and query filters (`from`/`to`). An
//! impossible date (`2024-02-31`, `2023-02-29`, month 13) is rejected with an error naming the value.

use std::fmt;

/// A date that is not a valid calendar date in the expected form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    /// The value as given.
    pub value: String,
    /// Why it was rejected.
    pub reason: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "date {:?} {}", self.value, self.reason)
    }
}

impl std::error::Error for DateError {}

fn err(value: &str, reason: impl Into<String>) -> DateError {
    DateError { value: value.to_string(), reason: reason.into() }
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn month(value: &str, m: u32) -> Result<u32, DateError> {
    if (1..=12).contains(&m) {
        Ok(m)
    } else {
        Err(err(value, format!("does not exist (there is no month {m:02})")))
    }
}

/// Parses a strict `YYYY-MM-DD` calendar date.
pub fn parse_day(value: &str) -> Result<accord_doc::date::Date, DateError> {
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(err(value, "is not YYYY-MM-DD"));
    }
    let (Some(_), Some(m), Some(_)) = (digits(&value[..4]), digits(&value[5..7]), digits(&value[8..])) else {
        return Err(err(value, "is not YYYY-MM-DD"));
    };
    month(value, m)?;
    accord_doc::date::parse_day(value).map_err(|e| err(value, e.reason))
}

/// Checks a publication date: `YYYY-MM-DD`, optionally followed by a time (`2025-03-06T10:00:00Z`,
/// whose date part is kept), and a real calendar date. Returns the `YYYY-MM-DD` part.
pub fn publication_date(value: &str) -> Result<String, DateError> {
    let v = value.trim();
    let day = match v.get(..10) {
        Some(d) if v.len() == 10 || v[10..].starts_with(['T', ' ']) => d,
        _ => return Err(err(value, "is not YYYY-MM-DD")),
    };
    parse_day(day).map_err(|e| DateError { value: value.to_string(), ..e })?;
    Ok(day.to_string())
}

/// Checks a date filter: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, each a real calendar date or month.
pub fn filter_date(value: &str) -> Result<String, DateError> {
    match value.len() {
        4 if digits(value).is_some() => Ok(value.to_string()),
        7 if value.as_bytes()[4] == b'-' => match (digits(&value[..4]), digits(&value[5..])) {
            (Some(_), Some(m)) => month(value, m).map(|_| value.to_string()),
            _ => Err(err(value, "is not YYYY-MM-DD, YYYY-MM or YYYY")),
        },
        10 => parse_day(value).map(|_| value.to_string()),
        _ => Err(err(value, "is not YYYY-MM-DD, YYYY-MM or YYYY")),
    }
}

/// [`filter_date`] as a store error (what the query methods return).
pub fn check_date(value: &str) -> Result<String, crate::StoreError> {
    filter_date(value).map_err(|e| crate::StoreError::Invalid(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_dates_pass_and_impossible_ones_are_named() {
        assert_eq!(parse_day("2024-02-29").unwrap().to_string(), "2024-02-29");
        let e = parse_day("2024-02-31").unwrap_err();
        assert_eq!(e.to_string(), "date \"2024-02-31\" does not exist (February 2024 has 29 days)");
        assert!(parse_day("2023-02-29").unwrap_err().to_string().contains("February 2023 has 28 days"));
        assert!(parse_day("2024-13-01").unwrap_err().to_string().contains("no month 13"));
        assert!(parse_day("2024-04-31").is_err());
        assert!(parse_day("2024-00-10").is_err());
        assert!(parse_day("2024-01-00").is_err());
        for bad in ["yesterday", "2024-1-01", "2024/01/01", "+024-01-01", "2024-01-0x", ""] {
            assert!(parse_day(bad).unwrap_err().to_string().contains("is not YYYY-MM-DD"), "{bad}");
        }
    }

    #[test]
    fn publication_dates_keep_the_day_of_a_timestamp() {
        assert_eq!(publication_date("2025-03-06T10:00:00Z").unwrap(), "2025-03-06");
        assert_eq!(publication_date(" 2025-03-06 ").unwrap(), "2025-03-06");
        assert!(publication_date("2025-02-30T10:00:00Z").unwrap_err().to_string().contains("\"2025-02-30T10:00:00Z\""));
        assert!(publication_date("2025-03-06x").is_err());
    }

    #[test]
    fn filters_take_a_year_a_month_or_a_day() {
        assert_eq!(filter_date("2024").unwrap(), "2024");
        assert_eq!(filter_date("2024-12").unwrap(), "2024-12");
        assert!(filter_date("2024-13").is_err());
        assert!(filter_date("2024-02-30").is_err());
        assert!(filter_date("24").is_err());
        assert!(check_date("2023-02-29").is_err());
    }
}
