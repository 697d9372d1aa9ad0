//! The tables of the report, built once from the plan and drawn by both the PDF and the HTML
//! export.

use std::collections::HashMap;

use crate::analysis::{self, budget};
use crate::i18n::tr;
use crate::model::catalogue::{self, Catalogue};
use crate::model::*;

use super::layout::Column;

/// Column headers (with their share of the width and alignment) and rows of text.
#[derive(Clone, Debug)]
pub struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, one text per column.
    pub rows: Vec<Vec<String>>,
    /// The rows (indices) that are totals or subtotals, set apart.
    pub totals: Vec<usize>,
}

impl Table {
    /// A table without totals.
    pub fn new(columns: Vec<Column>, rows: Vec<Vec<String>>) -> Self {
        Table {
            columns,
            rows,
            totals: Vec::new(),
        }
    }

    /// This table with its last row a total.
    fn last_is_total(mut self) -> Self {
        if !self.rows.is_empty() {
            self.totals.push(self.rows.len() - 1);
        }
        self
    }
}

pub(super) fn t(lang: Lang, key: &str) -> String {
    tr(lang, key)
}

/// Decimals shown at most for a value of the plan (evidence, indicators, openness values,
/// targets); fewer when it needs fewer.
const VALUE_DECIMALS: usize = 4;

/// A value of the plan as people write it in `lang`: grouped, no ".0" on whole numbers
/// (`1 221 172`, `2,9` / `1,221,172`, `2.9`).
pub(super) fn num(lang: Lang, v: f64) -> String {
    format::decimal_up_to(lang, v, VALUE_DECIMALS)
}

/// A change of such a value, signed: `+1 150`, `-2,5`.
pub(super) fn num_change(lang: Lang, v: f64) -> String {
    format::change_up_to(lang, v, VALUE_DECIMALS)
}

/// Most characters of an item's name where another item refers to it (the item's own place
/// shows it whole).
const REF_CHARS: usize = 100;

/// Most references listed in one field or cell; the rest are counted ("… (+12)").
pub const MAX_REFS: usize = 50;

/// `text` cut to a reference's length, with "…".
pub(super) fn short(text: &str) -> String {
    match text.char_indices().nth(REF_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// References joined by `sep`: at most [`MAX_REFS`], then how many more.
pub(super) fn refs(items: impl IntoIterator<Item = String>, sep: &str) -> String {
    let mut shown: Vec<String> = Vec::new();
    let mut more = 0usize;
    for item in items {
        if shown.len() < MAX_REFS {
            shown.push(item);
        } else {
            more += 1;
        }
    }
    let mut out = shown.join(sep);
    if more > 0 {
        out.push_str(&format!("{sep}… (+{more})"));
    }
    out
}

/// A span of months, in the long form of `lang`.
pub(super) fn period(lang: Lang, s: Option<YearMonth>, e: Option<YearMonth>) -> String {
    format::month_range(lang, s, e)
}

/// An amount for a table cell: no currency (the column header names it), so it never wraps.
pub(super) fn amount(lang: Lang, m: Money) -> String {
    format::amount(lang, m)
}

/// A column header with the currency: "Стойност, EUR".
pub(super) fn with_currency(lang: Lang, plan: &Plan, key: &str) -> String {
    format!("{}, {}", t(lang, key), plan.facts.currency)
}

/// The code of an action's objective, from objectives indexed by id.
pub(super) fn objective_code(
    objectives: &HashMap<&ObjectiveId, &StrategicObjective>,
    a: &Action,
) -> String {
    a.objective
        .as_ref()
        .and_then(|o| objectives.get(o))
        .map(|o| o.code.clone())
        .unwrap_or_default()
}

/// Items by id (the first of each id, as a search from the start finds it).
pub(super) fn by_id<'a, T, K: std::hash::Hash + Eq + 'a>(
    items: impl IntoIterator<Item = &'a T>,
    id: impl Fn(&'a T) -> &'a K,
) -> HashMap<&'a K, &'a T>
where
    T: 'a,
{
    let mut map = HashMap::new();
    for item in items {
        map.entry(id(item)).or_insert(item);
    }
    map
}

/// The evidence table.
pub fn evidence(plan: &Plan, lang: Lang) -> Table {
    let cols = [
        Column::new(t(lang, "pdf-indicator"), 4.0),
        Column::right(t(lang, "pdf-value"), 1.6),
        Column::new(t(lang, "pdf-unit"), 1.2),
        Column::right(t(lang, "pdf-year"), 1.0),
        Column::new(t(lang, "pdf-source"), 3.2),
    ];
    let rows: Vec<Vec<String>> = plan
        .context
        .evidence
        .iter()
        .map(|e| {
            vec![
                e.label.clone(),
                e.value.map(|v| num(lang, v)).unwrap_or_default(),
                e.unit.clone(),
                e.year.map(|y| y.to_string()).unwrap_or_default(),
                e.source.clone(),
            ]
        })
        .collect();
    Table::new(cols.to_vec(), rows)
}

/// The members table.
pub fn members(plan: &Plan, lang: Lang) -> Table {
    let cols = [
        Column::new(t(lang, "pdf-organisation"), 4.0),
        Column::new(t(lang, "pdf-sector"), 1.6),
        Column::new(t(lang, "pdf-role"), 3.2),
        Column::new(t(lang, "pdf-influence-interest"), 1.4),
    ];
    let rows: Vec<Vec<String>> = plan
        .support_group
        .members
        .iter()
        .map(|m| {
            vec![
                m.organisation.clone(),
                m.sector.label(lang).to_owned(),
                m.role.clone(),
                format!("{} / {}", m.influence.label(lang), m.interest.label(lang)),
            ]
        })
        .collect();
    Table::new(cols.to_vec(), rows)
}

/// The actions table.
pub fn actions(plan: &Plan, lang: Lang) -> Table {
    let objectives = by_id(&plan.objectives, |o| &o.id);
    let cols = [
        Column::new(t(lang, "pdf-code"), 0.8),
        // The full title is in the action's details.
        Column::new(t(lang, "pdf-action"), 3.6).max_lines(8),
        Column::new(t(lang, "pdf-objective"), 0.8),
        Column::new(t(lang, "pdf-lead"), 2.4),
        Column::new(t(lang, "pdf-months"), 1.5),
        Column::right(with_currency(lang, plan, "pdf-cost"), 1.8),
        Column::new(t(lang, "pdf-funding"), 1.8),
    ];
    let row = |a: &Action| {
        let sources: Vec<&str> = a.funding.iter().map(|f| f.source.label(lang)).collect();
        let mut sources_unique: Vec<&str> = Vec::new();
        for s in sources {
            if !sources_unique.contains(&s) {
                sources_unique.push(s);
            }
        }
        vec![
            a.code.clone(),
            a.title.clone(),
            objective_code(&objectives, a),
            a.lead.clone(),
            period(lang, a.start, a.end),
            a.cost.map(|c| amount(lang, c)).unwrap_or_default(),
            sources_unique.join(", "),
        ]
    };
    // The actions of each objective (objectives and actions in the order of their codes), each
    // group closed by its
    // subtotal; the actions of no (known) objective last; the total of all at the end.
    let objectives_in_order = plan.objectives_by_code();
    let mut groups: Vec<(String, Vec<&Action>)> = objectives_in_order
        .iter()
        .map(|o| {
            (
                format!("{} {}", t(lang, "pdf-subtotal"), o.code),
                Vec::new(),
            )
        })
        .collect();
    let mut loose: Vec<&Action> = Vec::new();
    let index: HashMap<&ObjectiveId, usize> = objectives_in_order
        .iter()
        .enumerate()
        .map(|(i, o)| (&o.id, i))
        .rev()
        .collect();
    for a in plan.actions_by_code() {
        match a.objective.as_ref().and_then(|o| index.get(o)) {
            Some(i) => groups[*i].1.push(a),
            None => loose.push(a),
        }
    }
    groups.retain(|(_, list)| !list.is_empty());
    let several = groups.len() + usize::from(!loose.is_empty()) > 1;
    if !loose.is_empty() {
        let label = format!("{} ({})", t(lang, "pdf-total"), t(lang, "pdf-no-objective"));
        groups.push((label, loose));
    }
    let mut rows = Vec::with_capacity(plan.actions.len() + groups.len() + 1);
    let mut totals = Vec::new();
    let cost = |list: &[&Action]| {
        list.iter()
            .filter_map(|a| a.cost)
            .fold(Money::ZERO, |s, c| s + c)
    };
    for (label, list) in &groups {
        rows.extend(list.iter().map(|a| row(a)));
        if several {
            totals.push(rows.len());
            rows.push(vec![
                String::new(),
                label.clone(),
                String::new(),
                String::new(),
                String::new(),
                amount(lang, cost(list)),
                String::new(),
            ]);
        }
    }
    let all: Vec<&Action> = plan.actions.iter().collect();
    if all.is_empty() {
        return Table::new(cols.to_vec(), rows);
    }
    totals.push(rows.len());
    rows.push(vec![
        String::new(),
        t(lang, "pdf-total"),
        String::new(),
        String::new(),
        String::new(),
        amount(lang, cost(&all)),
        String::new(),
    ]);
    Table {
        columns: cols.to_vec(),
        rows,
        totals,
    }
}

/// The by source table.
pub fn by_source(plan: &Plan, lang: Lang, b: &analysis::Budget) -> Table {
    let cols = [
        Column::new(t(lang, "pdf-source"), 3.0),
        Column::right(with_currency(lang, plan, "pdf-secured"), 2.0),
        Column::right(with_currency(lang, plan, "pdf-potential"), 2.0),
        Column::right(with_currency(lang, plan, "pdf-total"), 2.0),
        Column::right(t(lang, "pdf-share-percent"), 0.8),
    ];
    let mut rows: Vec<Vec<String>> = b
        .by_source
        .iter()
        .map(|s| {
            vec![
                s.source.label(lang).to_owned(),
                amount(lang, s.secured),
                amount(lang, s.potential),
                amount(lang, s.total()),
                format::decimal(lang, Money::percent_of(s.total(), b.funded()), 1),
            ]
        })
        .collect();
    rows.push(vec![
        t(lang, "pdf-total"),
        amount(lang, b.secured),
        amount(lang, b.potential),
        amount(lang, b.funded()),
        format::decimal(lang, 100.0, 1),
    ]);
    Table::new(cols.to_vec(), rows).last_is_total()
}

/// The pilot budget table.
pub fn pilot_budget(plan: &Plan, lang: Lang, p: &Pilot) -> Table {
    let cols = [
        Column::new(t(lang, "pdf-cost-category"), 2.4),
        Column::new(t(lang, "pdf-note"), 3.2),
        Column::right(with_currency(lang, plan, "pdf-amount"), 1.6),
    ];
    let mut rows: Vec<Vec<String>> = p
        .budget
        .iter()
        .map(|b| {
            vec![
                b.category.label(lang).to_owned(),
                b.note.clone(),
                amount(lang, b.amount),
            ]
        })
        .collect();
    let total = budget::pilot_total(p);
    let mut totals = vec![rows.len()];
    rows.push(vec![
        t(lang, "pdf-total"),
        String::new(),
        amount(lang, total),
    ]);
    if let (Some(rate), Some(share)) = (p.co_financing_rate, budget::pilot_fund_share(p)) {
        totals.push(rows.len());
        rows.push(vec![
            format!(
                "{} ({})",
                t(lang, "pdf-fund-share"),
                format::percent(lang, rate, 2)
            ),
            String::new(),
            amount(lang, share),
        ]);
    }
    Table {
        columns: cols.to_vec(),
        rows,
        totals,
    }
}

/// The indicators table: what each indicator is (name and definition in cells of their own).
pub fn indicators(plan: &Plan, lang: Lang) -> Table {
    let cols = [
        Column::new(t(lang, "pdf-code"), 0.8),
        Column::new(t(lang, "pdf-indicator"), 2.4),
        Column::new(t(lang, "field-definition"), 3.6),
        Column::new(t(lang, "pdf-level"), 1.1),
        Column::new(t(lang, "pdf-unit"), 1.3),
    ];
    let rows: Vec<Vec<String>> = plan
        .indicators_by_code()
        .into_iter()
        .map(|i| {
            vec![
                i.code.clone(),
                i.name.clone(),
                i.definition.clone(),
                i.level.label(lang).to_owned(),
                i.unit.clone(),
            ]
        })
        .collect();
    Table::new(cols.to_vec(), rows)
}

/// How each indicator is measured: baseline (value, year, source), targets, frequency, owner
/// and data source, one datum a cell.
pub fn indicator_measurement(plan: &Plan, lang: Lang) -> Table {
    let cols = [
        Column::new(t(lang, "pdf-code"), 0.8),
        Column::right(t(lang, "pdf-baseline"), 1.2),
        Column::right(t(lang, "pdf-baseline-year"), 1.0),
        Column::new(t(lang, "pdf-baseline-source"), 2.4),
        Column::new(t(lang, "pdf-targets"), 1.4),
        Column::new(t(lang, "field-frequency"), 1.2),
        Column::new(t(lang, "pdf-owner"), 2.0),
        Column::new(t(lang, "field-data-source"), 2.0),
    ];
    let rows: Vec<Vec<String>> = plan
        .indicators_by_code()
        .into_iter()
        .map(|i| {
            let b = i.baseline.as_ref();
            let targets: Vec<String> = i
                .targets
                .iter()
                .map(|t| format!("{}:\u{a0}{}", t.year, num(lang, t.value)))
                .collect();
            vec![
                i.code.clone(),
                b.map(|b| num(lang, b.value)).unwrap_or_default(),
                b.map(|b| b.year.to_string()).unwrap_or_default(),
                b.map(|b| b.source.clone()).unwrap_or_default(),
                targets.join("\n"),
                i.frequency.label(lang).to_owned(),
                i.owner.clone(),
                i.data_source.clone(),
            ]
        })
        .collect();
    Table::new(cols.to_vec(), rows)
}

/// Most cities side by side in one table of openness values; more make further tables.
pub const CITIES_PER_TABLE: usize = 6;

/// The openness values of the latest profile as matrices: a row per indicator (name, unit,
/// which way is better), a column per city, and the years and sources of the row; cities beyond
/// [`CITIES_PER_TABLE`] continue in further tables.
pub fn openness_values(plan: &Plan, lang: Lang) -> Vec<Table> {
    let o = &plan.openness;
    // The latest profile's values: each city's most recent of each indicator.
    let mut values: HashMap<(&OpennessIndicatorId, &CityId), &OpennessValue> = HashMap::new();
    for c in &o.cities {
        for i in o.areas.iter().flat_map(|a| &a.indicators) {
            if let Some(v) = o.latest(&c.id, &i.id) {
                values.insert((&i.id, &c.id), v);
            }
        }
    }
    let mut tables = Vec::new();
    for cities in o.cities.chunks(CITIES_PER_TABLE) {
        let mut cols = vec![Column::new(t(lang, "pdf-indicator"), 3.0).max_lines(6)];
        cols.extend(cities.iter().map(|c| {
            Column::right(c.name.clone(), 1.0)
                .of_item(format!("openness/{}", c.id))
                .max_lines(3)
        }));
        // Every city's year and source, now that values come from several years and sources.
        cols.push(Column::new(t(lang, "pdf-year-source"), 2.6).max_lines(24));
        let mut rows = Vec::new();
        for a in &o.areas {
            for i in &a.indicators {
                let dir = match i.direction {
                    Direction::HigherIsBetter => "↑",
                    Direction::LowerIsBetter => "↓",
                };
                let cells: Vec<Option<&&OpennessValue>> =
                    cities.iter().map(|c| values.get(&(&i.id, &c.id))).collect();
                if cells.iter().all(Option::is_none) {
                    continue;
                }
                // The distinct "year source" of the row's values, in city order.
                let mut notes: Vec<String> = Vec::new();
                for v in cells.iter().flatten() {
                    let note = format!(
                        "{} {}",
                        v.year.map(|y| y.to_string()).unwrap_or_default(),
                        short(&v.source)
                    )
                    .trim()
                    .to_owned();
                    if !note.is_empty() && !notes.contains(&note) {
                        notes.push(note);
                    }
                }
                let mut row = vec![format!("{} ({}) {dir}", short(&i.name), short(&i.unit))];
                row.extend(
                    cells
                        .iter()
                        .map(|v| v.map_or("—".to_owned(), |v| num(lang, v.value))),
                );
                row.push(refs(notes, "; "));
                rows.push(row);
            }
        }
        if !rows.is_empty() {
            tables.push(Table::new(cols, rows));
        }
    }
    tables
}

/// The risks table (the register): each risk's code, title and description in cells of their
/// own.
pub fn risks(plan: &Plan, lang: Lang) -> Table {
    // The codes of the actions each risk threatens, in one pass over the actions.
    let mut threatened: HashMap<&RiskId, Vec<&str>> = HashMap::new();
    for a in plan.actions_by_code() {
        for r in &a.risks {
            threatened.entry(r).or_default().push(&a.code);
        }
    }
    let cols = [
        Column::new(t(lang, "pdf-code"), 0.6),
        Column::new(t(lang, "pdf-risk"), 1.8),
        Column::new(t(lang, "pdf-description"), 2.6),
        Column::new(t(lang, "pdf-likelihood-impact"), 1.6),
        Column::new(t(lang, "pdf-mitigation"), 3.6),
        Column::new(t(lang, "pdf-owner"), 1.6),
        Column::new(t(lang, "pdf-actions"), 1.0),
    ];
    let rows: Vec<Vec<String>> = plan
        .risks
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut acts: Vec<&str> = threatened.get(&r.id).cloned().unwrap_or_default();
            acts.sort_by(|a, b| crate::model::order::compare_codes(a, b));
            acts.dedup();
            vec![
                // The code the risk matrix shows for it.
                super::charts::risk_code(lang, i),
                r.title.clone(),
                r.description.clone(),
                format!("{} / {}", r.likelihood.label(lang), r.impact.label(lang)),
                r.mitigation.clone(),
                r.owner.clone(),
                refs(acts.into_iter().map(short), ", "),
            ]
        })
        .collect();
    Table::new(cols.to_vec(), rows)
}

/// The openness index table.
pub fn openness_index(lang: Lang, idx: &analysis::OpennessIndex) -> Table {
    let mut cols = vec![Column::new(t(lang, "pdf-area"), 3.0).max_lines(4)];
    cols.extend(idx.cities.iter().map(|c| {
        // A column title: cut by the layout (and reported) when long; the mark stays.
        let name = if c.home {
            format!("{} *", short(&c.name))
        } else {
            c.name.clone()
        };
        Column::right(name, 1.0).of_item(format!("openness/{}", c.city))
    }));
    let fmt =
        |v: Option<f64>, d: usize| v.map_or("—".to_owned(), |v| format::decimal(lang, v, d));
    let mut rows: Vec<Vec<String>> = vec![
        std::iter::once(t(lang, "pdf-overall"))
            .chain(idx.cities.iter().map(|c| fmt(c.overall, 1)))
            .collect(),
    ];
    for (a, (_, name)) in idx.areas.iter().enumerate() {
        rows.push(
            std::iter::once(name.clone())
                .chain(idx.cities.iter().map(|c| fmt(c.areas[a], 0)))
                .collect(),
        );
    }
    Table::new(cols.to_vec(), rows)
}

/// The most years a trend table shows: the latest ones (the text names them all).
pub const TREND_YEARS: usize = 8;

/// The trend: a row per city, a column per year (the latest [`TREND_YEARS`]), the overall
/// index of each.
pub fn openness_trend(lang: Lang, trend: &analysis::openness::OpennessTrend) -> Table {
    let skip = trend.years.len().saturating_sub(TREND_YEARS);
    let mut cols = vec![Column::new(t(lang, "pdf-city"), 3.0).max_lines(3)];
    cols.extend(
        trend.years[skip..]
            .iter()
            .map(|y| Column::right(y.to_string(), 1.0)),
    );
    let rows = trend
        .overall()
        .into_iter()
        .map(|(_, name, home, scores)| {
            let name = if home {
                format!("{} *", short(&name))
            } else {
                name
            };
            std::iter::once(name)
                .chain(
                    scores[skip..]
                        .iter()
                        .map(|v| v.map_or("—".to_owned(), |v| format::decimal(lang, v, 1))),
                )
                .collect()
        })
        .collect();
    Table::new(cols, rows)
}

/// "Programme — call" of a funding line or pilot: the catalogue entry's caption, else the text.
pub fn programme_call(
    catalogue: &Catalogue,
    lang: Lang,
    reference: Option<&CallRef>,
    programme: &str,
    call: &str,
) -> String {
    if let Some(e) = reference.and_then(|r| catalogue.resolve(r)) {
        return e.caption(lang);
    }
    [programme, call]
        .iter()
        .filter(|s| !s.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" — ")
}

/// The funding lines table: each line with its programme and call, the stated rate and the
/// programme's maximum for the plan's region.
pub fn funding_lines(plan: &Plan, lang: Lang) -> Table {
    let catalogue = analysis::checks::catalogue_of(plan);
    let region = plan.facts.region_category;
    let cols = [
        Column::new(t(lang, "pdf-code"), 0.7),
        Column::new(t(lang, "pdf-source"), 1.3),
        Column::new(t(lang, "pdf-programme-call"), 3.2),
        Column::right(with_currency(lang, plan, "pdf-amount"), 1.5),
        Column::right(t(lang, "pdf-rate-stated"), 0.9),
        Column::right(t(lang, "pdf-rate-max"), 0.9),
        Column::new(t(lang, "pdf-secured-or-potential"), 1.3),
    ];
    let mut rows: Vec<Vec<String>> = plan
        .funding_lines_by_code()
        .into_iter()
        .map(|(a, f)| {
            let entry = f.catalogue.as_ref().and_then(|r| catalogue.resolve(r));
            vec![
                a.code.clone(),
                f.source.label(lang).to_owned(),
                programme_call(
                    &catalogue,
                    lang,
                    f.catalogue.as_ref(),
                    &f.programme,
                    &f.call,
                ),
                amount(lang, f.amount),
                f.co_financing_rate
                    .map(|r| format::percent(lang, r, 2))
                    .unwrap_or_default(),
                entry
                    .and_then(|e| e.max_rate(region))
                    .map(|r| format::percent(lang, r, 1))
                    .unwrap_or_default(),
                f.status.label(lang).to_owned(),
            ]
        })
        .collect();
    if rows.is_empty() {
        return Table::new(cols.to_vec(), rows);
    }
    let sum = plan
        .funding_lines_by_code()
        .into_iter()
        .fold(Money::ZERO, |s, (_, f)| s + f.amount);
    rows.push(vec![
        String::new(),
        t(lang, "pdf-total"),
        String::new(),
        amount(lang, sum),
        String::new(),
        String::new(),
        String::new(),
    ]);
    Table::new(cols.to_vec(), rows).last_is_total()
}

/// The rules of a catalogue entry as label–value pairs (interface-text keys), for a pilot fiche
/// and the table of calls.
pub fn call_rules(
    plan: &Plan,
    lang: Lang,
    entry: &catalogue::Resolved<'_>,
) -> Vec<(&'static str, String)> {
    entry_rules(lang, entry, plan.facts.region_category, false)
}

/// The rules of a catalogue entry, the one wording of them: with `full`, also the fund, how it
/// is managed, the programme's code and the call's priority (the app shows them beside a
/// funding line; the PDF keeps to what a programme officer checks).
pub fn entry_rules(
    lang: Lang,
    entry: &catalogue::Resolved<'_>,
    region: Option<RegionCategory>,
    full: bool,
) -> Vec<(&'static str, String)> {
    let money = |m: Money| format::money(lang, m, "EUR");
    let date = |d: Option<Date>| d.map(|d| format::date(lang, d));
    let range = |a: Option<String>, b: Option<String>| match (a, b) {
        (None, None) => String::new(),
        (a, b) => format!(
            "{} – {}",
            a.unwrap_or_else(|| "…".into()),
            b.unwrap_or_else(|| "…".into())
        ),
    };
    let p = entry.programme;
    let mut rows = vec![("catalogue-programme", p.name(lang).to_owned())];
    if full {
        rows.push(("catalogue-fund", p.fund.label(lang).to_owned()));
        rows.push(("catalogue-management", p.management.label(lang).to_owned()));
    }
    rows.push(("catalogue-authority", p.managing_authority(lang).to_owned()));
    if full {
        rows.push(("catalogue-cci", p.cci.clone()));
    }
    if let Some(c) = entry.call {
        let call = if c.code.is_empty() {
            c.title(lang).to_owned()
        } else {
            format!("{} ({})", c.title(lang), c.code)
        };
        rows.push(("catalogue-call", call));
        if full {
            rows.push(("catalogue-priority", c.priority.clone()));
        }
        rows.push(("catalogue-open-close", range(date(c.opens), date(c.closes))));
        rows.push((
            "catalogue-grant",
            range(c.min_grant.map(money), c.max_grant.map(money)),
        ));
        if let Some(m) = c.max_duration_months {
            rows.push((
                "catalogue-duration",
                format!(
                    "{} {}",
                    format::integer(lang, u64::from(m)),
                    t(lang, "catalogue-months")
                ),
            ));
        }
        if c.min_partners.is_some() || c.min_countries.is_some() {
            rows.push((
                "catalogue-consortium",
                format!(
                    "{} {} / {} {}",
                    t(lang, "catalogue-min-partners"),
                    c.min_partners.map_or("—".into(), |n| n.to_string()),
                    t(lang, "catalogue-min-countries"),
                    c.min_countries.map_or("—".into(), |n| n.to_string())
                ),
            ));
        }
    }
    rows.push(("catalogue-max-rate", entry.max_rate_text(lang, region)));
    rows.push((
        "catalogue-eligible-until",
        date(entry.eligible_until()).unwrap_or_default(),
    ));
    rows.push((
        "catalogue-applicants",
        entry
            .applicants()
            .iter()
            .map(|s| s.label(lang))
            .collect::<Vec<_>>()
            .join(", "),
    ));
    // The source a reader checks first: the call's own, else the programme's.
    let source = entry
        .call
        .map(|c| c.sources.as_slice())
        .unwrap_or_default()
        .iter()
        .chain(&p.sources)
        .find(|s| s.is_complete())
        .map(|s| source_text(lang, &s.title, &s.publisher, &s.url, s.as_of))
        .unwrap_or_default();
    rows.push(("catalogue-source", source));
    rows.retain(|(_, v)| !v.trim().is_empty());
    rows
}

/// A source as a reference list writes it: "Title. Publisher. URL (as of 29.11.2026)".
pub fn source_text(
    lang: Lang,
    title: &str,
    publisher: &str,
    url: &str,
    as_of: Option<Date>,
) -> String {
    let mut parts: Vec<String> = [title, publisher, url]
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.trim().to_owned())
        .collect();
    if let Some(d) = as_of {
        parts.push(format!(
            "{} {}",
            t(lang, "catalogue-as-of"),
            format::date(lang, d)
        ));
    }
    parts.join(". ")
}

/// The calls the plan's funding lines and pilots refer to, with their rules: what a programme
/// officer reads first.
pub fn calls_used(plan: &Plan, lang: Lang) -> Table {
    let catalogue = analysis::checks::catalogue_of(plan);
    let mut seen: Vec<&CallRef> = Vec::new();
    for r in plan
        .funding_lines_by_code()
        .into_iter()
        .filter_map(|(_, f)| f.catalogue.as_ref())
        .chain(plan.pilots.iter().filter_map(|p| p.catalogue.as_ref()))
    {
        if !seen.contains(&r) {
            seen.push(r);
        }
    }
    let cols = [
        Column::new(t(lang, "pdf-programme-call"), 3.0),
        Column::new(t(lang, "pdf-call-rules"), 5.0),
    ];
    let rows = seen
        .into_iter()
        .filter_map(|r| catalogue.resolve(r))
        // The municipal budget has no rules to show.
        .filter(|e| e.programme.management != catalogue::Management::Domestic || e.call.is_some())
        .map(|e| {
            let rules = call_rules(plan, lang, &e)
                .into_iter()
                .filter(|(k, _)| {
                    !matches!(
                        *k,
                        "catalogue-programme" | "catalogue-call" | "catalogue-sources"
                    )
                })
                .map(|(k, v)| format!("{}: {v}", t(lang, k)))
                .collect::<Vec<_>>()
                .join("; ");
            vec![e.caption(lang), rules]
        })
        .collect();
    Table::new(cols.to_vec(), rows)
}

/// The plan's list of sources, for the annex.
pub fn sources(plan: &Plan, lang: Lang) -> Table {
    let cols = [
        Column::new(t(lang, "pdf-source-id"), 0.8),
        Column::new(t(lang, "pdf-source-ref"), 5.2),
        Column::new(t(lang, "pdf-source-supports"), 2.6),
    ];
    let rows = plan
        .sources
        .iter()
        .map(|s| {
            vec![
                s.id.to_string(),
                source_text(lang, &s.title, &s.publisher, &s.url, s.accessed),
                s.supports.clone(),
            ]
        })
        .collect();
    Table::new(cols.to_vec(), rows)
}

/// The plan's good practices: title and city, themes, what was found of results and cost,
/// and the actions that adapt each (by code).
pub fn practices(plan: &Plan, lang: Lang) -> Table {
    let cols = [
        Column::new(t(lang, "pdf-practice"), 2.4),
        Column::new(t(lang, "pdf-practice-city"), 1.3),
        Column::new(t(lang, "pdf-practice-themes"), 2.0),
        Column::new(t(lang, "pdf-practice-evidence"), 3.4),
        Column::new(t(lang, "pdf-practice-cost"), 1.6),
        Column::new(t(lang, "pdf-practice-adapted-by"), 1.0),
    ];
    let rows = plan
        .practices
        .iter()
        .map(|p| {
            let mut by: Vec<&str> = plan
                .actions
                .iter()
                .filter(|a| a.adapts.as_ref().is_some_and(|r| r.practice == p.id))
                .map(|a| a.code.as_str())
                .collect();
            by.sort_by(|a, b| crate::model::order::compare_codes(a, b));
            let place = if p.country.trim().is_empty() {
                p.city.clone()
            } else {
                format!("{} ({})", p.city, p.country)
            };
            let themes: Vec<&str> = p.themes.iter().map(|x| x.label(lang)).collect();
            let found = |s: &str| {
                if s.trim().is_empty() {
                    t(lang, "pdf-not-found")
                } else {
                    s.to_owned()
                }
            };
            vec![
                format!("{}  {}", p.id, p.title),
                place,
                themes.join("; "),
                found(&p.evidence),
                found(&p.cost),
                refs(by.into_iter().map(short), ", "),
            ]
        })
        .collect();
    Table::new(cols.to_vec(), rows)
}

/// Every source of the plan's practices: the practice, what the source is, its address and
/// date.
pub fn practice_sources(plan: &Plan, lang: Lang) -> Table {
    let cols = [
        Column::new(t(lang, "pdf-practice"), 0.8),
        Column::new(t(lang, "pdf-source-title"), 2.6),
        Column::new(t(lang, "pdf-source-url"), 4.4),
        Column::new(t(lang, "pdf-source-as-of"), 1.4),
    ];
    let rows = plan
        .practices
        .iter()
        .flat_map(|p| {
            p.sources.iter().map(move |s| {
                vec![
                    p.id.to_string(),
                    s.title.clone(),
                    s.url.clone(),
                    s.as_of.clone(),
                ]
            })
        })
        .collect();
    Table::new(cols.to_vec(), rows)
}

/// The actions that adapt a practice, in the order of their codes, with the practice.
pub fn adapting_actions(plan: &Plan) -> Vec<(&Action, &PracticeRef, Option<&GoodPractice>)> {
    plan.actions_by_code()
        .into_iter()
        .filter_map(|a| {
            let r = a.adapts.as_ref()?;
            Some((a, r, plan.practice(&r.practice)))
        })
        .collect()
}

/// The Understand–Adapt–Re-use notes of an adapting action as (label key, text) pairs; an
/// empty note says it is still to be written.
pub fn transfer_notes(lang: Lang, r: &PracticeRef) -> Vec<(String, String)> {
    [
        ("pdf-uar-understood", &r.understood),
        ("pdf-uar-adapted", &r.adapted),
        ("pdf-uar-why", &r.why),
        ("pdf-uar-reused", &r.reused_as_is),
    ]
    .into_iter()
    .map(|(k, v)| {
        let text = if v.trim().is_empty() {
            t(lang, "pdf-uar-missing")
        } else {
            v.clone()
        };
        (t(lang, k), text)
    })
    .collect()
}

/// The exchange and participation register, by date.
pub fn exchanges(plan: &Plan, lang: Lang) -> Table {
    let codes = by_id(&plan.actions, |a| &a.id);
    let cols = [
        Column::new(t(lang, "pdf-date"), 1.1),
        Column::new(t(lang, "pdf-exchange-kind"), 1.3),
        Column::new(t(lang, "pdf-exchange"), 2.4),
        Column::new(t(lang, "pdf-exchange-organisers"), 1.8),
        Column::new(t(lang, "pdf-exchange-participants"), 1.9),
        Column::new(t(lang, "pdf-exchange-outcome"), 3.2),
        Column::new(t(lang, "pdf-actions"), 0.9),
    ];
    let mut list: Vec<&Exchange> = plan.exchanges.iter().collect();
    // Undated entries last, in file order (the sort is stable).
    list.sort_by_key(|x| (x.date.is_none(), x.date));
    let rows = list
        .into_iter()
        .map(|x| {
            let by_sector: Vec<String> = x
                .participants
                .iter()
                .filter(|p| p.count > 0)
                .map(|p| {
                    format!(
                        "{} {}",
                        p.sector.label(lang),
                        format::integer(lang, p.count)
                    )
                })
                .collect();
            let mut who = format!(
                "{}: {}",
                t(lang, "pdf-total"),
                format::integer(lang, x.participants_total())
            );
            if !by_sector.is_empty() {
                who = format!("{who} ({})", by_sector.join("; "));
            }
            if let Some(m) = x.migrant_background {
                who = format!(
                    "{who}; {} {}",
                    t(lang, "pdf-exchange-migrant-background"),
                    format::integer(lang, m)
                );
            }
            let place = if x.place.trim().is_empty() {
                x.title.clone()
            } else {
                format!("{} — {}", x.title, x.place)
            };
            let mut actions: Vec<&str> = x
                .actions
                .iter()
                .filter_map(|id| codes.get(id).map(|a| a.code.as_str()))
                .collect();
            actions.sort_by(|a, b| crate::model::order::compare_codes(a, b));
            let outcome = if x.note.trim().is_empty() {
                x.outcome.clone()
            } else {
                format!("{}\n({})", x.outcome, x.note)
            };
            vec![
                x.date.map(|d| format::date(lang, d)).unwrap_or_default(),
                x.kind.label(lang).to_owned(),
                place,
                x.organisers.join("; "),
                who,
                outcome,
                refs(actions.into_iter().map(short), ", "),
            ]
        })
        .collect();
    Table::new(cols.to_vec(), rows)
}

/// A consultation's comments with the plan's responses.
pub fn consultation_comments(lang: Lang, x: &Exchange) -> Table {
    let cols = [
        Column::new(t(lang, "pdf-comment-from"), 1.6),
        Column::new(t(lang, "pdf-comment-text"), 4.0),
        Column::new(t(lang, "pdf-comment-response"), 4.0),
    ];
    let rows = x
        .comments
        .iter()
        .map(|c| {
            let response = if c.response.trim().is_empty() {
                t(lang, "pdf-comment-no-response")
            } else {
                c.response.clone()
            };
            vec![c.from.clone(), c.text.clone(), response]
        })
        .collect();
    Table::new(cols.to_vec(), rows)
}

/// Which network file the plan's openness framework came from, in words: "OPEN Cities, version
/// 2 of 1.12.2026"; `None` when it came from none.
pub fn network_line(plan: &Plan, lang: Lang) -> Option<String> {
    let n = plan.network.as_ref()?;
    let mut text = format!(
        "{}, {} {}",
        n.name,
        t(lang, "pdf-network-version"),
        n.version
    );
    if let Some(d) = n.date {
        text = format!("{text} ({})", format::date(lang, d));
    }
    Some(text)
}
