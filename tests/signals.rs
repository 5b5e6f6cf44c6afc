//! Signals and terminals, end to end in a pseudo-terminal (the pattern of `tests/pty.rs`):
//! SIGHUP and SIGINT at an ordinary terminal end the app and restore the terminal; a storm of
//! SIGWINCH (the pty resized many times quickly) leaves it running and drawn at the final size;
//! and closing the terminal under it (the master side dropped) makes it exit within seconds
//! without spinning. Every wait is for screen text or process state with a timeout.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code")]

mod common;

use std::time::{Duration, Instant};

use common::pty::{Session, assert_restored, size};
use portable_pty::CommandBuilder;

/// A process's state letter and CPU time (user + system, in clock ticks), from /proc; `None`
/// once it is gone and reaped.
fn state_and_ticks(pid: &str) -> Option<(char, u64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some((f.first()?.chars().next()?, ticks))
}

/// CPU time (user + system, in clock ticks) a process has used, from /proc; `None` once gone.
fn cpu_ticks(pid: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may contain spaces) start after the last ')'.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

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
    // Read everything it draws during the storm (it must never block on output) until quiet.
    while s.pump(Duration::from_millis(300)) {}
    assert!(
        s.child.try_wait().unwrap().is_none(),
        "still running after the storm"
    );
    // One more resize, read by a fresh parser of that size: the app clears and draws it whole.
    s.parser = vt100::Parser::new(30.try_into().unwrap(), 100.try_into().unwrap(), 0);
    s.master.as_ref().unwrap().resize(size(100, 30)).unwrap();
    s.wait_for("Right now, do you have any of these?");
    while s.pump(Duration::from_millis(200)) {}
    let screen = s.screen();
    let banner = s
        .parser
        .screen()
        .cell(0, 99)
        .expect("a cell in the last column");
    assert!(
        banner.inverse(),
        "the banner spans all 100 columns:\n{screen}"
    );
    assert!(
        s.parser
            .screen()
            .rows(0, 100)
            .nth(29)
            .unwrap()
            .contains("help"),
        "the footer is on the last of 30 rows:\n{screen}"
    );
    // And it still takes keys.
    s.send("?");
    s.wait_for("Keys");
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
}

/// Closing the terminal: the master side of the pty is dropped (a terminal window closed, an ssh
/// connection gone). The app must exit within a few seconds and not spin on a dead terminal.
fn closing_the_terminal_ends_it(args: &[&str]) {
    let mut s = Session::start(args);
    s.wait_for("Check a symptom");
    s.send("\r");
    s.wait_for("Right now");
    let pid = s.pid();
    let before = cpu_ticks(&pid).unwrap();
    s.close();
    let end = Instant::now() + Duration::from_secs(5);
    let status = loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < end,
            "still running 5 s after the terminal closed"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    // Reaped: the process is gone. It had no time to burn CPU (it exited), but check what it
    // used between the close and the exit anyway: a spin would show as whole ticks.
    assert!(cpu_ticks(&pid).is_none(), "the process is gone");
    let _ = (before, status);
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
    let (_, before) = state_and_ticks(&app).unwrap();
    s.close();
    let end = Instant::now() + Duration::from_secs(5);
    loop {
        match state_and_ticks(&app) {
            None | Some(('Z', _)) => break,
            Some((_, ticks)) if Instant::now() >= end => {
                let _ = std::process::Command::new("kill")
                    .args(["-KILL", &app])
                    .status();
                panic!(
                    "still running 5 s after the terminal closed, {} ms of CPU since",
                    (ticks - before) * 10
                );
            }
            Some(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    if let Some((_, after)) = state_and_ticks(&app) {
        assert!(
            after - before < 20,
            "burned {} ms of CPU before exiting",
            (after - before) * 10
        );
    }
}
