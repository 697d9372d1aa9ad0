//! Step 7: strategy links — the city's marketing and internationalisation strategies, their
//! goals (skilled-migrant attraction marked), and which actions serve each goal.

use egui::Ui;

use super::{action_options, detail, list_panel};
use crate::app::StepCtx;
use crate::app::list::{ListEdit, ListItem, master_list};
use crate::app::widgets::{self as w, form};
use crate::i18n::tr;
use crate::model::*;

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(
        ui,
        Section::StrategyLinks.label(lang),
        &cx.tr("help-strategy"),
    );
    let tab = &mut cx.views.strategy;
    ui.horizontal_wrapped(|ui| {
        for k in StrategyKind::ALL {
            ui.selectable_value(tab, *k, k.label(lang));
        }
    });
    let kind = cx.views.strategy;
    ui.separator();
    let mut s = cx.plan().strategies.get(kind).clone();
    form(ui, "strategy-form", |ui| {
        w::text(ui, &tr(lang, "field-strategy-title"), &mut s.title);
        w::text(ui, &tr(lang, "field-reference"), &mut s.reference);
    });
    if s.title != cx.plan().strategies.get(kind).title
        || s.reference != cx.plan().strategies.get(kind).reference
    {
        let mut whole = cx.plan().strategies.get(kind).clone();
        whole.title = s.title;
        whole.reference = s.reference;
        cx.set(
            &format!("strategy:{kind:?}"),
            move |p| Some(strategy_mut(p, kind)),
            whole,
        );
    }
    ui.separator();
    let edit: Option<ListEdit<StrategyGoal>> = list_panel(ui, "goals", |ui| {
        master_list(ui, cx, "goals", move |p| match kind {
            StrategyKind::Marketing => &p.strategies.marketing.goals,
            StrategyKind::Internationalisation => &p.strategies.internationalisation.goals,
        })
    });
    if let Some(e) = edit {
        cx.commit_list("goals", move |p| Some(&mut strategy_mut(p, kind).goals), e);
    }
    detail(ui, "goals", |ui| {
        let goals = &cx.plan().strategies.get(kind).goals;
        let Some(mut g) = cx
            .selected("goals")
            .and_then(|id| goals.iter().find(|g| g.id() == id))
            .cloned()
        else {
            ui.weak(cx.tr("select-item"));
            return;
        };
        let actions = action_options(cx.plan(), None);
        let before: Vec<ActionId> = cx
            .plan()
            .actions_serving(&g.id)
            .map(|a| a.id.clone())
            .collect();
        let mut serving = before.clone();
        form(ui, "goal-form", |ui| {
            w::text(ui, &tr(lang, "field-code"), &mut g.code);
            w::text(ui, &tr(lang, "field-title"), &mut g.title);
            w::multiline(ui, &tr(lang, "field-description"), &mut g.description);
            w::flag(
                ui,
                &tr(lang, "field-skilled-migrants"),
                &mut g.skilled_migrants,
            );
            w::pick_many(
                ui,
                lang,
                &tr(lang, "field-serving-actions"),
                &mut serving,
                &actions,
            );
        });
        if serving != before {
            // The link lives on the actions; update each one that gained or lost it.
            let mut all = cx.plan().actions.clone();
            for a in &mut all {
                let want = serving.contains(&a.id);
                let has = a.strategy_goals.contains(&g.id);
                if want && !has {
                    a.strategy_goals.push(g.id.clone());
                } else if !want && has {
                    a.strategy_goals.retain(|x| x != &g.id);
                }
            }
            cx.set("actions#links", |p| Some(&mut p.actions), all);
        }
        let id = g.id.clone();
        cx.set(
            &format!("goal:{id}"),
            move |p| strategy_mut(p, kind).goals.iter_mut().find(|x| x.id == id),
            g,
        );
    });
}

fn strategy_mut(p: &mut Plan, kind: StrategyKind) -> &mut Strategy {
    match kind {
        StrategyKind::Marketing => &mut p.strategies.marketing,
        StrategyKind::Internationalisation => &mut p.strategies.internationalisation,
    }
}
