//! Touch and mouse, shared by every runner: a tap is a press and release without moving (so a
//! finger that drags a list does not also choose what it started on); a drag scrolls, a row at a
//! time, like a phone. Pure: the runner hands in cells, this hands back [`Input`]s.

use super::Input;

/// How many columns sideways a press may wander and still be a tap (a finger is wider than a
/// cell).
const SIDEWAYS: u16 = 2;

/// The pointer's state between a press and its release.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pointer {
    /// Where the button went down, and the row the drag has reached.
    down: Option<(u16, u16, u16)>,
    dragged: bool,
}

impl Pointer {
    /// The button (or finger) went down on a cell.
    pub fn press(&mut self, col: u16, row: u16) {
        self.down = Some((col, row, row));
        self.dragged = false;
    }

    /// The pointer moved with the button down: a scroll each time it reaches another row. A
    /// sideways swipe of two columns or more scrolls nothing but is no longer a tap either.
    pub fn drag(&mut self, col: u16, row: u16) -> Option<Input> {
        let (c0, r0, last) = self.down?;
        if col.abs_diff(c0) >= SIDEWAYS {
            self.dragged = true;
        }
        if row == last {
            return None;
        }
        self.dragged = true;
        self.down = Some((c0, r0, row));
        // Dragging the content down shows what is above.
        Some(Input::Scroll {
            col,
            row,
            up: row > last,
        })
    }

    /// The button came up at (`col`, `row`): a tap from where it went down, unless it was
    /// dragged. The app chooses only if both ends are on the same target (a terminal or a touch
    /// screen may report no movement in between).
    pub fn release(&mut self, col: u16, row: u16) -> Option<Input> {
        let (c0, r0, _) = self.down.take()?;
        (!self.dragged).then_some(Input::Tap {
            col: c0,
            row: r0,
            up_col: col,
            up_row: row,
        })
    }

    /// The press was taken away (the pointer left the page, the browser cancelled it).
    pub fn cancel(&mut self) {
        self.down = None;
        self.dragged = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tap(col: u16, row: u16, up_col: u16, up_row: u16) -> Option<Input> {
        Some(Input::Tap {
            col,
            row,
            up_col,
            up_row,
        })
    }

    #[test]
    fn a_tap_clicks_where_it_went_down() {
        let mut p = Pointer::default();
        p.press(3, 4);
        assert_eq!(p.drag(3, 4), None);
        assert_eq!(p.release(3, 4), tap(3, 4, 3, 4));
        assert_eq!(p.release(3, 4), None, "one release, one click");
    }

    #[test]
    fn a_release_elsewhere_with_no_drag_between_carries_both_ends() {
        let mut p = Pointer::default();
        p.press(3, 4);
        assert_eq!(p.release(3, 18), tap(3, 4, 3, 18));
    }

    #[test]
    fn a_drag_scrolls_and_does_not_click() {
        let mut p = Pointer::default();
        p.press(3, 4);
        assert_eq!(
            p.drag(3, 6),
            Some(Input::Scroll {
                col: 3,
                row: 6,
                up: true
            })
        );
        assert_eq!(
            p.drag(3, 5),
            Some(Input::Scroll {
                col: 3,
                row: 5,
                up: false
            })
        );
        assert_eq!(p.release(3, 5), None);
    }

    #[test]
    fn a_sideways_swipe_is_not_a_tap_but_a_wobble_is() {
        let mut p = Pointer::default();
        p.press(10, 4);
        assert_eq!(p.drag(11, 4), None);
        assert_eq!(
            p.release(11, 4),
            tap(10, 4, 11, 4),
            "one column: still a tap"
        );
        p.press(10, 4);
        assert_eq!(p.drag(20, 4), None, "sideways scrolls nothing");
        assert_eq!(p.release(20, 4), None, "and chooses nothing");
    }

    #[test]
    fn a_cancelled_press_does_nothing() {
        let mut p = Pointer::default();
        p.press(1, 1);
        p.cancel();
        assert_eq!(p.release(1, 1), None);
        assert_eq!(p.drag(1, 3), None);
    }
}
