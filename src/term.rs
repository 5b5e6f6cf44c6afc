//! The terminal runner: the only module (with `main.rs`) that touches crossterm.
//!
//! It owns the terminal's lifecycle: raw mode, the alternate screen and mouse capture on entry;
//! and restoring all of it on every way out — a normal quit (guard drop), a panic (a hook that
//! restores *before* the report is printed) and SIGTERM/SIGHUP (a signal thread that restores
//! and exits). The loop blocks until input or the app's next deadline, drains what is queued,
//! updates for each input, and draws once if anything changed: an idle app uses no CPU.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::{Mutex, PoisonError};

/// A kiosk's log and its per-level counts so far (when the config asks for counts), for the
/// line written when a signal ends it: the signal thread exits without returning to `main`.
static EXIT_LOG: Mutex<Option<(Log, Option<[u64; 5]>)>> = Mutex::new(None);

fn note_for_exit(app: &App, log: &Log) {
    let Some(k) = &app.kiosk else { return };
    let counts = app.config.kiosk.count_results.then_some(k.counts);
    *EXIT_LOG.lock().unwrap_or_else(PoisonError::into_inner) = Some((log.clone(), counts));
}

fn log_exit(sig: i32) {
    if let Some((log, counts)) = EXIT_LOG
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take()
    {
        log.write(&format!("kiosk stopped by signal {sig}"));
        if let Some(c) = counts {
            log.counts(&c);
        }
    }
}

/// Held while the app updates and draws, so a signal never restores the terminal mid-frame.
static DRAWING: Mutex<()> = Mutex::new(());
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEvent,
    KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::pointer::Pointer;
use crate::app::{App, Effect, Input, Key, Mode};
use crate::kiosk_log::Log;
use crate::reload::Reload;
use crate::ui;

/// What a run needs besides the app.
pub struct Options {
    /// The hidden test switch for the panic test: panic after the first frame.
    pub panic_after_first_frame: bool,
    /// The clock's zero: every `now` given to the app is the time since this instant. A kiosk
    /// that restarts its loop after a crash keeps the same zero.
    pub clock: Instant,
    /// Validated content from the hot-reload watcher (kiosk).
    pub reloads: Option<Receiver<Reload>>,
    /// The kiosk log (a `Log` without a path writes nothing).
    pub log: Log,
}

impl Options {
    /// Options for an ordinary run at a terminal.
    pub fn new() -> Self {
        Options {
            panic_after_first_frame: false,
            clock: Instant::now(),
            reloads: None,
            log: Log::new(None, 0),
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Self::new()
    }
}

/// Runs the app until the person quits (or, in a kiosk, staff leave). The terminal is restored
/// when this returns, whether with `Ok` or `Err`, and by the panic hook if it panics.
pub fn run(app: &mut App, opts: &Options) -> io::Result<()> {
    install_panic_hook();
    watch_signals(app.mode)?;
    watch_hangup();
    let _guard = Guard::enter()?;
    note_for_exit(app, &opts.log);
    let mut term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let start = opts.clock;
    let panic_after_first_frame = opts.panic_after_first_frame;
    let (w, h) = terminal::size()?;
    app.update(Input::Resize { w, h }, start.elapsed());
    term.draw(|f| ui::render(app, f))?;
    if panic_after_first_frame {
        test_panic();
    }
    let mut events_in = Events::default();
    loop {
        let mut events = vec![wait(app, start)?];
        while event::poll(Duration::ZERO)? {
            events.push(Some(event::read()?));
        }
        let _lock = DRAWING.lock().unwrap_or_else(PoisonError::into_inner);
        let mut redraw = false;
        for ev in events {
            let input = match ev {
                Some(ev) => events_in.translate(ev),
                None => Some(Input::Deadline),
            };
            let Some(input) = input else { continue };
            for effect in app.update(input, start.elapsed()) {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Redraw => redraw = true,
                    Effect::Bell => {
                        let _ = io::stdout().write_all(b"\x07");
                    }
                    Effect::SaveSummary => {
                        let (path, overwrite) = app.save_request();
                        let text = ui::summary::markdown(app);
                        app.saved(crate::save_file::write(&path, &text, overwrite));
                        redraw = true;
                    }
                }
            }
        }
        redraw |= take_reloads(app, opts);
        note_for_exit(app, &opts.log);
        if redraw {
            term.draw(|f| ui::render(app, f))?;
        }
    }
}

#[allow(
    clippy::panic,
    reason = "the hidden AFTERCARE_TEST_PANIC switch exists to panic"
)]
fn test_panic() {
    panic!("AFTERCARE_TEST_PANIC: forced panic after the first frame");
}

/// Blocks until an event arrives (`Some`) or the app's next deadline passes (`None`).
fn wait(app: &App, start: Instant) -> io::Result<Option<Event>> {
    match app.next_deadline() {
        None => event::read().map(Some),
        Some(at) => {
            let left = at.saturating_sub(start.elapsed());
            if event::poll(left)? {
                event::read().map(Some)
            } else {
                Ok(None)
            }
        }
    }
}

/// Translates crossterm events into the app's input; the touch rules are in [`Pointer`].
#[derive(Debug, Default)]
struct Events {
    pointer: Pointer,
}

impl Events {
    /// Translates a crossterm event; key releases and repeats, and unknown keys, are dropped.
    fn translate(&mut self, ev: Event) -> Option<Input> {
        match ev {
            Event::Key(k) if k.kind == KeyEventKind::Press => key(k).map(Input::Key),
            Event::Mouse(m) => self.mouse(m.kind, m.column, m.row),
            Event::Resize(w, h) => Some(Input::Resize { w, h }),
            _ => None,
        }
    }

    fn mouse(&mut self, kind: MouseEventKind, col: u16, row: u16) -> Option<Input> {
        match kind {
            MouseEventKind::Down(MouseButton::Left) => {
                self.pointer.press(col, row);
                None
            }
            MouseEventKind::Drag(MouseButton::Left) => self.pointer.drag(col, row),
            MouseEventKind::Up(MouseButton::Left) => self.pointer.release(),
            MouseEventKind::ScrollUp => Some(Input::Scroll { col, row, up: true }),
            MouseEventKind::ScrollDown => Some(Input::Scroll {
                col,
                row,
                up: false,
            }),
            _ => None,
        }
    }
}

fn key(k: KeyEvent) -> Option<Key> {
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        return match k.code {
            KeyCode::Char(c) => Some(Key::Ctrl(c.to_ascii_lowercase())),
            _ => None,
        };
    }
    Some(match k.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        _ => return None,
    })
}

/// Whether the terminal is in app mode. Restoring twice would be harmful, not just redundant:
/// a second leave-alternate-screen restores the saved cursor position on xterm and the shell
/// prompt then overwrites the panic report.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal into app mode; dropping it restores the terminal.
struct Guard;

impl Guard {
    fn enter() -> io::Result<Guard> {
        terminal::enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let guard = Guard;
        execute!(
            io::stdout(),
            terminal::EnterAlternateScreen,
            EnableMouseCapture,
            DisableBracketedPaste,
            cursor::Hide
        )?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves app mode, once. Never panics: every step is tried and failures are ignored, because this
/// runs from the panic hook and the signal thread too.
pub fn restore() {
    // One restorer at a time: a second caller (the signal thread racing a normal quit) waits
    // until the first has finished, then finds nothing left to do, so nobody exits mid-restore.
    static RESTORING: Mutex<()> = Mutex::new(());
    let _one = RESTORING.lock().unwrap_or_else(PoisonError::into_inner);
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = io::stdout().flush();
}

/// Hands content the watcher validated to the app (it takes over between sessions) and logs
/// it; returns whether the screen changed.
fn take_reloads(app: &mut App, opts: &Options) -> bool {
    let Some(rx) = &opts.reloads else {
        return false;
    };
    let mut changed = false;
    while let Ok(r) = rx.try_recv() {
        match r {
            Reload::Accepted(tree) => {
                let version = tree.meta.version.clone();
                let now = app.offer_content(*tree);
                let when = if now { "now" } else { "after this session" };
                opts.log.write(&format!(
                    "content reload accepted (version {version}); takes over {when}"
                ));
                changed |= now;
            }
            Reload::Refused(lines) => {
                opts.log.write(&format!(
                    "content reload refused; the old content keeps serving: {}",
                    lines.join(" | ")
                ));
            }
        }
    }
    changed
}

/// Restores the terminal first, then prints a short note (no answers), then the usual report.
/// Installed once, however many times a kiosk restarts its loop.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            let _ = writeln!(io::stderr(), "{}", ui::strings::CRASHED);
            previous(info);
        }));
    });
}

/// Ends the process when the terminal goes away under it (a window closed, a connection gone)
/// and no SIGHUP says so — the app is not the terminal's controlling process, e.g. started with
/// `setsid`. crossterm's reader retries a read that fails with EIO forever, so without this the
/// loop would spin at 100% CPU. A thread blocks in `poll` on stdin for a hang-up only: no
/// wake-ups until then. Exits as SIGHUP does. Started once per process.
fn watch_hangup() {
    use rustix::event::{PollFd, PollFlags, poll};
    use std::io::IsTerminal;
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if !io::stdin().is_terminal() {
            return;
        }
        let _ = std::thread::Builder::new().name("hangup".into()).spawn(|| {
            let stdin = io::stdin();
            loop {
                let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
                match poll(&mut fds, None) {
                    Ok(n) if n > 0 => break,
                    Err(rustix::io::Errno::BADF) => return,
                    _ => {} // EINTR (a signal such as SIGWINCH): wait again
                }
            }
            let _lock = DRAWING.lock().unwrap_or_else(PoisonError::into_inner);
            restore();
            std::process::exit(0);
        });
    });
}

/// SIGTERM and SIGHUP quit like a normal quit: wait for any frame being drawn, restore, exit.
/// SIGINT and SIGQUIT from outside do the same at a terminal; a kiosk ignores them (only SIGTERM,
/// SIGHUP or the staff exit end it). Registered once per process.
fn watch_signals(mode: Mode) -> io::Result<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    let mut result = Ok(());
    ONCE.call_once(|| {
        result = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]).and_then(|mut signals| {
            std::thread::Builder::new()
                .name("signals".into())
                .spawn(move || {
                    for sig in signals.forever() {
                        if mode == Mode::Kiosk && (sig == SIGINT || sig == SIGQUIT) {
                            continue;
                        }
                        let _lock = DRAWING.lock().unwrap_or_else(PoisonError::into_inner);
                        restore();
                        log_exit(sig);
                        std::process::exit(match sig {
                            SIGTERM | SIGHUP => 0,
                            // 128 + the signal number, as shells report it.
                            _ => 128 + sig,
                        });
                    }
                })
                .map(|_| ())
        });
    });
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tap_chooses_and_a_drag_scrolls_without_choosing() {
        let mut p = Events::default();
        assert_eq!(
            p.mouse(MouseEventKind::Down(MouseButton::Left), 5, 10),
            None
        );
        assert_eq!(
            p.mouse(MouseEventKind::Up(MouseButton::Left), 5, 10),
            Some(Input::Click { col: 5, row: 10 })
        );
        p.mouse(MouseEventKind::Down(MouseButton::Left), 5, 10);
        assert_eq!(
            p.mouse(MouseEventKind::Drag(MouseButton::Left), 5, 8),
            Some(Input::Scroll {
                col: 5,
                row: 8,
                up: false
            })
        );
        assert_eq!(p.mouse(MouseEventKind::Drag(MouseButton::Left), 5, 8), None);
        assert_eq!(
            p.mouse(MouseEventKind::Up(MouseButton::Left), 5, 8),
            None,
            "no tap after a drag"
        );
        assert_eq!(
            p.mouse(MouseEventKind::ScrollUp, 1, 1),
            Some(Input::Scroll {
                col: 1,
                row: 1,
                up: true
            })
        );
    }
}
