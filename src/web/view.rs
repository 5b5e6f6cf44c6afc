//! The page itself: the current screen as HTML, built from the one screen model
//! (`ui::semantic`) — the emergency banner as `tel:` links in `#banner`, then in `#app` an
//! `<h1>`, paragraphs, lists and real `<button>`s that send the same input a key or a tap on the
//! terminal's grid sends — and `#live`, an assertive live region for "Still there?" and its
//! countdown. What a person sees is what a screen reader reads: there is no second copy.
//!
//! Focus moves to the new `<h1>` on each new screen (and the page scrolls to its top); a change
//! within a screen (a highlight, the countdown) keeps focus where it is, and after "Still
//! there?" it goes back where it was. The page holds only what the screen shows and is rebuilt
//! with it, so the privacy reset clears it too.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{Document, Element, HtmlElement};

use super::Runner;
use super::dom::{document, element, window};
use crate::app::keys::hints;
use crate::app::{Action, App, Input, Overlay, Screen, WelcomeItem};
use crate::i18n::Lang;
use crate::ui::semantic::{self, Node};
use crate::web_pure::{qr_svg, split_symbol, symbol_runs, without_key};

/// The screen (`<main>`), the banner (`<header>`), the keyboard's hints and the live region
/// (index.html has them all).
pub(super) const SCREEN: &str = "app";
pub(super) const BANNER: &str = "banner";
pub(super) const KEYS: &str = "keys";
pub(super) const LIVE: &str = "live";

thread_local! {
    /// The click listener of the gaps between buttons: it does nothing, and by being there makes
    /// a gap a target of its own. A browser moves a touch that lands near a button onto it
    /// ("touch adjustment"); a tap in the gap between two answers must choose neither (issue 28),
    /// and a gap that takes clicks is where such a touch stays.
    static GAP_CLICK: Closure<dyn FnMut()> = Closure::new(|| {});
}

/// Brings the page up to date with the app: rebuilt when the screen's words change, with focus
/// on the new heading when the screen itself did; only the highlight marked when that is all
/// (and, after a key, focus on the highlighted button, so what the keys move is what is seen).
pub(super) fn sync(r: &mut Runner, by_key: bool) {
    let mut nodes = semantic::nodes(&r.app, &r.theme);
    let settling = r.app.settling();
    if nodes == r.shown && settling == r.settling {
        wipe(&mut nodes);
        return;
    }
    r.settling = settling;
    r.frames += 1;
    let Some(main) = element(SCREEN) else { return };
    let _ = main.set_attribute("data-frames", &r.frames.to_string());
    let _ = main.class_list().toggle_with_force("settling", settling);
    if nodes == r.shown {
        wipe(&mut nodes);
        return;
    }
    let alert = nodes.iter().find_map(|n| match n {
        Node::Alert(t) => Some(t.as_str()),
        _ => None,
    });
    set_language(&r.app);
    set_live(alert.unwrap_or(""));
    let calls = |ns: &[Node]| -> Vec<Node> {
        ns.iter()
            .filter(|n| matches!(n, Node::Call { .. }))
            .cloned()
            .collect()
    };
    if calls(&nodes) != calls(&r.shown) {
        build_banner(&nodes);
    }
    set_keys(r);
    let title = semantic::title(&nodes).map(str::to_string);
    let new_screen = title.as_deref() != semantic::title(&r.shown);
    if !new_screen && same_but_highlight(&nodes, &r.shown) {
        mark_selected(&nodes, by_key);
    } else {
        let focused = focused_index();
        // "Still there?" covers the screen: where the focus was is where it goes back to.
        if r.app.overlay == Some(Overlay::StillThere) && new_screen {
            r.return_to = semantic::title(&r.shown)
                .map(str::to_string)
                .zip(focused.or(Some(usize::MAX)));
        }
        build(&main, &nodes, switch(&r.app), help_at(&r.app, &nodes));
        if r.app.overlay == Some(Overlay::TakeHome) {
            add_code(r, &main);
        }
        let back = r.return_to.take_if(|(t, _)| Some(&*t) == title.as_ref());
        match back {
            Some((_, i)) if i != usize::MAX => focus_index(i),
            _ if new_screen => focus_heading(),
            _ => {
                if let Some(i) = focused {
                    focus_index(i);
                }
            }
        }
    }
    let mut old = std::mem::replace(&mut r.shown, nodes);
    wipe(&mut old);
}

/// Overwrites every word of `nodes` with zeros where it lies, then empties it: a screen's words
/// may be a person's (their search, "Search: …"), and memory let go is not cleared, so a screen
/// the page drops must not leave them behind for the next person (`tests/web/memory.mjs`).
pub(super) fn wipe(nodes: &mut Vec<Node>) {
    fn zero(s: &mut String) {
        let mut bytes = std::mem::take(s).into_bytes();
        let capacity = bytes.capacity();
        bytes.clear();
        bytes.resize(capacity, 0);
        // Keeps the writes: a buffer about to be freed is otherwise never written.
        std::hint::black_box(&bytes);
    }
    for node in nodes.iter_mut() {
        match node {
            Node::Heading { text, .. } | Node::Text(text) | Node::Alert(text) => zero(text),
            Node::List(items) => items.iter_mut().for_each(zero),
            Node::Button { label, .. } => zero(label),
            Node::Call { text, number } => {
                zero(text);
                if let Some(n) = number {
                    zero(n);
                }
            }
        }
    }
    nodes.clear();
}

/// The page speaks the app's language: `<html lang>` (the voice a screen reader reads with), and
/// the window's title and the screen's name are the content's title in that language.
fn set_language(app: &App) {
    let Ok(doc) = document() else { return };
    set_lang(&doc, app.lang());
    let title = app.tree.meta.title.as_str();
    if doc.title() != title {
        doc.set_title(title);
    }
    if let Some(main) = element(SCREEN)
        && main.get_attribute("aria-label").as_deref() != Some(title)
    {
        let _ = main.set_attribute("aria-label", title);
    }
}

/// Sets `<html lang>` to `lang`'s code.
pub(super) fn set_lang(doc: &Document, lang: Lang) {
    if let Some(html) = doc.document_element()
        && html.get_attribute("lang").as_deref() != Some(lang.code())
    {
        let _ = html.set_attribute("lang", lang.code());
    }
}

/// Empties the screen, the banner's copy of it and the live region: leaving the page, or a
/// message in place of the kiosk.
pub(super) fn clear() {
    for id in [SCREEN, LIVE, KEYS] {
        if let Some(el) = element(id) {
            el.set_inner_html("");
        }
    }
}

/// The input a click on page element `i` sends, if it is a button.
pub(super) fn input_at(r: &Runner, i: usize) -> Option<Input> {
    match r.shown.get(i) {
        Some(Node::Button { input, .. }) => Some(*input),
        _ => None,
    }
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

fn make(doc: &Document, tag: &str, text: &str) -> Option<Element> {
    let el = doc.create_element(tag).ok()?;
    el.set_text_content(Some(text));
    Some(el)
}

/// Words with level symbols in them: each symbol shown but hidden from a screen reader (the
/// words beside it say the same), the words as they are.
fn with_symbol(doc: &Document, tag: &str, text: &str) -> Option<Element> {
    let runs = symbol_runs(text);
    if !runs.iter().any(|(symbol, _)| *symbol) {
        return make(doc, tag, text);
    }
    let el = doc.create_element(tag).ok()?;
    for (symbol, run) in runs {
        if !symbol {
            let _ = el.append_with_str_1(run);
        } else if let Some(s) = make(doc, "span", run) {
            let _ = s.set_attribute("aria-hidden", "true");
            let _ = el.append_child(&s);
        }
    }
    Some(el)
}

/// The welcome screen's language switch, if it shows one: the input of its button and the
/// language it names in that language's own words ("Español"), which its `lang` says.
fn switch(app: &App) -> Option<(Input, Lang)> {
    if !matches!(app.screen, Screen::Welcome { .. }) || app.overlay.is_some() {
        return None;
    }
    let at = app
        .welcome_menu()
        .iter()
        .position(|item| *item == WelcomeItem::Language)?;
    Some((Input::Do(Action::Pick(at)), app.next_language()?))
}

/// Where a question's help is among `nodes`: the paragraph right after its heading. The page
/// folds it under "More about this question" on a narrow window (a phone), where the heading
/// and the help together filled the first screenful and no answer showed.
fn help_at(app: &App, nodes: &[Node]) -> Option<usize> {
    if !matches!(app.screen, Screen::Question { .. }) || app.overlay.is_some() {
        return None;
    }
    let heading = nodes
        .iter()
        .position(|n| matches!(n, Node::Heading { level: 1, .. }))?;
    matches!(nodes.get(heading + 1), Some(Node::Text(_))).then_some(heading + 1)
}

/// A window this many CSS pixels wide or wider shows a question's help unfolded.
const HELP_OPEN_FROM_PX: f64 = 640.0;

/// A question's help, folded (`<details>`) under "More about this question" on a narrow window.
fn folded_help(doc: &Document, text: &str) -> Option<Element> {
    let details = doc.create_element("details").ok()?;
    let _ = details.set_attribute("class", "help");
    let wide = window()
        .ok()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= HELP_OPEN_FROM_PX);
    if wide {
        let _ = details.set_attribute("open", "");
    }
    let summary = doc.create_element("summary").ok()?;
    summary.set_text_content(Some(crate::i18n::t("page-help-more")));
    let _ = details.append_child(&summary);
    let help = with_symbol(doc, "p", text)?;
    let _ = details.append_child(&help);
    Some(details)
}

fn build(root: &Element, nodes: &[Node], switch: Option<(Input, Lang)>, help_at: Option<usize>) {
    let Ok(doc) = document() else { return };
    root.set_inner_html("");
    // Buttons that follow one another share a group, so they stack as one column.
    let mut group: Option<Element> = None;
    for (i, node) in nodes.iter().enumerate() {
        let el = match node {
            Node::Heading { level, text } => {
                with_symbol(&doc, &format!("h{}", level.clamp(&1, &6)), text)
            }
            Node::Text(text) if Some(i) == help_at => folded_help(&doc, text),
            Node::Text(text) => with_symbol(&doc, "p", text).inspect(|p| {
                if split_symbol(text).0.is_some() {
                    let _ = p.set_attribute("class", "alarm");
                }
            }),
            Node::List(items) => doc.create_element("ul").ok().inspect(|ul| {
                for item in items {
                    if let Some(li) = with_symbol(&doc, "li", item) {
                        let _ = ul.append_child(&li);
                    }
                }
            }),
            Node::Button {
                label,
                selected,
                input,
            } => {
                let Some(b) = with_symbol(&doc, "button", without_key(label)) else {
                    continue;
                };
                let _ = b.set_attribute("type", "button");
                if let Some((_, lang)) = switch.filter(|(at, _)| at == input) {
                    let _ = b.set_attribute("lang", lang.code());
                }
                let _ = b.set_attribute("data-i", &i.to_string());
                if *selected {
                    let _ = b.set_attribute("aria-current", "true");
                }
                let g = match &group {
                    Some(g) => {
                        if let Some(gap) = gap(&doc) {
                            let _ = g.append_child(&gap);
                        }
                        g.clone()
                    }
                    None => {
                        let Ok(g) = doc.create_element("div") else {
                            continue;
                        };
                        let _ = g.set_attribute("class", "buttons");
                        let _ = root.append_child(&g);
                        group = Some(g.clone());
                        g
                    }
                };
                let _ = g.append_child(&b);
                continue;
            }
            // The banner is built apart; the alert is said by the live region.
            Node::Call { .. } | Node::Alert(_) => continue,
        };
        group = None;
        if let Some(el) = el {
            if matches!(node, Node::Heading { level: 1, .. }) {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let _ = root.append_child(&el);
        }
    }
}

/// The space between two buttons: a target that does nothing (see [`GAP_CLICK`]).
fn gap(doc: &Document) -> Option<Element> {
    let gap = doc.create_element("div").ok()?;
    let _ = gap.set_attribute("class", "gap");
    let _ = gap.set_attribute("aria-hidden", "true");
    GAP_CLICK.with(|f| {
        let _ = gap.add_event_listener_with_callback("click", f.as_ref().unchecked_ref());
    });
    Some(gap)
}

/// The emergency banner: its parts as `tel:` links (a number without three digits stays words).
fn build_banner(nodes: &[Node]) {
    let (Ok(doc), Some(header)) = (document(), element(BANNER)) else {
        return;
    };
    header.set_inner_html("");
    let Ok(p) = doc.create_element("p") else {
        return;
    };
    for node in nodes {
        let Node::Call { text, number } = node else {
            continue;
        };
        let part = match number {
            Some(n) => make(&doc, "a", text).inspect(|a| {
                let _ = a.set_attribute("href", &format!("tel:{n}"));
            }),
            None => make(&doc, "span", text),
        };
        if let Some(part) = part {
            if p.child_element_count() > 0 {
                let _ = p.append_with_str_1(" ");
            }
            let _ = p.append_child(&part);
        }
    }
    let _ = header.append_child(&p);
}

/// The keyboard's hints at the foot ("Enter choose   ? help"): shown only once a key was pressed
/// (index.html shows `#keys` under `html.keyboard`), hidden from screen readers, who move by Tab.
fn set_keys(r: &Runner) {
    let Some(keys) = element(KEYS) else { return };
    let words: Vec<String> = hints(r.app.context(), r.app.mode, r.app.offers_language_switch())
        .iter()
        .map(|(key, hint, _)| format!("{key} {hint}"))
        .collect();
    keys.set_text_content(Some(&words.join("   ")));
}

/// The take-home QR code under its words, as large as the window allows.
fn add_code(r: &Runner, main: &Element) {
    let text = crate::ui::takehome::text(&r.app, 600);
    let Some((width, dark)) = crate::ui::takehome::modules(&text) else {
        return;
    };
    let Some(doc) = document().ok() else { return };
    if let Ok(div) = doc.create_element("div") {
        let _ = div.set_attribute("class", "code");
        div.set_inner_html(&qr_svg(width, &dark, crate::ui::takehome::QUIET));
        let at = main.query_selector(".buttons").ok().flatten();
        let _ = main.insert_before(&div, at.as_ref().map(|e| e.unchecked_ref()));
    }
}

fn mark_selected(nodes: &[Node], by_key: bool) {
    for (i, node) in nodes.iter().enumerate() {
        if let Node::Button { selected, .. } = node
            && let Some(b) = button(i)
        {
            let _ = if *selected {
                b.set_attribute("aria-current", "true")
            } else {
                b.remove_attribute("aria-current")
            };
            if *selected
                && by_key
                && let Ok(b) = b.dyn_into::<HtmlElement>()
            {
                let _ = b.focus();
            }
        }
    }
}

fn button(i: usize) -> Option<Element> {
    element(SCREEN)?
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

/// Moves focus to the screen's heading, so a screen reader starts reading the new screen, and
/// shows the new screen from its top.
fn focus_heading() {
    let heading = element(SCREEN)
        .and_then(|m| m.query_selector("h1").ok().flatten())
        .and_then(|h| h.dyn_into::<HtmlElement>().ok());
    if let Some(h) = heading {
        let _ = h.focus();
    }
    if let Ok(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

fn set_live(text: &str) {
    if let Some(live) = element(LIVE)
        && live.text_content().as_deref() != Some(text)
    {
        live.set_text_content(Some(text));
    }
}

/// Whether an event's target is inside the page element `id`.
pub(super) fn inside(id: &str, target: Option<web_sys::EventTarget>) -> bool {
    let (Some(root), Some(node)) = (
        element(id),
        target.and_then(|t| t.dyn_into::<web_sys::Node>().ok()),
    ) else {
        return false;
    };
    root.contains(Some(&node))
}

/// The page element index of a click's target (its button), if any.
pub(super) fn clicked(target: Option<web_sys::EventTarget>) -> Option<usize> {
    let el: Element = target?.dyn_into().ok()?;
    el.closest("button[data-i]")
        .ok()??
        .get_attribute("data-i")?
        .parse()
        .ok()
}
