//! The footer: key hints for the current screen, generated from the binding table, each one a
//! tap target too.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::layout::ScreenLayout;
use crate::app::App;
use crate::app::keys::hints;

fn hint_text(key: &str, hint: &str) -> String {
    format!("{key} {hint}")
}

/// Places as many whole hints as fit in `row`: (rect, index into `hints`).
pub fn layout(app: &App, row: Rect) -> Vec<(Rect, usize)> {
    let mut x = row.x + 1;
    let mut out = Vec::new();
    for (i, (key, hint, _)) in hints(app.context(), app.mode).iter().enumerate() {
        let w = hint_text(key, hint).width() as u16;
        if x + w > row.right() {
            break;
        }
        out.push((Rect::new(x, row.y, w, 1), i));
        x += w + 3;
    }
    out
}

/// Draws the hints into their places.
pub fn render(app: &App, l: &ScreenLayout, f: &mut Frame) {
    let th = &app.theme;
    let all = hints(app.context(), app.mode);
    for &(r, i) in &l.hints {
        let Some((key, hint, _)) = all.get(i) else {
            continue;
        };
        let line = Line::from(vec![
            Span::styled(key.clone(), th.key()),
            Span::styled(format!(" {hint}"), th.quiet()),
        ]);
        f.render_widget(Paragraph::new(line), r);
    }
}
