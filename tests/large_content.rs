//! Large content is parsed and checked on two threads. What a clinic editor sees must not depend
//! on that: the same diagnostics, in the same order, and the same tree as on one thread.
//!
//! Alone in its own test binary: it lowers the process-wide thread limit to compare.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::atomic::Ordering;

use aftercare::content::validate::MAX_THREADS;
use aftercare::content::{RawFile, check_files, synth};

fn raw(files: &[String]) -> Vec<RawFile> {
    files
        .iter()
        .enumerate()
        .map(|(i, text)| RawFile {
            name: format!("gen{i:03}.toml"),
            bytes: text.clone().into_bytes(),
        })
        .collect()
}

/// Replaces the one occurrence of `from` in any file.
fn edit(files: &mut [String], from: &str, to: &str) {
    let hits: Vec<usize> = (0..files.len())
        .filter(|&i| files[i].matches(from).count() == 1)
        .collect();
    assert_eq!(hits.len(), 1, "'{from}' must occur once in all the files");
    files[hits[0]] = files[hits[0]].replace(from, to);
}

#[test]
fn two_threads_report_and_build_exactly_what_one_thread_does() {
    // 2,500 questions and 2,500 outcomes in 5 files, 1 MB: past both thresholds (256 KiB of
    // TOML, 2,000 entries of a kind), so the files and both lists of entries are split in two.
    let good = synth::generate(5_000);
    let mut bad = good.clone();
    // Mistakes in the first and the second half of each list, and in several files.
    edit(&mut bad, "next = \"q2\" }", "next = \"q2x\" }");
    edit(&mut bad, "next = \"o1300\" }", "next = \"o13000\" }");
    edit(&mut bad, "Question number 2499?", "Question number {oops}?");
    edit(
        &mut bad,
        "title = \"Contact your doctor: result 10\"",
        "title = \"Contact your doctor {clinc}\"",
    );
    edit(&mut bad, "title = \"Normal: result 2000\"", "title = \"\"");

    let two_good = check_files(raw(&good));
    let two_bad = check_files(raw(&bad));
    MAX_THREADS.store(1, Ordering::Relaxed);
    let one_good = check_files(raw(&good));
    let one_bad = check_files(raw(&bad));
    MAX_THREADS.store(2, Ordering::Relaxed);

    let lines = two_bad.lines();
    assert_eq!(lines, one_bad.lines());
    assert!(two_bad.tree.is_none());
    for (file, message) in [
        ("gen000.toml", "points to unknown question or outcome 'q2x'"),
        (
            "gen002.toml",
            "points to unknown question or outcome 'o13000'",
        ),
        ("gen004.toml", "unknown placeholder '{oops}'"),
        ("gen000.toml", "unknown placeholder '{clinc}'"),
        ("gen004.toml", "outcome 'o2000': the title is empty"),
    ] {
        assert_eq!(
            lines
                .iter()
                .filter(|l| l.starts_with(file) && l.contains(message))
                .count(),
            1,
            "{file}: {message} in {lines:#?}"
        );
    }
    let mut sorted = two_bad.diagnostics.clone();
    sorted.sort_by_key(|d| (d.file, d.span.start));
    assert_eq!(sorted, two_bad.diagnostics, "in file order");

    assert!(two_good.diagnostics.is_empty(), "{:#?}", two_good.lines());
    let (two, one) = (two_good.tree.expect("valid"), one_good.tree.expect("valid"));
    assert_eq!(two, one);
    // The order of the files, not of the parser's maps: q0, q1, … q2499.
    let ids: Vec<&str> = two.questions.iter().map(|q| q.id.as_str()).collect();
    let expected: Vec<String> = (0..2500).map(|i| format!("q{i}")).collect();
    assert_eq!(ids, expected);
}
