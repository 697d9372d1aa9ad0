//! Bringing plans written by older versions up to the current format.
//!
//! History of the format:
//! - 1: the first prototype; a funding line said `secured: true/false`.
//! - 2: a funding line says `status: Secured` or `status: Potential`.
//! - 3: the plan keeps its revision history (`revisions`); older files simply have none.
//! - 4: the link between an action and a risk is kept once, in the action's `risks`. Formats
//!   1–3 also kept it in the risk's `actions`, and the two could disagree; that list is read
//!   and folded into the actions (every link from either side survives), then dropped.
//! - 5: funding lines and pilots point to the funding catalogue (`catalogue`), the plan may hold
//!   its own catalogue entries, its region category and a list of sources. Older free-text
//!   programme and call names are linked to the shipped catalogue where an entry names them
//!   (its name or one of its `aliases`), and kept as text where none does.
//! - 6: the openness assessment says how it scores (`method`: `RelativeToAverage`, the
//!   OPENCities Monitor's way and the default of new plans, or `MinMax`); the facts gain the
//!   approval page's signatories, a foreword, cover logos and the EU emblem; the plan its own
//!   glossary entries. Older plans keep `MinMax`: every index they showed, and any a council
//!   adopted or a funder received, was computed that way, and opening a file must not change
//!   its published figures; the planner may switch in the openness step. The other new fields
//!   are simply empty.
//! - 7: openness values may repeat over the years, one per city, indicator and year (before, one
//!   per city and indicator); the index is computed per year and as a trend, and the latest
//!   profile takes each city's most recent value of each indicator. A value without a year
//!   counts only in the latest profile, and only where the city has no dated value of that
//!   indicator. A format-6 file held at most one value per city and indicator, so its latest
//!   profile is the index it showed, figure for figure, and its values need no change. The
//!   assessment gains its own `definition` of openness, empty in older files.
//! - 8: the plan keeps its own good practices (`practices`, ids `GP-n` as in the shipped
//!   library), an action may say which one it adapts (`adapts`, with the Understand–Adapt–Re-use
//!   notes), and the plan keeps an exchange and participation register (`exchanges`: study
//!   visits, seminars, debates, consultations with their comments and responses, events), and
//!   says which network file its openness framework and values came from (`network`, with the
//!   network's name, version and date). A format-7 file had none of these; its lists start empty and nothing else changes
//!   ([`to_format_8`]).
//! - 9: the plan is followed through implementation: `monitoring` holds the rounds (indicator
//!   actuals, action progress with spend per funding line and milestones reached) and the
//!   tolerance status is judged with; actions gain `milestones`. An older file has neither, so it
//!   loads with no rounds, no milestones and the default tolerance ([`since_9`]).

use std::collections::HashMap;

use crate::model::{CallRef, FORMAT_VERSION, FundingStatus, OpennessMethod, Plan, Programme};

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
    if from < 5 {
        link_catalogue(plan, super::catalogue::shipped());
    }
    if from < 6 {
        plan.openness.method = OpennessMethod::MinMax;
    }
    if from < 8 {
        to_format_8(plan);
    }
    if from < 9 {
        since_9(plan);
    }
    plan.format_version = FORMAT_VERSION;
}

/// Format 8: nothing to convert. The new lists (practices, exchanges) and links (`adapts`)
/// start empty through the structs' defaults, and a file that says it is older but carries
/// them (written by hand) keeps what it says. The step is its own function so the history
/// reads one step a version, and a later format bump merges beside it, not into it.
fn to_format_8(_plan: &mut Plan) {}
/// Format 9: an older file has no rounds and its actions no milestones, so nothing is converted;
/// status is judged with the default tolerance. Kept as a step of its own so the history above
/// has a place in the code, and a later change to these defaults has one to go.
fn since_9(plan: &mut Plan) {
    // A file that says it is older and still has rounds was edited by hand: its rounds are read
    // as they are, only the tolerance falls back to the default when it is not a sane number.
    if plan.monitoring.tolerance.is_finite() && plan.monitoring.tolerance >= 0.0 {
        return;
    }
    plan.monitoring.tolerance = crate::model::DEFAULT_TOLERANCE;
}

/// Format 5: free-text programme and call names become catalogue references where an entry of
/// `catalogue` names them; the text is dropped only for what was linked.
pub fn link_catalogue(plan: &mut Plan, catalogue: &[Programme]) {
    let Plan {
        actions, pilots, ..
    } = plan;
    let lines = actions
        .iter_mut()
        .flat_map(|a| a.funding.iter_mut())
        .map(|l| (&mut l.catalogue, &mut l.programme, &mut l.call));
    let fiches = pilots
        .iter_mut()
        .map(|p| (&mut p.catalogue, &mut p.programme, &mut p.call));
    for (reference, programme, call) in lines.chain(fiches) {
        if reference.is_some() || (programme.trim().is_empty() && call.trim().is_empty()) {
            continue;
        }
        if let Some((found, call_found)) = find_entry(catalogue, programme, call) {
            programme.clear();
            if call_found {
                call.clear();
            }
            *reference = Some(found);
        }
    }
}

/// The entry free text names: a call named by its title, code or an alias wins (it also fixes
/// the programme, as when an old file filed a Union-actions call under the national programme);
/// else the programme named by its name or an alias. The flag says whether the call was found.
fn find_entry(catalogue: &[Programme], programme: &str, call: &str) -> Option<(CallRef, bool)> {
    let same = |a: &str, b: &str| {
        !b.trim().is_empty() && a.trim().to_lowercase() == b.trim().to_lowercase()
    };
    let names_programme = |p: &Programme| {
        same(&p.name_bg, programme)
            || same(&p.name_en, programme)
            || p.aliases.iter().any(|a| same(a, programme))
    };
    let names_call = |c: &crate::model::catalogue::Call| {
        same(&c.title_bg, call)
            || same(&c.title_en, call)
            || same(&c.code, call)
            || c.aliases.iter().any(|a| same(a, call))
    };
    // A call's own name is the strongest evidence, but when two programmes have a call of that
    // name, the programme named in the text decides.
    let by_call: Vec<(&Programme, &str)> = catalogue
        .iter()
        .flat_map(|p| {
            p.calls
                .iter()
                .filter(|c| names_call(c))
                .map(move |c| (p, c.key.as_str()))
        })
        .collect();
    let chosen = by_call
        .iter()
        .find(|(p, _)| names_programme(p))
        .or_else(|| by_call.first());
    if let Some((p, c)) = chosen {
        return Some((
            CallRef {
                programme: p.key.clone(),
                call: c.to_string(),
            },
            true,
        ));
    }
    catalogue.iter().find(|p| names_programme(p)).map(|p| {
        (
            CallRef {
                programme: p.key.clone(),
                call: String::new(),
            },
            false,
        )
    })
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
    use crate::model::catalogue::Call;
    use crate::model::*;

    fn catalogue() -> Vec<Programme> {
        let call = |key: &str, alias: &str| Call {
            key: key.into(),
            title_bg: format!("Покана {key}"),
            aliases: vec![alias.into()],
            ..Call::default()
        };
        vec![
            Programme {
                key: "national".into(),
                name_bg: "Програма на ФУМИ".into(),
                calls: vec![call("early", "ранна интеграция")],
                ..Programme::default()
            },
            Programme {
                key: "union".into(),
                name_bg: "Действия на Съюза".into(),
                calls: vec![call("local", "местна интеграция")],
                ..Programme::default()
            },
        ]
    }

    fn line(programme: &str, call: &str) -> FundingLine {
        FundingLine {
            programme: programme.into(),
            call: call.into(),
            ..FundingLine::default()
        }
    }

    #[test]
    fn free_text_is_linked_where_the_catalogue_names_it_and_kept_where_not() {
        let mut p = Plan::new();
        p.actions = vec![Action {
            funding: vec![
                // A Union-actions call filed under the national programme: the call decides.
                line("програма на ФУМИ", "Местна интеграция"),
                line("Програма на ФУМИ", "ранна интеграция"),
                line("Програма на ФУМИ", "a call nobody knows"),
                line("Спонсори", ""),
                line("", ""),
            ],
            ..Action::default()
        }];
        p.pilots = vec![Pilot {
            programme: "Действия на Съюза".into(),
            ..Pilot::default()
        }];
        link_catalogue(&mut p, &catalogue());
        let r = |programme: &str, call: &str| {
            Some(CallRef {
                programme: programme.into(),
                call: call.into(),
            })
        };
        let f = &p.actions[0].funding;
        assert_eq!(f[0].catalogue, r("union", "local"));
        assert_eq!((f[0].programme.as_str(), f[0].call.as_str()), ("", ""));
        assert_eq!(f[1].catalogue, r("national", "early"));
        assert_eq!(f[2].catalogue, r("national", ""));
        assert_eq!(
            f[2].call, "a call nobody knows",
            "unknown call text is kept"
        );
        assert_eq!(f[3].catalogue, None);
        assert_eq!(f[3].programme, "Спонсори");
        assert_eq!(f[4].catalogue, None);
        assert_eq!(p.pilots[0].catalogue, r("union", ""));
    }

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
