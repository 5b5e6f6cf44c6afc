//! The current screen as a small tree of meaning — headings, text, lists, buttons, phone links
//! and a live line — for a screen reader. The browser runner turns it into real HTML (`<h1>`,
//! `<button>`, `<a href="tel:…">`, an `aria-live` region) beside the drawn grid; tests check it
//! here, natively, against what the grid shows.
//!
//! Pure: it reads the app and the same texts render draws (so what a person hears is what a
//! person sees), and never the layout's size, so every answer is named even when the grid has
//! scrolled some out of view. Each button carries the [`Input`] it sends, the same one a key or a
//! tap would give.

use super::outcome::Part;
use super::theme::Theme;
use super::{outcome, question, reader, strings, topics, welcome};
use crate::app::keys::hints;
use crate::app::{Action, App, Input, Key, Overlay, Screen};
use crate::content::Level;
use crate::i18n::{t, t_args};

/// One piece of the screen's meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A heading: level 1 is the screen's own (the browser moves focus to it on a new screen).
    Heading { level: u8, text: String },
    /// A paragraph.
    Text(String),
    /// A list of items.
    List(Vec<String>),
    /// A button: its words, the input it sends, and whether it is the highlighted one.
    Button {
        label: String,
        input: Input,
        selected: bool,
    },
    /// Words that are a phone link when `number` is some: the emergency banner's parts.
    Call {
        text: String,
        number: Option<String>,
    },
    /// Words to be announced as soon as they change ("Still there?" and its countdown).
    Alert(String),
}

/// The whole screen, with the words and symbols of theme `th`: the emergency banner first (on
/// every screen), then the screen's nodes; in the app's language (`App::lang`), which it tells
/// the interface's catalogue first.
pub fn nodes(app: &App, th: &Theme) -> Vec<Node> {
    crate::i18n::set_lang(app.lang());
    let mut out = banner(app);
    match app.overlay {
        Some(Overlay::StillThere) => still_there(app, &mut out),
        Some(o @ (Overlay::StaffPin | Overlay::Save)) => dialog(app, o, &mut out),
        Some(Overlay::Help { .. }) => help(app, th, &mut out),
        Some(Overlay::ConfirmQuit) => confirm(&mut out),
        Some(Overlay::TakeHome) => take_home(&mut out),
        None => {
            match app.screen {
                Screen::Welcome { selected } => {
                    menu(&welcome::texts(app), true, selected, &mut out)
                }
                Screen::Question { selected } => {
                    menu(&question::texts(app, th), false, selected, &mut out)
                }
                Screen::Outcome { button, .. } => outcome_nodes(app, th, button, &mut out),
                Screen::Topics { selected, mode } => topic_list(app, selected, mode, &mut out),
                Screen::Topic { topic, .. } => reader_nodes(app, topic, &mut out),
            }
            footer(app, &mut out);
        }
    }
    out
}

/// The screen's level-1 heading: what changes when the screen does.
pub fn title(nodes: &[Node]) -> Option<&str> {
    nodes.iter().find_map(|n| match n {
        Node::Heading { level: 1, text } => Some(text.as_str()),
        _ => None,
    })
}

/// The words of every node, one a line: what a screen reader reads out, for tests.
pub fn text(nodes: &[Node]) -> String {
    let mut out = Vec::new();
    for n in nodes {
        match n {
            Node::Heading { text, .. } | Node::Text(text) | Node::Alert(text) => {
                out.push(text.clone())
            }
            Node::List(items) => out.extend(items.iter().cloned()),
            Node::Button { label, .. } => out.push(label.clone()),
            Node::Call { text, .. } => out.push(text.clone()),
        }
    }
    out.join("\n")
}

/// The digits to dial in `number` ("your emergency number (999, 112 or 911)" dials 999), if it
/// has at least three.
pub fn dial(number: &str) -> Option<String> {
    let start = number.find(|c: char| c.is_ascii_digit() || c == '+')?;
    let run: String = number[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-'))
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    (run.chars().filter(char::is_ascii_digit).count() >= 3).then_some(run)
}

/// The banner's two parts: the first calls the emergency number, the second the clinic.
fn banner(app: &App) -> Vec<Node> {
    let line = crate::words::EmergencyLine::of(&app.config.clinic);
    let call = |text: String, number: &str| Node::Call {
        text: app.config.fill(&text).trim().to_string(),
        number: dial(number),
    };
    vec![
        call(line.call(), line.number()),
        call(line.questions(), line.phone().unwrap_or("")),
    ]
}

fn button(label: impl Into<String>, input: Input, selected: bool) -> Node {
    Node::Button {
        label: label.into(),
        input,
        selected,
    }
}

fn heading(level: u8, text: impl Into<String>) -> Node {
    Node::Heading {
        level,
        text: text.into(),
    }
}

/// The welcome screen or a question: breadcrumb, the question as the heading, its help, and a
/// button per answer, numbered as drawn.
fn menu(t: &super::menu::MenuTexts, welcome: bool, selected: usize, out: &mut Vec<Node>) {
    if welcome && !t.crumbs.is_empty() {
        // The welcome screen: the guide's title is the heading, the intro a paragraph.
        out.push(heading(1, t.crumbs.clone()));
        out.push(Node::Text(t.prompt.clone()));
    } else {
        if !t.crumbs.is_empty() {
            out.push(Node::Text(t.crumbs.clone()));
        }
        out.push(heading(1, t.prompt.clone()));
    }
    if !t.help.is_empty() {
        out.push(Node::Text(t.help.clone()));
    }
    for (i, label) in t.options.iter().enumerate() {
        let words = format!("{}. {label}", i + 1);
        out.push(button(words, Input::Do(Action::Pick(i)), i == selected));
    }
}

/// An outcome: the level and title as the heading, the compact lead (first thing to do, the
/// emergency line), then the details as headings and lists, then its buttons.
fn outcome_nodes(app: &App, th: &Theme, button_at: usize, out: &mut Vec<Node>) {
    let Some(o) = app.current_outcome() else {
        return;
    };
    let fill = |s: &str| app.config.fill(s).into_owned();
    let (_, level) = super::outcome::level_label(app, th, o);
    out.push(heading(
        1,
        format!("{level}: {}", fill(o.level.title_rest(&o.title))),
    ));
    for part in outcome::parts(app, th, o) {
        match part {
            Part::Earlier { head, first, .. } => {
                out.push(heading(2, strings::EARLIER_FIRST));
                out.push(Node::List(std::iter::once(head).chain(first).collect()));
            }
            Part::Section(head, items) => {
                out.push(heading(2, head));
                out.push(Node::List(items));
            }
            Part::Safety(line) => {
                out.push(Node::Text(format!(
                    "{} {line}",
                    th.symbol(Level::Emergency)
                )));
            }
            Part::Why(why) => {
                out.push(heading(2, strings::WHY));
                out.push(Node::Text(why));
            }
        }
    }
    let topics: Vec<_> = (o.topics.iter())
        .filter_map(|&t| app.tree.topics.get(t))
        .collect();
    if !topics.is_empty() {
        out.push(heading(2, strings::READ_MORE));
        for (i, t) in topics.iter().enumerate() {
            let words = format!("{}. {}", i + 1, fill(&t.title));
            out.push(button(words, Input::Do(Action::OpenLink(i)), false));
        }
    }
    let summary = outcome::summary_lines(app, th, u16::MAX);
    if let Some((head, rest)) = summary.split_first() {
        out.push(heading(2, head.to_string()));
        out.push(Node::List(rest.iter().map(ToString::to_string).collect()));
    }
    for (i, (label, action)) in outcome::button_labels(app)
        .iter()
        .zip(app.outcome_buttons())
        .enumerate()
    {
        out.push(button(label.trim(), Input::Do(*action), i == button_at));
    }
}

/// The list of explanations: its heading, the search line and a button per topic.
fn topic_list(app: &App, selected: usize, mode: crate::app::ListMode, out: &mut Vec<Node>) {
    let listed = app.listed_topics();
    out.push(heading(1, topics::heading(app, listed.len())));
    out.push(Node::Text(topics::search_line(app, mode)));
    if listed.is_empty() {
        out.push(Node::Text(t_args(
            "topics-no-match",
            &[("query", app.browse.query.clone().into())],
        )));
    }
    for (i, &t) in listed.iter().enumerate() {
        let Some(topic) = app.tree.topics.get(t) else {
            continue;
        };
        let words = app.config.fill(&topic.title).into_owned();
        out.push(button(words, Input::Do(Action::Pick(i)), i == selected));
    }
}

/// One explanation: its title, its paragraphs, the related ones as buttons, the sources.
fn reader_nodes(app: &App, topic: usize, out: &mut Vec<Node>) {
    let Some(t) = app.tree.topics.get(topic) else {
        return;
    };
    let fill = |s: &str| app.config.fill(s).into_owned();
    out.push(heading(1, fill(&t.title)));
    let body = reader::body_lines(&t.body, usize::MAX / 2, &fill);
    for para in reader::plain(&body).split("\n\n") {
        let para = para.trim();
        if !para.is_empty() {
            out.push(Node::Text(para.replace('\n', " ")));
        }
    }
    if !t.related.is_empty() {
        out.push(heading(2, strings::RELATED));
        for (i, &r) in t.related.iter().enumerate() {
            if let Some(related) = app.tree.topics.get(r) {
                let words = format!("{}. {}", i + 1, fill(&related.title));
                out.push(button(words, Input::Do(Action::OpenLink(i)), false));
            }
        }
    }
    let sources: Vec<String> = (t.sources.iter())
        .filter_map(|&s| app.tree.sources.get(s))
        .map(|s| s.citation())
        .collect();
    if !sources.is_empty() {
        out.push(heading(2, strings::SOURCES));
        out.push(Node::List(sources));
    }
}

/// The footer's hints that do something a button above does not: back, help, why, the code.
fn footer(app: &App, out: &mut Vec<Node>) {
    let moving = |a: Action| {
        matches!(
            a,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::NextButton
                | Action::PrevButton
                | Action::Choose
                | Action::Top
                | Action::Bottom
        )
    };
    for &(_, hint, action) in hints(app.context(), app.mode, app.offers_language_switch()).iter() {
        let input = Input::Do(action);
        // The welcome menu has the language switch as an entry of its own ("3. Español").
        let in_menu = action == Action::Language && matches!(app.screen, Screen::Welcome { .. });
        let shown = in_menu
            || out
                .iter()
                .any(|n| matches!(n, Node::Button { input: i, .. } if *i == input));
        if !moving(action) && !shown {
            out.push(button(hint, input, false));
        }
    }
}

fn still_there(app: &App, out: &mut Vec<Node>) {
    let (title, text, label) = super::dialog::words(app, Overlay::StillThere);
    out.push(heading(1, title));
    out.push(Node::Alert(format!("{title} {text}")));
    out.push(button(label, Input::Do(Action::Cancel), true));
}

/// The staff PIN (its pad as buttons that type their key) or the save dialog.
fn dialog(app: &App, overlay: Overlay, out: &mut Vec<Node>) {
    let (title, text, cancel) = super::dialog::words(app, overlay);
    out.push(heading(1, title));
    for para in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        out.push(Node::Text(para.to_string()));
    }
    if overlay == Overlay::StaffPin && app.kiosk.is_some() {
        for (face, key) in super::geometry::PAD_KEYS {
            let label = if key == Key::Backspace {
                t("pad-erase")
            } else {
                face
            };
            out.push(button(label, Input::Key(key), false));
        }
    }
    out.push(button(cancel, Input::Key(Key::Esc), false));
}

fn help(app: &App, th: &Theme, out: &mut Vec<Node>) {
    out.push(heading(1, strings::HELP_TITLE));
    let lines = super::help::lines(app, th, u16::MAX);
    let items = lines
        .iter()
        .map(ToString::to_string)
        .filter(|l| !l.trim().is_empty());
    out.push(Node::List(
        items
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect(),
    ));
    out.push(button(t("dialog-close"), Input::Do(Action::Cancel), true));
}

fn confirm(out: &mut Vec<Node>) {
    out.push(heading(1, strings::CONFIRM_TITLE));
    out.push(Node::Text(strings::CONFIRM_TEXT.into()));
    out.push(button(
        strings::CONFIRM_YES,
        Input::Do(Action::ConfirmYes),
        false,
    ));
    out.push(button(strings::CONFIRM_NO, Input::Do(Action::Cancel), true));
}

fn take_home(out: &mut Vec<Node>) {
    out.push(heading(1, strings::TAKE_HOME_TITLE));
    out.push(Node::Text(strings::TAKE_HOME_TEXT.into()));
    out.push(button(t("dialog-close"), Input::Do(Action::Cancel), true));
}
