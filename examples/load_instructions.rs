//! Loads and checks generated content of N nodes once, on one thread: for counting instructions
//! with callgrind (`scripts/bench-load.sh`), a figure that a busy machine does not change.
//! `cargo bench --bench content` gives the time, on two threads.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::Ordering;

use aftercare::content::{check_files, synth, validate::MAX_THREADS};

fn main() {
    let nodes = std::env::args()
        .nth(1)
        .map_or(10_000, |s| s.parse().expect("a number of nodes"));
    // One thread: callgrind runs threads one after the other anyway, and the count is the work.
    MAX_THREADS.store(1, Ordering::Relaxed);
    let files = synth::generate_raw(nodes);
    // Called through a pointer, so it is not inlined into main and callgrind names it.
    let check: fn(_) -> _ = check_files;
    let checked = std::hint::black_box(check)(files);
    assert!(checked.tree.is_some(), "{:#?}", checked.lines());
}
