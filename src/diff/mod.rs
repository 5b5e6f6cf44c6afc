//! What a content change does to people: two trees compared by their ids, over every path a
//! person can take from the first screen (routes included), and over the red flags, the outcomes'
//! wording and the ids of everything else. Pure: no I/O, no printing; `aftercare diff` (src/cli)
//! loads the folders and writes the [`Report`] for people, as Markdown, JSON or a review pack.
//!
//! A path is a person's answers, named by question and answer ids (`emergency_screen=none/...`).
//! An old path is replayed on the new tree by those ids: wherever the new tree asks a question the
//! old path answered, it gives the same answer; a question the old path never met (one added on
//! the way) may be answered any way, and the lowest outcome any of those answers reaches is the
//! one compared. A path whose answer is gone is replayed with every answer its question now
//! offers: lower if one of them ends lower, otherwise gone. A path whose branch now asks other questions instead of some it answered is
//! "rerouted": no outcome is certain, and it is a warning when the new questions can end lower. A second check ("check another symptom") after a first that told facts is a path
//! too, when a fact changes where it leads: its name is the first check's, `+`, the second's.

mod changes;
mod paths;
pub mod translation;
mod words;

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::content::{Level, Tree};

pub use changes::{FlagChange, LineChange, OutcomeChange, Structure};
pub use translation::{TextChange, TranslationChange};
pub use words::{WordOp, word_diff};

/// Everything a change does, most serious first.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub old_version: String,
    pub new_version: String,
    /// How many old paths were compared with the new tree.
    pub paths_compared: usize,
    /// Paths whose outcome level went down: errors unless accepted.
    pub lower: Vec<PathChange>,
    /// Paths whose branch now asks other questions (some of their answers are no longer
    /// asked) and that can now end lower than before, by the lowest answers to the new ones.
    pub rerouted: Vec<PathChange>,
    pub flags: Vec<FlagChange>,
    pub outcomes: Vec<OutcomeChange>,
    /// Paths whose outcome level went up.
    pub higher: Vec<PathChange>,
    /// Paths that end at another outcome of the same level.
    pub moved: Vec<PathChange>,
    /// Old paths a person can no longer take: an answer on them is gone.
    pub gone: Vec<PathChange>,
    /// New paths no old path becomes.
    pub new_paths: usize,
    pub structure: Structure,
    /// Each translation's texts that changed, and its texts gone stale (the English changed,
    /// they did not): filled by [`Report::compare_translations`] from the folders' files.
    pub translations: Vec<TranslationChange>,
}

/// One step of a path: the question's id, the answer's id and its label.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub question: String,
    pub answer: String,
    pub label: String,
}

/// An outcome at the end of a path.
#[derive(Debug, Clone, Serialize)]
pub struct End {
    pub outcome: String,
    pub title: String,
    #[serde(serialize_with = "level_id")]
    pub level: Level,
}

fn level_id<S: serde::Serializer>(level: &Level, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(level.id())
}

/// A path whose end changed (or that is gone: then `new` is `None`).
#[derive(Debug, Clone, Serialize)]
pub struct PathChange {
    /// `question=answer/...`; a second check after a first: `first+second`.
    pub key: String,
    /// The first check's steps, for a second check after one that told facts.
    pub earlier: Vec<Step>,
    /// The facts the first check told.
    pub facts: Vec<String>,
    pub steps: Vec<Step>,
    pub old: End,
    pub new: Option<End>,
    /// The new path's name when it differs (a question was added on the way).
    pub new_key: Option<String>,
    /// Named by `--accept-lower`.
    pub accepted: bool,
}

impl PathChange {
    /// Whether `pattern` (from `--accept-lower`) names this change: the old or new outcome's id,
    /// the path's name, or the start of it up to a step (`emergency_screen=none`).
    pub fn named_by(&self, pattern: &str) -> bool {
        self.old.outcome == pattern
            || self.new.as_ref().is_some_and(|n| n.outcome == pattern)
            || self.key == pattern
            || self
                .key
                .strip_prefix(pattern)
                .is_some_and(|rest| rest.starts_with(['/', '+']))
    }
}

impl Report {
    /// Marks the lowered paths `patterns` name as accepted.
    pub fn accept(&mut self, patterns: &[String]) {
        for p in &mut self.lower {
            p.accepted = patterns.iter().any(|pat| p.named_by(pat));
        }
    }

    /// Lowered paths not accepted: the reason `aftercare diff` fails.
    pub fn refused(&self) -> usize {
        self.lower.iter().filter(|p| !p.accepted).count()
    }

    /// Outcomes whose wording changed.
    pub fn reworded(&self) -> usize {
        self.outcomes.iter().filter(|o| !o.lines.is_empty()).count()
    }

    /// Whether the change does nothing a reviewer must look at.
    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
            && self.rerouted.is_empty()
            && self.flags.is_empty()
            && self.outcomes.is_empty()
            && self.higher.is_empty()
            && self.moved.is_empty()
            && self.gone.is_empty()
            && self.new_paths == 0
            && self.structure.is_empty()
            && self.translations.iter().all(TranslationChange::is_empty)
    }

    /// Adds what the change did to each translation, from both versions' files.
    pub fn compare_translations(&mut self, old: &translation::Files, new: &translation::Files) {
        self.translations = translation::compare(old, new);
    }

    /// Translated texts whose English changed while they did not, in every translation.
    pub fn stale(&self) -> usize {
        self.translations.iter().map(|t| t.stale.len()).sum()
    }
}

/// Compares `old` with `new`.
pub fn compare(old: &Tree, new: &Tree) -> Report {
    let mut report = Report {
        old_version: old.meta.version.clone(),
        new_version: new.meta.version.clone(),
        paths_compared: 0,
        lower: Vec::new(),
        rerouted: Vec::new(),
        flags: changes::flags(old, new),
        outcomes: changes::outcomes(old, new),
        higher: Vec::new(),
        moved: Vec::new(),
        gone: Vec::new(),
        new_paths: 0,
        structure: changes::structure(old, new),
        translations: Vec::new(),
    };
    compare_paths(old, new, &mut report);
    // Most serious first: the most urgent before, then the lowest now, then by name.
    let rank = |p: &PathChange| {
        (
            std::cmp::Reverse(p.old.level),
            p.new.as_ref().map(|n| n.level),
        )
    };
    for list in [&mut report.lower, &mut report.rerouted] {
        list.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.key.cmp(&b.key)));
    }
    report
}

/// The two trees compared.
struct Pair<'t> {
    old: &'t Tree,
    new: &'t Tree,
}

fn compare_paths(old: &Tree, new: &Tree, report: &mut Report) {
    let pair = Pair { old, new };
    let no_old = vec![false; old.facts.len()];
    let no_new = vec![false; new.facts.len()];
    let old_walks = paths::walks(old, old.start(), &no_old);
    let new_walks = paths::walks(new, new.start(), &no_new);
    let mut matched = HashSet::new();
    for w in &old_walks {
        let given = paths::given(old, &w.answers);
        let replayed = paths::replay(new, new.start(), &no_new, &given);
        let key = paths::key(old, &w.answers);
        if replayed.is_none() {
            let instead = paths::replay_gone(new, new.start(), &no_new, &given);
            if pair.lowered_by_a_gone_answer(report, key.clone(), w, instead.as_deref()) {
                continue;
            }
        }
        pair.judge(
            report,
            (&[], &[]),
            key,
            w,
            replayed.as_deref(),
            &mut matched,
        );
    }
    report.new_paths += new_walks
        .iter()
        .filter(|w| !matched.contains(&paths::key(new, &w.answers)))
        .count();
    // Second checks: one first check per distinct set of facts it leaves known.
    let mut firsts: BTreeMap<Vec<&str>, (&paths::Walk, bool)> = BTreeMap::new();
    for w in &old_walks {
        firsts
            .entry(paths::fact_ids(old, &w.known))
            .or_insert((w, true));
    }
    for w in &new_walks {
        firsts
            .entry(paths::fact_ids(new, &w.known))
            .or_insert((w, false));
    }
    for (facts, (first, from_old)) in firsts {
        if !facts.is_empty() {
            pair.second_checks(report, &facts, first, from_old);
        }
    }
}

impl Pair<'_> {
    /// The second checks after `first` (a walk of the old tree when `from_old`, else of the new).
    fn second_checks(
        &self,
        report: &mut Report,
        facts: &[&str],
        first: &paths::Walk,
        from_old: bool,
    ) {
        let (home, other) = if from_old {
            (self.old, self.new)
        } else {
            (self.new, self.old)
        };
        let given = paths::given(home, &first.answers);
        let start = other.start();
        let none = vec![false; other.facts.len()];
        let there = paths::replay(other, start, &none, &given)
            .and_then(|w| w.into_iter().next())
            .map(|w| w.known);
        let (old_known, new_known) = if from_old {
            (Some(first.known.clone()), there)
        } else {
            (there, Some(first.known.clone()))
        };
        let first_key = paths::key(home, &first.answers);
        let earlier = steps(home, &first.answers);
        let facts: Vec<String> = facts.iter().map(|f| f.to_string()).collect();
        let mut matched = HashSet::new();
        if let Some(known) = &old_known {
            for w in paths::walks(self.old, self.old.another(), known) {
                let given = paths::given(self.old, &w.answers);
                let replayed = new_known
                    .as_ref()
                    .and_then(|k| paths::replay(self.new, self.new.another(), k, &given));
                let routed = w.routed || replayed.iter().flatten().any(|r| r.routed);
                if routed {
                    let key = format!("{first_key}+{}", paths::key(self.old, &w.answers));
                    let context = (earlier.as_slice(), facts.as_slice());
                    self.judge(report, context, key, &w, replayed.as_deref(), &mut matched);
                }
            }
        }
        if let Some(known) = &new_known {
            report.new_paths += paths::walks(self.new, self.new.another(), known)
                .iter()
                .filter(|w| w.routed && !matched.contains(&paths::key(self.new, &w.answers)))
                .count();
        }
    }

    /// An old path whose answer the new tree no longer offers: the person who gave it now picks
    /// one of the answers offered there. When one of those can end lower, the path is lower
    /// (an error unless accepted), with the lowest walk as its new end; `false` leaves it to
    /// [`Pair::judge`] as a path gone.
    fn lowered_by_a_gone_answer(
        &self,
        report: &mut Report,
        key: String,
        w: &paths::Walk,
        instead: Option<&[paths::Walk]>,
    ) -> bool {
        let level = |r: &&paths::Walk| self.new.outcomes[r.outcome].level;
        let Some(lowest) = instead.and_then(|ws| ws.iter().min_by_key(level)) else {
            return false;
        };
        let old_end = end(self.old, w.outcome);
        let new_end = end(self.new, lowest.outcome);
        if new_end.level >= old_end.level {
            return false;
        }
        report.paths_compared += 1;
        report.lower.push(PathChange {
            key,
            earlier: Vec::new(),
            facts: Vec::new(),
            steps: steps(self.old, &w.answers),
            old: old_end,
            new: Some(new_end),
            new_key: Some(paths::key(self.new, &lowest.answers)),
            accepted: false,
        });
        true
    }

    /// Compares one old walk with what it became, and files the change.
    fn judge(
        &self,
        report: &mut Report,
        (earlier, facts): (&[Step], &[String]),
        key: String,
        w: &paths::Walk,
        replayed: Option<&[paths::Walk]>,
        matched: &mut HashSet<String>,
    ) {
        report.paths_compared += 1;
        let old_end = end(self.old, w.outcome);
        let mut change = PathChange {
            key,
            earlier: earlier.to_vec(),
            facts: facts.to_vec(),
            steps: steps(self.old, &w.answers),
            old: old_end,
            new: None,
            new_key: None,
            accepted: false,
        };
        let Some(replayed) = replayed else {
            report.gone.push(change);
            return;
        };
        // The replays that are the same person: those that meet every question the old path
        // answered (they may also answer a question added on the way), and the one that meets
        // only questions the old path answered (the branch now ends sooner). When neither
        // exists, the branch asks other questions instead of the old ones: "rerouted".
        let old_questions: HashSet<&str> = w
            .answers
            .iter()
            .map(|&(q, _)| self.old.questions[q].id.as_str())
            .collect();
        let same_person = |r: &&paths::Walk| {
            let asked = |&&(q, _): &&(usize, usize)| {
                old_questions.contains(self.new.questions[q].id.as_str())
            };
            let met = r.answers.iter().filter(asked).count();
            met == old_questions.len() || met == r.answers.len()
        };
        let level = |r: &&paths::Walk| self.new.outcomes[r.outcome].level;
        let kept = replayed.iter().filter(same_person).min_by_key(level);
        // A question added before an old one can offer a short cut past it: the same answers
        // then reach a lower outcome without meeting the old questions. That replay is the same
        // person too, and never hidden behind one that still asks everything.
        let any = replayed.iter().min_by_key(level);
        let kept = match (kept, any) {
            (Some(k), Some(a)) if level(&a) < level(&k) => Some(a),
            (k, _) => k,
        };
        let rerouted = kept.is_none();
        let Some(lowest) = kept.or_else(|| replayed.iter().min_by_key(level)) else {
            return;
        };
        let new_end = end(self.new, lowest.outcome);
        let new_key = paths::key(self.new, &lowest.answers);
        // The path this one became; the other answers to a question added on the way are new.
        matched.insert(new_key.clone());
        let (old_level, new_level) = (change.old.level, new_end.level);
        // A question added on the way splits the path: the person who answers it as before
        // (typically "none") and reaches the same outcome is no change; its other answers are
        // new answers, listed with the ids added.
        let same_outcome = new_end.outcome == change.old.outcome;
        let trail = change.key.rsplit('+').next().unwrap_or_default();
        change.new_key = (new_key != trail).then_some(new_key);
        change.new = Some(new_end);
        if rerouted {
            if new_level < old_level {
                report.rerouted.push(change);
            }
        } else if new_level < old_level {
            report.lower.push(change);
        } else if new_level > old_level {
            report.higher.push(change);
        } else if !same_outcome {
            report.moved.push(change);
        }
    }
}

fn end(tree: &Tree, o: usize) -> End {
    let o = &tree.outcomes[o];
    End {
        outcome: o.id.clone(),
        title: o.title.clone(),
        level: o.level,
    }
}

fn steps(tree: &Tree, answers: &[(usize, usize)]) -> Vec<Step> {
    answers
        .iter()
        .map(|&(q, a)| {
            let q = &tree.questions[q];
            Step {
                question: q.id.clone(),
                answer: q.options[a].id.clone(),
                label: q.options[a].label.clone(),
            }
        })
        .collect()
}
