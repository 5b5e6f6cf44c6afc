//! A key that only moves the highlight redraws only the rows of the answers
//! (`Ui::render_changed` with `term::screen::Screen::draw_changed`): what a person sees must be
//! exactly what drawing the whole frame shows. Two copies of the app take the same seeded walk
//! of keys, taps, wheel turns and resizes, in every theme and in a kiosk; one draws every frame
//! whole, the other draws what changed; after every step both terminals (vt100) must show the
//! same characters in the same colours and attributes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::Duration;

use aftercare::app::{Context, Input, Key};
use aftercare::config::ThemeName;
use aftercare::term::screen::Screen;
use aftercare::ui::Ui;
use aftercare::ui::theme::Theme;
use common::rng::Rng;
use common::{TestApp, embedded, short_or_long};

const KEYS: &[Key] = &[
    Key::Up,
    Key::Down,
    Key::Up,
    Key::Down,
    Key::Home,
    Key::End,
    Key::PageUp,
    Key::PageDown,
    Key::Enter,
    Key::Esc,
    Key::Left,
    Key::Tab,
    Key::Char('?'),
    Key::Char('q'),
    Key::Char('n'),
    Key::Char('r'),
    Key::Char('a'),
];
const SIZES: &[(u16, u16)] = &[(80, 24), (40, 12), (60, 16), (100, 30), (39, 11), (80, 24)];

fn input(r: &mut Rng, (w, h): (u16, u16), on_menu: bool) -> Input {
    match r.below(100) {
        // Back to the questions now and then, where most of the walk's keys move a highlight.
        0..=19 if !on_menu => Input::Key(Key::Esc),
        0..=44 => Input::Key(r.pick(&[Key::Up, Key::Down])),
        45..=59 => Input::Key(Key::Char(char::from(b'1' + r.below(9) as u8))),
        60..=79 => Input::Key(r.pick(KEYS)),
        80..=89 => Input::Click {
            col: r.below(u64::from(w)) as u16,
            row: r.below(u64::from(h)) as u16,
        },
        90..=94 => Input::Scroll {
            col: r.below(u64::from(w)) as u16,
            row: r.below(u64::from(h)) as u16,
            up: r.below(2) == 0,
        },
        _ => {
            let (w, h) = r.pick(SIZES);
            Input::Resize { w, h }
        }
    }
}

/// What a terminal shows: every cell's character, colours and attributes (not where its hidden
/// cursor was left).
fn shown(p: &vt100::Parser) -> Vec<String> {
    let s = p.screen();
    let (rows, cols) = s.size();
    let mut out = Vec::new();
    for row in 0..rows.get() {
        for col in 0..cols.get() {
            let c = s.cell(row, col).unwrap();
            out.push(format!(
                "{} {:?} {:?} {}{}{}{}{}",
                c.contents(),
                c.fgcolor(),
                c.bgcolor(),
                c.bold(),
                c.dim(),
                c.italic(),
                c.underline(),
                c.inverse()
            ));
        }
    }
    out
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap()
}

/// Walks `steps` inputs through two copies of `app`; returns how many frames were drawn in part.
fn walk(app: Ui, seed: u64, steps: usize) -> usize {
    let (mut whole, mut part) = (app.clone(), app);
    let (mut w, mut h) = (80, 24);
    let (mut sa, mut sb) = (Screen::new(w, h).unwrap(), Screen::new(w, h).unwrap());
    let (mut va, mut vb) = (
        vt100::Parser::new(nz(h), nz(w), 0),
        vt100::Parser::new(nz(h), nz(w), 0),
    );
    whole.update(Input::Resize { w, h }, Duration::ZERO);
    part.update(Input::Resize { w, h }, Duration::ZERO);
    let mut r = Rng::new(seed);
    let mut parts = 0;
    for step in 0..steps {
        let now = Duration::from_millis(step as u64 * 200);
        let on_menu = matches!(part.context(), Context::Question | Context::Welcome);
        let i = input(&mut r, (w, h), on_menu);
        if let Input::Resize { w: nw, h: nh } = i {
            (w, h) = (nw, nh);
            for (s, v) in [(&mut sa, &mut va), (&mut sb, &mut vb)] {
                s.resize(w, h);
                v.set_size(nz(h), nz(w));
            }
        }
        whole.update(i, now);
        part.update(i, now);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        sa.draw(&mut a, |f| whole.render(f)).unwrap();
        sb.draw_changed(&mut b, |f, may| {
            let rows = part.render_changed(f, may);
            parts += usize::from(rows.is_some());
            rows
        })
        .unwrap();
        va.process(&a);
        vb.process(&b);
        assert!(
            shown(&va) == shown(&vb),
            "seed {seed:#x} step {step} input {i:?} at {w}x{h}:\nwhole:\n{}\nin part:\n{}",
            va.screen().contents(),
            vb.screen().contents()
        );
    }
    parts
}

#[test]
fn drawing_only_the_moved_answers_shows_what_drawing_the_whole_frame_shows() {
    let steps = short_or_long(600, 6_000);
    let themes = [
        Theme::default(),
        Theme::choose(ThemeName::HighContrast, false, None),
        Theme::no_color(),
        // The Linux console: every cell made ASCII after drawing.
        Theme::choose(ThemeName::Default, false, Some("linux")),
    ];
    let mut counts = Vec::new();
    for (k, theme) in themes.into_iter().enumerate() {
        let seed = 0x9a27_1a1d_0000_0000 + k as u64;
        counts.push(walk(
            TestApp::on(embedded()).theme(theme).build(),
            seed,
            steps,
        ));
        let kiosk = TestApp::on(embedded()).kiosk().theme(theme).build();
        counts.push(walk(kiosk, seed ^ 0xffff, steps));
    }
    // Not vacuous: every walk drew frames in part, and many of them.
    let total: usize = counts.iter().sum();
    assert!(
        counts.iter().all(|&n| n > 0) && total > counts.len() * steps / 10,
        "frames drawn in part, of {steps} a walk: {counts:?}"
    );
}
