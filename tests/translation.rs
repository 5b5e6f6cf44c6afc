//! A translation beside the content (`es/` in a content folder) is checked as content of its own
//! language and against the English: one broken fixture per rule, each asserting the message and
//! the line and column in the Spanish file, as tests/check.rs does for the English rules.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

use aftercare::content::{self, RawFile, Severity};
use aftercare::i18n::Lang;

/// `(fixture, "es/tree.toml:line:col: severity: start of the message")`: a diagnostic each
/// fixture in tests/fixtures/invalid/ must give (a broken translation often gives others too).
const CASES: &[(&str, &str)] = &[
    (
        "es_answer_missing",
        "es/tree.toml:12:11: error: question 'screen': the answer 'none' of the English (tests/fixtures/invalid/es_answer_missing/tree.toml:15:3) is missing here",
    ),
    (
        "es_id_not_in_english",
        "es/tree.toml:25:11: error: question 'red_wen' is not in the English (hint: did you mean 'red_when'?",
    ),
    (
        "es_id_not_in_english",
        "es/tree.toml:34:11: error: question 'red_when' of the English (tests/fixtures/invalid/es_id_not_in_english/tree.toml:26:11) is missing from the Spanish translation",
    ),
    (
        "es_order_differs",
        "es/tree.toml:60:10: error: outcome 'see_doctor' is here where the English has 'hives_today'",
    ),
    (
        "es_field_differs",
        "es/tree.toml:37:26: error: question 'sore_day': the answer 'yes': next is 'see_doctor' here but 'flush_ok' in the English (hint: only the texts are translated",
    ),
    (
        "es_placeholder_differs",
        "es/tree.toml:55:10: error: outcome 'flush_ok': \"watch\" has the placeholders {clinic} here but {clinic_phone} in the English",
    ),
    (
        "es_markup_differs",
        "es/tree.toml:85:8: error: topic 'vasodilation': the body has 2 '*' emphasis marks here but 0 in the English",
    ),
    (
        "es_same_as_english",
        "es/tree.toml:63:8: warning: outcome 'hives_today': \"now\" is the same as the English ('Get a same-day appointment.') (hint: translate it into Spanish; a text that reads the same in both goes in [meta] same_as_english",
    ),
    (
        "es_title_lead",
        "es/tree.toml:69:9: warning: outcome 'see_doctor' is 'doctor' but its title does not begin with 'Contacte con su médico'",
    ),
    (
        "es_emergency_not_calling_first",
        "es/tree.toml:45:8: error: outcome 'call_now' is an emergency, but its first \"now\" item does not start with 'Llame al {emergency}' (hint: put calling first: now = [\"Llame al {emergency} ahora.\", ...])",
    ),
    (
        "es_inflesz",
        "es/tree.toml:51:10: warning: outcome 'flush_ok' scores 39.2 on the INFLESZ scale ('muy difícil'); aim for 55 ('normal') or more",
    ),
];

#[test]
fn every_translation_rule_has_a_fixture_with_message_line_and_column() {
    for (name, expected) in CASES {
        let dir = format!("tests/fixtures/invalid/{name}");
        let checked = content::check_path(Path::new(&dir)).expect("fixture is readable");
        let lines = checked.lines();
        let want = format!("{dir}/{expected}");
        assert!(
            lines.iter().any(|l| l.starts_with(&want)),
            "{name}:\n want {want}\n got  {lines:#?}"
        );
        let errors = checked.errors().count() > 0;
        assert_eq!(checked.tree.is_none(), errors, "{name}");
        assert!(
            errors || checked.translations.len() == 1,
            "{name}: a translation with warnings only is still loaded"
        );
    }
}

/// The English of every fixture is right: each mistake above is the translation's alone, and
/// the fixture without one is clean, English and Spanish.
#[test]
fn the_bilingual_fixture_is_clean_and_gives_both_trees() {
    let checked = content::check_path(Path::new("tests/fixtures/bilingual")).unwrap();
    assert_eq!(checked.lines(), Vec::<String>::new());
    let en = checked.tree.as_ref().unwrap();
    let [(Lang::Es, es)] = checked.translations.as_slice() else {
        panic!("one Spanish tree: {:?}", checked.translations.len());
    };
    assert_eq!(en.meta.title, "Starter tree");
    assert_eq!(es.meta.title, "Árbol de inicio");
    let ids = |t: &content::Tree| t.outcomes.iter().map(|o| o.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(en), ids(es));
    // The English alone is checked as before: the Spanish folder is only read beside it.
    let alone = content::check_path(Path::new("tests/fixtures/bilingual/tree.toml")).unwrap();
    assert!(alone.translations.is_empty());
}

/// The files of the bilingual fixture, with `edit` applied to the Spanish tree.
fn bilingual_with(edit: impl Fn(String) -> String) -> Vec<RawFile> {
    let mut files = content::read_path(Path::new("tests/fixtures/bilingual")).unwrap();
    let es = files
        .iter_mut()
        .find(|f| f.name.ends_with("es/tree.toml"))
        .unwrap();
    es.bytes = edit(String::from_utf8(es.bytes.clone()).unwrap()).into_bytes();
    files
}

/// A text that reads the same in both languages is listed once in `[meta] same_as_english`,
/// and then not reported; a listed text that no longer matches anything is.
#[test]
fn same_as_english_allows_a_text_that_reads_the_same() {
    // Both languages say "Rest." where the English says "Get a same-day appointment."
    let mut files = bilingual_with(|s| s.replace("\"Pida una cita para hoy.\"", "\"Rest.\""));
    let en = files
        .iter_mut()
        .find(|f| f.name.ends_with("bilingual/tree.toml"))
        .unwrap();
    en.bytes = String::from_utf8(en.bytes.clone())
        .unwrap()
        .replace("\"Get a same-day appointment.\"", "\"Rest.\"")
        .into_bytes();
    let warned = content::check_files(files.clone());
    assert!(
        warned
            .lines()
            .iter()
            .any(|l| l.contains("outcome 'hives_today': \"now\" is the same as the English")),
        "{:#?}",
        warned.lines()
    );
    let es = files
        .iter_mut()
        .find(|f| f.name.ends_with("es/tree.toml"))
        .unwrap();
    es.bytes = String::from_utf8(es.bytes.clone())
        .unwrap()
        .replace(
            "another = \"notice\"\n",
            "another = \"notice\"\nsame_as_english = [\"Rest.\", \"Hello\"]\n",
        )
        .into_bytes();
    let allowed = content::check_files(files);
    let lines = allowed.lines();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].contains("es/tree.toml:8:29: warning: same_as_english lists 'Hello'"),
        "{lines:#?}"
    );
}

/// `aftercare check --deny-warnings` holds a translation to its warnings too, and names the
/// Spanish file.
#[test]
fn check_names_the_spanish_file_and_denies_its_warnings() {
    let run = |path: &str, deny: bool| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_aftercare"));
        cmd.arg("check").arg(path).env("NO_COLOR", "1");
        if deny {
            cmd.arg("--deny-warnings");
        }
        cmd.output().unwrap()
    };
    let ok = run("tests/fixtures/bilingual", true);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let out = String::from_utf8_lossy(&ok.stdout);
    assert!(out.contains("ok (3 files, 0 warnings)"), "{out}");
    let warned = run("tests/fixtures/invalid/es_title_lead", false);
    assert!(warned.status.success());
    let denied = run("tests/fixtures/invalid/es_title_lead", true);
    assert_eq!(denied.status.code(), Some(1));
    let err = String::from_utf8_lossy(&denied.stderr);
    assert!(
        err.contains("tests/fixtures/invalid/es_title_lead/es/tree.toml:69:9"),
        "{err}"
    );
}

/// The checks of a translation are its own: every diagnostic of a broken one is in the Spanish
/// file, none in the English files it shares or stands beside.
#[test]
fn a_broken_translation_reports_only_in_its_own_files() {
    for (name, _) in CASES {
        let dir = format!("tests/fixtures/invalid/{name}");
        let checked = content::check_path(Path::new(&dir)).unwrap();
        for d in &checked.diagnostics {
            let file = &checked.files[d.file].name;
            assert!(
                file.ends_with("es/tree.toml"),
                "{name}: {}",
                d.one_line(&checked.files)
            );
            assert!(d.severity == Severity::Error || d.severity == Severity::Warning);
        }
    }
}

/// `aftercare check` says when no clinician fluent in a translation's language has checked it
/// against the English (`[meta] clinician_review` in its tree), so a clinic knows before pointing a
/// kiosk at it; once the review is recorded the note goes. In the English the field is a warning.
#[test]
fn check_notes_a_translation_no_clinician_has_reviewed() {
    let check = |path: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_aftercare"))
            .arg("check")
            .arg(path)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let unreviewed = check(Path::new("tests/fixtures/bilingual"));
    assert!(
        unreviewed.contains(
            "note: tests/fixtures/bilingual/es: no clinician fluent in the language has checked this translation"
        ),
        "{unreviewed}"
    );

    let dir = tempfile::tempdir().unwrap();
    for file in content::read_path(Path::new("tests/fixtures/bilingual")).unwrap() {
        let rel = Path::new(&file.name)
            .strip_prefix("tests/fixtures/bilingual")
            .unwrap()
            .to_path_buf();
        let to = dir.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        let mut text = String::from_utf8(file.bytes).unwrap();
        if file.name.ends_with("es/tree.toml") {
            text = text.replace(
                "another = \"notice\"\n",
                "another = \"notice\"\nclinician_review = \"Dra. Ana Ejemplo, enfermera, 2026-12-07\"\n",
            );
        }
        std::fs::write(to, text).unwrap();
    }
    let reviewed = check(dir.path());
    assert!(!reviewed.contains("no clinician fluent"), "{reviewed}");

    let files = content::read_path(dir.path()).unwrap();
    let files = files
        .into_iter()
        .map(|mut f| {
            if f.name.ends_with("tree.toml") && !f.name.contains("/es/") {
                f.bytes = String::from_utf8(f.bytes)
                    .unwrap()
                    .replace("[meta]\n", "[meta]\nclinician_review = \"Dr A\"\n")
                    .into_bytes();
            }
            f
        })
        .collect();
    let warned = content::check_files(files);
    assert!(
        warned
            .lines()
            .iter()
            .any(|l| l.contains("warning: clinician_review is for a translation's [meta]")),
        "{:#?}",
        warned.lines()
    );
}
