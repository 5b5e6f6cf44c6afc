//! The quit dialog shown when quitting would lose a symptom check under way.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::draw::draw_text;
use super::geometry::{OverlayLayout, centred, inset};
use super::theme::Theme;
use super::wrap::wrapped;
use crate::i18n::t;

/// The dialog box, its text and its two buttons, centred in `col`.
pub fn layout(col: Rect) -> OverlayLayout {
    let w = col.width.min(50);
    let text_h = wrapped(t("quit-text"), w.saturating_sub(4)).len() as u16;
    let yes_w = t("quit-yes").width() as u16 + 2;
    let no_w = t("quit-no").width() as u16 + 2;
    let two_rows = yes_w + 2 + no_w > w.saturating_sub(4);
    let h = text_h + 3 + u16::from(two_rows) + 1;
    let frame = centred(col, w, h);
    let inner = inset(frame);
    let text = Rect {
        height: text_h.min(inner.height),
        ..inner
    };
    let y = text.bottom() + 1;
    let yes = Rect::new(inner.x, y, yes_w.min(inner.width), 1);
    let no = if two_rows {
        Rect::new(inner.x, y + 1, no_w.min(inner.width), 1)
    } else {
        Rect::new(inner.x + yes_w + 2, y, no_w, 1)
    };
    OverlayLayout::Confirm {
        frame,
        text,
        yes,
        no,
    }
}

/// Draws the dialog.
pub fn render(th: &Theme, l: &OverlayLayout, f: &mut Frame) {
    let OverlayLayout::Confirm {
        frame,
        text,
        yes,
        no,
    } = *l
    else {
        return;
    };
    f.render_widget(Clear, frame);
    let title = format!(" {} ", t("quit-title"));
    f.render_widget(Block::new().borders(Borders::ALL).title(title), frame);
    draw_text(f, text, t("quit-text"), th.heading());
    let yes_label = format!(" {} ", t("quit-yes"));
    let no_label = format!(" {} ", t("quit-no"));
    f.render_widget(Paragraph::new(yes_label).style(th.selected()), yes);
    f.render_widget(Paragraph::new(no_label).style(th.button()), no);
}
