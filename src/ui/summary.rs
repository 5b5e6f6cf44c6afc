//! The session's summaries, for the terminal's scrollback and the saved file. The words are built
//! in [`crate::words`], with the numbers to call, for every runner alike.

use super::theme::{Symbols, Theme};
use crate::app::App;
use crate::words;

/// The plain-text summary printed after quitting, wrapped to `width` columns, or `None` if no
/// symptom check reached an outcome; see [`words::summary_text`].
/// With ASCII symbols (`TERM=linux` and friends) every character is folded to ASCII, the
/// content's words too, as the screens are.
pub fn text(app: &App, th: &Theme, width: u16) -> Option<String> {
    let ascii = th.symbols == Symbols::Ascii;
    let text = words::summary_text(&app.tree, &app.config, &app.session, ascii, width)?;
    Some(if ascii {
        text.chars().map(super::theme::ascii_fallback).collect()
    } else {
        text
    })
}

/// The summary as Markdown, for the file the person chooses to save; see
/// [`words::summary_markdown`].
pub fn markdown(app: &App) -> String {
    words::summary_markdown(&app.tree, &app.config, &app.session)
}
