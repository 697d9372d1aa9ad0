//! Step 13: monitoring — the rounds of implementation reports, and the status they give. Open in
//! an adopted plan (its content stays locked; the rounds are not part of it) and in drafts.

use egui::{Color32, RichText, Ui};

use crate::analysis::monitoring::{self as status, MonitoringStatus, Rag};
use crate::app::StepCtx;
use crate::app::document::EditScope;
use crate::app::theme;
use crate::app::widgets::{self as w, monitoring_form};
use crate::i18n::tr;
use crate::model::items::ItemRef;
use crate::model::*;

/// The colour of a status.
fn colour(rag: Rag) -> Color32 {
    match rag {
        Rag::OnTrack => theme::ON_TRACK,
        Rag::AtRisk => theme::AT_RISK,
        Rag::OffTrack => theme::OFF_TRACK,
        Rag::NoData => theme::NO_DATA,
    }
}

/// A status as a coloured mark and its name, with its reasons beside it.
fn status_line(ui: &mut Ui, lang: Lang, name: &str, s: &status::Status, currency: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.colored_label(colour(s.rag), "●");
        ui.label(
            RichText::new(s.rag.label(lang))
                .color(colour(s.rag))
                .strong(),
        );
        // An empty label here makes the wrapped reasons start over the mark.
        if !name.is_empty() {
            ui.label(name);
        }
        let words: Vec<String> = s
            .reasons
            .iter()
            .map(|r| status::reason_text(lang, r, currency))
            .collect();
        ui.weak(words.join("; "));
    });
}

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(
        ui,
        Section::Monitoring.label(lang),
        &cx.tr("help-monitoring"),
    );
    let plan = cx.plan().clone();
    let rounds = &plan.monitoring.rounds;
    let chosen = cx
        .selected("rounds")
        .filter(|id| rounds.iter().any(|r| r.id.as_str() == id))
        .or_else(|| plan.monitoring.latest().map(|r| r.id.to_string()));
    let mut pick = chosen.clone();
    // The picker on its row, the round's commands together on the next: beside the picker
    // they left the report's button alone on a line, as if the row had wrapped.
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(tr(lang, "monitoring-round"));
        let caption = |r: &MonitoringRound| ItemRef::MonitoringRound(r).caption(lang);
        let shown = pick
            .as_deref()
            .and_then(|id| rounds.iter().find(|r| r.id.as_str() == id))
            .map_or_else(|| tr(lang, "monitoring-no-rounds"), caption);
        egui::ComboBox::from_id_salt("monitoring-round")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for r in plan.monitoring.history(None).into_iter().rev() {
                    ui.selectable_value(&mut pick, Some(r.id.to_string()), caption(r));
                }
            })
            .response
            .labelled_by(l.id);
    });
    ui.horizontal_wrapped(|ui| {
        if w::add_button(
            ui,
            &tr(lang, "monitoring-start-round"),
            EditScope::Monitoring,
        ) {
            let round = plan.new_round(Date::today());
            pick = Some(round.id.to_string());
            let mut all = plan.monitoring.rounds.clone();
            all.push(round);
            cx.doc.set_in(
                EditScope::Monitoring,
                "monitoring#rounds",
                cx.now,
                |p| Some(&mut p.monitoring.rounds),
                all,
            );
        }
        // Into the round shown (a new one when there is none).
        let editable = w::editable(ui, EditScope::Monitoring);
        let import = egui::Button::new(tr(lang, "cmd-import-actuals"));
        if ui.add_enabled(editable, import).clicked() {
            cx.intents
                .push(crate::app::Intent::Run(crate::app::Command::ImportActuals));
        }
        // The report on the round shown (the command reads the same selection).
        if !rounds.is_empty() && ui.button(tr(lang, "cmd-progress-report")).clicked() {
            cx.intents
                .push(crate::app::Intent::Run(crate::app::Command::ProgressReport));
        }
    });
    if pick != chosen
        && let Some(id) = &pick
    {
        cx.selection.insert("rounds", id.clone());
    }
    let Some(id) = pick else {
        ui.weak(tr(lang, "monitoring-no-rounds-help"));
        return;
    };
    // The round as the document has it now (a new one was just added).
    let Some(mut round) = cx.plan().monitoring.round(&id.as_str().into()).cloned() else {
        return;
    };
    let plan = cx.plan().clone();
    let st = status::status(&plan, Some(&round.id));
    let currency = plan.facts.currency.clone();
    egui::ScrollArea::vertical()
        .id_salt("monitoring")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            monitoring_form(ui, "round-form", |ui| {
                w::date(ui, lang, &tr(lang, "field-date"), &mut round.date);
                w::month(
                    ui,
                    lang,
                    &tr(lang, "monitoring-period-start"),
                    &mut round.period_start,
                );
                w::month(
                    ui,
                    lang,
                    &tr(lang, "monitoring-period-end"),
                    &mut round.period_end,
                );
                w::text(ui, &tr(lang, "field-author"), &mut round.author);
                w::multiline(ui, &tr(lang, "monitoring-note"), &mut round.note);
            });
            ui.separator();
            ui.heading(tr(lang, "monitoring-indicators"));
            indicator_grid(ui, lang, &plan, &mut round, &st);
            ui.separator();
            ui.heading(tr(lang, "monitoring-chart-indicator-title"));
            indicator_chart(ui, lang, &plan, &round.id, cx.selection);
            ui.separator();
            ui.heading(tr(lang, "monitoring-progress"));
            progress(ui, lang, &plan, &mut round, &st);
            ui.separator();
            ui.heading(tr(lang, "monitoring-chart-spend-title"));
            crate::app::charts::spend_over_time(ui, lang, &plan, Some(&round.id));
            ui.separator();
            ui.heading(tr(lang, "monitoring-status"));
            overview(ui, lang, &plan, &st, &currency);
        });
    let key = format!("monitoring#{id}");
    cx.doc.set_in(
        EditScope::Monitoring,
        &key,
        cx.now,
        move |p| p.monitoring.rounds.iter_mut().find(|r| r.id.as_str() == id),
        round,
    );
}

/// The chart of one indicator, picked beside it (the first at the start), as of `round`.
fn indicator_chart(
    ui: &mut Ui,
    lang: Lang,
    plan: &Plan,
    round: &MonitoringRoundId,
    selection: &mut std::collections::HashMap<&'static str, String>,
) {
    let Some(first) = plan.indicators.first() else {
        return;
    };
    let picked = selection
        .get("monitoring-chart")
        .and_then(|id| plan.indicators.iter().find(|i| i.id.as_str() == id))
        .unwrap_or(first);
    let mut pick = picked.id.to_string();
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(tr(lang, "monitoring-chart-indicator"));
        egui::ComboBox::from_id_salt("monitoring-chart-indicator")
            .selected_text(ItemRef::Indicator(picked).caption(lang))
            .show_ui(ui, |ui| {
                for i in &plan.indicators {
                    ui.selectable_value(
                        &mut pick,
                        i.id.to_string(),
                        ItemRef::Indicator(i).caption(lang),
                    );
                }
            })
            .response
            .labelled_by(l.id);
    });
    if pick != picked.id.as_str() {
        selection.insert("monitoring-chart", pick);
    }
    crate::app::charts::indicator_over_time(ui, lang, plan, picked, Some(round));
}

/// The years of the plan period (or of the targets, when the period is not set).
fn years(plan: &Plan) -> Vec<i32> {
    if let Some((s, e)) = plan.period() {
        return (s.year()..=e.year()).collect();
    }
    let mut y: Vec<i32> = plan
        .indicators
        .iter()
        .flat_map(|i| i.targets.iter().map(|t| t.year))
        .collect();
    y.sort_unstable();
    y.dedup();
    y
}

/// Indicators × years: each year's target above, the value this round reports for it below,
/// typed the reader's way; a year the round does not cover shows what earlier rounds reported.
fn indicator_grid(
    ui: &mut Ui,
    lang: Lang,
    plan: &Plan,
    round: &mut MonitoringRound,
    st: &MonitoringStatus,
) {
    let years = years(plan);
    let round_year = round.date.map(Date::year);
    let covered = |y: i32| {
        let from = round.period_start.map(|m| m.year()).or(round_year);
        let to = round.period_end.map(|m| m.year()).or(round_year);
        from.is_some_and(|f| f <= y) && to.is_some_and(|t| y <= t)
    };
    let covered: Vec<bool> = years.iter().map(|y| covered(*y)).collect();
    let editable = w::editable(ui, EditScope::Monitoring);
    egui::ScrollArea::horizontal()
        .id_salt("monitoring-grid")
        .show(ui, |ui| {
            egui::Grid::new("monitoring-indicators")
                .striped(true)
                .show(ui, |ui| {
                    ui.strong(tr(lang, "monitoring-indicator"));
                    ui.strong(tr(lang, "monitoring-baseline"));
                    for y in &years {
                        ui.strong(y.to_string());
                    }
                    ui.strong(tr(lang, "monitoring-status"));
                    ui.end_row();
                    for (k, ind) in plan.indicators.iter().enumerate() {
                        let name =
                            format!("{} ({})", ItemRef::Indicator(ind).caption(lang), ind.unit);
                        // Wrapped, so the years beside it keep the room.
                        let row = ui
                            .scope(|ui| {
                                ui.set_max_width(theme::GRID_NAME_WIDTH);
                                ui.add(egui::Label::new(&name).wrap())
                            })
                            .inner;
                        ui.label(ind.baseline.as_ref().map_or("—".into(), |b| {
                            format!("{} ({})", format::decimal_up_to(lang, b.value, 2), b.year)
                        }));
                        for (y, here) in years.iter().zip(&covered) {
                            ui.vertical(|ui| {
                                let target = ind.targets.iter().find(|t| t.year == *y);
                                // On one line: a wrapped target would narrow the column
                                // below the field typed under it.
                                let target_text = target.map_or("·".into(), |t| {
                                    format!(
                                        "{} {}",
                                        tr(lang, "monitoring-target-short"),
                                        format::decimal_up_to(lang, t.value, 2)
                                    )
                                });
                                ui.add(
                                    egui::Label::new(RichText::new(target_text).weak()).extend(),
                                );
                                let year_of = |a: &IndicatorActual| {
                                    a.date.or(round.date).map(Date::year) == Some(*y)
                                };
                                if *here && editable {
                                    let found = round
                                        .actuals
                                        .iter()
                                        .position(|a| a.indicator == ind.id && year_of(a));
                                    let mut value = found.map(|i| round.actuals[i].value);
                                    let (field, why) = w::optional_number_field(
                                        ui, lang, row.id, 70.0, &mut value,
                                    );
                                    field.on_hover_text(format!(
                                        "{} — {} {y}",
                                        name,
                                        tr(lang, "monitoring-actual")
                                    ));
                                    if let Some(why) = why {
                                        ui.colored_label(theme::ERROR, "⚠").on_hover_text(why);
                                    }
                                    match (found, value) {
                                        (Some(i), Some(v)) => round.actuals[i].value = v,
                                        // Emptied: the round has no value for that year.
                                        (Some(i), None) => {
                                            round.actuals.remove(i);
                                        }
                                        (None, Some(v)) => round.actuals.push(IndicatorActual {
                                            indicator: ind.id.clone(),
                                            value: v,
                                            // A year other than the round's counts at its end.
                                            date: (round_year != Some(*y))
                                                .then(|| Date::new(*y, 12, 31))
                                                .flatten(),
                                            ..IndicatorActual::default()
                                        }),
                                        _ => {}
                                    }
                                } else {
                                    let earlier = plan
                                        .monitoring
                                        .rounds
                                        .iter()
                                        .flat_map(|r| {
                                            r.actuals.iter().filter(move |a| {
                                                a.indicator == ind.id
                                                    && a.date.or(r.date).map(Date::year) == Some(*y)
                                            })
                                        })
                                        .last();
                                    ui.label(earlier.map_or(String::new(), |a| {
                                        format::decimal_up_to(lang, a.value, 2)
                                    }));
                                }
                            });
                        }
                        let s = &st.indicators[k].status;
                        ui.colored_label(colour(s.rag), s.rag.label(lang))
                            .on_hover_text(
                                s.reasons
                                    .iter()
                                    .map(|r| status::reason_text(lang, r, &plan.facts.currency))
                                    .collect::<Vec<_>>()
                                    .join("; "),
                            );
                        ui.end_row();
                    }
                });
        });
}

/// Each action's progress in this round: status, percent done, actual months, money per
/// funding line, milestones reached, narrative and issues.
fn progress(
    ui: &mut Ui,
    lang: Lang,
    plan: &Plan,
    round: &mut MonitoringRound,
    st: &MonitoringStatus,
) {
    let currency = plan.facts.currency.as_str();
    // A round is often typed in after the fact: a milestone ticked in it was reached by the
    // round's date, not on the day of typing. A round without a date records none, which the
    // analysis reads as the round's date once it has one.
    let reached_on = round.date;
    for (k, a) in plan.actions.iter().enumerate() {
        let s = &st.actions[k].status;
        let title = RichText::new(format!(
            "● {} — {}",
            ItemRef::Action(a).caption(lang),
            s.rag.label(lang)
        ))
        .color(colour(s.rag));
        egui::CollapsingHeader::new(title)
            .id_salt(("progress", a.id.as_str()))
            .show(ui, |ui| {
                status_line(ui, lang, "", s, currency);
                let Some(at) = round.progress.iter().position(|p| p.action == a.id) else {
                    if w::add_button(
                        ui,
                        &tr(lang, "monitoring-report-action"),
                        EditScope::Monitoring,
                    ) {
                        round.progress.push(ActionProgress {
                            action: a.id.clone(),
                            ..ActionProgress::default()
                        });
                    }
                    return;
                };
                let p = &mut round.progress[at];
                monitoring_form(ui, &format!("progress-{}", a.id), |ui| {
                    w::choice(
                        ui,
                        &tr(lang, "field-status"),
                        &mut p.status,
                        ActionStatus::ALL,
                        |s| s.label(lang),
                    );
                    w::opt_percent(
                        ui,
                        lang,
                        &tr(lang, "monitoring-percent-done"),
                        &mut p.percent_done,
                    );
                    w::month(
                        ui,
                        lang,
                        &tr(lang, "monitoring-actual-start"),
                        &mut p.actual_start,
                    );
                    w::month(
                        ui,
                        lang,
                        &tr(lang, "monitoring-actual-end"),
                        &mut p.actual_end,
                    );
                    let reported: Vec<FundingLineId> =
                        p.spend.iter().map(|s| s.funding_line.clone()).collect();
                    for f in &a.funding {
                        let line = ItemRef::FundingLine(a, f).caption(lang);
                        let k = match p.spend.iter().position(|s| s.funding_line == f.id) {
                            Some(k) => k,
                            None => {
                                p.spend.push(Spend {
                                    funding_line: f.id.clone(),
                                    ..Spend::default()
                                });
                                p.spend.len() - 1
                            }
                        };
                        let sp = &mut p.spend[k];
                        w::money(
                            ui,
                            lang,
                            &format!("{} — {}", tr(lang, "monitoring-spent"), line),
                            &mut sp.spent,
                        );
                        w::money(
                            ui,
                            lang,
                            &format!("{} — {}", tr(lang, "monitoring-committed"), line),
                            &mut sp.committed,
                        );
                    }
                    // A line added here for its fields and left empty says nothing: not kept.
                    // One the round already had stays, zero or not, so looking is no edit.
                    p.spend.retain(|s| {
                        s.spent != Money::ZERO
                            || s.committed != Money::ZERO
                            || reported.contains(&s.funding_line)
                    });
                    for m in &a.milestones {
                        let at = p
                            .milestones_reached
                            .iter()
                            .position(|r| r.milestone == m.id);
                        let mut reached = at.is_some();
                        let due = m.due.map(|d| format::month(lang, d)).unwrap_or_default();
                        w::flag(
                            ui,
                            &format!("{} ({} {due})", m.title, tr(lang, "monitoring-due")),
                            &mut reached,
                        );
                        match (at, reached) {
                            (None, true) => p.milestones_reached.push(MilestoneReached {
                                milestone: m.id.clone(),
                                date: reached_on,
                            }),
                            (Some(i), false) => {
                                p.milestones_reached.remove(i);
                            }
                            _ => {}
                        }
                    }
                    w::multiline(ui, &tr(lang, "monitoring-narrative"), &mut p.narrative);
                    w::multiline(ui, &tr(lang, "monitoring-issues"), &mut p.issues);
                });
            });
    }
}

/// Objectives → specific objectives → actions and indicators, each with its colour and reasons,
/// and the method in words.
fn overview(ui: &mut Ui, lang: Lang, plan: &Plan, st: &MonitoringStatus, currency: &str) {
    ui.add(egui::Label::new(RichText::new(status::method(lang, st)).weak()).wrap());
    let specific = |id: &SpecificObjectiveId| st.specific.iter().find(|s| &s.objective == id);
    for (o, so) in plan.objectives.iter().zip(&st.strategic) {
        status_line(
            ui,
            lang,
            &ItemRef::Objective(o).caption(lang),
            &so.status,
            currency,
        );
        ui.indent(("overview", o.id.as_str()), |ui| {
            for s in &o.specific {
                if let Some(r) = specific(&s.id) {
                    status_line(
                        ui,
                        lang,
                        &ItemRef::SpecificObjective(s).caption(lang),
                        &r.status,
                        currency,
                    );
                }
                ui.indent(("overview", s.id.as_str()), |ui| {
                    for (a, r) in plan.actions.iter().zip(&st.actions) {
                        if a.specific_objective.as_ref() == Some(&s.id) {
                            status_line(
                                ui,
                                lang,
                                &ItemRef::Action(a).caption(lang),
                                &r.status,
                                currency,
                            );
                        }
                    }
                    for (i, r) in plan.indicators.iter().zip(&st.indicators) {
                        if s.indicators.contains(&i.id) {
                            status_line(
                                ui,
                                lang,
                                &ItemRef::Indicator(i).caption(lang),
                                &r.status,
                                currency,
                            );
                        }
                    }
                });
            }
        });
    }
}
