//! Page content streams written straight from the layout's operations: compact (numbers with
//! the digits that matter, text as two-byte codes in literal strings, no operator the page
//! does not need) and quick, with every glyph drawn remembered for the fonts' subsets.
//!
//! Codes are the fonts' own glyph ids for DejaVu (its subset keeps every glyph's id, see
//! `subset`, so a page can be written before every glyph of the document is known) and the
//! CIDs of the CJK font's charset, which its subset keeps.

use std::collections::BTreeMap;

use printpdf::{
    Color, DictItem, FontId, LinkAnnotation, Op, PaintMode, PdfFontHandle, TextItem, TextMatrix,
    WindingOrder, XObjectId,
};

use super::fonts::{Font, Measure};

/// Writes `v` with at most `decimals` decimals and no trailing zeros (`12`, `12.5`, `-0.25`).
pub fn num(out: &mut Vec<u8>, v: f32, decimals: u32) {
    let v = if v.is_finite() { v } else { 0.0 };
    let scale = 10i64.pow(decimals);
    let mut n = (f64::from(v) * scale as f64).round() as i64;
    if n < 0 {
        out.push(b'-');
        n = -n;
    }
    let (int, mut frac) = (n / scale, n % scale);
    digits(out, int as u64, 1);
    if frac != 0 {
        out.push(b'.');
        let mut places = decimals as usize;
        while frac % 10 == 0 {
            frac /= 10;
            places -= 1;
        }
        digits(out, frac as u64, places);
    }
}

/// Writes the decimal digits of `n`, with zeros in front up to `width` digits (no allocation:
/// this writes every number of every page).
fn digits(out: &mut Vec<u8>, mut n: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let at = at.min(buf.len() - width.min(buf.len()));
    out.extend_from_slice(&buf[at..]);
}

/// Writes an integer.
pub fn int(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    digits(out, n.unsigned_abs(), 1);
}

/// Coordinates: a hundredth of a point is finer than any printer.
fn coord(out: &mut Vec<u8>, v: f32) {
    num(out, v, 2);
    out.push(b' ');
}

/// Which glyphs of one font were drawn, and the text each stands for (its ToUnicode entry).
#[derive(Default)]
pub struct Used {
    /// By code (glyph id, or CID for the CJK font): the glyph id and the text.
    pub codes: BTreeMap<u16, (u16, String)>,
    /// One bit per code noted: every glyph of every page is noted, and all but the first of
    /// each are answered here instead of by a search of `codes`.
    seen: Vec<u64>,
}

impl Used {
    /// Adds what `other` drew.
    pub fn merge(&mut self, other: Used) {
        for (code, (gid, text)) in other.codes {
            self.note(code, gid, || text);
        }
    }

    fn note(&mut self, code: u16, gid: u16, text: impl FnOnce() -> String) {
        if self.seen.is_empty() {
            self.seen = vec![0; (usize::from(u16::MAX) + 1) / 64];
        }
        let (word, bit) = (usize::from(code) / 64, 1u64 << (code % 64));
        if self.seen[word] & bit != 0 {
            return;
        }
        self.seen[word] |= bit;
        self.codes.entry(code).or_insert_with(|| (gid, text()));
    }
}

/// Turns pages' operations into content streams for the report's fonts and images.
pub struct Encoder<'m> {
    measure: &'m Measure,
    /// The resource name (`F0`…) of each [`Font::ALL`] by its id in the operations.
    fonts: Vec<(FontId, Font)>,
    /// The images the pages may draw (`Im0`… in this order), with their size in pixels.
    pub images: Vec<(XObjectId, (f32, f32))>,
    /// What each font drew.
    pub used: [Used; 4],
    /// The CJK font's CID of each glyph (read the first time it is drawn in).
    cjk_cids: Option<BTreeMap<u16, u16>>,
}

/// The CIDs of a CID-keyed CFF font's glyphs, by glyph id.
fn cids(font: Font) -> BTreeMap<u16, u16> {
    printpdf::font::cff_charset_gid_to_cid_map(font.bytes(), 0).unwrap_or_default()
}

impl<'m> Encoder<'m> {
    /// An encoder for pages laid out with `fonts` (the ids of [`Font::ALL`]).
    pub fn new(measure: &'m Measure, fonts: &[FontId; 4]) -> Self {
        Encoder {
            measure,
            fonts: fonts.iter().cloned().zip(Font::ALL).collect(),
            images: Vec::new(),
            used: Default::default(),
            cjk_cids: None,
        }
    }

    fn font_of(&self, id: &FontId) -> Option<Font> {
        self.fonts.iter().find(|(f, _)| f == id).map(|(_, f)| *f)
    }

    /// The code a glyph is drawn with in `font`.
    fn code(&mut self, font: Font, gid: u16) -> u16 {
        if font != Font::Cjk {
            return gid;
        }
        self.cjk_cids
            .get_or_insert_with(|| cids(Font::Cjk))
            .get(&gid)
            .copied()
            .unwrap_or(gid)
    }

    /// Appends one glyph's code to a literal string.
    fn push_code(out: &mut Vec<u8>, code: u16) {
        for b in code.to_be_bytes() {
            match b {
                b'(' | b')' | b'\\' => out.extend([b'\\', b]),
                b'\r' => out.extend(b"\\r"),
                b'\n' => out.extend(b"\\n"),
                b => out.push(b),
            }
        }
    }

    /// Writes the operations of one page to `out`; its link annotations go to `links`.
    pub fn page(&mut self, ops: &[Op], out: &mut Vec<u8>, links: &mut Vec<LinkAnnotation>) {
        let mut font: Option<Font> = None;
        for op in ops {
            match op {
                Op::StartTextSection => out.extend(b"BT\n"),
                Op::EndTextSection => out.extend(b"ET\n"),
                Op::SaveGraphicsState => out.extend(b"q\n"),
                Op::RestoreGraphicsState => out.extend(b"Q\n"),
                Op::SetFont {
                    font: PdfFontHandle::External(id),
                    size,
                } => {
                    font = self.font_of(id);
                    if let Some(f) = font {
                        out.extend(b"/F");
                        int(out, f.index() as i64);
                        out.push(b' ');
                        num(out, size.0, 2);
                        out.extend(b" Tf\n");
                    }
                }
                Op::SetTextCursor { pos } => {
                    coord(out, pos.x.0);
                    coord(out, pos.y.0);
                    out.extend(b"Td\n");
                }
                Op::SetTextMatrix { matrix } => {
                    let m = match matrix {
                        TextMatrix::Translate(x, y) => [1.0, 0.0, 0.0, 1.0, x.0, y.0],
                        TextMatrix::TranslateRotate(x, y, angle) => {
                            let (s, c) = angle.to_radians().sin_cos();
                            [c, s, -s, c, x.0, y.0]
                        }
                        TextMatrix::Raw(m) => *m,
                    };
                    for v in m {
                        num(out, v, 4);
                        out.push(b' ');
                    }
                    out.extend(b"Tm\n");
                }
                Op::ShowText { items } => {
                    if let Some(f) = font {
                        self.show(f, items, out);
                    }
                }
                Op::SetFillColor { col } => color(out, col, false),
                Op::SetOutlineColor { col } => color(out, col, true),
                Op::SetOutlineThickness { pt } => {
                    num(out, pt.0, 2);
                    out.extend(b" w\n");
                }
                Op::DrawLine { line } => {
                    let mut points = line.points.iter();
                    if let Some(first) = points.next() {
                        coord(out, first.p.x.0);
                        coord(out, first.p.y.0);
                        out.extend(b"m\n");
                        let rest: Vec<_> = points.collect();
                        let mut i = 0;
                        while i < rest.len() {
                            // A bezier handle, a second handle and the end point: a curve.
                            if rest[i].bezier && i + 2 < rest.len() {
                                for p in &rest[i..i + 3] {
                                    coord(out, p.p.x.0);
                                    coord(out, p.p.y.0);
                                }
                                out.extend(b"c\n");
                                i += 3;
                            } else {
                                coord(out, rest[i].p.x.0);
                                coord(out, rest[i].p.y.0);
                                out.extend(b"l\n");
                                i += 1;
                            }
                        }
                        out.extend(if line.is_closed { b"s\n" } else { b"S\n" });
                    }
                }
                Op::DrawRectangle { rectangle: r } => {
                    coord(out, r.x.0);
                    coord(out, r.y.0);
                    coord(out, r.width.0);
                    coord(out, r.height.0);
                    out.extend(b"re ");
                    let even_odd = matches!(r.winding_order, Some(WindingOrder::EvenOdd));
                    out.extend(match (r.mode, even_odd) {
                        (Some(PaintMode::Clip), false) => &b"W n\n"[..],
                        (Some(PaintMode::Clip), true) => b"W* n\n",
                        (Some(PaintMode::Fill), false) => b"f\n",
                        (Some(PaintMode::Fill), true) => b"f*\n",
                        (Some(PaintMode::Stroke), _) => b"S\n",
                        (Some(PaintMode::FillStroke), false) => b"B\n",
                        (Some(PaintMode::FillStroke), true) => b"B*\n",
                        (None, _) => b"n\n",
                    });
                }
                Op::BeginMarkedContent { tag } => {
                    name(out, tag);
                    out.extend(b" BMC\n");
                }
                Op::BeginMarkedContentWithProperties { tag, properties } => {
                    name(out, tag);
                    out.push(b' ');
                    match properties {
                        DictItem::Int(n) => {
                            out.extend(b"<</MCID ");
                            int(out, *n);
                            out.extend(b">>");
                        }
                        other => dict_item(out, other),
                    }
                    out.extend(b" BDC\n");
                }
                Op::EndMarkedContent | Op::EndMarkedContentWithProperties => out.extend(b"EMC\n"),
                Op::UseXobject { id, transform } => {
                    let Some(index) = self.images.iter().position(|(i, _)| i == id) else {
                        debug_assert!(false, "an image drawn is registered");
                        continue;
                    };
                    // The image is a unit square: scale it to its size at its dpi.
                    let (w, h) = self.images[index].1;
                    let dpi = transform.dpi.unwrap_or(300.0);
                    let sx = transform.scale_x.unwrap_or(1.0) * w * 72.0 / dpi;
                    let sy = transform.scale_y.unwrap_or(1.0) * h * 72.0 / dpi;
                    out.extend(b"q ");
                    for v in [
                        sx,
                        0.0,
                        0.0,
                        sy,
                        transform.translate_x.map_or(0.0, |p| p.0),
                        transform.translate_y.map_or(0.0, |p| p.0),
                    ] {
                        num(out, v, 4);
                        out.push(b' ');
                    }
                    out.extend(b"cm /Im");
                    int(out, index as i64);
                    out.extend(b" Do Q\n");
                }
                Op::LinkAnnotation { link } => links.push(link.clone()),
                _ => debug_assert!(false, "the report does not draw {op:?}"),
            }
        }
    }

    /// One ShowText: `Tj` for a string of codes, `TJ` when glyphs carry adjustments.
    fn show(&mut self, font: Font, items: &[TextItem], out: &mut Vec<u8>) {
        let adjusted = items.iter().any(|i| match i {
            TextItem::Offset(_) => true,
            TextItem::GlyphIds(g) => g.iter().any(|c| c.offset != 0.0),
            TextItem::Text(_) => false,
        });
        out.push(if adjusted { b'[' } else { b'(' });
        let mut open = !adjusted;
        let start = |out: &mut Vec<u8>, open: &mut bool| {
            if !*open {
                out.push(b'(');
                *open = true;
            }
        };
        let end = |out: &mut Vec<u8>, open: &mut bool| {
            if *open {
                out.push(b')');
                *open = false;
            }
        };
        for item in items {
            match item {
                TextItem::Text(text) => {
                    start(out, &mut open);
                    for c in text.chars() {
                        let gid = self.measure.glyph(font, c).unwrap_or(0);
                        let code = self.code(font, gid);
                        self.used[font.index()].note(code, gid, || c.to_string());
                        Self::push_code(out, code);
                    }
                }
                TextItem::GlyphIds(glyphs) => {
                    for g in glyphs {
                        start(out, &mut open);
                        let code = self.code(font, g.gid);
                        self.used[font.index()]
                            .note(code, g.gid, || g.cid.clone().unwrap_or_default());
                        Self::push_code(out, code);
                        if g.offset != 0.0 {
                            end(out, &mut open);
                            out.push(b' ');
                            num(out, g.offset, 2);
                            out.push(b' ');
                        }
                    }
                }
                TextItem::Offset(o) => {
                    end(out, &mut open);
                    out.push(b' ');
                    num(out, *o, 2);
                    out.push(b' ');
                }
            }
        }
        if adjusted {
            end(out, &mut open);
            out.extend(b"]TJ\n");
        } else {
            out.extend(b")Tj\n");
        }
    }
}

/// A fill (`rg`) or stroke (`RG`) colour.
fn color(out: &mut Vec<u8>, col: &Color, stroke: bool) {
    let (values, op): (Vec<f32>, &[u8]) = match col {
        Color::Rgb(c) => (vec![c.r, c.g, c.b], if stroke { b"RG" } else { b"rg" }),
        Color::Greyscale(g) => (vec![g.percent], if stroke { b"G" } else { b"g" }),
        Color::Cmyk(c) => (vec![c.c, c.m, c.y, c.k], if stroke { b"K" } else { b"k" }),
        Color::SpotColor(c) => (vec![c.c, c.m, c.y, c.k], if stroke { b"K" } else { b"k" }),
    };
    for v in values {
        num(out, v.clamp(0.0, 1.0), 3);
        out.push(b' ');
    }
    out.extend(op);
    out.push(b'\n');
}

/// A PDF name, with the characters a name cannot hold written as `#xx`.
pub fn name(out: &mut Vec<u8>, s: &str) {
    out.push(b'/');
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-_.+*:".contains(&b) {
            out.push(b);
        } else {
            out.extend(format!("#{b:02X}").as_bytes());
        }
    }
}

/// The property list of a marked-content sequence with the MCID `n`, as the layout writes it:
/// a bare number, which [`Encoder::page`] writes as `<</MCID n>>` (a map for every line of
/// text would cost more than the line).
pub fn mcid(n: usize) -> DictItem {
    DictItem::Int(n as i64)
}

/// A marked-content property list (only what the layout writes: numbers, names, dicts).
fn dict_item(out: &mut Vec<u8>, item: &DictItem) {
    match item {
        DictItem::Dict { map } => {
            out.extend(b"<<");
            for (k, v) in map {
                name(out, k);
                out.push(b' ');
                dict_item(out, v);
            }
            out.extend(b">>");
        }
        DictItem::Int(n) => int(out, *n),
        DictItem::Float(f) | DictItem::Real(f) => num(out, *f, 4),
        DictItem::Bool(b) => out.extend(if *b { &b"true"[..] } else { b"false" }),
        DictItem::Name(n) => name(out, &String::from_utf8_lossy(n)),
        DictItem::Array(a) => {
            out.push(b'[');
            for (i, v) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                dict_item(out, v);
            }
            out.push(b']');
        }
        _ => out.extend(b"null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: f32, d: u32) -> String {
        let mut out = Vec::new();
        num(&mut out, v, d);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_are_written_with_the_digits_that_matter() {
        assert_eq!(n(12.0, 2), "12");
        assert_eq!(n(12.5, 2), "12.5");
        assert_eq!(n(-0.25, 2), "-0.25");
        assert_eq!(n(0.05, 2), "0.05");
        assert_eq!(n(841.8898, 2), "841.89");
        assert_eq!(n(0.999_99, 3), "1");
        assert_eq!(n(f32::NAN, 2), "0");
        assert_eq!(n(0.0, 2), "0");
        assert_eq!(n(-0.001, 2), "0");
    }

    #[test]
    fn a_glyph_keeps_the_text_it_was_first_noted_with() {
        let mut used = Used::default();
        used.note(7, 70, || "a".into());
        used.note(7, 70, || unreachable!("noted once"));
        used.note(u16::MAX, 1, || "z".into());
        let mut other = Used::default();
        other.note(7, 70, || "b".into());
        other.note(8, 80, || "c".into());
        used.merge(other);
        let codes: Vec<_> = used
            .codes
            .iter()
            .map(|(c, (g, t))| (*c, *g, t.as_str()))
            .collect();
        assert_eq!(codes, [(7, 70, "a"), (8, 80, "c"), (u16::MAX, 1, "z")]);
        used.note(8, 80, || unreachable!("merged in"));
    }

    #[test]
    fn marked_content_is_written_with_its_mcid_or_its_properties() {
        let measure = Measure::new().unwrap();
        let fonts = Font::ALL.map(|f| FontId(format!("F{}", f.index())));
        let mut enc = Encoder::new(&measure, &fonts);
        let mut map = BTreeMap::new();
        map.insert("MCID".to_owned(), DictItem::Int(4));
        let ops = [
            Op::BeginMarkedContentWithProperties {
                tag: "P".into(),
                properties: mcid(3),
            },
            Op::EndMarkedContent,
            Op::BeginMarkedContentWithProperties {
                tag: "Span".into(),
                properties: DictItem::Dict { map },
            },
            Op::EndMarkedContent,
        ];
        let mut out = Vec::new();
        enc.page(&ops, &mut out, &mut Vec::new());
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "/P <</MCID 3>> BDC\nEMC\n/Span <</MCID 4>> BDC\nEMC\n"
        );
    }

    #[test]
    fn codes_that_are_string_delimiters_are_escaped() {
        let mut out = Vec::new();
        Encoder::push_code(&mut out, 0x0028); // "(" in the low byte
        Encoder::push_code(&mut out, 0x5C0D);
        assert_eq!(out, b"\0\\(\\\\\\r");
    }
}
