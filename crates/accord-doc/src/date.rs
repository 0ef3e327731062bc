//! Calendar dates: the one date type every crate uses ([`jiff::civil::Date`]), and the one check that a
//! `YYYY-MM-DD` value names a real day. `2024-02-31` and `2023-02-29` are errors naming the value, so
//! an impossible publication date never reaches the store or anchors "yesterday" to the wrong day.

pub use jiff::civil::Date;

/// Why a date value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// The value as given.
    pub value: String,
    /// What is wrong with it.
    pub reason: String,
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "date {:?} {}", self.value, self.reason)
    }
}

impl std::error::Error for DateError {}

/// Parses a `YYYY-MM-DD` day (the first ten characters of `value`, so `2024-06-12T09:00:00Z` is the
/// 12th), refusing days that do not exist (`2024-02-31`) and years outside 1..=9999.
pub fn parse_day(value: &str) -> Result<Date, DateError> {
    let err = |reason: &str| DateError { value: value.to_string(), reason: reason.to_string() };
    let v = value.trim();
    let d = v.get(..10).ok_or_else(|| err("is not YYYY-MM-DD"))?;
    let b = d.as_bytes();
    let shape =
        b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(err("is not YYYY-MM-DD"));
    }
    let (y, m, day): (i16, i8, i8) =
        (d[..4].parse().unwrap_or(0), d[5..7].parse().unwrap_or(0), d[8..10].parse().unwrap_or(0));
    if y < 1 {
        return Err(err("is out of range (years 0001 to 9999)"));
    }
    if !(1..=12).contains(&m) {
        return Err(err(&format!("does not exist (there is no month {m:02})")));
    }
    Date::new(y, m, day).map_err(|_| {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let days = Date::new(y, m, 1).map(|d| d.days_in_month()).unwrap_or(31);
        err(&format!("does not exist ({} {y} has {days} days)", MONTHS[m as usize - 1]))
    })
}

/// [`parse_day`], written back as `YYYY-MM-DD`.
pub fn normalise_day(value: &str) -> Result<String, DateError> {
    parse_day(value).map(|d| d.to_string())
}

/// The day `days` after `date` (negative: before), or `None` past the calendar's range (after
/// 9999-12-31 or before 0001-01-01).
pub fn add_days(date: Date, days: i64) -> Option<Date> {
    let r = date.checked_add(jiff::Span::new().try_days(days).ok()?).ok()?;
    (r.year() >= 1).then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_days_are_refused_with_the_value_named() {
        assert_eq!(normalise_day("2024-02-29").unwrap(), "2024-02-29");
        assert_eq!(normalise_day("2024-06-12T09:00:00Z").unwrap(), "2024-06-12");
        for bad in ["2024-02-31", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "0000-01-01", "20240101", "x"]
        {
            let e = normalise_day(bad).unwrap_err();
            assert!(e.to_string().contains(bad), "{e}");
        }
        assert_eq!(
            normalise_day("2024-02-31").unwrap_err().to_string(),
            "date \"2024-02-31\" does not exist (February 2024 has 29 days)"
        );
    }

    #[test]
    fn adding_days_stops_at_the_calendar_edge() {
        let d = parse_day("9999-12-31").unwrap();
        assert_eq!(add_days(d, 1), None);
        assert_eq!(add_days(d, -1).unwrap().to_string(), "9999-12-30");
        assert_eq!(add_days(parse_day("2024-03-01").unwrap(), -1).unwrap().to_string(), "2024-02-29");
        assert_eq!(add_days(parse_day("0001-01-01").unwrap(), -1), None);
    }
}
