//! Topic bodies as styled, wrapped lines: paragraphs, bullets, terms and emphasis from the light
//! markup, ready for a scrolling reader. Pure: text and width in, lines out. Raw markup never
//! reaches the screen.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::content::markup::{self, Block, Run};

/// A word made of one or more styled pieces ("*normal*." is two pieces, one word).
type Word = Vec<(String, Style)>;

/// Splits runs into words on spaces, keeping each piece's style.
fn words(runs: &[Run], base: Style) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut current: Word = Vec::new();
    for r in runs {
        let style = if r.emphasis {
            base.add_modifier(Modifier::ITALIC | Modifier::BOLD)
        } else {
            base
        };
        for (i, piece) in r.text.split(' ').enumerate() {
            if i > 0 && !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            if !piece.is_empty() {
                current.push((piece.to_string(), style));
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn word_width(w: &Word) -> usize {
    w.iter()
        .map(|(t, _)| unicode_width::UnicodeWidthStr::width(t.as_str()))
        .sum()
}

/// A styled word as textwrap sees it: its width, and one space after it.
#[derive(Debug)]
struct Piece {
    word: Word,
    width: usize,
}

impl textwrap::core::Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        1.0
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Wraps words into lines of at most `width` columns (textwrap's first fit), with a first-line
/// prefix and an indent. A word longer than a line gets a line of its own.
fn wrap(words: Vec<Word>, width: usize, first: &str, rest: &str) -> Vec<Line<'static>> {
    if words.is_empty() {
        return Vec::new();
    }
    let width = width.max(first.chars().count() + 4);
    let pieces: Vec<Piece> = (words.into_iter())
        .map(|word| Piece {
            width: word_width(&word),
            word,
        })
        .collect();
    let widths = [first, rest].map(|p| width.saturating_sub(p.chars().count()) as f64);
    textwrap::wrap_algorithms::wrap_first_fit(&pieces, &widths)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let mut spans = vec![Span::raw(if i == 0 { first } else { rest }.to_string())];
            for (j, p) in line.iter().enumerate() {
                if j > 0 {
                    spans.push(Span::raw(" "));
                }
                spans.extend(p.word.iter().map(|(t, st)| Span::styled(t.clone(), *st)));
            }
            Line::from(spans)
        })
        .collect()
}

/// The body of a topic as lines at `width` columns; `fill` replaces placeholders.
pub fn body_lines(body: &str, width: usize, fill: &dyn Fn(&str) -> String) -> Vec<Line<'static>> {
    let filled = |runs: Vec<Run>| -> Vec<Run> {
        runs.into_iter()
            .map(|r| Run {
                text: fill(&r.text),
                emphasis: r.emphasis,
            })
            .collect()
    };
    let mut lines = Vec::new();
    let blocks = markup::parse(body);
    for (i, block) in blocks.iter().enumerate() {
        match block.clone() {
            Block::Paragraph(r) => {
                if i > 0 {
                    lines.push(Line::default());
                }
                lines.extend(wrap(words(&filled(r), Style::default()), width, "", ""));
            }
            Block::Bullet(r) => {
                if i > 0 && !matches!(blocks[i - 1], Block::Bullet(_)) {
                    lines.push(Line::default());
                }
                lines.extend(wrap(
                    words(&filled(r), Style::default()),
                    width,
                    "  • ",
                    "    ",
                ));
            }
            Block::Term { term, definition } => {
                if i > 0 && !matches!(blocks[i - 1], Block::Term { .. }) {
                    lines.push(Line::default());
                }
                let mut runs = vec![Run {
                    text: format!("{term}:"),
                    emphasis: true,
                }];
                runs.push(Run {
                    text: " ".into(),
                    emphasis: false,
                });
                runs.extend(filled(definition));
                lines.extend(wrap(words(&runs, Style::default()), width, "", "    "));
            }
        }
    }
    lines
}

/// The plain text of lines, for tests and screen readers.
pub fn plain(lines: &[Line]) -> String {
    lines
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_paragraphs_bullets_and_terms_without_showing_markup() {
        let body = "Massage *widens* small vessels in the skin, so it looks pink and feels warm.\n\n\
                    - It fades within hours.\n- It is harmless.\n\nHistamine :: a local chemical messenger.";
        let lines = body_lines(body, 30, &|s| s.to_string());
        let text = plain(&lines);
        assert!(!text.contains('*'), "{text}");
        assert!(text.contains("  • It fades within hours."), "{text}");
        assert!(text.contains("Histamine: a local chemical"), "{text}");
        assert!(lines.iter().all(|l| l.width() <= 30), "{text}");
        let emph = lines
            .iter()
            .flat_map(|l| &l.spans)
            .find(|s| s.content.contains("widens"))
            .unwrap();
        assert!(emph.style.add_modifier.contains(Modifier::ITALIC));
    }

    #[test]
    fn punctuation_after_emphasis_stays_attached() {
        let text = plain(&body_lines("It is *normal*. Really.", 80, &|s| {
            s.to_string()
        }));
        assert_eq!(text, "It is normal. Really.");
    }
}
