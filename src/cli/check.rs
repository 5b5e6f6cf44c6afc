//! `aftercare check [PATH]`: validates a clinic config and content, prints every diagnostic at
//! once (file, line, column, the source line and a hint) and a one-line verdict.
//!
//! Exit status: 0 clean, 1 errors (or warnings with `--deny-warnings`), 2 unreadable.

use std::path::PathBuf;
use std::process::ExitCode;

use aftercare::content::{self, Checked};

use super::load::{folder_of_one_file, load_config, one_file_hint, print_checked};
use super::out;

/// Runs the check of `config` (if given) and then of the content at `path` (or the built-in).
pub fn run(path: Option<PathBuf>, config: Option<PathBuf>, deny_warnings: bool) -> ExitCode {
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
    let checked = match &path {
        Some(p) => match content::check_path(p) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        },
        None => content::check_embedded(),
    };
    print_checked(&checked);
    verdict(&checked, path, deny_warnings)
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
