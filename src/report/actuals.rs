//! A monitoring round's indicator values as a table for a department to fill in: a row for
//! each value the round has and one, value empty, for each indicator it has none of in its
//! year. Its columns are the ones [`store::actuals`](crate::store::actuals) reads back, with
//! the indicator's name and unit beside the code for the person filling it in (the import
//! ignores them), so a table exported, filled in and imported again round-trips.

use std::path::Path;

use super::sheets::{Cell, Sheet};
use super::values::{plain_number, table_bytes};
use crate::i18n::tr;
use crate::model::{Date, Lang, MonitoringRound, Plan, format};
use crate::store::actuals::COLUMNS;

/// The table of `round`; `numbers_as_text` writes values as text in `lang` (for CSV), else as
/// numbers. Dates and years as `lang` writes them.
pub fn sheet(plan: &Plan, round: &MonitoringRound, lang: Lang, numbers_as_text: bool) -> Sheet {
    let round_year = round.date.unwrap_or_else(Date::today).year();
    // A code identifies only when it is there and no other indicator has it.
    let code = |i: &crate::model::Indicator| {
        let c = i.code.trim();
        if c.is_empty()
            || plan
                .indicators
                .iter()
                .filter(|j| j.code.trim() == c)
                .count()
                > 1
        {
            i.id.to_string()
        } else {
            c.to_owned()
        }
    };
    let mut rows = Vec::new();
    for ind in &plan.indicators {
        let mine: Vec<_> = round
            .actuals
            .iter()
            .filter(|a| a.indicator == ind.id)
            .collect();
        let has_year = mine
            .iter()
            .any(|a| a.date.or(round.date).map(Date::year) == Some(round_year));
        let row = |when: Cell, value: Cell, source: String, note: String| {
            vec![
                Cell::Text(code(ind)),
                Cell::Text(ind.name.clone()),
                Cell::Text(ind.unit.clone()),
                when,
                value,
                Cell::Text(source),
                Cell::Text(note),
            ]
        };
        for a in mine {
            // A value for a whole year is kept without a date in the round's year, at the
            // year's end in others: written as the year, which the import turns back into the
            // same; any other date is written as a date.
            let when = match a.date {
                None => Cell::Integer(i64::from(round_year)),
                Some(d) if (d.month(), d.day()) == (12, 31) && d.year() != round_year => {
                    Cell::Integer(i64::from(d.year()))
                }
                Some(d) => Cell::Text(format::date(lang, d)),
            };
            let value = if numbers_as_text {
                Cell::Text(plain_number(lang, a.value))
            } else {
                Cell::Number(a.value)
            };
            rows.push(row(when, value, a.source.clone(), a.note.clone()));
        }
        if !has_year {
            rows.push(row(
                Cell::Integer(i64::from(round_year)),
                Cell::Empty,
                ind.data_source.clone(),
                String::new(),
            ));
        }
    }
    let [code_key, date_key, value_key, source_key, note_key] = COLUMNS;
    Sheet {
        key: "actuals",
        title: tr(lang, "monitoring-indicators"),
        header: [
            code_key,
            "xlsx-indicator",
            "field-unit",
            date_key,
            value_key,
            source_key,
            note_key,
        ]
        .iter()
        .map(|k| tr(lang, k))
        .collect(),
        rows,
    }
}

/// Writes the table atomically to `path`, CSV or xlsx by its extension (no backup: it can be
/// made again from the plan).
pub fn export_with(
    plan: &Plan,
    round: &MonitoringRound,
    lang: Lang,
    path: &Path,
    how: crate::store::atomic::Replace,
) -> Result<(), crate::store::SaveError> {
    let bytes = table_bytes(|as_text| sheet(plan, round, lang, as_text), path)?;
    crate::store::atomic::write_with(path, how, |w| w.write_all(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::actuals::read;
    use crate::store::values::{TableFormat, rows};

    #[test]
    fn an_export_reads_back_into_the_same_round_in_either_format() {
        let plan = crate::store::templates::find("sofia-open-cities")
            .unwrap()
            .plan()
            .unwrap();
        let round = plan.monitoring.latest().unwrap();
        assert!(!round.actuals.is_empty());
        for lang in [Lang::Bg, Lang::En] {
            let csv = crate::report::csv::table(sheet(&plan, round, lang, true));
            let mut wb = rust_xlsxwriter::Workbook::new();
            crate::report::xlsx::add(&mut wb, &sheet(&plan, round, lang, false)).unwrap();
            let xlsx = wb.save_to_buffer().unwrap();
            for (bytes, kind) in [(csv, TableFormat::Csv), (xlsx, TableFormat::Xlsx)] {
                let rows = rows(&bytes, kind, lang).unwrap();
                let got = read(&plan, &rows, round.date, Lang::En, lang).unwrap();
                assert_eq!(got.number_lang, lang);
                let back: Vec<_> = got.actuals.into_iter().map(|(_, a)| a).collect();
                let mut want = round.actuals.clone();
                want.sort_by_key(|a| plan.indicators.iter().position(|i| i.id == a.indicator));
                assert_eq!(back, want, "{lang:?} {kind:?}");
                // The indicators without a value of the round's year are rows to fill in.
                let empty = got.bad.iter().filter(|e| e.line > 1).count();
                let without = plan
                    .indicators
                    .iter()
                    .filter(|i| {
                        !round.actuals.iter().any(|a| {
                            a.indicator == i.id
                                && a.date.or(round.date).map(Date::year)
                                    == round.date.map(Date::year)
                        })
                    })
                    .count();
                assert_eq!(empty, without, "{:?}", got.bad);
            }
        }
    }
}
