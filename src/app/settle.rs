//! Every answer on purpose: a new screen takes no answer for a short settle time, a held key does
//! not walk on, nothing typed on the "make the window larger" screen answers, and a tap chooses
//! only where it both went down and came up.
//!
//! A double tap, Enter twice, `2` then Enter, a bouncy touch screen or a key held down all send a
//! second input a few hundred milliseconds after the first, aimed at the screen the first one
//! left. The screen now at that spot may be a safety question nobody read, or an emergency outcome
//! the second input would replace. So for [`Config::kiosk.settle_ms`] after the screen changes
//! (default 500 ms: a double tap's second tap comes 100–400 ms after the first, and reading a
//! question takes longer) an input that would move on is dropped, not queued.
//!
//! What is held back, by mode:
//! - taps (and the browser page's buttons): always;
//! - keys: in a kiosk always; at a terminal at home only on an outcome — a person at home who
//!   types `8 8` on purpose keeps typing ahead through questions, but nobody means to leave an
//!   outcome (an emergency one above all) before it was drawn;
//! - the same key again within [`REPEAT`] of itself: auto-repeat, in every mode; in a kiosk also
//!   the key that changed the screen, again within [`HELD`] (a held key's first repeat comes
//!   250–660 ms after the press on common systems, up to a second on some).
//!
//! Moving the highlight, scrolling, the kiosk's own dialogs (the PIN, "Still there?") and the
//! quit keys are never held back. Pure: the time comes in with each input.
//!
//! An input is judged by when it was made, which a runner may know apart from when it hands it
//! over ([`App::update_at`]): a busy browser still rendering the new screen got to the second
//! tap of a double tap 0.5–1.3 s after the first though it was made 100–400 ms after, and took
//! it (`tests/web/taps.mjs`). So the screen's start is kept after it was drawn settled, for an
//! input that comes after that deadline.

use std::mem::Discriminant;
use std::time::Duration;

use ratatui::layout::{Position, Rect};

use super::view::{MIN_H, MIN_W, OverlayLayout, ScreenLayout};
use super::{Action, App, Input, Key, Mode, Overlay, Screen, keys, view};
use crate::content::NodeRef;

/// Two presses of the same key closer than this are the key's auto-repeat, not a person: a
/// repeat comes every 30–50 ms, and the fastest deliberate double press takes over 100 ms.
pub const REPEAT: Duration = Duration::from_millis(100);

/// In a kiosk, the key that changed the screen does not answer the new one for this long: a
/// held key's first repeat comes after the system's repeat delay (250–660 ms on common systems,
/// up to 1 s on Windows' slowest setting), which may be longer than the settle time.
pub const HELD: Duration = Duration::from_secs(1);

/// The settle state: when the screen last became a new one, and the last key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Settle {
    /// When the screen on show became new (kept once it has settled: an input made before the
    /// end of its settle time may come after it).
    since: Option<Duration>,
    /// Whether the screen on show was drawn settled (plain) since it became new.
    plain: bool,
    /// The key whose press made the screen new, and when.
    by_key: Option<(Key, Duration)>,
    /// The last key, and when it came (for auto-repeat).
    last_key: Option<(Key, Duration)>,
    /// The time of the latest input (what render asks about).
    now: Duration,
}

/// What makes a screen a new one: another screen, question, outcome, topic or dialog, another
/// number of answers, or the window grown from too small. Moving the highlight or scrolling
/// does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Shown {
    screen: Discriminant<Screen>,
    node: NodeRef,
    topic: Option<usize>,
    overlay: Option<Discriminant<Overlay>>,
    answers: usize,
    too_small: bool,
}

impl App {
    /// The time of the latest input (tests that press keys one after another start from it).
    pub fn last_input_at(&self) -> Duration {
        self.settle.now
    }

    /// The settle time from the config.
    fn settle_time(&self) -> Duration {
        Duration::from_millis(self.config.kiosk.settle_ms)
    }

    /// Whether the screen on show is new and takes no tap yet: its answers are drawn dimmed, so
    /// a person sees that this is a new question.
    pub fn settling(&self) -> bool {
        !self.settle.plain
            && self
                .settle
                .since
                .is_some_and(|s| self.settle.now < s + self.settle_time())
    }

    /// When the screen settles, if it has not been drawn settled yet: a deadline, so the runner
    /// draws it undimmed.
    pub(super) fn settle_deadline(&self) -> Option<Duration> {
        self.settle
            .since
            .filter(|_| !self.settle.plain)
            .map(|s| s + self.settle_time())
    }

    /// Whether the window is below the smallest size the app draws on.
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_W || self.size.1 < MIN_H
    }

    pub(super) fn shown(&self) -> Shown {
        Shown {
            screen: std::mem::discriminant(&self.screen),
            node: self.session.current(&self.tree),
            topic: match self.screen {
                Screen::Topic { topic, .. } => Some(topic),
                _ => None,
            },
            overlay: self.overlay.as_ref().map(std::mem::discriminant),
            answers: self.session.answers().len(),
            too_small: self.too_small(),
        }
    }

    /// A tap turned into the click it is: where the press and the release are on the same
    /// target (or both on none of them), a click where it went down; else nothing — a press on
    /// answer 1 released on answer 8 chooses neither.
    pub(super) fn resolve_tap(input: Input, drawn: &ScreenLayout) -> Option<Input> {
        let Input::Tap {
            col,
            row,
            up_col,
            up_row,
        } = input
        else {
            return Some(input);
        };
        (target_at(drawn, col, row) == target_at(drawn, up_col, up_row))
            .then_some(Input::Click { col, row })
    }

    /// Whether `input`, made at `made`, must be dropped: it would move on from a screen that was
    /// not there long enough to be seen (see the module's notes).
    pub(super) fn unintended(
        &mut self,
        input: Input,
        made: Duration,
        drawn: &ScreenLayout,
    ) -> bool {
        let action = match input {
            Input::Key(k) => keys::action_for(self.context(), k),
            Input::Click { col, row } => view::hit(drawn, col, row),
            Input::Do(a) => Some(a),
            _ => return false,
        };
        let repeat = match input {
            Input::Key(k) => {
                let last = self.settle.last_key.replace((k, made));
                last.is_some_and(|(l, t)| l == k && made.saturating_sub(t) < REPEAT)
            }
            _ => false,
        };
        let Some(action) = action.filter(|&a| moves_on(a)) else {
            return false;
        };
        // The kiosk's dialogs read their own keys and taps ("Still there?" is kept by any).
        if matches!(
            self.overlay,
            Some(Overlay::StillThere | Overlay::StaffPin | Overlay::Save)
        ) {
            return false;
        }
        if self.too_small() {
            return !matches!(action, Action::ConfirmYes | Action::Cancel);
        }
        if repeat {
            return true;
        }
        let held_back = match (self.mode, input) {
            (Mode::Kiosk, _) | (_, Input::Click { .. } | Input::Do(_)) => true,
            (Mode::Normal, _) => {
                self.overlay.is_none() && matches!(self.screen, Screen::Outcome { .. })
            }
        };
        let held_key = match input {
            Input::Key(k) => {
                self.mode == Mode::Kiosk
                    && self.settle_time() > Duration::ZERO
                    && self
                        .settle
                        .by_key
                        .is_some_and(|(b, t)| b == k && made.saturating_sub(t) < HELD)
            }
            _ => false,
        };
        (held_back
            && self
                .settle
                .since
                .is_some_and(|s| made < s + self.settle_time()))
            || held_key
    }

    /// Notes what `input` at `now` did to the screen shown as `before`: a new screen starts to
    /// settle. Returns whether the screen settled and must be drawn again, undimmed: on the
    /// deadline [`settle_deadline`](Self::settle_deadline) asked for, unless `redrawn` (the
    /// input's own frame is drawn undimmed anyway), so an input's effects stay its own.
    pub(super) fn settle_after(
        &mut self,
        before: Shown,
        input: Input,
        now: Duration,
        redrawn: bool,
    ) -> bool {
        self.settle.now = now;
        if self.shown() != before {
            self.settle.since = (self.settle_time() > Duration::ZERO).then_some(now);
            self.settle.plain = false;
            self.settle.by_key = match input {
                Input::Key(k) => Some((k, now)),
                _ => None,
            };
            return false;
        }
        let settled = !self.settle.plain
            && self
                .settle
                .since
                .is_some_and(|s| now >= s + self.settle_time());
        if settled && (redrawn || input == Input::Deadline) {
            self.settle.plain = true;
            return !redrawn;
        }
        false
    }
}

/// Whether an action leaves the screen (answers, opens, goes back, closes): what a stray second
/// input must not do. Moving the highlight, scrolling and typing a search stay on it; the help
/// and quitting (which asks first when there are answers) open a dialog over it.
fn moves_on(a: Action) -> bool {
    !matches!(
        a,
        Action::Help
            | Action::Quit
            | Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::NextButton
            | Action::PrevButton
            | Action::Select(_)
            | Action::Top
            | Action::Bottom
            | Action::Type(_)
            | Action::Erase
            | Action::Search
            | Action::QuitNow
    )
}

/// The target under a cell: a tap target, a key of the PIN pad, or the banner.
fn target_at(l: &ScreenLayout, col: u16, row: u16) -> Option<Rect> {
    let p = Position::new(col, row);
    let pad = match l.overlay {
        Some(OverlayLayout::Dialog { pad: Some(pad), .. }) => {
            pad.keys.iter().copied().find(|r| r.contains(p))
        }
        _ => None,
    };
    l.targets
        .iter()
        .map(|t| t.rect)
        .chain(pad)
        .chain(Some(l.banner))
        .find(|r| r.contains(p))
}
