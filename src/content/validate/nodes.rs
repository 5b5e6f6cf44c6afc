//! Ids: every node, topic, source, flag and fact indexed by id (a duplicate is an error), the
//! `[meta]` entry points, and resolving an id or a level as written, with a "did you mean".

use std::collections::hash_map::Entry as Slot;
use std::ops::Range;

use foldhash::{HashMap, HashMapExt};
use toml::Spanned;

use super::super::diag::did_you_mean;
use super::super::schema::{self, Document};
use super::super::tree::{Level, Meta, NodeRef, SignRef};
use super::{Ctx, Entry, Owner, lf, limits};
use crate::i18n::Lang;

pub(super) type NodeIndex<'a> = HashMap<&'a str, (NodeRef, usize, Range<usize>)>;

/// The id indices a question's options are resolved against.
pub(super) struct Ids<'a, 'b> {
    pub(super) nodes: &'b NodeIndex<'a>,
    pub(super) flags: &'b HashMap<&'a str, usize>,
    pub(super) facts: &'b HashMap<&'a str, usize>,
    /// Each flag's sign ids, in the order of `Tree::flags`.
    pub(super) signs: &'b [Vec<&'a str>],
}

/// Resolves an answer's `flags`: a flag id offers the whole flag, `flag.sign` one of its signs.
/// Returns every flag reported (each once) and the signs of flags offered only in part.
pub(super) fn resolve_flags(
    cx: &mut Ctx,
    file: usize,
    owner: &Owner,
    list: &[Spanned<String>],
    ids: &Ids,
) -> (Vec<usize>, Vec<SignRef>) {
    let mut flags = Vec::new();
    let mut whole = Vec::new();
    let mut signs = Vec::new();
    for s in list {
        let (flag_id, sign_id) = match s.get_ref().split_once('.') {
            Some((f, x)) => (f, Some(x)),
            None => (s.get_ref().as_str(), None),
        };
        let Some(&f) = ids.flags.get(flag_id) else {
            let hint = suggest(
                s.get_ref(),
                ids.flags.keys().copied(),
                &format!("add a [flag.{flag_id}] table, or fix the id"),
            );
            cx.error(
                file,
                s.span(),
                format!("{owner} cites unknown flag '{}'", s.get_ref()),
                &hint,
            );
            continue;
        };
        let Some(sign_id) = sign_id else {
            whole.push(f);
            if !flags.contains(&f) {
                flags.push(f);
            }
            continue;
        };
        let known = ids.signs.get(f).map_or(&[][..], Vec::as_slice);
        match known.iter().position(|k| *k == sign_id) {
            Some(x) => {
                signs.push(SignRef { flag: f, sign: x });
                if !flags.contains(&f) {
                    flags.push(f);
                }
            }
            None => {
                let hint = if known.is_empty() {
                    format!(
                        "flag '{flag_id}' declares no signs: offer it whole (\"{flag_id}\"), or add signs = {{ {sign_id} = \"...\" }} to [flag.{flag_id}]"
                    )
                } else {
                    let full: Vec<String> =
                        known.iter().map(|k| format!("{flag_id}.{k}")).collect();
                    suggest(
                        s.get_ref(),
                        full.iter().map(String::as_str),
                        &format!("the signs of '{flag_id}' are {}", known.join(", ")),
                    )
                };
                cx.error(
                    file,
                    s.span(),
                    format!("{owner} cites unknown sign '{sign_id}' of flag '{flag_id}'"),
                    &hint,
                );
            }
        }
    }
    // A flag offered whole offers every sign: its listed signs add nothing.
    signs.retain(|x| !whole.contains(&x.flag));
    (flags, signs)
}

/// Resolves an option's `next` (or a route's) to a node; an unknown id is an error.
pub(super) fn resolve_node(
    cx: &mut Ctx,
    file: usize,
    owner: &Owner,
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

pub(super) fn index_nodes<'a>(
    cx: &mut Ctx,
    qs: &'a [Entry<schema::Question>],
    os: &'a [Entry<schema::Outcome>],
) -> NodeIndex<'a> {
    // Sized once: growing a map of ten thousand ids rehashes it a dozen times.
    let mut map: NodeIndex = HashMap::with_capacity(qs.len() + os.len());
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
        let slot = match map.entry(id.get_ref().as_str()) {
            Slot::Vacant(slot) => slot,
            Slot::Occupied(first) => {
                let (_, f0, s0) = first.get();
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
        };
        slot.insert((node, file, id.span()));
    }
    map
}

pub(super) fn index_ids<'a, T>(
    cx: &mut Ctx,
    entries: &'a [Entry<T>],
    kind: &str,
) -> HashMap<&'a str, usize> {
    let mut map: HashMap<&str, usize> = HashMap::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        let slot = match map.entry(e.id.get_ref().as_str()) {
            Slot::Vacant(slot) => slot,
            Slot::Occupied(j) => {
                let first = &entries[*j.get()];
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
                continue;
            }
        };
        slot.insert(i);
    }
    map
}

pub(super) fn check_meta(
    cx: &mut Ctx,
    docs: &[(usize, &Document)],
    nodes: &NodeIndex,
    whole_tree: bool,
) -> Option<Meta> {
    let mut metas = docs
        .iter()
        .filter_map(|(f, d)| d.meta.as_ref().map(|m| (*f, m)));
    let Some((file, meta)) = metas.next() else {
        // A missing [meta] is the whole content's problem: with tables left out (a syntax
        // error), it may be one of them.
        if whole_tree {
            let file = docs.first().map_or(0, |(f, _)| *f);
            cx.error(
                file,
                0..0,
                "the content has no [meta] table".into(),
                "add [meta] with title, version, start and another (see docs/content-format.md)",
            );
        }
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
    cx.text(
        file,
        &m.title,
        (&Owner::META, "the title"),
        limits::TITLE,
        false,
    );
    cx.text(
        file,
        &m.version,
        (&Owner::META, "the version"),
        limits::TITLE,
        false,
    );
    if let Some(intro) = &m.intro {
        cx.text(
            file,
            intro,
            (&Owner::META, "the intro"),
            limits::INTRO,
            true,
        );
    }
    if cx.lang == Lang::En
        && let Some(review) = &m.clinician_review
    {
        cx.warn(
            file,
            review.span(),
            "clinician_review is for a translation's [meta] (es/tree.toml); the English is signed off with `aftercare sign`".into(),
            "remove it here; the English's sign-off is recorded in signoff.toml",
        );
    }
    if cx.lang == Lang::En
        && let Some(same) = m.same_as_english.first()
    {
        cx.warn(
            file,
            same.span(),
            "same_as_english is for a translation's [meta] (es/tree.toml); the English has nothing to be the same as".into(),
            "remove it here; list the texts in the translation that read the same as the English",
        );
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
        clinician_review: m.clinician_review.as_ref().map(|r| r.get_ref().clone()),
        start: start.unwrap_or(0),
        another: another.unwrap_or(0),
    })
}

pub(super) fn entry_question(
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

pub(super) fn suggest<'a>(
    wrong: &str,
    known: impl IntoIterator<Item = &'a str>,
    otherwise: &str,
) -> String {
    match did_you_mean(wrong, known) {
        Some(k) => format!("did you mean '{k}'?"),
        None => otherwise.to_string(),
    }
}

pub(super) fn resolve_ids(
    cx: &mut Ctx,
    file: usize,
    owner: &Owner,
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

/// Whether `s` names a level. What has an unknown one is reported once, by [`level_of`], and then
/// checked as an emergency (the safe side); a later check that would quote or judge its level
/// skips it, or it would be reported again at a level it does not have.
pub(super) fn level_known(s: &Spanned<String>) -> bool {
    Level::from_id(s.get_ref()).is_some()
}

/// Parses a level as written; an unknown one is an error with a "did you mean".
pub(super) fn level_of(
    cx: &mut Ctx,
    file: usize,
    owner: &Owner,
    s: &Spanned<String>,
) -> Option<Level> {
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
