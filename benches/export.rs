//! PDF export time for the Sofia plan and generated plans of 100, 500 and 2,000 actions
//! (goals: Sofia under 150 ms, 2,000 actions under 3 s), and the peak memory of one export
//! (goal: under 300 MB), read from Linux's VmHWM after resetting it.

use std::hint::black_box;

use criterion::{Criterion, criterion_group};
use lap_studio::model::Plan;
use lap_studio::report::{self, Options};

fn plans() -> Vec<(String, Plan)> {
    let sofia = lap_studio::store::templates::find("sofia-open-cities")
        .and_then(|t| t.plan().ok())
        .expect("the Sofia template");
    let mut out = vec![("sofia".to_owned(), sofia)];
    for n in [100, 500, 2_000] {
        out.push((format!("{n}_actions"), lap_studio::synthetic::plan(n, 7)));
    }
    out
}

fn export_time(c: &mut Criterion) {
    let mut group = c.benchmark_group("export_pdf");
    group.sample_size(10);
    for (name, plan) in plans() {
        let opts = Options::for_plan(&plan);
        group.bench_function(&name, |b| {
            b.iter(|| {
                report::render(black_box(&plan), &opts, &|_| {})
                    .expect("renders")
                    .pages
            })
        });
    }
    group.finish();
}

/// Peak resident memory (kB) since the last reset, on Linux.
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

fn peak_memory() {
    println!("\npeak memory of one export (VmHWM, whole process):");
    for (name, plan) in plans() {
        // Writing 5 resets the peak to the current size (Linux 4.0+).
        let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
        let before = peak_kb();
        let pdf = report::render(&plan, &Options::for_plan(&plan), &|_| {}).expect("renders");
        match (reset, before, peak_kb()) {
            (true, Some(b), Some(p)) => println!(
                "  {name:<14} {:>6.1} MB peak ({:>5.1} MB above the start), {} pages, {} kB",
                p as f64 / 1024.0,
                p.saturating_sub(b) as f64 / 1024.0,
                pdf.pages,
                pdf.bytes.len() / 1024
            ),
            _ => println!("  {name:<14} not measurable on this system"),
        }
    }
}

criterion_group!(benches, export_time);

fn main() {
    benches();
    peak_memory();
    Criterion::default().configure_from_args().final_summary();
}
