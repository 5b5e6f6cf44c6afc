//! The browser runner: the same kiosk app in a web page (feature `web`, built for wasm32 by
//! `scripts/build-web.sh`).
//!
//! The page is the screen model (`ui::semantic`) in HTML (see [`view`]): headings, paragraphs,
//! lists and real buttons in one column that reflows, scrolls and zooms as any web page does; a
//! button's click sends the app the same `Input` a key or a tap on the terminal's grid sends, and
//! the app's state machine and words stay the core's. No ratatui frame is drawn here. Everything
//! else is this module's own, for a kiosk that must never stall: key, click and focus listeners
//! on the window and document; one `setTimeout` for the app's next deadline and no animation
//! loop, so an idle page does nothing; the time from `performance.now()`; and a panic hook that
//! shows the emergency number and reloads the page.
//!
//! At load the page reads `clinic.toml` and the files listed in `content/files.txt` from beside
//! itself (either may be absent: the defaults built in are used) and validates them exactly as
//! `aftercare check` does: the build's verdict on them when they are the files it checked, else
//! the checker, a second wasm loaded only then (`crate::web_pack`). Files that pass are kept in the browser's local storage as the *last
//! good copy* (the clinic's settings and content: nothing of any person). When the files on the
//! server are refused later — a broken edit, then a power cut or a staff reload — the page runs on
//! that copy, shows staff a small notice, and tries the server again every
//! [`RETRY_MS`]; only a page that never had good files shows the refusal (file, line and column,
//! the emergency number first, the clinic's if it was ever known), and it retries too.
//!
//! Leaving the page — to another page, or into the browser's back/forward cache — forgets the
//! person first; a page restored from that cache reloads, so back then forward never shows the
//! last person's answers.

use std::cell::RefCell;
use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::PointerEvent;

use crate::app::{App, Effect, Input, ScreenLayout};
use crate::config::Config;
use crate::i18n::t_args;
use crate::ui::semantic::Node;
use crate::ui::theme::Theme;

mod dom;
mod events;
mod files;
mod page;
mod view;

use dom::{made_at, now, window};
use events::{listen, on};
use files::{
    Content, fetch_files, judge, last_good, last_good_saved, remember_numbers, retry, retry_every,
    save_last_good,
};
use page::{first_line, on_panic, show_notice, show_text};

/// The size the app lays its screens out at. The page shows the screen model as HTML that
/// reflows, not a grid: the app is given a roomy size so that it never asks for a larger window
/// and its keys (page up, page down) move by a screenful of this many rows.
const LAID_OUT: (u16, u16) = (80, 30);
/// How long the "restarting" message shows after a crash before the page reloads.
const RELOAD_AFTER_PANIC_MS: i32 = 3000;
/// How often a page running on its last good copy (or refusing to start) asks the server again.
const RETRY_MS: i32 = 30_000;
/// The local-storage key of the last good copy of the clinic's files, followed by the page's
/// path: storage is shared by every page of a host, and two kiosks (or a staging copy) on one
/// host must never run on each other's files.
const LAST_GOOD: &str = "aftercare.lastGood:";
/// The staff notice's element.
const NOTICE: &str = "staff-notice";

thread_local! {
    static RUNNER: RefCell<Option<Runner>> = const { RefCell::new(None) };
    /// The emergency number for the crash message (the config's, once it is read).
    static EMERGENCY: RefCell<String> = RefCell::new(Config::default().clinic.emergency);
    /// The config whose banner words lead the crash and refusal messages, once one is known
    /// (the words are made when shown: in the language then spoken).
    static BANNER: RefCell<Option<Config>> = const { RefCell::new(None) };
    /// The digest of the clinic's files the page is running on (`web_pack::Files::digest`).
    static LOADED: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether those are the last good copy because the server's were refused.
    static ON_LAST_GOOD: RefCell<bool> = const { RefCell::new(false) };
}

/// Starts the page: called once by the `aftercare-web` binary's `main`.
pub fn start() {
    std::panic::set_hook(Box::new(on_panic));
    wasm_bindgen_futures::spawn_local(async {
        if let Err(message) = boot().await {
            show_text(&message);
        }
    });
}

/// Everything one running page holds.
pub(super) struct Runner {
    /// The app and the theme whose words and symbols the screen model uses.
    pub(super) app: App,
    /// The checked content in every language, as loaded: a fresh app starts from it (the app's
    /// own trees are swapped about as a person switches language).
    pub(super) content: Content,
    pub(super) theme: Theme,
    /// The pending deadline timer.
    pub(super) timer: Option<i32>,
    /// Times the page changed since load (`data-frames` on `#app`, for the idle test).
    pub(super) frames: u64,
    /// The screen as last built into the page (see [`view`]), and whether it was settling.
    pub(super) shown: Vec<Node>,
    pub(super) settling: bool,
    /// The screen "Still there?" covered and the button that had focus, to go back to.
    pub(super) return_to: Option<(String, usize)>,
    /// The callback the timer calls; kept so it is made once.
    pub(super) on_deadline: Closure<dyn FnMut()>,
    /// The timer that looks at the clinic's files while nobody uses the kiosk, and its callback.
    pub(super) watch: Option<i32>,
    pub(super) on_watch: Closure<dyn FnMut()>,
}

async fn boot() -> Result<(), String> {
    // The last good copy first: its numbers are shown even if the server's files are refused.
    let last_good = last_good();
    if let Some((_, kept)) = &last_good
        && let Ok(config) = &kept.config
    {
        remember_numbers(config);
    }
    let judged = match fetch_files().await {
        Ok(files) => match judge(&files).await {
            Ok(judged) => {
                files::keep_for_offline(&files, judged.pack.clone());
                Ok(judged)
            }
            Err(why) => {
                files::keep_for_offline(&files, None);
                Err(why)
            }
        },
        Err(why) => Err(why),
    };
    // The server's config on its own: if it passes, its numbers are the ones to show — in the
    // refusal of broken content, and on the last good copy's content.
    let served_config = judged
        .as_ref()
        .ok()
        .and_then(|j| j.verdict.config.clone().ok());
    if let Some(c) = &served_config {
        remember_numbers(c);
    }
    let served = judged.and_then(|judged| {
        let (config, content) = judged.checked()?;
        Ok((judged, config, content))
    });
    // The last good copy runs under the server's config when that one passes: if it requires a
    // sign-off the copy was not kept under, the copy must carry one too, or it is not run.
    let last_good = last_good.filter(|(_, kept)| {
        let kept_strict = kept.config.as_ref().is_ok_and(|c| c.require_signoff);
        let strict = served_config
            .as_ref()
            .map_or(kept_strict, |c| c.require_signoff);
        !strict || kept.signed
    });
    let (digest, config, content) = match (served, last_good) {
        (Ok((judged, config, content)), _) => {
            save_last_good(&judged.digest, &judged.verdict);
            (judged.digest, config, content)
        }
        (Err(why), Some((digest, kept))) => {
            web_sys::console::warn_1(&JsValue::from_str(&format!(
                "The clinic's files were refused; running on the last good copy.\n{why}"
            )));
            ON_LAST_GOOD.with(|f| f.replace(true));
            show_notice(&why, last_good_saved());
            retry_every(RETRY_MS);
            let (Ok(old_config), Some(Ok(content))) = (kept.config, kept.content) else {
                return Err(why); // never: a copy is kept only when both passed
            };
            (digest, served_config.unwrap_or(old_config), content)
        }
        (Err(why), None) => {
            retry_every(RETRY_MS);
            if let Ok(w) = window() {
                // A tap on the message tries again at once.
                let _ = on(&w, "pointerup", |_: PointerEvent| {
                    wasm_bindgen_futures::spawn_local(retry());
                });
            }
            // Every message in place of the kiosk starts with the emergency line.
            let first = first_line();
            return Err(if why.starts_with(&first) {
                why
            } else {
                let cannot = t_args("page-cannot-start", &[("n", (RETRY_MS / 1000).into())]);
                format!("{first}\n\n{cannot}\n\n{why}")
            });
        }
    };
    remember_numbers(&config);
    LOADED.with(|l| l.replace(Some(digest)));
    files::running_on_fetched();
    let theme = Theme::choose(config.theme, false, None);
    let runner = Runner {
        app: fresh_app(&content, config),
        content,
        theme,
        timer: None,
        frames: 0,
        shown: Vec::new(),
        settling: false,
        return_to: None,
        on_deadline: Closure::new(|| with_runner(|r| r.handle(Input::Deadline))),
        watch: None,
        on_watch: Closure::new(|| {
            wasm_bindgen_futures::spawn_local(files::watch());
            with_runner(|r| {
                r.watch = None;
                r.watch_files();
            });
        }),
    };
    RUNNER.with(|cell| cell.replace(Some(runner)));
    listen()?;
    with_runner(|r| {
        r.draw(false);
        r.watch_files();
    });
    let w = window()?;
    let _ = w.focus();
    if w.location()
        .search()
        .is_ok_and(|q| q.contains("test-panic"))
    {
        test_panic();
    }
    Ok(())
}

#[allow(
    clippy::panic,
    reason = "the hidden ?test-panic switch exists to panic, for the end-to-end test"
)]
fn test_panic() {
    panic!("?test-panic: forced panic after the first frame");
}

pub(super) fn with_runner(f: impl FnOnce(&mut Runner)) {
    RUNNER.with(|cell| {
        if let Ok(mut guard) = cell.try_borrow_mut()
            && let Some(r) = guard.as_mut()
        {
            f(r);
        }
    });
}

/// A kiosk app on `content` and `config`, laid out at [`LAID_OUT`], in the clinic's `language`
/// (English without one, or when the content has no translation into it), offering the
/// clinic's `languages` on the welcome screen, as the terminal kiosk does. Its pictures keep
/// still: the page shows words, and an animation would only wake it.
fn fresh_app(content: &Content, config: Config) -> App {
    let home = config.language.unwrap_or_default();
    let mut app = App::new_kiosk(content.tree.clone(), config, now());
    app.set_languages(home, content.translations.clone());
    app.pictures_move = false;
    app.size = LAID_OUT;
    app
}

impl Runner {
    /// Gives one input to the app, shows the change, and sets the timer for its next deadline.
    pub(super) fn handle(&mut self, input: Input) {
        self.handle_made(input, None);
    }

    /// [`handle`](Self::handle) for an input from a page event, with the event's `timeStamp`:
    /// while the page builds and renders a new screen (hundreds of milliseconds on a slow
    /// machine) a tap waits, and the app judges by when it was made whether it came within the
    /// new screen's settle time, not by when the page got to it.
    pub(super) fn handle_made(&mut self, input: Input, time_stamp: Option<f64>) {
        let now = now();
        let made = time_stamp.and_then(|ms| made_at(ms, now)).unwrap_or(now);
        let held = self.app.holds_answers();
        let drawn = self.layout();
        let mut redraw = false;
        for effect in self.app.update_at(input, now, made, &drawn) {
            match effect {
                Effect::Redraw => redraw = true,
                // Only the staff PIN quits a kiosk: in a browser that reloads the page, which
                // reads the clinic's files again (new content and settings take effect).
                Effect::Quit => {
                    if let Ok(w) = window() {
                        let _ = w.location().reload();
                    }
                    return;
                }
                // A kiosk offers no save; the bell would only startle.
                Effect::Bell | Effect::SaveSummary => {}
            }
        }
        if held && !self.app.holds_answers() {
            // The answers are gone: so are the texts laid out from them, and where the focus was.
            crate::ui::wrap::forget();
            self.return_to = None;
        }
        if redraw {
            self.draw(matches!(input, Input::Key(_)));
        }
        self.schedule(now);
        self.watch_files();
    }

    /// While the kiosk holds nobody's answers, looks at the clinic's files on the server
    /// ([`files::watch`]) once it has sat untouched for its idle timeout, and again after each
    /// such stretch: a staff edit is taken between people, and neither a person's session nor the
    /// privacy reset waits on the network. Each input starts the stretch again.
    pub(super) fn watch_files(&mut self) {
        let Ok(w) = window() else { return };
        if let Some(id) = self.watch.take() {
            w.clear_timeout_with_handle(id);
        }
        if self.app.holds_answers() {
            return;
        }
        let ms = self.app.config.kiosk.idle_timeout_secs.saturating_mul(1000);
        self.watch = w
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                self.on_watch.as_ref().unchecked_ref(),
                i32::try_from(ms).unwrap_or(i32::MAX),
            )
            .ok();
    }

    /// The app's layout of its screen: the staff taps on the banner and the keys that move by a
    /// screenful read it.
    pub(super) fn layout(&self) -> ScreenLayout {
        crate::ui::layout(&self.app, &self.theme, self.app.area())
    }

    /// Sets one timer for the app's next deadline (none while the welcome screen holds nothing).
    pub(super) fn schedule(&mut self, now: Duration) {
        let Ok(w) = window() else { return };
        if let Some(id) = self.timer.take() {
            w.clear_timeout_with_handle(id);
        }
        if let Some(at) = self.app.next_deadline(&self.layout()) {
            // A millisecond late rather than early: an early wake finds nothing due.
            let ms = at.saturating_sub(now).as_millis().saturating_add(1);
            let ms = i32::try_from(ms).unwrap_or(i32::MAX);
            self.timer = w
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    self.on_deadline.as_ref().unchecked_ref(),
                    ms,
                )
                .ok();
        }
    }

    /// Shows the app's screen in the page; `by_key` when a key changed it.
    pub(super) fn draw(&mut self, by_key: bool) {
        view::sync(self, by_key);
    }

    /// A fresh kiosk on the same content and settings: nothing of the person is left (their
    /// typed search overwritten, the texts laid out from their answers let go).
    pub(super) fn forget(&mut self) {
        self.app.browse.wipe();
        self.app = fresh_app(&self.content, self.app.config.clone());
        crate::ui::wrap::forget();
        self.return_to = None;
    }
}
