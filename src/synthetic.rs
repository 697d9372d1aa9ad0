//! Large synthetic plans for tests and benchmarks: N actions with every link filled, the same
//! plan for the same seed, and clean under the checks.

use crate::model::*;

/// A small deterministic generator (SplitMix64): plenty for test data, and no extra crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "интеграция",
    "мигранти",
    "заетост",
    "обучение",
    "езикови",
    "курсове",
    "жилища",
    "здравеопазване",
    "информация",
    "център",
    "работодатели",
    "предприемачество",
    "култура",
    "училища",
    "посредници",
    "квалифицирани",
    "специалисти",
    "услуги",
    "общност",
    "доброволци",
    "данни",
    "наблюдение",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s: Vec<&str> = (0..words).map(|_| *rng.pick(WORDS)).collect();
    let first = s[0].to_owned();
    let mut chars = first.chars();
    let capital: String = chars
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .chain(chars)
        .collect();
    s[0] = &capital;
    format!("{}.", s.join(" "))
}

/// A plan with `actions` actions, and objectives, indicators, risks, pilots, members and cities
/// in proportion, every reference filled and resolving.
pub fn plan(actions: usize, seed: u64) -> Plan {
    let mut rng = Rng(seed);
    let mut p = Plan::new();
    let start = YearMonth::new(2025, 1).unwrap_or_default();
    let end = YearMonth::new(2030, 12).unwrap_or_default();
    p.facts = PlanFacts {
        city: "Синтетичен град".into(),
        municipality: "Синтетична община".into(),
        country: "България".into(),
        title: format!("Синтетичен план с {actions} дейности"),
        period_start: Some(start),
        period_end: Some(end),
        version: "1.0".into(),
        date: Date::new(2025, 1, 15),
        authors: vec!["Генератор".into()],
        languages: vec!["bg".into()],
        currency: "EUR".into(),
        summary: sentence(&mut rng, 12),
        ..PlanFacts::default()
    };
    p.vision = sentence(&mut rng, 15);
    p.context.narrative = sentence(&mut rng, 30);
    p.context.evidence = (1..=5)
        .map(|i| Evidence {
            id: EvidenceId(format!("EV-{i}")),
            label: sentence(&mut rng, 3),
            value: Some((rng.below(100_000) + 1) as f64),
            unit: "души".into(),
            year: Some(2022),
            source: "НСИ".into(),
            note: String::new(),
        })
        .collect();

    let n_members = 12;
    let sectors = Sector::ALL;
    p.support_group.members = (1..=n_members)
        .map(|i| Member {
            id: MemberId(format!("M-{i}")),
            organisation: format!("Организация {i}"),
            contact: format!("Лице {i}"),
            sector: sectors[i % sectors.len()],
            role: sentence(&mut rng, 3),
            influence: *rng.pick(Level::ALL),
            interest: *rng.pick(Level::ALL),
        })
        .collect();
    p.support_group.meetings = (1..=4)
        .map(|i| Meeting {
            id: MeetingId(format!("MT-{i}")),
            date: Date::new(2024, (i * 3) as u8, 10),
            topic: sentence(&mut rng, 4),
            place: "Зала 1".into(),
            attendees: (1..=6)
                .map(|m| MemberId(format!("M-{}", (m + i) % n_members + 1)))
                .collect(),
            decisions: vec![sentence(&mut rng, 6)],
        })
        .collect();
    p.problems = (1..=4)
        .map(|i| Problem {
            id: ProblemId(format!("P-{i}")),
            title: sentence(&mut rng, 5),
            description: sentence(&mut rng, 15),
            causes: vec![sentence(&mut rng, 5)],
            effects: vec![sentence(&mut rng, 5)],
            evidence: vec![EvidenceId(format!("EV-{}", i % 5 + 1))],
        })
        .collect();

    let n_indicators = (actions / 4).max(5);
    let n_objectives = (actions / 10).clamp(3, 20);
    p.objectives = (1..=n_objectives)
        .map(|i| StrategicObjective {
            id: ObjectiveId(format!("SO-{i}")),
            code: format!("СЦ{i}"),
            title: sentence(&mut rng, 5),
            description: sentence(&mut rng, 15),
            theme: Theme::ALL[i % Theme::ALL.len()],
            problems: vec![ProblemId(format!("P-{}", i % 4 + 1))],
            specific: (1..=2)
                .map(|j| SpecificObjective {
                    id: SpecificObjectiveId(format!("SP-{i}-{j}")),
                    code: format!("{i}.{j}"),
                    title: sentence(&mut rng, 5),
                    description: sentence(&mut rng, 10),
                    theme: Theme::ALL[i % Theme::ALL.len()],
                    indicators: vec![IndicatorId(format!("I-{}", (i + j) % n_indicators + 1))],
                    deadline: Some(end),
                })
                .collect(),
        })
        .collect();

    let goal = |kind: &str, i: usize| StrategyGoalId(format!("SG-{kind}{i}"));
    p.strategies.marketing = Strategy {
        title: "Маркетингова стратегия".into(),
        reference: "Решение 1/2024".into(),
        goals: (1..=3)
            .map(|i| StrategyGoal {
                id: goal("M", i),
                code: format!("М{i}"),
                title: sentence(&mut rng, 4),
                description: String::new(),
                skilled_migrants: i == 1,
            })
            .collect(),
    };
    p.strategies.internationalisation = Strategy {
        title: "Стратегия за интернационализация".into(),
        reference: "Решение 2/2024".into(),
        goals: (1..=3)
            .map(|i| StrategyGoal {
                id: goal("I", i),
                code: format!("И{i}"),
                title: sentence(&mut rng, 4),
                description: String::new(),
                skilled_migrants: i == 2,
            })
            .collect(),
    };

    let n_risks = (actions / 5).max(3);
    let period_months = start.months_through(end) as usize;
    let lines_per_source = [
        FundingSource::Municipal,
        FundingSource::EsfPlus,
        FundingSource::Amif,
        FundingSource::Erdf,
        FundingSource::National,
    ];
    p.actions = (1..=actions)
        .map(|i| {
            let o = (i - 1) % n_objectives + 1;
            let first = rng.below(period_months.saturating_sub(6));
            let len = 1 + rng.below(period_months - first);
            let cost = Money::from_cents(
                (rng.below(2_000_000) as i128 + 1_000) * 100 + rng.below(100) as i128,
            );
            let n_lines = 1 + rng.below(3);
            let funding = cost
                .split_even(n_lines)
                .into_iter()
                .enumerate()
                .map(|(k, amount)| FundingLine {
                    id: FundingLineId(format!("F-{i}-{}", k + 1)),
                    source: *rng.pick(&lines_per_source),
                    catalogue: None,
                    programme: "Програма".into(),
                    call: format!("BG-{}", rng.below(1000)),
                    amount,
                    co_financing_rate: Some(rng.below(101) as f64),
                    status: *rng.pick(FundingStatus::ALL),
                    legacy_secured: None,
                    note: String::new(),
                })
                .collect();
            Action {
                id: ActionId(format!("A-{i}")),
                code: format!("{o}.{i}"),
                title: sentence(&mut rng, 6),
                description: sentence(&mut rng, 25),
                objective: Some(ObjectiveId(format!("SO-{o}"))),
                specific_objective: Some(SpecificObjectiveId(format!("SP-{o}-{}", i % 2 + 1))),
                lead: format!("Организация {}", i % n_members + 1),
                lead_type: None,
                partners: vec![format!("Организация {}", (i + 3) % n_members + 1)],
                target_group: sentence(&mut rng, 3),
                location: "София".into(),
                start: Some(start.plus_months(first as i32)),
                end: Some(start.plus_months((first + len - 1) as i32)),
                status: *rng.pick(ActionStatus::ALL),
                priority: *rng.pick(Priority::ALL),
                cost: Some(cost),
                funding,
                outputs: vec![sentence(&mut rng, 4)],
                indicators: vec![IndicatorId(format!("I-{}", i % n_indicators + 1))],
                risks: vec![RiskId(format!("R-{}", i % n_risks + 1))],
                // Only on actions that start no earlier than the one they depend on.
                depends_on: Vec::new(),
                strategy_goals: vec![goal(if i % 2 == 0 { "M" } else { "I" }, i % 3 + 1)],
                adapts: None,
                milestones: Vec::new(),
            }
        })
        .collect();
    for i in 1..p.actions.len() {
        if i % 3 == 0 && p.actions[i - 1].start <= p.actions[i].start {
            let dep = p.actions[i - 1].id.clone();
            p.actions[i].depends_on.push(dep);
        }
    }

    p.indicators = (1..=n_indicators)
        .map(|i| Indicator {
            id: IndicatorId(format!("I-{i}")),
            code: format!("ИН{i}"),
            name: sentence(&mut rng, 4),
            level: *rng.pick(IndicatorLevel::ALL),
            definition: sentence(&mut rng, 12),
            unit: "брой".into(),
            baseline: Some(Baseline {
                value: rng.below(100) as f64,
                year: 2024,
                source: "Община".into(),
            }),
            targets: vec![
                YearTarget {
                    year: 2027,
                    value: (100 + rng.below(100)) as f64,
                },
                YearTarget {
                    year: 2030,
                    value: (200 + rng.below(200)) as f64,
                },
            ],
            frequency: *rng.pick(Frequency::ALL),
            data_source: "Регистър".into(),
            owner: "Дирекция".into(),
        })
        .collect();
    p.risks = (1..=n_risks)
        .map(|i| Risk {
            id: RiskId(format!("R-{i}")),
            title: sentence(&mut rng, 4),
            description: sentence(&mut rng, 12),
            likelihood: *rng.pick(Scale5::ALL),
            impact: *rng.pick(Scale5::ALL),
            mitigation: sentence(&mut rng, 8),
            owner: "Координатор".into(),
            // The actions it threatens name it in their `risks`, above.
            legacy_actions: None,
        })
        .collect();
    let n_pilots = (actions / 20).max(1);
    let funds = [
        FundingSource::EsfPlus,
        FundingSource::Amif,
        FundingSource::EuiInnovativeActions,
    ];
    p.pilots = (1..=n_pilots)
        .map(|i| Pilot {
            id: PilotId(format!("PL-{i}")),
            title: sentence(&mut rng, 5),
            fund: Some(funds[i % funds.len()]),
            catalogue: None,
            programme: "Програма".into(),
            call: format!("CALL-{i}"),
            objective: sentence(&mut rng, 10),
            target_group: sentence(&mut rng, 3),
            summary: sentence(&mut rng, 20),
            lead: "Синтетична община".into(),
            lead_type: Some(Sector::Municipality),
            partners: vec!["Организация 2".into()],
            countries: vec!["BG".into()],
            duration_months: Some(24),
            start: Some(start.plus_months(6)),
            budget: CostCategory::ALL
                .iter()
                .map(|c| BudgetItem {
                    category: *c,
                    amount: Money::from_units(10_000 + rng.below(90_000) as i64),
                    note: String::new(),
                })
                .collect(),
            co_financing_rate: Some(85.0),
            outputs: vec![TargetedResult {
                description: sentence(&mut rng, 4),
                target: Some(100.0),
                unit: "души".into(),
            }],
            results: vec![TargetedResult {
                description: sentence(&mut rng, 4),
                target: Some(50.0),
                unit: "%".into(),
            }],
            actions: vec![ActionId(format!("A-{}", (i - 1) * 20 % actions.max(1) + 1))],
            readiness: *rng.pick(Readiness::ALL),
        })
        .collect();
    if actions == 0 {
        p.pilots.clear();
    }
    p.governance = Governance {
        coordinator: "Дирекция „Интеграция“".into(),
        implementing_bodies: vec!["Организация 1".into()],
        reporting_frequency: Frequency::Annual,
        reporting_to: "Общински съвет".into(),
        monitoring: sentence(&mut rng, 20),
        review_points: vec![ReviewPoint {
            month: YearMonth::new(2027, 12),
            description: "Междинен преглед".into(),
        }],
    };
    let cities = ["Синтетичен град", "Белфаст", "Дъблин", "Мадрид", "Виена"];
    p.openness.framework = "OPENCities".into();
    p.openness.cities = cities
        .iter()
        .enumerate()
        .map(|(i, n)| City {
            id: CityId(format!("C-{}", i + 1)),
            name: (*n).into(),
            country: String::new(),
        })
        .collect();
    p.openness.home_city = Some(CityId("C-1".into()));
    p.openness.areas = (1..=11)
        .map(|a| OpennessArea {
            id: OpennessAreaId(format!("OA-{a}")),
            name: format!("Област {a}"),
            weight: 1.0,
            indicators: (1..=2)
                .map(|k| OpennessIndicator {
                    id: OpennessIndicatorId(format!("OI-{a}-{k}")),
                    name: format!("Индикатор {a}.{k}"),
                    unit: "%".into(),
                    direction: if k == 2 {
                        Direction::LowerIsBetter
                    } else {
                        Direction::HigherIsBetter
                    },
                    weight: k as f64,
                })
                .collect(),
        })
        .collect();
    let ind_ids: Vec<OpennessIndicatorId> = p
        .openness
        .areas
        .iter()
        .flat_map(|a| a.indicators.iter().map(|i| i.id.clone()))
        .collect();
    for c in &p.openness.cities {
        for ind in &ind_ids {
            p.openness.values.push(OpennessValue {
                city: c.id.clone(),
                indicator: ind.clone(),
                value: rng.below(1000) as f64 / 10.0,
                year: Some(2023),
                source: "Синтетичен".into(),
            });
        }
    }
    p
}

/// [`plan`] adopted, with two milestones per action and `rounds` yearly monitoring rounds (at
/// the end of 2025, 2026, …): every indicator measured near its path, every action that has
/// started reported with progress, spend per funding line and the milestones it reached. Clean
/// under the monitoring checks; the same for the same seed.
pub fn monitored(actions: usize, rounds: usize, seed: u64) -> Plan {
    let mut p = plan(actions, seed);
    // Its own stream, so `plan` stays what it was for every seed.
    let mut rng = Rng(seed ^ 0x006d_6f6e_6974_6f72);
    p.facts.status = PlanStatus::Adopted;
    p.facts.adoption_date = Date::new(2025, 1, 30);
    p.facts.adoption_decision = "Решение № 1".into();
    for a in &mut p.actions {
        let (Some(s), Some(e)) = (a.start, a.end) else {
            continue;
        };
        let len = s.months_through(e) as i32;
        a.milestones = (1..=2)
            .map(|k| Milestone {
                id: MilestoneId(format!("MS-{}-{k}", &a.id.as_str()[2..])),
                title: sentence(&mut rng, 3),
                due: Some(s.plus_months(len * k / 3)),
                done: None,
            })
            .collect();
    }
    let mut reached: std::collections::HashMap<MilestoneId, Date> = Default::default();
    p.monitoring.rounds = (0..rounds)
        .map(|k| {
            let year = 2025 + k as i32;
            let date = Date::new(year, 12, 31).unwrap_or_default();
            let month = date.year_month();
            let actuals = p
                .indicators
                .iter()
                .map(|i| {
                    let base = i.baseline.as_ref().map_or(0.0, |b| b.value);
                    let last = i.targets.last().map_or(base, |t| t.value);
                    let share = (k as f64 + 1.0) / 6.0;
                    let noise = 0.8 + rng.below(40) as f64 / 100.0;
                    IndicatorActual {
                        indicator: i.id.clone(),
                        value: (base + (last - base) * share * noise).round(),
                        date: Some(date),
                        source: "Регистър".into(),
                        note: String::new(),
                    }
                })
                .collect();
            let progress = p
                .actions
                .iter()
                .filter(|a| a.start.is_some_and(|s| s <= month))
                .map(|a| {
                    let (s, e) = (a.start.unwrap_or(month), a.end.unwrap_or(month));
                    let total = s.months_through(e).max(1) as f64;
                    let elapsed = s.months_through(month.min(e)) as f64;
                    let noise = 0.7 + rng.below(40) as f64 / 100.0;
                    let mut percent = (elapsed / total * 100.0 * noise).round().min(100.0);
                    if e <= month {
                        percent = 100.0;
                    }
                    let done = percent >= 100.0;
                    let spend = a
                        .funding
                        .iter()
                        .map(|f| {
                            let factor = (percent / 100.0) * (0.9 + rng.below(15) as f64 / 100.0);
                            let cents = (f.amount.cents() as f64 * factor.min(1.0)) as i128;
                            Spend {
                                funding_line: f.id.clone(),
                                spent: Money::from_cents(cents),
                                committed: Money::from_cents((f.amount.cents() - cents) / 4),
                            }
                        })
                        .collect();
                    let milestones_reached = a
                        .milestones
                        .iter()
                        .filter(|m| m.due.is_some_and(|d| d < month))
                        .map(|m| {
                            let when = *reached.entry(m.id.clone()).or_insert(date);
                            MilestoneReached {
                                milestone: m.id.clone(),
                                date: Some(when),
                            }
                        })
                        .collect();
                    ActionProgress {
                        action: a.id.clone(),
                        status: if done {
                            ActionStatus::Completed
                        } else {
                            ActionStatus::InProgress
                        },
                        percent_done: Some(percent),
                        actual_start: Some(s),
                        actual_end: done.then_some(e),
                        spend,
                        milestones_reached,
                        narrative: sentence(&mut rng, 10),
                        issues: String::new(),
                    }
                })
                .collect();
            MonitoringRound {
                id: MonitoringRoundId(format!("MR-{}", k + 1)),
                date: Some(date),
                period_start: YearMonth::new(year, 1),
                period_end: YearMonth::new(year, 12),
                author: "Координатор".into(),
                note: sentence(&mut rng, 6),
                actuals,
                progress,
            }
        })
        .collect();
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Severity, check};

    #[test]
    fn monitored_plans_are_clean_and_repeatable() {
        let p = monitored(40, 3, 7);
        assert_eq!(p.monitoring.rounds.len(), 3);
        assert!(crate::model::integrity::problems(&p).is_empty());
        let report = check(&p);
        let bad: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error || f.code.starts_with("MONITORING"))
            .collect();
        assert!(bad.is_empty(), "{bad:#?}");
        assert_eq!(monitored(40, 3, 7), p);
    }

    #[test]
    fn generated_plans_are_clean_and_repeatable() {
        for n in [0, 1, 7, 60] {
            let p = plan(n, 42);
            assert_eq!(p.actions.len(), n);
            let report = check(&p);
            let errors: Vec<_> = report
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error && !(n == 0 && f.code == "NO_ACTIONS"))
                .collect();
            assert!(errors.is_empty(), "n={n}: {errors:#?}");
            assert_eq!(plan(n, 42), p);
        }
        assert_ne!(plan(10, 1), plan(10, 2));
    }
}
