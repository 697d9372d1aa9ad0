//! Bringing plans written by older versions up to the current format.
//!
//! History of the format:
//! - 1: the first prototype; a funding line said `secured: true/false`.
//! - 2: a funding line says `status: Secured` or `status: Potential`.
//! - 3: the plan keeps its revision history (`revisions`); older files simply have none.
//! - 4: the link between an action and a risk is kept once, in the action's `risks`. Formats
//!   1–3 also kept it in the risk's `actions`, and the two could disagree; that list is read
//!   and folded into the actions (every link from either side survives), then dropped.

use std::collections::HashMap;

use crate::model::{FORMAT_VERSION, FundingStatus, Plan};

/// The version assumed for a file that does not say (only the first prototype wrote such files).
pub const UNVERSIONED: u32 = 1;

/// Upgrades a plan read from a file of `from` version to [`FORMAT_VERSION`], in place.
pub fn migrate(plan: &mut Plan, from: u32) {
    if from < 2 {
        for action in &mut plan.actions {
            for line in &mut action.funding {
                if let Some(secured) = line.legacy_secured.take() {
                    line.status = if secured {
                        FundingStatus::Secured
                    } else {
                        FundingStatus::Potential
                    };
                }
            }
        }
    }
    // Not only for `from < 4`: a newer file that still carries a risk's `actions` (written by
    // hand, say) would otherwise lose those links without a word.
    fold_risk_actions(plan);
    plan.format_version = FORMAT_VERSION;
}

/// Format 4: for every risk, each action its old `actions` list names gains that risk in its
/// `risks` (a union: what the action already had comes first, then the added risks in the order
/// of the risks; no duplicates). The old list is then dropped, except for ids that name no
/// action: those stay in it, so the loader refuses the file with their line and column, and the
/// checks of a leniently read file report them, as for any broken reference.
fn fold_risk_actions(plan: &mut Plan) {
    let Plan { actions, risks, .. } = plan;
    // The common case (a format-3 file whose risks list nothing, or a format-4 file) needs no
    // index of the actions.
    if risks
        .iter()
        .all(|r| r.legacy_actions.as_deref().is_none_or(<[_]>::is_empty))
    {
        risks.iter_mut().for_each(|r| r.legacy_actions = None);
        return;
    }
    // The first action of each id, as `Plan::action` finds it.
    let mut index: HashMap<String, usize> = HashMap::with_capacity(actions.len());
    for (i, a) in actions.iter().enumerate() {
        index.entry(a.id.to_string()).or_insert(i);
    }
    for risk in risks.iter_mut() {
        // A risk without an id cannot be named from an action; the loader refuses it for that,
        // and its list is left as it is.
        if crate::model::integrity::is_blank_id(risk.id.as_str()) {
            continue;
        }
        let Some(named) = risk.legacy_actions.take() else {
            continue;
        };
        let mut dangling = Vec::new();
        for id in named {
            match index.get(id.as_str()) {
                Some(&i) => {
                    let links = &mut actions[i].risks;
                    if !links.contains(&risk.id) {
                        links.push(risk.id.clone());
                    }
                }
                None => dangling.push(id),
            }
        }
        if !dangling.is_empty() {
            risk.legacy_actions = Some(dangling);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn ids<T: AsRef<str>>(v: &[T]) -> Vec<&str> {
        v.iter().map(|x| x.as_ref()).collect()
    }

    #[test]
    fn risk_lists_are_folded_into_the_actions_in_order_without_duplicates() {
        let mut p = Plan::new();
        p.actions = vec![
            Action {
                id: "A-1".into(),
                risks: vec!["R-2".into()],
                ..Action::default()
            },
            Action {
                id: "A-2".into(),
                ..Action::default()
            },
        ];
        p.risks = vec![
            Risk {
                id: "R-1".into(),
                legacy_actions: Some(vec!["A-2".into(), "A-1".into(), "A-2".into()]),
                ..Risk::default()
            },
            Risk {
                id: "R-2".into(),
                legacy_actions: Some(vec!["A-1".into()]),
                ..Risk::default()
            },
            Risk {
                id: "R-3".into(),
                legacy_actions: Some(vec!["A-404".into(), "A-1".into()]),
                ..Risk::default()
            },
            Risk {
                id: "R-4".into(),
                legacy_actions: Some(Vec::new()),
                ..Risk::default()
            },
        ];
        migrate(&mut p, 3);
        assert_eq!(p.format_version, FORMAT_VERSION);
        assert_eq!(ids(&p.actions[0].risks), ["R-2", "R-1", "R-3"]);
        assert_eq!(ids(&p.actions[1].risks), ["R-1"]);
        // Only the id that names no action is kept, to be reported.
        let legacy: Vec<_> = p.risks.iter().map(|r| r.legacy_actions.clone()).collect();
        assert_eq!(legacy, [None, None, Some(vec!["A-404".into()]), None]);
        // Folding twice changes nothing.
        let once = p.clone();
        migrate(&mut p, FORMAT_VERSION);
        assert_eq!(p, once);
    }
}
