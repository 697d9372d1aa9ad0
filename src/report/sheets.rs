//! The plan's tables for spreadsheets, with typed cells: built once here, written as CSV
//! (`csv.rs`, for tools) and as an Excel workbook (`xlsx.rs`, for people), so both carry the
//! same columns.

use crate::analysis::budget::ActionMoney;
use crate::i18n::tr;
use crate::model::{Lang, Money, Plan};

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text, from the plan or ours.
    Text(String),
    /// An amount of money.
    Money(Money),
    /// A number with a fraction (a rate in percent, a value).
    Number(f64),
    /// A whole number (a year).
    Integer(i64),
    /// Nothing.
    Empty,
}

/// A table: its name, its column headers and its rows.
#[derive(Clone, Debug)]
pub struct Sheet {
    /// File stem and sheet key, e.g. `actions`.
    pub key: &'static str,
    /// The sheet's title in the reader's language.
    pub title: String,
    /// Column headers.
    pub header: Vec<String>,
    /// The rows, one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// A text cell.
fn t(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// A money cell.
fn money(m: Money) -> Cell {
    Cell::Money(m)
}

/// A number cell, or an empty cell.
fn num(x: Option<f64>) -> Cell {
    x.map_or(Cell::Empty, Cell::Number)
}

/// A whole-number cell, or an empty cell.
fn int(x: Option<i32>) -> Cell {
    x.map_or(Cell::Empty, |x| Cell::Integer(i64::from(x)))
}

fn h(lang: Lang, keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| tr(lang, k)).collect()
}

/// The actions, one row each, with their money.
pub fn actions(plan: &Plan, lang: Lang) -> Sheet {
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
        .actions_by_code()
        .into_iter()
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
                a.cost.map_or(Cell::Empty, money),
                money(m.secured),
                money(m.potential),
                money(m.unsecured()),
                money(m.gap()),
                ids(a.indicators.iter().map(|x| x.as_str()).collect()),
                ids(a.risks.iter().map(|x| x.as_str()).collect()),
                ids(a.depends_on.iter().map(|x| x.as_str()).collect()),
                ids(a.strategy_goals.iter().map(|x| x.as_str()).collect()),
            ]
        })
        .collect();
    Sheet {
        key: "actions",
        title: tr(lang, "xlsx-actions"),
        header,
        rows,
    }
}

/// Every funding line with its action.
pub fn funding(plan: &Plan, lang: Lang) -> Sheet {
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
    let catalogue = crate::analysis::checks::catalogue_of(plan);
    let rows = plan
        .funding_lines_by_code()
        .into_iter()
        .map(|(a, f)| {
            // The catalogue's names where the line points there, else its own text.
            let entry = f.catalogue.as_ref().and_then(|r| catalogue.resolve(r));
            let (programme, call) = match entry {
                Some(e) => (
                    e.programme.name(lang).to_owned(),
                    e.call
                        .map(|c| match c.code.as_str() {
                            "" => c.title(lang).to_owned(),
                            code => format!("{} ({code})", c.title(lang)),
                        })
                        .unwrap_or_default(),
                ),
                None => (f.programme.clone(), f.call.clone()),
            };
            vec![
                t(a.id.as_str()),
                t(a.code.as_str()),
                t(f.id.as_str()),
                t(f.source.label(lang)),
                t(programme),
                t(call),
                money(f.amount),
                num(f.co_financing_rate),
                t(f.status.label(lang)),
                t(f.note.as_str()),
            ]
        })
        .collect();
    Sheet {
        key: "funding",
        title: tr(lang, "xlsx-funding"),
        header,
        rows,
    }
}

/// The indicators with baselines and targets.
pub fn indicators(plan: &Plan, lang: Lang) -> Sheet {
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
        .indicators_by_code()
        .into_iter()
        .map(|i| {
            let b = i.baseline.as_ref();
            vec![
                t(i.id.as_str()),
                t(i.code.as_str()),
                t(i.name.as_str()),
                t(i.level.label(lang)),
                t(i.definition.as_str()),
                t(i.unit.as_str()),
                num(b.map(|b| b.value)),
                int(b.map(|b| b.year)),
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
    Sheet {
        key: "indicators",
        title: tr(lang, "xlsx-indicators"),
        header,
        rows,
    }
}

/// The openness values: one row per city, indicator and year, with the source.
pub fn openness_values(plan: &Plan, lang: Lang) -> Sheet {
    let o = &plan.openness;
    let header = h(
        lang,
        &[
            "xlsx-city",
            "xlsx-area",
            "xlsx-indicator",
            "field-unit",
            "xlsx-year",
            "xlsx-value",
            "xlsx-source",
        ],
    );
    let rows = o
        .values
        .iter()
        .map(|v| {
            let city = o.cities.iter().find(|c| c.id == v.city);
            let (area, indicator) = o
                .areas
                .iter()
                .find_map(|a| {
                    a.indicators
                        .iter()
                        .find(|i| i.id == v.indicator)
                        .map(|i| (a, i))
                })
                .unzip();
            vec![
                t(city.map(|c| c.name.clone()).unwrap_or_default()),
                t(area.map(|a| a.name.clone()).unwrap_or_default()),
                t(indicator.map(|i| i.name.clone()).unwrap_or_default()),
                t(indicator.map(|i| i.unit.clone()).unwrap_or_default()),
                int(v.year),
                Cell::Number(v.value),
                t(v.source.as_str()),
            ]
        })
        .collect();
    Sheet {
        key: "openness",
        title: tr(lang, "xlsx-openness"),
        header,
        rows,
    }
}

/// Every table, in the order of the plan.
pub fn all(plan: &Plan, lang: Lang) -> Vec<Sheet> {
    vec![
        actions(plan, lang),
        funding(plan, lang),
        indicators(plan, lang),
        openness_values(plan, lang),
    ]
}
