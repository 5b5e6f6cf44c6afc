//! The "save the summary" dialog: a file name typed by the person, a question before replacing a
//! file that exists, and the result. The app stays pure: it asks the runner to write
//! ([`Effect::SaveSummary`]) and the runner reports back ([`App::saved`]).

use super::{App, Effect, Input, Key, Overlay};
use crate::i18n::{t, t_args};

/// The name offered first, in the folder aftercare was started from.
pub const DEFAULT_NAME: &str = "aftercare-summary.md";
/// The longest name the dialog takes.
pub const MAX_NAME: usize = 200;

/// What the save dialog holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveState {
    /// The file name being typed.
    pub path: String,
    /// The file exists and the person was asked; a second Enter replaces it.
    pub overwrite: bool,
    /// What happened last ("Saved to …", "… exists", an error). After a save the dialog
    /// closes and this stays as a notice in the footer until the next input.
    pub message: Option<String>,
}

impl SaveState {
    /// The notice left by a save that worked, shown in place of the footer hints until the next
    /// input (the dialog itself has closed).
    pub fn notice(&self, overlay: Option<Overlay>) -> Option<&str> {
        self.message
            .as_deref()
            .filter(|_| overlay != Some(Overlay::Save))
    }
}

/// What the runner found when it tried to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    Written(String),
    Exists,
    Failed(String),
}

impl App {
    pub(super) fn open_save(&mut self) -> Vec<Effect> {
        self.save = SaveState {
            path: DEFAULT_NAME.into(),
            ..SaveState::default()
        };
        self.overlay = Some(Overlay::Save);
        vec![Effect::Redraw]
    }

    pub(super) fn save_input(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Key(Key::Char(c))
                if !c.is_control() && self.save.path.chars().count() < MAX_NAME =>
            {
                self.save.path.push(c);
                self.save.overwrite = false;
            }
            Input::Key(Key::Backspace) => {
                self.save.path.pop();
                self.save.overwrite = false;
            }
            Input::Key(Key::Enter) if !self.save.path.trim().is_empty() => {
                return vec![Effect::SaveSummary];
            }
            Input::Key(Key::Esc) | Input::Click { .. } => {
                self.overlay = None;
                self.save.message = None;
            }
            Input::Resize { w, h } => self.size = (w, h),
            _ => return Vec::new(),
        }
        vec![Effect::Redraw]
    }

    /// The file to write and whether it may replace an existing one, for the runner.
    pub fn save_request(&self) -> (String, bool) {
        (self.save.path.trim().to_string(), self.save.overwrite)
    }

    /// The runner's report on the write. A file written closes the dialog and leaves a notice
    /// ("✓ Saved to …") in the footer; an existing file or an error keeps it open to act on.
    pub fn saved(&mut self, result: Saved) {
        self.save.message = Some(match result {
            Saved::Written(p) => {
                self.save.overwrite = false;
                self.overlay = None;
                t_args("save-done", &[("path", p.as_str().into())])
            }
            Saved::Exists => {
                self.save.overwrite = true;
                t("save-exists").into()
            }
            Saved::Failed(e) => t_args("save-failed", &[("error", e.as_str().into())]),
        });
    }
}
