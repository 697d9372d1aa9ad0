//! The plan's tables as one Excel workbook, a sheet per table: numbers are numbers (money with
//! two decimals and grouping, which Excel shows in the reader's own locale), months and codes
//! are text (Excel would turn "2025-03" into a date), header rows are frozen and bold. CSV stays
//! for tools; this is for people, whatever their spreadsheet's locale.
//!
//! Text from the plan is written as text cells, which a spreadsheet never runs as a formula.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::sheets::{self, Cell, Sheet};
use crate::model::{Lang, Plan};

/// Widest column, in characters; longer text wraps in the cell.
const MAX_COLUMN_WIDTH: usize = 60;

/// The most characters Excel keeps in a cell; longer text (a plan may hold titles of 100,000
/// characters) is cut with "…" rather than failing the whole workbook.
const MAX_CELL_CHARS: usize = 32_767;

/// The most rows of an Excel sheet.
const MAX_ROWS: usize = 1_048_576;

/// Text for a cell: at most [`MAX_CELL_CHARS`] characters.
fn cell_text(s: &str) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(MAX_CELL_CHARS - 1) {
        Some((end, _)) => format!("{}…", &s[..end]).into(),
        None => s.into(),
    }
}

/// Excel allows at most 31 characters in a sheet name, and not `[]:*?/\`.
fn sheet_name(title: &str) -> String {
    title
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect()
}

pub(crate) fn add(workbook: &mut Workbook, sheet: &Sheet) -> Result<(), XlsxError> {
    if sheet.rows.len() >= MAX_ROWS {
        return Err(XlsxError::ParameterError(format!(
            "the table {} has {} rows, more than the {} an Excel sheet can hold; export CSV instead",
            sheet.title,
            sheet.rows.len(),
            MAX_ROWS - 1
        )));
    }
    let bold = Format::new().set_bold().set_text_wrap();
    let money = Format::new().set_num_format("#,##0.00");
    let number = Format::new().set_num_format("#,##0.##");
    let text = Format::new().set_text_wrap();
    let ws = workbook.add_worksheet();
    ws.set_name(sheet_name(&sheet.title))?;
    let mut widths: Vec<usize> = sheet.header.iter().map(|h| h.chars().count()).collect();
    for (c, h) in sheet.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            let shown = match cell {
                Cell::Text(s) => {
                    let s = cell_text(s);
                    ws.write_string_with_format(r, col, s.as_ref(), &text)?;
                    s.chars().count()
                }
                Cell::Money(m) => {
                    ws.write_number_with_format(r, col, m.as_f64(), &money)?;
                    14
                }
                Cell::Number(x) if x.is_finite() => {
                    ws.write_number_with_format(r, col, *x, &number)?;
                    10
                }
                // A value no spreadsheet can hold as a number (a hand-edited NaN) stays visible.
                Cell::Number(x) => {
                    ws.write_string(r, col, x.to_string())?;
                    4
                }
                Cell::Integer(x) => {
                    ws.write_number(r, col, *x as f64)?;
                    6
                }
                Cell::Empty => 0,
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(shown);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w).clamp(6, MAX_COLUMN_WIDTH) as f64 + 2.0)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The workbook's bytes: one sheet per table of [`sheets::all`].
pub fn workbook(plan: &Plan, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    for sheet in sheets::all(plan, lang) {
        add(&mut wb, &sheet)?;
    }
    wb.save_to_buffer()
}

/// Writes the workbook atomically (no backup: it can be made again from the plan).
pub fn export_with(
    plan: &Plan,
    lang: Lang,
    path: &Path,
    how: crate::store::atomic::Replace,
) -> Result<(), crate::store::SaveError> {
    let bytes = workbook(plan, lang).map_err(|e| crate::store::SaveError {
        file: path.to_path_buf(),
        step: "making the Excel workbook",
        source: std::io::Error::other(e.to_string()),
    })?;
    crate::store::atomic::write_with(path, how, |w| w.write_all(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_longer_than_a_cell_holds_is_cut_not_refused() {
        let mut plan = crate::store::templates::find("sofia-open-cities")
            .unwrap()
            .plan()
            .unwrap();
        plan.actions[0].title = "я".repeat(100_000);
        let bytes = workbook(&plan, Lang::Bg).expect("a workbook despite the long title");
        assert!(bytes.starts_with(b"PK"));
        assert_eq!(
            cell_text(&"я".repeat(40_000)).chars().count(),
            MAX_CELL_CHARS
        );
        assert_eq!(cell_text("short"), "short");
    }

    #[test]
    fn sheet_names_are_what_excel_accepts() {
        assert_eq!(
            sheet_name("Funding lines: 2025/2026 [draft]?"),
            "Funding lines 20252026 draft"
        );
        assert_eq!(sheet_name(&"я".repeat(40)).chars().count(), 31);
    }
}
