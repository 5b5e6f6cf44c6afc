//! The shipped content, held to the clinical content issue's bar: sources everywhere, calling
//! first in emergencies, every level reachable, plain reading level, no unsupported claims.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use aftercare::content::{self, Level, readability};

fn tree() -> content::Tree {
    content::default_tree().unwrap_or_else(|c| panic!("{:#?}", c.lines()))
}

#[test]
fn the_embedded_content_has_no_warnings_either() {
    let checked = content::check_embedded();
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.lines());
}

#[test]
fn the_form_validated_at_build_time_is_the_checked_content() {
    // The app starts on what build.rs validated and serialized; it must be exactly what
    // `aftercare check data/` accepts today.
    let shipped = content::embedded_tree().expect("the build-time form loads");
    let checked = content::check_embedded()
        .tree
        .expect("data/ passes the checks");
    assert!(shipped == checked, "the build-time form differs from data/");
}

#[test]
fn every_outcome_and_topic_cites_a_source_and_emergencies_call_first() {
    let t = tree();
    for o in &t.outcomes {
        assert!(!o.sources.is_empty(), "outcome {} cites nothing", o.id);
        assert!(
            !o.now.is_empty() && !o.watch.is_empty(),
            "outcome {} lacks advice",
            o.id
        );
        if o.level == Level::Emergency {
            assert!(
                o.now[0].starts_with("Call {emergency}"),
                "outcome {}: {}",
                o.id,
                o.now[0]
            );
        }
    }
    for tp in &t.topics {
        assert!(!tp.sources.is_empty(), "topic {} cites nothing", tp.id);
    }
}

#[test]
fn every_level_is_reachable() {
    let t = tree();
    for l in Level::ALL {
        assert!(
            t.outcomes.iter().any(|o| o.level == l),
            "no outcome at level {l}"
        );
    }
}

#[test]
fn every_outcome_reads_at_grade_nine_or_lower() {
    let t = tree();
    let mut hard = Vec::new();
    for o in &t.outcomes {
        let mut text = vec![format!("{}.", o.title)];
        text.extend(o.now.iter().cloned());
        text.extend(o.watch.iter().cloned());
        text.extend(o.why.iter().cloned());
        let g = readability::grade(&text.join("\n"));
        if g > 9.0 {
            hard.push(format!("{}: grade {g:.1}", o.id));
        }
    }
    assert!(hard.is_empty(), "{hard:#?}");
}

#[test]
fn no_unsupported_claims_are_repeated() {
    let t = tree();
    let banned = [
        "flush out toxins",
        "flushes out toxins",
        "flush toxins",
        "clears the mind",
        "clear your mind",
        "think clearer",
        "healing crisis",
        "lactic acid build",
        "boosts circulation to the muscles",
    ];
    let mut texts: Vec<(String, String)> = Vec::new();
    for o in &t.outcomes {
        let all = [
            o.title.clone(),
            o.now.join(" "),
            o.watch.join(" "),
            o.why.clone().unwrap_or_default(),
        ];
        texts.push((o.id.clone(), all.join(" ")));
    }
    for tp in &t.topics {
        texts.push((tp.id.clone(), format!("{} {}", tp.summary, tp.body)));
    }
    for (id, text) in texts {
        let lower = text.to_lowercase();
        for b in banned {
            // Topics may quote a myth to correct it; they must then say it is not supported.
            if lower.contains(b) {
                let corrected = [
                    "no evidence",
                    "not supported",
                    "no good evidence",
                    "myth",
                    "isn't true",
                    "is not true",
                    "no study",
                ]
                .iter()
                .any(|c| lower.contains(c));
                assert!(corrected, "{id} repeats '{b}' without correcting it");
            }
        }
    }
}

/// The brief (section e) says not to mention lactic acid at all, and the headache wording must
/// not claim how often post-massage headaches happen (the evidence on frequency is thin).
#[test]
fn lactic_acid_and_headache_frequency_are_not_claimed() {
    let t = tree();
    let mut texts: Vec<(String, String)> = t
        .outcomes
        .iter()
        .map(|o| {
            let why = o.why.clone().unwrap_or_default();
            (
                o.id.clone(),
                format!(
                    "{} {} {} {why}",
                    o.title,
                    o.now.join(" "),
                    o.watch.join(" ")
                ),
            )
        })
        .collect();
    texts.extend(
        t.topics
            .iter()
            .map(|tp| (tp.id.clone(), format!("{} {}", tp.summary, tp.body))),
    );
    for (id, text) in texts {
        let lower = text.to_lowercase();
        assert!(!lower.contains("lactic"), "{id} mentions lactic acid");
        assert!(
            !(lower.contains("headache") && lower.contains("often the tension")),
            "{id} claims how often headaches are the tension type"
        );
    }
}

/// Timing questions whose answers name days ("Day 0 to 3", "Day 7 or later") must not describe
/// the same day twice with different ranges: ranges are identical (split by something else, such
/// as getting better or not) or do not touch, and together they cover every day from 0 on.
#[test]
fn day_ranges_in_one_list_do_not_overlap() {
    let t = tree();
    let mut checked = 0;
    for q in &t.questions {
        let ranges: Vec<(u32, u32, &str)> = q
            .options
            .iter()
            .filter_map(|o| day_range(&o.label).map(|(a, b)| (a, b, o.label.as_str())))
            .collect();
        if ranges.is_empty() {
            continue;
        }
        checked += 1;
        for (i, &(a1, b1, l1)) in ranges.iter().enumerate() {
            for &(a2, b2, l2) in &ranges[i + 1..] {
                let same = (a1, b1) == (a2, b2);
                let apart = b1 < a2 || b2 < a1;
                assert!(same || apart, "{}: '{l1}' and '{l2}' share a day", q.id);
            }
        }
        let mut covered: Vec<(u32, u32)> = ranges.iter().map(|&(a, b, _)| (a, b)).collect();
        covered.sort_unstable();
        covered.dedup();
        let mut next = 0;
        let mut last = 0;
        for (a, b) in covered {
            assert_eq!(a, next, "{}: day {next} is not covered", q.id);
            next = b.saturating_add(1);
            last = b;
        }
        assert_eq!(
            last,
            u32::MAX,
            "{}: the last range must be open-ended",
            q.id
        );
    }
    assert!(checked > 0, "no timing question names days");
}

/// "Day 4 to 6, ..." is (4, 6); "Day 7 or later, ..." is (7, u32::MAX).
fn day_range(label: &str) -> Option<(u32, u32)> {
    let rest = label.strip_prefix("Day ")?;
    let (head, _) = rest.split_once(',')?;
    let num = |s: &str| s.trim().parse::<u32>().ok();
    if let Some(from) = head.strip_suffix(" or later") {
        return Some((num(from)?, u32::MAX));
    }
    let (a, b) = head.split_once(" to ")?;
    Some((num(a)?, num(b)?))
}

#[test]
fn vasodilation_is_the_first_topic() {
    assert_eq!(tree().topics[0].id, "vasodilation");
}
