//! Step 2: context and evidence — a narrative, baseline figures with unit, year and source, and
//! the plan's list of sources (printed as the PDF's annex).

use egui::Ui;

use super::{detail, list_panel, selected_index};
use crate::app::StepCtx;
use crate::app::list::{master_list, next};
use crate::app::rows::nested_rows;
use crate::app::widgets::{self as w, form};
use crate::model::*;

/// The editor.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(ui, Section::Context.label(lang), &cx.tr("help-context"));
    let mut narrative = cx.plan().context.narrative.clone();
    super::bounded(ui, "narrative", |ui| {
        form(ui, "context-form", |ui| {
            w::multiline(ui, &cx.tr("field-narrative"), &mut narrative);
        });
    });
    cx.set("narrative", |p| Some(&mut p.context.narrative), narrative);
    ui.separator();
    if let Some(e) = list_panel(ui, "evidence", |ui| {
        master_list(ui, cx, "evidence", |p| &p.context.evidence)
    }) {
        cx.commit_list("evidence", |p| Some(&mut p.context.evidence), e);
    }
    // The form of the selected figure, then the plan's sources, in one scrolling column.
    detail(ui, "evidence", |ui| {
        evidence_form(ui, cx);
        ui.separator();
        sources(ui, cx);
    });
}

/// The form of the selected evidence item.
fn evidence_form(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    let Some(i) = selected_index(cx, "evidence", &cx.plan().context.evidence, |e| {
        e.id.as_str()
    }) else {
        ui.weak(cx.tr("select-item"));
        return;
    };
    let mut e = cx.plan().context.evidence[i].clone();
    form(ui, "evidence-form", |ui| {
        w::text(ui, &cx.tr("field-label"), &mut e.label);
        w::opt_number(ui, lang, &cx.tr("field-value"), &mut e.value);
        w::text(ui, &cx.tr("field-unit"), &mut e.unit);
        w::opt_year(ui, lang, &cx.tr("field-year"), &mut e.year);
        w::text(ui, &cx.tr("field-source"), &mut e.source);
        w::multiline(ui, &cx.tr("field-note"), &mut e.note);
    });
    let id = e.id.clone();
    cx.set(
        &format!("evidence:{id}"),
        move |p| p.context.evidence.iter_mut().find(|x| x.id == id),
        e,
    );
}

/// Where the plan's figures and facts come from: one row per public source.
fn sources(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    ui.strong(cx.tr("field-sources"));
    ui.weak(cx.tr("help-sources"));
    let mut list = cx.plan().sources.clone();
    nested_rows(
        ui,
        lang,
        cx.plan(),
        "sources",
        &mut list,
        |s| s.title.clone(),
        |ui, s| {
            form(ui, "source", |ui| {
                w::text(ui, &cx.tr("field-source-title"), &mut s.title);
                w::text(ui, &cx.tr("field-publisher"), &mut s.publisher);
                w::text(ui, &cx.tr("field-url"), &mut s.url);
                w::date(ui, lang, &cx.tr("field-accessed"), &mut s.accessed);
                w::text(ui, &cx.tr("field-supports"), &mut s.supports);
            });
        },
        &cx.tr("add-source"),
        |taken| PlanSource {
            id: next(SourceId::PREFIX, taken).as_str().into(),
            accessed: Some(Date::today()),
            ..PlanSource::default()
        },
    );
    cx.set("sources", |p| Some(&mut p.sources), list);
}
