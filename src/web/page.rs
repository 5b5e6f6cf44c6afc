//! What the page shows in place of the kiosk (refusals, the crash message, the staff notice),
//! always led by the emergency line.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::{Closure, JsValue};

use super::dom::{document, element, window};
use super::view::SCREEN;
use super::{BANNER, EMERGENCY, NOTICE, RELOAD_AFTER_PANIC_MS, RETRY_MS};
use crate::i18n::{t, t_args};

/// A small line for staff at the foot of the page, over the grid but letting taps through: the
/// server's files were refused and the page runs on its last good copy, kept at `saved` (an ISO
/// time, if known).
pub(super) fn show_notice(why: &str, saved: Option<String>) {
    let Ok(doc) = document() else { return };
    let Ok(el) = doc.create_element("div") else {
        return;
    };
    el.set_id(NOTICE);
    let n = || (RETRY_MS / 1000).into();
    let own = [
        first_line(),
        t_args("page-refused", &[("n", n())]),
        t_args("page-cannot-start", &[("n", n())]),
        t("page-refused-staff").to_string(),
    ];
    let own: Vec<&str> = own.iter().map(String::as_str).collect();
    let first = crate::web_pure::refusal_reason(why, &own);
    let saved = saved
        .map(|t| {
            let time = t.get(..16).unwrap_or(&t).replace('T', " ");
            format!(" {}", t_args("page-kept", &[("time", time.into())]))
        })
        .unwrap_or_default();
    el.set_text_content(Some(&t_args(
        "page-notice",
        &[
            ("saved", saved.into()),
            ("first", first.into()),
            ("n", (RETRY_MS / 1000).into()),
        ],
    )));
    if let Some(body) = doc.body() {
        let _ = body.append_child(&el);
    }
}

/// The most diagnostics the refusal lists (`aftercare check` lists them all).
pub(super) const MAX_SHOWN: usize = 20;

/// The page's words when the clinic's files are refused: the emergency number first, so no list
/// of mistakes can push it off the screen.
pub(super) fn refused(lines: Vec<String>) -> String {
    let first = first_line();
    let more = lines.len().saturating_sub(MAX_SHOWN);
    let mut shown = lines
        .into_iter()
        .take(MAX_SHOWN)
        .collect::<Vec<_>>()
        .join("\n");
    if more > 0 {
        shown.push('\n');
        shown.push_str(&t_args("refused-more", &[("n", more.into())]));
    }
    format!(
        "{first}\n\n{}\n\n{shown}\n\n{}",
        t_args("page-refused", &[("n", (RETRY_MS / 1000).into())]),
        t("page-refused-staff")
    )
}

/// The first line of every message the page shows instead of the kiosk: the emergency number,
/// and the clinic's phone once a good config was ever read.
pub(super) fn first_line() -> String {
    let emergency = EMERGENCY.with(|e| e.try_borrow().map(|s| s.clone()).unwrap_or_default());
    let banner = BANNER.with(|b| {
        let config = b.try_borrow().ok()?;
        let config = config.as_ref()?;
        Some(
            config
                .fill(&crate::words::contact_line(&config.clinic))
                .into_owned(),
        )
    });
    match banner {
        Some(b) => t_args("page-first-line", &[("line", b.into())]),
        None => {
            let mut clinic = crate::config::Config::default().clinic;
            clinic.emergency = emergency;
            let call = crate::words::EmergencyLine::of(&clinic).call();
            t_args("page-first-line", &[("line", call.into())])
        }
    }
}

/// The "Try again" button of a message page.
pub(super) const TRY_AGAIN: &str = "try-again";

/// Replaces the screen with a message (errors, the crash message) as a page of its own, never a
/// half-drawn screen: `text`'s first paragraph is the emergency line, shown large with its number
/// as a `tel:` link; the second is the heading; the rest (a refusal's diagnostics) follow as
/// they are; then "Try again", which reloads the page.
pub(super) fn show_text(text: &str) {
    super::view::clear();
    let (Ok(doc), Some(main)) = (document(), element(SCREEN)) else {
        return;
    };
    let _ = main.set_attribute("class", "message");
    super::view::set_lang(&doc, crate::i18n::lang());
    let make = |tag: &str, words: &str| {
        let el = doc.create_element(tag).ok()?;
        el.set_text_content(Some(words));
        Some(el)
    };
    let mut parts = text.split("\n\n").filter(|p| !p.trim().is_empty());
    if let Some(first) = parts.next()
        && let Ok(p) = doc.create_element("p")
    {
        let _ = p.set_attribute("class", "alarm call");
        let link = crate::ui::semantic::dial(first).and_then(|n| {
            make("a", first).inspect(|a| {
                let _ = a.set_attribute("href", &format!("tel:{n}"));
            })
        });
        match link {
            Some(a) => {
                let _ = p.append_child(&a);
            }
            None => p.set_text_content(Some(first)),
        }
        let _ = main.append_child(&p);
    }
    if let Some(h) = parts.next().and_then(|h| make("h1", h)) {
        let _ = h.set_attribute("tabindex", "-1");
        let _ = main.append_child(&h);
    }
    for part in parts {
        if let Some(p) = make("p", part) {
            let _ = p.set_attribute("class", "detail");
            let _ = main.append_child(&p);
        }
    }
    if let Some(b) = make("button", t("page-try-again")) {
        let _ = b.set_attribute("type", "button");
        b.set_id(TRY_AGAIN);
        if let Ok(g) = doc.create_element("div") {
            let _ = g.set_attribute("class", "buttons");
            let _ = g.append_child(&b);
            let _ = main.append_child(&g);
        }
    }
}

/// A panic freezes a wasm page: say so, with the emergency number, and reload.
pub(super) fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
    show_text(&format!("{}\n\n{}", first_line(), t("page-crashed")));
    if let Ok(w) = window() {
        let reload = Closure::once_into_js(|| {
            if let Ok(w) = window() {
                let _ = w.location().reload();
            }
        });
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            reload.unchecked_ref(),
            RELOAD_AFTER_PANIC_MS,
        );
    }
}
