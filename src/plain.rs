//! The line-mode runner: each screen as plain lines, for screen readers, pipes and scripts. No
//! escape codes, no colour, no cursor movement — only lines.
//!
//! It drives the same [`App`] as the full-screen app and prints what [`semantic::nodes`] builds
//! for the screen reader — headings, paragraphs, lists and choices, the emergency banner first —
//! so a person who listens hears the same words in the same order here and in the browser. This
//! module only reads lines, turns them into the app's [`Input`]s and prints; every word it says
//! is in `ui::strings`. It never guesses: a line that is not a number, an unambiguous start of a
//! choice's words, or a command repeats the screen with a hint.

use std::io::{self, BufRead, Write};
use std::time::Duration;

use crate::app::{Action, App, Effect, Input, Screen, ScreenLayout};
use crate::config::Config;
use crate::content::{Level, NodeRef, Tree, markup};
use crate::i18n::{Msg, t, t_args};
use crate::ui::semantic::{self, Node};
use crate::ui::theme::Theme;
use crate::ui::{question, summary};
use crate::words;

/// Width for wrapped text; screen readers do not care, and 80 columns suit a pipe.
const WIDTH: u16 = 80;

/// How far the app's clock moves for each line. A line is a whole answer, ended with Enter after
/// the screen was printed: never a double tap or a held key. So each comes well past any settle
/// time (at most 2 s; see `app::settle`), which would otherwise hold a typed-ahead answer back.
const LINE: Duration = Duration::from_secs(60);

/// What the person typed, once understood.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Reply {
    /// Send this input to the app (a choice, back).
    Send(Input),
    Restart,
    Help,
    Why,
    Quit,
    Unclear(String),
}

/// How a choice is typed: its number, its key letter ("[a] Check another symptom"), or its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Number(usize),
    Letter(char),
    Word,
}

/// One choice of the screen: how it is typed, its words, and the input it sends.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Choice {
    mark: Mark,
    words: String,
    input: Input,
}

/// What a line can do on a screen: its buttons, but those the line mode cannot show (a QR code, the
/// save dialog, a search typed key by key; its own `help` prints the commands).
fn choice(label: &str, input: Input) -> Option<Choice> {
    if matches!(
        input,
        Input::Do(Action::TakeHome | Action::Save | Action::Search)
    ) {
        return None;
    }
    if let Input::Do(Action::Pick(i) | Action::OpenLink(i)) = input {
        let n = i + 1;
        let words = label.strip_prefix(&format!("{n}. ")).unwrap_or(label);
        return Some(Choice {
            mark: Mark::Number(n),
            words: words.to_string(),
            input,
        });
    }
    let mut chars = label.chars();
    if let (Some('['), Some(key), Some(']'), Some(' ')) =
        (chars.next(), chars.next(), chars.next(), chars.next())
    {
        return Some(Choice {
            mark: Mark::Letter(key.to_ascii_lowercase()),
            words: chars.as_str().to_string(),
            input,
        });
    }
    Some(Choice {
        mark: Mark::Word,
        words: label.to_string(),
        input,
    })
}

/// The screen's choices, in the order they are read.
fn choices(nodes: &[Node]) -> Vec<Choice> {
    (nodes.iter())
        .filter_map(|n| match n {
            Node::Button { label, input, .. } => choice(label, *input),
            _ => None,
        })
        .collect()
}

/// Whether `typed` (trimmed, lower case) is one of the words the catalogue message `key` lists,
/// comma-separated, for a command of the line mode.
fn typed_is(key: Msg, typed: &str) -> bool {
    key.split(',').any(|w| w.trim().to_lowercase() == typed)
}

/// `none` is the answer whose id is `none` ("No, none of these") on a question that has one: a
/// reply of "no" picks it, whatever its words are in the catalogue's language. `unsure` is the
/// question's "Not sure" answer, which "no" never picks ("No estoy seguro/a" starts with "no").
fn understand(line: &str, choices: &[Choice], none: Option<usize>, unsure: Option<usize>) -> Reply {
    let typed = line.trim().to_lowercase();
    if typed.is_empty() {
        return Reply::Unclear(t("line-empty").into());
    }
    let said = |key| typed_is(key, &typed);
    for (key, reply) in [
        (Msg("line-words-back"), Reply::Send(Input::Do(Action::Back))),
        (Msg("line-words-restart"), Reply::Restart),
        (Msg("line-words-help"), Reply::Help),
        (Msg("line-words-why"), Reply::Why),
        (Msg("line-words-quit"), Reply::Quit),
    ] {
        if said(key) {
            return reply;
        }
    }
    let numbered = || choices.iter().filter(|c| matches!(c.mark, Mark::Number(_)));
    let max = numbered().count();
    let not_one = || {
        let args = [("typed", line.trim().into()), ("max", max.into())];
        if max > 0 {
            t_args("line-not-one", &args)
        } else {
            t_args("line-not-a-choice", &args)
        }
    };
    if let Ok(n) = typed.parse::<usize>() {
        return match choices.iter().find(|c| c.mark == Mark::Number(n)) {
            Some(c) => Reply::Send(c.input),
            None if max > 0 => Reply::Unclear(t_args(
                "line-no-number",
                &[("n", n.into()), ("max", max.into())],
            )),
            None => Reply::Unclear(not_one()),
        };
    }
    let lower = |c: &Choice| c.words.to_lowercase();
    if let Some(c) = choices
        .iter()
        .find(|c| lower(c) == typed || matches!(c.mark, Mark::Letter(k) if typed == k.to_string()))
    {
        return Reply::Send(c.input);
    }
    // Words are matched among the answers and the lettered buttons; the footer's words only
    // whole, above.
    let typeable: Vec<&Choice> = (choices.iter()).filter(|c| c.mark != Mark::Word).collect();
    // "no" is the most natural reply to "do you have any of these?": it means the question's
    // "none" answer, found by its id, not by its words.
    // Without one, "no" is a whole word: it takes an answer that starts with the word "No"
    // and never "Not sure", which would send a person who meant "no" to the safest outcome.
    if said(Msg("line-words-none")) {
        if let Some(i) = none {
            return Reply::Send(Input::Do(Action::Pick(i)));
        }
        let first_word = |c: &&&Choice| {
            let words = lower(c);
            if unsure.is_some_and(|i| c.input == Input::Do(Action::Pick(i))) {
                return false;
            }
            words.split(|ch: char| !ch.is_alphanumeric()).next() == Some(typed.as_str())
        };
        let mut whole = typeable.iter().filter(first_word);
        return match (whole.next(), whole.next()) {
            (Some(c), None) => Reply::Send(c.input),
            _ => Reply::Unclear(not_one()),
        };
    }
    let matches: Vec<&&Choice> = (typeable.iter())
        .filter(|c| lower(c).starts_with(&typed))
        .collect();
    match matches.as_slice() {
        [c] => Reply::Send(c.input),
        [] => Reply::Unclear(not_one()),
        _ => {
            // How they are typed: "2, 3" or "a, r".
            let which: Vec<String> = (matches.iter())
                .filter_map(|c| match c.mark {
                    Mark::Number(n) => Some(n.to_string()),
                    Mark::Letter(k) => Some(k.to_string()),
                    Mark::Word => None,
                })
                .collect();
            Reply::Unclear(t_args(
                "line-many",
                &[
                    ("typed", line.trim().into()),
                    ("which", which.join(", ").into()),
                ],
            ))
        }
    }
}

/// The nodes of a screen as lines of at most [`WIDTH`] columns, never broken inside the
/// clinic's numbers: every node's words, in the nodes' order; the footer's words to type
/// together on one line where they start.
pub fn lines(nodes: &[Node], config: &Config) -> Vec<String> {
    let wrap = |prefix: &str, text: &str| words::wrap_text(&config.clinic, prefix, text, WIDTH);
    let mut out = Vec::new();
    let mut words_to_type: Vec<String> = Vec::new();
    let flush = |out: &mut Vec<String>, w: &mut Vec<String>| {
        if !w.is_empty() {
            let text = format!("{} {}", t("line-or-type"), w.join(", "));
            out.extend(wrap("", &text));
            w.clear();
        }
    };
    for n in nodes {
        if let Node::Button { label, input, .. } = n {
            match choice(label, *input) {
                None => continue,
                Some(c) if c.mark == Mark::Word => {
                    words_to_type.push(c.words);
                    continue;
                }
                Some(_) => {}
            }
        }
        flush(&mut out, &mut words_to_type);
        match n {
            Node::Call { text, .. } | Node::Text(text) | Node::Alert(text) => {
                out.extend(wrap("", text));
            }
            Node::Heading { level: 1, text } => out.extend(wrap("", text)),
            Node::Heading { text, .. } => {
                let colon = text.ends_with(char::is_alphanumeric);
                out.extend(wrap("", &format!("{text}{}", if colon { ":" } else { "" })));
            }
            Node::List(items) => {
                for item in items {
                    out.extend(wrap("  - ", item));
                }
            }
            Node::Button { label, input, .. } => match choice(label, *input) {
                Some(Choice {
                    mark: Mark::Number(n),
                    words,
                    ..
                }) => out.extend(wrap(&format!("  {n}. "), &words)),
                _ => out.extend(wrap("  ", label)),
            },
        }
    }
    flush(&mut out, &mut words_to_type);
    out
}

/// The line-mode session: the app, its theme, its clock, and where to write.
struct Plain<W: Write> {
    app: App,
    theme: Theme,
    now: Duration,
    out: W,
}

impl<W: Write> Plain<W> {
    fn say(&mut self, text: &str) -> io::Result<()> {
        let filled = self.app.config.fill(text).into_owned();
        for line in words::wrap_text(&self.app.config.clinic, "", &filled, WIDTH) {
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }

    fn nodes(&self) -> Vec<Node> {
        semantic::nodes(&self.app, &self.theme)
    }

    fn print(&mut self, nodes: &[Node]) -> io::Result<()> {
        for line in lines(nodes, &self.app.config) {
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }

    /// The screen, after a blank line, then the prompt.
    fn show_screen(&mut self) -> io::Result<()> {
        let nodes = self.nodes();
        writeln!(self.out)?;
        self.print(&nodes)?;
        // Answers to a question or a menu, not the links of a reading screen.
        let answers = (choices(&nodes).iter())
            .filter(|c| matches!(c.input, Input::Do(Action::Pick(_))))
            .count();
        let prompt = match answers {
            0 => format!("{} ", t("line-choice")),
            n => format!("{} ", t_args("line-answer", &[("n", n.into())])),
        };
        write!(self.out, "{prompt}")?;
        self.out.flush()
    }

    /// The welcome screen's words (what this guide is and is not), without its menu: the line
    /// mode starts the check at once, so answers piped in answer the first question.
    fn show_welcome(&mut self) -> io::Result<()> {
        let nodes: Vec<Node> = (self.nodes().into_iter())
            .filter(|n| !matches!(n, Node::Button { .. }))
            .collect();
        self.print(&nodes)
    }

    /// The indexes of the current question's answer with the id `none` and of its "Not sure"
    /// answer, when the person is on a question that has them.
    fn none_and_unsure(&self) -> (Option<usize>, Option<usize>) {
        if !matches!(self.app.screen, Screen::Question { .. }) {
            return (None, None);
        }
        let NodeRef::Question(q) = self.app.session.current(&self.app.tree) else {
            return (None, None);
        };
        let options = &self.app.tree.questions[q].options;
        (
            options.iter().position(|o| o.id == "none"),
            options.iter().position(|o| o.not_sure),
        )
    }

    fn send(&mut self, input: Input) -> Vec<Effect> {
        let effects = self.app.update(input, self.now, &ScreenLayout::default());
        self.speak();
        effects
    }

    /// Tells the interface's catalogue the app's language (`App::lang`), before anything is
    /// said in it.
    fn speak(&self) {
        crate::i18n::set_lang(self.app.lang());
    }

    /// Handles one line; `Ok(true)` means the person asked to finish.
    fn handle(&mut self, line: &str) -> io::Result<bool> {
        self.now += LINE;
        let (none, unsure) = self.none_and_unsure();
        let reply = understand(line, &choices(&self.nodes()), none, unsure);
        let effects = match reply {
            Reply::Send(input) => self.send(input),
            Reply::Restart => {
                let effects = self.send(Input::Do(Action::Restart));
                if effects.contains(&Effect::Redraw) {
                    writeln!(self.out)?;
                    self.say(t("line-restarted"))?;
                }
                effects
            }
            Reply::Why if matches!(self.app.screen, Screen::Question { .. }) => {
                writeln!(self.out)?;
                let why = question::why(&self.app);
                self.say(&why)?;
                return Ok(false);
            }
            Reply::Why => self.send(Input::Do(Action::Explain)),
            Reply::Help => {
                writeln!(self.out)?;
                self.say(t("line-commands"))?;
                return Ok(false);
            }
            Reply::Quit => return Ok(true),
            Reply::Unclear(hint) => {
                writeln!(self.out)?;
                self.say(&hint)?;
                return Ok(false);
            }
        };
        if effects.contains(&Effect::Quit) {
            return Ok(true);
        }
        if !effects.contains(&Effect::Redraw) {
            writeln!(self.out)?;
            self.say(t("line-nothing"))?;
        }
        Ok(false)
    }

    /// The summary the full-screen app prints on quitting, or that there is no result yet, with
    /// the emergency line.
    fn summary(&mut self) -> io::Result<Option<Level>> {
        writeln!(self.out)?;
        match summary::text(&self.app, &self.theme, WIDTH) {
            Some(text) => write!(self.out, "{text}")?,
            None => {
                self.say(t("line-no-result"))?;
                self.say(&words::contact_line(&self.app.config.clinic))?;
            }
        }
        self.out.flush()?;
        Ok(self.app.session.overall(&self.app.tree))
    }
}

/// Runs a whole line-mode session of `app` (its content, clinic and language: see
/// [`App::set_languages`]) in `theme`'s symbols; returns the overall level (for the exit status),
/// `None` when the person finished before any result.
pub fn run(
    app: App,
    theme: Theme,
    input: impl BufRead,
    out: impl Write,
) -> io::Result<Option<Level>> {
    let mut p = Plain {
        app,
        theme,
        now: Duration::ZERO,
        out,
    };
    p.speak();
    p.show_welcome()?;
    p.say(t("line-commands"))?;
    // The welcome menu's "Check a symptom".
    p.now += LINE;
    p.send(Input::Do(Action::Pick(0)));
    p.show_screen()?;
    // Lines are read as bytes: a line that is not UTF-8 is read as far as it makes sense and
    // then answered like any unclear input, never by ending the session.
    for line in input.split(b'\n') {
        let line = String::from_utf8_lossy(&line?)
            .trim_end_matches('\r')
            .to_string();
        if p.handle(&line)? {
            return p.summary();
        }
        p.show_screen()?;
    }
    // End of input: finish cleanly with what we have.
    writeln!(p.out)?;
    p.summary()
}

/// A topic as wrapped plain text with its sources, for `aftercare topic ID`.
pub fn topic_text(tree: &Tree, config: &Config, index: usize, width: usize) -> String {
    let topic = &tree.topics[index];
    let width = width.clamp(20, 200);
    let mut out = format!(
        "{}\n{}\n\n",
        topic.title,
        "=".repeat(topic.title.chars().count().min(width))
    );
    let fill = |s: &str| config.fill(s).into_owned();
    let mut after_list = false;
    for block in markup::parse(&topic.body) {
        let is_bullet = matches!(block, markup::Block::Bullet(_));
        if after_list && !is_bullet {
            out.push('\n');
        }
        after_list = is_bullet;
        let (text, opts) = match &block {
            markup::Block::Paragraph(r) => (fill(&markup::plain(r)), text_options(width)),
            markup::Block::Bullet(r) => (
                fill(&markup::plain(r)),
                text_options(width)
                    .initial_indent("  - ")
                    .subsequent_indent("    "),
            ),
            markup::Block::Term { term, definition } => (
                format!("{term}: {}", fill(&markup::plain(definition))),
                text_options(width).subsequent_indent("    "),
            ),
        };
        for line in textwrap::wrap(&text, opts) {
            out.push_str(&line);
            out.push('\n');
        }
        if matches!(
            block,
            markup::Block::Paragraph(_) | markup::Block::Term { .. }
        ) {
            out.push('\n');
        }
    }
    if !topic.related.is_empty() {
        let related: Vec<&str> = topic
            .related
            .iter()
            .map(|&r| tree.topics[r].id.as_str())
            .collect();
        out.push('\n');
        // At spaces only, with the ids lined up after "Related: ".
        let width = u16::try_from(width).unwrap_or(u16::MAX);
        for line in words::wrap_text(&config.clinic, "Related: ", &related.join(", "), width) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push_str("\nSources:\n");
    for &s in &topic.sources {
        let opts = text_options(width)
            .initial_indent("  - ")
            .subsequent_indent("    ");
        for line in textwrap::wrap(&tree.sources[s].citation(), opts) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// How a topic's text is wrapped: at spaces, splitting long words at their hyphens, but never a
/// web address (a split one cannot be copied or followed; Unicode's line breaking would break
/// one after "https://"). An address longer than the width gets a line of its own.
fn text_options<'a>(width: usize) -> textwrap::Options<'a> {
    textwrap::Options::new(width)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::Custom(hyphens_unless_address))
        .break_words(false)
}

/// Where a word may be split: at its hyphens, unless it is a web address.
fn hyphens_unless_address(word: &str) -> Vec<usize> {
    if is_address(word) {
        Vec::new()
    } else {
        textwrap::WordSplitter::HyphenSplitter.split_points(word)
    }
}

/// Whether `word` is a web address (`https://…`, `www.…`), which is never split.
fn is_address(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '<', '"']);
    word.contains("://") || word.starts_with("www.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(labels: &[&str]) -> Vec<Choice> {
        (labels.iter().enumerate())
            .filter_map(|(i, l)| choice(&format!("{}. {l}", i + 1), Input::Do(Action::Pick(i))))
            .collect()
    }

    #[test]
    fn a_web_address_is_never_split_and_other_words_still_are_at_hyphens() {
        let url = "https://info.health.nz/conditions-treatments/emergencies-and-first-aid/fainting";
        let text = format!("Fainting and dizziness. Health New Zealand. {url}");
        let lines = textwrap::wrap(&text, text_options(30));
        assert!(lines.iter().any(|l| l == url), "{lines:?}");
        let long = "a very-long-hyphenated-compound-word-here";
        let lines = textwrap::wrap(long, text_options(20));
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert!(is_address("www.nhs.uk/conditions") && !is_address("and/or"));
    }

    #[test]
    fn understands_numbers_words_prefixes_and_commands() {
        let c = answers(&["Yes, it is fading", "No, it is spreading", "Not sure"]);
        let pick = |i| Reply::Send(Input::Do(Action::Pick(i)));
        assert_eq!(understand("2", &c, None, None), pick(1));
        assert_eq!(understand("  NOT SURE ", &c, None, None), pick(2));
        assert_eq!(understand("yes", &c, None, None), pick(0));
        assert_eq!(
            understand("back", &c, None, None),
            Reply::Send(Input::Do(Action::Back))
        );
        // "no" is a whole word: the answer that starts with "No", never "Not sure".
        assert_eq!(understand("no", &c, None, None), pick(1));
        assert_eq!(understand("not", &c, None, None), pick(2));
        let marks = answers(&["Round marks from cupping", "Not sure"]);
        assert!(
            matches!(understand("no", &marks, None, None), Reply::Unclear(h) if h.contains("not one")),
            "'no' on a screen without a 'No' answer asks again"
        );
        let marcas = answers(&["Marcas redondas de ventosas", "No estoy seguro/a"]);
        assert!(
            matches!(understand("no", &marcas, None, Some(1)), Reply::Unclear(_)),
            "'no' never picks the question's 'Not sure', in any language"
        );
        assert!(
            matches!(understand("7", &c, None, None), Reply::Unclear(h) if h.contains("no answer 7"))
        );
        // With the question's "none" answer known by its id, "no" picks it, whatever its words.
        assert_eq!(understand("no", &c, Some(1), None), pick(1));
        assert!(matches!(
            understand("maybe", &c, None, None),
            Reply::Unclear(_)
        ));
    }

    /// The commands' words come from the catalogue: each command has some, no word means two
    /// commands, and the help line names each command by its first word.
    #[test]
    fn command_words_are_the_catalogues_distinct_and_named_in_help() {
        let keys = ["back", "restart", "help", "why", "quit", "none"]
            .map(|k| Msg(Box::leak(format!("line-words-{k}").into_boxed_str())));
        let mut seen = std::collections::HashMap::new();
        for key in keys {
            let words: Vec<&str> = key.text().split(',').map(str::trim).collect();
            assert!(words.iter().all(|w| !w.is_empty()), "{key:?}: {words:?}");
            for w in &words {
                assert!(typed_is(key, &w.to_lowercase()), "{key:?} {w}");
                if let Some(other) = seen.insert(w.to_lowercase(), key) {
                    panic!("'{w}' is a word of both {other:?} and {key:?}");
                }
            }
            if key != Msg("line-words-none") {
                assert!(
                    t("line-commands").contains(words[0]),
                    "help lacks {}",
                    words[0]
                );
            }
        }
        let c = answers(&["Yes", "No, none of these"]);
        assert_eq!(understand("Q", &c, Some(1), None), Reply::Quit);
        assert_eq!(understand("start again", &c, Some(1), None), Reply::Restart);
        assert_eq!(understand("?", &c, Some(1), None), Reply::Help);
        assert_eq!(understand("why?", &c, Some(1), None), Reply::Why);
        assert_eq!(
            understand("nope", &c, Some(1), None),
            Reply::Send(Input::Do(Action::Pick(1)))
        );
    }

    #[test]
    fn lettered_buttons_take_their_letter_and_the_footer_its_whole_words() {
        let c: Vec<Choice> = [
            choice("[a] Check another symptom", Input::Do(Action::CheckAnother)),
            choice("QR code", Input::Do(Action::TakeHome)),
            choice("start again", Input::Do(Action::Restart)),
        ]
        .into_iter()
        .flatten()
        .collect();
        assert_eq!(c.len(), 2, "no QR code on lines");
        let another = Reply::Send(Input::Do(Action::CheckAnother));
        assert_eq!(understand("a", &c, None, None), another);
        assert_eq!(understand("check", &c, None, None), another);
        assert!(
            matches!(understand("1", &c, None, None), Reply::Unclear(h) if h.contains("not one of the choices"))
        );
    }
}
