//! Exchange and participation: study visits, transnational seminars, public debates,
//! consultations and events — who took part by sector, what was learned or said, the actions
//! it led to, and a consultation's comments with the plan's responses.

use egui::{RichText, Ui};

use super::{action_options, detail, list_panel, selected_index};
use crate::app::StepCtx;
use crate::app::list::master_list;
use crate::app::widgets::{self as w, EditScope, form};
use crate::i18n::tr;
use crate::model::*;

/// Most participants of one sector the field takes.
const MOST: u32 = 1_000_000;

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(ui, Section::Exchanges.label(lang), &cx.tr("help-exchanges"));
    if let Some(e) = list_panel(ui, "exchanges", |ui| {
        master_list(ui, cx, "exchanges", |p| &p.exchanges)
    }) {
        cx.commit_list("exchanges", |p| Some(&mut p.exchanges), e);
    }
    detail(ui, "exchanges", |ui| {
        let Some(i) = selected_index(cx, "exchanges", &cx.plan().exchanges, |x| x.id.as_str())
        else {
            ui.weak(cx.tr("select-item"));
            return;
        };
        let mut x = cx.plan().exchanges[i].clone();
        let actions = action_options(cx.plan(), None);
        let t = |k: &str| tr(lang, k);
        form(ui, "exchange-form", |ui| {
            w::date(ui, lang, &t("field-date"), &mut x.date);
            w::choice(
                ui,
                &t("field-exchange-kind"),
                &mut x.kind,
                ExchangeKind::ALL,
                |k| k.label(lang),
            );
            w::text(ui, &t("field-title"), &mut x.title);
            w::text(ui, &t("field-place"), &mut x.place);
            w::string_list(ui, lang, &t("field-organisers"), &mut x.organisers);
        });
        ui.separator();
        ui.strong(t("field-participants"));
        egui::Grid::new("participants")
            .num_columns(2)
            .show(ui, |ui| {
                for s in Sector::ALL {
                    let l = ui.label(s.label(lang));
                    let mut n = x
                        .participants
                        .iter()
                        .find(|p| p.sector == *s)
                        .map_or(0, |p| p.count);
                    let before = n;
                    ui.add(egui::DragValue::new(&mut n).range(0..=MOST))
                        .labelled_by(l.id);
                    if n != before {
                        match x.participants.iter_mut().find(|p| p.sector == *s) {
                            Some(p) => p.count = n,
                            None => x.participants.push(Participants {
                                sector: *s,
                                count: n,
                            }),
                        }
                        x.participants.retain(|p| p.count > 0);
                        x.participants.sort_by_key(|p| p.sector);
                    }
                    ui.end_row();
                }
                let l = ui.label(RichText::new(t("field-participants-total")).strong());
                ui.label(format::integer(lang, x.participants_total()))
                    .labelled_by(l.id);
                ui.end_row();
            });
        let mut counted = x.migrant_background.is_some();
        if ui
            .checkbox(&mut counted, t("field-migrant-background-counted"))
            .changed()
        {
            x.migrant_background = counted.then_some(0);
        }
        if let Some(m) = &mut x.migrant_background {
            ui.horizontal(|ui| {
                let l = ui.label(t("field-migrant-background"));
                ui.add(egui::DragValue::new(m).range(0..=MOST))
                    .labelled_by(l.id);
            });
        }
        ui.separator();
        form(ui, "exchange-outcome", |ui| {
            w::multiline(ui, &t("field-exchange-outcome"), &mut x.outcome);
            w::pick_many(
                ui,
                lang,
                &t("field-led-to-actions"),
                &mut x.actions,
                &actions,
            );
            w::multiline(ui, &t("field-exchange-note"), &mut x.note);
        });
        ui.separator();
        ui.strong(t("field-consultation-comments"));
        if x.kind != ExchangeKind::Consultation && x.comments.is_empty() {
            ui.weak(t("hint-comments-consultation"));
        }
        let mut remove = None;
        for (k, c) in x.comments.iter_mut().enumerate() {
            ui.push_id(("comment", k), |ui| {
                form(ui, "consultation-comment", |ui| {
                    w::text(ui, &t("field-comment-from"), &mut c.from);
                    w::multiline(ui, &t("field-comment-text"), &mut c.text);
                    w::multiline(ui, &t("field-comment-response"), &mut c.response);
                });
                if ui
                    .small_button("✖")
                    .on_hover_text(format!("{}: {}", t("list-remove"), c.from))
                    .clicked()
                {
                    remove = Some(k);
                }
                ui.separator();
            });
        }
        if let Some(k) = remove {
            x.comments.remove(k);
        }
        if w::add_button(ui, &t("add-consultation-comment"), EditScope::Plan) {
            x.comments.push(ConsultationComment::default());
        }
        let id = x.id.clone();
        cx.set(
            &format!("exchange:{id}"),
            move |p| p.exchanges.iter_mut().find(|e| e.id == id),
            x,
        );
    });
}
