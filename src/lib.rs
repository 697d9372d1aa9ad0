//! LAP Studio: write a city's Local Action Plan for migrant integration and openness, the way
//! the URBACT OPEN Cities network did, check it, and publish it.
//!
//! Data flows one way: file ([`store`]) → [`model`] → [`analysis`] → app or report.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod i18n;
pub mod model;
pub mod report;
pub mod store;
pub mod synthetic;
pub mod terminal;
