//! Rows of the Gantt chart: actions by month, grouped by objective.

use std::collections::HashMap;

use crate::model::{ActionId, ActionStatus, ObjectiveId, Plan, YearMonth};

/// One bar of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRow {
    /// The action.
    pub action: ActionId,
    /// Its code.
    pub code: String,
    /// Its title.
    pub title: String,
    /// Position of its objective in the plan (for the bar's colour); `None` without one.
    pub objective_index: Option<usize>,
    /// First month.
    pub start: YearMonth,
    /// Last month.
    pub end: YearMonth,
    /// Status.
    pub status: ActionStatus,
}

/// The timeline of a plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// Bars, by objective, then start month, then code.
    pub rows: Vec<TimelineRow>,
    /// Actions without valid start and end months.
    pub unscheduled: Vec<ActionId>,
    /// The months shown: the plan period widened to every bar.
    pub range: Option<(YearMonth, YearMonth)>,
}

/// Computes the timeline.
pub fn timeline(plan: &Plan) -> Timeline {
    let mut t = Timeline::default();
    // The first objective of each id, as a search from the start finds it.
    let mut objective_at: HashMap<&ObjectiveId, usize> = HashMap::new();
    for (i, o) in plan.objectives.iter().enumerate() {
        objective_at.entry(&o.id).or_insert(i);
    }
    for a in &plan.actions {
        match (a.start, a.end) {
            (Some(start), Some(end)) if end >= start => t.rows.push(TimelineRow {
                action: a.id.clone(),
                code: a.code.clone(),
                title: a.title.clone(),
                objective_index: a
                    .objective
                    .as_ref()
                    .and_then(|o| objective_at.get(o).copied()),
                start,
                end,
                status: a.status,
            }),
            _ => t.unscheduled.push(a.id.clone()),
        }
    }
    // Grouped by objective in the order of the objectives' codes, then by the actions' codes
    // (2.1.2 before 2.3.1, as every table of the plan), then by start; a stable sort keeps file
    // order among equals; actions without objective go last.
    let rank: HashMap<&ObjectiveId, usize> = plan
        .objectives_by_code()
        .into_iter()
        .enumerate()
        .map(|(r, o)| (&o.id, r))
        .rev()
        .collect();
    let rank_of = |r: &TimelineRow| {
        r.objective_index
            .and_then(|i| plan.objectives.get(i))
            .and_then(|o| rank.get(&o.id).copied())
            .unwrap_or(usize::MAX)
    };
    t.rows.sort_by(|a, b| {
        rank_of(a)
            .cmp(&rank_of(b))
            .then_with(|| crate::model::order::compare_codes(&a.code, &b.code))
            .then(a.start.cmp(&b.start))
    });
    let bars = t.rows.iter().map(|r| (r.start, r.end));
    t.range = plan
        .period()
        .into_iter()
        .chain(bars)
        .reduce(|(s1, e1), (s2, e2)| (s1.min(s2), e1.max(e2)));
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn rows_group_by_objective_and_range_covers_all() {
        let mut p = Plan::new();
        p.facts.period_start = "2025-01".parse().ok();
        p.facts.period_end = "2027-12".parse().ok();
        p.objectives = vec![
            StrategicObjective {
                id: "SO-1".into(),
                ..Default::default()
            },
            StrategicObjective {
                id: "SO-2".into(),
                ..Default::default()
            },
        ];
        let act = |id: &str, obj: &str, s: &str, e: &str| Action {
            id: id.into(),
            objective: Some(obj.into()),
            start: s.parse().ok(),
            end: e.parse().ok(),
            ..Action::default()
        };
        p.actions = vec![
            act("A-1", "SO-2", "2025-03", "2025-05"),
            act("A-2", "SO-1", "2026-01", "2028-02"),
            act("A-3", "SO-1", "2025-02", "2025-02"),
            act("A-4", "SO-1", "2025-06", "2025-01"),
        ];
        let t = timeline(&p);
        let order: Vec<&str> = t.rows.iter().map(|r| r.action.as_str()).collect();
        assert_eq!(order, ["A-3", "A-2", "A-1"]);
        // With codes, the codes decide: objectives first, then actions.
        p.objectives[0].code = "2".into();
        p.objectives[1].code = "1".into();
        for (a, code) in p.actions.iter_mut().zip(["1.1", "2.10", "2.9", ""]) {
            a.code = code.into();
        }
        let order: Vec<String> = timeline(&p).rows.iter().map(|r| r.code.clone()).collect();
        assert_eq!(order, ["1.1", "2.9", "2.10"]);
        assert_eq!(t.unscheduled, vec![ActionId::from("A-4")]);
        assert_eq!(
            t.range,
            Some(("2025-01".parse().unwrap(), "2028-02".parse().unwrap()))
        );
    }
}
