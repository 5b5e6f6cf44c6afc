//! Pictures that explain better than words: a blood vessel widening under the skin
//! (vasodilation), and one swollen calf (a possible clot). Drawn on a ratatui `Canvas`.
//!
//! A picture is a pure function of a `progress` value (0 = before, 1 = after) and a `flow`
//! phase; the app decides whether they move (never under reduced motion, NO_COLOR or ASCII).
//! ASCII symbol sets get a text drawing instead, for the Linux console.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::canvas::{Canvas, Circle, Context, Line as CLine, Points};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::content::Picture;
use crate::i18n;

/// How to draw: colours or not, Unicode or ASCII.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub color: bool,
    pub ascii: bool,
}

/// A picture at one moment of its animation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drawing {
    pub picture: Picture,
    /// 0.0 = before (narrow vessel), 1.0 = after (widened).
    pub progress: f64,
    /// Position of the blood flow, 0.0..1.0 (wraps).
    pub flow: f64,
    pub look: Look,
}

/// The caption under a picture at a given progress, in plain words.
pub fn caption(picture: Picture, progress: f64) -> &'static str {
    match picture {
        Picture::Vasodilation if progress < 0.5 => i18n::t("caption-vasodilation-before"),
        Picture::Vasodilation => i18n::t("caption-vasodilation-after"),
        Picture::LegClot => i18n::t("caption-leg-clot"),
    }
}

impl Widget for Drawing {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 10 || area.height < 4 {
            return;
        }
        if self.look.ascii {
            let lines: Vec<Line> = ascii_art(self.picture, self.progress)
                .into_iter()
                .map(Line::from)
                .collect();
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .render(area, buf);
            return;
        }
        let marker = if self.look.color {
            Marker::HalfBlock
        } else {
            Marker::Braille
        };
        let me = self;
        Canvas::default()
            .marker(marker)
            .x_bounds([0.0, 100.0])
            .y_bounds([0.0, 50.0])
            .paint(move |ctx| match me.picture {
                Picture::Vasodilation => paint_vessel(ctx, me),
                Picture::LegClot => paint_legs(ctx, me),
            })
            .render(area, buf);
    }
}

fn mix(a: (u8, u8, u8), b: (u8, u8, u8), t: f64) -> Color {
    let m = |x: u8, y: u8| {
        (f64::from(x) + (f64::from(y) - f64::from(x)) * t.clamp(0.0, 1.0)).round() as u8
    };
    Color::Rgb(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

fn paint_vessel(ctx: &mut Context, d: Drawing) {
    let c = |col: Color| if d.look.color { col } else { Color::Reset };
    let t = d.progress.clamp(0.0, 1.0);
    // Skin above: pale when narrow, pink and warm when widened.
    let skin = c(mix((222, 196, 170), (236, 120, 120), t));
    let skin_points: Vec<(f64, f64)> = (0..=100)
        .flat_map(|x| (0..8).map(move |y| (f64::from(x), 42.0 + f64::from(y))))
        .collect();
    ctx.draw(&Points {
        coords: &skin_points,
        color: skin,
    });
    ctx.print(
        2.0,
        47.0,
        label(if t < 0.5 {
            i18n::t("picture-skin-pale")
        } else {
            i18n::t("picture-skin-pink")
        }),
    );
    // The vessel: two walls whose gap widens; small rings of muscle sit in the walls.
    let half = 5.0 + 7.0 * t;
    let mid = 22.0;
    let wall = c(Color::Rgb(200, 80, 80));
    for y in [mid + half, mid - half] {
        ctx.draw(&CLine {
            x1: 0.0,
            y1: y,
            x2: 100.0,
            y2: y,
            color: wall,
        });
    }
    let muscle = c(mix((150, 60, 160), (190, 140, 200), t));
    for i in 0..9 {
        let x = 6.0 + f64::from(i) * 11.0;
        let r = 2.2 - 0.8 * t; // tight rings before, relaxed after
        ctx.draw(&Circle {
            x,
            y: mid + half + r,
            radius: r,
            color: muscle,
        });
        ctx.draw(&Circle {
            x,
            y: mid - half - r,
            radius: r,
            color: muscle,
        });
    }
    ctx.layer();
    // Blood cells moving left to right; more of them when the vessel is wide.
    let rows = if t < 0.5 { 1 } else { 3 };
    let cell = c(Color::Rgb(230, 30, 40));
    for row in 0..rows {
        let y = mid + (f64::from(row) - f64::from(rows - 1) / 2.0) * 4.0;
        for i in 0..8 {
            let x = (f64::from(i) * 12.5 + d.flow * 12.5 + f64::from(row) * 4.0) % 100.0;
            ctx.draw(&Circle {
                x,
                y,
                radius: 1.2,
                color: cell,
            });
        }
    }
    ctx.print(
        2.0,
        0.5,
        label(if t < 0.5 {
            i18n::t("picture-vessel-narrow")
        } else {
            i18n::t("picture-vessel-wide")
        }),
    );
}

fn paint_legs(ctx: &mut Context, d: Drawing) {
    let c = |col: Color| if d.look.color { col } else { Color::Reset };
    let outline = c(Color::Rgb(220, 200, 180));
    let swollen = c(Color::Rgb(220, 70, 70));
    // Two legs, thigh to ankle; the right-hand one has a swollen calf.
    for (x, calf, color) in [(30.0, 6.0, outline), (70.0, 9.5, swollen)] {
        let pts = [
            (50.0, 8.0),
            (38.0, calf),
            (26.0, calf * 0.8),
            (12.0, 3.5),
            (4.0, 3.5),
        ];
        for w in pts.windows(2) {
            let ((y1, a), (y2, b)) = (w[0], w[1]);
            ctx.draw(&CLine {
                x1: x - a,
                y1,
                x2: x - b,
                y2,
                color,
            });
            ctx.draw(&CLine {
                x1: x + a,
                y1,
                x2: x + b,
                y2,
                color,
            });
        }
        ctx.draw(&CLine {
            x1: x - 3.5,
            y1: 4.0,
            x2: x + 8.0,
            y2: 1.0,
            color,
        });
    }
    ctx.draw(&Circle {
        x: 70.0,
        y: 30.0,
        radius: 3.0,
        color: swollen,
    });
    ctx.print(8.0, 48.0, label(i18n::t("picture-usual-leg")));
    ctx.print(58.0, 48.0, label(i18n::t("picture-swollen-calf")));
}

/// A label inside a drawing, in the screen's own colours: without them its letters took the
/// colours of the drawing beneath, and where a block had the same foreground and background the
/// letters vanished ("skin: pale" in skin colour on skin colour).
fn label(text: &'static str) -> Line<'static> {
    Line::from(text).style(Style::new().fg(Color::Reset).bg(Color::Reset))
}

/// The ASCII drawing for the Linux console and other ASCII-only terminals.
pub fn ascii_art(picture: Picture, progress: f64) -> Vec<String> {
    use i18n::t;
    match picture {
        Picture::Vasodilation if progress < 0.5 => vec![
            format!(
                "  {}  .................................  {}",
                t("art-skin"),
                t("art-pale")
            ),
            "".into(),
            format!(
                "  ===o=====o=====o=====o=====o=====o===   {}",
                t("art-ring-tight")
            ),
            format!(
                "     >    >    >    >    >    >    >      {}",
                t("art-little-flow")
            ),
            "  ===o=====o=====o=====o=====o=====o===".into(),
        ],
        Picture::Vasodilation => vec![
            format!(
                "  {}  #################################  {}",
                t("art-skin"),
                t("art-pink")
            ),
            format!(
                "  ===O=====O=====O=====O=====O=====O===   {}",
                t("art-ring-relaxed")
            ),
            "     >>   >>   >>   >>   >>   >>   >>".into(),
            format!(
                "     >>   >>   >>   >>   >>   >>   >>     {}",
                t("art-more-flow")
            ),
            "     >>   >>   >>   >>   >>   >>   >>".into(),
            "  ===O=====O=====O=====O=====O=====O===".into(),
        ],
        Picture::LegClot => vec![
            format!(
                "     {:<17}{}",
                t("picture-usual-leg"),
                t("art-swollen-calf")
            ),
            "       |  |             |    |".into(),
            format!("       |  |            (  ** )   {}", t("art-calf-signs")),
            "       |  |            (  ** )".into(),
            "       |__|_            \\__|__".into(),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(progress: f64, look: Look) -> Buffer {
        let area = Rect::new(0, 0, 60, 14);
        let mut buf = Buffer::empty(area);
        Drawing {
            picture: Picture::Vasodilation,
            progress,
            flow: 0.0,
            look,
        }
        .render(area, &mut buf);
        buf
    }

    fn text(buf: &Buffer) -> String {
        buf.content().iter().map(|c| c.symbol()).collect()
    }

    #[test]
    fn the_vessel_is_wider_after_than_before() {
        let look = Look {
            color: false,
            ascii: false,
        };
        let (before, after) = (draw(0.0, look), draw(1.0, look));
        assert!(text(&before).contains("vessel: narrow"));
        assert!(text(&after).contains("vessel: widened"));
        assert_ne!(text(&before), text(&after));
    }

    #[test]
    fn the_skin_warms_in_colour_and_ascii_needs_no_unicode() {
        let color = Look {
            color: true,
            ascii: false,
        };
        let skin = |b: &Buffer| b.cell((30, 1)).map(|c| c.fg).unwrap_or_default();
        assert_ne!(skin(&draw(0.0, color)), skin(&draw(1.0, color)));
        let ascii = text(&draw(
            1.0,
            Look {
                color: false,
                ascii: true,
            },
        ));
        assert!(ascii.is_ascii(), "{ascii}");
        assert!(ascii.contains("more blood flows"));
    }

    #[test]
    fn tiny_areas_draw_nothing_rather_than_panic() {
        let area = Rect::new(0, 0, 3, 2);
        let mut buf = Buffer::empty(area);
        Drawing {
            picture: Picture::LegClot,
            progress: 1.0,
            flow: 0.3,
            look: Look {
                color: true,
                ascii: false,
            },
        }
        .render(area, &mut buf);
    }
}
