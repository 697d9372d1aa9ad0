//! The exported PDF, read back with lopdf: text is extractable, the contents point at the right
//! pages, fonts are embedded and subset, bookmarks, metadata and language are there, and any
//! plan exports without panicking.

use lap_studio::model::{Lang, Plan, PlanStatus};
use lap_studio::report::{self, Options, Part, layout::Paper};
use lopdf::{Document, Object};

fn sofia() -> Plan {
    lap_studio::store::templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap()
}

fn render(plan: &Plan, opts: &Options) -> (report::Pdf, Document) {
    let pdf = report::render(plan, opts, &|_| {}).unwrap();
    let doc = Document::load_mem(&pdf.bytes).expect("a readable PDF");
    (pdf, doc)
}

fn page_text(doc: &Document, page: usize) -> String {
    doc.extract_text(&[page as u32]).unwrap_or_default()
}

fn name(o: &Object) -> String {
    o.as_name()
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default()
}

#[test]
fn the_sofia_plan_has_its_pages_and_its_contents_point_at_them() {
    let plan = sofia();
    let (pdf, doc) = render(&plan, &Options::for_plan(&plan));
    assert_eq!(pdf.pages, 37, "the page count of the Sofia plan changed");
    assert_eq!(doc.get_pages().len(), pdf.pages);
    let sections: Vec<&str> = pdf.contents.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(sections.len(), 16, "{sections:?}");
    let toc = page_text(&doc, 2);
    assert!(toc.contains("Съдържание"));
    for (title, page) in &pdf.contents {
        // The contents list the section with its page number…
        assert!(
            toc.contains(title.as_str()) || page_text(&doc, 3).contains(title.as_str()),
            "{title} not in the contents"
        );
        // …and the section starts on that page: at its top when it must (the first section
        // and the pilot fiches), else where the section before it ends.
        let text = page_text(&doc, *page);
        let text = text.strip_prefix("ПРОЕКТ\n").unwrap_or(&text);
        let first = Some(title) == pdf.contents.first().map(|(t, _)| t);
        if first || title == "Пилотни проекти" {
            assert!(
                text.starts_with(title.as_str()),
                "page {page} does not start with {title}: {:?}",
                text.chars().take(80).collect::<String>()
            );
        } else {
            assert!(
                text.lines().any(|l| l == title.as_str()),
                "{title} is not on page {page}"
            );
        }
    }
    // Page numbers in the contents are the pages printed in the footers.
    let (actions_title, actions_page) = pdf.contents.iter().find(|(t, _)| t == "Дейности").unwrap();
    assert!(
        page_text(&doc, *actions_page)
            .contains(&format!("Страница {actions_page} от {}", pdf.pages)),
        "{actions_title}"
    );
}

#[test]
fn bulgarian_text_of_every_section_is_extractable() {
    let plan = sofia();
    let (_, doc) = render(&plan, &Options::for_plan(&plan));
    let all: String = (1..=doc.get_pages().len())
        .map(|p| page_text(&doc, p))
        .collect::<Vec<_>>()
        .join("\n");
    for needle in [
        "Местен план за действие за интеграция на мигрантите",
        "Столична община",
        "НСИ, Urban Audit",
        "Асоциация за развитие на София",
        "Труден достъп до жилище под наем",
        "СЦ3 Международна София",
        "Център „София за всички“",
        "График на дейностите",
        "Финансиране по източници",
        "ФУМИ",
        "Старт в София",
        "ИР1",
        "Матрица на рисковете",
        "Заместник-кметът по социални дейности",
        "Приложение: източници",
        "Програми и покани и техните правила",
        "Белфаст",
        "Виена",
        "мин–макс",
        "Експерт по URBACT",
        "Страница 37 от 37",
    ] {
        assert!(all.contains(needle), "{needle:?} is not extractable");
    }
}

#[test]
fn numbers_dates_and_months_are_written_as_the_language_writes_them() {
    let plan = sofia();
    for (lang, needles) in [
        (
            Lang::Bg,
            [
                "януари 2025 – декември 2030",
                "14 март 2025",
                "7\u{a0}978\u{a0}000,00\u{a0}EUR",
                "1\u{a0}450\u{a0}000,00",
                "1\u{a0}221\u{a0}172",
            ],
        ),
        (
            Lang::En,
            [
                "January 2025 – December 2030",
                "14 March 2025",
                "7,978,000.00\u{a0}EUR",
                "1,450,000.00",
                "1,221,172",
            ],
        ),
    ] {
        let opts = Options {
            lang,
            ..Options::for_plan(&plan)
        };
        let (_, doc) = render(&plan, &opts);
        let all: String = (1..=doc.get_pages().len())
            .map(|p| page_text(&doc, p))
            .collect::<Vec<_>>()
            .join("\n");
        for needle in needles {
            assert!(
                all.contains(needle),
                "{lang:?}: {needle:?} is not in the PDF"
            );
        }
        // No machine forms of months or dates are left for people to read.
        assert!(!all.contains("2025-01 –"), "{lang:?}");
    }
}

#[test]
fn fonts_are_embedded_and_subset() {
    let plan = sofia();
    let (_, doc) = render(&plan, &Options::for_plan(&plan));
    let mut embedded = 0;
    for object in doc.objects.values() {
        if let Ok(dict) = object.as_dict()
            && dict.get(b"Type").map(name).unwrap_or_default() == "FontDescriptor"
        {
            let font = dict.get(b"FontName").map(name).unwrap_or_default();
            // Subset fonts are named ABCDEF+Name.
            assert!(
                font.len() > 7 && font.as_bytes()[6] == b'+',
                "{font} is not subset"
            );
            assert!(
                dict.has(b"FontFile2") || dict.has(b"FontFile3"),
                "{font} is not embedded"
            );
            embedded += 1;
        }
    }
    assert_eq!(embedded, 3, "regular, bold and italic");
    // Subsetting keeps the file small: three whole DejaVu faces are over 1.5 MB.
    let plan = sofia();
    let pdf = report::render(&plan, &Options::for_plan(&plan), &|_| {}).unwrap();
    assert!(pdf.bytes.len() < 600_000, "{} bytes", pdf.bytes.len());
}

#[test]
fn bookmarks_metadata_and_language() {
    let plan = sofia();
    let (pdf, doc) = render(&plan, &Options::for_plan(&plan));
    let catalog = doc.catalog().unwrap();
    assert_eq!(
        catalog.get(b"Lang").and_then(Object::as_str).unwrap(),
        b"bg"
    );
    let outlines = catalog
        .get(b"Outlines")
        .and_then(Object::as_reference)
        .and_then(|r| doc.get_dictionary(r))
        .expect("an outline");
    let count = outlines.get(b"Count").and_then(Object::as_i64).unwrap_or(0);
    assert_eq!(count.unsigned_abs() as usize, pdf.contents.len());
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .and_then(|r| doc.get_dictionary(r))
        .expect("document info");
    let text = |k: &[u8]| {
        info.get(k)
            .ok()
            .and_then(|o| lopdf::decode_text_string(o).ok())
            .unwrap_or_default()
    };
    assert_eq!(text(b"Title"), plan.facts.title);
    assert!(text(b"Author").contains("Столична община"));
    assert!(text(b"Subject").contains("София"));
    assert!(text(b"Keywords").contains("URBACT"));
    assert!(info.has(b"CreationDate"));
}

#[test]
fn options_language_paper_and_sections() {
    let plan = sofia();
    let opts = Options {
        lang: Lang::En,
        paper: Paper::Letter,
        parts: vec![
            Part::Section(lap_studio::model::Section::Actions),
            Part::Findings,
        ],
    };
    let (pdf, doc) = render(&plan, &opts);
    let titles: Vec<&str> = pdf.contents.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(titles, ["Actions", "Annex: open findings of the checks"]);
    let first = doc.get_pages()[&1];
    let media = doc
        .get_dictionary(first)
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    let w = media[2]
        .as_float()
        .unwrap_or_else(|_| media[2].as_i64().unwrap() as f32);
    assert!(
        (w - 612.0).abs() < 1.0,
        "Letter is 612 points wide, not {w}"
    );
    assert!(page_text(&doc, 2).contains("Page 2 of"));
    assert_eq!(
        doc.catalog()
            .unwrap()
            .get(b"Lang")
            .and_then(Object::as_str)
            .unwrap(),
        b"en"
    );
}

#[test]
fn a_draft_carries_the_watermark_and_an_adopted_plan_does_not() {
    let mut plan = sofia();
    plan.facts.status = PlanStatus::Draft;
    let (_, doc) = render(&plan, &Options::for_plan(&plan));
    assert!(page_text(&doc, 3).contains("ПРОЕКТ"));
    plan.facts.status = PlanStatus::Adopted;
    let (_, doc) = render(&plan, &Options::for_plan(&plan));
    assert!(!page_text(&doc, 3).contains("ПРОЕКТ"));
}

#[test]
fn text_the_font_cannot_show_is_reported_by_item() {
    let mut plan = sofia();
    plan.support_group.members[14].organisation = "Китайска общност 华人社区 🤝".into();
    let (pdf, doc) = render(&plan, &Options::for_plan(&plan));
    assert_eq!(pdf.lost.len(), 1, "{:?}", pdf.lost);
    assert_eq!(pdf.lost[0].item, "support_group/M-15");
    assert_eq!(pdf.lost[0].chars, "华人社区🤝");
    let all: String = (1..=doc.get_pages().len())
        .map(|p| page_text(&doc, p))
        .collect();
    assert!(all.contains("Китайска общност ???? ?"));
}

#[test]
fn any_generated_plan_exports_without_panic() {
    for (n, seed) in [(0usize, 1u64), (1, 2), (7, 3), (60, 4), (300, 5)] {
        let mut plan = lap_studio::synthetic::plan(n, seed);
        if n == 7 {
            // Hostile text: long unbroken words, control characters, every script.
            plan.facts.title = format!(
                "{}\u{0}\u{7}{}",
                "Ж".repeat(400),
                "https://example.org/".repeat(30)
            );
            plan.vision = "\t\n\n".repeat(50);
        }
        for lang in [Lang::Bg, Lang::En] {
            let opts = Options {
                lang,
                ..Options::for_plan(&plan)
            };
            let (pdf, doc) = render(&plan, &opts);
            assert_eq!(doc.get_pages().len(), pdf.pages, "n={n}");
        }
    }
}

#[test]
fn export_writes_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.pdf");
    let plan = sofia();
    let pdf = report::export(&plan, &Options::for_plan(&plan), &path, &|_| {}).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), pdf.bytes);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["plan.pdf"]);
}

#[test]
fn absurdly_long_names_and_titles_are_cut_and_reported() {
    let mut plan = sofia();
    let megabyte = |word: &str| word.repeat((1 << 20) / word.len());
    plan.facts.title = megabyte("Заглавие ");
    plan.facts.city = megabyte("София");
    let home = plan.openness.home_city.clone().unwrap();
    let city = plan
        .openness
        .cities
        .iter_mut()
        .find(|c| c.id == home)
        .unwrap();
    city.name = megabyte("Столица");
    plan.objectives[0].title = megabyte("цел ");
    let started = std::time::Instant::now();
    let (pdf, doc) = render(&plan, &Options::for_plan(&plan));
    let took = started.elapsed();
    // As many pages as the Sofia plan, give or take the long cells cut to a few lines.
    assert!(pdf.pages <= 50, "{} pages", pdf.pages);
    assert_eq!(doc.get_pages().len(), pdf.pages);
    assert!(pdf.bytes.len() < 2_000_000, "{} bytes", pdf.bytes.len());
    // Debug builds are slow; the point is that nothing grows with the square of the text.
    assert!(took.as_secs() < 30, "{took:?}");
    let cut: Vec<String> = pdf
        .cut
        .iter()
        .map(|c| format!("{}: {}", c.item, c.place))
        .collect();
    for expected in [
        "facts: cover",
        "facts: running header",
        "facts: field",
        "objectives/SO-1: heading",
        &format!("openness/{home}: table header"),
    ] {
        assert!(
            cut.iter().any(|c| c == expected),
            "{expected} not in {cut:#?}"
        );
    }
    // The cover shows the start of the title, then the ellipsis.
    let cover = page_text(&doc, 1);
    assert!(cover.contains("Заглавие Заглавие"), "{cover}");
    assert!(cover.contains('…'), "{cover}");
    // The bookmarks and metadata are bounded too.
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .unwrap();
    let title = doc.get_dictionary(info).unwrap().get(b"Title").unwrap();
    assert!(title.as_str().unwrap().len() < 10_000);
}

#[test]
fn wrapping_a_long_word_takes_time_linear_in_its_length() {
    let plan = sofia();
    let mut opts = Options::for_plan(&plan);
    opts.parts = vec![Part::Section(lap_studio::model::Section::Objectives)];
    let mut timed = Vec::new();
    for n in [100_000, 400_000] {
        let mut plan = plan.clone();
        plan.vision = "Ж".repeat(n);
        let started = std::time::Instant::now();
        let _ = render(&plan, &opts);
        timed.push(started.elapsed().as_secs_f64());
    }
    // Four times the text: about four times the time (quadratic would be sixteen).
    assert!(timed[1] < timed[0] * 8.0 + 0.5, "{timed:?}");
}

#[test]
fn a_plan_longer_than_a_pdf_may_be_is_refused_not_swallowed() {
    let plan = sofia();
    let opts = Options::for_plan(&plan);
    let err = report::render_within(&plan, &opts, 1_000 / 100, &|_| {}).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the PDF would have more than 10 pages, more than an export may have; choose fewer sections, or export HTML or CSV instead"
    );
    let err = report::ExportError::TooManyPages { max: 6_000 };
    assert!(err.to_string().contains("more than 6,000 pages"), "{err}");
    // The real limit leaves room for a plan of 10,000 actions (about 5,000 pages).
    const { assert!(report::layout::MAX_PAGES >= 6_000) };
    assert!(report::render_within(&plan, &opts, 37, &|_| {}).is_ok());
}

/// Objectives, actions and indicators are listed in the order of their codes, in the tables and
/// in the text, whatever their order in the file (the Sofia plan keeps 2.3.1 before 2.1.2).
#[test]
fn the_actions_table_and_the_action_details_follow_the_codes() {
    let plan = sofia();
    let file_order: Vec<&str> = plan.actions.iter().map(|a| a.code.as_str()).collect();
    let (i, j) = (
        file_order.iter().position(|c| *c == "2.3.1").unwrap(),
        file_order.iter().position(|c| *c == "2.1.2").unwrap(),
    );
    assert!(
        i < j,
        "the sample is out of order in its file, which this test needs"
    );
    let opts = Options {
        parts: vec![report::Part::Section(lap_studio::model::Section::Actions)],
        ..Options::for_plan(&plan)
    };
    let (_, doc) = render(&plan, &opts);
    let all: String = (1..=doc.get_pages().len())
        .map(|p| page_text(&doc, p))
        .collect::<Vec<_>>()
        .join("\n");
    // In the table (first occurrences) and in the details that follow (last occurrences).
    let first = |code: &str| {
        all.find(&format!("{code}\n"))
            .unwrap_or_else(|| panic!("{code}"))
    };
    let last = |code: &str| all.rfind(code).unwrap();
    assert!(first("2.1.2") < first("2.3.1"), "table");
    assert!(first("1.2.3") < first("2.1.1"), "table");
    assert!(last("2.1.2") < last("2.3.1"), "details");
}
