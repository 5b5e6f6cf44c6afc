//! Validation: a pure function from parsed documents to a [`Tree`] or every problem found.
//!
//! It collects all diagnostics rather than stopping at the first, so a clinic editor fixes a file
//! in one pass. The safety rules of the project live here: red flags first, advice on every
//! outcome, calling first in emergencies, no terminal control in text.

use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::Range;

use toml::Spanned;

use super::diag::{Diagnostic, SourceFile, did_you_mean};
use super::readability;
use super::schema::{self, Document};
use super::tree::{
    Answer, Level, Meta, NodeRef, Outcome, Picture, Question, Route, Source, SourceStatus, Topic,
    Tree,
};

mod safety;

/// Length limits, in characters, chosen so every screen fits at 80x24.
pub mod limits {
    pub const LABEL: usize = 72;
    pub const TITLE: usize = 72;
    pub const QUESTION: usize = 240;
    pub const HELP: usize = 400;
    pub const ITEM: usize = 240;
    pub const WHY: usize = 700;
    pub const SUMMARY: usize = 120;
    pub const BODY: usize = 6000;
    pub const INTRO: usize = 600;
    pub const MIN_OPTIONS: usize = 2;
    pub const MAX_OPTIONS: usize = 9;
    pub const MAX_GRADE: f32 = 9.0;
    pub const TOPIC_WORDS: std::ops::RangeInclusive<usize> = 150..=400;
}

/// The placeholders a renderer fills from the clinic config.
pub const PLACEHOLDERS: [&str; 3] = ["emergency", "clinic", "clinic_phone"];

struct Entry<'a, T> {
    file: usize,
    id: &'a Spanned<String>,
    value: &'a Spanned<T>,
}

struct Ctx<'a> {
    diags: Vec<Diagnostic>,
    files: &'a [SourceFile],
}

impl Ctx<'_> {
    fn error(&mut self, file: usize, span: Range<usize>, msg: String, hint: &str) {
        self.diags
            .push(Diagnostic::error(file, span, msg).with_hint(hint));
    }
    fn warn(&mut self, file: usize, span: Range<usize>, msg: String, hint: &str) {
        self.diags
            .push(Diagnostic::warning(file, span, msg).with_hint(hint));
    }

    /// Non-empty, within a length limit, no control characters, known placeholders only.
    fn text(
        &mut self,
        file: usize,
        s: &Spanned<String>,
        (owner, field): (&str, &str),
        max: usize,
        multiline: bool,
    ) {
        // The name is only formatted when there is something to report: validation of large
        // content stays linear and cheap.
        let what = || {
            if owner.is_empty() {
                field.to_string()
            } else {
                format!("{owner}: {field}")
            }
        };
        let v = s.get_ref();
        if v.trim().is_empty() {
            self.error(
                file,
                s.span(),
                format!("{} is empty", what()),
                "write the text, or remove the entry",
            );
            return;
        }
        let n = v.chars().count();
        if n > max {
            self.error(
                file,
                s.span(),
                format!("{} is {n} characters long; the limit is {max}", what()),
                "shorten it so it fits on a small screen",
            );
        }
        if let Some(c) = v.chars().find(|&c| is_forbidden(c, multiline)) {
            self.error(
                file,
                s.span(),
                format!(
                    "{} contains the control character U+{:04X}",
                    what(),
                    c as u32
                ),
                "remove it: content must not contain escape sequences or control characters \
                 (in TOML, \\e, \\u001b and friends)",
            );
        }
        for name in placeholders(v) {
            if !PLACEHOLDERS.contains(&name) {
                let hint = match did_you_mean(name, PLACEHOLDERS) {
                    Some(k) => format!(
                        "did you mean '{{{k}}}'? The known ones are {{emergency}}, {{clinic}} and {{clinic_phone}}"
                    ),
                    None => "the known ones are {emergency}, {clinic} and {clinic_phone}".into(),
                };
                self.error(
                    file,
                    s.span(),
                    format!("{} uses the unknown placeholder '{{{name}}}'", what()),
                    &hint,
                );
            }
        }
    }
}

/// Whether a character may not appear in content: controls (C0, DEL, C1 — ESC, CSI, OSC, BEL…)
/// and bidirectional overrides. Newlines (and CRs of CRLF files) are allowed in long texts.
pub fn is_forbidden(c: char, multiline: bool) -> bool {
    // Long texts may span lines; a file saved with CRLF line ends keeps '\r' in them.
    if multiline && (c == '\n' || c == '\r') {
        return false;
    }
    // C0, DEL and C1 controls (ESC, CSI, OSC, BEL...), and bidirectional overrides that can make
    // text display differently from how it reads.
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A multi-line text with CRLF line ends (a file saved on Windows) turned into plain '\n'.
fn lf(s: &Spanned<String>) -> String {
    s.get_ref().replace("\r\n", "\n")
}

/// The names inside `{...}` in a text.
pub fn placeholders(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => {
                out.push(after);
                break;
            }
        }
    }
    out
}

/// Validates parsed documents (each with its file index) into a tree, with every diagnostic.
pub fn validate(
    docs: &[(usize, Document)],
    files: &[SourceFile],
) -> (Option<Tree>, Vec<Diagnostic>) {
    let mut cx = Ctx {
        diags: Vec::new(),
        files,
    };
    let questions = collect(docs, |d| &d.question);
    let outcomes = collect(docs, |d| &d.outcome);
    let topics = collect(docs, |d| &d.topic);
    let sources = collect(docs, |d| &d.source);
    let flags = collect(docs, |d| &d.flag);
    let families = collect(docs, |d| &d.family);
    let facts = collect(docs, |d| &d.fact);

    let nodes = index_nodes(&mut cx, &questions, &outcomes);
    let topic_ix = index_ids(&mut cx, &topics, "topic");
    let source_ix = index_ids(&mut cx, &sources, "source");
    let flag_ix = index_ids(&mut cx, &flags, "flag");
    let fact_ix = index_ids(&mut cx, &facts, "fact");
    index_ids(&mut cx, &families, "family");
    let meta = check_meta(&mut cx, docs, &nodes);
    let ids = Ids {
        nodes: &nodes,
        flags: &flag_ix,
        facts: &fact_ix,
    };

    let qs: Vec<Question> = questions
        .iter()
        .map(|e| check_question(&mut cx, e, &ids))
        .collect();
    let fl = flags
        .iter()
        .map(|e| safety::check_flag(&mut cx, e, &source_ix))
        .collect();
    let fa = families
        .iter()
        .map(|e| safety::check_family(&mut cx, e, &ids))
        .collect();
    let ft = facts
        .iter()
        .map(|e| safety::check_fact(&mut cx, e))
        .collect();
    let os: Vec<Outcome> = outcomes
        .iter()
        .map(|e| check_outcome(&mut cx, e, &topic_ix, &source_ix))
        .collect();
    let ts: Vec<Topic> = topics
        .iter()
        .map(|e| check_topic(&mut cx, e, &topic_ix, &source_ix))
        .collect();
    let ss: Vec<Source> = sources.iter().map(|e| check_source(&mut cx, e)).collect();

    let has_errors = |cx: &Ctx| {
        cx.diags
            .iter()
            .any(|d| d.severity == super::Severity::Error)
    };
    let tree = meta.map(|meta| Tree {
        meta,
        questions: qs,
        outcomes: os,
        topics: ts,
        sources: ss,
        flags: fl,
        families: fa,
        facts: ft,
        nodes: nodes.iter().map(|(k, v)| ((*k).to_string(), v.0)).collect(),
    });
    if let Some(tree) = &tree {
        // The graph checks need real entry points; a bad `start` or `another` is already an error.
        let n = tree.questions.len();
        if tree.meta.start < n && tree.meta.another < n && !entry_errors(&cx) {
            let floor = check_graph(&mut cx, tree, &questions, &outcomes);
            safety::check_tree(
                &mut cx,
                tree,
                floor.as_deref(),
                &safety::Entries {
                    questions: &questions,
                    outcomes: &outcomes,
                    flags: &flags,
                    families: &families,
                    facts: &facts,
                },
            );
        }
        check_topic_reach(&mut cx, tree, &topics);
    }
    let ok = !has_errors(&cx);
    let mut diags = cx.diags;
    diags.sort_by_key(|d| (d.file, d.span.start));
    (tree.filter(|_| ok), diags)
}

/// Whether `meta.start` or `meta.another` could not be resolved.
fn entry_errors(cx: &Ctx) -> bool {
    cx.diags
        .iter()
        .any(|d| d.message.starts_with("meta.start ") || d.message.starts_with("meta.another "))
}

fn collect<'a, T>(
    docs: &'a [(usize, Document)],
    table: impl Fn(&'a Document) -> &'a indexmap::IndexMap<Spanned<String>, Spanned<T>>,
) -> Vec<Entry<'a, T>> {
    docs.iter()
        .flat_map(|(file, d)| {
            table(d).iter().map(move |(id, value)| Entry {
                file: *file,
                id,
                value,
            })
        })
        .collect()
}

type NodeIndex<'a> = HashMap<&'a str, (NodeRef, usize, Range<usize>)>;

/// The id indices a question's options are resolved against.
struct Ids<'a, 'b> {
    nodes: &'b NodeIndex<'a>,
    flags: &'b HashMap<&'a str, usize>,
    facts: &'b HashMap<&'a str, usize>,
}

/// Resolves an option's `next` (or a route's) to a node; an unknown id is an error.
fn resolve_node(
    cx: &mut Ctx,
    file: usize,
    owner: &str,
    next: &Spanned<String>,
    nodes: &NodeIndex,
) -> NodeRef {
    match nodes.get(next.get_ref().as_str()) {
        Some((node, ..)) => *node,
        None => {
            let hint = suggest(
                next.get_ref(),
                nodes.keys().copied(),
                "name a [question.<id>] or [outcome.<id>] table",
            );
            cx.error(
                file,
                next.span(),
                format!(
                    "{owner} points to unknown question or outcome '{}'",
                    next.get_ref()
                ),
                &hint,
            );
            NodeRef::Outcome(usize::MAX)
        }
    }
}

fn index_nodes<'a>(
    cx: &mut Ctx,
    qs: &'a [Entry<schema::Question>],
    os: &'a [Entry<schema::Outcome>],
) -> NodeIndex<'a> {
    let mut map: NodeIndex = HashMap::new();
    let all = qs
        .iter()
        .enumerate()
        .map(|(i, e)| (NodeRef::Question(i), e.file, e.id))
        .chain(
            os.iter()
                .enumerate()
                .map(|(i, e)| (NodeRef::Outcome(i), e.file, e.id)),
        );
    for (node, file, id) in all {
        if let Some((_, f0, s0)) = map.get(id.get_ref().as_str()) {
            let (l, c) = cx.files[*f0].line_col(s0.start);
            let first = format!("{}:{l}:{c}", cx.files[*f0].name);
            cx.error(
                file,
                id.span(),
                format!(
                    "the id '{}' is defined twice (first at {first})",
                    id.get_ref()
                ),
                "questions and outcomes share one set of ids; rename one of them",
            );
            continue;
        }
        map.insert(id.get_ref().as_str(), (node, file, id.span()));
    }
    map
}

fn index_ids<'a, T>(cx: &mut Ctx, entries: &'a [Entry<T>], kind: &str) -> HashMap<&'a str, usize> {
    let mut map: HashMap<&str, usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let Some(&j) = map.get(e.id.get_ref().as_str()) {
            let first = &entries[j];
            let (l, c) = cx.files[first.file].line_col(first.id.span().start);
            let at = format!("{}:{l}:{c}", cx.files[first.file].name);
            cx.error(
                e.file,
                e.id.span(),
                format!(
                    "the {kind} id '{}' is defined twice (first at {at})",
                    e.id.get_ref()
                ),
                "each id may be used once; rename or remove one of them",
            );
        } else {
            map.insert(e.id.get_ref().as_str(), i);
        }
    }
    map
}

fn check_meta(cx: &mut Ctx, docs: &[(usize, Document)], nodes: &NodeIndex) -> Option<Meta> {
    let mut metas = docs
        .iter()
        .filter_map(|(f, d)| d.meta.as_ref().map(|m| (*f, m)));
    let Some((file, meta)) = metas.next() else {
        let file = docs.first().map_or(0, |(f, _)| *f);
        cx.error(
            file,
            0..0,
            "the content has no [meta] table".into(),
            "add [meta] with title, version, start and another (see docs/content-format.md)",
        );
        return None;
    };
    for (f, m) in metas {
        cx.error(
            f,
            m.span(),
            "a second [meta] table".into(),
            "keep one [meta] table across all content files",
        );
    }
    let m = meta.get_ref();
    cx.text(file, &m.title, ("", "the title"), limits::TITLE, false);
    cx.text(file, &m.version, ("", "the version"), limits::TITLE, false);
    if let Some(intro) = &m.intro {
        cx.text(file, intro, ("", "the intro"), limits::INTRO, true);
    }
    let start = entry_question(cx, file, &m.start, "start", nodes);
    let another = match &m.another {
        Some(a) => entry_question(cx, file, a, "another", nodes),
        None => start,
    };
    Some(Meta {
        title: m.title.get_ref().clone(),
        version: m.version.get_ref().clone(),
        intro: m.intro.as_ref().map(lf),
        start: start.unwrap_or(0),
        another: another.unwrap_or(0),
    })
}

fn entry_question(
    cx: &mut Ctx,
    file: usize,
    id: &Spanned<String>,
    key: &str,
    nodes: &NodeIndex,
) -> Option<usize> {
    match nodes.get(id.get_ref().as_str()) {
        Some((NodeRef::Question(i), ..)) => Some(*i),
        Some((NodeRef::Outcome(_), ..)) => {
            cx.error(
                file,
                id.span(),
                format!(
                    "meta.{key} '{}' is an outcome, not a question",
                    id.get_ref()
                ),
                "sessions must begin with a question (the emergency screen)",
            );
            None
        }
        None => {
            let hint = suggest(
                id.get_ref(),
                nodes.keys().copied(),
                "name the id of a [question.<id>] table",
            );
            cx.error(
                file,
                id.span(),
                format!("meta.{key} points to unknown question '{}'", id.get_ref()),
                &hint,
            );
            None
        }
    }
}

fn suggest<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>, otherwise: &str) -> String {
    match did_you_mean(wrong, known) {
        Some(k) => format!("did you mean '{k}'?"),
        None => otherwise.to_string(),
    }
}

fn check_question(cx: &mut Ctx, e: &Entry<schema::Question>, ids: &Ids) -> Question {
    let (file, id, q) = (e.file, e.id.get_ref(), e.value.get_ref());
    let owner = format!("question '{id}'");
    cx.text(file, &q.text, (&owner, "the text"), limits::QUESTION, true);
    if let Some(h) = &q.help {
        cx.text(file, h, (&owner, "the help"), limits::HELP, true);
    }
    let n = q.options.get_ref().len();
    if !(limits::MIN_OPTIONS..=limits::MAX_OPTIONS).contains(&n) {
        cx.error(
            file,
            q.options.span(),
            format!("question '{id}' has {n} options; a question has 2 to 9"),
            "split a long list into two questions, or add the missing choices",
        );
    }
    let mut seen = HashSet::new();
    let mut options = Vec::with_capacity(n);
    for o in q.options.get_ref() {
        let o = o.get_ref();
        cx.text(
            file,
            &o.label,
            (&owner, "an option label"),
            limits::LABEL,
            false,
        );
        if !seen.insert(o.label.get_ref().trim().to_lowercase()) {
            cx.error(
                file,
                o.label.span(),
                format!(
                    "question '{id}' has the option '{}' twice",
                    o.label.get_ref()
                ),
                "each option needs its own label",
            );
        }
        let next = resolve_node(cx, file, &owner, &o.next, ids.nodes);
        let routes = o
            .routes
            .iter()
            .map(|r| Route {
                when: resolve_ids(cx, file, &owner, "fact", &r.get_ref().when, ids.facts),
                next: resolve_node(cx, file, &owner, &r.get_ref().next, ids.nodes),
            })
            .collect();
        options.push(Answer {
            label: o.label.get_ref().clone(),
            next,
            not_sure: o.not_sure,
            flags: resolve_ids(cx, file, &owner, "flag", &o.flags, ids.flags),
            sets: resolve_ids(cx, file, &owner, "fact", &o.sets, ids.facts),
            routes,
        });
    }
    if q.ask_not_sure && !q.options.get_ref().iter().any(|o| o.get_ref().not_sure) {
        cx.warn(
            file,
            e.id.span(),
            format!("question '{id}' asks for a \"Not sure\" option but has none"),
            "add { label = \"Not sure\", next = \"<the safer branch>\", not_sure = true }",
        );
    }
    Question {
        id: id.clone(),
        text: lf(&q.text),
        help: q.help.as_ref().map(lf),
        emergency_screen: q.emergency_screen,
        options,
    }
}

fn resolve_ids(
    cx: &mut Ctx,
    file: usize,
    owner: &str,
    kind: &str,
    ids: &[Spanned<String>],
    index: &HashMap<&str, usize>,
) -> Vec<usize> {
    ids.iter()
        .filter_map(|s| match index.get(s.get_ref().as_str()) {
            Some(&i) => Some(i),
            None => {
                let hint = suggest(
                    s.get_ref(),
                    index.keys().copied(),
                    &format!("add a [{kind}.{}] table, or fix the id", s.get_ref()),
                );
                cx.error(
                    file,
                    s.span(),
                    format!("{owner} cites unknown {kind} '{}'", s.get_ref()),
                    &hint,
                );
                None
            }
        })
        .collect()
}

/// Parses a level as written; an unknown one is an error with a "did you mean".
fn level_of(cx: &mut Ctx, file: usize, owner: &str, s: &Spanned<String>) -> Option<Level> {
    let level = Level::from_id(s.get_ref());
    if level.is_none() {
        let hint = suggest(
            s.get_ref(),
            Level::ALL.iter().map(|l| l.id()),
            "use one of expected, therapist, doctor, urgent, emergency",
        );
        cx.error(
            file,
            s.span(),
            format!("{owner} has the unknown level '{}'", s.get_ref()),
            &hint,
        );
    }
    level
}

fn check_outcome(
    cx: &mut Ctx,
    e: &Entry<schema::Outcome>,
    topics: &HashMap<&str, usize>,
    sources: &HashMap<&str, usize>,
) -> Outcome {
    let (file, id, o) = (e.file, e.id.get_ref(), e.value.get_ref());
    let owner = format!("outcome '{id}'");
    let level = level_of(cx, file, &owner, &o.level);
    cx.text(file, &o.title, (&owner, "the title"), limits::TITLE, false);
    for (list, what, item, hint) in [
        (
            &o.now,
            "\"now\" (what to do now)",
            "a \"now\" (what to do now) item",
            "add now = [\"...\"]: every outcome says what to do now",
        ),
        (
            &o.watch,
            "\"watch\" (get help if...)",
            "a \"watch\" (get help if...) item",
            "add watch = [\"...\"]: every outcome says when to get more help",
        ),
    ] {
        if list.get_ref().is_empty() {
            cx.error(
                file,
                span_or(list, e.id),
                format!("{owner} has no {what} advice"),
                hint,
            );
        }
        for text in list.get_ref() {
            cx.text(file, text, (&owner, item), limits::ITEM, false);
        }
    }
    if let Some(why) = &o.why {
        cx.text(file, why, (&owner, "\"why\""), limits::WHY, true);
    }
    if level == Some(Level::Emergency)
        && let Some(first) = o.now.get_ref().first()
        && !first.get_ref().starts_with("Call {emergency}")
    {
        cx.error(file, first.span(), format!("{owner} is an emergency, but its first \"now\" item does not start with 'Call {{emergency}}'"),
                    "put calling first: now = [\"Call {emergency} now.\", ...]");
    }
    if o.sources.get_ref().is_empty() {
        cx.error(
            file,
            span_or(&o.sources, e.id),
            format!("{owner} cites no source"),
            "add sources = [\"<source id>\"]",
        );
    }
    let topic_ids = resolve_ids(cx, file, &owner, "topic", &o.topics, topics);
    let source_ids = resolve_ids(cx, file, &owner, "source", o.sources.get_ref(), sources);
    let grade = readability::grade(&outcome_text(o));
    if grade > limits::MAX_GRADE {
        cx.warn(
            file,
            e.id.span(),
            format!("{owner} reads at about grade {grade:.1}; aim for 9 or lower"),
            "use shorter sentences and everyday words",
        );
    }
    Outcome {
        id: id.clone(),
        level: level.unwrap_or(Level::Emergency),
        title: o.title.get_ref().clone(),
        now: o
            .now
            .get_ref()
            .iter()
            .map(|s| s.get_ref().clone())
            .collect(),
        watch: o
            .watch
            .get_ref()
            .iter()
            .map(|s| s.get_ref().clone())
            .collect(),
        why: o.why.as_ref().map(lf),
        topics: topic_ids,
        sources: source_ids,
    }
}

/// The text of an outcome that a person reads, for the readability estimate.
fn outcome_text(o: &schema::Outcome) -> String {
    let mut parts = vec![format!("{}.", o.title.get_ref())];
    parts.extend(o.now.get_ref().iter().map(|s| s.get_ref().clone()));
    parts.extend(o.watch.get_ref().iter().map(|s| s.get_ref().clone()));
    parts.extend(o.why.iter().map(|s| s.get_ref().clone()));
    parts.join("\n")
}

/// An empty list written as `key = []` has a span; a missing one points at the table's id.
fn span_or<T>(list: &Spanned<T>, id: &Spanned<String>) -> Range<usize> {
    if list.span().is_empty() {
        id.span()
    } else {
        list.span()
    }
}

fn check_topic(
    cx: &mut Ctx,
    e: &Entry<schema::Topic>,
    topics: &HashMap<&str, usize>,
    sources: &HashMap<&str, usize>,
) -> Topic {
    let (file, id, t) = (e.file, e.id.get_ref(), e.value.get_ref());
    let owner = format!("topic '{id}'");
    cx.text(file, &t.title, (&owner, "the title"), limits::TITLE, false);
    cx.text(
        file,
        &t.summary,
        (&owner, "the summary"),
        limits::SUMMARY,
        false,
    );
    cx.text(file, &t.body, (&owner, "the body"), limits::BODY, true);
    let picture = t.picture.as_ref().and_then(|p| {
        let pic = Picture::from_name(p.get_ref());
        if pic.is_none() {
            let hint = suggest(
                p.get_ref(),
                Picture::NAMES,
                "the known pictures are vasodilation and leg_clot",
            );
            cx.error(
                file,
                p.span(),
                format!("{owner} asks for the unknown picture '{}'", p.get_ref()),
                &hint,
            );
        }
        pic
    });
    let words = t.body.get_ref().split_whitespace().count();
    if !limits::TOPIC_WORDS.contains(&words) {
        cx.warn(
            file,
            t.body.span(),
            format!("{owner} has {words} words; topics read best at 150 to 400"),
            "split a long topic in two, or say a little more in a short one",
        );
    }
    if t.sources.get_ref().is_empty() {
        cx.error(
            file,
            span_or(&t.sources, e.id),
            format!("{owner} cites no source"),
            "add sources = [\"<source id>\"]",
        );
    }
    Topic {
        id: id.clone(),
        title: t.title.get_ref().clone(),
        summary: t.summary.get_ref().clone(),
        body: lf(&t.body),
        picture,
        related: resolve_ids(cx, file, &owner, "topic", &t.related, topics),
        sources: resolve_ids(cx, file, &owner, "source", t.sources.get_ref(), sources),
    }
}

fn check_source(cx: &mut Ctx, e: &Entry<schema::Source>) -> Source {
    let (file, id, s) = (e.file, e.id.get_ref(), e.value.get_ref());
    let owner = format!("source '{id}'");
    cx.text(file, &s.title, (&owner, "the title"), 300, false);
    for (f, what) in [(&s.publisher, "the publisher"), (&s.url, "the url")] {
        if let Some(v) = f {
            cx.text(file, v, (&owner, what), 300, false);
        }
    }
    let status = match s.status.get_ref().as_str() {
        "V" => SourceStatus::Verified,
        "S" => SourceStatus::Secondary,
        "U" => {
            cx.error(file, s.status.span(), format!("{owner} is marked 'U' (unverified)"),
                "never ship an unverified fact: verify it (V or S) or remove the source and what cites it");
            SourceStatus::Secondary
        }
        other => {
            cx.error(
                file,
                s.status.span(),
                format!("{owner} has the unknown status '{other}'"),
                "use \"V\" (seen at the publisher) or \"S\" (seen in a secondary copy)",
            );
            SourceStatus::Secondary
        }
    };
    Source {
        id: id.clone(),
        title: s.title.get_ref().clone(),
        publisher: s.publisher.as_ref().map(|v| v.get_ref().clone()),
        url: s.url.as_ref().map(|v| v.get_ref().clone()),
        status,
    }
}

/// Reachability, cycles and the red-flags-first rule, over the resolved graph.
/// Returns the safety floor of every question (see `floors`) when the questions are free of
/// cycles, which the later graph rules need; `None` when there is a cycle.
fn check_graph(
    cx: &mut Ctx,
    tree: &Tree,
    qs: &[Entry<schema::Question>],
    os: &[Entry<schema::Outcome>],
) -> Option<Vec<Option<Level>>> {
    let valid = |n: NodeRef| match n {
        NodeRef::Question(i) => i < tree.questions.len(),
        NodeRef::Outcome(i) => i < tree.outcomes.len(),
    };
    let edges = |n: NodeRef| -> Vec<(NodeRef, &str)> {
        match n {
            NodeRef::Question(i) => tree.questions[i]
                .options
                .iter()
                .flat_map(|o| o.targets().map(move |t| (t, o.label.as_str())))
                .filter(|(t, _)| valid(*t))
                .collect(),
            NodeRef::Outcome(_) => vec![(tree.another(), "Check another symptom")],
        }
    };
    // Reachability from the start.
    let mut seen = HashSet::from([tree.start()]);
    let mut queue = VecDeque::from([tree.start()]);
    while let Some(n) = queue.pop_front() {
        for (m, _) in edges(n) {
            if seen.insert(m) {
                queue.push_back(m);
            }
        }
    }
    // An id defined twice is already an error; don't also call its second copy unreachable.
    let first = |id: &str, n: NodeRef| tree.nodes.get(id) == Some(&n);
    for (i, e) in qs.iter().enumerate() {
        if !seen.contains(&NodeRef::Question(i)) && first(e.id.get_ref(), NodeRef::Question(i)) {
            cx.error(
                e.file,
                e.id.span(),
                format!(
                    "question '{}' can never be reached from the start",
                    e.id.get_ref()
                ),
                "point an option's next at it, or remove it",
            );
        }
    }
    for (i, e) in os.iter().enumerate() {
        if !seen.contains(&NodeRef::Outcome(i)) && first(e.id.get_ref(), NodeRef::Outcome(i)) {
            cx.error(
                e.file,
                e.id.span(),
                format!(
                    "outcome '{}' can never be reached from the start",
                    e.id.get_ref()
                ),
                "point an option's next at it, or remove it",
            );
        }
    }
    let cycles_before = cx.diags.len();
    check_cycles(cx, tree, qs);
    let acyclic = cx.diags.len() == cycles_before;
    check_red_flags_first(cx, tree, qs, os, &edges);
    if !acyclic {
        return None;
    }
    let floor: Vec<Option<Level>> = floors(tree).into_iter().map(Some).collect();
    check_not_sure_errs_upward(cx, tree, qs, &floor);
    Some(floor)
}

/// The least urgent level a person could still end at from each question (the safety floor of
/// the branch). Computed bottom-up without recursion; the graph has no cycles here.
fn floors(tree: &Tree) -> Vec<Level> {
    let n = tree.questions.len();
    let mut floor: Vec<Option<Level>> = vec![None; n];
    for root in 0..n {
        let mut stack = vec![root];
        while let Some(&q) = stack.last() {
            if floor[q].is_some() {
                stack.pop();
                continue;
            }
            let pending: Vec<usize> = tree.questions[q]
                .options
                .iter()
                .flat_map(Answer::targets)
                .filter_map(|t| match t {
                    NodeRef::Question(t) if t < n && floor[t].is_none() => Some(t),
                    _ => None,
                })
                .collect();
            if pending.is_empty() {
                let level = tree.questions[q]
                    .options
                    .iter()
                    .map(|o| answer_floor(tree, &floor, o))
                    .min()
                    .unwrap_or(Level::Emergency);
                floor[q] = Some(level);
                stack.pop();
            } else {
                stack.extend(pending);
            }
        }
    }
    floor
        .into_iter()
        .map(|f| f.unwrap_or(Level::Emergency))
        .collect()
}

/// The least urgent level an answer can still end at, whichever of its routes applies.
fn answer_floor(tree: &Tree, floor: &[Option<Level>], a: &Answer) -> Level {
    a.targets()
        .map(|t| floor_of(tree, floor, t))
        .min()
        .unwrap_or(Level::Emergency)
}

fn floor_of(tree: &Tree, floor: &[Option<Level>], node: NodeRef) -> Level {
    match node {
        NodeRef::Outcome(o) => tree.outcomes.get(o).map_or(Level::Emergency, |o| o.level),
        NodeRef::Question(q) => floor.get(q).copied().flatten().unwrap_or(Level::Emergency),
    }
}

/// "Not sure" must never lead somewhere less safe than a definite answer would: the least urgent
/// place a "not sure" answer can end must be at least as urgent as that of every other answer of
/// its list, with no cap. A list whose most urgent answer is an emergency sends "not sure" to the
/// emergency number; content that finds that too much asks the emergency question on its own
/// screen (as the self-harm question is).
fn check_not_sure_errs_upward(
    cx: &mut Ctx,
    tree: &Tree,
    qs: &[Entry<schema::Question>],
    some: &[Option<Level>],
) {
    for (qi, q) in tree.questions.iter().enumerate() {
        for o in q.options.iter().filter(|o| o.not_sure) {
            let unsure = answer_floor(tree, some, o);
            let worst = q
                .options
                .iter()
                .filter(|x| !x.not_sure)
                .map(|x| (answer_floor(tree, some, x), x.label.as_str()))
                .max_by_key(|(l, _)| *l);
            if let Some((level, label)) = worst.filter(|(l, _)| *l > unsure) {
                let e = &qs[qi];
                cx.error(
                    e.file,
                    e.id.span(),
                    format!(
                        "question '{}': '{}' can end at '{}', less urgent than '{label}' (at least '{}')",
                        q.id, o.label, unsure, level
                    ),
                    "\"Not sure\" should lead to the safer branch: point it where the most urgent answer goes",
                );
            }
        }
    }
}

/// Questions must form a graph without cycles, or a session could go round for ever.
fn check_cycles(cx: &mut Ctx, tree: &Tree, qs: &[Entry<schema::Question>]) {
    // Iterative depth-first search (deep chains must not overflow the stack).
    let n = tree.questions.len();
    let mut state = vec![0u8; n]; // 0 new, 1 on the stack, 2 done
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some(&mut (q, ref mut next_opt)) = stack.last_mut() {
            let opts = &tree.questions[q].options;
            // An option with routes is visited once per target: `next_opt` counts (option, target).
            let Some((opt, target)) = opts
                .iter()
                .flat_map(|o| o.targets().map(move |t| (o, t)))
                .nth(*next_opt)
            else {
                state[q] = 2;
                stack.pop();
                continue;
            };
            *next_opt += 1;
            if let NodeRef::Question(t) = target {
                if t >= n {
                    continue;
                }
                match state[t] {
                    0 => {
                        state[t] = 1;
                        stack.push((t, 0));
                    }
                    1 => {
                        let e = &qs[q];
                        cx.error(e.file, e.id.span(),
                            format!("question '{}' leads back to '{}' through '{}': the questions form a loop",
                                e.id.get_ref(), tree.questions[t].id, opt.label),
                            "a session must always move forward to an outcome; point that option somewhere new");
                    }
                    _ => {}
                }
            }
        }
    }
}

/// A place in the walk: the node, and whether an emergency screen has been answered on the way.
type State = (NodeRef, bool);
/// How each state was first reached: the state before it and the option label chosen.
type Parents<'t> = HashMap<State, (State, &'t str)>;

/// No path from the start may reach an `expected` outcome without passing an emergency screen.
fn check_red_flags_first<'t>(
    cx: &mut Ctx,
    tree: &'t Tree,
    qs: &[Entry<schema::Question>],
    os: &[Entry<schema::Outcome>],
    edges: &dyn Fn(NodeRef) -> Vec<(NodeRef, &'t str)>,
) {
    if !tree.questions.iter().any(|q| q.emergency_screen) {
        let (file, span) = qs
            .get(tree.meta.start)
            .map_or((0, 0..0), |e| (e.file, e.id.span()));
        cx.error(file, span, "no question is marked emergency_screen = true".into(),
            "begin with a red-flag screen: [question.<id>] with emergency_screen = true, and make it meta.start");
        return;
    }
    let start: State = (tree.start(), false);
    let mut parent: Parents = HashMap::new();
    let mut seen = HashSet::from([start]);
    let mut queue = VecDeque::from([start]);
    let mut reported = HashSet::new();
    while let Some((node, passed)) = queue.pop_front() {
        if let NodeRef::Outcome(i) = node
            && !passed
            && tree.outcomes[i].level == Level::Expected
            && reported.insert(i)
        {
            let path = path_to(&parent, (node, passed), start);
            let e = &os[i];
            cx.error(e.file, e.id.span(),
                    format!("outcome '{}' is 'expected' but can be reached without passing an emergency screen (answers: {path})", e.id.get_ref()),
                    "every path to an expected outcome must first pass a question with emergency_screen = true");
        }
        let passing =
            passed || matches!(node, NodeRef::Question(q) if tree.questions[q].emergency_screen);
        for (m, label) in edges(node) {
            let s = (m, passing);
            if seen.insert(s) {
                parent.insert(s, ((node, passed), label));
                queue.push_back(s);
            }
        }
    }
}

fn path_to(parent: &Parents, mut s: (NodeRef, bool), start: (NodeRef, bool)) -> String {
    let mut labels = Vec::new();
    while s != start {
        match parent.get(&s) {
            Some((p, label)) => {
                labels.push(format!("'{label}'"));
                s = *p;
            }
            None => break,
        }
    }
    labels.reverse();
    labels.join(" → ")
}

/// Topics should be linked from an outcome or another topic; an orphan is only in the list.
fn check_topic_reach(cx: &mut Ctx, tree: &Tree, topics: &[Entry<schema::Topic>]) {
    let mut seen: HashSet<usize> = tree
        .outcomes
        .iter()
        .flat_map(|o| o.topics.iter().copied())
        .collect();
    let mut queue: Vec<usize> = seen.iter().copied().collect();
    while let Some(t) = queue.pop() {
        for &r in &tree.topics[t].related {
            if seen.insert(r) {
                queue.push(r);
            }
        }
    }
    for (i, e) in topics.iter().enumerate() {
        if !seen.contains(&i) {
            cx.warn(
                e.file,
                e.id.span(),
                format!(
                    "topic '{}' is not linked from any outcome or related topic",
                    e.id.get_ref()
                ),
                "add it to an outcome's topics or to another topic's related list",
            );
        }
    }
}
