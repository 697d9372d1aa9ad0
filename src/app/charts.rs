//! Pictures where a planner would rather look: the timeline of actions, the budget by source,
//! the openness profile, completeness, and the risk matrix.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2};
use egui_plot::{Bar, BarChart, Legend, Plot};

use crate::analysis::Report;
use crate::analysis::budget::{Budget, Figure};
use crate::analysis::openness::{OpennessIndex, OpennessTrend};
use crate::analysis::timeline as gantt;
use crate::app::theme;
use crate::i18n::{tr, tr_args};
use crate::model::{Lang, Money, Plan, Scale5};

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
            theme::WARNING,
            tr_args(
                lang,
                "timeline-unscheduled",
                &[("n", t.unscheduled.len().into())],
            ),
        );
    }
    let months = first.months_through(last).max(1) as f32;
    // Labels take a share of the room, so the bars keep most of it in a small window too.
    let width = ui.available_width().max(240.0);
    let label_w = (width * 0.32).clamp(90.0, 280.0);
    let label_chars = (label_w / 6.6) as usize;
    let row_h = 18.0;
    let mut clicked = None;
    // Year ruler.
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
                    truncate(&label, label_chars.max(8)),
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
                    "{label}\n{}\n{}",
                    crate::model::format::month_range(lang, Some(row.start), Some(row.end)),
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

/// Budget by funding source: one row per source, secured and potential stacked, the amount at
/// the end; then the gap, the cost no funding line covers.
pub fn budget_chart(ui: &mut Ui, lang: Lang, plan: &Plan, b: &Budget) {
    let secured_color = theme::SECURED;
    let potential_color = theme::POTENTIAL;
    let gap_color = theme::ERROR;
    ui.horizontal_wrapped(|ui| {
        for (figure, text) in b.headline(lang, &plan.facts.currency) {
            let label = format!("{}: {text}", tr(lang, figure.key()));
            match figure {
                Figure::Secured => legend_chip(ui, secured_color, &label),
                Figure::Potential => legend_chip(ui, potential_color, &label),
                Figure::Uncovered => {
                    ui.colored_label(gap_color, label);
                }
                Figure::Cost | Figure::Unsecured => {
                    ui.label(label);
                }
            }
        }
    });
    let max = b
        .by_source
        .iter()
        .map(|s| s.total())
        .chain([b.gap])
        .max()
        .unwrap_or_default()
        .as_f64()
        .max(1.0);
    let rows: Vec<(String, Money, Money, Color32)> = b
        .chart_rows()
        .into_iter()
        .map(|(source, secured, potential)| match source {
            Some(s) => (
                s.label(lang).to_owned(),
                secured,
                potential,
                potential_color,
            ),
            None => (
                tr(lang, Figure::Uncovered.key()),
                secured,
                potential,
                gap_color,
            ),
        })
        .collect();
    let text = ui.visuals().text_color();
    let row_h = 18.0;
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(
        Vec2::new(width, row_h * rows.len() as f32 + 4.0),
        Sense::hover(),
    );
    let p = ui.painter_at(rect);
    let label_w = 190.0;
    let amount_w = 150.0;
    let bar_w = (width - label_w - amount_w).max(40.0);
    for (i, (name, secured, potential, color)) in rows.iter().enumerate() {
        let y = rect.top() + i as f32 * row_h;
        let mid = y + row_h / 2.0;
        p.text(
            Pos2::new(rect.left(), mid),
            Align2::LEFT_CENTER,
            name,
            FontId::proportional(12.0),
            text,
        );
        let x0 = rect.left() + label_w;
        // Floats only for the bar lengths; the amounts shown stay exact.
        let ws = (secured.as_f64() / max) as f32 * bar_w;
        let wp = (potential.as_f64() / max) as f32 * bar_w;
        p.rect_filled(
            Rect::from_min_size(Pos2::new(x0, y + 3.0), Vec2::new(ws, row_h - 6.0)),
            2.0,
            secured_color,
        );
        p.rect_filled(
            Rect::from_min_size(Pos2::new(x0 + ws, y + 3.0), Vec2::new(wp, row_h - 6.0)),
            2.0,
            *color,
        );
        p.text(
            Pos2::new(rect.right(), mid),
            Align2::RIGHT_CENTER,
            plan.money_text(lang, *secured + *potential),
            FontId::proportional(12.0),
            text,
        );
    }
}

fn legend_chip(ui: &mut Ui, color: Color32, text: &str) {
    let (r, _) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
    ui.painter().rect_filled(r, 2.0, color);
    ui.label(text);
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
            // Red is kept for the plan's own city.
            const OTHERS: [usize; 7] = [0, 1, 2, 4, 5, 6, 7];
            let color = if c.home {
                PALETTE[3]
            } else {
                PALETTE[OTHERS[k % OTHERS.len()]]
            };
            BarChart::new(c.name.clone(), bars).color(color)
        })
        .collect();
    // The plan's own city is marked on every area, so a score of 0 (the weakest of the compared
    // cities) is seen, not hidden as a bar of no height.
    let home: Vec<[f64; 2]> = idx
        .cities
        .iter()
        .enumerate()
        .filter(|(_, c)| c.home)
        .flat_map(|(k, c)| {
            c.areas.iter().enumerate().filter_map(move |(a, s)| {
                Some([a as f64 + 1.0 - 0.4 + w * (k as f64 + 0.5), (*s)?])
            })
        })
        .collect();
    let home_name = idx.cities.iter().find(|c| c.home).map(|c| c.name.clone());
    ui.label(tr(lang, "openness-profile"));
    still_plot(ui, "openness-profile", 240.0)
        .x_axis_label(tr(lang, "axis-openness-area"))
        .y_axis_label(tr(lang, "axis-openness-score"))
        .x_axis_formatter(|mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 1.0 {
                format!("{i}")
            } else {
                String::new()
            }
        })
        .show(ui, |p| {
            for c in charts {
                p.bar_chart(c);
            }
            if let Some(name) = home_name {
                p.points(
                    // Under the city's own name, so the legend shows (and toggles) it once.
                    egui_plot::Points::new(name, home)
                        .shape(egui_plot::MarkerShape::Diamond)
                        .radius(5.0)
                        .color(PALETTE[3]),
                );
            }
        });
    ui.horizontal_wrapped(|ui| {
        for (i, (_, name)) in idx.areas.iter().enumerate() {
            ui.weak(format!("{} {name}", i + 1));
        }
    });
}

/// An openness plot as wide as the panel, with a legend, that does not pan or zoom (the
/// scores are read, not explored), from 0 to at least 100, a grid line per whole unit on x.
fn still_plot(ui: &Ui, id: &str, height: f32) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        .width(ui.available_width())
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(100.0)
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
}

/// The trend: each city's overall index over the years, one line each (a gap where a year has
/// no score); the plan's own city in red and thicker.
pub fn openness_trend(ui: &mut Ui, lang: Lang, trend: &OpennessTrend) {
    const OTHERS: [usize; 7] = [0, 1, 2, 4, 5, 6, 7];
    let cities = trend.overall();
    ui.label(tr(lang, "openness-trend-chart"));
    still_plot(ui, "openness-trend", 220.0)
        .x_axis_label(tr(lang, "axis-year"))
        .y_axis_label(tr(lang, "axis-openness-index"))
        .x_axis_formatter(year_mark)
        .y_axis_formatter(move |mark, _| crate::model::format::decimal_up_to(lang, mark.value, 1))
        .show(ui, |p| {
            for (k, (_, name, home, scores)) in cities.iter().enumerate() {
                let color = if *home {
                    PALETTE[3]
                } else {
                    PALETTE[OTHERS[k % OTHERS.len()]]
                };
                let points: Vec<[f64; 2]> = trend
                    .years
                    .iter()
                    .zip(scores)
                    .filter_map(|(y, s)| Some([f64::from(*y), (*s)?]))
                    .collect();
                p.points(
                    egui_plot::Points::new(name.clone(), points.clone())
                        .radius(if *home { 5.0 } else { 3.5 })
                        .color(color),
                );
                p.line(
                    egui_plot::Line::new(name.clone(), points)
                        .width(if *home { 3.0 } else { 1.5 })
                        .color(color),
                );
            }
        });
}

/// A grid mark on an axis of years: whole years only, written without grouping.
fn year_mark(mark: egui_plot::GridMark, _: &std::ops::RangeInclusive<f64>) -> String {
    let i = mark.value.round();
    if (mark.value - i).abs() < 1e-6 {
        format!("{i}")
    } else {
        String::new()
    }
}

/// Completeness of each step as bars.
pub fn completeness(ui: &mut Ui, lang: Lang, report: &Report) {
    ui.strong(tr(lang, "completeness-title"));
    // Bars as wide as there is room beside the step names.
    let bar_w = (ui.available_width() * 0.45).clamp(60.0, 200.0);
    egui::Grid::new("completeness").show(ui, |ui| {
        for (s, pc) in &report.completeness {
            ui.label(s.label(lang));
            ui.add(
                egui::ProgressBar::new(f32::from(*pc) / 100.0)
                    .desired_width(bar_w)
                    .text(crate::model::format::percent(lang, f64::from(*pc), 0)),
            )
            .on_hover_text(tr(lang, "completeness-help"));
            ui.end_row();
        }
    });
}

/// Colour of a risk score (likelihood × impact, 1–25).
pub fn risk_color(score: u32) -> Color32 {
    match score {
        0..=4 => theme::SECURED,
        5..=9 => theme::RISK_MEDIUM,
        10..=14 => theme::RISK_HIGH,
        _ => theme::ERROR,
    }
}

/// The risk matrix: how many risks in each cell of likelihood (rows, very high at the top) ×
/// impact (columns, very low on the left), both axes named and labelled; the cell of the
/// `selected` risk is outlined.
pub fn risk_matrix(ui: &mut Ui, lang: Lang, plan: &Plan, selected: Option<&str>) {
    ui.strong(tr(lang, "risk-matrix"));
    let label_w = 96.0;
    // Cells as wide as the room allows, so the column labels can be read.
    let cell = ((ui.available_width() - label_w - 24.0) / 5.0).clamp(30.0, 70.0);
    let size = Vec2::new(label_w + 24.0 + cell * 5.0, cell * 5.0 + 44.0);
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let p = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    let small = FontId::proportional(10.5);
    let origin = Pos2::new(rect.left() + 24.0 + label_w, rect.top());
    // The row axis's name, written upwards beside the row labels.
    let title = p.layout_no_wrap(tr(lang, "risk-axis-likelihood"), small.clone(), text);
    let mut shape = egui::epaint::TextShape::new(
        Pos2::new(
            rect.left() + 2.0,
            origin.y + cell * 2.5 + title.size().x / 2.0,
        ),
        title,
        text,
    );
    shape.angle = -std::f32::consts::FRAC_PI_2;
    p.add(shape);
    let sel = selected.and_then(|id| plan.risks.iter().find(|r| r.id.as_str() == id));
    for (li, l) in Scale5::ALL.iter().enumerate().rev() {
        let y = origin.y + (4 - li) as f32 * cell;
        p.text(
            Pos2::new(origin.x - 4.0, y + cell / 2.0),
            Align2::RIGHT_CENTER,
            l.label(lang),
            small.clone(),
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
            if sel.is_some_and(|x| x.likelihood == *l && x.impact == *i) {
                p.rect_stroke(r, 3.0, Stroke::new(3.0, text), StrokeKind::Inside);
            }
        }
    }
    // Column labels, wrapped to the cell, then the column axis's name.
    let y = origin.y + 5.0 * cell + 2.0;
    for (ii, i) in Scale5::ALL.iter().enumerate() {
        let galley = p.layout(i.label(lang).to_owned(), small.clone(), text, cell - 2.0);
        let x = origin.x + ii as f32 * cell + (cell - 2.0 - galley.size().x) / 2.0;
        p.galley(Pos2::new(x, y), galley, text);
    }
    p.text(
        Pos2::new(origin.x + 2.5 * cell, rect.bottom() - 6.0),
        Align2::CENTER_CENTER,
        tr(lang, "risk-axis-impact"),
        small,
        text,
    );
}

/// A hover text for each point of each named series, looked up by the plot's hover.
type HoverTexts = std::collections::HashMap<String, Vec<String>>;

/// A monitoring plot as wide as the panel, with a legend, that does not pan or zoom; years on
/// x (a year's value at its end), numbers on y and the hover in `lang`.
fn monitoring_plot(
    id: &str,
    height: f32,
    lang: Lang,
    width: f32,
    y_axis: String,
    hover: HoverTexts,
) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        .width(width)
        // Top left: a rising line leaves that corner free.
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .x_axis_label(tr(lang, "axis-year-end"))
        .y_axis_label(y_axis)
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        .x_axis_formatter(year_mark)
        .y_axis_formatter(move |mark, _| crate::model::format::decimal_up_to(lang, mark.value, 2))
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name, index, ..
            } => hover.get(*plot_name).and_then(|v| v.get(*index)).cloned(),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
}

/// An indicator over time: its baseline and targets joined by the straight lines the status
/// judges against, and the values the rounds up to `round` reported.
pub fn indicator_over_time(
    ui: &mut Ui,
    lang: Lang,
    plan: &Plan,
    ind: &crate::model::Indicator,
    round: Option<&crate::model::MonitoringRoundId>,
) {
    use crate::analysis::trends;
    use crate::model::format::{date, decimal_up_to};
    let (planned, reported) = trends::indicator(plan, ind, round);
    if planned.is_empty() && reported.is_empty() {
        ui.weak(tr(lang, "chart-no-data"));
        return;
    }
    let value = |v: f64| format!("{} {}", decimal_up_to(lang, v, 2), ind.unit);
    let planned_name = tr(lang, "chart-planned");
    let reported_name = tr(lang, "chart-reported");
    let mut hover = HoverTexts::new();
    hover.insert(
        planned_name.clone(),
        planned
            .iter()
            .map(|p| {
                let key = if p.baseline {
                    "chart-hover-baseline"
                } else {
                    "chart-hover-target"
                };
                tr_args(
                    lang,
                    key,
                    &[
                        ("year", p.year.to_string().into()),
                        ("value", value(p.value).into()),
                    ],
                )
            })
            .collect(),
    );
    hover.insert(
        reported_name.clone(),
        reported
            .iter()
            .map(|p| {
                tr_args(
                    lang,
                    "chart-hover-reported",
                    &[
                        ("date", date(lang, p.date).into()),
                        ("value", value(p.value).into()),
                        ("source", p.source.clone().into()),
                        ("round", p.round.to_string().into()),
                    ],
                )
            })
            .collect(),
    );
    let path: Vec<[f64; 2]> = planned
        .iter()
        .map(|p| [f64::from(p.year), p.value])
        .collect();
    let values: Vec<[f64; 2]> = reported
        .iter()
        .map(|p| [trends::x_of(p.date), p.value])
        .collect();
    let y_axis = tr_args(
        lang,
        "axis-value-unit",
        &[("unit", ind.unit.clone().into())],
    );
    let id = format!("monitoring-indicator-{}", ind.id);
    monitoring_plot(&id, 220.0, lang, ui.available_width(), y_axis, hover).show(ui, |p| {
        p.line(
            egui_plot::Line::new(planned_name.clone(), path.clone())
                .color(theme::POTENTIAL)
                .style(egui_plot::LineStyle::dashed_loose())
                .width(2.0),
        );
        p.points(
            egui_plot::Points::new(planned_name, path)
                .shape(egui_plot::MarkerShape::Diamond)
                .radius(4.0)
                .color(theme::POTENTIAL),
        );
        p.line(
            egui_plot::Line::new(reported_name.clone(), values.clone())
                .color(PALETTE[3])
                .width(2.5),
        );
        p.points(
            egui_plot::Points::new(reported_name, values)
                .radius(5.0)
                .color(PALETTE[3]),
        );
    });
}

/// Spent to date at each round against the budget, per funding source: a line of spend and a
/// dashed line at the budget in the source's colour, one legend entry for both, with the total
/// above.
pub fn spend_over_time(
    ui: &mut Ui,
    lang: Lang,
    plan: &Plan,
    round: Option<&crate::model::MonitoringRoundId>,
) {
    use crate::analysis::trends;
    use crate::model::format::{date, percent};
    let sources = trends::spend(plan, round);
    let budget: Money = sources.iter().map(|s| s.budget).sum();
    let spent: Money = sources
        .iter()
        .filter_map(|s| s.spent.last().map(|(_, m)| *m))
        .sum();
    if sources.iter().all(|s| s.spent.is_empty()) {
        ui.weak(tr(lang, "chart-no-spend"));
        return;
    }
    let share = if budget == Money::ZERO {
        "—".to_owned()
    } else {
        percent(lang, spent.as_f64() / budget.as_f64() * 100.0, 1)
    };
    ui.label(tr_args(
        lang,
        "chart-spend-total",
        &[
            ("spent", plan.money_text(lang, spent).into()),
            ("budget", plan.money_text(lang, budget).into()),
            ("share", share.into()),
        ],
    ));
    // The budget lines run from the first round (or the plan's start) to the plan's end.
    let dates = sources.iter().flat_map(|s| s.spent.iter().map(|(d, _)| *d));
    let first = dates.clone().min();
    let last = dates.max();
    let period = plan.period();
    let from = period
        .and_then(|(s, _)| crate::model::Date::new(s.year(), s.month(), 1))
        .or(first)
        .map_or(0.0, trends::x_of);
    let to = period
        .and_then(|(_, e)| {
            crate::model::Date::new(
                e.year(),
                e.month(),
                crate::model::calendar::days_in_month(e.year(), e.month()),
            )
        })
        .or(last)
        .map_or(0.0, trends::x_of);
    let mut hover = HoverTexts::new();
    let mut series = Vec::new();
    for (k, s) in sources.iter().enumerate() {
        let name = s.source.label(lang);
        // The spend's points are hovered; the budget line, of the same name, is not.
        hover.insert(
            name.to_owned(),
            s.spent
                .iter()
                .map(|(d, m)| {
                    tr_args(
                        lang,
                        "chart-hover-spent",
                        &[
                            ("source", name.into()),
                            ("date", date(lang, *d).into()),
                            ("amount", plan.money_text(lang, *m).into()),
                            ("budget", plan.money_text(lang, s.budget).into()),
                        ],
                    )
                })
                .collect(),
        );
        let points: Vec<[f64; 2]> = s
            .spent
            .iter()
            .map(|(d, m)| [trends::x_of(*d), m.as_f64()])
            .collect();
        let line = vec![[from, s.budget.as_f64()], [to, s.budget.as_f64()]];
        series.push((PALETTE[k % PALETTE.len()], name, points, line));
    }
    ui.weak(tr(lang, "chart-spend-how"));
    let y_axis = tr_args(
        lang,
        "axis-money",
        &[("currency", plan.facts.currency.clone().into())],
    );
    monitoring_plot(
        "monitoring-spend",
        280.0,
        lang,
        ui.available_width(),
        y_axis,
        hover,
    )
    .include_y(0.0)
    .show(ui, |p| {
        for (color, name, points, line) in series {
            p.line(
                egui_plot::Line::new(name, line)
                    .color(color)
                    .style(egui_plot::LineStyle::dashed_loose())
                    .allow_hover(false),
            );
            p.line(
                egui_plot::Line::new(name, points.clone())
                    .color(color)
                    .width(2.5),
            );
            p.points(
                egui_plot::Points::new(name, points)
                    .radius(4.0)
                    .color(color),
            );
        }
    });
}
