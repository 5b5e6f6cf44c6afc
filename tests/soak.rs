//! Soak: a seeded random walk of 100,000 events through a normal app and through a kiosk on the
//! embedded content — keys, taps anywhere, wheel turns, resizes down to 0x0, and a fake clock
//! that sometimes jumps past the idle timeout and the countdown. After every event: a frame of
//! the current size draws, the overall level is the most urgent result, the current node
//! exists, the kiosk never quits, and right after an idle reset the kiosk holds no answers.
//! No terminal and no sleeping; a failure prints the seed and the step to replay it.
//!
//! An ordinary `cargo test` walks a short stretch of the same seeded walk (every event drawn);
//! `AFTERCARE_LONG_TESTS=1` (set by `.ci/run`) walks all of it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use aftercare::app::{Context, Effect, Input, Key};
use aftercare::config::Config;
use aftercare::content::NodeRef;
use aftercare::kiosk::IdleState;
use aftercare::ui::Ui;
use aftercare::ui::theme::Theme;
use common::rng::Rng;
use common::{TestApp, embedded, short_or_long};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Events per app in the full run (a normal app and a kiosk: 100,000 in all).
const LONG_EVENTS: usize = 50_000;
/// Events per app in an ordinary `cargo test`: the same seeded walk's start, which reaches every
/// screen, 48 idle resets (57 before a new screen's settle time became a deadline of its own,
/// which takes some of the walk's wake-ups) and hundreds of outcomes.
const SHORT_EVENTS: usize = 2_000;
/// Every event is drawn up to here; after it, every [`DRAW_EVERY`]th (keeps debug runs short).
const DRAW_ALL_UNTIL: usize = 10_000;
const DRAW_EVERY: usize = 8;
const SEED: u64 = 0x5eed_a17e_2ca2_e001;

const KEYS: &[Key] = &[
    Key::Enter,
    Key::Esc,
    Key::Backspace,
    Key::Tab,
    Key::BackTab,
    Key::Up,
    Key::Down,
    Key::Left,
    Key::Right,
    Key::PageUp,
    Key::PageDown,
    Key::Home,
    Key::End,
    Key::Char(' '),
    Key::Char('?'),
    Key::Char('q'),
    Key::Char('y'),
    Key::Char('n'),
    Key::Char('b'),
    Key::Char('r'),
    Key::Char('a'),
    // Finish returns to the welcome screen; why, QR code, save and search reach the newer screens.
    Key::Char('f'),
    Key::Char('w'),
    Key::Char('t'),
    Key::Char('s'),
    Key::Char('/'),
    Key::Char('é'),
    Key::Ctrl('c'),
    Key::Ctrl('d'),
    Key::Ctrl('z'),
    Key::Ctrl('e'),
    Key::Ctrl('x'),
];

/// Sizes a resize picks from: tiny ones, the limits around the minimum, common and huge ones.
const SIZES: &[(u16, u16)] = &[
    (0, 0),
    (1, 1),
    (2, 40),
    (120, 1),
    (39, 11),
    (40, 12),
    (41, 13),
    (60, 20),
    (80, 24),
    (80, 24),
    (100, 30),
    (200, 60),
    (300, 120),
];

/// The next input, moving the clock first. Answers (digits, Enter) are likelier than anything
/// else so the walk reaches outcomes and later walks, not only the welcome screen.
fn next_input(r: &mut Rng, app: &mut Ui, now: &mut Duration) -> Input {
    *now += Duration::from_millis(r.below(3_000));
    match r.below(100) {
        // Digits answer questions; on reading screens they follow links, and a walk that kept
        // pressing them would stay among the explanations.
        0..=29 if matches!(app.context(), Context::Question | Context::Welcome) => {
            Input::Key(Key::Char(char::from(b'1' + r.below(9) as u8)))
        }
        0..=29 => Input::Key(r.pick(KEYS)),
        30..=39 => Input::Key(Key::Enter),
        40..=64 => Input::Key(r.pick(KEYS)),
        65..=76 => {
            let (w, h) = app.size;
            Input::Click {
                col: r.below(u64::from(w) + 2) as u16,
                row: r.below(u64::from(h) + 2) as u16,
            }
        }
        77..=81 => Input::Scroll {
            col: r.below(100) as u16,
            row: r.below(40) as u16,
            up: r.below(2) == 0,
        },
        82..=87 => {
            let (w, h) = r.pick(SIZES);
            Input::Resize { w, h }
        }
        88..=95 => {
            // Woken exactly at the deadline, as the runner is.
            if let Some(at) = app.next_deadline() {
                *now = (*now).max(at);
            }
            Input::Deadline
        }
        _ => {
            // The machine slept: jump past the idle timeout (90 s) and the countdown (15 s).
            *now += Duration::from_secs(90 + r.below(60));
            Input::Deadline
        }
    }
}

fn assert_invariants(app: &Ui, what: &str) {
    let tree = &app.tree;
    let most_urgent = app
        .session
        .walks()
        .iter()
        .filter_map(|w| w.outcome)
        .map(|o| tree.outcomes[o].level)
        .max();
    assert_eq!(
        app.session.overall(tree),
        most_urgent,
        "{what}: overall is the most urgent result"
    );
    match app.session.current(tree) {
        NodeRef::Question(q) => assert!(q < tree.questions.len(), "{what}: question {q}"),
        NodeRef::Outcome(o) => assert!(o < tree.outcomes.len(), "{what}: outcome {o}"),
    }
}

/// What a run saw, to show the walk went everywhere.
#[derive(Default, Debug)]
struct Seen {
    contexts: BTreeSet<String>,
    quits: usize,
    resets: usize,
    outcomes: usize,
    draws: usize,
}

/// Walks `seed`'s events through the app `start` makes. A quit ends that run; the walk goes on
/// in a new one, from the welcome screen, as the next start would.
fn soak(start: impl Fn() -> Ui, seed: u64) -> Seen {
    let mut app = start();
    let events = short_or_long(SHORT_EVENTS, LONG_EVENTS);
    let kiosk = app.kiosk.is_some();
    let mut r = Rng::new(seed);
    let mut now = Duration::ZERO;
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    app.update(Input::Resize { w: 80, h: 24 }, now);
    let mut seen = Seen::default();
    for step in 0..events {
        let input = next_input(&mut r, &mut app, &mut now);
        let what = format!(
            "{} seed {seed:#x} step {step} input {input:?}",
            if kiosk { "kiosk" } else { "normal" }
        );
        let expires = app.kiosk.as_ref().is_some_and(|k| {
            input == Input::Deadline
                && app.holds_answers()
                && k.idle.state(now) == IdleState::Expired
        });
        let effects = app.update(input, now);
        if effects.contains(&Effect::Quit) {
            assert!(!kiosk, "{what}: a kiosk without a staff PIN quit");
            seen.quits += 1;
            let size = app.size;
            app = start();
            app.update(
                Input::Resize {
                    w: size.0,
                    h: size.1,
                },
                now,
            );
        }
        if expires {
            assert!(!app.holds_answers(), "{what}: the idle reset left answers");
            seen.resets += 1;
        }
        if let Input::Resize { w, h } = input {
            term.backend_mut().resize(w, h);
        }
        if step < DRAW_ALL_UNTIL || step % DRAW_EVERY == 0 {
            let frame = term.draw(|f| app.render(f)).unwrap();
            assert_eq!(
                (frame.area.width, frame.area.height),
                app.size,
                "{what}: drawn at the current size"
            );
            seen.draws += 1;
        }
        assert_invariants(&app, &what);
        seen.contexts.insert(format!("{:?}", app.context()));
        if matches!(app.session.current(&app.tree), NodeRef::Outcome(_)) {
            seen.outcomes += 1;
        }
    }
    seen
}

#[test]
fn a_normal_app_survives_a_long_random_walk() {
    let seen = soak(|| TestApp::on(embedded()).build(), SEED);
    for c in [
        Context::Welcome,
        Context::Question,
        Context::Outcome,
        Context::Topics,
        Context::Help,
        Context::ConfirmQuit,
    ] {
        assert!(
            seen.contexts.contains(&format!("{c:?}")),
            "never reached {c:?}: {seen:?}"
        );
    }
    assert!(seen.quits > 0 && seen.outcomes > 100, "{seen:?}");
}

#[test]
fn a_kiosk_survives_a_long_random_walk_and_every_reset_clears_it() {
    let config = Config::default();
    assert!(config.kiosk.pin_hash.is_none(), "no PIN: nothing may quit");
    let app = || {
        TestApp::on(embedded())
            .kiosk()
            .config(config.clone())
            .theme(Theme::default())
            .build()
    };
    let seen = soak(app, SEED ^ 0xa5a5);
    for c in [
        Context::Welcome,
        Context::Question,
        Context::Outcome,
        Context::Topics,
        Context::Help,
        Context::Dialog,
    ] {
        assert!(
            seen.contexts.contains(&format!("{c:?}")),
            "never reached {c:?}: {seen:?}"
        );
    }
    assert!(seen.resets > 40 && seen.outcomes > 100, "{seen:?}");
}
