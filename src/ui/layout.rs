//! Every rectangle on screen, computed once from the state and the screen size.
//!
//! Render draws into these rectangles and [`hit`] maps a click to an [`Action`] with them, so a
//! tap always lands on what was drawn. Pure: no drawing, no I/O; safe at any size, even 0x0.
//!
//! Only a dispatcher: each screen lays itself out (`menu::layout`, `outcome::layout`...) with
//! the shapes of [`geometry`](super::geometry), which this module re-exports for the runners and
//! tests; the screens never use this module.

use ratatui::layout::Rect;

pub use super::geometry::{
    Body, ListLayout, MAX_COLUMN, MIN_H, MIN_W, MenuLayout, OutcomeLayout, OverlayLayout, PAD_KEYS,
    Pad, PictureLayout, ReaderLayout, ScreenLayout, Scrolled, Target, centred, inset, scrolled,
    scrolled_touch,
};
use super::menu::MenuTexts;
use super::theme::Theme;
use super::{
    banner, confirm, dialog, footer, help, menu, outcome, question, takehome_view, topic, topics,
    welcome,
};
pub use crate::app::view::hit;
use crate::app::{Action, App, Overlay, Screen};
use crate::i18n::t;

/// The words a layout measured that drawing shows: the banner's, and a menu's. Computing them
/// again to draw them was a tenth of a frame.
#[derive(Debug, Clone, Default)]
pub struct Words {
    pub banner: String,
    pub menu: Option<MenuTexts>,
}

/// Computes the layout of `app` on a screen of `area`.
pub fn layout(app: &App, th: &Theme, area: Rect) -> ScreenLayout {
    laid_out(app, th, area).0
}

/// [`layout`], and the words it measured: in the app's language (`App::lang`), which it tells
/// the interface's catalogue first, so a frame is never drawn in another app's words.
pub fn laid_out(app: &App, th: &Theme, area: Rect) -> (ScreenLayout, Words) {
    crate::i18n::set_lang(app.lang());
    let mut l = ScreenLayout {
        area,
        ..ScreenLayout::default()
    };
    let mut words = Words {
        banner: banner::text(app, area.width, area.height),
        menu: None,
    };
    l.banner = banner::rows(&words.banner, area);
    if area.width < MIN_W || area.height < MIN_H {
        l.too_small = true;
        return (l, words);
    }
    let (footer_h, hints) = footer::layout(app, area, footer::max_rows(area.height));
    l.footer = Rect::new(area.x, area.bottom() - footer_h, area.width, footer_h);
    l.hints = hints;
    // Blank rows around the body only where there is room for them.
    let gap = u16::from(area.height >= 16);
    let top = l.banner.bottom() + gap;
    let width = (area.width - 2).min(MAX_COLUMN);
    let x = area.x + (area.width - width) / 2;
    l.column = Rect::new(x, top, width, l.footer.y.saturating_sub(top + gap));
    match app.screen {
        Screen::Welcome { selected } => {
            let texts = welcome::texts(app);
            l.body = Body::Menu(menu::layout(&texts, selected, l.column, app.target_rows));
            words.menu = Some(texts);
        }
        Screen::Question { selected } => {
            let texts = question::texts(app, th);
            l.body = Body::Menu(menu::layout(&texts, selected, l.column, app.target_rows));
            words.menu = Some(texts);
        }
        Screen::Outcome { scroll, .. } => {
            let (o, max, page) = outcome::layout(app, th, scroll, l.column);
            (l.max_scroll, l.page) = (max, page);
            l.body = Body::Outcome(o);
        }
        Screen::Topics { selected, .. } => {
            l.body = Body::Topics(topics::layout(app, selected, l.column));
        }
        Screen::Topic { topic, scroll, .. } => {
            if let Some(t) = app.tree.topics.get(topic) {
                let (r, max, page) = topic::layout(app, th, t, scroll, l.column);
                (l.max_scroll, l.page) = (max, page);
                l.body = Body::Topic(r);
            }
        }
    }
    l.overlay = match app.overlay {
        Some(Overlay::Help { scroll }) => {
            let frame = centred(l.column, 64, l.column.height);
            let inner = inset(frame);
            let lines = help::lines(app, th, inner.width).len() as u16;
            let (body, max) = scrolled(inner, lines, scroll);
            (l.max_scroll, l.page) = (max, body.text.height);
            Some(OverlayLayout::Help { frame, body })
        }
        Some(Overlay::ConfirmQuit) => Some(confirm::layout(l.column)),
        Some(Overlay::TakeHome) => Some(takehome_view::layout(app, &l)),
        Some(o @ (Overlay::StillThere | Overlay::StaffPin | Overlay::Save)) => {
            Some(dialog::layout(app, o, l.column))
        }
        None => None,
    };
    l.targets = targets(app, &l);
    (l, words)
}

fn targets(app: &App, l: &ScreenLayout) -> Vec<Target> {
    let t = |rect, action| Target { rect, action };
    match l.overlay {
        Some(OverlayLayout::Help { .. }) => return vec![t(l.area, Action::Cancel)],
        Some(OverlayLayout::Confirm { yes, no, .. }) => {
            return vec![t(yes, Action::ConfirmYes), t(no, Action::Cancel)];
        }
        // A kiosk dialog takes every tap itself (the app reads it before any action).
        Some(OverlayLayout::Dialog { .. }) => return vec![t(l.area, Action::Cancel)],
        // A tap anywhere closes the code.
        Some(OverlayLayout::TakeHome { .. }) => return vec![t(l.area, Action::Cancel)],
        None => {}
    }
    let mut out: Vec<Target> = match &l.body {
        Body::Menu(m) => menu_targets(m),
        Body::Outcome(o) => o
            .buttons
            .iter()
            .zip(app.outcome_buttons())
            .map(|(&r, &a)| t(r, a))
            .chain(o.links.iter().map(|&(i, r)| t(r, Action::OpenLink(i))))
            .chain(more_targets(&o.body))
            .collect(),
        Body::Topics(list) => menu_targets(&list.menu),
        Body::Topic(reader) => reader
            .links
            .iter()
            .map(|&(i, r)| t(r, Action::OpenLink(i)))
            .chain(more_targets(&reader.body))
            .collect(),
        Body::Empty => Vec::new(),
    };
    // A footer hint does what its key does, except "Enter choose": a tap on it would choose
    // whatever is highlighted (on the first safety screen, the first red flag). A tap chooses
    // only what it lands on.
    let hints = crate::app::keys::hints(app.context(), app.mode, app.offers_language_switch());
    out.extend(
        l.hints
            .iter()
            .filter_map(|&(r, i)| Some(t(r, hints.get(i)?.2)))
            .filter(|target| target.action != Action::Choose),
    );
    out
}

/// A menu's answers, and its "more above" / "more below" rows: a tap there highlights the
/// nearest hidden answer, which scrolls it into view (a kiosk has no wheel and no keyboard).
fn menu_targets(m: &MenuLayout) -> Vec<Target> {
    let t = |rect, action| Target { rect, action };
    let first = m.options.first().map(|&(i, _)| i);
    let last = m.options.last().map(|&(i, _)| i);
    let mut out: Vec<Target> = m
        .options
        .iter()
        .map(|&(i, r)| t(m.answer_rows(r), Action::Pick(i)))
        .collect();
    if let (Some(r), Some(i)) = (m.more_above, first) {
        out.push(t(r, Action::Select(i.saturating_sub(1))));
    }
    if let (Some(r), Some(i)) = (m.more_below, last) {
        out.push(t(r, Action::Select(i + 1)));
    }
    out
}

/// A scrolling text's indicator row: "more above (↑)" pages up, "more below (↓)" pages down.
/// When it says both, each half of the row does its own.
fn more_targets(s: &Scrolled) -> Vec<Target> {
    let Some(r) = s.indicator else {
        return Vec::new();
    };
    let above = s.scroll > 0;
    let below = s.scroll < s.max;
    match (above, below) {
        (true, true) => {
            let half = t("more-above").chars().count() as u16 + 1;
            let (left, right) = (
                Rect {
                    width: half.min(r.width),
                    ..r
                },
                Rect {
                    x: r.x + half.min(r.width),
                    width: r.width.saturating_sub(half),
                    ..r
                },
            );
            vec![
                Target {
                    rect: left,
                    action: Action::PageUp,
                },
                Target {
                    rect: right,
                    action: Action::PageDown,
                },
            ]
        }
        (true, false) => vec![Target {
            rect: r,
            action: Action::PageUp,
        }],
        _ => vec![Target {
            rect: r,
            action: Action::PageDown,
        }],
    }
}
