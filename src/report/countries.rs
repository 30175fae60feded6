//! Country names for the codes the resolver gives (ISO 3166 alpha-2), in Arabic and English,
//! from `countries.tsv`: a reader sees «إسرائيل», not «IL».

use std::collections::HashMap;
use std::sync::OnceLock;

/// `code → (Arabic, English)`.
fn table() -> &'static HashMap<&'static str, (&'static str, &'static str)> {
    static TABLE: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("countries.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?, (f.next()?, f.next()?)))
            })
            .collect()
    })
}

/// The name of the country `code` in `lang` (`ar` or `en`); an unknown code as it is.
pub fn name<'a>(code: &'a str, lang: &str) -> &'a str {
    match table().get(code) {
        Some((ar, _)) if lang == "ar" => ar,
        Some((_, en)) => en,
        None => code,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_the_lexicon_gives_has_a_name() {
        // The files that give affiliations.
        let lexicon = [
            include_str!("../lexicon/media.tsv"),
            include_str!("../lexicon/nisbas.tsv"),
        ];
        for file in lexicon {
            // The code is the second column.
            for line in file.lines().filter(|l| !l.starts_with('#')) {
                let code = line.split('\t').nth(1).unwrap_or_default().trim();
                if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                    assert_ne!(name(code, "en"), code, "{code} has no name");
                }
            }
        }
        assert_eq!(name("IL", "ar"), "إسرائيل");
        assert_eq!(name("US", "en"), "United States");
        assert_eq!(name("ZZ", "ar"), "ZZ");
    }
}
