//! The frame on screen, kept compact: 16 bytes a cell, where ratatui's `Buffer` takes 48.
//!
//! A key's frame is compared with the frame on screen cell by cell, and most cells are equal:
//! the comparison is mostly reading memory, which after a pause is out of the caches. A packed
//! cell holds exactly what ratatui compares (symbol, colours, modifiers), so two cells are equal
//! when their packed forms are; the rare cell that does not pack (a symbol of more than four
//! bytes, a diff option, the skip flag) is kept whole in a side list, for this frame only.
//!
//! What it holds is what is on screen, no more: a kiosk reset draws the welcome screen over it,
//! as over ratatui's buffer before.

use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

/// A cell packed into 128 bits: its symbol's bytes (0..32) and length (32..35), its modifier
/// (35..51), fg (51..76), bg (76..101) and underline colour (101..126); or, with bit 127 set,
/// an index into the frame's list of cells that do not pack.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Packed(u128);

const ODD: u128 = 1 << 127;

impl Packed {
    /// Whether the cell packed and its symbol is one byte: one column wide, whatever ratatui's
    /// diff asks of it.
    #[inline(always)]
    pub fn is_narrow(self) -> bool {
        self.0 & (ODD | 7 << 32) == 1 << 32
    }

    /// Whether the background is not `Reset` (a cell that packed).
    pub fn bg_is_set(self) -> bool {
        (self.0 >> 76) & 0x1ff_ffff != 0
    }

    /// The modifier (a cell that packed).
    pub fn modifier(self) -> Modifier {
        Modifier::from_bits_retain((self.0 >> 35) as u16)
    }
}

/// A blank cell (`Cell::EMPTY`), packed.
pub const BLANK: Packed = Packed(b' ' as u128 | 1 << 32);

/// The colours without a value, in the order of ratatui's `Color`.
const NAMED: [Color; 17] = [
    Color::Reset,
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
];

/// A colour in 25 bits: a named colour's place in [`NAMED`], `0x100 | i` for `Indexed(i)`,
/// `0x100_0000 | rgb` for `Rgb`. Two comparisons, no table: most cells are compared once a
/// frame, after a pause, when a jump through a table is as cold as the table.
#[inline(always)]
fn color_bits(c: Color) -> u128 {
    let bits = match c {
        Color::Rgb(r, g, b) => 0x100_0000 | u32::from_be_bytes([0, r, g, b]),
        Color::Indexed(i) => 0x100 | u32::from(i),
        named => place(named),
    };
    u128::from(bits)
}

/// The place of `c` among ratatui's colours, in their order: the compiler reads it from the
/// colour itself.
#[inline(always)]
fn place(c: Color) -> u32 {
    match c {
        Color::Reset => 0,
        Color::Black => 1,
        Color::Red => 2,
        Color::Green => 3,
        Color::Yellow => 4,
        Color::Blue => 5,
        Color::Magenta => 6,
        Color::Cyan => 7,
        Color::Gray => 8,
        Color::DarkGray => 9,
        Color::LightRed => 10,
        Color::LightGreen => 11,
        Color::LightYellow => 12,
        Color::LightBlue => 13,
        Color::LightMagenta => 14,
        Color::LightCyan => 15,
        Color::White => 16,
        Color::Rgb(..) => 17,
        Color::Indexed(_) => 18,
    }
}

fn color_of(bits: u128) -> Color {
    let bits = (bits & 0x1ff_ffff) as u32;
    if bits & 0x100_0000 != 0 {
        let [_, r, g, b] = bits.to_be_bytes();
        Color::Rgb(r, g, b)
    } else if bits & 0x100 != 0 {
        Color::Indexed(bits as u8)
    } else {
        NAMED.get(bits as usize).copied().unwrap_or_default()
    }
}

/// `cell` packed, if it packs: a symbol of at most four bytes, no diff option, no skip flag.
#[allow(
    deprecated,
    reason = "ratatui's equality still compares the old skip flag"
)]
#[inline(always)]
fn try_pack(cell: &Cell) -> Option<Packed> {
    if cell.diff_option != CellDiffOption::None || cell.skip {
        return None;
    }
    let s = cell.symbol().as_bytes();
    let sym = match *s {
        [a] => u32::from(a),
        _ => return try_pack_wide(cell, s),
    };
    Some(Packed(
        u128::from(sym)
            | 1 << 32
            | u128::from(cell.modifier.bits()) << 35
            | color_bits(cell.fg) << 51
            | color_bits(cell.bg) << 76
            | color_bits(cell.underline_color) << 101,
    ))
}

/// [`try_pack`] for a symbol that is not one byte.
fn try_pack_wide(cell: &Cell, s: &[u8]) -> Option<Packed> {
    let sym = match *s {
        [] => 0,
        [a, b] => u32::from_le_bytes([a, b, 0, 0]),
        [a, b, c] => u32::from_le_bytes([a, b, c, 0]),
        [a, b, c, d] => u32::from_le_bytes([a, b, c, d]),
        _ => return None,
    };
    Some(Packed(
        u128::from(sym)
            | (s.len() as u128) << 32
            | u128::from(cell.modifier.bits()) << 35
            | color_bits(cell.fg) << 51
            | color_bits(cell.bg) << 76
            | color_bits(cell.underline_color) << 101,
    ))
}

/// The frame on screen: a packed cell for each cell of its area.
#[derive(Debug, Default)]
pub struct Shown {
    /// The area on screen.
    pub area: Rect,
    cells: Vec<Packed>,
    /// The cells that do not pack, whole; a packed cell with the `ODD` bit is an index here.
    odd: Vec<Cell>,
    /// Those of the frame being compared in, until it is the frame on screen.
    next_odd: Vec<Cell>,
}

impl Shown {
    /// A blank screen of `area`.
    pub fn blank(area: Rect) -> Shown {
        Shown {
            area,
            cells: vec![BLANK; area.area() as usize],
            odd: Vec::new(),
            next_odd: Vec::new(),
        }
    }

    /// How many cells it has.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// Cell `i` packed.
    pub fn get(&self, i: usize) -> Packed {
        self.cells[i]
    }

    /// `cell` packed for the frame being compared in (a cell that does not pack is kept).
    #[inline(always)]
    pub fn pack(&mut self, cell: &Cell) -> Packed {
        match try_pack(cell) {
            Some(p) => p,
            None => self.keep_odd(cell),
        }
    }

    #[cold]
    #[inline(never)]
    fn keep_odd(&mut self, cell: &Cell) -> Packed {
        self.next_odd.push(cell.clone());
        Packed(ODD | (self.next_odd.len() - 1) as u128)
    }

    /// Whether the frame on screen holds a cell that did not pack.
    pub fn has_odd(&self) -> bool {
        !self.odd.is_empty()
    }

    /// Whether `p` is a cell that did not pack: equal cells may then differ in their packed form.
    pub fn is_odd(p: Packed) -> bool {
        p.0 & ODD != 0
    }

    /// Sets cell `i` to `p`, a cell of the frame being compared in (from [`Shown::pack`]).
    pub fn set(&mut self, i: usize, p: Packed) {
        self.cells[i] = p;
    }

    /// Cell `i` as ratatui's `Cell`.
    pub fn cell(&self, i: usize) -> Cell {
        let p = self.cells[i].0;
        if p & ODD != 0 {
            return self
                .odd
                .get((p & !ODD) as usize)
                .cloned()
                .unwrap_or_default();
        }
        let len = ((p >> 32) & 7) as usize;
        let bytes = ((p & 0xffff_ffff) as u32).to_le_bytes();
        let mut cell = Cell::EMPTY;
        cell.set_symbol(std::str::from_utf8(&bytes[..len.min(4)]).unwrap_or(" "));
        cell.modifier = Modifier::from_bits_retain((p >> 35) as u16);
        cell.fg = color_of(p >> 51);
        cell.bg = color_of(p >> 76);
        cell.underline_color = color_of(p >> 101);
        cell
    }

    /// The frame compared in is now the one on screen: its odd cells replace the old ones
    /// (forgotten).
    pub fn done(&mut self) {
        std::mem::swap(&mut self.odd, &mut self.next_odd);
        self.next_odd.clear();
    }
}

#[cfg(test)]
mod tests;
