//! aftercare: after a massage, tell an expected response from a sign that needs help.
//!
//! The crate is layered so that dependencies point inward: `content` and `triage` know nothing of
//! terminals or time; `app` is the pure state machine; `ui` draws it; the runners (`term`,
//! `plain`, `web`) are the only code that performs I/O.

pub mod app;
pub mod config;
pub mod content;
#[cfg(feature = "term")]
pub mod diff;
pub mod export;
pub mod i18n;
pub mod kiosk;
#[cfg(feature = "term")]
pub mod kiosk_log;
pub mod plain;
#[cfg(feature = "term")]
pub mod reload;
#[cfg(feature = "term")]
pub mod report;
#[cfg(feature = "term")]
pub mod save_file;
pub mod signoff;
#[cfg(feature = "term")]
pub mod term;
pub mod triage;
pub mod ui;
#[cfg(feature = "web")]
pub mod web;
pub mod web_pack;
pub mod web_pure;
pub mod words;
