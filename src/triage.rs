//! The triage engine: a [`Session`] walking a [`Tree`], one answer at a time.
//!
//! A session is a list of *walks*: the first starts at the emergency screen, each later one
//! ("check another symptom") starts at `meta.another`. Every finished walk leaves a result, and
//! the overall level is the most urgent of them. No I/O, no clock, no terminal: the app, the
//! plain runner and the tests all drive the same engine.

use crate::content::{Level, NodeRef, Tree};

/// One symptom check: where it began, the answers given, and the outcome if it has ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    pub start: NodeRef,
    /// `(question index, option index)` for each answer, in order.
    pub answers: Vec<(usize, usize)>,
    pub outcome: Option<usize>,
}

impl Walk {
    fn new(start: NodeRef) -> Self {
        Walk {
            start,
            answers: Vec::new(),
            outcome: None,
        }
    }
}

/// Why an engine call did nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// There is no option with that number on this question.
    NoSuchOption,
    /// The walk has ended on an outcome; there is nothing to answer.
    NotAQuestion,
    /// Only an outcome can be followed by another symptom check.
    NotAnOutcome,
    /// Already at the very first question.
    AtStart,
}

/// A person's whole session: every walk, in order. Cheap to clone; holds indices, not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    walks: Vec<Walk>,
}

impl Session {
    /// A new session at the tree's start (the emergency screen).
    pub fn new(tree: &Tree) -> Self {
        Session {
            walks: vec![Walk::new(tree.start())],
        }
    }

    fn walk(&self) -> &Walk {
        // A session always has at least one walk: `new` makes one and `back` never removes the last.
        &self.walks[self.walks.len() - 1]
    }

    fn walk_mut(&mut self) -> &mut Walk {
        let last = self.walks.len() - 1;
        &mut self.walks[last]
    }

    /// Where the person is now.
    pub fn current(&self, tree: &Tree) -> NodeRef {
        let w = self.walk();
        match (w.outcome, w.answers.last()) {
            (Some(o), _) => NodeRef::Outcome(o),
            (None, Some(&(q, opt))) => {
                let answer = &tree.questions[q].options[opt];
                // Facts are only worked out for an answer that has routes to choose between.
                if answer.routes.is_empty() {
                    answer.next
                } else {
                    answer.resolve(&self.known(tree))
                }
            }
            (None, None) => w.start,
        }
    }

    /// What the session has learned about the person so far, indexed like `Tree::facts`: a fact
    /// is known once any answer in any walk has told it. Derived from the answers, so going back
    /// forgets it again and a restart forgets everything.
    pub fn known(&self, tree: &Tree) -> Vec<bool> {
        let mut known = vec![false; tree.facts.len()];
        for &(q, opt) in self.walks.iter().flat_map(|w| w.answers.iter()) {
            for &f in &tree.questions[q].options[opt].sets {
                if let Some(k) = known.get_mut(f) {
                    *k = true;
                }
            }
        }
        known
    }

    /// The earlier result a person must act on first: the most urgent outcome of the finished
    /// walks before the current one, when it is more urgent than where they are now.
    pub fn earlier_first(&self, tree: &Tree) -> Option<usize> {
        let NodeRef::Outcome(now) = self.current(tree) else {
            return None;
        };
        let earlier = &self.walks[..self.walks.len() - 1];
        earlier
            .iter()
            .filter_map(|w| w.outcome)
            .max_by_key(|&o| tree.outcomes[o].level)
            .filter(|&o| tree.outcomes[o].level > tree.outcomes[now].level)
    }

    /// Chooses option `index` (0-based) of the current question.
    pub fn answer(&mut self, tree: &Tree, index: usize) -> Result<NodeRef, Refused> {
        let NodeRef::Question(q) = self.current(tree) else {
            return Err(Refused::NotAQuestion);
        };
        if index >= tree.questions[q].options.len() {
            return Err(Refused::NoSuchOption);
        }
        let w = self.walk_mut();
        w.answers.push((q, index));
        // Facts this answer tells count at once: it can route on what it sets.
        let next = self.current(tree);
        let w = self.walk_mut();
        if let NodeRef::Outcome(o) = next {
            w.outcome = Some(o);
        }
        Ok(next)
    }

    /// Undoes the last answer; from the first question of a later walk, returns to the previous
    /// outcome. Returns where the person is now.
    pub fn back(&mut self, tree: &Tree) -> Result<NodeRef, Refused> {
        let w = self.walk_mut();
        if w.answers.pop().is_some() {
            w.outcome = None;
        } else if self.walks.len() > 1 {
            self.walks.pop();
        } else {
            return Err(Refused::AtStart);
        }
        Ok(self.current(tree))
    }

    /// Starts again from nothing.
    pub fn restart(&mut self, tree: &Tree) {
        *self = Session::new(tree);
    }

    /// After an outcome, begins another symptom check; earlier results stay.
    pub fn check_another(&mut self, tree: &Tree) -> Result<NodeRef, Refused> {
        if self.walk().outcome.is_none() {
            return Err(Refused::NotAnOutcome);
        }
        self.walks.push(Walk::new(tree.another()));
        Ok(tree.another())
    }

    /// Every walk so far, the current one last.
    pub fn walks(&self) -> &[Walk] {
        &self.walks
    }

    /// The answers of the current walk (for the breadcrumb).
    pub fn answers(&self) -> &[(usize, usize)] {
        &self.walk().answers
    }

    /// The outcome of every finished walk, in order.
    pub fn results(&self) -> Vec<usize> {
        self.walks.iter().filter_map(|w| w.outcome).collect()
    }

    /// The results to show a person: each outcome once, in the order first reached (checking
    /// the same symptom twice should not list it twice).
    pub fn distinct_results(&self) -> Vec<usize> {
        let mut seen = Vec::new();
        for o in self.results() {
            if !seen.contains(&o) {
                seen.push(o);
            }
        }
        seen
    }

    /// The most urgent level among the results; `None` before the first outcome.
    pub fn overall(&self, tree: &Tree) -> Option<Level> {
        self.results()
            .into_iter()
            .map(|o| tree.outcomes[o].level)
            .max()
    }

    /// Whether the person has answered anything yet (quitting then asks to confirm).
    pub fn is_started(&self) -> bool {
        self.walks.len() > 1 || !self.walk().answers.is_empty()
    }
}
