//! Reading content from disk and turning bytes into a checked [`Tree`](super::Tree).
//!
//! `read_path` is the only function here that touches the file system: it enforces the size limit
//! from metadata before reading anything, so a huge or sparse file is refused without being read.
//! `check_files` is pure: bytes in, a tree and every diagnostic out.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::diag::{Diagnostic, Severity, SourceFile};
use super::schema::Document;
use super::tree::Tree;
use super::validate;

/// The largest content file we read: far above any real tree, far below a memory problem.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// The most files a content folder may hold.
pub const MAX_FILES: usize = 256;

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

/// Reads a content file, or every `*.toml` file of a folder in name order.
pub fn read_path(path: &Path) -> Result<Vec<RawFile>, LoadError> {
    let meta = fs::metadata(path).map_err(|e| io_error(path, &e))?;
    if meta.is_dir() {
        read_dir(path)
    } else {
        read_file(path, &meta).map(|f| vec![f])
    }
}

fn read_dir(path: &Path) -> Result<Vec<RawFile>, LoadError> {
    let entries = fs::read_dir(path).map_err(|e| io_error(path, &e))?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        // `clinic.example.toml` and friends are documentation that lives beside the content.
        .filter(|p| !p.to_string_lossy().ends_with(".example.toml"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(load_error(
            path,
            "this folder has no .toml files",
            "point --content at a content file or a folder of .toml files, such as data/",
        ));
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
pub fn check_files(raw: Vec<RawFile>) -> Checked {
    let mut files = Vec::with_capacity(raw.len());
    let mut docs = Vec::with_capacity(raw.len());
    let mut diagnostics = Vec::new();
    for (file, doc, mut diags) in parse_all(raw) {
        files.push(file);
        docs.push(doc);
        diagnostics.append(&mut diags);
    }
    let tree = if diagnostics.is_empty() {
        let parsed: Vec<(usize, Document)> = docs
            .into_iter()
            .enumerate()
            .filter_map(|(i, d)| d.map(|d| (i, d)))
            .collect();
        let (tree, mut diags) = validate::validate(&parsed, &files);
        diagnostics.append(&mut diags);
        tree
    } else {
        None
    };
    let tree = tree.filter(|_| !diagnostics.iter().any(|d| d.severity == Severity::Error));
    Checked {
        files,
        diagnostics,
        tree,
    }
}

/// Parsed files, in their order. Large content in several files is parsed on two threads (the
/// parser is most of the time of a big load); anything small, or a browser, on this one.
fn parse_all(raw: Vec<RawFile>) -> Vec<(SourceFile, Option<Document>, Vec<Diagnostic>)> {
    /// Below this much TOML a second thread costs more than it saves.
    const PARALLEL_FROM: usize = 256 * 1024;
    let total: usize = raw.iter().map(|f| f.bytes.len()).sum();
    let threads = if cfg!(target_arch = "wasm32") || raw.len() < 2 || total < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(2))
    };
    let numbered: Vec<(usize, RawFile)> = raw.into_iter().enumerate().collect();
    if threads < 2 {
        return numbered.into_iter().map(|(i, f)| parse_one(i, f)).collect();
    }
    // Two halves of about equal size: the second parsed on its own thread.
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
        let other = scope.spawn(move || {
            second
                .into_iter()
                .map(|(i, f)| parse_one(i, f))
                .collect::<Vec<_>>()
        });
        let mut out: Vec<_> = first.into_iter().map(|(i, f)| parse_one(i, f)).collect();
        match other.join() {
            Ok(rest) => out.extend(rest),
            // A panic in the parser is a bug; keep it a panic, as it would be on one thread.
            Err(e) => std::panic::resume_unwind(e),
        }
        out
    })
}

fn parse_one(i: usize, f: RawFile) -> (SourceFile, Option<Document>, Vec<Diagnostic>) {
    let RawFile { name, bytes } = f;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let file = SourceFile {
            name,
            text: String::new(),
        };
        let d = Diagnostic::error(i, 0..0, "this file is larger than 4 MiB")
            .with_hint("split very large content into several files in one folder");
        return (file, None, vec![d]);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let d = Diagnostic::error(i, at..at + 1, "this file is not valid UTF-8").with_hint(
                "save the file as UTF-8 (most editors offer it under 'Save with encoding')",
            );
            return (SourceFile { name, text }, None, vec![d]);
        }
    };
    // A byte-order mark is harmless; drop it, and keep spans right by blanking it in place.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    let file = SourceFile { name, text };
    match toml::from_str::<Document>(&file.text) {
        Ok(doc) => (file, Some(doc), Vec::new()),
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim().to_string();
            let hint = parse_hint(&message);
            let d = Diagnostic::error(i, span, message).with_hint(hint);
            (file, None, vec![d])
        }
    }
}

fn parse_hint(message: &str) -> &'static str {
    if message.contains("unknown field") {
        "check the spelling of the key; docs/content-format.md lists every key"
    } else if message.contains("duplicate key") {
        "each id may be used once; rename one of them"
    } else if message.contains("missing field") {
        "add the missing key; docs/content-format.md lists the required ones"
    } else {
        "this is not valid TOML here; compare with data/tree.toml"
    }
}

/// The content compiled into the binary from `data/`.
pub const EMBEDDED: [(&str, &str); 4] = [
    ("data/flags.toml", include_str!("../../data/flags.toml")),
    ("data/sources.toml", include_str!("../../data/sources.toml")),
    ("data/topics.toml", include_str!("../../data/topics.toml")),
    ("data/tree.toml", include_str!("../../data/tree.toml")),
];

/// Checks the embedded default content.
pub fn check_embedded() -> Checked {
    check_files(
        EMBEDDED
            .iter()
            .map(|(name, text)| RawFile {
                name: (*name).to_string(),
                bytes: text.as_bytes().to_vec(),
            })
            .collect(),
    )
}

/// Reads and checks content from a path.
pub fn check_path(path: &Path) -> Result<Checked, LoadError> {
    read_path(path).map(check_files)
}
