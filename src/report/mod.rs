//! The plan as a PDF a city council would accept: a cover, contents with page numbers that link
//! to the sections, every section in order with tables and charts, a running header, "Page X of
//! Y", bookmarks, metadata and the document language, and a DRAFT watermark while the plan is a
//! draft. Fonts are embedded and subset.

pub mod actuals;
pub mod charts;
pub mod compare;
mod content;
mod council;
pub mod csv;
mod embed;
pub mod fonts;
pub mod html;
pub mod hyphen;
pub mod layout;
mod pack;
pub mod pdfa;
pub mod progress;
mod sections;
pub mod sheets;
mod subset;
pub mod svg;
pub mod tables;
pub mod values;
pub mod writer;
pub mod xlsx;

use std::path::Path;

use printpdf::{
    Actions, Destination, LinkAnnotation, Op, PdfDocument, Pt, Rect, TextItem, TextMatrix,
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
    /// The thread that writes the pages stopped before it had written them all (a bug):
    /// nothing is saved rather than a PDF with blank pages.
    #[error(
        "the PDF's pages could not be written (the thread writing them stopped); nothing was saved"
    )]
    Pages,
}

/// The ids the layout draws [`Font::ALL`] with. Nothing is read yet: a font's file is parsed
/// and subset when the PDF is written, and only if text was set in it.
pub(crate) fn add_fonts(_doc: &mut PdfDocument) -> Result<[printpdf::FontId; 4], ExportError> {
    Ok(Font::ALL.map(|f| printpdf::FontId(format!("F{}", f.index()))))
}

/// A page ready to be written: its content streams in the order they are drawn, its link
/// annotations, its size in points.
pub(crate) struct PageOut {
    /// The content streams, drawn one after the other.
    pub streams: Vec<StreamRef>,
    /// Its link annotations, in the order the structure tree counts them.
    pub links: Vec<LinkAnnotation>,
    /// Width and height.
    pub size: (f32, f32),
}

/// A content stream of a page: its own, or one shared by several pages (the watermark).
pub(crate) enum StreamRef {
    /// This page's alone.
    Own(Vec<u8>),
    /// The shared stream of that index.
    Shared(usize),
    /// This page's alone, deflated already (a zlib stream).
    Deflated(Vec<u8>),
}

/// Writes a laid-out document as tagged PDF bytes (see `writer`): its pages' content streams
/// (from their operations), the fonts text was set in, subset, its images, the structure tree
/// of `tags` (each part with the index of its first page), the bookmarks, and the document
/// level for content in `lang` (see `pdfa`). `fonts` are the ids from [`add_fonts`].
pub(crate) fn write_pdf(
    doc: PdfDocument,
    measure: &Measure,
    fonts: &[printpdf::FontId; 4],
    tags: &[(layout::Tags, usize)],
    lang: &str,
    authors: &[String],
) -> Result<Vec<u8>, ExportError> {
    let mut enc = content::Encoder::new(measure, fonts);
    enc.images = image_sizes(&doc);
    let pages = doc
        .pages
        .iter()
        .map(|page| {
            let mut bytes = Vec::with_capacity(16 * 1024);
            let mut links = Vec::new();
            enc.page(&page.ops, &mut bytes, &mut links);
            PageOut {
                streams: vec![StreamRef::Own(bytes)],
                links,
                size: (page.media_box.width.0, page.media_box.height.0),
            }
        })
        .collect();
    let subsets = Subsets::start(std::mem::take(&mut enc.used));
    write_document(&doc, pages, Vec::new(), subsets, tags, lang, authors)
}

/// Adds a bookmark to `page` (1-based) after the others: bookmarks on one page keep their
/// order (printpdf's own ids are random, and the writer orders bookmarks by page).
pub(crate) fn bookmark(doc: &mut PdfDocument, title: &str, page: usize) {
    let id = printpdf::PageAnnotId(format!("{:08}", doc.bookmarks.map.len()));
    doc.bookmarks.map.insert(
        id,
        printpdf::PageAnnotation {
            name: title.to_owned(),
            page,
        },
    );
}

/// What a report laid out in one layout says of itself (see [`one_part_pdf`]).
pub(crate) struct OnePart<'a> {
    /// Its title: the document title and the running header.
    pub title: &'a str,
    /// Text at the left of every page's footer (the page number is at the right).
    pub footer_left: Option<&'a str>,
    /// The labels' language.
    pub lang: Lang,
    /// The language of its content (ISO 639-1), the document's /Lang.
    pub content_lang: &'a str,
    /// Its authors.
    pub authors: &'a [String],
    /// What it is about.
    pub subject: String,
    /// Its keywords.
    pub keywords: Vec<String>,
}

/// Draws, as `l`'s one page, the running header of page `page.0` (0-based) of `page.1` —
/// `title` over a rule, from the second page on — and, with `footer`, "Page X of Y" on the
/// right and `left` on the left at the foot; then closes the marked content. The plan PDF and
/// the one-part reports (comparison, progress) share it.
fn running_head_and_foot(
    l: &mut Layout<'_>,
    lang: Lang,
    page: (usize, usize),
    title: &str,
    left: Option<&str>,
    footer: bool,
) {
    let (i, total) = page;
    let small = Style::SMALL.color(GREY);
    let foot = l.page.1 - 40.0;
    let (x0, x1) = (l.left(), l.left() + l.width());
    if i > 0 {
        l.put_text(x0, 30.0, small, title);
        let y = 30.0 + small.line_height() + 1.0;
        l.rule(x0, x1, y, GREY, 0.3);
    }
    if footer {
        let number = tr_args(
            lang,
            "pdf-page-of",
            &[("page", (i + 1).into()), ("total", total.into())],
        );
        let fw = l.text_width(small, &number);
        l.put_text(x1 - fw, foot, small, &number);
        if let Some(left) = left {
            l.put_text(x0, foot, small, left);
        }
    }
    l.close_mark();
}

/// Writes a report laid out in `l` (its body done; `l.overflow` checked) as a tagged PDF: the
/// running header from the second page, "Page X of Y" and the footer's left text on every page,
/// a bookmark for each section, the metadata. Returns the bytes and the number of pages.
pub(crate) fn one_part_pdf(
    measure: &Measure,
    fonts: &[printpdf::FontId; 4],
    mut doc: PdfDocument,
    mut l: Layout<'_>,
    paper: Paper,
    what: &OnePart<'_>,
) -> Result<(Vec<u8>, usize), ExportError> {
    l.end_tags();
    let tags = std::mem::take(&mut l.tags);
    let total = l.pages.len();
    let (pw, ph) = paper.size();
    let mut finish = Layout::new(measure, fonts.clone(), paper);
    // Running header, footer and page numbers are artifacts.
    finish.artifact = 1;
    let small = Style::SMALL.color(GREY);
    let running = fit(&finish, small, what.title, finish.width());
    let footer_left = what
        .footer_left
        .map(|f| fit(&finish, small, f, finish.width() / 2.0));
    let mut pages = Vec::with_capacity(total);
    for (i, ops) in std::mem::take(&mut l.pages).into_iter().enumerate() {
        finish.pages = vec![Vec::new()];
        finish.forget_state();
        running_head_and_foot(
            &mut finish,
            what.lang,
            (i, total),
            &running,
            footer_left.as_deref(),
            true,
        );
        let mut page_ops = ops;
        page_ops.append(&mut finish.pages[0]);
        pages.push(printpdf::PdfPage::new(
            printpdf::Mm::from(Pt(pw)),
            printpdf::Mm::from(Pt(ph)),
            page_ops,
        ));
    }
    for a in l.anchors.iter().filter(|a| a.level == 1) {
        bookmark(&mut doc, &a.title, a.page + 1);
    }
    let info = &mut doc.metadata.info;
    info.document_title = what.title.to_owned();
    info.author = what.authors.join("; ");
    info.subject = what.subject.clone();
    info.keywords = what.keywords.clone();
    info.creator = "LAP Studio".into();
    info.producer = format!("LAP Studio {}", env!("CARGO_PKG_VERSION"));
    info.creation_date = printpdf::OffsetDateTime::now_utc();
    info.modification_date = info.creation_date;
    info.metadata_date = info.creation_date;
    doc.with_pages(pages);
    let bytes = write_pdf(
        doc,
        measure,
        fonts,
        &[(tags, 0)],
        what.content_lang,
        what.authors,
    )?;
    Ok((bytes, total))
}

/// The images of `doc` with their size in pixels, in the order the content streams name them.
fn image_sizes(doc: &PdfDocument) -> Vec<(printpdf::XObjectId, (f32, f32))> {
    doc.resources
        .xobjects
        .map
        .iter()
        .filter_map(|(id, x)| match x {
            printpdf::XObject::Image(raw) => {
                Some((id.clone(), (raw.width as f32, raw.height as f32)))
            }
            _ => None,
        })
        .collect()
}

/// The fonts' subsets, being made on another thread from the glyphs the pages draw, while
/// the rest of the file is written (with one core, or no thread, they are made when taken).
pub(crate) struct Subsets {
    used: std::sync::Arc<[content::Used; 4]>,
    thread: Option<std::thread::JoinHandle<Prepared>>,
}

/// The fonts drawn with, subset and deflated, in [`Font::ALL`]'s order.
type Prepared = Result<Vec<(Font, embed::PreparedFont)>, ExportError>;

impl Subsets {
    /// Starts subsetting the fonts for the glyphs in `used` (every glyph the file draws).
    pub(crate) fn start(used: [content::Used; 4]) -> Self {
        let used = std::sync::Arc::new(used);
        let thread = {
            let used = std::sync::Arc::clone(&used);
            std::thread::Builder::new()
                .name("fonts".into())
                .spawn(move || Self::prepare(&used))
                .ok()
        };
        Subsets { used, thread }
    }

    fn prepare(used: &[content::Used; 4]) -> Prepared {
        let measure = Measure::new().ok_or(ExportError::Font("DejaVu Sans"))?;
        Font::ALL
            .iter()
            .filter(|font| !used[font.index()].codes.is_empty())
            .map(|&font| {
                embed::prepare_font(&measure, font, &used[font.index()]).map(|p| (font, p))
            })
            .collect()
    }

    /// The subsets of the fonts drawn with, in [`Font::ALL`]'s order.
    fn take(self) -> Prepared {
        match self.thread {
            Some(thread) => thread
                .join()
                .map_err(|_| ExportError::Font("DejaVu Sans"))?,
            // No thread could be started: made here.
            None => Self::prepare(&self.used),
        }
    }
}

/// Writes the PDF of pages whose content streams are written (see [`write_pdf`]); `doc` gives
/// the metadata, images and bookmarks, `shared` the streams pages share, `subsets` the fonts
/// cut to the glyphs the streams draw.
#[allow(clippy::too_many_arguments)]
pub(crate) fn write_document(
    doc: &PdfDocument,
    pages: Vec<PageOut>,
    shared: Vec<Vec<u8>>,
    subsets: Subsets,
    tags: &[(layout::Tags, usize)],
    lang: &str,
    authors: &[String],
) -> Result<Vec<u8>, ExportError> {
    use writer::{int, num, reference, text};
    let mut w = writer::Writer::new();
    let catalog = w.reserve();
    let pages_id = w.reserve();
    let resources = w.reserve();
    let info_id = w.reserve();

    let images: Vec<&printpdf::RawImage> = doc
        .resources
        .xobjects
        .map
        .values()
        .filter_map(|x| match x {
            printpdf::XObject::Image(raw) => Some(raw),
            _ => None,
        })
        .collect();

    let shared_ids: Vec<u32> = shared
        .into_iter()
        .map(|bytes| {
            let id = w.reserve();
            w.stream(id, Vec::new(), bytes, true);
            id
        })
        .collect();
    let page_ids: Vec<u32> = pages.iter().map(|_| w.reserve()).collect();
    let mut links: Vec<Vec<printpdf::LinkAnnotation>> = Vec::with_capacity(pages.len());
    let mut contents: Vec<Vec<u32>> = Vec::with_capacity(pages.len());
    let mut sizes = Vec::with_capacity(pages.len());
    for page in pages {
        let ids = page
            .streams
            .into_iter()
            .map(|s| match s {
                StreamRef::Own(bytes) => {
                    let id = w.reserve();
                    w.stream(id, Vec::new(), bytes, true);
                    id
                }
                StreamRef::Shared(i) => shared_ids[i],
                StreamRef::Deflated(bytes) => {
                    let id = w.reserve();
                    w.stream(id, b"/Filter/FlateDecode".to_vec(), bytes, false);
                    id
                }
            })
            .collect();
        contents.push(ids);
        links.push(page.links);
        sizes.push(page.size);
    }
    let annot_ids: Vec<Vec<u32>> = links
        .iter()
        .map(|l| l.iter().map(|_| w.reserve()).collect())
        .collect();
    let (struct_root, tagged) = pdfa::structure(&mut w, &page_ids, &annot_ids, tags);

    for (p, page_links) in links.iter().enumerate() {
        for (i, link) in page_links.iter().enumerate() {
            let mut d = b"<</Type/Annot/Subtype/Link/Rect[".to_vec();
            let r = &link.rect;
            for v in [r.x.0, r.y.0, r.x.0 + r.width.0, r.y.0 + r.height.0] {
                num(&mut d, v, 2);
                d.push(b' ');
            }
            // No visible frame: the contents look like print, the links just work.
            d.extend(b"]/Border[0 0 0]/F 4/P ");
            reference(&mut d, page_ids[p]);
            match &link.actions {
                printpdf::Actions::Goto(printpdf::Destination::Xyz {
                    page, left, top, ..
                }) => {
                    d.extend(b"/A<</S/GoTo/D[");
                    match page_ids.get(page.saturating_sub(1)) {
                        Some(target) => reference(&mut d, *target),
                        None => d.extend(b"null"),
                    }
                    d.extend(b"/XYZ ");
                    for v in [left, top] {
                        match v {
                            Some(v) => num(&mut d, *v, 2),
                            None => d.extend(b"null"),
                        }
                        d.push(b' ');
                    }
                    d.extend(b"null]>>");
                }
                printpdf::Actions::Uri(uri) => {
                    d.extend(b"/A<</S/URI/URI");
                    writer::literal(&mut d, uri.as_bytes());
                    d.extend(b">>");
                }
                // No other destination is made by the report.
                _ => {}
            }
            if let Some((contents, key)) = tagged.get(p).and_then(|t| t.get(i)) {
                d.extend(b"/Contents");
                text(&mut d, contents);
                d.extend(b"/StructParent ");
                int(&mut d, *key as i64);
            }
            d.extend(b">>");
            w.object(annot_ids[p][i], d);
        }
    }

    let mut kids = b"<</Type/Pages/Count ".to_vec();
    int(&mut kids, page_ids.len() as i64);
    kids.extend(b"/Kids[");
    for (p, id) in page_ids.iter().enumerate() {
        reference(&mut kids, *id);
        kids.push(b' ');
        let mut d = b"<</Type/Page/Parent ".to_vec();
        reference(&mut d, pages_id);
        d.extend(b"/MediaBox[0 0 ");
        num(&mut d, sizes[p].0, 2);
        d.push(b' ');
        num(&mut d, sizes[p].1, 2);
        d.extend(b"]/Resources ");
        reference(&mut d, resources);
        d.extend(b"/Contents");
        match contents[p].as_slice() {
            [one] => {
                d.push(b' ');
                reference(&mut d, *one);
            }
            many => {
                d.push(b'[');
                for c in many {
                    reference(&mut d, *c);
                    d.push(b' ');
                }
                d.push(b']');
            }
        }
        d.extend(b"/StructParents ");
        int(&mut d, p as i64);
        d.extend(b"/Tabs/S");
        if !annot_ids[p].is_empty() {
            d.extend(b"/Annots[");
            for a in &annot_ids[p] {
                reference(&mut d, *a);
                d.push(b' ');
            }
            d.push(b']');
        }
        d.extend(b">>");
        w.object(*id, d);
    }
    kids.extend(b"]>>");
    w.object(pages_id, kids);

    // The fonts text was set in, and the images.
    let mut res = b"<</ProcSet[/PDF/Text/ImageB/ImageC]/Font<<".to_vec();
    // What is written so far is deflated and goes into object streams while the fonts are
    // being subset.
    w.pack_ready();
    let prepared = subsets.take()?;
    for (font, p) in prepared {
        let id = embed::write_font(&mut w, p);
        res.extend(b"/F");
        int(&mut res, font.index() as i64);
        res.push(b' ');
        reference(&mut res, id);
    }
    res.extend(b">>");
    if !images.is_empty() {
        res.extend(b"/XObject<<");
        for (i, raw) in images.iter().enumerate() {
            let id = embed::image(&mut w, raw);
            res.extend(b"/Im");
            int(&mut res, i as i64);
            res.push(b' ');
            reference(&mut res, id);
        }
        res.extend(b">>");
    }
    res.extend(b">>");
    w.object(resources, res);

    // Bookmarks: the sections, in page order.
    let mut marks: Vec<&printpdf::PageAnnotation> = doc.bookmarks.map.values().collect();
    marks.sort_by_key(|m| m.page);
    let outlines = (!marks.is_empty()).then(|| {
        let outlines = w.reserve();
        let items: Vec<u32> = marks.iter().map(|_| w.reserve()).collect();
        for (i, m) in marks.iter().enumerate() {
            let mut d = b"<</Title".to_vec();
            text(&mut d, &m.name);
            d.extend(b"/Parent ");
            reference(&mut d, outlines);
            if i > 0 {
                d.extend(b"/Prev ");
                reference(&mut d, items[i - 1]);
            }
            if let Some(next) = items.get(i + 1) {
                d.extend(b"/Next ");
                reference(&mut d, *next);
            }
            let p = m
                .page
                .saturating_sub(1)
                .min(page_ids.len().saturating_sub(1));
            if let Some(target) = page_ids.get(p) {
                d.extend(b"/Dest[");
                reference(&mut d, *target);
                d.extend(b"/XYZ 0 ");
                num(&mut d, sizes[p].1, 2);
                d.extend(b" null]");
            }
            d.extend(b">>");
            w.object(items[i], d);
        }
        let mut d = b"<</Type/Outlines/Count ".to_vec();
        int(&mut d, items.len() as i64);
        if let (Some(first), Some(last)) = (items.first(), items.last()) {
            d.extend(b"/First ");
            reference(&mut d, *first);
            d.extend(b"/Last ");
            reference(&mut d, *last);
        }
        d.extend(b">>");
        w.object(outlines, d);
        outlines
    });

    let meta = &doc.metadata.info;
    let info = pdfa::DocInfo {
        lang,
        title: &meta.document_title,
        authors,
        subject: &meta.subject,
        keywords: &meta.keywords,
        creator: &meta.creator,
        producer: &meta.producer,
        created: meta.creation_date,
    };
    let info_dict = pdfa::info_dict(&info);
    w.object(info_id, info_dict.clone());
    let mut cat = b"<</Type/Catalog/Pages ".to_vec();
    reference(&mut cat, pages_id);
    cat.extend(b"/StructTreeRoot ");
    reference(&mut cat, struct_root);
    cat.extend(pdfa::document_level(&mut w, &info, outlines));
    cat.extend(b">>");
    w.object(catalog, cat);

    // The file's identifier: from what it says, so the same plan gives the same identifier.
    let mut hasher = sha2::Sha256::default();
    sha2::Digest::update(&mut hasher, meta.document_title.as_bytes());
    sha2::Digest::update(&mut hasher, info_dict);
    sha2::Digest::update(&mut hasher, (page_ids.len() as u64).to_be_bytes());
    let digest = sha2::Digest::finalize(hasher);
    let mut id = [0u8; 16];
    id.copy_from_slice(&digest[..16]);
    Ok(w.finish(catalog, info_id, id))
}

/// Makes on another thread what every export reads first (the texts of both languages, the
/// shipped funding catalogue, the hyphenation patterns), while the caller reads the plan.
pub fn warm_up() {
    // Without a thread, they are read when first needed, as before.
    let _ = std::thread::Builder::new().spawn(|| {
        pack::give_way(2);
        crate::i18n::warm_up();
        // The checks read the shipped funding catalogue first thing.
        crate::store::catalogue::shipped();
        hyphen::warm_up();
    });
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
    std::thread::scope(|scope| {
        // What does not depend on the layout is worked out on the other core meanwhile, in
        // the order the body asks for it: the checks' report (the executive summary counts
        // its findings), the glossary, and which items have characters no font shows. One
        // thread: each thread started takes the core from the layout for a moment, before it
        // can give way. A thread the system refuses leaves its work to be done where it is
        // needed.
        let (glossary_tx, glossary_rx) = std::sync::mpsc::channel();
        let (report_tx, report_rx) = std::sync::mpsc::channel();
        let lost = std::thread::Builder::new()
            .spawn_scoped(scope, move || {
                pack::give_way(6);
                let _ = report_tx.send(crate::analysis::check(plan));
                let _ = glossary_tx.send(council::glossary_entries(plan, opts.lang));
                Measure::new().map(|m| lost_text(plan, &m))
            })
            .ok();
        let ahead = sections::Ahead::new(report_rx, glossary_rx);
        render_pages(plan, opts, max_pages, progress, &ahead, lost)
    })
}

/// [`render_within`], with the items that lose characters being found by `lost`.
fn render_pages(
    plan: &Plan,
    opts: &Options,
    max_pages: usize,
    progress: &dyn Fn(f32),
    ahead: &sections::Ahead,
    lost: Option<std::thread::ScopedJoinHandle<'_, Option<Vec<LostText>>>>,
) -> Result<Pdf, ExportError> {
    let lang = opts.lang;
    let measure = Measure::new().ok_or(ExportError::Font("DejaVu Sans"))?;
    let mut doc = PdfDocument::new(&cut_chars(&plan.facts.title, METADATA_CHARS));
    let fonts = add_fonts(&mut doc)?;
    progress(0.05);

    // Labels in another language than the plan's own text are tagged with theirs.
    let label_lang = (lang != plan.facts.language).then(|| lang.code());
    let page_writer = pack::PageWriter::new(
        Measure::new().ok_or(ExportError::Font("DejaVu Sans"))?,
        fonts.clone(),
    );
    // The body first, to learn where sections start; the contents are then sized exactly.
    let mut body = Layout::new(&measure, fonts.clone(), opts.paper);
    body.label_lang = label_lang;
    body.max_pages = max_pages;
    // Each page becomes bytes when the next starts, and is deflated on another core while the
    // layout goes on: a long plan's operations never all wait.
    body.stream_pages(Vec::new());
    body.write_pages_with(&page_writer);
    sections::body(&mut body, plan, opts, ahead, progress);
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
    cover.stream_pages(image_sizes(&doc));
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

    // Every page's own content stream, in document order, and the glyphs they draw.
    let mut used: [content::Used; 4] = Default::default();
    let mut own: Vec<layout::WrittenPage> = Vec::new();
    let front_pages = front.pages.len();
    for (l, keep) in [
        (&mut cover, 1),
        (&mut front, front_pages),
        (&mut toc, usize::MAX),
        (&mut body, usize::MAX),
    ] {
        let (mut pages, glyphs) = l.take_written();
        pages.truncate(keep);
        own.extend(pages);
        for (u, g) in used.iter_mut().zip(glyphs) {
            u.merge(g);
        }
    }
    let total = own.len();
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
    let lost = match lost.map(|h| h.join()) {
        Some(Ok(Some(lost))) => lost,
        _ => lost_text(plan, &measure),
    };

    // Running header, footer, watermark, and the links of the contents.
    let mut finish = Layout::new(&measure, fonts.clone(), opts.paper);
    let mut enc = content::Encoder::new(&measure, &fonts);
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
    // The watermark is one stream every page draws first, in a graphics state of its own.
    let mut shared = Vec::new();
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
            Op::SaveGraphicsState,
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
            Op::RestoreGraphicsState,
        ]);
        finish.close_mark();
        let mut bytes = Vec::new();
        enc.page(&finish.pages[0], &mut bytes, &mut Vec::new());
        shared.push(bytes);
    }
    let mut pages = Vec::with_capacity(total);
    // Pages whose start is being deflated: the page, its part, its header and footer.
    let mut tails = Vec::new();
    for (i, (bytes, links)) in own.into_iter().enumerate() {
        finish.pages = vec![Vec::new()];
        // The header follows the page's own operations: set its font and colour again.
        finish.forget_state();
        // The cover has neither.
        running_head_and_foot(
            &mut finish,
            lang,
            (i, total),
            &running_title,
            fingerprint.as_deref(),
            i > 0,
        );
        let mut streams = Vec::with_capacity(2);
        if draft {
            streams.push(StreamRef::Shared(0));
        }
        // The header and footer follow the page's own content in its stream.
        let mut tail = Vec::new();
        enc.page(&finish.pages[0], &mut tail, &mut Vec::new());
        match bytes {
            layout::Body::Bytes(mut bytes) => {
                bytes.extend(tail);
                streams.push(StreamRef::Own(bytes));
            }
            layout::Body::Sent(n) => {
                streams.push(StreamRef::Own(Vec::new()));
                tails.push((pages.len(), n, tail));
            }
        }
        pages.push(PageOut {
            streams,
            links,
            size: (pw, ph),
        });
    }
    for (u, g) in used.iter_mut().zip(std::mem::take(&mut enc.used)) {
        u.merge(g);
    }
    let written = page_writer
        .finish(&measure, &fonts)
        .ok_or(ExportError::Pages)?;
    let mut c = written
        .compressor
        .unwrap_or_else(|| pack::compressor(writer::DEFLATE_LEVEL));
    for (u, g) in used.iter_mut().zip(written.used) {
        u.merge(g);
    }
    // Every glyph is known: the fonts are subset on the other core from now on.
    let subsets = Subsets::start(used);
    let mut parts: Vec<Option<(pack::Part, Vec<LinkAnnotation>)>> =
        written.pages.into_iter().map(Some).collect();
    for (page, n, tail) in tails {
        let (part, links) = parts
            .get_mut(n)
            .and_then(Option::take)
            .ok_or(ExportError::Pages)?;
        pages[page].links.extend(links);
        if let Some(last) = pages[page].streams.last_mut() {
            *last = StreamRef::Deflated(part.finish(&mut c, &tail));
        }
    }
    for (toc_page, top, h, target_page, target_y) in links {
        let page = &mut pages[1 + front_pages + toc_page];
        page.links.push(LinkAnnotation::new(
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
        ));
    }
    let contents: Vec<(String, usize)> = entries
        .iter()
        .filter(|a| a.level == 1)
        .map(|a| (a.title.clone(), first_body_page + a.page + 1))
        .collect();
    for a in entries.iter().filter(|a| a.level == 1) {
        bookmark(&mut doc, &a.title, first_body_page + a.page + 1);
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
    progress(0.9);
    let bytes = write_document(
        &doc,
        pages,
        shared,
        subsets,
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
    let mut out = Vec::new();
    let mut check = |item: String, value: &dyn crate::model::strings::Strings| {
        // A set beside the string: an item may lose a great many different characters.
        let mut chars = String::new();
        let mut seen = std::collections::HashSet::new();
        value.strings(&mut |text| {
            for c in text.chars() {
                if !c.is_control()
                    && c != ' '
                    && !measure.covers(Face::Regular, c)
                    && seen.insert(c)
                {
                    chars.push(c);
                }
            }
        });
        if !chars.is_empty() {
            out.push(LostText { item, chars });
        }
    };
    check("facts".into(), &plan.facts);
    check("glossary".into(), &plan.glossary);
    check("context".into(), &plan.context.narrative);
    check("objectives".into(), &plan.vision);
    check("governance".into(), &plan.governance);
    let o = &plan.openness;
    check(
        "openness".into(),
        &(&o.framework, &o.description, &o.values),
    );
    macro_rules! each {
        ($section:literal, $list:expr) => {
            for x in $list {
                check(format!("{}/{}", $section, x.id), x);
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
        &(
            &plan.strategies.marketing.title,
            &plan.strategies.internationalisation.title,
        ),
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
    write_rendered(path, how, || render(plan, opts, progress), |pdf| &pdf.bytes)
}

/// Renders with `render` and writes the bytes `bytes` gives of it atomically to `path` with the
/// rules of `how`; a folder, pipe or device is refused before the work of rendering.
pub(crate) fn write_rendered<T>(
    path: &Path,
    how: crate::store::atomic::Replace,
    render: impl FnOnce() -> Result<T, ExportError>,
    bytes: impl FnOnce(&T) -> &[u8],
) -> Result<T, ExportError> {
    crate::store::atomic::check_regular(path).map_err(|source| crate::store::SaveError {
        file: path.to_path_buf(),
        step: "checking the file",
        source,
    })?;
    let done = render()?;
    let data = bytes(&done);
    crate::store::atomic::write_with(path, how, |w| w.write_all(data))?;
    Ok(done)
}
