//! Loading the clinic config and the content for a command, printing every diagnostic to
//! standard error when they are refused. Nothing is started on refused content.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use aftercare::config::{self, Config};
use aftercare::content::{self, Checked, Tree};
use aftercare::i18n::Lang;

/// Loads the clinic config, printing its diagnostics; `None` means it was refused.
pub fn load_config(path: Option<&Path>) -> Option<Config> {
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

/// Content in every language it has: the original (English) tree and its translations.
pub type Content = (Tree, Vec<(Lang, Tree)>);

/// The language to speak: `--lang`, else the clinic's `language`, else the environment's
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set: `es_ES.UTF-8` is Spanish, `C` English),
/// else English.
pub fn language(flag: Option<Lang>, config: &Config) -> Lang {
    let env = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty());
    flag.or(config.language)
        .or_else(|| env.and_then(|v| Lang::from_code(&v)))
        .unwrap_or(Lang::En)
}

/// The language the app starts in and a kiosk returns to: `lang` when the clinic config offers
/// it (`languages`, or every language), else the first it offers, as `App::set_languages`
/// decides; with a note for staff when that is not `lang`.
pub fn home_language(lang: Lang, config: &Config) -> (Lang, Option<String>) {
    match config.languages.first() {
        Some(&first) if !config.languages.contains(&lang) => {
            let note = format!(
                "the clinic config's languages do not include '{}'; starting in '{}'",
                lang.code(),
                first.code()
            );
            (first, Some(note))
        }
        _ => (lang, None),
    }
}

/// The tree in `lang` out of `content` for a command that speaks one language (line mode,
/// `topics`, `topic`, `export`), and the language it is in: English, with a note, when the
/// content has no translation into `lang`. `built_in`: the content is the one compiled in.
pub fn in_language((tree, translations): Content, lang: Lang, built_in: bool) -> (Tree, Lang) {
    if !has_language(&translations, lang, built_in) {
        return (tree, Lang::En);
    }
    match translations.into_iter().find(|(l, _)| *l == lang) {
        Some((_, t)) => (t, lang),
        None => (tree, Lang::En),
    }
}

/// Whether content with `translations` speaks `lang`; when it does not, a note on standard
/// error says that English is used instead (and, for the built-in content, `built_in`, why).
pub fn has_language(translations: &[(Lang, Tree)], lang: Lang, built_in: bool) -> bool {
    let notes = missing_language_notes(translations, lang, built_in);
    for note in &notes {
        eprintln!("note: {note}");
    }
    notes.is_empty()
}

/// What staff are told when content with `translations` cannot speak the clinic's `lang`: that
/// English is used, and for the built-in content (`built_in`) a translation that does not decode.
pub fn missing_language_notes(
    translations: &[(Lang, Tree)],
    lang: Lang,
    built_in: bool,
) -> Vec<String> {
    let Some(missing) = aftercare::reload::missing_language(translations, lang) else {
        return Vec::new();
    };
    let problem = built_in
        .then(|| content::translation_problem(lang))
        .flatten();
    std::iter::once(missing).chain(problem).collect()
}

/// Loads content with its translations (embedded, or from a path), printing every diagnostic
/// if it is refused.
pub fn load_content(path: Option<&Path>) -> Option<Content> {
    let checked = match path {
        Some(p) => match content::check_path(p) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("error: {e}");
                return None;
            }
        },
        None => match content::default_tree() {
            Ok(tree) => return Some((tree, content::default_translations())),
            Err(checked) => *checked,
        },
    };
    if checked.tree.is_none() {
        print_checked(&checked);
        if let Some(folder) = path.and_then(|p| folder_of_one_file(p, &checked)) {
            eprintln!("{}", one_file_hint(&folder, "aftercare --content"));
        }
        eprintln!(
            "error: the content has errors; nothing was started. Fix them and run `aftercare check`."
        );
    }
    let translations = checked.translations;
    checked.tree.map(|t| (t, translations))
}

/// Prints every diagnostic of checked content to standard error, with source lines.
pub fn print_checked(checked: &Checked) {
    if checked.diagnostics.is_empty() {
        return;
    }
    let text = aftercare::report::render(&checked.files, &checked.diagnostics, stderr_color());
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// Whether diagnostics on standard error may use colour.
pub fn stderr_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// The folder `path` belongs to, if `path` is one file of a content folder checked alone: a
/// file whose errors name ids (or a `[meta]`) that another `.toml` file beside it defines.
/// Content split over files refers across them, so one of them alone is full of "unknown"
/// errors that are not really there.
pub fn folder_of_one_file(path: &Path, checked: &Checked) -> Option<PathBuf> {
    if !path.is_file() {
        return None;
    }
    let folder = match path.parent() {
        Some(p) if p.as_os_str().is_empty() => PathBuf::from("."),
        Some(p) => p.to_path_buf(),
        None => return None,
    };
    let others: Vec<String> = std::fs::read_dir(&folder)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter(|p| !p.to_string_lossy().ends_with(".example.toml"))
        .filter(|p| p.file_name() != path.file_name())
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let own = checked.files.first().map_or("", |f| f.text.as_str());
    let defines = |text: &str, id: &str| !id.is_empty() && text.contains(&format!(".{id}]"));
    // An id the message quotes that this file does not define and another file does.
    let defined_elsewhere = |d: &content::Diagnostic| {
        let quoted = d.message.split('\'').skip(1).step_by(2);
        let no_meta = d.message.contains("no [meta]");
        others.iter().any(|text| {
            (no_meta && text.contains("[meta]"))
                || quoted
                    .clone()
                    .any(|id| !defines(own, id) && defines(text, id))
        })
    };
    checked.errors().any(defined_elsewhere).then_some(folder)
}

/// The hint for one file of a folder used alone; `command` is how to give the whole folder
/// instead (`aftercare check`, `aftercare --content`).
pub fn one_file_hint(folder: &Path, command: &str) -> String {
    let mut shown = folder.display().to_string();
    if !shown.ends_with('/') {
        shown.push('/');
    }
    format!(
        "hint: this is one file of a content folder; the other files in '{shown}' define ids it \
         refers to. Use the whole folder: {command} {shown}"
    )
}
