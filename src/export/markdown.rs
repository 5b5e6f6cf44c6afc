//! The printable review handout: every question with where each answer leads, every outcome in
//! full, every topic and source, in the order a person meets them. Each part of the page is a
//! function of its own; placeholders are filled from the clinic config throughout.

use std::fmt::Write;

use super::{level_style, node_id, reading_order, route_facts};
use crate::config::Config;
use crate::content::{Answer, Level, NodeRef, Outcome, Question, Source, Topic, Tree, markup};
use crate::words::{DO_NOW, WATCH};

/// A printable handout for clinical review: every question, every outcome in full, every topic
/// and source, in the order a person meets them.
pub fn markdown(tree: &Tree, config: &Config) -> String {
    let mut s = String::new();
    intro(&mut s, tree, config);
    level_overview(&mut s, tree);
    let order = reading_order(tree);
    s.push_str("## Questions\n\n");
    let questions = order.iter().filter_map(|&n| match n {
        NodeRef::Question(q) => Some((n, &tree.questions[q])),
        NodeRef::Outcome(_) => None,
    });
    for (number, (node, q)) in questions.enumerate() {
        question(&mut s, tree, config, (number + 1, node), q);
    }
    s.push_str("## Outcomes\n\n");
    for &node in &order {
        if let NodeRef::Outcome(o) = node {
            outcome(&mut s, tree, config, node, &tree.outcomes[o]);
        }
    }
    s.push_str("## Explanation topics\n\n");
    for t in &tree.topics {
        topic(&mut s, tree, config, t);
    }
    s.push_str("## Sources\n\n");
    for src in &tree.sources {
        let _ = writeln!(s, "{}", source_line(src));
    }
    s
}

/// The title, the counts, the config the placeholders are filled with, and how to read it.
fn intro(s: &mut String, tree: &Tree, config: &Config) {
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
}

/// An overview a clinician can check first: how many outcomes at each level.
fn level_overview(s: &mut String, tree: &Tree) {
    s.push_str("| level | outcomes |\n| --- | --- |\n");
    for l in Level::ALL.iter().rev() {
        let n = tree.outcomes.iter().filter(|o| o.level == *l).count();
        let _ = writeln!(s, "| {} {} | {n} |", level_style(*l).0, l.id());
    }
    s.push('\n');
}

/// One question (`number` counts from 1): its text, id, help, and a table of its answers.
fn question(
    s: &mut String,
    tree: &Tree,
    config: &Config,
    (number, node): (usize, NodeRef),
    q: &Question,
) {
    let _ = writeln!(
        s,
        "### <a id=\"{}\"></a>Q{number}. {}\n",
        anchor(tree, node),
        config.fill(&q.text)
    );
    let screen = if q.emergency_screen {
        " — **emergency screen**"
    } else {
        ""
    };
    let _ = writeln!(s, "`{}`{screen}\n", q.id);
    if let Some(h) = &q.help {
        let _ = writeln!(s, "> {}\n", config.fill(h));
    }
    s.push_str("| # | answer | leads to |\n| --- | --- | --- |\n");
    for (i, o) in q.options.iter().enumerate() {
        let sure = if o.not_sure { " *(not sure)*" } else { "" };
        let _ = writeln!(
            s,
            "| {} | {}{sure} | {} |",
            i + 1,
            config.fill(&o.label).replace('|', "\\|"),
            answer_target(tree, o)
        );
    }
    s.push('\n');
}

/// Where an answer leads, as links: its default target, then each route with its facts.
fn answer_target(tree: &Tree, o: &Answer) -> String {
    let mut target = match o.next {
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
    target
}

/// One outcome in full: level and title, what to do now, when to get help, why, links, sources.
fn outcome(s: &mut String, tree: &Tree, config: &Config, node: NodeRef, o: &Outcome) {
    let fill = |t: &str| config.fill(t).into_owned();
    let _ = writeln!(
        s,
        "### <a id=\"{}\"></a>{} {} — {}\n",
        anchor(tree, node),
        level_style(o.level).0,
        o.level.word(),
        fill(o.level.title_rest(&o.title))
    );
    let _ = writeln!(s, "`{}` · level **{}**\n", o.id, o.level.id());
    let _ = writeln!(s, "**{DO_NOW}**\n");
    for i in &o.now {
        let _ = writeln!(s, "- {}", fill(i));
    }
    let _ = writeln!(s, "\n**{WATCH}**\n");
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

/// One explanation topic: title, summary, body (its markup as Markdown) and sources.
fn topic(s: &mut String, tree: &Tree, config: &Config, t: &Topic) {
    let fill = |t: &str| config.fill(t).into_owned();
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

/// A source's entry in the list: id (an anchor), title, publisher, address and how it was
/// checked.
fn source_line(src: &Source) -> String {
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
    let _ = write!(line, " ({status})");
    line
}

/// A node's anchor in the handout: `q-notice`, `o-flush-ok`.
fn anchor(tree: &Tree, n: NodeRef) -> String {
    node_id(tree, n).replace('_', "-").to_lowercase()
}

/// Links to the handout's source list, one per cited source.
fn source_links(tree: &Tree, sources: &[usize]) -> String {
    sources
        .iter()
        .map(|&i| format!("[{0}](#source-{0})", tree.sources[i].id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Marked-up text as Markdown: emphasis in asterisks.
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
