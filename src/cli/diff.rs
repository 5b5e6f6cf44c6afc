//! `aftercare diff OLD NEW` and `aftercare diff --git REV [NEW]`: loads both versions of the
//! content (a refused one prints the same diagnostics as `aftercare check`), compares them
//! (`aftercare::diff`) and writes the report (`diff_out`, `review`).
//!
//! Exit status: 0 no path ends lower (or each is accepted), 1 a lower level not accepted,
//! 2 content unreadable or refused, or an output that could not be written.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use aftercare::config::Config;
use aftercare::content::{self, Tree};
use aftercare::diff::translation::{File, Files};
use aftercare::diff::{Report, compare};
use aftercare::i18n::Lang;

use super::diff_out::{self, Names};
use super::load::{load_config, print_checked};
use super::{DiffFormat, out, review};

/// The command line of `aftercare diff`.
pub struct Args {
    pub old: Option<PathBuf>,
    pub new: Option<PathBuf>,
    pub git: Option<String>,
    pub format: DiffFormat,
    pub accept_lower: Vec<String>,
    pub output: Option<PathBuf>,
}

/// The folder name that stands for the content built into the binary.
const BUILT_IN: &str = "-";

/// How a folder is named in the report.
fn shown(path: &Path) -> String {
    if path == Path::new(BUILT_IN) {
        "built-in content".to_string()
    } else {
        path.display().to_string()
    }
}

/// Runs `aftercare diff`.
pub fn run(args: Args, config: Option<&Path>) -> ExitCode {
    let Some(config) = load_config(config) else {
        return ExitCode::from(2);
    };
    let (old_path, new_path, _scratch) = match folders(&args) {
        Ok(f) => f,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let names = Names {
        old: match &args.git {
            Some(rev) => format!("{} at {rev}", new_path.display()),
            None => shown(&old_path),
        },
        new: shown(&new_path),
    };
    let (Some(old), Some(new)) = (load(&old_path, &names.old), load(&new_path, &names.new)) else {
        return ExitCode::from(2);
    };
    let mut report = compare(&old, &new);
    report.compare_translations(&files(&old_path), &files(&new_path));
    report.accept(&args.accept_lower);
    let status = if report.refused() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    let text = render(&report, &names, &args, (&old, &new), &config);
    match &args.output {
        None => out::print_then(&text, status),
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => {
                if args.format != DiffFormat::Json {
                    eprint!("{}", diff_out::summary_line(&report, false));
                }
                status
            }
            Err(e) => out::failed(&e, &path.display().to_string()),
        },
    }
}

fn render(
    report: &Report,
    names: &Names,
    args: &Args,
    (old, new): (&Tree, &Tree),
    config: &Config,
) -> String {
    match args.format {
        DiffFormat::Text => {
            let color = args.output.is_none() && diff_out::stdout_color();
            diff_out::text(report, names, color)
        }
        DiffFormat::Markdown => diff_out::markdown(report, names, 2),
        DiffFormat::Json => diff_out::json(report, names),
        DiffFormat::Review => review::pack(report, names, (old, new), config),
    }
}

/// The two folders to compare; with `--git`, the old one is extracted into a scratch folder
/// that is removed when the guard returned with it is dropped.
fn folders(args: &Args) -> Result<(PathBuf, PathBuf, Option<Scratch>), String> {
    match (&args.git, &args.old, &args.new) {
        (None, Some(old), Some(new)) => Ok((old.clone(), new.clone(), None)),
        (None, _, _) => Err(
            "give two content folders, `aftercare diff OLD NEW`, or a git revision to compare \
             with: `aftercare diff --git HEAD data/`"
                .into(),
        ),
        (Some(rev), old, new) => {
            // With --git, one folder at most: the working folder (default data/).
            let folder = match (old, new) {
                (Some(_), Some(_)) => {
                    return Err(
                        "with --git, give one folder: `aftercare diff --git REV data/`".into(),
                    );
                }
                (Some(f), None) | (None, Some(f)) => f.clone(),
                (None, None) => PathBuf::from("data"),
            };
            let scratch = extract(rev, &folder)?;
            Ok((scratch.0.clone(), folder, Some(scratch)))
        }
    }
}

/// A scratch folder, removed when dropped.
pub struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The `.toml` files of `folder` as committed at `rev`, written into a new scratch folder.
fn extract(rev: &str, folder: &Path) -> Result<Scratch, String> {
    let git = |args: &[&str]| -> Result<Vec<u8>, String> {
        let out = Command::new("git")
            .arg("-C")
            .arg(folder)
            .args(args)
            .output()
            .map_err(|e| format!("could not run git: {e}"))?;
        if !out.status.success() {
            let why = String::from_utf8_lossy(&out.stderr);
            return Err(format!(
                "git could not read '{}' at '{rev}': {}",
                folder.display(),
                why.trim()
            ));
        }
        Ok(out.stdout)
    };
    let listing = git(&["ls-tree", "-r", "--name-only", rev, "--", "."])?;
    // The folder's files and each translation's (`es/tree.toml`).
    let names: Vec<String> = String::from_utf8_lossy(&listing)
        .lines()
        .filter(|n| n.ends_with(".toml"))
        .filter(|n| match n.split_once('/') {
            None => true,
            Some((lang, rest)) => Lang::from_code(lang).is_some() && !rest.contains('/'),
        })
        .map(str::to_string)
        .collect();
    if names.is_empty() {
        return Err(format!(
            "'{}' has no .toml files at '{rev}'",
            folder.display()
        ));
    }
    let dir = std::env::temp_dir().join(format!(
        "aftercare-diff-{}-{}",
        std::process::id(),
        rev.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
    ));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let scratch = Scratch(dir);
    for name in names {
        let text = git(&["show", &format!("{rev}:./{name}")])?;
        let path = scratch.0.join(&name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(scratch)
}

/// Loads one version; on refused content prints its diagnostics, as `aftercare check` would.
fn load(path: &Path, name: &str) -> Option<Tree> {
    let checked = if path == Path::new(BUILT_IN) {
        content::check_embedded()
    } else {
        match content::check_path(path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("error: {e}");
                return None;
            }
        }
    };
    if checked.tree.is_none() {
        print_checked(&checked);
        eprintln!(
            "error: {name}: the content has errors; fix them (`aftercare check`) and diff again"
        );
    }
    checked.tree
}

/// A version's files as they are, the English and each translation's (`es/`), for what the
/// change did to the translation. Content that loaded has files that read; any that do not
/// are left out.
fn files(path: &Path) -> Files {
    let raw: Vec<(String, String)> = if path == Path::new(BUILT_IN) {
        content::EMBEDDED
            .iter()
            .map(|(n, t)| ((*n).to_string(), (*t).to_string()))
            .collect()
    } else {
        content::read_path(path)
            .unwrap_or_default()
            .into_iter()
            .map(|f| (f.name, String::from_utf8_lossy(&f.bytes).into_owned()))
            .collect()
    };
    let folder = if path == Path::new(BUILT_IN) {
        Path::new("data")
    } else {
        path
    };
    let mut out = Files::default();
    for (name, text) in raw {
        let file = File {
            name: name.clone(),
            text,
        };
        let inner = Path::new(&name).strip_prefix(folder).ok();
        let lang = inner
            .and_then(Path::parent)
            .and_then(Path::to_str)
            .and_then(Lang::from_code)
            .filter(|l| *l != Lang::En);
        match lang {
            None => out.english.push(file),
            Some(l) => match out.translations.iter_mut().find(|(c, _)| c == l.code()) {
                Some((_, files)) => files.push(file),
                None => out.translations.push((l.code().to_string(), vec![file])),
            },
        }
    }
    out
}
