//! A placeholder list of the explanation topics' titles. The reader is another issue; this
//! screen only shows what there is to read.

use ratatui::text::Line;

use super::strings;
use super::wrap::wrap_hanging;
use crate::app::App;

/// The topic titles and summaries at `width`.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let th = &app.theme;
    let mut out = vec![
        Line::styled(strings::TOPICS_TITLE, th.heading()),
        Line::default(),
        Line::from(strings::TOPICS_NOTE),
    ];
    let bullet = format!("{} ", th.bullet());
    for t in &app.tree.topics {
        let text = format!(
            "{}: {}",
            app.config.fill(&t.title),
            app.config.fill(&t.summary)
        );
        out.extend(
            wrap_hanging(&bullet, &text, width)
                .into_iter()
                .map(Line::from),
        );
    }
    out
}
