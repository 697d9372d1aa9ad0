//! Step 1: plan facts — city, title, period, status, version, authors, adoption, languages.

use egui::Ui;

use crate::app::StepCtx;
use crate::app::widgets::{self as w, form};
use crate::model::*;

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(ui, Section::Facts.label(lang), &cx.tr("help-facts"));
    let mut f = cx.plan().facts.clone();
    egui::ScrollArea::vertical()
        .id_salt("facts")
        .show(ui, |ui| {
            form(ui, "facts-form", |ui| {
                w::text(ui, &cx.tr("field-city"), &mut f.city);
                w::text(ui, &cx.tr("field-municipality"), &mut f.municipality);
                w::text(ui, &cx.tr("field-country"), &mut f.country);
                w::text(ui, &cx.tr("field-plan-title"), &mut f.title);
                w::month(ui, lang, &cx.tr("field-period-start"), &mut f.period_start);
                w::month(ui, lang, &cx.tr("field-period-end"), &mut f.period_end);
                w::choice(
                    ui,
                    &cx.tr("field-status"),
                    &mut f.status,
                    PlanStatus::ALL,
                    |s| s.label(lang),
                );
                w::text(ui, &cx.tr("field-version"), &mut f.version);
                w::date(ui, lang, &cx.tr("field-date"), &mut f.date);
                w::string_list(ui, lang, &cx.tr("field-authors"), &mut f.authors);
                w::text(
                    ui,
                    &cx.tr("field-adoption-decision"),
                    &mut f.adoption_decision,
                );
                w::date(
                    ui,
                    lang,
                    &cx.tr("field-adoption-date"),
                    &mut f.adoption_date,
                );
                w::string_list(ui, lang, &cx.tr("field-languages"), &mut f.languages);
                w::choice(
                    ui,
                    &cx.tr("field-plan-language"),
                    &mut f.language,
                    &[Lang::Bg, Lang::En],
                    |l| match l {
                        Lang::Bg => "български",
                        Lang::En => "English",
                    },
                );
                w::text(ui, &cx.tr("field-currency"), &mut f.currency);
                w::text(ui, &cx.tr("field-region"), &mut f.region);
                w::opt_choice(
                    ui,
                    cx.lang,
                    &cx.tr("field-region-category"),
                    &mut f.region_category,
                    RegionCategory::ALL,
                    |c| c.label(cx.lang),
                );
                w::multiline(ui, &cx.tr("field-summary"), &mut f.summary);
            });
        });
    cx.set("facts", |p| Some(&mut p.facts), f);
}
