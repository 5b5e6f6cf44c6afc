//! Key bindings as data: one table from keys to [`Action`]s, per screen context.
//!
//! The state machine looks keys up here, and the help overlay and the footer hints are generated
//! from the same table, so what the screen says and what the keys do cannot disagree. A mode
//! (kiosk, later) filters actions in [`Mode::allows`](super::Mode::allows), not here.

use std::cell::RefCell;
use std::rc::Rc;

use super::action::Action;
use super::input::Key;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Welcome,
    Question,
    Outcome,
    /// The topic list.
    Topics,
    /// The topic list while a search is being typed: letters go into the search.
    Search,
    /// The topic reader.
    Topic,
    Help,
    ConfirmQuit,
    /// A kiosk dialog ("Still there?", the staff PIN), which reads keys itself.
    Dialog,
    /// The "take this with you" QR code.
    TakeHome,
}

/// Every context, for bindings that apply everywhere.
const ALL: &[Context] = &[
    Context::Welcome,
    Context::Question,
    Context::Outcome,
    Context::Topics,
    Context::Search,
    Context::Topic,
    Context::Help,
    Context::ConfirmQuit,
];
const SCREENS: &[Context] = &[
    Context::Welcome,
    Context::Question,
    Context::Outcome,
    Context::Topics,
    Context::Topic,
];
const MENUS: &[Context] = &[Context::Welcome, Context::Question];
const READING: &[Context] = &[Context::Outcome, Context::Topic, Context::Help];
const MOVING: &[Context] = &[
    Context::Welcome,
    Context::Question,
    Context::Outcome,
    Context::Topics,
    Context::Search,
    Context::Topic,
    Context::Help,
];
/// The explanation browser, where Esc steps back instead of quitting.
const BROWSER: &[Context] = &[Context::Topics, Context::Search, Context::Topic];
/// Stands for every printable character in the search (see [`action_for`]).
const TYPING: &[Key] = &[];

/// One row of the table: the keys, what they do, where, and how the screen describes them.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub contexts: &'static [Context],
    /// The line in the help overlay.
    pub help: &'static str,
    /// The short footer hint, if this binding earns a place in the footer.
    pub hint: Option<&'static str>,
}

const DIGITS: &[Key] = &[
    Key::Char('1'),
    Key::Char('2'),
    Key::Char('3'),
    Key::Char('4'),
    Key::Char('5'),
    Key::Char('6'),
    Key::Char('7'),
    Key::Char('8'),
    Key::Char('9'),
];

/// The binding table. Order matters: the first match wins, and help and footer keep this order.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[Key::Char('y'), Key::Char('Y'), Key::Enter],
        action: Action::ConfirmYes,
        contexts: &[Context::ConfirmQuit],
        help: "Yes, quit",
        hint: Some("quit"),
    },
    Binding {
        keys: &[Key::Char('n'), Key::Char('N'), Key::Esc],
        action: Action::Cancel,
        contexts: &[Context::ConfirmQuit],
        help: "No, keep going",
        hint: Some("keep going"),
    },
    Binding {
        keys: &[Key::Esc, Key::Char('?'), Key::Char('q'), Key::Enter],
        action: Action::Cancel,
        contexts: &[Context::Help, Context::TakeHome],
        help: "Close this list",
        hint: Some("close"),
    },
    Binding {
        keys: TYPING,
        action: Action::Type(' '),
        contexts: &[Context::Search],
        help: "Type words to narrow the list of explanations",
        hint: None,
    },
    Binding {
        keys: &[Key::Esc],
        action: Action::Cancel,
        contexts: &[Context::Search],
        help: "Clear the search",
        hint: Some("clear"),
    },
    Binding {
        keys: &[Key::Esc],
        action: Action::Cancel,
        contexts: &[Context::Topics, Context::Topic],
        help: "Go back (or clear the search)",
        hint: None,
    },
    Binding {
        keys: &[Key::Char('?'), Key::Char('h')],
        action: Action::Help,
        contexts: SCREENS,
        help: "Show this list of keys",
        hint: Some("help"),
    },
    Binding {
        keys: &[Key::Char('q'), Key::Esc],
        action: Action::Quit,
        contexts: SCREENS,
        help: "Quit (asks first if you have answered)",
        hint: Some("quit"),
    },
    Binding {
        keys: &[Key::Enter],
        action: Action::Choose,
        contexts: BROWSER,
        help: "Open the highlighted explanation or link",
        hint: Some("open"),
    },
    Binding {
        keys: &[Key::Backspace],
        action: Action::Erase,
        contexts: &[Context::Search],
        help: "Delete the last letter of the search",
        hint: None,
    },
    Binding {
        keys: &[Key::Char('/')],
        action: Action::Search,
        contexts: &[Context::Topics],
        help: "Search the explanations",
        hint: Some("search"),
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        action: Action::Up,
        contexts: MOVING,
        help: "Move up / scroll up",
        hint: None,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        action: Action::Down,
        contexts: MOVING,
        help: "Move down / scroll down",
        hint: None,
    },
    Binding {
        keys: &[Key::PageUp],
        action: Action::PageUp,
        contexts: READING,
        help: "Scroll up a page",
        hint: None,
    },
    Binding {
        keys: &[Key::PageDown, Key::Char(' ')],
        action: Action::PageDown,
        contexts: READING,
        help: "Scroll down a page",
        hint: None,
    },
    Binding {
        keys: DIGITS,
        action: Action::Pick(0),
        contexts: MENUS,
        help: "Choose that numbered answer at once",
        hint: None,
    },
    Binding {
        keys: &[Key::Enter],
        action: Action::Choose,
        contexts: &[Context::Welcome, Context::Question, Context::Outcome],
        help: "Choose the highlighted answer or button",
        hint: Some("choose"),
    },
    Binding {
        keys: &[Key::Tab, Key::Right],
        action: Action::NextButton,
        contexts: &[Context::Outcome],
        help: "Next button",
        hint: None,
    },
    Binding {
        keys: &[Key::Tab],
        action: Action::NextButton,
        contexts: &[Context::Topic],
        help: "Highlight the next link",
        hint: Some("link"),
    },
    Binding {
        keys: &[Key::BackTab],
        action: Action::PrevButton,
        contexts: &[Context::Topic],
        help: "Highlight the previous link",
        hint: None,
    },
    Binding {
        keys: DIGITS,
        action: Action::OpenLink(0),
        contexts: &[Context::Outcome, Context::Topic],
        help: "Open that numbered explanation at once",
        hint: None,
    },
    Binding {
        keys: &[Key::Home],
        action: Action::Top,
        contexts: READING,
        help: "Go to the top",
        hint: None,
    },
    Binding {
        keys: &[Key::End],
        action: Action::Bottom,
        contexts: READING,
        help: "Go to the end",
        hint: None,
    },
    Binding {
        keys: &[Key::BackTab],
        action: Action::PrevButton,
        contexts: &[Context::Outcome],
        help: "Previous button",
        hint: None,
    },
    Binding {
        keys: &[Key::Char('a')],
        action: Action::CheckAnother,
        contexts: &[Context::Outcome],
        help: "Check another symptom",
        hint: Some("another"),
    },
    Binding {
        keys: &[Key::Left, Key::Backspace, Key::Char('b')],
        action: Action::Back,
        contexts: &[
            Context::Question,
            Context::Outcome,
            Context::Topics,
            Context::Topic,
        ],
        help: "Go back one step",
        hint: Some("back"),
    },
    Binding {
        keys: &[Key::Char('r')],
        action: Action::Restart,
        contexts: &[Context::Question, Context::Outcome],
        help: "Start again",
        hint: Some("start again"),
    },
    Binding {
        keys: &[Key::Char('w')],
        action: Action::Explain,
        contexts: &[Context::Outcome],
        help: "Why? Read the explanation",
        hint: Some("why?"),
    },
    Binding {
        keys: &[Key::Char('t')],
        action: Action::TakeHome,
        contexts: &[Context::Outcome],
        help: "Take this with you: your results as a QR code for your phone",
        hint: Some("QR code"),
    },
    Binding {
        keys: &[Key::Char('s')],
        action: Action::Save,
        contexts: &[Context::Outcome],
        help: "Save your results as a file (Markdown)",
        hint: Some("save"),
    },
    Binding {
        keys: &[Key::Char('f')],
        action: Action::Finish,
        contexts: &[Context::Outcome],
        help: "Finish: clear all answers and go back to the start",
        hint: None,
    },
    Binding {
        keys: &[Key::Ctrl('c')],
        action: Action::QuitNow,
        contexts: ALL,
        help: "Quit at once",
        hint: None,
    },
];

/// The action `key` triggers in `context`, if any.
pub fn action_for(context: Context, key: Key) -> Option<Action> {
    if let (Context::Search, Key::Char(c)) = (context, key) {
        return Some(Action::Type(c));
    }
    let b = BINDINGS
        .iter()
        .find(|b| b.contexts.contains(&context) && b.keys.contains(&key))?;
    Some(match (b.action, key) {
        (Action::Pick(_), Key::Char(c)) => Action::Pick(c.to_digit(10).unwrap_or(1) as usize - 1),
        (Action::OpenLink(_), Key::Char(c)) => {
            Action::OpenLink(c.to_digit(10).unwrap_or(1) as usize - 1)
        }
        (a, _) => a,
    })
}

/// How a binding's keys are written: "↑ k", "1–9".
pub fn keys_label(b: &Binding) -> String {
    if b.keys == DIGITS {
        return "1–9".into();
    }
    if b.keys.is_empty() {
        return "letters".into();
    }
    b.keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One footer hint: (first key, hint, action).
pub type Hint = (String, &'static str, Action);

/// The hints made so far, by context and mode.
type Made = Vec<(Context, super::Mode, Rc<[Hint]>)>;

/// The footer hints for a context, each as (first key, hint, action): "? help", "q quit".
/// Actions the mode forbids (quitting, in a kiosk) are not offered. Made once per context and
/// mode (a frame reads them three times: to place the footer, for its tap targets, to draw it).
pub fn hints(context: Context, mode: super::Mode) -> Rc<[Hint]> {
    thread_local! {
        static MADE: RefCell<Made> = const { RefCell::new(Vec::new()) };
    }
    let found = MADE.with_borrow(|made| {
        made.iter()
            .find(|(c, m, _)| *c == context && *m == mode)
            .map(|(_, _, h)| Rc::clone(h))
    });
    found.unwrap_or_else(|| {
        let made: Rc<[Hint]> = BINDINGS
            .iter()
            .filter(|b| b.contexts.contains(&context) && mode.allows(b.action))
            .filter_map(|b| Some((b.keys.first()?.label(), b.hint?, b.action)))
            .collect();
        MADE.with_borrow_mut(|m| m.push((context, mode, Rc::clone(&made))));
        made
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_pick_zero_based_answers() {
        assert_eq!(
            action_for(Context::Question, Key::Char('3')),
            Some(Action::Pick(2))
        );
        assert_eq!(
            action_for(Context::Outcome, Key::Char('3')),
            Some(Action::OpenLink(2))
        );
        assert_eq!(action_for(Context::Welcome, Key::Char('w')), None);
    }

    #[test]
    fn help_and_confirm_take_their_keys_first() {
        assert_eq!(action_for(Context::Help, Key::Esc), Some(Action::Cancel));
        assert_eq!(
            action_for(Context::ConfirmQuit, Key::Enter),
            Some(Action::ConfirmYes)
        );
        assert_eq!(action_for(Context::Question, Key::Esc), Some(Action::Quit));
    }

    #[test]
    fn a_search_takes_every_letter_and_esc_steps_back_in_the_browser() {
        for c in ['q', '?', 'j', '1', ' '] {
            assert_eq!(
                action_for(Context::Search, Key::Char(c)),
                Some(Action::Type(c))
            );
        }
        assert_eq!(
            action_for(Context::Search, Key::Backspace),
            Some(Action::Erase)
        );
        assert_eq!(action_for(Context::Topic, Key::Esc), Some(Action::Cancel));
        assert_eq!(
            action_for(Context::Topic, Key::Char('q')),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(Context::Topics, Key::Backspace),
            Some(Action::Back)
        );
    }

    #[test]
    fn every_context_has_a_way_out() {
        for c in ALL {
            assert!(
                action_for(*c, Key::Ctrl('c')) == Some(Action::QuitNow),
                "{c:?}"
            );
        }
    }
}
