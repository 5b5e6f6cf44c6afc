//! Key bindings as data: one table from keys to [`Action`]s, per screen context.
//!
//! The state machine looks keys up here, and the help overlay and the footer hints are generated
//! from the same table, so what the screen says and what the keys do cannot disagree. A mode
//! (kiosk, later) filters actions in [`Mode::allows`](super::Mode::allows), not here.

use std::cell::RefCell;
use std::rc::Rc;

use super::action::Action;
use super::input::Key;
use crate::i18n::{Lang, Msg, t};

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
    /// The line in the help overlay (a catalogue key).
    pub help: Msg,
    /// The short footer hint, if this binding earns a place in the footer (a catalogue key).
    pub hint: Option<Msg>,
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
        help: Msg("help-confirm-yes"),
        hint: Some(Msg("hint-confirm-yes")),
    },
    Binding {
        keys: &[Key::Char('n'), Key::Char('N'), Key::Esc],
        action: Action::Cancel,
        contexts: &[Context::ConfirmQuit],
        help: Msg("help-confirm-no"),
        hint: Some(Msg("hint-confirm-no")),
    },
    Binding {
        keys: &[Key::Esc, Key::Char('?'), Key::Char('q'), Key::Enter],
        action: Action::Cancel,
        contexts: &[Context::Help, Context::TakeHome],
        help: Msg("help-close"),
        hint: Some(Msg("hint-close")),
    },
    Binding {
        keys: TYPING,
        action: Action::Type(' '),
        contexts: &[Context::Search],
        help: Msg("help-type"),
        hint: None,
    },
    Binding {
        keys: &[Key::Esc],
        action: Action::Cancel,
        contexts: &[Context::Search],
        help: Msg("help-clear-search"),
        hint: Some(Msg("hint-clear-search")),
    },
    Binding {
        keys: &[Key::Esc],
        action: Action::Cancel,
        contexts: &[Context::Topics, Context::Topic],
        help: Msg("help-go-back-or-clear"),
        hint: None,
    },
    Binding {
        keys: &[Key::Char('l'), Key::Char('L')],
        action: Action::Language,
        contexts: &[Context::Welcome],
        help: Msg("help-language"),
        hint: Some(Msg("hint-language")),
    },
    Binding {
        keys: &[Key::Char('?'), Key::Char('h')],
        action: Action::Help,
        contexts: SCREENS,
        help: Msg("help-show-keys"),
        hint: Some(Msg("hint-show-keys")),
    },
    Binding {
        keys: &[Key::Char('q'), Key::Esc],
        action: Action::Quit,
        contexts: SCREENS,
        help: Msg("help-quit"),
        hint: Some(Msg("hint-quit")),
    },
    Binding {
        keys: &[Key::Enter],
        action: Action::Choose,
        contexts: BROWSER,
        help: Msg("help-open"),
        hint: Some(Msg("hint-open")),
    },
    Binding {
        keys: &[Key::Backspace],
        action: Action::Erase,
        contexts: &[Context::Search],
        help: Msg("help-erase"),
        hint: None,
    },
    Binding {
        keys: &[Key::Char('/')],
        action: Action::Search,
        contexts: &[Context::Topics],
        help: Msg("help-search"),
        hint: Some(Msg("hint-search")),
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        action: Action::Up,
        contexts: MOVING,
        help: Msg("help-up"),
        hint: None,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        action: Action::Down,
        contexts: MOVING,
        help: Msg("help-down"),
        hint: None,
    },
    Binding {
        keys: &[Key::PageUp],
        action: Action::PageUp,
        contexts: READING,
        help: Msg("help-page-up"),
        hint: None,
    },
    Binding {
        keys: &[Key::PageDown, Key::Char(' ')],
        action: Action::PageDown,
        contexts: READING,
        help: Msg("help-page-down"),
        hint: None,
    },
    Binding {
        keys: DIGITS,
        action: Action::Pick(0),
        contexts: MENUS,
        help: Msg("help-pick"),
        hint: None,
    },
    Binding {
        keys: &[Key::Enter],
        action: Action::Choose,
        contexts: &[Context::Welcome, Context::Question, Context::Outcome],
        help: Msg("help-choose"),
        hint: Some(Msg("hint-choose")),
    },
    Binding {
        keys: &[Key::Tab, Key::Right],
        action: Action::NextButton,
        contexts: &[Context::Outcome],
        help: Msg("help-next-button"),
        hint: None,
    },
    Binding {
        keys: &[Key::Tab],
        action: Action::NextButton,
        contexts: &[Context::Topic],
        help: Msg("help-next-link"),
        hint: Some(Msg("hint-next-link")),
    },
    Binding {
        keys: &[Key::BackTab],
        action: Action::PrevButton,
        contexts: &[Context::Topic],
        help: Msg("help-prev-link"),
        hint: None,
    },
    Binding {
        keys: DIGITS,
        action: Action::OpenLink(0),
        contexts: &[Context::Outcome, Context::Topic],
        help: Msg("help-open-numbered"),
        hint: None,
    },
    Binding {
        keys: &[Key::Home],
        action: Action::Top,
        contexts: READING,
        help: Msg("help-top"),
        hint: None,
    },
    Binding {
        keys: &[Key::End],
        action: Action::Bottom,
        contexts: READING,
        help: Msg("help-end"),
        hint: None,
    },
    Binding {
        keys: &[Key::BackTab],
        action: Action::PrevButton,
        contexts: &[Context::Outcome],
        help: Msg("help-prev-button"),
        hint: None,
    },
    Binding {
        keys: &[Key::Char('a')],
        action: Action::CheckAnother,
        contexts: &[Context::Outcome],
        help: Msg("help-another"),
        hint: Some(Msg("hint-another")),
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
        help: Msg("help-back"),
        hint: Some(Msg("hint-back")),
    },
    Binding {
        keys: &[Key::Char('r')],
        action: Action::Restart,
        contexts: &[Context::Question, Context::Outcome],
        help: Msg("help-restart"),
        hint: Some(Msg("hint-restart")),
    },
    Binding {
        keys: &[Key::Char('w')],
        action: Action::Explain,
        contexts: &[Context::Outcome],
        help: Msg("help-why"),
        hint: Some(Msg("hint-why")),
    },
    Binding {
        keys: &[Key::Char('t')],
        action: Action::TakeHome,
        contexts: &[Context::Outcome],
        help: Msg("help-take-home"),
        hint: Some(Msg("hint-take-home")),
    },
    Binding {
        keys: &[Key::Char('s')],
        action: Action::Save,
        contexts: &[Context::Outcome],
        help: Msg("help-save"),
        hint: Some(Msg("hint-save")),
    },
    Binding {
        keys: &[Key::Char('f')],
        action: Action::Finish,
        contexts: &[Context::Outcome],
        help: Msg("help-finish"),
        hint: None,
    },
    Binding {
        keys: &[Key::Ctrl('c')],
        action: Action::QuitNow,
        contexts: ALL,
        help: Msg("help-quit-now"),
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
        return t("key-digits").into();
    }
    if b.keys.is_empty() {
        return t("key-letters").into();
    }
    b.keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One footer hint: (first key, hint, action).
pub type Hint = (String, &'static str, Action);

/// The hints made so far, by context, mode, whether a language switch is offered, and language.
type Made = Vec<((Context, super::Mode, bool, Lang), Rc<[Hint]>)>;

/// The footer hints for a context, each as (first key, hint, action): "? help", "q quit".
/// Actions the mode forbids (quitting, in a kiosk) are not offered, nor the language switch
/// (`l Español`) where the content has one language (`languages` false). Made once per context,
/// mode and language (a frame reads them three times: to place the footer, for its tap targets,
/// to draw it).
pub fn hints(context: Context, mode: super::Mode, languages: bool) -> Rc<[Hint]> {
    thread_local! {
        static MADE: RefCell<Made> = const { RefCell::new(Vec::new()) };
    }
    let key = (context, mode, languages, crate::i18n::lang());
    let found = MADE.with_borrow(|made| {
        made.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, h)| Rc::clone(h))
    });
    found.unwrap_or_else(|| {
        let made: Rc<[Hint]> = BINDINGS
            .iter()
            .filter(|b| b.contexts.contains(&context) && mode.allows(b.action))
            .filter(|b| languages || b.action != Action::Language)
            .filter_map(|b| Some((b.keys.first()?.label(), b.hint?.text(), b.action)))
            .collect();
        MADE.with_borrow_mut(|m| m.push((key, Rc::clone(&made))));
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
