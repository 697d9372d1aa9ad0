//! The plan model: plain serde types with no UI, PDF or file I/O.

pub mod calendar;
pub mod catalogue;
pub mod format;
pub mod ids;
pub mod integrity;
pub mod items;
pub mod labels;
pub mod money;
pub mod network;
pub mod order;
pub mod path;
pub mod plan;
pub mod strings;

pub use calendar::{Date, YearMonth};
pub use catalogue::{CallRef, Catalogue, Programme, RegionCategory};
pub use format::{
    Expected, NumberError, month_name, parse_date, parse_money, parse_number, parse_percent,
};
pub use ids::*;
pub use items::{ItemRef, walk};
pub use labels::*;
pub use money::Money;
pub use network::{Currency, ImportRefused, NETWORK_FORMAT_VERSION, Network, NetworkRef};
pub use path::{ItemPath, Section};
pub use plan::*;
