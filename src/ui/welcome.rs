//! The welcome screen: what this guide is and is not, and Start / Browse / Quit.

use super::menu::MenuTexts;
use super::strings;
use crate::app::App;

/// The welcome screen's words, filled with the clinic's numbers.
pub fn texts(app: &App) -> MenuTexts {
    let fill = |s: &str| app.config.fill(s).into_owned();
    let intro = app
        .tree
        .meta
        .intro
        .as_deref()
        .unwrap_or(strings::WELCOME_IS);
    MenuTexts {
        crumbs: fill(&app.tree.meta.title),
        prompt: fill(intro),
        help: fill(strings::WELCOME_IS_NOT),
        options: strings::WELCOME_MENU
            .iter()
            .map(|s| s.to_string())
            .collect(),
    }
}
