//! The guide in a second language: the Spanish screens (snapshots), the switch on the welcome
//! screen (a key and a tap, labelled in its own language), and a kiosk's return to the clinic's
//! language at each reset. On the bilingual fixture (tests/fixtures/bilingual), so the tests do
//! not depend on the wording in data/.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use aftercare::app::{App, Input, Key, Screen};
use aftercare::config::Config;
use aftercare::content::{self, Tree};
use aftercare::i18n::{self, Lang};
use aftercare::ui;
use common::{TestApp, draw, press, secs, show, text, typed};

/// The fixture's English tree and its translations.
fn bilingual() -> (Tree, Vec<(Lang, Tree)>) {
    let checked = content::check_path(Path::new("tests/fixtures/bilingual")).unwrap();
    (checked.tree.unwrap(), checked.translations)
}

/// The clinic config of a Spanish kiosk.
fn spanish_config() -> Config {
    Config {
        language: Some(Lang::Es),
        ..Config::default()
    }
}

/// A kiosk on the bilingual fixture whose clinic says Spanish.
fn spanish_kiosk(config: &Config) -> aftercare::ui::Ui {
    let (tree, translations) = bilingual();
    TestApp::on(tree)
        .config(config.clone())
        .kiosk()
        .languages(Lang::Es, translations)
        .build()
}

/// The person walks away: no input for the idle time, then the countdown runs out.
fn walk_away(a: &mut aftercare::ui::Ui, config: &Config) {
    let idle = config.kiosk.idle_timeout_secs + config.kiosk.countdown_secs + 5;
    let later = a.last_input_at() + secs(idle);
    a.update(
        Input::Deadline,
        later - secs(config.kiosk.countdown_secs + 1),
    );
    a.update(Input::Deadline, later);
}

fn spanish_app(w: u16, h: u16) -> aftercare::ui::Ui {
    let (tree, translations) = bilingual();
    TestApp::on(tree)
        .languages(Lang::Es, translations)
        .size(w, h)
        .build()
}

#[test]
fn the_spanish_welcome_question_and_outcome() {
    for (w, h) in [(80, 24), (40, 12)] {
        for (name, keys) in [
            ("welcome_es", ""),
            ("question_es", "\n"),
            ("outcome_emergency_es", "\n1"),
        ] {
            let mut a = spanish_app(w, h);
            press(&mut a, &typed(keys));
            let t = draw(&a);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
        }
    }
    let a = spanish_app(80, 24);
    let screen = text(&draw(&a));
    assert!(screen.contains("Revisar un síntoma"), "{screen}");
    // The switch names the other language in its own words.
    assert!(screen.contains("English"), "{screen}");
    assert_eq!(i18n::lang(), Lang::Es);
}

#[test]
fn the_key_on_the_welcome_screen_switches_and_switches_back() {
    let (tree, translations) = bilingual();
    let mut a = TestApp::on(tree).languages(Lang::En, translations).build();
    let screen = text(&draw(&a));
    assert!(screen.contains("Check a symptom"), "{screen}");
    assert!(screen.contains("Español"), "{screen}");
    press(&mut a, &typed("l"));
    assert_eq!(a.lang(), Lang::Es);
    assert_eq!(a.tree.meta.title, "Árbol de inicio");
    let screen = text(&draw(&a));
    assert!(screen.contains("Revisar un síntoma"), "{screen}");
    assert!(screen.contains("English"), "{screen}");
    // The questions are the Spanish ones, the same tree.
    press(&mut a, &typed("\n"));
    assert!(text(&draw(&a)).contains("Ahora mismo"));
    press(&mut a, &typed("q"));
    // Back on the welcome screen (q from the first question asks nothing: no answers yet).
    let (tree, translations) = bilingual();
    let mut a = TestApp::on(tree).languages(Lang::Es, translations).build();
    press(&mut a, &typed("l"));
    assert_eq!(a.lang(), Lang::En);
    assert!(text(&draw(&a)).contains("Check a symptom"));
}

#[test]
fn a_tap_on_the_language_item_switches() {
    let (tree, translations) = bilingual();
    let mut a = TestApp::on(tree).languages(Lang::En, translations).build();
    show(&mut a);
    let l = ui::layout(&a, a.theme(), a.area());
    let ui::layout::Body::Menu(m) = &l.body else {
        panic!("the welcome screen is a menu");
    };
    // Start, Browse, Español, Quit.
    assert_eq!(m.options.len(), 4);
    let (_, r) = m.options[2];
    a.update(Input::Click { col: r.x, row: r.y }, secs(5));
    assert_eq!(a.lang(), Lang::Es);
    assert_eq!(a.screen, Screen::Welcome { selected: 0 });
}

#[test]
fn content_in_one_language_offers_no_switch() {
    let (tree, _) = bilingual();
    let mut a = TestApp::on(tree).build();
    let screen = text(&draw(&a));
    assert!(!screen.contains("Español"), "{screen}");
    press(&mut a, &typed("l"));
    assert_eq!(a.lang(), Lang::En);
}

#[test]
fn a_kiosk_returns_to_the_clinics_language_at_each_reset() {
    let config = spanish_config();
    let mut a = spanish_kiosk(&config);
    assert_eq!((a.lang(), a.home_lang()), (Lang::Es, Lang::Es));
    press(&mut a, &typed("l"));
    assert_eq!(a.lang(), Lang::En);
    // Someone starts in English and walks away: the privacy reset clears the answers and
    // brings the clinic's language back for the next person.
    press(&mut a, &typed("\n2"));
    walk_away(&mut a, &config);
    assert_eq!(a.screen, Screen::Welcome { selected: 0 });
    assert_eq!(a.lang(), Lang::Es);
    assert_eq!(i18n::lang(), Lang::Es);
    assert_eq!(a.tree.meta.title, "Árbol de inicio");
}

/// A person who only switches the welcome screen to English and walks away leaves the kiosk
/// in English: the privacy reset brings the clinic's language back for the next person.
#[test]
fn a_welcome_switched_to_another_language_is_reset_to_the_clinics() {
    let config = spanish_config();
    let mut a = spanish_kiosk(&config);
    press(&mut a, &typed("l"));
    assert_eq!(
        (a.lang(), a.screen),
        (Lang::En, Screen::Welcome { selected: 0 })
    );
    assert!(
        a.holds_answers(),
        "a language chosen over the clinic's is the person's"
    );
    walk_away(&mut a, &config);
    assert_eq!(a.lang(), Lang::Es);
    assert!(
        !a.holds_answers(),
        "back in the clinic's language, the idle kiosk sleeps"
    );
}

#[test]
fn the_clinic_can_offer_one_language_only() {
    let (tree, translations) = bilingual();
    let config = Config {
        languages: vec![Lang::Es],
        ..Config::default()
    };
    let a = TestApp::on(tree)
        .config(config)
        .languages(Lang::Es, translations)
        .build();
    assert_eq!(a.lang(), Lang::Es);
    assert!(!a.offers_language_switch(), "English is not offered");
    assert!(!text(&draw(&a)).contains("English"));
}

/// A clinic that offers Spanish only still holds the English original: what the switch offers
/// is not what is stored, so a kiosk restarted after a crash (which starts from the original and
/// its translations) runs Spanish content labelled Spanish, never Spanish labelled English
/// (fresh-eyes review, finding 4).
#[test]
fn a_spanish_only_clinic_keeps_the_english_original_for_a_restart() {
    let (tree, translations) = bilingual();
    let config = Config {
        languages: vec![Lang::Es],
        language: Some(Lang::Es),
        ..Config::default()
    };
    let a = TestApp::on(tree)
        .config(config)
        .kiosk()
        .languages(Lang::Es, translations)
        .build();
    assert_eq!(a.tree.meta.title, "Árbol de inicio");
    assert_eq!(a.original().meta.title, "Starter tree");
    let restarted = a.restarted(secs(600));
    assert_eq!(restarted.lang(), Lang::Es);
    assert_eq!(restarted.tree.meta.title, "Árbol de inicio");
    assert_eq!(restarted.original().meta.title, "Starter tree");
    let b = ui::Ui::new(restarted, aftercare::ui::theme::Theme::no_color());
    let screen = text(&draw(&b));
    assert!(screen.contains("Revisar un síntoma"), "{screen}");
    assert!(!screen.contains("English"), "{screen}");
}

/// `languages = ["es"]` without `language`, on a machine whose environment is English (kiosk
/// services often run with `LANG=C.UTF-8`): the kiosk starts in the only language it offers,
/// and its resets return there (fresh-eyes review, finding 7).
#[test]
fn a_clinic_offering_only_spanish_starts_in_spanish_whatever_the_environment() {
    let (tree, translations) = bilingual();
    let config = Config {
        languages: vec![Lang::Es],
        ..Config::default()
    };
    let mut a = TestApp::on(tree)
        .config(config.clone())
        .kiosk()
        .languages(Lang::En, translations)
        .build();
    assert_eq!((a.lang(), a.home_lang()), (Lang::Es, Lang::Es));
    let screen = text(&draw(&a));
    assert!(screen.contains("Revisar un síntoma"), "{screen}");
    assert!(!screen.contains("English"), "{screen}");
    press(&mut a, &typed("l"));
    assert_eq!(
        a.lang(),
        Lang::Es,
        "no switch to a language the clinic does not offer"
    );
    // Someone answers and walks away: the reset comes back in Spanish.
    press(&mut a, &typed("\n2"));
    walk_away(&mut a, &config);
    assert_eq!(a.screen, Screen::Welcome { selected: 0 });
    assert_eq!(a.lang(), Lang::Es);
}

/// New content from a reload takes over in every language: a Spanish kiosk stays Spanish.
#[test]
fn a_reload_keeps_the_kiosk_in_the_clinics_language() {
    let mut a = spanish_kiosk(&spanish_config());
    let (mut tree, mut translations) = bilingual();
    tree.meta.title = "Version 2".into();
    translations[0].1.meta.title = "Versión 2".into();
    assert!(a.app_mut().offer_translated(tree, translations));
    assert_eq!(a.lang(), Lang::Es);
    assert_eq!(a.tree.meta.title, "Versión 2");
    press(&mut a, &typed("l"));
    assert_eq!(a.tree.meta.title, "Version 2");
    // Back in the clinic's language, nothing on screen is the person's: new content takes over.
    press(&mut a, &typed("l"));
    assert_eq!(a.lang(), Lang::Es);
    // Content without its translation: English, the only language it has.
    let (tree, _) = bilingual();
    assert!(a.app_mut().offer_content(tree));
    assert_eq!((a.lang(), a.held_languages().count() - 1), (Lang::En, 0));
    assert!(text(&draw(&a)).contains("Check a symptom"));
    assert_eq!(i18n::lang(), Lang::En);
}

/// A reload whose content has lost its translation runs the kiosk in English, and the next one
/// that has it again brings back the clinic's language (fresh-eyes review, finding 2); a person
/// who chose English on the welcome screen keeps it when new content arrives before they answer
/// (finding 3).
#[test]
fn the_clinics_language_survives_a_reload_without_it_and_a_choice_survives_a_reload() {
    let (tree, translations) = bilingual();
    let config = Config {
        language: Some(Lang::Es),
        ..Config::default()
    };
    let mut a = TestApp::on(tree.clone())
        .config(config)
        .kiosk()
        .languages(Lang::Es, translations.clone())
        .build();
    assert_eq!(a.lang(), Lang::Es);
    assert!(a.app_mut().offer_translated(tree.clone(), Vec::new()));
    assert_eq!((a.lang(), a.home_lang()), (Lang::En, Lang::Es));
    assert!(
        a.app_mut()
            .offer_translated(tree.clone(), translations.clone())
    );
    assert_eq!(a.lang(), Lang::Es);
    assert_eq!(a.tree.meta.title, "Árbol de inicio");

    press(&mut a, &typed("l"));
    assert_eq!(a.lang(), Lang::En);
    // A language chosen over the clinic's is the person's: new content waits for the reset.
    assert!(!a.app_mut().offer_translated(tree, translations));
    assert_eq!(a.lang(), Lang::En, "the person's choice stays");
    assert_eq!(a.home_lang(), Lang::Es);
}

/// An app's language is its own, never the thread's (review 7, finding 6): `App::new` is given
/// the English original, so it is English whatever language the thread last spoke, and its
/// screen says so, words and content alike.
#[test]
fn a_new_app_is_english_whatever_the_thread_last_spoke() {
    let (tree, _) = bilingual();
    i18n::set_lang(Lang::Es);
    let app = App::new(tree, Config::default());
    assert_eq!((app.lang(), app.home_lang()), (Lang::En, Lang::En));
    assert_eq!(app.held_languages().collect::<Vec<_>>(), [Lang::En]);
    let a = ui::Ui::new(app, ui::theme::Theme::no_color());
    let screen = text(&draw(&a));
    assert!(screen.contains("Check a symptom"), "{screen}");
    assert!(!screen.contains("Revisar"), "{screen}");
    // A new kiosk too.
    i18n::set_lang(Lang::Es);
    let (tree, _) = bilingual();
    let k = App::new_kiosk(tree, Config::default(), secs(0));
    assert_eq!((k.lang(), k.home_lang()), (Lang::En, Lang::En));
}

/// Two apps on one thread (a test runner's, a kiosk restarted beside the one it replaces) each
/// draw in their own language, whichever was drawn or built last.
#[test]
fn two_apps_on_one_thread_each_speak_their_own_language() {
    let spanish = spanish_app(80, 24);
    let (tree, _) = bilingual();
    let english = TestApp::on(tree).build();
    for _ in 0..2 {
        let es = text(&draw(&spanish));
        assert!(es.contains("Revisar un síntoma"), "{es}");
        let en = text(&draw(&english));
        assert!(en.contains("Check a symptom"), "{en}");
        assert!(!en.contains("Revisar"), "{en}");
    }
}

/// The switch changes the app's language and nothing outside it: the app sets no thread-global
/// (style guide: effects, not side effects); the words follow when it is drawn.
#[test]
fn the_switch_is_the_apps_state_and_drawing_follows_it() {
    let (tree, translations) = bilingual();
    let mut app = App::new(tree, Config::default());
    app.set_languages(Lang::En, translations);
    i18n::set_lang(Lang::En);
    let drawn = ui::layout(&app, &ui::theme::Theme::no_color(), app.area());
    app.update(Input::Key(Key::Char('l')), secs(5), &drawn);
    assert_eq!(app.lang(), Lang::Es);
    assert_eq!(i18n::lang(), Lang::En, "the app changed no thread-global");
    let a = ui::Ui::new(app, ui::theme::Theme::no_color());
    assert!(text(&draw(&a)).contains("Revisar un síntoma"));
}

/// The line mode is in the language its app was built in: an app on the English original is
/// English even after the thread spoke Spanish, and one set to Spanish is Spanish.
#[test]
fn the_line_mode_speaks_its_apps_language() {
    let run = |app: App| {
        let mut out = Vec::new();
        let theme = ui::theme::Theme::no_color();
        aftercare::plain::run(app, theme, "1\n".as_bytes(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    let (tree, translations) = bilingual();
    i18n::set_lang(Lang::Es);
    let en = run(App::new(tree.clone(), Config::default()));
    assert!(en.contains("Right now"), "{en}");
    assert!(!en.contains("Ahora mismo"), "{en}");
    i18n::set_lang(Lang::En);
    let mut app = App::new(tree, Config::default());
    app.set_languages(Lang::Es, translations);
    let es = run(app);
    assert!(es.contains("Ahora mismo"), "{es}");
}
