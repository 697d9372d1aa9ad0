//! Where in a plan file an integrity problem is written: the id of an item without a proper id,
//! the second use of an id, the reference that names nothing. Found in one pass over the text
//! ([`super::scan`]) that compares values as the parser reads them, so `"A\u{2D}1"` is found
//! as `A-1`, and an id of only spaces or control characters is found however it is escaped.

use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;

use super::scan::{self, Visit, Walk, Written};
use crate::model::integrity::{IntegrityProblem, ItemKind, is_blank_id};

/// The kind of item a list at `path` holds, with its place in the order of
/// [`crate::model::integrity::items`]: a group (sections in that order) and a subgroup (the
/// marketing strategy's goals before the internationalisation strategy's). Within a group,
/// items come in file order.
pub fn item_kind(path: &[&str]) -> Option<(ItemKind, u8, u8)> {
    use ItemKind as K;
    Some(match path {
        ["context", "evidence"] => (K::Evidence, 0, 0),
        ["support_group", "members"] => (K::Member, 1, 0),
        ["support_group", "meetings"] => (K::Meeting, 2, 0),
        ["problems"] => (K::Problem, 3, 0),
        ["objectives"] => (K::Objective, 4, 0),
        ["objectives", "specific"] => (K::SpecificObjective, 4, 0),
        ["actions"] => (K::Action, 5, 0),
        ["actions", "funding"] => (K::FundingLine, 5, 0),
        ["actions", "milestones"] => (K::Milestone, 5, 0),
        ["strategies", "marketing", "goals"] => (K::StrategyGoal, 6, 0),
        ["strategies", "internationalisation", "goals"] => (K::StrategyGoal, 6, 1),
        ["pilots"] => (K::Pilot, 7, 0),
        ["indicators"] => (K::Indicator, 8, 0),
        ["risks"] => (K::Risk, 9, 0),
        ["openness", "cities"] => (K::City, 10, 0),
        ["openness", "areas"] => (K::OpennessArea, 11, 0),
        ["openness", "areas", "indicators"] => (K::OpennessIndicator, 11, 0),
        ["comments"] => (K::Comment, 12, 0),
        ["practices"] => (K::Practice, 13, 0),
        ["exchanges"] => (K::Exchange, 14, 0),
        ["monitoring", "rounds"] => (K::MonitoringRound, 15, 0),
        _ => return None,
    })
}

/// The field a reference written at `path` is reported under (as in
/// [`crate::model::integrity::each_reference`]), when `path` holds references.
pub fn reference_field(path: &[&str]) -> Option<&'static str> {
    Some(match path {
        ["support_group", "meetings", "attendees"] => "attendees",
        ["problems", "evidence"] => "evidence",
        ["objectives", "problems"] => "problems",
        ["objectives", "specific", "indicators"] => "indicators",
        ["actions", "objective"] => "objective",
        ["actions", "specific_objective"] => "specific_objective",
        ["actions", "indicators"] => "indicators",
        ["actions", "risks"] => "risks",
        ["actions", "depends_on"] => "depends_on",
        ["actions", "strategy_goals"] => "strategy_goals",
        ["actions", "adapts", "practice"] => "adapts",
        ["pilots" | "risks" | "exchanges", "actions"] => "actions",
        ["openness", "home_city"] => "home_city",
        ["openness", "values", "city"] => "values.city",
        ["openness", "values", "indicator"] => "values.indicator",
        ["comments", "target", "item"] => "target",
        ["monitoring", "rounds", "actuals", "indicator"] => "actuals",
        ["monitoring", "rounds", "progress", "action"]
        | ["monitoring", "rounds", "progress", "spend", "funding_line"]
        | [
            "monitoring",
            "rounds",
            "progress",
            "milestones_reached",
            "milestone",
        ] => "progress",
        _ => return None,
    })
}

/// An item being read.
struct Open {
    depth: usize,
    kind: ItemKind,
    group: (u8, u8),
    /// Its position among the items of its kind and subgroup, from 0.
    index: usize,
    start: usize,
    /// Its id and where it is written.
    id: Option<(String, usize)>,
    /// References it holds to a missing id: (field, value, offset).
    refs: Vec<(&'static str, String, usize)>,
}

struct Finder<'p> {
    /// Values worth remembering: duplicated ids and missing targets.
    wanted: HashSet<&'p str>,
    open: Vec<Open>,
    counts: HashMap<(ItemKind, u8), usize>,
    /// Items without a proper id: (kind, subgroup, index, offset).
    blank: Vec<(ItemKind, u8, usize, usize)>,
    /// Ids worth remembering: (group, offset, value).
    ids: Vec<((u8, u8), usize, String)>,
    /// References to missing ids: (owner, field, value) → offsets, in file order.
    refs: HashMap<(Option<String>, &'static str, String), Vec<usize>>,
}

impl Finder<'_> {
    fn keep_ref(&mut self, owner: Option<String>, field: &'static str, value: String, at: usize) {
        self.refs.entry((owner, field, value)).or_default().push(at);
    }
}

impl<'t> Visit<'t> for Finder<'_> {
    type Stop = ();

    fn open(&mut self, w: &Walk<'t>, at: usize, bracket: u8) -> ControlFlow<()> {
        if bracket == b'('
            && w.in_item()
            && let Some((kind, group, sub)) = item_kind(w.path())
        {
            let n = self.counts.entry((kind, sub)).or_insert(0);
            self.open.push(Open {
                depth: w.depth(),
                kind,
                group: (group, sub),
                index: *n,
                start: at,
                id: None,
                refs: Vec::new(),
            });
            *n += 1;
        }
        ControlFlow::Continue(())
    }

    fn close(&mut self, w: &Walk<'t>, _: usize, _: usize, _: usize) -> ControlFlow<()> {
        if self.open.last().is_some_and(|o| o.depth == w.depth())
            && let Some(item) = self.open.pop()
        {
            let owner = match &item.id {
                Some((id, at)) if !is_blank_id(id) => {
                    if self.wanted.contains(id.as_str()) {
                        self.ids.push((item.group, *at, id.clone()));
                    }
                    Some(id.clone())
                }
                Some((id, at)) => {
                    self.blank.push((item.kind, item.group.1, item.index, *at));
                    Some(id.clone())
                }
                None => {
                    self.blank
                        .push((item.kind, item.group.1, item.index, item.start));
                    Some(String::new())
                }
            };
            for (field, value, at) in item.refs {
                self.keep_ref(owner.clone(), field, value, at);
            }
        }
        ControlFlow::Continue(())
    }

    fn string(&mut self, w: &Walk<'t>, at: usize, s: Written<'t>) -> ControlFlow<()> {
        let path = w.path();
        if path.last() == Some(&"id")
            && let Some(item) = self.open.last_mut()
            && item.depth == w.depth()
        {
            // Where `id:` is written: what people look for.
            item.id = Some((s.value().into_owned(), w.key_start().unwrap_or(at)));
            return ControlFlow::Continue(());
        }
        if let Some(field) = reference_field(path) {
            let value = s.value();
            if !self.wanted.contains(value.as_ref()) {
                return ControlFlow::Continue(());
            }
            let value = value.into_owned();
            // The innermost item holds the reference; the openness values and home city
            // belong to no item.
            match self.open.last_mut() {
                Some(item)
                    if !matches!(field, "home_city" | "values.city" | "values.indicator") =>
                {
                    item.refs.push((field, value, at))
                }
                _ => self.keep_ref(None, field, value, at),
            }
        }
        ControlFlow::Continue(())
    }
}

/// The byte offset in `text` where each problem is written (`None` where it cannot be found, as
/// for a plan that was not read from this text). One pass over the text, whatever the number of
/// problems.
pub fn offsets(text: &str, problems: &[IntegrityProblem]) -> Vec<Option<usize>> {
    let mut wanted: HashSet<&str> = HashSet::new();
    for p in problems {
        match p {
            IntegrityProblem::EmptyId { .. } => {}
            IntegrityProblem::DuplicateId { id, .. } => {
                wanted.insert(id);
            }
            IntegrityProblem::Dangling { target, .. }
            | IntegrityProblem::DanglingTarget { target, .. } => {
                wanted.insert(target);
            }
        }
    }
    let mut f = Finder {
        wanted,
        open: Vec::new(),
        counts: HashMap::new(),
        blank: Vec::new(),
        ids: Vec::new(),
        refs: HashMap::new(),
    };
    let _ = scan::walk(text, &mut f);

    // Items without an id, by their position among the items of their kind, counted as
    // `integrity::items` counts them (the marketing strategy's goals first).
    let before = |kind: ItemKind, sub: u8| -> usize {
        (0..sub)
            .map(|s| f.counts.get(&(kind, s)).copied().unwrap_or(0))
            .sum()
    };
    let blank: HashMap<(ItemKind, usize), usize> = f
        .blank
        .iter()
        .map(|&(kind, sub, index, at)| ((kind, before(kind, sub) + index + 1), at))
        .collect();
    // Each duplicated id's uses, in the order `integrity::items` sees them.
    f.ids.sort_by_key(|(group, at, _)| (*group, *at));
    let mut uses: HashMap<&str, Vec<usize>> = HashMap::new();
    for (_, at, id) in &f.ids {
        uses.entry(id).or_default().push(*at);
    }
    // Several problems can name the same reference (an id listed twice): each takes the next.
    let mut taken: HashMap<(Option<String>, &'static str, String), usize> = HashMap::new();
    problems
        .iter()
        .map(|p| match p {
            IntegrityProblem::EmptyId { kind, path, .. } => {
                let n = path.item.as_deref()?.strip_prefix('#')?.parse().ok()?;
                blank.get(&(*kind, n)).copied()
            }
            IntegrityProblem::DuplicateId { id, occurrence, .. } => {
                uses.get(id.as_str())?.get(*occurrence).copied()
            }
            IntegrityProblem::Dangling { from, target, .. }
            | IntegrityProblem::DanglingTarget { from, target } => {
                let field = match p {
                    IntegrityProblem::DanglingTarget { .. } => "target",
                    _ => reference_field_name(from.field.as_deref()?)?,
                };
                let key = (from.item.clone(), field, target.clone());
                let at = f.refs.get(&key)?;
                let next = taken.entry(key).or_insert(0);
                let found = at.get(*next).copied();
                *next += 1;
                found
            }
        })
        .collect()
}

/// The `'static` name of a reference field.
fn reference_field_name(field: &str) -> Option<&'static str> {
    [
        "attendees",
        "evidence",
        "problems",
        "indicators",
        "objective",
        "specific_objective",
        "risks",
        "depends_on",
        "strategy_goals",
        "adapts",
        "actions",
        "home_city",
        "values.city",
        "values.indicator",
        "target",
        "actuals",
        "progress",
    ]
    .into_iter()
    .find(|f| *f == field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::integrity::{self, problems};
    use crate::model::*;
    use crate::store::to_ron;

    /// Counts what the scanner takes for items and references, by kind and field.
    #[derive(Default)]
    struct Census {
        open: Vec<usize>,
        items: HashMap<ItemKind, usize>,
        refs: HashMap<&'static str, usize>,
    }

    impl<'t> Visit<'t> for Census {
        type Stop = ();
        fn open(&mut self, w: &Walk<'t>, _: usize, bracket: u8) -> ControlFlow<()> {
            if bracket == b'('
                && w.in_item()
                && let Some((kind, _, _)) = item_kind(w.path())
            {
                *self.items.entry(kind).or_default() += 1;
                self.open.push(w.depth());
            }
            ControlFlow::Continue(())
        }
        fn string(&mut self, w: &Walk<'t>, _: usize, _: Written<'t>) -> ControlFlow<()> {
            if let Some(field) = reference_field(w.path()) {
                *self.refs.entry(field).or_default() += 1;
            }
            ControlFlow::Continue(())
        }
    }

    /// The scanner's idea of where items and references are agrees with the model's.
    #[test]
    fn the_file_layout_matches_the_model() {
        let mut plan = crate::store::templates::find("sofia-open-cities")
            .unwrap()
            .plan()
            .unwrap();
        plan.comments.push(Comment {
            id: "CM-1".into(),
            target: ItemPath::item(Section::Actions, "A-1"),
            ..Comment::default()
        });
        let text = to_ron(&plan);
        let mut census = Census::default();
        let _ = scan::walk(&text, &mut census);
        let mut items: HashMap<ItemKind, usize> = HashMap::new();
        integrity::each_item(&plan, |kind, _, _, _, _| {
            *items.entry(kind).or_default() += 1
        });
        assert_eq!(census.items, items);
        let mut refs: HashMap<&'static str, usize> = HashMap::new();
        integrity::each_reference(&plan, |l| *refs.entry(l.field).or_default() += 1);
        refs.insert(
            "target",
            plan.comments
                .iter()
                .filter(|c| c.target.item.is_some())
                .count(),
        );
        assert_eq!(census.refs, refs);
        assert!(items.len() >= 14 && refs.len() >= 10, "{items:?} {refs:?}");
    }

    #[test]
    fn every_kind_of_problem_is_found_where_it_is_written() {
        let mut p = crate::synthetic::plan(6, 3);
        p.actions[1].id = "A-1".into();
        p.actions[2].risks.push("R-404".into());
        p.actions[2].risks.push("R-404".into());
        p.objectives[0].specific[0].indicators.push("I-404".into());
        p.support_group.meetings[0].attendees.push("M-404".into());
        p.openness.values[3].city = "C-404".into();
        p.openness.home_city = Some("C-405".into());
        p.strategies.internationalisation.goals[1].id = " ".into();
        p.strategies.marketing.goals[0].id = "".into();
        p.comments.push(Comment {
            id: "CM-1".into(),
            target: ItemPath::item(Section::Risks, "R-404"),
            ..Comment::default()
        });
        let text = to_ron(&p);
        let found = problems(&p);
        // Besides those made above, the links to the renamed action and goals now dangle.
        assert!(found.len() >= 9, "{found:#?}");
        let at = offsets(&text, &found);
        for (problem, at) in found.iter().zip(&at) {
            let at = at.unwrap_or_else(|| panic!("not found: {problem:?}"));
            let written = &text[at..];
            let ok = match problem {
                IntegrityProblem::EmptyId { .. } | IntegrityProblem::DuplicateId { .. } => {
                    written.starts_with("id: ")
                }
                _ => written.starts_with(&format!("{:?}", problem.marker())),
            };
            assert!(ok, "{problem:?} at {:?}", &written[..20]);
        }
        // The two identical dangling risks are two places, in order.
        let twins: Vec<usize> = found
            .iter()
            .zip(&at)
            .filter(|(p, _)| matches!(p, IntegrityProblem::Dangling { target, .. } if target == "R-404"))
            .filter_map(|(_, at)| *at)
            .collect();
        assert!(twins.len() == 2 && twins[0] < twins[1], "{twins:?}");
        // The goals: the marketing one first, as the model counts them, though written first
        // anyway; the internationalisation goal is the 5th goal overall.
        assert!(
            found
                .iter()
                .any(|p| p.path().to_string() == "strategy_links/#5"),
            "{found:#?}"
        );
    }
}
