//! Named colours and measures of the interface, in one place.

use egui::Color32;

/// Errors and things that were refused.
pub const ERROR: Color32 = Color32::from_rgb(200, 40, 40);
/// Warnings and things to look at.
pub const WARNING: Color32 = Color32::from_rgb(190, 120, 0);
/// Hints.
pub const HINT: Color32 = Color32::from_rgb(60, 120, 200);
/// Something added or done.
pub const ADDED: Color32 = Color32::from_rgb(30, 140, 60);
/// Monitoring status: on track (green), at risk (amber), off track (red), no data (grey).
pub const ON_TRACK: Color32 = Color32::from_rgb(30, 140, 60);
/// At risk.
pub const AT_RISK: Color32 = Color32::from_rgb(190, 120, 0);
/// Off track.
pub const OFF_TRACK: Color32 = Color32::from_rgb(200, 40, 40);
/// No data.
pub const NO_DATA: Color32 = Color32::from_rgb(128, 128, 128);
/// The background of the lock banner.
pub const BANNER_FILL: Color32 = Color32::from_rgb(255, 243, 205);
/// The text of the lock banner.
pub const BANNER_TEXT: Color32 = Color32::from_rgb(90, 60, 0);

/// Money that is secured, and a low risk.
pub const SECURED: Color32 = Color32::from_rgb(44, 160, 44);
/// Money that is only potential.
pub const POTENTIAL: Color32 = Color32::from_rgb(255, 176, 40);
/// A medium risk.
pub const RISK_MEDIUM: Color32 = Color32::from_rgb(230, 180, 30);
/// A high risk.
pub const RISK_HIGH: Color32 = Color32::from_rgb(240, 120, 20);

/// Width of the steps panel at its start (it can be resized and hidden).
pub const STEPS_WIDTH: f32 = 235.0;
/// Width of the findings panel at its start.
pub const FINDINGS_WIDTH: f32 = 300.0;
/// Below this window width the side panels start hidden, so the editor has room.
pub const NARROW_WINDOW: f32 = 1000.0;

/// The most a grid's first column of names takes before it wraps (the Monitoring step's
/// indicators × years), so the years beside it keep the room.
pub const GRID_NAME_WIDTH: f32 = 190.0;
