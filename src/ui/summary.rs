//! The session's summaries, for the terminal's scrollback and the saved file. The words are built
//! in [`crate::words`], with the numbers to call, for every runner alike.

use super::theme::{Symbols, Theme};
use crate::app::App;
use crate::words;

/// The plain-text summary printed after quitting, wrapped to `width` columns, or `None` if no
/// symptom check reached an outcome; see [`words::summary_text`].
pub fn text(app: &App, th: &Theme, width: u16) -> Option<String> {
    let ascii = th.symbols == Symbols::Ascii;
    words::summary_text(&app.tree, &app.config, &app.session, ascii, width)
}

/// The summary as Markdown, for the file the person chooses to save; see
/// [`words::summary_markdown`].
pub fn markdown(app: &App) -> String {
    words::summary_markdown(&app.tree, &app.config, &app.session)
}
