//! The shared shape of the welcome screen and a question: a breadcrumb, a prompt, a help text
//! and numbered answers, the answers scrolling when they do not all fit.

use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::draw::{draw_text, put_str};
use super::geometry::MenuLayout;
use super::theme::Theme;
use super::wrap::{hanging, width, wrapped};
use crate::i18n;

/// The words of one menu screen, already filled with the clinic's numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MenuTexts {
    pub crumbs: String,
    pub prompt: String,
    pub help: String,
    pub options: Vec<String>,
}

/// The wrapped rows of answer `i`: "1. label", indented under the label, after a 2-column marker.
pub fn option_rows(i: usize, label: &str, width: u16) -> Rc<[String]> {
    const NUMBERS: [&str; 9] = [
        "1. ", "2. ", "3. ", "4. ", "5. ", "6. ", "7. ", "8. ", "9. ",
    ];
    let width = width.saturating_sub(2);
    match NUMBERS.get(i) {
        Some(prefix) => hanging(prefix, label, width),
        None => hanging(&format!("{}. ", i + 1), label, width),
    }
}

fn rows(text: &str, width: u16) -> u16 {
    wrapped(text, width).len() as u16
}

/// Places the parts of a menu in `area`, keeping answer `selected` in view. Each answer's tap
/// target is at least `touch` rows high (1 in a terminal; more in a browser, where a row is
/// shorter than a finger: see `App::target_rows`).
pub fn layout(t: &MenuTexts, selected: usize, area: Rect, touch: u16) -> MenuLayout {
    let w = area.width;
    let heights: Vec<u16> = (t.options.iter().enumerate())
        .map(|(i, o)| target_height(option_rows(i, o, w).len() as u16, touch))
        .collect();
    let total: u16 = heights.iter().sum();
    // Rows kept for the answers when placing the texts above them: room for answers and the
    // "more" rows that say there are more (on a small screen, without them, a person would not
    // know the rest of the answers, "Not sure" among them, are there): three rows and "more
    // below" in a terminal, "more" rows a finger can tap in a browser. Never so many that the
    // question itself loses its first two rows.
    let prompt = rows(&t.prompt, w);
    let keep = total
        .min((2 * touch + 1).max(4))
        .min(area.height.saturating_sub(prompt.min(2) + 1));
    let mut m = MenuLayout::default();
    let mut y = area.y;
    let room = |y: u16| area.bottom().saturating_sub(y);
    let place = |y: &mut u16, text: &str, max: u16| {
        let h = rows(text, w)
            .min(max)
            .min(room(*y).saturating_sub(keep + 1));
        let r = Rect::new(area.x, *y, w, h);
        if h > 0 {
            *y += h + 1;
        }
        r
    };
    // The answers so far are the first to give way on a small screen: then the question.
    let crumbs = room(y).saturating_sub(prompt + keep + 2);
    m.crumbs = place(&mut y, &t.crumbs, crumbs.min(2));
    m.prompt = place(&mut y, &t.prompt, u16::MAX);
    if rows(&t.help, w) + 1 + keep <= room(y) {
        m.help = place(&mut y, &t.help, u16::MAX);
    }
    let region = Rect::new(area.x, y, w, room(y));
    place_options(&mut m, &heights, selected, region, touch);
    m
}

/// The rows of an answer whose words take `text` rows: the words alone in a terminal; on a
/// touch screen (`touch` above 1) at least `touch` rows and a blank row below them. The blank
/// row is the space between answers and no target ([`MenuLayout::gap`]): a finger there is
/// between two answers and chooses neither.
pub fn target_height(text: u16, touch: u16) -> u16 {
    if touch > 1 {
        text.max(touch) + 1
    } else {
        text.max(1)
    }
}

/// Places answers of `heights` rows in `region`, keeping `selected` in view, with "more"
/// indicator rows when they do not all fit. With `touch` rows above 1 (a touch screen whose
/// rows are short) the targets ([`target_height`]) carry their own blank row, so none is added
/// between them, and each indicator is a target `touch` rows high.
pub fn place_options(
    m: &mut MenuLayout,
    heights: &[u16],
    selected: usize,
    region: Rect,
    touch: u16,
) {
    let n = heights.len();
    let touch = touch.max(1);
    m.gap = u16::from(touch > 1);
    let gaps = n.saturating_sub(1) as u16;
    let total: u16 = heights.iter().sum::<u16>();
    let gap = u16::from(touch == 1 && total + gaps <= region.height);
    // The "more" rows are a finger high where that leaves a row for answers, else one row high:
    // saying that there are more answers matters more than the size of the target. They show
    // wherever they leave a row for answers (at the top only "more below" shows).
    let more = if region.height > 2 * touch { touch } else { 1 };
    let scrolling = total > region.height && region.height > 2 * more;
    let (mut y, bottom) = if scrolling {
        (region.y + more, region.bottom().saturating_sub(more))
    } else {
        (region.y, region.bottom())
    };
    let avail = bottom.saturating_sub(y);
    let sel = selected.min(n.saturating_sub(1));
    let mut start = 0;
    while start < sel && heights[start..=sel].iter().sum::<u16>() > avail {
        start += 1;
    }
    // Scrolled to the top: nothing is above, so the answers take the "more above" rows too.
    if scrolling && start == 0 {
        y = region.y;
    }
    let mut last = start;
    for (i, &h) in heights.iter().enumerate().skip(start) {
        if y >= bottom || (y + h > bottom && i > start) {
            break;
        }
        let h = h.min(bottom - y);
        m.options.push((i, Rect::new(region.x, y, region.width, h)));
        y += h + gap;
        last = i;
    }
    if scrolling && region.height > 0 {
        let row = |y| Rect::new(region.x, y, region.width, more);
        m.more_above = (start > 0).then(|| row(region.y));
        m.more_below = (last + 1 < n).then(|| row(region.bottom() - more));
    }
}

/// Draws a menu into its layout; `selected` is highlighted.
/// With `dim`, the answers are drawn dimmed: the screen is new and takes no tap yet.
pub fn render(
    th: &Theme,
    t: &MenuTexts,
    selected: usize,
    m: &MenuLayout,
    dim: bool,
    f: &mut Frame,
) {
    draw_text(f, m.crumbs, &t.crumbs, th.quiet());
    draw_text(f, m.prompt, &t.prompt, th.heading());
    draw_text(f, m.help, &t.help, th.quiet());
    render_answers(th, t, (selected, dim), m, None, f);
}

/// Draws a menu's answers and its "more" rows, nothing else; with `rows`, only those that
/// reach into them (see `ui::render_changed`). `(selected, dim)`: the highlighted answer, and
/// whether the answers are dimmed (a new screen that takes no tap yet).
pub fn render_answers(
    th: &Theme,
    t: &MenuTexts,
    (selected, dim): (usize, bool),
    m: &MenuLayout,
    rows: Option<std::ops::Range<u16>>,
    f: &mut Frame,
) {
    let wanted = |r: Rect| {
        rows.as_ref()
            .is_none_or(|s| r.y < s.end && r.bottom() > s.start)
    };
    for &(i, r) in m.options.iter().filter(|&&(_, r)| wanted(r)) {
        let label = t.options.get(i).map_or("", String::as_str);
        let chosen = i == selected;
        let style = if chosen {
            th.selected()
        } else {
            Default::default()
        };
        let style = if dim {
            style.patch(th.settling())
        } else {
            style
        };
        let rows = option_rows(i, label, r.width);
        // On a touch screen (a target taller than its words) the highlight fills the whole
        // target, so the thing a finger taps is the thing drawn.
        let fill = if chosen && r.height > rows.len() as u16 {
            style
        } else {
            Style::default()
        };
        let Some((buf, area)) = super::draw::styled_area(f, m.answer_rows(r), fill) else {
            continue;
        };
        let right = area.right();
        for (y, (row, text)) in (area.y..area.bottom()).zip(rows.iter().enumerate()) {
            let mark = if chosen && row == 0 { th.marker() } else { " " };
            // The highlight covers the answer's words and one space, not the whole row:
            // moving it repaints far fewer cells (bytes per key), and the marker and the
            // reverse video still show the choice plainly. The tap target stays the row.
            let pad = usize::from(r.width).saturating_sub(width(text) + 2).min(1);
            let mut x = put_str(buf, area.x, y, right, mark, Style::default());
            x = put_str(buf, x, y, right, " ", Style::default());
            x = put_str(buf, x, y, right, text, style);
            if pad > 0 {
                put_str(buf, x, y, right, " ", style);
            }
        }
    }
    if let Some(r) = m.more_above.filter(|&r| wanted(r)) {
        draw_text(f, r, i18n::t("more-above"), th.quiet());
    }
    if let Some(r) = m.more_below.filter(|&r| wanted(r)) {
        draw_text(f, r, i18n::t("more-below"), th.quiet());
    }
}
