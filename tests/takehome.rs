//! "Take this with you": the QR code drawn into a terminal buffer decodes back to the summary
//! text, at 80x24 and larger; a window too small for any readable code says so instead.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use aftercare::app::{Input, Key, Overlay};
use aftercare::ui::{self, layout::OverlayLayout, takehome};
use common::{TestApp, app, draw, press, starter, text, typed};
use ratatui::style::Color;
use std::time::Duration;

/// Reads the code back from the screen: each cell is two modules (half blocks), dark = black
/// foreground; scaled up and decoded with rqrr, as a phone would.
fn decode(
    t: &ratatui::Terminal<ratatui::backend::TestBackend>,
    r: ratatui::layout::Rect,
) -> String {
    let buf = t.backend().buffer();
    let (w, h) = (usize::from(r.width), usize::from(r.height) * 2);
    let mut dark = vec![false; w * h];
    for y in 0..r.height {
        for x in 0..r.width {
            let cell = &buf[(r.x + x, r.y + y)];
            assert_eq!(cell.fg, Color::Black, "dark on light, whatever the theme");
            let (top, bottom) = match cell.symbol() {
                "█" => (true, true),
                "▀" => (true, false),
                "▄" => (false, true),
                _ => (false, false),
            };
            let (x, y) = (usize::from(x), usize::from(y) * 2);
            dark[y * w + x] = top;
            dark[(y + 1) * w + x] = bottom;
        }
    }
    let scale = 6;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w * scale, h * scale, |x, y| {
        if dark[(y / scale) * w + x / scale] {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one code on screen");
    grids[0].decode().expect("the code decodes").1
}

fn code_rect(a: &aftercare::ui::Ui) -> Option<ratatui::layout::Rect> {
    match ui::layout(a, a.theme(), a.area()).overlay {
        Some(OverlayLayout::TakeHome { code, .. }) => code,
        other => panic!("no take-home overlay: {other:?}"),
    }
}

#[test]
fn the_code_on_screen_decodes_to_the_summary() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(w, h);
        // Sore muscles, worse after day 3 (doctor), then red skin, not sure (urgent).
        press(&mut a, &typed("\n22"));
        press(&mut a, &typed("2"));
        press(&mut a, &[Key::Char('a')]);
        press(&mut a, &typed("13"));
        press(&mut a, &[Key::Char('t')]);
        assert_eq!(a.overlay, Some(Overlay::TakeHome));
        let t = draw(&a);
        let r = code_rect(&a).expect("a code fits");
        let got = decode(&t, r);
        let (want, _, _) = takehome::fitting(&a, r.width, r.height).unwrap();
        assert_eq!(got, want);
        assert!(got.contains("Overall: Get help today"), "{got}");
        assert!(got.contains("Emergency: your emergency number"), "{got}");
        assert!(
            text(&t).contains("Very unwell? Call"),
            "the banner stays on screen"
        );
        // Any key or a tap closes it.
        a.update(Input::Click { col: 1, row: 5 }, Duration::from_secs(99));
        assert_eq!(a.overlay, None);
    }
}

#[test]
fn the_most_urgent_result_comes_first_and_a_big_window_holds_more() {
    let mut a = app(120, 40);
    press(&mut a, &typed("\n22"));
    press(&mut a, &typed("2"));
    press(&mut a, &[Key::Char('a')]);
    press(&mut a, &typed("13"));
    let long = takehome::text(&a, 600);
    let urgent = long.find("Get medical help today").unwrap();
    let doctor = long.find("Contact your doctor").unwrap();
    assert!(urgent < doctor, "{long}");
    assert!(takehome::text(&a, 100).len() <= 100 + 60);
}

#[test]
fn a_window_too_small_for_a_readable_code_says_so() {
    let mut a = app(40, 12);
    press(&mut a, &typed("\n1"));
    press(&mut a, &[Key::Char('t')]);
    assert_eq!(code_rect(&a), None);
    assert!(
        text(&draw(&a)).contains("does not fit"),
        "{}",
        text(&draw(&a))
    );
}

#[test]
fn saving_asks_for_a_name_and_before_replacing_a_file() {
    use aftercare::app::Effect;
    use aftercare::app::save::Saved;
    let mut a = app(80, 24);
    press(&mut a, &typed("\n1"));
    press(&mut a, &[Key::Char('s')]);
    assert_eq!(a.overlay, Some(Overlay::Save));
    assert!(text(&draw(&a)).contains("> aftercare-summary.md_"));
    for _ in 0.."summary.md".len() {
        press(&mut a, &[Key::Backspace]);
    }
    let fx = press(&mut a, &typed("notes.md\n"));
    assert_eq!(fx.last(), Some(&Effect::SaveSummary));
    assert_eq!(a.save_request(), ("aftercare-notes.md".to_string(), false));
    a.app_mut().saved(Saved::Exists);
    assert!(text(&draw(&a)).contains("That file exists"));
    press(&mut a, &[Key::Enter]);
    assert_eq!(a.save_request(), ("aftercare-notes.md".to_string(), true));
    a.app_mut()
        .saved(Saved::Written("aftercare-notes.md".into()));
    // Saved: the dialog closes and the footer says so until the next key.
    assert_eq!(a.overlay, None);
    assert!(matches!(a.screen, aftercare::app::Screen::Outcome { .. }));
    let screen = text(&draw(&a));
    assert!(screen.contains("✓ Saved to aftercare-notes.md"), "{screen}");
    assert!(!screen.contains("Type a file name"), "{screen}");
    press(&mut a, &[Key::Down]);
    assert!(!text(&draw(&a)).contains("Saved to"));
    assert!(text(&draw(&a)).contains("s save"), "the hints are back");
    let md = aftercare::ui::summary::markdown(&a);
    assert!(
        md.contains("## EMERGENCY") && md.contains("- Call your emergency number"),
        "{md}"
    );
}

#[test]
fn a_kiosk_never_offers_to_save() {
    let mut a = TestApp::on(starter()).kiosk().build();
    press(&mut a, &typed("\n1"));
    press(&mut a, &[Key::Char('s')]);
    assert_eq!(a.overlay, None);
    assert!(!text(&draw(&a)).contains("s save"));
}
