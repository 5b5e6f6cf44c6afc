//! Arbitrary bytes as content: load + validate must never panic, and an accepted tree must obey
//! the safety rules the validator promises. Each input is parsed once, as `aftercare check` would
//! parse it (the quick parse, then `toml` for anything it does not take); whether the quick parse
//! reads a file exactly as `toml` does is the `quick_parse` target's to hold.
#![no_main]

use aftercare::content::{Level, NodeRef, RawFile, check_files};
use libfuzzer_sys::fuzz_target;

/// The longest input tried, as `scripts/fuzz.sh` passes it (`-max_len`): every rule of a content
/// file is in reach of a table or two (the seeds are the fixtures and the shipped files cut at
/// their tables into pieces of at most this much). The cost of an input grows faster than its
/// length (a broken file is parsed again after each slip, and every name left unresolved is
/// compared with every id for a suggestion), so small inputs are where the runs are. The shipped
/// files in full are `tests/quick_parse.rs`'s and `tests/check.rs`'s to hold.
const MAX_LEN: usize = 2048;

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_LEN {
        return;
    }
    let checked = check_files(vec![RawFile {
        name: "fuzz.toml".into(),
        bytes: data.to_vec(),
    }]);
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
