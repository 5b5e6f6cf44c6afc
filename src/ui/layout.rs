//! Every rectangle on screen, computed once from the state and the screen size.
//!
//! Render draws into these rectangles and [`hit`] maps a click to an [`Action`] with them, so a
//! tap always lands on what was drawn. Pure: no drawing, no I/O; safe at any size, even 0x0.

use ratatui::layout::Rect;

use super::menu::MenuTexts;
use super::theme::Theme;
use super::{confirm, footer, help, menu, outcome, topic, topics, wrap};
pub use crate::app::view::{
    Body, ListLayout, MenuLayout, OutcomeLayout, OverlayLayout, PAD_KEYS, Pad, PictureLayout,
    ReaderLayout, ScreenLayout, Scrolled, Target, hit,
};
use crate::app::{Action, App, Overlay, Screen};

pub use crate::app::view::{MIN_H, MIN_W};
/// The widest the reading column grows on a large screen.
pub const MAX_COLUMN: u16 = 80;

/// The emergency banner's rows at the top of `area`, for its words `text`. It is never squeezed
/// out: on any screen with a row, the emergency number shows.
fn banner_rows(text: &str, area: Rect) -> Rect {
    let width = area
        .width
        .saturating_sub(2 * super::banner_margin(area.width));
    let rows = wrap::wrapped(text, width).len();
    let h = (rows as u16).clamp(1, 4).min(area.height);
    Rect::new(area.x, area.y, area.width, h)
}

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

/// [`layout`], and the words it measured.
pub fn laid_out(app: &App, th: &Theme, area: Rect) -> (ScreenLayout, Words) {
    let mut l = ScreenLayout {
        area,
        ..ScreenLayout::default()
    };
    let mut words = Words {
        banner: super::banner_text(app, area.width, area.height),
        menu: None,
    };
    l.banner = banner_rows(&words.banner, area);
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
            let texts = super::welcome::texts(app);
            l.body = Body::Menu(menu::layout(&texts, selected, l.column, app.target_rows));
            words.menu = Some(texts);
        }
        Screen::Question { selected } => {
            let texts = super::question::texts(app, th);
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
        Some(Overlay::TakeHome) => Some(super::takehome_view::layout(app, &l)),
        Some(o @ (Overlay::StillThere | Overlay::StaffPin | Overlay::Save)) => {
            Some(super::kiosk::layout(app, o, l.column))
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
    let hints = crate::app::keys::hints(app.context(), app.mode);
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
            let half = super::strings::MORE_ABOVE.chars().count() as u16 + 1;
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

/// A scrolling region of `lines` rows in `area`, with an indicator row when it overflows.
pub fn scrolled(area: Rect, lines: u16, scroll: u16) -> (Scrolled, u16) {
    scrolled_touch(area, lines, scroll, 1)
}

/// [`scrolled`] with an indicator `touch` rows high, a tap target for a finger.
pub fn scrolled_touch(area: Rect, lines: u16, scroll: u16, touch: u16) -> (Scrolled, u16) {
    let touch = touch.max(1);
    if lines <= area.height {
        let text = Rect {
            height: lines,
            ..area
        };
        return (
            Scrolled {
                text,
                scroll: 0,
                max: 0,
                indicator: None,
            },
            0,
        );
    }
    let text = Rect {
        height: area.height.saturating_sub(touch),
        ..area
    };
    let indicator = Rect {
        y: text.bottom(),
        height: area.height.min(touch),
        ..area
    };
    let max = lines.saturating_sub(text.height);
    let s = Scrolled {
        text,
        scroll: scroll.min(max),
        max,
        indicator: Some(indicator),
    };
    (s, max)
}

/// A box of at most `w` x `h` centred in `area`.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The inside of a bordered box with one column of padding.
pub fn inset(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(2),
        r.y.saturating_add(1),
        r.width.saturating_sub(4),
        r.height.saturating_sub(2),
    )
}
