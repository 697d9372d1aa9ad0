//! The comparison of cities' plans in the app (issue 14 point 5), driven headless by its
//! labels: the menu command opens it on the open plan, partner plans are added through the file
//! dialog (read on a job thread), and it shows the profiles against the group average, the
//! trend, actions by theme and the budget by fund.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lap_studio::app::{LapApp, Settings};

mod common;
use common::*;

/// In the app's own file dialog: go to `dir`, type `name`, press `confirm`.
fn choose(h: &mut Harness<'_, LapApp>, dir: &std::path::Path, name: &str, confirm: &str) {
    replace_text(h, "Folder", &dir.display().to_string());
    h.get_by_label("Go").click();
    settle(h);
    replace_text(h, "File name", name);
    h.get_by_label(confirm).click();
    settle(h);
}

#[test]
fn cities_plans_are_compared_in_a_window_built_from_the_file_dialog() {
    let settings = Settings {
        builtin_file_dialog: true,
        ..english()
    };
    let mut h = harness(app_on("sofia-open-cities", settings));
    let templates = std::fs::canonicalize("plan-templates").unwrap();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Compare cities").click();
    // A new window settles over a few frames.
    h.run_steps(8);
    // The window is open on the open plan, and the file dialog asks for another.
    h.get_by_label("Comparison of local action plans");
    choose(
        &mut h,
        &templates,
        "vienna-open-cities.ron",
        "Add to the comparison",
    );
    h.get_by_label("Add a plan…").click();
    h.run_steps(8);
    choose(
        &mut h,
        &templates,
        "dublin-open-cities.ron",
        "Add to the comparison",
    );
    let view = h.state().cities().expect("the comparison is open");
    assert_eq!(
        view.names(),
        [
            "Untitled plan",
            "vienna-open-cities.ron",
            "dublin-open-cities.ron"
        ]
    );
    assert_eq!(view.comparison().index.cities.len(), 3);
    for label in [
        "Plans compared",
        "Openness profiles against the group average",
        "Group average",
        "Openness over the years",
        "Objectives and actions by theme",
        "Budget by fund",
        "Total funding",
    ] {
        h.get_by_label(label);
    }
    h.get_by_label_contains("Vienna — vienna-open-cities.ron");
    h.get_by_label_contains("Dublin — dublin-open-cities.ron");
    assert!(h.query_all_by_label("AMIF").count() >= 1);
    assert!(h.query_all_by_label("Integration & Inclusion").count() >= 1);
    // Dublin goes again; the comparison follows.
    h.get_all_by_label("Remove").last().unwrap().click();
    h.run_steps(8);
    assert_eq!(h.state().cities().unwrap().names().len(), 2);
    assert!(h.query_by_label_contains("Dublin — dublin").is_none());
}
