//! The embedded default content (`data/`, and its translation `data/es/` when there is one),
//! validated at build time by `build.rs` — a broken data file fails the build — and loaded here
//! from its compact binary form. Not part of what `build.rs` compiles (it makes the files this one
//! reads).

use super::{Checked, Meta, Tree};
use crate::i18n::Lang;

/// The embedded default content in the form `build.rs` validated.
static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded.postcard"));
/// Its Spanish translation in the same form; empty when `data/es/` was not there at build time.
static BYTES_ES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded_es.postcard"));

/// The files the embedded content was built from, `(name, text)`: `data/*.toml` and
/// `data/es/*.toml` as `build.rs` found them. Only the terminal build carries their text (the
/// page leaves it out: about 400 KB, 93 KB gzipped, for a fallback it never takes).
#[cfg(feature = "term")]
pub const EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/embedded_files.rs"));

/// Checks the embedded default content, as `aftercare check` without a path does.
#[cfg(feature = "term")]
pub fn check_embedded() -> Checked {
    super::check_files(
        EMBEDDED
            .iter()
            .map(|(name, text)| super::RawFile {
                name: (*name).to_string(),
                bytes: text.as_bytes().to_vec(),
            })
            .collect(),
    )
}

/// The embedded content in `lang`: the English, or its translation when one was built in.
/// `None` also when the translation does not decode: [`translation_problem`] says so.
pub fn embedded_translation(lang: Lang) -> Option<Tree> {
    match lang {
        Lang::En => embedded_tree(),
        Lang::Es => decode_translation(BYTES_ES).ok().flatten(),
    }
}

/// A translation in its compact binary form: `Ok(None)` when none was built in (no bytes),
/// `Err` when the bytes do not decode.
fn decode_translation(bytes: &[u8]) -> Result<Option<Tree>, postcard::Error> {
    if bytes.is_empty() {
        return Ok(None);
    }
    postcard::from_bytes(bytes).map(Some)
}

/// Why the built-in content has no translation into `lang` although one was built in: it does
/// not decode (a build problem, never a content one: `build.rs` checked it). `None` when it
/// decodes or none was built in. For a note to staff: never a silent fallback to English.
pub fn translation_problem(lang: Lang) -> Option<String> {
    let bytes = match lang {
        Lang::En => return None,
        Lang::Es => BYTES_ES,
    };
    decode_translation(bytes).err().map(|e| {
        format!(
            "the built-in '{}' translation does not decode ({e}); rebuild aftercare",
            lang.code()
        )
    })
}

/// Every translation of the embedded content built in, with its language.
pub fn default_translations() -> Vec<(Lang, Tree)> {
    Lang::ALL
        .into_iter()
        .filter(|l| *l != Lang::En)
        .filter_map(|l| embedded_translation(l).map(|t| (l, t)))
        .collect()
}

/// The embedded default content, validated at build time (`build.rs`: a broken data file fails
/// the build) and loaded from its compact binary form in microseconds.
pub fn embedded_tree() -> Option<Tree> {
    postcard::from_bytes(BYTES).ok()
}

/// The embedded content's `[meta]` alone, in a tree with nothing else: all the welcome screen
/// shows. It comes first in the binary form, so it decodes without the rest, and the terminal
/// can draw its first frame before the rest (most of the start-up's own work) is decoded.
/// `None` if it does not decode.
pub fn embedded_welcome() -> Option<Tree> {
    let (meta, _) = postcard::take_from_bytes::<Meta>(BYTES).ok()?;
    Some(Tree::welcome(meta))
}

/// The embedded default content: the form validated at build time, or (never in practice: a test
/// checks the two agree) the full check of the embedded files, with its diagnostics on failure.
pub fn default_tree() -> Result<Tree, Box<Checked>> {
    if let Some(tree) = embedded_tree() {
        return Ok(tree);
    }
    #[cfg(feature = "term")]
    let checked = check_embedded();
    // The page leaves the embedded files' text (about 400 KB, 93 KB gzipped) out of its wasm:
    // there, content that does not decode is refused in one line.
    #[cfg(not(feature = "term"))]
    let checked = undecodable();
    match checked.tree.clone() {
        Some(t) => Ok(t),
        None => Err(Box::new(checked)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_that_does_not_decode_is_an_error_not_an_absence() {
        assert!(matches!(decode_translation(&[]), Ok(None)));
        assert!(decode_translation(&[0xff, 0xff, 0xff]).is_err());
        assert!(matches!(
            decode_translation(BYTES_ES),
            Ok(Some(_)) | Ok(None)
        ));
        assert_eq!(
            translation_problem(Lang::Es),
            None,
            "the built-in one decodes"
        );
    }
}

/// The refusal of embedded content that does not decode, where the files it was built from are
/// not at hand to check (the page).
#[cfg(not(feature = "term"))]
fn undecodable() -> Checked {
    use super::{Diagnostic, SourceFile};
    Checked {
        files: vec![SourceFile {
            name: crate::i18n::t("embedded-name").to_string(),
            text: String::new(),
        }],
        diagnostics: vec![Diagnostic::error(
            0,
            0..0,
            crate::i18n::t("embedded-undecodable"),
        )],
        tree: None,
        translations: Vec::new(),
    }
}
