//! Months and dates as planners write them: `"2025-03"` and `"2025-03-27"` in plan files.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Years a plan may speak of; outside these a date is a typo.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A calendar month, the unit of the action timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u8,
}

impl Default for YearMonth {
    fn default() -> Self {
        YearMonth {
            year: 2025,
            month: 1,
        }
    }
}

impl YearMonth {
    /// A month, if `month` is 1–12 and the year is plausible.
    pub fn new(year: i32, month: u8) -> Option<Self> {
        ((1..=12).contains(&month) && YEARS.contains(&year)).then_some(YearMonth { year, month })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Months since January of year 0: makes month arithmetic plain integer arithmetic.
    pub fn index(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }

    /// The month with the given [`index`](Self::index), if its year is plausible.
    pub fn from_index(index: i32) -> Option<Self> {
        let year = index.div_euclid(12);
        let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        Self::new(year, month)
    }

    /// Number of months from `self` to `end`, both included (0 when `end` is before `self`).
    pub fn months_through(self, end: YearMonth) -> u32 {
        u32::try_from(end.index() - self.index() + 1).unwrap_or(0)
    }

    /// This month moved by `delta` months, clamped to the plausible years.
    pub fn plus_months(self, delta: i32) -> YearMonth {
        let lo = YearMonth {
            year: *YEARS.start(),
            month: 1,
        }
        .index();
        let hi = YearMonth {
            year: *YEARS.end(),
            month: 12,
        }
        .index();
        Self::from_index((self.index().saturating_add(delta)).clamp(lo, hi)).unwrap_or(self)
    }

    /// The quarter, 1–4.
    pub fn quarter(self) -> u8 {
        (self.month - 1) / 3 + 1
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Why a text is not a month or a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected {expected}, found {found:?}")]
pub struct CalendarParseError {
    expected: &'static str,
    found: String,
}

fn parse_parts(s: &str, n: usize, expected: &'static str) -> Result<Vec<u32>, CalendarParseError> {
    let err = || CalendarParseError {
        expected,
        found: s.to_owned(),
    };
    let parts: Vec<&str> = s.split('-').collect();
    let widths_ok = parts.len() == n
        && parts[0].len() == 4
        && parts[1..].iter().all(|p| p.len() == 2)
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !widths_ok {
        return Err(err());
    }
    parts.iter().map(|p| p.parse().map_err(|_| err())).collect()
}

impl FromStr for YearMonth {
    type Err = CalendarParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const EXPECTED: &str = "a month like \"2025-03\" (year 1900–2200, month 01–12)";
        let p = parse_parts(s, 2, EXPECTED)?;
        YearMonth::new(p[0] as i32, p[1] as u8).ok_or(CalendarParseError {
            expected: EXPECTED,
            found: s.to_owned(),
        })
    }
}

/// A calendar day (meetings, comments, adoption).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Default for Date {
    fn default() -> Self {
        Date {
            year: 2025,
            month: 1,
            day: 1,
        }
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in the month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

impl Date {
    /// A date, if it exists on the calendar and its year is plausible.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let ym = YearMonth::new(year, month)?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date {
            year: ym.year,
            month,
            day,
        })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The month this date falls in.
    pub fn year_month(self) -> YearMonth {
        YearMonth {
            year: self.year,
            month: self.month,
        }
    }

    /// Today in UTC, from the system clock (the default date of new meetings and comments).
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Self::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// The civil date of a day count since 1970-01-01 (H. Hinnant's algorithm).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date::new(year.clamp(*YEARS.start(), *YEARS.end()), month, day).unwrap_or_default()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = CalendarParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const EXPECTED: &str = "a date like \"2025-03-27\" that exists on the calendar";
        let p = parse_parts(s, 3, EXPECTED)?;
        Date::new(p[0] as i32, p[1] as u8, p[2] as u8).ok_or(CalendarParseError {
            expected: EXPECTED,
            found: s.to_owned(),
        })
    }
}

macro_rules! string_serde {
    ($t:ty, $what:literal) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = $t;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$t, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

string_serde!(YearMonth, "a month as a string like \"2025-03\"");
string_serde!(Date, "a date as a string like \"2025-03-27\"");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_count() {
        let a: YearMonth = "2025-01".parse().unwrap();
        let b: YearMonth = "2026-03".parse().unwrap();
        assert_eq!(a.months_through(b), 15);
        assert_eq!(b.months_through(a), 0);
        assert_eq!(a.plus_months(14), b);
        assert_eq!(YearMonth::from_index(b.index()), Some(b));
        assert_eq!(b.quarter(), 1);
        assert_eq!(b.to_string(), "2026-03");
        for bad in [
            "2025-13",
            "2025-00",
            "2025-1",
            "25-01",
            "2025/01",
            "",
            "2025-01-01",
            "3000-01",
        ] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_exist_on_the_calendar() {
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2025-02-29".parse::<Date>().is_err());
        assert!("2025-04-31".parse::<Date>().is_err());
        assert_eq!(
            "2025-03-07".parse::<Date>().unwrap().to_string(),
            "2025-03-07"
        );
    }

    #[test]
    fn civil_from_days() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(
            Date::from_days_since_epoch(19_782).to_string(),
            "2024-02-29"
        );
        assert_eq!(
            Date::from_days_since_epoch(20_000).to_string(),
            "2024-10-04"
        );
    }
}
