//! Step 14: review and export — completeness of every step, the findings in numbers, review
//! comments (add, reply, resolve), and the way out to the published plan.

use egui::Ui;

use super::{ReviewView, detail, list_panel};
use crate::app::StepCtx;
use crate::app::charts;
use crate::app::list::{ListItem, master_list};
use crate::app::widgets::{self as w, form};
use crate::i18n::{tr, tr_args};
use crate::model::*;

/// The editor: the overview with the way out to the PDF, or the review comments.
pub fn ui(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    w::heading(ui, Section::Review.label(lang), &cx.tr("help-review"));
    let open = cx.plan().comments.iter().filter(|c| !c.resolved).count();
    let view = &mut cx.views.review;
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(view, ReviewView::Overview, tr(lang, "view-overview"));
        ui.selectable_value(
            view,
            ReviewView::Comments,
            tr_args(lang, "view-comments", &[("n", open.into())]),
        );
    });
    ui.separator();
    if cx.views.review == ReviewView::Overview {
        egui::ScrollArea::vertical()
            .id_salt("review-overview")
            .auto_shrink([false, false])
            .show(ui, |ui| overview(ui, cx));
        return;
    }
    comments(ui, cx);
}

/// Completeness, findings and the export.
fn overview(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    let report = cx.doc.report();
    ui.horizontal_wrapped(|ui| {
        ui.vertical(|ui| {
            charts::completeness(ui, lang, &report);
        });
        ui.vertical(|ui| {
            ui.strong(tr(lang, "findings-title"));
            ui.label(tr_args(
                lang,
                "findings-count",
                &[
                    (
                        "errors",
                        report.count(crate::analysis::Severity::Error).into(),
                    ),
                    (
                        "warnings",
                        report.count(crate::analysis::Severity::Warning).into(),
                    ),
                ],
            ));
            ui.label(tr_args(
                lang,
                "overall-complete",
                &[("n", usize::from(report.completeness_percent()).into())],
            ));
            ui.add_space(8.0);
            ui.strong(tr(lang, "export-title"));
            export_options(ui, cx);
            if ui.button(tr(lang, "cmd-export-pdf")).clicked() {
                cx.intents
                    .push(crate::app::Intent::Run(crate::app::Command::ExportPdf));
            }
        });
    });
}

/// The open comments, and every comment with its form.
fn comments(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    open_comments(ui, cx);
    ui.separator();
    if let Some(e) = list_panel(ui, "comments", |ui| {
        master_list(ui, cx, "comments", |p| &p.comments)
    }) {
        cx.commit_list("comments", |p| Some(&mut p.comments), e);
    }
    detail(ui, "comments", |ui| {
        let Some(mut c) = cx
            .selected("comments")
            .and_then(|id| cx.plan().comments.iter().find(|x| x.id() == id))
            .cloned()
        else {
            ui.weak(cx.tr("select-item"));
            return;
        };
        w::comment_form(ui, "comment-form", |ui| {
            w::text(ui, &tr(lang, "field-author"), &mut c.author);
            w::date(ui, lang, &tr(lang, "field-date"), &mut c.date);
            w::choice(
                ui,
                &tr(lang, "field-about-section"),
                &mut c.target.section,
                Section::ALL,
                |s| s.label(lang),
            );
            // The item is picked from the section's items, never typed as an id.
            let items = super::items_of_section(cx.plan(), lang, c.target.section);
            let mut item: Option<String> = c.target.item.clone();
            w::pick_one(ui, lang, &tr(lang, "field-about-item"), &mut item, &items);
            c.target.item = item;
            w::multiline(ui, &tr(lang, "field-comment"), &mut c.text);
            w::flag(ui, &tr(lang, "field-resolved"), &mut c.resolved);
        });
        ui.strong(tr(lang, "replies"));
        for (k, r) in c.replies.iter_mut().enumerate() {
            ui.push_id(k, |ui| {
                w::comment_form(ui, "reply", |ui| {
                    w::text(ui, &tr(lang, "field-author"), &mut r.author);
                    w::multiline(ui, &tr(lang, "field-reply"), &mut r.text);
                });
            });
        }
        if w::add_button(ui, &tr(lang, "add-reply"), w::EditScope::Comments) {
            c.replies.push(Reply {
                date: Some(Date::today()),
                ..Reply::default()
            });
        }
        let id = c.id.clone();
        cx.set_comment(
            &format!("comment:{id}"),
            move |p| p.comments.iter_mut().find(|x| x.id == id),
            c,
        );
    });
}

/// Language, paper and sections of the PDF.
fn export_options(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    use crate::report::{Part, layout::Paper};
    let lang = cx.lang;
    let e = &mut *cx.export;
    form(ui, "export-form", |ui| {
        let plan_lang = tr(lang, "export-lang-plan");
        // Each option keeps its own name; the group's label is read before them.
        ui.label(egui::RichText::new(tr(lang, "export-lang")).strong());
        ui.horizontal(|ui| {
            ui.selectable_value(&mut e.lang, None, plan_lang.as_str());
            ui.selectable_value(&mut e.lang, Some(Lang::Bg), "български");
            ui.selectable_value(&mut e.lang, Some(Lang::En), "English");
        });
        ui.label(egui::RichText::new(tr(lang, "export-paper")).strong());
        ui.horizontal(|ui| {
            ui.selectable_value(&mut e.paper, Paper::A4, "A4");
            ui.selectable_value(&mut e.paper, Paper::Letter, "Letter");
        });
    });
    ui.checkbox(
        &mut e.consultation_copy,
        tr(lang, "export-consultation-copy"),
    );
    egui::CollapsingHeader::new(tr(lang, "export-sections")).show(ui, |ui| {
        for part in Part::all() {
            let name = match part {
                Part::Approval => tr(lang, "pdf-approval"),
                Part::Summary => tr(lang, "pdf-exec-summary"),
                Part::Glossary => tr(lang, "pdf-glossary"),
                Part::Section(Section::SupportGroup) => tr(lang, "pdf-annex-support-group"),
                Part::Section(s) => s.label(lang).to_owned(),
                Part::Sources => tr(lang, "pdf-annex-sources"),
                Part::Findings => tr(lang, "pdf-annex-findings"),
                Part::Comments => tr(lang, "pdf-annex-comments"),
            };
            let mut on = e.parts.contains(&part);
            if ui.checkbox(&mut on, name).changed() {
                // Keep report order whatever the order of clicks.
                e.parts = Part::all()
                    .into_iter()
                    .filter(|p| if *p == part { on } else { e.parts.contains(p) })
                    .collect();
            }
        }
    });
}

/// The open comments, each a link to the item it is about.
fn open_comments(ui: &mut Ui, cx: &mut StepCtx<'_>) {
    let lang = cx.lang;
    let plan = cx.plan();
    let captions = super::captions_by_id(plan, lang);
    let open: Vec<(ItemPath, String)> = plan
        .comments
        .iter()
        .filter(|c| !c.resolved)
        .map(|c| {
            (
                c.target.clone(),
                format!(
                    "{} — {}: {}",
                    super::place_caption(&captions, lang, &c.target),
                    c.author,
                    c.text.lines().next().unwrap_or("")
                ),
            )
        })
        .collect();
    egui::CollapsingHeader::new(tr_args(lang, "open-comments", &[("n", open.len().into())]))
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("open-comments")
                .max_height(120.0)
                .show(ui, |ui| {
                    for (target, text) in open {
                        let row = egui::Button::selectable(false, text)
                            .wrap_mode(egui::TextWrapMode::Truncate);
                        if ui.add(row).on_hover_text(tr(lang, "go-to-item")).clicked() {
                            cx.intents.push(crate::app::Intent::GoTo(target));
                        }
                    }
                });
        });
}
