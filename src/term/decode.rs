//! Terminal input bytes to keys and pointer events, with a deadline for unfinished sequences.
//!
//! crossterm's own decoder waits for the rest of an escape sequence for ever (and reads stdin
//! blocking while it waits), so Alt-[ followed by `200~` — the start of a bracketed paste that
//! never ends — swallowed every later key and froze a kiosk. This decoder never waits for
//! bytes: an unfinished sequence is held for at most [`PENDING`], then resolved — a lone Esc
//! becomes the Esc key, anything longer is dropped — so the next key always works.
//!
//! The other way round matters as much: the bytes of a sequence must never become keys, or a
//! mouse report cut in two (by the pty, or by a poor network for as long as it likes) presses
//! answers. So a lone Esc is held too, even at the end of a read; and once a sequence is given up
//! (too long, or out of time), what still belongs to it is discarded *however late it comes*: the
//! parameters and final byte of a CSI, the raw bytes of an X10 report, the body of a control
//! string (OSC, DCS, APC, PM, SOS) up to its terminator, `[` or `O` right after an Esc reported
//! alone. What is discarded is bounded, so a person's later keys are never eaten for long: it
//! ends at the first byte that cannot belong to the sequence (Enter, a letter after a CSI's
//! parameters, an Esc), and a rest that arrives late may come in at most [`LATE_PIECES`] reads
//! after a pause (a CSI's rest at most [`LATE_CSI`] bytes of them). Bytes that keep coming without
//! a pause (a burst) are the same delivery and go on being discarded.
//!
//! Two more defences for a kiosk: a bracketed paste's body (between `ESC [ 200 ~` and
//! `ESC [ 201 ~`, when [`Decoder::drop_pastes`] is set) is dropped whole, ending at its end
//! marker, after [`PASTE_GAP`] without a byte, or at a read of one key's bytes after a pause (a
//! paste start typed by hand, then a key); and a burst of input — bytes with no pause of
//! [`PENDING`] between reads, such as a 1 MB paste in a terminal without bracketed paste — yields
//! at most [`BURST_EVENTS`] events, the rest shed, so the kiosk does a bounded amount of work for
//! it and answers the next key a person presses after it; in a kiosk a read holding more than
//! [`READ_KEYS`] keys is pasted text and its keys are dropped. It is pure: bytes and the time they
//! arrived go in, events come out.
//!
//! What it understands: UTF-8 text, the control keys, CSI and SS3 cursor keys (with or without
//! modifiers), Home/End/PgUp/PgDn/Shift-Tab, SGR mouse reports (what the runner asks for) and
//! legacy X10 ones. Everything else (function keys, focus and cursor reports, a bracketed paste's
//! markers) is read whole and dropped.

use std::time::Duration;

use crate::app::Key;

/// How long an unfinished escape sequence may wait for its end. A terminal writes a sequence in
/// one go, so its bytes arrive together; a person typing Esc then `[` is far slower than this.
pub const PENDING: Duration = Duration::from_millis(30);

/// How many reads after a pause (of more than [`PENDING`]) may still carry the rest of a sequence
/// given up: the rest of a report cut by a slow network comes in one piece, or two. After that
/// the skip ends, so a person's keys are never held back for long.
pub const LATE_PIECES: u8 = 2;

/// How many bytes of a CSI's parameters a late piece may carry (an SGR mouse report's rest is at
/// most 19: `<65535;65535;65535M`).
pub const LATE_CSI: usize = 24;

/// How long a bracketed paste with no end marker (Alt-[ then `200~` typed by hand) goes on
/// dropping input once no byte comes. A real paste arrives as one stream.
pub const PASTE_GAP: Duration = Duration::from_secs(1);

/// The most bytes one key press sends, without an Esc (a UTF-8 character).
const MAX_KEY_BYTES: usize = 4;

/// The most events one burst of input yields: more is a paste or garbage, not a person.
pub const BURST_EVENTS: usize = 64;

/// In a kiosk, a read with more keys than this is pasted text (from a terminal without bracketed
/// paste), not a person pressing keys: its keys are dropped. A person's keys come one a read,
/// a few when the loop was busy.
pub const READ_KEYS: usize = 16;

/// The longest escape sequence kept: a longer one is hostile or garbage and is dropped.
const MAX_SEQUENCE: usize = 64;
/// The longest control string (an OSC reply, say) kept.
const MAX_STRING: usize = 512;

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
    /// A bracketed paste's start marker, and its length.
    Paste(usize),
}

/// The kinds of escape sequence, by their introducer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `ESC [`, or 8-bit CSI (0x9b, raw or as UTF-8).
    Csi,
    /// `ESC O`, or 8-bit SS3.
    Ss3,
    /// A control string: OSC, DCS, APC, PM, SOS (`ESC ]`, `ESC P`, `ESC _`, `ESC ^`, `ESC X`, or
    /// their 8-bit forms).
    Str,
}

/// The sequence `b` starts with, and the length of its introducer; `None` for anything else.
/// `ESC` alone is not an introducer yet.
fn intro(b: &[u8]) -> Option<(Kind, usize)> {
    let c1 = |c: u8| match c {
        0x9b => Some(Kind::Csi),
        0x8f => Some(Kind::Ss3),
        0x90 | 0x98 | 0x9d | 0x9e | 0x9f => Some(Kind::Str),
        _ => None,
    };
    match b {
        [0x1b, b'[', ..] => Some((Kind::Csi, 2)),
        [0x1b, b'O', ..] => Some((Kind::Ss3, 2)),
        [0x1b, b']' | b'P' | b'_' | b'X' | b'^', ..] => Some((Kind::Str, 2)),
        // The 8-bit forms: raw, or encoded as UTF-8 (U+0080..U+009F).
        [0xc2, c, ..] => c1(*c).map(|k| (k, 2)),
        [c, ..] => c1(*c).map(|k| (k, 1)),
        [] => None,
    }
}

/// What the decoder is discarding: the rest of a sequence it gave up on, or a paste.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Skip {
    #[default]
    Nothing,
    /// An Esc was reported alone when its time was up: an introducer's second byte next (`[`,
    /// `O`, `]`, `P`, `_`, `X`, `^`) starts its sequence.
    AfterEsc,
    /// A CSI's parameter and intermediate bytes, up to and including its final byte; `fresh`
    /// while none has come yet (an `M` then is an X10 mouse report, three raw bytes follow).
    Csi { fresh: bool },
    /// Raw bytes of a sequence (an X10 report's, the one after SS3).
    Raw(usize),
    /// A control string's body, up to BEL or ESC `\`; `esc` right after its ESC.
    Str { esc: bool },
    /// A bracketed paste's body, up to `ESC [ 201 ~`; `matched` bytes of that marker seen.
    Paste { matched: usize },
}

/// The end of a bracketed paste.
const PASTE_END: &[u8] = b"\x1b[201~";

/// The decoder's state: bytes of an unfinished sequence and when the first of them came; what is
/// being discarded and how much more of it may come late; the current burst.
#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
    since: Duration,
    skip: Skip,
    /// Reads after a pause that may still carry the skipped sequence's rest.
    late_pieces: u8,
    /// When bytes last came, if ever.
    last_read: Option<Duration>,
    /// Events the current burst has yielded (counting those shed).
    burst_events: usize,
    /// A kiosk's: a bracketed paste's body is dropped (a kiosk asks for bracketed paste), and
    /// so are the keys of a read with more than [`READ_KEYS`] of them.
    drop_pastes: bool,
}

impl Decoder {
    /// A decoder that drops the body of a bracketed paste (for a kiosk, which turns bracketed
    /// paste on: pasted text is never typed), and the keys of a read that holds more than
    /// [`READ_KEYS`] (text pasted where bracketed paste is not understood).
    pub fn drop_pastes() -> Self {
        Decoder {
            drop_pastes: true,
            ..Decoder::default()
        }
    }

    /// Decodes `bytes` that arrived at `now`.
    pub fn feed(&mut self, bytes: &[u8], now: Duration) -> Vec<Event> {
        if bytes.is_empty() {
            return Vec::new();
        }
        let paused = self.last_read.is_none_or(|t| now > t + PENDING);
        if matches!(self.skip, Skip::Paste { .. })
            && paused
            && bytes.len() <= MAX_KEY_BYTES
            && !bytes.contains(&0x1b)
        {
            // A paste that never ended (Alt-[ then `200~` typed by hand): a key pressed after a
            // pause is a key. A paste's own pieces come in bigger reads.
            self.skip = Skip::Nothing;
        }
        let burst = self
            .last_read
            .is_some_and(|t| now <= t + PENDING.max(self.gap_allowed()));
        self.last_read = Some(now);
        if !burst {
            self.burst_events = 0;
        }
        // Budget of bytes of a CSI's rest this read may drop; unbounded within a burst.
        let mut csi_budget = usize::MAX;
        if self.skip != Skip::Nothing && !self.pending.is_empty() {
            self.skip = Skip::Nothing;
        }
        if self.skip != Skip::Nothing && !burst {
            if matches!(self.skip, Skip::Paste { .. }) || self.late_pieces == 0 {
                self.skip = Skip::Nothing;
            } else {
                self.late_pieces -= 1;
                csi_budget = LATE_CSI;
            }
        }
        if self.pending.is_empty() {
            self.since = now;
        }
        self.pending.extend_from_slice(bytes);
        let mut out = Vec::new();
        let mut at = 0;
        while at < self.pending.len() {
            if self.skip != Skip::Nothing {
                let (n, esc) = self.skip_bytes(at, csi_budget);
                at += n;
                if esc {
                    self.pending.insert(at, 0x1b);
                }
                if at >= self.pending.len() {
                    break;
                }
            }
            let rest = &self.pending[at..];
            match parse(rest) {
                Parsed::Done(ev, n) => {
                    if let Some(ev) = ev {
                        if self.burst_events < BURST_EVENTS {
                            out.push(ev);
                        }
                        self.burst_events += 1;
                    }
                    at += n;
                }
                Parsed::Paste(n) => {
                    at += n;
                    if self.drop_pastes {
                        self.skip = Skip::Paste { matched: 0 };
                    }
                }
                Parsed::Unfinished => {
                    if let Some(skip) = too_long(rest) {
                        // Garbage or hostile: drop it, and what of it is still to come.
                        self.give_up(skip);
                        at = self.pending.len();
                    }
                    break;
                }
            }
        }
        self.pending.drain(..at);
        if at > 0 {
            // What is left started in this read.
            self.since = now;
        }
        if self.drop_pastes && out.iter().filter(|e| matches!(e, Event::Key(_))).count() > READ_KEYS
        {
            out.retain(|e| !matches!(e, Event::Key(_)));
        }
        out
    }

    /// How long a pause may be within one burst: a paste being dropped waits [`PASTE_GAP`].
    fn gap_allowed(&self) -> Duration {
        match self.skip {
            Skip::Paste { .. } => PASTE_GAP,
            _ => PENDING,
        }
    }

    /// Starts discarding what is still to come of a sequence given up.
    fn give_up(&mut self, skip: Skip) {
        self.skip = skip;
        self.late_pieces = LATE_PIECES;
    }

    /// Discards the bytes from `pending[at..]` that still belong to what is skipped (a CSI's
    /// parameters at most `csi_budget` of them); returns how many, and whether an Esc must be
    /// put back in front of the rest (an introducer's second byte right after an Esc reported
    /// alone). Clears the skip when what is skipped has ended.
    fn skip_bytes(&mut self, at: usize, csi_budget: usize) -> (usize, bool) {
        let input = &self.pending[at..];
        let skip = std::mem::take(&mut self.skip);
        match skip {
            Skip::Nothing => (0, false),
            Skip::AfterEsc => (
                0,
                matches!(input[0], b'[' | b'O' | b']' | b'P' | b'_' | b'X' | b'^'),
            ),
            Skip::Raw(n) => {
                let taken = n.min(input.len());
                if taken < n {
                    self.skip = Skip::Raw(n - taken);
                }
                (taken, false)
            }
            Skip::Csi { fresh } => {
                if fresh && input[0] == b'M' {
                    // X10 mouse: M and three raw bytes, any of which may look like a key.
                    self.skip = Skip::Raw(3);
                    let (n, _) = self.skip_bytes(at + 1, csi_budget);
                    return (1 + n, false);
                }
                for (i, &c) in input.iter().enumerate() {
                    match c {
                        _ if i >= csi_budget => return (i, false),
                        0x20..=0x3f => {}
                        0x40..=0x7e => return (i + 1, false),
                        _ => return (i, false),
                    }
                }
                if input.len() < csi_budget {
                    self.skip = Skip::Csi { fresh: false };
                }
                (input.len(), false)
            }
            Skip::Str { esc } => {
                if esc {
                    // The ESC of ST came at the end of the last read: its `\` ends the string.
                    return (usize::from(input[0] == b'\\'), false);
                }
                for (i, &c) in input.iter().enumerate() {
                    match (c, input.get(i + 1)) {
                        (0x07, _) => return (i + 1, false),
                        (0x1b, Some(b'\\')) => return (i + 2, false),
                        (0x1b, None) => {
                            self.skip = Skip::Str { esc: true };
                            return (i + 1, false);
                        }
                        (0x1b, Some(_)) => return (i, false),
                        _ => {}
                    }
                }
                self.skip = Skip::Str { esc: false };
                (input.len(), false)
            }
            Skip::Paste { mut matched } => {
                // Scan for the end marker, which may be cut across reads; keep nothing.
                for (i, &c) in input.iter().enumerate() {
                    if c == PASTE_END[matched] {
                        matched += 1;
                        if matched == PASTE_END.len() {
                            return (i + 1, false);
                        }
                    } else {
                        matched = usize::from(c == PASTE_END[0]);
                    }
                }
                self.skip = Skip::Paste { matched };
                (input.len(), false)
            }
        }
    }

    /// When the unfinished sequence held now must be resolved, if one is held.
    pub fn deadline(&self) -> Option<Duration> {
        (!self.pending.is_empty()).then(|| self.since + PENDING)
    }

    /// Resolves an unfinished sequence whose time is up (at `now`): a lone Esc is the Esc key;
    /// anything else is dropped, and the rest of it is dropped too whenever it comes. Returns
    /// nothing while the sequence still has time.
    pub fn expire(&mut self, now: Duration) -> Vec<Event> {
        match self.deadline() {
            Some(at) if now >= at => {}
            _ => return Vec::new(),
        }
        let held = std::mem::take(&mut self.pending);
        let skip = match intro(&held) {
            _ if held == [0x1b] => Skip::AfterEsc,
            Some((Kind::Csi, n)) => match &held[n..] {
                [] => Skip::Csi { fresh: true },
                [b'M', raw @ ..] => Skip::Raw(3 - raw.len().min(3)),
                _ => Skip::Csi { fresh: false },
            },
            Some((Kind::Ss3, _)) => Skip::Raw(1),
            Some((Kind::Str, _)) => Skip::Str {
                esc: held.last() == Some(&0x1b),
            },
            None => Skip::Nothing,
        };
        self.give_up(skip);
        if held == [0x1b] {
            vec![Event::Key(Key::Esc)]
        } else {
            Vec::new()
        }
    }
}

/// Whether an unfinished sequence is longer than any real one, and if so what of it to skip.
fn too_long(rest: &[u8]) -> Option<Skip> {
    match intro(rest) {
        Some((Kind::Str, _)) if rest.len() > MAX_STRING => Some(Skip::Str { esc: false }),
        Some((Kind::Csi, _)) if rest.len() > MAX_SEQUENCE => Some(Skip::Csi { fresh: false }),
        _ => None,
    }
}

/// Parses the event at the start of `b` (not empty).
fn parse(b: &[u8]) -> Parsed {
    match intro(b) {
        Some((Kind::Csi, n)) => return parse_csi(b, n),
        Some((Kind::Ss3, n)) => {
            return match b.get(n) {
                None => Parsed::Unfinished,
                Some(&f) => Parsed::Done(cursor_key(f).map(Event::Key), n + 1),
            };
        }
        Some((Kind::Str, n)) => return parse_string(b, n),
        None => {}
    }
    if b[0] != 0x1b {
        return parse_char(b, 0);
    }
    match b.get(1) {
        None => Parsed::Unfinished,
        // Esc Esc: the first is the Esc key; the second starts again.
        Some(0x1b) => Parsed::Done(Some(Event::Key(Key::Esc)), 1),
        // Alt and a key: the key (the app has no Alt chords).
        Some(_) => parse_char(b, 1),
    }
}

/// The character that starts at `b[at]` (after `at` bytes of prefix): whole, unfinished, or
/// broken — a byte that cannot continue it ends it at once, so the key after a broken character
/// is never lost.
fn parse_char(b: &[u8], at: usize) -> Parsed {
    let Some(n) = utf8_len(b[at]) else {
        return Parsed::Done(None, at + 1);
    };
    let end = at + n;
    if let Some(k) = b[at + 1..end.min(b.len())]
        .iter()
        .position(|c| !(0x80..=0xbf).contains(c))
    {
        return Parsed::Done(None, at + 1 + k);
    }
    if b.len() < end {
        return Parsed::Unfinished;
    }
    Parsed::Done(parse_plain(&b[at..end]), end)
}

/// A control string after its introducer (`n` bytes): read whole, up to BEL or `ESC \` (or the
/// 8-bit ST after an 8-bit introducer), and dropped (a terminal's reply to a query the app never
/// sends).
fn parse_string(b: &[u8], n: usize) -> Parsed {
    for (i, &c) in b.iter().enumerate().skip(n) {
        match (c, b.get(i + 1)) {
            (0x07, _) => return Parsed::Done(None, i + 1),
            (0x9c, _) if n == 1 => return Parsed::Done(None, i + 1),
            (0x1b, Some(b'\\')) => return Parsed::Done(None, i + 2),
            (0x1b, None) => return Parsed::Unfinished,
            // Another sequence cuts the string short: drop the string, read that afresh.
            (0x1b, Some(_)) => return Parsed::Done(None, i),
            _ => {}
        }
    }
    Parsed::Unfinished
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

/// Parses a CSI sequence whose introducer is `n` bytes long.
fn parse_csi(b: &[u8], n: usize) -> Parsed {
    // Legacy X10 mouse: the introducer, M and three raw bytes.
    if b.get(n) == Some(&b'M') {
        let Some(raw) = b.get(n + 1..n + 4) else {
            return Parsed::Unfinished;
        };
        let col = u16::from(raw[1].saturating_sub(33));
        let row = u16::from(raw[2].saturating_sub(33));
        let mouse = match raw[0].wrapping_sub(32) {
            0 => Some(Mouse::Down),
            3 => Some(Mouse::Up),
            32 => Some(Mouse::Drag),
            64 => Some(Mouse::ScrollUp),
            65 => Some(Mouse::ScrollDown),
            _ => None,
        };
        return Parsed::Done(mouse.map(|m| Event::Mouse(m, col, row)), n + 4);
    }
    for (i, &c) in b.iter().enumerate().skip(n) {
        match c {
            // Parameter and intermediate bytes.
            0x20..=0x3f => {}
            // Longer than any real sequence, even whole: garbage, dropped.
            0x40..=0x7e if i > MAX_SEQUENCE => return Parsed::Done(None, i + 1),
            b'~' if &b[n..i] == b"200" => return Parsed::Paste(i + 1),
            0x40..=0x7e => return Parsed::Done(csi_event(&b[n..i], c), i + 1),
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
mod tests;
