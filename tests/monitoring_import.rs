//! `lap-studio monitoring import|export`, run as a user runs them: indicator values from a
//! department's CSV or xlsx into a monitoring round, all or nothing unless bad rows are skipped.

use std::path::{Path, PathBuf};

use lap_studio::model::{Date, Plan};

mod common;
use common::*;

const SOFIA: &str = "plan-templates/sofia-open-cities.ron";

/// A copy of the Sofia sample in a fresh folder: the folder, the plan file and the plan.
fn sofia() -> (tempfile::TempDir, PathBuf, Plan) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sofia.ron");
    std::fs::copy(SOFIA, &file).unwrap();
    let plan = lap_studio::store::load(&file).unwrap();
    (dir, file, plan)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The value the plan's round `round` has for indicator `code` in `year`.
fn value(plan: &Plan, round: &str, code: &str, year: i32) -> Option<f64> {
    let r = plan.monitoring.round(&round.into())?;
    let ind = plan.indicators.iter().find(|i| i.code == code)?;
    r.actuals
        .iter()
        .find(|a| a.indicator == ind.id && a.date.or(r.date).map(Date::year) == Some(year))
        .map(|a| a.value)
}

#[test]
fn a_bad_row_is_reported_by_line_and_nothing_is_imported() {
    let (dir, file, plan) = sofia();
    let (a, b) = (&plan.indicators[0].code, &plan.indicators[1].code);
    let table = dir.path().join("actuals.csv");
    std::fs::write(
        &table,
        format!(
            "Indicator code,Date or year,Value,Source\n{a},2026,\"1,450.5\",registry\nNO-SUCH,2026,3,x\n{b},2026,abc,x\n"
        ),
    )
    .unwrap();
    let before = std::fs::read(&file).unwrap();
    let o = lap(&["monitoring", "import", s(&file), s(&table)]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Nothing was imported"), "{out}");
    assert!(out.contains("Line 3:") && out.contains("NO-SUCH"), "{out}");
    assert!(out.contains("Line 4:") && out.contains("abc"), "{out}");
    assert!(!out.contains("Line 2:"), "{out}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the plan is untouched"
    );

    // With --skip-bad: the good row goes into the latest round, the bad ones are listed.
    let latest = plan.monitoring.latest().unwrap().id.to_string();
    let o = lap(&["monitoring", "import", s(&file), s(&table), "--skip-bad"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("One value imported into round"), "{out}");
    assert!(out.contains("2 bad rows skipped"), "{out}");
    assert!(out.contains("Line 3:") && out.contains("Line 4:"), "{out}");
    let after = lap_studio::store::load(&file).unwrap();
    assert_eq!(value(&after, &latest, a, 2026), Some(1450.5));
    assert!(dir.path().join("sofia.ron.bak").exists());
    // Nothing else changed: the rounds aside, the plan is as it was.
    let mut same = after.clone();
    same.monitoring = plan.monitoring.clone();
    assert_eq!(same, plan);
}

#[test]
fn bulgarian_numbers_into_a_new_round_and_an_adopted_plan_takes_them() {
    let (dir, file, mut plan) = sofia();
    plan.facts.status = lap_studio::model::PlanStatus::Adopted;
    lap_studio::store::save(&file, &plan).unwrap();
    let fingerprint = lap_studio::store::fingerprint(&plan);
    let a = plan.indicators[0].code.clone();
    let table = dir.path().join("actuals.csv");
    std::fs::write(
        &table,
        format!("Код на индикатора;Дата или година;Стойност;Източник\n{a};2027 г.;1 450,5;НСИ\n"),
    )
    .unwrap();
    let o = lap(&[
        "monitoring",
        "import",
        s(&file),
        s(&table),
        "--new-round",
        "31.12.2027",
        "--lang",
        "bg",
    ]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("Внесена е една стойност"),
        "{}",
        stdout(&o)
    );
    let after = lap_studio::store::load(&file).unwrap();
    assert_eq!(
        after.monitoring.rounds.len(),
        plan.monitoring.rounds.len() + 1
    );
    let new = after.monitoring.latest().unwrap();
    assert_eq!(new.date, Date::new(2027, 12, 31));
    assert_eq!(value(&after, new.id.as_str(), &a, 2027), Some(1450.5));
    assert_eq!(lap_studio::store::fingerprint(&after), fingerprint);
    // A round that is not there is named, with the ones that are.
    let o = lap(&[
        "monitoring",
        "import",
        s(&file),
        s(&table),
        "--round",
        "MR-99",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("MR-99"), "{}", stderr(&o));
}

#[test]
fn an_xlsx_written_by_a_department_is_read() {
    use rust_xlsxwriter::Workbook;
    let (dir, file, plan) = sofia();
    let (a, b) = (&plan.indicators[0].code, &plan.indicators[1].code);
    let round = plan.monitoring.rounds[0].id.to_string();
    let table = dir.path().join("actuals.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["Indicator code", "Year", "Value", "Source", "Note"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, a).unwrap();
    ws.write_number(1, 1, 2024).unwrap();
    ws.write_number(1, 2, 1234.5).unwrap();
    ws.write_string(1, 3, "registry").unwrap();
    ws.write_string(2, 0, b).unwrap();
    ws.write_number(2, 1, 2024).unwrap();
    // A number typed as text, the English way.
    ws.write_string(2, 2, "2,500.25").unwrap();
    ws.write_string(2, 4, "estimate").unwrap();
    wb.save(&table).unwrap();
    let o = lap(&[
        "monitoring",
        "import",
        s(&file),
        s(&table),
        "--round",
        &round,
    ]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let after = lap_studio::store::load(&file).unwrap();
    assert_eq!(value(&after, &round, a, 2024), Some(1234.5));
    assert_eq!(value(&after, &round, b, 2024), Some(2500.25));
    let r = after.monitoring.round(&round.as_str().into()).unwrap();
    assert!(r.actuals.iter().any(|x| x.note == "estimate"));
}

#[test]
fn an_export_is_a_table_to_fill_in_that_imports_back() {
    let (dir, file, plan) = sofia();
    for name in ["out.csv", "out.xlsx"] {
        let table = dir.path().join(name);
        let o = lap(&["monitoring", "export", s(&file), "-o", s(&table)]);
        assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
        // The rows left empty for the department are bad rows until filled in: skipped, the
        // round is the same.
        let o = lap(&["monitoring", "import", s(&file), s(&table), "--skip-bad"]);
        assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
        assert!(
            stdout(&o).contains("no value (fill it in"),
            "{}",
            stdout(&o)
        );
        let after = lap_studio::store::load(&file).unwrap();
        assert_eq!(after, plan, "{name}");
    }
}
