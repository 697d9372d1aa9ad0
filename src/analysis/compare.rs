//! Several cities' plans side by side, for a network's lead partner and its experts: the
//! openness profiles on the framework the plans share, against the group average and over the
//! years; objectives and actions by theme; the budget by fund and programme; which good
//! practices went from which city to which (the transfer matrix).
//!
//! Each plan speaks for its own city: the comparison takes from every plan the values of its
//! home city only (a plan's figures for its partners are its own estimates, not theirs), puts
//! them into one [`OpennessAssessment`] with a city per plan, and scores that with
//! [`super::openness`] — so the index, the trend and the words that say how they were computed
//! are the ones a single plan gets. Indicators are matched by id; one that a plan lacks, or
//! whose direction differs between plans, is left out and listed in [`Comparison::left_out`].
//! The first plan is the one the comparison is read from: its city is the "home" city that the
//! charts draw dark.

use crate::model::{
    City, CityId, FundingSource, Money, OpennessArea, OpennessAssessment, OpennessIndicator,
    OpennessIndicatorId, OpennessMethod, OpennessValue, Plan, PracticeId, Theme,
};

use super::budget::{Budget, budget};
use super::openness::{Basis, OpennessIndex, OpennessTrend, index, trend};

/// One compared plan, as the comparison names it.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    /// The city (the plan's `facts.city`, else its home city's name in the framework, else
    /// the title).
    pub city: String,
    /// The plan's title.
    pub title: String,
    /// The currency of its amounts.
    pub currency: String,
    /// False when the plan marks no home city: it has no openness values in the comparison.
    pub has_home: bool,
    /// Its budget.
    pub budget: Budget,
}

/// Why an indicator is not compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeftOutWhy {
    /// These plans (by index) do not have it in their framework.
    Missing(Vec<usize>),
    /// The plans do not agree whether more is better.
    Direction,
}

/// An indicator of some plan's framework that the comparison leaves out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// Its id.
    pub id: OpennessIndicatorId,
    /// Its name in the first plan that has it.
    pub name: String,
    /// Why.
    pub why: LeftOutWhy,
}

/// Objectives, actions and cost of one theme, per plan.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeRow {
    /// The theme; `None` for actions whose objective has no theme to give (no objective).
    pub theme: Option<Theme>,
    /// Strategic objectives of the theme, per plan.
    pub objectives: Vec<usize>,
    /// Actions of the theme (their specific objective's theme, else their strategic
    /// objective's), per plan.
    pub actions: Vec<usize>,
    /// Cost of those actions, per plan.
    pub cost: Vec<Money>,
}

/// Money from one fund, per plan, and its programmes.
#[derive(Clone, Debug, PartialEq)]
pub struct FundRow {
    /// The fund.
    pub source: FundingSource,
    /// Secured and potential money together, per plan.
    pub amounts: Vec<Money>,
    /// Secured money, per plan.
    pub secured: Vec<Money>,
    /// Its programmes (the catalogue's name, else the funding line's own words), each with its
    /// money per plan, in order of first appearance.
    pub programmes: Vec<(String, Vec<Money>)>,
}

/// The comparison of several plans.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The plans, in the order given.
    pub plans: Vec<Compared>,
    /// The shared framework with one city per plan (those with a home city) and each city's
    /// own values.
    pub assessment: OpennessAssessment,
    /// Indicators of some plan's framework not compared.
    pub left_out: Vec<LeftOut>,
    /// The latest profile of every city.
    pub index: OpennessIndex,
    /// The group average of each area's score, in area order, then of the overall index.
    pub average: Vec<Option<f64>>,
    /// The overall index of every city in every year.
    pub trend: OpennessTrend,
    /// Objectives and actions by theme, in the order of [`Theme::ALL`], then actions without
    /// a theme; only rows some plan has.
    pub themes: Vec<ThemeRow>,
    /// Money by fund, in the order of [`FundingSource::ALL`]; only funds some plan uses.
    pub funds: Vec<FundRow>,
    /// True when the plans count in different currencies (amounts are then not added up
    /// across plans).
    pub mixed_currencies: bool,
    /// Which good practices went from which city to which.
    pub transfers: Transfers,
}

/// One action of a compared plan that adapts a good practice.
#[derive(Clone, Debug, PartialEq)]
pub struct Transfer {
    /// The practice's id.
    pub practice: PracticeId,
    /// Its title; empty when neither the plan nor the shipped library has the practice.
    pub title: String,
    /// Where it comes from: an index into [`Transfers::cities`].
    pub from: usize,
    /// The plan (by index) whose action adapts it.
    pub to: usize,
    /// The action's code, else its id.
    pub action: String,
    /// The action's title.
    pub action_title: String,
    /// What the plan adapts (the Adapt note).
    pub adapted: String,
}

/// The good practices the compared plans adapt, from which city to which.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Transfers {
    /// The cities practices come from: first one per compared plan (its city, in plan
    /// order), then the other cities named by practices, in order of first appearance; an
    /// empty name stands for a practice whose city is not known.
    pub cities: Vec<String>,
    /// How many adaptations went from each city (row, as in `cities`) to each plan (column).
    pub matrix: Vec<Vec<usize>>,
    /// Every adaptation, in plan order and then action order.
    pub list: Vec<Transfer>,
}

impl Transfers {
    /// The rows of the matrix that some practice comes from, with their city's index.
    pub fn sources(&self) -> impl Iterator<Item = (usize, &Vec<usize>)> {
        self.matrix
            .iter()
            .enumerate()
            .filter(|(_, row)| row.iter().any(|n| *n > 0))
    }
}

/// A city's name as names are compared: trimmed and in lower case.
fn fold(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Which practices the plans' actions adapt, from which city to which. A practice is looked up
/// in the plan's own practices, then in the shipped library; its city is one of the compared
/// plans when the name equals (ignoring case) that plan's city or the name of its home city in
/// its openness assessment — a city spelt in another language than its plan spells it is
/// counted as a city of its own.
pub fn transfers(plans: &[Plan], names: &[String]) -> Transfers {
    let mut cities: Vec<String> = names.to_vec();
    let aliases: Vec<Vec<String>> = plans
        .iter()
        .zip(names)
        .map(|(p, name)| {
            let o = &p.openness;
            let home = o
                .home_city
                .as_ref()
                .and_then(|h| o.cities.iter().find(|c| &c.id == h))
                .map(|c| c.name.as_str());
            [Some(name.as_str()), Some(p.facts.city.as_str()), home]
                .into_iter()
                .flatten()
                .map(fold)
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect();
    let mut list = Vec::new();
    for (to, p) in plans.iter().enumerate() {
        for a in &p.actions {
            let Some(r) = &a.adapts else { continue };
            let practice = p
                .practice(&r.practice)
                .or_else(|| crate::store::practices::find(&r.practice));
            let city = practice.map_or("", |g| g.city.trim());
            let key = fold(city);
            let from = if key.is_empty() {
                None
            } else {
                aliases.iter().position(|names| names.contains(&key))
            };
            let from = from.unwrap_or_else(|| {
                match cities.iter().skip(names.len()).position(|c| fold(c) == key) {
                    Some(k) => names.len() + k,
                    None => {
                        cities.push(city.to_owned());
                        cities.len() - 1
                    }
                }
            });
            list.push(Transfer {
                practice: r.practice.clone(),
                title: practice.map_or_else(String::new, |g| g.title.clone()),
                from,
                to,
                action: if a.code.trim().is_empty() {
                    a.id.to_string()
                } else {
                    a.code.clone()
                },
                action_title: a.title.clone(),
                adapted: r.adapted.clone(),
            });
        }
    }
    let mut matrix = vec![vec![0; plans.len()]; cities.len()];
    for t in &list {
        matrix[t.from][t.to] += 1;
    }
    Transfers {
        cities,
        matrix,
        list,
    }
}

/// The id the comparison gives the city of the `i`-th plan.
pub fn city_id(i: usize) -> CityId {
    CityId(format!("P-{}", i + 1))
}

/// The mean of the scores that exist; `None` when none does.
fn mean(scores: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let s: Vec<f64> = scores.flatten().filter(|v| v.is_finite()).collect();
    (!s.is_empty()).then(|| s.iter().sum::<f64>() / s.len() as f64)
}

/// The theme of an action: its specific objective's, else its strategic objective's.
fn action_theme(plan: &Plan, action: &crate::model::Action) -> Option<Theme> {
    let objective = plan.objective(action.objective.as_ref()?)?;
    let specific = action
        .specific_objective
        .as_ref()
        .and_then(|s| objective.specific.iter().find(|x| &x.id == s));
    Some(specific.map_or(objective.theme, |s| s.theme))
}

/// A funding line's programme as the comparison names it: the catalogue's name in `lang`, else
/// the line's own words, else the fund's name.
fn programme_name(
    catalogue: &crate::model::catalogue::Catalogue,
    line: &crate::model::FundingLine,
    lang: crate::model::Lang,
) -> String {
    if let Some(p) = line
        .catalogue
        .as_ref()
        .and_then(|r| catalogue.programme(&r.programme))
    {
        return p.name(lang).to_string();
    }
    let own = line.programme.trim();
    if own.is_empty() {
        line.source.label(lang).to_owned()
    } else {
        own.to_owned()
    }
}

/// Compares `plans` with `method`; names of areas, indicators and programmes in `lang` where
/// a plan of that language has them (the first such plan's framework is the reference), else
/// from the first plan.
pub fn compare(plans: &[Plan], method: OpennessMethod, lang: crate::model::Lang) -> Comparison {
    let reference = plans
        .iter()
        .position(|p| p.facts.language == lang)
        .unwrap_or(0);
    let with_home: Vec<usize> = (0..plans.len())
        .filter(|i| plans[*i].openness.home_city.is_some())
        .collect();
    // Every indicator of every framework, first appearance first.
    let mut all: Vec<(&OpennessIndicator, usize)> = Vec::new();
    for (i, p) in plans.iter().enumerate() {
        for ind in p.openness.areas.iter().flat_map(|a| &a.indicators) {
            if !all.iter().any(|(x, _)| x.id == ind.id) {
                all.push((ind, i));
            }
        }
    }
    let find = |p: &Plan, id: &OpennessIndicatorId| {
        p.openness
            .areas
            .iter()
            .flat_map(|a| &a.indicators)
            .find(|x| &x.id == id)
            .cloned()
    };
    let mut left_out = Vec::new();
    let mut shared: Vec<OpennessIndicatorId> = Vec::new();
    for (ind, _) in &all {
        let missing: Vec<usize> = with_home
            .iter()
            .copied()
            .filter(|i| find(&plans[*i], &ind.id).is_none())
            .collect();
        let name = plans
            .get(reference)
            .and_then(|p| find(p, &ind.id))
            .map_or_else(|| ind.name.clone(), |x| x.name);
        if !missing.is_empty() {
            left_out.push(LeftOut {
                id: ind.id.clone(),
                name,
                why: LeftOutWhy::Missing(missing),
            });
        } else if with_home
            .iter()
            .any(|i| find(&plans[*i], &ind.id).is_some_and(|x| x.direction != ind.direction))
        {
            left_out.push(LeftOut {
                id: ind.id.clone(),
                name,
                why: LeftOutWhy::Direction,
            });
        } else {
            shared.push(ind.id.clone());
        }
    }
    // The shared framework in the reference plan's areas (then any other plan's, for shared
    // indicators the reference does not place), with its names and weights.
    let mut areas: Vec<OpennessArea> = Vec::new();
    let order = std::iter::once(reference).chain((0..plans.len()).filter(|i| *i != reference));
    for i in order {
        let Some(p) = plans.get(i) else { continue };
        for a in &p.openness.areas {
            for ind in &a.indicators {
                let placed = areas
                    .iter()
                    .any(|x| x.indicators.iter().any(|y| y.id == ind.id));
                if placed || !shared.contains(&ind.id) {
                    continue;
                }
                match areas.iter_mut().find(|x| x.id == a.id) {
                    Some(area) => area.indicators.push(ind.clone()),
                    None => areas.push(OpennessArea {
                        indicators: vec![ind.clone()],
                        ..a.clone()
                    }),
                }
            }
        }
    }
    let mut assessment = OpennessAssessment {
        framework: plans
            .get(reference)
            .map(|p| p.openness.framework.clone())
            .unwrap_or_default(),
        areas,
        method,
        home_city: with_home.first().map(|i| city_id(*i)),
        ..OpennessAssessment::default()
    };
    let mut compared = Vec::new();
    for (i, p) in plans.iter().enumerate() {
        let o = &p.openness;
        let home = o
            .home_city
            .as_ref()
            .and_then(|h| o.cities.iter().find(|c| &c.id == h));
        let city = [
            p.facts.city.trim(),
            home.map_or("", |c| c.name.trim()),
            p.facts.title.trim(),
        ]
        .into_iter()
        .find(|s| !s.is_empty())
        .map_or_else(|| city_id(i).to_string(), str::to_owned);
        if let Some(h) = &o.home_city {
            assessment.cities.push(City {
                id: city_id(i),
                name: city.clone(),
                country: p.facts.country.clone(),
            });
            assessment.values.extend(
                o.values
                    .iter()
                    .filter(|v| &v.city == h && shared.contains(&v.indicator))
                    .map(|v| OpennessValue {
                        city: city_id(i),
                        ..v.clone()
                    }),
            );
        }
        compared.push(Compared {
            city,
            title: p.facts.title.clone(),
            currency: p.facts.currency.clone(),
            has_home: o.home_city.is_some(),
            budget: budget(p),
        });
    }
    let idx = index(&assessment, Basis::Latest);
    let mut average: Vec<Option<f64>> = (0..idx.areas.len())
        .map(|a| mean(idx.cities.iter().map(|c| c.areas[a])))
        .collect();
    average.push(mean(idx.cities.iter().map(|c| c.overall)));
    let trend = trend(&assessment);

    // Objectives and actions by theme.
    let n = plans.len();
    let mut themes = Vec::new();
    for theme in Theme::ALL.iter().copied().map(Some).chain([None]) {
        let mut row = ThemeRow {
            theme,
            objectives: vec![0; n],
            actions: vec![0; n],
            cost: vec![Money::ZERO; n],
        };
        for (i, p) in plans.iter().enumerate() {
            if let Some(t) = theme {
                row.objectives[i] = p.objectives.iter().filter(|o| o.theme == t).count();
            }
            for a in p.actions.iter().filter(|a| action_theme(p, a) == theme) {
                row.actions[i] += 1;
                row.cost[i] += a.cost.unwrap_or_default();
            }
        }
        if row.objectives.iter().chain(&row.actions).any(|c| *c > 0) {
            themes.push(row);
        }
    }

    // Money by fund and programme.
    let mut funds: Vec<FundRow> = Vec::new();
    for (i, p) in plans.iter().enumerate() {
        let catalogue = super::checks::catalogue_of(p);
        for (_, line) in p.funding_lines() {
            let row = match funds.iter().position(|f| f.source == line.source) {
                Some(k) => &mut funds[k],
                None => {
                    funds.push(FundRow {
                        source: line.source,
                        amounts: vec![Money::ZERO; n],
                        secured: vec![Money::ZERO; n],
                        programmes: Vec::new(),
                    });
                    funds.last_mut().expect("just pushed")
                }
            };
            row.amounts[i] += line.amount;
            if line.status == crate::model::FundingStatus::Secured {
                row.secured[i] += line.amount;
            }
            let name = programme_name(&catalogue, line, lang);
            match row.programmes.iter_mut().find(|(x, _)| *x == name) {
                Some((_, m)) => m[i] += line.amount,
                None => {
                    let mut m = vec![Money::ZERO; n];
                    m[i] = line.amount;
                    row.programmes.push((name, m));
                }
            }
        }
    }
    funds.sort_by_key(|f| FundingSource::ALL.iter().position(|s| *s == f.source));
    let mixed_currencies = compared
        .iter()
        .any(|c| c.currency.trim() != compared[0].currency.trim());
    let names: Vec<String> = compared.iter().map(|c| c.city.clone()).collect();
    let transfers = transfers(plans, &names);
    Comparison {
        plans: compared,
        assessment,
        left_out,
        index: idx,
        average,
        trend,
        themes,
        funds,
        mixed_currencies,
        transfers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    /// A plan for `city` with a framework of `indicators` (id, direction) in one area each,
    /// its own values (indicator, year, value), and actions (objective theme, cost, fund).
    fn plan(
        city: &str,
        indicators: &[(&str, Direction)],
        values: &[(&str, i32, f64)],
        actions: &[(Theme, i128, FundingSource)],
    ) -> Plan {
        let mut p = Plan::new();
        p.facts.city = city.into();
        p.facts.language = Lang::En;
        let o = &mut p.openness;
        o.areas = indicators
            .iter()
            .enumerate()
            .map(|(k, (id, d))| OpennessArea {
                id: format!("OA-{}", k + 1).as_str().into(),
                name: format!("Area {id}"),
                weight: 1.0,
                indicators: vec![OpennessIndicator {
                    id: (*id).into(),
                    name: format!("Indicator {id}"),
                    direction: *d,
                    weight: 1.0,
                    ..OpennessIndicator::default()
                }],
            })
            .collect();
        // A partner with a value of its own that the comparison must not take.
        o.cities = vec![
            City {
                id: "C-1".into(),
                name: city.into(),
                ..City::default()
            },
            City {
                id: "C-2".into(),
                name: "Elsewhere".into(),
                ..City::default()
            },
        ];
        o.home_city = Some("C-1".into());
        for (ind, year, v) in values {
            for (c, x) in [("C-1", *v), ("C-2", 1000.0)] {
                o.values.push(OpennessValue {
                    city: c.into(),
                    indicator: (*ind).into(),
                    value: x,
                    year: Some(*year),
                    source: String::new(),
                });
            }
        }
        for (k, (theme, euros, fund)) in actions.iter().enumerate() {
            let so = format!("SO-{}", k + 1);
            p.objectives.push(StrategicObjective {
                id: so.as_str().into(),
                theme: *theme,
                ..StrategicObjective::default()
            });
            p.actions.push(Action {
                id: format!("A-{}", k + 1).as_str().into(),
                objective: Some(so.as_str().into()),
                cost: Some(Money::from_cents(*euros * 100)),
                funding: vec![FundingLine {
                    source: *fund,
                    programme: format!("{} programme", fund.label(Lang::En)),
                    amount: Money::from_cents(*euros * 100),
                    status: FundingStatus::Secured,
                    ..FundingLine::default()
                }],
                ..Action::default()
            });
        }
        p
    }

    use Direction::*;

    /// Three plans: A and B share X and Y; C has X and Z; Y's direction differs in B.
    fn three() -> Vec<Plan> {
        vec![
            plan(
                "A",
                &[("X", HigherIsBetter), ("Y", HigherIsBetter)],
                &[("X", 2020, 10.0), ("X", 2022, 20.0), ("Y", 2022, 5.0)],
                &[(Theme::Internationalisation, 100, FundingSource::EsfPlus)],
            ),
            plan(
                "B",
                &[("X", HigherIsBetter), ("Y", LowerIsBetter)],
                &[("X", 2020, 30.0), ("X", 2022, 40.0), ("Y", 2022, 5.0)],
                &[
                    (Theme::IntegrationInclusion, 50, FundingSource::Municipal),
                    (Theme::IntegrationInclusion, 30, FundingSource::EsfPlus),
                ],
            ),
            plan(
                "C",
                &[("X", HigherIsBetter), ("Z", HigherIsBetter)],
                &[("X", 2022, 60.0), ("Z", 2022, 1.0)],
                &[(Theme::LeadershipGovernance, 20, FundingSource::Municipal)],
            ),
        ]
    }

    #[test]
    fn only_the_shared_indicators_are_compared_and_the_others_are_named() {
        let c = compare(&three(), OpennessMethod::RelativeToAverage, Lang::En);
        let ids: Vec<&str> = c
            .assessment
            .areas
            .iter()
            .flat_map(|a| &a.indicators)
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(ids, ["X"]);
        assert_eq!(
            c.left_out,
            vec![
                LeftOut {
                    id: "Y".into(),
                    name: "Indicator Y".into(),
                    why: LeftOutWhy::Missing(vec![2]),
                },
                LeftOut {
                    id: "Z".into(),
                    name: "Indicator Z".into(),
                    why: LeftOutWhy::Missing(vec![0, 1]),
                },
            ]
        );
        // One city per plan, with its own values only (not the partner's 1000).
        let names: Vec<&str> = c
            .assessment
            .cities
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(names, ["A", "B", "C"]);
        assert!(c.assessment.values.iter().all(|v| v.value < 100.0));
        assert_eq!(c.assessment.home_city, Some(city_id(0)));
    }

    #[test]
    fn a_direction_that_differs_leaves_the_indicator_out() {
        let plans = &three()[..2];
        let c = compare(plans, OpennessMethod::RelativeToAverage, Lang::En);
        assert_eq!(c.left_out.len(), 1);
        assert_eq!(c.left_out[0].why, LeftOutWhy::Direction);
    }

    #[test]
    fn profiles_against_the_group_average_and_over_the_years_by_hand() {
        let c = compare(&three(), OpennessMethod::RelativeToAverage, Lang::En);
        // Latest X: 20, 40, 60; average 40 → 50, 100, 150; the group average of the scores 100.
        let overall: Vec<f64> = c.index.cities.iter().filter_map(|x| x.overall).collect();
        assert_eq!(overall.len(), 3);
        for (got, want) in overall.iter().zip([50.0, 100.0, 150.0]) {
            assert!((got - want).abs() < 1e-9, "{overall:?}");
        }
        assert!((c.average.last().unwrap().unwrap() - 100.0).abs() < 1e-9);
        assert_eq!(c.average.len(), c.index.areas.len() + 1);
        // 2020: A 10, B 30 (C has none) → 50, 150; 2022 as the latest.
        assert_eq!(c.trend.years, [2020, 2022]);
        let rows = c.trend.overall();
        assert!((rows[0].3[0].unwrap() - 50.0).abs() < 1e-9);
        assert!((rows[1].3[0].unwrap() - 150.0).abs() < 1e-9);
        assert_eq!(rows[2].3[0], None);
        assert!((rows[2].3[1].unwrap() - 150.0).abs() < 1e-9);
        // Min–max: 0, 50, 100.
        let m = compare(&three(), OpennessMethod::MinMax, Lang::En);
        let overall: Vec<f64> = m.index.cities.iter().filter_map(|x| x.overall).collect();
        assert_eq!(overall, [0.0, 50.0, 100.0]);
    }

    #[test]
    fn themes_and_funds_per_plan() {
        let c = compare(&three(), OpennessMethod::RelativeToAverage, Lang::En);
        let themes: Vec<Option<Theme>> = c.themes.iter().map(|t| t.theme).collect();
        assert_eq!(
            themes,
            [
                Some(Theme::Internationalisation),
                Some(Theme::LeadershipGovernance),
                Some(Theme::IntegrationInclusion)
            ]
        );
        let inclusion = &c.themes[2];
        assert_eq!(inclusion.objectives, [0, 2, 0]);
        assert_eq!(inclusion.actions, [0, 2, 0]);
        assert_eq!(inclusion.cost[1], Money::from_cents(8_000));
        let funds: Vec<FundingSource> = c.funds.iter().map(|f| f.source).collect();
        assert_eq!(funds, [FundingSource::Municipal, FundingSource::EsfPlus]);
        let esf = &c.funds[1];
        assert_eq!(
            esf.amounts,
            [
                Money::from_cents(10_000),
                Money::from_cents(3_000),
                Money::ZERO
            ]
        );
        assert_eq!(esf.programmes.len(), 1);
        assert_eq!(esf.programmes[0].0, "ESF+ programme");
        assert_eq!(c.plans[1].budget.total_cost, Money::from_cents(8_000));
        assert!(!c.mixed_currencies);
    }

    #[test]
    fn a_plan_without_a_home_city_is_compared_on_everything_but_openness() {
        let mut plans = three();
        plans[1].openness.home_city = None;
        let c = compare(&plans, OpennessMethod::RelativeToAverage, Lang::En);
        assert!(!c.plans[1].has_home);
        assert_eq!(c.assessment.cities.len(), 2);
        // Y is now missing only from C.
        assert_eq!(c.left_out[0].why, LeftOutWhy::Missing(vec![2]));
        assert_eq!(c.themes.iter().map(|t| t.actions[1]).sum::<usize>(), 2);
    }

    /// A practice of the plan's own (`city`) and a shipped one, adapted by actions.
    fn adapting(plan: &mut Plan, practice: &str, city: &str, action: &str, adapted: &str) {
        if !city.is_empty() {
            plan.practices.push(GoodPractice {
                id: practice.into(),
                city: city.into(),
                title: format!("Practice of {city}"),
                ..GoodPractice::default()
            });
        }
        plan.actions.push(Action {
            id: action.into(),
            title: format!("Action {action}"),
            adapts: Some(PracticeRef {
                practice: practice.into(),
                adapted: adapted.into(),
                ..PracticeRef::default()
            }),
            ..Action::default()
        });
    }

    #[test]
    fn the_transfer_matrix_by_hand() {
        let mut plans = three();
        // A adapts B's practice twice (names match ignoring case and spaces) and one of
        // Elsewhere; C adapts A's (A's home city is named "A" in its assessment) and a shipped
        // practice of Vienna (GP-1, found in the library, not in the plan); B adapts one of an
        // unknown city.
        adapting(&mut plans[0], "GP-50", " b ", "A-10", "in A's language");
        adapting(&mut plans[0], "GP-51", "B", "A-11", "");
        adapting(&mut plans[0], "GP-52", "Elsewhere", "A-12", "");
        plans[2].facts.city = "Town C".into();
        plans[0].facts.city = String::new();
        adapting(&mut plans[2], "GP-53", "a", "A-13", "");
        adapting(&mut plans[2], "GP-1", "", "A-14", "");
        adapting(&mut plans[1], "GP-99", "", "A-15", "");
        let c = compare(&plans, OpennessMethod::RelativeToAverage, Lang::En);
        let t = &c.transfers;
        assert_eq!(t.cities, ["A", "B", "Town C", "Elsewhere", "", "Vienna"]);
        assert_eq!(
            t.matrix,
            vec![
                vec![0, 0, 1],
                vec![2, 0, 0],
                vec![0, 0, 0],
                vec![1, 0, 0],
                vec![0, 1, 0],
                vec![0, 0, 1],
            ]
        );
        assert_eq!(t.list.len(), 6);
        let first = &t.list[0];
        assert_eq!((first.from, first.to), (1, 0));
        assert_eq!(first.action, "A-10");
        assert_eq!(first.adapted, "in A's language");
        assert_eq!(first.title, "Practice of  b ");
        // The order: plan by plan, then action by action.
        let to: Vec<usize> = t.list.iter().map(|x| x.to).collect();
        assert_eq!(to, [0, 0, 0, 1, 2, 2]);
        let shipped = &t.list[5];
        assert!(shipped.title.contains("StartWien"), "{}", shipped.title);
        assert_eq!(t.list[3].title, "");
        let sources: Vec<usize> = t.sources().map(|(k, _)| k).collect();
        assert_eq!(sources, [0, 1, 3, 4, 5]);
    }

    #[test]
    fn plans_that_adapt_nothing_have_an_empty_matrix() {
        let c = compare(&three(), OpennessMethod::RelativeToAverage, Lang::En);
        assert!(c.transfers.list.is_empty());
        assert_eq!(c.transfers.cities, ["A", "B", "C"]);
        assert_eq!(c.transfers.sources().count(), 0);
    }
}
