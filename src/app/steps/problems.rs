//! Step 4: the problem tree — problems with causes, effects and the evidence that shows them.

use egui::Ui;

use super::{detail, list_panel, selected_index};
use crate::app::StepCtx;
use crate::app::list::master_list;
use crate::app::widgets::{self as w, form};
use crate::model::*;

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(ui, Section::Problems.label(lang), &cx.tr("help-problems"));
    if let Some(e) = list_panel(ui, "problems", |ui| {
        master_list(ui, cx, "problems", |p| &p.problems)
    }) {
        cx.commit_list("problems", |p| Some(&mut p.problems), e);
    }
    detail(ui, "problems", |ui| {
        let Some(i) = selected_index(cx, "problems", &cx.plan().problems, |x| x.id.as_str()) else {
            ui.weak(cx.tr("select-item"));
            return;
        };
        let mut p = cx.plan().problems[i].clone();
        let evidence: Vec<(EvidenceId, String)> = cx
            .plan()
            .context
            .evidence
            .iter()
            .map(|e| (e.id.clone(), e.label.clone()))
            .collect();
        form(ui, "problem-form", |ui| {
            w::text(ui, &cx.tr("field-title"), &mut p.title);
            w::multiline(ui, &cx.tr("field-description"), &mut p.description);
            w::string_list(ui, lang, &cx.tr("field-causes"), &mut p.causes);
            w::string_list(ui, lang, &cx.tr("field-effects"), &mut p.effects);
            w::pick_many(
                ui,
                lang,
                &cx.tr("field-evidence"),
                &mut p.evidence,
                &evidence,
            );
        });
        let id = p.id.clone();
        cx.set(
            &format!("problem:{id}"),
            move |x| x.problems.iter_mut().find(|y| y.id == id),
            p,
        );
    });
}
