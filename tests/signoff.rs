//! Sign-off as data, end to end: `aftercare sign` on a copy of `data/`, `aftercare check` on the
//! signed, edited, renamed and malformed results, and a kiosk with `require_signoff = true` that
//! refuses unsigned content at start (before the terminal is touched) and at a live reload (the
//! last signed content keeps serving). The reload cases wait for the kiosk log and the screen
//! with generous timeouts (tests/common/pty.rs): nothing depends on the machine's speed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code"
)]

mod common;

use std::path::{Path, PathBuf};

use aftercare::content::read_path;
use aftercare::reload::{Reload, load};
use aftercare::signoff::{self, Status};
use common::aftercare;
use common::bilingual_folder;
use common::pty::Session;

/// A copy of `data/`'s content files (not the example config, its translation `es/` if any)
/// in `dir/content`.
fn copy_of_data(dir: &Path) -> PathBuf {
    let content = dir.join("content");
    std::fs::create_dir(&content).unwrap();
    for f in read_path(Path::new("data")).unwrap() {
        let name = Path::new(&f.name).strip_prefix("data").unwrap();
        let to = content.join(name);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(to, f.bytes).unwrap();
    }
    content
}

/// A folder `dir/NAME` holding the starter tree titled `title`.
fn starter_folder(dir: &Path, name: &str, title: &str) -> PathBuf {
    let content = dir.join(name);
    std::fs::create_dir_all(&content).unwrap();
    let text = std::fs::read_to_string("tests/fixtures/starter/tree.toml")
        .unwrap()
        .replace("Starter tree", title);
    save(&content.join("tree.toml"), &text);
    content
}

/// Writes `text` to `path` whole (a temporary file renamed over it), as editors save.
fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("saving");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// `aftercare sign` as a demo clinician; returns its standard output.
fn sign(folder: &Path, by: &str) -> String {
    let folder = folder.to_str().unwrap();
    let (code, out, err) = aftercare(&["sign", "--by", by, "--role", "Test CSO", folder]);
    assert_eq!(code, 0, "{out}{err}");
    out
}

fn check(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    aftercare(&all)
}

/// The date the last record of `folder/signoff.toml` holds (the day the test signed it).
fn signed_date(folder: &Path) -> String {
    let raw = signoff::read(folder).unwrap().unwrap();
    let records = signoff::check(raw).records.unwrap();
    records.last().unwrap().date.clone()
}

#[test]
fn a_signed_copy_of_data_passes_check_and_says_who_signed_it() {
    let dir = tempfile::tempdir().unwrap();
    let content = copy_of_data(dir.path());
    let c = content.to_str().unwrap();
    let (code, out, _) = check(&[c]);
    assert_eq!(code, 0);
    assert!(out.contains("not signed off"), "{out}");

    let signed = sign(&content, "Dr Demo");
    let date = signed_date(&content);
    assert!(
        signed.contains(&format!("signed off on {date} by Dr Demo (Test CSO)")),
        "{signed}"
    );
    assert!(signed.contains("content sha256:"), "{signed}");
    let (code, out, err) = check(&["--require-signoff", c]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains(&format!(
            "note: {c}: signed off on {date} by Dr Demo (Test CSO)"
        )),
        "{out}"
    );
    // The record keeps the hazard log's hash as `export --format hazards` writes it.
    let (_, hazards, _) = aftercare(&["export", "--format", "hazards", "--content", c]);
    let text = std::fs::read_to_string(content.join("signoff.toml")).unwrap();
    assert!(text.contains(&signoff::text_hash(&hazards)), "{text}");
}

#[test]
fn one_byte_changed_is_a_warning_with_the_date_and_name_and_fails_require_signoff() {
    let dir = tempfile::tempdir().unwrap();
    let content = copy_of_data(dir.path());
    let c = content.to_str().unwrap();
    sign(&content, "Dr Demo");
    let date = signed_date(&content);
    let tree = content.join("tree.toml");
    let mut bytes = std::fs::read(&tree).unwrap();
    let at = bytes.windows(5).position(|w| w == b"loose").unwrap();
    bytes[at] = b'L';
    std::fs::write(&tree, bytes).unwrap();

    let (code, out, err) = check(&[c]);
    assert_eq!(code, 0, "a change is a warning: {out}{err}");
    assert!(out.contains(": ok"), "{out}");
    let warning = format!(
        "warning: {c}: changed since it was signed off on {date} by Dr Demo: run `aftercare diff"
    );
    assert!(err.contains(&warning), "{err}");

    let (code, _, err) = check(&["--require-signoff", c]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(&format!("error: {c}: changed since")), "{err}");
    // --deny-warnings fails on it too; the config's require_signoff does as --require-signoff.
    assert_eq!(check(&["--deny-warnings", c]).0, 1);
    let cfg = dir.path().join("clinic.toml");
    std::fs::write(&cfg, "require_signoff = true\n").unwrap();
    assert_eq!(check(&["--config", cfg.to_str().unwrap(), c]).0, 1);

    // Signed again: a second record, newest last, and check passes.
    sign(&content, "Dr Second");
    let (code, out, _) = check(&["--require-signoff", c]);
    assert_eq!(code, 0);
    assert!(out.contains("by Dr Second"), "{out}");
    let text = std::fs::read_to_string(content.join("signoff.toml")).unwrap();
    assert_eq!(text.matches("[[signoff]]").count(), 2, "{text}");
    assert!(text.find("Dr Demo").unwrap() < text.find("Dr Second").unwrap());
}

#[test]
fn a_renamed_file_changes_the_hash() {
    let dir = tempfile::tempdir().unwrap();
    let content = copy_of_data(dir.path());
    sign(&content, "Dr Demo");
    let before = signoff::content_hash(&read_path(&content).unwrap());
    std::fs::rename(content.join("sources.toml"), content.join("z-sources.toml")).unwrap();
    let files = read_path(&content).unwrap();
    assert_ne!(signoff::content_hash(&files), before);
    assert!(matches!(
        signoff::status_of(&content, &files),
        Ok(Status::Changed(_))
    ));
    let (code, out, err) = check(&["--require-signoff", content.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains(": ok"), "the content itself is fine: {out}");
    assert!(err.contains("changed since it was signed off"), "{err}");
}

#[test]
fn a_malformed_signoff_file_is_an_error_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let content = copy_of_data(dir.path());
    let c = content.to_str().unwrap();
    sign(&content, "Dr Demo");
    let path = content.join("signoff.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    // A hand edit: the date mistyped (line 9 of the file `aftercare sign` wrote, column 8).
    let lines: Vec<&str> = text.lines().collect();
    let n = lines.iter().position(|l| l.starts_with("date = ")).unwrap();
    save(&path, &text.replacen("date = \"", "date = \"7/", 1));
    let (code, _, err) = check(&[c]);
    assert_eq!(code, 1, "{err}");
    let at = format!("{}:{}:8", path.display(), n + 1);
    assert!(err.contains(&at), "{at} not in {err}");
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    // A TOML syntax error and an unknown key point at their place too.
    save(&path, "[[signoff]]\nby = \"A\n");
    let (code, _, err) = check(&[c]);
    assert_eq!(code, 1);
    assert!(err.contains(&format!("{}:2:", path.display())), "{err}");
    save(&path, "[[signoff]]\nsigned_by = \"A\"\n");
    let (code, _, err) = check(&[c]);
    assert_eq!(code, 1);
    assert!(err.contains(&format!("{}:2:1", path.display())), "{err}");
    // A malformed file is never added to.
    let (code, _, err) = aftercare(&["sign", "--by", "B", c]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("before signing again"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "[[signoff]]\nsigned_by = \"A\"\n"
    );
}

#[test]
fn sign_refuses_content_with_errors_and_a_file_and_leaves_no_record() {
    let dir = tempfile::tempdir().unwrap();
    let content = starter_folder(dir.path(), "content", "Starter");
    let tree = content.join("tree.toml");
    let good = std::fs::read_to_string(&tree).unwrap();
    save(
        &tree,
        &good.replace("level = \"doctor\"", "level = \"docter\""),
    );
    let (code, _, err) = aftercare(&["sign", "--by", "A", content.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("only content that passes"), "{err}");
    assert!(!content.join("signoff.toml").exists());
    let (code, _, err) = aftercare(&["sign", "--by", "A", tree.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a content folder"), "{err}");
    let (code, _, err) = aftercare(&["sign", "--by", " ", content.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--by is empty"), "{err}");
}

#[test]
fn the_built_in_content_carries_no_signoff_and_a_strict_kiosk_will_not_run_it() {
    let (code, out, _) = check(&[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("note: built-in content: carries no sign-off"),
        "{out}"
    );
    let (code, _, err) = check(&["--require-signoff"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error: built-in content: carries no sign-off"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let cfg = strict_config(dir.path());
    let (code, _, err) = aftercare(&["--kiosk", "--config", &cfg]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("error: built-in content: the built-in content carries no sign-off"),
        "{err}"
    );
}

#[test]
fn the_page_and_the_terminal_hash_the_same_files_alike() {
    // The page fetches `content/tree.toml` (its names start with `content/`); the terminal reads
    // the folder wherever it is: the same files are the same content.
    let dir = tempfile::tempdir().unwrap();
    let content = starter_folder(dir.path(), "content", "Starter");
    sign(&content, "Dr Demo");
    let fetched: Vec<_> = read_path(&content)
        .unwrap()
        .into_iter()
        .map(|mut f| {
            f.name = format!(
                "content/{}",
                Path::new(&f.name).file_name().unwrap().to_str().unwrap()
            );
            f
        })
        .collect();
    let signoff_file = signoff::read(&content).unwrap();
    assert!(matches!(
        signoff::status_of_files(&fetched, signoff_file),
        Ok(Status::Signed(_))
    ));
}

#[test]
fn a_reload_of_unsigned_content_is_refused_and_of_signed_content_taken() {
    // The reload itself, without a terminal or a watcher: what the kiosk is handed.
    let dir = tempfile::tempdir().unwrap();
    let content = starter_folder(dir.path(), "content", "Signed one");
    assert!(matches!(load(&content, true), Reload::Refused(_)));
    assert!(matches!(load(&content, false), Reload::Accepted(..)));
    sign(&content, "Dr Demo");
    match load(&content, true) {
        Reload::Accepted(tree, _) => assert_eq!(tree.meta.title, "Signed one"),
        other => panic!("signed content was not taken: {other:?}"),
    }
    starter_folder(dir.path(), "content", "Edited");
    match load(&content, true) {
        Reload::Refused(lines) => {
            assert!(
                lines[0].contains("changed since its last sign-off"),
                "{lines:?}"
            );
            // The log holds no names.
            assert!(!lines[0].contains("Dr Demo"), "{lines:?}");
        }
        other => panic!("edited content was taken: {other:?}"),
    }
}

/// A clinic config that requires sign-off, with a kiosk log in `dir`.
fn strict_config(dir: &Path) -> String {
    let path = dir.join("clinic.toml");
    let log = dir.join("kiosk.log");
    let text = format!(
        "require_signoff = true\n\n[clinic]\nemergency = \"999\"\n\n[kiosk]\nlog_path = \"{}\"\n",
        log.display()
    );
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// A kiosk under `strict_config` on `content`, signed by "Dr Demo" first, once it shows `title`
/// and its log says it started: the session, the log's path and what the log held then.
fn signed_strict_kiosk(dir: &Path, content: &Path, title: &str) -> (Session, PathBuf, String) {
    sign(content, "Dr Demo");
    let cfg = strict_config(dir);
    let log = dir.join("kiosk.log");
    let c = content.to_str().unwrap();
    let mut s = Session::start(&["--kiosk", "--config", &cfg, "--content", c]);
    s.wait_for(title);
    let logged = common::pty::wait_for_log(&log, "kiosk started");
    (s, log, logged)
}

#[test]
fn a_kiosk_that_requires_signoff_refuses_an_unsigned_folder_before_taking_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let content = starter_folder(dir.path(), "content", "Signed one");
    let cfg = strict_config(dir.path());
    let c = content.to_str().unwrap();
    // Never signed: in a terminal, it says why and exits 2 without drawing anything.
    let mut s = Session::start(&["--kiosk", "--config", &cfg, "--content", c]);
    assert_eq!(s.finish(), 2);
    let raw = s.raw_text();
    assert!(
        !raw.contains("\x1b[?1049h"),
        "the terminal was taken: {raw:?}"
    );
    assert!(raw.contains("not signed off"), "{raw}");
    assert!(raw.contains("nothing was started"), "{raw}");
    // Signed, then edited: the same, naming the change.
    sign(&content, "Dr Demo");
    starter_folder(dir.path(), "content", "Edited");
    let (code, out, err) = aftercare(&["--kiosk", "--config", &cfg, "--content", c]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains(&format!(
            "error: {c}: the content changed since its last sign-off"
        )),
        "{err}"
    );
    assert!(err.contains("require_signoff"), "{err}");
}

#[test]
fn a_kiosk_keeps_serving_the_last_signed_content_when_an_unsigned_edit_is_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    let content = starter_folder(dir.path(), "content", "Signed one");
    let (mut s, log, _) = signed_strict_kiosk(dir.path(), &content, "Signed one");

    // Edited and not signed: refused, logged, and the signed content stays on screen.
    starter_folder(dir.path(), "content", "Unsigned edit");
    let logged = common::pty::wait_for_log(&log, "content reload refused");
    assert!(
        logged.contains("changed since its last sign-off"),
        "{logged}"
    );
    assert!(!logged.contains("Dr Demo"), "no names in the log: {logged}");
    assert!(s.screen().contains("Signed one"), "{}", s.screen());

    // Signed by the clinician: taken.
    sign(&content, "Dr Demo");
    common::pty::wait_for_log(&log, "content reload accepted");
    s.wait_for("Unsigned edit");
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
}

#[test]
fn a_strict_kiosk_whose_welcome_needs_the_whole_content_checks_its_signoff_on_what_it_runs() {
    // A multi-line intro: the kiosk cannot draw the welcome from `[meta]` alone, so it reads the
    // whole content before it starts, and judges the sign-off on those same bytes.
    let dir = tempfile::tempdir().unwrap();
    let content = starter_folder(dir.path(), "content", "Signed one");
    let tree = content.join("tree.toml");
    let text = std::fs::read_to_string(&tree).unwrap().replacen(
        "version = \"test-1\"",
        "version = \"test-1\"\nintro = \"\"\"\nTwo lines\nof welcome.\"\"\"",
        1,
    );
    save(&tree, &text);
    let (mut s, _, logged) = signed_strict_kiosk(dir.path(), &content, "Signed one");
    assert!(!logged.contains("refused"), "{logged}");
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
}

/// How a refusal names the content folder.
fn c_shown(content: &Path) -> String {
    format!("{}:", content.display())
}

/// The Spanish title of the bilingual fixture replaced, as a translator's unsigned edit.
fn edit_spanish_title(content: &Path, to: &str) {
    let es = content.join("es/tree.toml");
    let text = std::fs::read_to_string(&es)
        .unwrap()
        .replace("Árbol de inicio", to);
    save(&es, &text);
}

/// A kiosk requiring sign-off holds its translation with the tree it was signed with: Spanish
/// edited after the sign-off is refused, and a restart after a crash (built from what the kiosk
/// holds, not from the files read again) shows the signed words (fresh-eyes review, finding 1).
#[test]
fn a_strict_kiosk_restarted_after_a_crash_never_shows_a_translation_edited_after_signoff() {
    use aftercare::app::App;
    use aftercare::config::Config;
    use aftercare::i18n::Lang;
    use aftercare::reload::kiosk_content;
    use std::time::Duration;

    let dir = tempfile::tempdir().unwrap();
    let content = bilingual_folder(dir.path());
    sign(&content, "Dr Demo");
    let signed = kiosk_content(Some(&content), true).unwrap();
    assert_eq!(signed.1.len(), 1, "the translation comes with the tree");
    let config = Config {
        language: Some(Lang::Es),
        require_signoff: true,
        ..Config::default()
    };
    let app = App::new_kiosk_in(Lang::Es, signed, config, Duration::ZERO);
    let mut app = aftercare::ui::Ui::new(app, aftercare::ui::theme::Theme::no_color());
    assert_eq!(app.tree.meta.title, "Árbol de inicio");

    edit_spanish_title(&content, "Texto sin firmar");
    // (In the clinic's language: the kiosk speaks Spanish.)
    let refused = kiosk_content(Some(&content), true).unwrap_err();
    assert!(
        refused[0].starts_with(c_shown(&content).as_str()),
        "{refused:?}"
    );
    // Someone switched to English when it crashed: the restart is in the clinic's language,
    // with the signed Spanish, and the switch still leads to the signed English.
    common::press(&mut app, &common::typed("l"));
    assert_eq!(app.lang(), Lang::En);
    let restarted = app.restarted(Duration::from_secs(3600));
    assert_eq!(restarted.lang(), Lang::Es);
    assert_eq!(restarted.tree.meta.title, "Árbol de inicio");
    assert_eq!(restarted.original().meta.title, "Starter tree");
    let shown = format!("{:?}", restarted.content());
    assert!(!shown.contains("Texto sin firmar"));
}

/// The same end to end: a Spanish kiosk requiring sign-off, crashed at its first frame and
/// restarted, speaks the signed Spanish; an unsigned edit of `es/tree.toml` is refused at the
/// reload and never reaches the screen, in either language.
#[test]
fn a_strict_spanish_kiosk_refuses_an_unsigned_translation_edit_and_survives_a_crash_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let content = bilingual_folder(dir.path());
    sign(&content, "Dr Demo");
    let cfg = strict_config(dir.path());
    let text = std::fs::read_to_string(&cfg).unwrap();
    std::fs::write(&cfg, format!("language = \"es\"\n{text}")).unwrap();
    let log = dir.path().join("kiosk.log");
    let c = content.to_str().unwrap();
    let mut s = Session::start_env(
        &["--kiosk", "--config", &cfg, "--content", c],
        &[("AFTERCARE_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")],
    );
    common::pty::wait_for_log(&log, "kiosk crashed; restarting");
    s.wait_for("Revisar un síntoma");
    assert!(s.screen().contains("Árbol de inicio"), "{}", s.screen());

    edit_spanish_title(&content, "Texto sin firmar");
    let logged = common::pty::wait_for_log(&log, "content reload refused");
    assert!(
        logged.contains("changed since its last sign-off"),
        "{logged}"
    );
    s.wait_settled();
    s.send("l");
    s.wait_for("Starter tree");
    s.wait_settled();
    // The menu's third item, the switch (a second `l` within a second is a held key).
    s.send("3");
    s.wait_for("Árbol de inicio");
    assert!(!s.screen().contains("Texto sin firmar"), "{}", s.screen());
    s.kill("-TERM");
    assert_eq!(s.finish(), 0);
}

/// The Spanish translation is part of what is signed: an edit to `es/tree.toml` after the
/// sign-off fails `check --require-signoff` and is refused by a strict kiosk, as an edit to the
/// English is (on a copy of data/, with its es/).
#[test]
fn editing_the_spanish_tree_after_signing_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let content = copy_of_data(dir.path());
    let c = content.to_str().unwrap();
    let es = content.join("es/tree.toml");
    assert!(es.is_file(), "data/ has a Spanish translation");
    sign(&content, "Dr Demo");
    assert_eq!(check(&["--require-signoff", c]).0, 0);
    assert!(matches!(load(&content, true), Reload::Accepted(..)));

    let text = std::fs::read_to_string(&es).unwrap();
    save(&es, &format!("{text}\n# una nota sin firmar\n"));
    let (code, _, err) = check(&["--require-signoff", c]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(&format!("error: {c}: changed since")), "{err}");
    match load(&content, true) {
        Reload::Refused(lines) => assert!(
            lines[0].contains("changed since its last sign-off"),
            "{lines:?}"
        ),
        other => panic!("an unsigned translation edit was taken: {other:?}"),
    }
}
