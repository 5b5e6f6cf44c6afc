//! Drawing: `render(&App, &mut Frame)` and the layout it draws into.
//!
//! Render only reads the state; every rectangle comes from [`layout()`], which click handling
//! uses too. One module per screen; colours and symbols in [`theme`], fixed words in
//! [`strings`]. No terminal library here, only ratatui's buffer types.

pub mod confirm;
pub mod driven;
pub mod footer;
pub mod help;
pub mod kiosk;
pub mod layout;
pub mod menu;
pub mod outcome;
pub mod picture;
pub mod question;
pub mod reader;
pub mod semantic;
pub mod strings;
pub mod summary;
pub mod takehome;
pub mod takehome_view;
pub mod theme;
pub mod topic;
pub mod topics;
pub mod welcome;
pub mod wrap;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

pub use driven::Ui;
pub use layout::{ScreenLayout, hit, layout};

use crate::app::{App, Overlay, Screen};
use layout::{Body, OverlayLayout, Scrolled};
use theme::Theme;

/// The banner's margin each side: one column, except on a screen too narrow to spare it.
pub fn banner_margin(width: u16) -> u16 {
    u16::from(width >= 12)
}

/// The emergency banner's words for a screen `width` x `height`, filled with the clinic's
/// numbers: the full line (emergency number and clinic phone) if it fits in two rows, or in four
/// on a screen of 16 rows or more; else the shortest wording that fits the rows there are — down
/// to the emergency number's digits alone, of which a 1x1 screen still shows the first.
pub fn banner_text(app: &App, width: u16, height: u16) -> String {
    let text_w = width.saturating_sub(2 * banner_margin(width));
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

/// Draws the whole app into the frame, and returns the layout it drew: what the runner hands to
/// `App::update` with the next input, so a tap lands on what was drawn. With ASCII symbols (the
/// Linux console) every cell is ASCII.
pub fn render(app: &App, th: &Theme, f: &mut Frame) -> ScreenLayout {
    render_changed(app, th, None, f).0.layout
}

/// What a frame was drawn from: its layout, its words and its screen.
#[derive(Debug, Clone)]
pub struct Drawn {
    pub layout: ScreenLayout,
    words: layout::Words,
    screen: Screen,
    /// Whether the answers were drawn dimmed (`App::settling`).
    settling: bool,
}

/// Draws the app into a blank frame, like [`render`], but where the frame on screen was drawn
/// from `last` and only the highlighted answer of the same menu moved (a key's most common
/// change: Up or Down on a question), draws only the rows of the answers and returns them: the
/// rest of the frame on screen is what this frame would draw there. `None`: the whole frame
/// was drawn. Returns what this frame was drawn from, to hand back next time.
pub fn render_changed(
    app: &App,
    th: &Theme,
    last: Option<&Drawn>,
    f: &mut Frame,
) -> (Drawn, Option<std::ops::Range<u16>>) {
    let (l, words) = layout::laid_out(app, th, f.area());
    let rows = last.and_then(|last| answers_moved(last, app, &l, &words));
    match (&rows, &l.body, highlighted(app.screen), &words.menu) {
        (Some(_), Body::Menu(m), Some(selected), Some(t)) => {
            menu::render_answers(th, t, (selected, app.settling()), m, rows.clone(), f);
        }
        _ => draw_all(app, th, &l, &words, f),
    }
    if th.symbols == theme::Symbols::Ascii {
        theme::ascii_only(f.buffer_mut());
    }
    let drawn = Drawn {
        layout: l,
        words,
        screen: app.screen,
        settling: app.settling(),
    };
    (drawn, rows)
}

/// The highlighted answer of a menu screen (the welcome screen or a question).
fn highlighted(screen: Screen) -> Option<usize> {
    match screen {
        Screen::Welcome { selected } | Screen::Question { selected } => Some(selected),
        _ => None,
    }
}

/// The rows of a menu's answers, old and new, when they are all that changed from `last`: the
/// same kind of menu, the same words, every other rectangle the same, no overlay.
fn answers_moved(
    last: &Drawn,
    app: &App,
    l: &ScreenLayout,
    words: &layout::Words,
) -> Option<std::ops::Range<u16>> {
    let same_screen = std::mem::discriminant(&last.screen) == std::mem::discriminant(&app.screen);
    let (was, is) = (highlighted(last.screen)?, highlighted(app.screen)?);
    if !same_screen
        || last.settling != app.settling()
        || app.overlay.is_some()
        || l.overlay.is_some()
        || l.too_small
    {
        return None;
    }
    let (Body::Menu(old), Body::Menu(new)) = (&last.layout.body, &l.body) else {
        return None;
    };
    if last.words.banner != words.banner || last.words.menu != words.menu {
        return None;
    }
    // Everything but the answers' places (and the tap targets made from them) as drawn last.
    let mut rest = l.clone();
    rest.targets.clone_from(&last.layout.targets);
    if let Body::Menu(m) = &mut rest.body {
        m.options.clone_from(&old.options);
        m.more_above = old.more_above;
        m.more_below = old.more_below;
    }
    if rest != last.layout {
        return None;
    }
    if old.options == new.options
        && old.more_above == new.more_above
        && old.more_below == new.more_below
    {
        // Nothing scrolled: only the answer that was highlighted and the one that is.
        let place = |i| new.options.iter().find(|&&(j, _)| j == i).map(|&(_, r)| r);
        let (a, b) = (place(was)?, place(is)?);
        return Some(a.y.min(b.y)..a.bottom().max(b.bottom()));
    }
    let rects = || {
        let places = old.options.iter().chain(&new.options).map(|&(_, r)| r);
        let more = [
            old.more_above,
            old.more_below,
            new.more_above,
            new.more_below,
        ];
        places.chain(more.into_iter().flatten())
    };
    let top = rects().map(|r| r.y).min()?;
    let bottom = rects().map(|r| r.bottom()).max()?;
    Some(top..bottom)
}

fn draw_all(app: &App, th: &Theme, l: &ScreenLayout, words: &layout::Words, f: &mut Frame) {
    render_banner(th, l, &words.banner, f);
    if app.overlay == Some(Overlay::StillThere) {
        // Nothing of the person's answers shows around "Still there?": the next person may be
        // the one reading it.
        if let Some(d @ OverlayLayout::Dialog { .. }) = &l.overlay {
            kiosk::render(app, th, d, f);
        }
        return;
    }
    if l.too_small {
        render_too_small(th, l, f);
        return;
    }
    match (&l.body, highlighted(app.screen), &words.menu) {
        (Body::Menu(m), Some(selected), Some(t)) => {
            menu::render(th, t, selected, m, app.settling(), f);
        }
        (Body::Outcome(o), _, _) => outcome::render(app, th, o, f),
        (Body::Topics(list), _, _) => topics::render(app, th, list, f),
        (Body::Topic(reader), _, _) => topic::render(app, th, reader, f),
        _ => {}
    }
    footer::render(app, th, l, f);
    match &l.overlay {
        Some(OverlayLayout::Help { frame, body }) => help::render(app, th, *frame, body, f),
        Some(c @ OverlayLayout::Confirm { .. }) => confirm::render(th, c, f),
        Some(d @ OverlayLayout::Dialog { .. }) => kiosk::render(app, th, d, f),
        Some(q @ OverlayLayout::TakeHome { .. }) => takehome_view::render(app, th, q, f),
        None => {}
    }
}

fn render_banner(th: &Theme, l: &ScreenLayout, text: &str, f: &mut Frame) {
    let r = l.banner;
    let style = th.banner();
    let margin = banner_margin(r.width);
    let inner = Rect {
        x: r.x.saturating_add(margin),
        width: r.width.saturating_sub(2 * margin),
        ..r
    };
    fill(f, r, style);
    draw_text(f, inner, text, style);
}

fn render_too_small(th: &Theme, l: &ScreenLayout, f: &mut Frame) {
    let a = l.area;
    let rest = Rect {
        y: l.banner.bottom(),
        height: a.height - l.banner.height,
        ..a
    };
    let text = strings::TOO_SMALL
        .replace("{need}", &format!("{}x{}", layout::MIN_W, layout::MIN_H))
        .replace("{now}", &format!("{}x{}", a.width, a.height));
    fill(f, rest, th.heading());
    draw_text(f, rest, &text, th.heading());
}

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
fn styled_area<'f>(f: &'f mut Frame, r: Rect, style: Style) -> Option<(&'f mut Buffer, Rect)> {
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
            (true, true) => format!("{} · {}", strings::MORE_ABOVE, strings::MORE_BELOW),
            (true, false) => strings::MORE_ABOVE.to_string(),
            _ => strings::MORE_BELOW.to_string(),
        };
        draw_text(f, r, &text, th.quiet());
    }
}
