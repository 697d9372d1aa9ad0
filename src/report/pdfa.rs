//! The document level of an accessible, archival PDF (PDF/UA-1, PDF/A-2u): PDF 1.7, the content's language, MarkInfo, DisplayDocTitle, the bookmarks
//! panel opened, tab order by structure, an XMP packet in step with the Info dictionary, and an
//! sRGB output intent with a profile of our own making (no licence to carry).

use super::layout::{Kid, Tags};
use super::writer::{Writer, int, name, reference, text};

/// What the document-level pass needs to know.
pub struct DocInfo<'a> {
    /// The content's language (ISO 639-1).
    pub lang: &'a str,
    /// Title, author(s), subject, keywords, creator tool, producer.
    pub title: &'a str,
    /// The authors, each a `dc:creator` entry.
    pub authors: &'a [String],
    /// What the document is about.
    pub subject: &'a str,
    /// Keywords.
    pub keywords: &'a [String],
    /// The tool that made the content.
    pub creator: &'a str,
    /// The tool that wrote the PDF.
    pub producer: &'a str,
    /// When the document was made.
    pub created: printpdf::OffsetDateTime,
}

/// `date` as a PDF date string (`D:YYYYMMDDHHmmSSZ`).
fn pdf_date(d: &printpdf::OffsetDateTime) -> String {
    format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}Z",
        d.year(),
        u8::from(d.month()),
        d.day(),
        d.hour(),
        d.minute(),
        d.second()
    )
}

/// `date` as an XMP date (`YYYY-MM-DDTHH:mm:SSZ`).
fn xmp_date(d: &printpdf::OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        d.year(),
        u8::from(d.month()),
        d.day(),
        d.hour(),
        d.minute(),
        d.second()
    )
}

/// The XMP packet: the Info dictionary's entries, and the PDF/UA-1 and PDF/A-2u claims.
pub fn xmp(info: &DocInfo<'_>) -> String {
    let date = xmp_date(&info.created);
    let creators: String = info
        .authors
        .iter()
        .map(|a| format!("<rdf:li>{}</rdf:li>", super::html::esc(a)))
        .collect();
    format!(
        concat!(
            "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n",
            "<rdf:Description rdf:about=\"\"\n",
            " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n",
            " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n",
            " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n",
            " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n",
            " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n",
            "<dc:format>application/pdf</dc:format>\n",
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n",
            "<dc:creator><rdf:Seq>{creators}</rdf:Seq></dc:creator>\n",
            "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{subject}</rdf:li></rdf:Alt></dc:description>\n",
            "<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>\n",
            "<xmp:CreateDate>{date}</xmp:CreateDate>\n",
            "<xmp:ModifyDate>{date}</xmp:ModifyDate>\n",
            "<xmp:MetadataDate>{date}</xmp:MetadataDate>\n",
            "<xmp:CreatorTool>{creator}</xmp:CreatorTool>\n",
            "<pdf:Producer>{producer}</pdf:Producer>\n",
            "<pdf:Keywords>{keywords}</pdf:Keywords>\n",
            "<pdfaid:part>2</pdfaid:part>\n",
            "<pdfaid:conformance>U</pdfaid:conformance>\n",
            "<pdfuaid:part>1</pdfuaid:part>\n",
            "</rdf:Description>\n",
            "</rdf:RDF>\n",
            "</x:xmpmeta>\n",
            "<?xpacket end=\"r\"?>"
        ),
        title = super::html::esc(info.title),
        creators = creators,
        subject = super::html::esc(info.subject),
        lang = super::html::esc(info.lang),
        date = date,
        creator = super::html::esc(info.creator),
        producer = super::html::esc(info.producer),
        keywords = super::html::esc(&info.keywords.join(", ")),
    )
}

/// The Info dictionary, in step with the XMP packet; no PDF/X keys, which would make readers
/// take the file for PDF/X.
pub fn info_dict(info: &DocInfo<'_>) -> Vec<u8> {
    let date = pdf_date(&info.created);
    let mut d = b"<<".to_vec();
    for (key, value) in [
        ("Title", info.title.to_owned()),
        ("Author", info.authors.join("; ")),
        ("Subject", info.subject.to_owned()),
        ("Keywords", info.keywords.join(", ")),
        ("Creator", info.creator.to_owned()),
        ("Producer", info.producer.to_owned()),
        ("CreationDate", date.clone()),
        ("ModDate", date),
    ] {
        name(&mut d, key);
        text(&mut d, &value);
    }
    d.extend(b">>");
    d
}

/// Writes the XMP packet and the sRGB output intent; returns the catalog's entries for the
/// document level (see the module's comment). `outlines` is the outline dictionary, if any.
pub fn document_level(w: &mut Writer, info: &DocInfo<'_>, outlines: Option<u32>) -> Vec<u8> {
    let metadata = w.reserve();
    // Archival readers read the packet as it is, unfiltered.
    w.stream(
        metadata,
        b"/Type/Metadata/Subtype/XML".to_vec(),
        xmp(info).into_bytes(),
        false,
    );
    let profile = w.reserve();
    w.stream(profile, b"/N 3".to_vec(), srgb_profile(), true);
    let mut d = b"/Lang".to_vec();
    text(&mut d, info.lang);
    d.extend(b"/MarkInfo<</Marked true>>/ViewerPreferences<</DisplayDocTitle true>>/PageMode");
    match outlines {
        Some(o) => {
            d.extend(b"/UseOutlines/Outlines ");
            reference(&mut d, o);
        }
        None => d.extend(b"/UseNone"),
    }
    d.extend(b"/Metadata ");
    reference(&mut d, metadata);
    d.extend(
        b"/OutputIntents[<</Type/OutputIntent/S/GTS_PDFA1\
/OutputConditionIdentifier(sRGB IEC61966-2.1)/RegistryName(http://www.color.org)\
/Info(sRGB IEC61966-2.1)/DestOutputProfile ",
    );
    reference(&mut d, profile);
    d.extend(b">>]");
    d
}

/// Big-endian s15Fixed16 of `v`.
fn s15(v: f64) -> [u8; 4] {
    ((v * 65536.0).round() as i32).to_be_bytes()
}

/// An ICC v2 display profile of sRGB (IEC 61966-2.1): its primaries adapted to D50 and its
/// tone curve as a table, written here so the file carries no third party's profile.
pub fn srgb_profile() -> Vec<u8> {
    fn xyz(x: f64, y: f64, z: f64) -> Vec<u8> {
        let mut t = b"XYZ \0\0\0\0".to_vec();
        for v in [x, y, z] {
            t.extend(s15(v));
        }
        t
    }
    let desc = {
        let name = b"sRGB IEC61966-2.1 (LAP Studio)\0";
        let mut t = b"desc\0\0\0\0".to_vec();
        t.extend((name.len() as u32).to_be_bytes());
        t.extend(name);
        t.extend([0u8; 4]); // Unicode language code
        t.extend([0u8; 4]); // Unicode count
        t.extend([0u8; 2]); // ScriptCode code
        t.push(0); // ScriptCode count
        t.extend([0u8; 67]);
        t
    };
    let cprt = {
        let mut t = b"text\0\0\0\0".to_vec();
        t.extend(b"No copyright, use freely\0");
        t
    };
    let trc = {
        let n: u32 = 1024;
        let mut t = b"curv\0\0\0\0".to_vec();
        t.extend(n.to_be_bytes());
        for i in 0..n {
            let v = f64::from(i) / f64::from(n - 1);
            let lin = if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            };
            t.extend(((lin * 65535.0).round() as u16).to_be_bytes());
        }
        t
    };
    // The tags; the three tone curves share one table.
    let data: [(&[u8; 4], Vec<u8>); 7] = [
        (b"desc", desc),
        (b"cprt", cprt),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.4361, 0.2225, 0.0139)),
        (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)),
        (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
        (b"rTRC", trc),
    ];
    let tag_count = data.len() + 2;
    let mut offset = 128 + 4 + 12 * tag_count;
    let mut table = Vec::new();
    let mut body = Vec::new();
    let mut trc_at = (0, 0);
    for (sig, bytes) in &data {
        table.extend(*sig);
        table.extend((offset as u32).to_be_bytes());
        table.extend((bytes.len() as u32).to_be_bytes());
        if *sig == b"rTRC" {
            trc_at = (offset, bytes.len());
        }
        body.extend(bytes);
        offset += bytes.len();
        while body.len() % 4 != 0 {
            body.push(0);
            offset += 1;
        }
    }
    for sig in [b"gTRC", b"bTRC"] {
        table.extend(sig);
        table.extend((trc_at.0 as u32).to_be_bytes());
        table.extend((trc_at.1 as u32).to_be_bytes());
    }
    let size = 128 + 4 + table.len() + body.len();
    let mut p = Vec::with_capacity(size);
    p.extend((size as u32).to_be_bytes());
    p.extend([0u8; 4]); // preferred CMM
    p.extend([2, 0x10, 0, 0]); // version 2.1
    p.extend(b"mntr");
    p.extend(b"RGB ");
    p.extend(b"XYZ ");
    for v in [2025u16, 1, 1, 0, 0, 0] {
        p.extend(v.to_be_bytes());
    }
    p.extend(b"acsp");
    p.extend([0u8; 4]); // platform
    p.extend([0u8; 4]); // flags
    p.extend([0u8; 4]); // manufacturer
    p.extend([0u8; 4]); // model
    p.extend([0u8; 8]); // attributes
    p.extend([0u8; 4]); // rendering intent: perceptual
    p.extend(s15(0.9642));
    p.extend(s15(1.0));
    p.extend(s15(0.8249));
    p.extend([0u8; 4]); // creator
    p.extend([0u8; 16]); // profile id
    p.extend([0u8; 28]); // reserved
    debug_assert_eq!(p.len(), 128);
    p.extend((tag_count as u32).to_be_bytes());
    p.extend(table);
    p.extend(body);
    p
}

/// Writes the structure tree: a Document element holding the elements of every part (each
/// part's tags with the index of its first page in the document) and the parent tree. Each
/// page's key in the parent tree is its index; each link annotation (`annots`, per page, the
/// objects reserved for them) gets the next key and an OBJR in its Link element. Returns the
/// StructTreeRoot and, per page, its tagged annotations' text and key.
pub fn structure(
    w: &mut Writer,
    pages: &[u32],
    annots: &[Vec<u32>],
    parts: &[(Tags, usize)],
) -> (u32, Vec<Vec<(String, usize)>>) {
    let root_id = w.reserve();
    let doc_elem = w.reserve();
    let ids: Vec<Vec<u32>> = parts
        .iter()
        .map(|(t, _)| t.elems.iter().map(|_| w.reserve()).collect())
        .collect();
    let mut parent_tree: Vec<Vec<u32>> = vec![Vec::new(); pages.len()];
    for ((tags, first), ids) in parts.iter().zip(&ids) {
        for (page, mcids) in tags.page_mcids.iter().enumerate() {
            if let Some(slot) = parent_tree.get_mut(first + page) {
                *slot = mcids.iter().map(|&e| ids[e]).collect();
            }
        }
    }
    // Link annotations: a parent-tree key of their own after the pages' keys.
    let mut next_key = pages.len();
    let mut tagged: Vec<Vec<(String, usize)>> = vec![Vec::new(); pages.len()];
    let mut annot_entries = Vec::new();
    for ((tags, first), ids) in parts.iter().zip(&ids) {
        for (page, list) in tags.page_annots.iter().enumerate() {
            let Some(slot) = tagged.get_mut(first + page) else {
                continue;
            };
            let available = annots.get(first + page).map_or(0, Vec::len);
            for a in list.iter().take(available) {
                slot.push((a.contents.clone(), next_key));
                annot_entries.push((next_key, ids[a.elem]));
                next_key += 1;
            }
        }
    }
    let mut doc_kids = b"[".to_vec();
    for ((tags, first), ids) in parts.iter().zip(&ids) {
        let mut parent = vec![doc_elem; tags.elems.len()];
        for (e, elem) in tags.elems.iter().enumerate() {
            for k in &elem.kids {
                if let Kid::Elem(k) = k {
                    parent[*k] = ids[e];
                }
            }
        }
        for &r in &tags.roots {
            reference(&mut doc_kids, ids[r]);
            doc_kids.push(b' ');
        }
        let page_of = |p: usize| pages.get(first + p).copied();
        for (e, elem) in tags.elems.iter().enumerate() {
            let home = elem.kids.iter().find_map(|k| match k {
                Kid::Content { page, .. } => page_of(*page),
                Kid::Elem(_) | Kid::Annot { .. } => None,
            });
            let mut kids: Vec<Vec<u8>> = Vec::with_capacity(elem.kids.len());
            for k in &elem.kids {
                let mut o = Vec::new();
                match *k {
                    Kid::Elem(k) => reference(&mut o, ids[k]),
                    Kid::Content { page, mcid } => {
                        let Some(pg) = page_of(page) else { continue };
                        if Some(pg) == home {
                            int(&mut o, mcid as i64);
                        } else {
                            o.extend(b"<</Type/MCR/Pg ");
                            reference(&mut o, pg);
                            o.extend(b"/MCID ");
                            int(&mut o, mcid as i64);
                            o.extend(b">>");
                        }
                    }
                    Kid::Annot { page, index } => {
                        let (Some(pg), Some(obj)) = (
                            page_of(page),
                            annots.get(first + page).and_then(|a| a.get(index)),
                        ) else {
                            continue;
                        };
                        o.extend(b"<</Type/OBJR/Pg ");
                        reference(&mut o, pg);
                        o.extend(b"/Obj ");
                        reference(&mut o, *obj);
                        o.extend(b">>");
                    }
                }
                kids.push(o);
            }
            let mut d = b"<</S".to_vec();
            name(&mut d, elem.role);
            d.extend(b"/P ");
            reference(&mut d, parent[e]);
            d.extend(b"/K");
            // A single kid needs no array: thousands of cells.
            if kids.len() == 1 {
                d.push(b' ');
                d.extend(&kids[0]);
            } else {
                d.push(b'[');
                d.extend(kids.join(&b' '));
                d.push(b']');
            }
            if let Some(pg) = home {
                d.extend(b"/Pg ");
                reference(&mut d, pg);
            }
            if let Some(alt) = &elem.alt {
                d.extend(b"/Alt");
                text(&mut d, alt);
            }
            if let Some(lang) = elem.lang {
                d.extend(b"/Lang");
                text(&mut d, lang);
            }
            if let Some(actual) = &elem.actual_text {
                d.extend(b"/ActualText");
                text(&mut d, actual);
            }
            if let Some(scope) = elem.scope {
                d.extend(b"/A<</O/Table/Scope");
                name(&mut d, scope);
                d.extend(b">>");
            }
            d.extend(b">>");
            w.object(ids[e], d);
        }
    }
    doc_kids.push(b']');
    let mut d = b"<</Type/StructElem/S/Document/P ".to_vec();
    reference(&mut d, root_id);
    d.extend(b"/K");
    d.extend(doc_kids);
    d.extend(b">>");
    w.object(doc_elem, d);

    let mut nums = b"[".to_vec();
    for (i, kids) in parent_tree.iter().enumerate() {
        int(&mut nums, i as i64);
        nums.push(b'[');
        for k in kids {
            reference(&mut nums, *k);
            nums.push(b' ');
        }
        nums.extend(b"]\n");
    }
    // An annotation's entry is its element itself, not an array (ISO 32000-1 14.7.4.4).
    for (key, elem) in annot_entries {
        int(&mut nums, key as i64);
        nums.push(b' ');
        reference(&mut nums, elem);
        nums.push(b'\n');
    }
    nums.push(b']');
    let parent_tree_id = w.reserve();
    let mut d = b"<</Nums".to_vec();
    d.extend(nums);
    d.extend(b">>");
    w.object(parent_tree_id, d);
    let mut d = b"<</Type/StructTreeRoot/K ".to_vec();
    reference(&mut d, doc_elem);
    d.extend(b"/ParentTree ");
    reference(&mut d, parent_tree_id);
    d.extend(b"/ParentTreeNextKey ");
    int(&mut d, next_key as i64);
    d.extend(b">>");
    w.object(root_id, d);
    (root_id, tagged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_srgb_profile_is_well_formed() {
        let p = srgb_profile();
        assert_eq!(
            u32::from_be_bytes([p[0], p[1], p[2], p[3]]) as usize,
            p.len()
        );
        assert_eq!(&p[36..40], b"acsp");
        assert_eq!(&p[12..20], b"mntrRGB ");
        let n = u32::from_be_bytes([p[128], p[129], p[130], p[131]]) as usize;
        assert_eq!(n, 9);
        for i in 0..n {
            let e = &p[132 + 12 * i..144 + 12 * i];
            let off = u32::from_be_bytes([e[4], e[5], e[6], e[7]]) as usize;
            let len = u32::from_be_bytes([e[8], e[9], e[10], e[11]]) as usize;
            assert!(off.is_multiple_of(4) && off + len <= p.len());
        }
    }

    #[test]
    fn the_xmp_packet_escapes_text() {
        let x = xmp(&DocInfo {
            lang: "bg",
            title: "A & B <c>",
            authors: &["Me".into()],
            subject: "",
            keywords: &[],
            creator: "LAP Studio",
            producer: "LAP Studio",
            created: printpdf::OffsetDateTime::from_unix_timestamp(0).unwrap(),
        });
        assert!(x.contains("A &amp; B &lt;c&gt;"));
        assert!(x.contains("<xmp:CreateDate>1970-01-01T00:00:00Z</xmp:CreateDate>"));
        assert!(x.contains("<pdfuaid:part>1</pdfuaid:part>"));
    }
}
