//! The names of the words `ui::semantic` (the screen-reader mirror) reads, while it is being
//! rewritten: each is a catalogue key ([`Msg`]), so the words come from `locales/`. Every other
//! module asks the catalogue itself (`crate::i18n::t`). Patient-facing medical wording lives in
//! the content files under `data/`, never here.

use crate::i18n::Msg;

/// On an outcome below an earlier, more urgent result: that result comes first.
pub const EARLIER_FIRST: Msg = Msg("outcome-earlier-first");
/// The outcome's headings.
pub const WHY: Msg = Msg("outcome-why");
pub const READ_MORE: Msg = Msg("outcome-read-more");
/// The reader's headings after the body.
pub const RELATED: Msg = Msg("topic-related");
pub const SOURCES: Msg = Msg("topic-sources");
/// The help overlay.
pub const HELP_TITLE: Msg = Msg("help-title");
/// The quit dialog.
pub const CONFIRM_TITLE: Msg = Msg("quit-title");
pub const CONFIRM_TEXT: Msg = Msg("quit-text");
pub const CONFIRM_YES: Msg = Msg("quit-yes");
pub const CONFIRM_NO: Msg = Msg("quit-no");
/// The take-home QR code.
pub const TAKE_HOME_TITLE: Msg = Msg("take-home-title");
pub const TAKE_HOME_TEXT: Msg = Msg("take-home-text");
/// When a search finds nothing; `{query}` is filled by `ui::semantic` with `replace`. The one
/// English sentence left here until `semantic.rs` asks for `topics-no-match` with its argument;
/// a test keeps the two the same.
pub const NO_MATCH: &str = "No explanation has '{query}'. Press Backspace or Esc to change it.";

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::t_args;

    #[test]
    fn no_match_says_what_the_catalogue_says() {
        assert_eq!(
            NO_MATCH.replace("{query}", "xyz"),
            t_args("topics-no-match", &[("query", "xyz".into())])
        );
    }
}
