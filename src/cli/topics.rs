//! `aftercare topics` and `aftercare topic ID`: the explanations as plain text, for a pipe, a
//! screen reader or a printout. A misspelt id gets a "did you mean".

use std::io::IsTerminal;
use std::process::ExitCode;

use aftercare::config::Config;
use aftercare::content::{Tree, diag::did_you_mean};
use aftercare::words::wrap_text;

use super::out;

/// Lists every topic: its id, then its summary, wrapped to [`width`] with its lines under the
/// summary; the contact line last, as on every screen.
pub fn list(tree: &Tree, config: &Config) -> ExitCode {
    let width = width();
    let mut text = String::new();
    for t in &tree.topics {
        let id = format!("{:<26} ", t.id);
        for line in wrap_text(&config.clinic, &id, &t.summary, width) {
            text.push_str(&line);
            text.push('\n');
        }
    }
    text.push_str(&contact(config, width));
    out::print_then(&text, ExitCode::SUCCESS)
}

/// The width to wrap to: the terminal's (at most 100 columns), or 80 in a pipe.
fn width() -> u16 {
    if std::io::stdout().is_terminal() {
        crossterm::terminal::size().map_or(80, |(w, _)| if w < 20 { 80 } else { w.min(100) })
    } else {
        80
    }
}

/// Whom to call, wrapped to `width`, after a blank line: the emergency number and the clinic's
/// phone go with everything printed for a person.
fn contact(config: &Config, width: u16) -> String {
    let line = aftercare::words::contact_line(&config.clinic);
    let mut text = String::from("\n");
    for l in wrap_text(&config.clinic, "", &line, width) {
        text.push_str(&l);
        text.push('\n');
    }
    text
}

/// Prints one topic, wrapped to [`width`].
pub fn show(tree: &Tree, config: &Config, id: &str) -> ExitCode {
    let Some(i) = tree.topic_index(id) else {
        eprintln!("{}", unknown_topic(tree, id));
        return ExitCode::from(2);
    };
    let width = width();
    let mut text = aftercare::plain::topic_text(tree, config, i, usize::from(width));
    text.push_str(&contact(config, width));
    out::print_then(&text, ExitCode::SUCCESS)
}

/// The message for a topic id that does not exist: the closest id if one is close, else the
/// whole list.
fn unknown_topic(tree: &Tree, id: &str) -> String {
    let ids: Vec<&str> = tree.topics.iter().map(|t| t.id.as_str()).collect();
    let lowered = id.to_lowercase();
    match did_you_mean(&lowered, ids.iter().copied()) {
        Some(near) => format!(
            "error: no topic '{id}'\n  hint: did you mean '{near}'? Try: aftercare topic {near}"
        ),
        None => format!(
            "error: no topic '{id}'\n  hint: the topics are: {}; `aftercare topics` lists them \
             with a line on each",
            ids.join(", ")
        ),
    }
}
