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

/// One fixture per rule of what a clinic means by a value (`tests/fixtures/config/`): where
/// `check --config` points, what it says, that it gives a hint, and that nothing it prints can
/// drive the staff terminal (every control character escaped, in the message and in the quoted
/// line).
const CONFIG_CASES: &[(&str, &str)] = &[
    (
        "emergency_with_words",
        "3:18: clinic.emergency \"911 or ask staff\" has 'o', which a phone cannot dial",
    ),
    (
        "phone_with_letters",
        "4:15: clinic.phone \"0800 MASSAGE\" has 'M', which a phone cannot dial",
    ),
    (
        "phone_plus_inside",
        "3:9: clinic.phone \"01632 +960000\" has a '+' after the start",
    ),
    (
        "emergency_no_digits",
        "3:13: clinic.emergency \"+ ( )\" has fewer than two digits",
    ),
    (
        "phone_escape_sequence",
        "3:9: clinic.phone \"01632\\u{1b}[2J960000\" has \\u{1b}, which a phone cannot dial",
    ),
    (
        "name_escape_sequence",
        "3:8: clinic.name \"Hill\\u{1b}]52;c;ZWNobyBoaQ==\\u{7} Clinic\" must be one line",
    ),
    (
        "pin_hash_weak",
        "4:12: kiosk.pin_hash is argon2id, m=8, t=1, p=1: weaker than `aftercare hash-pin` makes (argon2id, m=19456, t=2, p=1)",
    ),
    (
        "pin_hash_argon2i",
        "3:12: kiosk.pin_hash is argon2i, m=19456, t=2, p=1: weaker than",
    ),
    (
        "pin_hash_huge",
        "3:12: kiosk.pin_hash asks for m=4194304, t=2: checking each PIN would stall the kiosk",
    ),
    (
        "pin_hash_not_phc",
        "3:12: kiosk.pin_hash \"$argon2id$not a hash\" is not an Argon2 hash",
    ),
    ("raw_escape_in_file", "3:14: invalid basic string"),
];

#[test]
fn every_config_rule_has_a_fixture_with_line_column_hint_and_no_raw_control() {
    for (name, want) in CONFIG_CASES {
        let path = format!("tests/fixtures/config/{name}.toml");
        let out = Command::new(env!("CARGO_BIN_EXE_aftercare"))
            .args(["check", "--config", &path])
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(
            err.contains(&format!("{path}:{want}")),
            "{name}: want {want}\n{err}"
        );
        assert!(err.contains("help: "), "{name}: no hint\n{err}");
        let raw: Vec<char> = err
            .chars()
            .filter(|&c| c != '\n' && aftercare::content::validate::is_forbidden(c, false))
            .collect();
        assert!(
            raw.is_empty(),
            "{name}: raw control characters {raw:?} in\n{err}"
        );
    }
}

#[test]
fn numbers_as_dialled_and_a_hash_as_strong_as_hash_pin_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("clinic.toml");
    let hash = aftercare::kiosk::hash_pin("2468", &[5; 16]).unwrap();
    for (phone, emergency) in [
        ("+44 20 7946 0000", "999"),
        ("(01632) 960-000", "112"),
        (" +1 (555) 010-0000", "000"),
        ("01632 960000", "15"),
    ] {
        std::fs::write(
            &cfg,
            format!(
                "[clinic]\nphone = \"{phone}\"\nemergency = \"{emergency}\"\n[kiosk]\npin_hash = \"{hash}\"\n"
            ),
        )
        .unwrap();
        let (code, out, err) = aftercare(&["check", "--config", cfg.to_str().unwrap()]);
        assert_eq!(code, 0, "{phone} / {emergency}: {out}{err}");
    }
}

/// "Call {clinic_phone} and tell them…" with a phone set read "call 01632 960000 and tell them":
/// a number is not someone to tell. A phone the sentence goes on from comes with the clinic's
/// name (or "your clinic"); at the end of a sentence, as in the banner, the phone stands alone.
#[test]
fn a_phone_the_sentence_goes_on_from_comes_with_whom_it_calls() {
    use aftercare::config::Config;
    let tree = aftercare::content::default_tree().unwrap();
    let texts: Vec<&String> = tree
        .outcomes
        .iter()
        .flat_map(|o| o.now.iter().chain(&o.watch).chain(&o.why))
        .chain(tree.questions.iter().flat_map(|q| &q.help))
        .collect();
    let with = |name: &str| {
        let mut c = Config::default();
        c.clinic.name = name.into();
        c.clinic.phone = Some("01632 960000".into());
        c
    };
    for (config, whom) in [
        (
            with("Example Massage Clinic"),
            "Example Massage Clinic on 01632 960000",
        ),
        (with(""), "your clinic on 01632 960000"),
    ] {
        let mut told = 0;
        for t in &texts {
            let filled = config.fill(t);
            assert!(
                !filled.contains("call 01632 960000 and")
                    && !filled.contains("Call 01632 960000 and"),
                "{filled}"
            );
            told += usize::from(filled.contains(&format!("all {whom} and tell them")));
        }
        assert!(told > 10, "{whom}: {told}");
        assert_eq!(
            config.fill("Questions? Call {clinic_phone}."),
            "Questions? Call 01632 960000."
        );
    }
    // No phone: whom to call is already a person.
    assert_eq!(
        Config::default().fill("Call {clinic_phone} and tell them."),
        "Call your massage therapist and tell them."
    );
}
