//! The key figures of a plan in one typed value: what `lap-studio summary` prints as text and as
//! JSON, computed once, so the two outputs cannot disagree.

use serde::{Serialize, Serializer};

use super::{Report, Severity, budget, check, openness_index};
use crate::model::{Money, Plan, YearMonth};

/// The key figures of a plan.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// Plan title.
    pub title: String,
    /// City.
    pub city: String,
    /// Status, in English (a stable word for programs).
    pub status: String,
    /// Version label.
    pub version: String,
    /// "YYYY-MM – YYYY-MM" when the period is set.
    #[serde(serialize_with = "period_text")]
    pub period: Option<(YearMonth, YearMonth)>,
    /// Currency code.
    pub currency: String,
    /// How many items of each kind.
    pub counts: Counts,
    /// The money. (Named `budget_eur` since the first version of the JSON; the amounts are in
    /// `currency`.)
    #[serde(rename = "budget_eur")]
    pub budget: BudgetFigures,
    /// Overall openness index per city (cities without one are left out), in the plan's order.
    #[serde(serialize_with = "index_map")]
    pub openness_index: Vec<CityIndex>,
    /// Overall completeness, in percent.
    pub completeness_percent: u8,
    /// Completeness per section key, in percent.
    pub completeness: std::collections::BTreeMap<&'static str, u8>,
    /// Findings by severity.
    pub findings: FindingCounts,
    /// Where implementation stands as of the latest monitoring round.
    pub monitoring: MonitoringFigures,
}

/// The monitoring block: status counts, money spent and committed, the latest round.
#[derive(Clone, Debug, Serialize)]
pub struct MonitoringFigures {
    /// How many rounds the plan keeps.
    pub rounds: usize,
    /// The latest round (none: no rounds yet).
    pub latest_round: Option<RoundFigures>,
    /// The tolerance status is judged with, in percent.
    pub tolerance_percent: f64,
    /// Actions by status (`on-track`, `at-risk`, `off-track`, `no-data`).
    #[serde(serialize_with = "rag_map")]
    pub actions: [usize; 4],
    /// Indicators by status.
    #[serde(serialize_with = "rag_map")]
    pub indicators: [usize; 4],
    /// Strategic objectives by status.
    #[serde(serialize_with = "rag_map")]
    pub objectives: [usize; 4],
    /// Actions by the status last reported (English names), actions never reported left out.
    pub reported: std::collections::BTreeMap<&'static str, usize>,
    /// Spent to date over all actions, as last reported.
    #[serde(serialize_with = "amount")]
    pub spent: Money,
    /// Committed, not yet paid.
    #[serde(serialize_with = "amount")]
    pub committed: Money,
    /// Spent in percent of the total cost, to one decimal.
    pub spent_share_percent: f64,
}

/// A round as the summary names it.
#[derive(Clone, Debug, Serialize)]
pub struct RoundFigures {
    /// Its id.
    pub id: String,
    /// Its date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The period it covers, `YYYY-MM – YYYY-MM`.
    pub period: Option<String>,
    /// Who compiled it.
    pub author: String,
}

/// The monitoring block of `plan` as of its latest round.
pub fn monitoring_figures(plan: &Plan) -> MonitoringFigures {
    let status = super::monitoring::status(plan, None);
    let latest = status
        .round
        .as_ref()
        .and_then(|id| plan.monitoring.round(id));
    let spent: Money = status.actions.iter().map(|a| a.spent).sum();
    let committed: Money = status.actions.iter().map(|a| a.committed).sum();
    let mut reported = std::collections::BTreeMap::new();
    for a in &status.actions {
        if let Some(r) = a.reported {
            *reported.entry(r.label(crate::model::Lang::En)).or_insert(0) += 1;
        }
    }
    let cost: Money = plan.actions.iter().filter_map(|a| a.cost).sum();
    let mut objectives = [0; 4];
    for o in &status.strategic {
        let i = super::monitoring::Rag::ALL
            .iter()
            .position(|r| *r == o.status.rag)
            .unwrap_or(3);
        objectives[i] += 1;
    }
    MonitoringFigures {
        rounds: plan.monitoring.rounds.len(),
        latest_round: latest.map(|r| RoundFigures {
            id: r.id.to_string(),
            date: r.date.map(|d| d.to_string()),
            period: match (r.period_start, r.period_end) {
                (Some(s), Some(e)) => Some(format!("{s} – {e}")),
                _ => None,
            },
            author: r.author.clone(),
        }),
        tolerance_percent: status.tolerance,
        actions: status.action_counts(),
        indicators: status.indicator_counts(),
        objectives,
        reported,
        spent,
        committed,
        spent_share_percent: round1(Money::percent_of(spent, cost)),
    }
}

fn rag_map<S: Serializer>(n: &[usize; 4], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(
        super::monitoring::Rag::ALL
            .iter()
            .zip(n)
            .map(|(r, n)| (r.key(), *n)),
    )
}

/// How many items of each kind the plan has.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Counts {
    /// Strategic objectives.
    pub objectives: usize,
    /// Specific objectives.
    pub specific_objectives: usize,
    /// Actions.
    pub actions: usize,
    /// Funding lines of all actions.
    pub funding_lines: usize,
    /// Pilot fiches.
    pub pilots: usize,
    /// Indicators.
    pub indicators: usize,
    /// Risks.
    pub risks: usize,
    /// Support group members.
    pub members: usize,
    /// Support group meetings.
    pub meetings: usize,
    /// Cities in the openness comparison.
    pub cities_compared: usize,
    /// Review comments.
    pub comments: usize,
}

/// The budget's headline figures; amounts are written as numbers in JSON.
#[derive(Clone, Debug, Serialize)]
pub struct BudgetFigures {
    /// Total cost.
    #[serde(serialize_with = "amount")]
    pub total: Money,
    /// Secured money.
    #[serde(serialize_with = "amount")]
    pub secured: Money,
    /// Potential money.
    #[serde(serialize_with = "amount")]
    pub potential: Money,
    /// Cost minus secured money, per action.
    #[serde(serialize_with = "amount")]
    pub unsecured: Money,
    /// Share of the cost that is secured, in percent, to one decimal.
    pub secured_share_percent: f64,
    /// Cost no funding line covers, not even a potential one.
    #[serde(serialize_with = "amount")]
    pub gap: Money,
    /// By source (English names), in the order of the funding sources.
    #[serde(serialize_with = "source_map")]
    pub by_source: Vec<SourceFigures>,
    /// Cost per calendar year.
    #[serde(serialize_with = "year_map")]
    pub by_year: Vec<(i32, Money)>,
}

/// Money from one source.
#[derive(Clone, Debug)]
pub struct SourceFigures {
    /// The source.
    pub source: crate::model::FundingSource,
    /// Secured.
    pub secured: Money,
    /// Potential.
    pub potential: Money,
}

/// A city's overall openness index.
#[derive(Clone, Debug)]
pub struct CityIndex {
    /// City name.
    pub name: String,
    /// The index, to one decimal.
    pub overall: f64,
    /// True for the plan's own city.
    pub home: bool,
}

/// Findings by severity.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct FindingCounts {
    /// Errors.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Hints.
    pub hint: usize,
}

impl FindingCounts {
    /// Of a check report.
    pub fn of(report: &Report) -> Self {
        FindingCounts {
            error: report.count(Severity::Error),
            warning: report.count(Severity::Warning),
            hint: report.count(Severity::Hint),
        }
    }
}

/// Rounds to one decimal, for figures people read.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Computes the summary of a plan.
pub fn summary(plan: &Plan) -> Summary {
    summary_with(plan, &check(plan))
}

/// [`summary`] with the checks' report already made (the PDF makes it on another thread).
pub fn summary_with(plan: &Plan, report: &Report) -> Summary {
    let b = budget(plan);
    let f = &plan.facts;
    Summary {
        title: f.title.clone(),
        city: f.city.clone(),
        status: f.status.label(crate::model::Lang::En).to_owned(),
        version: f.version.clone(),
        period: plan.period(),
        currency: f.currency.clone(),
        counts: Counts {
            objectives: plan.objectives.len(),
            specific_objectives: plan.objectives.iter().map(|o| o.specific.len()).sum(),
            actions: plan.actions.len(),
            funding_lines: plan.funding_lines().count(),
            pilots: plan.pilots.len(),
            indicators: plan.indicators.len(),
            risks: plan.risks.len(),
            members: plan.support_group.members.len(),
            meetings: plan.support_group.meetings.len(),
            cities_compared: plan.openness.cities.len(),
            comments: plan.comments.len(),
        },
        budget: BudgetFigures {
            total: b.total_cost,
            secured: b.secured,
            potential: b.potential,
            unsecured: b.unsecured,
            secured_share_percent: round1(b.secured_share_percent()),
            gap: b.gap,
            by_source: b
                .by_source
                .iter()
                .map(|s| SourceFigures {
                    source: s.source,
                    secured: s.secured,
                    potential: s.potential,
                })
                .collect(),
            by_year: b.by_year.clone(),
        },
        openness_index: openness_index(plan)
            .cities
            .iter()
            .filter_map(|c| {
                Some(CityIndex {
                    name: c.name.clone(),
                    overall: round1(c.overall?),
                    home: c.home,
                })
            })
            .collect(),
        completeness_percent: report.completeness_percent(),
        completeness: report
            .completeness
            .iter()
            .map(|(s, p)| (s.key(), *p))
            .collect(),
        findings: FindingCounts::of(report),
        monitoring: monitoring_figures(plan),
    }
}

fn amount<S: Serializer>(m: &Money, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(m.as_f64())
}

fn period_text<S: Serializer>(p: &Option<(YearMonth, YearMonth)>, s: S) -> Result<S::Ok, S::Error> {
    match p {
        Some((start, end)) => s.serialize_some(&format!("{start} – {end}")),
        None => s.serialize_none(),
    }
}

/// By name; two cities of one name (a typo) keep the last one's index, so the JSON stays a
/// valid map.
fn index_map<S: Serializer>(cities: &[CityIndex], s: S) -> Result<S::Ok, S::Error> {
    let map: std::collections::BTreeMap<&str, f64> = cities
        .iter()
        .map(|c| (c.name.as_str(), c.overall))
        .collect();
    s.collect_map(map)
}

fn source_map<S: Serializer>(sources: &[SourceFigures], s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Figures {
        secured: f64,
        potential: f64,
        total: f64,
    }
    s.collect_map(sources.iter().map(|x| {
        (
            x.source.label(crate::model::Lang::En),
            Figures {
                secured: x.secured.as_f64(),
                potential: x.potential.as_f64(),
                total: (x.secured + x.potential).as_f64(),
            },
        )
    }))
}

fn year_map<S: Serializer>(years: &[(i32, Money)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(years.iter().map(|(y, m)| (y.to_string(), m.as_f64())))
}
