//! `aftercare check [PATH]`: validates a clinic config and content, prints every diagnostic at
//! once (file, line, column, the source line and a hint) and a one-line verdict.
//!
//! Exit status: 0 clean, 1 errors (or warnings with `--deny-warnings`, or content that is not
//! signed off with `--require-signoff`), 2 unreadable.
//!
//! The last line says whether a content folder is what its last sign-off (`signoff.toml`)
//! approved: a note when it is or was never signed, a warning when it changed since.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use aftercare::content::{self, Checked, RawFile};
use aftercare::i18n::{Arg, t_args};
use aftercare::signoff::{self, Status};

use super::load::{folder_of_one_file, load_config, one_file_hint, print_checked};
use super::out;

/// What `aftercare check` was asked to hold the content to.
#[derive(Debug, Clone, Copy)]
pub struct Strict {
    /// `--deny-warnings`.
    pub deny_warnings: bool,
    /// `--require-signoff` (or `require_signoff` in the config checked with it).
    pub require_signoff: bool,
}

/// Runs the check of `config` (if given) and then of the content at `path` (or the built-in).
pub fn run(path: Option<PathBuf>, config: Option<PathBuf>, mut strict: Strict) -> ExitCode {
    let deny_warnings = strict.deny_warnings;
    if let Some(c) = &config {
        if content::read_path(c).is_err() {
            // load_config prints the reason; an unreadable file is exit status 2, as for content.
            let _ = load_config(Some(c));
            return ExitCode::from(2);
        }
        let Some(cfg) = load_config(Some(c)) else {
            eprintln!("{}: the config has errors", c.display());
            return ExitCode::from(1);
        };
        strict.require_signoff |= cfg.require_signoff;
        let log_problem = cfg
            .kiosk
            .log_path
            .as_deref()
            .and_then(|p| Some((p, aftercare::kiosk_log::path_problem(p)?)));
        if let Some((p, problem)) = &log_problem {
            eprintln!(
                "warning: {}: log_path \"{}\" {problem}",
                c.display(),
                p.display()
            );
        }
        let verdict = if log_problem.is_some() {
            "ok (1 warning)"
        } else {
            "ok"
        };
        if let Err(code) = out::print(&format!("{}: {verdict}\n", c.display())) {
            return code;
        }
        if log_problem.is_some() && deny_warnings {
            return ExitCode::from(1);
        }
        if path.is_none() {
            return ExitCode::SUCCESS;
        }
    }
    let (checked, files) = match &path {
        Some(p) => match content::read_path(p) {
            Ok(files) => (content::check_files(files.clone()), Some(files)),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        },
        None => (content::check_embedded(), None),
    };
    print_checked(&checked);
    let shown = path.as_ref().map(|p| p.display().to_string());
    let code = verdict(&checked, path.clone(), deny_warnings);
    translation_review_notes(&checked, path.as_deref());
    let signed = signoff_line(path.as_deref().zip(files.as_deref()), shown, strict);
    if code == ExitCode::SUCCESS && !signed {
        return ExitCode::from(1);
    }
    code
}

/// Prints where the content stands against its sign-off (`files` are the content at the path,
/// as read); `false` when that fails the check: a malformed `signoff.toml`, content changed since
/// its sign-off with `--deny-warnings`, or content not signed off with `--require-signoff`.
fn signoff_line(at: Option<(&Path, &[RawFile])>, shown: Option<String>, strict: Strict) -> bool {
    let Some((path, files)) = at else {
        // The built-in content is no clinic's approved content: a note, or an error when sign-off
        // is required (a kiosk that requires it refuses to run it).
        let line = aftercare::i18n::t("signoff-built-in");
        let what = "built-in content".to_string();
        let args = [("path", what.into()), ("line", line.into())];
        if strict.require_signoff {
            eprintln!("{}", t_args("signoff-error", &args));
            eprintln!("{}", aftercare::i18n::t("signoff-required"));
            return false;
        }
        // A reader that left (`| head`) is the verdict's business, not a failed check.
        let _ = out::print(&format!("{}\n", t_args("signoff-note", &args)));
        return true;
    };
    let shown = shown.unwrap_or_else(|| path.display().to_string());
    let status = match signoff::status_of(path, files) {
        Ok(status) => status,
        Err(bad) => {
            let files = std::slice::from_ref(&bad.file);
            let color = super::load::stderr_color();
            eprint!(
                "{}",
                aftercare::report::render(files, &bad.diagnostics, color)
            );
            return false;
        }
    };
    let line = status.line();
    let args = [("path", shown.into()), ("line", line.into())];
    let fails = match &status {
        Status::Signed(_) => false,
        Status::Changed(_) => strict.require_signoff || strict.deny_warnings,
        Status::Unsigned | Status::OneFile => strict.require_signoff,
    };
    match (&status, fails) {
        (_, true) => eprintln!("{}", t_args("signoff-error", &args)),
        (Status::Changed(_), false) => eprintln!("{}", t_args("signoff-warning", &args)),
        _ => {
            let _ = out::print(&format!("{}\n", t_args("signoff-note", &args)));
            return true;
        }
    }
    if fails && strict.require_signoff {
        eprintln!("{}", aftercare::i18n::t("signoff-required"));
    }
    !fails
}

/// "1 error", "2 errors".
fn counted(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// The last lines: "ok" with the counts on standard output, or the error count on standard
/// error, with a hint when one file of a content folder was checked alone.
fn verdict(checked: &Checked, path: Option<PathBuf>, deny_warnings: bool) -> ExitCode {
    let errors = checked.errors().count();
    let warnings = checked.warnings().count();
    let what = path.as_ref().map_or_else(
        || "built-in content".to_string(),
        |p| p.display().to_string(),
    );
    if errors == 0 && (warnings == 0 || !deny_warnings) {
        let mut text = format!(
            "{what}: ok ({}, {})\n",
            counted(checked.files.len(), "file"),
            counted(warnings, "warning")
        );
        if let Some(t) = &checked.tree {
            text.push_str(&format!(
                "  {} questions, {} outcomes, {} topics, {} sources\n",
                t.questions.len(),
                t.outcomes.len(),
                t.topics.len(),
                t.sources.len()
            ));
        }
        return out::print_then(&text, ExitCode::SUCCESS);
    }
    eprintln!(
        "{what}: {}, {}",
        counted(errors, "error"),
        counted(warnings, "warning")
    );
    if errors > 0
        && let Some(folder) = path.as_deref().and_then(|p| folder_of_one_file(p, checked))
    {
        eprintln!("{}", one_file_hint(&folder, "aftercare check"));
    }
    ExitCode::from(1)
}

/// Notes each translation that no clinician fluent in its language has checked against the
/// English (`[meta] clinician_review` in its tree), so a clinic knows before pointing a kiosk at it.
fn translation_review_notes(checked: &Checked, folder: Option<&Path>) {
    for (lang, tree) in &checked.translations {
        if tree.meta.clinician_review.is_none() {
            let at = folder.unwrap_or(Path::new("data")).join(lang.code());
            let args = [
                ("path", Arg::from(at.display().to_string())),
                ("lang", Arg::from(lang.code())),
            ];
            let _ = out::print(&format!("{}\n", t_args("translation-unreviewed", &args)));
        }
    }
}
