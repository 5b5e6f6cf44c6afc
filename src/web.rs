//! The browser runner: the same kiosk app in a web page (feature `web`, built for wasm32 by
//! `scripts/build-web.sh`).
//!
//! ratzilla's DOM backend draws ratatui frames as rows of `<span>`s in `#app`. Everything else is
//! this module's own, for a kiosk that must never stall: key, pointer and wheel listeners on the
//! window (the backend's own listeners sit on the grid, need focus and are lost when it rebuilds
//! the grid on a resize); a new grid built on every resize; one `setTimeout` for the app's next
//! deadline and no animation loop, so an idle page draws nothing; the time from
//! `performance.now()`; and a panic hook that shows the emergency number and reloads the page.
//!
//! At load the page reads `clinic.toml` and the files listed in `content/files.txt` from beside
//! itself (either may be absent: the defaults compiled in are used) and validates them exactly as
//! `aftercare check` does. Files that pass are kept in the browser's local storage as the *last
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

use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use ratzilla::{CellSized, DomBackend};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, KeyboardEvent, PointerEvent, RequestCache, RequestInit, Window};

use crate::app::pointer::Pointer;
use crate::app::{App, Effect, Input, Key, Overlay};
use crate::config::{CheckedConfig, Config, check_config};
use crate::content::{RawFile, Tree, check_files};
use crate::ui;
use crate::ui::theme::Theme;
use crate::web_page::{font_px, is_zoom_key, key_from, repeats, resolve_colors};

/// The element the grid is drawn into (index.html has it).
const PARENT: &str = "app";
/// The grid ratzilla builds inside it.
const GRID: &str = "app_ratzilla_grid";
/// How long a resize must settle before the grid is rebuilt.
const RESIZE_SETTLE_MS: i32 = 150;
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
    /// The banner's words for the crash and refusal messages: the config's, once one is known.
    static BANNER: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The clinic's files the page is running on.
    static LOADED: RefCell<Option<Files>> = const { RefCell::new(None) };
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
struct Runner {
    app: App,
    /// How the app is drawn (the runner's, not the app's: `app` knows nothing of drawing).
    theme: Theme,
    term: Option<Terminal<DomBackend>>,
    /// One cell's size in CSS pixels, to turn pointer positions into cells.
    cell: (f64, f64),
    pointer: Pointer,
    /// Wheel movement not yet turned into whole notches (one scroll step each).
    wheel: f64,
    /// The pending deadline timer and the pending resize timer.
    timer: Option<i32>,
    resize_timer: Option<i32>,
    /// Frames drawn since load (shown as `data-frames` on `#app`, for the idle test).
    frames: u64,
    /// The callbacks the timers call; kept so they are made once.
    on_deadline: Closure<dyn FnMut()>,
    on_resized: Closure<dyn FnMut()>,
}

async fn boot() -> Result<(), String> {
    // The last good copy first: its numbers are shown even if the server's files are refused.
    let last_good = last_good();
    if let Some((_, config, _)) = &last_good {
        remember_numbers(config);
    }
    let fetched = fetch_files().await;
    // The server's config on its own: if it passes, its numbers are the ones to show — in the
    // refusal of broken content, and on the last good copy's content.
    let served_config = fetched.as_ref().ok().and_then(|f| config_from(f).ok());
    if let Some(c) = &served_config {
        remember_numbers(c);
    }
    let served = fetched.and_then(|files| {
        let (config, tree) = checked(&files)?;
        Ok((files, config, tree))
    });
    let (files, config, tree) = match (served, last_good) {
        (Ok(good), _) => {
            save_last_good(&good.0);
            good
        }
        (Err(why), Some((files, old_config, tree))) => {
            web_sys::console::warn_1(&JsValue::from_str(&format!(
                "The clinic's files were refused; running on the last good copy.\n{why}"
            )));
            ON_LAST_GOOD.with(|f| f.replace(true));
            show_notice(&why);
            retry_every(RETRY_MS);
            (files, served_config.unwrap_or(old_config), tree)
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
                format!(
                    "{first}\n\nThis kiosk cannot start. Tap to try again; it also tries by itself every {} seconds.\n\n{why}",
                    RETRY_MS / 1000
                )
            });
        }
    };
    remember_numbers(&config);
    LOADED.with(|l| l.replace(Some(files)));
    let theme = Theme::choose(config.theme, false, None);
    let mut app = App::new_kiosk(tree, config, now());
    app.pictures_move &= theme.shows_motion();
    let runner = Runner {
        app,
        theme,
        term: None,
        cell: (10.0, 20.0),
        pointer: Pointer::default(),
        wheel: 0.0,
        timer: None,
        resize_timer: None,
        frames: 0,
        on_deadline: Closure::new(|| with_runner(|r| r.handle(Input::Deadline))),
        on_resized: Closure::new(|| {
            with_runner(|r| {
                r.resize_timer = None;
                r.rebuild();
            })
        }),
    };
    RUNNER.with(|cell| cell.replace(Some(runner)));
    listen()?;
    with_runner(Runner::rebuild);
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

fn with_runner(f: impl FnOnce(&mut Runner)) {
    RUNNER.with(|cell| {
        if let Ok(mut guard) = cell.try_borrow_mut()
            && let Some(r) = guard.as_mut()
        {
            f(r);
        }
    });
}

impl Runner {
    /// Gives one input to the app, draws if it changed, and sets the timer for its next deadline.
    fn handle(&mut self, input: Input) {
        let now = now();
        let held = self.app.holds_answers();
        let mut redraw = false;
        let drawn = ui::layout(&self.app, &self.theme, self.app.area());
        for effect in self.app.update(input, now, &drawn) {
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
        if redraw {
            self.draw();
        }
        self.schedule(now);
        if held && !self.app.holds_answers() {
            wasm_bindgen_futures::spawn_local(refresh());
        }
    }

    /// Sets one timer for the app's next deadline (none while the welcome screen holds nothing).
    fn schedule(&mut self, now: Duration) {
        let Ok(w) = window() else { return };
        if let Some(id) = self.timer.take() {
            w.clear_timeout_with_handle(id);
        }
        let drawn = ui::layout(&self.app, &self.theme, self.app.area());
        if let Some(at) = self.app.next_deadline(&drawn) {
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

    /// Draws a frame, unless the window is being resized (the rebuild draws).
    fn draw(&mut self) {
        let (app, theme) = (&self.app, &self.theme);
        if let Some(term) = self.term.as_mut()
            && term
                .draw(|f| {
                    ui::render(app, theme, f);
                    resolve_colors(f.buffer_mut());
                })
                .is_ok()
        {
            self.frames += 1;
            if let Some(parent) = element(PARENT) {
                let _ = parent.set_attribute("data-frames", &self.frames.to_string());
                // The QR code is drawn with block characters, one element each: at most sizes the
                // browser leaves hairline seams between them that stop a camera reading it. While
                // it shows, index.html widens each cell a little so the blocks overlap.
                let qr = self.app.overlay == Some(Overlay::TakeHome);
                let _ = parent.class_list().toggle_with_force("blocks", qr);
            }
        }
    }

    /// A fresh kiosk on the same content and settings: nothing of the person is left.
    fn forget(&mut self) {
        let a = &self.app;
        self.app = App::new_kiosk(a.tree.clone(), a.config.clone(), now());
        self.app.pictures_move &= self.theme.shows_motion();
    }

    /// Builds the grid for the window's size (at load and after each resize) and draws.
    fn rebuild(&mut self) {
        // Drop the old backend first: it removes its listeners.
        self.term = None;
        match build_terminal() {
            Ok((term, cell, (w, h))) => {
                self.term = Some(term);
                self.cell = cell;
                self.pointer.cancel();
                self.handle(Input::Resize { w, h });
                self.draw();
            }
            Err(message) => show_text(&message),
        }
    }

    /// The cell under a point of the page, if it is on the grid.
    fn cell_at(&self, x: f64, y: f64) -> Option<(u16, u16)> {
        let rect = element(GRID)?.get_bounding_client_rect();
        let (cx, cy) = (
            (x - rect.left()) / self.cell.0,
            (y - rect.top()) / self.cell.1,
        );
        let (w, h) = self.app.size;
        (cx >= 0.0 && cy >= 0.0 && cx < f64::from(w) && cy < f64::from(h))
            .then_some((cx as u16, cy as u16))
    }
}

/// A terminal on a fresh grid, one cell's size in CSS pixels, and the grid's size in cells.
type Built = (Terminal<DomBackend>, (f64, f64), (u16, u16));

/// A new terminal on a fresh grid, with the font sized so about 80x24 cells fill the window.
fn build_terminal() -> Result<Built, String> {
    let w = window()?;
    let parent = element(PARENT).ok_or("the page has no #app element")?;
    parent.set_inner_html("");
    let width = w
        .inner_width()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(800.0);
    let height = w
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(600.0);
    let px = font_px(width, height);
    if let Some(el) = parent.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.style().set_property("font-size", &format!("{px}px"));
    }
    let mut backend = DomBackend::new_by_id(PARENT).map_err(|e| e.to_string())?;
    let (cw, ch) = backend.cell_size_css_px();
    let size = ratatui::backend::Backend::window_size(&mut backend)
        .map_err(|e| e.to_string())?
        .columns_rows;
    let area = Rect::new(0, 0, size.width, size.height);
    let term = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(area),
        },
    )
    .map_err(|e| e.to_string())?;
    Ok((
        term,
        (f64::from(cw), f64::from(ch)),
        (size.width, size.height),
    ))
}

/// Page-level listeners: they survive every grid rebuild and need no focus.
fn listen() -> Result<(), String> {
    let w = window()?;
    on(&w, "keydown", |e: KeyboardEvent| {
        if e.is_composing() {
            return;
        }
        if is_zoom_key(&e.key(), e.ctrl_key() || e.meta_key()) {
            e.prevent_default();
            return;
        }
        if let Some(k) = key(&e) {
            e.prevent_default();
            if e.repeat() && !repeats(k) {
                return;
            }
            with_runner(|r| r.handle(Input::Key(k)));
        }
    })?;
    on(&w, "pointerdown", |e: PointerEvent| {
        if !e.is_primary() || e.button() != 0 {
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
        if !e.is_primary() {
            return;
        }
        with_runner(|r| {
            if let Some(input) = r.pointer.release() {
                r.handle(input);
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
    // Whatever had focus, keys come back to the page.
    on(&w, "blur", |_: web_sys::Event| {
        if let Ok(w) = window() {
            let _ = w.focus();
        }
    })?;
    Ok(())
}

/// Adds a listener that lives as long as the page.
fn on<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
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

fn key(e: &KeyboardEvent) -> Option<Key> {
    key_from(
        &e.key(),
        e.ctrl_key() || e.meta_key(),
        e.alt_key(),
        e.shift_key(),
    )
}

/// The clinic's files beside the page, as fetched: what the page runs on, and what a later fetch
/// is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Files {
    /// `clinic.toml`, if the server has one.
    config: Option<Vec<u8>>,
    /// `content/files.txt`, if the server has one, and the files it names.
    list: Option<Vec<u8>>,
    content: Vec<(String, Vec<u8>)>,
}

/// Fetches `clinic.toml`, `content/files.txt` and the files it lists.
async fn fetch_files() -> Result<Files, String> {
    let config = fetch("clinic.toml").await?;
    let list = fetch("content/files.txt").await?;
    let mut content = Vec::new();
    if let Some(list) = &list {
        for name in String::from_utf8_lossy(list)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let path = format!("content/{name}");
            let bytes = fetch(&path).await?.ok_or_else(|| {
                refused(vec![format!(
                    "content/files.txt names {name}, but the server has no {path} \
                     (hint: copy the file there or remove its line)"
                )])
            })?;
            content.push((path, bytes));
        }
    }
    Ok(Files {
        config,
        list,
        content,
    })
}

/// The clinic config from `clinic.toml`, checked as `aftercare check --config` does; absent,
/// the defaults.
fn config_from(files: &Files) -> Result<Config, String> {
    let Some(bytes) = files.config.clone() else {
        return Ok(Config::default());
    };
    let checked: CheckedConfig = check_config(RawFile {
        name: "clinic.toml".into(),
        bytes,
    });
    match checked.config {
        Some(c) => Ok(c),
        None => Err(refused(
            checked
                .diagnostics
                .iter()
                .map(|d| d.one_line(std::slice::from_ref(&checked.file)))
                .collect(),
        )),
    }
}

/// The content from the listed files, checked as `aftercare check` does; without a list, the
/// content compiled in.
fn tree_from(files: &Files) -> Result<Tree, String> {
    let checked = match files.list {
        None => match crate::content::default_tree() {
            Ok(tree) => return Ok(tree),
            Err(checked) => *checked,
        },
        Some(_) => check_files(
            files
                .content
                .iter()
                .map(|(name, bytes)| RawFile {
                    name: name.clone(),
                    bytes: bytes.clone(),
                })
                .collect(),
        ),
    };
    let lines = checked.lines();
    checked.tree.ok_or_else(|| refused(lines))
}

/// The clinic config and the content from a set of files, each checked as `aftercare check`
/// does; the refusal's words if either has errors.
fn checked(files: &Files) -> Result<(Config, Tree), String> {
    let config = config_from(files)?;
    Ok((config, tree_from(files)?))
}

/// After a privacy reset, or every [`RETRY_MS`] while on the last good copy, and only while
/// nobody is using the kiosk: if the clinic's files on the server differ from what the page runs
/// on (or the page runs on its last good copy) and they pass the checks, reload the page to run on
/// them (as the terminal kiosk takes new content between sessions). Broken files are left alone:
/// the page keeps serving what it has and says why in the console.
async fn refresh() {
    let Ok(new) = fetch_files().await else {
        return; // the server is away: keep going on what the page has
    };
    let fallback = ON_LAST_GOOD.with(|f| *f.borrow());
    if !fallback && LOADED.with(|l| l.borrow().as_ref() == Some(&new)) {
        return;
    }
    let busy = RUNNER.with(|r| {
        r.try_borrow()
            .map_or(true, |r| r.as_ref().is_some_and(|r| r.app.holds_answers()))
    });
    match checked(&new) {
        Ok(_) if !busy => {
            save_last_good(&new);
            if let Ok(w) = window() {
                let _ = w.location().reload();
            }
        }
        Ok(_) => {} // mid-session: the next reset takes them
        Err(why) => web_sys::console::warn_1(&JsValue::from_str(&format!(
            "The clinic's files changed but were refused; still running on the previous ones.\n{why}"
        ))),
    }
}

/// A page that refused to start: reload once the server's files pass the checks.
async fn retry() {
    if let Ok(files) = fetch_files().await
        && checked(&files).is_ok()
        && let Ok(w) = window()
    {
        let _ = w.location().reload();
    }
}

/// Asks the server again every `ms`: [`refresh`] for a running page, [`retry`] for a page that
/// refused to start.
fn retry_every(ms: i32) {
    let Ok(w) = window() else { return };
    let tick = Closure::<dyn FnMut()>::new(|| {
        let running = RUNNER.with(|r| r.try_borrow().map_or(true, |r| r.is_some()));
        if running {
            wasm_bindgen_futures::spawn_local(refresh());
        } else {
            wasm_bindgen_futures::spawn_local(retry());
        }
    });
    let _ =
        w.set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), ms);
    tick.forget();
}

/// The emergency number and the banner's words of a config that passed, for the crash and
/// refusal messages.
fn remember_numbers(config: &Config) {
    EMERGENCY.with(|e| e.replace(config.clinic.emergency.clone()));
    BANNER.with(|b| b.replace(Some(config.fill(ui::strings::BANNER).into_owned())));
}

/// Keeps `files` (which passed the checks) as the last good copy. Only the clinic's settings and
/// content: nothing of any person. A browser without local storage simply keeps none.
fn save_last_good(files: &Files) {
    let text = |b: &Option<Vec<u8>>| {
        b.as_ref().map_or(JsValue::NULL, |b| {
            JsValue::from_str(&String::from_utf8_lossy(b))
        })
    };
    let content = js_sys::Array::new();
    for (name, bytes) in &files.content {
        let pair = js_sys::Array::of2(
            &JsValue::from_str(name),
            &JsValue::from_str(&String::from_utf8_lossy(bytes)),
        );
        content.push(&pair);
    }
    let saved = js_sys::Date::new_0().to_iso_string();
    let all = js_sys::Array::of4(&text(&files.config), &text(&files.list), &content, &saved);
    let Some(storage) = storage() else { return };
    // The old copy goes first: if the new one does not fit (storage full), there is no copy
    // rather than an older one that would look current.
    let _ = storage.remove_item(&last_good_key());
    if let Ok(json) = js_sys::JSON::stringify(&all)
        && let Some(json) = json.as_string()
    {
        let _ = storage.set_item(&last_good_key(), &json);
    }
}

/// This page's key for its last good copy.
fn last_good_key() -> String {
    let path = window()
        .ok()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    format!("{LAST_GOOD}{path}")
}

/// When the last good copy was kept (an ISO time), for the staff notice.
fn last_good_saved() -> Option<String> {
    let json = storage()?.get_item(&last_good_key()).ok()??;
    let all: js_sys::Array = js_sys::JSON::parse(&json).ok()?.dyn_into().ok()?;
    all.get(3).as_string()
}

/// The last good copy, if one is kept and it still passes this version's checks.
fn last_good() -> Option<(Files, Config, Tree)> {
    let json = storage()?.get_item(&last_good_key()).ok()??;
    let all: js_sys::Array = js_sys::JSON::parse(&json).ok()?.dyn_into().ok()?;
    let bytes = |v: JsValue| v.as_string().map(String::into_bytes);
    let content: js_sys::Array = all.get(2).dyn_into().ok()?;
    let files = Files {
        config: bytes(all.get(0)),
        list: bytes(all.get(1)),
        content: content
            .iter()
            .filter_map(|pair| {
                let pair: js_sys::Array = pair.dyn_into().ok()?;
                Some((pair.get(0).as_string()?, bytes(pair.get(1))?))
            })
            .collect(),
    };
    let (config, tree) = checked(&files).ok()?;
    Some((files, config, tree))
}

fn storage() -> Option<web_sys::Storage> {
    window().ok()?.local_storage().ok()?
}

/// A small line for staff at the foot of the page, over the grid but letting taps through: the
/// server's files were refused and the page runs on its last good copy.
fn show_notice(why: &str) {
    let Ok(doc) = document() else { return };
    let Ok(el) = doc.create_element("div") else {
        return;
    };
    el.set_id(NOTICE);
    let first = why
        .lines()
        .find(|l| l.contains(": error"))
        .or_else(|| {
            why.lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with("If you feel"))
        })
        .unwrap_or_default();
    let saved = last_good_saved()
        .map(|t| format!(" (kept {})", t.get(..16).unwrap_or(&t).replace('T', " ")))
        .unwrap_or_default();
    el.set_text_content(Some(&format!(
        "Staff: running on the last good copy{saved}: the files on the server were refused — \
         {first}. This screen tries them again every {} s.",
        RETRY_MS / 1000
    )));
    if let Some(body) = doc.body() {
        let _ = body.append_child(&el);
    }
}

/// The most diagnostics the refusal lists (`aftercare check` lists them all).
const MAX_SHOWN: usize = 20;

/// The page's words when the clinic's files are refused: the emergency number first, so no list
/// of mistakes can push it off the screen.
fn refused(lines: Vec<String>) -> String {
    let first = first_line();
    let more = lines.len().saturating_sub(MAX_SHOWN);
    let mut shown = lines
        .into_iter()
        .take(MAX_SHOWN)
        .collect::<Vec<_>>()
        .join("\n");
    if more > 0 {
        shown.push_str(&format!(
            "\n… and {more} more (`aftercare check` lists them all)"
        ));
    }
    format!(
        "{first}\n\n\
         This kiosk cannot start: its files have mistakes. Tap to try again; it also tries by \
         itself every {} seconds.\n\n{shown}\n\n\
         Staff: fix each line above (`aftercare check` shows the same).",
        RETRY_MS / 1000
    )
}

/// The first line of every message the page shows instead of the kiosk: the emergency number,
/// and the clinic's phone once a good config was ever read.
fn first_line() -> String {
    let emergency = EMERGENCY.with(|e| e.try_borrow().map(|s| s.clone()).unwrap_or_default());
    let banner = BANNER.with(|b| b.try_borrow().ok().and_then(|b| b.clone()));
    match banner {
        Some(b) => format!("{b} Or ask at the desk."),
        None => format!("If you feel unwell now, call {emergency}, or ask at the desk."),
    }
}

/// A file beside the page: `None` if the server has none (404).
async fn fetch(path: &str) -> Result<Option<Vec<u8>>, String> {
    let w = window()?;
    let init = RequestInit::new();
    // Staff edits show at once: never a cached copy (a revalidation by modification time can miss an edit made within the same second).
    init.set_cache(RequestCache::NoStore);
    let response = JsFuture::from(w.fetch_with_str_and_init(path, &init))
        .await
        .map_err(|e| {
            format!(
                "Could not read {path}: {} (hint: serve this folder with a web server; \
                 a page opened as a file cannot read its neighbours)",
                js_message(e)
            )
        })?;
    let response: web_sys::Response = response.dyn_into().map_err(js_message)?;
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(format!(
            "Could not read {path}: the server answered {}",
            response.status()
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(js_message)?)
        .await
        .map_err(js_message)?;
    Ok(Some(js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// Replaces the page with plain text (errors, the crash message): never a half-drawn screen.
fn show_text(text: &str) {
    if let Some(parent) = element(PARENT) {
        parent.set_inner_html("");
        if let Ok(doc) = document()
            && let Ok(pre) = doc.create_element("pre")
        {
            let _ = pre.set_attribute("class", "message");
            pre.set_text_content(Some(text));
            let _ = parent.append_child(&pre);
        }
    }
}

/// A panic freezes a wasm page: say so, with the emergency number, and reload.
fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
    show_text(&format!(
        "{}\n\nSomething went wrong. This screen restarts in a few seconds.",
        first_line()
    ));
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

/// The time since the page loaded.
fn now() -> Duration {
    let ms = window()
        .ok()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now());
    Duration::from_secs_f64(ms.max(0.0) / 1000.0)
}

fn window() -> Result<Window, String> {
    web_sys::window().ok_or_else(|| "no window".to_string())
}

fn document() -> Result<Document, String> {
    window()?
        .document()
        .ok_or_else(|| "no document".to_string())
}

fn element(id: &str) -> Option<Element> {
    document().ok()?.get_element_by_id(id)
}

fn js_message(v: JsValue) -> String {
    v.as_string()
        .or_else(|| {
            v.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{v:?}"))
}
