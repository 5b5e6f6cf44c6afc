//! Known gaps (`tests/known_gaps.toml`): walks from blind reviews that still end below the level a
//! clinician would give, because the content does not yet ask what they need. Each must still be
//! a gap: when the content closes one, this test fails and the case moves to
//! `tests/atypical.toml`, where it must then reach its level. A list that only shrinks.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use aftercare::content::{self, Level};
use serde::Deserialize;

mod common;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Gaps {
    case: Vec<Gap>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Gap {
    id: String,
    #[allow(dead_code, reason = "read by people, not by the test")]
    narrative: String,
    why: String,
    level: String,
    walks: Vec<Vec<String>>,
}

#[test]
fn each_known_gap_is_still_open_and_says_why() {
    let tree = content::default_tree().unwrap_or_else(|c| panic!("{:#?}", c.lines()));
    let text = std::fs::read_to_string("tests/known_gaps.toml").unwrap();
    let gaps = toml::from_str::<Gaps>(&text).unwrap().case;
    assert!(!gaps.is_empty());
    let mut closed = Vec::new();
    for g in &gaps {
        assert!(!g.why.trim().is_empty(), "{}: say what is missing", g.id);
        assert_eq!(g.walks.len(), 1, "{}: one walk a gap", g.id);
        let s = common::walk::by_ids(&tree, &g.walks)
            .unwrap_or_else(|e| panic!("{}: the walk no longer walks ({e}): re-walk it", g.id));
        let got = s.overall(&tree).expect("a result");
        let want = Level::from_id(&g.level).expect("a level");
        if got >= want {
            closed.push(format!("{} now reaches {got}", g.id));
        }
    }
    assert!(
        closed.is_empty(),
        "gaps closed: move them to tests/atypical.toml:\n{}",
        closed.join("\n")
    );
}
