//! The monitoring rounds over time, for charts: an indicator's planned path (baseline and
//! targets) beside the values the rounds reported, and money spent to date per funding source
//! beside its budget. Time is a point in years as the status judges it
//! ([`monitoring::year_point`]), less one, so that a year's value — standing at that year's
//! end — sits at the year's own mark on an axis of years.

use std::collections::{BTreeMap, HashMap};

use super::monitoring;
use crate::model::{
    ActionId, Date, FundingLineId, FundingSource, Indicator, Money, MonitoringRoundId, Plan, Spend,
};

/// Where a date sits on an axis of years: the end of year Y at Y.
pub fn x_of(d: Date) -> f64 {
    monitoring::year_point(d) - 1.0
}

/// A point of the planned path: the baseline's or a target's year, and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedPoint {
    /// The year (its end).
    pub year: i32,
    /// The value.
    pub value: f64,
    /// True for the baseline, false for a target.
    pub baseline: bool,
}

/// A value a round reported.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportedPoint {
    /// When it was measured (the round's date when the value has none).
    pub date: Date,
    /// The value.
    pub value: f64,
    /// Where it comes from.
    pub source: String,
    /// The round that reported it.
    pub round: MonitoringRoundId,
}

/// An indicator over time: the planned path in year order, and the values reported up to and
/// including `round` (all rounds when `None`) in date order, the later round's where two
/// report the same date.
pub fn indicator(
    plan: &Plan,
    ind: &Indicator,
    round: Option<&MonitoringRoundId>,
) -> (Vec<PlannedPoint>, Vec<ReportedPoint>) {
    let mut planned: Vec<PlannedPoint> = ind
        .baseline
        .iter()
        .map(|b| PlannedPoint {
            year: b.year,
            value: b.value,
            baseline: true,
        })
        .chain(ind.targets.iter().map(|t| PlannedPoint {
            year: t.year,
            value: t.value,
            baseline: false,
        }))
        .filter(|p| p.value.is_finite())
        .collect();
    planned.sort_by_key(|p| (p.year, !p.baseline));
    let mut by_date: BTreeMap<Date, ReportedPoint> = BTreeMap::new();
    for r in plan.monitoring.history(round) {
        for a in r.actuals.iter().filter(|a| a.indicator == ind.id) {
            let Some(date) = a.date.or(r.date) else {
                continue;
            };
            if !a.value.is_finite() {
                continue;
            }
            by_date.insert(
                date,
                ReportedPoint {
                    date,
                    value: a.value,
                    source: a.source.clone(),
                    round: r.id.clone(),
                },
            );
        }
    }
    (planned, by_date.into_values().collect())
}

/// One funding source's money over the rounds.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceSpend {
    /// The source.
    pub source: FundingSource,
    /// The sum of its funding lines.
    pub budget: Money,
    /// Spent to date at each dated round, oldest first.
    pub spent: Vec<(Date, Money)>,
}

/// Spend against budget per funding source, at each dated round up to and including `round`
/// (all when `None`): each action counts with its latest report up to that round (a round that
/// does not report an action leaves its earlier figures standing). Sources with no budget and no
/// spend are left out; in the order of [`FundingSource::ALL`].
pub fn spend(plan: &Plan, round: Option<&MonitoringRoundId>) -> Vec<SourceSpend> {
    let source_of: HashMap<&FundingLineId, FundingSource> = plan
        .actions
        .iter()
        .flat_map(|a| a.funding.iter().map(|f| (&f.id, f.source)))
        .collect();
    let mut budget: BTreeMap<FundingSource, Money> = BTreeMap::new();
    for f in plan.actions.iter().flat_map(|a| &a.funding) {
        *budget.entry(f.source).or_default() += f.amount;
    }
    let mut latest: HashMap<&ActionId, &[Spend]> = HashMap::new();
    let mut at: Vec<(Date, BTreeMap<FundingSource, Money>)> = Vec::new();
    for r in plan.monitoring.history(round) {
        for p in &r.progress {
            latest.insert(&p.action, &p.spend);
        }
        let Some(date) = r.date else {
            continue;
        };
        let mut sums: BTreeMap<FundingSource, Money> = BTreeMap::new();
        for s in latest.values().flat_map(|s| s.iter()) {
            if let Some(source) = source_of.get(&s.funding_line) {
                *sums.entry(*source).or_default() += s.spent;
            }
        }
        at.push((date, sums));
    }
    FundingSource::ALL
        .iter()
        .filter_map(|source| {
            let spent: Vec<(Date, Money)> = at
                .iter()
                .map(|(d, sums)| (*d, sums.get(source).copied().unwrap_or_default()))
                .collect();
            let b = budget.get(source).copied().unwrap_or_default();
            let any = b != Money::ZERO || spent.iter().any(|(_, m)| *m != Money::ZERO);
            any.then_some(SourceSpend {
                source: *source,
                budget: b,
                spent,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionProgress, IndicatorActual, MonitoringRound};

    fn sofia() -> Plan {
        crate::store::templates::find("sofia-open-cities")
            .unwrap()
            .plan()
            .unwrap()
    }

    #[test]
    fn a_years_value_sits_at_the_years_mark() {
        assert_eq!(x_of(Date::new(2025, 12, 31).unwrap()), 2025.0);
        let mid = x_of(Date::new(2026, 7, 2).unwrap());
        assert!(mid > 2025.49 && mid < 2025.51, "{mid}");
    }

    #[test]
    fn an_indicator_has_its_path_and_the_values_up_to_the_round() {
        let mut plan = sofia();
        let ind = plan.indicators[0].clone();
        let first = plan.monitoring.history(None)[0].id.clone();
        // A later round reporting the same date replaces the earlier value.
        let date = plan.monitoring.rounds[0].date;
        let mut again = plan.new_round(Date::new(2027, 12, 31).unwrap());
        again.actuals.push(IndicatorActual {
            indicator: ind.id.clone(),
            value: 1.0,
            date,
            ..IndicatorActual::default()
        });
        plan.monitoring.rounds.push(again.clone());
        let (planned, all) = indicator(&plan, &ind, None);
        assert_eq!(
            planned.len(),
            ind.targets.len() + usize::from(ind.baseline.is_some())
        );
        assert!(planned.windows(2).all(|w| w[0].year <= w[1].year));
        assert_eq!(planned[0].baseline, ind.baseline.is_some());
        let same = all.iter().find(|p| Some(p.date) == date).unwrap();
        assert_eq!((same.value, &same.round), (1.0, &again.id));
        let (_, early) = indicator(&plan, &ind, Some(&first));
        assert!(early.len() < all.len() || all.len() == 1);
        assert!(early.iter().all(|p| p.round == first));
    }

    #[test]
    fn spend_counts_each_actions_latest_report_per_source() {
        let mut plan = sofia();
        let a = plan
            .actions
            .iter()
            .find(|a| !a.funding.is_empty())
            .unwrap()
            .clone();
        let line = &a.funding[0];
        plan.monitoring.rounds = vec![
            MonitoringRound {
                id: "MR-1".into(),
                date: Date::new(2025, 12, 31),
                progress: vec![ActionProgress {
                    action: a.id.clone(),
                    spend: vec![Spend {
                        funding_line: line.id.clone(),
                        spent: Money::from_cents(10_000),
                        committed: Money::ZERO,
                    }],
                    ..ActionProgress::default()
                }],
                ..MonitoringRound::default()
            },
            // Silent on the action: its spend stands.
            MonitoringRound {
                id: "MR-2".into(),
                date: Date::new(2026, 12, 31),
                ..MonitoringRound::default()
            },
        ];
        let s = spend(&plan, None);
        let mine = s.iter().find(|s| s.source == line.source).unwrap();
        let want: Money = plan
            .actions
            .iter()
            .flat_map(|a| &a.funding)
            .filter(|f| f.source == line.source)
            .map(|f| f.amount)
            .sum();
        assert_eq!(mine.budget, want);
        assert_eq!(
            mine.spent,
            vec![
                (Date::new(2025, 12, 31).unwrap(), Money::from_cents(10_000)),
                (Date::new(2026, 12, 31).unwrap(), Money::from_cents(10_000)),
            ]
        );
        let others = s.iter().filter(|s| s.source != line.source);
        assert!(
            others
                .flat_map(|s| &s.spent)
                .all(|(_, m)| *m == Money::ZERO)
        );
        let one = spend(&plan, Some(&"MR-1".into()));
        assert!(one.iter().all(|s| s.spent.len() == 1));
    }
}
