//! Making the written PDF small, quickly: its streams deflated in parallel (the
//! cross-reference stream, which lopdf writes last and uncompressed, is deflated by
//! [`super::pdfa::compress_xref_stream`]).

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
