//! The crate's layers point one way: content → (config, triage, kiosk rules) → app → ui → the
//! runners. A module that reaches up a layer — the state machine asking the renderer for a
//! layout, the renderer calling a runner — fails here, naming the file and the line.
//!
//! Inside a folder the files beside one another form no circle either: a dispatcher (`ui/layout`
//! laying out each screen) calls the leaves, and the leaves take what they share from a module
//! below them, never from the dispatcher. The folder's own file (`mod.rs`) is its root: it
//! declares and re-exports its files, and they may use what it defines (`app::App`, which the
//! files of `app/` extend); a name it re-exports counts as the file that defines it, and a glob
//! (`use super::*`) as every file the root imports from.
//!
//! `scripts/module-graph.sh` draws the top-level graph (docs/architecture.md).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test"
)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Each top-level module's layer. A module may use its own layer's modules and any lower one.
const LAYERS: &[(&str, u8)] = &[
    ("content", 0),
    // The catalogue of the interface's words: the level words are content's.
    ("i18n", 0),
    ("config", 1),
    // Sign-off records: hashes of content, read by check, the kiosk and the page.
    ("signoff", 1),
    ("triage", 1),
    // What a content change does to the paths: content compared by ids, like triage walks it.
    ("diff", 1),
    ("kiosk", 1),
    ("app", 2),
    ("words", 2),
    ("ui", 3),
    // The runners and the I/O around them.
    ("plain", 4),
    ("export", 4),
    ("term", 4),
    ("web", 4),
    ("web_pure", 4),
    // The page's clinic files and their check, shared by the page, its checker and the build.
    ("web_pack", 4),
    ("reload", 4),
    ("report", 4),
    ("save_file", 4),
    ("kiosk_log", 4),
    // The command line (the binary's own modules, beside main.rs).
    ("cli", 4),
];

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
    common::rust_files(Path::new("src"), &mut all);
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
    if let Some(c) = circle(&g) {
        panic!("an import circle: {}", c.join(" → "));
    }
}

/// A module's path from the crate root: `src/ui/layout.rs` is `ui::layout`, `src/ui/mod.rs` is
/// `ui` (`None` for lib.rs, main.rs and bin/, the crate roots).
fn module_path(file: &Path) -> Option<Vec<String>> {
    let rel = file.strip_prefix("src").ok()?.with_extension("");
    let mut path: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        path.first().map(String::as_str),
        Some("lib" | "main" | "bin")
    ) {
        return None;
    }
    if path.last().is_some_and(|l| l == "mod") {
        path.pop();
    }
    Some(path)
}

/// A path a file names, in the module it is written in (an inline `mod tests { … }` counts as
/// its own module), with the line.
#[derive(Debug, Clone)]
struct Named {
    module: Vec<String>,
    path: Vec<String>,
    line: usize,
    /// Written in a `use` (its last segment the name it brings in, or `*`), not in code.
    is_use: bool,
}

/// `a::{b, c::{d, self}, e as f}` → `a::b`, `a::c::d`, `a::c`, `a::e` (an alias is dropped: the
/// name is what `imports` keys on, the path what is used).
fn expand(tree: &str) -> Vec<(Vec<String>, String)> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let (path, alias) = match tree.split_once(" as ") {
            Some((p, a)) => (p.trim(), Some(a.trim())),
            None => (tree, None),
        };
        let mut segs: Vec<String> = path
            .split("::")
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if segs.last().is_some_and(|s| s == "self") {
            segs.pop();
        }
        let name = alias
            .map(str::to_string)
            .or_else(|| segs.last().cloned())
            .unwrap_or_default();
        return vec![(segs, name)];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(|p| expand(&format!("{prefix}{}", p.trim())))
        .collect()
}

/// Every path `text` (a file of `module`) names: each `use` expanded, and each `a::b` in code.
/// Comments are left out.
fn named(text: &str, module: &[String]) -> Vec<Named> {
    let mut out = Vec::new();
    // Inline modules open at the moment: their indent and name.
    let mut inline: Vec<(String, String)> = Vec::new();
    let mut pending: Option<(String, usize)> = None;
    for (i, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let indent: String = code.chars().take_while(|c| c.is_whitespace()).collect();
        let trimmed = code.trim();
        let here: Vec<String> = module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(_, n)| n.clone()))
            .collect();
        if let Some((mut stmt, at)) = pending.take() {
            stmt.push_str(trimmed);
            pending = Some((stmt, at));
        } else if let Some(rest) = use_statement(trimmed) {
            pending = Some((rest.to_string(), i + 1));
        } else {
            if let Some(name) = trimmed
                .strip_prefix("mod ")
                .or_else(|| trimmed.strip_prefix("pub mod "))
                .and_then(|r| r.strip_suffix(" {"))
            {
                inline.push((indent, name.to_string()));
                continue;
            }
            if trimmed == "}" && inline.last().is_some_and(|(ind, _)| *ind == indent) {
                inline.pop();
                continue;
            }
            for path in code_paths(code) {
                out.push(Named {
                    module: here.clone(),
                    path,
                    line: i + 1,
                    is_use: false,
                });
            }
        }
        if let Some((stmt, at)) = pending.take() {
            match stmt.split_once(';') {
                Some((tree, _)) => out.extend(expand(tree).into_iter().map(|(path, _)| Named {
                    module: here.clone(),
                    path,
                    line: at,
                    is_use: true,
                })),
                None => pending = Some((stmt, at)),
            }
        }
    }
    out
}

/// The tree of a `use` line (`pub use`, `pub(crate) use` too), if it is one.
fn use_statement(line: &str) -> Option<&str> {
    let line = line
        .strip_prefix("pub(crate) ")
        .or_else(|| line.strip_prefix("pub(super) "))
        .or_else(|| line.strip_prefix("pub "))
        .unwrap_or(line);
    line.strip_prefix("use ")
}

/// The paths of two or more segments written in a line of code (`super::wrap::forget`).
fn code_paths(code: &str) -> Vec<Vec<String>> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(start) = rest.find(|c: char| c.is_ascii_alphabetic() || c == '_') {
        // Not the tail of a longer word, nor a field after `.`.
        let before = rest[..start].chars().next_back();
        let after_dot = before == Some('.');
        let mut segs = Vec::new();
        let mut at = start;
        loop {
            let len = rest[at..]
                .find(|c: char| !ident(c))
                .unwrap_or(rest.len() - at);
            segs.push(rest[at..at + len].to_string());
            at += len;
            let next = &rest[at..];
            if next.starts_with("::")
                && next[2..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            {
                at += 2;
            } else {
                break;
            }
        }
        if segs.len() > 1 && !after_dot {
            out.push(segs);
        }
        rest = &rest[at..];
    }
    out
}

/// Every module of `src/` and what its files name.
struct Tree {
    /// Each file's module and where the file is.
    files: BTreeMap<Vec<String>, PathBuf>,
    /// The paths each module's files name (inline modules included).
    named: Vec<(PathBuf, Named)>,
}

fn tree() -> Tree {
    let mut all = Vec::new();
    common::rust_files(Path::new("src"), &mut all);
    all.sort();
    let mut t = Tree {
        files: BTreeMap::new(),
        named: Vec::new(),
    };
    for f in all {
        let Some(m) = module_path(&f) else { continue };
        let text = fs::read_to_string(&f).unwrap();
        t.named
            .extend(named(&text, &m).into_iter().map(|n| (f.clone(), n)));
        t.files.insert(m, f);
    }
    // Inline modules are modules too (`super::` inside one means the file's own module).
    let inline: Vec<Vec<String>> = t.named.iter().map(|(_, n)| n.module.clone()).collect();
    for m in inline {
        let file = t.files.get(&m[..1]).cloned();
        if let Some(file) = file {
            t.files.entry(m).or_insert(file);
        }
    }
    t
}

impl Tree {
    /// The modules `path`, named in `from`, uses: the module it leads to and, for a name that
    /// module imports (a re-export), the module the name comes from; for a glob, the module and
    /// every module it imports from.
    fn resolve(&self, from: &[String], path: &[String], depth: u8) -> Vec<Vec<String>> {
        let Some(first) = path.first() else {
            return Vec::new();
        };
        let (mut m, mut rest): (Vec<String>, &[String]) = match first.as_str() {
            "crate" => (Vec::new(), &path[1..]),
            "super" | "self" => {
                let mut m = from.to_vec();
                let mut rest = path;
                while let Some(s) = rest.first() {
                    match s.as_str() {
                        "super" => {
                            m.pop();
                        }
                        "self" => {}
                        _ => break,
                    }
                    rest = &rest[1..];
                }
                (m, rest)
            }
            _ => {
                let mut child = from.to_vec();
                child.push(first.clone());
                if !self.files.contains_key(&child) {
                    return Vec::new();
                }
                (from.to_vec(), path)
            }
        };
        while let Some(s) = rest.first() {
            let mut next = m.clone();
            next.push(s.clone());
            if !self.files.contains_key(&next) {
                break;
            }
            m = next;
            rest = &rest[1..];
        }
        let mut out = vec![m.clone()];
        match rest.first().map(String::as_str) {
            // A glob brings in what the module imports too: each of those modules.
            Some("*") if depth < 4 => out.extend(
                self.imports(&m)
                    .flat_map(|(_, p)| self.resolve(&m, p, depth + 1)),
            ),
            // A name the module imports: the module it comes from too (a name `app/mod.rs`
            // re-exports is a use of the file that defines it).
            Some(name) if depth < 4 => out.extend(
                self.imports(&m)
                    .filter(|(n, _)| n == name)
                    .flat_map(|(_, p)| self.resolve(&m, p, depth + 1)),
            ),
            _ => {}
        }
        out
    }

    /// The names a module's `use`s bring in (in its own file, not its inline modules), and their
    /// paths.
    fn imports<'a>(&'a self, m: &'a [String]) -> impl Iterator<Item = (String, &'a [String])> + 'a {
        self.named
            .iter()
            .filter(move |(_, n)| n.is_use && n.module == m)
            .filter_map(|(_, n)| Some((n.path.last()?.clone(), &n.path[..])))
    }

    /// Module → modules it uses, with the first file and line of each use.
    fn uses(&self) -> BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>> {
        let mut g: BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>> = BTreeMap::new();
        for (file, n) in &self.named {
            for to in self.resolve(&n.module, &n.path, 0) {
                g.entry(n.module.clone())
                    .or_default()
                    .entry(to)
                    .or_insert_with(|| format!("{}:{}", file.display(), n.line));
            }
        }
        g
    }
}

#[test]
fn no_folder_has_a_circle_inside() {
    let t = tree();
    let g = t.uses();
    // Each folder: a module with modules of its own in files.
    let folders: BTreeSet<Vec<String>> = t
        .files
        .keys()
        .filter(|m| m.len() > 1)
        .map(|m| m[..m.len() - 1].to_vec())
        .collect();
    let mut circles = Vec::new();
    for folder in folders {
        // The file of `folder` that `m` is in or under (not the folder's root itself).
        let child = |m: &[String]| {
            (m.len() > folder.len() && m.starts_with(&folder)).then(|| m[folder.len()].clone())
        };
        let mut inside: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for (from, edges) in &g {
            let Some(a) = child(from) else { continue };
            for (to, at) in edges {
                match child(to) {
                    Some(b) if b != a => {
                        inside
                            .entry(a.clone())
                            .or_default()
                            .entry(b)
                            .or_insert_with(|| at.clone());
                    }
                    _ => {}
                }
            }
        }
        if let Some(c) = circle(&inside) {
            let steps: Vec<String> = c
                .windows(2)
                .map(|w| format!("`{}` uses `{}` ({})", w[0], w[1], inside[&w[0]][&w[1]]))
                .collect();
            circles.push(format!(
                "an import circle inside src/{}/: {}",
                folder.join("/"),
                steps.join(", ")
            ));
        }
    }
    assert!(circles.is_empty(), "{}", circles.join("\n"));
}

/// A circle in `g`, as the modules round it with the first repeated at the end.
fn circle(g: &BTreeMap<String, BTreeMap<String, String>>) -> Option<Vec<String>> {
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
    g.keys()
        .find_map(|m| visit(m, g, &mut Vec::new(), &mut done))
}

#[test]
fn the_folder_check_reads_uses_globs_and_re_exports() {
    let m = |s: &str| s.split("::").map(str::to_string).collect::<Vec<_>>();
    let n = named(
        "use super::{layout::{A, B}, theme::Theme as T};\n// super::x\nlet y = super::wrap::f(a::b);\nmod tests {\n    use super::*;\n}\n",
        &m("ui::menu"),
    );
    let got: Vec<(String, String, bool)> = n
        .iter()
        .map(|n| (n.module.join("::"), n.path.join("::"), n.is_use))
        .collect();
    let want = [
        ("ui::menu", "super::layout::A", true),
        ("ui::menu", "super::layout::B", true),
        ("ui::menu", "super::theme::Theme", true),
        ("ui::menu", "super::wrap::f", false),
        ("ui::menu", "a::b", false),
        ("ui::menu::tests", "super::*", true),
    ]
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c));
    assert_eq!(got, want);
    let t = tree();
    // A name the folder's root re-exports is a use of the file that defines it as well.
    assert_eq!(
        t.resolve(&m("app::save"), &m("super::Input"), 0),
        [m("app"), m("app::input")]
    );
    assert_eq!(
        t.resolve(&m("ui::menu"), &m("super::theme::Theme"), 0),
        [m("ui::theme")]
    );
}

#[test]
fn the_check_sees_a_real_use_and_ignores_comments() {
    let found = uses(
        "use crate::ui::Ui; // crate::term\n/// see crate::web\nlet x = crate::app::App::new;",
    );
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["ui", "app"]);
}
