//! The clinical safety rules beyond red-flags-first: red flags declared once and checked for
//! coverage in every symptom family, facts about the person, titles that agree with their level,
//! and an emergency safety net on every outcome below an emergency.

use foldhash::{HashMap, HashMapExt};

use super::super::schema;
use super::super::tree::{Fact, Family, Flag, General, Level, NodeRef, Sign, Tree};
use super::graph::answer_floor;
use super::nodes::{Ids, level_known, level_of, resolve_ids, suggest};
use super::{Ctx, Entry, Owner, lf, limits};
use crate::i18n::Lang;
use toml::Spanned;

/// The parsed entries, for pointing diagnostics at the right line.
pub(super) struct Entries<'a, 'b> {
    pub questions: &'b [Entry<'a, schema::Question>],
    pub outcomes: &'b [Entry<'a, schema::Outcome>],
    pub flags: &'b [Entry<'a, schema::Flag>],
    pub families: &'b [Entry<'a, schema::Family>],
    pub facts: &'b [Entry<'a, schema::Fact>],
}

pub(super) fn check_flag(
    cx: &mut Ctx,
    e: &Entry<schema::Flag>,
    sources: &HashMap<&str, usize>,
) -> Flag {
    let (file, id, f) = (e.file, e.id.get_ref(), e.value.get_ref());
    let owner = Owner::new("flag", id);
    let level = level_of(cx, file, &owner, &f.level).unwrap_or(Level::Emergency);
    cx.text(file, &f.text, (&owner, "the text"), limits::QUESTION, false);
    if f.sources.get_ref().is_empty() {
        cx.error(
            file,
            e.id.span(),
            format!("{owner} cites no source"),
            "add sources = [\"<source id>\"]: the brief's key for this red flag",
        );
    }
    let signs = f
        .signs
        .iter()
        .map(|(sign, text)| {
            cx.text(file, text, (&owner, "a sign"), limits::QUESTION, false);
            if sign.get_ref().trim().is_empty() || sign.get_ref().contains('.') {
                cx.error(
                    file,
                    sign.span(),
                    format!("{owner} has the sign id '{}'", sign.get_ref()),
                    "a sign id is one word without dots, as in signs = { skin = \"...\" }",
                );
            }
            Sign {
                id: sign.get_ref().clone(),
                text: text.get_ref().clone(),
            }
        })
        .collect();
    Flag {
        id: id.clone(),
        level,
        text: f.text.get_ref().clone(),
        sources: resolve_ids(cx, file, &owner, "source", f.sources.get_ref(), sources),
        signs,
    }
}

/// `[general]`: at most one across the files; its flags exist and `below` is a level.
pub(super) fn check_general(
    cx: &mut Ctx,
    general: &[(usize, &Spanned<schema::General>)],
    flags: &HashMap<&str, usize>,
) -> Option<General> {
    let (file, g) = *general.first()?;
    for (f, other) in &general[1..] {
        cx.error(
            *f,
            other.span(),
            "a second [general] table".into(),
            "keep one [general] table across all content files",
        );
    }
    let owner = Owner::new("table", "general");
    let g = g.get_ref();
    let below = level_of(cx, file, &owner, &g.below).unwrap_or(Level::Emergency);
    Some(General {
        flags: resolve_ids(cx, file, &owner, "flag", g.flags.get_ref(), flags),
        below,
    })
}

pub(super) fn check_family(cx: &mut Ctx, e: &Entry<schema::Family>, ids: &Ids) -> Family {
    let (file, id, f) = (e.file, e.id.get_ref(), e.value.get_ref());
    let owner = Owner::new("family", id);
    let entry = match ids.nodes.get(f.entry.get_ref().as_str()) {
        Some((NodeRef::Question(q), ..)) => *q,
        Some((NodeRef::Outcome(_), ..)) => {
            cx.error(
                file,
                f.entry.span(),
                format!("{owner} begins at an outcome, not a question"),
                "a family's entry is the first question of its branch",
            );
            usize::MAX
        }
        None => {
            let hint = suggest(
                f.entry.get_ref(),
                ids.nodes.keys().copied(),
                "name the first [question.<id>] of the branch",
            );
            cx.error(
                file,
                f.entry.span(),
                format!("{owner} begins at unknown question '{}'", f.entry.get_ref()),
                &hint,
            );
            usize::MAX
        }
    };
    if let Some(why) = &f.why {
        cx.text(file, why, (&owner, "why"), limits::WHY, true);
    }
    Family {
        id: id.clone(),
        entry,
        flags: resolve_ids(cx, file, &owner, "flag", f.flags.get_ref(), ids.flags),
        skip_general: resolve_ids(
            cx,
            file,
            &owner,
            "flag",
            f.skip_general.get_ref(),
            ids.flags,
        ),
        why: f.why.as_ref().map(lf),
    }
}

pub(super) fn check_fact(cx: &mut Ctx, e: &Entry<schema::Fact>) -> Fact {
    let owner = Owner::new("fact", e.id.get_ref());
    let f = e.value.get_ref();
    cx.text(e.file, &f.text, (&owner, "the text"), limits::LABEL, false);
    Fact {
        id: e.id.get_ref().clone(),
        text: f.text.get_ref().clone(),
    }
}

/// Every rule of this module that needs the whole resolved graph. The path rules need the
/// questions' safety floors, which exist only for a graph without cycles (`floor`); a cycle is
/// already an error of its own.
pub(super) fn check_tree(cx: &mut Ctx, tree: &Tree, floor: Option<&[Option<Level>]>, en: &Entries) {
    let valid = tree.questions.iter().all(|q| {
        q.options.iter().all(|o| {
            o.targets().all(|t| match t {
                NodeRef::Question(i) => i < tree.questions.len(),
                NodeRef::Outcome(i) => i < tree.outcomes.len(),
            })
        })
    });
    // Content without red flags (a small clinic tree, generated content) skips the flag rules,
    // which need a second pass over the graph.
    let flagged = !tree.flags.is_empty();
    if let Some(floor) = floor.filter(|_| flagged && valid)
        && tree.families.iter().all(|f| f.entry < tree.questions.len())
    {
        check_flag_answers(cx, tree, floor, en);
        check_flags_offered(cx, tree, en);
        check_family_coverage(cx, tree, en);
    }
    check_facts_used(cx, tree, en);
    check_titles(cx, tree, en);
    check_safety_nets(cx, tree, en);
}

/// An answer that reports a red flag must end at the flag's level or above, whatever follows.
fn check_flag_answers(cx: &mut Ctx, tree: &Tree, floor: &[Option<Level>], en: &Entries) {
    for (qi, q) in tree.questions.iter().enumerate() {
        for o in &q.options {
            let lowest = answer_floor(tree, floor, o);
            for &f in &o.flags {
                let flag = &tree.flags[f];
                if lowest < flag.level && level_known(&en.flags[f].value.get_ref().level) {
                    let e = &en.questions[qi];
                    cx.error(
                        e.file,
                        e.id.span(),
                        format!(
                            "question '{}': '{}' reports the red flag '{}' ({}) but can end at '{lowest}'",
                            q.id, o.label, flag.id, flag.level
                        ),
                        "an answer that reports a red flag must lead only to outcomes at the flag's level or above",
                    );
                }
            }
        }
    }
}

/// Each emergency flag is offered on an emergency screen (a person who does not recognise their
/// symptom family still meets it); every flag is offered somewhere and asked by some family.
fn check_flags_offered(cx: &mut Ctx, tree: &Tree, en: &Entries) {
    let mut on_screen = vec![false; tree.flags.len()];
    let mut anywhere = vec![false; tree.flags.len()];
    for q in &tree.questions {
        for o in &q.options {
            for &f in &o.flags {
                anywhere[f] = true;
                on_screen[f] |= q.emergency_screen;
            }
        }
    }
    let general = tree.general.as_ref().map_or(&[][..], |g| &g.flags[..]);
    let in_family: Vec<bool> = (0..tree.flags.len())
        .map(|f| general.contains(&f) || tree.families.iter().any(|fam| fam.flags.contains(&f)))
        .collect();
    let answers = || tree.questions.iter().flat_map(|q| q.options.iter());
    for (i, flag) in tree.flags.iter().enumerate() {
        let e = &en.flags[i];
        if anywhere[i] {
            // Each sign must be offered somewhere, on its own or with the whole flag.
            for (x, sign) in flag.signs.iter().enumerate() {
                if !answers().any(|o| o.offers(i, Some(x))) {
                    let span = sign_span(e, x);
                    cx.error(
                        e.file,
                        span,
                        format!(
                            "flag '{}': the sign '{}' ({}) is not offered by any answer",
                            flag.id, sign.id, sign.text
                        ),
                        &format!(
                            "tag the answers that report it: flags = [\"{}.{}\"], or the whole flag [\"{}\"]",
                            flag.id, sign.id, flag.id
                        ),
                    );
                }
            }
        }
        if !anywhere[i] {
            cx.error(
                e.file,
                e.id.span(),
                format!("flag '{}' is not offered by any answer", flag.id),
                "tag the answers that report it: flags = [\"<flag id>\"]",
            );
        } else if flag.level == Level::Emergency
            && !on_screen[i]
            && level_known(&e.value.get_ref().level)
        {
            cx.error(
                e.file,
                e.id.span(),
                format!(
                    "flag '{}' is an emergency but no emergency screen offers it",
                    flag.id
                ),
                "offer it on a question with emergency_screen = true, in the brief's words",
            );
        }
        if flag.level < Level::Emergency && !in_family[i] {
            cx.warn(
                e.file,
                e.id.span(),
                format!(
                    "flag '{}' ({}) is not asked by any symptom family",
                    flag.id, flag.level
                ),
                "add it to the flags of the families whose branch can end below it",
            );
        }
    }
}

/// Where a sign of a flag is written in its `[flag.*]` table (the table's id without one).
fn sign_span(e: &Entry<schema::Flag>, x: usize) -> std::ops::Range<usize> {
    let signs = &e.value.get_ref().signs;
    signs.get_index(x).map_or(e.id.span(), |(k, _)| k.span())
}

/// What a family must ask: a flag, or one sign of it (`Some(index)`).
type Ask = (usize, Option<usize>);

/// Each thing a flag asks on its own: every sign, or the flag as one when it has none.
fn asks(tree: &Tree, flag: usize) -> Vec<Ask> {
    match tree.flags[flag].signs.len() {
        0 => vec![(flag, None)],
        n => (0..n).map(|x| (flag, Some(x))).collect(),
    }
}

/// For each flag (or sign of one), whether some path from each question ends below `level`
/// without any question on the way offering it; computed bottom-up without recursion.
fn unasked(tree: &Tree, (flag, sign): Ask, level: Level) -> Vec<bool> {
    let n = tree.questions.len();
    let offers = |q: usize| {
        tree.questions[q]
            .options
            .iter()
            .any(|o| o.offers(flag, sign))
    };
    let mut memo: Vec<Option<bool>> = vec![None; n];
    // One stack for every root: most roots were reached from an earlier one.
    let mut stack = Vec::new();
    for root in 0..n {
        stack.push(root);
        while let Some(&q) = stack.last() {
            if memo[q].is_some() {
                stack.pop();
                continue;
            }
            if offers(q) {
                memo[q] = Some(false);
                stack.pop();
                continue;
            }
            let before = stack.len();
            stack.extend(
                tree.questions[q]
                    .options
                    .iter()
                    .flat_map(|o| o.targets())
                    .filter_map(|t| match t {
                        NodeRef::Question(t) if memo[t].is_none() => Some(t),
                        _ => None,
                    }),
            );
            if stack.len() == before {
                let bad = tree.questions[q]
                    .options
                    .iter()
                    .flat_map(|o| o.targets())
                    .any(|t| match t {
                        NodeRef::Question(t) => memo[t] == Some(true),
                        NodeRef::Outcome(o) => tree.outcomes[o].level < level,
                    });
                memo[q] = Some(bad);
                stack.pop();
            }
        }
    }
    memo.into_iter().map(|b| b.unwrap_or(false)).collect()
}

/// One path of answers from `q` that ends below the flag's level without offering it.
fn witness(tree: &Tree, bad: &[bool], mut q: usize, level: Level) -> (Vec<String>, String) {
    let mut labels = Vec::new();
    loop {
        let next = tree.questions[q].options.iter().find_map(|o| {
            o.targets()
                .find(|t| match *t {
                    NodeRef::Question(t) => bad[t],
                    NodeRef::Outcome(x) => tree.outcomes[x].level < level,
                })
                .map(|t| (o, t))
        });
        match next {
            Some((o, NodeRef::Question(t))) => {
                labels.push(format!("'{}'", o.label));
                q = t;
            }
            Some((o, NodeRef::Outcome(x))) => {
                labels.push(format!("'{}'", o.label));
                return (labels, tree.outcomes[x].id.clone());
            }
            None => return (labels, String::new()),
        }
    }
}

/// How a flag (or one sign of it) is named in a message: "'sepsis'", or
/// "'sepsis' (sign 'skin': Mottled, blue or pale skin)".
fn ask_name(tree: &Tree, (flag, sign): Ask) -> String {
    let f = &tree.flags[flag];
    match sign.and_then(|x| f.signs.get(x)) {
        Some(s) => format!("'{}' (sign '{}': {})", f.id, s.id, s.text),
        None => format!("'{}'", f.id),
    }
}

/// Inside each family's branch, every path that can end below a flag's level offers that flag
/// (each of its signs) first, as NHS Pathways re-asks the red flags of each symptom; and every
/// path that can end below the lower of a general flag's level and `[general] below` offers
/// each general flag (each sign), unless the family skips it with a reason.
fn check_family_coverage(cx: &mut Ctx, tree: &Tree, en: &Entries) {
    let mut cache: HashMap<(Ask, Level), Vec<bool>> = HashMap::new();
    let general = tree.general.as_ref();
    for (fi, fam) in tree.families.iter().enumerate() {
        let e = &en.families[fi];
        // (what to ask, the level below which it must be asked, whether it is general)
        let known = |f: usize| level_known(&en.flags[f].value.get_ref().level);
        let mut rules: Vec<(usize, Level, bool)> = fam
            .flags
            .iter()
            .filter(|&&f| known(f))
            .map(|&f| (f, tree.flags[f].level, false))
            .collect();
        if let Some(g) = general {
            for &f in &g.flags {
                if !fam.flags.contains(&f) && !fam.skip_general.contains(&f) && known(f) {
                    rules.push((f, tree.flags[f].level.min(g.below), true));
                }
            }
        }
        for (f, level, is_general) in rules {
            for ask in asks(tree, f) {
                let bad = cache
                    .entry((ask, level))
                    .or_insert_with(|| unasked(tree, ask, level));
                if !bad[fam.entry] {
                    continue;
                }
                let (labels, end) = witness(tree, bad, fam.entry, level);
                let (what, hint) = if is_general {
                    (
                        "the general red flag",
                        format!(
                            "offer it on a question of that path (flags = [...]); or, if every way into this family has asked it already, skip_general = [\"{}\"] with why = \"...\"",
                            tree.flags[f].id
                        ),
                    )
                } else {
                    (
                        "the red flag",
                        "offer the flag on a question of that path (tag the answer with flags = [...])".to_string(),
                    )
                };
                cx.error(
                    e.file,
                    e.id.span(),
                    format!(
                        "family '{}' can end at '{end}' (below {level}) without asking about {what} {}: {}",
                        fam.id,
                        ask_name(tree, ask),
                        labels.join(" → ")
                    ),
                    &hint,
                );
            }
        }
        check_skips(cx, tree, fam, e);
    }
}

/// A family's `skip_general`: each a general flag, and said why.
fn check_skips(cx: &mut Ctx, tree: &Tree, fam: &Family, e: &Entry<schema::Family>) {
    if fam.skip_general.is_empty() {
        return;
    }
    let general = tree.general.as_ref().map_or(&[][..], |g| &g.flags[..]);
    let span = e.value.get_ref().skip_general.span();
    for &f in &fam.skip_general {
        if !general.contains(&f) {
            cx.warn(
                e.file,
                span.clone(),
                format!(
                    "family '{}' skips '{}', which is not a general flag",
                    fam.id, tree.flags[f].id
                ),
                "skip_general names flags of [general] flags; remove it",
            );
        }
    }
    if fam.why.is_none() {
        cx.warn(
            e.file,
            span,
            format!("family '{}' skips general flags without saying why", fam.id),
            "add why = \"...\": how every way into this family has asked them already",
        );
    }
}

/// A fact that no answer sets makes its routes dead; a fact nothing reads is noise.
fn check_facts_used(cx: &mut Ctx, tree: &Tree, en: &Entries) {
    for (i, fact) in tree.facts.iter().enumerate() {
        let answers = tree.questions.iter().flat_map(|q| q.options.iter());
        let set = answers.clone().any(|o| o.sets.contains(&i));
        let read = answers
            .flat_map(|o| o.routes.iter())
            .any(|r| r.when.contains(&i));
        let e = &en.facts[i];
        if !set {
            cx.warn(
                e.file,
                e.id.span(),
                format!("fact '{}' is never learned: no answer sets it", fact.id),
                "add sets = [\"<fact id>\"] to the answers that tell it",
            );
        } else if !read {
            cx.warn(
                e.file,
                e.id.span(),
                format!("fact '{}' is learned but no route reads it", fact.id),
                "use it in routes = [{ when = [...], next = ... }], or remove it",
            );
        }
    }
}

/// How a title of each level begins, so the banner and the title never disagree.
/// The brief's own wording for each level (section a) is among them.
pub const TITLE_LEADS: [(Level, &[&str]); 5] = [
    (Level::Expected, &["Normal", "This is a normal"]),
    (
        Level::Therapist,
        &[
            "Let your therapist know",
            "Let your massage therapist know",
            "Tell your therapist",
        ],
    ),
    (
        Level::Doctor,
        &["Contact your doctor", "Contact your GP", "See a doctor"],
    ),
    (Level::Urgent, &["Get help today", "Get medical help today"]),
    (Level::Emergency, &["Call {emergency} now"]),
];

/// [`TITLE_LEADS`] in Spanish: the same levels, the Spanish translation's own words.
pub const TITLE_LEADS_ES: [(Level, &[&str]); 5] = [
    (Level::Expected, &["Normal"]),
    (Level::Therapist, &["Avise a su terapeuta"]),
    (Level::Doctor, &["Contacte con su médico"]),
    (Level::Urgent, &["Pida ayuda hoy"]),
    (Level::Emergency, &["Llame al {emergency} ahora"]),
];

/// The title leads of a language.
pub fn title_leads(lang: Lang) -> &'static [(Level, &'static [&'static str]); 5] {
    match lang {
        Lang::En => &TITLE_LEADS,
        Lang::Es => &TITLE_LEADS_ES,
    }
}

/// How an emergency outcome's first "now" item begins in a language: calling first.
pub fn emergency_call(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Call {emergency}",
        Lang::Es => "Llame al {emergency}",
    }
}

fn check_titles(cx: &mut Ctx, tree: &Tree, en: &Entries) {
    for (i, o) in tree.outcomes.iter().enumerate() {
        if !level_known(&en.outcomes[i].value.get_ref().level) {
            continue;
        }
        let leads = title_leads(cx.lang)
            .iter()
            .find(|(l, _)| *l == o.level)
            .map_or(&[][..], |(_, leads)| *leads);
        if !leads.iter().any(|l| o.title.starts_with(l)) {
            let e = &en.outcomes[i];
            let field = &e.value.get_ref().title;
            cx.warn(
                e.file,
                field.span(),
                format!(
                    "outcome '{}' is '{}' but its title does not begin with '{}'",
                    o.id, o.level, leads.first().copied().unwrap_or("")
                ),
                "begin the title with the level's words so the banner and the title agree; put the detail after a colon",
            );
        }
    }
}

/// Whether a text has the `{emergency}` placeholder. A search for its brace (a byte search) and
/// a look at what follows: several times quicker than a search for the whole word, and this
/// runs on one thread over every outcome.
fn names_emergency(text: &str) -> bool {
    text.split('{')
        .skip(1)
        .any(|rest| rest.starts_with("emergency}"))
}

/// Every outcome below an emergency ends its "get help if" list with the emergency number.
fn check_safety_nets(cx: &mut Ctx, tree: &Tree, en: &Entries) {
    for (i, o) in tree.outcomes.iter().enumerate() {
        if o.level == Level::Emergency || o.watch.iter().any(|w| names_emergency(w)) {
            continue;
        }
        let e = &en.outcomes[i];
        let watch = &e.value.get_ref().watch;
        let span = if watch.span().is_empty() {
            e.id.span()
        } else {
            watch.span()
        };
        cx.error(
            e.file,
            span,
            format!(
                "outcome '{}' has no emergency safety net: no \"watch\" item names {{emergency}}",
                o.id
            ),
            "add a watch item such as \"Call {emergency} if you get chest pain or trouble breathing.\", relevant to this outcome",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::names_emergency;

    #[test]
    fn finds_the_emergency_placeholder_only() {
        for text in [
            "Call {emergency} if you get chest pain.",
            "Call {clinic} or {emergency}.",
            "{{emergency}",
            "{emergency}",
        ] {
            assert!(names_emergency(text), "{text}");
        }
        for text in [
            "Call emergency services.",
            "Call {emergency if it gets worse.",
            "Call {clinic}.",
            "{ emergency}",
            "",
        ] {
            assert!(!names_emergency(text), "{text}");
        }
    }
}
