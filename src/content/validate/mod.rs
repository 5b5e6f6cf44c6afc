//! Validation: a pure function from parsed documents to a [`Tree`] or every problem found.
//!
//! It collects all diagnostics rather than stopping at the first, so a clinic editor fixes a file
//! in one pass. The safety rules of the project live here: red flags first, advice on every
//! outcome, calling first in emergencies, no terminal control in text.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use toml::Spanned;

use super::diag::{Diagnostic, SourceFile, did_you_mean};
use super::schema::{self, Document};
use super::tree::{Outcome, Question, Source, Topic, Tree};
use crate::i18n::Lang;

mod entries;
mod graph;
mod hazards;
mod nodes;
mod parity;
mod safety;

use entries::{check_outcome, check_question, check_source, check_topic};
use graph::{check_graph, check_topic_reach};
use nodes::{Ids, check_meta, index_ids, index_nodes};

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

pub use hazards::HIGH_RISK;

/// The placeholders a renderer fills from the clinic config.
pub const PLACEHOLDERS: [&str; 3] = ["emergency", "clinic", "clinic_phone"];

/// Whom a message is about, as "question 'sore_day'". Written out only when there is something
/// to report: checking large content makes no string per entry.
#[derive(Clone, Copy)]
pub(super) struct Owner<'a> {
    kind: &'static str,
    id: &'a str,
}

impl<'a> Owner<'a> {
    /// `[meta]`, whose fields are named on their own ("the title is empty").
    pub(super) const META: Owner<'static> = Owner { kind: "", id: "" };

    pub(super) fn new(kind: &'static str, id: &'a str) -> Self {
        Owner { kind, id }
    }
}

impl std::fmt::Display for Owner<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.kind.is_empty() {
            return f.write_str("[meta]");
        }
        write!(f, "{} '{}'", self.kind, self.id)
    }
}

struct Entry<'a, T> {
    file: usize,
    id: &'a Spanned<String>,
    value: &'a Spanned<T>,
}

struct Ctx<'a> {
    diags: Vec<Diagnostic>,
    files: &'a [SourceFile],
    /// The language of the texts: title leads, the emergency line and readability are its own.
    lang: Lang,
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
        (owner, field): (&Owner, &str),
        max: usize,
        multiline: bool,
    ) {
        // The name is only formatted when there is something to report: validation of large
        // content stays linear and cheap.
        let what = || {
            if owner.kind.is_empty() {
                field.to_string()
            } else {
                format!("{owner}: {field}")
            }
        };
        let v = s.get_ref();
        let Scan {
            blank,
            chars: n,
            forbidden,
        } = Scan::of(v, multiline);
        if blank {
            self.error(
                file,
                s.span(),
                format!("{} is empty", what()),
                "write the text, or remove the entry",
            );
            return;
        }
        if n > max {
            self.error(
                file,
                s.span(),
                format!("{} is {n} characters long; the limit is {max}", what()),
                "shorten it so it fits on a small screen",
            );
        }
        if let Some(c) = forbidden {
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
        // Most texts have no placeholder: one quick search skips looking for them.
        if v.contains('{') {
            for name in placeholders(v) {
                if !PLACEHOLDERS.contains(&name) {
                    let hint = match did_you_mean(name, PLACEHOLDERS) {
                        Some(k) => format!(
                            "did you mean '{{{k}}}'? The known ones are {{emergency}}, {{clinic}} and {{clinic_phone}}"
                        ),
                        None => {
                            "the known ones are {emergency}, {clinic} and {clinic_phone}".into()
                        }
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
}

/// What [`Ctx::text`] checks of a text: whether it is blank, its length in characters, and its
/// first forbidden character.
#[derive(Debug, PartialEq)]
struct Scan {
    blank: bool,
    chars: usize,
    forbidden: Option<char>,
}

impl Scan {
    fn of(v: &str, multiline: bool) -> Scan {
        if v.is_ascii() {
            Scan::ascii(v.as_bytes(), multiline)
        } else {
            Scan::chars(v, multiline)
        }
    }

    fn chars(v: &str, multiline: bool) -> Scan {
        Scan {
            blank: v.trim().is_empty(),
            chars: v.chars().count(),
            forbidden: v.chars().find(|&c| is_forbidden(c, multiline)),
        }
    }

    /// The same for ASCII text, from its bytes, several times faster: most content is ASCII,
    /// its length is its byte count, and no bidirectional override is ASCII.
    fn ascii(bytes: &[u8], multiline: bool) -> Scan {
        // Without stopping at the first: a loop the compiler turns into vector instructions.
        let controls = bytes
            .iter()
            .fold(false, |c, &b| c | (b < 0x20) | (b == 0x7f));
        let forbidden = || {
            let mut chars = bytes.iter().map(|&b| char::from(b));
            chars.find(|&c| is_forbidden(c, multiline))
        };
        Scan {
            blank: bytes.iter().all(|b| matches!(b, b'\t'..=b'\r' | b' ')),
            chars: bytes.len(),
            forbidden: if controls { forbidden() } else { None },
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
    let s = s.get_ref();
    // Most texts have no CR at all: a copy, without searching for the pattern as it goes.
    if s.as_bytes().contains(&b'\r') {
        s.replace("\r\n", "\n")
    } else {
        s.clone()
    }
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
/// `lang` is the language of their texts (English, or a translation's).
pub fn validate(
    docs: &[(usize, &Document)],
    files: &[SourceFile],
    lang: Lang,
) -> (Option<Tree>, Vec<Diagnostic>) {
    check(docs, files, true, lang)
}

/// A translation (`tr`, in `lang`) against its English original (`en`): the same ids in the same
/// order, the same fields but the texts, the same placeholders and markup in each text, and no
/// text left in English. Every diagnostic points into the translation.
pub fn parity(
    en: &[(usize, &Document)],
    tr: &[(usize, &Document)],
    files: &[SourceFile],
    lang: Lang,
) -> Vec<Diagnostic> {
    let mut cx = Ctx {
        diags: Vec::new(),
        files,
        lang,
    };
    parity::check(&mut cx, en, tr);
    let mut diags = cx.diags;
    diags.sort_by_key(|d| (d.file, d.span.start));
    diags
}

/// Only the checks each entry and `[meta]` make on their own, none of the whole tree's
/// (reachability, red flags first, loops, orphan topics): for content of which some tables did
/// not parse, where the whole tree's checks would report paths that are not really broken.
pub fn validate_entries(
    docs: &[(usize, &Document)],
    files: &[SourceFile],
    lang: Lang,
) -> Vec<Diagnostic> {
    check(docs, files, false, lang).1
}

fn check(
    docs: &[(usize, &Document)],
    files: &[SourceFile],
    whole_tree: bool,
    lang: Lang,
) -> (Option<Tree>, Vec<Diagnostic>) {
    let mut cx = Ctx {
        diags: Vec::new(),
        files,
        lang,
    };
    let questions = collect(docs, |d| &d.question);
    let outcomes = collect(docs, |d| &d.outcome);
    let topics = collect(docs, |d| &d.topic);
    let sources = collect(docs, |d| &d.source);
    let flags = collect(docs, |d| &d.flag);
    let families = collect(docs, |d| &d.family);
    let facts = collect(docs, |d| &d.fact);
    let hazard_entries = collect(docs, |d| &d.hazard);

    let nodes = index_nodes(&mut cx, &questions, &outcomes);
    let topic_ix = index_ids(&mut cx, &topics, "topic");
    let source_ix = index_ids(&mut cx, &sources, "source");
    let flag_ix = index_ids(&mut cx, &flags, "flag");
    let fact_ix = index_ids(&mut cx, &facts, "fact");
    index_ids(&mut cx, &families, "family");
    index_ids(&mut cx, &hazard_entries, "hazard");
    let meta = check_meta(&mut cx, docs, &nodes, whole_tree);
    let signs: Vec<Vec<&str>> = flags
        .iter()
        .map(|e| {
            let signs = &e.value.get_ref().signs;
            signs.keys().map(|k| k.get_ref().as_str()).collect()
        })
        .collect();
    let ids = Ids {
        nodes: &nodes,
        flags: &flag_ix,
        facts: &fact_ix,
        signs: &signs,
    };

    let qs: Vec<Question> = map_entries(&mut cx, &questions, |cx, e| check_question(cx, e, &ids));
    let fl = map_entries(&mut cx, &flags, |cx, e| {
        safety::check_flag(cx, e, &source_ix)
    });
    let fa = map_entries(&mut cx, &families, |cx, e| {
        safety::check_family(cx, e, &ids)
    });
    let ft = map_entries(&mut cx, &facts, safety::check_fact);
    let general_docs: Vec<_> = docs
        .iter()
        .filter_map(|(f, d)| d.general.as_ref().map(|g| (*f, g)))
        .collect();
    let general = safety::check_general(&mut cx, &general_docs, &flag_ix);
    let os: Vec<Outcome> = map_entries(&mut cx, &outcomes, |cx, e| {
        check_outcome(cx, e, &topic_ix, &source_ix)
    });
    let ts: Vec<Topic> = map_entries(&mut cx, &topics, |cx, e| {
        check_topic(cx, e, &topic_ix, &source_ix)
    });
    let ss: Vec<Source> = map_entries(&mut cx, &sources, check_source);
    let hazard_ids = hazards::HazardIds {
        nodes: &nodes,
        flags: &flag_ix,
        facts: &fact_ix,
        sources: &source_ix,
    };
    let hz = map_entries(&mut cx, &hazard_entries, |cx, e| {
        hazards::check_hazard(cx, e, &hazard_ids)
    });

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
        general,
        hazards: hz,
    });
    if let Some(tree) = tree.as_ref().filter(|_| whole_tree) {
        // The graph checks need real entry points; a bad `start` or `another` is already an error.
        let n = tree.questions.len();
        if tree.meta.start < n && tree.meta.another < n && !entry_errors(&cx) {
            let floor = check_graph(&mut cx, tree, &questions, &outcomes, &nodes);
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
        hazards::check_hazard_log(&mut cx, tree, &flags, &outcomes);
    }
    let ok = !has_errors(&cx);
    let mut diags = cx.diags;
    diags.sort_by_key(|d| (d.file, d.span.start));
    (tree.filter(|_| ok), diags)
}

/// Below this many entries of one kind, a second thread costs more than it saves.
const PARALLEL_FROM: usize = 2_000;

/// The most threads loading and checking content may use. Two: more buys little for work this
/// size. A test lowers it to one to check that the result does not depend on it.
#[doc(hidden)]
pub static MAX_THREADS: AtomicUsize = AtomicUsize::new(2);

/// How many threads a piece of work of `size` (entries, bytes…) may use: up to
/// [`MAX_THREADS`] from `threshold` up, where the machine has them; one in a browser, which has
/// no threads.
pub(crate) fn threads_for(size: usize, threshold: usize) -> usize {
    let most = MAX_THREADS.load(Ordering::Relaxed);
    if cfg!(target_arch = "wasm32") || size < threshold || most < 2 {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(most))
    }
}

/// Checks every entry of one kind with `check`. Many entries are split in two halves, the second
/// checked on its own thread with a context of its own; its diagnostics follow the first half's,
/// so the result is exactly what one thread gives, in the same order.
fn map_entries<'e, T: Sync, R: Send>(
    cx: &mut Ctx,
    entries: &'e [Entry<'e, T>],
    check: impl Fn(&mut Ctx, &'e Entry<'e, T>) -> R + Sync,
) -> Vec<R> {
    if threads_for(entries.len(), PARALLEL_FROM) < 2 {
        return entries.iter().map(|e| check(cx, e)).collect();
    }
    let (first, second) = entries.split_at(entries.len() / 2);
    let (files, lang) = (cx.files, cx.lang);
    let check = &check;
    let (mut out, (rest, mut diags)) = std::thread::scope(|scope| {
        let other = scope.spawn(crate::i18n::speaking(move || {
            let mut cx2 = Ctx {
                diags: Vec::new(),
                files,
                lang,
            };
            let rest: Vec<R> = second.iter().map(|e| check(&mut cx2, e)).collect();
            (rest, cx2.diags)
        }));
        let out: Vec<R> = first.iter().map(|e| check(cx, e)).collect();
        match other.join() {
            Ok(r) => (out, r),
            // A panic in a check is a bug; keep it a panic, as it would be on one thread.
            Err(e) => std::panic::resume_unwind(e),
        }
    });
    out.extend(rest);
    cx.diags.append(&mut diags);
    out
}

/// Whether `meta.start` or `meta.another` could not be resolved.
fn entry_errors(cx: &Ctx) -> bool {
    cx.diags
        .iter()
        .any(|d| d.message.starts_with("meta.start ") || d.message.starts_with("meta.another "))
}

fn collect<'a, T>(
    docs: &'a [(usize, &'a Document)],
    table: impl Fn(&'a Document) -> &'a schema::Table<T>,
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

#[cfg(test)]
mod tests {
    use super::Scan;

    proptest::proptest! {
        /// The byte scan finds what the character scan finds, on any ASCII text: blank or not,
        /// its length, and its first forbidden character, in one line or several.
        #[test]
        fn ascii_scan_equals_char_scan(
            text in "([a-z {}.]{0,6}|[\t\n\r\x0b\x0c ]|[\x00-\x1f\x7f]|[\x00-\x7f]){0,30}",
            multiline: bool,
        ) {
            let from_bytes = Scan::ascii(text.as_bytes(), multiline);
            proptest::prop_assert_eq!(from_bytes, Scan::chars(&text, multiline));
        }
    }

    #[test]
    fn every_ascii_character_is_scanned_alike() {
        for b in 0..=0x7f_u8 {
            for text in [format!("a{}b", char::from(b)), char::from(b).to_string()] {
                for multiline in [false, true] {
                    let from_bytes = Scan::ascii(text.as_bytes(), multiline);
                    assert_eq!(from_bytes, Scan::chars(&text, multiline), "{text:?}");
                }
            }
        }
    }
}
