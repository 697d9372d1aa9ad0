//! The command line, run as a user runs it.

use std::path::Path;

use serde_json::Value;

mod common;
use common::*;

const SOFIA: &str = "plan-templates/sofia-open-cities.ron";

#[test]
fn help_lists_every_command() {
    let o = lap(&["--help"]);
    assert!(o.status.success());
    for cmd in [
        "open",
        "templates",
        "new",
        "check",
        "fmt",
        "generate",
        "summary",
    ] {
        assert!(stdout(&o).contains(cmd), "{cmd} missing from --help");
    }
}

#[test]
fn templates_lists_all_three() {
    let o = lap(&["templates", "--format", "json"]);
    assert!(o.status.success());
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "sofia-open-cities",
            "vienna-open-cities",
            "dublin-open-cities",
            "urbact-generic",
            "blank"
        ]
    );
}

#[test]
fn new_writes_a_template_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sofia.ron");
    let out_s = out.to_str().unwrap();
    let o = lap(&["new", "--template", "sofia-open-cities", "-o", out_s]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        std::fs::read_to_string(SOFIA).unwrap()
    );
    let again = lap(&["new", "--template", "blank", "-o", out_s]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        std::fs::read_to_string(SOFIA).unwrap()
    );
    let unknown = lap(&[
        "new",
        "--template",
        "paris",
        "-o",
        dir.path().join("p.ron").to_str().unwrap(),
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains(
        "no template named \"paris\"; there are: sofia-open-cities, vienna-open-cities, dublin-open-cities, urbact-generic, blank"
    ));
}

#[test]
fn check_exit_codes() {
    assert_eq!(lap(&["check", SOFIA]).status.code(), Some(0));
    let skeleton = lap(&["check", "plan-templates/urbact-generic.ron"]);
    assert_eq!(skeleton.status.code(), Some(1));
    assert!(
        stdout(&skeleton).contains("error ACTION_NO_LEAD [actions/A-1.lead]"),
        "{}",
        stdout(&skeleton)
    );
    let broken = lap(&["check", "tests/bad-files/truncated.ron"]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        stderr(&broken).contains("tests/bad-files/truncated.ron:1142:15:"),
        "{}",
        stderr(&broken)
    );
}

#[test]
fn check_reports_broken_references_as_located_findings() {
    let o = lap(&[
        "check",
        "tests/bad-files/dangling-refs.ron",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let dangling: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "REF_DANGLING")
        .collect();
    assert_eq!(dangling.len(), 2);
    assert_eq!(
        (dangling[0]["line"].as_u64(), dangling[0]["column"].as_u64()),
        (Some(11), Some(29))
    );
    assert_eq!(dangling[0]["section"], "actions");
    assert_eq!(dangling[0]["item"], "A-1");
    assert_eq!(dangling[0]["field"], "objective");
    assert!(
        dangling[0]["message_bg"]
            .as_str()
            .unwrap()
            .contains("не съществува")
    );
}

#[test]
fn check_speaks_bulgarian() {
    let o = lap(&["check", "plan-templates/blank.ron", "--lang", "bg"]);
    assert!(
        stdout(&o).contains("грешка FACTS_MISSING"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn summary_text_writes_numbers_as_each_language_does() {
    // The figures people read follow the language (no-break spaces in Bulgarian); the JSON
    // output stays exact.
    let en = stdout(&lap(&["summary", SOFIA]));
    for needle in [
        "Period: January 2025 – December 2030;",
        "Total cost: 7,978,000.00\u{a0}EUR",
        "  Secured: 2,931,100.00\u{a0}EUR (36.7%)",
        "  Unsecured (cost − secured): 5,046,900.00\u{a0}EUR",
        "  AMIF                         2,052,900.00\u{a0}EUR",
        "Contents: 5 objectives, 18 actions,",
        "132.4",
        "Complete: 100%;",
    ] {
        assert!(en.contains(needle), "{needle:?} not in\n{en}");
    }
    let bg = stdout(&lap(&["summary", SOFIA, "--lang", "bg"]));
    for needle in [
        "Период: януари 2025 – декември 2030;",
        "Обща стойност: 7\u{a0}978\u{a0}000,00\u{a0}EUR",
        "  Осигурено: 2\u{a0}931\u{a0}100,00\u{a0}EUR (36,7\u{a0}%)",
        "  Неосигурено (стойност − осигурено): ",
        "132,4",
        "Попълненост: 100\u{a0}%;",
    ] {
        assert!(bg.contains(needle), "{needle:?} not in\n{bg}");
    }
    let check = stdout(&lap(&["check", SOFIA, "--lang", "bg"]));
    assert!(check.contains("попълненост 100\u{a0}%"), "{check}");
}

#[test]
fn summary_json_has_the_agreed_keys() {
    let o = lap(&["summary", SOFIA, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["city"], "София");
    assert!(v["title"].as_str().unwrap().starts_with("Местен план"));
    for key in [
        "objectives",
        "actions",
        "pilots",
        "indicators",
        "risks",
        "members",
        "meetings",
        "cities_compared",
        "comments",
    ] {
        assert!(v["counts"][key].is_u64(), "counts.{key}");
    }
    assert_eq!(v["counts"]["actions"], 18);
    assert_eq!(v["counts"]["cities_compared"], 5);
    let b = &v["budget_eur"];
    assert_eq!(b["total"], 7_978_000.0);
    assert_eq!(
        b["secured"].as_f64().unwrap() + b["potential"].as_f64().unwrap(),
        7_978_000.0
    );
    assert_eq!(b["gap"], 0.0);
    // Potential money does not make the plan secure: what is not secured is still to be won.
    let (total, secured) = (b["total"].as_f64().unwrap(), b["secured"].as_f64().unwrap());
    assert_eq!(b["unsecured"].as_f64().unwrap(), total - secured);
    let share = b["secured_share_percent"].as_f64().unwrap();
    assert!(
        (share - (secured * 100.0 / total * 10.0).round() / 10.0).abs() < 1e-9,
        "{share}"
    );
    assert_eq!(b["by_source"]["AMIF"]["total"], 2_052_900.0);
    let idx = v["openness_index"].as_object().unwrap();
    assert_eq!(idx.len(), 5);
    // Relative to the group average (= 100): none at 0, the average of the five near 100.
    assert!(idx.values().all(|x| x.as_f64().unwrap() > 0.0));
    let mean = idx.values().map(|x| x.as_f64().unwrap()).sum::<f64>() / 5.0;
    assert!((mean - 100.0).abs() < 1.0, "{mean}");
    assert_eq!(idx["Виена"], 132.4);
    assert_eq!(idx["София"], 49.8);
    assert_eq!(v["completeness_percent"], 100);
    assert_eq!(v["findings"]["error"], 0);
    assert!(v["findings"]["warning"].is_u64() && v["findings"]["hint"].is_u64());
    // The monitoring block: as of the sample's latest round (end of 2026).
    let m = &v["monitoring"];
    assert_eq!(m["rounds"], 2);
    assert_eq!(m["latest_round"]["id"], "MR-2");
    assert_eq!(m["latest_round"]["date"], "2026-12-31");
    assert_eq!(m["latest_round"]["period"], "2026-01 – 2026-12");
    assert_eq!(m["tolerance_percent"], 10.0);
    assert_eq!(m["actions"]["on-track"], 16);
    assert_eq!(m["actions"]["at-risk"], 2);
    assert_eq!(m["actions"]["off-track"], 0);
    assert_eq!(m["indicators"]["off-track"], 1);
    assert_eq!(m["indicators"]["no-data"], 2);
    assert_eq!(m["spent"], 2_015_500.0);
    assert_eq!(m["committed"], 450_000.0);
    assert_eq!(m["spent_share_percent"], 25.3);
    assert_eq!(m["reported"]["Completed"], 1);
    assert_eq!(m["reported"]["Postponed"], 1);
}

#[test]
fn summary_text_has_the_monitoring_line() {
    let en = stdout(&lap(&["summary", SOFIA]));
    assert!(
        en.contains(
            "Monitoring as of 31 December 2026 (2 rounds): actions 16 on track, 2 at risk;"
        ),
        "{en}"
    );
    assert!(
        en.contains(
            "spent 2,015,500.00\u{a0}EUR (25.3% of the cost), committed 450,000.00\u{a0}EUR"
        ),
        "{en}"
    );
    let bg = stdout(&lap(&["summary", SOFIA, "--lang", "bg"]));
    assert!(
        bg.contains("Наблюдение към 31 декември 2026 (2 кръга)"),
        "{bg}"
    );
}

#[test]
fn fmt_rewrites_canonically_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("messy.ron");
    std::fs::write(
        &file,
        "(format_version:2,facts:(city:\"София\",title:\"План\"))",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    assert_eq!(lap(&["fmt", f, "--check"]).status.code(), Some(1));
    let o = lap(&["fmt", f]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("        city: \"София\",\n"), "{text}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("messy.ron.bak")).unwrap(),
        "(format_version:2,facts:(city:\"София\",title:\"План\"))"
    );
    assert!(stdout(&lap(&["fmt", f])).contains("already canonical"));
    assert_eq!(lap(&["fmt", f, "--check"]).status.code(), Some(0));
}

#[test]
fn generate_makes_a_clean_plan_of_the_asked_size() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.ron");
    let f = file.to_str().unwrap();
    assert!(
        lap(&["generate", "--actions", "300", "-o", f])
            .status
            .success()
    );
    let plan = lap_studio::store::load(Path::new(f)).unwrap();
    assert_eq!(plan.actions.len(), 300);
    assert!(plan.actions.iter().all(|a| a.objective.is_some()
        && !a.funding.is_empty()
        && !a.indicators.is_empty()
        && !a.risks.is_empty()));
    assert_eq!(lap(&["check", f]).status.code(), Some(0));
}

#[test]
fn export_writes_a_pdf_with_the_chosen_options() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sofia.pdf");
    let o = lap(&[
        "export",
        SOFIA,
        "-o",
        out.to_str().unwrap(),
        "--sections",
        "actions,funding",
        "--lang",
        "en",
        "--paper",
        "letter",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("sofia.pdf: "));
    let doc = lopdf::Document::load(&out).unwrap();
    let text = doc.extract_text(&[2]).unwrap();
    assert!(
        text.contains("Contents") && text.contains("Actions") && text.contains("Funding"),
        "{text}"
    );
    assert!(!text.contains("Risks"));

    let bad = lap(&[
        "export",
        SOFIA,
        "-o",
        out.to_str().unwrap(),
        "--sections",
        "actions,budget",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad)
            .contains("no section \"budget\"; there are: approval, summary, glossary, facts,"),
        "{}",
        stderr(&bad)
    );
    let unreadable = lap(&[
        "export",
        "tests/bad-files/binary.ron",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(unreadable.status.code(), Some(2));
    assert!(stderr(&unreadable).contains("binary.ron:1:1: the file is not UTF-8"));
}

#[test]
fn export_names_the_items_whose_characters_the_font_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = lap_studio::store::templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    // The hanzi come from the fallback font; nothing has the emoji.
    plan.risks[0].owner = "中文 owner 🤝".into();
    let file = dir.path().join("plan.ron");
    lap_studio::store::save(&file, &plan).unwrap();
    let out = dir.path().join("plan.pdf");
    let o = lap(&[
        "export",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert!(
        stderr(&o).contains(
            "warning: risks/R-1: characters the PDF font cannot show were replaced by '?': 🤝"
        ),
        "{}",
        stderr(&o)
    );
}

/// What plan text may put on a terminal: escape sequences that retitle it and clear the screen,
/// a right-to-left override, and line breaks that would forge a line of our own.
const HOSTILE_CITY: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J0 errors\u{202e}x";

/// Checks that output meant for a terminal carries none of the dangerous characters and that
/// no line was forged by the plan.
fn assert_terminal_safe(what: &str, text: &str) {
    for bad in [
        '\u{1b}', '\u{7}', '\r', '\u{9b}', '\u{7f}', '\u{202e}', '\u{2066}', '\u{200f}',
    ] {
        assert!(!text.contains(bad), "{what}: {bad:?} in\n{text}");
    }
    assert!(
        !text.lines().any(|l| l.starts_with("0 errors")),
        "{what}: a forged line in\n{text}"
    );
}

fn hostile_plan() -> lap_studio::model::Plan {
    let mut plan = lap_studio::store::templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    plan.facts.city = HOSTILE_CITY.into();
    plan.facts.title = "План\n0 errors, 0 warnings\r0 errors".into();
    plan.facts.currency = "EUR\u{1b}[8m".into();
    plan.actions[0].title = "\u{9b}31mred\u{7f} \u{2066}isolated\u{2069} \u{200f}".into();
    plan.openness.cities[0].name = "\u{1b}[1A\u{1b}[2K0 errors".into();
    plan
}

#[test]
fn text_output_cannot_drive_the_terminal_or_forge_lines() {
    let dir = tempfile::tempdir().unwrap();
    // The file name is untrusted too: it came with the e-mail.
    let hostile = dir.path().join("plan\u{1b}]0;x\u{7}.ron");
    lap_studio::store::save(&hostile, &hostile_plan()).unwrap();
    let sofia = dir.path().join("sofia.ron");
    std::fs::copy(SOFIA, &sofia).unwrap();
    let (h, s) = (hostile.to_str().unwrap(), sofia.to_str().unwrap());

    let summary = lap(&["summary", h]);
    assert!(summary.status.success(), "{}", stderr(&summary));
    let out = stdout(&summary);
    assert_terminal_safe("summary", &out);
    assert!(
        out.starts_with("\\u{1b}]0;pwned\\u{7}\\u{1b}[2J0 errors\\u{202e}x — План\\n0 errors, 0 warnings\\r0 errors\n"),
        "{out}"
    );
    assert!(out.contains("EUR\\u{1b}[8m"), "{out}");
    assert_terminal_safe(
        "summary --lang bg",
        &stdout(&lap(&["summary", h, "--lang", "bg"])),
    );

    let diff = lap(&["diff", s, h]);
    assert_eq!(diff.status.code(), Some(1), "{}", stderr(&diff));
    let out = stdout(&diff);
    assert_terminal_safe("diff", &out);
    assert!(
        out.contains("    city: София → \\u{1b}]0;pwned\\u{7}\\u{1b}[2J0 errors\\u{202e}x\n"),
        "{out}"
    );
    assert!(
        out.contains("\\u{9b}31mred\\u{7f} \\u{2066}isolated\\u{2069} \\u{200f}"),
        "{out}"
    );

    let check = lap(&["check", h]);
    let out = stdout(&check);
    assert_terminal_safe("check", &out);
    assert!(out.contains("plan\\u{1b}]0;x\\u{7}.ron: "), "{out}");
    for args in [["fingerprint", h, "", ""], ["fmt", h, "--check", ""]] {
        let args: Vec<&str> = args.into_iter().filter(|a| !a.is_empty()).collect();
        let o = lap(&args);
        assert_terminal_safe(args[0], &stdout(&o));
        assert_terminal_safe(args[0], &stderr(&o));
    }
    let csv = dir.path().join("tables\u{1b}[2J");
    let o = lap(&["export", h, "--format", "csv", "-o", csv.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_terminal_safe("export", &stdout(&o));

    // JSON stays exact: the city reads back as it is in the plan.
    let json = lap(&["summary", h, "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(v["city"], HOSTILE_CITY);
    let json = lap(&["diff", s, h, "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert!(
        v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c["fields"].as_array().unwrap())
            .any(|f| f["new"] == HOSTILE_CITY)
    );
}

#[test]
fn error_messages_cannot_drive_the_terminal_or_forge_lines() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken\u{1b}[2J.ron");
    let mut plan = hostile_plan();
    // A reference to an objective that is not there, named by hostile text: the loader refuses
    // it and quotes it.
    plan.actions[1].objective = Some("O-9\u{1b}[2J\n0 errors\u{202e}".into());
    plan.actions[2].objective = Some("O-8\r\n0 errors".into());
    lap_studio::store::save(&file, &plan).unwrap();
    let f = file.to_str().unwrap();
    let o = lap(&["summary", f]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_terminal_safe("summary error", &err);
    // One line per problem, each naming the file.
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.lines().all(|l| l.starts_with("lap-studio: ")
            || l.starts_with(&format!("{}", dir.path().display()))),
        "{err}"
    );
    assert!(
        err.contains("\"O-9\\u{1b}[2J\\n0 errors\\u{202e}\""),
        "{err}"
    );
    // check reports it as a finding on stdout instead.
    let o = lap(&["check", f]);
    assert_eq!(o.status.code(), Some(1));
    assert_terminal_safe("check findings", &stdout(&o));
    assert!(stdout(&o).contains("\\r\\n0 errors"), "{}", stdout(&o));
    // A file that is not there, with a hostile name.
    let o = lap(&[
        "diff",
        f,
        dir.path()
            .join("gone\u{1b}[2J\n0 errors.ron")
            .to_str()
            .unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_terminal_safe("missing file", &stderr(&o));
}

/// `openness export` and `openness import`: a table round-trips; a bad row is reported by its
/// line and the plan is left as it was.
#[test]
fn openness_values_export_and_import() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("sofia.ron");
    std::fs::copy(SOFIA, &plan).unwrap();
    let plan_s = plan.to_str().unwrap();
    for name in ["values.csv", "values.xlsx"] {
        let table = dir.path().join(name);
        let o = lap(&["openness", "export", plan_s, "-o", table.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        let o = lap(&["openness", "import", plan_s, table.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("values imported"), "{}", stdout(&o));
    }
    // The plan is the same, canonical, with a backup.
    let before = lap_studio::store::load(Path::new(SOFIA)).unwrap();
    let after = lap_studio::store::load(&plan).unwrap();
    assert_eq!(after, before);
    assert!(dir.path().join("sofia.ron.bak").exists());
    // A bad row: line 3 names no city; nothing is imported.
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "city,indicator,year,value,source\nC-1,OI-1,2030,\"4,5\",test\nNowhere,OI-1,2030,1,test\n",
    )
    .unwrap();
    let text = std::fs::read_to_string(&plan).unwrap();
    let o = lap(&[
        "openness",
        "import",
        plan_s,
        bad.to_str().unwrap(),
        "--merge",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("Line 3:"), "{}", stdout(&o));
    assert!(stdout(&o).contains("Nowhere"), "{}", stdout(&o));
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), text);
    // Without it, the good row is merged in as a value of a new year.
    std::fs::write(
        &bad,
        "city,indicator,year,value,source\nC-1,OI-1,2030,\"4,5\",test\n",
    )
    .unwrap();
    let o = lap(&[
        "openness",
        "import",
        plan_s,
        bad.to_str().unwrap(),
        "--merge",
    ]);
    assert!(o.status.success(), "{}", stdout(&o));
    let after = lap_studio::store::load(&plan).unwrap();
    assert_eq!(
        after.openness.values.len(),
        before.openness.values.len() + 1
    );
    let v = after.openness.values.last().unwrap();
    assert_eq!((v.value, v.year), (4.5, Some(2030)));
    // An adopted plan is not changed: its figures change only in a new revision.
    let mut adopted = after;
    adopted.facts.status = lap_studio::model::PlanStatus::Adopted;
    lap_studio::store::save(&plan, &adopted).unwrap();
    let text = std::fs::read_to_string(&plan).unwrap();
    let o = lap(&["openness", "import", plan_s, bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("adopted plan"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), text);
}
