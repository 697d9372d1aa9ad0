//! Reading an openness values table (CSV or xlsx) into a plan's values, all or nothing.
//!
//! The first row names the columns — city, indicator, year, value, source, in English or
//! Bulgarian, in any order; year and source may be left out. A city and an indicator are named
//! by id or by name (any case); a value is a number as the plan's language writes it, read
//! through [`format`] (an xlsx number cell is taken as it is); a year is a whole year between
//! 1900 and 2100, or empty for an undated value. Every bad row is reported with its line and
//! what is wrong, and then nothing is imported. The file is untrusted: its size is bounded and
//! a leading apostrophe that a CSV export put before formula-like text is taken off again.

use std::io::Read;
use std::path::Path;

use crate::i18n::{FluentArg, tr, tr_args};
use crate::model::{Date, Lang, OpennessAssessment, OpennessValue, format};

/// The header keys, in column order: city, indicator, year, value, source (the export writes
/// them in the plan's language; the import takes either language's).
pub const COLUMNS: [&str; 5] = [
    "xlsx-city",
    "xlsx-indicator",
    "xlsx-year",
    "xlsx-value",
    "xlsx-source",
];

/// The largest table file read, in bytes.
pub const MAX_TABLE_BYTES: u64 = 20 * 1024 * 1024;

/// The most rows read: far more values than any framework of cities and years needs.
pub const MAX_ROWS: usize = 100_000;

/// The years a value may have, as the checks accept them.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// The characters `report::csv` puts an apostrophe before, so a spreadsheet does not run the
/// text as a formula.
const FORMULA_START: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\0'];

/// The kind of table file, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    /// Comma-separated text, UTF-8.
    Csv,
    /// An Excel workbook: its first sheet.
    Xlsx,
}

impl TableFormat {
    /// `.xlsx` (any case) is a workbook; anything else is read as CSV.
    pub fn of(path: &Path) -> TableFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("xlsx") => TableFormat::Xlsx,
            _ => TableFormat::Csv,
        }
    }
}

/// A cell as read from the file.
#[derive(Clone, Debug, PartialEq)]
pub enum RawCell {
    /// Text.
    Text(String),
    /// A number cell of a workbook.
    Number(f64),
    /// A date cell of a workbook.
    Date(Date),
    /// Nothing.
    Empty,
}

impl RawCell {
    fn text(&self) -> String {
        match self {
            RawCell::Text(s) => s.trim().to_owned(),
            RawCell::Number(n) => n.to_string(),
            RawCell::Date(d) => d.to_string(),
            RawCell::Empty => String::new(),
        }
    }

    /// True for an empty cell or one of white space only.
    pub fn is_empty(&self) -> bool {
        match self {
            RawCell::Text(s) => s.trim().is_empty(),
            RawCell::Number(_) | RawCell::Date(_) => false,
            RawCell::Empty => true,
        }
    }
}

/// A row of the file with its line (1 = the header).
pub type Row = (usize, Vec<RawCell>);

/// What is wrong with one line of the file.
#[derive(Clone, Debug, PartialEq)]
pub struct RowError {
    /// The line (the row of a workbook), 1 for the header.
    pub line: usize,
    /// What is wrong, in the language asked for, with the line.
    pub message: String,
}

/// Why nothing was imported.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// The file could not be read as a table at all.
    Unreadable(String),
    /// These rows are wrong.
    Rows(Vec<RowError>),
}

impl ImportError {
    /// Every message, one a line.
    pub fn lines(&self) -> Vec<String> {
        match self {
            ImportError::Unreadable(m) => vec![m.clone()],
            ImportError::Rows(rows) => rows.iter().map(|r| r.message.clone()).collect(),
        }
    }
}

/// Reads the file's bytes, bounded by [`MAX_TABLE_BYTES`].
pub fn read_bytes(path: &Path, lang: Lang) -> Result<Vec<u8>, ImportError> {
    let unreadable = |e: String| {
        ImportError::Unreadable(tr_args(
            lang,
            "values-import-unreadable",
            &[
                ("file", path.display().to_string().into()),
                ("error", e.into()),
            ],
        ))
    };
    super::atomic::check_regular(path).map_err(|e| unreadable(e.to_string()))?;
    let file = std::fs::File::open(path).map_err(|e| unreadable(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_TABLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(e.to_string()))?;
    if bytes.len() as u64 > MAX_TABLE_BYTES {
        return Err(unreadable(tr_args(
            lang,
            "values-import-too-large",
            &[(
                "max",
                format::integer(lang, MAX_TABLE_BYTES / 1024 / 1024).into(),
            )],
        )));
    }
    Ok(bytes)
}

/// The rows of a table file, with their lines.
pub fn rows(bytes: &[u8], kind: TableFormat, lang: Lang) -> Result<Vec<Row>, ImportError> {
    let unreadable = |e: String| {
        ImportError::Unreadable(tr_args(
            lang,
            "values-import-not-a-table",
            &[("error", e.into())],
        ))
    };
    let mut out = Vec::new();
    match kind {
        TableFormat::Csv => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            // A semicolon-separated file (what a spreadsheet in a comma-decimal locale writes)
            // is told by its header line.
            let header = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
            let semicolons = header.iter().filter(|b| **b == b';').count();
            let commas = header.iter().filter(|b| **b == b',').count();
            let delimiter = if semicolons > commas { b';' } else { b',' };
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(delimiter)
                .from_reader(bytes);
            for record in reader.records() {
                let record = record.map_err(|e| unreadable(e.to_string()))?;
                // From the byte offset: the reader's own line count skips blank lines.
                let line = record.position().map_or(out.len() + 1, |p| {
                    let mut at = (p.byte() as usize).min(bytes.len());
                    // The position of a record after blank lines is that of the blank lines.
                    while bytes.get(at).is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                        at += 1;
                    }
                    bytes[..at].iter().filter(|b| **b == b'\n').count() + 1
                });
                out.push((
                    line,
                    record.iter().map(|s| RawCell::Text(s.to_owned())).collect(),
                ));
                if out.len() > MAX_ROWS + 1 {
                    break;
                }
            }
        }
        TableFormat::Xlsx => {
            use calamine::{Data, Reader, Xlsx};
            let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes))
                .map_err(|e: calamine::XlsxError| unreadable(e.to_string()))?;
            let range = book
                .worksheet_range_at(0)
                .ok_or_else(|| unreadable(tr(lang, "values-import-no-sheet")))?
                .map_err(|e| unreadable(e.to_string()))?;
            let first = range.start().map_or(0, |(r, _)| r as usize);
            let left = range.start().map_or(0, |(_, c)| c as usize);
            for (i, row) in range.rows().enumerate() {
                // Columns left of the used range are empty cells the header would miss.
                let mut cells = vec![RawCell::Empty; left];
                cells.extend(row.iter().map(|d| match d {
                    Data::Empty => RawCell::Empty,
                    Data::Float(f) => RawCell::Number(*f),
                    Data::Int(n) => RawCell::Number(*n as f64),
                    Data::String(s) => RawCell::Text(s.clone()),
                    Data::DateTime(d) => {
                        let (y, m, day, ..) = d.to_ymd_hms_milli();
                        Date::new(i32::from(y), m, day)
                            .map_or_else(|| RawCell::Text(d.to_string()), RawCell::Date)
                    }
                    other => RawCell::Text(other.to_string()),
                }));
                out.push((first + i + 1, cells));
                if out.len() > MAX_ROWS + 1 {
                    break;
                }
            }
        }
    }
    if out.len() > MAX_ROWS + 1 {
        return Err(ImportError::Unreadable(tr_args(
            lang,
            "values-import-too-many-rows",
            &[("max", format::integer(lang, MAX_ROWS as u64).into())],
        )));
    }
    Ok(out)
}

/// A column's names in both languages, lower case.
fn column_names(key: &str) -> [String; 2] {
    [Lang::En, Lang::Bg].map(|l| tr(l, key).to_lowercase())
}

/// The header: the first row with anything in it, its line and its names in lower case.
pub fn header(rows: &[Row]) -> Option<(usize, Vec<String>)> {
    let (line, cells) = rows.iter().find(|(_, r)| r.iter().any(|c| !c.is_empty()))?;
    Some((
        *line,
        cells
            .iter()
            .map(|c| cell_text(Some(c)).to_lowercase())
            .collect(),
    ))
}

/// The first column named by any of `keys` (translation keys) in either language, and the
/// language its name is in (`None` when both languages spell it alike).
pub fn column(names: &[String], keys: &[&str]) -> Option<(usize, Option<Lang>)> {
    names.iter().enumerate().find_map(|(i, n)| {
        keys.iter().find_map(|key| {
            let [en, bg] = column_names(key);
            match (*n == en, *n == bg) {
                (true, true) => Some((i, None)),
                (true, false) => Some((i, Some(Lang::En))),
                (false, true) => Some((i, Some(Lang::Bg))),
                (false, false) => None,
            }
        })
    })
}

/// A number from a cell: a workbook's number as it is, text as `number_lang` writes it (a
/// trailing `%` read as a percentage); `None` when the cell is empty.
pub fn number(c: Option<&RawCell>, number_lang: Lang) -> Option<Result<f64, format::NumberError>> {
    match c {
        None | Some(RawCell::Empty) => None,
        Some(RawCell::Number(n)) if n.is_finite() => Some(Ok(*n)),
        Some(c) => {
            let t = cell_text(Some(c));
            if t.is_empty() {
                return None;
            }
            Some(if t.ends_with('%') {
                format::parse_percent(number_lang, &t)
            } else {
                format::parse_number(number_lang, &t)
            })
        }
    }
}

/// A whole year between 1900 and 2100 from a cell (a number, or text with or without „г.“);
/// `Ok(None)` when the cell is empty, `Err` with the cell's text when it is not a year.
pub fn year(c: Option<&RawCell>) -> Result<Option<i32>, String> {
    match c {
        None | Some(RawCell::Empty) => Ok(None),
        Some(RawCell::Number(n)) if n.fract() == 0.0 && YEARS.contains(&(*n as i32)) => {
            Ok(Some(*n as i32))
        }
        Some(c) => {
            let text = cell_text(Some(c));
            let t = text.trim_end_matches("г.").trim_end_matches('г').trim();
            if t.is_empty() {
                return Ok(None);
            }
            match t.parse::<i32>() {
                Ok(y) if YEARS.contains(&y) => Ok(Some(y)),
                _ => Err(text),
            }
        }
    }
}

/// Text from a cell, without the apostrophe a CSV export put before formula-like text.
pub fn cell_text(c: Option<&RawCell>) -> String {
    let t = c.map(RawCell::text).unwrap_or_default();
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest.to_owned(),
        _ => t,
    }
}

/// The values the rows give, checked against the assessment's cities and indicators; numbers
/// are read as `number_lang` writes them, messages are in `lang`.
pub fn values(
    o: &OpennessAssessment,
    rows: &[Row],
    number_lang: Lang,
    lang: Lang,
) -> Result<Vec<OpennessValue>, ImportError> {
    let line_arg = |line: usize| -> FluentArg { format::integer(lang, line as u64).into() };
    let mut errors: Vec<RowError> = Vec::new();
    let mut err = |line: usize, key: &str, args: &[(&str, FluentArg)]| {
        let mut all = vec![("line", line_arg(line))];
        all.extend(args.iter().cloned());
        errors.push(RowError {
            line,
            message: tr_args(lang, key, &all),
        });
    };
    let Some((header_line, names)) = header(rows) else {
        return Err(ImportError::Unreadable(tr(lang, "values-import-empty")));
    };
    let [city_col, indicator_col, year_col, value_col, source_col] =
        COLUMNS.map(|key| column(&names, &[key]).map(|(i, _)| i));
    for (key, col) in [
        ("xlsx-city", city_col),
        ("xlsx-indicator", indicator_col),
        ("xlsx-value", value_col),
    ] {
        if col.is_none() {
            err(
                header_line,
                "values-import-no-column",
                &[("column", tr(lang, key).into())],
            );
        }
    }
    let (Some(city_col), Some(indicator_col), Some(value_col)) =
        (city_col, indicator_col, value_col)
    else {
        return Err(ImportError::Rows(errors));
    };
    let indicators: Vec<_> = o.areas.iter().flat_map(|a| &a.indicators).collect();
    let mut out: Vec<OpennessValue> = Vec::new();
    let mut first_line: std::collections::HashMap<(String, String, Option<i32>), usize> =
        Default::default();
    for (line, row) in rows.iter().filter(|(l, _)| *l > header_line) {
        let line = *line;
        if row.iter().all(RawCell::is_empty) {
            continue;
        }
        // The city and the indicator: by id first, then by name; a name two items share is
        // refused rather than guessed.
        let city_text = cell_text(row.get(city_col));
        let by = |id: &str, name: &str| {
            id.eq_ignore_ascii_case(&city_text)
                || name.trim().to_lowercase() == city_text.to_lowercase()
        };
        let cities: Vec<_> = match o
            .cities
            .iter()
            .find(|c| c.id.as_str().eq_ignore_ascii_case(&city_text))
        {
            Some(c) => vec![c],
            None => o
                .cities
                .iter()
                .filter(|c| by(c.id.as_str(), &c.name))
                .collect(),
        };
        let city = match cities.as_slice() {
            _ if city_text.is_empty() => {
                err(line, "values-import-no-city", &[]);
                None
            }
            [c] => Some(c.id.clone()),
            [] => {
                err(
                    line,
                    "values-import-unknown-city",
                    &[("city", city_text.clone().into())],
                );
                None
            }
            _ => {
                err(
                    line,
                    "values-import-ambiguous-city",
                    &[("city", city_text.clone().into())],
                );
                None
            }
        };
        let ind_text = cell_text(row.get(indicator_col));
        let found: Vec<_> = match indicators
            .iter()
            .find(|i| i.id.as_str().eq_ignore_ascii_case(&ind_text))
        {
            Some(i) => vec![*i],
            None => indicators
                .iter()
                .filter(|i| i.name.trim().to_lowercase() == ind_text.to_lowercase())
                .copied()
                .collect(),
        };
        let indicator = match found.as_slice() {
            _ if ind_text.is_empty() => {
                err(line, "values-import-no-indicator", &[]);
                None
            }
            [i] => Some(i.id.clone()),
            [] => {
                err(
                    line,
                    "values-import-unknown-indicator",
                    &[("indicator", ind_text.clone().into())],
                );
                None
            }
            _ => {
                err(
                    line,
                    "values-import-ambiguous-indicator",
                    &[("indicator", ind_text.clone().into())],
                );
                None
            }
        };
        let year = match year(year_col.and_then(|c| row.get(c))) {
            Ok(y) => Some(y),
            Err(text) => {
                err(line, "values-import-bad-year", &[("year", text.into())]);
                None
            }
        };
        let value = match number(row.get(value_col), number_lang) {
            Some(Ok(v)) => Some(v),
            None => {
                err(line, "values-import-no-value", &[]);
                None
            }
            Some(Err(e)) => {
                err(
                    line,
                    "values-import-bad-value",
                    &[("error", e.message(lang).into())],
                );
                None
            }
        };
        let source = source_col
            .map(|c| cell_text(row.get(c)))
            .unwrap_or_default();
        let (Some(city), Some(indicator), Some(year), Some(value)) = (city, indicator, year, value)
        else {
            continue;
        };
        let key = (city.to_string(), indicator.to_string(), year);
        if let Some(first) = first_line.get(&key) {
            let name = o
                .cities
                .iter()
                .find(|c| c.id == city)
                .map_or(city.to_string(), |c| c.name.clone());
            err(
                line,
                "values-import-duplicate",
                &[
                    ("city", name.into()),
                    ("indicator", indicator.to_string().into()),
                    (
                        "year",
                        year.map_or(tr(lang, "values-no-year"), |y| y.to_string())
                            .into(),
                    ),
                    ("first", line_arg(*first)),
                ],
            );
            continue;
        }
        first_line.insert(key, line);
        out.push(OpennessValue {
            city,
            indicator,
            value,
            year,
            source,
        });
    }
    if !errors.is_empty() {
        return Err(ImportError::Rows(errors));
    }
    if out.is_empty() {
        return Err(ImportError::Unreadable(tr(lang, "values-import-empty")));
    }
    Ok(out)
}

/// Puts imported values into the assessment: with `merge`, each replaces the value of its city,
/// indicator and year (others stay); without, they become the whole table.
pub fn apply(o: &mut OpennessAssessment, imported: Vec<OpennessValue>, merge: bool) {
    if !merge {
        o.values = imported;
        return;
    }
    for v in imported {
        match o
            .values
            .iter_mut()
            .find(|x| x.city == v.city && x.indicator == v.indicator && x.year == v.year)
        {
            Some(x) => *x = v,
            None => o.values.push(v),
        }
    }
}

/// Reads a table file into values for `o`: the whole of [`read_bytes`], [`rows`] and
/// [`values`].
pub fn import_file(
    o: &OpennessAssessment,
    path: &Path,
    number_lang: Lang,
    lang: Lang,
) -> Result<Vec<OpennessValue>, ImportError> {
    let bytes = read_bytes(path, lang)?;
    let rows = rows(&bytes, TableFormat::of(path), lang)?;
    values(o, &rows, number_lang, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sofia() -> crate::model::Plan {
        super::super::templates::find("sofia-open-cities")
            .unwrap()
            .plan()
            .unwrap()
    }

    #[test]
    fn a_csv_export_reads_back_the_same_in_either_language() {
        let plan = sofia();
        for lang in [Lang::Bg, Lang::En] {
            let bytes = crate::report::values::csv(&plan.openness, lang);
            let rows = rows(&bytes, TableFormat::Csv, lang).unwrap();
            let back = values(&plan.openness, &rows, lang, lang).unwrap();
            assert_eq!(back, plan.openness.values, "{lang:?}");
        }
    }

    #[test]
    fn an_xlsx_export_reads_back_the_same() {
        let plan = sofia();
        let bytes = crate::report::values::xlsx(&plan.openness, Lang::Bg).unwrap();
        let rows = rows(&bytes, TableFormat::Xlsx, Lang::Bg).unwrap();
        let back = values(&plan.openness, &rows, Lang::Bg, Lang::En).unwrap();
        assert_eq!(back, plan.openness.values);
    }

    #[test]
    fn every_bad_row_is_reported_by_line_and_nothing_is_imported() {
        let plan = sofia();
        let csv = "City,Indicator,Year,Value,Source\n\
                   София,OI-1,2023,\"3,1\",NSI\n\
                   Атлантида,OI-1,2023,1,x\n\
                   C-2,OI-99,2023,1,x\n\
                   C-3,OI-1,20x3,1,x\n\
                   C-4,OI-1,2023,\"1.450\",x\n\
                   \n\
                   c-1,oi-1,2023,5,again\n";
        let rows = rows(csv.as_bytes(), TableFormat::Csv, Lang::En).unwrap();
        let Err(ImportError::Rows(errors)) = values(&plan.openness, &rows, Lang::Bg, Lang::En)
        else {
            panic!("refused");
        };
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 6, 8], "{errors:?}");
        assert!(errors[0].message.contains("Атлантида"), "{errors:?}");
        assert!(errors[1].message.contains("OI-99"), "{errors:?}");
        assert!(errors[2].message.contains("20x3"), "{errors:?}");
        assert!(errors[3].message.contains("1.450"), "{errors:?}");
        assert!(errors[4].message.contains("line 2"), "{errors:?}");
        assert!(
            errors
                .iter()
                .all(|e| e.message.starts_with(&format!("Line {}", e.line)))
        );
        // A header without a value column is one error on its line.
        let rows = super::rows(b"city;indicator\nC-1;OI-1\n", TableFormat::Csv, Lang::En).unwrap();
        let Err(ImportError::Rows(errors)) = values(&plan.openness, &rows, Lang::Bg, Lang::En)
        else {
            panic!("refused");
        };
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 1);
    }

    #[test]
    fn merge_keeps_what_the_table_does_not_have() {
        let mut o = sofia().openness;
        let n = o.values.len();
        let mut v = o.values[0].clone();
        v.value = 99.0;
        let mut new_year = v.clone();
        new_year.year = Some(2030);
        apply(&mut o, vec![v.clone(), new_year], true);
        assert_eq!(o.values.len(), n + 1);
        assert_eq!(o.values[0].value, 99.0);
        apply(&mut o, vec![v], false);
        assert_eq!(o.values.len(), 1);
    }
}
