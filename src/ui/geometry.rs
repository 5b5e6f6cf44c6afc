//! The shapes every screen is laid out in, and the few rules for placing them: a scrolling
//! region with its "more" row, a box centred in the column, a box's inside.
//!
//! A leaf: the screens (`menu`, `outcome`, the dialogs...) take their geometry from here, and
//! [`layout`](mod@super::layout), which calls each screen's own `layout`, takes it from here too,
//! so no screen reaches back into the dispatcher that calls it. The shapes themselves are the
//! app's ([`crate::app::view`]): taps are resolved against them.

use ratatui::layout::Rect;

pub use crate::app::view::{
    Body, ListLayout, MIN_H, MIN_W, MenuLayout, OutcomeLayout, OverlayLayout, PAD_KEYS, Pad,
    PictureLayout, ReaderLayout, ScreenLayout, Scrolled, Target,
};

/// The widest the reading column grows on a large screen.
pub const MAX_COLUMN: u16 = 80;

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
