//! The help overlay: every key, generated from the binding table so it cannot drift from what
//! the keys do.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};

use super::draw::draw_scrolled;
use super::geometry::Scrolled;
use super::theme::Theme;
use super::wrap::hanging;
use crate::app::keys::{BINDINGS, Context, keys_label};
use crate::app::{Action, App};
use crate::i18n::t;

/// One row per binding of the screen under the overlay, then how to close it; keys, then
/// meaning.
pub fn lines(app: &App, th: &Theme, width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let screen = app.screen_context();
    let shown = BINDINGS.iter().filter(|b| {
        (b.contexts.contains(&screen) || b.contexts == [Context::Help])
            && app.mode.allows(b.action)
            && (b.action != Action::Language || app.offers_language_switch())
    });
    for b in shown {
        let keys = format!("{:<16}", keys_label(b));
        for (i, row) in hanging(&keys, b.help.text(), width).iter().enumerate() {
            let split = if i == 0 { keys.len().min(row.len()) } else { 0 };
            let (k, rest) = row.split_at(split);
            out.push(Line::from(vec![
                Span::styled(k.to_string(), th.key()),
                Span::raw(rest.to_string()),
            ]));
        }
    }
    out.push(Line::default());
    out.extend(
        super::wrap::wrapped(t("help-mouse"), width)
            .iter()
            .map(|r| Line::from(r.clone())),
    );
    out
}

/// Draws the help box over the screen.
pub fn render(app: &App, th: &Theme, frame: ratatui::layout::Rect, body: &Scrolled, f: &mut Frame) {
    f.render_widget(Clear, frame);
    let title = format!(" {} ", t("help-title"));
    f.render_widget(Block::new().borders(Borders::ALL).title(title), frame);
    draw_scrolled(f, body, lines(app, th, body.text.width), th);
}
