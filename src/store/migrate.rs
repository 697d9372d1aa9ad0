//! Bringing plans written by older versions up to the current format.
//!
//! History of the format:
//! - 1: the first prototype; a funding line said `secured: true/false`.
//! - 2: a funding line says `status: Secured` or `status: Potential`.
//! - 3: the plan keeps its revision history (`revisions`); older files simply have none.

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
    plan.format_version = FORMAT_VERSION;
}
