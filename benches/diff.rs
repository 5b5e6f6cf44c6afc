//! `aftercare diff`'s comparison (`diff::compare`): the embedded tree against itself, and
//! against a copy with one answer of the first family question pointed at an expected outcome and
//! a safety-net line reworded. Target: well under a second (it runs once per command).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use aftercare::content::{Level, NodeRef, embedded_tree};
use aftercare::diff::compare;

fn diff(c: &mut Criterion) {
    let tree = embedded_tree().expect("loads");
    let mut changed = tree.clone();
    let expected = changed
        .outcomes
        .iter()
        .position(|o| o.level == Level::Expected)
        .expect("an expected outcome");
    let NodeRef::Question(q) = changed.another() else {
        panic!("another is a question")
    };
    changed.questions[q].options[0].next = NodeRef::Outcome(expected);
    changed.questions[q].options[0].routes.clear();
    changed.outcomes[0].watch[0].push_str(" Or if it spreads.");
    let mut g = c.benchmark_group("diff");
    g.sample_size(20);
    g.bench_function("embedded_vs_itself", |b| {
        b.iter(|| black_box(compare(&tree, &tree)))
    });
    g.bench_function("embedded_vs_changed", |b| {
        b.iter(|| black_box(compare(&tree, &changed)))
    });
    g.finish();
}

criterion_group!(benches, diff);
criterion_main!(benches);
