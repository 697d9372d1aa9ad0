//! What changed between two versions of a plan: items added, removed, changed (field by field,
//! old → new) or moved, matched by id so a moved and renamed item is one "changed" item, not a
//! deletion and an addition; and the money that moved.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::Value;

use crate::analysis::budget;
use crate::model::integrity::ItemKind;
use crate::model::{ItemPath, ItemRef, Lang, Money, Plan, Section, walk};

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
    id: &'a str,
    label: String,
    item: ItemRef<'a>,
    /// Links worked out for the item and shown as its field `actions` (a risk's threatened
    /// actions).
    actions: Option<Vec<&'a str>>,
}

impl Entry<'_> {
    /// The item's JSON (without nested items), as compared field by field.
    fn value(&self) -> Value {
        let mut v = self.item.to_json();
        if let (Value::Object(map), Some(actions)) = (&mut v, &self.actions) {
            map.insert("actions".to_owned(), json(actions, &[]));
        }
        v
    }

    /// True when the items are equal as a whole (and so in every field compared); quick and
    /// allocating nothing. False does not mean a field compared differs: it may be a nested list.
    fn equal(&self, other: &Entry<'_>) -> bool {
        self.item.same_content(other.item) && self.actions == other.actions
    }
}

/// The items of one kind (nested ones, such as funding lines, as a list of their own, so a
/// change inside is shown where it is).
struct Items<'a> {
    section: Section,
    entries: Vec<Entry<'a>>,
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

/// Every item list of a plan, one per kind in the order of [`ItemKind::ALL`], from the one
/// description of the plan's items ([`walk`]).
fn lists(p: &Plan) -> Vec<Items<'_>> {
    // The actions each risk threatens, in one pass over the actions (as
    // `Plan::actions_threatened_by` gives them, each action once, but without a pass per risk).
    let mut threatened: HashMap<&str, Vec<&str>> = HashMap::new();
    for a in &p.actions {
        for r in &a.risks {
            let list = threatened.entry(r.as_str()).or_default();
            if list.last() != Some(&a.id.as_str()) {
                list.push(a.id.as_str());
            }
        }
    }
    let mut lists: Vec<Items<'_>> = ItemKind::ALL
        .iter()
        .map(|_| Items {
            section: Section::Facts,
            entries: Vec::new(),
        })
        .collect();
    walk(p, |item| {
        let slot = &mut lists[item.kind() as usize];
        slot.section = item.section();
        // A risk's threatened actions are kept on the actions; show them on the risk as well,
        // so a consultant sees from both sides what a link change did. A set: reordering the
        // actions does not change the risk (A-9 before A-10, as people count).
        let actions = matches!(item, ItemRef::Risk(_)).then(|| {
            let mut actions = threatened.get(item.id()).cloned().unwrap_or_default();
            actions.sort_by_key(|id| (id.len(), *id));
            actions
        });
        slot.entries.push(Entry {
            id: item.id(),
            label: item.caption(Lang::En),
            item,
            actions,
        });
    });
    lists
}

/// Parts of the plan that are not lists: compared field by field.
fn singles(p: &Plan) -> Vec<(Section, &'static str, Value)> {
    let o = &p.openness;
    vec![
        (Section::Facts, "facts", json(&p.facts, &[])),
        (Section::Facts, "glossary", json(&p.glossary, &[])),
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
            json(
                &(&o.framework, &o.description, &o.home_city, &o.method),
                &[],
            ),
        ),
        (Section::Openness, "definition", json(&o.definition, &[])),
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
            old_at.entry(e.id).or_insert(j);
        }
        let new_ids: HashSet<&str> = b.entries.iter().map(|e| e.id).collect();
        // A kind the old version has none of takes its section from the new, and back.
        let section = if b.entries.is_empty() {
            a.section
        } else {
            b.section
        };
        for (i, e) in b.entries.iter().enumerate() {
            let (id, label) = (e.id.to_owned(), &e.label);
            match old_at.get(e.id).copied() {
                None => changes.push(Change {
                    kind: ChangeKind::Added,
                    path: ItemPath::item(section, id.clone()),
                    label: label.clone(),
                    fields: Vec::new(),
                }),
                Some(j) => {
                    let was = &a.entries[j];
                    let fields = if was.equal(e) {
                        Vec::new()
                    } else {
                        field_changes(&was.value(), &e.value())
                    };
                    if !fields.is_empty() {
                        changes.push(Change {
                            kind: ChangeKind::Changed,
                            path: ItemPath::item(section, id.clone()),
                            label: label.clone(),
                            fields,
                        });
                    } else if i != j {
                        changes.push(Change {
                            kind: ChangeKind::Moved,
                            path: ItemPath::item(section, id.clone()),
                            label: label.clone(),
                            fields: Vec::new(),
                        });
                    }
                }
            }
        }
        for e in &a.entries {
            if !new_ids.contains(e.id) {
                changes.push(Change {
                    kind: ChangeKind::Removed,
                    path: ItemPath::item(section, e.id),
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
