//! The clinic's files beside the page: fetched, given their verdict (`crate::web_pack`: the
//! check `aftercare check` runs, kept, packed beside the page, or made by the checker wasm the
//! page loads only then), kept as the last good copy in local storage (settings and content
//! only: nothing of any person), and looked at again while the welcome screen sits idle
//! ([`watch`]: `HEAD` requests, the files fetched only when one changed; a privacy reset fetches
//! nothing) or every [`RETRY_MS`](super::RETRY_MS) on the last good copy.
//!
//! With `require_signoff = true` in `clinic.toml`, the content must be exactly what
//! `content/signoff.toml` last approved (the same hash as `aftercare check` computes for the same
//! files): anything else is refused like broken files, and the page keeps its last good copy.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::{Closure, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestInit};

use super::dom::{js_message, window};
use super::page::refused;
use super::{BANNER, EMERGENCY, LAST_GOOD, LOADED, ON_LAST_GOOD, RUNNER};
use crate::config::Config;
pub(crate) use crate::web_pack::Content;
pub(super) use crate::web_pack::Files;
use crate::web_pack::{Verdict, encode, pack_name};

/// The global function `boot.js` defines: loads the checker (`check.js`) and asks it.
const CHECKER: &str = "aftercareCheck";

thread_local! {
    /// What the server said of each file of the last fetch, by path (see [`stamp`]).
    static FETCHED: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    /// The same for the files the page runs on: what [`watch`] compares with.
    static STAMPS: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// Fetches `clinic.toml`, `content/files.txt` and the files it lists.
pub(super) async fn fetch_files() -> Result<Files, String> {
    FETCHED.with_borrow_mut(Vec::clear);
    let config = fetch("clinic.toml").await?;
    let list = fetch("content/files.txt").await?;
    let mut content = Vec::new();
    let mut signoff = None;
    if let Some(list) = &list {
        signoff = fetch(&format!("content/{}", crate::signoff::FILE)).await?;
        for name in Files::listed(list) {
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
/// person: only the clinic's files, and the pack the page read for them.
pub(super) fn keep_for_offline(files: &Files, pack: Option<(String, Vec<u8>)>) {
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
    all.extend(pack.map(|(n, b)| (n, Some(b))));
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

/// A verdict on a set of files: its digest, the verdict, and the pack it came from (its name
/// and bytes), if it came from one.
pub(super) struct Judged {
    pub(super) digest: String,
    pub(super) verdict: Verdict,
    pub(super) pack: Option<(String, Vec<u8>)>,
}

impl Judged {
    /// The config and content, or the refusal's words.
    pub(super) fn checked(&self) -> Result<(Config, Content), String> {
        let config = self.verdict.config.clone().map_err(refused)?;
        match &self.verdict.content {
            Some(Ok(content)) => Ok((config, content.clone())),
            Some(Err(lines)) => Err(refused(lines.clone())),
            None => Err(refused(Vec::new())),
        }
    }
}

/// The verdict on `files`: the last good copy's when it was kept for these files, else the pack
/// beside the page for them, else the checker's (loaded only now).
pub(super) async fn judge(files: &Files) -> Result<Judged, String> {
    let digest = files.digest();
    if let Some((kept, verdict)) = last_good()
        && kept == digest
    {
        return Ok(Judged {
            digest,
            verdict,
            pack: None,
        });
    }
    let name = pack_name(&digest);
    if let Ok(Some(bytes)) = fetch(&name).await
        && let Some(verdict) = Verdict::from_bytes(&bytes)
    {
        return Ok(Judged {
            digest,
            verdict,
            pack: Some((name, bytes)),
        });
    }
    let verdict = checker(files).await?;
    Ok(Judged {
        digest,
        verdict,
        pack: None,
    })
}

/// The checker's verdict on `files`: `boot.js` loads `check.js` (the check in a wasm of its own)
/// the first time it is asked.
async fn checker(files: &Files) -> Result<Verdict, String> {
    let w = window()?;
    let cannot = |why: String| {
        format!(
            "Could not check the clinic's files: the page's checker (check.js) did not load: {why}"
        )
    };
    let ask: js_sys::Function = js_sys::Reflect::get(&w, &JsValue::from_str(CHECKER))
        .map_err(js_message)
        .and_then(|f| f.dyn_into().map_err(js_message))
        .map_err(cannot)?;
    let bytes = postcard::to_allocvec(files).map_err(|e| cannot(e.to_string()))?;
    let lang = JsValue::from_str(crate::i18n::lang().code());
    let asked = ask
        .call2(
            &JsValue::NULL,
            &lang,
            &js_sys::Uint8Array::from(bytes.as_slice()),
        )
        .map_err(|e| cannot(js_message(e)))?;
    let answer = JsFuture::from(js_sys::Promise::resolve(&asked))
        .await
        .map_err(|e| cannot(js_message(e)))?;
    Verdict::from_bytes(&js_sys::Uint8Array::new(&answer).to_vec())
        .ok_or_else(|| cannot("it is another version's (reload the page)".into()))
}

/// When [`watch`] saw a file change, or every [`RETRY_MS`] while on the last good copy, and only
/// while nobody is using the kiosk: if the clinic's files on the server differ from what the page runs
/// on (or the page runs on its last good copy) and they pass the checks, reload the page to run on
/// them (as the terminal kiosk takes new content between sessions). Broken files are left alone:
/// the page keeps serving what it has and says why in the console.
pub(super) async fn refresh() {
    let Ok(new) = fetch_files().await else {
        return; // the server is away: keep going on what the page has
    };
    let fallback = ON_LAST_GOOD.with(|f| *f.borrow());
    let digest = new.digest();
    if !fallback && LOADED.with(|l| l.borrow().as_deref() == Some(digest.as_str())) {
        running_on_fetched(); // the same files, touched: compare with what the server says now
        return;
    }
    let busy = RUNNER.with(|r| {
        r.try_borrow()
            .map_or(true, |r| r.as_ref().is_some_and(|r| r.app.holds_answers()))
    });
    let judged = match judge(&new).await {
        Ok(judged) => judged,
        Err(why) => {
            web_sys::console::warn_1(&JsValue::from_str(&why));
            return;
        }
    };
    match judged.checked() {
        Ok(_) if !busy => {
            save_last_good(&judged.digest, &judged.verdict);
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

/// The files of the last fetch are the ones the page runs on: [`watch`] compares with them.
pub(super) fn running_on_fetched() {
    STAMPS.with_borrow_mut(|s| *s = FETCHED.with_borrow(Clone::clone));
}

/// What the server says of a file without sending it: its status, size and modification time
/// (and its `ETag`, where the server gives one). An edit changes it, unless it keeps the file's
/// size to the byte within the second of the last fetch.
/// Of any other answer (a 404: "use the defaults"), only its status: a server need not say the
/// same of a missing file to a `HEAD` as to a `GET` (Python's `http.server` gives the length of
/// its error page to one and not the other).
fn stamp(response: &web_sys::Response) -> String {
    if response.status() != 200 {
        return response.status().to_string();
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .ok()
            .flatten()
            .unwrap_or_default()
    };
    format!(
        "200 {} {} {}",
        header("content-length"),
        header("last-modified"),
        header("etag")
    )
}

/// While nobody is using the kiosk: asks the server about each of the clinic's files the page
/// runs on with a `HEAD` request (a few hundred bytes each, none of the files' text), and fetches
/// and checks them all ([`refresh`]) only when one changed. This is how a staff edit reaches a
/// running kiosk; a privacy reset fetches nothing.
pub(super) async fn watch() {
    let Ok(w) = window() else { return };
    let stamps = STAMPS.with_borrow(Clone::clone);
    for (path, was) in stamps {
        let init = RequestInit::new();
        init.set_method("HEAD");
        init.set_cache(RequestCache::NoStore);
        let Ok(response) = JsFuture::from(w.fetch_with_str_and_init(&path, &init)).await else {
            return; // the server is away: keep going on what the page has
        };
        let Ok(response) = response.dyn_into::<web_sys::Response>() else {
            return;
        };
        if stamp(&response) != was {
            refresh().await;
            return;
        }
    }
}

/// A page that refused to start: reload once the server's files pass the checks.
pub(super) async fn retry() {
    if let Ok(files) = fetch_files().await
        && let Ok(judged) = judge(&files).await
        && judged.verdict.passed()
        && let Ok(w) = window()
    {
        save_last_good(&judged.digest, &judged.verdict);
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

/// Keeps the verdict on the files of `digest` (which passed the checks) as the last good copy:
/// the clinic's settings and content as checked, nothing of any person. A browser without local
/// storage simply keeps none.
pub(super) fn save_last_good(digest: &str, verdict: &Verdict) {
    // Each byte as the character of that number: local storage keeps text.
    let bytes: String = encode(verdict).into_iter().map(char::from).collect();
    let saved = js_sys::Date::new_0().to_iso_string();
    let all = js_sys::Array::of3(
        &JsValue::from_str(digest),
        &saved,
        &JsValue::from_str(&bytes),
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
    kept()?.get(1).as_string()
}

/// The last good copy kept in local storage: `[digest, when, verdict]`.
fn kept() -> Option<js_sys::Array> {
    let json = storage()?.get_item(&last_good_key()).ok()??;
    js_sys::JSON::parse(&json).ok()?.dyn_into().ok()
}

/// The last good copy, if one is kept and this version reads it: the digest of its files and
/// their verdict (one that passed).
pub(super) fn last_good() -> Option<(String, Verdict)> {
    let all = kept()?;
    let digest = all.get(0).as_string()?;
    let bytes: Vec<u8> = (all.get(2).as_string()?.chars())
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect::<Option<_>>()?;
    let verdict = Verdict::from_bytes(&bytes).filter(Verdict::passed)?;
    Some((digest, verdict))
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
    FETCHED.with_borrow_mut(|f| f.push((path.to_string(), stamp(&response))));
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
