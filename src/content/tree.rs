//! The validated content: a [`Tree`] the engine and the screens can trust.
//!
//! Every id has been resolved to an index, every rule in `validate` holds, and nothing here can
//! fail at run time. This module owns no parsing and no I/O.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::t;

/// The disposition scale, ordered from least to most urgent; the most urgent result wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    Expected,
    Therapist,
    Doctor,
    Urgent,
    Emergency,
}

impl Level {
    /// Every level from least to most urgent.
    pub const ALL: [Level; 5] = [
        Level::Expected,
        Level::Therapist,
        Level::Doctor,
        Level::Urgent,
        Level::Emergency,
    ];

    /// The id used in content files and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Level::Expected => "expected",
            Level::Therapist => "therapist",
            Level::Doctor => "doctor",
            Level::Urgent => "urgent",
            Level::Emergency => "emergency",
        }
    }

    /// Parses a level id as written in content.
    pub fn from_id(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.id() == s)
    }

    /// The short headline shown with the level's symbol, so a level is never colour alone.
    pub fn word(self) -> &'static str {
        match self {
            Level::Expected => t("level-expected"),
            Level::Therapist => t("level-therapist"),
            Level::Doctor => t("level-doctor"),
            Level::Urgent => t("level-urgent"),
            Level::Emergency => t("level-emergency"),
        }
    }

    /// The title without its lead when the title begins with this level's own words ("Get help
    /// today: a cut that needs a check" gives "a cut that needs a check"), for lists that put the
    /// level's words first, so they are never read twice. Other titles are returned whole.
    pub fn title_rest(self, title: &str) -> &str {
        title
            .strip_prefix(self.word())
            .and_then(|r| r.strip_prefix(": "))
            .filter(|r| !r.trim().is_empty())
            .unwrap_or(title)
    }

    /// The process exit status `--plain` uses for this overall level (documented in `--help`).
    pub fn exit_code(self) -> u8 {
        match self {
            Level::Expected => 10,
            Level::Therapist => 11,
            Level::Doctor => 12,
            Level::Urgent => 13,
            Level::Emergency => 14,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A node of the question graph: a question to ask or an outcome to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NodeRef {
    Question(usize),
    Outcome(usize),
}

/// Title, version and entry points of the content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub title: String,
    pub version: String,
    pub intro: Option<String>,
    /// A translation's `[meta] clinician_review`: who fluent in its language checked it.
    #[serde(default)]
    pub clinician_review: Option<String>,
    pub start: usize,
    pub another: usize,
}

/// A question and its answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub help: Option<String>,
    pub emergency_screen: bool,
    pub options: Vec<Answer>,
}

/// One answer and where it leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// Unique within its question and stable across rewording (`aftercare check` proves both).
    pub id: String,
    pub label: String,
    /// Where it leads when no route applies.
    pub next: NodeRef,
    pub not_sure: bool,
    /// Red flags (indices into `Tree::flags`) this answer reports, whole or through one of
    /// their signs: an answer that offers `sepsis.skin` reports `sepsis`.
    pub flags: Vec<usize>,
    /// The signs offered of flags that are offered only in part (`"sepsis.skin"`); a flag in
    /// `flags` with no sign here is offered whole, every sign of it.
    pub signs: Vec<SignRef>,
    /// Facts (indices into `Tree::facts`) this answer tells us about the person.
    pub sets: Vec<usize>,
    /// Conditional destinations, tried in order before `next`.
    pub routes: Vec<Route>,
}

/// Go to `next` instead when every fact in `when` is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route {
    pub when: Vec<usize>,
    pub next: NodeRef,
}

/// One sign of a flag: indices into `Tree::flags` and that flag's `signs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignRef {
    pub flag: usize,
    pub sign: usize,
}

impl Answer {
    /// Whether this answer offers a flag's sign (`Some`), or the flag at all (`None`): the whole
    /// flag offers every sign of it.
    pub fn offers(&self, flag: usize, sign: Option<usize>) -> bool {
        if !self.flags.contains(&flag) {
            return false;
        }
        let Some(sign) = sign else { return true };
        let mut part = self.signs.iter().filter(|s| s.flag == flag).peekable();
        part.peek().is_none() || part.any(|s| s.sign == sign)
    }

    /// Where this answer leads, given which facts are known (indexed like `Tree::facts`).
    pub fn resolve(&self, known: &[bool]) -> NodeRef {
        self.routes
            .iter()
            .find(|r| {
                r.when
                    .iter()
                    .all(|&f| known.get(f).copied().unwrap_or(false))
            })
            .map_or(self.next, |r| r.next)
    }

    /// Every place this answer can lead, whatever is known: `next` first, then the routes.
    pub fn targets(&self) -> impl Iterator<Item = NodeRef> + '_ {
        std::iter::once(self.next).chain(self.routes.iter().map(|r| r.next))
    }
}

/// A red flag of the brief: the level it needs and its plain wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    pub id: String,
    pub level: Level,
    pub text: String,
    pub sources: Vec<usize>,
    /// Its signs, in file order; empty for a flag asked as one.
    pub signs: Vec<Sign>,
}

/// One sign of a red flag, in a person's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sign {
    pub id: String,
    pub text: String,
}

/// A symptom family: the question its branch begins at and the flags it asks about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Family {
    pub id: String,
    pub entry: usize,
    pub flags: Vec<usize>,
    /// General danger signs (`[general]`) this family need not ask, and why.
    pub skip_general: Vec<usize>,
    pub why: Option<String>,
}

/// `[general]`: the flags every family asks before a path can end below the lower of the
/// flag's level and `below`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct General {
    pub flags: Vec<usize>,
    pub below: Level,
}

/// DCB0129's severity of a hazard's harm, least first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum HazardSeverity {
    Minor,
    Significant,
    Considerable,
    Major,
    Catastrophic,
}

/// DCB0129's likelihood of a hazard's harm, least first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Likelihood {
    VeryLow,
    Low,
    Medium,
    High,
    VeryHigh,
}

impl HazardSeverity {
    pub const ALL: [HazardSeverity; 5] = [
        HazardSeverity::Minor,
        HazardSeverity::Significant,
        HazardSeverity::Considerable,
        HazardSeverity::Major,
        HazardSeverity::Catastrophic,
    ];

    /// The id used in content files.
    pub fn id(self) -> &'static str {
        match self {
            HazardSeverity::Minor => "minor",
            HazardSeverity::Significant => "significant",
            HazardSeverity::Considerable => "considerable",
            HazardSeverity::Major => "major",
            HazardSeverity::Catastrophic => "catastrophic",
        }
    }

    pub fn from_id(s: &str) -> Option<HazardSeverity> {
        HazardSeverity::ALL.into_iter().find(|l| l.id() == s)
    }
}

impl Likelihood {
    pub const ALL: [Likelihood; 5] = [
        Likelihood::VeryLow,
        Likelihood::Low,
        Likelihood::Medium,
        Likelihood::High,
        Likelihood::VeryHigh,
    ];

    /// The id used in content files.
    pub fn id(self) -> &'static str {
        match self {
            Likelihood::VeryLow => "very_low",
            Likelihood::Low => "low",
            Likelihood::Medium => "medium",
            Likelihood::High => "high",
            Likelihood::VeryHigh => "very_high",
        }
    }

    pub fn from_id(s: &str) -> Option<Likelihood> {
        Likelihood::ALL.into_iter().find(|l| l.id() == s)
    }
}

/// The clinical risk of a harm of `severity` at `likelihood`: 1 (acceptable) to 5
/// (unacceptable), by the 5x5 matrix of the DCB0129 Implementation Guidance (NHS Digital,
/// section 4.4, "Risk matrix", with Table 10 "Example Risk Acceptability Definitions": 5
/// unacceptable; 4 mandatory elimination of the hazard or a control to reduce it; 3
/// undesirable; 2 acceptable where the benefit is claimed; 1 acceptable). Seen as quoted in
/// public DCB0129 hazard logs; rows are likelihood (very low first), columns severity (minor
/// first).
pub fn risk(severity: HazardSeverity, likelihood: Likelihood) -> u8 {
    const MATRIX: [[u8; 5]; 5] = [
        // minor, significant, considerable, major, catastrophic
        [1, 1, 2, 2, 3], // very low
        [1, 2, 2, 3, 4], // low
        [2, 2, 3, 3, 4], // medium
        [2, 3, 3, 4, 5], // high
        [3, 4, 4, 5, 5], // very high
    ];
    MATRIX[likelihood as usize][severity as usize]
}

/// A hazard of the hazard log: a way a person could be harmed, what controls it, the outcomes
/// that must catch it, and the test cases (ids in `tests/atypical.toml`) that prove it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hazard {
    pub id: String,
    pub title: String,
    pub cause: String,
    pub effect: String,
    pub severity: HazardSeverity,
    pub likelihood_before: Likelihood,
    pub likelihood_after: Likelihood,
    pub flags: Vec<usize>,
    pub facts: Vec<usize>,
    pub questions: Vec<usize>,
    pub outcomes: Vec<usize>,
    pub sources: Vec<usize>,
    pub cases: Vec<String>,
    /// Why a risk still rated 4 or 5 after the controls is accepted for now, if it is.
    pub residual: Option<String>,
}

impl Hazard {
    /// The risk before the controls and after them (1 to 5, see [`risk`]).
    pub fn risks(&self) -> (u8, u8) {
        (
            risk(self.severity, self.likelihood_before),
            risk(self.severity, self.likelihood_after),
        )
    }
}

/// Something learned about the person that holds for the whole session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    pub id: String,
    pub text: String,
}

/// Where a path ends: a level and the advice for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub id: String,
    pub level: Level,
    pub title: String,
    pub now: Vec<String>,
    pub watch: Vec<String>,
    pub why: Option<String>,
    pub topics: Vec<usize>,
    pub sources: Vec<usize>,
}

/// The drawings the app knows how to make; content picks one by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Picture {
    Vasodilation,
    LegClot,
}

impl Picture {
    /// Whether the picture changes with time at all (the legs do not, so they never ask for
    /// frames).
    pub fn animated(self) -> bool {
        match self {
            Picture::Vasodilation => true,
            Picture::LegClot => false,
        }
    }

    /// Every picture name content may use.
    pub const NAMES: [&'static str; 2] = ["vasodilation", "leg_clot"];

    /// Parses a picture name as written in content.
    pub fn from_name(s: &str) -> Option<Picture> {
        match s {
            "vasodilation" => Some(Picture::Vasodilation),
            "leg_clot" => Some(Picture::LegClot),
            _ => None,
        }
    }
}

/// An explanation topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub picture: Option<Picture>,
    pub related: Vec<usize>,
    pub sources: Vec<usize>,
}

/// Whether a source was checked at the publisher or seen only in a secondary copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceStatus {
    Verified,
    Secondary,
}

/// A cited source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub status: SourceStatus,
}

impl Source {
    /// The source as one line: its title, publisher and address, each closed with a full stop
    /// unless it already ends a sentence.
    pub fn citation(&self) -> String {
        let mut line = self.title.clone();
        for part in [&self.publisher, &self.url].into_iter().flatten() {
            // "Why drink water after massage?" takes no extra full stop.
            if !line.ends_with(['.', '?', '!']) {
                line.push('.');
            }
            line.push(' ');
            line.push_str(part);
        }
        line
    }
}

/// The whole validated content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tree {
    pub meta: Meta,
    pub questions: Vec<Question>,
    pub outcomes: Vec<Outcome>,
    pub topics: Vec<Topic>,
    pub sources: Vec<Source>,
    pub flags: Vec<Flag>,
    pub families: Vec<Family>,
    pub facts: Vec<Fact>,
    /// The danger signs every family asks, if the content declares them.
    pub general: Option<General>,
    /// The hazard log (empty for content without one).
    pub hazards: Vec<Hazard>,
}

impl Tree {
    /// A tree holding `meta` alone: all the welcome screen shows, for its first frame while the
    /// rest is read and checked. Nothing in it can be answered.
    pub fn welcome(meta: Meta) -> Tree {
        Tree {
            meta,
            questions: Vec::new(),
            outcomes: Vec::new(),
            topics: Vec::new(),
            sources: Vec::new(),
            flags: Vec::new(),
            families: Vec::new(),
            facts: Vec::new(),
            general: None,
            hazards: Vec::new(),
        }
    }

    /// Looks a question or outcome up by its id (questions and outcomes share one set of ids).
    /// A search, not a map (do not call it in a loop over large content): nothing on a person's
    /// path looks nodes up by id, and a map of every id cost large content a millisecond and a
    /// half to build.
    pub fn node(&self, id: &str) -> Option<NodeRef> {
        let question = self.questions.iter().position(|q| q.id == id);
        question.map(NodeRef::Question).or_else(|| {
            let outcome = self.outcomes.iter().position(|o| o.id == id);
            outcome.map(NodeRef::Outcome)
        })
    }

    /// Looks a fact up by its id.
    pub fn fact_index(&self, id: &str) -> Option<usize> {
        self.facts.iter().position(|f| f.id == id)
    }

    /// Looks a topic up by its id.
    pub fn topic_index(&self, id: &str) -> Option<usize> {
        self.topics.iter().position(|t| t.id == id)
    }

    /// The first question of every session.
    pub fn start(&self) -> NodeRef {
        NodeRef::Question(self.meta.start)
    }

    /// Where "Check another symptom" begins.
    pub fn another(&self) -> NodeRef {
        NodeRef::Question(self.meta.another)
    }
}

#[cfg(test)]
mod tests {
    use super::{HazardSeverity as S, Likelihood as L, risk};

    /// The corners and the diagonal of the DCB0129 matrix, and that more of either never
    /// lowers the risk.
    #[test]
    fn the_risk_matrix_is_dcb0129s() {
        assert_eq!(risk(S::Minor, L::VeryLow), 1);
        assert_eq!(risk(S::Catastrophic, L::VeryLow), 3);
        assert_eq!(risk(S::Minor, L::VeryHigh), 3);
        assert_eq!(risk(S::Catastrophic, L::VeryHigh), 5);
        assert_eq!(risk(S::Considerable, L::Medium), 3);
        assert_eq!(risk(S::Catastrophic, L::Low), 4);
        assert_eq!(risk(S::Major, L::High), 4);
        for s in S::ALL {
            for w in L::ALL.windows(2) {
                assert!(risk(s, w[0]) <= risk(s, w[1]));
            }
        }
        for l in L::ALL {
            for w in S::ALL.windows(2) {
                assert!(risk(w[0], l) <= risk(w[1], l));
            }
        }
    }
}
