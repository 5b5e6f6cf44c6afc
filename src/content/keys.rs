//! Unknown keys, every one of them: serde's `deny_unknown_fields` stops at the first unknown key
//! of a table, so a file with `levle` and `titel` in one outcome would be fixed one key per run.
//!
//! [`unknown_key`] reads serde's "unknown field" error, finds that key in the file (its table, its
//! place, the whole `key = value` to blank) and suggests the nearest allowed key; the caller
//! blanks it with [`blank`] and parses again, so the next unknown key is found too. Shared by the
//! content loader and the clinic config. Pure: text in, findings out.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diag::did_you_mean;

/// One unknown key, found in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKey {
    /// The key as written.
    pub key: String,
    /// The key's span: where the diagnostic points.
    pub span: Range<usize>,
    /// The tables and array positions above the key, outermost first (`question`, `sore_day`,
    /// `options`, `1`): where it is, in words, for the message.
    pub path: Vec<String>,
    /// The keys allowed there, as serde names them.
    pub expected: Vec<String>,
    /// The nearest allowed key, if one is near.
    pub suggestion: Option<String>,
    /// The whole `key = value` (and the comma that separates it in an inline table), to blank
    /// so the parse can go on; `None` when the key is a `[table]` header, which only blanking
    /// its table can remove.
    pub extent: Option<Range<usize>>,
}

impl UnknownKey {
    /// "did you mean 'level'?", or the keys allowed here when none is near.
    pub fn hint(&self, docs: &str) -> String {
        match &self.suggestion {
            Some(s) => format!("did you mean '{s}'?"),
            None if self.expected.is_empty() => format!("no key is allowed here; {docs}"),
            None => format!(
                "the keys here are {}; {docs}",
                self.expected
                    .iter()
                    .map(|k| format!("'{k}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// Where a key is, in words: "in question 'sore_day', option 2", "in [clinic]", "at the top of
/// the file".
pub fn place(path: &[String]) -> String {
    let mut out = match path {
        [] => return "at the top of the file".to_string(),
        [table] => return format!("in [{table}]"),
        [kind, id, ..] => format!("in {kind} '{id}'"),
    };
    for pair in path[2..].chunks(2) {
        let name = match pair[0].as_str() {
            "options" => "option",
            "routes" => "route",
            other => other,
        };
        match pair.get(1).and_then(|n| n.parse::<usize>().ok()) {
            Some(n) => out.push_str(&format!(", {name} {}", n + 1)),
            None => out.push_str(&format!(", {}", pair.join("."))),
        }
    }
    out
}

/// The unknown key a serde error names, found in `text`; `None` for any other error.
pub fn unknown_key(text: &str, error: &toml::de::Error) -> Option<UnknownKey> {
    let (key, expected) = parse_message(error.message())?;
    let span = error.span()?;
    let doc = DeTable::parse(text).ok()?;
    let mut path = Vec::new();
    let (key_span, value_span) = find_key(doc.get_ref(), &span, &mut path)?;
    let extent = kv_extent(text, key_span.clone(), value_span);
    let suggestion = did_you_mean(&key, expected.iter().map(String::as_str)).map(str::to_string);
    Some(UnknownKey {
        key,
        span: key_span,
        path,
        expected,
        suggestion,
        extent,
    })
}

/// Replaces every byte of `range` with a space, keeping line ends: the same length, so every
/// span after it stays right.
pub fn blank(text: &mut String, range: Range<usize>) {
    let Some(part) = text.get(range.clone()) else {
        return;
    };
    // Each character becomes as many spaces as it has bytes.
    let spaces: String = part
        .chars()
        .map(|c| {
            if c == '\n' {
                "\n".to_string()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect();
    text.replace_range(range, &spaces);
}

/// `unknown field `nxt`, expected one of `label`, `next``: the key and the allowed keys.
fn parse_message(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.trim().strip_prefix("unknown field `")?;
    let (key, rest) = rest.split_once('`')?;
    let expected = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((key.to_string(), expected))
}

type Found = (Range<usize>, Range<usize>);

/// The key whose span is `target` (and its value's span), with the path to it.
fn find_key(table: &DeTable<'_>, target: &Range<usize>, path: &mut Vec<String>) -> Option<Found> {
    for (k, v) in table {
        if k.span() == *target {
            return Some((k.span(), v.span()));
        }
        path.push(k.get_ref().to_string());
        if let Some(found) = find_in_value(v, target, path) {
            return Some(found);
        }
        path.pop();
    }
    None
}

fn find_in_value(
    value: &Spanned<DeValue<'_>>,
    target: &Range<usize>,
    path: &mut Vec<String>,
) -> Option<Found> {
    match value.get_ref() {
        DeValue::Table(t) => find_key(t, target, path),
        DeValue::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            path.push(i.to_string());
            let found = find_in_value(item, target, path);
            if found.is_none() {
                path.pop();
            }
            found
        }),
        _ => None,
    }
}

/// `key = value` from the key's start to the value's end, with one neighbouring comma when it
/// sits in an inline table; `None` for a key in a `[header]`.
fn kv_extent(text: &str, key: Range<usize>, value: Range<usize>) -> Option<Range<usize>> {
    let line_start = text[..key.start].rfind('\n').map_or(0, |i| i + 1);
    if text[line_start..key.start].trim_start().starts_with('[') || value.end <= key.end {
        return None;
    }
    let after = &text[value.end..];
    let trimmed = after.trim_start_matches([' ', '\t']);
    if trimmed.starts_with(',') {
        return Some(key.start..value.end + (after.len() - trimmed.len()) + 1);
    }
    let before = &text[..key.start];
    let trimmed = before.trim_end_matches([' ', '\t']);
    if trimmed.ends_with(',') {
        return Some(trimmed.len() - 1..value.end);
    }
    Some(key.start..value.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "only parsed")]
    struct Doc {
        a: Option<Inner>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "only parsed")]
    struct Inner {
        level: Option<String>,
        title: Option<String>,
        items: Option<Vec<Item>>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "only parsed")]
    struct Item {
        label: String,
        next: Option<String>,
    }

    /// Every unknown key of `text`, found by parsing and blanking until it parses.
    fn all_unknown(text: &str) -> Vec<(String, Vec<String>, Option<String>)> {
        let mut text = text.to_string();
        let mut out = Vec::new();
        while let Err(e) = toml::from_str::<Doc>(&text) {
            let u = unknown_key(&text, &e).unwrap();
            blank(&mut text, u.extent.clone().unwrap());
            out.push((u.key, u.path, u.suggestion));
        }
        out
    }

    #[test]
    fn finds_every_unknown_key_even_two_in_one_table_and_in_inline_tables() {
        let text = "[a]\nlevle = \"x\"\ntitel = \"y\"\nitems = [\n  { label = \"1\", nxt = \"q\" },\n  { nxt = \"q\", label = \"2\" },\n]\n";
        let found = all_unknown(text);
        let s = |v: &str| Some(v.to_string());
        let p = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            found,
            vec![
                ("nxt".into(), p(&["a", "items", "0"]), s("next")),
                ("nxt".into(), p(&["a", "items", "1"]), s("next")),
                ("levle".into(), p(&["a"]), s("level")),
                ("titel".into(), p(&["a"]), s("title")),
            ]
        );
    }

    #[test]
    fn places_read_as_words() {
        let p = |v: &[&str]| place(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(p(&[]), "at the top of the file");
        assert_eq!(p(&["clinic"]), "in [clinic]");
        assert_eq!(p(&["outcome", "see_gp"]), "in outcome 'see_gp'");
        assert_eq!(
            p(&["question", "q", "options", "1", "routes", "0"]),
            "in question 'q', option 2, route 1"
        );
    }

    #[test]
    fn blanking_keeps_every_span() {
        let mut text = "a = \"é\"\nb = 1\n".to_string();
        blank(&mut text, 0..8);
        assert_eq!(text, "        \nb = 1\n");
        assert_eq!(text.len(), "a = \"é\"\nb = 1\n".len());
    }

    #[test]
    fn a_key_in_a_header_is_not_blanked_alone() {
        let text = "[a.wrong]\nx = 1\n";
        let e = toml::from_str::<Doc>(text).unwrap_err();
        let u = unknown_key(text, &e).unwrap();
        assert_eq!(u.key, "wrong");
        assert_eq!(u.extent, None);
        assert_eq!(u.suggestion, None);
        assert!(u.hint("see the docs").contains("'level', 'title', 'items'"));
    }
}
