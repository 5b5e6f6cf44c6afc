//! The plain-text summary printed to the normal screen after quitting, so it stays in the
//! scrollback: each result's level, title and "Do this now", the overall level, and the
//! emergency line. Nothing is written anywhere else.

use super::strings;
use super::theme::Theme;
use crate::app::App;

/// The summary, or `None` if no symptom check reached an outcome.
pub fn text(app: &App, th: &Theme) -> Option<String> {
    let results = app.session.distinct_results();
    if results.is_empty() {
        return None;
    }
    let fill = |s: &str| app.config.fill(s).into_owned();
    let mut out = format!("{}\n", strings::SUMMARY_TITLE);
    for o in results.iter().filter_map(|&o| app.tree.outcomes.get(o)) {
        out.push_str(&format!(
            "\n{}: {}\n",
            th.level_label(o.level),
            fill(&o.title)
        ));
        out.push_str(&format!("  {}:\n", strings::DO_NOW));
        for item in &o.now {
            out.push_str(&format!("  {} {}\n", th.bullet(), fill(item)));
        }
    }
    if let Some(level) = app.session.overall(&app.tree) {
        out.push_str(&format!(
            "\n{} {}\n",
            strings::OVERALL,
            th.level_label(level)
        ));
    }
    out.push_str(&fill(strings::SUMMARY_EMERGENCY));
    out.push('\n');
    Some(out)
}

/// The summary as Markdown, for the file the person chooses to save: each result with what to do
/// now and when to get help, the overall level, and the numbers to call.
pub fn markdown(app: &App) -> String {
    let fill = |s: &str| app.config.fill(s).into_owned();
    let mut out = format!("# {}: your results\n\n", fill(&app.tree.meta.title));
    if let Some(level) = app.session.overall(&app.tree) {
        out.push_str(&format!(
            "**Overall: {}** (the most urgent result counts)\n\n",
            level.word()
        ));
    }
    for o in app
        .session
        .distinct_results()
        .iter()
        .filter_map(|&o| app.tree.outcomes.get(o))
    {
        out.push_str(&format!(
            "## {} — {}\n\n**{}**\n\n",
            o.level.word(),
            fill(&o.title),
            strings::DO_NOW
        ));
        for item in &o.now {
            out.push_str(&format!("- {}\n", fill(item)));
        }
        out.push_str(&format!("\n**{}**\n\n", strings::WATCH));
        for item in &o.watch {
            out.push_str(&format!("- {}\n", fill(item)));
        }
        out.push('\n');
    }
    out.push_str(&fill(strings::SUMMARY_EMERGENCY));
    out.push_str(&format!(" Questions: {}.\n", app.config.clinic.phone));
    out
}
