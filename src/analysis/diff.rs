//! What changed between two versions of a plan: items added, removed, changed (field by field,
//! old → new) or moved, matched by id so a moved and renamed item is one "changed" item, not a
//! deletion and an addition; and the money that moved.

use std::any::Any;
use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::Value;

use crate::analysis::budget;
use crate::model::{Action, FundingLine, ItemPath, Money, Plan, Risk, Section};

/// How an item changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, with different fields.
    Changed,
    /// In both, same fields, another position in its list.
    Moved,
}

/// One field that differs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldChange {
    /// The field's name.
    pub field: String,
    /// Its old value, as text.
    pub old: String,
    /// Its new value, as text.
    pub new: String,
}

/// One item that differs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// How.
    pub kind: ChangeKind,
    /// Where (in the new version, or the old one for a removed item).
    pub path: ItemPath,
    /// The item's name for people (code and title).
    pub label: String,
    /// The fields that differ (for `Changed`).
    pub fields: Vec<FieldChange>,
}

/// All differences.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Diff {
    /// Changed items, in section order.
    pub changes: Vec<Change>,
    /// New total cost minus old.
    pub cost_delta: Money,
    /// New secured funding minus old.
    pub secured_delta: Money,
    /// New potential funding minus old.
    pub potential_delta: Money,
}

impl Diff {
    /// True when nothing differs.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// One item of a list: its id, its name for people, and the item itself.
struct Entry<'a> {
    id: String,
    label: String,
    item: &'a dyn Any,
    /// Links worked out for the item and shown as its field `actions` (a risk's threatened
    /// actions).
    actions: Option<Vec<&'a str>>,
}

/// A list of items of one kind. Two items with the same id are compared typed first, which is
/// quick and allocates nothing; only when they differ are they turned into JSON (without nested
/// lists) to find the fields that differ.
struct Items<'a> {
    section: Section,
    entries: Vec<Entry<'a>>,
    /// True when two items of this list are equal.
    same: fn(&dyn Any, &dyn Any) -> bool,
    /// An item as JSON.
    to_json: fn(&dyn Any) -> Value,
    /// Fields left out of the JSON: nested lists, compared as lists of their own.
    strip: &'static [&'static str],
}

impl<'a> Items<'a> {
    fn new<T: Serialize + PartialEq + 'static>(
        section: Section,
        strip: &'static [&'static str],
        entries: Vec<Entry<'a>>,
    ) -> Self {
        Items {
            section,
            entries,
            same: same::<T>,
            to_json: to_json::<T>,
            strip,
        }
    }

    /// The list of `items`, each with its id and label.
    fn of<T: Serialize + PartialEq + 'static>(
        section: Section,
        strip: &'static [&'static str],
        items: impl Iterator<Item = &'a T>,
        id_and_label: impl Fn(&'a T) -> (String, String),
    ) -> Self {
        let entries = items
            .map(|x| {
                let (id, label) = id_and_label(x);
                Entry {
                    id,
                    label,
                    item: x,
                    actions: None,
                }
            })
            .collect();
        Items::new::<T>(section, strip, entries)
    }

    /// The item's JSON, as compared field by field.
    fn value(&self, e: &Entry<'_>) -> Value {
        let mut v = (self.to_json)(e.item);
        if let Value::Object(map) = &mut v {
            for k in self.strip {
                map.remove(*k);
            }
            if let Some(actions) = &e.actions {
                map.insert("actions".to_owned(), json(actions, &[]));
            }
        }
        v
    }

    /// True when the items are equal as a whole (and so in every field compared). False does not
    /// mean a field compared differs: it may be a stripped nested list.
    fn equal(&self, a: &Entry<'_>, b: &Entry<'_>) -> bool {
        (self.same)(a.item, b.item) && a.actions == b.actions
    }
}

fn same<T: PartialEq + 'static>(a: &dyn Any, b: &dyn Any) -> bool {
    matches!((a.downcast_ref::<T>(), b.downcast_ref::<T>()), (Some(a), Some(b)) if a == b)
}

fn to_json<T: Serialize + 'static>(x: &dyn Any) -> Value {
    x.downcast_ref::<T>().map_or(Value::Null, |x| json(x, &[]))
}

fn json<T: Serialize>(x: &T, strip: &[&str]) -> Value {
    let mut v = serde_json::to_value(x).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut v {
        for k in strip {
            map.remove(*k);
        }
    }
    v
}

fn label(code: &str, title: &str) -> String {
    [code, title]
        .iter()
        .filter(|s| !s.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every item list of a plan, nested ones (funding lines, specific objectives, openness
/// indicators) as lists of their own so a change inside is shown where it is.
fn lists(p: &Plan) -> Vec<Items<'_>> {
    use Section as S;
    // The actions each risk threatens, in one pass over the actions (as
    // `Plan::actions_threatened_by` gives them, each action once, but without a pass per risk).
    let mut threatened: HashMap<&str, Vec<&Action>> = HashMap::new();
    for a in &p.actions {
        for r in &a.risks {
            let list = threatened.entry(r.as_str()).or_default();
            if !list.last().is_some_and(|last| std::ptr::eq(*last, a)) {
                list.push(a);
            }
        }
    }
    macro_rules! list {
        ($section:expr, $iter:expr, |$x:ident| $label:expr, strip $strip:expr) => {
            Items::of($section, $strip, $iter, |$x| ($x.id.to_string(), $label))
        };
    }
    vec![
        list!(
            S::Context,
            p.context.evidence.iter(),
            |x| x.label.clone(),
            strip & []
        ),
        list!(
            S::SupportGroup,
            p.support_group.members.iter(),
            |x| x.organisation.clone(),
            strip & []
        ),
        list!(
            S::SupportGroup,
            p.support_group.meetings.iter(),
            |x| label(&x.date.map(|d| d.to_string()).unwrap_or_default(), &x.topic),
            strip & []
        ),
        list!(
            S::Problems,
            p.problems.iter(),
            |x| x.title.clone(),
            strip & []
        ),
        list!(
            S::Objectives,
            p.objectives.iter(),
            |x| label(&x.code, &x.title),
            strip & ["specific"]
        ),
        list!(
            S::Objectives,
            p.objectives.iter().flat_map(|o| &o.specific),
            |x| label(&x.code, &x.title),
            strip & []
        ),
        list!(
            S::Actions,
            p.actions.iter(),
            |x| label(&x.code, &x.title),
            strip & ["funding"]
        ),
        // A funding line is labelled with its action: the line alone does not say whose it is.
        Items::new::<FundingLine>(
            S::Funding,
            &[],
            p.funding_lines()
                .map(|(a, f)| Entry {
                    id: f.id.to_string(),
                    label: format!(
                        "{} — {}",
                        label(&a.code, &a.title),
                        f.source.label(crate::model::Lang::En)
                    ),
                    item: f,
                    actions: None,
                })
                .collect(),
        ),
        list!(
            S::StrategyLinks,
            p.strategies.goals().map(|(_, g)| g),
            |x| label(&x.code, &x.title),
            strip & []
        ),
        list!(S::Pilots, p.pilots.iter(), |x| x.title.clone(), strip & []),
        list!(
            S::Indicators,
            p.indicators.iter(),
            |x| label(&x.code, &x.name),
            strip & []
        ),
        // A risk's threatened actions are kept on the actions; show them on the risk as well,
        // so a consultant sees from both sides what a link change did.
        Items::new::<Risk>(
            S::Risks,
            &[],
            p.risks
                .iter()
                .map(|r| {
                    let mut actions: Vec<&str> = threatened
                        .get(r.id.as_str())
                        .map(|actions| actions.iter().map(|a| a.id.as_str()).collect())
                        .unwrap_or_default();
                    // A set: reordering the actions does not change the risk (A-9 before
                    // A-10, as people count).
                    actions.sort_by_key(|id| (id.len(), *id));
                    Entry {
                        id: r.id.to_string(),
                        label: r.title.clone(),
                        item: r,
                        actions: Some(actions),
                    }
                })
                .collect(),
        ),
        list!(
            S::Openness,
            p.openness.cities.iter(),
            |x| x.name.clone(),
            strip & []
        ),
        list!(
            S::Openness,
            p.openness.areas.iter(),
            |x| x.name.clone(),
            strip & ["indicators"]
        ),
        list!(
            S::Openness,
            p.openness.areas.iter().flat_map(|a| &a.indicators),
            |x| x.name.clone(),
            strip & []
        ),
        list!(
            S::Review,
            p.comments.iter(),
            |x| label(&x.author, &x.text),
            strip & []
        ),
    ]
}

/// Parts of the plan that are not lists: compared field by field.
fn singles(p: &Plan) -> Vec<(Section, &'static str, Value)> {
    let o = &p.openness;
    vec![
        (Section::Facts, "facts", json(&p.facts, &[])),
        (
            Section::Context,
            "narrative",
            json(&p.context.narrative, &[]),
        ),
        (Section::Objectives, "vision", json(&p.vision, &[])),
        (
            Section::StrategyLinks,
            "marketing",
            json(&p.strategies.marketing, &["goals"]),
        ),
        (
            Section::StrategyLinks,
            "internationalisation",
            json(&p.strategies.internationalisation, &["goals"]),
        ),
        (Section::Governance, "governance", json(&p.governance, &[])),
        (
            Section::Openness,
            "framework",
            json(&(&o.framework, &o.description, &o.home_city), &[]),
        ),
        (Section::Openness, "values", json(&o.values, &[])),
    ]
}

/// Text of a JSON value for people: strings without quotes.
fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "—".to_owned(),
        other => other.to_string(),
    }
}

fn field_changes(old: &Value, new: &Value) -> Vec<FieldChange> {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            let mut keys: Vec<&String> = a
                .keys()
                .chain(b.keys().filter(|k| !a.contains_key(*k)))
                .collect();
            keys.dedup();
            keys.into_iter()
                .filter_map(|k| {
                    let (x, y) = (
                        a.get(k).unwrap_or(&Value::Null),
                        b.get(k).unwrap_or(&Value::Null),
                    );
                    (x != y).then(|| FieldChange {
                        field: k.clone(),
                        old: text(x),
                        new: text(y),
                    })
                })
                .collect()
        }
        (a, b) if a != b => vec![FieldChange {
            field: String::new(),
            old: text(a),
            new: text(b),
        }],
        _ => Vec::new(),
    }
}

/// Compares two versions of a plan.
pub fn diff(old: &Plan, new: &Plan) -> Diff {
    let mut changes = Vec::new();
    for ((section, name, a), (_, _, b)) in singles(old).into_iter().zip(singles(new)) {
        let fields = field_changes(&a, &b);
        if !fields.is_empty() {
            changes.push(Change {
                kind: ChangeKind::Changed,
                path: ItemPath::field(section, None, name),
                label: name.to_owned(),
                fields,
            });
        }
    }
    for (a, b) in lists(old).into_iter().zip(lists(new)) {
        // Each id's first position in the old list, and the ids of the new one: one lookup per
        // item instead of a search through the other list.
        let mut old_at: HashMap<&str, usize> = HashMap::with_capacity(a.entries.len());
        for (j, e) in a.entries.iter().enumerate() {
            old_at.entry(e.id.as_str()).or_insert(j);
        }
        let new_ids: HashSet<&str> = b.entries.iter().map(|e| e.id.as_str()).collect();
        for (i, e) in b.entries.iter().enumerate() {
            let (id, label) = (&e.id, &e.label);
            match old_at.get(id.as_str()).copied() {
                None => changes.push(Change {
                    kind: ChangeKind::Added,
                    path: ItemPath::item(b.section, id.clone()),
                    label: label.clone(),
                    fields: Vec::new(),
                }),
                Some(j) => {
                    let was = &a.entries[j];
                    let fields = if b.equal(was, e) {
                        Vec::new()
                    } else {
                        field_changes(&a.value(was), &b.value(e))
                    };
                    if !fields.is_empty() {
                        changes.push(Change {
                            kind: ChangeKind::Changed,
                            path: ItemPath::item(b.section, id.clone()),
                            label: label.clone(),
                            fields,
                        });
                    } else if i != j {
                        changes.push(Change {
                            kind: ChangeKind::Moved,
                            path: ItemPath::item(b.section, id.clone()),
                            label: label.clone(),
                            fields: Vec::new(),
                        });
                    }
                }
            }
        }
        for e in &a.entries {
            if !new_ids.contains(e.id.as_str()) {
                changes.push(Change {
                    kind: ChangeKind::Removed,
                    path: ItemPath::item(a.section, e.id.clone()),
                    label: e.label.clone(),
                    fields: Vec::new(),
                });
            }
        }
    }
    changes.sort_by_key(|c| c.path.section);
    let (ba, bb) = (budget::budget(old), budget::budget(new));
    Diff {
        changes,
        cost_delta: bb.total_cost - ba.total_cost,
        secured_delta: bb.secured - ba.secured,
        potential_delta: bb.potential - ba.potential,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_risk_link_shows_on_the_action_and_on_the_risk_but_order_does_not() {
        let old = crate::synthetic::plan(10, 1);
        let mut new = old.clone();
        new.actions.reverse();
        assert!(
            diff(&old, &new)
                .changes
                .iter()
                .all(|c| c.kind == ChangeKind::Moved && c.path.section != Section::Risks)
        );
        let a1 = new.actions.iter_mut().find(|a| a.id.as_str() == "A-1");
        a1.unwrap().risks.push("R-1".into());
        let d = diff(&old, &new);
        let changed: Vec<(String, &str)> = d
            .changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Changed)
            .flat_map(|c| {
                c.fields
                    .iter()
                    .map(|f| (c.path.to_string(), f.field.as_str()))
            })
            .collect();
        assert_eq!(
            changed,
            [
                ("actions/A-1".to_owned(), "risks"),
                ("risks/R-1".to_owned(), "actions")
            ]
        );
    }

    /// Diff is linear in the plans: for two 10,000-action plans it takes no more than a few
    /// times as long as turning them into JSON values, a linear yardstick measured under the same
    /// load, so a busy machine does not make the test fail (the quadratic diff took over 20 times
    /// the yardstick, 19 s in a debug build).
    #[test]
    fn diff_of_large_plans_takes_linear_time() {
        use std::time::{Duration, Instant};
        let old = crate::synthetic::plan(10_000, 3);
        let mut new = old.clone();
        new.actions.rotate_left(7);
        new.actions[100].title.push_str(" (changed)");
        let renamed = new.actions[100].id.clone();
        let gone = new.actions.pop().unwrap();
        let start = Instant::now();
        let values = (serde_json::to_value(&old), serde_json::to_value(&new));
        let yardstick = start.elapsed();
        drop(values);
        let start = Instant::now();
        let d = diff(&old, &new);
        let took = start.elapsed();
        eprintln!("diff of 10,000 actions: {took:?}; the plans as JSON: {yardstick:?}");
        assert!(
            took < yardstick * 8 + Duration::from_millis(500),
            "diff took {took:?}, the plans as JSON {yardstick:?}"
        );
        let of = |kind| {
            d.changes
                .iter()
                .filter(|c| c.kind == kind)
                .map(|c| c.path.to_string())
                .collect::<Vec<_>>()
        };
        let risk = &gone.risks[0];
        assert_eq!(
            of(ChangeKind::Changed),
            [format!("actions/{renamed}"), format!("risks/{risk}")]
        );
        let removed = of(ChangeKind::Removed);
        assert_eq!(removed[0], format!("actions/{}", gone.id));
        assert_eq!(removed.len(), 1 + gone.funding.len());
        let moved = of(ChangeKind::Moved);
        assert_eq!(
            moved.iter().filter(|p| p.starts_with("actions/")).count(),
            10_000 - 2
        );
    }
}
