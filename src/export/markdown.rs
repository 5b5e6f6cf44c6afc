//! The printable review handout: every question with where each answer leads, every outcome in
//! full, every topic and source, in the order a person meets them. Each part of the page is a
//! function of its own; placeholders are filled from the clinic config throughout.

use std::fmt::Write;

use super::{level_style, node_id, reading_order, route_facts};
use crate::config::Config;
use crate::content::{Answer, Level, NodeRef, Outcome, Question, Source, Topic, Tree, markup};
use crate::i18n::{self, t_args};

/// A printable handout for clinical review: every question, every outcome in full, every topic
/// and source, in the order a person meets them.
pub fn markdown(tree: &Tree, config: &Config) -> String {
    let mut s = String::new();
    intro(&mut s, tree, config);
    level_overview(&mut s, tree);
    let order = reading_order(tree);
    let _ = writeln!(s, "## {}\n", i18n::t("handout-questions"));
    let questions = order.iter().filter_map(|&n| match n {
        NodeRef::Question(q) => Some((n, &tree.questions[q])),
        NodeRef::Outcome(_) => None,
    });
    for (number, (node, q)) in questions.enumerate() {
        question(&mut s, tree, config, (number + 1, node), q);
    }
    let _ = writeln!(s, "## {}\n", i18n::t("handout-outcomes"));
    for &node in &order {
        if let NodeRef::Outcome(o) = node {
            outcome(&mut s, tree, config, node, &tree.outcomes[o]);
        }
    }
    let _ = writeln!(s, "## {}\n", i18n::t("handout-topics"));
    for t in &tree.topics {
        topic(&mut s, tree, config, t);
    }
    let _ = writeln!(s, "## {}\n", i18n::t("handout-sources"));
    for src in &tree.sources {
        let _ = writeln!(s, "{}", source_line(src));
    }
    s
}

/// The handout's part for the outcomes `which` names (indices into `tree.outcomes`), each in
/// full: the outcomes a content change touches, for `aftercare diff --format review`.
pub fn outcome_handout(tree: &Tree, config: &Config, which: &[usize]) -> String {
    let mut s = String::new();
    for &o in which {
        if let Some(out) = tree.outcomes.get(o) {
            outcome(&mut s, tree, config, NodeRef::Outcome(o), out);
        }
    }
    s
}

/// The title, the counts, the config the placeholders are filled with, and how to read it.
fn intro(s: &mut String, tree: &Tree, config: &Config) {
    let title = t_args(
        "handout-title",
        &[("title", tree.meta.title.as_str().into())],
    );
    let _ = writeln!(s, "# {title}\n");
    let counts = t_args(
        "handout-counts",
        &[
            ("version", tree.meta.version.as_str().into()),
            ("questions", tree.questions.len().into()),
            ("outcomes", tree.outcomes.len().into()),
            ("topics", tree.topics.len().into()),
            ("sources", tree.sources.len().into()),
        ],
    );
    let _ = writeln!(s, "{counts}\n");
    let filled = t_args(
        "handout-placeholders",
        &[
            ("number", config.clinic.emergency_words().into()),
            ("phone", config.clinic.phone_words().into()),
        ],
    );
    let _ = writeln!(s, "{filled}\n");
    let start = t_args(
        "handout-start",
        &[
            ("id", tree.questions[tree.meta.another].id.as_str().into()),
            ("anchor", anchor(tree, tree.another()).into()),
        ],
    );
    let _ = writeln!(s, "{start}\n");
    let legend: Vec<String> = (Level::ALL.iter())
        .map(|&l| format!("{} {}", level_style(l).0, l.id()))
        .collect();
    let levels = t_args("handout-levels", &[("legend", legend.join(" · ").into())]);
    let _ = writeln!(s, "{levels}\n");
}

/// An overview a clinician can check first: how many outcomes at each level.
fn level_overview(s: &mut String, tree: &Tree) {
    let _ = writeln!(
        s,
        "| {} | {} |\n| --- | --- |",
        i18n::t("handout-col-level"),
        i18n::t("handout-col-outcomes")
    );
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
        "### <a id=\"{}\"></a>{} {}\n",
        anchor(tree, node),
        t_args("handout-question-number", &[("n", number.into())]),
        config.fill(&q.text)
    );
    let screen = if q.emergency_screen {
        format!(" — **{}**", i18n::t("handout-emergency-screen"))
    } else {
        String::new()
    };
    let _ = writeln!(s, "`{}`{screen}\n", q.id);
    if let Some(h) = &q.help {
        let _ = writeln!(s, "> {}\n", config.fill(h));
    }
    let _ = writeln!(
        s,
        "| # | {} | {} |\n| --- | --- | --- |",
        i18n::t("handout-col-answer"),
        i18n::t("handout-col-leads-to")
    );
    for (i, o) in q.options.iter().enumerate() {
        let sure = if o.not_sure {
            format!(" *({})*", i18n::t("handout-not-sure"))
        } else {
            String::new()
        };
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
        NodeRef::Question(t) => t_args(
            "handout-to-question",
            &[
                ("id", tree.questions[t].id.as_str().into()),
                ("anchor", anchor(tree, o.next).into()),
            ],
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
        target.push_str(&t_args(
            "handout-route",
            &[
                ("facts", route_facts(tree, r).into()),
                ("to", to.into()),
                ("anchor", anchor(tree, r.next).into()),
            ],
        ));
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
    let id = t_args(
        "handout-outcome-id",
        &[("id", o.id.as_str().into()), ("level", o.level.id().into())],
    );
    let _ = writeln!(s, "{id}\n");
    let _ = writeln!(s, "**{}**\n", i18n::t("outcome-do-now"));
    for i in &o.now {
        let _ = writeln!(s, "- {}", fill(i));
    }
    let _ = writeln!(s, "\n**{}**\n", i18n::t("outcome-watch"));
    for i in &o.watch {
        let _ = writeln!(s, "- {}", fill(i));
    }
    if let Some(w) = &o.why {
        let _ = writeln!(
            s,
            "\n{}",
            t_args("handout-why", &[("text", fill(w).into())])
        );
    }
    if !o.topics.is_empty() {
        let t: Vec<String> = o
            .topics
            .iter()
            .map(|&t| format!("[{}](#topic-{})", tree.topics[t].title, tree.topics[t].id))
            .collect();
        let more = t_args("handout-read-more", &[("links", t.join(", ").into())]);
        let _ = writeln!(s, "\n{more}");
    }
    let links = source_links(tree, &o.sources);
    let sources = t_args("handout-outcome-sources", &[("links", links.into())]);
    let _ = writeln!(s, "\n{sources}\n");
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
    let links = source_links(tree, &t.sources);
    let sources = t_args("handout-topic-sources", &[("links", links.into())]);
    let _ = writeln!(s, "\n{sources}\n");
}

/// A source's entry in the list: id (an anchor), title, publisher, address and how it was
/// checked.
fn source_line(src: &Source) -> String {
    let status = match src.status {
        crate::content::SourceStatus::Verified => i18n::t("source-verified"),
        crate::content::SourceStatus::Secondary => i18n::t("source-secondary"),
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
