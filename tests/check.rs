//! Content validation: one broken fixture per rule, each asserting the message and the exact
//! line and column it points at; and the `aftercare check` command's exit statuses.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::aftercare;

use std::path::Path;
use std::process::Command;

use aftercare::content::{self, Severity};

/// `(fixture, "line:col: severity: start of the message")` — the first diagnostic of each file.
const CASES: &[(&str, &str)] = &[
    (
        "answer_id_missing",
        "14:13: error: an answer of question 'screen' has no id: 'Chest pain or sudden trouble breathing' (hint: add id = \"chest_pain_or_sudden_trouble\"",
    ),
    (
        "answer_id_not_plain",
        "14:79: error: question 'screen': the answer id 'Chest-pain' is not a plain name",
    ),
    (
        "answer_id_twice",
        "16:66: error: question 'screen' has the answer id 'chest_pain_sudden' twice",
    ),
    (
        "cycle",
        "35:11: error: question 'sore_day' leads back to 'notice' through 'No, worse after day 3'",
    ),
    (
        "emergency_not_calling_first",
        "45:8: error: outcome 'call_now' is an emergency, but its first \"now\" item does not start with 'Call {emergency}'",
    ),
    (
        "empty_label",
        "23:13: error: question 'notice': an option label is empty",
    ),
    (
        "escape_sequence",
        "69:9: error: outcome 'see_doctor': the title contains the control character U+001B",
    ),
    (
        "duplicate_label",
        "23:13: error: question 'notice' has the option ' red, WARM skin where I was massaged ' twice",
    ),
    ("invalid_utf8", "23:20: error: this file is not valid UTF-8"),
    (
        "long_label",
        "23:13: error: question 'notice': an option label is 85 characters long; the limit is 72",
    ),
    (
        "missing_start",
        "6:9: error: meta.start points to unknown question 'scren' (hint: did you mean 'screen'?)",
    ),
    (
        "no_now",
        "67:10: error: outcome 'see_doctor' has no \"now\" (what to do now) advice",
    ),
    (
        "no_sources",
        "60:10: error: outcome 'hives_today' cites no source",
    ),
    (
        "no_watch",
        "71:9: error: outcome 'see_doctor' has no \"watch\" (get help if...) advice",
    ),
    (
        "red_flags_first",
        "52:10: error: outcome 'flush_ok' is 'expected' but can be reached without passing an emergency screen (answers: 'None of these' → 'Sore muscles' → 'Yes')",
    ),
    // The caret is on the header left open, not at the end of its line.
    ("toml_syntax", "35:1: error: unclosed table, expected `]`"),
    (
        "too_few_options",
        "37:11: error: question 'sore_day' has 1 options; a question has 2 to 9",
    ),
    (
        "too_many_options",
        "37:11: error: question 'sore_day' has 11 options; a question has 2 to 9",
    ),
    (
        "unknown_field",
        "36:1: error: unknown key 'txet' in question 'sore_day' (hint: did you mean 'text'?",
    ),
    (
        "unknown_level",
        "68:9: error: outcome 'see_doctor' has the unknown level 'docter' (hint: did you mean 'doctor'?)",
    ),
    (
        "unknown_next",
        "39:45: error: question 'sore_day' points to unknown question or outcome 'see_docter' (hint: did you mean 'see_doctor'?)",
    ),
    (
        "unknown_picture",
        "77:11: error: topic 'vasodilation' asks for the unknown picture 'vessel'",
    ),
    (
        "unknown_placeholder",
        "55:10: error: outcome 'flush_ok': a \"watch\" (get help if...) item uses the unknown placeholder '{clinic_phon}' (hint: did you mean '{clinic_phone}'?",
    ),
    (
        "unknown_source",
        "65:12: error: outcome 'hives_today' cites unknown source 'nhs-p' (hint: did you mean 'nhs-pe'?)",
    ),
    (
        "unknown_topic",
        "48:11: error: outcome 'call_now' cites unknown topic 'vasodilatation' (hint: did you mean 'vasodilation'?)",
    ),
    (
        "unreachable_question",
        "35:11: error: question 'orphan' can never be reached from the start",
    ),
    (
        "unverified_source",
        "92:10: error: source 'nhs-pe' is marked 'U' (unverified)",
    ),
];

fn first_line(path: &str) -> (Vec<String>, bool) {
    let checked = content::check_path(Path::new(path)).expect("fixture is readable");
    (checked.lines(), checked.tree.is_some())
}

#[test]
fn every_rule_has_a_fixture_with_message_line_and_column() {
    for (name, expected) in CASES {
        let path = format!("tests/fixtures/invalid/{name}.toml");
        let (lines, has_tree) = first_line(&path);
        let want = format!("{path}:{expected}");
        assert!(
            lines.first().is_some_and(|l| l.starts_with(&want)),
            "{name}:\n want {want}\n got  {lines:#?}"
        );
        assert!(!has_tree, "{name}: a broken tree must not be accepted");
    }
}

/// "Every problem at once" holds across a syntax error: one file's broken table does not hide
/// another file's mistake, and the ids in the broken table do not turn into false "unknown"
/// or "never reached" errors.
#[test]
fn a_syntax_error_does_not_hide_the_other_files_problems() {
    let dir = "tests/fixtures/invalid/syntax_error_and_others";
    let (lines, has_tree) = first_line(dir);
    assert!(!has_tree);
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(
        lines[0].starts_with(&format!(
            "{dir}/a_questions.toml:34:1: error: unclosed table, expected `]`"
        )),
        "{lines:#?}"
    );
    assert!(
        lines[0].contains("The checks of the whole tree"),
        "{lines:#?}"
    );
    assert!(
        lines[1].starts_with(&format!(
            "{dir}/b_outcomes.toml:21:9: error: outcome 'hives_today' has the unknown level 'urgnet'"
        )),
        "{lines:#?}"
    );
    // The same through the real binary, with its exit status.
    let out = Command::new(env!("CARGO_BIN_EXE_aftercare"))
        .args(["check", dir])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unclosed table") && err.contains("'urgnet'"),
        "{err}"
    );
    assert!(err.contains(": 2 errors, 0 warnings"), "{err}");
}

/// Every unknown key is reported at once, not only the first of each table: two in one
/// outcome, one beside a known key, one in an answer's inline table; each with its line, column
/// and the key meant. The typo's echo ("missing field `level`") is not reported as news.
#[test]
fn every_unknown_key_is_reported_at_once() {
    let path = "tests/fixtures/invalid/unknown_keys.toml";
    let (lines, has_tree) = first_line(path);
    assert!(!has_tree);
    let expected = [
        "36:1: error: unknown key 'txet' in question 'sore_day' (hint: did you mean 'text'?",
        "39:38: error: unknown key 'nxt' in question 'sore_day', option 2 (hint: did you mean 'next'?",
        "43:1: error: unknown key 'levle' in outcome 'call_now' (hint: did you mean 'level'?",
        "44:1: error: unknown key 'titel' in outcome 'call_now' (hint: did you mean 'title'?",
    ];
    assert_eq!(lines.len(), expected.len(), "{lines:#?}");
    for (line, e) in lines.iter().zip(expected) {
        assert!(
            line.starts_with(&format!("{path}:{e}")),
            "want {e}\n{lines:#?}"
        );
    }
}

/// `aftercare check clinic.toml` is a clinic config checked as content: one error that says so
/// and how to check it, not "unknown key 'clinic'" and a hint about content keys.
#[test]
fn checking_a_clinic_config_as_content_says_to_use_config() {
    let (code, out, err) = aftercare(&["check", "data/clinic.example.toml"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("data/clinic.example.toml:36:2: this looks like a clinic config, not content"),
        "{err}"
    );
    assert!(
        err.contains("`aftercare check --config data/clinic.example.toml`"),
        "{err}"
    );
    assert!(err.contains(": 1 error, 0 warnings"), "{err}");
}

/// The last line counts in words a person would write: "1 error", not "1 errors".
#[test]
fn the_verdict_says_one_error_and_one_file() {
    let run = |path: &str| {
        Command::new(env!("CARGO_BIN_EXE_aftercare"))
            .args(["check", path])
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let out = run("tests/fixtures/invalid/duplicate_across_files");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(": 1 error, 0 warnings"), "{err}");
    let out = run("data/");
    let text = String::from_utf8_lossy(&out.stdout);
    // data/ and its translation data/es/ when it is there.
    let files = content::read_path(Path::new("data")).unwrap().len();
    assert!(
        text.contains(&format!(": ok ({files} files, 0 warnings)")),
        "{text}"
    );
}

/// Where the parser gives up (the end of a line, the next line) is not where the mistake is:
/// the caret goes to the token left open. Several mistakes in one file are each reported.
#[test]
fn a_syntax_error_points_at_the_token_left_open() {
    let cases = [
        // (the broken line, line:col of the caret, the message's start)
        ("title = \"Starter tree", "4:9", "invalid basic string"),
        (
            "title = { text = \"x\"",
            "4:9",
            "missing comma between key-value pairs",
        ),
        ("title = Starter", "4:9", "string values must be quoted"),
    ];
    let starter = std::fs::read_to_string("tests/fixtures/starter/tree.toml").unwrap();
    for (broken, at, message) in cases {
        let text = starter.replacen("title = \"Starter tree\"", broken, 1);
        let checked = content::check_files(vec![content::RawFile {
            name: "t.toml".into(),
            bytes: text.into_bytes(),
        }]);
        let lines = checked.lines();
        assert!(
            lines[0].starts_with(&format!("t.toml:{at}: error: {message}")),
            "{broken}: {lines:#?}"
        );
    }
    // Two tables broken in one file: both reported, each at its own line.
    let text = starter
        .replacen("[question.notice]", "[question.notice", 1)
        .replacen("level = \"doctor\"", "level = doctor", 1);
    let checked = content::check_files(vec![content::RawFile {
        name: "t.toml".into(),
        bytes: text.into_bytes(),
    }]);
    let lines = checked.lines();
    assert!(
        lines[0].starts_with("t.toml:19:1: error: unclosed table"),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("t.toml:69:9: error: string values must be quoted")),
        "{lines:#?}"
    );
    assert!(checked.tree.is_none());
}

#[test]
fn an_id_defined_in_two_files_names_both_places() {
    let (lines, has_tree) = first_line("tests/fixtures/invalid/duplicate_across_files");
    assert!(!has_tree);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].starts_with(
        "tests/fixtures/invalid/duplicate_across_files/b.toml:1:10: error: the id 'flush_ok' is defined twice (first at tests/fixtures/invalid/duplicate_across_files/a.toml:51:10)"
    ), "{lines:#?}");
}

#[test]
fn a_missing_not_sure_option_is_a_warning_not_an_error() {
    let checked =
        content::check_path(Path::new("tests/fixtures/invalid/no_not_sure_warning.toml")).unwrap();
    assert!(checked.tree.is_some());
    let w: Vec<_> = checked.warnings().collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].severity, Severity::Warning);
    assert!(checked.lines()[0].contains(
        ":26:11: warning: question 'red_when' asks for a \"Not sure\" option but has none"
    ));
}

/// Every clinical-safety rule of the red-flag model, each at its line and column: an answer that
/// reports a flag but can end below it, an emergency flag no emergency screen offers, a flag no
/// answer offers, a family path that never asks its flag (with the answers that take it there),
/// facts never learned or never read, a title that disagrees with its level, an outcome with no
/// emergency safety net.
#[test]
fn the_red_flag_rules_each_point_at_their_line() {
    let checked =
        content::check_path(Path::new("tests/fixtures/invalid/red_flag_rules.toml")).unwrap();
    let lines = checked.lines();
    let expected = [
        "35:11: error: question 'sore_day': 'Yes' reports the red flag 'spreading' (urgent) but can end at 'expected'",
        "47:7: warning: flag 'spreading' (urgent) is not asked by any symptom family",
        "52:7: error: flag 'faint' is an emergency but no emergency screen offers it",
        "57:7: error: flag 'weak' is not offered by any answer",
        "62:9: error: family 'soreness' can end at 'flush_ok' (below emergency) without asking about the red flag 'chest': 'Yes'",
        "62:9: error: family 'soreness' can end at 'flush_ok' (below urgent) without asking about the red flag 'weak': 'Yes'",
        "66:7: warning: fact 'sore' is learned but no route reads it",
        "69:7: warning: fact 'ghost' is never learned: no answer sets it",
        "81:9: warning: outcome 'flush_ok' is 'expected' but its title does not begin with 'Normal'",
        "97:9: error: outcome 'see_doctor' has no emergency safety net: no \"watch\" item names {emergency}",
        "42:7: warning: no hazard log: the content declares red flags but no [hazard.*]",
    ];
    for e in expected {
        let want = format!("tests/fixtures/invalid/red_flag_rules.toml:{e}");
        assert!(
            lines.iter().any(|l| l.starts_with(&want)),
            "missing {want}\n{lines:#?}"
        );
    }
    assert_eq!(lines.len(), expected.len(), "{lines:#?}");
    assert!(checked.tree.is_none());
}

/// The coverage rule finds a real gap: take the heart-attack question out of the soreness
/// branch of the shipped content and `check` names the path that now ends below it.
#[test]
fn removing_a_re_asked_flag_from_the_shipped_content_is_caught() {
    let files: Vec<content::RawFile> = content::EMBEDDED
        .iter()
        .map(|(name, text)| {
            let text = if name.ends_with("tree.toml") {
                text.replace(
                    r#"next = "emg_chest", flags = ["heart"] },
  { id = "short_breath_pain", label = "Short of breath, pain on breathing in"#,
                    r#"next = "emg_chest" },
  { id = "short_breath_pain", label = "Short of breath, pain on breathing in"#,
                )
            } else {
                (*text).to_string()
            };
            content::RawFile {
                name: (*name).to_string(),
                bytes: text.into_bytes(),
            }
        })
        .collect();
    let lines = content::check_files(files).lines();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("error: family 'soreness' can end at ")
                && l.contains("(below emergency) without asking about the red flag 'heart'")),
        "{lines:#?}"
    );
}

#[test]
fn a_not_sure_that_leads_somewhere_less_urgent_is_flagged() {
    let checked =
        content::check_path(Path::new("tests/fixtures/invalid/not_sure_goes_down.toml")).unwrap();
    let lines = checked.lines();
    assert!(
        lines.iter().any(|l| l.contains(
            ":26:11: error: question 'red_when': 'Not sure' can end at 'expected', less urgent than 'No, it is spreading' (at least 'urgent')"
        )),
        "{lines:#?}"
    );
    let (code, _, _) = aftercare(&[
        "check",
        "--deny-warnings",
        "tests/fixtures/invalid/not_sure_goes_down.toml",
    ]);
    assert_eq!(code, 1);
}

#[test]
fn a_bom_and_crlf_line_ends_are_accepted() {
    let checked = content::check_path(Path::new("tests/fixtures/valid/bom_crlf.toml")).unwrap();
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.lines());
    let tree = checked.tree.unwrap();
    assert!(!tree.topics[0].body.contains('\r'));
}

/// Signs of a flag, general danger signs and the hazard log: the clean fixture has no
/// diagnostic at all, and each fixture made from it by one change has exactly the one
/// diagnostic of its rule, at its line and column.
const ONE_CHANGE: &[(&str, &str)] = &[
    (
        "signs_unknown_sign",
        "14:90: error: question 'screen' cites unknown sign 'skn' of flag 'sepsis' (hint: did you mean 'sepsis.skin'?)",
    ),
    (
        "signs_not_offered",
        "53:32: error: flag 'chest': the sign 'breath' (Sudden trouble breathing) is not offered by any answer",
    ),
    (
        "signs_family_misses_one",
        "79:9: error: family 'redness' can end at 'flush_ok' (below emergency) without asking about the red flag 'sepsis' (sign 'skin': Mottled, blue or pale skin): 'No, none of these' → 'Yes, it is fading'",
    ),
    (
        "general_not_asked",
        "78:9: error: family 'redness' can end at 'flush_ok' (below urgent) without asking about the general red flag 'confusion': 'No, none of these' → 'Yes, it is fading'",
    ),
    (
        "general_unknown_flag",
        "76:33: error: table 'general' cites unknown flag 'confusoin' (hint: did you mean 'confusion'?)",
    ),
    (
        "general_skip_without_why",
        "86:16: warning: family 'burns' skips general flags without saying why",
    ),
    (
        "hazard_unknown_outcome",
        "132:25: error: hazard 'skin_spreading' cites unknown outcome 'call_nw' (hint: did you mean 'call_now'?)",
    ),
    (
        "hazard_without_control",
        "136:9: error: hazard 'unsure' has no control: no flag, fact or question",
    ),
    (
        "hazard_flag_missing",
        "70:7: error: flag 'burn' (urgent) belongs to no hazard",
    ),
    (
        "hazard_outcome_missing",
        "96:10: error: outcome 'get_help' (urgent) belongs to no hazard",
    ),
    (
        "hazard_high_risk",
        "129:20: warning: hazard 'skin_spreading' is still rated 4 of 5 after its controls (major harm, high likelihood)",
    ),
    (
        "hazard_no_log",
        "49:7: warning: no hazard log: the content declares red flags but no [hazard.*]",
    ),
];

#[test]
fn signs_general_and_hazard_rules_each_have_a_one_change_fixture() {
    let clean = "tests/fixtures/valid/signs_general_hazards.toml";
    let checked = content::check_path(Path::new(clean)).unwrap();
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.lines());
    let tree = checked.tree.unwrap();
    assert!(!tree.hazards.is_empty() && tree.general.is_some());
    for (name, expected) in ONE_CHANGE {
        let path = format!("tests/fixtures/invalid/{name}.toml");
        let checked = content::check_path(Path::new(&path)).unwrap();
        let lines = checked.lines();
        let want = format!("{path}:{expected}");
        assert_eq!(lines.len(), 1, "{name}: {lines:#?}");
        assert!(
            lines[0].starts_with(&want),
            "{name}:\n want {want}\n got  {lines:#?}"
        );
        let is_error = expected.contains(": error: ");
        assert_eq!(checked.tree.is_none(), is_error, "{name}");
    }
}

/// A risk still high after its controls is a warning until the hazard says why it is accepted
/// (`residual`), and the hazard log then shows the reason to the clinical safety officer.
#[test]
fn a_high_residual_risk_is_accepted_only_with_a_reason() {
    let text = std::fs::read_to_string("tests/fixtures/invalid/hazard_high_risk.toml").unwrap();
    let justified = text.replacen(
        "likelihood_after = \"high\"",
        "likelihood_after = \"high\"\nresidual = \"The only control is one question; a second is planned.\"",
        1,
    );
    assert_ne!(justified, text, "the fixture has the high risk");
    let dir = std::env::temp_dir().join(format!("aftercare-residual-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("content.toml");
    std::fs::write(&path, &justified).unwrap();
    let checked = content::check_path(&path).unwrap();
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.lines());
    let tree = checked.tree.unwrap();
    let log = aftercare::export::hazard_log(&tree, &aftercare::config::Config::default());
    assert!(
        log.contains("Residual risk accepted for now because:** The only control is one question"),
        "{log}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The runtime sees a sign as its flag: an answer that offers `sepsis.skin` reports `sepsis`.
#[test]
fn an_answer_offering_a_sign_reports_its_flag() {
    let tree = content::check_path(Path::new("tests/fixtures/valid/signs_general_hazards.toml"))
        .unwrap()
        .tree
        .unwrap();
    let sepsis = tree.flags.iter().position(|f| f.id == "sepsis").unwrap();
    let screen = &tree.questions[tree.meta.start];
    let mottled = screen
        .options
        .iter()
        .find(|o| o.label.starts_with("Very unwell"))
        .unwrap();
    assert_eq!(mottled.flags, vec![sepsis]);
    assert!(mottled.offers(sepsis, Some(0)) && !mottled.offers(sepsis, Some(1)));
    assert!(mottled.offers(sepsis, None));
}

#[test]
fn the_starter_fixture_is_clean() {
    let checked = content::check_path(Path::new("tests/fixtures/starter")).unwrap();
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.lines());
}

#[test]
fn check_reports_all_three_mistakes_each_on_its_own_line() {
    let (code, _, err) = aftercare(&["check", "tests/fixtures/invalid/three_mistakes.toml"]);
    assert_eq!(code, 1);
    for at in [
        "three_mistakes.toml:39:45: question 'sore_day' points to unknown question or outcome 'see_docter'",
        "three_mistakes.toml:61:9: outcome 'hives_today' has the unknown level 'urgnet'",
        "three_mistakes.toml:69:9: outcome 'see_doctor': the title is empty",
    ] {
        assert!(err.contains(at), "missing {at} in:\n{err}");
    }
    // The snippet quotes the offending source line.
    assert!(err.contains("level = \"urgnet\""), "{err}");
}

/// An unknown level is one error. The validator then checks the outcome or flag as an emergency
/// (the safe side), but no later message quotes or judges that level: "'see_doctor' is
/// 'emergency' but its title…" named a level the file never gave.
#[test]
fn an_unknown_level_is_reported_once_and_never_quoted_as_another() {
    for (fixture, ids) in [
        ("unknown_level", &["see_doctor"][..]),
        ("three_mistakes", &["hives_today"][..]),
        ("unknown_level_follow_on", &["spreading", "see_doctor"][..]),
    ] {
        let path = format!("tests/fixtures/invalid/{fixture}.toml");
        let (lines, has_tree) = first_line(&path);
        assert!(!has_tree);
        for id in ids {
            let about: Vec<&String> = lines
                .iter()
                .filter(|l| l.contains(&format!("'{id}'")))
                .collect();
            assert_eq!(about.len(), 1, "{fixture}: {about:#?}");
            assert!(about[0].contains("has the unknown level"), "{about:#?}");
        }
    }
}

#[test]
fn check_exit_statuses() {
    assert_eq!(aftercare(&["check", "tests/fixtures/starter"]).0, 0);
    assert_eq!(
        aftercare(&["check", "tests/fixtures/invalid/no_not_sure_warning.toml"]).0,
        0
    );
    assert_eq!(
        aftercare(&[
            "check",
            "--deny-warnings",
            "tests/fixtures/invalid/no_not_sure_warning.toml"
        ])
        .0,
        1
    );
    assert_eq!(
        aftercare(&["check", "tests/fixtures/invalid/cycle.toml"]).0,
        1
    );
    let (code, _, err) = aftercare(&["check", "tests/fixtures/no/such/file.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("no such file or folder"), "{err}");
}

#[test]
fn unreadable_inputs_each_get_their_own_message() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A folder with no TOML.
    std::fs::create_dir(d.join("empty")).unwrap();
    std::fs::write(d.join("empty/readme.txt"), "hi").unwrap();
    let (code, _, err) = aftercare(&["check", d.join("empty").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("this folder has no .toml files"), "{err}");
    // A 10 MB file, and a 1 GB sparse file: refused by size without being read.
    for (name, size) in [("big.toml", 10 << 20), ("sparse.toml", 1u64 << 30)] {
        let f = std::fs::File::create(d.join(name)).unwrap();
        f.set_len(size).unwrap();
        let (code, _, err) = aftercare(&["check", d.join(name).to_str().unwrap()]);
        assert_eq!(code, 2, "{name}");
        assert!(
            err.contains("content files are at most 4194304 bytes"),
            "{err}"
        );
    }
    // Binary garbage.
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(d.join("garbage.toml"), garbage).unwrap();
    let (code, _, err) = aftercare(&["check", d.join("garbage.toml").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("garbage.toml:1:"), "{err}");
    // A symlink loop inside a content folder.
    #[cfg(unix)]
    {
        std::fs::create_dir(d.join("looped")).unwrap();
        std::os::unix::fs::symlink(d.join("looped/a.toml"), d.join("looped/a.toml")).unwrap();
        let (code, _, err) = aftercare(&["check", d.join("looped").to_str().unwrap()]);
        assert_eq!(code, 2);
        assert!(err.contains("link loop"), "{err}");
    }
}

#[test]
fn the_embedded_content_validates_without_errors() {
    let checked = content::check_embedded();
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.one_line(&checked.files))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(checked.tree.is_some());
}

#[test]
fn large_content_parsed_on_two_threads_keeps_files_in_order_and_names_the_right_place() {
    // 10,000 nodes in 11 files: big enough for the parallel parse.
    let mut files = aftercare::content::synth::generate_raw(10_000);
    assert!(files.len() > 4);
    let ok = aftercare::content::check_files(files.clone());
    assert!(ok.tree.is_some(), "{:?}", ok.lines());
    assert!(
        ok.files
            .iter()
            .map(|f| f.name.as_str())
            .eq(files.iter().map(|f| f.name.as_str()))
    );
    // A syntax error in a file of the second half (parsed on the other thread).
    let late = files.len() - 3;
    let text = String::from_utf8(files[late].bytes.clone()).unwrap();
    files[late].bytes = text.replacen("options = [", "options = [[", 1).into_bytes();
    let lines = aftercare::content::check_files(files).lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with(&format!("gen{late:03}.toml:")),
        "{lines:?}"
    );
}
