//! The language the app speaks, and the switch on the welcome screen: the interface's words
//! (the catalogue, `i18n`) and the content (a translation with the same ids) change together.
//! A kiosk returns to the clinic's language at each reset, so the next person starts there.

use super::{App, Effect, Screen};
use crate::content::Tree;
use crate::i18n::{self, Lang};

impl App {
    /// Makes the app bilingual: `self.tree` is the original (English) content, `translations`
    /// the same content in other languages, of which those the clinic config offers
    /// (`languages`, or all) can be switched to. The app starts in `lang` when the content has
    /// it (else in English), and a kiosk's resets return there.
    pub fn set_languages(&mut self, lang: Lang, translations: Vec<(Lang, Tree)>) {
        let offered = &self.config.languages;
        let english = offered.is_empty() || offered.contains(&Lang::En) || lang == Lang::En;
        self.others = translations
            .into_iter()
            .filter(|(l, _)| *l != Lang::En && (offered.is_empty() || offered.contains(l)))
            .collect();
        self.lang = Lang::En;
        i18n::set_lang(Lang::En);
        self.use_language(lang);
        if !english {
            // The clinic does not offer English: no switch back to it.
            self.others.retain(|(l, _)| *l != Lang::En);
        }
        // The clinic's language, even when this content lacks it: a reload without the
        // translation runs in English, and the next one with it goes back to the clinic's.
        self.home_lang = lang;
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

    /// The language the switch on the welcome screen goes to next, if there is another.
    pub fn next_language(&self) -> Option<Lang> {
        // In the order of `Lang::ALL`, the first offered language after this one, else the
        // first offered at all: no allocation, as the welcome screen asks on every frame.
        let offered = |l: &Lang| self.others.iter().any(|(o, _)| o == l);
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
        i18n::set_lang(lang);
        self.session.restart(&self.tree);
        self.history.clear();
    }

    /// Content from a reload in place of the content, in every language: the clinic's
    /// language stays where the new content has it.
    /// A person who chose another language on the welcome screen keeps it when the new
    /// content has it.
    pub(super) fn take_content(&mut self, tree: Tree, translations: Vec<(Lang, Tree)>) {
        let home = self.home_lang;
        let chosen = self.lang_chosen.then_some(self.lang);
        self.tree = tree;
        self.set_languages(home, translations);
        if let Some(lang) = chosen {
            self.use_language(lang);
        }
    }
}
