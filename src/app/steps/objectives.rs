//! Step 5: vision and objectives — one vision, strategic objectives with a theme, and their
//! specific (SMART) objectives.

use egui::Ui;

use super::{detail, indicator_options, list_panel, selected_index};
use crate::app::StepCtx;
use crate::app::list::{master_list, next, taken_ids};
use crate::app::widgets::{self as w, form};
use crate::i18n::tr;
use crate::model::*;

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(
        ui,
        Section::Objectives.label(lang),
        &cx.tr("help-objectives"),
    );
    let mut vision = cx.plan().vision.clone();
    super::bounded(ui, "vision", |ui| {
        form(ui, "vision-form", |ui| {
            w::multiline(ui, &cx.tr("field-vision"), &mut vision);
        });
    });
    cx.set("vision", |p| Some(&mut p.vision), vision);
    ui.separator();
    if let Some(e) = list_panel(ui, "objectives", |ui| {
        master_list(ui, cx, "objectives", |p| &p.objectives)
    }) {
        cx.commit_list("objectives", |p| Some(&mut p.objectives), e);
    }
    detail(ui, "objectives", |ui| {
        let Some(i) = selected_index(cx, "objectives", &cx.plan().objectives, |x| x.id.as_str())
        else {
            ui.weak(cx.tr("select-item"));
            return;
        };
        let mut o = cx.plan().objectives[i].clone();
        let problems: Vec<(ProblemId, String)> = cx
            .plan()
            .problems
            .iter()
            .map(|p| (p.id.clone(), p.title.clone()))
            .collect();
        let indicators = indicator_options(cx.plan());
        form(ui, "objective-form", |ui| {
            w::text(ui, &cx.tr("field-code"), &mut o.code);
            w::text(ui, &cx.tr("field-title"), &mut o.title);
            w::multiline(ui, &cx.tr("field-description"), &mut o.description);
            w::choice(ui, &cx.tr("field-theme"), &mut o.theme, Theme::ALL, |t| {
                t.label(lang)
            });
            w::pick_many(
                ui,
                lang,
                &cx.tr("field-problems"),
                &mut o.problems,
                &problems,
            );
        });
        ui.separator();
        ui.strong(tr(lang, "specific-objectives"));
        let mut row = None;
        let n = o.specific.len();
        for (k, s) in o.specific.iter_mut().enumerate() {
            ui.push_id(s.id.as_str().to_owned(), |ui| {
                // A long title is cut in the header (it is in full in the form below).
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                egui::CollapsingHeader::new(format!("{} {}", s.code, s.title))
                    .default_open(true)
                    .show(ui, |ui| {
                        form(ui, "specific-form", |ui| {
                            w::text(ui, &tr(lang, "field-code"), &mut s.code);
                            w::text(ui, &tr(lang, "field-title"), &mut s.title);
                            w::multiline(ui, &tr(lang, "field-smart"), &mut s.description);
                            w::choice(
                                ui,
                                &tr(lang, "field-theme"),
                                &mut s.theme,
                                Theme::ALL,
                                |t| t.label(lang),
                            );
                            w::pick_many(
                                ui,
                                lang,
                                &tr(lang, "field-indicators"),
                                &mut s.indicators,
                                &indicators,
                            );
                            w::month(ui, lang, &tr(lang, "field-deadline"), &mut s.deadline);
                        });
                        if let Some(op) = w::row_buttons(ui, lang, k, n, &s.title) {
                            row = Some((k, op));
                        }
                    });
            });
        }
        let mut deleted = None;
        let row =
            crate::app::list::guard_row_delete(ui, lang, cx.plan(), "specific", &o.specific, row);
        if let Some((k, op)) = row {
            let mut taken = taken_ids(cx.plan());
            deleted = w::apply_row_op(&mut o.specific, k, op, |s| {
                s.id = next(SpecificObjectiveId::PREFIX, &mut taken)
                    .as_str()
                    .into()
            })
            .map(|s| s.id);
        }
        if w::add_button(ui, &tr(lang, "add-specific-objective"), w::EditScope::Plan) {
            let mut taken = taken_ids(cx.plan());
            let id = next(SpecificObjectiveId::PREFIX, &mut taken);
            o.specific.push(SpecificObjective {
                id: id.as_str().into(),
                code: format!(
                    "{}.{}",
                    o.code.trim_start_matches(|c: char| !c.is_ascii_digit()),
                    o.specific.len() + 1
                ),
                theme: o.theme,
                ..Default::default()
            });
        }
        let id = o.id.clone();
        match deleted {
            // A deleted specific objective must also leave the actions that pointed at it.
            Some(gone) => {
                let mut plan = cx.plan().clone();
                if let Some(slot) = plan.objectives.iter_mut().find(|x| x.id == id) {
                    *slot = o;
                }
                crate::model::integrity::forget(&mut plan, gone.as_str());
                cx.doc.replace_plan(plan, cx.now);
            }
            None => cx.set(
                &format!("objective:{id}"),
                move |p| p.objectives.iter_mut().find(|x| x.id == id),
                o,
            ),
        }
    });
}
