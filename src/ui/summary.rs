//! The plain-text summary printed to the normal screen after quitting, so it stays in the
//! scrollback: each result's level, title and "Do this now", the overall level, and the
//! emergency line. Nothing is written anywhere else.

use super::strings;
use crate::app::App;

/// The summary, or `None` if no symptom check reached an outcome.
pub fn text(app: &App) -> Option<String> {
    let results = app.session.distinct_results();
    if results.is_empty() {
        return None;
    }
    let th = &app.theme;
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
