//! Kiosk mode in the app: the privacy reset, the staff exit, and content that takes over between
//! sessions. The rules (timers, PIN backoff) are in [`crate::kiosk`]; this module applies them to
//! the app's state. Time comes in with each input; nothing here reads a clock.

use std::time::Duration;

use super::view::{OverlayLayout, ScreenLayout};
use super::{App, Effect, Input, Key, Mode, Overlay, Screen};
use crate::config::Config;
use crate::content::{Level, Translations, Tree};
use crate::i18n::{Lang, t, t_args};
use crate::kiosk::{Idle, IdleState, PinCheck, StaffPin};
use crate::triage::Session;
use ratatui::layout::Position;

/// How long after Ctrl-E a Ctrl-X opens the staff PIN dialog.
pub const CHORD_WINDOW: Duration = Duration::from_secs(3);
/// The longest PIN the dialog takes.
pub const MAX_PIN: usize = 32;
/// Taps on the emergency banner, each within [`CHORD_WINDOW`] of the first, that open the staff
/// PIN dialog on a kiosk without a keyboard.
pub const STAFF_TAPS: u8 = 5;

/// What a kiosk keeps besides the ordinary app state. Nothing here is an answer.
#[derive(Debug, Clone)]
pub struct KioskState {
    pub idle: Idle,
    pub pin: StaffPin,
    /// The PIN typed so far (only while the staff dialog is open; cleared on close and reset).
    pub pin_entry: String,
    /// What the staff dialog says after an attempt.
    pub pin_message: Option<String>,
    /// When Ctrl-E was pressed, the first half of the staff chord.
    chord_at: Option<Duration>,
    /// Taps on the banner so far, and when the first of them was.
    banner_taps: (u8, Duration),
    /// Valid content (and its translations) that arrived during a session; it takes over at
    /// the next reset.
    pub pending: Option<Box<(Tree, Translations)>>,
    /// Sessions cleared, per overall level (for the optional log line; never answers).
    pub counts: [u64; 5],
    /// The time of the latest input, so deadlines can be computed between updates.
    pub last_now: Duration,
}

impl App {
    /// A kiosk app on the welcome screen, its idle timer starting at `now`.
    pub fn new_kiosk(tree: Tree, config: Config, now: Duration) -> App {
        let k = &config.kiosk;
        let state = KioskState {
            idle: Idle::new(
                Duration::from_secs(k.idle_timeout_secs),
                Duration::from_secs(k.countdown_secs),
                now,
            ),
            pin: StaffPin::new(k.pin_hash.clone()),
            pin_entry: String::new(),
            pin_message: None,
            chord_at: None,
            banner_taps: (0, now),
            pending: None,
            counts: [0; 5],
            last_now: now,
        };
        let mut app = App::new(tree, config);
        app.mode = Mode::Kiosk;
        app.kiosk = Some(state);
        app
    }

    /// A kiosk app on the welcome screen of `content` (the English tree and its translations,
    /// checked together), in the clinic's language `lang`, its idle timer starting at `now`.
    pub fn new_kiosk_in(
        lang: Lang,
        (tree, translations): (Tree, Translations),
        config: Config,
        now: Duration,
    ) -> App {
        let mut app = App::new_kiosk(tree, config, now);
        app.set_languages(lang, translations);
        app
    }

    /// A fresh kiosk app on the welcome screen, for a restart after a crash: the content this
    /// one holds (content a reload accepted and that waits to take over, else the content
    /// serving) in every language, in the clinic's language. Never the files read again: they
    /// may have changed, unsigned, since this content was checked.
    pub fn restarted(&self, now: Duration) -> App {
        let content = match self.kiosk.as_ref().and_then(|k| k.pending.as_deref()) {
            Some(pending) => pending.clone(),
            None => self.content(),
        };
        App::new_kiosk_in(self.home_lang, content, self.config.clone(), now)
    }

    /// Whether anything on screen or in memory belongs to the person who used it last: their
    /// answers, an open overlay, a screen past the welcome, or a language they chose over the
    /// clinic's (so a welcome left in English on a Spanish kiosk is reset for the next person).
    pub fn holds_answers(&self) -> bool {
        self.session.is_started()
            || self.overlay.is_some()
            || !matches!(self.screen, Screen::Welcome { .. })
            || (self.lang_chosen && self.lang != self.home_lang)
    }

    /// The next time the kiosk must wake: never while the welcome screen holds nothing, so an
    /// idle kiosk sleeps; otherwise the countdown's start, each of its seconds, and its end.
    pub(super) fn kiosk_deadline(&self) -> Option<Duration> {
        let k = self.kiosk.as_ref()?;
        self.holds_answers()
            .then(|| k.idle.next_deadline(k.last_now))
    }

    /// Seconds left before the reset, while "Still there?" shows.
    pub fn countdown_left(&self) -> Option<u64> {
        let k = self.kiosk.as_ref()?;
        match k.idle.state(k.last_now) {
            IdleState::Countdown { remaining } => Some(remaining.as_secs_f64().ceil() as u64),
            _ => None,
        }
    }

    /// The kiosk's part of `update`: `Some` when the input was handled here.
    pub(super) fn kiosk_input(
        &mut self,
        input: Input,
        now: Duration,
        drawn: &ScreenLayout,
    ) -> Option<Vec<Effect>> {
        let k = self.kiosk.as_mut()?;
        k.last_now = now;
        match input {
            Input::Resize { .. } => None,
            Input::Deadline => {
                // The same wake-up may be the picture's next frame as well as the idle timer.
                let mut effects = self.idle_tick(now);
                effects.extend(self.animation_frame());
                effects.dedup();
                Some(effects)
            }
            Input::Key(_)
            | Input::Click { .. }
            | Input::Tap { .. }
            | Input::Scroll { .. }
            | Input::Do(_) => {
                k.idle.touch(now);
                match self.overlay {
                    // Any key or tap during the countdown keeps the session, and does only that.
                    Some(Overlay::StillThere) => {
                        self.overlay = None;
                        Some(vec![Effect::Redraw])
                    }
                    Some(Overlay::StaffPin) => Some(self.pin_input(input, now, drawn)),
                    _ => self.staff_chord(input, now, drawn),
                }
            }
        }
    }

    /// A person's input that was dropped (see `app::settle`) still shows someone is there.
    pub(super) fn touch_kiosk(&mut self, now: Duration) {
        if let Some(k) = self.kiosk.as_mut() {
            k.last_now = now;
            k.idle.touch(now);
        }
    }

    fn idle_tick(&mut self, now: Duration) -> Vec<Effect> {
        let Some(k) = &self.kiosk else {
            return Vec::new();
        };
        if !self.holds_answers() {
            return Vec::new();
        }
        match k.idle.state(now) {
            IdleState::Active => Vec::new(),
            IdleState::Countdown { .. } => {
                self.overlay = Some(Overlay::StillThere);
                vec![Effect::Redraw]
            }
            IdleState::Expired => self.finish(),
        }
    }

    /// Ctrl-E then Ctrl-X within [`CHORD_WINDOW`] opens the staff PIN dialog; so do
    /// [`STAFF_TAPS`] taps on the emergency banner within it (a tablet has no keyboard).
    fn staff_chord(
        &mut self,
        input: Input,
        now: Duration,
        drawn: &ScreenLayout,
    ) -> Option<Vec<Effect>> {
        let on_banner = match input {
            Input::Click { col, row } => drawn.banner.contains(Position::new(col, row)),
            _ => false,
        };
        let k = self.kiosk.as_mut()?;
        if on_banner {
            let (n, first) = k.banner_taps;
            k.banner_taps = if n > 0 && now.saturating_sub(first) <= CHORD_WINDOW {
                (n + 1, first)
            } else {
                (1, now)
            };
            if k.banner_taps.0 < STAFF_TAPS {
                return Some(Vec::new());
            }
            k.banner_taps = (0, now);
            return Some(self.open_staff_pin());
        }
        match input {
            Input::Key(Key::Ctrl('e')) => {
                k.chord_at = Some(now);
                Some(Vec::new())
            }
            Input::Key(Key::Ctrl('x'))
                if k.chord_at
                    .is_some_and(|t| now.saturating_sub(t) <= CHORD_WINDOW) =>
            {
                k.chord_at = None;
                Some(self.open_staff_pin())
            }
            _ => {
                k.chord_at = None;
                None
            }
        }
    }

    fn open_staff_pin(&mut self) -> Vec<Effect> {
        let Some(k) = self.kiosk.as_mut() else {
            return Vec::new();
        };
        k.pin_entry.clear();
        k.pin_message = (!k.pin.is_configured()).then(|| t("pin-none").to_string());
        self.overlay = Some(Overlay::StaffPin);
        vec![Effect::Redraw]
    }

    fn pin_input(&mut self, input: Input, now: Duration, drawn: &ScreenLayout) -> Vec<Effect> {
        // A tap on the pad types its key; elsewhere in the dialog it does nothing (a finger that
        // misses a key must not throw the PIN away); outside it, or on Cancel, it closes.
        if let Input::Click { col, row } = input
            && let Some(OverlayLayout::Dialog {
                frame, button, pad, ..
            }) = drawn.overlay
        {
            let p = Position::new(col, row);
            if let Some(key) = pad.and_then(|pad| pad.key_at(col, row)) {
                return self.pin_input(Input::Key(key), now, drawn);
            }
            if frame.contains(p) && !button.contains(p) {
                return Vec::new();
            }
        }
        let Some(k) = self.kiosk.as_mut() else {
            return Vec::new();
        };
        match input {
            Input::Key(Key::Char(c))
                if c.is_ascii_alphanumeric() && k.pin_entry.len() < MAX_PIN =>
            {
                k.pin_entry.push(c);
            }
            Input::Key(Key::Backspace) => {
                k.pin_entry.pop();
            }
            Input::Key(Key::Enter) => {
                let entry = std::mem::take(&mut k.pin_entry);
                k.pin_message = Some(match k.pin.check(&entry, now) {
                    PinCheck::Accepted => return vec![Effect::Quit],
                    PinCheck::Wrong { wait } => {
                        t_args("pin-wrong", &[("n", wait.as_secs().into())])
                    }
                    PinCheck::TooSoon { wait } => {
                        t_args("pin-wait", &[("n", wait.as_secs().max(1).into())])
                    }
                    PinCheck::NoPin => t("pin-none").to_string(),
                });
            }
            Input::Key(Key::Esc) | Input::Click { .. } => {
                k.pin_entry.clear();
                k.pin_message = None;
                self.overlay = None;
            }
            _ => return Vec::new(),
        }
        vec![Effect::Redraw]
    }

    /// Clears everything a person left: called by Finish and by the idle reset. In a kiosk the
    /// session's overall level is counted (never the answers) and waiting content takes over.
    pub(super) fn clear_for_next_person(&mut self) {
        let overall = self.session.overall(&self.tree);
        if let Some(k) = self.kiosk.as_mut() {
            if let Some(level) = overall {
                k.counts[level_index(level)] += 1;
            }
            k.pin_entry.clear();
            k.pin_message = None;
            k.chord_at = None;
            k.banner_taps.0 = 0;
        }
        // The next person starts in the clinic's language.
        self.use_language(self.home_lang);
        self.lang_chosen = false;
        if let Some(content) = self.kiosk.as_mut().and_then(|k| k.pending.take()) {
            let (tree, translations) = *content;
            self.take_content(tree, translations);
        }
        self.clear_everything();
        self.session = Session::new(&self.tree);
    }

    /// Offers freshly validated content. It takes over now if nobody is mid-session, else at
    /// the next reset; returns whether it took over now.
    pub fn offer_content(&mut self, tree: Tree) -> bool {
        self.offer_translated(tree, Vec::new())
    }

    /// [`offer_content`](Self::offer_content) for content with its translations: the kiosk
    /// goes on in the clinic's language when the new content still has it (else in English).
    pub fn offer_translated(&mut self, tree: Tree, translations: Vec<(Lang, Tree)>) -> bool {
        if self.holds_answers() {
            if let Some(k) = self.kiosk.as_mut() {
                k.pending = Some(Box::new((tree, translations)));
            }
            return false;
        }
        self.take_content(tree, translations);
        self.clear_everything();
        self.session = Session::new(&self.tree);
        true
    }
}

fn level_index(level: Level) -> usize {
    Level::ALL.iter().position(|&l| l == level).unwrap_or(0)
}
