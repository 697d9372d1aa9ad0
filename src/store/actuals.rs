//! Reading indicator actuals (CSV or xlsx) into a monitoring round, because the figures come
//! from departments' spreadsheets.
//!
//! The first row names the columns — indicator code, date or year, value, source, note, in
//! English or Bulgarian, in any order; source and note may be left out, other columns are
//! ignored. An indicator is named by its code (or id), any case. A date or year is a whole year
//! (it stands for the end of that year, or for the round's date in the round's own year), or a
//! date as either language writes it; empty, the round's date. A value is a number as the
//! file's language writes it (`1 450,5` or `1,450.5`): the language of its header, or the
//! plan's when the header does not tell. Every bad row is reported with its line and what is
//! wrong; the caller imports nothing unless asked to skip them. Rows are read by
//! [`values`](super::values), which bounds the file and undoes a CSV export's apostrophes.

use std::collections::HashMap;
use std::path::Path;

use super::values::{self, ImportError, RawCell, Row, RowError, TableFormat};
use crate::i18n::{FluentArg, tr, tr_args};
use crate::model::{Date, IndicatorActual, Lang, MonitoringRound, MonitoringRoundId, Plan, format};

/// The header keys, in column order: indicator code, date or year, value, source, note (the
/// export writes them in the plan's language, with the indicator's name and unit beside; the
/// import takes either language's and ignores other columns).
pub const COLUMNS: [&str; 5] = [
    "actuals-col-code",
    "actuals-col-date",
    "xlsx-value",
    "xlsx-source",
    "monitoring-note",
];

/// Other names a column is known by: a plain "Code", "Year" or "Date".
const CODE_NAMES: [&str; 2] = ["actuals-col-code", "field-code"];
const DATE_NAMES: [&str; 3] = ["actuals-col-date", "xlsx-year", "field-date"];

/// What a table gave: the good rows' values with their lines, every bad row, and the language
/// the numbers were read in.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The values, each with its line.
    pub actuals: Vec<(usize, IndicatorActual)>,
    /// The rows that are wrong, in file order.
    pub bad: Vec<RowError>,
    /// The language the file's numbers were read as.
    pub number_lang: Lang,
}

/// The round values go into.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// The latest round.
    Latest,
    /// The round with this id.
    Round(MonitoringRoundId),
    /// A new round with this date (the latest progress carried over).
    New(Date),
}

/// The round `target` names, as it is now (a new one not yet added); messages name `file`.
pub fn round_for(
    plan: &Plan,
    target: &Target,
    file: &str,
    lang: Lang,
) -> Result<MonitoringRound, String> {
    match target {
        Target::New(date) => Ok(plan.new_round(*date)),
        Target::Latest => plan
            .monitoring
            .latest()
            .cloned()
            .ok_or_else(|| tr_args(lang, "actuals-no-round", &[("file", file.into())])),
        Target::Round(id) => plan.monitoring.round(id).cloned().ok_or_else(|| {
            let all: Vec<String> = plan
                .monitoring
                .history(None)
                .iter()
                .map(|r| r.id.to_string())
                .collect();
            tr_args(
                lang,
                "actuals-unknown-round",
                &[
                    ("file", file.into()),
                    ("round", id.to_string().into()),
                    ("rounds", all.join(", ").into()),
                ],
            )
        }),
    }
}

/// The year a value of `round` counts for.
fn year_of(a: &IndicatorActual, round_date: Option<Date>) -> Option<i32> {
    a.date.or(round_date).map(Date::year)
}

/// The date a value given for a whole year is kept with: none (the round's date) in the
/// round's own year, else the end of that year — as the Monitoring step's grid keeps it.
pub fn date_of_year(year: i32, round_date: Option<Date>) -> Option<Date> {
    if round_date.map(Date::year) == Some(year) {
        None
    } else {
        Date::new(year, 12, 31)
    }
}

/// Reads the rows against the plan's indicators, for a round dated `round_date`; numbers are
/// read in the header's language or else in `plan_lang`, messages are in `lang`. `Err` only
/// when the file is not a table of actuals at all (no header, a column missing, no rows).
pub fn read(
    plan: &Plan,
    rows: &[Row],
    round_date: Option<Date>,
    plan_lang: Lang,
    lang: Lang,
) -> Result<Imported, ImportError> {
    let line_arg = |line: usize| -> FluentArg { format::integer(lang, line as u64).into() };
    let say = |line: usize, key: &str, args: &[(&str, FluentArg)]| {
        let mut all = vec![("line", line_arg(line))];
        all.extend(args.iter().cloned());
        RowError {
            line,
            message: tr_args(lang, key, &all),
        }
    };
    let Some((header_line, names)) = values::header(rows) else {
        return Err(ImportError::Unreadable(tr(lang, "actuals-import-empty")));
    };
    let code_col = values::column(&names, &CODE_NAMES);
    let date_col = values::column(&names, &DATE_NAMES);
    let value_col = values::column(&names, &[COLUMNS[2]]);
    let source_col = values::column(&names, &[COLUMNS[3]]);
    let note_col = values::column(&names, &[COLUMNS[4]]);
    let missing: Vec<RowError> = [(COLUMNS[0], code_col), (COLUMNS[2], value_col)]
        .into_iter()
        .filter(|(_, c)| c.is_none())
        .map(|(key, _)| {
            say(
                header_line,
                "actuals-import-no-column",
                &[("column", tr(lang, key).into())],
            )
        })
        .collect();
    let (Some((code_col, _)), Some((value_col, _))) = (code_col, value_col) else {
        return Err(ImportError::Rows(missing));
    };
    // The header's language is the file's: a department's spreadsheet writes its numbers the
    // way it writes its words.
    let langs: Vec<Lang> = [
        Some((code_col, None)),
        date_col,
        Some((value_col, None)),
        source_col,
        note_col,
    ]
    .into_iter()
    .flatten()
    .filter_map(|(_, l)| l)
    .collect();
    let number_lang = match langs.first() {
        Some(first) if langs.iter().all(|l| l == first) => *first,
        _ => plan_lang,
    };
    let mut out = Imported {
        actuals: Vec::new(),
        bad: Vec::new(),
        number_lang,
    };
    let mut first_line: HashMap<(String, Option<i32>), usize> = HashMap::new();
    for (line, row) in rows.iter().filter(|(l, _)| *l > header_line) {
        let line = *line;
        if row.iter().all(RawCell::is_empty) {
            continue;
        }
        let mut errors: Vec<RowError> = Vec::new();
        let code = values::cell_text(row.get(code_col));
        let found: Vec<_> = match plan
            .indicators
            .iter()
            .find(|i| i.id.as_str().eq_ignore_ascii_case(&code))
        {
            Some(i) => vec![i],
            None => plan
                .indicators
                .iter()
                .filter(|i| i.code.trim().to_lowercase() == code.to_lowercase())
                .collect(),
        };
        let indicator = match found.as_slice() {
            _ if code.is_empty() => {
                errors.push(say(line, "actuals-import-no-code", &[]));
                None
            }
            [i] => Some(*i),
            [] => {
                errors.push(say(
                    line,
                    "actuals-import-unknown-code",
                    &[("code", code.clone().into())],
                ));
                None
            }
            _ => {
                errors.push(say(
                    line,
                    "actuals-import-ambiguous-code",
                    &[("code", code.clone().into())],
                ));
                None
            }
        };
        let cell = date_col.and_then(|(c, _)| row.get(c));
        let date = match (cell, values::year(cell)) {
            (Some(RawCell::Date(d)), _) => Ok(Some(*d)),
            (_, Ok(None)) => Ok(None),
            (_, Ok(Some(y))) => Ok(date_of_year(y, round_date)),
            (_, Err(text)) => {
                // Day, month and year forms of the two languages do not overlap.
                let other = match number_lang {
                    Lang::Bg => Lang::En,
                    Lang::En => Lang::Bg,
                };
                format::parse_date(number_lang, &text)
                    .or_else(|_| format::parse_date(other, &text))
                    .map(Some)
                    .map_err(|e| (text, e))
            }
        };
        let date = match date {
            Ok(d) => Some(d),
            Err((text, e)) => {
                errors.push(say(
                    line,
                    "actuals-import-bad-date",
                    &[("date", text.into()), ("error", e.message(lang).into())],
                ));
                None
            }
        };
        let value = match values::number(row.get(value_col), number_lang) {
            Some(Ok(v)) => Some(v),
            None => {
                errors.push(say(line, "actuals-import-no-value", &[]));
                None
            }
            Some(Err(e)) => {
                errors.push(say(
                    line,
                    "actuals-import-bad-value",
                    &[("error", e.message(lang).into())],
                ));
                None
            }
        };
        let text_of = |col: Option<(usize, Option<Lang>)>| {
            col.map(|(c, _)| values::cell_text(row.get(c)))
                .unwrap_or_default()
        };
        let (Some(indicator), Some(date), Some(value)) = (indicator, date, value) else {
            out.bad.extend(errors);
            continue;
        };
        let actual = IndicatorActual {
            indicator: indicator.id.clone(),
            value,
            date,
            source: text_of(source_col),
            note: text_of(note_col),
        };
        // One value of an indicator a year, as the grid shows them.
        let year = year_of(&actual, round_date);
        let key = (indicator.id.to_string(), year);
        if let Some(first) = first_line.get(&key) {
            let shown = if indicator.code.trim().is_empty() {
                indicator.id.to_string()
            } else {
                indicator.code.clone()
            };
            out.bad.push(say(
                line,
                "actuals-import-duplicate",
                &[
                    ("code", shown.into()),
                    (
                        "year",
                        year.map_or_else(|| tr(lang, "values-no-year"), |y| y.to_string())
                            .into(),
                    ),
                    ("first", line_arg(*first)),
                ],
            ));
            continue;
        }
        first_line.insert(key, line);
        out.actuals.push((line, actual));
    }
    if out.actuals.is_empty() && out.bad.is_empty() {
        return Err(ImportError::Unreadable(tr(lang, "actuals-import-empty")));
    }
    Ok(out)
}

/// Puts values into the round: each replaces the round's value of its indicator for the same
/// year, the others are added. Returns how many were put.
pub fn apply(
    round: &mut MonitoringRound,
    actuals: impl IntoIterator<Item = IndicatorActual>,
) -> usize {
    let round_date = round.date;
    let mut n = 0;
    for a in actuals {
        let year = year_of(&a, round_date);
        match round
            .actuals
            .iter_mut()
            .find(|x| x.indicator == a.indicator && year_of(x, round_date) == year)
        {
            Some(x) => *x = a,
            None => round.actuals.push(a),
        }
        n += 1;
    }
    n
}

/// The plan's rounds with `round` in place of the one of its id, or added when it is new.
pub fn rounds_with(plan: &Plan, round: MonitoringRound) -> Vec<MonitoringRound> {
    let mut all = plan.monitoring.rounds.clone();
    match all.iter_mut().find(|r| r.id == round.id) {
        Some(r) => *r = round,
        None => all.push(round),
    }
    all
}

/// Reads a table file against `plan` for a round dated `round_date`: the whole of
/// [`values::read_bytes`], [`values::rows`] and [`read`].
pub fn import_file(
    plan: &Plan,
    path: &Path,
    round_date: Option<Date>,
    lang: Lang,
) -> Result<Imported, ImportError> {
    let bytes = values::read_bytes(path, lang)?;
    let rows = values::rows(&bytes, TableFormat::of(path), lang)?;
    read(plan, &rows, round_date, plan.facts.language, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sofia() -> Plan {
        super::super::templates::find("sofia-open-cities")
            .unwrap()
            .plan()
            .unwrap()
    }

    fn csv(text: &str) -> Vec<Row> {
        values::rows(text.as_bytes(), TableFormat::Csv, Lang::En).unwrap()
    }

    fn code(plan: &Plan, k: usize) -> String {
        plan.indicators[k].code.clone()
    }

    #[test]
    fn english_and_bulgarian_headers_give_their_own_numbers() {
        let plan = sofia();
        let (a, b) = (code(&plan, 0), code(&plan, 1));
        let date = Date::new(2026, 12, 15);
        let en = csv(&format!(
            "Indicator code,Date or year,Value,Source,Note\n{a},2026,\"1,450.5\",NSI,first\n{b},30 Jun 2026,12,,\n"
        ));
        let got = read(&plan, &en, date, Lang::Bg, Lang::En).unwrap();
        assert_eq!(got.number_lang, Lang::En);
        assert!(got.bad.is_empty(), "{:?}", got.bad);
        assert_eq!(got.actuals[0].0, 2);
        assert_eq!(got.actuals[0].1.value, 1450.5);
        assert_eq!(got.actuals[0].1.date, None, "the round's own year");
        assert_eq!(got.actuals[0].1.source, "NSI");
        assert_eq!(got.actuals[0].1.note, "first");
        assert_eq!(got.actuals[1].1.date, Date::new(2026, 6, 30));
        let bg = csv(&format!(
            "Код на индикатора;Дата или година;Стойност;Източник\n{a};2025 г.;1 450,5;НСИ\n{b};30.06.2026;12;\n"
        ));
        let got = read(&plan, &bg, date, Lang::En, Lang::Bg).unwrap();
        assert_eq!(got.number_lang, Lang::Bg);
        assert!(got.bad.is_empty(), "{:?}", got.bad);
        assert_eq!(got.actuals[0].1.value, 1450.5);
        assert_eq!(
            got.actuals[0].1.date,
            Date::new(2025, 12, 31),
            "a year's end"
        );
        assert_eq!(got.actuals[1].1.date, Date::new(2026, 6, 30));
    }

    #[test]
    fn every_bad_row_is_named_by_line_and_what_is_wrong() {
        let plan = sofia();
        let a = code(&plan, 0);
        let rows = csv(&format!(
            "Code,Year,Value\n\
             {a},2025,10\n\
             XX-9,2025,1\n\
             {a},20x5,1\n\
             {a},2024,\"1.450,5\"\n\
             {a},2023,\n\
             \n\
             {},2025,11\n\
             ,2025,3\n",
            a.to_lowercase()
        ));
        let got = read(&plan, &rows, Date::new(2025, 12, 31), Lang::Bg, Lang::En).unwrap();
        assert_eq!(got.actuals.len(), 1);
        let lines: Vec<usize> = got.bad.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 6, 8, 9], "{:?}", got.bad);
        let m: Vec<&str> = got.bad.iter().map(|e| e.message.as_str()).collect();
        assert!(m[0].contains("XX-9") && m[0].starts_with("Line 3"), "{m:?}");
        assert!(m[1].contains("20x5"), "{m:?}");
        assert!(m[2].contains("1.450,5"), "{m:?}");
        assert!(m[3].contains("no value"), "{m:?}");
        assert!(m[4].contains("line 2"), "{m:?}");
        assert!(m[5].contains("no indicator code"), "{m:?}");
        // Without a code column: one error, on the header's line.
        let Err(ImportError::Rows(e)) = read(
            &plan,
            &csv("Year,Value\n2025,1\n"),
            None,
            Lang::En,
            Lang::En,
        ) else {
            panic!("a table without codes was read");
        };
        assert_eq!((e.len(), e[0].line), (1, 1), "{e:?}");
    }

    #[test]
    fn a_workbook_reads_numbers_years_and_date_cells() {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let plan = sofia();
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in ["Indicator code", "Date or year", "Value"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, code(&plan, 0)).unwrap();
        ws.write_number(1, 1, 2024).unwrap();
        ws.write_number(1, 2, 3.25).unwrap();
        ws.write_string(2, 0, code(&plan, 1)).unwrap();
        let day = ExcelDateTime::from_ymd(2025, 3, 14).unwrap();
        ws.write_datetime_with_format(2, 1, &day, &Format::new().set_num_format("dd.mm.yyyy"))
            .unwrap();
        ws.write_string(2, 2, "7").unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let rows = values::rows(&bytes, TableFormat::Xlsx, Lang::En).unwrap();
        let got = read(&plan, &rows, Date::new(2025, 12, 31), Lang::Bg, Lang::En).unwrap();
        assert!(got.bad.is_empty(), "{:?}", got.bad);
        assert_eq!(got.actuals[0].1.value, 3.25);
        assert_eq!(got.actuals[0].1.date, Date::new(2024, 12, 31));
        assert_eq!(got.actuals[1].1.date, Date::new(2025, 3, 14));
        assert_eq!(got.actuals[1].1.value, 7.0);
    }

    #[test]
    fn apply_replaces_a_year_and_adds_the_rest() {
        let plan = sofia();
        let mut round = plan.new_round(Date::new(2026, 12, 31).unwrap());
        let ind = plan.indicators[0].id.clone();
        let at = |value: f64, date: Option<Date>| IndicatorActual {
            indicator: ind.clone(),
            value,
            date,
            ..IndicatorActual::default()
        };
        apply(
            &mut round,
            [at(1.0, None), at(2.0, Date::new(2025, 12, 31))],
        );
        apply(&mut round, [at(3.0, Date::new(2026, 6, 30))]);
        let got: Vec<f64> = round.actuals.iter().map(|a| a.value).collect();
        assert_eq!(got, vec![3.0, 2.0]);
        let all = rounds_with(&plan, round.clone());
        assert_eq!(all.len(), plan.monitoring.rounds.len() + 1);
        assert_eq!(
            rounds_with(&plan, plan.monitoring.rounds[0].clone()),
            plan.monitoring.rounds
        );
    }

    #[test]
    fn the_round_is_found_or_named_as_missing() {
        let plan = sofia();
        let latest = plan.monitoring.latest().unwrap().id.clone();
        assert_eq!(
            round_for(&plan, &Target::Latest, "f", Lang::En).unwrap().id,
            latest
        );
        let err = round_for(&plan, &Target::Round("MR-99".into()), "f", Lang::En).unwrap_err();
        assert!(
            err.contains("MR-99") && err.contains(latest.as_str()),
            "{err}"
        );
        let mut empty = plan.clone();
        empty.monitoring.rounds.clear();
        assert!(round_for(&empty, &Target::Latest, "f", Lang::En).is_err());
        let new = round_for(
            &empty,
            &Target::New(Date::new(2027, 1, 31).unwrap()),
            "f",
            Lang::En,
        )
        .unwrap();
        assert_eq!(new.date, Date::new(2027, 1, 31));
    }
}
