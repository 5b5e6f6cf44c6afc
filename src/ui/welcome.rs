//! The welcome screen: what this guide is and is not, and Start / Browse / Quit.

use super::menu::MenuTexts;
use crate::app::{App, WelcomeItem};
use crate::i18n::{Lang, t};

/// The words of a welcome menu entry; the language switch names the next language in its own
/// words ("Español"), so a person who reads only that one finds it.
fn label(app: &App, item: WelcomeItem) -> &'static str {
    match item {
        WelcomeItem::Start => t("welcome-start"),
        WelcomeItem::Browse => t("welcome-browse"),
        WelcomeItem::Language => match app.next_language() {
            Some(Lang::Es) => t("welcome-lang-es"),
            Some(Lang::En) | None => t("welcome-lang-en"),
        },
        WelcomeItem::Quit => t("welcome-quit"),
    }
}

/// The welcome screen's words, filled with the clinic's numbers.
pub fn texts(app: &App) -> MenuTexts {
    let fill = |s: &str| app.config.fill(s).into_owned();
    // The content's own intro says what this is and is not; without one, the fixed words do.
    let (intro, caution) = match app.tree.meta.intro.as_deref() {
        Some(intro) => (intro, ""),
        None => (t("welcome-is"), t("welcome-is-not")),
    };
    MenuTexts {
        crumbs: fill(&app.tree.meta.title),
        prompt: fill(intro),
        help: fill(caution),
        options: app
            .welcome_menu()
            .iter()
            .map(|item| label(app, *item).to_string())
            .collect(),
    }
}
