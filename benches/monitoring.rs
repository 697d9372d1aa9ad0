//! The status of a generated 2,000-action plan with 5 monitoring rounds: every indicator, action
//! and objective judged as of the latest round, and the checks of the rounds (goal: the status
//! under 50 ms in a release build).
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

criterion_group!(benches, monitoring);
criterion_main!(benches);
