//! The desktop app: a planner is led through the plan step by step, always seeing what is missing.
//!
//! One [`LapApp`] owns the open [`Document`]; every edit goes through it (undo, redo, dirty
//! flag, autosave). Commands come from one list ([`Command`]) that feeds the menus, the
//! shortcuts and the help page. File work runs on threads ([`jobs`]).

pub mod catalogue;
pub mod charts;
pub mod cities;
pub mod commands;
mod dialogs;
pub mod document;
pub mod file_dialog;
pub mod jobs;
pub mod list;
mod panels;
pub mod rows;
pub mod steps;
pub mod theme;
pub mod widgets;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicU32;

use egui::Ui;
use serde::{Deserialize, Serialize};

pub use commands::{Command, Intent};
use dialogs::{AfterGuard, Dialog};
pub use document::Document;
use file_dialog::{FileDialog, FileTask};
use jobs::{Done, Jobs, Pick};
use list::ListEdit;

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
    /// A consultation copy (with open findings, review comments and internal ids).
    pub consultation_copy: bool,
}

impl Default for ExportSettings {
    fn default() -> Self {
        ExportSettings {
            lang: None,
            paper: crate::report::layout::Paper::A4,
            parts: crate::report::Part::all(),
            consultation_copy: false,
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
    /// The network file the plan's framework came from, once read (or why it could not be).
    pub network: Option<&'a KnownNetwork>,
    /// An item to scroll to once (after a jump from a finding).
    pub scroll_to: &'a mut Option<String>,
    /// Per-step view switches (e.g. list or timeline).
    pub views: &'a mut steps::Views,
    /// PDF export choices.
    pub export: &'a mut ExportSettings,
    /// What the step asks of the app (e.g. Export PDF from the Review step, go to a comment's
    /// item), carried out after the frame is drawn.
    pub intents: &'a mut Vec<Intent>,
    /// The step shown.
    pub section: Section,
    /// The reviewer's name, for new comments.
    pub reviewer: &'a str,
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
        T: list::ListItem + PartialEq + Send + 'static,
        F: for<'p> Fn(&'p mut Plan) -> Option<&'p mut Vec<T>> + Send + 'static,
    {
        match edit.deleted {
            Some(id) => {
                let mut plan = self.doc.plan().clone();
                if let Some(slot) = lens(&mut plan) {
                    *slot = edit.list;
                }
                integrity::forget(&mut plan, &id);
                self.doc.replace_plan_in(T::SCOPE, plan, self.now);
            }
            // A structural change is its own undo step, never merged with typing.
            None => self.doc.set_in(
                T::SCOPE,
                &format!("{key}#list"),
                f64::NEG_INFINITY,
                lens,
                edit.list,
            ),
        }
    }

    /// Puts `value` (an item with nested rows) where `lens` points; when a nested row was
    /// deleted (`deleted`), every link to it elsewhere in the plan goes too, in the same undo
    /// step.
    pub fn commit_item<T, F>(&mut self, key: &str, lens: F, value: T, deleted: Option<String>)
    where
        T: PartialEq + Send + 'static,
        F: for<'p> Fn(&'p mut Plan) -> Option<&'p mut T> + Send + 'static,
    {
        match deleted {
            Some(gone) => {
                let mut plan = self.doc.plan().clone();
                if let Some(slot) = lens(&mut plan) {
                    *slot = value;
                }
                integrity::forget(&mut plan, &gone);
                self.doc.replace_plan(plan, self.now);
            }
            None => self.set(key, lens, value),
        }
    }

    /// Applies an edit of a review comment (allowed in review mode).
    pub fn set_comment<T, F>(&mut self, key: &str, lens: F, value: T)
    where
        T: PartialEq + Send + 'static,
        F: for<'p> Fn(&'p mut Plan) -> Option<&'p mut T> + Send + 'static,
    {
        self.doc
            .set_in(document::EditScope::Comments, key, self.now, lens, value);
    }
}

/// The network file a plan's framework came from, as read off the window's thread.
#[derive(Clone, Debug)]
pub struct KnownNetwork {
    /// Where it was read from.
    pub path: PathBuf,
    /// The network, or why it could not be read.
    pub network: Result<crate::model::Network, String>,
}

/// The app.
pub struct LapApp {
    doc: Document,
    settings: Settings,
    section: Section,
    selection: HashMap<&'static str, String>,
    scroll_to: Option<String>,
    views: steps::Views,
    jobs: Jobs,
    dialog: Option<Dialog>,
    /// The last finished export, until it is dismissed.
    export_notice: Option<dialogs::ExportNotice>,
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
    /// The comparison of several cities' plans, while its window is open.
    cities: Option<cities::CitiesView>,
    /// The network file the plan's framework came from, once read.
    network: Option<KnownNetwork>,
    /// The network file last asked for (read once, again when the plan names another).
    network_asked: Option<PathBuf>,
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
    /// What was asked for during this frame; carried out once, after drawing.
    intents: Vec<Intent>,
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
            views: steps::Views::default(),
            jobs: Jobs::default(),
            dialog: None,
            export_notice: None,
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
            cities: None,
            network: None,
            network_asked: None,
            export_progress: None,
            native_dialogs_failed: false,
            native_dialogs_available: true,
            discarded: false,
            window_width: f32::INFINITY,
            intents: Vec::new(),
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
            Command::ExportXlsx => self.ask_file(FileTask::ExportXlsx),
            // Nothing to report without a round: said at once, before a file is asked for.
            Command::ProgressReport => {
                if self.doc.plan().monitoring.rounds.is_empty() {
                    self.dialog = Some(Dialog::Error(self.t("progress-no-rounds-app")));
                } else {
                    self.ask_file(FileTask::ExportProgress);
                }
            }
            Command::ExportValues => self.ask_file(FileTask::ExportValues),
            Command::ImportValues => self.ask_file(FileTask::ImportValues),
            Command::TakeNetwork => self.ask_file(FileTask::TakeNetwork),
            Command::ImportActuals => self.ask_file(FileTask::ImportActuals),
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
            Command::CompareCities => {
                self.open_cities();
                self.ask_file(FileTask::CompareCities);
            }
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
                self.t(task.filter_key()),
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
            FileTask::CompareCities => self.jobs.load_city(path),
            FileTask::TakeNetwork => self.jobs.load_network(path, jobs::NetworkUse::Take),
            FileTask::CompareNetwork => self.jobs.load_network(path, jobs::NetworkUse::Compare),
            FileTask::ExportPdf => self.export_pdf_to(path),
            FileTask::ExportProgress => self.export_progress_to(path),
            FileTask::ExportXlsx => {
                let lang = self.export.lang.unwrap_or(self.doc.plan().facts.language);
                self.jobs.export_xlsx(self.doc.plan().clone(), lang, path);
            }
            // Numbers as the plan's language writes them, whatever the interface language.
            FileTask::ExportValues => {
                let plan = self.doc.plan();
                self.jobs
                    .export_values(plan.openness.clone(), plan.facts.language, path);
            }
            FileTask::ImportValues => {
                let plan = self.doc.plan();
                self.jobs.import_values(
                    plan.openness.clone(),
                    path,
                    plan.facts.language,
                    self.settings.lang,
                );
            }
            // Into the round the Monitoring step shows (the latest unless another is picked),
            // or a new one dated today when there is none.
            FileTask::ImportActuals => {
                use crate::store::actuals::{Target, round_for};
                let plan = self.doc.plan();
                let target = match self.selection.get("rounds") {
                    Some(id) if plan.monitoring.round(&id.as_str().into()).is_some() => {
                        Target::Round(id.as_str().into())
                    }
                    _ if plan.monitoring.rounds.is_empty() => {
                        Target::New(crate::model::Date::today())
                    }
                    _ => Target::Latest,
                };
                let file = path.display().to_string();
                match round_for(plan, &target, &file, self.settings.lang) {
                    Ok(round) => {
                        self.jobs
                            .import_actuals(plan.clone(), round, path, self.settings.lang)
                    }
                    Err(message) => self.dialog = Some(Dialog::Error(message)),
                }
            }
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
            Done::LoadedCity(Ok((plan, path))) => {
                self.open_cities();
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                );
                let lang = self.settings.lang;
                if let Some(v) = &mut self.cities {
                    v.add(name, *plan, lang);
                }
            }
            Done::LoadedCity(Err(message)) => self.dialog = Some(Dialog::Error(message)),
            Done::LoadedNetwork(purpose, result) => self.network_read(purpose, result),
            Done::ExportedTables(Ok(path)) => {
                self.status = tr_args(
                    self.settings.lang,
                    "export-tables-done",
                    &[("file", path.display().to_string().into())],
                );
            }
            Done::ExportedTables(Err(message)) => self.dialog = Some(Dialog::Error(message)),
            Done::ExportedProgress(Ok(path)) => {
                self.status = tr_args(
                    self.settings.lang,
                    "progress-exported",
                    &[("file", path.display().to_string().into())],
                );
            }
            Done::ExportedProgress(Err(message)) => self.dialog = Some(Dialog::Error(message)),
            // The table becomes the plan's values, as one undoable edit; nothing when any row
            // is bad, and every bad row is listed.
            Done::ImportedValues(_, Ok(_)) if !self.doc.allows(document::EditScope::Plan) => {
                self.dialog = Some(Dialog::Error(self.t("values-import-locked")));
            }
            // With values of its own the plan asks: add to them or replace them. Without,
            // both are the same.
            Done::ImportedValues(path, Ok(values)) => {
                if self.doc.plan().openness.values.is_empty() {
                    self.apply_values(path, values, false);
                } else {
                    self.dialog = Some(Dialog::ImportValues { path, values });
                }
            }
            Done::ImportedValues(path, Err(lines)) => {
                let head = tr_args(
                    self.settings.lang,
                    "values-import-failed",
                    &[("file", path.display().to_string().into())],
                );
                self.dialog = Some(Dialog::Error(format!("{head}\n{}", lines.join("\n"))));
            }
            Done::ImportedActuals { .. } if !self.doc.allows(document::EditScope::Monitoring) => {
                self.dialog = Some(Dialog::Error(self.t("actuals-import-locked")));
            }
            Done::ImportedActuals {
                path,
                result: Err(lines),
                ..
            } => {
                let head = tr_args(
                    self.settings.lang,
                    "values-import-failed",
                    &[("file", path.display().to_string().into())],
                );
                self.dialog = Some(Dialog::Error(format!("{head}\n{}", lines.join("\n"))));
            }
            // Every row right: in at once. Else the bad rows are shown, and the planner
            // chooses to skip them or to import nothing.
            Done::ImportedActuals {
                path,
                round,
                result: Ok(imported),
            } if imported.bad.is_empty() => self.put_actuals(&path, *round, imported),
            Done::ImportedActuals {
                path,
                round,
                result: Ok(imported),
            } => {
                self.dialog = Some(Dialog::BadActualRows {
                    path,
                    round,
                    imported,
                })
            }
            Done::Exported(result) => {
                self.export_progress = None;
                match result {
                    Ok((path, pages, lost)) => {
                        self.status = tr_args(
                            self.settings.lang,
                            "export-done",
                            &[("file", path.display().to_string().into())],
                        );
                        self.export_notice = Some(dialogs::ExportNotice { path, pages, lost });
                    }
                    Err(message) => self.dialog = Some(Dialog::Error(message)),
                }
            }
        }
    }

    /// Puts imported values into the plan as one undoable edit: added to its own (a value of
    /// the same city, indicator and year replaced) with `merge`, else replacing them — the
    /// rules of `lap-studio openness import [--merge]`, through the same function.
    fn apply_values(
        &mut self,
        path: PathBuf,
        values: Vec<crate::model::OpennessValue>,
        merge: bool,
    ) {
        let count = values.len();
        let mut openness = self.doc.plan().openness.clone();
        crate::store::values::apply(&mut openness, values, merge);
        let now = self.ctx.as_ref().map_or(0.0, |c| c.input(|i| i.time));
        self.doc.set(
            "openness-values-import",
            now,
            |p| Some(&mut p.openness.values),
            openness.values,
        );
        self.status = tr_args(
            self.settings.lang,
            "values-imported",
            &[
                ("count", count.into()),
                ("file", path.display().to_string().into()),
            ],
        );
    }

    /// A network file was read for `purpose`.
    fn network_read(
        &mut self,
        purpose: jobs::NetworkUse,
        result: Result<(Box<crate::model::Network>, PathBuf), String>,
    ) {
        use jobs::NetworkUse;
        match (purpose, result) {
            // The plan's copy came from a file that cannot be read now: the Openness step
            // says so, no dialog interrupts the planner.
            (NetworkUse::Known, Err(message)) => {
                if let Some(path) = self.network_asked.clone() {
                    self.network = Some(KnownNetwork {
                        path,
                        network: Err(message),
                    });
                }
            }
            (_, Err(message)) => self.dialog = Some(Dialog::Error(message)),
            (NetworkUse::Known, Ok((net, path))) => {
                // A file asked for before another plan was opened is not this plan's.
                if self.network_asked.as_ref() == Some(&path) {
                    self.network = Some(KnownNetwork {
                        path,
                        network: Ok(*net),
                    });
                }
            }
            (NetworkUse::Compare, Ok((net, path))) => {
                self.open_cities();
                let file = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                );
                let lang = self.settings.lang;
                if let Some(v) = &mut self.cities {
                    for plan in net.city_plans() {
                        let name = format!("{file}: {}", plan.facts.city);
                        v.add(name, plan, lang);
                    }
                }
            }
            (NetworkUse::Take, Ok((net, path))) => {
                let lang = self.settings.lang;
                let mut plan = self.doc.plan().clone();
                let file = path.display().to_string();
                let refused = !self.doc.allows(document::EditScope::Plan)
                    || net.import_into(&mut plan, &file).is_err();
                if refused {
                    self.dialog = Some(Dialog::Error(self.t("network-take-locked")));
                    return;
                }
                let now = self.ctx.as_ref().map_or(0.0, |c| c.input(|i| i.time));
                // Framework, values and the network's reference together: one undo.
                self.doc.replace_plan(plan, now);
                self.status = tr_args(
                    lang,
                    "network-taken",
                    &[
                        ("network", net.name.clone().into()),
                        ("version", net.version.clone().into()),
                        (
                            "n",
                            crate::i18n::FluentArg::Number(net.openness.values.len() as f64),
                        ),
                        (
                            "count",
                            crate::model::format::integer(lang, net.openness.values.len() as u64)
                                .into(),
                        ),
                        ("file", file.into()),
                    ],
                );
                self.network_asked = Some(path.clone());
                self.network = Some(KnownNetwork {
                    path,
                    network: Ok(*net),
                });
            }
        }
    }

    /// The network file the plan's copy of the framework came from: its recorded path, a
    /// relative one taken from the plan's folder; `None` when the plan names none.
    fn network_path(&self) -> Option<PathBuf> {
        let file = self.doc.plan().network.as_ref()?.file.trim();
        if file.is_empty() {
            return None;
        }
        let p = Path::new(file);
        if p.is_absolute() {
            Some(p.to_path_buf())
        } else {
            Some(self.doc.path.as_deref()?.parent()?.join(p))
        }
    }

    /// Reads the plan's network file when the plan names one not read yet (on a job thread).
    fn watch_network(&mut self) {
        let wanted = self.network_path();
        if wanted == self.network_asked {
            return;
        }
        self.network_asked = wanted.clone();
        match wanted {
            Some(path) if self.network.as_ref().is_some_and(|k| k.path == path) => {}
            Some(path) => {
                self.network = None;
                self.jobs.load_network(path, jobs::NetworkUse::Known);
            }
            None => self.network = None,
        }
    }

    /// The network file the plan's framework came from, once read (for tests).
    pub fn known_network(&self) -> Option<&KnownNetwork> {
        self.network.as_ref()
    }

    /// Puts the good rows of a table into their round as one undoable edit (the round as the
    /// document has it now, or the new one), and shows that round.
    pub(super) fn put_actuals(
        &mut self,
        path: &Path,
        round: crate::model::MonitoringRound,
        imported: crate::store::actuals::Imported,
    ) {
        use crate::store::actuals::{apply, rounds_with};
        let plan = self.doc.plan();
        let mut round = plan.monitoring.round(&round.id).cloned().unwrap_or(round);
        let count = apply(&mut round, imported.actuals.into_iter().map(|(_, a)| a));
        let id = round.id.to_string();
        let rounds = rounds_with(plan, round);
        let now = self.ctx.as_ref().map_or(0.0, |c| c.input(|i| i.time));
        self.doc.set_in(
            document::EditScope::Monitoring,
            "monitoring-actuals-import",
            now,
            |p| Some(&mut p.monitoring.rounds),
            rounds,
        );
        self.status = tr_args(
            self.settings.lang,
            "actuals-imported",
            &[
                ("count", count.into()),
                ("round", id.clone().into()),
                ("file", path.display().to_string().into()),
            ],
        );
        self.selection.insert("rounds", id);
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
            consultation_copy: self.export.consultation_copy,
            base_dir: self
                .doc
                .path
                .as_ref()
                .and_then(|p| p.parent())
                .map(PathBuf::from),
        };
        let progress = Arc::new(AtomicU32::new(0));
        self.export_progress = Some(Arc::clone(&progress));
        self.jobs.export(plan, opts, path, progress);
    }

    /// Writes the progress report on the round shown in the Monitoring step (else the latest)
    /// to `path` on a thread: HTML when its name ends in .html, else PDF.
    pub fn export_progress_to(&mut self, path: PathBuf) {
        let plan = self.doc.plan();
        let round = self
            .selection
            .get("rounds")
            .map(|id| crate::model::MonitoringRoundId::from(id.as_str()))
            .filter(|id| plan.monitoring.round(id).is_some());
        let lang = self.export.lang.unwrap_or(plan.facts.language);
        self.jobs
            .export_progress(plan.clone(), round, lang, self.export.paper, path);
        self.status = self.t("progress-exporting");
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

    /// Opens the comparison of cities on the open plan, unless it is open.
    fn open_cities(&mut self) {
        if self.cities.is_none() {
            let name = self
                .doc
                .path
                .as_deref()
                .and_then(Path::file_name)
                .map_or_else(
                    || tr(self.settings.lang, "untitled"),
                    |n| n.to_string_lossy().into_owned(),
                );
            self.cities = Some(cities::CitiesView::new(
                self.doc.plan().clone(),
                name,
                self.settings.lang,
            ));
        }
    }

    /// Adds the plan in `path` (read on a thread) to the comparison of cities, opening it on
    /// the open plan first if needed.
    pub fn compare_cities_with(&mut self, path: PathBuf) {
        self.open_cities();
        self.jobs.load_city(path);
    }

    /// The comparison of cities, while its window is open.
    pub fn cities(&self) -> Option<&cities::CitiesView> {
        self.cities.as_ref()
    }

    /// Shows the Actions step as its list or its timeline.
    pub fn set_actions_view(&mut self, view: steps::ActionsView) {
        self.views.actions = view;
    }

    /// Goes to the item a finding (or comment) points at.
    pub fn go_to(&mut self, path: &ItemPath) {
        self.section = path.section;
        if path.section == Section::Review && path.item.is_some() {
            // A comment shows in the comments view of the Review step.
            self.views.review = steps::ReviewView::Comments;
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
        self.watch_network();
        if self.dialog.is_none()
            && let Some(cmd) = Command::from_input(&ctx)
        {
            self.intents.push(Intent::Run(cmd));
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
            self.intents.push(Intent::Open(path));
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
            let mut cx = StepCtx {
                lang: self.settings.lang,
                doc: &mut self.doc,
                now,
                selection: &mut self.selection,
                network: self.network.as_ref(),
                scroll_to: &mut self.scroll_to,
                views: &mut self.views,
                export: &mut self.export,
                intents: &mut self.intents,
                section: self.section,
                reviewer: &self.settings.reviewer,
            };
            steps::show(self.section, ui, &mut cx);
        });
        if let Some(view) = &mut self.cities {
            match cities::window(&ctx, self.settings.lang, view) {
                cities::Ask::Nothing => {}
                cities::Ask::Add => self.intents.push(Intent::Run(Command::CompareCities)),
                cities::Ask::AddNetwork => {
                    self.ask_file(FileTask::CompareNetwork);
                }
                cities::Ask::Close => self.cities = None,
            }
        }
        self.export_notice(&ctx);
        self.dialogs(&ctx);
        // Everything asked for in this frame, in the order asked.
        for intent in std::mem::take(&mut self.intents) {
            match intent {
                Intent::Run(cmd) => self.run_command(cmd, &ctx),
                Intent::GoTo(path) => self.go_to(&path),
                Intent::Open(path) => self.guard(AfterGuard::Open(path)),
                Intent::TakeNetwork(path) => self.jobs.load_network(path, jobs::NetworkUse::Take),
            }
        }
    }

    /// The document's lock (for tests and the status bar).
    pub fn lock(&self) -> document::Lock {
        self.doc.lock
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
/// symbols the interface uses, plus Greek, Arabic and more that plans may contain; and behind
/// it the PDF's fallback for Chinese and Japanese names (egui does not shape Arabic: its
/// letters show unjoined, left to right).
fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    let families: Vec<InsertFontFamily> =
        [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
            .into_iter()
            .map(|family| InsertFontFamily {
                family,
                priority: FontPriority::Lowest,
            })
            .collect();
    ctx.add_font(FontInsert::new(
        "DejaVuSans",
        egui::FontData::from_static(dejavu::sans::regular()),
        families.clone(),
    ));
    ctx.add_font(FontInsert::new(
        "NotoSansCJKsc",
        egui::FontData::from_static(crate::report::fonts::Font::Cjk.bytes()),
        families,
    ));
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
