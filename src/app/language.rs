//! The language the app speaks, and the switch on the welcome screen: the app's language and
//! its content (a translation with the same ids) change together; the interface's words follow
//! when it is drawn (`ui::layout` tells the catalogue `App::lang`; the app never sets it).
//! A kiosk returns to the clinic's language at each reset, so the next person starts there.
//!
//! The content is kept in every language it has, whatever the clinic offers: what the switch
//! offers (`config.languages`) is a filter on the switch, never on what is stored, so the
//! original (English) tree is always at hand for a restart or a reload.

use super::{App, Effect, Screen};
use crate::content::{Translations, Tree};
use crate::i18n::Lang;

impl App {
    /// Makes the app bilingual: `self.tree` is the original (English) content, `translations`
    /// the same content in other languages, all kept; those the clinic config offers
    /// (`languages`, or all) can be switched to. The app starts in `lang`, or in the clinic's
    /// first offered language when it does not offer `lang` (an English environment on a
    /// Spanish-only kiosk), when the content has it (else in English), and a kiosk's resets
    /// return there.
    pub fn set_languages(&mut self, lang: Lang, translations: Translations) {
        let start = if self.offers(lang) {
            lang
        } else {
            self.config.languages.first().copied().unwrap_or(lang)
        };
        self.others = translations
            .into_iter()
            .filter(|(l, _)| *l != Lang::En)
            .collect();
        self.lang = Lang::En;
        self.use_language(start);
        // The clinic's language, even when this content lacks it: a reload without the
        // translation runs in English, and the next one with it goes back to the clinic's.
        self.home_lang = start;
    }

    /// The language of the words and the content on screen. A runner tells the interface's
    /// catalogue (`i18n::set_lang`) before it draws; the app itself never does.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The language a kiosk's resets return to: the clinic's.
    pub fn home_lang(&self) -> Lang {
        self.home_lang
    }

    /// Every language the app holds the content in, the one on screen first.
    pub fn held_languages(&self) -> impl Iterator<Item = Lang> + '_ {
        std::iter::once(self.lang).chain(self.others.iter().map(|(l, _)| *l))
    }

    /// Whether the clinic config offers `lang` (no `languages` list offers every language).
    pub fn offers(&self, lang: Lang) -> bool {
        self.config.languages.is_empty() || self.config.languages.contains(&lang)
    }

    /// Whether the welcome screen has a language switch: the content has another language the
    /// clinic offers.
    pub fn offers_language_switch(&self) -> bool {
        self.next_language().is_some()
    }

    /// The original (English) content, whatever language is on screen.
    pub fn original(&self) -> &Tree {
        match self.lang {
            Lang::En => &self.tree,
            _ => self
                .others
                .iter()
                .find(|(l, _)| *l == Lang::En)
                .map_or(&self.tree, |(_, t)| t),
        }
    }

    /// The content this app holds, in every language: the original (English) tree and its
    /// translations, whatever is on screen. A kiosk restarted after a crash starts from this,
    /// never from the files on disk, which may have changed (and not been signed) since.
    pub fn content(&self) -> (Tree, Translations) {
        let translations = Lang::ALL
            .into_iter()
            .filter(|l| *l != Lang::En)
            .filter_map(|l| self.tree_in(l).map(|t| (l, t.clone())))
            .collect();
        (self.original().clone(), translations)
    }

    /// The content in `lang`, if the app holds it.
    fn tree_in(&self, lang: Lang) -> Option<&Tree> {
        if lang == self.lang {
            return Some(&self.tree);
        }
        self.others.iter().find(|(l, _)| *l == lang).map(|(_, t)| t)
    }

    /// The language the switch on the welcome screen goes to next, if there is another.
    pub fn next_language(&self) -> Option<Lang> {
        // In the order of `Lang::ALL`, the first offered language after this one, else the
        // first offered at all: no allocation, as the welcome screen asks on every frame.
        let offered = |l: &Lang| self.offers(*l) && self.others.iter().any(|(o, _)| o == l);
        let here = Lang::ALL.iter().position(|l| *l == self.lang).unwrap_or(0);
        Lang::ALL[here + 1..]
            .iter()
            .chain(&Lang::ALL[..here])
            .find(|l| offered(l))
            .copied()
    }

    /// The switch: the next language's content and words, on the welcome screen, answers
    /// cleared (a walk is answered in one language).
    pub(super) fn switch_language(&mut self) -> Vec<Effect> {
        match self.next_language() {
            Some(lang) => {
                self.use_language(lang);
                self.lang_chosen = true;
                self.screen = Screen::Welcome { selected: 0 };
                vec![Effect::Redraw]
            }
            None => vec![Effect::Bell],
        }
    }

    /// Speaks `lang` from now on, if the content has it: swaps the trees, restarts the session.
    pub(super) fn use_language(&mut self, lang: Lang) {
        if lang == self.lang {
            return;
        }
        let Some(at) = self.others.iter().position(|(l, _)| *l == lang) else {
            return;
        };
        let (_, tree) = self.others.swap_remove(at);
        let old = std::mem::replace(&mut self.tree, tree);
        self.others.push((self.lang, old));
        self.lang = lang;
        self.session.restart(&self.tree);
        self.history.clear();
    }

    /// Content from a reload in place of the content, in every language: the clinic's
    /// language stays where the new content has it.
    /// A person who chose another language on the welcome screen keeps it when the new
    /// content has it.
    pub(super) fn take_content(&mut self, tree: Tree, translations: Translations) {
        let home = self.home_lang;
        let chosen = self.lang_chosen.then_some(self.lang);
        self.tree = tree;
        self.set_languages(home, translations);
        if let Some(lang) = chosen {
            self.use_language(lang);
        }
    }
}
