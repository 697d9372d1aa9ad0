//! Plan files of format 3 and older, which kept a risk's threatened actions on the risk as well
//! as on each action, load into format 4 with every link from either side on the actions, and
//! the risk's view (`Plan::actions_threatened_by`, the register) agrees with the actions'; and
//! their free-text programmes and calls point to the funding catalogue (format 5).

use std::collections::BTreeSet;
use std::path::Path;

use lap_studio::model::integrity;
use lap_studio::model::{CallRef, FORMAT_VERSION, Lang, OpennessMethod, Plan};
use lap_studio::report::tables;
use lap_studio::store::{self, LoadErrorKind};

const FIXTURE: &str = "tests/fixtures/sofia-format-3.ron";

type Links = BTreeSet<(String, String)>;

/// The (action, risk) links a file states on either side, read from the text itself (not
/// through the model).
fn links_in_text(text: &str) -> Links {
    use ron::Value;
    let plan: Value = ron::from_str(text).expect("well-formed RON");
    let field = |v: &Value, name: &str| -> Option<Value> {
        let Value::Map(m) = v else { return None };
        m.iter()
            .find(|(k, _)| matches!(k, Value::String(s) if s == name))
            .map(|(_, v)| v.clone())
    };
    let list = |v: Option<Value>| -> Vec<Value> {
        match v {
            Some(Value::Seq(items)) => items,
            _ => Vec::new(),
        }
    };
    let text_of = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => panic!("not an id: {other:?}"),
    };
    let mut links = Links::new();
    for a in list(field(&plan, "actions")) {
        let id = text_of(&field(&a, "id").unwrap());
        for r in list(field(&a, "risks")) {
            links.insert((id.clone(), text_of(&r)));
        }
    }
    for r in list(field(&plan, "risks")) {
        let id = text_of(&field(&r, "id").unwrap());
        for a in list(field(&r, "actions")) {
            links.insert((text_of(&a), id.clone()));
        }
    }
    links
}

/// The links of a loaded plan, once as the actions state them and once as each risk sees
/// them; they must be the same.
fn links_in_plan(plan: &Plan) -> Links {
    let on_actions: Links = plan
        .actions
        .iter()
        .flat_map(|a| a.risks.iter().map(|r| (a.id.to_string(), r.to_string())))
        .collect();
    let on_risks: Links = plan
        .risks
        .iter()
        .flat_map(|r| {
            plan.actions_threatened_by(&r.id)
                .map(|a| (a.id.to_string(), r.id.to_string()))
        })
        .collect();
    assert_eq!(on_actions, on_risks, "the two views disagree");
    on_actions
}

fn old_sofia() -> (String, Plan) {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let plan = store::load(Path::new(FIXTURE)).unwrap_or_else(|e| panic!("{e}"));
    (text, plan)
}

#[test]
fn every_link_from_either_side_survives_the_migration() {
    let (text, plan) = old_sofia();
    assert!(text.contains("format_version: 3,"));
    let stated = links_in_text(&text);
    // The fixture holds links on both sides, some on one side only.
    for link in [
        ("A-1", "R-1"),
        ("A-3", "R-1"),
        ("A-2", "R-8"),
        ("A-17", "R-8"),
    ] {
        assert!(stated.contains(&(link.0.into(), link.1.into())), "{link:?}");
    }
    assert_eq!(plan.format_version, FORMAT_VERSION);
    assert_eq!(links_in_plan(&plan), stated);
    assert!(plan.risks.iter().all(|r| r.legacy_actions.is_none()));
    assert!(integrity::problems(&plan).is_empty());
    // An action keeps its own risks first; the ones only its risks named follow, in risk order.
    let risks_of = |id: &str| -> Vec<String> {
        let a = plan.action(&id.into()).unwrap();
        a.risks.iter().map(|r| r.to_string()).collect()
    };
    assert_eq!(risks_of("A-1"), ["R-1", "R-2"]);
    assert_eq!(risks_of("A-2"), ["R-1", "R-8"]);
    assert_eq!(risks_of("A-3"), ["R-7", "R-1"]);
    assert_eq!(risks_of("A-10"), ["R-4"]);
    // The register shows each risk's actions from the same source.
    let register = tables::risks(&plan, Lang::En);
    let r8 = plan
        .risks
        .iter()
        .position(|r| r.id.as_str() == "R-8")
        .unwrap();
    let actions_column = register.rows[r8].len() - 1;
    assert_eq!(
        register.rows[r8][actions_column],
        "1.2.1, 5.1.1, 5.1.2, 5.2.1"
    );
}

#[test]
fn written_again_it_is_the_current_format_with_the_links_once() {
    let (_, plan) = old_sofia();
    let text = store::to_ron(&plan);
    assert!(text.contains(&format!("format_version: {FORMAT_VERSION},")));
    let risks =
        &text[text.find("\n    risks: [").unwrap()..text.find("\n    governance:").unwrap()];
    assert!(!risks.contains("actions:"), "{risks}");
    let again = store::parse(&text, Path::new("again.ron")).unwrap();
    assert_eq!(again, plan);
    assert_eq!(links_in_text(&text), links_in_plan(&plan));
}

#[test]
fn after_deleting_an_action_the_two_views_still_agree() {
    let (_, mut plan) = old_sofia();
    // As the app deletes: the item goes, then every reference to it.
    plan.actions.retain(|a| a.id.as_str() != "A-2");
    integrity::forget(&mut plan, "A-2");
    let links = links_in_plan(&plan);
    assert!(links.iter().all(|(a, _)| a != "A-2"));
    assert!(links.contains(&("A-17".into(), "R-8".into())));
    assert!(integrity::problems(&plan).is_empty());
    // And after deleting a risk, no action names it.
    plan.risks.retain(|r| r.id.as_str() != "R-1");
    integrity::forget(&mut plan, "R-1");
    assert!(links_in_plan(&plan).iter().all(|(_, r)| r != "R-1"));
    assert!(integrity::problems(&plan).is_empty());
}

#[test]
fn a_file_of_a_newer_format_is_still_refused() {
    let next = FORMAT_VERSION + 1;
    for text in [
        format!(
            "(format_version: {next}, facts: (city: \"X\"), risks: [(id: \"R-1\", actions: [])])"
        ),
        // Even one that would otherwise read as a plan of today.
        format!("(format_version: {next})"),
    ] {
        let e = store::parse(&text, Path::new("future.ron")).unwrap_err();
        assert!(
            matches!(
                e.kind,
                LoadErrorKind::NewerVersion { found, supported }
                    if found == next && supported == FORMAT_VERSION
            ),
            "{e}"
        );
    }
}

/// Format 5: free-text programmes and calls of an older file point to the funding catalogue
/// where an entry names them; what no entry names stays as it was written.
#[test]
fn free_text_funding_is_linked_to_the_catalogue_and_the_rest_kept() {
    let (text, plan) = old_sofia();
    assert!(text.contains("format_version: 3"));
    let line = |id: &str| {
        plan.funding_lines()
            .map(|(_, f)| f)
            .find(|f| f.id.as_str() == id)
            .unwrap()
    };
    let reference = |programme: &str, call: &str| {
        Some(CallRef {
            programme: programme.into(),
            call: call.into(),
        })
    };
    // "Програма на ФУМИ 2021–2027" with a Union-actions call was never the national programme.
    let f1 = line("F-1");
    assert_eq!(
        f1.catalogue,
        reference("eu-amif-union-actions", "amif-2023-local")
    );
    assert_eq!((f1.programme.as_str(), f1.call.as_str()), ("", ""));
    assert_eq!(line("F-2").catalogue, reference("bg-municipal-budget", ""));
    // Employers' money is in no catalogue: its text stays.
    let employers = plan
        .funding_lines()
        .map(|(_, f)| f)
        .find(|f| f.programme == "Вноски на работодатели")
        .expect("the employers' line keeps its text");
    assert_eq!(employers.catalogue, None);
    // A programme found with a call no entry names keeps the call's text.
    let kept_call = plan
        .funding_lines()
        .map(|(_, f)| f)
        .find(|f| f.call == "Умения за работа")
        .expect("the unknown call's text is kept");
    assert_eq!(kept_call.catalogue, reference("bg-phrd-2021-2027", ""));
    assert!(kept_call.programme.is_empty());
    // Pilots too.
    assert!(
        plan.pilots.iter().all(|p| p.catalogue.is_some()),
        "{:?}",
        plan.pilots
            .iter()
            .map(|p| (&p.programme, &p.call))
            .collect::<Vec<_>>()
    );
    // Every reference resolves in the shipped catalogue.
    let catalogue = lap_studio::analysis::checks::catalogue_of(&plan);
    for r in plan
        .funding_lines()
        .filter_map(|(_, f)| f.catalogue.as_ref())
        .chain(plan.pilots.iter().filter_map(|p| p.catalogue.as_ref()))
    {
        let e = catalogue.resolve(r).unwrap_or_else(|| panic!("{r:?}"));
        assert!(r.call.is_empty() || e.call.is_some(), "{r:?}");
    }
}

/// Format 6: a format-5 file (the Sofia sample as it was) still loads; its openness index keeps
/// min–max, the method its published figures were computed with, and the new fields are empty.
#[test]
fn a_format_5_file_loads_and_keeps_min_max() {
    const OLD: &str = "tests/fixtures/sofia-format-5.ron";
    let text = std::fs::read_to_string(OLD).unwrap();
    assert!(text.contains("format_version: 5,"));
    assert!(!text.contains("method:"));
    let plan = store::load(Path::new(OLD)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.format_version, FORMAT_VERSION);
    assert_eq!(plan.openness.method, OpennessMethod::MinMax);
    assert!(plan.facts.signatories.is_empty());
    assert!(plan.facts.logos.is_empty() && plan.facts.eu_emblem.is_empty());
    assert!(plan.glossary.is_empty());
    assert!(integrity::problems(&plan).is_empty());
    // Its index is the one it showed: min–max, Sofia lowest in most areas.
    let idx = lap_studio::analysis::openness_index(&plan);
    let sofia = idx.home().unwrap();
    assert!(sofia.areas.iter().flatten().filter(|s| **s == 0.0).count() >= 5);
    // Written again, it says so, and reads back the same.
    let again = store::to_ron(&plan);
    assert!(again.contains("method: MinMax,"), "the method is written");
    assert_eq!(store::parse(&again, Path::new("again.ron")).unwrap(), plan);
    // A new plan scores relative to the average.
    assert_eq!(
        Plan::new().openness.method,
        OpennessMethod::RelativeToAverage
    );
    // The shipped sample does too, and its city is never at 0 there.
    let sample = lap_studio::store::templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    assert_eq!(sample.openness.method, OpennessMethod::RelativeToAverage);
    let idx = lap_studio::analysis::openness_index(&sample);
    let home = idx.home().unwrap();
    assert!(home.areas.iter().flatten().all(|s| *s > 0.0), "{home:?}");
}

/// Format 7: a format-6 file (the Sofia sample as it was) still loads; it has no definition of
/// openness yet, and its latest profile uses every value it has, one per city and indicator, as
/// its index did.
#[test]
fn a_format_6_file_loads_and_its_latest_profile_uses_every_value() {
    const OLD: &str = "tests/fixtures/sofia-format-6.ron";
    let text = std::fs::read_to_string(OLD).unwrap();
    assert!(text.contains("format_version: 6,"));
    let plan = store::load(Path::new(OLD)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.format_version, FORMAT_VERSION);
    assert!(plan.openness.definition.is_empty());
    assert_eq!(plan.openness.method, OpennessMethod::RelativeToAverage);
    assert!(integrity::problems(&plan).is_empty());
    let o = &plan.openness;
    let idx = lap_studio::analysis::openness_index(&plan);
    assert!(idx.missing.is_empty() && idx.carried.is_empty() && idx.empty.is_empty());
    for c in &o.cities {
        for i in o.areas.iter().flat_map(|a| &a.indicators) {
            let used = o.latest(&c.id, &i.id).expect("a value");
            let only: Vec<_> = o
                .values
                .iter()
                .filter(|v| v.city == c.id && v.indicator == i.id)
                .collect();
            assert_eq!(only, vec![used]);
        }
    }
    // Written again, it is the current format and reads back the same.
    let again = store::to_ron(&plan);
    assert!(again.contains(&format!("format_version: {FORMAT_VERSION},")));
    assert_eq!(store::parse(&again, Path::new("again.ron")).unwrap(), plan);
}

/// Formats 8 and 9: a format-7 file (the Sofia sample before good practices, the exchange
/// register and monitoring) still loads, with no practices, no exchanges, no action adapting
/// anything, no monitoring rounds, no milestones and the default tolerance; written again it
/// has no `monitoring` field (nothing to say), and reads back the same.
#[test]
fn a_format_7_file_loads_without_practices_exchanges_or_rounds() {
    const OLD: &str = "tests/fixtures/sofia-format-7.ron";
    let text = std::fs::read_to_string(OLD).unwrap();
    assert!(text.contains("format_version: 7,"));
    let plan = store::load(Path::new(OLD)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.format_version, FORMAT_VERSION);
    assert!(plan.practices.is_empty() && plan.exchanges.is_empty());
    assert!(plan.actions.iter().all(|a| a.adapts.is_none()));
    assert!(integrity::problems(&plan).is_empty());
    // Its openness values (format 7) are untouched.
    assert!(plan.openness.years().len() >= 2);
    assert!(plan.monitoring.rounds.is_empty());
    assert_eq!(
        plan.monitoring.tolerance,
        lap_studio::model::DEFAULT_TOLERANCE
    );
    assert!(plan.actions.iter().all(|a| a.milestones.is_empty()));
    let again = store::to_ron(&plan);
    assert!(again.contains(&format!("format_version: {FORMAT_VERSION},")));
    assert!(!again.contains("\n    monitoring:"));
    assert_eq!(store::parse(&again, Path::new("again.ron")).unwrap(), plan);
}
