//! The quick first parse of a content file, for files that are right.
//!
//! `toml-spanner` reads TOML in about a fifth of the `toml` crate's instructions (an arena, no
//! serde in between). Here its tree is turned straight into a [`Document`] with the same values
//! and the same spans the `toml` crate gives. Anything unexpected (a syntax error, an unknown key,
//! a missing one, a value of the wrong type) gives `None`, and the caller parses the file again
//! with `toml` and serde, whose messages, hints and recovery are the ones `aftercare check` shows.
//! So this path never writes a diagnostic: it only makes content that is right load sooner.
//!
//! `load::parse_paths_agree` states the contract (the same `Document`, spans included, or
//! `None`); tests hold it on every content file in the repository and on generated content, and
//! the content fuzzer on arbitrary text.

use std::ops::Range;
use toml::Spanned;

use toml_spanner::{Arena, ArrayStyle, Item, TableStyle, Value};

use super::schema::{
    Document, Fact, Family, Flag, General, Hazard, Meta, OptionDef, Outcome, Question, RouteDef,
    Source, Table, Topic,
};

/// The document in `text`, or `None` when anything about it needs the full parser's words.
pub(super) fn parse(text: &str) -> Option<Document> {
    let arena = Arena::new();
    let parsed = toml_spanner::parse(text, &arena).ok()?;
    document(text, parsed.table())
}

fn document(text: &str, root: &toml_spanner::Table<'_>) -> Option<Document> {
    let mut doc = Document::default();
    for (key, item) in root {
        match key.name {
            "meta" => doc.meta = Some(Spanned::new(table_span(text, item)?, meta(item)?)),
            "question" => doc.question = table(text, item, question)?,
            "outcome" => doc.outcome = table(text, item, outcome)?,
            "topic" => doc.topic = table(text, item, topic)?,
            "source" => doc.source = table(text, item, source)?,
            "flag" => doc.flag = table(text, item, flag)?,
            "family" => doc.family = table(text, item, family)?,
            "fact" => doc.fact = table(text, item, fact)?,
            "hazard" => doc.hazard = table(text, item, hazard)?,
            "general" => {
                doc.general = Some(Spanned::new(table_span(text, item)?, general(item)?));
            }
            _ => return None,
        }
    }
    Some(doc.in_file_order())
}

/// Where `toml` says a table is: its `[header]` for a table with one, the braces for an inline
/// table. (toml-spanner's own span of a `[header]` table runs on to its last value.) A table
/// made of dotted keys is left to the full parser.
fn table_span(text: &str, item: &Item<'_>) -> Option<Range<usize>> {
    let span = item.span().range();
    match item.as_table()?.style() {
        TableStyle::Inline => Some(span),
        TableStyle::Header => header(text, span.start),
        TableStyle::Dotted | TableStyle::Implicit => None,
    }
}

/// The `[header]` that opens at byte `at`, up to its closing bracket; a bracket inside a quoted
/// key does not close it.
fn header(text: &str, at: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    if bytes.get(at) != Some(&b'[') || bytes.get(at + 1) == Some(&b'[') {
        return None;
    }
    let mut quote = None;
    let mut i = at + 1;
    while let Some(&b) = bytes.get(i) {
        match (quote, b) {
            (_, b'\n') => return None,
            (Some(b'"'), b'\\') => i += 1,
            (Some(q), _) if b == q => quote = None,
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b']') => return Some(at..i + 1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The fields of a table that may hold only `allowed` keys (serde's `deny_unknown_fields`).
struct Fields<'a, 'de>(&'a toml_spanner::Table<'de>);

impl<'a, 'de> Fields<'a, 'de> {
    fn of(item: &'a Item<'de>, allowed: &[&str]) -> Option<Self> {
        let t = item.as_table()?;
        t.iter()
            .all(|(k, _)| allowed.contains(&k.name))
            .then_some(Fields(t))
    }

    fn get(&self, name: &str) -> Option<&'a Item<'de>> {
        self.0.get(name)
    }

    /// A required string.
    fn text(&self, name: &str) -> Option<Spanned<String>> {
        string(self.get(name)?)
    }

    /// An optional string: absent is `Some(None)`, present but not a string is `None`.
    fn opt_text(&self, name: &str) -> Option<Option<Spanned<String>>> {
        self.get(name).map_or(Some(None), |i| string(i).map(Some))
    }

    /// A boolean that defaults to false.
    fn flag(&self, name: &str) -> Option<bool> {
        self.get(name).map_or(Some(false), |i| i.as_bool())
    }

    /// A list of strings that defaults to empty.
    fn texts(&self, name: &str) -> Option<Vec<Spanned<String>>> {
        self.get(name).map_or(Some(Vec::new()), strings)
    }

    /// A list of strings that keeps its own span; missing, it is empty with an empty span, as
    /// `schema::empty_list` makes it.
    fn spanned_texts(&self, name: &str) -> Option<Spanned<Vec<Spanned<String>>>> {
        match self.get(name) {
            None => Some(Spanned::new(0..0, Vec::new())),
            Some(i) => Some(spanned(i, strings(i)?)),
        }
    }

    /// A list of tables, each read by `f`, defaulting to empty.
    fn list<T>(&self, name: &str, f: impl Fn(&Item<'de>) -> Option<T>) -> Option<Vec<Spanned<T>>> {
        match self.get(name) {
            None => Some(Vec::new()),
            Some(i) => {
                let list = i.as_array()?;
                // `[[a.b]]` tables are spanned differently by the two parsers: left to `toml`.
                if list.style() != ArrayStyle::Inline {
                    return None;
                }
                list.iter()
                    .map(|e| match e.as_table()?.style() {
                        TableStyle::Inline => Some(spanned(e, f(e)?)),
                        _ => None,
                    })
                    .collect()
            }
        }
    }
}

fn spanned<T>(item: &Item<'_>, value: T) -> Spanned<T> {
    Spanned::new(item.span().range(), value)
}

fn string(item: &Item<'_>) -> Option<Spanned<String>> {
    match item.value() {
        Value::String(s) => Some(spanned(item, (*s).to_string())),
        _ => None,
    }
}

fn strings(item: &Item<'_>) -> Option<Vec<Spanned<String>>> {
    item.as_array()?.iter().map(string).collect()
}

/// A table of entries by id, each read by `f`.
fn table<T>(text: &str, item: &Item<'_>, f: impl Fn(&Item<'_>) -> Option<T>) -> Option<Table<T>> {
    let t = item.as_table()?;
    let mut out = Table::with_capacity_and_hasher(t.len(), Default::default());
    for (key, entry) in t {
        let id = Spanned::new(key.span.range(), key.name.to_string());
        out.insert(id, Spanned::new(table_span(text, entry)?, f(entry)?));
    }
    Some(out)
}

/// The `[meta]` table of `text` alone, parsed without the rest of the file: its lines from the
/// `[meta]` header to the next table header. `None` when there is none, or when anything could
/// make that cut wrong (a multi-line string) or the table needs the full parser's words.
pub(super) fn meta_only(text: &str) -> Option<Meta> {
    let mut lines = text.split_inclusive('\n');
    let mut start = 0;
    let mut found = false;
    for line in lines.by_ref() {
        start += line.len();
        if line.trim() == "[meta]" {
            found = true;
            break;
        }
    }
    if !found {
        return None;
    }
    let mut end = start;
    for line in lines {
        if line.trim_start().starts_with('[') {
            break;
        }
        end += line.len();
    }
    let body = &text[start..end];
    if body.contains("\"\"\"") || body.contains("'''") {
        return None;
    }
    let section = format!("[meta]\n{body}");
    let arena = Arena::new();
    let parsed = toml_spanner::parse(&section, &arena).ok()?;
    let (_, item) = parsed.table().into_iter().find(|(k, _)| k.name == "meta")?;
    meta(item)
}

fn meta(item: &Item<'_>) -> Option<Meta> {
    let f = Fields::of(
        item,
        &[
            "title",
            "version",
            "start",
            "another",
            "intro",
            "same_as_english",
            "clinician_review",
        ],
    )?;
    Some(Meta {
        title: f.text("title")?,
        version: f.text("version")?,
        start: f.text("start")?,
        another: f.opt_text("another")?,
        intro: f.opt_text("intro")?,
        same_as_english: f.texts("same_as_english")?,
        clinician_review: f.opt_text("clinician_review")?,
    })
}

fn question(item: &Item<'_>) -> Option<Question> {
    let f = Fields::of(
        item,
        &[
            "text",
            "help",
            "emergency_screen",
            "ask_not_sure",
            "options",
        ],
    )?;
    let options = f.get("options")?;
    Some(Question {
        text: f.text("text")?,
        help: f.opt_text("help")?,
        emergency_screen: f.flag("emergency_screen")?,
        ask_not_sure: f.flag("ask_not_sure")?,
        options: spanned(options, f.list("options", option)?),
    })
}

fn option(item: &Item<'_>) -> Option<OptionDef> {
    let f = Fields::of(
        item,
        &["id", "label", "next", "not_sure", "flags", "sets", "routes"],
    )?;
    Some(OptionDef {
        id: f.opt_text("id")?,
        label: f.text("label")?,
        next: f.text("next")?,
        not_sure: f.flag("not_sure")?,
        flags: f.texts("flags")?,
        sets: f.texts("sets")?,
        routes: f.list("routes", route)?,
    })
}

fn route(item: &Item<'_>) -> Option<RouteDef> {
    let f = Fields::of(item, &["when", "next"])?;
    Some(RouteDef {
        when: strings(f.get("when")?)?,
        next: f.text("next")?,
    })
}

fn outcome(item: &Item<'_>) -> Option<Outcome> {
    let f = Fields::of(
        item,
        &["level", "title", "now", "watch", "why", "topics", "sources"],
    )?;
    Some(Outcome {
        level: f.text("level")?,
        title: f.text("title")?,
        now: f.spanned_texts("now")?,
        watch: f.spanned_texts("watch")?,
        why: f.opt_text("why")?,
        topics: f.texts("topics")?,
        sources: f.spanned_texts("sources")?,
    })
}

fn topic(item: &Item<'_>) -> Option<Topic> {
    let f = Fields::of(
        item,
        &["title", "summary", "body", "picture", "related", "sources"],
    )?;
    Some(Topic {
        title: f.text("title")?,
        summary: f.text("summary")?,
        body: f.text("body")?,
        picture: f.opt_text("picture")?,
        related: f.texts("related")?,
        sources: f.spanned_texts("sources")?,
    })
}

fn source(item: &Item<'_>) -> Option<Source> {
    let f = Fields::of(item, &["title", "publisher", "url", "status"])?;
    Some(Source {
        title: f.text("title")?,
        publisher: f.opt_text("publisher")?,
        url: f.opt_text("url")?,
        status: f.text("status")?,
    })
}

fn flag(item: &Item<'_>) -> Option<Flag> {
    let f = Fields::of(item, &["level", "text", "sources", "signs"])?;
    let mut signs = indexmap::IndexMap::default();
    if let Some(t) = f.get("signs") {
        let t = t.as_table()?;
        // A `[flag.x.signs]` table is spanned differently by the two parsers: left to `toml`.
        if t.style() != TableStyle::Inline {
            return None;
        }
        for (key, v) in t {
            signs.insert(
                Spanned::new(key.span.range(), key.name.to_string()),
                string(v)?,
            );
        }
    }
    Some(Flag {
        level: f.text("level")?,
        text: f.text("text")?,
        sources: f.spanned_texts("sources")?,
        signs,
    })
}

fn family(item: &Item<'_>) -> Option<Family> {
    let f = Fields::of(item, &["entry", "flags", "skip_general", "why"])?;
    Some(Family {
        entry: f.text("entry")?,
        flags: f.spanned_texts("flags")?,
        skip_general: f.spanned_texts("skip_general")?,
        why: f.opt_text("why")?,
    })
}

fn general(item: &Item<'_>) -> Option<General> {
    let f = Fields::of(item, &["flags", "below"])?;
    Some(General {
        flags: f.spanned_texts("flags")?,
        below: f.text("below")?,
    })
}

fn hazard(item: &Item<'_>) -> Option<Hazard> {
    let f = Fields::of(
        item,
        &[
            "title",
            "cause",
            "effect",
            "severity",
            "likelihood_before",
            "likelihood_after",
            "flags",
            "facts",
            "questions",
            "outcomes",
            "sources",
            "cases",
            "residual",
        ],
    )?;
    Some(Hazard {
        residual: f.opt_text("residual")?,
        title: f.text("title")?,
        cause: f.text("cause")?,
        effect: f.text("effect")?,
        severity: f.text("severity")?,
        likelihood_before: f.text("likelihood_before")?,
        likelihood_after: f.text("likelihood_after")?,
        flags: f.spanned_texts("flags")?,
        facts: f.spanned_texts("facts")?,
        questions: f.spanned_texts("questions")?,
        outcomes: f.spanned_texts("outcomes")?,
        sources: f.spanned_texts("sources")?,
        cases: f.spanned_texts("cases")?,
    })
}

fn fact(item: &Item<'_>) -> Option<Fact> {
    let f = Fields::of(item, &["text"])?;
    Some(Fact {
        text: f.text("text")?,
    })
}
