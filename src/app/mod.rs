//! The app state machine: plain data, and one `update` that turns an [`Input`] into changes and
//! [`Effect`]s.
//!
//! No terminal, no clock, no I/O: the runner passes the time in and performs the effects, so the
//! same state machine serves the terminal, tests and the browser. Clicks and scrolling are resolved
//! with the [`ScreenLayout`] that the runner drew (`ui::layout` computes it; its types are in
//! [`view`]), so what is tapped is what was drawn. `app` knows nothing of the renderer: `ui`
//! depends on `app`, never the other way round.

pub mod action;
pub mod browse;
pub mod input;
pub mod keys;
pub mod kiosk;
mod language;
pub mod pointer;
pub mod save;
pub mod screen;
pub mod settle;
pub mod view;

use std::time::Duration;

use ratatui::layout::Rect;

use crate::config::Config;
use crate::content::{NodeRef, Outcome, Tree};
use crate::i18n::Lang;
use crate::triage::Session;

pub use action::Action;
pub use browse::Browse;
pub use input::{Input, Key};
pub use keys::Context;
pub use screen::{
    Effect, KIOSK_OUTCOME_BUTTONS, KIOSK_WELCOME_MENU, KIOSK_WELCOME_MENU_LANGUAGES, ListMode,
    Mode, OUTCOME_BUTTONS, Overlay, Screen, WELCOME_MENU, WELCOME_MENU_LANGUAGES, WelcomeItem,
};
pub use view::ScreenLayout;

/// The whole app state.
#[derive(Debug, Clone)]
pub struct App {
    /// The content, in the language the app speaks ([`App::lang`]).
    pub tree: Tree,
    /// The language of the words and the content now: the app's own, the only source of truth.
    /// The interface's catalogue (`i18n`) is told it by whoever draws (`Ui`, the line mode,
    /// the browser runner); the app never sets it.
    lang: Lang,
    /// The same content in every other language it has, the English original included while
    /// another is on screen; the switch offers those the clinic config offers (see `language`).
    others: Vec<(Lang, Tree)>,
    /// The language a kiosk's resets return to: the clinic's.
    home_lang: Lang,
    /// Whether the person on screen chose `lang` with the switch (until the next reset): new
    /// content from a reload keeps their choice where it has that language.
    pub lang_chosen: bool,
    pub config: Config,
    /// Whether pictures may move: off under reduced motion, and set off by a runner whose theme
    /// cannot show motion (no colour, ASCII symbols).
    pub pictures_move: bool,
    pub mode: Mode,
    pub session: Session,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    /// The screen size from the last `Resize`.
    pub size: (u16, u16),
    /// Screens left by answering, so Back restores each exactly (selection included).
    history: Vec<Screen>,
    /// Kiosk state (idle timer, staff PIN, content waiting to take over); `None` at a terminal.
    pub kiosk: Option<kiosk::KioskState>,
    /// The save dialog's file name, confirmation and message.
    pub save: save::SaveState,
    /// The explanation browser: search, the way back, the picture's clock.
    pub browse: Browse,
    /// How many rows a tap target needs to be tall enough for a finger: 1 in a terminal; the
    /// browser sets it from its cell height so every target is at least 44 CSS px high.
    pub target_rows: u16,
    /// When the screen became new, and the last key: what `settle` needs to tell a person's
    /// answer from a double tap or a held key.
    settle: settle::Settle,
}

impl App {
    /// A new app on the welcome screen, in English: `tree` is the original (English) content.
    /// [`App::set_languages`] gives it its translations and the language to start in.
    pub fn new(tree: Tree, config: Config) -> App {
        let session = Session::new(&tree);
        App {
            tree,
            lang: Lang::En,
            others: Vec::new(),
            home_lang: Lang::En,
            lang_chosen: false,
            pictures_move: !config.reduced_motion,
            config,
            mode: Mode::Normal,
            session,
            screen: Screen::Welcome { selected: 0 },
            overlay: None,
            size: (80, 24),
            history: Vec::new(),
            kiosk: None,
            save: save::SaveState::default(),
            browse: Browse::default(),
            target_rows: 1,
            settle: settle::Settle::default(),
        }
    }

    /// Puts `tree` in place of the content (the welcome-only tree a first frame was drawn from)
    /// and starts its session afresh.
    pub fn replace_tree(&mut self, tree: Tree) {
        self.session = Session::new(&tree);
        self.tree = tree;
    }

    /// The welcome menu for this mode, with the language switch when there is another.
    pub fn welcome_menu(&self) -> &'static [WelcomeItem] {
        match (self.mode, !self.offers_language_switch()) {
            (Mode::Normal, true) => &WELCOME_MENU,
            (Mode::Kiosk, true) => &KIOSK_WELCOME_MENU,
            (Mode::Normal, false) => &WELCOME_MENU_LANGUAGES,
            (Mode::Kiosk, false) => &KIOSK_WELCOME_MENU_LANGUAGES,
        }
    }

    /// The outcome buttons for this mode.
    pub fn outcome_buttons(&self) -> &'static [Action; 3] {
        match self.mode {
            Mode::Normal => &OUTCOME_BUTTONS,
            Mode::Kiosk => &KIOSK_OUTCOME_BUTTONS,
        }
    }

    /// The outcome the session is on, if it is on one.
    pub fn current_outcome(&self) -> Option<&Outcome> {
        match self.session.current(&self.tree) {
            NodeRef::Outcome(o) => self.tree.outcomes.get(o),
            NodeRef::Question(_) => None,
        }
    }

    /// The whole screen as a rectangle.
    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// When the runner should wake the app with `Input::Deadline` even without input: the
    /// earliest of every timer (the kiosk's privacy reset, the picture's next frame). `None`:
    /// sleep until input.
    /// `drawn` is the layout of the screen as it stands (what the runner last drew).
    pub fn next_deadline(&self, drawn: &ScreenLayout) -> Option<Duration> {
        [
            self.kiosk_deadline(),
            self.animation_deadline(drawn),
            self.settle_deadline(),
        ]
        .into_iter()
        .flatten()
        .min()
    }

    /// Which key table applies now.
    pub fn context(&self) -> Context {
        match self.overlay {
            Some(Overlay::Help { .. }) => Context::Help,
            Some(Overlay::ConfirmQuit) => Context::ConfirmQuit,
            Some(Overlay::StillThere | Overlay::StaffPin | Overlay::Save) => Context::Dialog,
            Some(Overlay::TakeHome) => Context::TakeHome,
            None => self.screen_context(),
        }
    }

    /// The key table of the screen under any overlay (the help overlay lists its keys).
    pub fn screen_context(&self) -> Context {
        match self.screen {
            Screen::Welcome { .. } => Context::Welcome,
            Screen::Question { .. } => Context::Question,
            Screen::Outcome { .. } => Context::Outcome,
            Screen::Topics { mode, .. } => browse::list_context(mode),
            Screen::Topic { .. } => Context::Topic,
        }
    }

    /// Handles one input at time `now` (since the runner started) and says what to do next.
    /// `drawn` is the layout of the screen as it stands (`ui::layout` of this state and size):
    /// taps, scrolling and the kiosk's banner are resolved against it.
    /// An input that would move on from a screen too new to have been seen (a double tap, a
    /// held key: see [`settle`]) is dropped; in a kiosk it still counts as someone being there.
    pub fn update(&mut self, input: Input, now: Duration, drawn: &ScreenLayout) -> Vec<Effect> {
        self.update_at(input, now, now, drawn)
    }

    /// [`update`](Self::update) for an input the runner knows was made at `made` (no later than
    /// `now`): a busy browser may hand over a tap long after the finger made it, and whether it
    /// came within a new screen's settle time is judged by when it was made.
    pub fn update_at(
        &mut self,
        input: Input,
        now: Duration,
        made: Duration,
        drawn: &ScreenLayout,
    ) -> Vec<Effect> {
        let made = made.min(now);
        let before = self.shown();
        let mut effects = match Self::resolve_tap(input, drawn) {
            Some(input) if !self.unintended(input, made, drawn) => self.handle(input, now, drawn),
            _ => {
                self.touch_kiosk(now);
                Vec::new()
            }
        };
        let redrawn = effects.contains(&Effect::Redraw);
        if self.settle_after(before, input, now, redrawn) {
            effects.push(Effect::Redraw);
        }
        effects
    }

    fn handle(&mut self, input: Input, now: Duration, drawn: &ScreenLayout) -> Vec<Effect> {
        // The picture's clock first: a kiosk deadline must not leave it in the past.
        self.browse.now = now;
        // "Saved to …" is read once: the next input takes it away.
        if self.save.notice(self.overlay).is_some() {
            self.save.message = None;
        }
        if let Some(effects) = self.kiosk_input(input, now, drawn) {
            return effects;
        }
        if self.overlay == Some(Overlay::Save) {
            return self.save_input(input);
        }
        let action = match input {
            Input::Key(key) => keys::action_for(self.context(), key),
            Input::Click { col, row } => view::hit(drawn, col, row),
            // `update` turned every tap into a click or nothing.
            Input::Tap { .. } => None,
            Input::Scroll { up, .. } => return self.scroll_wheel(up, drawn),
            Input::Resize { w, h } => {
                self.size = (w, h);
                return vec![Effect::Redraw];
            }
            Input::Deadline => return self.animation_frame(),
            Input::Do(action) => Some(action),
        };
        match action.filter(|a| self.mode.allows(*a)) {
            Some(a) => self.apply(a, drawn),
            None => Vec::new(),
        }
    }

    /// Performs an action as if its key had been pressed, on the screen laid out as `drawn`.
    pub fn apply(&mut self, action: Action, drawn: &ScreenLayout) -> Vec<Effect> {
        if action == Action::QuitNow {
            return vec![Effect::Quit];
        }
        if action == Action::Finish {
            return self.finish();
        }
        let done = match (self.overlay, self.screen) {
            (Some(Overlay::Help { scroll }), _) => self.help_action(scroll, action, drawn),
            (Some(Overlay::ConfirmQuit), _) => return self.confirm_action(action),
            (Some(Overlay::StillThere | Overlay::StaffPin | Overlay::Save), _) => false,
            (Some(Overlay::TakeHome), _) => {
                self.overlay = None;
                action == Action::Cancel
            }
            (None, Screen::Welcome { selected }) => return self.welcome_action(selected, action),
            (None, Screen::Question { selected }) => return self.question_action(selected, action),
            (None, Screen::Outcome { scroll, button }) => {
                return self.outcome_action(scroll, button, action, drawn);
            }
            (None, Screen::Topics { selected, mode }) => {
                return self.topics_action(selected, mode, action);
            }
            (
                None,
                Screen::Topic {
                    topic,
                    scroll,
                    link,
                },
            ) => return self.topic_action(topic, scroll, link, action, drawn),
        };
        if done {
            vec![Effect::Redraw]
        } else {
            Vec::new()
        }
    }

    fn scroll_wheel(&mut self, up: bool, drawn: &ScreenLayout) -> Vec<Effect> {
        let step = if up { Action::Up } else { Action::Down };
        match self.context() {
            Context::Outcome | Context::Topic | Context::Help => {
                let mut fx = Vec::new();
                for _ in 0..3 {
                    fx.extend(self.apply(step, drawn));
                }
                fx.dedup();
                fx
            }
            Context::Welcome | Context::Question | Context::Topics | Context::Search => {
                self.apply(step, drawn)
            }
            Context::ConfirmQuit | Context::Dialog | Context::TakeHome => Vec::new(),
        }
    }

    fn help_action(&mut self, scroll: u16, action: Action, drawn: &ScreenLayout) -> bool {
        let (max, page) = (drawn.max_scroll, drawn.page.max(1));
        let scroll = match action {
            Action::Cancel | Action::Help => {
                self.overlay = None;
                return true;
            }
            Action::Up => scroll.saturating_sub(1),
            Action::Down => scroll.saturating_add(1).min(max),
            Action::PageUp => scroll.saturating_sub(page),
            Action::PageDown => scroll.saturating_add(page).min(max),
            Action::Top => 0,
            Action::Bottom => max,
            _ => return false,
        };
        self.overlay = Some(Overlay::Help { scroll });
        true
    }

    fn confirm_action(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::ConfirmYes => vec![Effect::Quit],
            Action::Cancel => {
                self.overlay = None;
                vec![Effect::Redraw]
            }
            _ => Vec::new(),
        }
    }

    fn welcome_action(&mut self, selected: usize, action: Action) -> Vec<Effect> {
        let menu = self.welcome_menu();
        let n = menu.len();
        let item = match action {
            Action::Up => {
                return self.select(Screen::Welcome {
                    selected: up(selected),
                });
            }
            Action::Down => {
                return self.select(Screen::Welcome {
                    selected: down(selected, n),
                });
            }
            Action::Select(i) if i < n => {
                return self.select(Screen::Welcome { selected: i });
            }
            Action::Choose => selected,
            Action::Pick(i) if i < n => i,
            Action::Pick(_) => return vec![Effect::Bell],
            Action::Help => return self.open_help(),
            Action::Quit => return vec![Effect::Quit],
            Action::Language => return self.switch_language(),
            _ => return Vec::new(),
        };
        match menu[item] {
            WelcomeItem::Start => self.restart(),
            WelcomeItem::Browse => self.open_list(),
            WelcomeItem::Language => self.switch_language(),
            WelcomeItem::Quit => vec![Effect::Quit],
        }
    }

    fn question_action(&mut self, selected: usize, action: Action) -> Vec<Effect> {
        let n = self.option_count();
        match action {
            Action::Up => self.select(Screen::Question {
                selected: up(selected),
            }),
            Action::Down => self.select(Screen::Question {
                selected: down(selected, n),
            }),
            Action::Select(i) if i < n => self.select(Screen::Question { selected: i }),
            Action::Choose => self.choose_option(selected),
            Action::Pick(i) => self.choose_option(i),
            Action::Back => self.go_back(),
            Action::Restart => self.restart(),
            Action::Help => self.open_help(),
            Action::Quit => self.ask_quit(),
            _ => Vec::new(),
        }
    }

    fn outcome_action(
        &mut self,
        scroll: u16,
        button: usize,
        action: Action,
        drawn: &ScreenLayout,
    ) -> Vec<Effect> {
        let (max, page) = (drawn.max_scroll, drawn.page.max(1));
        let buttons = self.outcome_buttons();
        let n = buttons.len();
        let scroll = match action {
            Action::Up => scroll.saturating_sub(1),
            Action::Down => scroll.saturating_add(1).min(max),
            Action::PageUp => scroll.saturating_sub(page),
            Action::PageDown => scroll.saturating_add(page).min(max),
            Action::Top => 0,
            Action::Bottom => max,
            Action::NextButton => {
                return self.select(Screen::Outcome {
                    scroll,
                    button: (button + 1) % n,
                });
            }
            Action::PrevButton => {
                return self.select(Screen::Outcome {
                    scroll,
                    button: (button + n - 1) % n,
                });
            }
            Action::Choose => return self.apply_outcome_button(buttons[button % n]),
            Action::CheckAnother | Action::Restart | Action::Quit => {
                return self.apply_outcome_button(action);
            }
            Action::TakeHome => {
                self.overlay = Some(Overlay::TakeHome);
                return vec![Effect::Redraw];
            }
            Action::Save => return self.open_save(),
            Action::Back => return self.go_back(),
            Action::Help => return self.open_help(),
            Action::OpenLink(i) => return self.open_outcome_topic(i),
            Action::Explain => return self.open_outcome_topic(0),
            _ => return Vec::new(),
        };
        self.select(Screen::Outcome { scroll, button })
    }

    fn apply_outcome_button(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::CheckAnother => self.check_another(),
            Action::Restart => self.restart(),
            Action::Finish => self.finish(),
            Action::Quit if self.mode.allows(action) => self.ask_quit(),
            _ => Vec::new(),
        }
    }

    fn select(&mut self, screen: Screen) -> Vec<Effect> {
        if self.screen == screen {
            return Vec::new();
        }
        self.screen = screen;
        vec![Effect::Redraw]
    }

    fn option_count(&self) -> usize {
        match self.session.current(&self.tree) {
            NodeRef::Question(q) => self.tree.questions[q].options.len(),
            NodeRef::Outcome(_) => 0,
        }
    }

    /// Answers the current question with option `index`, remembering this screen for Back.
    fn choose_option(&mut self, index: usize) -> Vec<Effect> {
        match self.session.answer(&self.tree, index) {
            Ok(next) => {
                self.history.push(Screen::Question { selected: index });
                self.screen = fresh_screen(next);
                vec![Effect::Redraw]
            }
            Err(_) => vec![Effect::Bell],
        }
    }

    /// Undoes the last step and shows the screen exactly as it was left; from the very first
    /// question, returns to the welcome screen.
    fn go_back(&mut self) -> Vec<Effect> {
        match self.session.back(&self.tree) {
            Ok(now) => {
                self.screen = self.history.pop().unwrap_or(fresh_screen(now));
            }
            Err(_) => {
                self.history.clear();
                self.screen = Screen::Welcome { selected: 0 };
            }
        }
        vec![Effect::Redraw]
    }

    /// Clears every answer and returns to the welcome screen (in a kiosk, content waiting to
    /// take over does so now).
    pub fn finish(&mut self) -> Vec<Effect> {
        self.clear_for_next_person();
        vec![Effect::Redraw]
    }

    /// Forgets the session, the history and any dialog, and shows the welcome screen.
    fn clear_everything(&mut self) {
        // A typed search and the way back through the explanations are the last person's too;
        // the search's bytes are overwritten, not only let go (a browser page's memory can be
        // read until it is reused).
        self.browse.wipe();
        self.browse = Browse::default();
        self.save = save::SaveState::default();
        self.session.restart(&self.tree);
        self.history.clear();
        self.overlay = None;
        self.screen = Screen::Welcome { selected: 0 };
    }

    fn restart(&mut self) -> Vec<Effect> {
        self.session.restart(&self.tree);
        self.history.clear();
        self.screen = fresh_screen(self.tree.start());
        vec![Effect::Redraw]
    }

    fn check_another(&mut self) -> Vec<Effect> {
        match self.session.check_another(&self.tree) {
            Ok(next) => {
                self.history.push(self.screen);
                self.screen = fresh_screen(next);
                vec![Effect::Redraw]
            }
            Err(_) => vec![Effect::Bell],
        }
    }

    fn open_help(&mut self) -> Vec<Effect> {
        self.overlay = Some(Overlay::Help { scroll: 0 });
        vec![Effect::Redraw]
    }

    /// Quits, asking first if the person has answered anything (a check under way, or its
    /// outcome on screen), as the help promises: "asks first if you have answered".
    fn ask_quit(&mut self) -> Vec<Effect> {
        if self.session.answers().is_empty() {
            return vec![Effect::Quit];
        }
        self.overlay = Some(Overlay::ConfirmQuit);
        vec![Effect::Redraw]
    }
}

fn fresh_screen(node: NodeRef) -> Screen {
    match node {
        NodeRef::Question(_) => Screen::Question { selected: 0 },
        NodeRef::Outcome(_) => Screen::Outcome {
            scroll: 0,
            button: 0,
        },
    }
}

fn up(i: usize) -> usize {
    i.saturating_sub(1)
}

fn down(i: usize, n: usize) -> usize {
    (i + 1).min(n.saturating_sub(1))
}
