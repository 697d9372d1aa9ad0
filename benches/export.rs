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

/// The child's side: build one plan, export it once, print the process's peak memory.
const CASE_VAR: &str = "LAP_EXPORT_MEMORY_CASE";

fn memory_case(name: &str) {
    if let Some((_, plan)) = plans().into_iter().find(|(n, _)| n == name) {
        let pdf = report::render(&plan, &Options::for_plan(&plan), &|_| {}).expect("renders");
        println!(
            "{} {} {}",
            peak_kb().unwrap_or(0),
            pdf.pages,
            pdf.bytes.len()
        );
    }
}

/// Each export in a fresh process, so one case's memory does not hide another's.
fn peak_memory() {
    println!(
        "\npeak memory of one export (VmHWM of a fresh process that builds the plan and exports it):"
    );
    let exe = std::env::current_exe().expect("the bench binary");
    for (name, _) in plans() {
        let out = std::process::Command::new(&exe)
            .env(CASE_VAR, &name)
            .output();
        let fields: Vec<u64> = out
            .map(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .split_whitespace()
                    .filter_map(|x| x.parse().ok())
                    .collect()
            })
            .unwrap_or_default();
        match fields.as_slice() {
            [kb, pages, bytes] if *kb > 0 => println!(
                "  {name:<14} {:>6.1} MB peak, {pages} pages, {} kB",
                *kb as f64 / 1024.0,
                bytes / 1024
            ),
            _ => println!("  {name:<14} not measurable on this system"),
        }
    }
}

criterion_group!(benches, export_time);

fn main() {
    if let Ok(name) = std::env::var(CASE_VAR) {
        return memory_case(&name);
    }
    benches();
    peak_memory();
    Criterion::default().configure_from_args().final_summary();
}
