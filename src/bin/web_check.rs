//! The browser kiosk's checker (`check.js`, `check_bg.wasm`): the check of the clinic's files
//! that `aftercare check` runs, in a wasm of its own, which the page loads only when it has no
//! verdict for the files the server has (see `aftercare::web_pack`). Built by
//! scripts/build-web.sh.

use wasm_bindgen::prelude::wasm_bindgen;

/// The verdict on `files` (`web_pack::Files` in postcard), in its binary form, with its lines in
/// `lang` (a language code) until the config names its own.
#[wasm_bindgen]
pub fn check(lang: &str, files: &[u8]) -> Vec<u8> {
    use aftercare::web_pack::{Files, Verdict, check, encode};
    aftercare::i18n::set_lang(aftercare::i18n::Lang::from_code(lang).unwrap_or_default());
    let verdict = match postcard::from_bytes::<Files>(files) {
        Ok(files) => check(&files),
        Err(e) => Verdict {
            config: Err(vec![format!(
                "the page's files did not reach the checker: {e}"
            )]),
            content: None,
            signed: false,
        },
    };
    encode(&verdict)
}

fn main() {}
