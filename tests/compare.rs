//! `lap-studio compare` over the Sofia sample and its two partner samples (issue 14): the text
//! summary, the HTML and the PDF (read back with lopdf) carry every section, the PDF is tagged
//! (tables with header cells, the profile a figure with its text alternative, the document's
//! language), and a report of another kind than PDF or HTML is refused before any work.

use std::process::Output;

use lap_studio::i18n::tr;
use lap_studio::model::Lang;
use lap_studio::report::compare::Part;
use lopdf::{Document, Object};

mod common;
use common::pdf::{pdf_text, squash};
use common::*;

const PLANS: [&str; 3] = [
    "plan-templates/sofia-open-cities.ron",
    "plan-templates/vienna-open-cities.ron",
    "plan-templates/dublin-open-cities.ron",
];

fn compare(extra: &[&str]) -> Output {
    let mut args = vec!["compare"];
    args.extend(PLANS);
    args.extend(extra);
    lap(&args)
}

#[test]
fn the_text_summary_has_every_section_and_each_city() {
    let o = compare(&["--lang", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    for part in Part::ALL {
        assert!(text.contains(&tr(Lang::En, part.key())), "{part:?}: {text}");
    }
    for city in ["София", "Vienna", "Dublin"] {
        assert!(text.contains(city), "{city}");
    }
    assert!(text.contains("Group average"));
    assert!(text.contains("Compared on the 11 indicators"));
    // Money by fund: the ESF+ of Sofia and Vienna, Dublin's AMIF line.
    assert!(text.contains("ESF+") && text.contains("AMIF"));
    // The transfers: Sofia's action adapting Vienna's StartWien is listed as Vienna → София
    // (practice, from, to, action), and the matrix has a row for Vienna.
    let transfers = text
        .split(&tr(Lang::En, "cmp-transfers"))
        .nth(1)
        .expect("the transfer section");
    let startwien = transfers
        .lines()
        .find(|l| l.starts_with("GP-1 StartWien"))
        .expect("StartWien in the list");
    let cells: Vec<&str> = startwien
        .split("  ")
        .filter(|s| !s.trim().is_empty())
        .collect();
    assert_eq!(cells[1].trim(), "Vienna", "{startwien}");
    assert_eq!(cells[2].trim(), "София", "{startwien}");
    // Barcelona's and Nuremberg's practices come from cities outside the comparison.
    for city in ["Barcelona", "Nuremberg"] {
        assert!(
            transfers.lines().any(|l| l.starts_with(city)),
            "{city}: {transfers}"
        );
    }
    let vienna_row = transfers
        .lines()
        .find(|l| l.starts_with("Vienna"))
        .expect("a matrix row for Vienna");
    let counts: Vec<&str> = vienna_row.split_whitespace().skip(1).collect();
    assert_eq!(counts, ["1", "—", "—"], "{vienna_row}");
}

#[test]
fn the_html_report_has_every_section_with_its_charts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("network.html");
    let o = compare(&["-o", out.to_str().unwrap(), "--lang", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("comparison of 3 plans"));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for part in Part::ALL {
        assert!(
            html.contains(&format!("<section id=\"{}\"", part.key())),
            "{part:?}"
        );
        assert!(html.contains(&tr(Lang::En, part.key())), "{part:?}");
    }
    // The profile and the trend as figures named by their text alternatives.
    assert_eq!(
        html.matches("<figure><div role=\"img\" aria-label=")
            .count(),
        2
    );
    assert!(html.contains("<th scope=\"col\">Group average</th>"));
    // The transfer matrix and its list as tables with header cells.
    let transfers = html.split("<section id=\"cmp-transfers\"").nth(1).unwrap();
    assert!(transfers.contains("<th scope=\"col\">From (row) to (column)</th>"));
    assert!(transfers.contains("<th scope=\"row\">Vienna</th><td class=\"num\">1</td>"));
    assert!(transfers.contains("StartWien"));
}

#[test]
fn the_pdf_report_has_every_section_and_is_tagged() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("network.pdf");
    // Sofia first: the labels are in Bulgarian, the first plan's language.
    let o = compare(&["-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = Document::load(&out).expect("a readable PDF");
    let pages = doc.get_pages().len();
    assert!(pages >= 3, "{pages} pages");
    let all = pdf_text(&doc);
    for part in Part::ALL {
        let heading = tr(Lang::Bg, part.key());
        assert!(all.contains(&squash(&heading)), "{heading} missing");
    }
    for city in ["София", "Vienna", "Dublin"] {
        assert!(all.contains(city), "{city}");
    }
    assert!(all.contains("StartWien"), "the transfer list");
    // The document level: its language, a structure tree with tables, header cells and a
    // figure with its text alternative.
    let catalog = doc.catalog().unwrap();
    let lang = catalog.get(b"Lang").unwrap().as_str().unwrap();
    assert_eq!(lang, b"bg");
    assert!(catalog.has(b"StructTreeRoot"));
    let mut roles: Vec<String> = Vec::new();
    let mut alts = 0;
    for (_, o) in doc.objects.iter() {
        if let Object::Dictionary(d) = o
            && let Ok(s) = d.get(b"S").and_then(Object::as_name)
            && d.has(b"P")
        {
            roles.push(String::from_utf8_lossy(s).into_owned());
            if s == b"Figure" && d.has(b"Alt") {
                alts += 1;
            }
        }
    }
    for role in ["H1", "Table", "TH", "TD", "Figure", "Caption"] {
        assert!(roles.iter().any(|r| r == role), "no {role}: {roles:?}");
    }
    // The profile and the trend's line chart, each with its text alternative.
    assert!(alts >= 2, "{alts} figures with a text alternative");
    assert!(roles.iter().filter(|r| *r == "H1").count() >= Part::ALL.len());
}

#[test]
fn a_report_neither_pdf_nor_html_is_refused() {
    let o = compare(&["-o", "network.docx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("PDF (.pdf) or HTML (.html)"));
    assert!(!std::path::Path::new("network.docx").exists());
    // One plan is not a comparison.
    let one = lap(&["compare", PLANS[0]]);
    assert_eq!(one.status.code(), Some(2));
}
