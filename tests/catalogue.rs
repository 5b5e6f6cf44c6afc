//! The interface's words live in one catalogue a language (`locales/<lang>/aftercare.ftl`, Fluent).
//! Code names messages by key: `t("key")`, `t_args("key", …)`, or `Msg("key")` in a constant
//! table. These tests keep the code and the catalogue in step (no key missing, none unused), and
//! keep English sentences out of `src/` except where a list below says why.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test"
)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use aftercare::i18n::{EN, ES, Lang, set_lang, t};

fn sources() -> Vec<(String, String)> {
    let mut all = Vec::new();
    common::rust_files(Path::new("src"), &mut all);
    all.sort();
    all.into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            (p.display().to_string().replace('\\', "/"), text)
        })
        .collect()
}

/// A line without its `//` comment (a `//` inside a string literal ends the line early, which
/// only hides a literal, never invents one).
fn code(line: &str) -> &str {
    let mut in_str = false;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match c {
            '"' if prev != '\\' => in_str = !in_str,
            '/' if !in_str && prev == '/' => return &line[..i - 1],
            _ => {}
        }
        prev = if prev == '\\' && c == '\\' { ' ' } else { c };
    }
    line
}

/// The catalogue's message keys, in file order.
fn catalogue_keys(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
        .collect()
}

/// Every key the code names, with the first place it is named. A call may put its key on the
/// next line (`t_args(\n    "too-small",`), as rustfmt does with a long one.
fn keys_used() -> BTreeMap<String, String> {
    let mut used = BTreeMap::new();
    for (path, text) in sources() {
        let lines: Vec<&str> = text.lines().map(code).collect();
        for (n, line) in lines.iter().enumerate() {
            for call in ["t(", "t_args(", "Msg("] {
                let mut rest = *line;
                while let Some(at) = rest.find(call) {
                    // `t(` must be the whole name (`i18n::t(`), not the tail of `split(`.
                    let before = rest[..at].chars().next_back();
                    let mut tail = &rest[at + call.len()..];
                    rest = tail;
                    if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                        continue;
                    }
                    if tail.trim().is_empty() {
                        tail = lines.get(n + 1).map_or("", |l| l.trim_start());
                    }
                    let Some(quoted) = tail.strip_prefix('"') else {
                        continue;
                    };
                    let key: String = quoted.chars().take_while(|c| *c != '"').collect();
                    used.entry(key)
                        .or_insert_with(|| format!("{path}:{}", n + 1));
                }
            }
        }
    }
    used
}

#[test]
fn the_catalogue_parses_with_unique_keys() {
    if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(EN.to_string()) {
        panic!("locales/en/aftercare.ftl does not parse: {errors:?}");
    }
    let keys = catalogue_keys(EN);
    let mut seen = BTreeSet::new();
    let twice: Vec<&String> = keys.iter().filter(|k| !seen.insert(*k)).collect();
    assert!(twice.is_empty(), "keys given twice: {twice:?}");
    assert!(keys.len() > 50, "the key scan found only {keys:?}");
}

#[test]
fn every_key_the_code_uses_is_in_the_catalogue() {
    let keys: BTreeSet<String> = catalogue_keys(EN).into_iter().collect();
    let missing: Vec<String> = keys_used()
        .into_iter()
        .filter(|(k, _)| !keys.contains(k))
        .map(|(k, at)| format!("{at}: '{k}'"))
        .collect();
    assert!(
        missing.is_empty(),
        "keys the code uses that locales/en/aftercare.ftl lacks:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_catalogue_key_is_used_by_the_code() {
    let used = keys_used();
    let unused: Vec<String> = catalogue_keys(EN)
        .into_iter()
        .filter(|k| !used.contains_key(k))
        .collect();
    assert!(
        unused.is_empty(),
        "keys in locales/en/aftercare.ftl that no code uses (remove them, or use them): {unused:?}"
    );
}

#[test]
fn a_message_without_arguments_formats_whole() {
    for key in catalogue_keys(EN) {
        let key: &'static str = Box::leak(key.into_boxed_str());
        let text = t(key);
        assert_ne!(text, key, "'{key}' did not format");
        assert!(
            !text.contains('\u{2068}'),
            "'{key}' has a bidi isolation mark"
        );
    }
}

#[test]
fn plural_rules_choose_the_form() {
    let text = |n: u64| aftercare::i18n::t_args("still-there-text", &[("n", n.into())]);
    assert!(text(1).contains("in 1 second."), "{}", text(1));
    assert!(text(30).contains("in 30 seconds."), "{}", text(30));
}

/// Each message of a catalogue with the variables it uses (`$n`, `$query`...), in file order.
fn messages_with_variables(source: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out: Vec<(String, BTreeSet<String>)> = Vec::new();
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let value = match line.split_once(" =") {
            Some((k, v)) if line.starts_with(|c: char| c.is_ascii_alphabetic()) => {
                out.push((k.trim().to_string(), BTreeSet::new()));
                v
            }
            // A continuation line (a plural's variants) belongs to the message above.
            _ => line,
        };
        if let Some((_, vars)) = out.last_mut() {
            let mut rest = value;
            while let Some(at) = rest.find('$') {
                let name: String = rest[at + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                rest = &rest[at + 1..];
                vars.insert(name);
            }
        }
    }
    out
}

/// The Spanish catalogue is the English one translated: it parses, has every key in the same
/// order, and each message takes exactly the English message's variables, so the code can ask
/// either language for any message with the same arguments.
#[test]
fn the_spanish_catalogue_has_the_same_keys_and_variables() {
    if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(ES.to_string()) {
        panic!("locales/es/aftercare.ftl does not parse: {errors:?}");
    }
    let (en, es) = (messages_with_variables(EN), messages_with_variables(ES));
    let keys =
        |m: &[(String, BTreeSet<String>)]| m.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&en), keys(&es), "the same keys, in the same order");
    for ((key, a), (_, b)) in en.iter().zip(&es) {
        assert_eq!(
            a, b,
            "'{key}': the English and the Spanish take different variables"
        );
    }
    assert!(
        en.iter().any(|(_, v)| !v.is_empty()),
        "the variable scan found none"
    );
}

#[test]
fn every_spanish_message_formats_and_its_plurals_choose_the_form() {
    set_lang(Lang::Es);
    for key in catalogue_keys(ES) {
        let key: &'static str = Box::leak(key.into_boxed_str());
        let text = t(key);
        assert_ne!(text, key, "'{key}' did not format in Spanish");
    }
    let text = |n: u64| aftercare::i18n::t_args("still-there-text", &[("n", n.into())]);
    assert!(text(1).contains("en 1 segundo."), "{}", text(1));
    assert!(text(30).contains("en 30 segundos."), "{}", text(30));
    assert_eq!(t("welcome-start"), "Revisar un síntoma");
    // The language is the thread's: back to English, the English words.
    set_lang(Lang::En);
    assert_eq!(t("welcome-start"), "Check a symptom");
}

/// The string literals of a line of code.
fn literals(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                // A char literal ('"', '\'') or a lifetime: skip a char literal whole.
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with('\\') {
                    let close = rest.chars().skip(2).position(|c| c == '\'');
                    for _ in 0..close.map_or(0, |p| p + 3) {
                        chars.next();
                    }
                } else if rest.chars().nth(1) == Some('\'') {
                    chars.next();
                    chars.next();
                }
            }
            '"' => {
                let mut lit = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            lit.push(c);
                            if let Some(n) = chars.next() {
                                lit.push(n);
                            }
                        }
                        '"' => break,
                        _ => lit.push(c),
                    }
                }
                out.push(lit);
            }
            _ => {}
        }
    }
    out
}

/// Three or more words of letters, as a sentence a person reads has ("Quit now? Your answers").
fn is_sentence(lit: &str) -> bool {
    let word = |w: &str| {
        let w = w.trim_start_matches(['(', '\'']);
        let w = w.trim_end_matches(['.', ',', ':', ';', '!', '?', ')', '…', '\'']);
        let mut cs = w.chars();
        cs.next().is_some_and(|c| c.is_ascii_alphabetic())
            && cs.all(|c| c.is_ascii_lowercase() || c == '\'')
    };
    lit.split_whitespace().filter(|w| word(w)).count() >= 3
}

/// The files allowed English sentences, how many, and why. A file's count may only fall: lower it
/// here when sentences move to the catalogue.
const ALLOWED: &[(&str, usize, &str)] = &[
    // Being rewritten by another change (issue 30 item 3); their words move then.
    // Log lines and errors for staff: the terminal's log (signals, reloads), the page's console
    // and the reasons it gives for refusing the clinic's files.
    ("src/term/mod.rs", 6, "the terminal runner's log, for staff"),
    ("src/term/refused.rs", 2, "the kiosk log, for staff"),
    (
        "src/web/mod.rs",
        3,
        "the page's console and test switch, for staff",
    ),
    (
        "src/web/files.rs",
        6,
        "why the clinic's files were refused or could not be checked, for staff",
    ),
    (
        "src/web_pack.rs",
        1,
        "why the build cannot read a page's files, for staff",
    ),
    (
        "src/bin/web_pack.rs",
        3,
        "the build's own tool (scripts/build-web.sh), for staff",
    ),
    (
        "src/bin/web_check.rs",
        1,
        "a build problem's note, for staff",
    ),
    // For the people who write content and run the clinic, not for a person using the guide:
    // each names a file, a line and an id, and says what to fix.
    (
        "src/content/validate/safety.rs",
        49,
        "content diagnostics, for content authors",
    ),
    (
        "src/content/validate/entries.rs",
        37,
        "content diagnostics, for content authors",
    ),
    (
        "src/content/validate/nodes.rs",
        27,
        "content diagnostics, for content authors",
    ),
    (
        "src/content/validate/parity/mod.rs",
        23,
        "content diagnostics, for content authors",
    ),
    (
        "src/content/validate/parity/entries.rs",
        13,
        "content diagnostics, for content authors",
    ),
    (
        "src/content/validate/hazards.rs",
        20,
        "content diagnostics, for content authors",
    ),
    (
        "src/content/validate/graph.rs",
        15,
        "content diagnostics, for content authors",
    ),
    (
        "src/content/validate/mod.rs",
        8,
        "content diagnostics, for content authors",
    ),
    (
        "src/content/load.rs",
        30,
        "content diagnostics, for content authors",
    ),
    (
        "src/content/keys.rs",
        4,
        "content diagnostics, for content authors",
    ),
    (
        "src/content/synth.rs",
        5,
        "content diagnostics, for content authors",
    ),
    ("src/config.rs", 25, "clinic config diagnostics, for staff"),
    ("src/kiosk_log.rs", 7, "the kiosk's log, for staff"),
    ("src/reload.rs", 5, "hot reload's notices, for staff"),
    (
        "src/content/embedded.rs",
        1,
        "a build problem's note, for staff",
    ),
    ("src/save_file.rs", 1, "log line for staff"),
    (
        "src/term/screen.rs",
        5,
        "NOTE comments' examples and assertions",
    ),
    ("src/term/screen/shown.rs", 1, "assertion text"),
    (
        "src/export/hazards.rs",
        10,
        "the hazard log export, for the clinical safety officer",
    ),
    (
        "src/export.rs",
        2,
        "the hazard log export, for the clinical safety officer",
    ),
    // The command line, for staff setting up a clinic (clap's help, check, pin, docs).
    ("src/main.rs", 11, "the command line, for staff"),
    ("src/cli/mod.rs", 6, "the command line, for staff"),
    ("src/cli/pin.rs", 8, "the command line, for staff"),
    ("src/cli/load.rs", 4, "the command line, for staff"),
    ("src/cli/docs.rs", 2, "the command line, for staff"),
    ("src/cli/topics.rs", 2, "the command line, for staff"),
    ("src/cli/check.rs", 2, "the command line, for staff"),
    ("src/cli/out.rs", 1, "the command line, for staff"),
    // `aftercare diff` and its review pack, for the content author and the clinician who
    // approves a change (as the hazard log export is for the clinical safety officer).
    ("src/cli/diff.rs", 6, "the command line, for staff"),
    (
        "src/cli/diff_out.rs",
        36,
        "the diff report, for content authors and the clinician",
    ),
    (
        "src/cli/review.rs",
        7,
        "the review pack, for the clinician who approves a change",
    ),
];

/// Test code: the tail of a file after its `#[cfg(test)]`, and files of tests.
fn is_test_file(path: &str) -> bool {
    path.ends_with("/tests.rs") || path.contains("/tests/")
}

#[test]
fn no_english_sentence_outside_the_catalogue_but_the_listed_ones() {
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (path, text) in sources() {
        if is_test_file(&path) {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            if line.starts_with("#[cfg(test)]") {
                break;
            }
            for lit in literals(code(line)) {
                if is_sentence(&lit) {
                    found
                        .entry(path.clone())
                        .or_default()
                        .push(format!("{path}:{}: \"{lit}\"", n + 1));
                }
            }
        }
    }
    let mut wrong = Vec::new();
    for (path, lines) in &found {
        let allowed = ALLOWED.iter().find(|(p, ..)| p == path).map_or(0, |a| a.1);
        if lines.len() > allowed {
            wrong.push(format!(
                "{path}: {} sentences, {allowed} allowed; move them to locales/en/aftercare.ftl:\n  {}",
                lines.len(),
                lines.join("\n  ")
            ));
        }
    }
    for (path, allowed, _) in ALLOWED {
        let n = found.get(*path).map_or(0, Vec::len);
        if n < *allowed {
            wrong.push(format!(
                "{path}: {n} sentences now, {allowed} allowed: lower its count in ALLOWED"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
