//! The status of a generated 2,000-action plan with 5 monitoring rounds: every indicator, action
//! and objective judged as of the latest round, and the checks of the rounds (goal: the status
//! under 50 ms in a release build); and the progress report to the council on that plan and on
//! the Sofia sample, as HTML and as PDF (rendered in memory, not written).
//!
//! `cargo bench --bench monitoring`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use lap_studio::{analysis, synthetic};

fn monitoring(c: &mut Criterion) {
    let mut group = c.benchmark_group("monitoring");
    group.sample_size(20);
    let plan = synthetic::monitored(2_000, 5, 7);
    group.bench_function("status_2000_actions_5_rounds", |b| {
        b.iter(|| analysis::monitoring::status(black_box(&plan), None))
    });
    group.bench_function("check_2000_actions_5_rounds", |b| {
        b.iter(|| analysis::check(black_box(&plan)))
    });
    group.finish();
}

fn progress_report(c: &mut Criterion) {
    use lap_studio::model::Lang;
    use lap_studio::report::{layout::Paper, progress};
    let mut group = c.benchmark_group("progress_report");
    group.sample_size(10);
    let sofia = lap_studio::store::templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    let big = synthetic::monitored(2_000, 5, 7);
    for (name, plan) in [("sofia", &sofia), ("2000_actions_5_rounds", &big)] {
        group.bench_function(format!("html_{name}"), |b| {
            b.iter(|| {
                let p = progress::prepare(black_box(plan), None).unwrap();
                progress::html(&p, Lang::Bg)
            })
        });
        group.bench_function(format!("pdf_{name}"), |b| {
            b.iter(|| {
                let p = progress::prepare(black_box(plan), None).unwrap();
                progress::render(&p, Lang::Bg, Paper::A4).unwrap().pages
            })
        });
    }
    group.finish();
}

criterion_group!(benches, monitoring, progress_report);
criterion_main!(benches);
