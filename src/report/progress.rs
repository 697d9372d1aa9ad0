//! The progress report to the council for one monitoring round (the latest by default): as one
//! HTML file and as a tagged PDF that follows the plan PDF's rules (headings, tables with header
//! cells, each chart a Figure with its text alternative, "Page X of Y", metadata, the plan's
//! language). The tables are built once here and drawn by both, as `compare` does.
//!
//! Sections: the summary (counts by status, money against the budget, what changed since the
//! previous round), the objectives with their status and reasons, each indicator's chart and
//! numbers, the slipped and overdue actions with their narrative and issues, the next steps,
//! and the method. Every figure comes from [`analysis::monitoring`] and
//! [`analysis::progress`]; nothing is judged here.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use printpdf::PdfDocument;

use super::charts::{self, TargetActual};
use super::compare::{html_table, pdf_table};
use super::fonts::Measure;
use super::html::esc;
use super::layout::{Column, GREY, Layout, Paper, Style};
use super::svg;
use super::tables::{Table, num, num_change, short, t};
use super::{ExportError, cut_chars};
use crate::analysis::monitoring::{self, MonitoringStatus, Rag, Status};
use crate::analysis::progress::{self, Changed, Changes, NextSteps};
use crate::i18n::{FluentArg, tr_args};
use crate::model::{
    Action, ActionStatus, Indicator, Lang, Money, MonitoringRound, MonitoringRoundId, Plan, format,
};

/// The sections of the progress report, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Counts by status, money, what changed since the previous round.
    Summary,
    /// Each strategic and specific objective's status and reasons.
    Objectives,
    /// Each indicator's chart and numbers.
    Indicators,
    /// Actions at risk or off track, with their narrative and issues.
    Slipped,
    /// What falls due in the next period.
    NextSteps,
    /// How status is judged, with the tolerance.
    Method,
}

impl Part {
    /// Every part, in report order.
    pub const ALL: [Part; 6] = [
        Part::Summary,
        Part::Objectives,
        Part::Indicators,
        Part::Slipped,
        Part::NextSteps,
        Part::Method,
    ];

    /// The key of its heading in the Fluent files (also the HTML section's id).
    pub fn key(self) -> &'static str {
        match self {
            Part::Summary => "progress-summary",
            Part::Objectives => "progress-objectives",
            Part::Indicators => "progress-indicators",
            Part::Slipped => "progress-slipped",
            Part::NextSteps => "progress-next",
            Part::Method => "progress-method",
        }
    }
}

/// Why there is no progress report to make.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProgressError {
    /// The plan has no monitoring round.
    #[error("the plan has no monitoring rounds: a progress report needs at least one")]
    NoRounds,
    /// No round has this id.
    #[error("the plan has no monitoring round {round:?}; its rounds: {}", rounds.join(", "))]
    UnknownRound {
        /// The id asked for.
        round: String,
        /// The rounds the plan has, in date order.
        rounds: Vec<String>,
    },
}

/// Everything the report shows, computed once for both the PDF and the HTML.
#[derive(Debug)]
pub struct Progress<'p> {
    /// The plan.
    pub plan: &'p Plan,
    /// The round reported on.
    pub round: &'p MonitoringRound,
    /// The round before it, in date order.
    pub previous: Option<&'p MonitoringRound>,
    /// Where the plan stands as of the round.
    pub status: MonitoringStatus,
    /// What changed since the previous round.
    pub changes: Changes,
    /// What falls due in the next period (as long as the round's).
    pub next: NextSteps,
}

/// The figures of the report on `round` of `plan` (the latest when `None`).
pub fn prepare<'p>(
    plan: &'p Plan,
    round: Option<&MonitoringRoundId>,
) -> Result<Progress<'p>, ProgressError> {
    let m = &plan.monitoring;
    let this = match round {
        None => m.latest().ok_or(ProgressError::NoRounds)?,
        Some(id) => m.round(id).ok_or_else(|| ProgressError::UnknownRound {
            round: id.to_string(),
            rounds: m.history(None).iter().map(|r| r.id.to_string()).collect(),
        })?,
    };
    let status = monitoring::status(plan, Some(&this.id));
    let previous = progress::previous_round(plan, Some(&this.id)).and_then(|id| m.round(&id));
    let before = previous.map(|p| monitoring::status(plan, Some(&p.id)));
    let changes = progress::changes_between(plan, before.as_ref(), &status);
    let next = progress::next_steps(plan, &status, progress::period_months(plan, Some(&this.id)));
    Ok(Progress {
        plan,
        round: this,
        previous,
        status,
        changes,
        next,
    })
}

// ---- Words --------------------------------------------------------------------------------

fn say(lang: Lang, key: &str, args: &[(&str, FluentArg)]) -> String {
    tr_args(lang, key, args)
}

fn text(s: impl Into<String>) -> FluentArg {
    FluentArg::Text(s.into())
}

/// A round as people name it: its id and date.
fn round_name(lang: Lang, r: &MonitoringRound) -> String {
    match r.date {
        Some(d) => format!("{} ({})", r.id, format::date(lang, d)),
        None => r.id.to_string(),
    }
}

fn action_name(a: &Action) -> String {
    let code = if a.code.is_empty() {
        a.id.as_str()
    } else {
        &a.code
    };
    short(&format!("{code} {}", a.title))
}

fn indicator_name(i: &Indicator) -> String {
    let code = if i.code.is_empty() {
        i.id.as_str()
    } else {
        &i.code
    };
    short(&format!("{code} {}", i.name))
}

fn money(p: &Progress<'_>, lang: Lang, m: Money) -> String {
    p.plan.money_text(lang, m)
}

fn percent(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format::percent(lang, v, 0))
}

fn reasons(lang: Lang, s: &Status, currency: &str) -> String {
    s.reasons
        .iter()
        .map(|r| monitoring::reason_text(lang, r, currency))
        .collect::<Vec<_>>()
        .join("; ")
}

fn reported(lang: Lang, s: Option<ActionStatus>) -> String {
    s.map_or_else(
        || t(lang, "progress-not-reported"),
        |s| s.label(lang).to_owned(),
    )
}

/// The line under the title: the round, its date and period, who compiled it, and the round
/// it is compared with.
pub fn intro(p: &Progress<'_>, lang: Lang) -> Vec<String> {
    let r = p.round;
    let dash = || "—".to_owned();
    let mut out = vec![say(
        lang,
        "progress-intro",
        &[
            ("round", text(r.id.to_string())),
            (
                "date",
                text(r.date.map_or_else(dash, |d| format::date(lang, d))),
            ),
            (
                "period",
                text(if r.period_start.is_some() || r.period_end.is_some() {
                    format::month_range(lang, r.period_start, r.period_end)
                } else {
                    dash()
                }),
            ),
            (
                "name",
                text(if r.author.trim().is_empty() {
                    dash()
                } else {
                    short(&r.author)
                }),
            ),
        ],
    )];
    out.push(match p.previous {
        Some(prev) => say(
            lang,
            "progress-compared",
            &[("round", text(round_name(lang, prev)))],
        ),
        None => t(lang, "progress-first-round"),
    });
    out
}

// ---- Tables -------------------------------------------------------------------------------

/// Counts by status of actions, indicators, specific and strategic objectives.
pub fn counts_table(p: &Progress<'_>, lang: Lang) -> Table {
    let mut cols = vec![Column::new(t(lang, "progress-col-what"), 2.2)];
    cols.extend(Rag::ALL.iter().map(|r| Column::right(r.label(lang), 1.0)));
    cols.push(Column::right(t(lang, "progress-col-total"), 1.0));
    let count = |rags: &mut dyn Iterator<Item = Rag>| {
        let mut n = [0usize; 4];
        for r in rags {
            if let Some(i) = Rag::ALL.iter().position(|x| *x == r) {
                n[i] += 1;
            }
        }
        n
    };
    let s = &p.status;
    let rows = [
        ("progress-row-actions", s.action_counts()),
        ("progress-row-indicators", s.indicator_counts()),
        (
            "progress-row-specific",
            count(&mut s.specific.iter().map(|x| x.status.rag)),
        ),
        (
            "progress-row-strategic",
            count(&mut s.strategic.iter().map(|x| x.status.rag)),
        ),
    ]
    .into_iter()
    .map(|(key, n)| {
        std::iter::once(t(lang, key))
            .chain(n.iter().map(|k| format::integer(lang, *k as u64)))
            .chain(std::iter::once(format::integer(
                lang,
                n.iter().sum::<usize>() as u64,
            )))
            .collect()
    })
    .collect();
    Table::new(cols, rows)
}

/// The money of the round: the actions' cost, spent, committed, and what is left.
pub fn money_table(p: &Progress<'_>, lang: Lang) -> Table {
    let cols = vec![
        Column::new(t(lang, "progress-col-what"), 3.0),
        Column::right(t(lang, "progress-col-amount"), 2.0),
        Column::right(t(lang, "progress-col-share"), 1.2),
    ];
    let cost: Money = p.plan.actions.iter().filter_map(|a| a.cost).sum();
    let spent: Money = p.status.actions.iter().map(|a| a.spent).sum();
    let committed: Money = p.status.actions.iter().map(|a| a.committed).sum();
    let used = spent + committed;
    let left = (cost - used).clamp_at_zero();
    let rows = [
        ("progress-row-cost", cost),
        ("progress-row-spent", spent),
        ("progress-row-committed", committed),
        ("progress-row-used", used),
        ("progress-row-left", left),
    ]
    .into_iter()
    .map(|(key, m)| {
        vec![
            t(lang, key),
            money(p, lang, m),
            format::percent(lang, Money::percent_of(m, cost), 1),
        ]
    })
    .collect();
    Table::new(cols, rows)
}

/// The status changes since the previous round, one sentence each ("A-1 …: on track → at
/// risk"), then the milestones reached in this round.
pub fn change_lines(p: &Progress<'_>, lang: Lang) -> Vec<String> {
    let c = &p.changes;
    let Some(prev) = p.previous else {
        return vec![t(lang, "progress-no-previous")];
    };
    let indicators: HashMap<&str, &Indicator> = p
        .plan
        .indicators
        .iter()
        .map(|i| (i.id.as_str(), i))
        .collect();
    let actions: HashMap<&str, &Action> =
        p.plan.actions.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut out = Vec::new();
    for s in &c.status_changes {
        let name = match &s.item {
            Changed::Indicator(id) => indicators
                .get(id.as_str())
                .map_or_else(|| id.to_string(), |i| indicator_name(i)),
            Changed::Action(id) => actions
                .get(id.as_str())
                .map_or_else(|| id.to_string(), |a| action_name(a)),
        };
        out.push(format!(
            "{name}: {} → {}",
            s.from.label(lang),
            s.to.label(lang)
        ));
    }
    if out.is_empty() {
        out.push(say(
            lang,
            "progress-no-status-changes",
            &[("round", text(round_name(lang, prev)))],
        ));
    }
    out
}

/// The milestones this round reports reached for the first time, one sentence each.
pub fn milestone_lines(p: &Progress<'_>, lang: Lang) -> Vec<String> {
    let actions: HashMap<&str, &Action> =
        p.plan.actions.iter().map(|a| (a.id.as_str(), a)).collect();
    let out: Vec<String> = p
        .changes
        .new_milestones
        .iter()
        .map(|m| {
            say(
                lang,
                "progress-milestone-reached",
                &[
                    (
                        "action",
                        text(
                            actions
                                .get(m.action.as_str())
                                .map_or_else(|| m.action.to_string(), |a| action_name(a)),
                        ),
                    ),
                    ("title", text(short(&m.title))),
                    (
                        "date",
                        text(
                            m.date
                                .map_or_else(|| "—".to_owned(), |d| format::date(lang, d)),
                        ),
                    ),
                ],
            )
        })
        .collect();
    if out.is_empty() {
        vec![t(lang, "progress-no-milestones")]
    } else {
        out
    }
}

/// The actions whose status, progress or spend moved since the previous round: before and now.
/// `None` when there is no previous round.
pub fn moved_table(p: &Progress<'_>, lang: Lang) -> Option<Table> {
    p.previous?;
    let cols = vec![
        Column::new(t(lang, "progress-col-action"), 2.6).max_lines(4),
        Column::new(t(lang, "progress-col-before"), 2.2),
        Column::new(t(lang, "progress-col-now"), 2.2),
    ];
    let cell = |s: &progress::ActionSnapshot| {
        format!(
            "{} — {}\n{}\n{}",
            reported(lang, s.reported),
            s.rag.label(lang),
            say(
                lang,
                "progress-cell-done",
                &[("value", text(percent(lang, s.percent_done)))]
            ),
            say(
                lang,
                "progress-cell-spent",
                &[("value", text(money(p, lang, s.spent)))]
            ),
        )
    };
    let rows = p
        .plan
        .actions
        .iter()
        .zip(&p.changes.actions)
        .filter_map(|(a, ch)| {
            let before = ch.previous.as_ref()?;
            (*before != ch.latest).then(|| vec![action_name(a), cell(before), cell(&ch.latest)])
        })
        .collect();
    Some(Table::new(cols, rows))
}

/// The indicators whose value or status moved since the previous round: the value before and
/// now, the change, and the status as the analysis gives it (with why, when it cannot judge
/// one, as for an indicator without a baseline or targets). `None` when there is no previous
/// round.
pub fn indicators_moved_table(p: &Progress<'_>, lang: Lang) -> Option<Table> {
    p.previous?;
    let cols = vec![
        Column::new(t(lang, "progress-col-indicator"), 2.6).max_lines(4),
        Column::new(t(lang, "progress-col-before"), 1.1),
        Column::new(t(lang, "progress-col-now"), 1.1),
        Column::new(t(lang, "progress-col-change"), 1.0),
        Column::new(t(lang, "progress-col-status"), 2.2),
    ];
    let value = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| num(lang, v));
    let currency = &p.plan.facts.currency;
    let rows = p
        .plan
        .indicators
        .iter()
        .zip(&p.changes.indicators)
        .zip(&p.status.indicators)
        .filter(|((_, ch), _)| ch.moved())
        .map(|((i, ch), now)| {
            let rag = match ch.previous_rag {
                Some(from) if from != ch.rag => {
                    format!("{} → {}", from.label(lang), ch.rag.label(lang))
                }
                _ => ch.rag.label(lang).to_owned(),
            };
            // A judged value's reasons are in the indicator's own section; a value that
            // cannot be judged says why here.
            let status = if ch.rag == Rag::NoData {
                format!("{rag}\n{}", reasons(lang, &now.status, currency))
            } else {
                rag
            };
            vec![
                indicator_name(i),
                value(ch.previous),
                value(ch.latest),
                ch.change()
                    .map_or_else(|| "—".to_owned(), |c| num_change(lang, c)),
                status,
            ]
        })
        .collect();
    Some(Table::new(cols, rows))
}

/// The actions' and the indicators' tables of what moved, each with its caption and what to
/// say when it is empty (none at all when there is no previous round).
fn moved_tables(p: &Progress<'_>, lang: Lang) -> Vec<(String, String, Table)> {
    [
        (
            "progress-moved",
            "progress-none-moved",
            moved_table(p, lang),
        ),
        (
            "progress-indicators-moved",
            "progress-none-indicators-moved",
            indicators_moved_table(p, lang),
        ),
    ]
    .into_iter()
    .filter_map(|(caption, none, table)| Some((t(lang, caption), t(lang, none), table?)))
    .collect()
}

/// Each strategic objective (a row set apart) and its specific objectives: status and why.
pub fn objectives_table(p: &Progress<'_>, lang: Lang) -> Table {
    let cols = vec![
        Column::new(t(lang, "progress-col-objective"), 3.0).max_lines(4),
        Column::new(t(lang, "progress-col-status"), 1.4),
        Column::new(t(lang, "progress-col-why"), 3.2),
    ];
    let currency = &p.plan.facts.currency;
    let specific: HashMap<&str, &Status> = p
        .status
        .specific
        .iter()
        .map(|s| (s.objective.as_str(), &s.status))
        .collect();
    let mut rows = Vec::new();
    let mut totals = Vec::new();
    for (o, r) in p.plan.objectives.iter().zip(&p.status.strategic) {
        totals.push(rows.len());
        rows.push(vec![
            short(&format!("{} {}", o.code, o.title)),
            r.status.rag.label(lang),
            reasons(lang, &r.status, currency),
        ]);
        for s in &o.specific {
            if let Some(st) = specific.get(s.id.as_str()) {
                rows.push(vec![
                    format!("\u{2003}{}", short(&format!("{} {}", s.code, s.title))),
                    st.rag.label(lang),
                    reasons(lang, st, currency),
                ]);
            }
        }
    }
    Table {
        columns: cols,
        rows,
        totals,
    }
}

/// An indicator's baseline and targets, and the latest value reported in each year up to the
/// round (each at its own date, or its round's), for the chart and the table.
pub fn series(p: &Progress<'_>, i: &Indicator) -> (TargetActual, HashMap<i32, String>) {
    let mut planned: Vec<(i32, f64)> = i
        .baseline
        .iter()
        .map(|b| (b.year, b.value))
        .chain(i.targets.iter().map(|t| (t.year, t.value)))
        .collect();
    planned.sort_by_key(|x| x.0);
    let mut by_year: HashMap<i32, (f64, Option<crate::model::Date>, String)> = HashMap::new();
    for r in p.plan.monitoring.history(Some(&p.round.id)) {
        for a in r.actuals.iter().filter(|a| a.indicator == i.id) {
            let at = a.date.or(r.date);
            let Some(year) = at.map(|d| d.year()) else {
                continue;
            };
            match by_year.get(&year) {
                Some((_, prev, _)) if *prev > at => {}
                _ => {
                    by_year.insert(year, (a.value, at, a.source.clone()));
                }
            }
        }
    }
    let mut reported: Vec<(i32, f64)> = by_year.iter().map(|(y, v)| (*y, v.0)).collect();
    reported.sort_by_key(|x| x.0);
    let sources = by_year.into_iter().map(|(y, v)| (y, v.2)).collect();
    (TargetActual { planned, reported }, sources)
}

/// An indicator's numbers by year: target, the value expected on the path, the value reported
/// and its source.
pub fn indicator_table(p: &Progress<'_>, lang: Lang, i: &Indicator) -> Table {
    let unit = if i.unit.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", short(&i.unit))
    };
    let cols = vec![
        Column::new(t(lang, "progress-col-year"), 1.0),
        Column::right(format!("{}{unit}", t(lang, "progress-col-target")), 2.0),
        Column::right(format!("{}{unit}", t(lang, "progress-col-expected")), 1.3),
        Column::right(format!("{}{unit}", t(lang, "progress-col-reported")), 1.3),
        Column::new(t(lang, "progress-col-source"), 2.3),
    ];
    let (s, sources) = series(p, i);
    let mut years: Vec<i32> = s.planned.iter().chain(&s.reported).map(|x| x.0).collect();
    years.sort_unstable();
    years.dedup();
    let rows = years
        .into_iter()
        .map(|y| {
            let baseline = i.baseline.as_ref().filter(|b| b.year == y);
            let target = i.targets.iter().find(|t| t.year == y);
            let year = y.to_string();
            let target = match (baseline, target) {
                (_, Some(t)) => num(lang, t.value),
                (Some(b), None) => say(
                    lang,
                    "progress-baseline-value",
                    &[("value", text(num(lang, b.value)))],
                ),
                _ => "—".to_owned(),
            };
            // Each year's planned value stands at the end of that year.
            let expected = monitoring::expected_at(i, f64::from(y) + 1.0)
                .map_or_else(|| "—".to_owned(), |v| format::decimal_up_to(lang, v, 2));
            let value = s
                .reported
                .iter()
                .find(|r| r.0 == y)
                .map_or_else(|| "—".to_owned(), |r| num(lang, r.1));
            let source = sources.get(&y).map(|s| short(s)).unwrap_or_default();
            vec![year, target, expected, value, source]
        })
        .collect();
    Table::new(cols, rows)
}

/// An indicator's status in words.
pub fn indicator_status(p: &Progress<'_>, lang: Lang, k: usize) -> String {
    p.status.indicators.get(k).map_or_else(String::new, |r| {
        say(
            lang,
            "progress-status-line",
            &[
                ("status", text(r.status.rag.label(lang))),
                (
                    "what",
                    text(reasons(lang, &r.status, &p.plan.facts.currency)),
                ),
            ],
        )
    })
}

/// The chart's caption and text alternative: the path's ends and every value reported.
pub fn indicator_figure_text(
    p: &Progress<'_>,
    lang: Lang,
    i: &Indicator,
    s: &TargetActual,
) -> (String, String) {
    let name = indicator_name(i);
    let caption = say(
        lang,
        "progress-chart-caption",
        &[("name", text(name.clone()))],
    );
    let point = |(y, v): &(i32, f64)| format!("{} {}", y, num(lang, *v));
    let planned = s.planned.iter().map(point).collect::<Vec<_>>().join(", ");
    let values = s.reported.iter().map(point).collect::<Vec<_>>().join(", ");
    let rag = p
        .status
        .indicators
        .iter()
        .find(|r| r.indicator == i.id)
        .map_or(Rag::NoData, |r| r.status.rag);
    let alt = say(
        lang,
        if s.reported.is_empty() {
            "progress-chart-alt-none"
        } else {
            "progress-chart-alt"
        },
        &[
            ("name", text(name)),
            ("expected", text(planned)),
            ("values", text(values)),
            ("status", text(rag.label(lang))),
        ],
    );
    (caption, alt)
}

/// The actions at risk or off track, with why, what was done and what holds them up.
pub fn slipped_table(p: &Progress<'_>, lang: Lang) -> Table {
    let cols = vec![
        Column::new(t(lang, "progress-col-action"), 2.0).max_lines(4),
        Column::new(t(lang, "progress-col-why"), 2.6),
        Column::new(t(lang, "progress-col-narrative"), 2.6),
        Column::new(t(lang, "progress-col-issues"), 2.2),
    ];
    let latest = progress::latest_progress(p.plan, Some(&p.round.id));
    let currency = &p.plan.facts.currency;
    let rows = p
        .plan
        .actions
        .iter()
        .zip(&p.status.actions)
        .filter(|(_, r)| matches!(r.status.rag, Rag::AtRisk | Rag::OffTrack))
        .map(|(a, r)| {
            let report = latest.get(a.id.as_str());
            vec![
                action_name(a),
                format!(
                    "{}, {}: {}",
                    r.status.rag.label(lang),
                    reported(lang, r.reported),
                    reasons(lang, &r.status, currency)
                ),
                report.map(|x| x.narrative.clone()).unwrap_or_default(),
                report.map(|x| x.issues.clone()).unwrap_or_default(),
            ]
        })
        .collect();
    Table::new(cols, rows)
}

/// What falls due in the next period, by month: milestones (overdue ones marked), starts, ends.
pub fn next_table(p: &Progress<'_>, lang: Lang) -> Table {
    let cols = vec![
        Column::new(t(lang, "progress-col-when"), 1.4),
        Column::new(t(lang, "progress-col-due"), 5.0),
    ];
    let actions: HashMap<&str, &Action> =
        p.plan.actions.iter().map(|a| (a.id.as_str(), a)).collect();
    let name = |id: &crate::model::ActionId| {
        actions
            .get(id.as_str())
            .map_or_else(|| id.to_string(), |a| action_name(a))
    };
    let n = &p.next;
    let mut rows: Vec<(crate::model::YearMonth, u8, Vec<String>)> = Vec::new();
    for (action, _, title, due) in &n.milestones {
        let overdue = n.from.is_some_and(|f| *due < f);
        let key = if overdue {
            "progress-step-milestone-overdue"
        } else {
            "progress-step-milestone"
        };
        let what = say(
            lang,
            key,
            &[
                ("title", text(short(title))),
                ("action", text(name(action))),
            ],
        );
        rows.push((*due, 0, vec![format::month(lang, *due), what]));
    }
    for (action, start) in &n.starts {
        let overdue = n.from.is_some_and(|f| *start < f);
        let key = if overdue {
            "progress-step-start-late"
        } else {
            "progress-step-start"
        };
        let what = say(lang, key, &[("action", text(name(action)))]);
        rows.push((*start, 1, vec![format::month(lang, *start), what]));
    }
    for (action, end) in &n.ends {
        let what = say(lang, "progress-step-end", &[("action", text(name(action)))]);
        rows.push((*end, 2, vec![format::month(lang, *end), what]));
    }
    rows.sort_by_key(|r| (r.0, r.1));
    Table::new(cols, rows.into_iter().map(|r| r.2).collect())
}

/// The sentence over the next steps: the months looked at.
pub fn next_intro(p: &Progress<'_>, lang: Lang) -> String {
    say(
        lang,
        "progress-next-intro",
        &[(
            "period",
            text(format::month_range(lang, p.next.from, p.next.to)),
        )],
    )
}

/// The method: the tolerance, then how status is judged.
pub fn method_lines(p: &Progress<'_>, lang: Lang) -> Vec<String> {
    vec![
        say(
            lang,
            "progress-tolerance",
            &[(
                "tolerance",
                text(format::percent(lang, p.status.tolerance, 1)),
            )],
        ),
        monitoring::method(lang, &p.status),
    ]
}

/// The report's title: what it is, and of which plan.
pub fn title(p: &Progress<'_>, lang: Lang) -> String {
    say(
        lang,
        "progress-title-of",
        &[("title", text(cut_chars(&p.plan.facts.title, 300)))],
    )
}

// ---- HTML ---------------------------------------------------------------------------------

fn html_paras(h: &mut String, lines: &[String]) {
    for l in lines {
        let _ = write!(h, "<p>{}</p>", esc(l));
    }
}

fn html_list(h: &mut String, lines: &[String]) {
    h.push_str("<ul>");
    for l in lines {
        let _ = write!(h, "<li>{}</li>", esc(l));
    }
    h.push_str("</ul>");
}

/// The progress report as one self-contained HTML document with labels in `lang`.
pub fn html(p: &Progress<'_>, lang: Lang) -> String {
    let report = t(lang, "progress-title");
    let plan_title = &p.plan.facts.title;
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\" /><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" /><title>{}</title><meta name=\"generator\" content=\"LAP Studio\" /><style>{}</style></head><body><header><p class=\"meta\">{}</p><h1>{}</h1>",
        lang.code(),
        esc(&title(p, lang)),
        super::html::STYLE,
        esc(plan_title),
        esc(&report),
    );
    html_paras(&mut h, &intro(p, lang));
    if !p.round.note.trim().is_empty() {
        let _ = write!(h, "<p class=\"meta\">{}</p>", esc(&p.round.note));
    }
    h.push_str("</header><main>");
    for part in Part::ALL {
        let key = part.key();
        let heading = t(lang, key);
        let _ = write!(
            h,
            "<section id=\"{key}\" aria-labelledby=\"h-{key}\"><h2 id=\"h-{key}\">{}</h2>",
            esc(&heading)
        );
        match part {
            Part::Summary => {
                html_table(&mut h, &t(lang, "progress-counts"), &counts_table(p, lang));
                html_table(&mut h, &t(lang, "progress-money"), &money_table(p, lang));
                let _ = write!(h, "<h3>{}</h3>", esc(&t(lang, "progress-changes")));
                html_list(&mut h, &change_lines(p, lang));
                let _ = write!(h, "<h3>{}</h3>", esc(&t(lang, "progress-milestones")));
                html_list(&mut h, &milestone_lines(p, lang));
                for (caption, none, moved) in moved_tables(p, lang) {
                    if moved.rows.is_empty() {
                        let _ = write!(h, "<h3>{}</h3><p>{}</p>", esc(&caption), esc(&none));
                    } else {
                        html_table(&mut h, &caption, &moved);
                    }
                }
            }
            Part::Objectives => html_table(&mut h, &heading, &objectives_table(p, lang)),
            Part::Indicators => {
                if p.plan.indicators.is_empty() {
                    let _ = write!(h, "<p>{}</p>", esc(&t(lang, "progress-no-indicators")));
                }
                for (k, i) in p.plan.indicators.iter().enumerate() {
                    let _ = write!(h, "<h3>{}</h3>", esc(&indicator_name(i)));
                    let _ = write!(h, "<p>{}</p>", esc(&indicator_status(p, lang, k)));
                    let (s, _) = series(p, i);
                    let (caption, alt) = indicator_figure_text(p, lang, i, &s);
                    if let Some(f) = svg::target_actual(lang, &s, caption, alt) {
                        h.push_str(&f.html());
                    }
                    html_table(&mut h, &indicator_name(i), &indicator_table(p, lang, i));
                }
            }
            Part::Slipped => {
                let table = slipped_table(p, lang);
                if table.rows.is_empty() {
                    let _ = write!(h, "<p>{}</p>", esc(&t(lang, "progress-none-slipped")));
                } else {
                    html_table(&mut h, &heading, &table);
                }
            }
            Part::NextSteps => {
                let table = next_table(p, lang);
                let _ = write!(h, "<p>{}</p>", esc(&next_intro(p, lang)));
                if table.rows.is_empty() {
                    let _ = write!(h, "<p>{}</p>", esc(&t(lang, "progress-none-next")));
                } else {
                    html_table(&mut h, &heading, &table);
                }
            }
            Part::Method => html_paras(&mut h, &method_lines(p, lang)),
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
    p: &Progress<'_>,
    lang: Lang,
    path: &Path,
    how: crate::store::atomic::Replace,
) -> Result<(), crate::store::SaveError> {
    let text = html(p, lang);
    crate::store::atomic::write_with(path, how, |w| w.write_all(text.as_bytes()))
}

// ---- PDF ----------------------------------------------------------------------------------

fn pdf_lines(l: &mut Layout<'_>, lines: &[String]) {
    for s in lines {
        l.label_paragraph(Style::BODY, s, 0.0);
    }
}

fn body(l: &mut Layout<'_>, p: &Progress<'_>, lang: Lang) {
    charts::restart_figures();
    l.item = "progress".into();
    l.label_heading(1, &t(lang, "progress-title"), 40.0);
    l.paragraph(Style::BODY.bold(), &p.plan.facts.title, 0.0);
    pdf_lines(l, &intro(p, lang));
    if !p.round.note.trim().is_empty() {
        l.paragraph(Style::SMALL.italic().color(GREY), &p.round.note, 0.0);
    }
    for part in Part::ALL {
        if l.overflow {
            break;
        }
        if !l.at_top() {
            l.space(16.0);
        }
        l.label_heading(1, &t(lang, part.key()), 60.0);
        match part {
            Part::Summary => {
                l.label_heading(2, &t(lang, "progress-counts"), 40.0);
                pdf_table(l, &counts_table(p, lang));
                l.label_heading(2, &t(lang, "progress-money"), 40.0);
                pdf_table(l, &money_table(p, lang));
                l.label_heading(2, &t(lang, "progress-changes"), 40.0);
                for s in change_lines(p, lang) {
                    l.bullet(&s);
                }
                l.label_heading(2, &t(lang, "progress-milestones"), 40.0);
                for s in milestone_lines(p, lang) {
                    l.bullet(&s);
                }
                for (caption, none, moved) in moved_tables(p, lang) {
                    l.label_heading(2, &caption, 40.0);
                    if moved.rows.is_empty() {
                        l.label_paragraph(Style::BODY, &none, 0.0);
                    } else {
                        pdf_table(l, &moved);
                    }
                }
            }
            Part::Objectives => pdf_table(l, &objectives_table(p, lang)),
            Part::Indicators => {
                if p.plan.indicators.is_empty() {
                    l.label_paragraph(Style::BODY, &t(lang, "progress-no-indicators"), 0.0);
                }
                for (k, i) in p.plan.indicators.iter().enumerate() {
                    if l.overflow {
                        break;
                    }
                    let (s, _) = series(p, i);
                    let table = indicator_table(p, lang, i);
                    // The heading, its status line, the chart and a short table together.
                    // Its header and each row about one and a half lines of small print.
                    let table_h =
                        (table.rows.len() as f32 + 1.5) * 1.5 * Style::SMALL.line_height();
                    l.heading(
                        2,
                        &indicator_name(i),
                        charts::TARGET_ACTUAL_HEIGHT + 60.0 + table_h,
                    );
                    l.label_paragraph(Style::BODY, &indicator_status(p, lang, k), 0.0);
                    if s.years().is_some() {
                        let (caption, alt) = indicator_figure_text(p, lang, i, &s);
                        l.begin_figure(alt.clone());
                        charts::target_actual(l, lang, &s);
                        charts::figure_caption(l, lang, &caption, &alt);
                    }
                    pdf_table(l, &table);
                    l.space(10.0);
                }
            }
            Part::Slipped => {
                let table = slipped_table(p, lang);
                if table.rows.is_empty() {
                    l.label_paragraph(Style::BODY, &t(lang, "progress-none-slipped"), 0.0);
                } else {
                    pdf_table(l, &table);
                }
            }
            Part::NextSteps => {
                l.label_paragraph(Style::BODY, &next_intro(p, lang), 0.0);
                let table = next_table(p, lang);
                if table.rows.is_empty() {
                    l.label_paragraph(Style::BODY, &t(lang, "progress-none-next"), 0.0);
                } else {
                    pdf_table(l, &table);
                }
            }
            Part::Method => pdf_lines(l, &method_lines(p, lang)),
        }
    }
    l.finish();
}

/// A finished progress report PDF.
#[derive(Debug)]
pub struct ProgressPdf {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
}

/// Lays out and renders the progress report as a tagged PDF with labels in `lang`; the
/// document's language is the plan's.
pub fn render(p: &Progress<'_>, lang: Lang, paper: Paper) -> Result<ProgressPdf, ExportError> {
    let measure = Measure::new().ok_or(ExportError::Font("DejaVu Sans"))?;
    let title = title(p, lang);
    let mut doc = PdfDocument::new(&title);
    let fonts = super::add_fonts(&mut doc)?;
    let label_lang = (lang != p.plan.facts.language).then(|| lang.code());
    let mut l = Layout::new(&measure, fonts.clone(), paper);
    l.max_pages = super::layout::MAX_PAGES;
    l.label_lang = label_lang;
    body(&mut l, p, lang);
    if l.overflow {
        return Err(ExportError::TooManyPages {
            max: super::layout::MAX_PAGES,
        });
    }
    let city = cut_chars(&p.plan.facts.city, 200);
    let authors: Vec<String> = if p.round.author.trim().is_empty() {
        p.plan
            .facts
            .authors
            .iter()
            .map(|a| cut_chars(a, 200))
            .collect()
    } else {
        vec![cut_chars(&p.round.author, 200)]
    };
    let round = round_name(lang, p.round);
    let (bytes, total) = super::one_part_pdf(
        &measure,
        &fonts,
        doc,
        l,
        paper,
        &super::OnePart {
            title: &title,
            footer_left: Some(&round),
            lang,
            content_lang: p.plan.facts.language.code(),
            authors: &authors,
            subject: format!("{city} — {round}"),
            keywords: [
                "URBACT",
                "OPEN Cities",
                "Local Action Plan",
                "monitoring",
                "progress report",
            ]
            .iter()
            .map(|s| (*s).to_owned())
            .chain(std::iter::once(city))
            .collect(),
        },
    )?;
    Ok(ProgressPdf {
        bytes,
        pages: total,
    })
}

/// Renders the report and writes the PDF atomically to `path` with the rules of `how`.
pub fn export_pdf(
    p: &Progress<'_>,
    lang: Lang,
    paper: Paper,
    path: &Path,
    how: crate::store::atomic::Replace,
) -> Result<ProgressPdf, ExportError> {
    super::write_rendered(path, how, || render(p, lang, paper), |pdf| &pdf.bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::templates::find;

    fn sofia() -> Plan {
        find("sofia-open-cities").unwrap().plan().unwrap()
    }

    #[test]
    fn errors_name_the_round_and_list_the_rounds() {
        let plan = sofia();
        let e = prepare(&plan, Some(&"MR-9".into())).unwrap_err();
        assert_eq!(
            e,
            ProgressError::UnknownRound {
                round: "MR-9".into(),
                rounds: vec!["MR-1".into(), "MR-2".into()]
            }
        );
        assert!(e.to_string().contains("MR-1, MR-2"), "{e}");
        assert_eq!(
            prepare(&Plan::new(), None).unwrap_err(),
            ProgressError::NoRounds
        );
    }

    #[test]
    fn the_tables_follow_the_status() {
        let plan = sofia();
        let p = prepare(&plan, None).unwrap();
        assert_eq!(p.round.id, "MR-2".into());
        assert_eq!(p.previous.map(|r| r.id.clone()), Some("MR-1".into()));
        let counts = counts_table(&p, Lang::En);
        let actions = p.status.action_counts();
        for (k, n) in actions.iter().enumerate() {
            assert_eq!(counts.rows[0][k + 1], n.to_string());
        }
        assert_eq!(counts.rows[0][5], plan.actions.len().to_string());
        let objectives = objectives_table(&p, Lang::En);
        assert_eq!(objectives.totals.len(), plan.objectives.len());
        // Every slipped action is at risk or off track, and every such action is listed.
        let slipped = slipped_table(&p, Lang::En);
        let bad = p
            .status
            .actions
            .iter()
            .filter(|a| matches!(a.status.rag, Rag::AtRisk | Rag::OffTrack))
            .count();
        assert_eq!(slipped.rows.len(), bad);
        // The first round has nothing before it.
        let first = prepare(&plan, Some(&"MR-1".into())).unwrap();
        assert!(moved_table(&first, Lang::En).is_none());
        assert_eq!(
            change_lines(&first, Lang::En),
            vec![t(Lang::En, "progress-no-previous")]
        );
    }

    #[test]
    fn a_large_monitored_plan_renders() {
        let plan = crate::synthetic::monitored(300, 3, 7);
        let p = prepare(&plan, None).unwrap();
        let pdf = render(&p, Lang::En, Paper::A4).unwrap();
        assert!(pdf.pages > 10, "{} pages", pdf.pages);
        let h = html(&p, Lang::Bg);
        assert_eq!(
            h.matches("<figure>").count(),
            plan.indicators
                .iter()
                .filter(|i| series(&p, i).0.years().is_some())
                .count()
        );
    }

    #[test]
    fn html_has_every_section_in_both_languages() {
        let plan = sofia();
        let p = prepare(&plan, None).unwrap();
        for lang in [Lang::En, Lang::Bg] {
            let h = html(&p, lang);
            for part in Part::ALL {
                assert!(h.contains(&format!("id=\"{}\"", part.key())), "{part:?}");
            }
            assert!(!h.contains("[progress-"), "a key is missing in {lang:?}");
            assert!(!h.contains("[monitoring-"), "a key is missing in {lang:?}");
        }
    }
}
