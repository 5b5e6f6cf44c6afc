//! Fixed UI chrome: every word the app itself says. Patient-facing medical wording lives in the
//! content files under `data/`, never here.
//!
//! `{emergency}`, `{clinic}` and `{clinic_phone}` are filled with `Config::fill`.

// The emergency banner on every screen is `words::EmergencyLine`, shared with every runner.
/// The welcome screen's explanation of what this is and is not.
pub const WELCOME_IS: &str = "This guide helps you tell a normal response after a massage \
(flushing, soreness the next day, tiredness) from a sign that needs your therapist, a doctor, \
urgent care or an emergency call.";
/// The welcome screen's caution (when the content has no intro of its own). The emergency line
/// is the banner's, said once on this screen: no second or third copy here.
pub const WELCOME_IS_NOT: &str = "It is a guide, not a diagnosis.";
/// The welcome menu, in the order of `app::WELCOME_MENU`.
pub const WELCOME_MENU: [&str; 3] = ["Check a symptom", "Browse explanations", "Quit"];
/// The outcome buttons, in the order of `app::OUTCOME_BUTTONS`.
pub const OUTCOME_BUTTONS: [&str; 3] = ["Check another symptom", "Start again", "Quit"];
/// The outcome buttons in a kiosk, in the order of `app::KIOSK_OUTCOME_BUTTONS`.
pub const KIOSK_OUTCOME_BUTTONS: [&str; 3] =
    ["Check another symptom", "Start again", "Finish and clear"];
/// Kiosk: the privacy countdown. `{n}` is the seconds left.
pub const STILL_THERE_TITLE: &str = "Still there?";
pub const STILL_THERE_TEXT: &str = "To keep your answers private, they will be cleared in {n}. \
Tap anywhere or press any key to keep going.";
pub const STILL_THERE_BUTTON: &str = "I'm still here";
/// Kiosk: the staff exit dialog.
pub const STAFF_TITLE: &str = "Staff exit";
pub const STAFF_TEXT: &str = "Type the staff PIN, then Enter or OK.";
pub const STAFF_CANCEL: &str = "[Esc] Cancel";
/// Outcome section headings (the summaries use them too).
pub use crate::words::{DO_NOW, WATCH};
/// On an outcome below an earlier, more urgent result: that result comes first.
pub const EARLIER_FIRST: &str = "Your earlier result comes first";
/// The outcome's further things to do, after the first one and the emergency line.
pub const DO_ALSO: &str = "Also";
pub const WHY: &str = "Why";
pub const READ_MORE: &str = "Why? Read more (press its number, or tap it)";
pub const RESULTS: &str = "Your results so far";
pub const OVERALL: &str = "Overall:";
/// The outcome block's label for this symptom's own level, after the overall one.
pub const THIS_ONE: &str = "this symptom:";
/// Breadcrumb label before the answers so far.
pub const SO_FAR: &str = "So far:";
/// Scroll indicators.
pub const MORE_ABOVE: &str = "more above (↑)";
pub const MORE_BELOW: &str = "more below (↓)";
/// The topic list: its heading, and with a search, how many match.
pub const TOPICS_TITLE: &str = "Explanations";
pub const TOPICS_SOME: &str = "Explanations: {n} of {all}";
/// The topic list's search line.
pub const SEARCH: &str = "Search:";
pub const SEARCH_HOW: &str = "Press / to search.";
pub const SEARCH_CLEAR: &str = "(Esc clears)";
/// When a search finds nothing; `{query}` is filled by the renderer.
pub const NO_MATCH: &str = "No explanation has '{query}'. Press Backspace or Esc to change it.";
/// The reader's headings after the body.
pub const RELATED: &str = "Related explanations";
pub const SOURCES: &str = "Sources";
/// The help overlay.
pub const HELP_TITLE: &str = "Keys";
pub const HELP_MOUSE: &str = "You can also click or tap an answer or a button.";
/// The quit dialog.
pub const CONFIRM_TITLE: &str = "Quit?";
pub const CONFIRM_TEXT: &str = "Quit now? Your answers will not be kept.";
pub const CONFIRM_YES: &str = "[y] Yes, quit";
pub const CONFIRM_NO: &str = "[n] No, keep going";
/// The too-small screen; `{need}` and `{now}` are filled by the renderer.
pub const TOO_SMALL: &str = "Please make the window larger (needs {need}, now {now}).";
/// Printed by the panic hook after the terminal has been restored.
/// The emergency line follows it (`words::EmergencyLine`, with the clinic's numbers).
pub const CRASHED: &str = "aftercare stopped because of an internal error; the terminal has \
been restored.";
/// The take-home QR code.
pub const TAKE_HOME_TITLE: &str = "Take this with you";
pub const TAKE_HOME_TEXT: &str = "Point your phone's camera at the code to keep a short summary \
of your results. The words are inside the code: nothing is sent anywhere and nothing is saved \
here. Tap or press Esc to close.";
pub const TAKE_HOME_TOO_SMALL: &str = "The code does not fit this window. Please make the window \
larger, or write down your results. Tap or press Esc to close.";
/// The save dialog.
pub const SAVE_TITLE: &str = "Save your results";
pub const SAVE_TEXT: &str = "Type a file name and press Enter. It is saved in the folder you \
started aftercare from, as plain text (Markdown). Nothing else is kept.";
/// The line mode (`aftercare --plain`): what it says at the start and on `help`.
pub const LINE_COMMANDS: &str = "Type the number of an answer, or the start of its words. \
Other commands: back (go back a step), restart (start again), why (explain), \
help (this text), quit (finish and show the summary).";
/// The line mode's prompt on a screen with numbered choices; `{n}` is how many.
pub const LINE_ANSWER: &str = "Your answer (1-{n}): ";
/// The line mode's prompt on a screen without numbered choices.
pub const LINE_CHOICE: &str = "Your choice: ";
/// Before the screen's other words to type (its footer's), on one line.
pub const LINE_OR_TYPE: &str = "Or type:";
/// The line mode's replies to a line it cannot take; `{typed}`, `{n}`, `{max}` and `{which}`
/// are filled by it.
pub const LINE_EMPTY: &str = "Please type an answer.";
pub const LINE_NO_NUMBER: &str = "There is no answer {n}. Type a number from 1 to {max}.";
pub const LINE_NOT_ONE: &str =
    "'{typed}' is not one of the answers. Type a number from 1 to {max}.";
pub const LINE_NOT_A_CHOICE: &str =
    "'{typed}' is not one of the choices. Type help for the commands.";
pub const LINE_MANY: &str = "'{typed}' matches more than one answer ({which}). Type the number.";
pub const LINE_NOTHING: &str = "That does nothing on this screen. Type help for the commands.";
/// The line mode after `restart`.
pub const LINE_RESTARTED: &str = "Starting again. Your earlier answers are cleared.";
/// The line mode's summary when it ends before any result.
pub const LINE_NO_RESULT: &str = "Summary: no result yet.";
/// `why` on a question without help of its own: the lead, then either the "Not sure" answer by
/// its own `{label}`, or, where the question has none, the closest answer.
pub const WHY_LEAD: &str = "Your answer decides the next question.";
pub const WHY_NOT_SURE: &str = "If you are not sure, choose '{label}': it takes the safer path.";
pub const WHY_CLOSEST: &str = "Choose the answer closest to what you notice.";
