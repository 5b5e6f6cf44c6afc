//! Kiosk mode with an injected clock: the privacy reset, input during the countdown, the staff
//! PIN with backoff, lockdown of every quit key, and content reloads before and during a session.
//! No terminal and no sleeping: time is passed in.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use aftercare::app::{Effect, Input, Key, Overlay, Screen};
use aftercare::config::Config;
use aftercare::content::Tree;
use aftercare::kiosk::hash_pin;
use aftercare::ui;
use aftercare::ui::Ui;
use aftercare::ui::theme::Theme;
use common::{TestApp, draw, embedded, secs, show, starter, text};

/// A kiosk on the starter tree: 90 s idle timeout, 15 s countdown, PIN 2468; no settle time
/// (these tests are about the idle timer and the staff exit and press keys in the same second;
/// `tests/settle.rs` tests the settle time, in a kiosk too).
fn kiosk() -> Ui {
    let mut config = Config::default();
    config.kiosk.settle_ms = 0;
    config.kiosk.countdown_secs = 15;
    config.kiosk.pin_hash = Some(hash_pin("2468", &[1; 16]).unwrap());
    TestApp::on(starter()).kiosk().config(config).build()
}

fn key(a: &mut Ui, k: Key, at: u64) -> Vec<Effect> {
    a.update(Input::Key(k), secs(at))
}

/// Answers the screen and one symptom question: a session with answers on screen.
fn start_session(a: &mut Ui, at: u64) {
    key(a, Key::Enter, at); // Check a symptom
    key(a, Key::Char('2'), at); // None of these
}

#[test]
fn an_idle_welcome_screen_never_wakes() {
    let mut a = kiosk();
    assert_eq!(
        a.next_deadline(),
        None,
        "nothing to clear: sleep until input"
    );
}

#[test]
fn idle_then_countdown_then_everything_is_cleared() {
    let mut a = kiosk();
    start_session(&mut a, 10);
    assert!(a.session.is_started());
    assert_eq!(
        a.next_deadline(),
        Some(secs(100)),
        "countdown starts 90 s after the last input"
    );
    assert_eq!(a.update(Input::Deadline, secs(100)), vec![Effect::Redraw]);
    assert_eq!(a.overlay, Some(Overlay::StillThere));
    assert_eq!(a.countdown_left(), Some(15));
    assert!(
        text(&draw(&a)).contains("in 15 seconds"),
        "{}",
        text(&draw(&a))
    );
    // Each second of the countdown is a deadline, so the number counts down on screen.
    assert_eq!(a.next_deadline(), Some(secs(101)));
    a.update(Input::Deadline, secs(109));
    assert_eq!(a.countdown_left(), Some(6));
    a.update(Input::Deadline, secs(114));
    let last = text(&draw(&a));
    assert!(
        last.contains("in 1 second."),
        "one second, not \"1 seconds\": {last}"
    );
    a.update(Input::Deadline, secs(115));
    assert_eq!(a.screen, Screen::Welcome { selected: 0 });
    assert_eq!(a.overlay, None);
    assert!(!a.session.is_started(), "the next person sees nothing");
    assert_eq!(a.next_deadline(), None);
}

#[test]
fn nothing_of_the_last_person_shows_around_still_there() {
    let mut a = kiosk();
    key(&mut a, Key::Enter, 10);
    key(&mut a, Key::Char('1'), 10); // the emergency answer: an outcome on screen
    let before = text(&draw(&a));
    assert!(before.contains("EMERGENCY"), "{before}");
    a.update(Input::Deadline, secs(100));
    assert_eq!(a.overlay, Some(Overlay::StillThere));
    let after = text(&draw(&a));
    assert!(after.contains("Still there?"), "{after}");
    assert!(
        after.contains("Call your emergency"),
        "the banner stays: {after}"
    );
    // Every row of the outcome below the banner is gone, not just covered in the middle.
    let below_banner: String = after.lines().skip(2).collect::<Vec<_>>().join("\n");
    for row in before
        .lines()
        .skip(2)
        .map(str::trim)
        .filter(|r| r.len() > 3)
    {
        assert!(
            !below_banner.contains(row),
            "{row:?} still readable:\n{after}"
        );
    }
    insta::assert_snapshot!("kiosk_still_there_80x24", after);
}

/// The renderer remembers the texts it wrapped (ui::wrap). Those drawn from a person's answers
/// must not outlive them: the reset forgets them all, even though nobody could see them.
#[test]
fn the_reset_also_forgets_the_texts_drawn_from_the_answers() {
    let mut a = kiosk();
    key(&mut a, Key::Enter, 10);
    key(&mut a, Key::Char('1'), 10); // the emergency outcome
    show(&mut a);
    assert!(
        ui::wrap::remembered_count() > 0,
        "the outcome's texts were wrapped"
    );
    assert!(
        a.remembers_a_frame(),
        "the frame drawn from the answers is kept"
    );
    a.update(Input::Deadline, secs(100));
    a.update(Input::Deadline, secs(115));
    assert_eq!(a.screen, Screen::Welcome { selected: 0 });
    assert_eq!(ui::wrap::remembered_count(), 0);
    assert!(
        !a.remembers_a_frame(),
        "what the last frame was drawn from (the answers so far, the outcome) is forgotten too"
    );
}

#[test]
fn a_tap_or_key_during_the_countdown_keeps_the_session_and_does_nothing_else() {
    let mut a = kiosk();
    start_session(&mut a, 0);
    let before = a.screen;
    a.update(Input::Deadline, secs(95));
    assert_eq!(a.overlay, Some(Overlay::StillThere));
    // The tap lands on an answer's place, but only closes the countdown.
    show(&mut a);
    a.update(Input::Click { col: 5, row: 12 }, secs(96));
    assert_eq!(a.overlay, None);
    assert_eq!(a.screen, before);
    assert!(a.session.is_started());
    assert_eq!(
        a.next_deadline(),
        Some(secs(96 + 90)),
        "the timer starts again"
    );
    a.update(Input::Deadline, secs(190));
    key(&mut a, Key::Char('x'), 191);
    assert_eq!(a.overlay, None);
    assert!(a.session.is_started());
}

#[test]
fn no_key_a_person_can_press_quits_it() {
    let mut a = kiosk();
    let keys = [
        Key::Char('q'),
        Key::Esc,
        Key::Ctrl('c'),
        Key::Ctrl('d'),
        Key::Ctrl('z'),
        Key::Ctrl('\\'),
        Key::Ctrl('q'),
        Key::Char('Q'),
    ];
    for (i, k) in keys.iter().enumerate() {
        assert!(
            !key(&mut a, *k, i as u64).contains(&Effect::Quit),
            "{k:?} on the welcome screen"
        );
    }
    start_session(&mut a, 20);
    for (i, k) in keys.iter().enumerate() {
        assert!(
            !key(&mut a, *k, 30 + i as u64).contains(&Effect::Quit),
            "{k:?} mid-session"
        );
        assert_ne!(a.overlay, Some(Overlay::ConfirmQuit));
    }
    let screen = text(&draw(&a));
    assert!(
        !screen.contains("q quit"),
        "no quit hint in a kiosk:\n{screen}"
    );
}

#[test]
fn the_welcome_screen_has_no_quit_and_outcomes_finish_instead() {
    let mut a = kiosk();
    let welcome = text(&draw(&a));
    assert!(!welcome.contains("Quit"), "{welcome}");
    assert!(welcome.contains("Check a symptom"));
    key(&mut a, Key::Enter, 1);
    key(&mut a, Key::Char('1'), 2); // emergency outcome
    let outcome = text(&draw(&a));
    assert!(outcome.contains("Finish and clear"), "{outcome}");
    assert!(!outcome.contains("] Quit"), "{outcome}");
    key(&mut a, Key::Char('f'), 3);
    assert_eq!(a.screen, Screen::Welcome { selected: 0 });
    assert!(!a.session.is_started());
    assert_eq!(
        a.kiosk.as_ref().unwrap().counts,
        [0, 0, 0, 0, 1],
        "one emergency counted, no answers kept"
    );
}

#[test]
fn staff_exit_needs_the_chord_and_the_right_pin_and_wrong_pins_slow_down() {
    let mut a = kiosk();
    key(&mut a, Key::Ctrl('x'), 1);
    assert_eq!(a.overlay, None, "Ctrl-X alone does nothing");
    key(&mut a, Key::Ctrl('e'), 2);
    key(&mut a, Key::Ctrl('x'), 10);
    assert_eq!(
        a.overlay, None,
        "too slow: the chord is two keys within 3 s"
    );
    key(&mut a, Key::Ctrl('e'), 11);
    key(&mut a, Key::Ctrl('x'), 12);
    assert_eq!(a.overlay, Some(Overlay::StaffPin));
    for c in "1111".chars() {
        key(&mut a, Key::Char(c), 13);
    }
    assert!(
        text(&draw(&a)).contains("PIN: ••••"),
        "the PIN is never shown"
    );
    assert!(!key(&mut a, Key::Enter, 13).contains(&Effect::Quit));
    assert!(text(&draw(&a)).contains("Wrong PIN. Try again in 1 s."));
    for c in "2468".chars() {
        key(&mut a, Key::Char(c), 13);
    }
    assert!(
        !key(&mut a, Key::Enter, 13).contains(&Effect::Quit),
        "too soon: not even checked"
    );
    assert!(text(&draw(&a)).contains("Please wait 1 s."));
    for c in "2468".chars() {
        key(&mut a, Key::Char(c), 15);
    }
    assert_eq!(key(&mut a, Key::Enter, 15), vec![Effect::Quit]);
}

/// A tap on the screen as drawn (the runner draws after every input that changes it).
fn tap(a: &mut Ui, col: u16, row: u16, at: u64) -> Vec<Effect> {
    show(a);
    a.update(Input::Click { col, row }, secs(at))
}

/// The staff dialog's pad as laid out now.
fn pad(a: &Ui) -> aftercare::ui::layout::Pad {
    match ui::layout(a, a.theme(), a.area()).overlay {
        Some(ui::layout::OverlayLayout::Dialog { pad: Some(p), .. }) => p,
        other => panic!("no pad: {other:?}"),
    }
}

/// Taps a pad key by its label.
fn tap_key(a: &mut Ui, label: &str, at: u64) -> Vec<Effect> {
    let i = ui::layout::PAD_KEYS
        .iter()
        .position(|(l, _)| *l == label)
        .unwrap();
    let r = pad(a).keys[i];
    tap(a, r.x + r.width / 2, r.y, at)
}

#[test]
fn five_taps_on_the_banner_open_the_staff_pin_pad_and_the_pin_can_be_tapped() {
    let mut a = kiosk();
    // Four taps, or five spread over more than 3 s: nothing.
    for t in 0..4 {
        tap(&mut a, 10, 0, 1 + t);
    }
    assert_eq!(a.overlay, None);
    tap(&mut a, 10, 0, 9);
    assert_eq!(a.overlay, None, "a new series starts after 3 s");
    for _ in 0..4 {
        tap(&mut a, 10, 0, 10);
    }
    assert_eq!(a.overlay, Some(Overlay::StaffPin));
    let screen = text(&draw(&a));
    for label in ["1", "5", "9", "0", "⌫", "OK"] {
        assert!(screen.contains(label), "{label} is on the pad:\n{screen}");
    }
    // A wrong PIN, an erased digit, then the right one after the backoff.
    for d in ["1", "1", "1", "1", "OK"] {
        tap_key(&mut a, d, 11);
    }
    assert!(text(&draw(&a)).contains("Wrong PIN"));
    for d in ["2", "4", "6", "9", "⌫", "8"] {
        tap_key(&mut a, d, 13);
    }
    assert_eq!(a.kiosk.as_ref().unwrap().pin_entry, "2468");
    // A tap between the keys, inside the dialog, keeps what was typed.
    let frame = match ui::layout(&a, a.theme(), a.area()).overlay {
        Some(ui::layout::OverlayLayout::Dialog { frame, .. }) => frame,
        _ => unreachable!(),
    };
    tap(&mut a, frame.x + 1, frame.y + 1, 13);
    assert_eq!(a.overlay, Some(Overlay::StaffPin));
    assert_eq!(tap_key(&mut a, "OK", 13), vec![Effect::Quit]);
}

#[test]
fn a_tap_outside_the_pin_dialog_closes_it_and_forgets_the_digits() {
    let mut a = kiosk();
    for _ in 0..5 {
        tap(&mut a, 0, 0, 1);
    }
    tap_key(&mut a, "7", 1);
    tap(&mut a, 0, 23, 2);
    assert_eq!(a.overlay, None);
    assert!(a.kiosk.as_ref().unwrap().pin_entry.is_empty());
}

#[test]
fn escape_closes_the_pin_dialog_and_a_reset_clears_a_half_typed_pin() {
    let mut a = kiosk();
    key(&mut a, Key::Ctrl('e'), 1);
    key(&mut a, Key::Ctrl('x'), 1);
    key(&mut a, Key::Char('2'), 1);
    key(&mut a, Key::Esc, 2);
    assert_eq!(a.overlay, None);
    assert!(a.kiosk.as_ref().unwrap().pin_entry.is_empty());
    key(&mut a, Key::Ctrl('e'), 3);
    key(&mut a, Key::Ctrl('x'), 3);
    key(&mut a, Key::Char('2'), 3);
    a.update(Input::Deadline, secs(3 + 90));
    a.update(Input::Deadline, secs(3 + 105));
    assert_eq!(a.overlay, None);
    assert!(a.kiosk.as_ref().unwrap().pin_entry.is_empty());
}

fn renamed(title: &str) -> Tree {
    let mut t = starter();
    t.meta.title = title.into();
    t
}

#[test]
fn valid_content_takes_over_at_once_when_idle_and_after_the_session_otherwise() {
    let mut a = kiosk();
    assert!(
        a.app_mut().offer_content(renamed("Version 2")),
        "nobody is using it: take over now"
    );
    assert_eq!(a.tree.meta.title, "Version 2");
    start_session(&mut a, 5);
    assert!(
        !a.app_mut().offer_content(renamed("Version 3")),
        "never mid-session"
    );
    assert_eq!(a.tree.meta.title, "Version 2");
    key(&mut a, Key::Char('2'), 6); // keep answering on the old tree
    a.update(Input::Deadline, secs(6 + 90));
    a.update(Input::Deadline, secs(6 + 105));
    assert_eq!(
        a.tree.meta.title, "Version 3",
        "the reset lets it take over"
    );
    assert!(!a.session.is_started());
}

#[test]
fn invalid_content_is_refused_and_the_old_content_keeps_serving() {
    use aftercare::reload::{Reload, load};
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("tree.toml");
    std::fs::write(&bad, "[meta]\ntitle = \"x\"\n").unwrap();
    let mut a = kiosk();
    match load(&bad, false) {
        Reload::Refused(lines) => assert!(lines[0].contains("missing field"), "{lines:?}"),
        other => panic!("a broken file was not refused: {other:?}"),
    }
    start_session(&mut a, 1);
    assert_eq!(a.tree.meta.title, "Starter tree");
    assert!(a.session.is_started(), "the session goes on");
}

#[test]
fn a_reset_also_clears_a_search_in_the_explanations() {
    let mut a = kiosk();
    key(&mut a, Key::Char('2'), 1); // Browse explanations
    assert!(matches!(a.screen, Screen::Topics { .. }), "{:?}", a.screen);
    key(&mut a, Key::Char('/'), 2);
    key(&mut a, Key::Char('v'), 3);
    assert_eq!(a.browse.query, "v");
    assert!(a.holds_answers(), "a search is the person's too");
    a.update(Input::Deadline, secs(3 + 90));
    a.update(Input::Deadline, secs(3 + 105));
    assert_eq!(a.screen, Screen::Welcome { selected: 0 });
    assert!(a.browse.query.is_empty());
}

#[test]
fn the_picture_moves_in_a_kiosk_and_the_idle_timer_still_runs() {
    let mut a = TestApp::on(embedded())
        .kiosk()
        .theme(Theme::choose(
            aftercare::config::ThemeName::Default,
            false,
            Some("xterm-256color"),
        ))
        .build();
    key(&mut a, Key::Char('2'), 0);
    a.update(Input::Key(Key::Enter), common::ms(600)); // the first topic, with its picture
    assert!(matches!(a.screen, Screen::Topic { .. }), "{:?}", a.screen);
    let first = a.next_deadline().expect("the picture asks for a frame");
    assert!(first < secs(1), "{first:?}");
    assert_eq!(a.update(Input::Deadline, first), vec![Effect::Redraw]);
    assert!(a.next_deadline().unwrap() > first, "the clock moved on");
    // Long after the animation ends, only the idle timer is left.
    a.update(Input::Deadline, secs(20));
    assert_eq!(a.next_deadline(), Some(common::ms(90_600)));
}

#[test]
fn on_a_narrow_screen_every_footer_hint_is_still_there_to_tap() {
    // A phone-sized browser kiosk: 46 columns. The footer wraps instead of dropping hints, so the
    // QR code (only reachable from the footer) can still be tapped.
    let mut a = TestApp::on(embedded()).kiosk().size(46, 42).build();
    common::press(&mut a, &common::typed("\n881885"));
    assert!(matches!(a.screen, Screen::Outcome { .. }));
    assert_eq!(
        a.session.current(&a.tree),
        a.tree.node("exp_flush").unwrap()
    );
    let l = ui::layout(&a, a.theme(), a.area());
    let all = aftercare::app::keys::hints(a.context(), a.mode, false);
    assert_eq!(l.hints.len(), all.len(), "every hint placed");
    assert!(l.footer.height > 1, "on more than one row");
    let qr = all
        .iter()
        .position(|h| h.2 == aftercare::app::Action::TakeHome)
        .unwrap();
    let (r, _) = l.hints.iter().find(|(_, i)| *i == qr).unwrap();
    show(&mut a);
    let at = a.last_input_at() + secs(1);
    a.update(Input::Click { col: r.x, row: r.y }, at);
    assert_eq!(a.overlay, Some(Overlay::TakeHome), "the QR code by a tap");
}

#[test]
fn a_tap_on_the_enter_choose_hint_chooses_nothing() {
    // On the first safety screen the first answer (a red flag) is highlighted: a tap on the
    // footer's "Enter choose" chose it and showed EMERGENCY. Only a tap on an answer chooses.
    let mut a = kiosk();
    key(&mut a, Key::Enter, 1);
    let question = a.screen;
    assert!(matches!(question, Screen::Question { .. }));
    let l = ui::layout(&a, a.theme(), a.area());
    let all = aftercare::app::keys::hints(a.context(), a.mode, false);
    let choose = all
        .iter()
        .position(|h| h.2 == aftercare::app::Action::Choose)
        .expect("the hint is shown, for keyboards");
    let (r, _) = *l.hints.iter().find(|(_, i)| *i == choose).unwrap();
    for col in r.x..r.right() {
        tap(&mut a, col, r.y, 2);
    }
    assert_eq!(a.screen, question, "nothing chosen");
    assert!(a.session.answers().is_empty(), "no answer given");
    // The answer itself still takes a tap.
    let l = ui::layout(&a, a.theme(), a.area());
    let ui::layout::Body::Menu(m) = &l.body else {
        panic!("a menu")
    };
    let (_, first) = m.options[0];
    tap(&mut a, first.x + 2, first.y, 3);
    assert!(matches!(a.screen, Screen::Outcome { .. }), "{:?}", a.screen);
}
