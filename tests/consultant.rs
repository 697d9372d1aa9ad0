//! Consultants' tools: comparing versions, fingerprints that tie a PDF to its file, and CSV
//! tables for spreadsheets.

use lap_studio::analysis::diff::{ChangeKind, diff};
use lap_studio::model::*;
use lap_studio::store;

mod common;
use common::*;

fn sofia() -> Plan {
    store::templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap()
}

fn changed_version() -> Plan {
    let mut p = sofia();
    p.facts.version = "1.1".into();
    // Move action A-4 to the end and rename it: one change, not a deletion and an addition.
    let mut a4 = p.actions.remove(3);
    a4.title = "Обучение за междукултурна комуникация".into();
    p.actions.push(a4);
    // Remove A-18 (and what pointed at it), add A-19.
    p.actions.retain(|a| a.id.as_str() != "A-18");
    integrity::forget(&mut p, "A-18");
    p.actions.push(Action {
        id: "A-19".into(),
        code: "5.1.3".into(),
        title: "Нова дейност".into(),
        cost: Some(Money::from_units(1000)),
        ..Action::default()
    });
    // More money from ESF+ for A-2.
    p.actions[1].funding[0].amount = Money::from_units(300_000);
    // Reorder two risks without changing them.
    p.risks.swap(0, 1);
    p
}

#[test]
fn a_moved_and_renamed_action_is_one_change() {
    let (old, new) = (sofia(), changed_version());
    let d = diff(&old, &new);
    let find = |path: &str| {
        d.changes
            .iter()
            .find(|c| c.path.to_string() == path)
            .unwrap_or_else(|| panic!("{path} not in {:#?}", d.changes))
    };
    let a4 = find("actions/A-4");
    assert_eq!(a4.kind, ChangeKind::Changed);
    assert_eq!(a4.fields.len(), 1);
    assert_eq!(a4.fields[0].field, "title");
    assert_eq!(
        a4.fields[0].old,
        "Обучение на общински служители по междукултурна комуникация"
    );
    assert_eq!(a4.fields[0].new, "Обучение за междукултурна комуникация");
    assert_eq!(find("actions/A-18").kind, ChangeKind::Removed);
    assert_eq!(find("actions/A-19").kind, ChangeKind::Added);
    let f3 = find("funding/F-3");
    assert_eq!(
        (
            f3.fields[0].field.as_str(),
            f3.fields[0].old.as_str(),
            f3.fields[0].new.as_str()
        ),
        ("amount", "224000.00", "300000.00")
    );
    assert_eq!(find("risks/R-2").kind, ChangeKind::Moved);
    let facts = find("facts.facts");
    assert_eq!(facts.fields[0].new, "1.1");
    assert!(
        d.changes
            .iter()
            .all(|c| !(c.kind == ChangeKind::Removed && c.path.item.as_deref() == Some("A-4")))
    );
    // Money: −90,000 (A-18) + 1,000 in cost; +76,000 potential on A-2, −90,000 secured.
    assert_eq!(d.cost_delta, Money::from_units(-89_000));
    assert_eq!(d.secured_delta, Money::from_units(-90_000));
    assert_eq!(d.potential_delta, Money::from_units(76_000));
    assert!(diff(&old, &old).is_empty());
}

#[test]
fn diff_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("v1.ron"), dir.path().join("v2.ron"));
    store::save(&a, &sofia()).unwrap();
    store::save(&b, &changed_version()).unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let same = lap(&["diff", a, a]);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(stdout(&same).trim(), "no differences");
    let text = lap(&["diff", a, b]);
    assert_eq!(text.status.code(), Some(1));
    let out = stdout(&text);
    assert!(
        out.contains("~ actions/A-4  1.2.3  Обучение за междукултурна комуникация"),
        "{out}"
    );
    assert!(out.contains("    title: Обучение на общински служители по междукултурна комуникация → Обучение за междукултурна комуникация"), "{out}");
    assert!(
        out.contains("- actions/A-18")
            && out.contains("+ actions/A-19")
            && out.contains("↕ risks/R-2"),
        "{out}"
    );
    assert!(
        out.contains("cost -89000.00; secured -90000.00; potential +76000.00"),
        "{out}"
    );
    let json = lap(&["diff", a, b, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["same"], false);
    assert_eq!(v["money"]["cost_delta"], -89000.0);
    assert!(
        v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "moved" && c["item"] == "R-2")
    );
    assert_eq!(
        lap(&["diff", a, "tests/bad-files/empty.ron"]).status.code(),
        Some(2)
    );
}

#[test]
fn the_fingerprint_survives_fmt_and_is_printed_on_an_adopted_plans_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("adopted.ron");
    let mut plan = sofia();
    plan.facts.status = PlanStatus::Adopted;
    plan.facts.adoption_decision =
        "Решение № 123 от 27.03.2025 г. на Столичния общински съвет".into();
    // Written compactly by hand: not canonical.
    std::fs::write(&file, ron::to_string(&plan).unwrap()).unwrap();
    let f = file.to_str().unwrap();
    let before = lap(&["fingerprint", f]);
    let full = stdout(&before)
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(full.len(), 64);
    assert!(lap(&["fmt", f]).status.success());
    let after = lap(&["fingerprint", f]);
    assert_eq!(stdout(&after).split_whitespace().next().unwrap(), full);
    assert_eq!(
        full,
        store::fingerprint(&plan),
        "the same on this machine as in the library"
    );
    let short = stdout(&lap(&["fingerprint", f, "--short"]))
        .trim()
        .to_owned();
    assert!(full.starts_with(&short.replace('-', "")));
    let pdf = dir.path().join("adopted.pdf");
    assert!(
        lap(&["export", f, "-o", pdf.to_str().unwrap()])
            .status
            .success()
    );
    let doc = lopdf::Document::load(&pdf).unwrap();
    assert!(
        doc.extract_text(&[3])
            .unwrap()
            .contains(&format!("Отпечатък (SHA-256): {short}"))
    );
    // A draft carries no fingerprint: it is not final.
    assert!(
        !lopdf::Document::load_mem(
            &lap_studio::report::render(
                &sofia(),
                &lap_studio::report::Options::for_plan(&sofia()),
                &|_| {}
            )
            .unwrap()
            .bytes
        )
        .unwrap()
        .extract_text(&[3])
        .unwrap()
        .contains("SHA-256")
    );
}

#[test]
fn csv_tables_parse_back_with_cyrillic_intact() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tables");
    let o = lap(&[
        "export",
        "plan-templates/sofia-open-cities.ron",
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (name, rows, header, cell) in [
        (
            "actions.csv",
            18,
            "Заглавие",
            "Център „София за всички“ – услуги на едно гише",
        ),
        ("funding.csv", 34, "Източник", "ФУМИ"),
        ("indicators.csv", 16, "Мерна единица", "консултации годишно"),
    ] {
        let bytes = std::fs::read(out.join(name)).unwrap();
        assert!(
            bytes.starts_with(b"\xEF\xBB\xBF"),
            "{name} needs a BOM for Excel"
        );
        let mut r = csv::Reader::from_reader(&bytes[3..]);
        let headers = r.headers().unwrap().clone();
        assert!(headers.iter().any(|h| h == header), "{name}: {headers:?}");
        let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), rows, "{name}");
        assert!(
            records.iter().any(|rec| rec.iter().any(|c| c == cell)),
            "{name} lacks {cell}"
        );
        assert!(records.iter().all(|rec| rec.len() == headers.len()));
    }
    let funding = std::fs::read_to_string(out.join("funding.csv")).unwrap();
    assert!(
        funding.contains(",657900.00,"),
        "amounts are plain decimals"
    );
}

#[test]
fn csv_tables_are_written_as_a_set_all_new_or_all_old() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tables");
    let export = |plan: &str| {
        lap(&[
            "export",
            plan,
            "--format",
            "csv",
            "-o",
            out.to_str().unwrap(),
        ])
    };
    assert!(
        export("plan-templates/sofia-open-cities.ron")
            .status
            .success()
    );
    let old = |name: &str| std::fs::read(out.join(name)).unwrap();
    let (actions, indicators) = (old("actions.csv"), old("indicators.csv"));
    // A revised plan, and a funding.csv that cannot be replaced: a folder of that name.
    let mut plan = sofia();
    plan.actions[0].title = "Преработена дейност".into();
    plan.indicators[0].name = "Преработен индикатор".into();
    let revised = dir.path().join("v2.ron");
    store::save(&revised, &plan).unwrap();
    std::fs::remove_file(out.join("funding.csv")).unwrap();
    std::fs::create_dir(out.join("funding.csv")).unwrap();
    let o = export(revised.to_str().unwrap());
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("funding.csv") && err.contains("no file was changed"),
        "{err}"
    );
    // The other tables are the old ones, and nothing else is left in the folder.
    assert_eq!(old("actions.csv"), actions);
    assert_eq!(old("indicators.csv"), indicators);
    assert_eq!(
        names(&out),
        ["actions.csv", "funding.csv", "indicators.csv"]
    );
    // Once the way is clear the whole set is new.
    std::fs::remove_dir(out.join("funding.csv")).unwrap();
    assert!(export(revised.to_str().unwrap()).status.success());
    assert!(
        String::from_utf8(old("actions.csv"))
            .unwrap()
            .contains("Преработена дейност")
    );
    assert!(
        String::from_utf8(old("indicators.csv"))
            .unwrap()
            .contains("Преработен индикатор")
    );
    // Exports keep no .bak: they can be made again from the plan at any time.
    assert_eq!(
        names(&out),
        ["actions.csv", "funding.csv", "indicators.csv"]
    );
}

#[test]
fn the_html_is_well_formed_accessible_and_complete() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sofia.html");
    let o = lap(&[
        "export",
        "plan-templates/sofia-open-cities.ron",
        "--format",
        "html",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    let opts = || roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(&text, opts()).expect("well-formed");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "html");
    assert_eq!(root.attribute("lang"), Some("bg"));
    let count = |tag: &str| doc.descendants().filter(|n| n.has_tag_name(tag)).count();
    assert_eq!(count("h1"), 1);
    // Fifteen sections of the plan, the abbreviations and the sources annex.
    assert_eq!(count("section"), 17);
    // The openness values as a matrix of indicators × cities, as in the PDF.
    assert!(text.contains(
        "<caption>Стойности, години и източници</caption><thead><tr><th scope=\"col\">Индикатор</th><th scope=\"col\">София</th><th scope=\"col\">Белфаст</th>"
    ));
    // The charts, inline, each an image named by its text alternative with its caption.
    assert_eq!(
        count("figure"),
        5,
        "budget, timeline, risks, openness, its trend"
    );
    assert_eq!(count("svg"), 5);
    for f in doc.descendants().filter(|n| n.has_tag_name("figure")) {
        let img = f
            .descendants()
            .find(|n| n.attribute("role") == Some("img"))
            .expect("the chart is an image");
        assert!(img.attribute("aria-label").is_some_and(|a| a.len() > 40));
        assert!(f.descendants().any(|n| n.has_tag_name("figcaption")));
    }
    // Totals set apart: one per objective with actions and the grand total, in the actions table.
    assert!(
        doc.descendants()
            .filter(|n| n.has_tag_name("tr") && n.attribute("class") == Some("total"))
            .count()
            >= 6
    );
    // Printed on A4 with page numbers.
    assert!(text.contains("@page{size:A4") && text.contains("counter(pages)"));
    assert!(
        count("table") >= 8 && count("caption") == count("table"),
        "every table has a caption"
    );
    assert!(
        doc.descendants()
            .filter(|n| n.has_tag_name("th"))
            .all(|n| n.attribute("scope").is_some())
    );
    // Self-contained: no external scripts, style sheets or images.
    assert_eq!(count("script") + count("link") + count("img"), 0);
    for needle in [
        "Местен план за действие",
        "Център „София за всички“",
        "ФУМИ",
        "Белфаст",
        "спрямо средното за групата",
        // Numbers, dates and months as the document's language writes them.
        "януари 2025 – декември 2030",
        "7\u{a0}978\u{a0}000,00\u{a0}EUR",
        "1\u{a0}450\u{a0}000,00",
        "12 февруари 2025",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    // Text that looks like markup stays text.
    let mut plan = sofia();
    plan.vision = "<script>alert('x')</script> & \u{0}".into();
    let html = lap_studio::report::html::html(&plan, Lang::En);
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;"));
    roxmltree::Document::parse_with_options(&html, opts()).expect("still well-formed");
}

#[test]
fn the_html_keeps_formula_and_control_payloads_as_plain_text() {
    let mut plan = sofia();
    let payloads = [
        "=HYPERLINK(\"http://x\",\"click\")",
        "+1",
        "-2+3",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "\u{1b}]0;pwned\u{7}\u{1b}[2J",
        "<img src=x onerror=alert(1)>",
    ];
    for (a, p) in plan.actions.iter_mut().zip(payloads) {
        a.title = p.to_owned();
    }
    plan.facts.city = "\"><script>alert(1)</script>".into();
    let html = lap_studio::report::html::html(&plan, Lang::En);
    let doc = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        },
    )
    .expect("well-formed");
    let count = |tag: &str| doc.descendants().filter(|n| n.has_tag_name(tag)).count();
    assert_eq!(count("script") + count("img"), 0);
    assert!(html.contains("=HYPERLINK(&quot;http://x&quot;,&quot;click&quot;)"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains('\u{1b}') && !html.contains('\u{7}') && !html.contains('\r'));
}

#[test]
fn comments_round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reviewed.ron");
    let mut plan = sofia();
    plan.comments.push(Comment {
        id: "CM-9".into(),
        author: "Мария Петрова".into(),
        date: Date::new(2025, 4, 2),
        target: ItemPath::item(Section::Pilots, "PL-2"),
        text: "Бюджетът за ремонт е висок \"за\" ФУМИ;\nпроверете допустимостта.".into(),
        replies: vec![Reply {
            author: "Екип на плана".into(),
            date: Date::new(2025, 4, 5),
            text: "Намален на 120 000 €.".into(),
        }],
        resolved: false,
    });
    store::save(&file, &plan).unwrap();
    let back = store::load(&file).unwrap();
    assert_eq!(back.comments, plan.comments);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("author: \"Мария Петрова\""),
        "comments are readable in the file"
    );
    // A comment about an item that is not there is reported, with its place in the file.
    let mut broken = plan.clone();
    broken.comments[2].target.item = Some("PL-404".into());
    let err = store::parse(&store::to_ron(&broken), std::path::Path::new("r.ron")).unwrap_err();
    assert!(
        err.to_string()
            .contains("The comment is about item \"PL-404\", which does not exist"),
        "{err}"
    );
}

#[test]
fn the_workbook_has_a_sheet_per_table_with_numbers_as_numbers() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.xlsx");
    let o = lap(&[
        "export",
        "plan-templates/sofia-open-cities.ron",
        "--format",
        "xlsx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut book: Xlsx<_> = calamine::open_workbook(&out).expect("a workbook a reader opens");
    assert_eq!(
        book.sheet_names(),
        [
            "Дейности",
            "Финансиране",
            "Индикатори",
            "Стойности за отвореност"
        ]
    );
    let actions = book.worksheet_range("Дейности").unwrap();
    let header: Vec<String> = actions
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name} in {header:?}"))
    };
    let first = actions.rows().nth(1).unwrap();
    // Money is a number (Excel formats it in the reader's locale), months and codes are text.
    assert_eq!(first[col("Стойност")], Data::Float(1_450_000.0));
    assert_eq!(first[col("Начало")], Data::String("2025-03".into()));
    assert_eq!(first[col("Код")], Data::String("1.1.1".into()));
    assert_eq!(actions.rows().count(), 19, "a header and 18 actions");
    // The same money as the plan: funding lines add up to the total cost.
    let funding = book.worksheet_range("Финансиране").unwrap();
    let header: Vec<String> = funding
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let amount = header.iter().position(|h| h == "Сума").unwrap();
    let total: f64 = funding
        .rows()
        .skip(1)
        .map(|r| match &r[amount] {
            Data::Float(x) => *x,
            other => panic!("amount {other:?} is not a number"),
        })
        .sum();
    assert!((total - 7_978_000.0).abs() < 0.005, "{total}");
    // A title that looks like a formula is text, never run.
    let mut plan = sofia();
    plan.actions[0].title = "=HYPERLINK(\"http://x\",\"click\")".into();
    let bytes = lap_studio::report::xlsx::workbook(&plan, Lang::En).unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let actions = book.worksheet_range("Actions").unwrap();
    assert_eq!(
        actions.rows().nth(1).unwrap()[2],
        Data::String("=HYPERLINK(\"http://x\",\"click\")".into())
    );
    let formulas = book.worksheet_formula("Actions").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formula in the workbook"
    );
}
