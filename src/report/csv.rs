//! Spreadsheet exports: actions, funding lines and indicators as CSV, UTF-8 with a byte-order
//! mark so Excel as well as LibreOffice opens the Cyrillic intact. Amounts are plain decimals
//! (`1450000.00`), readable in any locale.
//!
//! Plan files are untrusted, and a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@`
//! (or a tab or carriage return before them) as a formula. Every text cell is therefore quoted,
//! and one that starts with such a character gets a leading apostrophe, which spreadsheets read as
//! "this is text" and do not show (OWASP, "CSV Injection"). Numbers we write ourselves (amounts,
//! rates, years) stay bare numbers, negative ones included.

use std::path::{Path, PathBuf};

use super::sheets::{self, Cell, Sheet};
use crate::model::{Lang, Plan};

/// The byte-order mark that tells Excel the file is UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One field of a CSV line.
enum Field {
    /// Text, from the plan or ours: neutralised if a spreadsheet would read it as a formula.
    Text(String),
    /// A number we formatted ourselves (`-1250.00`, `2025`, `0.85`): left bare so spreadsheets
    /// count with it.
    Number(String),
}

/// A typed cell as CSV writes it: amounts as plain decimals (`1450000.00`).
fn field(c: Cell) -> Field {
    match c {
        Cell::Text(s) => Field::Text(s),
        Cell::Money(m) => Field::Number(m.to_string()),
        Cell::Number(x) => Field::Number(x.to_string()),
        Cell::Integer(x) => Field::Number(x.to_string()),
        Cell::Empty => Field::Text(String::new()),
    }
}

/// The first characters that make a spreadsheet read a cell as a formula (OWASP: `=`, `+`, `-`,
/// `@`, tab, carriage return; ASVS adds NUL).
const FORMULA_START: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\0'];

/// A plain decimal as we write numbers: optional minus, digits, optional fraction.
fn is_plain_number(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = body.split_once('.').unwrap_or((body, "0"));
    let digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
    digits(int) && digits(frac)
}

/// The text a cell is written with: text that starts like a formula gets a leading apostrophe.
/// A number that is not a plain decimal (`NaN`, `-inf`) is treated as text.
fn neutralised(cell: Field) -> String {
    match cell {
        Field::Number(s) if is_plain_number(&s) => s,
        Field::Text(s) | Field::Number(s) => {
            if s.starts_with(FORMULA_START) {
                format!("'{s}")
            } else {
                s
            }
        }
    }
}

/// A sheet as CSV bytes.
pub(crate) fn table(sheet: Sheet) -> Vec<u8> {
    // Non-numeric cells are quoted: text, and so every neutralised cell, is always in quotes (a
    // separator inside cannot start a new cell); our bare numbers are not.
    let mut w = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::NonNumeric)
        .from_writer(BOM.to_vec());
    // Writing to memory cannot fail.
    let _ = w.write_record(
        sheet
            .header
            .iter()
            .map(|h| neutralised(Field::Text(h.clone()))),
    );
    for r in sheet.rows {
        let _ = w.write_record(r.into_iter().map(|c| neutralised(field(c))));
    }
    w.into_inner().unwrap_or_default()
}

/// The actions, one row each, with their money.
pub fn actions(plan: &Plan, lang: Lang) -> Vec<u8> {
    table(sheets::actions(plan, lang))
}

/// Every funding line with its action.
pub fn funding(plan: &Plan, lang: Lang) -> Vec<u8> {
    table(sheets::funding(plan, lang))
}

/// The indicators with baselines and targets.
pub fn indicators(plan: &Plan, lang: Lang) -> Vec<u8> {
    table(sheets::indicators(plan, lang))
}

/// Writes `actions.csv`, `funding.csv` and `indicators.csv` into `folder` (made if missing) as
/// one set: on failure either all three are new or all are as they were, and the error says
/// which (see [`file_set`](crate::store::file_set)). Exports keep no `.bak` (they can be made
/// again at any time) and refuse a read-only table. Returns the files written.
pub fn export(
    plan: &Plan,
    lang: Lang,
    folder: &Path,
) -> Result<Vec<PathBuf>, crate::store::file_set::SetError> {
    export_with(plan, lang, folder, crate::store::atomic::Replace::EXPORT)
}

/// Like [`export`], with the replacing rules of `how` (e.g. `--force` for read-only tables).
pub fn export_with(
    plan: &Plan,
    lang: Lang,
    folder: &Path,
    how: crate::store::atomic::Replace,
) -> Result<Vec<PathBuf>, crate::store::file_set::SetError> {
    let files = [
        ("actions.csv", actions(plan, lang)),
        ("funding.csv", funding(plan, lang)),
        ("indicators.csv", indicators(plan, lang)),
    ]
    .map(|(name, bytes)| (folder.join(name), bytes));
    std::fs::create_dir_all(folder).map_err(|source| crate::store::file_set::SetError {
        file: folder.to_path_buf(),
        step: "creating the folder",
        source,
        files: files.iter().map(|(p, _)| p.clone()).collect(),
        new: Vec::new(),
        not_restored: Vec::new(),
    })?;
    crate::store::file_set::write_all_or_none(&files, how)?;
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Money;

    fn sofia() -> Plan {
        crate::store::templates::find("sofia-open-cities")
            .unwrap()
            .plan()
            .unwrap()
    }

    fn records(bytes: &[u8]) -> Vec<csv::StringRecord> {
        assert!(bytes.starts_with(BOM));
        csv::Reader::from_reader(&bytes[BOM.len()..])
            .records()
            .map(Result::unwrap)
            .collect()
    }

    const PAYLOADS: [&str; 7] = [
        "=HYPERLINK(\"http://x\",\"click\")",
        "+1",
        "-2+3",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "=1+2;=3",
    ];

    #[test]
    fn text_that_a_spreadsheet_would_run_as_a_formula_is_neutralised_and_quoted() {
        let mut plan = sofia();
        for (a, p) in plan.actions.iter_mut().zip(PAYLOADS) {
            a.title = p.to_owned();
        }
        plan.actions[0].lead = "-".to_owned();
        let bytes = actions(&plan, Lang::En);
        let rows = records(&bytes);
        // Rows are in the order of the codes: find each action's by its id.
        let row_of = |id: &str| rows.iter().find(|r| &r[0] == id).unwrap();
        for (a, p) in plan.actions.iter().zip(PAYLOADS) {
            // The reader sees the text with a leading apostrophe, which spreadsheets take as
            // "this is text" and do not show.
            assert_eq!(&row_of(a.id.as_str())[2], format!("'{p}"));
        }
        assert_eq!(&row_of(plan.actions[0].id.as_str())[5], "'-");
        // Each neutralised cell is quoted, so no separator in it can start a new cell.
        let text = String::from_utf8_lossy(&bytes);
        for p in ["'+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "'=1+2;=3"] {
            assert!(
                text.contains(&format!(",\"{p}\",")),
                "{p:?} not quoted in\n{text}"
            );
        }
        assert!(text.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\","));
        // Plain text that starts with none of them is left as it was.
        assert_eq!(&rows[8][2], plan.actions[8].title);
    }

    #[test]
    fn negative_amounts_stay_numbers() {
        let mut plan = sofia();
        plan.actions[0].funding[0].amount = Money::from_cents(-125_000);
        plan.actions[0].funding[0].note = "-1250.00".to_owned();
        plan.actions[0].cost = Some(Money::from_cents(-5));
        let funding = funding(&plan, Lang::En);
        let rows = records(&funding);
        // Our own number: unquoted and without an apostrophe, so it stays a number.
        assert_eq!(&rows[0][6], "-1250.00");
        let text = String::from_utf8_lossy(&funding);
        assert!(text.contains(",-1250.00,"), "{text}");
        // The same characters typed as a note are text, and neutralised as text.
        assert_eq!(&rows[0][9], "'-1250.00");
        let actions = actions(&plan, Lang::En);
        assert!(String::from_utf8_lossy(&actions).contains(",-0.05,"));
    }
}
