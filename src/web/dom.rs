//! Small helpers for the window, the document and the clock, shared by every part of the
//! runner: a leaf that knows nothing of the app or the page's screens.

use std::time::Duration;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Window};

/// The time since the page loaded.
pub(super) fn now() -> Duration {
    let ms = window()
        .ok()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now());
    Duration::from_secs_f64(ms.max(0.0) / 1000.0)
}

/// An event's `timeStamp` (milliseconds on the clock of `performance.now()`) as a time no later
/// than `now`, if it is one on that clock: within the last minute (some browsers once gave the
/// time since 1970).
pub(super) fn made_at(time_stamp: f64, now: Duration) -> Option<Duration> {
    let now_ms = now.as_secs_f64() * 1000.0;
    let on_clock = time_stamp.is_finite()
        && time_stamp >= 0.0
        && (now_ms - 60_000.0..now_ms + 1_000.0).contains(&time_stamp);
    on_clock.then(|| Duration::from_secs_f64(time_stamp.min(now_ms) / 1000.0))
}

/// The browser window, or why there is none.
pub(super) fn window() -> Result<Window, String> {
    web_sys::window().ok_or_else(|| "no window".to_string())
}

/// The page's document, or why there is none.
pub(super) fn document() -> Result<Document, String> {
    window()?
        .document()
        .ok_or_else(|| "no document".to_string())
}

/// The page's element with `id`, if it has one.
pub(super) fn element(id: &str) -> Option<Element> {
    document().ok()?.get_element_by_id(id)
}

/// A JavaScript error or value as words for a message.
pub(super) fn js_message(v: JsValue) -> String {
    v.as_string()
        .or_else(|| {
            v.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{v:?}"))
}
