//! Numbers, amounts, percentages, dates and months as people read and type them, in Bulgarian
//! and English: one formatter and one parser for each, so the PDF, the HTML, the command line
//! (and the app) write `1 450 000,50 EUR` / `1,450,000.50 EUR` the same way, and what they show
//! can be pasted back into a field.
//!
//! | | Bulgarian ([`Lang::Bg`]) | English ([`Lang::En`]) |
//! |---|---|---|
//! | money | `1 450 000,50 EUR` | `1,450,000.50 EUR` |
//! | amount (input fields) | `1 450 000,50` | `1,450,000.50` |
//! | integer | `1 221 172` | `1,221,172` |
//! | decimal | `24,1` | `24.1` |
//! | percent | `2,9 %` | `2.9%` |
//! | date | `14.03.2025` | `14 Mar 2025` |
//! | date, long | `14 март 2025` | `14 March 2025` |
//! | month | `март 2025` | `March 2025` |
//! | month, short | `03.2025` | `Mar 2025` |
//! | month range | `януари 2025 – декември 2030` | `January 2025 – December 2030` |
//!
//! Conventions:
//! - Bulgarian separates thousands with a no-break space ([`NBSP`], U+00A0) and writes a
//!   no-break space before `%` and before the currency; English separates thousands with a
//!   comma and writes `%` right after the number. Both languages put a no-break space before
//!   the currency, so an amount never breaks across lines.
//! - Whole parts are grouped from four digits on in both languages (`5 098`, `5,098`).
//!   Bulgarian typography often leaves four-digit numbers ungrouped in running text; one rule
//!   for tables and text alike is simpler and keeps columns aligned.
//! - Negative numbers start with an ASCII hyphen-minus `-`.
//! - Years, page numbers and codes are names, not quantities: they are never grouped (print
//!   them with `to_string`).
//! - Dates and months use ordinary spaces between day, month and year.
//!
//! The parsers accept what the formatters write and the usual variants people type, and refuse
//! what could be read two ways rather than guess (see [`parse_money`]). Files keep their
//! machine forms: plan files (`Money`'s `FromStr`, `"1450000.50"`), CSV and JSON do not use this
//! module.

use crate::model::money::MAX_AMOUNT_CENTS;
use crate::model::{Date, Lang, Money, YearMonth, calendar};

/// The no-break space (U+00A0): Bulgarian thousands separator, and the space before a currency
/// or a Bulgarian `%`.
pub const NBSP: char = '\u{a0}';

/// The months in English, January first.
pub const MONTHS_EN: [&str; 12] = [
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

/// The months in Bulgarian (lower case, as written in running text), January first.
pub const MONTHS_BG: [&str; 12] = [
    "януари",
    "февруари",
    "март",
    "април",
    "май",
    "юни",
    "юли",
    "август",
    "септември",
    "октомври",
    "ноември",
    "декември",
];

/// The English three-letter month abbreviations (`Mar`), January first.
const MONTHS_EN_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The spaces accepted between groups of digits: space, no-break space, narrow no-break space,
/// thin space.
const GROUP_SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// The minus sign U+2212, accepted like `-`.
const MINUS: char = '\u{2212}';

/// The name of a month (1–12; out-of-range values are clamped).
pub fn month_name(lang: Lang, month: u8) -> &'static str {
    let i = usize::from(month.clamp(1, 12) - 1);
    match lang {
        Lang::En => MONTHS_EN[i],
        Lang::Bg => MONTHS_BG[i],
    }
}

fn month_abbr_en(month: u8) -> &'static str {
    MONTHS_EN_SHORT[usize::from(month.clamp(1, 12) - 1)]
}

/// Thousands separator and decimal mark of a language.
fn marks(lang: Lang) -> (char, char) {
    match lang {
        Lang::Bg => (NBSP, ','),
        Lang::En => (',', '.'),
    }
}

/// ASCII digits with `sep` between groups of three, from four digits on.
fn group(digits: &str, sep: char) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3 * 2);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// A sign, a grouped whole part and, when `frac` is not empty, the decimal mark and `frac`.
fn localize(lang: Lang, neg: bool, int: &str, frac: &str) -> String {
    let (thousands, decimal) = marks(lang);
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    out.push_str(&group(int, thousands));
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Formatters

/// An amount without currency, for input fields and table cells whose header names the
/// currency: `1 450 000,50` (Bulgarian), `1,450,000.50` (English); always two decimals.
pub fn amount(lang: Lang, m: Money) -> String {
    let abs = m.cents().unsigned_abs();
    let cents = format!("{:02}", abs % 100);
    localize(lang, m.is_negative(), &(abs / 100).to_string(), &cents)
}

/// An amount with its currency after a no-break space: `1 450 000,50 EUR` (Bulgarian),
/// `1,450,000.50 EUR` (English); `-` before negative amounts. An empty `currency` gives the
/// amount alone.
pub fn money(lang: Lang, m: Money, currency: &str) -> String {
    let mut out = amount(lang, m);
    if !currency.is_empty() {
        out.push(NBSP);
        out.push_str(currency);
    }
    out
}

impl crate::model::Plan {
    /// An amount in the plan's currency, as `lang` writes it: `1 450 000,00 EUR`.
    pub fn money_text(&self, lang: Lang, m: Money) -> String {
        money(lang, m, &self.facts.currency)
    }
}

/// A whole number, grouped from four digits on: `1 221 172` (Bulgarian), `1,221,172`
/// (English). Not for years.
pub fn integer(lang: Lang, n: impl Into<i128>) -> String {
    let n: i128 = n.into();
    localize(lang, n < 0, &n.unsigned_abs().to_string(), "")
}

/// Shared by [`decimal`] and [`decimal_up_to`]: rounds to `decimals` places, optionally drops
/// trailing zeros, never prints `-0`. Infinities and NaN print as Rust writes them.
fn real(lang: Lang, v: f64, decimals: usize, trim: bool) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let text = format!("{:.*}", decimals, v.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = if trim {
        frac.trim_end_matches('0')
    } else {
        frac
    };
    let zero = int.bytes().all(|b| b == b'0') && frac.bytes().all(|b| b == b'0');
    localize(lang, v < 0.0 && !zero, int, frac)
}

/// A number with exactly `decimals` decimals: `decimal(Bg, 24.1, 2)` is `24,10`,
/// `decimal(En, 1450.56, 1)` is `1,450.6`. Rounding is that of Rust's `{:.N}` (on the exact
/// binary value, ties to even: `decimal(En, 0.5, 0)` is `0`).
pub fn decimal(lang: Lang, v: f64, decimals: usize) -> String {
    real(lang, v, decimals, false)
}

/// A number with as many decimals as it needs, at most `max_decimals` (rounded there); no
/// trailing zeros and no decimal mark on whole numbers: `24,1` / `24.1`, `1 221 172` /
/// `1,221,172`.
pub fn decimal_up_to(lang: Lang, v: f64, max_decimals: usize) -> String {
    real(lang, v, max_decimals, true)
}

/// A change, signed either way as [`decimal_up_to`] writes it: `+1 150` / `+1,150`, `-2,5` /
/// `-2.5`, and `0` (no sign) when it rounds to nothing.
pub fn change_up_to(lang: Lang, v: f64, max_decimals: usize) -> String {
    let n = decimal_up_to(lang, v, max_decimals);
    if v > 0.0 && n.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        format!("+{n}")
    } else {
        n
    }
}

/// A percentage (`v` is in percent: 2.9 for 2.9 %), with as many decimals as it needs up to
/// `max_decimals`: `2,9 %` (Bulgarian, no-break space) or `2.9%` (English).
pub fn percent(lang: Lang, v: f64, max_decimals: usize) -> String {
    let n = decimal_up_to(lang, v, max_decimals);
    match lang {
        Lang::Bg => format!("{n}{NBSP}%"),
        Lang::En => format!("{n}%"),
    }
}

/// A date in tables and fields: `14.03.2025` (Bulgarian), `14 Mar 2025` (English).
pub fn date(lang: Lang, d: Date) -> String {
    match lang {
        Lang::Bg => format!("{:02}.{:02}.{:04}", d.day(), d.month(), d.year()),
        Lang::En => format!("{} {} {}", d.day(), month_abbr_en(d.month()), d.year()),
    }
}

/// A date in documents: `14 март 2025` (Bulgarian), `14 March 2025` (English).
pub fn date_long(lang: Lang, d: Date) -> String {
    format!("{} {} {}", d.day(), month_name(lang, d.month()), d.year())
}

/// A month in documents: `март 2025` (Bulgarian), `March 2025` (English).
pub fn month(lang: Lang, ym: YearMonth) -> String {
    format!("{} {}", month_name(lang, ym.month()), ym.year())
}

/// A month where room is short: `03.2025` (Bulgarian), `Mar 2025` (English).
pub fn month_short(lang: Lang, ym: YearMonth) -> String {
    match lang {
        Lang::Bg => format!("{:02}.{:04}", ym.month(), ym.year()),
        Lang::En => format!("{} {}", month_abbr_en(ym.month()), ym.year()),
    }
}

/// A span of months in the long form, joined by an en dash: `януари 2025 – декември 2030`,
/// `January 2025 – December 2030`; an open end leaves its side empty (`March 2025 –`), and no
/// months at all give `—`.
pub fn month_range(lang: Lang, start: Option<YearMonth>, end: Option<YearMonth>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!("{} – {}", month(lang, s), month(lang, e)),
        (Some(s), None) => format!("{} –", month(lang, s)),
        (None, Some(e)) => format!("– {}", month(lang, e)),
        (None, None) => "—".to_owned(),
    }
}

// ---------------------------------------------------------------------------------------------
// Errors

/// What a parser was reading; it picks the words and the example of an error message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Expected {
    /// An amount of money ([`parse_money`]).
    Money,
    /// A number ([`parse_number`]).
    Number,
    /// A percentage ([`parse_percent`]).
    Percent,
    /// A date ([`parse_date`]).
    Date,
}

/// Why a text someone typed is not the number, amount or date expected. [`message`] says so in
/// Bulgarian or English and shows the form to use; `Display` gives the English message.
///
/// [`message`]: NumberError::message
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    /// Nothing but white space.
    #[error("{}", self.message(Lang::En))]
    Empty {
        /// What was expected.
        expected: Expected,
    },
    /// Letters or other characters that are not part of a number, or a number cut short
    /// (`12,`, `-`).
    #[error("{}", self.message(Lang::En))]
    NotANumber {
        /// The text, trimmed.
        text: String,
        /// What was expected.
        expected: Expected,
    },
    /// A mark that can be read two ways: Bulgarian text with both `,` and `.`, a Bulgarian
    /// point followed by exactly three digits (`1.450`: 1450 or 1.45?), an English comma not
    /// followed by exactly three digits (`250000,50`).
    #[error("{}", self.message(Lang::En))]
    Ambiguous {
        /// The text, trimmed.
        text: String,
        /// What was expected.
        expected: Expected,
        /// The values the text could mean, in machine form (`"1450"`, `"1.45"`), for the
        /// message to suggest; may be empty.
        readings: Vec<String>,
    },
    /// More than one decimal mark (`1.450.000`, `1,5,0`).
    #[error("{}", self.message(Lang::En))]
    SeveralDecimalMarks {
        /// The text, trimmed.
        text: String,
        /// What was expected.
        expected: Expected,
    },
    /// Groups of digits that are not of three (`14 50`, `1 4500`), or spaces among the
    /// decimals.
    #[error("{}", self.message(Lang::En))]
    BadGrouping {
        /// The text, trimmed.
        text: String,
        /// What was expected.
        expected: Expected,
    },
    /// An amount of money with more than two decimals (cents).
    #[error("{}", self.message(Lang::En))]
    TooManyDecimals {
        /// The text, trimmed.
        text: String,
    },
    /// An amount above one trillion ([`MAX_AMOUNT_CENTS`]), or a number too large to hold.
    #[error("{}", self.message(Lang::En))]
    TooLarge {
        /// The text, trimmed.
        text: String,
        /// What was expected.
        expected: Expected,
    },
    /// Not of a date's form.
    #[error("{}", self.message(Lang::En))]
    NotADate {
        /// The text, trimmed.
        text: String,
    },
    /// Of a date's form, but no such day (31 February) or a year outside 1900–2200.
    #[error("{}", self.message(Lang::En))]
    NoSuchDate {
        /// The text, trimmed.
        text: String,
    },
}

/// An example of the form to type.
fn example(lang: Lang, expected: Expected) -> String {
    match expected {
        Expected::Money => amount(lang, Money::from_cents(145_000_050)),
        Expected::Number => decimal_up_to(lang, 1450.5, 1),
        Expected::Percent => percent(lang, 2.9, 1),
        Expected::Date => match Date::new(2025, 3, 14) {
            Some(d) => date(lang, d),
            None => String::new(),
        },
    }
}

/// A reading in machine form (`-1450.5`) as `lang` writes it.
fn show_reading(lang: Lang, expected: Expected, reading: &str) -> String {
    let (neg, body) = match reading.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, reading),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let n = localize(lang, neg, int, frac);
    match (expected, lang) {
        (Expected::Percent, Lang::Bg) => format!("{n}{NBSP}%"),
        (Expected::Percent, Lang::En) => format!("{n}%"),
        _ => n,
    }
}

fn quote(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Bg => format!("„{text}“"),
        Lang::En => format!("“{text}”"),
    }
}

impl NumberError {
    /// What was wrong and the form to use, in `lang`, e.g. `Неясна сума „1.450“: пишете 1 450
    /// или 1,45` or `Unclear amount “1.450”: write 1,450 or 1.45`.
    pub fn message(&self, lang: Lang) -> String {
        let bg = lang == Lang::Bg;
        // The thing expected, as the subject of a sentence.
        let noun = |e: Expected| match (e, bg) {
            (Expected::Money, true) => "сума",
            (Expected::Number, true) => "число",
            (Expected::Percent, true) => "процент",
            (Expected::Date, true) => "дата",
            (Expected::Money, false) => "amount",
            (Expected::Number, false) => "number",
            (Expected::Percent, false) => "percentage",
            (Expected::Date, false) => "date",
        };
        let write_like = |e: Expected| {
            let ex = example(lang, e);
            if bg {
                format!("пишете например {ex}")
            } else {
                format!("write it like {ex}")
            }
        };
        match self {
            NumberError::Empty { expected } => {
                let e = *expected;
                let ex = example(lang, e);
                if bg {
                    format!("Нищо не е въведено: пишете {} като {ex}", noun(e))
                } else {
                    let article = if e == Expected::Money { "an" } else { "a" };
                    format!("Nothing written: type {article} {} like {ex}", noun(e))
                }
            }
            NumberError::NotANumber { text, expected } => {
                let q = quote(lang, text);
                let e = *expected;
                if bg {
                    format!("{q} не е {}: {}", noun(e), write_like(e))
                } else {
                    let article = if e == Expected::Money { "an" } else { "a" };
                    format!("{q} is not {article} {}: {}", noun(e), write_like(e))
                }
            }
            NumberError::Ambiguous {
                text,
                expected,
                readings,
            } => {
                let e = *expected;
                let q = quote(lang, text);
                let shown: Vec<String> =
                    readings.iter().map(|r| show_reading(lang, e, r)).collect();
                let what = if bg {
                    let adjective = match e {
                        Expected::Money | Expected::Date => "Неясна",
                        Expected::Number => "Неясно",
                        Expected::Percent => "Неясен",
                    };
                    format!("{adjective} {} {q}", noun(e))
                } else {
                    format!("Unclear {} {q}", noun(e))
                };
                let fix = match shown.as_slice() {
                    [] => write_like(e),
                    [one] => format!("{} {one}", lang.pick("write", "пишете")),
                    [a, b, ..] => format!(
                        "{} {a} {} {b}",
                        lang.pick("write", "пишете"),
                        lang.pick("or", "или")
                    ),
                };
                format!("{what}: {fix}")
            }
            NumberError::SeveralDecimalMarks { text, expected } => {
                let q = quote(lang, text);
                if bg {
                    format!(
                        "{q} има повече от един десетичен знак (хилядите се отделят с интервал): {}",
                        write_like(*expected)
                    )
                } else {
                    format!(
                        "{q} has more than one decimal point (thousands are separated by commas): {}",
                        write_like(*expected)
                    )
                }
            }
            NumberError::BadGrouping { text, expected } => {
                let q = quote(lang, text);
                if bg {
                    format!(
                        "Грешно групиране в {q}: цифрите се групират по три, {}",
                        write_like(*expected)
                    )
                } else {
                    format!(
                        "Wrong grouping in {q}: digits are grouped in threes, {}",
                        write_like(*expected)
                    )
                }
            }
            NumberError::TooManyDecimals { text } => {
                let q = quote(lang, text);
                if bg {
                    format!(
                        "Сумата {q} има повече от два знака след десетичната запетая: {}",
                        write_like(Expected::Money)
                    )
                } else {
                    format!(
                        "The amount {q} has more than two decimals (cents): {}",
                        write_like(Expected::Money)
                    )
                }
            }
            NumberError::TooLarge { text, expected } => {
                let q = quote(lang, text);
                let max = amount(lang, Money::from_cents(MAX_AMOUNT_CENTS));
                match (expected, bg) {
                    (Expected::Money, true) => {
                        format!("Сумата {q} е над най-голямата допустима, {max}")
                    }
                    (Expected::Money, false) => {
                        format!("The amount {q} is above the largest allowed, {max}")
                    }
                    (Expected::Percent, true) => format!("Процентът {q} е твърде голям"),
                    (_, true) => format!("Числото {q} е твърде голямо"),
                    (e, false) => format!("The {} {q} is too large", noun(*e)),
                }
            }
            NumberError::NotADate { text } => {
                let q = quote(lang, text);
                if bg {
                    format!(
                        "{q} не е дата: пишете например 14.03.2025, 14 март 2025 или 2025-03-14"
                    )
                } else {
                    format!(
                        "{q} is not a date: write it like 14 Mar 2025, 14 March 2025 or 2025-03-14"
                    )
                }
            }
            NumberError::NoSuchDate { text } => {
                let q = quote(lang, text);
                let (lo, hi) = (calendar::YEARS.start(), calendar::YEARS.end());
                if bg {
                    format!(
                        "Няма дата {q}: денят трябва да съществува в месеца, а годината да е от {lo} до {hi}"
                    )
                } else {
                    format!(
                        "There is no date {q}: the day must exist in its month and the year be {lo}–{hi}"
                    )
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parsers

/// A number as typed, checked: its sign, whole digits and decimal digits, without grouping.
#[derive(Debug)]
struct Digits {
    neg: bool,
    int: String,
    frac: String,
}

fn is_group_space(c: char) -> bool {
    GROUP_SPACES.contains(&c)
}

/// Digits of a whole part whose groups are separated by any of `seps`: a single run of any
/// length, or a first group of one to three digits followed by groups of exactly three.
fn ungroup(int: &str, seps: &dyn Fn(char) -> bool) -> Option<String> {
    let groups: Vec<&str> = int.split(seps).collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if !groups.iter().all(|g| digits(g)) {
        return None;
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    Some(groups.concat())
}

/// `int.frac` in machine form, with decimals trimmed of trailing zeros (or two decimals for
/// money), for the suggestions of an ambiguity; `None` when it is not a valid reading.
fn reading(neg: bool, int: &str, frac: &str, expected: Expected) -> Option<String> {
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let mut frac = frac.trim_end_matches('0').to_owned();
    if expected == Expected::Money {
        if frac.len() > 2 {
            return None;
        }
        if !frac.is_empty() {
            while frac.len() < 2 {
                frac.push('0');
            }
        }
    }
    let sign = if neg { "-" } else { "" };
    Some(if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    })
}

/// The readings of `body` when the mark `grouping` separates thousands and `decimal` (if any)
/// is the decimal mark.
fn read_as(
    neg: bool,
    body: &str,
    grouping: char,
    decimal: Option<char>,
    expected: Expected,
) -> Option<String> {
    let (int, frac) = match decimal.and_then(|d| body.rsplit_once(d)) {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let int = ungroup(int, &|c| c == grouping || is_group_space(c))?;
    reading(neg, &int, frac, expected)
}

/// Splits a trimmed number (currency or `%` already removed) into sign, whole and decimal
/// digits, refusing whatever could be read two ways.
fn digits(lang: Lang, text: &str, s: &str, expected: Expected) -> Result<Digits, NumberError> {
    let owned = || text.to_owned();
    let not_a_number = || NumberError::NotANumber {
        text: owned(),
        expected,
    };
    let (neg, body) = match s.strip_prefix(['-', MINUS]) {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let allowed = |c: char| c.is_ascii_digit() || c == '.' || c == ',' || is_group_space(c);
    if !body.chars().all(allowed)
        || !body.starts_with(|c: char| c.is_ascii_digit())
        || !body.ends_with(|c: char| c.is_ascii_digit())
    {
        return Err(not_a_number());
    }
    let points = body.matches('.').count();
    let commas = body.matches(',').count();
    let ambiguous = |readings: Vec<Option<String>>| NumberError::Ambiguous {
        text: owned(),
        expected,
        readings: readings.into_iter().flatten().collect(),
    };
    let several = || NumberError::SeveralDecimalMarks {
        text: owned(),
        expected,
    };
    // The decimal mark, and the characters that may separate groups of the whole part.
    let (decimal, comma_groups) = match lang {
        Lang::Bg => {
            if points > 0 && commas > 0 {
                // Whichever mark comes last is the decimal one, in both German and English
                // habits; suggest that reading.
                let last = body
                    .rfind(['.', ','])
                    .and_then(|i| body[i..].chars().next());
                let other = if last == Some('.') { ',' } else { '.' };
                return Err(ambiguous(vec![read_as(neg, body, other, last, expected)]));
            }
            if points > 1 || commas > 1 {
                return Err(several());
            }
            if let Some((_, after)) = body.split_once('.')
                && after.len() == 3
                && after.bytes().all(|b| b.is_ascii_digit())
            {
                // `1.450`: German thousands (1450) or a decimal point (1.45)?
                return Err(ambiguous(vec![
                    read_as(neg, body, '.', None, expected),
                    read_as(neg, body, ',', Some('.'), expected),
                ]));
            }
            let mark = if points == 1 { Some('.') } else { None };
            (mark.or((commas == 1).then_some(',')), false)
        }
        Lang::En => {
            if points > 1 {
                return Err(several());
            }
            let (int, frac) = body.split_once('.').unwrap_or((body, ""));
            if frac.contains(',') {
                // `1.450,50`: the German habit, the other way round.
                return Err(ambiguous(vec![read_as(
                    neg,
                    body,
                    '.',
                    Some(','),
                    expected,
                )]));
            }
            // Every comma must be followed by exactly three digits.
            let bad_comma = int.split(',').skip(1).any(|g| {
                let run = g.split(is_group_space).next().unwrap_or("");
                run.len() != 3
            });
            if bad_comma {
                let decimal_comma = (commas == 1 && points == 0)
                    .then(|| read_as(neg, body, '.', Some(','), expected))
                    .flatten();
                return Err(ambiguous(vec![decimal_comma]));
            }
            ((points == 1).then_some('.'), true)
        }
    };
    let (int, frac) = match decimal.and_then(|d| body.split_once(d)) {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    let bad_grouping = || NumberError::BadGrouping {
        text: owned(),
        expected,
    };
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad_grouping());
    }
    let seps = |c: char| is_group_space(c) || (comma_groups && c == ',');
    let int = ungroup(int, &seps).ok_or_else(bad_grouping)?;
    Ok(Digits {
        neg,
        int,
        frac: frac.to_owned(),
    })
}

/// Strips a trailing currency: `EUR`, `€`, `лв.`, `лв`, `BGN` or any three upper-case letters.
fn strip_currency(s: &str) -> &str {
    for c in ["EUR", "€", "лв.", "лв", "BGN"] {
        if let Some(rest) = s.strip_suffix(c) {
            return rest.trim_end();
        }
    }
    let tail: Vec<char> = s.chars().rev().take(4).collect();
    let code = tail.len() >= 3 && tail[..3].iter().all(char::is_ascii_uppercase);
    let alone = tail.get(3).is_none_or(|c| !c.is_alphabetic());
    if code && alone {
        return s[..s.len() - 3].trim_end();
    }
    s
}

/// An amount as a person types it in `lang`, to the cent.
///
/// Accepted, in both languages: the language's own form (`1 450 000,50` / `1,450,000.50`),
/// groups separated by a space, no-break space (U+00A0), narrow no-break space (U+202F) or thin
/// space (U+2009), a plain `1450000.5` (decimal point, no grouping), white space around, a
/// leading `-` or `−` (U+2212), and a trailing currency (`EUR`, `€`, `лв.`, `лв`, `BGN` or any
/// three upper-case letters), so what the app shows can be pasted back. The currency is not
/// checked against the plan's.
///
/// Refused rather than guessed: Bulgarian text with both `,` and `.`; a Bulgarian point
/// followed by exactly three digits (`1.450`); several decimal marks; an English comma not
/// followed by exactly three digits (`250000,50`); groups not of three digits (`14 50`); more
/// than two decimals; more than [`MAX_AMOUNT_CENTS`]; empty text; letters.
pub fn parse_money(lang: Lang, text: &str) -> Result<Money, NumberError> {
    let e = Expected::Money;
    let t = text.trim();
    if t.is_empty() {
        return Err(NumberError::Empty { expected: e });
    }
    let d = digits(lang, t, strip_currency(t), e)?;
    if d.frac.len() > 2 {
        return Err(NumberError::TooManyDecimals { text: t.to_owned() });
    }
    let too_large = || NumberError::TooLarge {
        text: t.to_owned(),
        expected: e,
    };
    let int = d.int.trim_start_matches('0');
    // Bound the digits before parsing, so a thousand-digit text cannot overflow.
    if int.len() > 13 {
        return Err(too_large());
    }
    let units: i128 = if int.is_empty() {
        0
    } else {
        int.parse().map_err(|_| too_large())?
    };
    let cents: i128 = format!("{:0<2}", d.frac).parse().unwrap_or(0);
    let total = units * 100 + cents;
    if total > MAX_AMOUNT_CENTS {
        return Err(too_large());
    }
    Ok(Money::from_cents(if d.neg { -total } else { total }))
}

fn to_f64(text: &str, d: &Digits, expected: Expected) -> Result<f64, NumberError> {
    let v: f64 = format!("{}.{}0", d.int, d.frac)
        .parse()
        .map_err(|_| NumberError::NotANumber {
            text: text.to_owned(),
            expected,
        })?;
    if !v.is_finite() {
        return Err(NumberError::TooLarge {
            text: text.to_owned(),
            expected,
        });
    }
    Ok(if d.neg && v != 0.0 { -v } else { v })
}

/// A number as a person types it in `lang`: `1 221 172`, `24,1` / `1,221,172`, `24.1`, with
/// any number of decimals. Accepts and refuses the same forms as [`parse_money`], without the
/// currency and the limits on decimals and size.
pub fn parse_number(lang: Lang, text: &str) -> Result<f64, NumberError> {
    let e = Expected::Number;
    let t = text.trim();
    if t.is_empty() {
        return Err(NumberError::Empty { expected: e });
    }
    let d = digits(lang, t, t, e)?;
    to_f64(t, &d, e)
}

/// A percentage as a person types it in `lang`, in percent (`2,9 %` gives 2.9): a number as
/// for [`parse_number`], with or without a trailing `%` (with or without a space before it).
/// The value is not limited to 0–100.
pub fn parse_percent(lang: Lang, text: &str) -> Result<f64, NumberError> {
    let e = Expected::Percent;
    let t = text.trim();
    if t.is_empty() {
        return Err(NumberError::Empty { expected: e });
    }
    let body = t.strip_suffix('%').map_or(t, str::trim_end);
    let d = digits(lang, t, body, e)?;
    to_f64(t, &d, e)
}

/// A month named in `lang`, in full or (English) by its three-letter abbreviation, any case.
fn month_by_name(lang: Lang, name: &str) -> Option<u8> {
    let name = name.to_lowercase();
    let hit = |list: &[&str]| list.iter().position(|m| m.to_lowercase() == name);
    let i = match lang {
        Lang::Bg => hit(&MONTHS_BG),
        Lang::En => hit(&MONTHS_EN).or_else(|| hit(&MONTHS_EN_SHORT)),
    }?;
    u8::try_from(i + 1).ok()
}

/// A date as a person types it in `lang`.
///
/// Bulgarian: `14.03.2025` (also `4.3.2025`), `14 март 2025`, each optionally followed by `г.`;
/// English: `14 Mar 2025`, `14 March 2025` (month names in any case); both: ISO `2025-03-14`.
/// Day, month and year may be separated by any white space. A day that does not exist or a
/// year outside 1900–2200 is refused ([`NumberError::NoSuchDate`]).
pub fn parse_date(lang: Lang, text: &str) -> Result<Date, NumberError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(NumberError::Empty {
            expected: Expected::Date,
        });
    }
    let not_a_date = || NumberError::NotADate { text: t.to_owned() };
    let no_such = || NumberError::NoSuchDate { text: t.to_owned() };
    let number = |s: &str, widths: std::ops::RangeInclusive<usize>| {
        (widths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let build = |y: u32, m: u32, d: u32| {
        let y = i32::try_from(y).map_err(|_| no_such())?;
        let m = u8::try_from(m).map_err(|_| no_such())?;
        let d = u8::try_from(d).map_err(|_| no_such())?;
        Date::new(y, m, d).ok_or_else(no_such)
    };
    // ISO, in both languages.
    let iso: Vec<&str> = t.split('-').collect();
    if iso.len() == 3 {
        return match (
            number(iso[0], 4..=4),
            number(iso[1], 2..=2),
            number(iso[2], 2..=2),
        ) {
            (Some(y), Some(m), Some(d)) => build(y, m, d),
            _ => Err(not_a_date()),
        };
    }
    let body = match lang {
        Lang::Bg => t
            .strip_suffix("г.")
            .or_else(|| t.strip_suffix('г'))
            .map_or(t, str::trim_end),
        Lang::En => t,
    };
    if lang == Lang::Bg && body.contains('.') {
        let p: Vec<&str> = body.split('.').collect();
        if p.len() != 3 {
            return Err(not_a_date());
        }
        return match (
            number(p[0], 1..=2),
            number(p[1], 1..=2),
            number(p[2], 4..=4),
        ) {
            (Some(d), Some(m), Some(y)) => build(y, m, d),
            _ => Err(not_a_date()),
        };
    }
    let w: Vec<&str> = body.split_whitespace().collect();
    if w.len() != 3 {
        return Err(not_a_date());
    }
    match (
        number(w[0], 1..=2),
        month_by_name(lang, w[1]),
        number(w[2], 4..=4),
    ) {
        (Some(d), Some(m), Some(y)) => build(y, u32::from(m), d),
        _ => Err(not_a_date()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const BG: Lang = Lang::Bg;
    const EN: Lang = Lang::En;

    /// Writes `_` for a no-break space, so expectations stay readable.
    fn show(s: &str) -> String {
        s.replace(NBSP, "_")
    }

    fn ym(y: i32, m: u8) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    fn day(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn money_and_amounts() {
        let m = Money::from_cents(145_000_050);
        assert_eq!(show(&money(BG, m, "EUR")), "1_450_000,50_EUR");
        assert_eq!(show(&money(EN, m, "EUR")), "1,450,000.50_EUR");
        assert_eq!(show(&amount(BG, m)), "1_450_000,50");
        assert_eq!(amount(EN, m), "1,450,000.50");
        assert_eq!(show(&money(BG, -m, "лв.")), "-1_450_000,50_лв.");
        assert_eq!(money(EN, -m, ""), "-1,450,000.50");
        for (cents, bg, en) in [
            (0, "0,00", "0.00"),
            (-99, "-0,99", "-0.99"),
            (5, "0,05", "0.05"),
            (10_000, "100,00", "100.00"),
            (509_800, "5_098,00", "5,098.00"),
            (
                MAX_AMOUNT_CENTS,
                "1_000_000_000_000,00",
                "1,000,000,000,000.00",
            ),
        ] {
            let m = Money::from_cents(cents);
            assert_eq!(show(&amount(BG, m)), bg);
            assert_eq!(amount(EN, m), en);
        }
    }

    #[test]
    fn money_text_delegates() {
        let m = Money::from_cents(145_000_050);
        assert_eq!(m.text(BG, "EUR"), money(BG, m, "EUR"));
        assert_eq!(m.text(EN, "EUR"), money(EN, m, "EUR"));
    }

    #[test]
    fn integers_group_from_four_digits() {
        for (n, bg, en) in [
            (0_i64, "0", "0"),
            (999, "999", "999"),
            (5098, "5_098", "5,098"),
            (30_405, "30_405", "30,405"),
            (1_221_172, "1_221_172", "1,221,172"),
            (-1_000, "-1_000", "-1,000"),
        ] {
            assert_eq!(show(&integer(BG, n)), bg);
            assert_eq!(integer(EN, n), en);
        }
        assert_eq!(integer(EN, 37_u32), "37");
        assert_eq!(integer(EN, u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn decimals_fixed_and_up_to() {
        assert_eq!(decimal(BG, 24.1, 1), "24,1");
        assert_eq!(decimal(EN, 24.1, 1), "24.1");
        assert_eq!(decimal(EN, 24.1, 2), "24.10");
        assert_eq!(decimal(EN, 100.0, 1), "100.0");
        assert_eq!(decimal(EN, 1450.5, 0), "1,450");
        assert_eq!(decimal(EN, 1450.56, 1), "1,450.6");
        assert_eq!(decimal(EN, 0.5, 0), "0");
        assert_eq!(show(&decimal(BG, 1234.567, 2)), "1_234,57");
        assert_eq!(decimal(EN, -0.04, 1), "0.0");
        assert_eq!(decimal(EN, -2.25, 1), "-2.2");
        assert_eq!(decimal_up_to(BG, 24.1, 3), "24,1");
        assert_eq!(decimal_up_to(EN, 24.10, 3), "24.1");
        assert_eq!(show(&decimal_up_to(BG, 1_221_172.0, 3)), "1_221_172");
        assert_eq!(decimal_up_to(EN, 0.1 + 0.2, 4), "0.3");
        assert_eq!(decimal_up_to(EN, 2.0 / 3.0, 2), "0.67");
        assert_eq!(decimal_up_to(EN, -0.001, 2), "0");
        assert_eq!(decimal_up_to(EN, f64::NAN, 2), "NaN");
        assert_eq!(show(&change_up_to(BG, 1150.0, 2)), "+1_150");
        assert_eq!(change_up_to(EN, 1150.0, 2), "+1,150");
        assert_eq!(change_up_to(BG, -2.5, 2), "-2,5");
        assert_eq!(change_up_to(EN, 0.001, 2), "0");
        assert_eq!(change_up_to(EN, 0.0, 2), "0");
    }

    #[test]
    fn percents() {
        assert_eq!(show(&percent(BG, 2.9, 1)), "2,9_%");
        assert_eq!(percent(EN, 2.9, 1), "2.9%");
        assert_eq!(percent(EN, 85.0, 2), "85%");
        assert_eq!(show(&percent(BG, 100.0, 1)), "100_%");
        assert_eq!(percent(EN, 12.345, 1), "12.3%");
    }

    #[test]
    fn dates_and_months() {
        let d = day(2025, 3, 14);
        assert_eq!(date(BG, d), "14.03.2025");
        assert_eq!(date(EN, d), "14 Mar 2025");
        assert_eq!(date_long(BG, d), "14 март 2025");
        assert_eq!(date_long(EN, d), "14 March 2025");
        assert_eq!(date(BG, day(2025, 1, 4)), "04.01.2025");
        assert_eq!(date(EN, day(2025, 1, 4)), "4 Jan 2025");
        assert_eq!(month(BG, ym(2025, 3)), "март 2025");
        assert_eq!(month(EN, ym(2025, 3)), "March 2025");
        assert_eq!(month_short(BG, ym(2025, 3)), "03.2025");
        assert_eq!(month_short(EN, ym(2025, 3)), "Mar 2025");
        let (s, e) = (Some(ym(2025, 1)), Some(ym(2030, 12)));
        assert_eq!(month_range(BG, s, e), "януари 2025 – декември 2030");
        assert_eq!(month_range(EN, s, e), "January 2025 – December 2030");
        assert_eq!(month_range(EN, s, None), "January 2025 –");
        assert_eq!(month_range(EN, None, e), "– December 2030");
        assert_eq!(month_range(BG, None, None), "—");
        assert_eq!(month_name(BG, 9), "септември");
        assert_eq!(month_name(EN, 0), "January");
        assert_eq!(month_name(EN, 13), "December");
    }

    #[test]
    fn money_that_parses() {
        let nb = NBSP;
        for (lang, text, cents) in [
            (BG, "1 450 000,50", 145_000_050),
            (BG, "1\u{a0}450\u{a0}000,50", 145_000_050),
            (BG, "1\u{202f}450\u{202f}000,50", 145_000_050),
            (BG, "1\u{2009}450\u{2009}000,50", 145_000_050),
            (BG, "250 000,50", 25_000_050),
            (BG, "250000,50", 25_000_050),
            (BG, "1450000.5", 145_000_050),
            (BG, "1450000,5", 145_000_050),
            (BG, "1 450 000", 145_000_000),
            (BG, "1,45", 145),
            (BG, "1.45", 145),
            (BG, "1 450.50", 145_050),
            (BG, "  12  ", 1200),
            (BG, "-3,10", -310),
            (BG, "\u{2212}3,10", -310),
            (BG, "1 450 000,50 EUR", 145_000_050),
            (BG, "1 450 000,50\u{a0}EUR", 145_000_050),
            (BG, "1 450 000,50 лв.", 145_000_050),
            (BG, "1 450 000,50 лв", 145_000_050),
            (BG, "1 450 000,50 BGN", 145_000_050),
            (BG, "1 450 000,50€", 145_000_050),
            (BG, "12 USD", 1200),
            (BG, "0", 0),
            (BG, "007", 700),
            (BG, "1 000 000 000 000", MAX_AMOUNT_CENTS),
            (BG, "-1 000 000 000 000,00", -MAX_AMOUNT_CENTS),
            (EN, "1,450,000.50", 145_000_050),
            (EN, "1 450 000.50", 145_000_050),
            (EN, "1\u{a0}450\u{a0}000.50", 145_000_050),
            (EN, "1450000.5", 145_000_050),
            (EN, "1,450", 145_000),
            (EN, "250,000.50", 25_000_050),
            (EN, "1,450,000.50 EUR", 145_000_050),
            (EN, "1,450,000.50\u{a0}EUR", 145_000_050),
            (EN, "−1,450.00 €", -145_000),
            (EN, "0.05", 5),
            (EN, "1,000,000,000,000", MAX_AMOUNT_CENTS),
        ] {
            assert_eq!(
                parse_money(lang, text).map(Money::cents),
                Ok(cents),
                "{lang:?} {text:?}"
            );
        }
        // What the formatters write parses back.
        let m = Money::from_cents(145_000_050);
        assert_eq!(
            parse_money(BG, &format!("1{nb}450{nb}000,50{nb}EUR")),
            Ok(m)
        );
    }

    #[test]
    fn money_that_is_refused() {
        use NumberError as E;
        let kind = |e: &NumberError| match e {
            E::Empty { .. } => "empty",
            E::NotANumber { .. } => "nan",
            E::Ambiguous { .. } => "ambiguous",
            E::SeveralDecimalMarks { .. } => "several",
            E::BadGrouping { .. } => "grouping",
            E::TooManyDecimals { .. } => "decimals",
            E::TooLarge { .. } => "large",
            E::NotADate { .. } | E::NoSuchDate { .. } => "date",
        };
        for (lang, text, why) in [
            (BG, "", "empty"),
            (BG, "   ", "empty"),
            (BG, "1.450", "ambiguous"),
            (BG, "1.450,50", "ambiguous"),
            (BG, "1,450.50", "ambiguous"),
            (BG, "1 450.500", "ambiguous"),
            (BG, "1.450.000", "several"),
            (BG, "1,5,0", "several"),
            (BG, "14 50", "grouping"),
            (BG, "1 4500", "grouping"),
            (BG, "1450 000", "grouping"),
            (BG, "1  450", "grouping"),
            (BG, "1,5 0", "grouping"),
            (BG, "1,505", "decimals"),
            (BG, "1.4500", "decimals"),
            (BG, "1 000 000 000 000,01", "large"),
            (BG, "99999999999999999999999999", "large"),
            (BG, "abc", "nan"),
            (BG, "12a", "nan"),
            (BG, "EUR", "nan"),
            (BG, "1,", "nan"),
            (BG, ",5", "nan"),
            (BG, "-", "nan"),
            (BG, "--1", "nan"),
            (BG, "+1", "nan"),
            (BG, "1e3", "nan"),
            (BG, "1 450 eur", "nan"),
            (EN, "250000,50", "ambiguous"),
            (EN, "1,45", "ambiguous"),
            (EN, "1,4500", "ambiguous"),
            (EN, "12,345,67", "ambiguous"),
            (EN, "1.450,50", "ambiguous"),
            (EN, "1.450.000", "several"),
            (EN, "14 50", "grouping"),
            (EN, "1234,567", "grouping"),
            (EN, "1,450 5", "grouping"),
            (EN, "1.505", "decimals"),
            (EN, "1,000,000,000,000.01", "large"),
            (EN, "", "empty"),
            (EN, "ten", "nan"),
        ] {
            let got = parse_money(lang, text);
            assert_eq!(
                got.as_ref().map_err(kind),
                Err(why),
                "{lang:?} {text:?}: {got:?}"
            );
        }
    }

    #[test]
    fn numbers_and_percents() {
        for (lang, text, v) in [
            (BG, "24,1", 24.1),
            (BG, "1 221 172", 1_221_172.0),
            (BG, "1,505", 1.505),
            (BG, "0,125", 0.125),
            (BG, "2.5", 2.5),
            (BG, "-0", 0.0),
            (EN, "24.1", 24.1),
            (EN, "1,221,172", 1_221_172.0),
            (EN, "1,221,172.125", 1_221_172.125),
            (EN, "−2.5", -2.5),
        ] {
            assert_eq!(parse_number(lang, text), Ok(v), "{lang:?} {text:?}");
        }
        for (lang, text, v) in [
            (BG, "2,9 %", 2.9),
            (BG, "2,9\u{a0}%", 2.9),
            (BG, "2,9%", 2.9),
            (BG, "2,9", 2.9),
            (BG, "100 %", 100.0),
            (EN, "2.9%", 2.9),
            (EN, "2.9 %", 2.9),
            (EN, "85", 85.0),
            (EN, "-1.5%", -1.5),
        ] {
            assert_eq!(parse_percent(lang, text), Ok(v), "{lang:?} {text:?}");
        }
        assert!(matches!(
            parse_number(BG, "1.450"),
            Err(NumberError::Ambiguous { .. })
        ));
        assert!(matches!(
            parse_number(EN, "2,9"),
            Err(NumberError::Ambiguous { .. })
        ));
        assert!(matches!(
            parse_percent(EN, "%"),
            Err(NumberError::NotANumber { .. })
        ));
        assert!(matches!(
            parse_percent(BG, "2,9 %%"),
            Err(NumberError::NotANumber { .. })
        ));
        assert!(matches!(
            parse_number(EN, &"9".repeat(400)),
            Err(NumberError::TooLarge { .. })
        ));
        assert!(matches!(
            parse_number(EN, "12 EUR"),
            Err(NumberError::NotANumber { .. })
        ));
    }

    #[test]
    fn dates_that_parse_and_that_do_not() {
        let d = day(2025, 3, 14);
        for (lang, text) in [
            (BG, "14.03.2025"),
            (BG, "14.3.2025"),
            (BG, "14.03.2025 г."),
            (BG, "14.03.2025г."),
            (BG, "14 март 2025"),
            (BG, "14 Март 2025 г."),
            (BG, "14\u{a0}март\u{a0}2025"),
            (BG, "2025-03-14"),
            (BG, "  14.03.2025  "),
            (EN, "14 Mar 2025"),
            (EN, "14 March 2025"),
            (EN, "14 march 2025"),
            (EN, "14 MAR 2025"),
            (EN, "2025-03-14"),
        ] {
            assert_eq!(parse_date(lang, text), Ok(d), "{lang:?} {text:?}");
        }
        assert_eq!(parse_date(EN, "4 Jan 2025"), Ok(day(2025, 1, 4)));
        for (lang, text, no_such) in [
            (BG, "31.02.2025", true),
            (BG, "29.02.2025", true),
            (BG, "14.03.3025", true),
            (BG, "2025-02-30", true),
            (EN, "31 Apr 2025", true),
            (BG, "14 Mar 2025", false),
            (EN, "14.03.2025", false),
            (EN, "14 март 2025", false),
            (EN, "March 14, 2025", false),
            (BG, "14.03.25", false),
            (BG, "14/03/2025", false),
            (BG, "2025-3-14", false),
            (BG, "14.03", false),
            (EN, "14 Marc 2025", false),
            (EN, "yesterday", false),
        ] {
            let got = parse_date(lang, text);
            let ok = if no_such {
                matches!(got, Err(NumberError::NoSuchDate { .. }))
            } else {
                matches!(got, Err(NumberError::NotADate { .. }))
            };
            assert!(ok, "{lang:?} {text:?}: {got:?}");
        }
        assert!(matches!(
            parse_date(EN, " "),
            Err(NumberError::Empty {
                expected: Expected::Date
            })
        ));
    }

    #[test]
    fn messages_say_what_is_wrong_and_show_the_form() {
        let msg = |lang, text| show(&parse_money(lang, text).unwrap_err().message(lang));
        assert_eq!(
            msg(BG, "1.450"),
            "Неясна сума „1.450“: пишете 1_450 или 1,45"
        );
        // In English a point is always the decimal point.
        assert_eq!(parse_number(EN, "1.450"), Ok(1.45));
        assert_eq!(
            show(&parse_money(BG, "1.450").unwrap_err().message(EN)),
            "Unclear amount “1.450”: write 1,450 or 1.45"
        );
        assert_eq!(
            msg(EN, "250000,50"),
            "Unclear amount “250000,50”: write 250,000.50"
        );
        assert_eq!(
            msg(BG, "1.450,50"),
            "Неясна сума „1.450,50“: пишете 1_450,50"
        );
        assert_eq!(
            msg(BG, "14 50"),
            "Грешно групиране в „14 50“: цифрите се групират по три, пишете например 1_450_000,50"
        );
        assert_eq!(
            msg(EN, "1.505"),
            "The amount “1.505” has more than two decimals (cents): write it like 1,450,000.50"
        );
        assert_eq!(
            msg(EN, "2000000000000"),
            "The amount “2000000000000” is above the largest allowed, 1,000,000,000,000.00"
        );
        assert_eq!(
            msg(BG, ""),
            "Нищо не е въведено: пишете сума като 1_450_000,50"
        );
        assert_eq!(
            msg(EN, "abc"),
            "“abc” is not an amount: write it like 1,450,000.50"
        );
        let e = parse_number(BG, "1.450").unwrap_err();
        assert_eq!(
            show(&e.message(BG)),
            "Неясно число „1.450“: пишете 1_450 или 1,45"
        );
        let e = parse_percent(EN, "2,9 %").unwrap_err();
        assert_eq!(e.message(EN), "Unclear percentage “2,9 %”: write 2.9%");
        assert_eq!(show(&e.message(BG)), "Неясен процент „2,9 %“: пишете 2,9_%");
        let e = parse_date(BG, "31.02.2025").unwrap_err();
        assert_eq!(
            e.message(BG),
            "Няма дата „31.02.2025“: денят трябва да съществува в месеца, а годината да е от 1900 до 2200"
        );
        assert_eq!(
            parse_date(EN, "soon").unwrap_err().to_string(),
            "“soon” is not a date: write it like 14 Mar 2025, 14 March 2025 or 2025-03-14"
        );
        // Every message names the text in both languages.
        for lang in [BG, EN] {
            for text in ["1.450", "1,5,0", "14 50", "1,505", "x", "1e99"] {
                if let Err(e) = parse_money(lang, text) {
                    assert!(e.message(BG).contains(text), "{e:?}");
                    assert!(e.message(EN).contains(text), "{e:?}");
                }
            }
        }
    }

    fn any_money() -> impl Strategy<Value = Money> {
        (-MAX_AMOUNT_CENTS..=MAX_AMOUNT_CENTS).prop_map(Money::from_cents)
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (calendar::YEARS, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| {
            Date::new(y, m, d.min(calendar::days_in_month(y, m))).unwrap_or_default()
        })
    }

    proptest! {
        #[test]
        fn money_round_trips(m in any_money()) {
            for lang in [BG, EN] {
                prop_assert_eq!(parse_money(lang, &money(lang, m, "EUR")), Ok(m));
                prop_assert_eq!(parse_money(lang, &money(lang, m, "лв.")), Ok(m));
                prop_assert_eq!(parse_money(lang, &amount(lang, m)), Ok(m));
                // The plan-file form parses too, in both languages.
                prop_assert_eq!(parse_money(lang, &m.to_string()), Ok(m));
            }
        }

        #[test]
        fn percents_with_one_decimal_round_trip(tenths in -100_000i64..=1_000_000) {
            let v = tenths as f64 / 10.0;
            for lang in [BG, EN] {
                prop_assert_eq!(parse_percent(lang, &percent(lang, v, 1)), Ok(v));
                prop_assert_eq!(parse_number(lang, &decimal(lang, v, 1)), Ok(v));
            }
        }

        #[test]
        fn integers_round_trip(n in -(1i64 << 53)..=(1i64 << 53)) {
            for lang in [BG, EN] {
                prop_assert_eq!(parse_number(lang, &integer(lang, n)), Ok(n as f64));
            }
        }

        #[test]
        fn dates_round_trip(d in any_date()) {
            for lang in [BG, EN] {
                prop_assert_eq!(parse_date(lang, &date(lang, d)), Ok(d));
                prop_assert_eq!(parse_date(lang, &date_long(lang, d)), Ok(d));
                prop_assert_eq!(parse_date(lang, &d.to_string()), Ok(d));
            }
        }
    }
}
