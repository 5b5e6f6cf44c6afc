//! Colours, symbols and words: how each level and each piece of chrome looks.
//!
//! A level is always a symbol and a word next to its colour, so it survives `NO_COLOR`, colour
//! blindness and a monochrome console. The theme is chosen once, from plain values the runner
//! passes in ([`Theme::choose`]); render never reads the environment.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;
use crate::content::Level;
use crate::words;

/// Which colours, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    Default,
    HighContrast,
    /// `NO_COLOR`: modifiers (bold, reverse) only.
    NoColor,
}

/// Which symbols: Unicode, or ASCII for the Linux console's limited font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Symbols {
    Unicode,
    Ascii,
}

/// The look of the app, computed once at start and stored in `App`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub palette: Palette,
    pub symbols: Symbols,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            palette: Palette::Default,
            symbols: Symbols::Unicode,
        }
    }
}

impl Theme {
    /// Whether this theme can show a moving picture: not without colour, nor in ASCII symbols.
    pub fn shows_motion(&self) -> bool {
        self.palette != Palette::NoColor && self.symbols == Symbols::Unicode
    }

    /// Picks the theme from the clinic config, whether `NO_COLOR` is set (non-empty) and `TERM`.
    pub fn choose(name: ThemeName, no_color: bool, term: Option<&str>) -> Theme {
        let palette = match (no_color, name) {
            (true, _) => Palette::NoColor,
            (false, ThemeName::Default) => Palette::Default,
            (false, ThemeName::HighContrast) => Palette::HighContrast,
        };
        let symbols = match term {
            Some("linux") | Some("vt100") | Some("vt220") | Some("dumb") => Symbols::Ascii,
            _ => Symbols::Unicode,
        };
        Theme { palette, symbols }
    }

    /// The theme tests use: no colour, Unicode symbols.
    pub fn no_color() -> Theme {
        Theme {
            palette: Palette::NoColor,
            symbols: Symbols::Unicode,
        }
    }

    /// The level's symbol ([`words::level_symbol`] in this theme's symbols).
    pub fn symbol(&self, level: Level) -> &'static str {
        words::level_symbol(level, self.symbols == Symbols::Ascii)
    }

    /// Symbol and word together: "‼ EMERGENCY".
    pub fn level_label(&self, level: Level) -> String {
        words::level_label(level, self.symbols == Symbols::Ascii)
    }

    fn level_color(&self, level: Level) -> Option<Color> {
        let hc = self.palette == Palette::HighContrast;
        let c = match level {
            Level::Expected if hc => Color::LightGreen,
            Level::Expected => Color::Green,
            Level::Therapist if hc => Color::LightCyan,
            Level::Therapist => Color::Cyan,
            Level::Doctor if hc => Color::LightYellow,
            Level::Doctor => Color::Yellow,
            Level::Urgent if hc => Color::LightMagenta,
            Level::Urgent => Color::Magenta,
            Level::Emergency if hc => Color::LightRed,
            Level::Emergency => Color::Red,
        };
        (self.palette != Palette::NoColor).then_some(c)
    }

    /// The level as inline text (summary lines): coloured and bold.
    pub fn level_text(&self, level: Level) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        match self.level_color(level) {
            Some(c) => s.fg(c),
            None => s,
        }
    }

    /// The prominent level block: the colour as background; emergency in reverse video red.
    pub fn level_block(&self, level: Level) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        match (level, self.level_color(level)) {
            (Level::Emergency, Some(c)) => s.fg(c).add_modifier(Modifier::REVERSED),
            (Level::Emergency, None) => s.add_modifier(Modifier::REVERSED),
            (_, Some(c)) => s.fg(Color::Black).bg(c),
            (_, None) => s.add_modifier(Modifier::UNDERLINED),
        }
    }

    /// The emergency banner: reverse video (red where colour is allowed), bold.
    pub fn banner(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED);
        match self.level_color(Level::Emergency) {
            Some(c) => s.fg(c),
            None => s,
        }
    }

    /// The highlighted answer or button.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// Answers of a screen that is new and takes no tap yet (`App::settling`): dim, in every
    /// palette (no colour too), on top of their usual style.
    pub fn settling(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// A button that is not highlighted.
    pub fn button(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    /// Questions, titles and headings.
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Secondary text (help under a question, breadcrumb, hints). Not dimmed in high contrast.
    pub fn quiet(&self) -> Style {
        match self.palette {
            Palette::HighContrast => Style::new(),
            Palette::Default => Style::new().fg(Color::Gray),
            Palette::NoColor => Style::new(),
        }
    }

    /// A link to another explanation: underlined, so it is never colour alone.
    pub fn link(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::UNDERLINED);
        match self.palette {
            Palette::NoColor => s,
            _ => s.fg(Color::Cyan),
        }
    }

    /// Key names in the footer and help.
    pub fn key(&self) -> Style {
        match self.palette {
            Palette::NoColor => Style::new().add_modifier(Modifier::BOLD),
            _ => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }

    /// The selection marker, the bullet and the breadcrumb separator.
    pub fn marker(&self) -> &'static str {
        match self.symbols {
            Symbols::Unicode => "›",
            Symbols::Ascii => ">",
        }
    }

    /// The bullet before list items.
    pub fn bullet(&self) -> &'static str {
        match self.symbols {
            Symbols::Unicode => "•",
            Symbols::Ascii => "-",
        }
    }
}

/// The ASCII stand-in for a character the Linux console's font may not have: arrows, ellipsis,
/// bullets, dashes, curly quotes, box drawing. Anything else outside ASCII becomes `?`.
pub fn ascii_fallback(c: char) -> char {
    match c {
        '↑' => '^',
        '↓' => 'v',
        '←' | '‹' | '«' => '<',
        '→' | '›' | '»' => '>',
        '…' | '·' | '•' | '∙' => '.',
        '–' | '—' | '−' | '─' | '━' | '═' => '-',
        '‘' | '’' | '‚' | '′' => '\'',
        '“' | '”' | '„' | '″' => '"',
        '│' | '┃' | '║' => '|',
        '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╭' | '╮' | '╯' | '╰' => {
            '+'
        }
        '⌫' => '<',
        // "38°C" reads as "38 C".
        '\u{a0}' | '°' => ' ',
        c if c.is_ascii() => c,
        _ => '?',
    }
}

/// Replaces every cell that is not ASCII with its [`ascii_fallback`]: the last step of a frame
/// drawn with [`Symbols::Ascii`] (`TERM=linux` and friends), so no "…", "↓" or box line ever
/// reaches a console that would show a blob. Content words are folded the same way.
pub fn ascii_only(buf: &mut ratatui::buffer::Buffer) {
    for cell in &mut buf.content {
        let sym = cell.symbol();
        // Block elements stay: the take-home QR code is drawn with them, and the console's
        // font (code page 437) has them.
        let blocks = sym.chars().all(|c| ('\u{2580}'..='\u{259f}').contains(&c));
        if !sym.is_ascii() && !blocks {
            let c = sym.chars().next().map_or(' ', ascii_fallback);
            cell.set_char(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_differ_by_symbol_and_word_without_colour() {
        for symbols in [Symbols::Unicode, Symbols::Ascii] {
            let t = Theme {
                palette: Palette::NoColor,
                symbols,
            };
            let labels: std::collections::HashSet<_> =
                Level::ALL.iter().map(|l| t.level_label(*l)).collect();
            assert_eq!(labels.len(), 5);
            assert!(
                t.level_block(Level::Emergency)
                    .add_modifier
                    .contains(Modifier::REVERSED)
            );
        }
    }

    #[test]
    fn linux_console_gets_ascii_and_no_color_wins() {
        let t = Theme::choose(ThemeName::HighContrast, true, Some("linux"));
        assert_eq!(t.palette, Palette::NoColor);
        assert_eq!(t.symbols, Symbols::Ascii);
    }
}
