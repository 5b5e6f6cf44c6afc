//! Standard output for the subcommands that print: a reader that goes away (`aftercare topics |
//! head`) ends the program quietly with status 0, as ripgrep does; any other write error is
//! reported once. `println!` would panic on a closed pipe (Rust ignores SIGPIPE), so nothing in
//! the command line prints with it.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

/// Writes `text` to standard output and flushes it. `Err` holds the status to end with: 0 when
/// the reader has gone (nothing is printed), 2 after printing any other error.
pub fn print(text: &str) -> Result<(), ExitCode> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| failed(&e, "standard output"))
}

/// The exit status for a failed write to `what`, reporting it unless the reader simply left.
pub fn failed(e: &std::io::Error, what: &str) -> ExitCode {
    if e.kind() == ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("error: could not write {what}: {e}");
    ExitCode::from(2)
}

/// Prints `text` and ends with `status`, or with the write's own status if printing failed.
pub fn print_then(text: &str, status: ExitCode) -> ExitCode {
    match print(text) {
        Ok(()) => status,
        Err(code) => code,
    }
}
