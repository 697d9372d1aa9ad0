//! The real app, driven headless through its accessible labels (no display, no GPU). Every run
//! also checks that every input has an accessible name and that no glyph is missing.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::accesskit::Role;
use egui::{Key, Modifiers, ViewportEvent, ViewportId};
use egui_kittest::kittest::{NodeT as _, Queryable};
use lap_studio::app::{LapApp, Settings};
use lap_studio::model::{Lang, Section};
use lap_studio::store::templates;

mod common;
use common::*;

#[test]
fn new_plan_from_the_sofia_template() {
    let mut h = harness(app_on("blank", english()));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("New from template").click();
    h.run();
    h.get_by_label_contains("Sofia Municipality's Local Action Plan")
        .click();
    h.run();
    let plan = h.state().doc().plan();
    assert_eq!(plan.facts.city, "София");
    assert_eq!(plan.actions.len(), 18);
    assert!(h.state().doc().path.is_none(), "a new plan has no file yet");
    assert!(h.state().window_title().contains("Untitled plan"));
    h.get_by_role_and_label(Role::TextInput, "City");
}

#[test]
fn edit_an_action_title_see_it_in_the_list_then_undo_and_redo() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    go_to_step(&mut h, "6. Actions");
    h.get_by_label_contains("1.2.3  Обучение").click();
    h.run();
    replace_text(
        &mut h,
        "Title",
        "Обучение по междукултурна комуникация за 300 служители",
    );
    assert_eq!(
        h.state().doc().plan().actions[3].title,
        "Обучение по междукултурна комуникация за 300 служители"
    );
    h.get_by_label("1.2.3  Обучение по междукултурна комуникация за 300 служители");
    assert!(
        h.state().window_title().starts_with("● "),
        "{}",
        h.state().window_title()
    );

    // Undo through the Edit menu, redo with the shortcut.
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Undo").click();
    h.run();
    assert_eq!(
        h.state().doc().plan().actions[3].title,
        "Обучение на общински служители по междукултурна комуникация"
    );
    assert!(h.query_by_label_contains("за 300 служители").is_none());
    assert!(!h.state().doc().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(
        h.state().doc().plan().actions[3].title,
        "Обучение по междукултурна комуникация за 300 служители"
    );
}

#[test]
fn a_funding_line_changes_the_budget_total() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    go_to_step(&mut h, "8. Funding");
    h.get_by_label_contains("Potential (applied for or planned): 5,046,900.00\u{a0}EUR");
    h.get_by_label_contains("4.2.3").click();
    h.run();
    h.get_by_label("Add a funding line").scroll_to_me();
    h.run();
    h.get_by_label("Add a funding line").click();
    h.run();
    let lens: Vec<usize> = h
        .state()
        .doc()
        .plan()
        .actions
        .iter()
        .map(|a| a.funding.len())
        .collect();
    assert_eq!(
        h.state().doc().plan().actions[14].funding.len(),
        3,
        "{lens:?}"
    );
    let amounts: Vec<_> = h
        .get_all_by_role_and_label(Role::TextInput, "Amount")
        .collect();
    assert_eq!(amounts.len(), 3);
    amounts[2].scroll_to_me();
    h.run();
    h.get_all_by_role_and_label(Role::TextInput, "Amount")
        .nth(2)
        .unwrap()
        .click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_all_by_role_and_label(Role::TextInput, "Amount")
        .nth(2)
        .unwrap()
        .type_text("25000.50");
    h.run();
    // An amount is read when the field is left.
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label_contains("Potential (applied for or planned): 5,071,900.50\u{a0}EUR");
    h.get_by_label_contains("Total cost: 7,978,000.00\u{a0}EUR");
    // The action is now over-funded, which the checks report.
    assert!(
        h.state().doc().plan().actions[14]
            .funding
            .iter()
            .any(|f| f.amount.to_string() == "25000.50")
    );
    h.get_by_label_contains(
        "funding lines add up to 385,000.50\u{a0}EUR, the cost is 360,000.00\u{a0}EUR",
    );
}

#[test]
fn clicking_a_finding_goes_to_its_item() {
    let mut h = harness(app_on("urbact-generic", english()));
    assert_eq!(h.state().section(), Section::Facts);
    h.get_by_label_contains("has no responsible organisation")
        .click();
    h.run();
    assert_eq!(h.state().section(), Section::Actions);
    let title = h.get_by_role_and_label(Role::TextInput, "Title");
    assert_eq!(title.value().as_deref(), Some("Guidance: an action"));
    h.get_by_label_contains("Indicator OUT1 «Guidance: an indicator» has no unit")
        .click();
    h.run();
    assert_eq!(h.state().section(), Section::Indicators);
    h.get_by_role_and_label(Role::TextInput, "Unit");
}

#[test]
fn switching_to_bulgarian_at_run_time() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Български / English").click();
    h.run();
    h.get_by_label("Файл");
    h.get_by_label("Редакция");
    h.get_by_label_contains("6. Дейности");
    assert_eq!(h.state().settings().lang, Lang::Bg);
}

#[test]
fn the_close_guard_appears_with_unsaved_changes() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    replace_text(&mut h, "City", "София-град");
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Don't save");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_none());
    assert_eq!(h.state().doc().plan().facts.city, "София-град");
}

#[test]
fn no_close_guard_without_changes() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_none());
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_bad_file_shows_its_error_and_leaves_the_plan() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    let before = h.state().doc().plan().clone();
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-files/truncated.ron");
    h.input_mut().dropped_files.push(Arc::new(Dropped(bad)));
    settle(&mut h);
    h.get_by_label("The file could not be used");
    h.get_by_label_contains("truncated.ron:1142:15: the file ends too early");
    h.get_by_label("The open plan has not been changed.");
    assert_eq!(h.state().doc().plan(), &before);
    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label("The file could not be used").is_none());
}

#[test]
fn dropping_a_good_file_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("generic.ron");
    lap_studio::store::save(
        &path,
        &templates::find("urbact-generic").unwrap().plan().unwrap(),
    )
    .unwrap();
    let mut h = harness(app_on("sofia-open-cities", english()));
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.clone())));
    settle(&mut h);
    assert_eq!(h.state().doc().path.as_deref(), Some(path.as_path()));
    assert_eq!(h.state().window_title(), "generic.ron — LAP Studio");
    assert_eq!(h.state().settings().recent.first(), Some(&path));
}

#[test]
fn save_writes_the_file_and_clears_the_unsaved_mark() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sofia.ron");
    let plan = templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    lap_studio::store::save(&path, &plan).unwrap();
    let mut h = harness(LapApp::new(plan, Some(path.clone()), english(), None));
    replace_text(&mut h, "Version", "1.1");
    assert!(h.state().doc().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(!h.state().doc().is_dirty());
    assert_eq!(lap_studio::store::load(&path).unwrap().facts.version, "1.1");
    assert_eq!(
        lap_studio::store::load(&lap_studio::store::atomic::backup_path(&path))
            .unwrap()
            .facts
            .version,
        "1.0"
    );
}

#[test]
fn every_step_renders_in_both_languages_and_themes() {
    for (lang, dark) in [(Lang::En, false), (Lang::Bg, true)] {
        let settings = Settings {
            lang,
            dark,
            ..Settings::default()
        };
        let mut h = harness(app_on("sofia-open-cities", settings));
        for (i, s) in Section::ALL.iter().enumerate() {
            go_to_step(&mut h, &format!("{}. {}", i + 1, s.label(lang)));
            assert_eq!(h.state().section(), *s);
        }
    }
}

#[test]
fn list_edits_add_duplicate_delete_reorder_and_undo() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    go_to_step(&mut h, "11. Risks");
    h.get_by_label("Недостатъчен административен капацитет")
        .click();
    h.run();
    h.get_by_label("Duplicate").click();
    h.run();
    let ids: Vec<String> = h
        .state()
        .doc()
        .plan()
        .risks
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    assert_eq!(&ids[..3], ["R-1", "R-2", "R-9"]);
    h.get_by_label("Move up").click();
    h.run();
    assert_eq!(h.state().doc().plan().risks[1].id.as_str(), "R-9");
    // Deleting a risk that actions name asks first, saying what loses its link…
    h.get_by_label_contains("Проектите по европейските фондове се забавят")
        .click();
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    assert!(
        h.state()
            .doc()
            .plan()
            .risks
            .iter()
            .any(|r| r.id.as_str() == "R-1")
    );
    h.get_by_label_contains("Delete «Проектите по европейските фондове");
    h.get_by_label_contains("lose their link to it (Risks)");
    h.get_all_by_label("Delete").last().unwrap().click();
    h.run();
    // …and also removes it from the actions that pointed at it.
    let plan = h.state().doc().plan();
    assert!(plan.risks.iter().all(|r| r.id.as_str() != "R-1"));
    assert!(
        plan.actions
            .iter()
            .all(|a| a.risks.iter().all(|r| r.as_str() != "R-1"))
    );
    assert!(lap_studio::model::integrity::problems(plan).is_empty());
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(
        h.state().doc().plan(),
        &templates::find("sofia-open-cities")
            .unwrap()
            .plan()
            .unwrap()
    );
}

/// True when action `action` names risk `risk` in its `risks`, and the risk's threatened actions
/// (what the risk editor and the register show) list the action.
fn linked(plan: &lap_studio::model::Plan, action: &str, risk: &str) -> bool {
    let on_action = plan
        .actions
        .iter()
        .any(|a| a.id.as_str() == action && a.risks.iter().any(|r| r.as_str() == risk));
    let on_risk = plan
        .actions_threatened_by(&risk.into())
        .any(|a| a.id.as_str() == action);
    assert_eq!(
        on_action, on_risk,
        "{action} – {risk}: the two views disagree"
    );
    on_action
}

#[test]
fn the_risk_editor_links_actions_on_the_actions_themselves() {
    let mut plan = templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    // Start where A-2 (1.2.1) is not threatened by R-1.
    let a2 = plan.actions.iter_mut().find(|a| a.id.as_str() == "A-2");
    a2.unwrap().risks.retain(|r| r.as_str() != "R-1");
    let start = plan.clone();
    assert!(!linked(&start, "A-2", "R-1"));
    let mut h = harness(LapApp::new(plan, None, english(), None));
    go_to_step(&mut h, "11. Risks");
    h.get_all_by_label_contains("Проектите по европейските фондове се забавят")
        .next()
        .unwrap()
        .click();
    h.run();
    // The picker already shows what the actions say (A-1 names R-1; the risk itself never did).
    h.get_by_label_contains("1.1.1 Център „София за всички“");
    assert!(
        h.query_by_label_contains("1.2.1 Многоезичен портал")
            .is_none()
    );
    // Below the risk matrix: bring the picker into view first.
    h.get_by_role_and_label(Role::ComboBox, "Actions it threatens")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Actions it threatens")
        .click();
    h.run();
    h.get_by_label_contains("1.2.1 Многоезичен портал").click();
    h.run();
    let plan = h.state().doc().plan();
    assert!(linked(plan, "A-2", "R-1"));
    assert!(linked(plan, "A-1", "R-1"), "the other links stay");
    assert_eq!(plan.risks, start.risks, "the risk itself is unchanged");
    h.get_by_label_contains("1.2.1 Многоезичен портал");
    // The action's own editor shows the same link.
    go_to_step(&mut h, "6. Actions");
    h.get_by_label_contains("1.2.1  Многоезичен портал").click();
    h.run();
    h.get_by_label_contains("Проектите по европейските фондове се забавят");
    // The pick was one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().plan(), &start);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert!(linked(h.state().doc().plan(), "A-2", "R-1"));
    // Deleting the action takes its link along: R-1 no longer lists it, nothing dangles.
    // The list's Delete comes first; the action's milestone rows have their own.
    let before = h.query_all_by_label("Delete").count();
    h.get_all_by_label("Delete").next().unwrap().click();
    h.run();
    if h.query_all_by_label("Delete").count() > before {
        // Other items use it: the app asked first.
        h.get_all_by_label("Delete").last().unwrap().click();
        h.run();
    }
    let plan = h.state().doc().plan();
    assert!(plan.action(&"A-2".into()).is_none());
    assert!(!linked(plan, "A-2", "R-1"));
    assert!(linked(plan, "A-1", "R-1"));
    assert!(lap_studio::model::integrity::problems(plan).is_empty());
    go_to_step(&mut h, "11. Risks");
    h.get_all_by_label_contains("Проектите по европейските фондове се забавят")
        .next()
        .unwrap()
        .click();
    h.run();
    assert!(
        h.query_by_label_contains("1.2.1 Многоезичен портал")
            .is_none()
    );
}

#[test]
fn after_a_crash_the_next_start_offers_the_autosaved_work() {
    let data = tempfile::tempdir().unwrap();
    let mut lost = templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    lost.vision = "Визия, написана преди срива".into();
    let origin = data.path().join("sofia.ron");
    lap_studio::app::jobs::write_autosave_now(data.path(), &lost, Some(&origin)).unwrap();

    let fresh = templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    let mut h = harness(LapApp::new(
        fresh,
        None,
        english(),
        Some(data.path().to_path_buf()),
    ));
    h.get_by_label("Restore unsaved work?");
    h.get_by_label("Restore").click();
    settle(&mut h);
    assert_eq!(h.state().doc().plan(), &lost);
    assert_eq!(h.state().doc().path.as_deref(), Some(origin.as_path()));
    assert!(h.state().doc().is_dirty(), "restored work is not saved yet");
    // The restored work is autosaved at once by this instance; then it "crashes" too.
    let slot = h.state().autosave_dir().unwrap().to_path_buf();
    for _ in 0..300 {
        settle(&mut h);
        if lap_studio::app::jobs::read_autosave(&slot).is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    drop(h);

    // Declining removes the autosave, so it is not offered again.
    let fresh = templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    let mut h = harness(LapApp::new(
        fresh.clone(),
        None,
        english(),
        Some(data.path().to_path_buf()),
    ));
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(h.state().doc().plan(), &fresh);
    assert!(lap_studio::app::jobs::read_autosave(data.path()).is_none());
    assert!(lap_studio::app::jobs::orphaned_autosaves(data.path()).is_empty());
}

#[test]
fn changed_work_is_autosaved_after_thirty_seconds() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(LapApp::new(
        templates::find("sofia-open-cities")
            .unwrap()
            .plan()
            .unwrap(),
        None,
        english(),
        Some(data.path().to_path_buf()),
    ));
    replace_text(&mut h, "City", "София (автоматичен запис)");
    h.input_mut().time = Some(lap_studio::app::AUTOSAVE_SECONDS + 5.0);
    settle(&mut h);
    let slot = h.state().autosave_dir().unwrap().to_path_buf();
    let (plan, origin) = lap_studio::app::jobs::read_autosave(&slot).expect("an autosave");
    assert_eq!(plan.facts.city, "София (автоматичен запис)");
    assert_eq!(origin, None);
    // Ending with unsaved work keeps it; it goes only once the work is saved or discarded.
    h.state_mut().on_exit();
    assert!(lap_studio::app::jobs::read_autosave(&slot).is_some());
}

#[test]
fn export_pdf_runs_in_the_background_and_ends_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sofia.pdf");
    let mut h = harness(app_on("sofia-open-cities", english()));
    go_to_step(&mut h, "17. Review and export");
    h.get_by_label("Export PDF…");
    h.get_by_label("A4");
    h.state_mut().export_pdf_to(path.clone());
    // The window keeps working while the PDF is made: edit a field meanwhile.
    go_to_step(&mut h, "1. Plan facts");
    replace_text(&mut h, "Version", "1.0-rc");
    settle(&mut h);
    // The dialog and the status bar both name the file.
    assert_eq!(
        h.get_all_by_label_contains(&format!("PDF saved: {}", path.display()))
            .count(),
        2
    );
    h.get_by_label("Open");
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert_eq!(h.state().doc().plan().facts.version, "1.0-rc");
    // The notice sits beside the work, not over it: typing goes on while it is shown.
    replace_text(&mut h, "Version", "1.0-rc2");
    assert_eq!(h.state().doc().plan().facts.version, "1.0-rc2");
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(
        h.get_all_by_label_contains("PDF saved:").count(),
        1,
        "the status bar keeps the path"
    );
}

#[test]
fn review_mode_refuses_edits_but_takes_comments() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    let before = h.state().doc().plan().clone();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Review mode").click();
    h.run();
    // The reviewer's name is asked once.
    replace_text(&mut h, "Author", "Мария Петрова, експерт по URBACT");
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(h.state().lock(), lap_studio::app::document::Lock::Review);
    assert_eq!(
        h.state().settings().reviewer,
        "Мария Петрова, експерт по URBACT"
    );
    h.get_by_label_contains("Review mode (Мария Петрова");
    // No field can be changed: it shows greyed out, to screen readers too…
    assert!(
        h.get_by_role_and_label(Role::TextInput, "City")
            .accesskit_node()
            .is_disabled()
    );
    replace_text(&mut h, "City", "Пловдив");
    assert_eq!(h.state().doc().plan(), &before);
    assert!(!h.state().doc().is_dirty());
    // …but a comment can be added to any item.
    go_to_step(&mut h, "6. Actions");
    h.get_by_label_contains("1.2.2  ").click();
    h.run();
    h.get_by_label("Add comment").click();
    h.run();
    assert_eq!(h.state().section(), Section::Review);
    let c = h.state().doc().plan().comments.last().unwrap().clone();
    assert_eq!(c.author, "Мария Петрова, експерт по URBACT");
    assert_eq!(c.target.to_string(), "actions/A-3");
    assert!(
        !h.get_by_role_and_label(Role::MultilineTextInput, "Comment")
            .accesskit_node()
            .is_disabled()
    );
    replace_text(&mut h, "Comment", "Уточнете броя на медиаторите.");
    assert_eq!(
        h.state().doc().plan().comments.last().unwrap().text,
        "Уточнете броя на медиаторите."
    );
    // The open comment is listed and leads back to its action.
    h.get_by_label_contains("Actions › 1.2.2  ").click();
    h.run();
    assert_eq!(h.state().section(), Section::Actions);
    h.get_by_label_contains("1 comment (1 open)");
}

#[test]
fn an_adopted_plan_opens_locked_and_editing_starts_a_new_revision() {
    let mut plan = templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    plan.facts.status = lap_studio::model::PlanStatus::Adopted;
    plan.facts.adoption_decision = "Решение № 123/27.03.2025".into();
    let fingerprint = lap_studio::store::fingerprint(&plan);
    let mut h = harness(LapApp::new(plan.clone(), None, english(), None));
    assert_eq!(h.state().lock(), lap_studio::app::document::Lock::Adopted);
    h.get_by_label_contains("This plan is adopted (Решение № 123/27.03.2025)");
    assert!(
        h.get_by_role_and_label(Role::TextInput, "City")
            .accesskit_node()
            .is_disabled()
    );
    replace_text(&mut h, "City", "Пловдив");
    assert_eq!(
        h.state().doc().plan(),
        &plan,
        "an adopted plan cannot be edited"
    );
    h.get_by_label("Start a new revision…").click();
    h.run();
    h.get_by_label_contains("will be version 1.1");
    replace_text(&mut h, "Change note", "Актуализация след междинната оценка");
    h.get_all_by_label("Start a new revision…")
        .last()
        .unwrap()
        .click();
    h.run();
    let p = h.state().doc().plan();
    assert_eq!(p.facts.version, "1.1");
    assert_eq!(p.facts.status, lap_studio::model::PlanStatus::Draft);
    assert_eq!(p.revisions.len(), 1);
    assert_eq!(p.revisions[0].version, "1.0");
    assert_eq!(p.revisions[0].fingerprint, fingerprint);
    assert_eq!(p.revisions[0].adoption_decision, "Решение № 123/27.03.2025");
    assert_eq!(h.state().lock(), lap_studio::app::document::Lock::Open);
    replace_text(&mut h, "City", "София-град");
    assert_eq!(h.state().doc().plan().facts.city, "София-град");
}

#[test]
fn comparing_with_another_version_lists_changes_that_lead_to_their_items() {
    let dir = tempfile::tempdir().unwrap();
    let older = dir.path().join("v1.ron");
    let mut v1 = templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    v1.actions[3].title = "Старо заглавие".into();
    v1.actions[3].cost = Some(lap_studio::model::Money::from_units(90_000));
    lap_studio::store::save(&older, &v1).unwrap();
    let mut h = harness(app_on("sofia-open-cities", english()));
    h.state_mut().compare_with(older.clone());
    settle(&mut h);
    h.get_by_label("Changes");
    h.get_by_label_contains(
        "title: Старо заглавие → Обучение на общински служители по междукултурна комуникация",
    );
    h.get_by_label_contains("Total cost: +5,000.00");
    h.get_by_label_contains("~ Actions › 1.2.3").click();
    h.run();
    assert_eq!(h.state().section(), Section::Actions);
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Code")
            .value()
            .as_deref(),
        Some("1.2.3")
    );
    h.get_by_label("Close").click();
    h.run();
    assert!(h.query_by_label("Changes").is_none());
}

#[test]
fn a_funding_line_takes_its_call_and_rules_from_the_catalogue() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    go_to_step(&mut h, "8. Funding");
    h.get_by_label_contains("4.2.3").click();
    h.run();
    // The line points to AMIF Union actions: its rules are beside it.
    h.get_all_by_label_contains("Rules of this programme and call")
        .next()
        .expect("the rules of the line's programme");
    h.get_all_by_label_contains("European Commission")
        .next()
        .expect("its managing authority");
    let pickers = h
        .get_all_by_role_and_label(Role::ComboBox, "Programme and call (funding catalogue)")
        .count();
    assert_eq!(pickers, 2, "one picker per funding line");
    h.get_all_by_role_and_label(Role::ComboBox, "Programme and call (funding catalogue)")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label_contains(
        "Integration and inclusion at regional and local level (AMIF-2023-TF2-AG-CALL-02-LOCAL)",
    )
    .click();
    h.run();
    let line = &h.state().doc().plan().actions[14].funding[0];
    assert_eq!(
        line.catalogue
            .as_ref()
            .map(|r| (r.programme.as_str(), r.call.as_str())),
        Some(("eu-amif-union-actions", "amif-2023-local"))
    );
    // The call's rules show, and the checks apply them at once: this line is below the call's
    // smallest grant.
    h.get_all_by_label_contains("AMIF-2023-TF2-AG-CALL-02-LOCAL")
        .next()
        .expect("the call's code");
    h.get_all_by_label_contains("less than its smallest grant, 1,000,000.00\u{a0}EUR")
        .next()
        .expect("the grant check");
    // One undo step brings the programme-only reference back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let line = &h.state().doc().plan().actions[14].funding[0];
    assert_eq!(line.catalogue.as_ref().map(|r| r.call.as_str()), Some(""));
}

#[test]
fn the_council_pages_are_filled_in_the_facts_step() {
    let mut h = harness(app_on("blank", english()));
    let foreword = "Foreword (optional, by the mayor for instance)";
    let role = text_role(&h, foreword);
    h.get_by_role_and_label(role, foreword).scroll_to_me();
    h.run();
    replace_text(&mut h, foreword, "Dear citizens");
    assert_eq!(h.state().doc().plan().facts.foreword, "Dear citizens");
    h.get_by_label("Add a signatory").scroll_to_me();
    h.run();
    h.get_by_label("Add a signatory").click();
    h.run();
    h.get_by_role_and_label(text_role(&h, "Role"), "Role")
        .scroll_to_me();
    h.run();
    replace_text(&mut h, "Role", "Mayor of Plovdiv");
    h.get_by_label("Add an abbreviation").scroll_to_me();
    h.run();
    h.get_by_label("Add an abbreviation").click();
    h.run();
    h.get_by_role_and_label(text_role(&h, "Abbreviation"), "Abbreviation")
        .scroll_to_me();
    h.run();
    replace_text(&mut h, "Abbreviation", "ПРЧР");
    let plan = h.state().doc().plan();
    assert_eq!(plan.facts.foreword, "Dear citizens");
    assert_eq!(plan.facts.signatories.len(), 1);
    assert_eq!(plan.facts.signatories[0].role, "Mayor of Plovdiv");
    assert_eq!(plan.glossary.len(), 1);
    assert_eq!(plan.glossary[0].abbreviation, "ПРЧР");
    // Each is one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().doc().plan().glossary[0].abbreviation.is_empty());
}

#[test]
fn a_source_is_added_in_the_context_step_and_printed_as_an_annex() {
    let mut h = harness(app_on("blank", english()));
    go_to_step(&mut h, "2. Context and evidence");
    h.get_by_label("Add a source").scroll_to_me();
    h.run();
    h.get_by_label("Add a source").click();
    h.run();
    assert_eq!(h.state().doc().plan().sources.len(), 1, "added");
    let title = "Title of the document, table or page";
    h.get_by_role_and_label(text_role(&h, title), title)
        .scroll_to_me();
    h.run();
    replace_text(&mut h, title, "Urban Audit, city BG001C");
    let plan = h.state().doc().plan();
    assert_eq!(plan.sources.len(), 1);
    assert_eq!(plan.sources[0].id.as_str(), "SRC-1");
    assert_eq!(plan.sources[0].title, "Urban Audit, city BG001C");
    assert!(plan.sources[0].accessed.is_some(), "dated today");
}

/// The openness step over the years: the trend, a year's profile picked by year, the method
/// picker, the grid of one year's values with a year column below, and the definition.
#[test]
fn openness_step_shows_years_trend_method_and_definition() {
    use lap_studio::model::OpennessMethod;
    let mut plan = templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    plan.openness.method = OpennessMethod::RelativeToAverage;
    // A second round of values, a year after the latest: Sofia 10 % higher, the others as
    // they were.
    let next = plan.openness.years().last().copied().unwrap() + 1;
    let more: Vec<_> = plan
        .openness
        .values
        .iter()
        .map(|v| {
            let mut v = v.clone();
            v.year = Some(next);
            if v.city.as_str() == "C-1" {
                v.value *= 1.1;
            }
            v
        })
        .collect();
    plan.openness.values.extend(more);
    let mut h = harness(LapApp::new(plan, None, english(), None));
    go_to_step(&mut h, "Openness");
    // The trend, its chart and its words.
    h.get_by_label("Trend: the overall index of each city, year by year");
    h.get_by_label("Overall index per city and year");
    h.get_by_label_contains("computed separately for each year");
    // The latest profile by default; then the profile of one year.
    h.get_by_label_contains("each city's most recent value of each indicator");
    h.get_by_role_and_label(Role::ComboBox, "Profile of the year")
        .click();
    h.run();
    // The year is also a column of the trend table; the choice is a button.
    h.get_by_role_and_label(Role::Button, &next.to_string())
        .click();
    h.run();
    h.get_by_label_contains(&format!("Values of {next};"));
    // The method, chosen here.
    h.get_by_role_and_label(Role::ComboBox, "Scoring method")
        .click();
    h.run();
    h.get_by_label("min–max, 0 to 100").click();
    h.run();
    assert_eq!(
        h.state().doc().plan().openness.method,
        OpennessMethod::MinMax
    );
    h.get_by_label_contains("Method: min–max.");
    // The values: the grid shows one year, the list below has a year column.
    h.get_by_label("Values").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Values of the year");
    h.get_by_label("Or another year");
    h.get_by_label("Import openness values (CSV or xlsx)…");
    h.get_by_label("Export openness values (CSV or xlsx)…");
    assert!(h.query_all_by_label("Year").count() >= 1);
    // The definition, written in the framework and shown before the index.
    h.get_by_label("Framework").click();
    h.run();
    replace_text(
        &mut h,
        "What the plan means by openness",
        "Openness is what makes newcomers stay.",
    );
    assert_eq!(
        h.state().doc().plan().openness.definition,
        "Openness is what makes newcomers stay."
    );
    h.get_by_label("Index and profile").click();
    h.run();
    h.get_by_label("Openness is what makes newcomers stay.");
}

/// The Monitoring step of an adopted plan: the status overview says why (an action 11 months
/// late), a value typed into the indicators' grid goes into the round (and emptying the cell
/// takes it away), a new round can be
/// started — and the plan's content stays locked, its fingerprint unchanged.
#[test]
fn an_adopted_plan_takes_monitoring_and_keeps_its_fingerprint() {
    let mut plan = templates::find("sofia-open-cities")
        .unwrap()
        .plan()
        .unwrap();
    plan.facts.status = lap_studio::model::PlanStatus::Adopted;
    plan.facts.adoption_decision = "Решение № 123/27.03.2025".into();
    let fingerprint = lap_studio::store::fingerprint(&plan);
    let mut h = harness(LapApp::new(plan.clone(), None, english(), None));
    go_to_step(&mut h, "13. Monitoring");
    // The latest round is shown: in the picker and in its date field.
    assert!(h.get_all_by_label_contains("31 Dec 2026").count() >= 2);
    assert!(
        !h.get_all_by_label_contains("11 months late")
            .collect::<Vec<_>>()
            .is_empty()
    );
    let row = "ИП1  Консултации в център „София за всички“ (консултации годишно)";
    replace_text(&mut h, row, "5,310");
    // A typed number is taken when the field is left.
    h.key_press(Key::Enter);
    h.run();
    let p = h.state().doc().plan();
    let latest = p.monitoring.latest().unwrap();
    let i1 = latest
        .actuals
        .iter()
        .find(|a| a.indicator.as_str() == "I-1")
        .unwrap();
    assert_eq!(i1.value, 5310.0);
    assert_eq!(lap_studio::store::fingerprint(p), fingerprint);
    // Emptying the cell takes the value away, as in a spreadsheet.
    replace_text(&mut h, row, "");
    h.key_press(Key::Backspace);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let latest = h.state().doc().plan().monitoring.latest().unwrap();
    let year = |a: &lap_studio::model::IndicatorActual| a.date.or(latest.date).map(|d| d.year());
    assert!(
        !latest
            .actuals
            .iter()
            .any(|a| a.indicator.as_str() == "I-1" && year(a) == Some(2026)),
        "{:?}",
        latest.actuals
    );
    replace_text(&mut h, row, "5,310");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().lock(), lap_studio::app::document::Lock::Adopted);
    h.get_by_label("Start a round").click();
    h.run();
    let p = h.state().doc().plan();
    assert_eq!(p.monitoring.rounds.len(), 3);
    assert_eq!(p.monitoring.rounds[2].id.as_str(), "MR-3");
    // The new round carries the latest progress over, so only what changed is typed.
    assert_eq!(
        p.monitoring.rounds[2].progress.len(),
        p.monitoring.rounds[1].progress.len()
    );
    assert_eq!(lap_studio::store::fingerprint(p), fingerprint);
    // The content itself still refuses edits.
    assert_eq!(p.actions, plan.actions);
}

/// The Monitoring step's charts: target against values for the indicator picked beside it, and
/// spend against budget by funding source with the total in the reader's numbers.
#[test]
fn the_monitoring_step_draws_target_against_values_and_spend_against_budget() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    go_to_step(&mut h, "13. Monitoring");
    h.get_by_label("Target and values over the years");
    h.get_by_label("Spend against budget over time");
    // The legends name what is drawn.
    h.get_by_label("Baseline and targets");
    h.get_by_label("Values reported");
    // A spend line and a budget line for each funding source, one legend entry for both.
    h.get_by_label_contains("dashed: the source's budget");
    let sources = {
        let p = h.state().doc().plan();
        lap_studio::analysis::trends::spend(p, None)
    };
    assert!(sources.len() >= 2);
    for s in &sources {
        let name = s.source.label(Lang::En);
        assert!(h.get_all_by_label(name).count() >= 1, "{name}");
    }
    // The total as the reader writes money: grouped thousands, the plan's currency.
    let total = h
        .get_by_label_contains("Spent to date ")
        .value()
        .unwrap_or_default();
    assert!(
        total.contains(" of a budget of ") && total.contains(",000.00") && total.contains('%'),
        "{total}"
    );
    // Another indicator is picked beside the chart.
    let second = {
        let p = h.state().doc().plan();
        lap_studio::model::ItemRef::Indicator(&p.indicators[1]).caption(Lang::En)
    };
    h.get_by_label("Indicator on the chart").click();
    h.run();
    h.get_all_by_label(&second).last().unwrap().click();
    h.run();
    assert!(h.get_all_by_label(&second).count() >= 1);
}

/// Opening an action's progress in the Monitoring step is no edit: a funding line the round
/// reports with nothing spent stays as it is, and the plan is not marked changed.
#[test]
fn looking_at_every_actions_progress_changes_nothing() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    go_to_step(&mut h, "13. Monitoring");
    let before = h.state().doc().plan().clone();
    let headers: Vec<String> = h
        .get_all_by_label_contains(" — ")
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.starts_with("● ") && l.contains(" — "))
        .collect();
    assert!(headers.len() >= 10, "{headers:?}");
    for label in &headers {
        h.get_by_label(label).scroll_to_me();
        h.run();
        h.get_by_label(label).click();
        h.run();
    }
    // The forms are open: each funding line's spend is there to type.
    assert!(h.get_all_by_label_contains("Spent — ").count() >= 10);
    assert_eq!(h.state().doc().plan(), &before);
    assert!(!h.state().doc().is_dirty());
}

/// A round is typed in after the fact: a milestone ticked as reached in it is dated with the
/// round's own date, not with the day it was typed.
#[test]
fn a_milestone_ticked_in_a_round_takes_the_rounds_date() {
    let mut h = harness(app_on("sofia-open-cities", english()));
    go_to_step(&mut h, "13. Monitoring");
    // The first round (31 Dec 2025), not the latest one shown at the start.
    h.get_by_label("Monitoring round").click();
    h.run();
    h.get_all_by_label_contains("31 Dec 2025")
        .last()
        .unwrap()
        .click();
    h.run();
    let header = h
        .get_all_by_label_contains("1.1.1  ")
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with("● "))
        .unwrap();
    h.get_by_label(&header).scroll_to_me();
    h.run();
    h.get_by_label(&header).click();
    h.run();
    let milestone = "Изнесено гише в район „Младост“ (due June 2026)";
    h.get_by_label(milestone).scroll_to_me();
    h.run();
    h.get_by_label(milestone).click();
    h.run();
    let p = h.state().doc().plan();
    let first = &p.monitoring.rounds[0];
    assert_eq!(first.id.as_str(), "MR-1");
    let reached = first
        .progress
        .iter()
        .flat_map(|a| &a.milestones_reached)
        .find(|m| m.milestone.as_str() == "MS-2")
        .expect("MS-2 ticked in the first round");
    assert_eq!(reached.date, lap_studio::model::Date::new(2025, 12, 31));
    assert_eq!(reached.date, first.date);
}

/// At 1,400 px in Bulgarian (the longer labels) the Monitoring step's commands on the round
/// shown sit on one row, none wrapped onto a line of its own.
#[test]
fn the_round_commands_fit_one_row_at_1400_px() {
    let settings = Settings {
        lang: Lang::Bg,
        ..Settings::default()
    };
    let mut h = harness_sized(app_on("sofia-open-cities", settings), [1400.0, 900.0]);
    go_to_step(&mut h, "13. Наблюдение на изпълнението");
    let row: Vec<_> = [
        "Нов кръг",
        "Внос на стойности на индикаторите (CSV или xlsx)…",
        "Отчет за напредъка…",
    ]
    .iter()
    .map(|l| {
        let b = h.get_by_role_and_label(Role::Button, l);
        b.accesskit_node().bounding_box().unwrap()
    })
    .collect();
    for b in &row[1..] {
        assert!(
            (b.y0 - row[0].y0).abs() < 1.0 && b.x0 > row[0].x0,
            "not on one row: {row:?}"
        );
    }
    assert!(row.iter().all(|b| b.x1 <= 1400.0), "{row:?}");
}
