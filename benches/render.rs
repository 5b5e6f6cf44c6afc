//! Rendering and input: `App::update` for a key; each screen (welcome, question, outcome, help,
//! the kiosk countdown) drawn into a TestBackend at 80x24 and 200x60; the whole key → frame
//! path (update, render, and ratatui's diff into the backend); and key → bytes, what the terminal
//! runner does for a key (update, render, `term::screen`'s diff and the bytes it would write).
//! Small samples keep `cargo bench` short. The embedded content throughout.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use aftercare::app::{App, Input, Key, Overlay, Screen};
use aftercare::config::Config;
use aftercare::content;
use aftercare::ui::Ui;
use aftercare::ui::theme::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn app(w: u16, h: u16) -> Ui {
    let mut a = Ui::new(
        App::new(content::default_tree().unwrap(), Config::default()),
        Theme::default(),
    );
    a.update(Input::Resize { w, h }, Duration::ZERO);
    a
}

fn key(a: &mut Ui, k: Key) {
    // A second after the latest input: each key is given on purpose, past the settle time after
    // the screen it answers (src/app/settle.rs).
    let at = a.last_input_at() + Duration::from_secs(1);
    a.update(Input::Key(k), at);
}

/// Each screen to draw, by name.
fn screens(w: u16, h: u16) -> Vec<(&'static str, Ui)> {
    let welcome = app(w, h);
    let mut question = app(w, h);
    key(&mut question, Key::Enter);
    assert!(matches!(question.screen, Screen::Question { .. }));
    // The first answer of each question, until an outcome (the emergency screen's first
    // answer leads to the emergency outcome: the longest, most styled one).
    let mut outcome = question.clone();
    for _ in 0..20 {
        if matches!(outcome.screen, Screen::Outcome { .. }) {
            break;
        }
        key(&mut outcome, Key::Enter);
    }
    assert!(matches!(outcome.screen, Screen::Outcome { .. }));
    let mut help = app(w, h);
    key(&mut help, Key::Char('?'));
    assert!(matches!(help.overlay, Some(Overlay::Help { .. })));
    let mut kiosk = Ui::new(
        App::new_kiosk(
            content::default_tree().unwrap(),
            Config::default(),
            Duration::ZERO,
        ),
        Theme::default(),
    );
    kiosk.update(Input::Resize { w, h }, Duration::ZERO);
    kiosk.update(Input::Key(Key::Enter), Duration::ZERO);
    // Deadlines in turn (the new question's settle time first, then the idle timer) until the
    // "still there?" dialog shows.
    for _ in 0..10 {
        if kiosk.overlay.is_some() {
            break;
        }
        let at = kiosk.next_deadline().unwrap();
        kiosk.update(Input::Deadline, at);
    }
    assert_eq!(kiosk.overlay, Some(Overlay::StillThere));
    vec![
        ("welcome", welcome),
        ("question", question),
        ("outcome", outcome),
        ("help", help),
        ("kiosk_countdown", kiosk),
    ]
}

fn update(c: &mut Criterion) {
    let mut g = c.benchmark_group("update");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    // Two keys per iteration (Down then Up) so the state returns to where it started.
    let mut a = app(80, 24);
    key(&mut a, Key::Enter);
    g.bench_function("question_down_up", |b| {
        b.iter(|| {
            black_box(a.update(Input::Key(Key::Down), Duration::from_secs(2)));
            black_box(a.update(Input::Key(Key::Up), Duration::from_secs(2)));
        })
    });
    g.finish();
}

fn render(c: &mut Criterion) {
    let mut g = c.benchmark_group("render");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for (w, h) in SIZES {
        for (name, a) in screens(w, h) {
            // A fresh buffer each time: the whole screen is rendered and diffed against blank.
            g.bench_with_input(BenchmarkId::new(name, format!("{w}x{h}")), &a, |b, a| {
                let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
                b.iter(|| {
                    t.clear().unwrap();
                    t.draw(|f| {
                        aftercare::ui::render(a, a.theme(), f);
                    })
                    .unwrap();
                })
            });
        }
    }
    g.finish();
}

fn key_to_frame(c: &mut Criterion) {
    let mut g = c.benchmark_group("key_to_frame");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for (w, h) in SIZES {
        // What the runner does per key: update, render, diff against the previous frame and
        // write the changes to the backend. Down then Up: two keys, two frames per iteration.
        let mut a = app(w, h);
        key(&mut a, Key::Enter);
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| a.render(f)).unwrap();
        g.bench_function(
            BenchmarkId::new("question_down_up", format!("{w}x{h}")),
            |b| {
                b.iter(|| {
                    for k in [Key::Down, Key::Up] {
                        a.update(Input::Key(k), Duration::from_secs(2));
                        t.draw(|f| {
                            a.render(f);
                        })
                        .unwrap();
                    }
                })
            },
        );
    }
    g.finish();
}

fn key_to_bytes(c: &mut Criterion) {
    use aftercare::term::screen::Screen;
    let mut g = c.benchmark_group("key_to_bytes");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for (w, h) in SIZES {
        for (name, enter) in [("welcome_down_up", false), ("question_down_up", true)] {
            // Down then Up: two keys, two frames per iteration, written into memory.
            let mut a = app(w, h);
            if enter {
                key(&mut a, Key::Enter);
            }
            let mut s = Screen::new(w, h).unwrap();
            let mut out = Vec::with_capacity(1 << 16);
            s.draw(&mut out, |f| a.render(f)).unwrap();
            g.bench_function(BenchmarkId::new(name, format!("{w}x{h}")), |b| {
                b.iter(|| {
                    for k in [Key::Down, Key::Up] {
                        a.update(Input::Key(k), Duration::from_secs(2));
                        out.clear();
                        s.draw_changed(&mut out, |f, part| a.render_changed(f, part))
                            .unwrap();
                    }
                    black_box(out.len())
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, update, render, key_to_frame, key_to_bytes);
criterion_main!(benches);
