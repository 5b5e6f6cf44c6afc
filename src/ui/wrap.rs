//! Word wrapping by display width, shared by layout (to measure) and render (to draw).
//!
//! Both sides call the same function with the same width, so the rows layout reserves are exactly
//! the rows render fills. Pure; never panics, even at width 0.

use unicode_width::UnicodeWidthStr;

/// Wraps `text` into lines of at most `width` columns with textwrap's first-fit algorithm:
/// breaking at spaces, never at hyphens, splitting words that are longer than a line. Runs of
/// spaces count as one; blank lines and blank input give no lines; width 0 gives no lines.
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    use textwrap::core::{Word, break_words};
    use textwrap::wrap_algorithms::wrap_first_fit;
    let mut lines = Vec::new();
    if width == 0 {
        return lines;
    }
    let width = usize::from(width);
    for para in text.split('\n') {
        if para.trim().is_empty() {
            continue;
        }
        // Most texts (labels, the banner on a wide screen) fit on one line as they are.
        if para.width() <= width && !para.starts_with(' ') && !para.contains("  ") {
            lines.push(para.trim_end().to_string());
            continue;
        }
        let words: Vec<Word> = para
            .split_whitespace()
            .map(|w| {
                let mut w = Word::from(w);
                w.whitespace = " ";
                w
            })
            .collect();
        let words = break_words(words, width);
        for line in wrap_first_fit(&words, &[width as f64]) {
            let mut out = String::new();
            for (i, w) in line.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(w.word);
            }
            lines.push(out);
        }
    }
    lines
}

/// Wraps `text` after a first-line prefix (e.g. "1. " or "• "), indenting the following lines
/// to line up under the text.
pub fn wrap_hanging(prefix: &str, text: &str, width: u16) -> Vec<String> {
    let indent = prefix.width();
    let inner = usize::from(width).saturating_sub(indent);
    if inner == 0 {
        return wrap(&format!("{prefix}{text}"), width);
    }
    let pad = " ".repeat(indent);
    wrap(text, inner as u16)
        .into_iter()
        .enumerate()
        .map(|(i, l)| format!("{}{l}", if i == 0 { prefix } else { &pad }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_splits_long_words() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert!(wrap("anything", 0).is_empty());
        assert!(wrap("   ", 5).is_empty());
    }

    #[test]
    fn hanging_indent_lines_up() {
        assert_eq!(wrap_hanging("1. ", "aa bb cc", 8), ["1. aa bb", "   cc"]);
    }
}
