//! The kiosk on its worst day, end to end with the real binary in a pseudo-terminal: input that
//! arrives late or in floods, a log that would block, broken content at start, a stop and a
//! continue. Every wait is for screen text, a log line or process state with a generous timeout;
//! nothing asserts how long anything took.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code"
)]

mod common;

use std::path::Path;
use std::time::Duration;

use common::pty::{Session, kiosk_config};

const FIRST: &str = "Right now, do you have any of these?";

fn kiosk(dir: &Path, kiosk_lines: &str) -> Session {
    let cfg = kiosk_config(dir, kiosk_lines);
    let mut s = Session::start(&["--kiosk", "--config", &cfg]);
    s.wait_for("Check a symptom");
    s
}

/// Opens the first safety question and waits until it takes answers.
fn first_question(s: &mut Session) {
    s.send("\r");
    s.wait_for(FIRST);
    s.wait_settled();
}

/// Sends the staff chord and waits for its dialog: every byte sent before it has been read and
/// acted on. Then closes it.
fn all_read(s: &mut Session) {
    s.send("\x05\x18");
    s.wait_for("Staff exit");
    s.send("\x1b");
    s.wait_until("the staff dialog closed", |scr| {
        !scr.contents().contains("Staff exit")
    });
    s.wait_settled();
}

/// A mouse report whose rest comes 500 ms late (a thin client on a poor network): its bytes are
/// never typed. `C5!` typed chose answer 5 ("possible stroke"); on the starter content the
/// bytes here start with `1`, the first answer (EMERGENCY).
#[test]
fn a_mouse_report_split_by_a_long_pause_is_never_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = kiosk(dir.path(), "");
    first_question(&mut s);
    let at = s.raw.len();
    for (head, rest) in [
        (&b"\x1b[M"[..], &b"1C!"[..]),
        (b"\x1b[<0;", b"1;12M"),
        (b"\x1b]11;rgb:", b"1111/2222/5555\x07"),
    ] {
        s.send_bytes(head);
        s.pump(Duration::from_millis(500));
        s.send_bytes(rest);
    }
    all_read(&mut s);
    assert!(s.screen().contains(FIRST), "{}", s.screen());
    let after = s.after(at);
    assert!(
        !after.contains("EMERGENCY"),
        "an answer was chosen: {after:?}"
    );
    // A real key still answers.
    s.send("1");
    s.wait_for("EMERGENCY");
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
}

/// A kiosk asks for bracketed paste and drops what is pasted: a 1 MB paste of digits types
/// nothing, and the next key a person presses is answered.
#[test]
fn a_one_megabyte_paste_types_nothing_and_the_next_key_is_answered() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = kiosk(dir.path(), "");
    assert!(s.raw_text().contains("\x1b[?2004h"), "bracketed paste on");
    first_question(&mut s);
    let at = s.raw.len();
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend(b"1\r".repeat(1 << 19));
    paste.extend(b"\x1b[201~");
    s.send_bytes(&paste);
    all_read(&mut s);
    let after = s.after(at);
    assert!(!after.contains("EMERGENCY"), "pasted text was typed");
    s.send("1");
    s.wait_for("EMERGENCY");
    s.kill("-TERM");
    let end = s.finish();
    assert_eq!(end, 0);
    assert!(s.raw_text().contains("\x1b[?2004l"), "bracketed paste off");
}

/// The terminal settings of the kiosk's terminal, as `stty -a` prints them.
fn stty(pid: &str) -> String {
    let out = std::process::Command::new("stty")
        .args(["-F", &format!("/proc/{pid}/fd/0"), "-a"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Stopped, then continued after a shell put the terminal back to cooked mode and wrote over
/// the screen: the kiosk puts raw mode, the alternate screen and mouse reports back, and draws
/// its whole frame again.
#[test]
fn after_a_stop_and_continue_the_kiosk_puts_its_terminal_mode_back_and_redraws() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = kiosk(dir.path(), "");
    first_question(&mut s);
    let pid = s.pid();
    assert!(stty(&pid).contains("-icanon"), "raw mode at start");
    s.kill("-STOP");
    let ok = std::process::Command::new("stty")
        .args(["-F", &format!("/proc/{pid}/fd/0"), "sane"])
        .status()
        .unwrap();
    assert!(ok.success());
    assert!(stty(&pid).contains(" icanon"), "cooked by the shell");
    let at = s.raw.len();
    s.kill("-CONT");
    s.wait_until("the whole frame drawn again", |scr| {
        scr.contents().contains(FIRST) && scr.contents().contains("Very unwell?")
    });
    // Wait for the redraw after the continue, not the frame from before.
    let end = std::time::Instant::now() + common::pty::TIMEOUT;
    while !s.after(at).contains(FIRST) {
        assert!(std::time::Instant::now() < end, "not redrawn after SIGCONT");
        s.pump(Duration::from_millis(50));
    }
    let after = s.after(at);
    assert!(
        after.contains("\x1b[?1049h"),
        "alternate screen again: {after:?}"
    );
    assert!(
        after.contains("\x1b[?1000h"),
        "mouse reports again: {after:?}"
    );
    assert!(stty(&pid).contains("-icanon"), "raw mode again");
    // Keys still work, raw.
    s.send("1");
    s.wait_for("EMERGENCY");
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
}

/// Stopped on the last person's outcome for longer than the idle timeout and countdown (13 s at
/// the config's minimums), then continued: the overdue reset runs at once — the outcome is not
/// shown again for another idle period. Waits real time, so only in the full run.
#[test]
fn continued_after_the_idle_deadline_the_kiosk_resets_at_once() {
    if !common::long_tests() {
        eprintln!(
            "skipped: waits 14 s of real time; set {}=1",
            common::LONG_TESTS
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut s = kiosk(dir.path(), "idle_timeout_secs = 10\ncountdown_secs = 3\n");
    first_question(&mut s);
    s.send("1");
    s.wait_for("EMERGENCY");
    s.kill("-STOP");
    std::thread::sleep(Duration::from_secs(14));
    s.kill("-CONT");
    // At once: well before another idle timeout could pass.
    s.wait_for_within("Check a symptom", Duration::from_secs(5));
    assert!(!s.screen().contains("EMERGENCY"), "{}", s.screen());
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
}

/// A named pipe with nobody reading it, at `path`.
fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(ok.success());
}

/// Answers the first safety question with its first answer (EMERGENCY), then starts again
/// (the answers cleared, back to the first question): the kiosk still reads, draws and resets.
fn emergency_then_start_again(s: &mut Session) {
    first_question(s);
    s.send("1");
    s.wait_for("EMERGENCY");
    s.wait_settled();
    let end = std::time::Instant::now() + common::pty::TIMEOUT;
    while s.screen().contains("EMERGENCY") || !s.screen().contains(FIRST) {
        assert!(std::time::Instant::now() < end, "no reset:\n{}", s.screen());
        s.send("r");
        s.pump(Duration::from_millis(300));
    }
}

/// `log_path` naming a FIFO nobody reads: the kiosk opened it blocking and showed a blank screen
/// for good (no emergency number). Now refused: it draws, answers and starts again.
#[test]
fn a_fifo_as_the_log_at_start_does_not_stop_the_kiosk() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("kiosk.log");
    mkfifo(&log);
    let mut s = kiosk(dir.path(), &format!("log_path = \"{}\"\n", log.display()));
    emergency_then_start_again(&mut s);
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
}

/// The log file swapped for a FIFO while the kiosk runs, then something to log (a broken
/// content edit): the kiosk froze on the last person's outcome. Now it goes on.
#[test]
fn a_fifo_swapped_in_for_the_log_mid_run_does_not_stop_the_kiosk() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("kiosk.log");
    let content = dir.path().join("content");
    std::fs::create_dir(&content).unwrap();
    std::fs::copy(
        "tests/fixtures/starter/tree.toml",
        content.join("tree.toml"),
    )
    .unwrap();
    let cfg = kiosk_config(dir.path(), &format!("log_path = \"{}\"\n", log.display()));
    let mut s = Session::start(&[
        "--kiosk",
        "--config",
        &cfg,
        "--content",
        &content.to_string_lossy(),
    ]);
    s.wait_for("Check a symptom");
    common::pty::wait_for_log(&log, "kiosk started");
    std::fs::remove_file(&log).unwrap();
    mkfifo(&log);
    std::fs::write(content.join("tree.toml"), "[meta]\n").unwrap();
    // Time for the watcher to see it and the kiosk to log it (nothing to wait for on screen).
    s.pump(Duration::from_millis(500));
    emergency_then_start_again(&mut s);
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
}

/// `check --config` warns of a log path the kiosk would refuse: empty, a FIFO, a device, a folder
/// that does not exist; `--deny-warnings` makes it an error. A writable path passes quietly.
#[test]
fn check_config_warns_of_a_log_path_the_kiosk_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.log");
    mkfifo(&fifo);
    let check = |log: &str, deny: bool| {
        let cfg = kiosk_config(dir.path(), &format!("log_path = \"{log}\"\n"));
        let mut args = vec!["check", "--config", &cfg];
        if deny {
            args.push("--deny-warnings");
        }
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_aftercare"))
            .args(&args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let absent = format!("{}/no-such-folder/kiosk.log", dir.path().display());
    for (log, says) in [
        ("", "is empty"),
        (fifo.to_str().unwrap(), "a FIFO"),
        ("/dev/null", "a device"),
        (absent.as_str(), "is not a folder"),
    ] {
        let (code, err) = check(log, false);
        assert_eq!(code, Some(0), "{log:?}: {err}");
        assert!(
            err.contains("warning:") && err.contains(says),
            "{log:?}: {err}"
        );
        let (code, _) = check(log, true);
        assert_eq!(code, Some(1), "{log:?} with --deny-warnings");
    }
    let fine = format!("{}/kiosk.log", dir.path().display());
    let (code, err) = check(&fine, true);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("warning"), "{err}");
}

/// Broken content at start: the kiosk ended with status 2 and a developer's error, no emergency
/// number. Now it shows whom to call and a notice for staff, and starts once the files are
/// fixed, with nobody touching it (the watcher sees the fix; the 30 s retry is the fallback).
#[test]
fn broken_content_at_start_shows_the_emergency_line_and_starts_once_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir(&content).unwrap();
    let starter = std::fs::read_to_string("tests/fixtures/starter/tree.toml").unwrap();
    std::fs::write(content.join("tree.toml"), "[meta]\ntitle = 1\n").unwrap();
    let log = dir.path().join("kiosk.log");
    let cfg = kiosk_config(dir.path(), &format!("log_path = \"{}\"\n", log.display()));
    let mut s = Session::start(&[
        "--kiosk",
        "--config",
        &cfg,
        "--content",
        &content.to_string_lossy(),
    ]);
    s.wait_for("cannot start");
    let screen = s.screen();
    assert!(
        screen.lines().next().unwrap().contains("Call 999"),
        "the emergency line first: {screen}"
    );
    assert!(
        screen.contains("Staff:") && screen.contains("tree.toml"),
        "{screen}"
    );
    // Keys and taps do nothing but try again.
    s.send("1\r\x03q");
    s.pump(Duration::from_millis(200));
    assert!(s.screen().contains("cannot start"), "{}", s.screen());
    std::fs::write(content.join("tree.toml"), &starter).unwrap();
    s.wait_for("Check a symptom");
    let logged = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(logged.contains("kiosk cannot start"), "{logged}");
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
}

/// A kiosk with `--content` draws its welcome from the content's `[meta]` before the rest is
/// checked (its first frame as soon as dialog's). When the rest then fails its check, the welcome
/// never takes a key: the staff notice with the emergency line replaces it, as for content broken
/// in `[meta]`, and the kiosk starts once the files are fixed.
#[test]
fn content_broken_after_a_good_meta_never_answers_and_starts_once_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir(&content).unwrap();
    let starter = std::fs::read_to_string("tests/fixtures/starter/tree.toml").unwrap();
    let broken = format!(
        "{starter}\n[question.orphan]\ntext = \"Left over?\"\noptions = [{{ id = \"yes\", label = \"Yes\", next = \"nowhere\" }}]\n"
    );
    std::fs::write(content.join("tree.toml"), &broken).unwrap();
    let log = dir.path().join("kiosk.log");
    let cfg = kiosk_config(dir.path(), &format!("log_path = \"{}\"\n", log.display()));
    let mut s = Session::start(&[
        "--kiosk",
        "--config",
        &cfg,
        "--content",
        &content.to_string_lossy(),
    ]);
    // Typed at once, while the welcome may be on screen: none of it may start anything.
    s.send("1\r1\r");
    s.wait_for("cannot start");
    let screen = s.screen();
    assert!(
        screen.lines().next().unwrap().contains("Call 999"),
        "the emergency line first: {screen}"
    );
    assert!(screen.contains("nowhere"), "the mistake is named: {screen}");
    s.send("1\r");
    s.pump(Duration::from_millis(200));
    assert!(s.screen().contains("cannot start"), "{}", s.screen());
    std::fs::write(content.join("tree.toml"), &starter).unwrap();
    s.wait_for("Check a symptom");
    // The log is written off the input path: wait for its line.
    let logged = common::pty::wait_for_log(&log, "kiosk started");
    assert!(logged.contains("kiosk cannot start"), "{logged}");
    assert!(logged.contains("kiosk started"), "{logged}");
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
}
