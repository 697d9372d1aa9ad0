//! The plan's charts as inline SVG for the HTML export: the budget by source, the timeline of
//! actions, the openness index of the compared cities and the risk matrix. Each comes with a
//! caption and a text alternative that says what it shows with its key numbers, so a screen
//! reader, and a reader of the printed page in greyscale, get the same facts. Every value from
//! the plan is escaped.

use std::fmt::Write as _;

use super::charts::{self, Chart};
use super::html::esc;
use crate::analysis::{self, budget::Budget};
use crate::i18n::tr;
use crate::model::{Lang, Plan, Scale5, format};

/// A chart ready to be placed: its SVG, caption and text alternative.
#[derive(Clone, Debug)]
pub struct Figure {
    /// The `<svg>` element.
    pub svg: String,
    /// What the chart is, for its caption.
    pub caption: String,
    /// What it shows, in one or two sentences with the key numbers.
    pub alt: String,
}

impl Figure {
    /// As an HTML `<figure>`: the SVG is an image named by its text alternative.
    pub fn html(&self) -> String {
        format!(
            "<figure><div role=\"img\" aria-label=\"{}\">{}</div><figcaption>{}</figcaption></figure>",
            esc(&self.alt),
            self.svg,
            esc(&self.caption)
        )
    }
}

/// Text in an SVG: escaped, and cut so it stays in its place.
fn text(s: &str, max_chars: usize) -> String {
    let cut: String = if s.chars().count() > max_chars {
        let mut t: String = s.chars().take(max_chars.saturating_sub(1)).collect();
        t.push('…');
        t
    } else {
        s.to_owned()
    };
    esc(&cut)
}

/// Greys that stay apart in print: dark for secured money, light for potential.
const SECURED: &str = "#1f5f2a";
const POTENTIAL: &str = "#e8a33a";
const UNCOVERED: &str = "#b22222";

/// The budget by funding source: secured and potential money in one bar per source.
pub fn budget(plan: &Plan, lang: Lang, b: &Budget) -> Figure {
    let rows = b.chart_rows();
    let (w, label_w, row_h) = (720.0, 200.0, 22.0);
    let h = 30.0 + rows.len() as f64 * row_h;
    let max = rows
        .iter()
        .map(|(_, s, p)| (*s + *p).as_f64())
        .fold(1.0, f64::max);
    let scale = (w - label_w - 130.0) / max;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" font-size=\"12\" font-family=\"DejaVu Sans, Arial, sans-serif\">"
    );
    for (i, (source, secured, potential)) in rows.iter().enumerate() {
        let y = 10.0 + i as f64 * row_h;
        let name = source.map_or_else(
            || tr(lang, analysis::budget::Figure::Uncovered.key()),
            |s| s.label(lang).to_owned(),
        );
        let sw = secured.as_f64() * scale;
        let pw = potential.as_f64() * scale;
        let colour = if source.is_none() {
            UNCOVERED
        } else {
            POTENTIAL
        };
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{ty}\">{}</text><rect x=\"{label_w}\" y=\"{y}\" width=\"{sw:.1}\" height=\"14\" fill=\"{SECURED}\"/><rect x=\"{px:.1}\" y=\"{y}\" width=\"{pw:.1}\" height=\"14\" fill=\"{colour}\" stroke=\"#333\" stroke-width=\"0.5\"/><text x=\"{tx:.1}\" y=\"{ty}\">{}</text>",
            text(&name, 30),
            esc(&format::amount(lang, *secured + *potential)),
            ty = y + 11.0,
            px = label_w + sw,
            tx = label_w + sw + pw + 6.0,
        );
    }
    let ly = h - 8.0;
    let _ = write!(
        svg,
        "<rect x=\"{label_w}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{SECURED}\"/><text x=\"{}\" y=\"{ly}\">{}</text><rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{POTENTIAL}\" stroke=\"#333\" stroke-width=\"0.5\"/><text x=\"{}\" y=\"{ly}\">{}</text></svg>",
        ly - 9.0,
        label_w + 14.0,
        esc(&tr(lang, analysis::budget::Figure::Secured.key())),
        label_w + 160.0,
        ly - 9.0,
        label_w + 174.0,
        esc(&tr(lang, "pdf-potential")),
    );
    // The same text alternative as the PDF's chart of the same figures.
    let alt = charts::alt_text(plan, lang, Chart::Budget);
    Figure {
        svg,
        caption: tr(lang, "pdf-by-source"),
        alt,
    }
}

/// The timeline: one bar per scheduled action, by month, with a band per year.
pub fn timeline(plan: &Plan, lang: Lang) -> Option<Figure> {
    let t = analysis::timeline(plan);
    let (first, last) = t.range?;
    let months = first.months_through(last).max(1) as f64;
    let (w, label_w, row_h) = (720.0, 240.0, 16.0);
    let h = 24.0 + t.rows.len() as f64 * row_h;
    let mw = (w - label_w - 10.0) / months;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" font-size=\"10\" font-family=\"DejaVu Sans, Arial, sans-serif\">"
    );
    // Year bands with their labels, alternately shaded.
    for (k, year) in (first.year()..=last.year()).enumerate() {
        let from = first.max(crate::model::YearMonth::new(year, 1)?);
        let to = last.min(crate::model::YearMonth::new(year, 12)?);
        let x = label_w + (first.months_through(from) - 1) as f64 * mw;
        let bw = from.months_through(to) as f64 * mw;
        let fill = if k % 2 == 0 { "#f0f2f7" } else { "#ffffff" };
        let _ = write!(
            svg,
            "<rect x=\"{x:.1}\" y=\"0\" width=\"{bw:.1}\" height=\"{h}\" fill=\"{fill}\"/><text x=\"{:.1}\" y=\"12\" font-weight=\"bold\">{year}</text>",
            x + 3.0
        );
    }
    for (i, r) in t.rows.iter().enumerate() {
        let y = 20.0 + i as f64 * row_h;
        let x = label_w + (first.months_through(r.start) - 1) as f64 * mw;
        let bw = r.start.months_through(r.end) as f64 * mw;
        // Lightness by objective: distinct in greyscale too.
        let shade = 25 + (r.objective_index.unwrap_or(0) * 37) % 50;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{:.1}\">{} {}</text><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bw:.1}\" height=\"11\" fill=\"hsl(212, 55%, {shade}%)\"/>",
            y + 9.0,
            text(&r.code, 10),
            text(&r.title, 34),
        );
    }
    svg.push_str("</svg>");
    let alt = charts::alt_text(plan, lang, Chart::Gantt);
    Some(Figure {
        svg,
        caption: tr(lang, "pdf-timeline"),
        alt,
    })
}

/// The overall openness index of each compared city, the plan's own city marked.
pub fn openness(lang: Lang, idx: &analysis::OpennessIndex) -> Option<Figure> {
    let cities: Vec<_> = idx
        .cities
        .iter()
        .filter_map(|c| Some((c, c.overall?)))
        .collect();
    if cities.is_empty() {
        return None;
    }
    let (w, label_w, row_h) = (720.0, 160.0, 22.0);
    let h = 10.0 + cities.len() as f64 * row_h;
    let max = cities.iter().map(|(_, v)| *v).fold(1.0, f64::max);
    let scale = (w - label_w - 70.0) / max;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" font-size=\"12\" font-family=\"DejaVu Sans, Arial, sans-serif\">"
    );
    for (i, (c, v)) in cities.iter().enumerate() {
        let y = 6.0 + i as f64 * row_h;
        // The own city is never invisible: a bar of at least a sliver and a dark fill.
        let bw = (v * scale).max(3.0);
        let (fill, weight) = if c.home {
            ("#14457f", "bold")
        } else {
            ("#9fb4cf", "normal")
        };
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{ty:.1}\" font-weight=\"{weight}\">{}</text><rect x=\"{label_w}\" y=\"{y:.1}\" width=\"{bw:.1}\" height=\"14\" fill=\"{fill}\" stroke=\"#333\" stroke-width=\"0.5\"/><text x=\"{tx:.1}\" y=\"{ty:.1}\">{}</text>",
            text(&c.name, 22),
            esc(&format::decimal(lang, *v, 1)),
            ty = y + 11.0,
            tx = label_w + bw + 6.0,
        );
    }
    svg.push_str("</svg>");
    let alt = charts::openness_alt(idx, lang);
    Some(Figure {
        svg,
        caption: tr(lang, "pdf-index"),
        alt,
    })
}

/// The trend: each city's overall index over the years as a line, the plan's own city dark and
/// thick; years across, the index up (100 marked: the group average with the relative method).
pub fn openness_trend(lang: Lang, trend: &analysis::openness::OpennessTrend) -> Option<Figure> {
    if trend.years.len() < 2 {
        return None;
    }
    let cities = trend.overall();
    let (w, h, left, right, top, bottom) = (720.0, 260.0, 50.0, 170.0, 10.0, 30.0);
    let max = trend.max_score().max(1.0) * 1.05;
    let (first, last) = charts::year_span(&trend.years);
    let x_of =
        |i: usize| left + (w - left - right) * charts::year_share(first, last, trend.years[i]);
    let y_of = |v: f64| top + (h - top - bottom) * (1.0 - v.max(0.0) / max);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" font-size=\"12\" font-family=\"DejaVu Sans, Arial, sans-serif\">"
    );
    let _ = write!(
        svg,
        "<line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{x2:.1}\" y2=\"{y:.1}\" stroke=\"#999\" stroke-dasharray=\"4 3\"/><text x=\"0\" y=\"{ty:.1}\">{}</text>",
        esc(&format::integer(lang, 100)),
        y = y_of(100.0),
        x2 = w - right,
        ty = y_of(100.0) + 4.0,
    );
    // A label that would overlap the one before it (years close together) is left out.
    let mut free_from = f64::NEG_INFINITY;
    for (i, year) in trend.years.iter().enumerate() {
        let x = x_of(i);
        // About 7.5 units a digit at font size 12.
        let half = 7.5 * year.to_string().len() as f64 / 2.0;
        if x - half < free_from {
            continue;
        }
        free_from = x + half + 4.0;
        let _ = write!(
            svg,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"middle\">{year}</text>",
            y = h - 8.0
        );
    }
    const GREYS: [&str; 4] = ["#9fb4cf", "#7f9fbf", "#b7c7da", "#6c87a6"];
    let mut label_y = top + 10.0;
    for (k, (_, name, home, scores)) in cities.iter().enumerate() {
        let (stroke, width) = if *home {
            ("#14457f", 3.0)
        } else {
            (GREYS[k % GREYS.len()], 1.5)
        };
        let points: Vec<String> = scores
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some(format!("{:.1},{:.1}", x_of(i), y_of((*s)?))))
            .collect();
        let _ = write!(
            svg,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{width}\"/>",
            points.join(" ")
        );
        let weight = if *home { "bold" } else { "normal" };
        let _ = write!(
            svg,
            "<line x1=\"{x1:.1}\" y1=\"{y:.1}\" x2=\"{x2:.1}\" y2=\"{y:.1}\" stroke=\"{stroke}\" stroke-width=\"{width}\"/><text x=\"{tx:.1}\" y=\"{ty:.1}\" font-weight=\"{weight}\">{}</text>",
            text(name, 18),
            x1 = w - right + 10.0,
            x2 = w - right + 30.0,
            y = label_y,
            tx = w - right + 36.0,
            ty = label_y + 4.0,
        );
        label_y += 18.0;
    }
    svg.push_str("</svg>");
    Some(Figure {
        svg,
        caption: tr(lang, "pdf-trend"),
        alt: charts::openness_trend_alt(trend, lang),
    })
}

/// The risk matrix as the PDF draws it: impact across, likelihood up, each risk's code (R1…,
/// by its place in the register) in its cell.
pub fn risk_matrix(plan: &Plan, lang: Lang) -> Option<Figure> {
    if plan.risks.is_empty() {
        return None;
    }
    let cell = 90.0;
    let (left, top) = (110.0, 10.0);
    let w = left + 5.0 * cell + 10.0;
    let h = top + 5.0 * cell + 50.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"70%\" font-size=\"11\" font-family=\"DejaVu Sans, Arial, sans-serif\">"
    );
    // `l` runs across (impact), `i` up (likelihood).
    for (li, l) in Scale5::ALL.iter().enumerate() {
        for (ii, i) in Scale5::ALL.iter().enumerate() {
            let score = u32::from(l.score()) * u32::from(i.score());
            // Lighter for low scores, darker for high ones: readable in greyscale.
            let fill = match score {
                0..=4 => "#eef5ec",
                5..=9 => "#f7e7b4",
                10..=14 => "#f0b27a",
                _ => "#d9534f",
            };
            let x = left + li as f64 * cell;
            let y = top + (4 - ii) as f64 * cell;
            let codes: Vec<String> = plan
                .risks
                .iter()
                .enumerate()
                .filter(|(_, r)| r.impact == *l && r.likelihood == *i)
                .map(|(n, _)| super::charts::risk_code(lang, n))
                .collect();
            let _ = write!(
                svg,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{cell}\" height=\"{cell}\" fill=\"{fill}\" stroke=\"#555\"/><text x=\"{:.1}\" y=\"{:.1}\" font-weight=\"bold\">{}</text>",
                x + 6.0,
                y + 18.0,
                esc(&codes.join(" "))
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            left + li as f64 * cell + cell / 2.0,
            top + 5.0 * cell + 16.0,
            esc(l.label(lang))
        );
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            left - 6.0,
            top + (4 - li) as f64 * cell + cell / 2.0,
            esc(l.label(lang))
        );
    }
    let _ = write!(
        svg,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"bold\">{}</text><text x=\"12\" y=\"{:.1}\" font-weight=\"bold\" transform=\"rotate(-90 12 {:.1})\" text-anchor=\"middle\">{}</text></svg>",
        left + 2.5 * cell,
        h - 8.0,
        esc(&tr(lang, "field-impact")),
        top + 2.5 * cell,
        top + 2.5 * cell,
        esc(&tr(lang, "field-likelihood")),
    );
    let alt = charts::alt_text(plan, lang, Chart::RiskMatrix);
    Some(Figure {
        svg,
        caption: tr(lang, "pdf-risk-matrix"),
        alt,
    })
}

/// An indicator's planned path against its reported values, as [`charts::target_actual`]
/// draws it in the PDF: the path thin grey with hollow squares, the values thick dark blue with
/// filled squares and their numbers. `caption` and `alt` are the report's.
pub fn target_actual(
    lang: Lang,
    s: &charts::TargetActual,
    caption: String,
    alt: String,
) -> Option<Figure> {
    let (first, last) = s.years()?;
    let (lo, hi) = s.range();
    let (w, h, left, right, top, bottom) = (720.0, 240.0, 70.0, 20.0, 34.0, 28.0);
    let x_of = |year: i32| left + (w - left - right) * charts::year_share(first, last, year);
    let y_of = |v: f64| top + (h - top - bottom) * (1.0 - (v - lo) / (hi - lo));
    let planned = "#8c8c94";
    let reported = "#144584";
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" font-size=\"12\" font-family=\"DejaVu Sans, Arial, sans-serif\">"
    );
    // Legend.
    let mut x = left;
    for (color, width, fill, key) in [
        (planned, 1.5, "#fff", "progress-chart-planned"),
        (reported, 3.0, reported, "progress-chart-reported"),
    ] {
        let label = tr(lang, key);
        let _ = write!(
            svg,
            "<line x1=\"{x:.1}\" y1=\"10\" x2=\"{x2:.1}\" y2=\"10\" stroke=\"{color}\" stroke-width=\"{width}\"/><rect x=\"{mx:.1}\" y=\"6\" width=\"8\" height=\"8\" fill=\"{fill}\" stroke=\"{color}\"/><text x=\"{tx:.1}\" y=\"14\">{}</text>",
            text(&label, 40),
            x2 = x + 24.0,
            mx = x + 8.0,
            tx = x + 30.0,
        );
        x += 60.0 + 7.0 * label.chars().count().min(40) as f64;
    }
    for k in 0..3 {
        let v = lo + (hi - lo) * f64::from(k) / 2.0;
        let y = y_of(v);
        let label = format::decimal_up_to(lang, v, 2);
        let _ = write!(
            svg,
            "<line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{x2:.1}\" y2=\"{y:.1}\" stroke=\"#ddd\"/><text x=\"{tx:.1}\" y=\"{ty:.1}\" text-anchor=\"end\">{}</text>",
            esc(&label),
            x2 = w - right,
            tx = left - 6.0,
            ty = y + 4.0,
        );
    }
    let step = s.year_step();
    let mut year = first;
    while year <= last {
        let _ = write!(
            svg,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"middle\">{year}</text>",
            x = x_of(year),
            y = h - 8.0
        );
        year += step;
    }
    let points = |series: &[(i32, f64)]| -> Vec<(f64, f64, f64)> {
        series
            .iter()
            .filter(|p| p.1.is_finite())
            .map(|p| (x_of(p.0), y_of(p.1), p.1))
            .collect()
    };
    for (series, color, width, fill, labelled) in [
        (points(&s.planned), planned, 1.5, "#fff", false),
        (points(&s.reported), reported, 3.0, reported, true),
    ] {
        let line: Vec<String> = series
            .iter()
            .map(|(x, y, _)| format!("{x:.1},{y:.1}"))
            .collect();
        let _ = write!(
            svg,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{width}\"/>",
            line.join(" ")
        );
        for (x, y, v) in &series {
            let _ = write!(
                svg,
                "<rect x=\"{rx:.1}\" y=\"{ry:.1}\" width=\"8\" height=\"8\" fill=\"{fill}\" stroke=\"{color}\"/>",
                rx = x - 4.0,
                ry = y - 4.0
            );
            if labelled {
                let _ = write!(
                    svg,
                    "<text x=\"{x:.1}\" y=\"{ty:.1}\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"{color}\">{}</text>",
                    esc(&format::decimal_up_to(lang, *v, 2)),
                    ty = y - 9.0
                );
            }
        }
    }
    svg.push_str("</svg>");
    Some(Figure { svg, caption, alt })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sofia() -> Plan {
        crate::store::templates::find("sofia-open-cities")
            .unwrap()
            .plan()
            .unwrap()
    }

    #[test]
    fn every_chart_of_the_sofia_plan_is_drawn_with_its_text_alternative() {
        let p = sofia();
        let b = analysis::budget(&p);
        let idx = analysis::openness_index(&p);
        let figures = [
            budget(&p, Lang::Bg, &b),
            timeline(&p, Lang::Bg).unwrap(),
            openness(Lang::Bg, &idx).unwrap(),
            risk_matrix(&p, Lang::Bg).unwrap(),
        ];
        for f in &figures {
            assert!(f.svg.starts_with("<svg") && f.svg.ends_with("</svg>"));
            assert!(!f.alt.is_empty() && !f.caption.is_empty());
            assert!(!f.alt.starts_with('['), "{}", f.alt);
            roxmltree::Document::parse(&f.svg).expect("well-formed SVG");
        }
        assert!(
            figures[0].alt.contains("7\u{a0}978\u{a0}000,00"),
            "{}",
            figures[0].alt
        );
        assert!(figures[2].alt.contains("София"), "{}", figures[2].alt);
        assert!(figures[3].svg.contains(">Р1"), "the codes of the register");
    }

    #[test]
    fn the_trend_stands_on_a_true_year_axis() {
        let mut trend = analysis::openness::trend(&sofia().openness);
        assert!(trend.years.len() >= 3, "{:?}", trend.years);
        trend.years = vec![2019, 2020, 2023];
        trend.indexes.truncate(3);
        let f = openness_trend(Lang::En, &trend).unwrap();
        let doc = roxmltree::Document::parse(&f.svg).unwrap();
        let x = |year: &str| -> f64 {
            doc.descendants()
                .find(|n| n.has_tag_name("text") && n.text() == Some(year))
                .and_then(|n| n.attribute("x"))
                .unwrap_or_else(|| panic!("no label {year}"))
                .parse()
                .unwrap()
        };
        let (one, three) = (x("2020") - x("2019"), x("2023") - x("2020"));
        assert!((three - 3.0 * one).abs() < 0.2, "{one} {three}");
    }

    #[test]
    fn plan_text_cannot_break_out_of_the_svg() {
        let mut p = sofia();
        p.actions[0].title = "</svg><script>alert(1)</script>".into();
        p.openness.cities[0].name = "\"><b>x".into();
        let f = timeline(&p, Lang::En).unwrap();
        assert!(!f.svg.contains("<script>"));
        let idx = analysis::openness_index(&p);
        let f = openness(Lang::En, &idx).unwrap();
        assert!(!f.svg.contains("\"><b>"));
        roxmltree::Document::parse(&f.svg).unwrap();
    }
}
