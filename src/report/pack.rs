//! Making the written PDF small, quickly: streams deflated in parallel, and the
//! cross-reference stream (which lopdf writes uncompressed) deflated with the PNG "up"
//! predictor after saving.

/// How hard streams are deflated: level 6 is within a few per cent of 9 in size at a fraction
/// of its time (deflate was a quarter of an export at 9).
pub const DEFLATE_LEVEL: u32 = 6;

/// Deflates every stream that is not yet compressed (page contents, the ToUnicode maps, the
/// colour profile…), spread over the machine's cores: the streams are independent.
pub fn compress_streams(doc: &mut lopdf::Document) {
    let mut streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|o| o.as_stream_mut().ok())
        .filter(|s| s.allows_compression && s.dict.get(b"Filter").is_err())
        .collect();
    // The largest first, dealt out in turn, so that the threads finish together.
    streams.sort_by_key(|s| std::cmp::Reverse(s.content.len()));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 4));
    let mut lanes: Vec<Vec<&mut lopdf::Stream>> = (0..threads).map(|_| Vec::new()).collect();
    for (i, s) in streams.into_iter().enumerate() {
        lanes[i % threads].push(s);
    }
    std::thread::scope(|scope| {
        for lane in lanes {
            scope.spawn(move || lane.into_iter().for_each(deflate));
        }
    });
}

/// Deflates one stream, unless that would not make it smaller.
fn deflate(stream: &mut lopdf::Stream) {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(stream.content.len() / 3),
        flate2::Compression::new(DEFLATE_LEVEL),
    );
    if encoder.write_all(&stream.content).is_ok()
        && let Ok(compressed) = encoder.finish()
        && compressed.len() + 19 < stream.content.len()
    {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
}

/// Deflates the cross-reference stream at the end of a PDF that lopdf wrote uncompressed
/// (about a tenth of a tagged plan's file: seven bytes for each of thousands of objects). The
/// stream is the file's last object and its offset does not move, so nothing else changes.
/// Anything unexpected leaves the bytes as they are.
pub fn compress_xref_stream(pdf: Vec<u8>) -> Vec<u8> {
    try_compress_xref(&pdf).unwrap_or(pdf)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn try_compress_xref(pdf: &[u8]) -> Option<Vec<u8>> {
    let tail_at = rfind(pdf, b"startxref")?;
    let offset: usize = std::str::from_utf8(&pdf[tail_at + 9..])
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let dict_at = find(pdf, b"<<", offset)?;
    let data_at = find(pdf, b">>stream\n", dict_at)? + b">>stream\n".len();
    let dict = std::str::from_utf8(&pdf[dict_at..data_at - b"stream\n".len()]).ok()?;
    if !dict.contains("/Type/XRef") || dict.contains("/Filter") || !dict.contains("/W[1 4 2]") {
        return None;
    }
    let length_at = dict.find("/Length ")?;
    let digits = dict[length_at + 8..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    let length: usize = dict[length_at + 8..length_at + 8 + digits].parse().ok()?;
    let data = pdf.get(data_at..data_at + length)?;
    const ROW: usize = 7;
    if !data.len().is_multiple_of(ROW) || !pdf[data_at + length..].starts_with(b"\nendstream") {
        return None;
    }
    // PNG "up": each row as its difference from the row above, after a filter byte 2.
    let mut rows = Vec::with_capacity(data.len() / ROW * (ROW + 1));
    let mut above = [0u8; ROW];
    for row in data.chunks(ROW) {
        rows.push(2);
        for (b, a) in row.iter().zip(above.iter_mut()) {
            rows.push(b.wrapping_sub(*a));
            *a = *b;
        }
    }
    let mut stream = lopdf::Stream::new(lopdf::Dictionary::new(), rows);
    deflate(&mut stream);
    if stream.dict.get(b"Filter").is_err() {
        return None;
    }
    let new_dict = format!(
        "{}/Length {}/Filter/FlateDecode/DecodeParms<</Columns {ROW}/Predictor 12>>{}",
        &dict[..length_at],
        stream.content.len(),
        &dict[length_at + 8 + digits..]
    );
    let mut out = Vec::with_capacity(pdf.len());
    out.extend_from_slice(&pdf[..dict_at]);
    out.extend_from_slice(new_dict.as_bytes());
    out.extend_from_slice(b"stream\n");
    out.extend_from_slice(&stream.content);
    out.extend_from_slice(&pdf[data_at + length..tail_at]);
    out.extend_from_slice(&pdf[tail_at..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn sample() -> lopdf::Document {
        let mut doc = lopdf::Document::with_version("1.7");
        let pages = doc.new_object_id();
        let content = lopdf::Stream::new(lopdf::Dictionary::new(), b"BT ET ".repeat(200));
        let content = doc.add_object(content);
        let mut kids = Vec::new();
        for _ in 0..300 {
            let page = doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages, "Contents" => content,
                "MediaBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
            });
            kids.push(page.into());
        }
        doc.objects.insert(
            pages,
            lopdf::Object::Dictionary(dictionary! {
                "Type" => "Pages", "Count" => 300, "Kids" => kids,
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        doc
    }

    #[test]
    fn the_xref_stream_is_deflated_and_the_file_reads_back_the_same() {
        let mut doc = sample();
        compress_streams(&mut doc);
        let mut plain = Vec::new();
        let opts = lopdf::SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            .build();
        doc.save_with_options(&mut plain, opts).unwrap();
        let packed = compress_xref_stream(plain.clone());
        assert!(
            packed.len() + 1500 < plain.len(),
            "{} vs {}",
            packed.len(),
            plain.len()
        );
        let a = lopdf::Document::load_mem(&plain).unwrap();
        let b = lopdf::Document::load_mem(&packed).unwrap();
        assert_eq!(a.get_pages().len(), 300);
        assert_eq!(a.get_pages(), b.get_pages());
        let (pa, pb) = (a.get_pages(), b.get_pages());
        for (n, id) in &pa {
            assert_eq!(a.get_page_content(*id), b.get_page_content(pb[n]));
        }
        // Not a PDF lopdf wrote: left alone.
        assert_eq!(
            compress_xref_stream(b"%PDF-1.7 nonsense".to_vec()),
            b"%PDF-1.7 nonsense"
        );
    }
}
