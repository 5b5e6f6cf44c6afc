//! The embedded default content (`data/`), validated at build time by `build.rs` — a broken data
//! file fails the build — and loaded here from its compact binary form. Not part of what
//! `build.rs` compiles (it makes the file this one reads).

#[cfg(feature = "term")]
use super::check_embedded;
use super::{Checked, Meta, Tree};

/// The embedded default content in the form `build.rs` validated.
static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded.postcard"));

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
