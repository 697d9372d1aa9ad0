//! The comparison of several plans ([`crate::analysis::compare`]) for a network's lead partner:
//! as text for the terminal, one HTML file, and a tagged PDF that follows the plan PDF's rules
//! (headings and fixed paragraphs in the labels' language, tables with header cells, the
//! openness profile with its caption and text alternative, "Page X of Y", metadata). The
//! tables are built once here and drawn by all three.
//!
//! Sections: the plans compared; the openness profiles against the group average (with the
//! indicators compared and those left out); openness over the years; objectives and actions by
//! theme; the budget by fund and programme; which good practices went from which city to
//! which (the transfer matrix, then each action that adapts a practice and what it adapts).

use std::fmt::Write as _;
use std::path::Path;

use printpdf::PdfDocument;

use super::charts;
use super::fonts::Measure;
use super::html::esc;
use super::layout::{GREY, Layout, Paper, Style};
use super::svg;
use super::tables::{self, Table, amount, short, t};
use super::{ExportError, cut_chars};
use crate::analysis::compare::{Comparison, LeftOutWhy};
use crate::analysis::openness;
use crate::i18n::{FluentArg, tr_args};
use crate::model::{Lang, Plan, format};

/// The sections of the comparison, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The plans compared: city, title, currency, cost, secured share.
    Plans,
    /// The openness profiles against the group average.
    Profile,
    /// Openness over the years.
    Trend,
    /// Objectives and actions by theme.
    Themes,
    /// Money by fund and programme.
    Budget,
    /// Good practices from city to city: the transfer matrix and its list.
    Transfers,
}

impl Part {
    /// Every part, in report order.
    pub const ALL: [Part; 6] = [
        Part::Plans,
        Part::Profile,
        Part::Trend,
        Part::Themes,
        Part::Budget,
        Part::Transfers,
    ];

    /// The key of its heading in the Fluent files (also the HTML section's id).
    pub fn key(self) -> &'static str {
        match self {
            Part::Plans => "cmp-plans",
            Part::Profile => "cmp-profile",
            Part::Trend => "cmp-trend",
            Part::Themes => "cmp-themes",
            Part::Budget => "cmp-budget",
            Part::Transfers => "cmp-transfers",
        }
    }
}

fn count(lang: Lang, key: &str, n: usize) -> String {
    tr_args(
        lang,
        key,
        &[
            ("n", FluentArg::Number(n as f64)),
            ("count", format::integer(lang, n as u64).into()),
        ],
    )
}

/// The cities joined for a sentence.
fn cities(c: &Comparison, plans: &[usize]) -> String {
    plans
        .iter()
        .filter_map(|i| c.plans.get(*i))
        .map(|p| short(&p.city))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The plans compared.
pub fn plans_table(c: &Comparison, lang: Lang) -> Table {
    use super::layout::Column;
    let cols = vec![
        Column::new(t(lang, "pdf-city"), 1.5),
        Column::new(t(lang, "cmp-plan"), 4.0),
        Column::new(t(lang, "pdf-currency"), 1.0),
        Column::right(t(lang, "cmp-cost"), 1.8),
        Column::right(t(lang, "cmp-secured-share"), 1.2),
    ];
    let rows = c
        .plans
        .iter()
        .map(|p| {
            vec![
                p.city.clone(),
                p.title.clone(),
                p.currency.clone(),
                amount(lang, p.budget.total_cost),
                format::percent(lang, p.budget.secured_share_percent(), 1),
            ]
        })
        .collect();
    Table::new(cols, rows)
}

/// Each area's score for every city and the group average; the overall index first.
pub fn profile_table(c: &Comparison, lang: Lang) -> Table {
    let mut table = tables::openness_index(lang, &c.index);
    table
        .columns
        .push(super::layout::Column::right(t(lang, "cmp-average"), 1.2));
    let fmt =
        |v: Option<f64>, d: usize| v.map_or("—".to_owned(), |v| format::decimal(lang, v, d));
    let n = c.average.len();
    for (r, row) in table.rows.iter_mut().enumerate() {
        // The first row is the overall index (the last average), then the areas in order.
        let v = if r == 0 {
            c.average.get(n.wrapping_sub(1)).copied().flatten()
        } else {
            c.average.get(r - 1).copied().flatten()
        };
        row.push(fmt(v, if r == 0 { 1 } else { 0 }));
    }
    table
}

/// What the profile is computed on: the indicators compared, those left out and why, plans
/// without a home city.
pub fn notes(c: &Comparison, lang: Lang) -> Vec<String> {
    let mut out = vec![t(lang, "cmp-each-own")];
    let shared: Vec<String> = c
        .assessment
        .areas
        .iter()
        .flat_map(|a| &a.indicators)
        .map(|i| format!("{} ({})", i.id, short(&i.name)))
        .collect();
    out.push(tr_args(
        lang,
        "cmp-shared",
        &[
            ("n", FluentArg::Number(shared.len() as f64)),
            ("count", format::integer(lang, shared.len() as u64).into()),
            ("ids", tables::refs(shared, "; ").into()),
        ],
    ));
    for l in &c.left_out {
        let (key, who) = match &l.why {
            LeftOutWhy::Missing(plans) => ("cmp-left-out-missing", cities(c, plans)),
            LeftOutWhy::Direction => ("cmp-left-out-direction", String::new()),
        };
        out.push(tr_args(
            lang,
            key,
            &[
                ("id", l.id.to_string().into()),
                ("name", short(&l.name).into()),
                ("cities", who.into()),
            ],
        ));
    }
    let no_home: Vec<usize> = (0..c.plans.len())
        .filter(|i| !c.plans[*i].has_home)
        .collect();
    if !no_home.is_empty() {
        out.push(tr_args(
            lang,
            "cmp-no-home",
            &[("cities", cities(c, &no_home).into())],
        ));
    }
    out
}

/// Objectives, actions and their cost by theme: a row per theme, a column per plan.
pub fn themes_table(c: &Comparison, lang: Lang) -> Table {
    use super::layout::Column;
    let mut cols = vec![Column::new(t(lang, "cmp-theme"), 2.0).max_lines(3)];
    cols.extend(
        c.plans
            .iter()
            .map(|p| Column::right(format!("{}, {}", short(&p.city), p.currency), 1.5)),
    );
    let rows = c
        .themes
        .iter()
        .map(|row| {
            let name = row
                .theme
                .map_or_else(|| t(lang, "cmp-no-theme"), |th| th.label(lang).to_owned());
            std::iter::once(name)
                .chain((0..c.plans.len()).map(|i| {
                    format!(
                        "{}\n{}\n{}",
                        count(lang, "cli-count-objectives", row.objectives[i]),
                        count(lang, "cli-count-actions", row.actions[i]),
                        amount(lang, row.cost[i])
                    )
                }))
                .collect()
        })
        .collect();
    Table::new(cols, rows)
}

/// Money by fund (a subtotal row each) and its programmes, a column per plan; the total last.
pub fn funds_table(c: &Comparison, lang: Lang) -> Table {
    use super::layout::Column;
    let mut cols = vec![Column::new(t(lang, "cmp-fund"), 3.0).max_lines(4)];
    cols.extend(
        c.plans
            .iter()
            .map(|p| Column::right(format!("{}, {}", short(&p.city), p.currency), 1.3)),
    );
    // A plan without money from a fund or programme shows a dash, not a zero it never wrote.
    let money = |v: &[crate::model::Money]| {
        v.iter()
            .map(|m| {
                if m.cents() == 0 {
                    "—".to_owned()
                } else {
                    amount(lang, *m)
                }
            })
            .collect::<Vec<_>>()
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut totals = Vec::new();
    for f in &c.funds {
        totals.push(rows.len());
        rows.push(
            std::iter::once(f.source.label(lang).to_owned())
                .chain(money(&f.amounts))
                .collect(),
        );
        for (name, m) in &f.programmes {
            rows.push(
                std::iter::once(format!("\u{2003}{}", short(name)))
                    .chain(money(m))
                    .collect(),
            );
        }
    }
    totals.push(rows.len());
    rows.push(
        std::iter::once(t(lang, "cmp-total"))
            .chain(c.plans.iter().map(|p| amount(lang, p.budget.funded())))
            .collect(),
    );
    Table {
        columns: cols,
        rows,
        totals,
    }
}

/// A city of the transfer matrix as the report names it (an unknown one in words).
fn transfer_city(c: &Comparison, lang: Lang, k: usize) -> String {
    match c.transfers.cities.get(k).map(|s| s.trim()) {
        Some(name) if !name.is_empty() => short(name),
        _ => t(lang, "cmp-unknown-city"),
    }
}

/// The transfer matrix: a row per city some practice comes from, a column per plan that
/// adapts (its city), each cell the number of its actions adapting that city's practices.
pub fn transfer_matrix(c: &Comparison, lang: Lang) -> Table {
    use super::layout::Column;
    let mut cols = vec![Column::new(t(lang, "cmp-from-to"), 2.0).max_lines(3)];
    cols.extend(c.plans.iter().map(|p| Column::right(short(&p.city), 1.2)));
    let rows = c
        .transfers
        .sources()
        .map(|(k, row)| {
            std::iter::once(transfer_city(c, lang, k))
                .chain(row.iter().map(|n| {
                    if *n == 0 {
                        "—".to_owned()
                    } else {
                        format::integer(lang, *n as u64)
                    }
                }))
                .collect()
        })
        .collect();
    Table::new(cols, rows)
}

/// Each adaptation: the practice, from which city to which, the action and what it adapts.
pub fn transfer_list(c: &Comparison, lang: Lang) -> Table {
    use super::layout::Column;
    let cols = vec![
        Column::new(t(lang, "cmp-practice"), 3.0).max_lines(4),
        Column::new(t(lang, "cmp-from"), 1.3),
        Column::new(t(lang, "cmp-to"), 1.3),
        Column::new(t(lang, "cmp-action"), 2.5).max_lines(4),
        Column::new(t(lang, "cmp-adapted"), 4.0).max_lines(6),
    ];
    let rows = c
        .transfers
        .list
        .iter()
        .map(|x| {
            let practice = if x.title.trim().is_empty() {
                x.practice.to_string()
            } else {
                format!("{} {}", x.practice, short(&x.title))
            };
            let action = if x.action_title.trim().is_empty() {
                x.action.clone()
            } else {
                format!("{} {}", x.action, short(&x.action_title))
            };
            let adapted = if x.adapted.trim().is_empty() {
                "—".to_owned()
            } else {
                x.adapted.clone()
            };
            vec![
                practice,
                transfer_city(c, lang, x.from),
                c.plans
                    .get(x.to)
                    .map_or_else(String::new, |p| short(&p.city)),
                action,
                adapted,
            ]
        })
        .collect();
    Table::new(cols, rows)
}

/// The sentence under the transfer tables: how they are counted, or that nothing is adapted.
fn transfers_note(c: &Comparison, lang: Lang) -> String {
    if c.transfers.list.is_empty() {
        t(lang, "cmp-no-transfers")
    } else {
        t(lang, "cmp-transfers-note")
    }
}

/// The sentence under the budget table: what the amounts are, and mixed currencies.
fn budget_note(c: &Comparison, lang: Lang) -> String {
    let mut s = t(lang, "cmp-budget-note");
    if c.mixed_currencies {
        s.push(' ');
        s.push_str(&t(lang, "cmp-mixed-currencies"));
    }
    s
}

/// The intro under the title: how many plans, which cities, the method.
fn intro(c: &Comparison, lang: Lang) -> String {
    let all: Vec<usize> = (0..c.plans.len()).collect();
    tr_args(
        lang,
        "cmp-intro",
        &[
            ("n", FluentArg::Number(c.plans.len() as f64)),
            ("count", format::integer(lang, c.plans.len() as u64).into()),
            ("cities", cities(c, &all).into()),
            ("method", c.assessment.method.label(lang).to_owned().into()),
        ],
    )
}

// ---- Text ---------------------------------------------------------------------------------

/// A table as aligned text: the columns padded to their widest cell (multi-line cells joined
/// with "; ").
fn text_table(table: &Table, out: &mut String) {
    let cell = |s: &str| s.replace('\n', "; ").replace('\u{2003}', "  ");
    let rows: Vec<Vec<String>> = std::iter::once(
        table
            .columns
            .iter()
            .map(|c| c.title.clone())
            .collect::<Vec<_>>(),
    )
    .chain(
        table
            .rows
            .iter()
            .map(|r| r.iter().map(|s| cell(s)).collect()),
    )
    .collect();
    let widths: Vec<usize> = (0..table.columns.len())
        .map(|k| {
            rows.iter()
                .map(|r| r.get(k).map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for r in &rows {
        let mut line = String::new();
        for (k, s) in r.iter().enumerate() {
            let pad = widths[k].saturating_sub(s.chars().count());
            if k > 0 {
                line.push_str("  ");
            }
            if table.columns[k].right {
                line.push_str(&" ".repeat(pad));
                line.push_str(s);
            } else {
                line.push_str(s);
                if k + 1 < r.len() {
                    line.push_str(&" ".repeat(pad));
                }
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// The comparison as text for the terminal (the caller escapes it line by line).
pub fn text(c: &Comparison, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\n{}\n", t(lang, "cmp-title"), intro(c, lang));
    for part in Part::ALL {
        let _ = writeln!(out, "{}", t(lang, part.key()));
        match part {
            Part::Plans => text_table(&plans_table(c, lang), &mut out),
            Part::Profile => {
                text_table(&profile_table(c, lang), &mut out);
                for n in notes(c, lang) {
                    let _ = writeln!(out, "{n}");
                }
                let _ = writeln!(out, "{}", openness::method(lang, &c.index));
            }
            Part::Trend => trend_text(c, lang, &mut out),
            Part::Themes => text_table(&themes_table(c, lang), &mut out),
            Part::Budget => {
                text_table(&funds_table(c, lang), &mut out);
                let _ = writeln!(out, "{}", budget_note(c, lang));
            }
            Part::Transfers => {
                if !c.transfers.list.is_empty() {
                    text_table(&transfer_matrix(c, lang), &mut out);
                    out.push('\n');
                    text_table(&transfer_list(c, lang), &mut out);
                }
                let _ = writeln!(out, "{}", transfers_note(c, lang));
            }
        }
        out.push('\n');
    }
    out
}

fn trend_text(c: &Comparison, lang: Lang, out: &mut String) {
    if c.trend.years.len() < 2 {
        let _ = writeln!(out, "{}", t(lang, "cmp-no-trend"));
        return;
    }
    text_table(&tables::openness_trend(lang, &c.trend), out);
    let _ = writeln!(out, "{}", openness::trend_text(lang, &c.trend));
}

// ---- HTML ---------------------------------------------------------------------------------

/// A table as HTML with its caption, header cells for the columns and each row's first cell.
pub(super) fn html_table(out: &mut String, caption: &str, table: &Table) {
    let _ = write!(out, "<table><caption>{}</caption><thead><tr>", esc(caption));
    for c in &table.columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(&c.title));
    }
    out.push_str("</tr></thead><tbody>");
    for (n, r) in table.rows.iter().enumerate() {
        out.push_str(if table.totals.contains(&n) {
            "<tr class=\"total\">"
        } else {
            "<tr>"
        });
        for (i, (cell, col)) in r.iter().zip(&table.columns).enumerate() {
            let class = if col.right { " class=\"num\"" } else { "" };
            let text = cell.split('\n').map(esc).collect::<Vec<_>>().join("<br />");
            if i == 0 {
                let _ = write!(out, "<th scope=\"row\"{class}>{text}</th>");
            } else {
                let _ = write!(out, "<td{class}>{text}</td>");
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

/// The comparison as one self-contained HTML document in `lang`.
pub fn html(c: &Comparison, lang: Lang) -> String {
    let title = t(lang, "cmp-title");
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\" /><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" /><title>{}</title><meta name=\"generator\" content=\"LAP Studio\" /><style>{}</style></head><body><header><h1>{}</h1><p>{}</p></header><main>",
        lang.code(),
        esc(&title),
        super::html::STYLE,
        esc(&title),
        esc(&intro(c, lang))
    );
    for part in Part::ALL {
        let key = part.key();
        let heading = t(lang, key);
        let _ = write!(
            h,
            "<section id=\"{key}\" aria-labelledby=\"h-{key}\"><h2 id=\"h-{key}\">{}</h2>",
            esc(&heading)
        );
        match part {
            Part::Plans => html_table(&mut h, &heading, &plans_table(c, lang)),
            Part::Profile => {
                html_table(&mut h, &heading, &profile_table(c, lang));
                if let Some(f) = svg::openness(lang, &c.index) {
                    h.push_str(&f.html());
                }
                for n in notes(c, lang) {
                    let _ = write!(h, "<p>{}</p>", esc(&n));
                }
                let _ = write!(
                    h,
                    "<h3>{}</h3><p>{}</p>",
                    esc(&t(lang, "pdf-method")),
                    esc(&openness::method(lang, &c.index))
                );
            }
            Part::Trend => {
                if c.trend.years.len() < 2 {
                    let _ = write!(h, "<p>{}</p>", esc(&t(lang, "cmp-no-trend")));
                } else {
                    if let Some(f) = svg::openness_trend(lang, &c.trend) {
                        h.push_str(&f.html());
                    }
                    html_table(&mut h, &heading, &tables::openness_trend(lang, &c.trend));
                    let _ = write!(h, "<p>{}</p>", esc(&openness::trend_text(lang, &c.trend)));
                }
            }
            Part::Themes => html_table(&mut h, &heading, &themes_table(c, lang)),
            Part::Budget => {
                html_table(&mut h, &heading, &funds_table(c, lang));
                let _ = write!(h, "<p>{}</p>", esc(&budget_note(c, lang)));
            }
            Part::Transfers => {
                if !c.transfers.list.is_empty() {
                    html_table(&mut h, &heading, &transfer_matrix(c, lang));
                    html_table(
                        &mut h,
                        &t(lang, "cmp-transfer-list"),
                        &transfer_list(c, lang),
                    );
                }
                let _ = write!(h, "<p>{}</p>", esc(&transfers_note(c, lang)));
            }
        }
        h.push_str("</section>");
    }
    let _ = writeln!(
        h,
        "</main><footer><p class=\"meta\">LAP Studio {}</p></footer></body></html>",
        env!("CARGO_PKG_VERSION")
    );
    h
}

/// Writes the HTML file atomically with the replacing rules of `how`.
pub fn export_html(
    c: &Comparison,
    lang: Lang,
    path: &Path,
    how: crate::store::atomic::Replace,
) -> Result<(), crate::store::SaveError> {
    let text = html(c, lang);
    crate::store::atomic::write_with(path, how, |w| w.write_all(text.as_bytes()))
}

// ---- PDF ----------------------------------------------------------------------------------

/// A table in the PDF, its totals set apart.
pub(super) fn pdf_table(l: &mut Layout<'_>, table: &Table) {
    if table.totals.is_empty() {
        l.table(&table.columns, &table.rows);
    } else {
        l.table_totals(&table.columns, &table.rows, &table.totals);
    }
}

fn body(l: &mut Layout<'_>, c: &Comparison, lang: Lang) {
    charts::restart_figures();
    l.item = "comparison".into();
    l.label_heading(1, &t(lang, "cmp-title"), 40.0);
    l.label_paragraph(Style::BODY, &intro(c, lang), 0.0);
    // The charts read the comparison's assessment as a plan's.
    let chart_plan = Plan {
        openness: c.assessment.clone(),
        ..Plan::new()
    };
    for part in Part::ALL {
        if l.overflow {
            break;
        }
        if !l.at_top() {
            l.space(16.0);
        }
        l.label_heading(1, &t(lang, part.key()), 60.0);
        match part {
            Part::Plans => pdf_table(l, &plans_table(c, lang)),
            Part::Profile => {
                pdf_table(l, &profile_table(c, lang));
                if !c.index.cities.is_empty() && !c.index.areas.is_empty() {
                    l.begin_figure(charts::alt_text(&chart_plan, lang, charts::Chart::Openness));
                    charts::openness(l, &chart_plan, lang, &c.index);
                }
                for n in notes(c, lang) {
                    l.label_paragraph(Style::BODY, &n, 0.0);
                }
                l.label_heading(2, &t(lang, "pdf-method"), 40.0);
                l.label_paragraph(Style::BODY, &openness::method(lang, &c.index), 0.0);
            }
            Part::Trend => {
                if c.trend.years.len() < 2 {
                    l.label_paragraph(Style::BODY, &t(lang, "cmp-no-trend"), 0.0);
                } else {
                    // The chart with its caption and text alternative; the table for the numbers.
                    l.begin_figure(charts::alt_text(&chart_plan, lang, charts::Chart::Trend));
                    charts::openness_trend(l, &chart_plan, lang, &c.trend);
                    l.end_figure();
                    pdf_table(l, &tables::openness_trend(lang, &c.trend));
                    l.label_paragraph(Style::BODY, &openness::trend_text(lang, &c.trend), 0.0);
                }
            }
            Part::Themes => pdf_table(l, &themes_table(c, lang)),
            Part::Budget => {
                pdf_table(l, &funds_table(c, lang));
                l.label_paragraph(Style::BODY.color(GREY), &budget_note(c, lang), 0.0);
            }
            Part::Transfers => {
                if !c.transfers.list.is_empty() {
                    pdf_table(l, &transfer_matrix(c, lang));
                    l.label_heading(2, &t(lang, "cmp-transfer-list"), 40.0);
                    pdf_table(l, &transfer_list(c, lang));
                }
                l.label_paragraph(Style::BODY.color(GREY), &transfers_note(c, lang), 0.0);
            }
        }
    }
    l.finish();
}

/// A finished comparison PDF.
#[derive(Debug)]
pub struct ComparisonPdf {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
}

/// Lays out and renders the comparison as a tagged PDF with labels in `lang`.
pub fn render(c: &Comparison, lang: Lang, paper: Paper) -> Result<ComparisonPdf, ExportError> {
    let measure = Measure::new().ok_or(ExportError::Font("DejaVu Sans"))?;
    let title = t(lang, "cmp-title");
    let mut doc = PdfDocument::new(&title);
    let fonts = super::add_fonts(&mut doc)?;
    let mut l = Layout::new(&measure, fonts.clone(), paper);
    l.max_pages = super::layout::MAX_PAGES;
    body(&mut l, c, lang);
    if l.overflow {
        return Err(ExportError::TooManyPages {
            max: super::layout::MAX_PAGES,
        });
    }
    let names: Vec<String> = c.plans.iter().map(|p| cut_chars(&p.city, 200)).collect();
    let (bytes, total) = super::one_part_pdf(
        &measure,
        &fonts,
        doc,
        l,
        paper,
        &super::OnePart {
            title: &title,
            footer_left: None,
            lang,
            content_lang: lang.code(),
            authors: &["LAP Studio".to_owned()],
            subject: names.join(", "),
            keywords: ["URBACT", "OPEN Cities", "Local Action Plan", "comparison"]
                .iter()
                .map(|s| (*s).to_owned())
                .chain(names.iter().cloned())
                .collect(),
        },
    )?;
    Ok(ComparisonPdf {
        bytes,
        pages: total,
    })
}

/// Renders the comparison and writes the PDF atomically to `path` with the rules of `how`.
pub fn export_pdf(
    c: &Comparison,
    lang: Lang,
    paper: Paper,
    path: &Path,
    how: crate::store::atomic::Replace,
) -> Result<ComparisonPdf, ExportError> {
    super::write_rendered(path, how, || render(c, lang, paper), |pdf| &pdf.bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::compare::compare;
    use crate::model::OpennessMethod;
    use crate::store::templates::find;

    fn samples() -> Comparison {
        let plans: Vec<Plan> = [
            "sofia-open-cities",
            "vienna-open-cities",
            "dublin-open-cities",
        ]
        .iter()
        .map(|n| find(n).unwrap().plan().unwrap())
        .collect();
        compare(&plans, OpennessMethod::RelativeToAverage, Lang::En)
    }

    #[test]
    fn the_tables_have_a_column_per_plan_and_the_average() {
        let c = samples();
        let p = profile_table(&c, Lang::En);
        // Area, three cities, the group average.
        assert_eq!(p.columns.len(), 5);
        assert_eq!(p.rows.len(), 1 + c.index.areas.len());
        let f = funds_table(&c, Lang::En);
        assert_eq!(f.columns.len(), 4);
        assert_eq!(*f.totals.last().unwrap(), f.rows.len() - 1);
        let th = themes_table(&c, Lang::En);
        assert_eq!(th.rows.len(), c.themes.len());
        assert!(th.rows[0][1].contains("objective"), "{:?}", th.rows[0]);
        // Sofia (the first plan) adapts Vienna's StartWien: a row for Vienna, a 1 under Sofia.
        let m = transfer_matrix(&c, Lang::En);
        assert_eq!(m.columns.len(), 4);
        let vienna = m
            .rows
            .iter()
            .find(|r| r[0] == "Vienna")
            .expect("a row for Vienna");
        assert_eq!(vienna[1], "1");
        let list = transfer_list(&c, Lang::En);
        assert!(
            list.rows
                .iter()
                .any(|r| r[0].contains("StartWien") && r[1] == "Vienna" && r[2] == c.plans[0].city)
        );
    }

    #[test]
    fn text_and_html_have_every_section() {
        let c = samples();
        for lang in [Lang::En, Lang::Bg] {
            let text = text(&c, lang);
            let html = html(&c, lang);
            for part in Part::ALL {
                assert!(text.contains(&t(lang, part.key())), "{:?}", part);
                assert!(html.contains(&format!("id=\"{}\"", part.key())));
            }
            assert!(!text.contains("[cmp-") && !html.contains("[cmp-"), "{text}");
        }
    }
}
