//! The drawing primitives every screen shares: filling a rectangle, wrapped text, pre-wrapped
//! rows and lines, a scrolling region with its "more" row. Straight into the frame's buffer, a
//! fraction of the work of ratatui's `Paragraph` (a key's redraw is mostly text).
//!
//! A leaf below the screens and [`render`](mod@super::render), which calls them: nothing here
//! knows a screen.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::geometry::Scrolled;
use super::theme::Theme;
use super::wrap;
use crate::i18n::t;

/// Gives `r` the style `style` (what an empty `Paragraph` in that style draws, without its
/// text machinery).
pub fn fill(f: &mut Frame, r: Rect, style: Style) {
    let buf = f.buffer_mut();
    buf.set_style(r.intersection(buf.area), style);
}

/// Draws `text` wrapped into `r` (rows beyond `r` are cut off, never spilled).
pub fn draw_text(f: &mut Frame, r: Rect, text: &str, style: Style) {
    if r.is_empty() {
        return;
    }
    let rows = wrap::wrapped(text, r.width);
    put_rows(f, r, rows.iter().map(String::as_str), style);
}

/// Draws pre-wrapped rows of plain text into `r` over `style`: [`put_lines`] for lines of one
/// unstyled span each, without building them.
pub fn put_rows<'a>(f: &mut Frame, r: Rect, rows: impl IntoIterator<Item = &'a str>, style: Style) {
    let Some((buf, r)) = styled_area(f, r, style) else {
        return;
    };
    for (y, row) in (r.y..r.bottom()).zip(rows) {
        put_str(buf, r.x, y, r.right(), row, Style::default());
    }
}

/// Draws pre-wrapped lines into `r`, one a row, cut at its right edge and bottom, over `style`:
/// what a `Paragraph` without wrapping draws, for a fraction of the work (a key's redraw is
/// mostly text).
pub fn put_lines<'a>(
    f: &mut Frame,
    r: Rect,
    lines: impl IntoIterator<Item = Line<'a>>,
    style: Style,
) {
    let Some((buf, r)) = styled_area(f, r, style) else {
        return;
    };
    for (y, line) in (r.y..r.bottom()).zip(lines) {
        let mut x = r.x;
        for span in &line.spans {
            if x >= r.right() {
                break;
            }
            let style = line.style.patch(span.style);
            x = put_str(buf, x, y, r.right(), span.content.as_ref(), style);
        }
    }
}

/// The frame's buffer and what of `r` is on it, filled with `style`; `None` if nothing is.
pub fn styled_area<'f>(f: &'f mut Frame, r: Rect, style: Style) -> Option<(&'f mut Buffer, Rect)> {
    let buf = f.buffer_mut();
    let r = r.intersection(buf.area);
    if r.is_empty() {
        return None;
    }
    if style != Style::default() {
        buf.set_style(r, style);
    }
    Some((buf, r))
}

/// Writes `text` in `style` from column `x` of row `y`, cut before column `right`; returns the
/// column after it.
pub fn put_str(buf: &mut Buffer, mut x: u16, y: u16, right: u16, text: &str, style: Style) -> u16 {
    if x >= right {
        return x;
    }
    if text.is_ascii() {
        // Most of the text is ASCII: a cell per byte, without the grapheme segmentation
        // `set_stringn` does (a third of a key's redraw). Controls are skipped, as there.
        for c in text.bytes().filter(|c| !c.is_ascii_control()) {
            if x >= right {
                break;
            }
            buf[(x, y)].set_char(char::from(c)).set_style(style);
            x += 1;
        }
        x
    } else {
        let left = usize::from(right - x);
        buf.set_stringn(x, y, text, left, style).0
    }
}

/// Draws pre-wrapped `lines` into a scrolling region, with its "more" indicator.
pub fn draw_scrolled(f: &mut Frame, s: &Scrolled, lines: Vec<Line<'static>>, th: &Theme) {
    let total = lines.len() as u16;
    let shown = lines
        .into_iter()
        .skip(usize::from(s.scroll))
        .take(usize::from(s.text.height));
    put_lines(f, s.text, shown, Style::default());
    if let Some(r) = s.indicator {
        let below = s.scroll + s.text.height < total;
        let text = match (s.scroll > 0, below) {
            (true, true) => format!("{} · {}", t("more-above"), t("more-below")),
            (true, false) => t("more-above").to_string(),
            _ => t("more-below").to_string(),
        };
        draw_text(f, r, &text, th.quiet());
    }
}
