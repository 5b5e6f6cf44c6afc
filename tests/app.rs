//! The state machine driven with inputs and fake times: no terminal, no sleeps.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::Duration;

use aftercare::app::{Effect, Input, Key, Overlay, Screen};
use aftercare::content::NodeRef;
use aftercare::ui;
use common::{TestApp, app, draw, embedded, press, secs, show, text, typed};

#[test]
fn arrows_and_enter_walk_to_an_outcome() {
    let mut a = app(80, 24);
    press(&mut a, &[Key::Enter]);
    assert_eq!(a.screen, Screen::Question { selected: 0 });
    press(&mut a, &[Key::Down, Key::Char('j'), Key::Down]);
    assert_eq!(
        a.screen,
        Screen::Question { selected: 2 },
        "stops at the last"
    );
    press(&mut a, &[Key::Up, Key::Char('k')]);
    assert_eq!(a.screen, Screen::Question { selected: 0 });
    press(&mut a, &[Key::Down, Key::Enter, Key::Enter, Key::Enter]);
    assert!(matches!(a.screen, Screen::Outcome { .. }));
    assert_eq!(a.tree.outcomes[a.session.results()[0]].id, "flush_ok");
}

#[test]
fn a_digit_picks_at_once_and_a_missing_one_rings_the_bell() {
    let mut a = app(80, 24);
    press(&mut a, &typed("\n"));
    assert_eq!(press(&mut a, &typed("9")), vec![Effect::Bell]);
    press(&mut a, &typed("1"));
    let o = a.session.results()[0];
    assert_eq!(a.tree.outcomes[o].id, "call_now");
}

#[test]
fn back_restores_the_previous_screen_with_its_selection() {
    let mut a = app(80, 24);
    press(&mut a, &typed("\n"));
    press(&mut a, &[Key::Down, Key::Enter]); // "None of these", picked with the arrow
    press(&mut a, &[Key::Down]); // highlight "Sore muscles" ...
    press(&mut a, &typed("1")); // ... but pick answer 1 by number
    press(&mut a, &[Key::Down, Key::Down]);
    assert_eq!(a.screen, Screen::Question { selected: 2 });
    press(&mut a, &[Key::Backspace]);
    assert_eq!(
        a.screen,
        Screen::Question { selected: 0 },
        "the answer given"
    );
    press(&mut a, &[Key::Left]);
    assert_eq!(a.screen, Screen::Question { selected: 1 });
    assert_eq!(a.session.current(&a.tree), a.tree.start());
    press(&mut a, &[Key::Char('b')]);
    assert_eq!(a.screen, Screen::Welcome { selected: 0 });
}

#[test]
fn back_from_an_outcome_and_from_another_check() {
    let mut a = app(80, 24);
    press(&mut a, &typed("\n211"));
    press(&mut a, &[Key::PageDown]);
    let outcome = a.screen;
    press(&mut a, &typed("a"));
    assert_eq!(a.session.current(&a.tree), a.tree.another());
    press(&mut a, &[Key::Backspace]);
    assert_eq!(a.screen, outcome, "scroll and button restored");
    press(&mut a, &[Key::Backspace]);
    assert_eq!(a.screen, Screen::Question { selected: 0 });
    assert!(a.session.results().is_empty());
}

#[test]
fn clicking_an_option_rectangle_picks_it() {
    let mut a = app(80, 24);
    press(&mut a, &typed("\n"));
    let l = ui::layout(&a, a.theme(), a.area());
    let ui::layout::Body::Menu(m) = &l.body else {
        panic!("a question is a menu");
    };
    let (i, r) = m.options[1];
    assert_eq!(i, 1);
    // The last cell of the option's last row counts, not just its first letter.
    show(&mut a);
    let fx = a.update(
        Input::Click {
            col: r.right() - 1,
            row: r.bottom() - 1,
        },
        Duration::from_secs(3),
    );
    assert_eq!(fx, vec![Effect::Redraw]);
    assert_eq!(a.session.answers(), &[(a.tree.meta.start, 1)]);
    // A click on nothing does nothing.
    show(&mut a);
    assert!(
        a.update(Input::Click { col: 0, row: 5 }, Duration::ZERO)
            .is_empty()
    );
}

#[test]
fn clicking_outcome_buttons_and_footer_hints() {
    let mut a = app(80, 24);
    press(&mut a, &typed("\n1"));
    let l = ui::layout(&a, a.theme(), a.area());
    let ui::layout::Body::Outcome(o) = &l.body else {
        panic!("an outcome");
    };
    show(&mut a);
    let b = o.buttons[0];
    a.update(Input::Click { col: b.x, row: b.y }, secs(10));
    assert_eq!(a.session.current(&a.tree), a.tree.another());
    let l = ui::layout(&a, a.theme(), a.area());
    let help = l
        .targets
        .iter()
        .find(|t| t.action == aftercare::app::Action::Help);
    show(&mut a);
    let r = help.unwrap().rect;
    a.update(Input::Click { col: r.x, row: r.y }, secs(11));
    assert_eq!(a.overlay, Some(Overlay::Help { scroll: 0 }));
}

#[test]
fn quitting_mid_check_asks_first() {
    let mut a = app(80, 24);
    assert_eq!(
        press(&mut a, &typed("\nq")),
        vec![Effect::Redraw, Effect::Quit]
    );
    let mut a = app(80, 24);
    press(&mut a, &typed("\n2"));
    assert_eq!(press(&mut a, &[Key::Esc]), vec![Effect::Redraw]);
    assert_eq!(a.overlay, Some(Overlay::ConfirmQuit));
    press(&mut a, &typed("n"));
    assert_eq!(a.overlay, None);
    press(&mut a, &typed("q"));
    assert_eq!(press(&mut a, &typed("y")), vec![Effect::Quit]);
    // On an outcome it asks too, as the help promises ("asks first if you have answered"),
    // by key and by the Quit button alike.
    let mut a = app(80, 24);
    assert_eq!(press(&mut a, &typed("\n1q")).last(), Some(&Effect::Redraw));
    assert!(matches!(a.screen, Screen::Outcome { .. }));
    assert_eq!(a.overlay, Some(Overlay::ConfirmQuit));
    assert!(text(&draw(&a)).contains("Quit now?"));
    press(&mut a, &typed("n"));
    assert_eq!(a.overlay, None);
    press(&mut a, &[Key::BackTab]); // the last button: Quit
    assert_eq!(press(&mut a, &[Key::Enter]), vec![Effect::Redraw]);
    assert_eq!(a.overlay, Some(Overlay::ConfirmQuit));
    assert_eq!(press(&mut a, &typed("y")), vec![Effect::Quit]);
    // So does q in the explanations opened from an outcome; before any answer it does not.
    let mut a = app(80, 24);
    press(&mut a, &typed("\n1w"));
    assert!(matches!(a.screen, Screen::Topic { .. }));
    assert_eq!(press(&mut a, &typed("q")), vec![Effect::Redraw]);
    assert_eq!(a.overlay, Some(Overlay::ConfirmQuit));
    let mut a = app(80, 24);
    press(&mut a, &[Key::Down, Key::Enter]); // Browse explanations, no answers
    assert_eq!(press(&mut a, &typed("q")), vec![Effect::Quit]);
    // Ctrl-C quits at once, from anywhere.
    let mut a = app(80, 24);
    assert_eq!(press(&mut a, &typed("\n2?")).len(), 3);
    assert_eq!(press(&mut a, &[Key::Ctrl('c')]), vec![Effect::Quit]);
}

#[test]
fn help_opens_and_closes_and_restart_starts_over() {
    let mut a = app(80, 24);
    press(&mut a, &typed("\n2?"));
    assert!(text(&draw(&a)).contains("Show this list of keys"));
    press(&mut a, &[Key::Esc]);
    assert_eq!(a.overlay, None);
    assert!(matches!(a.session.current(&a.tree), NodeRef::Question(_)));
    press(&mut a, &typed("1r"));
    assert_eq!(a.session.current(&a.tree), a.tree.start());
    assert!(!a.session.is_started());
}

#[test]
fn resize_to_nothing_and_back_keeps_the_state() {
    let mut a = app(80, 24);
    press(&mut a, &typed("\n2"));
    let before = a.screen;
    a.update(Input::Resize { w: 0, h: 0 }, Duration::from_secs(5));
    draw(&a);
    // Keys still work while nothing is visible; clicks find nothing.
    assert!(
        a.update(Input::Click { col: 0, row: 0 }, Duration::ZERO)
            .is_empty()
    );
    press(&mut a, &[Key::Down]);
    a.update(Input::Resize { w: 1, h: 1 }, Duration::from_secs(6));
    draw(&a);
    a.update(Input::Resize { w: 80, h: 24 }, Duration::from_secs(7));
    assert_eq!(a.screen, Screen::Question { selected: 1 });
    assert_ne!(a.screen, before);
    assert!(text(&draw(&a)).contains("What are you noticing?"));
}

#[test]
fn the_summary_lists_each_result_and_the_overall_level() {
    let mut a = app(80, 24);
    assert!(ui::summary::text(&a, a.theme(), 80).is_none());
    press(&mut a, &typed("\n211a22"));
    let s = ui::summary::text(&a, a.theme(), 80).unwrap();
    assert!(s.contains("✓ Expected: This is a normal response"), "{s}");
    assert!(s.contains("Book a visit in the next day or two."), "{s}");
    assert!(s.contains("Overall: ✚ See a doctor"), "{s}");
    // Wrapped at spaces to 80 columns: the words, joined again.
    let words = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.ends_with(
            "Very unwell? Call your emergency number (999, 112 or 911) now. \
             Questions? Call your massage therapist."
        ),
        "{s}"
    );
}

#[test]
fn deadlines_and_wheel_do_nothing_harmful() {
    let mut a = app(80, 24);
    assert_eq!(a.next_deadline(), None);
    assert!(
        a.update(Input::Deadline, Duration::from_secs(3600))
            .is_empty()
    );
    press(&mut a, &typed("\n"));
    a.update(
        Input::Scroll {
            col: 1,
            row: 1,
            up: false,
        },
        Duration::ZERO,
    );
    assert_eq!(a.screen, Screen::Question { selected: 1 });
}

#[test]
fn an_outcome_leads_with_the_overall_level_when_an_earlier_one_was_more_urgent() {
    let mut a = app(80, 24);
    press(&mut a, &typed("\n1")); // emergency
    press(&mut a, &[Key::Char('a')]);
    press(&mut a, &typed("11")); // red skin, fading: expected
    let screen = text(&draw(&a));
    let block = screen.lines().take(8).collect::<Vec<_>>().join("\n");
    assert!(block.contains("Overall: ‼ EMERGENCY"), "{screen}");
    assert!(block.contains("this symptom: ✓ Expected"), "{screen}");
}

#[test]
fn the_emergency_number_shows_at_every_size_even_too_small_ones() {
    for (w, h) in [
        (80, 1),
        (40, 2),
        (30, 3),
        (20, 6),
        (39, 11),
        (40, 12),
        (55, 14),
        (80, 24),
    ] {
        let mut a = app(w, h);
        a.update(Input::Resize { w, h }, Duration::ZERO);
        let screen = text(&draw(&a));
        assert!(screen.contains("999"), "{w}x{h}:\n{screen}");
    }
    // From 16 rows, the clinic phone joins it even at the narrowest allowed width.
    let a = app(40, 16);
    assert!(
        text(&draw(&a)).contains("Questions? Call your massage"),
        "{}",
        text(&draw(&a))
    );
}

/// Where `words` are drawn on screen: (column, row) of their first character.
fn find(a: &aftercare::ui::Ui, words: &str) -> Option<(u16, u16)> {
    let screen = text(&draw(a));
    screen.lines().enumerate().find_map(|(row, line)| {
        let at = line.find(words)?;
        Some((line[..at].chars().count() as u16, row as u16))
    })
}

#[test]
fn tapping_more_below_on_an_outcome_pages_down_and_more_above_pages_back() {
    let mut a = TestApp::on(embedded()).build();
    // Start, no red flags twice, skin redness, none of these, started today and fading: "expected".
    for k in ["\n", "8", "8", "1", "8", "8", "5"] {
        press(&mut a, &typed(k));
    }
    assert!(matches!(a.screen, Screen::Outcome { scroll: 0, .. }));
    assert_eq!(
        a.session.current(&a.tree),
        a.tree.node("exp_flush").unwrap(),
        "the keys reach the expected flushing outcome"
    );
    show(&mut a);
    let (col, row) = find(&a, "more below").expect("the outcome overflows at 80x24");
    a.update(Input::Click { col, row }, Duration::ZERO);
    let Screen::Outcome { scroll, .. } = a.screen else {
        panic!("still the outcome")
    };
    assert!(scroll > 1, "a tap pages down, not a row ({scroll})");
    show(&mut a);
    let (col, row) = find(&a, "more above").expect("now there is more above");
    a.update(Input::Click { col, row }, Duration::ZERO);
    assert!(matches!(a.screen, Screen::Outcome { scroll: 0, .. }));
}

#[test]
fn home_and_end_go_to_the_top_and_the_end_of_an_outcome_and_of_the_help() {
    let mut a = TestApp::on(embedded()).build();
    // The expected flushing outcome, as above: it overflows at 80x24.
    for k in ["\n", "8", "8", "1", "8", "8", "5"] {
        press(&mut a, &typed(k));
    }
    let max = ui::layout(&a, a.theme(), a.area()).max_scroll;
    assert!(max > 0, "the outcome overflows");
    press(&mut a, &[Key::Tab]);
    press(&mut a, &[Key::End]);
    assert_eq!(
        a.screen,
        Screen::Outcome {
            scroll: max,
            button: 1
        },
        "End: the end, same button"
    );
    let s = text(&draw(&a));
    assert!(s.contains("more above") && !s.contains("more below"), "{s}");
    press(&mut a, &[Key::Home]);
    assert_eq!(
        a.screen,
        Screen::Outcome {
            scroll: 0,
            button: 1
        },
        "Home: the top"
    );
    // The help box over it scrolls the same way.
    press(&mut a, &typed("?"));
    press(&mut a, &[Key::End]);
    let max = ui::layout(&a, a.theme(), a.area()).max_scroll;
    assert!(max > 0, "the help overflows at 80x24");
    assert_eq!(a.overlay, Some(Overlay::Help { scroll: max }));
    press(&mut a, &[Key::Home]);
    assert_eq!(a.overlay, Some(Overlay::Help { scroll: 0 }));
}

#[test]
fn tapping_more_below_in_a_long_question_brings_the_next_answer_into_view() {
    let mut a = TestApp::on(embedded()).size(60, 16).build();
    press(&mut a, &typed("\n"));
    assert!(
        find(&a, "Not sure if I have one").is_none(),
        "the last answer is hidden at 60x16"
    );
    for _ in 0..9 {
        let Some((col, row)) = find(&a, "more below") else {
            break;
        };
        show(&mut a);
        a.update(Input::Click { col, row }, Duration::ZERO);
    }
    assert!(find(&a, "Not sure if I have one").is_some());
    assert!(
        a.session.results().is_empty(),
        "tapping the indicator never answers"
    );
    assert_eq!(
        a.session.current(&a.tree),
        a.tree.start(),
        "still the first question"
    );
}

/// The state machine needs no renderer: keys work against any layout, and a tap is resolved
/// against the layout it is given (here one made by hand, with a single target).
#[test]
fn the_state_machine_runs_without_the_renderer() {
    use aftercare::app::view::{ScreenLayout, Target};
    use aftercare::app::{Action, App};
    use aftercare::config::Config;
    use ratatui::layout::Rect;
    let tree = aftercare::content::default_tree().unwrap();
    let mut a = App::new(tree, Config::default());
    let none = ScreenLayout::default();
    a.update(Input::Key(Key::Enter), Duration::ZERO, &none);
    assert_eq!(a.screen, Screen::Question { selected: 0 });
    assert!(
        a.update(Input::Click { col: 5, row: 5 }, Duration::ZERO, &none)
            .is_empty()
    );
    let one = ScreenLayout {
        targets: vec![Target {
            rect: Rect::new(0, 5, 10, 1),
            action: Action::Pick(1),
        }],
        ..ScreenLayout::default()
    };
    a.update(
        Input::Click { col: 5, row: 5 },
        Duration::from_secs(1),
        &one,
    );
    assert_eq!(a.session.answers(), &[(a.tree.meta.start, 1)]);
}

/// Two taps read in one go (a double tap, a bouncy screen, a burst over SSH): the second was
/// aimed at the screen the first one left, not at the safety question now in its place, which
/// nobody has seen. It does nothing until the new screen is drawn; keys still type ahead.
#[test]
fn a_second_tap_before_the_new_screen_is_drawn_answers_nothing() {
    let mut a = app(80, 24);
    show(&mut a);
    let ui::layout::Body::Menu(m) = ui::layout(&a, a.theme(), a.area()).body else {
        panic!("the welcome menu");
    };
    let (_, start) = m.options[0];
    let tap = Input::Click {
        col: start.x + 2,
        row: start.y,
    };
    assert_eq!(a.update(tap, Duration::ZERO), vec![Effect::Redraw]);
    assert_eq!(a.screen, Screen::Question { selected: 0 });
    // A tap on where an answer of the (not yet drawn) first safety question is: not taken.
    let ui::layout::Body::Menu(q) = ui::layout(&a, a.theme(), a.area()).body else {
        panic!("the first question");
    };
    let (_, answer) = q.options[1];
    let second = Input::Click {
        col: answer.x + 2,
        row: answer.y,
    };
    assert!(a.update(second, Duration::ZERO).is_empty());
    assert!(a.session.answers().is_empty(), "no answer nobody saw");
    // Once drawn (and settled: `app::settle`), a tap there answers as usual.
    show(&mut a);
    assert_eq!(a.update(second, secs(1)), vec![Effect::Redraw]);
    assert_eq!(a.session.answers(), &[(a.tree.meta.start, 1)]);
    // Keys are not dropped: typing ahead before a frame still works.
    a.update(Input::Key(Key::Char('1')), secs(1));
    assert_eq!(a.session.answers().len(), 2);
}

/// On any screen from the smallest (40x12) up, a question whose answers do not all fit says so:
/// a "more below" row under the last one shown, a "more above" row over the first. Without it,
/// a person on a small window would not know the other answers, "Not sure" among them, exist.
/// The question itself keeps at least two rows, and the highlighted answer is always shown; in
/// a terminal, and in a browser whose answers are several rows high.
#[test]
fn every_question_says_when_answers_are_out_of_view() {
    use aftercare::ui::menu::{MenuTexts, layout};
    use aftercare::ui::wrap::wrapped;
    use ratatui::layout::Rect;
    let tree = aftercare::content::default_tree().unwrap();
    let crumbs = "So far: No, none of these › No, none of these › Skin redness, warmth or flushing";
    let mut checked = 0;
    for q in &tree.questions {
        let t = MenuTexts {
            crumbs: crumbs.to_string(),
            prompt: q.text.clone(),
            help: q.help.clone().unwrap_or_default(),
            options: q.options.iter().map(|o| o.label.clone()).collect(),
        };
        let n = t.options.len();
        // The column a question gets: the screen less the banner, the footer and the margins;
        // and answers a finger high in a browser whose rows are short (`App::target_rows`).
        let columns = [(38, 9), (38, 10), (48, 11), (58, 13), (78, 21)];
        for ((w, h), touch) in columns
            .into_iter()
            .flat_map(|c| (1..=4).map(move |t| (c, t)))
        {
            for selected in 0..n {
                let m = layout(&t, selected, Rect::new(1, 2, w, h), touch);
                let shown: Vec<usize> = m.options.iter().map(|&(i, _)| i).collect();
                let what = format!(
                    "question '{}' in {w}x{h} touch {touch}, answer {selected}",
                    q.id
                );
                assert!(shown.contains(&selected), "{what}: the highlight is hidden");
                let need = wrapped(&t.prompt, w).len().min(2) as u16;
                assert!(
                    m.prompt.height >= need,
                    "{what}: the question is cut to {m:?}"
                );
                let (first, last) = (shown[0], shown[shown.len() - 1]);
                assert_eq!(first > 0, m.more_above.is_some(), "{what}: {shown:?} {m:?}");
                assert_eq!(
                    last + 1 < n,
                    m.more_below.is_some(),
                    "{what}: {shown:?} {m:?}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 2_000, "{checked}");
}
