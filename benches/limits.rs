//! `lap-studio check` on files at the limits of a plan file (src/store/limits.rs), each in a
//! fresh process: its time and peak memory (Linux VmHWM). Goal: any file the loader accepts is
//! checked in under 10 s and 1 GB on the project's 2-core machine (release build).
//!
//! `cargo bench --bench limits` prints one line per file.

use std::fmt::Write as _;
use std::time::Instant;

use clap::Parser;
use lap_studio::store::limits::{MAX_ACTIONS, MAX_CITIES, MAX_OPENNESS_AREAS};

/// A file's text: `(format_version: 4, actions: [...])` with `n` actions of `body(i)`.
fn actions(n: usize, body: impl Fn(usize) -> String) -> String {
    let mut s = String::from("(format_version: 4, actions: [\n");
    for i in 0..n {
        let _ = writeln!(s, "(id: \"A-{i}\"{}),", body(i));
    }
    s.push_str("])\n");
    s
}

fn list(n: usize, item: &str) -> String {
    vec![item; n].join(",")
}

/// The files: a name, what it is, and its text.
fn cases() -> Vec<(&'static str, &'static str, String)> {
    let generated = lap_studio::store::to_ron(&lap_studio::synthetic::plan(MAX_ACTIONS, 7));
    let funding = format!(", funding: [{}]", list(499, "()"));
    let refs = format!(", risks: [{}]", list(99, "\"x\""));
    let partners = format!(", partners: [{}]", list(499, "\"a\""));
    let title = format!(", title: \"{}\"", "x".repeat(100_000));
    let mut openness = String::from("(format_version: 4, openness: (cities: [\n");
    for c in 0..MAX_CITIES {
        let _ = writeln!(openness, "(id: \"C-{c}\", name: \"City {c}\"),");
    }
    openness.push_str("], areas: [\n");
    for a in 0..MAX_OPENNESS_AREAS {
        let inds: Vec<String> = (0..MAX_OPENNESS_AREAS)
            .map(|k| format!("(id: \"OI-{a}-{k}\", weight: 1.0)"))
            .collect();
        let _ = writeln!(
            openness,
            "(id: \"OA-{a}\", weight: 1.0, indicators: [{}]),",
            inds.join(",")
        );
    }
    openness.push_str("], values: [\n");
    for c in 0..MAX_CITIES {
        for k in 0..200 {
            let _ = writeln!(
                openness,
                "(city: \"C-{c}\", indicator: \"OI-{}-{}\", value: {}.0),",
                k % 100,
                k / 100 * 50,
                (c * 7 + k) % 100
            );
        }
    }
    openness.push_str("]))\n");
    vec![
        (
            "generated",
            "a generated plan of 10,000 actions, every link filled",
            generated,
        ),
        (
            "empty_actions",
            "10,000 actions with nothing but an id",
            actions(MAX_ACTIONS, |_| String::new()),
        ),
        (
            "funding_lines",
            "2,000 actions × 499 empty funding lines (1 million items)",
            actions(2_000, |_| funding.clone()),
        ),
        (
            "dangling_refs",
            "10,000 actions × 99 references to a missing risk",
            actions(MAX_ACTIONS, |_| refs.clone()),
        ),
        (
            "tiny_texts",
            "2,000 actions × 499 one-letter partners",
            actions(2_000, |_| partners.clone()),
        ),
        (
            "long_titles",
            "600 actions with titles of 100,000 characters (60 MB)",
            actions(600, |_| title.clone()),
        ),
        (
            "dependency_circles",
            "10,000 actions, each depending on the next and on the first",
            actions(MAX_ACTIONS, |i| {
                format!(
                    ", start: Some(\"2025-05\"), depends_on: [\"A-{}\", \"A-0\"]",
                    (i + 1) % MAX_ACTIONS
                )
            }),
        ),
        (
            "openness",
            "500 cities, 100 areas × 100 indicators, 100,000 values",
            openness,
        ),
        (
            "refused_million_actions",
            "1,000,000 tiny actions (16 MB): refused, past the limit",
            actions(1_000_000, |_| String::new()),
        ),
    ]
}

/// Peak resident memory (kB) of this process, on Linux.
fn peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

const FILE_VAR: &str = "LAP_LIMITS_FILE";

/// The child's side: `lap-studio check FILE`, output discarded; prints seconds, peak kB and
/// the exit code.
fn child(path: &str) {
    let started = Instant::now();
    let cli = lap_studio::cli::Cli::parse_from(["lap-studio", "check", path]);
    let code = match lap_studio::cli::run(cli, &mut std::io::sink()) {
        Ok(c) if c == std::process::ExitCode::SUCCESS => 0,
        Ok(_) => 1,
        Err(_) => 2,
    };
    println!(
        "{:.3} {} {code}",
        started.elapsed().as_secs_f64(),
        peak_kb().unwrap_or(0)
    );
}

fn main() {
    if let Ok(path) = std::env::var(FILE_VAR) {
        return child(&path);
    }
    let exe = std::env::current_exe().expect("the bench binary");
    let dir = tempfile::tempdir().expect("a temporary folder");
    println!(
        "`check` of files at the limits, each in a fresh process (time, peak memory, exit code):"
    );
    for (name, what, text) in cases() {
        let path = dir.path().join(format!("{name}.ron"));
        std::fs::write(&path, &text).expect("the file is written");
        let size = text.len();
        drop(text);
        let out = std::process::Command::new(&exe)
            .env(FILE_VAR, &path)
            .output()
            .expect("the child runs");
        let fields: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        match fields.as_slice() {
            [secs, kb, code] => println!(
                "  {name:<24} {:>6.1} MB file  {secs:>7} s  {:>7.1} MB peak  exit {code}  ({what})",
                size as f64 / 1e6,
                kb.parse::<f64>().unwrap_or(0.0) / 1024.0
            ),
            _ => println!(
                "  {name:<24} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ),
        }
        let _ = std::fs::remove_file(&path);
    }
}
