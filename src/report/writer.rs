//! The bytes of a PDF file: objects numbered as they are reserved, streams deflated on every
//! core, the many small dictionaries (the structure tree's elements, pages, annotations) in
//! compressed object streams, and a compressed cross-reference stream. Written directly, as
//! the pages and the structure tree are turned into objects, with no document model in
//! between (the document model was most of an export's time and memory).

pub use super::content::{int, name, num};

/// How hard the pages' streams are deflated, on the second core while the layout goes on:
/// level 6 is within a few per cent of 9 in size at a fraction of its time.
pub const DEFLATE_LEVEL: u32 = 6;

/// How hard the streams written at the end are deflated (fonts, object streams): the process
/// waits for them, and level 3 takes half the time of 6 for 3 % more bytes.
pub const FINAL_LEVEL: u32 = 3;

/// Small objects per object stream.
const PER_OBJECT_STREAM: usize = 200;

/// Where an object is in the file.
#[derive(Clone, Copy)]
enum Loc {
    /// Reserved, not written (yet).
    Free,
    /// At this byte offset.
    At(usize),
    /// In an object stream, at this index.
    In(u32, u16),
}

/// A stream waiting to be deflated and written.
struct Pending {
    id: u32,
    dict: Vec<u8>,
    data: Vec<u8>,
    deflate: bool,
}

/// A PDF file being written.
pub struct Writer {
    out: Vec<u8>,
    /// By object number (0 is the free list's head).
    xref: Vec<Loc>,
    /// Dictionaries and arrays waiting for an object stream.
    packed: Vec<(u32, Vec<u8>)>,
    pending: Vec<Pending>,
    pending_bytes: usize,
    /// The compressor for what is deflated on this thread, made once: its tables are a
    /// quarter of a megabyte the system clears for each new one.
    compressor: Option<flate2::Compress>,
}

impl Default for Writer {
    fn default() -> Self {
        Self::new()
    }
}

impl Writer {
    /// A PDF 1.7 file, with the binary comment that tells transfer tools it is binary.
    pub fn new() -> Self {
        let mut out = Vec::with_capacity(256 * 1024);
        out.extend(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
        Writer {
            out,
            xref: vec![Loc::Free],
            packed: Vec::new(),
            pending: Vec::new(),
            pending_bytes: 0,
            compressor: None,
        }
    }

    /// This thread's compressor at [`FINAL_LEVEL`], taken to be given back.
    fn take_compressor(&mut self) -> flate2::Compress {
        self.compressor
            .take()
            .unwrap_or_else(|| super::pack::compressor(FINAL_LEVEL))
    }

    /// A new object number.
    pub fn reserve(&mut self) -> u32 {
        self.xref.push(Loc::Free);
        (self.xref.len() - 1) as u32
    }

    /// Writes object `id`, a dictionary or array (`body`), into an object stream.
    pub fn object(&mut self, id: u32, body: Vec<u8>) {
        self.packed.push((id, body));
    }

    /// Writes object `id`, a stream with the entries `dict` (without `/Length` or `/Filter`,
    /// no `<<>>`) and `data`, deflated unless `deflate` is false. Streams are deflated in
    /// batches on every core; a batch goes when enough bytes wait.
    pub fn stream(&mut self, id: u32, dict: Vec<u8>, data: Vec<u8>, deflate: bool) {
        self.pending_bytes += data.len();
        self.pending.push(Pending {
            id,
            dict,
            data,
            deflate,
        });
        if self.pending_bytes > 8 * 1024 * 1024 {
            self.flush();
        }
    }

    /// Deflates the streams waiting, on every core, and writes them.
    pub fn flush(&mut self) {
        let mut jobs = std::mem::take(&mut self.pending);
        self.pending_bytes = 0;
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 4));
        // The largest first, dealt out in turn, so that the threads finish together.
        let mut order: Vec<usize> = (0..jobs.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(jobs[i].data.len()));
        let mut lanes: Vec<Vec<&mut Pending>> = (0..threads).map(|_| Vec::new()).collect();
        {
            let mut refs: Vec<Option<&mut Pending>> = jobs.iter_mut().map(Some).collect();
            for (n, i) in order.into_iter().enumerate() {
                if let Some(job) = refs[i].take() {
                    lanes[n % threads].push(job);
                }
            }
        }
        if threads > 1 && jobs_worth_threads(&lanes) {
            std::thread::scope(|scope| {
                for lane in lanes {
                    // A thread the system refuses leaves its lane's streams as they are: the
                    // file is larger, and still whole.
                    let _ = std::thread::Builder::new().spawn_scoped(scope, move || {
                        let mut c = super::pack::compressor(FINAL_LEVEL);
                        lane.into_iter().for_each(|job| compress(&mut c, job));
                    });
                }
            });
        } else {
            let mut c = self.take_compressor();
            lanes
                .into_iter()
                .flatten()
                .for_each(|job| compress(&mut c, job));
            self.compressor = Some(c);
        }
        for job in jobs {
            self.put_stream(job.id, &job.dict, &job.data);
        }
    }

    /// Writes a stream whose data is final (deflated, or left as it is on purpose).
    fn put_stream(&mut self, id: u32, dict: &[u8], data: &[u8]) {
        self.xref[id as usize] = Loc::At(self.out.len());
        int(&mut self.out, i64::from(id));
        self.out.extend(b" 0 obj\n<<");
        self.out.extend(dict);
        self.out.extend(b"/Length ");
        int(&mut self.out, data.len() as i64);
        self.out.extend(b">>stream\n");
        self.out.extend(data);
        self.out.extend(b"\nendstream\nendobj\n");
    }

    /// Deflates the streams waiting and packs the small objects written so far into full
    /// object streams, on this thread, leaving fewer than [`PER_OBJECT_STREAM`] objects for
    /// [`Writer::finish`]: for a caller that would otherwise wait for another thread (the
    /// fonts' subsets).
    pub fn pack_ready(&mut self) {
        let mut c = self.take_compressor();
        for mut job in std::mem::take(&mut self.pending) {
            compress(&mut c, &mut job);
            self.put_stream(job.id, &job.dict, &job.data);
        }
        self.pending_bytes = 0;
        let full = self.packed.len() / PER_OBJECT_STREAM * PER_OBJECT_STREAM;
        let rest = self.packed.split_off(full);
        let ready = std::mem::replace(&mut self.packed, rest);
        for chunk in ready.chunks(PER_OBJECT_STREAM) {
            let (id, dict, data) = self.object_stream(chunk);
            let mut job = Pending {
                id,
                dict,
                data,
                deflate: true,
            };
            compress(&mut c, &mut job);
            self.put_stream(job.id, &job.dict, &job.data);
        }
        self.compressor = Some(c);
    }

    /// An object stream holding `objects`: its number, entries and data (not deflated).
    fn object_stream(&mut self, objects: &[(u32, Vec<u8>)]) -> (u32, Vec<u8>, Vec<u8>) {
        let stream_id = self.reserve();
        let mut head = Vec::with_capacity(objects.len() * 10);
        let mut body = Vec::new();
        for (i, (obj, bytes)) in objects.iter().enumerate() {
            self.xref[*obj as usize] = Loc::In(stream_id, i as u16);
            int(&mut head, i64::from(*obj));
            head.push(b' ');
            int(&mut head, body.len() as i64);
            head.push(b' ');
            body.extend(bytes);
            body.push(b'\n');
        }
        let mut dict = b"/Type/ObjStm/N ".to_vec();
        int(&mut dict, objects.len() as i64);
        dict.extend(b"/First ");
        int(&mut dict, head.len() as i64);
        head.extend(body);
        (stream_id, dict, head)
    }

    /// Writes what waits, the object streams and the cross-reference stream with the trailer
    /// (`root` the catalog, `info` the Info dictionary, `id` the file identifier).
    pub fn finish(mut self, root: u32, info: u32, id: [u8; 16]) -> Vec<u8> {
        let packed = std::mem::take(&mut self.packed);
        for chunk in packed.chunks(PER_OBJECT_STREAM) {
            let (stream_id, dict, data) = self.object_stream(chunk);
            self.stream(stream_id, dict, data, true);
        }
        self.flush();

        // The cross-reference stream: 1 byte of type, 4 of offset or stream, 2 of index; each
        // row as its difference from the row above (PNG "up"), which deflates to little.
        const WIDTH: usize = 7;
        let xref_id = self.reserve();
        self.xref[xref_id as usize] = Loc::At(self.out.len());
        let mut rows = Vec::with_capacity(self.xref.len() * (WIDTH + 1));
        let mut above = [0u8; WIDTH];
        for loc in &self.xref {
            let mut row = [0u8; WIDTH];
            match *loc {
                Loc::Free => row[5..7].copy_from_slice(&[0xFF, 0xFF]),
                Loc::At(offset) => {
                    row[0] = 1;
                    row[1..5].copy_from_slice(&(offset as u32).to_be_bytes());
                }
                Loc::In(stream, index) => {
                    row[0] = 2;
                    row[1..5].copy_from_slice(&stream.to_be_bytes());
                    row[5..7].copy_from_slice(&index.to_be_bytes());
                }
            }
            rows.push(2);
            for (b, a) in row.iter().zip(&mut above) {
                rows.push(b.wrapping_sub(*a));
                *a = *b;
            }
        }
        let data = zlib(&mut self.take_compressor(), &rows);
        let start = self.out.len();
        let mut dict = b"/Type/XRef/Size ".to_vec();
        int(&mut dict, self.xref.len() as i64);
        dict.extend(b"/W[1 4 2]/Root ");
        reference(&mut dict, root);
        dict.extend(b"/Info ");
        reference(&mut dict, info);
        dict.extend(b"/ID[");
        for _ in 0..2 {
            hex(&mut dict, &id);
        }
        dict.extend(b"]/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns 7>>");
        self.put_stream(xref_id, &dict, &data);
        self.out.extend(b"startxref\n");
        int(&mut self.out, start as i64);
        self.out.extend(b"\n%%EOF\n");
        self.out
    }
}

/// True when there is enough to deflate beside the largest stream that starting threads pays
/// (a stream is deflated by one thread; streams deflated already, such as the pages', do not
/// count).
fn jobs_worth_threads(lanes: &[Vec<&mut Pending>]) -> bool {
    let sizes = lanes
        .iter()
        .flatten()
        .filter(|j| j.deflate)
        .map(|j| j.data.len());
    let (total, largest) = sizes.fold((0, 0), |(t, m), n| (t + n, m.max(n)));
    total - largest > 64 * 1024
}

/// A stream's entries and data deflated with `c` when that makes it smaller, for a stream made
/// away from the writer (see [`Writer::stream`] with `deflate` false).
pub fn deflated(c: &mut flate2::Compress, dict: Vec<u8>, data: Vec<u8>) -> (Vec<u8>, Vec<u8>) {
    let mut job = Pending {
        id: 0,
        dict,
        data,
        deflate: true,
    };
    compress(c, &mut job);
    (job.dict, job.data)
}

/// Deflates a stream's data with `c` when it should be and that makes it smaller.
fn compress(c: &mut flate2::Compress, job: &mut Pending) {
    if !job.deflate {
        return;
    }
    let packed = zlib(c, &job.data);
    if packed.len() + 19 < job.data.len() {
        job.data = packed;
        job.dict.extend(b"/Filter/FlateDecode");
    }
}

/// `data` as a zlib stream, deflated with `c` (a raw compressor, see `pack`).
pub fn zlib(c: &mut flate2::Compress, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 3 + 64);
    // CMF/FLG: deflate, 32K window, default level; a multiple of 31.
    out.extend([0x78, 0x9C]);
    super::pack::deflate_into(c, data, &mut out, flate2::FlushCompress::Finish);
    out.extend(super::pack::adler32(data).to_be_bytes());
    out
}

/// `n 0 R`.
pub fn reference(out: &mut Vec<u8>, id: u32) {
    int(out, i64::from(id));
    out.extend(b" 0 R");
}

/// Bytes as a hexadecimal string.
pub fn hex(out: &mut Vec<u8>, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    out.push(b'<');
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize]);
        out.push(DIGITS[(b & 15) as usize]);
    }
    out.push(b'>');
}

/// A text string (outside content): printable ASCII as a literal string, anything else as
/// UTF-16BE with its byte-order mark.
pub fn text(out: &mut Vec<u8>, s: &str) {
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        literal(out, s.as_bytes());
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            bytes.extend(u.to_be_bytes());
        }
        hex(out, &bytes);
    }
}

/// A literal string of bytes, with its delimiters escaped.
pub fn literal(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'(');
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => out.extend([b'\\', b]),
            b'\r' => out.extend(b"\\r"),
            b'\n' => out.extend(b"\\n"),
            b => out.push(b),
        }
    }
    out.push(b')');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_file_reads_back_with_its_objects_in_streams_and_object_streams() {
        let mut w = Writer::new();
        let catalog = w.reserve();
        let pages = w.reserve();
        let page = w.reserve();
        let content = w.reserve();
        let info = w.reserve();
        let mut body = b"<</Type/Catalog/Pages ".to_vec();
        reference(&mut body, pages);
        body.extend(b">>");
        w.object(catalog, body);
        let mut body = b"<</Type/Pages/Count 1/Kids[".to_vec();
        reference(&mut body, page);
        body.extend(b"]>>");
        w.object(pages, body);
        let mut body = b"<</Type/Page/MediaBox[0 0 100 100]/Parent ".to_vec();
        reference(&mut body, pages);
        body.extend(b"/Contents ");
        reference(&mut body, content);
        body.extend(b"/Resources<<>>>>");
        w.object(page, body);
        w.stream(
            content,
            Vec::new(),
            b"0 0 1 rg 10 10 50 50 re f\n".repeat(50),
            true,
        );
        let mut body = b"<</Title".to_vec();
        text(&mut body, "Пловдив (2026)");
        body.extend(b">>");
        w.object(info, body);
        let bytes = w.finish(catalog, info, [7; 16]);
        let doc = lopdf::Document::load_mem(&bytes).expect("the file reads back");
        assert_eq!(doc.get_pages().len(), 1);
        let page_id = *doc.get_pages().values().next().unwrap();
        let content = doc.get_page_content(page_id);
        assert!(content.starts_with(b"0 0 1 rg 10 10 50 50 re f"));
        let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
        let title = doc.get_dictionary(info).unwrap().get(b"Title").unwrap();
        assert_eq!(lopdf::decode_text_string(title).unwrap(), "Пловдив (2026)");
    }

    #[test]
    fn objects_packed_before_the_end_read_back_with_those_packed_at_it() {
        let mut w = Writer::new();
        let catalog = w.reserve();
        let pages = w.reserve();
        let info = w.reserve();
        // Two and a half object streams' worth of small objects, half of them packed early.
        let n = PER_OBJECT_STREAM * 5 / 2;
        let ids: Vec<u32> = (0..n).map(|_| w.reserve()).collect();
        for (i, id) in ids.iter().enumerate().take(n / 2) {
            w.object(*id, format!("<</N {i}>>").into_bytes());
        }
        let early = w.reserve();
        let data = b"0 0 1 rg 10 10 50 50 re f\n".repeat(50);
        w.stream(early, Vec::new(), data.clone(), true);
        w.pack_ready();
        assert!(w.packed.len() < PER_OBJECT_STREAM, "full streams are out");
        assert!(w.pending.is_empty(), "the stream is out");
        for (i, id) in ids.iter().enumerate().skip(n / 2) {
            w.object(*id, format!("<</N {i}>>").into_bytes());
        }
        w.object(catalog, b"<</Type/Catalog/Pages 2 0 R>>".to_vec());
        w.object(pages, b"<</Type/Pages/Count 0/Kids[]>>".to_vec());
        w.object(info, b"<<>>".to_vec());
        let bytes = w.finish(catalog, info, [1; 16]);
        let doc = lopdf::Document::load_mem(&bytes).expect("the file reads back");
        for (i, id) in ids.iter().enumerate() {
            let d = doc.get_dictionary((*id, 0)).expect("every object is found");
            assert_eq!(d.get(b"N").unwrap().as_i64().unwrap(), i as i64);
        }
        let stream = doc.get_object((early, 0)).unwrap().as_stream().unwrap();
        assert!(stream.dict.has(b"Filter"), "deflated");
        assert_eq!(stream.decompressed_content().unwrap(), data);
    }

    #[test]
    fn text_strings_escape_their_delimiters() {
        let mut out = Vec::new();
        text(&mut out, "a(b)\\c");
        assert_eq!(out, b"(a\\(b\\)\\\\c)");
    }
}
