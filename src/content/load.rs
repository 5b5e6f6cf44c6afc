//! Reading content from disk and turning bytes into a checked [`Tree`](super::Tree).
//!
//! `read_path` is the only function here that touches the file system: it enforces the size limit
//! from metadata before reading anything, so a huge or sparse file is refused without being read.
//! `check_files` is pure: bytes in, a tree and every diagnostic out.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::diag::{Diagnostic, Severity, SourceFile};
use super::fast;
use super::keys;
use super::schema::Document;
use super::tree::Tree;
use super::validate;
use crate::i18n::Lang;

/// The largest content file we read: far above any real tree, far below a memory problem.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// The most files a content folder may hold.
pub const MAX_FILES: usize = 256;
/// The record of the content's sign-offs (`aftercare sign`), kept beside the content and never
/// read as content.
pub const SIGNOFF_FILE: &str = "signoff.toml";

/// Content's translations, each with its language: the same tree in other words.
pub type Translations = Vec<(Lang, Tree)>;

/// Why a path could not be read at all (exit status 2 in `aftercare check`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: String,
    pub message: String,
    pub hint: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}\n  hint: {}", self.path, self.message, self.hint)
    }
}

impl std::error::Error for LoadError {}

/// A file's name and raw bytes, before decoding.
#[derive(Debug, Clone)]
pub struct RawFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The result of checking content: the files (for quoting), every diagnostic, and the tree if
/// there were no errors.
#[derive(Debug, Clone)]
pub struct Checked {
    pub files: Vec<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
    pub tree: Option<Tree>,
    /// The translations (`es/`) of the tree, each proven to have its structure; like the tree,
    /// none when anything has an error.
    pub translations: Vec<(Lang, Tree)>,
}

impl Checked {
    /// The diagnostics that refuse the content.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    /// The diagnostics that only advise.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    /// Every diagnostic as one line each, `file:line:col: severity: message`.
    pub fn lines(&self) -> Vec<String> {
        self.diagnostics
            .iter()
            .map(|d| d.one_line(&self.files))
            .collect()
    }
}

fn load_error(path: &Path, message: impl Into<String>, hint: impl Into<String>) -> LoadError {
    LoadError {
        path: path.display().to_string(),
        message: message.into(),
        hint: hint.into(),
    }
}

/// Reads a content file, or every `*.toml` file of a folder in name order (less the examples and
/// the sign-off record).
pub fn read_path(path: &Path) -> Result<Vec<RawFile>, LoadError> {
    let meta = fs::metadata(path).map_err(|e| io_error(path, &e))?;
    if meta.is_dir() {
        read_dir(path)
    } else {
        read_file(path, &meta).map(|f| vec![f])
    }
}

/// The `*.toml` files of a content folder, and then of each translation in it (`es/`), in name
/// order within each.
fn read_dir(path: &Path) -> Result<Vec<RawFile>, LoadError> {
    let mut paths = toml_files(path)?;
    if paths.is_empty() {
        return Err(load_error(
            path,
            "this folder has no .toml files",
            "point --content at a content file or a folder of .toml files, such as data/",
        ));
    }
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let folder = path.join(lang.code());
        if folder.is_dir() {
            paths.extend(toml_files(&folder)?);
        }
    }
    if paths.len() > MAX_FILES {
        return Err(load_error(
            path,
            format!("this folder has {} .toml files", paths.len()),
            format!("content is at most {MAX_FILES} files; keep only the content in this folder"),
        ));
    }
    paths
        .iter()
        .map(|p| {
            let meta = fs::metadata(p).map_err(|e| io_error(p, &e))?;
            read_file(p, &meta)
        })
        .collect()
}

/// The content files of one folder, in name order.
fn toml_files(path: &Path) -> Result<Vec<std::path::PathBuf>, LoadError> {
    let entries = fs::read_dir(path).map_err(|e| io_error(path, &e))?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        // `clinic.example.toml` and friends are documentation that lives beside the content.
        .filter(|p| !p.to_string_lossy().ends_with(".example.toml"))
        .filter(|p| p.file_name().is_none_or(|n| n != SIGNOFF_FILE))
        .collect();
    paths.sort();
    Ok(paths)
}

fn read_file(path: &Path, meta: &fs::Metadata) -> Result<RawFile, LoadError> {
    if !meta.is_file() {
        return Err(load_error(
            path,
            "this is not a regular file",
            "give the path of a .toml file or of a folder of them",
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(load_error(
            path,
            format!(
                "this file is {} bytes; content files are at most {} bytes (4 MiB)",
                meta.len(),
                MAX_FILE_BYTES
            ),
            "is this the right file? Split very large content into several files in one folder",
        ));
    }
    let file = fs::File::open(path).map_err(|e| io_error(path, &e))?;
    let mut bytes = Vec::new();
    // Read at most one byte past the limit, in case the file grew after we looked.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, &e))?;
    Ok(RawFile {
        name: path.display().to_string(),
        bytes,
    })
}

fn io_error(path: &Path, e: &std::io::Error) -> LoadError {
    use std::io::ErrorKind as K;
    let (message, hint) = match e.kind() {
        K::NotFound => (
            "no such file or folder".to_string(),
            "check the spelling of the path",
        ),
        K::PermissionDenied => (
            "permission denied".to_string(),
            "make the file readable by the user that runs aftercare",
        ),
        _ if e.raw_os_error() == Some(40) => (
            "too many levels of symbolic links (a link loop)".to_string(),
            "fix or remove the symbolic link",
        ),
        K::IsADirectory => (
            "this is a folder, not a file".to_string(),
            "give the folder itself as the content path",
        ),
        _ => (e.to_string(), "check that the path is a readable file"),
    };
    load_error(path, message, hint)
}

/// Decodes, parses and validates content files. Pure: no I/O.
///
/// A syntax error in one file does not hide the others' problems: the broken table is left out,
/// the rest of that file is parsed on, and every file is checked entry by entry (see
/// [`check_around_syntax_errors`]). Files in a translation's folder (`es/tree.toml` beside
/// `tree.toml`) are checked as that language's content, with the original's files they do not
/// replace, and against the original (see [`validate::parity`]).
pub fn check_files(raw: Vec<RawFile>) -> Checked {
    let langs = languages(&raw);
    let mut files = Vec::with_capacity(raw.len());
    let mut docs = Vec::with_capacity(raw.len());
    let mut diagnostics = Vec::new();
    let mut cut = Vec::new();
    // Large content in several files is parsed on two threads.
    let size: usize = raw.iter().map(|f| f.bytes.len()).sum();
    let threads = if raw.len() < 2 {
        1
    } else {
        validate::threads_for(size, PARALLEL_FROM)
    };
    for (file, doc, mut diags, mut ids) in parse_all(raw, threads) {
        files.push(file);
        docs.push(doc);
        diagnostics.append(&mut diags);
        cut.append(&mut ids);
    }
    let parsed: Option<Vec<(usize, Document)>> = docs
        .into_iter()
        .enumerate()
        .map(|(i, d)| d.map(|d| (i, d)))
        .collect();
    let mut translations = Vec::new();
    let tree = match parsed {
        Some(parsed) if diagnostics.is_empty() => {
            let en = content_of(&parsed, &langs, &files, Lang::En);
            let (tree, mut diags) = validate::validate(&en, &files, Lang::En);
            for lang in Lang::ALL
                .into_iter()
                .filter(|l| *l != Lang::En && langs.contains(l))
            {
                let tr = content_of(&parsed, &langs, &files, lang);
                let (t, own) = validate::validate(&tr, &files, lang);
                // A file both share (sources.toml) is reported once, by the original's check.
                let mut own: Vec<_> = own.into_iter().filter(|d| !diags.contains(d)).collect();
                own.extend(validate::parity(&en, &tr, &files, lang));
                diagnostics.append(&mut own);
                translations.extend(t.map(|t| (lang, t)));
            }
            diagnostics.append(&mut diags);
            diagnostics.sort_by_key(|d| (d.file, d.span.start));
            tree
        }
        Some(parsed) => {
            for d in &mut diagnostics {
                let hint = d.hint.take().unwrap_or_default();
                let stop = if hint.ends_with(['.', '?']) { "" } else { "." };
                d.hint = Some(format!(
                    "{hint}{stop} The checks of the whole tree (every path, red flags first) run once \
                     every file parses"
                ));
            }
            let mut diags = check_around_syntax_errors(&parsed, &langs, &files, &cut);
            diagnostics.append(&mut diags);
            diagnostics.sort_by_key(|d| (d.file, d.span.start));
            None
        }
        // A file that could not be read as text at all: its ids are unknown, so every check
        // across files would mislead.
        None => None,
    };
    let ok = !diagnostics.iter().any(|d| d.severity == Severity::Error);
    Checked {
        files,
        diagnostics,
        tree: tree.filter(|_| ok),
        translations: if ok { translations } else { Vec::new() },
    }
}

/// The language of each file: a file in a folder named for a language (`es/`) inside the
/// content's own folder (the shallowest of the files' folders) is that language's; every other
/// file is the original's (English).
fn languages(raw: &[RawFile]) -> Vec<Lang> {
    let Some(base) = raw
        .iter()
        .map(|f| Path::new(&f.name).parent().unwrap_or(Path::new("")))
        .min_by_key(|p| p.components().count())
    else {
        return Vec::new();
    };
    raw.iter()
        .map(|f| {
            let folder = Path::new(&f.name).parent();
            Lang::ALL
                .into_iter()
                .filter(|l| *l != Lang::En)
                .find(|l| folder == Some(&base.join(l.code())))
                .unwrap_or(Lang::En)
        })
        .collect()
}

/// The documents of the content in `lang`: its own files, and the original's files it does not
/// replace (a translation shares `sources.toml` and `hazards.toml`), in the order of their names
/// so that the two read side by side.
fn content_of<'a>(
    parsed: &'a [(usize, Document)],
    langs: &[Lang],
    files: &[SourceFile],
    lang: Lang,
) -> Vec<(usize, &'a Document)> {
    let file_name = |i: usize| {
        Path::new(&files[i].name)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let own: Vec<String> = parsed
        .iter()
        .filter(|(i, _)| langs[*i] == lang)
        .map(|(i, _)| file_name(*i))
        .collect();
    let mut out: Vec<(usize, &Document)> = parsed
        .iter()
        .filter(|(i, _)| {
            langs[*i] == lang || (langs[*i] == Lang::En && !own.contains(&file_name(*i)))
        })
        .map(|(i, d)| (*i, d))
        .collect();
    if lang != Lang::En {
        out.sort_by_key(|(i, _)| file_name(*i));
    }
    out
}

/// Below this much TOML a second thread costs more than it saves.
const PARALLEL_FROM: usize = 256 * 1024;

/// The problems that can be told while some tables did not parse (their ids are in `cut`):
/// every entry's own checks, and `[meta]`'s. The checks of the whole tree (reachability, red
/// flags first, loops) wait until every file parses, since a missing table would make them
/// report paths that are not really broken; so does anything that names a table left out.
fn check_around_syntax_errors(
    parsed: &[(usize, Document)],
    langs: &[Lang],
    files: &[SourceFile],
    cut: &[String],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        // Each language's own files only: a file two languages share is checked once.
        let own: Vec<(usize, &Document)> = parsed
            .iter()
            .filter(|(i, _)| langs[*i] == lang)
            .map(|(i, d)| (*i, d))
            .collect();
        if !own.is_empty() {
            out.extend(validate::validate_entries(&own, files, lang));
        }
    }
    out.retain(|d| !cut.iter().any(|id| d.message.contains(&format!("'{id}'"))));
    out
}

/// Parsed files, in their order, on `threads` threads (1 or 2: the parser is most of the time
/// of a big load).
fn parse_all(raw: Vec<RawFile>, threads: usize) -> Vec<Parsed> {
    let numbered: Vec<(usize, RawFile)> = raw.into_iter().enumerate().collect();
    if threads < 2 {
        return numbered.into_iter().map(|(i, f)| parse_one(i, f)).collect();
    }
    // Two halves of about equal size: the second parsed on its own thread.
    let total: usize = numbered.iter().map(|(_, f)| f.bytes.len()).sum();
    let mut first = numbered;
    let mut seen = 0;
    let split = first
        .iter()
        .position(|(_, f)| {
            seen += f.bytes.len();
            seen * 2 >= total
        })
        .map_or(first.len(), |p| p + 1)
        .min(first.len() - 1)
        .max(1);
    let second = first.split_off(split);
    std::thread::scope(|scope| {
        let other = scope.spawn(crate::i18n::speaking(move || {
            second
                .into_iter()
                .map(|(i, f)| parse_one(i, f))
                .collect::<Vec<_>>()
        }));
        let mut out: Vec<_> = first.into_iter().map(|(i, f)| parse_one(i, f)).collect();
        match other.join() {
            Ok(rest) => out.extend(rest),
            // A panic in the parser is a bug; keep it a panic, as it would be on one thread.
            Err(e) => std::panic::resume_unwind(e),
        }
        out
    })
}

/// One file parsed: its text, the document (without any table that did not parse), every
/// parse diagnostic, and the ids of the tables left out.
type Parsed = (SourceFile, Option<Document>, Vec<Diagnostic>, Vec<String>);

fn parse_one(i: usize, f: RawFile) -> Parsed {
    let RawFile { name, bytes } = f;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let file = SourceFile {
            name,
            text: String::new(),
        };
        let d = Diagnostic::error(i, 0..0, "this file is larger than 4 MiB")
            .with_hint("split very large content into several files in one folder");
        return (file, None, vec![d], Vec::new());
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let d = Diagnostic::error(i, at..at + 1, "this file is not valid UTF-8").with_hint(
                "save the file as UTF-8 (most editors offer it under 'Save with encoding')",
            );
            return (SourceFile { name, text }, None, vec![d], Vec::new());
        }
    };
    // A byte-order mark is harmless; drop it, and keep spans right by blanking it in place.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    let file = SourceFile { name, text };
    // Most files are right: the quick parse reads them. Anything it does not take is parsed
    // again by `toml`, whose messages and recovery are the ones a person sees.
    if let Some(doc) = fast::parse(&file.text) {
        return (file, Some(doc), Vec::new(), Vec::new());
    }
    let (doc, diags, cut) = parse_recovering(i, &file.name, &file.text);
    (file, doc, diags, cut)
}

/// The contract between the quick parse and the full one, for tests and the content fuzzer:
/// where the quick parse gives a document, `toml` and serde must give the same one, every value
/// and every span. `Ok(true)` when the quick parse took the file, `Ok(false)` when it left it to
/// `toml`, `Err` saying how they differ.
#[doc(hidden)]
pub fn parse_paths_agree(text: &str) -> Result<bool, String> {
    let Some(quick) = fast::parse(text) else {
        return Ok(false);
    };
    let full = toml::from_str::<Document>(text)
        .map_err(|e| format!("the quick parse took a file toml refuses: {}", e.message()))?
        .in_file_order();
    // The compact Debug form first: the same values and spans as the pretty one, for a third of
    // the work (the content fuzzer calls this on every input); the pretty one only to show where
    // two parses differ.
    if format!("{quick:?}") == format!("{full:?}") {
        return Ok(true);
    }
    let (quick, full) = (format!("{quick:#?}"), format!("{full:#?}"));
    match quick.lines().zip(full.lines()).position(|(a, b)| a != b) {
        None if quick == full => Ok(true),
        at => {
            let at = at.unwrap_or(quick.lines().count().min(full.lines().count()));
            let window = |s: &str| {
                s.lines()
                    .skip(at.saturating_sub(6))
                    .take(8)
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            Err(format!(
                "the two parses differ at line {at} of their Debug form:\nquick:\n{}\nfull:\n{}",
                window(&quick),
                window(&full)
            ))
        }
    }
}

/// The most syntax errors reported for one file; past that, the file needs a closer look anyway.
const MAX_SYNTAX_ERRORS: usize = 10;
/// The most unknown keys reported for one file (each costs a parse of the file).
const MAX_UNKNOWN_KEYS: usize = 50;

/// The top-level keys of a clinic config: a file that starts with one is not content.
const CONFIG_KEYS: [&str; 5] = ["clinic", "kiosk", "theme", "content", "reduced_motion"];

/// Parses a file; after an error, blanks the table it is in (spaces, so every span stays where
/// it was) and parses again, so that one slip does not hide the rest of the file. An unknown key
/// is blanked alone (its `key = value`), so every unknown key of a table is reported, and the
/// table's other checks still run. Returns the document of what parsed (`None` if nothing could
/// be saved), the errors, and the ids of the tables left out.
fn parse_recovering(
    i: usize,
    name: &str,
    text: &str,
) -> (Option<Document>, Vec<Diagnostic>, Vec<String>) {
    // Copied only once there is a table to blank: a file that parses costs no copy.
    let mut text = std::borrow::Cow::Borrowed(text);
    let mut diags = Vec::new();
    let mut cut = Vec::new();
    // The keys suggested for unknown keys, where each was: a "missing field" for one of them in
    // the same table is the typo's echo, not news.
    let mut suggested: Vec<(usize, String)> = Vec::new();
    let (mut syntax_errors, mut unknown_keys) = (0, 0);
    while syntax_errors < MAX_SYNTAX_ERRORS && unknown_keys < MAX_UNKNOWN_KEYS {
        let e = match toml::from_str::<Document>(&text) {
            Ok(doc) => return (Some(doc.in_file_order()), diags, cut),
            Err(e) => e,
        };
        let message = e.message().trim().to_string();
        let mut span = offending_token(&text, e.span().unwrap_or(0..0), &message);
        if let Some(u) = keys::unknown_key(&text, &e) {
            if u.path.is_empty() && CONFIG_KEYS.contains(&u.key.as_str()) {
                diags.push(looks_like_config(i, name, u.span));
                return (None, diags, cut);
            }
            unknown_keys += 1;
            diags.push(
                Diagnostic::error(
                    i,
                    u.span.clone(),
                    format!("unknown key '{}' {}", u.key, keys::place(&u.path)),
                )
                .with_hint(u.hint("docs/content-format.md lists every key")),
            );
            if let Some(s) = &u.suggestion {
                suggested.push((u.span.start, s.clone()));
            }
            if let Some(extent) = u.extent {
                keys::blank(text.to_mut(), extent);
                continue;
            }
            // A `[table]` header: only its whole table can go.
            span = u.span;
        } else {
            let section = table_around(&text, span.start);
            let echo = missing_field(&message).is_some_and(|f| {
                suggested
                    .iter()
                    .any(|(at, s)| *s == f && section.contains(at))
            });
            if !echo {
                syntax_errors += 1;
                diags.push(
                    Diagnostic::error(i, span.clone(), message.clone())
                        .with_hint(parse_hint(&message)),
                );
            }
        }
        let section = table_around(&text, span.start);
        if text[section.clone()].trim().is_empty() {
            break;
        }
        cut.extend(table_id(&text[section.clone()]));
        keys::blank(text.to_mut(), section);
    }
    (None, diags, cut)
}

/// `missing field `level``: the field.
fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

/// A clinic config given as content (`aftercare check clinic.toml`).
fn looks_like_config(i: usize, name: &str, span: std::ops::Range<usize>) -> Diagnostic {
    Diagnostic::error(
        i,
        span,
        "this looks like a clinic config, not content: content has [meta], [question.…] and \
         [outcome.…] tables",
    )
    .with_hint(format!(
        "give a clinic config with --config: `aftercare check --config {name}`, or \
         `aftercare --config {name}` to run with it"
    ))
}

/// The table (from its `[header]` line to the next header) that holds byte `at`.
fn table_around(text: &str, at: usize) -> std::ops::Range<usize> {
    let at = at.min(text.len());
    let (mut start, mut offset) = (0, 0);
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            if offset > at {
                return start..offset;
            }
            start = offset;
        }
        offset += line.len();
    }
    start..text.len()
}

/// The id a table header names: `[question.sore_day]` → `sore_day`, `[meta]` → `meta`.
fn table_id(section: &str) -> Option<String> {
    let header = section.trim_start().lines().next()?.trim();
    let inner = header.strip_prefix('[')?.trim_start_matches('[');
    let inner = inner.split(']').next().unwrap_or(inner);
    let id = inner.rsplit('.').next()?.trim().trim_matches(['"', '\'']);
    (!id.is_empty()).then(|| id.to_string())
}

/// Where a syntax error really is. The parser often reports the place where it gave up: the
/// end of a line ("expected `]`", "expected `\"`"), or the start of the next one. Point at the
/// token that was left open instead: the unclosed string, table header or inline table, or else
/// the last word before that place.
fn offending_token(
    text: &str,
    span: std::ops::Range<usize>,
    message: &str,
) -> std::ops::Range<usize> {
    let start = span.start.min(text.len());
    let end = span.end.clamp(start, text.len());
    if text.get(start..end).is_some_and(|s| !s.trim().is_empty()) {
        return start..end;
    }
    let Some(before) = text.get(..start) else {
        return span;
    };
    let tok_end = before.trim_end().len();
    if tok_end == 0 {
        return span;
    }
    if message.contains("multi-line")
        && let Some(open) = before.rfind("\"\"\"").or_else(|| before.rfind("'''"))
    {
        return open..open + 3;
    }
    let line_start = before[..tok_end].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..tok_end];
    let opener = if message.contains("string") {
        line.find(['"', '\''])
    } else if message.contains("unclosed table") {
        line.find('[')
    } else if message.contains("key-value pairs") {
        line.rfind('{')
    } else if message.contains("array") {
        line.rfind('[')
    } else {
        None
    };
    let tok_start = opener.unwrap_or_else(|| line.rfind(char::is_whitespace).map_or(0, |i| i + 1));
    line_start + tok_start..tok_end
}

fn parse_hint(message: &str) -> &'static str {
    if message.contains("unknown field") {
        "check the spelling of the key; docs/content-format.md lists every key"
    } else if message.contains("duplicate key") {
        "each id may be used once; rename one of them"
    } else if message.contains("missing field") {
        "add the missing key; docs/content-format.md lists the required ones"
    } else {
        "this is not valid TOML here; docs/content-format.md shows how each table is written"
    }
}

/// The welcome screen of the content at `path`: its `[meta]` alone, read without checking the
/// rest, so a kiosk can draw its first frame while [`check_path`] runs. `None` when it cannot be
/// read quickly (then the caller checks first, as before). Never answer from this tree: it holds
/// no questions, and the content is not checked yet.
pub fn welcome_from_path(path: &Path) -> Option<Tree> {
    let files = read_path(path).ok()?;
    files.iter().find_map(|f| {
        // Most files have no `[meta]`: look for it before anything else.
        f.bytes.windows(6).position(|w| w == b"[meta]")?;
        let text = std::str::from_utf8(&f.bytes).ok()?;
        let meta = fast::meta_only(text)?;
        Some(Tree::welcome(super::tree::Meta {
            title: meta.title.into_inner(),
            version: meta.version.into_inner(),
            intro: meta.intro.map(|i| i.into_inner().replace("\r\n", "\n")),
            clinician_review: None,
            start: 0,
            another: 0,
        }))
    })
}

/// Reads and checks content from a path.
pub fn check_path(path: &Path) -> Result<Checked, LoadError> {
    read_path(path).map(check_files)
}
