//! The terminal runner: the only module (with `main.rs`) that touches crossterm.
//!
//! It owns the terminal's lifecycle: raw mode, the alternate screen and mouse capture on entry;
//! and restoring all of it on every way out — a normal quit (guard drop), a panic (a hook that
//! restores *before* the report is printed) and SIGTERM/SIGHUP (a signal thread that restores
//! and exits).
//!
//! The loop waits in `poll(2)` on two things until the earliest deadline — the app's own (the
//! kiosk's idle timer, the picture's next frame) or an unfinished escape sequence's: the terminal,
//! read only when it has bytes (one `read`, which then cannot block), and a wake-up socket. Other
//! threads — SIGWINCH, the hot-reload watcher — put a [`Msg`] on a channel and wake the loop
//! through the socket ([`Sender`]). So a key costs no thread hop, the loop never blocks on a read,
//! and an idle app uses no CPU. Bytes become keys in [`decode`], which never waits for ever; the
//! drawn area is capped by [`clamp`]; each frame is compared with the one on screen and its
//! changes written in one write by [`screen`].

pub mod clamp;
pub mod decode;
pub mod refused;
pub mod screen;
mod tty;

use std::io::{self, Write};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
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
        log.flush();
    }
}

/// Held while the app updates and draws, so a signal never restores the terminal mid-frame.
static DRAWING: Mutex<()> = Mutex::new(());
use std::time::{Duration, Instant};

use crossterm::terminal;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};
use signal_hook::iterator::Signals;

use decode::{Decoder, Mouse};
use screen::Screen;
pub use tty::restore;
use tty::{Guard, Tty, crash_note, drain, install_panic_hook};

use crate::app::pointer::Pointer;
use crate::app::{App, Effect, Input, Mode};
use crate::kiosk_log::Log;
use crate::reload::Reload;
use crate::ui::Ui;

/// Something another thread tells the loop.
#[derive(Debug)]
pub enum Msg {
    /// The terminal changed size.
    Resize,
    /// The process was continued after a stop (SIGCONT): put app mode back, draw whole, and run
    /// any deadline that passed meanwhile.
    Continued,
    /// The hot-reload watcher's result or notice.
    Reload(Reload),
}

/// Puts a [`Msg`] on the loop's channel and wakes the loop.
#[derive(Debug, Clone)]
pub struct Sender {
    tx: mpsc::Sender<Msg>,
    wake: Arc<UnixStream>,
}

impl Sender {
    /// Sends `msg`; `false` once the loop's side is gone.
    pub fn send(&self, msg: Msg) -> bool {
        if self.tx.send(msg).is_err() {
            return false;
        }
        // Non-blocking: if the socket is full, the loop has wake-ups pending already.
        let _ = (&*self.wake).write(&[1]);
        true
    }
}

/// The loop's side: the channel and the socket that says something is on it.
struct Inbox {
    rx: Receiver<Msg>,
    wake: UnixStream,
}

/// What a run needs besides the app.
pub struct Options {
    /// The hidden test switch for the panic test: panic after the first frame.
    pub panic_after_first_frame: bool,
    /// The clock's zero: every `now` given to the app is the time since this instant. A kiosk
    /// that restarts its loop after a crash keeps the same zero.
    pub clock: Instant,
    /// The kiosk log (a `Log` without a path writes nothing).
    pub log: Log,
    /// The loop's inbox and a sender into it. Keep one `Options` for the whole process (a kiosk
    /// restarting its loop reuses it): the signal thread, started once, sends here.
    inbox: io::Result<(Sender, Inbox)>,
}

impl Options {
    /// Options for an ordinary run at a terminal.
    pub fn new() -> Self {
        Options {
            panic_after_first_frame: false,
            clock: Instant::now(),
            log: Log::new(None, 0),
            inbox: inbox(),
        }
    }

    /// A sender into the loop, for the hot-reload watcher. What it sends is applied and logged
    /// as it arrives, even while the kiosk sleeps. `None` if the wake-up socket could not be made
    /// (the run then fails with that error).
    pub fn sender(&self) -> Option<Sender> {
        self.inbox.as_ref().ok().map(|(s, _)| s.clone())
    }
}

/// A channel and a non-blocking socket pair to wake the loop.
fn inbox() -> io::Result<(Sender, Inbox)> {
    let (tx, rx) = mpsc::channel();
    let (wake_tx, wake_rx) = UnixStream::pair()?;
    wake_tx.set_nonblocking(true)?;
    wake_rx.set_nonblocking(true)?;
    Ok((
        Sender {
            tx,
            wake: Arc::new(wake_tx),
        },
        Inbox { rx, wake: wake_rx },
    ))
}

impl Default for Options {
    fn default() -> Self {
        Self::new()
    }
}

/// Runs the app until the person quits (or, in a kiosk, staff leave). The terminal is restored
/// when this returns, whether with `Ok` or `Err`, and by the panic hook if it panics.
pub fn run(ui: &mut Ui, opts: &Options) -> io::Result<()> {
    run_then(ui, opts, |_| true)
}

/// [`run`], calling `then` once the first frame is on screen, before any input is read: for work
/// the first frame does not need (the rest of the built-in content). When `then` returns `false`
/// the run ends as on a quit.
pub fn run_then(ui: &mut Ui, opts: &Options, then: impl FnOnce(&mut Ui) -> bool) -> io::Result<()> {
    let (sender, inbox) = match &opts.inbox {
        Ok((s, i)) => (s, i),
        Err(e) => return Err(io::Error::new(e.kind(), e.to_string())),
    };
    crate::i18n::set_lang(ui.lang());
    install_panic_hook(crash_note(&crate::words::contact_line(&ui.config.clinic)));
    watch_signals()?;
    let tty = Tty::open()?;
    let _guard = Guard::enter(ui.mode == Mode::Kiosk)?;
    note_for_exit(ui, &opts.log);
    let (w, h) = size()?;
    let mut screen = Screen::new(w, h)?;
    let start = opts.clock;
    ui.update(Input::Resize { w, h }, start.elapsed());
    screen.draw(&mut io::stdout(), |f| ui.render(f))?;
    // Signals that came since they were caught wait in their pipe for this thread.
    handle_signals(ui.mode, sender)?;
    if !then(ui) {
        return Ok(());
    }
    if opts.panic_after_first_frame {
        test_panic();
    }
    let mut decoder = if ui.mode == Mode::Kiosk {
        Decoder::drop_pastes()
    } else {
        Decoder::default()
    };
    let mut pointer = Pointer::default();
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let deadline = [ui.next_deadline(), decoder.deadline()]
            .into_iter()
            .flatten()
            .min();
        let (keys, woken) = tty.wait(
            &inbox.wake,
            deadline.map(|at| at.saturating_sub(start.elapsed())),
        )?;
        // Bytes first: one read, which cannot block now that poll said there is input.
        let read = if keys { tty.read(&mut buf)? } else { 0 };
        let msgs: Vec<Msg> = if woken {
            drain(&inbox.wake);
            inbox.rx.try_iter().collect()
        } else {
            Vec::new()
        };
        let _lock = DRAWING.lock().unwrap_or_else(PoisonError::into_inner);
        let now = start.elapsed();
        let mut redraw = false;
        let mut inputs: Vec<Input> = decoder
            .feed(&buf[..read], now)
            .into_iter()
            .filter_map(|ev| translate(&mut pointer, ev))
            .collect();
        for msg in msgs {
            match msg {
                Msg::Resize => {
                    let (w, h) = size()?;
                    screen.resize(w, h);
                    inputs.push(Input::Resize { w, h });
                }
                Msg::Continued => {
                    tty::reenter()?;
                    screen.forget();
                    let (w, h) = size()?;
                    screen.resize(w, h);
                    inputs.push(Input::Resize { w, h });
                    redraw = true;
                }
                Msg::Reload(r) => {
                    // Inputs before it first: content never changes under a half-read batch.
                    match apply(ui, std::mem::take(&mut inputs), now) {
                        Some(r) => redraw |= r,
                        None => return Ok(()),
                    }
                    redraw |= take_reload(ui.app_mut(), opts, r);
                }
            }
        }
        inputs.extend(
            decoder
                .expire(now)
                .into_iter()
                .filter_map(|ev| translate(&mut pointer, ev)),
        );
        if ui.next_deadline().is_some_and(|at| at <= now) {
            inputs.push(Input::Deadline);
        }
        match apply(ui, inputs, now) {
            Some(r) => redraw |= r,
            None => return Ok(()),
        }
        note_for_exit(ui, &opts.log);
        if redraw {
            screen.draw_changed(&mut io::stdout(), |f, part| ui.render_changed(f, part))?;
        }
    }
}

/// The terminal's size, cut to the drawn area.
fn size() -> io::Result<(u16, u16)> {
    let (w, h) = terminal::size()?;
    Ok(clamp::clamp(w, h))
}

/// Hands inputs to the app and carries out its effects. Returns whether to redraw, or `None`
/// when the app quits.
fn apply(ui: &mut Ui, inputs: Vec<Input>, now: Duration) -> Option<bool> {
    let mut redraw = false;
    for input in inputs {
        for effect in ui.update(input, now) {
            match effect {
                Effect::Quit => return None,
                Effect::Redraw => redraw = true,
                Effect::Bell => {
                    let _ = io::stdout().write_all(b"\x07");
                }
                Effect::SaveSummary => {
                    let (path, overwrite) = ui.save_request();
                    let text = crate::ui::summary::markdown(ui);
                    ui.app_mut()
                        .saved(crate::save_file::write(&path, &text, overwrite));
                    redraw = true;
                }
            }
        }
    }
    Some(redraw)
}

#[allow(
    clippy::panic,
    reason = "the hidden AFTERCARE_TEST_PANIC switch exists to panic"
)]
fn test_panic() {
    panic!("AFTERCARE_TEST_PANIC: forced panic after the first frame");
}

/// Translates a decoded event into the app's input; the touch rules are in [`Pointer`].
fn translate(pointer: &mut Pointer, ev: decode::Event) -> Option<Input> {
    match ev {
        decode::Event::Key(k) => Some(Input::Key(k)),
        decode::Event::Mouse(m, col, row) => match m {
            Mouse::Down => {
                pointer.press(col, row);
                None
            }
            Mouse::Drag => pointer.drag(col, row),
            Mouse::Up => pointer.release(col, row),
            Mouse::ScrollUp => Some(Input::Scroll { col, row, up: true }),
            Mouse::ScrollDown => Some(Input::Scroll {
                col,
                row,
                up: false,
            }),
        },
    }
}

/// Hands content the watcher validated to the app (it takes over between sessions) and logs
/// it, or logs the watcher's notice; returns whether the screen changed.
fn take_reload(app: &mut App, opts: &Options, r: Reload) -> bool {
    match r {
        Reload::Accepted(tree, translations) => {
            let version = tree.meta.version.clone();
            // A reload that lost the clinic's language (es/ moved away for a moment) is said,
            // never only seen as an English kiosk.
            let missing = crate::reload::missing_language(&translations, app.home_lang());
            let now = app.offer_translated(*tree, translations);
            let when = if now { "now" } else { "after this session" };
            opts.log.write(&format!(
                "content reload accepted (version {version}); takes over {when}"
            ));
            if let Some(note) = missing {
                opts.log.write(&format!("content reload: {note}"));
            }
            now
        }
        Reload::Refused(lines) => {
            opts.log.write(&format!(
                "content reload refused; the old content keeps serving: {}",
                lines.join(" | ")
            ));
            false
        }
        Reload::Notice(line) => {
            opts.log.write(&line);
            false
        }
    }
}

/// Signals caught and not yet handled: from [`watch_signals`] until [`handle_signals`] starts
/// their thread (after the first frame, which need not wait for it).
static CAUGHT: Mutex<Option<Signals>> = Mutex::new(None);

/// Catches SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGWINCH and SIGCONT from now on (once per process); they
/// wait to be handled by [`handle_signals`].
fn watch_signals() -> io::Result<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    let mut result = Ok(());
    ONCE.call_once(|| {
        result =
            Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGWINCH, SIGCONT]).map(|signals| {
                *CAUGHT.lock().unwrap_or_else(PoisonError::into_inner) = Some(signals);
            });
    });
    result
}

/// Starts the thread that handles the signals caught, once per process (a kiosk whose first run
/// crashed before this starts it in the next run). SIGTERM and SIGHUP quit like a normal quit:
/// wait for any frame being drawn, restore, exit. SIGWINCH goes to the loop as [`Msg::Resize`],
/// SIGCONT as [`Msg::Continued`].
/// SIGINT and SIGQUIT from outside do the same at a terminal; a kiosk ignores them (only SIGTERM,
/// SIGHUP or the staff exit end it).
fn handle_signals(mode: Mode, tx: &Sender) -> io::Result<()> {
    let Some(mut signals) = CAUGHT.lock().unwrap_or_else(PoisonError::into_inner).take() else {
        return Ok(());
    };
    let tx = tx.clone();
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                if sig == SIGWINCH {
                    tx.send(Msg::Resize);
                    continue;
                }
                if sig == SIGCONT {
                    tx.send(Msg::Continued);
                    continue;
                }
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use decode::Event;

    #[test]
    fn a_tap_chooses_and_a_drag_scrolls_without_choosing() {
        let mut p = Pointer::default();
        let mut m = |kind, col, row| translate(&mut p, Event::Mouse(kind, col, row));
        assert_eq!(m(Mouse::Down, 5, 10), None);
        assert_eq!(
            m(Mouse::Up, 5, 10),
            Some(Input::Tap {
                col: 5,
                row: 10,
                up_col: 5,
                up_row: 10
            })
        );
        m(Mouse::Down, 5, 10);
        assert_eq!(
            m(Mouse::Drag, 5, 8),
            Some(Input::Scroll {
                col: 5,
                row: 8,
                up: false
            })
        );
        assert_eq!(m(Mouse::Drag, 5, 8), None);
        assert_eq!(m(Mouse::Up, 5, 8), None, "no tap after a drag");
        assert_eq!(
            m(Mouse::ScrollUp, 1, 1),
            Some(Input::Scroll {
                col: 1,
                row: 1,
                up: true
            })
        );
    }
}
