//! Drawing: `render(&App, &mut Frame)` and the layout it draws into, and [`Ui`], the app with
//! the theme it is drawn in and the layout of the frame on screen — what a runner (or a test)
//! holds.
//!
//! Render only reads the state; every rectangle comes from [`layout()`], which click handling
//! uses too. One module per screen; colours and symbols in [`theme`], fixed words in
//! [`strings`]. No terminal library here, only ratatui's buffer types.
//!
//! Two dispatchers, [`layout`](mod@layout) and [`render`](mod@render), call the screens; the
//! screens take their shapes from [`geometry`] and their drawing primitives from [`draw`], leaves
//! below them, so no import goes round in a circle (`tests/architecture.rs` checks).
//!
//! The state machine (`app`) knows nothing of drawing; it resolves taps and scrolling against a
//! [`ScreenLayout`] it is handed. `Ui` hands it the layout of the frame last drawn, or, when an
//! input may have changed the state since, lays the screen out afresh — so a key that arrives
//! alone costs no second layout, and a tap always lands on what was drawn. A tap that arrives
//! after an input changed the screen but before the new screen was drawn (two taps read in one
//! go: a double tap, a bouncy touch screen, a burst over SSH) is dropped: it was aimed at a
//! screen that is gone, and the one now at that spot — perhaps a safety question — was never
//! seen. Keys are kept: a person may type ahead.

pub mod banner;
pub mod confirm;
pub mod dialog;
pub mod draw;
pub mod footer;
pub mod geometry;
pub mod help;
pub mod layout;
pub mod menu;
pub mod outcome;
pub mod picture;
pub mod question;
pub mod reader;
pub mod render;
pub mod semantic;
pub mod strings;
pub mod summary;
pub mod takehome;
pub mod takehome_view;
pub mod theme;
pub mod topic;
pub mod topics;
pub mod welcome;
pub mod wrap;

use std::ops::Deref;
use std::time::Duration;

use ratatui::Frame;

pub use draw::{draw_scrolled, draw_text, fill, put_lines, put_rows, put_str};
pub use layout::{ScreenLayout, hit, layout};
pub use render::{Drawn, render, render_changed};

use crate::app::{App, Effect, Input};
use theme::Theme;

/// An app, its theme, and the layout of its last frame.
#[derive(Debug, Clone)]
pub struct Ui {
    app: App,
    theme: Theme,
    /// What the frame on screen was drawn from: its layout is the screen's while `current`, and
    /// [`Ui::render_changed`] compares the next frame with it.
    shown: Option<Drawn>,
    /// No input came since `shown` was drawn.
    current: bool,
    /// The screen laid out without being drawn, when an input changed it since the last frame.
    laid: Option<ScreenLayout>,
    /// The screen changed since the last frame was drawn: taps wait for the new frame.
    unseen: bool,
}

impl Ui {
    /// `app`, drawn in `theme` (a theme that cannot show motion keeps pictures still).
    pub fn new(mut app: App, theme: Theme) -> Ui {
        app.pictures_move &= theme.shows_motion();
        crate::i18n::set_lang(app.lang());
        Ui {
            app,
            theme,
            shown: None,
            current: false,
            laid: None,
            unseen: false,
        }
    }

    /// The app back, without its theme and frame (a fuzzer reuses the content between runs).
    pub fn into_app(self) -> App {
        self.app
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The state, to change directly (a runner's reload, a test's set-up).
    pub fn app_mut(&mut self) -> &mut App {
        self.shown = None;
        self.laid = None;
        &mut self.app
    }

    /// The layout of the screen as it stands.
    pub fn layout(&mut self) -> &ScreenLayout {
        match &self.shown {
            Some(shown) if self.current => &shown.layout,
            // Laid out once per state, however often it is asked for.
            _ => {
                let (app, theme) = (&self.app, &self.theme);
                self.laid
                    .get_or_insert_with(|| layout(app, theme, app.area()))
            }
        }
    }

    /// Hands one input to the app at time `now`; see [`App::update`]. A tap on a screen that
    /// changed and was not drawn again yet does nothing (see the module's notes).
    pub fn update(&mut self, input: Input, now: Duration) -> Vec<Effect> {
        self.update_at(input, now, now)
    }

    /// [`update`](Self::update) for an input made at `made`, no later than `now`; see
    /// [`App::update_at`].
    pub fn update_at(&mut self, input: Input, now: Duration, made: Duration) -> Vec<Effect> {
        if self.unseen && matches!(input, Input::Click { .. } | Input::Tap { .. }) {
            return Vec::new();
        }
        // A resize or a deadline reads no layout: do not lay out the old screen for them.
        if !matches!(input, Input::Resize { .. } | Input::Deadline) {
            self.layout();
        }
        let none = ScreenLayout::default();
        let drawn = drawn(&self.shown, self.current, &self.laid).unwrap_or(&none);
        self.speak();
        let held = self.app.holds_answers();
        let effects = self.app.update_at(input, now, made, drawn);
        // A switch on the welcome screen or a kiosk's reset may have changed the language.
        self.speak();
        // The state may have changed: the next tap needs the next frame's layout.
        (self.current, self.laid) = (false, None);
        self.unseen |= effects.contains(&Effect::Redraw);
        if held && !self.app.holds_answers() {
            // The answers are gone: so are the texts drawn from them (ui::wrap remembers them,
            // and so does what the frame on screen was drawn from; the next frame is whole).
            wrap::forget();
            self.shown = None;
        }
        effects
    }

    /// Tells the interface's catalogue the app's language, so the words the app formats during
    /// an update (a kiosk's PIN messages) and anything said after it are in it (drawing tells it
    /// too: `layout`). The language is the app's (`App::lang`); the catalogue's thread-global is
    /// only how `t()` learns it.
    fn speak(&self) {
        crate::i18n::set_lang(self.app.lang());
    }

    /// Whether it still holds what the frame on screen was drawn from (for tests of the rule
    /// that a reset forgets everything drawn from a person's answers).
    #[doc(hidden)]
    pub fn remembers_a_frame(&self) -> bool {
        self.shown.is_some()
    }

    /// When the app next wants `Input::Deadline`; see [`App::next_deadline`].
    pub fn next_deadline(&mut self) -> Option<Duration> {
        self.layout();
        self.app
            .next_deadline(drawn(&self.shown, self.current, &self.laid)?)
    }

    /// Draws the app into the frame and keeps the layout it drew.
    pub fn render(&mut self, f: &mut Frame) {
        self.render_changed(f, false);
    }

    /// Draws what changed since the last frame into a blank frame: when `may_part` and just the
    /// highlighted answer moved, only the rows it returns; the whole frame (`None`) otherwise.
    /// For a runner that keeps the frame on screen and writes the difference (`term::screen`),
    /// where the rows not drawn stay as they are.
    pub fn render_changed(
        &mut self,
        f: &mut Frame,
        may_part: bool,
    ) -> Option<std::ops::Range<u16>> {
        let last = self.shown.as_ref().filter(|_| may_part);
        let (drawn, rows) = render_changed(&self.app, &self.theme, last, f);
        self.shown = Some(drawn);
        self.current = true;
        self.laid = None;
        self.unseen = false;
        rows
    }
}

/// The layout of the screen as it stands, if it is known: the frame on screen's while no input
/// came since it was drawn, else the one laid out since.
fn drawn<'a>(
    shown: &'a Option<Drawn>,
    current: bool,
    laid: &'a Option<ScreenLayout>,
) -> Option<&'a ScreenLayout> {
    match shown {
        Some(shown) if current => Some(&shown.layout),
        _ => laid.as_ref(),
    }
}

/// Reading the state: `ui.screen`, `ui.session`, … (changing it goes through [`Ui::app_mut`]).
impl Deref for Ui {
    type Target = App;

    fn deref(&self) -> &App {
        &self.app
    }
}
