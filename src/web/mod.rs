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
use web_sys::PointerEvent;

use crate::app::pointer::Pointer;
use crate::app::{App, Effect, Input, Overlay, ScreenLayout};
use crate::config::Config;
use crate::i18n::t_args;
use crate::ui::Ui;
use crate::ui::theme::Theme;
use crate::web_pure::{font_px_zoomed, resolve_colors};

mod dom;
mod events;
mod files;
mod mirror;
mod page;

use dom::{element, made_at, now, window};
use events::{listen, on};
use files::{
    Files, checked, config_from, fetch_files, last_good, last_good_saved, refresh,
    remember_numbers, retry, retry_every, save_last_good,
};
use page::{first_line, on_panic, show_notice, show_text};

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
    /// The device pixel ratio at load: a larger one later is the browser's zoom.
    static BASE_RATIO: RefCell<Option<f64>> = const { RefCell::new(None) };
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
    /// The app, the theme it is drawn in and the layout of the frame on screen.
    pub(super) ui: Ui,
    pub(super) term: Option<Terminal<DomBackend>>,
    /// One cell's size in CSS pixels, to turn pointer positions into cells.
    pub(super) cell: (f64, f64),
    pub(super) pointer: Pointer,
    /// Wheel movement not yet turned into whole notches (one scroll step each).
    pub(super) wheel: f64,
    /// The pending deadline timer and the pending resize timer.
    pub(super) timer: Option<i32>,
    pub(super) resize_timer: Option<i32>,
    /// Frames drawn since load (shown as `data-frames` on `#app`, for the idle test).
    pub(super) frames: u64,
    /// The screen-reader mirror as last built (see [`mirror`]).
    pub(super) mirror: Vec<crate::ui::semantic::Node>,
    /// The callbacks the timers call; kept so they are made once.
    pub(super) on_deadline: Closure<dyn FnMut()>,
    pub(super) on_resized: Closure<dyn FnMut()>,
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
            show_notice(&why, last_good_saved());
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
                let cannot = t_args("page-cannot-start", &[("n", (RETRY_MS / 1000).into())]);
                format!("{first}\n\n{cannot}\n\n{why}")
            });
        }
    };
    remember_numbers(&config);
    LOADED.with(|l| l.replace(Some(files)));
    let theme = Theme::choose(config.theme, false, None);
    let runner = Runner {
        ui: Ui::new(App::new_kiosk(tree, config, now()), theme),
        term: None,
        cell: (10.0, 20.0),
        pointer: Pointer::default(),
        wheel: 0.0,
        timer: None,
        resize_timer: None,
        frames: 0,
        mirror: Vec::new(),
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

pub(super) fn with_runner(f: impl FnOnce(&mut Runner)) {
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
    pub(super) fn handle(&mut self, input: Input) {
        self.handle_made(input, None);
    }

    /// [`handle`](Self::handle) for an input from a page event, with the event's `timeStamp`:
    /// while the page draws and renders a new screen (hundreds of milliseconds on a slow
    /// machine) a tap waits, and the app judges by when it was made whether it came within the
    /// new screen's settle time, not by when the page got to it.
    pub(super) fn handle_made(&mut self, input: Input, time_stamp: Option<f64>) {
        let now = now();
        let made = time_stamp.and_then(|ms| made_at(ms, now)).unwrap_or(now);
        let held = self.ui.holds_answers();
        let mut redraw = false;
        for effect in self.ui.update_at(input, now, made) {
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
        if held && !self.ui.holds_answers() {
            wasm_bindgen_futures::spawn_local(refresh());
        }
    }

    /// Sets one timer for the app's next deadline (none while the welcome screen holds nothing).
    pub(super) fn schedule(&mut self, now: Duration) {
        let Ok(w) = window() else { return };
        if let Some(id) = self.timer.take() {
            w.clear_timeout_with_handle(id);
        }
        if let Some(at) = self.ui.next_deadline() {
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
    pub(super) fn draw(&mut self) {
        let ui = &mut self.ui;
        if let Some(term) = self.term.as_mut()
            && term
                .draw(|f| {
                    ui.render(f);
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
                let qr = self.ui.overlay == Some(Overlay::TakeHome);
                let _ = parent.class_list().toggle_with_force("blocks", qr);
                // A screen reader reads the mirror, not one element per character.
                let _ = parent.set_attribute("aria-hidden", "true");
                let _ = parent.set_attribute("data-targets", &targets_json(self.ui.layout()));
            }
            mirror::sync(self);
        }
    }

    /// A fresh kiosk on the same content and settings: nothing of the person is left.
    pub(super) fn forget(&mut self) {
        let a = &self.ui;
        let rows = a.target_rows;
        let fresh = App::new_kiosk(a.tree.clone(), a.config.clone(), now());
        self.ui = Ui::new(fresh, *a.theme());
        self.ui.app_mut().target_rows = rows;
    }

    /// Builds the grid for the window's size (at load and after each resize) and draws.
    pub(super) fn rebuild(&mut self) {
        // Drop the old backend first: it removes its listeners.
        self.term = None;
        match build_terminal() {
            Ok((term, cell, (w, h))) => {
                self.term = Some(term);
                self.cell = cell;
                self.ui.app_mut().target_rows = target_rows(cell.1);
                self.pointer.cancel();
                self.handle(Input::Resize { w, h });
                self.draw();
            }
            Err(message) => show_text(&message),
        }
    }

    /// The cell under a point of the page, if it is on the grid.
    pub(super) fn cell_at(&self, x: f64, y: f64) -> Option<(u16, u16)> {
        let rect = element(GRID)?.get_bounding_client_rect();
        let (cx, cy) = (
            (x - rect.left()) / self.cell.0,
            (y - rect.top()) / self.cell.1,
        );
        let (w, h) = self.ui.size;
        (cx >= 0.0 && cy >= 0.0 && cx < f64::from(w) && cy < f64::from(h))
            .then_some((cx as u16, cy as u16))
    }
}

/// The tap targets on screen, in cells, for the end-to-end test's measure of their size:
/// `[[col, row, width, height], …]`, the rows of one target (a link's rows) joined.
fn targets_json(l: &ScreenLayout) -> String {
    let mut boxes: Vec<(ratatui::layout::Rect, crate::app::Action)> = Vec::new();
    for t in &l.targets {
        match boxes.last_mut() {
            Some((r, a)) if *a == t.action && r.x == t.rect.x && r.bottom() == t.rect.y => {
                r.height += t.rect.height;
            }
            _ => boxes.push((t.rect, t.action)),
        }
    }
    let items: Vec<String> = boxes
        .iter()
        .map(|(r, _)| format!("[{},{},{},{}]", r.x, r.y, r.width, r.height))
        .collect();
    format!("[{}]", items.join(","))
}

/// The rows a tap target needs for a finger: at least 44 CSS pixels (WCAG 2.5.5) with cells
/// `cell_h` pixels high.
fn target_rows(cell_h: f64) -> u16 {
    if cell_h <= 0.0 {
        return 1;
    }
    ((44.0 / cell_h).ceil() as u16).clamp(1, 4)
}

/// A terminal on a fresh grid, one cell's size in CSS pixels, and the grid's size in cells.
type Built = (Terminal<DomBackend>, (f64, f64), (u16, u16));

/// A new terminal on a fresh grid, with the font sized so about 80x24 cells fill the window.
pub(super) fn build_terminal() -> Result<Built, String> {
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
    // The browser's zoom, against the pixel ratio the page loaded with.
    let ratio = w.device_pixel_ratio();
    let base = BASE_RATIO.with(|b| *b.borrow_mut().get_or_insert(ratio));
    let px = font_px_zoomed(width, height, ratio / base);
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
