//! The quick first parse (toml-spanner) must read a content file exactly as `toml` and serde do,
//! every value and every span, or leave it to them: otherwise a diagnostic would point at the
//! wrong place, or content would load differently from how `aftercare check` reads it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use aftercare::content::load::parse_paths_agree;
use aftercare::content::synth;
use proptest::prelude::*;

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            toml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}

fn repository_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    toml_files(&root.join("data"), &mut paths);
    toml_files(&root.join("tests"), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let text = String::from_utf8(std::fs::read(&p).unwrap()).ok()?;
            let text = text
                .strip_prefix('\u{feff}')
                .map_or(text.clone(), str::to_string);
            Some((p.display().to_string(), text))
        })
        .collect()
}

#[test]
fn every_content_file_here_reads_the_same_both_ways() {
    let mut taken = Vec::new();
    for (name, text) in repository_files() {
        match parse_paths_agree(&text) {
            Ok(true) => taken.push(name),
            Ok(false) => {}
            Err(e) => panic!("{name}: {e}"),
        }
    }
    // Not a vacuous pass: the default content and most fixtures go the quick way.
    for f in ["flags", "hazards", "sources", "topics", "tree"] {
        assert!(
            taken.iter().any(|n| n.ends_with(&format!("data/{f}.toml"))),
            "data/{f}.toml was not taken by the quick parse: {taken:#?}"
        );
    }
    // Signs, [general], skip_general and hazards go the quick way too.
    assert!(
        taken
            .iter()
            .any(|n| n.ends_with("valid/signs_general_hazards.toml")),
        "{taken:#?}"
    );
    assert!(taken.len() >= 30, "only {} files: {taken:#?}", taken.len());
}

#[test]
fn generated_content_reads_the_same_both_ways() {
    for text in synth::generate(1_200) {
        assert_eq!(parse_paths_agree(&text), Ok(true));
    }
}

/// The files a person could write, with small slips: a character dropped, doubled or changed.
fn slipped() -> impl Strategy<Value = String> {
    let files: Vec<String> = repository_files().into_iter().map(|(_, t)| t).collect();
    let edits = prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<char>()), 1..4);
    (prop::sample::select(files), edits).prop_map(|(mut text, edits)| {
        for (at, kind, c) in edits {
            let mut i = at.index(text.len().max(1));
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let next = text[i..].chars().next().map_or(0, char::len_utf8);
            match kind {
                0 => {
                    text.replace_range(i..i + next, "");
                }
                1 => text.insert(i, c),
                2 => {
                    let b = [
                        '"', '\'', '[', ']', '{', '}', '=', ',', '.', '\n', '\\', '#',
                    ][c as usize % 12];
                    text.insert(i, b);
                }
                _ => {
                    let dup = text[i..i + next].to_string();
                    text.insert_str(i, &dup);
                }
            }
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: if std::env::var_os("AFTERCARE_LONG_TESTS").is_some() { 2_000 } else { 200 },
        ..ProptestConfig::default()
    })]

    #[test]
    fn files_with_slips_read_the_same_or_go_the_full_way(text in slipped()) {
        if let Err(e) = parse_paths_agree(&text) {
            prop_assert!(false, "{e}\n--- text ---\n{text}");
        }
    }
}
