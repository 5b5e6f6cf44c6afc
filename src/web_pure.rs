//! The browser runner's pure parts, built and tested on every target: which browser keys the
//! app takes, how a line's leading level symbol is split off (the words say the same, so a screen
//! reader skips it), and the take-home code as SVG. The runner itself is `crate::web` (feature
//! `web`).

use crate::app::{Input, Key};

/// The service worker's cache (`CACHE` in `web/sw.js`, which a test holds to this name): the page
/// puts the clinic's files it read there on a first visit, so the worker's install does not read
/// them again.
pub const OFFLINE_CACHE: &str = "aftercare-v2";

/// A touch that lands on nothing: it counts as a person's activity (the idle timer starts again,
/// "Still there?" closes) and does nothing else. The page sends it for Tab and Shift-Tab, which
/// move the browser's focus and are not the app's keys there.
pub const NOWHERE: Input = Input::Click {
    col: u16::MAX,
    row: u16::MAX,
};

/// A line's leading symbol and the words after it: `"‼ Call 999"` gives `(Some("‼"), "Call
/// 999")`. A first word with no letter or digit in it is a symbol; anything else is all words.
pub fn split_symbol(text: &str) -> (Option<&str>, &str) {
    match text.split_once(' ') {
        Some((first, rest)) if !first.is_empty() && !first.chars().any(char::is_alphanumeric) => {
            (Some(first), rest.trim_start())
        }
        _ => (None, text),
    }
}

/// `text` in runs of words and of symbols: each word with no letter or digit in it (a level's
/// ✓ or ‼, a `·` between two levels) is a symbol run (`true`), shown but hidden from a screen
/// reader, since the words beside it say the same. The runs joined give `text` back.
pub fn symbol_runs(text: &str) -> Vec<(bool, &str)> {
    // Byte ranges that cover `text` end to end: spaces go with the words.
    let mut runs: Vec<(bool, usize, usize)> = Vec::new();
    let mut at = 0;
    for word in text.split(' ') {
        let (start, end) = (at, at + word.len());
        at = end + 1;
        let symbol = !word.is_empty() && !word.chars().any(char::is_alphanumeric);
        let last_end = runs.last().map_or(0, |r| r.2);
        match runs.last_mut() {
            Some(last) if !symbol && !last.0 => last.2 = end,
            Some(last) if symbol && !last.0 => {
                last.2 = start;
                runs.push((true, start, end));
            }
            _ if symbol => {
                if start > last_end {
                    runs.push((false, last_end, start));
                }
                runs.push((true, start, end));
            }
            _ => runs.push((false, last_end, end)),
        }
    }
    runs.into_iter()
        .filter(|r| r.2 > r.1)
        .filter_map(|(s, a, b)| Some((s, text.get(a..b)?)))
        .collect()
}

/// A button's name without its key letter: `"[a] Check another symptom"` is named "Check another
/// symptom" in the page (the key is a keyboard's, and a screen reader would read it out).
pub fn without_key(label: &str) -> &str {
    let mut chars = label.chars();
    match (chars.next(), chars.next(), chars.next(), chars.next()) {
        (Some('['), Some(k), Some(']'), Some(' ')) if k.is_alphanumeric() => chars.as_str().trim(),
        _ => label,
    }
}

/// The take-home QR code as an SVG image: dark modules on white with a quiet zone of `quiet`
/// modules, one path, crisp edges at any size. `dark` holds `width` x `width` modules, row by row.
pub fn qr_svg(width: usize, dark: &[bool], quiet: usize) -> String {
    let side = width + 2 * quiet;
    let mut path = String::new();
    for (i, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
        let (x, y) = (i % width.max(1) + quiet, i / width.max(1) + quiet);
        path.push_str(&format!("M{x} {y}h1v1h-1z"));
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
         shape-rendering=\"crispEdges\" aria-hidden=\"true\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
         <path d=\"{path}\" fill=\"#000\"/></svg>"
    )
}

/// The app's key for a browser key event; `None` for keys the app does not use (left to the
/// browser).
pub fn key_from(name: &str, ctrl: bool, alt: bool, shift: bool) -> Option<Key> {
    let mut chars = name.chars();
    let single = match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    };
    if alt {
        return None;
    }
    if ctrl {
        return single
            .filter(char::is_ascii_alphabetic)
            .map(|c| Key::Ctrl(c.to_ascii_lowercase()));
    }
    Some(match name {
        "Enter" => Key::Enter,
        "Escape" => Key::Esc,
        "Backspace" => Key::Backspace,
        "Tab" if shift => Key::BackTab,
        "Tab" => Key::Tab,
        "ArrowUp" => Key::Up,
        "ArrowDown" => Key::Down,
        "ArrowLeft" => Key::Left,
        "ArrowRight" => Key::Right,
        "PageUp" => Key::PageUp,
        "PageDown" => Key::PageDown,
        "Home" => Key::Home,
        "End" => Key::End,
        _ => Key::Char(single?),
    })
}

/// The line of a refusal that says why, for the staff notice: the first `file:line:col: error`
/// line, or else the first line that is none of the page's own words (`own`: the emergency line,
/// the refusal's heading, what staff should do), as a sign-off's `content/: …` line is.
pub fn refusal_reason<'a>(why: &'a str, own: &[&str]) -> &'a str {
    why.lines()
        .find(|l| l.contains(": error"))
        .or_else(|| {
            why.lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !own.contains(l))
        })
        .unwrap_or_default()
}

/// Ctrl (or Cmd) with +, - or 0: the browser's zoom. The page leaves them to the browser (a
/// person with low vision may need the text larger) and never takes them as its own keys; the
/// page reflows at the new size.
pub fn is_zoom_key(name: &str, ctrl: bool) -> bool {
    ctrl && matches!(name, "+" | "-" | "=" | "_" | "0")
}

/// Keys that may repeat while held: moving and scrolling. A held Enter or digit must not answer
/// several questions.
pub fn repeats(k: Key) -> bool {
    matches!(
        k,
        Key::Up | Key::Down | Key::Left | Key::Right | Key::PageUp | Key::PageDown
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_and_the_service_worker_name_the_same_cache() {
        let sw = include_str!("../web/sw.js");
        assert!(
            sw.contains(&format!("const CACHE = '{OFFLINE_CACHE}';")),
            "web/sw.js's CACHE is not {OFFLINE_CACHE}: the page would copy files into a cache the worker never reads"
        );
    }

    #[test]
    fn zoom_shortcuts_are_caught_and_plain_digits_are_not() {
        assert!(is_zoom_key("+", true));
        assert!(is_zoom_key("0", true));
        assert!(!is_zoom_key("0", false), "0 alone picks an answer");
        assert!(!is_zoom_key("e", true));
    }

    #[test]
    fn browser_keys_become_the_apps_keys() {
        assert_eq!(key_from("Enter", false, false, false), Some(Key::Enter));
        assert_eq!(key_from("Tab", false, false, true), Some(Key::BackTab));
        assert_eq!(key_from("3", false, false, false), Some(Key::Char('3')));
        assert_eq!(key_from(" ", false, false, false), Some(Key::Char(' ')));
        assert_eq!(key_from("E", true, false, true), Some(Key::Ctrl('e')));
        assert_eq!(key_from("F5", false, false, false), None);
        assert_eq!(key_from("Shift", false, false, true), None);
        assert_eq!(key_from("a", false, true, false), None);
    }

    #[test]
    fn a_leading_symbol_is_split_from_the_words() {
        assert_eq!(split_symbol("‼ Call 999 now"), (Some("‼"), "Call 999 now"));
        assert_eq!(
            split_symbol("✓ Expected: warm"),
            (Some("✓"), "Expected: warm")
        );
        assert_eq!(split_symbol("Call 999 now"), (None, "Call 999 now"));
        assert_eq!(split_symbol("3. Not sure"), (None, "3. Not sure"));
        assert_eq!(split_symbol("‼"), (None, "‼"));
    }

    #[test]
    fn symbols_are_runs_of_their_own() {
        let runs = symbol_runs("Overall: ✓ Expected · This one: ! Urgent");
        let joined: String = runs.iter().map(|(_, r)| *r).collect();
        assert_eq!(joined, "Overall: ✓ Expected · This one: ! Urgent");
        let hidden: Vec<&str> = runs.iter().filter(|(s, _)| *s).map(|(_, r)| *r).collect();
        assert_eq!(hidden, ["✓", "·", "!"]);
        assert_eq!(symbol_runs("Call 999 now"), [(false, "Call 999 now")]);
        assert_eq!(symbol_runs("‼ Call"), [(true, "‼"), (false, " Call")]);
    }

    #[test]
    fn a_key_letter_is_not_part_of_a_name() {
        assert_eq!(
            without_key("[a] Check another symptom"),
            "Check another symptom"
        );
        assert_eq!(without_key("3. Not sure"), "3. Not sure");
        assert_eq!(without_key("[!] x"), "[!] x");
    }

    #[test]
    fn the_code_is_one_path_of_its_dark_modules() {
        let svg = qr_svg(2, &[true, false, false, true], 2);
        assert!(svg.contains("viewBox=\"0 0 6 6\""), "{svg}");
        assert!(svg.contains("M2 2h1v1h-1zM3 3h1v1h-1z"), "{svg}");
    }

    #[test]
    fn the_notice_names_the_refusals_reason_not_its_heading() {
        let own = [
            "Call 999.",
            "This kiosk cannot start.",
            "Staff: fix each line above.",
        ];
        let signoff = "Call 999.\n\nThis kiosk cannot start.\n\n\
                       content/: the content changed since its last sign-off (2026-12-07)\n\n\
                       Staff: fix each line above.";
        assert_eq!(
            refusal_reason(signoff, &own),
            "content/: the content changed since its last sign-off (2026-12-07)"
        );
        let broken = "Call 999.\n\nThis kiosk cannot start.\n\n\
                      clinic.toml:5:21: error: kiosk.idle_timeout_secs\n\nStaff: fix each line above.";
        assert_eq!(
            refusal_reason(broken, &own),
            "clinic.toml:5:21: error: kiosk.idle_timeout_secs"
        );
        assert_eq!(
            refusal_reason("Could not read content/signoff.toml", &own),
            "Could not read content/signoff.toml"
        );
    }
}
