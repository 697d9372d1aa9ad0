//! Network files (`*.lapnet.ron`) on disk: read with the same limits and located errors as
//! plans, checked for broken ids and references, written atomically in canonical form.

use std::path::Path;

use serde::Deserialize;

use super::atomic::{Replace, Replaced, replace_with};
use super::error::{LoadError, LoadErrorKind, Location, SaveError};
use super::file::{locate_all, read_text, ron_options, syntax, without_bom};
use super::limits;
use crate::model::{NETWORK_FORMAT_VERSION, Network, Plan, integrity};

#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    format_version: u32,
}

/// The canonical text of a network file, as plans are written: one field per line.
pub fn to_ron(network: &Network) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(true)
        .compact_arrays(false)
        .escape_strings(true);
    let mut text = ron::ser::to_string_pretty(network, config)
        .unwrap_or_else(|e| unreachable!("a network always serialises: {e}"));
    text.push('\n');
    text
}

/// The network's framework, values and practices as a plan holds them, so the plan's
/// integrity rules and checks apply to them unchanged.
pub fn as_plan(network: &Network) -> Plan {
    let mut plan = Plan::new();
    plan.facts.title = network.name.clone();
    plan.openness = network.openness.clone();
    plan.practices = network.practices.clone();
    plan
}

/// Reads a network from RON text; `origin` names the file in errors. Refuses what a plan file
/// would be refused for (size, limits, syntax, a newer format, broken ids and references),
/// each with its line and column, and a lead partner that is not one of the cities.
pub fn parse(text: &str, origin: &Path) -> Result<Network, LoadError> {
    let text = without_bom(text);
    let err = |kind| LoadError {
        file: origin.to_path_buf(),
        kind,
    };
    if text.trim().is_empty() {
        return Err(err(LoadErrorKind::Syntax {
            at: Location { line: 1, column: 1 },
            message: "the file is empty; expected a network starting with `(`".into(),
        }));
    }
    limits::check_size(text.len()).map_err(|e| {
        err(LoadErrorKind::Limit {
            at: Location { line: 1, column: 1 },
            message: e.message,
        })
    })?;
    if let Err(e) = limits::check(text) {
        return Err(err(LoadErrorKind::Limit {
            at: Location::of_offset(text, e.offset),
            message: e.message,
        }));
    }
    let newer = |found| {
        err(LoadErrorKind::NewerVersion {
            found,
            supported: NETWORK_FORMAT_VERSION,
        })
    };
    let network = match ron_options().from_str::<Network>(text) {
        Ok(n) if n.format_version > NETWORK_FORMAT_VERSION => return Err(newer(n.format_version)),
        Ok(n) => n,
        Err(e) => {
            let version = ron_options()
                .from_str::<VersionProbe>(text)
                .map_or(0, |p| p.format_version);
            if version > NETWORK_FORMAT_VERSION {
                return Err(newer(version));
            }
            return Err(err(syntax(e, text)));
        }
    };
    let plan = as_plan(&network);
    let mut problems = integrity::problems(&plan);
    problems.truncate(super::file::MAX_LISTED_PROBLEMS);
    let mut located = locate_all(text, &problems);
    if let Some(lead) = &network.lead_partner
        && !network.openness.cities.iter().any(|c| &c.id == lead)
    {
        let at = text
            .find("lead_partner")
            .map(|o| Location::of_offset(text, o));
        located.push(super::error::LocatedProblem {
            location: at,
            message: format!("lead_partner names {lead:?}, which is none of the network's cities"),
        });
    }
    if !located.is_empty() {
        return Err(err(LoadErrorKind::Integrity(located)));
    }
    let mut network = network;
    network.format_version = NETWORK_FORMAT_VERSION;
    Ok(network)
}

/// Reads a network file (bounded in size, UTF-8, then [`parse`]).
pub fn load(path: &Path) -> Result<Network, LoadError> {
    let text = read_text(path)?;
    parse(&text, path)
}

/// Writes a network file atomically in canonical form (the previous file kept as `NAME.bak`).
pub fn save(path: &Path, network: &Network, how: Replace) -> Result<Replaced, SaveError> {
    let text = to_ron(network);
    if let Err(e) = limits::check_size(text.len()).and_then(|()| limits::check(&text)) {
        return Err(SaveError {
            file: path.to_path_buf(),
            step: "checking the network against the limits of a file",
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.message),
        });
    }
    replace_with(path, how, |w| w.write_all(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{City, OpennessValue};

    fn sample() -> Network {
        let plan = super::super::templates::find("sofia-open-cities")
            .unwrap()
            .plan()
            .unwrap();
        Network::from_plan("OPEN Cities", &plan)
    }

    #[test]
    fn a_network_round_trips_in_canonical_form() {
        let n = sample();
        assert!(!n.openness.values.is_empty() && n.openness.home_city.is_none());
        let text = to_ron(&n);
        assert!(text.starts_with("(\n    format_version: 1,\n    name: \"OPEN Cities\","));
        let back = parse(&text, Path::new("n.lapnet.ron")).unwrap();
        assert_eq!(back, n);
        assert_eq!(to_ron(&back), text);
    }

    #[test]
    fn broken_files_are_refused_with_their_place() {
        let p = Path::new("n.lapnet.ron");
        let e = parse("(name: \"X\", colour: 1)", p).unwrap_err();
        assert!(e.to_string().contains("1:"), "{e}");
        let e = parse("(format_version: 2)", p).unwrap_err();
        assert!(
            matches!(
                e.kind,
                LoadErrorKind::NewerVersion {
                    found: 2,
                    supported: 1
                }
            ),
            "{e}"
        );
        assert!(parse("  ", p).is_err());
        // A value of a city the network does not have, located on its line.
        let mut n = sample();
        n.openness.values.push(OpennessValue {
            city: "C-99".into(),
            indicator: n.openness.values[0].indicator.clone(),
            value: 1.0,
            year: Some(2024),
            source: String::new(),
        });
        let text = to_ron(&n);
        let e = parse(&text, p).unwrap_err();
        let LoadErrorKind::Integrity(found) = &e.kind else {
            panic!("{e}");
        };
        let line = text.lines().position(|l| l.contains("\"C-99\"")).unwrap() + 1;
        assert!(
            found
                .iter()
                .any(|f| f.location.is_some_and(|l| l.line == line)),
            "{e}"
        );
        // A lead partner that is none of the cities.
        let mut n = sample();
        n.openness.cities.push(City {
            id: "C-50".into(),
            ..City::default()
        });
        n.lead_partner = Some("C-77".into());
        let e = parse(&to_ron(&n), p).unwrap_err();
        assert!(e.to_string().contains("lead_partner"), "{e}");
    }
}
