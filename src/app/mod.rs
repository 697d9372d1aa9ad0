//! The desktop app: a planner is led through the plan step by step, always seeing what is missing.
//!
//! One [`LapApp`] owns the open [`Document`]; every edit goes through it (undo, redo, dirty
//! flag, autosave). Commands come from one list ([`Command`]) that feeds the menus, the
//! shortcuts and the help page. File work runs on threads ([`jobs`]).

pub mod charts;
pub mod commands;
pub mod document;
pub mod file_dialog;
pub mod jobs;
pub mod list;
pub mod steps;
pub mod theme;
pub mod widgets;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use egui::{Color32, RichText, Ui};
use serde::{Deserialize, Serialize};

pub use commands::Command;
pub use document::Document;
use file_dialog::{FileDialog, FileTask};
use jobs::{Done, Jobs, Pick};
use list::ListEdit;

use crate::analysis::{Finding, Severity};
use crate::i18n::{tr, tr_args};
use crate::model::integrity;
use crate::model::{ItemPath, Lang, Plan, Section};
use crate::store::templates;

/// Settings remembered between runs.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Interface language.
    pub lang: Lang,
    /// Dark theme.
    pub dark: bool,
    /// Findings panel shown.
    pub show_findings: bool,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// The file open when the app last closed.
    pub last_file: Option<PathBuf>,
    /// The reviewer's name, asked once for review mode and put on their comments.
    pub reviewer: String,
    /// Use LAP Studio's own file dialog instead of the system's.
    pub builtin_file_dialog: bool,
    /// Steps panel shown.
    pub show_steps: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Bg,
            dark: false,
            show_findings: true,
            recent: Vec::new(),
            last_file: None,
            reviewer: String::new(),
            builtin_file_dialog: false,
            show_steps: true,
        }
    }
}

/// How the PDF is exported (chosen in the Review and export step).
#[derive(Clone, Debug)]
pub struct ExportSettings {
    /// Language of the labels; `None` follows the plan's language.
    pub lang: Option<Lang>,
    /// Paper size.
    pub paper: crate::report::layout::Paper,
    /// Parts included.
    pub parts: Vec<crate::report::Part>,
}

impl Default for ExportSettings {
    fn default() -> Self {
        ExportSettings {
            lang: None,
            paper: crate::report::layout::Paper::A4,
            parts: crate::report::Part::all(),
        }
    }
}

/// How many recent files are remembered.
const RECENT_LIMIT: usize = 10;
/// Seconds between autosaves of a changed plan.
pub const AUTOSAVE_SECONDS: f64 = 30.0;

/// What a step editor gets: the document, the language, and the selection.
pub struct StepCtx<'a> {
    /// Interface language.
    pub lang: Lang,
    /// The open plan.
    pub doc: &'a mut Document,
    /// Time of this frame (seconds), for merging quick edits.
    pub now: f64,
    /// The selected item of each list, by list key.
    pub selection: &'a mut HashMap<&'static str, String>,
    /// An item to scroll to once (after a jump from a finding).
    pub scroll_to: &'a mut Option<String>,
    /// Per-step view switches (e.g. list or timeline).
    pub views: &'a mut HashMap<&'static str, usize>,
    /// PDF export choices.
    pub export: &'a mut ExportSettings,
    /// A command a step asks the app to run (e.g. Export PDF from the Review step).
    pub command: &'a mut Option<Command>,
    /// The step shown.
    pub section: Section,
    /// The reviewer's name, for new comments.
    pub reviewer: &'a str,
    /// A place a step asks the app to go to (e.g. the item of a comment).
    pub go: &'a mut Option<ItemPath>,
}

impl StepCtx<'_> {
    /// A translated text.
    pub fn tr(&self, key: &str) -> String {
        tr(self.lang, key)
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        self.doc.plan()
    }

    /// The selected item of a list.
    pub fn selected(&self, key: &str) -> Option<String> {
        self.selection.get(key).cloned()
    }

    /// Applies an edit (see [`Document::set`]).
    pub fn set<T, F>(&mut self, key: &str, lens: F, value: T)
    where
        T: PartialEq + Send + 'static,
        F: for<'p> Fn(&'p mut Plan) -> Option<&'p mut T> + Send + 'static,
    {
        self.doc.set(key, self.now, lens, value);
    }

    /// Applies a list edit; a delete also removes every reference to the deleted item.
    pub fn commit_list<T, F>(&mut self, key: &str, lens: F, edit: ListEdit<T>)
    where
        T: PartialEq + Send + 'static,
        F: for<'p> Fn(&'p mut Plan) -> Option<&'p mut Vec<T>> + Send + 'static,
    {
        match edit.deleted {
            Some(id) => {
                let mut plan = self.doc.plan().clone();
                if let Some(slot) = lens(&mut plan) {
                    *slot = edit.list;
                }
                integrity::forget(&mut plan, &id);
                self.doc.replace_plan(plan, self.now);
            }
            // A structural change is its own undo step, never merged with typing.
            None => self
                .doc
                .set(&format!("{key}#list"), f64::NEG_INFINITY, lens, edit.list),
        }
    }
}

/// A dialog over the window.
enum Dialog {
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
    Exported {
        path: PathBuf,
        pages: usize,
        lost: Vec<String>,
    },
    ReviewerName(String),
    NewRevision(String),
    Files(Box<FileDialog>),
    /// The file to save to is read-only: replace it, save elsewhere, or not at all.
    ReadOnly(PathBuf),
}

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug)]
enum AfterGuard {
    Close,
    Open(PathBuf),
    PickOpen,
    NewFromTemplate,
}

/// The app.
pub struct LapApp {
    doc: Document,
    settings: Settings,
    section: Section,
    selection: HashMap<&'static str, String>,
    scroll_to: Option<String>,
    views: HashMap<&'static str, usize>,
    jobs: Jobs,
    dialog: Option<Dialog>,
    status: String,
    /// The app's data folder, where every instance keeps its autosave; `None`: no autosave.
    data_dir: Option<PathBuf>,
    /// This instance's own autosave folder (locked while it runs).
    autosave: Option<jobs::AutosaveSlot>,
    /// A gone instance's work that was restored: removed once our own autosave holds it.
    adopted_orphan: Option<PathBuf>,
    last_autosave: f64,
    autosaved_revision: u64,
    allow_close: bool,
    /// What to do once the save under way succeeds.
    after_save: Option<AfterGuard>,
    ctx: Option<egui::Context>,
    applied_theme: Option<bool>,
    sent_title: String,
    fonts_installed: bool,
    export: ExportSettings,
    /// The comparison with another version, while its panel is open.
    comparison: Option<(PathBuf, crate::analysis::diff::Diff)>,
    /// Progress of the PDF export under way (0–1000).
    export_progress: Option<Arc<AtomicU32>>,
    /// The system's file dialog could not be shown this session: use our own.
    native_dialogs_failed: bool,
    /// False on a system known to have no file dialog of its own (and in tests of one).
    native_dialogs_available: bool,
    /// The planner chose to close without saving: the autosave may go.
    discarded: bool,
    /// The window's width in the last frame.
    window_width: f32,
    /// The findings were asked for while the window is narrow (where they start hidden).
    findings_when_narrow: bool,
}

impl LapApp {
    /// An app on `plan`, read from `path` (if any). `data_dir` holds the autosave; `None`
    /// turns autosave off (tests).
    pub fn new(
        plan: Plan,
        path: Option<PathBuf>,
        settings: Settings,
        data_dir: Option<PathBuf>,
    ) -> Self {
        let path = path.map(|p| jobs::absolute(&p));
        // Paths remembered by an older version may be relative to a folder nobody knows now.
        let mut settings = settings;
        settings.recent.retain(|p| p.is_absolute());
        settings.last_file = settings.last_file.filter(|p| p.is_absolute());
        let autosave = data_dir
            .as_deref()
            .and_then(|d| jobs::AutosaveSlot::claim(d).ok());
        let mut app = LapApp {
            doc: Document::new(plan, path),
            settings,
            section: Section::Facts,
            selection: HashMap::new(),
            scroll_to: None,
            views: HashMap::new(),
            jobs: Jobs::default(),
            dialog: None,
            status: String::new(),
            data_dir,
            autosave,
            adopted_orphan: None,
            last_autosave: 0.0,
            autosaved_revision: 0,
            allow_close: false,
            after_save: None,
            ctx: None,
            applied_theme: None,
            sent_title: String::new(),
            fonts_installed: false,
            export: ExportSettings::default(),
            comparison: None,
            export_progress: None,
            native_dialogs_failed: false,
            native_dialogs_available: true,
            discarded: false,
            window_width: f32::INFINITY,
            findings_when_narrow: false,
        };
        // Work left by an instance that is gone (never by one still running) is offered back,
        // the newest first.
        if let Some(dir) = &app.data_dir
            && let Some(o) = jobs::orphaned_autosaves(dir).into_iter().next()
        {
            app.dialog = Some(Dialog::Restore {
                plan: Box::new(o.plan),
                origin: o.origin,
                from: o.dir,
            });
        }
        if app.data_dir.is_some() && app.autosave.is_none() {
            app.status = tr(app.settings.lang, "status-autosave-failed");
        }
        app
    }

    /// The app on a built-in template, with default settings and no autosave (for tests).
    pub fn with_template(name: &str) -> Self {
        LapApp::new(template_or_empty(name), None, Settings::default(), None)
    }

    /// The open document.
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The step shown.
    pub fn section(&self) -> Section {
        self.section
    }

    /// Background jobs not yet finished.
    pub fn pending_jobs(&self) -> usize {
        self.jobs.running
    }

    /// Shows an error in a dialog (e.g. a file given on the command line could not be read).
    pub fn show_error(&mut self, message: String) {
        self.dialog = Some(Dialog::Error(message));
    }

    /// The window title: file name, an unsaved mark, the app name.
    pub fn window_title(&self) -> String {
        let name = self
            .doc
            .path
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(
                || tr(self.settings.lang, "untitled"),
                |n| n.to_string_lossy().into_owned(),
            );
        let mark = if self.doc.is_dirty() { "● " } else { "" };
        format!("{mark}{name} — LAP Studio")
    }

    fn t(&self, key: &str) -> String {
        tr(self.settings.lang, key)
    }

    /// Runs a command.
    pub fn run_command(&mut self, cmd: Command, ctx: &egui::Context) {
        match cmd {
            Command::New => self.guard(AfterGuard::NewFromTemplate),
            Command::Open => self.guard(AfterGuard::PickOpen),
            Command::Save => self.save(),
            Command::SaveAs => self.save_as(),
            Command::ExportPdf => {
                if self.export_progress.is_none() {
                    self.ask_file(FileTask::ExportPdf);
                }
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => {
                if !self.doc.undo() {
                    self.status = self.t("status-nothing-to-undo");
                }
            }
            Command::Redo => {
                if !self.doc.redo() {
                    self.status = self.t("status-nothing-to-redo");
                }
            }
            Command::ToggleFindings => {
                // In a narrow window the findings start hidden; the toggle still shows them.
                let narrow = self.window_width < theme::NARROW_WINDOW;
                if self.findings_visible() {
                    if narrow {
                        self.findings_when_narrow = false;
                    } else {
                        self.settings.show_findings = false;
                    }
                } else {
                    self.settings.show_findings = true;
                    self.findings_when_narrow = narrow;
                }
            }
            Command::ToggleSteps => self.settings.show_steps = !self.settings.show_steps,
            Command::ToggleTheme => self.settings.dark = !self.settings.dark,
            Command::ToggleLanguage => {
                self.settings.lang = match self.settings.lang {
                    Lang::Bg => Lang::En,
                    Lang::En => Lang::Bg,
                }
            }
            Command::ToggleReview => match self.doc.lock {
                document::Lock::Review => self.doc.lock = document::Lock::Open,
                document::Lock::Open if self.settings.reviewer.trim().is_empty() => {
                    self.dialog = Some(Dialog::ReviewerName(String::new()))
                }
                document::Lock::Open => self.doc.lock = document::Lock::Review,
                // An adopted plan stays locked either way.
                document::Lock::Adopted => {}
            },
            Command::Compare => self.ask_file(FileTask::Compare),
            Command::ToggleFileDialog => {
                self.settings.builtin_file_dialog = !self.settings.builtin_file_dialog
            }
            Command::About => self.dialog = Some(Dialog::About),
            Command::Shortcuts => self.dialog = Some(Dialog::Shortcuts),
        }
    }

    /// Does `then` now, or first asks what to do with unsaved changes.
    fn guard(&mut self, then: AfterGuard) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::Guard(then));
        } else {
            self.proceed(then);
        }
    }

    fn proceed(&mut self, then: AfterGuard) {
        match then {
            AfterGuard::Close => {
                self.allow_close = true;
                if let Some(ctx) = self.jobs_ctx() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            AfterGuard::Open(path) => self.jobs.load(jobs::absolute(&path)),
            AfterGuard::PickOpen => self.ask_file(FileTask::Open),
            AfterGuard::NewFromTemplate => self.dialog = Some(Dialog::NewFromTemplate),
        }
    }

    fn jobs_ctx(&self) -> Option<egui::Context> {
        self.ctx.clone()
    }

    fn save(&mut self) {
        match self.doc.path.clone() {
            Some(path) => {
                self.jobs
                    .save(self.doc.plan().clone(), path, self.doc.state_token(), false);
                self.status = self.t("status-saving");
            }
            None => self.save_as(),
        }
    }

    fn save_as(&mut self) {
        self.ask_file(FileTask::SaveAs);
    }

    /// Says whether this system can show its own file dialogs. When it cannot, asking for one
    /// fails as it does on a desktop without the xdg portal, and the app offers its own.
    pub fn set_native_dialogs_available(&mut self, available: bool) {
        self.native_dialogs_available = available;
    }

    /// True when the findings panel shows: chosen, and in a narrow window asked for again (it
    /// starts hidden there, so the editor has room; the steps keep their error marks).
    pub fn findings_visible(&self) -> bool {
        self.settings.show_findings
            && (self.window_width >= theme::NARROW_WINDOW || self.findings_when_narrow)
    }

    /// True once the window may close (nothing unsaved, or the planner decided).
    pub fn closing_allowed(&self) -> bool {
        self.allow_close
    }

    /// Asks for a file for `task`: the system's dialog where it works, else the app's own.
    fn ask_file(&mut self, task: FileTask) {
        if self.settings.builtin_file_dialog || self.native_dialogs_failed {
            self.open_builtin_dialog(task, None);
        } else if !self.native_dialogs_available || jobs::native_dialogs_impossible() {
            // The same way as a dialog that failed to show: the planner is told, once.
            self.jobs.report(Done::Picked(task, Pick::Unavailable));
        } else {
            let dir = file_dialog::start_dir(self.doc.path.as_deref(), &self.settings.recent);
            self.jobs.pick_native(
                task,
                self.t(task.title_key()),
                dir,
                self.suggested_name(task),
            );
        }
    }

    /// The file name offered when writing: the plan's own, with the task's extension.
    fn suggested_name(&self, task: FileTask) -> String {
        if !task.writes() {
            return String::new();
        }
        let stem = self
            .doc
            .path
            .as_deref()
            .and_then(Path::file_stem)
            .map_or_else(|| "plan".to_owned(), |s| s.to_string_lossy().into_owned());
        format!("{stem}.{}", task.extension())
    }

    fn open_builtin_dialog(&mut self, task: FileTask, notice: Option<String>) {
        let dir = file_dialog::start_dir(self.doc.path.as_deref(), &self.settings.recent);
        let mut d = FileDialog::new(task, dir, self.suggested_name(task), &self.settings.recent);
        d.notice = notice;
        self.dialog = Some(Dialog::Files(Box::new(d)));
    }

    /// A file was chosen for `task`: go on with it.
    fn file_chosen(&mut self, task: FileTask, path: PathBuf) {
        let path = jobs::absolute(&path);
        let path = if task.writes() && path.extension().is_none() {
            path.with_extension(task.extension())
        } else {
            path
        };
        match task {
            FileTask::Open => self.jobs.load(path),
            FileTask::SaveAs => {
                self.jobs
                    .save(self.doc.plan().clone(), path, self.doc.state_token(), false);
                self.status = self.t("status-saving");
            }
            FileTask::Compare => self.jobs.load_compare(path),
            FileTask::ExportPdf => self.export_pdf_to(path),
        }
    }

    /// No file was chosen for `task`: whatever was to follow a save does not happen.
    fn file_not_chosen(&mut self, task: FileTask) {
        if task == FileTask::SaveAs {
            self.after_save = None;
            self.status = self.t("status-not-saved");
        }
    }

    fn remember_recent(&mut self, path: &Path) {
        let path = jobs::absolute(path);
        self.settings.recent.retain(|p| p != &path);
        self.settings.recent.insert(0, path.clone());
        self.settings.recent.truncate(RECENT_LIMIT);
        self.settings.last_file = Some(path);
    }

    fn handle_job(&mut self, done: Done) {
        match done {
            Done::Picked(task, Pick::Chosen(path)) => self.file_chosen(task, path),
            Done::Picked(task, Pick::Cancelled) => self.file_not_chosen(task),
            // Never a silent cancel: say so, and offer our own dialog for the same task.
            Done::Picked(task, Pick::Unavailable) => {
                self.native_dialogs_failed = true;
                let notice = self.t("fd-native-unavailable");
                self.status = notice.clone();
                self.open_builtin_dialog(task, Some(notice));
            }
            Done::Listed(dir, result) => {
                if let Some(Dialog::Files(d)) = &mut self.dialog {
                    d.listed(&dir, result);
                }
            }
            Done::Loaded(Ok((plan, path))) => {
                self.doc = Document::new(*plan, Some(path.clone()));
                self.selection.clear();
                self.remember_recent(&path);
                self.status = tr_args(
                    self.settings.lang,
                    "status-opened",
                    &[("file", path.display().to_string().into())],
                );
            }
            // The open plan stays as it was.
            Done::Loaded(Err(message)) => self.dialog = Some(Dialog::Error(message)),
            Done::Saved {
                result: Ok(path),
                token,
            } => {
                self.doc.mark_saved(path.clone(), token);
                self.remember_recent(&path);
                self.status = tr_args(
                    self.settings.lang,
                    "status-saved",
                    &[("file", path.display().to_string().into())],
                );
                if let Some(then) = self.after_save.take() {
                    self.proceed(then);
                }
            }
            // A read-only file is never replaced unasked: ask, keeping what was to follow.
            Done::Saved {
                result: Err(failed),
                ..
            } if failed.read_only => {
                self.status = self.t("status-not-saved-read-only");
                self.dialog = Some(Dialog::ReadOnly(failed.path));
            }
            Done::Saved {
                result: Err(failed),
                ..
            } => {
                self.after_save = None;
                self.dialog = Some(Dialog::Error(failed.message));
            }
            Done::Autosaved(Err(message)) => {
                self.status = format!("{}: {message}", self.t("status-autosave-failed"))
            }
            Done::Autosaved(Ok(())) => {
                // The restored work is now in our own autosave: the old copy can go.
                if let (Some(data), Some(from)) = (&self.data_dir, self.adopted_orphan.take()) {
                    jobs::remove_orphan(data, &from);
                }
            }
            Done::LoadedCompare(Ok((other, path))) => {
                let d = crate::analysis::diff::diff(&other, self.doc.plan());
                self.comparison = Some((path, d));
            }
            Done::LoadedCompare(Err(message)) => self.dialog = Some(Dialog::Error(message)),
            Done::Exported(result) => {
                self.export_progress = None;
                self.dialog = Some(match result {
                    Ok((path, pages, lost)) => {
                        self.status = tr_args(
                            self.settings.lang,
                            "export-done",
                            &[("file", path.display().to_string().into())],
                        );
                        Dialog::Exported { path, pages, lost }
                    }
                    Err(message) => Dialog::Error(message),
                });
            }
        }
    }

    /// This instance's autosave folder, while autosave works.
    pub fn autosave_dir(&self) -> Option<&Path> {
        self.autosave.as_ref().map(jobs::AutosaveSlot::dir)
    }

    fn autosave_tick(&mut self, now: f64) {
        let Some(dir) = self.autosave_dir().map(Path::to_path_buf) else {
            return;
        };
        if now - self.last_autosave < AUTOSAVE_SECONDS
            || self.doc.revision() == self.autosaved_revision
        {
            return;
        }
        self.last_autosave = now;
        self.autosaved_revision = self.doc.revision();
        if self.doc.is_dirty() {
            self.jobs
                .autosave(self.doc.plan().clone(), self.doc.path.clone(), dir);
        } else {
            jobs::clear_autosave(&dir);
        }
    }

    /// Exports the plan as PDF to `path` on a background thread, with the chosen options; the
    /// window keeps working and shows the progress.
    pub fn export_pdf_to(&mut self, path: PathBuf) {
        let plan = self.doc.plan().clone();
        let opts = crate::report::Options {
            lang: self.export.lang.unwrap_or(plan.facts.language),
            paper: self.export.paper,
            parts: self.export.parts.clone(),
        };
        let progress = Arc::new(AtomicU32::new(0));
        self.export_progress = Some(Arc::clone(&progress));
        self.jobs.export(plan, opts, path, progress);
    }

    /// Called when the app ends: the autosave goes only when the work is saved or the planner
    /// chose to discard it.
    pub fn on_exit(&mut self) {
        if !self.doc.is_dirty() || self.discarded {
            if let Some(slot) = self.autosave.take() {
                slot.release();
            }
            if let (Some(data), Some(from)) = (&self.data_dir, self.adopted_orphan.take()) {
                jobs::remove_orphan(data, &from);
            }
        }
    }

    /// Compares the open plan with another version of it, read from `path` on a thread; the
    /// changes show in a panel.
    pub fn compare_with(&mut self, path: PathBuf) {
        self.jobs.load_compare(path);
    }

    /// Switches a step's view (e.g. `("actions", 1)` for the timeline).
    pub fn set_view(&mut self, step: &'static str, view: usize) {
        self.views.insert(step, view);
    }

    /// Goes to the item a finding (or comment) points at.
    pub fn go_to(&mut self, path: &ItemPath) {
        self.section = path.section;
        if path.section == Section::Review && path.item.is_some() {
            // A comment shows in the comments view of the Review step.
            self.views.insert("review", 1);
        }
        if let Some(item) = &path.item {
            let (key, id) = steps::list_key_for(self.doc.plan(), path.section, item);
            if let Some(key) = key {
                self.selection.insert(key, id.clone());
                self.scroll_to = Some(id);
            }
        }
    }

    /// The whole interface for one frame.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            install_fonts(&ctx);
            self.fonts_installed = true;
        }
        self.ctx = Some(ctx.clone());
        self.jobs.set_context(&ctx);
        for done in self.jobs.poll() {
            self.handle_job(done);
        }
        if self.dialog.is_none()
            && let Some(cmd) = Command::from_input(&ctx)
        {
            self.run_command(cmd, &ctx);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.guard(AfterGuard::Open(path));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.doc.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Guard(AfterGuard::Close));
        }
        let now = ctx.input(|i| i.time);
        self.autosave_tick(now);
        if self.jobs.running > 0 || self.data_dir.is_some() && self.doc.is_dirty() {
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
        if self.applied_theme != Some(self.settings.dark) {
            ctx.set_theme(if self.settings.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.applied_theme = Some(self.settings.dark);
        }
        let title = self.window_title();
        if title != self.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.sent_title = title;
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        // Side panels start in proportion to the window, so the editor keeps room at 800×600;
        // each can be resized, and hidden from the View menu.
        let width = ctx.content_rect().width();
        self.window_width = width;
        if self.settings.show_steps {
            egui::Panel::left("steps")
                .resizable(true)
                .default_size((width * 0.2).clamp(150.0, theme::STEPS_WIDTH))
                .min_size(120.0)
                // Never more than a share of the window, also after the window shrinks.
                .max_size((width * 0.27).max(120.0))
                .show(ui, |ui| self.steps_panel(ui));
        }
        let side = (width * 0.25).clamp(180.0, theme::FINDINGS_WIDTH);
        if self.comparison.is_some() {
            egui::Panel::right("comparison")
                .resizable(true)
                .default_size(side.max(220.0))
                .min_size(160.0)
                .max_size((width * 0.35).max(160.0))
                .show(ui, |ui| self.comparison_panel(ui));
        } else if self.findings_visible() {
            egui::Panel::right("findings")
                .resizable(true)
                .default_size(side)
                .min_size(140.0)
                .max_size((width * 0.28).max(140.0))
                .show(ui, |ui| self.findings_panel(ui));
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            widgets::set_lock(ui.ctx(), self.doc.lock);
            widgets::set_plan_start(ui.ctx(), self.doc.plan().period().map(|(start, _)| start));
            self.lock_banner(ui);
            let mut command = None;
            let mut go = None;
            let mut cx = StepCtx {
                lang: self.settings.lang,
                doc: &mut self.doc,
                now,
                selection: &mut self.selection,
                scroll_to: &mut self.scroll_to,
                views: &mut self.views,
                export: &mut self.export,
                command: &mut command,
                section: self.section,
                reviewer: &self.settings.reviewer,
                go: &mut go,
            };
            steps::show(self.section, ui, &mut cx);
            if let Some(cmd) = command {
                self.run_command(cmd, ui.ctx());
            }
            if let Some(path) = go {
                self.go_to(&path);
            }
        });
        self.dialogs(&ctx);
    }

    /// Says why the plan cannot be edited, and how to go on.
    fn lock_banner(&mut self, ui: &mut Ui) {
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

    /// The document's lock (for tests and the status bar).
    pub fn lock(&self) -> document::Lock {
        self.doc.lock
    }

    fn menu_bar(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let mut run: Option<Command> = None;
        let item = |ui: &mut Ui, app: &LapApp, cmd: Command, run: &mut Option<Command>| {
            let b = egui::Button::new(app.t(cmd.key())).shortcut_text(cmd.shortcut_text(&ctx));
            if ui.add(b).clicked() {
                *run = Some(cmd);
            }
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(self.t("menu-file"), |ui| {
                item(ui, self, Command::New, &mut run);
                item(ui, self, Command::Open, &mut run);
                ui.menu_button(self.t("menu-open-recent"), |ui| {
                    if self.settings.recent.is_empty() {
                        ui.weak(self.t("menu-no-recent"));
                    }
                    for p in self.settings.recent.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.guard(AfterGuard::Open(p));
                        }
                    }
                });
                ui.separator();
                item(ui, self, Command::Save, &mut run);
                item(ui, self, Command::SaveAs, &mut run);
                item(ui, self, Command::Compare, &mut run);
                ui.add_enabled_ui(self.export_progress.is_none(), |ui| {
                    item(ui, self, Command::ExportPdf, &mut run)
                });
                ui.separator();
                item(ui, self, Command::Quit, &mut run);
            });
            ui.menu_button(self.t("menu-edit"), |ui| {
                ui.add_enabled_ui(self.doc.undo_len() > 0, |ui| {
                    item(ui, self, Command::Undo, &mut run)
                });
                ui.add_enabled_ui(self.doc.redo_len() > 0, |ui| {
                    item(ui, self, Command::Redo, &mut run)
                });
            });
            ui.menu_button(self.t("menu-view"), |ui| {
                item(ui, self, Command::ToggleLanguage, &mut run);
                item(ui, self, Command::ToggleTheme, &mut run);
                item(ui, self, Command::ToggleSteps, &mut run);
                item(ui, self, Command::ToggleFindings, &mut run);
                item(ui, self, Command::ToggleReview, &mut run);
                let mut builtin = self.settings.builtin_file_dialog;
                if ui
                    .checkbox(&mut builtin, self.t(Command::ToggleFileDialog.key()))
                    .clicked()
                {
                    run = Some(Command::ToggleFileDialog);
                }
            });
            ui.menu_button(self.t("menu-help"), |ui| {
                item(ui, self, Command::Shortcuts, &mut run);
                item(ui, self, Command::About, &mut run);
            });
        });
        if let Some(cmd) = run {
            self.run_command(cmd, &ctx);
        }
    }

    fn status_bar(&mut self, ui: &mut Ui) {
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
                    egui::Label::new(RichText::new(format!("{} — {}", p.city, p.title)).weak())
                        .truncate(),
                );
            });
        });
    }

    fn steps_panel(&mut self, ui: &mut Ui) {
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

    fn findings_panel(&mut self, ui: &mut Ui) {
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
            self.go_to(&path);
        }
    }

    /// The changes from another version: each leads to its item.
    fn comparison_panel(&mut self, ui: &mut Ui) {
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
            self.go_to(&p);
        }
    }

    fn dialogs(&mut self, ctx: &egui::Context) {
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
                        self.jobs.list_dir(dir, files.task.extension())
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
                Dialog::Exported { path, pages, lost } => {
                    ui.heading(tr(lang, "cmd-export-pdf"));
                    ui.label(tr_args(
                        lang,
                        "export-done",
                        &[("file", path.display().to_string().into())],
                    ));
                    ui.label(tr_args(lang, "export-pages", &[("n", (*pages).into())]));
                    if !lost.is_empty() {
                        ui.colored_label(
                            theme::WARNING,
                            tr_args(lang, "export-lost", &[("items", lost.join(", ").into())]),
                        );
                    }
                    ui.horizontal(|ui| {
                        if ui.button(tr(lang, "export-open")).clicked() {
                            ctx.open_url(egui::OpenUrl::new_tab(format!(
                                "file://{}",
                                path.display()
                            )));
                            keep = false;
                        }
                        if ui.button(tr(lang, "button-ok")).clicked() {
                            keep = false;
                        }
                    });
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
        let info = matches!(
            dialog,
            Dialog::About | Dialog::Shortcuts | Dialog::Error(_) | Dialog::Exported { .. }
        );
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
}

/// A built-in template as a plan. The templates are tested to load; an empty plan (not a
/// default-constructed one, which has no format version) is the fallback all the same.
fn template_or_empty(name: &str) -> Plan {
    match templates::find(name).and_then(|t| t.plan().ok()) {
        Some(plan) => plan,
        None => Plan::new(),
    }
}

/// Adds DejaVu Sans behind egui's own font: it covers Cyrillic fully, and the arrows, marks and
/// symbols the interface uses, plus Greek, Arabic and more that plans may contain.
fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert::new(
        "DejaVuSans",
        egui::FontData::from_static(dejavu::sans::regular()),
        families,
    ));
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
    response.on_hover_text(format!(
        "{}\n{}",
        f.message(lang),
        steps::place_caption(plan, lang, &f.path)
    ))
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

impl eframe::App for LapApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        LapApp::on_exit(self);
    }
}

/// What the app opens when it starts.
#[derive(Clone, Debug)]
pub enum Start {
    /// The file open when the app last closed; the first time, the Sofia sample as a new plan.
    Last,
    /// A plan file.
    File(PathBuf),
    /// A new, unsaved plan from a built-in template.
    Template(String),
}

/// Starts the desktop app. A file that cannot be read is reported in the window, over the
/// Sofia sample.
pub fn run(start: Start) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true)
            // What eframe would set anyway: it names the data folder, and the desktop entry's
            // StartupWMClass matches it (assets/linux/lap-studio.desktop).
            .with_app_id("LAP Studio"),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "LAP Studio",
        options,
        Box::new(move |cc| {
            let settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            let data_dir = eframe::storage_dir("LAP Studio");
            let (wanted, template) = match start {
                Start::Last => (settings.last_file.clone(), "sofia-open-cities".to_owned()),
                Start::File(path) => (Some(jobs::absolute(&path)), "sofia-open-cities".to_owned()),
                Start::Template(name) => (None, name),
            };
            let first_plan = || template_or_empty(&template);
            let (plan, path, error) = match wanted {
                Some(path) => match crate::store::load(&path) {
                    Ok(plan) => (plan, Some(path), None),
                    Err(e) => (first_plan(), None, Some(e.to_string())),
                },
                None => (first_plan(), None, None),
            };
            let mut app = LapApp::new(plan, path.clone(), settings, data_dir);
            if let Some(p) = path {
                app.remember_recent(&p);
            }
            if let Some(message) = error {
                app.show_error(message);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}
