//! Arbitrary bytes as content: load + validate must never panic, an accepted tree must obey
//! the safety rules the validator promises, and the quick parse must read a file exactly as
//! `toml` does or leave it to `toml`.
#![no_main]

use aftercare::content::load::parse_paths_agree;
use aftercare::content::{Level, NodeRef, RawFile, check_files};
use libfuzzer_sys::fuzz_target;

/// The longest input tried, as `scripts/fuzz.sh` passes it (`-max_len`): a content file's rules
/// are all in reach of a few tables (the seeds are the fixtures and the shipped files cut at their
/// tables, each a few KB), and a 100 KB input costs as much as fifty small ones. The shipped files
/// in full are `tests/quick_parse.rs`'s and `tests/check.rs`'s to hold.
const MAX_LEN: usize = 8192;

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_LEN {
        return;
    }
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(e) = parse_paths_agree(text) {
            panic!("{e}");
        }
    }
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
