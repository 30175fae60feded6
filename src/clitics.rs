//! Proclitics and enclitics: the parts of a written word that are not the word itself.
//!
//! Splitting is conservative and driven by what the caller knows: a prefix is taken off only
//! when the rest is a known word (the caller's `known`), so وزير is never read as و + زير.

/// Conjunctions that attach to the front of a word.
const CONJUNCTIONS: [char; 2] = ['و', 'ف'];

/// Pronouns that attach to the end of a word, longest first.
pub const ENCLITICS: [&str; 8] = ["هما", "هم", "هن", "ها", "نا", "ني", "ه", "ي"];

/// Candidate readings of a folded word without a leading conjunction: the word itself, then
/// the word minus و or ف when at least three letters remain.
pub fn without_conjunction(word: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut chars = word.chars();
    let stripped = match chars.next() {
        Some(c) if CONJUNCTIONS.contains(&c) && at_least(chars.as_str(), 2) => {
            Some((c.len_utf8(), chars.as_str()))
        }
        _ => None,
    };
    std::iter::once((0, word)).chain(stripped)
}

/// The word minus a trailing enclitic pronoun, when at least two letters remain.
pub fn without_enclitic(word: &str) -> Option<(&str, &str)> {
    ENCLITICS.iter().find_map(|e| {
        let base = word.strip_suffix(e)?;
        at_least(base, 2).then_some((base, *e))
    })
}

/// Splits a word into the longest known base under the conjunction and enclitic readings:
/// (proclitic, base, enclitic) as byte lengths and the base.
pub fn split(word: &str, known: impl Fn(&str) -> bool) -> Option<(usize, &str, &str)> {
    for (pre, rest) in without_conjunction(word) {
        if known(rest) {
            return Some((pre, rest, ""));
        }
        if let Some((base, enc)) = without_enclitic(rest) {
            if known(base) {
                return Some((pre, base, enc));
            }
        }
    }
    None
}

/// Whether the word ends in a third-person possessive that marks a possessed noun
/// (استغرابها، موقفهم، أحدهما).
pub fn has_possessive(word: &str) -> bool {
    word.ends_with("ها") || word.ends_with("هم") || word.ends_with("هما")
}

/// Whether the word starts with the preposition ل (لمصدر، للتلفزيون) or is it (لـ).
pub fn has_lam(word: &str) -> bool {
    word.starts_with('ل')
}

/// The word without a leading article or preposition-plus-article (ال، لل، بال، وال، …).
pub fn without_article(word: &str) -> &str {
    for p in ["وبال", "وال", "بال", "فال", "كال", "ال", "لل"] {
        if let Some(rest) = word.strip_prefix(p) {
            if at_least(rest, 2) {
                return rest;
            }
        }
    }
    word
}

/// The word without an accusative tanween alef (مصدرا → مصدر، باكستانيا → باكستاني), when it
/// leaves at least three letters.
pub fn without_tanween(w: &str) -> Option<&str> {
    let base = w.strip_suffix('ا')?;
    (at_least(base, 3) && !base.ends_with('ا')).then_some(base)
}

/// The word without a leading preposition ب، ل or ك when at least three letters remain
/// (بإقامة → إقامة، لإسرائيل → إسرائيل، كقاعدة → قاعدة); the caller decides whether the
/// reading is right.
pub fn without_preposition(w: &str) -> Option<&str> {
    let rest = w.strip_prefix(['ب', 'ل', 'ك'])?;
    at_least(rest, 3).then_some(rest)
}

/// Whether `s` has at least `n` characters, reading no further than the n-th: these checks
/// run on every reading of every word.
pub fn at_least(s: &str, n: usize) -> bool {
    n == 0 || s.chars().nth(n - 1).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conjunction_is_split_only_into_known_words() {
        let known = |w: &str| w == "قال";
        assert_eq!(split("وقال", known), Some(("و".len(), "قال", "")));
        assert_eq!(split("فقال", known), Some(("ف".len(), "قال", "")));
        assert_eq!(split("وزير", known), None);
    }

    #[test]
    fn enclitic_is_split_from_particles() {
        let known = |w: &str| w == "لكن" || w == "ان";
        assert_eq!(split("لكنها", known), Some((0, "لكن", "ها")));
        assert_eq!(split("انه", known), Some((0, "ان", "ه")));
        assert_eq!(split("ولكنهم", known), Some(("و".len(), "لكن", "هم")));
    }

    #[test]
    fn article_forms() {
        assert_eq!(without_article("للمصدر"), "مصدر");
        assert_eq!(without_article("الوزير"), "وزير");
        assert_eq!(without_article("وزير"), "وزير");
        assert_eq!(without_article("ال"), "ال");
    }

    #[test]
    fn lam_prefix() {
        assert!(has_lam("لمصدر"));
        assert!(!has_lam("مصدر"));
    }
}
