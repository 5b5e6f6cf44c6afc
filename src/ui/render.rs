//! Drawing a frame: [`render`] and [`render_changed`] lay the app out and call each screen's
//! `render` into its rectangles, then the footer and any overlay.
//!
//! The dispatcher of drawing, as [`layout`](mod@super::layout) is of laying out: it calls the
//! screens; they take their primitives from [`draw`](super::draw) and their shapes from
//! [`geometry`](super::geometry), never from here.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::draw::{draw_text, fill};
use super::geometry::{Body, MIN_H, MIN_W, OverlayLayout, ScreenLayout};
use super::layout::{Words, laid_out};
use super::theme::{self, Theme};
use super::{banner, confirm, dialog, footer, help, menu, outcome, takehome_view, topic, topics};
use crate::app::{App, Overlay, Screen};
use crate::i18n::t_args;

/// Draws the whole app into the frame, and returns the layout it drew: what the runner hands to
/// `App::update` with the next input, so a tap lands on what was drawn. With ASCII symbols (the
/// Linux console) every cell is ASCII.
pub fn render(app: &App, th: &Theme, f: &mut Frame) -> ScreenLayout {
    render_changed(app, th, None, f).0.layout
}

/// What a frame was drawn from: its layout, its words and its screen.
#[derive(Debug, Clone)]
pub struct Drawn {
    pub layout: ScreenLayout,
    words: Words,
    screen: Screen,
    /// Whether the answers were drawn dimmed (`App::settling`).
    settling: bool,
}

/// Draws the app into a blank frame, like [`render`], but where the frame on screen was drawn
/// from `last` and only the highlighted answer of the same menu moved (a key's most common
/// change: Up or Down on a question), draws only the rows of the answers and returns them: the
/// rest of the frame on screen is what this frame would draw there. `None`: the whole frame
/// was drawn. Returns what this frame was drawn from, to hand back next time.
pub fn render_changed(
    app: &App,
    th: &Theme,
    last: Option<&Drawn>,
    f: &mut Frame,
) -> (Drawn, Option<std::ops::Range<u16>>) {
    let (l, words) = laid_out(app, th, f.area());
    let rows = last.and_then(|last| answers_moved(last, app, &l, &words));
    match (&rows, &l.body, highlighted(app.screen), &words.menu) {
        (Some(_), Body::Menu(m), Some(selected), Some(t)) => {
            menu::render_answers(th, t, (selected, app.settling()), m, rows.clone(), f);
        }
        _ => draw_all(app, th, &l, &words, f),
    }
    if th.symbols == theme::Symbols::Ascii {
        theme::ascii_only(f.buffer_mut());
    }
    let drawn = Drawn {
        layout: l,
        words,
        screen: app.screen,
        settling: app.settling(),
    };
    (drawn, rows)
}

/// The highlighted answer of a menu screen (the welcome screen or a question).
fn highlighted(screen: Screen) -> Option<usize> {
    match screen {
        Screen::Welcome { selected } | Screen::Question { selected } => Some(selected),
        _ => None,
    }
}

/// The rows of a menu's answers, old and new, when they are all that changed from `last`: the
/// same kind of menu, the same words, every other rectangle the same, no overlay.
fn answers_moved(
    last: &Drawn,
    app: &App,
    l: &ScreenLayout,
    words: &Words,
) -> Option<std::ops::Range<u16>> {
    let same_screen = std::mem::discriminant(&last.screen) == std::mem::discriminant(&app.screen);
    let (was, is) = (highlighted(last.screen)?, highlighted(app.screen)?);
    if !same_screen
        || last.settling != app.settling()
        || app.overlay.is_some()
        || l.overlay.is_some()
        || l.too_small
    {
        return None;
    }
    let (Body::Menu(old), Body::Menu(new)) = (&last.layout.body, &l.body) else {
        return None;
    };
    if last.words.banner != words.banner || last.words.menu != words.menu {
        return None;
    }
    // Everything but the answers' places (and the tap targets made from them) as drawn last.
    let mut rest = l.clone();
    rest.targets.clone_from(&last.layout.targets);
    if let Body::Menu(m) = &mut rest.body {
        m.options.clone_from(&old.options);
        m.more_above = old.more_above;
        m.more_below = old.more_below;
    }
    if rest != last.layout {
        return None;
    }
    if old.options == new.options
        && old.more_above == new.more_above
        && old.more_below == new.more_below
    {
        // Nothing scrolled: only the answer that was highlighted and the one that is.
        let place = |i| new.options.iter().find(|&&(j, _)| j == i).map(|&(_, r)| r);
        let (a, b) = (place(was)?, place(is)?);
        return Some(a.y.min(b.y)..a.bottom().max(b.bottom()));
    }
    let rects = || {
        let places = old.options.iter().chain(&new.options).map(|&(_, r)| r);
        let more = [
            old.more_above,
            old.more_below,
            new.more_above,
            new.more_below,
        ];
        places.chain(more.into_iter().flatten())
    };
    let top = rects().map(|r| r.y).min()?;
    let bottom = rects().map(|r| r.bottom()).max()?;
    Some(top..bottom)
}

fn draw_all(app: &App, th: &Theme, l: &ScreenLayout, words: &Words, f: &mut Frame) {
    banner::render(th, l, &words.banner, f);
    if app.overlay == Some(Overlay::StillThere) {
        // Nothing of the person's answers shows around "Still there?": the next person may be
        // the one reading it.
        if let Some(d @ OverlayLayout::Dialog { .. }) = &l.overlay {
            dialog::render(app, th, d, f);
        }
        return;
    }
    if l.too_small {
        render_too_small(th, l, f);
        return;
    }
    match (&l.body, highlighted(app.screen), &words.menu) {
        (Body::Menu(m), Some(selected), Some(t)) => {
            menu::render(th, t, selected, m, app.settling(), f);
        }
        (Body::Outcome(o), _, _) => outcome::render(app, th, o, f),
        (Body::Topics(list), _, _) => topics::render(app, th, list, f),
        (Body::Topic(reader), _, _) => topic::render(app, th, reader, f),
        _ => {}
    }
    footer::render(app, th, l, f);
    match &l.overlay {
        Some(OverlayLayout::Help { frame, body }) => help::render(app, th, *frame, body, f),
        Some(c @ OverlayLayout::Confirm { .. }) => confirm::render(th, c, f),
        Some(d @ OverlayLayout::Dialog { .. }) => dialog::render(app, th, d, f),
        Some(q @ OverlayLayout::TakeHome { .. }) => takehome_view::render(app, th, q, f),
        None => {}
    }
}

fn render_too_small(th: &Theme, l: &ScreenLayout, f: &mut Frame) {
    let a = l.area;
    let rest = Rect {
        y: l.banner.bottom(),
        height: a.height - l.banner.height,
        ..a
    };
    let text = t_args(
        "too-small",
        &[
            ("need", format!("{MIN_W}x{MIN_H}").into()),
            ("now", format!("{}x{}", a.width, a.height).into()),
        ],
    );
    fill(f, rest, th.heading());
    draw_text(f, rest, &text, th.heading());
}
