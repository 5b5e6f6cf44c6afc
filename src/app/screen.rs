//! The state's vocabulary: how the app runs (a terminal or a kiosk), which screen is up and what
//! overlay sits on it, what the runner must do next, and the fixed menus.

use super::Action;

/// How the app is being run: at a person's own terminal, or as an unattended clinic kiosk
/// (locked down, resets itself; see [`kiosk`](super::kiosk)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Normal,
    Kiosk,
}

impl Mode {
    /// Whether this mode lets a person perform `action` at all. A kiosk cannot be quit by
    /// anything a person presses; staff leave through the PIN dialog.
    pub fn allows(self, action: Action) -> bool {
        match self {
            // At a person's own terminal results stay until they start again or quit, so the
            // summary printed on quitting holds every one of them.
            Mode::Normal => action != Action::Finish,
            // A kiosk never writes answers anywhere, so it cannot save a summary either.
            Mode::Kiosk => !matches!(
                action,
                Action::Quit | Action::QuitNow | Action::ConfirmYes | Action::Save
            ),
        }
    }
}

/// Whether the topic list is taking letters for its search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListMode {
    /// Keys move and open; `/` starts a search.
    #[default]
    Browsing,
    /// Letters go into the search.
    Searching,
}

/// The main screen under any overlay. Each variant carries its own small state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// What this is and is not; Start, Browse, Quit.
    Welcome { selected: usize },
    /// The session's current question; `selected` is the highlighted answer.
    Question { selected: usize },
    /// The current walk's outcome; `scroll` in rows, `button` the highlighted button.
    Outcome { scroll: u16, button: usize },
    /// The list of explanation topics, narrowed by `App::browse.query`; `selected` indexes the
    /// narrowed list.
    Topics { selected: usize, mode: ListMode },
    /// One topic in the reader; `link` is the highlighted related topic, if any.
    Topic {
        topic: usize,
        scroll: u16,
        link: Option<usize>,
    },
}

/// A dialog drawn over the screen; it takes the keys while open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    ConfirmQuit,
    /// Kiosk: "Still there?" with a countdown to the privacy reset.
    StillThere,
    /// Kiosk: the staff PIN dialog.
    StaffPin,
    /// The results as a QR code.
    TakeHome,
    /// The "save the summary" dialog (never in a kiosk).
    Save,
}

/// Something the runner must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The state changed: draw a frame.
    Redraw,
    /// Leave the app (the runner restores the terminal and prints the summary).
    Quit,
    /// A key did nothing here (e.g. a number with no answer); ring the bell.
    Bell,
    /// Write the summary to the file named in the save dialog ([`App::save_request`]), then
    /// report back with [`App::saved`].
    SaveSummary,
}

/// An entry of the welcome menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WelcomeItem {
    /// Begin the symptom check.
    Start,
    /// Open the list of explanations.
    Browse,
    /// Switch to the next language, named in its own words ("Español").
    Language,
    Quit,
}

/// The welcome menu's entries, in order.
pub const WELCOME_MENU: [WelcomeItem; 3] =
    [WelcomeItem::Start, WelcomeItem::Browse, WelcomeItem::Quit];
/// The welcome menu in a kiosk: no way to quit.
pub const KIOSK_WELCOME_MENU: [WelcomeItem; 2] = [WelcomeItem::Start, WelcomeItem::Browse];
/// The welcome menu of content in more than one language: the switch before Quit.
pub const WELCOME_MENU_LANGUAGES: [WelcomeItem; 4] = [
    WelcomeItem::Start,
    WelcomeItem::Browse,
    WelcomeItem::Language,
    WelcomeItem::Quit,
];
/// The kiosk's welcome menu of content in more than one language.
pub const KIOSK_WELCOME_MENU_LANGUAGES: [WelcomeItem; 3] = [
    WelcomeItem::Start,
    WelcomeItem::Browse,
    WelcomeItem::Language,
];
/// The outcome screen's buttons, in order.
pub const OUTCOME_BUTTONS: [Action; 3] = [Action::CheckAnother, Action::Restart, Action::Quit];
/// The outcome buttons in a kiosk: Finish clears the answers instead of quitting.
pub const KIOSK_OUTCOME_BUTTONS: [Action; 3] =
    [Action::CheckAnother, Action::Restart, Action::Finish];
