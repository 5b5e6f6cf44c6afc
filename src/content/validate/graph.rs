//! The graph: reachability, no cycles, red flags first, "not sure" never less safe than a
//! definite answer, and explanations linked from somewhere.

use std::collections::VecDeque;

use foldhash::HashSet;

use super::super::schema;
use super::super::tree::{Answer, Level, NodeRef, Tree};
use super::nodes::NodeIndex;
use super::{Ctx, Entry};

/// Where a node leads, each with the answer that leads there.
type Edges<'t> = Vec<(NodeRef, &'t str)>;

/// Reachability, cycles and the red-flags-first rule, over the resolved graph.
/// Returns the safety floor of every question (see `floors`) when the questions are free of
/// cycles, which the later graph rules need; `None` when there is a cycle.
pub(super) fn check_graph<'t>(
    cx: &mut Ctx,
    tree: &'t Tree,
    qs: &[Entry<schema::Question>],
    os: &[Entry<schema::Outcome>],
    nodes: &NodeIndex,
) -> Option<Vec<Option<Level>>> {
    let valid = |n: NodeRef| match n {
        NodeRef::Question(i) => i < tree.questions.len(),
        NodeRef::Outcome(i) => i < tree.outcomes.len(),
    };
    // Where a node leads, and the answer that leads there, into a list kept between calls: a
    // large tree has tens of thousands of nodes, and a list each would cost as much as the walk.
    let edges = |n: NodeRef, out: &mut Edges<'t>| {
        out.clear();
        match n {
            NodeRef::Question(i) => out.extend(
                tree.questions[i]
                    .options
                    .iter()
                    .flat_map(|o| o.targets().map(move |t| (t, o.label.as_str())))
                    .filter(|(t, _)| valid(*t)),
            ),
            NodeRef::Outcome(_) => out.push((tree.another(), "Check another symptom")),
        }
    };
    // Reachability from the start: one flag per node, questions first, then outcomes.
    let slot = |n: NodeRef| slot(tree.questions.len(), n);
    let mut seen = vec![false; tree.questions.len() + tree.outcomes.len()];
    seen[slot(tree.start())] = true;
    let mut queue = VecDeque::from([tree.start()]);
    let mut next = Vec::new();
    while let Some(n) = queue.pop_front() {
        edges(n, &mut next);
        for &(m, _) in &next {
            if !std::mem::replace(&mut seen[slot(m)], true) {
                queue.push_back(m);
            }
        }
    }
    // An id defined twice is already an error; don't also call its second copy unreachable.
    let first = |id: &str, n: NodeRef| nodes.get(id).is_some_and(|(m, ..)| *m == n);
    for (i, e) in qs.iter().enumerate() {
        if !seen[slot(NodeRef::Question(i))] && first(e.id.get_ref(), NodeRef::Question(i)) {
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
        if !seen[slot(NodeRef::Outcome(i))] && first(e.id.get_ref(), NodeRef::Outcome(i)) {
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
pub(super) fn floors(tree: &Tree) -> Vec<Level> {
    let n = tree.questions.len();
    let mut floor: Vec<Option<Level>> = vec![None; n];
    // One stack for every root: most roots were reached from an earlier one.
    let mut stack = Vec::new();
    for root in 0..n {
        stack.push(root);
        while let Some(&q) = stack.last() {
            if floor[q].is_some() {
                stack.pop();
                continue;
            }
            let before = stack.len();
            stack.extend(
                tree.questions[q]
                    .options
                    .iter()
                    .flat_map(Answer::targets)
                    .filter_map(|t| match t {
                        NodeRef::Question(t) if t < n && floor[t].is_none() => Some(t),
                        _ => None,
                    }),
            );
            if stack.len() == before {
                let level = tree.questions[q]
                    .options
                    .iter()
                    .map(|o| answer_floor(tree, &floor, o))
                    .min()
                    .unwrap_or(Level::Emergency);
                floor[q] = Some(level);
                stack.pop();
            }
        }
    }
    floor
        .into_iter()
        .map(|f| f.unwrap_or(Level::Emergency))
        .collect()
}

/// The least urgent level an answer can still end at, whichever of its routes applies.
pub(super) fn answer_floor(tree: &Tree, floor: &[Option<Level>], a: &Answer) -> Level {
    a.targets()
        .map(|t| floor_of(tree, floor, t))
        .min()
        .unwrap_or(Level::Emergency)
}

pub(super) fn floor_of(tree: &Tree, floor: &[Option<Level>], node: NodeRef) -> Level {
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
pub(super) fn check_not_sure_errs_upward(
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
pub(super) fn check_cycles(cx: &mut Ctx, tree: &Tree, qs: &[Entry<schema::Question>]) {
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

/// A node's place in a flat list of every node: the questions first, then the outcomes.
fn slot(questions: usize, node: NodeRef) -> usize {
    match node {
        NodeRef::Question(i) => i,
        NodeRef::Outcome(i) => questions + i,
    }
}

/// A place in the walk: the node, and whether an emergency screen has been answered on the way.
pub(super) type State = (NodeRef, bool);

/// How each state of the walk was first reached: the state before it and the option label
/// chosen. One slot per state, in a flat list (a large tree has tens of thousands of them).
pub(super) struct Parents<'t> {
    questions: usize,
    slots: Vec<Option<(State, &'t str)>>,
}

impl<'t> Parents<'t> {
    fn new(tree: &Tree) -> Self {
        Parents {
            questions: tree.questions.len(),
            slots: vec![None; 2 * (tree.questions.len() + tree.outcomes.len())],
        }
    }

    fn slot(&self, (node, passed): State) -> usize {
        2 * slot(self.questions, node) + usize::from(passed)
    }

    fn get(&self, s: State) -> Option<(State, &'t str)> {
        self.slots[self.slot(s)]
    }

    /// Records how `s` was reached, if it had not been yet; whether it is new.
    fn reach(&mut self, s: State, from: (State, &'t str)) -> bool {
        let slot = self.slot(s);
        let new = self.slots[slot].is_none();
        if new {
            self.slots[slot] = Some(from);
        }
        new
    }
}

/// No path from the start may reach an `expected` outcome without passing an emergency screen.
pub(super) fn check_red_flags_first<'t>(
    cx: &mut Ctx,
    tree: &'t Tree,
    qs: &[Entry<schema::Question>],
    os: &[Entry<schema::Outcome>],
    edges: &dyn Fn(NodeRef, &mut Edges<'t>),
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
    let mut parent = Parents::new(tree);
    // The start is its own parent, so it is never reached again.
    parent.reach(start, (start, ""));
    let mut queue = VecDeque::from([start]);
    let mut reported = vec![false; tree.outcomes.len()];
    let mut next = Vec::new();
    while let Some((node, passed)) = queue.pop_front() {
        if let NodeRef::Outcome(i) = node
            && !passed
            && tree.outcomes[i].level == Level::Expected
            && !std::mem::replace(&mut reported[i], true)
        {
            let path = path_to(&parent, (node, passed), start);
            let e = &os[i];
            cx.error(e.file, e.id.span(),
                    format!("outcome '{}' is 'expected' but can be reached without passing an emergency screen (answers: {path})", e.id.get_ref()),
                    "every path to an expected outcome must first pass a question with emergency_screen = true");
        }
        let passing =
            passed || matches!(node, NodeRef::Question(q) if tree.questions[q].emergency_screen);
        edges(node, &mut next);
        for &(m, label) in &next {
            let s = (m, passing);
            if parent.reach(s, ((node, passed), label)) {
                queue.push_back(s);
            }
        }
    }
}

pub(super) fn path_to(parent: &Parents, mut s: State, start: State) -> String {
    let mut labels = Vec::new();
    while s != start {
        match parent.get(s) {
            Some((p, label)) => {
                labels.push(format!("'{label}'"));
                s = p;
            }
            None => break,
        }
    }
    labels.reverse();
    labels.join(" → ")
}

/// Topics should be linked from an outcome or another topic; an orphan is only in the list.
pub(super) fn check_topic_reach(cx: &mut Ctx, tree: &Tree, topics: &[Entry<schema::Topic>]) {
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
