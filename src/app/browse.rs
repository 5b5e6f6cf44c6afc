//! The explanation browser: the topic list and its search, the reader and its links, the trail
//! that Back follows, and the clock of the picture's animation.
//!
//! Everything here is state and updates; drawing is in `ui::topics` and `ui::topic`. Time comes
//! in with each input (`App::update` stores it in [`Browse::now`]); nothing reads a clock. The
//! picture is a pure function of how long it has been on screen, so tests drive it with fake
//! times and an idle app asks for no frames once it is still.

use std::time::Duration;

use super::view::{Body, ScreenLayout};
use super::{Action, App, Context, Effect, ListMode, Screen};
use crate::content::{Picture, Tree};

/// How often the picture is redrawn while it moves (8 frames a second).
pub const FRAME: Duration = Duration::from_millis(125);
/// How long the vessel takes to widen from "before" to "after".
pub const GROW: Duration = Duration::from_secs(3);
/// One lap of the blood flow.
pub const FLOW_LAP: Duration = Duration::from_millis(2500);
/// After this the picture stands still (on its final frame) so the CPU can rest.
pub const MOVE_FOR: Duration = Duration::from_secs(10);

/// The browser's state besides the current screen.
#[derive(Debug, Clone, Default)]
pub struct Browse {
    /// The search typed in the topic list; kept while reading so Back finds the same list.
    pub query: String,
    /// Screens to return to, newest last: where the browser was entered from (welcome or an
    /// outcome), then each list or topic left by opening a link.
    trail: Vec<Screen>,
    /// When the picture on screen started moving; `None` when it stands still.
    pub moving_since: Option<Duration>,
    /// The time of the latest input.
    pub now: Duration,
}

/// The longest search, in bytes. The search's buffer is reserved at this size on the first
/// letter and never grows, so no copy of a typed word is left behind by a reallocation, and
/// [`Browse::wipe`] reaches every byte it ever held.
pub const QUERY_MAX: usize = 64;

impl Browse {
    /// Overwrites the typed search's whole buffer with zeros before it is let go: the letters
    /// erased or cleared before are still in it beyond its length.
    pub fn wipe(&mut self) {
        let mut bytes = std::mem::take(&mut self.query).into_bytes();
        let capacity = bytes.capacity();
        bytes.clear();
        bytes.resize(capacity, 0);
        // Keeps the writes: a buffer about to be freed is otherwise never written.
        std::hint::black_box(&bytes);
    }

    /// Adds a typed letter to the search, in its fixed buffer; `false` when the search is full.
    pub fn type_letter(&mut self, c: char) -> bool {
        if self.query.len() + c.len_utf8() > QUERY_MAX {
            return false;
        }
        if self.query.capacity() < QUERY_MAX {
            // Only while empty (a search never grows past QUERY_MAX, so this runs once).
            self.wipe();
            self.query.reserve_exact(QUERY_MAX);
        }
        self.query.push(c);
        true
    }
}

/// Where a picture is in its animation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Motion {
    /// 0.0 = before (narrow), 1.0 = after (widened).
    pub progress: f64,
    /// The blood flow's phase, 0.0..1.0.
    pub flow: f64,
}

impl Browse {
    /// The picture's state now: still pictures show the final frame.
    pub fn motion(&self) -> Motion {
        let Some(since) = self.moving_since else {
            return Motion {
                progress: 1.0,
                flow: 0.0,
            };
        };
        let t = self.now.saturating_sub(since).min(MOVE_FOR).as_secs_f64();
        let x = (t / GROW.as_secs_f64()).min(1.0);
        Motion {
            // Ease in and out, so the widening starts and ends gently.
            progress: x * x * (3.0 - 2.0 * x),
            flow: (t / FLOW_LAP.as_secs_f64()).fract(),
        }
    }

    /// Whether the picture has frames left to show.
    fn moving(&self) -> bool {
        self.moving_since
            .is_some_and(|since| self.now.saturating_sub(since) < MOVE_FOR)
    }
}

/// The key table for the list in `mode`.
pub fn list_context(mode: ListMode) -> Context {
    match mode {
        ListMode::Browsing => Context::Topics,
        ListMode::Searching => Context::Search,
    }
}

/// The topics whose title, summary or body contain every word of `query` (any case): those
/// found in the title or summary first, then those found only in the body, each in file order.
/// An empty query lists them all.
pub fn matching(tree: &Tree, query: &str) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let has_all = |text: String| {
        let text = text.to_lowercase().replace('*', "");
        words.iter().all(|w| text.contains(w.as_str()))
    };
    let mut head = Vec::new();
    let mut body = Vec::new();
    for (i, t) in tree.topics.iter().enumerate() {
        if has_all(format!("{} {}", t.title, t.summary)) {
            head.push(i);
        } else if has_all(format!("{} {} {}", t.title, t.summary, t.body)) {
            body.push(i);
        }
    }
    head.extend(body);
    head
}

impl App {
    /// The topics the list shows now.
    pub fn listed_topics(&self) -> Vec<usize> {
        matching(&self.tree, &self.browse.query)
    }

    /// The next frame of a moving picture, if one is on screen and not yet still.
    pub(super) fn animation_deadline(&self, drawn: &ScreenLayout) -> Option<Duration> {
        self.picture_moving(drawn).then(|| self.browse.now + FRAME)
    }

    /// `Input::Deadline`: draw the picture's next frame if it is moving.
    pub(super) fn animation_frame(&mut self) -> Vec<Effect> {
        if self.overlay.is_none()
            && self.browse.moving_since.is_some()
            && let Screen::Topic { .. } = self.screen
        {
            return vec![Effect::Redraw];
        }
        Vec::new()
    }

    fn picture_moving(&self, drawn: &ScreenLayout) -> bool {
        self.overlay.is_none()
            && matches!(self.screen, Screen::Topic { .. })
            && self.browse.moving()
            && matches!(&drawn.body, Body::Topic(r) if r.picture.is_some())
    }

    /// Opens the topic list from the welcome screen, with no search.
    pub(super) fn open_list(&mut self) -> Vec<Effect> {
        self.browse.query.clear();
        self.remember_for_back();
        self.screen = Screen::Topics {
            selected: 0,
            mode: ListMode::Browsing,
        };
        vec![Effect::Redraw]
    }

    /// Opens topic `topic`, remembering this screen for Back; its picture starts moving.
    fn open_topic(&mut self, topic: usize) -> Vec<Effect> {
        let Some(t) = self.tree.topics.get(topic) else {
            return vec![Effect::Bell];
        };
        let moves = t.picture.is_some_and(Picture::animated) && self.pictures_move;
        self.browse.moving_since = moves.then_some(self.browse.now);
        self.remember_for_back();
        self.screen = Screen::Topic {
            topic,
            scroll: 0,
            link: None,
        };
        vec![Effect::Redraw]
    }

    /// Pushes this screen for Back. Entering the browser from outside (welcome, an outcome)
    /// starts a fresh trail, so nothing left by a reset (a kiosk's) can be returned to.
    fn remember_for_back(&mut self) {
        if !matches!(self.screen, Screen::Topics { .. } | Screen::Topic { .. }) {
            self.browse.trail.clear();
        }
        self.browse.trail.push(self.screen);
    }

    /// Opens explanation `i` of the current outcome.
    pub(super) fn open_outcome_topic(&mut self, i: usize) -> Vec<Effect> {
        let topic = self
            .current_outcome()
            .and_then(|o| o.topics.get(i).copied());
        match topic {
            Some(t) => self.open_topic(t),
            None => vec![Effect::Bell],
        }
    }

    /// Back: the screen the browser left, exactly as it was (scroll, selection, link). A
    /// picture shown again stands still.
    fn leave(&mut self) -> Vec<Effect> {
        self.browse.moving_since = None;
        self.screen = self
            .browse
            .trail
            .pop()
            .unwrap_or(Screen::Welcome { selected: 1 });
        vec![Effect::Redraw]
    }

    pub(super) fn topics_action(
        &mut self,
        selected: usize,
        mode: ListMode,
        action: Action,
    ) -> Vec<Effect> {
        let listed = self.listed_topics();
        let list = |selected, mode| Screen::Topics { selected, mode };
        match action {
            Action::Up => self.select(list(selected.saturating_sub(1), mode)),
            Action::Down => {
                let last = listed.len().saturating_sub(1);
                self.select(list((selected + 1).min(last), mode))
            }
            Action::Select(i) if i < listed.len() => self.select(list(i, mode)),
            Action::Choose | Action::Pick(_) => {
                let i = if let Action::Pick(i) = action {
                    i
                } else {
                    selected
                };
                let Some(&topic) = listed.get(i) else {
                    return vec![Effect::Bell];
                };
                self.screen = list(i, ListMode::Browsing);
                self.open_topic(topic)
            }
            Action::Search => self.select(list(selected, ListMode::Searching)),
            Action::Type(c) => {
                if !self.browse.type_letter(c) {
                    return vec![Effect::Bell];
                }
                self.screen = list(0, mode);
                vec![Effect::Redraw]
            }
            Action::Erase => {
                self.browse.query.pop();
                self.screen = list(0, mode);
                vec![Effect::Redraw]
            }
            Action::Cancel if mode == ListMode::Browsing && self.browse.query.is_empty() => {
                self.leave()
            }
            Action::Cancel => self.clear_search(listed.get(selected).copied()),
            Action::Back => self.leave(),
            Action::Help => self.open_help(),
            Action::Quit => self.ask_quit(),
            _ => Vec::new(),
        }
    }

    /// Clears the search and keeps the highlighted topic highlighted in the whole list.
    fn clear_search(&mut self, highlighted: Option<usize>) -> Vec<Effect> {
        self.browse.query.clear();
        self.screen = Screen::Topics {
            selected: highlighted.unwrap_or(0),
            mode: ListMode::Browsing,
        };
        vec![Effect::Redraw]
    }

    pub(super) fn topic_action(
        &mut self,
        topic: usize,
        scroll: u16,
        link: Option<usize>,
        action: Action,
        drawn: &ScreenLayout,
    ) -> Vec<Effect> {
        let l = drawn;
        let (max, page) = (l.max_scroll, l.page.max(1));
        let links = self.tree.topics.get(topic).map_or(0, |t| t.related.len());
        let at = |scroll, link| Screen::Topic {
            topic,
            scroll,
            link,
        };
        match action {
            Action::Up => self.select(at(scroll.saturating_sub(1), link)),
            Action::Down => self.select(at(scroll.saturating_add(1).min(max), link)),
            Action::PageUp => self.select(at(scroll.saturating_sub(page), link)),
            Action::PageDown => self.select(at(scroll.saturating_add(page).min(max), link)),
            Action::Top => self.select(at(0, link)),
            Action::Bottom => self.select(at(max, link)),
            Action::NextButton | Action::PrevButton if links > 0 => {
                let next = match (action, link) {
                    (Action::NextButton, Some(i)) => (i + 1) % links,
                    (Action::NextButton, None) => 0,
                    (_, Some(i)) => (i + links - 1) % links,
                    (_, None) => links - 1,
                };
                let scroll = scroll_to_link(l, scroll, next);
                self.select(at(scroll, Some(next)))
            }
            Action::Choose => match link {
                Some(i) => self.follow_link(topic, i),
                None => Vec::new(),
            },
            Action::OpenLink(i) => self.follow_link(topic, i),
            Action::Back | Action::Cancel => self.leave(),
            Action::Help => self.open_help(),
            Action::Quit => self.ask_quit(),
            _ => Vec::new(),
        }
    }

    fn follow_link(&mut self, topic: usize, i: usize) -> Vec<Effect> {
        match self.tree.topics.get(topic).and_then(|t| t.related.get(i)) {
            Some(&next) => self.open_topic(next),
            None => vec![Effect::Bell],
        }
    }
}

/// The scroll that brings link `i` into view, moving as little as possible.
fn scroll_to_link(l: &ScreenLayout, scroll: u16, i: usize) -> u16 {
    let Body::Topic(r) = &l.body else {
        return scroll;
    };
    let rows: Vec<u16> = r
        .link_rows
        .iter()
        .filter(|(link, _)| *link == i)
        .map(|(_, row)| *row)
        .collect();
    let (Some(&first), Some(&last)) = (rows.first(), rows.last()) else {
        return scroll;
    };
    let height = r.body.text.height.max(1);
    if first < scroll {
        first
    } else if last >= scroll + height {
        (last + 1).saturating_sub(height).min(l.max_scroll)
    } else {
        scroll
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_picture_widens_over_three_seconds_then_rests() {
        let mut b = Browse {
            moving_since: Some(Duration::from_secs(5)),
            ..Browse::default()
        };
        b.now = Duration::from_secs(5);
        assert_eq!(b.motion().progress, 0.0);
        b.now = Duration::from_millis(6500);
        assert!((b.motion().progress - 0.5).abs() < 1e-9);
        b.now = Duration::from_secs(8);
        assert_eq!(b.motion().progress, 1.0);
        assert!(b.moving());
        b.now = Duration::from_secs(15);
        assert!(!b.moving());
        assert_eq!(b.motion().flow, 0.0, "the flow ends where it began");
    }

    #[test]
    fn a_search_lives_in_one_buffer_that_never_grows_and_is_emptied_by_the_wipe() {
        let mut b = Browse::default();
        assert!(b.type_letter('p'));
        let buffer = b.query.as_ptr();
        let mut typed = 1;
        // Up to the limit, in one buffer: no reallocation leaves a copy of the first letters.
        while b.type_letter('é') {
            typed += 1;
            assert_eq!(
                b.query.as_ptr(),
                buffer,
                "the buffer moved after {typed} letters"
            );
        }
        while b.type_letter('x') {}
        assert_eq!(b.query.len(), QUERY_MAX);
        assert_eq!(b.query.as_ptr(), buffer);
        assert!(!b.type_letter('x'), "a full search takes no more letters");
        b.query.pop();
        b.query.clear();
        assert_eq!(b.query.as_ptr(), buffer);
        b.wipe();
        assert!(b.query.is_empty() && b.query.capacity() == 0);
        // After a wipe the next search gets its own fixed buffer again.
        assert!(b.type_letter('a') && b.query.capacity() >= QUERY_MAX);
    }
}
