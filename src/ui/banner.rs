//! The emergency banner: its words for the screen's size (the full line, else the shortest
//! wording that fits, down to the number's digits), its rows, and drawing it.
//!
//! A leaf: [`layout`](mod@super::layout) measures it and [`render`](mod@super::render) draws it.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::draw::{draw_text, fill};
use super::geometry::ScreenLayout;
use super::theme::Theme;
use super::wrap;
use crate::app::App;

/// The banner's margin each side: one column, except on a screen too narrow to spare it.
pub fn margin(width: u16) -> u16 {
    u16::from(width >= 12)
}

/// The emergency banner's words for a screen `width` x `height`, filled with the clinic's
/// numbers: the full line (emergency number and clinic phone) if it fits in two rows, or in four
/// on a screen of 16 rows or more; else the shortest wording that fits the rows there are — down
/// to the emergency number's digits alone, of which a 1x1 screen still shows the first.
pub fn text(app: &App, width: u16, height: u16) -> String {
    let text_w = width.saturating_sub(2 * margin(width));
    let fits = |t: &str, rows: u16| wrap::wrapped(t, text_w).len() <= usize::from(rows.max(1));
    let line = crate::words::EmergencyLine::of(&app.config.clinic);
    let full = app.config.fill(&line.text()).into_owned();
    if fits(&full, height.min(2)) || (height >= 16 && fits(&full, 4)) {
        return full;
    }
    let number = line.number();
    line.shorter()
        .into_iter()
        .map(|t| app.config.fill(&t).into_owned())
        .find(|t| fits(t, height.min(4)))
        .unwrap_or_else(|| dialled_cut(number, text_w))
}

/// What is dialled of `number` (from its `+` or first digit to its last digit: "+44 20 7946 0000"
/// of "+44 20 7946 0000", "999, 112 or 911" of the default wording), on one row of `width`
/// columns: whole if it fits (or the first of several numbers), else cut with a visible mark ("+44 20 79…"), never silently, so
/// nobody dials a number that lost its end. The `+` is always kept: a number without its country
/// prefix is another number. A single cell shows the first character alone (the `+`, or the
/// first digit).
pub fn dialled_cut(number: &str, width: u16) -> String {
    let dialled = number
        .find(|c: char| c.is_ascii_digit() || c == '+')
        .zip(number.rfind(|c: char| c.is_ascii_digit()))
        .filter(|(a, b)| a <= b)
        .map_or(number, |(a, b)| &number[a..=b]);
    let width = usize::from(width.max(1));
    // The default wording names several numbers ("999, 112 or 911"): the first is whole on its
    // own (a clinic's own number has no comma: the config refuses one).
    let first = dialled.split(',').next().unwrap_or(dialled);
    if let Some(whole) = [dialled, first]
        .into_iter()
        .find(|t| t.chars().count() <= width)
    {
        return whole.to_string();
    }
    let dialled = first;
    if width == 1 {
        return dialled.chars().take(1).collect();
    }
    let kept: String = dialled.chars().take(width - 1).collect();
    format!("{}…", kept.trim_end())
}

/// The emergency banner's rows at the top of `area`, for its words `text`. It is never squeezed
/// out: on any screen with a row, the emergency number shows.
pub fn rows(text: &str, area: Rect) -> Rect {
    let width = area.width.saturating_sub(2 * margin(area.width));
    let rows = wrap::wrapped(text, width).len();
    let h = (rows as u16).clamp(1, 4).min(area.height);
    Rect::new(area.x, area.y, area.width, h)
}

/// Draws the banner into its rows of `l`, in the banner style, with its margin each side.
pub fn render(th: &Theme, l: &ScreenLayout, text: &str, f: &mut Frame) {
    let r = l.banner;
    let style = th.banner();
    let margin = margin(r.width);
    let inner = Rect {
        x: r.x.saturating_add(margin),
        width: r.width.saturating_sub(2 * margin),
        ..r
    };
    fill(f, r, style);
    draw_text(f, inner, text, style);
}
