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

/// Excel allows at most 31 characters in a sheet name, and not `[]:*?/\`.
fn sheet_name(title: &str) -> String {
    title
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect()
}

fn add(workbook: &mut Workbook, sheet: &Sheet) -> Result<(), XlsxError> {
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
                    ws.write_string_with_format(r, col, s, &text)?;
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
        step: "making the workbook",
        source: std::io::Error::other(e.to_string()),
    })?;
    crate::store::atomic::write_with(path, how, |w| w.write_all(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_what_excel_accepts() {
        assert_eq!(
            sheet_name("Funding lines: 2025/2026 [draft]?"),
            "Funding lines 20252026 draft"
        );
        assert_eq!(sheet_name(&"я".repeat(40)).chars().count(), 31);
    }
}
