//! Docs that cannot go stale: what the README tells a newcomer to type is run here, as written,
//! in a fresh home; the Rust version it names is the one the dependencies need; every
//! ```console block of the README and docs/*.md is run and its output compared; the outcome
//! screen the README shows is drawn from the real app at 80x24; the README's misspelt-level
//! report and kiosk command are run; the figures the README, docs/performance.md and docs/web.md
//! quote are in the files the bench scripts wrote. (The README's browser example needs the wasm tools and a
//! browser: scripts/test-web-readme.sh runs it, from scripts/test-web.sh and so from CI.)
//!
//! A ```console block: `$ command` lines, each followed by what it prints (standard output and
//! standard error together). In the expected text, a line `...` stands for any number of lines
//! and `[..]` for any part of a line (trycmd's conventions); a last line `[exit status: N]`
//! expects that status (otherwise 0). Commands run with `sh` in a fresh folder where `data/`
//! is the repository's, with the binary under test first on PATH and `NO_COLOR` set.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use aftercare::app::Screen;
use common::{TestApp, draw, embedded, press, text, typed};

/// The first ```sh block after `heading` in the README.
fn readme_block(heading: &str) -> String {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let after = readme
        .split_once(heading)
        .unwrap_or_else(|| panic!("the README has no '{heading}'"))
        .1;
    let block = after.split_once("```sh\n").unwrap().1;
    block.split_once("```").unwrap().0.to_string()
}

/// The folder of the binary under test, to put on PATH as `cargo install` would.
fn bin_dir() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_aftercare")).parent().unwrap()
}

/// The completion and manual lines, run by bash with `-e` in an empty home, create what they
/// write into, and `man aftercare` then opens the page (when `man` is installed).
#[test]
fn the_completion_and_man_lines_work_in_an_empty_home() {
    let block = readme_block("### Shell completions and the manual page");
    assert!(block.contains("man aftercare"), "{block}");
    let has_man = Command::new("man").arg("-w").arg("man").output().is_ok();
    let script = if has_man {
        block.clone()
    } else {
        block.replace("man aftercare", "true")
    };
    let home = tempfile::tempdir().unwrap();
    let out = Command::new("bash")
        .args(["-e", "-c", &script])
        .env_clear()
        .env("HOME", home.path())
        // Only the system's folders: not ~/.local/bin, as in a fresh account.
        .env("PATH", format!("{}:/usr/bin:/bin", bin_dir().display()))
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "80")
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{script}\n{stdout}\n{stderr}");
    for file in [
        ".local/share/bash-completion/completions/aftercare",
        ".zfunc/_aftercare",
        ".config/fish/completions/aftercare.fish",
        ".local/share/man/man1/aftercare.1",
        ".local/share/man/man1/aftercare-check.1",
        ".local/share/man/man1/aftercare-help.1",
    ] {
        let len = std::fs::metadata(home.path().join(file)).map_or(0, |m| m.len());
        assert!(len > 100, "{file} is missing or empty");
    }
    if has_man {
        assert!(
            stdout.contains("aftercare"),
            "man showed:\n{stdout}\n{stderr}"
        );
    }
    // Every page aftercare(1) refers to is written by the loop.
    let page = std::fs::read_to_string(home.path().join(".local/share/man/man1/aftercare.1"))
        .unwrap()
        .replace("\\-", "-");
    for see_also in page.split("aftercare-").skip(1) {
        let name: String = see_also
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '-')
            .collect();
        let name = name.trim_end_matches('-');
        if name.is_empty() {
            continue;
        }
        let file = format!(".local/share/man/man1/aftercare-{name}.1");
        assert!(
            home.path().join(&file).exists(),
            "aftercare(1) names aftercare-{name}(1), which the README does not write"
        );
    }
}

/// `rust-version` in Cargo.toml is at least what every locked dependency declares, so a
/// toolchain that meets it builds the crate.
#[test]
fn rust_version_is_what_the_dependencies_need() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // Offline first; a fresh machine has not downloaded the other platforms' crates
    // (`anstyle-wincon` and the like), so then let cargo fetch them.
    let metadata = |offline: bool| {
        let mut args = vec!["metadata", "--format-version", "1", "--locked"];
        if offline {
            args.push("--offline");
        }
        Command::new(&cargo).args(args).output().unwrap()
    };
    let mut out = metadata(true);
    if !out.status.success() {
        out = metadata(false);
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = String::from_utf8(out.stdout).unwrap();
    let version = |s: &str| -> (u32, u32) {
        let mut parts = s.split('.').map(|p| p.parse::<u32>().unwrap());
        (parts.next().unwrap(), parts.next().unwrap_or(0))
    };
    // Each package's "id" (`registry+…#toml-spanner@1.0.3`) comes before its "rust_version";
    // ours is the one from a path.
    let mut needed = ((0, 0), String::new());
    let pieces: Vec<&str> = json.split("\"rust_version\":\"").collect();
    for (before, rest) in pieces.iter().zip(&pieces[1..]) {
        let rv = rest.split('"').next().unwrap();
        let id = before
            .rsplit_once("\"id\":\"")
            .map_or("?", |(_, id)| id.split('"').next().unwrap());
        if !id.starts_with("path+") && version(rv) > needed.0 {
            needed = (version(rv), format!("{id} needs {rv}"));
        }
    }
    assert!(
        needed.0 >= (1, 70),
        "no rust_version found in:\n{json:.400}"
    );
    let manifest = std::fs::read_to_string("Cargo.toml").unwrap();
    let ours = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = \""))
        .unwrap()
        .trim_end_matches('"');
    assert!(
        version(ours) >= needed.0,
        "Cargo.toml says rust-version {ours}, but {}",
        needed.1
    );
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(
        readme.contains(&format!("Rust {ours} or newer")),
        "the README names another Rust version than {ours}"
    );
}

/// `scripts/module-graph.sh | dot -Tsvg > docs/modules.svg`, as docs/architecture.md says: the
/// script runs to its end (it once stopped at a false test under `set -e` and emptied the
/// picture), `dot` draws it (when Graphviz is installed; CI installs it), and the committed
/// picture has exactly the script's edges.
#[test]
fn the_module_graph_script_draws_the_whole_graph() {
    let out = Command::new("bash")
        .arg("scripts/module-graph.sh")
        .output()
        .unwrap();
    let graph = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "the script failed:\n{graph}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(graph.trim_end().ends_with('}'), "{graph}");
    let mut edges: Vec<String> = graph
        .lines()
        .filter_map(|l| l.trim().strip_suffix(';'))
        .filter(|l| l.contains(" -> "))
        .map(|l| l.replace('"', ""))
        .collect();
    edges.sort();
    assert!(edges.len() > 20, "{graph}");
    let svg = std::fs::read_to_string("docs/modules.svg").unwrap();
    let mut drawn: Vec<String> = svg
        .split("<title>")
        .skip(1)
        .filter_map(|t| t.split_once("</title>"))
        .map(|(t, _)| t.replace("&#45;&gt;", " -> "))
        .filter(|t| t.contains(" -> "))
        .collect();
    drawn.sort();
    assert_eq!(
        drawn, edges,
        "docs/modules.svg is out of date: scripts/module-graph.sh | dot -Tsvg > docs/modules.svg"
    );
    let dot = Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn();
    let Ok(mut dot) = dot else {
        eprintln!("no Graphviz `dot`: the picture itself is not drawn here");
        return;
    };
    use std::io::Write;
    dot.stdin
        .take()
        .unwrap()
        .write_all(graph.as_bytes())
        .unwrap();
    let out = dot.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fresh = String::from_utf8(out.stdout).unwrap();
    assert_eq!(fresh.matches("class=\"edge\"").count(), edges.len());
}

/// One `$ command` of a console block, where it is, and what it should print.
struct Example {
    at: String,
    command: String,
    expected: Vec<String>,
    status: i32,
}

/// Every ```console block in `file`, split into its commands.
fn console_examples(file: &str) -> Vec<Example> {
    let text = std::fs::read_to_string(file).unwrap();
    let mut out: Vec<Example> = Vec::new();
    let mut in_block = false;
    for (n, line) in text.lines().enumerate() {
        if !in_block {
            in_block = line.trim_end() == "```console";
            continue;
        }
        if line.starts_with("```") {
            in_block = false;
        } else if let Some(command) = line.strip_prefix("$ ") {
            out.push(Example {
                at: format!("{file}:{}", n + 1),
                command: command.to_string(),
                expected: Vec::new(),
                status: 0,
            });
        } else if let Some(last) = out.last_mut() {
            match line
                .strip_prefix("[exit status: ")
                .and_then(|s| s.strip_suffix(']'))
            {
                Some(status) => last.status = status.parse().unwrap(),
                None => last.expected.push(line.to_string()),
            }
        }
    }
    out
}

/// Whether `actual` is `expected` with `[..]` standing for any part of it.
fn line_matches(expected: &str, actual: &str) -> bool {
    let mut parts = expected.split("[..]");
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = actual.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    for (i, part) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

/// Whether `actual` lines are `expected` with `...` lines standing for any number of lines.
fn lines_match(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((e, rest)) if e == "..." => {
            (0..=actual.len()).any(|skip| lines_match(rest, &actual[skip..]))
        }
        Some((e, rest)) => actual
            .split_first()
            .is_some_and(|(a, more)| line_matches(e, a) && lines_match(rest, more)),
    }
}

/// Runs every console example of `file` in a fresh folder, in order (a later command may read
/// what an earlier one wrote); returns the failures.
fn run_console_examples(file: &str) -> (usize, Vec<String>) {
    let examples = console_examples(file);
    let dir = tempfile::tempdir().unwrap();
    let repo = std::env::current_dir().unwrap();
    std::os::unix::fs::symlink(repo.join("data"), dir.path().join("data")).unwrap();
    let path = format!(
        "{}:{}",
        bin_dir().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut failures = Vec::new();
    for e in &examples {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("exec 2>&1; {}", e.command))
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .env("COLUMNS", "80")
            .output()
            .unwrap();
        let printed = String::from_utf8_lossy(&out.stdout);
        let actual: Vec<&str> = printed.lines().collect();
        let status = out.status.code().unwrap_or(-1);
        if !lines_match(&e.expected, &actual) || status != e.status {
            failures.push(format!(
                "{}: $ {}\n--- shown (exit status {}):\n{}\n--- printed (exit status {status}):\n{printed}",
                e.at,
                e.command,
                e.status,
                e.expected.join("\n")
            ));
        }
    }
    (examples.len(), failures)
}

/// Every command example of the README and docs/*.md in a ```console block prints what the
/// page shows.
#[test]
fn every_console_example_prints_what_the_docs_show() {
    let mut files = vec!["README.md".to_string()];
    for entry in std::fs::read_dir("docs").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "md") {
            files.push(path.display().to_string());
        }
    }
    files.sort();
    let mut ran = 0;
    let mut failures = Vec::new();
    for file in &files {
        let (n, mut f) = run_console_examples(file);
        ran += n;
        failures.append(&mut f);
    }
    assert!(ran >= 8, "only {ran} console examples found");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_example_matcher_takes_only_what_it_should() {
    let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(lines_match(
        &lines(&["a", "...", "z"]),
        &["a", "b", "c", "z"]
    ));
    assert!(lines_match(&lines(&["a", "...", "z"]), &["a", "z"]));
    assert!(!lines_match(&lines(&["a", "...", "z"]), &["a", "b"]));
    assert!(!lines_match(&lines(&["a"]), &["a", "b"]));
    assert!(lines_match(
        &lines(&["  [..] questions"]),
        &["  89 questions"]
    ));
    assert!(!lines_match(
        &lines(&["  [..] questions"]),
        &["  89 topics"]
    ));
    assert!(line_matches("a[..]b[..]c", "a1b2c"));
    assert!(!line_matches("a[..]b[..]c", "a1b2cd"));
}

/// The outcome screen the README shows is what the app draws at 80x24 after the answers it
/// names, row for row (trailing spaces aside).
#[test]
fn the_readme_outcome_capture_is_the_real_screen() {
    let mut a = TestApp::on(embedded()).size(80, 24).build();
    // Start, no red flags twice, skin redness, none of these, started today and not itchy.
    for k in ["\n", "8", "8", "1", "8", "8", "5"] {
        press(&mut a, &typed(k));
    }
    assert!(matches!(a.screen, Screen::Outcome { .. }));
    let screen: Vec<String> = text(&draw(&a))
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect();
    let screen = screen.join("\n");
    let readme = std::fs::read_to_string("README.md").unwrap();
    let shown = readme
        .split_once("What a person sees at 80x24")
        .unwrap()
        .1
        .split_once("```text\n")
        .unwrap()
        .1
        .split_once("\n```")
        .unwrap()
        .0;
    assert_eq!(
        shown, screen,
        "the README's outcome capture is out of date; the screen now is:\n{screen}"
    );
}

/// The files the scripts write, each with the script that writes it: a doc names one (by either)
/// where it quotes it.
const GENERATED: [(&str, &str); 7] = [
    ("bench-tui.sh", "docs/performance-table.md"),
    ("bench-extra.sh", "docs/performance-extra.md"),
    ("bench-load.sh", "docs/performance-load.md"),
    ("bench-key.sh", "docs/performance-key.md"),
    ("bench-criterion.sh", "docs/performance-criterion.md"),
    ("build-web.sh", "docs/web-size.md"),
    ("bench-web.sh", "docs/web-bench.md"),
];

/// Files a script wrote for an earlier version of the page, kept for comparison (each says which
/// commit it is from): a doc names one by its own name, never by the script, so a figure of the
/// page as it is now is never found in them.
const KEPT: [(&str, &str); 2] = [
    ("build-web.sh", "docs/web-size-grid.md"),
    ("bench-web.sh", "docs/web-idle-grid.md"),
];

/// The measured figures `text` quotes: each number followed by a unit of time, size or count
/// (`ms`, `KiB`, `M` instructions, `k` misses...), and each ratio (`x0.39`). Commas in numbers
/// are thousands separators. Not figures: a bound or a target (after `≤`, `<`, `under`,
/// `within`, `most`, `target:`...), and anything in backticks (a command or a setting).
fn quoted_figures(text: &str) -> Vec<f64> {
    // Backticked spans out: `--idle 2`, `sample_size(10)`.
    let text: String = text
        .split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 0 { part } else { " " })
        .collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    let number = |w: &str| {
        w.trim_matches(|c: char| !c.is_ascii_digit())
            .replace(',', "")
            .parse::<f64>()
            .ok()
    };
    let units = [
        "ms", "µs", "ns", "KiB", "MiB", "KB", "MB", "bytes", "M", "k",
    ];
    let bounds = [
        "≤", "<", "≥", ">", "under", "within", "most", "least", "target:", "target",
    ];
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_start_matches(['(', '[', '*']);
        let unit = words.get(i + 1).is_some_and(|u| {
            let u = u.trim_end_matches([',', ';', ')', '.', ':', '*', ']']);
            units.contains(&u)
        });
        let ratio = w.starts_with('x') && w[1..].starts_with(|c: char| c.is_ascii_digit());
        let bound =
            i > 0 && bounds.contains(&words[i - 1].trim_start_matches('(').to_lowercase().as_str());
        if ((unit && w.starts_with(|c: char| c.is_ascii_digit())) || ratio) && !bound {
            out.extend(number(w));
        }
    }
    out
}

/// Every number in a generated file (table cells, ranges, ratios).
fn figures_in(file: &str) -> Vec<f64> {
    let text = std::fs::read_to_string(file).unwrap();
    text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .filter_map(|t| t.trim_matches([',', '.']).replace(',', "").parse().ok())
        .collect()
}

/// The paragraphs of `text` (a table is one), without its code blocks: what a figure's source
/// must be named in.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut in_code = false;
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            out.push(String::new());
        } else if line.trim().is_empty() {
            out.push(String::new());
        } else if !in_code {
            let last = out.last_mut().unwrap();
            last.push_str(line);
            last.push('\n');
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

/// What is wrong with the figures of `file`: each paragraph that quotes a figure names the
/// generated file it comes from (or the script that writes it), and each figure is in a file it
/// names.
fn unsourced_figures(file: &str, text: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    for p in paragraphs(text) {
        let figures = quoted_figures(&p);
        if figures.is_empty() {
            continue;
        }
        let named: Vec<&str> = GENERATED
            .iter()
            .filter(|(script, made)| {
                p.contains(script) || p.contains(made.trim_start_matches("docs/"))
            })
            .chain(
                KEPT.iter()
                    .filter(|(_, kept)| p.contains(kept.trim_start_matches("docs/"))),
            )
            .map(|(_, made)| *made)
            .collect();
        if named.is_empty() {
            wrong.push(format!(
                "{file}: figures {figures:?} but no generated file named in:\n{p}"
            ));
            continue;
        }
        let made: Vec<f64> = named.iter().flat_map(|f| figures_in(f)).collect();
        for f in figures {
            if !made.iter().any(|m| (m - f).abs() < 1e-9) {
                wrong.push(format!("{file}: {f} is quoted but not in {named:?}:\n{p}"));
            }
        }
    }
    wrong
}

/// The README, docs/performance.md and docs/web.md's "Measured" and "Not done" quote measured
/// figures only from the files the scripts write (docs/performance-*.md, docs/web-*.md), never
/// typed in: a paragraph with a figure names its file (in docs/web.md's table, each row names
/// its own), and a figure that is not in that file fails here.
#[test]
fn the_figures_the_docs_quote_are_in_the_files_the_scripts_wrote() {
    let mut wrong = Vec::new();
    for file in ["README.md", "docs/performance.md"] {
        let text = std::fs::read_to_string(file).unwrap();
        wrong.extend(unsourced_figures(file, &text));
    }
    // docs/web.md: "Measured" (each row of its table names its own source) and "Not done".
    let web = std::fs::read_to_string("docs/web.md").unwrap();
    let section = |from: &str, to: &str| {
        let rest = web
            .split_once(from)
            .unwrap_or_else(|| panic!("docs/web.md has no {from}"))
            .1;
        rest.split_once(to).map_or(rest, |(s, _)| s).to_string()
    };
    let measured = section("## Measured", "\n## ");
    let rows: Vec<&str> = measured.lines().filter(|l| l.starts_with('|')).collect();
    assert!(
        rows.len() > 5,
        "docs/web.md's table of measurements:\n{measured}"
    );
    for row in rows {
        wrong.extend(unsourced_figures("docs/web.md", row));
    }
    wrong.extend(unsourced_figures("docs/web.md", &measured));
    wrong.extend(unsourced_figures(
        "docs/web.md",
        &section("## Not done", "\n## "),
    ));
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
    // The sections that quote the most are still found (a rename would skip nothing silently).
    let performance = std::fs::read_to_string("docs/performance.md").unwrap();
    assert!(quoted_figures(&performance).len() > 30);
    for (script, made) in GENERATED.into_iter().chain(KEPT) {
        let head = std::fs::read_to_string(made).unwrap();
        assert!(
            head.contains(&format!("generated by scripts/{script}")),
            "{made}"
        );
        assert!(head.contains(" UTC"), "{made} says when it was made");
        assert!(head.contains("cores"), "{made} names the machine");
    }
}

#[test]
fn a_figure_is_found_with_its_unit_and_not_as_a_bound() {
    assert_eq!(
        quoted_figures("took 12.4 ms (x0.68), 194.9 M instructions, 4,052,048 bytes"),
        vec![12.4, 0.68, 194.9, 4052048.0]
    );
    assert!(quoted_figures("≤ 20 ms, within 30 ms, at most 8 MiB, `--idle 2 ms`").is_empty());
    assert!(quoted_figures("80x24, 2 cores, 10,000 nodes").is_empty());
}

/// The misspelt level the README shows (`level = "urgnet"` in `[outcome.urg_hives]`) is what
/// `aftercare check data/` prints for that mistake in a copy of `data/`, line for line: the
/// README's block is a run of lines of the real report (which also has the problems it causes).
#[test]
fn the_readmes_misspelt_level_is_what_check_reports() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let (intro, rest) = readme
        .split_once("A level misspelt in `data/tree.toml`")
        .unwrap()
        .1
        .split_once("```\n")
        .unwrap();
    assert!(
        intro.contains("`level = \"urgnet\"` in `[outcome.urg_hives]`"),
        "{intro}"
    );
    let shown: Vec<&str> = rest.split_once("\n```").unwrap().0.lines().collect();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("data");
    std::fs::create_dir(&copy).unwrap();
    for entry in std::fs::read_dir("data").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "toml") {
            std::fs::copy(&path, copy.join(path.file_name().unwrap())).unwrap();
        }
    }
    let tree = std::fs::read_to_string(copy.join("tree.toml")).unwrap();
    let at = tree.find("[outcome.urg_hives]").unwrap();
    let level = at + tree[at..].find("\nlevel = ").unwrap() + 1;
    let end = level + tree[level..].find('\n').unwrap();
    let broken = format!("{}level = \"urgnet\"{}", &tree[..level], &tree[end..]);
    std::fs::write(copy.join("tree.toml"), broken).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_aftercare"))
        .args(["check", "data/"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = printed.lines().map(str::trim_end).collect();
    assert!(
        lines.windows(shown.len()).any(|w| w == shown.as_slice()),
        "the README's misspelt-level report is out of date; `aftercare check data/` now prints:\n{printed}"
    );
    // The build's one-line form of the same message names the same place.
    let place = shown[0].split_whitespace().nth(1).unwrap();
    assert!(
        readme.contains(&format!("(`{place} error: …`)")),
        "the README's build-time example should name {place}"
    );
}

/// The kiosk command the README gives (`aftercare --kiosk --config /etc/aftercare/clinic.toml`),
/// run as written with the example config in that file's place: the welcome screen with the
/// clinic's emergency line, no key a person presses quits it, and SIGTERM ends it with the
/// terminal restored.
#[test]
fn the_readmes_kiosk_command_runs_and_no_key_quits_it() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = readme.split_once("## Clinic kiosks").unwrap().1;
    let command = section
        .split('`')
        .find(|c| c.starts_with("aftercare --kiosk"))
        .unwrap();
    assert_eq!(
        command,
        "aftercare --kiosk --config /etc/aftercare/clinic.toml"
    );
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("clinic.toml");
    std::fs::copy("data/clinic.example.toml", &config).unwrap();
    let command = command.replace("/etc/aftercare/clinic.toml", &config.to_string_lossy());
    let mut words = command.split(' ');
    assert_eq!(words.next(), Some("aftercare"));
    let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_aftercare"));
    cmd.args(words);
    let mut s = common::pty::Session::spawn(cmd, 80, 24);
    s.wait_for("Check a symptom");
    s.wait_for("Call 999 now");
    s.wait_settled();
    // q, Esc, Ctrl-C, Ctrl-D, Ctrl-Z, Ctrl-\ and Ctrl-Q: each does nothing harmful.
    for key in ["q", "\x1b", "\x03", "\x04", "\x1a", "\x1c", "\x11"] {
        s.send(key);
        s.settle(Duration::from_millis(100));
    }
    assert!(
        s.child.try_wait().unwrap().is_none(),
        "a key quit the kiosk; screen:\n{}",
        s.screen()
    );
    assert!(s.screen().contains("Check a symptom"), "{}", s.screen());
    let at = s.raw.len();
    s.kill("-TERM");
    s.finish();
    common::pty::assert_restored(&s.after(at));
}
