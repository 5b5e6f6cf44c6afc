//! The command line: parse arguments, pick a runner, map results to exit statuses — nothing else.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use aftercare::content::{self, Checked};

/// After a massage: is this normal? A calm guide that tells an expected response from a sign
/// that needs your therapist, a doctor, urgent care or an emergency call.
#[derive(Debug, Parser)]
#[command(name = "aftercare", version, about, long_about = None)]
struct Cli {
    /// Content file or folder to use instead of the built-in content.
    #[arg(long, global = true, value_name = "PATH")]
    content: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check content files and print every problem with file, line and column.
    ///
    /// Exit status: 0 clean, 1 errors (or warnings with --deny-warnings), 2 unreadable.
    Check {
        /// Content file or folder (default: the built-in content).
        path: Option<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long)]
        deny_warnings: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check {
            path,
            deny_warnings,
        }) => check(path.or(cli.content), deny_warnings),
        None => {
            eprintln!("the interactive app is not built yet; try `aftercare check`");
            ExitCode::from(2)
        }
    }
}

fn check(path: Option<PathBuf>, deny_warnings: bool) -> ExitCode {
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
    let errors = checked.errors().count();
    let warnings = checked.warnings().count();
    let what = path.map_or_else(
        || "built-in content".to_string(),
        |p| p.display().to_string(),
    );
    if errors == 0 && (warnings == 0 || !deny_warnings) {
        println!(
            "{what}: ok ({} files, {warnings} warnings)",
            checked.files.len()
        );
        if let Some(t) = &checked.tree {
            println!(
                "  {} questions, {} outcomes, {} topics, {} sources",
                t.questions.len(),
                t.outcomes.len(),
                t.topics.len(),
                t.sources.len()
            );
        }
        ExitCode::SUCCESS
    } else {
        eprintln!("{what}: {errors} errors, {warnings} warnings");
        ExitCode::from(1)
    }
}

fn print_checked(checked: &Checked) {
    if checked.diagnostics.is_empty() {
        return;
    }
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let text = aftercare::report::render(&checked.files, &checked.diagnostics, color);
    let _ = std::io::stderr().write_all(text.as_bytes());
}
