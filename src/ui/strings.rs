//! The names of the words `ui::semantic` (the screen model) reads, while it is being
//! rewritten: each is a catalogue key ([`Msg`]), so the words come from `locales/`. Every other
//! module asks the catalogue itself (`crate::i18n::t`). Patient-facing medical wording lives in
//! the content files under `data/`, never here.

use crate::i18n::Msg;

/// On an outcome below an earlier, more urgent result: that result comes first.
pub const EARLIER_FIRST: Msg = Msg("outcome-earlier-first");
/// The outcome's headings.
pub const WHY: Msg = Msg("outcome-why");
pub const READ_MORE: Msg = Msg("outcome-read-more");
/// The reader's headings after the body.
pub const RELATED: Msg = Msg("topic-related");
pub const SOURCES: Msg = Msg("topic-sources");
/// The help overlay.
pub const HELP_TITLE: Msg = Msg("help-title");
/// The quit dialog.
pub const CONFIRM_TITLE: Msg = Msg("quit-title");
pub const CONFIRM_TEXT: Msg = Msg("quit-text");
pub const CONFIRM_YES: Msg = Msg("quit-yes");
pub const CONFIRM_NO: Msg = Msg("quit-no");
/// The take-home QR code.
pub const TAKE_HOME_TITLE: Msg = Msg("take-home-title");
pub const TAKE_HOME_TEXT: Msg = Msg("take-home-text");
