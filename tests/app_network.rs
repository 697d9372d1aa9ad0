//! The network file in the app (issue 14 point 2), driven headless by its labels: File › Take
//! framework from network file… (read on a job thread, one undoable edit, refused for an
//! adopted plan), the Openness step's notice when the plan's copy is older than the network
//! file it came from, the network's practice library in the Good practices step, and a network
//! file's cities in the comparison window.

use std::path::Path;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lap_studio::app::{LapApp, Settings};
use lap_studio::model::{GoodPractice, Network, Plan, PlanStatus};
use lap_studio::store::{self, templates};

mod common;
use common::*;

fn settings() -> Settings {
    Settings {
        builtin_file_dialog: true,
        ..english()
    }
}

fn template(name: &str) -> Plan {
    templates::find(name).unwrap().plan().unwrap()
}

/// A network from the Vienna sample's framework and values, version `version` of `date`, with
/// a practice of its own, written to `dir/open.lapnet.ron`.
fn write_network(dir: &Path, version: &str, date: &str) -> (Network, std::path::PathBuf) {
    let mut net = Network::from_plan("OPEN Cities", &template("vienna-open-cities"));
    net.version = version.into();
    net.date = date.parse().ok();
    net.practices = vec![GoodPractice {
        id: "GP-90".into(),
        city: "Belfast".into(),
        country: "United Kingdom".into(),
        title: "Network welcome pack".into(),
        ..GoodPractice::default()
    }];
    let path = dir.join("open.lapnet.ron");
    store::network::save(&path, &net, store::atomic::Replace::PLAN).unwrap();
    (net, path)
}

/// In the app's own file dialog: go to `dir`, type `name`, press `confirm`.
fn choose(h: &mut Harness<'_, LapApp>, dir: &Path, name: &str, confirm: &str) {
    // The dialog's first frame only measures it; type into it on the next.
    h.run();
    replace_text(h, "Folder", &dir.display().to_string());
    h.get_by_label("Go").click();
    settle(h);
    replace_text(h, "File name", name);
    h.get_by_label(confirm).click();
    settle(h);
}

fn take_from_menu(h: &mut Harness<'_, LapApp>, dir: &Path) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Take framework from network file")
        .click();
    settle(h);
    choose(h, dir, "open.lapnet.ron", "Take");
}

#[test]
fn the_framework_is_taken_from_a_network_file_as_one_undoable_edit() {
    let dir = tempfile::tempdir().unwrap();
    let (net, path) = write_network(dir.path(), "2026.1", "2026-03-01");
    let mut h = harness(LapApp::new(
        template("sofia-open-cities"),
        None,
        settings(),
        None,
    ));
    let start = h.state().doc().plan().clone();
    take_from_menu(&mut h, dir.path());
    let plan = h.state().doc().plan().clone();
    // The same rules as `lap-studio network import`: the network's values, the home city
    // found by name, the network recorded with the file it came from.
    let mut expected = start.clone();
    net.import_into(&mut expected, &path.display().to_string())
        .unwrap();
    assert_eq!(plan, expected);
    let taken = plan.network.as_ref().unwrap();
    assert_eq!(taken.version, "2026.1");
    assert_eq!(Path::new(&taken.file), path);
    h.get_by_label_contains("Took the framework of OPEN Cities, version 2026.1");
    // The network's library is beside the shipped one.
    go_to_step(&mut h, "Good practices");
    h.get_by_label("The library of OPEN Cities").click();
    h.run();
    h.get_by_label_contains("GP-90").click();
    h.run();
    h.get_by_label("Network welcome pack");
    // One undo takes it all back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().plan(), &start);
}

#[test]
fn an_adopted_plan_takes_nothing_from_a_network_file() {
    let dir = tempfile::tempdir().unwrap();
    write_network(dir.path(), "2026.1", "2026-03-01");
    let mut plan = template("sofia-open-cities");
    plan.facts.status = PlanStatus::Adopted;
    let mut h = harness(LapApp::new(plan.clone(), None, settings(), None));
    take_from_menu(&mut h, dir.path());
    h.get_by_label_contains("nothing was taken from the network file");
    assert_eq!(h.state().doc().plan(), &plan);
}

#[test]
fn the_openness_step_says_when_the_network_file_is_newer_and_takes_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let (old, path) = write_network(dir.path(), "2026.1", "2026-03-01");
    let mut plan = template("sofia-open-cities");
    old.import_into(&mut plan, &path.display().to_string())
        .unwrap();
    // The network agrees a new version with another value.
    let (mut new, _) = write_network(dir.path(), "2026.2", "2026-09-15");
    new.openness.values[0].value += 1.0;
    store::network::save(&path, &new, store::atomic::Replace::PLAN).unwrap();

    let mut h = harness(LapApp::new(plan, None, settings(), None));
    settle(&mut h);
    go_to_step(&mut h, "Openness");
    h.get_by_label_contains("has version 2026.2");
    h.get_by_label("Take the new version").click();
    h.run();
    settle(&mut h);
    let plan = h.state().doc().plan();
    assert_eq!(plan.network.as_ref().unwrap().version, "2026.2");
    assert_eq!(plan.openness.values, new.openness.values);
    assert!(h.query_by_label_contains("has version 2026.2").is_none());

    // A network file that is gone is said to be unreadable, not silently ignored.
    let mut plan = template("sofia-open-cities");
    old.import_into(
        &mut plan,
        &dir.path().join("gone.lapnet.ron").display().to_string(),
    )
    .unwrap();
    let mut h = harness(LapApp::new(plan, None, settings(), None));
    settle(&mut h);
    go_to_step(&mut h, "Openness");
    h.get_by_label_contains("cannot be read now");
}

#[test]
fn the_comparison_window_adds_a_network_files_cities() {
    let dir = tempfile::tempdir().unwrap();
    let (net, _) = write_network(dir.path(), "2026.1", "2026-03-01");
    let mut h = harness(LapApp::new(
        template("sofia-open-cities"),
        None,
        settings(),
        None,
    ));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Compare cities").click();
    h.run_steps(8);
    // The file dialog for a plan comes first: cancel it, then add the network file.
    h.get_by_label("Cancel").click();
    h.run();
    h.get_by_label("Add a network file…").click();
    h.run_steps(8);
    choose(
        &mut h,
        dir.path(),
        "open.lapnet.ron",
        "Add to the comparison",
    );
    let view = h.state().cities().expect("the comparison is open");
    let names = view.names();
    assert_eq!(names.len(), 1 + net.openness.cities.len(), "{names:?}");
    assert!(names.contains(&"open.lapnet.ron: Vienna"), "{names:?}");
    // Each of the network's cities with values has its index.
    let with_index = view
        .comparison()
        .index
        .cities
        .iter()
        .filter(|c| c.overall.is_some())
        .count();
    assert!(with_index >= 3, "{with_index}");
}
