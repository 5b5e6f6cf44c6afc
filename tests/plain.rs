//! `aftercare --plain` driven through stdin, as a script or a screen reader would: every level,
//! answers by number and by words, back, restart, why, help, bad input, EOF, the emergency line
//! on every screen, the exit status that encodes the overall level, and the screens read in the
//! order the screen-reader mirror reads them.

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

/// The screens of a transcript: what was printed before each prompt, after any reply to the line
/// before (a blank line parts them).
fn screens(out: &str) -> Vec<&str> {
    let mut screens = Vec::new();
    let mut rest = out;
    while let Some(at) = ["Your answer (1-", "Your choice: "]
        .iter()
        .filter_map(|p| rest.find(p))
        .min()
    {
        let block = &rest[..at];
        screens.push(&block[block.rfind("\n\n").map_or(0, |b| b + 2)..]);
        // The next screen starts on the line after the prompt.
        rest = rest[at..].split_once('\n').map_or("", |(_, r)| r);
    }
    screens
}

#[test]
fn each_level_has_its_exit_status() {
    let cases = [
        ("1\nquit\n", 14, "\n‼ EMERGENCY: "),
        ("2\n1\n1\nquit\n", 10, "\n✓ Expected: "),
        ("2\n2\n3\nquit\n", 11, "\n☎ Tell your therapist: "),
        ("2\n2\n2\nquit\n", 12, "\n✚ See a doctor: "),
        ("2\n1\n2\nquit\n", 13, "\n! Get help today: "),
    ];
    for (input, code, shown) in cases {
        let (got, out) = plain(input, &[]);
        assert_eq!(got, code, "{input:?}\n{out}");
        assert!(out.contains(shown), "{input:?}\n{out}");
    }
}

/// An outcome reads as the screen does: the level and title, "Do this now" first with the line
/// on when to call the emergency number, the rest of the advice, why, the explanations, the
/// results so far and the buttons.
#[test]
fn an_outcome_says_what_to_do_now_and_when_to_get_help() {
    let (_, out) = plain("2\n1\n1\nquit\n", &[]);
    let outcome = *screens(&out).last().unwrap();
    let order = [
        "✓ Expected: This is a normal response",
        "Do this now:\n  - Rest. Wear loose clothes.",
        "‼ Call your emergency number (999, 112 or 911) if your lips or throat swell.",
        "Get help if…\n  - Call your massage therapist if it is still there tomorrow.",
        "Why:\n",
        "Your results so far:\n",
        "  [a] Check another symptom\n",
        "Or type: help, back, why?",
    ];
    let mut at = 0;
    for part in order {
        let found = outcome[at..].find(part);
        assert!(found.is_some(), "{part:?} after {at}:\n{outcome}");
        at += found.unwrap();
    }
}

#[test]
fn answers_by_words_not_sure_goes_up_and_several_symptoms_take_the_most_urgent() {
    let input = "none of these\nsore\nno, worse\ncheck another\nred\nnot sure\nquit\n";
    let (code, out) = plain(input, &[]);
    assert_eq!(code, 13, "{out}");
    let summary = out.split("aftercare: your results").nth(1).unwrap();
    assert!(
        summary.contains("✚ See a doctor: Contact your doctor"),
        "{out}"
    );
    assert!(
        summary.contains("! Get help today: Get medical help today"),
        "{out}"
    );
    assert!(summary.contains("Overall: ! Get help today"), "{out}");
}

/// On an outcome the numbers open its explanations, as the screen says ("press its number"); `a`
/// (the button's key) checks another symptom.
#[test]
fn on_an_outcome_a_number_opens_its_explanation_and_a_checks_another_symptom() {
    let (_, out) = plain("1\n1\nback\na\nquit\n", &[]);
    let titles: Vec<&str> = screens(&out)
        .iter()
        .map(|s| s.lines().nth(2).unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Right now, do you have any of these?",
            "‼ EMERGENCY: Call your emergency number (999, 112 or 911) now",
            "Vasodilation",
            "‼ EMERGENCY: Call your emergency number (999, 112 or 911) now",
            "What are you noticing?",
        ],
        "{out}"
    );
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
    // Back from the first question is the app's first screen, whose menu starts again.
    let (code, out) = plain("back\nback\n1\n1\nquit\n", &[]);
    assert_eq!(code, 14, "{out}");
    let s = screens(&out);
    assert!(s[1].contains("\n  1. Check a symptom\n"), "{out}");
    assert_eq!(s[2], s[1], "{out}");
    assert!(out.contains("That does nothing on this screen"), "{out}");
    assert!(
        s[3].contains("Right now, do you have any of these?"),
        "{out}"
    );
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
        out.matches("\nRight now, do you have any of these?\n")
            .count(),
        5,
        "{out}"
    );
}

#[test]
fn help_lists_the_commands() {
    let (_, out) = plain("help\nquit\n", &[]);
    assert_eq!(out.matches("Other commands: back").count(), 2, "{out}");
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
    assert!(out.contains("\nOverall: ✚ See a doctor\n"), "{out}");
    let (code, out) = plain("", &[]);
    assert_eq!(code, 0);
    assert!(out.contains("Summary: no result yet."));
}

#[test]
fn the_emergency_number_is_on_every_screen_and_comes_from_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("clinic.toml");
    std::fs::write(
        &cfg,
        "[clinic]\nname = \"Hill Clinic\"\nphone = \"01632 960000\"\nemergency = \"999\"\n",
    )
    .unwrap();
    let (code, out) = plain(
        "2\nwhy\n9\n1\n1\n1\nback\nhelp\nquit\n",
        &["--config", cfg.to_str().unwrap()],
    );
    assert_eq!(code, 10);
    assert!(
        out.contains("\n‼ Call 999 if your lips or throat swell.\n"),
        "{out}"
    );
    let s = screens(&out);
    assert_eq!(s.len(), 9, "{out}");
    for screen in s {
        assert!(
            screen.starts_with(
                "Very unwell? Call 999 now.\nQuestions? Call Hill Clinic on 01632 960000.\n"
            ),
            "{screen}"
        );
    }
}

#[test]
fn why_opens_the_outcomes_explanation_with_its_sources_and_back_returns() {
    let (_, out) = plain("1\nwhy\nback\nquit\n", &[]);
    let s = screens(&out);
    assert!(
        s[1].contains("\nWhy:\nSudden chest pain or breathlessness"),
        "{out}"
    );
    assert!(s[2].contains("\nVasodilation\n"), "{out}");
    assert!(
        s[2].contains("\nSources:\n  - Pulmonary embolism symptoms. NHS"),
        "{out}"
    );
    assert_eq!(s[3], s[1], "back is the outcome as it was");
}

/// `why` on a question without help of its own offers only what the question has: "Not sure" by
/// its own label where there is one, and no "Not sure" where there is none.
#[test]
fn why_on_a_question_offers_only_its_own_answers() {
    let after_why = |input: &str| {
        let (_, out) = plain(input, &[]);
        // What was written after the last prompt, before the question was shown again.
        let end = out.rfind("\n\nVery unwell?").unwrap();
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
    let (code, out) = plain("no\nsore\n2\na\nsore\n2\nquit\n", &[]);
    assert_eq!(code, 12, "{out}");
    let summary = out.split("aftercare: your results").nth(1).unwrap();
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
    let (code, out) = plain("1\na\n1\n1\nquit\n", &[]);
    assert_eq!(code, 14, "{out}");
    let calm = out
        .rfind("Overall: ‼ EMERGENCY · this symptom: ✓ Expected:")
        .expect("the calm result");
    let first = out[calm..]
        .find("Your earlier result comes first:\n  - ‼ EMERGENCY: ")
        .expect("the emergency first");
    let advice = out[calm..].find("Do this now:").unwrap();
    assert!(first < advice, "{out}");
}

#[derive(Debug, serde::Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Debug, serde::Deserialize)]
struct Case {
    id: String,
    walks: Vec<Vec<String>>,
}

/// A screen's words in reading order, without the line mode's own marks: a list item's dash, the
/// "Or type:" before the footer's words, the commas between them and a heading's colon.
fn words_of(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.strip_prefix("  - ").unwrap_or(l))
        .map(|l| l.strip_prefix("Or type: ").unwrap_or(l))
        .flat_map(str::split_whitespace)
        .map(|w| w.trim_end_matches([',', ':']).to_string())
        .collect()
}

/// The issue 30 promise: a person who listens hears the same words in the same order in the
/// terminal and in the browser. Each of the 29 public cases is typed into the line mode by
/// number (`a` between symptoms) while the same answers go to an app as the mirror's buttons;
/// every screen the line mode prints says the mirror's words in the mirror's order, leaving out
/// only what lines cannot do (the QR code and the save dialog).
#[test]
fn each_public_case_reads_every_screen_in_the_mirrors_order() {
    use aftercare::app::{Action, App, Input, ScreenLayout};
    use aftercare::config::Config;
    use aftercare::content::NodeRef;
    use aftercare::ui::semantic::{self, Node};
    use aftercare::ui::theme::Theme;

    let text = std::fs::read_to_string("tests/vignettes.toml").unwrap();
    let cases = toml::from_str::<Cases>(&text).unwrap().case;
    assert_eq!(cases.len(), 29);
    let tree = common::embedded();
    let (config, theme) = (Config::default(), Theme::no_color());
    for case in &cases {
        let mut app = App::new(tree.clone(), config.clone());
        let mut at = 0;
        let mut press = |app: &mut App, a: Action| {
            at += 60;
            app.update(Input::Do(a), common::secs(at), &ScreenLayout::default());
            let nodes: Vec<Node> = semantic::nodes(app, &theme)
                .into_iter()
                .filter(|n| {
                    !matches!(
                        n,
                        Node::Button {
                            input: Input::Do(Action::TakeHome | Action::Save),
                            ..
                        }
                    )
                })
                .collect();
            semantic::text(&nodes)
        };
        let mut mirror = vec![press(&mut app, Action::Pick(0))];
        let mut typed = String::new();
        for (w, walk) in case.walks.iter().enumerate() {
            if w > 0 {
                typed.push_str("a\n");
                mirror.push(press(&mut app, Action::CheckAnother));
            }
            for id in walk {
                let NodeRef::Question(q) = app.session.current(&tree) else {
                    panic!("{}: an outcome before {id}", case.id)
                };
                let i = (tree.questions[q].options.iter())
                    .position(|o| &o.id == id)
                    .unwrap();
                typed.push_str(&format!("{}\n", i + 1));
                mirror.push(press(&mut app, Action::Pick(i)));
            }
        }
        let mut out = Vec::new();
        let level = aftercare::plain::run(
            App::new(tree.clone(), config.clone()),
            theme,
            typed.as_bytes(),
            &mut out,
        );
        assert_eq!(level.unwrap(), app.session.overall(&tree), "{}", case.id);
        let out = String::from_utf8(out).unwrap();
        let printed = screens(&out);
        assert_eq!(printed.len(), mirror.len(), "{}:\n{out}", case.id);
        for (n, (screen, heard)) in printed.iter().zip(&mirror).enumerate() {
            assert_eq!(
                words_of(screen),
                words_of(heard),
                "{} screen {n}:\n{screen}\n---- the mirror reads:\n{heard}",
                case.id
            );
        }
    }
}
