//! Docs that cannot go stale: what the README tells a newcomer to type is run here, as written,
//! in a fresh home; the Rust version it names is the one the dependencies need.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

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
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .output()
        .unwrap();
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
