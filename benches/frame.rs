//! CPU time of one frame of the app on a generated 2,000-action plan: the Actions step (list and
//! editor) and the timeline. Goal: median under 4 ms in a release build. Layout, painting and
//! tessellation are included; only the GPU upload is not.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, Vec2};
use lap_studio::app::steps::ActionsView;
use lap_studio::app::{LapApp, Settings};
use lap_studio::model::{ItemPath, Lang, Section};

fn input(frame: u32) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1400.0, 900.0))),
        time: Some(100.0 + f64::from(frame) / 60.0),
        ..RawInput::default()
    }
}

fn frame_benches(c: &mut Criterion) {
    let plan = lap_studio::synthetic::plan(2_000, 7);
    let mut group = c.benchmark_group("frame_2000_actions");
    for (name, view) in [
        ("actions_list", ActionsView::List),
        ("timeline", ActionsView::Timeline),
    ] {
        let ctx = egui::Context::default();
        let settings = Settings {
            lang: Lang::Bg,
            ..Settings::default()
        };
        let mut app = LapApp::new(plan.clone(), None, settings, None);
        app.go_to(&ItemPath::item(Section::Actions, "A-1000"));
        app.set_actions_view(view);
        // Warm up: fonts, atlas, caches, the checks' report.
        let mut frame = 0;
        for _ in 0..5 {
            let out = ctx.run_ui(input(frame), |ui| app.show(ui));
            let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
            frame += 1;
        }
        group.bench_function(name, |b| {
            b.iter(|| {
                frame += 1;
                let out = ctx.run_ui(input(frame), |ui| app.show(ui));
                black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frame_benches);
criterion_main!(benches);
