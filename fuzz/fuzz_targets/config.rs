//! Arbitrary bytes as a clinic config: never a panic, always a config or a diagnostic.
#![no_main]

use aftercare::config::check_config;
use aftercare::content::RawFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let c = check_config(RawFile {
        name: "clinic.toml".into(),
        bytes: data.to_vec(),
    });
    assert_eq!(c.config.is_some(), c.diagnostics.is_empty());
    for d in &c.diagnostics {
        let _ = d.one_line(std::slice::from_ref(&c.file));
    }
});
