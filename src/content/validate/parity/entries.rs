//! Each kind of entry of a translation against the English one: which fields are texts
//! (compared by [`Parity::text`]) and which must be copied as they are.

use toml::Spanned;

use super::super::super::schema;
use super::super::Owner;
use super::{Docs, Options, Parity, strs};

impl Parity<'_, '_, '_> {
    pub(super) fn meta(&mut self, en: &Docs, tr: &Docs) {
        fn meta<'a>(docs: &Docs<'a>) -> Option<(usize, &'a Spanned<schema::Meta>)> {
            docs.iter()
                .find_map(|(f, d)| d.meta.as_ref().map(|m| (*f, m)))
        }
        let (Some((_, a)), Some((file, b))) = (meta(en), meta(tr)) else {
            return;
        };
        let owner = Owner::META;
        let (x, y) = (a.get_ref(), b.get_ref());
        self.text(file, &owner, "the title", (&x.title, &y.title));
        self.opt_text(
            file,
            &owner,
            "the intro",
            (x.intro.as_ref(), y.intro.as_ref()),
            b.span(),
        );
        self.same_value(
            file,
            &owner,
            "start",
            (x.start.get_ref(), y.start.get_ref()),
            y.start.span(),
        );
        // A new English version is not yet a wrong translation: a warning, until the changes
        // are translated and the version copied.
        if x.version.get_ref() != y.version.get_ref() {
            self.cx.warn(
                file,
                y.version.span(),
                format!(
                    "[meta]: the translation is of version '{}', the English is '{}'",
                    y.version.get_ref(),
                    x.version.get_ref()
                ),
                "translate what changed since (`aftercare diff` shows it), then copy the English version",
            );
        }
        let at = y.another.as_ref().map_or(b.span(), Spanned::span);
        self.same_value(
            file,
            &owner,
            "another",
            (
                &x.another.as_ref().map(Spanned::get_ref),
                &y.another.as_ref().map(Spanned::get_ref),
            ),
            at,
        );
    }

    pub(super) fn general(&mut self, en: &Docs, tr: &Docs) {
        fn general<'a>(docs: &Docs<'a>) -> Option<(usize, &'a Spanned<schema::General>)> {
            docs.iter()
                .find_map(|(f, d)| d.general.as_ref().map(|g| (*f, g)))
        }
        match (general(en), general(tr)) {
            (Some((_, a)), Some((file, b))) => {
                let owner = Owner::new("general", "general");
                let (x, y) = (a.get_ref(), b.get_ref());
                self.same_ids(file, &owner, "flags", (&x.flags, &y.flags), y.flags.span());
                self.same_value(
                    file,
                    &owner,
                    "below",
                    (x.below.get_ref(), y.below.get_ref()),
                    y.below.span(),
                );
            }
            (None, None) => {}
            (Some((f, a)), None) => {
                let there = self.where_en(f, a.span());
                let file = tr.first().map_or(0, |(f, _)| *f);
                self.cx.error(
                    file,
                    0..0,
                    format!("the [general] table of the English ({there}) is missing from the {} translation", self.lang),
                    "copy it from the English",
                );
            }
            (None, Some((file, b))) => self.cx.error(
                file,
                b.span(),
                "a [general] table the English has not".into(),
                "remove it: a translation has exactly the tables of its original",
            ),
        }
    }

    pub(super) fn question(
        &mut self,
        owner: Owner,
        (a, b): (&schema::Question, &schema::Question),
        file: usize,
    ) {
        self.text(file, &owner, "the text", (&a.text, &b.text));
        self.opt_text(
            file,
            &owner,
            "help",
            (a.help.as_ref(), b.help.as_ref()),
            b.text.span(),
        );
        let at = b.text.span();
        self.same_value(
            file,
            &owner,
            "emergency_screen",
            (&a.emergency_screen, &b.emergency_screen),
            at.clone(),
        );
        self.same_value(
            file,
            &owner,
            "ask_not_sure",
            (&a.ask_not_sure, &b.ask_not_sure),
            at,
        );
        self.options(file, &owner, (&a.options, &b.options));
    }

    /// The answers of a question, matched by id: the same ids in the same order, each compared.
    pub(super) fn options(&mut self, file: usize, owner: &Owner, (a, b): (&Options, &Options)) {
        // An answer without an id (an error of its own) is known by its place.
        let key = |k: usize, o: &schema::OptionDef| {
            o.id.as_ref()
                .map_or(format!("#{}", k + 1), |i| i.get_ref().clone())
        };
        let x: Vec<String> = a
            .get_ref()
            .iter()
            .enumerate()
            .map(|(k, o)| key(k, o.get_ref()))
            .collect();
        let y: Vec<String> = b
            .get_ref()
            .iter()
            .enumerate()
            .map(|(k, o)| key(k, o.get_ref()))
            .collect();
        for (k, id) in x.iter().enumerate() {
            if !y.contains(id) {
                let o = &a.get_ref()[k];
                let there = self.where_en(self.en_file, o.span());
                self.cx.error(
                    file,
                    b.span(),
                    format!("{owner}: the answer '{id}' of the English ({there}) is missing here"),
                    "translate each answer of the English, with its id, in the same order",
                );
            }
        }
        for (k, id) in y.iter().enumerate() {
            if !x.contains(id) {
                let o = b.get_ref()[k].get_ref();
                let at = o.id.as_ref().map_or(b.get_ref()[k].span(), Spanned::span);
                self.cx.error(
                    file,
                    at,
                    format!("{owner}: the answer '{id}' is not in the English"),
                    "a translation has exactly the answers of its original: remove it, or give it the English answer's id",
                );
            }
        }
        let common_x = x.iter().filter(|i| y.contains(i));
        let common_y = y.iter().enumerate().filter(|(_, i)| x.contains(i));
        if let Some((e, (k, t))) = common_x.zip(common_y).find(|(e, (_, t))| e != t) {
            self.cx.error(
                file,
                b.get_ref()[k].span(),
                format!("{owner}: the answer '{t}' is here where the English has '{e}'"),
                "keep the answers in the English order",
            );
        }
        for (k, id) in y.iter().enumerate() {
            if let Some(j) = x.iter().position(|i| i == id) {
                let p = &b.get_ref()[k];
                self.option(
                    file,
                    owner,
                    (a.get_ref()[j].get_ref(), p.get_ref()),
                    p.span(),
                );
            }
        }
    }

    pub(super) fn option(
        &mut self,
        file: usize,
        owner: &Owner,
        (a, b): (&schema::OptionDef, &schema::OptionDef),
        at: std::ops::Range<usize>,
    ) {
        let id = b.id.as_ref().map_or("", |i| i.get_ref().as_str());
        let what = format!("the answer '{id}'");
        let routes = |o: &schema::OptionDef| -> Vec<(Vec<String>, String)> {
            o.routes
                .iter()
                .map(|r| (strs(&r.get_ref().when), r.get_ref().next.get_ref().clone()))
                .collect()
        };
        self.same_value(
            file,
            owner,
            &format!("{what}: next"),
            (a.next.get_ref(), b.next.get_ref()),
            b.next.span(),
        );
        self.same_value(
            file,
            owner,
            &format!("{what}: not_sure"),
            (&a.not_sure, &b.not_sure),
            at.clone(),
        );
        self.same_value(
            file,
            owner,
            &format!("{what}: flags"),
            (&strs(&a.flags), &strs(&b.flags)),
            at.clone(),
        );
        self.same_value(
            file,
            owner,
            &format!("{what}: sets"),
            (&strs(&a.sets), &strs(&b.sets)),
            at.clone(),
        );
        self.same_value(
            file,
            owner,
            &format!("{what}: routes"),
            (&routes(a), &routes(b)),
            at,
        );
        self.text(
            file,
            owner,
            &format!("{what}: the label"),
            (&a.label, &b.label),
        );
    }

    pub(super) fn outcome(
        &mut self,
        owner: Owner,
        (a, b): (&schema::Outcome, &schema::Outcome),
        file: usize,
    ) {
        self.same_value(
            file,
            &owner,
            "the level",
            (a.level.get_ref(), b.level.get_ref()),
            b.level.span(),
        );
        self.text(file, &owner, "the title", (&a.title, &b.title));
        self.texts(file, &owner, "\"now\"", (&a.now, &b.now));
        self.texts(file, &owner, "\"watch\"", (&a.watch, &b.watch));
        self.opt_text(
            file,
            &owner,
            "\"why\"",
            (a.why.as_ref(), b.why.as_ref()),
            b.title.span(),
        );
        let at = b.title.span();
        self.same_value(
            file,
            &owner,
            "topics",
            (&strs(&a.topics), &strs(&b.topics)),
            at,
        );
        self.same_ids(
            file,
            &owner,
            "sources",
            (&a.sources, &b.sources),
            b.sources.span(),
        );
    }

    pub(super) fn topic(
        &mut self,
        owner: Owner,
        (a, b): (&schema::Topic, &schema::Topic),
        file: usize,
    ) {
        self.text(file, &owner, "the title", (&a.title, &b.title));
        self.text(file, &owner, "the summary", (&a.summary, &b.summary));
        self.text(file, &owner, "the body", (&a.body, &b.body));
        let at = b.title.span();
        let pic = |t: &schema::Topic| t.picture.as_ref().map(|p| p.get_ref().clone());
        self.same_value(file, &owner, "the picture", (&pic(a), &pic(b)), at.clone());
        self.same_value(
            file,
            &owner,
            "related",
            (&strs(&a.related), &strs(&b.related)),
            at,
        );
        self.same_ids(
            file,
            &owner,
            "sources",
            (&a.sources, &b.sources),
            b.sources.span(),
        );
    }

    pub(super) fn flag(
        &mut self,
        owner: Owner,
        (a, b): (&schema::Flag, &schema::Flag),
        file: usize,
    ) {
        self.same_value(
            file,
            &owner,
            "the level",
            (a.level.get_ref(), b.level.get_ref()),
            b.level.span(),
        );
        self.text(file, &owner, "the text", (&a.text, &b.text));
        self.same_ids(
            file,
            &owner,
            "sources",
            (&a.sources, &b.sources),
            b.text.span(),
        );
        let signs = |f: &schema::Flag| {
            f.signs
                .keys()
                .map(|k| k.get_ref().clone())
                .collect::<Vec<_>>()
        };
        self.same_value(
            file,
            &owner,
            "the sign ids",
            (&signs(a), &signs(b)),
            b.text.span(),
        );
        for ((_, x), (k, y)) in a.signs.iter().zip(&b.signs) {
            self.text(file, &owner, &format!("the sign '{}'", k.get_ref()), (x, y));
        }
    }

    pub(super) fn family(
        &mut self,
        owner: Owner,
        (a, b): (&schema::Family, &schema::Family),
        file: usize,
    ) {
        let at = b.entry.span();
        self.same_value(
            file,
            &owner,
            "entry",
            (a.entry.get_ref(), b.entry.get_ref()),
            at.clone(),
        );
        self.same_ids(file, &owner, "flags", (&a.flags, &b.flags), at.clone());
        self.same_ids(
            file,
            &owner,
            "skip_general",
            (&a.skip_general, &b.skip_general),
            at.clone(),
        );
        self.opt_text(
            file,
            &owner,
            "\"why\"",
            (a.why.as_ref(), b.why.as_ref()),
            at,
        );
    }

    pub(super) fn fact(
        &mut self,
        owner: Owner,
        (a, b): (&schema::Fact, &schema::Fact),
        file: usize,
    ) {
        self.text(file, &owner, "the text", (&a.text, &b.text));
    }

    /// Sources keep their titles: a source is the same in every language.
    pub(super) fn source(
        &mut self,
        owner: Owner,
        (a, b): (&schema::Source, &schema::Source),
        file: usize,
    ) {
        let v = |s: &schema::Source| {
            (
                s.title.get_ref().clone(),
                s.publisher.as_ref().map(|p| p.get_ref().clone()),
                s.url.as_ref().map(|p| p.get_ref().clone()),
                s.status.get_ref().clone(),
            )
        };
        self.same_value(file, &owner, "the source", (&v(a), &v(b)), b.title.span());
    }

    /// The hazard log is the English's: the same in every language.
    pub(super) fn hazard(
        &mut self,
        owner: Owner,
        (a, b): (&schema::Hazard, &schema::Hazard),
        file: usize,
    ) {
        let v = |h: &schema::Hazard| {
            let list = |l: &Spanned<Vec<Spanned<String>>>| strs(l.get_ref());
            (
                [
                    &h.title,
                    &h.cause,
                    &h.effect,
                    &h.severity,
                    &h.likelihood_before,
                    &h.likelihood_after,
                ]
                .map(|s| s.get_ref().clone()),
                [
                    &h.flags,
                    &h.facts,
                    &h.questions,
                    &h.outcomes,
                    &h.sources,
                    &h.cases,
                ]
                .map(list),
                h.residual.as_ref().map(|r| r.get_ref().clone()),
            )
        };
        self.same_value(file, &owner, "the hazard", (&v(a), &v(b)), b.title.span());
    }
}
