//! Shared helpers for the tests: the one way to build a test app ([`TestApp`]), the fake clock
//! ([`secs`], [`ms`]), keys and frames, a small seeded RNG, and whether the long runs are asked
//! for ([`long_tests`]).
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers"
)]

pub mod pty;
pub mod rng;
pub mod walk;

use std::path::{Path, PathBuf};
use std::time::Duration;

use aftercare::app::{App, Effect, Input, Key};
use aftercare::config::Config;
use aftercare::content::{self, Tree};
use aftercare::ui::Ui;
use aftercare::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Set (to anything but `0`) to run the soak walks and property tests at full length, as
/// `.ci/run` does. Without it they run a short version, so an ordinary `cargo test` stays fast
/// and can still fail.
pub const LONG_TESTS: &str = "AFTERCARE_LONG_TESTS";

/// A copy of the bilingual fixture (English and `es/`) in `dir/content`.
pub fn bilingual_folder(dir: &Path) -> PathBuf {
    let content = dir.join("content");
    std::fs::create_dir_all(content.join("es")).unwrap();
    for name in ["tree.toml", "sources.toml", "es/tree.toml"] {
        let from = Path::new("tests/fixtures/bilingual").join(name);
        std::fs::copy(from, content.join(name)).unwrap();
    }
    content
}

/// Whether [`LONG_TESTS`] asks for the full-length runs.
pub fn long_tests() -> bool {
    std::env::var_os(LONG_TESTS).is_some_and(|v| v != "0")
}

/// `short` in an ordinary run, `long` when [`long_tests`] asks for the full run.
pub fn short_or_long<T>(short: T, long: T) -> T {
    if long_tests() { long } else { short }
}

/// `n` seconds on the fake clock that app tests pass to `update`.
pub fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// `n` milliseconds on the fake clock.
pub fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// The starter tree (tests/fixtures/starter): small and stable, for exact assertions.
pub fn starter() -> Tree {
    content::check_path(Path::new("tests/fixtures/starter/tree.toml"))
        .unwrap()
        .tree
        .expect("the starter tree validates")
}

/// The embedded default content, as shipped.
pub fn embedded() -> Tree {
    content::default_tree().expect("the embedded content validates")
}

/// How a test app starts: a normal app with the default config, no colour, 80x24, unless told
/// otherwise. `build` lays it out at time zero, as a runner does before the first frame.
pub struct TestApp {
    tree: Tree,
    /// The language to start in and the content's translations, if it has any.
    languages: Option<(aftercare::i18n::Lang, Vec<(aftercare::i18n::Lang, Tree)>)>,
    config: Config,
    theme: Theme,
    kiosk: bool,
    size: (u16, u16),
}

impl TestApp {
    /// A normal app on `tree`.
    pub fn on(tree: Tree) -> Self {
        TestApp {
            tree,
            languages: None,
            config: Config::default(),
            theme: Theme::no_color(),
            kiosk: false,
            size: (80, 24),
        }
    }

    /// A kiosk (started at time zero) instead of a normal app.
    pub fn kiosk(mut self) -> Self {
        self.kiosk = true;
        self
    }

    /// A clinic config other than the default one.
    pub fn config(mut self, config: Config) -> Self {
        self.config = config;
        self
    }

    /// Content in more than one language (`tree` is the English), started in `lang`.
    pub fn languages(
        mut self,
        lang: aftercare::i18n::Lang,
        translations: Vec<(aftercare::i18n::Lang, Tree)>,
    ) -> Self {
        self.languages = Some((lang, translations));
        self
    }

    /// A theme other than no colour (colour makes pictures move).
    pub fn theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self
    }

    /// A screen size other than 80x24.
    pub fn size(mut self, w: u16, h: u16) -> Self {
        self.size = (w, h);
        self
    }

    /// The app, laid out at its size at time zero.
    pub fn build(self) -> Ui {
        let mut app = if self.kiosk {
            App::new_kiosk(self.tree, self.config, Duration::ZERO)
        } else {
            App::new(self.tree, self.config)
        };
        if let Some((lang, translations)) = self.languages {
            app.set_languages(lang, translations);
        }
        let mut ui = Ui::new(app, self.theme);
        let (w, h) = self.size;
        ui.update(Input::Resize { w, h }, Duration::ZERO);
        ui
    }
}

/// An app on the starter tree, default config, no colour, at `w` x `h`.
pub fn app(w: u16, h: u16) -> Ui {
    TestApp::on(starter()).size(w, h).build()
}

/// Presses each key in turn, one second apart, the first a second after the latest input (a
/// person who reads each screen: `app::settle` drops keys that come too soon); returns every
/// effect.
pub fn press(app: &mut Ui, keys: &[Key]) -> Vec<Effect> {
    let mut out = Vec::new();
    for k in keys {
        let at = app.last_input_at() + secs(1);
        out.extend(app.update(Input::Key(*k), at));
    }
    out
}

/// Types characters as keys ("\n" is Enter).
pub fn typed(s: &str) -> Vec<Key> {
    s.chars()
        .map(|c| if c == '\n' { Key::Enter } else { Key::Char(c) })
        .collect()
}

/// Draws the app as a runner does after an input (a tap needs the screen it aims at on screen:
/// `Ui` drops a tap on a screen that changed and was not drawn again).
pub fn show(app: &mut Ui) {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| app.render(f)).unwrap();
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

/// Runs the real binary with `args` (and `NO_COLOR`); returns its exit status, standard output
/// and standard error.
pub fn aftercare(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aftercare"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
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

/// Every `.rs` file below `dir`, depth first: the source walk the architecture and catalogue
/// tests share.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}
