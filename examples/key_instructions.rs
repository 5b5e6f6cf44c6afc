//! Cold keys, one by one, as the terminal runner handles them (update, render, `term::screen`'s
//! diff and the bytes of its one write, here into memory): for counting a key's instructions and
//! cache misses with callgrind (`scripts/bench-key.sh`), figures that a busy machine does not
//! change. Before each key the caches are flushed by touching 64 MB, as a person's pause lets
//! other work do; only [`one_key`] is counted (`--toggle-collect`).
//!
//! `key_instructions SCREEN KEYS [time]`: SCREEN is `welcome` or `question` (80x24); with `time`
//! it prints the median time of a cold key to the write and in all instead (noisy on a busy machine).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

use aftercare::app::{App, Input, Key};
use aftercare::config::Config;
use aftercare::content;
use aftercare::term::screen::Screen;
use aftercare::ui::Ui;
use aftercare::ui::theme::Theme;

/// The terminal: keeps the bytes written. [`Pty::written`] is where the first byte of a key's
/// frame would reach the terminal (`scripts/bench-key.sh` splits the counts there).
struct Pty(Vec<u8>, Option<Instant>);

impl Pty {
    #[inline(never)]
    fn written(&mut self, buf: &[u8]) {
        self.1.get_or_insert_with(Instant::now);
        self.0.extend_from_slice(buf);
    }
}

impl Write for Pty {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.written(buf);
        Ok(buf.len())
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.written(buf);
        Ok(())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// One key, what the runner does for it: update, then what changed drawn and its bytes written.
#[inline(never)]
fn one_key(ui: &mut Ui, screen: &mut Screen, out: &mut Pty, k: Key) -> usize {
    ui.update(Input::Key(k), Duration::from_secs(2));
    out.0.clear();
    screen
        .draw_changed(out, |f, part| ui.render_changed(f, part))
        .unwrap();
    out.0.len()
}

/// Touches `junk` so that what a key reads is out of the caches.
#[inline(never)]
fn flush(junk: &mut [u8], round: u8) {
    for b in junk.iter_mut().step_by(64) {
        *b = b.wrapping_add(round);
    }
    black_box(junk);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let screen_name = args.next().unwrap_or_else(|| "welcome".into());
    let keys: usize = args
        .next()
        .map_or(20, |s| s.parse().expect("a number of keys"));
    let time = args.next().as_deref() == Some("time");
    let (w, h) = (80, 24);
    let mut ui = Ui::new(
        App::new(content::default_tree().unwrap(), Config::default()),
        Theme::default(),
    );
    ui.update(Input::Resize { w, h }, Duration::ZERO);
    match screen_name.as_str() {
        "welcome" => {}
        "question" => {
            ui.update(Input::Key(Key::Enter), Duration::from_secs(1));
        }
        other => panic!("unknown screen '{other}': welcome or question"),
    }
    let mut screen = Screen::new(w, h).unwrap();
    let mut out = Pty(Vec::with_capacity(1 << 16), None);
    screen.draw(&mut out, |f| ui.render(f)).unwrap();
    let mut junk = vec![0u8; 64 << 20];
    let mut times = Vec::with_capacity(keys);
    let mut bytes = 0;
    for i in 0..keys {
        flush(&mut junk, i as u8);
        let k = if i % 2 == 0 { Key::Down } else { Key::Up };
        out.1 = None;
        let t = Instant::now();
        bytes += one_key(&mut ui, &mut screen, &mut out, k);
        let all = t.elapsed();
        times.push((out.1.map_or(all, |w| w - t), all));
    }
    if time {
        let median = |mut v: Vec<Duration>| {
            v.sort();
            v[v.len() / 2]
        };
        println!(
            "{screen_name}: {keys} cold keys, median {:?} to the write, {:?} in all, {bytes} bytes",
            median(times.iter().map(|t| t.0).collect()),
            median(times.iter().map(|t| t.1).collect()),
        );
    } else {
        println!("{screen_name}: {keys} cold keys, {bytes} bytes");
    }
}
