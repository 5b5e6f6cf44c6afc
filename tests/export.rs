//! `aftercare export`: Graphviz accepts the DOT, Mermaid has a node per question and outcome and
//! an edge per option, the handout holds everything, and the committed picture is up to date.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use aftercare::config::Config;
use aftercare::content::{self, Tree};
use aftercare::export;

fn trees() -> Vec<(&'static str, Tree)> {
    vec![
        (
            "starter",
            content::check_path(Path::new("tests/fixtures/starter"))
                .unwrap()
                .tree
                .unwrap(),
        ),
        (
            "embedded",
            content::default_tree().unwrap_or_else(|c| panic!("{:#?}", c.lines())),
        ),
    ]
}

fn graphviz() -> bool {
    let found = Command::new("dot")
        .arg("-V")
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        // .ci/run installs graphviz; on a developer machine without it, say so rather than pass.
        assert!(
            std::env::var_os("CI").is_none(),
            "graphviz (dot) must be installed in CI"
        );
        eprintln!("graphviz is not installed; skipping the DOT rendering check");
    }
    found
}

#[test]
fn graphviz_accepts_the_dot_output() {
    if !graphviz() {
        return;
    }
    for (name, tree) in trees() {
        let text = export::dot(&tree, &Config::default());
        let out = common::piped(Command::new("dot").arg("-Tsvg"), text.as_bytes());
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let svg = String::from_utf8_lossy(&out.stdout);
        assert!(svg.contains("<svg"));
        // A label's line break is DOT's `\n`; escaped twice it is drawn as the letters "\n".
        assert!(
            !svg.contains("\\n"),
            "{name}: a literal \\n is drawn in a label"
        );
        assert!(
            out.stderr.is_empty(),
            "{name}: graphviz warned: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn mermaid_has_one_node_per_question_and_outcome_and_one_edge_per_option_and_route() {
    for (name, tree) in trees() {
        let text = export::mermaid(&tree, &Config::default());
        let lines: Vec<&str> = text.lines().collect();
        let nodes = lines.iter().filter(|l| {
            let l = l.trim_start();
            (l.starts_with("q_") || l.starts_with("o_"))
                && !l.contains("-->")
                && !l.contains("-.->")
        });
        assert_eq!(
            nodes.count(),
            tree.questions.len() + tree.outcomes.len(),
            "{name}"
        );
        let edges = lines
            .iter()
            .filter(|l| l.contains(" -->|") || l.contains(" -.->|"))
            .count();
        // One edge per option, and one more per conditional route ("if pregnant: ...").
        let options: usize = tree
            .questions
            .iter()
            .flat_map(|q| q.options.iter())
            .map(|o| 1 + o.routes.len())
            .sum();
        assert_eq!(edges, options, "{name}");
        let routes = lines.iter().filter(|l| l.contains("|\"if ")).count();
        let declared: usize = tree
            .questions
            .iter()
            .flat_map(|q| q.options.iter())
            .map(|o| o.routes.len())
            .sum();
        assert_eq!(
            routes, declared,
            "{name}: each route is labelled with its facts"
        );
        let screens = tree.questions.iter().filter(|q| q.emergency_screen).count();
        assert_eq!(
            text.matches(":::screen").count(),
            screens,
            "{name}: emergency screens are marked"
        );
    }
}

#[test]
fn the_handout_has_every_question_outcome_topic_and_source() {
    let config = Config::default();
    for (name, tree) in trees() {
        let md = export::markdown(&tree, &config);
        assert!(
            md.contains(&format!("Content version **{}**", tree.meta.version)),
            "{name}"
        );
        for q in &tree.questions {
            assert!(
                md.contains(&format!("`{}`", q.id)),
                "{name}: question {}",
                q.id
            );
        }
        for o in &tree.outcomes {
            assert!(
                md.contains(&config.fill(o.level.title_rest(&o.title)).into_owned()),
                "{name}: outcome {}",
                o.id
            );
            for item in o.now.iter().chain(&o.watch) {
                assert!(
                    md.contains(&config.fill(item).into_owned()),
                    "{name}: {item}"
                );
            }
        }
        for t in &tree.topics {
            assert!(
                md.contains(&format!("id=\"topic-{}\"", t.id)),
                "{name}: topic {}",
                t.id
            );
        }
        for s in &tree.sources {
            assert!(
                md.contains(&format!("id=\"source-{}\"", s.id)),
                "{name}: source {}",
                s.id
            );
        }
        assert!(
            !md.contains("{emergency}"),
            "{name}: placeholders are filled in the handout"
        );
    }
}

#[test]
fn the_committed_flowchart_matches_the_content() {
    let tree = content::default_tree().unwrap_or_else(|c| panic!("{:#?}", c.lines()));
    let committed = std::fs::read_to_string("docs/tree.dot").unwrap_or_default();
    assert!(
        committed == export::dot(&tree, &Config::default()),
        "docs/tree.dot is out of date with data/. Regenerate it:\n  \
         cargo run -- export --format dot -o docs/tree.dot && dot -Tsvg docs/tree.dot -o docs/tree.svg"
    );
}

#[test]
fn export_writes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tree.mmd");
    let status = Command::new(env!("CARGO_BIN_EXE_aftercare"))
        .args([
            "export",
            "--format",
            "mermaid",
            "--content",
            "tests/fixtures/starter",
            "-o",
        ])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        std::fs::read_to_string(out)
            .unwrap()
            .starts_with("flowchart TD")
    );
}

#[test]
fn the_committed_picture_draws_no_literal_backslash_n() {
    let svg = std::fs::read_to_string("docs/tree.svg").unwrap();
    assert!(svg.contains("<svg"));
    assert_eq!(svg.matches("\\n").count(), 0, "docs/tree.svg draws '\\n'");
    let dot = export::dot(&content::default_tree().unwrap(), &Config::default());
    assert!(!dot.contains("\\\\n"), "a DOT line break escaped twice");
}

#[test]
fn the_flowcharts_fill_every_placeholder_from_the_clinic_config() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("clinic.toml");
    std::fs::write(
        &config,
        "[clinic]\nname = \"Test Clinic\"\nphone = \"0100 200300\"\nemergency = \"000\"\n",
    )
    .unwrap();
    for format in ["dot", "mermaid", "markdown"] {
        let out = Command::new(env!("CARGO_BIN_EXE_aftercare"))
            .args(["export", "--format", format, "--config"])
            .arg(&config)
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}");
        let text = String::from_utf8(out.stdout).unwrap();
        for placeholder in ["{emergency}", "{clinic_phone}", "{clinic_name}", "{clinic}"] {
            assert!(!text.contains(placeholder), "{format}: {placeholder} left");
        }
        assert!(
            text.contains("Call 000 now"),
            "{format}: the emergency number"
        );
    }
}

/// The hazard log in docs/ is what the embedded content says, for the clinical safety officer.
#[test]
fn the_committed_hazard_log_matches_the_content() {
    let tree = content::default_tree().unwrap_or_else(|c| panic!("{:#?}", c.lines()));
    let log = export::export(&tree, &Config::default(), export::Format::Hazards);
    let committed = std::fs::read_to_string("docs/hazard-log.md").unwrap_or_default();
    assert!(
        committed == log,
        "docs/hazard-log.md is out of date with data/. Regenerate it:\n  \
         cargo run -- export --format hazards -o docs/hazard-log.md"
    );
}

/// Every hazard is in the log with its controls, levels, risks and cases, and a sign-off block.
#[test]
fn the_hazard_log_has_every_hazard_its_controls_and_a_sign_off() {
    let tree = content::default_tree().unwrap_or_else(|c| panic!("{:#?}", c.lines()));
    let log = export::hazard_log(&tree, &Config::default());
    assert!(log.contains(&tree.meta.version));
    for h in &tree.hazards {
        assert!(log.contains(&format!("- **Id:** `{}`", h.id)), "{}", h.id);
        for &f in &h.flags {
            assert!(log.contains(&format!("Red flag `{}`", tree.flags[f].id)));
        }
        for &o in &h.outcomes {
            let o = &tree.outcomes[o];
            assert!(
                log.contains(&format!("`{}` ({})", o.id, o.level)),
                "{}",
                o.id
            );
        }
        for c in &h.cases {
            assert!(log.contains(&format!("`{c}`")), "{c}");
        }
    }
    let rated = log.matches("- **After controls:** likelihood").count();
    assert_eq!(rated, tree.hazards.len());
    assert!(log.contains("| Clinical safety officer (name) | |"));
    assert!(log.contains("| Signature | |"));
}
