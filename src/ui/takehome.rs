//! "Take this with you": the session's summary as a QR code a phone camera reads offline. The
//! text is in the code itself; nothing is sent anywhere and nothing is saved.
//!
//! The code is drawn with half blocks (two modules per cell, dark modules as black on white with
//! a quiet zone), so a version-5 code fits an 80x24 screen. When the window is too small even for
//! the shortest summary, the dialog says so instead of drawing a code that cannot be read.

use qrcode::{Color as Module, EcLevel, QrCode};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::words;

/// Modules of light margin around the code; readers want some, and 2 is enough on a screen.
pub const QUIET: usize = 2;

/// The summary to put in the code, at most `budget` bytes; see [`words::summary_code`].
pub fn text(app: &App, budget: usize) -> String {
    words::summary_code(&app.tree, &app.config, &app.session, budget)
}

/// The code's modules (true = dark) and its width, or `None` if the text is too long for any code.
pub fn modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    let w = code.width();
    Some((
        w,
        code.to_colors()
            .into_iter()
            .map(|c| c == Module::Dark)
            .collect(),
    ))
}

/// Columns and rows the code needs on screen, quiet zone included.
pub fn size(width: usize) -> (u16, u16) {
    let side = width + 2 * QUIET;
    (side as u16, side.div_ceil(2) as u16)
}

/// The longest summary whose code fits in `cols` x `rows`, with its modules.
pub fn fitting(app: &App, cols: u16, rows: u16) -> Option<(String, usize, Vec<bool>)> {
    [600, 400, 250, 160, 100].into_iter().find_map(|budget| {
        let t = text(app, budget);
        let (w, m) = modules(&t)?;
        let (c, r) = size(w);
        (c <= cols && r <= rows).then_some((t, w, m))
    })
}

/// The code as lines of half blocks: black modules on white, whatever the theme, because phone
/// cameras expect dark on light.
pub fn lines(width: usize, dark: &[bool]) -> Vec<Line<'static>> {
    let side = width + 2 * QUIET;
    let at = |x: usize, y: usize| -> bool {
        let (x, y) = (x.wrapping_sub(QUIET), y.wrapping_sub(QUIET));
        x < width && y < width && dark[y * width + x]
    };
    let style = Style::new().fg(Color::Black).bg(Color::White);
    (0..side.div_ceil(2))
        .map(|row| {
            let s: String = (0..side)
                .map(|x| match (at(x, 2 * row), at(x, 2 * row + 1)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                })
                .collect();
            Line::from(Span::styled(s, style))
        })
        .collect()
}
