//! Spreadsheet exports: actions, funding lines and indicators as CSV, UTF-8 with a byte-order
//! mark so Excel as well as LibreOffice opens the Cyrillic intact. Amounts are plain decimals
//! (`1450000.00`), readable in any locale.

use std::path::{Path, PathBuf};

use crate::analysis::budget::ActionMoney;
use crate::i18n::tr;
use crate::model::{Lang, Plan};

/// The byte-order mark that tells Excel the file is UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

fn table(header: &[String], rows: Vec<Vec<String>>) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().from_writer(BOM.to_vec());
    // Writing to memory cannot fail.
    let _ = w.write_record(header);
    for r in rows {
        let _ = w.write_record(&r);
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
            "gap",
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
            let ids = |v: Vec<&str>| v.join("; ");
            vec![
                a.id.to_string(),
                a.code.clone(),
                a.title.clone(),
                a.objective
                    .as_ref()
                    .and_then(|o| plan.objective(o))
                    .map(|o| o.code.clone())
                    .unwrap_or_default(),
                a.specific_objective
                    .as_ref()
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                a.lead.clone(),
                a.partners.join("; "),
                a.target_group.clone(),
                a.location.clone(),
                a.start.map(|m| m.to_string()).unwrap_or_default(),
                a.end.map(|m| m.to_string()).unwrap_or_default(),
                a.status.label(lang).to_owned(),
                a.priority.label(lang).to_owned(),
                a.cost.map(|c| c.to_string()).unwrap_or_default(),
                m.secured.to_string(),
                m.potential.to_string(),
                m.gap().to_string(),
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
                a.id.to_string(),
                a.code.clone(),
                f.id.to_string(),
                f.source.label(lang).to_owned(),
                f.programme.clone(),
                f.call.clone(),
                f.amount.to_string(),
                f.co_financing_rate
                    .map(|r| r.to_string())
                    .unwrap_or_default(),
                f.status.label(lang).to_owned(),
                f.note.clone(),
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
                i.id.to_string(),
                i.code.clone(),
                i.name.clone(),
                i.level.label(lang).to_owned(),
                i.definition.clone(),
                i.unit.clone(),
                b.map(|b| b.value.to_string()).unwrap_or_default(),
                b.map(|b| b.year.to_string()).unwrap_or_default(),
                b.map(|b| b.source.clone()).unwrap_or_default(),
                i.targets
                    .iter()
                    .map(|t| format!("{}: {}", t.year, t.value))
                    .collect::<Vec<_>>()
                    .join("; "),
                i.frequency.label(lang).to_owned(),
                i.data_source.clone(),
                i.owner.clone(),
            ]
        })
        .collect();
    table(&header, rows)
}

/// Writes `actions.csv`, `funding.csv` and `indicators.csv` into `folder` (made if missing),
/// each atomically, with no backups. Returns the files written.
pub fn export(
    plan: &Plan,
    lang: Lang,
    folder: &Path,
) -> Result<Vec<PathBuf>, crate::store::SaveError> {
    export_with(plan, lang, folder, crate::store::atomic::Replace::EXPORT)
}

/// Like [`export`], with the replacing rules of `how`.
pub fn export_with(
    plan: &Plan,
    lang: Lang,
    folder: &Path,
    how: crate::store::atomic::Replace,
) -> Result<Vec<PathBuf>, crate::store::SaveError> {
    std::fs::create_dir_all(folder).map_err(|source| crate::store::SaveError {
        file: folder.to_path_buf(),
        step: "creating the folder",
        source,
    })?;
    let mut written = Vec::new();
    for (name, bytes) in [
        ("actions.csv", actions(plan, lang)),
        ("funding.csv", funding(plan, lang)),
        ("indicators.csv", indicators(plan, lang)),
    ] {
        let path = folder.join(name);
        crate::store::atomic::write_with(&path, how, |w| w.write_all(&bytes))?;
        written.push(path);
    }
    Ok(written)
}
