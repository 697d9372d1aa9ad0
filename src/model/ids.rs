//! Stable, typed ids. Items refer to each other by these, never by position, so reordering or
//! renaming an item never breaks a link. Ids are short readable strings (`A-12`) because
//! consultants read plan files as text.

use serde::{Deserialize, Serialize};

macro_rules! define_ids {
    ($($(#[$m:meta])* $name:ident => $prefix:literal),+ $(,)?) => {
        $(
            $(#[$m])*
            #[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
            #[serde(transparent)]
            pub struct $name(pub String);

            impl $name {
                /// The prefix new ids of this kind get (`A` in `A-12`).
                pub const PREFIX: &'static str = $prefix;

                /// The id as text.
                pub fn as_str(&self) -> &str {
                    &self.0
                }
            }

            impl std::fmt::Display for $name {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str(&self.0)
                }
            }

            impl AsRef<str> for $name {
                fn as_ref(&self) -> &str {
                    &self.0
                }
            }

            impl From<&str> for $name {
                fn from(s: &str) -> Self {
                    Self(s.to_owned())
                }
            }
        )+
    };
}

define_ids! {
    /// A piece of context evidence (a baseline figure).
    EvidenceId => "EV",
    /// A Local Support Group member.
    MemberId => "M",
    /// A Local Support Group meeting.
    MeetingId => "MT",
    /// A problem of the problem tree.
    ProblemId => "P",
    /// A strategic objective.
    ObjectiveId => "SO",
    /// A specific (SMART) objective under a strategic objective.
    SpecificObjectiveId => "SP",
    /// An action (measure).
    ActionId => "A",
    /// A funding line of an action.
    FundingLineId => "F",
    /// A goal of the city's marketing or internationalisation strategy.
    StrategyGoalId => "SG",
    /// A pilot project fiche.
    PilotId => "PL",
    /// A monitoring indicator.
    IndicatorId => "I",
    /// A risk.
    RiskId => "R",
    /// A city in the openness comparison.
    CityId => "C",
    /// An area of the openness framework.
    OpennessAreaId => "OA",
    /// An indicator of the openness framework.
    OpennessIndicatorId => "OI",
    /// A review comment.
    CommentId => "CM",
    /// A source in the plan's list of sources.
    SourceId => "SRC",
    /// A good practice (the shipped library's and the plan's own share the prefix).
    PracticeId => "GP",
    /// An entry of the exchange and participation register.
    ExchangeId => "EX",
    /// A monitoring round.
    MonitoringRoundId => "MR",
    /// A milestone of an action.
    MilestoneId => "MS",
}

/// A fresh id `PREFIX-N`, N one more than the highest number already used with that prefix.
/// Numbers are never reused while the higher ones exist, so a deleted item's id is not handed
/// to a new, different item in the same session.
pub fn fresh_id<'a>(prefix: &str, existing: impl IntoIterator<Item = &'a str>) -> String {
    let max = existing
        .into_iter()
        .filter_map(|id| {
            id.strip_prefix(prefix)?
                .strip_prefix('-')?
                .parse::<u64>()
                .ok()
        })
        .max()
        .unwrap_or(0);
    format!("{prefix}-{}", max.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_id_follows_the_highest_number() {
        assert_eq!(fresh_id("A", []), "A-1");
        assert_eq!(fresh_id("A", ["A-1", "A-7", "A-3", "SO-99", "A-x"]), "A-8");
        // A prefix that is a prefix of another must not pick up the other's numbers.
        assert_eq!(fresh_id("S", ["SO-4"]), "S-1");
    }
}
