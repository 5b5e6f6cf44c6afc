//! An outcome: the level (symbol + word + colour) in a prominent block, the title, the advice,
//! related explanations, the summary of every result so far, and the buttons.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::draw::{draw_scrolled, draw_text};
use super::geometry::{OutcomeLayout, scrolled_touch};
use super::theme::Theme;
use super::wrap::{hanging, wrapped};
use crate::app::{App, Mode, Screen};
use crate::content::{Level, Outcome};
use crate::i18n::t;

/// The button labels with their keys, in the order of `App::outcome_buttons`.
pub fn button_labels(app: &App) -> [String; 3] {
    let (keys, last) = match app.mode {
        Mode::Normal => (["a", "r", "q"], t("outcome-quit")),
        Mode::Kiosk => (["a", "r", "f"], t("outcome-finish")),
    };
    let labels = [t("outcome-another"), t("outcome-start-again"), last];
    let mut out: [String; 3] = Default::default();
    for (i, label) in labels.iter().enumerate() {
        out[i] = format!(" [{}] {label} ", keys[i]);
    }
    out
}

/// Places the level block, title, scrolling advice and buttons; returns the layout, the
/// furthest scroll and the page height. The level block is one row unless the column is tall
/// (24 rows or more), so that at 80x24 the level, the first thing to do and the emergency line
/// all show without scrolling.
pub fn layout(app: &App, th: &Theme, scroll: u16, col: Rect) -> (OutcomeLayout, u16, u16) {
    let roomy = col.height >= 14;
    let gap = u16::from(roomy);
    let level = Rect {
        height: if col.height >= 24 { 3 } else { 1 },
        ..col
    };
    let title_text = app
        .current_outcome()
        .map_or(String::new(), |o| app.config.fill(&o.title).into());
    let title_h = (wrapped(&title_text, col.width).len() as u16).min(if roomy { 3 } else { 2 });
    let title = Rect::new(col.x, level.bottom() + gap, col.width, title_h);
    let buttons = flow_buttons(app, col);
    let top = title.bottom() + gap;
    let bottom = buttons
        .first()
        .map_or(col.bottom(), |b| b.y)
        .saturating_sub(gap);
    let area = Rect::new(col.x, top, col.width, bottom.saturating_sub(top));
    let (lines, link_rows) = content(app, th, col.width);
    let (body, max) = scrolled_touch(area, lines.len() as u16, scroll, app.target_rows);
    let page = body.text.height;
    let links = body.visible_rows(link_rows, app.target_rows.max(1));
    let o = OutcomeLayout {
        level,
        title,
        body,
        buttons,
        links,
    };
    (o, max, page)
}

/// Lays the buttons out left to right, wrapping onto more rows at the bottom of `col`.
fn flow_buttons(app: &App, col: Rect) -> Vec<Rect> {
    let labels = button_labels(app);
    let mut rows: Vec<Vec<u16>> = vec![Vec::new()];
    let mut used = 0;
    for l in &labels {
        let w = (l.width() as u16).min(col.width);
        if used > 0 && used + 2 + w > col.width {
            rows.push(Vec::new());
            used = 0;
        }
        used += if used > 0 { 2 } else { 0 } + w;
        if let Some(r) = rows.last_mut() {
            r.push(w);
        }
    }
    // Each button is `target_rows` high; on a touch screen a blank row parts two rows of them.
    let h = app.target_rows.max(1);
    let pitch = if h > 1 { h + 1 } else { h };
    let n = rows.len() as u16;
    let mut out = Vec::new();
    for (ri, row) in rows.iter().enumerate() {
        let y = col.bottom().saturating_sub((n - ri as u16 - 1) * pitch + h);
        let mut x = col.x;
        for &w in row {
            out.push(Rect::new(x, y, w, h).intersection(col));
            x += w + 2;
        }
    }
    out
}

/// The advice and summary rows at `width`, styled; layout counts them and render draws them.
pub fn lines(app: &App, th: &Theme, width: u16) -> Vec<Line<'static>> {
    content(app, th, width).0
}

/// The outcome's rows at `width`, and the rows of its explanation links as (link index, row).
fn content(app: &App, th: &Theme, width: u16) -> (Vec<Line<'static>>, Vec<(usize, u16)>) {
    let fill = |s: &str| app.config.fill(s).into_owned();
    let mut out: Vec<Line<'static>> = Vec::new();
    let Some(o) = app.current_outcome() else {
        return (out, Vec::new());
    };
    let bullet = format!("{} ", th.bullet());
    let items = |out: &mut Vec<Line<'static>>, items: &[String], style: Style| {
        for item in items {
            out.extend(
                hanging(&bullet, item, width)
                    .iter()
                    .map(|r| Line::styled(r.clone(), style)),
            );
        }
    };
    for part in parts(app, th, o) {
        match part {
            Part::Earlier { head, level, first } => {
                out.push(Line::styled(t("outcome-earlier-first"), th.heading()));
                items(&mut out, &[head], th.level_text(level));
                items(&mut out, &first, Style::default());
            }
            Part::Section(head, list) => {
                if !out.is_empty() {
                    out.push(Line::default());
                }
                out.push(Line::styled(head, th.heading()));
                items(&mut out, &list, Style::default());
            }
            Part::Safety(line) => {
                let mark = format!("{} ", th.symbol(Level::Emergency));
                out.extend(
                    hanging(&mark, &line, width)
                        .iter()
                        .map(|r| Line::styled(r.clone(), th.level_text(Level::Emergency))),
                );
            }
            Part::Why(why) => {
                out.push(Line::default());
                out.push(Line::styled(t("outcome-why"), th.heading()));
                out.extend(wrapped(&why, width).iter().map(|r| Line::from(r.clone())));
            }
        }
    }
    let mut links = Vec::new();
    if !o.topics.is_empty() {
        out.push(Line::default());
        out.push(Line::styled(t("outcome-read-more"), th.heading()));
    }
    let topics = o.topics.iter().filter_map(|&t| app.tree.topics.get(t));
    for (i, t) in topics.enumerate() {
        push_link(
            &mut out,
            &mut links,
            i,
            &fill(&t.title),
            width,
            th,
            app.target_rows,
        );
    }
    out.push(Line::default());
    out.extend(summary_lines(app, th, width));
    (out, links)
}

/// One piece of an outcome's advice, filled with the clinic's numbers, in the order it is shown
/// on screen and in the browser page (both render these, so what is heard is
/// what is seen).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A more urgent earlier result comes first: its level and title, and its first step.
    Earlier {
        head: String,
        level: Level,
        first: Vec<String>,
    },
    /// A heading and its items (never empty).
    Section(&'static str, Vec<String>),
    /// The "call the emergency number if …" line, marked with the emergency symbol.
    Safety(String),
    /// Why this is the advice.
    Why(String),
}

/// The outcome's advice as [`Part`]s: any earlier, more urgent result first (a later, calmer
/// result never shows its advice before it), then the compact lead — the first thing to do now
/// and the emergency line — then the details.
pub fn parts(app: &App, th: &Theme, o: &Outcome) -> Vec<Part> {
    let fill = |s: &str| app.config.fill(s).into_owned();
    let mut out = Vec::new();
    if let Some(e) = app.session.earlier_first(&app.tree)
        && let Some(earlier) = app.tree.outcomes.get(e)
    {
        out.push(Part::Earlier {
            head: format!(
                "{}: {}",
                th.level_label(earlier.level),
                fill(earlier.level.title_rest(&earlier.title))
            ),
            level: earlier.level,
            first: earlier.now.iter().take(1).map(|s| fill(s)).collect(),
        });
    }
    let lead = lead(o);
    let section = |out: &mut Vec<Part>, head, items: &[&str]| {
        if !items.is_empty() {
            out.push(Part::Section(head, items.iter().map(|s| fill(s)).collect()));
        }
    };
    section(&mut out, t("outcome-do-now"), &lead.now);
    if let Some(line) = lead.safety {
        out.push(Part::Safety(fill(line)));
    }
    section(&mut out, t("outcome-also"), &lead.more_now);
    section(&mut out, t("outcome-watch"), &lead.more_watch);
    if let Some(why) = &o.why {
        out.push(Part::Why(fill(why)));
    }
    out
}

/// An outcome's advice in the order it is shown: the first thing to do now and the emergency
/// line lead (they must show without scrolling), then the rest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lead<'a> {
    /// The first "do this now" (none only for content that failed validation).
    pub now: Vec<&'a str>,
    /// The "call {emergency} if …" line: the first "get help if" item that names the emergency
    /// number, else the first of them.
    pub safety: Option<&'a str>,
    /// The other "do this now" items, and the other "get help if" items.
    pub more_now: Vec<&'a str>,
    pub more_watch: Vec<&'a str>,
}

/// Splits an outcome's advice into its compact lead and the details.
pub fn lead(o: &crate::content::Outcome) -> Lead<'_> {
    let safety = o
        .watch
        .iter()
        .position(|w| w.contains("{emergency}"))
        .or((!o.watch.is_empty()).then_some(0));
    Lead {
        now: o.now.iter().take(1).map(String::as_str).collect(),
        safety: safety.map(|i| o.watch[i].as_str()),
        more_now: o.now.iter().skip(1).map(String::as_str).collect(),
        more_watch: (o.watch.iter().enumerate())
            .filter(|&(i, _)| Some(i) != safety)
            .map(|(_, w)| w.as_str())
            .collect(),
    }
}

/// "Your results so far": each result's level and title, then the overall level.
pub fn summary_lines(app: &App, th: &Theme, width: u16) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(t("outcome-results"), th.heading())];
    for o in app.session.results() {
        let Some(o) = app.tree.outcomes.get(o) else {
            continue;
        };
        let label = th.level_label(o.level);
        let title = app.config.fill(o.level.title_rest(&o.title)).into_owned();
        let rows = hanging(&format!("{label}: "), &title, width);
        for (i, row) in rows.iter().enumerate() {
            let cut = if i == 0 {
                label.len().min(row.len())
            } else {
                0
            };
            let (head, rest) = row.split_at(cut);
            out.push(Line::from(vec![
                Span::styled(head.to_string(), th.level_text(o.level)),
                Span::raw(rest.to_string()),
            ]));
        }
    }
    if let Some(level) = app.session.overall(&app.tree) {
        out.push(Line::from(vec![
            Span::styled(format!("{} ", t("outcome-overall")), th.heading()),
            Span::styled(th.level_label(level), th.level_text(level)),
        ]));
    }
    out
}

/// Appends link `i` ("1. Title", wrapped under its number) to `out`, and its rows to `links`.
/// On a touch screen (`target_rows` > 1) a link is as tall as any target, then a blank row
/// parts it from the next. Shared by the outcome's and the reader's links.
pub fn push_link(
    out: &mut Vec<Line<'static>>,
    links: &mut Vec<(usize, u16)>,
    i: usize,
    title: &str,
    width: u16,
    th: &Theme,
    target_rows: u16,
) {
    let rows = hanging(&format!("{}. ", i + 1), title, width);
    let n = rows.len();
    for row in rows.iter() {
        links.push((i, out.len() as u16));
        out.push(Line::styled(row.clone(), th.link()));
    }
    if target_rows > 1 {
        for _ in n..usize::from(target_rows) {
            links.push((i, out.len() as u16));
            out.push(Line::default());
        }
        out.push(Line::default());
    }
}

/// The outcome's level as the block shows it (and the screen reader hears it), and the level
/// whose look it takes. The most urgent result wins: when an earlier symptom's result is more
/// urgent than this one, the block says so first and takes that level's look.
pub fn level_label(app: &App, th: &Theme, outcome: &Outcome) -> (Level, String) {
    let overall = app.session.overall(&app.tree).unwrap_or(outcome.level);
    if overall > outcome.level {
        let label = format!(
            "{} {} · {} {}",
            t("outcome-overall"),
            th.level_label(overall),
            t("outcome-this-one"),
            th.level_label(outcome.level)
        );
        (overall, label)
    } else {
        (outcome.level, th.level_label(outcome.level))
    }
}

/// Draws the outcome screen into its layout.
pub fn render(app: &App, th: &Theme, o: &OutcomeLayout, f: &mut Frame) {
    let Some(outcome) = app.current_outcome() else {
        return;
    };
    let (shown, label) = level_label(app, th, outcome);
    let style = th.level_block(shown);
    let block = Paragraph::new(vec![Line::from(label)])
        .alignment(Alignment::Center)
        .style(style)
        .block(Block::new().style(style));
    let pad = o.level.height.saturating_sub(1) / 2;
    f.render_widget(Block::new().style(style), o.level);
    f.render_widget(
        block,
        Rect {
            y: o.level.y + pad,
            height: o.level.height.min(1),
            ..o.level
        },
    );
    draw_text(f, o.title, &app.config.fill(&outcome.title), th.heading());
    draw_scrolled(f, &o.body, lines(app, th, o.body.text.width), th);
    let selected = match app.screen {
        Screen::Outcome { button, .. } if app.overlay.is_none() => Some(button),
        _ => None,
    };
    for (i, (r, label)) in o.buttons.iter().zip(button_labels(app)).enumerate() {
        let s = if selected == Some(i) {
            th.selected()
        } else {
            th.button()
        };
        // A touch screen's tall button: the highlight fills it; otherwise only its words are
        // underlined (a blank underlined row reads as a stray line).
        let r = if selected == Some(i) {
            *r
        } else {
            Rect { height: 1, ..*r }
        };
        f.render_widget(Paragraph::new(label).style(s), r);
    }
}
