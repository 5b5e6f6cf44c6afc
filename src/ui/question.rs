//! A question: the breadcrumb of answers so far, the question, its help text and the answers.

use super::menu::MenuTexts;
use super::theme::Theme;
use crate::app::App;
use crate::content::NodeRef;
use crate::i18n::{t, t_args};

/// The current question's words, filled with the clinic's numbers. Empty if the session is not
/// on a question (it cannot be while the screen is a question, but render must never panic).
pub fn texts(app: &App, th: &Theme) -> MenuTexts {
    let fill = |s: &str| app.config.fill(s).into_owned();
    let NodeRef::Question(q) = app.session.current(&app.tree) else {
        return MenuTexts::default();
    };
    let q = &app.tree.questions[q];
    let answers: Vec<String> = (app.session.answers().iter())
        .map(|&(qi, oi)| fill(&app.tree.questions[qi].options[oi].label))
        .collect();
    let crumbs = if answers.is_empty() {
        String::new()
    } else {
        let sep = format!(" {} ", th.marker());
        format!("{} {}", t("question-so-far"), answers.join(&sep))
    };
    MenuTexts {
        crumbs,
        prompt: fill(&q.text),
        help: q.help.as_deref().map(fill).unwrap_or_default(),
        options: q.options.iter().map(|o| fill(&o.label)).collect(),
    }
}

/// What `why` says on the current question (the line mode's command): its help, or, where it has
/// none, that the answer decides the next question, naming its own "Not sure" answer if it has
/// one. Empty if the session is not on a question.
pub fn why(app: &App) -> String {
    let NodeRef::Question(q) = app.session.current(&app.tree) else {
        return String::new();
    };
    let q = &app.tree.questions[q];
    if let Some(help) = &q.help {
        return app.config.fill(help).into_owned();
    }
    let rest = match q.options.iter().find(|o| o.not_sure) {
        Some(o) => t_args(
            "why-not-sure",
            &[("label", app.config.fill(&o.label).into())],
        ),
        None => t("why-closest").to_string(),
    };
    format!("{} {rest}", t("why-lead"))
}
