//! The paths a person can take through a tree, walked as a `triage::Session` would: routes are
//! followed when the facts told earlier on the path (or in an earlier check) allow them. A path
//! is named by its answers' ids, never by their labels or their place in the file, so a reworded
//! label or a moved question is the same path.

use std::collections::HashMap;

use crate::content::{NodeRef, Tree};

/// One walk from a starting question to an outcome.
#[derive(Debug, Clone)]
pub struct Walk {
    /// `(question index, option index)` per answer, in order.
    pub answers: Vec<(usize, usize)>,
    pub outcome: usize,
    /// The facts known at the end (indexed like `Tree::facts`).
    pub known: Vec<bool>,
    /// Whether a route (not an answer's `next`) was taken on the way.
    pub routed: bool,
}

/// Every walk from `start` with the facts `known` at the beginning, depth first in the order
/// of the answers.
pub fn walks(tree: &Tree, start: NodeRef, known: &[bool]) -> Vec<Walk> {
    // A replay that is given no answers takes every answer at every question.
    replay_with(tree, start, known, &HashMap::new(), false).unwrap_or_default()
}

/// A walk's name: `question=answer` per step, joined by `/`.
pub fn key(tree: &Tree, answers: &[(usize, usize)]) -> String {
    let mut s = String::new();
    for (n, &(q, a)) in answers.iter().enumerate() {
        if n > 0 {
            s.push('/');
        }
        let q = &tree.questions[q];
        s.push_str(&q.id);
        s.push('=');
        s.push_str(&q.options[a].id);
    }
    s
}

/// What a walk of one tree becomes in another: every walk of `tree` that gives the same answer
/// (by id) wherever it meets a question the original walk answered, and any answer to a question
/// it did not meet (a question added on the way). `None` when an answer given is no longer
/// offered (the path is gone).
pub fn replay(
    tree: &Tree,
    start: NodeRef,
    known: &[bool],
    given: &HashMap<&str, &str>,
) -> Option<Vec<Walk>> {
    replay_with(tree, start, known, given, false)
}

/// As [`replay`], for a path whose answer is gone: where the new tree no longer offers the answer
/// given, the person picks any of the answers it offers (as at a question added on the way).
pub fn replay_gone(
    tree: &Tree,
    start: NodeRef,
    known: &[bool],
    given: &HashMap<&str, &str>,
) -> Option<Vec<Walk>> {
    replay_with(tree, start, known, given, true)
}

fn replay_with(
    tree: &Tree,
    start: NodeRef,
    known: &[bool],
    given: &HashMap<&str, &str>,
    any_for_gone: bool,
) -> Option<Vec<Walk>> {
    let mut out = Vec::new();
    let mut answers = Vec::new();
    let mut known = known.to_vec();
    // With `any_for_gone` the walk never breaks: a missing answer opens every answer instead.
    let mut broken = false;
    let given = Given {
        ids: given,
        any_for_gone,
    };
    replay_from(
        tree,
        start,
        &mut known,
        &given,
        &mut answers,
        (false, &mut broken),
        &mut out,
    );
    (!broken && !out.is_empty()).then_some(out)
}

/// The answers a replay gives, and what it does where one is no longer offered.
struct Given<'a, 't> {
    ids: &'a HashMap<&'t str, &'t str>,
    any_for_gone: bool,
}

fn replay_from(
    tree: &Tree,
    node: NodeRef,
    known: &mut Vec<bool>,
    given: &Given,
    answers: &mut Vec<(usize, usize)>,
    (routed, broken): (bool, &mut bool),
    out: &mut Vec<Walk>,
) {
    let q = match node {
        NodeRef::Outcome(o) => {
            out.push(Walk {
                answers: answers.clone(),
                outcome: o,
                known: known.clone(),
                routed,
            });
            return;
        }
        NodeRef::Question(q) => q,
    };
    let question = &tree.questions[q];
    let options: Vec<usize> = match given.ids.get(question.id.as_str()) {
        Some(id) => match question.options.iter().position(|a| a.id == *id) {
            Some(i) => vec![i],
            None if given.any_for_gone => (0..question.options.len()).collect(),
            None => {
                *broken = true;
                return;
            }
        },
        None => (0..question.options.len()).collect(),
    };
    for i in options {
        let a = &question.options[i];
        let before = known.clone();
        for &f in &a.sets {
            if let Some(k) = known.get_mut(f) {
                *k = true;
            }
        }
        let next = a.resolve(known);
        answers.push((q, i));
        replay_from(
            tree,
            next,
            known,
            given,
            answers,
            (routed || next != a.next, broken),
            out,
        );
        answers.pop();
        *known = before;
    }
}

/// The answers of a walk by id: question id to answer id.
pub fn given<'t>(tree: &'t Tree, answers: &[(usize, usize)]) -> HashMap<&'t str, &'t str> {
    answers
        .iter()
        .map(|&(q, a)| {
            let q = &tree.questions[q];
            (q.id.as_str(), q.options[a].id.as_str())
        })
        .collect()
}

/// The ids of the known facts, in the tree's order.
pub fn fact_ids<'t>(tree: &'t Tree, known: &[bool]) -> Vec<&'t str> {
    tree.facts
        .iter()
        .zip(known)
        .filter(|(_, k)| **k)
        .map(|(f, _)| f.id.as_str())
        .collect()
}
