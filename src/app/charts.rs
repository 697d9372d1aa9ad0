//! Pictures where a planner would rather look: the timeline of actions, the budget by source,
//! the openness profile, completeness, and the risk matrix.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2};
use egui_plot::{Bar, BarChart, Legend, Plot};

use crate::analysis::Report;
use crate::analysis::budget::Budget;
use crate::analysis::openness::OpennessIndex;
use crate::analysis::timeline as gantt;
use crate::app::steps::money_text;
use crate::i18n::{tr, tr_args};
use crate::model::{Lang, Plan, Scale5};

/// A palette that tells objectives apart in both themes.
pub const PALETTE: [Color32; 8] = [
    Color32::from_rgb(31, 119, 180),
    Color32::from_rgb(255, 127, 14),
    Color32::from_rgb(44, 160, 44),
    Color32::from_rgb(214, 39, 40),
    Color32::from_rgb(148, 103, 189),
    Color32::from_rgb(140, 86, 75),
    Color32::from_rgb(227, 119, 194),
    Color32::from_rgb(23, 190, 207),
];

/// Colour of an objective by its position.
pub fn objective_color(index: Option<usize>) -> Color32 {
    index.map_or(Color32::GRAY, |i| PALETTE[i % PALETTE.len()])
}

/// The Gantt chart of all actions by month, coloured by objective. Only the visible rows are
/// painted. Returns the id of an action that was clicked.
pub fn timeline(ui: &mut Ui, lang: Lang, plan: &Plan) -> Option<String> {
    let t = gantt::timeline(plan);
    let Some((first, last)) = t.range else {
        ui.weak(tr(lang, "timeline-empty"));
        return None;
    };
    // Legend: objectives and their colours.
    ui.horizontal_wrapped(|ui| {
        for (i, o) in plan.objectives.iter().enumerate() {
            let (r, _) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
            ui.painter().rect_filled(r, 2.0, objective_color(Some(i)));
            ui.label(if o.code.is_empty() {
                o.title.clone()
            } else {
                o.code.clone()
            });
        }
    });
    if !t.unscheduled.is_empty() {
        ui.colored_label(
            Color32::from_rgb(190, 120, 0),
            tr_args(
                lang,
                "timeline-unscheduled",
                &[("n", t.unscheduled.len().into())],
            ),
        );
    }
    let months = first.months_through(last).max(1) as f32;
    let label_w = 280.0;
    let row_h = 18.0;
    let mut clicked = None;
    // Year ruler.
    let width = ui.available_width().max(label_w + 200.0);
    let (ruler, _) = ui.allocate_exact_size(Vec2::new(width, 18.0), Sense::hover());
    let chart_w = width - label_w - 8.0;
    let x_of = |ym: crate::model::YearMonth| {
        ruler.left() + label_w + (ym.index() - first.index()) as f32 / months * chart_w
    };
    let text_color = ui.visuals().text_color();
    let grid = ui.visuals().weak_text_color().gamma_multiply(0.4);
    for year in first.year()..=last.year() {
        let Some(jan) = crate::model::YearMonth::new(year, 1) else {
            continue;
        };
        let x = x_of(jan.max(first));
        ui.painter().text(
            Pos2::new(x + 2.0, ruler.center().y),
            Align2::LEFT_CENTER,
            year.to_string(),
            FontId::proportional(12.0),
            text_color,
        );
    }
    egui::ScrollArea::vertical()
        .id_salt("timeline")
        .auto_shrink([false, false])
        .show_rows(ui, row_h, t.rows.len(), |ui, range| {
            for row in &t.rows[range] {
                let (rect, resp) = ui.allocate_exact_size(Vec2::new(width, row_h), Sense::click());
                let p = ui.painter_at(rect);
                let label = format!("{} {}", row.code, row.title);
                p.text(
                    Pos2::new(rect.left(), rect.center().y),
                    Align2::LEFT_CENTER,
                    truncate(&label, 42),
                    FontId::proportional(12.0),
                    text_color,
                );
                for year in first.year()..=last.year() {
                    if let Some(jan) = crate::model::YearMonth::new(year, 1)
                        && jan > first
                    {
                        let x = x_of(jan);
                        p.line_segment(
                            [Pos2::new(x, rect.top()), Pos2::new(x, rect.bottom())],
                            Stroke::new(1.0, grid),
                        );
                    }
                }
                let x0 = x_of(row.start);
                let x1 = x_of(row.end.plus_months(1)).max(x0 + 3.0);
                let bar = Rect::from_min_max(
                    Pos2::new(x0, rect.top() + 3.0),
                    Pos2::new(x1, rect.bottom() - 3.0),
                );
                p.rect_filled(bar, 3.0, objective_color(row.objective_index));
                if resp.hovered() {
                    p.rect_stroke(bar, 3.0, Stroke::new(1.5, text_color), StrokeKind::Outside);
                }
                let resp = resp.on_hover_text(format!(
                    "{label}\n{} – {}\n{}",
                    row.start,
                    row.end,
                    row.status.label(lang)
                ));
                if resp.clicked() {
                    clicked = Some(row.action.to_string());
                }
            }
        });
    clicked
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// Budget by funding source: secured and potential stacked, with the total cost and the gap.
pub fn budget_chart(ui: &mut Ui, lang: Lang, plan: &Plan, b: &Budget) {
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{}: {}",
            tr(lang, "total-cost"),
            money_text(lang, plan, b.total_cost)
        ));
        ui.label(format!(
            "{}: {}",
            tr(lang, "secured"),
            money_text(lang, plan, b.secured)
        ));
        ui.label(format!(
            "{}: {}",
            tr(lang, "potential"),
            money_text(lang, plan, b.potential)
        ));
        let gap_color = if b.gap.cents() > 0 {
            Color32::from_rgb(200, 40, 40)
        } else {
            ui.visuals().text_color()
        };
        ui.colored_label(
            gap_color,
            format!("{}: {}", tr(lang, "gap"), money_text(lang, plan, b.gap)),
        );
    });
    let thousands = |m: crate::model::Money| m.as_f64() / 1000.0;
    let secured: Vec<Bar> = b
        .by_source
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Bar::new(i as f64, thousands(s.secured))
                .name(s.source.label(lang))
                .width(0.6)
        })
        .collect();
    let potential: Vec<Bar> = b
        .by_source
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Bar::new(i as f64, thousands(s.potential))
                .name(s.source.label(lang))
                .width(0.6)
        })
        .collect();
    let secured = BarChart::new(tr(lang, "secured"), secured).color(Color32::from_rgb(44, 160, 44));
    let potential = BarChart::new(tr(lang, "potential"), potential)
        .color(Color32::from_rgb(255, 187, 60))
        .stack_on(&[&secured]);
    let names: Vec<String> = b
        .by_source
        .iter()
        .map(|s| s.source.label(lang).to_owned())
        .collect();
    Plot::new("budget-by-source")
        .height(190.0)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .y_axis_label(tr(lang, "thousands"))
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |p| {
            p.bar_chart(secured);
            p.bar_chart(potential);
        });
}

/// The openness profile: each area's score for every city, side by side.
pub fn openness_profile(ui: &mut Ui, lang: Lang, idx: &OpennessIndex) {
    let n = idx.cities.len().max(1) as f64;
    let w = 0.8 / n;
    let charts: Vec<BarChart> = idx
        .cities
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let bars = c
                .areas
                .iter()
                .enumerate()
                .filter_map(|(a, s)| {
                    Some(
                        Bar::new(a as f64 + 1.0 - 0.4 + w * (k as f64 + 0.5), (*s)?)
                            .width(w * 0.95)
                            .name(&idx.areas[a].1),
                    )
                })
                .collect();
            let color = if c.home {
                Color32::from_rgb(214, 39, 40)
            } else {
                PALETTE[(k + 1) % PALETTE.len()].gamma_multiply(0.8)
            };
            BarChart::new(c.name.clone(), bars).color(color)
        })
        .collect();
    ui.label(tr(lang, "openness-profile"));
    Plot::new("openness-profile")
        .height(240.0)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(100.0)
        .show(ui, |p| {
            for c in charts {
                p.bar_chart(c);
            }
        });
    ui.horizontal_wrapped(|ui| {
        for (i, (_, name)) in idx.areas.iter().enumerate() {
            ui.weak(format!("{} {name}", i + 1));
        }
    });
}

/// Completeness of each step as bars.
pub fn completeness(ui: &mut Ui, lang: Lang, report: &Report) {
    ui.strong(tr(lang, "completeness-title"));
    egui::Grid::new("completeness").show(ui, |ui| {
        for (s, pc) in &report.completeness {
            ui.label(s.label(lang));
            ui.add(
                egui::ProgressBar::new(f32::from(*pc) / 100.0)
                    .desired_width(200.0)
                    .text(format!("{pc}%")),
            );
            ui.end_row();
        }
    });
}

/// Colour of a risk score (likelihood × impact, 1–25).
pub fn risk_color(score: u32) -> Color32 {
    match score {
        0..=4 => Color32::from_rgb(44, 160, 44),
        5..=9 => Color32::from_rgb(230, 180, 30),
        10..=14 => Color32::from_rgb(240, 120, 20),
        _ => Color32::from_rgb(200, 40, 40),
    }
}

/// The risk matrix: how many risks in each cell of likelihood × impact.
pub fn risk_matrix(ui: &mut Ui, lang: Lang, plan: &Plan) {
    ui.strong(tr(lang, "risk-matrix"));
    let cell = 34.0;
    let (rect, _) =
        ui.allocate_exact_size(Vec2::new(cell * 6.0 + 90.0, cell * 6.0), Sense::hover());
    let p = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    let origin = Pos2::new(rect.left() + 90.0, rect.top());
    for (li, l) in Scale5::ALL.iter().enumerate().rev() {
        let y = origin.y + (4 - li) as f32 * cell;
        p.text(
            Pos2::new(rect.left() + 86.0, y + cell / 2.0),
            Align2::RIGHT_CENTER,
            l.label(lang),
            FontId::proportional(11.0),
            text,
        );
        for (ii, i) in Scale5::ALL.iter().enumerate() {
            let r = Rect::from_min_size(
                Pos2::new(origin.x + ii as f32 * cell, y),
                Vec2::splat(cell - 2.0),
            );
            let score = u32::from(l.score()) * u32::from(i.score());
            p.rect_filled(r, 3.0, risk_color(score).gamma_multiply(0.55));
            let n = plan
                .risks
                .iter()
                .filter(|x| x.likelihood == *l && x.impact == *i)
                .count();
            if n > 0 {
                p.text(
                    r.center(),
                    Align2::CENTER_CENTER,
                    n.to_string(),
                    FontId::proportional(15.0),
                    Color32::BLACK,
                );
            }
        }
    }
    let y = origin.y + 5.0 * cell;
    p.text(
        Pos2::new(origin.x + 2.5 * cell, y + 10.0),
        Align2::CENTER_CENTER,
        tr(lang, "risk-axes"),
        FontId::proportional(11.0),
        text,
    );
}
