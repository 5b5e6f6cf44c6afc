//! Atypical presentations (`tests/atypical.toml`): every red flag of the brief described the way
//! a person who does not recognise it would, walked by answer id from the first screen. Each
//! must reach at least its level (and, where given, the outcome that names its condition); the
//! over-triage guards must stay at or below `at_most`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use aftercare::content::{self, Level, NodeRef, Tree};
use serde::Deserialize;

mod common;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    id: String,
    #[allow(dead_code, reason = "read by people, not by the test")]
    narrative: String,
    flag: Option<String>,
    level: String,
    reason: Option<String>,
    at_most: Option<String>,
    walks: Vec<Vec<String>>,
}

fn level(s: &str) -> Level {
    Level::from_id(s).unwrap_or_else(|| panic!("unknown level {s:?}"))
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string("tests/atypical.toml").unwrap();
    toml::from_str::<Cases>(&text).unwrap().case
}

fn tree() -> Tree {
    content::default_tree().unwrap_or_else(|c| panic!("{:#?}", c.lines()))
}

/// What is wrong with one case, if anything.
fn check(tree: &Tree, case: &Case) -> Result<(), String> {
    let s = common::walk::by_ids(tree, &case.walks)?;
    let got = s.overall(tree).ok_or("no result")?;
    let least = level(&case.level);
    if got < least {
        return Err(format!("reached {got}, below {least}"));
    }
    if let Some(most) = &case.at_most
        && got > level(most)
    {
        return Err(format!("reached {got}, above {most} (over-triage)"));
    }
    if let Some(reason) = &case.reason {
        let NodeRef::Outcome(o) = s.current(tree) else {
            return Err("ended on a question".into());
        };
        let id = &tree.outcomes[o].id;
        if id != reason {
            return Err(format!("ended on '{id}', not '{reason}'"));
        }
    }
    Ok(())
}

#[test]
fn atypical_presentations_reach_the_briefs_level() {
    let tree = tree();
    let cases = cases();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| check(&tree, c).err().map(|e| format!("{}: {e}", c.id)))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn atypical_cases_cover_at_least_thirty_presentations() {
    let n = cases().iter().filter(|c| c.flag.is_some()).count();
    assert!(n >= 30, "only {n} atypical presentations");
}

#[test]
fn atypical_cases_name_real_flags_and_their_levels() {
    let tree = tree();
    for c in cases() {
        let Some(f) = &c.flag else { continue };
        let flag = tree
            .flags
            .iter()
            .find(|x| &x.id == f)
            .unwrap_or_else(|| panic!("{}: no flag '{f}' in the content", c.id));
        // A case may ask for more than its flag (a combination), never for less.
        assert!(
            level(&c.level) >= flag.level,
            "{}: level {} is below what '{f}' needs",
            c.id,
            c.level
        );
    }
}

#[test]
fn atypical_cases_cover_every_emergency_and_urgent_flag_of_the_brief() {
    let tree = tree();
    let cases = cases();
    let missing: Vec<&str> = tree
        .flags
        .iter()
        .filter(|f| f.level >= Level::Urgent)
        .filter(|f| !cases.iter().any(|c| c.flag.as_deref() == Some(&f.id)))
        .map(|f| f.id.as_str())
        .collect();
    assert!(missing.is_empty(), "no atypical case for {missing:?}");
}

/// The hazard log's proof: every case a hazard names is in `tests/atypical.toml`, and walking it
/// ends at one of the hazard's outcomes, or at a level above all of them.
#[test]
fn every_hazard_is_proved_by_its_atypical_cases() {
    let tree = tree();
    let cases = cases();
    assert!(!tree.hazards.is_empty(), "the content has no hazard log");
    let mut failures = Vec::new();
    for h in &tree.hazards {
        let top = h.outcomes.iter().map(|&o| tree.outcomes[o].level).max();
        for id in &h.cases {
            let Some(case) = cases.iter().find(|c| &c.id == id) else {
                failures.push(format!("{}: no case '{id}' in tests/atypical.toml", h.id));
                continue;
            };
            let s = match common::walk::by_ids(&tree, &case.walks) {
                Ok(s) => s,
                Err(e) => {
                    failures.push(format!("{}: case '{id}' does not walk: {e}", h.id));
                    continue;
                }
            };
            let end = match s.current(&tree) {
                NodeRef::Outcome(o) => Some(o),
                NodeRef::Question(_) => None,
            };
            let level = s.overall(&tree);
            let caught = end.is_some_and(|o| h.outcomes.contains(&o))
                || level.zip(top).is_some_and(|(l, t)| l > t);
            if !caught {
                let at = end.map_or("a question", |o| tree.outcomes[o].id.as_str());
                failures.push(format!(
                    "{}: case '{id}' ends at '{at}' ({level:?}), not at one of its outcomes or above",
                    h.id
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A Spanish walk of every atypical case reaches the outcome ids of the English walk (the
/// translation is proven to be the same tree; this keeps it so). Without a Spanish translation
/// built in (data/es/), there is nothing to walk: tests/vignettes.rs walks the bilingual fixture.
#[test]
fn a_spanish_walk_of_every_atypical_case_reaches_the_same_outcome() {
    let Some((_, es)) = content::default_translations()
        .into_iter()
        .find(|(l, _)| *l == aftercare::i18n::Lang::Es)
    else {
        eprintln!("data/es/ is not built in: no Spanish content to walk");
        return;
    };
    let en = tree();
    let ids = |t: &Tree, c: &Case| -> Result<Vec<String>, String> {
        let s = common::walk::by_ids(t, &c.walks)?;
        Ok(s.results()
            .into_iter()
            .map(|o| t.outcomes[o].id.clone())
            .collect())
    };
    for case in cases() {
        let english = ids(&en, &case);
        assert!(english.is_ok(), "{}: {english:?}", case.id);
        assert_eq!(ids(&es, &case), english, "{}", case.id);
    }
}
