//! A TrueType font cut down to the glyphs a document draws, keeping every glyph's id: the
//! outlines of the others are emptied and their advances zeroed, which deflate reduces to
//! almost nothing. With the ids kept, a page's content stream can be written before the
//! document's last glyph is known, and the PDF maps codes to glyphs as they are
//! (/CIDToGIDMap /Identity). Only the tables a PDF reader uses for a CIDFontType2 are kept
//! (ISO 32000-1 9.9: the glyph outlines with their locations, metrics, and the hinting
//! programs).

use std::collections::BTreeSet;

use ttf_parser::Tag;

/// The tables kept, in the order their tags sort (as the table directory must list them).
const KEEP: [&[u8; 4]; 9] = [
    b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"prep",
];

/// Composite glyph flags (ISO/IEC 14496-22 5.3.3.3).
const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]))
}

/// The glyphs a composite glyph is made of (none for a simple glyph).
fn components(glyph: &[u8]) -> Vec<u16> {
    let mut out = Vec::new();
    // A negative contour count marks a composite; its components follow the 10-byte header.
    if glyph.len() < 10 || i16::from_be_bytes([glyph[0], glyph[1]]) >= 0 {
        return out;
    }
    let mut at = 10;
    while let (Some(flags), Some(gid)) = (u16_at(glyph, at), u16_at(glyph, at + 2)) {
        out.push(gid);
        at += 4;
        at += if flags & ARG_1_AND_2_ARE_WORDS != 0 {
            4
        } else {
            2
        };
        if flags & WE_HAVE_A_SCALE != 0 {
            at += 2;
        } else if flags & WE_HAVE_AN_X_AND_Y_SCALE != 0 {
            at += 4;
        } else if flags & WE_HAVE_A_TWO_BY_TWO != 0 {
            at += 8;
        }
        if flags & MORE_COMPONENTS == 0 {
            break;
        }
    }
    out
}

/// The table's checksum (the sum of its big-endian 32-bit words).
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4)
        .map(|c| {
            let mut w = [0u8; 4];
            w[..c.len()].copy_from_slice(c);
            u32::from_be_bytes(w)
        })
        .fold(0u32, u32::wrapping_add)
}

/// `font` (a TrueType font file) with only the outlines of `glyphs` (and the glyphs they are
/// composed of, and glyph 0), every glyph keeping its id. `None` if the file is not a
/// TrueType font with outlines this can read.
pub fn subset(font: &[u8], glyphs: impl IntoIterator<Item = u16>) -> Option<Vec<u8>> {
    let face = ttf_parser::RawFace::parse(font, 0).ok()?;
    let table = |tag: &[u8; 4]| face.table(Tag::from_bytes(tag));
    let head = table(b"head")?;
    let maxp = table(b"maxp")?;
    let hhea = table(b"hhea")?;
    let hmtx = table(b"hmtx")?;
    let loca = table(b"loca")?;
    let glyf = table(b"glyf")?;
    let count = usize::from(u16_at(maxp, 4)?);
    let long = i16::from_be_bytes([*head.get(50)?, *head.get(51)?]) == 1;
    let range = |gid: usize| -> Option<(usize, usize)> {
        let (a, b) = if long {
            (
                u32_at(loca, 4 * gid)? as usize,
                u32_at(loca, 4 * gid + 4)? as usize,
            )
        } else {
            (
                usize::from(u16_at(loca, 2 * gid)?) * 2,
                usize::from(u16_at(loca, 2 * gid + 2)?) * 2,
            )
        };
        (a <= b && b <= glyf.len()).then_some((a, b))
    };

    // The glyphs drawn, with their components (components may be composites themselves).
    let mut keep: BTreeSet<u16> = BTreeSet::new();
    let mut todo: Vec<u16> = std::iter::once(0).chain(glyphs).collect();
    while let Some(g) = todo.pop() {
        if usize::from(g) >= count || !keep.insert(g) {
            continue;
        }
        let (a, b) = range(usize::from(g))?;
        todo.extend(components(&glyf[a..b]));
    }

    // glyf and loca (long offsets), with the glyphs not kept empty.
    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity(4 * (count + 1));
    for g in 0..count {
        new_loca.extend((new_glyf.len() as u32).to_be_bytes());
        if keep.contains(&(g as u16)) {
            let (a, b) = range(g)?;
            new_glyf.extend(&glyf[a..b]);
            // Each glyph starts on an even offset.
            if new_glyf.len() % 2 == 1 {
                new_glyf.push(0);
            }
        }
    }
    new_loca.extend((new_glyf.len() as u32).to_be_bytes());

    // hmtx: the advances and side bearings of the glyphs not kept zeroed.
    let metrics = usize::from(u16_at(hhea, 34)?);
    let mut new_hmtx = hmtx.to_vec();
    for g in 0..count {
        if keep.contains(&(g as u16)) {
            continue;
        }
        let at = if g < metrics {
            4 * g
        } else {
            4 * metrics + 2 * (g - metrics)
        };
        let width = if g < metrics { 4 } else { 2 };
        if let Some(slot) = new_hmtx.get_mut(at..at + width) {
            slot.fill(0);
        }
    }

    // head: long loca offsets, and the whole-file checksum left for readers to ignore.
    let mut new_head = head.to_vec();
    new_head.get_mut(8..12)?.fill(0);
    new_head
        .get_mut(50..52)?
        .copy_from_slice(&1i16.to_be_bytes());

    let tables: Vec<(&[u8; 4], Vec<u8>)> = KEEP
        .iter()
        .filter_map(|tag| {
            let data = match *tag {
                b"glyf" => new_glyf.clone(),
                b"loca" => new_loca.clone(),
                b"hmtx" => new_hmtx.clone(),
                b"head" => new_head.clone(),
                other => table(other)?.to_vec(),
            };
            Some((*tag, data))
        })
        .collect();

    // The sfnt: its header, the table directory, the tables on 4-byte boundaries.
    let n = tables.len() as u16;
    let mut power = 1u16;
    let mut log = 0u16;
    while power * 2 <= n {
        power *= 2;
        log += 1;
    }
    let mut out = Vec::with_capacity(new_glyf.len() + new_hmtx.len() + new_loca.len() + 4096);
    out.extend(0x0001_0000u32.to_be_bytes());
    out.extend(n.to_be_bytes());
    out.extend((power * 16).to_be_bytes());
    out.extend(log.to_be_bytes());
    out.extend((n * 16 - power * 16).to_be_bytes());
    let mut offset = 12 + 16 * tables.len();
    for (tag, data) in &tables {
        out.extend(*tag);
        out.extend(checksum(data).to_be_bytes());
        out.extend((offset as u32).to_be_bytes());
        out.extend((data.len() as u32).to_be_bytes());
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in &tables {
        out.extend(data);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subset_keeps_the_glyphs_drawn_by_their_ids_and_empties_the_rest() {
        let font = dejavu::sans::regular();
        let face = ttf_parser::Face::parse(font, 0).unwrap();
        let a = face.glyph_index('a').unwrap().0;
        let zhe = face.glyph_index('ж').unwrap().0;
        // "é" is a composite in DejaVu: its parts come along.
        let e_acute = face.glyph_index('é').unwrap().0;
        let b = face.glyph_index('b').unwrap().0;
        let bytes = subset(font, [a, zhe, e_acute]).unwrap();
        assert!(bytes.len() < font.len() / 5, "{} bytes", bytes.len());
        let sub = ttf_parser::Face::parse(&bytes, 0).unwrap();
        assert_eq!(sub.number_of_glyphs(), face.number_of_glyphs());
        let outline = |f: &ttf_parser::Face, g: u16| f.glyph_bounding_box(ttf_parser::GlyphId(g));
        for g in [a, zhe, e_acute] {
            assert_eq!(outline(&sub, g), outline(&face, g), "glyph {g} is kept");
            assert_eq!(
                sub.glyph_hor_advance(ttf_parser::GlyphId(g)),
                face.glyph_hor_advance(ttf_parser::GlyphId(g))
            );
        }
        assert!(outline(&face, b).is_some());
        assert_eq!(outline(&sub, b), None, "a glyph not drawn is empty");
    }

    #[test]
    fn a_file_that_is_not_truetype_gives_none() {
        assert!(subset(b"not a font", [1, 2]).is_none());
        let cjk = super::super::fonts::Font::Cjk.bytes();
        assert!(subset(cjk, [1]).is_none(), "CFF outlines are not TrueType");
    }
}
