//! The whole `lap-studio export` process against headless Chromium printing the project's own
//! HTML of the same plan, side by side in one run (goal: at least 40× faster, tagging on), and
//! the whole process for a generated plan of 2,000 actions (goals: under 1.5 s and 250 MB).
//!
//! Run with `cargo bench --bench versus_browser`. The browser is `$LAP_CHROMIUM`, else the
//! first of `chromium`, `chromium-browser`, `google-chrome` on the PATH; without one, only our
//! side is measured. Rounds alternate the two sides, so that a busy machine slows both alike.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const ROUNDS: usize = 7;
/// Our side is quick: several runs per round, so its median is not one scheduler's whim.
const OURS_PER_ROUND: usize = 5;

fn exe() -> &'static str {
    env!("CARGO_BIN_EXE_lap-studio")
}

fn run(cmd: &mut Command) -> Duration {
    let start = Instant::now();
    let out = cmd.output().expect("the command starts");
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    took
}

fn export(plan: &Path, out: &Path) -> Command {
    let mut c = Command::new(exe());
    c.arg("export").arg(plan).arg("-o").arg(out);
    c
}

fn browser() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("LAP_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
        .find(|p| p.is_file())
}

fn print_to_pdf(browser: &Path, html: &Path, pdf: &Path, profile: &Path) -> Command {
    let mut c = Command::new(browser);
    c.args([
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--no-pdf-header-footer",
        "--no-first-run",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .arg(format!("--print-to-pdf={}", pdf.display()))
    .arg(format!("file://{}", html.display()));
    c
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Runs a command to its end, sampling its peak resident memory (Linux's VmHWM, which only
/// grows) every millisecond: the time and the last sample, in kB.
fn run_sampling_memory(cmd: &mut Command) -> (Duration, u64) {
    let start = Instant::now();
    let mut child = cmd
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("the command starts");
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Some(kb) = std::fs::read_to_string(&status).ok().and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))?
                .split_whitespace()
                .nth(1)?
                .parse::<u64>()
                .ok()
        }) {
            peak = peak.max(kb);
        }
        if let Some(exit) = child.try_wait().expect("waits") {
            assert!(exit.success(), "{cmd:?} failed");
            return (start.elapsed(), peak);
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    // `cargo bench` passes --bench; a filter that names neither side skips the run.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if !filter.is_empty() && !filter.iter().any(|f| "versus_browser".contains(f.as_str())) {
        return;
    }
    let dir = std::env::temp_dir().join(format!("lap-versus-browser-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");

    let big = dir.join("2000-actions.lap.ron");
    lap_studio::store::save(&big, &lap_studio::synthetic::plan(2_000, 7)).expect("saved");
    let big_pdf = dir.join("2000-actions.pdf");
    let (big_times, big_peaks): (Vec<Duration>, Vec<u64>) = (0..4)
        .map(|_| run_sampling_memory(&mut export(&big, &big_pdf)))
        .unzip();
    let big_peak = big_peaks.into_iter().max().unwrap_or(0);

    let sofia = Path::new(env!("CARGO_MANIFEST_DIR")).join("plan-templates/sofia-open-cities.ron");
    let ours_pdf = dir.join("sofia.pdf");
    let html = dir.join("sofia.html");
    let mut html_cmd = export(&sofia, &html);
    html_cmd.args(["--format", "html"]);
    run(&mut html_cmd);
    let browser = browser();
    let theirs_pdf = dir.join("sofia-chromium.pdf");
    let profile = dir.join("chromium-profile");

    // One warm-up each (file cache, the browser's first start).
    run(&mut export(&sofia, &ours_pdf));
    if let Some(b) = &browser {
        run(&mut print_to_pdf(b, &html, &theirs_pdf, &profile));
    }
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for _ in 0..ROUNDS {
        for _ in 0..OURS_PER_ROUND {
            ours.push(run(&mut export(&sofia, &ours_pdf)));
        }
        if let Some(b) = &browser {
            theirs.push(run(&mut print_to_pdf(b, &html, &theirs_pdf, &profile)));
        }
    }
    let ours_median = median(ours.clone());
    let size = std::fs::metadata(&ours_pdf).map_or(0, |m| m.len());
    println!(
        "sofia, lap-studio export (whole process): median {:.1} ms, best {:.1} ms over {} runs; PDF {} bytes",
        ms(ours_median),
        ms(*ours.iter().min().unwrap()),
        ours.len(),
        size
    );
    match &browser {
        Some(b) => {
            let theirs_median = median(theirs.clone());
            println!(
                "sofia, {} --headless --print-to-pdf of the HTML export: median {:.1} ms over {} runs",
                b.display(),
                ms(theirs_median),
                theirs.len()
            );
            println!(
                "ratio: {:.1}× (goal: at least 40×)",
                theirs_median.as_secs_f64() / ours_median.as_secs_f64()
            );
        }
        None => println!("no Chromium found (set LAP_CHROMIUM): the browser side is not measured"),
    }
    println!(
        "2,000 actions, lap-studio export (whole process): median {:.0} ms over {} runs, peak {:.0} MB (goals: under 1,500 ms and 250 MB; memory sampled every ms)",
        ms(median(big_times.clone())),
        big_times.len(),
        big_peak as f64 / 1024.0
    );
    let _ = std::fs::remove_dir_all(&dir);
}
