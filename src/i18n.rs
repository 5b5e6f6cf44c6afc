//! The interface's own words, looked up by key in a Fluent catalogue per language
//! (`locales/en/aftercare.ftl`, `locales/es/aftercare.ftl`, embedded with `include_str!`): key
//! hints, help, dialogs, level words, captions, headings. The language a message is looked up in
//! is the thread's ([`set_lang`]), a rendering detail: the app's language is its own
//! (`App::lang`), and whoever draws it (`ui::Ui`, the line mode, the browser runner) tells the
//! catalogue before it draws; a command without an app sets it from `--lang`, the environment or
//! the clinic config. A thread started from one that speaks takes its language ([`speaking`]).
//! The patient-facing medical wording is content (`data/`), never here; this module knows no
//! terminal, screen or clinic, so every layer, `content` included, may ask it for a word.
//!
//! Code names a message by its key (`t("quit-title")`, `t_args("topics-some", …)`, or `Msg(…)`
//! in a constant table) and never matches or assembles English text; `tests/catalogue.rs` fails on
//! a key the code uses that the catalogue lacks and on a catalogue key no code uses.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

pub use fluent_bundle::FluentValue as Arg;

/// The English catalogue (as `build.rs` copies it: without its comments).
#[cfg(catalogue_built)]
pub const EN: &str = include_str!(concat!(env!("OUT_DIR"), "/en.ftl"));
/// The Spanish catalogue: the same keys and variables (tests/catalogue.rs).
#[cfg(catalogue_built)]
pub const ES: &str = include_str!(concat!(env!("OUT_DIR"), "/es.ftl"));
/// The catalogues as they are, where `build.rs` made no copies (its own build of this file).
#[cfg(not(catalogue_built))]
pub const EN: &str = include_str!("../locales/en/aftercare.ftl");
#[cfg(not(catalogue_built))]
pub const ES: &str = include_str!("../locales/es/aftercare.ftl");

/// A language the guide speaks: the interface's catalogue and the content's texts. Content in a
/// second language is a translation of the English with the same ids (`data/es/`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    /// Every language, English (the original) first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The language's interface catalogue.
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::En => EN,
            Lang::Es => ES,
        }
    }

    /// The language's place in [`Lang::ALL`].
    fn index(self) -> usize {
        self as usize
    }

    /// The language's code, as in `--lang es`, a clinic's `language = "es"` and `data/es/`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language of a code (`"es"`, `"ES"`), or of a locale (`"es_MX.UTF-8"`, `"es-419"`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code.split(['_', '-', '.', '@']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(base))
    }
}

/// A catalogue key written where a message is named but not yet looked up: in a constant table
/// (the key bindings, the menus), so the table stays `const` and the words come from the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Msg(pub &'static str);

impl Msg {
    /// The message's words (see [`t`]).
    pub fn text(self) -> &'static str {
        t(self.0)
    }
}

/// A named message reads as its words wherever a `&str` method is called on it.
impl std::ops::Deref for Msg {
    type Target = str;
    fn deref(&self) -> &str {
        self.text()
    }
}

impl From<Msg> for String {
    fn from(m: Msg) -> String {
        m.text().to_string()
    }
}

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
    static BUNDLES: [FluentBundle<FluentResource>; 2] = Lang::ALL.map(bundle);
    /// Each message without arguments, formatted once per language: a frame asks for the same
    /// words many times, and callers keep `&'static str` as they did with constants. Bounded by
    /// the catalogues' size.
    static MADE: RefCell<HashMap<(Lang, &'static str), &'static str>> = RefCell::new(HashMap::new());
}

/// Speaks `lang` from now on, on this thread: every later [`t`] and [`t_args`].
pub fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

/// The language this thread speaks.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// `f`, to run on another thread speaking this thread's language (a worker that checks half of
/// the content for a caller): a new thread would otherwise speak English. The reload watcher
/// does not: what it says goes to the kiosk log, which is English.
pub fn speaking<T>(f: impl FnOnce() -> T) -> impl FnOnce() -> T {
    let lang = lang();
    move || {
        set_lang(lang);
        f()
    }
}

/// A bundle of one language's catalogue, with its plural rules. Bidi isolation marks are off:
/// the words are drawn into a grid and compared by tests exactly as written, and neither
/// language needs them.
fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    bundle.set_use_isolating(false);
    // A resource that does not parse whole keeps the messages it could read (tests check that
    // the embedded ones parse without an error).
    let resource = FluentResource::try_new(lang.catalogue().to_string()).unwrap_or_else(|(r, _)| r);
    // Duplicate ids are caught by tests too; the first one stays.
    let _ = bundle.add_resource(resource);
    bundle
}

/// Formats `key` with `args` in `bundle`; a missing key gives the key itself, so a gap shows as
/// the key, never as a crash (a test keeps the catalogue and the code in step).
fn format(bundle: &FluentBundle<FluentResource>, key: &str, args: Option<&FluentArgs>) -> String {
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// The words of message `key`, which takes no arguments, in the thread's language.
pub fn t(key: &'static str) -> &'static str {
    let lang = lang();
    if let Some(made) = MADE.with_borrow(|m| m.get(&(lang, key)).copied()) {
        return made;
    }
    let text: &'static str = BUNDLES.with(|b| format(&b[lang.index()], key, None)).leak();
    MADE.with_borrow_mut(|m| m.insert((lang, key), text));
    text
}

/// The words of message `key` with its arguments (`$n`, `$query`...), plural rules applied, in
/// the thread's language.
pub fn t_args(key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fargs = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fargs.set(*name, value.clone());
    }
    let lang = lang();
    BUNDLES.with(|b| format(&b[lang.index()], key, Some(&fargs)))
}
