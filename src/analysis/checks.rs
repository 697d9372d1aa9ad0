//! The checks a plan must pass before it is handed in: the URBACT IAP checklist (every action is
//! timed, has a responsible body, a cost, an identified funding source, indicators and a risk
//! assessment), referential integrity, and completeness of each section.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::model::integrity;
use crate::model::*;

mod funding;
mod monitoring;
pub use funding::catalogue_of;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The plan cannot be handed in like this.
    Error,
    /// Probably wrong or missing.
    Warning,
    /// Worth a look.
    Hint,
}

impl Severity {
    /// Its name.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Severity::Error => lang.pick("error", "грешка"),
            Severity::Warning => lang.pick("warning", "предупреждение"),
            Severity::Hint => lang.pick("hint", "подсказка"),
        }
    }
}

/// One thing the checks found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// How serious.
    pub severity: Severity,
    /// Stable code, e.g. `ACTION_NO_FUNDING`.
    pub code: &'static str,
    /// What is wrong, in English.
    pub message_en: String,
    /// What is wrong, in Bulgarian.
    pub message_bg: String,
    /// Where, so the app can go there.
    pub path: ItemPath,
}

impl Finding {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_en, &self.message_bg)
    }
}

/// Everything the checks say about a plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Findings, errors first, then in plan order.
    pub findings: Vec<Finding>,
    /// Completeness of each content section, 0–100: the share of the fields the URBACT
    /// checklist asks for that are filled, at most [`MAX_WITH_ERRORS`] while the section has errors.
    pub completeness: Vec<(Section, u8)>,
}

impl Report {
    /// How many findings of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Mean completeness of the content sections, 0–100.
    pub fn completeness_percent(&self) -> u8 {
        if self.completeness.is_empty() {
            return 0;
        }
        let sum: u32 = self.completeness.iter().map(|(_, p)| u32::from(*p)).sum();
        (sum as f64 / self.completeness.len() as f64).round() as u8
    }

    /// Completeness of one section.
    pub fn section_completeness(&self, section: Section) -> Option<u8> {
        self.completeness
            .iter()
            .find(|(s, _)| *s == section)
            .map(|(_, p)| *p)
    }

    /// Findings in one section.
    pub fn in_section(&self, section: Section) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(move |f| f.path.section == section)
    }
}

/// The most findings of one code a report lists; the rest are counted in one
/// `FINDINGS_OMITTED` finding per code. A real plan never comes near (it would take 10,000
/// actions all missing the same thing), and it keeps the report of a hostile file small.
pub const MAX_FINDINGS_PER_CODE: usize = 10_000;

#[derive(Default)]
struct Out {
    findings: Vec<Finding>,
    /// Per code: how many were pushed, and the severity and section of the first.
    seen: HashMap<&'static str, (usize, Severity, Section)>,
}

impl Out {
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        path: ItemPath,
        en: String,
        bg: String,
    ) {
        let seen = self.seen.entry(code).or_insert((0, severity, path.section));
        seen.0 += 1;
        if seen.0 > MAX_FINDINGS_PER_CODE {
            return;
        }
        self.findings.push(Finding {
            severity,
            code,
            message_en: en,
            message_bg: bg,
            path,
        });
    }

    /// The findings, with one more per code that had more than [`MAX_FINDINGS_PER_CODE`].
    fn finish(mut self) -> Vec<Finding> {
        let mut omitted: Vec<(&'static str, (usize, Severity, Section))> = self
            .seen
            .into_iter()
            .filter(|(_, (n, _, _))| *n > MAX_FINDINGS_PER_CODE)
            .collect();
        omitted.sort_by_key(|(code, _)| *code);
        for (code, (n, severity, section)) in omitted {
            let more = n - MAX_FINDINGS_PER_CODE;
            let (en_more, bg_more) = (
                format::integer(Lang::En, more as u64),
                format::integer(Lang::Bg, more as u64),
            );
            let (en_max, bg_max) = (
                format::integer(Lang::En, MAX_FINDINGS_PER_CODE as u64),
                format::integer(Lang::Bg, MAX_FINDINGS_PER_CODE as u64),
            );
            self.findings.push(Finding {
                severity,
                code: "FINDINGS_OMITTED",
                message_en: format!(
                    "{en_more} more findings {code} are not listed (only the first {en_max} of each kind are)"
                ),
                message_bg: format!(
                    "Още {bg_more} констатации {code} не са показани (показват се само първите {bg_max} от всеки вид)"
                ),
                path: ItemPath::section(section),
            });
        }
        self.findings
    }
}

/// Most characters of an item's title quoted in a message; longer titles are cut with "…", so a
/// long title repeated in many findings cannot take much memory.
const LABEL_CHARS: usize = 120;

/// `text` cut to `max` characters, with "…" when cut.
fn cut(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]).into(),
        None => text.into(),
    }
}

/// Name of an item for messages: its code and title, or its id (each cut to a readable length).
fn label(code: &str, title: &str, id: &str) -> String {
    match (code.trim(), title.trim()) {
        ("", "") => cut(id, LABEL_CHARS).into_owned(),
        ("", t) => format!("«{}»", cut(t, LABEL_CHARS)),
        (c, "") => cut(c, LABEL_CHARS).into_owned(),
        (c, t) => format!("{} «{}»", cut(c, LABEL_CHARS), cut(t, LABEL_CHARS)),
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn rate_ok(rate: f64) -> bool {
    rate.is_finite() && (0.0..=100.0).contains(&rate)
}

/// Runs every check.
pub fn check(plan: &Plan) -> Report {
    let mut out = Out::default();
    integrity_findings(plan, &mut out);
    facts(plan, &mut out);
    context(plan, &mut out);
    support_group(plan, &mut out);
    objectives(plan, &mut out);
    actions(plan, &mut out);
    strategy(plan, &mut out);
    pilots(plan, &mut out);
    funding::funding(plan, &mut out);
    indicators(plan, &mut out);
    risks(plan, &mut out);
    governance(plan, &mut out);
    openness(plan, &mut out);
    exchanges(plan, &mut out);
    review(plan, &mut out);
    monitoring::monitoring(plan, &mut out);
    let mut findings = out.finish();
    findings.sort_by_key(|f| f.severity);
    // A section with errors is not complete, however many of its fields are filled.
    let with_errors: HashSet<Section> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.path.section)
        .collect();
    let completeness = completeness(plan)
        .into_iter()
        .map(|(s, pc)| {
            let errors = with_errors.contains(&s);
            (s, if errors { pc.min(MAX_WITH_ERRORS) } else { pc })
        })
        .collect();
    Report {
        findings,
        completeness,
    }
}

/// The most a section with errors can be complete, in percent: it is not done until they are fixed.
pub const MAX_WITH_ERRORS: u8 = 99;

fn integrity_findings(plan: &Plan, out: &mut Out) {
    // Streamed: a file with a million broken links needs no list of them.
    integrity::each_problem(plan, |p| {
        let code = integrity_code(&p);
        let (en, bg) = p.messages();
        out.push(Severity::Error, code, p.path().clone(), en, bg);
        std::ops::ControlFlow::Continue(())
    });
}

/// The code of the finding an integrity problem gives.
pub fn integrity_code(p: &integrity::IntegrityProblem) -> &'static str {
    match p {
        integrity::IntegrityProblem::EmptyId { .. } => "ID_EMPTY",
        integrity::IntegrityProblem::DuplicateId { .. } => "ID_DUPLICATE",
        integrity::IntegrityProblem::Dangling { .. } => "REF_DANGLING",
        integrity::IntegrityProblem::DanglingTarget { .. } => "COMMENT_TARGET_MISSING",
    }
}

fn facts(plan: &Plan, out: &mut Out) {
    let f = &plan.facts;
    let at = |field| ItemPath::field(Section::Facts, None, field);
    for (field, value, en, bg) in [
        (
            "title",
            &f.title,
            "The plan has no title",
            "Планът няма заглавие",
        ),
        (
            "city",
            &f.city,
            "The plan does not name its city",
            "Не е посочен градът",
        ),
    ] {
        if blank(value) {
            out.push(
                Severity::Error,
                "FACTS_MISSING",
                at(field),
                en.into(),
                bg.into(),
            );
        }
    }
    match plan.period() {
        None => out.push(
            Severity::Error,
            "FACTS_NO_PERIOD",
            at("period_start"),
            "The plan period (first and last month) is not set".into(),
            "Не е зададен периодът на плана (начален и краен месец)".into(),
        ),
        Some((s, e)) if e < s => out.push(
            Severity::Error,
            "FACTS_PERIOD_REVERSED",
            at("period_end"),
            format!(
                "The plan period ends ({}) before it starts ({})",
                format::month(Lang::En, e),
                format::month(Lang::En, s)
            ),
            format!(
                "Периодът на плана завършва ({}) преди да започне ({})",
                format::month(Lang::Bg, e),
                format::month(Lang::Bg, s)
            ),
        ),
        _ => {}
    }
    if blank(&f.currency) {
        out.push(
            Severity::Warning,
            "FACTS_NO_CURRENCY",
            at("currency"),
            "No currency is set for the amounts".into(),
            "Не е посочена валута на сумите".into(),
        );
    }
    if f.authors.iter().all(|a| blank(a)) {
        out.push(
            Severity::Warning,
            "FACTS_NO_AUTHORS",
            at("authors"),
            "The plan names no authors".into(),
            "Не са посочени автори на плана".into(),
        );
    }
    if f.status == PlanStatus::Adopted && blank(&f.adoption_decision) {
        out.push(
            Severity::Warning,
            "FACTS_ADOPTED_WITHOUT_DECISION",
            at("adoption_decision"),
            "The plan is marked adopted but names no council decision".into(),
            "Планът е отбелязан като приет, но не е посочено решение на общинския съвет".into(),
        );
    }
}

fn context(plan: &Plan, out: &mut Out) {
    if blank(&plan.context.narrative) && plan.context.evidence.is_empty() {
        out.push(
            Severity::Warning,
            "CONTEXT_EMPTY",
            ItemPath::section(Section::Context),
            "The context section is empty: add baseline figures and a narrative".into(),
            "Разделът за контекста е празен: добавете изходни данни и описание".into(),
        );
    }
    for e in &plan.context.evidence {
        let at = |field| ItemPath::field(Section::Context, Some(e.id.as_str()), field);
        let name = label("", &e.label, e.id.as_str());
        if e.value.is_some_and(|v| !v.is_finite()) {
            out.push(
                Severity::Error,
                "NUMBER_NOT_FINITE",
                at("value"),
                format!("The value of {name} is not a number"),
                format!("Стойността на {name} не е число"),
            );
        }
        if e.value.is_none() {
            out.push(
                Severity::Warning,
                "EVIDENCE_NO_VALUE",
                at("value"),
                format!("{name} has no value"),
                format!("{name} няма стойност"),
            );
        }
        if let Some(y) = e.year
            && !PLAUSIBLE_YEARS.contains(&y)
        {
            out.push(
                Severity::Warning,
                "YEAR_IMPLAUSIBLE",
                at("year"),
                format!("{name} is for the year {y}, outside 1900–2100"),
                format!("{name} е за {y} г., извън 1900–2100"),
            );
        }
        if blank(&e.source) || e.year.is_none() {
            out.push(
                Severity::Warning,
                "EVIDENCE_NO_SOURCE",
                at("source"),
                format!("{name} needs a year and a source"),
                format!("{name} трябва да има година и източник"),
            );
        }
    }
}

/// Years a figure of a plan can be about; outside them it is a typo (`20224`, `0`).
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// The largest relative weight that makes sense in the openness index (weights are like 1, 2
/// or 0.25); beyond it a weight is a typo, and the other weights stop counting.
pub const MAX_OPENNESS_WEIGHT: f64 = 1_000_000.0;

/// A weight for messages: plain, or in scientific notation when huge (`1e308`).
fn weight_text(lang: Lang, w: f64) -> String {
    if w.is_finite() && w.abs() < 1e9 {
        format::decimal_up_to(lang, w, 4)
    } else {
        format!("{w:e}")
    }
}

fn support_group(plan: &Plan, out: &mut Out) {
    let g = &plan.support_group;
    let sec = Section::SupportGroup;
    if g.members.is_empty() {
        out.push(
            Severity::Warning,
            "LSG_NO_MEMBERS",
            ItemPath::section(sec),
            "The Local Support Group has no members".into(),
            "Местната група за подкрепа няма членове".into(),
        );
    }
    for m in &g.members {
        if blank(&m.organisation) {
            out.push(
                Severity::Error,
                "LSG_MEMBER_NO_ORGANISATION",
                ItemPath::field(sec, Some(m.id.as_str()), "organisation"),
                format!("Member {} names no organisation", m.id),
                format!("Член {} не посочва организация", m.id),
            );
        }
    }
    let sectors: HashSet<Sector> = g.members.iter().map(|m| m.sector).collect();
    if !g.members.is_empty() && !sectors.contains(&Sector::MigrantOrganisation) {
        out.push(
            Severity::Hint,
            "LSG_NO_MIGRANT_VOICE",
            ItemPath::section(sec),
            "No migrant organisation is in the support group".into(),
            "В групата за подкрепа няма организация на мигранти".into(),
        );
    }
    for mt in &g.meetings {
        if mt.date.is_none() {
            out.push(
                Severity::Warning,
                "LSG_MEETING_NO_DATE",
                ItemPath::field(sec, Some(mt.id.as_str()), "date"),
                format!(
                    "Meeting {} has no date",
                    label("", &mt.topic, mt.id.as_str())
                ),
                format!("Среща {} няма дата", label("", &mt.topic, mt.id.as_str())),
            );
        }
    }
}

fn objectives(plan: &Plan, out: &mut Out) {
    let sec = Section::Objectives;
    if blank(&plan.vision) {
        out.push(
            Severity::Warning,
            "VISION_MISSING",
            ItemPath::field(sec, None, "vision"),
            "The plan has no vision statement".into(),
            "Планът няма визия".into(),
        );
    }
    if plan.objectives.is_empty() {
        out.push(
            Severity::Error,
            "NO_OBJECTIVES",
            ItemPath::section(sec),
            "The plan has no strategic objectives".into(),
            "Планът няма стратегически цели".into(),
        );
    }
    let served: HashSet<&ObjectiveId> = plan
        .actions
        .iter()
        .filter_map(|a| a.objective.as_ref())
        .collect();
    for o in &plan.objectives {
        let name = label(&o.code, &o.title, o.id.as_str());
        let at = ItemPath::item(sec, o.id.as_str());
        if blank(&o.title) {
            out.push(
                Severity::Error,
                "OBJECTIVE_NO_TITLE",
                at.clone(),
                format!("Objective {name} has no title"),
                format!("Цел {name} няма заглавие"),
            );
        }
        if o.specific.is_empty() {
            out.push(
                Severity::Warning,
                "OBJECTIVE_NO_SPECIFIC",
                at.clone(),
                format!("Objective {name} has no specific objectives"),
                format!("Цел {name} няма специфични цели"),
            );
        }
        if !served.contains(&o.id) {
            out.push(
                Severity::Warning,
                "OBJECTIVE_NO_ACTIONS",
                at,
                format!("No action serves objective {name}"),
                format!("Нито една дейност не допринася за цел {name}"),
            );
        }
    }
}

fn actions(plan: &Plan, out: &mut Out) {
    let sec = Section::Actions;
    if plan.actions.is_empty() {
        out.push(
            Severity::Error,
            "NO_ACTIONS",
            ItemPath::section(sec),
            "The plan has no actions".into(),
            "Планът няма дейности".into(),
        );
    }
    let period = plan.period().filter(|(s, e)| s <= e);
    let specific_parent: HashMap<&SpecificObjectiveId, &ObjectiveId> = plan
        .objectives
        .iter()
        .flat_map(|o| o.specific.iter().map(move |s| (&s.id, &o.id)))
        .collect();
    // The first action of each id, as `Plan::action` finds it.
    let mut by_id: HashMap<&ActionId, &Action> = HashMap::with_capacity(plan.actions.len());
    for a in &plan.actions {
        by_id.entry(&a.id).or_insert(a);
    }
    let start_of = |id: &ActionId| by_id.get(id).and_then(|a| a.start);
    for a in &plan.actions {
        let id = a.id.as_str();
        let name = label(&a.code, &a.title, id);
        let at = |field| ItemPath::field(sec, Some(id), field);
        let mut e = |code, field, en: String, bg: String| {
            out.push(Severity::Error, code, at(field), en, bg)
        };
        if blank(&a.title) {
            e(
                "ACTION_NO_TITLE",
                "title",
                format!("Action {name} has no title"),
                format!("Дейност {name} няма заглавие"),
            );
        }
        if a.objective.is_none() {
            e(
                "ACTION_NO_OBJECTIVE",
                "objective",
                format!("Action {name} serves no objective"),
                format!("Дейност {name} не е свързана с цел"),
            );
        }
        if let (Some(o), Some(s)) = (&a.objective, &a.specific_objective)
            && specific_parent.get(s).is_some_and(|parent| *parent != o)
        {
            e(
                "ACTION_SPECIFIC_MISMATCH",
                "specific_objective",
                format!("Action {name}: specific objective {s} is not under objective {o}"),
                format!("Дейност {name}: специфична цел {s} не е към цел {o}"),
            );
        }
        if blank(&a.lead) {
            e(
                "ACTION_NO_LEAD",
                "lead",
                format!("Action {name} has no responsible organisation"),
                format!("Дейност {name} няма отговорна организация"),
            );
        }
        match (a.start, a.end) {
            (Some(s), Some(end)) => {
                if end < s {
                    e(
                        "ACTION_END_BEFORE_START",
                        "end",
                        format!(
                            "Action {name} ends ({}) before it starts ({})",
                            format::month(Lang::En, end),
                            format::month(Lang::En, s)
                        ),
                        format!(
                            "Дейност {name} приключва ({}) преди да започне ({})",
                            format::month(Lang::Bg, end),
                            format::month(Lang::Bg, s)
                        ),
                    );
                }
                if let Some((ps, pe)) = period
                    && (s < ps || end > pe)
                {
                    e(
                        "ACTION_OUTSIDE_PERIOD",
                        "start",
                        format!(
                            "Action {name} ({s} – {end}) is not inside the plan period ({ps} – {pe})"
                        ),
                        format!(
                            "Дейност {name} ({s} – {end}) е извън периода на плана ({ps} – {pe})"
                        ),
                    );
                }
            }
            _ => e(
                "ACTION_NO_DATES",
                "start",
                format!("Action {name} needs a start and an end month"),
                format!("Дейност {name} трябва да има начален и краен месец"),
            ),
        }
        match a.cost {
            None => e(
                "ACTION_NO_COST",
                "cost",
                format!("Action {name} has no cost"),
                format!("Дейност {name} няма стойност"),
            ),
            Some(c) if c.is_negative() => e(
                "ACTION_NEGATIVE_COST",
                "cost",
                format!("Action {name} has a negative cost"),
                format!("Дейност {name} има отрицателна стойност"),
            ),
            Some(_) => {}
        }
        if a.funding.is_empty() {
            e(
                "ACTION_NO_FUNDING",
                "funding",
                format!("Action {name} has no funding source"),
                format!("Дейност {name} няма източник на финансиране"),
            );
        } else if let Some(cost) = a.cost {
            let funded: Money = a.funding.iter().map(|f| f.amount).sum();
            if funded != cost {
                e(
                    "ACTION_FUNDING_MISMATCH",
                    "funding",
                    format!(
                        "Action {name}: funding lines add up to {}, the cost is {}",
                        format::money(Lang::En, funded, &plan.facts.currency),
                        format::money(Lang::En, cost, &plan.facts.currency)
                    ),
                    format!(
                        "Дейност {name}: финансирането е {}, а стойността е {}",
                        format::money(Lang::Bg, funded, &plan.facts.currency),
                        format::money(Lang::Bg, cost, &plan.facts.currency)
                    ),
                );
            }
        }
        for f in &a.funding {
            let fat = ItemPath::field(Section::Funding, Some(f.id.as_str()), "amount");
            if f.amount <= Money::ZERO {
                out.push(
                    Severity::Error,
                    "FUNDING_NOT_POSITIVE",
                    fat.clone(),
                    format!("A funding line of action {name} has no positive amount"),
                    format!("Източник на финансиране на дейност {name} няма положителна сума"),
                );
            }
            if f.co_financing_rate.is_some_and(|r| !rate_ok(r)) {
                out.push(
                    Severity::Error,
                    "RATE_OUT_OF_RANGE",
                    ItemPath::field(Section::Funding, Some(f.id.as_str()), "co_financing_rate"),
                    format!("A co-financing rate of action {name} is outside 0–100 %"),
                    format!("Процент на съфинансиране на дейност {name} е извън 0–100 %"),
                );
            }
            let eu = matches!(
                f.source,
                FundingSource::EsfPlus
                    | FundingSource::Erdf
                    | FundingSource::Amif
                    | FundingSource::EuiInnovativeActions
                    | FundingSource::Interreg
            );
            if eu && blank(&f.programme) && f.catalogue.is_none() {
                out.push(
                    Severity::Hint,
                    "FUNDING_NO_PROGRAMME",
                    ItemPath::field(Section::Funding, Some(f.id.as_str()), "programme"),
                    format!("An EU funding line of action {name} names no programme"),
                    format!("Европейски източник на дейност {name} не посочва програма"),
                );
            }
            if f.source == FundingSource::Urbact {
                out.push(Severity::Warning, "FUNDING_URBACT_IMPLEMENTS", fat, format!("Action {name} is funded by URBACT, which pays for planning, not for implementing actions"), format!("Дейност {name} е финансирана от УРБАКТ, която финансира планиране, а не изпълнение"));
            }
        }
        let mut e = |code, field, en: String, bg: String| {
            out.push(Severity::Error, code, at(field), en, bg)
        };
        if a.indicators.is_empty() {
            e(
                "ACTION_NO_INDICATOR",
                "indicators",
                format!("Action {name} has no indicator"),
                format!("Дейност {name} няма индикатор"),
            );
        }
        if a.risks.is_empty() {
            e(
                "ACTION_NO_RISK",
                "risks",
                format!("Action {name} has no risk assessment (no linked risk)"),
                format!("Дейност {name} няма оценка на риска (няма свързан риск)"),
            );
        }
        if a.depends_on.contains(&a.id) {
            e(
                "ACTION_DEPENDS_ON_ITSELF",
                "depends_on",
                format!("Action {name} depends on itself"),
                format!("Дейност {name} зависи от самата себе си"),
            );
        }
        for d in &a.depends_on {
            if let (Some(s), Some(ds)) = (a.start, start_of(d))
                && s < ds
            {
                // The dependency by its code and title, as the planner knows it.
                let dep = by_id.get(d).map_or_else(
                    || cut(d.as_str(), LABEL_CHARS).into_owned(),
                    |x| label(&x.code, &x.title, d.as_str()),
                );
                out.push(
                    Severity::Warning,
                    "ACTION_STARTS_BEFORE_DEPENDENCY",
                    at("depends_on"),
                    format!(
                        "Action {name} starts ({}) before action {dep} it depends on ({})",
                        format::month(Lang::En, s),
                        format::month(Lang::En, ds)
                    ),
                    format!(
                        "Дейност {name} започва ({}) преди дейност {dep}, от която зависи ({})",
                        format::month(Lang::Bg, s),
                        format::month(Lang::Bg, ds)
                    ),
                );
            }
        }
        if a.outputs.iter().all(|o| blank(o)) {
            out.push(
                Severity::Warning,
                "ACTION_NO_OUTPUTS",
                at("outputs"),
                format!("Action {name} names no expected outputs"),
                format!("Дейност {name} няма очаквани продукти"),
            );
        }
    }
    dependency_cycles(plan, out);
}

/// Reports each cycle of `depends_on` once (self-dependencies are reported on their own).
fn dependency_cycles(plan: &Plan, out: &mut Out) {
    let index: HashMap<&ActionId, usize> = plan
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| (&a.id, i))
        .collect();
    // 0 = unvisited, 1 = on the stack, 2 = done. Iterative, so a 10,000-long chain cannot
    // overflow the stack.
    let mut state = vec![0u8; plan.actions.len()];
    for root in 0..plan.actions.len() {
        if state[root] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let deps = &plan.actions[node].depends_on;
            if *next < deps.len() {
                let dep = &deps[*next];
                *next += 1;
                let Some(&j) = index.get(dep) else { continue };
                if j == node {
                    continue;
                }
                match state[j] {
                    0 => {
                        state[j] = 1;
                        stack.push((j, 0));
                    }
                    1 => {
                        let pos = stack.iter().position(|(n, _)| *n == j).unwrap_or(0);
                        let ids: Vec<&str> = stack[pos..]
                            .iter()
                            .map(|(n, _)| plan.actions[*n].id.as_str())
                            .collect();
                        let chain = cycle_chain(&ids);
                        out.push(
                            Severity::Error,
                            "ACTION_DEPENDENCY_CYCLE",
                            ItemPath::field(
                                Section::Actions,
                                Some(plan.actions[node].id.as_str()),
                                "depends_on",
                            ),
                            format!("Actions depend on each other in a circle: {chain}"),
                            format!("Дейностите зависят една от друга в кръг: {chain}"),
                        );
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
}

/// A circle of dependencies in words: `A-1 → A-2 → A-3 → A-1`; a long circle shows its first
/// and last actions and how many are between.
fn cycle_chain(ids: &[&str]) -> String {
    const SHOWN: usize = 8;
    let id = |i: &str| cut(i, LABEL_CHARS).into_owned();
    let first = id(ids[0]);
    if ids.len() <= SHOWN {
        let all: Vec<String> = ids.iter().map(|i| id(i)).collect();
        return format!("{} → {first}", all.join(" → "));
    }
    let head: Vec<String> = ids[..SHOWN / 2].iter().map(|i| id(i)).collect();
    let tail: Vec<String> = ids[ids.len() - 2..].iter().map(|i| id(i)).collect();
    format!(
        "{} → … ({} more) → {} → {first}",
        head.join(" → "),
        ids.len() - SHOWN / 2 - 2,
        tail.join(" → ")
    )
}

fn strategy(plan: &Plan, out: &mut Out) {
    let sec = Section::StrategyLinks;
    let linked: HashSet<&StrategyGoalId> = plan
        .actions
        .iter()
        .flat_map(|a| &a.strategy_goals)
        .collect();
    let mut goals = 0;
    for (kind, g) in plan.strategies.goals() {
        goals += 1;
        if !linked.contains(&g.id) {
            let name = label(&g.code, &g.title, g.id.as_str());
            out.push(
                Severity::Hint,
                "STRATEGY_GOAL_UNSERVED",
                ItemPath::item(sec, g.id.as_str()),
                format!(
                    "No action serves goal {name} of the {}",
                    kind.label(Lang::En).to_lowercase()
                ),
                format!(
                    "Нито една дейност не допринася за цел {name} ({})",
                    kind.label(Lang::Bg).to_lowercase()
                ),
            );
        }
    }
    if goals == 0 {
        out.push(Severity::Warning, "STRATEGY_NO_GOALS", ItemPath::section(sec), "No goals of the city's marketing or internationalisation strategy are given".into(), "Не са въведени цели от маркетинговата стратегия или стратегията за интернационализация".into());
    } else if !plan.strategies.goals().any(|(_, g)| g.skilled_migrants) {
        out.push(
            Severity::Hint,
            "STRATEGY_NO_SKILLED_MIGRANTS",
            ItemPath::section(sec),
            "No strategy goal is about attracting skilled migrants".into(),
            "Нито една цел не е насочена към привличане на квалифицирани мигранти".into(),
        );
    }
}

fn pilots(plan: &Plan, out: &mut Out) {
    let sec = Section::Pilots;
    for p in &plan.pilots {
        let id = p.id.as_str();
        let name = label("", &p.title, id);
        let at = |field| ItemPath::field(sec, Some(id), field);
        if p.fund.is_none() {
            out.push(
                Severity::Error,
                "PILOT_NO_FUND",
                at("fund"),
                format!("Pilot {name} names no fund"),
                format!("Пилотен проект {name} не посочва фонд"),
            );
        }
        if p.actions.is_empty() {
            out.push(
                Severity::Error,
                "PILOT_NO_ACTIONS",
                at("actions"),
                format!("Pilot {name} is not linked to any action of the plan"),
                format!("Пилотен проект {name} не е свързан с дейност от плана"),
            );
        }
        if p.co_financing_rate.is_some_and(|r| !rate_ok(r)) {
            out.push(
                Severity::Error,
                "RATE_OUT_OF_RANGE",
                at("co_financing_rate"),
                format!("The co-financing rate of pilot {name} is outside 0–100 %"),
                format!("Процентът на съфинансиране на {name} е извън 0–100 %"),
            );
        }
        if p.budget.is_empty() {
            out.push(
                Severity::Warning,
                "PILOT_NO_BUDGET",
                at("budget"),
                format!("Pilot {name} has no budget"),
                format!("Пилотен проект {name} няма бюджет"),
            );
        }
        if p.budget.iter().any(|b| b.amount.is_negative()) {
            out.push(
                Severity::Error,
                "PILOT_NEGATIVE_BUDGET",
                at("budget"),
                format!("Pilot {name} has a negative budget line"),
                format!("Пилотен проект {name} има отрицателен бюджетен ред"),
            );
        }
        if p.duration_months.is_none_or(|d| d == 0) {
            out.push(
                Severity::Warning,
                "PILOT_NO_DURATION",
                at("duration_months"),
                format!("Pilot {name} has no duration"),
                format!("Пилотен проект {name} няма продължителност"),
            );
        }
        if p.outputs
            .iter()
            .chain(&p.results)
            .any(|r| r.target.is_none())
            || (p.outputs.is_empty() && p.results.is_empty())
        {
            out.push(
                Severity::Warning,
                "PILOT_NO_TARGETS",
                at("results"),
                format!("Pilot {name} needs outputs and results with targets"),
                format!(
                    "Пилотен проект {name} трябва да има продукти и резултати с целеви стойности"
                ),
            );
        }
        // With a catalogue call the call's own limits apply (see `funding`).
        if p.fund == Some(FundingSource::EuiInnovativeActions) && p.catalogue.is_none() {
            let total = super::budget::pilot_total(p);
            let erdf = super::budget::pilot_fund_share(p).unwrap_or(total);
            if erdf > Money::from_units(5_000_000) || p.duration_months.is_some_and(|d| d > 42) {
                out.push(Severity::Warning, "PILOT_EUI_LIMITS", at("budget"), format!("Pilot {name} exceeds EUI Innovative Actions limits (€5 m ERDF, 3.5 years)"), format!("Пилотен проект {name} надхвърля ограниченията на ЕГИ (5 млн. € ЕФРР, 3,5 години)"));
            }
        }
        if p.fund == Some(FundingSource::Urbact) {
            out.push(Severity::Warning, "PILOT_URBACT_IMPLEMENTS", at("fund"), format!("Pilot {name} names URBACT, which funds planning, not implementation"), format!("Пилотен проект {name} посочва УРБАКТ, която финансира планиране, а не изпълнение"));
        }
    }
}

fn indicators(plan: &Plan, out: &mut Out) {
    let sec = Section::Indicators;
    let used: HashSet<&IndicatorId> = plan
        .actions
        .iter()
        .flat_map(|a| &a.indicators)
        .chain(
            plan.objectives
                .iter()
                .flat_map(|o| o.specific.iter().flat_map(|s| &s.indicators)),
        )
        .collect();
    let years = plan.period().map(|(s, e)| s.year()..=e.year());
    for i in &plan.indicators {
        let id = i.id.as_str();
        let name = label(&i.code, &i.name, id);
        let at = |field| ItemPath::field(sec, Some(id), field);
        if blank(&i.unit) {
            out.push(
                Severity::Error,
                "INDICATOR_NO_UNIT",
                at("unit"),
                format!("Indicator {name} has no unit"),
                format!("Индикатор {name} няма мерна единица"),
            );
        }
        match &i.baseline {
            None => out.push(
                Severity::Error,
                "INDICATOR_NO_BASELINE",
                at("baseline"),
                format!("Indicator {name} has no baseline"),
                format!("Индикатор {name} няма базова стойност"),
            ),
            Some(b) if !b.value.is_finite() => out.push(
                Severity::Error,
                "NUMBER_NOT_FINITE",
                at("baseline"),
                format!("The baseline of indicator {name} is not a number"),
                format!("Базовата стойност на индикатор {name} не е число"),
            ),
            Some(b) if !PLAUSIBLE_YEARS.contains(&b.year) => out.push(
                Severity::Warning,
                "YEAR_IMPLAUSIBLE",
                at("baseline"),
                format!(
                    "The baseline of indicator {name} is for the year {}, outside 1900–2100",
                    b.year
                ),
                format!(
                    "Базовата стойност на индикатор {name} е за {} г., извън 1900–2100",
                    b.year
                ),
            ),
            Some(b) if blank(&b.source) => out.push(
                Severity::Warning,
                "INDICATOR_BASELINE_NO_SOURCE",
                at("baseline"),
                format!("The baseline of indicator {name} has no source"),
                format!("Базовата стойност на индикатор {name} няма източник"),
            ),
            Some(_) => {}
        }
        if i.targets.is_empty() {
            out.push(
                Severity::Error,
                "INDICATOR_NO_TARGET",
                at("targets"),
                format!("Indicator {name} has no target"),
                format!("Индикатор {name} няма целева стойност"),
            );
        }
        if i.targets.iter().any(|t| !t.value.is_finite()) {
            out.push(
                Severity::Error,
                "NUMBER_NOT_FINITE",
                at("targets"),
                format!("A target of indicator {name} is not a number"),
                format!("Целева стойност на индикатор {name} не е число"),
            );
        }
        if let Some(years) = &years
            && let Some(t) = i.targets.iter().find(|t| !years.contains(&t.year))
        {
            out.push(
                Severity::Warning,
                "INDICATOR_TARGET_OUTSIDE_PERIOD",
                at("targets"),
                format!(
                    "Indicator {name} has a target for {}, outside the plan period",
                    t.year
                ),
                format!(
                    "Индикатор {name} има цел за {} извън периода на плана",
                    t.year
                ),
            );
        }
        if blank(&i.data_source) {
            out.push(
                Severity::Warning,
                "INDICATOR_NO_DATA_SOURCE",
                at("data_source"),
                format!("Indicator {name} has no data source"),
                format!("Индикатор {name} няма източник на данни"),
            );
        }
        if blank(&i.owner) {
            out.push(
                Severity::Warning,
                "INDICATOR_NO_OWNER",
                at("owner"),
                format!("Nobody is responsible for measuring indicator {name}"),
                format!("Няма отговорник за измерването на индикатор {name}"),
            );
        }
        if !used.contains(&i.id) {
            out.push(
                Severity::Warning,
                "INDICATOR_UNUSED",
                ItemPath::item(sec, id),
                format!("Indicator {name} monitors no action or objective"),
                format!("Индикатор {name} не следи нито дейност, нито цел"),
            );
        }
    }
}

/// The risks some action names: the risks that threaten an action of the plan.
fn threatening(plan: &Plan) -> HashSet<&RiskId> {
    plan.actions.iter().flat_map(|a| &a.risks).collect()
}

fn risks(plan: &Plan, out: &mut Out) {
    let sec = Section::Risks;
    let threatening = threatening(plan);
    for r in &plan.risks {
        let id = r.id.as_str();
        let name = label("", &r.title, id);
        let at = |field| ItemPath::field(sec, Some(id), field);
        if blank(&r.mitigation) {
            out.push(
                Severity::Warning,
                "RISK_NO_MITIGATION",
                at("mitigation"),
                format!("Risk {name} has no mitigation"),
                format!("Риск {name} няма мерки за намаляване"),
            );
        }
        if blank(&r.owner) {
            out.push(
                Severity::Warning,
                "RISK_NO_OWNER",
                at("owner"),
                format!("Risk {name} has no owner"),
                format!("Риск {name} няма отговорник"),
            );
        }
        if !threatening.contains(&r.id) {
            out.push(
                Severity::Hint,
                "RISK_UNLINKED",
                at("actions"),
                format!("Risk {name} threatens no action of the plan"),
                format!("Риск {name} не е свързан с дейност"),
            );
        }
    }
}

fn governance(plan: &Plan, out: &mut Out) {
    let g = &plan.governance;
    let sec = Section::Governance;
    if blank(&g.coordinator) {
        out.push(
            Severity::Warning,
            "GOVERNANCE_NO_COORDINATOR",
            ItemPath::field(sec, None, "coordinator"),
            "Nobody coordinates the plan".into(),
            "Не е посочено кой координира плана".into(),
        );
    }
    if g.review_points.is_empty() {
        out.push(
            Severity::Hint,
            "GOVERNANCE_NO_REVIEW",
            ItemPath::field(sec, None, "review_points"),
            "No review points are planned".into(),
            "Не са планирани междинни прегледи".into(),
        );
    }
}

fn openness(plan: &Plan, out: &mut Out) {
    let o = &plan.openness;
    let sec = Section::Openness;
    if o.areas.is_empty() || o.cities.is_empty() {
        out.push(
            Severity::Warning,
            "OPENNESS_EMPTY",
            ItemPath::section(sec),
            "The openness assessment has no framework or no cities".into(),
            "Оценката на отвореността няма рамка или градове".into(),
        );
        return;
    }
    if o.home_city.is_none() {
        out.push(
            Severity::Warning,
            "OPENNESS_NO_HOME_CITY",
            ItemPath::field(sec, None, "home_city"),
            "The plan's own city is not marked among the compared cities".into(),
            "Градът на плана не е отбелязан сред сравняваните градове".into(),
        );
    }
    let weights = o
        .areas
        .iter()
        .map(|a| (a.id.as_str(), &a.name, a.weight))
        .chain(o.areas.iter().flat_map(|a| {
            a.indicators
                .iter()
                .map(|i| (i.id.as_str(), &i.name, i.weight))
        }));
    for (id, name, w) in weights {
        if !w.is_finite() || w < 0.0 {
            out.push(
                Severity::Error,
                "OPENNESS_BAD_WEIGHT",
                ItemPath::field(sec, Some(id), "weight"),
                format!(
                    "The weight of {} must be zero or more (it is {})",
                    label("", name, id),
                    weight_text(Lang::En, w)
                ),
                format!(
                    "Теглото на {} трябва да е нула или повече (то е {})",
                    label("", name, id),
                    weight_text(Lang::Bg, w)
                ),
            );
        } else if w > MAX_OPENNESS_WEIGHT {
            out.push(
                Severity::Warning,
                "OPENNESS_WEIGHT_TOO_LARGE",
                ItemPath::field(sec, Some(id), "weight"),
                format!(
                    "The weight of {} is {}: weights are relative (like 1, 2 or 0.25), and one over {} leaves the others no say",
                    label("", name, id),
                    weight_text(Lang::En, w),
                    format::integer(Lang::En, MAX_OPENNESS_WEIGHT as i64)
                ),
                format!(
                    "Теглото на {} е {}: теглата са относителни (напр. 1, 2 или 0,25) и тегло над {} обезсмисля останалите",
                    label("", name, id),
                    weight_text(Lang::Bg, w),
                    format::integer(Lang::Bg, MAX_OPENNESS_WEIGHT as i64)
                ),
            );
        }
    }
    // One value per city, indicator and year (the undated one counts as a year of its own).
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    let mut seen_years: HashSet<(&str, &str, Option<i32>)> = HashSet::new();
    for v in &o.values {
        seen.insert((v.city.as_str(), v.indicator.as_str()));
        if !seen_years.insert((v.city.as_str(), v.indicator.as_str(), v.year)) {
            let year_en = v
                .year
                .map_or("without a year".to_owned(), |y| format!("for {y}"));
            let year_bg = v
                .year
                .map_or("без година".to_owned(), |y| format!("за {y} г."));
            out.push(
                Severity::Error,
                "OPENNESS_DUPLICATE_VALUE",
                ItemPath::field(sec, Some(v.indicator.as_str()), "values"),
                format!(
                    "City {} has more than one value {year_en} for {}",
                    cut(v.city.as_str(), LABEL_CHARS),
                    cut(v.indicator.as_str(), LABEL_CHARS)
                ),
                format!(
                    "Град {} има повече от една стойност {year_bg} за {}",
                    cut(v.city.as_str(), LABEL_CHARS),
                    cut(v.indicator.as_str(), LABEL_CHARS)
                ),
            );
        }
        if let Some(y) = v.year
            && !PLAUSIBLE_YEARS.contains(&y)
        {
            out.push(
                Severity::Warning,
                "YEAR_IMPLAUSIBLE",
                ItemPath::field(sec, Some(v.indicator.as_str()), "values"),
                format!(
                    "The value of {} for {} is for the year {y}, outside 1900–2100",
                    cut(v.indicator.as_str(), LABEL_CHARS),
                    cut(v.city.as_str(), LABEL_CHARS)
                ),
                format!(
                    "Стойността на {} за {} е за {y} г., извън 1900–2100",
                    cut(v.indicator.as_str(), LABEL_CHARS),
                    cut(v.city.as_str(), LABEL_CHARS)
                ),
            );
        }
        if !v.value.is_finite() {
            out.push(
                Severity::Error,
                "NUMBER_NOT_FINITE",
                ItemPath::field(sec, Some(v.indicator.as_str()), "values"),
                format!(
                    "A value of {} for {} is not a number",
                    cut(v.indicator.as_str(), LABEL_CHARS),
                    cut(v.city.as_str(), LABEL_CHARS)
                ),
                format!(
                    "Стойност на {} за {} не е число",
                    cut(v.indicator.as_str(), LABEL_CHARS),
                    cut(v.city.as_str(), LABEL_CHARS)
                ),
            );
        }
    }
    for c in &o.cities {
        let missing: Vec<&str> = o
            .areas
            .iter()
            .flat_map(|a| &a.indicators)
            .filter(|i| !seen.contains(&(c.id.as_str(), i.id.as_str())))
            .map(|i| i.id.as_str())
            .collect();
        if !missing.is_empty() {
            // A few ids are enough to start with; the count says how many.
            const SHOWN: usize = 10;
            let mut list = missing
                .iter()
                .take(SHOWN)
                .map(|i| cut(i, LABEL_CHARS))
                .collect::<Vec<_>>()
                .join(", ");
            if missing.len() > SHOWN {
                list.push_str(&format!(" … ({})", missing.len()));
            }
            out.push(
                Severity::Warning,
                "OPENNESS_MISSING_VALUES",
                ItemPath::item(sec, c.id.as_str()),
                format!(
                    "{} has no value for {list}",
                    label("", &c.name, c.id.as_str())
                ),
                format!(
                    "{} няма стойност за {list}",
                    label("", &c.name, c.id.as_str())
                ),
            );
        }
    }
}

/// A message of the checks from the Fluent files, in English and Bulgarian.
fn fluent(key: &str, args: &[(&str, crate::i18n::FluentArg)]) -> (String, String) {
    (
        crate::i18n::tr_args(Lang::En, key, args),
        crate::i18n::tr_args(Lang::Bg, key, args),
    )
}

/// The exchange and participation register: an adopted plan went through a public
/// consultation, and every comment a consultation received has the plan's response.
fn exchanges(plan: &Plan, out: &mut Out) {
    let sec = Section::Exchanges;
    let consulted = plan
        .exchanges
        .iter()
        .any(|x| x.kind == ExchangeKind::Consultation);
    if plan.facts.status == PlanStatus::Adopted && !consulted {
        let (en, bg) = fluent("check-adopted-without-consultation", &[]);
        out.push(
            Severity::Warning,
            "ADOPTED_WITHOUT_CONSULTATION",
            ItemPath::section(sec),
            en,
            bg,
        );
    }
    for x in &plan.exchanges {
        // A comment is what someone said (its text); a blank row is not one yet.
        let open = x
            .comments
            .iter()
            .filter(|c| !blank(&c.text) && blank(&c.response))
            .count();
        if open > 0 {
            let id = x.id.as_str();
            let (en, bg) = (
                crate::i18n::tr_args(
                    Lang::En,
                    "check-comments-unanswered",
                    &[
                        ("name", ItemRef::Exchange(x).caption(Lang::En).into()),
                        ("n", open.into()),
                    ],
                ),
                crate::i18n::tr_args(
                    Lang::Bg,
                    "check-comments-unanswered",
                    &[
                        ("name", ItemRef::Exchange(x).caption(Lang::Bg).into()),
                        ("n", open.into()),
                    ],
                ),
            );
            out.push(
                Severity::Warning,
                "CONSULTATION_COMMENT_UNANSWERED",
                ItemPath::field(sec, Some(id), "comments"),
                en,
                bg,
            );
        }
    }
}

fn review(plan: &Plan, out: &mut Out) {
    let open = plan.comments.iter().filter(|c| !c.resolved).count();
    if open > 0 {
        out.push(
            Severity::Hint,
            "COMMENTS_OPEN",
            ItemPath::section(Section::Review),
            format!("{open} review comment(s) are still open"),
            format!("Отворени коментари: {open}"),
        );
    }
}

/// Filled slots of a section.
#[derive(Default)]
struct Tally {
    filled: u32,
    total: u32,
}

impl Tally {
    fn slot(&mut self, filled: bool) {
        self.total += 1;
        self.filled += u32::from(filled);
    }

    /// Adds the mean fill of a list's items as `weight` slots; an empty list fills none.
    fn list<T>(&mut self, items: &[T], weight: u32, fields: impl Fn(&T) -> Vec<bool>) {
        self.total += weight;
        if items.is_empty() {
            return;
        }
        let (f, t) = items
            .iter()
            .map(&fields)
            .fold((0usize, 0usize), |(f, t), v| {
                (f + v.iter().filter(|b| **b).count(), t + v.len())
            });
        if t > 0 {
            self.filled += ((f as f64 / t as f64) * weight as f64).round() as u32;
        }
    }

    fn percent(&self) -> u8 {
        if self.total == 0 {
            0
        } else {
            (self.filled as f64 * 100.0 / self.total as f64).round() as u8
        }
    }
}

fn has(s: &str) -> bool {
    !blank(s)
}

/// How complete each content section is, 0–100: the share of the fields a finished plan fills.
pub fn completeness(plan: &Plan) -> Vec<(Section, u8)> {
    let mut out = Vec::new();
    let f = &plan.facts;
    let mut t = Tally::default();
    for filled in [
        has(&f.title),
        has(&f.city),
        has(&f.country),
        has(&f.municipality),
        plan.period().is_some(),
        has(&f.version),
        f.date.is_some(),
        !f.authors.is_empty(),
        !f.languages.is_empty(),
        has(&f.summary),
    ] {
        t.slot(filled);
    }
    out.push((Section::Facts, t.percent()));

    let mut t = Tally::default();
    t.slot(has(&plan.context.narrative));
    t.list(&plan.context.evidence, 4, |e| {
        vec![
            has(&e.label),
            e.value.is_some(),
            has(&e.unit),
            e.year.is_some(),
            has(&e.source),
        ]
    });
    out.push((Section::Context, t.percent()));

    let g = &plan.support_group;
    let mut t = Tally::default();
    t.list(&g.members, 3, |m| {
        vec![has(&m.organisation), has(&m.role), has(&m.contact)]
    });
    t.list(&g.meetings, 2, |m| {
        vec![
            m.date.is_some(),
            has(&m.topic),
            !m.attendees.is_empty(),
            !m.decisions.is_empty(),
        ]
    });
    out.push((Section::SupportGroup, t.percent()));

    let mut t = Tally::default();
    t.list(&plan.problems, 1, |p| {
        vec![
            has(&p.title),
            !p.causes.is_empty(),
            !p.effects.is_empty(),
            !p.evidence.is_empty(),
        ]
    });
    out.push((Section::Problems, t.percent()));

    let mut t = Tally::default();
    t.slot(has(&plan.vision));
    t.list(&plan.objectives, 3, |o| {
        vec![
            has(&o.title),
            has(&o.description),
            !o.specific.is_empty(),
            o.specific
                .iter()
                .all(|s| has(&s.title) && !s.indicators.is_empty()),
        ]
    });
    out.push((Section::Objectives, t.percent()));

    let mut t = Tally::default();
    t.list(&plan.actions, 1, |a| {
        vec![
            has(&a.title),
            has(&a.description),
            a.objective.is_some(),
            has(&a.lead),
            has(&a.target_group),
            a.start.is_some() && a.end.is_some(),
            a.cost.is_some(),
            !a.outputs.is_empty(),
            !a.indicators.is_empty(),
            !a.risks.is_empty(),
        ]
    });
    out.push((Section::Actions, t.percent()));

    let mut t = Tally::default();
    let s = &plan.strategies;
    t.slot(has(&s.marketing.title));
    t.slot(has(&s.internationalisation.title));
    let linked: HashSet<&StrategyGoalId> = plan
        .actions
        .iter()
        .flat_map(|a| &a.strategy_goals)
        .collect();
    let goals: Vec<&StrategyGoal> = s.goals().map(|(_, g)| g).collect();
    t.list(&goals, 2, |g| vec![has(&g.title), linked.contains(&g.id)]);
    out.push((Section::StrategyLinks, t.percent()));

    let mut t = Tally::default();
    t.list(&plan.actions, 1, |a| {
        let funded: Money = a.funding.iter().map(|f| f.amount).sum();
        vec![!a.funding.is_empty(), a.cost.is_some_and(|c| c == funded)]
    });
    out.push((Section::Funding, t.percent()));

    let mut t = Tally::default();
    t.list(&plan.pilots, 1, |p| {
        vec![
            has(&p.title),
            p.fund.is_some(),
            has(&p.call),
            has(&p.objective),
            has(&p.target_group),
            p.duration_months.is_some(),
            !p.budget.is_empty(),
            p.co_financing_rate.is_some(),
            !p.partners.is_empty(),
            !p.outputs.is_empty(),
            !p.results.is_empty(),
            !p.actions.is_empty(),
        ]
    });
    out.push((Section::Pilots, t.percent()));

    let mut t = Tally::default();
    t.list(&plan.indicators, 1, |i| {
        vec![
            has(&i.code),
            has(&i.name),
            has(&i.definition),
            has(&i.unit),
            i.baseline.is_some(),
            !i.targets.is_empty(),
            has(&i.data_source),
            has(&i.owner),
        ]
    });
    out.push((Section::Indicators, t.percent()));

    let mut t = Tally::default();
    let threatening = threatening(plan);
    t.list(&plan.risks, 1, |r| {
        vec![
            has(&r.title),
            has(&r.mitigation),
            has(&r.owner),
            threatening.contains(&r.id),
        ]
    });
    out.push((Section::Risks, t.percent()));

    let g = &plan.governance;
    let mut t = Tally::default();
    for filled in [
        has(&g.coordinator),
        !g.implementing_bodies.is_empty(),
        has(&g.reporting_to),
        has(&g.monitoring),
        !g.review_points.is_empty(),
    ] {
        t.slot(filled);
    }
    out.push((Section::Governance, t.percent()));

    let o = &plan.openness;
    let mut t = Tally::default();
    t.slot(!o.areas.is_empty());
    t.slot(o.cities.len() >= 2);
    t.slot(o.home_city.is_some());
    let expected = o.cities.len() * o.areas.iter().map(|a| a.indicators.len()).sum::<usize>();
    let have: HashSet<(&str, &str)> = o
        .values
        .iter()
        .map(|v| (v.city.as_str(), v.indicator.as_str()))
        .collect();
    t.total += 3;
    if expected > 0 {
        t.filled += ((have.len().min(expected) as f64 / expected as f64) * 3.0).round() as u32;
    }
    out.push((Section::Openness, t.percent()));

    if let Some(pc) = practices_completeness(plan) {
        out.push((Section::Practices, pc));
    }
    if let Some(pc) = exchanges_completeness(plan) {
        out.push((Section::Exchanges, pc));
    }
    out
}

/// Good practices adapted, where the plan is expected to adapt some: a plan that took its
/// framework from a network (the network exists to exchange practices) or that adapts one
/// already. Half is that some action adapts a practice, half the Understand–Adapt–Re-use notes
/// of every adaptation (understood, adapted, why, re-used as is). `None`: not expected.
fn practices_completeness(plan: &Plan) -> Option<u8> {
    let adapting: Vec<&PracticeRef> = plan
        .actions
        .iter()
        .filter_map(|a| a.adapts.as_ref())
        .collect();
    if plan.network.is_none() && adapting.is_empty() {
        return None;
    }
    let mut t = Tally::default();
    t.total += 2;
    if !adapting.is_empty() {
        t.filled += 2;
    }
    t.list(&adapting, 2, |r| {
        vec![
            has(&r.understood),
            has(&r.adapted),
            has(&r.why),
            has(&r.reused_as_is),
        ]
    });
    Some(t.percent())
}

/// The exchange and participation register, where a plan is expected to have one: from the
/// public consultation on (status consultation or adopted), or once it has entries. Two
/// slots for a public consultation, one for every consultation comment answered, two for the
/// entries' date, title, place, organisers, participants and outcome. `None`: not expected.
fn exchanges_completeness(plan: &Plan) -> Option<u8> {
    let consulting = matches!(
        plan.facts.status,
        PlanStatus::Consultation | PlanStatus::Adopted
    );
    if !consulting && plan.exchanges.is_empty() {
        return None;
    }
    let consultations: Vec<&Exchange> = plan
        .exchanges
        .iter()
        .filter(|x| x.kind == ExchangeKind::Consultation)
        .collect();
    let mut t = Tally::default();
    t.total += 2;
    if !consultations.is_empty() {
        t.filled += 2;
    }
    t.slot(
        !consultations.is_empty()
            && consultations
                .iter()
                .flat_map(|x| &x.comments)
                .all(|c| blank(&c.text) || has(&c.response)),
    );
    t.list(&plan.exchanges, 2, |x| {
        vec![
            x.date.is_some(),
            has(&x.title),
            has(&x.place),
            !x.organisers.is_empty(),
            x.participants_total() > 0,
            has(&x.outcome),
        ]
    });
    Some(t.percent())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_with_errors_is_never_complete() {
        let mut plan = crate::store::templates::find("sofia-open-cities")
            .unwrap()
            .plan()
            .unwrap();
        assert_eq!(
            check(&plan).section_completeness(Section::Actions),
            Some(100)
        );
        // Every field stays filled, but the action now ends before it starts.
        let a = &mut plan.actions[0];
        std::mem::swap(&mut a.start, &mut a.end);
        let report = check(&plan);
        assert!(
            report
                .in_section(Section::Actions)
                .any(|f| f.severity == Severity::Error)
        );
        assert_eq!(
            report.section_completeness(Section::Actions),
            Some(MAX_WITH_ERRORS)
        );
    }

    fn codes(plan: &Plan) -> Vec<&'static str> {
        check(plan).findings.iter().map(|f| f.code).collect()
    }

    fn completeness_of(plan: &Plan, section: Section) -> Option<u8> {
        completeness(plan)
            .into_iter()
            .find(|(s, _)| *s == section)
            .map(|(_, pc)| pc)
    }

    #[test]
    fn practices_adapted_count_where_a_plan_is_expected_to_adapt_them() {
        let mut p = Plan::new();
        // Not in a network, adapting nothing: the section is not expected.
        assert_eq!(completeness_of(&p, Section::Practices), None);
        // Took its framework from a network: expected, and nothing is adapted yet.
        p.network = Some(crate::model::NetworkRef::default());
        assert_eq!(completeness_of(&p, Section::Practices), Some(0));
        // One action adapts a practice with two of the four notes: 2 + 1 of 4 slots → 75.
        p.network = None;
        p.actions.push(Action {
            id: "A-1".into(),
            adapts: Some(PracticeRef {
                practice: "GP-1".into(),
                understood: "Why it works there".into(),
                adapted: "In our languages".into(),
                ..PracticeRef::default()
            }),
            ..Action::default()
        });
        assert_eq!(completeness_of(&p, Section::Practices), Some(75));
        let r = p.actions[0].adapts.as_mut().unwrap();
        r.why = "Our services differ".into();
        r.reused_as_is = "The coaching".into();
        assert_eq!(completeness_of(&p, Section::Practices), Some(100));
    }

    #[test]
    fn the_exchange_register_counts_a_consultation_from_the_consultation_on() {
        let mut p = Plan::new();
        assert_eq!(completeness_of(&p, Section::Exchanges), None);
        p.facts.status = PlanStatus::Consultation;
        assert_eq!(completeness_of(&p, Section::Exchanges), Some(0));
        // A study visit with everything filled: 2 of 5 slots → 40.
        let full = Exchange {
            id: "EX-1".into(),
            date: "2025-03-12".parse().ok(),
            kind: ExchangeKind::StudyVisit,
            title: "Visit".into(),
            place: "Vienna".into(),
            organisers: vec!["City".into()],
            participants: vec![Participants {
                count: 5,
                ..Participants::default()
            }],
            outcome: "Learned".into(),
            ..Exchange::default()
        };
        p.exchanges.push(full.clone());
        assert_eq!(completeness_of(&p, Section::Exchanges), Some(40));
        // A consultation with an unanswered comment: 4 of 5.
        p.exchanges.push(Exchange {
            id: "EX-2".into(),
            kind: ExchangeKind::Consultation,
            comments: vec![ConsultationComment {
                text: "More languages".into(),
                ..ConsultationComment::default()
            }],
            ..full
        });
        assert_eq!(completeness_of(&p, Section::Exchanges), Some(80));
        p.exchanges[1].comments[0].response = "Taken up in A-1".into();
        assert_eq!(completeness_of(&p, Section::Exchanges), Some(100));
    }

    #[test]
    fn an_empty_plan_says_what_is_missing() {
        let c = codes(&Plan::new());
        for code in [
            "FACTS_MISSING",
            "FACTS_NO_PERIOD",
            "NO_OBJECTIVES",
            "NO_ACTIONS",
        ] {
            assert!(c.contains(&code), "{code} missing from {c:?}");
        }
        assert!(check(&Plan::new()).completeness_percent() < 10);
    }

    #[test]
    fn the_iap_checklist_on_one_action() {
        let mut p = Plan::new();
        p.facts.period_start = "2025-01".parse().ok();
        p.facts.period_end = "2026-12".parse().ok();
        p.actions.push(Action {
            id: "A-1".into(),
            start: "2026-06".parse().ok(),
            end: "2027-02".parse().ok(),
            ..Action::default()
        });
        let c = codes(&p);
        for code in [
            "ACTION_NO_OBJECTIVE",
            "ACTION_NO_LEAD",
            "ACTION_OUTSIDE_PERIOD",
            "ACTION_NO_COST",
            "ACTION_NO_FUNDING",
            "ACTION_NO_INDICATOR",
            "ACTION_NO_RISK",
        ] {
            assert!(c.contains(&code), "{code} missing from {c:?}");
        }
        p.actions[0].cost = Some(Money::from_units(100));
        p.actions[0].funding.push(FundingLine {
            id: "F-1".into(),
            amount: Money::from_units(90),
            co_financing_rate: Some(120.0),
            ..FundingLine::default()
        });
        p.actions[0].end = "2026-01".parse().ok();
        let c = codes(&p);
        assert!(
            c.contains(&"ACTION_FUNDING_MISMATCH")
                && c.contains(&"RATE_OUT_OF_RANGE")
                && c.contains(&"ACTION_END_BEFORE_START"),
            "{c:?}"
        );
        let f = check(&p)
            .findings
            .into_iter()
            .find(|f| f.code == "ACTION_FUNDING_MISMATCH")
            .unwrap();
        assert_eq!(
            f.path,
            ItemPath::field(Section::Actions, Some("A-1"), "funding")
        );
        assert!(
            f.message_bg.contains("финансирането е 90,00\u{a0}EUR"),
            "{}",
            f.message_bg
        );
    }

    #[test]
    fn dependency_cycles_are_found_once() {
        let mut p = Plan::new();
        for (id, dep) in [
            ("A-1", "A-2"),
            ("A-2", "A-3"),
            ("A-3", "A-1"),
            ("A-4", "A-4"),
        ] {
            p.actions.push(Action {
                id: id.into(),
                depends_on: vec![dep.into()],
                ..Action::default()
            });
        }
        let report = check(&p);
        let cycles: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.code == "ACTION_DEPENDENCY_CYCLE")
            .collect();
        assert_eq!(cycles.len(), 1);
        assert!(
            cycles[0].message_en.contains("A-1 → A-2 → A-3 → A-1"),
            "{}",
            cycles[0].message_en
        );
        let selfdep: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.code == "ACTION_DEPENDS_ON_ITSELF")
            .collect();
        assert_eq!(selfdep.len(), 1);
        assert_eq!(selfdep[0].path.item.as_deref(), Some("A-4"));
    }

    #[test]
    fn a_long_dependency_chain_does_not_overflow() {
        let mut p = Plan::new();
        for i in 0..20_000 {
            p.actions.push(Action {
                id: ActionId(format!("A-{i}")),
                depends_on: vec![ActionId(format!("A-{}", i + 1))],
                ..Action::default()
            });
        }
        p.actions.last_mut().unwrap().depends_on = vec!["A-0".into()];
        assert_eq!(
            check(&p)
                .findings
                .iter()
                .filter(|f| f.code == "ACTION_DEPENDENCY_CYCLE")
                .count(),
            1
        );
    }

    #[test]
    fn pilots_need_a_fund_and_actions() {
        let mut p = Plan::new();
        p.pilots.push(Pilot {
            id: "PL-1".into(),
            actions: vec!["A-9".into()],
            co_financing_rate: Some(-1.0),
            ..Pilot::default()
        });
        let c = codes(&p);
        assert!(
            c.contains(&"PILOT_NO_FUND")
                && c.contains(&"REF_DANGLING")
                && c.contains(&"RATE_OUT_OF_RANGE"),
            "{c:?}"
        );
    }

    #[test]
    fn errors_come_first() {
        let r = check(&Plan::new());
        assert!(
            r.findings
                .windows(2)
                .all(|w| w[0].severity <= w[1].severity)
        );
    }
}

#[cfg(test)]
mod openness_tests {
    use super::*;

    /// One value per city, indicator and year: another year is history, the same year twice
    /// is an error that names the year.
    #[test]
    fn a_value_per_year_is_history_and_two_in_one_year_an_error() {
        let mut p = crate::store::templates::find("sofia-open-cities")
            .unwrap()
            .plan()
            .unwrap();
        let dup = |p: &Plan| {
            check(p)
                .findings
                .into_iter()
                .filter(|f| f.code == "OPENNESS_DUPLICATE_VALUE")
                .collect::<Vec<_>>()
        };
        assert!(dup(&p).is_empty());
        let mut next = p.openness.values[0].clone();
        next.year = next.year.map(|y| y + 10);
        p.openness.values.push(next.clone());
        assert!(dup(&p).is_empty(), "another year is fine");
        p.openness.values.push(next.clone());
        let found = dup(&p);
        assert_eq!(found.len(), 1);
        let year = next.year.unwrap().to_string();
        assert!(
            found[0].message_en.contains(&year),
            "{}",
            found[0].message_en
        );
        assert_eq!(found[0].severity, Severity::Error);
    }
}

#[cfg(test)]
mod bounds_tests {
    use super::*;

    #[test]
    fn implausible_years_and_weights_are_findings() {
        let mut p = crate::synthetic::plan(3, 1);
        p.context.evidence[0].year = Some(20224);
        p.indicators[0].baseline.as_mut().unwrap().year = 1024;
        p.openness.values[0].year = Some(-5);
        p.openness.areas[0].weight = 1e308;
        p.openness.areas[1].indicators[0].weight = f64::NAN;
        let report = check(&p);
        let found = |code: &str| -> Vec<&Finding> {
            report.findings.iter().filter(|f| f.code == code).collect()
        };
        let years = found("YEAR_IMPLAUSIBLE");
        assert_eq!(years.len(), 3, "{years:#?}");
        assert!(
            years[0].message_en.contains("20224, outside 1900–2100"),
            "{}",
            years[0].message_en
        );
        assert_eq!(years[0].path.to_string(), "context/EV-1.year");
        let big = found("OPENNESS_WEIGHT_TOO_LARGE");
        assert_eq!(big.len(), 1);
        assert!(
            big[0].message_en.contains("is 1e308"),
            "{}",
            big[0].message_en
        );
        assert!(
            big[0].message_bg.contains("е 1e308"),
            "{}",
            big[0].message_bg
        );
        assert_eq!(big[0].path.to_string(), "openness/OA-1.weight");
        assert!(
            found("OPENNESS_BAD_WEIGHT")[0]
                .message_en
                .contains("(it is NaN)")
        );
        // And the index is still a number for every city.
        let idx = crate::analysis::openness_index(&p);
        assert!(
            idx.cities
                .iter()
                .all(|c| c.overall.is_some_and(f64::is_finite))
        );
    }

    #[test]
    fn long_titles_are_cut_in_messages() {
        let mut p = Plan::new();
        p.actions.push(Action {
            id: "A-1".into(),
            code: "1.1".into(),
            title: "дълго ".repeat(200_000),
            ..Action::default()
        });
        let report = check(&p);
        let longest = report
            .findings
            .iter()
            .map(|f| f.message_en.len() + f.message_bg.len())
            .max()
            .unwrap();
        assert!(longest < 2_000, "{longest}");
        let f = report
            .findings
            .iter()
            .find(|f| f.code == "ACTION_NO_LEAD")
            .unwrap();
        assert!(f.message_en.contains("«дълго дълго"), "{}", f.message_en);
        assert!(
            f.message_en.contains("…» has no responsible organisation"),
            "{}",
            f.message_en
        );
    }

    #[test]
    fn findings_of_one_code_are_capped_and_counted() {
        let mut p = Plan::new();
        p.actions.push(Action {
            id: "A-1".into(),
            risks: (0..MAX_FINDINGS_PER_CODE + 25)
                .map(|i| RiskId(format!("R-{i}")))
                .collect(),
            ..Action::default()
        });
        let report = check(&p);
        let dangling = report
            .findings
            .iter()
            .filter(|f| f.code == "REF_DANGLING")
            .count();
        assert_eq!(dangling, MAX_FINDINGS_PER_CODE);
        let omitted: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.code == "FINDINGS_OMITTED")
            .collect();
        assert_eq!(omitted.len(), 1);
        assert_eq!(omitted[0].severity, Severity::Error);
        assert_eq!(
            omitted[0].message_en,
            "25 more findings REF_DANGLING are not listed (only the first 10,000 of each kind are)"
        );
        assert_eq!(omitted[0].path, ItemPath::section(Section::Actions));
    }

    #[test]
    fn a_long_circle_of_dependencies_is_named_briefly() {
        let ids: Vec<String> = (1..=500).map(|i| format!("A-{i}")).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        assert_eq!(
            cycle_chain(&refs),
            "A-1 → A-2 → A-3 → A-4 → … (494 more) → A-499 → A-500 → A-1"
        );
        assert_eq!(cycle_chain(&["A-1", "A-2"]), "A-1 → A-2 → A-1");
    }
}

#[cfg(test)]
mod exchange_tests {
    use super::*;

    fn codes(plan: &Plan) -> Vec<&'static str> {
        check(plan).findings.iter().map(|f| f.code).collect()
    }

    #[test]
    fn an_adopted_plan_needs_a_public_consultation() {
        let mut p = Plan::new();
        p.facts.status = PlanStatus::Adopted;
        assert!(codes(&p).contains(&"ADOPTED_WITHOUT_CONSULTATION"));
        let f = check(&p)
            .findings
            .into_iter()
            .find(|f| f.code == "ADOPTED_WITHOUT_CONSULTATION")
            .unwrap();
        assert_eq!(f.path, ItemPath::section(Section::Exchanges));
        assert!(f.message_en.contains("consultation"), "{}", f.message_en);
        assert!(f.message_bg.contains("консултация"), "{}", f.message_bg);
        // A debate is not a consultation; a consultation is.
        p.exchanges.push(Exchange {
            id: "EX-1".into(),
            kind: ExchangeKind::PublicDebate,
            ..Exchange::default()
        });
        assert!(codes(&p).contains(&"ADOPTED_WITHOUT_CONSULTATION"));
        p.exchanges[0].kind = ExchangeKind::Consultation;
        assert!(!codes(&p).contains(&"ADOPTED_WITHOUT_CONSULTATION"));
        // A draft is not asked yet.
        p.exchanges.clear();
        p.facts.status = PlanStatus::Draft;
        assert!(!codes(&p).contains(&"ADOPTED_WITHOUT_CONSULTATION"));
    }

    #[test]
    fn consultation_comments_need_a_response() {
        let mut p = Plan::new();
        let comment = |text: &str, response: &str| ConsultationComment {
            from: "NGO".into(),
            text: text.into(),
            response: response.into(),
        };
        p.exchanges.push(Exchange {
            id: "EX-1".into(),
            kind: ExchangeKind::Consultation,
            title: "Draft plan".into(),
            comments: vec![
                comment("More Arabic", ""),
                comment("Evening hours", " "),
                comment("Add housing", "Action 2.1"),
                comment("", ""),
            ],
            ..Exchange::default()
        });
        let f = check(&p)
            .findings
            .into_iter()
            .find(|f| f.code == "CONSULTATION_COMMENT_UNANSWERED")
            .expect("two comments without a response");
        assert_eq!(
            f.path,
            ItemPath::field(Section::Exchanges, Some("EX-1"), "comments")
        );
        assert!(f.message_en.contains("Draft plan"), "{}", f.message_en);
        assert!(f.message_en.contains('2'), "{}", f.message_en);
        assert!(f.message_bg.contains("отговор"), "{}", f.message_bg);
        for c in &mut p.exchanges[0].comments {
            c.response = "Taken up".into();
        }
        assert!(!codes(&p).contains(&"CONSULTATION_COMMENT_UNANSWERED"));
    }
}
