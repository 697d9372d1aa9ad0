//! What changed between two monitoring rounds, and what comes next: the parts of the progress
//! report to the council that are not the status itself. The status of each round comes from
//! [`monitoring::status`]; this module sets two of them side by side, lists the milestones a
//! round reports reached for the first time, and looks ahead from the round's date.
//!
//! Pure: the plan in, the figures out.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::monitoring::{self, MonitoringStatus, Rag};
use crate::model::{
    ActionId, ActionProgress, ActionStatus, Date, IndicatorId, MilestoneId, Money,
    MonitoringRoundId, Plan, YearMonth,
};

/// An action as one round's status sees it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionSnapshot {
    /// Its computed status.
    pub rag: Rag,
    /// Its status as last reported (none: never reported).
    pub reported: Option<ActionStatus>,
    /// Percent done as last reported.
    pub percent_done: Option<f64>,
    /// Spent to date.
    pub spent: Money,
    /// Committed to date.
    pub committed: Money,
}

/// One indicator in the previous round and in this one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorChange {
    /// The indicator.
    pub indicator: IndicatorId,
    /// Its latest value as of the previous round (none: no previous round, or no value).
    pub previous: Option<f64>,
    /// Its latest value as of this round.
    pub latest: Option<f64>,
    /// Its status as of the previous round (none: no previous round).
    pub previous_rag: Option<Rag>,
    /// Its status as of this round.
    pub rag: Rag,
}

impl IndicatorChange {
    /// This round's value less the previous round's (none: either has no value).
    pub fn change(&self) -> Option<f64> {
        Some(self.latest? - self.previous?)
    }

    /// Whether its value or its status differs from the previous round's (false when there is
    /// no previous round).
    pub fn moved(&self) -> bool {
        self.previous_rag.is_some()
            && (self.previous != self.latest || self.previous_rag != Some(self.rag))
    }
}

/// One action in the previous round and in this one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionChange {
    /// The action.
    pub action: ActionId,
    /// As of the previous round (none: no previous round).
    pub previous: Option<ActionSnapshot>,
    /// As of this round.
    pub latest: ActionSnapshot,
}

/// What a status change is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Changed {
    /// An indicator.
    Indicator(IndicatorId),
    /// An action.
    Action(ActionId),
}

/// A computed status that differs from the previous round's ("on track → at risk").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    /// Whose status changed.
    pub item: Changed,
    /// Before.
    pub from: Rag,
    /// Now.
    pub to: Rag,
}

/// A milestone this round reports reached, and no earlier round did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewMilestone {
    /// Its action.
    pub action: ActionId,
    /// The milestone.
    pub milestone: MilestoneId,
    /// Its title (empty when the action no longer has it).
    pub title: String,
    /// When it was reached, as reported.
    pub date: Option<Date>,
}

/// What changed since the previous round.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Changes {
    /// The round before this one in date order (none: this is the first).
    pub previous: Option<MonitoringRoundId>,
    /// This round (none: the plan has no rounds).
    pub round: Option<MonitoringRoundId>,
    /// Every indicator, in plan order.
    pub indicators: Vec<IndicatorChange>,
    /// Every action, in plan order.
    pub actions: Vec<ActionChange>,
    /// Status changes: indicators first, then actions, each in plan order.
    pub status_changes: Vec<StatusChange>,
    /// Milestones reached for the first time in this round, in plan order of their actions.
    pub new_milestones: Vec<NewMilestone>,
}

fn snapshot(a: &monitoring::ActionResult) -> ActionSnapshot {
    ActionSnapshot {
        rag: a.status.rag,
        reported: a.reported,
        percent_done: a.percent_done,
        spent: a.spent,
        committed: a.committed,
    }
}

/// The round before `round` (the latest when `None`) in date order.
pub fn previous_round(plan: &Plan, round: Option<&MonitoringRoundId>) -> Option<MonitoringRoundId> {
    let target = round.or_else(|| plan.monitoring.latest().map(|r| &r.id));
    let history = plan.monitoring.history(target);
    let n = history.len();
    (n >= 2).then(|| history[n - 2].id.clone())
}

/// What changed between the round before `round` (the latest when `None`) and it, with the
/// status of both as [`monitoring::status`] computes it.
pub fn changes(plan: &Plan, round: Option<&MonitoringRoundId>) -> Changes {
    let now = monitoring::status(plan, round);
    let previous = previous_round(plan, now.round.as_ref());
    let before = previous.as_ref().map(|p| monitoring::status(plan, Some(p)));
    changes_between(plan, before.as_ref(), &now)
}

/// [`changes`] from two statuses already computed (`before` none: no previous round).
pub fn changes_between(
    plan: &Plan,
    before: Option<&MonitoringStatus>,
    now: &MonitoringStatus,
) -> Changes {
    let indicators: Vec<IndicatorChange> = now
        .indicators
        .iter()
        .enumerate()
        .map(|(k, i)| {
            // Both statuses list every indicator of the same plan, in plan order.
            let prev = before.and_then(|b| b.indicators.get(k));
            IndicatorChange {
                indicator: i.indicator.clone(),
                // The values reported, judged or not: an indicator without a baseline or
                // targets has no status to give, and its values still moved.
                previous: prev.and_then(|p| p.latest),
                latest: i.latest,
                previous_rag: prev.map(|p| p.status.rag),
                rag: i.status.rag,
            }
        })
        .collect();
    let actions: Vec<ActionChange> = now
        .actions
        .iter()
        .enumerate()
        .map(|(k, a)| ActionChange {
            action: a.action.clone(),
            previous: before.and_then(|b| b.actions.get(k)).map(snapshot),
            latest: snapshot(a),
        })
        .collect();
    let mut status_changes = Vec::new();
    for i in &indicators {
        if let Some(from) = i.previous_rag
            && from != i.rag
        {
            status_changes.push(StatusChange {
                item: Changed::Indicator(i.indicator.clone()),
                from,
                to: i.rag,
            });
        }
    }
    for a in &actions {
        if let Some(p) = &a.previous
            && p.rag != a.latest.rag
        {
            status_changes.push(StatusChange {
                item: Changed::Action(a.action.clone()),
                from: p.rag,
                to: a.latest.rag,
            });
        }
    }
    let previous = before.and_then(|b| b.round.clone());
    Changes {
        new_milestones: new_milestones(plan, previous.as_ref(), now.round.as_ref()),
        previous,
        round: now.round.clone(),
        indicators,
        actions,
        status_changes,
    }
}

/// Milestones `round` reports reached that no round up to `previous` did.
fn new_milestones(
    plan: &Plan,
    previous: Option<&MonitoringRoundId>,
    round: Option<&MonitoringRoundId>,
) -> Vec<NewMilestone> {
    let Some(this) = round.and_then(|id| plan.monitoring.round(id)) else {
        return Vec::new();
    };
    let earlier: HashSet<&str> = previous
        .map(|p| plan.monitoring.history(Some(p)))
        .unwrap_or_default()
        .into_iter()
        .flat_map(|r| &r.progress)
        .flat_map(|p| &p.milestones_reached)
        .map(|m| m.milestone.as_str())
        .collect();
    let reached: HashMap<&str, Option<Date>> = this
        .progress
        .iter()
        .flat_map(|p| &p.milestones_reached)
        .map(|m| (m.milestone.as_str(), m.date.or(this.date)))
        .collect();
    let mut out = Vec::new();
    for a in &plan.actions {
        for m in &a.milestones {
            if let Some(date) = reached.get(m.id.as_str())
                && !earlier.contains(m.id.as_str())
            {
                out.push(NewMilestone {
                    action: a.id.clone(),
                    milestone: m.id.clone(),
                    title: m.title.clone(),
                    date: *date,
                });
            }
        }
    }
    out
}

/// Each action's latest progress report up to `round` (the latest when `None`): what its
/// narrative and issues say now.
pub fn latest_progress<'p>(
    plan: &'p Plan,
    round: Option<&MonitoringRoundId>,
) -> HashMap<&'p str, &'p ActionProgress> {
    let target = round.or_else(|| plan.monitoring.latest().map(|r| &r.id));
    let mut out = HashMap::new();
    for r in plan.monitoring.history(target) {
        for p in &r.progress {
            out.insert(p.action.as_str(), p);
        }
    }
    out
}

/// What falls due in the next period.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NextSteps {
    /// The first month looked at (the month after the round's).
    pub from: Option<YearMonth>,
    /// The last month looked at.
    pub to: Option<YearMonth>,
    /// Milestones not reached, due by `to` (overdue ones too), by due month.
    pub milestones: Vec<(ActionId, MilestoneId, String, YearMonth)>,
    /// Actions not started that are due to start by `to`, by planned start.
    pub starts: Vec<(ActionId, YearMonth)>,
    /// Actions not completed or cancelled that are due to end in the period, by planned end.
    pub ends: Vec<(ActionId, YearMonth)>,
}

/// What is due in the `months` after the month of the round `status` was judged as of:
/// milestones not yet reached, actions to start and to end.
pub fn next_steps(plan: &Plan, status: &MonitoringStatus, months: u32) -> NextSteps {
    let Some(now) = status.as_of.map(Date::year_month) else {
        return NextSteps::default();
    };
    let from = now.plus_months(1);
    let to = now.plus_months(i32::try_from(months.max(1)).unwrap_or(12));
    let history = plan.monitoring.history(status.round.as_ref());
    let reached: HashSet<&str> = history
        .iter()
        .flat_map(|r| &r.progress)
        .flat_map(|p| &p.milestones_reached)
        .map(|m| m.milestone.as_str())
        .collect();
    let mut out = NextSteps {
        from: Some(from),
        to: Some(to),
        ..NextSteps::default()
    };
    for (a, r) in plan.actions.iter().zip(&status.actions) {
        let closed = matches!(
            r.reported,
            Some(ActionStatus::Completed | ActionStatus::Cancelled)
        );
        if closed {
            continue;
        }
        for m in &a.milestones {
            if let Some(due) = m.due
                && due <= to
                && m.done.is_none()
                && !reached.contains(m.id.as_str())
            {
                out.milestones
                    .push((a.id.clone(), m.id.clone(), m.title.clone(), due));
            }
        }
        let started = r.percent_done.is_some_and(|p| p > 0.0)
            || matches!(r.reported, Some(ActionStatus::InProgress));
        if let Some(start) = a.start
            && !started
            && start <= to
        {
            out.starts.push((a.id.clone(), start));
        }
        if let Some(end) = a.end
            && end >= from
            && end <= to
        {
            out.ends.push((a.id.clone(), end));
        }
    }
    out.milestones.sort_by_key(|m| m.3);
    out.starts.sort_by_key(|s| s.1);
    out.ends.sort_by_key(|e| e.1);
    out
}

/// The length of `round`'s period in months (12 when it has none): how far the next steps
/// look ahead.
pub fn period_months(plan: &Plan, round: Option<&MonitoringRoundId>) -> u32 {
    round
        .and_then(|id| plan.monitoring.round(id))
        .and_then(|r| match (r.period_start, r.period_end) {
            (Some(s), Some(e)) if e >= s => Some(s.months_through(e)),
            _ => None,
        })
        .filter(|m| *m > 0)
        .unwrap_or(12)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    /// A plan of one indicator (baseline 100 in 2024, target 200 in 2026) and two actions,
    /// with two rounds: the end of 2025 and the end of 2026.
    fn two_rounds() -> Plan {
        let mut p = Plan::new();
        p.indicators = vec![Indicator {
            id: "I-1".into(),
            baseline: Some(Baseline {
                value: 100.0,
                year: 2024,
                source: String::new(),
            }),
            targets: vec![YearTarget {
                year: 2026,
                value: 200.0,
            }],
            ..Indicator::default()
        }];
        let ym = |s: &str| s.parse::<YearMonth>().ok();
        p.actions = vec![
            Action {
                id: "A-1".into(),
                start: ym("2025-01"),
                end: ym("2027-12"),
                cost: Some(Money::from_units(1000)),
                milestones: vec![
                    Milestone {
                        id: "MS-1".into(),
                        title: "Centre open".into(),
                        due: ym("2025-09"),
                        done: None,
                    },
                    Milestone {
                        id: "MS-2".into(),
                        title: "First evaluation".into(),
                        due: ym("2026-12"),
                        done: None,
                    },
                    Milestone {
                        id: "MS-3".into(),
                        title: "Second evaluation".into(),
                        due: ym("2027-06"),
                        done: None,
                    },
                ],
                ..Action::default()
            },
            Action {
                id: "A-2".into(),
                start: ym("2026-03"),
                end: ym("2027-02"),
                ..Action::default()
            },
        ];
        let progress = |status, pct: f64, spent: i64, reached: &[&str]| ActionProgress {
            action: "A-1".into(),
            status,
            percent_done: Some(pct),
            actual_start: ym("2025-02"),
            spend: vec![Spend {
                funding_line: "F-1".into(),
                spent: Money::from_units(spent),
                committed: Money::from_units(50),
            }],
            milestones_reached: reached
                .iter()
                .map(|m| MilestoneReached {
                    milestone: (*m).into(),
                    date: None,
                })
                .collect(),
            ..ActionProgress::default()
        };
        p.monitoring.rounds = vec![
            MonitoringRound {
                id: "MR-1".into(),
                date: "2025-12-31".parse().ok(),
                period_start: ym("2025-01"),
                period_end: ym("2025-12"),
                actuals: vec![IndicatorActual {
                    indicator: "I-1".into(),
                    value: 150.0,
                    ..IndicatorActual::default()
                }],
                progress: vec![progress(ActionStatus::InProgress, 30.0, 300, &["MS-1"])],
                ..MonitoringRound::default()
            },
            MonitoringRound {
                id: "MR-2".into(),
                date: "2026-12-31".parse().ok(),
                period_start: ym("2026-01"),
                period_end: ym("2026-12"),
                actuals: vec![IndicatorActual {
                    indicator: "I-1".into(),
                    value: 160.0,
                    ..IndicatorActual::default()
                }],
                // 800 of 1,000 spent for 50 % done: 30 points ahead, off track with 10 %.
                progress: vec![progress(
                    ActionStatus::InProgress,
                    50.0,
                    800,
                    &["MS-1", "MS-2"],
                )],
                ..MonitoringRound::default()
            },
        ];
        p
    }

    #[test]
    fn the_latest_round_against_the_one_before() {
        let p = two_rounds();
        let c = changes(&p, None);
        assert_eq!(c.round, Some("MR-2".into()));
        assert_eq!(c.previous, Some("MR-1".into()));
        // The indicator: 150 at the end of 2025 was on the line; 160 of 200 at the end of
        // 2026 is 40 of 100 short, off track.
        let i = &c.indicators[0];
        assert_eq!((i.previous, i.latest), (Some(150.0), Some(160.0)));
        assert_eq!((i.previous_rag, i.rag), (Some(Rag::OnTrack), Rag::OffTrack));
        // on track at 30 % for 300 of 1,000; now 800 for 50 %.
        let a = &c.actions[0];
        let prev = a.previous.as_ref().unwrap();
        assert_eq!(prev.rag, Rag::OnTrack);
        assert_eq!(prev.percent_done, Some(30.0));
        assert_eq!(prev.spent, Money::from_units(300));
        assert_eq!(a.latest.rag, Rag::OffTrack);
        assert_eq!(a.latest.spent, Money::from_units(800));
        assert_eq!(a.latest.committed, Money::from_units(50));
        assert_eq!(a.latest.reported, Some(ActionStatus::InProgress));
        // not due at the end of 2025, due since March 2026 with no report.
        let b = &c.actions[1];
        assert_eq!(b.previous.as_ref().unwrap().rag, Rag::OnTrack);
        assert_eq!(b.latest.rag, Rag::NoData);
        assert_eq!(
            c.status_changes,
            vec![
                StatusChange {
                    item: Changed::Indicator("I-1".into()),
                    from: Rag::OnTrack,
                    to: Rag::OffTrack
                },
                StatusChange {
                    item: Changed::Action("A-1".into()),
                    from: Rag::OnTrack,
                    to: Rag::OffTrack
                },
                StatusChange {
                    item: Changed::Action("A-2".into()),
                    from: Rag::OnTrack,
                    to: Rag::NoData
                },
            ]
        );
        // MS-1 was reached in the first round; MS-2 is new, dated by its round.
        assert_eq!(
            c.new_milestones,
            vec![NewMilestone {
                action: "A-1".into(),
                milestone: "MS-2".into(),
                title: "First evaluation".into(),
                date: "2026-12-31".parse().ok(),
            }]
        );
    }

    #[test]
    fn the_first_round_has_nothing_before_it() {
        let p = two_rounds();
        let c = changes(&p, Some(&"MR-1".into()));
        assert_eq!(
            (c.round.clone(), c.previous.clone()),
            (Some("MR-1".into()), None)
        );
        assert_eq!(c.indicators[0].previous, None);
        assert_eq!(c.indicators[0].latest, Some(150.0));
        assert!(c.actions.iter().all(|a| a.previous.is_none()));
        assert!(c.status_changes.is_empty());
        assert_eq!(c.new_milestones.len(), 1);
        assert_eq!(c.new_milestones[0].milestone, "MS-1".into());
        // No rounds at all: nothing, and no panic.
        let c = changes(&Plan::new(), None);
        assert_eq!((c.round, c.previous), (None, None));
    }

    #[test]
    fn an_indicator_without_a_path_still_shows_its_values() {
        let mut p = two_rounds();
        // No baseline and no targets: nothing to judge by, and values in both rounds.
        p.indicators[0].baseline = None;
        p.indicators[0].targets.clear();
        let c = changes(&p, None);
        let i = &c.indicators[0];
        assert_eq!((i.previous, i.latest), (Some(150.0), Some(160.0)));
        assert_eq!(i.change(), Some(10.0));
        assert!(i.moved());
        // The status stays the analysis's: no data, for want of a path.
        assert_eq!((i.previous_rag, i.rag), (Some(Rag::NoData), Rag::NoData));
        let s = monitoring::status(&p, None);
        assert_eq!(
            s.indicators[0].status.reasons,
            vec![monitoring::Reason::NoPath]
        );
        // The same value in both rounds, the same status: nothing moved.
        p.monitoring.rounds[1].actuals[0].value = 150.0;
        let c = changes(&p, None);
        assert_eq!(c.indicators[0].change(), Some(0.0));
        assert!(!c.indicators[0].moved());
        // The first round has nothing to move from.
        let c = changes(&p, Some(&"MR-1".into()));
        assert_eq!(c.indicators[0].change(), None);
        assert!(!c.indicators[0].moved());
    }

    #[test]
    fn next_steps_look_one_period_ahead() {
        let p = two_rounds();
        assert_eq!(period_months(&p, Some(&"MR-2".into())), 12);
        let s = monitoring::status(&p, None);
        let n = next_steps(&p, &s, 12);
        assert_eq!(n.from, "2027-01".parse().ok());
        assert_eq!(n.to, "2027-12".parse().ok());
        // MS-3 is due in June 2027; MS-1 and MS-2 are reached.
        let ms: Vec<&str> = n.milestones.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(ms, ["MS-3"]);
        // A-2 was due to start in March 2026 and has not: still to start; both end in 2027.
        assert_eq!(n.starts, vec![("A-2".into(), "2026-03".parse().unwrap())]);
        let ends: Vec<&str> = n.ends.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(ends, ["A-2", "A-1"]);
        // As of the first round, six months ahead: MS-2 is outside, A-2 starts in March.
        let s = monitoring::status(&p, Some(&"MR-1".into()));
        let n = next_steps(&p, &s, 6);
        assert!(n.milestones.is_empty());
        assert_eq!(n.starts.len(), 1);
        assert!(n.ends.is_empty());
        // A plan without rounds has no next steps.
        let n = next_steps(&Plan::new(), &monitoring::status(&Plan::new(), None), 12);
        assert_eq!(n, NextSteps::default());
    }

    #[test]
    fn latest_progress_is_the_last_report_up_to_the_round() {
        let p = two_rounds();
        assert_eq!(
            latest_progress(&p, Some(&"MR-1".into()))["A-1"].percent_done,
            Some(30.0)
        );
        assert_eq!(latest_progress(&p, None)["A-1"].percent_done, Some(50.0));
        assert!(!latest_progress(&p, None).contains_key("A-2"));
    }
}
