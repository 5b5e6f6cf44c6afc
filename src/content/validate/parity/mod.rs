//! A translation against its original: exactly the same ids in the same order, every field that
//! is not a text identical, and in each text the same placeholders and markup. A text left the
//! same as the English is a warning, unless the translation's `[meta] same_as_english` lists it.
//!
//! The structure is what the safety rules prove (red flags first, not sure errs upward, every
//! family asks its flags), so a translation that keeps it keeps them; its own texts get their
//! language's rules in the ordinary checks. Every diagnostic points into the translation's file.

use foldhash::{HashMap, HashMapExt};
use toml::Spanned;

use super::super::diag::did_you_mean;
use super::super::schema::{self, Document, Table};
use super::{Ctx, Owner, placeholders};

mod entries;
use crate::i18n::Lang;

/// The name of a language in the checker's words.
fn name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Es => "Spanish",
    }
}

const COPY_HINT: &str = "only the texts are translated: copy every other field from the English";

/// A list of texts as parsed (`now`, `watch`).
type TextList = Spanned<Vec<Spanned<String>>>;

/// A question's answers as parsed.
type Options = Spanned<Vec<Spanned<schema::OptionDef>>>;

/// One side of the comparison: documents with their file index.
type Docs<'a> = [(usize, &'a Document)];

/// An entry of one kind, with the file it is in.
struct Item<'a, T> {
    file: usize,
    id: &'a Spanned<String>,
    value: &'a T,
}

fn items<'a, T: 'a>(
    docs: &Docs<'a>,
    table: impl Fn(&'a Document) -> &'a Table<T>,
) -> Vec<Item<'a, T>> {
    docs.iter()
        .flat_map(|(file, d)| {
            table(d).iter().map(|(id, v)| Item {
                file: *file,
                id,
                value: v.get_ref(),
            })
        })
        .collect()
}

pub(super) fn check(cx: &mut Ctx, en: &Docs, tr: &Docs) {
    let same = same_as_english(tr);
    let lang = name(cx.lang);
    let mut p = Parity {
        cx,
        lang,
        same: &same,
        used: vec![false; same.len()],
        en_file: 0,
    };
    p.meta(en, tr);
    p.table(en, tr, |d| &d.question, "question", Parity::question);
    p.table(en, tr, |d| &d.outcome, "outcome", Parity::outcome);
    p.table(en, tr, |d| &d.topic, "topic", Parity::topic);
    p.table(en, tr, |d| &d.flag, "flag", Parity::flag);
    p.table(en, tr, |d| &d.family, "family", Parity::family);
    p.table(en, tr, |d| &d.fact, "fact", Parity::fact);
    p.table(en, tr, |d| &d.source, "source", Parity::source);
    p.table(en, tr, |d| &d.hazard, "hazard", Parity::hazard);
    p.general(en, tr);
    let used = std::mem::take(&mut p.used);
    for ((file, text), used) in same.iter().zip(used) {
        if !used {
            p.cx.warn(
                *file,
                text.span(),
                format!(
                    "same_as_english lists '{}', but no text of the translation is that and the same in the English",
                    text.get_ref()
                ),
                "remove it from same_as_english",
            );
        }
    }
}

/// The translation's `[meta] same_as_english`, with the file each is in.
fn same_as_english<'a>(tr: &Docs<'a>) -> Vec<(usize, &'a Spanned<String>)> {
    tr.iter()
        .filter_map(|(f, d)| d.meta.as_ref().map(|m| (*f, m.get_ref())))
        .flat_map(|(f, m)| m.same_as_english.iter().map(move |s| (f, s)))
        .collect()
}

struct Parity<'c, 'f, 's> {
    cx: &'c mut Ctx<'f>,
    lang: &'static str,
    same: &'s [(usize, &'s Spanned<String>)],
    used: Vec<bool>,
    /// The English file of the entry being compared, for pointing at it in a message.
    en_file: usize,
}

impl Parity<'_, '_, '_> {
    fn where_en(&self, file: usize, span: std::ops::Range<usize>) -> String {
        match self.cx.files.get(file) {
            Some(f) => {
                let (l, c) = f.line_col(span.start);
                format!("{}:{l}:{c}", f.name)
            }
            None => "?".into(),
        }
    }

    /// The same ids in the same order; then each common entry compared with `compare`.
    fn table<'a, T: 'a>(
        &mut self,
        en: &Docs<'a>,
        tr: &Docs<'a>,
        table: impl Fn(&'a Document) -> &'a Table<T>,
        kind: &'static str,
        compare: impl Fn(&mut Self, Owner, (&T, &T), usize),
    ) {
        let (e, t) = (items(en, &table), items(tr, &table));
        let tr_ix: HashMap<&str, usize> = index(&t);
        let en_ix: HashMap<&str, usize> = index(&e);
        for (k, item) in e.iter().enumerate() {
            let id = item.id.get_ref().as_str();
            if tr_ix.contains_key(id) {
                continue;
            }
            // Point at the entry that follows it in both, or else the one before it.
            let near = e[k + 1..]
                .iter()
                .chain(e[..k].iter().rev())
                .find_map(|n| tr_ix.get(n.id.get_ref().as_str()).map(|&i| &t[i]));
            let (file, span) = near.map_or_else(
                || (tr.first().map_or(0, |(f, _)| *f), 0..0),
                |n| (n.file, n.id.span()),
            );
            let there = self.where_en(item.file, item.id.span());
            self.cx.error(
                file,
                span,
                format!(
                    "{kind} '{id}' of the English ({there}) is missing from the {} translation",
                    self.lang
                ),
                "translate it, with the same id and fields, in the English order: a translation has every id of its original",
            );
        }
        for item in &t {
            let id = item.id.get_ref().as_str();
            if en_ix.contains_key(id) {
                continue;
            }
            let hint = match did_you_mean(id, en_ix.keys().copied()) {
                Some(k) => {
                    format!("did you mean '{k}'? A translation has exactly the ids of its original")
                }
                None => "remove it: a translation has exactly the ids of its original".into(),
            };
            self.cx.error(
                item.file,
                item.id.span(),
                format!("{kind} '{id}' is not in the English"),
                &hint,
            );
        }
        let common_en = e
            .iter()
            .filter(|i| tr_ix.contains_key(i.id.get_ref().as_str()));
        let common_tr = t
            .iter()
            .filter(|i| en_ix.contains_key(i.id.get_ref().as_str()));
        if let Some((a, b)) = common_en
            .zip(common_tr)
            .find(|(a, b)| a.id.get_ref() != b.id.get_ref())
        {
            self.cx.error(
                b.file,
                b.id.span(),
                format!(
                    "{kind} '{}' is here where the English has '{}'",
                    b.id.get_ref(),
                    a.id.get_ref()
                ),
                "keep the entries in the English order, so the two files read side by side",
            );
        }
        for item in &t {
            if let Some(&i) = en_ix.get(item.id.get_ref().as_str()) {
                let owner = Owner::new(kind, item.id.get_ref());
                self.en_file = e[i].file;
                compare(self, owner, (e[i].value, item.value), item.file);
            }
        }
    }

    /// A field that is not a text: the same as the English.
    /// [`same_value`](Self::same_value) for a list of ids (flags, sources, sets): compared as
    /// the strings they hold, wherever each was written.
    fn same_ids(
        &mut self,
        file: usize,
        owner: &Owner,
        field: &str,
        (en, tr): (&Ids, &Ids),
        span: std::ops::Range<usize>,
    ) {
        self.same_value(
            file,
            owner,
            field,
            (&strs(en.get_ref()), &strs(tr.get_ref())),
            span,
        );
    }

    fn same_value<V: PartialEq + std::fmt::Debug>(
        &mut self,
        file: usize,
        owner: &Owner,
        field: &str,
        (en, tr): (&V, &V),
        span: std::ops::Range<usize>,
    ) {
        if en != tr {
            self.cx.error(
                file,
                span,
                format!(
                    "{owner}: {field} is {} here but {} in the English",
                    show(tr),
                    show(en)
                ),
                COPY_HINT,
            );
        }
    }

    /// A list of texts: as many as the English, each compared with [`Parity::text`].
    fn texts(&mut self, file: usize, owner: &Owner, field: &str, (en, tr): (&TextList, &TextList)) {
        let (a, b) = (en.get_ref(), tr.get_ref());
        if a.len() != b.len() {
            self.cx.error(
                file,
                tr.span(),
                format!(
                    "{owner}: {field} has {} items here but {} in the English",
                    b.len(),
                    a.len()
                ),
                "translate each item of the English as one item, in the same order",
            );
        }
        for (x, y) in a.iter().zip(b) {
            self.text(file, owner, field, (x, y));
        }
    }

    fn opt_text(
        &mut self,
        file: usize,
        owner: &Owner,
        field: &str,
        (en, tr): (Option<&Spanned<String>>, Option<&Spanned<String>>),
        at: std::ops::Range<usize>,
    ) {
        match (en, tr) {
            (Some(a), Some(b)) => self.text(file, owner, field, (a, b)),
            (None, None) => {}
            (Some(_), None) => self.cx.error(
                file,
                at,
                format!("{owner} has no {field} here but has one in the English"),
                "translate the English one",
            ),
            (None, Some(b)) => self.cx.error(
                file,
                b.span(),
                format!("{owner} has {field} here but none in the English"),
                "remove it: a translation says what the English says",
            ),
        }
    }

    /// A translated text: the same placeholders and markup as the English, and not the English.
    fn text(
        &mut self,
        file: usize,
        owner: &Owner,
        field: &str,
        (en, tr): (&Spanned<String>, &Spanned<String>),
    ) {
        let (a, b) = (en.get_ref().as_str(), tr.get_ref().as_str());
        let (mut pa, mut pb) = (placeholders(a), placeholders(b));
        pa.sort_unstable();
        pb.sort_unstable();
        if pa != pb {
            self.cx.error(
                file,
                tr.span(),
                format!(
                    "{owner}: {field} has the placeholders {} here but {} in the English",
                    braces(&pb),
                    braces(&pa)
                ),
                "keep each placeholder of the English, as written: {emergency}, {clinic} and {clinic_phone} are filled from the clinic's config",
            );
        }
        let (ma, mb) = (Markup::of(a), Markup::of(b));
        if let Some((what, x, y)) = ma.differs(&mb) {
            self.cx.error(
                file,
                tr.span(),
                format!("{owner}: {field} has {y} {what} here but {x} in the English"),
                "keep the markup of the English: each *emphasis*, each \"- \" bullet line and each \"Term :: definition\" line",
            );
        }
        if a.trim() == b.trim() && has_words(b) {
            match self.same.iter().position(|(_, s)| s.get_ref().trim() == b.trim()) {
                Some(i) => self.used[i] = true,
                None => self.cx.warn(
                    file,
                    tr.span(),
                    format!("{owner}: {field} is the same as the English ('{}')", short(b)),
                    &format!(
                        "translate it into {}; a text that reads the same in both goes in [meta] same_as_english = [\"...\"]",
                        self.lang
                    ),
                ),
            }
        }
    }
}

fn index<'a, T>(items: &[Item<'a, T>]) -> HashMap<&'a str, usize> {
    let mut ix = HashMap::with_capacity(items.len());
    for (k, i) in items.iter().enumerate() {
        ix.entry(i.id.get_ref().as_str()).or_insert(k);
    }
    ix
}

/// A list of ids as written: each with where it is.
type Ids = Spanned<Vec<Spanned<String>>>;

fn strs(list: &[Spanned<String>]) -> Vec<String> {
    list.iter().map(|s| s.get_ref().clone()).collect()
}

/// A value in a message: strings in single quotes, lists and the rest as Rust shows them.
fn show<V: std::fmt::Debug>(v: &V) -> String {
    let s = format!("{v:?}");
    match s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        Some(inner) => format!("'{inner}'"),
        None => s,
    }
}

/// `{a}, {b}`, or "none".
fn braces(names: &[&str]) -> String {
    if names.is_empty() {
        return "none".into();
    }
    names
        .iter()
        .map(|n| format!("{{{n}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a text has letters outside its placeholders (a bare "{clinic_phone}" is not words).
fn has_words(text: &str) -> bool {
    let mut depth = false;
    text.chars().any(|c| {
        match c {
            '{' => depth = true,
            '}' => depth = false,
            _ => {}
        }
        !depth && c.is_alphabetic()
    })
}

/// The start of a long text, for a message.
fn short(text: &str) -> String {
    let one_line = text.trim().replace('\n', " ");
    match one_line.char_indices().nth(60) {
        Some((at, _)) => format!("{}...", &one_line[..at]),
        None => one_line,
    }
}

/// The markup of a text, counted: `*` marks, "- " bullet lines and "Term :: definition" lines.
#[derive(PartialEq)]
struct Markup {
    stars: usize,
    bullets: usize,
    terms: usize,
}

impl Markup {
    fn of(text: &str) -> Markup {
        let lines = || text.lines().map(str::trim);
        Markup {
            stars: text.matches('*').count(),
            bullets: lines().filter(|l| l.starts_with("- ")).count(),
            terms: lines().filter(|l| l.contains(" :: ")).count(),
        }
    }

    /// What differs first: its name, the English count and this one's.
    fn differs(&self, other: &Markup) -> Option<(&'static str, usize, usize)> {
        [
            ("'*' emphasis marks", self.stars, other.stars),
            ("\"- \" bullet lines", self.bullets, other.bullets),
            ("\"Term ::\" lines", self.terms, other.terms),
        ]
        .into_iter()
        .find(|(_, a, b)| a != b)
    }
}
