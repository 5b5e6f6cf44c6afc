//! `aftercare sign --by NAME [--role ROLE] [--note TEXT] [FOLDER]`: records that a clinician
//! approved the content of a folder exactly as it is, by appending a record to its
//! `signoff.toml` (see `aftercare::signoff`). The date is today's (UTC), read here: the library
//! never reads a clock.
//!
//! Only content that passes `aftercare check` is signed, and a malformed `signoff.toml` is never
//! added to (earlier records are kept as they are).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use aftercare::config::Config;
use aftercare::content;
use aftercare::export::{Format, export};
use aftercare::i18n::{Msg, t, t_args};
use aftercare::signoff::{self, Record};

use super::load::print_checked;
use super::out;

/// Who signs, and what they add.
pub struct Signer {
    pub by: String,
    pub role: Option<String>,
    pub note: Option<String>,
}

/// Signs the content folder `folder`; the hazard log is written with `config`'s placeholders, as
/// `aftercare export --format hazards` writes it with the same `--config`.
pub fn run(folder: &Path, signer: Signer, config: &Config) -> ExitCode {
    let shown = folder.display().to_string();
    let bad = [
        ("by", Some(&signer.by)),
        ("role", signer.role.as_ref()),
        ("note", signer.note.as_ref()),
    ]
    .into_iter()
    .find_map(|(option, v)| {
        let v = v?;
        (v.trim().is_empty() || !signoff::fit_text(v)).then_some(option)
    });
    if let Some(option) = bad {
        eprintln!("{}", t_args("sign-bad-value", &[("option", option.into())]));
        return ExitCode::from(2);
    }
    if !folder.is_dir() {
        eprintln!("{}", t_args("sign-not-folder", &[("path", shown.into())]));
        return ExitCode::from(2);
    }
    let files = match content::read_path(folder) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let hash = signoff::content_hash(&files);
    let checked = content::check_files(files);
    print_checked(&checked);
    let Some(tree) = checked.tree else {
        eprintln!("{}", t_args("sign-has-errors", &[("path", shown.into())]));
        return ExitCode::from(1);
    };
    let existing = match signoff::read(folder) {
        Ok(existing) => existing,
        Err(e) => return write_failed(&folder.join(signoff::FILE), &e),
    };
    let mut text = String::new();
    if let Some(raw) = existing {
        text = String::from_utf8_lossy(&raw.bytes).into_owned();
        let old = signoff::check(raw);
        if old.records.is_none() {
            eprintln!("{}", old.lines().join("\n"));
            let path = folder.join(signoff::FILE).display().to_string();
            eprintln!(
                "{}",
                t_args("signoff-file-has-errors", &[("path", path.into())])
            );
            return ExitCode::from(1);
        }
    }
    let record = Record {
        content: hash,
        hazard_log: signoff::text_hash(&export(&tree, config, Format::Hazards)),
        by: signer.by.trim().to_string(),
        role: signer.role.map(|r| r.trim().to_string()),
        date: today(),
        note: signer.note,
    };
    if text.is_empty() {
        // The first line of a new file: what it is, for whoever opens it.
        text = format!("# {}\n", t("signoff-file-header"));
    } else if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&signoff::to_toml(&record));
    if let Err(e) = replace(&folder.join(signoff::FILE), &text) {
        return write_failed(&folder.join(signoff::FILE), &e);
    }
    let done = signoff::signed_line(
        &record,
        Msg("sign-done"),
        Msg("sign-done-role"),
        &[("path", shown)],
    );
    let hashes = t_args(
        "sign-hashes",
        &[
            ("content", record.content.clone().into()),
            ("hazards", record.hazard_log.clone().into()),
        ],
    );
    out::print_then(&format!("{done}\n  {hashes}\n"), ExitCode::SUCCESS)
}

fn write_failed(path: &Path, e: &std::io::Error) -> ExitCode {
    let path = path.display().to_string();
    let reason = e.to_string();
    eprintln!(
        "{}",
        t_args(
            "sign-write-failed",
            &[("path", path.into()), ("reason", reason.into())]
        )
    );
    ExitCode::from(2)
}

/// Writes `text` to `path` whole: a temporary file beside it, then a rename over it, so a kiosk
/// watching the folder never reads half a record.
fn replace(path: &Path, text: &str) -> std::io::Result<()> {
    let tmp: PathBuf = path.with_extension("toml.signing");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Today's date in UTC, `YYYY-MM-DD`, from the system clock.
fn today() -> String {
    let stamp = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    stamp.chars().take(10).collect()
}
