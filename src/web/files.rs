//! The clinic's files beside the page: fetched, checked as `aftercare check` does, kept as the
//! last good copy in local storage (settings and content only: nothing of any person), and
//! looked at again after each privacy reset or every [`RETRY_MS`](super::RETRY_MS) on the last good copy.
//!
//! With `require_signoff = true` in `clinic.toml`, the content must be exactly what
//! `content/signoff.toml` last approved (the same hash as `aftercare check` computes for the same
//! files): anything else is refused like broken files, and the page keeps its last good copy.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::{Closure, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestInit};

use super::dom::{js_message, window};
use super::page::refused;
use super::{BANNER, EMERGENCY, LAST_GOOD, LOADED, ON_LAST_GOOD, RUNNER};
use crate::config::{CheckedConfig, Config, check_config};
use crate::content::{RawFile, Tree, check_files};
use crate::i18n::Lang;

/// Checked content: the original (English) tree and its translations (`content/es/*.toml`
/// listed in `files.txt`, checked with it and against it as `aftercare check` does), each with
/// its language.
#[derive(Debug, Clone)]
pub(crate) struct Content {
    pub(super) tree: Tree,
    pub(super) translations: Vec<(Lang, Tree)>,
}

/// The clinic's files beside the page, as fetched: what the page runs on, and what a later fetch
/// is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Files {
    /// `clinic.toml`, if the server has one.
    config: Option<Vec<u8>>,
    /// `content/files.txt`, if the server has one, and the files it names.
    list: Option<Vec<u8>>,
    content: Vec<(String, Vec<u8>)>,
    /// `content/signoff.toml`, if the server has one (read only with a list; never content).
    signoff: Option<Vec<u8>>,
}

/// Fetches `clinic.toml`, `content/files.txt` and the files it lists.
pub(super) async fn fetch_files() -> Result<Files, String> {
    let config = fetch("clinic.toml").await?;
    let list = fetch("content/files.txt").await?;
    let mut content = Vec::new();
    let mut signoff = None;
    if let Some(list) = &list {
        signoff = fetch(&format!("content/{}", crate::signoff::FILE)).await?;
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
        signoff,
    })
}

/// On a first visit, puts the files the page just fetched (a 404 too: it means "use the
/// defaults") in the service worker's cache, so that its install does not fetch them a second
/// time; then, always, tells `boot.js`, which registers the worker. Not awaited: the first screen
/// does not wait for the copy, and nothing is copied when no copy is needed. Nothing of any
/// person: only the clinic's files.
pub(super) fn keep_for_offline(files: &Files) {
    if !needs_copy() {
        announce_files();
        return;
    }
    let mut all: Vec<(String, Option<Vec<u8>>)> = vec![
        ("clinic.toml".into(), files.config.clone()),
        ("content/files.txt".into(), files.list.clone()),
    ];
    if files.list.is_some() {
        all.push((
            format!("content/{}", crate::signoff::FILE),
            files.signoff.clone(),
        ));
        all.extend(
            files
                .content
                .iter()
                .map(|(n, b)| (n.clone(), Some(b.clone()))),
        );
    }
    wasm_bindgen_futures::spawn_local(async move {
        let _ = put_all(all).await;
        announce_files();
    });
}

/// Tells `boot.js` the clinic's files are where the worker's install looks for them.
fn announce_files() {
    if let Ok(w) = window()
        && let Ok(e) = web_sys::Event::new("aftercare-files")
    {
        let _ = w.dispatch_event(&e);
    }
}

/// Whether the page should copy the files itself: only where the browser has a cache for the
/// worker (`caches` is absent, not an error, on plain http) and a worker can be registered, and only
/// while none controls the page (the first visit): afterwards the worker keeps each answer it
/// passes on, and a second copy could land on top of a newer one.
fn needs_copy() -> bool {
    let Ok(w) = window() else { return false };
    let get = |on: &JsValue, key: &str| {
        js_sys::Reflect::get(on, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    let present = |v: &JsValue| !v.is_undefined() && !v.is_null();
    let workers = get(&get(&w, "navigator"), "serviceWorker");
    present(&get(&w, "caches")) && present(&workers) && !present(&get(&workers, "controller"))
}

async fn put_all(mut all: Vec<(String, Option<Vec<u8>>)>) -> Result<(), JsValue> {
    let w = window().map_err(|e| JsValue::from_str(&e))?;
    let cache: web_sys::Cache = JsFuture::from(w.caches()?.open(crate::web_pure::OFFLINE_CACHE))
        .await?
        .dyn_into()?;
    for (name, bytes) in &mut all {
        let init = web_sys::ResponseInit::new();
        init.set_status(if bytes.is_some() { 200 } else { 404 });
        let response =
            web_sys::Response::new_with_opt_u8_array_and_init(bytes.as_deref_mut(), &init)?;
        JsFuture::from(cache.put_with_str(name, &response)).await?;
    }
    Ok(())
}

/// The clinic config from `clinic.toml`, checked as `aftercare check --config` does; absent,
/// the defaults.
pub(super) fn config_from(files: &Files) -> Result<Config, String> {
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

/// The content from the listed files, with the translations among them, checked as `aftercare
/// check` does; without a list, the content compiled in, in English alone: its translation is
/// left out of the page (about 99 KB gzipped, a fifth of the page, for the page of a clinic that
/// puts no content beside it; `content/es/` beside the page gives it). With `require_signoff`,
/// content its sign-off does not match is refused (and so is the content compiled in, which no
/// clinic signed), as a terminal kiosk refuses it.
pub(super) fn content_from(files: &Files, require_signoff: bool) -> Result<Content, String> {
    let checked = match files.list {
        None if require_signoff => {
            let line = crate::i18n::t("signoff-log-built-in");
            return Err(refused(vec![line.to_string()]));
        }
        None => match crate::content::default_tree() {
            Ok(tree) => {
                return Ok(Content {
                    tree,
                    translations: Vec::new(),
                });
            }
            Err(checked) => *checked,
        },
        Some(_) => {
            let raw: Vec<RawFile> = files
                .content
                .iter()
                .map(|(name, bytes)| RawFile {
                    name: name.clone(),
                    bytes: bytes.clone(),
                })
                .collect();
            if require_signoff {
                let signoff = files.signoff.clone().map(|bytes| RawFile {
                    name: format!("content/{}", crate::signoff::FILE),
                    bytes,
                });
                let found = crate::signoff::status_of_files(&raw, signoff);
                crate::signoff::required("content/", found).map_err(refused)?;
            }
            check_files(raw)
        }
    };
    let lines = checked.lines();
    match checked.tree {
        Some(tree) => Ok(Content {
            tree,
            translations: checked.translations,
        }),
        None => Err(refused(lines)),
    }
}

/// The clinic config and the content from a set of files, each checked as `aftercare check`
/// does; the refusal's words if either has errors.
pub(super) fn checked(files: &Files) -> Result<(Config, Content), String> {
    let config = config_from(files)?;
    let content = content_from(files, config.require_signoff)?;
    Ok((config, content))
}

/// After a privacy reset, or every [`RETRY_MS`] while on the last good copy, and only while
/// nobody is using the kiosk: if the clinic's files on the server differ from what the page runs
/// on (or the page runs on its last good copy) and they pass the checks, reload the page to run on
/// them (as the terminal kiosk takes new content between sessions). Broken files are left alone:
/// the page keeps serving what it has and says why in the console.
pub(super) async fn refresh() {
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
pub(super) async fn retry() {
    if let Ok(files) = fetch_files().await
        && checked(&files).is_ok()
        && let Ok(w) = window()
    {
        let _ = w.location().reload();
    }
}

/// Asks the server again every `ms`: [`refresh`] for a running page, [`retry`] for a page that
/// refused to start.
pub(super) fn retry_every(ms: i32) {
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
/// refusal messages, which speak its `language` from now on (until the app speaks its own);
/// the page says that language too, and "Loading…" in it while the server's files come (from
/// the last good copy; boot.js guessed from the browser's language until now).
pub(super) fn remember_numbers(config: &Config) {
    EMERGENCY.with(|e| e.replace(config.clinic.emergency.clone()));
    BANNER.with(|b| b.replace(Some(config.clone())));
    let lang = config.language.unwrap_or_default();
    crate::i18n::set_lang(lang);
    if let Ok(doc) = super::dom::document() {
        super::view::set_lang(&doc, lang);
    }
    if let Some(loading) = super::dom::element("loading") {
        loading.set_text_content(Some(crate::i18n::t("page-loading")));
    }
}

/// Keeps `files` (which passed the checks) as the last good copy. Only the clinic's settings and
/// content: nothing of any person. A browser without local storage simply keeps none.
pub(super) fn save_last_good(files: &Files) {
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
    let all = js_sys::Array::of5(
        &text(&files.config),
        &text(&files.list),
        &content,
        &saved,
        &text(&files.signoff),
    );
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
pub(super) fn last_good_key() -> String {
    let path = window()
        .ok()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    format!("{LAST_GOOD}{path}")
}

/// When the last good copy was kept (an ISO time), for the staff notice.
pub(super) fn last_good_saved() -> Option<String> {
    let json = storage()?.get_item(&last_good_key()).ok()??;
    let all: js_sys::Array = js_sys::JSON::parse(&json).ok()?.dyn_into().ok()?;
    all.get(3).as_string()
}

/// The last good copy, if one is kept and it still passes this version's checks.
pub(super) fn last_good() -> Option<(Files, Config, Content)> {
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
        // A copy kept before sign-offs were read has none: under require_signoff it is refused.
        signoff: bytes(all.get(4)),
    };
    let (config, content) = checked(&files).ok()?;
    Some((files, config, content))
}

pub(super) fn storage() -> Option<web_sys::Storage> {
    window().ok()?.local_storage().ok()?
}

/// A file beside the page: `None` if the server has none (404).
pub(super) async fn fetch(path: &str) -> Result<Option<Vec<u8>>, String> {
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
