//! Load + check of large plans (goal: a 2,000-action plan under 200 ms in a release build),
//! the other pure computations on the same plan, and the diff of two 20,000-action versions
//! (goal: under 1 s).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use lap_studio::analysis::diff;
use lap_studio::model::Money;
use lap_studio::{analysis, store, synthetic};

fn plan_files(c: &mut Criterion) {
    let mut group = c.benchmark_group("plan_files");
    group.sample_size(20);
    for n in [100usize, 2_000] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(format!("plan-{n}.ron"));
        let plan = synthetic::plan(n, 7);
        store::save(&path, &plan).expect("the plan saves");
        group.bench_function(format!("load_and_check_{n}_actions"), |b| {
            b.iter(|| {
                let plan = store::load(black_box(&path)).expect("the plan loads");
                black_box(analysis::check(&plan))
            })
        });
        if n == 2_000 {
            let text = store::to_ron(&plan);
            group.bench_function("parse_2000_actions", |b| {
                b.iter(|| store::parse(black_box(&text), Path::new("p.ron")).expect("parses"))
            });
            group.bench_function("check_2000_actions", |b| {
                b.iter(|| analysis::check(black_box(&plan)))
            });
            group.bench_function("to_ron_2000_actions", |b| {
                b.iter(|| store::to_ron(black_box(&plan)))
            });
            group.bench_function("save_2000_actions", |b| {
                b.iter(|| store::save(&path, black_box(&plan)).expect("saves"))
            });
            group.bench_function("budget_timeline_openness_2000_actions", |b| {
                b.iter(|| {
                    let p = black_box(&plan);
                    (
                        analysis::budget(p),
                        analysis::timeline(p),
                        analysis::openness_index(p),
                    )
                })
            });
        }
    }
    // Two versions of a 20,000-action plan: every action moved, one renamed, one removed, one
    // funding amount changed.
    let old = synthetic::plan(20_000, 7);
    let mut new = old.clone();
    new.actions.rotate_left(1);
    new.actions[100].title.push_str(" (revised)");
    new.actions[200].funding[0].amount += Money::from_units(1);
    new.actions.pop();
    group.bench_function("diff_20000_actions", |b| {
        b.iter(|| diff::diff(black_box(&old), black_box(&new)))
    });
    group.finish();
}

criterion_group!(benches, plan_files);
criterion_main!(benches);
