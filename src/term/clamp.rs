//! A ceiling on the drawn area. A terminal can claim any size up to 65535x65535 (an SSH client
//! sets its own), and ratatui keeps two buffers of that many cells: at 65535x65535 the
//! allocation failed and aborted the process, at 2000x2000 it took 380 MB. The app draws into
//! at most [`MAX_W`] x [`MAX_H`] cells at the top left; the rest of a larger window stays blank.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// The widest and tallest area drawn: more than any screen shows at a readable size.
pub const MAX_W: u16 = 500;
pub const MAX_H: u16 = 200;

/// A terminal size cut to the drawn area.
pub fn clamp(w: u16, h: u16) -> (u16, u16) {
    (w.min(MAX_W), h.min(MAX_H))
}

/// A backend that reports at most [`MAX_W`] x [`MAX_H`] cells and passes everything else on.
/// It also remembers the size it was last told: crossterm opens `/dev/tty` to ask the size, and
/// ratatui asks before every frame. (The runner's [`Screen`](super::screen::Screen) writes its
/// frames itself and caps its size with [`clamp`]; this serves a ratatui `Terminal` drawing
/// through crossterm, as the screen's tests do.)
pub struct Clamped<B> {
    inner: B,
    size: Option<Size>,
}

impl<B> Clamped<B> {
    /// `inner`, asked for its size until [`Clamped::set_size`] says it.
    pub fn new(inner: B) -> Self {
        Clamped { inner, size: None }
    }

    /// The terminal's size now (it is clamped here).
    pub fn set_size(&mut self, width: u16, height: u16) {
        let (width, height) = clamp(width, height);
        self.size = Some(Size { width, height });
    }
}

impl<B: Backend> Backend for Clamped<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        if let Some(s) = self.size {
            return Ok(s);
        }
        let s = self.inner.size()?;
        let (width, height) = clamp(s.width, s.height);
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let mut ws = self.inner.window_size()?;
        (ws.columns_rows.width, ws.columns_rows.height) =
            clamp(ws.columns_rows.width, ws.columns_rows.height);
        Ok(ws)
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;

    #[test]
    fn a_huge_window_is_drawn_in_a_bounded_area() {
        assert_eq!(clamp(65535, 65535), (MAX_W, MAX_H));
        assert_eq!(clamp(80, 24), (80, 24));
        let mut b = Clamped::new(TestBackend::new(600, 30));
        assert_eq!(b.size().ok(), Some(Size::new(MAX_W, 30)));
        b.set_size(35_000, 20);
        assert_eq!(b.size().ok(), Some(Size::new(MAX_W, 20)), "told, not asked");
    }
}
