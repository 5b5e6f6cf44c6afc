//! A kiosk's clinic language, end to end in a pseudo-terminal: when the content cannot speak it
//! (no `es/` at start, or a reload while `es/` is away), staff are told in the kiosk log, and the
//! translation coming back brings the clinic's language back (fresh-eyes review, findings 12 and
//! 2; the watcher sees `es/` go and come). Every wait is for the log or the screen, with the
//! generous timeouts of tests/common/pty.rs: nothing depends on the machine's speed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use common::bilingual_folder;
use common::pty::{Session, kiosk_config, wait_for_log};

/// A Spanish kiosk's config in `dir`, logging to `dir/kiosk.log`: the config's path and the log's.
fn spanish_kiosk_config(dir: &Path) -> (String, PathBuf) {
    let log = dir.join("kiosk.log");
    let cfg = kiosk_config(dir, &format!("log_path = \"{}\"\n", log.display()));
    let text = std::fs::read_to_string(&cfg).unwrap();
    std::fs::write(&cfg, format!("language = \"es\"\n{text}")).unwrap();
    (cfg, log)
}

#[test]
fn a_spanish_kiosk_on_content_without_spanish_says_so_in_its_log() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, log) = spanish_kiosk_config(dir.path());
    let content = "tests/fixtures/starter";
    let mut s = Session::start(&["--kiosk", "--config", &cfg, "--content", content]);
    s.wait_for("Check a symptom");
    let logged = wait_for_log(&log, "no 'es' translation");
    assert!(logged.contains("using English"), "{logged}");
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
}

#[test]
fn a_reload_without_the_translation_is_logged_and_its_return_brings_spanish_back() {
    let dir = tempfile::tempdir().unwrap();
    let content = bilingual_folder(dir.path());
    let (cfg, log) = spanish_kiosk_config(dir.path());
    let c = content.to_str().unwrap();
    let mut s = Session::start(&["--kiosk", "--config", &cfg, "--content", c]);
    s.wait_for("Revisar un síntoma");
    wait_for_log(&log, "kiosk started");
    assert!(
        !std::fs::read_to_string(&log)
            .unwrap()
            .contains("translation"),
        "nothing to say while the content speaks the clinic's language"
    );

    // A translator moves es/ away for a moment: English, and the log says why.
    std::fs::rename(content.join("es"), dir.path().join("es.away")).unwrap();
    let logged = wait_for_log(&log, "content reload: the content has no 'es' translation");
    assert!(logged.contains("using English"), "{logged}");
    s.wait_for("Check a symptom");

    // Back: the clinic's language comes back with it.
    std::fs::rename(dir.path().join("es.away"), content.join("es")).unwrap();
    s.wait_for("Revisar un síntoma");
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
}
