//! The command line: parse arguments, pick a runner, map results to exit statuses — nothing else.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use aftercare::app::App;
use aftercare::config::{self, Config};
use aftercare::content::{self, Checked, Tree};
use aftercare::ui::Ui;
use aftercare::ui::theme::Theme;

/// After a massage: is this normal? A calm guide that tells an expected response from a sign
/// that needs your therapist, a doctor, urgent care or an emergency call.
#[derive(Debug, Parser)]
#[command(name = "aftercare", version, about, long_about = None)]
struct Cli {
    /// Content file or folder to use instead of the built-in content.
    #[arg(long, global = true, value_name = "PATH")]
    content: Option<PathBuf>,

    /// Clinic config file (names, phone numbers, kiosk settings); see data/clinic.example.toml.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Line mode for screen readers and scripts: plain text questions on stdout, answers on stdin.
    ///
    /// Exit status: 0 no result yet, 10 expected, 11 therapist, 12 doctor, 13 urgent,
    /// 14 emergency (the most urgent result of the session); 2 bad content or config.
    #[arg(long)]
    plain: bool,

    /// Unattended clinic kiosk: nothing a person presses quits it, answers are cleared after a
    /// quiet spell, content changes are picked up between sessions. Staff leave with Ctrl-E then
    /// Ctrl-X and the PIN from the config (or SIGTERM).
    #[arg(long, conflicts_with = "plain")]
    kiosk: bool,

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
    /// Write the content as a flowchart (dot, mermaid) or a printable review handout (markdown).
    Export {
        /// dot (Graphviz), mermaid, or markdown.
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
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ExportFormat {
    Dot,
    Mermaid,
    Markdown,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Check {
        path,
        deny_warnings,
    }) = cli.command
    {
        return check(path.or(cli.content), cli.config, deny_warnings);
    }
    if let Some(Command::HashPin) = cli.command {
        return hash_pin();
    }
    let Some(config) = load_config(cli.config.as_deref()) else {
        return ExitCode::from(2);
    };
    let content_path = cli.content.or_else(|| config.content.clone());
    let Some(tree) = load_tree(content_path.as_deref()) else {
        return ExitCode::from(2);
    };
    match cli.command {
        Some(Command::Topics) => {
            for t in &tree.topics {
                println!("{:<26} {}", t.id, t.summary);
            }
            ExitCode::SUCCESS
        }
        Some(Command::Topic { id }) => topic(&tree, &config, &id),
        Some(Command::Export { format, output }) => export(&tree, &config, format, output),
        Some(Command::Check { .. } | Command::HashPin) => ExitCode::SUCCESS,
        None if cli.plain => plain(&tree, &config),
        None if cli.kiosk => run_kiosk(tree, config, content_path),
        None => run_app(tree, config),
    }
}

/// The full-screen app: theme from config and environment (read once, here), run the terminal,
/// then print the plain-text summary to the normal screen so it stays in the scrollback.
fn run_app(tree: Tree, config: Config) -> ExitCode {
    let theme = theme_from_env(&config);
    let mut app = Ui::new(App::new(tree, config), theme);
    let mut opts = aftercare::term::Options::new();
    opts.panic_after_first_frame = test_panic_switch();
    if let Err(e) = aftercare::term::run(&mut app, &opts) {
        eprintln!("error: the terminal failed: {e}");
        return ExitCode::from(1);
    }
    if let Some(summary) = aftercare::ui::summary::text(&app, &theme) {
        print!("{summary}");
    }
    ExitCode::SUCCESS
}

/// The hidden test switch: `AFTERCARE_TEST_PANIC=1` panics after the first frame.
fn test_panic_switch() -> bool {
    std::env::var_os("AFTERCARE_TEST_PANIC").is_some_and(|v| v == "1")
}

/// The theme from the config and the environment (NO_COLOR, TERM), read once, here.
fn theme_from_env(config: &Config) -> Theme {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let term = std::env::var("TERM").ok();
    Theme::choose(config.theme, no_color, term.as_deref())
}

/// The kiosk: the terminal loop, restarted on the welcome screen after a crash (logged), with
/// content hot-reload. It ends only by the staff exit or SIGTERM/SIGHUP. Nothing is printed
/// after it ends: a kiosk never shows or keeps answers.
fn run_kiosk(tree: Tree, config: Config, content: Option<PathBuf>) -> ExitCode {
    use aftercare::kiosk_log::Log;
    use std::time::{Duration, Instant};
    let log = Log::new(config.kiosk.log_path.clone(), config.kiosk.log_max_bytes);
    log.write(&format!(
        "kiosk started (content version {})",
        tree.meta.version
    ));
    let theme = theme_from_env(&config);
    let count = config.kiosk.count_results;
    let mut opts = aftercare::term::Options::new();
    opts.panic_after_first_frame = test_panic_switch();
    opts.log = log.clone();
    if let (Some(path), Some(sender)) = (content, opts.sender())
        && let Err(e) =
            aftercare::reload::watch(path, move |r| sender.send(aftercare::term::Msg::Reload(r)))
    {
        log.write(&format!("content is not watched for changes: {e}"));
    }
    let start = opts.clock;
    let mut app = Ui::new(
        App::new_kiosk(tree.clone(), config.clone(), Duration::ZERO),
        theme,
    );
    let mut crashes: Vec<Instant> = Vec::new();
    loop {
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            aftercare::term::run(&mut app, &opts)
        }));
        match run {
            Ok(Ok(())) => {
                log.write("kiosk stopped by staff");
                break;
            }
            Ok(Err(e)) => {
                log.write(&format!("kiosk stopped: the terminal failed: {e}"));
                if count {
                    log_counts(&log, &app);
                }
                return ExitCode::from(1);
            }
            Err(_) => {
                // The panic hook has restored the terminal. Start again on a clean welcome
                // screen, with the content that was serving; a crash loop ends the process so
                // the service manager restarts it.
                log.write("kiosk crashed; restarting on the welcome screen");
                crashes.retain(|t| t.elapsed() < Duration::from_secs(60));
                crashes.push(Instant::now());
                if crashes.len() >= 5 {
                    log.write("kiosk crashed 5 times in a minute; exiting");
                    return ExitCode::from(1);
                }
                opts.panic_after_first_frame = false;
                let tree = app.tree.clone();
                app = Ui::new(App::new_kiosk(tree, config.clone(), start.elapsed()), theme);
            }
        }
    }
    if count {
        log_counts(&log, &app);
    }
    ExitCode::SUCCESS
}

fn log_counts(log: &aftercare::kiosk_log::Log, app: &App) {
    if let Some(k) = &app.kiosk {
        log.counts(&k.counts);
    }
}

/// Loads the clinic config, printing its diagnostics; `None` means it was refused.
fn load_config(path: Option<&Path>) -> Option<Config> {
    let Some(path) = path else {
        return Some(Config::default());
    };
    let raw = match content::read_path(path) {
        Ok(mut files) if files.len() == 1 => files.remove(0),
        Ok(_) => {
            eprintln!(
                "error: {}: a config is one file, not a folder",
                path.display()
            );
            return None;
        }
        Err(e) => {
            eprintln!("error: {e}");
            return None;
        }
    };
    let checked = config::check_config(raw);
    if !checked.diagnostics.is_empty() {
        let files = std::slice::from_ref(&checked.file);
        eprint!(
            "{}",
            aftercare::report::render(files, &checked.diagnostics, stderr_color())
        );
    }
    checked.config
}

/// Loads content (embedded, or from a path), printing every diagnostic if it is refused.
fn load_tree(path: Option<&Path>) -> Option<Tree> {
    let checked = match path {
        Some(p) => match content::check_path(p) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("error: {e}");
                return None;
            }
        },
        None => match content::default_tree() {
            Ok(tree) => return Some(tree),
            Err(checked) => *checked,
        },
    };
    if checked.tree.is_none() {
        print_checked(&checked);
        eprintln!(
            "error: the content has errors; nothing was started. Fix them and run `aftercare check`."
        );
    }
    checked.tree
}

fn topic(tree: &Tree, config: &Config, id: &str) -> ExitCode {
    let Some(i) = tree.topic_index(id) else {
        let ids: Vec<&str> = tree.topics.iter().map(|t| t.id.as_str()).collect();
        eprintln!("error: no topic '{id}'. The topics are: {}", ids.join(", "));
        return ExitCode::from(2);
    };
    let width = if std::io::stdout().is_terminal() {
        crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w).min(100))
    } else {
        80
    };
    print!("{}", aftercare::plain::topic_text(tree, config, i, width));
    ExitCode::SUCCESS
}

fn export(tree: &Tree, config: &Config, format: ExportFormat, output: Option<PathBuf>) -> ExitCode {
    use aftercare::export::Format;
    let format = match format {
        ExportFormat::Dot => Format::Dot,
        ExportFormat::Mermaid => Format::Mermaid,
        ExportFormat::Markdown => Format::Markdown,
    };
    let text = aftercare::export::export(tree, config, format);
    let written = match &output {
        Some(path) => std::fs::write(path, text),
        None => std::io::stdout().write_all(text.as_bytes()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let to = output.map_or_else(|| "standard output".into(), |p| p.display().to_string());
            eprintln!("error: could not write {to}: {e}");
            ExitCode::from(2)
        }
    }
}

fn plain(tree: &Tree, config: &Config) -> ExitCode {
    let stdin = std::io::stdin().lock();
    let stdout = std::io::stdout().lock();
    match aftercare::plain::run(tree, config, stdin, stdout) {
        Ok(level) => ExitCode::from(level.map_or(0, |l| l.exit_code())),
        // A closed pipe on the other end: nobody is reading, so there is nothing left to say.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(2),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn hash_pin() -> ExitCode {
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
            println!("# Paste this line into the [kiosk] table of your clinic config:");
            println!("pin_hash = \"{hash}\"");
            ExitCode::SUCCESS
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

fn stderr_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn check(path: Option<PathBuf>, config: Option<PathBuf>, deny_warnings: bool) -> ExitCode {
    if let Some(c) = &config {
        if content::read_path(c).is_err() {
            // load_config prints the reason; an unreadable file is exit status 2, as for content.
            let _ = load_config(Some(c));
            return ExitCode::from(2);
        }
        if load_config(Some(c)).is_none() {
            eprintln!("{}: the config has errors", c.display());
            return ExitCode::from(1);
        }
        println!("{}: ok", c.display());
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
    let text = aftercare::report::render(&checked.files, &checked.diagnostics, stderr_color());
    let _ = std::io::stderr().write_all(text.as_bytes());
}
