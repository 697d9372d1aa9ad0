//! What the plan says when you add it up: checks and completeness, budget, timeline, openness
//! index. Pure functions of the plan.

pub mod budget;
pub mod checks;
pub mod compare;
pub mod diff;
pub mod monitoring;
pub mod openness;
pub mod progress;
pub mod summary;
pub mod timeline;
pub mod trends;

pub use budget::{Budget, budget};
pub use checks::{Finding, Report, Severity, check};
pub use openness::{OpennessIndex, openness_index};
pub use timeline::{Timeline, timeline};
