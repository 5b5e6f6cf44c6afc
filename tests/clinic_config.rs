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
        err.contains("clinic.toml:5:1: unknown field `idle_timout_secs`"),
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
