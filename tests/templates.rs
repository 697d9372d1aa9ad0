//! Every template loads, is stored in canonical form, and has no broken ids or references; the
//! Sofia plan is complete and passes every check.

use std::collections::HashSet;
use std::path::Path;

use lap_studio::analysis::{self, Severity};
use lap_studio::model::integrity;
use lap_studio::model::*;
use lap_studio::store::{self, templates::TEMPLATES};

#[test]
fn every_template_loads_canonically_with_intact_references() {
    let names: Vec<&str> = TEMPLATES.iter().map(|t| t.name).collect();
    assert_eq!(
        names,
        [
            "sofia-open-cities",
            "vienna-open-cities",
            "dublin-open-cities",
            "urbact-generic",
            "blank"
        ]
    );
    for t in TEMPLATES {
        let plan = t.plan().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plan.format_version, FORMAT_VERSION, "{}", t.name);
        assert_eq!(
            store::to_ron(&plan),
            t.text,
            "{} is not stored canonically: run `lap-studio fmt`",
            t.name
        );
        assert!(integrity::problems(&plan).is_empty(), "{}", t.name);
        // The file on disk is the one embedded.
        let on_disk = store::load(Path::new(&format!("plan-templates/{}.ron", t.name))).unwrap();
        assert_eq!(on_disk, plan);
    }
}

#[test]
fn the_generic_template_guides_every_section() {
    let plan = store::templates::find("urbact-generic")
        .unwrap()
        .plan()
        .unwrap();
    assert_eq!(plan.facts.language, Lang::En);
    let text = store::templates::find("urbact-generic").unwrap().text;
    assert!(text.matches("Guidance:").count() >= 15);
    for section in [
        &plan.context.narrative,
        &plan.vision,
        &plan.governance.monitoring,
        &plan.openness.description,
        &plan.facts.summary,
    ] {
        assert!(section.starts_with("Guidance:"), "{section}");
    }
    assert!(!plan.objectives.is_empty() && !plan.actions.is_empty() && !plan.pilots.is_empty());
    assert_eq!(plan.openness.areas.len(), 11);
}

fn sofia() -> Plan {
    store::templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap()
}

#[test]
fn sofia_passes_every_check() {
    let report = analysis::check(&sofia());
    let not_hints: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Hint)
        .collect();
    assert!(not_hints.is_empty(), "{not_hints:#?}");
    assert_eq!(report.completeness_percent(), 100);
}

#[test]
fn sofia_is_a_complete_realistic_plan() {
    let p = sofia();
    assert_eq!(p.facts.city, "София");
    assert_eq!(p.facts.language, Lang::Bg);
    assert!(p.objectives.len() >= 4);
    assert!(p.actions.len() >= 15);
    assert!(p.indicators.len() >= 10);
    assert!(p.risks.len() >= 6);
    assert!(p.support_group.members.len() >= 10);
    let sectors: HashSet<Sector> = p.support_group.members.iter().map(|m| m.sector).collect();
    for s in [
        Sector::Municipality,
        Sector::Ngo,
        Sector::Research,
        Sector::Business,
        Sector::MigrantOrganisation,
        Sector::PublicAgency,
    ] {
        assert!(sectors.contains(&s), "no member from {s:?}");
    }
    let funds: HashSet<FundingSource> = p.pilots.iter().filter_map(|x| x.fund).collect();
    for f in [
        FundingSource::EsfPlus,
        FundingSource::Amif,
        FundingSource::EuiInnovativeActions,
    ] {
        assert!(funds.contains(&f), "no pilot for {f:?}");
    }
    assert!(
        !p.strategies.marketing.goals.is_empty()
            && !p.strategies.internationalisation.goals.is_empty()
    );
    assert!(p.strategies.goals().any(|(_, g)| g.skilled_migrants));
    assert!(
        p.actions
            .iter()
            .filter(|a| !a.strategy_goals.is_empty())
            .count()
            >= 5
    );
    // The facts of the domain brief are in the evidence.
    let values: Vec<f64> = p.context.evidence.iter().filter_map(|e| e.value).collect();
    for v in [1_221_172.0, 5_098.0, 30_405.0, 1_291_591.0] {
        assert!(values.contains(&v), "{v}");
    }
    // Openness: Sofia against Belfast, Dublin, Madrid and Vienna on the 11 OPENCities areas.
    let cities: Vec<&str> = p.openness.cities.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(cities, ["София", "Белфаст", "Дъблин", "Мадрид", "Виена"]);
    assert_eq!(p.openness.areas.len(), 11);
    let index = analysis::openness_index(&p);
    assert!(index.cities.iter().all(|c| c.overall.is_some()));
    assert_eq!(index.home().map(|c| c.name.as_str()), Some("София"));
    // The impact indicator's baseline is the index the plan computes.
    let i11 = p.indicators.iter().find(|i| i.code == "ИВ1").unwrap();
    let home = index.home().unwrap().overall.unwrap();
    assert!((i11.baseline.as_ref().unwrap().value - (home * 10.0).round() / 10.0).abs() < 1e-9);
}

#[test]
fn sofia_budget_adds_up() {
    let p = sofia();
    let b = analysis::budget(&p);
    let cost: Money = p.actions.iter().filter_map(|a| a.cost).sum();
    assert_eq!(b.total_cost, cost);
    assert_eq!(b.funded(), cost);
    assert_eq!(b.gap, Money::ZERO);
    assert_eq!(b.by_year.iter().map(|(_, m)| *m).sum::<Money>(), cost);
    assert_eq!(b.by_source.iter().map(|s| s.total()).sum::<Money>(), cost);
    let years: Vec<i32> = b.by_year.iter().map(|(y, _)| *y).collect();
    assert_eq!(years, (2025..=2030).collect::<Vec<_>>());
}

/// The sample every user opens first tells the truth: its sources are listed, its EU money
/// points to the funding catalogue, and it uses the legal terms of the law.
#[test]
fn sofia_is_sourced_and_its_eu_money_comes_from_the_catalogue() {
    let p = sofia();
    assert!(p.sources.len() >= 40, "{} sources", p.sources.len());
    for s in &p.sources {
        assert!(
            !s.title.trim().is_empty()
                && s.url.starts_with("http")
                && s.accessed.is_some()
                && !s.supports.trim().is_empty(),
            "{s:?}"
        );
    }
    for e in &p.context.evidence {
        assert!(!e.source.trim().is_empty(), "{} has no source", e.id);
    }
    assert_eq!(
        p.facts.region_category,
        Some(lap_studio::model::RegionCategory::Transition)
    );
    let catalogue = analysis::checks::catalogue_of(&p);
    for (a, f) in p.funding_lines() {
        let eu = !matches!(
            f.source,
            lap_studio::model::FundingSource::Private | lap_studio::model::FundingSource::Other
        );
        if eu {
            let r = f
                .catalogue
                .as_ref()
                .unwrap_or_else(|| panic!("{} {}", a.code, f.id));
            assert!(catalogue.resolve(r).is_some(), "{r:?}");
        }
    }
    assert!(p.pilots.iter().all(|x| x.catalogue.is_some()));
    // The population under temporary protection is in the evidence.
    assert!(
        p.context
            .evidence
            .iter()
            .any(|e| e.label.contains("временна закрила")),
        "temporary protection"
    );
    // „граждани на трети държави“, as EU and Bulgarian law write it.
    let text = store::to_ron(&p);
    assert!(
        !text.contains("трети страни"),
        "„трети страни“ is not the legal term"
    );
}

/// The two partner samples (issue 14): English, complete, every check passed, sourced, and on
/// Sofia's openness framework (the same area and indicator ids and directions), with the share
/// of foreign citizens for several years.
#[test]
fn the_partner_samples_are_complete_sourced_and_share_sofias_framework() {
    let sofia = sofia();
    let framework = |p: &Plan| -> Vec<(String, String, Direction)> {
        p.openness
            .areas
            .iter()
            .flat_map(|a| {
                a.indicators
                    .iter()
                    .map(move |i| (a.id.to_string(), i.id.to_string(), i.direction))
            })
            .collect()
    };
    for (name, city) in [("vienna-open-cities", "C-5"), ("dublin-open-cities", "C-3")] {
        let p = store::templates::find(name).unwrap().plan().unwrap();
        assert_eq!(p.facts.language, Lang::En, "{name}");
        let report = analysis::check(&p);
        assert!(report.findings.is_empty(), "{name}: {:#?}", report.findings);
        assert_eq!(report.completeness_percent(), 100, "{name}");
        assert_eq!(framework(&p), framework(&sofia), "{name}");
        assert_eq!(
            p.openness.home_city.as_ref().map(|c| c.as_str()),
            Some(city)
        );
        // Assumptions are said to be assumptions, and facts have their addresses.
        assert!(p.facts.summary.contains("planning assumptions"), "{name}");
        assert!(p.sources.len() >= 10, "{name}");
        assert!(
            p.sources.iter().all(|s| s.url.starts_with("http")),
            "{name}"
        );
        let years: HashSet<i32> = p
            .openness
            .values
            .iter()
            .filter(|v| v.city.as_str() == city && v.indicator.as_str() == "OI-1")
            .filter_map(|v| v.year)
            .collect();
        assert!(years.len() >= 2, "{name}: {years:?}");
        for v in p
            .openness
            .values
            .iter()
            .filter(|v| v.indicator.as_str() == "OI-1")
        {
            assert!(v.source.contains("http"), "{name}: {}", v.source);
        }
    }
}

/// The Sofia sample's two monitoring rounds (end of 2025 and of 2026) are marked illustrative,
/// and judged as a reader would by hand (see the issue-15 notes in the sample's rounds): as of
/// 2026 two actions are at risk (recognition of qualifications not started, school mediators'
/// milestone missed), language courses are off track, four indicators at risk, two not measured.
#[test]
fn sofia_monitoring_rounds_read_as_a_story() {
    use lap_studio::analysis::monitoring::{self, Rag, Reason};
    let p = sofia();
    let rounds = &p.monitoring.rounds;
    assert_eq!(rounds.len(), 2);
    for r in rounds {
        assert!(r.note.starts_with("ИЛЮСТРАТИВЕН КРЪГ"), "{}", r.note);
    }
    assert_eq!(p.monitoring.latest().unwrap().id.as_str(), "MR-2");
    let first = monitoring::status(&p, Some(&"MR-1".into()));
    assert_eq!(first.action_counts(), [16, 2, 0, 0]);
    let rag = |s: &monitoring::MonitoringStatus, id: &str| {
        let i = p.actions.iter().position(|a| a.id.as_str() == id).unwrap();
        (s.actions[i].status.rag, s.actions[i].status.reasons.clone())
    };
    assert!(
        matches!(rag(&first, "A-2"), (Rag::AtRisk, r) if matches!(r[0], Reason::LateStart { months: 6, .. }))
    );
    assert!(
        matches!(rag(&first, "A-10"), (Rag::AtRisk, r) if matches!(r[0], Reason::SpendAhead { .. }))
    );
    let now = monitoring::status(&p, None);
    assert_eq!(now.round.as_ref().unwrap().as_str(), "MR-2");
    assert_eq!(now.action_counts(), [16, 2, 0, 0]);
    assert!(
        matches!(rag(&now, "A-6"), (Rag::AtRisk, r) if matches!(r[0], Reason::LateStart { months: 11, .. }))
    );
    assert!(
        matches!(rag(&now, "A-12"), (Rag::AtRisk, r) if matches!(r[0], Reason::MilestoneOverdue { .. }))
    );
    // A-17 was completed in the first round; the second does not repeat it.
    assert_eq!(rag(&now, "A-17").0, Rag::OnTrack);
    assert_eq!(now.indicator_counts(), [9, 4, 1, 2]);
    let spent: Money = now.actions.iter().map(|a| a.spent).sum();
    assert_eq!(spent, Money::from_units(2_015_500));
    // The plan itself is untouched by its rounds: the same fingerprint without them.
    let mut bare = p.clone();
    bare.monitoring = Monitoring::default();
    assert_eq!(store::fingerprint(&bare), store::fingerprint(&p));
    assert_ne!(
        store::monitoring_fingerprint(&bare),
        store::monitoring_fingerprint(&p)
    );
}
