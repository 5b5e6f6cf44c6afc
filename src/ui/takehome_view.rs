//! Where the take-home QR code goes on screen and how it is drawn: the code on the left of the
//! space under the banner, the explanation beside it (or below it on a narrow screen).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Paragraph};

use super::draw::draw_text;
use super::geometry::{OverlayLayout, ScreenLayout};
use super::takehome;
use super::theme::Theme;
use crate::app::App;
use crate::i18n::t;

/// The words shown with the code (or instead of it when it cannot fit).
fn words(fits: bool) -> String {
    let body = if fits {
        t("take-home-text")
    } else {
        t("take-home-too-small")
    };
    format!("{}\n\n{body}", t("take-home-title"))
}

/// Everything under the banner is the dialog; the code takes the rows it needs.
pub fn layout(app: &App, l: &ScreenLayout) -> OverlayLayout {
    let a = l.area;
    let frame = Rect::new(
        a.x,
        l.banner.bottom(),
        a.width,
        a.bottom().saturating_sub(l.banner.bottom()),
    );
    // Beside: the code and at least 24 columns of words. Below: the code and 4 rows of words.
    let beside = takehome::fitting(app, frame.width.saturating_sub(26), frame.height);
    let below = takehome::fitting(app, frame.width, frame.height.saturating_sub(5));
    let code = |w: usize| takehome::size(w);
    match (beside, below) {
        (Some((_, w, _)), _) => {
            let (cw, ch) = code(w);
            let c = Rect::new(frame.x + 1, frame.y, cw, ch);
            let text = Rect::new(
                c.right() + 2,
                frame.y + 1,
                frame.right().saturating_sub(c.right() + 3),
                frame.height.saturating_sub(1),
            );
            OverlayLayout::TakeHome {
                frame,
                code: Some(c),
                text,
            }
        }
        (None, Some((_, w, _))) => {
            let (cw, ch) = code(w);
            let c = Rect::new(
                frame.x + (frame.width.saturating_sub(cw)) / 2,
                frame.y,
                cw,
                ch,
            );
            let text = Rect::new(
                frame.x + 1,
                c.bottom() + 1,
                frame.width.saturating_sub(2),
                frame.bottom().saturating_sub(c.bottom() + 1),
            );
            OverlayLayout::TakeHome {
                frame,
                code: Some(c),
                text,
            }
        }
        (None, None) => OverlayLayout::TakeHome {
            frame,
            code: None,
            text: Rect {
                x: frame.x + 1,
                width: frame.width.saturating_sub(2),
                ..frame
            },
        },
    }
}

/// Draws the code and its words.
pub fn render(app: &App, th: &Theme, l: &OverlayLayout, f: &mut Frame) {
    let OverlayLayout::TakeHome { frame, code, text } = *l else {
        return;
    };
    f.render_widget(Clear, frame);
    if let Some(c) = code
        && let Some((_, w, dark)) = takehome::fitting(app, c.width, c.height)
    {
        f.render_widget(Paragraph::new(takehome::lines(w, &dark)), c);
    }
    let mut y = text.y;
    for para in words(code.is_some()).split('\n') {
        let rows = super::wrap::wrapped(para, text.width).len().max(1) as u16;
        let r = Rect::new(text.x, y, text.width, rows).intersection(text);
        draw_text(f, r, para, th.heading());
        y += rows;
    }
}
