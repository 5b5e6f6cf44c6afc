//! The screen-reader path: the current screen as real HTML in `#mirror` — an `<h1>`, paragraphs,
//! lists, `<button>`s that send the same input as a key or a tap, the emergency banner as
//! `tel:` links — and `#live`, an assertive live region for "Still there?" and its countdown.
//! The drawn grid in `#app` is `aria-hidden`: a screen reader reads this instead, and both come
//! from the same state (`ui::semantic`), so what a person hears is what a person sees.
//!
//! Focus moves to the new `<h1>` on each new screen; a change within a screen (a highlight, the
//! countdown) keeps focus where it is. The mirror holds only what the screen shows, and is
//! rebuilt with it, so the privacy reset clears it too.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::dom::{document, element};
use super::{Runner, with_runner};
use crate::ui::semantic::{self, Node};

/// The mirror's container and the live region (index.html has both).
pub(super) const MIRROR: &str = "mirror";
pub(super) const LIVE: &str = "live";

/// Brings the mirror up to date with the app: rebuilt when the screen's words change, with focus
/// on the new heading when the screen itself did; only the highlight marked when that is all.
pub(super) fn sync(r: &mut Runner) {
    let nodes = semantic::nodes(&r.ui, r.ui.theme());
    if nodes == r.mirror {
        return;
    }
    let alert = nodes.iter().find_map(|n| match n {
        Node::Alert(t) => Some(t.as_str()),
        _ => None,
    });
    set_live(alert.unwrap_or(""));
    let new_screen = semantic::title(&nodes) != semantic::title(&r.mirror);
    if !new_screen && same_but_highlight(&nodes, &r.mirror) {
        mark_selected(&nodes);
    } else {
        let focused = focused_index();
        build(&nodes);
        if new_screen {
            focus_heading();
        } else if let Some(i) = focused {
            focus_index(i);
        }
    }
    r.mirror = nodes;
}

/// Empties the mirror and the live region: leaving the page, or a message in place of the kiosk.
pub(super) fn clear() {
    for id in [MIRROR, LIVE] {
        if let Some(el) = element(id) {
            el.set_inner_html("");
        }
    }
}

/// The input a click on mirror element `i` sends, if it is a button; `time_stamp` is the
/// click's (see [`Runner::handle_made`]).
pub(super) fn click(i: usize, time_stamp: f64) {
    with_runner(|r| {
        if let Some(Node::Button { input, .. }) = r.mirror.get(i) {
            let input = *input;
            r.handle_made(input, Some(time_stamp));
        }
    });
}

fn same_but_highlight(a: &[Node], b: &[Node]) -> bool {
    let plain = |n: &Node| match n {
        Node::Button { label, input, .. } => Node::Button {
            label: label.clone(),
            input: *input,
            selected: false,
        },
        other => other.clone(),
    };
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| plain(x) == plain(y))
}

fn build(nodes: &[Node]) {
    let (Ok(doc), Some(root)) = (document(), element(MIRROR)) else {
        return;
    };
    root.set_inner_html("");
    let make = |tag: &str, text: &str| -> Option<Element> {
        let el = doc.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let mut banner: Option<Element> = None;
    for (i, node) in nodes.iter().enumerate() {
        let el = match node {
            Node::Heading { level, text } => make(&format!("h{}", level.clamp(&1, &6)), text),
            Node::Text(text) => make("p", text),
            Node::List(items) => doc.create_element("ul").ok().inspect(|ul| {
                for item in items {
                    if let Some(li) = make("li", item) {
                        let _ = ul.append_child(&li);
                    }
                }
            }),
            Node::Button {
                label,
                input: _,
                selected,
            } => make("button", label).inspect(|b| {
                let _ = b.set_attribute("type", "button");
                let _ = b.set_attribute("data-i", &i.to_string());
                if *selected {
                    let _ = b.set_attribute("aria-current", "true");
                }
            }),
            Node::Call { text, number } => {
                // The banner's parts share one paragraph, as on screen.
                let p = match &banner {
                    Some(p) => p.clone(),
                    None => {
                        let Some(p) = doc.create_element("p").ok() else {
                            continue;
                        };
                        let _ = p.set_attribute("class", "banner");
                        let _ = root.append_child(&p);
                        banner = Some(p.clone());
                        p
                    }
                };
                let part = match number {
                    Some(n) => make("a", text).inspect(|a| {
                        let _ = a.set_attribute("href", &format!("tel:{n}"));
                    }),
                    None => make("span", text),
                };
                if let Some(part) = part {
                    if p.child_element_count() > 0 {
                        let _ = p.append_with_str_1(" ");
                    }
                    let _ = p.append_child(&part);
                }
                continue;
            }
            // Said by the live region, not repeated in the page.
            Node::Alert(_) => continue,
        };
        if let Some(el) = el {
            if matches!(node, Node::Heading { level: 1, .. }) {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let _ = root.append_child(&el);
        }
    }
}

fn mark_selected(nodes: &[Node]) {
    for (i, node) in nodes.iter().enumerate() {
        if let Node::Button { selected, .. } = node
            && let Some(b) = button(i)
        {
            let _ = if *selected {
                b.set_attribute("aria-current", "true")
            } else {
                b.remove_attribute("aria-current")
            };
        }
    }
}

fn button(i: usize) -> Option<Element> {
    element(MIRROR)?
        .query_selector(&format!("[data-i=\"{i}\"]"))
        .ok()?
}

fn focused_index() -> Option<usize> {
    document()
        .ok()?
        .active_element()?
        .get_attribute("data-i")?
        .parse()
        .ok()
}

fn focus_index(i: usize) {
    if let Some(b) = button(i).and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
        let _ = b.focus();
    }
}

/// Moves focus to the screen's heading, so a screen reader starts reading the new screen.
fn focus_heading() {
    let heading = element(MIRROR)
        .and_then(|m| m.query_selector("h1").ok().flatten())
        .and_then(|h| h.dyn_into::<HtmlElement>().ok());
    if let Some(h) = heading {
        let _ = h.focus();
    }
}

fn set_live(text: &str) {
    if let Some(live) = element(LIVE)
        && live.text_content().as_deref() != Some(text)
    {
        live.set_text_content(Some(text));
    }
}

/// Whether an event's target is in the mirror (a click or key there is the mirror's, not the
/// grid's).
pub(super) fn in_mirror(target: Option<web_sys::EventTarget>) -> bool {
    let (Some(root), Some(node)) = (
        element(MIRROR),
        target.and_then(|t| t.dyn_into::<web_sys::Node>().ok()),
    ) else {
        return false;
    };
    root.contains(Some(&node))
}

/// The mirror element index of a click's target (its button), if any.
pub(super) fn clicked(target: Option<web_sys::EventTarget>) -> Option<usize> {
    let el: Element = target?.dyn_into().ok()?;
    el.closest("button[data-i]")
        .ok()??
        .get_attribute("data-i")?
        .parse()
        .ok()
}
