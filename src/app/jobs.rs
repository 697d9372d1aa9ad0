//! File work off the UI thread: dialogs, loading, saving and autosave run on threads and report
//! back through a channel the app reads every frame.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use super::file_dialog::{Entry, FileTask};
use crate::model::Plan;
use crate::store;

/// Why a save did not happen.
#[derive(Clone, Debug)]
pub struct SaveFailed {
    /// The file.
    pub path: PathBuf,
    /// The file is read-only: the planner may choose to replace it anyway.
    pub read_only: bool,
    /// What went wrong, in words.
    pub message: String,
}

/// What came of asking the system for a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pick {
    /// The user chose this file.
    Chosen(PathBuf),
    /// The user closed the dialog.
    Cancelled,
    /// No system dialog could be shown (no xdg desktop portal, no display server…): the app
    /// must offer its own, never treat this as a cancel.
    Unavailable,
}

/// A system dialog that comes back empty sooner than this was never shown: nobody cancels a file
/// dialog in a quarter of a second.
pub const NATIVE_DIALOG_MIN_SECONDS: f64 = 0.25;

/// Tells a cancel from a dialog that could not be shown, by how long it took.
pub fn classify_pick(result: Option<PathBuf>, seconds: f64) -> Pick {
    match result {
        Some(path) => Pick::Chosen(path),
        None if seconds < NATIVE_DIALOG_MIN_SECONDS => Pick::Unavailable,
        None => Pick::Cancelled,
    }
}

/// True when this system can show no native file dialog at all, so there is no point trying.
pub fn native_dialogs_impossible() -> bool {
    // On Linux and the BSDs rfd talks to the xdg desktop portal over the D-Bus session bus.
    cfg!(all(unix, not(target_os = "macos")))
        && std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none_or(|v| v.is_empty())
        && std::env::var_os("XDG_RUNTIME_DIR").is_none_or(|d| !Path::new(&d).join("bus").exists())
}

/// What a background job reports.
pub enum Done {
    /// The system file dialog for a task came back.
    Picked(FileTask, Pick),
    /// A folder was listed for the app's own file dialog.
    Listed(PathBuf, Result<Vec<Entry>, String>),
    /// A plan was read, or why not.
    Loaded(Result<(Box<Plan>, PathBuf), String>),
    /// A save finished; the token says which state of the document was saved.
    Saved {
        /// Where it was saved, or why not.
        result: Result<PathBuf, SaveFailed>,
        /// The document state that was saved.
        token: u64,
    },
    /// An autosave finished.
    Autosaved(Result<(), String>),
    /// The other version was read, or why not.
    LoadedCompare(Result<(Box<Plan>, PathBuf), String>),
    /// Another city's plan was read for the comparison of cities, or why not.
    LoadedCity(Result<(Box<Plan>, PathBuf), String>),
    /// A PDF export finished: where, how many pages, which items lost characters; or why not.
    Exported(Result<(PathBuf, usize, Vec<String>), String>),
    /// The Excel workbook was written (its file), or why not.
    ExportedTables(Result<PathBuf, String>),
    /// A network file was read for `NetworkUse`, or why not.
    LoadedNetwork(
        NetworkUse,
        Result<(Box<crate::model::Network>, PathBuf), String>,
    ),
    /// The progress report was written (its file), or why not.
    ExportedProgress(Result<PathBuf, String>),
    /// An openness values table was read: its values, or one message per bad row.
    ImportedValues(
        PathBuf,
        Result<Vec<crate::model::OpennessValue>, Vec<String>>,
    ),
    /// A table of indicator values was read for a round (as it was when asked, or new): the
    /// good and the bad rows, or why it is no table of values at all.
    ImportedActuals {
        /// The table.
        path: PathBuf,
        /// The round the values go into.
        round: Box<crate::model::MonitoringRound>,
        /// What the table gave.
        result: Result<store::actuals::Imported, Vec<String>>,
    },
}

/// What a network file is read for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetworkUse {
    /// Its framework and values go into the plan (one undoable edit).
    Take,
    /// Its cities join the comparison of cities.
    Compare,
    /// It is the file the plan's copy came from: the Openness step says when the copy is
    /// older, and the Good practices step shows its library.
    Known,
}

/// The channel and a way to wake the UI.
pub struct Jobs {
    tx: Sender<Done>,
    rx: Receiver<Done>,
    /// Jobs started and not yet reported.
    pub running: usize,
    wake: Option<egui::Context>,
}

/// Runs `job` on a thread `start` starts, or here when the system refuses one: the window then
/// waits for the job, and nothing the planner asked for is dropped.
fn start_or_run(
    start: impl FnOnce(Box<dyn FnOnce() + Send>) -> std::io::Result<()>,
    job: impl FnOnce() + Send + 'static,
) {
    // Shared, so that the job is still here when the thread that was to take it never starts.
    let job = Arc::new(Mutex::new(Some(job)));
    let theirs = Arc::clone(&job);
    let started = start(Box::new(move || {
        let job = theirs.lock().ok().and_then(|mut j| j.take());
        if let Some(job) = job {
            job();
        }
    }));
    if started.is_err() {
        let job = job.lock().ok().and_then(|mut j| j.take());
        if let Some(job) = job {
            job();
        }
    }
}

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Jobs {
            tx,
            rx,
            running: 0,
            wake: None,
        }
    }
}

impl Jobs {
    /// Remembers the context to wake when a job ends.
    pub fn set_context(&mut self, ctx: &egui::Context) {
        if self.wake.is_none() {
            self.wake = Some(ctx.clone());
        }
    }

    fn spawn(&mut self, job: impl FnOnce() -> Done + Send + 'static) {
        let tx = self.tx.clone();
        let wake = self.wake.clone();
        self.running += 1;
        start_or_run(
            |run| {
                std::thread::Builder::new()
                    .name("job".into())
                    .spawn(run)
                    .map(drop)
            },
            move || {
                let _ = tx.send(job());
                if let Some(ctx) = wake {
                    ctx.request_repaint();
                }
            },
        );
    }

    /// Reports `done` as a job would (for outcomes known at once).
    pub fn report(&mut self, done: Done) {
        self.spawn(move || done);
    }

    /// Reports that have arrived.
    pub fn poll(&mut self) -> Vec<Done> {
        let done: Vec<Done> = self.rx.try_iter().collect();
        self.running = self.running.saturating_sub(done.len());
        done
    }

    /// Asks the system's file dialog for a file for `task`, starting in `dir` with the name
    /// `suggested` (for files to write).
    pub fn pick_native(
        &mut self,
        task: FileTask,
        title: String,
        filter: String,
        dir: PathBuf,
        suggested: String,
    ) {
        self.spawn(move || {
            let dialog = rfd::FileDialog::new()
                .set_title(title)
                .add_filter(filter, task.extensions())
                .set_directory(dir);
            let started = std::time::Instant::now();
            let result = if task.writes() {
                dialog.set_file_name(suggested).save_file()
            } else {
                dialog.pick_file()
            };
            Done::Picked(task, classify_pick(result, started.elapsed().as_secs_f64()))
        });
    }

    /// Lists a folder for the app's own file dialog.
    pub fn list_dir(&mut self, dir: PathBuf, extensions: &'static [&'static str]) {
        self.spawn(move || {
            let result = super::file_dialog::list_dir(&dir, extensions);
            Done::Listed(dir, result)
        });
    }

    /// Reads another version of the plan, to compare with.
    pub fn load_compare(&mut self, path: PathBuf) {
        self.spawn(move || Done::LoadedCompare(read(path)));
    }

    /// Reads another city's plan, to add to the comparison of cities.
    pub fn load_city(&mut self, path: PathBuf) {
        self.spawn(move || Done::LoadedCity(read(path)));
    }

    /// Reads a network file, for `purpose`.
    pub fn load_network(&mut self, path: PathBuf, purpose: NetworkUse) {
        self.spawn(move || {
            let result = store::network::load(&path)
                .map(|n| (Box::new(n), path))
                .map_err(|e| e.to_string());
            Done::LoadedNetwork(purpose, result)
        });
    }

    /// Exports the plan as PDF; `progress` (0–1000) is updated as it goes, for the progress bar.
    pub fn export(
        &mut self,
        plan: Plan,
        opts: crate::report::Options,
        path: PathBuf,
        progress: Arc<AtomicU32>,
    ) {
        self.spawn(move || {
            let report = |share: f32| {
                progress.store((share.clamp(0.0, 1.0) * 1000.0) as u32, Ordering::Relaxed)
            };
            let result = crate::report::export(&plan, &opts, &path, &report)
                .map(|pdf| {
                    (
                        path,
                        pdf.pages,
                        pdf.lost
                            .iter()
                            .map(|l| format!("{} ({})", l.item, l.chars))
                            // Text too long for its place was cut with "…": said the same way.
                            .chain(
                                pdf.cut
                                    .iter()
                                    .map(|c| format!("{} (…, {})", c.item, c.place)),
                            )
                            .collect(),
                    )
                })
                .map_err(|e| e.to_string());
            Done::Exported(result)
        });
    }

    /// Writes the progress report for `round` (the latest when `None`): HTML when the file's
    /// name ends in .html or .htm, else PDF.
    pub fn export_progress(
        &mut self,
        plan: Plan,
        round: Option<crate::model::MonitoringRoundId>,
        lang: crate::model::Lang,
        paper: crate::report::layout::Paper,
        path: PathBuf,
    ) {
        self.spawn(move || {
            use crate::report::progress;
            let how = crate::store::atomic::Replace::EXPORT;
            let html = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
            let result = progress::prepare(&plan, round.as_ref())
                .map_err(|e| e.to_string())
                .and_then(|p| {
                    if html {
                        progress::export_html(&p, lang, &path, how).map_err(|e| e.to_string())
                    } else {
                        progress::export_pdf(&p, lang, paper, &path, how)
                            .map(|_| ())
                            .map_err(|e| e.to_string())
                    }
                })
                .map(|()| path);
            Done::ExportedProgress(result)
        });
    }

    /// Writes the plan's tables as an Excel workbook.
    pub fn export_xlsx(&mut self, plan: Plan, lang: crate::model::Lang, path: PathBuf) {
        self.spawn(move || {
            let how = crate::store::atomic::Replace::EXPORT;
            Done::ExportedTables(
                crate::report::xlsx::export_with(&plan, lang, &path, how)
                    .map(|()| path)
                    .map_err(|e| e.to_string()),
            )
        });
    }

    /// Writes the openness values table, CSV or xlsx by the file's extension.
    pub fn export_values(
        &mut self,
        openness: crate::model::OpennessAssessment,
        lang: crate::model::Lang,
        path: PathBuf,
    ) {
        self.spawn(move || {
            let how = crate::store::atomic::Replace::EXPORT;
            Done::ExportedTables(
                crate::report::values::export_with(&openness, lang, &path, how)
                    .map(|()| path)
                    .map_err(|e| e.to_string()),
            )
        });
    }

    /// Reads an openness values table against `openness`: the values, or every bad row.
    pub fn import_values(
        &mut self,
        openness: crate::model::OpennessAssessment,
        path: PathBuf,
        number_lang: crate::model::Lang,
        lang: crate::model::Lang,
    ) {
        self.spawn(move || {
            let result = store::values::import_file(&openness, &path, number_lang, lang)
                .map_err(|e| e.lines());
            Done::ImportedValues(path, result)
        });
    }

    /// Reads a table of indicator values against `plan`'s indicators, for `round`.
    pub fn import_actuals(
        &mut self,
        plan: Plan,
        round: crate::model::MonitoringRound,
        path: PathBuf,
        lang: crate::model::Lang,
    ) {
        self.spawn(move || {
            let result =
                store::actuals::import_file(&plan, &path, round.date, lang).map_err(|e| e.lines());
            Done::ImportedActuals {
                path,
                round: Box::new(round),
                result,
            }
        });
    }

    /// Reads a plan file.
    pub fn load(&mut self, path: PathBuf) {
        self.spawn(move || Done::Loaded(read(path)));
    }

    /// Saves a plan.
    /// Saves a plan; `force` replaces a read-only file too (the planner said so).
    pub fn save(&mut self, plan: Plan, path: PathBuf, token: u64, force: bool) {
        self.spawn(move || {
            let how = store::atomic::Replace::PLAN.forced(force);
            let result = store::save_with(&path, &plan, how)
                .map(|()| path.clone())
                .map_err(|e| SaveFailed {
                    read_only: e.step == store::atomic::READ_ONLY_STEP,
                    message: e.to_string(),
                    path,
                });
            Done::Saved { result, token }
        });
    }

    /// Writes the working copy to the autosave file.
    pub fn autosave(&mut self, plan: Plan, origin: Option<PathBuf>, dir: PathBuf) {
        self.spawn(move || Done::Autosaved(write_autosave_now(&dir, &plan, origin.as_deref())));
    }
}

/// Reads a plan file on a job's thread.
fn read(path: PathBuf) -> Result<(Box<Plan>, PathBuf), String> {
    store::load(&path)
        .map(|p| (Box::new(p), path))
        .map_err(|e| e.to_string())
}

/// The autosave files in the app's data folder.
pub fn autosave_paths(dir: &Path) -> (PathBuf, PathBuf) {
    (dir.join("autosave.ron"), dir.join("autosave-origin.txt"))
}

/// Writes the autosave files now (the app does this on a thread; see [`Jobs::autosave`]).
pub fn write_autosave_now(dir: &Path, plan: &Plan, origin: Option<&Path>) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let (file, origin_file) = autosave_paths(dir);
    let origin_text = origin.map(|p| p.display().to_string()).unwrap_or_default();
    store::atomic::write_atomically(&origin_file, |w| w.write_all(origin_text.as_bytes()))
        .map_err(|e| e.to_string())?;
    store::save(&file, plan).map_err(|e| e.to_string())
}

/// A working copy left by a session that did not end cleanly: the plan and the file it belonged to.
/// An origin that is not an absolute path (written by an older version) is not trusted: the
/// folder it was relative to is unknown, so the work comes back as a new, unsaved plan.
pub fn read_autosave(dir: &Path) -> Option<(Plan, Option<PathBuf>)> {
    let (file, origin_file) = autosave_paths(dir);
    let plan = store::load(&file).ok()?;
    let origin = std::fs::read_to_string(origin_file)
        .ok()
        .filter(|s| !s.trim().is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    Some((plan, origin))
}

/// `path` made absolute against the current folder, so that it names the same file whatever
/// folder the app is started from next time.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// This instance's autosave: a folder of its own under the data folder, holding a lock for as
/// long as the app runs, so other instances never take it for work left by a crash.
pub struct AutosaveSlot {
    dir: PathBuf,
    /// Held (locked) while the app runs; released by the system when the process ends, however.
    _lock: std::fs::File,
}

/// The folder under the data folder where instances keep their autosaves.
fn slots_root(data: &Path) -> PathBuf {
    data.join("autosave")
}

impl AutosaveSlot {
    /// Makes and locks a new slot under `data`.
    pub fn claim(data: &Path) -> std::io::Result<AutosaveSlot> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = slots_root(data).join(format!("{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let lock = std::fs::File::create(dir.join("lock"))?;
        lock.try_lock().map_err(std::io::Error::other)?;
        Ok(AutosaveSlot { dir, _lock: lock })
    }

    /// Where this instance's autosave files go.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Removes the slot (at a clean end: nothing is left to restore).
    pub fn release(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Work left by an instance that is gone.
pub struct Orphan {
    /// Its folder (the data folder itself for the autosave of an older version).
    pub dir: PathBuf,
    /// The plan as it was.
    pub plan: Plan,
    /// The file it belonged to.
    pub origin: Option<PathBuf>,
    /// When it was written.
    pub modified: std::time::SystemTime,
}

/// Autosaves of instances that are gone (their lock is free), newest first; running instances'
/// are never offered. The single autosave older versions kept in `data` itself counts too.
pub fn orphaned_autosaves(data: &Path) -> Vec<Orphan> {
    let modified = |dir: &Path| {
        std::fs::metadata(autosave_paths(dir).0)
            .and_then(|m| m.modified())
            .unwrap_or(std::time::UNIX_EPOCH)
    };
    let mut found = Vec::new();
    let mut consider = |dir: PathBuf| {
        if let Some((plan, origin)) = read_autosave(&dir) {
            found.push(Orphan {
                modified: modified(&dir),
                dir,
                plan,
                origin,
            });
        }
    };
    consider(data.to_path_buf());
    if let Ok(entries) = std::fs::read_dir(slots_root(data)) {
        for e in entries.flatten() {
            let dir = e.path();
            let gone = match std::fs::File::open(dir.join("lock")) {
                Ok(f) => f.try_lock().is_ok(),
                Err(_) => true,
            };
            if gone {
                consider(dir);
            }
        }
    }
    found.sort_by_key(|o| std::cmp::Reverse(o.modified));
    found
}

/// Removes the work of a gone instance (once restored and saved again, or discarded).
pub fn remove_orphan(data: &Path, dir: &Path) {
    if dir == data {
        clear_autosave(dir);
    } else if dir.starts_with(slots_root(data)) {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// Removes the autosave after a clean end (and its backups).
pub fn clear_autosave(dir: &Path) {
    let (file, origin) = autosave_paths(dir);
    for p in [
        store::atomic::backup_path(&file),
        store::atomic::backup_path(&origin),
        file,
        origin,
    ] {
        let _ = std::fs::remove_file(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_runs_on_its_thread_or_here_when_the_system_refuses_one() {
        let (tx, rx) = channel();
        start_or_run(
            |_| Err(std::io::Error::other("no more threads")),
            move || tx.send("here").unwrap(),
        );
        assert_eq!(rx.try_recv(), Ok("here"), "run before returning");
        let (tx, rx) = channel();
        start_or_run(
            |run| {
                std::thread::spawn(run);
                Ok(())
            },
            move || tx.send(std::thread::current().id()).unwrap(),
        );
        let ran_on = rx.recv_timeout(std::time::Duration::from_secs(30)).unwrap();
        assert_ne!(
            ran_on,
            std::thread::current().id(),
            "on a thread of its own"
        );
    }
}
