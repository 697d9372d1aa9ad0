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

use crate::analysis::budget::ActionMoney;
use crate::i18n::tr;
use crate::model::{Lang, Plan};

/// The byte-order mark that tells Excel the file is UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One cell of a table.
enum Cell {
    /// Text, from the plan or ours: neutralised if a spreadsheet would read it as a formula.
    Text(String),
    /// A number we formatted ourselves (`-1250.00`, `2025`, `0.85`): left bare so spreadsheets
    /// count with it.
    Number(String),
}

/// A text cell.
fn t(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// A number cell.
fn n(x: impl std::fmt::Display) -> Cell {
    Cell::Number(x.to_string())
}

/// A number cell, or an empty text cell when there is none.
fn opt(x: Option<impl std::fmt::Display>) -> Cell {
    x.map_or_else(|| t(""), n)
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
fn neutralised(cell: Cell) -> String {
    match cell {
        Cell::Number(s) if is_plain_number(&s) => s,
        Cell::Text(s) | Cell::Number(s) => {
            if s.starts_with(FORMULA_START) {
                format!("'{s}")
            } else {
                s
            }
        }
    }
}

fn table(header: &[String], rows: Vec<Vec<Cell>>) -> Vec<u8> {
    // Non-numeric cells are quoted: text, and so every neutralised cell, is always in quotes (a
    // separator inside cannot start a new cell); our bare numbers are not.
    let mut w = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::NonNumeric)
        .from_writer(BOM.to_vec());
    // Writing to memory cannot fail.
    let _ = w.write_record(header.iter().map(|h| neutralised(t(h.as_str()))));
    for r in rows {
        let _ = w.write_record(r.into_iter().map(neutralised));
    }
    w.into_inner().unwrap_or_default()
}

fn h(lang: Lang, keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| tr(lang, k)).collect()
}

/// The actions, one row each, with their money.
pub fn actions(plan: &Plan, lang: Lang) -> Vec<u8> {
    let header = h(
        lang,
        &[
            "csv-id",
            "pdf-code",
            "field-title",
            "field-objective",
            "field-specific-objective",
            "field-lead",
            "field-partners",
            "field-target-group",
            "field-location",
            "field-start",
            "field-end",
            "field-action-status",
            "field-priority",
            "field-cost",
            "secured",
            "potential",
            "figure-unsecured",
            "figure-uncovered",
            "field-indicators",
            "field-risks",
            "field-depends-on",
            "field-strategy-goals",
        ],
    );
    let rows = plan
        .actions
        .iter()
        .map(|a| {
            let m = ActionMoney::of(a);
            let ids = |v: Vec<&str>| t(v.join("; "));
            vec![
                t(a.id.as_str()),
                t(a.code.as_str()),
                t(a.title.as_str()),
                t(a.objective
                    .as_ref()
                    .and_then(|o| plan.objective(o))
                    .map(|o| o.code.clone())
                    .unwrap_or_default()),
                t(a.specific_objective
                    .as_ref()
                    .map(|s| s.to_string())
                    .unwrap_or_default()),
                t(a.lead.as_str()),
                t(a.partners.join("; ")),
                t(a.target_group.as_str()),
                t(a.location.as_str()),
                t(a.start.map(|m| m.to_string()).unwrap_or_default()),
                t(a.end.map(|m| m.to_string()).unwrap_or_default()),
                t(a.status.label(lang)),
                t(a.priority.label(lang)),
                opt(a.cost),
                n(m.secured),
                n(m.potential),
                n(m.unsecured()),
                n(m.gap()),
                ids(a.indicators.iter().map(|x| x.as_str()).collect()),
                ids(a.risks.iter().map(|x| x.as_str()).collect()),
                ids(a.depends_on.iter().map(|x| x.as_str()).collect()),
                ids(a.strategy_goals.iter().map(|x| x.as_str()).collect()),
            ]
        })
        .collect();
    table(&header, rows)
}

/// Every funding line with its action.
pub fn funding(plan: &Plan, lang: Lang) -> Vec<u8> {
    let header = h(
        lang,
        &[
            "csv-action-id",
            "pdf-code",
            "csv-id",
            "field-source",
            "field-programme",
            "field-call",
            "field-amount",
            "field-co-financing",
            "field-funding-status",
            "field-note",
        ],
    );
    let rows = plan
        .funding_lines()
        .map(|(a, f)| {
            vec![
                t(a.id.as_str()),
                t(a.code.as_str()),
                t(f.id.as_str()),
                t(f.source.label(lang)),
                t(f.programme.as_str()),
                t(f.call.as_str()),
                n(f.amount),
                opt(f.co_financing_rate),
                t(f.status.label(lang)),
                t(f.note.as_str()),
            ]
        })
        .collect();
    table(&header, rows)
}

/// The indicators with baselines and targets.
pub fn indicators(plan: &Plan, lang: Lang) -> Vec<u8> {
    let header = h(
        lang,
        &[
            "csv-id",
            "field-code",
            "field-name",
            "field-level",
            "field-definition",
            "field-unit",
            "field-baseline-value",
            "field-baseline-year",
            "field-baseline-source",
            "field-targets",
            "field-frequency",
            "field-data-source",
            "field-owner",
        ],
    );
    let rows = plan
        .indicators
        .iter()
        .map(|i| {
            let b = i.baseline.as_ref();
            vec![
                t(i.id.as_str()),
                t(i.code.as_str()),
                t(i.name.as_str()),
                t(i.level.label(lang)),
                t(i.definition.as_str()),
                t(i.unit.as_str()),
                opt(b.map(|b| b.value)),
                opt(b.map(|b| b.year)),
                t(b.map(|b| b.source.clone()).unwrap_or_default()),
                t(i.targets
                    .iter()
                    .map(|x| format!("{}: {}", x.year, x.value))
                    .collect::<Vec<_>>()
                    .join("; ")),
                t(i.frequency.label(lang)),
                t(i.data_source.as_str()),
                t(i.owner.as_str()),
            ]
        })
        .collect();
    table(&header, rows)
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
        for (row, p) in rows.iter().zip(PAYLOADS) {
            // The reader sees the text with a leading apostrophe, which spreadsheets take as
            // "this is text" and do not show.
            assert_eq!(&row[2], format!("'{p}"));
        }
        assert_eq!(&rows[0][5], "'-");
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
