//! The Good practices and Exchange steps, driven headless through their accessible labels: the
//! library filtered by theme and city, a practice turned into a draft action in one undoable
//! edit, the action's Understand–Adapt–Re-use notes, and a consultation's comments.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use lap_studio::model::{ExchangeKind, PracticeId};

mod common;
use common::*;

#[test]
fn a_practice_from_the_library_becomes_a_draft_action_that_keeps_its_link_and_notes() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    let before = h.state().doc().plan().clone();
    go_to_step(&mut h, "Good practices and transfer");
    // The library: every shipped practice, then only those of one theme.
    h.get_by_label("20 practices");
    h.get_by_role_and_label(Role::ComboBox, "Theme").click();
    h.run();
    h.get_by_label("Housing").click();
    h.run();
    h.get_by_label("4 practices");
    assert!(h.query_by_label_contains("StartWien").is_none());
    // And of one city.
    h.get_by_role_and_label(Role::ComboBox, "City").click();
    h.run();
    h.get_by_label("Antwerp").click();
    h.run();
    h.get_by_label("1 practice");
    h.get_by_label_contains("GP-19  CURANT").click();
    h.run();
    // The practice whole, with its sources as links.
    h.get_by_label_contains("81 unaccompanied young adults lived with 77 buddies");
    h.get_by_label_contains("ESF+ social innovation case study (2022-05-11)");
    h.get_by_role_and_label(Role::Button, "Turn into a draft action")
        .click();
    h.run();
    let plan = h.state().doc().plan();
    assert_eq!(plan.actions.len(), before.actions.len() + 1);
    let a = plan.actions.last().unwrap();
    assert!(a.title.starts_with("CURANT"), "{}", a.title);
    let r = a
        .adapts
        .as_ref()
        .expect("the action points at the practice");
    assert_eq!(r.practice, PracticeId::from("GP-19"));
    assert!(plan.practice(&r.practice).is_some(), "copied into the plan");
    assert_eq!(h.state().section(), lap_studio::model::Section::Actions);
    // The action's editor shows the link and takes the notes (below the other fields).
    h.get_by_role_and_label(
        Role::MultilineTextInput,
        "Adapt: what is changed for this city",
    )
    .scroll_to_me();
    h.run();
    replace_text(
        &mut h,
        "Adapt: what is changed for this city",
        "Flats of the municipal fund",
    );
    let plan = h.state().doc().plan();
    let a = plan.actions.last().unwrap();
    assert_eq!(
        a.adapts.as_ref().unwrap().adapted,
        "Flats of the municipal fund"
    );
    // Two undos take back the notes, then the action and the copy together.
    for _ in 0..2 {
        h.get_by_label("Edit").click();
        h.run();
        h.get_by_label_contains("Undo").click();
        h.run();
    }
    assert_eq!(h.state().doc().plan(), &before);
}

#[test]
fn a_consultation_comment_gets_its_response() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    go_to_step(&mut h, "Exchange and participation");
    h.get_by_label_contains("Обществена консултация по проекта на плана")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Add a comment")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, "Add a comment")
        .click();
    h.run();
    let x = |h: &egui_kittest::Harness<'_, lap_studio::app::LapApp>| {
        h.state()
            .doc()
            .plan()
            .exchanges
            .iter()
            .find(|x| x.kind == ExchangeKind::Consultation)
            .unwrap()
            .clone()
    };
    assert_eq!(x(&h).comments.len(), 4);
    let findings = |h: &egui_kittest::Harness<'_, lap_studio::app::LapApp>| {
        lap_studio::analysis::checks::check(h.state().doc().plan())
            .findings
            .iter()
            .any(|f| f.code == "CONSULTATION_COMMENT_UNANSWERED")
    };
    // An empty row is not a comment yet; once it says something, it needs a response.
    assert!(!findings(&h));
    let n = h
        .get_all_by_role_and_label(Role::MultilineTextInput, "Comment")
        .count();
    assert_eq!(n, 4);
    type_into_last(&mut h, "Comment", "More evening hours");
    assert_eq!(x(&h).comments[3].text, "More evening hours");
    assert!(findings(&h));
    type_into_last(&mut h, "The plan's response", "Taken up in 1.1.1");
    assert!(!findings(&h));
}

/// Types into the last multi-line field of that label, brought into view and focused first.
fn type_into_last(
    h: &mut egui_kittest::Harness<'_, lap_studio::app::LapApp>,
    label: &str,
    text: &str,
) {
    let last = |h: &egui_kittest::Harness<'_, lap_studio::app::LapApp>| {
        h.get_all_by_role_and_label(Role::MultilineTextInput, label)
            .count()
            - 1
    };
    let i = last(h);
    h.get_all_by_role_and_label(Role::MultilineTextInput, label)
        .nth(i)
        .unwrap()
        .scroll_to_me();
    h.run();
    h.get_all_by_role_and_label(Role::MultilineTextInput, label)
        .nth(i)
        .unwrap()
        .click();
    h.run();
    h.get_all_by_role_and_label(Role::MultilineTextInput, label)
        .nth(i)
        .unwrap()
        .type_text(text);
    h.run();
}

#[test]
fn the_plans_own_practice_keeps_clear_of_the_library_ids() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    go_to_step(&mut h, "Good practices and transfer");
    h.get_by_label("The plan's practices").click();
    h.run();
    // Sofia's own practice, with the actions that adapt the others.
    h.get_by_label_contains("GP-11  Bureau for Information")
        .click();
    h.run();
    h.get_by_label_contains("GP-1  StartWien").click();
    h.run();
    h.get_by_label_contains("1.1.1  Център „София за всички“");
    h.get_by_role_and_label(Role::Button, "Add").click();
    h.run();
    let plan = h.state().doc().plan();
    assert_eq!(plan.practices.len(), 5);
    // Added after the selected one.
    assert_eq!(
        plan.practices[1].id,
        PracticeId::from("GP-21"),
        "the library holds GP-1 to GP-20"
    );
}
