//! The app's own input types: what a runner hands to [`App::update`](super::App::update).
//!
//! Each runner (crossterm today, a browser later) translates its backend's events into these, so
//! the state machine never sees a terminal library. Nothing here reads a clock or a device.

use crate::i18n::{t, t_args};

/// A key the app understands, independent of any terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character, as typed (no modifiers other than Shift).
    Char(char),
    /// A character pressed with Ctrl, e.g. `Ctrl('c')`.
    Ctrl(char),
    Enter,
    Esc,
    Backspace,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
}

impl Key {
    /// How the key is written in the help overlay and the footer.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => t("key-space").into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => t_args(
                "key-ctrl",
                &[("key", c.to_ascii_uppercase().to_string().into())],
            ),
            Key::Enter => t("key-enter").into(),
            Key::Esc => t("key-esc").into(),
            Key::Backspace => t("key-backspace").into(),
            Key::Tab => t("key-tab").into(),
            Key::BackTab => t("key-backtab").into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::PageUp => t("key-page-up").into(),
            Key::PageDown => t("key-page-down").into(),
            Key::Home => t("key-home").into(),
            Key::End => t("key-end").into(),
        }
    }
}

/// One thing that happened, in the app's own terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A key was pressed (never released or repeated: runners drop those).
    Key(Key),
    /// A click or tap at a cell, 0-based from the top left.
    Click { col: u16, row: u16 },
    /// A press at (`col`, `row`) released at (`up_col`, `up_row`) without a drag between (a
    /// runner's [`Pointer`](super::pointer::Pointer) makes these): a click where it went down
    /// if both are on the same target, else nothing.
    Tap {
        col: u16,
        row: u16,
        up_col: u16,
        up_row: u16,
    },
    /// A wheel turn or swipe at a cell.
    Scroll { col: u16, row: u16, up: bool },
    /// The screen is now `w` columns by `h` rows.
    Resize { w: u16, h: u16 },
    /// The time returned by [`App::next_deadline`](super::App::next_deadline) has come.
    Deadline,
    /// A named control was activated: a button of the browser page
    /// (`ui::semantic`), which can name every answer, also one scrolled out of the grid's view.
    /// It counts as a person's activity, like a key or a tap.
    Do(super::action::Action),
}
