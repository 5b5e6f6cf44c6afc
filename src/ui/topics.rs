//! The topic list: a heading, the search line, and each topic's title and summary, narrowed as
//! the person types. The highlighted topic is kept in view; every topic is a tap target.
//!
//! Which topics show is decided in `app::browse::matching`; this module only places and draws
//! them, with one layout for render and taps.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::draw::draw_text;
use super::geometry::{ListLayout, MenuLayout};
use super::menu;
use super::theme::Theme;
use super::wrap::wrapped;
use crate::app::{App, ListMode, Screen};
use crate::i18n::{t, t_args};

/// Below this many rows the list shows titles only.
const SUMMARIES_FROM: u16 = 12;

/// The rows of item `topic` at `width`: the title, then (if `summary`) the summary, each
/// indented two columns for the selection marker.
fn item_rows(app: &App, topic: usize, width: u16, summary: bool) -> (Vec<String>, Vec<String>) {
    let Some(t) = app.tree.topics.get(topic) else {
        return (Vec::new(), Vec::new());
    };
    let inner = width.saturating_sub(2);
    let title = wrapped(&app.config.fill(&t.title), inner).to_vec();
    let rest = if summary {
        wrapped(&app.config.fill(&t.summary), inner).to_vec()
    } else {
        Vec::new()
    };
    (title, rest)
}

/// The heading: how many topics show.
pub fn heading(app: &App, shown: usize) -> String {
    let all = app.tree.topics.len();
    if shown == all {
        t("topics-title").to_string()
    } else {
        t_args("topics-some", &[("n", shown.into()), ("all", all.into())])
    }
}

/// The search line for the list's mode.
pub fn search_line(app: &App, mode: ListMode) -> String {
    let q = &app.browse.query;
    match mode {
        ListMode::Searching => format!("{} {q}_", t("topics-search")),
        ListMode::Browsing if q.is_empty() => t("topics-search-how").to_string(),
        ListMode::Browsing => format!("{} {q}  {}", t("topics-search"), t("topics-search-clear")),
    }
}

/// Places the heading, the search line and the visible topics in `col`, keeping `selected`
/// in view. `options` holds (index into `listed_topics`, rect).
pub fn layout(app: &App, selected: usize, col: Rect) -> ListLayout {
    let listed = app.listed_topics();
    let mut m = MenuLayout {
        crumbs: Rect { height: 1, ..col },
        ..MenuLayout::default()
    };
    let gap = u16::from(col.height >= 14);
    m.prompt = Rect::new(
        col.x,
        col.y + 1,
        col.width,
        col.height.saturating_sub(1).min(1),
    );
    let top = m.prompt.bottom() + gap;
    let region = Rect::new(col.x, top, col.width, col.bottom().saturating_sub(top));
    if listed.is_empty() {
        m.help = Rect {
            height: 2,
            ..region
        }
        .intersection(region);
        return ListLayout {
            menu: m,
            summaries: false,
        };
    }
    let summary = col.height >= SUMMARIES_FROM;
    let heights: Vec<u16> = listed
        .iter()
        .map(|&t| {
            let (a, b) = item_rows(app, t, col.width, summary);
            menu::target_height((a.len() + b.len()) as u16, app.target_rows)
        })
        .collect();
    menu::place_options(&mut m, &heights, selected, region, app.target_rows);
    ListLayout {
        menu: m,
        summaries: summary,
    }
}

/// Draws the list into its layout.
pub fn render(app: &App, th: &Theme, l: &ListLayout, f: &mut Frame) {
    let m = &l.menu;
    let Screen::Topics { selected, mode } = app.screen else {
        return;
    };
    let listed = app.listed_topics();
    draw_text(f, m.crumbs, &heading(app, listed.len()), th.heading());
    draw_text(f, m.prompt, &search_line(app, mode), th.quiet());
    if listed.is_empty() {
        let text = t_args(
            "topics-no-match",
            &[("query", app.browse.query.as_str().into())],
        );
        draw_text(f, m.help, &text, Default::default());
    }
    for &(i, r) in &m.options {
        let Some(&topic) = listed.get(i) else {
            continue;
        };
        let (title, rest) = item_rows(app, topic, r.width, l.summaries);
        let chosen = i == selected && app.overlay.is_none();
        let mut lines = Vec::new();
        for (row, text) in title.into_iter().enumerate() {
            let mark = if chosen && row == 0 { th.marker() } else { " " };
            let style = if chosen { th.selected() } else { th.heading() };
            let pad = usize::from(r.width).saturating_sub(text.width() + 2);
            lines.push(Line::from(vec![
                Span::raw(format!("{mark} ")),
                Span::styled(format!("{text}{}", " ".repeat(pad)), style),
            ]));
        }
        lines.extend(rest.into_iter().map(|t| Line::from(format!("  {t}"))));
        super::draw::put_lines(f, r, lines, ratatui::style::Style::default());
    }
    if let Some(r) = m.more_above {
        draw_text(f, r, t("more-above"), th.quiet());
    }
    if let Some(r) = m.more_below {
        draw_text(f, r, t("more-below"), th.quiet());
    }
}
