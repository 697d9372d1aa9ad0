//! Names in Arabic, Persian, Chinese and Ukrainian in the PDF: Arabic and Persian shaped and
//! laid right to left, Chinese from the fallback font, and only what no font has reported.
//! The PDF is read back with lopdf; glyphs are compared with the shaper's by their outlines in
//! the embedded (renumbered) font subsets.

use lap_studio::model::Plan;
use lap_studio::report::fonts::{Face, Font, Measure};
use lap_studio::report::{self, Options};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

const ARABIC: &str = "جمعية دار السلام";
const PERSIAN: &str = "انجمن پناهندگان";
const CHINESE: &str = "保加利亚华人协会";
const UKRAINIAN: &str = "Українська громада Софії";

fn plan() -> Plan {
    let mut plan = lap_studio::store::templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    let m = &mut plan.support_group.members;
    m[11].organisation = ARABIC.into();
    m[12].organisation = format!("{PERSIAN} (Afghan refugees)");
    m[14].organisation = format!("{CHINESE} 🤝");
    m[13].organisation = UKRAINIAN.into();
    plan
}

/// A text run as drawn: the font's resource (its dictionary), the glyph codes, and the
/// /ActualText of the element it belongs to.
struct Shown {
    font: Dictionary,
    codes: Vec<u16>,
    actual_text: Option<String>,
}

fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .strip_prefix(&[0xFE, 0xFF])
        .unwrap_or(bytes)
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// The /ActualText of structure elements, by the page and MCID of their content.
fn actual_texts(doc: &Document) -> std::collections::HashMap<(ObjectId, i64), String> {
    let mut out = std::collections::HashMap::new();
    for object in doc.objects.values() {
        let Ok(d) = object.as_dict() else { continue };
        let (Ok(text), Ok(page)) = (d.get(b"ActualText"), d.get(b"Pg")) else {
            continue;
        };
        let (Ok(text), Ok(page)) = (text.as_str(), page.as_reference()) else {
            continue;
        };
        let kids = match d.get(b"K") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(o) => vec![o.clone()],
            Err(_) => vec![],
        };
        for k in kids {
            if let Ok(mcid) = k.as_i64() {
                out.insert((page, mcid), utf16(text));
            }
        }
    }
    out
}

/// Every text-showing operation of every page, with its font and the /ActualText of the
/// structure element its marked content belongs to.
fn shown(doc: &Document) -> Vec<Shown> {
    let actual = actual_texts(doc);
    let mut out = Vec::new();
    for (_, page) in doc.get_pages() {
        let fonts = doc.get_page_fonts(page).unwrap_or_default();
        let content = Content::decode(&doc.get_page_content(page)).unwrap();
        let mut font: Option<Vec<u8>> = None;
        let mut mcids: Vec<Option<i64>> = Vec::new();
        for op in content.operations {
            match op.operator.as_str() {
                "Tf" => font = op.operands[0].as_name().ok().map(<[u8]>::to_vec),
                "BDC" => mcids.push(
                    op.operands
                        .get(1)
                        .and_then(|p| p.as_dict().ok())
                        .and_then(|d| d.get(b"MCID").ok())
                        .and_then(|m| m.as_i64().ok()),
                ),
                "BMC" => mcids.push(None),
                "EMC" => {
                    mcids.pop();
                }
                "TJ" | "Tj" => {
                    let items = match &op.operands[0] {
                        Object::Array(a) => a.clone(),
                        o => vec![o.clone()],
                    };
                    let codes = items
                        .iter()
                        .filter_map(|o| o.as_str().ok())
                        .flat_map(|s| s.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])))
                        .collect();
                    let name = font.clone().expect("a font is set before text");
                    let mcid = mcids.iter().rev().find_map(|m| *m);
                    out.push(Shown {
                        font: (*fonts[&name]).clone(),
                        codes,
                        actual_text: mcid.and_then(|m| actual.get(&(page, m)).cloned()),
                    });
                }
                _ => {}
            }
        }
    }
    out
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap(),
        o => o,
    }
}

/// The embedded font program of a Type0 font.
fn font_program(doc: &Document, font: &Dictionary) -> Vec<u8> {
    let descendant = deref(doc, font.get(b"DescendantFonts").unwrap())
        .as_array()
        .unwrap()[0]
        .clone();
    let cid_font = deref(doc, &descendant).as_dict().unwrap();
    let descriptor = deref(doc, cid_font.get(b"FontDescriptor").unwrap())
        .as_dict()
        .unwrap();
    let file: ObjectId = descriptor
        .get(b"FontFile2")
        .or_else(|_| descriptor.get(b"FontFile3"))
        .unwrap()
        .as_reference()
        .unwrap();
    let stream = doc.get_object(file).unwrap().as_stream().unwrap();
    stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone())
}

/// The glyph of each code in the embedded program: through the CIDFont's /CIDToGIDMap stream
/// when it has one (the codes are then the whole font's glyph ids), else the code itself.
fn glyphs_of(doc: &Document, font: &Dictionary, codes: &[u16]) -> Vec<u16> {
    let descendant = deref(doc, font.get(b"DescendantFonts").unwrap())
        .as_array()
        .unwrap()[0]
        .clone();
    let cid_font = deref(doc, &descendant).as_dict().unwrap();
    let map = match cid_font.get(b"CIDToGIDMap").map(|m| deref(doc, m)) {
        Ok(Object::Stream(s)) => Some(s.decompressed_content().unwrap_or(s.content.clone())),
        _ => None,
    };
    codes
        .iter()
        .map(|&c| match &map {
            Some(m) => {
                let at = 2 * usize::from(c);
                u16::from_be_bytes([m[at], m[at + 1]])
            }
            None => c,
        })
        .collect()
}

fn base_font(font: &Dictionary) -> String {
    String::from_utf8_lossy(font.get(b"BaseFont").unwrap().as_name().unwrap()).into_owned()
}

/// An outline builder that only lets the outline's box be measured.
struct NoPen;

impl ttf_parser::OutlineBuilder for NoPen {
    fn move_to(&mut self, _: f32, _: f32) {}
    fn line_to(&mut self, _: f32, _: f32) {}
    fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {}
    fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {}
    fn close(&mut self) {}
}

/// A glyph's outline box, to recognise it in a renumbered subset.
fn bbox(face: &ttf_parser::Face, gid: u16) -> Option<(i16, i16, i16, i16)> {
    face.glyph_bounding_box(ttf_parser::GlyphId(gid))
        .map(|r| (r.x_min, r.y_min, r.x_max, r.y_max))
}

/// What the shaper draws for `text` in `font`, as outline boxes.
fn shaped_boxes(text: &str, font: Font) -> Vec<Option<(i16, i16, i16, i16)>> {
    let m = Measure::new().unwrap();
    let runs = m.runs(Face::Regular, text);
    assert!(runs.iter().all(|r| r.font == font && r.rtl));
    let face = ttf_parser::Face::parse(font.bytes(), 0).unwrap();
    runs.iter()
        .flat_map(|r| &r.glyphs)
        .map(|g| bbox(&face, g.gid))
        .collect()
}

#[test]
fn arabic_and_persian_are_shaped_right_to_left_and_chinese_comes_from_the_fallback_font() {
    let plan = plan();
    let pdf = report::render(&plan, &Options::for_plan(&plan), &|_| {}).unwrap();
    if let Ok(dir) = std::env::var("LAP_KEEP_PDF") {
        std::fs::write(format!("{dir}/scripts.pdf"), &pdf.bytes).unwrap();
    }
    let doc = Document::load_mem(&pdf.bytes).unwrap();
    let shown = shown(&doc);

    // Only the emoji is lost, and it is reported by its item.
    assert_eq!(pdf.lost.len(), 1, "{:?}", pdf.lost);
    assert_eq!(pdf.lost[0].chars, "🤝");

    for (name, text) in [("Arabic", ARABIC), ("Persian", PERSIAN)] {
        // A name may wrap: each line's right-to-left run carries its words as /ActualText.
        let runs: Vec<&Shown> = shown
            .iter()
            .filter(|s| s.actual_text.as_deref().is_some_and(|t| text.contains(t)))
            .collect();
        let words: String = runs
            .iter()
            .filter_map(|r| r.actual_text.as_deref())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(words.contains(text), "{name}: {words:?}");
        let dejavu = ttf_parser::Face::parse(Font::Regular.bytes(), 0).unwrap();
        for run in runs {
            let actual = run.actual_text.as_deref().unwrap();
            assert!(base_font(&run.font).ends_with("DejaVuSans"), "{name}");
            let program = font_program(&doc, &run.font);
            let face = ttf_parser::Face::parse(&program, 0).unwrap();
            let drawn: Vec<_> = glyphs_of(&doc, &run.font, &run.codes)
                .into_iter()
                .map(|g| bbox(&face, g))
                .collect();
            assert_eq!(
                drawn,
                shaped_boxes(actual, Font::Regular),
                "{name}: the glyphs drawn are the shaper's"
            );
            // Shaping changed the glyphs: the letters' own (isolated) forms, right to left,
            // are not what is drawn.
            let isolated: Vec<_> = actual
                .chars()
                .rev()
                .map(|c| bbox(&dejavu, dejavu.glyph_index(c).unwrap().0))
                .collect();
            assert_ne!(drawn, isolated, "{name} is not joined");
        }
    }

    // The Chinese name is drawn in Noto Sans CJK SC (embedded, subset), glyph for glyph. Its
    // codes are CIDs, which the subset's charset maps to glyphs.
    let cjk: Vec<&Shown> = shown
        .iter()
        .filter(|s| base_font(&s.font).contains("NotoSansCJK"))
        .collect();
    assert!(!cjk.is_empty(), "the fallback font is used");
    // The program is a bare CFF (FontFile3 /CIDFontType0C).
    let program = font_program(&doc, &cjk[0].font);
    let cff = ttf_parser::cff::Table::parse(&program).expect("a CFF font program");
    assert!(cff.number_of_glyphs() < 100, "the fallback font is subset");
    let by_cid: std::collections::HashMap<u16, u16> = (0..cff.number_of_glyphs())
        .filter_map(|g| Some((cff.glyph_cid(ttf_parser::GlyphId(g))?, g)))
        .collect();
    let cff_box = |gid: u16| {
        cff.outline(ttf_parser::GlyphId(gid), &mut NoPen)
            .ok()
            .map(|r| (r.x_min, r.y_min, r.x_max, r.y_max))
    };
    let noto = ttf_parser::Face::parse(Font::Cjk.bytes(), 0).unwrap();
    let expected: Vec<_> = CHINESE
        .chars()
        .map(|c| bbox(&noto, noto.glyph_index(c).unwrap().0))
        .collect();
    let drawn = cjk
        .iter()
        .find(|s| s.codes.len() == expected.len())
        .expect("the name in one run");
    let boxes: Vec<_> = drawn.codes.iter().map(|c| cff_box(by_cid[c])).collect();
    assert_eq!(boxes, expected, "the hanzi are drawn");
    // …and read back: the font's /ToUnicode maps each code to its hanzi.
    let to_unicode = deref(&doc, cjk[0].font.get(b"ToUnicode").unwrap())
        .as_stream()
        .unwrap()
        .decompressed_content()
        .unwrap();
    let cmap = String::from_utf8_lossy(&to_unicode);
    for (code, c) in drawn.codes.iter().zip(CHINESE.chars()) {
        let entry = format!("<{code:04X}> <{:04X}>", c as u32);
        assert!(cmap.contains(&entry), "{entry} not in the ToUnicode CMap");
    }

    // Text extraction reads every name, and Ukrainian is set as it is.
    let all: String = (1..=doc.get_pages().len() as u32)
        .map(|p| doc.extract_text(&[p]).unwrap_or_default())
        .collect();
    assert!(all.contains(UKRAINIAN), "{UKRAINIAN} is not extracted");
    assert!(!all.contains("????"));
}

#[test]
fn a_plan_without_such_names_does_not_embed_the_fallback_font() {
    let plan = lap_studio::store::templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    let pdf = report::render(&plan, &Options::for_plan(&plan), &|_| {}).unwrap();
    let doc = Document::load_mem(&pdf.bytes).unwrap();
    assert!(
        shown(&doc)
            .iter()
            .all(|s| !base_font(&s.font).contains("NotoSansCJK"))
    );
}
