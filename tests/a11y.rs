//! Accessibility of the shared screens (issue 17): the screen-reader mirror says what the grid
//! shows, the outcome's lead and emergency line are above the fold, the welcome screen says the
//! emergency line once, tap targets are tall enough on a touch screen, and the Linux console gets
//! ASCII only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::{HashSet, VecDeque};
use std::time::Duration;

use aftercare::app::view::Body;
use aftercare::app::{Action, App, Input, Overlay, Screen};
use aftercare::config::Config;
use aftercare::content::{self, NodeRef};
use aftercare::ui::semantic::{self, Node};
use aftercare::ui::theme::{Symbols, Theme};
use aftercare::ui::{self, Ui};
use common::{app, draw, press, text, typed};

const S: fn(u64) -> Duration = Duration::from_secs;

/// The states the snapshots cover, as keys from the welcome screen (starter tree).
const STATES: &[&str] = &[
    "", "\n", "\n21", "\n1", "\n211", "\n211a22", "\n1a11", "\n?", "\n2q",
];

/// A kiosk on the real content at `w` x `h`, with tap targets `rows` high.
fn kiosk(w: u16, h: u16, rows: u16) -> Ui {
    let app = App::new_kiosk(content::default_tree().unwrap(), Config::default(), S(0));
    let mut a = Ui::new(app, Theme::no_color());
    a.app_mut().target_rows = rows;
    a.update(Input::Resize { w, h }, S(0));
    a
}

/// One way (answer indices) to each outcome of the real content: a breadth-first walk.
fn walks_to_outcomes() -> Vec<(usize, Vec<usize>)> {
    let tree = content::default_tree().unwrap();
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    let mut queue = VecDeque::from([Vec::new()]);
    while let Some(path) = queue.pop_front() {
        let mut s = aftercare::triage::Session::new(&tree);
        for &i in &path {
            s.answer(&tree, i).unwrap();
        }
        match s.current(&tree) {
            NodeRef::Outcome(o) => {
                if seen.insert(("o", o)) {
                    found.push((o, path));
                }
            }
            NodeRef::Question(q) => {
                if seen.insert(("q", q)) {
                    for i in 0..tree.questions[q].options.len() {
                        let mut next = path.clone();
                        next.push(i);
                        queue.push_back(next);
                    }
                }
            }
        }
    }
    found
}

/// Answers a second apart, as a person reads each screen (`app::settle` drops one sooner).
fn pick_all(a: &mut Ui, path: &[usize]) {
    a.update(Input::Do(Action::Pick(0)), S(1)); // the welcome screen's "Check a symptom"
    for (&i, at) in path.iter().zip(2..) {
        a.update(Input::Do(Action::Pick(i)), S(at));
    }
}

/// Spaces collapsed, so text wrapped over rows compares with the words.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_mirror_names_the_question_and_every_answer_the_grid_shows() {
    for keys in STATES {
        for (w, h) in [(80, 24), (40, 12)] {
            let mut a = app(w, h);
            press(&mut a, &typed(keys));
            let nodes = semantic::nodes(&a, a.theme());
            let said = semantic::text(&nodes);
            let grid = text(&draw(&a));
            assert!(said.contains("Call your emergency number"), "{said}");
            if let Screen::Question { .. } = a.screen
                && a.overlay.is_none()
            {
                let t = ui::question::texts(&a, a.theme());
                assert_eq!(semantic::title(&nodes), Some(t.prompt.as_str()));
                for (i, label) in t.options.iter().enumerate() {
                    assert!(said.contains(&format!("{}. {label}", i + 1)), "{said}");
                }
                // Every answer drawn is a button of the mirror (and the mirror has them all,
                // also those scrolled out of the grid's view).
                let Body::Menu(m) = ui::layout(&a, a.theme(), a.area()).body else {
                    panic!("a question is a menu")
                };
                for (i, _) in m.options {
                    assert!(grid.contains(&format!("{}. ", i + 1)));
                }
                let buttons = nodes
                    .iter()
                    .filter(|n| {
                        matches!(
                            n,
                            Node::Button {
                                input: Input::Do(Action::Pick(_)),
                                ..
                            }
                        )
                    })
                    .count();
                assert_eq!(buttons, t.options.len());
            }
        }
    }
}

#[test]
fn a_mirror_button_sends_what_a_tap_would() {
    let mut a = app(80, 24);
    press(&mut a, &typed("\n"));
    let nodes = semantic::nodes(&a, a.theme());
    let Some(Node::Button { input, .. }) = nodes
        .iter()
        .find(|n| matches!(n, Node::Button { label, .. } if label.starts_with("2. ")))
    else {
        panic!("no second answer: {nodes:?}")
    };
    let mut by_key = a.clone();
    press(&mut by_key, &typed("2"));
    a.update(*input, S(9));
    assert_eq!(a.screen, by_key.screen);
    assert_eq!(
        semantic::title(&semantic::nodes(&a, a.theme())),
        semantic::title(&semantic::nodes(&by_key, by_key.theme()))
    );
}

#[test]
fn the_banner_is_a_phone_link_on_every_screen() {
    let mut config = Config::default();
    config.clinic.emergency = "999".into();
    config.clinic.phone = Some("01632 960000".into());
    let mut a = app(80, 24);
    a.app_mut().config = config;
    for keys in ["", "\n", "\n1"] {
        press(&mut a, &typed(keys));
        let nodes = semantic::nodes(&a, a.theme());
        assert_eq!(
            nodes[0],
            Node::Call {
                text: "Very unwell? Call 999 now.".into(),
                number: Some("999".into())
            }
        );
        assert_eq!(
            nodes[1],
            Node::Call {
                text: "Questions? Call 01632 960000.".into(),
                number: Some("01632960000".into())
            }
        );
    }
    assert_eq!(
        semantic::dial("your emergency number (999, 112 or 911)").as_deref(),
        Some("999")
    );
    assert_eq!(semantic::dial("your massage therapist"), None);
}

#[test]
fn still_there_is_announced_with_its_countdown() {
    let mut a = kiosk(80, 24, 1);
    pick_all(&mut a, &[0]);
    assert!(semantic::text(&semantic::nodes(&a, a.theme())).contains("EMERGENCY"));
    // The outcome settles (`app::settle`), then the idle timer runs out.
    for _ in 0..2 {
        let at = a.next_deadline().unwrap();
        a.update(Input::Deadline, at);
    }
    assert_eq!(a.overlay, Some(Overlay::StillThere));
    let nodes = semantic::nodes(&a, a.theme());
    let alert = nodes.iter().find_map(|n| match n {
        Node::Alert(t) => Some(t.clone()),
        _ => None,
    });
    let alert = alert.expect("an alert");
    assert!(
        alert.starts_with("Still there?") && alert.contains("seconds"),
        "{alert}"
    );
    // Nothing of the person's answers is in the mirror either.
    assert!(!semantic::text(&nodes).contains("EMERGENCY"));
}

#[test]
fn every_outcome_leads_with_its_level_first_step_and_emergency_line_above_the_fold() {
    let tree = content::default_tree().unwrap();
    let walks = walks_to_outcomes();
    assert!(walks.len() > 40, "only {} outcomes reached", walks.len());
    // The terminal at 80x24, and the browser's grids: 1280x800 (96x31 cells, targets 2 rows),
    // a portrait tablet (60x49, 2 rows) and a phone (42x39, 3 rows).
    for (w, h, rows) in [(80, 24, 1), (96, 31, 2), (60, 49, 2), (42, 39, 3)] {
        for (o, path) in &walks {
            let mut a = kiosk(w, h, rows);
            pick_all(&mut a, path);
            let outcome = &tree.outcomes[*o];
            let grid = squash(&text(&draw(&a)));
            let fill = |s: &str| a.config.fill(s).into_owned();
            let lead = ui::outcome::lead(outcome);
            let start = |s: &str| squash(&fill(s)).chars().take(40).collect::<String>();
            let what = format!("{} at {w}x{h}:\n{grid}", outcome.id);
            assert!(grid.contains(outcome.level.word()), "level: {what}");
            assert!(grid.contains(&start(lead.now[0])), "do now: {what}");
            // On a phone (42x39 cells, targets three rows high) the emergency line may be a
            // scroll away: the banner above still names the number.
            if rows < 3 {
                assert!(
                    grid.contains(&start(lead.safety.unwrap())),
                    "safety: {what}"
                );
            }
        }
    }
}

#[test]
fn the_welcome_screen_says_the_emergency_line_once() {
    let a = kiosk(80, 24, 1);
    let grid = text(&draw(&a));
    assert_eq!(grid.matches("999").count(), 1, "{grid}");
    let said = semantic::text(&semantic::nodes(&a, a.theme()));
    assert_eq!(said.matches("999").count(), 1, "{said}");
}

#[test]
fn on_a_touch_screen_every_target_is_tall_and_answers_are_apart() {
    let walks = walks_to_outcomes();
    for (w, h, rows) in [(96, 31, 2), (60, 49, 2), (42, 39, 3)] {
        let mut screens = Vec::new();
        let a = kiosk(w, h, rows);
        screens.push(a.clone());
        let mut q = a.clone();
        pick_all(&mut q, &[]);
        screens.push(q.clone());
        for (_, path) in walks.iter().take(10) {
            let mut o = a.clone();
            pick_all(&mut o, path);
            screens.push(o);
        }
        let mut list = a.clone();
        list.update(Input::Do(Action::Pick(1)), S(1));
        screens.push(list.clone());
        list.update(Input::Do(Action::Pick(0)), S(2));
        screens.push(list);
        for s in &screens {
            let l = ui::layout(s, s.theme(), s.area());
            assert!(!l.targets.is_empty());
            // Targets of one action are one box: its rows, together.
            for t in &l.targets {
                let rows_of_action: u16 = l
                    .targets
                    .iter()
                    .filter(|u| u.action == t.action && u.rect.x == t.rect.x)
                    .map(|u| u.rect.height)
                    .sum();
                assert!(
                    rows_of_action >= rows,
                    "{:?} is {} rows at {w}x{h}: {:?}",
                    t.action,
                    rows_of_action,
                    s.screen
                );
            }
            // Each answer's words are followed by a blank row: the space between answers.
            if let Body::Menu(m) = &l.body {
                let grid = text(&draw(s));
                let rows: Vec<&str> = grid.lines().collect();
                for &(_, r) in &m.options {
                    let last: String = rows[usize::from(r.bottom() - 1)]
                        .chars()
                        .skip(usize::from(r.x))
                        .take(usize::from(r.width))
                        .collect();
                    assert!(last.trim().is_empty(), "no space below an answer: {grid}");
                }
            }
        }
    }
}

/// Every screen a person can reach, as apps: the starter states, a kiosk's states on the real
/// content (explanations, an explanation, "Still there?", the staff PIN, the QR code).
fn every_screen(w: u16, h: u16, theme: Theme) -> Vec<Ui> {
    let mut out = Vec::new();
    for keys in STATES {
        let mut a = app(w, h);
        press(&mut a, &typed(keys));
        out.push(Ui::new((*a).clone(), theme));
    }
    let mut k = kiosk(w, h, 1);
    k = Ui::new((*k).clone(), theme);
    out.push(k.clone());
    let mut list = k.clone();
    list.update(Input::Do(Action::Pick(1)), S(1));
    out.push(list.clone());
    list.update(Input::Do(Action::Pick(0)), S(2));
    out.push(list);
    for (_, path) in walks_to_outcomes().iter().step_by(7) {
        let mut o = k.clone();
        pick_all(&mut o, path);
        out.push(o.clone());
        o.update(Input::Do(Action::TakeHome), S(2));
        out.push(o.clone());
        o.update(Input::Do(Action::Cancel), S(2));
        let at = o.next_deadline().unwrap();
        o.update(Input::Deadline, at);
        out.push(o);
    }
    let mut pin = k.clone();
    pin.update(Input::Key(aftercare::app::Key::Ctrl('e')), S(1));
    pin.update(Input::Key(aftercare::app::Key::Ctrl('x')), S(1));
    out.push(pin);
    out
}

/// The summary left in the scrollback on a Linux console is ASCII too, the content's words
/// ("38°C") and the safety net's heading included; elsewhere it keeps them.
#[test]
fn the_linux_console_summary_is_ascii_and_keeps_its_safety_net() {
    let linux = Theme::choose(aftercare::config::ThemeName::Default, false, Some("linux"));
    let mut a = common::TestApp::on(common::embedded()).theme(linux).build();
    // Tired and achy the next day: its safety net says "if your temperature is 38°C or more".
    press(&mut a, &typed("\n8888885"));
    let ascii = ui::summary::text(&a, &linux, 80).expect("a result");
    assert!(ascii.is_ascii(), "{ascii}");
    assert!(ascii.contains("Get help if:"), "{ascii}");
    assert!(ascii.contains("temperature is 38 C or more"), "{ascii}");
    let unicode = ui::summary::text(&a, &Theme::default(), 80).expect("a result");
    assert!(unicode.contains("temperature is 38°C or more"), "{unicode}");
}

#[test]
fn the_linux_console_gets_ascii_only() {
    let linux = Theme::choose(aftercare::config::ThemeName::Default, false, Some("linux"));
    assert_eq!(linux.symbols, Symbols::Ascii);
    for (w, h) in [(80, 24), (40, 12)] {
        for a in every_screen(w, h, linux) {
            let t = draw(&a);
            let qr = a.overlay == Some(Overlay::TakeHome);
            for cell in &t.backend().buffer().content {
                let s = cell.symbol();
                // The QR code's block elements are the console font's own (code page 437).
                let blocks = qr && s.chars().all(|c| ('\u{2580}'..='\u{259f}').contains(&c));
                assert!(
                    s.is_ascii() || blocks,
                    "{s:?} at {w}x{h} on {:?} {:?}:\n{}",
                    a.screen,
                    a.overlay,
                    text(&t)
                );
            }
        }
    }
}
