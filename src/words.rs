//! Every sentence that tells a person whom to call, and every summary of their results, built in
//! one place from the clinic's settings.
//!
//! The screens (`ui`), the line mode (`plain`), the browser, the saved file, the take-home code
//! and the exports all take these words from here, so the emergency line and a result read the
//! same wherever they appear. Whether the clinic has a phone is [`Clinic::phone`] being `Some`:
//! nothing compares with a placeholder.

use crate::config::{Clinic, Config};
use crate::content::{Level, Outcome, Tree};
use crate::i18n::{t, t_args};
use crate::triage::Session;

/// A level's symbol: ✓ ☎ ✚ ! ‼, or `[OK] [T] [+] [!] [!!]` where only ASCII can be shown.
pub fn level_symbol(level: Level, ascii: bool) -> &'static str {
    match (ascii, level) {
        (false, Level::Expected) => "✓",
        (false, Level::Therapist) => "☎",
        (false, Level::Doctor) => "✚",
        (false, Level::Urgent) => "!",
        (false, Level::Emergency) => "‼",
        (true, Level::Expected) => "[OK]",
        (true, Level::Therapist) => "[T]",
        (true, Level::Doctor) => "[+]",
        (true, Level::Urgent) => "[!]",
        (true, Level::Emergency) => "[!!]",
    }
}

/// Symbol and word together: "‼ EMERGENCY".
pub fn level_label(level: Level, ascii: bool) -> String {
    format!("{} {}", level_symbol(level, ascii), level.word())
}

/// Whom to call: one message, built from its parts. The banner, the screen reader's `tel:` links,
/// the line mode, the summaries, the take-home code, and the terminal's and the page's refusal
/// and crash messages all take their words from here, so they say the same thing; nothing finds
/// a sentence by its English words (the browser page dials [`EmergencyLine::number`] and
/// [`EmergencyLine::phone`], it does not cut a sentence).
#[derive(Debug, Clone, Copy)]
pub struct EmergencyLine<'a> {
    clinic: &'a Clinic,
}

impl<'a> EmergencyLine<'a> {
    pub fn of(clinic: &'a Clinic) -> Self {
        EmergencyLine { clinic }
    }

    /// What the first part dials: "999", or the default "your emergency number (999, 112 or 911)".
    pub fn number(&self) -> &'a str {
        self.clinic.emergency_words()
    }

    /// What the second part dials, if the clinic has a phone.
    pub fn phone(&self) -> Option<&'a str> {
        self.clinic.phone.as_deref()
    }

    /// The first part: "Very unwell? Call 999 now."
    pub fn call(&self) -> String {
        t_args("emergency-call", &[("number", self.number().into())])
    }

    /// The second part: "Questions? Call Hill Clinic on 01632 960000.", "Questions? Call 01632
    /// 960000." when the clinic has no name, "Questions? Call your massage therapist." when it
    /// has no phone.
    pub fn questions(&self) -> String {
        match (self.phone(), self.clinic.name.is_empty()) {
            (Some(phone), false) => t_args(
                "emergency-questions-clinic",
                &[
                    ("clinic", self.clinic.name.as_str().into()),
                    ("phone", phone.into()),
                ],
            ),
            (Some(phone), true) => t_args("emergency-questions-phone", &[("phone", phone.into())]),
            (None, _) => t("emergency-questions-therapist").to_string(),
        }
    }

    /// The whole line: "Very unwell? Call 999 now. Questions? Call Hill Clinic on 01632 960000."
    pub fn text(&self) -> String {
        format!("{} {}", self.call(), self.questions())
    }

    /// Shorter forms for a narrow banner, longest first; the clinic's phone stays while it fits.
    pub fn shorter(&self) -> Vec<String> {
        let number = self.number();
        let mut out = Vec::new();
        if let Some(phone) = self.phone() {
            let both = [("number", number.into()), ("phone", phone.into())];
            out.push(t_args("emergency-short-phone", &both));
            out.push(t_args("emergency-short-clinic", &both));
        }
        let just = [("number", number.into())];
        out.push(t_args("emergency-short", &just));
        out.push(t_args("emergency-shortest", &just));
        out.push(number.to_string());
        out
    }

    /// The compact form for the take-home code: "Clinic: 01632 960000" (if any) and
    /// "Emergency: 999", one a line.
    pub fn compact(&self) -> String {
        let mut lines = Vec::new();
        if let Some(phone) = self.phone() {
            lines.push(t_args("compact-clinic", &[("phone", phone.into())]));
        }
        lines.push(t_args(
            "compact-emergency",
            &[("number", self.number().into())],
        ));
        lines.join("\n")
    }
}

/// The emergency line of `clinic` ([`EmergencyLine::text`]).
pub fn contact_line(clinic: &Clinic) -> String {
    EmergencyLine::of(clinic).text()
}

/// Stands for a space inside a number while a text is wrapped: not whitespace, one column wide.
const GLUE: char = '\u{E000}';

/// Wraps `text` at spaces into lines of at most `width` columns after `prefix` (the lines after
/// the first line up under the text), never inside the clinic's emergency or phone number: a
/// number cut in two is another number.
pub fn wrap_text(clinic: &Clinic, prefix: &str, text: &str, width: u16) -> Vec<String> {
    let mut glued = text.to_string();
    for number in [Some(&clinic.emergency), clinic.phone.as_ref()]
        .into_iter()
        .flatten()
    {
        if number.contains(' ') {
            glued = glued.replace(number.as_str(), &number.replace(' ', &GLUE.to_string()));
        }
    }
    let pad = " ".repeat(textwrap::core::display_width(prefix));
    let options = textwrap::Options::new(usize::from(width).max(1))
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .initial_indent(prefix)
        .subsequent_indent(&pad);
    textwrap::wrap(&glued, options)
        .into_iter()
        .map(|l| l.replace(GLUE, " "))
        .collect()
}

/// A session's results: each outcome reached (in the order reached, once each) and the overall
/// level — the most urgent one.
pub struct Results<'a> {
    pub outcomes: Vec<&'a Outcome>,
    pub overall: Option<Level>,
}

impl<'a> Results<'a> {
    pub fn of(tree: &'a Tree, session: &Session) -> Results<'a> {
        Results {
            outcomes: (session.distinct_results().iter())
                .filter_map(|&o| tree.outcomes.get(o))
                .collect(),
            overall: session.overall(tree),
        }
    }

    /// The outcomes, most urgent first (stable: equal levels keep their order).
    pub fn most_urgent_first(&self) -> Vec<&'a Outcome> {
        let mut out = self.outcomes.clone();
        out.sort_by_key(|o| std::cmp::Reverse(o.level));
        out
    }
}

/// "Overall: Emergency (emergency). The most urgent result counts." — the line mode's words.
pub fn overall_sentence(level: Level) -> String {
    t_args(
        "overall-sentence",
        &[("level", level.word().into()), ("id", level.id().into())],
    )
}

/// The plain-text summary printed to the terminal after quitting (it stays in the scrollback):
/// each result's level, title, "Do this now" and "Get help if", the overall level, the emergency line and whom
/// to ask with a question. Wrapped at spaces to `width` columns (the terminal's), so no word is
/// split where the terminal would cut it; a bullet's lines line up under its text.
/// `None` if no symptom check reached an outcome.
pub fn summary_text(
    tree: &Tree,
    config: &Config,
    session: &Session,
    ascii: bool,
    width: u16,
) -> Option<String> {
    let r = Results::of(tree, session);
    if r.outcomes.is_empty() {
        return None;
    }
    let fill = |s: &str| config.fill(s).into_owned();
    let bullet = if ascii { "  - " } else { "  • " };
    let mut out = String::new();
    // A blank `text` is a blank line.
    let mut put = |prefix: &str, text: &str| {
        if text.is_empty() {
            out.push('\n');
            return;
        }
        for line in wrap_text(&config.clinic, prefix, text, width) {
            out.push_str(&line);
            out.push('\n');
        }
    };
    put("", t("summary-title"));
    for o in &r.outcomes {
        put("", "");
        let label = format!("{}: ", level_label(o.level, ascii));
        put(&label, &fill(o.level.title_rest(&o.title)));
        put("  ", &format!("{}:", t("outcome-do-now")));
        for item in &o.now {
            put(bullet, &fill(item));
        }
        // When to get more help stays with what to do now (safety rule 4): the scrollback is
        // what the person reads again later.
        if !o.watch.is_empty() {
            put("  ", t("summary-watch"));
            for item in &o.watch {
                put(bullet, &fill(item));
            }
        }
    }
    if let Some(level) = r.overall {
        put("", "");
        put(
            &format!("{} ", t("outcome-overall")),
            &level_label(level, ascii),
        );
    }
    put("", &contact_line(&config.clinic));
    Some(out)
}

/// The summary as Markdown, for the file the person chooses to save: each result with what to
/// do now and when to get help, the overall level, and whom to call.
pub fn summary_markdown(tree: &Tree, config: &Config, session: &Session) -> String {
    let r = Results::of(tree, session);
    let fill = |s: &str| config.fill(s).into_owned();
    let title = t_args(
        "summary-file-title",
        &[("title", fill(&tree.meta.title).into())],
    );
    let mut out = format!("# {title}\n\n");
    if let Some(level) = r.overall {
        let overall = t_args("summary-file-overall", &[("level", level.word().into())]);
        out.push_str(&format!("{overall}\n\n"));
    }
    for o in &r.outcomes {
        out.push_str(&format!(
            "## {} — {}\n\n**{}**\n\n",
            o.level.word(),
            fill(o.level.title_rest(&o.title)),
            t("outcome-do-now"),
        ));
        for item in &o.now {
            out.push_str(&format!("- {}\n", fill(item)));
        }
        out.push_str(&format!("\n**{}**\n\n", t("outcome-watch")));
        for item in &o.watch {
            out.push_str(&format!("- {}\n", fill(item)));
        }
        out.push('\n');
    }
    out.push_str(&contact_line(&config.clinic));
    out.push('\n');
    out
}

/// The summary for the take-home code, at most `budget` bytes: the overall level, each result
/// (most urgent first, while they fit) with its first "Do this now", then the clinic's phone (if
/// it has one) and the emergency number, which always fit.
pub fn summary_code(tree: &Tree, config: &Config, session: &Session, budget: usize) -> String {
    let r = Results::of(tree, session);
    let fill = |s: &str| config.fill(s).into_owned();
    let tail = EmergencyLine::of(&config.clinic).compact();
    let mut out = t("code-title").to_string();
    if let Some(level) = r.overall {
        let overall = t_args("code-overall", &[("level", level.word().into())]);
        out.push_str(&format!("\n{overall}"));
    }
    for o in r.most_urgent_first() {
        let mut piece = format!("\n- {}", fill(&o.title));
        if let Some(now) = o.now.first() {
            let now = t_args("code-now", &[("text", fill(now).into())]);
            piece.push_str(&format!("\n  {now}"));
        }
        if out.len() + piece.len() + tail.len() + 1 > budget {
            break;
        }
        out.push_str(&piece);
    }
    out.push('\n');
    out.push_str(&tail);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clinic(name: &str, phone: Option<&str>) -> Clinic {
        Clinic {
            name: name.into(),
            phone: phone.map(Into::into),
            emergency: "999".into(),
        }
    }

    #[test]
    fn the_emergency_line_names_the_clinic_only_when_it_has_a_phone() {
        assert_eq!(
            contact_line(&clinic("Hill Clinic", Some("01632 960000"))),
            "Very unwell? Call 999 now. Questions? Call Hill Clinic on 01632 960000."
        );
        assert_eq!(
            contact_line(&clinic("", Some("01632 960000"))),
            "Very unwell? Call 999 now. Questions? Call 01632 960000."
        );
        assert_eq!(
            contact_line(&clinic("Hill Clinic", None)),
            "Very unwell? Call 999 now. Questions? Call your massage therapist."
        );
    }

    #[test]
    fn every_form_of_the_emergency_line_dials_the_same_numbers() {
        let with = clinic("Hill Clinic", Some("01632 960000"));
        let line = EmergencyLine::of(&with);
        assert_eq!(line.text(), format!("{} {}", line.call(), line.questions()));
        assert!(line.call().contains(line.number()));
        assert!(line.questions().contains("01632 960000"));
        // The narrow forms keep the clinic's phone as long as they can, then the number alone.
        let shorter = line.shorter();
        assert!(
            shorter[..2].iter().all(|t| t.contains("01632 960000")),
            "{shorter:?}"
        );
        assert!(shorter.iter().all(|t| t.contains("999")), "{shorter:?}");
        assert!(
            shorter.windows(2).all(|w| w[0].len() > w[1].len()),
            "{shorter:?}"
        );
        assert_eq!(shorter.last().map(String::as_str), Some("999"));
        assert_eq!(line.compact(), "Clinic: 01632 960000\nEmergency: 999");
        let without = clinic("", None);
        assert_eq!(EmergencyLine::of(&without).compact(), "Emergency: 999");
        assert_eq!(EmergencyLine::of(&without).phone(), None);
    }

    #[test]
    fn every_summary_ends_with_the_emergency_number_and_the_clinic_phone() {
        let tree = crate::content::default_tree().unwrap();
        let config = Config {
            clinic: clinic("Hill Clinic", Some("01632 960000")),
            ..Config::default()
        };
        let mut session = Session::new(&tree);
        while session.answer(&tree, 0).is_ok() {}
        let text = summary_text(&tree, &config, &session, false, 80).unwrap();
        let md = summary_markdown(&tree, &config, &session);
        let code = summary_code(&tree, &config, &session, 300);
        for s in [&text, &md, &code] {
            assert!(s.contains("999") && s.contains("01632 960000"), "{s}");
        }
    }

    #[test]
    fn the_summary_wraps_at_spaces_and_never_inside_a_number() {
        let tree = crate::content::default_tree().unwrap();
        let mut session = Session::new(&tree);
        while session.answer(&tree, 0).is_ok() {}
        for width in [30, 40, 60, 80] {
            for phone in ["01632 960000", "+44 20 7946 0000"] {
                let config = Config {
                    clinic: clinic("Hill Clinic", Some(phone)),
                    ..Config::default()
                };
                let text = summary_text(&tree, &config, &session, false, width).unwrap();
                assert!(text.contains(phone), "{width}: {text}");
                for line in text.lines() {
                    assert!(line.chars().count() <= usize::from(width), "{line:?}");
                }
                // The bullets' lines line up under their text.
                assert!(text.contains("\n    "), "{text}");
            }
        }
    }

    #[test]
    fn every_level_has_an_ascii_symbol() {
        for level in [
            Level::Expected,
            Level::Therapist,
            Level::Doctor,
            Level::Urgent,
            Level::Emergency,
        ] {
            assert!(level_label(level, true).is_ascii(), "{level:?}");
            assert_ne!(level_symbol(level, true), level_symbol(level, false));
        }
    }
}
