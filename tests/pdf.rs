//! The exported PDF, read back with lopdf: text is extractable, the contents point at the right
//! pages, fonts are embedded and subset, bookmarks, metadata and language are there, and any
//! plan exports without panicking.

use lap_studio::model::{Lang, Plan, PlanStatus};
use lap_studio::report::{self, Options, Part, layout::Paper};
use lopdf::{Document, Object};

mod common;
use common::pdf::name;
use common::*;

/// Pages of the Sofia plan's council PDF.
const PAGES: usize = 49;

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

#[test]
fn the_sofia_plan_has_its_pages_and_its_contents_point_at_them() {
    let plan = sofia();
    let (pdf, doc) = render(&plan, &Options::for_plan(&plan));
    assert_eq!(pdf.pages, PAGES, "the page count of the Sofia plan changed");
    // The sample exports without a warning: nothing cut, nothing lost.
    assert!(pdf.cut.is_empty(), "{:?}", pdf.cut);
    assert!(pdf.lost.is_empty(), "{:?}", pdf.lost);
    assert_eq!(doc.get_pages().len(), pdf.pages);
    let sections: Vec<&str> = pdf.contents.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(sections.len(), 18, "{sections:?}");
    // The cover, the approval page, then the contents.
    assert!(page_text(&doc, 2).contains("Одобрение"));
    let toc = page_text(&doc, 3);
    assert!(toc.contains("Съдържание"));
    for (title, page) in &pdf.contents {
        // The contents list the section with its page number…
        assert!(
            toc.contains(title.as_str()) || page_text(&doc, 4).contains(title.as_str()),
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
        "спрямо средното за групата",
        "Какво планът разбира под отвореност",
        "Индексът на отвореност през годините",
        "изчислен поотделно за всяка година",
        &format!("Страница {PAGES} от {PAGES}"),
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
        consultation_copy: true,
        base_dir: None,
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
        b"bg",
        "the document's language is the plan's, not the labels'"
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
    // The hanzi come from the fallback font; nothing has the emoji.
    assert_eq!(pdf.lost[0].chars, "🤝");
    let all: String = (1..=doc.get_pages().len())
        .map(|p| page_text(&doc, p))
        .collect();
    // (tests/pdf_scripts.rs reads the hanzi back.)
    assert!(all.contains("Китайска общност"));
    assert!(!all.contains("????"));
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
    assert!(pdf.pages <= 55, "{} pages", pdf.pages);
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
    assert!(report::render_within(&plan, &opts, PAGES, &|_| {}).is_ok());
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

/// All the text of a PDF, page by page.
fn pages_text(doc: &Document) -> Vec<String> {
    (1..=doc.get_pages().len())
        .map(|p| page_text(doc, p))
        .collect()
}

/// The text of a section: from the page the contents give for it through the next two pages
/// (sections follow each other on a page, and a long one goes on).
fn section_text(pages: &[String], pdf: &report::Pdf, title: &str) -> String {
    let start = pdf
        .contents
        .iter()
        .find(|(t, _)| t == title)
        .unwrap_or_else(|| panic!("{title} is not in the contents"))
        .1;
    pages[start - 1..(start + 2).min(pages.len())].join("\n")
}

#[test]
fn the_summary_pages_figures_equal_summary_json() {
    use lap_studio::model::{Money, format};
    const FILE: &str = "plan-templates/sofia-open-cities.ron";
    let out = lap(&["summary", FILE, "--format", "json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let b = &json["budget_eur"];
    let plan = lap_studio::store::load(std::path::Path::new(FILE)).unwrap();
    for lang in [Lang::Bg, Lang::En] {
        let opts = Options {
            lang,
            ..Options::for_plan(&plan)
        };
        let (pdf, doc) = render(&plan, &opts);
        let title = if lang == Lang::Bg {
            "Обобщение"
        } else {
            "Executive summary"
        };
        let page = pdf.contents.iter().find(|(t, _)| t == title).unwrap().1;
        // Right after the contents.
        assert_eq!(page, pdf.contents[0].1, "the summary comes first");
        let text = page_text(&doc, page);
        let money = |key: &str| {
            let v = b[key].as_f64().unwrap();
            format::money(lang, Money::from_cents((v * 100.0).round() as i128), "EUR")
        };
        for key in ["total", "secured", "potential", "unsecured"] {
            assert!(
                text.contains(&money(key)),
                "{key}: {} not in {text}",
                money(key)
            );
        }
        let share = format::percent(lang, b["secured_share_percent"].as_f64().unwrap(), 1);
        assert!(text.contains(&share), "{share} not in {text}");
        // The unsecured share, as prominent as the rest.
        let unsecured = b["unsecured"].as_f64().unwrap() / b["total"].as_f64().unwrap() * 100.0;
        assert!(
            text.contains(&format::percent(lang, unsecured, 1)),
            "{text}"
        );
        // The funds, the actions per objective, the pilots and the openness index.
        for (source, figures) in b["by_source"].as_object().unwrap() {
            let v = figures["total"].as_f64().unwrap();
            let m = format::money(lang, Money::from_cents((v * 100.0).round() as i128), "EUR");
            assert!(text.contains(&m), "{source}: {m}");
        }
        let actions = json["counts"]["actions"].as_u64().unwrap();
        assert!(
            text.contains(&format!("\n{actions}")) || text.contains(&format!(" {actions} ")),
            "{text}"
        );
        let home = json["openness_index"]["София"].as_f64().unwrap();
        assert!(
            text.contains(&format::decimal(lang, home, 1)),
            "{home} in {text}"
        );
        for p in &plan.pilots {
            let start: String = p.title.chars().take(12).collect();
            assert!(text.contains(&start), "{start} in {text}");
        }
    }
}

#[test]
fn the_council_version_leaves_out_internal_material_the_consultation_copy_has_it() {
    let plan = sofia();
    assert!(!plan.comments.is_empty());
    let council = pages_text(&render(&plan, &Options::for_plan(&plan)).1).join("\n");
    let consultation = {
        let mut opts = Options::for_plan(&plan);
        opts.consultation_copy = true;
        let (pdf, doc) = render(&plan, &opts);
        let titles: Vec<&str> = pdf.contents.iter().map(|(t, _)| t.as_str()).collect();
        assert!(
            titles.contains(&"Приложение: коментари от прегледа"),
            "{titles:?}"
        );
        pages_text(&doc).join("\n")
    };
    for internal in [
        "Приложение: констатации от проверките",
        "Приложение: коментари от прегледа",
        "Експерт по URBACT",
        "Вътрешен идентификатор",
    ] {
        assert!(
            !council.contains(internal),
            "{internal} in the council version"
        );
        assert!(
            consultation.contains(internal),
            "{internal} not in the consultation copy"
        );
    }
    // The ids themselves.
    let a = &plan.actions[0];
    let at = consultation.find("Вътрешен идентификатор").unwrap();
    assert!(consultation[at..].starts_with("Вътрешен идентификатор:"));
    assert!(
        consultation[at..at + 200].contains(a.id.as_str()),
        "{}",
        &consultation[at..at + 200]
    );
}

#[test]
fn approval_foreword_glossary_and_the_support_group_annex() {
    let mut plan = sofia();
    plan.facts.adoption_decision = "Решение № 123 по Протокол № 45".into();
    plan.facts.adoption_date = "2026-03-26".parse().ok();
    plan.facts.foreword = "Скъпи съграждани, този план е за всички нас.".into();
    plan.facts.foreword_by = "Кметът на Столична община".into();
    plan.glossary.push(lap_studio::model::GlossaryEntry {
        abbreviation: "СГП".into(),
        bg: "Служба по гражданска помощ".into(),
        en: "Civil assistance service".into(),
    });
    let (pdf, doc) = render(&plan, &Options::for_plan(&plan));
    let pages = pages_text(&doc);
    let approval = &pages[1];
    for needle in [
        "Одобрение",
        "Решение № 123 по Протокол № 45",
        "26 март 2026",
        "Кмет на Столична община",
        "Председател на Столичния общински",
        "(подпис)",
    ] {
        assert!(approval.contains(needle), "{needle} not in {approval}");
    }
    assert!(
        pages[2].contains("Скъпи съграждани"),
        "the foreword follows"
    );
    assert!(pages[2].contains("Кметът на Столична община"));
    assert!(pages[3].contains("Съдържание"));
    let glossary = section_text(&pages, &pdf, "Списък на съкращенията");
    for needle in [
        "ЕСФ+",
        "Европейски социален фонд плюс",
        "ФУМИ",
        "Фонд „Убежище, миграция и интеграция“",
        "ВКБООН",
        "Върховен комисариат на ООН за бежанците",
        "ЕГИ",
        "Европейска градска инициатива",
        "СГП",
        "Служба по гражданска помощ",
    ] {
        assert!(glossary.contains(needle), "{needle} not in {glossary}");
    }
    // Only what the plan uses: no ministry it never names.
    assert!(!glossary.contains("МТСП"), "{glossary}");
    // The support group is the last annex of the council version.
    let last = pdf.contents.last().unwrap();
    assert_eq!(last.0, "Приложение: местна група за подкрепа");
}

#[test]
fn action_fiches_and_pilot_budgets_reconciled() {
    let mut plan = sofia();
    let (_, doc) = render(&plan, &Options::for_plan(&plan));
    let all = pages_text(&doc).join("\n");
    let a = &plan.actions[0];
    let details = all.find("Дейностите подробно").expect("the fiches");
    let at = details + all[details..].find(a.title.as_str()).unwrap();
    let fiche = &all[at..];
    let fiche: String = fiche.chars().take(1500).collect();
    for needle in [
        "Водеща организация:",
        a.lead.as_str(),
        "Период:",
        "март 2025 – декември 2030",
        "Стойност:",
        "1\u{a0}450\u{a0}000,00\u{a0}EUR",
        "Финансиране:",
        "ФУМИ",
    ] {
        assert!(fiche.contains(needle), "{needle} not in the fiche {fiche}");
    }
    assert!(
        !all.contains("Несъответствие с източниците"),
        "the sample is reconciled"
    );
    // A pilot asking more from its fund than the actions plan is flagged on its fiche.
    plan.pilots[0].budget[0].amount += lap_studio::model::Money::from_units(100_000);
    let report = lap_studio::analysis::check(&plan);
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.code == "PILOT_BUDGET_MISMATCH")
    );
    let (_, doc) = render(&plan, &Options::for_plan(&plan));
    let pages = pages_text(&doc);
    let flagged: Vec<&String> = pages
        .iter()
        .filter(|t| t.contains("Несъответствие с източниците на финансиране в плана"))
        .collect();
    assert_eq!(flagged.len(), 1);
    assert!(
        flagged[0].contains(&plan.pilots[0].title[..30]),
        "on the pilot's own fiche"
    );
}

#[test]
fn charts_have_captions_text_alternatives_and_full_labels() {
    use lap_studio::report::charts::{self, Chart};
    let plan = sofia();
    let (pdf, doc) = render(&plan, &Options::for_plan(&plan));
    let pages = pages_text(&doc);
    let all = pages.join("\n");
    for n in 1..=4 {
        assert!(all.contains(&format!("Фигура {n}.")), "figure {n}");
    }
    for chart in Chart::ALL {
        for lang in [Lang::Bg, Lang::En] {
            let alt = charts::alt_text(&plan, lang, chart);
            assert!(alt.chars().any(|c| c.is_ascii_digit()), "{chart:?}: {alt}");
            assert!(alt.len() > 30, "{alt}");
        }
        // Printed under the chart.
        let alt = charts::alt_text(&plan, Lang::Bg, chart);
        let start: String = alt.chars().take(25).collect();
        assert!(all.contains(&start), "{start}");
    }
    // Risk matrix: both axes titled, labels in full, risk codes in the cells and the register.
    let risks = &section_text(&pages, &pdf, "Рискове");
    for needle in [
        "Вероятност",
        "Въздействие",
        "Много висок",
        "Много нисък",
        "Р1",
        "Р8",
    ] {
        assert!(risks.contains(needle), "{needle} not in {risks}");
    }
    // The register names each risk by its code, in a cell of its own before the title.
    let p1 = risks
        .find("Р1\nПроектите")
        .or_else(|| risks.find("Р1 Проектите"));
    assert!(
        p1.is_some(),
        "the register names the risk by its code: {risks}"
    );
    // Gantt: labels in full (a long title wraps rather than being cut), year and quarter ticks.
    // The chart may begin on the page before its caption.
    let at = pages.iter().position(|t| t.contains("Фигура 1.")).unwrap();
    let gantt = &pages[at.saturating_sub(1)..=at].join("\n");
    assert!(gantt.contains("2027") && gantt.contains("III"), "{gantt}");
    let long = plan
        .actions
        .iter()
        .max_by_key(|a| a.title.chars().count())
        .unwrap();
    let last_word = long.title.split_whitespace().last().unwrap();
    assert!(gantt.contains(last_word), "{last_word}");
    // Openness: the own city's value is written even where it is lowest.
    let idx = lap_studio::analysis::openness_index(&plan);
    let home = idx.home().unwrap();
    let profile = pages.iter().find(|t| t.contains("Фигура 4.")).unwrap();
    for v in home.areas.iter().flatten() {
        assert!(
            profile.contains(&lap_studio::model::format::decimal(Lang::Bg, *v, 0)),
            "{v} in {profile}"
        );
    }
}

#[test]
fn the_gantt_legend_repeats_on_every_page_it_continues_on() {
    let plan = lap_studio::synthetic::plan(120, 7);
    let mut opts = Options::for_plan(&plan);
    opts.parts = vec![Part::Section(lap_studio::model::Section::Actions)];
    opts.lang = Lang::En;
    let (_, doc) = render(&plan, &opts);
    let pages = pages_text(&doc);
    let first = pages
        .iter()
        .position(|t| t.contains("Timeline of actions") && !t.contains("Contents"))
        .unwrap();
    let last = pages.iter().position(|t| t.contains("Figure 1.")).unwrap();
    assert!(last > first, "the chart takes more than a page");
    let tl = lap_studio::analysis::timeline(&plan);
    let objective = &plan.objectives[tl.rows[0].objective_index.unwrap()];
    for page in &pages[first..=last] {
        assert!(
            page.contains(&objective.code),
            "legend missing on a page: {page}"
        );
    }
    for page in &pages[first + 1..=last] {
        assert!(page.contains("Objectives (continued)"));
    }
}

#[test]
fn logos_and_the_eu_emblem_are_on_the_cover_and_a_missing_file_is_reported() {
    let dir = std::env::temp_dir().join(format!("lap-logos-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A 2×2 PNG, written by hand.
    const PNG: &[u8] = &[
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xFD,
        0xD4, 0x9A, 0x73, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x38,
        0x21, 0x27, 0x07, 0x44, 0x0C, 0x10, 0x0A, 0x00, 0x1F, 0x26, 0x04, 0x11, 0xA2, 0x8F, 0x22,
        0xAF, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];
    std::fs::write(dir.join("coat.png"), PNG).unwrap();
    std::fs::write(dir.join("eu.png"), PNG).unwrap();
    let mut plan = sofia();
    plan.facts.logos = vec!["coat.png".into(), "missing.png".into()];
    plan.facts.eu_emblem = "eu.png".into();
    let mut opts = Options::for_plan(&plan);
    opts.base_dir = Some(dir.clone());
    let (pdf, doc) = render(&plan, &opts);
    assert_eq!(pdf.missing_images, vec!["missing.png".to_owned()]);
    let cover = page_text(&doc, 1);
    assert!(cover.contains("Съфинансирано"), "{cover}");
    let images = doc.get_page_images(doc.get_pages()[&1]).unwrap_or_default();
    assert_eq!(images.len(), 2, "the coat of arms and the emblem");
    // Each a Figure with its text alternative: the logo's file name, the emblem's name.
    let mut alts = Vec::new();
    for obj in doc.objects.values() {
        if let Ok(d) = obj.as_dict()
            && d.get(b"S").ok().map(name).as_deref() == Some("Figure")
        {
            alts.push(lopdf::decode_text_string(d.get(b"Alt").unwrap()).unwrap());
        }
    }
    assert!(alts.contains(&"coat".to_owned()), "{alts:?}");
    assert!(
        alts.contains(&"Емблема на Европейския съюз".to_owned()),
        "{alts:?}"
    );
    // Without the emblem, no statement.
    plan.facts.eu_emblem.clear();
    let (_, doc) = render(&plan, &opts);
    assert!(!page_text(&doc, 1).contains("Съфинансирано"));
    let _ = std::fs::remove_dir_all(&dir);
}
