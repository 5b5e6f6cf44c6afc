//! Views of the content for people who review it: a flowchart (Graphviz DOT, Mermaid) and a
//! printable Markdown handout. Pure functions from a [`Tree`] to text; the CLI writes them.

use std::collections::{HashSet, VecDeque};
use std::fmt::Write;

use crate::config::Config;
use crate::content::{Answer, Level, NodeRef, Route, Tree, markup};

/// The export formats `aftercare export --format` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Dot,
    Mermaid,
    Markdown,
}

/// Renders the tree in a format.
pub fn export(tree: &Tree, config: &Config, format: Format) -> String {
    match format {
        Format::Dot => dot(tree),
        Format::Mermaid => mermaid(tree),
        Format::Markdown => markdown(tree, config),
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
fn edges(tree: &Tree, o: &Answer) -> Vec<(NodeRef, String)> {
    let mut out = vec![(o.next, o.label.clone())];
    for r in &o.routes {
        out.push((r.next, format!("if {}: {}", route_facts(tree, r), o.label)));
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

/// Wraps a label for a box about 28 characters wide.
fn wrap_label(text: &str, sep: &str) -> String {
    textwrap::wrap(text, 28).join(sep)
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
pub fn dot(tree: &Tree) -> String {
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
                let text = wrap_label(&q.text, "\\n");
                if q.emergency_screen {
                    let _ = writeln!(
                        s,
                        "  {id} [shape=box, style=\"rounded,bold,filled\", fillcolor=\"#ffe0e0\", color=\"#c00000\", penwidth=2, label=\"EMERGENCY SCREEN\\n{}\"];",
                        dot_escape(&text)
                    );
                } else {
                    let _ = writeln!(
                        s,
                        "  {id} [shape=box, style=rounded, label=\"{}\"];",
                        dot_escape(&text)
                    );
                }
            }
            NodeRef::Outcome(o) => {
                let o = &tree.outcomes[o];
                let (sym, fill, shape) = level_style(o.level);
                let text = wrap_label(&o.title, "\\n");
                let _ = writeln!(
                    s,
                    "  {id} [shape={shape}, style=filled, fillcolor=\"{fill}\", label=\"{sym} {}\\n{}\"];",
                    o.level.id().to_uppercase(),
                    dot_escape(&text)
                );
            }
        }
    }
    for n in reading_order(tree) {
        if let NodeRef::Question(q) = n {
            for o in &tree.questions[q].options {
                let style = if o.not_sure { ", style=dashed" } else { "" };
                for (target, label) in edges(tree, o) {
                    let _ = writeln!(
                        s,
                        "  {} -> {} [label=\"{}\"{style}];",
                        node_id(tree, n),
                        node_id(tree, target),
                        dot_escape(&wrap_label(&label, "\\n"))
                    );
                }
            }
        }
    }
    s.push_str("}\n");
    s
}

fn mermaid_text(s: &str) -> String {
    s.replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
}

/// The question graph as a Mermaid flowchart (renders on GitHub and in many editors).
pub fn mermaid(tree: &Tree) -> String {
    let mut s = String::from("flowchart TD\n");
    for n in reading_order(tree) {
        let id = node_id(tree, n);
        match n {
            NodeRef::Question(q) => {
                let q = &tree.questions[q];
                let text = mermaid_label(&q.text);
                if q.emergency_screen {
                    let _ = writeln!(s, "  {id}[[\"EMERGENCY SCREEN<br>{text}\"]]:::screen");
                } else {
                    let _ = writeln!(s, "  {id}[\"{text}\"]");
                }
            }
            NodeRef::Outcome(o) => {
                let o = &tree.outcomes[o];
                let (sym, _, _) = level_style(o.level);
                let text = mermaid_label(&o.title);
                let _ = writeln!(
                    s,
                    "  {id}([\"{sym} {}<br>{text}\"]):::{}",
                    o.level.id().to_uppercase(),
                    o.level.id()
                );
            }
        }
    }
    for n in reading_order(tree) {
        if let NodeRef::Question(q) = n {
            for o in &tree.questions[q].options {
                let arrow = if o.not_sure { "-.->" } else { "-->" };
                for (target, label) in edges(tree, o) {
                    let _ = writeln!(
                        s,
                        "  {} {arrow}|\"{}\"| {}",
                        node_id(tree, n),
                        mermaid_text(&label),
                        node_id(tree, target)
                    );
                }
            }
        }
    }
    for l in Level::ALL {
        let (_, fill, _) = level_style(l);
        let _ = writeln!(s, "  classDef {} fill:{fill},stroke:#333", l.id());
    }
    s.push_str("  classDef screen fill:#ffe0e0,stroke:#c00000,stroke-width:3px\n");
    s
}

fn anchor(tree: &Tree, n: NodeRef) -> String {
    node_id(tree, n).replace('_', "-").to_lowercase()
}

/// A printable handout for clinical review: every question, every outcome in full, every topic
/// and source, in the order a person meets them.
pub fn markdown(tree: &Tree, config: &Config) -> String {
    let fill = |t: &str| config.fill(t).into_owned();
    let mut s = String::new();
    let _ = writeln!(s, "# {} — content for review\n", tree.meta.title);
    let _ = writeln!(
        s,
        "Content version **{}**. {} questions, {} outcomes, {} topics, {} sources.\n",
        tree.meta.version,
        tree.questions.len(),
        tree.outcomes.len(),
        tree.topics.len(),
        tree.sources.len()
    );
    let _ = writeln!(
        s,
        "Placeholders are shown filled with this config: emergency number *{}*, clinic phone *{}*.\n",
        config.clinic.emergency,
        config.clinic.phone_words()
    );
    s.push_str("Every session starts at the first question (an emergency screen). After each outcome the person may check another symptom, which starts at ");
    let _ = writeln!(
        s,
        "[{}](#{}); the overall result is the most urgent one.\n",
        tree.questions[tree.meta.another].id,
        anchor(tree, tree.another())
    );
    let legend: Vec<String> = (Level::ALL.iter())
        .map(|&l| format!("{} {}", level_style(l).0, l.id()))
        .collect();
    let _ = writeln!(
        s,
        "Levels: {}. Dashed/\"not sure\" answers must lead to the safer branch.\n",
        legend.join(" · ")
    );
    let order = reading_order(tree);
    // An overview a clinician can check first: how many outcomes at each level.
    s.push_str("| level | outcomes |\n| --- | --- |\n");
    for l in Level::ALL.iter().rev() {
        let n = tree.outcomes.iter().filter(|o| o.level == *l).count();
        let _ = writeln!(s, "| {} {} | {n} |", level_style(*l).0, l.id());
    }
    s.push('\n');
    s.push_str("## Questions\n\n");
    for (n, &node) in order
        .iter()
        .filter(|n| matches!(n, NodeRef::Question(_)))
        .enumerate()
    {
        let NodeRef::Question(q) = node else { continue };
        let q = &tree.questions[q];
        let _ = writeln!(
            s,
            "### <a id=\"{}\"></a>Q{}. {}\n",
            anchor(tree, node),
            n + 1,
            fill(&q.text)
        );
        let _ = writeln!(
            s,
            "`{}`{}\n",
            q.id,
            if q.emergency_screen {
                " — **emergency screen**"
            } else {
                ""
            }
        );
        if let Some(h) = &q.help {
            let _ = writeln!(s, "> {}\n", fill(h));
        }
        s.push_str("| # | answer | leads to |\n| --- | --- | --- |\n");
        for (i, o) in q.options.iter().enumerate() {
            let target = match o.next {
                NodeRef::Question(t) => format!(
                    "question [{}](#{})",
                    tree.questions[t].id,
                    anchor(tree, o.next)
                ),
                NodeRef::Outcome(t) => {
                    let out = &tree.outcomes[t];
                    format!(
                        "{} **{}** [{}](#{})",
                        level_style(out.level).0,
                        out.level.id(),
                        out.id,
                        anchor(tree, o.next)
                    )
                }
            };
            let mut target = target;
            for r in &o.routes {
                let to = match r.next {
                    NodeRef::Question(t) => tree.questions[t].id.as_str(),
                    NodeRef::Outcome(t) => tree.outcomes[t].id.as_str(),
                };
                let _ = write!(
                    target,
                    "; if {}: [{to}](#{})",
                    route_facts(tree, r),
                    anchor(tree, r.next)
                );
            }
            let sure = if o.not_sure { " *(not sure)*" } else { "" };
            let _ = writeln!(
                s,
                "| {} | {}{sure} | {target} |",
                i + 1,
                o.label.replace('|', "\\|")
            );
        }
        s.push('\n');
    }
    s.push_str("## Outcomes\n\n");
    for &node in order.iter().filter(|n| matches!(n, NodeRef::Outcome(_))) {
        let NodeRef::Outcome(o) = node else { continue };
        let o = &tree.outcomes[o];
        let _ = writeln!(
            s,
            "### <a id=\"{}\"></a>{} {} — {}\n",
            anchor(tree, node),
            level_style(o.level).0,
            o.level.word(),
            fill(&o.title)
        );
        let _ = writeln!(s, "`{}` · level **{}**\n", o.id, o.level.id());
        s.push_str("**Do this now**\n\n");
        for i in &o.now {
            let _ = writeln!(s, "- {}", fill(i));
        }
        s.push_str("\n**Get help if…**\n\n");
        for i in &o.watch {
            let _ = writeln!(s, "- {}", fill(i));
        }
        if let Some(w) = &o.why {
            let _ = writeln!(s, "\n**Why:** {}", fill(w));
        }
        if !o.topics.is_empty() {
            let t: Vec<String> = o
                .topics
                .iter()
                .map(|&t| format!("[{}](#topic-{})", tree.topics[t].title, tree.topics[t].id))
                .collect();
            let _ = writeln!(s, "\n**Read more:** {}", t.join(", "));
        }
        let _ = writeln!(s, "\n**Sources:** {}\n", source_links(tree, &o.sources));
    }
    s.push_str("## Explanation topics\n\n");
    for t in &tree.topics {
        let _ = writeln!(s, "### <a id=\"topic-{}\"></a>{}\n", t.id, t.title);
        let _ = writeln!(s, "*{}*\n", fill(&t.summary));
        for block in markup::parse(&t.body) {
            match block {
                markup::Block::Paragraph(r) => {
                    let _ = writeln!(s, "{}\n", fill(&md_runs(&r)));
                }
                markup::Block::Bullet(r) => {
                    let _ = writeln!(s, "- {}", fill(&md_runs(&r)));
                }
                markup::Block::Term { term, definition } => {
                    let _ = writeln!(s, "**{term}**: {}\n", fill(&md_runs(&definition)));
                }
            }
        }
        let _ = writeln!(s, "\nSources: {}\n", source_links(tree, &t.sources));
    }
    s.push_str("## Sources\n\n");
    for src in &tree.sources {
        let status = match src.status {
            crate::content::SourceStatus::Verified => "checked at the publisher",
            crate::content::SourceStatus::Secondary => "seen in a secondary copy",
        };
        let mut line = format!(
            "- <a id=\"source-{}\"></a>`{}` — {}",
            src.id, src.id, src.title
        );
        if let Some(p) = &src.publisher {
            let _ = write!(line, ". {p}");
        }
        if let Some(u) = &src.url {
            let _ = write!(line, ". <{u}>");
        }
        let _ = writeln!(s, "{line} ({status})");
    }
    s
}

/// Links to the handout's source list, one per cited source.
fn source_links(tree: &Tree, sources: &[usize]) -> String {
    sources
        .iter()
        .map(|&i| format!("[{0}](#source-{0})", tree.sources[i].id))
        .collect::<Vec<_>>()
        .join(", ")
}

fn md_runs(runs: &[markup::Run]) -> String {
    runs.iter()
        .map(|r| {
            if r.emphasis {
                format!("*{}*", r.text)
            } else {
                r.text.clone()
            }
        })
        .collect()
}
