//! LAP Studio's own file dialog, used when the system's dialog cannot be shown (a Linux desktop
//! without the xdg desktop portal, a remote desktop, a thin client) or when the planner prefers it.
//!
//! A folder field, the folder's plan files and sub-folders, recent folders, and a file-name
//! field. Folders are listed on a job thread (see [`super::jobs::Jobs::list_dir`]), so a slow
//! network folder never freezes the window.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::i18n::{tr, tr_args};
use crate::model::Lang;

/// What a file is picked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileTask {
    /// A plan to open.
    Open,
    /// Where to save the plan.
    SaveAs,
    /// Another version of the plan, to compare with.
    Compare,
    /// Another city's plan, to add to the comparison of cities.
    CompareCities,
    /// Where to write the PDF.
    ExportPdf,
    /// Where to write the Excel workbook.
    ExportXlsx,
    /// Where to write the progress report (PDF, or HTML by the name).
    ExportProgress,
    /// Where to write the openness values table.
    ExportValues,
    /// An openness values table to read.
    ImportValues,
    /// A network file to take the framework and values from.
    TakeNetwork,
    /// A network file whose cities join the comparison of cities.
    CompareNetwork,
    /// A table of indicator values to read into a monitoring round.
    ImportActuals,
}

impl FileTask {
    /// True when the file is written, not read.
    pub fn writes(self) -> bool {
        matches!(
            self,
            FileTask::SaveAs
                | FileTask::ExportPdf
                | FileTask::ExportXlsx
                | FileTask::ExportValues
                | FileTask::ExportProgress
        )
    }

    /// The file extension shown and added.
    pub fn extension(self) -> &'static str {
        match self {
            FileTask::ExportPdf | FileTask::ExportProgress => "pdf",
            FileTask::ExportXlsx => "xlsx",
            // A table is CSV unless its name ends in .xlsx.
            FileTask::ExportValues | FileTask::ImportValues | FileTask::ImportActuals => "csv",
            _ => "ron",
        }
    }

    /// Every extension the dialog lists (the first is [`Self::extension`]): a values table is
    /// CSV or xlsx.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileTask::ExportValues | FileTask::ImportValues | FileTask::ImportActuals => {
                &["csv", "xlsx"]
            }
            FileTask::ExportPdf => &["pdf"],
            FileTask::ExportProgress => &["pdf", "html"],
            FileTask::ExportXlsx => &["xlsx"],
            _ => &["ron"],
        }
    }

    /// The translation key of the system dialog's filter for [`Self::extensions`].
    pub fn filter_key(self) -> &'static str {
        match self {
            FileTask::ExportValues | FileTask::ImportValues | FileTask::ImportActuals => {
                "fd-filter-values"
            }
            FileTask::ExportPdf => "fd-filter-pdf",
            FileTask::ExportProgress => "fd-filter-progress",
            FileTask::ExportXlsx => "fd-filter-xlsx",
            FileTask::TakeNetwork | FileTask::CompareNetwork => "fd-filter-network",
            _ => "fd-filter-plan",
        }
    }

    /// The translation key of the dialog's title.
    pub fn title_key(self) -> &'static str {
        match self {
            FileTask::Open => "cmd-open",
            FileTask::SaveAs => "cmd-save-as",
            FileTask::Compare => "cmd-compare",
            FileTask::CompareCities => "cmd-compare-cities",
            FileTask::ExportPdf => "cmd-export-pdf",
            FileTask::ExportXlsx => "cmd-export-xlsx",
            FileTask::ExportProgress => "cmd-progress-report",
            FileTask::ExportValues => "cmd-export-values",
            FileTask::ImportValues => "cmd-import-values",
            FileTask::TakeNetwork => "cmd-take-network",
            FileTask::CompareNetwork => "cmp-add-network",
            FileTask::ImportActuals => "cmd-import-actuals",
        }
    }

    /// The translation key of the confirm button.
    fn confirm_key(self) -> &'static str {
        match self {
            FileTask::Open => "fd-open",
            FileTask::SaveAs => "button-save",
            FileTask::Compare => "fd-compare",
            FileTask::CompareCities | FileTask::CompareNetwork => "fd-add-to-comparison",
            FileTask::TakeNetwork => "fd-take-network",
            FileTask::ExportPdf
            | FileTask::ExportXlsx
            | FileTask::ExportValues
            | FileTask::ExportProgress => "fd-export",
            FileTask::ImportValues | FileTask::ImportActuals => "fd-import",
        }
    }
}

/// One entry of a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its name.
    pub name: String,
    /// A folder (else a file).
    pub is_dir: bool,
}

/// A folder's listing: its folders, then the files with one of the wanted extensions, by name.
pub fn list_dir(dir: &Path, extensions: &[&str]) -> Result<Vec<Entry>, String> {
    /// More than anyone scrolls through; the rest is reachable by typing the name.
    const MOST: usize = 5000;
    let read = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut entries: Vec<Entry> = read
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            // Follows links, so a linked folder is a folder.
            let is_dir = e.path().is_dir();
            let wanted = is_dir
                || Path::new(&name)
                    .extension()
                    .is_some_and(|x| extensions.iter().any(|e| x.eq_ignore_ascii_case(e)));
            wanted.then_some(Entry { name, is_dir })
        })
        .take(MOST)
        .collect();
    entries.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(entries)
}

/// What the dialog asks of the app after a frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Still open.
    Open,
    /// Closed without a file.
    Cancelled,
    /// This file was chosen.
    Chosen(PathBuf),
    /// List this folder (on a job thread) and hand the listing to [`FileDialog::listed`].
    List(PathBuf),
}

/// The dialog's state.
#[derive(Clone, Debug)]
pub struct FileDialog {
    /// What the file is for.
    pub task: FileTask,
    /// The folder shown.
    dir: PathBuf,
    /// The folder field as typed.
    dir_text: String,
    /// The file name (or a full path) as typed.
    name: String,
    /// The folder's listing; `None` while it is read.
    entries: Option<Result<Vec<Entry>, String>>,
    /// Folders to jump to.
    recent_dirs: Vec<PathBuf>,
    /// A listing was asked for and not yet handed back.
    listing_asked: bool,
    /// Why the chosen name cannot be used.
    problem: Option<String>,
    /// Shown above the dialog (e.g. why the system dialog was not used).
    pub notice: Option<String>,
}

impl FileDialog {
    /// A dialog for `task` in folder `dir`, suggesting file name `name`; `recent_files` give the
    /// recent folders.
    pub fn new(task: FileTask, dir: PathBuf, name: String, recent_files: &[PathBuf]) -> Self {
        let mut recent_dirs: Vec<PathBuf> = Vec::new();
        for d in recent_files
            .iter()
            .filter_map(|p| p.parent().map(Path::to_path_buf))
            .chain(home_dir())
        {
            if !d.as_os_str().is_empty() && !recent_dirs.contains(&d) {
                recent_dirs.push(d);
            }
        }
        FileDialog {
            task,
            dir_text: dir.display().to_string(),
            dir,
            name,
            entries: None,
            recent_dirs,
            listing_asked: false,
            problem: None,
            notice: None,
        }
    }

    /// The folder shown.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Hands over the listing of `dir` (ignored if the dialog moved on to another folder).
    pub fn listed(&mut self, dir: &Path, result: Result<Vec<Entry>, String>) {
        if dir == self.dir {
            self.entries = Some(result);
            self.listing_asked = false;
        }
    }

    fn go(&mut self, dir: PathBuf) {
        self.dir_text = dir.display().to_string();
        self.dir = dir;
        self.entries = None;
        self.listing_asked = false;
    }

    /// The file the name field points at: a full path as typed, or a name in the folder, with
    /// the task's extension added when a written file has none.
    pub fn target(&self) -> Option<PathBuf> {
        let name = self.name.trim();
        if name.is_empty() {
            return None;
        }
        let mut path = if Path::new(name).is_absolute() {
            PathBuf::from(name)
        } else {
            self.dir.join(name)
        };
        if self.task.writes() && path.extension().is_none() {
            path.set_extension(self.task.extension());
        }
        Some(path)
    }

    /// Checks the chosen file for the task; `Err` says what is wrong in the reader's language.
    fn check(&self, lang: Lang, path: &Path) -> Result<(), String> {
        let file = [("file", path.display().to_string().into())];
        if path.is_dir() {
            return Err(tr_args(lang, "fd-is-folder", &file));
        }
        if self.task.writes() {
            match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() && !parent.is_dir() => {
                    Err(tr_args(lang, "fd-no-folder", &file))
                }
                _ => Ok(()),
            }
        } else if path.is_file() {
            Ok(())
        } else {
            Err(tr_args(lang, "fd-not-found", &file))
        }
    }

    /// Draws the dialog's content; the caller puts it in a modal window.
    pub fn ui(&mut self, ui: &mut Ui, lang: Lang) -> Outcome {
        let mut outcome = Outcome::Open;
        if self.entries.is_none() && !self.listing_asked {
            self.listing_asked = true;
            outcome = Outcome::List(self.dir.clone());
        }
        ui.heading(tr(lang, self.task.title_key()));
        if let Some(notice) = &self.notice {
            ui.label(RichText::new(notice).color(super::theme::WARNING));
        }
        ui.add_space(4.0);

        // The folder: typed, or one up, or a recent one.
        let folder_label = ui.label(RichText::new(tr(lang, "fd-folder")).strong());
        let mut go_to: Option<PathBuf> = None;
        ui.horizontal(|ui| {
            let up = ui
                .add_enabled(self.dir.parent().is_some(), egui::Button::new("⬆"))
                .on_hover_text(tr(lang, "fd-up"));
            up.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, tr(lang, "fd-up"))
            });
            if up.clicked()
                && let Some(parent) = self.dir.parent()
            {
                go_to = Some(parent.to_path_buf());
            }
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.dir_text)
                        .desired_width(ui.available_width() - 60.0),
                )
                .labelled_by(folder_label.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button(tr(lang, "fd-go")).clicked() || entered {
                go_to = Some(PathBuf::from(self.dir_text.trim()));
            }
        });
        if !self.recent_dirs.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.weak(tr(lang, "fd-recent-folders"));
                for d in &self.recent_dirs {
                    let name = d
                        .file_name()
                        .map_or_else(|| d.display().to_string(), |n| n.to_string_lossy().into());
                    if ui
                        .small_button(name)
                        .on_hover_text(d.display().to_string())
                        .clicked()
                    {
                        go_to = Some(d.clone());
                    }
                }
            });
        }
        ui.separator();

        // The folder's content.
        let mut chosen: Option<PathBuf> = None;
        let row_h =
            ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y + 2.0;
        let list_h = (ui.ctx().content_rect().height() * 0.4).clamp(90.0, 320.0);
        match &self.entries {
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr(lang, "fd-reading"));
                });
            }
            Some(Err(e)) => {
                ui.colored_label(super::theme::ERROR, e);
            }
            Some(Ok(entries)) if entries.is_empty() => {
                ui.weak(tr(lang, "fd-empty"));
            }
            Some(Ok(entries)) => {
                egui::ScrollArea::vertical()
                    .id_salt("fd-entries")
                    .max_height(list_h)
                    .auto_shrink([false, true])
                    .show_rows(ui, row_h, entries.len(), |ui, range| {
                        for e in &entries[range] {
                            // Folders end in a slash and stand out, as in a file manager's
                            // list view.
                            let text = if e.is_dir {
                                RichText::new(format!("{}/", e.name)).strong()
                            } else {
                                RichText::new(&e.name)
                            };
                            let selected = !e.is_dir && self.name == e.name;
                            let r = ui.add(
                                egui::Button::selectable(selected, text)
                                    .wrap_mode(egui::TextWrapMode::Truncate),
                            );
                            if e.is_dir && r.clicked() {
                                go_to = Some(self.dir.join(&e.name));
                            } else if !e.is_dir && r.double_clicked() {
                                chosen = Some(self.dir.join(&e.name));
                            } else if !e.is_dir && r.clicked() {
                                self.name = e.name.clone();
                                self.problem = None;
                            }
                        }
                    });
            }
        }
        ui.separator();

        // The file name, and the buttons.
        let name_label = ui.label(RichText::new(tr(lang, "fd-file-name")).strong());
        let name_field = ui
            .add(egui::TextEdit::singleline(&mut self.name).desired_width(f32::INFINITY))
            .labelled_by(name_label.id);
        if name_field.changed() {
            self.problem = None;
        }
        let entered = name_field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let target = self.target();
        if self.task.writes()
            && let Some(t) = &target
            && t.is_file()
        {
            ui.label(
                RichText::new(tr_args(
                    lang,
                    "fd-replace",
                    &[("file", t.display().to_string().into())],
                ))
                .color(super::theme::WARNING),
            );
        }
        if let Some(p) = &self.problem {
            ui.colored_label(super::theme::ERROR, p);
        }
        let mut cancel = false;
        ui.horizontal(|ui| {
            let confirm = ui.add_enabled(
                target.is_some(),
                egui::Button::new(tr(lang, self.task.confirm_key())),
            );
            if confirm.clicked() || entered {
                chosen = chosen.take().or(target.clone());
            }
            cancel = ui.button(tr(lang, "button-cancel")).clicked();
        });
        if cancel || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            return Outcome::Cancelled;
        }
        if let Some(dir) = go_to {
            if dir.is_dir() {
                self.go(dir);
                return Outcome::List(self.dir.clone());
            }
            self.problem = Some(tr_args(
                lang,
                "fd-no-folder",
                &[("file", dir.display().to_string().into())],
            ));
        }
        if let Some(path) = chosen {
            match self.check(lang, &path) {
                Ok(()) => return Outcome::Chosen(path),
                Err(why) => self.problem = Some(why),
            }
        }
        outcome
    }
}

/// The user's home folder, where there is one.
pub fn home_dir() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
}

/// The folder a dialog starts in: that of the open file, else of the newest recent file, else
/// the current folder, else home.
pub fn start_dir(open_file: Option<&Path>, recent: &[PathBuf]) -> PathBuf {
    open_file
        .into_iter()
        .chain(recent.iter().map(PathBuf::as_path))
        .filter_map(Path::parent)
        .find(|d| d.is_dir())
        .map(Path::to_path_buf)
        .or_else(|| std::env::current_dir().ok())
        .or_else(home_dir)
        .unwrap_or_else(|| PathBuf::from("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_folders_first_then_wanted_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("Архив")).unwrap();
        std::fs::create_dir(dir.path().join(".hidden")).unwrap();
        for f in ["b.ron", "A.RON", "notes.txt", "plan.pdf"] {
            std::fs::write(dir.path().join(f), "").unwrap();
        }
        let names: Vec<String> = list_dir(dir.path(), &["ron"])
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["Архив", "A.RON", "b.ron"]);
        assert!(list_dir(&dir.path().join("missing"), &["ron"]).is_err());
    }

    #[test]
    fn the_target_gets_the_extension_when_written() {
        let mut d = FileDialog::new(FileTask::SaveAs, PathBuf::from("/tmp"), "plan".into(), &[]);
        assert_eq!(d.target(), Some(PathBuf::from("/tmp/plan.ron")));
        d.task = FileTask::ExportPdf;
        assert_eq!(d.target(), Some(PathBuf::from("/tmp/plan.pdf")));
        d.task = FileTask::Open;
        assert_eq!(d.target(), Some(PathBuf::from("/tmp/plan")));
        d.name = "/srv/x.lap.ron".into();
        assert_eq!(d.target(), Some(PathBuf::from("/srv/x.lap.ron")));
        d.name = "  ".into();
        assert_eq!(d.target(), None);
    }

    #[test]
    fn recent_folders_come_from_recent_files_once_each() {
        let recent = [
            PathBuf::from("/a/x.ron"),
            PathBuf::from("/a/y.ron"),
            PathBuf::from("/b/z.ron"),
        ];
        let d = FileDialog::new(FileTask::Open, PathBuf::from("/"), String::new(), &recent);
        assert_eq!(
            &d.recent_dirs[..2],
            [PathBuf::from("/a"), PathBuf::from("/b")]
        );
    }
}
