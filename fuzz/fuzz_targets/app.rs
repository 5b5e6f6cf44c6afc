//! Arbitrary bytes as a sequence of inputs — keys (Ctrl chords included), clicks and wheel turns
//! at any cell, resizes to any size from 0x0 up to 300x120, deadlines and clock jumps — fed to a
//! normal app and to a kiosk on the embedded content, drawing a frame of the current size every
//! few inputs, before a tap and at the end. Invariants, checked after every input: no panic; the
//! kiosk (no staff PIN configured) never quits; the overall level is the most urgent result; the
//! current node exists.
#![no_main]

use std::cell::RefCell;
use std::time::Duration;

use aftercare::app::{App, Effect, Input, Key};
use aftercare::config::Config;
use aftercare::content::{self, NodeRef, Tree};
use aftercare::ui::Ui;
use aftercare::ui::theme::Theme;
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// Reads the bytes left to right; running out yields zeros, so every input decodes.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u8(&mut self) -> u8 {
        match self.0.split_first() {
            Some((b, rest)) => {
                self.0 = rest;
                *b
            }
            None => 0,
        }
    }
    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.u8(), self.u8()])
    }
}

const KEYS: [Key; 14] = [
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
];

/// One input and how far the clock moves first.
fn next_input(b: &mut Bytes, app: &mut Ui, now: &mut Duration) -> Input {
    let op = b.u8();
    *now += Duration::from_millis(u64::from(b.u8()) * 40);
    match op % 16 {
        0..=4 => Input::Key(KEYS[usize::from(b.u8()) % KEYS.len()]),
        5..=7 => Input::Key(Key::Char(char::from(b' ' + b.u8() % 95))),
        8 => Input::Key(Key::Char(
            char::from_u32(u32::from(b.u16()) * 17).unwrap_or('é'),
        )),
        9 => Input::Key(Key::Ctrl(char::from(b'a' + b.u8() % 26))),
        10 => Input::Click {
            col: b.u16() % 320,
            row: b.u16() % 140,
        },
        11 => Input::Click {
            col: b.u16(),
            row: b.u16(),
        },
        12 => Input::Scroll {
            col: b.u16() % 320,
            row: b.u16() % 140,
            up: b.u8() & 1 == 0,
        },
        13 => {
            // Every size up to 300x120 is reachable; most are ordinary ones, which draw faster.
            let (w, h) = match b.u8() % 8 {
                0 => (0, 0),
                1 => (1, 1),
                2 => (b.u16() % 301, b.u16() % 121),
                _ => (b.u16() % 101, b.u16() % 41),
            };
            Input::Resize { w, h }
        }
        14 => {
            // Wake exactly when asked, as the runner does.
            if let Some(at) = app.next_deadline() {
                *now = (*now).max(at);
            }
            Input::Deadline
        }
        _ => {
            // A long jump (a sleeping machine): past the idle timeout and the countdown.
            *now += Duration::from_secs(u64::from(b.u8()) * 2);
            Input::Deadline
        }
    }
}

fn check(app: &Ui) {
    let tree: &Tree = &app.tree;
    let levels = app
        .session
        .walks()
        .iter()
        .filter_map(|w| w.outcome)
        .map(|o| tree.outcomes[o].level);
    assert_eq!(
        app.session.overall(tree),
        levels.max(),
        "overall is the most urgent result"
    );
    match app.session.current(tree) {
        NodeRef::Question(q) => assert!(q < tree.questions.len()),
        NodeRef::Outcome(o) => assert!(o < tree.outcomes.len()),
    }
}

/// Inputs per app per run: enough for any screen and back (a walk is under 10 answers, the
/// kiosk's reset is one clock jump away), few enough that a run is short: libFuzzer learns from
/// each run, so many short runs find more than a few long ones. (It was 256; most of a long
/// run's frames were the same screens again.)
const MAX_STEPS: usize = 64;

/// What stays the same from one input to the next, made once per process: the embedded content
/// (decoded and validated once, then moved from one run's apps into the next's, never cloned),
/// the config, both themes and the test terminal (its buffers are reused; the first draw at a new
/// size resizes them). Building these for every input was most of the target's time: a tree
/// clone of the whole embedded content, twice per input, under AddressSanitizer.
struct Kept {
    tree: Option<Tree>,
    config: Config,
    themes: [Theme; 2],
    term: Terminal<TestBackend>,
}

thread_local! {
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

fn kept() -> Option<Kept> {
    let tree = content::default_tree().ok()?;
    let config = Config::default();
    assert!(config.kiosk.pin_hash.is_none());
    Some(Kept {
        tree: Some(tree),
        config,
        themes: [Theme::no_color(), Theme::default()],
        term: Terminal::new(TestBackend::new(1, 1)).expect("a test terminal"),
    })
}

/// Draws the app into a blank frame of `w` x `h`. Only the drawing is fuzzed: ratatui's diff
/// against the last frame and the test backend's copy of it (most of a frame's cost under the
/// fuzzer's instrumentation) are skipped, and the frame is blanked for the next one. The frame is
/// sized here, not the backend (never written to, it stays 1x1, so that ratatui's clear on a
/// resize costs nothing): several resizes between two frames cost one resize of the buffers.
fn draw(term: &mut Terminal<TestBackend>, app: &mut Ui, (w, h): (u16, u16)) {
    let area = Rect::new(0, 0, w, h);
    if term.get_frame().area() != area {
        term.resize(area).expect("a frame of any size");
    }
    app.render(&mut term.get_frame());
    term.current_buffer_mut().reset();
}

/// At most this many inputs go by while a frame is due before one is drawn. Drawing every
/// state that asked for a frame was most of the target's time; the invariants do not read the
/// frame, and a frame is a pure function of the state, so what is skipped is a frame of a state
/// that the next frame drawn (a few inputs on, before a tap, or at the end) mostly repeats. On a
/// fixed corpus this made a run about 1.2x faster; the coverage of a 30 s run did not drop.
const DRAW_EVERY: usize = 4;

/// Runs the inputs in `data` through one app (a kiosk if `kiosk`); hands the tree back.
fn run(data: &[u8], tree: Tree, k: &mut Kept, kiosk: bool) -> Tree {
    let app = if kiosk {
        App::new_kiosk(tree, k.config.clone(), Duration::ZERO)
    } else {
        App::new(tree, k.config.clone())
    };
    let mut app = Ui::new(app, k.themes[usize::from(kiosk)]);
    let questions = app.tree.questions.len();
    let mut b = Bytes(data);
    let mut now = Duration::ZERO;
    let mut size = (80, 24);
    app.update(Input::Resize { w: 80, h: 24 }, now);
    // Inputs since the last frame (none drawn yet), and whether one is due: the app asked for
    // one (as the terminal runner draws when asked), or the size changed.
    let (mut steps, mut since, mut due) = (0, 0, true);
    while !b.0.is_empty() && steps < MAX_STEPS {
        steps += 1;
        let input = next_input(&mut b, &mut app, &mut now);
        let effects = app.update(input, now);
        if kiosk {
            assert!(
                !effects.contains(&Effect::Quit),
                "a kiosk without a PIN quit on {input:?}"
            );
        }
        check(&app);
        if let Input::Resize { w, h } = input {
            size = (w, h);
            due = true;
        }
        due |= effects.contains(&Effect::Redraw);
        since += 1;
        // Before a tap at a cell of an ordinary screen (op 10), the frame that is due is drawn: a
        // person taps what they see (`Ui::update` drops a tap on a screen changed since the last
        // frame). A tap at any cell (op 11) does not wait for it: two taps read in one go, a
        // double tap, are fuzzed too.
        let tap_next = b.0.first().is_some_and(|op| op % 16 == 10);
        if due && (since >= DRAW_EVERY || tap_next) {
            draw(&mut k.term, &mut app, size);
            (since, due) = (0, false);
        }
    }
    // The last state is drawn whatever it asked for.
    draw(&mut k.term, &mut app, size);
    let tree = app.into_app().tree;
    // Nothing a person does changes the content (only a reload does): reusing it is sound.
    assert_eq!(tree.questions.len(), questions);
    tree
}

fuzz_target!(|data: &[u8]| {
    KEPT.with_borrow_mut(|slot| {
        if slot.is_none() {
            *slot = kept();
        }
        let Some(k) = slot.as_mut() else { return };
        let Some(tree) = k.tree.take() else { return };
        let tree = run(data, tree, k, false);
        let tree = run(data, tree, k, true);
        k.tree = Some(tree);
    });
});
