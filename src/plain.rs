//! The line-mode runner: one question at a time as plain text, for screen readers, pipes and
//! scripts. No escape codes, no colour, no cursor movement — only lines.
//!
//! It drives the same [`Session`] as the full-screen app. It never guesses: input that is not a
//! number, an unambiguous start of an answer, or a command repeats the question with a hint.

use std::io::{self, BufRead, Write};

use crate::config::Config;
use crate::content::{Level, NodeRef, Question, Tree, markup};
use crate::triage::Session;
use crate::words;

/// Width for wrapped text; screen readers do not care, and 80 columns suit a pipe.
const WIDTH: usize = 80;

/// The commands line mode understands besides answers, for the help text.
pub const COMMANDS: &str = "Type the number of an answer, or the start of its words. \
Other commands: back (undo the last answer), restart (start again), why (explain), \
help (this text), quit (finish and show the summary).";

/// What the person typed, once understood.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Reply {
    Choose(usize),
    Back,
    Restart,
    Help,
    Why,
    Quit,
    Unclear(String),
}

fn understand(line: &str, labels: &[&str]) -> Reply {
    let typed = line.trim().to_lowercase();
    match typed.as_str() {
        "back" | "b" => return Reply::Back,
        "restart" => return Reply::Restart,
        "help" | "?" => return Reply::Help,
        "why" => return Reply::Why,
        "quit" | "exit" | "q" => return Reply::Quit,
        "" => return Reply::Unclear("Please type an answer.".into()),
        _ => {}
    }
    if let Ok(n) = typed.parse::<usize>() {
        return if (1..=labels.len()).contains(&n) {
            Reply::Choose(n - 1)
        } else {
            Reply::Unclear(format!(
                "There is no answer {n}. Type a number from 1 to {}.",
                labels.len()
            ))
        };
    }
    let lower: Vec<String> = labels.iter().map(|l| l.to_lowercase()).collect();
    if let Some(i) = lower.iter().position(|l| *l == typed) {
        return Reply::Choose(i);
    }
    // "no" is the most natural reply to "do you have any of these?": it means "None of these"
    // when exactly one answer says none.
    if matches!(typed.as_str(), "no" | "none" | "nope") {
        let none: Vec<usize> = (0..labels.len())
            .filter(|&i| lower[i].starts_with("none") || lower[i].starts_with("no, none"))
            .collect();
        if let [i] = none.as_slice() {
            return Reply::Choose(*i);
        }
    }
    let matches: Vec<usize> = (0..labels.len())
        .filter(|&i| lower[i].starts_with(&typed))
        .collect();
    match matches.as_slice() {
        [i] => Reply::Choose(*i),
        [] => Reply::Unclear(format!(
            "'{}' is not one of the answers. Type a number from 1 to {}.",
            line.trim(),
            labels.len()
        )),
        _ => Reply::Unclear(format!(
            "'{}' matches more than one answer ({}). Type the number.",
            line.trim(),
            matches
                .iter()
                .map(|i| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// The line-mode session: the tree, the clinic, the engine, and where to write.
struct Plain<'a, W: Write> {
    tree: &'a Tree,
    config: &'a Config,
    session: Session,
    out: W,
}

impl<W: Write> Plain<'_, W> {
    fn say(&mut self, text: &str) -> io::Result<()> {
        let filled = self.config.fill(text);
        for line in textwrap::wrap(&filled, WIDTH) {
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }

    fn list(&mut self, items: &[String], indent: &str) -> io::Result<()> {
        for item in items {
            let filled = self.config.fill(item);
            let opts = text_options(WIDTH)
                .initial_indent(indent)
                .subsequent_indent("    ");
            for line in textwrap::wrap(&filled, opts) {
                writeln!(self.out, "{line}")?;
            }
        }
        Ok(())
    }

    fn emergency_line(&mut self) -> io::Result<()> {
        self.say(&words::contact_line(&self.config.clinic))
    }

    fn show_question(&mut self, q: usize) -> io::Result<()> {
        let tree = self.tree;
        let question = &tree.questions[q];
        writeln!(self.out)?;
        self.say(&format!("Question: {}", question.text))?;
        if let Some(help) = &question.help {
            self.say(help)?;
        }
        let items: Vec<String> = question
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| format!("{}. {}", i + 1, o.label))
            .collect();
        self.list(&items, "  ")?;
        self.emergency_line()?;
        write!(self.out, "Your answer (1-{}): ", question.options.len())?;
        self.out.flush()
    }

    fn show_outcome(&mut self, o: usize) -> io::Result<()> {
        let tree = self.tree;
        let outcome = &tree.outcomes[o];
        writeln!(self.out)?;
        self.say(&format!(
            "Result: {} ({}). {}",
            outcome.level.word(),
            outcome.level.id(),
            outcome.title
        ))?;
        if let Some(e) = self.session.earlier_first(tree) {
            let earlier = &tree.outcomes[e];
            let first = earlier.now.first().map_or("", String::as_str);
            self.say(&format!(
                "Your earlier result comes first: {} ({}). {}. {first}",
                earlier.level.word(),
                earlier.level.id(),
                earlier.title
            ))?;
        }
        writeln!(self.out, "Do this now:")?;
        let now: Vec<String> = outcome.now.iter().map(|s| format!("- {s}")).collect();
        self.list(&now, "  ")?;
        writeln!(self.out, "Get help if:")?;
        let watch: Vec<String> = outcome.watch.iter().map(|s| format!("- {s}")).collect();
        self.list(&watch, "  ")?;
        self.emergency_line()?;
        self.say("Type why for the explanation, 1 to check another symptom, 2 to start again, or quit to finish.")?;
        write!(self.out, "Your choice: ")?;
        self.out.flush()
    }

    fn show_why(&mut self) -> io::Result<()> {
        let tree = self.tree;
        writeln!(self.out)?;
        match self.session.current(tree) {
            NodeRef::Outcome(o) => {
                let outcome = &tree.outcomes[o];
                if let Some(why) = &outcome.why {
                    self.say(&format!("Why: {why}"))?;
                }
                for &t in &outcome.topics {
                    let topic = &tree.topics[t];
                    self.say(&format!(
                        "Read more: {} (aftercare topic {}): {}",
                        topic.title, topic.id, topic.summary
                    ))?;
                }
                let sources: Vec<String> = outcome
                    .sources
                    .iter()
                    .map(|&s| format!("- {}", tree.sources[s].citation()))
                    .collect();
                writeln!(self.out, "Sources:")?;
                self.list(&sources, "  ")?;
            }
            NodeRef::Question(q) => {
                let question = &tree.questions[q];
                let text = question.help.clone().unwrap_or_else(|| no_help(question));
                self.say(&text)?;
            }
        }
        Ok(())
    }

    fn show_current(&mut self) -> io::Result<()> {
        match self.session.current(self.tree) {
            NodeRef::Question(q) => self.show_question(q),
            NodeRef::Outcome(o) => self.show_outcome(o),
        }
    }

    fn summary(&mut self) -> io::Result<Option<Level>> {
        let results = words::Results::of(self.tree, &self.session);
        writeln!(self.out)?;
        if results.outcomes.is_empty() {
            self.say("Summary: no result yet.")?;
        } else {
            writeln!(self.out, "Summary:")?;
            let items: Vec<String> = (results.outcomes.iter())
                .map(|o| format!("- {}: {}", o.level.word(), o.level.title_rest(&o.title)))
                .collect();
            self.list(&items, "  ")?;
        }
        if let Some(level) = results.overall {
            self.say(&words::overall_sentence(level))?;
        }
        self.emergency_line()?;
        Ok(results.overall)
    }

    /// Handles one line; `Ok(true)` means the person asked to finish.
    fn handle(&mut self, line: &str) -> io::Result<bool> {
        let tree = self.tree;
        let labels: Vec<&str> = match self.session.current(tree) {
            NodeRef::Question(q) => tree.questions[q]
                .options
                .iter()
                .map(|o| o.label.as_str())
                .collect(),
            NodeRef::Outcome(_) => vec!["Check another symptom", "Start again"],
        };
        match understand(line, &labels) {
            Reply::Choose(i) => match self.session.current(tree) {
                NodeRef::Question(_) => {
                    let _ = self.session.answer(tree, i);
                }
                NodeRef::Outcome(_) if i == 0 => {
                    let _ = self.session.check_another(tree);
                }
                NodeRef::Outcome(_) => self.session.restart(tree),
            },
            Reply::Back => {
                if self.session.back(tree).is_err() {
                    self.say("This is the first question; there is nothing to go back to.")?;
                }
            }
            Reply::Restart => {
                self.session.restart(tree);
                self.say("Starting again. Your earlier answers are cleared.")?;
            }
            Reply::Help => self.say(COMMANDS)?,
            Reply::Why => self.show_why()?,
            Reply::Quit => return Ok(true),
            Reply::Unclear(hint) => {
                writeln!(self.out)?;
                self.say(&hint)?;
            }
        }
        Ok(false)
    }
}

/// Runs a whole line-mode session; returns the overall level (for the exit status), `None` when
/// the person finished before any result.
pub fn run(
    tree: &Tree,
    config: &Config,
    input: impl BufRead,
    out: impl Write,
) -> io::Result<Option<Level>> {
    let mut p = Plain {
        tree,
        config,
        session: Session::new(tree),
        out,
    };
    p.say(&format!(
        "{}: a guide after your massage, not a diagnosis.",
        tree.meta.title
    ))?;
    p.say(COMMANDS)?;
    p.show_current()?;
    // Lines are read as bytes: a line that is not UTF-8 is read as far as it makes sense and
    // then answered like any unclear input, never by ending the session.
    for line in input.split(b'\n') {
        let line = String::from_utf8_lossy(&line?)
            .trim_end_matches('\r')
            .to_string();
        if p.handle(&line)? {
            return p.summary();
        }
        p.show_current()?;
    }
    // End of input: finish cleanly with what we have.
    writeln!(p.out)?;
    p.summary()
}

/// What `why` says on a question that has no help of its own: a "Not sure" answer is named by
/// its own label, and only where the question has one.
fn no_help(question: &Question) -> String {
    let lead = "Your answer decides the next question.";
    match question.options.iter().find(|o| o.not_sure) {
        Some(o) => format!(
            "{lead} If you are not sure, choose '{}': it takes the safer path.",
            o.label
        ),
        None => format!("{lead} Choose the answer closest to what you notice."),
    }
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
        let labels = ["Yes, it is fading", "No, it is spreading", "Not sure"];
        assert_eq!(understand("2", &labels), Reply::Choose(1));
        assert_eq!(understand("  NOT SURE ", &labels), Reply::Choose(2));
        assert_eq!(understand("yes", &labels), Reply::Choose(0));
        assert_eq!(understand("back", &labels), Reply::Back);
        assert!(
            matches!(understand("no", &labels), Reply::Unclear(h) if h.contains("more than one"))
        );
        assert!(matches!(understand("7", &labels), Reply::Unclear(h) if h.contains("no answer 7")));
        assert!(matches!(understand("maybe", &labels), Reply::Unclear(_)));
    }
}
