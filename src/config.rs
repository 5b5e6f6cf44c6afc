//! The clinic config: names and numbers shown on every screen, theme, motion and kiosk settings.
//!
//! Follows the content rules: `deny_unknown_fields`, spans kept, every problem reported with file,
//! line and column, no silent fallback. `data/clinic.example.toml` documents every key. Without a
//! config file the built-in defaults apply (see [`Config::default`]).

use crate::i18n::{Lang, Msg};
use std::borrow::Cow;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::content::validate::is_forbidden;
use crate::content::{Diagnostic, RawFile, SourceFile, keys};

/// The emergency wording used when no clinic config names a number. It names the common numbers
/// rather than guessing a country: a wrong single number is worse than a longer line.
pub const DEFAULT_EMERGENCY: &str = "your emergency number (999, 112 or 911)";

/// How long a new screen takes no answer, by default: touch-screen guidance puts a double tap's
/// second tap 100–400 ms after the first, and a person reads a question for far longer.
pub const DEFAULT_SETTLE_MS: u64 = 500;

/// What to say for the clinic's phone when the clinic config names none (a catalogue message).
pub const NO_PHONE: Msg = Msg("clinic-no-phone");
/// The emergency wording when the clinic config names no number, in the language spoken (a
/// catalogue message: [`DEFAULT_EMERGENCY`] in English).
pub const NO_EMERGENCY: Msg = Msg("clinic-no-emergency");
/// What to call the clinic when the clinic config names none (a catalogue message).
pub const NO_NAME: Msg = Msg("clinic-no-name");

/// Colours: the default theme or high contrast. `NO_COLOR` is honoured on top of either.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Default,
    HighContrast,
}

/// Who the person can call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clinic {
    /// Empty when the clinic config names none ([`Clinic::name_words`] says "your clinic").
    pub name: String,
    /// `None` when the clinic config names none ([`Clinic::phone_words`] says "your massage
    /// therapist").
    pub phone: Option<String>,
    pub emergency: String,
}

impl Clinic {
    /// The clinic's name, or "your clinic".
    pub fn name_words(&self) -> &str {
        if self.name.is_empty() {
            NO_NAME.text()
        } else {
            &self.name
        }
    }

    /// The emergency number, or, when the clinic config names none, the common numbers in the
    /// language spoken ("your emergency number (999, 112 or 911)").
    pub fn emergency_words(&self) -> &str {
        if self.emergency == DEFAULT_EMERGENCY {
            NO_EMERGENCY.text()
        } else {
            &self.emergency
        }
    }

    /// The clinic's phone number, or "your massage therapist" when it has none.
    pub fn phone_words(&self) -> &str {
        self.phone.as_deref().unwrap_or(NO_PHONE.text())
    }
}

/// Kiosk behaviour: privacy reset timing, staff exit, the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kiosk {
    /// Seconds without input before "Still there?" appears.
    pub idle_timeout_secs: u64,
    /// Seconds the "Still there?" countdown lasts before everything is cleared.
    pub countdown_secs: u64,
    /// Argon2 PHC string of the staff PIN (`aftercare hash-pin`); `None` means no staff exit
    /// (stop the kiosk with SIGTERM, e.g. `systemctl stop`).
    pub pin_hash: Option<String>,
    /// Where the kiosk log goes; `None` keeps no log.
    pub log_path: Option<PathBuf>,
    /// The log is rotated when it passes this size.
    pub log_max_bytes: u64,
    /// Whether the log counts results per level (never answers).
    pub count_results: bool,
    /// Milliseconds after a screen changes during which it takes no answer (a double tap, Enter
    /// twice, a held key): see `app::settle`. Also guards taps in the terminal app at home.
    pub settle_ms: u64,
}

/// The whole clinic config, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    pub clinic: Clinic,
    pub content: Option<PathBuf>,
    /// Whether a kiosk (terminal or browser) runs a clinic's content folder only when it is
    /// exactly what its last sign-off in `signoff.toml` approved (see `signoff`); the built-in
    /// content is not a clinic's folder and is not held to it.
    pub require_signoff: bool,
    pub theme: ThemeName,
    pub reduced_motion: bool,
    pub kiosk: Kiosk,
    /// The language a kiosk starts in and returns to at each reset (`language = "es"`); `None`
    /// follows `--lang` or the environment (`LC_ALL`, `LANG`).
    pub language: Option<Lang>,
    /// The languages a person may switch to on the welcome screen (`languages = ["en", "es"]`);
    /// empty: every language the content has.
    pub languages: Vec<Lang>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            clinic: Clinic {
                name: String::new(),
                phone: None,
                emergency: DEFAULT_EMERGENCY.into(),
            },
            content: None,
            require_signoff: false,
            theme: ThemeName::Default,
            reduced_motion: false,
            kiosk: Kiosk {
                idle_timeout_secs: 90,
                countdown_secs: 20,
                pin_hash: None,
                log_path: None,
                log_max_bytes: 1024 * 1024,
                count_results: false,
                settle_ms: DEFAULT_SETTLE_MS,
            },
            language: None,
            languages: Vec::new(),
        }
    }
}

impl Config {
    /// Fills `{emergency}`, `{clinic}` and `{clinic_phone}` in a content text.
    ///
    /// Also the second line of defence against terminal control in content: the validator refuses
    /// control characters, and anything that got past it (content built in code, a future
    /// loader) is dropped here, on the way to every screen.
    pub fn fill<'a>(&self, text: &'a str) -> Cow<'a, str> {
        // ASCII text (nearly every text) is checked a byte at a time, without decoding chars:
        // this runs on every text of every frame.
        let forbidden = if text.is_ascii() {
            text.bytes()
                .any(|b| (b < 0x20 && b != b'\n' && b != b'\r') || b == 0x7f)
        } else {
            text.chars().any(|c| is_forbidden(c, true))
        };
        let text: Cow<'a, str> = if forbidden {
            Cow::Owned(text.chars().filter(|&c| !is_forbidden(c, true)).collect())
        } else {
            Cow::Borrowed(text)
        };
        if !text.contains('{') {
            return text;
        }
        // One placeholder after the other, as written in `PLACEHOLDERS`; a text is copied again
        // only for a placeholder it has (a frame fills its texts anew).
        let mut out = text.into_owned();
        // A phone the sentence goes on from ("call {clinic_phone} and tell them…") comes with
        // whom it calls: "call 01632 960000 and tell them" had no one to tell. At the end of a
        // sentence ("Questions? Call {clinic_phone}.") the phone stands alone.
        if let Some(phone) = &self.clinic.phone
            && out.contains(PHONE_GOES_ON)
        {
            let whom = format!("{} on {phone} and ", self.clinic.name_words());
            out = out.replace(PHONE_GOES_ON, &whom);
        }
        for (pattern, value) in PATTERNS.iter().zip([
            self.clinic.emergency_words(),
            self.clinic.name_words(),
            self.clinic.phone_words(),
        ]) {
            if out.contains(pattern) {
                out = out.replace(pattern, value);
            }
        }
        Cow::Owned(out)
    }
}

/// Each of `PLACEHOLDERS` as a text writes it: `{name}`.
const PATTERNS: [&str; 3] = ["{emergency}", "{clinic}", "{clinic_phone}"];
/// The clinic's phone with the sentence going on after it.
const PHONE_GOES_ON: &str = "{clinic_phone} and ";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    clinic: Option<RawClinic>,
    content: Option<Spanned<String>>,
    #[serde(default)]
    require_signoff: bool,
    #[serde(default)]
    theme: ThemeName,
    #[serde(default)]
    reduced_motion: bool,
    kiosk: Option<RawKiosk>,
    language: Option<Spanned<String>>,
    languages: Option<Spanned<Vec<Spanned<String>>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClinic {
    name: Option<Spanned<String>>,
    phone: Option<Spanned<String>>,
    emergency: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKiosk {
    idle_timeout_secs: Option<Spanned<u64>>,
    countdown_secs: Option<Spanned<u64>>,
    pin_hash: Option<Spanned<String>>,
    log_path: Option<String>,
    log_max_bytes: Option<Spanned<u64>>,
    #[serde(default)]
    count_results: bool,
    settle_ms: Option<Spanned<u64>>,
}

/// The result of checking a config file: the file (for quoting), diagnostics, and the config.
#[derive(Debug, Clone)]
pub struct CheckedConfig {
    pub file: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
    pub config: Option<Config>,
}

/// Parses and validates a clinic config. Pure: bytes in, config or diagnostics out.
pub fn check_config(raw: RawFile) -> CheckedConfig {
    let text = String::from_utf8_lossy(&raw.bytes).into_owned();
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    let file = SourceFile {
        name: raw.name,
        text,
    };
    let mut diagnostics = Vec::new();
    if std::str::from_utf8(&raw.bytes).is_err() {
        diagnostics.push(
            Diagnostic::error(0, 0..0, "this file is not valid UTF-8")
                .with_hint("save it as UTF-8"),
        );
    }
    let parsed = parse(&file, &mut diagnostics);
    let config = parsed.map(|raw| build(raw, &mut diagnostics));
    // Unknown keys are found before the values are checked; a person reads them top to bottom.
    diagnostics.sort_by_key(|d| d.span.start);
    let config = config.filter(|_| diagnostics.is_empty());
    CheckedConfig {
        file,
        diagnostics,
        config,
    }
}

/// The most unknown keys reported (each costs a parse of the file).
const MAX_UNKNOWN_KEYS: usize = 50;

/// Parses the config, reporting every unknown key, not just the first: each is blanked in a
/// copy of the text and the parse runs again. `None` when anything else is wrong (the caller
/// refuses the config whenever there is a diagnostic).
fn parse(file: &SourceFile, diags: &mut Vec<Diagnostic>) -> Option<RawConfig> {
    let mut text = Cow::Borrowed(file.text.as_str());
    for _ in 0..MAX_UNKNOWN_KEYS {
        let e = match toml::from_str::<RawConfig>(&text) {
            // With the unknown keys blanked: the values are checked too, all at once.
            Ok(c) => return Some(c),
            Err(e) => e,
        };
        let Some(u) = keys::unknown_key(&text, &e) else {
            diags.push(
                Diagnostic::error(0, e.span().unwrap_or(0..0), e.message().trim())
                    .with_hint("data/clinic.example.toml documents every key"),
            );
            return None;
        };
        if u.path.is_empty() && CONTENT_KEYS.contains(&u.key.as_str()) {
            diags.push(looks_like_content(&file.name, u.span));
            return None;
        }
        diags.push(
            Diagnostic::error(
                0,
                u.span.clone(),
                format!("unknown key '{}' {}", u.key, keys::place(&u.path)),
            )
            .with_hint(u.hint("data/clinic.example.toml documents every key")),
        );
        // A `[table]` header cannot be blanked alone; the rest waits for the next check.
        keys::blank(text.to_mut(), u.extent?);
    }
    None
}

/// The top-level tables of content: a config that starts with one is content.
const CONTENT_KEYS: [&str; 8] = [
    "meta", "question", "outcome", "topic", "source", "flag", "family", "hazard",
];

/// Content given as a clinic config (`--config data/tree.toml`).
fn looks_like_content(name: &str, span: std::ops::Range<usize>) -> Diagnostic {
    Diagnostic::error(
        0,
        span,
        "this looks like content, not a clinic config: a config has [clinic] and [kiosk] tables",
    )
    .with_hint(format!(
        "give content with --content or check it with `aftercare check {name}`; \
         data/clinic.example.toml shows a config"
    ))
}

fn build(raw: RawConfig, diags: &mut Vec<Diagnostic>) -> Config {
    let mut c = Config::default();
    if let Some(cl) = raw.clinic {
        if let Some(n) = cl.name {
            c.clinic.name = text(n, "clinic.name", 60, diags);
        }
        if let Some(p) = cl.phone {
            c.clinic.phone = Some(phone(p, "clinic.phone", diags));
        }
        if let Some(e) = cl.emergency {
            c.clinic.emergency = phone(e, "clinic.emergency", diags);
        }
    }
    c.content = raw.content.map(|p| PathBuf::from(p.into_inner()));
    c.require_signoff = raw.require_signoff;
    c.theme = raw.theme;
    c.reduced_motion = raw.reduced_motion;
    c.language = raw.language.and_then(|l| language(&l, "language", diags));
    if let Some(list) = raw.languages {
        c.languages = list
            .get_ref()
            .iter()
            .filter_map(|l| language(l, "languages", diags))
            .collect();
        if let Some(l) = c.language.filter(|l| !c.languages.contains(l)) {
            diags.push(
                Diagnostic::error(
                    0,
                    list.span(),
                    format!(
                        "languages does not offer the default language '{}'",
                        l.code()
                    ),
                )
                .with_hint("add it to languages, or change language"),
            );
        }
    }
    if let Some(k) = raw.kiosk {
        if let Some(v) = k.idle_timeout_secs {
            c.kiosk.idle_timeout_secs = range(v, "kiosk.idle_timeout_secs", 10..=3600, diags);
        }
        if let Some(v) = k.countdown_secs {
            c.kiosk.countdown_secs = range(v, "kiosk.countdown_secs", 3..=120, diags);
        }
        if let Some(h) = k.pin_hash {
            pin_hash(&h, diags);
            c.kiosk.pin_hash = Some(h.into_inner());
        }
        c.kiosk.log_path = k.log_path.map(PathBuf::from);
        if let Some(v) = k.log_max_bytes {
            c.kiosk.log_max_bytes = range(v, "kiosk.log_max_bytes", 4096..=1 << 30, diags);
        }
        c.kiosk.count_results = k.count_results;
        if let Some(v) = k.settle_ms {
            c.kiosk.settle_ms = range(v, "kiosk.settle_ms", 0..=2000, diags);
        }
    }
    c
}

fn text(s: Spanned<String>, key: &str, max: usize, diags: &mut Vec<Diagnostic>) -> String {
    let v = s.get_ref();
    if v.chars().any(char::is_control) || v.chars().count() > max {
        diags.push(
            Diagnostic::error(
                0,
                s.span(),
                format!(
                    "{key} \"{}\" must be one line of at most {max} characters",
                    escaped(v)
                ),
            )
            .with_hint("no control characters or escape sequences"),
        );
    }
    s.into_inner()
}

/// The largest Argon2 memory cost (KiB) a PIN hash may ask for: each PIN tried takes this much
/// memory and its time; a hash that asks for gigabytes would stall or kill the kiosk.
const PIN_MAX_M_KIB: u32 = 256 * 1024;
/// The largest Argon2 time cost (passes) a PIN hash may ask for, for the same reason.
const PIN_MAX_T: u32 = 16;

/// A staff PIN hash must be an Argon2 PHC string at least as strong as the one `aftercare
/// hash-pin` writes (Argon2id, the `argon2` crate's defaults: m=19456 KiB, t=2, p=1), and not so
/// costly that checking a PIN stalls the kiosk. A weak hash (`m=8,t=1`) is refused: a stolen
/// config would give up a 4-digit PIN at once.
fn pin_hash(h: &Spanned<String>, diags: &mut Vec<Diagnostic>) {
    use argon2::password_hash::PasswordHash;
    let hint = "make one with `aftercare hash-pin` and paste the whole line";
    let v = h.get_ref();
    let parsed = PasswordHash::new(v)
        .ok()
        .filter(|p| matches!(p.algorithm.as_str(), "argon2id" | "argon2i" | "argon2d"));
    let Some(parsed) = parsed else {
        diags.push(
            Diagnostic::error(
                0,
                h.span(),
                format!("kiosk.pin_hash \"{}\" is not an Argon2 hash", escaped(v)),
            )
            .with_hint(hint),
        );
        return;
    };
    let Ok(params) = argon2::Params::try_from(&parsed) else {
        diags.push(
            Diagnostic::error(
                0,
                h.span(),
                "kiosk.pin_hash has Argon2 parameters that cannot be read",
            )
            .with_hint(hint),
        );
        return;
    };
    let least = argon2::Params::DEFAULT;
    let (m, t, p) = (params.m_cost(), params.t_cost(), params.p_cost());
    let weak = parsed.algorithm.as_str() != "argon2id"
        || m < least.m_cost()
        || t < least.t_cost()
        || p < least.p_cost();
    if weak {
        diags.push(
            Diagnostic::error(
                0,
                h.span(),
                format!(
                    "kiosk.pin_hash is {}, m={m}, t={t}, p={p}: weaker than `aftercare hash-pin` makes (argon2id, m={}, t={}, p={})",
                    parsed.algorithm.as_str(),
                    least.m_cost(),
                    least.t_cost(),
                    least.p_cost()
                ),
            )
            .with_hint(hint),
        );
    } else if m > PIN_MAX_M_KIB || t > PIN_MAX_T {
        diags.push(
            Diagnostic::error(
                0,
                h.span(),
                format!(
                    "kiosk.pin_hash asks for m={m}, t={t}: checking each PIN would stall the kiosk (at most m={PIN_MAX_M_KIB}, t={PIN_MAX_T})"
                ),
            )
            .with_hint(hint),
        );
    }
}

/// What a phone dials, and nothing else: digits, spaces, and `+ - ( )`.
fn dialable(c: char) -> bool {
    c.is_ascii_digit() || " +-()".contains(c)
}

/// A phone or emergency number as a phone dials it: only digits, spaces and `+ - ( )`, a `+` only
/// first, at least two digits, at most 40 characters. A number with words in it ("911 or ask
/// staff") is refused: the banner cuts a long line down to the number, and words would be cut
/// into something nobody can dial. The error points at the first character a phone cannot dial.
fn phone(s: Spanned<String>, key: &str, diags: &mut Vec<Diagnostic>) -> String {
    let v = s.get_ref();
    let digits = v.chars().filter(char::is_ascii_digit).count();
    let plus_late = v
        .trim_start()
        .char_indices()
        .any(|(i, c)| c == '+' && i > 0);
    let bad = v.char_indices().find(|&(_, c)| !dialable(c));
    let why = if let Some((_, c)) = bad {
        Some(format!("has {}, which a phone cannot dial", shown_char(c)))
    } else if plus_late {
        Some("has a '+' after the start".to_string())
    } else if digits < 2 {
        Some("has fewer than two digits".to_string())
    } else if v.chars().count() > 40 {
        Some("is longer than 40 characters".to_string())
    } else {
        None
    };
    if let Some(why) = why {
        let at = bad
            .and_then(|(i, c)| value_char_span(&s, i, c))
            .unwrap_or(s.span());
        diags.push(
            Diagnostic::error(0, at, format!("{key} \"{}\" {why}", escaped(v)))
                .with_hint("only digits, spaces and + - ( ) as the number is dialled, e.g. \"999\" or \"+44 20 7946 0000\"; put any words in clinic.name"),
        );
    }
    s.into_inner()
}

/// Where in the file the character at byte `i` of a string value is, when the value is written
/// as it reads (a plain `"..."` string without escapes); `None` otherwise.
fn value_char_span(s: &Spanned<String>, i: usize, c: char) -> Option<std::ops::Range<usize>> {
    let span = s.span();
    // The value's quotes: one each side, and nothing in between but the value itself.
    let raw_len = span.end.checked_sub(span.start)?;
    (raw_len == s.get_ref().len() + 2).then(|| {
        let start = span.start + 1 + i;
        start..start + c.len_utf8()
    })
}

/// A character for a message: itself in quotes, or its code when it is a control or invisible.
fn shown_char(c: char) -> String {
    if is_forbidden(c, false) || c.is_whitespace() {
        format!("{}", c.escape_unicode())
    } else {
        format!("'{c}'")
    }
}

/// A value as it may be printed to a staff terminal: control characters (ESC, CSI, BEL…) and
/// bidirectional overrides written as escapes (`\u{1b}`), never raw, so a rejected value can
/// neither move the cursor nor rewrite the screen it is shown on. Quotes and backslashes are
/// escaped too, so the value reads as the TOML string that would hold it.
pub fn escaped(v: &str) -> String {
    // A message quotes at most this much of a value: a megabyte pasted by mistake is not printed.
    const MOST: usize = 60;
    let mut out = String::with_capacity(v.len().min(4 * MOST));
    for (n, c) in v.chars().enumerate() {
        if n == MOST {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if is_forbidden(c, false) => out.push_str(&c.escape_unicode().to_string()),
            c => out.push(c),
        }
    }
    out
}

/// A language code of the config: one the guide speaks ("en", "es").
fn language(code: &Spanned<String>, key: &str, diags: &mut Vec<Diagnostic>) -> Option<Lang> {
    let lang = Lang::ALL
        .into_iter()
        .find(|l| l.code() == code.get_ref().as_str());
    if lang.is_none() {
        diags.push(
            Diagnostic::error(
                0,
                code.span(),
                format!(
                    "{key}: the guide does not speak '{}'",
                    escaped(code.get_ref())
                ),
            )
            .with_hint("use \"en\" (English) or \"es\" (Spanish)"),
        );
    }
    lang
}

fn range(
    v: Spanned<u64>,
    key: &str,
    r: std::ops::RangeInclusive<u64>,
    diags: &mut Vec<Diagnostic>,
) -> u64 {
    if !r.contains(v.get_ref()) {
        diags.push(
            Diagnostic::error(
                0,
                v.span(),
                format!(
                    "{key} is {}; it must be from {} to {}",
                    v.get_ref(),
                    r.start(),
                    r.end()
                ),
            )
            .with_hint("see data/clinic.example.toml for sensible values"),
        );
    }
    v.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_patterns_filled_are_the_placeholders() {
        use crate::content::validate::PLACEHOLDERS;
        let braced: Vec<String> = PLACEHOLDERS.iter().map(|p| format!("{{{p}}}")).collect();
        assert_eq!(PATTERNS.to_vec(), braced);
    }

    fn check(text: &str) -> CheckedConfig {
        check_config(RawFile {
            name: "clinic.toml".into(),
            bytes: text.as_bytes().to_vec(),
        })
    }

    #[test]
    fn fill_drops_the_same_ascii_characters_as_is_forbidden() {
        let c = Config::default();
        for b in 0u8..0x80 {
            let text = format!("a{}b", char::from(b));
            let kept = c.fill(&text).contains(char::from(b));
            assert_eq!(kept, !is_forbidden(char::from(b), true), "byte {b:#x}");
        }
    }

    #[test]
    fn fills_placeholders_from_the_clinic() {
        let c = check(
            "[clinic]\nname = \"Hill Clinic\"\nphone = \"01632 960000\"\nemergency = \"999\"\n",
        )
        .config
        .unwrap();
        assert_eq!(
            c.fill("Call {emergency}; {clinic} is on {clinic_phone}."),
            "Call 999; Hill Clinic is on 01632 960000."
        );
    }

    #[test]
    fn unknown_keys_and_bad_values_point_at_their_line() {
        let c = check("[clinic]\nphone = \"call \\u001b[2J\"\n\n[kiosk]\nidle_timeout_secs = 1\n");
        let lines: Vec<String> = c
            .diagnostics
            .iter()
            .map(|d| d.one_line(std::slice::from_ref(&c.file)))
            .collect();
        assert!(
            lines[0].starts_with("clinic.toml:2:9: error: clinic.phone"),
            "{lines:?}"
        );
        assert!(
            lines[1].starts_with("clinic.toml:5:21: error: kiosk.idle_timeout_secs is 1"),
            "{lines:?}"
        );
        let typo = check("[clinic]\nphnoe = \"1\"\n");
        assert!(
            typo.diagnostics[0]
                .one_line(std::slice::from_ref(&typo.file))
                .starts_with("clinic.toml:2:1: error: unknown key 'phnoe' in [clinic] (hint: did you mean 'phone'?)")
        );
    }
}

#[cfg(test)]
mod example_tests {
    use super::*;

    #[test]
    fn the_example_config_documents_every_key_and_is_valid() {
        let text = include_str!("../data/clinic.example.toml");
        let c = check_config(RawFile {
            name: "data/clinic.example.toml".into(),
            bytes: text.as_bytes().to_vec(),
        });
        assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
        let c = c.config.unwrap();
        assert_eq!(c.clinic.emergency, "999");
        assert_eq!(c.kiosk.idle_timeout_secs, 90);
        for key in [
            "name",
            "phone",
            "emergency",
            "content",
            "require_signoff",
            "theme",
            "reduced_motion",
            "idle_timeout_secs",
            "countdown_secs",
            "pin_hash",
            "log_path",
            "log_max_bytes",
            "count_results",
            "language",
            "languages",
        ] {
            assert!(
                text.contains(&format!("{key} = ")),
                "{key} is not documented"
            );
        }
    }
}
