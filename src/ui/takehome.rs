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
use crate::config::DEFAULT_PHONE;

/// Modules of light margin around the code; readers want some, and 2 is enough on a screen.
pub const QUIET: usize = 2;

/// The summary to put in the code, at most `budget` bytes: the overall level, each result (most
/// urgent first) with its first "Do this now", the clinic's phone and the emergency number.
pub fn text(app: &App, budget: usize) -> String {
    let fill = |s: &str| app.config.fill(s).into_owned();
    let c = &app.config.clinic;
    let mut tail = Vec::new();
    if c.phone != DEFAULT_PHONE {
        tail.push(format!("Clinic: {}", c.phone));
    }
    tail.push(format!("Emergency: {}", c.emergency));
    let tail = tail.join("\n");
    let mut out = String::from("After your massage");
    if let Some(level) = app.session.overall(&app.tree) {
        out.push_str(&format!("\nOverall: {}", level.word()));
    }
    let mut results: Vec<_> = app
        .session
        .distinct_results()
        .into_iter()
        .filter_map(|o| app.tree.outcomes.get(o))
        .collect();
    results.sort_by_key(|o| std::cmp::Reverse(o.level));
    for o in results {
        let mut piece = format!("\n- {}", fill(&o.title));
        if let Some(now) = o.now.first() {
            piece.push_str(&format!("\n  Now: {}", fill(now)));
        }
        if out.len() + piece.len() + tail.len() + 1 > budget {
            break;
        }
        out.push_str(&piece);
    }
    out.push('\n');
    out.push_str(&tail);
    out
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
