//! Step 12: governance and monitoring — who coordinates, who implements, reporting and reviews.

use egui::Ui;

use crate::app::StepCtx;
use crate::app::rows::nested_rows;
use crate::app::widgets::{self as w, form};
use crate::i18n::tr;
use crate::model::*;

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(
        ui,
        Section::Governance.label(lang),
        &cx.tr("help-governance"),
    );
    let mut g = cx.plan().governance.clone();
    egui::ScrollArea::vertical()
        .id_salt("governance")
        .show(ui, |ui| {
            form(ui, "governance-form", |ui| {
                w::text(ui, &cx.tr("field-coordinator"), &mut g.coordinator);
                w::string_list(
                    ui,
                    lang,
                    &cx.tr("field-implementing-bodies"),
                    &mut g.implementing_bodies,
                );
                w::choice(
                    ui,
                    &cx.tr("field-reporting-frequency"),
                    &mut g.reporting_frequency,
                    Frequency::ALL,
                    |f| f.label(lang),
                );
                w::text(ui, &cx.tr("field-reporting-to"), &mut g.reporting_to);
                w::multiline(ui, &cx.tr("field-monitoring"), &mut g.monitoring);
            });
            ui.separator();
            ui.strong(tr(lang, "field-review-points"));
            nested_rows(
                ui,
                lang,
                cx.plan(),
                "review-points",
                &mut g.review_points,
                |r| r.description.clone(),
                |ui, r| {
                    form(ui, "review-point", |ui| {
                        w::month(ui, lang, &tr(lang, "field-month"), &mut r.month);
                        w::text(ui, &tr(lang, "field-description"), &mut r.description);
                    });
                },
                &tr(lang, "add-review-point"),
                |_| ReviewPoint::default(),
            );
        });
    cx.set("governance", |p| Some(&mut p.governance), g);
}
