//! The word diff of a reworded line: which words stayed, went and came, from `similar` (the
//! diff library insta and many Rust tools use), so a reviewer sees the words that changed and
//! not two whole sentences to compare by eye.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// A run of words kept, removed or added, with the spaces between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "op", content = "text")]
pub enum WordOp {
    Same(String),
    Removed(String),
    Added(String),
}

/// The word diff of `old` and `new`: runs of changed words, with the spaces between them, are one
/// removed run and one added run ("[-a button battery-]{+do not make them sick+}"), not a word
/// removed and a word added in turn.
pub fn word_diff(old: &str, new: &str) -> Vec<WordOp> {
    let diff = TextDiff::from_words(old, new);
    let mut ops: Vec<WordOp> = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    for change in diff.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            ChangeTag::Delete => removed.push_str(text),
            ChangeTag::Insert => added.push_str(text),
            // A space between changed words belongs to both runs.
            ChangeTag::Equal
                if text.trim().is_empty() && !(removed.is_empty() && added.is_empty()) =>
            {
                removed.push_str(text);
                added.push_str(text);
            }
            ChangeTag::Equal => {
                flush(&mut ops, &mut removed, &mut added);
                same(&mut ops, text);
            }
        }
    }
    flush(&mut ops, &mut removed, &mut added);
    ops
}

/// Appends kept text, joined to the kept text before it.
fn same(ops: &mut Vec<WordOp>, text: &str) {
    match ops.last_mut() {
        Some(WordOp::Same(s)) => s.push_str(text),
        _ => ops.push(WordOp::Same(text.to_string())),
    }
}

/// Ends a run of changes: the spaces both runs end with are kept text again. Compared character
/// by character from the end, so a space of more than one byte (a no-break space) is never cut.
fn flush(ops: &mut Vec<WordOp>, removed: &mut String, added: &mut String) {
    let kept: usize = removed
        .chars()
        .rev()
        .zip(added.chars().rev())
        .take_while(|(a, b)| a == b && a.is_whitespace())
        .map(|(a, _)| a.len_utf8())
        .sum();
    let shared = removed[removed.len() - kept..].to_string();
    removed.truncate(removed.len() - kept);
    added.truncate(added.len() - kept);
    if !removed.is_empty() {
        ops.push(WordOp::Removed(std::mem::take(removed)));
    }
    if !added.is_empty() {
        ops.push(WordOp::Added(std::mem::take(added)));
    }
    if kept > 0 {
        same(ops, &shared);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_word_is_removed_and_added_between_the_same_words() {
        let ops = word_diff("Call 999 if it gets worse", "Call 999 if it spreads");
        assert_eq!(ops.first(), Some(&WordOp::Same("Call 999 if it ".into())));
        assert!(
            ops.contains(&WordOp::Removed("gets worse".into())),
            "{ops:?}"
        );
        assert!(ops.contains(&WordOp::Added("spreads".into())), "{ops:?}");
    }

    #[test]
    fn spaces_of_several_bytes_are_never_cut() {
        // A no-break space against a plain one at the end of a changed run (it panicked).
        for (old, new) in [
            ("Call 999\u{a0}now", "Call 111 now"),
            ("Call 999 now", "Call 111\u{a0}now"),
            ("Rest\u{a0}\u{a0}then", "Sleep\u{a0}\u{a0}then"),
        ] {
            let ops = word_diff(old, new);
            let was: String = ops
                .iter()
                .filter_map(|o| match o {
                    WordOp::Same(t) | WordOp::Removed(t) => Some(t.as_str()),
                    WordOp::Added(_) => None,
                })
                .collect();
            let now: String = ops
                .iter()
                .filter_map(|o| match o {
                    WordOp::Same(t) | WordOp::Added(t) => Some(t.as_str()),
                    WordOp::Removed(_) => None,
                })
                .collect();
            assert_eq!((was.as_str(), now.as_str()), (old, new), "{ops:?}");
        }
    }

    #[test]
    fn a_rewritten_run_is_one_removal_and_one_addition_and_both_texts_survive() {
        let (old, new) = (
            "Keep it cool. Do not use that oil again.",
            "Keep it cool. If it came after an oil, do not use it again.",
        );
        let ops = word_diff(old, new);
        let text =
            |keep: fn(&WordOp) -> Option<&str>| ops.iter().filter_map(keep).collect::<String>();
        let was = text(|o| match o {
            WordOp::Same(t) | WordOp::Removed(t) => Some(t),
            WordOp::Added(_) => None,
        });
        let now = text(|o| match o {
            WordOp::Same(t) | WordOp::Added(t) => Some(t),
            WordOp::Removed(_) => None,
        });
        assert_eq!((was.as_str(), now.as_str()), (old, new));
        let removals = ops
            .iter()
            .filter(|o| matches!(o, WordOp::Removed(_)))
            .count();
        assert!(removals <= 2, "{ops:?}");
    }
}
