//! The topic reader: the title, then the scrolling text — the picture band at its top (if the
//! topic has a picture and the window has room; it scrolls away with the text), the body from the
//! light markup, the related topics as numbered links, and the sources.
//!
//! Layout and render share [`content`], so the rows layout counts (and the link rows it makes
//! tappable) are exactly the rows render draws. The picture's moment comes from the app's state
//! (`Browse::motion`); nothing here reads a clock.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::draw::{draw_scrolled, draw_text, put_rows};
use super::geometry::{PictureLayout, ReaderLayout, Scrolled, scrolled_touch};
use super::picture::{self, Drawing, Look};
use super::theme::Theme;
use super::theme::{Palette, Symbols};
use super::wrap::{hanging, wrapped};
use crate::app::{App, Screen};
use crate::content::{Picture, Topic};
use crate::i18n::t;

/// The biggest the drawing grows, in rows.
const MAX_DRAWING: u16 = 12;
/// The smallest drawing worth showing; below it the picture is left out.
const MIN_DRAWING: u16 = 5;
/// Rows of text the picture always leaves below it.
const MIN_TEXT: u16 = 4;

/// The topic a reader screen shows.
pub fn current(app: &App) -> Option<&Topic> {
    match app.screen {
        Screen::Topic { topic, .. } => app.tree.topics.get(topic),
        _ => None,
    }
}

/// Places the title, the picture band and the scrolling text in `col`; returns the layout, the
/// furthest scroll and the page height.
pub fn layout(
    app: &App,
    th: &Theme,
    topic: &Topic,
    scroll: u16,
    col: Rect,
) -> (ReaderLayout, u16, u16) {
    let gap = u16::from(col.height >= 14);
    let title_h = (wrapped(&app.config.fill(&topic.title), col.width).len() as u16).clamp(1, 2);
    let title = Rect {
        height: title_h.min(col.height),
        ..col
    };
    let y = title.bottom() + gap;
    let area = Rect::new(col.x, y, col.width, col.bottom().saturating_sub(y));
    // The picture heads the scrolling text: at the top it shows whole above the first lines, and
    // scrolling down moves it up and away, so a small window reads with every row.
    let band = topic.picture.and_then(|p| picture_band(p, area));
    let picture_rows = band.map_or(0, |p| (p.caption.bottom() + 1).saturating_sub(area.y));
    let (lines, link_rows) = content(app, th, topic, col.width, picture_rows);
    let (body, max) = scrolled_touch(area, lines.len() as u16, scroll, app.target_rows);
    let picture = band.and_then(|p| scrolled_picture(p, &body));
    let links = body.visible_rows(link_rows.iter().copied(), app.target_rows.max(1));
    let r = ReaderLayout {
        title,
        picture,
        picture_rows,
        body,
        links,
        link_rows,
    };
    (r, max, body.text.height)
}

/// What of the picture `p` (laid out at the top of the text, unscrolled) shows in `body` as
/// scrolled: its rows moved up by the scroll, those above the text cut; `None` once none show.
fn scrolled_picture(p: PictureLayout, body: &Scrolled) -> Option<PictureLayout> {
    let text = body.text;
    let part = |r: Rect| {
        let at = r.y.saturating_sub(text.y);
        let cut = body.scroll.saturating_sub(at).min(r.height);
        let y = text.y + at.saturating_sub(body.scroll);
        let height = (r.height - cut).min(text.bottom().saturating_sub(y));
        (Rect { y, height, ..r }, cut)
    };
    let (drawing, drawing_cut) = part(p.drawing);
    let (caption, caption_cut) = part(p.caption);
    (!drawing.is_empty() || !caption.is_empty()).then_some(PictureLayout {
        drawing,
        caption,
        drawing_cut,
        caption_cut,
    })
}

/// The drawing (about 45% of the room, at most [`MAX_DRAWING`] rows) and its caption, or `None`
/// when that would leave fewer than [`MIN_TEXT`] rows of text.
fn picture_band(p: Picture, room: Rect) -> Option<PictureLayout> {
    // The caption changes halfway through; reserve the longer one so nothing jumps.
    let caption_h = [0.0, 1.0]
        .iter()
        .map(|&t| wrapped(picture::caption(p, t), room.width).len() as u16)
        .max()
        .unwrap_or(0)
        .min(3);
    let h = ((u32::from(room.height) * 45 / 100) as u16)
        .min(MAX_DRAWING)
        .min(room.height.saturating_sub(caption_h + 1 + MIN_TEXT));
    if h < MIN_DRAWING {
        return None;
    }
    let drawing = Rect { height: h, ..room };
    let caption = Rect::new(room.x, drawing.bottom(), room.width, caption_h);
    Some(PictureLayout {
        drawing,
        caption,
        ..PictureLayout::default()
    })
}

/// The reader's text at `width`: `picture_rows` blank rows that the picture is drawn over, the
/// body, the related topics as numbered links, then the sources. Also each link's rows as
/// (link index, row).
pub fn content(
    app: &App,
    th: &Theme,
    topic: &Topic,
    width: u16,
    picture_rows: u16,
) -> (Vec<Line<'static>>, Vec<(usize, u16)>) {
    let fill = |s: &str| app.config.fill(s).into_owned();
    let mut out = vec![Line::default(); usize::from(picture_rows)];
    out.extend(super::reader::body_lines(
        &topic.body,
        usize::from(width),
        &fill,
    ));
    let mut links = Vec::new();
    if !topic.related.is_empty() {
        out.push(Line::default());
        out.push(Line::styled(t("topic-related"), th.heading()));
        for (i, &t) in topic.related.iter().enumerate() {
            let Some(related) = app.tree.topics.get(t) else {
                continue;
            };
            let title = fill(&related.title);
            super::outcome::push_link(&mut out, &mut links, i, &title, width, th, app.target_rows);
        }
    }
    if !topic.sources.is_empty() {
        out.push(Line::default());
        out.push(Line::styled(t("topic-sources"), th.heading()));
        let bullet = format!("{} ", th.bullet());
        for &s in &topic.sources {
            if s >= app.tree.sources.len() {
                continue;
            }
            let text = app.tree.sources[s].citation();
            for row in hanging(&bullet, &text, width).iter() {
                out.push(Line::styled(row.clone(), th.quiet()));
            }
        }
    }
    (out, links)
}

/// How pictures are drawn in this theme.
pub fn look(th: &Theme) -> Look {
    Look {
        color: th.palette != Palette::NoColor,
        ascii: th.symbols == Symbols::Ascii,
    }
}

/// Draws the reader into its layout.
pub fn render(app: &App, th: &Theme, r: &ReaderLayout, f: &mut Frame) {
    let Some(topic) = current(app) else {
        return;
    };
    draw_text(f, r.title, &app.config.fill(&topic.title), th.heading());
    let (mut lines, link_rows) = content(app, th, topic, r.body.text.width, r.picture_rows);
    let selected = match app.screen {
        Screen::Topic { link, .. } if app.overlay.is_none() => link,
        _ => None,
    };
    for &(i, row) in &link_rows {
        if Some(i) == selected
            && let Some(line) = lines.get_mut(usize::from(row))
        {
            *line = std::mem::take(line).style(th.selected());
        }
    }
    draw_scrolled(f, &r.body, lines, th);
    // Over the text's blank rows at its top.
    if let (Some(p), Some(pic)) = (r.picture, topic.picture) {
        render_picture(app, th, pic, p, f);
    }
}

fn render_picture(app: &App, th: &Theme, picture: Picture, p: PictureLayout, f: &mut Frame) {
    let m = app.browse.motion();
    let drawing = Drawing {
        picture,
        progress: m.progress,
        flow: m.flow,
        look: look(th),
    };
    if p.drawing_cut == 0 {
        f.render_widget(drawing, p.drawing);
    } else if !p.drawing.is_empty() {
        // Drawn whole off screen, then its rows still on screen copied in.
        let whole = Rect::new(0, 0, p.drawing.width, p.drawing.height + p.drawing_cut);
        let mut off = Buffer::empty(whole);
        drawing.render(whole, &mut off);
        let buf = f.buffer_mut();
        let shown = p.drawing.intersection(buf.area);
        for y in shown.top()..shown.bottom() {
            for x in shown.left()..shown.right() {
                let from = (x - p.drawing.x, y - p.drawing.y + p.drawing_cut);
                buf[(x, y)] = off[from].clone();
            }
        }
    }
    let caption = wrapped(picture::caption(picture, m.progress), p.caption.width);
    put_rows(
        f,
        p.caption,
        caption
            .iter()
            .skip(usize::from(p.caption_cut))
            .map(String::as_str),
        th.quiet(),
    );
}
