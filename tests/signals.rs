//! Signals and terminals, end to end in a pseudo-terminal (the pattern of `tests/pty.rs`):
//! SIGHUP and SIGINT at an ordinary terminal end the app and restore the terminal; a storm of
//! SIGWINCH (the pty resized many times quickly) leaves it running and drawn at the final size;
//! and closing the terminal under it (the master side dropped) makes it exit without spinning:
//! the CPU it uses between the close and its exit is measured from /proc and bounded. Every
//! wait is for screen text or process state with a generous timeout; no assertion is on speed.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code")]

mod common;

use std::time::Duration;

use common::pty::{Session, assert_restored, proc_stat, size, wait_exited};
use portable_pty::CommandBuilder;

/// CPU a process may use between the terminal closing and its exit: 200 ms, in ticks of 10 ms.
/// Restoring and exiting takes a tick or two whatever the load (CPU time, unlike wall time, does
/// not stretch on a busy machine); a process spinning on a dead terminal takes whole seconds.
const EXIT_CPU_TICKS: u64 = 20;

#[test]
fn sighup_at_a_terminal_ends_the_app_and_restores_the_terminal() {
    let mut s = Session::start(&[]);
    s.wait_for("Check a symptom");
    s.send("\r");
    s.wait_for("Right now");
    let at = s.raw.len();
    s.kill("-HUP");
    assert_eq!(s.finish(), 0);
    assert_restored(&s.after(at));
}

#[test]
fn sigint_at_a_terminal_ends_the_app_and_restores_the_terminal() {
    let mut s = Session::start(&[]);
    s.wait_for("Check a symptom");
    let at = s.raw.len();
    s.kill("-INT");
    assert_eq!(s.finish(), 130, "128 + SIGINT, as a shell expects");
    assert_restored(&s.after(at));
}

#[test]
fn a_sigwinch_storm_leaves_the_app_running_and_drawn_at_the_final_size() {
    let mut s = Session::start(&[]);
    s.wait_for("Check a symptom");
    s.send("\r");
    s.wait_for("Right now, do you have any of these?");
    // 300 resizes as fast as the pty takes them, tiny sizes included; each is a SIGWINCH.
    let sizes = [
        (20, 5),
        (1, 1),
        (200, 60),
        (39, 11),
        (120, 40),
        (45, 14),
        (300, 100),
    ];
    let master = s.master.as_ref().unwrap();
    for i in 0..300 {
        let (c, r) = sizes[i % sizes.len()];
        master.resize(size(c, r)).unwrap();
    }
    // Read everything it draws during the storm (it must never block on output).
    while s.pump(Duration::from_millis(300)) {}
    assert!(
        s.child.try_wait().unwrap().is_none(),
        "still running after the storm"
    );
    // One more resize, read by a fresh parser of that size: the app clears and draws it whole.
    // Frames of the storm's sizes may still be on their way on a busy machine, so wait for the
    // whole 100x30 frame rather than for quiet.
    s.resize(100, 30);
    s.wait_until(
        "the banner spans all 100 columns and the footer is on the last of 30 rows",
        |screen| {
            screen.cell(0, 99).is_some_and(|c| c.inverse())
                && screen
                    .contents()
                    .contains("Right now, do you have any of these?")
                && screen
                    .rows(0, 100)
                    .nth(29)
                    .is_some_and(|row| row.contains("help"))
        },
    );
    // And it still takes keys.
    s.send("?");
    s.wait_for("Keys");
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
}

/// Closing the terminal: the master side of the pty is dropped (a terminal window closed, an ssh
/// connection gone). The app must exit and not spin on a dead terminal meanwhile.
fn closing_the_terminal_ends_it(args: &[&str]) {
    let mut s = Session::start(args);
    s.wait_for("Check a symptom");
    s.send("\r");
    s.wait_for("Right now");
    let pid = s.pid();
    let (_, before) = proc_stat(&pid).unwrap();
    s.close();
    // Not reaped yet: the exited process is a zombie whose CPU time can still be read.
    let after = wait_exited(&pid);
    assert!(
        after - before < EXIT_CPU_TICKS,
        "burned {} ms of CPU between the terminal closing and the exit",
        (after - before) * 10
    );
    s.child.wait().unwrap();
    assert!(proc_stat(&pid).is_none(), "the process is gone");
}

#[test]
fn closing_the_terminal_ends_the_app() {
    closing_the_terminal_ends_it(&[]);
}

#[test]
fn closing_the_terminal_ends_a_kiosk() {
    closing_the_terminal_ends_it(&["--kiosk"]);
}

/// The terminal closes under an app that is not its controlling process (started with
/// `setsid`), so no SIGHUP comes: reads fail with EIO. It must still exit within seconds, and not
/// spin meanwhile (crossterm retries the failing read forever; `term::watch_hangup` ends it).
#[test]
fn closing_the_terminal_ends_an_app_that_gets_no_sighup() {
    let mut cmd = CommandBuilder::new("setsid");
    cmd.args(["-w", env!("CARGO_BIN_EXE_aftercare")]);
    let mut s = Session::start_cmd(cmd, &["--kiosk"]);
    s.wait_for("Check a symptom");
    s.send("\r");
    s.wait_for("Right now");
    // setsid forked: the app is its child, in a session of its own.
    let wrapper = s.pid();
    let children =
        std::fs::read_to_string(format!("/proc/{wrapper}/task/{wrapper}/children")).unwrap();
    let app = children
        .split_whitespace()
        .next()
        .expect("setsid's child")
        .to_string();
    let (_, before) = proc_stat(&app).unwrap();
    s.close();
    let after = wait_exited(&app);
    assert!(
        after - before < EXIT_CPU_TICKS,
        "burned {} ms of CPU between the terminal closing and the exit",
        (after - before) * 10
    );
}
