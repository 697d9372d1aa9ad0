//! Any plan survives save and load unchanged, and is written the same way every time.

use std::path::Path;

use lap_studio::model::{Comment, Date, ItemPath, Money, Plan, PlanStatus, Reply, Section, money};
use lap_studio::store;
use proptest::prelude::*;

/// Text a planner might type: Cyrillic, Arabic, Chinese, emoji, quotes, backslashes, new lines,
/// control characters, and RON's own punctuation.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        "[а-яА-Я „“\"\\\\\n\t(),:\\[\\]]{0,40}",
        Just("مركز اللاجئين 难民中心 🤝".to_owned()),
        Just("\u{0}\u{7f}\u{200b}\u{feff}".to_owned()),
    ]
}

fn any_money() -> impl Strategy<Value = Money> {
    (-money::MAX_AMOUNT_CENTS..=money::MAX_AMOUNT_CENTS).prop_map(Money::from_cents)
}

fn any_number() -> impl Strategy<Value = f64> {
    // Finite numbers; NaN never equals itself, and the checks refuse it anyway.
    prop_oneof![
        any::<f64>().prop_filter("finite", |x| x.is_finite()),
        Just(0.0),
        Just(-0.5),
        Just(1e300)
    ]
}

prop_compose! {
    /// A generated plan with arbitrary text, amounts and numbers written into its fields.
    fn any_plan()(
        actions in 0usize..25,
        seed in any::<u64>(),
        texts in prop::collection::vec(any_text(), 12),
        amounts in prop::collection::vec(any_money(), 4),
        numbers in prop::collection::vec(any_number(), 4),
        status in prop::sample::select(PlanStatus::ALL),
        drop_period in any::<bool>(),
    ) -> Plan {
        let mut p = lap_studio::synthetic::plan(actions, seed);
        p.facts.title = texts[0].clone();
        p.facts.city = texts[1].clone();
        p.vision = texts[2].clone();
        p.facts.authors.push(texts[3].clone());
        p.facts.status = status;
        if drop_period {
            p.facts.period_end = None;
        }
        p.context.evidence[0].value = Some(numbers[0]);
        p.context.evidence[1].note = texts[4].clone();
        p.openness.values[0].value = numbers[1];
        p.indicators[0].targets[0].value = numbers[2];
        p.support_group.members[0].organisation = texts[5].clone();
        p.risks[0].mitigation = texts[6].clone();
        p.governance.monitoring = texts[7].clone();
        p.comments.push(Comment {
            id: "CM-1".into(),
            author: texts[8].clone(),
            text: texts[9].clone(),
            target: ItemPath::section(Section::Risks),
            replies: vec![Reply { author: texts[10].clone(), text: texts[11].clone(), date: Date::new(2025, 2, 28) }],
            ..Comment::default()
        });
        if let Some(a) = p.actions.first_mut() {
            a.cost = Some(amounts[0]);
            a.title = texts[11].clone();
            a.funding[0].amount = amounts[1];
            a.funding[0].co_financing_rate = Some(numbers[3]);
        }
        if let Some(pl) = p.pilots.first_mut() {
            pl.budget[0].amount = amounts[2];
        }
        p
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn save_then_load_gives_the_same_plan(plan in any_plan()) {
        let text = store::to_ron(&plan);
        let loaded = store::parse(&text, Path::new("p.ron")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&loaded, &plan);
        // Same plan, same bytes.
        prop_assert_eq!(store::to_ron(&loaded), text.clone());
        prop_assert_eq!(store::to_ron(&plan), text);
    }

    #[test]
    fn through_the_disk_too(plan in any_plan()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        store::save(&path, &plan).unwrap();
        store::save(&path, &plan).unwrap();
        prop_assert_eq!(store::load(&path).unwrap(), plan);
        prop_assert_eq!(std::fs::read(&path).unwrap(), std::fs::read(store::atomic::backup_path(&path)).unwrap());
    }
}
