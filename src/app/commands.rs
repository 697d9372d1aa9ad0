//! Every user command, in one list that feeds the menus, the keyboard shortcuts and the help page.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use crate::i18n::tr;
use crate::model::{ItemPath, Lang};

/// What a person asked for, from any part of the window (menus, shortcuts, steps, findings,
/// the comparison, a dropped file). The app collects them during a frame and carries them out
/// once, after drawing, as rerun drains its command channel.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    /// Run a command.
    Run(Command),
    /// Go to an item (a finding, a comment, a change).
    GoTo(ItemPath),
    /// Open this plan file (asking first about unsaved changes).
    Open(PathBuf),
    /// Take the framework and values from this network file again (the Openness step's
    /// notice that the plan's copy is older).
    TakeNetwork(PathBuf),
}

/// A user command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Start a new plan from a template.
    New,
    /// Open a plan file.
    Open,
    /// Save to the current file.
    Save,
    /// Save to a new file.
    SaveAs,
    /// Export the plan as PDF.
    ExportPdf,
    /// Export the plan's tables as an Excel workbook.
    ExportXlsx,
    /// Export the progress report to the council for a monitoring round, as PDF or HTML.
    ProgressReport,
    /// Export the openness values table (CSV or xlsx), for partner cities to fill in.
    ExportValues,
    /// Import an openness values table (CSV or xlsx).
    ImportValues,
    /// Take the openness framework and values from a network file.
    TakeNetwork,
    /// Import indicator values (CSV or xlsx) into a monitoring round.
    ImportActuals,
    /// Close the app.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Show or hide the findings panel.
    ToggleFindings,
    /// Show or hide the steps panel.
    ToggleSteps,
    /// Switch between light and dark.
    ToggleTheme,
    /// Switch the interface language.
    ToggleLanguage,
    /// Review mode: read-only, comments only.
    ToggleReview,
    /// Compare the plan with another version of it.
    Compare,
    /// Compare the plans of several cities (the open one and plan files added to it).
    CompareCities,
    /// Use LAP Studio's own file dialog instead of the system's.
    ToggleFileDialog,
    /// About LAP Studio.
    About,
    /// The list of shortcuts.
    Shortcuts,
}

impl Command {
    /// Every command, in menu order.
    pub const ALL: &'static [Command] = &[
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::ExportPdf,
        Command::ExportXlsx,
        Command::ProgressReport,
        Command::ExportValues,
        Command::ImportValues,
        Command::TakeNetwork,
        Command::ImportActuals,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::ToggleFindings,
        Command::ToggleSteps,
        Command::ToggleTheme,
        Command::ToggleLanguage,
        Command::ToggleReview,
        Command::Compare,
        Command::CompareCities,
        Command::ToggleFileDialog,
        Command::About,
        Command::Shortcuts,
    ];

    /// The translation key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Command::New => "cmd-new",
            Command::Open => "cmd-open",
            Command::Save => "cmd-save",
            Command::SaveAs => "cmd-save-as",
            Command::ExportPdf => "cmd-export-pdf",
            Command::ExportXlsx => "cmd-export-xlsx",
            Command::ProgressReport => "cmd-progress-report",
            Command::ExportValues => "cmd-export-values",
            Command::ImportValues => "cmd-import-values",
            Command::TakeNetwork => "cmd-take-network",
            Command::ImportActuals => "cmd-import-actuals",
            Command::Quit => "cmd-quit",
            Command::Undo => "cmd-undo",
            Command::Redo => "cmd-redo",
            Command::ToggleFindings => "cmd-toggle-findings",
            Command::ToggleSteps => "cmd-toggle-steps",
            Command::ToggleTheme => "cmd-toggle-theme",
            Command::ToggleLanguage => "cmd-toggle-language",
            Command::ToggleReview => "cmd-toggle-review",
            Command::Compare => "cmd-compare",
            Command::CompareCities => "cmd-compare-cities",
            Command::ToggleFileDialog => "cmd-toggle-file-dialog",
            Command::About => "cmd-about",
            Command::Shortcuts => "cmd-shortcuts",
        }
    }

    /// Its keyboard shortcut (`COMMAND` is Ctrl, or Cmd on macOS).
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        Some(match self {
            Command::New => KeyboardShortcut::new(cmd, Key::N),
            Command::Open => KeyboardShortcut::new(cmd, Key::O),
            Command::Save => KeyboardShortcut::new(cmd, Key::S),
            Command::SaveAs => KeyboardShortcut::new(cmd_shift, Key::S),
            Command::ExportPdf => KeyboardShortcut::new(cmd, Key::P),
            Command::Quit => KeyboardShortcut::new(cmd, Key::Q),
            Command::Undo => KeyboardShortcut::new(cmd, Key::Z),
            Command::Redo => KeyboardShortcut::new(cmd_shift, Key::Z),
            Command::ToggleFindings => KeyboardShortcut::new(cmd, Key::F),
            Command::ToggleSteps => KeyboardShortcut::new(cmd, Key::B),
            Command::ToggleReview => KeyboardShortcut::new(cmd, Key::R),
            _ => return None,
        })
    }

    /// The command whose shortcut was pressed this frame, if any. Longer shortcuts are tried
    /// first so Ctrl+Shift+S is not taken for Ctrl+S.
    pub fn from_input(ctx: &egui::Context) -> Option<Command> {
        let mut with_shortcut: Vec<(Command, KeyboardShortcut)> = Command::ALL
            .iter()
            .filter_map(|c| Some((*c, c.shortcut()?)))
            .collect();
        with_shortcut.sort_by_key(|(_, s)| std::cmp::Reverse(s.modifiers.shift));
        ctx.input_mut(|i| {
            with_shortcut
                .into_iter()
                .find(|(_, s)| i.consume_shortcut(s))
                .map(|(c, _)| c)
        })
    }

    /// The command as a menu entry with its shortcut; asks for it when clicked.
    pub fn menu_item(self, ui: &mut Ui, lang: Lang, intents: &mut Vec<Intent>) {
        let b = egui::Button::new(tr(lang, self.key())).shortcut_text(self.shortcut_text(ui.ctx()));
        if ui.add(b).clicked() {
            intents.push(Intent::Run(self));
        }
    }

    /// The shortcut as text for menus and help ("Ctrl+S").
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcut()
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut_and_every_command_is_listed() {
        let shortcuts: Vec<KeyboardShortcut> =
            Command::ALL.iter().filter_map(|c| c.shortcut()).collect();
        for (i, a) in shortcuts.iter().enumerate() {
            assert!(!shortcuts[i + 1..].contains(a), "{a:?} is used twice");
        }
        let mut keys: Vec<&str> = Command::ALL.iter().map(|c| c.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Command::ALL.len(), "a command is listed twice");
    }
}
