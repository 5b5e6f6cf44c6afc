//! Sign-off as data: which content a clinician approved, kept beside it in `signoff.toml`.
//!
//! A record holds the SHA-256 of the content files (names within the content folder, `tree.toml`
//! or `es/tree.toml`, and bytes, in name order, so an edit, a new file, a removed one, a rename or
//! a move into or out of a translation folder all change it), the hash of the hazard log written from
//! that content, who signed, their role, the date and a note. Records are only ever appended
//! (`[[signoff]]`, newest last); the content is signed off when its hash is the last record's.
//!
//! This module is pure apart from [`read`]: it never reads a clock (the date comes from the
//! command line) and knows no terminal. The kiosk (`reload`, `main.rs`), `aftercare check` and the
//! browser page all ask [`status`] the same question about the same bytes.

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use sha2::{Digest, Sha256};
use toml::Spanned;

use crate::content::load::SIGNOFF_FILE;
use crate::content::validate::is_forbidden;
use crate::content::{Diagnostic, RawFile, SourceFile};
use crate::i18n::{Msg, t, t_args};

/// The sign-off file's name in a content folder (never read as content).
pub const FILE: &str = SIGNOFF_FILE;

/// What the content hash starts with: the algorithm, so a later one can be told apart.
const PREFIX: &str = "sha256:";

/// One approval of one version of the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// [`content_hash`] of the files signed.
    pub content: String,
    /// [`text_hash`] of the hazard log (`aftercare export --format hazards`) of those files.
    pub hazard_log: String,
    /// Who signed (a name as they write it).
    pub by: String,
    /// Their role (a clinical safety officer, the clinic's lead therapist…).
    pub role: Option<String>,
    /// The day they signed, `YYYY-MM-DD` (UTC).
    pub date: String,
    /// Anything they want kept with it (what was reviewed, a ticket).
    pub note: Option<String>,
}

/// Where content stands against its sign-off file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// No sign-off file, or one with no records.
    Unsigned,
    /// The content is exactly what the last record signed.
    Signed(Record),
    /// The content changed since the last record.
    Changed(Record),
    /// The content is one file, not a folder: there is no folder for a sign-off to sit in.
    OneFile,
}

impl Status {
    /// Whether a kiosk that requires sign-off may run this content.
    pub fn is_signed(&self) -> bool {
        matches!(self, Status::Signed(_))
    }

    /// The one line that says where the content stands, as `aftercare check` and the kiosk log
    /// say it.
    pub fn line(&self) -> String {
        match self {
            Status::Unsigned => t("signoff-never").to_string(),
            Status::OneFile => t("signoff-one-file").to_string(),
            Status::Signed(r) => {
                signed_line(r, Msg("signoff-signed"), Msg("signoff-signed-role"), &[])
            }
            Status::Changed(r) => t_args(
                "signoff-changed",
                &[("date", r.date.clone().into()), ("by", r.by.clone().into())],
            ),
        }
    }

    /// The same for the kiosk log and the page's staff notice: the date, never a name (a log
    /// holds no personal data).
    pub fn log_line(&self) -> String {
        match self {
            Status::Unsigned => t("signoff-log-never").to_string(),
            Status::OneFile => t("signoff-log-one-file").to_string(),
            Status::Signed(r) => t_args("signoff-log-signed", &[("date", r.date.clone().into())]),
            Status::Changed(r) => t_args("signoff-log-changed", &[("date", r.date.clone().into())]),
        }
    }
}

/// "signed off on DATE by NAME (ROLE)" from the message `plain` (no role) or `with_role`, with
/// any more arguments (`path`).
pub fn signed_line(
    r: &Record,
    plain: Msg,
    with_role: Msg,
    more: &[(&'static str, String)],
) -> String {
    let mut args: Vec<(&str, crate::i18n::Arg)> =
        vec![("date", r.date.clone().into()), ("by", r.by.clone().into())];
    args.extend(more.iter().map(|(k, v)| (*k, v.clone().into())));
    match &r.role {
        Some(role) => {
            args.push(("role", role.clone().into()));
            t_args(with_role.0, &args)
        }
        None => t_args(plain.0, &args),
    }
}

/// The last record's verdict on content whose hash is `hash`.
pub fn status(records: &[Record], hash: &str) -> Status {
    match records.last() {
        None => Status::Unsigned,
        Some(r) if r.content == hash => Status::Signed(r.clone()),
        Some(r) => Status::Changed(r.clone()),
    }
}

/// The last record's verdict on `files`: [`status`] of their [`content_hash`], or signed when
/// the last record holds their [`legacy_hash`] (a bilingual folder signed before the hash named
/// translation files by their folder: still valid, so a kiosk does not stop at an upgrade; any
/// edit, and any new sign-off, leaves that hash behind).
pub fn status_of_hashes(records: &[Record], files: &[RawFile]) -> Status {
    match status(records, &content_hash(files)) {
        Status::Changed(r) if r.content == legacy_hash(files) => Status::Signed(r),
        other => other,
    }
}

/// The file's own name: what a content file is called inside its folder, wherever the folder is.
fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// The folder part of a file's name (`""` for a bare name).
fn folder_of(name: &str) -> &str {
    name.rfind(['/', '\\']).map_or("", |at| &name[..at])
}

/// Each file's name within the content folder: `tree.toml` for the folder's own files and
/// `es/tree.toml` for a translation's, wherever the folder is. The content folder is the folder
/// of the files nearest the root (a translation folder is one below it).
fn relative_names(files: &[RawFile]) -> Vec<String> {
    let depth = |f: &&RawFile| match folder_of(&f.name) {
        "" => 0,
        folder => folder.matches(['/', '\\']).count() + 1,
    };
    let root = files
        .iter()
        .min_by_key(depth)
        .map_or("", |f| folder_of(&f.name));
    files
        .iter()
        .map(|f| {
            let name = f.name.as_str();
            let inside = if root.is_empty() {
                Some(name)
            } else {
                name.strip_prefix(root)
                    .and_then(|rest| rest.strip_prefix(['/', '\\']))
            };
            match inside {
                Some(rest) => rest.replace('\\', "/"),
                None => base_name(name).to_string(),
            }
        })
        .collect()
}

/// The SHA-256 of content files: each file's name within the content folder (`tree.toml`,
/// `es/tree.toml`) and its bytes, length-prefixed, in name order. Where the folder is does not
/// count; what each file is called, and which folder in it it is in, does. For content with no
/// translation folder this is the hash signed before translations came (the same names).
pub fn content_hash(files: &[RawFile]) -> String {
    let names = relative_names(files);
    let named: Vec<(&str, &[u8])> = names
        .iter()
        .zip(files)
        .map(|(n, f)| (n.as_str(), f.bytes.as_slice()))
        .collect();
    hash_named(named)
}

/// The hash records were signed with before translation folders counted: each file by its base
/// name only, so `es/extra.toml` moved to `extra.toml` kept it. Read, never written.
pub fn legacy_hash(files: &[RawFile]) -> String {
    hash_named(
        files
            .iter()
            .map(|f| (base_name(&f.name), f.bytes.as_slice()))
            .collect(),
    )
}

fn hash_named(mut named: Vec<(&str, &[u8])>) -> String {
    named.sort_by(|a, b| a.0.cmp(b.0));
    let mut h = Sha256::new();
    h.update(b"aftercare content v1\n");
    for (name, bytes) in named {
        h.update((name.len() as u64).to_le_bytes());
        h.update(name.as_bytes());
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    }
    hex(&h.finalize())
}

/// The SHA-256 of a text (the hazard log as exported).
pub fn text_hash(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::from(PREFIX);
    for b in bytes {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Reads `folder/signoff.toml`: `Ok(None)` when there is none.
pub fn read(folder: &Path) -> std::io::Result<Option<RawFile>> {
    let path = folder.join(FILE);
    match std::fs::read(&path) {
        Ok(bytes) => Ok(Some(RawFile {
            name: path.display().to_string(),
            bytes,
        })),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Where the content at `path` stands, `files` being its files as read: `Err` with the sign-off
/// file's problems when it cannot be read or is malformed.
pub fn status_of(path: &Path, files: &[RawFile]) -> Result<Status, Box<Checked>> {
    if !path.is_dir() {
        return Ok(Status::OneFile);
    }
    let raw = match read(path) {
        Ok(raw) => raw,
        Err(e) => {
            let file = SourceFile {
                name: path.join(FILE).display().to_string(),
                text: String::new(),
            };
            return Err(Box::new(Checked {
                file,
                diagnostics: vec![Diagnostic::error(0, 0..0, e.to_string())],
                records: None,
            }));
        }
    };
    status_of_files(files, raw)
}

/// Where content stands, from its files and its sign-off file (`None`: there is none). Pure: the
/// browser page asks it about the files it fetched.
pub fn status_of_files(
    files: &[RawFile],
    signoff: Option<RawFile>,
) -> Result<Status, Box<Checked>> {
    let Some(raw) = signoff else {
        return Ok(Status::Unsigned);
    };
    let checked = check(raw);
    match &checked.records {
        Some(records) => Ok(status_of_hashes(records, files)),
        None => Err(Box::new(checked)),
    }
}

/// For a kiosk that requires sign-off: `Ok` when the content may run, otherwise the lines that
/// say why (for the log, standard error or the page's staff notice; no names), each starting with
/// `place` (the content path) or the sign-off file's own `file:line:col`.
pub fn required(place: &str, found: Result<Status, Box<Checked>>) -> Result<Status, Vec<String>> {
    match found {
        Ok(s) if s.is_signed() => Ok(s),
        Ok(s) => Err(vec![format!("{place}: {}", s.log_line())]),
        Err(checked) => Err(checked.lines()),
    }
}

/// A sign-off file, checked: the file (for quoting), its problems, and the records when it has
/// none.
#[derive(Debug, Clone)]
pub struct Checked {
    pub file: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
    pub records: Option<Vec<Record>>,
}

impl Checked {
    /// Every problem as one line, `file:line:col: error: message (hint: …)`.
    pub fn lines(&self) -> Vec<String> {
        self.diagnostics
            .iter()
            .map(|d| d.one_line(std::slice::from_ref(&self.file)))
            .collect()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLog {
    #[serde(default)]
    signoff: Vec<RawRecord>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecord {
    content: Spanned<String>,
    hazard_log: Spanned<String>,
    by: Spanned<String>,
    role: Option<Spanned<String>>,
    date: Spanned<String>,
    note: Option<Spanned<String>>,
}

/// Parses and checks a sign-off file. Pure: bytes in, records or diagnostics out.
pub fn check(raw: RawFile) -> Checked {
    let file = SourceFile {
        text: String::from_utf8_lossy(&raw.bytes).into_owned(),
        name: raw.name,
    };
    let mut diagnostics = Vec::new();
    let records = match toml::from_str::<RawLog>(&file.text) {
        Ok(log) => {
            let records: Vec<Record> = log
                .signoff
                .into_iter()
                .map(|r| record(r, &mut diagnostics))
                .collect();
            Some(records)
        }
        Err(e) => {
            diagnostics.push(
                Diagnostic::error(0, e.span().unwrap_or(0..0), e.message().trim())
                    .with_hint(t("signoff-hint-format")),
            );
            None
        }
    };
    let records = records.filter(|_| diagnostics.is_empty());
    Checked {
        file,
        diagnostics,
        records,
    }
}

/// One record, its values checked.
fn record(r: RawRecord, diags: &mut Vec<Diagnostic>) -> Record {
    let hash = |s: &Spanned<String>, diags: &mut Vec<Diagnostic>| {
        let v = s.get_ref();
        let digits = v.strip_prefix(PREFIX).unwrap_or("");
        let ok = digits.len() == 64 && digits.bytes().all(|b| b.is_ascii_hexdigit());
        if !ok {
            diags.push(value_error(s.span(), Msg("signoff-bad-hash")));
        }
    };
    hash(&r.content, diags);
    hash(&r.hazard_log, diags);
    let date = r.date.get_ref();
    if !is_date(date) {
        diags.push(value_error(r.date.span(), Msg("signoff-bad-date")));
    }
    let texts = [Some(&r.by), r.role.as_ref(), r.note.as_ref()];
    for s in texts.into_iter().flatten() {
        if s.get_ref().chars().any(|c| is_forbidden(c, true)) {
            diags.push(value_error(s.span(), Msg("signoff-bad-text")));
        }
    }
    if r.by.get_ref().trim().is_empty() {
        diags.push(value_error(r.by.span(), Msg("signoff-no-name")));
    }
    Record {
        content: r.content.into_inner(),
        hazard_log: r.hazard_log.into_inner(),
        by: r.by.into_inner(),
        role: r.role.map(Spanned::into_inner),
        date: r.date.into_inner(),
        note: r.note.map(Spanned::into_inner),
    }
}

/// An error at a value, its words from the catalogue.
fn value_error(span: Range<usize>, message: Msg) -> Diagnostic {
    Diagnostic::error(0, span, message.text()).with_hint(t("signoff-hint-sign"))
}

/// `YYYY-MM-DD`, with a month and day that can be.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) {
        return false;
    }
    if !digits(5..7) || !digits(8..10) {
        return false;
    }
    let month: u8 = s[5..7].parse().unwrap_or(0);
    let day: u8 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Whether a name, role or note may be written into a record: no control characters (they would
/// reach the terminal of whoever runs `aftercare check`).
pub fn fit_text(s: &str) -> bool {
    !s.chars().any(|c| is_forbidden(c, true))
}

/// The record as a `[[signoff]]` table, to append to the file.
pub fn to_toml(r: &Record) -> String {
    let mut out = String::from("\n[[signoff]]\n");
    let mut line = |key: &str, v: &str| {
        out.push_str(&format!("{key} = \"{}\"\n", toml_escaped(v)));
    };
    line("content", &r.content);
    line("hazard_log", &r.hazard_log);
    line("by", &r.by);
    if let Some(role) = &r.role {
        line("role", role);
    }
    line("date", &r.date);
    if let Some(note) = &r.note {
        line("note", note);
    }
    out
}

/// A TOML basic string's insides.
fn toml_escaped(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(name: &str, text: &str) -> RawFile {
        RawFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn the_hash_counts_names_and_bytes_but_not_the_folder_or_order() {
        let a = [raw("data/a.toml", "x = 1\n"), raw("data/b.toml", "y = 2\n")];
        let moved = [
            raw("/srv/c/b.toml", "y = 2\n"),
            raw("/srv/c/a.toml", "x = 1\n"),
        ];
        assert_eq!(content_hash(&a), content_hash(&moved));
        let renamed = [raw("data/a.toml", "x = 1\n"), raw("data/c.toml", "y = 2\n")];
        assert_ne!(content_hash(&a), content_hash(&renamed));
        let edited = [raw("data/a.toml", "x = 1\n"), raw("data/b.toml", "y = 3\n")];
        assert_ne!(content_hash(&a), content_hash(&edited));
        // Bytes moved across the boundary of two files are another content.
        let shifted = [raw("data/a.toml", "x = 1\ny"), raw("data/b.toml", " = 2\n")];
        assert_ne!(content_hash(&a), content_hash(&shifted));
        assert!(content_hash(&a).starts_with("sha256:") && content_hash(&a).len() == 71);
    }

    #[test]
    fn content_without_a_translation_hashes_as_it_was_signed_before_translations() {
        // The value the first sign-off code gave (base names), pinned: such records stay valid.
        let a = [raw("data/a.toml", "x = 1\n"), raw("data/b.toml", "y = 2\n")];
        assert_eq!(
            content_hash(&a),
            "sha256:74f601859bfb1733f0cac7365b8e29c1ff10468cc693df845a528b00a625001f"
        );
        assert_eq!(content_hash(&a), legacy_hash(&a));
    }

    #[test]
    fn a_translation_file_is_named_by_its_folder_in_the_content() {
        let a = [
            raw("data/tree.toml", "x = 1\n"),
            raw("data/es/extra.toml", "y = 2\n"),
        ];
        let elsewhere = [
            raw("/srv/c/tree.toml", "x = 1\n"),
            raw("/srv/c/es/extra.toml", "y = 2\n"),
        ];
        assert_eq!(content_hash(&a), content_hash(&elsewhere));
        // Moved out of es/: the same bytes and base names, another content.
        let moved = [
            raw("data/tree.toml", "x = 1\n"),
            raw("data/extra.toml", "y = 2\n"),
        ];
        assert_ne!(content_hash(&a), content_hash(&moved));
        assert_eq!(
            legacy_hash(&a),
            legacy_hash(&moved),
            "what the old hash missed"
        );
        let page = [
            raw("content/tree.toml", "x = 1\n"),
            raw("content/es/extra.toml", "y = 2\n"),
        ];
        assert_eq!(content_hash(&a), content_hash(&page));
    }

    #[test]
    fn a_record_of_the_old_hash_still_signs_the_same_files_and_nothing_else() {
        let a = [
            raw("data/tree.toml", "x = 1\n"),
            raw("data/es/tree.toml", "y = 2\n"),
        ];
        assert_ne!(content_hash(&a), legacy_hash(&a));
        let record = |content: String| Record {
            content,
            hazard_log: text_hash("h"),
            by: "Dr Demo".into(),
            role: None,
            date: "2026-01-01".into(),
            note: None,
        };
        let old = [record(legacy_hash(&a))];
        assert!(status_of_hashes(&old, &a).is_signed());
        let edited = [
            raw("data/tree.toml", "x = 1\n"),
            raw("data/es/tree.toml", "y = 3\n"),
        ];
        assert!(!status_of_hashes(&old, &edited).is_signed());
        assert!(status_of_hashes(&[record(content_hash(&a))], &a).is_signed());
    }

    #[test]
    fn a_written_record_reads_back_and_the_last_one_decides() {
        let r = Record {
            content: text_hash("a"),
            hazard_log: text_hash("b"),
            by: "Dr \"Q\" Test\\Demo".into(),
            role: Some("CSO".into()),
            date: "2026-12-07".into(),
            note: Some("line one\nline two".into()),
        };
        let mut second = r.clone();
        second.content = text_hash("c");
        second.role = None;
        let text = format!("{}{}", to_toml(&r), to_toml(&second));
        let checked = check(raw("signoff.toml", &text));
        assert!(checked.diagnostics.is_empty(), "{:?}", checked.lines());
        let records = checked.records.unwrap();
        assert_eq!(records, vec![r.clone(), second.clone()]);
        assert_eq!(
            status(&records, &second.content),
            Status::Signed(second.clone())
        );
        assert_eq!(status(&records, &r.content), Status::Changed(second));
        assert_eq!(status(&[], &r.content), Status::Unsigned);
    }

    #[test]
    fn a_bad_value_points_at_its_line_and_column() {
        let text = "[[signoff]]\ncontent = \"sha256:12\"\nhazard_log = \"x\"\nby = \"A\"\ndate = \"2026-13-01\"\n";
        let checked = check(raw("d/signoff.toml", text));
        let lines = checked.lines();
        assert!(checked.records.is_none());
        assert!(
            lines[0].starts_with("d/signoff.toml:2:11: error:"),
            "{lines:?}"
        );
        assert!(
            lines[1].starts_with("d/signoff.toml:3:14: error:"),
            "{lines:?}"
        );
        assert!(
            lines[2].starts_with("d/signoff.toml:5:8: error:"),
            "{lines:?}"
        );
        let unknown = check(raw("s.toml", "[[signoff]]\nwho = \"A\"\n"));
        assert!(
            unknown.lines()[0].starts_with("s.toml:2:1: error:"),
            "{:?}",
            unknown.lines()
        );
    }
}
