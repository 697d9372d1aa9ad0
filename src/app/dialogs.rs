//! The dialogs over the window: errors, unsaved changes, the app's own file dialog, a read-only
//! file, templates, restore after a crash, export results, the reviewer's name, a new revision.

use std::path::PathBuf;

use egui::RichText;

use super::file_dialog::{self, FileDialog};
use super::{Command, Document, LapApp, document, jobs, theme};
use crate::i18n::{tr, tr_args};
use crate::model::{Plan, Section};
use crate::store::templates;

/// A dialog over the window.
pub(super) enum Dialog {
    Error(String),
    Guard(AfterGuard),
    About,
    Shortcuts,
    NewFromTemplate,
    Restore {
        plan: Box<Plan>,
        origin: Option<PathBuf>,
        /// The folder of the gone instance's autosave.
        from: PathBuf,
    },
    ReviewerName(String),
    NewRevision(String),
    Files(Box<FileDialog>),
    /// The file to save to is read-only: replace it, save elsewhere, or not at all.
    ReadOnly(PathBuf),
    /// An openness values table was read: add its values to the plan's or replace them (as
    /// `lap-studio openness import` with or without `--merge`).
    ImportValues {
        path: PathBuf,
        values: Vec<crate::model::OpennessValue>,
    },
    /// Some rows of a table of indicator values are wrong: import the others, or nothing.
    BadActualRows {
        path: PathBuf,
        round: Box<crate::model::MonitoringRound>,
        imported: crate::store::actuals::Imported,
    },
}

/// A finished PDF export: shown beside the work, not over it, so that typing goes on into the
/// field it was meant for when the export ends (a modal would swallow the keys).
pub(super) struct ExportNotice {
    pub path: PathBuf,
    pub pages: usize,
    pub lost: Vec<String>,
}

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug)]
pub(super) enum AfterGuard {
    Close,
    Open(PathBuf),
    PickOpen,
    NewFromTemplate,
}

impl LapApp {
    pub(super) fn dialogs(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.dialog.take() else {
            return;
        };
        // Esc closes every dialog as its Cancel (or OK) would, except the offer to restore
        // unsaved work, which needs an answer.
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        let lang = self.settings.lang;
        let mut keep = true;
        let mut then: Option<AfterGuard> = None;
        // Dialogs with a text field carry what was typed into the next frame.
        let mut next_dialog: Option<Dialog> = None;
        let modal = egui::Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            match &mut dialog {
                Dialog::Files(files) => match files.ui(ui, lang) {
                    file_dialog::Outcome::Open => {}
                    file_dialog::Outcome::List(dir) => {
                        self.jobs.list_dir(dir, files.task.extensions())
                    }
                    file_dialog::Outcome::Cancelled => {
                        keep = false;
                        self.file_not_chosen(files.task);
                    }
                    file_dialog::Outcome::Chosen(path) => {
                        keep = false;
                        self.file_chosen(files.task, path);
                    }
                },
                Dialog::ReadOnly(path) => {
                    ui.heading(tr(lang, "dialog-read-only-title"));
                    ui.label(tr_args(
                        lang,
                        "dialog-read-only-text",
                        &[("file", path.display().to_string().into())],
                    ));
                    ui.horizontal_wrapped(|ui| {
                        if ui.button(tr(lang, "button-replace")).clicked() {
                            keep = false;
                            self.jobs.save(
                                self.doc.plan().clone(),
                                path.clone(),
                                self.doc.state_token(),
                                true,
                            );
                            self.status = self.t("status-saving");
                        }
                        if ui.button(tr(lang, "cmd-save-as")).clicked() {
                            keep = false;
                            self.save_as();
                        }
                        if ui.button(tr(lang, "button-cancel")).clicked() {
                            keep = false;
                            self.after_save = None;
                        }
                    });
                }
                Dialog::ImportValues { path, values } => {
                    ui.heading(tr(lang, "cmd-import-values"));
                    let n = values.len();
                    ui.label(tr_args(
                        lang,
                        "values-import-how",
                        &[
                            ("file", path.display().to_string().into()),
                            ("n", crate::i18n::FluentArg::Number(n as f64)),
                            (
                                "count",
                                crate::model::format::integer(lang, n as u64).into(),
                            ),
                            (
                                "values",
                                crate::model::format::integer(
                                    lang,
                                    self.doc.plan().openness.values.len() as u64,
                                )
                                .into(),
                            ),
                        ],
                    ));
                    ui.horizontal_wrapped(|ui| {
                        for (key, merge) in [
                            ("values-import-add", true),
                            ("values-import-replace", false),
                        ] {
                            if ui.button(tr(lang, key)).clicked() {
                                keep = false;
                                let values = std::mem::take(values);
                                self.apply_values(path.clone(), values, merge);
                            }
                        }
                        if ui.button(tr(lang, "button-cancel")).clicked() {
                            keep = false;
                        }
                    });
                }
                Dialog::BadActualRows {
                    path,
                    round,
                    imported,
                } => {
                    ui.heading(tr(lang, "actuals-bad-rows-title"));
                    ui.label(tr_args(
                        lang,
                        "actuals-bad-rows",
                        &[
                            ("file", path.display().to_string().into()),
                            ("bad", imported.bad.len().into()),
                            ("good", imported.actuals.len().into()),
                            ("round", round.id.to_string().into()),
                        ],
                    ));
                    egui::ScrollArea::vertical()
                        .id_salt("bad-rows")
                        .max_height(240.0)
                        .show(ui, |ui| {
                            for row in &imported.bad {
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(row.message.as_str()).monospace(),
                                    )
                                    .wrap(),
                                );
                            }
                        });
                    ui.horizontal_wrapped(|ui| {
                        let good = !imported.actuals.is_empty();
                        if ui
                            .add_enabled(good, egui::Button::new(tr(lang, "actuals-skip-bad")))
                            .clicked()
                        {
                            keep = false;
                            let imported = std::mem::replace(
                                imported,
                                crate::store::actuals::Imported {
                                    actuals: Vec::new(),
                                    bad: Vec::new(),
                                    number_lang: lang,
                                },
                            );
                            let round = std::mem::take(round.as_mut());
                            self.put_actuals(path, round, imported);
                        }
                        if ui.button(tr(lang, "button-cancel")).clicked() {
                            keep = false;
                        }
                    });
                }
                Dialog::Error(message) => {
                    ui.heading(tr(lang, "dialog-error-title"));
                    ui.add(egui::Label::new(RichText::new(message.as_str()).monospace()).wrap());
                    ui.label(tr(lang, "dialog-error-plan-kept"));
                    if ui.button(tr(lang, "button-ok")).clicked() {
                        keep = false;
                    }
                }
                Dialog::Guard(after) => {
                    ui.heading(tr(lang, "dialog-unsaved-title"));
                    ui.label(tr(lang, "dialog-unsaved-text"));
                    ui.horizontal(|ui| {
                        if ui.button(tr(lang, "button-save")).clicked() {
                            keep = false;
                            // Continue only once the save has succeeded.
                            self.after_save = Some(after.clone());
                            self.save();
                        }
                        if ui.button(tr(lang, "button-dont-save")).clicked() {
                            keep = false;
                            self.discarded = matches!(after, AfterGuard::Close);
                            then = Some(after.clone());
                        }
                        if ui.button(tr(lang, "button-cancel")).clicked() {
                            keep = false;
                        }
                    });
                }
                Dialog::About => {
                    ui.heading("LAP Studio");
                    ui.label(format!(
                        "{} {}",
                        tr(lang, "about-version"),
                        env!("CARGO_PKG_VERSION")
                    ));
                    ui.label(tr(lang, "about-text"));
                    if ui.button(tr(lang, "button-ok")).clicked() {
                        keep = false;
                    }
                }
                Dialog::Shortcuts => {
                    ui.heading(tr(lang, "cmd-shortcuts"));
                    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                        for c in Command::ALL {
                            ui.label(tr(lang, c.key()));
                            ui.monospace(c.shortcut_text(ctx));
                            ui.end_row();
                        }
                    });
                    if ui.button(tr(lang, "button-ok")).clicked() {
                        keep = false;
                    }
                }
                Dialog::NewFromTemplate => {
                    ui.heading(tr(lang, "cmd-new"));
                    for t in templates::TEMPLATES {
                        let desc = lang.pick(t.description_en, t.description_bg);
                        // People read what a template is, not its command-line name.
                        if ui.button(desc).clicked() {
                            match t.plan() {
                                Ok(plan) => {
                                    self.doc = Document::new(plan, None);
                                    self.selection.clear();
                                    self.section = Section::Facts;
                                }
                                Err(e) => self.status = e.to_string(),
                            }
                            keep = false;
                        }
                    }
                    if ui.button(tr(lang, "button-cancel")).clicked() {
                        keep = false;
                    }
                }
                Dialog::ReviewerName(name) => {
                    ui.heading(tr(lang, "dialog-reviewer-title"));
                    ui.label(tr(lang, "dialog-reviewer-text"));
                    let mut text = name.clone();
                    let l = ui.label(tr(lang, "field-author"));
                    ui.text_edit_singleline(&mut text).labelled_by(l.id);
                    if ui
                        .add_enabled(
                            !text.trim().is_empty(),
                            egui::Button::new(tr(lang, "button-ok")),
                        )
                        .clicked()
                    {
                        self.settings.reviewer = text.trim().to_owned();
                        self.doc.lock = document::Lock::Review;
                        keep = false;
                    }
                    if ui.button(tr(lang, "button-cancel")).clicked() {
                        keep = false;
                    }
                    next_dialog = Some(Dialog::ReviewerName(text));
                }
                Dialog::NewRevision(note) => {
                    ui.heading(tr(lang, "dialog-revision-title"));
                    ui.label(tr_args(
                        lang,
                        "dialog-revision-text",
                        &[(
                            "version",
                            document::next_version(&self.doc.plan().facts.version).into(),
                        )],
                    ));
                    let mut text = note.clone();
                    let l = ui.label(tr(lang, "field-change-note"));
                    ui.text_edit_multiline(&mut text).labelled_by(l.id);
                    if ui
                        .add_enabled(
                            !text.trim().is_empty(),
                            egui::Button::new(tr(lang, "button-start-revision")),
                        )
                        .clicked()
                    {
                        let now = ctx.input(|i| i.time);
                        self.doc.start_revision(&text, now);
                        keep = false;
                    }
                    if ui.button(tr(lang, "button-cancel")).clicked() {
                        keep = false;
                    }
                    next_dialog = Some(Dialog::NewRevision(text));
                }
                Dialog::Restore { plan, origin, from } => {
                    ui.heading(tr(lang, "dialog-restore-title"));
                    let file = origin
                        .as_ref()
                        .map_or_else(|| tr(lang, "untitled"), |p| p.display().to_string());
                    ui.label(tr_args(
                        lang,
                        "dialog-restore-text",
                        &[("file", file.into())],
                    ));
                    ui.horizontal(|ui| {
                        if ui.button(tr(lang, "button-restore")).clicked() {
                            let now = ctx.input(|i| i.time);
                            self.doc = Document::new(self.doc.plan().clone(), origin.clone());
                            self.doc.replace_plan((**plan).clone(), now);
                            // Autosave it at once; the old copy goes when ours is written.
                            self.adopted_orphan = Some(from.clone());
                            self.last_autosave = f64::NEG_INFINITY;
                            keep = false;
                        }
                        if ui.button(tr(lang, "button-discard")).clicked() {
                            if let Some(dir) = &self.data_dir {
                                jobs::remove_orphan(dir, from);
                            }
                            keep = false;
                        }
                    });
                }
            }
        });
        let info = matches!(dialog, Dialog::About | Dialog::Shortcuts | Dialog::Error(_));
        // The file dialog handles Esc itself, as a cancel.
        let cancels = !matches!(dialog, Dialog::Restore { .. } | Dialog::Files(_));
        if keep && ((modal.should_close() && info) || (escape && cancels)) {
            keep = false;
            if matches!(dialog, Dialog::ReadOnly(_)) {
                // As its Cancel: what was to follow the save does not happen.
                self.after_save = None;
            }
        }
        if keep {
            self.dialog = Some(next_dialog.unwrap_or(dialog));
        }
        if let Some(then) = then {
            self.proceed(then);
        }
    }

    /// The notice of a finished export, in a window that takes no input from the rest.
    pub(super) fn export_notice(&mut self, ctx: &egui::Context) {
        let Some(notice) = &self.export_notice else {
            return;
        };
        let lang = self.settings.lang;
        let mut keep = true;
        egui::Window::new(tr(lang, "cmd-export-pdf"))
            .id(egui::Id::unique("export-notice"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -40.0])
            .show(ctx, |ui| {
                ui.set_max_width(480.0);
                ui.label(tr_args(
                    lang,
                    "export-done",
                    &[("file", notice.path.display().to_string().into())],
                ));
                ui.label(tr_args(lang, "export-pages", &[("n", notice.pages.into())]));
                if !notice.lost.is_empty() {
                    ui.colored_label(
                        theme::WARNING,
                        tr_args(
                            lang,
                            "export-lost",
                            &[("items", notice.lost.join(", ").into())],
                        ),
                    );
                }
                ui.horizontal(|ui| {
                    if ui.button(tr(lang, "export-open")).clicked() {
                        ctx.open_url(egui::OpenUrl::new_tab(format!(
                            "file://{}",
                            notice.path.display()
                        )));
                        keep = false;
                    }
                    if ui.button(tr(lang, "button-ok")).clicked() {
                        keep = false;
                    }
                });
            });
        if !keep {
            self.export_notice = None;
        }
    }
}
