//! Writing and deflating page contents on another core while the layout goes on. Each page's stream is
//! deflated as soon as the page is laid out, up to a byte boundary without ending the stream
//! (a "sync flush"); what is added to the page at the end (its running header and footer,
//! which need the page count) is deflated then and appended, and the two make one zlib
//! stream (RFC 1950/1951: deflate blocks may follow one another on a byte boundary, and the
//! checksums of the two parts combine).

use std::sync::Mutex;
use std::sync::mpsc;
use std::thread::JoinHandle;

use flate2::{Compress, Compression, FlushCompress};
use printpdf::{FontId, LinkAnnotation, Op};

use super::content::{Encoder, Used};
use super::fonts::Measure;
use super::writer::DEFLATE_LEVEL;

/// The start of a page's stream, deflated without its end.
pub struct Part {
    /// Raw deflate blocks, the last a sync flush's (so more blocks may follow).
    deflated: Vec<u8>,
    /// Adler-32 of the bytes deflated.
    adler: u32,
}

const MOD_ADLER: u32 = 65_521;

/// The Adler-32 checksum of `data` (RFC 1950 8.2).
pub fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 bytes is the most that cannot overflow b before the modulo.
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += u32::from(x);
            b += a;
        }
        a %= MOD_ADLER;
        b %= MOD_ADLER;
    }
    (b << 16) | a
}

/// The Adler-32 of two pieces one after the other from the checksums of each and the length
/// of the second (zlib's `adler32_combine`).
fn adler32_combine(first: u32, second: u32, len2: usize) -> u32 {
    let rem = (len2 % MOD_ADLER as usize) as u32;
    let mut sum1 = first & 0xffff;
    let mut sum2 = ((u64::from(rem) * u64::from(sum1)) % u64::from(MOD_ADLER)) as u32;
    sum1 += (second & 0xffff) + MOD_ADLER - 1;
    sum2 += (first >> 16) + (second >> 16) + MOD_ADLER - rem;
    if sum1 >= MOD_ADLER {
        sum1 -= MOD_ADLER;
    }
    if sum1 >= MOD_ADLER {
        sum1 -= MOD_ADLER;
    }
    if sum2 >= MOD_ADLER << 1 {
        sum2 -= MOD_ADLER << 1;
    }
    if sum2 >= MOD_ADLER {
        sum2 -= MOD_ADLER;
    }
    (sum2 << 16) | sum1
}

/// A raw deflate compressor at `level`. Made once per thread and reset for each stream: a
/// compressor's tables are a quarter of a megabyte, which a page's stream is not.
pub fn compressor(level: u32) -> Compress {
    Compress::new(Compression::new(level), false)
}

/// Deflates all of `data` into `out` with `flush` at the end, with `c` from its start.
pub fn deflate_into(c: &mut Compress, data: &[u8], out: &mut Vec<u8>, flush: FlushCompress) {
    c.reset();
    out.reserve(data.len() / 3 + 64);
    loop {
        if out.len() == out.capacity() {
            out.reserve(out.len().max(1024));
        }
        let (was_in, was_out) = (c.total_in(), c.total_out());
        let Ok(status) = c.compress_vec(&data[c.total_in() as usize..], out, flush) else {
            // Cannot happen with a fresh compressor and room to write; never loop on it.
            return;
        };
        if status == flate2::Status::StreamEnd {
            return;
        }
        // A sync flush is done when all the input is in and the output did not fill the room
        // it had (as zlib's avail_out != 0).
        let all_in = c.total_in() as usize == data.len();
        if all_in && out.len() < out.capacity() && matches!(flush, FlushCompress::Sync) {
            return;
        }
        if c.total_in() == was_in && c.total_out() == was_out && out.len() < out.capacity() {
            return;
        }
    }
}

impl Part {
    /// The start of a stream: `data` deflated up to a byte boundary with `c`.
    pub fn new(c: &mut Compress, data: &[u8]) -> Part {
        let mut deflated = Vec::new();
        deflate_into(c, data, &mut deflated, FlushCompress::Sync);
        Part {
            deflated,
            adler: adler32(data),
        }
    }

    /// The whole zlib stream: this part, then `tail` deflated with `c`, and the checksum of
    /// both.
    pub fn finish(self, c: &mut Compress, tail: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.deflated.len() + tail.len() / 2 + 16);
        // CMF/FLG: deflate, 32K window, default level; a multiple of 31.
        out.extend([0x78, 0x9C]);
        out.extend(self.deflated);
        deflate_into(c, tail, &mut out, FlushCompress::Finish);
        let adler = adler32_combine(self.adler, adler32(tail), tail.len());
        out.extend(adler.to_be_bytes());
        out
    }
}

/// What the page writer made of the pages handed to it: each page's deflated start and link
/// annotations, in the order they came, and the glyphs they draw.
#[derive(Default)]
pub struct Written {
    /// Per page: its stream's start and its links.
    pub pages: Vec<(Part, Vec<LinkAnnotation>)>,
    /// The glyphs drawn, per font.
    pub used: [Used; 4],
    /// The compressor the pages were deflated with, for more of the same (its tables are in
    /// memory the system has already cleared).
    pub compressor: Option<Compress>,
}

/// Writes and deflates the pages handed to it (their operations) on a thread of its own, so
/// that the layout goes on meanwhile; with one core, it does so at the end. The pages may not
/// draw images.
pub struct PageWriter {
    sender: Mutex<Option<mpsc::SyncSender<Vec<Op>>>>,
    /// Pages' operation lists back from the thread, emptied, for the next pages: a page's list
    /// is a few hundred kilobytes, and fresh memory for each would be cleared by the system.
    spare: Mutex<Option<mpsc::Receiver<Vec<Op>>>>,
    worker: Option<JoinHandle<Written>>,
    /// Pages kept for the end when there is no second core.
    inline: Mutex<Vec<Vec<Op>>>,
    count: Mutex<usize>,
}

/// Writes and deflates `pages` with the fonts `fonts` are the ids of.
fn write_pages(
    measure: &Measure,
    fonts: &[FontId; 4],
    pages: impl IntoIterator<Item = Vec<Op>>,
    back: Option<mpsc::Sender<Vec<Op>>>,
) -> Written {
    let mut encoder = Encoder::new(measure, fonts);
    let mut c = compressor(DEFLATE_LEVEL);
    let mut bytes = Vec::new();
    let pages = pages
        .into_iter()
        .map(|ops| {
            bytes.clear();
            let mut links = Vec::new();
            encoder.page(&ops, &mut bytes, &mut links);
            if let Some(back) = &back {
                let mut ops = ops;
                ops.clear();
                // The layout may be done and gone: then the list is just dropped.
                let _ = back.send(ops);
            }
            (Part::new(&mut c, &bytes), links)
        })
        .collect();
    Written {
        pages,
        used: std::mem::take(&mut encoder.used),
        compressor: Some(c),
    }
}

impl PageWriter {
    /// A page writer for pages laid out with `fonts` (the ids of [`Font::ALL`]), measuring
    /// with `measure` (its own, as it may work on another thread); with more than one core,
    /// its thread starts.
    pub fn new(measure: Measure, fonts: [FontId; 4]) -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let (sender, worker) = if cores > 1 {
            // A few pages may wait: the layout never runs far ahead of the writer, so a long
            // plan's operations never all wait in memory.
            let (tx, rx) = mpsc::sync_channel::<Vec<Op>>(8);
            let (back, spare) = mpsc::channel::<Vec<Op>>();
            let worker = std::thread::Builder::new()
                .name("deflate".into())
                .spawn(move || {
                    give_way(3);
                    write_pages(&measure, &fonts, rx, Some(back))
                })
                .ok();
            (worker.is_some().then_some((tx, spare)), worker)
        } else {
            (None, None)
        };
        let (sender, spare) = sender.unzip();
        PageWriter {
            sender: Mutex::new(sender),
            spare: Mutex::new(spare),
            worker,
            inline: Mutex::new(Vec::new()),
            count: Mutex::new(0),
        }
    }

    /// Hands a page's operations over; returns its number among those handed over.
    pub fn send(&self, ops: Vec<Op>) -> usize {
        let mut count = self.count.lock().unwrap_or_else(|e| e.into_inner());
        let n = *count;
        *count += 1;
        let sender = self.sender.lock().unwrap_or_else(|e| e.into_inner());
        let ops = match sender.as_ref() {
            Some(tx) => match tx.send(ops) {
                Ok(()) => return n,
                Err(mpsc::SendError(ops)) => ops,
            },
            None => ops,
        };
        drop(sender);
        self.inline
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(ops);
        n
    }

    /// An emptied operation list of a page written, to fill again, if one is back.
    pub fn spare(&self) -> Option<Vec<Op>> {
        self.spare
            .lock()
            .ok()?
            .as_ref()
            .and_then(|r| r.try_recv().ok())
    }

    /// Every page, in the order they were handed over, with the glyphs they draw. Pages the
    /// thread could not take are written here with `measure` and `fonts`. `None` if the thread
    /// stopped (a panic) with pages it had taken.
    pub fn finish(self, measure: &Measure, fonts: &[FontId; 4]) -> Option<Written> {
        drop(self.sender.lock().unwrap_or_else(|e| e.into_inner()).take());
        let mut written = match self.worker {
            Some(w) => w.join().ok()?,
            None => Written::default(),
        };
        let rest = self.inline.into_inner().unwrap_or_else(|e| e.into_inner());
        if !rest.is_empty() {
            let more = write_pages(measure, fonts, rest, None);
            written.pages.extend(more.pages);
            for (u, m) in written.used.iter_mut().zip(more.used) {
                u.merge(m);
            }
            written.compressor = written.compressor.or(more.compressor);
        }
        Some(written)
    }
}

/// Lowers the calling thread's priority by `nice` steps. An export's helper threads (the page
/// writer, the checks, the glossary) give way to the layout on the calling thread, which
/// decides when the export ends: on two cores, five runnable threads would otherwise share
/// them evenly and the layout would wait. Where it cannot be done, nothing changes.
pub fn give_way(nice: i32) {
    #[cfg(target_os = "linux")]
    {
        // A thread's nice value is its own on Linux.
        let me = Some(rustix::thread::gettid());
        if let Ok(now) = rustix::process::getpriority_process(me) {
            let _ = rustix::process::setpriority_process(me, now + nice);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = nice;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn inflate(z: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(z)
            .read_to_end(&mut out)
            .expect("a valid zlib stream with a right checksum");
        out
    }

    #[test]
    fn a_stream_deflated_in_two_parts_inflates_to_both() {
        let body = b"BT /F0 9.5 Tf 56 752.85 Td (text) Tj ET\n".repeat(500);
        let tail = b"BT /F0 7 Tf 480 40 Td (Page 3 of 49) Tj ET\n";
        let c = &mut compressor(DEFLATE_LEVEL);
        let z = Part::new(c, &body).finish(c, tail);
        let mut whole = body.clone();
        whole.extend(tail);
        assert_eq!(inflate(&z), whole);
        assert!(z.len() < whole.len() / 5);
        // Either part may be empty.
        assert_eq!(inflate(&Part::new(c, b"").finish(c, tail)), tail);
        assert_eq!(inflate(&Part::new(c, &body).finish(c, b"")), body);
    }

    #[test]
    fn the_checksums_combine() {
        let (a, b) = (b"hello, ".repeat(3000), b"world".repeat(7000));
        let mut ab = a.clone();
        ab.extend(&b);
        assert_eq!(
            adler32_combine(adler32(&a), adler32(&b), b.len()),
            adler32(&ab)
        );
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }

    #[test]
    fn pages_come_back_written_in_the_order_they_were_handed_over() {
        let measure = Measure::new().unwrap();
        let fonts = super::super::fonts::Font::ALL.map(|f| FontId(format!("F{}", f.index())));
        let d = PageWriter::new(Measure::new().unwrap(), fonts.clone());
        for i in 0..40 {
            d.send(vec![
                Op::StartTextSection,
                Op::SetFont {
                    font: printpdf::PdfFontHandle::External(fonts[0].clone()),
                    size: printpdf::Pt(10.0),
                },
                Op::ShowText {
                    items: vec![printpdf::TextItem::Text(format!("page {i}"))],
                },
                Op::EndTextSection,
            ]);
        }
        let written = d.finish(&measure, &fonts).unwrap();
        assert_eq!(written.pages.len(), 40);
        for (i, (part, _)) in written.pages.into_iter().enumerate() {
            let text = inflate(&part.finish(&mut compressor(DEFLATE_LEVEL), b""));
            let text = String::from_utf8_lossy(&text);
            assert!(text.starts_with("BT\n/F0 10 Tf\n("), "{text}");
            // "page 7" is eight glyphs: sixteen bytes of codes (and any escapes).
            assert_eq!(text.matches(")Tj").count(), 1, "page {i}");
        }
        // The glyphs of "page 0" … "page 39" are known for the font's subset.
        let g = measure
            .glyph(super::super::fonts::Font::Regular, 'p')
            .unwrap();
        assert!(written.used[0].codes.contains_key(&g));
    }
}
