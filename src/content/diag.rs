//! Diagnostics: what is wrong with a content or config file, where, and what to do about it.
//!
//! A diagnostic points at a byte span of one file; line and column are computed from the file's
//! text so every message can say `file:line:col`. Rendering with source snippets lives in the
//! CLI (`report.rs`); this module stays pure.

use std::ops::Range;

/// Errors refuse the content; warnings are shown and only fail with `--deny-warnings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One file as read, kept so diagnostics can quote its lines.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it (or `data/tree.toml` for the embedded default).
    pub name: String,
    /// The text; invalid UTF-8 was replaced so the surrounding lines can still be shown.
    pub text: String,
}

impl SourceFile {
    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A problem found while parsing or validating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Index into the list of files that were checked.
    pub file: usize,
    /// Byte span in that file.
    pub span: Range<usize>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at a span.
    pub fn error(file: usize, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file,
            span,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning at a span.
    pub fn warning(file: usize, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, span, message)
        }
    }

    /// Adds the "what to do" line.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// One line, `file:line:col: error: message (hint)`, for logs, tests and plain output.
    pub fn one_line(&self, files: &[SourceFile]) -> String {
        let (name, line, col) = match files.get(self.file) {
            Some(f) => {
                let (l, c) = f.line_col(self.span.start);
                (f.name.as_str(), l, c)
            }
            None => ("?", 0, 0),
        };
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.hint {
            Some(h) => format!("{name}:{line}:{col}: {sev}: {} (hint: {h})", self.message),
            None => format!("{name}:{line}:{col}: {sev}: {}", self.message),
        }
    }
}

/// Suggests the closest known id for a misspelt one ("did you mean …").
pub fn did_you_mean<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(wrong, k), k))
        .filter(|(score, _)| *score > 0.85)
        // Of equally near ones, the first in alphabetical order: the ids often come from a hash
        // map, whose order changes from run to run, and the hint must not.
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_lines_and_characters() {
        let f = SourceFile {
            name: "x.toml".into(),
            text: "a = 1\nbé = 2\n".into(),
        };
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(6), (2, 1));
        // 'é' is two bytes but one column.
        assert_eq!(f.line_col(9), (2, 3));
    }

    #[test]
    fn suggests_near_misses_only() {
        let known = ["dizzy_out", "sore_day5", "emergency_breathing"];
        assert_eq!(did_you_mean("dizy_out", known), Some("dizzy_out"));
        assert_eq!(did_you_mean("zzz", known), None);
    }

    #[test]
    fn of_equally_near_ids_suggests_the_same_one_whatever_their_order() {
        assert_eq!(did_you_mean("ab", ["abd", "abc"]), Some("abc"));
        assert_eq!(did_you_mean("ab", ["abc", "abd"]), Some("abc"));
    }
}
