//! Checks of funding against the rules a programme officer applies: the funding catalogue's
//! maximum rates, grant limits, eligible period, consortium, deadlines and applicants, and the
//! arithmetic between a stated rate and the money.

use super::{Out, Severity, label};
use crate::analysis::budget::{pilot_fund_share, pilot_total};
use crate::model::catalogue::{Catalogue, Resolved};
use crate::model::*;

/// How far (in percentage points) a stated rate may be from the line's share of the cost: the
/// rounding of a rate written with one decimal.
const RATE_TOLERANCE: f64 = 0.5;

/// A pilot's fund share and the actions' funding lines may differ by this much (rounding of
/// the rate to whole cents in each line).
const PILOT_MONEY_TOLERANCE: Money = Money::from_units(1);

/// The catalogue a plan's references resolve in: its own entries over the shipped ones.
pub fn catalogue_of(plan: &Plan) -> Catalogue<'_> {
    Catalogue::with_plan_entries(crate::store::catalogue::shipped(), &plan.funding_catalogue)
}

/// Both texts of a number, English and Bulgarian.
fn both(f: impl Fn(Lang) -> String) -> (String, String) {
    (f(Lang::En), f(Lang::Bg))
}

fn pct(v: f64) -> (String, String) {
    both(|l| format::percent(l, v, 1))
}

/// What the reference of a line or pilot points to; pushes a finding when it points nowhere.
fn resolve<'c>(
    catalogue: &'c Catalogue,
    reference: Option<&CallRef>,
    at: &ItemPath,
    whose: (&str, &str),
    out: &mut Out,
) -> Option<Resolved<'c>> {
    let r = reference?;
    let Some(resolved) = catalogue.resolve(r) else {
        out.push(
            Severity::Error,
            "FUNDING_UNKNOWN_PROGRAMME",
            at.clone(),
            format!(
                "{} refers to programme {:?}, which is not in the funding catalogue",
                whose.0, r.programme
            ),
            format!(
                "{} сочи програма {:?}, която я няма в каталога на финансирането",
                whose.1, r.programme
            ),
        );
        return None;
    };
    if !r.call.is_empty() && resolved.call.is_none() {
        out.push(
            Severity::Error,
            "FUNDING_UNKNOWN_CALL",
            at.clone(),
            format!(
                "{} refers to call {:?} of {}, which the catalogue does not list",
                whose.0,
                r.call,
                resolved.programme.name(Lang::En)
            ),
            format!(
                "{} сочи покана {:?} на {}, каквато в каталога няма",
                whose.1,
                r.call,
                resolved.programme.name(Lang::Bg)
            ),
        );
    }
    Some(resolved)
}

/// Runs the funding checks.
pub(super) fn funding(plan: &Plan, out: &mut Out) {
    let catalogue = catalogue_of(plan);
    own_entries(plan, out);
    lines(plan, &catalogue, out);
    pilots(plan, &catalogue, out);
}

/// The plan's own catalogue entries need a source like the shipped ones.
fn own_entries(plan: &Plan, out: &mut Out) {
    for p in &plan.funding_catalogue {
        let at = ItemPath::field(Section::Funding, None, "funding_catalogue");
        let unsourced = p.sources.iter().all(|s| !s.is_complete())
            || p.calls
                .iter()
                .any(|c| !c.sources.is_empty() && c.sources.iter().all(|s| !s.is_complete()));
        if unsourced {
            out.push(
                Severity::Warning,
                "CATALOGUE_ENTRY_UNSOURCED",
                at,
                format!(
                    "The plan's catalogue entry {} has no source with a title, an address and an \"as of\" date",
                    label(&p.key, p.name(Lang::En), "")
                ),
                format!(
                    "Записът {} в каталога на плана няма източник със заглавие, адрес и дата на проверка",
                    label(&p.key, p.name(Lang::Bg), "")
                ),
            );
        }
    }
}

fn lines(plan: &Plan, catalogue: &Catalogue, out: &mut Out) {
    let currency = &plan.facts.currency;
    let money = |m: Money| both(|l| format::money(l, m, currency));
    let region = plan.facts.region_category;
    for a in &plan.actions {
        let name = label(&a.code, &a.title, a.id.as_str());
        let applicant = plan.applicant_type(&a.lead, a.lead_type);
        for f in &a.funding {
            let at = |field: &str| ItemPath::field(Section::Funding, Some(f.id.as_str()), field);
            let share = a
                .cost
                .filter(|c| c.cents() > 0)
                .map(|c| Money::percent_of(f.amount, c));
            // The stated rate is the share of the action's (eligible) cost this line pays.
            if let (Some(rate), Some(share)) = (f.co_financing_rate, share)
                && rate.is_finite()
                && (rate - share).abs() > RATE_TOLERANCE
            {
                let (r, s) = (pct(rate), pct(share));
                out.push(
                    Severity::Warning,
                    "FUNDING_RATE_MISMATCH",
                    at("co_financing_rate"),
                    format!(
                        "A {} line of action {name} states {} co-financing, but its amount is {} of the action's cost",
                        f.source.label(Lang::En),
                        r.0,
                        s.0
                    ),
                    format!(
                        "Ред {} на дейност {name} посочва съфинансиране {}, а сумата му е {} от стойността на дейността",
                        f.source.label(Lang::Bg),
                        r.1,
                        s.1
                    ),
                );
            }
            let whose = (
                format!("A funding line of action {name}"),
                format!("Ред от финансирането на дейност {name}"),
            );
            let Some(entry) = resolve(
                catalogue,
                f.catalogue.as_ref(),
                &at("catalogue"),
                (&whose.0, &whose.1),
                out,
            ) else {
                continue;
            };
            let caption = (entry.caption(Lang::En), entry.caption(Lang::Bg));
            if entry.fund() != f.source {
                out.push(
                    Severity::Error,
                    "FUNDING_SOURCE_MISMATCH",
                    at("source"),
                    format!(
                        "A funding line of action {name} says {} but refers to {}, which is {}",
                        f.source.label(Lang::En),
                        caption.0,
                        entry.fund().label(Lang::En)
                    ),
                    format!(
                        "Ред от финансирането на дейност {name} посочва {}, а сочи {}, която е {}",
                        f.source.label(Lang::Bg),
                        caption.1,
                        entry.fund().label(Lang::Bg)
                    ),
                );
            }
            let stated_or_share = f.co_financing_rate.filter(|r| r.is_finite()).or(share);
            if let (Some(rate), Some(max)) = (stated_or_share, entry.max_rate(region))
                && rate > max + 1e-9
            {
                let (r, m) = (pct(rate), pct(max));
                out.push(
                    Severity::Error,
                    "FUNDING_RATE_ABOVE_MAX",
                    at("co_financing_rate"),
                    format!(
                        "A funding line of action {name} asks {} of the cost from {}, which pays at most {}",
                        r.0, caption.0, m.0
                    ),
                    format!(
                        "Ред от финансирането на дейност {name} иска {} от стойността от {}, която плаща най-много {}",
                        r.1, caption.1, m.1
                    ),
                );
            }
            if let (Some(end), Some(until)) = (a.end, entry.eligible_until())
                && end > until.year_month()
            {
                let (e, u) = (
                    both(|l| format::month(l, end)),
                    both(|l| format::date(l, until)),
                );
                out.push(
                    Severity::Error,
                    "FUNDING_AFTER_ELIGIBILITY",
                    ItemPath::field(Section::Actions, Some(a.id.as_str()), "end"),
                    format!(
                        "Action {name} spends {} money until {}, but spending is eligible only until {}",
                        caption.0, e.0, u.0
                    ),
                    format!(
                        "Дейност {name} харчи средства от {} до {}, а разходите са допустими само до {}",
                        caption.1, e.1, u.1
                    ),
                );
            }
            if let Some(call) = entry.call {
                grant_limits(
                    call,
                    f.amount,
                    &at("amount"),
                    (&whose.0, &whose.1),
                    &caption,
                    &money,
                    out,
                );
            }
            applicant_allowed(
                &entry,
                applicant,
                &ItemPath::field(Section::Actions, Some(a.id.as_str()), "lead"),
                (&format!("action {name}"), &format!("дейност {name}")),
                &caption,
                out,
            );
        }
    }
}

/// A grant below the call's minimum or above its maximum.
fn grant_limits(
    call: &crate::model::catalogue::Call,
    grant: Money,
    at: &ItemPath,
    whose: (&str, &str),
    caption: &(String, String),
    money: &dyn Fn(Money) -> (String, String),
    out: &mut Out,
) {
    let (g, min, max) = (money(grant), call.min_grant, call.max_grant);
    if let Some(min) = min.filter(|m| grant < *m) {
        let m = money(min);
        out.push(
            Severity::Error,
            "FUNDING_BELOW_MIN_GRANT",
            at.clone(),
            format!(
                "{} asks {} from {}, less than its smallest grant, {}",
                whose.0, g.0, caption.0, m.0
            ),
            format!(
                "{} иска {} от {}, по-малко от най-малката безвъзмездна помощ, {}",
                whose.1, g.1, caption.1, m.1
            ),
        );
    }
    if let Some(max) = max.filter(|m| grant > *m) {
        let m = money(max);
        out.push(
            Severity::Error,
            "FUNDING_ABOVE_MAX_GRANT",
            at.clone(),
            format!(
                "{} asks {} from {}, more than its largest grant, {}",
                whose.0, g.0, caption.0, m.0
            ),
            format!(
                "{} иска {} от {}, повече от най-голямата безвъзмездна помощ, {}",
                whose.1, g.1, caption.1, m.1
            ),
        );
    }
}

/// An applicant of a type the programme or call does not admit.
fn applicant_allowed(
    entry: &Resolved<'_>,
    applicant: Option<Sector>,
    at: &ItemPath,
    whose: (&str, &str),
    caption: &(String, String),
    out: &mut Out,
) {
    let allowed = entry.applicants();
    let Some(applicant) = applicant else { return };
    if allowed.is_empty() || allowed.contains(&applicant) {
        return;
    }
    let list = |l: Lang| {
        allowed
            .iter()
            .map(|s| s.label(l))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push(
        Severity::Error,
        "FUNDING_APPLICANT_NOT_ELIGIBLE",
        at.clone(),
        format!(
            "The lead of {} is a body of type {}, which may not apply to {} (it admits: {})",
            whose.0,
            applicant.label(Lang::En),
            caption.0,
            list(Lang::En)
        ),
        format!(
            "Водещият на {} е от вида „{}“, който не може да кандидатства по {} (допустими: {})",
            whose.1,
            applicant.label(Lang::Bg),
            caption.1,
            list(Lang::Bg)
        ),
    );
}

fn pilots(plan: &Plan, catalogue: &Catalogue, out: &mut Out) {
    let currency = &plan.facts.currency;
    let money = |m: Money| both(|l| format::money(l, m, currency));
    let region = plan.facts.region_category;
    for p in &plan.pilots {
        let id = p.id.as_str();
        let name = label("", &p.title, id);
        let at = |field: &str| ItemPath::field(Section::Pilots, Some(id), field);
        let whose = (format!("Pilot {name}"), format!("Пилотен проект {name}"));
        budget_matches_actions(plan, p, &name, &money, out);
        let Some(entry) = resolve(
            catalogue,
            p.catalogue.as_ref(),
            &at("catalogue"),
            (&whose.0, &whose.1),
            out,
        ) else {
            continue;
        };
        let caption = (entry.caption(Lang::En), entry.caption(Lang::Bg));
        if p.fund.is_some_and(|f| f != entry.fund()) {
            out.push(
                Severity::Error,
                "FUNDING_SOURCE_MISMATCH",
                at("fund"),
                format!(
                    "Pilot {name} names a fund other than {}, which it applies to",
                    caption.0
                ),
                format!(
                    "Пилотен проект {name} посочва друг фонд, а кандидатства по {}",
                    caption.1
                ),
            );
        }
        if let (Some(rate), Some(max)) = (
            p.co_financing_rate.filter(|r| r.is_finite()),
            entry.max_rate(region),
        ) && rate > max + 1e-9
        {
            let (r, m) = (pct(rate), pct(max));
            out.push(
                Severity::Error,
                "FUNDING_RATE_ABOVE_MAX",
                at("co_financing_rate"),
                format!(
                    "Pilot {name} states {} co-financing from {}, which pays at most {}",
                    r.0, caption.0, m.0
                ),
                format!(
                    "Пилотен проект {name} посочва съфинансиране {} от {}, която плаща най-много {}",
                    r.1, caption.1, m.1
                ),
            );
        }
        let last = p
            .start
            .zip(p.duration_months.filter(|d| *d > 0))
            .map(|(s, d)| s.plus_months(d.min(1200) as i32 - 1));
        if let (Some(last), Some(until)) = (last, entry.eligible_until())
            && last > until.year_month()
        {
            let (e, u) = (
                both(|l| format::month(l, last)),
                both(|l| format::date(l, until)),
            );
            out.push(
                Severity::Error,
                "FUNDING_AFTER_ELIGIBILITY",
                at("duration_months"),
                format!(
                    "Pilot {name} runs until {}, but spending under {} is eligible only until {}",
                    e.0, caption.0, u.0
                ),
                format!(
                    "Пилотен проект {name} продължава до {}, а разходите по {} са допустими само до {}",
                    e.1, caption.1, u.1
                ),
            );
        }
        applicant_allowed(
            &entry,
            plan.applicant_type(&p.lead, p.lead_type),
            &at("lead"),
            (&format!("pilot {name}"), &format!("пилотен проект {name}")),
            &caption,
            out,
        );
        let Some(call) = entry.call else { continue };
        let grant = pilot_fund_share(p).unwrap_or_else(|| pilot_total(p));
        grant_limits(
            call,
            grant,
            &at("budget"),
            (&whose.0, &whose.1),
            &caption,
            &money,
            out,
        );
        if let (Some(d), Some(max)) = (p.duration_months, call.max_duration_months)
            && d > max
        {
            out.push(
                Severity::Error,
                "PILOT_TOO_LONG",
                at("duration_months"),
                format!(
                    "Pilot {name} lasts {d} months; {} allows at most {max}",
                    caption.0
                ),
                format!(
                    "Пилотен проект {name} продължава {d} месеца; {} допуска най-много {max}",
                    caption.1
                ),
            );
        }
        consortium(p, call, &name, &caption, out);
        if let (Some(closes), Some(today)) = (call.closes, plan.facts.date)
            && closes < today
            && matches!(p.readiness, Readiness::ReadyToSubmit | Readiness::Concept)
        {
            let c = both(|l| format::date(l, closes));
            out.push(
                Severity::Error,
                "PILOT_CALL_CLOSED",
                at("readiness"),
                format!(
                    "Pilot {name} is prepared for {}, which closed on {}, before the plan's date",
                    caption.0, c.0
                ),
                format!(
                    "Пилотен проект {name} се подготвя за {}, която е затворена на {}, преди датата на плана",
                    caption.1, c.1
                ),
            );
        }
    }
}

/// Too few partners, or partners from too few countries, for the call.
fn consortium(
    p: &Pilot,
    call: &crate::model::catalogue::Call,
    name: &str,
    caption: &(String, String),
    out: &mut Out,
) {
    let at = ItemPath::field(Section::Pilots, Some(p.id.as_str()), "partners");
    // The lead applicant counts with the partners.
    let partners = 1 + p.partners.iter().filter(|x| !x.trim().is_empty()).count() as u32;
    if let Some(min) = call.min_partners.filter(|m| partners < *m) {
        out.push(
            Severity::Error,
            "PILOT_CONSORTIUM_TOO_SMALL",
            at.clone(),
            format!(
                "Pilot {name} has {partners} applicants with its lead; {} requires at least {min}",
                caption.0
            ),
            format!(
                "Пилотен проект {name} има {partners} кандидати с водещия; {} изисква поне {min}",
                caption.1
            ),
        );
    }
    let mut countries: Vec<String> = p
        .countries
        .iter()
        .map(|c| c.trim().to_uppercase())
        .filter(|c| !c.is_empty())
        .collect();
    countries.sort();
    countries.dedup();
    let n = countries.len().max(1) as u32;
    if let Some(min) = call.min_countries.filter(|m| n < *m) {
        out.push(
            Severity::Error,
            "PILOT_TOO_FEW_COUNTRIES",
            ItemPath::field(Section::Pilots, Some(p.id.as_str()), "countries"),
            format!(
                "Pilot {name}'s applicants come from {n} countries; {} requires at least {min}",
                caption.0
            ),
            format!(
                "Кандидатите в пилотен проект {name} са от {n} държави; {} изисква поне {min}",
                caption.1
            ),
        );
    }
}

/// The pilot asks its fund for what the actions it implements plan from that fund.
fn budget_matches_actions(
    plan: &Plan,
    p: &Pilot,
    name: &str,
    money: &dyn Fn(Money) -> (String, String),
    out: &mut Out,
) {
    let Some(fund) = p.fund else { return };
    if p.budget.is_empty() || p.actions.is_empty() {
        return;
    }
    let asked = pilot_fund_share(p).unwrap_or_else(|| pilot_total(p));
    let planned: Money = p
        .actions
        .iter()
        .filter_map(|id| plan.action(id))
        .flat_map(|a| a.funding.iter())
        .filter(|f| f.source == fund)
        .map(|f| f.amount)
        .sum();
    let diff = if asked > planned {
        asked - planned
    } else {
        planned - asked
    };
    if diff > PILOT_MONEY_TOLERANCE {
        let (a, l) = (money(asked), money(planned));
        out.push(
            Severity::Warning,
            "PILOT_BUDGET_MISMATCH",
            ItemPath::field(Section::Pilots, Some(p.id.as_str()), "budget"),
            format!(
                "Pilot {name} asks {} from {}, but the actions it implements plan {} from that fund",
                a.0,
                fund.label(Lang::En),
                l.0
            ),
            format!(
                "Пилотен проект {name} иска {} от {}, а дейностите, които изпълнява, планират {} от този фонд",
                a.1,
                fund.label(Lang::Bg),
                l.1
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::check;
    use crate::model::catalogue::{Call, RegionRate, Source};

    const CODES: &[&str] = &[
        "FUNDING_RATE_MISMATCH",
        "FUNDING_RATE_ABOVE_MAX",
        "FUNDING_AFTER_ELIGIBILITY",
        "FUNDING_BELOW_MIN_GRANT",
        "FUNDING_ABOVE_MAX_GRANT",
        "FUNDING_APPLICANT_NOT_ELIGIBLE",
        "FUNDING_SOURCE_MISMATCH",
        "FUNDING_UNKNOWN_PROGRAMME",
        "FUNDING_UNKNOWN_CALL",
        "PILOT_CONSORTIUM_TOO_SMALL",
        "PILOT_TOO_FEW_COUNTRIES",
        "PILOT_CALL_CLOSED",
        "PILOT_TOO_LONG",
        "PILOT_BUDGET_MISMATCH",
        "CATALOGUE_ENTRY_UNSOURCED",
    ];

    fn reference(call: &str) -> Option<CallRef> {
        Some(CallRef {
            programme: "own-esf".into(),
            call: call.into(),
        })
    }

    /// A plan whose funding obeys every rule of its own catalogue entry.
    fn plan() -> Plan {
        let mut p = Plan::new();
        p.facts.municipality = "Столична община".into();
        p.facts.region_category = Some(RegionCategory::Transition);
        p.facts.date = "2025-03-14".parse().ok();
        p.funding_catalogue = vec![Programme {
            key: "own-esf".into(),
            name_en: "Own ESF+ programme".into(),
            fund: FundingSource::EsfPlus,
            max_rates: vec![
                RegionRate {
                    category: RegionCategory::LessDeveloped,
                    percent: 85.0,
                },
                RegionRate {
                    category: RegionCategory::Transition,
                    percent: 70.0,
                },
            ],
            eligible_until: "2029-12-31".parse().ok(),
            applicants: vec![Sector::Municipality, Sector::Ngo],
            sources: vec![Source {
                title: "Programme page".into(),
                url: "https://example.org/esf".into(),
                as_of: "2026-11-29".parse().ok(),
                ..Source::default()
            }],
            calls: vec![Call {
                key: "c".into(),
                title_en: "Integration".into(),
                opens: "2025-01-01".parse().ok(),
                closes: "2025-06-30".parse().ok(),
                min_grant: Some(Money::from_units(500)),
                max_grant: Some(Money::from_units(5_000)),
                max_duration_months: Some(24),
                min_partners: Some(3),
                min_countries: Some(2),
                ..Call::default()
            }],
            ..Programme::default()
        }];
        p.actions = vec![Action {
            id: "A-1".into(),
            code: "1.1".into(),
            title: "Language courses".into(),
            lead: "Столична община – направление „Образование“".into(),
            cost: Some(Money::from_units(1_000)),
            start: "2025-06".parse().ok(),
            end: "2027-05".parse().ok(),
            funding: vec![
                FundingLine {
                    id: "F-1".into(),
                    source: FundingSource::EsfPlus,
                    catalogue: reference("c"),
                    amount: Money::from_units(700),
                    co_financing_rate: Some(70.0),
                    ..FundingLine::default()
                },
                FundingLine {
                    id: "F-2".into(),
                    source: FundingSource::Municipal,
                    amount: Money::from_units(300),
                    ..FundingLine::default()
                },
            ],
            ..Action::default()
        }];
        p.pilots = vec![Pilot {
            id: "PL-1".into(),
            title: "Skills".into(),
            fund: Some(FundingSource::EsfPlus),
            catalogue: reference("c"),
            lead: "Столична община".into(),
            partners: vec!["NGO".into(), "City of Turin".into()],
            countries: vec!["BG".into(), "IT".into()],
            duration_months: Some(24),
            start: "2025-06".parse().ok(),
            budget: vec![BudgetItem {
                amount: Money::from_units(1_000),
                ..BudgetItem::default()
            }],
            co_financing_rate: Some(70.0),
            actions: vec!["A-1".into()],
            readiness: Readiness::ReadyToSubmit,
            ..Pilot::default()
        }];
        p
    }

    fn codes(p: &Plan) -> Vec<&'static str> {
        check(p)
            .findings
            .iter()
            .map(|f| f.code)
            .filter(|c| CODES.contains(c))
            .collect()
    }

    /// The plan, changed by `f`, raises `code` (and the unchanged plan raises nothing).
    fn raises(code: &str, f: impl FnOnce(&mut Plan)) {
        assert_eq!(codes(&plan()), Vec::<&str>::new(), "the base plan is clean");
        let mut p = plan();
        f(&mut p);
        let found = codes(&p);
        assert!(found.contains(&code), "{code} not in {found:?}");
    }

    fn line(p: &mut Plan) -> &mut FundingLine {
        &mut p.actions[0].funding[0]
    }

    #[test]
    fn a_stated_rate_must_match_the_lines_share_of_the_cost() {
        raises("FUNDING_RATE_MISMATCH", |p| {
            line(p).co_financing_rate = Some(60.0)
        });
        // Within rounding of one decimal: fine.
        let mut p = plan();
        line(&mut p).co_financing_rate = Some(69.6);
        assert!(codes(&p).is_empty(), "{:?}", codes(&p));
    }

    #[test]
    fn a_rate_above_the_maximum_for_the_region_is_an_error() {
        raises("FUNDING_RATE_ABOVE_MAX", |p| {
            line(p).amount = Money::from_units(800);
            line(p).co_financing_rate = Some(80.0);
            p.actions[0].funding[1].amount = Money::from_units(200);
        });
        raises("FUNDING_RATE_ABOVE_MAX", |p| {
            p.pilots[0].co_financing_rate = Some(85.0)
        });
        // In a less developed region 80 % is allowed.
        let mut p = plan();
        p.facts.region_category = Some(RegionCategory::LessDeveloped);
        line(&mut p).amount = Money::from_units(800);
        line(&mut p).co_financing_rate = Some(80.0);
        p.actions[0].funding[1].amount = Money::from_units(200);
        p.pilots[0].co_financing_rate = Some(80.0);
        assert!(!codes(&p).contains(&"FUNDING_RATE_ABOVE_MAX"));
    }

    #[test]
    fn spending_after_the_eligible_period_is_an_error() {
        raises("FUNDING_AFTER_ELIGIBILITY", |p| {
            p.actions[0].end = "2030-01".parse().ok()
        });
        raises("FUNDING_AFTER_ELIGIBILITY", |p| {
            p.pilots[0].start = "2028-06".parse().ok()
        });
    }

    #[test]
    fn grants_outside_the_calls_limits_are_errors() {
        raises("FUNDING_BELOW_MIN_GRANT", |p| {
            p.actions[0].cost = Some(Money::from_units(500));
            line(p).amount = Money::from_units(350);
            p.actions[0].funding[1].amount = Money::from_units(150);
        });
        raises("FUNDING_ABOVE_MAX_GRANT", |p| {
            p.pilots[0].budget[0].amount = Money::from_units(10_000)
        });
    }

    #[test]
    fn an_applicant_the_programme_does_not_admit_is_an_error() {
        raises("FUNDING_APPLICANT_NOT_ELIGIBLE", |p| {
            p.actions[0].lead_type = Some(Sector::Business)
        });
        raises("FUNDING_APPLICANT_NOT_ELIGIBLE", |p| {
            p.pilots[0].lead = "Фирма ООД".into();
            p.support_group.members.push(Member {
                organisation: "Фирма ООД".into(),
                sector: Sector::Business,
                ..Member::default()
            });
        });
        // A lead whose kind cannot be told is not accused.
        let mut p = plan();
        p.actions[0].lead = "Someone".into();
        assert!(codes(&p).is_empty());
    }

    #[test]
    fn a_consortium_too_small_for_the_call_is_an_error() {
        raises("PILOT_CONSORTIUM_TOO_SMALL", |p| {
            p.pilots[0].partners.pop();
        });
        raises("PILOT_TOO_FEW_COUNTRIES", |p| {
            p.pilots[0].countries = vec!["BG".into(), "bg ".into()]
        });
    }

    #[test]
    fn a_pilot_ready_for_a_closed_call_is_an_error() {
        raises("PILOT_CALL_CLOSED", |p| {
            p.facts.date = "2025-07-01".parse().ok()
        });
        // An idea for a closed call is not claimed to be ready.
        let mut p = plan();
        p.facts.date = "2025-07-01".parse().ok();
        p.pilots[0].readiness = Readiness::Idea;
        assert!(codes(&p).is_empty());
    }

    #[test]
    fn a_pilot_longer_than_the_call_allows_is_an_error() {
        raises("PILOT_TOO_LONG", |p| p.pilots[0].duration_months = Some(30));
    }

    #[test]
    fn a_pilot_must_ask_what_its_actions_plan_from_the_fund() {
        raises("PILOT_BUDGET_MISMATCH", |p| {
            p.pilots[0].budget[0].amount = Money::from_units(1_200)
        });
    }

    #[test]
    fn references_must_point_to_the_catalogue_and_agree_with_the_source() {
        raises("FUNDING_UNKNOWN_PROGRAMME", |p| {
            line(p).catalogue = Some(CallRef {
                programme: "nope".into(),
                call: String::new(),
            })
        });
        raises("FUNDING_UNKNOWN_CALL", |p| {
            line(p).catalogue = reference("nope")
        });
        raises("FUNDING_SOURCE_MISMATCH", |p| {
            line(p).source = FundingSource::Erdf
        });
    }

    #[test]
    fn the_plans_own_entries_need_a_source() {
        raises("CATALOGUE_ENTRY_UNSOURCED", |p| {
            p.funding_catalogue[0].sources.clear()
        });
    }

    #[test]
    fn messages_write_numbers_as_each_language_does() {
        let mut p = plan();
        line(&mut p).co_financing_rate = Some(62.5);
        let r = check(&p);
        let f = r
            .findings
            .iter()
            .find(|f| f.code == "FUNDING_RATE_MISMATCH")
            .unwrap();
        assert!(
            f.message_en.contains("62.5%") && f.message_en.contains("70%"),
            "{}",
            f.message_en
        );
        assert!(f.message_bg.contains("62,5\u{a0}%"), "{}", f.message_bg);
        assert_eq!(f.path.to_string(), "funding/F-1.co_financing_rate");
    }

    #[test]
    fn the_shipped_catalogue_is_sourced_and_consistent() {
        let shipped = crate::store::catalogue::shipped();
        assert!(shipped.len() >= 10, "{} programmes", shipped.len());
        let mut keys = std::collections::HashSet::new();
        for p in shipped {
            assert!(keys.insert(p.key.as_str()), "key {} twice", p.key);
            assert!(!p.name_en.is_empty() && !p.name_bg.is_empty(), "{}", p.key);
            assert!(
                p.sources.iter().any(Source::is_complete),
                "{} has no complete source",
                p.key
            );
            let mut calls = std::collections::HashSet::new();
            for c in &p.calls {
                assert!(calls.insert(c.key.as_str()), "{}/{} twice", p.key, c.key);
                assert!(
                    c.sources.iter().any(Source::is_complete),
                    "{}/{} has no complete source",
                    p.key,
                    c.key
                );
                if let (Some(o), Some(cl)) = (c.opens, c.closes) {
                    assert!(o <= cl, "{}/{} closes before it opens", p.key, c.key);
                }
                if let (Some(a), Some(b)) = (c.min_grant, c.max_grant) {
                    assert!(a <= b, "{}/{}", p.key, c.key);
                }
            }
            for r in &p.max_rates {
                assert!((0.0..=100.0).contains(&r.percent), "{}", p.key);
            }
        }
        // The 2021–2027 shared-management programmes end their eligibility in 2029.
        for key in ["bg-phrd-2021-2027", "bg-prd-2021-2027", "bg-amif-2021-2027"] {
            let p = shipped.iter().find(|p| p.key == key).unwrap();
            assert_eq!(p.eligible_until, "2029-12-31".parse().ok(), "{key}");
        }
    }
}
