//! A packed cell is exact: two cells that pack are equal exactly when their packed forms are,
//! and a cell comes back from its packed form (or the side list) as it went in.

use super::*;
use proptest::prelude::*;
use std::num::NonZeroU16;

const SYMBOLS: [&str; 12] = [
    " ",
    "a",
    "",
    "\0",
    "é",
    "中",
    "😀",
    "❤\u{fe0f}",
    "›",
    "ab",
    "abcd",
    "abcde",
];

fn color() -> impl Strategy<Value = Color> {
    prop_oneof![
        (0..NAMED.len()).prop_map(|i| NAMED[i]),
        any::<u8>().prop_map(Color::Indexed),
        any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
    ]
}

#[allow(
    deprecated,
    reason = "ratatui's equality still compares the old skip flag"
)]
fn cell() -> impl Strategy<Value = Cell> {
    (
        0..SYMBOLS.len() + 1,
        color(),
        color(),
        color(),
        any::<u16>(),
        0u8..8,
        0u8..8,
    )
        .prop_map(|(s, fg, bg, ul, m, opt, skip)| {
            let mut c = Cell::EMPTY;
            if let Some(s) = SYMBOLS.get(s) {
                c.set_symbol(s);
            }
            c.fg = fg;
            c.bg = bg;
            c.underline_color = ul;
            // Mostly the modifiers ratatui names, sometimes bits it does not.
            c.modifier = Modifier::from_bits_retain(if m % 4 == 0 { m } else { m & 0x1ff });
            c.diff_option = match opt {
                0 => CellDiffOption::Skip,
                1 => CellDiffOption::AlwaysUpdate,
                2 => CellDiffOption::ForcedWidth(NonZeroU16::MIN.saturating_add(1)),
                _ => CellDiffOption::None,
            };
            c.skip = skip == 0;
            c
        })
}

#[test]
fn a_blank_cell_packs_to_blank_with_or_without_its_space() {
    let mut s = Shown::blank(Rect::new(0, 0, 2, 1));
    assert_eq!(s.pack(&Cell::EMPTY), BLANK);
    assert_eq!(s.pack(&Cell::new(" ")), BLANK);
    assert_eq!(s.cell(0), Cell::EMPTY);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn packed_cells_are_equal_exactly_when_the_cells_are(a in cell(), b in cell()) {
        let mut s = Shown::blank(Rect::new(0, 0, 2, 1));
        let (pa, pb) = (s.pack(&a), s.pack(&b));
        if !Shown::is_odd(pa) && !Shown::is_odd(pb) {
            prop_assert_eq!(pa == pb, a == b);
        }
        prop_assert_eq!(pa == s.pack(&a.clone()), !Shown::is_odd(pa));
        if !Shown::is_odd(pa) {
            prop_assert_eq!(pa.bg_is_set(), a.bg != Color::Reset);
            prop_assert_eq!(pa.modifier(), a.modifier);
            prop_assert_eq!(pa.is_narrow(), a.symbol().len() == 1);
        }
    }

    #[test]
    fn a_cell_comes_back_as_it_was_packed(cells in prop::collection::vec(cell(), 1..8)) {
        let mut s = Shown::blank(Rect::new(0, 0, cells.len() as u16, 1));
        for (i, c) in cells.iter().enumerate() {
            let p = s.pack(c);
            s.set(i, p);
        }
        s.done();
        for (i, c) in cells.iter().enumerate() {
            let back = s.cell(i);
            prop_assert_eq!(&back, c);
            prop_assert_eq!(back.symbol(), c.symbol());
        }
    }
}
