//! The PDF claims and meets the document level of PDF/UA-1 and PDF/A-2u, and carries a
//! structure tree: read back with lopdf.

use lap_studio::model::{Lang, Plan};
use lap_studio::report::{self, Options};
use lopdf::{Document, Object};

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

fn name(o: &Object) -> String {
    o.as_name()
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default()
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> &'a lopdf::Dictionary {
    match o {
        Object::Reference(r) => doc.get_dictionary(*r).expect("a dictionary"),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
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
