//! The openness values table for exchange: one row per city, indicator and year with its value
//! and source, as CSV or an Excel workbook. Its columns are the ones
//! [`store::values`](crate::store::values) reads back, so a table exported, filled in by a
//! partner city and imported again round-trips. Cities and indicators are written by name (by
//! id where a name is empty or shared); numbers as the plan's language writes them, without
//! grouping, so a spreadsheet in that locale reads them as numbers.

use std::path::Path;

use rust_xlsxwriter::Workbook;

use super::sheets::{Cell, Sheet};
use crate::i18n::tr;
use crate::model::{Lang, OpennessAssessment, format};

use crate::store::values::COLUMNS;

/// A value as `lang` writes it, without group separators (which spreadsheets do not read back):
/// `2,9` (Bulgarian), `1221172.5` (English).
pub fn plain_number(lang: Lang, v: f64) -> String {
    let grouped = format::decimal_up_to(lang, v, 10);
    match lang {
        Lang::Bg => grouped.chars().filter(|c| !c.is_whitespace()).collect(),
        Lang::En => grouped.chars().filter(|c| *c != ',').collect(),
    }
}

/// The table; `numbers_as_text` writes values as text in `lang` (for CSV), else as numbers.
pub fn sheet(o: &OpennessAssessment, lang: Lang, numbers_as_text: bool) -> Sheet {
    // A name identifies only when it is there and no other item of the list has it.
    fn unique<'a>(id: &'a str, name: &'a str, names: &[&str]) -> &'a str {
        let n = name.trim();
        if n.is_empty() || names.iter().filter(|m| m.trim() == n).count() > 1 {
            id
        } else {
            n
        }
    }
    let city_names: Vec<&str> = o.cities.iter().map(|c| c.name.as_str()).collect();
    let indicators: Vec<_> = o.areas.iter().flat_map(|a| &a.indicators).collect();
    let indicator_names: Vec<&str> = indicators.iter().map(|i| i.name.as_str()).collect();
    let rows = o
        .values
        .iter()
        .map(|v| {
            let city = o
                .cities
                .iter()
                .find(|c| c.id == v.city)
                .map_or(v.city.as_str(), |c| {
                    unique(c.id.as_str(), &c.name, &city_names)
                });
            let indicator = indicators
                .iter()
                .find(|i| i.id == v.indicator)
                .map_or(v.indicator.as_str(), |i| {
                    unique(i.id.as_str(), &i.name, &indicator_names)
                });
            vec![
                Cell::Text(city.to_owned()),
                Cell::Text(indicator.to_owned()),
                v.year.map_or(Cell::Empty, |y| Cell::Integer(i64::from(y))),
                if numbers_as_text {
                    Cell::Text(plain_number(lang, v.value))
                } else {
                    Cell::Number(v.value)
                },
                Cell::Text(v.source.clone()),
            ]
        })
        .collect();
    Sheet {
        key: "values",
        title: tr(lang, "xlsx-openness"),
        header: COLUMNS.iter().map(|k| tr(lang, k)).collect(),
        rows,
    }
}

/// The table as CSV bytes (UTF-8 with a byte-order mark; text neutralised as every CSV export).
pub fn csv(o: &OpennessAssessment, lang: Lang) -> Vec<u8> {
    super::csv::table(sheet(o, lang, true))
}

/// The table as an Excel workbook of one sheet.
pub fn xlsx(o: &OpennessAssessment, lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut wb = Workbook::new();
    super::xlsx::add(&mut wb, &sheet(o, lang, false))?;
    wb.save_to_buffer()
}

/// The bytes of a table in the format the file name asks for (`.xlsx`, else CSV); `sheet`
/// makes it with numbers as text (for CSV) or as numbers.
pub fn table_bytes(
    sheet: impl Fn(bool) -> Sheet,
    path: &Path,
) -> Result<Vec<u8>, crate::store::SaveError> {
    match crate::store::values::TableFormat::of(path) {
        crate::store::values::TableFormat::Xlsx => {
            let mut wb = Workbook::new();
            super::xlsx::add(&mut wb, &sheet(false))
                .and_then(|_| wb.save_to_buffer())
                .map_err(|e| crate::store::SaveError {
                    file: path.to_path_buf(),
                    step: "making the Excel workbook",
                    source: std::io::Error::other(e.to_string()),
                })
        }
        crate::store::values::TableFormat::Csv => Ok(super::csv::table(sheet(true))),
    }
}

/// The bytes of the table in the format the file name asks for (`.xlsx`, else CSV).
pub fn bytes_for(
    o: &OpennessAssessment,
    lang: Lang,
    path: &Path,
) -> Result<Vec<u8>, crate::store::SaveError> {
    table_bytes(|as_text| sheet(o, lang, as_text), path)
}

/// Writes the table atomically to `path`, CSV or xlsx by its extension (no backup: it can be
/// made again from the plan).
pub fn export_with(
    o: &OpennessAssessment,
    lang: Lang,
    path: &Path,
    how: crate::store::atomic::Replace,
) -> Result<(), crate::store::SaveError> {
    let bytes = bytes_for(o, lang, path)?;
    crate::store::atomic::write_with(path, how, |w| w.write_all(&bytes))
}
