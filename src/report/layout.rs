//! A small page-layout layer on printpdf operations: pages with margins, word wrap with real
//! glyph widths (over-long words are broken), headings kept with what follows, tables whose
//! header repeats on every page and whose rows are never cut, and simple drawing for charts.
//! Positions are measured from the top of the page in points; they are turned into PDF
//! coordinates (from the bottom) only when an operation is written.

use printpdf::{
    Color, FontId, Line, LinePoint, LinkAnnotation, Op, PaintMode, PdfFontHandle, Point, Pt, Rect,
    Rgb, TextItem,
};

use super::content::{Encoder, Used};
use super::fonts::{Face, Font, Measure, Run};
use super::hyphen;

/// Paper sizes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// An RGB colour, 0–1.
pub type Rgb3 = [f32; 3];

/// Body text colour.
pub const INK: Rgb3 = [0.1, 0.1, 0.12];
/// Secondary text colour.
pub const GREY: Rgb3 = [0.42, 0.42, 0.45];
/// Accent colour for headings and rules.
pub const ACCENT: Rgb3 = [0.08, 0.27, 0.52];

/// How text looks.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Face.
    pub face: Face,
    /// Size in points.
    pub size: f32,
    /// Colour.
    pub color: Rgb3,
}

impl Style {
    /// Body text.
    pub const BODY: Style = Style {
        face: Face::Regular,
        size: 9.5,
        color: INK,
    };
    /// Small print (tables, notes).
    pub const SMALL: Style = Style {
        face: Face::Regular,
        size: 8.0,
        color: INK,
    };

    /// This style in bold.
    pub fn bold(self) -> Style {
        Style {
            face: Face::Bold,
            ..self
        }
    }

    /// This style in italic.
    pub fn italic(self) -> Style {
        Style {
            face: Face::Italic,
            ..self
        }
    }

    /// This style in a colour.
    pub fn color(self, color: Rgb3) -> Style {
        Style { color, ..self }
    }

    /// This style at a size.
    pub fn size(self, size: f32) -> Style {
        Style { size, ..self }
    }

    /// Distance between baselines.
    pub fn line_height(self) -> f32 {
        self.size * 1.32
    }
}

/// A table column.
#[derive(Clone, Debug)]
pub struct Column {
    /// Header text.
    pub title: String,
    /// Share of the table width (the shares are normalised).
    pub share: f32,
    /// Right-aligned (numbers).
    pub right: bool,
    /// The item whose text the header is (a compared city), to name it when the header is cut.
    pub item: Option<String>,
    /// The most lines a cell of this column may take (names and titles); `None`: as many as
    /// the text needs (descriptions, which may run over pages).
    pub max_lines: Option<usize>,
}

impl Column {
    /// A left-aligned column.
    pub fn new(title: impl Into<String>, share: f32) -> Self {
        Column {
            title: title.into(),
            share,
            right: false,
            item: None,
            max_lines: None,
        }
    }

    /// A right-aligned column.
    pub fn right(title: impl Into<String>, share: f32) -> Self {
        Column {
            right: true,
            ..Column::new(title, share)
        }
    }

    /// This column, its header being the text of `item` (e.g. `openness/C-2`).
    pub fn of_item(self, item: impl Into<String>) -> Self {
        Column {
            item: Some(item.into()),
            ..self
        }
    }

    /// This column, its cells cut after `lines` lines (with "…").
    pub fn max_lines(self, lines: usize) -> Self {
        Column {
            max_lines: Some(lines),
            ..self
        }
    }
}

/// The most lines one table header cell may take; a longer header is cut with "…".
pub const MAX_HEADER_LINES: usize = 3;

/// The most lines one heading may take; a longer heading is cut with "…".
pub const MAX_HEADING_LINES: usize = 4;

/// A paragraph or field of at most this many lines is never split between pages; a longer one
/// keeps at least two lines at either end of a page.
pub const KEEP_WHOLE: usize = 4;

/// Where a wrapped line ends with a hyphen the line breaker added (not one of the text), the
/// line carries this mark instead; [`Layout::put_text`] draws it as a hyphen outside the text's
/// structure, so the broken word reads whole.
pub const ADDED_HYPHEN: char = '\u{AD}';

/// A wrapped line as it reads: without the space kept at its end, its added hyphen a hyphen.
pub fn plain_line(line: &str) -> String {
    line.trim_end_matches(' ').replace(ADDED_HYPHEN, "-")
}

/// Space between a table cell's text and its edges.
const TABLE_PAD: f32 = 3.0;

/// A heading waiting for what follows it, so the two are set on the same page.
struct Pending {
    elem: usize,
    title: String,
    lines: Vec<String>,
    style: Style,
    level: u8,
    before: f32,
    after: f32,
    keep: f32,
}

/// Text that did not fit where it was to be shown, and was cut with "…".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CutText {
    /// The item or place whose text it is (e.g. `facts`, `openness/C-2`).
    pub item: String,
    /// Where it was to be shown: "heading", "table header", "table cell", "cover"…
    pub place: &'static str,
}

/// A place a section starts, for the table of contents and bookmarks.
#[derive(Clone, Debug)]
pub struct Anchor {
    /// Heading text.
    pub title: String,
    /// 1 for a section, 2 for a subsection.
    pub level: u8,
    /// Page index (0-based, in this layout).
    pub page: usize,
    /// Distance from the top of the page.
    pub y: f32,
    /// The heading's /Lang when it is a label in another language than the plan's text.
    pub lang: Option<&'static str>,
}

/// A child of a structure element: another element, or marked content on a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kid {
    /// An element (index into [`Tags::elems`]).
    Elem(usize),
    /// Marked content: page index in this layout, MCID on that page.
    Content {
        /// Page (0-based, in this layout).
        page: usize,
        /// Marked-content id on that page.
        mcid: usize,
    },
    /// A link annotation: page index in this layout, and which of that page's annotations
    /// (see [`Tags::page_annots`]).
    Annot {
        /// Page (0-based, in this layout).
        page: usize,
        /// Index among the page's annotations, in the order they are added to the page.
        index: usize,
    },
}

/// A structure element (ISO 32000-1 14.7) of the tagged PDF.
#[derive(Clone, Debug)]
pub struct Elem {
    /// Standard structure type: `P`, `H1`, `Table`, `Figure`…
    pub role: &'static str,
    /// Its children in reading order.
    pub kids: Vec<Kid>,
    /// Alternative text (figures).
    pub alt: Option<String>,
    /// A table header cell's /Scope (`Column`, `Row`).
    pub scope: Option<&'static str>,
    /// The language of the element's text when it is not the document's (labels in another
    /// language than the plan's own text).
    pub lang: Option<&'static str>,
    /// The text in reading order, when the content draws it otherwise (a right-to-left run,
    /// drawn in visual order).
    pub actual_text: Option<String>,
}

/// A link annotation on a page: the Link element it belongs to, and what it says to someone
/// who cannot see where it points (its /Contents).
#[derive(Clone, Debug)]
pub struct Annot {
    /// The Link element (index into [`Tags::elems`]).
    pub elem: usize,
    /// The annotation's text alternative, e.g. "3. Objectives and actions, page 12".
    pub contents: String,
}

/// The structure of what a layout drew: its elements, the top-level ones, and for each page
/// the element each MCID belongs to (the page's entry of the parent tree).
#[derive(Clone, Debug, Default)]
pub struct Tags {
    /// Every element.
    pub elems: Vec<Elem>,
    /// The elements without a parent, in order.
    pub roots: Vec<usize>,
    /// Per page, the element of each MCID.
    pub page_mcids: Vec<Vec<usize>>,
    /// Per page, its link annotations in the order they are added to the page.
    pub page_annots: Vec<Vec<Annot>>,
}

impl Tags {
    /// Forgets what was drawn on pages from `n` on (pages left out of the document).
    pub fn keep_pages(&mut self, n: usize) {
        self.page_mcids.truncate(n);
        self.page_annots.truncate(n);
        for e in &mut self.elems {
            e.kids.retain(|k| match k {
                Kid::Content { page, .. } | Kid::Annot { page, .. } => *page < n,
                Kid::Elem(_) => true,
            });
        }
    }
}

/// The marked-content sequence open on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Artifact,
    Elem(usize),
}

/// Structure types whose marked content is their own (the others group elements).
fn holds_content(role: &str) -> bool {
    matches!(
        role,
        "P" | "H1"
            | "H2"
            | "H3"
            | "H4"
            | "H5"
            | "H6"
            | "TH"
            | "TD"
            | "Figure"
            | "Lbl"
            | "LBody"
            | "Span"
            | "TOCI"
            | "Link"
    )
}

/// A page's content stream: its bytes, or its number among those handed to a page writer.
pub enum Body {
    /// The stream's bytes.
    Bytes(Vec<u8>),
    /// Handed to the page writer (see [`Layout::write_pages_with`]) as this one.
    Sent(usize),
}

/// A page's content stream and its link annotations.
pub type WrittenPage = (Body, Vec<LinkAnnotation>);

/// Pages being laid out.
pub struct Layout<'m> {
    measure: &'m Measure,
    fonts: [FontId; 4],
    /// Page size in points.
    pub page: (f32, f32),
    /// Left, right, top, bottom margins in points.
    pub margins: (f32, f32, f32, f32),
    /// Operations of each page.
    pub pages: Vec<Vec<Op>>,
    /// Distance of the cursor from the top of the current page.
    pub y: f32,
    /// Section starts.
    pub anchors: Vec<Anchor>,
    /// The item whose text is being laid out (`actions/A-3`), for [`Layout::cut`]; the sections
    /// set it as they go.
    pub item: String,
    /// Texts cut with "…" because they would not fit, once per item and place.
    pub cut: Vec<CutText>,
    /// The most pages this layout makes; past them it draws on its last page, emptied, and
    /// sets [`Layout::overflow`], so memory stays bounded whatever the plan holds.
    pub max_pages: usize,
    /// True when the content needed more than `max_pages` pages.
    pub overflow: bool,
    /// The font, size and fill colour the current page's content stream has set, so a text
    /// line does not set them again (a third of the operations of a table).
    text_state: Option<(Font, u32)>,
    fill_state: Option<[u32; 3]>,
    /// The stroke colour and line width set, likewise (a chart's hatching draws hundreds of
    /// lines in one colour and width).
    stroke_state: (Option<[u32; 3]>, Option<u32>),
    /// Headings not yet set (see [`Layout::heading`]).
    pending: Vec<Pending>,
    /// The structure of what has been drawn.
    pub tags: Tags,
    /// While above 0, whatever is drawn is an artifact (running headers, repeated table
    /// headers, dot leaders).
    pub artifact: u32,
    /// The open structure elements, innermost last.
    stack: Vec<usize>,
    /// The marked-content sequence open on the current page.
    open_mark: Option<Mark>,
    /// The paragraph text drawn straight into a grouping element goes to, until the structure
    /// changes.
    auto_p: Option<usize>,
    /// The level the last heading was tagged with (headings nest without skipping levels).
    heading_level: u8,
    /// The labels' language when it is not the plan's own (an English-label export of a
    /// Bulgarian plan): the elements whose text is a label carry it as /Lang, the plan's text
    /// keeps the document's. `None` when labels and plan share the language.
    pub label_lang: Option<&'static str>,
    /// When set, each page is written as its content stream as soon as the next one starts
    /// (see [`Layout::stream_pages`]).
    encoder: Option<Encoder<'m>>,
    /// The content streams of the pages written so far, with their link annotations.
    written: Vec<WrittenPage>,
    /// Where written pages go to be deflated, if anywhere.
    page_writer: Option<&'m super::pack::PageWriter>,
}

/// The most pages a PDF may have: a generated plan of 10,000 actions (the most a plan file may
/// have) takes about 5,000. Each page takes memory until the document is written, so this
/// bounds an export's memory, whatever the plan.
pub const MAX_PAGES: usize = 6_000;

impl<'m> Layout<'m> {
    /// An empty layout; `fonts` are the ids of the fonts in [`Font::ALL`] order.
    pub fn new(measure: &'m Measure, fonts: [FontId; 4], paper: Paper) -> Self {
        let page = paper.size();
        let mut l = Layout {
            measure,
            fonts,
            page,
            margins: (56.0, 56.0, 64.0, 60.0),
            pages: Vec::new(),
            y: 0.0,
            anchors: Vec::new(),
            item: String::new(),
            cut: Vec::new(),
            max_pages: MAX_PAGES,
            overflow: false,
            text_state: None,
            fill_state: None,
            stroke_state: (None, None),
            pending: Vec::new(),
            tags: Tags::default(),
            artifact: 0,
            stack: Vec::new(),
            open_mark: None,
            auto_p: None,
            heading_level: 0,
            label_lang: None,
            encoder: None,
            written: Vec::new(),
            page_writer: None,
        };
        l.new_page();
        l
    }

    /// Writes each finished page as its content stream right away and forgets its operations,
    /// so that a long document holds bytes, not operations (`images` are those the pages may
    /// draw, with their size in pixels). Call before anything is drawn.
    pub fn stream_pages(&mut self, images: Vec<(printpdf::XObjectId, (f32, f32))>) {
        let mut encoder = Encoder::new(self.measure, &self.fonts);
        encoder.images = images;
        self.encoder = Some(encoder);
    }

    /// Hands each finished page's operations to `page_writer`, which writes and deflates it on
    /// another core (its start: the running header and footer are added at the end).
    pub fn write_pages_with(&mut self, page_writer: &'m super::pack::PageWriter) {
        self.page_writer = Some(page_writer);
    }

    /// Writes the last page if it is not written yet and returns every page's content stream
    /// with its link annotations, and the glyphs they draw (a layout that does not
    /// [stream its pages](Layout::stream_pages) writes them all now, with no images).
    pub fn take_written(&mut self) -> (Vec<WrittenPage>, [Used; 4]) {
        if self.encoder.is_none() {
            self.stream_pages(Vec::new());
        }
        while self.written.len() < self.pages.len() {
            self.write_page(self.written.len());
        }
        let used = self
            .encoder
            .as_mut()
            .map(|e| std::mem::take(&mut e.used))
            .unwrap_or_default();
        (std::mem::take(&mut self.written), used)
    }

    /// Writes page `i`'s operations as its content stream, when pages are streamed (or hands
    /// them to the page writer).
    fn write_page(&mut self, i: usize) {
        let ops = std::mem::take(&mut self.pages[i]);
        if let Some(d) = self.page_writer {
            self.written.push((Body::Sent(d.send(ops)), Vec::new()));
            return;
        }
        let measure = self.measure;
        let fonts = &self.fonts;
        let encoder = self
            .encoder
            .get_or_insert_with(|| Encoder::new(measure, fonts));
        let mut bytes = Vec::with_capacity(ops.len() * 24);
        let mut links = Vec::new();
        encoder.page(&ops, &mut bytes, &mut links);
        let body = Body::Bytes(bytes);
        self.written.push((body, links));
    }

    /// Forgets the font and colour set on the page: call when the operations are written
    /// after others (the running header after the body).
    pub fn forget_state(&mut self) {
        self.text_state = None;
        self.fill_state = None;
        self.stroke_state = (None, None);
    }

    /// Sets the fill colour unless the page's content stream already has it.
    fn set_fill(&mut self, color: Rgb3) {
        let key = color.map(f32::to_bits);
        if self.fill_state != Some(key) {
            self.fill_state = Some(key);
            self.ops().push(Op::SetFillColor { col: rgb(color) });
        }
    }

    /// Sets the stroke colour and line width unless the page's content stream already has
    /// them.
    pub fn set_stroke(&mut self, color: Rgb3, width: f32) {
        let (color_key, width_key) = (Some(color.map(f32::to_bits)), Some(width.to_bits()));
        if self.stroke_state.0 != color_key {
            self.stroke_state.0 = color_key;
            self.ops().push(Op::SetOutlineColor { col: rgb(color) });
        }
        if self.stroke_state.1 != width_key {
            self.stroke_state.1 = width_key;
            self.ops().push(Op::SetOutlineThickness { pt: Pt(width) });
        }
    }

    /// Records that the current item's text was cut at `place`.
    pub fn note_cut(&mut self, item: Option<&str>, place: &'static str) {
        let item = item.unwrap_or(&self.item).to_owned();
        let entry = CutText { item, place };
        if !self.cut.contains(&entry) {
            self.cut.push(entry);
        }
    }

    /// The embedded font of a face.
    pub fn font(&self, face: Face) -> FontId {
        self.fonts[Font::of(face).index()].clone()
    }

    /// Width between the margins.
    pub fn width(&self) -> f32 {
        self.page.0 - self.margins.0 - self.margins.1
    }

    /// Left edge of the text block.
    pub fn left(&self) -> f32 {
        self.margins.0
    }

    fn bottom(&self) -> f32 {
        self.page.1 - self.margins.3
    }

    /// Space left on this page.
    pub fn room(&self) -> f32 {
        self.bottom() - self.y
    }

    /// Starts a new page (past [`Layout::max_pages`], empties the last one instead).
    pub fn new_page(&mut self) {
        self.close_mark();
        self.forget_state();
        self.y = self.margins.2;
        if self.pages.len() >= self.max_pages {
            self.overflow = true;
            if let Some(last) = self.pages.last_mut() {
                last.clear();
            }
            return;
        }
        while (self.encoder.is_some() || self.page_writer.is_some())
            && self.written.len() < self.pages.len()
        {
            self.write_page(self.written.len());
        }
        let ops = self.page_writer.and_then(|d| d.spare()).unwrap_or_default();
        self.pages.push(ops);
        self.tags.page_mcids.push(Vec::new());
        self.tags.page_annots.push(Vec::new());
    }

    // ---- Structure ----------------------------------------------------------------------

    fn role_of(&self, e: usize) -> &'static str {
        self.tags.elems[e].role
    }

    fn top_is(&self, role: &str) -> bool {
        self.stack.last().is_some_and(|&t| self.role_of(t) == role)
    }

    /// A new element, the last child of the innermost open one.
    fn new_elem(&mut self, role: &'static str) -> usize {
        let id = self.tags.elems.len();
        self.tags.elems.push(Elem {
            role,
            kids: Vec::new(),
            alt: None,
            scope: None,
            lang: None,
            actual_text: None,
        });
        match self.stack.last() {
            Some(&parent) => self.tags.elems[parent].kids.push(Kid::Elem(id)),
            None => self.tags.roots.push(id),
        }
        self.auto_p = None;
        id
    }

    /// A child element to draw into: inside a figure, the figure itself (its content is one).
    pub fn child(&mut self, role: &'static str) -> usize {
        match self.stack.last() {
            Some(&t) if self.role_of(t) == "Figure" => t,
            _ => self.new_elem(role),
        }
    }

    /// Closes a list left open by [`Layout::bullet`].
    fn leave_list(&mut self) {
        if self.top_is("L") {
            self.stack.pop();
            self.auto_p = None;
        }
    }

    /// Opens a structure element: what is drawn until [`Layout::end`] belongs to it.
    pub fn begin(&mut self, role: &'static str) -> usize {
        if role != "LI" {
            self.leave_list();
        }
        let id = self.child(role);
        self.stack.push(id);
        id
    }

    /// Closes the element [`Layout::begin`] opened last.
    pub fn end(&mut self) {
        self.leave_list();
        self.stack.pop();
        self.auto_p = None;
    }

    /// Records a link annotation of the current page belonging to the open element (a Link)
    /// and saying `contents`; the annotation itself is added to the page when the pages are
    /// assembled, in the same order.
    pub fn link_annotation(&mut self, contents: String) {
        let Some(&elem) = self.stack.last() else {
            return;
        };
        let page = self.pages.len() - 1;
        let annots = &mut self.tags.page_annots[page];
        let index = annots.len();
        annots.push(Annot { elem, contents });
        self.tags.elems[elem].kids.push(Kid::Annot { page, index });
    }

    /// Tags `elem` as a label: its /Lang is the labels' language when that is not the plan's
    /// (see [`Layout::label_lang`]). Only for elements whose whole text is a label: the
    /// language passes to every element inside.
    pub fn label(&mut self, elem: usize) {
        if let Some(lang) = self.label_lang {
            self.tags.elems[elem].lang = Some(lang);
        }
    }

    /// Opens a figure with its alternative text.
    pub fn begin_figure(&mut self, alt: String) {
        let id = self.begin("Figure");
        self.tags.elems[id].alt = Some(alt);
        // The alternative text is written in the labels' language.
        self.label(id);
    }

    /// The text alternative of the open figure, if one is open (for its caption, which says
    /// the same).
    pub fn figure_alt(&self) -> Option<&str> {
        self.stack
            .iter()
            .rev()
            .map(|&e| &self.tags.elems[e])
            .find(|e| e.role == "Figure")
            .and_then(|e| e.alt.as_deref())
    }

    /// Closes the innermost open figure, if one is open.
    pub fn end_figure(&mut self) {
        if let Some(i) = self
            .stack
            .iter()
            .position(|&e| self.tags.elems[e].role == "Figure")
        {
            self.stack.truncate(i);
            self.auto_p = None;
        }
    }

    /// Draws with `elem` (a child made with [`Layout::child`]) as the element the content
    /// belongs to.
    pub fn with(&mut self, elem: usize, draw: impl FnOnce(&mut Self)) {
        self.with_elem(elem, draw);
    }

    /// Draws with `elem` as the element the content belongs to.
    fn with_elem(&mut self, elem: usize, draw: impl FnOnce(&mut Self)) {
        self.stack.push(elem);
        draw(self);
        self.stack.pop();
    }

    /// Opens the marked-content sequence `m` unless it is the open one.
    fn set_mark(&mut self, m: Mark) {
        if self.open_mark == Some(m) {
            return;
        }
        self.close_mark();
        let page = self.pages.len() - 1;
        let op = match m {
            Mark::Artifact => Op::BeginMarkedContent {
                tag: "Artifact".into(),
            },
            Mark::Elem(e) => {
                let mcids = &mut self.tags.page_mcids[page];
                let mcid = mcids.len();
                mcids.push(e);
                self.tags.elems[e].kids.push(Kid::Content { page, mcid });
                Op::BeginMarkedContentWithProperties {
                    tag: self.tags.elems[e].role.into(),
                    properties: super::content::mcid(mcid),
                }
            }
        };
        self.ops().push(op);
        self.open_mark = Some(m);
    }

    /// Ends the open marked-content sequence.
    pub fn close_mark(&mut self) {
        if self.open_mark.take().is_some() {
            self.ops().push(Op::EndMarkedContent);
        }
    }

    /// Marks what is drawn next: text belongs to the innermost element that holds content
    /// (or to a paragraph of the grouping element it is drawn into); a drawing to a figure,
    /// else it is an artifact (rules, tints, table backgrounds).
    fn mark_content(&mut self, text: bool) {
        let top = self.stack.last().copied();
        let m = if self.artifact > 0 {
            Mark::Artifact
        } else if let Some(t) = top.filter(|&t| holds_content(self.role_of(t))) {
            Mark::Elem(t)
        } else if text {
            let p = match self.auto_p {
                Some(p) => p,
                None => {
                    self.leave_list();
                    let p = self.new_elem("P");
                    self.auto_p = Some(p);
                    p
                }
            };
            Mark::Elem(p)
        } else {
            Mark::Artifact
        };
        self.set_mark(m);
    }

    /// Marks text drawn next with operations of one's own (see [`Layout::put_text`]).
    pub fn mark_text(&mut self) {
        self.mark_content(true);
    }

    /// Marks a drawing made next with operations of one's own.
    pub fn mark_drawing(&mut self) {
        self.mark_content(false);
    }

    /// Sets the headings still waiting and closes every marked-content sequence and element:
    /// call before the pages are taken.
    pub fn end_tags(&mut self) {
        self.finish();
        self.close_mark();
        self.stack.clear();
        self.auto_p = None;
    }

    /// True when nothing has been set on this page yet.
    pub fn at_top(&self) -> bool {
        self.y <= self.margins.2 + 0.5
    }

    /// Starts a new page unless the cursor is already at the top of one.
    pub fn page_break(&mut self) {
        if self.y > self.margins.2 + 0.5 {
            self.new_page();
        }
    }

    /// Makes sure `h` points fit on this page, else starts a new one.
    pub fn ensure(&mut self, h: f32) {
        if !self.pending.is_empty() {
            // The headings waiting come with it.
            return self.flush_headings(h);
        }
        if self.y + h > self.bottom() && self.y > self.margins.2 + 0.5 {
            self.new_page();
        }
    }

    /// Moves the cursor down.
    pub fn space(&mut self, h: f32) {
        if let Some(last) = self.pending.last_mut() {
            last.after += h;
            return;
        }
        self.y += h;
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        // `new` adds the first page, so there always is a last one.
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Replaces what the face cannot show with a visible '?' (control characters with a space),
    /// never with an invisible box. Which items lost what is reported by
    /// [`super::lost_text`].
    pub fn clean(&self, face: Face, text: &str) -> String {
        text.chars()
            .map(|c| {
                if c.is_control() {
                    if c == '\n' { c } else { ' ' }
                } else if c == ' ' || self.measure.covers(face, c) {
                    c
                } else {
                    '?'
                }
            })
            .collect()
    }

    /// Width of text in a style.
    pub fn text_width(&self, style: Style, text: &str) -> f32 {
        self.measure.width(style.face, style.size, text)
    }

    /// The width a wrapped line takes on the page: its added hyphen as a hyphen, the space
    /// kept at its end (invisible) not counted, so aligned lines stay where they were.
    pub fn line_width(&self, style: Style, line: &str) -> f32 {
        self.text_width(style, &plain_line(line))
    }

    /// Writes one line of already-clean text with its baseline `ascent` below `top`. Text in
    /// the face's own font, left to right, is written as it is; other text is set run by run
    /// (see [`Measure::runs`]). A line from the line breaker may end with a space (it broke
    /// there: kept, invisible, so text extraction does not join two words) or with
    /// [`ADDED_HYPHEN`] (drawn as an artifact, so extraction joins the word's two halves).
    pub fn put_text(&mut self, x: f32, top: f32, style: Style, text: &str) {
        let (text, added_hyphen) = match text.strip_suffix(ADDED_HYPHEN) {
            Some(rest) => (rest, true),
            None => (text, false),
        };
        if text.is_empty() && !added_hyphen {
            return;
        }
        self.flush_headings(0.0);
        self.mark_content(true);
        let baseline = self.page.1 - top - style.size * 0.93;
        let mut pen = x;
        if text.is_empty() {
        } else if self.measure.is_simple(style.face, text) {
            self.show(
                Font::of(style.face),
                x,
                baseline,
                style,
                TextItem::Text(text.to_owned()),
            );
            // Only the added hyphen needs to know where the text ends.
            if added_hyphen {
                pen += self.text_width(style, text);
            }
        } else {
            for run in self.measure.runs(style.face, text) {
                let width = run.width() * style.size / 1000.0;
                self.show_run(&run, pen, baseline, style);
                pen += width;
            }
        }
        if added_hyphen {
            self.put_added_hyphen(pen, baseline, style);
        }
    }

    /// Writes a shaped run as glyph ids. A right-to-left run is drawn in visual order, so in
    /// tagged content it is a Span of the element that holds the line, with the run's text in
    /// reading order as /ActualText (for search, copy and screen readers), in a marked-content
    /// sequence of its own: never nested in the line's, which poppler would end there.
    fn show_run(&mut self, run: &Run, x: f32, baseline: f32, style: Style) {
        let glyphs = run
            .glyphs
            .iter()
            .map(|g| printpdf::Codepoint {
                gid: g.gid,
                // TJ moves the next glyph left by this much: from the font's advance, which a
                // viewer applies, to the shaper's.
                offset: g.font_advance - g.advance,
                cid: g.text.clone(),
            })
            .collect();
        let holder = match self.open_mark {
            Some(Mark::Elem(e)) if run.rtl => Some(e),
            _ => None,
        };
        if let Some(holder) = holder {
            let auto_p = self.auto_p;
            self.stack.push(holder);
            let span = self.new_elem("Span");
            self.stack.pop();
            self.auto_p = auto_p;
            self.tags.elems[span].actual_text = Some(run.text.clone());
            self.set_mark(Mark::Elem(span));
        }
        self.show(run.font, x, baseline, style, TextItem::GlyphIds(glyphs));
        if let Some(holder) = holder {
            // The rest of the line belongs to the holder again.
            self.set_mark(Mark::Elem(holder));
        }
    }

    /// One text object: the font and colour (set only when they change; they persist in the
    /// page's content stream), the position and the text.
    fn show(&mut self, font: Font, x: f32, baseline: f32, style: Style, item: TextItem) {
        self.measure.note_used(font);
        let font_key = (font, style.size.to_bits());
        let set_font = self.text_state != Some(font_key);
        self.text_state = Some(font_key);
        self.ops().push(Op::StartTextSection);
        if set_font {
            let id = self.fonts[font.index()].clone();
            self.ops().push(Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(style.size),
            });
        }
        self.set_fill(style.color);
        let ops = self.ops();
        ops.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(x),
                y: Pt(baseline),
            },
        });
        ops.push(Op::ShowText { items: vec![item] });
        ops.push(Op::EndTextSection);
    }

    /// Draws the hyphen the line breaker added at `x` on `baseline` as an artifact of the layout, between the line's marked content and the next
    /// line's: the structure's text then reads the word whole, and `pdftotext`, which sees a
    /// hyphen at the end of a line, joins the word's halves without it. Neither nested in the
    /// line's own sequence nor replaced by an empty /ActualText: poppler ends a sequence at the
    /// first EMC, nested or not, and would lose the rest of the paragraph, and with the hyphen
    /// gone from the page's text `pdftotext` would no longer join the halves.
    fn put_added_hyphen(&mut self, x: f32, baseline: f32, style: Style) {
        let tagged = self.open_mark != Some(Mark::Artifact);
        if tagged {
            self.set_mark(Mark::Artifact);
        }
        // In the face's own font: the line may have ended in a fallback font's run.
        self.show(
            Font::of(style.face),
            x,
            baseline,
            style,
            TextItem::Text(hyphen::MARK.to_string()),
        );
        if tagged {
            // The next line of the element opens a marked-content sequence of its own.
            self.close_mark();
        }
    }

    /// Breaks text into lines no wider than `width`. Lines break at spaces; a word that does
    /// not fit at the end of a line is hyphenated where the patterns of its language allow
    /// (or after the hyphen of a compound, the slash of an address), and only a token no rule
    /// can break (an identifier, a row of one letter) is cut between characters, with a
    /// hyphen. Paragraph breaks (`\n`) are kept. Each character is measured once or twice, so
    /// the time is linear in the text however long its words are.
    pub fn wrap(&mut self, style: Style, text: &str, width: f32) -> Vec<String> {
        self.wrap_lines(style, text, width, usize::MAX).0
    }

    /// [`Layout::wrap`], stopping after `max` lines; the last line then ends with "…" (cut to
    /// fit) and the second value is true. Stops reading the text there, so a cut is as cheap as
    /// the lines it keeps.
    pub fn wrap_lines(
        &mut self,
        style: Style,
        text: &str,
        width: f32,
        max: usize,
    ) -> (Vec<String>, bool) {
        self.wrap_with(style, text, width, max, true)
    }

    /// The line breaker. With `fill`, a word that does not fit at the end of a line is
    /// hyphenated there (running text); without, it moves to the next line whole and is
    /// hyphenated only when it is wider than a line of its own (headers).
    fn wrap_with(
        &self,
        style: Style,
        text: &str,
        width: f32,
        max: usize,
        fill: bool,
    ) -> (Vec<String>, bool) {
        let m = self.measure;
        let w = |c: char| m.char_width(style.face, style.size, c);
        let space = w(' ');
        let mark_w = w(hyphen::MARK);
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        let mut line_w = 0.0f32;
        let mut cut = false;
        // Adds a finished line; false once `max` lines are done. A line that ends where the
        // text had a space (or a paragraph break) keeps a space at its end, so text extraction
        // does not join its last word with the next line's first.
        let push = |lines: &mut Vec<String>, line: &mut String, line_w: &mut f32, space: bool| {
            if space && !line.is_empty() {
                line.push(' ');
            }
            lines.push(std::mem::take(line));
            *line_w = 0.0;
            lines.len() < max
        };
        'text: for (p, para) in text.split('\n').enumerate() {
            if p > 0 && !push(&mut lines, &mut line, &mut line_w, true) {
                cut = true;
                break;
            }
            let para = self.clean(style.face, para);
            for word in para.split(' ').filter(|w| !w.is_empty()) {
                // Where the rest of the word starts, and its break points (looked up only for
                // a word that does not fit).
                let mut base = 0;
                let mut breaks: Option<Vec<hyphen::Break>> = None;
                while base < word.len() {
                    let rest = &word[base..];
                    let sep = if line.is_empty() { 0.0 } else { space };
                    let avail = width - line_w - sep;
                    if let Some(rest_w) = width_within(rest, avail, &w) {
                        if sep > 0.0 {
                            line.push(' ');
                        }
                        line.push_str(rest);
                        line_w += sep + rest_w;
                        break;
                    }
                    // Hyphenate at the end of a line only when the line has room to spare.
                    let try_break = line.is_empty() || fill && line_w < width * 0.8;
                    let found = if try_break {
                        let list = breaks.get_or_insert_with(|| hyphen::breaks(word));
                        last_fitting(word, base, list, avail, &w, mark_w)
                    } else {
                        None
                    };
                    let piece = match found {
                        Some(b) => Some(b),
                        None if line.is_empty() => Some(forced_cut(word, base, avail, &w, mark_w)),
                        None => None,
                    };
                    let at_space = piece.is_none();
                    if let Some(b) = piece {
                        if sep > 0.0 {
                            line.push(' ');
                        }
                        line.push_str(&word[base..b.at]);
                        if b.mark {
                            line.push(ADDED_HYPHEN);
                        }
                        base = b.at;
                    }
                    if !push(&mut lines, &mut line, &mut line_w, at_space) {
                        cut = true;
                        break 'text;
                    }
                }
            }
        }
        if cut {
            // The last line kept, with the ellipsis inside the width.
            let last = plain_line(&lines.pop().unwrap_or_default());
            let last = last.trim_end_matches(hyphen::MARK);
            lines.push(self.fit_with_ellipsis(style, last, width));
        } else {
            lines.push(line);
        }
        (lines, cut)
    }

    /// The narrowest a column may be for `text` (its widest piece once every word wider than
    /// `whole` is broken where it may be, with the hyphen) and its natural width (its widest
    /// paragraph on one line). Words no wider than `known` (the column's narrowest so far) are
    /// not looked up.
    fn cell_widths(&self, style: Style, text: &str, known: f32, whole: f32) -> (f32, f32) {
        let m = self.measure;
        let w = |c: char| m.char_width(style.face, style.size, c);
        let mark_w = w(hyphen::MARK);
        let space = w(' ');
        let (mut narrow, mut natural) = (known, 0.0f32);
        for para in text.split('\n') {
            let mut para_w = 0.0;
            for word in para.split([' ', '\t']).filter(|w| !w.is_empty()) {
                let word_w: f32 = word.chars().map(w).sum();
                para_w += word_w + space;
                if word_w <= narrow {
                    continue;
                }
                if word_w <= whole {
                    narrow = word_w;
                    continue;
                }
                let mut from = 0;
                let mut widest = 0.0f32;
                for b in hyphen::breaks(word)
                    .into_iter()
                    .chain(std::iter::once(hyphen::Break {
                        at: word.len(),
                        mark: false,
                    }))
                {
                    let piece: f32 = word[from..b.at].chars().map(w).sum();
                    widest = widest.max(piece + if b.mark { mark_w } else { 0.0 });
                    from = b.at;
                }
                narrow = narrow.max(widest);
            }
            natural = natural.max(para_w - space);
        }
        (narrow, natural)
    }
    /// `text` (clean) cut so that it and "…" fit `width`; the ellipsis is always added.
    pub fn fit_with_ellipsis(&self, style: Style, text: &str, width: f32) -> String {
        let m = self.measure;
        let mut room = width - m.char_width(style.face, style.size, '…');
        let mut out = String::new();
        for c in text.chars() {
            room -= m.char_width(style.face, style.size, c);
            if room < 0.0 {
                break;
            }
            out.push(c);
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out.push('…');
        out
    }

    /// `text` on one line: as it is when it fits `width`, else cut with "…" (and true).
    /// Cleans and measures only what it keeps.
    pub fn fit(&self, style: Style, text: &str, width: f32) -> (String, bool) {
        let m = self.measure;
        let mut used = 0.0;
        for (i, c) in text.char_indices() {
            used += m.char_width(style.face, style.size, c);
            if used > width {
                let kept = self.clean(style.face, &text[..i]);
                return (self.fit_with_ellipsis(style, &kept, width), true);
            }
        }
        (self.clean(style.face, text), false)
    }

    /// A paragraph at the cursor, indented by `indent`, across pages as needed.
    pub fn paragraph(&mut self, style: Style, text: &str, indent: f32) {
        self.paragraph_lines(style, text, indent, usize::MAX, "paragraph");
    }

    /// A paragraph whose text is a fixed wording of the interface (a label), tagged with the
    /// labels' language (see [`Layout::label`]).
    pub fn label_paragraph(&mut self, style: Style, text: &str, indent: f32) {
        self.paragraph_as(style, text, indent, usize::MAX, "paragraph", true, "P");
    }

    /// A paragraph of at most `max` lines, cut with "…" after them (recorded at `place`).
    pub fn paragraph_lines(
        &mut self,
        style: Style,
        text: &str,
        indent: f32,
        max: usize,
        place: &'static str,
    ) {
        self.paragraph_as(style, text, indent, max, place, false, "P");
    }

    /// A title set as a paragraph (not listed in the contents) of at most `max` lines, tagged
    /// as the document's top heading, H1 (the cover's title).
    pub fn title_lines(
        &mut self,
        style: Style,
        text: &str,
        indent: f32,
        max: usize,
        place: &'static str,
    ) {
        self.leave_list();
        self.heading_level = 1;
        self.paragraph_as(style, text, indent, max, place, false, "H1");
    }

    /// [`Layout::paragraph_lines`], the paragraph tagged `role` (P, H1), as a label when
    /// `label` is true.
    #[allow(clippy::too_many_arguments)]
    fn paragraph_as(
        &mut self,
        style: Style,
        text: &str,
        indent: f32,
        max: usize,
        place: &'static str,
        label: bool,
        role: &'static str,
    ) {
        let width = self.width() - indent;
        let (lines, cut) = self.wrap_lines(style, text, width, max);
        if cut {
            self.note_cut(None, place);
        }
        let x = self.left() + indent;
        let p = self.begin(role);
        if label {
            self.label(p);
        }
        self.block(lines.len(), style.line_height(), |l, i, y| {
            l.put_text(x, y, style, &lines[i]);
        });
        self.end();
    }

    /// Places `n` lines of height `lh`, calling `draw(layout, line, top)` for each: a block of
    /// up to [`KEEP_WHOLE`] lines stays on one page, a longer one leaves at least two lines at
    /// the foot of a page and takes at least two to the next (no orphans, no widows), and
    /// headings waiting above it come along with its first lines.
    pub fn block(&mut self, n: usize, lh: f32, mut draw: impl FnMut(&mut Layout<'m>, usize, f32)) {
        let first = if n <= KEEP_WHOLE { n } else { 2 };
        self.flush_headings(first as f32 * lh);
        let mut i = 0;
        while i < n && !self.overflow {
            let at_top = self.y <= self.margins.2 + 0.5;
            let fit = ((self.room() + 0.01) / lh).floor().max(0.0) as usize;
            let left = n - i;
            let take = if fit >= left {
                left
            } else if i == 0 && n <= KEEP_WHOLE {
                0
            } else {
                fit.min(left.saturating_sub(2))
            };
            let take = if at_top && take < 2 {
                fit.max(1).min(left)
            } else {
                take
            };
            if take < 2 && take < left {
                self.new_page();
                continue;
            }
            for k in i..i + take {
                let y = self.y;
                draw(self, k, y);
                self.y += lh;
            }
            i += take;
            if i < n {
                self.new_page();
            }
        }
    }

    /// A label in bold followed by its value on the same line (wrapped under it if long).
    pub fn field(&mut self, label: &str, value: &str) {
        self.field_lines(label, value, usize::MAX, "field");
    }

    /// [`Layout::field`] of at most `max` lines, cut with "…" after them (recorded at `place`).
    /// The label stays with the first lines of its value.
    pub fn field_lines(&mut self, label: &str, value: &str, max: usize, place: &'static str) {
        if value.trim().is_empty() {
            return;
        }
        let style = Style::BODY;
        let label = format!("{label}: ");
        let full = self.text_width(style.bold(), &label);
        let lw = full.min(self.width() * 0.45);
        let (lines, cut) = self.wrap_lines(style, value, self.width() - lw, max);
        if cut {
            self.note_cut(None, place);
        }
        // A label wider than its column wraps within it, so the value never runs over it.
        let label_lines: Vec<String> = if full > lw {
            self.wrap_lines(style.bold(), &label, lw - 4.0, 4).0
        } else {
            vec![self.clean(Face::Bold, &label)]
        };
        let x = self.left();
        let rows = lines.len().max(label_lines.len());
        // The label, then its value, whatever the order of their lines on the page.
        self.begin("P");
        let (label_elem, value_elem) = (self.child("Span"), self.child("Span"));
        self.label(label_elem);
        self.block(rows, style.line_height(), |l, i, y| {
            if let Some(text) = label_lines.get(i) {
                l.with_elem(label_elem, |l| l.put_text(x, y, style.bold(), text));
            }
            if let Some(text) = lines.get(i) {
                l.with_elem(value_elem, |l| l.put_text(x + lw, y, style, text));
            }
        });
        self.end();
    }

    /// A bulleted list item.
    pub fn bullet(&mut self, text: &str) {
        let style = Style::BODY;
        let indent = 18.0;
        let (lines, _) = self.wrap_lines(style, text, self.width() - indent, usize::MAX);
        let x = self.left();
        if !self.top_is("L") && !self.top_is("Figure") {
            self.begin("L");
        }
        self.begin("LI");
        let (lbl, body) = (self.child("Lbl"), self.child("LBody"));
        self.block(lines.len(), style.line_height(), |l, i, y| {
            if i == 0 {
                l.with_elem(lbl, |l| l.put_text(x + 6.0, y, style, "•"));
            }
            l.with_elem(body, |l| l.put_text(x + indent, y, style, &lines[i]));
        });
        // The list stays open for the next item; whatever else comes closes it.
        self.stack.pop();
        self.auto_p = None;
    }

    /// A heading kept with at least `keep` points of what follows, and never less than the
    /// first two lines of a paragraph or the header and first row of a table: it is set when
    /// that comes. Level 1 and 2 headings are recorded as anchors for the contents and
    /// bookmarks.
    pub fn heading(&mut self, level: u8, text: &str, keep: f32) {
        let style = match level {
            1 => Style {
                face: Face::Bold,
                size: 15.0,
                color: ACCENT,
            },
            2 => Style {
                face: Face::Bold,
                size: 12.0,
                color: ACCENT,
            },
            _ => Style {
                face: Face::Bold,
                size: 10.0,
                color: INK,
            },
        };
        let before = if level == 1 { 6.0 } else { 8.0 };
        let (lines, cut) = self.wrap_with(style, text, self.width(), MAX_HEADING_LINES, false);
        if cut {
            self.note_cut(None, "heading");
        }
        let after = if level == 1 { 7.0 } else { 3.0 };
        // Each top-level heading opens a section; a heading is tagged at most one level below
        // the one before it, so levels never skip.
        self.leave_list();
        if level == 1 {
            if let Some(i) = self
                .stack
                .iter()
                .position(|&e| self.tags.elems[e].role == "Sect")
            {
                self.stack.truncate(i);
            }
            self.begin("Sect");
        }
        let tag_level = level.min(self.heading_level + 1).clamp(1, 6);
        self.heading_level = tag_level;
        let elem = self.child(["H1", "H2", "H3", "H4", "H5", "H6"][usize::from(tag_level - 1)]);
        self.pending.push(Pending {
            elem,
            // What the heading shows: the contents and bookmarks never take more.
            title: if cut {
                lines
                    .iter()
                    .map(|l| plain_line(l))
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                text.to_owned()
            },
            lines,
            style,
            level,
            before,
            after,
            keep,
        });
    }

    /// [`Layout::heading`] whose text is a label of the interface (a section's name), tagged
    /// with the labels' language (see [`Layout::label`]).
    pub fn label_heading(&mut self, level: u8, text: &str, keep: f32) {
        self.heading(level, text, keep);
        if let Some(h) = self.pending.last() {
            let elem = h.elem;
            self.label(elem);
        }
    }

    /// Sets the headings waiting for what follows them, on this page when they and `need`
    /// points after them fit, else on the next.
    fn flush_headings(&mut self, need: f32) {
        if self.pending.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        let at_top = |l: &Layout<'_>| l.y <= l.margins.2 + 0.5;
        let height: f32 = pending
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let before = if i == 0 && at_top(self) {
                    0.0
                } else {
                    h.before
                };
                before + h.lines.len() as f32 * h.style.line_height() + h.after
            })
            .sum();
        let keep = pending.last().map_or(0.0, |h| h.keep);
        self.ensure(height + need.max(keep));
        for h in pending {
            if !at_top(self) {
                self.y += h.before;
            }
            if h.level <= 2 {
                self.anchors.push(Anchor {
                    title: h.title,
                    level: h.level,
                    page: self.pages.len() - 1,
                    y: self.y,
                    lang: self.tags.elems[h.elem].lang,
                });
            }
            self.stack.push(h.elem);
            for line in &h.lines {
                let y = self.y;
                self.put_text(self.left(), y, h.style, line);
                self.y += h.style.line_height();
            }
            self.stack.pop();
            if h.level == 1 {
                let y = self.y + 1.0;
                let (x0, x1) = (self.left(), self.left() + self.width());
                self.rule(x0, x1, y, ACCENT, 0.8);
            }
            self.y += h.after;
        }
    }

    /// Sets any heading still waiting (at the end of the document).
    pub fn finish(&mut self) {
        self.flush_headings(0.0);
    }
    /// A horizontal line.
    pub fn rule(&mut self, x0: f32, x1: f32, y: f32, color: Rgb3, thickness: f32) {
        self.flush_headings(0.0);
        self.mark_content(false);
        let h = self.page.1;
        self.set_stroke(color, thickness);
        self.ops().push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: Point {
                            x: Pt(x0),
                            y: Pt(h - y),
                        },
                        bezier: false,
                    },
                    LinePoint {
                        p: Point {
                            x: Pt(x1),
                            y: Pt(h - y),
                        },
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }

    /// A filled rectangle; `top` measured from the top of the page.
    pub fn fill_rect(&mut self, x: f32, top: f32, w: f32, h: f32, color: Rgb3) {
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        self.flush_headings(0.0);
        self.mark_content(false);
        let ph = self.page.1;
        self.set_fill(color);
        let ops = self.ops();
        ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(ph - top - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }

    /// A table: columns sized by their content, the header repeated on every page, a row that
    /// does not fit moved whole to the next page (one taller than a page is split between its
    /// lines).
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<String>]) {
        self.table_totals(columns, rows, &[]);
    }

    /// The widths of a table's columns: each at least its widest unbreakable piece (a header's
    /// longest word, a cell's longest syllable), more for the columns whose text is longer.
    /// Rows at `totals` are measured in bold, as they are set.
    pub fn column_widths(
        &self,
        columns: &[Column],
        rows: &[Vec<String>],
        totals: &[usize],
    ) -> Vec<f32> {
        let style = Style::SMALL;
        let head_style = style.bold();
        let pad = TABLE_PAD;
        let total = self.width();
        // No single token takes more than this; a longer one is cut between characters.
        let cap = total * 0.3;
        // First words up to this width whole (no short word is hyphenated); if that does not
        // fit, every word broken where it may be.
        let short_word = total * 0.14;
        let mut best = Vec::new();
        for whole in [short_word, 0.0] {
            let mut narrow = vec![0.0f32; columns.len()];
            let mut natural = vec![0.0f32; columns.len()];
            for (i, c) in columns.iter().enumerate() {
                // Header words are never hyphenated unless nothing else fits.
                (narrow[i], natural[i]) = self.cell_widths(head_style, &c.title, 0.0, cap);
            }
            for (r, row) in rows.iter().enumerate() {
                let style = if totals.binary_search(&r).is_ok() {
                    style.bold()
                } else {
                    style
                };
                for (i, text) in row.iter().enumerate().take(columns.len()) {
                    let (n, p) = self.cell_widths(style, text, narrow[i].min(cap), whole);
                    narrow[i] = narrow[i].max(n);
                    natural[i] = natural[i].max(p);
                }
            }
            let narrow: Vec<f32> = narrow
                .iter()
                .map(|n| n.min(cap) + 2.0 * pad + 0.5)
                .collect();
            let natural: Vec<f32> = natural
                .iter()
                .zip(&narrow)
                .map(|(p, n)| (p + 2.0 * pad + 0.5).max(*n))
                .collect();
            let fits = narrow.iter().sum::<f32>() <= total;
            best = distribute(&narrow, &natural, total);
            if fits {
                break;
            }
        }
        best
    }

    /// [`Layout::table`] whose rows at `totals` (indices) are totals or subtotals: bold, on a
    /// tint, with a rule above.
    pub fn table_totals(&mut self, columns: &[Column], rows: &[Vec<String>], totals: &[usize]) {
        let style = Style::SMALL;
        let head_style = style.bold().color([1.0, 1.0, 1.0]);
        let widths = self.column_widths(columns, rows, totals);
        let pad = TABLE_PAD;
        let lh = style.line_height();
        let mut head_lines: Vec<Vec<String>> = Vec::with_capacity(columns.len());
        for (c, w) in columns.iter().zip(&widths) {
            let (lines, cut) =
                self.wrap_with(head_style, &c.title, w - 2.0 * pad, MAX_HEADER_LINES, false);
            if cut {
                self.note_cut(c.item.as_deref(), "table header");
            }
            head_lines.push(lines);
        }
        let head_h = head_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * pad;
        // The structure: the header row once, its cells column headers; then the body rows.
        self.leave_list();
        self.begin("Table");
        self.begin("THead");
        self.begin("TR");
        let head_cells: Vec<usize> = columns
            .iter()
            .map(|c| {
                let th = self.child("TH");
                if self.tags.elems[th].role == "TH" {
                    self.tags.elems[th].scope = Some("Column");
                    // A header is a label unless it is an item's text (a compared city).
                    if c.item.is_none() {
                        self.label(th);
                    }
                }
                th
            })
            .collect();
        self.end();
        self.end();
        self.begin("TBody");
        let mut header_tagged = false;
        // The header as drawn on every page the table runs over: tagged the first time, an
        // artifact after.
        let mut draw_header = |l: &mut Layout<'_>| {
            let tagged = !std::mem::replace(&mut header_tagged, true);
            if !tagged {
                l.artifact += 1;
            }
            let top = l.y;
            l.fill_rect(l.left(), top, l.width(), head_h, ACCENT);
            let mut x = l.left();
            for (((c, lines), w), th) in columns
                .iter()
                .zip(&head_lines)
                .zip(&widths)
                .zip(&head_cells)
            {
                for (i, line) in lines.iter().enumerate() {
                    let tx = if c.right {
                        x + w - pad - l.line_width(head_style, line)
                    } else {
                        x + pad
                    };
                    l.with_elem(*th, |l| {
                        l.put_text(tx, top + pad + i as f32 * lh, head_style, line);
                    });
                }
                x += w;
            }
            l.y += head_h;
            if !tagged {
                l.artifact -= 1;
            }
        };
        let page_body = self.bottom() - self.margins.2 - head_h;
        if rows.is_empty() {
            self.ensure(head_h + lh + 2.0 * pad);
            draw_header(self);
        }
        for (r, row) in rows.iter().enumerate() {
            if self.overflow {
                // The export fails anyway; do not lay out the rest.
                break;
            }
            let total_row = totals.binary_search(&r).is_ok();
            let style = if total_row { style.bold() } else { style };
            let mut cells: Vec<Vec<String>> = Vec::with_capacity(columns.len());
            for (i, (c, w)) in columns.iter().zip(&widths).enumerate() {
                let text = row.get(i).map_or("", |s| s.as_str());
                let max = c.max_lines.unwrap_or(usize::MAX);
                let (lines, cut) = self.wrap_lines(style, text, w - 2.0 * pad, max);
                if cut {
                    self.note_cut(None, "table cell");
                }
                cells.push(lines);
            }
            let n = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let row_h = n as f32 * lh + 2.0 * pad;
            // A total row never starts a page alone: the row before it comes along (a total is
            // one line).
            let before_total = totals.binary_search(&(r + 1)).is_ok();
            let need = if before_total {
                row_h + lh + 2.0 * pad
            } else {
                row_h
            };
            self.begin("TR");
            // A total's or subtotal's row is headed by the cell that names it ("Total",
            // "Subtotal 1"): its first cell with text, a row header.
            let row_head =
                total_row.then(|| row.iter().position(|c| !c.trim().is_empty()).unwrap_or(0));
            let cell_elems: Vec<usize> = (0..columns.len())
                .map(|i| {
                    if row_head != Some(i) {
                        return self.child("TD");
                    }
                    let th = self.child("TH");
                    if self.tags.elems[th].role == "TH" {
                        self.tags.elems[th].scope = Some("Row");
                        self.label(th);
                    }
                    th
                })
                .collect();
            if r == 0 {
                // The header comes with the first row (and a heading above with both).
                self.ensure(head_h + need.min(page_body));
                draw_header(self);
            } else if need <= page_body && self.y + need > self.bottom() {
                self.new_page();
                draw_header(self);
            }
            // Lines of this row, page by page.
            let mut first = 0;
            while first < n {
                let fit = (((self.bottom() - self.y - 2.0 * pad) / lh).floor() as usize)
                    .max(1)
                    .min(n - first);
                let h = fit as f32 * lh + 2.0 * pad;
                let top = self.y;
                if total_row {
                    self.fill_rect(self.left(), top, self.width(), h, [0.88, 0.91, 0.95]);
                    let (x0, x1) = (self.left(), self.left() + self.width());
                    self.rule(x0, x1, top, INK, 0.8);
                } else if r % 2 == 1 {
                    self.fill_rect(self.left(), top, self.width(), h, [0.94, 0.95, 0.97]);
                }
                let mut x = self.left();
                for (((c, lines), w), td) in
                    columns.iter().zip(&cells).zip(&widths).zip(&cell_elems)
                {
                    for (i, line) in lines.iter().enumerate().skip(first).take(fit) {
                        let tx = if c.right {
                            x + w - pad - self.line_width(style, line)
                        } else {
                            x + pad
                        };
                        self.with_elem(*td, |l| {
                            l.put_text(tx, top + pad + (i - first) as f32 * lh, style, line);
                        });
                    }
                    x += w;
                }
                self.y += h;
                first += fit;
                if first < n {
                    self.new_page();
                    draw_header(self);
                }
            }
            self.end();
        }
        self.end();
        self.end();
        let y = self.y;
        let (x0, x1) = (self.left(), self.left() + self.width());
        self.rule(x0, x1, y, GREY, 0.4);
        self.y += 8.0;
    }
}

/// A printpdf colour.
pub fn rgb(c: Rgb3) -> Color {
    Color::Rgb(Rgb {
        r: c[0],
        g: c[1],
        b: c[2],
        icc_profile: None,
    })
}

/// The width of `text` when it is no wider than `avail`; stops measuring past it.
fn width_within(text: &str, avail: f32, w: &impl Fn(char) -> f32) -> Option<f32> {
    let mut acc = 0.0;
    for c in text.chars() {
        acc += w(c);
        if acc > avail {
            return None;
        }
    }
    Some(acc)
}

/// The last break of `word` after `base` whose piece (with its hyphen) fits `avail`.
fn last_fitting(
    word: &str,
    base: usize,
    breaks: &[hyphen::Break],
    avail: f32,
    w: &impl Fn(char) -> f32,
    mark_w: f32,
) -> Option<hyphen::Break> {
    let mut k = breaks.partition_point(|b| b.at <= base);
    let mut acc = 0.0;
    let mut best = None;
    for (i, c) in word[base..].char_indices() {
        if k >= breaks.len() {
            break;
        }
        let at = base + i;
        if breaks[k].at == at {
            let b = breaks[k];
            if acc + if b.mark { mark_w } else { 0.0 } <= avail {
                best = Some(b);
            }
            k += 1;
        }
        acc += w(c);
        if acc > avail {
            break;
        }
    }
    best
}

/// Where to cut a token no rule breaks so that its piece fits `avail`: between characters, with
/// the hyphen between two letters or digits; at least one character, so the text moves on.
fn forced_cut(
    word: &str,
    base: usize,
    avail: f32,
    w: &impl Fn(char) -> f32,
    mark_w: f32,
) -> hyphen::Break {
    let mut acc = 0.0;
    let mut best: Option<hyphen::Break> = None;
    let mut chars = word[base..].char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        acc += w(c);
        let Some(&(j, next)) = chars.peek() else {
            break;
        };
        let mark = c.is_alphanumeric() && next.is_alphanumeric();
        if acc > avail {
            break;
        }
        if acc + if mark { mark_w } else { 0.0 } <= avail {
            best = Some(hyphen::Break { at: base + j, mark });
        }
    }
    best.unwrap_or_else(|| {
        let first = word[base..].chars().next().map_or(1, char::len_utf8);
        hyphen::Break {
            at: (base + first).min(word.len()),
            mark: false,
        }
    })
}

/// Column widths for a table `total` wide, from each column's narrowest and natural width, as
/// browsers lay out tables: natural widths when they fit (the rest shared in proportion),
/// else every column its narrowest plus a share of the rest in proportion to what it would
/// like more, else the narrowest widths scaled down.
pub fn distribute(narrow: &[f32], natural: &[f32], total: f32) -> Vec<f32> {
    let sum_min: f32 = narrow.iter().sum();
    let sum_nat: f32 = natural.iter().sum();
    if sum_nat <= total && sum_nat > 0.0 {
        let extra = total - sum_nat;
        return natural.iter().map(|n| n + extra * n / sum_nat).collect();
    }
    if sum_min >= total || sum_nat <= sum_min {
        let sum = sum_min.max(0.001);
        return narrow.iter().map(|n| n * total / sum).collect();
    }
    let k = (total - sum_min) / (sum_nat - sum_min);
    narrow
        .iter()
        .zip(natural)
        .map(|(n, p)| n + (p - n) * k)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(measure: &Measure) -> Layout<'_> {
        let id = || FontId::new();
        Layout::new(measure, [id(), id(), id(), id()], Paper::A4)
    }

    #[test]
    fn wrapping_respects_the_width_and_keeps_every_character() {
        let m = Measure::new().unwrap();
        let mut l = layout(&m);
        let text = "Българска търговско-промишлена палата и https://example.org/a/very/long/path/that/cannot/fit/anywhere/at/all";
        for width in [40.0, 80.0, 150.0, 400.0] {
            let lines = l.wrap(Style::SMALL, text, width);
            for line in &lines {
                assert!(
                    l.line_width(Style::SMALL, line) <= width + 0.01,
                    "{line:?} wider than {width}"
                );
            }
            // Every character kept (the hyphens added at breaks aside).
            let joined: String = lines
                .concat()
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-' && *c != ADDED_HYPHEN)
                .collect();
            let want: String = text
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .collect();
            assert_eq!(joined, want);
        }
        let lines = l.wrap(Style::SMALL, "търговско-промишлена", 60.0);
        assert_eq!(lines[0], "търговско-");
    }

    #[test]
    fn words_break_between_syllables_with_a_hyphen_never_between_letters() {
        let m = Measure::new().unwrap();
        let mut l = layout(&m);
        let text = "консултации предприятия Дейности";
        for width in [28.0, 40.0, 60.0] {
            let lines = l.wrap(Style::SMALL, text, width);
            for line in &lines {
                assert!(l.line_width(Style::SMALL, line) <= width + 0.01, "{line:?}");
                let whole = text.split(' ').any(|w| w.ends_with(line.trim_end()));
                assert!(line.ends_with(ADDED_HYPHEN) || whole, "{line:?} at {width}");
            }
            // A line that broke at a space keeps it; the hyphens are the breaker's own.
            let joined = lines.concat().replace(ADDED_HYPHEN, "");
            assert_eq!(joined, text);
        }
        // A token no pattern breaks is cut between characters, with the mark.
        let lines = l.wrap(Style::SMALL, &"Ж".repeat(40), 50.0);
        assert!(lines.len() > 1);
        assert!(
            lines[..lines.len() - 1]
                .iter()
                .all(|x| x.ends_with(ADDED_HYPHEN))
        );
    }

    #[test]
    fn columns_are_sized_by_their_content() {
        // Natural widths when they fit, the rest shared in proportion.
        assert_eq!(
            distribute(&[10.0, 10.0], &[20.0, 60.0], 160.0),
            [40.0, 120.0]
        );
        // Else every column its narrowest plus a share of what it would like more.
        assert_eq!(distribute(&[10.0, 10.0], &[20.0, 40.0], 30.0), [12.5, 17.5]);
        // Else the narrowest widths scaled down.
        assert_eq!(
            distribute(&[100.0, 300.0], &[200.0, 900.0], 200.0),
            [50.0, 150.0]
        );
        let m = Measure::new().unwrap();
        let l = layout(&m);
        let cols = [
            Column::new("Код", 1.0),
            Column::new("Дейности", 1.0),
            Column::new("Описание", 1.0),
        ];
        let long = "Подробно описание на дейността, ".repeat(20);
        let rows = vec![vec!["1.1".to_owned(), "Резултат".to_owned(), long]];
        let w = l.column_widths(&cols, &rows, &[]);
        assert!((w.iter().sum::<f32>() - l.width()).abs() < 0.1);
        // The header's word and the short word stay whole; the long text takes the rest.
        let head = l.text_width(Style::SMALL.bold(), "Дейности") + 2.0 * TABLE_PAD;
        assert!(w[1] >= head, "{w:?}");
        assert!(w[2] > w[0] + w[1], "{w:?}");
    }

    #[test]
    fn a_heading_is_never_last_on_a_page_and_paragraphs_keep_two_lines() {
        let m = Measure::new().unwrap();
        let mut l = layout(&m);
        let lh = Style::BODY.line_height();
        // Fill the page to one line short of its end.
        while l.room() > lh * 2.5 {
            l.paragraph(Style::BODY, "ред", 0.0);
        }
        l.heading(2, "Заглавие", 0.0);
        l.paragraph(Style::BODY, &"дума ".repeat(200), 0.0);
        l.finish();
        let heading_page = l.anchors[0].page;
        assert_eq!(heading_page, 1, "the heading moved with its paragraph");
        // A long paragraph split: at least two lines at the foot of the page.
        let mut l = layout(&m);
        while l.room() > lh * 1.5 {
            l.paragraph(Style::BODY, "ред", 0.0);
        }
        let before = l.pages.len();
        l.paragraph(Style::BODY, &"дума ".repeat(200), 0.0);
        assert_eq!(l.pages.len(), before + 1);
        let texts = |p: &Vec<Op>| {
            p.iter()
                .filter(|o| matches!(o, Op::ShowText { .. }))
                .count()
        };
        let on_first = texts(&l.pages[0]);
        l.finish();
        assert!(on_first > 0);
    }

    #[test]
    fn characters_no_font_has_become_visible_question_marks() {
        let m = Measure::new().unwrap();
        let l = layout(&m);
        // The hanzi come from the fallback font; nothing has the emoji or a hangul syllable.
        assert_eq!(
            l.clean(Face::Regular, "Център 难民 🤝 مركز 한\t\u{7}"),
            "Център 难民 ? مركز ?  "
        );
    }

    #[test]
    fn wrapped_arabic_and_persian_lines_fit_once_shaped() {
        let m = Measure::new().unwrap();
        let mut l = layout(&m);
        let text = "جمعية دار السلام للاجئين والمهاجرين في صوفيا لا تزال تعمل مع البلدية \
                    انجمن پناهندگان افغان در صوفیه با شهرداری همکاری می‌کند Център 华人协会 ";
        for width in [60.0, 90.0, 140.0, 200.0] {
            for style in [Style::BODY, Style::BODY.bold(), Style::BODY.italic()] {
                for line in l.wrap(style, &text.repeat(3), width) {
                    let drawn = l.line_width(style, &line);
                    assert!(drawn <= width + 0.01, "{line:?}: {drawn} > {width}");
                }
            }
        }
    }

    #[test]
    fn a_figure_tells_its_text_alternative_while_it_is_open() {
        let m = Measure::new().unwrap();
        let mut l = layout(&m);
        assert_eq!(l.figure_alt(), None);
        l.begin_figure("Bars of the budget by year".into());
        l.begin("P");
        assert_eq!(l.figure_alt(), Some("Bars of the budget by year"));
        l.end_figure();
        assert_eq!(l.figure_alt(), None);
    }

    #[test]
    fn pages_stop_at_the_limit() {
        let m = Measure::new().unwrap();
        let mut l = layout(&m);
        l.max_pages = 3;
        for _ in 0..10 {
            l.paragraph(Style::BODY, "x", 0.0);
            l.new_page();
        }
        assert_eq!(l.pages.len(), 3);
        assert!(l.overflow);
    }

    #[test]
    fn a_line_sets_font_and_colour_only_when_they_change() {
        let m = Measure::new().unwrap();
        let mut l = layout(&m);
        let count = |l: &Layout<'_>, f: fn(&Op) -> bool| l.pages[0].iter().filter(|o| f(o)).count();
        for _ in 0..5 {
            l.paragraph(Style::BODY, "ред", 0.0);
        }
        l.paragraph(Style::BODY.bold(), "ред", 0.0);
        l.fill_rect(0.0, 0.0, 1.0, 1.0, ACCENT);
        l.paragraph(Style::BODY.bold(), "ред", 0.0);
        assert_eq!(count(&l, |o| matches!(o, Op::SetFont { .. })), 2);
        assert_eq!(count(&l, |o| matches!(o, Op::SetFillColor { .. })), 3);
        assert_eq!(count(&l, |o| matches!(o, Op::ShowText { .. })), 7);
        for _ in 0..3 {
            l.rule(0.0, 10.0, 5.0, INK, 0.5);
        }
        l.rule(0.0, 10.0, 5.0, INK, 0.8);
        l.rule(0.0, 10.0, 5.0, ACCENT, 0.8);
        assert_eq!(count(&l, |o| matches!(o, Op::SetOutlineColor { .. })), 2);
        assert_eq!(
            count(&l, |o| matches!(o, Op::SetOutlineThickness { .. })),
            2
        );
        assert_eq!(count(&l, |o| matches!(o, Op::DrawLine { .. })), 5);
        l.new_page();
        l.rule(0.0, 10.0, 5.0, ACCENT, 0.8);
        l.paragraph(Style::BODY, "ред", 0.0);
        assert_eq!(
            l.pages[1]
                .iter()
                .filter(|o| matches!(o, Op::SetOutlineColor { .. }))
                .count(),
            1,
            "a new page sets the stroke again"
        );
        assert_eq!(
            l.pages[1]
                .iter()
                .filter(|o| matches!(o, Op::SetFont { .. }))
                .count(),
            1
        );
    }

    #[test]
    fn table_rows_never_cross_the_bottom_margin() {
        let m = Measure::new().unwrap();
        let mut l = layout(&m);
        let cols = [Column::new("A", 1.0), Column::new("B", 3.0)];
        let rows: Vec<Vec<String>> = (0..120)
            .map(|i| vec![format!("{i}"), "текст ".repeat(i % 40 + 1)])
            .collect();
        l.table(&cols, &rows);
        assert!(l.pages.len() > 3);
        assert!(l.y <= l.page.1 - l.margins.3 + 0.01);
    }

    #[test]
    fn a_total_row_never_starts_a_page_alone() {
        let m = Measure::new().unwrap();
        let cols = [Column::new("A", 1.0), Column::new("B", 3.0)];
        let rows: Vec<Vec<String>> = (0..3)
            .map(|i| vec![format!("{i}"), "ред".into()])
            .chain([vec![String::new(), "Общо".into()]])
            .collect();
        // Start the table lower and lower: wherever the page ends, the total never begins the
        // next page without the row above it.
        for step in 0..60 {
            let mut l = layout(&m);
            l.y = l.bottom() - 120.0 + step as f32 * 2.0;
            l.table_totals(&cols, &rows, &[3]);
            let last = l.pages.len() - 1;
            if last > 0 {
                let texts = |page: usize| -> Vec<String> {
                    l.pages[page]
                        .iter()
                        .filter_map(|o| match o {
                            Op::ShowText { items } => items.iter().find_map(|i| match i {
                                TextItem::Text(t) => Some(t.clone()),
                                _ => None,
                            }),
                            _ => None,
                        })
                        .collect()
                };
                let on_last = texts(last);
                assert!(
                    on_last.iter().any(|t| t == "2"),
                    "step {step}: the total is alone on its page: {on_last:?}"
                );
            }
        }
    }
}
