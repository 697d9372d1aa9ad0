//! Step 11: risks — likelihood, impact, mitigation, owner, the actions they threaten — and the
//! risk matrix.

use egui::Ui;

use super::{action_options, detail, list_panel, selected_index};
use crate::app::StepCtx;
use crate::app::charts;
use crate::app::list::master_list;
use crate::app::widgets::{self as w, form};
use crate::model::*;

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(ui, Section::Risks.label(lang), &cx.tr("help-risks"));
    if let Some(e) = list_panel(ui, "risks", |ui| master_list(ui, cx, "risks", |p| &p.risks)) {
        cx.commit_list("risks", |p| Some(&mut p.risks), e);
    }
    detail(ui, "risks", |ui| {
        let selected = cx.selected("risks");
        charts::risk_matrix(ui, lang, cx.plan(), selected.as_deref());
        ui.separator();
        let Some(i) = selected_index(cx, "risks", &cx.plan().risks, |x| x.id.as_str()) else {
            ui.weak(cx.tr("select-item"));
            return;
        };
        let mut r = cx.plan().risks[i].clone();
        let actions = action_options(cx.plan(), None);
        // The link lives on the actions (their `risks`); the picker shows and edits it there.
        let before: Vec<ActionId> = cx
            .plan()
            .actions_threatened_by(&r.id)
            .map(|a| a.id.clone())
            .collect();
        let mut threatened = before.clone();
        form(ui, "risk-form", |ui| {
            w::text(ui, &cx.tr("field-title"), &mut r.title);
            w::multiline(ui, &cx.tr("field-description"), &mut r.description);
            w::choice(
                ui,
                &cx.tr("field-likelihood"),
                &mut r.likelihood,
                Scale5::ALL,
                |s| s.label(lang),
            );
            w::choice(
                ui,
                &cx.tr("field-impact"),
                &mut r.impact,
                Scale5::ALL,
                |s| s.label(lang),
            );
            w::multiline(ui, &cx.tr("field-mitigation"), &mut r.mitigation);
            w::text(ui, &cx.tr("field-owner"), &mut r.owner);
            w::pick_many(
                ui,
                lang,
                &cx.tr("field-threatened-actions"),
                &mut threatened,
                &actions,
            );
        });
        if threatened != before {
            // One undo step: every action that gained or lost the risk, in one swap.
            let mut all = cx.plan().actions.clone();
            for a in &mut all {
                let want = threatened.contains(&a.id);
                let has = a.risks.contains(&r.id);
                if want && !has {
                    a.risks.push(r.id.clone());
                } else if !want && has {
                    a.risks.retain(|x| x != &r.id);
                }
            }
            cx.set(
                &format!("risk:{}#actions", r.id),
                |p| Some(&mut p.actions),
                all,
            );
        }
        let score = u32::from(r.likelihood.score()) * u32::from(r.impact.score());
        ui.colored_label(
            charts::risk_color(score),
            format!("{}: {score}", cx.tr("risk-score")),
        );
        let id = r.id.clone();
        cx.set(
            &format!("risk:{id}"),
            move |p| p.risks.iter_mut().find(|x| x.id == id),
            r,
        );
    });
}
