//! Shared helpers for the app and UI tests: the starter tree, an app on it, keys and frames.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers"
)]

pub mod pty;
pub mod walk;

use std::path::Path;
use std::time::Duration;

use aftercare::app::{App, Effect, Input, Key};
use aftercare::config::Config;
use aftercare::content;
use aftercare::ui::Ui;
use aftercare::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// An app on the starter tree, default config, no colour, at `w` x `h`.
pub fn app(w: u16, h: u16) -> Ui {
    let checked = content::check_path(Path::new("tests/fixtures/starter/tree.toml")).unwrap();
    let tree = checked.tree.expect("the starter tree validates");
    let mut app = aftercare::ui::Ui::new(App::new(tree, Config::default()), Theme::no_color());
    app.update(Input::Resize { w, h }, Duration::ZERO);
    app
}

/// Presses each key in turn, one second apart; returns every effect.
pub fn press(app: &mut Ui, keys: &[Key]) -> Vec<Effect> {
    let mut out = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        out.extend(app.update(Input::Key(*k), Duration::from_secs(i as u64 + 1)));
    }
    out
}

/// Types characters as keys ("\n" is Enter).
pub fn typed(s: &str) -> Vec<Key> {
    s.chars()
        .map(|c| if c == '\n' { Key::Enter } else { Key::Char(c) })
        .collect()
}

/// Draws the app into a test terminal of its own size.
pub fn draw(app: &Ui) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| {
        aftercare::ui::render(app, app.theme(), f);
    })
    .unwrap();
    t
}

/// The whole screen as text, rows joined with newlines.
pub fn text(t: &Terminal<TestBackend>) -> String {
    let b = t.backend().buffer();
    let mut s = String::new();
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            s.push_str(b[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

/// Runs a command with `input` on its standard input and returns everything it wrote.
pub fn piped(cmd: &mut std::process::Command, input: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}
