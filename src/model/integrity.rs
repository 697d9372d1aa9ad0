//! Referential integrity: every item's id is unique and every reference points at an existing
//! item of the right kind. The loader refuses files that break this (with line and column), and
//! the checks report it for plans edited in memory.

use std::collections::{HashMap, HashSet};

use super::path::{ItemPath, Section};
use super::plan::Plan;

/// What kind of item an id names; references are typed by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// Context evidence.
    Evidence,
    /// Support group member.
    Member,
    /// Support group meeting.
    Meeting,
    /// Problem.
    Problem,
    /// Strategic objective.
    Objective,
    /// Specific objective.
    SpecificObjective,
    /// Action.
    Action,
    /// Funding line.
    FundingLine,
    /// Strategy goal.
    StrategyGoal,
    /// Pilot fiche.
    Pilot,
    /// Indicator.
    Indicator,
    /// Risk.
    Risk,
    /// Openness city.
    City,
    /// Openness area.
    OpennessArea,
    /// Openness indicator.
    OpennessIndicator,
    /// Review comment.
    Comment,
}

impl ItemKind {
    /// A planner's name for the kind, in English and Bulgarian.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            ItemKind::Evidence => ("evidence item", "данни"),
            ItemKind::Member => ("support group member", "член на групата"),
            ItemKind::Meeting => ("meeting", "среща"),
            ItemKind::Problem => ("problem", "проблем"),
            ItemKind::Objective => ("strategic objective", "стратегическа цел"),
            ItemKind::SpecificObjective => ("specific objective", "специфична цел"),
            ItemKind::Action => ("action", "дейност"),
            ItemKind::FundingLine => ("funding line", "източник на финансиране"),
            ItemKind::StrategyGoal => ("strategy goal", "стратегическа цел на града"),
            ItemKind::Pilot => ("pilot fiche", "пилотен проект"),
            ItemKind::Indicator => ("indicator", "индикатор"),
            ItemKind::Risk => ("risk", "риск"),
            ItemKind::City => ("city", "град"),
            ItemKind::OpennessArea => ("openness area", "област на отвореност"),
            ItemKind::OpennessIndicator => ("openness indicator", "индикатор за отвореност"),
            ItemKind::Comment => ("comment", "коментар"),
        }
    }
}

impl ItemKind {
    /// The plural of the kind, as counted ("4 actions", "4 дейности"), in English and Bulgarian.
    pub fn plural_names(self) -> (&'static str, &'static str) {
        match self {
            ItemKind::Evidence => ("evidence items", "данни"),
            ItemKind::Member => ("support group members", "членове на групата"),
            ItemKind::Meeting => ("meetings", "срещи"),
            ItemKind::Problem => ("problems", "проблема"),
            ItemKind::Objective => ("strategic objectives", "стратегически цели"),
            ItemKind::SpecificObjective => ("specific objectives", "специфични цели"),
            ItemKind::Action => ("actions", "дейности"),
            ItemKind::FundingLine => ("funding lines", "източника на финансиране"),
            ItemKind::StrategyGoal => ("strategy goals", "стратегически цели на града"),
            ItemKind::Pilot => ("pilot fiches", "пилотни проекта"),
            ItemKind::Indicator => ("indicators", "индикатора"),
            ItemKind::Risk => ("risks", "риска"),
            ItemKind::City => ("cities", "града"),
            ItemKind::OpennessArea => ("openness areas", "области на отвореност"),
            ItemKind::OpennessIndicator => ("openness indicators", "индикатора за отвореност"),
            ItemKind::Comment => ("comments", "коментара"),
        }
    }
}

/// An item that has an id.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemEntry<'a> {
    /// Its kind.
    pub kind: ItemKind,
    /// Its id.
    pub id: &'a str,
    /// Where it is.
    pub path: ItemPath,
}

/// A reference from one item to another.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference<'a> {
    /// The referring item and field.
    pub from: ItemPath,
    /// The kind of item it must point at.
    pub kind: ItemKind,
    /// The id it points at.
    pub target: &'a str,
}

/// A break of integrity.
#[derive(Clone, Debug, PartialEq)]
pub enum IntegrityProblem {
    /// An item has an empty id.
    EmptyId {
        /// The item's kind.
        kind: ItemKind,
        /// Where it is (the path's item is its position, 1-based, since it has no id).
        path: ItemPath,
    },
    /// Two or more items share an id.
    DuplicateId {
        /// The id.
        id: String,
        /// Where the second (third…) one is.
        path: ItemPath,
        /// How many times it was seen before (1 for the first duplicate).
        occurrence: usize,
    },
    /// A reference points at nothing.
    Dangling {
        /// The referring item and field.
        from: ItemPath,
        /// The kind it should point at.
        kind: ItemKind,
        /// The missing id.
        target: String,
    },
    /// A comment is about an item that does not exist.
    DanglingTarget {
        /// The comment's target field.
        from: ItemPath,
        /// The missing id.
        target: String,
    },
}

impl IntegrityProblem {
    /// The message in English and Bulgarian.
    pub fn messages(&self) -> (String, String) {
        match self {
            IntegrityProblem::EmptyId { kind, .. } => {
                let (en, bg) = kind.names();
                (
                    format!("A {en} has no id"),
                    format!("Елемент ({bg}) няма идентификатор"),
                )
            }
            IntegrityProblem::DuplicateId { id, .. } => (
                format!("The id \"{id}\" is used by more than one item"),
                format!("Идентификаторът \"{id}\" се използва от повече от един елемент"),
            ),
            IntegrityProblem::Dangling { from, kind, target } => {
                let (en, bg) = kind.names();
                let field = from.field.as_deref().unwrap_or("");
                (
                    format!("{field} refers to {en} \"{target}\", which does not exist"),
                    format!("{field} сочи към {bg} \"{target}\", който не съществува"),
                )
            }
            IntegrityProblem::DanglingTarget { target, .. } => (
                format!("The comment is about item \"{target}\", which does not exist"),
                format!("Коментарът е за елемент \"{target}\", който не съществува"),
            ),
        }
    }

    /// The id whose text marks the problem in a plan file, and which of its occurrences after
    /// the owning item's id it is (duplicates: the n-th occurrence overall).
    pub fn marker(&self) -> &str {
        match self {
            IntegrityProblem::EmptyId { .. } => "",
            IntegrityProblem::DuplicateId { id, .. } => id,
            IntegrityProblem::Dangling { target, .. }
            | IntegrityProblem::DanglingTarget { target, .. } => target,
        }
    }

    /// Where the problem is.
    pub fn path(&self) -> &ItemPath {
        match self {
            IntegrityProblem::EmptyId { path, .. } | IntegrityProblem::DuplicateId { path, .. } => {
                path
            }
            IntegrityProblem::Dangling { from, .. }
            | IntegrityProblem::DanglingTarget { from, .. } => from,
        }
    }
}

/// Every item that has an id, in file order.
pub fn items(plan: &Plan) -> Vec<ItemEntry<'_>> {
    use ItemKind as K;
    use Section as S;
    let mut v: Vec<ItemEntry<'_>> = Vec::new();
    fn item<'a>(v: &mut Vec<ItemEntry<'a>>, kind: ItemKind, id: &'a str, section: Section) {
        v.push(ItemEntry {
            kind,
            id,
            path: ItemPath::item(section, id),
        });
    }
    let p = plan;
    p.context
        .evidence
        .iter()
        .for_each(|e| item(&mut v, K::Evidence, e.id.as_str(), S::Context));
    p.support_group
        .members
        .iter()
        .for_each(|m| item(&mut v, K::Member, m.id.as_str(), S::SupportGroup));
    p.support_group
        .meetings
        .iter()
        .for_each(|m| item(&mut v, K::Meeting, m.id.as_str(), S::SupportGroup));
    p.problems
        .iter()
        .for_each(|x| item(&mut v, K::Problem, x.id.as_str(), S::Problems));
    for o in &p.objectives {
        item(&mut v, K::Objective, o.id.as_str(), S::Objectives);
        o.specific
            .iter()
            .for_each(|s| item(&mut v, K::SpecificObjective, s.id.as_str(), S::Objectives));
    }
    for a in &p.actions {
        item(&mut v, K::Action, a.id.as_str(), S::Actions);
        a.funding
            .iter()
            .for_each(|f| item(&mut v, K::FundingLine, f.id.as_str(), S::Funding));
    }
    p.strategies
        .goals()
        .for_each(|(_, g)| item(&mut v, K::StrategyGoal, g.id.as_str(), S::StrategyLinks));
    p.pilots
        .iter()
        .for_each(|x| item(&mut v, K::Pilot, x.id.as_str(), S::Pilots));
    p.indicators
        .iter()
        .for_each(|x| item(&mut v, K::Indicator, x.id.as_str(), S::Indicators));
    p.risks
        .iter()
        .for_each(|x| item(&mut v, K::Risk, x.id.as_str(), S::Risks));
    p.openness
        .cities
        .iter()
        .for_each(|c| item(&mut v, K::City, c.id.as_str(), S::Openness));
    for a in &p.openness.areas {
        item(&mut v, K::OpennessArea, a.id.as_str(), S::Openness);
        a.indicators
            .iter()
            .for_each(|i| item(&mut v, K::OpennessIndicator, i.id.as_str(), S::Openness));
    }
    p.comments
        .iter()
        .for_each(|c| item(&mut v, K::Comment, c.id.as_str(), S::Review));
    v
}

/// Every reference between items, in file order. Comment targets are not here: they may point
/// at any kind of item and are resolved against all ids by [`problems`].
pub fn references(plan: &Plan) -> Vec<Reference<'_>> {
    use ItemKind as K;
    use Section as S;
    let mut v: Vec<Reference<'_>> = Vec::new();
    fn r<'a>(
        v: &mut Vec<Reference<'a>>,
        section: Section,
        owner: &str,
        field: &str,
        kind: ItemKind,
        target: &'a str,
    ) {
        v.push(Reference {
            from: ItemPath::field(section, Some(owner), field),
            kind,
            target,
        });
    }
    for m in &plan.support_group.meetings {
        m.attendees.iter().for_each(|t| {
            r(
                &mut v,
                S::SupportGroup,
                m.id.as_str(),
                "attendees",
                K::Member,
                t.as_str(),
            )
        });
    }
    for p in &plan.problems {
        p.evidence.iter().for_each(|t| {
            r(
                &mut v,
                S::Problems,
                p.id.as_str(),
                "evidence",
                K::Evidence,
                t.as_str(),
            )
        });
    }
    for o in &plan.objectives {
        o.problems.iter().for_each(|t| {
            r(
                &mut v,
                S::Objectives,
                o.id.as_str(),
                "problems",
                K::Problem,
                t.as_str(),
            )
        });
        for s in &o.specific {
            s.indicators.iter().for_each(|t| {
                r(
                    &mut v,
                    S::Objectives,
                    s.id.as_str(),
                    "indicators",
                    K::Indicator,
                    t.as_str(),
                )
            });
        }
    }
    for a in &plan.actions {
        let id = a.id.as_str();
        if let Some(o) = &a.objective {
            r(
                &mut v,
                S::Actions,
                id,
                "objective",
                K::Objective,
                o.as_str(),
            );
        }
        if let Some(s) = &a.specific_objective {
            r(
                &mut v,
                S::Actions,
                id,
                "specific_objective",
                K::SpecificObjective,
                s.as_str(),
            );
        }
        a.indicators.iter().for_each(|t| {
            r(
                &mut v,
                S::Actions,
                id,
                "indicators",
                K::Indicator,
                t.as_str(),
            )
        });
        a.risks
            .iter()
            .for_each(|t| r(&mut v, S::Actions, id, "risks", K::Risk, t.as_str()));
        a.depends_on
            .iter()
            .for_each(|t| r(&mut v, S::Actions, id, "depends_on", K::Action, t.as_str()));
        a.strategy_goals.iter().for_each(|t| {
            r(
                &mut v,
                S::StrategyLinks,
                id,
                "strategy_goals",
                K::StrategyGoal,
                t.as_str(),
            )
        });
    }
    for p in &plan.pilots {
        p.actions.iter().for_each(|t| {
            r(
                &mut v,
                S::Pilots,
                p.id.as_str(),
                "actions",
                K::Action,
                t.as_str(),
            )
        });
    }
    // A risk's threatened actions are the actions whose `risks` name it, checked above. What a
    // file of format 3 or older listed on the risk is folded into those actions when it is read
    // (`store::migrate`); only ids that named no action are left here, and they are reported.
    for k in &plan.risks {
        k.legacy_actions.iter().flatten().for_each(|t| {
            r(
                &mut v,
                S::Risks,
                k.id.as_str(),
                "actions",
                K::Action,
                t.as_str(),
            )
        });
    }
    let o = &plan.openness;
    if let Some(home) = &o.home_city {
        v.push(Reference {
            from: ItemPath::field(S::Openness, None, "home_city"),
            kind: K::City,
            target: home.as_str(),
        });
    }
    for val in &o.values {
        let from = |field| ItemPath::field(S::Openness, None, field);
        v.push(Reference {
            from: from("values.city"),
            kind: K::City,
            target: val.city.as_str(),
        });
        v.push(Reference {
            from: from("values.indicator"),
            kind: K::OpennessIndicator,
            target: val.indicator.as_str(),
        });
    }
    v
}

/// Every break of integrity, in file order: empty ids, duplicate ids, dangling references.
pub fn problems(plan: &Plan) -> Vec<IntegrityProblem> {
    let all = items(plan);
    let mut out = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut by_kind: HashSet<(ItemKind, &str)> = HashSet::new();
    let mut position: HashMap<ItemKind, usize> = HashMap::new();
    for e in &all {
        let n = position.entry(e.kind).or_insert(0);
        *n += 1;
        if e.id.trim().is_empty() {
            out.push(IntegrityProblem::EmptyId {
                kind: e.kind,
                path: ItemPath::item(e.path.section, format!("#{n}")),
            });
            continue;
        }
        let count = seen.entry(e.id).or_insert(0);
        if *count > 0 {
            out.push(IntegrityProblem::DuplicateId {
                id: e.id.to_owned(),
                path: e.path.clone(),
                occurrence: *count,
            });
        }
        *count += 1;
        by_kind.insert((e.kind, e.id));
    }
    for r in references(plan) {
        if !by_kind.contains(&(r.kind, r.target)) {
            out.push(IntegrityProblem::Dangling {
                from: r.from,
                kind: r.kind,
                target: r.target.to_owned(),
            });
        }
    }
    for c in &plan.comments {
        if let Some(target) = &c.target.item
            && !seen.contains_key(target.as_str())
        {
            out.push(IntegrityProblem::DanglingTarget {
                from: ItemPath::field(Section::Review, Some(c.id.as_str()), "target"),
                target: target.clone(),
            });
        }
    }
    out
}

/// Removes every reference to `id` (after the item was deleted), so no link is left dangling.
pub fn forget(plan: &mut Plan, id: &str) {
    fn drop_from<T: AsRef<str>>(v: &mut Vec<T>, id: &str) {
        v.retain(|x| x.as_ref() != id);
    }
    for m in &mut plan.support_group.meetings {
        drop_from(&mut m.attendees, id);
    }
    for p in &mut plan.problems {
        drop_from(&mut p.evidence, id);
    }
    for o in &mut plan.objectives {
        drop_from(&mut o.problems, id);
        for s in &mut o.specific {
            drop_from(&mut s.indicators, id);
        }
    }
    for a in &mut plan.actions {
        if a.objective.as_ref().is_some_and(|o| o.as_str() == id) {
            a.objective = None;
            a.specific_objective = None;
        }
        if a.specific_objective
            .as_ref()
            .is_some_and(|o| o.as_str() == id)
        {
            a.specific_objective = None;
        }
        drop_from(&mut a.indicators, id);
        drop_from(&mut a.risks, id);
        drop_from(&mut a.depends_on, id);
        drop_from(&mut a.strategy_goals, id);
    }
    for p in &mut plan.pilots {
        drop_from(&mut p.actions, id);
    }
    for r in &mut plan.risks {
        if let Some(legacy) = &mut r.legacy_actions {
            drop_from(legacy, id);
        }
    }
    let o = &mut plan.openness;
    if o.home_city.as_ref().is_some_and(|c| c.as_str() == id) {
        o.home_city = None;
    }
    o.values
        .retain(|v| v.city.as_str() != id && v.indicator.as_str() != id);
    for c in &mut plan.comments {
        if c.target.item.as_deref() == Some(id) {
            c.target.item = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn forgetting_a_deleted_action_leaves_no_dangling_link() {
        let mut p = crate::synthetic::plan(30, 3);
        let gone = p.actions[0].id.clone();
        p.actions.remove(0);
        assert!(!problems(&p).is_empty());
        forget(&mut p, gone.as_str());
        assert!(problems(&p).is_empty(), "{:?}", problems(&p));
    }

    #[test]
    fn duplicates_and_dangling_are_reported_once_each() {
        let mut p = Plan::new();
        p.actions = vec![
            Action {
                id: "A-1".into(),
                risks: vec!["R-9".into()],
                ..Action::default()
            },
            Action {
                id: "A-1".into(),
                ..Action::default()
            },
            Action {
                id: "".into(),
                ..Action::default()
            },
        ];
        let found = problems(&p);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            matches!(&found[0], IntegrityProblem::DuplicateId { id, occurrence: 1, .. } if id == "A-1")
        );
        assert!(matches!(
            &found[1],
            IntegrityProblem::EmptyId {
                kind: ItemKind::Action,
                ..
            }
        ));
        assert!(
            matches!(&found[2], IntegrityProblem::Dangling { kind: ItemKind::Risk, target, .. } if target == "R-9")
        );
    }
}
