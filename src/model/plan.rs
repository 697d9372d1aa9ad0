//! The Local Action Plan: every section of the URBACT LAP/IAP shape, as plain serde types.
//!
//! Every struct is `#[serde(default)]`: a field a later version adds is simply absent in an older
//! file and takes its default, so old files keep loading.

use serde::{Deserialize, Serialize};

use super::calendar::{Date, YearMonth};
use super::catalogue::{CallRef, Programme, RegionCategory};
use super::ids::*;
use super::labels::*;
use super::money::Money;
use super::path::ItemPath;

/// The plan-file layout this build writes. Bump it, and add a step to `store::migrate`, whenever
/// a change would make an older build misread a newer file.
pub const FORMAT_VERSION: u32 = 9;

/// A whole Local Action Plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Plan {
    /// Plan-file layout version; see [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Plan facts: city, title, period, status…
    pub facts: PlanFacts,
    /// Context and evidence.
    pub context: Context,
    /// The URBACT Local Support Group.
    pub support_group: SupportGroup,
    /// The problem tree.
    pub problems: Vec<Problem>,
    /// One vision statement.
    pub vision: String,
    /// Strategic objectives, each with its specific objectives.
    pub objectives: Vec<StrategicObjective>,
    /// Actions (measures).
    pub actions: Vec<Action>,
    /// The city's marketing and internationalisation strategies that actions serve.
    pub strategies: Strategies,
    /// Pilot project fiches for EU funds.
    pub pilots: Vec<Pilot>,
    /// Monitoring indicators.
    pub indicators: Vec<Indicator>,
    /// Risks.
    pub risks: Vec<Risk>,
    /// Governance and monitoring arrangements.
    pub governance: Governance,
    /// The openness assessment against comparison cities.
    pub openness: OpennessAssessment,
    /// Review comments by consultants and colleagues.
    pub comments: Vec<Comment>,
    /// Earlier adopted versions, oldest first: each new revision of an adopted plan adds one.
    pub revisions: Vec<Revision>,
    /// The plan's own funding programmes and calls, over the shipped catalogue (same key: these).
    pub funding_catalogue: Vec<Programme>,
    /// Where the plan's figures and facts come from; printed as an annex.
    pub sources: Vec<PlanSource>,
    /// Abbreviations the plan uses beyond the built-in list (`report::glossary`), or a
    /// different expansion of one of them; printed in the glossary.
    pub glossary: Vec<GlossaryEntry>,
    /// The good practices the plan keeps as its own: copied from the shipped library (same id)
    /// or written for the plan; an action that adapts one points here.
    pub practices: Vec<GoodPractice>,
    /// The exchange and participation register: study visits, seminars, public debates,
    /// consultations and events.
    pub exchanges: Vec<Exchange>,
    /// The network file the openness framework and values were taken from, and its version.
    pub network: Option<super::network::NetworkRef>,
    /// Following the plan through implementation: the monitoring rounds. Not part of the plan's
    /// content: an adopted plan stays locked and keeps its fingerprint while rounds are added
    /// (`store::fingerprint` leaves them out; `store::monitoring_fingerprint` covers them).
    /// Skipped when empty, so a plan without rounds writes the text it always did.
    #[serde(skip_serializing_if = "Monitoring::is_empty")]
    pub monitoring: Monitoring,
}

/// A good practice a city has tried, as the library or a plan records it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GoodPractice {
    /// Stable id, `GP-n`.
    pub id: PracticeId,
    /// The city that runs (or ran) it.
    pub city: String,
    /// Its country.
    pub country: String,
    /// Title.
    pub title: String,
    /// What it is and how it works.
    pub summary: String,
    /// The problem it answers.
    pub problem: String,
    /// Its themes.
    pub themes: Vec<PracticeTheme>,
    /// Evidence of results, as the sources state it; empty when none was found.
    pub evidence: String,
    /// What it cost, as the source states it; empty when not found.
    pub cost: String,
    /// Who to ask: an organisation and its public page, never a person.
    pub contact: PracticeContact,
    /// When it ran, in words ("since 2008", "2016–2019").
    pub period: String,
    /// Anything a planner transferring it should know (a closed practice, a contested one).
    pub note: String,
    /// Where every statement above comes from; a shipped practice has at least one.
    pub sources: Vec<PracticeSource>,
}

/// The organisation behind a practice and its public page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PracticeContact {
    /// The organisation or department.
    pub organisation: String,
    /// Its public page (http or https).
    pub url: String,
}

/// A public source of a practice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PracticeSource {
    /// Its address.
    pub url: String,
    /// What it is, e.g. "UIA city page (official)".
    pub title: String,
    /// Its date, or when it was consulted, as given ("18 Apr 2023", "date not shown").
    pub as_of: String,
}

/// True for an http or https address without spaces: the only addresses the app opens or the
/// HTML export links.
pub fn is_web_address(url: &str) -> bool {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && u.len() > 8
        && !u.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// An action's link to the practice it adapts, with URBACT's Understand–Adapt–Re-use notes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PracticeRef {
    /// The practice (one of the plan's `practices`).
    pub practice: PracticeId,
    /// Understand: what was understood of the practice and why it works where it does.
    pub understood: String,
    /// Adapt: what is changed for this city.
    pub adapted: String,
    /// Why it is changed.
    pub why: String,
    /// Re-use: what is taken over as it is.
    pub reused_as_is: String,
}

/// An entry of the exchange and participation register.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Exchange {
    /// Stable id, `EX-n`.
    pub id: ExchangeId,
    /// When.
    pub date: Option<Date>,
    /// Study visit, seminar, debate, consultation or event.
    pub kind: ExchangeKind,
    /// Its title or topic.
    pub title: String,
    /// Where.
    pub place: String,
    /// Who organised it.
    pub organisers: Vec<String>,
    /// How many took part, by sector.
    pub participants: Vec<Participants>,
    /// How many of them have a migrant background, when counted.
    pub migrant_background: Option<u32>,
    /// What was learned or said.
    pub outcome: String,
    /// The actions it led to.
    pub actions: Vec<ActionId>,
    /// A consultation's comments, each with the plan's response.
    pub comments: Vec<ConsultationComment>,
    /// Where the record comes from, or that it is illustrative.
    pub note: String,
}

impl Exchange {
    /// Everyone who took part, over the sectors.
    pub fn participants_total(&self) -> u32 {
        self.participants
            .iter()
            .fold(0u32, |n, p| n.saturating_add(p.count))
    }
}

/// A count of participants from one sector.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Participants {
    /// The sector.
    pub sector: Sector,
    /// How many.
    pub count: u32,
}

/// A comment received in a consultation and the plan's response to it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConsultationComment {
    /// Who made it (an organisation, "a resident"); may be empty.
    pub from: String,
    /// What was said.
    pub text: String,
    /// How the plan answers it (taken up, where, or why not); empty: not answered yet.
    pub response: String,
}

/// The tolerance a new plan judges status with, in percent (see [`Monitoring::tolerance`]).
pub const DEFAULT_TOLERANCE: f64 = 10.0;

/// The monitoring of the plan's implementation: how status is judged, and the rounds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Monitoring {
    /// How far behind its expected value an indicator (in percent of the change planned so
    /// far), or an action's spend ahead of its progress (in percentage points), may be and still
    /// be on track; up to twice that is at risk, beyond it off track. Stated with every status.
    pub tolerance: f64,
    /// The rounds, oldest first. A round is never overwritten by the next: the latest is the
    /// current state, the earlier ones are its history.
    pub rounds: Vec<MonitoringRound>,
}

impl Default for Monitoring {
    fn default() -> Self {
        Monitoring {
            tolerance: DEFAULT_TOLERANCE,
            rounds: Vec::new(),
        }
    }
}

impl Monitoring {
    /// True when there is nothing to write: no rounds and the default tolerance.
    pub fn is_empty(&self) -> bool {
        self.rounds.is_empty() && self.tolerance == DEFAULT_TOLERANCE
    }

    /// The round with this id.
    pub fn round(&self, id: &MonitoringRoundId) -> Option<&MonitoringRound> {
        self.rounds.iter().find(|r| &r.id == id)
    }

    /// The latest round: the one with the latest date (undated rounds count as earliest), the
    /// last in file order among equals.
    pub fn latest(&self) -> Option<&MonitoringRound> {
        self.rounds.iter().max_by_key(|r| r.date)
    }

    /// The rounds up to and including `round` in date order (all when `None`), oldest first;
    /// equal dates keep file order.
    pub fn history(&self, round: Option<&MonitoringRoundId>) -> Vec<&MonitoringRound> {
        let mut all: Vec<&MonitoringRound> = self.rounds.iter().collect();
        all.sort_by_key(|r| r.date);
        if let Some(id) = round
            && let Some(end) = all.iter().position(|r| &r.id == id)
        {
            all.truncate(end + 1);
        }
        all
    }
}

impl Plan {
    /// A new round dated `date`: covering the months since the latest round's period (or from
    /// the plan's start), by the same author, with the latest progress carried over
    /// (narratives and issues cleared), so only what changed is typed. Not yet added.
    pub fn new_round(&self, date: Date) -> MonitoringRound {
        let ids = self.monitoring.rounds.iter().map(|r| r.id.as_str());
        let latest = self.monitoring.latest();
        let start = latest
            .and_then(|r| r.period_end)
            .map(|e| e.plus_months(1))
            .or(self.facts.period_start);
        MonitoringRound {
            id: MonitoringRoundId(fresh_id(MonitoringRoundId::PREFIX, ids)),
            date: Some(date),
            period_start: start,
            period_end: Some(date.year_month()),
            author: latest.map(|r| r.author.clone()).unwrap_or_default(),
            note: String::new(),
            actuals: Vec::new(),
            progress: latest
                .map(|r| {
                    r.progress
                        .iter()
                        .map(|p| ActionProgress {
                            narrative: String::new(),
                            issues: String::new(),
                            ..p.clone()
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// One monitoring round: what was measured and done, as reported at a date.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MonitoringRound {
    /// Stable id.
    pub id: MonitoringRoundId,
    /// When it was reported; status is judged as of this date.
    pub date: Option<Date>,
    /// First month of the period it covers.
    pub period_start: Option<YearMonth>,
    /// Last month of the period it covers.
    pub period_end: Option<YearMonth>,
    /// Who compiled it.
    pub author: String,
    /// Remarks (e.g. that its figures are illustrative).
    pub note: String,
    /// Indicator values measured.
    pub actuals: Vec<IndicatorActual>,
    /// Where each action stands.
    pub progress: Vec<ActionProgress>,
}

/// A measured value of an indicator.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IndicatorActual {
    /// The indicator.
    pub indicator: IndicatorId,
    /// The value, in the indicator's unit.
    pub value: f64,
    /// When it was measured (when unset: the round's date).
    pub date: Option<Date>,
    /// Where it comes from.
    pub source: String,
    /// Remarks.
    pub note: String,
}

/// Where an action stands in a round.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActionProgress {
    /// The action.
    pub action: ActionId,
    /// Its status.
    pub status: ActionStatus,
    /// How much of it is done, in percent (0–100).
    pub percent_done: Option<f64>,
    /// The month it actually started.
    pub actual_start: Option<YearMonth>,
    /// The month it actually ended.
    pub actual_end: Option<YearMonth>,
    /// Money spent (and committed) to date, per funding line.
    pub spend: Vec<Spend>,
    /// Milestones reached, with when.
    pub milestones_reached: Vec<MilestoneReached>,
    /// What was done, in a few sentences.
    pub narrative: String,
    /// What holds it up.
    pub issues: String,
}

impl ActionProgress {
    /// Money spent to date over all funding lines.
    pub fn spent(&self) -> Money {
        self.spend.iter().map(|s| s.spent).sum()
    }

    /// Money committed (contracted, not yet paid) over all funding lines.
    pub fn committed(&self) -> Money {
        self.spend.iter().map(|s| s.committed).sum()
    }
}

/// Money of one funding line, to date.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Spend {
    /// The action's funding line.
    pub funding_line: FundingLineId,
    /// Paid out to date.
    pub spent: Money,
    /// Contracted but not yet paid.
    pub committed: Money,
}

/// A milestone reported reached.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MilestoneReached {
    /// The action's milestone.
    pub milestone: MilestoneId,
    /// When it was reached.
    pub date: Option<Date>,
}

/// A milestone of an action: a step with a due month.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Milestone {
    /// Stable id.
    pub id: MilestoneId,
    /// What is reached.
    pub title: String,
    /// By when.
    pub due: Option<YearMonth>,
    /// When it was reached, when that was known as the plan was written; after adoption the
    /// rounds record it (`MilestoneReached`), and the plan itself stays as adopted.
    pub done: Option<Date>,
}

/// An abbreviation and what it stands for, in both languages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GlossaryEntry {
    /// The abbreviation as the plan writes it, e.g. "ЕСФ+".
    pub abbreviation: String,
    /// Its expansion in Bulgarian.
    pub bg: String,
    /// Its expansion in English.
    pub en: String,
}

/// A person who signs the plan on its approval page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Signatory {
    /// Name.
    pub name: String,
    /// Office, e.g. "Кмет на Столична община".
    pub role: String,
}

/// A public source the plan relies on, listed in its annex.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlanSource {
    /// Stable id.
    pub id: SourceId,
    /// Title of the document, table or page.
    pub title: String,
    /// Who publishes it.
    pub publisher: String,
    /// Where it is (a web address or a file reference).
    pub url: String,
    /// When it was consulted.
    pub accessed: Option<Date>,
    /// Which figures or statements of the plan it supports.
    pub supports: String,
}

/// A version of the plan that was adopted before the current one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Revision {
    /// Its version label.
    pub version: String,
    /// Its status when the new revision was started (normally adopted).
    pub status: PlanStatus,
    /// Its council decision.
    pub adoption_decision: String,
    /// When the new revision was started.
    pub date: Option<Date>,
    /// Fingerprint (SHA-256) of that version's content.
    pub fingerprint: String,
    /// Why the plan is being revised.
    pub note: String,
}

/// The first thing on the cover: who, what, when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlanFacts {
    /// The city, e.g. "София".
    pub city: String,
    /// The municipality as an institution, e.g. "Столична община".
    pub municipality: String,
    /// The country.
    pub country: String,
    /// The plan's title.
    pub title: String,
    /// First month of the plan period.
    pub period_start: Option<YearMonth>,
    /// Last month of the plan period.
    pub period_end: Option<YearMonth>,
    /// Draft, consultation or adopted.
    pub status: PlanStatus,
    /// Version label, e.g. "1.2".
    pub version: String,
    /// Date of this version.
    pub date: Option<Date>,
    /// The people and bodies who wrote the plan.
    pub authors: Vec<String>,
    /// Reference of the council decision that adopted it.
    pub adoption_decision: String,
    /// Date of adoption.
    pub adoption_date: Option<Date>,
    /// Languages the plan is published in (ISO 639-1 codes).
    pub languages: Vec<String>,
    /// The language of the plan's own text, used for report labels by default.
    pub language: Lang,
    /// Currency of all amounts (ISO 4217), e.g. "EUR".
    pub currency: String,
    /// The NUTS 2 region the city is in, e.g. "Югозападен (BG41)".
    pub region: String,
    /// Its cohesion-policy category, which sets the maximum EU co-financing rate.
    pub region_category: Option<RegionCategory>,
    /// A short summary for the cover and the council.
    pub summary: String,
    /// Who signs the approval page (the mayor, the council's chair…), in order.
    pub signatories: Vec<Signatory>,
    /// A foreword (by the mayor, say), printed before the summary; empty: none.
    pub foreword: String,
    /// Who signs the foreword, e.g. "Васил Терзиев, кмет на Столична община".
    pub foreword_by: String,
    /// Logos for the cover (coat of arms, programme logos): PNG or JPEG files, as paths
    /// relative to the plan file (or absolute).
    pub logos: Vec<String>,
    /// The EU emblem (PNG or JPEG, relative to the plan file); when set, the cover shows it
    /// with "Co-funded by the European Union". Empty: no emblem.
    pub eu_emblem: String,
}

/// Context and evidence: baseline figures and a narrative.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Context {
    /// The situation in words.
    pub narrative: String,
    /// Baseline figures.
    pub evidence: Vec<Evidence>,
}

/// One baseline figure with its unit, year and source.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Evidence {
    /// Stable id.
    pub id: EvidenceId,
    /// What is measured, e.g. "Foreign residents (non-EU)".
    pub label: String,
    /// The figure.
    pub value: Option<f64>,
    /// Unit, e.g. "persons", "%".
    pub unit: String,
    /// Reference year.
    pub year: Option<i32>,
    /// Where the figure comes from.
    pub source: String,
    /// Remarks.
    pub note: String,
}

/// The URBACT Local Support Group.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SupportGroup {
    /// Members.
    pub members: Vec<Member>,
    /// Meetings held or planned.
    pub meetings: Vec<Meeting>,
}

/// A member of the Local Support Group.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Member {
    /// Stable id.
    pub id: MemberId,
    /// The organisation.
    pub organisation: String,
    /// Contact person.
    pub contact: String,
    /// Its sector.
    pub sector: Sector,
    /// Its role in the group.
    pub role: String,
    /// How much it can influence the plan.
    pub influence: Level,
    /// How much it cares about the plan.
    pub interest: Level,
}

/// A Local Support Group meeting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Meeting {
    /// Stable id.
    pub id: MeetingId,
    /// When.
    pub date: Option<Date>,
    /// Topic.
    pub topic: String,
    /// Where.
    pub place: String,
    /// Members who attended.
    pub attendees: Vec<MemberId>,
    /// Decisions taken.
    pub decisions: Vec<String>,
}

/// A problem of the problem tree, with its causes and effects.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Problem {
    /// Stable id.
    pub id: ProblemId,
    /// The problem in one line.
    pub title: String,
    /// More detail.
    pub description: String,
    /// Why it happens.
    pub causes: Vec<String>,
    /// What it leads to.
    pub effects: Vec<String>,
    /// The evidence that shows it.
    pub evidence: Vec<EvidenceId>,
}

/// A strategic objective.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StrategicObjective {
    /// Stable id.
    pub id: ObjectiveId,
    /// Short code shown in tables, e.g. "СЦ1".
    pub code: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Policy theme.
    pub theme: Theme,
    /// The problems it answers.
    pub problems: Vec<ProblemId>,
    /// Its specific (SMART) objectives.
    pub specific: Vec<SpecificObjective>,
}

/// A specific, measurable objective.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SpecificObjective {
    /// Stable id.
    pub id: SpecificObjectiveId,
    /// Short code, e.g. "1.2".
    pub code: String,
    /// Title.
    pub title: String,
    /// What, how much, by when.
    pub description: String,
    /// Policy theme.
    pub theme: Theme,
    /// Indicators that show it is reached.
    pub indicators: Vec<IndicatorId>,
    /// By when.
    pub deadline: Option<YearMonth>,
}

/// An action (measure) of the plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Action {
    /// Stable id.
    pub id: ActionId,
    /// Short code, e.g. "1.2.3".
    pub code: String,
    /// Title.
    pub title: String,
    /// Description and means.
    pub description: String,
    /// The strategic objective it serves.
    pub objective: Option<ObjectiveId>,
    /// The specific objective it serves (one of the strategic objective's).
    pub specific_objective: Option<SpecificObjectiveId>,
    /// Responsible organisation.
    pub lead: String,
    /// What kind of body the lead is, which decides the funds it may apply to (when unset, taken
    /// from the support group member of that name, or the municipality; see
    /// [`Plan::applicant_type`]).
    pub lead_type: Option<Sector>,
    /// Contributing partners.
    pub partners: Vec<String>,
    /// Who benefits.
    pub target_group: String,
    /// Where it happens.
    pub location: String,
    /// First month.
    pub start: Option<YearMonth>,
    /// Last month.
    pub end: Option<YearMonth>,
    /// Where it stands.
    pub status: ActionStatus,
    /// How urgent.
    pub priority: Priority,
    /// Total cost.
    pub cost: Option<Money>,
    /// Where the money comes from.
    pub funding: Vec<FundingLine>,
    /// Expected outputs.
    pub outputs: Vec<String>,
    /// Indicators that monitor it.
    pub indicators: Vec<IndicatorId>,
    /// Risks that threaten it: the one record of the action–risk link (a risk's actions are
    /// [`Plan::actions_threatened_by`]).
    pub risks: Vec<RiskId>,
    /// Actions that must come first.
    pub depends_on: Vec<ActionId>,
    /// Strategy goals it serves.
    pub strategy_goals: Vec<StrategyGoalId>,
    /// The good practice it adapts, with the Understand–Adapt–Re-use notes.
    pub adapts: Option<PracticeRef>,
    /// Its milestones, in order.
    pub milestones: Vec<Milestone>,
}

/// One source of money for an action.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FundingLine {
    /// Stable id.
    pub id: FundingLineId,
    /// The source.
    pub source: FundingSource,
    /// The programme and call in the funding catalogue; when set, fund rules, names and dates
    /// come from there and `programme`/`call` are only kept from older files.
    pub catalogue: Option<CallRef>,
    /// Programme in words, when it is not in the catalogue (e.g. "Вноски на работодатели").
    pub programme: String,
    /// Call or procedure in words, when it is not in the catalogue.
    pub call: String,
    /// Amount from this source.
    pub amount: Money,
    /// Share of eligible costs the fund pays, in percent (0–100).
    pub co_financing_rate: Option<f64>,
    /// Secured or potential.
    pub status: FundingStatus,
    /// Format 1 kept this as a flag; read only so that `store::migrate` can convert it.
    #[serde(rename = "secured", skip_serializing, deserialize_with = "present")]
    pub legacy_secured: Option<bool>,
    /// Remarks.
    pub note: String,
}

/// Reads a field an older format wrote plainly (`true`, `["A-1"]`) as `Some`; an absent field
/// stays `None` through the struct's `default`.
fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

/// The two city strategies the plan links to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Strategies {
    /// The city marketing strategy.
    pub marketing: Strategy,
    /// The internationalisation strategy.
    pub internationalisation: Strategy,
}

impl Strategies {
    /// The strategy of a kind.
    pub fn get(&self, kind: StrategyKind) -> &Strategy {
        match kind {
            StrategyKind::Marketing => &self.marketing,
            StrategyKind::Internationalisation => &self.internationalisation,
        }
    }

    /// Every goal of both strategies, with its kind.
    pub fn goals(&self) -> impl Iterator<Item = (StrategyKind, &StrategyGoal)> {
        StrategyKind::ALL
            .iter()
            .flat_map(move |k| self.get(*k).goals.iter().map(move |g| (*k, g)))
    }
}

/// A city strategy document and its goals.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Strategy {
    /// Its title.
    pub title: String,
    /// Where it is adopted or published.
    pub reference: String,
    /// Its goals.
    pub goals: Vec<StrategyGoal>,
}

/// A goal of a city strategy.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StrategyGoal {
    /// Stable id.
    pub id: StrategyGoalId,
    /// Code within the strategy.
    pub code: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// True when the goal is about attracting skilled migrants.
    pub skilled_migrants: bool,
}

/// A candidate pilot project for an EU fund.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Pilot {
    /// Stable id.
    pub id: PilotId,
    /// Title.
    pub title: String,
    /// The fund.
    pub fund: Option<FundingSource>,
    /// The programme and call in the funding catalogue it applies to.
    pub catalogue: Option<CallRef>,
    /// Programme in words, when it is not in the catalogue.
    pub programme: String,
    /// Call in words, when it is not in the catalogue.
    pub call: String,
    /// What it wants to achieve.
    pub objective: String,
    /// Who benefits.
    pub target_group: String,
    /// Short description.
    pub summary: String,
    /// Lead applicant.
    pub lead: String,
    /// What kind of body the lead applicant is (see [`Plan::applicant_type`]).
    pub lead_type: Option<Sector>,
    /// Partners.
    pub partners: Vec<String>,
    /// Countries of the lead applicant and the partners (ISO 3166 codes, e.g. "BG"), for calls
    /// that require partners from several countries.
    pub countries: Vec<String>,
    /// Duration in months.
    pub duration_months: Option<u32>,
    /// Planned start.
    pub start: Option<YearMonth>,
    /// Budget by cost category.
    pub budget: Vec<BudgetItem>,
    /// Share the fund pays, in percent (0–100).
    pub co_financing_rate: Option<f64>,
    /// Outputs with targets.
    pub outputs: Vec<TargetedResult>,
    /// Results with targets.
    pub results: Vec<TargetedResult>,
    /// Actions of the plan it implements.
    pub actions: Vec<ActionId>,
    /// How ready it is.
    pub readiness: Readiness,
}

/// One line of a pilot budget.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BudgetItem {
    /// Cost category.
    pub category: CostCategory,
    /// Amount.
    pub amount: Money,
    /// What it pays for.
    pub note: String,
}

/// An output or result with a target.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TargetedResult {
    /// What.
    pub description: String,
    /// How much.
    pub target: Option<f64>,
    /// Unit.
    pub unit: String,
}

/// A monitoring indicator.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Indicator {
    /// Stable id.
    pub id: IndicatorId,
    /// Short code, e.g. "ИР1".
    pub code: String,
    /// Name.
    pub name: String,
    /// Output, result or impact.
    pub level: IndicatorLevel,
    /// How it is defined and counted.
    pub definition: String,
    /// Unit.
    pub unit: String,
    /// Starting value.
    pub baseline: Option<Baseline>,
    /// Targets by year.
    pub targets: Vec<YearTarget>,
    /// How often it is measured.
    pub frequency: Frequency,
    /// Where the data come from.
    pub data_source: String,
    /// Who measures it.
    pub owner: String,
}

/// An indicator's starting value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Baseline {
    /// The value.
    pub value: f64,
    /// Its year.
    pub year: i32,
    /// Its source.
    pub source: String,
}

/// A target value for a year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct YearTarget {
    /// The year.
    pub year: i32,
    /// The value to reach.
    pub value: f64,
}

/// A risk to the plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Risk {
    /// Stable id.
    pub id: RiskId,
    /// Short title.
    pub title: String,
    /// What could happen.
    pub description: String,
    /// How likely.
    pub likelihood: Scale5,
    /// How bad.
    pub impact: Scale5,
    /// What is done about it.
    pub mitigation: String,
    /// Who watches it.
    pub owner: String,
    /// Formats 1–3 also kept the actions a risk threatens here, besides each action's `risks`,
    /// and the two lists could disagree. Read only, so that `store::migrate` can fold it into the
    /// actions' `risks` (the one record of the link; see [`Plan::actions_threatened_by`]); never
    /// written. After loading it is `None`, or holds only the ids that name no action, so they
    /// are reported as broken references rather than lost.
    #[serde(rename = "actions", skip_serializing, deserialize_with = "present")]
    pub legacy_actions: Option<Vec<ActionId>>,
}

/// Who implements and coordinates, and how progress is followed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Governance {
    /// The body that coordinates the plan.
    pub coordinator: String,
    /// Bodies that implement it.
    pub implementing_bodies: Vec<String>,
    /// How often progress is reported.
    pub reporting_frequency: Frequency,
    /// To whom.
    pub reporting_to: String,
    /// How monitoring works, in words.
    pub monitoring: String,
    /// Planned reviews.
    pub review_points: Vec<ReviewPoint>,
}

/// A planned review of the plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewPoint {
    /// When.
    pub month: Option<YearMonth>,
    /// What is reviewed.
    pub description: String,
}

/// The openness assessment: a framework, cities and their raw values over the years.
///
/// A value belongs to one city, indicator and year; a city may have a value for every year. A
/// value without a year counts only in the latest profile, and only where that city has no
/// dated value of that indicator (see [`OpennessAssessment::latest`]). The type holds nothing
/// plan-specific but `home_city`, so a network file can carry the same framework and values.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OpennessAssessment {
    /// Name of the framework, e.g. "OPENCities Monitor (areas)".
    pub framework: String,
    /// What the plan (or the network) means by openness, in its own words; shown before the
    /// index.
    pub definition: String,
    /// What the framework measures and where its figures come from, in words.
    pub description: String,
    /// Areas with their indicators.
    pub areas: Vec<OpennessArea>,
    /// The cities compared.
    pub cities: Vec<City>,
    /// Which of them is the plan's own city.
    pub home_city: Option<CityId>,
    /// Raw values, at most one per city, indicator and year.
    pub values: Vec<OpennessValue>,
    /// How raw values become scores.
    pub method: OpennessMethod,
}

impl OpennessAssessment {
    /// The distinct years of the values, oldest first.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.values.iter().filter_map(|v| v.year).collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// The value of `city` and `indicator` for exactly `year` (`None`: the undated one); the
    /// first in file order if the file has more than one (which the checks report).
    pub fn value_in(
        &self,
        city: &CityId,
        indicator: &OpennessIndicatorId,
        year: Option<i32>,
    ) -> Option<&OpennessValue> {
        self.values
            .iter()
            .find(|v| &v.city == city && &v.indicator == indicator && v.year == year)
    }

    /// The value the latest profile uses for `city` and `indicator`: the one of the most recent
    /// year, else the undated one. Values that are not finite numbers are skipped.
    pub fn latest(&self, city: &CityId, indicator: &OpennessIndicatorId) -> Option<&OpennessValue> {
        let mine = || {
            self.values
                .iter()
                .filter(|v| &v.city == city && &v.indicator == indicator && v.value.is_finite())
        };
        // `max_by_key` keeps the last of equal keys; the first in file order should win.
        mine()
            .filter(|v| v.year.is_some())
            .fold(None::<&OpennessValue>, |best, v| match best {
                Some(b) if b.year >= v.year => Some(b),
                _ => Some(v),
            })
            .or_else(|| mine().find(|v| v.year.is_none()))
    }
}

/// How the openness index scores a city's raw values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum OpennessMethod {
    /// As the OPENCities Monitor does: each value relative to the group average (average =
    /// 100; above 100 is better than the average, whatever the indicator's direction).
    #[default]
    RelativeToAverage,
    /// Min–max across the group: the weakest city 0, the strongest 100.
    MinMax,
}

impl OpennessMethod {
    /// Both methods, the default first.
    pub const ALL: &'static [OpennessMethod] =
        &[OpennessMethod::RelativeToAverage, OpennessMethod::MinMax];

    /// Its name in `lang`.
    pub fn label(self, lang: super::Lang) -> &'static str {
        match self {
            OpennessMethod::RelativeToAverage => lang.pick(
                "relative to the group average, average = 100",
                "спрямо средното за групата, средното = 100",
            ),
            OpennessMethod::MinMax => lang.pick("min–max, 0 to 100", "мин–макс, от 0 до 100"),
        }
    }
}

/// An area of an openness framework.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OpennessArea {
    /// Stable id.
    pub id: OpennessAreaId,
    /// Name.
    pub name: String,
    /// Weight in the overall index (relative; need not add up to 1).
    pub weight: f64,
    /// Its indicators.
    pub indicators: Vec<OpennessIndicator>,
}

/// An indicator of an openness area.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OpennessIndicator {
    /// Stable id.
    pub id: OpennessIndicatorId,
    /// Name.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// Whether more is better.
    pub direction: Direction,
    /// Weight within the area (relative).
    pub weight: f64,
}

/// A city in the comparison.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct City {
    /// Stable id.
    pub id: CityId,
    /// Name.
    pub name: String,
    /// Country.
    pub country: String,
}

/// One raw value of an indicator for a city.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OpennessValue {
    /// The city.
    pub city: CityId,
    /// The indicator.
    pub indicator: OpennessIndicatorId,
    /// The value.
    pub value: f64,
    /// Reference year.
    pub year: Option<i32>,
    /// Source.
    pub source: String,
}

/// A review comment on an item of the plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Comment {
    /// Stable id.
    pub id: CommentId,
    /// Who wrote it.
    pub author: String,
    /// When.
    pub date: Option<Date>,
    /// What it is about.
    pub target: ItemPath,
    /// The comment.
    pub text: String,
    /// Answers.
    pub replies: Vec<Reply>,
    /// Whether it has been dealt with.
    pub resolved: bool,
}

/// An answer to a comment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Reply {
    /// Who wrote it.
    pub author: String,
    /// When.
    pub date: Option<Date>,
    /// The answer.
    pub text: String,
}

impl Plan {
    /// An empty plan of the current format.
    pub fn new() -> Self {
        Plan {
            format_version: FORMAT_VERSION,
            facts: PlanFacts {
                currency: "EUR".into(),
                version: "0.1".into(),
                ..PlanFacts::default()
            },
            ..Plan::default()
        }
    }

    /// The strategic objective with this id.
    pub fn objective(&self, id: &ObjectiveId) -> Option<&StrategicObjective> {
        self.objectives.iter().find(|o| &o.id == id)
    }

    /// What kind of body a lead is: as stated, else the sector of the support group member of
    /// that name, else the municipality when the lead is the plan's municipality (or one of its
    /// departments, "Столична община – …"); `None` when it cannot be told.
    pub fn applicant_type(&self, lead: &str, stated: Option<Sector>) -> Option<Sector> {
        if stated.is_some() {
            return stated;
        }
        let lead = lead.trim();
        if lead.is_empty() {
            return None;
        }
        if let Some(m) = self
            .support_group
            .members
            .iter()
            .find(|m| m.organisation.trim() == lead)
        {
            return Some(m.sector);
        }
        let municipality = self.facts.municipality.trim();
        (!municipality.is_empty() && lead.starts_with(municipality)).then_some(Sector::Municipality)
    }

    /// The plan's practice with this id.
    pub fn practice(&self, id: &PracticeId) -> Option<&GoodPractice> {
        self.practices.iter().find(|p| &p.id == id)
    }

    /// Turns a practice into a draft action, as one edit: the practice is copied into the
    /// plan's own `practices` (unless one of that id is there, which is kept: the plan's copy
    /// may hold its own corrections), and a new action at the end takes the practice's title
    /// as a starting title and points at it with empty Understand–Adapt–Re-use notes. Returns
    /// the new action's id.
    pub fn draft_action_from(&mut self, practice: &GoodPractice) -> ActionId {
        if self.practice(&practice.id).is_none() {
            self.practices.push(practice.clone());
        }
        let taken: Vec<String> = super::integrity::items(self)
            .into_iter()
            .map(|e| e.id.to_owned())
            .collect();
        let id = ActionId(super::ids::fresh_id(
            ActionId::PREFIX,
            taken.iter().map(String::as_str),
        ));
        self.actions.push(Action {
            id: id.clone(),
            title: practice.title.clone(),
            adapts: Some(PracticeRef {
                practice: practice.id.clone(),
                ..PracticeRef::default()
            }),
            ..Action::default()
        });
        id
    }

    /// The action with this id.
    pub fn action(&self, id: &ActionId) -> Option<&Action> {
        self.actions.iter().find(|a| &a.id == id)
    }

    /// The plan period as (first, last) month, when both are set.
    pub fn period(&self) -> Option<(YearMonth, YearMonth)> {
        Some((self.facts.period_start?, self.facts.period_end?))
    }

    /// The actions that serve a strategy goal.
    pub fn actions_serving<'a>(
        &'a self,
        goal: &'a StrategyGoalId,
    ) -> impl Iterator<Item = &'a Action> {
        self.actions
            .iter()
            .filter(move |a| a.strategy_goals.contains(goal))
    }

    /// The actions a risk threatens, in plan order: those whose `risks` name it. This is the
    /// one answer to "which actions does this risk threaten"; a risk keeps no list of its own.
    pub fn actions_threatened_by<'a>(&'a self, risk: &RiskId) -> impl Iterator<Item = &'a Action> {
        self.actions.iter().filter(move |a| a.risks.contains(risk))
    }

    /// Every funding line of every action, with its action.
    pub fn funding_lines(&self) -> impl Iterator<Item = (&Action, &FundingLine)> {
        self.actions
            .iter()
            .flat_map(|a| a.funding.iter().map(move |f| (a, f)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_practice_turned_into_an_action_keeps_its_link_and_notes() {
        let mut plan = Plan::new();
        plan.actions.push(Action {
            id: "A-3".into(),
            ..Action::default()
        });
        let gp = GoodPractice {
            id: "GP-1".into(),
            city: "Vienna".into(),
            title: "StartWien".into(),
            sources: vec![PracticeSource {
                url: "https://example.org".into(),
                ..PracticeSource::default()
            }],
            ..GoodPractice::default()
        };
        let id = plan.draft_action_from(&gp);
        assert_eq!(id.as_str(), "A-4");
        let a = plan.action(&id).unwrap();
        assert_eq!(a.title, "StartWien");
        let r = a.adapts.as_ref().unwrap();
        assert_eq!(r.practice.as_str(), "GP-1");
        assert!(r.understood.is_empty() && r.adapted.is_empty() && r.reused_as_is.is_empty());
        assert_eq!(plan.practices, vec![gp.clone()]);
        assert!(super::super::integrity::problems(&plan).is_empty());
        // A second action from the same practice does not copy it again.
        let again = plan.draft_action_from(&gp);
        assert_eq!(again.as_str(), "A-5");
        assert_eq!(plan.practices.len(), 1);
        // Its notes survive a write and a read.
        plan.actions[1].adapts.as_mut().unwrap().adapted = "In Bulgarian and Arabic".into();
        let text = ron::to_string(&plan).unwrap();
        let back: Plan = ron::from_str(&text).unwrap();
        assert_eq!(back, plan);
    }

    #[test]
    fn only_web_addresses_are_web_addresses() {
        assert!(is_web_address("https://urbact.eu/x"));
        assert!(is_web_address(
            " http://opencities.eu/index.php?id=322,0,0,1,0,0 "
        ));
        for bad in [
            "",
            "https://",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "https://a b",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }
}
