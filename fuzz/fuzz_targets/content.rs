//! Arbitrary bytes as content: load + validate must never panic, and an accepted tree must obey
//! the safety rules the validator promises.
#![no_main]

use aftercare::content::{Level, NodeRef, RawFile, check_files};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let checked = check_files(vec![RawFile { name: "fuzz.toml".into(), bytes: data.to_vec() }]);
    let _ = checked.lines();
    if let Some(tree) = checked.tree {
        for q in &tree.questions {
            assert!((2..=9).contains(&q.options.len()));
            for t in q.options.iter().flat_map(|o| o.targets()) {
                match t {
                    NodeRef::Question(i) => assert!(i < tree.questions.len()),
                    NodeRef::Outcome(i) => assert!(i < tree.outcomes.len()),
                }
            }
        }
        for o in &tree.outcomes {
            assert!(!o.now.is_empty() && !o.watch.is_empty());
            if o.level == Level::Emergency {
                assert!(o.now[0].starts_with("Call {emergency}"));
            }
        }
    }
});
