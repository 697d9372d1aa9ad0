//! Step 1: plan facts — city, title, period, status, version, authors, adoption and who signs,
//! languages, the foreword, the cover's logos, and the plan's own glossary entries.

use egui::Ui;

use crate::app::StepCtx;
use crate::app::rows::nested_rows;
use crate::app::widgets::{self as w, form};
use crate::model::*;

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(ui, Section::Facts.label(lang), &cx.tr("help-facts"));
    let mut f = cx.plan().facts.clone();
    let mut glossary = cx.plan().glossary.clone();
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
                w::multiline(ui, &cx.tr("field-foreword"), &mut f.foreword);
                w::text(ui, &cx.tr("field-foreword-by"), &mut f.foreword_by);
                w::string_list(ui, lang, &cx.tr("field-logos"), &mut f.logos);
                w::text(ui, &cx.tr("field-eu-emblem"), &mut f.eu_emblem);
            });
            ui.separator();
            ui.strong(cx.tr("field-signatories"));
            nested_rows(
                ui,
                lang,
                cx.plan(),
                "signatories",
                &mut f.signatories,
                |s| format!("{} {}", s.role, s.name),
                |ui, s| {
                    form(ui, "signatory", |ui| {
                        w::text(ui, &cx.tr("field-name"), &mut s.name);
                        w::text(ui, &cx.tr("field-role"), &mut s.role);
                    });
                },
                &cx.tr("add-signatory"),
                |_| Signatory::default(),
            );
            ui.separator();
            ui.strong(cx.tr("field-glossary"));
            ui.weak(cx.tr("help-glossary"));
            nested_rows(
                ui,
                lang,
                cx.plan(),
                "glossary",
                &mut glossary,
                |g| g.abbreviation.clone(),
                |ui, g| {
                    form(ui, "glossary-entry", |ui| {
                        w::text(ui, &cx.tr("field-abbreviation"), &mut g.abbreviation);
                        w::text(ui, &cx.tr("field-expansion-bg"), &mut g.bg);
                        w::text(ui, &cx.tr("field-expansion-en"), &mut g.en);
                    });
                },
                &cx.tr("add-glossary-entry"),
                |_| GlossaryEntry::default(),
            );
        });
    cx.set("facts", |p| Some(&mut p.facts), f);
    cx.set("glossary", |p| Some(&mut p.glossary), glossary);
}
