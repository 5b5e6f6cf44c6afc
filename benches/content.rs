//! Load + validate: the embedded content, and generated trees of 1k, 10k and 100k nodes.
//! Target: 10k nodes in at most 20 ms here, growing linearly. Large content is parsed and
//! checked on two threads: run this on a quiet machine, or the figures measure the neighbours.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use aftercare::content::{check_embedded, check_files, embedded_tree, synth};

fn load_validate(c: &mut Criterion) {
    c.bench_function("embedded", |b| b.iter(|| black_box(check_embedded())));
    // What the app loads at start: the form build.rs validated and serialized.
    c.bench_function("embedded_build_time_form", |b| {
        b.iter(|| black_box(embedded_tree().expect("loads")))
    });
    let mut g = c.benchmark_group("generated");
    g.sample_size(10);
    for n in [1_000usize, 10_000, 100_000] {
        let files = synth::generate_raw(n);
        g.throughput(Throughput::Elements(n as u64));
        // From the files' bytes to a checked tree: the copy of the input each round needs, and
        // freeing the result, are outside the timing (criterion's iter_batched).
        g.bench_with_input(BenchmarkId::from_parameter(n), &files, |b, files| {
            b.iter_batched(
                || files.clone(),
                |files| {
                    let checked = check_files(files);
                    assert!(checked.tree.is_some());
                    checked
                },
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, load_validate);
criterion_main!(benches);
