//! Step 5: vision and objectives — one vision, strategic objectives with a theme, and their
//! specific (SMART) objectives.

use egui::Ui;

use super::{detail, indicator_options, list_panel, selected_index};
use crate::app::StepCtx;
use crate::app::list::{master_list, next};
use crate::app::rows::nested_rows;
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
        let objective_code = o.code.clone();
        let theme = o.theme;
        let count = o.specific.len();
        let deleted = nested_rows(
            ui,
            lang,
            cx.plan(),
            "specific",
            &mut o.specific,
            |s| format!("{} {}", s.code, s.title),
            |ui, s| {
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
                    });
            },
            &tr(lang, "add-specific-objective"),
            |taken| SpecificObjective {
                id: next(SpecificObjectiveId::PREFIX, taken).as_str().into(),
                code: format!(
                    "{}.{}",
                    objective_code.trim_start_matches(|c: char| !c.is_ascii_digit()),
                    count + 1
                ),
                theme,
                ..Default::default()
            },
        );
        let id = o.id.clone();
        // A deleted specific objective also leaves the actions that pointed at it.
        cx.commit_item(
            &format!("objective:{id}"),
            move |p| p.objectives.iter_mut().find(|x| x.id == id),
            o,
            deleted,
        );
    });
}
