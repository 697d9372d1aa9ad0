//! A small page-layout layer on printpdf operations: pages with margins, word wrap with real
//! glyph widths (over-long words are broken), headings kept with what follows, tables whose
//! header repeats on every page and whose rows are never cut, and simple drawing for charts.
//! Positions are measured from the top of the page in points; they are turned into PDF
//! coordinates (from the bottom) only when an operation is written.

use printpdf::{
    Color, FontId, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, Rgb, TextItem,
};

use super::fonts::{Face, Measure};

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
}

impl Column {
    /// A left-aligned column.
    pub fn new(title: impl Into<String>, share: f32) -> Self {
        Column {
            title: title.into(),
            share,
            right: false,
        }
    }

    /// A right-aligned column.
    pub fn right(title: impl Into<String>, share: f32) -> Self {
        Column {
            title: title.into(),
            share,
            right: true,
        }
    }
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
}

/// Pages being laid out.
pub struct Layout<'m> {
    measure: &'m Measure,
    fonts: [FontId; 3],
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
}

impl<'m> Layout<'m> {
    /// An empty layout; `fonts` are the embedded faces in [`Face::ALL`] order.
    pub fn new(measure: &'m Measure, fonts: [FontId; 3], paper: Paper) -> Self {
        let page = paper.size();
        let mut l = Layout {
            measure,
            fonts,
            page,
            margins: (56.0, 56.0, 64.0, 60.0),
            pages: Vec::new(),
            y: 0.0,
            anchors: Vec::new(),
        };
        l.new_page();
        l
    }

    /// The embedded font of a face.
    pub fn font(&self, face: Face) -> FontId {
        self.fonts[Face::ALL.iter().position(|f| *f == face).unwrap_or(0)].clone()
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

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.margins.2;
    }

    /// Starts a new page unless the cursor is already at the top of one.
    pub fn page_break(&mut self) {
        if self.y > self.margins.2 + 0.5 {
            self.new_page();
        }
    }

    /// Makes sure `h` points fit on this page, else starts a new one.
    pub fn ensure(&mut self, h: f32) {
        if self.y + h > self.bottom() && self.y > self.margins.2 + 0.5 {
            self.new_page();
        }
    }

    /// Moves the cursor down.
    pub fn space(&mut self, h: f32) {
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

    /// Writes one line of already-clean text with its baseline `ascent` below `top`.
    pub fn put_text(&mut self, x: f32, top: f32, style: Style, text: &str) {
        if text.is_empty() {
            return;
        }
        let font = self.font(style.face);
        let baseline = self.page.1 - top - style.size * 0.93;
        let ops = self.ops();
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(font),
            size: Pt(style.size),
        });
        ops.push(Op::SetFillColor {
            col: rgb(style.color),
        });
        ops.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(x),
                y: Pt(baseline),
            },
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.to_owned())],
        });
        ops.push(Op::EndTextSection);
    }

    /// Breaks text into lines no wider than `width`. Lines break at spaces, then after the
    /// hyphen of a compound, and only then between characters (a URL, a long number).
    /// Paragraph breaks (`\n`) are kept.
    pub fn wrap(&mut self, style: Style, text: &str, width: f32) -> Vec<String> {
        let text = self.clean(style.face, text);
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            for word in para.split(' ').filter(|w| !w.is_empty()) {
                for (k, chunk) in hyphen_chunks(word).into_iter().enumerate() {
                    // Chunks of one word join without a space.
                    let sep = if line.is_empty() || k > 0 { "" } else { " " };
                    let candidate = format!("{line}{sep}{chunk}");
                    if self.text_width(style, &candidate) <= width {
                        line = candidate;
                        continue;
                    }
                    if !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                    }
                    for c in chunk.chars() {
                        let mut next = line.clone();
                        next.push(c);
                        if self.text_width(style, &next) > width && !line.is_empty() {
                            lines.push(std::mem::take(&mut line));
                            line.push(c);
                        } else {
                            line = next;
                        }
                    }
                }
            }
            lines.push(line);
        }
        lines
    }

    /// A paragraph at the cursor, indented by `indent`, across pages as needed.
    pub fn paragraph(&mut self, style: Style, text: &str, indent: f32) {
        let width = self.width() - indent;
        let lines = self.wrap(style, text, width);
        let x = self.left() + indent;
        for line in lines {
            self.ensure(style.line_height());
            let y = self.y;
            self.put_text(x, y, style, &line);
            self.y += style.line_height();
        }
    }

    /// A label in bold followed by its value on the same line (wrapped under it if long).
    pub fn field(&mut self, label: &str, value: &str) {
        if value.trim().is_empty() {
            return;
        }
        let style = Style::BODY;
        let label = format!("{label}: ");
        let lw = self
            .text_width(style.bold(), &label)
            .min(self.width() * 0.45);
        let lines = self.wrap(style, value, self.width() - lw);
        self.ensure(style.line_height());
        let y = self.y;
        let clean_label = self.clean(Face::Bold, &label);
        self.put_text(self.left(), y, style.bold(), &clean_label);
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                self.ensure(style.line_height());
            }
            let y = self.y;
            self.put_text(self.left() + lw, y, style, line);
            self.y += style.line_height();
        }
    }

    /// A bulleted list item.
    pub fn bullet(&mut self, text: &str) {
        let style = Style::BODY;
        self.ensure(style.line_height());
        let y = self.y;
        self.put_text(self.left() + 6.0, y, style, "•");
        self.paragraph(style, text, 18.0);
    }

    /// A heading kept with at least `keep` points of what follows. Level 1 and 2 headings are
    /// recorded as anchors for the contents and bookmarks.
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
        let lines = self.wrap(style, text, self.width());
        let h = before + lines.len() as f32 * style.line_height() + 4.0;
        self.ensure(h + keep);
        if self.y > self.margins.2 + 0.5 {
            self.y += before;
        }
        if level <= 2 {
            self.anchors.push(Anchor {
                title: text.to_owned(),
                level,
                page: self.pages.len() - 1,
                y: self.y,
            });
        }
        for line in lines {
            let y = self.y;
            self.put_text(self.left(), y, style, &line);
            self.y += style.line_height();
        }
        if level == 1 {
            let y = self.y + 1.0;
            let (x0, x1) = (self.left(), self.left() + self.width());
            self.rule(x0, x1, y, ACCENT, 0.8);
            self.y += 6.0;
        } else {
            self.y += 3.0;
        }
    }

    /// A horizontal line.
    pub fn rule(&mut self, x0: f32, x1: f32, y: f32, color: Rgb3, thickness: f32) {
        let h = self.page.1;
        let ops = self.ops();
        ops.push(Op::SetOutlineColor { col: rgb(color) });
        ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        ops.push(Op::DrawLine {
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
        let ph = self.page.1;
        let ops = self.ops();
        ops.push(Op::SetFillColor { col: rgb(color) });
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

    /// A table: the header repeats on every page; a row that does not fit moves whole to the
    /// next page; a row taller than a page is split between its lines.
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<String>]) {
        let style = Style::SMALL;
        let head_style = style.bold().color([1.0, 1.0, 1.0]);
        let total: f32 = columns.iter().map(|c| c.share).sum::<f32>().max(0.001);
        let widths: Vec<f32> = columns
            .iter()
            .map(|c| c.share / total * self.width())
            .collect();
        let pad = 3.0;
        let lh = style.line_height();
        let head_lines: Vec<Vec<String>> = columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| self.wrap(head_style, &c.title, w - 2.0 * pad))
            .collect();
        let head_h = head_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * pad;
        let draw_header = |l: &mut Layout<'_>| {
            let top = l.y;
            l.fill_rect(l.left(), top, l.width(), head_h, ACCENT);
            let mut x = l.left();
            for ((c, lines), w) in columns.iter().zip(&head_lines).zip(&widths) {
                for (i, line) in lines.iter().enumerate() {
                    let tx = if c.right {
                        x + w - pad - l.text_width(head_style, line)
                    } else {
                        x + pad
                    };
                    l.put_text(tx, top + pad + i as f32 * lh, head_style, line);
                }
                x += w;
            }
            l.y += head_h;
        };
        self.ensure(head_h + lh + 2.0 * pad);
        draw_header(self);
        for (r, row) in rows.iter().enumerate() {
            let cells: Vec<Vec<String>> = widths
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    self.wrap(style, row.get(i).map_or("", |s| s.as_str()), w - 2.0 * pad)
                })
                .collect();
            let n = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let row_h = n as f32 * lh + 2.0 * pad;
            let page_body = self.bottom() - self.margins.2 - head_h;
            if row_h <= page_body && self.y + row_h > self.bottom() {
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
                if r % 2 == 1 {
                    self.fill_rect(self.left(), top, self.width(), h, [0.94, 0.95, 0.97]);
                }
                let mut x = self.left();
                for ((c, lines), w) in columns.iter().zip(&cells).zip(&widths) {
                    for (i, line) in lines.iter().enumerate().skip(first).take(fit) {
                        let tx = if c.right {
                            x + w - pad - self.text_width(style, line)
                        } else {
                            x + pad
                        };
                        self.put_text(tx, top + pad + (i - first) as f32 * lh, style, line);
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
        }
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

/// A word cut after each inner hyphen: "търговско-промишлена" → ["търговско-", "промишлена"].
fn hyphen_chunks(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in word.char_indices() {
        if c == '-' && i > start && i + 1 < word.len() {
            out.push(&word[start..=i]);
            start = i + 1;
        }
    }
    out.push(&word[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(measure: &Measure) -> Layout<'_> {
        let id = || FontId::new();
        Layout::new(measure, [id(), id(), id()], Paper::A4)
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
                    l.text_width(Style::SMALL, line) <= width + 0.01,
                    "{line:?} wider than {width}"
                );
            }
            let joined: String = lines
                .concat()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let want: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(joined, want);
        }
        let lines = l.wrap(Style::SMALL, "търговско-промишлена", 60.0);
        assert_eq!(lines[0], "търговско-");
    }

    #[test]
    fn characters_the_font_lacks_become_visible_question_marks() {
        let m = Measure::new().unwrap();
        let l = layout(&m);
        assert_eq!(
            l.clean(Face::Regular, "Център 难民 🤝 مركز\t\u{7}"),
            "Център ?? ? مركز  "
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
}
