//! The pages a council and a funder expect around the plan itself: the logos on the cover, the
//! approval page with who signs, the mayor's foreword, the executive summary with the key
//! figures (computed, the same as `lap-studio summary`), and the glossary of abbreviations.

use std::path::Path;

use printpdf::{Op, Pt, RawImage, XObjectId, XObjectTransform};

use crate::analysis;
use crate::i18n::tr_args;
use crate::model::*;

use super::fonts::Face;
use super::layout::{ACCENT, Column, GREY, INK, Layout, Style};
use super::tables::{short, t};

// ---- Images on the cover ----------------------------------------------------------------

/// An image added to the document, with its size in pixels.
#[derive(Clone, Debug)]
pub struct Image {
    /// Its resource.
    pub id: XObjectId,
    /// What it is called: its file's name without the extension (the text alternative of a
    /// logo).
    pub name: String,
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
}

/// The cover's images: the logos in the plan's order, and the EU emblem.
#[derive(Clone, Debug, Default)]
pub struct CoverImages {
    /// Logos (coat of arms, programme logos).
    pub logos: Vec<Image>,
    /// The EU emblem, shown with "Co-funded by the European Union".
    pub emblem: Option<Image>,
}

/// Most bytes of an image file read for the cover.
const MAX_IMAGE_BYTES: u64 = 20 * 1024 * 1024;

/// Most pixels of a cover image (a logo needs far fewer).
const MAX_IMAGE_PIXELS: usize = 25_000_000;

/// Reads the cover's images (paths relative to `base`), adds them to `doc`, and returns them
/// with the paths of the files that could not be used (missing, too large, not PNG or JPEG).
pub fn load_cover_images(
    doc: &mut printpdf::PdfDocument,
    facts: &PlanFacts,
    base: Option<&Path>,
) -> (CoverImages, Vec<String>) {
    let mut failed = Vec::new();
    let mut load = |path: &str| -> Option<Image> {
        let path = path.trim();
        if path.is_empty() {
            return None;
        }
        let full = match base {
            Some(b) if Path::new(path).is_relative() => b.join(path),
            _ => Path::new(path).to_path_buf(),
        };
        let image = std::fs::metadata(&full)
            .ok()
            .filter(|m| m.is_file() && m.len() <= MAX_IMAGE_BYTES)
            .and_then(|_| std::fs::read(&full).ok())
            .filter(|bytes| {
                // PNG or JPEG only, by their signatures.
                bytes.starts_with(b"\x89PNG\r\n\x1a\n") || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
            })
            .and_then(|bytes| RawImage::decode_from_bytes(&bytes, &mut Vec::new()).ok())
            .filter(|i| i.width > 0 && i.height > 0 && i.width * i.height <= MAX_IMAGE_PIXELS);
        match image {
            Some(raw) => Some(Image {
                name: Path::new(path)
                    .file_stem()
                    .map_or_else(|| path.to_owned(), |s| s.to_string_lossy().into_owned()),
                width: raw.width,
                height: raw.height,
                id: doc.add_image(&raw),
            }),
            None => {
                failed.push(path.to_owned());
                None
            }
        }
    };
    let logos = facts.logos.iter().filter_map(|p| load(p)).collect();
    let emblem = load(&facts.eu_emblem);
    (CoverImages { logos, emblem }, failed)
}

/// Draws `image` in the box (x, top, w, h), scaled to fit and centred vertically.
fn draw_image(l: &mut Layout<'_>, image: &Image, x: f32, top: f32, max_w: f32, max_h: f32) -> f32 {
    let (pw, ph) = (image.width as f32, image.height as f32);
    let scale = (max_w / pw).min(max_h / ph);
    let (w, h) = (pw * scale, ph * scale);
    let y = l.page.1 - top - (max_h + h) / 2.0;
    l.mark_drawing();
    if let Some(page) = l.pages.last_mut() {
        page.push(Op::UseXobject {
            id: image.id.clone(),
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(y)),
                scale_x: Some(scale),
                scale_y: Some(scale),
                dpi: Some(72.0),
                ..XObjectTransform::default()
            },
        });
    }
    w
}

/// Height of the band of logos at the foot of the cover.
pub const LOGO_BAND: f32 = 56.0;

/// The logos along the foot of the cover: the EU emblem with its statement on the left (as the
/// EU's visibility rules ask), the other logos to the right.
pub fn cover_logos(l: &mut Layout<'_>, lang: Lang, images: &CoverImages) {
    if images.logos.is_empty() && images.emblem.is_none() {
        return;
    }
    let h = 44.0;
    let top = l.page.1 - l.margins.3 - LOGO_BAND + 6.0;
    let mut x = l.left();
    // Text first, images after: some readers stop extracting text at an image.
    // Each image a Figure with its text alternative: the emblem's name, a logo's.
    let mut draws: Vec<(&Image, f32, f32, String)> = Vec::new();
    if let Some(e) = &images.emblem {
        let w = e.width as f32 * (66.0 / e.width as f32).min(h / e.height as f32);
        draws.push((e, x, 66.0, t(lang, "pdf-eu-emblem-alt")));
        let text = t(lang, "pdf-cofunded");
        let style = Style {
            face: Face::Bold,
            size: 9.0,
            color: INK,
        };
        let lines = l.wrap_lines(style, &text, 110.0, 3).0;
        let block = lines.len() as f32 * style.line_height();
        let p = l.begin("P");
        l.label(p);
        for (i, line) in lines.iter().enumerate() {
            let y = top + (h - block) / 2.0 + i as f32 * style.line_height();
            l.put_text(x + w + 8.0, y, style, line);
        }
        l.end();
        x += w + 8.0 + 116.0;
    }
    let n = images.logos.len() as f32;
    if n > 0.0 {
        let room = l.left() + l.width() - x;
        let gap = 12.0;
        let each = ((room - gap * (n - 1.0)) / n).min(110.0);
        // Right-aligned: the widths are known only after scaling.
        let widths: Vec<f32> = images
            .logos
            .iter()
            .map(|i| {
                let s = (each / i.width as f32).min(h / i.height as f32);
                i.width as f32 * s
            })
            .collect();
        let total: f32 = widths.iter().sum::<f32>() + gap * (n - 1.0);
        let mut lx = l.left() + l.width() - total;
        for (image, w) in images.logos.iter().zip(widths) {
            draws.push((image, lx, each, image.name.clone()));
            lx += w + gap;
        }
    }
    for (image, x, max_w, alt) in draws {
        l.begin_figure(alt);
        draw_image(l, image, x, top, max_w, h);
        l.end_figure();
    }
}

// ---- Approval and foreword --------------------------------------------------------------

/// The approval page: the council decision and its date (dotted lines to fill in while the
/// plan is not adopted), then a signature block for everyone who signs.
pub fn approval(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    let f = &plan.facts;
    l.item = "facts".into();
    title(l, &t(lang, "pdf-approval"));
    l.label_paragraph(Style::BODY, &t(lang, "pdf-approval-text"), 0.0);
    l.space(10.0);
    let blank = format!("……………………  ({})", t(lang, "pdf-not-adopted"));
    let decision = if f.adoption_decision.trim().is_empty() {
        blank.clone()
    } else {
        f.adoption_decision.clone()
    };
    let date = f
        .adoption_date
        .map_or(blank, |d| format::date_long(lang, d));
    l.field(&t(lang, "pdf-council-decision"), &decision);
    l.field(&t(lang, "pdf-decision-date"), &date);
    l.space(30.0);
    let people: Vec<Signatory> = if f.signatories.is_empty() {
        vec![Signatory::default()]
    } else {
        f.signatories.clone()
    };
    for s in &people {
        signature(l, lang, &s.role, &s.name);
    }
}

/// A signature block: office and name on the left, a line to sign on the right.
fn signature(l: &mut Layout<'_>, lang: Lang, role: &str, name: &str) {
    let style = Style::BODY;
    let block = 3.0 * style.line_height() + 26.0;
    l.ensure(block);
    let top = l.y;
    let half = l.width() / 2.0;
    let role_lines = l.wrap_lines(style.bold(), role, half - 12.0, 3).0;
    let mut y = top;
    // Office, name and the line's caption are three paragraphs, read in that order.
    l.begin("P");
    for line in &role_lines {
        l.put_text(l.left(), y, style.bold(), line);
        y += style.line_height();
    }
    l.end();
    let name = l.clean(Face::Regular, name);
    // No empty paragraph where no name is given.
    if !name.trim().is_empty() {
        l.begin("P");
        l.put_text(l.left(), y, style, &name);
        l.end();
    }
    let x0 = l.left() + half + 20.0;
    let x1 = l.left() + l.width();
    let line_y = top + 2.0 * style.line_height();
    l.rule(x0, x1, line_y, INK, 0.5);
    let label = format!("({})", t(lang, "pdf-signature"));
    let w = l.text_width(Style::SMALL.color(GREY), &label);
    let p = l.begin("P");
    l.label(p);
    l.put_text(
        (x0 + x1 - w) / 2.0,
        line_y + 3.0,
        Style::SMALL.color(GREY),
        &label,
    );
    l.end();
    l.y = top + block;
}

/// A page title in the style of a section heading, not listed in the contents; tagged H1 (the
/// titles of the pages before the contents are labels).
fn title(l: &mut Layout<'_>, text: &str) {
    let style = Style {
        face: Face::Bold,
        size: 15.0,
        color: ACCENT,
    };
    let y = l.y;
    let h = l.begin("H1");
    l.label(h);
    l.put_text(l.left(), y, style, text);
    l.end();
    l.y += style.line_height() + 1.0;
    let (x0, x1) = (l.left(), l.left() + l.width());
    let y = l.y;
    l.rule(x0, x1, y, ACCENT, 0.8);
    l.y += 12.0;
}

/// The foreword, when the plan has one, signed at its foot.
pub fn foreword(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    let f = &plan.facts;
    if f.foreword.trim().is_empty() {
        return;
    }
    l.item = "facts".into();
    title(l, &t(lang, "pdf-foreword"));
    l.paragraph(Style::BODY.size(10.5), &f.foreword, 0.0);
    if !f.foreword_by.trim().is_empty() {
        l.space(12.0);
        let style = Style::BODY.italic();
        let lines = l.wrap_lines(style, &f.foreword_by, l.width() * 0.6, 4).0;
        for line in lines {
            l.ensure(style.line_height());
            let w = l.line_width(style, &line);
            let y = l.y;
            l.put_text(l.left() + l.width() - w, y, style, &line);
            l.y += style.line_height();
        }
    }
}

// ---- Executive summary ------------------------------------------------------------------

/// The executive summary: the plan in one page of figures, every one computed — the money
/// (from [`analysis::summary::summary`], the figures `lap-studio summary` prints), the funds
/// targeted, actions per objective, the pilots and the openness index.
pub fn executive_summary(l: &mut Layout<'_>, plan: &Plan, report: &analysis::Report, lang: Lang) {
    let s = analysis::summary::summary_with(plan, report);
    let b = analysis::budget(plan);
    let money = |m: Money| plan.money_text(lang, m);
    let share = |m: Money| {
        tr_args(
            lang,
            "pdf-share-of-cost",
            &[(
                "share",
                format::percent(lang, Money::percent_of(m, s.budget.total), 1).into(),
            )],
        )
    };
    l.label_heading(2, &t(lang, "pdf-key-figures"), 120.0);
    // Four tiles: the cost, and how much of it is secured, only potential, and not secured. The
    // labels are the headline's, so the app, the PDF and `summary` say the same.
    let labels: Vec<String> = b
        .headline(lang, &plan.facts.currency)
        .iter()
        .map(|(figure, _)| t(lang, figure.key()))
        .collect();
    let tiles = [
        (
            labels[0].clone(),
            money(s.budget.total),
            String::new(),
            [0.93, 0.95, 0.98],
        ),
        (
            labels[1].clone(),
            money(s.budget.secured),
            tr_args(
                lang,
                "pdf-share-of-cost",
                &[(
                    "share",
                    format::percent(lang, s.budget.secured_share_percent, 1).into(),
                )],
            ),
            [0.90, 0.96, 0.90],
        ),
        (
            labels[2].clone(),
            money(s.budget.potential),
            share(s.budget.potential),
            [0.99, 0.95, 0.86],
        ),
        (
            labels[3].clone(),
            money(s.budget.unsecured),
            share(s.budget.unsecured),
            [0.99, 0.90, 0.88],
        ),
    ];
    // Two by two: wide enough for the amounts in full.
    let gap = 8.0;
    let tile_w = (l.width() - gap) / 2.0;
    let tile_h = 50.0;
    l.ensure(2.0 * tile_h + gap + 10.0);
    let top = l.y;
    for (i, (label, value, note, color)) in tiles.iter().enumerate() {
        let x = l.left() + (i % 2) as f32 * (tile_w + gap);
        let y = top + (i / 2) as f32 * (tile_h + gap);
        l.fill_rect(x, y, tile_w, tile_h, *color);
        l.fill_rect(x, y, 3.0, tile_h, ACCENT);
        let small = Style::SMALL.color(GREY);
        let label = super::fit(l, small, label, tile_w - 16.0);
        // A tile is a paragraph: its label, its figure, and a note in words.
        l.begin("P");
        let (label_span, value_span) = (l.child("Span"), l.child("Span"));
        l.label(label_span);
        // Each part ends with a space (invisible), so the tile reads as words, not one run.
        l.with(label_span, |l| {
            l.put_text(x + 10.0, y + 6.0, small, &format!("{label} "))
        });
        let big = Style {
            face: Face::Bold,
            size: 14.0,
            color: INK,
        };
        let value = super::fit(l, big, value, tile_w - 16.0);
        l.with(value_span, |l| {
            l.put_text(x + 10.0, y + 19.0, big, &format!("{value} "))
        });
        let note = super::fit(l, Style::SMALL, note, tile_w - 16.0);
        if !note.trim().is_empty() {
            let note_span = l.child("Span");
            l.label(note_span);
            l.with(note_span, |l| {
                l.put_text(x + 10.0, y + 37.0, Style::SMALL, &note)
            });
        }
        l.end();
    }
    l.y = top + 2.0 * tile_h + gap + 8.0;
    if s.budget.gap.cents() > 0 {
        l.field(
            &t(lang, analysis::budget::Figure::Uncovered.key()),
            &format!("{} ({})", money(s.budget.gap), share(s.budget.gap)),
        );
    }
    // Funds targeted.
    if !s.budget.by_source.is_empty() {
        l.label_heading(2, &t(lang, "pdf-funds-targeted"), 60.0);
        let cols = [
            Column::new(t(lang, "pdf-source"), 3.0),
            Column::right(t(lang, "pdf-secured"), 1.4),
            Column::right(t(lang, "pdf-potential"), 1.4),
            Column::right(t(lang, "pdf-total"), 1.4),
        ];
        let rows: Vec<Vec<String>> = s
            .budget
            .by_source
            .iter()
            .map(|x| {
                vec![
                    x.source.label(lang).to_owned(),
                    money(x.secured),
                    money(x.potential),
                    money(x.secured + x.potential),
                ]
            })
            .collect();
        l.table(&cols, &rows);
    }
    // Actions per objective.
    if !plan.objectives.is_empty() {
        l.label_heading(2, &t(lang, "pdf-actions-per-objective"), 60.0);
        let cols = [
            Column::new(t(lang, "pdf-strategic-objective"), 5.0),
            Column::right(t(lang, "pdf-actions-count"), 1.0),
            Column::right(t(lang, "pdf-cost"), 1.6),
        ];
        let mut rows: Vec<Vec<String>> = plan
            .objectives
            .iter()
            .map(|o| {
                let of: Vec<&Action> = plan
                    .actions
                    .iter()
                    .filter(|a| a.objective.as_ref() == Some(&o.id))
                    .collect();
                let cost = of
                    .iter()
                    .filter_map(|a| a.cost)
                    .fold(Money::ZERO, |x, y| x + y);
                vec![
                    format!("{} {}", short(&o.code), short(&o.title)),
                    format::integer(lang, of.len() as u64),
                    money(cost),
                ]
            })
            .collect();
        rows.push(vec![
            t(lang, "pdf-total"),
            format::integer(lang, s.counts.actions as u64),
            money(s.budget.total),
        ]);
        l.table(&cols, &rows);
    }
    // Pilots.
    if !plan.pilots.is_empty() {
        l.label_heading(
            2,
            &format!(
                "{} ({})",
                t(lang, "pdf-pilots-count"),
                format::integer(lang, s.counts.pilots as u64)
            ),
            40.0,
        );
        for p in &plan.pilots {
            let total = analysis::budget::pilot_total(p);
            let fund = p.fund.map(|f| f.label(lang).to_owned()).unwrap_or_default();
            let text = [short(&p.title), fund, money(total)]
                .into_iter()
                .filter(|x| !x.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" — ");
            l.bullet(&text);
        }
    }
    // Openness.
    let idx = analysis::openness_index(plan);
    if let Some(home) = idx.home()
        && let Some(overall) = home.overall
    {
        let n = idx.cities.iter().filter(|c| c.overall.is_some()).count();
        let rank = 1 + idx
            .cities
            .iter()
            .filter(|c| c.overall.is_some_and(|x| x > overall))
            .count();
        l.space(4.0);
        l.field(
            &tr_args(
                lang,
                "pdf-openness-home",
                &[("city", short(&home.name).into())],
            ),
            &tr_args(
                lang,
                "pdf-openness-rank",
                &[
                    ("score", format::decimal(lang, overall, 1).into()),
                    ("method", idx.method.label(lang).into()),
                    ("rank", format::integer(lang, rank as u64).into()),
                    ("n", format::integer(lang, n as u64).into()),
                ],
            ),
        );
    }
}

// ---- Glossary ---------------------------------------------------------------------------

/// Abbreviations common in plans for the integration of migrants in Bulgaria, with their
/// official names: (abbreviation, Bulgarian, English).
pub const BUILT_IN: &[(&str, &str, &str)] = &[
    (
        "ЕСФ+",
        "Европейски социален фонд плюс",
        "European Social Fund Plus (ESF+)",
    ),
    (
        "ФУМИ",
        "Фонд „Убежище, миграция и интеграция“",
        "Asylum, Migration and Integration Fund (AMIF)",
    ),
    (
        "ЕФРР",
        "Европейски фонд за регионално развитие",
        "European Regional Development Fund (ERDF)",
    ),
    (
        "ЕГИ",
        "Европейска градска инициатива",
        "European Urban Initiative (EUI)",
    ),
    (
        "ВКБООН",
        "Върховен комисариат на ООН за бежанците",
        "Office of the United Nations High Commissioner for Refugees (UNHCR)",
    ),
    (
        "МОМ",
        "Международна организация по миграция",
        "International Organization for Migration (IOM)",
    ),
    ("ЕС", "Европейски съюз", "European Union (EU)"),
    ("ЕК", "Европейска комисия", "European Commission"),
    (
        "ООН",
        "Организация на обединените нации",
        "United Nations (UN)",
    ),
    (
        "НСИ",
        "Национален статистически институт",
        "National Statistical Institute",
    ),
    (
        "ПРЧР",
        "Програма „Развитие на човешките ресурси“ 2021–2027",
        "Human Resources Development Programme 2021–2027",
    ),
    (
        "ПРР",
        "Програма „Развитие на регионите“ 2021–2027",
        "Development of the Regions Programme 2021–2027",
    ),
    (
        "ИТИ",
        "интегрирани териториални инвестиции",
        "integrated territorial investments (ITI)",
    ),
    (
        "ИСУН",
        "Информационна система за управление и наблюдение на средствата от Европейския съюз в България",
        "Information System for Management and Monitoring of EU Funds in Bulgaria",
    ),
    (
        "ДАБ",
        "Държавна агенция за бежанците при Министерския съвет",
        "State Agency for Refugees with the Council of Ministers",
    ),
    ("АЗ", "Агенция по заетостта", "Employment Agency"),
    (
        "МТСП",
        "Министерство на труда и социалната политика",
        "Ministry of Labour and Social Policy",
    ),
    (
        "МОН",
        "Министерство на образованието и науката",
        "Ministry of Education and Science",
    ),
    (
        "МВР",
        "Министерство на вътрешните работи",
        "Ministry of Interior",
    ),
    (
        "МРРБ",
        "Министерство на регионалното развитие и благоустройството",
        "Ministry of Regional Development and Public Works",
    ),
    (
        "РУО",
        "Регионално управление на образованието",
        "Regional Department of Education",
    ),
    ("СОС", "Столичен общински съвет", "Sofia Municipal Council"),
    ("БЧК", "Български Червен кръст", "Bulgarian Red Cross"),
    (
        "БАН",
        "Българска академия на науките",
        "Bulgarian Academy of Sciences",
    ),
    (
        "БНР",
        "Българско национално радио",
        "Bulgarian National Radio",
    ),
    (
        "БТА",
        "Българска телеграфна агенция",
        "Bulgarian News Agency",
    ),
    (
        "БТПП",
        "Българска търговско-промишлена палата",
        "Bulgarian Chamber of Commerce and Industry",
    ),
    (
        "БАСКОМ",
        "Българска асоциация на софтуерните компании",
        "Bulgarian Association of Software Companies (BASSCOM)",
    ),
    (
        "НПО",
        "неправителствена организация",
        "non-governmental organisation (NGO)",
    ),
    (
        "AMIF",
        "Фонд „Убежище, миграция и интеграция“ (ФУМИ)",
        "Asylum, Migration and Integration Fund",
    ),
    (
        "ESF+",
        "Европейски социален фонд плюс (ЕСФ+)",
        "European Social Fund Plus",
    ),
    (
        "ERDF",
        "Европейски фонд за регионално развитие (ЕФРР)",
        "European Regional Development Fund",
    ),
    (
        "EUI",
        "Европейска градска инициатива (ЕГИ)",
        "European Urban Initiative",
    ),
    (
        "UNHCR",
        "Върховен комисариат на ООН за бежанците (ВКБООН)",
        "Office of the United Nations High Commissioner for Refugees",
    ),
    (
        "IOM",
        "Международна организация по миграция (МОМ)",
        "International Organization for Migration",
    ),
    (
        "EWSI",
        "Европейски уебсайт за интеграция",
        "European Website on Integration",
    ),
    ("LAP", "местен план за действие", "Local Action Plan"),
];

/// Whether `word` occurs in `text` as a word of its own (not inside a longer word).
fn has_word(text: &str, word: &str) -> bool {
    let is_word = word_char;
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        // "ЕС" is not found in "ЕС+" (nor in "ЕСФ").
        before.is_none_or(|c| !is_word(c)) && after.is_none_or(|c| !is_word(c) && c != '+')
    })
}

/// True for a letter or digit (`char::is_alphanumeric`), with Latin and the Cyrillic alphabet
/// answered without the Unicode tables: the plan's text is read a character at a time.
fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '\u{0410}'..='\u{044F}')
        || (!c.is_ascii() && c.is_alphanumeric())
}

/// The words of `text`: runs of letters and digits with the `+` signs that follow them ("ЕСФ+"),
/// so that an abbreviation is found with one lookup instead of a search of the whole text.
fn words(text: &str) -> std::collections::HashSet<&str> {
    let mut out = std::collections::HashSet::new();
    let mut start = None;
    let mut in_plus = false;
    for (i, c) in text.char_indices() {
        let alnum = word_char(c);
        match start {
            Some(_) if alnum && !in_plus => {}
            Some(_) if c == '+' => in_plus = true,
            Some(s) => {
                // A word ends; one whose '+' runs into letters ("ЕСФ+ЕС") is no whole word.
                if !(in_plus && alnum) {
                    out.insert(&text[s..i]);
                }
                start = alnum.then_some(i);
                in_plus = false;
            }
            None if alnum => start = Some(i),
            None => {}
        }
    }
    if let Some(s) = start {
        out.insert(&text[s..]);
    }
    out
}

/// True when `word` is one of `words` (see [`words`]) or, when it is not made of letters and
/// digits with `+` signs at its end, is found whole in `text` ([`has_word`]).
fn uses(text: &str, words: &std::collections::HashSet<&str>, word: &str) -> bool {
    let core = word.trim_end_matches('+');
    if !core.is_empty() && core.chars().all(word_char) {
        words.contains(word)
    } else {
        has_word(text, word)
    }
}

/// The plan's text, every string of it, for finding abbreviations.
fn plan_text(plan: &Plan) -> String {
    let mut out = String::new();
    // Not the glossary itself, nor review comments (internal).
    crate::model::strings::each_string_but(plan, &["glossary", "comments"], &mut |s| {
        out.push_str(s);
        out.push('\n');
    });
    out
}

/// The glossary of the plan: the built-in abbreviations its text uses and every entry of its
/// own (which wins over a built-in one of the same abbreviation), sorted; (abbreviation,
/// meaning in `lang`, falling back to the other language).
pub fn glossary_entries(plan: &Plan, lang: Lang) -> Vec<(String, String)> {
    let text = plan_text(plan);
    let words = words(&text);
    let mut out: Vec<(String, String)> = Vec::new();
    for g in &plan.glossary {
        if g.abbreviation.trim().is_empty() {
            continue;
        }
        let meaning = lang.pick(&g.en, &g.bg);
        let meaning = if meaning.trim().is_empty() {
            lang.pick(&g.bg, &g.en)
        } else {
            meaning
        };
        out.push((g.abbreviation.trim().to_owned(), meaning.to_owned()));
    }
    for (abbr, bg, en) in BUILT_IN {
        if out.iter().any(|(a, _)| a == abbr) || !uses(&text, &words, abbr) {
            continue;
        }
        out.push(((*abbr).to_owned(), lang.pick(en, bg).to_owned()));
    }
    out.sort_by_key(|a| a.0.to_lowercase());
    out
}

/// The glossary (its entries from [`glossary_entries`]) as a table.
pub fn glossary(l: &mut Layout<'_>, entries: Vec<(String, String)>, lang: Lang) {
    if entries.is_empty() {
        l.label_paragraph(Style::BODY.italic().color(GREY), &t(lang, "pdf-empty"), 0.0);
        return;
    }
    let cols = [
        Column::new(t(lang, "pdf-abbreviation"), 1.2),
        Column::new(t(lang, "pdf-meaning"), 6.0),
    ];
    let rows: Vec<Vec<String>> = entries.into_iter().map(|(a, m)| vec![a, m]).collect();
    l.table(&cols, &rows);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_characters_are_letters_and_digits() {
        for c in [
            'a', 'Z', '7', 'А', 'я', 'ж', 'ё', 'Ї', 'ß', '中', ' ', '+', '-', '.', '\u{0482}',
        ] {
            assert_eq!(word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn words_are_found_whole_by_lookup_as_by_search() {
        for text in [
            "по ЕСФ+ и ЕС.",
            "по ЕСФ+",
            "ЕСФ",
            "ВЕСЕЛ",
            "ЕС+",
            "+ЕС",
            "ЕСФ+ЕС",
            "ЕСФ++ и AMIF2",
            "",
        ] {
            let w = words(text);
            for abbr in ["ЕСФ+", "ЕС", "ЕСФ", "AMIF", "ЕСФ++"] {
                assert_eq!(
                    uses(text, &w, abbr),
                    has_word(text, abbr),
                    "{abbr} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn words_are_found_whole() {
        assert!(has_word("по ЕСФ+ и ЕС.", "ЕСФ+"));
        assert!(has_word("по ЕСФ+ и ЕС.", "ЕС"));
        assert!(!has_word("по ЕСФ+", "ЕС"));
        assert!(!has_word("ЕСФ", "ЕСФ+"));
        assert!(!has_word("ВЕСЕЛ", "ЕС"));
        assert!(has_word("(ФУМИ)", "ФУМИ"));
    }

    #[test]
    fn the_glossary_lists_what_the_plan_uses_and_its_own_entries() {
        let mut p = Plan::new();
        p.facts.summary = "Проект по ФУМИ и ЕСФ+ с МОМ.".into();
        p.glossary = vec![
            GlossaryEntry {
                abbreviation: "СРС".into(),
                bg: "Съвет за развитие на София".into(),
                en: String::new(),
            },
            GlossaryEntry {
                abbreviation: "МОМ".into(),
                bg: "Международна организация по миграция (ООН)".into(),
                en: "International Organization for Migration (UN)".into(),
            },
        ];
        let bg = glossary_entries(&p, Lang::Bg);
        let abbrs: Vec<&str> = bg.iter().map(|(a, _)| a.as_str()).collect();
        assert_eq!(abbrs, ["ЕСФ+", "МОМ", "СРС", "ФУМИ"]);
        assert_eq!(bg[1].1, "Международна организация по миграция (ООН)");
        let en = glossary_entries(&p, Lang::En);
        // No English given: the Bulgarian meaning.
        assert_eq!(en[2].1, "Съвет за развитие на София");
        assert_eq!(en[3].1, "Asylum, Migration and Integration Fund (AMIF)");
    }
}
