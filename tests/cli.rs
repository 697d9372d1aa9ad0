//! The command line, run as a user runs it.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn lap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lap-studio"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

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
    assert_eq!(names, ["sofia-open-cities", "urbact-generic", "blank"]);
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
        "no template named \"paris\"; there are: sofia-open-cities, urbact-generic, blank"
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
        "Total cost: 8,120,000.00\u{a0}EUR",
        "  AMIF                         2,447,000.00\u{a0}EUR",
        "Contents: 5 objectives, 18 actions,",
        "80.8",
        "Complete: 100%;",
    ] {
        assert!(en.contains(needle), "{needle:?} not in\n{en}");
    }
    let bg = stdout(&lap(&["summary", SOFIA, "--lang", "bg"]));
    for needle in [
        "Период: януари 2025 – декември 2030;",
        "Обща стойност: 8\u{a0}120\u{a0}000,00\u{a0}EUR",
        "  недостиг: 0,00\u{a0}EUR",
        "80,8",
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
    assert_eq!(b["total"], 8_120_000.0);
    assert_eq!(
        b["secured"].as_f64().unwrap() + b["potential"].as_f64().unwrap(),
        8_120_000.0
    );
    assert_eq!(b["gap"], 0.0);
    assert_eq!(b["by_source"]["AMIF"]["total"], 2_447_000.0);
    let idx = v["openness_index"].as_object().unwrap();
    assert_eq!(idx.len(), 5);
    assert!(
        idx.values()
            .all(|x| (0.0..=100.0).contains(&x.as_f64().unwrap()))
    );
    assert_eq!(idx["Виена"], 80.8);
    assert_eq!(v["completeness_percent"], 100);
    assert_eq!(v["findings"]["error"], 0);
    assert!(v["findings"]["warning"].is_u64() && v["findings"]["hint"].is_u64());
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
        stderr(&bad).contains("no section \"budget\"; there are: facts,"),
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
    plan.risks[0].owner = "中文 owner".into();
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
            "warning: risks/R-1: characters the PDF font cannot show were replaced by '?': 中文"
        ),
        "{}",
        stderr(&o)
    );
}
