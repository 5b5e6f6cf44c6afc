//! End to end in a pseudo-terminal: the real binary at 80x24, driven by keys, read through a
//! vt100 parser. Every wait is for screen text with a timeout, never a bare sleep.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code")]

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::pty::{Session, TIMEOUT, kiosk_config};
use common::rng::Rng;

#[test]
fn answers_to_an_outcome_quits_restores_and_prints_the_summary() {
    let mut s = Session::start(&[]);
    s.wait_for("Check a symptom");
    assert!(
        s.raw_text().contains("\x1b[?1049h"),
        "entered the alternate screen"
    );
    s.send("\r");
    s.wait_for("Right now, do you have any of these?");
    s.send("2");
    s.wait_for("What are you noticing?");
    s.send("1");
    s.wait_for("Is the redness fading?");
    // Enter on the first answer, not `1` again: the same key twice within 100 ms is the key's
    // auto-repeat (`app::settle`), and this test answers as fast as the screen comes.
    s.send("\r");
    s.wait_for("✓ Expected");
    s.send("q");
    s.wait_for("Quit now?");
    let quit_at = s.raw.len();
    s.send("y");
    assert_eq!(s.finish(), 0);
    let after = String::from_utf8_lossy(&s.raw[quit_at..]).into_owned();
    let leave = after
        .find("\x1b[?1049l")
        .expect("left the alternate screen");
    assert!(after.contains("\x1b[?25h"), "cursor shown again");
    let summary = after.find("Overall: ✓ Expected").expect("summary printed");
    assert!(
        leave < summary,
        "summary printed after leaving the alternate screen"
    );
    assert!(
        s.screen().contains("This is a normal response"),
        "{}",
        s.screen()
    );
}

#[test]
fn the_summary_is_wrapped_at_spaces_to_the_terminal_width() {
    let mut s = Session::start(&[]);
    s.wait_for("Check a symptom");
    s.send("\r");
    s.wait_for("Right now, do you have any of these?");
    s.send("2");
    s.wait_for("What are you noticing?");
    s.send("1");
    s.wait_for("Is the redness fading?");
    s.send("\r");
    s.wait_for("✓ Expected");
    // A narrower terminal by the time the person quits.
    s.resize(50, 20);
    s.wait_for_frame("Expected");
    s.send("q");
    s.wait_for("Quit now?");
    let quit_at = s.raw.len();
    s.send("y");
    assert_eq!(s.finish(), 0);
    let after = s.after(quit_at);
    let at = after
        .find("aftercare: your results")
        .expect("summary printed");
    let summary = &after[at..];
    for line in summary.lines() {
        let line = line.trim_end_matches('\r');
        assert!(
            line.chars().count() <= 50,
            "a line the terminal would cut mid-word: {line:?}\n{summary}"
        );
    }
    // Nothing lost or split: the words, joined again, are the sentences.
    let words = summary.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(
            "Very unwell? Call your emergency number (999, 112 or 911) now. \
             Questions? Call your massage therapist."
        ),
        "{summary}"
    );
}

#[test]
fn topics_in_a_terminal_wrap_to_its_width() {
    let cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_aftercare"));
    let mut s = Session::start_cmd_at(cmd, &["--content", "data", "topics"], 60, 40);
    assert_eq!(s.finish(), 0);
    let out = s.raw_text();
    assert!(out.contains("vasodilation"), "{out}");
    for line in out.lines() {
        assert!(line.trim_end().chars().count() <= 60, "{line:?}\n{out}");
    }
}

#[test]
fn a_panic_restores_the_terminal_before_the_report() {
    let mut s = Session::start_env(
        &[],
        &[("AFTERCARE_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")],
    );
    let code = s.finish();
    assert_ne!(code, 0);
    let out = s.raw_text();
    assert!(out.contains("Check a symptom"), "the first frame was drawn");
    let leave = out.find("\x1b[?1049l").expect("left the alternate screen");
    let show = out[leave..].find("\x1b[?25h").expect("cursor shown again") + leave;
    assert_eq!(
        out.matches("\x1b[?1049l").count(),
        1,
        "restored exactly once"
    );
    let report = out.find("AFTERCARE_TEST_PANIC").expect("panic reported");
    let note = out.find("internal error").expect("our note printed");
    assert!(leave < note && show < note && note < report, "{out:?}");
    assert!(s.screen().contains("internal error"), "{}", s.screen());
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(&[]);
    s.wait_for("Check a symptom");
    s.send("\r");
    s.wait_for("Right now");
    let at = s.raw.len();
    s.kill("-TERM");
    s.finish();
    let after = String::from_utf8_lossy(&s.raw[at..]).into_owned();
    assert!(
        after.contains("\x1b[?1049l") && after.contains("\x1b[?25h"),
        "{after:?}"
    );
}

#[test]
fn a_kiosk_survives_every_quit_key_and_random_bytes_and_leaves_only_by_pin_or_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = kiosk_config(dir.path(), "");
    let mut s = Session::start_env(&["--kiosk", "--config", &cfg], &[]);
    s.wait_for("Check a symptom");
    // q, Esc, Ctrl-C, Ctrl-D, Ctrl-Z, Ctrl-\ on the welcome screen and mid-session.
    let quits = ["q", "\x1b", "\x03", "\x04", "\x1a", "\x1c"];
    for k in quits {
        s.send(k);
    }
    s.send("\r");
    s.wait_for("Right now, do you have any of these?");
    for k in quits {
        s.send(k);
    }
    // A flood of random bytes (a fixed seed, so a failure can be replayed).
    let mut rng = Rng::new(0x9e37_79b9);
    let flood: Vec<u8> = (0..20_000)
        .map(|_| rng.byte())
        // Leave out the staff chord's first key so the flood cannot open the PIN dialog.
        .filter(|&b| b != 0x05)
        .collect();
    for chunk in flood.chunks(256) {
        s.send_bytes(chunk);
        s.pump(Duration::from_millis(1));
    }
    // No waiting for a crash to happen: the staff dialog below opens only once the kiosk has
    // read every byte of the flood before it, and the checks after it see what the flood left.
    // Staff exit: the chord, a wrong PIN (refused), then the right one after the backoff.
    // A lone Esc, then the chord key by key (a byte right after Esc would read as Alt+key).
    for k in ["\x1b", "\x05", "\x18"] {
        s.send(k);
        s.pump(Duration::from_millis(150));
    }
    s.wait_for("Staff exit");
    assert!(
        s.child.try_wait().unwrap().is_none(),
        "the kiosk must still run:\n{}",
        s.screen()
    );
    assert!(
        s.screen().contains("Call 999"),
        "the banner is still drawn:\n{}",
        s.screen()
    );
    s.send("1111\r");
    s.wait_for("Wrong PIN");
    std::thread::sleep(Duration::from_millis(1100)); // the 1 s backoff is the behaviour under test
    let at = s.raw.len();
    s.send("2468\r");
    assert_eq!(s.finish(), 0);
    let after = String::from_utf8_lossy(&s.raw[at..]).into_owned();
    assert!(
        after.contains("\x1b[?1049l") && after.contains("\x1b[?25h"),
        "{after:?}"
    );
    assert!(!after.contains("Overall"), "a kiosk prints no summary");
}

#[test]
fn a_kiosk_ends_cleanly_on_sigterm_and_ignores_sigint() {
    let mut s = Session::start_env(&["--kiosk"], &[]);
    s.wait_for("Check a symptom");
    s.kill("-INT");
    s.send("\r");
    s.wait_for("Right now, do you have any of these?");
    assert!(
        s.child.try_wait().unwrap().is_none(),
        "SIGINT does not end a kiosk"
    );
    let at = s.raw.len();
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
    let after = String::from_utf8_lossy(&s.raw[at..]).into_owned();
    assert!(
        after.contains("\x1b[?1049l") && after.contains("\x1b[?25h"),
        "{after:?}"
    );
}

#[test]
fn a_kiosk_that_panics_restores_the_terminal_and_starts_again_on_the_welcome_screen() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("kiosk.log");
    let cfg = dir.path().join("clinic.toml");
    std::fs::write(
        &cfg,
        format!(
            "[kiosk]\nlog_path = \"{}\"\ncount_results = true\n",
            log.display()
        ),
    )
    .unwrap();
    let mut s = Session::start_env(
        &["--kiosk", "--config", cfg.to_str().unwrap()],
        &[("AFTERCARE_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")],
    );
    // The note goes to the normal screen, which the restarted loop covers again at once, so
    // look for it in what was written rather than on the screen.
    let end = Instant::now() + TIMEOUT;
    while !s.raw_text().contains("internal error") {
        assert!(Instant::now() < end, "no crash note: {:?}", s.raw_text());
        s.pump(Duration::from_millis(50));
    }
    // The loop starts again: a second alternate screen and a fresh welcome screen.
    let end = Instant::now() + TIMEOUT;
    while s.raw_text().matches("\x1b[?1049h").count() < 2 {
        assert!(Instant::now() < end, "did not restart: {:?}", s.raw_text());
        s.pump(Duration::from_millis(50));
    }
    s.wait_for("Check a symptom");
    assert!(s.child.try_wait().unwrap().is_none());
    s.kill("-TERM");
    s.finish();
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("kiosk started"), "{text}");
    assert!(text.contains("kiosk stopped by signal 15"), "{text}");
    assert!(
        text.contains("results expected=0"),
        "the counts are kept on SIGTERM: {text}"
    );
    assert!(
        text.contains("kiosk crashed; restarting on the welcome screen"),
        "{text}"
    );
}

/// The probe behind docs/performance-table.md (scripts/tui_probe.py) runs from a clone: it sees
/// the first frame, answers to keys, an idle spell and a restored terminal. No timing is
/// asserted, only that each figure was taken.
#[test]
fn the_repositorys_own_probe_measures_the_app() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("no python3 here: the probe is not run");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("runs.json");
    let status = Command::new("python3")
        .args(["scripts/tui_probe.py", "run", "--label", "aftercare"])
        .args([
            "--marker",
            "Check a symptom",
            "--keys",
            "DOWN,UP",
            "--idle",
            "0.2",
        ])
        .arg("--out")
        .arg(&out)
        .args(["--", env!("CARGO_BIN_EXE_aftercare")])
        .env("TERM", "xterm-256color")
        .status()
        .unwrap();
    assert!(status.success());
    let runs = std::fs::read_to_string(&out).unwrap();
    for field in [
        "first_frame_ms",
        "first_byte_ms",
        "rss_kib",
        "quit_ms",
        "\"cpu_ms\"",
    ] {
        assert!(runs.contains(field), "{field}: {runs}");
    }
    assert!(runs.contains("\"restored\": true"), "{runs}");
    assert!(runs.contains("\"restore_problems\": []"), "{runs}");
    let table = Command::new("python3")
        .args(["scripts/tui_probe.py", "table", "--ref", "aftercare"])
        .arg(&out)
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.contains("| terminal restored | yes (1/1) |"),
        "{table}"
    );
}
