//! The frame on the terminal, and the bytes that change it into the next one, written in one go.
//!
//! ratatui's `Terminal` hands out the frame to draw into; this module compares it with the frame
//! on screen and writes the difference itself, where `Terminal::draw` would. It writes the same
//! bytes as ratatui's diff and its crossterm backend (a test compares them frame by frame), with
//! these differences in the work, not in the result:
//! - the frame on screen is kept packed ([`shown`], 16 bytes a cell), not as a second ratatui
//!   `Buffer` of 48 bytes a cell: a key's comparison reads about 120 KB at 80x24, not 184 KB,
//!   and writes only what changed (after a pause, most of a key's time is waiting for memory);
//! - cells equal to those on screen, most of a key's redraw, cost packing and one comparison:
//!   ratatui also measured the width of each one's symbol first;
//! - the frame drawn into is blanked for the next frame after the write, not before it;
//! - cursor moves and text are written as bytes, without `fmt` (colours and attributes, rare,
//!   still go through crossterm's commands);
//! - a frame is one `write`: crossterm's commands went through standard output's line buffer of
//!   1 KiB, so a frame larger than that (a new screen, a resize) was cut into several writes,
//!   and the cursor command flushed it part-way.
//!
//! Nothing here knows the app: it compares buffers and encodes cells.

use std::io::{self, Write};
use std::mem;
use std::ops::Range;

use crossterm::cursor::Hide;
use crossterm::queue;
use crossterm::style::{
    Attribute, Color as CtColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use crossterm::terminal::{Clear, ClearType as CtClearType};
use ratatui::backend::{Backend, ClearType, IntoCrossterm, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};
use ratatui::{Frame, Terminal};

use super::clamp;
use shown::{Packed, Shown};

mod shown;

/// The frame on screen, the frame being drawn, and the bytes of the next write.
pub struct Screen {
    /// Hands out the frame to draw into, blank. Its backend only knows the size: nothing is
    /// written through it.
    frames: Terminal<Sized>,
    /// The frame on screen, compact: the comparison reads a third of the memory it would read in
    /// a second ratatui `Buffer`, and writes only the cells that changed.
    shown: Shown,
    /// The bytes of the next write.
    out: Vec<u8>,
}

impl Screen {
    /// A screen of `w` x `h` cells (cut to the drawn area), blank: the first frame is drawn
    /// whole.
    pub fn new(w: u16, h: u16) -> io::Result<Screen> {
        let (w, h) = clamp::clamp(w, h);
        let mut frames = Terminal::new(Sized(Size::new(w, h)))?;
        drop_other(&mut frames);
        let shown = Shown::blank(frames.get_frame().area());
        Ok(Screen {
            frames,
            shown,
            out: Vec::with_capacity(4096),
        })
    }

    /// The terminal's size changed: the next frame clears the screen and is drawn whole.
    pub fn resize(&mut self, w: u16, h: u16) {
        let (w, h) = clamp::clamp(w, h);
        self.frames.backend_mut().0 = Size::new(w, h);
    }

    /// What is on screen is unknown (the process was stopped and someone else used the
    /// terminal): the next frame clears the screen and is drawn whole.
    pub fn forget(&mut self) {
        self.shown = Shown::blank(Rect::default());
    }

    /// Draws a frame with `render` and writes what changed to `w` in one write (none if nothing
    /// did and nothing is queued).
    pub fn draw(&mut self, w: &mut impl Write, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        self.draw_changed(w, |f, _| {
            render(f);
            None
        })
    }

    /// [`Screen::draw`] for a `render` that may draw only some rows of the frame: told whether
    /// it may (not after a resize, which clears the screen, nor while the frame on screen holds
    /// a cell that did not pack), it returns the rows it drew, or `None` for the whole frame.
    /// Only those rows are compared and written; the others stay as they are on screen.
    pub fn draw_changed(
        &mut self,
        w: &mut impl Write,
        render: impl FnOnce(&mut Frame, bool) -> Option<Range<u16>>,
    ) -> io::Result<()> {
        let Size { width, height } = self.frames.backend().0;
        let area = Rect::new(0, 0, width, height);
        let resized = area != self.shown.area;
        if resized {
            // As ratatui does on a resize: clear the screen, then draw every cell.
            self.frames.resize(area)?;
            drop_other(&mut self.frames);
            self.shown = Shown::blank(area);
            queue!(self.out, Clear(CtClearType::All))?;
        }
        let may_part = !resized && !self.shown.has_odd();
        let rows = render(&mut self.frames.get_frame(), may_part);
        debug_assert!(
            may_part || rows.is_none(),
            "drew part of a frame that must be whole"
        );
        let rows = rows.filter(|_| may_part);
        let next = self.frames.current_buffer_mut();
        let encoded = encode(&mut self.shown, next, rows.clone(), &mut self.out);
        let written = match encoded {
            Ok(()) if !self.out.is_empty() => w.write_all(&self.out).and_then(|()| w.flush()),
            other => other,
        };
        self.out.clear();
        // Once the frame is written, not before: blanked for the next frame to draw into.
        match rows {
            Some(rows) => {
                let cells = cells_of(area, rows, next.content.len());
                next.content[cells].iter_mut().for_each(Cell::reset);
            }
            None => next.reset(),
        }
        written
    }
}

/// Drops ratatui's second buffer: `Terminal` keeps two, for its own diff, and the frame on
/// screen is kept in [`Shown`] instead (the memory freed is about what `Shown` then takes).
fn drop_other(frames: &mut Terminal<Sized>) {
    // Each swap blanks the buffer it makes current: the other one first, then the drawing one.
    frames.swap_buffers();
    drop(mem::take(frames.current_buffer_mut()));
    frames.swap_buffers();
}

/// Appends to `out` the bytes that turn `prev`, on screen, into `next` in `rows` (all with
/// `None`; the other rows are left as they are on screen): what ratatui's `Terminal::flush` and
/// `CrosstermBackend` write, then the cursor hidden again, as `Terminal::draw` does. Nothing
/// when nothing changed. `prev` becomes `next`.
fn encode(
    prev: &mut Shown,
    next: &Buffer,
    rows: Option<Range<u16>>,
    out: &mut Vec<u8>,
) -> io::Result<()> {
    let start = out.len();
    let mut pen = Pen::default();
    changes(prev, next, rows, |x, y, cell| pen.draw(out, x, y, cell))?;
    if out.len() == start {
        return Ok(());
    }
    queue!(
        out,
        SetForegroundColor(CtColor::Reset),
        SetBackgroundColor(CtColor::Reset),
        SetUnderlineColor(CtColor::Reset),
        SetAttribute(Attribute::Reset),
        Hide
    )
}

/// The terminal's cursor and colours while a frame is written, as the crossterm backend tracks
/// them.
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
    at: Option<(u16, u16)>,
}

impl Default for Pen {
    fn default() -> Self {
        Pen {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
            at: None,
        }
    }
}

impl Pen {
    /// Writes `cell` at (`x`, `y`): `CrosstermBackend::draw` for one cell.
    fn draw(&mut self, out: &mut Vec<u8>, x: u16, y: u16, cell: &Cell) -> io::Result<()> {
        if !matches!(self.at, Some((px, py)) if x == px + 1 && y == py) {
            move_to(out, x, y);
        }
        self.at = Some((x, y));
        if cell.modifier != self.modifier {
            modifier_diff(out, self.modifier, cell.modifier)?;
            self.modifier = cell.modifier;
        }
        if cell.fg != self.fg || cell.bg != self.bg {
            let colors = Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm());
            queue!(out, SetColors(colors))?;
            self.fg = cell.fg;
            self.bg = cell.bg;
        }
        if cell.underline_color != self.underline {
            queue!(
                out,
                SetUnderlineColor(cell.underline_color.into_crossterm())
            )?;
            self.underline = cell.underline_color;
        }
        out.extend_from_slice(cell.symbol().as_bytes());
        Ok(())
    }
}

/// `ESC [ row ; col H` (1-based), as crossterm's `MoveTo` writes it.
fn move_to(out: &mut Vec<u8>, x: u16, y: u16) {
    out.extend_from_slice(b"\x1b[");
    decimal(out, u32::from(y) + 1);
    out.push(b';');
    decimal(out, u32::from(x) + 1);
    out.push(b'H');
}

fn decimal(out: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// The attributes that take the terminal from `from` to `to`, in the crossterm backend's order.
fn modifier_diff(out: &mut Vec<u8>, from: Modifier, to: Modifier) -> io::Result<()> {
    let mut set = |a: Attribute| queue!(out, SetAttribute(a));
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        set(Attribute::NoReverse)?;
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        // Bold and dim are reset together; what of them stays is set again.
        set(Attribute::NormalIntensity)?;
        if to.contains(Modifier::DIM) {
            set(Attribute::Dim)?;
        }
        if to.contains(Modifier::BOLD) {
            set(Attribute::Bold)?;
        }
    }
    for (m, a) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(m) {
            set(a)?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        set(Attribute::NoBlink)?;
    }
    let added = to - from;
    for (m, a, unless_reset) in [
        (Modifier::REVERSED, Attribute::Reverse, false),
        (Modifier::BOLD, Attribute::Bold, true),
        (Modifier::ITALIC, Attribute::Italic, false),
        (Modifier::UNDERLINED, Attribute::Underlined, false),
        (Modifier::DIM, Attribute::Dim, true),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut, false),
        (Modifier::HIDDEN, Attribute::Hidden, false),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink, false),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink, false),
    ] {
        if added.contains(m) && !(unless_reset && reset_intensity) {
            set(a)?;
        }
    }
    Ok(())
}

/// Modifiers that show on a blank cell.
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

/// Whether the cell on screen, `packed` (and `whole` when it was unpacked), shows on blank
/// cells: a background colour or a modifier of [`VISIBLE_ON_BLANK`].
fn shows_on_blank(packed: Packed, whole: Option<&Cell>) -> bool {
    match whole {
        Some(old) => old.bg != Color::Reset || old.modifier.intersects(VISIBLE_ON_BLANK),
        None => packed.bg_is_set() || packed.modifier().intersects(VISIBLE_ON_BLANK),
    }
}

/// Whether the diff passes over `cell` (`is_skip` in ratatui's diff).
#[allow(deprecated, reason = "ratatui's diff still honours the old skip flag")]
fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

/// The width of `cell` on screen: 1 for a one-byte symbol (ratatui's `CellWidth`, without its
/// work for the common case).
fn width(cell: &Cell) -> usize {
    use ratatui::buffer::CellWidth;
    match cell.diff_option {
        CellDiffOption::ForcedWidth(_) => usize::from(cell.cell_width()),
        _ if cell.symbol().len() == 1 => 1,
        _ => usize::from(cell.cell_width()),
    }
}

/// Whether two cells are equal: `Cell`'s `==`, without its calls (most cells of a frame are
/// compared, and most are equal, to the one on screen).
#[allow(
    deprecated,
    reason = "ratatui's equality still compares the old skip flag"
)]
fn same(a: &Cell, b: &Cell) -> bool {
    let same = a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
        && a.diff_option == b.diff_option
        && a.skip == b.skip
        && {
            let (x, y) = (a.symbol().as_bytes(), b.symbol().as_bytes());
            match (x, y) {
                ([x], [y]) => x == y,
                _ => x == y,
            }
        };
    debug_assert_eq!(
        same,
        a == b,
        "ratatui's Cell has changed: compare what it compares"
    );
    same
}

/// Calls `emit` with each cell of `next` that must be written over `prev`: the cells ratatui's
/// `BufferDiff` yields, in its order, by the same rules (wide characters, the trailing cells of
/// a wide character replaced by a narrower one, VS16 emoji, skipped and forced cells). A cell
/// equal to the one on screen costs packing it and one comparison. `prev` becomes `next`: each
/// cell is set once the comparison has passed it, and only if it changed. With `rows`, only
/// those rows, which must then hold no cell that did not pack: the others are passed over, as
/// they are on screen.
fn changes(
    prev: &mut Shown,
    next: &Buffer,
    rows: Option<Range<u16>>,
    mut emit: impl FnMut(u16, u16, &Cell) -> io::Result<()>,
) -> io::Result<()> {
    let area = next.area;
    let n = &next.content;
    let mut rows = rows;
    if prev.area != area || prev.len() != n.len() {
        *prev = Shown::blank(area);
        rows = None;
    }
    let len = n.len();
    let w = usize::from(area.width.max(1));
    let Range { start: first, end } = rows.map_or(0..len, |r| cells_of(area, r, len));
    let at = |i: usize| {
        let x = (i % w) as u16 + area.x;
        let y = (i / w) as u16 + area.y;
        (x, y)
    };
    let mut emit = |i: usize| {
        let (x, y) = at(i);
        emit(x, y, &n[i])
    };
    let mut pos = first;
    while pos < end {
        let i = pos;
        pos += 1;
        let cur = &n[i];
        let (packed, old) = (prev.pack(cur), prev.get(i));
        if packed == old && packed.is_narrow() {
            // The common case: as on screen.
            continue;
        }
        let plain = if Shown::is_odd(packed) || Shown::is_odd(old) {
            #[allow(deprecated, reason = "ratatui's diff still honours the old skip flag")]
            let plain = cur.diff_option == CellDiffOption::None && !cur.skip;
            plain && same(cur, &prev.cell(i))
        } else {
            packed == old
        };
        if plain {
            // The common case: as on screen.
            pos += width(cur).saturating_sub(1);
        } else {
            pos = changed(n, prev, i, pos, len, &mut emit)?;
        }
        if packed != old || Shown::is_odd(packed) {
            prev.set(i, packed);
        }
        // The trailing cells of a wide character, passed over.
        for (j, cell) in n.iter().enumerate().take(pos).skip(i + 1) {
            let p = prev.pack(cell);
            prev.set(j, p);
        }
    }
    prev.done();
    Ok(())
}

/// The cells of `rows` in a buffer of `area` holding `len` cells.
fn cells_of(area: Rect, rows: Range<u16>, len: usize) -> Range<usize> {
    let row = |y: u16| (usize::from(y.saturating_sub(area.y)) * usize::from(area.width)).min(len);
    row(rows.start)..row(rows.end)
}

/// Cell `i` of `n` is not plainly as on screen (`p`): emits what must be written for it, as
/// ratatui's diff does, and returns where the diff goes on (`pos` unless a wide character moves
/// it).
fn changed(
    n: &[Cell],
    p: &Shown,
    i: usize,
    mut pos: usize,
    len: usize,
    emit: &mut impl FnMut(usize) -> io::Result<()>,
) -> io::Result<usize> {
    let cur = &n[i];
    match cur.diff_option {
        CellDiffOption::Skip => {}
        _ if is_skip(cur) => {}
        CellDiffOption::ForcedWidth(fw) => {
            pos = pos.saturating_add(usize::from(fw.get()).saturating_sub(1));
            if !same(cur, &p.cell(i)) {
                emit(i)?;
            }
        }
        CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
            let cw = width(cur);
            // The cell on screen is unpacked only when it is not one byte wide (rare).
            let narrow = p.get(i).is_narrow();
            let old = (!narrow).then(|| p.cell(i));
            let old_w = old.as_ref().map_or(1, width);
            emit(i)?;
            if cw > 1 && cur.symbol().contains('\u{FE0F}') {
                // Terminals that leave a VS16 emoji's trailing column: write what changed there.
                pos = trailing(n, p, i + 1, (i + cw).min(len), len, false, emit)?;
            } else if cw > 1 {
                pos += cw - 1;
            } else if old_w > cw && shows_on_blank(p.get(i), old.as_ref()) {
                // A wide character whose style shows on blank cells was replaced by a narrower
                // one: write every cell it covered.
                pos = trailing(n, p, i + 1, i + old_w, len, true, emit)?;
            }
        }
    }
    Ok(pos)
}

/// The trailing cells of a wide character at `from..end` (`end` grows over wide cells, up to
/// `len`): each one not skipped, if `force` or if its symbol changed. Returns where the diff goes
/// on.
fn trailing(
    n: &[Cell],
    p: &Shown,
    from: usize,
    end: usize,
    len: usize,
    force: bool,
    emit: &mut impl FnMut(usize) -> io::Result<()>,
) -> io::Result<usize> {
    let (mut j_next, mut end) = (from, end);
    // Never past the buffer (ratatui's diff would index past it for a wide character in the
    // last cell).
    while j_next < end.min(len) {
        let j = j_next;
        j_next += width(&n[j]).max(1);
        end = end.max(j_next).min(len);
        if !is_skip(&n[j]) && (force || p.cell(j).symbol() != n[j].symbol()) {
            emit(j)?;
        }
    }
    Ok(end)
}

/// A backend that only knows the terminal's size: ratatui's `Terminal` needs one to hand out
/// frames; [`Screen`] writes the frames itself.
struct Sized(Size);

impl Backend for Sized {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, _content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, _position: P) -> io::Result<()> {
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn clear_region(&mut self, _clear_type: ClearType) -> io::Result<()> {
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.0)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.0,
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests;
