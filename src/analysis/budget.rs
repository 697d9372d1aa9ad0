//! The plan's money: cost, funding by source, secured vs potential, the gap, and spend per year.

use std::collections::BTreeMap;

use crate::model::{
    Action, CostCategory, FundingSource, FundingStatus, Lang, Money, Pilot, Plan, format,
};

/// Funding from one source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceTotal {
    /// The source.
    pub source: FundingSource,
    /// Secured amount.
    pub secured: Money,
    /// Potential amount.
    pub potential: Money,
}

impl SourceTotal {
    /// Secured plus potential.
    pub fn total(&self) -> Money {
        self.secured + self.potential
    }
}

/// Money of one action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionMoney {
    /// Its cost (zero when not given).
    pub cost: Money,
    /// Secured funding.
    pub secured: Money,
    /// Potential funding.
    pub potential: Money,
}

impl ActionMoney {
    /// Of an action.
    pub fn of(action: &Action) -> Self {
        let mut m = ActionMoney {
            cost: action.cost.unwrap_or_default(),
            secured: Money::ZERO,
            potential: Money::ZERO,
        };
        for line in &action.funding {
            match line.status {
                FundingStatus::Secured => m.secured += line.amount,
                FundingStatus::Potential => m.potential += line.amount,
            }
        }
        m
    }

    /// All funding lines together.
    pub fn funded(&self) -> Money {
        self.secured + self.potential
    }

    /// Cost that no funding line covers (never negative: one action's surplus does not fill
    /// another's gap).
    pub fn gap(&self) -> Money {
        (self.cost - self.funded()).clamp_at_zero()
    }

    /// Cost that no secured money covers: potential money is hoped for, not had.
    pub fn unsecured(&self) -> Money {
        (self.cost - self.secured).clamp_at_zero()
    }
}

/// The plan's budget.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Budget {
    /// Sum of all action costs.
    pub total_cost: Money,
    /// Sum of secured funding.
    pub secured: Money,
    /// Sum of potential funding.
    pub potential: Money,
    /// Cost not covered by any funding line, summed per action.
    pub gap: Money,
    /// Cost not covered by secured money, summed per action: what is still to be won.
    pub unsecured: Money,
    /// Funding beyond cost, summed per action (a sign of a typo).
    pub surplus: Money,
    /// By source, in the order of [`FundingSource::ALL`]; only sources that appear.
    pub by_source: Vec<SourceTotal>,
    /// Cost per calendar year, spreading each action's cost evenly over its months.
    pub by_year: Vec<(i32, Money)>,
    /// Cost of actions without valid start and end months (not in `by_year`).
    pub unscheduled: Money,
}

impl Budget {
    /// Secured plus potential.
    pub fn funded(&self) -> Money {
        self.secured + self.potential
    }

    /// Share of the cost covered by secured money, in percent (at most 100; 0 without cost).
    pub fn secured_share_percent(&self) -> f64 {
        Money::percent_of(self.total_cost - self.unsecured, self.total_cost)
    }

    /// The bars of a budget chart: each source (secured, potential), then the gap (`None`)
    /// when there is one.
    pub fn chart_rows(&self) -> Vec<(Option<FundingSource>, Money, Money)> {
        self.by_source
            .iter()
            .map(|s| (Some(s.source), s.secured, s.potential))
            .chain((self.gap.cents() > 0).then_some((None, Money::ZERO, self.gap)))
            .collect()
    }
}

/// A headline figure of the budget, in the order every output shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// Total cost of the actions.
    Cost,
    /// Secured money, with its share of the cost.
    Secured,
    /// Potential money: applied for or planned.
    Potential,
    /// Cost minus secured money: what is still to be won.
    Unsecured,
    /// Cost that not even a potential line covers (shown only when there is some).
    Uncovered,
}

impl Figure {
    /// Its interface-text key (`assets/i18n/*/lap.ftl`).
    pub fn key(self) -> &'static str {
        match self {
            Figure::Cost => "figure-cost",
            Figure::Secured => "figure-secured",
            Figure::Potential => "figure-potential",
            Figure::Unsecured => "figure-unsecured",
            Figure::Uncovered => "figure-uncovered",
        }
    }
}

impl Budget {
    /// The headline figures as people read them in `lang`: cost, secured (with its share of the
    /// cost), potential, unsecured, and uncovered cost when there is any. One list for the
    /// app, the PDF, the HTML and `summary`, so they cannot tell different stories.
    pub fn headline(&self, lang: Lang, currency: &str) -> Vec<(Figure, String)> {
        let money = |m: Money| format::money(lang, m, currency);
        let mut rows = vec![
            (Figure::Cost, money(self.total_cost)),
            (
                Figure::Secured,
                format!(
                    "{} ({})",
                    money(self.secured),
                    format::percent(lang, self.secured_share_percent(), 1)
                ),
            ),
            (Figure::Potential, money(self.potential)),
            (Figure::Unsecured, money(self.unsecured)),
        ];
        if self.gap.cents() > 0 {
            rows.push((Figure::Uncovered, money(self.gap)));
        }
        rows
    }
}

/// Computes the budget of the plan's actions.
pub fn budget(plan: &Plan) -> Budget {
    let mut b = Budget::default();
    let mut by_source: BTreeMap<FundingSource, SourceTotal> = BTreeMap::new();
    let mut by_year: BTreeMap<i32, Money> = BTreeMap::new();
    for action in &plan.actions {
        let m = ActionMoney::of(action);
        b.total_cost += m.cost;
        b.secured += m.secured;
        b.potential += m.potential;
        b.gap += m.gap();
        b.unsecured += m.unsecured();
        b.surplus += (m.funded() - m.cost).clamp_at_zero();
        for line in &action.funding {
            let t = by_source.entry(line.source).or_insert_with(|| SourceTotal {
                source: line.source,
                ..SourceTotal::default()
            });
            match line.status {
                FundingStatus::Secured => t.secured += line.amount,
                FundingStatus::Potential => t.potential += line.amount,
            }
        }
        match (action.start, action.end) {
            (Some(start), Some(end)) if end >= start => {
                let months = start.months_through(end) as usize;
                for (i, part) in m.cost.split_even(months).into_iter().enumerate() {
                    let year = start.plus_months(i as i32).year();
                    *by_year.entry(year).or_default() += part;
                }
            }
            _ => b.unscheduled += m.cost,
        }
    }
    b.by_source = by_source.into_values().collect();
    b.by_year = by_year.into_iter().collect();
    b
}

/// A pilot's total budget.
pub fn pilot_total(pilot: &Pilot) -> Money {
    pilot.budget.iter().map(|i| i.amount).sum()
}

/// A pilot's budget by cost category, in the order of [`CostCategory::ALL`].
pub fn pilot_by_category(pilot: &Pilot) -> Vec<(CostCategory, Money)> {
    CostCategory::ALL
        .iter()
        .filter_map(|c| {
            let items: Vec<Money> = pilot
                .budget
                .iter()
                .filter(|i| i.category == *c)
                .map(|i| i.amount)
                .collect();
            (!items.is_empty()).then(|| (*c, items.iter().sum()))
        })
        .collect()
}

/// What the fund would pay of a pilot at its co-financing rate, rounded down to the cent.
pub fn pilot_fund_share(pilot: &Pilot) -> Option<Money> {
    let rate = pilot
        .co_financing_rate
        .filter(|r| r.is_finite() && (0.0..=100.0).contains(r))?;
    // Rate in hundredths of a percent, so the product stays in exact integers.
    let basis_points = (rate * 100.0).round() as i128;
    Some(Money::from_cents(
        pilot_total(pilot).cents() * basis_points / 10_000,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn line(source: FundingSource, euros: i64, status: FundingStatus) -> FundingLine {
        FundingLine {
            source,
            amount: Money::from_units(euros),
            status,
            ..FundingLine::default()
        }
    }

    #[test]
    fn potential_money_does_not_make_a_plan_secure() {
        let mut p = Plan::new();
        p.actions.push(Action {
            cost: Some(Money::from_units(1000)),
            funding: vec![
                line(FundingSource::Municipal, 270, FundingStatus::Secured),
                line(FundingSource::EsfPlus, 730, FundingStatus::Potential),
            ],
            ..Action::default()
        });
        // One action's surplus of secured money does not secure another's cost.
        p.actions.push(Action {
            cost: Some(Money::from_units(100)),
            funding: vec![line(FundingSource::Municipal, 150, FundingStatus::Secured)],
            ..Action::default()
        });
        let b = budget(&p);
        assert_eq!(b.gap, Money::ZERO, "every euro has a line");
        assert_eq!(b.unsecured, Money::from_units(730));
        assert!((b.secured_share_percent() - 370.0 * 100.0 / 1100.0).abs() < 1e-9);
        assert_eq!(Budget::default().secured_share_percent(), 0.0);
    }

    #[test]
    fn totals_gap_and_years() {
        let mut p = Plan::new();
        p.actions.push(Action {
            cost: Some(Money::from_units(1200)),
            start: "2025-07".parse().ok(),
            end: "2026-06".parse().ok(),
            funding: vec![
                line(FundingSource::EsfPlus, 800, FundingStatus::Secured),
                line(FundingSource::Municipal, 100, FundingStatus::Potential),
            ],
            ..Action::default()
        });
        p.actions.push(Action {
            cost: Some(Money::from_units(100)),
            funding: vec![line(FundingSource::Municipal, 150, FundingStatus::Secured)],
            ..Action::default()
        });
        let b = budget(&p);
        assert_eq!(b.total_cost, Money::from_units(1300));
        assert_eq!(b.secured, Money::from_units(950));
        assert_eq!(b.potential, Money::from_units(100));
        // The second action's surplus does not fill the first one's gap.
        assert_eq!(b.gap, Money::from_units(300));
        assert_eq!(b.surplus, Money::from_units(50));
        assert_eq!(
            b.by_year,
            vec![
                (2025, Money::from_units(600)),
                (2026, Money::from_units(600))
            ]
        );
        assert_eq!(b.unscheduled, Money::from_units(100));
        assert_eq!(b.by_source[0].source, FundingSource::Municipal);
        assert_eq!(b.by_source[0].total(), Money::from_units(250));
        assert_eq!(b.by_source[1].secured, Money::from_units(800));
    }

    #[test]
    fn pilot_share_is_exact() {
        let p = Pilot {
            budget: vec![
                BudgetItem {
                    category: CostCategory::Staff,
                    amount: Money::from_cents(100_001),
                    ..BudgetItem::default()
                },
                BudgetItem {
                    category: CostCategory::Staff,
                    amount: Money::from_cents(99_999),
                    ..BudgetItem::default()
                },
                BudgetItem {
                    category: CostCategory::Equipment,
                    amount: Money::from_units(500),
                    ..BudgetItem::default()
                },
            ],
            co_financing_rate: Some(85.0),
            ..Pilot::default()
        };
        assert_eq!(pilot_total(&p), Money::from_units(2500));
        assert_eq!(pilot_fund_share(&p), Some(Money::from_units(2125)));
        assert_eq!(
            pilot_by_category(&p),
            vec![
                (CostCategory::Staff, Money::from_units(2000)),
                (CostCategory::Equipment, Money::from_units(500))
            ]
        );
    }
}
