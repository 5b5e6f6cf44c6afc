//! Views of the content for people who review it: a flowchart (Graphviz DOT, Mermaid) and a
//! printable Markdown handout ([`markdown`]). Pure functions from a [`Tree`] and the clinic
//! [`Config`] to text; the CLI writes them. Every placeholder (`{emergency}`, `{clinic_phone}`)
//! is filled from the config, in every format, so a reviewer reads what a person will see.

mod hazards;
mod markdown;

pub use hazards::{hazard_entries, hazard_log};
pub use markdown::{markdown, outcome_handout};

use std::collections::{HashSet, VecDeque};
use std::fmt::Write;

use crate::config::Config;
use crate::content::{Answer, Level, NodeRef, Route, Tree};

/// The export formats `aftercare export --format` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Dot,
    Mermaid,
    Markdown,
    /// The hazard log (DCB0129) for a clinical safety officer.
    Hazards,
}

/// Renders the tree in a format.
pub fn export(tree: &Tree, config: &Config, format: Format) -> String {
    match format {
        Format::Dot => dot(tree, config),
        Format::Mermaid => mermaid(tree, config),
        Format::Markdown => markdown(tree, config),
        Format::Hazards => hazard_log(tree, config),
    }
}

/// Questions and outcomes in the order a person meets them (breadth first from the start).
pub fn reading_order(tree: &Tree) -> Vec<NodeRef> {
    let mut seen = HashSet::from([tree.start()]);
    let mut queue = VecDeque::from([tree.start()]);
    let mut order = Vec::new();
    while let Some(n) = queue.pop_front() {
        order.push(n);
        if let NodeRef::Question(q) = n {
            for t in tree.questions[q].options.iter().flat_map(|o| o.targets()) {
                if seen.insert(t) {
                    queue.push_back(t);
                }
            }
        }
    }
    order
}

/// An answer's edges for a flowchart: its default target, then each route labelled with the
/// facts it needs ("if pregnant: ...").
fn edges(tree: &Tree, config: &Config, o: &Answer) -> Vec<(NodeRef, String)> {
    let label = config.fill(&o.label);
    let mut out = vec![(o.next, label.to_string())];
    for r in &o.routes {
        out.push((r.next, format!("if {}: {label}", route_facts(tree, r))));
    }
    out
}

/// The facts a route needs, as words: "head_knock and thinners".
fn route_facts(tree: &Tree, r: &Route) -> String {
    let facts: Vec<&str> = r
        .when
        .iter()
        .filter_map(|&f| tree.facts.get(f).map(|f| f.id.as_str()))
        .collect();
    facts.join(" and ")
}

fn node_id(tree: &Tree, n: NodeRef) -> String {
    let (prefix, id) = match n {
        NodeRef::Question(q) => ("q_", tree.questions[q].id.as_str()),
        NodeRef::Outcome(o) => ("o_", tree.outcomes[o].id.as_str()),
    };
    let clean: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("{prefix}{clean}")
}

/// Wraps a label for a box about 28 characters wide and escapes each line for DOT, joining the
/// lines with DOT's line break (`\n` inside a quoted label). The break is added after escaping:
/// escaped with the text, it would become `\\n` and Graphviz would draw a literal "\n".
fn dot_label(text: &str) -> String {
    textwrap::wrap(text, 28)
        .iter()
        .map(|l| dot_escape(l))
        .collect::<Vec<_>>()
        .join("\\n")
}

/// Wraps a label and escapes each line for Mermaid, joining lines with `<br>`.
fn mermaid_label(text: &str) -> String {
    textwrap::wrap(text, 28)
        .iter()
        .map(|l| mermaid_text(l))
        .collect::<Vec<_>>()
        .join("<br>")
}

fn level_style(level: Level) -> (&'static str, &'static str, &'static str) {
    // (symbol, fill colour, DOT shape): shape and symbol carry the level without colour. The
    // symbol is the app's own (`words::level_symbol`), so the chart matches the screens.
    let (fill, shape) = match level {
        Level::Expected => ("#c8f0c8", "ellipse"),
        Level::Therapist => ("#c8e6fa", "ellipse"),
        Level::Doctor => ("#fff3b0", "hexagon"),
        Level::Urgent => ("#ffd2a0", "octagon"),
        Level::Emergency => ("#ff9a9a", "doubleoctagon"),
    };
    (crate::words::level_symbol(level, false), fill, shape)
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The question graph as Graphviz DOT.
pub fn dot(tree: &Tree, config: &Config) -> String {
    let fill = |t: &str| config.fill(t).into_owned();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "// {} (content version {}). Regenerate: aftercare export --format dot",
        tree.meta.title, tree.meta.version
    );
    s.push_str("digraph aftercare {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for n in reading_order(tree) {
        let id = node_id(tree, n);
        match n {
            NodeRef::Question(q) => {
                let q = &tree.questions[q];
                let text = dot_label(&fill(&q.text));
                if q.emergency_screen {
                    let _ = writeln!(
                        s,
                        "  {id} [shape=box, style=\"rounded,bold,filled\", fillcolor=\"#ffe0e0\", color=\"#c00000\", penwidth=2, label=\"EMERGENCY SCREEN\\n{text}\"];",
                    );
                } else {
                    let _ = writeln!(s, "  {id} [shape=box, style=rounded, label=\"{text}\"];");
                }
            }
            NodeRef::Outcome(o) => {
                let o = &tree.outcomes[o];
                let (sym, fill_colour, shape) = level_style(o.level);
                let _ = writeln!(
                    s,
                    "  {id} [shape={shape}, style=filled, fillcolor=\"{fill_colour}\", label=\"{sym} {}\\n{}\"];",
                    o.level.id().to_uppercase(),
                    dot_label(&fill(&o.title))
                );
            }
        }
    }
    for (from, o) in answers(tree) {
        let style = if o.not_sure { ", style=dashed" } else { "" };
        for (target, label) in edges(tree, config, o) {
            let _ = writeln!(
                s,
                "  {} -> {} [label=\"{}\"{style}];",
                node_id(tree, from),
                node_id(tree, target),
                dot_label(&label)
            );
        }
    }
    s.push_str("}\n");
    s
}

/// Every answer of every question, with its question, in reading order.
fn answers(tree: &Tree) -> impl Iterator<Item = (NodeRef, &Answer)> {
    reading_order(tree).into_iter().flat_map(move |n| {
        let options: &[Answer] = match n {
            NodeRef::Question(q) => &tree.questions[q].options,
            NodeRef::Outcome(_) => &[],
        };
        options.iter().map(move |o| (n, o))
    })
}

fn mermaid_text(s: &str) -> String {
    s.replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
}

/// The question graph as a Mermaid flowchart (renders on GitHub and in many editors).
pub fn mermaid(tree: &Tree, config: &Config) -> String {
    let fill = |t: &str| config.fill(t).into_owned();
    let mut s = String::from("flowchart TD\n");
    for n in reading_order(tree) {
        let id = node_id(tree, n);
        match n {
            NodeRef::Question(q) => {
                let q = &tree.questions[q];
                let text = mermaid_label(&fill(&q.text));
                if q.emergency_screen {
                    let _ = writeln!(s, "  {id}[[\"EMERGENCY SCREEN<br>{text}\"]]:::screen");
                } else {
                    let _ = writeln!(s, "  {id}[\"{text}\"]");
                }
            }
            NodeRef::Outcome(o) => {
                let o = &tree.outcomes[o];
                let (sym, _, _) = level_style(o.level);
                let text = mermaid_label(&fill(&o.title));
                let _ = writeln!(
                    s,
                    "  {id}([\"{sym} {}<br>{text}\"]):::{}",
                    o.level.id().to_uppercase(),
                    o.level.id()
                );
            }
        }
    }
    for (from, o) in answers(tree) {
        let arrow = if o.not_sure { "-.->" } else { "-->" };
        for (target, label) in edges(tree, config, o) {
            let _ = writeln!(
                s,
                "  {} {arrow}|\"{}\"| {}",
                node_id(tree, from),
                mermaid_text(&label),
                node_id(tree, target)
            );
        }
    }
    for l in Level::ALL {
        let (_, fill, _) = level_style(l);
        let _ = writeln!(s, "  classDef {} fill:{fill},stroke:#333", l.id());
    }
    s.push_str("  classDef screen fill:#ffe0e0,stroke:#c00000,stroke-width:3px\n");
    s
}
