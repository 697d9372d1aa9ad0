//! Checks of the monitoring rounds: what a coordinator would catch before a progress report
//! goes to the council. Messages come from the Fluent files (`check-monitoring-…`), items are
//! named by code and title, numbers through `model::format`.

use super::{Out, Severity};
use crate::i18n::{FluentArg, tr_args};
use crate::model::items::ItemRef;
use crate::model::*;

/// The message of `key` in English and Bulgarian, with arguments made per language.
fn both(key: &str, args: impl Fn(Lang) -> Vec<(&'static str, FluentArg)>) -> (String, String) {
    let t = |lang| tr_args(lang, &format!("check-monitoring-{key}"), &args(lang));
    (t(Lang::En), t(Lang::Bg))
}

fn round_name(lang: Lang, r: &MonitoringRound) -> FluentArg {
    FluentArg::Text(ItemRef::MonitoringRound(r).caption(lang))
}

/// The years a round covers: those of its period, else of its date.
fn years_covered(r: &MonitoringRound) -> Option<(i32, i32)> {
    match (r.period_start, r.period_end, r.date) {
        (Some(s), Some(e), _) => Some((s.year(), e.year())),
        (Some(s), None, d) => Some((s.year(), d.map_or(s.year(), Date::year))),
        (None, Some(e), _) => Some((e.year(), e.year())),
        (None, None, Some(d)) => Some((d.year(), d.year())),
        (None, None, None) => None,
    }
}

/// An indicator is due in a round when one of its targets falls in a year the round covers.
fn due(indicator: &Indicator, years: (i32, i32)) -> bool {
    indicator
        .targets
        .iter()
        .any(|t| t.year >= years.0 && t.year <= years.1)
}

/// Every check of the monitoring rounds.
pub(super) fn monitoring(plan: &Plan, out: &mut Out) {
    let sec = Section::Monitoring;
    let currency = plan.facts.currency.as_str();
    if plan.monitoring.rounds.is_empty() {
        return;
    }
    // Every round names every action: looked up by id once, not searched each time (a 2,000-
    // action plan with 5 rounds would otherwise compare 10 million ids).
    let actions: std::collections::HashMap<&str, &Action> = plan
        .actions
        .iter()
        .map(|a| (a.id.as_str(), a))
        .rev()
        .collect();
    for r in &plan.monitoring.rounds {
        let rid = Some(r.id.as_str());
        if let (Some(date), Some(adopted)) = (r.date, plan.facts.adoption_date)
            && date < adopted
        {
            let (en, bg) = both("before-adoption", |l| {
                vec![
                    ("round", round_name(l, r)),
                    ("adopted", FluentArg::Text(format::date(l, adopted))),
                ]
            });
            out.push(
                Severity::Warning,
                "MONITORING_ROUND_BEFORE_ADOPTION",
                ItemPath::field(sec, rid, "date"),
                en,
                bg,
            );
        }
        if let Some(years) = years_covered(r) {
            for i in plan.indicators.iter().filter(|i| due(i, years)) {
                if r.actuals.iter().any(|a| a.indicator == i.id) {
                    continue;
                }
                let (en, bg) = both("actual-missing", |l| {
                    vec![
                        ("round", round_name(l, r)),
                        ("indicator", ItemRef::Indicator(i).caption(l).into()),
                    ]
                });
                out.push(
                    Severity::Warning,
                    "MONITORING_ACTUAL_MISSING",
                    ItemPath::field(sec, rid, "actuals"),
                    en,
                    bg,
                );
            }
        }
        for p in &r.progress {
            let Some(&a) = actions.get(p.action.as_str()) else {
                // A broken reference: integrity reports it.
                continue;
            };
            let name = |l| FluentArg::from(ItemRef::Action(a).caption(l));
            let at = ItemPath::field(sec, rid, "progress");
            let spent = p.spent();
            if let Some(cost) = a.cost
                && spent > cost
            {
                let (en, bg) = both("spend-above-cost", |l| {
                    vec![
                        ("round", round_name(l, r)),
                        ("action", name(l)),
                        ("spent", format::money(l, spent, currency).into()),
                        ("cost", format::money(l, cost, currency).into()),
                    ]
                });
                out.push(
                    Severity::Warning,
                    "MONITORING_SPEND_ABOVE_COST",
                    at.clone(),
                    en,
                    bg,
                );
            }
            if let (Some(s), Some(e)) = (p.actual_start, p.actual_end)
                && e < s
            {
                let (en, bg) = both("end-before-start", |l| {
                    vec![
                        ("round", round_name(l, r)),
                        ("action", name(l)),
                        ("start", format::month(l, s).into()),
                        ("end", format::month(l, e).into()),
                    ]
                });
                out.push(
                    Severity::Error,
                    "MONITORING_END_BEFORE_START",
                    at.clone(),
                    en,
                    bg,
                );
            }
            if p.percent_done.is_some_and(|x| x >= 100.0) && p.status != ActionStatus::Completed {
                let (en, bg) = both("done-not-completed", |l| {
                    vec![
                        ("round", round_name(l, r)),
                        ("action", name(l)),
                        ("status", p.status.label(l).into()),
                    ]
                });
                out.push(
                    Severity::Warning,
                    "MONITORING_DONE_NOT_COMPLETED",
                    at.clone(),
                    en,
                    bg,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::check;
    use crate::model::*;

    fn codes(p: &Plan) -> Vec<&'static str> {
        check(p)
            .findings
            .iter()
            .map(|f| f.code)
            .filter(|c| c.starts_with("MONITORING"))
            .collect()
    }

    /// A plan adopted on 30 January 2025 with one indicator (target 2025) and one action
    /// (cost 1,000.00), and one round at the end of 2025 that is right in every way.
    fn plan() -> Plan {
        let mut p = Plan::new();
        p.facts.adoption_date = Date::new(2025, 1, 30);
        p.indicators = vec![Indicator {
            id: "I-1".into(),
            code: "ИР1".into(),
            name: "Trained".into(),
            targets: vec![YearTarget {
                year: 2025,
                value: 10.0,
            }],
            ..Indicator::default()
        }];
        p.actions = vec![Action {
            id: "A-1".into(),
            code: "1.1".into(),
            title: "Courses".into(),
            cost: Some(Money::from_units(1_000)),
            funding: vec![FundingLine {
                id: "F-1".into(),
                amount: Money::from_units(1_000),
                ..FundingLine::default()
            }],
            ..Action::default()
        }];
        p.monitoring.rounds = vec![MonitoringRound {
            id: "MR-1".into(),
            date: Date::new(2025, 12, 31),
            period_start: YearMonth::new(2025, 1),
            period_end: YearMonth::new(2025, 12),
            actuals: vec![IndicatorActual {
                indicator: "I-1".into(),
                value: 8.0,
                ..IndicatorActual::default()
            }],
            progress: vec![ActionProgress {
                action: "A-1".into(),
                status: ActionStatus::InProgress,
                percent_done: Some(50.0),
                actual_start: YearMonth::new(2025, 3),
                spend: vec![Spend {
                    funding_line: "F-1".into(),
                    spent: Money::from_units(500),
                    committed: Money::ZERO,
                }],
                ..ActionProgress::default()
            }],
            ..MonitoringRound::default()
        }];
        p
    }

    #[test]
    fn a_right_round_gives_no_finding() {
        assert_eq!(codes(&plan()), Vec::<&str>::new());
    }

    #[test]
    fn a_due_indicator_without_an_actual() {
        let mut p = plan();
        p.monitoring.rounds[0].actuals.clear();
        assert_eq!(codes(&p), ["MONITORING_ACTUAL_MISSING"]);
        let f = check(&p)
            .findings
            .into_iter()
            .find(|f| f.code == "MONITORING_ACTUAL_MISSING")
            .unwrap();
        assert!(f.message_en.contains("ИР1  Trained"), "{}", f.message_en);
        assert!(f.message_bg.contains("31.12.2025"), "{}", f.message_bg);
        // Not due when its target is in another year.
        p.indicators[0].targets[0].year = 2027;
        assert!(codes(&p).is_empty());
    }

    #[test]
    fn spend_above_cost() {
        let mut p = plan();
        p.monitoring.rounds[0].progress[0].spend[0].spent = Money::from_units(1_200);
        assert_eq!(codes(&p), ["MONITORING_SPEND_ABOVE_COST"]);
        let f = check(&p)
            .findings
            .into_iter()
            .find(|f| f.code == "MONITORING_SPEND_ABOVE_COST")
            .unwrap();
        assert!(f.message_bg.contains("1\u{a0}200,00"), "{}", f.message_bg);
        // Exactly the cost is fine.
        p.monitoring.rounds[0].progress[0].spend[0].spent = Money::from_units(1_000);
        assert!(codes(&p).is_empty());
    }

    #[test]
    fn actual_end_before_actual_start() {
        let mut p = plan();
        p.monitoring.rounds[0].progress[0].actual_end = YearMonth::new(2025, 2);
        assert_eq!(codes(&p), ["MONITORING_END_BEFORE_START"]);
        p.monitoring.rounds[0].progress[0].actual_end = YearMonth::new(2025, 3);
        assert!(codes(&p).is_empty(), "the same month is fine");
    }

    #[test]
    fn all_done_but_not_completed() {
        let mut p = plan();
        p.monitoring.rounds[0].progress[0].percent_done = Some(100.0);
        assert_eq!(codes(&p), ["MONITORING_DONE_NOT_COMPLETED"]);
        p.monitoring.rounds[0].progress[0].status = ActionStatus::Completed;
        assert!(codes(&p).is_empty());
    }

    #[test]
    fn a_round_before_adoption() {
        let mut p = plan();
        p.monitoring.rounds[0].date = Date::new(2024, 12, 31);
        p.monitoring.rounds[0].period_start = YearMonth::new(2024, 1);
        p.monitoring.rounds[0].period_end = YearMonth::new(2024, 12);
        assert_eq!(codes(&p), ["MONITORING_ROUND_BEFORE_ADOPTION"]);
        // A plan with no adoption date cannot be judged so.
        p.facts.adoption_date = None;
        assert!(codes(&p).is_empty());
    }
}
