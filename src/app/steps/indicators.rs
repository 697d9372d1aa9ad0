//! Step 10: indicators — code, level, definition, unit, baseline, targets by year, frequency,
//! data source, owner.

use egui::Ui;

use super::{detail, list_panel, selected_index};
use crate::app::StepCtx;
use crate::app::list::master_list;
use crate::app::widgets::{self as w, form};
use crate::i18n::tr;
use crate::model::*;

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(
        ui,
        Section::Indicators.label(lang),
        &cx.tr("help-indicators"),
    );
    if let Some(e) = list_panel(ui, "indicators", |ui| {
        master_list(ui, cx, "indicators", |p| &p.indicators)
    }) {
        cx.commit_list("indicators", |p| Some(&mut p.indicators), e);
    }
    detail(ui, "indicators", |ui| {
        let Some(i) = selected_index(cx, "indicators", &cx.plan().indicators, |x| x.id.as_str())
        else {
            ui.weak(cx.tr("select-item"));
            return;
        };
        let mut ind = cx.plan().indicators[i].clone();
        form(ui, "indicator-form", |ui| {
            w::text(ui, &tr(lang, "field-code"), &mut ind.code);
            w::text(ui, &tr(lang, "field-name"), &mut ind.name);
            w::choice(
                ui,
                &tr(lang, "field-level"),
                &mut ind.level,
                IndicatorLevel::ALL,
                |l| l.label(lang),
            );
            w::multiline(ui, &tr(lang, "field-definition"), &mut ind.definition);
            w::text(ui, &tr(lang, "field-unit"), &mut ind.unit);
            w::choice(
                ui,
                &tr(lang, "field-frequency"),
                &mut ind.frequency,
                Frequency::ALL,
                |f| f.label(lang),
            );
            w::text(ui, &tr(lang, "field-data-source"), &mut ind.data_source);
            w::text(ui, &tr(lang, "field-owner"), &mut ind.owner);
        });
        ui.separator();
        ui.strong(tr(lang, "field-baseline"));
        let mut has = ind.baseline.is_some();
        if ui
            .checkbox(&mut has, tr(lang, "field-has-baseline"))
            .changed()
        {
            ind.baseline = has.then(|| Baseline {
                year: 2024,
                ..Baseline::default()
            });
        }
        if let Some(b) = &mut ind.baseline {
            form(ui, "baseline-form", |ui| {
                w::number(ui, lang, &tr(lang, "field-baseline-value"), &mut b.value);
                w::year(ui, &tr(lang, "field-baseline-year"), &mut b.year);
                w::text(ui, &tr(lang, "field-baseline-source"), &mut b.source);
            });
        }
        ui.separator();
        ui.strong(tr(lang, "field-targets"));
        let mut remove = None;
        for (k, t) in ind.targets.iter_mut().enumerate() {
            ui.push_id(k, |ui| {
                ui.horizontal(|ui| {
                    let l = ui.label(tr(lang, "field-target-year"));
                    ui.add(egui::DragValue::new(&mut t.year).range(crate::model::calendar::YEARS))
                        .labelled_by(l.id);
                    let l = ui.label(tr(lang, "field-target-value"));
                    let mut value = Some(t.value);
                    if let (_, Some(why)) = w::number_field(ui, lang, l.id, 100.0, &mut value) {
                        ui.colored_label(crate::app::theme::ERROR, "⚠")
                            .on_hover_text(why);
                    }
                    t.value = value.unwrap_or(t.value);
                    if ui
                        .small_button("✖")
                        .on_hover_text(format!("{}: {}", tr(lang, "list-remove"), t.year))
                        .clicked()
                    {
                        remove = Some(k);
                    }
                });
            });
        }
        if let Some(k) = remove {
            ind.targets.remove(k);
        }
        if w::add_button(ui, &tr(lang, "add-target"), w::EditScope::Plan) {
            let year = ind.targets.last().map_or(2027, |t| t.year + 1);
            ind.targets.push(YearTarget { year, value: 0.0 });
        }
        let id = ind.id.clone();
        cx.set(
            &format!("indicator:{id}"),
            move |p| p.indicators.iter_mut().find(|x| x.id == id),
            ind,
        );
    });
}
