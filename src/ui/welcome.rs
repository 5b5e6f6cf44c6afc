//! The welcome screen: what this guide is and is not, and Start / Browse / Quit.

use super::menu::MenuTexts;
use crate::app::{App, WelcomeItem};
use crate::i18n::t;

/// The words of a welcome menu entry.
fn label(item: WelcomeItem) -> &'static str {
    match item {
        WelcomeItem::Start => t("welcome-start"),
        WelcomeItem::Browse => t("welcome-browse"),
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
            .map(|item| label(*item).to_string())
            .collect(),
    }
}
