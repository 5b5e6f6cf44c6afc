//! Every case description in `tests/vignettes.toml` walked through the engine on the embedded
//! content, answering by answer id (a reworded label changes no walk; a removed answer breaks it
//! loudly). Each case must reach its expected level or one of its acceptable ones: never lower.
//!
//! The levels are copied from `../shared/vignettes.toml`; when that file is present (as in CI),
//! a second test checks the copy still matches it case for case.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

mod common;

use aftercare::content::{self, Level, Tree};
use aftercare::i18n::Lang;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    id: String,
    expected: String,
    #[serde(default)]
    acceptable: Vec<String>,
    walks: Vec<Vec<String>>,
}

fn level(s: &str) -> Level {
    Level::from_id(s).unwrap_or_else(|| panic!("unknown level {s:?}"))
}

/// Walks every list of labels; returns the overall level or a description of what went wrong.
fn run(tree: &Tree, case: &Case) -> Result<Level, String> {
    let s = common::walk::by_ids(tree, &case.walks)?;
    s.overall(tree).ok_or_else(|| "no result".to_string())
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string("tests/vignettes.toml").unwrap();
    toml::from_str::<Cases>(&text).unwrap().case
}

#[test]
fn every_vignette_reaches_its_level_and_never_lower() {
    let tree = content::default_tree().unwrap_or_else(|c| panic!("{:#?}", c.lines()));
    let mut failures = Vec::new();
    let cases = cases();
    assert!(!cases.is_empty());
    for case in &cases {
        let expected = level(&case.expected);
        let allowed: Vec<Level> = std::iter::once(expected)
            .chain(case.acceptable.iter().map(|l| level(l)))
            .collect();
        assert!(
            allowed.iter().all(|&l| l >= expected),
            "{}: acceptable levels must be above the expected one",
            case.id
        );
        match run(&tree, case) {
            Ok(got) if allowed.contains(&got) => {}
            Ok(got) => failures.push(format!("{}: reached {got}, must be {allowed:?}", case.id)),
            Err(e) => failures.push(format!("{}: {e}", case.id)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[derive(Debug, Deserialize)]
struct Shared {
    vignette: Vec<SharedCase>,
}

#[derive(Debug, Deserialize)]
struct SharedCase {
    id: String,
    expected_disposition: String,
    acceptable: Vec<String>,
}

#[test]
fn the_cases_match_the_shared_vignettes() {
    let path = Path::new("../shared/vignettes.toml");
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("../shared/vignettes.toml is not here; skipping the cross-check");
        return;
    };
    let shared: Shared = toml::from_str(&text).unwrap();
    let ours = cases();
    for v in &shared.vignette {
        let c = ours
            .iter()
            .find(|c| c.id == v.id)
            .unwrap_or_else(|| panic!("no case for vignette {}", v.id));
        assert_eq!(c.expected, v.expected_disposition, "{}", v.id);
        assert_eq!(c.acceptable, v.acceptable, "{}", v.id);
    }
    assert_eq!(
        ours.len(),
        shared.vignette.len(),
        "a case with no vignette behind it"
    );
}

/// The outcome ids a walk reaches, in order.
fn outcome_ids(tree: &Tree, walks: &[Vec<String>]) -> Result<Vec<String>, String> {
    let s = common::walk::by_ids(tree, walks)?;
    Ok(s.results()
        .into_iter()
        .map(|o| tree.outcomes[o].id.clone())
        .collect())
}

/// Every answer-id path of a small tree from its start, to an outcome.
fn every_path(tree: &Tree) -> Vec<Vec<String>> {
    fn walk(tree: &Tree, q: usize, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        for o in &tree.questions[q].options {
            path.push(o.id.clone());
            match o.next {
                content::NodeRef::Question(next) => walk(tree, next, path, out),
                content::NodeRef::Outcome(_) => out.push(path.clone()),
            }
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(tree, tree.meta.start, &mut Vec::new(), &mut out);
    out
}

/// A Spanish walk of every public case reaches the same outcome ids as the English walk (walks
/// go by answer id, and `aftercare check` proves the translation has the English tree, so this
/// holds by construction; the test keeps it so). Without a Spanish translation built in
/// (data/es/), every path of the bilingual fixture is walked in both languages instead.
#[test]
fn a_spanish_walk_of_every_case_reaches_the_same_outcome_as_the_english() {
    let translations = content::default_translations();
    let (en, es, walks) = match translations.into_iter().find(|(l, _)| *l == Lang::Es) {
        Some((_, es)) => {
            let en = content::default_tree().unwrap_or_else(|c| panic!("{:#?}", c.lines()));
            let walks: Vec<Vec<Vec<String>>> = cases().into_iter().map(|c| c.walks).collect();
            (en, es, walks)
        }
        None => {
            eprintln!(
                "data/es/ is not built in: walking every path of tests/fixtures/bilingual instead"
            );
            let checked = content::check_path(Path::new("tests/fixtures/bilingual")).unwrap();
            let en = checked.tree.unwrap();
            let (_, es) = checked.translations.into_iter().next().unwrap();
            let walks = every_path(&en).into_iter().map(|p| vec![p]).collect();
            (en, es, walks)
        }
    };
    assert!(walks.len() > 5, "{} walks", walks.len());
    for walk in &walks {
        let english = outcome_ids(&en, walk);
        assert!(english.is_ok(), "{walk:?}: {english:?}");
        assert_eq!(outcome_ids(&es, walk), english, "{walk:?}");
    }
}
