//! Terminal input bytes to keys and pointer events, with a deadline for unfinished sequences.
//!
//! crossterm's own decoder waits for the rest of an escape sequence for ever (and reads stdin
//! blocking while it waits), so Alt-[ followed by `200~` — the start of a bracketed paste that
//! never ends — swallowed every later key and froze a kiosk. This decoder never waits for
//! bytes: an unfinished sequence is held for at most [`PENDING`], then resolved — a lone Esc
//! becomes the Esc key, an Alt chord its key, anything longer is dropped — so the next key
//! always works. It is pure: bytes and the time they arrived go in, events come out.
//!
//! What it understands: UTF-8 text, the control keys, CSI and SS3 cursor keys (with or without
//! modifiers), Home/End/PgUp/PgDn/Shift-Tab, SGR mouse reports (what `EnableMouseCapture`
//! asks for) and legacy X10 ones. Everything else (function keys, focus and cursor reports, a
//! bracketed paste's markers) is read whole and dropped.

use std::time::Duration;

use crate::app::Key;

/// How long an unfinished escape sequence may wait for its end. A terminal writes a sequence in
/// one go, so its bytes arrive together; a person typing Esc then `[` is far slower than this.
pub const PENDING: Duration = Duration::from_millis(30);

/// The longest escape sequence kept: a longer one is hostile or garbage and is dropped.
const MAX_SEQUENCE: usize = 64;

/// A decoded input event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Key(Key),
    Mouse(Mouse, u16, u16),
}

/// A pointer event at a 0-based cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mouse {
    /// The left button went down.
    Down,
    /// The pointer moved with the left button down.
    Drag,
    /// The left button came up.
    Up,
    ScrollUp,
    ScrollDown,
}

/// What the bytes at the start of a buffer are.
enum Parsed {
    /// A whole event (or a whole sequence that means nothing here), and its length.
    Done(Option<Event>, usize),
    /// The start of something longer: wait for more bytes.
    Unfinished,
}

/// The decoder's state: bytes of an unfinished sequence, and when the first of them came.
#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
    since: Duration,
}

impl Decoder {
    /// Decodes `bytes` that arrived at `now`. `more` says the read filled its buffer, so the rest
    /// of a sequence may already be waiting: a lone Esc at the end is then held, not reported.
    pub fn feed(&mut self, bytes: &[u8], now: Duration, more: bool) -> Vec<Event> {
        if self.pending.is_empty() {
            self.since = now;
        }
        self.pending.extend_from_slice(bytes);
        let mut out = Vec::new();
        let mut at = 0;
        while at < self.pending.len() {
            let rest = &self.pending[at..];
            match parse(rest) {
                Parsed::Done(ev, n) => {
                    out.extend(ev);
                    at += n;
                }
                // A lone Esc at the end of what the terminal wrote is the Esc key (as crossterm
                // does): a terminal writes a whole sequence at once.
                Parsed::Unfinished if rest == [0x1b] && !more => {
                    out.push(Event::Key(Key::Esc));
                    at += 1;
                }
                Parsed::Unfinished if rest.len() > MAX_SEQUENCE => at = self.pending.len(),
                Parsed::Unfinished => break,
            }
        }
        self.pending.drain(..at);
        if at > 0 {
            // What is left started in this read.
            self.since = now;
        }
        out
    }

    /// When the unfinished sequence held now must be resolved, if one is held.
    pub fn deadline(&self) -> Option<Duration> {
        (!self.pending.is_empty()).then(|| self.since + PENDING)
    }

    /// Resolves an unfinished sequence whose time is up (at `now`): a lone Esc is the Esc key,
    /// Esc and one more byte an Alt chord (its key, as the app ignores Alt), anything else is
    /// dropped. Returns nothing while the sequence still has time.
    pub fn expire(&mut self, now: Duration) -> Vec<Event> {
        match self.deadline() {
            Some(at) if now >= at => {}
            _ => return Vec::new(),
        }
        let held = std::mem::take(&mut self.pending);
        match held.as_slice() {
            [0x1b] => vec![Event::Key(Key::Esc)],
            [0x1b, b] => parse_plain(&[*b]).into_iter().collect(),
            _ => Vec::new(),
        }
    }
}

/// Parses the event at the start of `b` (not empty).
fn parse(b: &[u8]) -> Parsed {
    if b[0] != 0x1b {
        return match utf8_len(b[0]) {
            Some(n) if b.len() < n => Parsed::Unfinished,
            Some(n) => Parsed::Done(parse_plain(&b[..n]), n),
            None => Parsed::Done(None, 1),
        };
    }
    match b.get(1) {
        None => Parsed::Unfinished,
        Some(b'[') => parse_csi(b),
        Some(b'O') => match b.get(2) {
            None => Parsed::Unfinished,
            Some(&f) => Parsed::Done(cursor_key(f).map(Event::Key), 3),
        },
        // Esc Esc: the first is the Esc key; the second starts again.
        Some(0x1b) => Parsed::Done(Some(Event::Key(Key::Esc)), 1),
        // Alt and a key: the key (the app has no Alt chords).
        Some(&c) => match utf8_len(c) {
            Some(n) if b.len() < 1 + n => Parsed::Unfinished,
            Some(n) => Parsed::Done(parse_plain(&b[1..=n]), 1 + n),
            None => Parsed::Done(None, 2),
        },
    }
}

/// The length of the UTF-8 sequence a byte starts, or `None` for a byte that cannot start one.
fn utf8_len(first: u8) -> Option<usize> {
    match first {
        0x00..=0x7f => Some(1),
        0xc2..=0xdf => Some(2),
        0xe0..=0xef => Some(3),
        0xf0..=0xf4 => Some(4),
        _ => None,
    }
}

/// One character or control byte, not part of an escape sequence.
fn parse_plain(b: &[u8]) -> Option<Event> {
    let key = match b {
        [b'\r'] => Key::Enter,
        [b'\t'] => Key::Tab,
        [0x7f | 0x08] => Key::Backspace,
        [0x1b] => Key::Esc,
        [0] => Key::Ctrl(' '),
        // In raw mode Enter sends CR; a line feed is Ctrl-J, as crossterm reads it.
        [c @ 0x01..=0x1a] => Key::Ctrl(char::from(c - 1 + b'a')),
        [0x1c..=0x1f] => return None,
        _ => {
            let c = std::str::from_utf8(b).ok()?.chars().next()?;
            Key::Char(c)
        }
    };
    Some(Event::Key(key))
}

/// The key of a cursor sequence's final byte (`ESC [ A`, `ESC O A`, `ESC [ 1 ; 5 A`, …).
fn cursor_key(f: u8) -> Option<Key> {
    Some(match f {
        b'A' => Key::Up,
        b'B' => Key::Down,
        b'C' => Key::Right,
        b'D' => Key::Left,
        b'H' => Key::Home,
        b'F' => Key::End,
        _ => return None,
    })
}

/// Parses a CSI sequence (`b` starts with `ESC [`).
fn parse_csi(b: &[u8]) -> Parsed {
    // Legacy X10 mouse: ESC [ M and three raw bytes.
    if b.get(2) == Some(&b'M') {
        if b.len() < 6 {
            return Parsed::Unfinished;
        }
        let col = u16::from(b[4].saturating_sub(33));
        let row = u16::from(b[5].saturating_sub(33));
        let mouse = match b[3].wrapping_sub(32) {
            0 => Some(Mouse::Down),
            3 => Some(Mouse::Up),
            32 => Some(Mouse::Drag),
            64 => Some(Mouse::ScrollUp),
            65 => Some(Mouse::ScrollDown),
            _ => None,
        };
        return Parsed::Done(mouse.map(|m| Event::Mouse(m, col, row)), 6);
    }
    for (i, &c) in b.iter().enumerate().skip(2) {
        match c {
            // Parameter and intermediate bytes.
            0x20..=0x3f => {}
            0x40..=0x7e => return Parsed::Done(csi_event(&b[2..i], c), i + 1),
            // Anything else cannot be inside a sequence: drop what came before it and read it
            // afresh (an Esc starts a new sequence; a stray byte is a key).
            _ => return Parsed::Done(None, i),
        }
    }
    Parsed::Unfinished
}

/// The event of a whole CSI sequence with parameter bytes `params` and final byte `f`.
fn csi_event(params: &[u8], f: u8) -> Option<Event> {
    if let Some(sgr) = params.strip_prefix(b"<") {
        return sgr_mouse(sgr, f);
    }
    let first = params
        .split(|&c| c == b';')
        .next()
        .and_then(|p| std::str::from_utf8(p).ok())
        .and_then(|p| p.parse::<u16>().ok());
    let key = match f {
        b'Z' => Key::BackTab,
        b'~' => match first? {
            1 | 7 => Key::Home,
            4 | 8 => Key::End,
            5 => Key::PageUp,
            6 => Key::PageDown,
            _ => return None,
        },
        f => cursor_key(f)?,
    };
    Some(Event::Key(key))
}

/// An SGR mouse report: `ESC [ < button ; col ; row M` (press or motion) or `m` (release).
fn sgr_mouse(params: &[u8], f: u8) -> Option<Event> {
    let text = std::str::from_utf8(params).ok()?;
    let mut nums = text.split(';').map(|n| n.parse::<u16>().ok());
    let (button, col, row) = (nums.next()??, nums.next()??, nums.next()??);
    let (col, row) = (col.saturating_sub(1), row.saturating_sub(1));
    // The low bits name the button; 32 is motion, 64 the wheel; 4, 8, 16 are Shift, Alt, Ctrl.
    let mouse = match (button & !(4 | 8 | 16), f) {
        (0, b'M') => Mouse::Down,
        (0, b'm') => Mouse::Up,
        (32, b'M') => Mouse::Drag,
        (64, _) => Mouse::ScrollUp,
        (65, _) => Mouse::ScrollDown,
        _ => return None,
    };
    Some(Event::Mouse(mouse, col, row))
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: Duration = Duration::ZERO;

    fn keys(bytes: &[u8]) -> Vec<Event> {
        let mut d = Decoder::default();
        let mut out = d.feed(bytes, T0, false);
        out.extend(d.expire(T0 + PENDING));
        out
    }

    fn k(key: Key) -> Event {
        Event::Key(key)
    }

    #[test]
    fn text_control_keys_and_cursor_keys() {
        assert_eq!(
            keys("aé€\r\t\x7f\x03".as_bytes()),
            [
                k(Key::Char('a')),
                k(Key::Char('é')),
                k(Key::Char('€')),
                k(Key::Enter),
                k(Key::Tab),
                k(Key::Backspace),
                k(Key::Ctrl('c'))
            ]
        );
        assert_eq!(
            keys(b"\x1b[A\x1bOB\x1b[1;5C\x1b[D\x1b[H\x1b[4~\x1b[5~\x1b[6~\x1b[Z"),
            [
                k(Key::Up),
                k(Key::Down),
                k(Key::Right),
                k(Key::Left),
                k(Key::Home),
                k(Key::End),
                k(Key::PageUp),
                k(Key::PageDown),
                k(Key::BackTab)
            ]
        );
    }

    #[test]
    fn a_lone_esc_is_the_esc_key_at_once_unless_more_bytes_are_waiting() {
        let mut d = Decoder::default();
        assert_eq!(d.feed(b"\x1b", T0, false), [k(Key::Esc)]);
        assert_eq!(d.deadline(), None);
        // A full read buffer ending in Esc: the rest of the sequence is probably next.
        assert_eq!(d.feed(b"\x1b", T0, true), []);
        assert_eq!(d.feed(b"[B", T0, false), [k(Key::Down)]);
        assert_eq!(keys(b"\x1b\x1b"), [k(Key::Esc), k(Key::Esc)]);
    }

    #[test]
    fn an_unfinished_paste_start_is_dropped_when_its_time_is_up_and_keys_work_again() {
        // Alt-[ then "200~": the start of a bracketed paste that never ends.
        let mut d = Decoder::default();
        assert_eq!(d.feed(b"\x1b[", T0, false), []);
        let at = d.deadline().expect("held, with a deadline");
        assert!(at <= Duration::from_millis(50), "{at:?}");
        assert_eq!(d.expire(at - Duration::from_millis(1)), [], "not yet");
        // Alt-[ alone, with nothing after it: the '[' key once its time is up.
        assert_eq!(d.expire(at), [k(Key::Char('['))]);
        assert_eq!(d.deadline(), None);
        // The paste marker itself is a whole sequence that means nothing: the keys after it
        // are keys.
        assert_eq!(keys(b"\x1b[200~q\r"), [k(Key::Char('q')), k(Key::Enter)]);
        // A sequence cut short by a key: dropped up to the cut, the key read afresh.
        let mut d = Decoder::default();
        assert_eq!(d.feed(b"\x1b[20", T0, false), []);
        assert_eq!(d.expire(T0 + PENDING), []);
        assert_eq!(
            d.feed(b"0~x", T0 + PENDING, false),
            [k(Key::Char('0')), k(Key::Char('~')), k(Key::Char('x'))]
        );
        assert_eq!(keys(b"\x1b[12\x1b[A"), [k(Key::Up)]);
    }

    #[test]
    fn a_sequence_split_across_reads_is_joined_within_its_time() {
        let mut d = Decoder::default();
        assert_eq!(d.feed(b"\x1b[<0;1", T0, false), []);
        assert_eq!(
            d.feed(b"0;5M", T0 + Duration::from_millis(5), false),
            [Event::Mouse(Mouse::Down, 9, 4)]
        );
        // A multi-byte character split in two.
        assert_eq!(d.feed(&[0xc3], T0, false), []);
        assert_eq!(d.feed(&[0xa9], T0, false), [k(Key::Char('é'))]);
    }

    #[test]
    fn endless_or_invalid_bytes_never_hold_the_decoder() {
        // An endless parameter list is dropped once it is longer than any real sequence.
        let mut d = Decoder::default();
        let mut long = b"\x1b[".to_vec();
        long.extend(std::iter::repeat_n(b'1', 100));
        assert_eq!(d.feed(&long, T0, false), []);
        assert_eq!(d.deadline(), None, "nothing held");
        assert_eq!(d.feed(b"x", T0, false), [k(Key::Char('x'))]);
        assert_eq!(keys(&[0xff, 0x80, b'a']), [k(Key::Char('a'))]);
        let mut d = Decoder::default();
        d.feed(&[0xe2, 0x82], T0, false);
        assert_eq!(d.expire(T0 + PENDING), []);
        assert_eq!(d.feed(b"b", T0 + PENDING, false), [k(Key::Char('b'))]);
    }

    #[test]
    fn mouse_reports_sgr_and_x10() {
        assert_eq!(
            keys(b"\x1b[<0;3;4M\x1b[<32;3;5M\x1b[<0;3;5m\x1b[<64;1;1M\x1b[<65;1;1M\x1b[<2;1;1M"),
            [
                Event::Mouse(Mouse::Down, 2, 3),
                Event::Mouse(Mouse::Drag, 2, 4),
                Event::Mouse(Mouse::Up, 2, 4),
                Event::Mouse(Mouse::ScrollUp, 0, 0),
                Event::Mouse(Mouse::ScrollDown, 0, 0),
            ]
        );
        assert_eq!(
            keys(&[
                0x1b,
                b'[',
                b'M',
                32,
                33 + 4,
                33 + 2,
                0x1b,
                b'[',
                b'M',
                35,
                33,
                33
            ]),
            [
                Event::Mouse(Mouse::Down, 4, 2),
                Event::Mouse(Mouse::Up, 0, 0)
            ]
        );
    }
}
