//! The browser kiosk's clinic files and their check, split so that the page itself carries no
//! checker: built and tested on every target.
//!
//! The page (`crate::web`, the `aftercare-web` wasm) fetches `clinic.toml`, `content/files.txt`,
//! the files it lists and the sign-off record ([`Files`]), and needs them checked exactly as
//! `aftercare check` checks them ([`check`]). That check — the TOML parsers, serde's readers, the
//! validator, the sign-off's reading — was most of the page's weight, so the page does not carry
//! it. It takes the [`Verdict`] instead from the first of:
//!
//! 1. its last good copy (local storage), when that was kept for these very files (the same
//!    [`Files::digest`]);
//! 2. the pack `scripts/build-web.sh` wrote beside the page for the files it put there
//!    ([`pack_name`]: named by their digest, so a staff edit in place finds none);
//! 3. the checker, a second wasm (`aftercare-web-check`, `check.js`) the page loads only then:
//!    a staff edit made in place on the server, or a page built without its pack.
//!
//! All three come from this one [`check`], so they cannot disagree.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::{Config, check_config};
use crate::content::{RawFile, Tree, check_files};
use crate::i18n::Lang;

/// The clinic's files beside the page, as fetched: what the page runs on, and what a later fetch
/// is compared with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Files {
    /// `clinic.toml`, if the server has one.
    pub config: Option<Vec<u8>>,
    /// `content/files.txt`, if the server has one, and the files it names (`content/NAME`).
    pub list: Option<Vec<u8>>,
    pub content: Vec<(String, Vec<u8>)>,
    /// `content/signoff.toml`, if the server has one (read only with a list; never content).
    pub signoff: Option<Vec<u8>>,
}

impl Files {
    /// The SHA-256 of the files, in hex: two sets of files have the same digest only if they are
    /// the same files with the same bytes.
    pub fn digest(&self) -> String {
        // postcard writes each file's length before its bytes: no two sets encode alike.
        let bytes = postcard::to_allocvec(self).unwrap_or_default();
        Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The names of the files listed in `files.txt` (its lines but blanks and `#` comments).
    pub fn listed(list: &[u8]) -> Vec<String> {
        String::from_utf8_lossy(list)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    }
}

/// The pack for files of `digest`, beside the page.
pub fn pack_name(digest: &str) -> String {
    format!("checked-{digest}.bin")
}

/// Checked content: the original tree and its translations, each with its language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Content {
    pub tree: Tree,
    pub translations: Vec<(Lang, Tree)>,
}

/// What the check of a set of [`Files`] found: the clinic config or the lines that refuse it;
/// the content (checked under that config's `require_signoff`) or the lines that refuse it, when
/// the config passed; and whether the content is what its sign-off approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub config: Result<Config, Vec<String>>,
    pub content: Option<Result<Content, Vec<String>>>,
    /// The listed files are exactly what `content/signoff.toml` last approved (never the content
    /// compiled in: no clinic signed it).
    pub signed: bool,
}

impl Verdict {
    /// Both passed.
    pub fn passed(&self) -> bool {
        self.config.is_ok() && matches!(self.content, Some(Ok(_)))
    }

    /// The verdict in the page's binary form.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// A verdict from its binary form; `None` if it does not decode (made by another version).
    pub fn from_bytes(bytes: &[u8]) -> Option<Verdict> {
        let (tag, rest) = bytes.split_at_checked(FORMAT.len())?;
        if tag != FORMAT.as_bytes() {
            return None;
        }
        postcard::from_bytes(rest).ok()
    }
}

/// The first bytes of a verdict's binary form: this version's, so a pack or a kept copy made by
/// another version is not read as this one's (postcard carries no field names).
const FORMAT: &str = concat!("aftercare-verdict ", env!("CARGO_PKG_VERSION"), " 1\n");

/// [`Verdict::to_bytes`] with [`FORMAT`] in front.
pub fn encode(verdict: &Verdict) -> Vec<u8> {
    let mut out = FORMAT.as_bytes().to_vec();
    out.extend(verdict.to_bytes());
    out
}

/// Checks `files` as `aftercare check` does: the config (absent: the defaults), then, if it
/// passed, the listed content (absent: the content compiled in, in English alone) under its
/// `require_signoff`. The lines are in the language spoken when called, then in the config's
/// `language` once it passed (as the page speaks it).
pub fn check(files: &Files) -> Verdict {
    let config = config_of(files);
    let content = config.as_ref().ok().map(|c| {
        crate::i18n::set_lang(c.language.unwrap_or_default());
        content_of(files, c.require_signoff)
    });
    let signed = files.list.is_some() && signoff_of(files).is_ok();
    Verdict {
        config,
        content,
        signed,
    }
}

fn config_of(files: &Files) -> Result<Config, Vec<String>> {
    let Some(bytes) = files.config.clone() else {
        return Ok(Config::default());
    };
    let checked = check_config(RawFile {
        name: "clinic.toml".into(),
        bytes,
    });
    checked.config.ok_or_else(|| {
        checked
            .diagnostics
            .iter()
            .map(|d| d.one_line(std::slice::from_ref(&checked.file)))
            .collect()
    })
}

fn raw_content(files: &Files) -> Vec<RawFile> {
    files
        .content
        .iter()
        .map(|(name, bytes)| RawFile {
            name: name.clone(),
            bytes: bytes.clone(),
        })
        .collect()
}

fn signoff_of(files: &Files) -> Result<(), Vec<String>> {
    let signoff = files.signoff.clone().map(|bytes| RawFile {
        name: format!("content/{}", crate::signoff::FILE),
        bytes,
    });
    let found = crate::signoff::status_of_files(&raw_content(files), signoff);
    crate::signoff::required("content/", found).map(|_| ())
}

fn content_of(files: &Files, require_signoff: bool) -> Result<Content, Vec<String>> {
    let checked = match files.list {
        None if require_signoff => {
            return Err(vec![crate::i18n::t("signoff-log-built-in").to_string()]);
        }
        None => match crate::content::default_tree() {
            Ok(tree) => {
                return Ok(Content {
                    tree,
                    translations: Vec::new(),
                });
            }
            Err(checked) => *checked,
        },
        Some(_) => {
            if require_signoff {
                signoff_of(files)?;
            }
            check_files(raw_content(files))
        }
    };
    let lines = checked.lines();
    match checked.tree {
        Some(tree) => Ok(Content {
            tree,
            translations: checked.translations,
        }),
        None => Err(lines),
    }
}

/// Reads the files a built page serves from its folder `dir`, as the page fetches them.
#[cfg(feature = "term")]
pub fn read_dir(dir: &std::path::Path) -> std::io::Result<Files> {
    let read = |name: &str| match std::fs::read(dir.join(name)) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    };
    let mut files = Files {
        config: read("clinic.toml")?,
        list: read("content/files.txt")?,
        ..Files::default()
    };
    if let Some(list) = files.list.clone() {
        files.signoff = read(&format!("content/{}", crate::signoff::FILE))?;
        for name in Files::listed(&list) {
            let path = format!("content/{name}");
            let bytes = read(&path)?.ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    format!("content/files.txt names {name}, but there is no {path}"),
                )
            })?;
            files.content.push((path, bytes));
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verdict_survives_its_binary_form_and_another_version_is_not_read() {
        let files = Files::default();
        let verdict = check(&files);
        assert!(
            verdict.passed(),
            "the defaults and the content compiled in pass"
        );
        let bytes = encode(&verdict);
        assert_eq!(Verdict::from_bytes(&bytes), Some(verdict));
        let mut other = bytes.clone();
        other[0] = b'X';
        assert_eq!(Verdict::from_bytes(&other), None);
        assert_eq!(Verdict::from_bytes(&bytes[..bytes.len() / 2]), None);
    }

    #[test]
    fn one_changed_byte_changes_the_digest_and_a_broken_config_is_refused_with_its_place() {
        let good = Files {
            config: Some(b"[kiosk]\nidle_timeout_secs = 60\n".to_vec()),
            ..Files::default()
        };
        let broken = Files {
            config: Some(b"[kiosk]\nidle_timeout_secs = \"60\"\n".to_vec()),
            ..Files::default()
        };
        assert_ne!(good.digest(), broken.digest());
        assert_eq!(good.digest(), good.clone().digest());
        assert_eq!(good.digest().len(), 64);
        assert!(check(&good).passed());
        let refused = check(&broken);
        let lines = refused
            .config
            .expect_err("a string for a number is refused");
        assert!(lines[0].starts_with("clinic.toml:2:"), "{lines:?}");
        assert_eq!(
            refused.content, None,
            "content is not checked under a refused config"
        );
    }
}
