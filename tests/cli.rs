//! The command line as a newcomer meets it, run as the real binary: a closed pipe ends quietly,
//! options that would be ignored are refused, a misspelt topic gets a "did you mean", no
//! terminal points at line mode, one file of a folder gets a hint, and the completions and the
//! man page name every subcommand.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::process::{Command, Output, Stdio};

const SUBCOMMANDS: [&str; 7] = [
    "check",
    "export",
    "hash-pin",
    "topics",
    "topic",
    "completions",
    "man",
];

fn aftercare(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aftercare"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs with standard output a pipe whose reading end is already closed, so the first write
/// fails with EPIPE every time (no race with a reader that leaves "soon").
fn into_closed_pipe(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_aftercare"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn a_closed_pipe_ends_every_printing_command_quietly() {
    let commands: &[&[&str]] = &[
        &["topics"],
        &["topic", "vasodilation"],
        &["export", "--format", "dot"],
        &["export", "--format", "mermaid"],
        &["export", "--format", "markdown"],
        &["check", "data/"],
        &["check"],
        &["completions", "bash"],
        &["man"],
        &["--help"],
    ];
    for args in commands {
        let out = into_closed_pipe(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}: nothing on standard error");
    }
}

#[test]
fn a_mode_with_a_subcommand_is_an_error_not_ignored() {
    for (args, named) in [
        (&["--plain", "topics"][..], "--plain"),
        (&["--kiosk", "check"][..], "--kiosk"),
        (&["check", "--plain"][..], "--plain"),
    ] {
        let out = aftercare(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(named), "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{args:?}: nothing was done");
    }
    // The global options still go before or after a subcommand.
    for args in [
        &["--config", "data/clinic.example.toml", "topics"][..],
        &["topics", "--config", "data/clinic.example.toml"][..],
        &["--content", "tests/fixtures/starter", "check"][..],
    ] {
        let out = aftercare(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn content_given_twice_to_check_is_an_error_not_ignored() {
    let out = aftercare(&["check", "data/", "--content", "tests/fixtures/starter"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("given twice"), "{err}");
    assert!(
        err.contains("'data/'") && err.contains("--content"),
        "{err}"
    );
    // --content alone still works, as before.
    let out = aftercare(&["check", "--content", "tests/fixtures/starter"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn commands_that_read_no_content_refuse_content_and_config() {
    for args in [
        &["hash-pin", "--content", "data/"][..],
        &["man", "--config", "data/clinic.example.toml"][..],
        &["completions", "bash", "--content", "data/"][..],
    ] {
        let out = aftercare(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("leave out --"), "{}", stderr(&out));
    }
    // What they refuse, their help, manual page and completions do not offer.
    for sub in ["hash-pin", "completions", "man"] {
        let help = stdout(&aftercare(&[sub, "--help"]));
        let page = stdout(&aftercare(&["man", sub]));
        for text in [&help, &page] {
            assert!(text.contains("help"), "{sub}: {text}");
            assert!(
                !text.contains("-content") && !text.contains("-config"),
                "{sub} offers what it refuses:\n{text}"
            );
        }
    }
    // `diff` is given its folders: it refuses --content and does not offer it, but takes --config.
    let out = aftercare(&["diff", "--content", "data/", "-", "data/"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("leave out --content"),
        "{}",
        stderr(&out)
    );
    let help = stdout(&aftercare(&["diff", "--help"]));
    let page = stdout(&aftercare(&["man", "diff"]));
    for text in [&help, &page] {
        assert!(
            !text.contains("-content"),
            "diff offers what it refuses:\n{text}"
        );
        assert!(text.contains("-config"), "{text}");
    }
    let bash = stdout(&aftercare(&["completions", "bash"]));
    let diff = bash
        .split("aftercare__subcmd__diff)")
        .nth(1)
        .and_then(|s| s.split(";;").next())
        .unwrap();
    assert!(
        !diff.contains("--content") && diff.contains("--config"),
        "{diff}"
    );
    let hash_pin = bash
        .split("aftercare__subcmd__hash__subcmd__pin)")
        .nth(1)
        .and_then(|s| s.split(";;").next())
        .unwrap();
    assert!(!hash_pin.contains("--content"), "{hash_pin}");
    // The others still offer them.
    let help = stdout(&aftercare(&["check", "--help"]));
    assert!(help.contains("--config"), "{help}");
}

#[test]
fn a_misspelt_topic_gets_a_did_you_mean() {
    let out = aftercare(&["topic", "vasodilaton"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("no topic 'vasodilaton'"), "{err}");
    assert!(err.contains("did you mean 'vasodilation'?"), "{err}");
    // Nothing close: the list, so the person can pick.
    let err = stderr(&aftercare(&["topic", "zzzz"]));
    assert!(
        err.contains("the topics are:") && err.contains("vasodilation"),
        "{err}"
    );
    assert!(!err.contains("did you mean"), "{err}");
}

#[test]
fn without_a_terminal_the_app_points_at_line_mode() {
    // Standard input is /dev/null and standard output a pipe: no terminal at all.
    let out = aftercare(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(err.contains("aftercare --plain"), "{err}");
    assert!(!err.contains("os error"), "{err}");
    // Whoever started it may be unwell: the emergency line comes first.
    assert!(
        err.starts_with("Very unwell? Call your emergency number"),
        "{err}"
    );
    let err = stderr(&aftercare(&["--kiosk"]));
    assert!(err.contains("needs a terminal"), "{err}");
}

#[test]
fn one_file_of_a_content_folder_gets_a_hint_to_check_the_folder() {
    let out = aftercare(&["check", "data/tree.toml"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("this is one file of a content folder")
            && err.contains("aftercare check data/"),
        "{}",
        err.lines().last().unwrap_or_default()
    );
    // The app says the same, with the option it takes.
    let err = stderr(&aftercare(&["--plain", "--content", "data/tree.toml"]));
    assert!(err.contains("aftercare --content data/"), "{err}");
    // A file that is wrong on its own, in a folder of unrelated fixtures, gets no such hint.
    let err = stderr(&aftercare(&[
        "check",
        "tests/fixtures/invalid/unknown_level.toml",
    ]));
    assert!(!err.contains("one file of a content folder"), "{err}");
}

#[test]
fn completions_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = aftercare(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell}: no '{sub}'");
        }
    }
    let out = aftercare(&["completions", "tcsh"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

#[test]
fn the_man_page_names_every_subcommand() {
    let out = aftercare(&["man"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(page.contains(".TH aftercare 1"), "{page}");
    assert!(page.contains("Call your emergency number"), "whom to call");
    let help = stdout(&aftercare(&["--help"]));
    assert!(help.contains("Call your emergency number"), "{help}");
    assert!(page.contains("--plain") || page.contains("\\-\\-plain"));
    for sub in SUBCOMMANDS {
        let roff = format!("aftercare-{sub}").replace('-', "\\-");
        assert!(page.contains(&roff), "no '{roff}'");
        // The page it refers to is there too.
        let out = aftercare(&["man", sub]);
        assert_eq!(out.status.code(), Some(0), "{sub}: {}", stderr(&out));
        assert!(
            stdout(&out).contains(&format!(".TH aftercare-{sub} 1")),
            "{sub}"
        );
    }
    let out = aftercare(&["man", "chek"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the subcommands are: check"),
        "{}",
        stderr(&out)
    );
}

/// In a pipe `topics` and `topic ID` fit 80 columns, broken at spaces, with nothing lost: a
/// summary's lines line up under it, and "Related:" wraps like the rest.
#[test]
fn topics_and_each_topic_fit_80_columns_in_a_pipe() {
    let config = ["--config", "data/clinic.example.toml"];
    let list = stdout(&aftercare(&[&config[..], &["topics"]].concat()));
    let tree = aftercare::content::default_tree().unwrap();
    let mut outputs = vec![("topics".to_string(), list.clone())];
    for t in &tree.topics {
        let out = aftercare(&[&config[..], &["topic", &t.id]].concat());
        assert_eq!(out.status.code(), Some(0), "{}", t.id);
        outputs.push((t.id.clone(), stdout(&out)));
    }
    for (what, text) in &outputs {
        for line in text.lines() {
            // A web address longer than the line has a line of its own (it is never split).
            let address = line.trim_start().starts_with("https://") && !line.trim().contains(' ');
            assert!(
                line.chars().count() <= 80 || address,
                "{what}: a line over 80 columns: {line:?}"
            );
        }
    }
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let list_words = words(&list);
    for t in &tree.topics {
        let entry = format!("{} {}", t.id, words(&t.summary));
        assert!(list_words.contains(&entry), "{entry}");
    }
    // A summary's second line starts under its first, past the ids.
    assert!(
        list.lines()
            .any(|l| l.starts_with(&" ".repeat(27)) && !l.trim().is_empty())
    );
    // The phone number in the contact line is never cut.
    assert!(list.contains("01632 960000"), "{list}");
    let related = outputs
        .iter()
        .find(|(id, _)| id == "when_not_advised")
        .map(|(_, t)| t.clone())
        .unwrap();
    assert!(related.contains("\nRelated: blood_clots,"), "{related}");
    assert!(
        related.contains("\n         "),
        "the related ids line up: {related}"
    );
}

/// `topic` never splits a web address (Unicode's line breaking split them after "https://"
/// and at their hyphens): each source's address is whole on one line, at 80 columns in a pipe.
#[test]
fn a_topic_never_splits_a_web_address() {
    let tree = aftercare::content::default_tree().unwrap();
    let mut checked = 0;
    for t in &tree.topics {
        let text = stdout(&aftercare(&["topic", &t.id]));
        for &s in &t.sources {
            let Some(url) = &tree.sources[s].url else {
                continue;
            };
            assert!(
                text.lines().any(|l| l.contains(url.as_str())),
                "{}: the address {url} is split:\n{text}",
                t.id
            );
            checked += 1;
        }
        assert!(
            !text.lines().any(|l| l.trim_end().ends_with("https://")),
            "{text}"
        );
    }
    assert!(checked > 20, "only {checked} addresses");
}

/// What `topics` and `topic` print is read by a person: whom to call comes with it.
#[test]
fn topics_and_a_topic_end_with_whom_to_call() {
    for args in [&["topics"][..], &["topic", "histamine"][..]] {
        let out = aftercare(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = stdout(&out);
        let mut tail: Vec<&str> = text.lines().rev().take(3).collect();
        tail.reverse();
        let tail = tail.join(" ");
        assert!(
            tail.contains("Very unwell? Call your emergency number")
                && tail.contains("Questions? Call your massage therapist"),
            "{args:?}: {tail}"
        );
    }
}
