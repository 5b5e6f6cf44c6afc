//! How easily a Spanish text reads: the INFLESZ scale, Szigriszt-Pazos's perspicuity formula as
//! validated for health texts by Barrio-Cantalejo et al. (2008), with a Spanish syllable counter.
//! It is what [`super::readability::grade`] is to English: a warning when advice gets hard to
//! read, not a substitute for reading it aloud to a Spanish speaker.
//!
//! Pure text arithmetic; it knows nothing of content or diagnostics.

/// The lowest score an outcome may have without a warning: "normal" on the INFLESZ scale.
pub const MIN_OUTCOME: f32 = 55.0;

/// The INFLESZ score of `text`: 206.835 − 62.3 · (syllables / words) − (words / sentences).
/// Higher reads more easily; 55 to 65 is "normal", above 65 "bastante fácil". A text without
/// words scores as easy as can be (100).
pub fn score(text: &str) -> f32 {
    let (words, syllable_sum, sentences) = super::readability::counts_with(text, syllables);
    if words == 0 {
        return 100.0;
    }
    let sentences = sentences.max(1);
    let w = words as f32;
    206.835 - 62.3 * (syllable_sum as f32 / w) - w / sentences as f32
}

/// The band of a score on the INFLESZ scale (Barrio-Cantalejo et al. 2008), in its own words.
pub fn band(score: f32) -> &'static str {
    match score {
        s if s < 40.0 => "muy difícil",
        s if s < 55.0 => "algo difícil",
        s if s < 65.0 => "normal",
        s if s <= 80.0 => "bastante fácil",
        _ => "muy fácil",
    }
}

/// What a letter is to the syllable counter.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sound {
    /// a, e, o, and an accented í or ú, which stands on its own (a hiatus: "día", "país").
    Strong,
    /// i, u, ü without an accent: joins the vowel beside it (a diphthong: "agua", "ciudad").
    Weak,
    Consonant,
}

fn sound(c: char) -> Sound {
    match c.to_lowercase().next().unwrap_or(c) {
        'a' | 'e' | 'o' | 'á' | 'é' | 'ó' | 'í' | 'ú' => Sound::Strong,
        'i' | 'u' | 'ü' => Sound::Weak,
        _ => Sound::Consonant,
    }
}

/// The syllables of one Spanish word: one for each group of vowels, and one more at each hiatus
/// inside a group (two strong vowels side by side, "te-a-tro", or an accented í or ú beside a
/// vowel, "rí-o"). Diphthongs and triphthongs (a weak vowel beside another vowel, "cuidado",
/// "Uruguay") stay one. A silent u (que, gui) joins its vowel, so it counts as a diphthong does;
/// 'y' and 'h' are consonants ("hoy" and "muy" end in a consonant, "y" alone is one syllable).
pub fn syllables(word: &str) -> usize {
    let mut count = 0;
    let mut prev = Sound::Consonant;
    for c in word.chars() {
        let s = sound(c);
        count += match (prev, s) {
            (_, Sound::Consonant) => 0,
            // A vowel after a consonant opens a syllable; two strong vowels are a hiatus.
            (Sound::Consonant, _) | (Sound::Strong, Sound::Strong) => 1,
            // A weak vowel beside another vowel: a diphthong.
            _ => 0,
        };
        prev = s;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_syllables_of_known_words() {
        for (word, n) in [
            ("casa", 2),
            ("y", 1),
            ("hoy", 1),
            ("muy", 1),
            ("agua", 2),
            ("ciudad", 2),
            ("cuidado", 3),
            ("huevo", 2),
            ("queso", 2),
            ("guerra", 2),
            ("pingüino", 3),
            ("murciélago", 4),
            ("emergencia", 4),
            ("Llame", 2),
            ("médico", 3),
            ("Uruguay", 3),
            ("buey", 1),
            ("teatro", 3),
            ("poeta", 3),
            ("leer", 2),
            ("aéreo", 4),
            ("ahora", 3),
            ("día", 2),
            ("río", 2),
            ("país", 2),
            ("oído", 3),
            ("reúne", 3),
            ("veía", 3),
            ("ÚLTIMO", 3),
            ("Dígale", 3),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn short_plain_sentences_score_high_and_jargon_scores_low() {
        let plain = "Siéntese. Beba agua. Llame si se siente peor.";
        let dense = "La vasodilatación consecutiva a la liberación de mediadores histaminérgicos \
                     desencadena manifestaciones cutáneas eritematosas generalizadas.";
        assert!(score(plain) > 80.0, "{}", score(plain));
        assert!(score(dense) < 40.0, "{}", score(dense));
        assert_eq!(band(score(plain)), "muy fácil");
        assert_eq!(band(score(dense)), "muy difícil");
    }

    #[test]
    fn the_formula_and_the_bands_are_barrio_cantalejos() {
        // 4 words of 2 syllables in one sentence: 206.835 - 62.3 * 2 - 4.
        let s = score("casa mesa lago rojo");
        assert!((s - (206.835 - 124.6 - 4.0)).abs() < 1e-3, "{s}");
        assert_eq!(band(39.9), "muy difícil");
        assert_eq!(band(40.0), "algo difícil");
        assert_eq!(band(55.0), "normal");
        assert_eq!(band(65.0), "bastante fácil");
        assert_eq!(band(80.1), "muy fácil");
        assert!(score("").eq(&100.0));
    }
}
