//! Content: the serde schema, loading, validation with diagnostics, and the embedded default.
//!
//! This module knows the rules of safe triage content but nothing about terminals, clocks or the
//! app; `triage` and everything above it read only the validated [`Tree`].

pub mod diag;
mod embedded;
mod fast;
pub mod inflesz;
pub mod keys;
pub mod load;
pub mod markup;
pub mod readability;
pub mod schema;
#[doc(hidden)]
pub mod synth;
pub mod tree;
pub mod validate;

pub use diag::{Diagnostic, Severity, SourceFile};
#[cfg(feature = "term")]
pub use embedded::{EMBEDDED, check_embedded};
pub use embedded::{
    default_translations, default_tree, embedded_translation, embedded_tree, embedded_welcome,
    translation_problem,
};
pub use load::{
    Checked, LoadError, RawFile, Translations, check_files, check_path, read_path,
    welcome_from_path,
};
pub use tree::{
    Answer, Fact, Family, Flag, General, Hazard, HazardSeverity, Level, Likelihood, Meta, NodeRef,
    Outcome, Picture, Question, Route, Sign, SignRef, Source, SourceStatus, Topic, Tree, risk,
};
