//! The order people read codes in: "2.1.2" before "2.3.1", "1.10" after "1.9", "ИР2" before
//! "ИР10". Every table and chart lists objectives, actions and indicators in this order, whatever
//! their order in the file.

use std::cmp::Ordering;

use super::plan::{Action, Indicator, Plan, StrategicObjective};

/// Compares two codes piece by piece: runs of digits as numbers, the rest as text; an empty
/// code after every other, so items without a code come last.
pub fn compare_codes(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.trim(), b.trim());
    match (a.is_empty(), b.is_empty()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        _ => {}
    }
    let (mut x, mut y) = (pieces(a), pieces(b));
    loop {
        match (x.next(), y.next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) => {
                let o = match (p, q) {
                    (Piece::Number(m), Piece::Number(n)) => {
                        // By value; "01" and "1" then by length, so the order is total.
                        let (m, n) = (m.trim_start_matches('0'), n.trim_start_matches('0'));
                        m.len().cmp(&n.len()).then_with(|| m.cmp(n))
                    }
                    (Piece::Number(_), Piece::Text(_)) => Ordering::Less,
                    (Piece::Text(_), Piece::Number(_)) => Ordering::Greater,
                    (Piece::Text(s), Piece::Text(t)) => s.cmp(t),
                };
                if o != Ordering::Equal {
                    return o;
                }
            }
        }
    }
}

enum Piece<'a> {
    Number(&'a str),
    Text(&'a str),
}

fn pieces(s: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let digit = first.is_ascii_digit();
        let end = rest
            .char_indices()
            .find(|(_, c)| c.is_ascii_digit() != digit)
            .map_or(rest.len(), |(i, _)| i);
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(if digit {
            Piece::Number(piece)
        } else {
            Piece::Text(piece)
        })
    })
}

impl Plan {
    /// The strategic objectives in the order of their codes (stable for equal codes).
    pub fn objectives_by_code(&self) -> Vec<&StrategicObjective> {
        let mut v: Vec<&StrategicObjective> = self.objectives.iter().collect();
        v.sort_by(|a, b| compare_codes(&a.code, &b.code));
        v
    }

    /// The actions in the order of their codes (stable for equal codes).
    pub fn actions_by_code(&self) -> Vec<&Action> {
        let mut v: Vec<&Action> = self.actions.iter().collect();
        v.sort_by(|a, b| compare_codes(&a.code, &b.code));
        v
    }

    /// Every funding line with its action, the actions in the order of their codes.
    pub fn funding_lines_by_code(&self) -> Vec<(&Action, &super::plan::FundingLine)> {
        self.actions_by_code()
            .into_iter()
            .flat_map(|a| a.funding.iter().map(move |f| (a, f)))
            .collect()
    }

    /// The indicators in the order of their codes (stable for equal codes).
    pub fn indicators_by_code(&self) -> Vec<&Indicator> {
        let mut v: Vec<&Indicator> = self.indicators.iter().collect();
        v.sort_by(|a, b| compare_codes(&a.code, &b.code));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_sort_as_people_read_them() {
        let mut codes = vec![
            "2.3.1", "10.1", "2.1.2", "", "1.10", "1.9", "ИР10", "ИР2", "1.9a", "01.9",
        ];
        codes.sort_by(|a, b| compare_codes(a, b));
        assert_eq!(
            codes,
            [
                "01.9", "1.9", "1.9a", "1.10", "2.1.2", "2.3.1", "10.1", "ИР2", "ИР10", ""
            ]
        );
    }

    #[test]
    fn the_order_is_total_and_consistent() {
        use proptest::prelude::*;
        proptest!(|(a in "[0-9a.]{0,6}", b in "[0-9a.]{0,6}", c in "[0-9a.]{0,6}")| {
            prop_assert_eq!(compare_codes(&a, &b), compare_codes(&b, &a).reverse());
            if compare_codes(&a, &b) != Ordering::Greater && compare_codes(&b, &c) != Ordering::Greater {
                prop_assert_ne!(compare_codes(&a, &c), Ordering::Greater);
            }
            prop_assert_eq!(compare_codes(&a, &b) == Ordering::Equal, a.trim() == b.trim());
        });
    }
}
