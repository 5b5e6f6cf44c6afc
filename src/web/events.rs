//! The page's own listeners: keys, pointer, wheel, resize, visibility and leaving the page.
//! They sit on the window, so they survive every grid rebuild and need no focus.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{KeyboardEvent, PointerEvent};

use super::dom::{document, element, js_message, window};
use super::mirror;
use super::{PARENT, RESIZE_SETTLE_MS, with_runner};
use crate::app::{Input, Key};
use crate::web_pure::{is_zoom_key, key_from, repeats};

/// Whether the focused element is a control that Enter and Space press (a button or a link).
fn focused_control() -> bool {
    document()
        .ok()
        .and_then(|d| d.active_element())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "BUTTON" | "A"))
}

/// Page-level listeners: they survive every grid rebuild and need no focus.
pub(super) fn listen() -> Result<(), String> {
    let w = window()?;
    on(&w, "keydown", |e: KeyboardEvent| {
        if e.is_composing() {
            return;
        }
        // Zoom (Ctrl +/-/0) is the browser's: the grid is rebuilt larger (see `font_px`).
        if is_zoom_key(&e.key(), e.ctrl_key() || e.meta_key()) {
            return;
        }
        // Tab and Shift-Tab move the browser's focus through the mirror's buttons; Enter and
        // Space on a focused button or link press it (its click sends the input), and are not
        // also kiosk keys.
        let name = e.key();
        if name == "Tab"
            || (matches!(name.as_str(), "Enter" | " ")
                && mirror::in_mirror(e.target())
                && focused_control())
        {
            return;
        }
        if let Some(k) = key(&e) {
            e.prevent_default();
            if e.repeat() && !repeats(k) {
                return;
            }
            with_runner(|r| r.handle_made(Input::Key(k), Some(e.time_stamp())));
        }
    })?;
    on(&w, "pointerdown", |e: PointerEvent| {
        // A press on the mirror (a focused button shown over the grid) is its own click.
        if !e.is_primary() || e.button() != 0 || mirror::in_mirror(e.target()) {
            return;
        }
        e.prevent_default();
        with_runner(|r| {
            if let Some((col, row)) = r.cell_at(f64::from(e.client_x()), f64::from(e.client_y())) {
                r.pointer.press(col, row);
            }
        });
    })?;
    on(&w, "pointermove", |e: PointerEvent| {
        if !e.is_primary() || e.buttons() & 1 == 0 {
            return;
        }
        with_runner(|r| {
            if let Some((col, row)) = r.cell_at(f64::from(e.client_x()), f64::from(e.client_y()))
                && let Some(input) = r.pointer.drag(col, row)
            {
                r.handle(input);
            }
        });
    })?;
    on(&w, "pointerup", |e: PointerEvent| {
        if !e.is_primary() || mirror::in_mirror(e.target()) {
            return;
        }
        with_runner(|r| {
            // Off the grid: where it went down is kept, and the app sees another target.
            let (col, row) = r
                .cell_at(f64::from(e.client_x()), f64::from(e.client_y()))
                .unwrap_or((u16::MAX, u16::MAX));
            if let Some(input) = r.pointer.release(col, row) {
                r.handle_made(input, Some(e.time_stamp()));
            }
        });
    })?;
    on(&w, "pointercancel", |_: PointerEvent| {
        with_runner(|r| r.pointer.cancel())
    })?;
    on(&w, "wheel", |e: web_sys::WheelEvent| {
        e.prevent_default();
        with_runner(|r| {
            let Some((col, row)) = r.cell_at(f64::from(e.client_x()), f64::from(e.client_y()))
            else {
                return;
            };
            // One step a wheel notch (about 100 px, or 3 lines), like the terminal's wheel;
            // a trackpad's small movements add up to it.
            let notches = match e.delta_mode() {
                web_sys::WheelEvent::DOM_DELTA_PIXEL => e.delta_y() / 100.0,
                web_sys::WheelEvent::DOM_DELTA_LINE => e.delta_y() / 3.0,
                _ => e.delta_y(),
            };
            r.wheel += notches;
            while r.wheel.abs() >= 1.0 {
                let up = r.wheel < 0.0;
                r.wheel -= r.wheel.signum();
                r.handle(Input::Scroll { col, row, up });
            }
        });
    })?;
    // No long-press menu, no text selection by a lingering finger.
    on(&w, "contextmenu", |e: web_sys::Event| e.prevent_default())?;
    on(&w, "resize", |_: web_sys::Event| {
        with_runner(|r| {
            // The old grid no longer matches the window (ratzilla's own resize listener has
            // already marked it for rebuilding at the old size, which would draw out of bounds):
            // drop it now and draw nothing until the new grid is built.
            r.term = None;
            let Ok(w) = window() else { return };
            if let Some(id) = r.resize_timer.take() {
                w.clear_timeout_with_handle(id);
            }
            r.resize_timer = w
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    r.on_resized.as_ref().unchecked_ref(),
                    RESIZE_SETTLE_MS,
                )
                .ok();
        })
    })?;
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
            r.term = None;
            if let Some(parent) = element(PARENT) {
                parent.set_inner_html("");
            }
            mirror::clear();
            r.mirror.clear();
        })
    })?;
    // Restored from the cache: start afresh on the already cleared app, without the network
    // (a reload would need the server, which may be away).
    on(&w, "pageshow", |e: web_sys::PageTransitionEvent| {
        if e.persisted() {
            with_runner(|r| {
                r.forget();
                r.rebuild();
            });
        }
    })?;
    // The mirror's buttons: a click (a tap, Enter or Space, a screen reader's activation)
    // sends the button's input.
    on(&doc, "click", |e: web_sys::MouseEvent| {
        if let Some(i) = mirror::clicked(e.target()) {
            e.prevent_default();
            mirror::click(i, e.time_stamp());
        }
    })?;
    // Tabbing onto an answer highlights it on the grid too: the focus is visible where a
    // sighted person looks.
    on(&doc, "focusin", |e: web_sys::Event| {
        if let Some(i) = mirror::clicked(e.target()) {
            with_runner(|r| {
                if let Some(crate::ui::semantic::Node::Button {
                    input: Input::Do(crate::app::Action::Pick(n)),
                    selected: false,
                    ..
                }) = r.mirror.get(i)
                {
                    let n = *n;
                    r.handle(Input::Do(crate::app::Action::Select(n)));
                }
            });
        }
    })?;
    // Whatever had focus, keys come back to the page.
    on(&w, "blur", |_: web_sys::Event| {
        if let Ok(w) = window() {
            let _ = w.focus();
        }
    })?;
    Ok(())
}

/// Adds a listener that lives as long as the page.
pub(super) fn on<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    target: &web_sys::EventTarget,
    kind: &str,
    f: impl FnMut(E) + 'static,
) -> Result<(), String> {
    let closure = Closure::<dyn FnMut(E)>::new(f);
    let options = web_sys::AddEventListenerOptions::new();
    // Passive listeners may not cancel: these must, for keys, wheel and touch.
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
