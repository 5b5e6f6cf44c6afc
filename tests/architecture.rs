//! The crate's layers point one way: content → (config, triage, kiosk rules) → app → ui → the
//! runners. A module that reaches up a layer — the state machine asking the renderer for a
//! layout, the renderer calling a runner — fails here, naming the file and the line.
//!
//! `scripts/module-graph.sh` draws the same graph (docs/architecture.md).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Each top-level module's layer. A module may use its own layer's modules and any lower one.
const LAYERS: &[(&str, u8)] = &[
    ("content", 0),
    ("config", 1),
    ("triage", 1),
    ("kiosk", 1),
    ("app", 2),
    ("words", 2),
    ("ui", 3),
    // The runners and the I/O around them.
    ("plain", 4),
    ("export", 4),
    ("term", 4),
    ("web", 4),
    ("web_page", 4),
    ("reload", 4),
    ("report", 4),
    ("save_file", 4),
    ("kiosk_log", 4),
    // The command line (the binary's own modules, beside main.rs).
    ("cli", 4),
];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`None` for lib.rs, main.rs, bin/).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix("src").ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.trim_end_matches(".rs");
    (!matches!(name, "lib" | "main" | "bin")).then(|| name.to_string())
}

/// Every `crate::module` a file refers to in code (not in comments), with the line.
fn uses(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let tail = &rest[at + "crate::".len()..];
            let name: String = tail
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push((name, i + 1));
            rest = tail;
        }
        // `use super::super::x` does not occur; `super::` stays inside one module.
    }
    out
}

/// The graph: module → modules it uses, with the first place each use occurs.
fn graph() -> BTreeMap<String, BTreeMap<String, String>> {
    let mut all = Vec::new();
    files(Path::new("src"), &mut all);
    all.sort();
    let mut g: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for f in all {
        let Some(m) = module_of(&f) else { continue };
        let text = fs::read_to_string(&f).unwrap();
        let edges = g.entry(m.clone()).or_default();
        for (to, line) in uses(&text) {
            if to != m {
                edges
                    .entry(to)
                    .or_insert_with(|| format!("{}:{line}", f.display()));
            }
        }
    }
    g
}

fn layer(m: &str) -> u8 {
    LAYERS
        .iter()
        .find(|(n, _)| *n == m)
        .map(|&(_, l)| l)
        .unwrap_or_else(|| panic!("module `{m}` has no layer: add it to LAYERS in {}", file!()))
}

#[test]
fn no_module_uses_a_higher_layer() {
    let mut wrong = Vec::new();
    for (from, edges) in graph() {
        for (to, at) in edges {
            if layer(&to) > layer(&from) {
                wrong.push(format!(
                    "{at}: `{from}` (layer {}) uses `{to}` (layer {})",
                    layer(&from),
                    layer(&to)
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "dependencies must point down:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_modules_form_no_circle() {
    let g = graph();
    // Depth-first search for a back edge.
    fn visit(
        m: &str,
        g: &BTreeMap<String, BTreeMap<String, String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut circle = path[i..].to_vec();
            circle.push(m.to_string());
            return Some(circle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for to in g.get(m).into_iter().flat_map(|e| e.keys()) {
            if let Some(c) = visit(to, g, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in g.keys() {
        let circle = visit(m, &g, &mut Vec::new(), &mut done);
        assert!(
            circle.is_none(),
            "an import circle: {}",
            circle.unwrap().join(" → ")
        );
    }
}

#[test]
fn the_check_sees_a_real_use_and_ignores_comments() {
    let found = uses(
        "use crate::ui::Ui; // crate::term\n/// see crate::web\nlet x = crate::app::App::new;",
    );
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["ui", "app"]);
}
