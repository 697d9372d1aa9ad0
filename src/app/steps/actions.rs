//! Step 6: actions — every field of a measure, as a list with a detail editor, or as a timeline
//! (Gantt) of all actions by month, coloured by objective.

use egui::Ui;

use super::{
    ActionsView, action_options, detail, goal_options, indicator_options, list_panel,
    objective_options, risk_options, selected_index, specific_options,
};
use crate::app::StepCtx;
use crate::app::charts;
use crate::app::list::master_list;
use crate::app::widgets::{self as w, form};
use crate::i18n::tr;
use crate::model::*;

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(ui, Section::Actions.label(lang), &cx.tr("help-actions"));
    let view = &mut cx.views.actions;
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(view, ActionsView::List, tr(lang, "view-list"));
        ui.selectable_value(view, ActionsView::Timeline, tr(lang, "view-timeline"));
    });
    ui.separator();
    if cx.views.actions == ActionsView::Timeline {
        if let Some(id) = charts::timeline(ui, lang, cx.plan()) {
            cx.selection.insert("actions", id);
            cx.views.actions = ActionsView::List;
        }
        return;
    }
    if let Some(e) = list_panel(ui, "actions", |ui| {
        master_list(ui, cx, "actions", |p| &p.actions)
    }) {
        cx.commit_list("actions", |p| Some(&mut p.actions), e);
    }
    detail(ui, "actions", |ui| action_detail(ui, cx));
}

fn action_detail(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    let Some(i) = selected_index(cx, "actions", &cx.plan().actions, |x| x.id.as_str()) else {
        ui.weak(cx.tr("select-item"));
        return;
    };
    let plan = cx.plan();
    let mut a = plan.actions[i].clone();
    let objectives = objective_options(plan);
    let specifics = specific_options(plan, a.objective.as_ref());
    let indicators = indicator_options(plan);
    let risks = risk_options(plan);
    let others = action_options(plan, Some(&a.id));
    let goals = goal_options(plan, lang);
    let practices: Vec<(PracticeId, String)> = plan
        .practices
        .iter()
        .map(|p| (p.id.clone(), ItemRef::Practice(p).caption(lang)))
        .collect();
    let funded: Money = a.funding.iter().map(|f| f.amount).sum();
    let funded_text = plan.money_text(lang, funded);
    let t = |k: &str| tr(lang, k);
    form(ui, "action-form", |ui| {
        w::text(ui, &t("field-code"), &mut a.code);
        w::text(ui, &t("field-title"), &mut a.title);
        w::multiline(ui, &t("field-description"), &mut a.description);
        w::pick_one(
            ui,
            lang,
            &t("field-objective"),
            &mut a.objective,
            &objectives,
        );
        w::pick_one(
            ui,
            lang,
            &t("field-specific-objective"),
            &mut a.specific_objective,
            &specifics,
        );
        w::text(ui, &t("field-lead"), &mut a.lead);
        w::string_list(ui, lang, &t("field-partners"), &mut a.partners);
        w::text(ui, &t("field-target-group"), &mut a.target_group);
        w::text(ui, &t("field-location"), &mut a.location);
        w::month(ui, lang, &t("field-start"), &mut a.start);
        w::month(ui, lang, &t("field-end"), &mut a.end);
        w::choice(
            ui,
            &t("field-action-status"),
            &mut a.status,
            ActionStatus::ALL,
            |s| s.label(lang),
        );
        w::choice(
            ui,
            &t("field-priority"),
            &mut a.priority,
            Priority::ALL,
            |s| s.label(lang),
        );
        w::opt_money(ui, lang, &t("field-cost"), &mut a.cost);
        ui.label(egui::RichText::new(t("field-funded")).strong());
        ui.label(format!("{funded_text} ({})", a.funding.len()));
        ui.add_space(6.0);
        w::string_list(ui, lang, &t("field-outputs"), &mut a.outputs);
        w::pick_many(
            ui,
            lang,
            &t("field-indicators"),
            &mut a.indicators,
            &indicators,
        );
        w::pick_many(ui, lang, &t("field-risks"), &mut a.risks, &risks);
        w::pick_many(ui, lang, &t("field-depends-on"), &mut a.depends_on, &others);
        w::pick_many(
            ui,
            lang,
            &t("field-strategy-goals"),
            &mut a.strategy_goals,
            &goals,
        );
        adapts(ui, lang, &mut a.adapts, &practices);
    });
    ui.weak(t("hint-funding-step"));
    ui.separator();
    ui.strong(t("field-milestones"));
    // Milestones are the plan's content (their due months are part of the schedule the council
    // adopts); the rounds record when each is reached.
    let deleted = crate::app::rows::nested_rows(
        ui,
        lang,
        cx.plan(),
        "milestones",
        &mut a.milestones,
        |m| m.title.clone(),
        |ui, m| {
            form(ui, "milestone", |ui| {
                w::text(ui, &t("field-milestone-title"), &mut m.title);
                w::month(ui, lang, &t("field-due"), &mut m.due);
            });
        },
        &t("add-milestone"),
        |taken| Milestone {
            id: crate::app::list::next(MilestoneId::PREFIX, taken)
                .as_str()
                .into(),
            ..Milestone::default()
        },
    );
    // A specific objective must belong to the chosen objective.
    if a.specific_objective
        .as_ref()
        .is_some_and(|s| !specifics.iter().any(|(id, _)| id == s))
    {
        a.specific_objective = None;
    }
    let id = a.id.clone();
    cx.commit_item(
        &format!("action:{id}"),
        move |p| p.actions.iter_mut().find(|x| x.id == id),
        a,
        deleted,
    );
}

/// The good practice an action adapts, and the Understand–Adapt–Re-use notes once it has one.
fn adapts(
    ui: &mut Ui,
    lang: Lang,
    link: &mut Option<PracticeRef>,
    practices: &[(PracticeId, String)],
) {
    let t = |k: &str| tr(lang, k);
    ui.separator();
    let mut chosen = link.as_ref().map(|r| r.practice.clone());
    w::pick_one(ui, lang, &t("field-adapts"), &mut chosen, practices);
    match (chosen, link.as_mut()) {
        (None, _) => *link = None,
        // Another practice: the notes stay, they may still hold (and undo restores them).
        (Some(id), Some(r)) => r.practice = id,
        (Some(id), None) => {
            *link = Some(PracticeRef {
                practice: id,
                ..PracticeRef::default()
            })
        }
    }
    if practices.is_empty() {
        ui.weak(t("hint-practices-step"));
    }
    if let Some(r) = link {
        w::multiline(ui, &t("field-uar-understood"), &mut r.understood);
        w::multiline(ui, &t("field-uar-adapted"), &mut r.adapted);
        w::multiline(ui, &t("field-uar-why"), &mut r.why);
        w::multiline(ui, &t("field-uar-reused"), &mut r.reused_as_is);
    }
}
