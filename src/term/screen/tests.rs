//! The screen writes what ratatui's `Terminal::draw` with the crossterm backend writes, frame by
//! frame, for arbitrary frames: wide characters, emoji, styles, skipped and forced cells, resizes.

use super::*;
use crate::term::clamp::Clamped;
use proptest::prelude::*;
use ratatui::backend::CrosstermBackend;
use ratatui::style::Style;
use std::cell::RefCell;
use std::num::NonZeroU16;
use std::rc::Rc;

const SYMBOLS: [&str; 10] = ["a", "b", " ", "é", "中", "😀", "❤\u{fe0f}", "›", "", "ab"];
const COLORS: [Color; 4] = [
    Color::Reset,
    Color::Red,
    Color::Indexed(33),
    Color::Rgb(1, 2, 3),
];
const MODIFIERS: [Modifier; 8] = [
    Modifier::BOLD,
    Modifier::DIM,
    Modifier::REVERSED,
    Modifier::ITALIC,
    Modifier::UNDERLINED,
    Modifier::CROSSED_OUT,
    Modifier::SLOW_BLINK,
    Modifier::HIDDEN,
];

/// One write on a cell: (x, y, symbol, fg, bg, modifier bits, underline colour, diff option).
type Put = (u16, u16, usize, usize, usize, u8, bool, u8);

fn put() -> impl Strategy<Value = Put> {
    (
        0u16..14,
        0u16..5,
        0..SYMBOLS.len(),
        0..COLORS.len(),
        0..COLORS.len(),
        any::<u8>(),
        any::<bool>(),
        0u8..12,
    )
}

/// A frame of `w` x `h` made by writing `puts` in order, as widgets do (a later write may land on
/// a wide character's trailing cell).
fn frame(w: u16, h: u16, puts: &[Put]) -> Buffer {
    let mut b = Buffer::empty(Rect::new(0, 0, w, h));
    for &(x, y, s, fg, bg, m, ul, opt) in puts {
        if x >= w || y >= h {
            continue;
        }
        let modifier = MODIFIERS
            .iter()
            .enumerate()
            .filter(|(i, _)| m & (1 << i) != 0)
            .fold(Modifier::empty(), |a, (_, &m)| a | m);
        let mut style = Style::default().fg(COLORS[fg]).bg(COLORS[bg]);
        style = style.add_modifier(modifier);
        if ul {
            style = style.underline_color(Color::Blue);
        }
        b.set_stringn(x, y, SYMBOLS[s], usize::from(w - x), style);
        let cell = &mut b[(x, y)];
        match opt {
            0 => {
                cell.set_diff_option(CellDiffOption::Skip);
            }
            1 => {
                cell.set_diff_option(CellDiffOption::AlwaysUpdate);
            }
            // Not in the last column: ratatui's own diff indexes past the buffer there.
            2 if x + 1 < w => {
                cell.set_diff_option(CellDiffOption::ForcedWidth(
                    NonZeroU16::MIN.saturating_add(1),
                ));
            }
            _ => {}
        }
    }
    b
}

/// Bytes written, kept where the test can take them.
#[derive(Clone, Default)]
struct Written(Rc<RefCell<Vec<u8>>>);

impl Write for Written {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

type Theirs = Terminal<Clamped<CrosstermBackend<Written>>>;

/// ratatui's terminal with the crossterm backend writing into memory, told its size.
fn ratatui_terminal(w: u16, h: u16) -> (Theirs, Written) {
    let written = Written::default();
    let mut backend = Clamped::new(CrosstermBackend::new(written.clone()));
    backend.set_size(w, h);
    (Terminal::new(backend).unwrap(), written)
}

/// What ratatui writes for `b` after the frames before it.
fn ratatui_bytes((t, written): &mut (Theirs, Written), b: &Buffer) -> Vec<u8> {
    let (w, h) = (b.area.width, b.area.height);
    t.backend_mut().set_size(w, h);
    t.draw(|f| f.buffer_mut().clone_from(b)).unwrap();
    std::mem::take(&mut *written.0.borrow_mut())
}

/// What the screen writes for `b` after the frames before it.
fn screen_bytes(s: &mut Screen, b: &Buffer) -> Vec<u8> {
    s.resize(b.area.width, b.area.height);
    let mut out = Vec::new();
    s.draw(&mut out, |f| {
        let blank = Buffer::empty(f.area());
        assert_eq!(
            *f.buffer_mut(),
            blank,
            "a frame is drawn into a blank buffer"
        );
        f.buffer_mut().clone_from(b);
    })
    .unwrap();
    out
}

/// ratatui writes the attribute reset and hides the cursor after every frame, even one that
/// changed no cell; the screen does not.
const NOTHING_CHANGED: &[u8] = b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m\x1b[?25l";

/// ratatui clears twice when a window gets narrower (once for the shrink, once for the resize).
fn one_clear(mut bytes: Vec<u8>) -> Vec<u8> {
    const CLEAR: &[u8] = b"\x1b[2J";
    while bytes.starts_with(&[CLEAR, CLEAR].concat()) {
        bytes.drain(..CLEAR.len());
    }
    bytes
}

/// Asserts that the screen writes what ratatui writes for each of `frames` in turn.
fn same_bytes(frames: &[Buffer]) {
    let mut t = ratatui_terminal(frames[0].area.width, frames[0].area.height);
    let mut s = Screen::new(frames[0].area.width, frames[0].area.height).unwrap();
    for (i, b) in frames.iter().enumerate() {
        let theirs = one_clear(ratatui_bytes(&mut t, b));
        let mut ours = screen_bytes(&mut s, b);
        if !ours.ends_with(b"\x1b[?25l") {
            ours.extend_from_slice(NOTHING_CHANGED);
        }
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs),
            "frame {i}"
        );
    }
}

#[test]
fn wide_characters_are_written_as_ratatui_writes_them() {
    let plain = Style::default();
    let shown = Style::default().bg(Color::Red);
    let mut wide = Buffer::empty(Rect::new(0, 0, 6, 2));
    wide.set_string(0, 0, "中❤\u{fe0f}a", shown);
    // A later write on the wide character's trailing cell, as a careless widget does.
    let mut overwritten = wide.clone();
    overwritten.set_string(1, 0, "b", plain);
    let mut narrower = Buffer::empty(Rect::new(0, 0, 6, 2));
    narrower.set_string(0, 0, "xyzw", plain);
    let mut forced = narrower.clone();
    forced[(1, 1)].set_diff_option(CellDiffOption::ForcedWidth(
        NonZeroU16::MIN.saturating_add(1),
    ));
    same_bytes(&[
        wide.clone(),
        overwritten,
        wide,
        narrower,
        forced.clone(),
        forced,
    ]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_screen_writes_what_ratatui_writes(
        frames in prop::collection::vec(
            (prop::sample::select(vec![(14u16, 5u16), (14, 5), (14, 5), (9, 3)]),
             prop::collection::vec(put(), 0..40)),
            1..6,
        )
    ) {
        let mut t = ratatui_terminal(14, 5);
        let mut s = Screen::new(14, 5).unwrap();
        for ((w, h), puts) in &frames {
            let b = frame(*w, *h, puts);
            let theirs = one_clear(ratatui_bytes(&mut t, &b));
            let ours = screen_bytes(&mut s, &b);
            if ours.ends_with(b"\x1b[?25l") {
                prop_assert_eq!(
                    String::from_utf8_lossy(&ours),
                    String::from_utf8_lossy(&theirs)
                );
            } else {
                // No cell changed: only the clear of a resize, or nothing.
                prop_assert_eq!([ours, NOTHING_CHANGED.to_vec()].concat(), theirs);
            }
        }
    }
}

#[test]
fn a_large_frame_is_one_write() {
    /// Counts the writes it is given; takes every byte each time.
    #[derive(Default)]
    struct Writes(usize, usize);
    impl Write for Writes {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0 += 1;
            self.1 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let mut s = Screen::new(120, 40).unwrap();
    let mut w = Writes::default();
    s.draw(&mut w, |f| {
        for y in 0..40 {
            let style = Style::default().fg(COLORS[usize::from(y % 4)]);
            f.buffer_mut().set_string(0, y, "x".repeat(120), style);
        }
    })
    .unwrap();
    assert_eq!(w.0, 1, "one write");
    assert!(w.1 > 4800, "the whole frame in it: {} bytes", w.1);
    s.draw(&mut w, |f| {
        for y in 0..40 {
            let style = Style::default().fg(COLORS[usize::from(y % 4)]);
            f.buffer_mut().set_string(0, y, "x".repeat(120), style);
        }
    })
    .unwrap();
    assert_eq!(w.0, 1, "the same frame again writes nothing");
}

#[test]
fn the_screen_keeps_one_buffer_of_its_size_blank_between_frames() {
    let mut s = Screen::new(20, 6).unwrap();
    let area = Rect::new(0, 0, 20, 6);
    assert_eq!(s.shown.area, area);
    assert_eq!(*s.frames.current_buffer_mut(), Buffer::empty(area));
    let ratatuis_second = |s: &mut Screen| {
        s.frames.swap_buffers();
        let len = s.frames.current_buffer_mut().content.len();
        s.frames.swap_buffers();
        len
    };
    assert_eq!(ratatuis_second(&mut s), 0, "ratatui's second is dropped");
    s.resize(30, 4);
    s.draw(&mut io::sink(), |f| {
        f.buffer_mut().set_string(0, 0, "x", Style::default())
    })
    .unwrap();
    assert_eq!(s.shown.area, Rect::new(0, 0, 30, 4));
    assert_eq!(
        *s.frames.current_buffer_mut(),
        Buffer::empty(Rect::new(0, 0, 30, 4)),
        "blanked once written"
    );
    assert_eq!(ratatuis_second(&mut s), 0, "after a resize too");
}

#[test]
fn numbers_are_written_as_crossterm_writes_them() {
    for n in [0, 1, 9, 10, 99, 100, 65535, 65536, u32::MAX] {
        let mut out = Vec::new();
        decimal(&mut out, n);
        assert_eq!(out, n.to_string().into_bytes());
    }
    let mut out = Vec::new();
    move_to(&mut out, 4, 11);
    let mut theirs = Vec::new();
    queue!(theirs, crossterm::cursor::MoveTo(4, 11)).unwrap();
    assert_eq!(out, theirs);
}
