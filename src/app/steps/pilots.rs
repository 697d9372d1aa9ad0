//! Step 9: pilot fiches — candidate projects for an EU fund: fund and call, objective, target
//! group, duration, budget by cost category, co-financing, partners, outputs and results with
//! targets, linked actions, readiness.

use egui::Ui;

use super::{action_options, detail, list_panel, selected_index};
use crate::analysis::budget;
use crate::app::StepCtx;
use crate::app::catalogue;
use crate::app::list::master_list;
use crate::app::rows::nested_rows;
use crate::app::widgets::{self as w, form};
use crate::i18n::tr;
use crate::model::*;

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(ui, Section::Pilots.label(lang), &cx.tr("help-pilots"));
    if let Some(e) = list_panel(ui, "pilots", |ui| {
        master_list(ui, cx, "pilots", |p| &p.pilots)
    }) {
        cx.commit_list("pilots", |p| Some(&mut p.pilots), e);
    }
    detail(ui, "pilots", |ui| {
        let Some(i) = selected_index(cx, "pilots", &cx.plan().pilots, |x| x.id.as_str()) else {
            ui.weak(cx.tr("select-item"));
            return;
        };
        let plan = cx.plan();
        let mut p = plan.pilots[i].clone();
        let actions = action_options(plan, None);
        let t = |k: &str| tr(lang, k);
        let cat = crate::analysis::checks::catalogue_of(plan);
        form(ui, "pilot-form", |ui| {
            w::text(ui, &t("field-title"), &mut p.title);
            if catalogue::pick(
                ui,
                lang,
                &t("field-catalogue"),
                &cat,
                &mut p.catalogue,
                p.fund,
            ) && let Some(e) = p.catalogue.as_ref().and_then(|r| cat.resolve(r))
            {
                p.fund = Some(e.fund());
                p.programme.clear();
                p.call.clear();
            }
            w::opt_choice(
                ui,
                lang,
                &t("field-fund"),
                &mut p.fund,
                FundingSource::ALL,
                |s| s.label(lang),
            );
            if p.catalogue.is_none() {
                w::text(ui, &t("field-programme"), &mut p.programme);
                w::text(ui, &t("field-call"), &mut p.call);
            }
            w::multiline(ui, &t("field-pilot-objective"), &mut p.objective);
            w::text(ui, &t("field-target-group"), &mut p.target_group);
            w::multiline(ui, &t("field-summary"), &mut p.summary);
            w::text(ui, &t("field-lead"), &mut p.lead);
            w::opt_choice(
                ui,
                lang,
                &t("field-lead-type"),
                &mut p.lead_type,
                Sector::ALL,
                |s| s.label(lang),
            );
            w::string_list(ui, lang, &t("field-partners"), &mut p.partners);
            w::string_list(ui, lang, &t("field-countries"), &mut p.countries);
            w::opt_count(
                ui,
                lang,
                &t("field-duration-months"),
                &mut p.duration_months,
            );
            w::month(ui, lang, &t("field-start"), &mut p.start);
            w::opt_percent(ui, lang, &t("field-co-financing"), &mut p.co_financing_rate);
            w::choice(
                ui,
                &t("field-readiness"),
                &mut p.readiness,
                Readiness::ALL,
                |r| r.label(lang),
            );
            w::pick_many(
                ui,
                lang,
                &t("field-linked-actions"),
                &mut p.actions,
                &actions,
            );
        });
        if let Some(e) = p.catalogue.as_ref().and_then(|r| cat.resolve(r)) {
            catalogue::rules(ui, lang, &e, plan.facts.region_category);
        }
        ui.separator();
        ui.strong(t("field-budget"));
        nested_rows(
            ui,
            lang,
            plan,
            "budget",
            &mut p.budget,
            |item| item.category.label(lang).to_owned(),
            |ui, item| {
                form(ui, "budget-item", |ui| {
                    w::choice(
                        ui,
                        &t("field-cost-category"),
                        &mut item.category,
                        CostCategory::ALL,
                        |c| c.label(lang),
                    );
                    w::money(ui, lang, &t("field-amount"), &mut item.amount);
                    w::text(ui, &t("field-note"), &mut item.note);
                });
            },
            &t("add-budget-line"),
            |_| BudgetItem::default(),
        );
        let total = budget::pilot_total(&p);
        let share = budget::pilot_fund_share(&p);
        ui.label(format!(
            "{}: {}   {}: {}",
            t("total"),
            plan.money_text(lang, total),
            t("fund-share"),
            share.map_or("—".to_owned(), |s| plan.money_text(lang, s))
        ));
        for (key, list) in [
            ("field-outputs", &mut p.outputs),
            ("field-results", &mut p.results),
        ] {
            ui.separator();
            ui.strong(t(key));
            targeted_list(ui, lang, plan, key, list);
        }
        let id = p.id.clone();
        cx.set(
            &format!("pilot:{id}"),
            move |x| x.pilots.iter_mut().find(|y| y.id == id),
            p,
        );
    });
}

fn targeted_list(
    ui: &mut Ui,
    lang: Lang,
    plan: &Plan,
    key: &'static str,
    list: &mut Vec<TargetedResult>,
) {
    let t = |k: &str| tr(lang, k);
    nested_rows(
        ui,
        lang,
        plan,
        key,
        list,
        |r| r.description.clone(),
        |ui, r| {
            form(ui, "targeted", |ui| {
                w::text(ui, &t("field-description"), &mut r.description);
                w::opt_number(ui, lang, &t("field-target"), &mut r.target);
                w::text(ui, &t("field-unit"), &mut r.unit);
            });
        },
        &format!("+ {}", t(key)),
        |_| TargetedResult::default(),
    );
}
