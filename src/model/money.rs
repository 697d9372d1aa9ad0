//! Exact money: whole cents in an integer, written in plan files as a decimal string
//! (`"125000.50"`), so sums are exact and files stay readable.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount of money in the plan's currency, in whole cents.
///
/// `i128` leaves room for any sum of amounts a file can hold, so adding never overflows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i128);

/// The largest amount one field may hold: one trillion, far above any municipal budget.
pub const MAX_AMOUNT_CENTS: i128 = 100_000_000_000_000;

impl Money {
    /// Zero.
    pub const ZERO: Money = Money(0);

    /// From whole cents.
    pub const fn from_cents(cents: i128) -> Self {
        Money(cents)
    }

    /// From whole units (euros).
    pub const fn from_units(units: i64) -> Self {
        Money(units as i128 * 100)
    }

    /// Whole cents.
    pub const fn cents(self) -> i128 {
        self.0
    }

    /// For display and JSON only: never sum these.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// True when below zero.
    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// The larger of self and zero.
    pub fn clamp_at_zero(self) -> Money {
        Money(self.0.max(0))
    }

    /// `part / self` as a percentage (0 when self is zero).
    pub fn percent_of(part: Money, whole: Money) -> f64 {
        if whole.0 == 0 {
            0.0
        } else {
            part.0 as f64 * 100.0 / whole.0 as f64
        }
    }

    /// Split into `n` parts that differ by at most one cent and add up exactly to self.
    pub fn split_even(self, n: usize) -> Vec<Money> {
        if n == 0 {
            return Vec::new();
        }
        let n128 = n as i128;
        let base = self.0.div_euclid(n128);
        let rem = self.0.rem_euclid(n128) as usize;
        (0..n).map(|i| Money(base + i128::from(i < rem))).collect()
    }

    /// As documents in `lang` write it, with the currency: `1 450 000,00 EUR` (Bulgarian) or
    /// `1,450,000.00 EUR` (English); non-breaking spaces keep it on one line. See
    /// [`format::money`](crate::model::format::money), which this is.
    pub fn text(self, lang: crate::model::Lang, currency: &str) -> String {
        crate::model::format::money(lang, self, currency)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

/// Why a text is not an amount of money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyParseError {
    /// Not of the form `1234.56`.
    #[error(
        "expected an amount like \"1250000.00\" (digits, optional '.' and up to two decimals), found {0:?}"
    )]
    Malformed(String),
    /// More than the largest allowed amount.
    #[error("amount {0:?} is larger than the largest allowed (1000000000000.00)")]
    TooLarge(String),
}

impl FromStr for Money {
    type Err = MoneyParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let malformed = || MoneyParseError::Malformed(s.to_owned());
        let (neg, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || !all_digits(int) || !all_digits(frac) || frac.len() > 2 {
            return Err(malformed());
        }
        if body.contains('.') && frac.is_empty() {
            return Err(malformed());
        }
        // Bound the digits before parsing so a 10,000-digit string cannot overflow.
        if int.trim_start_matches('0').len() > 13 {
            return Err(MoneyParseError::TooLarge(s.to_owned()));
        }
        let units: i128 = int.parse().map_err(|_| malformed())?;
        let cents: i128 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i128>().map_err(|_| malformed())? * 10,
            _ => frac.parse().map_err(|_| malformed())?,
        };
        let total = units * 100 + cents;
        if total > MAX_AMOUNT_CENTS {
            return Err(MoneyParseError::TooLarge(s.to_owned()));
        }
        Ok(Money(if neg { -total } else { total }))
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an amount of money as a string like \"1250000.00\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Money, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_exactly() {
        for (text, cents, printed) in [
            ("0", 0, "0.00"),
            ("12", 1200, "12.00"),
            ("12.5", 1250, "12.50"),
            ("12.05", 1205, "12.05"),
            ("-3.10", -310, "-3.10"),
            ("1000000000000", MAX_AMOUNT_CENTS, "1000000000000.00"),
        ] {
            let m: Money = text.parse().unwrap();
            assert_eq!(m.cents(), cents, "{text}");
            assert_eq!(m.to_string(), printed);
        }
    }

    #[test]
    fn rejects_what_is_not_money() {
        for bad in [
            "", "-", ".5", "1.", "1.234", "1,5", "1e3", " 1", "abc", "--1", "1.-5",
        ] {
            assert!(
                matches!(bad.parse::<Money>(), Err(MoneyParseError::Malformed(_))),
                "{bad:?}"
            );
        }
        assert!(matches!(
            "1000000000000.01".parse::<Money>(),
            Err(MoneyParseError::TooLarge(_))
        ));
        assert!(matches!(
            "9".repeat(5000).parse::<Money>(),
            Err(MoneyParseError::TooLarge(_))
        ));
    }

    #[test]
    fn sums_are_exact_where_floats_are_not() {
        let tenth: Money = "0.10".parse().unwrap();
        let total: Money = std::iter::repeat_n(tenth, 10).sum();
        assert_eq!(total, Money::from_units(1));
    }

    #[test]
    fn split_even_adds_up() {
        let m = Money::from_cents(1001);
        let parts = m.split_even(3);
        assert_eq!(parts, vec![Money(334), Money(334), Money(333)]);
        assert_eq!(parts.iter().sum::<Money>(), m);
        assert_eq!(
            Money::from_cents(-5).split_even(2).iter().sum::<Money>(),
            Money(-5)
        );
        assert!(m.split_even(0).is_empty());
    }
}
