//! The command line: parse arguments, pick a runner, map results to exit statuses — nothing else.

mod cli;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use aftercare::app::App;
use aftercare::config::Config;
use aftercare::content::Tree;
use aftercare::i18n::{t, t_args};
use aftercare::ui::Ui;
use aftercare::ui::theme::Theme;

use aftercare::i18n::{Lang, set_lang};
use cli::load::{in_language, language, load_config, load_content};
use cli::{Cli, Command, out};

fn main() -> ExitCode {
    let cli = Cli::read();
    if let Some(e) = cli::misuse(&cli) {
        e.exit();
    }
    match cli.command {
        Some(Command::Check {
            path,
            deny_warnings,
            require_signoff,
        }) => {
            let strict = cli::check::Strict {
                deny_warnings,
                require_signoff,
            };
            return cli::check::run(path.or(cli.content), cli.config, strict);
        }
        Some(Command::Diff {
            old,
            new,
            git,
            format,
            accept_lower,
            output,
        }) => {
            let args = cli::diff::Args {
                old,
                new,
                git,
                format,
                accept_lower,
                output,
            };
            return cli::diff::run(args, cli.config.as_deref());
        }
        Some(Command::HashPin) => return cli::pin::hash_pin(),
        Some(Command::Completions { shell }) => return cli::docs::completions(shell),
        Some(Command::Man { subcommand }) => return cli::docs::man(subcommand.as_deref()),
        _ => {}
    }
    let Some(config) = load_config(cli.config.as_deref()) else {
        // As for refused content: say nothing ran, and how to check the file.
        eprintln!(
            "error: the config was refused; nothing was started. Fix it and run `aftercare \
             check --config {}`.",
            cli.config.as_deref().unwrap_or(Path::new("FILE")).display()
        );
        return ExitCode::from(2);
    };
    let content_path = cli.content.or_else(|| config.content.clone());
    let lang = language(cli.lang, &config);
    set_lang(lang);
    if let Some(Command::Sign {
        by,
        role,
        note,
        folder,
    }) = cli.command
    {
        let folder = folder
            .or(content_path)
            .unwrap_or_else(|| PathBuf::from("data"));
        let signer = cli::sign::Signer { by, role, note };
        return cli::sign::run(&folder, signer, &config);
    }
    if cli.command.is_none()
        && cli.kiosk
        && config.require_signoff
        && let Some(code) = unsigned(content_path.as_deref())
    {
        return code;
    }
    if cli.command.is_none()
        && !cli.plain
        && let Some(code) = no_terminal(&config)
    {
        return code;
    }
    if cli.command.is_none()
        && !cli.plain
        && !cli.kiosk
        && content_path.is_none()
        && lang == Lang::En
        && let Some(welcome) = aftercare::content::embedded_welcome()
    {
        return run_app((welcome, Vec::new()), config, lang, true, true);
    }
    if cli.command.is_none() && !cli.plain && cli.kiosk {
        // Broken content does not end a kiosk: it shows whom to call and tries again. Content
        // from a path draws the welcome from its `[meta]` first, and is checked before any key.
        let start = match content_path
            .as_deref()
            .and_then(aftercare::content::welcome_from_path)
        {
            Some(welcome) => {
                KioskStart::Welcome(welcome, welcome_translations(content_path.as_deref()))
            }
            // Under require_signoff the content is loaded by the kiosk's own check, which judges
            // the sign-off on the same bytes it loads: a folder swapped after `unsigned` read it
            // never runs unchecked.
            None if config.require_signoff => KioskStart::Unread,
            None => match load_content(content_path.as_deref()) {
                Some(content) => KioskStart::Checked(content),
                None => KioskStart::Broken,
            },
        };
        return run_kiosk(start, config, content_path, lang);
    }
    let Some(content) = load_content(content_path.as_deref()) else {
        return ExitCode::from(2);
    };
    if cli.command.is_none() && !cli.plain {
        return run_app(content, config, lang, false, content_path.is_none());
    }
    if cli.command.is_none() {
        return plain(content, lang, config, content_path.is_none());
    }
    // One language from here on: `topics`, `topic` and `export`.
    let (tree, lang) = in_language(content, lang, content_path.is_none());
    set_lang(lang);
    match cli.command {
        Some(Command::Topics) => cli::topics::list(&tree, &config),
        Some(Command::Topic { id }) => cli::topics::show(&tree, &config, &id),
        Some(Command::Export { format, output }) => export(&tree, &config, format, output),
        Some(
            Command::Check { .. }
            | Command::Sign { .. }
            | Command::Diff { .. }
            | Command::HashPin
            | Command::Completions { .. }
            | Command::Man { .. },
        )
        | None => ExitCode::SUCCESS,
    }
}

/// The full-screen app and the kiosk need a terminal on standard input and output. Without one
/// (a pipe, a file, a service without a tty) say so and point at line mode, instead of a raw
/// "No such device or address" from the terminal layer. The emergency line comes first: whoever
/// started aftercare may be unwell.
fn no_terminal(config: &Config) -> Option<ExitCode> {
    let missing = match (
        std::io::stdin().is_terminal(),
        std::io::stdout().is_terminal(),
    ) {
        (true, true) => return None,
        (false, _) => t("cli-stdin"),
        (true, false) => t("cli-stdout"),
    };
    eprintln!(
        "{}\n{}\n  {}",
        aftercare::words::contact_line(&config.clinic),
        t_args("cli-no-terminal", &[("missing", missing.into())]),
        t("cli-no-terminal-hint")
    );
    Some(ExitCode::from(2))
}

/// A kiosk that requires sign-off, on content that is not signed off (or on the built-in content,
/// which no clinic signed): says why on standard error, before the terminal is touched, and gives
/// the exit status (2, as for refused content). `None` lets it start (content that cannot be read
/// at all is left to the kiosk's own refusal screen).
fn unsigned(path: Option<&Path>) -> Option<ExitCode> {
    let Some(path) = path else {
        let line = t("signoff-log-built-in");
        let args = [("path", "built-in content".into()), ("line", line.into())];
        eprintln!("{}", t_args("signoff-kiosk-refused", &args));
        return Some(ExitCode::from(2));
    };
    let files = aftercare::content::read_path(path).ok()?;
    let shown = path.display().to_string();
    match aftercare::signoff::status_of(path, &files) {
        Ok(status) if status.is_signed() => None,
        Ok(status) => {
            let line = status.log_line();
            let args = [("path", shown.into()), ("line", line.into())];
            eprintln!("{}", t_args("signoff-kiosk-refused", &args));
            Some(ExitCode::from(2))
        }
        Err(bad) => {
            let files = std::slice::from_ref(&bad.file);
            let color = cli::load::stderr_color();
            eprint!(
                "{}",
                aftercare::report::render(files, &bad.diagnostics, color)
            );
            let line = aftercare::i18n::t("signoff-log-never");
            let args = [("path", shown.into()), ("line", line.into())];
            eprintln!("{}", t_args("signoff-kiosk-refused", &args));
            Some(ExitCode::from(2))
        }
    }
}

/// The full-screen app: theme from config and environment (read once, here), run the terminal,
/// then print the plain-text summary to the normal screen so it stays in the scrollback.
///
/// With `welcome`, `tree` is the built-in content's `[meta]` alone (all the welcome screen
/// shows), and the whole built-in content is loaded once the first frame is on screen, before
/// any key is read: the first frame does not wait for it.
fn run_app(
    (tree, translations): cli::load::Content,
    config: Config,
    lang: Lang,
    welcome: bool,
    built_in: bool,
) -> ExitCode {
    let theme = theme_from_env(&config);
    // Said before the terminal is taken (the welcome-only start is English: it has no note).
    if !welcome {
        let (home, offered) = cli::load::home_language(lang, &config);
        if let Some(note) = offered {
            eprintln!("note: {note}");
        }
        cli::load::has_language(&translations, home, built_in);
    }
    let mut app = App::new(tree, config);
    app.set_languages(lang, translations);
    let mut app = Ui::new(app, theme);
    let mut opts = aftercare::term::Options::new();
    opts.panic_after_first_frame = test_panic_switch();
    let mut failed = None;
    let rest = |ui: &mut Ui| {
        if !welcome {
            return true;
        }
        match aftercare::content::default_tree() {
            Ok(tree) => {
                let app = ui.app_mut();
                app.replace_tree(tree);
                app.set_languages(lang, aftercare::content::default_translations());
                true
            }
            Err(checked) => {
                failed = Some(checked);
                false
            }
        }
    };
    if let Err(e) = aftercare::term::run_then(&mut app, &opts, rest) {
        eprintln!("error: the terminal failed: {e}");
        return ExitCode::from(1);
    }
    if let Some(checked) = failed {
        cli::load::print_checked(&checked);
        eprintln!("error: the built-in content has errors. Run `aftercare check`.");
        return ExitCode::from(2);
    }
    // Wrapped to the terminal as it is now (at most 100 columns, the reader's widest), at
    // spaces: the terminal itself would cut a long line mid-word.
    let width = crossterm::terminal::size()
        .ok()
        .map(|(w, _)| w)
        .filter(|&w| w >= 20)
        .map_or(80, |w| w.min(100));
    if let Some(summary) = aftercare::ui::summary::text(&app, &theme, width) {
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

/// The welcome screen of each translation in the content folder at `path` (its `[meta]` alone,
/// read without checking, as `welcome_from_path`), so a kiosk in the clinic's language draws its
/// first frame in that language.
fn welcome_translations(path: Option<&Path>) -> Vec<(Lang, Tree)> {
    let Some(path) = path.filter(|p| p.is_dir()) else {
        return Vec::new();
    };
    Lang::ALL
        .into_iter()
        .filter(|l| *l != Lang::En)
        .filter_map(|l| {
            let folder = path.join(l.code());
            let welcome = folder
                .is_dir()
                .then(|| aftercare::content::welcome_from_path(&folder));
            welcome.flatten().map(|t| (l, t))
        })
        .collect()
}

/// What a kiosk starts with.
enum KioskStart {
    /// Checked content, with its translations.
    Checked(cli::load::Content),
    /// The welcome screen alone (the content's `[meta]`, and each translation's): the content is
    /// checked once the first frame is on screen, before any key is read.
    Welcome(Tree, Vec<(Lang, Tree)>),
    /// Content that did not pass its check.
    Broken,
    /// Content not read yet: the kiosk reads and checks it (with its sign-off) before it starts.
    Unread,
}

/// The kiosk: the terminal loop, restarted on the welcome screen after a crash (logged), with
/// content hot-reload. It ends only by the staff exit or SIGTERM/SIGHUP. Nothing is printed
/// after it ends: a kiosk never shows or keeps answers.
///
/// Broken content at start shows the emergency line and a notice for staff instead, and tries
/// again until the content passes; then the kiosk starts.
fn run_kiosk(start: KioskStart, config: Config, content: Option<PathBuf>, lang: Lang) -> ExitCode {
    use aftercare::kiosk_log::Log;
    use std::time::{Duration, Instant};
    let log = Log::new(config.kiosk.log_path.clone(), config.kiosk.log_max_bytes);
    let theme = theme_from_env(&config);
    let count = config.kiosk.count_results;
    let mut opts = aftercare::term::Options::new();
    opts.panic_after_first_frame = test_panic_switch();
    opts.log = log.clone();
    let require_signoff = config.require_signoff;
    // Content changes are watched from before the content is checked, so none is missed.
    let watch_sender = opts.sender();
    let watch = || {
        if let (Some(path), Some(sender)) = (content.clone(), watch_sender.clone())
            && let Err(e) = aftercare::reload::watch(path, require_signoff, move |r| {
                sender.send(aftercare::term::Msg::Reload(r))
            })
        {
            log.write(&format!("content is not watched for changes: {e}"));
        }
    };
    // The tree and its translations, from one read and one check (with require_signoff, judged
    // against the sign-off on the same bytes: signed off when the kiosk was started, see
    // `unsigned`, and judged again in case it changed since). Nothing else reads the content.
    let check = || aftercare::reload::kiosk_content(content.as_deref(), require_signoff);
    let started = |(tree, translations): &cli::load::Content| {
        log.write(&format!(
            "kiosk started (content version {})",
            tree.meta.version
        ));
        // The clinic's language missing is said, never only seen as an English kiosk.
        let (home, offered) = cli::load::home_language(lang, &config);
        let missing = cli::load::missing_language_notes(translations, home, content.is_none());
        for note in offered.into_iter().chain(missing) {
            log.write(&note);
        }
    };
    if !matches!(start, KioskStart::Welcome(..)) {
        watch();
    }
    let (first, mut check_first) = match start {
        KioskStart::Checked(content) => (content, false),
        KioskStart::Welcome(welcome, translations) => ((welcome, translations), true),
        // Fixed since it was read (a deploy in progress), or not read yet: start at once if it
        // passes now, otherwise show whom to call and try again.
        KioskStart::Broken | KioskStart::Unread => match check() {
            Ok(content) => (content, false),
            Err(mistakes) => match refused(&opts, &config, mistakes, check) {
                Ok(content) => (content, false),
                Err(code) => return code,
            },
        },
    };
    if !check_first {
        started(&first);
    }
    // The kiosk starts in the clinic's language and returns to it at each reset.
    let kiosk = |content: cli::load::Content, at: Duration| {
        Ui::new(App::new_kiosk_in(lang, content, config.clone(), at), theme)
    };
    let start = opts.clock;
    let mut app = kiosk(first, Duration::ZERO);
    let mut crashes: Vec<Instant> = Vec::new();
    loop {
        let mut mistakes = None;
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            if !check_first {
                return aftercare::term::run(&mut app, &opts);
            }
            // The welcome is on screen; no key is read until the content has passed its check.
            aftercare::term::run_then(&mut app, &opts, |ui| {
                watch();
                match check() {
                    Ok(content) => {
                        started(&content);
                        let (tree, translations) = content;
                        let app = ui.app_mut();
                        app.replace_tree(tree);
                        app.set_languages(lang, translations);
                        true
                    }
                    Err(lines) => {
                        mistakes = Some(lines);
                        false
                    }
                }
            })
        }));
        check_first = false;
        if let Some(mistakes) = mistakes {
            match refused(&opts, &config, mistakes, check) {
                Ok(content) => {
                    started(&content);
                    app = kiosk(content, start.elapsed());
                    continue;
                }
                Err(code) => return code,
            }
        }
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
                log.flush();
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
                    log.flush();
                    return ExitCode::from(1);
                }
                opts.panic_after_first_frame = false;
                // The content the kiosk holds, in every language (the original, whatever was on
                // screen): never read again from disk, where it may have changed unsigned.
                app = Ui::new(app.restarted(start.elapsed()), theme);
            }
        }
    }
    if count {
        log_counts(&log, &app);
    }
    log.flush();
    ExitCode::SUCCESS
}

/// Shows whom to call and the content's `mistakes` until `retry` gives content; `Err` with the
/// exit status if the terminal fails meanwhile.
fn refused(
    opts: &aftercare::term::Options,
    config: &Config,
    mistakes: Vec<String>,
    retry: impl FnMut() -> Result<cli::load::Content, Vec<String>>,
) -> Result<cli::load::Content, ExitCode> {
    opts.log.write(&format!(
        "kiosk cannot start: the content has mistakes; showing whom to call and trying again: {}",
        mistakes.first().map_or("", String::as_str)
    ));
    let contact = aftercare::words::contact_line(&config.clinic);
    aftercare::term::refused::wait_for_content(opts, &contact, mistakes, retry).map_err(|e| {
        opts.log
            .write(&format!("kiosk stopped: the terminal failed: {e}"));
        opts.log.flush();
        ExitCode::from(1)
    })
}

fn log_counts(log: &aftercare::kiosk_log::Log, app: &App) {
    if let Some(k) = &app.kiosk {
        log.counts(&k.counts);
    }
}

/// `aftercare export`: the content as a flowchart or a handout, to a file or standard output.
fn export(
    tree: &Tree,
    config: &Config,
    format: cli::ExportFormat,
    output: Option<PathBuf>,
) -> ExitCode {
    let text = aftercare::export::export(tree, config, format.into());
    match &output {
        None => out::print_then(&text, ExitCode::SUCCESS),
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => out::failed(&e, &path.display().to_string()),
        },
    }
}

/// The line mode: the app built in `lang` as the full-screen app is (English, with a note, when
/// the content has no translation into it; `built_in`: the content is the one compiled in).
fn plain(
    (tree, translations): cli::load::Content,
    lang: Lang,
    config: Config,
    built_in: bool,
) -> ExitCode {
    let lang = if cli::load::has_language(&translations, lang, built_in) {
        lang
    } else {
        Lang::En
    };
    let stdin = std::io::stdin().lock();
    let stdout = std::io::stdout().lock();
    // Lines have no colour; the symbols are ASCII where the terminal's font needs it.
    let theme = Theme::choose(config.theme, true, std::env::var("TERM").ok().as_deref());
    let mut app = App::new(tree, config);
    app.set_languages(lang, translations);
    match aftercare::plain::run(app, theme, stdin, stdout) {
        Ok(level) => ExitCode::from(level.map_or(0, |l| l.exit_code())),
        // A closed pipe on the other end: nobody is reading, so there is nothing left to say.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(2),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
