//! A network's shared file (`*.lapnet.ron`): the partner cities, the agreed openness framework
//! with every city's values by year, and the network's good-practice library. A plan takes the
//! framework and the values from it and records which network and which version it took, so a
//! check can tell when the plan's copy is older than the network's.

use serde::{Deserialize, Serialize};

use super::calendar::{Date, YearMonth};
use super::ids::CityId;
use super::plan::{GoodPractice, OpennessAssessment, Plan};

/// The network-file layout this build writes. Bump it, with a migration, whenever a change
/// would make an older build misread a newer file.
pub const NETWORK_FORMAT_VERSION: u32 = 1;

/// The usual ending of a network file's name.
pub const NETWORK_EXTENSION: &str = ".lapnet.ron";

/// A network of cities and what they agreed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Network {
    /// Network-file layout version; see [`NETWORK_FORMAT_VERSION`].
    pub format_version: u32,
    /// The network's name, e.g. "OPEN Cities".
    pub name: String,
    /// The version of what the network agreed, e.g. "2026.2"; a plan records it on import.
    pub version: String,
    /// When this version was agreed or published; a plan's copy of an earlier date is older.
    pub date: Option<Date>,
    /// First month of the network's period.
    pub period_start: Option<YearMonth>,
    /// Last month of the network's period.
    pub period_end: Option<YearMonth>,
    /// The lead partner, one of the framework's cities.
    pub lead_partner: Option<CityId>,
    /// What the network is and does, in words.
    pub description: String,
    /// The agreed framework (areas, indicators, directions, weights, definition, method), the
    /// partner cities and every city's values by year with their sources. It names no home
    /// city: each plan says which is its own.
    pub openness: OpennessAssessment,
    /// The network's good-practice library.
    pub practices: Vec<GoodPractice>,
}

/// Which network file a plan took its framework and values from, and which version.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NetworkRef {
    /// The network's name.
    pub name: String,
    /// The version taken.
    pub version: String,
    /// The date of the version taken.
    pub date: Option<Date>,
    /// The file it was read from, as given on import (an absolute path from the app). The app
    /// reads it, off the window's thread and read-only, only to tell when the copy is older;
    /// a relative path is taken from the plan's folder.
    pub file: String,
}

/// How a plan's copy of a network's framework compares with the network file.
#[derive(Clone, Debug, PartialEq)]
pub enum Currency {
    /// The plan took nothing from a network.
    NotLinked,
    /// The plan took its copy from another network (by name).
    OtherNetwork,
    /// The plan's copy is this version.
    Current,
    /// The network has a newer version than the plan's copy.
    Older {
        /// What the plan took.
        taken: NetworkRef,
    },
}

/// Why a network's framework was not taken into a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportRefused {
    /// The plan is adopted.
    Adopted,
}

impl Network {
    /// An empty network of the current format.
    pub fn new(name: &str) -> Self {
        Network {
            format_version: NETWORK_FORMAT_VERSION,
            name: name.trim().to_owned(),
            version: "1".into(),
            ..Network::default()
        }
    }

    /// A network seeded from a plan: its framework, cities and values (no home city), and its
    /// own practices as the first entries of the library.
    pub fn from_plan(name: &str, plan: &Plan) -> Self {
        let mut openness = plan.openness.clone();
        openness.home_city = None;
        Network {
            lead_partner: plan.openness.home_city.clone(),
            openness,
            practices: plan.practices.clone(),
            ..Network::new(name)
        }
    }

    /// The reference a plan keeps after taking this version from `file`.
    pub fn reference(&self, file: &str) -> NetworkRef {
        NetworkRef {
            name: self.name.clone(),
            version: self.version.clone(),
            date: self.date,
            file: file.to_owned(),
        }
    }

    /// Gives `plan` the network's framework and values, replacing its own, and records the
    /// network's name, version and date. The plan's home city stays when the network has a
    /// city of that id, else it is the network's city named as the plan's city (or none).
    pub fn apply_to(&self, plan: &mut Plan, file: &str) {
        let home = plan
            .openness
            .home_city
            .clone()
            .filter(|h| self.openness.cities.iter().any(|c| &c.id == h))
            .or_else(|| {
                let city = plan.facts.city.trim().to_lowercase();
                self.openness
                    .cities
                    .iter()
                    .find(|c| !city.is_empty() && c.name.trim().to_lowercase() == city)
                    .map(|c| c.id.clone())
            });
        plan.openness = OpennessAssessment {
            home_city: home,
            ..self.openness.clone()
        };
        plan.network = Some(self.reference(file));
    }

    /// Takes the network's framework and values into `plan` as `lap-studio network import`
    /// and the app's File › Take framework from network file… both do: refused for an adopted
    /// plan (its published figures change only in a new revision), else [`Self::apply_to`].
    pub fn import_into(&self, plan: &mut Plan, file: &str) -> Result<(), ImportRefused> {
        if plan.facts.status == super::PlanStatus::Adopted {
            return Err(ImportRefused::Adopted);
        }
        self.apply_to(plan, file);
        Ok(())
    }

    /// Each of the network's cities as a plan of its own for the comparison of cities: the
    /// network's framework and values with that city as the home city, named by the city and
    /// titled by the network (no objectives, actions or money).
    pub fn city_plans(&self) -> Vec<Plan> {
        self.openness
            .cities
            .iter()
            .map(|c| {
                let mut p = Plan::new();
                p.facts.city = c.name.clone();
                p.facts.country = c.country.clone();
                p.facts.title = self.name.clone();
                p.openness = OpennessAssessment {
                    home_city: Some(c.id.clone()),
                    ..self.openness.clone()
                };
                p
            })
            .collect()
    }

    /// Whether `plan`'s copy is this network's current version: older when the network's date
    /// is later than the copy's, or (without dates to compare) when the versions differ.
    pub fn currency_of(&self, plan: &Plan) -> Currency {
        let Some(taken) = &plan.network else {
            return Currency::NotLinked;
        };
        if taken.name.trim() != self.name.trim() {
            return Currency::OtherNetwork;
        }
        let older = match (taken.date, self.date) {
            (Some(mine), Some(theirs)) if mine != theirs => mine < theirs,
            _ => taken.version.trim() != self.version.trim(),
        };
        if older {
            Currency::Older {
                taken: taken.clone(),
            }
        } else {
            Currency::Current
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{City, OpennessValue};

    fn network() -> Network {
        let mut n = Network::new("OPEN Cities");
        n.version = "2026.1".into();
        n.date = "2026-03-01".parse().ok();
        n.openness.cities = vec![
            City {
                id: "C-1".into(),
                name: "Sofia".into(),
                country: "BG".into(),
            },
            City {
                id: "C-2".into(),
                name: "Vienna".into(),
                country: "AT".into(),
            },
        ];
        n.openness.values.push(OpennessValue {
            city: "C-2".into(),
            indicator: "OI-1".into(),
            value: 30.0,
            year: Some(2024),
            source: "Statistik Austria".into(),
        });
        n
    }

    #[test]
    fn a_plan_synced_from_a_network_is_told_when_its_copy_is_older() {
        let mut plan = Plan::new();
        plan.facts.city = "sofia".into();
        let mut net = network();
        assert_eq!(net.currency_of(&plan), Currency::NotLinked);
        net.apply_to(&mut plan, "open.lapnet.ron");
        assert_eq!(plan.openness.values, net.openness.values);
        assert_eq!(plan.openness.home_city, Some("C-1".into()), "found by name");
        assert_eq!(net.currency_of(&plan), Currency::Current);
        // The network agrees a new version.
        net.version = "2026.2".into();
        net.date = "2026-09-15".parse().ok();
        let Currency::Older { taken } = net.currency_of(&plan) else {
            panic!("older");
        };
        assert_eq!(taken.version, "2026.1");
        // Without dates, the version decides.
        net.date = None;
        assert!(matches!(net.currency_of(&plan), Currency::Older { .. }));
        net.version = "2026.1".into();
        assert_eq!(net.currency_of(&plan), Currency::Current);
        // Another network's file says nothing about this copy.
        net.name = "Arrival Cities".into();
        assert_eq!(net.currency_of(&plan), Currency::OtherNetwork);
    }

    #[test]
    fn an_adopted_plan_refuses_the_import_and_stays_as_it_was() {
        let mut plan = Plan::new();
        plan.facts.status = crate::model::PlanStatus::Adopted;
        let before = plan.clone();
        assert_eq!(
            network().import_into(&mut plan, "x"),
            Err(ImportRefused::Adopted)
        );
        assert_eq!(plan, before);
        plan.facts.status = crate::model::PlanStatus::Draft;
        assert_eq!(network().import_into(&mut plan, "x"), Ok(()));
        assert_eq!(plan.network.unwrap().version, "2026.1");
    }

    #[test]
    fn each_city_of_the_network_becomes_a_plan_for_the_comparison() {
        let mut net = network();
        net.openness.areas = vec![crate::model::OpennessArea {
            id: "OA-1".into(),
            name: "Migration".into(),
            weight: 1.0,
            indicators: vec![crate::model::OpennessIndicator {
                id: "OI-1".into(),
                name: "Foreign-born share".into(),
                weight: 1.0,
                ..crate::model::OpennessIndicator::default()
            }],
        }];
        let plans = net.city_plans();
        assert_eq!(plans.len(), 2);
        assert_eq!(plans[1].facts.city, "Vienna");
        assert_eq!(plans[1].facts.title, "OPEN Cities");
        assert_eq!(plans[1].openness.home_city, Some("C-2".into()));
        let c = crate::analysis::compare::compare(
            &plans,
            crate::model::OpennessMethod::RelativeToAverage,
            crate::model::Lang::En,
        );
        // Only Vienna has a value: it is the one city with an index.
        let with_index: Vec<&str> = c
            .index
            .cities
            .iter()
            .filter(|x| x.overall.is_some())
            .map(|x| x.name.as_str())
            .collect();
        assert_eq!(with_index, ["Vienna"]);
    }

    #[test]
    fn import_keeps_the_home_city_the_network_knows() {
        let mut plan = Plan::new();
        plan.openness.home_city = Some("C-2".into());
        network().apply_to(&mut plan, "x");
        assert_eq!(plan.openness.home_city, Some("C-2".into()));
        let mut plan = Plan::new();
        plan.openness.home_city = Some("C-9".into());
        network().apply_to(&mut plan, "x");
        assert_eq!(plan.openness.home_city, None);
    }
}
