//! Snapshots of every screen at 80x24 and 120x40 (no colour), the too-small screen, and direct
//! checks of the safety-critical styles that text snapshots cannot show.

mod common;

use aftercare::app::Key;
use aftercare::config::Config;
use common::{app, draw, press, text, typed};
use ratatui::style::Modifier;

/// Each screen state, as the keys that reach it from the welcome screen.
const STATES: &[(&str, &str)] = &[
    ("welcome", ""),
    ("question", "\n"),
    ("question_breadcrumb", "\n21"),
    ("outcome_emergency", "\n1"),
    ("outcome_expected", "\n211"),
    ("outcome_two_results", "\n211a22"),
    // An emergency first, then a calm result: the emergency's advice comes first.
    ("outcome_after_emergency", "\n1a11"),
    ("help", "\n?"),
    ("confirm_quit", "\n2q"),
];

#[test]
fn every_screen_at_two_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        for (name, keys) in STATES {
            let mut a = app(w, h);
            press(&mut a, &typed(keys));
            let t = draw(&a);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
        }
    }
}

#[test]
fn too_small_says_so_and_never_panics() {
    let mut a = app(30, 10);
    press(&mut a, &typed("\n2"));
    let t = draw(&a);
    insta::assert_snapshot!("too_small_30x10", t.backend());
    for (w, h) in [(0, 0), (1, 1), (2, 1), (39, 12), (40, 11), (5, 40)] {
        for (_, keys) in STATES {
            let mut a = app(w, h);
            press(&mut a, &typed(keys));
            draw(&a);
        }
    }
}

#[test]
fn a_screen_of_one_row_shows_as_much_of_the_emergency_number_as_fits() {
    let row = |config: Config, w: u16| {
        let mut a = app(w, 1);
        a.app_mut().config = config;
        text(&draw(&a)).trim_end().to_string()
    };
    let mut clinic = Config::default();
    clinic.clinic.emergency = "999".into();
    assert_eq!(row(clinic.clone(), 1), "9");
    // Cut with a mark, never silently: "99" would be another number.
    assert_eq!(row(clinic.clone(), 2), "9…");
    assert_eq!(row(clinic.clone(), 3), "999");
    assert_eq!(row(clinic.clone(), 9), "Call 999");
    assert_eq!(row(clinic, 40), " Call 999 now if very unwell.");
    // No clinic config: the common numbers.
    assert_eq!(row(Config::default(), 1), "9");
    assert_eq!(row(Config::default(), 3), "999");
    assert_eq!(row(Config::default(), 2), "9…");
    assert_eq!(row(Config::default(), 11), "999");
    assert_eq!(row(Config::default(), 20), " 999, 112 or 911");
}

#[test]
fn an_international_number_keeps_its_plus_and_is_cut_only_with_a_mark_at_every_size() {
    let number = "+44 20 7946 0000";
    let mut clinic = Config::default();
    clinic.clinic.emergency = number.into();
    for h in 1..=3 {
        for w in 1..=60 {
            let mut a = app(w, h);
            a.app_mut().config = clinic.clone();
            let t = draw(&a);
            // The banner is the reverse-video cells (`emergency_banner_is_reverse_video…`).
            let b = t.backend().buffer();
            let banner: String = (0..h)
                .map(|y| {
                    (0..w)
                        .filter(|&x| b[(x, y)].modifier.contains(Modifier::REVERSED))
                        .map(|x| b[(x, y)].symbol())
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join(" ");
            let whole = banner.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(banner.contains('+'), "{w}x{h}: the + is gone: {banner:?}");
            // Either every digit of the number is on screen, or a cut says so.
            let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
            let shown_all = digits(&whole).contains(&digits(number));
            assert!(
                shown_all || banner.contains('…') || w == 1,
                "{w}x{h}: cut without a mark: {banner:?}"
            );
        }
    }
}

#[test]
fn smallest_supported_size_shows_every_screen() {
    for (_, keys) in STATES {
        let mut a = app(40, 12);
        press(&mut a, &typed(keys));
        let s = text(&draw(&a));
        assert!(s.contains("Call your emergency"), "{s}");
    }
}

#[test]
fn emergency_banner_is_reverse_video_on_every_screen() {
    for (name, keys) in STATES {
        let mut a = app(80, 24);
        press(&mut a, &typed(keys));
        let t = draw(&a);
        let b = t.backend().buffer();
        for x in 0..80 {
            assert!(
                b[(x, 0)].modifier.contains(Modifier::REVERSED),
                "{name}: banner cell {x} is not reverse video"
            );
        }
        assert!(
            text(&t)
                .lines()
                .next()
                .unwrap()
                .contains("Call your emergency number")
        );
    }
}

#[test]
fn emergency_level_block_is_reverse_video_with_symbol_and_word() {
    let mut a = app(80, 24);
    press(&mut a, &typed("\n1"));
    let t = draw(&a);
    let s = text(&t);
    let b = t.backend().buffer();
    let row = s.lines().position(|l| l.contains("‼ EMERGENCY")).unwrap() as u16;
    for x in 1..79 {
        assert!(
            b[(x, row)].modifier.contains(Modifier::REVERSED),
            "level block cell {x},{row}"
        );
    }
    // An expected outcome is not shown as an emergency: only its emergency line (when to call
    // the emergency number) carries the emergency symbol.
    let mut a = app(80, 24);
    press(&mut a, &typed("\n211"));
    let s = text(&draw(&a));
    assert!(s.contains("✓ Expected"), "{s}");
    for line in s.lines().filter(|l| l.contains('‼')) {
        assert!(line.contains("Call your emergency number"), "{s}");
    }
}

#[test]
fn long_outcome_scrolls_to_the_overall_level() {
    let mut a = app(50, 16);
    press(&mut a, &typed("\n211a22"));
    assert!(!text(&draw(&a)).contains("Overall:"));
    press(&mut a, &[Key::PageDown, Key::PageDown, Key::PageDown]);
    let s = text(&draw(&a));
    assert!(s.contains("Overall: ✚ See a doctor"), "{s}");
}

#[test]
fn put_lines_draws_exactly_what_set_line_draws() {
    use ratatui::backend::TestBackend;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};
    use ratatui::text::{Line, Span};
    let lines = || {
        vec![
            Line::from(vec![
                Span::styled("1. Chest pain", Style::new().fg(Color::Red)),
                Span::raw(" — or breathless…"),
            ]),
            Line::from("plain ascii line that is longer than the area is wide")
                .style(Style::new().bg(Color::Blue)),
            Line::from(vec![Span::raw("tab\there"), Span::raw("•wide界x")]),
        ]
    };
    let r = Rect::new(2, 1, 20, 3);
    let mut a = ratatui::Terminal::new(TestBackend::new(30, 5)).unwrap();
    a.draw(|f| aftercare::ui::put_lines(f, r, lines(), Style::default()))
        .unwrap();
    let mut b = ratatui::Terminal::new(TestBackend::new(30, 5)).unwrap();
    b.draw(|f| {
        for (y, line) in (r.y..).zip(lines()) {
            f.buffer_mut().set_line(r.x, y, &line, r.width);
        }
    })
    .unwrap();
    assert_eq!(a.backend().buffer(), b.backend().buffer());
}

#[test]
fn fill_and_put_rows_draw_exactly_what_paragraphs_draw() {
    use ratatui::backend::TestBackend;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::widgets::Paragraph;
    let style = Style::new()
        .fg(Color::Red)
        .bg(Color::Blue)
        .add_modifier(Modifier::BOLD | Modifier::REVERSED);
    let rows = [
        "1. Chest pain — or breathless…",
        "plain ascii",
        "•wide界x and more",
    ];
    for r in [
        Rect::new(2, 1, 20, 3),
        Rect::new(25, 3, 10, 4),
        Rect::new(0, 0, 0, 2),
    ] {
        let mut a = ratatui::Terminal::new(TestBackend::new(30, 5)).unwrap();
        a.draw(|f| {
            aftercare::ui::fill(f, r, style);
            aftercare::ui::put_rows(f, r, rows, style);
        })
        .unwrap();
        let mut b = ratatui::Terminal::new(TestBackend::new(30, 5)).unwrap();
        b.draw(|f| {
            f.render_widget(Paragraph::new("").style(style), r);
            f.render_widget(Paragraph::new(rows.join("\n")).style(style), r);
        })
        .unwrap();
        assert_eq!(a.backend().buffer(), b.backend().buffer(), "{r:?}");
    }
}

#[test]
fn the_welcome_screen_drawn_from_meta_alone_is_the_welcome_screen() {
    use aftercare::app::{App, Input};
    use aftercare::config::ThemeName;
    use aftercare::content::{default_tree, embedded_welcome};
    use aftercare::ui::Ui;
    use aftercare::ui::theme::Theme;
    use ratatui::backend::TestBackend;
    use std::time::Duration;
    // The terminal draws its first frame from the built-in content's [meta] alone and loads the
    // rest after it (main.rs): that frame must be the welcome screen of the whole content.
    let frame = |tree, theme: Theme, (w, h): (u16, u16)| {
        let mut ui = Ui::new(App::new(tree, Config::default()), theme);
        ui.update(Input::Resize { w, h }, Duration::ZERO);
        let mut t = ratatui::Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| ui.render(f)).unwrap();
        t.backend().buffer().clone()
    };
    let welcome = embedded_welcome().unwrap();
    assert_eq!(welcome.meta, default_tree().unwrap().meta);
    let themes = [
        Theme::default(),
        Theme::no_color(),
        Theme::choose(ThemeName::default(), false, Some("linux")),
    ];
    for theme in themes {
        for size in [
            (80, 24),
            (40, 12),
            (120, 40),
            (200, 60),
            (30, 10),
            (12, 3),
            (1, 1),
        ] {
            assert_eq!(
                frame(welcome.clone(), theme, size),
                frame(default_tree().unwrap(), theme, size),
                "{size:?}"
            );
        }
    }
}

#[test]
fn the_kiosk_welcome_drawn_from_a_content_folders_meta_is_its_welcome_screen() {
    use aftercare::app::{App, Input};
    use aftercare::content::{check_path, welcome_from_path};
    use aftercare::ui::Ui;
    use aftercare::ui::theme::Theme;
    use ratatui::backend::TestBackend;
    use std::path::Path;
    use std::time::Duration;
    // `--kiosk --content DIR` draws its first frame from DIR's [meta] alone, read without checking
    // the rest (main.rs), and checks the rest before any key: that frame must be the welcome
    // screen of the whole content.
    let frame = |tree, (w, h): (u16, u16)| {
        let app = App::new_kiosk(tree, Config::default(), Duration::ZERO);
        let mut ui = Ui::new(app, Theme::default());
        ui.update(Input::Resize { w, h }, Duration::ZERO);
        let mut t = ratatui::Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| ui.render(f)).unwrap();
        t.backend().buffer().clone()
    };
    let dir = tempfile::tempdir().unwrap();
    let crlf = dir.path().join("crlf.toml");
    let starter = std::fs::read_to_string("tests/fixtures/starter/tree.toml").unwrap();
    std::fs::write(&crlf, starter.replace('\n', "\r\n")).unwrap();
    for path in [
        Path::new("data"),
        Path::new("tests/fixtures/starter"),
        &crlf,
    ] {
        let welcome = welcome_from_path(path).expect("[meta] read alone");
        let full = check_path(path).unwrap().tree.unwrap();
        assert_eq!(welcome.meta.title, full.meta.title, "{path:?}");
        assert_eq!(welcome.meta.version, full.meta.version, "{path:?}");
        assert_eq!(welcome.meta.intro, full.meta.intro, "{path:?}");
        assert!(welcome.questions.is_empty(), "nothing to answer from");
        for size in [(80, 24), (40, 12), (120, 40), (12, 3)] {
            assert_eq!(
                frame(welcome.clone(), size),
                frame(full.clone(), size),
                "{path:?} {size:?}"
            );
        }
    }
    // Where cutting [meta] out could read it wrong, the kiosk checks first instead.
    let tricky = dir.path().join("tricky.toml");
    std::fs::write(
        &tricky,
        "[meta]\ntitle = \"\"\"\nA\n[not a table]\n\"\"\"\nversion = \"1\"\nstart = \"q\"\n",
    )
    .unwrap();
    assert!(welcome_from_path(&tricky).is_none());
    std::fs::write(&tricky, "[meta]\ntitle = 1\n").unwrap();
    assert!(welcome_from_path(&tricky).is_none());
    assert!(welcome_from_path(&dir.path().join("absent")).is_none());
}
