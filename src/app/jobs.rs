//! File work off the UI thread: dialogs, loading, saving and autosave run on threads and report
//! back through a channel the app reads every frame.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::model::Plan;
use crate::store;

/// What a background job reports.
pub enum Done {
    /// A file was picked to open (or the dialog was cancelled).
    PickedOpen(Option<PathBuf>),
    /// A file name was picked to save as.
    PickedSaveAs(Option<PathBuf>),
    /// A plan was read, or why not.
    Loaded(Result<(Box<Plan>, PathBuf), String>),
    /// A save finished; the token says which state of the document was saved.
    Saved {
        /// Where it was saved, or why not.
        result: Result<PathBuf, String>,
        /// The document state that was saved.
        token: u64,
    },
    /// An autosave finished.
    Autosaved(Result<(), String>),
    /// A file was picked to compare with (or the dialog was cancelled).
    PickedCompare(Option<PathBuf>),
    /// The other version was read, or why not.
    LoadedCompare(Result<(Box<Plan>, PathBuf), String>),
    /// A file name was picked for the PDF.
    PickedExport(Option<PathBuf>),
    /// A PDF export finished: where, how many pages, which items lost characters; or why not.
    Exported(Result<(PathBuf, usize, Vec<String>), String>),
}

/// The channel and a way to wake the UI.
pub struct Jobs {
    tx: Sender<Done>,
    rx: Receiver<Done>,
    /// Jobs started and not yet reported.
    pub running: usize,
    wake: Option<egui::Context>,
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
        std::thread::spawn(move || {
            let _ = tx.send(job());
            if let Some(ctx) = wake {
                ctx.request_repaint();
            }
        });
    }

    /// Reports that have arrived.
    pub fn poll(&mut self) -> Vec<Done> {
        let done: Vec<Done> = self.rx.try_iter().collect();
        self.running = self.running.saturating_sub(done.len());
        done
    }

    /// Asks the user for a plan file to open.
    pub fn pick_open(&mut self, title: String) {
        self.spawn(move || {
            Done::PickedOpen(
                rfd::FileDialog::new()
                    .set_title(title)
                    .add_filter("LAP Studio plan", &["ron"])
                    .pick_file(),
            )
        });
    }

    /// Asks the user where to save.
    pub fn pick_save_as(&mut self, title: String, suggested: String) {
        self.spawn(move || {
            Done::PickedSaveAs(
                rfd::FileDialog::new()
                    .set_title(title)
                    .add_filter("LAP Studio plan", &["ron"])
                    .set_file_name(suggested)
                    .save_file(),
            )
        });
    }

    /// Asks for another version of the plan to compare with.
    pub fn pick_compare(&mut self, title: String) {
        self.spawn(move || {
            Done::PickedCompare(
                rfd::FileDialog::new()
                    .set_title(title)
                    .add_filter("LAP Studio plan", &["ron"])
                    .pick_file(),
            )
        });
    }

    /// Reads another version of the plan, to compare with.
    pub fn load_compare(&mut self, path: PathBuf) {
        self.spawn(move || Done::LoadedCompare(read(path)));
    }

    /// Asks where to write the PDF.
    pub fn pick_export(&mut self, title: String, suggested: String) {
        self.spawn(move || {
            Done::PickedExport(
                rfd::FileDialog::new()
                    .set_title(title)
                    .add_filter("PDF", &["pdf"])
                    .set_file_name(suggested)
                    .save_file(),
            )
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
                            .collect(),
                    )
                })
                .map_err(|e| e.to_string());
            Done::Exported(result)
        });
    }

    /// Reads a plan file.
    pub fn load(&mut self, path: PathBuf) {
        self.spawn(move || Done::Loaded(read(path)));
    }

    /// Saves a plan.
    pub fn save(&mut self, plan: Plan, path: PathBuf, token: u64) {
        self.spawn(move || {
            let result = store::save(&path, &plan)
                .map(|()| path)
                .map_err(|e| e.to_string());
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
pub fn read_autosave(dir: &Path) -> Option<(Plan, Option<PathBuf>)> {
    let (file, origin_file) = autosave_paths(dir);
    let plan = store::load(&file).ok()?;
    let origin = std::fs::read_to_string(origin_file)
        .ok()
        .filter(|s| !s.trim().is_empty())
        .map(PathBuf::from);
    Some((plan, origin))
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
