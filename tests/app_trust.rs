//! Day-one trust, driven headless through accessible labels: saving works without the system's
//! file dialog, nothing is lost on the way out, every step fits a small window, deleting asks
//! first, and the dialogs close with Esc.

use egui::accesskit::Role;
use egui::{Key, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use lap_studio::app::{LapApp, Settings};
use lap_studio::model::{Lang, Section};
use lap_studio::store::templates;

mod common;
use common::*;

fn sofia() -> lap_studio::model::Plan {
    templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap()
}

/// The app as on a desktop where no system file dialog can be shown.
fn without_native_dialogs(mut app: LapApp) -> LapApp {
    app.set_native_dialogs_available(false);
    app
}

/// In the app's own file dialog: go to `dir`, type `name`, press the confirm button `confirm`.
fn choose_in_builtin_dialog(
    h: &mut Harness<'_, LapApp>,
    dir: &std::path::Path,
    name: &str,
    confirm: &str,
) {
    replace_text(h, "Folder", &dir.display().to_string());
    h.get_by_label("Go").click();
    settle(h);
    replace_text(h, "File name", name);
    h.get_by_label(confirm).click();
    settle(h);
}

fn request_close(h: &mut Harness<'_, LapApp>) {
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    h.run();
}

#[test]
fn without_a_system_dialog_a_plan_is_saved_reopened_compared_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let app = without_native_dialogs(app_on("blank", english()));
    let mut h = harness(app);
    replace_text(&mut h, "City", "Пловдив");
    assert!(h.state().window_title().starts_with("● "));

    // Ctrl+S: the system dialog cannot open, so the app's own opens and says why.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(
        h.query_all_by_label_contains("The system's file dialog could not be opened")
            .count()
            >= 1
    );
    choose_in_builtin_dialog(&mut h, dir.path(), "plovdiv", "Save");
    let saved = dir.path().join("plovdiv.ron");
    assert_eq!(h.state().doc().path.as_deref(), Some(saved.as_path()));
    assert!(!h.state().doc().is_dirty());
    assert_eq!(
        lap_studio::store::load(&saved).unwrap().facts.city,
        "Пловдив"
    );

    // Open it again: the dialog lists the folder's plans; pick it from the list.
    replace_text(&mut h, "City", "Пловдив (нова версия)");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(!h.state().doc().is_dirty(), "Ctrl+S saves to the same file");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::O);
    settle(&mut h);
    h.get_by_label("plovdiv.ron").click();
    h.run();
    h.get_by_label("Open").click();
    settle(&mut h);
    assert_eq!(h.state().doc().plan().facts.city, "Пловдив (нова версия)");

    // Compare with the first version, kept as the backup.
    let backup = lap_studio::store::atomic::backup_path(&saved);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Compare with another version")
        .click();
    settle(&mut h);
    choose_in_builtin_dialog(
        &mut h,
        dir.path(),
        &backup.file_name().unwrap().to_string_lossy(),
        "Compare",
    );
    h.get_by_label("Changes");
    h.get_by_label_contains("city: Пловдив → Пловдив (нова версия)");

    // Export the PDF: the name is offered, the extension added.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::P);
    settle(&mut h);
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "File name")
            .value()
            .as_deref(),
        Some("plovdiv.pdf")
    );
    h.get_by_label("Export").click();
    settle(&mut h);
    let pdf = std::fs::read(dir.path().join("plovdiv.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn a_save_that_did_not_happen_never_lets_the_app_quit_or_drop_the_autosave() {
    let data = tempfile::tempdir().unwrap();
    let app = LapApp::new(sofia(), None, english(), Some(data.path().to_path_buf()));
    let mut h = harness(without_native_dialogs(app));
    replace_text(&mut h, "City", "София (незаписано)");
    h.input_mut().time = Some(lap_studio::app::AUTOSAVE_SECONDS + 5.0);
    settle(&mut h);
    let slot = h.state().autosave_dir().unwrap().to_path_buf();
    assert!(lap_studio::app::jobs::read_autosave(&slot).is_some());

    // Close → Save → the dialog is cancelled: the app stays, with the work and its autosave.
    request_close(&mut h);
    h.get_by_label("Save").click();
    settle(&mut h);
    h.get_by_label("File name");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("File name").is_none());
    assert!(
        !h.state().closing_allowed(),
        "a cancelled save must not quit"
    );
    h.get_by_label_contains("Not saved");
    assert_eq!(h.state().doc().plan().facts.city, "София (незаписано)");
    h.state_mut().on_exit();
    assert!(
        lap_studio::app::jobs::read_autosave(&slot).is_some(),
        "unsaved work keeps its autosave"
    );

    // An explicit "Don't save" is a decision: then the autosave goes.
    request_close(&mut h);
    h.get_by_label("Don't save").click();
    h.run();
    assert!(h.state().closing_allowed());
    h.state_mut().on_exit();
    assert!(lap_studio::app::jobs::read_autosave(&slot).is_none());
    assert!(lap_studio::app::jobs::orphaned_autosaves(data.path()).is_empty());
}

#[test]
fn two_instances_never_share_an_autosave() {
    use lap_studio::app::jobs::{orphaned_autosaves, read_autosave};
    let data = tempfile::tempdir().unwrap();
    let root = Some(data.path().to_path_buf());
    // A works on Sofia and is autosaved.
    let mut a = harness(LapApp::new(sofia(), None, english(), root.clone()));
    replace_text(&mut a, "City", "София (работа на А)");
    a.input_mut().time = Some(lap_studio::app::AUTOSAVE_SECONDS + 5.0);
    settle(&mut a);
    let a_slot = a.state().autosave_dir().unwrap().to_path_buf();
    // B starts while A runs: A's live work is not "left by a crash", so nothing is offered.
    let mut b = harness(LapApp::new(sofia(), None, english(), root.clone()));
    assert!(b.query_by_label("Restore unsaved work?").is_none());
    assert_ne!(b.state().autosave_dir(), Some(a_slot.as_path()));
    // B ends cleanly: A's autosave stays.
    b.state_mut().on_exit();
    assert_eq!(
        read_autosave(&a_slot).unwrap().0.facts.city,
        "София (работа на А)"
    );
    // A dies without ending (its lock is released with it): now its work is offered…
    drop(a);
    assert_eq!(orphaned_autosaves(data.path()).len(), 1);
    let mut c = harness(LapApp::new(sofia(), None, english(), root.clone()));
    c.get_by_label("Restore unsaved work?");
    c.get_by_label("Restore").click();
    // …C autosaves it at once (on the next frame, on a job thread)…
    for _ in 0..300 {
        settle(&mut c);
        if !a_slot.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(c.state().doc().plan().facts.city, "София (работа на А)");
    // …and once C's own autosave holds it, A's copy is gone, so it is not offered twice.
    assert!(!a_slot.exists());
    let c_slot = c.state().autosave_dir().unwrap().to_path_buf();
    assert_eq!(
        read_autosave(&c_slot).unwrap().0.facts.city,
        "София (работа на А)"
    );
    assert!(orphaned_autosaves(data.path()).is_empty(), "C is running");
}

#[test]
fn remembered_paths_are_absolute() {
    let dir = tempfile::tempdir().unwrap();
    let old = std::env::current_dir().unwrap();
    let file = dir.path().join("plan.ron");
    lap_studio::store::save(&file, &sofia()).unwrap();
    // A relative path from an older version cannot be placed: it is forgotten, not guessed.
    let settings = Settings {
        recent: vec![std::path::PathBuf::from("plan.ron"), file.clone()],
        last_file: Some(std::path::PathBuf::from("plan.ron")),
        ..english()
    };
    let app = LapApp::new(sofia(), Some(file.clone()), settings, None);
    assert_eq!(app.settings().recent, std::slice::from_ref(&file));
    assert_eq!(app.settings().last_file, None);
    assert!(app.doc().path.as_ref().unwrap().is_absolute());
    // An autosave whose origin was written relative comes back as a new plan, never into a
    // file of whatever folder the app now starts in.
    let data = tempfile::tempdir().unwrap();
    lap_studio::app::jobs::write_autosave_now(
        data.path(),
        &sofia(),
        Some(std::path::Path::new("plan.ron")),
    )
    .unwrap();
    let (_, origin) = lap_studio::app::jobs::read_autosave(data.path()).unwrap();
    assert_eq!(origin, None);
    assert_eq!(std::env::current_dir().unwrap(), old);
    assert!(lap_studio::app::jobs::absolute(std::path::Path::new("x.ron")).is_absolute());
}

#[test]
fn a_native_dialog_that_returns_at_once_was_not_shown() {
    use lap_studio::app::jobs::{Pick, classify_pick};
    assert_eq!(classify_pick(None, 0.01), Pick::Unavailable);
    assert_eq!(classify_pick(None, 3.0), Pick::Cancelled);
    let p = std::path::PathBuf::from("/tmp/x.ron");
    assert_eq!(classify_pick(Some(p.clone()), 0.01), Pick::Chosen(p));
}

#[test]
fn deleting_an_objective_that_actions_serve_asks_first() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    let serving = h
        .state()
        .doc()
        .plan()
        .actions
        .iter()
        .filter(|a| a.objective.as_ref().is_some_and(|o| o.as_str() == "SO-1"))
        .count();
    assert!(serving > 1);
    go_to_step(&mut h, "5. Vision and objectives");
    h.get_by_label_contains("СЦ1  Достъпни услуги").click();
    h.run();
    // The list's Delete comes before those of the specific objectives in the form.
    h.get_all_by_label("Delete").next().unwrap().click();
    h.run();
    h.get_by_label_contains(&format!(
        "{serving} actions lose their link to it (Strategic objective)"
    ));
    // Cancel keeps everything.
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().doc().plan(), &sofia());
    // Confirm deletes it and every link to it, as one undo step.
    h.get_all_by_label("Delete").next().unwrap().click();
    h.run();
    h.get_all_by_label("Delete").last().unwrap().click();
    h.run();
    let plan = h.state().doc().plan();
    assert!(plan.objectives.iter().all(|o| o.id.as_str() != "SO-1"));
    assert!(
        plan.actions
            .iter()
            .all(|a| a.objective.as_ref().is_none_or(|o| o.as_str() != "SO-1"))
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().plan(), &sofia());
}

#[test]
fn a_new_month_starts_at_the_plans_first_month() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    go_to_step(&mut h, "6. Actions");
    h.get_by_label("Add").click();
    h.run();
    let start_set = h
        .get_all_by_role_and_label(Role::CheckBox, "Start")
        .next()
        .unwrap();
    start_set.click();
    h.run();
    let plan = h.state().doc().plan();
    let added = plan.actions.iter().find(|a| a.title.is_empty()).unwrap();
    assert_eq!(added.start, plan.facts.period_start);
}

#[test]
fn the_review_page_shows_a_new_comment_form_in_the_window() {
    let mut h = harness_sized(app_on("sofia-open-cities", english()), [1280.0, 800.0]);
    go_to_step(&mut h, "6. Actions");
    h.get_by_label_contains("1.2.2  ").click();
    h.run();
    h.get_by_label("Add comment").click();
    h.run();
    h.run();
    assert_eq!(h.state().section(), Section::Review);
    let form = h.get_by_role_and_label(Role::MultilineTextInput, "Comment");
    let r = form.accesskit_node().bounding_box().unwrap();
    assert!(
        r.y0 >= 0.0 && r.y1 <= 800.0,
        "the comment form is outside the window: {r:?}"
    );
}

/// Every input a person uses, with where it is on screen.
fn inputs(h: &Harness<'_, LapApp>) -> Vec<(String, Role, egui::accesskit::Rect)> {
    let mut out = Vec::new();
    for role in [
        Role::TextInput,
        Role::MultilineTextInput,
        Role::ComboBox,
        Role::CheckBox,
        Role::SpinButton,
    ] {
        for n in h.query_all_by_role(role) {
            let node = n.accesskit_node();
            if let Some(r) = node.bounding_box() {
                out.push((node.label().unwrap_or_default(), role, r));
            }
        }
    }
    out
}

#[test]
fn every_step_fits_800_by_600_in_both_languages() {
    for lang in [Lang::En, Lang::Bg] {
        let settings = Settings {
            lang,
            ..Settings::default()
        };
        let mut h = harness_sized(app_on("sofia-open-cities", settings), [800.0, 600.0]);
        // A small window starts without the findings panel, so the editor has room; in
        // Bulgarian (the longer labels) it is asked for, and everything must fit beside it too.
        assert!(!h.state().findings_visible());
        if lang == Lang::Bg {
            h.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
            h.run();
            assert!(h.state().findings_visible());
            h.get_by_label("Констатации");
        }
        for (i, s) in Section::ALL.iter().enumerate() {
            go_to_step(&mut h, &format!("{}. {}", i + 1, s.label(lang)));
            let found = inputs(&h);
            assert!(
                !found.is_empty() || *s == Section::Review,
                "{s:?}: no inputs at all"
            );
            let wide: Vec<String> = found
                .iter()
                .filter(|(_, _, r)| r.x1 > 800.5)
                .map(|(l, role, r)| format!("«{l}» {role:?} {:.0}–{:.0}", r.x0, r.x1))
                .collect();
            assert!(
                wide.is_empty(),
                "{s:?} ({lang:?}): outside the window: {wide:#?}"
            );
            for (label, role, r) in found {
                assert!(!label.trim().is_empty(), "{s:?}: an input without a name");
                assert!(
                    r.x0 >= -0.5 && r.x1 <= 800.5,
                    "{s:?} ({lang:?}): «{label}» ({role:?}) sticks out of the window: {r:?}"
                );
                assert!(
                    r.x1 - r.x0 >= 12.0,
                    "{s:?} ({lang:?}): «{label}» ({role:?}) is squeezed to nothing: {r:?}"
                );
            }
        }
    }
}

#[test]
fn esc_closes_dialogs() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label_contains("About LAP Studio").click();
    h.run();
    h.get_by_label_contains("LAP Studio helps");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label_contains("LAP Studio helps").is_none());
    // The unsaved-changes question: Esc is Cancel.
    replace_text(&mut h, "City", "София-град");
    request_close(&mut h);
    h.get_by_label("Unsaved changes");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_none());
    assert!(!h.state().closing_allowed());
}

#[test]
fn a_step_with_errors_never_shows_complete() {
    let mut plan = sofia();
    let a = &mut plan.actions[0];
    std::mem::swap(&mut a.start, &mut a.end);
    let h = harness(LapApp::new(plan, None, english(), None));
    let bars: Vec<String> = h
        .query_all_by_label_contains("%")
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert!(!bars.is_empty());
    assert!(bars.iter().any(|v| v.contains("99")), "{bars:?}");
}

/// Types into the field with this label and leaves it with Enter, which is when it is read.
fn type_and_leave(h: &mut Harness<'_, LapApp>, label: &str, text: &str) {
    replace_text(h, label, text);
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn money_is_typed_the_local_way_and_a_bad_amount_keeps_the_old_value() {
    use lap_studio::model::Money;
    for (lang, step, cost, typed, shown) in [
        (
            Lang::Bg,
            "6. Дейности",
            "Стойност",
            "1 450 000,50",
            "1\u{a0}450\u{a0}000,50",
        ),
        (
            Lang::En,
            "6. Actions",
            "Cost",
            "1,450,000.50",
            "1,450,000.50",
        ),
    ] {
        let settings = Settings {
            lang,
            ..Settings::default()
        };
        let mut h = harness(app_on("sofia-open-cities", settings));
        go_to_step(&mut h, step);
        type_and_leave(&mut h, cost, typed);
        let first = &h.state().doc().plan().actions[0];
        assert_eq!(first.cost, Some(Money::from_cents(145_000_050)), "{lang:?}");
        assert_eq!(
            h.get_by_role_and_label(Role::TextInput, cost)
                .value()
                .as_deref(),
            Some(shown)
        );
        // A plain amount is read in both languages, with narrow no-break spaces too.
        type_and_leave(&mut h, cost, "250\u{202f}000.5");
        assert_eq!(
            h.state().doc().plan().actions[0].cost,
            Some(Money::from_cents(25_000_050))
        );
    }

    // "1.450" could be 1450 or 1,45: the old amount stays, and the error stays beside the field
    // until it is fixed, also after the planner moves on.
    let bg = Settings {
        lang: Lang::Bg,
        ..Settings::default()
    };
    let mut h = harness(app_on("sofia-open-cities", bg));
    go_to_step(&mut h, "6. Дейности");
    let before = h.state().doc().plan().actions[0].cost;
    type_and_leave(&mut h, "Стойност", "1.450");
    assert_eq!(h.state().doc().plan().actions[0].cost, before);
    h.get_by_label_contains("Неясна сума „1.450“");
    h.get_by_role_and_label(Role::TextInput, "Заглавие").click();
    h.run();
    h.get_by_label_contains("Неясна сума „1.450“");
    assert_eq!(h.state().doc().plan().actions[0].cost, before);
    type_and_leave(&mut h, "Стойност", "1 450");
    assert_eq!(
        h.state().doc().plan().actions[0].cost,
        Some(Money::from_units(1450))
    );
    assert!(h.query_by_label_contains("Неясна сума").is_none());
}

#[test]
fn rates_and_dates_are_typed_the_local_way() {
    let mut h = harness(app_on(
        "sofia-open-cities",
        Settings {
            lang: Lang::Bg,
            ..Settings::default()
        },
    ));
    // Dates of the plan facts are typed as people write them.
    go_to_step(&mut h, "1. Основни данни");
    type_and_leave(&mut h, "Дата", "14.03.2025");
    assert_eq!(
        h.state().doc().plan().facts.date.map(|d| d.to_string()),
        Some("2025-03-14".to_owned())
    );
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Дата")
            .value()
            .as_deref(),
        Some("14.03.2025")
    );
}

#[test]
fn deleting_a_specific_objective_that_actions_use_asks_first() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    go_to_step(&mut h, "5. Vision and objectives");
    h.get_by_label_contains("СЦ1  Достъпни услуги").click();
    h.run();
    // The first Delete is the list's; the next one belongs to the first specific objective.
    h.get_all_by_label("Delete").nth(1).unwrap().click();
    h.run();
    h.get_by_label_contains("link to it (Specific objective)");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label_contains("link to it").is_none());
    assert_eq!(h.state().doc().plan(), &sofia(), "Esc is Cancel");
    h.get_all_by_label("Delete").nth(1).unwrap().click();
    h.run();
    h.get_all_by_label("Delete").last().unwrap().click();
    h.run();
    let plan = h.state().doc().plan();
    assert_eq!(
        plan.objectives[0].specific.len(),
        sofia().objectives[0].specific.len() - 1
    );
    assert!(lap_studio::model::integrity::problems(plan).is_empty());
}

#[test]
fn esc_closes_menus() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Save as…");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label_contains("Save as…").is_none());
}

#[test]
fn saving_over_a_read_only_file_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("adopted.ron");
    lap_studio::store::save(&path, &sofia()).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let mut h = harness(LapApp::new(sofia(), Some(path.clone()), english(), None));
    replace_text(&mut h, "Version", "1.1");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    settle(&mut h);
    h.get_by_label("The file is read-only");
    assert!(h.state().doc().is_dirty(), "nothing was saved");
    assert_eq!(lap_studio::store::load(&path).unwrap().facts.version, "1.0");
    // Cancel keeps the file; Replace, asked again, replaces it and keeps it read-only.
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(lap_studio::store::load(&path).unwrap().facts.version, "1.0");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    settle(&mut h);
    h.get_by_label("Replace").click();
    settle(&mut h);
    assert!(!h.state().doc().is_dirty());
    assert_eq!(lap_studio::store::load(&path).unwrap().facts.version, "1.1");
    assert!(std::fs::metadata(&path).unwrap().permissions().readonly());
}

#[test]
fn in_review_mode_a_comment_can_be_deleted_but_nothing_else() {
    let settings = Settings {
        reviewer: "Мария Петрова".into(),
        ..english()
    };
    let mut h = harness(app_on("sofia-open-cities", settings));
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::R);
    h.run();
    assert_eq!(h.state().lock(), lap_studio::app::document::Lock::Review);
    go_to_step(&mut h, "6. Actions");
    h.get_by_label_contains("1.2.2  ").click();
    h.run();
    // The plan's own list is closed…
    assert!(
        h.get_by_label("Delete").accesskit_node().is_disabled(),
        "an action cannot be deleted in review mode"
    );
    let before = sofia().comments.len();
    h.get_by_label("Add comment").click();
    h.run();
    assert_eq!(h.state().doc().plan().comments.len(), before + 1);
    // …the comments' list is open, deletes included (the new comment is the one selected).
    h.get_by_label("Delete").click();
    h.run();
    assert_eq!(h.state().doc().plan().comments, sofia().comments);
    assert_eq!(h.state().doc().plan().actions, sofia().actions);
}

#[test]
fn the_tables_are_exported_to_excel_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(without_native_dialogs(app_on(
        "sofia-open-cities",
        english(),
    )));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Export tables to Excel").click();
    settle(&mut h);
    choose_in_builtin_dialog(&mut h, dir.path(), "sofia", "Export");
    let path = dir.path().join("sofia.xlsx");
    h.get_by_label_contains(&format!("Workbook saved: {}", path.display()));
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"PK"), "an xlsx is a zip file");
}

/// The openness values table from the Values tab: exported, refused with its bad row's line
/// (the plan unchanged), then imported as one undoable edit.
#[test]
fn openness_values_are_exported_and_imported_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(without_native_dialogs(app_on(
        "sofia-open-cities",
        english(),
    )));
    go_to_step(&mut h, "Openness");
    h.get_by_label("Values").click();
    h.run();
    let start = h.state().doc().plan().clone();
    h.get_by_label("Export openness values (CSV or xlsx)…")
        .click();
    settle(&mut h);
    choose_in_builtin_dialog(&mut h, dir.path(), "values.csv", "Export");
    let table = dir.path().join("values.csv");
    let text = std::fs::read_to_string(&table).unwrap();
    assert!(text.contains("София"), "{text}");
    // A bad row: nothing is imported, and the line is named.
    std::fs::write(&table, format!("{text}Атлантида,OI-1,2024,\"1,5\",x\n")).unwrap();
    import(&mut h, dir.path());
    let line = text.lines().count() + 1;
    h.get_by_label_contains(&format!("Line {line}: no compared city"));
    assert_eq!(h.state().doc().plan(), &start);
    h.get_by_label("OK").click();
    h.run();
    // Without it, a new year's value comes in; the plan has values, so it asks how.
    std::fs::write(&table, format!("{text}София,OI-1,2024,\"3,1\",test\n")).unwrap();
    import(&mut h, dir.path());
    h.get_by_label("Add to the plan's values").click();
    h.run();
    let values = &h.state().doc().plan().openness.values;
    assert_eq!(values.len(), start.openness.values.len() + 1);
    assert_eq!(values.last().unwrap().value, 3.1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().plan(), &start);
    // A table of one row: added, it joins the plan's values; replacing, it is all there is
    // (as `lap-studio openness import` with and without --merge).
    let header = text.lines().next().unwrap();
    std::fs::write(&table, format!("{header}\nСофия,OI-1,2024,\"3,1\",test\n")).unwrap();
    import(&mut h, dir.path());
    h.get_by_label("Add to the plan's values").click();
    h.run();
    let values = &h.state().doc().plan().openness.values;
    assert_eq!(values.len(), start.openness.values.len() + 1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    import(&mut h, dir.path());
    h.get_by_label("Replace the plan's values").click();
    h.run();
    let values = &h.state().doc().plan().openness.values;
    assert_eq!(values.len(), 1);
    assert_eq!(values[0].year, Some(2024));
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().plan(), &start);
}

/// Import values.csv from `dir` through the Values tab and the app's own dialog.
fn import(h: &mut Harness<'_, LapApp>, dir: &std::path::Path) {
    h.get_by_label("Import openness values (CSV or xlsx)…")
        .click();
    settle(h);
    // The dialog's first frame only measures it; type into it on the next.
    h.run();
    choose_in_builtin_dialog(h, dir, "values.csv", "Import");
}

/// Indicator values from a department's table in the Monitoring step of an adopted plan: the
/// bad row is shown by its line and nothing comes in until the planner chooses to skip it; then
/// the good row goes into the round shown as one undoable edit, the content's fingerprint kept.
#[test]
fn indicator_values_are_imported_into_a_round_with_the_bad_rows_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = sofia();
    plan.facts.status = lap_studio::model::PlanStatus::Adopted;
    let fingerprint = lap_studio::store::fingerprint(&plan);
    let code = plan.indicators[0].code.clone();
    let mut h = harness(without_native_dialogs(LapApp::new(
        plan.clone(),
        None,
        english(),
        None,
    )));
    go_to_step(&mut h, "13. Monitoring");
    std::fs::write(
        dir.path().join("actuals.csv"),
        format!("Indicator code,Date or year,Value\n{code},2026,\"6,100.5\"\nNO-SUCH,2026,1\n"),
    )
    .unwrap();
    h.get_by_label("Import indicator values (CSV or xlsx)…")
        .click();
    settle(&mut h);
    h.run();
    choose_in_builtin_dialog(&mut h, dir.path(), "actuals.csv", "Import");
    h.get_by_label("Some rows cannot be imported");
    h.get_by_label_contains("Line 3: no indicator of the plan has the code “NO-SUCH”");
    assert_eq!(
        h.state().doc().plan(),
        &plan,
        "nothing until the planner chooses"
    );
    h.get_by_label("Import the right rows, skip the wrong ones")
        .click();
    h.run();
    let p = h.state().doc().plan();
    let latest = p.monitoring.latest().unwrap();
    let i1 = latest
        .actuals
        .iter()
        .find(|a| a.indicator == plan.indicators[0].id && a.date.is_none())
        .unwrap();
    assert_eq!(i1.value, 6100.5);
    assert_eq!(lap_studio::store::fingerprint(p), fingerprint);
    h.get_by_label_contains("One value imported into round MR-2");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().plan(), &plan, "one undo takes it all back");
}
