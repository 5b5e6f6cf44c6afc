//! What was drawn, as plain data: every rectangle of one frame and what a tap there does.
//!
//! `ui::layout` computes a [`ScreenLayout`] from the state and the screen size; render draws
//! into it, and the runner hands the same one to [`App::update`](super::App::update), so a tap
//! always lands on what was drawn. The types live here, beside the state machine, so that `app`
//! never depends on the renderer: `ui` depends on `app`, never the other way round.

use ratatui::layout::{Position, Rect};

use super::{Action, Key};

/// The smallest screen the app draws on; below it a "make the window larger" screen is shown
/// (and nothing typed answers: `app::settle`).
pub const MIN_W: u16 = 40;
pub const MIN_H: u16 = 12;

/// Something that can be clicked or tapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub rect: Rect,
    pub action: Action,
}

/// The rows of a question or the welcome menu.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MenuLayout {
    pub crumbs: Rect,
    pub prompt: Rect,
    pub help: Rect,
    /// The visible answers: (answer index, its whole tap target).
    pub options: Vec<(usize, Rect)>,
    pub more_above: Option<Rect>,
    pub more_below: Option<Rect>,
    /// Rows at the foot of each answer's rectangle that are the space between answers (1 on a
    /// touch screen, else 0): drawn blank, and no target — a tap there chooses nothing.
    pub gap: u16,
}

impl MenuLayout {
    /// The part of an answer's rectangle that is the answer: its words and, on a touch screen,
    /// the rows that make it a finger high; not the space below it.
    pub fn answer_rows(&self, r: Rect) -> Rect {
        Rect {
            height: r.height.saturating_sub(self.gap).max(1).min(r.height),
            ..r
        }
    }
}

/// A scrolling text region and where its "more" indicator goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scrolled {
    pub text: Rect,
    /// The first row shown, already clamped to the text.
    pub scroll: u16,
    /// The largest scroll: 0 when the text fits.
    pub max: u16,
    pub indicator: Option<Rect>,
}

impl Scrolled {
    /// The on-screen rectangles of the `(link, row)` pairs (rows counted in the whole text) that
    /// are scrolled into view: what a tap on a link hits. A link with fewer than `touch` rows in
    /// view is no target (a sliver at the edge would be too small for a finger).
    pub fn visible_rows(
        &self,
        rows: impl IntoIterator<Item = (usize, u16)>,
        touch: u16,
    ) -> Vec<(usize, Rect)> {
        let shown: Vec<(usize, Rect)> = self.rows_in_view(rows);
        let tall = |i: usize| shown.iter().filter(|(j, _)| *j == i).count() >= usize::from(touch);
        shown.iter().copied().filter(|&(i, _)| tall(i)).collect()
    }

    fn rows_in_view(&self, rows: impl IntoIterator<Item = (usize, u16)>) -> Vec<(usize, Rect)> {
        rows.into_iter()
            .filter(|&(_, row)| row >= self.scroll && row < self.scroll + self.text.height)
            .map(|(i, row)| {
                (
                    i,
                    Rect::new(
                        self.text.x,
                        self.text.y + row - self.scroll,
                        self.text.width,
                        1,
                    ),
                )
            })
            .collect()
    }
}

/// The rows of an outcome.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeLayout {
    pub level: Rect,
    pub title: Rect,
    pub body: Scrolled,
    pub buttons: Vec<Rect>,
    /// The explanation links on screen: (index into the outcome's topics, row).
    pub links: Vec<(usize, Rect)>,
}

/// The body of the current screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Body {
    #[default]
    Empty,
    Menu(MenuLayout),
    Outcome(OutcomeLayout),
    Topics(ListLayout),
    Topic(ReaderLayout),
}

/// An overlay's box and its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverlayLayout {
    Help {
        frame: Rect,
        body: Scrolled,
    },
    Confirm {
        frame: Rect,
        text: Rect,
        yes: Rect,
        no: Rect,
    },
    /// The take-home QR code: the code (if it fits) and the words beside or below it.
    TakeHome {
        frame: Rect,
        code: Option<Rect>,
        text: Rect,
    },
    /// A kiosk dialog: a box with text and one button; the staff PIN dialog also has a pad.
    Dialog {
        frame: Rect,
        text: Rect,
        button: Rect,
        pad: Option<Pad>,
    },
}

/// The staff PIN dialog's keys, for a kiosk with no keyboard: `1`–`9`, erase, `0`, OK.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pad {
    pub keys: [Rect; 12],
}

/// What each of the pad's keys says and types, in [`Pad::keys`] order.
pub const PAD_KEYS: [(&str, Key); 12] = {
    [
        ("1", Key::Char('1')),
        ("2", Key::Char('2')),
        ("3", Key::Char('3')),
        ("4", Key::Char('4')),
        ("5", Key::Char('5')),
        ("6", Key::Char('6')),
        ("7", Key::Char('7')),
        ("8", Key::Char('8')),
        ("9", Key::Char('9')),
        ("⌫", Key::Backspace),
        ("0", Key::Char('0')),
        ("OK", Key::Enter),
    ]
};

impl Pad {
    /// The key under a tap, if any.
    pub fn key_at(&self, col: u16, row: u16) -> Option<Key> {
        let p = Position::new(col, row);
        self.keys
            .iter()
            .position(|r| r.contains(p))
            .map(|i| PAD_KEYS[i].1)
    }
}

/// Every rectangle of one frame.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScreenLayout {
    pub area: Rect,
    /// Below the smallest size the app draws on (`ui::layout::MIN_W` x `MIN_H`): only the banner (if it fits) and the "larger" message.
    pub too_small: bool,
    pub banner: Rect,
    pub column: Rect,
    pub footer: Rect,
    pub body: Body,
    pub overlay: Option<OverlayLayout>,
    /// Footer hints: (rect, index into `keys::hints(context)`).
    pub hints: Vec<(Rect, usize)>,
    pub targets: Vec<Target>,
    /// The furthest the active scrolling region can scroll, and one page of it.
    pub max_scroll: u16,
    pub page: u16,
}

/// The list's rows, and whether they include the summaries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListLayout {
    /// `crumbs` is the heading, `prompt` the search line, `help` the "nothing matches" text.
    pub menu: MenuLayout,
    pub summaries: bool,
}

/// Where the picture and its caption go: the parts of them on screen. The picture heads the
/// reader's scrolling text, so scrolling down moves it up and away; `drawing_cut` and
/// `caption_cut` are their rows scrolled off above the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PictureLayout {
    pub drawing: Rect,
    pub caption: Rect,
    pub drawing_cut: u16,
    pub caption_cut: u16,
}

/// The rows of the reader.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderLayout {
    pub title: Rect,
    /// `None` when the topic has no picture, the window is too small for one, or it is scrolled
    /// away.
    pub picture: Option<PictureLayout>,
    /// The rows the picture takes at the top of the scrolling text (blank rows drawn over).
    pub picture_rows: u16,
    pub body: Scrolled,
    /// The links on screen: (link index, its row), for taps.
    pub links: Vec<(usize, Rect)>,
    /// Every row of every link in the text: (link index, row), for scrolling a link into view.
    pub link_rows: Vec<(usize, u16)>,
}

/// The action under a click at (`col`, `row`), if any.
pub fn hit(l: &ScreenLayout, col: u16, row: u16) -> Option<Action> {
    let p = Position::new(col, row);
    l.targets
        .iter()
        .find(|t| t.rect.contains(p))
        .map(|t| t.action)
}
