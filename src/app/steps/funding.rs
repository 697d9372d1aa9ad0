//! Step 8: funding — each action's funding lines (source, programme, call, amount, co-financing
//! rate, secured or potential), with the budget by source and the gap.

use egui::Ui;

use super::{detail, list_panel, selected_index};
use crate::analysis::budget::{self, ActionMoney};
use crate::app::StepCtx;
use crate::app::catalogue;
use crate::app::charts;
use crate::app::list::next;
use crate::app::rows::nested_rows;
use crate::app::theme;
use crate::app::widgets::{self as w, form};
use crate::i18n::{tr, tr_args};
use crate::model::*;

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(ui, Section::Funding.label(lang), &cx.tr("help-funding"));
    let b = budget::budget(cx.plan());
    charts::budget_chart(ui, lang, cx.plan(), &b);
    ui.separator();
    list_panel(ui, "funding-actions", |ui| {
        let plan = cx.doc.plan();
        let row_h =
            ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y + 2.0;
        if !plan
            .actions
            .iter()
            .any(|a| cx.selection.get("funding-actions") == Some(&a.id.0))
            && let Some(first) = plan.actions.first()
        {
            cx.selection.insert("funding-actions", first.id.to_string());
        }
        let selected = cx.selection.get("funding-actions").cloned();
        egui::ScrollArea::vertical()
            .id_salt("funding-list")
            .auto_shrink([false, true])
            .show_rows(ui, row_h, plan.actions.len(), |ui, range| {
                for a in &plan.actions[range] {
                    let m = ActionMoney::of(a);
                    let ok = a.cost.is_some() && m.funded() == m.cost;
                    let mark = if ok { "✔" } else { "✖" };
                    let text = egui::RichText::new(format!("{mark} {}  {}", a.code, a.title))
                        .color(if ok {
                            ui.visuals().text_color()
                        } else {
                            theme::ERROR
                        });
                    // One line per row: the virtual list assumes a fixed row height.
                    let is_sel = selected.as_deref() == Some(a.id.as_str());
                    let row = egui::Button::selectable(is_sel, text)
                        .wrap_mode(egui::TextWrapMode::Truncate);
                    if ui.add(row).clicked() {
                        cx.selection.insert("funding-actions", a.id.to_string());
                    }
                }
            });
    });
    detail(ui, "funding", |ui| {
        let Some(i) = selected_index(cx, "funding-actions", &cx.plan().actions, |x| x.id.as_str())
        else {
            ui.weak(cx.tr("select-action-for-funding"));
            return;
        };
        let plan = cx.plan();
        let mut a = plan.actions[i].clone();
        let m = ActionMoney::of(&a);
        ui.strong(format!("{} {}", a.code, a.title));
        ui.label(tr_args(
            lang,
            "funding-summary",
            &[
                (
                    "cost",
                    a.cost
                        .map_or("—".to_owned(), |c| plan.money_text(lang, c))
                        .into(),
                ),
                ("secured", plan.money_text(lang, m.secured).into()),
                ("potential", plan.money_text(lang, m.potential).into()),
                ("unsecured", plan.money_text(lang, m.unsecured()).into()),
            ],
        ));
        form(ui, "funding-cost", |ui| {
            w::opt_money(ui, lang, &tr(lang, "field-cost"), &mut a.cost);
        });
        let gap = ActionMoney::of(&a).gap();
        let lead_type = plan.applicant_type(&a.lead, a.lead_type);
        form(ui, "funding-lead-type", |ui| {
            w::opt_choice(
                ui,
                lang,
                &tr(lang, "field-lead-type"),
                &mut a.lead_type,
                Sector::ALL,
                |s| s.label(lang),
            );
            if a.lead_type.is_none()
                && let Some(s) = lead_type
            {
                ui.weak(format!("{} {}", tr(lang, "lead-type-taken"), s.label(lang)));
            }
        });
        ui.separator();
        let cat = crate::analysis::checks::catalogue_of(plan);
        let region = plan.facts.region_category;
        let deleted = nested_rows(
            ui,
            lang,
            cx.plan(),
            "funding-lines",
            &mut a.funding,
            |f| match f.catalogue.as_ref().and_then(|r| cat.resolve(r)) {
                Some(e) => format!("{} {}", f.source.label(lang), e.programme.name(lang)),
                None => format!("{} {}", f.source.label(lang), f.programme),
            },
            |ui, f| {
                form(ui, "funding-line", |ui| {
                    if catalogue::pick(
                        ui,
                        lang,
                        &tr(lang, "field-catalogue"),
                        &cat,
                        &mut f.catalogue,
                        Some(f.source),
                    ) && let Some(e) = f.catalogue.as_ref().and_then(|r| cat.resolve(r))
                    {
                        // The catalogue is the one place for fund, programme and call.
                        f.source = e.fund();
                        f.programme.clear();
                        f.call.clear();
                    }
                    w::choice(
                        ui,
                        &tr(lang, "field-source"),
                        &mut f.source,
                        FundingSource::ALL,
                        |s| s.label(lang),
                    );
                    if f.catalogue.is_none() {
                        w::text(ui, &tr(lang, "field-programme"), &mut f.programme);
                        w::text(ui, &tr(lang, "field-call"), &mut f.call);
                    }
                    w::money(ui, lang, &tr(lang, "field-amount"), &mut f.amount);
                    w::opt_percent(
                        ui,
                        lang,
                        &tr(lang, "field-co-financing"),
                        &mut f.co_financing_rate,
                    );
                    w::choice(
                        ui,
                        &tr(lang, "field-funding-status"),
                        &mut f.status,
                        FundingStatus::ALL,
                        |s| s.label(lang),
                    );
                    w::text(ui, &tr(lang, "field-note"), &mut f.note);
                });
                if let Some(e) = f.catalogue.as_ref().and_then(|r| cat.resolve(r)) {
                    catalogue::rules(ui, lang, &e, region);
                }
            },
            &tr(lang, "add-funding-line"),
            // A new line covers what is still missing, which is what a planner enters next.
            |taken| FundingLine {
                id: next(FundingLineId::PREFIX, taken).as_str().into(),
                amount: gap,
                ..FundingLine::default()
            },
        );
        let id = a.id.clone();
        cx.commit_item(
            &format!("funding:{id}"),
            move |p| p.actions.iter_mut().find(|x| x.id == id),
            a,
            deleted,
        );
    });
}
