//! A rough Flesch–Kincaid grade estimate, used to warn when advice gets hard to read.
//!
//! It is a heuristic (syllables are guessed from vowel groups), good enough to flag long
//! sentences and long words; it is not a substitute for reading the text aloud.

/// Estimated US school grade needed to read `text`. One pass, no allocation: it runs on every
/// outcome of every content file, thousands of times for large content.
pub fn grade(text: &str) -> f32 {
    let (words, syllable_sum, sentences) = if text.is_ascii() {
        counts_ascii(text.as_bytes())
    } else {
        counts(text)
    };
    if words == 0 {
        return 0.0;
    }
    let w = words as f32;
    0.39 * (w / sentences.max(1) as f32) + 11.8 * (syllable_sum as f32 / w) - 15.59
}

/// Words, syllables and sentences in any text.
fn counts(text: &str) -> (usize, usize, usize) {
    counts_with(text, syllables)
}

/// Words, syllables (by `syllables_of`, one language's rule) and sentences in any text: one way
/// to split words and sentences for every language's reading measure (the English grade here,
/// Spanish INFLESZ in `inflesz`).
pub(super) fn counts_with(text: &str, syllables_of: fn(&str) -> usize) -> (usize, usize, usize) {
    let mut words = 0usize;
    let mut syllable_sum = 0usize;
    for w in text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '—')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
    {
        words += 1;
        syllable_sum += syllables_of(w);
    }
    let sentences = text
        .split(['.', '!', '?', ':', ';', '\n'])
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count();
    (words, syllable_sum, sentences)
}

/// The same counts as [`counts`] for ASCII text, in one pass over its bytes: most content is
/// ASCII, and this is several times faster than splitting decoded characters (a property test
/// holds the two equal).
fn counts_ascii(text: &[u8]) -> (usize, usize, usize) {
    let (mut words, mut syllable_sum, mut sentences) = (0usize, 0usize, 0usize);
    // The classes of the bytes of the sentence so far (has it a letter?).
    let mut sentence = 0u8;
    // The word being read: its bytes' classes together, its vowel groups, the previous byte's
    // class, and where its first and last letter or digit are (punctuation around a word is not
    // part of it; inside, it is a consonant, as in `syllables`).
    let (mut classes, mut groups, mut prev) = (0u8, 0usize, 0u8);
    let (mut first, mut last) = (usize::MAX, 0usize);
    for (i, &b) in text.iter().enumerate() {
        let class = CLASS[usize::from(b & 0x7f)];
        if class & (SENTENCE_END | SEPARATOR) != 0 {
            if class & SENTENCE_END != 0 {
                sentences += usize::from(sentence & LETTER != 0);
                sentence = 0;
            }
            if class & SEPARATOR != 0 {
                if classes & LETTER != 0 {
                    words += 1;
                    syllable_sum += syllables_in(text, first..=last, groups);
                }
                (classes, groups, prev, first) = (0, 0, 0, usize::MAX);
                continue;
            }
        }
        sentence |= class;
        classes |= class;
        // A vowel after anything else begins a vowel group (VOWEL is the class's top bit).
        groups += usize::from((class & !prev) / VOWEL);
        prev = class;
        if class & (LETTER | DIGIT) != 0 {
            if first == usize::MAX {
                first = i;
            }
            last = i;
        }
    }
    if classes & LETTER != 0 {
        words += 1;
        syllable_sum += syllables_in(text, first..=last, groups);
    }
    (
        words,
        syllable_sum,
        sentences + usize::from(sentence & LETTER != 0),
    )
}

/// [`syllables`]' count for the word `text[word]` of `vowel_groups`, for [`counts_ascii`].
fn syllables_in(text: &[u8], word: std::ops::RangeInclusive<usize>, vowel_groups: usize) -> usize {
    let (first, last) = word.into_inner();
    // A silent final 'e' ("stroke", "home"), but not "-le" ("little").
    let silent_e = last >= first + 2 && text[last].eq_ignore_ascii_case(&b'e') && {
        let before = text[last - 1].to_ascii_lowercase();
        before != b'l' && CLASS[usize::from(before & 0x7f)] & VOWEL == 0 && vowel_groups > 1
    };
    (vowel_groups - usize::from(silent_e)).max(1)
}

const SENTENCE_END: u8 = 1;
const SEPARATOR: u8 = 2;
const LETTER: u8 = 4;
const DIGIT: u8 = 8;
const VOWEL: u8 = 16;

/// What each ASCII byte is to [`counts_ascii`].
static CLASS: [u8; 128] = {
    let mut class = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        class[b] = class_of(b as u8);
        b += 1;
    }
    class
};

const fn class_of(c: u8) -> u8 {
    let mut class = 0;
    if matches!(c, b'.' | b'!' | b'?' | b':' | b';' | b'\n') {
        class |= SENTENCE_END;
    }
    // `char::is_whitespace` on ASCII (tab, line feed, vertical tab, form feed, CR, space).
    if matches!(c, b'\t'..=b'\r' | b' ' | b'/') {
        class |= SEPARATOR;
    }
    if c.is_ascii_alphabetic() {
        class |= LETTER;
    }
    if c.is_ascii_digit() {
        class |= DIGIT;
    }
    if matches!(
        c.to_ascii_lowercase(),
        b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
    ) {
        class |= VOWEL;
    }
    class
}

/// Guesses the syllables in one word from its vowel groups.
pub fn syllables(word: &str) -> usize {
    // Vowels are ASCII, so any other character (in any case) is a consonant here.
    let is_vowel = |c: char| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut prev_vowel = false;
    // The last two characters, for the silent final 'e'.
    let (mut before_last, mut last) = (None, None);
    let mut n = 0usize;
    for c in word.chars() {
        let v = is_vowel(c);
        if v && !prev_vowel {
            count += 1;
        }
        prev_vowel = v;
        before_last = last;
        last = Some(c.to_ascii_lowercase());
        n += 1;
    }
    // A silent final 'e' ("stroke", "home"), but not "-le" ("little").
    if let (Some('e'), Some(b)) = (last, before_last)
        && n > 2
        && b != 'l'
        && !is_vowel(b)
        && count > 1
    {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_syllables_roughly() {
        assert_eq!(syllables("call"), 1);
        assert_eq!(syllables("stroke"), 1);
        assert_eq!(syllables("little"), 2);
        assert_eq!(syllables("emergency"), 4);
    }

    #[test]
    fn short_plain_sentences_score_low_and_jargon_scores_high() {
        let plain = "Sit down. Drink some water. Call us if it gets worse.";
        let dense = "Vasodilatation consequent upon histaminergic mediator liberation \
                     precipitates erythematous cutaneous manifestations.";
        assert!(grade(plain) < 4.0, "{}", grade(plain));
        assert!(grade(dense) > 14.0, "{}", grade(dense));
    }

    proptest::proptest! {
        /// The byte path counts exactly what the character path counts, on any ASCII text:
        /// words and sentences split by every separator, in any case, with stray punctuation.
        #[test]
        fn ascii_counts_equal_char_counts(
            text in "([a-zA-Z]{1,9}|[ \t\n\r\x0b\x0c/.!?:;,'()0-9-]|[\x00-\x7f]){0,60}"
        ) {
            proptest::prop_assert_eq!(counts_ascii(text.as_bytes()), counts(&text));
        }
    }

    #[test]
    fn every_ascii_character_is_counted_alike() {
        for b in 0..=0x7f_u8 {
            let c = char::from(b);
            for text in [
                format!("Stroke{c}e"),
                format!("a {c}Time{c}. Ok"),
                c.to_string(),
            ] {
                assert_eq!(counts_ascii(text.as_bytes()), counts(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn ascii_and_other_text_are_graded_alike() {
        // The same words, one with a non-ASCII dash (a separator only the character path knows)
        // in place of a slash: the grade must not depend on which path read it.
        let ascii = "Drink water/rest. Call us if the redness spreads: it is rarely serious!";
        let other = "Drink water—rest. Call us if the redness spreads: it is rarely serious!";
        assert_eq!(counts_ascii(ascii.as_bytes()), counts(ascii));
        assert_eq!(grade(ascii), grade(other));
    }
}
