//! The report's charts — the Gantt chart, the budget by source, the risk matrix, the openness
//! profile and its trend over the years — drawn so that they read in greyscale (fills differ in lightness and pattern, not
//! only in hue), each with a numbered caption and a text alternative: one or two sentences with
//! the key numbers ([`alt_text`]), which the report prints under the chart and the accessible
//! PDF can attach to the figure.

use std::cell::Cell;

use printpdf::{Line, LinePoint, Op, PaintMode, Point, Pt, Rect, TextItem, TextMatrix};

use crate::analysis;
use crate::i18n::{FluentArg, tr_args};
use crate::model::*;

use super::fonts::Face;
use super::layout::{GREY, INK, Layout, Rgb3, Style};
use super::tables::{short, t};

/// The charts of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    /// Actions by month, coloured by strategic objective.
    Gantt,
    /// Secured and potential money by source.
    Budget,
    /// Risks by likelihood and impact.
    RiskMatrix,
    /// Openness scores of every compared city by area.
    Openness,
    /// The overall openness index of every compared city over the years.
    Trend,
}

impl Chart {
    /// Every chart, in report order.
    pub const ALL: [Chart; 5] = [
        Chart::Gantt,
        Chart::Budget,
        Chart::RiskMatrix,
        Chart::Openness,
        Chart::Trend,
    ];
}

/// What the chart shows, in a few words (the caption after "Figure n.").
pub fn caption(lang: Lang, chart: Chart) -> String {
    t(
        lang,
        match chart {
            Chart::Gantt => "chart-caption-gantt",
            Chart::Budget => "chart-caption-budget",
            Chart::RiskMatrix => "chart-caption-risks",
            Chart::Openness => "chart-caption-openness",
            Chart::Trend => "pdf-trend-caption",
        },
    )
}

/// The chart's text alternative: one or two sentences with its key numbers, in `lang`.
pub fn alt_text(plan: &Plan, lang: Lang, chart: Chart) -> String {
    match chart {
        Chart::Gantt => gantt_alt(plan, lang),
        Chart::Budget => budget_alt(plan, lang),
        Chart::RiskMatrix => risk_alt(plan, lang),
        Chart::Openness => openness_alt(&analysis::openness_index(plan), lang),
        Chart::Trend => openness_trend_alt(&analysis::openness::trend(&plan.openness), lang),
    }
}

fn text(s: impl Into<String>) -> FluentArg {
    FluentArg::Text(s.into())
}

/// A count as two arguments: `n` to choose the plural form by, `count` to print, written as
/// `lang` writes numbers.
fn counted(lang: Lang, k: usize) -> [(&'static str, FluentArg); 2] {
    [
        ("n", k.into()),
        ("count", text(format::integer(lang, k as u64))),
    ]
}

fn gantt_alt(plan: &Plan, lang: Lang) -> String {
    let tl = analysis::timeline(plan);
    let objectives = tl
        .rows
        .iter()
        .filter_map(|r| r.objective_index)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let mut out = match tl.range {
        Some((first, last)) => {
            let mut args = counted(lang, tl.rows.len()).to_vec();
            args.extend([
                ("objectives", objectives.into()),
                (
                    "objectives_count",
                    text(format::integer(lang, objectives as u64)),
                ),
                ("from", text(format::month(lang, first))),
                ("to", text(format::month(lang, last))),
            ]);
            tr_args(lang, "chart-alt-gantt", &args)
        }
        None => t(lang, "chart-alt-gantt-none"),
    };
    if let Some(long) = tl
        .rows
        .iter()
        .max_by_key(|r| (r.start.months_through(r.end), std::cmp::Reverse(r.start)))
    {
        let months = usize::try_from(long.start.months_through(long.end)).unwrap_or(0);
        let mut args = counted(lang, months).to_vec();
        args.push(("code", text(short(&long.code))));
        out.push(' ');
        out.push_str(&tr_args(lang, "chart-alt-gantt-longest", &args));
    }
    if !tl.unscheduled.is_empty() {
        out.push(' ');
        out.push_str(&tr_args(
            lang,
            "timeline-unscheduled",
            &[("n", tl.unscheduled.len().into())],
        ));
    }
    out
}

fn budget_alt(plan: &Plan, lang: Lang) -> String {
    let b = analysis::budget(plan);
    let money = |m: Money| text(plan.money_text(lang, m));
    let mut out = tr_args(
        lang,
        "chart-alt-budget",
        &[
            ("cost", money(b.total_cost)),
            ("secured", money(b.secured)),
            (
                "share",
                text(format::percent(lang, b.secured_share_percent(), 1)),
            ),
            ("potential", money(b.potential)),
            ("unsecured", money(b.unsecured)),
        ],
    );
    if let Some((source, s, p)) = b
        .chart_rows()
        .into_iter()
        .filter_map(|(s, a, b)| Some((s?, a, b)))
        .max_by_key(|(_, s, p)| (*s + *p).cents())
    {
        out.push(' ');
        out.push_str(&tr_args(
            lang,
            "chart-alt-budget-largest",
            &[
                ("source", text(source.label(lang))),
                ("amount", money(s + p)),
            ],
        ));
    }
    out
}

/// The code of the `i`-th risk (0-based) as the matrix and the register print it: R1, R2… (Р1
/// in Bulgarian).
pub fn risk_code(lang: Lang, i: usize) -> String {
    tr_args(
        lang,
        "chart-risk-code",
        &[("n", text(format::integer(lang, i as u64 + 1)))],
    )
}

fn risk_alt(plan: &Plan, lang: Lang) -> String {
    let high: Vec<String> = plan
        .risks
        .iter()
        .enumerate()
        .filter(|(_, r)| r.likelihood.score() * r.impact.score() >= 15)
        .map(|(i, _)| risk_code(lang, i))
        .collect();
    let medium = plan
        .risks
        .iter()
        .filter(|r| (10..15).contains(&(r.likelihood.score() * r.impact.score())))
        .count();
    let high_text = if high.is_empty() {
        t(lang, "chart-alt-risks-no-high")
    } else {
        let mut args = counted(lang, high.len()).to_vec();
        args.push(("codes", text(high.join(", "))));
        tr_args(lang, "chart-alt-risks-high", &args)
    };
    let mut args = counted(lang, plan.risks.len()).to_vec();
    args.extend([
        ("high", text(high_text)),
        ("medium", text(format::integer(lang, medium as u64))),
    ]);
    tr_args(lang, "chart-alt-risks", &args)
}

/// The text alternative of the trend: the plan's own city's overall index in the first and the
/// last year, and its place among the cities in each.
pub fn openness_trend_alt(trend: &analysis::openness::OpennessTrend, lang: Lang) -> String {
    let cities = trend.overall();
    let Some((_, name, _, scores)) = cities.iter().find(|c| c.2) else {
        return t(lang, "chart-no-home");
    };
    let place = |i: usize| -> Option<(f64, usize, usize)> {
        let own = scores.get(i).copied().flatten()?;
        let all: Vec<f64> = cities.iter().filter_map(|c| c.3[i]).collect();
        let rank = 1 + all.iter().filter(|x| **x > own).count();
        Some((own, rank, all.len()))
    };
    let scored: Vec<usize> = (0..trend.years.len())
        .filter(|i| place(*i).is_some())
        .collect();
    let city = || ("city", text(short(name)));
    let (Some(first), Some(last)) = (scored.first(), scored.last()) else {
        return tr_args(lang, "chart-alt-no-index", &[city()]);
    };
    let say = |i: usize| {
        let (v, rank, n) = place(i).unwrap_or_default();
        text(tr_args(
            lang,
            "chart-alt-trend-year",
            &[
                ("value", text(format::decimal(lang, v, 1))),
                // A year is written as it is, never grouped.
                ("year", text(trend.years[i].to_string())),
                ("rank", text(format::integer(lang, rank as u64))),
                ("count", text(format::integer(lang, n as u64))),
            ],
        ))
    };
    let method = ("method", text(trend.method.label(lang)));
    if first == last {
        tr_args(
            lang,
            "chart-alt-trend-one",
            &[city(), ("first", say(*first)), method],
        )
    } else {
        tr_args(
            lang,
            "chart-alt-trend",
            &[city(), ("first", say(*first)), ("last", say(*last)), method],
        )
    }
}

/// The text alternative of the openness profile.
pub fn openness_alt(idx: &analysis::OpennessIndex, lang: Lang) -> String {
    let Some(home) = idx.home() else {
        return t(lang, "chart-no-home");
    };
    let score = |v: f64| text(format::decimal(lang, v, 1));
    let city = || ("city", text(short(&home.name)));
    let mut out = match home.overall {
        Some(o) => {
            let rank = 1 + idx
                .cities
                .iter()
                .filter(|c| c.overall.is_some_and(|x| x > o))
                .count();
            let n = idx.cities.iter().filter(|c| c.overall.is_some()).count();
            tr_args(
                lang,
                "chart-alt-openness",
                &[
                    city(),
                    ("value", score(o)),
                    ("method", text(idx.method.label(lang))),
                    ("rank", text(format::integer(lang, rank as u64))),
                    ("count", text(format::integer(lang, n as u64))),
                ],
            )
        }
        None => tr_args(lang, "chart-alt-no-index", &[city()]),
    };
    let scored: Vec<(String, f64)> = idx
        .areas
        .iter()
        .zip(&home.areas)
        .filter_map(|((_, name), s)| Some((short(name), (*s)?)))
        .collect();
    let best = scored.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    let worst = scored.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    if let (Some(b), Some(w)) = (best, worst) {
        out.push(' ');
        out.push_str(&tr_args(
            lang,
            "chart-alt-openness-areas",
            &[
                ("best", text(b.0.clone())),
                ("best_score", score(b.1)),
                ("worst", text(w.0.clone())),
                ("worst_score", score(w.1)),
            ],
        ));
    }
    out
}

thread_local! {
    /// The number of the last figure of the report being laid out.
    static FIGURE: Cell<usize> = const { Cell::new(0) };
}

/// Starts numbering figures from 1 (at the start of a report's body).
pub fn restart_figures() {
    FIGURE.with(|f| f.set(0));
}

/// "Figure n. What it shows." and the chart's text alternative, under the chart.
pub fn caption_below(l: &mut Layout<'_>, plan: &Plan, lang: Lang, chart: Chart) {
    let n = FIGURE.with(|f| {
        f.set(f.get() + 1);
        f.get()
    });
    let head = tr_args(lang, "pdf-figure", &[("n", n.into())]);
    let style = Style::SMALL;
    // The text alternative is the app's wording, in the labels' language: the figure's own,
    // made when it began (the openness charts' take their index's time to make).
    let alt = l
        .figure_alt()
        .map(str::to_owned)
        .unwrap_or_else(|| alt_text(plan, lang, chart));
    // The chart ends here; its caption follows it.
    l.end_figure();
    l.begin("Caption");
    l.space(4.0);
    l.ensure(style.line_height() * 3.0);
    l.label_paragraph(
        style.bold(),
        &format!("{head} {}", caption(lang, chart)),
        0.0,
    );
    l.label_paragraph(style.italic().color(GREY), &alt, 0.0);
    l.end();
    l.space(8.0);
}

// ---- Fills that read in greyscale -------------------------------------------------------

/// A pattern laid over a fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// Plain.
    Solid,
    /// Lines rising to the right.
    Diagonal,
    /// Vertical lines.
    Vertical,
    /// Horizontal lines.
    Horizontal,
}

/// A fill: a colour of a set lightness and a pattern.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fill {
    /// The colour.
    pub color: Rgb3,
    /// The pattern over it.
    pub pattern: Pattern,
}

/// Luminance as a greyscale conversion sees it (ITU-R BT.601, as `pdftoppm -gray` and most
/// printers use).
pub fn luminance(c: Rgb3) -> f32 {
    0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]
}

/// `c` made darker or lighter until its luminance is `y` (0–1), keeping its hue.
fn with_luminance(c: Rgb3, y: f32) -> Rgb3 {
    let y0 = luminance(c).max(1e-4);
    if y <= y0 {
        c.map(|v| v * y / y0)
    } else {
        let k = (y - y0) / (1.0 - y0).max(1e-4);
        c.map(|v| v + (1.0 - v) * k)
    }
}

/// Hues of the objectives' colours (fully saturated).
const HUES: [Rgb3; 5] = [
    [0.12, 0.47, 0.71],
    [0.84, 0.37, 0.0],
    [0.17, 0.55, 0.17],
    [0.58, 0.30, 0.74],
    [0.75, 0.15, 0.20],
];

/// Lightness steps: five greys a printer keeps apart.
const LIGHTNESS: [f32; 5] = [0.28, 0.72, 0.45, 0.86, 0.60];

/// How many fills [`series_fill`] gives before one repeats.
pub const DISTINCT_FILLS: usize = 20;

/// The fill of series `i` (an objective): twenty fills, each with its own pair of lightness and
/// pattern, so no two of the first twenty look alike in greyscale (and their hues differ too).
pub fn series_fill(i: usize) -> Fill {
    let i = i % DISTINCT_FILLS;
    let light = LIGHTNESS[i % 5];
    let pattern = [
        Pattern::Solid,
        Pattern::Diagonal,
        Pattern::Vertical,
        Pattern::Horizontal,
    ][i / 5];
    // The hue turns with both steps, so neighbours differ in colour as well.
    let hue = HUES[(i + i / 5) % HUES.len()];
    Fill {
        color: with_luminance(hue, light),
        pattern,
    }
}

/// Points of the current page: positions from the top, turned into PDF coordinates.
fn pt(l: &Layout<'_>, x: f32, top: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(l.page.1 - top),
        },
        bezier: false,
    }
}

fn push(l: &mut Layout<'_>, op: Op) {
    l.mark_drawing();
    if let Some(page) = l.pages.last_mut() {
        page.push(op);
    }
}

/// A straight line from (x0, y0) to (x1, y1), positions from the top.
pub fn line(l: &mut Layout<'_>, a: (f32, f32), b: (f32, f32), color: Rgb3, width: f32) {
    l.mark_drawing();
    l.set_stroke(color, width);
    let line = Line {
        points: vec![pt(l, a.0, a.1), pt(l, b.0, b.1)],
        is_closed: false,
    };
    push(l, Op::DrawLine { line });
}

/// The outline of a rectangle.
pub fn stroke_rect(l: &mut Layout<'_>, x: f32, top: f32, w: f32, h: f32, color: Rgb3, width: f32) {
    l.mark_drawing();
    l.set_stroke(color, width);
    let ph = l.page.1;
    push(
        l,
        Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(ph - top - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(PaintMode::Stroke),
                winding_order: None,
            },
        },
    );
}

/// A rectangle in `fill`: its colour, then its pattern in a line colour that stands out from it.
pub fn fill_rect(l: &mut Layout<'_>, x: f32, top: f32, w: f32, h: f32, fill: Fill) {
    if w <= 0.0 || h <= 0.0 {
        return;
    }
    l.fill_rect(x, top, w, h, fill.color);
    let ink: Rgb3 = if luminance(fill.color) > 0.55 {
        [0.15, 0.15, 0.15]
    } else {
        [1.0, 1.0, 1.0]
    };
    let lw = 0.6;
    let step = 3.0;
    match fill.pattern {
        Pattern::Solid => {}
        Pattern::Vertical => {
            let mut px = x + step / 2.0;
            while px < x + w {
                line(l, (px, top), (px, top + h), ink, lw);
                px += step;
            }
        }
        Pattern::Horizontal => {
            let mut py = top + step / 2.0;
            while py < top + h {
                line(l, (x, py), (x + w, py), ink, lw);
                py += step;
            }
        }
        Pattern::Diagonal => {
            // Lines from the bottom edge rising at 45°, clipped to the rectangle.
            let mut a = x - h;
            while a < x + w {
                let t0 = ((x - a) / h).max(0.0);
                let t1 = ((x + w - a) / h).min(1.0);
                if t1 > t0 {
                    let p = |t: f32| (a + t * h, top + h - t * h);
                    line(l, p(t0), p(t1), ink, lw);
                }
                a += step * 1.4;
            }
        }
    }
}

/// Writes `text` turned 90° (reading upwards) with its left end at (x, bottom).
fn put_text_up(l: &mut Layout<'_>, x: f32, bottom: f32, style: Style, text: &str) {
    let font = l.font(style.face);
    let y = l.page.1 - bottom;
    l.mark_text();
    for op in [
        Op::StartTextSection,
        Op::SetFont {
            font: printpdf::PdfFontHandle::External(font),
            size: Pt(style.size),
        },
        Op::SetFillColor {
            col: super::layout::rgb(style.color),
        },
        Op::SetTextMatrix {
            matrix: TextMatrix::TranslateRotate(Pt(x), Pt(y), 90.0),
        },
        Op::ShowText {
            items: vec![TextItem::Text(text.to_owned())],
        },
        Op::EndTextSection,
    ] {
        push(l, op);
    }
    // The page's font and colour changed behind the layout's back.
    l.forget_state();
}

// ---- The Gantt chart --------------------------------------------------------------------

/// Short names of the quarters: Q1 (I in Bulgarian).
fn quarter_label(lang: Lang, q: u8) -> String {
    tr_args(lang, "chart-quarter", &[("q", usize::from(q).into())])
}

/// The Gantt chart: a wrapped label column, year bands, quarter and month ticks, bars shaded by
/// objective (see [`series_fill`]), and the legend again on every page it continues on.
pub fn gantt(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    let tl = analysis::timeline(plan);
    let Some((first, last)) = tl.range else {
        l.label_paragraph(Style::BODY.italic().color(GREY), &t(lang, "pdf-empty"), 0.0);
        return;
    };
    // Whole years, so the bands and quarters are whole.
    let first = YearMonth::new(first.year(), 1).unwrap_or(first);
    let last = YearMonth::new(last.year(), 12).unwrap_or(last);
    let small = Style::SMALL.size(7.0);
    let label_w = 200.0;
    let x0 = l.left() + label_w;
    let chart_w = l.width() - label_w;
    let months = first.months_through(last).max(1) as f32;
    let x_of = |ym: YearMonth| x0 + (ym.index() - first.index()) as f32 / months * chart_w;
    let objectives: Vec<(usize, String)> = plan
        .objectives
        .iter()
        .enumerate()
        .filter(|(i, _)| tl.rows.iter().any(|r| r.objective_index == Some(*i)))
        .map(|(i, o)| (i, format!("{} {}", short(&o.code), short(&o.title))))
        .collect();
    let no_objective = tl.rows.iter().any(|r| r.objective_index.is_none());
    let legend = |l: &mut Layout<'_>, continued: bool| {
        if continued {
            l.paragraph(
                small.italic().color(GREY),
                &t(lang, "pdf-gantt-legend-continued"),
                0.0,
            );
        }
        // Two columns, each entry up to two lines.
        let col_w = (l.width() - 12.0) / 2.0;
        let entries: Vec<(Fill, String)> = objectives
            .iter()
            .map(|(i, text)| (series_fill(*i), text.clone()))
            .chain(no_objective.then(|| {
                (
                    Fill {
                        color: [0.75, 0.75, 0.75],
                        pattern: Pattern::Solid,
                    },
                    t(lang, "chart-no-objective"),
                )
            }))
            .collect();
        for pair in entries.chunks(2) {
            let wrapped: Vec<Vec<String>> = pair
                .iter()
                .map(|(_, text)| {
                    let clean = l.clean(small.face, text);
                    l.wrap_lines(small, &clean, col_w - 20.0, 2).0
                })
                .collect();
            let h = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f32 * small.line_height();
            l.ensure(h + 2.0);
            let y = l.y;
            for (k, ((fill, _), lines)) in pair.iter().zip(&wrapped).enumerate() {
                let x = l.left() + k as f32 * (col_w + 12.0);
                fill_rect(l, x, y + 0.5, 14.0, 7.0, *fill);
                stroke_rect(l, x, y + 0.5, 14.0, 7.0, GREY, 0.3);
                for (j, line) in lines.iter().enumerate() {
                    l.put_text(x + 19.0, y + j as f32 * small.line_height(), small, line);
                }
            }
            l.y += h + 2.0;
        }
        l.space(6.0);
    };
    // Year band labels and quarter labels above the rows.
    let head_h = 2.0 * small.line_height() + 4.0;
    let header = |l: &mut Layout<'_>| {
        let y = l.y;
        for year in first.year()..=last.year() {
            let (Some(jan), Some(next)) = (YearMonth::new(year, 1), YearMonth::new(year + 1, 1))
            else {
                continue;
            };
            let (xa, xb) = (x_of(jan), x_of(next));
            let label = year.to_string();
            let w = l.text_width(small.bold(), &label);
            l.put_text((xa + xb - w) / 2.0, y, small.bold(), &label);
            for q in 1..=4u8 {
                let Some(qm) = YearMonth::new(year, (q - 1) * 3 + 1) else {
                    continue;
                };
                let qa = x_of(qm);
                let qb = x_of(qm.plus_months(3));
                let label = quarter_label(lang, q);
                let st = small.size(6.0).color(GREY);
                let w = l.text_width(st, &label);
                if w < qb - qa {
                    l.put_text(
                        (qa + qb - w) / 2.0,
                        y + small.line_height() + 1.0,
                        st,
                        &label,
                    );
                }
            }
        }
        l.y += head_h;
    };
    // The grid behind a block of rows from `top` to `bottom`: year bands, quarter and month
    // ticks.
    let grid = |l: &mut Layout<'_>, top: f32, bottom: f32| {
        for year in first.year()..=last.year() {
            let (Some(jan), Some(next)) = (YearMonth::new(year, 1), YearMonth::new(year + 1, 1))
            else {
                continue;
            };
            if (year - first.year()) % 2 == 0 {
                let (xa, xb) = (x_of(jan), x_of(next));
                l.fill_rect(
                    xa,
                    top - head_h,
                    xb - xa,
                    bottom - top + head_h,
                    [0.94, 0.94, 0.95],
                );
            }
        }
        let mut m = first;
        while m <= last {
            let x = x_of(m);
            // Years and quarters across the rows; months as ticks under the header.
            match m.month() {
                1 => line(l, (x, top - head_h), (x, bottom), [0.45, 0.45, 0.48], 0.6),
                4 | 7 | 10 => line(l, (x, top - 3.0), (x, bottom), [0.78, 0.78, 0.80], 0.35),
                _ => line(l, (x, top - 2.5), (x, top), [0.55, 0.55, 0.58], 0.3),
            }
            m = m.plus_months(1);
        }
        let xe = x_of(last.plus_months(1));
        line(l, (xe, top - head_h), (xe, bottom), [0.45, 0.45, 0.48], 0.6);
    };
    legend(l, false);
    let pad = 2.0;
    let row_h = |lines: usize| (lines as f32 * small.line_height() + 2.0 * pad).max(11.0);
    // Each row's wrapped label, measured once.
    let rows: Vec<(Vec<String>, &analysis::timeline::TimelineRow)> = tl
        .rows
        .iter()
        .map(|r| {
            let text = l.clean(
                small.face,
                &format!("{} {}", short(&r.code), short(&r.title)),
            );
            (l.wrap_lines(small, &text, label_w - 8.0, 3).0, r)
        })
        .collect();
    let first_h = rows.first().map_or(11.0, |(lines, _)| row_h(lines.len()));
    l.ensure(head_h + 3.0 * first_h);
    // Rows are drawn a page block at a time: first the grid of the block, then the bars.
    let mut i = 0;
    let mut continued = false;
    while i < rows.len() {
        if continued {
            l.new_page();
            legend(l, true);
        }
        let top = l.y + head_h;
        let room = l.room() - head_h;
        let mut end = i;
        let mut y = top;
        while end < rows.len() && y + row_h(rows[end].0.len()) <= top + room {
            y += row_h(rows[end].0.len());
            end += 1;
        }
        if end == i {
            // Not even one row fits under the legend: it takes what it needs.
            end = i + 1;
            y += row_h(rows[i].0.len());
        }
        // The caption goes with the last rows, never alone on a page.
        let caption_h = 5.0 * Style::SMALL.line_height() + 16.0;
        while end == rows.len() && end - i > 1 && y + caption_h > top + room {
            end -= 1;
            y -= row_h(rows[end].0.len());
        }
        // Rows a little taller when the block leaves much of the page empty (the last page
        // of the chart stays compact).
        let spare = if end < rows.len() || i > 0 {
            0.0
        } else {
            ((top + room - y) / (end - i) as f32 / 2.0).clamp(0.0, 4.0)
        };
        y += spare * (end - i) as f32;
        grid(l, top, y);
        header(l);
        let mut ry = top;
        for (k, (lines, r)) in rows[i..end].iter().enumerate() {
            let h = row_h(lines.len()) + spare;
            if k > 0 {
                line(l, (l.left(), ry), (x0, ry), [0.86, 0.86, 0.88], 0.25);
            }
            for (j, text) in lines.iter().enumerate() {
                l.put_text(
                    l.left(),
                    ry + pad + j as f32 * small.line_height(),
                    small,
                    text,
                );
            }
            let bx = x_of(r.start);
            let bw = (x_of(r.end.plus_months(1)) - bx).max(2.0);
            let fill = r.objective_index.map_or(
                Fill {
                    color: [0.75, 0.75, 0.75],
                    pattern: Pattern::Solid,
                },
                series_fill,
            );
            let bh = (h - 2.0 * pad).min(9.0);
            let by = ry + (h - bh) / 2.0;
            fill_rect(l, bx, by, bw, bh, fill);
            stroke_rect(l, bx, by, bw, bh, INK, 0.4);
            ry += h;
        }
        line(l, (l.left(), ry), (x0 + chart_w, ry), GREY, 0.4);
        l.y = ry + 2.0;
        i = end;
        continued = true;
    }
    if !tl.unscheduled.is_empty() {
        l.space(4.0);
        l.paragraph(
            small.italic(),
            &tr_args(
                lang,
                "timeline-unscheduled",
                &[("n", tl.unscheduled.len().into())],
            ),
            0.0,
        );
    }
    caption_below(l, plan, lang, Chart::Gantt);
}

// ---- The budget by source ---------------------------------------------------------------

/// Secured money: solid dark; potential: hatched light; uncovered cost: vertical lines.
const SECURED: Fill = Fill {
    color: [0.13, 0.42, 0.20],
    pattern: Pattern::Solid,
};
const POTENTIAL: Fill = Fill {
    color: [0.98, 0.78, 0.40],
    pattern: Pattern::Diagonal,
};
const UNCOVERED: Fill = Fill {
    color: [0.85, 0.45, 0.45],
    pattern: Pattern::Vertical,
};

/// Bars of secured and potential money by source, with the uncovered cost.
pub fn budget(l: &mut Layout<'_>, plan: &Plan, lang: Lang, b: &analysis::Budget) {
    let rows: Vec<(String, Money, Money, Fill)> = b
        .chart_rows()
        .into_iter()
        .map(|(source, secured, potential)| match source {
            Some(s) => (s.label(lang).to_owned(), secured, potential, POTENTIAL),
            None => (
                t(lang, analysis::budget::Figure::Uncovered.key()),
                secured,
                potential,
                UNCOVERED,
            ),
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    let row_h = 14.0;
    let small = Style::SMALL;
    l.ensure(rows.len() as f32 * row_h + 60.0);
    let y = l.y;
    let mut x = l.left();
    for (fill, key) in [(SECURED, "pdf-secured"), (POTENTIAL, "pdf-potential")] {
        fill_rect(l, x, y + 1.0, 14.0, 7.0, fill);
        stroke_rect(l, x, y + 1.0, 14.0, 7.0, GREY, 0.3);
        let text = t(lang, key);
        l.put_text(x + 18.0, y, small, &text);
        x += 30.0 + l.text_width(small, &text);
    }
    l.y += small.line_height() + 4.0;
    let max = rows
        .iter()
        .map(|r| (r.1 + r.2).as_f64())
        .fold(1.0, f64::max);
    let label_w = 130.0;
    let amount_w = 100.0;
    let bar_w = l.width() - label_w - amount_w;
    for (name, secured, potential, fill) in rows {
        let y = l.y;
        let name = super::fit(l, small, &l.clean(Face::Regular, &name), label_w - 6.0);
        l.put_text(l.left(), y + 1.0, small, &name);
        let x = l.left() + label_w;
        let ws = (secured.as_f64() / max) as f32 * bar_w;
        let wp = (potential.as_f64() / max) as f32 * bar_w;
        fill_rect(l, x, y + 2.0, ws, row_h - 5.0, SECURED);
        fill_rect(l, x + ws, y + 2.0, wp, row_h - 5.0, fill);
        if ws + wp > 0.0 {
            stroke_rect(l, x, y + 2.0, ws + wp, row_h - 5.0, INK, 0.3);
        }
        let text = plan.money_text(lang, secured + potential);
        let tw = l.text_width(small, &text);
        l.put_text(l.left() + l.width() - tw, y + 1.0, small, &text);
        l.y += row_h;
    }
    caption_below(l, plan, lang, Chart::Budget);
}

// ---- The risk matrix --------------------------------------------------------------------

/// A cell's fill by score: lighter for low, darker for high, so the zones read in greyscale.
fn risk_fill(score: u8) -> Rgb3 {
    let (hue, light) = match score {
        0..=4 => ([0.55, 0.80, 0.55], 0.93),
        5..=9 => ([0.97, 0.85, 0.35], 0.80),
        10..=14 => ([0.95, 0.55, 0.25], 0.60),
        _ => ([0.80, 0.15, 0.15], 0.36),
    };
    with_luminance(hue, light)
}

/// The risk matrix: likelihood up, impact across, both axes titled and labelled in full, and the
/// codes of the risks in their cells (the register lists them under the same codes).
pub fn risk_matrix(l: &mut Layout<'_>, plan: &Plan, lang: Lang) {
    let small = Style::SMALL;
    let label_w = 84.0;
    let axis_w = 14.0;
    let cols = 5.0;
    let cell_w = ((l.width() - label_w - axis_w) / cols).min(78.0);
    // Codes per cell, to size the rows.
    let mut cells: Vec<Vec<Vec<String>>> = vec![vec![Vec::new(); 5]; 5];
    for (i, r) in plan.risks.iter().enumerate() {
        let row = 5 - usize::from(r.likelihood.score());
        let col = usize::from(r.impact.score()) - 1;
        cells[row][col].push(risk_code(lang, i));
    }
    let code_style = Style {
        face: Face::Bold,
        size: 8.0,
        color: INK,
    };
    let cell_lines = |l: &Layout<'_>, codes: &[String]| -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for c in codes {
            match lines.last_mut() {
                Some(last) if l.text_width(code_style, &format!("{last}, {c}")) <= cell_w - 8.0 => {
                    last.push_str(", ");
                    last.push_str(c);
                }
                Some(last) => {
                    last.push(',');
                    lines.push(c.clone());
                }
                None => lines.push(c.clone()),
            }
        }
        lines
    };
    let row_heights: Vec<f32> = cells
        .iter()
        .map(|row| {
            row.iter()
                .map(|codes| cell_lines(l, codes).len() as f32 * code_style.line_height() + 10.0)
                .fold(30.0, f32::max)
        })
        .collect();
    let grid_h: f32 = row_heights.iter().sum();
    l.ensure(grid_h + 60.0);
    let top = l.y;
    let x0 = l.left() + axis_w + label_w;
    // The likelihood axis: title turned up beside the row labels.
    let title = t(lang, "pdf-likelihood");
    let tw = l.text_width(small.bold(), &title);
    put_text_up(
        l,
        l.left() + 8.0,
        top + grid_h / 2.0 + tw / 2.0,
        small.bold(),
        &title,
    );
    let mut y = top;
    for (row, lk) in Scale5::ALL.iter().rev().enumerate() {
        let h = row_heights[row];
        let label = l.clean(Face::Regular, lk.label(lang));
        let w = l.text_width(small, &label);
        l.put_text(x0 - w - 6.0, y + h / 2.0 - 5.0, small, &label);
        for (col, im) in Scale5::ALL.iter().enumerate() {
            let x = x0 + col as f32 * cell_w;
            let fill = risk_fill(lk.score() * im.score());
            l.fill_rect(x, y, cell_w - 2.0, h - 2.0, fill);
            let ink = if luminance(fill) < 0.5 {
                [1.0, 1.0, 1.0]
            } else {
                INK
            };
            let lines = cell_lines(l, &cells[row][col]);
            let block = lines.len() as f32 * code_style.line_height();
            for (j, text) in lines.iter().enumerate() {
                let st = code_style.color(ink);
                let w = l.text_width(st, text);
                l.put_text(
                    x + (cell_w - 2.0 - w) / 2.0,
                    y + (h - 2.0 - block) / 2.0 + j as f32 * code_style.line_height(),
                    st,
                    text,
                );
            }
        }
        y += h;
    }
    // The impact axis: labels in full under each column (wrapped), then its title.
    let mut label_h: f32 = 0.0;
    for (col, im) in Scale5::ALL.iter().enumerate() {
        let label = l.clean(Face::Regular, im.label(lang));
        let lines = l.wrap(small, &label, cell_w - 4.0);
        for (j, text) in lines.iter().enumerate() {
            let w = l.line_width(small, text);
            l.put_text(
                x0 + col as f32 * cell_w + (cell_w - 2.0 - w) / 2.0,
                y + 2.0 + j as f32 * small.line_height(),
                small,
                text,
            );
        }
        label_h = label_h.max(lines.len() as f32 * small.line_height());
    }
    let title = t(lang, "pdf-impact");
    let tw = l.text_width(small.bold(), &title);
    l.put_text(
        x0 + (5.0 * cell_w - tw) / 2.0,
        y + label_h + 4.0,
        small.bold(),
        &title,
    );
    l.y = y + label_h + small.line_height() + 8.0;
    caption_below(l, plan, lang, Chart::RiskMatrix);
}

// ---- The openness profile ---------------------------------------------------------------

/// Height of a city's bar and of an area's group of bars.
fn openness_bars(l: &Layout<'_>, idx: &analysis::OpennessIndex) -> (f32, f32) {
    let n = idx.cities.len() as f32;
    let bar_h = (5.0f32).min((l.page.1 - l.margins.2 - l.margins.3 - 60.0) / n.max(1.0));
    (bar_h, n * bar_h + 6.0)
}

/// What the openness profile keeps together: all of it when it fits on a page, else its legend
/// and first area.
pub fn openness_keep(l: &Layout<'_>, idx: &analysis::OpennessIndex) -> f32 {
    let line = Style::SMALL.size(7.0).line_height();
    let group_h = openness_bars(l, idx).1;
    let whole = 4.0 * line + idx.areas.len() as f32 * group_h + 30.0;
    if whole <= l.page.1 - l.margins.2 - l.margins.3 - 40.0 {
        whole
    } else {
        2.0 * line + group_h
    }
}

/// Each area a group of bars, one per city. The plan's own city is dark with its value written
/// beside its bar and a marker even at 0, so it never disappears; the others are light greys
/// and patterns. Relative scores show the average (100) as a line.
pub fn openness(l: &mut Layout<'_>, plan: &Plan, lang: Lang, idx: &analysis::OpennessIndex) {
    let small = Style::SMALL.size(7.0);
    let (bar_h, group_h) = openness_bars(l, idx);
    let label_w = 140.0;
    let value_w = 30.0;
    let chart_w = l.width() - label_w - value_w;
    let scale = idx.max_score().max(1.0) as f32;
    let home_fill = Fill {
        color: [0.55, 0.05, 0.10],
        pattern: Pattern::Solid,
    };
    // The other cities: light, told apart by pattern first, then by lightness.
    let others: Vec<Fill> = (0..idx.cities.len())
        .map(|k| Fill {
            color: with_luminance([0.20, 0.45, 0.70], [0.80, 0.66, 0.90, 0.72][(k / 4) % 4]),
            pattern: [
                Pattern::Solid,
                Pattern::Diagonal,
                Pattern::Vertical,
                Pattern::Horizontal,
            ][k % 4],
        })
        .collect();
    let fills: Vec<Fill> = idx
        .cities
        .iter()
        .zip(others)
        .map(|(c, f)| if c.home { home_fill } else { f })
        .collect();
    // The whole chart on one page when it can be.
    l.ensure(openness_keep(l, idx));
    // Legend, wrapped over as many lines as it needs.
    let mut x = l.left();
    for (c, fill) in idx.cities.iter().zip(&fills) {
        let name = super::fit(l, if c.home { small.bold() } else { small }, &c.name, 150.0);
        let w = 34.0 + l.text_width(small.bold(), &name);
        if x + w > l.left() + l.width() {
            l.y += small.line_height() + 2.0;
            x = l.left();
        }
        let y = l.y;
        fill_rect(l, x, y + 0.5, 14.0, 7.0, *fill);
        stroke_rect(l, x, y + 0.5, 14.0, 7.0, GREY, 0.3);
        let st = if c.home { small.bold() } else { small };
        l.put_text(x + 18.0, y, st, &name);
        x += w;
    }
    l.y += small.line_height() + 6.0;
    let x0 = l.left() + label_w;
    let x_of = |v: f64| x0 + (v.max(0.0) as f32 / scale) * chart_w;
    let relative = idx.method == OpennessMethod::RelativeToAverage;
    let home = idx.cities.iter().position(|c| c.home);
    let mut block_top = l.y;
    for (a, (_, name)) in idx.areas.iter().enumerate() {
        if l.room() < group_h {
            l.new_page();
            block_top = l.y;
        }
        let top = l.y;
        let clean = l.clean(small.face, name);
        let lines = l.wrap_lines(small, &clean, label_w - 8.0, 3).0;
        for (j, text) in lines.iter().enumerate() {
            l.put_text(
                l.left(),
                top + 2.0 + j as f32 * small.line_height(),
                small,
                text,
            );
        }
        for (k, (c, fill)) in idx.cities.iter().zip(&fills).enumerate() {
            let by = top + 3.0 + k as f32 * bar_h;
            match c.areas[a] {
                Some(v) => {
                    let w = (x_of(v) - x0).max(0.0);
                    fill_rect(l, x0, by, w, bar_h - 0.8, *fill);
                    if c.home {
                        // A visible mark even at 0, and the value.
                        let mark = w.max(1.5);
                        l.fill_rect(x0, by, mark, bar_h - 0.8, home_fill.color);
                        let text = format::decimal(lang, v, 0);
                        l.put_text(
                            x0 + mark + 2.0,
                            by + bar_h / 2.0 - 3.5,
                            small.size(6.0).bold(),
                            &text,
                        );
                    }
                }
                None if Some(k) == home => {
                    l.put_text(x0 + 2.0, by + bar_h / 2.0 - 3.5, small.size(6.0), "—");
                }
                None => {}
            }
        }
        line(
            l,
            (l.left(), top + group_h),
            (x0 + chart_w, top + group_h),
            [0.86, 0.86, 0.88],
            0.25,
        );
        l.y += group_h;
        // The axis and the average line for the block on this page, once its last group is in.
        let last_on_page = a + 1 == idx.areas.len() || l.room() < group_h;
        if last_on_page {
            line(l, (x0, block_top), (x0, l.y), GREY, 0.5);
            if relative {
                let xa = x_of(100.0);
                line(l, (xa, block_top), (xa, l.y), INK, 0.7);
            }
            let y = l.y + 1.0;
            let step = if scale > 150.0 { 50.0 } else { 25.0 };
            let mut v = 0.0;
            while v <= scale + 0.1 {
                let x = x_of(f64::from(v));
                line(l, (x, l.y), (x, l.y + 2.0), GREY, 0.4);
                let text = format::integer(lang, v as u64);
                let w = l.text_width(small, &text);
                l.put_text(x - w / 2.0, y + 2.0, small, &text);
                v += step;
            }
            l.y += small.line_height() + 4.0;
            if relative {
                l.paragraph(
                    small.italic().color(GREY),
                    &format!("│ {}", t(lang, "pdf-average-line")),
                    0.0,
                );
            }
        }
    }
    caption_below(l, plan, lang, Chart::Openness);
}

/// How tall the trend chart's plotting area is, in points.
const TREND_PLOT_H: f32 = 150.0;

/// What the trend chart keeps together on one page: the whole of it.
pub fn openness_trend_keep() -> f32 {
    let small = Style::SMALL.size(7.0);
    TREND_PLOT_H + 3.0 * small.line_height() + 24.0
}

/// The trend as a line chart: the overall index of every city (a line each) over the years,
/// the plan's own city dark and thick with its value at each year, the others lighter; each
/// line named at its right end (names pushed apart so none overlaps), so the chart reads in
/// greyscale without a legend. Relative scores show the average (100) as a line. Nothing is
/// drawn for fewer than two years (the table says it all).
pub fn openness_trend(
    l: &mut Layout<'_>,
    plan: &Plan,
    lang: Lang,
    trend: &analysis::openness::OpennessTrend,
) {
    if trend.years.len() < 2 {
        return;
    }
    let small = Style::SMALL.size(7.0);
    let cities = trend.overall();
    l.ensure(openness_trend_keep());
    let axis_w = 26.0;
    let names_w = 110.0;
    let x0 = l.left() + axis_w;
    let plot_w = (l.width() - axis_w - names_w - 12.0).max(60.0);
    let top = l.y + small.line_height();
    let h = TREND_PLOT_H;
    let max = (trend.max_score().max(1.0) * 1.05) as f32;
    let (first, last) = year_span(&trend.years);
    let x_of = |i: usize| x0 + plot_w * year_share(first, last, trend.years[i]) as f32;
    let y_of = |v: f64| top + h * (1.0 - (v.max(0.0) as f32 / max));
    // Grid lines with their values, then the axes.
    let step = if max > 150.0 { 50.0 } else { 25.0 };
    let mut v = 0.0f32;
    while v <= max {
        let y = y_of(f64::from(v));
        line(l, (x0, y), (x0 + plot_w, y), [0.88, 0.88, 0.90], 0.25);
        let text = format::integer(lang, v as u64);
        let w = l.text_width(small, &text);
        l.put_text(x0 - 3.0 - w, y - 3.5, small, &text);
        v += step;
    }
    line(l, (x0, top), (x0, top + h), GREY, 0.5);
    line(l, (x0, top + h), (x0 + plot_w, top + h), GREY, 0.5);
    if trend.method == OpennessMethod::RelativeToAverage && f64::from(max) > 100.0 {
        let y = y_of(100.0);
        line(l, (x0, y), (x0 + plot_w, y), INK, 0.7);
    }
    let mut free_from = f32::NEG_INFINITY;
    for (i, year) in trend.years.iter().enumerate() {
        let text = year.to_string();
        let w = l.text_width(small, &text);
        let x = x_of(i);
        line(l, (x, top + h), (x, top + h + 2.0), GREY, 0.4);
        // Years close together on the axis: the tick stays, a label that would overlap the
        // one before it does not.
        if x - w / 2.0 >= free_from {
            l.put_text(x - w / 2.0, top + h + 3.0, small, &text);
            free_from = x + w / 2.0 + 3.0;
        }
    }
    let home_color: Rgb3 = [0.55, 0.05, 0.10];
    let color = |k: usize, home: bool| -> Rgb3 {
        if home {
            home_color
        } else {
            with_luminance([0.20, 0.45, 0.70], [0.62, 0.74, 0.50, 0.82][k % 4])
        }
    };
    // The others first, so the plan's own city is drawn over them.
    let mut order: Vec<usize> = (0..cities.len()).collect();
    order.sort_by_key(|k| cities[*k].2);
    let mut ends: Vec<(f32, usize)> = Vec::new();
    for k in order {
        let (_, _, home, scores) = &cities[k];
        let c = color(k, *home);
        let width = if *home { 1.8 } else { 0.9 };
        let points: Vec<(usize, f64)> = scores
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((i, (*s)?)))
            .collect();
        for w in points.windows(2) {
            let (a, b) = (w[0], w[1]);
            line(l, (x_of(a.0), y_of(a.1)), (x_of(b.0), y_of(b.1)), c, width);
        }
        let mark = if *home { 3.2 } else { 2.2 };
        for (i, v) in &points {
            let (x, y) = (x_of(*i), y_of(*v));
            l.fill_rect(x - mark / 2.0, y - mark / 2.0, mark, mark, c);
            if *home {
                let text = format::decimal(lang, *v, 1);
                let w = l.text_width(small.bold(), &text);
                l.put_text(x - w / 2.0, y - mark - 8.0, small.size(6.0).bold(), &text);
            }
        }
        if let Some((_, v)) = points.last() {
            ends.push((y_of(*v), k));
        }
    }
    // The names at the right, top to bottom in the order of their lines' ends, pushed apart.
    ends.sort_by(|a, b| a.0.total_cmp(&b.0));
    let gap = small.line_height();
    let mut placed: Vec<(f32, f32, usize)> = Vec::new();
    let mut last = f32::NEG_INFINITY;
    for (y, k) in ends {
        let at = (y - 3.5).max(last + gap);
        placed.push((y, at, k));
        last = at;
    }
    let xl = x0 + plot_w + 4.0;
    for (y, at, k) in placed {
        let (_, name, home, _) = &cities[k];
        let c = color(k, *home);
        line(l, (x0 + plot_w, y), (xl + 4.0, at + 3.5), c, 0.5);
        let st = if *home { small.bold() } else { small };
        let name = super::fit(l, st, name, names_w - 10.0);
        l.put_text(xl + 6.0, at, st, &name);
        last = last.max(at);
    }
    l.y = (top + h + 3.0 + small.line_height()).max(last + gap) + 4.0;
    if trend.method == OpennessMethod::RelativeToAverage {
        l.paragraph(
            small.italic().color(GREY),
            &format!("— {}", t(lang, "pdf-average-line")),
            0.0,
        );
    }
    caption_below(l, plan, lang, Chart::Trend);
}

// ---- Years across ----------------------------------------------------------------------

/// The first and the last of `years` (the same year twice for one; `(0, 0)` for none).
pub fn year_span(years: &[i32]) -> (i32, i32) {
    let first = years.iter().copied().min().unwrap_or(0);
    let last = years.iter().copied().max().unwrap_or(first);
    (first, last)
}

/// Where `year` stands on a true year axis from `first` to `last`, as a share of its width: 0
/// at `first`, 1 at `last`, the middle when both are one year. Years three apart are three
/// times as far apart as neighbouring ones (2019, 2020, 2023 are not drawn at equal steps).
pub fn year_share(first: i32, last: i32, year: i32) -> f64 {
    if last <= first {
        0.5
    } else {
        f64::from(year - first) / f64::from(last - first)
    }
}

// ---- An indicator's target against its reported values ---------------------------------

/// An indicator's planned path and reported values by year, for the progress report's chart
/// (the same in the PDF and, through `svg`, the HTML).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TargetActual {
    /// The baseline and the targets: (year, value), by year.
    pub planned: Vec<(i32, f64)>,
    /// The latest value reported in each year: (year, value), by year.
    pub reported: Vec<(i32, f64)>,
}

impl TargetActual {
    /// The first and last year of either series (none: both empty).
    pub fn years(&self) -> Option<(i32, i32)> {
        let all = self.planned.iter().chain(&self.reported).map(|p| p.0);
        Some((all.clone().min()?, all.max()?))
    }

    /// The value range drawn: from 0 (or the lowest value when below it) to a little above the
    /// highest, never empty.
    pub fn range(&self) -> (f64, f64) {
        let values = self
            .planned
            .iter()
            .chain(&self.reported)
            .map(|p| p.1)
            .filter(|v| v.is_finite());
        let (lo, hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let hi = if hi - lo < 1e-9 { lo + 1.0 } else { hi };
        // Room above the highest value for its label, up to a round number so that the
        // labelled middle of the axis is round too.
        (lo, lo + nice_ceiling((hi - lo) * 1.1))
    }

    /// Every how many years the axis is labelled, so a long span stays legible.
    pub fn year_step(&self) -> i32 {
        self.years().map_or(1, |(a, b)| ((b - a) / 12 + 1).max(1))
    }
}

/// The smallest of 1, 2, 2.5, 4, 5, 6, 8 or 10 times a power of ten that is at least `v`
/// (`v` > 0), so that it and its half are round.
fn nice_ceiling(v: f64) -> f64 {
    if !v.is_finite() || v <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 4.0, 5.0, 6.0, 8.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|c| *c >= v * (1.0 - 1e-12))
        .unwrap_or(10.0 * p)
}

/// The planned path's colour: a middle grey, drawn thin with hollow markers.
pub const PLANNED: Rgb3 = [0.55, 0.55, 0.58];
/// The reported values' colour: dark blue, drawn thick with filled markers.
pub const REPORTED: Rgb3 = [0.08, 0.27, 0.52];

/// Height of the target-against-reported chart, legend and axis included.
pub const TARGET_ACTUAL_HEIGHT: f32 = 150.0;

/// The chart of an indicator's planned path (baseline and targets, thin grey, hollow squares)
/// and the values reported (thick dark blue, filled squares, each with its value), years
/// across. Told apart in greyscale by weight and marker, not only by colour.
pub fn target_actual(l: &mut Layout<'_>, lang: Lang, s: &TargetActual) {
    let Some((first, last)) = s.years() else {
        return;
    };
    let small = Style::SMALL.size(7.0);
    l.ensure(TARGET_ACTUAL_HEIGHT + 10.0);
    // Legend.
    let mut x = l.left();
    let y = l.y;
    for (color, width, filled, key) in [
        (PLANNED, 1.0, false, "progress-chart-planned"),
        (REPORTED, 2.0, true, "progress-chart-reported"),
    ] {
        line(l, (x, y + 4.0), (x + 18.0, y + 4.0), color, width);
        marker(l, x + 9.0, y + 4.0, color, filled);
        let text = t(lang, key);
        l.put_text(x + 22.0, y, small, &text);
        x += 36.0 + l.text_width(small, &text);
    }
    // Clear of the top value's label.
    l.y += small.line_height() + 12.0;
    let (lo, hi) = s.range();
    let axis_w = 48.0;
    let top = l.y;
    let h = TARGET_ACTUAL_HEIGHT - 36.0;
    let x0 = l.left() + axis_w;
    let w = l.width() - axis_w - 20.0;
    let x_of = |year: i32| x0 + w * year_share(first, last, year) as f32;
    let y_of = |v: f64| top + h * (1.0 - ((v - lo) / (hi - lo)) as f32);
    // Value grid: the bottom, the middle and the top, labelled.
    for k in 0..3 {
        let v = lo + (hi - lo) * f64::from(k) / 2.0;
        let y = y_of(v);
        line(l, (x0, y), (x0 + w, y), [0.85, 0.85, 0.87], 0.4);
        let label = format::decimal_up_to(lang, v, 2);
        let tw = l.text_width(small, &label);
        l.put_text(x0 - 4.0 - tw, y - small.size * 0.6, small, &label);
    }
    line(l, (x0, top + h), (x0 + w, top + h), GREY, 0.6);
    let step = s.year_step();
    let mut year = first;
    while year <= last {
        let label = year.to_string();
        let tw = l.text_width(small, &label);
        l.put_text(x_of(year) - tw / 2.0, top + h + 4.0, small, &label);
        line(
            l,
            (x_of(year), top + h),
            (x_of(year), top + h + 2.0),
            GREY,
            0.6,
        );
        year += step;
    }
    let finite = |p: &&(i32, f64)| p.1.is_finite();
    let planned: Vec<(f32, f32)> = s
        .planned
        .iter()
        .filter(finite)
        .map(|p| (x_of(p.0), y_of(p.1)))
        .collect();
    for pair in planned.windows(2) {
        line(l, pair[0], pair[1], PLANNED, 1.0);
    }
    for p in &planned {
        marker(l, p.0, p.1, PLANNED, false);
    }
    let reported: Vec<(f32, f32, f64)> = s
        .reported
        .iter()
        .filter(finite)
        .map(|p| (x_of(p.0), y_of(p.1), p.1))
        .collect();
    for pair in reported.windows(2) {
        line(
            l,
            (pair[0].0, pair[0].1),
            (pair[1].0, pair[1].1),
            REPORTED,
            2.0,
        );
    }
    for (x, y, v) in &reported {
        marker(l, *x, *y, REPORTED, true);
        let label = format::decimal_up_to(lang, *v, 2);
        let tw = l.text_width(small.bold(), &label);
        l.put_text(x - tw / 2.0, y - 12.0, small.bold().color(REPORTED), &label);
    }
    l.y = top + h + small.line_height() + 8.0;
}

/// A square marker centred on (x, y): filled, or its outline on white.
fn marker(l: &mut Layout<'_>, x: f32, y: f32, color: Rgb3, filled: bool) {
    let r = 2.6;
    if filled {
        l.fill_rect(x - r, y - r, 2.0 * r, 2.0 * r, color);
    } else {
        l.fill_rect(x - r, y - r, 2.0 * r, 2.0 * r, [1.0, 1.0, 1.0]);
        stroke_rect(l, x - r, y - r, 2.0 * r, 2.0 * r, color, 0.8);
    }
}

/// "Figure n. `caption`" and the text alternative `alt` under a chart drawn inside
/// [`Layout::begin_figure`], numbered with the report's other figures.
pub fn figure_caption(l: &mut Layout<'_>, lang: Lang, caption: &str, alt: &str) {
    let n = FIGURE.with(|f| {
        f.set(f.get() + 1);
        f.get()
    });
    let head = tr_args(lang, "pdf-figure", &[("n", n.into())]);
    let style = Style::SMALL;
    l.end_figure();
    l.begin("Caption");
    l.space(4.0);
    l.ensure(style.line_height() * 3.0);
    l.label_paragraph(style.bold(), &format!("{head} {caption}"), 0.0);
    l.label_paragraph(style.italic().color(GREY), alt, 0.0);
    l.end();
    l.space(8.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_objectives_have_twenty_fills_distinct_in_greyscale() {
        let fills: Vec<Fill> = (0..DISTINCT_FILLS).map(series_fill).collect();
        for (i, a) in fills.iter().enumerate() {
            for (j, b) in fills.iter().enumerate().skip(i + 1) {
                let same_grey = (luminance(a.color) - luminance(b.color)).abs() < 0.08;
                assert!(
                    !(same_grey && a.pattern == b.pattern),
                    "objectives {i} and {j} look alike in greyscale"
                );
                assert_ne!(a.color, b.color, "objectives {i} and {j} share a colour");
            }
        }
        // Neighbours differ in lightness, so adjacent bars stand apart.
        for w in fills.windows(2) {
            assert!((luminance(w[0].color) - luminance(w[1].color)).abs() >= 0.1);
        }
        // The twenty-first repeats the first (documented).
        assert_eq!(series_fill(DISTINCT_FILLS), fills[0]);
    }

    #[test]
    fn risk_zones_step_down_in_lightness() {
        let zones = [risk_fill(1), risk_fill(6), risk_fill(12), risk_fill(20)];
        for w in zones.windows(2) {
            assert!(luminance(w[0]) - luminance(w[1]) >= 0.12, "{zones:?}");
        }
    }
}

#[cfg(test)]
mod target_actual_tests {
    use super::*;

    #[test]
    fn years_stand_on_a_true_axis() {
        let years = [2019, 2020, 2023];
        let (first, last) = year_span(&years);
        assert_eq!((first, last), (2019, 2023));
        let x: Vec<f64> = years.iter().map(|y| year_share(first, last, *y)).collect();
        let (one, three) = (x[1] - x[0], x[2] - x[1]);
        assert!((three - 3.0 * one).abs() < 1e-12, "{x:?}");
        assert_eq!((x[0], x[2]), (0.0, 1.0));
        // One year alone stands in the middle; no years, no panic.
        assert_eq!(year_share(2020, 2020, 2020), 0.5);
        assert_eq!(year_span(&[]), (0, 0));
    }

    #[test]
    fn the_axis_ends_on_a_round_number() {
        assert_eq!(nice_ceiling(10_080.0), 20_000.0);
        assert_eq!(nice_ceiling(9.9), 10.0);
        assert_eq!(nice_ceiling(2.2), 2.5);
        assert_eq!(nice_ceiling(0.0), 1.0);
        let s = TargetActual {
            planned: vec![(2024, 3200.0), (2030, 9000.0)],
            reported: vec![(2025, 4050.0)],
        };
        assert_eq!(s.range(), (0.0, 10_000.0));
        assert_eq!(s.years(), Some((2024, 2030)));
        // Nothing to draw: no years, and a range that is never empty.
        let empty = TargetActual::default();
        assert_eq!(empty.years(), None);
        assert_eq!(empty.range(), (0.0, 2.0));
        // A span of a century is labelled every ninth year, not every year.
        let long = TargetActual {
            planned: vec![(1950, 1.0), (2050, 2.0)],
            reported: vec![],
        };
        assert_eq!(long.year_step(), 9);
    }
}
