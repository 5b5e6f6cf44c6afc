//! The clinic's settings at the command line: `aftercare hash-pin` makes a hash the config
//! accepts, and `aftercare check --config` points at a bad key.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::aftercare;

use std::process::Command;

#[test]
fn hash_pin_makes_a_hash_the_config_accepts() {
    let out = common::piped(
        Command::new(env!("CARGO_BIN_EXE_aftercare")).arg("hash-pin"),
        b"2468\n2468\n",
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.starts_with("pin_hash = ")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("clinic.toml");
    std::fs::write(&cfg, format!("[kiosk]\n{line}\n")).unwrap();
    let (code, out, err) = aftercare(&["check", "--config", cfg.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    let hash = line
        .trim_start_matches("pin_hash = ")
        .trim_matches('"')
        .to_string();
    let mut pin = aftercare::kiosk::StaffPin::new(Some(hash));
    assert_eq!(
        pin.check("2468", std::time::Duration::ZERO),
        aftercare::kiosk::PinCheck::Accepted
    );
}

#[test]
fn check_config_points_at_the_bad_key() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("clinic.toml");
    std::fs::write(
        &cfg,
        "[clinic]\nphone = \"01632 960000\"\n\n[kiosk]\nidle_timout_secs = 60\n",
    )
    .unwrap();
    let (code, _, err) = aftercare(&["check", "--config", cfg.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("clinic.toml:5:1: unknown key 'idle_timout_secs' in [kiosk]"),
        "{err}"
    );
    assert!(
        err.contains("help: did you mean 'idle_timeout_secs'?"),
        "{err}"
    );
}

/// Every unknown key of a config at once, top to bottom, with the bad values beside them: two in
/// one table, one at the top, one after a bad value.
#[test]
fn check_config_reports_every_unknown_key_at_once() {
    let (code, _, err) = aftercare(&[
        "check",
        "--config",
        "tests/fixtures/config/unknown_keys.toml",
    ]);
    assert_eq!(code, 1);
    let at = |needle: &str| {
        err.find(needle)
            .unwrap_or_else(|| panic!("missing {needle}\n{err}"))
    };
    let f = "tests/fixtures/config/unknown_keys.toml";
    let places = [
        at(&format!(
            "{f}:2:1: unknown key 'colour' at the top of the file"
        )),
        at(&format!("{f}:5:1: unknown key 'nmae' in [clinic]")),
        at("help: did you mean 'name'?"),
        at(&format!("{f}:6:1: unknown key 'phnoe' in [clinic]")),
        at("help: did you mean 'phone'?"),
        at(&format!("{f}:10:21: kiosk.idle_timeout_secs is 5")),
        at(&format!("{f}:11:1: unknown key 'foo' in [kiosk]")),
    ];
    assert!(places.is_sorted(), "not in file order:\n{err}");
    assert_eq!(err.matches("  × ").count(), 5, "{err}");
}

/// Content given as the config says so and how to check it instead.
#[test]
fn content_given_as_the_config_says_so() {
    let (code, _, err) = aftercare(&["check", "--config", "tests/fixtures/starter/tree.toml"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("this looks like content, not a clinic config"),
        "{err}"
    );
    assert!(
        err.contains("`aftercare check tests/fixtures/starter/tree.toml`"),
        "{err}"
    );
}

#[test]
fn hash_pin_with_nothing_on_standard_input_says_so() {
    let out = common::piped(
        Command::new(env!("CARGO_BIN_EXE_aftercare")).arg("hash-pin"),
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("could not read the PIN"));
}

/// A refused config stops the app as refused content does: it says nothing ran and how to
/// check the file.
#[test]
fn a_refused_config_says_nothing_was_started() {
    // Standard input is not read (nothing starts); a pipe could break under the writer.
    let out = Command::new(env!("CARGO_BIN_EXE_aftercare"))
        .args([
            "--plain",
            "--config",
            "tests/fixtures/config/unknown_keys.toml",
        ])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.trim_end().ends_with(
            "error: the config was refused; nothing was started. Fix it and run `aftercare check \
             --config tests/fixtures/config/unknown_keys.toml`."
        ),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "nothing is asked");
}
