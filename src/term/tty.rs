//! The terminal itself: entering and leaving app mode (raw mode, the alternate screen, mouse
//! reports), restoring it exactly once from any path (a quit, a panic, a signal, a hang-up), and
//! reading it — `poll(2)` on the terminal and the loop's wake-up socket, then one read.

use std::io::{self, Read, Write};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture};
use crossterm::{cursor, execute, terminal};

use super::DRAWING;

/// Whether the terminal is in app mode. Restoring twice would be harmful, not just redundant:
/// a second leave-alternate-screen restores the saved cursor position on xterm and the shell
/// prompt then overwrites the panic report.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Mouse reports the app needs, and no more: presses and releases (`?1000h`), movement only
/// while a button is down, for a drag that scrolls (`?1002h`), in SGR form (`?1006h`).
/// crossterm's `EnableMouseCapture` also asks for every movement (`?1003h`): a flood of reports
/// that nothing reads, each of which a poor network can cut into bytes that look like keys.
/// `DisableMouseCapture` still turns every mode off on the way out.
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1002h\x1b[?1006h";

/// Puts the terminal into app mode; dropping it restores the terminal.
pub(super) struct Guard;

impl Guard {
    /// App mode; with `paste`, bracketed paste on (a kiosk: the decoder drops what is pasted).
    pub(super) fn enter(paste: bool) -> io::Result<Guard> {
        terminal::enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        PASTE.store(paste, Ordering::SeqCst);
        let guard = Guard;
        set_modes(paste)?;
        Ok(guard)
    }
}

/// Whether app mode asked for bracketed paste.
static PASTE: AtomicBool = AtomicBool::new(false);

/// Sends what app mode asks of the terminal: the alternate screen, mouse reports, bracketed
/// paste on or off, no cursor.
fn set_modes(paste: bool) -> io::Result<()> {
    let paste_mode = if paste { "\x1b[?2004h" } else { "\x1b[?2004l" };
    execute!(
        io::stdout(),
        terminal::EnterAlternateScreen,
        crossterm::style::Print(MOUSE_ON),
        crossterm::style::Print(paste_mode),
        cursor::Hide
    )
}

/// Puts app mode back after the process was stopped and continued (SIGCONT): a shell, or
/// whoever stopped it, may have changed the terminal meanwhile — raw mode off, the normal screen,
/// mouse reports off. Does nothing once the terminal has been restored for good.
pub(super) fn reenter() -> io::Result<()> {
    if !ACTIVE.load(Ordering::SeqCst) {
        return Ok(());
    }
    // crossterm's `enable_raw_mode` does nothing when it thinks raw mode is on already.
    raw_again()?;
    set_modes(PASTE.load(Ordering::SeqCst))
}

/// Raw mode on the terminal (standard input, or `/dev/tty`), set directly.
fn raw_again() -> io::Result<()> {
    use rustix::termios::{OptionalActions, tcgetattr, tcsetattr};
    use std::io::IsTerminal;
    let tty;
    let stdin = io::stdin();
    let fd: std::os::fd::BorrowedFd<'_> = if stdin.is_terminal() {
        std::os::fd::AsFd::as_fd(&stdin)
    } else {
        tty = std::fs::File::open("/dev/tty")?;
        std::os::fd::AsFd::as_fd(&tty)
    };
    let mut mode = tcgetattr(fd)?;
    mode.make_raw();
    tcsetattr(fd, OptionalActions::Now, &mode)?;
    Ok(())
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
        DisableBracketedPaste,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = io::stdout().flush();
}

/// The note the panic hook prints: a short word that it crashed and the emergency line with the
/// clinic's numbers, in the app's language, formatted when the hook is installed (at each
/// start), so a panic on any thread says it the same way without asking the catalogue.
static NOTE: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

/// Restores the terminal first, then prints `note` (a short word that it crashed and the
/// emergency line; no answers), then the usual report. Installed once, however many times a
/// kiosk restarts its loop; each call updates the note.
pub(super) fn install_panic_hook(note: String) {
    if let Ok(mut n) = NOTE.lock() {
        *n = note;
    }
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            let note = NOTE.try_lock().map(|n| n.clone()).unwrap_or_default();
            let _ = writeln!(io::stderr(), "{note}");
            previous(info);
        }));
    });
}

/// The panic hook's note: the catalogue's "crashed" and `contact`, in the language the
/// catalogue speaks now (the runner set it from the app's).
pub(super) fn crash_note(contact: &str) -> String {
    format!("{} {contact}", crate::i18n::t("crashed"))
}

/// The terminal the loop reads: standard input when that is the terminal, else `/dev/tty` (as
/// crossterm does).
pub(super) struct Tty {
    file: Option<std::fs::File>,
}

impl Tty {
    pub(super) fn open() -> io::Result<Tty> {
        use std::io::IsTerminal;
        let file = if io::stdin().is_terminal() {
            None
        } else {
            Some(std::fs::File::open("/dev/tty")?)
        };
        Ok(Tty { file })
    }

    /// Waits until the terminal has input, the wake-up socket has a byte, or `timeout` passes
    /// (`None`: no deadline). Returns (terminal readable or gone, woken).
    pub(super) fn wait(
        &self,
        wake: &UnixStream,
        timeout: Option<Duration>,
    ) -> io::Result<(bool, bool)> {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let stdin = io::stdin();
        let input = match &self.file {
            Some(f) => PollFd::new(f, PollFlags::IN),
            None => PollFd::new(&stdin, PollFlags::IN),
        };
        let mut fds = [input, PollFd::new(wake, PollFlags::IN)];
        // A deadline further off than a Timespec holds is no deadline.
        let timeout = timeout.and_then(|t| Timespec::try_from(t).ok());
        match poll(&mut fds, timeout.as_ref()) {
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => return Ok((false, false)),
            Err(e) => return Err(e.into()),
        }
        let ready = |fd: &PollFd<'_>| !fd.revents().is_empty();
        Ok((ready(&fds[0]), ready(&fds[1])))
    }

    /// One read of what the terminal has (after `wait` said it has something, so it does not
    /// block). The end of input or a read error means the terminal went away — a window closed,
    /// a connection gone — also when no SIGHUP says so, as for an app that is not the terminal's
    /// controlling process (`setsid`): the process ends as on SIGHUP.
    pub(super) fn read(&self, buf: &mut [u8]) -> io::Result<usize> {
        let read = match &self.file {
            Some(f) => rustix::io::read(f, buf),
            None => rustix::io::read(io::stdin(), buf),
        };
        match read {
            Ok(0) => hang_up(),
            Ok(n) => Ok(n),
            Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => Ok(0),
            Err(_) => hang_up(),
        }
    }
}

/// Empties the wake-up socket (its bytes only say "look at the channel").
pub(super) fn drain(wake: &UnixStream) {
    let mut buf = [0u8; 64];
    while matches!((&*wake).read(&mut buf), Ok(n) if n > 0) {}
}

/// The terminal went away: restore what can be restored and exit as SIGHUP does.
pub(super) fn hang_up() -> ! {
    let _lock = DRAWING.lock().unwrap_or_else(PoisonError::into_inner);
    restore();
    std::process::exit(0);
}
