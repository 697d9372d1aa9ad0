//! The PDF read back as a reader meets it: no word is split between letters without a hyphen
//! (in the Sofia plan, in both languages, and in a generated plan of 300 actions), and no page
//! but the last of a section is nearly empty.

use std::collections::HashSet;

use lap_studio::model::{Lang, Plan};
use lap_studio::report::{self, Options};
use lopdf::Document;

fn sofia() -> Plan {
    lap_studio::store::templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap()
}

fn pages(plan: &Plan, lang: Lang) -> (report::Pdf, Vec<Vec<String>>) {
    let opts = Options {
        lang,
        ..Options::for_plan(plan)
    };
    let pdf = report::render(plan, &opts, &|_| {}).unwrap();
    let doc = Document::load_mem(&pdf.bytes).unwrap();
    let pages = (1..=doc.get_pages().len() as u32)
        .map(|p| {
            let mut lines: Vec<String> = Vec::new();
            for l in doc.extract_text(&[p]).unwrap_or_default().lines() {
                let l = l.trim_end();
                match lines.last_mut() {
                    // A hyphen the layout added is drawn on its own (an artifact, outside the
                    // text's tags): it ends the line before it.
                    Some(last) if l == "-" => last.push('-'),
                    _ if l.is_empty() => {}
                    _ => lines.push(l.to_owned()),
                }
            }
            lines
        })
        .collect();
    (pdf, pages)
}

/// The runs of letters in `text`.
fn runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

fn strings(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push(' ');
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// The text of every file under `dir`.
fn read_all(dir: &std::path::Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            read_all(&path, out);
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            out.push_str(&text);
        }
    }
}

/// Every line that ends with a letter ends a word: its last run of letters is a word of the
/// plan, of the interface or of the PDF itself (where it is not at the end of a line).
fn assert_no_split_word(plan: &Plan, lang: Lang) {
    let (_, pages) = pages(plan, lang);
    let mut words: HashSet<String> = HashSet::new();
    let mut text = String::new();
    strings(&serde_json::to_value(plan).unwrap(), &mut text);
    // The interface's words, the names of the closed lists (themes, statuses, sections), the
    // method texts of the analysis, the shipped funding catalogue the PDF quotes and the
    // glossary.
    for dir in [
        "assets/i18n/bg",
        "assets/i18n/en",
        "src/model",
        "src/analysis",
        "plan-templates/funding",
    ] {
        read_all(std::path::Path::new(dir), &mut text);
    }
    // The report's own words: the built-in glossary, the charts' text alternatives.
    read_all(std::path::Path::new("src/report"), &mut text);
    words.extend(runs(&text).map(str::to_lowercase));
    // The Gantt's quarter ticks in Bulgarian (I–IV), each a line of its own.
    words.extend(["i", "ii", "iii", "iv"].map(String::from));
    for line in pages.iter().flatten() {
        let mut all: Vec<&str> = runs(line).collect();
        if line.chars().last().is_some_and(char::is_alphabetic) {
            all.pop();
        }
        words.extend(all.into_iter().map(str::to_lowercase));
    }
    let mut bad = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let mut previous = "";
        for line in page {
            if line.chars().last().is_some_and(char::is_alphabetic) {
                let last = runs(line).last().unwrap_or_default().to_lowercase();
                let mut joined = last.clone();
                // The end of a word hyphenated on the line before: the whole word counts.
                let whole_line = line
                    .trim_start()
                    .starts_with(runs(line).last().unwrap_or("-"))
                    && runs(line).count() == 1;
                if whole_line && previous.ends_with('-') {
                    let head = runs(previous).last().unwrap_or_default().to_lowercase();
                    joined = format!("{head}{last}");
                }
                if !words.contains(&last) && !words.contains(&joined) {
                    bad.push(format!("page {}: {previous:?} {line:?}", p + 1));
                }
            }
            previous = line;
        }
    }
    assert!(
        bad.is_empty(),
        "{lang:?}: lines ending inside a word without a hyphen:\n{}",
        bad.join("\n")
    );
}

#[test]
fn no_word_is_split_between_letters_without_a_hyphen() {
    let plan = sofia();
    assert_no_split_word(&plan, Lang::Bg);
    assert_no_split_word(&plan, Lang::En);
    assert_no_split_word(&lap_studio::synthetic::plan(300, 1), Lang::Bg);
}

#[test]
fn words_of_narrow_columns_are_hyphenated_where_the_language_allows() {
    let plan = sofia();
    let (_, pages) = pages(&plan, Lang::Bg);
    let lines: Vec<&String> = pages.iter().flatten().collect();
    let hyphenated: Vec<&&String> = lines
        .iter()
        .filter(|l| {
            let mut chars = l.chars().rev();
            chars.next() == Some('-') && chars.next().is_some_and(char::is_alphabetic)
        })
        .collect();
    assert!(!hyphenated.is_empty(), "narrow cells hyphenate long words");
    // Every piece before a hyphen is a place the Bulgarian or English patterns allow a break.
    for line in hyphenated.iter().filter(|l| !l.contains(['%', '/'])) {
        let piece = runs(line).last().unwrap();
        assert!(piece.chars().count() >= 2, "{line:?}");
    }
    // A header is never broken inside a word.
    let all = lines
        .iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!all.contains("Дейност\nи"));
}

/// A line of body text: not the running header, the footer or the draft's watermark.
fn body_lines<'a>(page: &'a [String], title: &str) -> Vec<&'a String> {
    page.iter()
        .filter(|l| {
            let l = l.trim();
            l != "ПРОЕКТ"
                && l != "DRAFT"
                && !title.starts_with(l)
                && !(l.starts_with("Страница ") || l.starts_with("Page "))
        })
        .collect()
}

#[test]
fn no_page_but_the_last_of_a_section_is_nearly_empty() {
    for (plan, lang) in [
        (sofia(), Lang::Bg),
        (sofia(), Lang::En),
        (lap_studio::synthetic::plan(300, 1), Lang::Bg),
    ] {
        let (pdf, pages) = pages(&plan, lang);
        let title = &plan.facts.title;
        // A page that starts a section or a pilot fiche.
        let starts: HashSet<usize> = pdf.contents.iter().map(|(_, p)| *p).collect();
        let pilots: Vec<&str> = plan.pilots.iter().map(|p| p.title.as_str()).collect();
        let starts_fiche = |page: &[String]| {
            body_lines(page, title)
                .first()
                .is_some_and(|l| pilots.iter().any(|t| t.starts_with(l.as_str())))
        };
        // From the first body page (after the cover and the contents) to the one before last.
        let first = pdf.contents.first().map_or(1, |(_, p)| *p);
        for p in first..pages.len() {
            let n = body_lines(&pages[p - 1], title).len();
            let next = p + 1;
            let ends_section = starts.contains(&next) || starts_fiche(&pages[next - 1]);
            assert!(
                n >= 5 || ends_section,
                "{lang:?}, {} actions: page {p} of {} has {n} lines of text: {:?}",
                plan.actions.len(),
                pages.len(),
                pages[p - 1]
            );
        }
    }
}
