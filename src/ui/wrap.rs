//! Word wrapping by display width, shared by layout (to measure) and render (to draw).
//!
//! Both sides call the same function with the same width, so the rows layout reserves are exactly
//! the rows render fills. Pure; never panics, even at width 0.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps `text` into lines of at most `width` columns, breaking at spaces and splitting words
/// that are longer than a line. Blank input gives no lines; width 0 gives no lines.
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    let width = usize::from(width);
    let mut lines = Vec::new();
    if width == 0 {
        return lines;
    }
    for para in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in para.split_whitespace() {
            let w = word.width();
            if used > 0 && used + 1 + w <= width {
                line.push(' ');
                line.push_str(word);
                used += 1 + w;
                continue;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            for ch in word.chars() {
                let cw = ch.width().unwrap_or(0);
                if used + cw > width && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(ch);
                used += cw;
            }
        }
        if used > 0 || (!para.trim().is_empty() && !line.is_empty()) {
            lines.push(line);
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
