//! Reading our PDFs back with lopdf: names, dictionaries, the text, and the structure tree with
//! the checks every tagged PDF we write must pass (the plan's, the comparison's, the progress
//! report's).

use std::collections::HashSet;

use lopdf::{Dictionary, Document, Object, ObjectId};

/// A PDF name as text (empty when `o` is not a name).
pub fn name(o: &Object) -> String {
    o.as_name()
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default()
}

/// The dictionary `o` is or refers to.
pub fn dict<'a>(doc: &'a Document, o: &'a Object) -> &'a Dictionary {
    match o {
        Object::Reference(r) => doc.get_dictionary(*r).expect("a dictionary"),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

/// `s` without white space, for finding text that the PDF's lines may break anywhere.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The text of every page, squashed.
pub fn pdf_text(doc: &Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    squash(
        &pages
            .iter()
            .map(|p| doc.extract_text(&[*p]).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// The structure elements in reading order (depth first), with their dictionaries.
pub fn walk<'a>(doc: &'a Document, k: &'a Object, out: &mut Vec<&'a Dictionary>) {
    match k {
        Object::Array(a) => a.iter().for_each(|x| walk(doc, x, out)),
        Object::Reference(r) => {
            if let Ok(d) = doc.get_dictionary(*r)
                && d.has(b"S")
            {
                out.push(d);
                if let Ok(kids) = d.get(b"K") {
                    walk(doc, kids, out);
                }
            }
        }
        _ => {}
    }
}

/// The MCIDs an element holds directly, with the page (object id) each is on.
pub fn mcids(d: &Dictionary) -> Vec<(Option<ObjectId>, i64)> {
    let home = d.get(b"Pg").and_then(Object::as_reference).ok();
    let mut out = Vec::new();
    let mut one = |o: &Object| match o {
        Object::Integer(i) => out.push((home, *i)),
        // An object reference (a link's annotation) holds no marked content.
        Object::Dictionary(m) if m.has(b"Obj") => {}
        Object::Dictionary(m) => out.push((
            m.get(b"Pg").and_then(Object::as_reference).ok(),
            m.get(b"MCID").and_then(Object::as_i64).unwrap(),
        )),
        _ => {}
    };
    match d.get(b"K") {
        Ok(Object::Array(a)) => a.iter().for_each(&mut one),
        Ok(o) => one(o),
        Err(_) => {}
    }
    out
}

/// An element's structure type: `H1`, `Figure`, `TH`…
pub fn role(d: &Dictionary) -> String {
    name(d.get(b"S").unwrap())
}

/// The structure tree of a tagged PDF: its elements in reading order, the first the
/// `Document`, and the parent tree's number array.
pub struct Tree<'a> {
    /// Every element, depth first.
    pub elems: Vec<&'a Dictionary>,
    /// The parent tree's `/Nums`: each page's key and the elements of its MCIDs.
    pub nums: &'a [Object],
}

/// Reads the structure tree; fails when there is none or it does not start with `Document`.
pub fn tree(doc: &Document) -> Tree<'_> {
    let catalog = doc.catalog().unwrap();
    let root = dict(
        doc,
        catalog.get(b"StructTreeRoot").expect("a structure tree"),
    );
    let parent_tree = dict(doc, root.get(b"ParentTree").expect("a parent tree"));
    let nums = parent_tree.get(b"Nums").unwrap().as_array().unwrap();
    let mut elems = Vec::new();
    walk(doc, root.get(b"K").unwrap(), &mut elems);
    assert_eq!(role(elems[0]), "Document");
    Tree { elems, nums }
}

/// Every MCID in the content is the tree's (in the page's parent-tree entry, held by an
/// element), every page's entry is used in full, and all drawing is inside marked content,
/// balanced. `what` names the document in the messages.
pub fn check_marked_content(doc: &Document, t: &Tree<'_>, what: &str) {
    let mut held = HashSet::new();
    for d in &t.elems {
        for (pg, mcid) in mcids(d) {
            held.insert((pg.expect("a page"), mcid));
        }
    }
    for (n, page_id) in doc.get_pages() {
        let page = doc.get_dictionary(page_id).unwrap();
        let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
        let entry = t
            .nums
            .chunks(2)
            .find(|c| c[0].as_i64().ok() == Some(key))
            .map(|c| c[1].as_array().unwrap())
            .expect("a parent-tree entry for every page");
        let content = doc.get_and_decode_page_content(page_id).unwrap();
        let (mut depth, mut seen) = (0usize, 0usize);
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" => {
                    depth += 1;
                    if let Some(Object::Dictionary(p)) = op.operands.get(1)
                        && let Ok(mcid) = p.get(b"MCID").and_then(Object::as_i64)
                    {
                        assert!(
                            usize::try_from(mcid).is_ok_and(|m| m < entry.len()),
                            "{what}, page {n}: MCID {mcid} beyond the parent-tree entry"
                        );
                        assert!(
                            held.contains(&(page_id, mcid)),
                            "{what}, page {n}: MCID {mcid} held by no element"
                        );
                        seen += 1;
                    }
                }
                "BMC" => {
                    depth += 1;
                    assert_eq!(name(&op.operands[0]), "Artifact", "{what}, page {n}");
                }
                "EMC" => depth -= 1,
                "Tj" | "TJ" | "Do" | "re" | "l" => assert!(
                    depth > 0,
                    "{what}, page {n}: {} outside marked content",
                    op.operator
                ),
                _ => {}
            }
        }
        assert_eq!(depth, 0, "{what}, page {n}: unbalanced marked content");
        assert_eq!(seen, entry.len(), "{what}, page {n}");
    }
}

/// The heading levels in reading order; fails when one skips a level going down.
pub fn heading_levels(t: &Tree<'_>, what: &str) -> Vec<u8> {
    let mut levels = Vec::new();
    let mut last = 0;
    for d in &t.elems {
        if let Some(n) = role(d).strip_prefix('H').and_then(|n| n.parse::<u8>().ok()) {
            assert!(n <= last + 1, "{what}: H{n} after H{last}");
            last = n;
            levels.push(n);
        }
    }
    levels
}

/// The table header cells with their scope; fails on one that heads neither a column nor a
/// row.
pub fn header_cells<'a>(doc: &'a Document, t: &Tree<'a>) -> Vec<(&'a Dictionary, String)> {
    t.elems
        .iter()
        .filter(|d| role(d) == "TH")
        .map(|th| {
            let a = dict(doc, th.get(b"A").expect("attributes"));
            let scope = name(a.get(b"Scope").unwrap());
            assert!(scope == "Column" || scope == "Row", "/Scope /{scope}");
            (*th, scope)
        })
        .collect()
}
