//! The progress report to the council (issue 15 point 5), made by `lap-studio report progress`
//! from the Sofia sample's two illustrative rounds: the PDF read back with lopdf (every
//! section's text, the structure tree as the plan PDF's tests check it), the HTML with roxmltree,
//! its figures against `summary --format json`'s monitoring block, the earlier round's report,
//! the errors; and in the app, the command in the File menu and the Monitoring step.

use egui_kittest::kittest::Queryable;
use lap_studio::app::{LapApp, Settings};
use lap_studio::i18n::tr;
use lap_studio::model::{Lang, Money, format};
use lap_studio::report::progress::{self, Part};
use lopdf::Document;

mod common;
use common::pdf::{self, dict, pdf_text, squash};
use common::*;

const SOFIA: &str = "plan-templates/sofia-open-cities.ron";

/// Writes the Sofia report on `round` (the latest when `None`) to `name` in `dir`.
fn report(dir: &std::path::Path, name: &str, round: Option<&str>) -> std::path::PathBuf {
    let out = dir.join(name);
    let mut args = vec!["report", "progress", SOFIA, "-o", out.to_str().unwrap()];
    if let Some(r) = round {
        args.extend(["--round", r]);
    }
    let o = lap(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    let named = match round {
        Some("2025-12-31") | Some("MR-1") => "MR-1",
        _ => "MR-2",
    };
    assert!(said.contains(named), "{said}");
    out
}

fn sofia() -> lap_studio::model::Plan {
    lap_studio::store::load(std::path::Path::new(SOFIA)).unwrap()
}

/// How many of the plan's indicators have a chart in the report on `round`.
fn charted(plan: &lap_studio::model::Plan, round: &str) -> usize {
    let p = progress::prepare(plan, Some(&round.into())).unwrap();
    plan.indicators
        .iter()
        .filter(|i| progress::series(&p, i).0.years().is_some())
        .count()
}

#[test]
fn each_round_s_pdf_has_every_section_and_a_full_structure_tree() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sofia();
    for round in ["MR-1", "MR-2"] {
        let out = report(dir.path(), &format!("{round}.pdf"), Some(round));
        let doc = Document::load(&out).expect("a readable PDF");
        let text = pdf_text(&doc);
        // The labels are in Bulgarian, the plan's language.
        for key in [
            "progress-title",
            "progress-counts",
            "progress-money",
            "progress-changes",
            "progress-milestones",
        ]
        .into_iter()
        .chain(Part::ALL.iter().map(|p| p.key()))
        {
            let heading = tr(Lang::Bg, key);
            assert!(
                text.contains(&squash(&heading)),
                "{round}: {heading} missing"
            );
        }
        assert!(text.contains(round), "{round}");
        for i in &plan.indicators {
            assert!(text.contains(&squash(&i.name)), "{round}: {}", i.name);
        }
        // The method states the tolerance.
        let tolerance = format::percent(Lang::Bg, plan.monitoring.tolerance, 1);
        assert!(text.contains(&squash(&tolerance)), "{round}: {tolerance}");
        assert!(
            text.contains(&squash("Страница 1 от")),
            "{round}: page X of Y"
        );

        let catalog = doc.catalog().unwrap();
        assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"bg");
        let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
        let title = lopdf::decode_text_string(info.get(b"Title").unwrap()).unwrap();
        assert!(title.contains(&plan.facts.title), "{title}");
        let t = pdf::tree(&doc);
        // A chart per indicator with something to draw, each with its text alternative
        // and a caption.
        let figures: Vec<_> = t
            .elems
            .iter()
            .filter(|d| pdf::role(d) == "Figure")
            .collect();
        assert_eq!(figures.len(), charted(&plan, round), "{round}");
        for f in &figures {
            let alt = lopdf::decode_text_string(f.get(b"Alt").expect("an /Alt")).unwrap();
            assert!(alt.contains("Планирано"), "{alt:?}");
        }
        assert_eq!(
            t.elems.iter().filter(|d| pdf::role(d) == "Caption").count(),
            figures.len()
        );
        // Header cells say what they head.
        let ths = pdf::header_cells(&doc, &t);
        assert!(ths.len() > 50, "{} header cells", ths.len());
        // Headings start at H1 and never skip a level going down.
        let h1 = pdf::heading_levels(&t, round)
            .iter()
            .filter(|n| **n == 1)
            .count();
        assert_eq!(
            h1,
            1 + Part::ALL.len(),
            "{round}: the title and each section"
        );
        // Every MCID in the content is the tree's, and all drawing is marked.
        pdf::check_marked_content(&doc, &t, round);
    }
}

/// The text of every cell of the table with this caption, row by row.
fn table(doc: &roxmltree::Document<'_>, caption: &str) -> Vec<Vec<String>> {
    let t = doc
        .descendants()
        .filter(|n| n.has_tag_name("table"))
        .find(|t| {
            t.children()
                .any(|c| c.has_tag_name("caption") && c.text() == Some(caption))
        })
        .unwrap_or_else(|| panic!("no table {caption:?}"));
    t.descendants()
        .filter(|n| n.has_tag_name("tr"))
        .map(|tr| {
            tr.children()
                .filter(|c| c.has_tag_name("th") || c.has_tag_name("td"))
                .map(|c| {
                    c.descendants()
                        .filter(|x| x.is_text())
                        .filter_map(|x| x.text())
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect()
        })
        .collect()
}

fn row<'a>(rows: &'a [Vec<String>], head: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r[0] == head)
        .unwrap_or_else(|| panic!("no row {head:?} in {rows:?}"))
}

fn parse(text: &str) -> roxmltree::Document<'_> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, opts).expect("well-formed")
}

#[test]
fn the_html_has_every_section_and_the_summary_s_figures() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sofia();
    let latest = std::fs::read_to_string(report(dir.path(), "latest.html", None)).unwrap();
    let doc = parse(&latest);
    let root = doc.root_element();
    assert_eq!(root.attribute("lang"), Some("bg"));
    for part in Part::ALL {
        let s = doc
            .descendants()
            .find(|n| n.has_tag_name("section") && n.attribute("id") == Some(part.key()))
            .unwrap_or_else(|| panic!("no section {part:?}"));
        assert!(s.descendants().any(|n| n.has_tag_name("h2")));
    }
    let figures: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("figure"))
        .collect();
    assert_eq!(figures.len(), charted(&plan, "MR-2"));
    for f in &figures {
        let img = f
            .descendants()
            .find(|n| n.attribute("role") == Some("img"))
            .expect("the chart is an image");
        assert!(img.attribute("aria-label").unwrap().contains("Планирано"));
        assert!(f.descendants().any(|n| n.has_tag_name("svg")));
        assert!(f.descendants().any(|n| n.has_tag_name("figcaption")));
    }
    assert!(
        doc.descendants()
            .filter(|n| n.has_tag_name("th"))
            .all(|n| matches!(n.attribute("scope"), Some("col" | "row")))
    );

    // The figures are the summary's.
    let o = lap(&["summary", SOFIA, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let m = &json["monitoring"];
    assert_eq!(m["latest_round"]["id"], "MR-2");
    let bg = Lang::Bg;
    let counts = table(&doc, &tr(bg, "progress-counts"));
    let keys = ["on-track", "at-risk", "off-track", "no-data"];
    for (label, block) in [
        ("progress-row-actions", "actions"),
        ("progress-row-indicators", "indicators"),
        ("progress-row-strategic", "objectives"),
    ] {
        let r = row(&counts, &tr(bg, label));
        for (k, key) in keys.iter().enumerate() {
            assert_eq!(
                r[k + 1],
                m[block][key].as_u64().unwrap().to_string(),
                "{block} {key}"
            );
        }
    }
    let money = table(&doc, &tr(bg, "progress-money"));
    let amount = |v: &serde_json::Value| {
        let cents = (v.as_f64().unwrap() * 100.0).round() as i128;
        format::money(bg, Money::from_cents(cents), &plan.facts.currency)
    };
    let spent = row(&money, &tr(bg, "progress-row-spent"));
    assert_eq!(spent[1], amount(&m["spent"]));
    assert_eq!(
        spent[2],
        format::percent(bg, m["spent_share_percent"].as_f64().unwrap(), 1)
    );
    assert_eq!(
        row(&money, &tr(bg, "progress-row-committed"))[1],
        amount(&m["committed"])
    );
    // The round and its date are named under the title.
    let header = doc
        .descendants()
        .find(|n| n.has_tag_name("header"))
        .unwrap();
    let intro: String = header
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        intro.contains("MR-2") && intro.contains("31.12.2026"),
        "{intro}"
    );
    assert!(
        intro.contains("MR-1"),
        "compared with the previous round: {intro}"
    );

    // The PDF carries the same figures.
    let pdf = Document::load(report(dir.path(), "latest.pdf", None)).unwrap();
    let text = pdf_text(&pdf);
    for v in [&m["spent"], &m["committed"]] {
        assert!(text.contains(&squash(&amount(v))), "{}", amount(v));
    }

    // The earlier round's report is another report: its round, nothing to compare with,
    // other counts.
    let earlier =
        std::fs::read_to_string(report(dir.path(), "earlier.html", Some("MR-1"))).unwrap();
    assert_ne!(earlier, latest);
    let e = parse(&earlier);
    let intro: String = e
        .descendants()
        .find(|n| n.has_tag_name("header"))
        .unwrap()
        .descendants()
        .filter_map(|n| n.text())
        .collect();
    assert!(intro.contains("MR-1") && !intro.contains("MR-2"), "{intro}");
    assert!(intro.contains(&tr(bg, "progress-first-round")));
    // The same round named by its date.
    let by_date =
        std::fs::read_to_string(report(dir.path(), "by-date.html", Some("2025-12-31"))).unwrap();
    assert!(by_date.contains("MR-1") && !by_date.contains("MR-2"));
    let earlier_counts = table(&e, &tr(bg, "progress-counts"));
    assert_ne!(earlier_counts, counts);
    let earlier_money = table(&e, &tr(bg, "progress-money"));
    assert_ne!(
        row(&earlier_money, &tr(bg, "progress-row-spent"))[1],
        spent[1]
    );
}

/// An indicator with values in both rounds and neither a baseline nor targets: the summary's
/// table of what moved shows the value before and now, the change, and the status the analysis
/// gives (no data, for want of a path, and why).
#[test]
fn an_indicator_without_a_path_shows_its_values_and_change() {
    let mut plan = sofia();
    let i = plan
        .indicators
        .iter_mut()
        .find(|i| i.id.as_str() == "I-1")
        .unwrap();
    i.baseline = None;
    i.targets.clear();
    let name = format!("{} {}", i.code, i.name);
    let p = progress::prepare(&plan, None).unwrap();
    let bg = Lang::Bg;
    let html = progress::html(&p, bg);
    let doc = parse(&html);
    let moved = table(&doc, &tr(bg, "progress-indicators-moved"));
    assert_eq!(
        moved[0],
        [
            "progress-col-indicator",
            "progress-col-before",
            "progress-col-now",
            "progress-col-change",
            "progress-col-status"
        ]
        .map(|k| tr(bg, k))
    );
    let r = row(&moved, &name);
    let value = |v: f64| format::decimal_up_to(bg, v, 4);
    assert_eq!(r[1], value(4050.0));
    assert_eq!(r[2], value(5200.0));
    assert_eq!(r[3], format!("+{}", value(1150.0)));
    let no_data = lap_studio::analysis::monitoring::Rag::NoData.label(bg);
    let why = lap_studio::analysis::monitoring::reason_text(
        bg,
        &lap_studio::analysis::monitoring::Reason::NoPath,
        &plan.facts.currency,
    );
    assert_eq!(r[4], format!("{no_data}\n{why}"));
}

#[test]
fn labels_in_english_keep_the_plan_s_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("en.pdf");
    let o = lap(&[
        "report",
        "progress",
        SOFIA,
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = Document::load(&out).unwrap();
    assert_eq!(
        doc.catalog()
            .unwrap()
            .get(b"Lang")
            .unwrap()
            .as_str()
            .unwrap(),
        b"bg"
    );
    let text = pdf_text(&doc);
    for part in Part::ALL {
        assert!(
            text.contains(&squash(&tr(Lang::En, part.key()))),
            "{part:?}"
        );
    }
}

#[test]
fn the_errors_say_what_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.pdf");
    let out_s = out.to_str().unwrap();
    // An unknown round: named, with the rounds there are; nothing written.
    let o = lap(&["report", "progress", SOFIA, "--round", "MR-9", "-o", out_s]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("MR-9") && e.contains("MR-1, MR-2"), "{e}");
    assert!(e.contains("sofia-open-cities.ron"), "{e}");
    assert!(!out.exists());
    // A plan without rounds.
    let o = lap(&[
        "report",
        "progress",
        "plan-templates/blank.ron",
        "-o",
        out_s,
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("blank.ron") && e.contains("no monitoring rounds"),
        "{e}"
    );
    assert!(!out.exists());
    // Neither PDF nor HTML: refused before the plan is read.
    let docx = dir.path().join("r.docx");
    let o = lap(&[
        "report",
        "progress",
        "no-such-plan.ron",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("PDF (.pdf) or HTML (.html)"),
        "{}",
        stderr(&o)
    );
    assert!(!docx.exists());
    // A read-only report is replaced only when asked to.
    std::fs::write(&out, b"old").unwrap();
    let mut perms = std::fs::metadata(&out).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&out, perms).unwrap();
    let o = lap(&["report", "progress", SOFIA, "-o", out_s]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read(&out).unwrap(), b"old");
    let o = lap(&["report", "progress", SOFIA, "-o", out_s, "--replace"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
}

#[test]
fn the_app_has_the_command_in_the_menu_and_the_monitoring_step() {
    let settings = Settings {
        builtin_file_dialog: true,
        ..english()
    };
    let mut h = harness(app_on("sofia-open-cities", settings.clone()));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Progress report…");
    h.key_press(egui::Key::Escape);
    h.run();
    go_to_step(&mut h, "13. Monitoring");
    h.get_by_label("Progress report…").click();
    // The file dialog's list scrolls into place over a few frames.
    h.run_steps(10);
    // Our own file dialog asks where, with the report's title and a PDF name.
    assert!(h.get_all_by_label_contains("Progress report…").count() >= 2);
    h.get_by_label("Export");
    // Written off the UI thread, then named in the status bar.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sofia-progress.html");
    h.state_mut().export_progress_to(path.clone());
    settle(&mut h);
    assert!(
        h.get_all_by_label_contains(&format!("Progress report saved: {}", path.display()))
            .count()
            >= 1
    );
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("MR-2"));

    // A plan without rounds says so instead of asking for a file.
    let mut h = harness(LapApp::new(
        lap_studio::store::templates::find("blank")
            .unwrap()
            .plan()
            .unwrap(),
        None,
        settings,
        None,
    ));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Progress report…").click();
    h.run();
    h.get_by_label_contains("has no monitoring round yet");
}
