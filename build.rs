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
        pub use load::{
            Checked, LoadError, RawFile, check_embedded, check_files, check_path, read_path,
        };
        pub use tree::{
            Answer, Fact, Family, Flag, General, Hazard, HazardSeverity, Level, Likelihood, Meta,
            NodeRef, Outcome, Picture, Question, Route, Sign, SignRef, Source, SourceStatus, Topic,
            Tree, risk,
        };
    }
}

/// The catalogue the level words come from (`content::Level::word`), as the crate has it.
#[allow(dead_code, reason = "only the level words are used here")]
#[path = "src/i18n.rs"]
mod i18n;

use src::content;
use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/content");
    println!("cargo:rerun-if-changed=src/i18n.rs");
    println!("cargo:rerun-if-changed=locales");
    let checked = content::check_embedded();
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
    let bytes = match postcard::to_allocvec(tree) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: the embedded content could not be serialized: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(out) = std::env::var_os("OUT_DIR") else {
        eprintln!("error: OUT_DIR is not set (this script runs under cargo)");
        return ExitCode::FAILURE;
    };
    let path = std::path::Path::new(&out).join("embedded.postcard");
    if let Err(e) = std::fs::write(&path, bytes) {
        eprintln!("error: cannot write {}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
