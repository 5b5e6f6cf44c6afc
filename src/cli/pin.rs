//! `aftercare hash-pin`: the staff PIN, read without echo, checked for shape, and hashed with
//! Argon2 and a fresh salt. The PIN itself is never printed, stored or logged.

use std::io::IsTerminal;
use std::process::ExitCode;

/// `aftercare hash-pin`: asks for the PIN twice and prints the config line with its hash.
pub fn hash_pin() -> ExitCode {
    let first = read_secret("New staff PIN (4 to 32 digits or letters): ");
    let second = read_secret("The same PIN again: ");
    let (Ok(first), Ok(second)) = (first, second) else {
        eprintln!("error: could not read the PIN");
        return ExitCode::from(2);
    };
    if first != second {
        eprintln!("error: the two PINs differ; nothing was made");
        return ExitCode::from(1);
    }
    if !(4..=32).contains(&first.chars().count())
        || !first.chars().all(|c| c.is_ascii_alphanumeric())
    {
        eprintln!("error: use 4 to 32 digits or letters");
        return ExitCode::from(1);
    }
    let mut salt = [0u8; 16];
    if let Err(e) = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut salt))
    {
        eprintln!("error: no randomness for the salt: {e}");
        return ExitCode::from(2);
    }
    match aftercare::kiosk::hash_pin(&first, &salt) {
        Ok(hash) => {
            let text = format!(
                "# Paste this line into the [kiosk] table of your clinic config:\npin_hash = \"{hash}\"\n"
            );
            super::out::print_then(&text, ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Reads one line without echo at a terminal (raw mode), or a plain line from a pipe.
fn read_secret(prompt: &str) -> std::io::Result<String> {
    use crossterm::event::{Event, KeyCode, KeyEventKind, read};
    use crossterm::terminal::{disable_raw_mode, enable_raw_mode};
    if !std::io::stdin().is_terminal() {
        let mut line = String::new();
        if std::io::stdin().read_line(&mut line)? == 0 {
            return Err(std::io::Error::other("no PIN on standard input"));
        }
        return Ok(line.trim().to_string());
    }
    eprint!("{prompt}");
    enable_raw_mode()?;
    let mut secret = String::new();
    let result = loop {
        match read() {
            Ok(Event::Key(k)) if k.kind == KeyEventKind::Press => match k.code {
                KeyCode::Enter => break Ok(secret),
                KeyCode::Backspace => {
                    secret.pop();
                }
                KeyCode::Esc => break Err(std::io::Error::other("cancelled")),
                KeyCode::Char('c')
                    if k.modifiers
                        .contains(crossterm::event::KeyModifiers::CONTROL) =>
                {
                    break Err(std::io::Error::other("cancelled"));
                }
                KeyCode::Char(c) => secret.push(c),
                _ => {}
            },
            Ok(_) => {}
            Err(e) => break Err(e),
        }
    };
    let _ = disable_raw_mode();
    eprintln!();
    result
}
