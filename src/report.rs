//! Printing diagnostics the way rustc and miette do: `file:line:col`, the source line with the
//! span underlined, and the hint. Only the CLI uses this; the content module stays pure.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

use crate::content::validate::is_forbidden;
use crate::content::{Diagnostic, Severity, SourceFile};

struct Shown<'a> {
    diag: &'a Diagnostic,
    source: NamedSource<String>,
    headline: String,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diag
            .hint
            .as_ref()
            .map(|h| Box::new(h.clone()) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = &self.diag.span;
        let len = span.end.saturating_sub(span.start).max(1);
        let text_len = self.source.inner().len();
        let start = span.start.min(text_len);
        let len = len
            .min(text_len.saturating_sub(start))
            .max(usize::from(text_len > start));
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some("here".into()),
            SourceSpan::new(start.into(), len),
        ))))
    }
}

/// The file's text as it may be quoted to a terminal: each control character (ESC, CSI, BEL…;
/// not a line end or tab) and bidirectional override becomes `?`, one for each of its bytes, so
/// the spans still point where they did and nothing in a file can drive the terminal it is
/// checked on.
fn quotable(text: &str) -> String {
    let bad = |c: char| !matches!(c, '\n' | '\r' | '\t') && is_forbidden(c, false);
    if !text.chars().any(bad) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if bad(c) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

/// Renders every diagnostic with its source snippet; `color` follows the caller's terminal check.
pub fn render(files: &[SourceFile], diags: &[Diagnostic], color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_wrap_lines(false);
    let mut out = String::new();
    for d in diags {
        let file = files.get(d.file);
        let (name, text) = file.map_or(("?", String::new()), |f| {
            (f.name.as_str(), quotable(&f.text))
        });
        let (line, col) = file.map_or((0, 0), |f| f.line_col(d.span.start));
        let shown = Shown {
            diag: d,
            source: NamedSource::new(name, text),
            headline: format!("{name}:{line}:{col}: {}", d.message),
        };
        if handler.render_report(&mut out, &shown).is_err() {
            out.push_str(&d.one_line(files));
        }
        out.push('\n');
    }
    out
}
