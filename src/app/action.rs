//! [`Action`]: what a person can ask the app to do. A key ([`keys`](super::keys) binds them), a
//! tap on a target (`view`) or a button of the browser page ([`Input::Do`](super::Input::Do))
//! each becomes one; the input types and the key table both build on it, and it on neither.

/// Everything a person can ask the app to do, by key, click or tap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move the selection up (or scroll up on a reading screen).
    Up,
    /// Move the selection down (or scroll down on a reading screen).
    Down,
    PageUp,
    PageDown,
    /// Move between the buttons of an outcome.
    NextButton,
    PrevButton,
    /// Act on the selected answer or button.
    Choose,
    /// Choose answer or menu item `n` (0-based) at once.
    Pick(usize),
    /// Highlight answer or menu item `n` without choosing it: a tap on "more below" brings the
    /// next hidden one into view.
    Select(usize),
    /// Undo the last answer.
    Back,
    /// Start the symptom check again from the first question.
    Restart,
    /// Start a further symptom check after an outcome; earlier results stay.
    CheckAnother,
    /// Open or close the list of keys.
    Help,
    /// Quit, asking first if answers would be lost.
    Quit,
    /// Quit at once (Ctrl-C).
    QuitNow,
    /// Answer "yes" in the quit dialog.
    ConfirmYes,
    /// Answer "no" in the quit dialog, or close an overlay.
    Cancel,
    /// Clear every answer and go back to the welcome screen (the kiosk's way to finish).
    Finish,
    /// Show the results as a QR code to take away on a phone.
    TakeHome,
    /// Save the summary as a Markdown file (not in a kiosk).
    Save,
    /// Open link `n` (0-based) of an outcome or a topic at once.
    OpenLink(usize),
    /// Open the outcome's first explanation ("Why?").
    Explain,
    /// Start typing a search in the topic list.
    Search,
    /// Add a character to the search.
    Type(char),
    /// Remove the search's last character.
    Erase,
    /// Jump to the top or the bottom of a reading screen.
    Top,
    Bottom,
    /// Switch to the next language the content has (the welcome screen).
    Language,
}
