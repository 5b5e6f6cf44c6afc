//! The changes that are not paths: red flags asked less (or lower), outcomes removed or
//! reworded, and the ids added and removed.

use std::collections::BTreeSet;

use serde::Serialize;

use super::words::{WordOp, word_diff};
use super::{End, end};
use crate::content::{NodeRef, Tree};

/// A red flag asked less, or needing less, than before.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case", tag = "change")]
pub enum FlagChange {
    /// The flag (or one of its signs, `flag.sign`) is no longer asked in a family's branch.
    NotInFamily { family: String, flag: String },
    /// No emergency screen asks it any more.
    NotOnEmergencyScreen { flag: String },
    /// Its level went down.
    Lower {
        flag: String,
        old: String,
        new: String,
    },
    /// The flag is no longer declared.
    Removed { flag: String },
    /// An answer that reported it is gone, or no longer reports it.
    AnswerDropped {
        flag: String,
        question: String,
        answer: String,
        label: String,
    },
}

/// An outcome removed, or whose level, title, "do now" or safety-net lines changed.
#[derive(Debug, Clone, Serialize)]
pub struct OutcomeChange {
    pub id: String,
    pub old: End,
    /// `None`: the outcome was removed.
    pub new: Option<End>,
    pub lines: Vec<LineChange>,
}

/// One line of an outcome added, removed or reworded.
#[derive(Debug, Clone, Serialize)]
pub struct LineChange {
    /// `title`, `now` (do this now) or `watch` (the safety net, with the emergency lines).
    pub part: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
    /// The word diff of a reworded line (empty for a line added or removed).
    pub words: Vec<WordOp>,
}

/// Ids added and removed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Structure {
    pub questions_added: Vec<String>,
    pub questions_removed: Vec<String>,
    /// `question=answer`.
    pub answers_added: Vec<String>,
    pub answers_removed: Vec<String>,
    pub topics_added: Vec<String>,
    pub topics_removed: Vec<String>,
    pub sources_added: Vec<String>,
    pub sources_removed: Vec<String>,
}

impl Structure {
    /// Nothing added or removed.
    pub fn is_empty(&self) -> bool {
        self.lists().iter().all(|(_, l)| l.is_empty())
    }

    /// Each list with its name, in the order they are reported.
    pub fn lists(&self) -> [(&'static str, &Vec<String>); 8] {
        [
            ("questions removed", &self.questions_removed),
            ("answers removed", &self.answers_removed),
            ("topics removed", &self.topics_removed),
            ("sources removed", &self.sources_removed),
            ("questions added", &self.questions_added),
            ("answers added", &self.answers_added),
            ("topics added", &self.topics_added),
            ("sources added", &self.sources_added),
        ]
    }
}

/// The flags (and signs, `flag.sign`) the answers of these questions offer.
fn offered(tree: &Tree, questions: impl Iterator<Item = usize>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for q in questions {
        for a in &tree.questions[q].options {
            for &f in &a.flags {
                let flag = &tree.flags[f];
                if flag.signs.is_empty() {
                    out.insert(flag.id.clone());
                }
                for (s, sign) in flag.signs.iter().enumerate() {
                    if a.offers(f, Some(s)) {
                        out.insert(format!("{}.{}", flag.id, sign.id));
                    }
                }
            }
        }
    }
    out
}

/// Every question reachable from `from`, whatever the facts.
fn branch(tree: &Tree, from: usize) -> Vec<usize> {
    let mut seen = vec![false; tree.questions.len()];
    let mut stack = vec![from];
    let mut out = Vec::new();
    while let Some(q) = stack.pop() {
        if std::mem::replace(&mut seen[q], true) {
            continue;
        }
        out.push(q);
        for t in tree.questions[q].options.iter().flat_map(|a| a.targets()) {
            if let NodeRef::Question(n) = t {
                stack.push(n);
            }
        }
    }
    out
}

/// Red flags asked less, or needing less.
pub fn flags(old: &Tree, new: &Tree) -> Vec<FlagChange> {
    let mut out = Vec::new();
    for f in &old.flags {
        match new.flags.iter().find(|g| g.id == f.id) {
            None => out.push(FlagChange::Removed { flag: f.id.clone() }),
            Some(g) if g.level < f.level => out.push(FlagChange::Lower {
                flag: f.id.clone(),
                old: f.level.id().into(),
                new: g.level.id().into(),
            }),
            Some(_) => {}
        }
    }
    let screens = |t: &Tree| {
        let qs = (0..t.questions.len()).filter(|&q| t.questions[q].emergency_screen);
        offered(t, qs)
    };
    let on_screen = screens(new);
    for flag in screens(old).difference(&on_screen) {
        out.push(FlagChange::NotOnEmergencyScreen { flag: flag.clone() });
    }
    for fam in &old.families {
        let asked_new = match new.families.iter().find(|g| g.id == fam.id) {
            Some(g) => offered(new, branch(new, g.entry).into_iter()),
            None => BTreeSet::new(),
        };
        for flag in offered(old, branch(old, fam.entry).into_iter()).difference(&asked_new) {
            out.push(FlagChange::NotInFamily {
                family: fam.id.clone(),
                flag: flag.clone(),
            });
        }
    }
    for q in &old.questions {
        let nq = new.questions.iter().find(|n| n.id == q.id);
        for a in &q.options {
            let na = nq.and_then(|n| n.options.iter().find(|b| b.id == a.id));
            for &f in &a.flags {
                let id = &old.flags[f].id;
                let kept = na.is_some_and(|b| b.flags.iter().any(|&g| new.flags[g].id == *id));
                if !kept {
                    out.push(FlagChange::AnswerDropped {
                        flag: id.clone(),
                        question: q.id.clone(),
                        answer: a.id.clone(),
                        label: a.label.clone(),
                    });
                }
            }
        }
    }
    out
}

/// Outcomes removed or changed, most urgent first.
pub fn outcomes(old: &Tree, new: &Tree) -> Vec<OutcomeChange> {
    let mut out = Vec::new();
    for (i, o) in old.outcomes.iter().enumerate() {
        let Some(j) = new.outcomes.iter().position(|n| n.id == o.id) else {
            out.push(OutcomeChange {
                id: o.id.clone(),
                old: end(old, i),
                new: None,
                lines: Vec::new(),
            });
            continue;
        };
        let n = &new.outcomes[j];
        let mut lines = Vec::new();
        let titles = (
            std::slice::from_ref(&o.title),
            std::slice::from_ref(&n.title),
        );
        lists(&mut lines, "title", titles.0, titles.1);
        lists(&mut lines, "now", &o.now, &n.now);
        lists(&mut lines, "watch", &o.watch, &n.watch);
        if !lines.is_empty() || n.level != o.level {
            out.push(OutcomeChange {
                id: o.id.clone(),
                old: end(old, i),
                new: Some(end(new, j)),
                lines,
            });
        }
    }
    out.sort_by_key(|c| (c.new.is_some(), std::cmp::Reverse(c.old.level)));
    out
}

/// The lines of one part that were added, removed or reworded: aligned by `similar`, a line
/// replaced by another is one reworded line with its word diff.
fn lists(out: &mut Vec<LineChange>, part: &'static str, old: &[String], new: &[String]) {
    use similar::{Algorithm, DiffOp, capture_diff_slices};
    if old == new {
        return;
    }
    for op in capture_diff_slices(Algorithm::Myers, old, new) {
        let (o, n) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index, old_len, ..
            } => (old_index..old_index + old_len, 0..0),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (0..0, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
        };
        let (o, n) = (&old[o], &new[n]);
        for k in 0..o.len().max(n.len()) {
            let (a, b) = (o.get(k).cloned(), n.get(k).cloned());
            let words = match (&a, &b) {
                (Some(a), Some(b)) => word_diff(a, b),
                _ => Vec::new(),
            };
            out.push(LineChange {
                part,
                old: a,
                new: b,
                words,
            });
        }
    }
}

/// The ids added and removed.
pub fn structure(old: &Tree, new: &Tree) -> Structure {
    fn split(
        old: impl Iterator<Item = String>,
        new: impl Iterator<Item = String>,
    ) -> (Vec<String>, Vec<String>) {
        let (o, n): (BTreeSet<String>, BTreeSet<String>) = (old.collect(), new.collect());
        (
            n.difference(&o).cloned().collect(),
            o.difference(&n).cloned().collect(),
        )
    }
    let answers = |t: &Tree| -> Vec<String> {
        t.questions
            .iter()
            .flat_map(|q| q.options.iter().map(move |a| format!("{}={}", q.id, a.id)))
            .collect()
    };
    let qs = |t: &Tree| t.questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>();
    let (questions_added, questions_removed) = split(qs(old).into_iter(), qs(new).into_iter());
    let (answers_added, answers_removed) =
        split(answers(old).into_iter(), answers(new).into_iter());
    let topics = |t: &Tree| t.topics.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    let (topics_added, topics_removed) = split(topics(old).into_iter(), topics(new).into_iter());
    let sources = |t: &Tree| t.sources.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    let (sources_added, sources_removed) =
        split(sources(old).into_iter(), sources(new).into_iter());
    Structure {
        questions_added,
        questions_removed,
        answers_added,
        answers_removed,
        topics_added,
        topics_removed,
        sources_added,
        sources_removed,
    }
}
