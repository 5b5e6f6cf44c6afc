//! Word wrapping by display width, shared by layout (to measure) and render (to draw).
//!
//! Both sides call the same function with the same width, so the rows layout reserves are exactly
//! the rows render fills. Pure; never panics, even at width 0.
//!
//! Wrapping is most of a frame's work, and a frame wraps the same texts at the same widths as the
//! frame before it (layout measures them, render draws them, and a key redraws the whole screen).
//! So [`wrapped`] and [`hanging`] remember their results, keyed by the text, the prefix and the
//! width themselves: a remembered result can never be out of date, only forgotten.

use std::cell::RefCell;
use std::hash::BuildHasher;
use std::rc::Rc;

use foldhash::fast::FixedState;
use hashbrown::HashTable;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How many wrapped texts are remembered before the memory starts again: several screens' worth
/// (a screen has tens), while the memory stays small.
const REMEMBERED: usize = 1024;

/// One remembered result.
struct Entry {
    width: u16,
    prefix: Box<str>,
    text: Box<str>,
    rows: Rc<[String]>,
}

/// Results by a hash of (width, prefix, text), foldhash, not SipHash: a frame looks up tens of
/// texts before its first byte is written, and a collision only costs a comparison.
type Memo = HashTable<Entry>;

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::default();
}

/// The display width of `text`: unicode-width's, with printable ASCII (most text) counted
/// without its tables.
pub fn width(text: &str) -> usize {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        text.len()
    } else {
        text.width()
    }
}

/// Forgets every remembered text. Called when a person's answers are cleared (a kiosk's reset,
/// "Finish"), so no text drawn from their answers outlives them, even out of sight.
pub fn forget() {
    MEMO.with_borrow_mut(Memo::clear);
}

/// How many texts are remembered (for tests).
pub fn remembered_count() -> usize {
    MEMO.with_borrow(Memo::len)
}

/// [`wrap`], remembered: the same rows for the same text and width.
pub fn wrapped(text: &str, width: u16) -> Rc<[String]> {
    remembered("", text, width, || wrap(text, width))
}

/// [`wrap_hanging`], remembered: the same rows for the same prefix, text and width.
pub fn hanging(prefix: &str, text: &str, width: u16) -> Rc<[String]> {
    remembered(prefix, text, width, || wrap_hanging(prefix, text, width))
}

fn remembered(
    prefix: &str,
    text: &str,
    width: u16,
    make: impl FnOnce() -> Vec<String>,
) -> Rc<[String]> {
    let hash = |width: u16, prefix: &str, text: &str| {
        FixedState::default().hash_one((width, prefix, text))
    };
    let same = |e: &Entry| e.width == width && *e.prefix == *prefix && *e.text == *text;
    let found = MEMO.with_borrow(|m| {
        m.find(hash(width, prefix, text), same)
            .map(|e| Rc::clone(&e.rows))
    });
    if let Some(rows) = found {
        return rows;
    }
    let rows: Rc<[String]> = make().into();
    MEMO.with_borrow_mut(|m| {
        if m.len() >= REMEMBERED {
            m.clear();
        }
        let entry = Entry {
            width,
            prefix: prefix.into(),
            text: text.into(),
            rows: Rc::clone(&rows),
        };
        m.insert_unique(hash(width, prefix, text), entry, |e| {
            hash(e.width, &e.prefix, &e.text)
        });
    });
    rows
}

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
        let plain = !para.starts_with(' ')
            && !para.contains("  ")
            && !para.chars().any(|c| c.is_whitespace() && c != ' ');
        if plain && para.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>() <= width {
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

    #[test]
    fn width_is_unicode_widths() {
        for t in ["", "plain words", "•wide界x", "tab\there", "é", "~{}"] {
            assert_eq!(width(t), t.width(), "{t:?}");
        }
    }

    #[test]
    fn remembered_rows_are_the_rows_for_that_text_prefix_and_width() {
        for (text, width) in [
            ("one two three", 7),
            ("one two three", 5),
            ("abcdefghij", 4),
        ] {
            assert_eq!(*wrapped(text, width), *wrap(text, width));
            assert_eq!(*wrapped(text, width), *wrap(text, width), "asked again");
        }
        assert_eq!(*hanging("1. ", "aa bb cc", 8), ["1. aa bb", "   cc"]);
        assert_eq!(*hanging("", "aa bb cc", 8), *wrap("aa bb cc", 8));
        assert_eq!(*hanging("2. ", "aa bb cc", 8), ["2. aa bb", "   cc"]);
        assert_eq!(
            *hanging("1. ", "aa bb cc", 5),
            *wrap_hanging("1. ", "aa bb cc", 5)
        );
    }

    #[test]
    fn the_memory_starts_again_when_full_and_stays_right() {
        for i in 0..REMEMBERED + 10 {
            let text = format!("word{i} and more words");
            assert_eq!(*wrapped(&text, 9), *wrap(&text, 9));
        }
        assert!(remembered_count() <= REMEMBERED);
        assert_eq!(
            *wrapped("word0 and more words", 9),
            *wrap("word0 and more words", 9)
        );
    }
}
