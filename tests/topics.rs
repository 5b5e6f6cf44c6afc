//! The explanation browser: list, search, reader, links and Back, the picture's animation (fake
//! times, no sleeps), every link resolving, and snapshots of each state.

#![allow(clippy::unwrap_used, reason = "test helpers outside #[test] fns")]

mod common;

use std::collections::{HashSet, VecDeque};

use aftercare::app::{Effect, Input, Key, ListMode, Screen};
use aftercare::config::Config;
use aftercare::content::{NodeRef, Tree};
use aftercare::triage::Session;
use aftercare::ui;
use aftercare::ui::Ui;
use aftercare::ui::layout::Body;
use aftercare::ui::theme::Theme;
use common::{TestApp, app, draw, embedded, ms, press, show, text, typed};

/// An app on the embedded default content (13 topics) at `w` x `h`.
fn full(w: u16, h: u16, theme: Theme, config: Config) -> Ui {
    TestApp::on(embedded())
        .theme(theme)
        .config(config)
        .size(w, h)
        .build()
}

/// The default content without colour, as the snapshots and most tests use it.
fn plain(w: u16, h: u16) -> Ui {
    full(w, h, Theme::no_color(), Config::default())
}

/// The default content in colour, where pictures move.
fn colour(w: u16, h: u16) -> Ui {
    full(w, h, Theme::default(), Config::default())
}

/// An input at `at` ms, on the screen as drawn (the runner draws after every input that changes
/// it; a tap on an undrawn screen is dropped).
fn at(a: &mut Ui, input: Input, at: u64) -> Vec<Effect> {
    show(a);
    a.update(input, ms(at))
}

/// A tap a second after the latest input, past the screen's settle time (time only goes on).
fn tap_later(a: &mut Ui, col: u16, row: u16) -> Vec<Effect> {
    let later = a.last_input_at() + std::time::Duration::from_secs(1);
    show(a);
    a.update(Input::Click { col, row }, later)
}

fn key_at(a: &mut Ui, key: Key, at_ms: u64) -> Vec<Effect> {
    at(a, Input::Key(key), at_ms)
}

fn topic_id(a: &Ui) -> &str {
    match a.screen {
        Screen::Topic { topic, .. } => &a.tree.topics[topic].id,
        _ => "",
    }
}

#[test]
fn browse_from_welcome_open_a_topic_and_come_back() {
    let mut a = plain(80, 24);
    press(&mut a, &[Key::Down, Key::Enter]);
    assert!(matches!(a.screen, Screen::Topics { selected: 0, .. }));
    press(&mut a, &[Key::Down, Key::Enter]);
    assert_eq!(topic_id(&a), "histamine");
    let s = text(&draw(&a));
    assert!(s.contains("Histamine: a local messenger"), "{s}");
    assert!(
        !s.contains('*') && !s.contains(" :: "),
        "no raw markup:\n{s}"
    );
    press(&mut a, &[Key::Backspace]);
    assert!(matches!(a.screen, Screen::Topics { selected: 1, .. }));
    press(&mut a, &[Key::Esc]);
    assert_eq!(a.screen, Screen::Welcome { selected: 1 });
}

#[test]
fn the_reader_scrolls_and_ends_with_links_and_sources() {
    let mut a = plain(80, 24);
    press(&mut a, &typed("2\n"));
    press(&mut a, &[Key::Down, Key::Down, Key::PageDown]);
    let Screen::Topic { scroll, .. } = a.screen else {
        panic!("a topic");
    };
    assert!(scroll > 2);
    press(&mut a, &[Key::End]);
    let s = text(&draw(&a));
    assert!(s.contains("Anaphylaxis. NHS. https://"), "{s}");
    press(&mut a, &[Key::Home]);
    assert!(matches!(a.screen, Screen::Topic { scroll: 0, .. }));
    // The wheel scrolls three rows.
    at(
        &mut a,
        Input::Scroll {
            col: 5,
            row: 10,
            up: false,
        },
        0,
    );
    assert!(matches!(a.screen, Screen::Topic { scroll: 3, .. }));
}

#[test]
fn follow_a_related_link_and_back_returns_exactly() {
    let mut a = plain(80, 24);
    press(&mut a, &typed("2\n"));
    press(&mut a, &[Key::Down, Key::Tab, Key::Tab]);
    let before = a.screen;
    let Screen::Topic { link, scroll, .. } = before else {
        panic!("a topic");
    };
    assert_eq!(link, Some(1));
    assert!(scroll > 1, "Tab scrolled the link into view");
    // The highlighted link is on screen.
    let l = ui::layout(&a, a.theme(), a.area());
    let Body::Topic(r) = &l.body else {
        panic!("a reader")
    };
    assert!(r.links.iter().any(|(i, _)| *i == 1));
    press(&mut a, &[Key::Enter]);
    assert_eq!(topic_id(&a), "flushing_dermographism");
    press(&mut a, &typed("1"));
    assert_eq!(topic_id(&a), "histamine");
    press(&mut a, &[Key::Left, Key::Backspace]);
    assert_eq!(a.screen, before, "same topic, scroll and link");
    press(&mut a, &[Key::BackTab, Key::BackTab]);
    assert!(matches!(a.screen, Screen::Topic { link: Some(3), .. }));
}

#[test]
fn tapping_a_link_follows_it() {
    let mut a = plain(80, 24);
    press(&mut a, &typed("2\n"));
    press(&mut a, &[Key::Tab, Key::Tab, Key::Tab]);
    let l = ui::layout(&a, a.theme(), a.area());
    let Body::Topic(r) = &l.body else {
        panic!("a reader")
    };
    let &(i, rect) = r.links.iter().find(|(i, _)| *i == 2).unwrap();
    tap_later(&mut a, rect.x + 3, rect.y);
    let vaso = &a.tree.topics[0];
    assert_eq!(topic_id(&a), a.tree.topics[vaso.related[i]].id);
}

#[test]
fn from_an_outcome_and_back_to_the_same_outcome() {
    // The starter tree: "\n211" ends on an expected flush with one explanation.
    let mut a = app(80, 24);
    press(&mut a, &typed("\n211"));
    press(&mut a, &[Key::Down, Key::Tab]);
    let outcome = a.screen;
    press(&mut a, &typed("w"));
    assert_eq!(topic_id(&a), "vasodilation");
    press(&mut a, &[Key::Esc]);
    assert_eq!(a.screen, outcome, "same outcome, scroll and button");
    press(&mut a, &typed("1"));
    assert_eq!(topic_id(&a), "vasodilation");
    press(&mut a, &[Key::Backspace]);
    assert_eq!(a.screen, outcome);
    assert_eq!(press(&mut a, &typed("2")), vec![Effect::Bell], "no link 2");
    // The title on the outcome is a tap target.
    press(&mut a, &[Key::PageDown]);
    let l = ui::layout(&a, a.theme(), a.area());
    let Body::Outcome(o) = &l.body else {
        panic!("an outcome")
    };
    let (_, r) = o.links[0];
    tap_later(&mut a, r.x, r.y);
    assert_eq!(topic_id(&a), "vasodilation");
}

#[test]
fn search_narrows_and_esc_clears() {
    let mut a = plain(80, 24);
    press(&mut a, &typed("2/"));
    assert!(matches!(
        a.screen,
        Screen::Topics {
            mode: ListMode::Searching,
            ..
        }
    ));
    press(&mut a, &typed("CLOT"));
    let found: Vec<String> = a
        .listed_topics()
        .iter()
        .map(|&t| a.tree.topics[t].id.clone())
        .collect();
    assert_eq!(found[0], "blood_clots", "title matches first: {found:?}");
    assert!(found.len() > 1 && found.len() < 13, "{found:?}");
    assert!(text(&draw(&a)).contains("Search: CLOT_"));
    // Letters that are keys elsewhere ('q', 'j', '?') are typed, not obeyed.
    press(&mut a, &typed(" q"));
    assert_eq!(a.browse.query, "CLOT q");
    assert!(text(&draw(&a)).contains("No explanation has 'CLOT q'"));
    press(&mut a, &[Key::Backspace, Key::Backspace]);
    assert_eq!(a.listed_topics().len(), found.len());
    press(&mut a, &[Key::Down, Key::Enter]);
    assert_eq!(topic_id(&a), found[1]);
    press(&mut a, &[Key::Backspace]);
    assert_eq!(a.browse.query, "CLOT", "the search is kept while reading");
    press(&mut a, &[Key::Esc]);
    assert!(a.browse.query.is_empty());
    assert_eq!(a.listed_topics().len(), 13);
    let Screen::Topics { selected, mode } = a.screen else {
        panic!("the list")
    };
    assert_eq!(mode, ListMode::Browsing);
    assert_eq!(a.tree.topics[selected].id, found[1], "still highlighted");
    // Body words count too, in any case.
    press(&mut a, &typed("/nitric oxide"));
    assert_eq!(a.listed_topics(), vec![0]);
}

#[test]
fn the_picture_moves_with_now_and_then_rests() {
    let mut a = colour(80, 24);
    assert_eq!(a.next_deadline(), None, "an idle app never wakes");
    key_at(&mut a, Key::Down, 1_000);
    key_at(&mut a, Key::Enter, 1_000);
    key_at(&mut a, Key::Enter, 2_000);
    assert_eq!(topic_id(&a), "vasodilation");
    assert_eq!(a.browse.motion().progress, 0.0);
    assert_eq!(a.next_deadline(), Some(ms(2_125)));
    assert_eq!(at(&mut a, Input::Deadline, 3_500), vec![Effect::Redraw]);
    let half = a.browse.motion();
    assert!((half.progress - 0.5).abs() < 1e-9, "{half:?}");
    assert_eq!(a.next_deadline(), Some(ms(3_625)));
    at(&mut a, Input::Deadline, 5_000);
    assert_eq!(a.browse.motion().progress, 1.0);
    assert!(a.next_deadline().is_some(), "the blood still flows");
    at(&mut a, Input::Deadline, 12_000);
    assert_eq!(a.next_deadline(), None, "still after ten seconds");
    // Closing the topic stops it at once; so does a window too small for the picture.
    let mut a = colour(80, 24);
    press(&mut a, &typed("2\n"));
    assert!(a.next_deadline().is_some());
    press(&mut a, &[Key::Esc]);
    settle(&mut a);
    assert_eq!(a.next_deadline(), None);
    press(&mut a, &[Key::Enter]);
    assert!(a.next_deadline().is_some());
    at(&mut a, Input::Resize { w: 40, h: 12 }, 10_000);
    assert_eq!(a.next_deadline(), None);
    // The legs picture has nothing to move.
    let mut a = colour(80, 24);
    press(&mut a, &typed("2/clot\n"));
    assert_eq!(topic_id(&a), "blood_clots");
    settle(&mut a);
    assert_eq!(a.next_deadline(), None);
    // Help over the picture pauses it.
    let mut a = colour(80, 24);
    press(&mut a, &typed("2\n"));
    assert!(a.next_deadline().is_some());
    press(&mut a, &typed("?"));
    settle(&mut a);
    assert_eq!(a.next_deadline(), None);
}

#[test]
fn the_picture_scrolls_away_with_the_text_at_80x24() {
    let reader = |a: &Ui| match ui::layout(a, a.theme(), a.area()).body {
        Body::Topic(r) => r,
        other => panic!("a reader: {other:?}"),
    };
    let mut a = colour(80, 24);
    press(&mut a, &typed("2\n"));
    assert_eq!(topic_id(&a), "vasodilation");
    let top = reader(&a);
    let whole = top.picture.expect("the picture at the top").drawing;
    assert!(whole.height >= 5, "{whole:?}");
    // Each row scrolled moves the picture up a row, until it is gone.
    press(&mut a, &[Key::Down]);
    let one = reader(&a).picture.expect("still partly there");
    assert_eq!(one.drawing.y, whole.y, "its top row is scrolled off");
    assert_eq!(one.drawing.height, whole.height - 1);
    insta::assert_snapshot!("topic_picture_scrolled_80x24", draw(&a).backend());
    let mut keys = 1;
    while reader(&a).picture.is_some() {
        press(&mut a, &[Key::Down]);
        keys += 1;
        assert!(keys <= 20, "the picture never scrolled away");
    }
    // Then the text has every row between the title and its "more" line.
    let r = reader(&a);
    assert_eq!(r.body.text.y, top.body.text.y);
    assert!(r.body.text.height >= 15, "{:?}", r.body.text);
    let s = text(&draw(&a));
    assert!(!s.contains('▀') && !s.contains('▄'), "{s}");
    // And Home brings it back whole.
    press(&mut a, &[Key::Home]);
    assert_eq!(reader(&a).picture.map(|p| p.drawing), Some(whole));
}

#[test]
fn the_picture_stands_still_under_reduced_motion_no_color_or_ascii() {
    let still = Config {
        reduced_motion: true,
        ..Config::default()
    };
    let ascii = Theme::choose(Default::default(), false, Some("linux"));
    for mut a in [
        full(80, 24, Theme::default(), still),
        plain(80, 24),
        full(80, 24, ascii, Config::default()),
    ] {
        press(&mut a, &typed("2\n"));
        assert_eq!(topic_id(&a), "vasodilation");
        settle(&mut a);
        assert_eq!(a.next_deadline(), None);
        assert_eq!(a.browse.motion().progress, 1.0, "the final frame");
        assert!(text(&draw(&a)).contains("After: the muscle ring relaxes"));
    }
}

/// The settle time's deadline (`app::settle`: a new screen's answers are dimmed until it),
/// delivered: the wake-ups left are the picture's.
fn settle(a: &mut Ui) {
    let at = a.last_input_at() + ms(a.config.kiosk.settle_ms);
    a.update(Input::Deadline, at);
}

/// A path of answers from `from` to every node it reaches, walked with the engine so that an
/// outcome reached only through a route (a fact told earlier on the path) is found too.
fn paths(tree: &Tree, from: NodeRef) -> Vec<(NodeRef, Vec<usize>)> {
    let mut start = Session::new(tree);
    if from != tree.start() {
        // `from` is meta.another: reach it the way a person does, after a first outcome.
        let (_, p) = paths(tree, tree.start())
            .into_iter()
            .find(|(n, _)| matches!(n, NodeRef::Outcome(_)))
            .unwrap();
        for i in p {
            start.answer(tree, i).unwrap();
        }
        start.check_another(tree).unwrap();
    }
    let mut seen = vec![(from, Vec::new())];
    let mut states = HashSet::from([(from, start.known(tree))]);
    let mut queue = VecDeque::from([(start, Vec::new())]);
    while let Some((session, path)) = queue.pop_front() {
        let NodeRef::Question(q) = session.current(tree) else {
            continue;
        };
        for i in 0..tree.questions[q].options.len() {
            let mut next = session.clone();
            next.answer(tree, i).unwrap();
            let node = next.current(tree);
            if !states.insert((node, next.known(tree))) {
                continue;
            }
            let mut p: Vec<usize> = path.clone();
            p.push(i);
            if seen.iter().all(|(n, _)| *n != node) {
                seen.push((node, p.clone()));
            }
            queue.push_back((next, p));
        }
    }
    seen
}

fn digit(i: usize) -> Key {
    Key::Char(char::from_digit(i as u32 + 1, 10).unwrap())
}

#[test]
fn every_outcome_link_opens_its_topic_and_back_returns() {
    let probe = plain(80, 24);
    let tree = probe.tree.clone();
    let from_start = paths(&tree, tree.start());
    let first_outcome = from_start
        .iter()
        .find(|(n, _)| matches!(n, NodeRef::Outcome(_)))
        .unwrap()
        .1
        .clone();
    let mut checked = 0;
    for (o, outcome) in tree.outcomes.iter().enumerate() {
        let node = NodeRef::Outcome(o);
        let mut keys = vec![Key::Enter];
        if let Some((_, p)) = from_start.iter().find(|(n, _)| *n == node) {
            keys.extend(p.iter().map(|&i| digit(i)));
        } else {
            let (_, p) = paths(&tree, tree.another())
                .into_iter()
                .find(|(n, _)| *n == node)
                .unwrap_or_else(|| panic!("outcome '{}' unreachable", outcome.id));
            keys.extend(first_outcome.iter().map(|&i| digit(i)));
            keys.push(Key::Char('a'));
            keys.extend(p.iter().map(|&i| digit(i)));
        }
        let mut a = plain(80, 24);
        press(&mut a, &keys);
        assert_eq!(a.session.current(&a.tree), node, "{}", outcome.id);
        let here = a.screen;
        for (i, &t) in outcome.topics.iter().enumerate() {
            press(&mut a, &[digit(i)]);
            assert_eq!(topic_id(&a), tree.topics[t].id, "{}", outcome.id);
            press(&mut a, &[Key::Esc]);
            assert_eq!(a.screen, here);
            checked += 1;
        }
        if !outcome.topics.is_empty() {
            press(&mut a, &typed("w"));
            assert_eq!(topic_id(&a), tree.topics[outcome.topics[0]].id);
        }
    }
    assert!(checked > 50, "only {checked} links");
}

#[test]
fn every_topic_is_listed_openable_and_its_related_links_resolve() {
    let mut a = plain(120, 40);
    press(&mut a, &typed("2"));
    assert_eq!(a.listed_topics().len(), a.tree.topics.len());
    for t in 0..a.tree.topics.len() {
        let s = text(&draw(&a));
        let title = &a.tree.topics[t].title;
        assert!(s.contains(title.as_str()), "'{title}' not on screen:\n{s}");
        press(&mut a, &[Key::Enter]);
        assert_eq!(
            a.screen,
            Screen::Topic {
                topic: t,
                scroll: 0,
                link: None
            }
        );
        let here = a.screen;
        for (i, &r) in a.tree.topics[t].related.clone().iter().enumerate() {
            press(&mut a, &[digit(i)]);
            assert_eq!(
                a.screen,
                Screen::Topic {
                    topic: r,
                    scroll: 0,
                    link: None
                }
            );
            press(&mut a, &[Key::Esc]);
            assert_eq!(a.screen, here);
        }
        press(&mut a, &[Key::Esc, Key::Down]);
    }
}

#[test]
fn snapshots_of_the_browser() {
    for (w, h) in [(80, 24), (120, 40)] {
        for (name, keys) in [
            ("topics_list", "2"),
            ("topics_search", "2/skin"),
            ("topic_reader", "2j\n"),
        ] {
            let mut a = plain(w, h);
            press(&mut a, &typed(keys));
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(&a).backend());
        }
        let mut a = colour(w, h);
        press(&mut a, &typed("2"));
        key_at(&mut a, Key::Enter, 60_000);
        insta::assert_snapshot!(format!("topic_picture_first_{w}x{h}"), draw(&a).backend());
        at(&mut a, Input::Deadline, 70_000);
        assert_eq!(a.next_deadline(), None);
        insta::assert_snapshot!(format!("topic_picture_last_{w}x{h}"), draw(&a).backend());
    }
}

#[test]
fn the_browser_fits_small_windows() {
    for (w, h) in [(40, 12), (50, 16), (39, 11), (0, 0)] {
        for keys in ["2", "2/zzz", "2\n", "2j\n", "2\n\t\t"] {
            let mut a = colour(w, h);
            press(&mut a, &typed(keys));
            let s = text(&draw(&a));
            if w >= 40 && h >= 12 {
                assert!(s.contains("Call your emergency"), "{s}");
            }
        }
    }
}

#[test]
fn labels_inside_a_picture_stay_readable_whatever_the_drawing_beneath() {
    use ratatui::style::Color;
    let mut a = colour(81, 26);
    a.update(Input::Key(Key::Char('2')), ms(0));
    a.update(Input::Key(Key::Enter), ms(10));
    // Through the whole animation: every letter of the labels keeps distinct colours.
    for t_ms in (0..6000).step_by(125) {
        a.update(Input::Deadline, ms(t_ms));
        let t = draw(&a);
        let b = t.backend().buffer();
        for y in 0..b.area.height {
            let row: String = (0..b.area.width).map(|x| b[(x, y)].symbol()).collect();
            for word in ["vessel:", "skin:"] {
                let Some(at) = row.find(word) else { continue };
                let col = row[..at].chars().count() as u16;
                for x in col..col + word.len() as u16 {
                    let c = &b[(x, y)];
                    // The screen's own colours: never the drawing's (skin on skin was invisible).
                    assert_eq!(
                        (c.fg, c.bg),
                        (Color::Reset, Color::Reset),
                        "{word} at {t_ms} ms"
                    );
                }
            }
        }
    }
}
