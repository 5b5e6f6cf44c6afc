//! A kiosk whose content is broken at start: instead of exiting (status 2, a developer's error and
//! no emergency number on a screen nobody at the kiosk can read), it shows the emergency line and
//! a notice for staff, and tries again — every [`RETRY`], and at once when the watcher sees the
//! files change or someone taps or presses a key — until the content passes, as the browser
//! page does. Then the kiosk starts as usual.

use std::io;
use std::time::Duration;

use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Wrap};

use super::screen::Screen;
use super::tty::{Guard, Tty, crash_note, drain, install_panic_hook};
use super::{DRAWING, Msg, Options, handle_signals, size, watch_signals};
use crate::app::Mode;
use crate::content::{Translations, Tree};
use crate::i18n::{t, t_args};
use crate::reload::Reload;

/// How often broken content is tried again with nothing else happening (as the browser page).
pub const RETRY: Duration = Duration::from_secs(30);

/// How many of the content's mistakes are shown; `aftercare check` lists them all.
const MAX_SHOWN: usize = 3;

/// What the screen says: the emergency line first, then what staff need to know.
pub fn text(contact: &str, mistakes: &[String]) -> Vec<String> {
    let mut lines = vec![
        contact.to_string(),
        String::new(),
        t_args("refused-text", &[("n", RETRY.as_secs().into())]),
        String::new(),
        t("refused-staff").to_string(),
    ];
    lines.extend(mistakes.iter().take(MAX_SHOWN).cloned());
    if mistakes.len() > MAX_SHOWN {
        lines.push(t_args(
            "refused-more",
            &[("n", (mistakes.len() - MAX_SHOWN).into())],
        ));
    }
    lines
}

fn render(f: &mut Frame, lines: &[String]) {
    let text: Text = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let line = Line::from(l.as_str());
            if i == 0 {
                line.style(Style::new().add_modifier(Modifier::BOLD))
            } else {
                line
            }
        })
        .collect();
    f.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), f.area());
}

/// Shows the refusal (`contact`, then `mistakes`) until `retry` gives content (the tree and its
/// translations, checked together), trying it every [`RETRY`], on any key or tap, and taking
/// content the watcher accepted (sent to `opts`' inbox).
/// The terminal is restored when this returns; SIGTERM and SIGHUP end the process as in a kiosk.
pub fn wait_for_content(
    opts: &Options,
    contact: &str,
    mut mistakes: Vec<String>,
    mut retry: impl FnMut() -> Result<(Tree, Translations), Vec<String>>,
) -> io::Result<(Tree, Translations)> {
    let (sender, inbox) = match &opts.inbox {
        Ok((s, i)) => (s, i),
        Err(e) => return Err(io::Error::new(e.kind(), e.to_string())),
    };
    install_panic_hook(crash_note(contact));
    watch_signals()?;
    let tty = Tty::open()?;
    let _guard = Guard::enter(true)?;
    let (w, h) = size()?;
    let mut screen = Screen::new(w, h)?;
    let mut lines = text(contact, &mistakes);
    screen.draw(&mut io::stdout(), |f| render(f, &lines))?;
    handle_signals(Mode::Kiosk, sender)?;
    let mut buf = vec![0u8; 16 * 1024];
    let mut tried = std::time::Instant::now();
    loop {
        let (keys, woken) = tty.wait(&inbox.wake, Some(RETRY))?;
        let mut again = !keys && !woken;
        // A key or a tap tries again, at most once a second (a paste is not a hundred tries).
        if keys && tty.read(&mut buf)? > 0 && tried.elapsed() >= Duration::from_secs(1) {
            again = true;
        }
        let mut redraw = false;
        if woken {
            drain(&inbox.wake);
            for msg in inbox.rx.try_iter() {
                match msg {
                    Msg::Resize => {
                        let (w, h) = size()?;
                        screen.resize(w, h);
                        redraw = true;
                    }
                    Msg::Continued => {
                        super::tty::reenter()?;
                        screen.forget();
                        redraw = true;
                    }
                    Msg::Reload(Reload::Accepted(tree, translations)) => {
                        opts.log.write("content fixed; the kiosk starts");
                        return Ok((*tree, translations));
                    }
                    Msg::Reload(Reload::Refused(l)) => {
                        mistakes = l;
                        redraw = true;
                    }
                    Msg::Reload(Reload::Notice(l)) => opts.log.write(&l),
                }
            }
        }
        if again {
            tried = std::time::Instant::now();
            match retry() {
                Ok(content) => {
                    opts.log.write("content fixed; the kiosk starts");
                    return Ok(content);
                }
                Err(l) => {
                    redraw |= l != mistakes;
                    mistakes = l;
                }
            }
        }
        if redraw {
            let _lock = DRAWING
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            lines = text(contact, &mistakes);
            screen.draw(&mut io::stdout(), |f| render(f, &lines))?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_emergency_line_comes_first_and_the_mistakes_are_capped() {
        let mistakes: Vec<String> = (1..=5).map(|i| format!("tree.toml:{i}:1: bad")).collect();
        let lines = text("Very unwell? Call 999 now.", &mistakes);
        assert_eq!(lines[0], "Very unwell? Call 999 now.");
        assert!(lines.iter().any(|l| l == "tree.toml:3:1: bad"));
        assert!(!lines.iter().any(|l| l == "tree.toml:4:1: bad"));
        assert!(lines.last().unwrap().contains("2 more"));
    }
}
