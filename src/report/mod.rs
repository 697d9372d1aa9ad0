//! The plan as a PDF a city council would accept: a cover, contents with page numbers that link
//! to the sections, every section in order with tables and charts, a running header, "Page X of
//! Y", bookmarks, metadata and the document language, and a DRAFT watermark while the plan is a
//! draft. Fonts are embedded and subset.

pub mod charts;
pub mod compare;
mod council;
pub mod csv;
pub mod fonts;
pub mod html;
pub mod hyphen;
pub mod layout;
pub mod pack;
pub mod pdfa;
pub mod progress;
mod sections;
pub mod sheets;
pub mod svg;
pub mod tables;
pub mod values;
pub mod xlsx;

use std::path::Path;

use printpdf::{
    Actions, Destination, LinkAnnotation, Op, PdfDocument, PdfPage, PdfSaveOptions, Pt, Rect,
    TextItem, TextMatrix,
};

use crate::i18n::{tr, tr_args};
use crate::model::{Lang, Plan, PlanStatus, Section};
use fonts::{Face, Font, Measure};
use layout::{Anchor, GREY, Layout, Paper, Style};

/// A part of the report that can be left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// The approval page (council decision, who signs) and the foreword, before the contents.
    Approval,
    /// The executive summary: the key figures, computed.
    Summary,
    /// The glossary of abbreviations.
    Glossary,
    /// A section of the plan (not `Review`); the support group comes as an annex, after the
    /// sources.
    Section(Section),
    /// Annex: where the plan's figures and facts come from.
    Sources,
    /// Annex: open findings of the checks.
    Findings,
    /// Annex: review comments.
    Comments,
}

impl Part {
    /// Every part, in report order.
    pub fn all() -> Vec<Part> {
        [Part::Approval, Part::Summary, Part::Glossary]
            .into_iter()
            .chain(
                Section::ALL
                    .iter()
                    .filter(|s| {
                        !matches!(
                            s,
                            Section::Review | Section::SupportGroup | Section::Monitoring
                        )
                    })
                    .map(|s| Part::Section(*s)),
            )
            .chain([
                Part::Sources,
                Part::Section(Section::SupportGroup),
                Part::Findings,
                Part::Comments,
            ])
            .collect()
    }

    /// True for the parts only a consultation copy carries (internal material).
    pub fn internal(self) -> bool {
        matches!(self, Part::Findings | Part::Comments)
    }

    /// The key used on the command line (`actions`, `findings`…).
    pub fn key(self) -> &'static str {
        match self {
            Part::Approval => "approval",
            Part::Summary => "summary",
            Part::Glossary => "glossary",
            Part::Section(s) => s.key(),
            Part::Sources => "sources",
            Part::Findings => "findings",
            Part::Comments => "comments",
        }
    }

    /// The part with this key.
    pub fn from_key(key: &str) -> Option<Part> {
        Part::all().into_iter().find(|p| p.key() == key)
    }
}

/// What to export and how.
#[derive(Clone, Debug)]
pub struct Options {
    /// Language of the labels (the plan's own text stays as written).
    pub lang: Lang,
    /// Paper size.
    pub paper: Paper,
    /// The parts to include, in report order.
    pub parts: Vec<Part>,
    /// A copy for consultation: with the internal material a council version leaves out — the
    /// open findings and review comments (when among `parts`) and the items' internal ids.
    pub consultation_copy: bool,
    /// The folder the plan file is in, where the cover's logos are looked for; `None`: paths
    /// are taken as they are (relative to the working folder).
    pub base_dir: Option<std::path::PathBuf>,
}

impl Options {
    /// The council version of every part, in the plan's language, on A4.
    pub fn for_plan(plan: &Plan) -> Self {
        Options {
            lang: plan.facts.language,
            paper: Paper::A4,
            parts: Part::all(),
            consultation_copy: false,
            base_dir: None,
        }
    }

    /// Whether `part` is printed: chosen, and not internal material in a council version.
    pub fn includes(&self, part: Part) -> bool {
        self.parts.contains(&part) && (self.consultation_copy || !part.internal())
    }
}

/// Text the font could not show, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct LostText {
    /// The item or place (e.g. `support_group/M-14`).
    pub item: String,
    /// The characters replaced.
    pub chars: String,
}

pub use layout::CutText;

/// A finished PDF.
#[derive(Debug)]
pub struct Pdf {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Sections and the pages they start on (1-based), as in the contents.
    pub contents: Vec<(String, usize)>,
    /// Items whose text had characters the fonts cannot show (replaced by '?').
    pub lost: Vec<LostText>,
    /// Items whose text was too long for where it is shown (a heading, a table header, the
    /// cover) and was cut with "…".
    pub cut: Vec<CutText>,
    /// Image files for the cover that could not be used (missing, not PNG or JPEG, too large).
    pub missing_images: Vec<String>,
}

/// Most characters of the plan's title or city in the document's metadata and bookmarks.
const METADATA_CHARS: usize = 1_000;

/// `text` cut to `max` characters (with "…").
fn cut_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A bundled font could not be read (a broken build).
    #[error("the bundled font {0} could not be read")]
    Font(&'static str),
    /// The file could not be written.
    #[error(transparent)]
    Save(#[from] crate::store::SaveError),
    /// The plan would make a longer PDF than an export may (it would take too much memory).
    #[error(
        "the PDF would have more than {} pages, more than an export may have; choose fewer sections, or export HTML or CSV instead",
        crate::model::format::integer(Lang::En, *.max as u64)
    )]
    TooManyPages {
        /// The limit.
        max: usize,
    },
}

/// Adds the DejaVu faces to `doc` and returns the ids of [`Font::ALL`]: the fallback gets its
/// id now and its file only if some text was set in it ([`write_pdf`]; it is large and parsed
/// only then).
pub(crate) fn add_fonts(doc: &mut PdfDocument) -> Result<[printpdf::FontId; 4], ExportError> {
    let mut add = |face: Face| -> Result<printpdf::FontId, ExportError> {
        let parsed = printpdf::ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new())
            .ok_or(ExportError::Font(Font::of(face).name()))?;
        Ok(doc.add_font(&parsed))
    };
    Ok([
        add(Face::Regular)?,
        add(Face::Bold)?,
        add(Face::Italic)?,
        printpdf::FontId::new(),
    ])
}

/// Writes a laid-out document as tagged PDF bytes: the fallback font embedded if it was used
/// (`fallback` is its id from [`add_fonts`]), the structure tree of `tags` (each part with the
/// index of its first page), the document level for content in `lang` (see `pdfa`), streams
/// deflated in parallel and kept in object streams, the cross-reference stream compressed.
pub(crate) fn write_pdf(
    mut doc: PdfDocument,
    measure: &Measure,
    fallback: &printpdf::FontId,
    tags: &[(layout::Tags, usize)],
    lang: &str,
    authors: &[String],
) -> Result<Vec<u8>, ExportError> {
    if measure.used(Font::Cjk) {
        let parsed = printpdf::ParsedFont::from_bytes(Font::Cjk.bytes(), 0, &mut Vec::new())
            .ok_or(ExportError::Font(Font::Cjk.name()))?;
        doc.resources
            .fonts
            .map
            .insert(fallback.clone(), printpdf::PdfFont::new(parsed));
    }
    let save = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut lo = doc.to_lopdf_document(&save, &mut Vec::new());
    // The document level printpdf does not write: the content's language, MarkInfo, XMP, the
    // output intent (see `pdfa`).
    let info = &doc.metadata.info;
    pdfa::structure(&mut lo, tags);
    pdfa::finish(
        &mut lo,
        &pdfa::DocInfo {
            lang,
            title: &info.document_title,
            authors,
            subject: &info.subject,
            keywords: &info.keywords,
            creator: &info.creator,
            producer: &info.producer,
            created: info.creation_date,
        },
    );
    pack::compress_streams(&mut lo);
    let mut bytes = Vec::new();
    // The structure tree is thousands of small objects: in compressed object streams.
    let save = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .max_objects_per_stream(200)
        .compression_level(pack::DEFLATE_LEVEL)
        .build();
    lo.save_with_options(&mut bytes, save).map_err(|e| {
        ExportError::Save(crate::store::SaveError {
            file: "PDF".into(),
            step: "writing the PDF",
            source: std::io::Error::other(e.to_string()),
        })
    })?;
    pdfa::compress_xref_stream(&mut bytes);
    Ok(bytes)
}

/// Lays out and renders the plan. `progress` is told the share done, 0–1. A plan that would
/// take more than [`layout::MAX_PAGES`] pages is refused.
pub fn render(plan: &Plan, opts: &Options, progress: &dyn Fn(f32)) -> Result<Pdf, ExportError> {
    render_within(plan, opts, layout::MAX_PAGES, progress)
}

/// [`render`] with another page limit (for tests and tools).
pub fn render_within(
    plan: &Plan,
    opts: &Options,
    max_pages: usize,
    progress: &dyn Fn(f32),
) -> Result<Pdf, ExportError> {
    let lang = opts.lang;
    let measure = Measure::new().ok_or(ExportError::Font("DejaVu Sans"))?;
    let mut doc = PdfDocument::new(&cut_chars(&plan.facts.title, METADATA_CHARS));
    let fonts = add_fonts(&mut doc)?;
    progress(0.05);

    // Labels in another language than the plan's own text are tagged with theirs.
    let label_lang = (lang != plan.facts.language).then(|| lang.code());
    // The body first, to learn where sections start; the contents are then sized exactly.
    let mut body = Layout::new(&measure, fonts.clone(), opts.paper);
    body.label_lang = label_lang;
    body.max_pages = max_pages;
    sections::body(&mut body, plan, opts, progress);
    if body.overflow {
        return Err(ExportError::TooManyPages { max: max_pages });
    }
    let anchors = std::mem::take(&mut body.anchors);
    let entries: Vec<&Anchor> = anchors.iter().collect();
    // The approval page and the foreword come between the cover and the contents.
    let mut front = Layout::new(&measure, fonts.clone(), opts.paper);
    front.label_lang = label_lang;
    if opts.includes(Part::Approval) {
        council::approval(&mut front, plan, lang);
        if !plan.facts.foreword.trim().is_empty() {
            front.new_page();
            council::foreword(&mut front, plan, lang);
        }
    } else {
        front.pages.clear();
    }
    let mut toc = Layout::new(&measure, fonts.clone(), opts.paper);
    toc.label_lang = label_lang;
    let toc_pages = sections::contents_pages(&toc, entries.len());
    let first_body_page = 1 + front.pages.len() + toc_pages; // 0-based: the cover is page 0
    let links = sections::contents(&mut toc, lang, &entries, first_body_page);
    debug_assert_eq!(toc.pages.len(), toc_pages);
    let (images, missing_images) =
        council::load_cover_images(&mut doc, &plan.facts, opts.base_dir.as_deref());
    let mut cover = Layout::new(&measure, fonts.clone(), opts.paper);
    cover.label_lang = label_lang;
    sections::cover(&mut cover, plan, lang, &images);
    let mut cut = std::mem::take(&mut cover.cut);
    for c in std::mem::take(&mut front.cut)
        .into_iter()
        .chain(std::mem::take(&mut body.cut))
    {
        if !cut.contains(&c) {
            cut.push(c);
        }
    }
    progress(0.8);

    // Every marked-content sequence closed; the structure of each part, at its first page.
    for l in [&mut cover, &mut front, &mut toc, &mut body] {
        l.end_tags();
    }
    cover.tags.keep_pages(1);
    front.tags.keep_pages(front.pages.len());
    let tag_parts = [
        (std::mem::take(&mut cover.tags), 0),
        (std::mem::take(&mut front.tags), 1),
        (std::mem::take(&mut toc.tags), 1 + front.pages.len()),
        (std::mem::take(&mut body.tags), first_body_page),
    ];

    let mut all: Vec<Vec<Op>> = Vec::new();
    all.extend(cover.pages.into_iter().take(1));
    let front_pages = front.pages.len();
    all.extend(front.pages);
    all.extend(toc.pages);
    all.extend(body.pages);
    let total = all.len();
    let (pw, ph) = opts.paper.size();
    let draft = plan.facts.status == PlanStatus::Draft;
    // An adopted plan carries its fingerprint, so a council can check the PDF against the file
    // (`lap-studio fingerprint FILE --short`).
    let fingerprint = (plan.facts.status == PlanStatus::Adopted).then(|| {
        tr_args(
            lang,
            "pdf-fingerprint",
            &[("fingerprint", crate::store::short_fingerprint(plan).into())],
        )
    });
    // Report by the item that holds the text, not by every place it is printed.
    let lost = lost_text(plan, &measure);

    // Running header, footer, watermark, and the links of the contents.
    let mut finish = Layout::new(&measure, fonts.clone(), opts.paper);
    // Running header, footer, page numbers and watermark are artifacts.
    finish.artifact = 1;
    let small = Style::SMALL.color(GREY);
    // Cut once for every page: the title may be as long as a book.
    let (running_title, title_cut) = finish.fit(small, &plan.facts.title, finish.width());
    if title_cut {
        let entry = CutText {
            item: "facts".into(),
            place: "running header",
        };
        if !cut.contains(&entry) {
            cut.push(entry);
        }
    }
    let mut pages = Vec::with_capacity(total);
    for (i, ops) in all.into_iter().enumerate() {
        finish.pages = vec![Vec::new()];
        if draft {
            let mark = tr(lang, "pdf-draft-watermark");
            let style = Style {
                face: Face::Bold,
                size: 96.0,
                color: [0.90, 0.90, 0.92],
            };
            let w = finish.text_width(style, &mark);
            let (cx, cy) = (pw / 2.0, ph / 2.0);
            let angle: f32 = 45.0;
            let rad = angle.to_radians();
            // Start so that the rotated text is centred on the page.
            let (sx, sy) = (cx - w / 2.0 * rad.cos(), cy - w / 2.0 * rad.sin());
            let font = finish.font(style.face);
            finish.mark_drawing();
            finish.pages[0].extend([
                Op::StartTextSection,
                Op::SetFont {
                    font: printpdf::PdfFontHandle::External(font),
                    size: Pt(style.size),
                },
                Op::SetFillColor {
                    col: layout::rgb(style.color),
                },
                Op::SetTextMatrix {
                    matrix: TextMatrix::TranslateRotate(Pt(sx), Pt(sy), angle),
                },
                Op::ShowText {
                    items: vec![TextItem::Text(mark)],
                },
                Op::EndTextSection,
            ]);
            finish.close_mark();
        }
        let mut page_ops = std::mem::take(&mut finish.pages[0]);
        page_ops.extend(ops);
        finish.pages[0] = Vec::new();
        // The header follows the page's own operations: set its font and colour again.
        finish.forget_state();
        if i > 0 {
            finish.put_text(finish.left(), 30.0, small, &running_title);
            let y = 30.0 + small.line_height() + 1.0;
            let (x0, x1) = (finish.left(), finish.left() + finish.width());
            finish.rule(x0, x1, y, GREY, 0.3);
            let footer = tr_args(
                lang,
                "pdf-page-of",
                &[("page", (i + 1).into()), ("total", total.into())],
            );
            let fw = finish.text_width(small, &footer);
            finish.put_text(x1 - fw, ph - 40.0, small, &footer);
            if let Some(fp) = &fingerprint {
                finish.put_text(x0, ph - 40.0, small, fp);
            }
        }
        finish.close_mark();
        page_ops.append(&mut finish.pages[0]);
        pages.push(PdfPage::new(
            printpdf::Mm::from(Pt(pw)),
            printpdf::Mm::from(Pt(ph)),
            page_ops,
        ));
    }
    for (toc_page, top, h, target_page, target_y) in links {
        let page = &mut pages[1 + front_pages + toc_page];
        page.ops.push(Op::LinkAnnotation {
            link: LinkAnnotation::new(
                Rect::from_xywh(Pt(56.0), Pt(ph - top - h), Pt(pw - 112.0), Pt(h)),
                Actions::go_to(Destination::Xyz {
                    page: first_body_page + target_page + 1,
                    left: Some(0.0),
                    top: Some(ph - target_y + 20.0),
                    zoom: None,
                }),
                // No visible frame: the contents look like print, the links just work.
                Some(printpdf::BorderArray::Solid([0.0, 0.0, 0.0])),
                None,
                None,
            ),
        });
    }
    let contents: Vec<(String, usize)> = entries
        .iter()
        .filter(|a| a.level == 1)
        .map(|a| (a.title.clone(), first_body_page + a.page + 1))
        .collect();
    for a in entries.iter().filter(|a| a.level == 1) {
        doc.add_bookmark(&a.title, first_body_page + a.page + 1);
    }
    drop(entries);
    let info = &mut doc.metadata.info;
    let city = cut_chars(&plan.facts.city, METADATA_CHARS);
    info.document_title = cut_chars(&plan.facts.title, METADATA_CHARS);
    let authors: Vec<String> = plan
        .facts
        .authors
        .iter()
        .map(|a| cut_chars(a, METADATA_CHARS))
        .collect();
    info.author = cut_chars(&plan.facts.authors.join("; "), METADATA_CHARS);
    info.subject = format!("{city} — {}", tr(lang, "pdf-subject"));
    info.keywords = [
        "URBACT",
        "OPEN Cities",
        "Local Action Plan",
        &city,
        "integration",
        "migrants",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    info.creator = "LAP Studio".into();
    info.producer = format!("LAP Studio {}", env!("CARGO_PKG_VERSION"));
    info.creation_date = printpdf::OffsetDateTime::now_utc();
    info.modification_date = info.creation_date;
    info.metadata_date = info.creation_date;
    doc.with_pages(pages);
    progress(0.9);
    let bytes = write_pdf(
        doc,
        &measure,
        &fonts[3],
        &tag_parts,
        plan.facts.language.code(),
        &authors,
    )?;
    progress(1.0);
    Ok(Pdf {
        bytes,
        pages: total,
        contents,
        lost,
        cut,
        missing_images,
    })
}

/// Every item whose text has characters the fonts cannot show, with those characters.
pub fn lost_text(plan: &Plan, measure: &Measure) -> Vec<LostText> {
    fn strings(v: &serde_json::Value, out: &mut String) {
        match v {
            serde_json::Value::String(s) => out.push_str(s),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut check = |item: String, value: serde_json::Result<serde_json::Value>| {
        let mut text = String::new();
        if let Ok(v) = value {
            strings(&v, &mut text);
        }
        // A set beside the string: an item may lose a great many different characters.
        let mut chars = String::new();
        let mut seen = std::collections::HashSet::new();
        for c in text.chars() {
            if !c.is_control() && c != ' ' && !measure.covers(Face::Regular, c) && seen.insert(c) {
                chars.push(c);
            }
        }
        if !chars.is_empty() {
            out.push(LostText { item, chars });
        }
    };
    use serde_json::to_value as v;
    check("facts".into(), v(&plan.facts));
    check("glossary".into(), v(&plan.glossary));
    check("context".into(), v(&plan.context.narrative));
    check("objectives".into(), v(&plan.vision));
    check("governance".into(), v(&plan.governance));
    let o = &plan.openness;
    check(
        "openness".into(),
        v((&o.framework, &o.description, &o.values)),
    );
    macro_rules! each {
        ($section:literal, $list:expr) => {
            for x in $list {
                check(format!("{}/{}", $section, x.id), v(x));
            }
        };
    }
    each!("context", &plan.context.evidence);
    each!("support_group", &plan.support_group.members);
    each!("support_group", &plan.support_group.meetings);
    each!("problems", &plan.problems);
    each!("objectives", &plan.objectives);
    each!("actions", &plan.actions);
    each!("strategy_links", &plan.strategies.marketing.goals);
    each!(
        "strategy_links",
        &plan.strategies.internationalisation.goals
    );
    check(
        "strategy_links".into(),
        v((
            &plan.strategies.marketing.title,
            &plan.strategies.internationalisation.title,
        )),
    );
    each!("pilots", &plan.pilots);
    each!("indicators", &plan.indicators);
    each!("risks", &plan.risks);
    each!("openness", &o.cities);
    each!("openness", &o.areas);
    each!("review", &plan.comments);
    out
}

/// `text` on one line of `width`, cut with an ellipsis when longer (cleaned for the face).
fn fit(l: &Layout<'_>, style: Style, text: &str, width: f32) -> String {
    l.fit(style, text, width).0
}

/// Renders and writes the PDF atomically to `path` (no backup; a read-only file is refused).
pub fn export(
    plan: &Plan,
    opts: &Options,
    path: &Path,
    progress: &dyn Fn(f32),
) -> Result<Pdf, ExportError> {
    export_with(
        plan,
        opts,
        path,
        progress,
        crate::store::atomic::Replace::EXPORT,
    )
}

/// Like [`export`], with the replacing rules of `how`.
pub fn export_with(
    plan: &Plan,
    opts: &Options,
    path: &Path,
    progress: &dyn Fn(f32),
    how: crate::store::atomic::Replace,
) -> Result<Pdf, ExportError> {
    // Refuse a folder, pipe or device before the work of rendering.
    crate::store::atomic::check_regular(path).map_err(|source| crate::store::SaveError {
        file: path.to_path_buf(),
        step: "checking the file",
        source,
    })?;
    let pdf = render(plan, opts, progress)?;
    crate::store::atomic::write_with(path, how, |w| w.write_all(&pdf.bytes))?;
    Ok(pdf)
}
