//! The hazard log (`[hazard.*]`, DCB0129): each hazard's ids exist, it has a control, an outcome,
//! a source and a test case, and its risk after the controls is not high; across the content,
//! every emergency and urgent flag and every outcome at urgent or above belongs to a hazard.

use foldhash::HashMap;
use toml::Spanned;

use super::super::schema;
use super::super::tree::{Hazard, HazardSeverity, Level, Likelihood, NodeRef, Tree};
use super::entries::span_or;
use super::nodes::{NodeIndex, level_known, resolve_ids, suggest};
use super::{Ctx, Entry, Owner, lf, limits};

/// The ids a hazard may name.
pub(super) struct HazardIds<'a, 'b> {
    pub(super) nodes: &'b NodeIndex<'a>,
    pub(super) flags: &'b HashMap<&'a str, usize>,
    pub(super) facts: &'b HashMap<&'a str, usize>,
    pub(super) sources: &'b HashMap<&'a str, usize>,
}

/// The risk rating from which `check` warns (DCB0129: 4 is "mandatory elimination of the
/// hazard or a control to bring the risk down", 5 "unacceptable").
pub const HIGH_RISK: u8 = 4;

pub(super) fn check_hazard(cx: &mut Ctx, e: &Entry<schema::Hazard>, ids: &HazardIds) -> Hazard {
    let (file, id, h) = (e.file, e.id.get_ref(), e.value.get_ref());
    let owner = Owner::new("hazard", id);
    cx.text(
        file,
        &h.title,
        (&owner, "the title"),
        limits::TITLE * 2,
        false,
    );
    cx.text(file, &h.cause, (&owner, "the cause"), limits::WHY, true);
    cx.text(file, &h.effect, (&owner, "the effect"), limits::WHY, true);
    let severity = scale(
        cx,
        file,
        &owner,
        ("severity", &h.severity),
        HazardSeverity::ALL.map(|s| (s.id(), s)),
    )
    .unwrap_or(HazardSeverity::Catastrophic);
    let likelihoods = Likelihood::ALL.map(|l| (l.id(), l));
    let before = scale(
        cx,
        file,
        &owner,
        ("likelihood", &h.likelihood_before),
        likelihoods,
    )
    .unwrap_or(Likelihood::VeryHigh);
    let after = scale(
        cx,
        file,
        &owner,
        ("likelihood", &h.likelihood_after),
        likelihoods,
    )
    .unwrap_or(Likelihood::VeryHigh);
    let nodes = |cx: &mut Ctx, list: &Spanned<Vec<Spanned<String>>>, question: bool| {
        list.get_ref()
            .iter()
            .filter_map(|s| node_of_kind(cx, file, &owner, s, ids.nodes, question))
            .collect::<Vec<usize>>()
    };
    let hazard = Hazard {
        id: id.clone(),
        title: h.title.get_ref().clone(),
        cause: lf(&h.cause),
        effect: lf(&h.effect),
        severity,
        likelihood_before: before,
        likelihood_after: after,
        flags: resolve_ids(cx, file, &owner, "flag", h.flags.get_ref(), ids.flags),
        facts: resolve_ids(cx, file, &owner, "fact", h.facts.get_ref(), ids.facts),
        questions: nodes(cx, &h.questions, true),
        outcomes: nodes(cx, &h.outcomes, false),
        sources: resolve_ids(cx, file, &owner, "source", h.sources.get_ref(), ids.sources),
        cases: h
            .cases
            .get_ref()
            .iter()
            .map(|c| c.get_ref().clone())
            .collect(),
        residual: h.residual.as_ref().map(lf),
    };
    let none = |l: &Spanned<Vec<Spanned<String>>>| l.get_ref().is_empty();
    if none(&h.flags) && none(&h.facts) && none(&h.questions) {
        cx.error(
            file,
            e.id.span(),
            format!("{owner} has no control: no flag, fact or question"),
            "name what catches it: flags = [...], facts = [...] or questions = [...]",
        );
    }
    for (list, what, hint) in [
        (
            &h.outcomes,
            "no outcome",
            "add outcomes = [\"<outcome id>\"]: the outcomes that must catch it",
        ),
        (
            &h.sources,
            "no source",
            "add sources = [\"<source id>\"]: where the harm and its signs are described",
        ),
        (
            &h.cases,
            "no test case",
            "add cases = [\"<id in tests/atypical.toml>\"]: the cases that prove it is caught",
        ),
    ] {
        if none(list) {
            cx.error(
                file,
                span_or(list, e.id),
                format!("{owner} has {what}"),
                hint,
            );
        }
    }
    for case in h.cases.get_ref() {
        if case.get_ref().trim().is_empty() {
            cx.error(
                file,
                case.span(),
                format!("{owner} names an empty case id"),
                "write the id of a case in tests/atypical.toml",
            );
        }
    }
    let (_, risk_after) = hazard.risks();
    if risk_after >= HIGH_RISK
        && h.residual
            .as_ref()
            .is_none_or(|r| r.get_ref().trim().is_empty())
    {
        cx.warn(
            file,
            h.likelihood_after.span(),
            format!(
                "{owner} is still rated {risk_after} of 5 after its controls ({} harm, {} likelihood)",
                severity.id(),
                after.id()
            ),
            "DCB0129 asks for more control at 4 and above: add a control that lowers the likelihood, or say why the risk is accepted for now in residual = \"...\" for the clinical safety officer",
        );
    }
    hazard
}

/// A value of one of DCB0129's scales, with a "did you mean".
fn scale<T: Copy, const N: usize>(
    cx: &mut Ctx,
    file: usize,
    owner: &Owner,
    (what, s): (&str, &Spanned<String>),
    known: [(&'static str, T); N],
) -> Option<T> {
    let found = known
        .iter()
        .find(|(k, _)| *k == s.get_ref())
        .map(|(_, v)| *v);
    if found.is_none() {
        let names: Vec<&str> = known.iter().map(|(k, _)| *k).collect();
        let hint = suggest(
            s.get_ref(),
            names.iter().copied(),
            &format!("use one of {}", names.join(", ")),
        );
        cx.error(
            file,
            s.span(),
            format!("{owner} has the unknown {what} '{}'", s.get_ref()),
            &hint,
        );
    }
    found
}

/// A question (or an outcome) by id; anything else is an error with a "did you mean".
fn node_of_kind(
    cx: &mut Ctx,
    file: usize,
    owner: &Owner,
    s: &Spanned<String>,
    nodes: &NodeIndex,
    question: bool,
) -> Option<usize> {
    let kind = if question { "question" } else { "outcome" };
    match nodes.get(s.get_ref().as_str()) {
        Some((NodeRef::Question(i), ..)) if question => Some(*i),
        Some((NodeRef::Outcome(i), ..)) if !question => Some(*i),
        found => {
            let known = nodes.iter().filter_map(|(k, (n, ..))| {
                (matches!(n, NodeRef::Question(_)) == question).then_some(*k)
            });
            let hint = suggest(s.get_ref(), known, &format!("name a [{kind}.<id>] table"));
            let what = if found.is_some() {
                format!(
                    "{owner} lists '{}' as {kind}, but it is not one",
                    s.get_ref()
                )
            } else {
                format!("{owner} cites unknown {kind} '{}'", s.get_ref())
            };
            cx.error(file, s.span(), what, &hint);
            None
        }
    }
}

/// Every emergency and urgent flag, and every outcome at urgent or above, belongs to a hazard.
/// Content without a hazard log (older clinic content) gets one warning instead, when it
/// declares red flags at all.
pub(super) fn check_hazard_log(
    cx: &mut Ctx,
    tree: &Tree,
    flags: &[Entry<schema::Flag>],
    outcomes: &[Entry<schema::Outcome>],
) {
    if tree.hazards.is_empty() {
        if let Some(e) = flags.first() {
            cx.warn(
                e.file,
                e.id.span(),
                "no hazard log: the content declares red flags but no [hazard.*]".into(),
                "add hazards.toml with a [hazard.<id>] for each way a person could be harmed (docs/content-format.md)",
            );
        }
        return;
    }
    for (i, flag) in tree.flags.iter().enumerate() {
        let e = &flags[i];
        if flag.level >= Level::Urgent
            && level_known(&e.value.get_ref().level)
            && !tree.hazards.iter().any(|h| h.flags.contains(&i))
        {
            cx.error(
                e.file,
                e.id.span(),
                format!(
                    "flag '{}' ({}) belongs to no hazard",
                    flag.id, flag.level
                ),
                "add it to the flags of the [hazard.<id>] in hazards.toml it controls (the harm if it is missed), or add a hazard for it",
            );
        }
    }
    for (i, o) in tree.outcomes.iter().enumerate() {
        let e = &outcomes[i];
        if o.level >= Level::Urgent
            && level_known(&e.value.get_ref().level)
            && !tree.hazards.iter().any(|h| h.outcomes.contains(&i))
        {
            cx.error(
                e.file,
                e.id.span(),
                format!("outcome '{}' ({}) belongs to no hazard", o.id, o.level),
                "add it to the outcomes of the [hazard.<id>] in hazards.toml it catches, or add a hazard for it",
            );
        }
    }
}
