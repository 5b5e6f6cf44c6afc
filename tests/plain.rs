//! `aftercare --plain` driven through stdin, as a script or a screen reader would: every level,
//! back, restart, bad input, EOF, and the exit status that encodes the overall level.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use std::process::Command;

fn plain(input: &str, extra: &[&str]) -> (i32, String) {
    let out = common::piped(
        Command::new(env!("CARGO_BIN_EXE_aftercare"))
            .args(["--plain", "--content", "tests/fixtures/starter"])
            .args(extra),
        input.as_bytes(),
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        !stdout.contains('\x1b'),
        "plain mode must not write escape codes"
    );
    (out.status.code().unwrap(), stdout)
}

#[test]
fn each_level_has_its_exit_status() {
    let cases = [
        ("1\nquit\n", 14, "Result: EMERGENCY"),
        ("2\n1\n1\nquit\n", 10, "Result: Expected"),
        ("2\n2\n3\nquit\n", 11, "Result: Tell your therapist"),
        ("2\n2\n2\nquit\n", 12, "Result: See a doctor"),
        ("2\n1\n2\nquit\n", 13, "Result: Get help today"),
    ];
    for (input, code, shown) in cases {
        let (got, out) = plain(input, &[]);
        assert_eq!(got, code, "{input:?}\n{out}");
        assert!(out.contains(shown), "{input:?}\n{out}");
    }
}

#[test]
fn answers_by_words_not_sure_goes_up_and_several_symptoms_take_the_most_urgent() {
    let input = "none of these\nsore\nno, worse\n1\nred\nnot sure\nquit\n";
    let (code, out) = plain(input, &[]);
    assert_eq!(code, 13, "{out}");
    assert!(out.contains("- See a doctor: Contact your doctor"), "{out}");
    assert!(
        out.contains("- Get help today: Get medical help today"),
        "{out}"
    );
    assert!(out.contains("Overall: Get help today (urgent)"), "{out}");
}

#[test]
fn back_and_restart_undo_answers() {
    // Emergency, then back to the screen and a calmer path.
    let (code, out) = plain("1\nback\n2\n1\n1\nquit\n", &[]);
    assert_eq!(code, 10, "{out}");
    // An answer, then restart, then finish: nothing is kept.
    let (code, out) = plain("2\nrestart\nquit\n", &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Starting again"));
    assert!(out.contains("Summary: no result yet."));
    let (_, out) = plain("back\nquit\n", &[]);
    assert!(out.contains("nothing to go back to"), "{out}");
}

#[test]
fn unclear_input_repeats_the_question_and_never_guesses() {
    let (code, out) = plain("7\nmaybe\nn\n\nquit\n", &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("There is no answer 7. Type a number from 1 to 3."),
        "{out}"
    );
    assert!(out.contains("'maybe' is not one of the answers."), "{out}");
    assert!(
        out.contains("'n' matches more than one answer (2, 3). Type the number."),
        "{out}"
    );
    assert!(out.contains("Please type an answer."), "{out}");
    assert_eq!(
        out.matches("Question: Right now, do you have any of these?")
            .count(),
        5,
        "{out}"
    );
}

#[test]
fn end_of_input_finishes_with_the_summary_so_far() {
    let (code, out) = plain("2\n2\n2\n", &[]);
    assert_eq!(code, 12, "{out}");
    let tail: Vec<&str> = out.trim_end().lines().rev().take(2).collect();
    assert!(
        tail.iter().any(|l| l.starts_with("Very unwell? Call")),
        "{out}"
    );
    assert!(out.contains("Overall: See a doctor (doctor)"));
    let (code, out) = plain("", &[]);
    assert_eq!(code, 0);
    assert!(out.contains("Summary: no result yet."));
}

#[test]
fn the_emergency_number_is_with_every_question_and_comes_from_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("clinic.toml");
    std::fs::write(
        &cfg,
        "[clinic]\nname = \"Hill Clinic\"\nphone = \"01632 960000\"\nemergency = \"999\"\n",
    )
    .unwrap();
    let (code, out) = plain("1\nquit\n", &["--config", cfg.to_str().unwrap()]);
    assert_eq!(code, 14);
    assert!(out.contains("- Call 999 now."), "{out}");
    let questions = out.matches("Question:").count();
    let lines = out
        .matches("Very unwell? Call 999 now. Questions? Call Hill Clinic on 01632 960000.")
        .count();
    assert!(lines > questions, "{out}");
}

#[test]
fn why_explains_the_outcome_with_its_sources() {
    let (_, out) = plain("1\nwhy\nquit\n", &[]);
    assert!(out.contains("Why: Sudden chest pain"), "{out}");
    assert!(
        out.contains("Sources:\n  - Pulmonary embolism symptoms. NHS"),
        "{out}"
    );
    assert!(out.contains("aftercare topic vasodilation"), "{out}");
}

/// `why` on a question without help of its own offers only what the question has: "Not sure" by
/// its own label where there is one, and no "Not sure" where there is none.
#[test]
fn why_on_a_question_offers_only_its_own_answers() {
    let after_why = |input: &str| {
        let (_, out) = plain(input, &[]);
        // What was written after the last prompt before the question was shown again.
        let end = out.rfind("\nQuestion:").unwrap();
        let at = out[..end].rfind("Your answer (").unwrap();
        out[at..end].split_once("): ").unwrap().1.to_string()
    };
    // "What are you noticing?": two answers, neither "Not sure".
    let why = after_why("2\nwhy\nquit\n");
    assert!(
        why.contains("Your answer decides the next question"),
        "{why}"
    );
    assert!(!why.to_lowercase().contains("not sure"), "{why}");
    // "Is the redness fading?" has one.
    let why = after_why("2\n1\nwhy\nquit\n");
    assert!(why.contains("choose 'Not sure'"), "{why}");
}

#[test]
fn a_topic_prints_as_plain_wrapped_text_with_its_sources() {
    let out = Command::new(env!("CARGO_BIN_EXE_aftercare"))
        .args(["topic", "vasodilation"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Vasodilation"), "{text}");
    assert!(
        !text.contains('*') && !text.contains(" :: "),
        "markup must not show:\n{text}"
    );
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    assert!(text.contains("\nSources:\n  - "), "{text}");
    let list = Command::new(env!("CARGO_BIN_EXE_aftercare"))
        .arg("topics")
        .output()
        .unwrap();
    let list = String::from_utf8(list.stdout).unwrap();
    assert!(
        list.starts_with("vasodilation "),
        "vasodilation is listed first:\n{list}"
    );
    let missing = Command::new(env!("CARGO_BIN_EXE_aftercare"))
        .args(["topic", "nope"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.contains("no topic 'nope'") && err.contains("the topics are: vasodilation,"),
        "{err}"
    );
}

#[test]
fn no_means_none_of_these_and_a_repeated_result_is_listed_once() {
    // "no" on the screen, then the same symptom twice: the summary lists it once.
    let (code, out) = plain("no\nsore\n2\n1\nsore\n2\nquit\n", &[]);
    assert_eq!(code, 12, "{out}");
    let summary = out.split("Summary:").nth(1).unwrap();
    assert_eq!(
        summary.matches("Contact your doctor").count(),
        1,
        "{summary}"
    );
}

#[test]
fn a_line_that_is_not_utf8_is_answered_like_unclear_input() {
    let out = common::piped(
        Command::new(env!("CARGO_BIN_EXE_aftercare")).args([
            "--plain",
            "--content",
            "tests/fixtures/starter",
        ]),
        b"\xff\xfe\n1\nquit\n",
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(14), "{text}");
    assert!(text.contains("is not one of the answers"), "{text}");
}

/// After an emergency, a later calm result first repeats the emergency and what to do about it,
/// before its own advice; the exit status stays the emergency's.
#[test]
fn a_calm_result_after_an_emergency_puts_the_emergency_first() {
    let (code, out) = plain("1\n1\n1\n1\nquit\n", &[]);
    assert_eq!(code, 14, "{out}");
    let calm = out.rfind("Result: Expected").expect("the calm result");
    let first = out[calm..]
        .find("Your earlier result comes first: EMERGENCY (emergency).")
        .expect("the emergency first");
    let advice = out[calm..].find("Do this now:").unwrap();
    assert!(first < advice, "{out}");
}
