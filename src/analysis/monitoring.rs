//! Where the plan stands in implementation, computed from its monitoring rounds: per indicator
//! against its path from the baseline through the targets, per action from its schedule and its
//! spend against its progress, rolled up per specific and strategic objective. Every result
//! carries its reasons ([`Reason`]), which [`reason_text`] says in words, and [`method`] says
//! how all of it is judged, with the plan's tolerance.
//!
//! Pure: the plan in, the status out.

use std::collections::HashMap;

use serde::Serialize;

use crate::i18n::{FluentArg, tr, tr_args};
use crate::model::calendar::days_in_month;
use crate::model::{
    ActionId, ActionProgress, ActionStatus, Date, Indicator, IndicatorActual, IndicatorId, Lang,
    Money, MonitoringRoundId, ObjectiveId, Plan, SpecificObjectiveId, YearMonth, format,
};

/// Red, amber, green — or nothing to judge by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Rag {
    /// Green: where it should be.
    OnTrack,
    /// Amber: behind, within twice the tolerance.
    AtRisk,
    /// Red: further behind.
    OffTrack,
    /// Grey: nothing to judge by (no value, no schedule, cancelled).
    NoData,
}

impl Rag {
    /// All four, green first.
    pub const ALL: [Rag; 4] = [Rag::OnTrack, Rag::AtRisk, Rag::OffTrack, Rag::NoData];

    /// Its name in `lang` (Fluent `monitoring-rag-…`).
    pub fn label(self, lang: Lang) -> String {
        tr(lang, &format!("monitoring-rag-{}", self.key()))
    }

    /// A stable key (`on-track`), for JSON and Fluent.
    pub fn key(self) -> &'static str {
        match self {
            Rag::OnTrack => "on-track",
            Rag::AtRisk => "at-risk",
            Rag::OffTrack => "off-track",
            Rag::NoData => "no-data",
        }
    }

    /// How bad it is, for taking the worst of several (no data counts as nothing).
    fn severity(self) -> u8 {
        match self {
            Rag::NoData => 0,
            Rag::OnTrack => 1,
            Rag::AtRisk => 2,
            Rag::OffTrack => 3,
        }
    }

    fn worst(self, other: Rag) -> Rag {
        if other.severity() > self.severity() {
            other
        } else {
            self
        }
    }
}

/// Why a result is what it is; [`reason_text`] says it in words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Reason {
    /// The indicator has neither a baseline nor targets.
    NoPath,
    /// No round up to this one reports a value of the indicator.
    NoActual,
    /// The latest value against the value expected at its date.
    Indicator {
        /// The measured value.
        actual: f64,
        /// The value expected at its date, on the line through baseline and targets.
        expected: f64,
        /// How far behind, in percent of the change planned by then (0: not behind).
        shortfall: f64,
        /// When it was measured.
        date: Option<Date>,
    },
    /// No schedule, no report: nothing to judge an action by.
    NoSchedule,
    /// The action is due to have started, and no round reports on it.
    NoProgress {
        /// Its planned start.
        start: YearMonth,
    },
    /// Not due to start yet.
    NotDue {
        /// Its planned start.
        start: YearMonth,
    },
    /// Running as planned.
    OnSchedule,
    /// Done.
    Completed,
    /// Done, after its planned end.
    FinishedLate {
        /// Planned end.
        planned: YearMonth,
        /// Actual end.
        actual: YearMonth,
    },
    /// Cancelled: not judged.
    Cancelled,
    /// Due to have started, and has not.
    LateStart {
        /// Planned start.
        planned: YearMonth,
        /// Months since.
        months: i32,
    },
    /// Due to have ended, and has not.
    LateEnd {
        /// Planned end.
        planned: YearMonth,
        /// Months since.
        months: i32,
    },
    /// A milestone past its due month, not reached.
    MilestoneOverdue {
        /// Its title.
        title: String,
        /// Its due month.
        due: YearMonth,
    },
    /// More of the cost spent than of the work done.
    SpendAhead {
        /// Spent, in percent of the cost.
        spent: f64,
        /// Done, in percent.
        done: f64,
    },
    /// More spent than the action costs.
    SpendAboveCost {
        /// Spent to date.
        spent: Money,
        /// The action's cost.
        cost: Money,
    },
    /// An objective's items, counted by status.
    Rollup {
        /// On track.
        on_track: usize,
        /// At risk.
        at_risk: usize,
        /// Off track.
        off_track: usize,
        /// Not judged.
        no_data: usize,
    },
}

impl Reason {
    /// The status this reason alone gives, with `tolerance` (percent).
    fn rag(&self, tolerance: f64) -> Rag {
        match self {
            Reason::NoPath
            | Reason::NoActual
            | Reason::NoSchedule
            | Reason::NoProgress { .. }
            | Reason::Cancelled => Rag::NoData,
            Reason::Indicator { shortfall, .. } => band(*shortfall, tolerance),
            Reason::NotDue { .. }
            | Reason::OnSchedule
            | Reason::Completed
            | Reason::FinishedLate { .. } => Rag::OnTrack,
            Reason::LateStart { .. } | Reason::MilestoneOverdue { .. } => Rag::AtRisk,
            Reason::LateEnd { .. } | Reason::SpendAboveCost { .. } => Rag::OffTrack,
            Reason::SpendAhead { spent, done } => band(spent - done, tolerance),
            Reason::Rollup {
                on_track,
                at_risk,
                off_track,
                ..
            } => rollup_rag(*on_track, *at_risk, *off_track),
        }
    }
}

/// Within the tolerance: on track; within twice it: at risk; beyond: off track.
fn band(behind: f64, tolerance: f64) -> Rag {
    if behind <= tolerance + 1e-9 {
        Rag::OnTrack
    } else if behind <= 2.0 * tolerance + 1e-9 {
        Rag::AtRisk
    } else {
        Rag::OffTrack
    }
}

/// An objective: off track when a third or more of its judged items are; at risk when any is
/// at risk or off track; on track when all judged items are; no data when none is judged.
fn rollup_rag(on_track: usize, at_risk: usize, off_track: usize) -> Rag {
    let judged = on_track + at_risk + off_track;
    if judged == 0 {
        Rag::NoData
    } else if off_track * 3 >= judged {
        Rag::OffTrack
    } else if at_risk + off_track > 0 {
        Rag::AtRisk
    } else {
        Rag::OnTrack
    }
}

/// A result: its colour and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Status {
    /// The colour: the worst any reason gives.
    pub rag: Rag,
    /// Why, in the order they were found.
    pub reasons: Vec<Reason>,
}

impl Status {
    fn of(reasons: Vec<Reason>, tolerance: f64) -> Status {
        let rag = reasons
            .iter()
            .map(|r| r.rag(tolerance))
            .reduce(Rag::worst)
            .unwrap_or(Rag::NoData);
        Status { rag, reasons }
    }
}

/// An indicator's status.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorResult {
    /// The indicator.
    pub indicator: IndicatorId,
    /// Its status.
    pub status: Status,
    /// The latest value reported up to the round (none: no round reports one), whether or not
    /// the indicator has a baseline or targets to judge it against.
    pub latest: Option<f64>,
}

/// An action's status, with what the latest report says of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionResult {
    /// The action.
    pub action: ActionId,
    /// Its status.
    pub status: Status,
    /// Its status as last reported (none: never reported).
    pub reported: Option<ActionStatus>,
    /// Percent done as last reported.
    pub percent_done: Option<f64>,
    /// Spent to date.
    pub spent: Money,
    /// Committed, not yet paid.
    pub committed: Money,
}

/// A specific objective's roll-up of its indicators and actions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpecificResult {
    /// The specific objective.
    pub objective: SpecificObjectiveId,
    /// Its status.
    pub status: Status,
}

/// A strategic objective's roll-up.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StrategicResult {
    /// The strategic objective.
    pub objective: ObjectiveId,
    /// Its status.
    pub status: Status,
}

/// Where the plan stands as of a round.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonitoringStatus {
    /// The round judged as of (none: the plan has no rounds).
    pub round: Option<MonitoringRoundId>,
    /// Its date.
    pub as_of: Option<Date>,
    /// The tolerance, in percent.
    pub tolerance: f64,
    /// Every indicator, in plan order.
    pub indicators: Vec<IndicatorResult>,
    /// Every action, in plan order.
    pub actions: Vec<ActionResult>,
    /// Every specific objective, in plan order.
    pub specific: Vec<SpecificResult>,
    /// Every strategic objective, in plan order.
    pub strategic: Vec<StrategicResult>,
}

impl MonitoringStatus {
    /// How many actions have each status, in the order of [`Rag::ALL`].
    pub fn action_counts(&self) -> [usize; 4] {
        counts(self.actions.iter().map(|a| a.status.rag))
    }

    /// How many indicators have each status, in the order of [`Rag::ALL`].
    pub fn indicator_counts(&self) -> [usize; 4] {
        counts(self.indicators.iter().map(|i| i.status.rag))
    }
}

fn counts(rags: impl Iterator<Item = Rag>) -> [usize; 4] {
    let mut n = [0; 4];
    for r in rags {
        n[Rag::ALL.iter().position(|x| *x == r).unwrap_or(3)] += 1;
    }
    n
}

/// A date as a point in years: the end of the day `d` (so the last day of a year is the next
/// year's start, where that year's targets stand).
pub fn year_point(d: Date) -> f64 {
    let year = d.year();
    let leap = days_in_month(year, 2) == 29;
    let days_in_year = if leap { 366.0 } else { 365.0 };
    let before: u32 = (1..d.month())
        .map(|m| u32::from(days_in_month(year, m)))
        .sum();
    f64::from(year) + f64::from(before + u32::from(d.day())) / days_in_year
}

/// The value an indicator should have at `t` (a point in years): on the straight lines through
/// the baseline and the targets, each a year's value at that year's end; before the first the
/// first, after the last the last. `None` without baseline and targets.
pub fn expected_at(indicator: &Indicator, t: f64) -> Option<f64> {
    let mut points: Vec<(f64, f64)> = indicator
        .baseline
        .iter()
        .map(|b| (f64::from(b.year) + 1.0, b.value))
        .chain(
            indicator
                .targets
                .iter()
                .map(|y| (f64::from(y.year) + 1.0, y.value)),
        )
        .filter(|(_, v)| v.is_finite())
        .collect();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let first = *points.first()?;
    let last = *points.last()?;
    if t <= first.0 {
        return Some(first.1);
    }
    if t >= last.0 {
        return Some(last.1);
    }
    let i = points.iter().position(|p| p.0 >= t)?;
    let (a, b) = (points[i - 1], points[i]);
    if (b.0 - a.0).abs() < 1e-12 {
        return Some(b.1);
    }
    Some(a.1 + (b.1 - a.1) * (t - a.0) / (b.0 - a.0))
}

/// Whether more is better: the last target against the baseline (or the first target); a
/// target equal to where it starts means "keep at least this".
fn higher_is_better(indicator: &Indicator) -> bool {
    let mut targets: Vec<_> = indicator.targets.iter().collect();
    targets.sort_by_key(|t| t.year);
    let start = indicator
        .baseline
        .as_ref()
        .map(|b| b.value)
        .or_else(|| targets.first().map(|t| t.value));
    match (start, targets.last()) {
        (Some(s), Some(l)) => l.value >= s,
        _ => true,
    }
}

/// An indicator's status from its latest actual (with the date it counts at).
fn indicator_status(
    indicator: &Indicator,
    latest: Option<(&IndicatorActual, Option<Date>)>,
    tolerance: f64,
) -> Status {
    if indicator.baseline.is_none() && indicator.targets.is_empty() {
        return Status::of(vec![Reason::NoPath], tolerance);
    }
    let Some((actual, date)) = latest else {
        return Status::of(vec![Reason::NoActual], tolerance);
    };
    // Without a date there is no point on the path: judge against the last target.
    let t = date.map_or(f64::INFINITY, year_point);
    let Some(expected) = expected_at(indicator, t) else {
        return Status::of(vec![Reason::NoPath], tolerance);
    };
    let sign = if higher_is_better(indicator) {
        1.0
    } else {
        -1.0
    };
    let behind = ((expected - actual.value) * sign).max(0.0);
    // The change planned by then is the measure of how far behind; with no change planned yet
    // (or no baseline), the expected value itself.
    let planned = indicator
        .baseline
        .as_ref()
        .map(|b| (expected - b.value).abs())
        .filter(|c| *c > 1e-9);
    let scale = planned
        .or(Some(expected.abs()).filter(|e| *e > 1e-9))
        .unwrap_or(1.0);
    let shortfall = behind / scale * 100.0;
    Status::of(
        vec![Reason::Indicator {
            actual: actual.value,
            expected,
            shortfall,
            date,
        }],
        tolerance,
    )
}

/// An action's status from its latest report `p` and the milestones reached up to the round,
/// judged in the month `as_of`.
fn action_status(
    action: &crate::model::Action,
    p: Option<&ActionProgress>,
    reached: &HashMap<&str, Date>,
    as_of: Option<YearMonth>,
    tolerance: f64,
) -> ActionResult {
    let mut reasons = Vec::new();
    let spent = p.map_or(Money::ZERO, ActionProgress::spent);
    let committed = p.map_or(Money::ZERO, ActionProgress::committed);
    let status = p.map(|p| p.status);
    let months_since = |m: YearMonth, now: YearMonth| now.index() - m.index();
    match (p, as_of) {
        (Some(p), _) if p.status == ActionStatus::Cancelled => reasons.push(Reason::Cancelled),
        (Some(p), _) if p.status == ActionStatus::Completed => match (action.end, p.actual_end) {
            (Some(planned), Some(actual)) if actual > planned => {
                reasons.push(Reason::FinishedLate { planned, actual })
            }
            _ => reasons.push(Reason::Completed),
        },
        (None, Some(now)) => match action.start {
            Some(start) if start <= now => reasons.push(Reason::NoProgress { start }),
            Some(start) => reasons.push(Reason::NotDue { start }),
            None => reasons.push(Reason::NoSchedule),
        },
        (None, None) => reasons.push(Reason::NoSchedule),
        (Some(p), now) => {
            if let Some(now) = now {
                let started = p.actual_start.is_some()
                    || p.status == ActionStatus::InProgress
                    || p.percent_done.is_some_and(|x| x > 0.0);
                if let Some(planned) = action.start
                    && !started
                    && planned < now
                {
                    reasons.push(Reason::LateStart {
                        planned,
                        months: months_since(planned, now),
                    });
                }
                if let Some(planned) = action.end
                    && planned < now
                {
                    reasons.push(Reason::LateEnd {
                        planned,
                        months: months_since(planned, now),
                    });
                }
                for m in &action.milestones {
                    let Some(due) = m.due else { continue };
                    let done = reached.contains_key(m.id.as_str()) || m.done.is_some();
                    if due < now && !done {
                        reasons.push(Reason::MilestoneOverdue {
                            title: m.title.clone(),
                            due,
                        });
                    }
                }
                if reasons.is_empty()
                    && !started
                    && let Some(start) = action.start
                {
                    reasons.push(Reason::NotDue { start });
                }
            }
            if let Some(cost) = action.cost.filter(|c| *c > Money::ZERO) {
                let spent_share = Money::percent_of(spent, cost);
                let done = p.percent_done.unwrap_or(0.0);
                if spent > cost {
                    reasons.push(Reason::SpendAboveCost { spent, cost });
                } else if spent_share - done > tolerance + 1e-9 {
                    reasons.push(Reason::SpendAhead {
                        spent: spent_share,
                        done,
                    });
                }
            }
            if reasons.is_empty() {
                reasons.push(Reason::OnSchedule);
            }
        }
    }
    // A completed action that spent more than it cost is still off track on money.
    if let (Some(p), Some(cost)) = (p, action.cost)
        && p.status == ActionStatus::Completed
        && cost > Money::ZERO
        && spent > cost
    {
        reasons.push(Reason::SpendAboveCost { spent, cost });
    }
    ActionResult {
        action: action.id.clone(),
        status: Status::of(reasons, tolerance),
        reported: status,
        percent_done: p.and_then(|p| p.percent_done),
        spent,
        committed,
    }
}

fn rollup(rags: impl Iterator<Item = Rag>, tolerance: f64) -> Status {
    let [on_track, at_risk, off_track, no_data] = counts(rags);
    Status::of(
        vec![Reason::Rollup {
            on_track,
            at_risk,
            off_track,
            no_data,
        }],
        tolerance,
    )
}

/// Where the plan stands as of `round` (the latest when `None`): each indicator by its latest
/// value reported up to that round, each action by its latest report, judged at the round's
/// date; then the objectives.
pub fn status(plan: &Plan, round: Option<&MonitoringRoundId>) -> MonitoringStatus {
    let m = &plan.monitoring;
    let tolerance = if m.tolerance.is_finite() && m.tolerance >= 0.0 {
        m.tolerance
    } else {
        crate::model::DEFAULT_TOLERANCE
    };
    let target = round.or_else(|| m.latest().map(|r| &r.id));
    let history = m.history(target);
    let this = history.last().copied();
    let as_of = this.and_then(|r| {
        r.date.or_else(|| {
            r.period_end
                .and_then(|e| Date::new(e.year(), e.month(), days_in_month(e.year(), e.month())))
        })
    });
    // The latest of each, later rounds over earlier ones; an actual counts at its own date, or
    // its round's.
    let mut actuals: HashMap<&str, (&IndicatorActual, Option<Date>)> = HashMap::new();
    let mut progress: HashMap<&str, &ActionProgress> = HashMap::new();
    let mut reached: HashMap<&str, Date> = HashMap::new();
    for r in &history {
        for a in &r.actuals {
            let at = a.date.or(r.date);
            match actuals.get(a.indicator.as_str()) {
                Some((_, prev)) if *prev > at => {}
                _ => {
                    actuals.insert(a.indicator.as_str(), (a, at));
                }
            }
        }
        for p in &r.progress {
            progress.insert(p.action.as_str(), p);
            for ms in &p.milestones_reached {
                if let Some(d) = ms.date.or(r.date) {
                    reached.entry(ms.milestone.as_str()).or_insert(d);
                }
            }
        }
    }
    let indicators: Vec<IndicatorResult> = plan
        .indicators
        .iter()
        .map(|i| {
            let latest = actuals.get(i.id.as_str()).copied();
            IndicatorResult {
                indicator: i.id.clone(),
                status: indicator_status(i, latest, tolerance),
                latest: latest.map(|(a, _)| a.value),
            }
        })
        .collect();
    let now = as_of.map(Date::year_month);
    let actions: Vec<ActionResult> = plan
        .actions
        .iter()
        .map(|a| {
            let p = progress.get(a.id.as_str()).copied();
            action_status(a, p, &reached, now, tolerance)
        })
        .collect();
    let indicator_rag: HashMap<&str, Rag> = indicators
        .iter()
        .map(|i| (i.indicator.as_str(), i.status.rag))
        .collect();
    let specific: Vec<SpecificResult> = plan
        .objectives
        .iter()
        .flat_map(|o| &o.specific)
        .map(|s| {
            let from_indicators = s
                .indicators
                .iter()
                .filter_map(|i| indicator_rag.get(i.as_str()).copied());
            let from_actions = plan
                .actions
                .iter()
                .zip(&actions)
                .filter(|(a, _)| a.specific_objective.as_ref() == Some(&s.id))
                .map(|(_, r)| r.status.rag);
            SpecificResult {
                objective: s.id.clone(),
                status: rollup(from_indicators.chain(from_actions), tolerance),
            }
        })
        .collect();
    let strategic = plan
        .objectives
        .iter()
        .map(|o| {
            let mut seen = std::collections::HashSet::new();
            let from_indicators: Vec<Rag> = o
                .specific
                .iter()
                .flat_map(|s| &s.indicators)
                .filter(|i| seen.insert(i.as_str()))
                .filter_map(|i| indicator_rag.get(i.as_str()).copied())
                .collect();
            let from_actions = plan
                .actions
                .iter()
                .zip(&actions)
                .filter(|(a, _)| a.objective.as_ref() == Some(&o.id))
                .map(|(_, r)| r.status.rag);
            StrategicResult {
                objective: o.id.clone(),
                status: rollup(from_indicators.into_iter().chain(from_actions), tolerance),
            }
        })
        .collect();
    MonitoringStatus {
        round: this.map(|r| r.id.clone()),
        as_of,
        tolerance,
        indicators,
        actions,
        specific,
        strategic,
    }
}

fn num(lang: Lang, v: f64) -> FluentArg {
    FluentArg::Text(format::decimal_up_to(lang, v, 2))
}

fn month(lang: Lang, m: YearMonth) -> FluentArg {
    FluentArg::Text(format::month(lang, m))
}

/// A reason in words, in `lang` (Fluent `monitoring-reason-…`); amounts in `currency`.
pub fn reason_text(lang: Lang, reason: &Reason, currency: &str) -> String {
    let t = |key: &str, args: &[(&str, FluentArg)]| {
        tr_args(lang, &format!("monitoring-reason-{key}"), args)
    };
    match reason {
        Reason::NoPath => t("no-path", &[]),
        Reason::NoActual => t("no-actual", &[]),
        Reason::Indicator {
            actual,
            expected,
            shortfall,
            date,
        } => {
            let date = date.map(|d| format::date(lang, d)).unwrap_or_default();
            let args = [
                ("actual", num(lang, *actual)),
                ("expected", num(lang, *expected)),
                ("date", FluentArg::Text(date)),
                (
                    "shortfall",
                    FluentArg::Text(format::percent(lang, *shortfall, 0)),
                ),
            ];
            if *shortfall <= 0.0 {
                t("indicator-ahead", &args)
            } else {
                t("indicator-behind", &args)
            }
        }
        Reason::NoSchedule => t("no-schedule", &[]),
        Reason::NoProgress { start } => t("no-progress", &[("start", month(lang, *start))]),
        Reason::NotDue { start } => t("not-due", &[("start", month(lang, *start))]),
        Reason::OnSchedule => t("on-schedule", &[]),
        Reason::Completed => t("completed", &[]),
        Reason::FinishedLate { planned, actual } => t(
            "finished-late",
            &[
                ("planned", month(lang, *planned)),
                ("actual", month(lang, *actual)),
            ],
        ),
        Reason::Cancelled => t("cancelled", &[]),
        Reason::LateStart { planned, months } => t(
            "late-start",
            &[
                ("planned", month(lang, *planned)),
                ("months", FluentArg::Number(f64::from(*months))),
            ],
        ),
        Reason::LateEnd { planned, months } => t(
            "late-end",
            &[
                ("planned", month(lang, *planned)),
                ("months", FluentArg::Number(f64::from(*months))),
            ],
        ),
        Reason::MilestoneOverdue { title, due } => t(
            "milestone-overdue",
            &[
                ("title", FluentArg::Text(title.clone())),
                ("due", month(lang, *due)),
            ],
        ),
        Reason::SpendAhead { spent, done } => t(
            "spend-ahead",
            &[
                ("spent", FluentArg::Text(format::percent(lang, *spent, 0))),
                ("done", FluentArg::Text(format::percent(lang, *done, 0))),
            ],
        ),
        Reason::SpendAboveCost { spent, cost } => t(
            "spend-above-cost",
            &[
                (
                    "spent",
                    FluentArg::Text(format::money(lang, *spent, currency)),
                ),
                (
                    "cost",
                    FluentArg::Text(format::money(lang, *cost, currency)),
                ),
            ],
        ),
        Reason::Rollup {
            on_track,
            at_risk,
            off_track,
            no_data,
        } => t(
            "rollup",
            &[
                ("on", FluentArg::Number(*on_track as f64)),
                ("risk", FluentArg::Number(*at_risk as f64)),
                ("off", FluentArg::Number(*off_track as f64)),
                ("none", FluentArg::Number(*no_data as f64)),
            ],
        ),
    }
}

/// A status in words: its colour and every reason.
pub fn status_text(lang: Lang, status: &Status, currency: &str) -> String {
    let reasons: Vec<String> = status
        .reasons
        .iter()
        .map(|r| reason_text(lang, r, currency))
        .collect();
    format!("{}: {}", status.rag.label(lang), reasons.join("; "))
}

/// How the status is judged, in words, with the plan's tolerance and the round's date.
pub fn method(lang: Lang, status: &MonitoringStatus) -> String {
    let tolerance = FluentArg::Text(format::percent(lang, status.tolerance, 1));
    let twice = FluentArg::Text(format::percent(lang, status.tolerance * 2.0, 1));
    let as_of = FluentArg::Text(
        status
            .as_of
            .map(|d| format::date(lang, d))
            .unwrap_or_else(|| "—".into()),
    );
    tr_args(
        lang,
        "monitoring-method",
        &[("tolerance", tolerance), ("twice", twice), ("date", as_of)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn indicator(baseline: f64, target: f64) -> Indicator {
        Indicator {
            id: "I-1".into(),
            baseline: Some(Baseline {
                value: baseline,
                year: 2024,
                source: String::new(),
            }),
            targets: vec![YearTarget {
                year: 2026,
                value: target,
            }],
            ..Indicator::default()
        }
    }

    fn plan_with(i: Indicator, values: &[(&str, f64)]) -> Plan {
        let mut p = Plan::new();
        p.indicators = vec![i];
        p.monitoring.rounds = values
            .iter()
            .enumerate()
            .map(|(k, (date, v))| MonitoringRound {
                id: MonitoringRoundId(format!("MR-{}", k + 1)),
                date: date.parse().ok(),
                actuals: vec![IndicatorActual {
                    indicator: "I-1".into(),
                    value: *v,
                    ..IndicatorActual::default()
                }],
                ..MonitoringRound::default()
            })
            .collect();
        p
    }

    fn rag_of(p: &Plan) -> (Rag, Vec<Reason>) {
        let s = status(p, None);
        let r = &s.indicators[0].status;
        (r.rag, r.reasons.clone())
    }

    /// Baseline 100 (2024), target 200 (2026): at the end of 2025 the line stands at 150, the
    /// change planned by then is 50. With the default 10 %: 150 on track; 143 is 7 short, 14 %
    /// (at risk); 120 is 30 short, 60 % (off track).
    #[test]
    fn indicators_on_track_at_risk_off_track_by_hand() {
        let i = indicator(100.0, 200.0);
        assert_eq!(expected_at(&i, 2026.0), Some(150.0));
        assert_eq!(expected_at(&i, 2020.0), Some(100.0));
        assert_eq!(expected_at(&i, 2031.0), Some(200.0));
        let (rag, reasons) = rag_of(&plan_with(i.clone(), &[("2025-12-31", 150.0)]));
        assert_eq!(rag, Rag::OnTrack);
        assert!(
            matches!(reasons[0], Reason::Indicator { expected, shortfall, .. }
            if (expected - 150.0).abs() < 1e-9 && shortfall == 0.0)
        );
        let (rag, reasons) = rag_of(&plan_with(i.clone(), &[("2025-12-31", 143.0)]));
        assert_eq!(rag, Rag::AtRisk);
        assert!(matches!(reasons[0], Reason::Indicator { shortfall, .. }
            if (shortfall - 14.0).abs() < 1e-9));
        let (rag, _) = rag_of(&plan_with(i.clone(), &[("2025-12-31", 120.0)]));
        assert_eq!(rag, Rag::OffTrack);
        // 145 is 5 short, 10 %: the tolerance itself is still on track.
        let (rag, _) = rag_of(&plan_with(i.clone(), &[("2025-12-31", 145.0)]));
        assert_eq!(rag, Rag::OnTrack);
        // A wider tolerance (20 %) makes 143 on track.
        let mut p = plan_with(i.clone(), &[("2025-12-31", 143.0)]);
        p.monitoring.tolerance = 20.0;
        assert_eq!(rag_of(&p).0, Rag::OnTrack);
        // The latest round counts, not the best: an earlier good value is history.
        let p = plan_with(i, &[("2025-06-30", 130.0), ("2025-12-31", 120.0)]);
        assert_eq!(rag_of(&p).0, Rag::OffTrack);
        // Judged as of the first round, it was on track (130 against 124.8…).
        let s = status(&p, Some(&"MR-1".into()));
        assert_eq!(s.indicators[0].status.rag, Rag::OnTrack);
    }

    /// Lower is better: 60 days (2024) down to 30 (2026); at the end of 2025 45 is expected.
    /// 46 is 1 of 15 behind (7 %, on track); 50 is 5 of 15 (33 %, off track); 40 is ahead.
    #[test]
    fn a_falling_indicator_is_judged_the_other_way() {
        let i = indicator(60.0, 30.0);
        let at = |v| rag_of(&plan_with(i.clone(), &[("2025-12-31", v)])).0;
        assert_eq!(at(46.0), Rag::OnTrack);
        assert_eq!(at(50.0), Rag::OffTrack);
        assert_eq!(at(40.0), Rag::OnTrack);
    }

    #[test]
    fn no_data_without_a_value_or_a_path() {
        let (rag, reasons) = rag_of(&plan_with(indicator(1.0, 2.0), &[]));
        assert_eq!((rag, reasons), (Rag::NoData, vec![Reason::NoActual]));
        let bare = Indicator {
            id: "I-1".into(),
            ..Indicator::default()
        };
        let (rag, reasons) = rag_of(&plan_with(bare, &[("2025-12-31", 5.0)]));
        assert_eq!((rag, reasons), (Rag::NoData, vec![Reason::NoPath]));
        // Words in both languages.
        let s = status(
            &plan_with(indicator(100.0, 200.0), &[("2025-12-31", 143.0)]),
            None,
        );
        let en = status_text(Lang::En, &s.indicators[0].status, "EUR");
        let bg = status_text(Lang::Bg, &s.indicators[0].status, "EUR");
        assert!(
            en.starts_with("At risk") && en.contains("143") && en.contains("150"),
            "{en}"
        );
        assert!(en.contains("14"), "{en}");
        assert!(bg.contains("143") && !bg.contains("[monitoring"), "{bg}");
        assert!(
            method(Lang::En, &s).contains("10"),
            "{}",
            method(Lang::En, &s)
        );
    }

    fn ym(s: &str) -> Option<YearMonth> {
        s.parse().ok()
    }

    /// An action planned 2025-03 to 2026-06, cost 1,000.00, with a milestone due 2025-09.
    fn action_plan(progress: Option<ActionProgress>, date: &str) -> Plan {
        let mut p = Plan::new();
        p.objectives = vec![StrategicObjective {
            id: "SO-1".into(),
            specific: vec![SpecificObjective {
                id: "SP-1".into(),
                ..SpecificObjective::default()
            }],
            ..StrategicObjective::default()
        }];
        p.actions = vec![Action {
            id: "A-1".into(),
            objective: Some("SO-1".into()),
            specific_objective: Some("SP-1".into()),
            start: ym("2025-03"),
            end: ym("2026-06"),
            cost: Some(Money::from_units(1_000)),
            funding: vec![FundingLine {
                id: "F-1".into(),
                amount: Money::from_units(1_000),
                ..FundingLine::default()
            }],
            milestones: vec![Milestone {
                id: "MS-1".into(),
                title: "Curriculum".into(),
                due: ym("2025-09"),
                done: None,
            }],
            ..Action::default()
        }];
        p.monitoring.rounds = vec![MonitoringRound {
            id: "MR-1".into(),
            date: date.parse().ok(),
            progress: progress.into_iter().collect(),
            ..MonitoringRound::default()
        }];
        p
    }

    fn progress(status: ActionStatus, percent: f64, spent: i64) -> ActionProgress {
        ActionProgress {
            action: "A-1".into(),
            status,
            percent_done: Some(percent),
            actual_start: (status != ActionStatus::Planned).then(|| ym("2025-03").unwrap()),
            spend: vec![Spend {
                funding_line: "F-1".into(),
                spent: Money::from_units(spent),
                committed: Money::ZERO,
            }],
            milestones_reached: vec![MilestoneReached {
                milestone: "MS-1".into(),
                date: "2025-09-20".parse().ok(),
            }],
            ..ActionProgress::default()
        }
    }

    fn action_of(p: &Plan) -> (Rag, Vec<Reason>) {
        let s = status(p, None);
        (s.actions[0].status.rag, s.actions[0].status.reasons.clone())
    }

    #[test]
    fn action_status_from_schedule() {
        // Running, milestone reached, spend in step: on track.
        let p = action_plan(
            Some(progress(ActionStatus::InProgress, 60.0, 600)),
            "2025-12-31",
        );
        assert_eq!(action_of(&p), (Rag::OnTrack, vec![Reason::OnSchedule]));
        // Not started in December, due in March: late start by 9 months (at risk), and the
        // milestone of September is overdue.
        let mut late = progress(ActionStatus::Planned, 0.0, 0);
        late.milestones_reached.clear();
        let p = action_plan(Some(late), "2025-12-31");
        let (rag, reasons) = action_of(&p);
        assert_eq!(rag, Rag::AtRisk);
        assert_eq!(
            reasons,
            vec![
                Reason::LateStart {
                    planned: ym("2025-03").unwrap(),
                    months: 9
                },
                Reason::MilestoneOverdue {
                    title: "Curriculum".into(),
                    due: ym("2025-09").unwrap()
                }
            ]
        );
        // Past its end (June 2026) and still running in December 2026: off track.
        let p = action_plan(
            Some(progress(ActionStatus::InProgress, 80.0, 800)),
            "2026-12-31",
        );
        let (rag, reasons) = action_of(&p);
        assert_eq!(rag, Rag::OffTrack);
        assert!(reasons.contains(&Reason::LateEnd {
            planned: ym("2026-06").unwrap(),
            months: 6
        }));
        // Before its start, with no report: not due, on track; after it, with none: no data.
        assert_eq!(action_of(&action_plan(None, "2025-01-31")).0, Rag::OnTrack);
        assert_eq!(action_of(&action_plan(None, "2025-06-30")).0, Rag::NoData);
        // Completed late is done: green, and says it was late.
        let mut done = progress(ActionStatus::Completed, 100.0, 1_000);
        done.actual_end = ym("2026-09");
        let (rag, reasons) = action_of(&action_plan(Some(done), "2026-12-31"));
        assert_eq!(rag, Rag::OnTrack);
        assert!(matches!(reasons[0], Reason::FinishedLate { .. }));
    }

    /// 1,000.00 cost: 35 % done with 400 spent is 5 points ahead (on track); with 500, 15
    /// points (at risk); with 700, 35 points (off track); 1,100 is above the cost (off track).
    #[test]
    fn action_status_from_spend_against_progress() {
        let at = |spent| {
            action_of(&action_plan(
                Some(progress(ActionStatus::InProgress, 35.0, spent)),
                "2025-12-31",
            ))
        };
        assert_eq!(at(400).0, Rag::OnTrack);
        assert_eq!(at(500).0, Rag::AtRisk);
        assert!(matches!(at(500).1[0], Reason::SpendAhead { spent, done }
            if (spent - 50.0).abs() < 1e-9 && done == 35.0));
        assert_eq!(at(700).0, Rag::OffTrack);
        let (rag, reasons) = at(1_100);
        assert_eq!(rag, Rag::OffTrack);
        assert!(matches!(reasons[0], Reason::SpendAboveCost { .. }));
        let text = reason_text(Lang::En, &reasons[0], "EUR");
        assert!(
            text.contains("1,100.00") && text.contains("1,000.00"),
            "{text}"
        );
    }

    /// Objectives: off track when a third or more of their judged items are, at risk when any
    /// is behind, on track when all are; items with no data are counted, not judged.
    #[test]
    fn objectives_roll_up_their_actions_and_indicators() {
        assert_eq!(rollup_rag(3, 0, 0), Rag::OnTrack);
        assert_eq!(rollup_rag(3, 1, 0), Rag::AtRisk);
        assert_eq!(rollup_rag(5, 0, 1), Rag::AtRisk);
        assert_eq!(rollup_rag(2, 0, 1), Rag::OffTrack);
        assert_eq!(rollup_rag(0, 0, 0), Rag::NoData);
        // One action at risk and one indicator on track under SP-1 and SO-1.
        let mut late = progress(ActionStatus::Planned, 0.0, 0);
        late.milestones_reached.clear();
        let mut p = action_plan(Some(late), "2025-12-31");
        p.indicators = vec![indicator(100.0, 200.0)];
        p.objectives[0].specific[0].indicators = vec!["I-1".into()];
        p.monitoring.rounds[0].actuals = vec![IndicatorActual {
            indicator: "I-1".into(),
            value: 150.0,
            ..IndicatorActual::default()
        }];
        let s = status(&p, None);
        assert_eq!(s.specific[0].status.rag, Rag::AtRisk);
        assert_eq!(
            s.specific[0].status.reasons,
            vec![Reason::Rollup {
                on_track: 1,
                at_risk: 1,
                off_track: 0,
                no_data: 0
            }]
        );
        assert_eq!(s.strategic[0].status.rag, Rag::AtRisk);
        let words = status_text(Lang::En, &s.strategic[0].status, "EUR");
        assert!(words.contains("1 at risk"), "{words}");
        assert_eq!(s.action_counts(), [0, 1, 0, 0]);
        assert_eq!(s.indicator_counts(), [1, 0, 0, 0]);
    }

    #[test]
    fn the_generated_plan_is_judged_whole() {
        let p = crate::synthetic::monitored(50, 3, 3);
        let s = status(&p, None);
        assert_eq!(s.round.as_ref().map(|r| r.as_str()), Some("MR-3"));
        assert_eq!(s.actions.len(), 50);
        assert!(s.indicators.iter().all(|i| i.status.rag != Rag::NoData));
    }
}
