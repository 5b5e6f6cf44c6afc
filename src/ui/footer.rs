//! The footer: key hints for the current screen, generated from the binding table, each one a
//! tap target too.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::draw::put_str;
use super::geometry::ScreenLayout;
use super::theme::Theme;
use super::wrap::width;
use crate::app::App;
use crate::app::keys::hints;

/// The columns of "key hint".
fn hint_width(key: &str, hint: &str) -> u16 {
    (width(key) + 1 + width(hint)) as u16
}

/// The most rows the footer takes on a screen `height` rows high: one on a short screen, more
/// where there is room, so that on a narrow screen every hint (each one a tap target) still
/// shows.
pub fn max_rows(height: u16) -> u16 {
    match height {
        0..20 => 1,
        20..30 => 2,
        _ => 3,
    }
}

/// The footer at the bottom of `area`, at most `max_rows` high: its height (at least 1) and the
/// whole hints placed in it row after row, as many as fit: (rect, index into `hints`).
/// On a touch screen (`App::target_rows` above 1) each row of hints is that many rows high, so
/// every hint is a target a finger can hit.
pub fn layout(app: &App, area: Rect, max_rows: u16) -> (u16, Vec<(Rect, usize)>) {
    let t = app.target_rows.max(1);
    // Placed once with room for every row, then cut to the rows the footer gets.
    let all = place(app, Rect::new(area.x, 0, area.width, u16::MAX), t);
    let needed = all.last().map_or(1, |(r, _)| r.y + t);
    let h = needed
        .min(max_rows.saturating_mul(t))
        .min(area.height)
        .max(1);
    let top = area.bottom().saturating_sub(h);
    let placed = all
        .into_iter()
        .filter(|(r, _)| r.y + r.height <= h)
        .map(|(r, i)| (Rect { y: top + r.y, ..r }, i))
        .collect();
    (h, placed)
}

fn place(app: &App, area: Rect, t: u16) -> Vec<(Rect, usize)> {
    if app.save.notice(app.overlay).is_some() {
        // The notice takes the footer until the next input; no hint to tap under it.
        return Vec::new();
    }
    let (mut x, mut y) = (area.x + 1, area.y);
    let mut out = Vec::new();
    for (i, (key, hint, _)) in hints(app.context(), app.mode, app.offers_language_switch())
        .iter()
        .enumerate()
    {
        let w = hint_width(key, hint);
        if x + w > area.right() {
            if x == area.x + 1 || y + 1 >= area.bottom() {
                break;
            }
            (x, y) = (area.x + 1, y + t);
            if x + w > area.right() {
                break;
            }
        }
        out.push((Rect::new(x, y, w, t), i));
        x += w + 3;
    }
    out
}

/// Draws the hints into their places, or the notice of a save that worked in their stead.
pub fn render(app: &App, th: &Theme, l: &ScreenLayout, f: &mut Frame) {
    if let Some(notice) = app.save.notice(app.overlay) {
        let r = Rect {
            x: l.footer.x.saturating_add(1),
            width: l.footer.width.saturating_sub(2),
            height: 1,
            ..l.footer
        };
        let line = Line::from(Span::styled(notice.to_string(), th.key()));
        super::draw::put_lines(f, r, [line], Style::default());
        return;
    }
    let all = hints(app.context(), app.mode, app.offers_language_switch());
    for &(r, i) in &l.hints {
        let Some((key, hint, _)) = all.get(i) else {
            continue;
        };
        let Some((buf, r)) = super::draw::styled_area(f, r, Style::default()) else {
            continue;
        };
        let x = put_str(buf, r.x, r.y, r.right(), key, th.key());
        let x = put_str(buf, x, r.y, r.right(), " ", th.quiet());
        put_str(buf, x, r.y, r.right(), hint, th.quiet());
    }
}
