//! Hostile content: escape sequences in every text field, absurd sizes and shapes. Each is
//! refused with a diagnostic, never a panic and never a hang.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use aftercare::content::{RawFile, check_files};

const STARTER: &str = include_str!("fixtures/starter/tree.toml");

fn check(text: &str) -> Vec<String> {
    let c = check_files(vec![RawFile {
        name: "h.toml".into(),
        bytes: text.as_bytes().to_vec(),
    }]);
    assert_eq!(c.tree.is_some(), c.errors().count() == 0);
    c.lines()
}

/// Escape sequences a terminal would act on: CSI (clear screen), OSC 52 (write the clipboard),
/// BEL, a C1 CSI, DEL, and a bidi override that reorders what is shown.
const SEQUENCES: &[(&str, &str)] = &[
    ("CSI", "\\u001b[2J"),
    ("OSC 52", "\\u001b]52;c;aGk=\\u0007"),
    ("BEL", "\\u0007"),
    ("C1 CSI", "\\u009b31m"),
    ("DEL", "\\u007f"),
    ("bidi override", "\\u202e"),
    ("NUL", "\\u0000"),
];

/// Every text field of the starter tree, by a unique piece of its text.
const FIELDS: &[&str] = &[
    "Starter tree",                           // meta.title
    "Right now, do you have any of these?",   // question text
    "Chest pain or sudden trouble breathing", // option label
    "Call {emergency} now\"",                 // outcome title
    "Do not drive yourself.",                 // now item
    "If you feel worse while you wait",       // watch item
    "Sudden chest pain or breathlessness",    // why
    "Why skin goes red and warm.",            // topic summary
    "Vasodilation is the widening",           // topic body
    "Pulmonary embolism symptoms",            // source title
];

#[test]
fn escape_sequences_are_refused_in_every_text_field() {
    for field in FIELDS {
        assert!(STARTER.contains(field), "{field}");
        for (name, seq) in SEQUENCES {
            let text = STARTER.replacen(field, &format!("{seq}{field}"), 1);
            let lines = check(&text);
            assert!(
                lines
                    .iter()
                    .any(|l| l.contains("contains the control character")),
                "{name} in {field:?} was not refused: {lines:#?}"
            );
        }
    }
}

#[test]
fn absurdly_many_options_are_refused() {
    // 10,000 in the full run (`AFTERCARE_LONG_TESTS=1`); 1,000 is as absurd and parses faster.
    let n = common::short_or_long(1_000, 10_000);
    let options: String = (0..n)
        .map(|i| format!("  {{ id = \"o{i}\", label = \"Option {i}\", next = \"see_doctor\" }},\n"))
        .collect();
    let text = STARTER.replacen(
        "options = [\n  { label = \"Yes\"",
        &format!("options = [\n{options}  {{ label = \"Yes\""),
        1,
    );
    let lines = check(&text);
    assert!(
        lines
            .iter()
            .any(|l| l.contains(&format!("has {} options; a question has 2 to 9", n + 3))),
        "{:?}",
        &lines[..1]
    );
}

#[test]
fn a_long_chain_of_questions_is_accepted_without_recursion() {
    // 30,000 deep already overflows a test thread's 2 MiB stack at 70 bytes a level; the full
    // run (`AFTERCARE_LONG_TESTS=1`) goes to 100,000.
    let c = check_files(aftercare::content::synth::generate_raw(
        common::short_or_long(30_000, 100_000),
    ));
    assert!(c.tree.is_some());
}

#[test]
fn empty_and_whitespace_files_get_a_diagnostic() {
    for text in ["", "   \n\n", "\u{feff}"] {
        let lines = check(text);
        assert!(
            lines.iter().any(|l| l.contains("has no [meta] table")),
            "{text:?}: {lines:?}"
        );
    }
}

#[test]
fn a_huge_string_is_refused_by_length_not_by_memory() {
    let long = "a".repeat(1_000_000);
    let text = STARTER.replacen("Right now, do you have any of these?", &long, 1);
    let lines = check(&text);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("is 1000000 characters long; the limit is 240"))
    );
}

/// Found by the content fuzzer: a `start` naming a question in a file with no questions.
#[test]
fn fuzz_regression_start_without_any_question() {
    let bytes = std::fs::read("tests/fixtures/fuzz/start_without_questions.toml").unwrap();
    let c = check_files(vec![RawFile {
        name: "f.toml".into(),
        bytes,
    }]);
    assert!(c.tree.is_none());
    assert!(
        c.lines()
            .iter()
            .any(|l| l.contains("meta.start points to unknown question 'screen'")),
        "{:?}",
        c.lines()
    );
}

/// Second line of defence: content that bypassed the validator (built in code) still cannot drive
/// the terminal — every text on its way to the screen is cleaned.
#[test]
fn escape_sequences_that_bypass_the_validator_never_reach_the_screen() {
    use aftercare::app::{Input, Key};
    use ratatui::{Terminal, backend::TestBackend};
    use std::time::Duration;
    let mut tree = common::starter();
    let evil = "\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{9b}31m\u{202e}";
    tree.meta.title = format!("Title{evil}");
    tree.questions[0].text = format!("Question{evil}");
    for o in &mut tree.questions[0].options {
        o.label = format!("{}{evil}", o.label);
    }
    for o in &mut tree.outcomes {
        o.title = format!("{}{evil}", o.title);
        o.now.push(format!("Item{evil}"));
    }
    let mut app = common::TestApp::on(tree).build();
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    for key in [None, Some(Key::Enter), Some(Key::Char('1'))] {
        if let Some(k) = key {
            app.update(Input::Key(k), Duration::ZERO);
        }
        term.draw(|f| {
            aftercare::ui::render(&app, app.theme(), f);
        })
        .unwrap();
        for cell in term.backend().buffer().content() {
            assert!(
                !cell
                    .symbol()
                    .chars()
                    .any(|c| c.is_control() || c == '\u{202e}'),
                "a control character reached the screen: {:?}",
                cell.symbol()
            );
        }
    }
    let summary = aftercare::ui::summary::text(&app, app.theme(), 80).unwrap();
    assert!(
        !summary.chars().any(|c| c == '\u{1b}' || c == '\u{7}'),
        "{summary:?}"
    );
}
