//! A mutation fuzzer on stable Rust: the shipped templates' RON text, damaged at random (spans
//! deleted, inserted, duplicated and repeated many times, numbers swapped for extreme ones, RON
//! tokens and odd characters dropped in), goes through everything a plan file goes through —
//! read, load, check, summary, canonical text (and that text read back), HTML and PDF export —
//! and must never panic, never hang and never take unbounded memory.
//!
//! The seed is fixed, so a run is repeatable; 64 cases by default. For a longer run:
//! `LAP_FUZZ_CASES=5000 cargo test --release --test fuzz` (and `LAP_FUZZ_SEED=…` for other
//! cases).

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use lap_studio::analysis;
use lap_studio::model::Lang;
use lap_studio::report::{self, Options};
use lap_studio::store::{self, limits, templates::TEMPLATES};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};

/// A damaged file is at most this big, so a case stays quick in a debug build.
const MAX_CASE_BYTES: usize = 512 * 1024;

/// The longest one case may take (a debug build, on a busy machine).
const PER_CASE: Duration = Duration::from_secs(60);

/// Peak memory of the whole run (Linux), far under what a hostile file could take unbounded.
const MAX_PEAK_BYTES: u64 = 1536 * 1024 * 1024;

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\\",
    "'",
    "/*",
    "*/",
    "//",
    "\n",
    "\r",
    "\r\n",
    "\u{FEFF}",
    "\u{0}",
    "\u{202E}",
    "\u{1b}[2J",
    "Some(",
    "None",
    "id: \"\",",
    "id: \" \\t\",",
    "\"A-1\"",
    "\"A\\u{2D}1\"",
    "r#\"",
    "\"#",
    "b\"",
    "'\\''",
    "\"\\u{110000}\"",
    "\"\\x2d\"",
    "format_version: 99,",
    "format_version: 1,",
    "actions: [],",
    "risks: [\"R-404\"],",
    "depends_on: [\"A-1\"],",
    "weight: 1e308,",
    "weight: -1,",
    "year: Some(99999),",
    "value: NaN,",
    "cost: Some(\"-99999999999999999.99\"),",
    "start: Some(\"2025-13\"),",
    "#![enable(implicit_some)]",
];

const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1e308",
    "-1e308",
    "1.7976931348623157e308",
    "NaN",
    "inf",
    "-inf",
    "4294967296",
    "18446744073709551616",
    "99999999999999999999999",
    "0.000000000000000000001",
    "-0",
];

/// String values dropped into the plan's own strings (as RON writes them, escapes included).
const STRINGS: &[&str] = &[
    "",
    " ",
    "\\t",
    "\\u{0}\\u{7}",
    "\\u{202E}txt.exe",
    "\\u{1b}]0;pwned\\u{7}",
    "\\u{FEFF}",
    "\\\\",
    "\\\"",
    "\\n\\n\\r\\n",
    "A-1",
    "A\\u{2D}1",
    "R-404",
    "SO-1",
    "C-1",
    "2025-13",
    "1900-01",
    "2200-12",
    "-5.00",
    "99999999999999999.99",
    "12,50",
    "华人社区 🤝 مركز",
    "=HYPERLINK(\\\"http://x\\\",\\\"click\\\")",
];

#[derive(Clone, Debug)]
enum Mutation {
    Delete {
        at: usize,
        len: usize,
    },
    Insert {
        at: usize,
        bytes: Vec<u8>,
    },
    Token {
        at: usize,
        token: usize,
    },
    Duplicate {
        from: usize,
        len: usize,
        at: usize,
    },
    Number {
        nth: usize,
        value: usize,
    },
    Repeat {
        from: usize,
        len: usize,
        times: usize,
    },
    /// A string's value replaced (one of [`STRINGS`], or a long one).
    Text {
        nth: usize,
        value: usize,
        long: usize,
    },
    /// A line removed (in the one-field-per-line templates, often a whole field).
    DeleteLine {
        nth: usize,
    },
    /// An item of a list (a `(` line to its `),` line) repeated.
    RepeatItem {
        nth: usize,
        times: usize,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        // Mostly changes that keep the file readable, so the checks and exports get exercised.
        4 => (any::<usize>(), 0..STRINGS.len() + 2, 1usize..60_000)
            .prop_map(|(nth, value, long)| Mutation::Text { nth, value, long }),
        3 => (any::<usize>(), 0..NUMBERS.len()).prop_map(|(nth, value)| Mutation::Number { nth, value }),
        2 => any::<usize>().prop_map(|nth| Mutation::DeleteLine { nth }),
        2 => (any::<usize>(), 1usize..60).prop_map(|(nth, times)| Mutation::RepeatItem { nth, times }),
        1 => (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        1 => (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, token)| Mutation::Token { at, token }),
        1 => (any::<usize>(), 1usize..400, any::<usize>())
            .prop_map(|(from, len, at)| Mutation::Duplicate { from, len, at }),
        1 => (any::<usize>(), 1usize..200, 2usize..200)
            .prop_map(|(from, len, times)| Mutation::Repeat { from, len, times }),
    ]
}

/// Where the strings of the text are: the ranges of their bodies, between the quotes.
fn strings(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            if j >= bytes.len() {
                break;
            }
            out.push(start..j);
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The line ranges (with their line ends) of the text.
fn lines(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < bytes.len() {
        out.push(start..bytes.len());
    }
    out
}

/// List items written on their own lines: from a line that is only `(` to the `),` line at the
/// same indentation.
fn items(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let lines = lines(bytes);
    let text = |r: &std::ops::Range<usize>| String::from_utf8_lossy(&bytes[r.clone()]).into_owned();
    let mut out = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let t = text(line);
        if t.trim_end().trim_start() == "(" {
            let indent = t.len() - t.trim_start().len();
            let close = format!("{}),", " ".repeat(indent));
            if let Some(end) = lines[k + 1..].iter().find(|l| text(l).trim_end() == close) {
                out.push(line.start..end.end);
            }
        }
    }
    out
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let n = bytes.len().max(1);
    match m {
        Mutation::Text { nth, value, long } => {
            let all = strings(bytes);
            if all.is_empty() {
                return;
            }
            let range = all[nth % all.len()].clone();
            let new: Vec<u8> = match value.checked_sub(STRINGS.len()) {
                None => STRINGS[*value].as_bytes().to_vec(),
                // Long text: one unbroken word, or words.
                Some(0) => "Ж".repeat(*long).into_bytes(),
                Some(_) => "дума ".repeat(*long / 5 + 1).into_bytes(),
            };
            bytes.splice(range, new);
        }
        Mutation::DeleteLine { nth } => {
            let all = lines(bytes);
            if !all.is_empty() {
                bytes.drain(all[nth % all.len()].clone());
            }
        }
        Mutation::RepeatItem { nth, times } => {
            let all = items(bytes);
            if all.is_empty() {
                return;
            }
            let range = all[nth % all.len()].clone();
            let span = bytes[range.clone()].to_vec();
            let room = MAX_CASE_BYTES.saturating_sub(bytes.len()) / span.len().max(1);
            let repeated = span.repeat((*times).min(room));
            bytes.splice(range.end..range.end, repeated);
        }
        Mutation::Delete { at, len } => {
            let at = at % n;
            let end = (at + len).min(bytes.len());
            if at < end {
                bytes.drain(at..end);
            }
        }
        Mutation::Insert { at, bytes: new } => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, new.iter().copied());
        }
        Mutation::Token { at, token } => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, TOKENS[*token].bytes());
        }
        Mutation::Duplicate { from, len, at } => {
            let from = from % n;
            let end = (from + len).min(bytes.len());
            let span: Vec<u8> = bytes.get(from..end).unwrap_or_default().to_vec();
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, span);
        }
        Mutation::Number { nth, value } => {
            // The nth run of digits (counting round) becomes an extreme number.
            let mut runs = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i].is_ascii_digit() {
                    let start = i;
                    while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                        i += 1;
                    }
                    runs.push(start..i);
                } else {
                    i += 1;
                }
            }
            if !runs.is_empty() {
                let run = runs[nth % runs.len()].clone();
                bytes.splice(run, NUMBERS[*value].bytes());
            }
        }
        Mutation::Repeat { from, len, times } => {
            let from = from % n;
            let end = (from + len).min(bytes.len());
            let span: Vec<u8> = bytes.get(from..end).unwrap_or_default().to_vec();
            if span.is_empty() {
                return;
            }
            let room = MAX_CASE_BYTES.saturating_sub(bytes.len()) / span.len();
            let times = (*times).min(room);
            let repeated: Vec<u8> = span.repeat(times);
            bytes.splice(end..end, repeated);
        }
    }
}

/// How many cases were read as plans, and how many of them exported.
static READ: AtomicUsize = AtomicUsize::new(0);
static EXPORTED: AtomicUsize = AtomicUsize::new(0);

/// Everything a plan file goes through; `Err` for a broken promise, a panic fails the case too.
fn run(bytes: &[u8]) -> Result<(), TestCaseError> {
    let started = Instant::now();
    let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
    let path = dir.path().join("mutated.ron");
    std::fs::write(&path, bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let text = match store::read_text(&path) {
        Ok(text) => text,
        Err(e) => {
            prop_assert!(e.to_string().starts_with(&path.display().to_string()));
            return Ok(());
        }
    };
    let strict = store::parse(&text, &path);
    let plan = match store::parse_lenient(&text, &path) {
        Ok(plan) => plan,
        Err(e) => {
            // Refused with a message that names the file; the strict reading refuses it too.
            prop_assert!(
                e.to_string().starts_with(&path.display().to_string()),
                "{}",
                e
            );
            prop_assert!(strict.is_err());
            return Ok(());
        }
    };
    if let Err(e) = &strict {
        prop_assert!(
            matches!(e.kind, store::LoadErrorKind::Integrity(_)),
            "only ids and references make the strict reading fail: {}",
            e
        );
    }
    READ.fetch_add(1, Ordering::Relaxed);
    let report = analysis::check(&plan);
    prop_assert!(report.findings.len() <= 200 * analysis::checks::MAX_FINDINGS_PER_CODE);
    let _ = lap_studio::cli::summary(&plan);
    // What `fmt` and `save` would write reads back as the same text.
    let canonical = store::to_ron(&plan);
    if limits::check_size(canonical.len()).is_ok() {
        let again = store::parse_lenient(&canonical, Path::new("canonical.ron")).map_err(|e| {
            TestCaseError::fail(format!("the canonical text does not read back: {e}"))
        })?;
        prop_assert!(
            store::to_ron(&again) == canonical,
            "the canonical text changed on reading"
        );
    }
    let _ = report::html::html(&plan, Lang::En);
    let pdf = report::render(&plan, &Options::for_plan(&plan), &|_| {})
        .map_err(|e| TestCaseError::fail(format!("export failed: {e}")))?;
    prop_assert!(pdf.pages >= 2);
    EXPORTED.fetch_add(1, Ordering::Relaxed);
    let took = started.elapsed();
    prop_assert!(took < PER_CASE, "one case took {:?}", took);
    Ok(())
}

/// Peak resident memory of this process, where the system says (Linux).
fn peak_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[test]
fn mutated_templates_never_panic_hang_or_grow_without_bound() {
    fn env<T: std::str::FromStr>(name: &str) -> Option<T> {
        std::env::var(name).ok().and_then(|v| v.parse().ok())
    }
    let cases: u32 = env("LAP_FUZZ_CASES").unwrap_or(64);
    let seed: u64 = env("LAP_FUZZ_SEED").unwrap_or(0x1a9_5700_d105);
    let config = Config {
        cases,
        rng_seed: RngSeed::Fixed(seed),
        // The seed is the record; no regression files are written into the source tree.
        failure_persistence: None,
        max_shrink_iters: 200,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let strategy = (0..TEMPLATES.len(), prop::collection::vec(mutation(), 1..5));
    let started = Instant::now();
    let result = runner.run(&strategy, |(template, mutations)| {
        let mut bytes = TEMPLATES[template].text.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        run(&bytes)
    });
    if let Err(e) = result {
        panic!("{e}\n(seed {seed}; set LAP_FUZZ_SEED and LAP_FUZZ_CASES to repeat)");
    }
    eprintln!(
        "{cases} cases in {:?}: {} read as plans, {} exported",
        started.elapsed(),
        READ.load(Ordering::Relaxed),
        EXPORTED.load(Ordering::Relaxed)
    );
    if let Some(peak) = peak_bytes() {
        assert!(peak < MAX_PEAK_BYTES, "peak memory {peak} bytes");
    }
}

#[test]
fn mutations_stay_in_range() {
    let mut bytes = b"(a: [1, 2.5], b: \"x\")".to_vec();
    for m in [
        Mutation::Delete { at: 999, len: 50 },
        Mutation::Insert {
            at: usize::MAX,
            bytes: vec![0xff],
        },
        Mutation::Token { at: 3, token: 0 },
        Mutation::Duplicate {
            from: 5,
            len: 1000,
            at: 7,
        },
        Mutation::Number { nth: 1, value: 2 },
        Mutation::Repeat {
            from: 0,
            len: 3,
            times: usize::MAX,
        },
    ] {
        apply(&mut bytes, &m);
    }
    assert!(bytes.len() <= MAX_CASE_BYTES + 64, "{}", bytes.len());
}
