//! Referential integrity: every item's id is unique and every reference points at an existing
//! item of the right kind. The loader refuses files that break this (with line and column), and
//! the checks report it for plans edited in memory.

use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;

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
    /// Good practice of the plan.
    Practice,
    /// Exchange or participation event.
    Exchange,
    /// Milestone of an action.
    Milestone,
    /// Monitoring round.
    MonitoringRound,
}

impl ItemKind {
    /// Every kind, in the order of the variants (so `kind as usize` indexes it).
    pub const ALL: [ItemKind; 20] = [
        ItemKind::Evidence,
        ItemKind::Member,
        ItemKind::Meeting,
        ItemKind::Problem,
        ItemKind::Objective,
        ItemKind::SpecificObjective,
        ItemKind::Action,
        ItemKind::FundingLine,
        ItemKind::StrategyGoal,
        ItemKind::Pilot,
        ItemKind::Indicator,
        ItemKind::Risk,
        ItemKind::City,
        ItemKind::OpennessArea,
        ItemKind::OpennessIndicator,
        ItemKind::Comment,
        ItemKind::Practice,
        ItemKind::Exchange,
        ItemKind::Milestone,
        ItemKind::MonitoringRound,
    ];

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
            ItemKind::Practice => ("good practice", "добра практика"),
            ItemKind::Exchange => ("exchange or event", "обмен или събитие"),
            ItemKind::Milestone => ("milestone", "етап"),
            ItemKind::MonitoringRound => ("monitoring round", "кръг на наблюдение"),
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
            ItemKind::Practice => ("good practices", "добри практики"),
            ItemKind::Exchange => ("exchanges and events", "обмена и събития"),
            ItemKind::Milestone => ("milestones", "етапа"),
            ItemKind::MonitoringRound => ("monitoring rounds", "кръга на наблюдение"),
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

/// True for an id that shows nothing: empty, or only spaces, control characters and other
/// invisible characters (zero-width spaces, direction marks, a byte-order mark). Such an id
/// cannot be told apart from another on screen, so it is treated as missing.
pub fn is_blank_id(id: &str) -> bool {
    id.chars().all(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '\u{AD}'
                    | '\u{34F}'
                    | '\u{180E}'
                    | '\u{200B}'..='\u{200F}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2060}'..='\u{2064}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{FEFF}'
            )
    })
}

/// A break of integrity.
#[derive(Clone, Debug, PartialEq)]
pub enum IntegrityProblem {
    /// An item has no id, or one of only spaces or control characters (see [`is_blank_id`]).
    EmptyId {
        /// The item's kind.
        kind: ItemKind,
        /// Where it is (the path's item is its position, 1-based, since it has no id).
        path: ItemPath,
        /// The id as it is (empty when there is none), to show what is wrong with it.
        written: String,
        /// The item's code and title (or name), so people can tell which item it is; may be
        /// empty.
        label: String,
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

/// Most characters of an item's title quoted in a message; longer titles are cut with "…".
const LABEL_CHARS: usize = 80;

/// An item's code and title for messages, the title cut to [`LABEL_CHARS`].
fn short_label(code: &str, title: &str) -> String {
    let title = title.trim();
    let cut: String = title.chars().take(LABEL_CHARS).collect();
    let title = if cut.len() < title.len() {
        format!("«{cut}…»")
    } else if title.is_empty() {
        String::new()
    } else {
        format!("«{cut}»")
    };
    let code: String = code.trim().chars().take(LABEL_CHARS).collect();
    match (code.is_empty(), title.is_empty()) {
        (true, _) => title,
        (false, true) => code,
        (false, false) => format!("{code} {title}"),
    }
}

impl IntegrityProblem {
    /// The message in English and Bulgarian.
    pub fn messages(&self) -> (String, String) {
        match self {
            IntegrityProblem::EmptyId {
                kind,
                written,
                label,
                ..
            } => {
                let (en, bg) = kind.names();
                let article = if en.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "An"
                } else {
                    "A"
                };
                let named = if label.is_empty() {
                    String::new()
                } else {
                    format!(" ({label})")
                };
                if written.is_empty() {
                    (
                        format!("{article} {en}{named} has no id"),
                        format!("Елемент ({bg}){named} няма идентификатор"),
                    )
                } else {
                    // Escaped, so what is invisible shows: "\t", "\u{200b}".
                    let shown: String = written
                        .chars()
                        .take(20)
                        .flat_map(char::escape_default)
                        .collect();
                    (
                        format!(
                            "{article} {en}{named} has an id of only spaces or invisible characters (\"{shown}\")"
                        ),
                        format!(
                            "Елемент ({bg}){named} има идентификатор само от интервали или невидими знаци (\"{shown}\")"
                        ),
                    )
                }
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
            IntegrityProblem::EmptyId { written, .. } => written,
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

/// Calls `f` with every item that has an id, in file order: its kind, id, section, and code
/// and title (or name) to tell it by. Nothing is allocated. The items are those of
/// [`walk`](super::items::walk), the one description of the plan's kinds of items.
pub fn each_item<'a>(
    plan: &'a Plan,
    mut f: impl FnMut(ItemKind, &'a str, Section, &'a str, &'a str),
) {
    super::items::walk(plan, |x| {
        f(x.kind(), x.id(), x.section(), x.code(), x.title())
    });
}

/// Every item that has an id, in file order.
pub fn items(plan: &Plan) -> Vec<ItemEntry<'_>> {
    let mut v = Vec::new();
    each_item(plan, |kind, id, section, _, _| {
        v.push(ItemEntry {
            kind,
            id,
            path: ItemPath::item(section, id),
        })
    });
    v
}

/// One reference as [`each_reference`] gives it: where it is written and what it names.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link<'a> {
    /// The section of the referring item.
    pub section: Section,
    /// The referring item's id (`None` for a field of the section, such as `home_city`).
    pub owner: Option<&'a str>,
    /// The field, as in [`ItemPath::field`].
    pub field: &'static str,
    /// The kind of item it must point at.
    pub kind: ItemKind,
    /// The id it points at.
    pub target: &'a str,
}

impl Link<'_> {
    /// The referring item and field.
    pub fn from(&self) -> ItemPath {
        ItemPath::field(self.section, self.owner, self.field)
    }
}

/// Calls `f` with every reference between items, in file order, allocating nothing. Comment
/// targets are not here: they may point at any kind of item and are resolved against all ids by
/// [`problems`].
pub fn each_reference<'a>(plan: &'a Plan, mut f: impl FnMut(Link<'a>)) {
    use ItemKind as K;
    use Section as S;
    // Each item's links, as its kind describes them (`ItemRef::links`).
    super::items::walk(plan, |item| {
        item.links(|field, kind, target| {
            f(Link {
                section: item.link_section(field),
                owner: Some(item.id()),
                field,
                kind,
                target,
            })
        })
    });
    // Fields of the openness section itself, which is not an item.
    let o = &plan.openness;
    let mut loose = |field, kind, target: &'a str| {
        f(Link {
            section: S::Openness,
            owner: None,
            field,
            kind,
            target,
        })
    };
    if let Some(home) = &o.home_city {
        loose("home_city", K::City, home.as_str());
    }
    for val in &o.values {
        loose("values.city", K::City, val.city.as_str());
        loose(
            "values.indicator",
            K::OpennessIndicator,
            val.indicator.as_str(),
        );
    }
}

/// Every reference between items, in file order. Comment targets are not here: they may point
/// at any kind of item and are resolved against all ids by [`problems`].
pub fn references(plan: &Plan) -> Vec<Reference<'_>> {
    let mut v = Vec::new();
    each_reference(plan, |l| {
        v.push(Reference {
            from: l.from(),
            kind: l.kind,
            target: l.target,
        })
    });
    v
}

/// Calls `f` with every break of integrity, in file order: items without an id, duplicate
/// ids, dangling references; stops when `f` says so. Memory stays proportional to the number
/// of items, however many problems there are.
pub fn each_problem(plan: &Plan, mut f: impl FnMut(IntegrityProblem) -> ControlFlow<()>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut by_kind: HashSet<(ItemKind, &str)> = HashSet::new();
    let mut position: HashMap<ItemKind, usize> = HashMap::new();
    let mut flow = ControlFlow::Continue(());
    each_item(plan, |kind, id, section, code, title| {
        if flow.is_break() {
            return;
        }
        let n = position.entry(kind).or_insert(0);
        *n += 1;
        if is_blank_id(id) {
            flow = f(IntegrityProblem::EmptyId {
                kind,
                path: ItemPath::item(section, format!("#{n}")),
                written: id.to_owned(),
                label: short_label(code, title),
            });
            return;
        }
        let count = seen.entry(id).or_insert(0);
        if *count > 0 {
            flow = f(IntegrityProblem::DuplicateId {
                id: id.to_owned(),
                path: ItemPath::item(section, id),
                occurrence: *count,
            });
        }
        *count += 1;
        by_kind.insert((kind, id));
    });
    each_reference(plan, |l| {
        if flow.is_continue() && !by_kind.contains(&(l.kind, l.target)) {
            flow = f(IntegrityProblem::Dangling {
                from: l.from(),
                kind: l.kind,
                target: l.target.to_owned(),
            });
        }
    });
    for c in &plan.comments {
        if flow.is_break() {
            return;
        }
        if let Some(target) = &c.target.item
            && !seen.contains_key(target.as_str())
        {
            flow = f(IntegrityProblem::DanglingTarget {
                from: ItemPath::field(Section::Review, Some(c.id.as_str()), "target"),
                target: target.clone(),
            });
        }
    }
}

/// Every break of integrity, in file order: items without an id, duplicate ids, dangling
/// references.
pub fn problems(plan: &Plan) -> Vec<IntegrityProblem> {
    let mut out = Vec::new();
    each_problem(plan, |p| {
        out.push(p);
        ControlFlow::Continue(())
    });
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
        // The notes are about that practice; without it they explain nothing (undo brings
        // both back).
        if a.adapts.as_ref().is_some_and(|r| r.practice.as_str() == id) {
            a.adapts = None;
        }
    }
    for x in &mut plan.exchanges {
        drop_from(&mut x.actions, id);
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
    // A round's records of a deleted item go with it: they describe nothing left in the plan
    // (and the plan can only lose an item while it is a draft, not once adopted).
    for r in &mut plan.monitoring.rounds {
        r.actuals.retain(|x| x.indicator.as_str() != id);
        r.progress.retain(|x| x.action.as_str() != id);
        for p in &mut r.progress {
            p.spend.retain(|x| x.funding_line.as_str() != id);
            p.milestones_reached.retain(|x| x.milestone.as_str() != id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn every_kind_is_listed_at_its_own_index() {
        for (i, k) in ItemKind::ALL.iter().enumerate() {
            assert_eq!(*k as usize, i, "{k:?}");
        }
    }

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
