//! Arbitrary text read by the quick parse (`content::fast`, toml-spanner) and by `toml`: where the
//! quick parse gives a document, `toml` and serde must give the same one, every value and every
//! span (`load::parse_paths_agree`); anything else it must leave to `toml`. Under
//! AddressSanitizer by default: toml-spanner's arena is unsafe code, and this target puts it to
//! work alone, so its inputs are cheap (most are refused by the quick parse at once) and a memory
//! error in it is caught where it happens.
#![no_main]

use aftercare::content::load::parse_paths_agree;
use libfuzzer_sys::fuzz_target;

/// The longest input tried, as `scripts/fuzz.sh` passes it (`-max_len`): a few tables, as for
/// the content target. `tests/quick_parse.rs` holds the contract on the shipped files in full.
const MAX_LEN: usize = 4096;

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_LEN {
        return;
    }
    // Bytes that are not UTF-8 are read as the text they come closest to (the loader refuses
    // them before any parse), so that every input is text for the parsers.
    let text = String::from_utf8_lossy(data);
    if let Err(e) = parse_paths_agree(&text) {
        panic!("{e}");
    }
});
