//! The page's own listeners: keys, clicks, focus, visibility and leaving the page. Scrolling,
//! zooming and pressing a focused button are the browser's own; a button's click sends the
//! input its screen-model node carries, the same one a key or a tap on the grid sends.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{KeyboardEvent, PointerEvent};

use super::dom::{document, js_message, window};
use super::page::TRY_AGAIN;
use super::view::{self, BANNER};
use super::with_runner;
use crate::app::{Action, Input, Key, Overlay};
use crate::ui::semantic::Node;
use crate::web_pure::{NOWHERE, is_zoom_key, key_from, repeats};

/// Whether the focused element is a control that Enter and Space press (a button or a link).
fn focused_control() -> bool {
    document()
        .ok()
        .and_then(|d| d.active_element())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "BUTTON" | "A"))
}

/// Marks whether the last input was a key (`html.keyboard`): the key hints show only then.
fn keyboard(on: bool) {
    if let Some(html) = document().ok().and_then(|d| d.document_element()) {
        let _ = html.class_list().toggle_with_force("keyboard", on);
    }
}

/// Page-level listeners, on the window and the document: they need no focus.
pub(super) fn listen() -> Result<(), String> {
    let w = window()?;
    on(&w, "keydown", on_key)?;
    // A touch anywhere (also one that starts a scroll) and a wheel show someone is there.
    on(&w, "pointerdown", |e: PointerEvent| {
        keyboard(false);
        stir(e.time_stamp());
    })?;
    on(&w, "wheel", |e: web_sys::WheelEvent| {
        stir(e.time_stamp());
    })?;
    // No long-press menu, no text selection by a lingering finger (pinch zoom stays).
    on(&w, "contextmenu", |e: web_sys::Event| e.prevent_default())?;
    // A hidden tab's timers are slowed: on coming back, catch up with the idle reset at once.
    let doc = document()?;
    on(&doc, "visibilitychange", |_: web_sys::Event| {
        with_runner(|r| r.handle(Input::Deadline))
    })?;
    // Leaving the page, or into the back/forward cache: forget the person first, so the cached
    // page holds nothing of them. A page restored from that cache starts afresh.
    on(&w, "pagehide", |_: web_sys::Event| {
        with_runner(|r| {
            r.forget();
            view::clear();
            view::wipe(&mut r.shown);
        })
    })?;
    // Restored from the cache: start afresh on the already cleared app, without the network
    // (a reload would need the server, which may be away).
    on(&w, "pageshow", |e: web_sys::PageTransitionEvent| {
        if e.persisted() {
            with_runner(|r| {
                r.forget();
                r.draw(false);
            });
        }
    })?;
    on(&doc, "click", on_click)?;
    // Tabbing onto an answer highlights it too, as the app's keys would.
    on(&doc, "focusin", |e: web_sys::Event| {
        if let Some(i) = view::clicked(e.target()) {
            with_runner(|r| {
                if let Some(Node::Button {
                    input: Input::Do(Action::Pick(n)),
                    selected: false,
                    ..
                }) = r.shown.get(i)
                {
                    let n = *n;
                    r.handle(Input::Do(Action::Select(n)));
                }
            });
        }
    })?;
    Ok(())
}

/// Tells the app someone is there (a touch, a wheel, Tab) without doing anything else. Not while
/// one of its dialogs is open: a touch outside a dialog closes it, and the PIN pad must not close
/// under a finger that starts a scroll.
fn stir(time_stamp: f64) {
    with_runner(|r| {
        if matches!(r.app.overlay, None | Some(Overlay::StillThere)) {
            r.handle_made(NOWHERE, Some(time_stamp));
        }
    });
}

fn on_key(e: KeyboardEvent) {
    if e.is_composing() {
        return;
    }
    // Zoom (Ctrl +/-/0) is the browser's: the page reflows.
    if is_zoom_key(&e.key(), e.ctrl_key() || e.meta_key()) {
        return;
    }
    keyboard(true);
    // Tab and Shift-Tab move the browser's focus through the buttons and links (and count as
    // activity); Enter and Space on a focused button or link press it (its click sends the
    // input), and are not also kiosk keys.
    let name = e.key();
    if name == "Tab" {
        stir(e.time_stamp());
        return;
    }
    if matches!(name.as_str(), "Enter" | " ") && focused_control() {
        return;
    }
    let Some(k) = key(&e) else { return };
    if e.repeat() && !repeats(k) {
        e.prevent_default();
        return;
    }
    let mut changed = false;
    with_runner(|r| {
        let before = r.frames;
        r.handle_made(Input::Key(k), Some(e.time_stamp()));
        changed = r.frames != before;
    });
    // A key that moves or scrolls and changed nothing in the app scrolls the page instead.
    let scrolls = matches!(
        k,
        Key::Up | Key::Down | Key::PageUp | Key::PageDown | Key::Home | Key::End
    );
    if changed || !scrolls {
        e.prevent_default();
    }
}

fn on_click(e: web_sys::MouseEvent) {
    let target: Option<web_sys::Element> = e.target().and_then(|t| t.dyn_into().ok());
    if target
        .as_ref()
        .and_then(|t| t.closest(&format!("#{TRY_AGAIN}")).ok().flatten())
        .is_some()
    {
        if let Ok(w) = window() {
            let _ = w.location().reload();
        }
        return;
    }
    if let Some(i) = view::clicked(e.target()) {
        e.prevent_default();
        with_runner(|r| {
            if let Some(input) = view::input_at(r, i) {
                r.handle_made(input, Some(e.time_stamp()));
            }
        });
        return;
    }
    // A tap on the emergency banner is the tap the grid's banner takes (five open the staff
    // PIN); its phone links still work as links.
    if view::inside(BANNER, e.target()) {
        with_runner(|r| {
            let b = r.layout().banner;
            r.handle_made(Input::Click { col: b.x, row: b.y }, Some(e.time_stamp()));
        });
    }
}

/// Adds a listener that lives as long as the page.
pub(super) fn on<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    target: &web_sys::EventTarget,
    kind: &str,
    f: impl FnMut(E) + 'static,
) -> Result<(), String> {
    let closure = Closure::<dyn FnMut(E)>::new(f);
    let options = web_sys::AddEventListenerOptions::new();
    // Passive listeners may not cancel: these must, for keys and the long-press menu.
    options.set_passive(false);
    target
        .add_event_listener_with_callback_and_add_event_listener_options(
            kind,
            closure.as_ref().unchecked_ref(),
            &options,
        )
        .map_err(js_message)?;
    closure.forget();
    Ok(())
}

pub(super) fn key(e: &KeyboardEvent) -> Option<Key> {
    key_from(
        &e.key(),
        e.ctrl_key() || e.meta_key(),
        e.alt_key(),
        e.shift_key(),
    )
}
