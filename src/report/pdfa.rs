//! The document level of an accessible, archival PDF (PDF/UA-1, PDF/A-2u), set on the document
//! printpdf writes: PDF 1.7, the content's language, MarkInfo, DisplayDocTitle, the bookmarks
//! panel opened, tab order by structure, an XMP packet in step with the Info dictionary, and an
//! sRGB output intent with a profile of our own making (no licence to carry).

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::layout::{Kid, Tags};

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

/// A text string as PDF writes text outside content: UTF-16BE with its byte-order mark.
fn text(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend(u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Sets the document level on `doc` (see the module's comment).
pub fn finish(doc: &mut Document, info: &DocInfo<'_>) {
    doc.version = "1.7".into();
    // The Info dictionary, in step with the XMP packet; no PDF/X keys, which would make
    // readers take the file for PDF/X.
    let date = pdf_date(&info.created);
    let mut dict = Dictionary::new();
    dict.set("Title", text(info.title));
    dict.set("Author", text(&info.authors.join("; ")));
    dict.set("Subject", text(info.subject));
    dict.set("Keywords", text(&info.keywords.join(", ")));
    dict.set("Creator", text(info.creator));
    dict.set("Producer", text(info.producer));
    dict.set("CreationDate", Object::string_literal(date.clone()));
    dict.set("ModDate", Object::string_literal(date));
    let info_id = match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => {
            doc.objects.insert(id, Object::Dictionary(dict));
            id
        }
        Err(_) => doc.add_object(dict),
    };
    doc.trailer.set("Info", info_id);

    let metadata = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp(info).into_bytes(),
    )
    // Archival readers read the packet as it is, unfiltered.
    .with_compression(false);
    let metadata_id = doc.add_object(metadata);

    let profile = Stream::new(
        Dictionary::from_iter([("N", Object::Integer(3))]),
        srgb_profile(),
    );
    let profile_id = doc.add_object(profile);
    let intent = Dictionary::from_iter([
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFA1".to_vec())),
        (
            "OutputConditionIdentifier",
            Object::string_literal("sRGB IEC61966-2.1"),
        ),
        (
            "RegistryName",
            Object::string_literal("http://www.color.org"),
        ),
        ("Info", Object::string_literal("sRGB IEC61966-2.1")),
        ("DestOutputProfile", Object::Reference(profile_id)),
    ]);

    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for id in page_ids {
        if let Ok(page) = doc.get_dictionary_mut(id) {
            page.set("Tabs", Object::Name(b"S".to_vec()));
        }
    }

    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Lang", Object::string_literal(info.lang));
        catalog.set(
            "MarkInfo",
            Dictionary::from_iter([("Marked", Object::Boolean(true))]),
        );
        catalog.set(
            "ViewerPreferences",
            Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]),
        );
        let mode: &[u8] = if catalog.has(b"Outlines") {
            b"UseOutlines"
        } else {
            b"UseNone"
        };
        catalog.set("PageMode", Object::Name(mode.to_vec()));
        catalog.set("Metadata", Object::Reference(metadata_id));
        catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
    }
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

/// Compresses the cross-reference stream lopdf writes last, uncompressed (7 bytes an object,
/// a tenth of the Sofia PDF), with Flate and the PNG "up" predictor, in place: it is the last
/// object of the file, so no offset before it moves. Leaves the bytes as they are when they
/// do not end as lopdf writes them.
pub fn compress_xref_stream(bytes: &mut Vec<u8>) {
    const WIDTH: usize = 7; // W [1 4 2]
    let Some(sx) = find_last(bytes, b"startxref") else {
        return;
    };
    let Some(start) = std::str::from_utf8(&bytes[sx + 9..])
        .ok()
        .and_then(|t| t.split_whitespace().next())
        .and_then(|n| n.parse::<usize>().ok())
    else {
        return;
    };
    let Some(obj) = bytes.get(start..sx) else {
        return;
    };
    let Some(dict_end) = find_last(obj, b">>stream\n") else {
        return;
    };
    let Some(len_at) = find_last(&obj[..dict_end], b"/Length ") else {
        return;
    };
    let Some(len) = std::str::from_utf8(&obj[len_at + 8..dict_end])
        .ok()
        .and_then(|n| n.trim().parse::<usize>().ok())
    else {
        return;
    };
    let data_at = dict_end + b">>stream\n".len();
    let Some(data) = obj.get(data_at..data_at + len) else {
        return;
    };
    if obj[..len_at].windows(7).any(|w| w == b"/Filter") || len % WIDTH != 0 {
        return;
    }
    // Each row the difference from the row above, after a tag byte 2 ("up"): the offsets
    // grow slowly, so the differences are mostly zeros.
    let mut rows = Vec::with_capacity(len + len / WIDTH);
    let mut above = [0u8; WIDTH];
    for row in data.chunks(WIDTH) {
        rows.push(2);
        for (b, a) in row.iter().zip(&mut above) {
            rows.push(b.wrapping_sub(*a));
            *a = *b;
        }
    }
    let mut stream = Stream::new(Dictionary::new(), rows);
    if stream.compress().is_err() || !stream.dict.has(b"Filter") {
        return;
    }
    let mut out = Vec::with_capacity(start + stream.content.len() + 256);
    out.extend_from_slice(&bytes[..start + len_at]);
    out.extend_from_slice(
        format!(
            "/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns {WIDTH}>>/Length {}>>stream\n",
            stream.content.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&stream.content);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    out.extend_from_slice(format!("startxref\n{start}\n%%EOF").as_bytes());
    *bytes = out;
}

/// Where `needle` last occurs in `hay`.
fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// The link annotations of page `pg` as dictionaries, in order (printpdf writes them inline).
fn page_annots(doc: &Document, pg: ObjectId) -> Vec<Dictionary> {
    let Ok(Object::Array(annots)) = doc.get_dictionary(pg).and_then(|p| p.get(b"Annots")) else {
        return Vec::new();
    };
    annots
        .iter()
        .filter_map(|a| match a {
            Object::Dictionary(d) => Some(d.clone()),
            Object::Reference(r) => doc.get_dictionary(*r).ok().cloned(),
            _ => None,
        })
        .collect()
}

/// Writes the structure tree: a Document element holding the elements of every part (each
/// part's tags with the index of its first page in the document), the parent tree, and
/// /StructParents on every page; each link annotation gets its text, a /StructParent and an
/// OBJR in its Link element.
pub fn structure(doc: &mut Document, parts: &[(Tags, usize)]) {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root_id = doc.new_object_id();
    let doc_elem = doc.new_object_id();
    let ids: Vec<Vec<ObjectId>> = parts
        .iter()
        .map(|(t, _)| t.elems.iter().map(|_| doc.new_object_id()).collect())
        .collect();
    let mut nums = Vec::with_capacity(pages.len() * 2);
    let mut parent_tree: Vec<Vec<Object>> = vec![Vec::new(); pages.len()];
    for ((tags, first), ids) in parts.iter().zip(&ids) {
        for (page, mcids) in tags.page_mcids.iter().enumerate() {
            if let Some(slot) = parent_tree.get_mut(first + page) {
                *slot = mcids.iter().map(|&e| Object::Reference(ids[e])).collect();
            }
        }
    }
    // Link annotations: each an object of its own (an OBJR refers to it), with its text, the
    // print flag PDF/A asks for, and a parent-tree key of its own after the pages' keys.
    let mut next_key = pages.len() as i64;
    let mut annot_ids: Vec<Vec<Vec<ObjectId>>> = Vec::with_capacity(parts.len());
    let mut annot_entries = Vec::new();
    for ((tags, first), ids) in parts.iter().zip(&ids) {
        let mut per_page = Vec::with_capacity(tags.page_annots.len());
        for (page, annots) in tags.page_annots.iter().enumerate() {
            let placed = match pages.get(first + page) {
                Some(&pg) if !annots.is_empty() => {
                    let dicts = page_annots(doc, pg);
                    let mut placed = Vec::with_capacity(annots.len());
                    for (a, mut d) in annots.iter().zip(dicts) {
                        d.set("Contents", text(&a.contents));
                        d.set("StructParent", Object::Integer(next_key));
                        d.set("F", Object::Integer(4));
                        d.set("P", Object::Reference(pg));
                        let id = doc.add_object(d);
                        annot_entries.push((next_key, ids[a.elem]));
                        next_key += 1;
                        placed.push(id);
                    }
                    let refs: Vec<Object> =
                        placed.iter().map(|&id| Object::Reference(id)).collect();
                    if let Ok(page) = doc.get_dictionary_mut(pg) {
                        let mut all = match page.get(b"Annots") {
                            Ok(Object::Array(a)) => a.clone(),
                            _ => Vec::new(),
                        };
                        // The ones tagged come first on the page, in order; any others stay.
                        all.splice(0..refs.len().min(all.len()), refs);
                        page.set("Annots", Object::Array(all));
                    }
                    placed
                }
                _ => Vec::new(),
            };
            per_page.push(placed);
        }
        annot_ids.push(per_page);
    }
    let mut doc_kids = Vec::new();
    for (((tags, first), ids), annot_ids) in parts.iter().zip(&ids).zip(&annot_ids) {
        let mut parent = vec![doc_elem; tags.elems.len()];
        for (e, elem) in tags.elems.iter().enumerate() {
            for k in &elem.kids {
                if let Kid::Elem(k) = k {
                    parent[*k] = ids[e];
                }
            }
        }
        doc_kids.extend(tags.roots.iter().map(|&r| Object::Reference(ids[r])));
        for (e, elem) in tags.elems.iter().enumerate() {
            let page_of = |p: usize| pages.get(first + p).copied();
            let home = elem.kids.iter().find_map(|k| match k {
                Kid::Content { page, .. } => page_of(*page),
                Kid::Elem(_) | Kid::Annot { .. } => None,
            });
            let kids: Vec<Object> = elem
                .kids
                .iter()
                .filter_map(|k| match *k {
                    Kid::Elem(k) => Some(Object::Reference(ids[k])),
                    Kid::Content { page, mcid } => {
                        let pg = page_of(page)?;
                        Some(if Some(pg) == home {
                            Object::Integer(mcid as i64)
                        } else {
                            Object::Dictionary(Dictionary::from_iter([
                                ("Type", name("MCR")),
                                ("Pg", Object::Reference(pg)),
                                ("MCID", Object::Integer(mcid as i64)),
                            ]))
                        })
                    }
                    Kid::Annot { page, index } => {
                        let pg = page_of(page)?;
                        let obj = *annot_ids.get(page)?.get(index)?;
                        Some(Object::Dictionary(Dictionary::from_iter([
                            ("Type", name("OBJR")),
                            ("Pg", Object::Reference(pg)),
                            ("Obj", Object::Reference(obj)),
                        ])))
                    }
                })
                .collect();
            // /Type is optional, and a single kid needs no array: thousands of cells.
            let k = match <[Object; 1]>::try_from(kids) {
                Ok([one]) => one,
                Err(kids) => Object::Array(kids),
            };
            let mut d = Dictionary::from_iter([
                ("S", name(elem.role)),
                ("P", Object::Reference(parent[e])),
                ("K", k),
            ]);
            if let Some(pg) = home {
                d.set("Pg", Object::Reference(pg));
            }
            if let Some(alt) = &elem.alt {
                d.set("Alt", text(alt));
            }
            if let Some(lang) = elem.lang {
                d.set("Lang", Object::string_literal(lang));
            }
            if let Some(actual) = &elem.actual_text {
                d.set("ActualText", text(actual));
            }
            if let Some(scope) = elem.scope {
                d.set(
                    "A",
                    Dictionary::from_iter([("O", name("Table")), ("Scope", name(scope))]),
                );
            }
            doc.objects.insert(ids[e], Object::Dictionary(d));
        }
    }
    doc.objects.insert(
        doc_elem,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("StructElem")),
            ("S", name("Document")),
            ("P", Object::Reference(root_id)),
            ("K", Object::Array(doc_kids)),
        ])),
    );
    for (i, kids) in parent_tree.into_iter().enumerate() {
        nums.push(Object::Integer(i as i64));
        nums.push(Object::Array(kids));
    }
    // An annotation's entry is its element itself, not an array (ISO 32000-1 14.7.4.4).
    for (key, elem) in annot_entries {
        nums.push(Object::Integer(key));
        nums.push(Object::Reference(elem));
    }
    doc.objects.insert(
        root_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("StructTreeRoot")),
            ("K", Object::Reference(doc_elem)),
            (
                "ParentTree",
                Object::Dictionary(Dictionary::from_iter([("Nums", Object::Array(nums))])),
            ),
            ("ParentTreeNextKey", Object::Integer(next_key)),
        ])),
    );
    for (i, id) in pages.iter().enumerate() {
        if let Ok(page) = doc.get_dictionary_mut(*id) {
            page.set("StructParents", Object::Integer(i as i64));
        }
    }
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("StructTreeRoot", Object::Reference(root_id));
    }
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
