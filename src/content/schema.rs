//! The serde types for content files, exactly as written in TOML.
//!
//! Spans are kept (`Spanned`) wherever a diagnostic may need to point at a value. These types are
//! the raw, unchecked document; `validate` turns a set of them into a [`crate::content::Tree`].

use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;

/// The entries of one kind in a file, by id. foldhash: the ids are hashed once each at parse
/// time, and SipHash's protection against chosen keys buys nothing for a clinic's own files.
pub type Table<T> = IndexMap<Spanned<String>, Spanned<T>, foldhash::fast::RandomState>;

/// One content file as parsed. Every table is optional so content can be split across files.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub meta: Option<Spanned<Meta>>,
    #[serde(default)]
    pub question: Table<Question>,
    #[serde(default)]
    pub outcome: Table<Outcome>,
    #[serde(default)]
    pub topic: Table<Topic>,
    #[serde(default)]
    pub source: Table<Source>,
    #[serde(default)]
    pub flag: Table<Flag>,
    #[serde(default)]
    pub family: Table<Family>,
    #[serde(default)]
    pub fact: Table<Fact>,
    /// The danger signs every family must ask (`[general]`, at most one in all the files).
    pub general: Option<Spanned<General>>,
    #[serde(default)]
    pub hazard: Table<Hazard>,
}

impl Document {
    /// The same document with every table in the order its entries are written in the file.
    /// The TOML parser hands tables over sorted by key (its ordered map is slower to build);
    /// the order in the file is what a person reads: the list of topics, the order of questions.
    pub fn in_file_order(mut self) -> Self {
        fn sort<T>(t: &mut Table<T>) {
            t.sort_by(|a, _, b, _| a.span().start.cmp(&b.span().start));
        }
        sort(&mut self.question);
        sort(&mut self.outcome);
        sort(&mut self.topic);
        sort(&mut self.source);
        sort(&mut self.flag);
        sort(&mut self.family);
        sort(&mut self.fact);
        sort(&mut self.hazard);
        for flag in self.flag.values_mut() {
            flag.get_mut()
                .signs
                .sort_by(|a, _, b, _| a.span().start.cmp(&b.span().start));
        }
        self
    }
}

/// A red flag of the brief, declared once: the level it needs and how a person would put it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    pub level: Spanned<String>,
    pub text: Spanned<String>,
    #[serde(default = "empty_list")]
    pub sources: Spanned<Vec<Spanned<String>>>,
    /// The flag's signs by id, each in a person's words (`signs = { skin = "..." }`). An answer
    /// may offer the whole flag (`"sepsis"`) or some of its signs (`"sepsis.skin"`).
    #[serde(default)]
    pub signs: IndexMap<Spanned<String>, Spanned<String>, foldhash::fast::RandomState>,
}

/// A symptom family: where its branch begins and the red flags it must ask about itself.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    pub entry: Spanned<String>,
    #[serde(default = "empty_list")]
    pub flags: Spanned<Vec<Spanned<String>>>,
    /// General danger signs this family need not ask, with `why`.
    #[serde(default = "empty_list")]
    pub skip_general: Spanned<Vec<Spanned<String>>>,
    pub why: Option<Spanned<String>>,
}

/// `[general]`: flags every family must ask before any of its paths can end below
/// the lower of the flag's level and `below`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct General {
    #[serde(default = "empty_list")]
    pub flags: Spanned<Vec<Spanned<String>>>,
    pub below: Spanned<String>,
}

/// `[hazard.<id>]`: one way a person could be harmed, what controls it and what proves it
/// (the hazard log of DCB0129).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hazard {
    pub title: Spanned<String>,
    pub cause: Spanned<String>,
    pub effect: Spanned<String>,
    pub severity: Spanned<String>,
    pub likelihood_before: Spanned<String>,
    pub likelihood_after: Spanned<String>,
    #[serde(default = "empty_list")]
    pub flags: Spanned<Vec<Spanned<String>>>,
    #[serde(default = "empty_list")]
    pub facts: Spanned<Vec<Spanned<String>>>,
    #[serde(default = "empty_list")]
    pub questions: Spanned<Vec<Spanned<String>>>,
    #[serde(default = "empty_list")]
    pub outcomes: Spanned<Vec<Spanned<String>>>,
    #[serde(default = "empty_list")]
    pub sources: Spanned<Vec<Spanned<String>>>,
    #[serde(default = "empty_list")]
    pub cases: Spanned<Vec<Spanned<String>>>,
    /// Why a risk still high after its controls (4 or 5) is accepted for now: the clinical
    /// safety officer reads it in the hazard log; without it `aftercare check` warns.
    #[serde(default)]
    pub residual: Option<Spanned<String>>,
}

/// Something learned about the person that holds for the whole session.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub text: Spanned<String>,
}

/// The `[meta]` table: title, version and where sessions start.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: Spanned<String>,
    pub version: Spanned<String>,
    pub start: Spanned<String>,
    pub another: Option<Spanned<String>>,
    pub intro: Option<Spanned<String>>,
    /// In a translation (`data/es/`): the texts meant to read exactly as the English does (a
    /// name, "Normal"), which `aftercare check` then does not report as left untranslated.
    #[serde(default)]
    pub same_as_english: Vec<Spanned<String>>,
    /// In a translation: the clinician fluent in its language who checked it against the
    /// English, with their role and the date. Without it `aftercare check` notes that nobody has.
    pub clinician_review: Option<Spanned<String>>,
}

/// A question as written: text, optional help and its options.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub text: Spanned<String>,
    pub help: Option<Spanned<String>>,
    #[serde(default)]
    pub emergency_screen: bool,
    #[serde(default)]
    pub ask_not_sure: bool,
    pub options: Spanned<Vec<Spanned<OptionDef>>>,
}

/// One answer to a question and the node it leads to.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionDef {
    /// A stable name for the answer, unique within its question (`"none"`, `"chest_pain"`):
    /// tests and content reviews follow answers by it, so rewording a label changes no path.
    #[serde(default)]
    pub id: Option<Spanned<String>>,
    pub label: Spanned<String>,
    pub next: Spanned<String>,
    #[serde(default)]
    pub not_sure: bool,
    /// The red flags this answer reports (the person has them).
    #[serde(default)]
    pub flags: Vec<Spanned<String>>,
    /// Facts about the person this answer tells us.
    #[serde(default)]
    pub sets: Vec<Spanned<String>>,
    /// Where the answer leads instead when facts are known; the first that holds wins.
    #[serde(default)]
    pub routes: Vec<Spanned<RouteDef>>,
}

/// A conditional destination: when every fact in `when` is known, go to `next`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteDef {
    pub when: Vec<Spanned<String>>,
    pub next: Spanned<String>,
}

/// An outcome as written; `level` stays a string here so a typo gets a precise diagnostic.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub level: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default = "empty_list")]
    pub now: Spanned<Vec<Spanned<String>>>,
    #[serde(default = "empty_list")]
    pub watch: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub why: Option<Spanned<String>>,
    #[serde(default)]
    pub topics: Vec<Spanned<String>>,
    #[serde(default = "empty_list")]
    pub sources: Spanned<Vec<Spanned<String>>>,
}

/// An explanation topic as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub title: Spanned<String>,
    pub summary: Spanned<String>,
    pub body: Spanned<String>,
    pub picture: Option<Spanned<String>>,
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    #[serde(default = "empty_list")]
    pub sources: Spanned<Vec<Spanned<String>>>,
}

/// A cited source.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: Spanned<String>,
    pub publisher: Option<Spanned<String>>,
    pub url: Option<Spanned<String>>,
    pub status: Spanned<String>,
}

/// A missing list: empty, with an empty span so diagnostics point at the table's id instead.
fn empty_list<T>() -> Spanned<Vec<T>> {
    Spanned::new(0..0, Vec::new())
}
