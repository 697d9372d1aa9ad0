//! The PDF claims and meets the document level of PDF/UA-1 and PDF/A-2u, and carries a
//! structure tree: read back with lopdf.

use lap_studio::model::{Lang, Plan};
use lap_studio::report::{self, Options};
use lopdf::{Document, Object};

mod common;
use common::pdf::{self, dict, mcids, name, walk};

fn sofia() -> Plan {
    lap_studio::store::templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap()
}

fn render(plan: &Plan, opts: &Options) -> Document {
    let pdf = report::render(plan, opts, &|_| {}).unwrap();
    Document::load_mem(&pdf.bytes).expect("a readable PDF")
}

#[test]
fn the_document_level_of_pdf_ua_and_pdf_a() {
    let plan = sofia();
    // Labels in English, the plan in Bulgarian: the document's language is the plan's.
    let opts = Options {
        lang: Lang::En,
        ..Options::for_plan(&plan)
    };
    let doc = render(&plan, &opts);
    assert_eq!(doc.version, "1.7");
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"bg");
    let mark = dict(&doc, catalog.get(b"MarkInfo").unwrap());
    assert!(mark.get(b"Marked").unwrap().as_bool().unwrap());
    let prefs = dict(&doc, catalog.get(b"ViewerPreferences").unwrap());
    assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
    assert_eq!(name(catalog.get(b"PageMode").unwrap()), "UseOutlines");
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).unwrap();
        assert_eq!(name(page.get(b"Tabs").unwrap()), "S");
    }

    let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
    assert!(!info.has(b"GTS_PDFXVersion"));
    assert!(!info.has(b"Identifier"));
    let text = |k: &[u8]| lopdf::decode_text_string(info.get(k).unwrap()).unwrap();

    let meta = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let meta = doc.get_object(meta).unwrap().as_stream().unwrap();
    assert!(
        !meta.dict.has(b"Filter"),
        "the XMP packet is not compressed"
    );
    let xmp = String::from_utf8(meta.content.clone()).unwrap();
    let xml = roxmltree::Document::parse(&xmp).expect("well-formed XMP");
    let field = |ns: &str, local: &str| -> String {
        xml.descendants()
            .find(|n| n.tag_name().namespace() == Some(ns) && n.tag_name().name() == local)
            .map(|n| {
                n.descendants()
                    .filter(|t| t.is_text())
                    .filter_map(|t| t.text())
                    .collect::<String>()
                    .trim()
                    .to_owned()
            })
            .unwrap_or_default()
    };
    let dc = "http://purl.org/dc/elements/1.1/";
    assert_eq!(field(dc, "title"), text(b"Title"));
    assert_eq!(field(dc, "title"), plan.facts.title);
    assert!(field(dc, "creator").contains("Столична община"));
    assert_eq!(field(dc, "language"), "bg");
    assert_eq!(
        field("http://ns.adobe.com/pdf/1.3/", "Producer"),
        text(b"Producer")
    );
    let created = field("http://ns.adobe.com/xap/1.0/", "CreateDate");
    // D:YYYYMMDDHHmmSS in the Info dictionary, YYYY-MM-DDTHH:mm:SS in XMP: the same moment.
    let info_date =
        String::from_utf8_lossy(info.get(b"CreationDate").unwrap().as_str().unwrap()).into_owned();
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    assert_eq!(digits(&created), digits(&info_date));
    assert_eq!(field("http://www.aiim.org/pdfua/ns/id/", "part"), "1");
    assert_eq!(field("http://www.aiim.org/pdfa/ns/id/", "part"), "2");
    assert_eq!(field("http://www.aiim.org/pdfa/ns/id/", "conformance"), "U");

    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    assert_eq!(intents.len(), 1);
    let intent = dict(&doc, &intents[0]);
    assert_eq!(name(intent.get(b"S").unwrap()), "GTS_PDFA1");
    let profile = intent
        .get(b"DestOutputProfile")
        .unwrap()
        .as_reference()
        .unwrap();
    let profile = doc.get_object(profile).unwrap().as_stream().unwrap();
    assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
    let icc = profile
        .decompressed_content()
        .unwrap_or(profile.content.clone());
    assert_eq!(&icc[12..20], b"mntrRGB ");
    assert_eq!(&icc[36..40], b"acsp");
}

#[test]
fn the_structure_tree_covers_every_page_s_content() {
    let plan = sofia();
    let doc = render(&plan, &Options::for_plan(&plan));
    let t = pdf::tree(&doc);
    let elems = &t.elems;
    let role = |d: &lopdf::Dictionary| pdf::role(d);

    // Figures carry their text alternative; there are the Sofia plan's five charts (the
    // openness trend over its two years among them).
    let figures: Vec<_> = elems.iter().filter(|d| role(d) == "Figure").collect();
    assert_eq!(figures.len(), 5);
    for f in &figures {
        let alt = lopdf::decode_text_string(f.get(b"Alt").expect("an /Alt")).unwrap();
        assert!(alt.trim().len() > 20, "{alt:?}");
    }
    // Table header cells say what they head.
    let ths = pdf::header_cells(&doc, &t);
    assert!(ths.len() > 20);
    let row_heads: Vec<String> = ths
        .iter()
        .filter(|(_, scope)| scope == "Row")
        .map(|(th, _)| element_text(&doc, th))
        .collect();
    // Totals and subtotals are headed by the cell that names them.
    assert!(row_heads.iter().any(|t| t == "Общо"), "{row_heads:?}");
    assert!(
        row_heads.iter().any(|t| t.starts_with("Общо за цел")),
        "{row_heads:?}"
    );
    // Headings start at H1 and never skip a level going down.
    let count = pdf::heading_levels(&t, "the plan").len();
    assert!(count > 50, "{count} headings");
    // The first heading is the plan's title, on the cover.
    let first = elems
        .iter()
        .find(|d| role(d).starts_with('H') && role(d).len() == 2)
        .unwrap();
    assert_eq!(role(first), "H1");
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(words(&element_text(&doc, first)), plan.facts.title);
    assert!(elems.iter().filter(|d| role(d) == "Sect").count() >= 16);

    // Every MCID in the content is the tree's: in the page's parent-tree entry, pointing at
    // an element that holds it; all text is inside marked content.
    pdf::check_marked_content(&doc, &t, "the plan");
}

#[test]
fn every_link_is_tagged_and_says_where_it_goes() {
    let plan = sofia();
    let doc = render(&plan, &Options::for_plan(&plan));
    let root = dict(&doc, doc.catalog().unwrap().get(b"StructTreeRoot").unwrap());
    let nums = dict(&doc, root.get(b"ParentTree").unwrap())
        .get(b"Nums")
        .unwrap()
        .as_array()
        .unwrap();
    let next_key = root.get(b"ParentTreeNextKey").unwrap().as_i64().unwrap();
    let mut links = 0;
    for (n, page_id) in doc.get_pages() {
        let page = doc.get_dictionary(page_id).unwrap();
        let Ok(annots) = page.get(b"Annots").and_then(Object::as_array) else {
            continue;
        };
        for a in annots {
            let id = a
                .as_reference()
                .expect("an annotation an OBJR can refer to");
            let annot = doc.get_dictionary(id).unwrap();
            if name(annot.get(b"Subtype").unwrap()) != "Link" {
                continue;
            }
            links += 1;
            let contents = lopdf::decode_text_string(annot.get(b"Contents").unwrap()).unwrap();
            assert!(contents.contains(", страница "), "page {n}: {contents:?}");
            let key = annot.get(b"StructParent").unwrap().as_i64().unwrap();
            assert!(key < next_key);
            let elem = nums
                .chunks(2)
                .find(|c| c[0].as_i64().ok() == Some(key))
                .map(|c| c[1].as_reference().expect("the Link element itself"))
                .expect("a parent-tree entry for the annotation");
            let elem = doc.get_dictionary(elem).unwrap();
            assert_eq!(name(elem.get(b"S").unwrap()), "Link");
            let kids = elem.get(b"K").unwrap().as_array().unwrap();
            assert!(
                kids.iter().any(|k| matches!(k, Object::Integer(_))),
                "with its text"
            );
            assert!(
                kids.iter().any(|k| matches!(k, Object::Dictionary(d)
                    if name(d.get(b"Type").unwrap()) == "OBJR"
                        && d.get(b"Obj").unwrap().as_reference().unwrap() == id)),
                "page {n}: the Link element refers to its annotation"
            );
            let parent = dict(&doc, elem.get(b"P").unwrap());
            assert_eq!(name(parent.get(b"S").unwrap()), "TOCI");
        }
    }
    assert!(links > 20, "{links} links");
}

/// The text an element holds directly, as `pdfinfo -struct-text` would read it (from the
/// marked content of its page).
fn element_text(doc: &Document, d: &lopdf::Dictionary) -> String {
    let mut out = String::new();
    for (pg, mcid) in mcids(d) {
        let Some(pg) = pg else { continue };
        let content = doc.get_and_decode_page_content(pg).unwrap();
        let mut inside = 0usize;
        let fonts = doc.get_page_fonts(pg).unwrap();
        let mut font = None;
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" => {
                    let this = matches!(op.operands.get(1), Some(Object::Dictionary(p))
                        if p.get(b"MCID").and_then(Object::as_i64).ok() == Some(mcid));
                    if inside > 0 || this {
                        inside += 1;
                    }
                }
                "BMC" if inside > 0 => inside += 1,
                "EMC" if inside > 0 => inside -= 1,
                "Tf" => font = op.operands[0].as_name().ok().map(<[u8]>::to_vec),
                "Tj" if inside > 0 => {
                    let f = font.as_ref().and_then(|f| fonts.get(f.as_slice())).unwrap();
                    let enc = f.get_font_encoding(doc).unwrap();
                    let bytes = op.operands[0].as_str().unwrap();
                    out.push_str(&Document::decode_text(&enc, bytes).unwrap());
                }
                _ => {}
            }
        }
    }
    out
}

#[test]
fn labels_in_another_language_than_the_plan_s_are_tagged_with_theirs() {
    let plan = sofia();
    let opts = Options {
        lang: Lang::En,
        ..Options::for_plan(&plan)
    };
    let doc = render(&plan, &opts);
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"bg");
    let root = dict(&doc, catalog.get(b"StructTreeRoot").unwrap());
    let mut elems = Vec::new();
    walk(&doc, root.get(b"K").unwrap(), &mut elems);
    let role = |d: &lopdf::Dictionary| name(d.get(b"S").unwrap());
    let lang = |d: &lopdf::Dictionary| {
        d.get(b"Lang")
            .ok()
            .map(|l| String::from_utf8_lossy(l.as_str().unwrap()).into_owned())
    };
    let cyrillic = |s: &str| s.chars().any(|c| matches!(c, '\u{400}'..='\u{4ff}'));
    // Headers and section headings the app writes are English, and say so.
    let th = elems
        .iter()
        .find(|d| role(d) == "TH" && element_text(&doc, d) == "Code")
        .expect("a TH \"Code\"");
    assert_eq!(lang(th).as_deref(), Some("en"));
    let heading = elems
        .iter()
        .find(|d| role(d) == "H1" && element_text(&doc, d).ends_with("Actions"))
        .expect("the heading of the actions");
    assert_eq!(lang(heading).as_deref(), Some("en"));
    // The plan's own text keeps the document's language.
    let td = elems
        .iter()
        .find(|d| role(d) == "TD" && cyrillic(&element_text(&doc, d)))
        .expect("a cell of Bulgarian text");
    assert_eq!(lang(td), None);
    for d in &elems {
        if lang(d).is_some() {
            assert!(
                !matches!(role(d).as_str(), "TD" | "Document" | "Sect" | "Table"),
                "{} tagged as a label",
                role(d)
            );
        }
    }

    // Labels in the plan's own language need no /Lang of their own.
    let doc = render(&plan, &Options::for_plan(&plan));
    let root = dict(&doc, doc.catalog().unwrap().get(b"StructTreeRoot").unwrap());
    let mut elems = Vec::new();
    walk(&doc, root.get(b"K").unwrap(), &mut elems);
    assert!(elems.iter().all(|d| lang(d).is_none()));
}

#[test]
fn tagged_text_reads_as_written_across_line_ends() {
    let plan = sofia();
    let doc = render(&plan, &Options::for_plan(&plan));
    let root = dict(&doc, doc.catalog().unwrap().get(b"StructTreeRoot").unwrap());
    let mut elems = Vec::new();
    walk(&doc, root.get(b"K").unwrap(), &mut elems);
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    // The cover's title breaks "интегра-ция" and "на | София"; the context's narrative runs
    // over lines, paragraphs and pages. Their tags read them as the plan has them: the hyphen
    // the layout added is not in the text, and a line ends with the space it broke at.
    for text in [&plan.facts.title, &plan.context.narrative] {
        let found = elems
            .iter()
            .map(|d| element_text(&doc, d))
            .find(|t| words(t) == words(text));
        assert!(found.is_some(), "no element reads {text:?}");
    }
    assert!(
        plan.facts
            .title
            .contains("интеграция на мигрантите и отвореност на София")
    );
    // The added hyphens are drawn, as artifacts, outside the text's marked content.
    let mut hyphens = 0;
    for (_, page_id) in doc.get_pages() {
        let content = doc.get_and_decode_page_content(page_id).unwrap();
        let mut marks: Vec<bool> = Vec::new(); // true: an artifact
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" => marks.push(false),
                "BMC" => marks.push(name(&op.operands[0]) == "Artifact"),
                "EMC" => {
                    marks.pop();
                }
                "Tj" if op.operands[0].as_str().unwrap().len() == 2 && marks == [true] => {
                    hyphens += 1;
                }
                _ => {}
            }
        }
    }
    assert!(hyphens > 10, "{hyphens} hyphens as artifacts");
}
