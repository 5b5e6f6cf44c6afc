//! Validates the embedded default content (`data/`) at build time — a broken data file fails the
//! build with its diagnostics — and ships the validated tree in a compact binary form (postcard)
//! that the app loads in microseconds instead of parsing and validating 130 KB of TOML at every
//! start. `--content PATH`, `aftercare check` and hot reload keep the full checked path.
//!
//! The content module is compiled into this script from the same source files as the crate's:
//! the rules checked here are exactly the ones `aftercare check` applies.

/// `src/content` as the crate has it (the same files), less `embedded.rs`, which reads what this
/// script writes.
#[allow(
    dead_code,
    unused_imports,
    reason = "only the loader and validator are used here"
)]
mod src {
    pub mod content {
        pub mod diag;
        mod fast;
        pub mod inflesz;
        pub mod keys;
        pub mod load;
        pub mod markup;
        pub mod readability;
        pub mod schema;
        pub mod synth;
        pub mod tree;
        pub mod validate;

        pub use diag::{Diagnostic, Severity, SourceFile};
        pub use load::{Checked, LoadError, RawFile, check_files, check_path, read_path};
        pub use tree::{
            Answer, Fact, Family, Flag, General, Hazard, HazardSeverity, Level, Likelihood, Meta,
            NodeRef, Outcome, Picture, Question, Route, Sign, SignRef, Source, SourceStatus, Topic,
            Tree, risk,
        };
    }
}

/// The catalogue the level words come from (`content::Level::word`), as the crate has it.
#[allow(
    dead_code,
    unexpected_cfgs,
    reason = "only the level words are used here; `catalogue_built` is set for the crate, not this script"
)]
#[path = "src/i18n.rs"]
mod i18n;

use src::content;
use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/content");
    println!("cargo:rerun-if-changed=src/i18n.rs");
    println!("cargo:rerun-if-changed=locales");
    if let Err(e) = catalogues() {
        eprintln!("error: the catalogues (locales/) could not be copied for the build: {e}");
        return ExitCode::FAILURE;
    }
    // `data/` and, when the translators' files are there, `data/es/`.
    let raw = match content::read_path(std::path::Path::new("data")) {
        Ok(raw) => raw,
        Err(e) => {
            eprintln!("error: the embedded content cannot be read: {e}");
            return ExitCode::FAILURE;
        }
    };
    let checked = content::check_files(raw.clone());
    let Some(tree) = checked.tree.as_ref() else {
        eprintln!("error: the embedded content in data/ has errors; the build stops here.");
        for line in checked.lines() {
            eprintln!("{line}");
        }
        eprintln!(
            "hint: fix each line above (file:line:column); the rules are in docs/content-format.md"
        );
        return ExitCode::FAILURE;
    };
    for line in checked.lines() {
        println!("cargo:warning={line}");
    }
    let Some(out) = std::env::var_os("OUT_DIR") else {
        eprintln!("error: OUT_DIR is not set (this script runs under cargo)");
        return ExitCode::FAILURE;
    };
    let out = std::path::Path::new(&out);
    let spanish = checked
        .translations
        .iter()
        .find(|(l, _)| *l == i18n::Lang::Es)
        .map(|(_, t)| t);
    let mut files = vec![("embedded.postcard", postcard::to_allocvec(tree))];
    files.push((
        "embedded_es.postcard",
        spanish.map_or(Ok(Vec::new()), postcard::to_allocvec),
    ));
    for (name, bytes) in files {
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: the embedded content could not be serialized: {e}");
                return ExitCode::FAILURE;
            }
        };
        if let Err(e) = std::fs::write(out.join(name), bytes) {
            eprintln!("error: cannot write {}: {e}", out.join(name).display());
            return ExitCode::FAILURE;
        }
    }
    // The files' text for the terminal build's `check_embedded`, whichever files there are.
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let mut list = String::from("&[\n");
    for f in &raw {
        let path = std::path::Path::new(&dir).join(&f.name);
        list.push_str(&format!(
            "    ({:?}, include_str!({:?})),\n",
            f.name,
            path.display().to_string()
        ));
    }
    list.push_str("]\n");
    if let Err(e) = std::fs::write(out.join("embedded_files.rs"), list) {
        eprintln!("error: cannot write embedded_files.rs: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// The catalogues the crate embeds (`src/i18n.rs`): `locales/LANG/aftercare.ftl` without their
/// comment lines, which are for translators (a Fluent comment is a line that starts with `#`; a
/// value's own lines are indented, so none is lost). About a quarter of their bytes, in the page
/// too. The crate reads them under `cfg(catalogue_built)`; this script's own copy of `i18n.rs`
/// reads the files as they are.
fn catalogues() -> std::io::Result<()> {
    let out = std::env::var_os("OUT_DIR").ok_or_else(|| std::io::Error::other("no OUT_DIR"))?;
    for lang in ["en", "es"] {
        let text = std::fs::read_to_string(format!("locales/{lang}/aftercare.ftl"))?;
        let kept: String = text
            .split_inclusive('\n')
            .filter(|line| !line.starts_with('#'))
            .collect();
        std::fs::write(std::path::Path::new(&out).join(format!("{lang}.ftl")), kept)?;
    }
    println!("cargo:rustc-cfg=catalogue_built");
    Ok(())
}
