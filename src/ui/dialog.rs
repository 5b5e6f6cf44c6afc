//! Small dialogs that read keys themselves: the kiosk's "Still there?" countdown and staff PIN,
//! and the "save your results" file name. Each is a box with text and one button; the whole
//! screen is a tap target while one is open. The staff PIN dialog also has a pad of keys to tap,
//! for a kiosk with no keyboard (a tablet in a browser).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::draw::draw_text;
use super::geometry::{OverlayLayout, PAD_KEYS, Pad, centred, inset};
use super::theme::Theme;
use super::wrap::wrapped;
use crate::app::{App, Overlay};
use crate::i18n::{t, t_args};

/// The dialog's title, text and button words for the open overlay.
pub fn words(app: &App, overlay: Overlay) -> (&'static str, String, &'static str) {
    match overlay {
        Overlay::StaffPin => {
            let k = app.kiosk.as_ref();
            let dots = "•".repeat(k.map_or(0, |k| k.pin_entry.chars().count()));
            let mut text = format!("{}\n\n{} {dots}", t("staff-text"), t("staff-pin"));
            if let Some(m) = k.and_then(|k| k.pin_message.as_deref()) {
                text.push_str("\n\n");
                text.push_str(m);
            }
            (t("staff-title"), text, t("dialog-cancel"))
        }
        Overlay::Save => {
            let mut text = format!("{}\n\n> {}_", t("save-text"), app.save.path);
            if let Some(m) = &app.save.message {
                text.push_str("\n\n");
                text.push_str(m);
            }
            (t("save-title"), text, t("dialog-cancel"))
        }
        _ => {
            let n = app.countdown_left().unwrap_or(0);
            let text = t_args("still-there-text", &[("n", n.into())]);
            (t("still-there-title"), text, t("still-there-button"))
        }
    }
}

/// A pad key's width, and the pad's rows: four rows of keys `t` rows high (see
/// `App::target_rows`) with a blank row between.
const KEY_W: u16 = 7;
const fn pad_h(t: u16) -> u16 {
    4 * t + 3
}
const PAD_W: u16 = 3 * KEY_W + 2 * 2;

/// Places the dialog centred in `col`. The staff PIN dialog in a kiosk gets its pad when the
/// screen has room for it (a screen too small for it still takes the keyboard).
pub fn layout(app: &App, overlay: Overlay, col: Rect) -> OverlayLayout {
    let (_, text, button) = words(app, overlay);
    let w = col.width.min(56);
    let text_h: u16 = text
        .split('\n')
        .map(|p| wrapped(p, w.saturating_sub(4)).len().max(1) as u16)
        .sum();
    let t = app.target_rows.max(1);
    let with_pad = overlay == Overlay::StaffPin
        && app.kiosk.is_some()
        && text_h + 4 + pad_h(t) < col.height
        && w >= PAD_W + 4;
    let pad_h = if with_pad { pad_h(t) + 1 } else { 0 };
    let h = (text_h + 3 + t + pad_h).min(col.height);
    let frame = centred(col, w, h);
    let inner = inset(frame);
    let text_r = Rect {
        height: text_h.min(inner.height.saturating_sub(2)),
        ..inner
    };
    let pad = with_pad.then(|| {
        let top = text_r.bottom() + 1;
        let mut keys = [Rect::default(); 12];
        for (i, r) in keys.iter_mut().enumerate() {
            let (row, column) = (i as u16 / 3, i as u16 % 3);
            *r = Rect::new(
                inner.x + column * (KEY_W + 2),
                top + row * (t + 1),
                KEY_W,
                t,
            );
        }
        Pad { keys }
    });
    let bw = (button.width() as u16 + 2).min(inner.width);
    let button_r = Rect::new(inner.x, text_r.bottom() + 1 + pad_h, bw, t).intersection(inner);
    OverlayLayout::Dialog {
        frame,
        text: text_r,
        button: button_r,
        pad,
    }
}

/// Draws the dialog.
pub fn render(app: &App, th: &Theme, l: &OverlayLayout, f: &mut Frame) {
    let (
        OverlayLayout::Dialog {
            frame,
            text,
            button,
            pad,
        },
        Some(overlay),
    ) = (*l, app.overlay)
    else {
        return;
    };
    let (title, body, label) = words(app, overlay);
    f.render_widget(Clear, frame);
    f.render_widget(
        Block::new()
            .borders(Borders::ALL)
            .title(format!(" {title} ")),
        frame,
    );
    let mut y = text.y;
    for para in body.split('\n') {
        let rows = wrapped(para, text.width).len().max(1) as u16;
        let r = Rect::new(text.x, y, text.width, rows).intersection(text);
        draw_text(f, r, para, th.heading());
        y += rows;
    }
    if let Some(pad) = pad {
        for (r, (label, _)) in pad.keys.iter().zip(PAD_KEYS) {
            let pad_left = (r.width as usize).saturating_sub(label.width()) / 2;
            let face = format!("{}{label}", " ".repeat(pad_left));
            f.render_widget(Paragraph::new(face).style(th.selected()), *r);
        }
    }
    f.render_widget(
        Paragraph::new(format!(" {label} ")).style(th.selected()),
        button,
    );
}
