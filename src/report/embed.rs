//! The fonts and images a PDF embeds: each font subset to the glyphs drawn (with printpdf's
//! subsetter), described for readers (widths, ToUnicode for copy and search, the descriptor's
//! metrics), and each image as deflated samples with its transparency as a soft mask.

use printpdf::{RawImage, RawImageData, RawImageFormat};

use super::ExportError;
use super::content::Used;
use super::fonts::{Font, Measure};
use super::writer::{Writer, int, name, num, reference};

/// A six-letter subset tag (ISO 32000-1 9.6.4) that changes with the glyphs in the subset.
fn subset_tag(used: &Used) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for code in used.codes.keys() {
        h = (h ^ u64::from(*code)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 8)) % 26) as u8))
        .collect()
}

/// The font's PostScript name, as its /BaseFont.
fn postscript_name(face: &ttf_parser::Face<'_>, font: Font) -> String {
    face.names()
        .into_iter()
        .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME && n.is_unicode())
        .and_then(|n| n.to_string())
        .filter(|n| !n.is_empty() && n.is_ascii())
        .unwrap_or_else(|| font.name().replace(' ', ""))
}

/// A font's objects, made without the writer: the subset and its deflating take a few
/// milliseconds, so an export makes them on another core while it writes the rest.
pub struct PreparedFont {
    /// The font program: its stream's entries and data (deflated when that is smaller).
    program: (Vec<u8>, Vec<u8>),
    /// The descriptor, up to the reference to the program.
    descriptor: Vec<u8>,
    /// The CIDFont, up to the reference to the descriptor.
    cid_head: Vec<u8>,
    /// The CIDFont after that reference.
    cid_tail: Vec<u8>,
    /// The ToUnicode CMap stream's entries and data.
    to_unicode: (Vec<u8>, Vec<u8>),
    /// The Type0 font up to the reference to the CIDFont.
    type0_head: Vec<u8>,
}

/// Subsets `font` to the glyphs in `used` and makes its objects (see [`write_font`]).
pub fn prepare_font(
    measure: &Measure,
    font: Font,
    used: &Used,
) -> Result<PreparedFont, ExportError> {
    let face = measure.face(font);
    let base = format!("{}+{}", subset_tag(used), postscript_name(face, font));
    let mut c = super::pack::compressor(super::writer::FINAL_LEVEL);

    // The program: DejaVu's TrueType cut to the glyphs drawn, each keeping its id (our codes
    // are the glyph ids); the CJK font's bare CFF subset by printpdf's subsetter, which keeps
    // the charset's CIDs (our codes there).
    let program = if font == Font::Cjk {
        let parsed = printpdf::ParsedFont::from_bytes(font.bytes(), 0, &mut Vec::new())
            .ok_or(ExportError::Font(font.name()))?;
        let glyphs: std::collections::BTreeMap<u16, String> = used
            .codes
            .values()
            .map(|(gid, t)| (*gid, t.clone()))
            .collect();
        let subset = printpdf::font::subset_font(&parsed, &glyphs)
            .map_err(|_| ExportError::Font(font.name()))?;
        let cff = printpdf::font::extract_cid_keyed_cff(&subset.bytes, 0)
            .ok_or(ExportError::Font(font.name()))?;
        super::writer::deflated(&mut c, b"/Subtype/CIDFontType0C".to_vec(), cff)
    } else {
        let bytes = super::subset::subset(font.bytes(), used.codes.values().map(|(g, _)| *g))
            .ok_or(ExportError::Font(font.name()))?;
        let mut dict = b"/Length1 ".to_vec();
        int(&mut dict, bytes.len() as i64);
        super::writer::deflated(&mut c, dict, bytes)
    };

    // Metrics in 1/1000 em.
    let scale = 1000.0 / f32::from(face.units_per_em());
    let m = |v: i16| (f32::from(v) * scale).round() as i64;
    let bbox = face.global_bounding_box();
    let italic_angle = face.italic_angle();
    let mut d = b"<</Type/FontDescriptor/FontName".to_vec();
    name(&mut d, &base);
    d.extend(b"/Flags ");
    int(&mut d, 32 | if italic_angle != 0.0 { 64 } else { 0 });
    d.extend(b"/FontBBox[");
    for v in [bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max] {
        int(&mut d, m(v));
        d.push(b' ');
    }
    d.extend(b"]/ItalicAngle ");
    num(&mut d, italic_angle, 2);
    d.extend(b"/Ascent ");
    int(&mut d, m(face.ascender()));
    d.extend(b"/Descent ");
    int(&mut d, m(face.descender()));
    d.extend(b"/CapHeight ");
    int(&mut d, m(face.capital_height().unwrap_or(face.ascender())));
    // No table holds the stem width; the usual estimate from the weight class.
    let weight = f32::from(face.weight().to_number());
    d.extend(b"/StemV ");
    int(&mut d, (50.0 + (weight / 65.0).powi(2)).round() as i64);
    d.extend(if font == Font::Cjk {
        &b"/FontFile3 "[..]
    } else {
        b"/FontFile2 "
    });

    // Widths by code, consecutive codes in one array.
    let mut widths = b"[".to_vec();
    let mut next: Option<u16> = None;
    for (code, (gid, _)) in &used.codes {
        if next != Some(*code) {
            if next.is_some() {
                widths.push(b']');
            }
            int(&mut widths, i64::from(*code));
            widths.push(b'[');
        } else {
            widths.push(b' ');
        }
        num(&mut widths, measure.glyph_width(font, *gid), 2);
        next = code.checked_add(1);
    }
    if !used.codes.is_empty() {
        widths.push(b']');
    }
    widths.push(b']');

    let mut cid_head = b"<</Type/Font/Subtype".to_vec();
    cid_head.extend(if font == Font::Cjk {
        &b"/CIDFontType0"[..]
    } else {
        b"/CIDFontType2"
    });
    cid_head.extend(b"/BaseFont");
    name(&mut cid_head, &base);
    cid_head.extend(
        b"/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor ",
    );
    let mut cid_tail = b"/DW 1000/W".to_vec();
    cid_tail.extend(widths);
    if font != Font::Cjk {
        cid_tail.extend(b"/CIDToGIDMap/Identity");
    }
    cid_tail.extend(b">>");

    let mut type0_head = b"<</Type/Font/Subtype/Type0/BaseFont".to_vec();
    name(&mut type0_head, &base);
    type0_head.extend(b"/Encoding/Identity-H/DescendantFonts[");
    Ok(PreparedFont {
        program,
        descriptor: d,
        cid_head,
        cid_tail,
        to_unicode: super::writer::deflated(&mut c, Vec::new(), to_unicode_cmap(used)),
        type0_head,
    })
}

/// Writes a prepared font's objects; returns its Type0 font object.
pub fn write_font(w: &mut Writer, f: PreparedFont) -> u32 {
    let type0 = w.reserve();
    let cid_font = w.reserve();
    let descriptor = w.reserve();
    let program = w.reserve();
    let to_unicode = w.reserve();
    w.stream(program, f.program.0, f.program.1, false);
    let mut d = f.descriptor;
    reference(&mut d, program);
    d.extend(b">>");
    w.object(descriptor, d);
    let mut c = f.cid_head;
    reference(&mut c, descriptor);
    c.extend(f.cid_tail);
    w.object(cid_font, c);
    w.stream(to_unicode, f.to_unicode.0, f.to_unicode.1, false);
    let mut t = f.type0_head;
    reference(&mut t, cid_font);
    t.extend(b"]/ToUnicode ");
    reference(&mut t, to_unicode);
    t.extend(b">>");
    w.object(type0, t);
    type0
}

/// The ToUnicode CMap: each code to the text its glyph stands for (glyphs that are not the
/// first of their cluster stand for nothing and are left out).
fn to_unicode_cmap(used: &Used) -> Vec<u8> {
    let mut out = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n\
/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        .to_vec();
    let entries: Vec<(u16, &str)> = used
        .codes
        .iter()
        .filter(|(_, (_, t))| !t.is_empty())
        .map(|(c, (_, t))| (*c, t.as_str()))
        .collect();
    for chunk in entries.chunks(100) {
        int(&mut out, chunk.len() as i64);
        out.extend(b" beginbfchar\n");
        for (code, text) in chunk {
            out.extend(format!("<{code:04X}> <").as_bytes());
            for u in text.encode_utf16() {
                out.extend(format!("{u:04X}").as_bytes());
            }
            out.extend(b">\n");
        }
        out.extend(b"endbfchar\n");
    }
    out.extend(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

/// Embeds an image: its colour samples (grey or RGB, 8 bits) and, when it has transparency,
/// the alpha as a soft mask. Returns the image object.
pub fn image(w: &mut Writer, raw: &RawImage) -> u32 {
    let (channels, alpha, bgr) = match raw.data_format {
        RawImageFormat::R8 | RawImageFormat::R16 => (1, false, false),
        RawImageFormat::RG8 | RawImageFormat::RG16 => (1, true, false),
        RawImageFormat::RGB8 | RawImageFormat::RGB16 | RawImageFormat::RGBF32 => (3, false, false),
        RawImageFormat::RGBA8 | RawImageFormat::RGBA16 | RawImageFormat::RGBAF32 => {
            (3, true, false)
        }
        RawImageFormat::BGR8 => (3, false, true),
        RawImageFormat::BGRA8 => (3, true, true),
    };
    let samples: Vec<u8> = match &raw.pixels {
        RawImageData::U8(v) => v.clone(),
        RawImageData::U16(v) => v.iter().map(|s| (s >> 8) as u8).collect(),
        RawImageData::F32(v) => v
            .iter()
            .map(|s| (s.clamp(0.0, 1.0) * 255.0).round() as u8)
            .collect(),
    };
    let stride = channels + usize::from(alpha);
    let pixels = raw.width * raw.height;
    let mut colour = Vec::with_capacity(pixels * channels);
    let mut mask = Vec::with_capacity(if alpha { pixels } else { 0 });
    for px in samples.chunks_exact(stride).take(pixels) {
        if bgr {
            colour.extend([px[2], px[1], px[0]]);
        } else {
            colour.extend(&px[..channels]);
        }
        if alpha {
            mask.push(px[channels]);
        }
    }
    // A short image (damaged data) is padded, never read past.
    colour.resize(pixels * channels, 0);
    let id = w.reserve();
    let size = |d: &mut Vec<u8>| {
        d.extend(b"/Type/XObject/Subtype/Image/Width ");
        int(d, raw.width as i64);
        d.extend(b"/Height ");
        int(d, raw.height as i64);
        d.extend(b"/BitsPerComponent 8");
    };
    let mut dict = Vec::new();
    size(&mut dict);
    dict.extend(if channels == 1 {
        &b"/ColorSpace/DeviceGray"[..]
    } else {
        b"/ColorSpace/DeviceRGB"
    });
    if alpha && mask.iter().any(|&a| a != 255) {
        mask.resize(pixels, 255);
        let smask = w.reserve();
        let mut m = Vec::new();
        size(&mut m);
        m.extend(b"/ColorSpace/DeviceGray");
        w.stream(smask, m, mask, true);
        dict.extend(b"/SMask ");
        reference(&mut dict, smask);
    }
    w.stream(id, dict, colour, true);
    id
}
