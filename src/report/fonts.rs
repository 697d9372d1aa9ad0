//! The report's fonts and how text is set in them.
//!
//! The faces are DejaVu Sans (regular, bold, oblique): Latin, Cyrillic, Greek, Arabic with the
//! Persian letters (regular and bold), Hebrew and many symbols. What a face lacks is taken from
//! the next font of its chain: the oblique face's Arabic from the regular one, and Chinese and
//! Japanese from a subset of Noto Sans CJK SC (`assets/fonts/`, SIL OFL 1.1). Widths are
//! measured from the same font files that are embedded, so wrapped lines never run past the
//! margin.
//!
//! Most text is set as it is: one font, left to right, a glyph per character. Text with a
//! right-to-left script, or with characters only a fallback font has, is split into runs in
//! visual order (the Unicode bidirectional algorithm, `unicode-bidi`) and each run is shaped
//! with `rustybuzz`, so Arabic and Persian letters join and lam–alef becomes its ligature.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

/// A font weight or style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Face {
    /// Regular.
    Regular,
    /// Bold.
    Bold,
    /// Oblique (italic).
    Italic,
}

impl Face {
    /// Every face.
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    /// The font file.
    pub fn bytes(self) -> &'static [u8] {
        Font::of(self).bytes()
    }

    /// The fonts tried, in order, for a character in this face.
    fn chain(self) -> &'static [Font] {
        match self {
            Face::Regular => &[Font::Regular, Font::Cjk],
            Face::Bold => &[Font::Bold, Font::Regular, Font::Cjk],
            Face::Italic => &[Font::Italic, Font::Regular, Font::Cjk],
        }
    }
}

/// The subset of Noto Sans CJK SC (see `assets/fonts/README.md`).
const CJK: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Regular-subset.otf");

/// A font file the report may embed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Font {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
    /// DejaVu Sans Oblique.
    Italic,
    /// Noto Sans CJK SC, the fallback for Chinese and Japanese; embedded only when used.
    Cjk,
}

impl Font {
    /// Every font, in the order of the ids given to [`super::layout::Layout::new`].
    pub const ALL: [Font; 4] = [Font::Regular, Font::Bold, Font::Italic, Font::Cjk];

    /// The font a face is set in.
    pub fn of(face: Face) -> Font {
        match face {
            Face::Regular => Font::Regular,
            Face::Bold => Font::Bold,
            Face::Italic => Font::Italic,
        }
    }

    /// Its place in [`Font::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The font file.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Font::Regular => dejavu::sans::regular(),
            Font::Bold => dejavu::sans::bold(),
            Font::Italic => dejavu::sans::oblique(),
            Font::Cjk => CJK,
        }
    }

    /// Its name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Font::Cjk => "Noto Sans CJK SC",
            _ => "DejaVu Sans",
        }
    }
}

/// Characters below this are looked up in a table filled a block at a time.
const TABLE_END: u32 = 0x1_0000;
const BLOCK: u32 = 256;
/// "No glyph" in the table.
const NONE: f32 = f32::NAN;

/// A character's glyph and its advance (`NONE` when the font has no glyph for it).
#[derive(Clone, Copy, Debug)]
struct Slot {
    advance: f32,
    gid: u16,
}

const NO_SLOT: Slot = Slot {
    advance: NONE,
    gid: 0,
};

/// Widths of characters in one font, in 1/1000 of the font size.
struct Metrics {
    face: ttf_parser::Face<'static>,
    per_mille: f32,
    /// The Basic Multilingual Plane in blocks of 256 characters, each read from the font
    /// the first time a character of it is measured (a lock-free array, not a hash map:
    /// this is the innermost loop of the layout, and of writing the page contents).
    blocks: Box<[OnceLock<Box<[Slot; BLOCK as usize]>>; (TABLE_END / BLOCK) as usize]>,
    /// Characters beyond the plane.
    rest: Mutex<HashMap<char, Option<Slot>>>,
    /// The shaper's view of the font, made the first time a run is shaped.
    shaper: OnceLock<Option<rustybuzz::Face<'static>>>,
}

impl Metrics {
    fn new(font: Font) -> Option<Self> {
        let face = ttf_parser::Face::parse(font.bytes(), 0).ok()?;
        let per_mille = 1000.0 / f32::from(face.units_per_em());
        Some(Metrics {
            face,
            per_mille,
            blocks: Box::new([const { OnceLock::new() }; (TABLE_END / BLOCK) as usize]),
            rest: Mutex::new(HashMap::new()),
            shaper: OnceLock::new(),
        })
    }

    fn lookup(&self, c: char) -> Option<Slot> {
        let gid = self.face.glyph_index(c)?;
        let advance = f32::from(self.face.glyph_hor_advance(gid)?) * self.per_mille;
        Some(Slot {
            advance,
            gid: gid.0,
        })
    }

    /// The glyph of `c` and its advance, or `None` when the font has no glyph for it. Every
    /// character of the text is measured several times (wrapping, tables, drawing): the usual
    /// case, a block already read, is a few instructions inline.
    #[inline]
    fn slot(&self, c: char) -> Option<Slot> {
        let code = c as u32;
        if code < TABLE_END
            && let Some(block) = self.blocks[(code / BLOCK) as usize].get()
        {
            let s = block[(code % BLOCK) as usize];
            return (!s.advance.is_nan()).then_some(s);
        }
        self.slot_slow(c)
    }

    /// [`Metrics::slot`] for a block not read yet, or a character beyond the plane.
    #[cold]
    fn slot_slow(&self, c: char) -> Option<Slot> {
        let code = c as u32;
        if code < TABLE_END {
            let block = self.blocks[(code / BLOCK) as usize].get_or_init(|| {
                let first = code - code % BLOCK;
                let mut slots = Box::new([NO_SLOT; BLOCK as usize]);
                for (i, w) in slots.iter_mut().enumerate() {
                    if let Some(c) = char::from_u32(first + i as u32) {
                        *w = self.lookup(c).unwrap_or(NO_SLOT);
                    }
                }
                slots
            });
            let s = block[(code % BLOCK) as usize];
            return (!s.advance.is_nan()).then_some(s);
        }
        if let Ok(cache) = self.rest.lock()
            && let Some(s) = cache.get(&c)
        {
            return *s;
        }
        let s = self.lookup(c);
        if let Ok(mut cache) = self.rest.lock() {
            cache.insert(c, s);
        }
        s
    }

    /// The advance of `c`, or `None` when the font has no glyph for it.
    #[inline]
    fn advance(&self, c: char) -> Option<f32> {
        self.slot(c).map(|s| s.advance)
    }

    /// The advance of a glyph, in 1/1000 of the font size.
    fn glyph_advance(&self, gid: u16) -> f32 {
        self.face
            .glyph_hor_advance(ttf_parser::GlyphId(gid))
            .map_or(0.0, |a| f32::from(a) * self.per_mille)
    }

    fn shaper(&self, font: Font) -> Option<&rustybuzz::Face<'static>> {
        self.shaper
            .get_or_init(|| rustybuzz::Face::from_slice(font.bytes(), 0))
            .as_ref()
    }
}

/// One glyph of a shaped run.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// Glyph id in the run's font.
    pub gid: u16,
    /// How far the pen moves after it, in 1/1000 of the font size (the shaper's advance).
    pub advance: f32,
    /// The glyph's own advance in the font (what a PDF viewer moves by before any
    /// adjustment), in 1/1000 of the font size.
    pub font_advance: f32,
    /// The characters it stands for, when it is the first glyph of its cluster.
    pub text: Option<String>,
}

/// Text in one font and one direction: a piece of a line, in visual order.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// The font it is set in.
    pub font: Font,
    /// True when the run reads right to left.
    pub rtl: bool,
    /// Its characters in logical (reading) order.
    pub text: String,
    /// Its glyphs, left to right as drawn.
    pub glyphs: Vec<Glyph>,
}

impl Run {
    /// Its width in 1/1000 of the font size.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
}

/// True for characters that must be shaped or laid right to left: Hebrew, Arabic (with its
/// supplements and presentation forms), Syriac, Thaana, NKo and the bidirectional controls.
#[inline]
fn needs_shaping(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x200E | 0x200F | 0x202A..=0x202E
        | 0x2066..=0x2069 | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// Measures and shapes text in the report's fonts.
pub struct Measure {
    fonts: Vec<Metrics>,
    /// Which fonts text was set in, so that only those are embedded.
    used: [AtomicBool; 4],
}

impl Measure {
    /// Reads the fonts. `None` only if a bundled font file is damaged.
    pub fn new() -> Option<Self> {
        let fonts = Font::ALL
            .iter()
            .map(|f| Metrics::new(*f))
            .collect::<Option<Vec<_>>>()?;
        Some(Measure {
            fonts,
            used: Default::default(),
        })
    }

    #[inline]
    fn metrics(&self, font: Font) -> &Metrics {
        // Every font is loaded in `new`.
        &self.fonts[font.index()]
    }

    /// The font of `face`'s chain that has `c`.
    pub fn font_for(&self, face: Face, c: char) -> Option<Font> {
        face.chain()
            .iter()
            .copied()
            .find(|f| self.metrics(*f).advance(c).is_some())
    }

    #[inline]
    fn advance(&self, face: Face, c: char) -> Option<f32> {
        let first = self.metrics(Font::of(face)).advance(c);
        if first.is_some() {
            return first;
        }
        self.font_for(face, c)
            .and_then(|f| self.metrics(f).advance(c))
    }

    /// True when the face (or a fallback of it) can show `c`; control characters are never
    /// shown.
    pub fn covers(&self, face: Face, c: char) -> bool {
        !c.is_control() && self.advance(face, c).is_some()
    }

    /// True when `text` is set as it is in the face's own font: every character is in it and
    /// none needs shaping or right-to-left layout.
    pub fn is_simple(&self, face: Face, text: &str) -> bool {
        let m = self.metrics(Font::of(face));
        text.chars()
            .all(|c| !needs_shaping(c) && (c == ' ' || m.advance(c).is_some()))
    }

    /// Width of one character at `size` points (as in [`Measure::width`], without shaping).
    #[inline]
    pub fn char_width(&self, face: Face, size: f32, c: char) -> f32 {
        self.advance(face, c).unwrap_or(600.0) * size / 1000.0
    }

    /// Width of `text` at `size` points, shaped when it needs to be.
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        // One pass for the usual text (see `is_simple`); shaped only when it must be.
        let m = self.metrics(Font::of(face));
        let mut sum = 0.0f32;
        for c in text.chars() {
            match m.advance(c) {
                Some(a) if !needs_shaping(c) => sum += a,
                None if c == ' ' => sum += 600.0,
                _ => {
                    let w: f32 = self.runs(face, text).iter().map(Run::width).sum();
                    return w * size / 1000.0;
                }
            }
        }
        sum * size / 1000.0
    }

    /// The glyph id of `c` in `font` (as the PDF's content draws it), if the font has it.
    pub fn glyph(&self, font: Font, c: char) -> Option<u16> {
        self.metrics(font).slot(c).map(|s| s.gid)
    }

    /// The advance of glyph `gid` of `font`, in 1/1000 of the font size (a PDF's /W entry).
    pub fn glyph_width(&self, font: Font, gid: u16) -> f32 {
        self.metrics(font).glyph_advance(gid)
    }

    /// The parsed font file, for the font's descriptor (names, metrics).
    pub fn face(&self, font: Font) -> &ttf_parser::Face<'static> {
        &self.metrics(font).face
    }

    /// Marks a font as used, so that it is embedded.
    pub fn note_used(&self, font: Font) {
        self.used[font.index()].store(true, Ordering::Relaxed);
    }

    /// True when text was set in `font`.
    pub fn used(&self, font: Font) -> bool {
        self.used[font.index()].load(Ordering::Relaxed)
    }

    /// One line of text as runs in visual order, each in one font and one direction and
    /// shaped. The base direction is left to right, the report's languages' own (as a
    /// browser sets a table cell of the HTML export), so an Arabic name in a Bulgarian
    /// sentence or cell reads right to left within it and a wrapped line keeps its paragraph's
    /// direction.
    pub fn runs(&self, face: Face, line: &str) -> Vec<Run> {
        let mut out = Vec::new();
        if line.is_empty() {
            return out;
        }
        let bidi = unicode_bidi::BidiInfo::new(line, Some(unicode_bidi::Level::ltr()));
        for para in &bidi.paragraphs {
            let (levels, visual) = bidi.visual_runs(para, para.range.clone());
            for range in visual {
                let rtl = levels[range.start].is_rtl();
                let mut pieces = self.font_pieces(face, &line[range]);
                if rtl {
                    // The first piece in reading order is the rightmost.
                    pieces.reverse();
                }
                for (font, text) in pieces {
                    let glyphs = self.shape(font, text, rtl);
                    out.push(Run {
                        font,
                        rtl,
                        text: text.to_owned(),
                        glyphs,
                    });
                }
            }
        }
        out
    }

    /// Splits text into pieces by the font that shows them. A character the current font
    /// also has (a space, punctuation, a combining mark) stays in its piece.
    fn font_pieces<'t>(&self, face: Face, text: &'t str) -> Vec<(Font, &'t str)> {
        let mut pieces = Vec::new();
        let mut current: Option<(Font, usize)> = None;
        for (i, c) in text.char_indices() {
            if let Some((font, _)) = current
                && self.metrics(font).advance(c).is_some()
            {
                continue;
            }
            let font = self.font_for(face, c).unwrap_or(Font::of(face));
            match current {
                Some((f, _)) if f == font => {}
                Some((f, start)) => {
                    pieces.push((f, &text[start..i]));
                    current = Some((font, i));
                }
                None => current = Some((font, i)),
            }
        }
        if let Some((f, start)) = current {
            pieces.push((f, &text[start..]));
        }
        pieces
    }

    /// Shapes a piece of text in one font and direction; glyphs left to right as drawn.
    pub fn shape(&self, font: Font, text: &str, rtl: bool) -> Vec<Glyph> {
        let m = self.metrics(font);
        let Some(shaper) = m.shaper(font) else {
            // The font parsed for measuring but not for shaping: a glyph per character.
            return text
                .chars()
                .map(|c| {
                    let gid = m.face.glyph_index(c).map_or(0, |g| g.0);
                    let adv = m.glyph_advance(gid);
                    Glyph {
                        gid,
                        advance: adv,
                        font_advance: adv,
                        text: Some(c.to_string()),
                    }
                })
                .collect();
        };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(if rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        let shaped = rustybuzz::shape(shaper, &[], buffer);
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        // Cluster starts in reading order, to find each cluster's end.
        let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        let end_of = |start: usize| {
            starts
                .iter()
                .find(|&&s| s > start)
                .copied()
                .unwrap_or(text.len())
        };
        let mut seen = std::collections::HashSet::new();
        infos
            .iter()
            .zip(positions)
            .map(|(info, pos)| {
                let gid = u16::try_from(info.glyph_id).unwrap_or(0);
                let start = info.cluster as usize;
                let first = seen.insert(start);
                Glyph {
                    gid,
                    advance: pos.x_advance as f32 * m.per_mille,
                    font_advance: m.glyph_advance(gid),
                    text: first.then(|| text.get(start..end_of(start)).unwrap_or("").to_owned()),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_is_covered_and_measured() {
        let m = Measure::new().unwrap();
        for face in Face::ALL {
            assert!(
                "Столична община ЁЖЩЪЬЮЯ ѝ „“ – € №"
                    .chars()
                    .all(|c| m.covers(face, c)),
                "{face:?}"
            );
            assert!(m.is_simple(face, "Столична община „“ – € №"));
        }
        assert!(!m.covers(Face::Regular, '🤝'));
        let w = m.width(Face::Regular, 10.0, "София");
        assert!(w > 20.0 && w < 40.0, "{w}");
        assert!(m.width(Face::Bold, 10.0, "София") > w);
    }

    #[test]
    fn chinese_falls_back_to_the_cjk_font_and_arabic_in_italics_to_the_regular_face() {
        let m = Measure::new().unwrap();
        assert_eq!(m.font_for(Face::Regular, '难'), Some(Font::Cjk));
        assert_eq!(m.font_for(Face::Bold, '民'), Some(Font::Cjk));
        assert_eq!(m.font_for(Face::Italic, 'ب'), Some(Font::Regular));
        assert_eq!(m.font_for(Face::Bold, 'ب'), Some(Font::Bold));
        assert!(m.covers(Face::Italic, '难'));
        assert!(!m.is_simple(Face::Regular, "Сдружение 华人"));
        // A hanzi is as wide as the em.
        assert!((m.char_width(Face::Regular, 10.0, '华') - 10.0).abs() < 0.5);
        let runs = m.runs(Face::Regular, "Сдружение 华人协会");
        assert_eq!(runs.len(), 2);
        assert_eq!((runs[0].font, runs[1].font), (Font::Regular, Font::Cjk));
        assert_eq!(runs[1].text, "华人协会");
        assert_eq!(runs[1].glyphs.len(), 4);
    }

    #[test]
    fn arabic_is_joined_and_laid_right_to_left() {
        let m = Measure::new().unwrap();
        let word = "سلام"; // s-l-a-m
        assert!(!m.is_simple(Face::Regular, word));
        let runs = m.runs(Face::Regular, word);
        assert_eq!(runs.len(), 1);
        let run = &runs[0];
        assert!(run.rtl);
        // Joined forms are other glyphs than the letters' own (isolated) ones.
        let isolated: Vec<u16> = word
            .chars()
            .map(|c| m.metrics(Font::Regular).face.glyph_index(c).unwrap().0)
            .collect();
        let drawn: Vec<u16> = run.glyphs.iter().map(|g| g.gid).collect();
        assert_ne!(drawn, isolated);
        // Drawn left to right, the last letter (meem) comes first.
        assert_eq!(run.glyphs[0].text.as_deref(), Some("م"));
        // Lam–alef is one ligature glyph standing for both letters.
        assert!(run.glyphs.iter().any(|g| g.text.as_deref() == Some("لا")));
        assert_eq!(run.glyphs.len(), 3);
    }

    #[test]
    fn a_mixed_line_keeps_left_to_right_order_around_a_right_to_left_name() {
        let m = Measure::new().unwrap();
        let runs = m.runs(Face::Regular, "Център „دار السلام“ в София");
        let texts: Vec<&str> = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(runs.len(), 3, "{texts:?}");
        assert!(texts[0].starts_with("Център"));
        assert_eq!(texts[1], "دار السلام");
        assert!(runs[1].rtl && !runs[0].rtl && !runs[2].rtl);
        assert!(texts[2].ends_with("София"));
        // Persian letters in a Persian name.
        let fa = m.runs(Face::Bold, "انجمن پناهندگان");
        assert!(fa.iter().all(|r| r.rtl && r.font == Font::Bold));
        assert!(fa.iter().flat_map(|r| &r.glyphs).all(|g| g.gid != 0));
    }
}
