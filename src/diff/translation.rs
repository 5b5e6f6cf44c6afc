//! A change to content with a translation (`es/`), seen from the translation: the translated
//! texts that changed, and the English texts that changed while their translation did not (a
//! stale translation: a reviewer must read the new English against the old Spanish).
//!
//! Texts are matched by where they are in the TOML (`outcome.emg_chest.watch[1]`,
//! `question.dizzy.options.none.label`: an answer in a list by its `id`), in the English files
//! and the translation's, old and new; each is reported with its file and line in the new
//! folder. A field the translation copies from the English (an id, a `next`, a level) is the same
//! in both and never counted as a text. Pure: the caller reads the files.

use std::collections::BTreeMap;

use serde::Serialize;
use toml::de::{DeTable, DeValue};

use super::words::{WordOp, word_diff};

/// One TOML file of a version: its name as shown (`tree.toml`, `es/tree.toml`) and its text.
#[derive(Debug, Clone)]
pub struct File {
    pub name: String,
    pub text: String,
}

/// One version's files: the English, and each translation's by its language code (`es`).
#[derive(Debug, Clone, Default)]
pub struct Files {
    pub english: Vec<File>,
    pub translations: Vec<(String, Vec<File>)>,
}

/// What a change did to one translation.
#[derive(Debug, Clone, Serialize)]
pub struct TranslationChange {
    /// The language's code, as its folder is named (`es`).
    pub lang: String,
    /// The old version had no translation into it: every text is new, to be read whole.
    pub new_translation: bool,
    /// Translated texts that changed.
    pub changed: Vec<TextChange>,
    /// English texts that changed while their translation stayed as it was.
    pub stale: Vec<TextChange>,
}

impl TranslationChange {
    /// Whether there is nothing to report.
    pub fn is_empty(&self) -> bool {
        !self.new_translation && self.changed.is_empty() && self.stale.is_empty()
    }
}

/// One text: where it is, its English and its translation, old and new.
#[derive(Debug, Clone, Serialize)]
pub struct TextChange {
    /// Where in the TOML: `outcome.emg_chest.watch[1]`.
    pub key: String,
    /// The translation's text in the new folder, `es/tree.toml:120`.
    pub at: String,
    /// The English text in the new folder, `tree.toml:118`.
    pub english_at: String,
    pub old_english: String,
    pub new_english: String,
    pub old_text: String,
    pub new_text: String,
    /// The word diff of what changed: the English for a stale text, the translation's text for
    /// a changed one.
    pub words: Vec<WordOp>,
}

/// A text as found: its file, line and words.
#[derive(Debug, Clone)]
struct Found {
    at: String,
    text: String,
}

/// Every string in `files`, by where it is in the TOML. A file that does not parse gives none
/// (the content was checked before it is compared).
fn strings(files: &[File]) -> BTreeMap<String, Found> {
    let mut out = BTreeMap::new();
    for f in files {
        let Ok(table) = DeTable::parse(&f.text) else {
            continue;
        };
        let mut found = Vec::new();
        walk_table(table.get_ref(), "", &mut found);
        for (key, span, text) in found {
            let line = f.text[..span.start.min(f.text.len())].matches('\n').count() + 1;
            let found = Found {
                at: format!("{}:{line}", f.name),
                text,
            };
            // `[meta]` is in every file: the same key in a second file is told apart by it.
            let key = if out.contains_key(&key) {
                format!("{key}@{}", f.name.rsplit('/').next().unwrap_or(&f.name))
            } else {
                key
            };
            out.insert(key, found);
        }
    }
    out
}

type Leaf = (String, std::ops::Range<usize>, String);

fn walk_table(table: &DeTable, prefix: &str, out: &mut Vec<Leaf>) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.get_ref().to_string()
        } else {
            format!("{prefix}.{}", k.get_ref())
        };
        walk_value(v.get_ref(), v.span(), key, out);
    }
}

fn walk_value(v: &DeValue, span: std::ops::Range<usize>, key: String, out: &mut Vec<Leaf>) {
    match v {
        DeValue::String(s) => out.push((key, span, s.to_string())),
        DeValue::Table(t) => walk_table(t, &key, out),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                // An entry of a list of tables by its id, so inserting one moves no other.
                let name = match item.get_ref() {
                    DeValue::Table(t) => {
                        t.iter()
                            .find(|(k, _)| k.get_ref() == "id")
                            .and_then(|(_, v)| match v.get_ref() {
                                DeValue::String(s) => Some(format!("{key}.{s}")),
                                _ => None,
                            })
                    }
                    _ => None,
                };
                let name = name.unwrap_or_else(|| format!("{key}[{i}]"));
                walk_value(item.get_ref(), item.span(), name, out);
            }
        }
        _ => {}
    }
}

/// The texts of each translation in `new` that changed from `old`, and those gone stale.
pub fn compare(old: &Files, new: &Files) -> Vec<TranslationChange> {
    let (en_old, en_new) = (strings(&old.english), strings(&new.english));
    let mut out = Vec::new();
    for (lang, files) in &new.translations {
        let tr_new = strings(files);
        let Some((_, old_files)) = old.translations.iter().find(|(l, _)| l == lang) else {
            out.push(TranslationChange {
                lang: lang.clone(),
                new_translation: true,
                changed: Vec::new(),
                stale: Vec::new(),
            });
            continue;
        };
        let tr_old = strings(old_files);
        let mut change = TranslationChange {
            lang: lang.clone(),
            new_translation: false,
            changed: Vec::new(),
            stale: Vec::new(),
        };
        for (key, t_new) in &tr_new {
            let (Some(t_old), Some(e_old), Some(e_new)) =
                (tr_old.get(key), en_old.get(key), en_new.get(key))
            else {
                continue;
            };
            // A field copied from the English (an id, a level) is no text of the translation.
            let translated = t_new.text != e_new.text || t_old.text != e_old.text;
            let text = |words| TextChange {
                key: key.clone(),
                at: t_new.at.clone(),
                english_at: e_new.at.clone(),
                old_english: e_old.text.clone(),
                new_english: e_new.text.clone(),
                old_text: t_old.text.clone(),
                new_text: t_new.text.clone(),
                words,
            };
            if t_old.text != t_new.text && translated {
                change
                    .changed
                    .push(text(word_diff(&t_old.text, &t_new.text)));
            } else if t_old.text == t_new.text && e_old.text != e_new.text {
                change.stale.push(text(word_diff(&e_old.text, &e_new.text)));
            }
        }
        out.push(change);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(en: &str, es: &str) -> Files {
        Files {
            english: vec![File {
                name: "tree.toml".into(),
                text: en.into(),
            }],
            translations: vec![(
                "es".into(),
                vec![File {
                    name: "es/tree.toml".into(),
                    text: es.into(),
                }],
            )],
        }
    }

    #[test]
    fn answers_in_a_list_are_named_by_id_and_copied_fields_are_no_texts() {
        let en = "[question.q]\ntext = \"Pain?\"\noptions = [\n  { id = \"yes\", label = \"Yes\", next = \"a\" },\n]\n";
        let found = strings(&files(en, "").english);
        let keys: Vec<&str> = found.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "question.q.options.yes.id",
                "question.q.options.yes.label",
                "question.q.options.yes.next",
                "question.q.text"
            ]
        );
        assert_eq!(found["question.q.options.yes.label"].at, "tree.toml:4");
        // `next` changes in both languages alike: no text changed, none stale.
        let old = files(en, &en.replace("Pain?", "¿Dolor?").replace("Yes", "Sí"));
        let en2 = en.replace("next = \"a\"", "next = \"b\"");
        let new = files(&en2, &en2.replace("Pain?", "¿Dolor?").replace("Yes", "Sí"));
        let c = &compare(&old, &new)[0];
        assert!(c.is_empty(), "{c:?}");
    }
}
