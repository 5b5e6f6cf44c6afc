//! The triage engine without a terminal: walking, back, restart, several symptoms, and property
//! tests over random answer sequences on the embedded content.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::sync::LazyLock;

use aftercare::content::{self, Level, NodeRef, Tree};
use aftercare::triage::{Refused, Session};
use common::starter;
use proptest::prelude::*;

fn pick(tree: &Tree, s: &mut Session, label: &str) -> NodeRef {
    let NodeRef::Question(q) = s.current(tree) else {
        panic!("not at a question")
    };
    let i = tree.questions[q]
        .options
        .iter()
        .position(|o| o.label == label)
        .unwrap_or_else(|| panic!("no option {label:?}"));
    s.answer(tree, i).unwrap()
}

#[test]
fn a_walk_ends_on_an_outcome_and_back_undoes_each_answer() {
    let t = starter();
    let mut s = Session::new(&t);
    assert_eq!(s.current(&t), t.start());
    assert_eq!(s.back(&t), Err(Refused::AtStart));
    pick(&t, &mut s, "None of these");
    pick(&t, &mut s, "Red, warm skin where I was massaged");
    let end = pick(&t, &mut s, "Yes, it is fading");
    let NodeRef::Outcome(o) = end else { panic!() };
    assert_eq!(t.outcomes[o].id, "flush_ok");
    assert_eq!(s.overall(&t), Some(Level::Expected));
    assert_eq!(s.answer(&t, 0), Err(Refused::NotAQuestion));
    let back = s.back(&t).unwrap();
    assert_eq!(back, t.node("red_when").unwrap());
    assert_eq!(
        s.overall(&t),
        None,
        "undoing the last answer removes its result"
    );
    assert_eq!(s.answer(&t, 9), Err(Refused::NoSuchOption));
}

#[test]
fn not_sure_takes_the_safer_branch() {
    let t = starter();
    let mut s = Session::new(&t);
    let n = pick(&t, &mut s, "Not sure");
    let NodeRef::Outcome(o) = n else { panic!() };
    assert_eq!(t.outcomes[o].level, Level::Emergency);
}

#[test]
fn several_symptoms_keep_every_result_and_the_most_urgent_wins() {
    let t = starter();
    let mut s = Session::new(&t);
    pick(&t, &mut s, "None of these");
    pick(&t, &mut s, "Sore muscles");
    pick(&t, &mut s, "No, worse after day 3");
    assert_eq!(s.overall(&t), Some(Level::Doctor));
    assert_eq!(s.check_another(&t), Ok(t.another()));
    assert_eq!(s.check_another(&t), Err(Refused::NotAnOutcome));
    pick(&t, &mut s, "Red, warm skin where I was massaged");
    pick(&t, &mut s, "Yes, it is fading");
    assert_eq!(s.results().len(), 2);
    assert_eq!(
        s.overall(&t),
        Some(Level::Doctor),
        "expected after doctor stays doctor"
    );
    // Back from the first question of a later walk returns to the earlier outcome.
    s.back(&t).unwrap();
    s.back(&t).unwrap();
    assert_eq!(s.current(&t), t.another());
    let prev = s.back(&t).unwrap();
    assert_eq!(prev, t.node("see_doctor").unwrap());
    s.restart(&t);
    assert!(!s.is_started());
    assert_eq!(s.results(), Vec::<usize>::new());
}

#[derive(Debug, Clone)]
enum Step {
    Answer(usize),
    Back,
    Restart,
    Another,
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(
        prop_oneof![
            6 => (0usize..10).prop_map(Step::Answer),
            2 => Just(Step::Back),
            1 => Just(Step::Restart),
            2 => Just(Step::Another),
        ],
        0..80,
    )
}

/// The embedded content, decoded once for every property case.
static EMBEDDED: LazyLock<Tree> = LazyLock::new(common::embedded);

proptest! {
    // 512 random sessions in the full run (`AFTERCARE_LONG_TESTS=1`, as CI sets), 64 otherwise.
    #![proptest_config(ProptestConfig::with_cases(common::short_or_long(64, 512)))]

    /// Random answers, backs, restarts and extra checks never panic, always stay on a real node,
    /// the overall level is always the maximum of the results, and no result is ever `expected`
    /// without an emergency screen answered earlier in the session.
    #[test]
    fn random_sessions_stay_valid(steps in steps()) {
        let t = &*EMBEDDED;
        let mut s = Session::new(t);
        for step in steps {
            let _ = match step {
                Step::Answer(i) => s.answer(t, i).map(|_| ()),
                Step::Back => s.back(t).map(|_| ()),
                Step::Restart => { s.restart(t); Ok(()) }
                Step::Another => s.check_another(t).map(|_| ()),
            };
            match s.current(t) {
                NodeRef::Question(q) => prop_assert!(q < t.questions.len()),
                NodeRef::Outcome(o) => prop_assert!(o < t.outcomes.len()),
            }
            let max = s.results().iter().map(|&o| t.outcomes[o].level).max();
            prop_assert_eq!(s.overall(t), max);
            let first = &s.walks()[0];
            if let Some(&(q, _)) = first.answers.first() {
                prop_assert!(t.questions[q].emergency_screen, "the first answer is always on an emergency screen");
            }
            for w in s.walks() {
                if let Some(o) = w.outcome
                    && t.outcomes[o].level == Level::Expected {
                        let screened = s.walks().iter().flat_map(|w| &w.answers).any(|&(q, _)| t.questions[q].emergency_screen);
                        prop_assert!(screened, "expected outcome without an emergency screen");
                    }
            }
        }
    }
}

#[test]
fn generated_trees_validate_even_when_very_deep() {
    // 100,000 deep in the full run (`AFTERCARE_LONG_TESTS=1`); tests/hostile.rs also checks a
    // 30,000-long chain on every run.
    let deepest = common::short_or_long(10_000, 100_000);
    for n in [10, 1_000, deepest] {
        let checked = content::check_files(content::synth::generate_raw(n));
        assert!(
            checked.diagnostics.is_empty(),
            "{n}: {:?}",
            &checked.lines()[..checked.lines().len().min(3)]
        );
    }
}

fn outcome_id(t: &Tree, n: NodeRef) -> &str {
    match n {
        NodeRef::Outcome(o) => &t.outcomes[o].id,
        NodeRef::Question(q) => &t.questions[q].id,
    }
}

/// A fact told in one symptom check ("I take a blood thinner" under bruises) sends a later
/// check elsewhere (a knock to the head is then an emergency); going back past the answer that
/// told it forgets it again, so the route no longer applies.
#[test]
fn a_fact_routes_later_checks_and_going_back_forgets_it() {
    let t = content::default_tree().unwrap();
    let mut s = Session::new(&t);
    for l in [
        "No, none of these",
        "No, none of these",
        "Bruises, or marks from cupping or gua sha",
        "Other bruises",
        "No, none of these",
    ] {
        pick(&t, &mut s, l);
    }
    pick(
        &t,
        &mut s,
        "I take a blood thinner, such as warfarin, apixaban or rivaroxaban",
    );
    pick(
        &t,
        &mut s,
        "Only bruises where I was massaged, and they are not growing",
    );
    let thinners = t.fact_index("thinners").unwrap();
    assert!(s.known(&t)[thinners]);
    s.check_another(&t).unwrap();
    pick(&t, &mut s, "A headache");
    let end = pick(
        &t,
        &mut s,
        "I hit or knocked my head, today or in the last few weeks",
    );
    assert_eq!(outcome_id(&t, end), "emg_thinners");
    assert_eq!(s.overall(&t), Some(Level::Emergency));

    // Back to the bruise question, and answer without the blood thinner this time.
    s.back(&t).unwrap(); // the head-knock answer
    s.back(&t).unwrap(); // "A headache"
    s.back(&t).unwrap(); // the second walk
    s.back(&t).unwrap(); // the bleeding answer
    s.back(&t).unwrap(); // the blood-thinner answer
    assert!(!s.known(&t)[thinners]);
    pick(&t, &mut s, "One small bruise where firm pressure was used");
    s.check_another(&t).unwrap();
    pick(&t, &mut s, "A headache");
    let next = pick(
        &t,
        &mut s,
        "I hit or knocked my head, today or in the last few weeks",
    );
    assert_eq!(outcome_id(&t, next), "head_knock");
    s.restart(&t);
    assert!(s.known(&t).iter().all(|k| !k));
}

/// After an emergency, a later calmer result names the earlier one first; before it, and when
/// the later result is as urgent, there is nothing to put first.
#[test]
fn an_earlier_more_urgent_result_comes_first() {
    let t = starter();
    let mut s = Session::new(&t);
    pick(&t, &mut s, "Chest pain or sudden trouble breathing");
    assert_eq!(s.earlier_first(&t), None);
    s.check_another(&t).unwrap();
    pick(&t, &mut s, "Red, warm skin where I was massaged");
    pick(&t, &mut s, "Yes, it is fading");
    let first = s.earlier_first(&t).expect("the emergency comes first");
    assert_eq!(t.outcomes[first].id, "call_now");
    s.back(&t).unwrap();
    assert_eq!(s.earlier_first(&t), None, "not on a question");
}
