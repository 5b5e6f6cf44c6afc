//! Clinical safety III and Not from the massage (issues 27 and 29), held against the embedded
//! content by behaviour a person would meet: no emergency answer worded like an everyday
//! complaint, facts about the person that carry into every later check, first aid that fits
//! everyone an emergency answer covers, and how many screens a person answers to reach advice.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use aftercare::content::{self, Level, NodeRef, Tree};
use aftercare::triage::Session;

fn tree() -> Tree {
    content::default_tree().unwrap_or_else(|c| panic!("{:#?}", c.lines()))
}

fn outcome<'t>(t: &'t Tree, id: &str) -> &'t content::Outcome {
    match t.node(id) {
        Some(NodeRef::Outcome(o)) => &t.outcomes[o],
        other => panic!("no outcome {id}: {other:?}"),
    }
}

fn question<'t>(t: &'t Tree, id: &str) -> &'t content::Question {
    match t.node(id) {
        Some(NodeRef::Question(q)) => &t.questions[q],
        other => panic!("no question {id}: {other:?}"),
    }
}

/// Every word a person reads on an outcome.
fn words(o: &content::Outcome) -> String {
    let mut all = vec![o.title.clone()];
    all.extend(o.now.iter().cloned());
    all.extend(o.watch.iter().cloned());
    all.extend(o.why.iter().cloned());
    all.join(" ")
}

/// Everyday complaints in the words people use for them (from a study of how lay people choose
/// care, and the twelve scenarios of issue 29). An answer that leads straight to the emergency
/// number must not be worded so that one of them fits it: each emergency answer names its own
/// sign ("throat tight or closing", "a fall you cannot explain"), not the everyday one.
const EVERYDAY: &[&str] = &[
    "a fall",
    "injury",
    "injured",
    "slip",
    "upper tummy",
    "stomach",
    "sore throat",
    "tight throat",
    "swollen throat",
    "a cold",
    "earache",
];

/// Whether choosing this answer can end at once on an emergency outcome, with any facts.
fn leads_to_emergency_now(t: &Tree, a: &content::Answer) -> bool {
    a.targets().any(|n| match n {
        NodeRef::Outcome(o) => t.outcomes[o].level == Level::Emergency,
        NodeRef::Question(_) => false,
    })
}

#[test]
fn no_emergency_answer_is_worded_like_an_everyday_complaint() {
    let t = tree();
    let mut traps = Vec::new();
    let mut checked = 0;
    for q in &t.questions {
        for a in &q.options {
            if a.not_sure || !(q.emergency_screen || leads_to_emergency_now(&t, a)) {
                continue;
            }
            checked += 1;
            let label = a.label.to_lowercase();
            for phrase in EVERYDAY {
                if label.contains(phrase) {
                    traps.push(format!("{}: {:?} contains {phrase:?}", q.id, a.label));
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} emergency answers found");
    assert!(traps.is_empty(), "wording traps:\n{}", traps.join("\n"));
}

/// The list above is not empty words: each phrase is one a person would really bring, and the
/// content offers a milder answer for it somewhere after the safety screens.
#[test]
fn everyday_complaints_have_an_answer_of_their_own() {
    let t = tree();
    let notice_2 = question(&t, "what_do_you_notice_2");
    let labels: Vec<String> = notice_2
        .options
        .iter()
        .map(|a| a.label.to_lowercase())
        .collect();
    for needle in ["a fall", "injury", "sore throat", "a cold", "tummy bug"] {
        assert!(
            labels.iter().any(|l| l.contains(needle)),
            "no answer on the second symptom list fits {needle:?}: {labels:?}"
        );
    }
}

/// All sessions that start with `prefix` (labels) and then take every answer of every question,
/// with the facts the prefix told; the outcome each ends at.
fn every_ending(t: &Tree, s: &Session) -> Vec<(Vec<String>, usize)> {
    let mut out = Vec::new();
    let mut stack = vec![(s.clone(), Vec::new())];
    while let Some((s, path)) = stack.pop() {
        match s.current(t) {
            NodeRef::Outcome(o) => out.push((path, o)),
            NodeRef::Question(q) => {
                for (i, a) in t.questions[q].options.iter().enumerate() {
                    let mut next = s.clone();
                    next.answer(t, i).unwrap();
                    let mut p = path.clone();
                    p.push(a.label.clone());
                    stack.push((next, p));
                }
            }
        }
    }
    out
}

fn walk(t: &Tree, walks: &[&[&str]]) -> Session {
    let mut s = Session::new(t);
    for (w, labels) in walks.iter().enumerate() {
        if w > 0 {
            s.check_another(t).unwrap();
        }
        for l in *labels {
            let NodeRef::Question(q) = s.current(t) else {
                panic!("at an outcome before {l:?}")
            };
            let i = t.questions[q]
                .options
                .iter()
                .position(|a| a.label == *l)
                .unwrap_or_else(|| panic!("{}: no {l:?}", t.questions[q].id));
            s.answer(t, i).unwrap();
        }
    }
    s
}

const NONE: &str = "No, none of these";

/// After a head knock on a blood thinner, told any of three ways, no later check of tiredness or
/// a headache may end below the emergency number; after a knock alone, none may end "Normal".
#[test]
fn a_head_knock_on_a_blood_thinner_carries_into_every_later_check() {
    let t = tree();
    let combined: &[&[&str]] = &[&[
        NONE,
        "On blood thinners and: head knock, bleeding won't stop, or bad headache",
    ]];
    let knock_then_thinner: &[&[&str]] = &[&[
        NONE,
        NONE,
        "A headache",
        "I hit or knocked my head, today or in the last few weeks",
        "I take a blood thinner (anticoagulant)",
    ]];
    let thinner_then_knock: &[&[&str]] = &[
        &[
            NONE,
            NONE,
            "Bruises, or marks from cupping or gua sha",
            "Other bruises",
            NONE,
            "I take a blood thinner, such as warfarin, apixaban or rivaroxaban",
            "Only bruises where I was massaged, and they are not growing",
        ],
        &[
            "A headache",
            "I hit or knocked my head, today or in the last few weeks",
        ],
    ];
    for (name, told) in [
        ("combined", combined),
        ("knock, then thinner", knock_then_thinner),
        ("thinner, then knock", thinner_then_knock),
    ] {
        let s = walk(&t, told);
        assert_eq!(s.overall(&t), Some(Level::Emergency), "{name}");
        for branch in [
            "Tired, sleepy, or achy and run down (flu-ish)",
            "A headache",
        ] {
            let mut s = s.clone();
            s.check_another(&t).unwrap();
            let mut s2 = s.clone();
            let i = question(&t, "what_do_you_notice")
                .options
                .iter()
                .position(|a| a.label == branch)
                .unwrap();
            s2.answer(&t, i).unwrap();
            let endings = every_ending(&t, &s2);
            assert!(endings.len() > 10, "{name}/{branch}: {}", endings.len());
            // Answers that tell another emergency are fine; what matters is that sleepiness,
            // tiredness and a headache never become milder than the bleeding risk.
            let low: Vec<String> = endings
                .iter()
                .filter(|(_, o)| t.outcomes[*o].level < Level::Emergency)
                .filter(|(p, _)| {
                    p.iter().any(|l| {
                        let l = l.to_lowercase();
                        l.contains("sleepy")
                            || l.contains("run down")
                            || l.contains("mild")
                            || l.contains("unwell each day")
                            || l.contains("more than 2 days")
                            || l.contains("getting worse")
                    })
                })
                .map(|(p, o)| format!("{} → {}", p.join(" → "), t.outcomes[*o].id))
                .collect();
            assert!(
                low.is_empty(),
                "{name}, then {branch}: below the emergency number:\n{}",
                low.join("\n")
            );
        }
    }
}

#[test]
fn a_head_knock_alone_makes_later_sleepiness_and_headache_never_normal() {
    let t = tree();
    let s = walk(
        &t,
        &[&[
            NONE,
            NONE,
            "A headache",
            "I hit or knocked my head, today or in the last few weeks",
            "None of these",
            NONE,
            NONE,
            "Mild, came on slowly, under 2 days, easing with rest or pain relief",
        ]],
    );
    let mut s = s.clone();
    s.check_another(&t).unwrap();
    let i = question(&t, "what_do_you_notice")
        .options
        .iter()
        .position(|a| a.label.starts_with("Tired"))
        .unwrap();
    s.answer(&t, i).unwrap();
    let normal: Vec<String> = every_ending(&t, &s)
        .into_iter()
        .filter(|(p, o)| {
            t.outcomes[*o].level == Level::Expected && p.iter().any(|l| l.contains("Sleepy"))
        })
        .map(|(p, o)| format!("{} → {}", p.join(" → "), t.outcomes[o].id))
        .collect();
    assert!(
        normal.is_empty(),
        "sleepy after a knock is 'Normal':\n{}",
        normal.join("\n")
    );
}

/// Each emergency outcome a first-screen answer reaches gives first aid that is right for every
/// condition that answer covers: the anaphylaxis position follows its source (legs raised; sit up
/// if breathing is hard; left side if pregnant), a leg that may be broken is never raised, and a
/// pregnant person with pre-eclampsia signs, whichever first answer she picks, is told to say so.
#[test]
fn emergency_first_aid_fits_everyone_the_answer_covers() {
    let t = tree();
    let anaphylaxis = words(outcome(&t, "emg_anaphylaxis"));
    for needle in ["legs raised", "sit up", "left side", "Do not stand up"] {
        assert!(
            anaphylaxis.contains(needle),
            "anaphylaxis first aid lacks {needle:?}"
        );
    }
    for id in ["emg_faint_now", "emg_anaphylaxis"] {
        let w = words(outcome(&t, id));
        assert!(w.contains("sit up") && w.contains("left side"), "{id}: {w}");
    }
    // Anywhere an injured person may be told to raise their legs, a broken leg is excepted.
    for o in &t.outcomes {
        let w = words(o);
        let injured =
            w.contains("hurt when you fell") || w.contains("broken") || w.contains("fell");
        if w.contains("legs raised") && injured {
            assert!(
                w.contains("Do not raise a leg that may be broken"),
                "{}: {w}",
                o.id
            );
        }
    }
    for id in [
        "emg_fracture",
        "urg_fracture",
        "emg_fall_collapse",
        "emg_faint_danger",
    ] {
        assert!(
            words(outcome(&t, id))
                .to_lowercase()
                .contains("do not raise a leg that may be broken"),
            "{id}"
        );
    }
    // A puffy face, a headache and blurred sight in pregnancy: every first-screen answer she
    // might pick ends on an outcome that names pregnancy.
    let first = question(&t, "emergency_screen");
    for a in &first.options {
        let l = a.label.to_lowercase();
        if !(l.contains("swollen") || l.contains("sight") || l.contains("headache")) {
            continue;
        }
        let NodeRef::Outcome(o) = a.next else {
            continue;
        };
        let w = words(&t.outcomes[o]);
        assert!(
            w.contains("pregnan"),
            "{:?} → {}: pregnancy not named",
            a.label,
            t.outcomes[o].id
        );
    }
    // Both legs weak, picked as "one arm, leg or side": the stroke outcome tells them what to say.
    assert!(words(outcome(&t, "emg_stroke")).contains("both legs"));
    // Hard breathing: nobody with it is told only to lie down.
    for o in t.outcomes.iter().filter(|o| o.level == Level::Emergency) {
        for item in &o.now {
            if item.starts_with("Lie down") && o.why.as_deref().unwrap_or("").contains("breath") {
                assert!(item.contains("sit up"), "{}: {item}", o.id);
            }
        }
    }
}

/// Paths from the first screen to an outcome, by answers (routes ignored: every path the graph
/// has, as `aftercare export` draws it); each entry is the number of questions answered.
fn path_lengths(t: &Tree) -> Vec<usize> {
    let mut out = Vec::new();
    let NodeRef::Question(start) = t.start() else {
        panic!("start is a question")
    };
    let mut stack = vec![(start, 1usize, vec![start])];
    while let Some((q, depth, seen)) = stack.pop() {
        for a in &t.questions[q].options {
            match a.next {
                NodeRef::Outcome(_) => out.push(depth),
                NodeRef::Question(n) if !seen.contains(&n) => {
                    let mut s = seen.clone();
                    s.push(n);
                    stack.push((n, depth + 1, s));
                }
                NodeRef::Question(_) => {}
            }
        }
    }
    out
}

/// A person answers few screens before advice: the median over every path from the first
/// screen (most of them end at the emergency number as soon as a sign is told) stays at most 6,
/// even with the general danger signs re-asked in every branch.
#[test]
fn the_median_path_to_advice_is_at_most_six_screens() {
    let t = tree();
    let mut lens = path_lengths(&t);
    lens.sort_unstable();
    let median = lens[lens.len() / 2];
    assert!(lens.len() > 300, "only {} paths", lens.len());
    assert!(
        median <= 6,
        "median {median} screens over {} paths",
        lens.len()
    );
}

/// The milder answers of every branch sit behind the general danger screen: no path from the
/// first screen ends below urgent without a question offering confusion, every sign of sepsis
/// and chest pain (checked by the content rules too; here as a person walks it, with routes).
#[test]
fn no_walk_ends_below_urgent_without_the_general_danger_signs() {
    let t = tree();
    let general: Vec<usize> = t
        .general
        .as_ref()
        .map(|g| g.flags.clone())
        .unwrap_or_default();
    assert!(
        !general.is_empty(),
        "the content declares general danger signs"
    );
    // What a walk has asked: (flag, sign) pairs, sign `usize::MAX` for a flag without signs.
    let needed: Vec<(usize, usize)> = general
        .iter()
        .flat_map(|&f| {
            let n = t.flags[f].signs.len();
            if n == 0 {
                vec![(f, usize::MAX)]
            } else {
                (0..n).map(|sg| (f, sg)).collect()
            }
        })
        .collect();
    let s = Session::new(&t);
    let mut missing = Vec::new();
    let mut stack = vec![(s, Vec::<(usize, usize)>::new())];
    let mut endings = 0;
    while let Some((s, asked)) = stack.pop() {
        match s.current(&t) {
            NodeRef::Outcome(o) => {
                endings += 1;
                if t.outcomes[o].level < Level::Urgent {
                    for &(f, sg) in &needed {
                        if !asked.contains(&(f, sg)) {
                            missing.push(format!("{} without {}", t.outcomes[o].id, t.flags[f].id));
                        }
                    }
                }
            }
            NodeRef::Question(q) => {
                let question = &t.questions[q];
                let mut asked = asked.clone();
                for &(f, sg) in &needed {
                    let sign = (sg != usize::MAX).then_some(sg);
                    if question.options.iter().any(|a| a.offers(f, sign))
                        && !asked.contains(&(f, sg))
                    {
                        asked.push((f, sg));
                    }
                }
                for i in 0..question.options.len() {
                    let mut next = s.clone();
                    next.answer(&t, i).unwrap();
                    stack.push((next, asked.clone()));
                }
            }
        }
    }
    assert!(endings > 300, "{endings}");
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// A title that begins with its level's words ("Get help today: ...") is not given them again
/// where a list puts the level first: the summary, the handout, the line mode, the mirror.
#[test]
fn no_result_line_repeats_its_level_words() {
    let t = tree();
    let mut urgent_titles = 0;
    for o in &t.outcomes {
        let line = format!("{}: {}", o.level.word(), o.level.title_rest(&o.title));
        assert_eq!(line.matches(o.level.word()).count(), 1, "{}: {line}", o.id);
        urgent_titles += usize::from(o.title.starts_with(o.level.word()));
    }
    assert!(
        urgent_titles > 10,
        "the content has titles that begin with their level's words"
    );
    // As a person reads it: the summary after an urgent result.
    let s = walk(
        &t,
        &[&[
            NONE,
            NONE,
            "Skin redness, warmth or flushing, or a burn from hot stones",
            "Itchy welts or redness spreading to where no one touched me",
            "No, none of these",
        ]],
    );
    let text =
        aftercare::words::summary_text(&t, &aftercare::config::Config::default(), &s, false, 80)
            .expect("a result");
    assert!(
        text.contains("Get help today: spreading hives or rash"),
        "{text}"
    );
    assert!(!text.contains("Get help today: Get help today"), "{text}");
}
