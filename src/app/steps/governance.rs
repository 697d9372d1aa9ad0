//! Step 12: governance and monitoring — who coordinates, who implements, reporting and reviews.

use egui::Ui;

use crate::app::StepCtx;
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
            let mut row = None;
            let n = g.review_points.len();
            for (i, r) in g.review_points.iter_mut().enumerate() {
                ui.push_id(i, |ui| {
                    form(ui, "review-point", |ui| {
                        w::month(ui, lang, &tr(lang, "field-month"), &mut r.month);
                        w::text(ui, &tr(lang, "field-description"), &mut r.description);
                    });
                    if let Some(op) = w::row_buttons(ui, lang, i, n, &r.description) {
                        row = Some((i, op));
                    }
                });
                ui.separator();
            }
            if let Some((i, op)) = row {
                w::apply_row_op(&mut g.review_points, i, op, |_| {});
            }
            if w::add_button(ui, &tr(lang, "add-review-point"), w::EditScope::Plan) {
                g.review_points.push(ReviewPoint::default());
            }
        });
    cx.set("governance", |p| Some(&mut p.governance), g);
}
