//! One entry at a time: a question, an outcome, a topic or a source checked on its own —
//! lengths, placeholders, levels, advice on every outcome, sources on every explanation.

use std::ops::Range;

use foldhash::{HashMap, HashSet, HashSetExt};
use toml::Spanned;

use super::super::schema;
use super::super::tree::{
    Answer, Level, Outcome, Picture, Question, Route, Source, SourceStatus, Topic,
};
use super::super::{inflesz, readability};
use super::nodes::{Ids, level_of, resolve_flags, resolve_ids, resolve_node, suggest};
use super::safety::emergency_call;
use super::{Ctx, Entry, Owner, lf, limits};
use crate::i18n::Lang;

/// The answer's id: present, a plain name (`[a-z][a-z0-9_]*`, at most 32 characters) and unique
/// within its question. A missing id is reported with one made from the label to paste in.
fn check_answer_id(
    cx: &mut Ctx,
    file: usize,
    question: &str,
    list: &[Spanned<schema::OptionDef>],
    k: usize,
) -> String {
    let o = list[k].get_ref();
    let Some(id) = &o.id else {
        cx.error(
            file,
            o.label.span(),
            format!("an answer of question '{question}' has no id: '{}'", o.label.get_ref()),
            &format!(
                "add id = \"{}\" (a short name, unique in this question, that stays when the label is reworded)",
                suggest_answer_id(o.label.get_ref())
            ),
        );
        return String::new();
    };
    let text = id.get_ref();
    let plain = text.len() <= 32
        && text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !plain {
        cx.error(
            file,
            id.span(),
            format!("question '{question}': the answer id '{text}' is not a plain name"),
            "use lowercase letters, digits and _ (starting with a letter), at most 32 characters",
        );
    }
    if list[..k]
        .iter()
        .any(|p| p.get_ref().id.as_ref().is_some_and(|p| p.get_ref() == text))
    {
        cx.error(
            file,
            id.span(),
            format!("question '{question}' has the answer id '{text}' twice"),
            "each answer of a question needs its own id",
        );
    }
    text.clone()
}

/// An id made from a label's first words, for the hint of a missing one.
pub(crate) fn suggest_answer_id(label: &str) -> String {
    let mut out = String::new();
    for word in label
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w = word.to_ascii_lowercase();
        if out.len() + w.len() + 1 > 28 {
            break;
        }
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(&w);
    }
    if !out.starts_with(|c: char| c.is_ascii_lowercase()) {
        out.insert_str(0, "a_");
    }
    out
}

pub(super) fn check_question(cx: &mut Ctx, e: &Entry<schema::Question>, ids: &Ids) -> Question {
    let (file, id, q) = (e.file, e.id.get_ref(), e.value.get_ref());
    let owner = Owner::new("question", id);
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
    // Up to the most options a question may have, each label is compared with those before it;
    // a list longer than that (already an error) is checked through a set instead.
    let mut seen = HashSet::new();
    let list = q.options.get_ref();
    let mut options = Vec::with_capacity(n);
    for (k, o) in list.iter().enumerate() {
        let o = o.get_ref();
        cx.text(
            file,
            &o.label,
            (&owner, "an option label"),
            limits::LABEL,
            false,
        );
        let label = o.label.get_ref();
        let twice = if n <= limits::MAX_OPTIONS {
            list[..k]
                .iter()
                .any(|p| same_label(p.get_ref().label.get_ref(), label))
        } else {
            !seen.insert(label.trim().to_lowercase())
        };
        if twice {
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
        let answer_id = check_answer_id(cx, file, id, list, k);
        let next = resolve_node(cx, file, &owner, &o.next, ids.nodes);
        let routes = o
            .routes
            .iter()
            .map(|r| Route {
                when: resolve_ids(cx, file, &owner, "fact", &r.get_ref().when, ids.facts),
                next: resolve_node(cx, file, &owner, &r.get_ref().next, ids.nodes),
            })
            .collect();
        let (flags, signs) = resolve_flags(cx, file, &owner, &o.flags, ids);
        options.push(Answer {
            id: answer_id,
            label: o.label.get_ref().clone(),
            next,
            not_sure: o.not_sure,
            flags,
            signs,
            sets: resolve_ids(cx, file, &owner, "fact", &o.sets, ids.facts),
            routes,
        });
    }
    if q.ask_not_sure && !q.options.get_ref().iter().any(|o| o.get_ref().not_sure) {
        cx.warn(
            file,
            e.id.span(),
            format!("question '{id}' asks for a \"Not sure\" option but has none"),
            "add { id = \"not_sure\", label = \"Not sure\", next = \"<the safer branch>\", not_sure = true }",
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

pub(super) fn check_outcome(
    cx: &mut Ctx,
    e: &Entry<schema::Outcome>,
    topics: &HashMap<&str, usize>,
    sources: &HashMap<&str, usize>,
) -> Outcome {
    let (file, id, o) = (e.file, e.id.get_ref(), e.value.get_ref());
    let owner = Owner::new("outcome", id);
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
    let call = emergency_call(cx.lang);
    if level == Some(Level::Emergency)
        && let Some(first) = o.now.get_ref().first()
        && !first.get_ref().starts_with(call)
    {
        cx.error(
            file,
            first.span(),
            format!(
                "{owner} is an emergency, but its first \"now\" item does not start with '{call}'"
            ),
            match cx.lang {
                Lang::En => "put calling first: now = [\"Call {emergency} now.\", ...]",
                Lang::Es => "put calling first: now = [\"Llame al {emergency} ahora.\", ...]",
            },
        );
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
    check_reading(cx, e, &owner);
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

/// How easily an outcome reads, by its language's measure: the English grade, or the Spanish
/// INFLESZ score.
fn check_reading(cx: &mut Ctx, e: &Entry<schema::Outcome>, owner: &Owner) {
    let text = outcome_text(e.value.get_ref());
    match cx.lang {
        Lang::En => {
            let grade = readability::grade(&text);
            if grade > limits::MAX_GRADE {
                cx.warn(
                    e.file,
                    e.id.span(),
                    format!("{owner} reads at about grade {grade:.1}; aim for 9 or lower"),
                    "use shorter sentences and everyday words",
                );
            }
        }
        Lang::Es => {
            let score = inflesz::score(&text);
            if score < inflesz::MIN_OUTCOME {
                cx.warn(
                    e.file,
                    e.id.span(),
                    format!(
                        "{owner} scores {score:.1} on the INFLESZ scale ('{}'); aim for 55 \
                         ('normal') or more, 65 ('bastante fácil') at best",
                        inflesz::band(score)
                    ),
                    "use shorter sentences and everyday words (fewer syllables a word)",
                );
            }
        }
    }
}

/// Whether two option labels read the same, whatever their case and surrounding spaces.
fn same_label(a: &str, b: &str) -> bool {
    fn lower(s: &str) -> impl Iterator<Item = char> + '_ {
        s.trim().chars().flat_map(char::to_lowercase)
    }
    lower(a).eq(lower(b))
}

/// The text of an outcome that a person reads, for the readability estimate.
pub(super) fn outcome_text(o: &schema::Outcome) -> String {
    let parts = || {
        let lists = o.now.get_ref().iter().chain(o.watch.get_ref());
        lists.chain(&o.why).map(|s| s.get_ref().as_str())
    };
    let title = o.title.get_ref();
    let mut text =
        String::with_capacity(title.len() + 1 + parts().map(|p| p.len() + 1).sum::<usize>());
    text.push_str(title);
    text.push('.');
    for part in parts() {
        text.push('\n');
        text.push_str(part);
    }
    text
}

/// An empty list written as `key = []` has a span; a missing one points at the table's id.
pub(super) fn span_or<T>(list: &Spanned<T>, id: &Spanned<String>) -> Range<usize> {
    if list.span().is_empty() {
        id.span()
    } else {
        list.span()
    }
}

pub(super) fn check_topic(
    cx: &mut Ctx,
    e: &Entry<schema::Topic>,
    topics: &HashMap<&str, usize>,
    sources: &HashMap<&str, usize>,
) -> Topic {
    let (file, id, t) = (e.file, e.id.get_ref(), e.value.get_ref());
    let owner = Owner::new("topic", id);
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

pub(super) fn check_source(cx: &mut Ctx, e: &Entry<schema::Source>) -> Source {
    let (file, id, s) = (e.file, e.id.get_ref(), e.value.get_ref());
    let owner = Owner::new("source", id);
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
