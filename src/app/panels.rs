//! The panels around the step editor: the lock banner, the menu bar, the status bar, the steps,
//! the findings and the comparison with another version.

use std::sync::atomic::Ordering;

use egui::{Color32, RichText, Ui};

use super::dialogs::Dialog;
use super::{Command, Intent, LapApp, document, steps, theme};
use crate::analysis::{Finding, Severity};
use crate::i18n::{tr, tr_args};
use crate::model::{ItemPath, Lang, Plan, Section};

impl LapApp {
    /// Says why the plan cannot be edited, and how to go on.
    pub(super) fn lock_banner(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        let (text, revision) = match self.doc.lock {
            document::Lock::Open => return,
            document::Lock::Review => (
                tr_args(
                    lang,
                    "banner-review",
                    &[("name", self.settings.reviewer.clone().into())],
                ),
                false,
            ),
            document::Lock::Adopted => (
                tr_args(
                    lang,
                    "banner-adopted",
                    &[(
                        "decision",
                        self.doc.plan().facts.adoption_decision.clone().into(),
                    )],
                ),
                true,
            ),
        };
        egui::Frame::new()
            .fill(theme::BANNER_FILL)
            .inner_margin(6.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(theme::BANNER_TEXT, text);
                    if revision && ui.button(tr(lang, "button-start-revision")).clicked() {
                        self.dialog = Some(Dialog::NewRevision(String::new()));
                    }
                });
            });
        ui.add_space(4.0);
    }

    pub(super) fn menu_bar(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        let mut asked: Vec<Intent> = Vec::new();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(self.t("menu-file"), |ui| {
                Command::New.menu_item(ui, lang, &mut asked);
                Command::Open.menu_item(ui, lang, &mut asked);
                ui.menu_button(self.t("menu-open-recent"), |ui| {
                    if self.settings.recent.is_empty() {
                        ui.weak(self.t("menu-no-recent"));
                    }
                    for p in &self.settings.recent {
                        if ui.button(p.display().to_string()).clicked() {
                            asked.push(Intent::Open(p.clone()));
                        }
                    }
                });
                ui.separator();
                Command::Save.menu_item(ui, lang, &mut asked);
                Command::SaveAs.menu_item(ui, lang, &mut asked);
                Command::Compare.menu_item(ui, lang, &mut asked);
                Command::CompareCities.menu_item(ui, lang, &mut asked);
                ui.add_enabled_ui(self.export_progress.is_none(), |ui| {
                    Command::ExportPdf.menu_item(ui, lang, &mut asked)
                });
                Command::ExportXlsx.menu_item(ui, lang, &mut asked);
                Command::ProgressReport.menu_item(ui, lang, &mut asked);
                Command::ExportValues.menu_item(ui, lang, &mut asked);
                Command::ImportValues.menu_item(ui, lang, &mut asked);
                Command::TakeNetwork.menu_item(ui, lang, &mut asked);
                Command::ImportActuals.menu_item(ui, lang, &mut asked);
                ui.separator();
                Command::Quit.menu_item(ui, lang, &mut asked);
            });
            ui.menu_button(self.t("menu-edit"), |ui| {
                ui.add_enabled_ui(self.doc.undo_len() > 0, |ui| {
                    Command::Undo.menu_item(ui, lang, &mut asked)
                });
                ui.add_enabled_ui(self.doc.redo_len() > 0, |ui| {
                    Command::Redo.menu_item(ui, lang, &mut asked)
                });
            });
            ui.menu_button(self.t("menu-view"), |ui| {
                for cmd in [
                    Command::ToggleLanguage,
                    Command::ToggleTheme,
                    Command::ToggleSteps,
                    Command::ToggleFindings,
                    Command::ToggleReview,
                ] {
                    cmd.menu_item(ui, lang, &mut asked);
                }
                let mut builtin = self.settings.builtin_file_dialog;
                if ui
                    .checkbox(&mut builtin, self.t(Command::ToggleFileDialog.key()))
                    .clicked()
                {
                    asked.push(Intent::Run(Command::ToggleFileDialog));
                }
            });
            ui.menu_button(self.t("menu-help"), |ui| {
                Command::Shortcuts.menu_item(ui, lang, &mut asked);
                Command::About.menu_item(ui, lang, &mut asked);
            });
        });
        self.intents.extend(asked);
    }

    pub(super) fn status_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            if let Some(progress) = &self.export_progress {
                let share = progress.load(Ordering::Relaxed) as f32 / 1000.0;
                ui.add(
                    egui::ProgressBar::new(share)
                        .desired_width(180.0)
                        .text(tr(self.settings.lang, "export-running")),
                );
            } else if self.jobs.running > 0 {
                ui.spinner();
            }
            // The message first; the plan's name takes what room is left, cut rather than
            // drawn over it.
            let room = ui.available_width();
            ui.scope(|ui| {
                ui.set_max_width(room * 0.65);
                ui.add(egui::Label::new(&self.status).truncate());
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let p = &self.doc.plan().facts;
                ui.add(
                    egui::Label::new(
                        RichText::new(
                            [p.city.trim(), p.title.trim()]
                                .into_iter()
                                .filter(|s| !s.is_empty())
                                .collect::<Vec<_>>()
                                .join(" — "),
                        )
                        .weak(),
                    )
                    .truncate(),
                );
            });
        });
    }

    pub(super) fn steps_panel(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        ui.add_space(4.0);
        ui.strong(tr(lang, "steps-title"));
        ui.add_space(4.0);
        let report = self.doc.report();
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (i, s) in Section::ALL.iter().enumerate() {
                let errors = report
                    .in_section(*s)
                    .filter(|f| f.severity == Severity::Error)
                    .count();
                let warnings = report
                    .in_section(*s)
                    .filter(|f| f.severity == Severity::Warning)
                    .count();
                let complete = report.section_completeness(*s);
                let label = format!("{}. {}", i + 1, s.label(lang));
                let selected = self.section == *s;
                let r = ui.selectable_label(selected, RichText::new(label).strong());
                if r.clicked() {
                    self.section = *s;
                }
                ui.horizontal(|ui| {
                    ui.add_space(18.0);
                    if let Some(pc) = complete {
                        ui.add(
                            egui::ProgressBar::new(f32::from(pc) / 100.0)
                                .desired_width(90.0)
                                .text(crate::model::format::percent(lang, f64::from(pc), 0)),
                        )
                        .on_hover_text(tr(lang, "completeness-help"));
                    }
                    // Compact marks fit the panel; the full words are the hover and accessible text.
                    if errors > 0 {
                        let words = tr_args(lang, "count-errors", &[("n", errors.into())]);
                        count_mark(ui, &format!("✖ {errors}"), &words, theme::ERROR);
                    }
                    if warnings > 0 {
                        let words = tr_args(lang, "count-warnings", &[("n", warnings.into())]);
                        count_mark(ui, &format!("⚠ {warnings}"), &words, theme::WARNING);
                    }
                });
                ui.add_space(2.0);
            }
            ui.separator();
            ui.label(tr_args(
                lang,
                "overall-complete",
                &[("n", usize::from(report.completeness_percent()).into())],
            ));
        });
    }

    pub(super) fn findings_panel(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        let report = self.doc.report();
        ui.add_space(4.0);
        ui.strong(tr(lang, "findings-title"));
        ui.label(tr_args(
            lang,
            "findings-count",
            &[
                ("errors", report.count(Severity::Error).into()),
                ("warnings", report.count(Severity::Warning).into()),
            ],
        ));
        ui.separator();
        if report.findings.is_empty() {
            ui.label(tr(lang, "findings-none"));
            return;
        }
        let mut go: Option<ItemPath> = None;
        let row_h = FINDING_ROW_HEIGHT;
        egui::ScrollArea::vertical()
            .id_salt("findings-list")
            .show_rows(ui, row_h, report.findings.len(), |ui, range| {
                for f in &report.findings[range] {
                    if finding_row(ui, lang, self.doc.plan(), f).clicked() {
                        go = Some(f.path.clone());
                    }
                }
            });
        if let Some(path) = go {
            self.intents.push(Intent::GoTo(path));
        }
    }

    /// The changes from another version: each leads to its item.
    pub(super) fn comparison_panel(&mut self, ui: &mut Ui) {
        use crate::analysis::diff::ChangeKind;
        let lang = self.settings.lang;
        let Some((path, d)) = &self.comparison else {
            return;
        };
        let mut go = None;
        let mut close = false;
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.strong(tr(lang, "compare-title"));
            close = ui.small_button(tr(lang, "compare-close")).clicked();
        });
        ui.label(tr_args(
            lang,
            "compare-with",
            &[("file", path.display().to_string().into())],
        ));
        if d.is_empty() {
            ui.label(tr(lang, "compare-same"));
        }
        let plan = self.doc.plan();
        let signed = |m: crate::model::Money| {
            if m.cents() > 0 {
                format!("+{}", m.text(lang, &plan.facts.currency))
            } else {
                m.text(lang, &plan.facts.currency)
            }
        };
        ui.label(format!(
            "{}: {}; {}: {}; {}: {}",
            tr(lang, "total-cost"),
            signed(d.cost_delta),
            tr(lang, "secured"),
            signed(d.secured_delta),
            tr(lang, "potential"),
            signed(d.potential_delta)
        ));
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("comparison-list")
            .show(ui, |ui| {
                for c in &d.changes {
                    let (mark, color) = match c.kind {
                        ChangeKind::Added => ("+", theme::ADDED),
                        ChangeKind::Removed => ("−", theme::ERROR),
                        ChangeKind::Changed => ("~", theme::WARNING),
                        ChangeKind::Moved => ("↕", theme::HINT),
                    };
                    let text = RichText::new(format!(
                        "{mark} {} › {}",
                        c.path.section.label(lang),
                        c.label
                    ))
                    .color(color);
                    let row = egui::Button::selectable(false, text)
                        .wrap_mode(egui::TextWrapMode::Truncate);
                    // A removed item is only in the other version: nothing to go to.
                    if ui.add_enabled(c.kind != ChangeKind::Removed, row).clicked() {
                        go = Some(c.path.clone());
                    }
                    for f in &c.fields {
                        ui.label(
                            RichText::new(format!("    {}: {} → {}", f.field, f.old, f.new))
                                .small(),
                        );
                    }
                }
            });
        if close {
            self.comparison = None;
        }
        if let Some(p) = go {
            self.intents.push(Intent::GoTo(p));
        }
    }
}

/// One finding in the findings panel; clicking it goes to its item.
fn finding_row(ui: &mut Ui, lang: Lang, plan: &Plan, f: &Finding) -> egui::Response {
    let (color, sev) = match f.severity {
        Severity::Error => (theme::ERROR, f.severity.label(lang)),
        Severity::Warning => (theme::WARNING, f.severity.label(lang)),
        Severity::Hint => (theme::HINT, f.severity.label(lang)),
    };
    let text = format!("{sev}: {}", f.message(lang));
    // A fixed height of two lines, so the virtual list can place rows without laying them out.
    let height = FINDING_ROW_HEIGHT - ui.spacing().item_spacing.y;
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), height),
        egui::Sense::click(),
    );
    let mut job = egui::text::LayoutJob::simple(
        text.clone(),
        egui::FontId::proportional(13.0),
        color,
        rect.width() - 8.0,
    );
    job.wrap.max_rows = 2;
    let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
    if response.hovered() {
        ui.painter()
            .rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    ui.painter()
        .galley(rect.left_top() + egui::vec2(4.0, 2.0), galley, color);
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Button, true, &text));
    // Built only while the row is hovered: the caption walks every item of the plan.
    response.on_hover_ui(|ui| {
        let captions = steps::captions_by_id(plan, lang);
        ui.label(format!(
            "{}\n{}",
            f.message(lang),
            steps::place_caption(&captions, lang, &f.path)
        ));
    })
}

/// Height of a row of the findings list.
const FINDING_ROW_HEIGHT: f32 = 38.0;

/// A short coloured count whose accessible name is the full phrase.
fn count_mark(ui: &mut Ui, mark: &str, words: &str, color: Color32) {
    let r = ui.add(
        egui::Label::new(RichText::new(mark).color(color).strong()).sense(egui::Sense::hover()),
    );
    let name = words.to_owned();
    r.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
    r.on_hover_text(words);
}
