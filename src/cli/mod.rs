//! The command line's shape (clap) and the pieces of each subcommand that are more than a line:
//! `check`, the PIN hash, topics, completions and the man page, and writing to a pipe that may
//! close. Runners (the terminal, the kiosk, line mode) stay in `main.rs`; nothing here draws.

pub mod check;
pub mod diff;
pub mod diff_out;
pub mod docs;
pub mod load;
pub mod out;
pub mod pin;
pub mod review;
pub mod sign;
pub mod topics;

use std::path::PathBuf;

use aftercare::i18n::Lang;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// `--lang`: a language the guide speaks, by its code.
fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::ALL
        .into_iter()
        .find(|l| l.code() == code)
        .ok_or_else(|| format!("the guide speaks en (English) and es (Spanish), not '{code}'"))
}

/// After a massage: is this normal? A calm guide that tells an expected response from a sign
/// that needs your therapist, a doctor, urgent care or an emergency call.
#[derive(Debug, Parser)]
#[command(
    name = "aftercare",
    version,
    about,
    long_about = None,
    // --help and the man page are read by people too: whom to call goes with them.
    after_help = aftercare::words::EmergencyLine::of(&aftercare::config::Config::default().clinic).call()
)]
pub struct Cli {
    /// Content file or folder to use instead of the built-in content.
    #[arg(long, global = true, value_name = "PATH")]
    pub content: Option<PathBuf>,

    /// Clinic config file (names, phone numbers, kiosk settings); see data/clinic.example.toml.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The language of the guide: en or es (Spanish needs the content's translation, data/es/).
    /// Default: the clinic config's `language`, else LC_ALL, LC_MESSAGES or LANG (es_* is
    /// Spanish), else English. `topics`, `topic` and `export` follow it too.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    /// Line mode for screen readers and scripts: plain text questions on stdout, answers on stdin.
    ///
    /// Exit status: 0 no result yet, 10 expected, 11 therapist, 12 doctor, 13 urgent,
    /// 14 emergency (the most urgent result of the session); 2 bad content or config.
    #[arg(long)]
    pub plain: bool,

    /// Unattended clinic kiosk: nothing a person presses quits it, answers are cleared after a
    /// quiet spell, content changes are picked up between sessions. Staff leave with Ctrl-E then
    /// Ctrl-X and the PIN from the config (or SIGTERM).
    #[arg(long, conflicts_with = "plain")]
    pub kiosk: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands; without one, aftercare runs the app (or line mode, or the kiosk).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check content files and print every problem with file, line and column.
    ///
    /// Exit status: 0 clean, 1 errors (or warnings with --deny-warnings), 2 unreadable.
    Check {
        /// Content file or folder (default: the built-in content). The same as --content.
        path: Option<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long)]
        deny_warnings: bool,
        /// Fail (exit status 1) unless the content folder is exactly what its last sign-off in
        /// signoff.toml approved (also when the --config sets require_signoff).
        #[arg(long)]
        require_signoff: bool,
    },
    /// Record that a clinician approved a content folder as it is now: appends the content's
    /// SHA-256, its hazard log's, the name, role, today's date (UTC) and a note to
    /// FOLDER/signoff.toml. Only content that passes `aftercare check` is signed.
    Sign {
        /// Who signs off (as they write their name).
        #[arg(long, value_name = "NAME")]
        by: String,
        /// Their role, e.g. "Clinical safety officer".
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// What was reviewed (a ticket, the review pack's name).
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// The content folder (default: data/). The same as --content.
        folder: Option<PathBuf>,
    },
    /// Compare two versions of the content: what the change does to people.
    ///
    /// Walks both by ids over every path from the first screen (with the routes facts open) and
    /// reports, most serious first: paths whose outcome level went down (errors), red flags asked
    /// less, outcomes removed or reworded (with a word diff), paths whose level went up, and the
    /// questions, answers, topics and sources added or removed.
    ///
    /// Exit status: 0 no path ends lower (or every one is accepted), 1 a path ends at a lower
    /// level and --accept-lower does not name it, 2 content unreadable or refused.
    #[command(
        after_long_help = "Examples:\n  aftercare diff old-data/ data/\n  aftercare diff --git HEAD~1 data/ --format markdown -o change.md\n  aftercare diff --git main --format review -o review.md"
    )]
    Diff {
        /// The content folder before the change (omit with --git); `-` is the built-in content.
        #[arg(value_name = "OLD")]
        old: Option<PathBuf>,
        /// The content folder after the change (default with --git: data/); `-` is the built-in
        /// content.
        #[arg(value_name = "NEW")]
        new: Option<PathBuf>,
        /// Compare NEW as it was at this git revision (a commit, branch or tag) with NEW now.
        #[arg(long, value_name = "REV")]
        git: Option<String>,
        /// text (for people, coloured on a terminal), markdown (a review record), json (for
        /// tools), or review (the clinician's review pack: the change, the hazard log entries
        /// it touches, the changed outcomes in full, a sign-off block).
        #[arg(long, value_enum, default_value = "text")]
        format: DiffFormat,
        /// Accept a lower level on purpose: an outcome id (every path now ending there, or that
        /// ended there before) or a path as printed (`question=answer/...`), or its start up to a
        /// step. Repeat for more.
        #[arg(long, value_name = "PATTERN")]
        accept_lower: Vec<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write the content as a flowchart (dot, mermaid), a printable review handout (markdown) or
    /// its hazard log (hazards).
    Export {
        /// dot (Graphviz), mermaid, markdown, or hazards (the DCB0129 hazard log).
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Make the Argon2 hash of a staff PIN for the kiosk config (`kiosk.pin_hash`).
    ///
    /// Asks for the PIN twice without showing it; from a pipe, reads two lines.
    HashPin,
    /// List the explanation topics.
    Topics,
    /// Print one explanation topic as plain text, with its sources.
    Topic {
        /// The topic id, as listed by `aftercare topics`.
        id: String,
    },
    /// Print a shell completion script (install it as your shell's documentation says).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `aftercare man > aftercare.1`; with a subcommand, its own
    /// page: `aftercare man check > aftercare-check.1`.
    Man {
        /// The subcommand whose page to print (check, sign, diff, export, hash-pin, topics, topic,
        /// completions, man).
        subcommand: Option<String>,
    },
}

impl Cli {
    /// The command line: clap's parse of it, except for a plain `aftercare`, which has nothing to
    /// parse (clap builds its whole command tree first, about a tenth of the work before the app's
    /// first frame).
    pub fn read() -> Cli {
        if std::env::args_os().len() <= 1 {
            return Cli::nothing_given();
        }
        let matches = clap_command().get_matches();
        match Cli::from_arg_matches(&matches) {
            Ok(cli) => cli,
            Err(e) => e.exit(),
        }
    }

    /// What clap makes of a command line with no arguments.
    fn nothing_given() -> Cli {
        Cli {
            content: None,
            config: None,
            lang: None,
            plain: false,
            kiosk: false,
            command: None,
        }
    }
}

impl Command {
    /// The subcommand as it is typed.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Check { .. } => "check",
            Command::Sign { .. } => "sign",
            Command::Diff { .. } => "diff",
            Command::Export { .. } => "export",
            Command::HashPin => "hash-pin",
            Command::Topics => "topics",
            Command::Topic { .. } => "topic",
            Command::Completions { .. } => "completions",
            Command::Man { .. } => "man",
        }
    }
}

/// The options every other subcommand takes (global in the parser).
const SHARED: [&str; 2] = ["content", "config"];

/// The subcommands that refuse some of the shared options (`misuse` says why), so their help, man
/// page and completions must not offer them: three read no content or config, and `diff` is
/// given its two folders instead of `--content`.
const REFUSED: [(&str, &[&str]); 4] = [
    ("hash-pin", &SHARED),
    ("completions", &SHARED),
    ("man", &SHARED),
    ("diff", &["content"]),
];

/// The command line as clap parses it: the derive's, built (so the global options are on every
/// subcommand), with `--content` and `--config` hidden from the help of the subcommands that
/// refuse them (`REFUSED`).
pub fn clap_command() -> clap::Command {
    let mut cmd = Cli::command();
    cmd.build();
    for (name, refused) in REFUSED {
        cmd = cmd.mut_subcommand(name, |sub| {
            // In place: `mut_arg` moves the argument to the end, out of step with the built
            // command's index of long options.
            sub.mut_args(|a| {
                if refused.contains(&a.get_id().as_str()) {
                    a.hide(true)
                } else {
                    a
                }
            })
        })
    }
    cmd
}

/// The command line as the man pages and completions describe it: `--content` and `--config`
/// on the subcommands that take them and not on the others (bash completions offer even hidden
/// options, so there they are left out, not hidden).
pub fn docs_command() -> clap::Command {
    let cmd = Cli::command();
    let shared: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| SHARED.contains(&a.get_id().as_str()))
        .map(|a| a.clone().global(false))
        .collect();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut cmd = cmd.mut_args(|a| {
        if SHARED.contains(&a.get_id().as_str()) {
            a.global(false)
        } else {
            a
        }
    });
    // Every subcommand, in order: `mut_subcommand` moves the one it changes to the end, so
    // going through all of them keeps the order of the listing.
    for name in names {
        let refused = REFUSED
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(&[][..], |(_, r)| *r);
        let takes: Vec<clap::Arg> = shared
            .iter()
            .filter(|a| !refused.contains(&a.get_id().as_str()))
            .cloned()
            .collect();
        cmd = cmd.mut_subcommand(name, |sub| sub.args(takes));
    }
    cmd.build();
    cmd
}

/// The formats of `aftercare diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
    /// The review pack for the clinician: the change, the hazards it touches, the outcomes.
    Review,
}

/// The formats of `aftercare export`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Dot,
    Mermaid,
    Markdown,
    /// The hazard log (DCB0129) for the clinical safety officer to review and sign.
    Hazards,
}

impl From<ExportFormat> for aftercare::export::Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Dot => Self::Dot,
            ExportFormat::Mermaid => Self::Mermaid,
            ExportFormat::Markdown => Self::Markdown,
            ExportFormat::Hazards => Self::Hazards,
        }
    }
}

/// A combination of options that would silently do less than asked (clap's own conflicts catch
/// the rest): the usage error to print, or `None` when the line makes sense.
pub fn misuse(cli: &Cli) -> Option<clap::Error> {
    use clap::error::ErrorKind;
    let mode = [("--plain", cli.plain), ("--kiosk", cli.kiosk)]
        .into_iter()
        .find(|(_, given)| *given);
    if let (Some((flag, _)), Some(command)) = (mode, &cli.command) {
        // `--plain topics` or `--kiosk check` would silently ignore the mode.
        let message = format!(
            "{flag} runs the app in a mode; it does not go with the subcommand '{}'. Use one \
             or the other: `aftercare {flag}` or `aftercare {}`",
            command.name(),
            command.name()
        );
        return Some(clap_command().error(ErrorKind::ArgumentConflict, message));
    }
    let message = match &cli.command {
        Some(
            command @ (Command::Check { path: Some(p), .. }
            | Command::Sign {
                folder: Some(p), ..
            }),
        ) if cli.content.is_some() => format!(
            "the content is given twice: '{}' and --content; use one of them: `aftercare {} {}`",
            p.display(),
            command.name(),
            p.display()
        ),
        Some(Command::Diff { .. }) if cli.content.is_some() => {
            "`aftercare diff` compares the folders given to it; leave out --content: `aftercare \
             diff OLD NEW`"
                .to_string()
        }
        Some(command @ (Command::HashPin | Command::Completions { .. } | Command::Man { .. })) => {
            let name = command.name();
            let used = [
                ("--content", cli.content.is_some()),
                ("--config", cli.config.is_some()),
            ];
            let (flag, _) = used.into_iter().find(|(_, given)| *given)?;
            format!("`aftercare {name}` reads no content or config; leave out {flag}")
        }
        _ => return None,
    };
    Some(clap_command().error(ErrorKind::ArgumentConflict, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_arguments_read_as_clap_reads_them() {
        let clap = Cli::try_parse_from(["aftercare"]).map(|c| format!("{c:?}"));
        assert_eq!(clap.ok(), Some(format!("{:?}", Cli::nothing_given())));
    }
}
