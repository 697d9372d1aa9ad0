//! What the tests share: the app on a template, the harness, and ways to type and wait for
//! background jobs (here); running the binary ([`cli`], re-exported); reading our PDFs back
//! ([`pdf`]).

// Each test crate uses a part of it.
#![allow(dead_code, unused_imports)]

pub mod cli;
pub mod pdf;

pub use cli::*;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lap_studio::app::{LapApp, Settings};
use lap_studio::model::Lang;
use lap_studio::store::templates;

pub fn english() -> Settings {
    Settings {
        lang: Lang::En,
        ..Settings::default()
    }
}

pub fn app_on(template: &str, settings: Settings) -> LapApp {
    let plan = templates::find(template).unwrap().plan().unwrap();
    LapApp::new(plan, None, settings, None)
}

pub fn harness(app: LapApp) -> Harness<'static, LapApp> {
    harness_sized(app, [1500.0, 950.0])
}

/// The app in a window of `size` (width, height), after its first frames.
pub fn harness_sized(app: LapApp, size: [f32; 2]) -> Harness<'static, LapApp> {
    let mut h = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut LapApp| app.show(ui), app);
    h.run();
    h
}

/// Runs frames until background file jobs have reported.
pub fn settle(h: &mut Harness<'_, LapApp>) {
    // Generous: a loaded machine may take seconds for a debug-build PDF.
    for _ in 0..3000 {
        // Step, not run: a spinner keeps asking for frames while a job runs.
        h.step();
        if h.state().pending_jobs() == 0 {
            h.run_steps(3);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("background jobs did not finish");
}

pub fn go_to_step(h: &mut Harness<'_, LapApp>, label: &str) {
    h.get_by_label_contains(label).click();
    h.run();
}

/// The role of the text field with this label: one line or several.
pub fn text_role(h: &Harness<'_, LapApp>, label: &str) -> Role {
    if h.query_by_role_and_label(Role::TextInput, label).is_some() {
        Role::TextInput
    } else {
        Role::MultilineTextInput
    }
}

pub fn replace_text(h: &mut Harness<'_, LapApp>, label: &str, text: &str) {
    let role = text_role(h, label);
    h.get_by_role_and_label(role, label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}
