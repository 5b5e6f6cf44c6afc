//! A rough Flesch–Kincaid grade estimate, used to warn when advice gets hard to read.
//!
//! It is a heuristic (syllables are guessed from vowel groups), good enough to flag long
//! sentences and long words; it is not a substitute for reading the text aloud.

/// Estimated US school grade needed to read `text`.
pub fn grade(text: &str) -> f32 {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '—')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    let sentences = text
        .split(['.', '!', '?', ':', ';', '\n'])
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count()
        .max(1);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let w = words.len() as f32;
    0.39 * (w / sentences as f32) + 11.8 * (syllables as f32 / w) - 15.59
}

/// Guesses the syllables in one word from its vowel groups.
pub fn syllables(word: &str) -> usize {
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    let is_vowel = |c: char| "aeiouy".contains(c);
    let mut count = 0;
    let mut prev_vowel = false;
    for &c in &lower {
        let v = is_vowel(c);
        if v && !prev_vowel {
            count += 1;
        }
        prev_vowel = v;
    }
    // A silent final 'e' ("stroke", "home"), but not "-le" ("little").
    let n = lower.len();
    if n > 2 && lower[n - 1] == 'e' && lower[n - 2] != 'l' && !is_vowel(lower[n - 2]) && count > 1 {
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
