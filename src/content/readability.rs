//! A rough Flesch–Kincaid grade estimate, used to warn when advice gets hard to read.
//!
//! It is a heuristic (syllables are guessed from vowel groups), good enough to flag long
//! sentences and long words; it is not a substitute for reading the text aloud.

/// Estimated US school grade needed to read `text`. One pass, no allocation: it runs on every
/// text of every content file, thousands of times for large content.
pub fn grade(text: &str) -> f32 {
    let mut words = 0usize;
    let mut syllable_sum = 0usize;
    for w in text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '—')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
    {
        words += 1;
        syllable_sum += syllables(w);
    }
    if words == 0 {
        return 0.0;
    }
    let sentences = text
        .split(['.', '!', '?', ':', ';', '\n'])
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count()
        .max(1);
    let w = words as f32;
    0.39 * (w / sentences as f32) + 11.8 * (syllable_sum as f32 / w) - 15.59
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
}
