//! Expands a verb entry into its inflected surface forms (folded, unvocalized).
//!
//! Past, imperfect (indicative, subjunctive, jussive), future with س, adverbial participle, and
//! for hollow verbs the passive. Hollow verbs lose their long vowel in the jussive and before
//! consonant suffixes (قال → قلت، لم يقل); defective verbs lose their final weak letter
//! (نفى → نفت، لم ينف).

use crate::model::{Gender, Number};

/// How a form inflects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    /// قال، قالت.
    Past,
    /// يقول، تقول (also subjunctive, and jussive where it is spelled the same).
    Present,
    /// The short jussive of hollow and defective verbs (لم يقل، لم ينف): only after a negation.
    Jussive,
    /// سيقول.
    Future,
    /// مضيفا، مؤكدة.
    Participle,
    /// قيل، يقال.
    Passive,
}

/// The morphological class of a verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Three strong radicals.
    Sound,
    /// A long vowel in the middle (قال، أشار).
    Hollow,
    /// A weak final radical (نفى، دعا).
    Defective,
    /// The last two radicals alike (رد، أقر).
    Doubled,
}

impl Class {
    /// Parses the lexicon's name for a class.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "sound" => Class::Sound,
            "hollow" => Class::Hollow,
            "defective" => Class::Defective,
            "doubled" => Class::Doubled,
            _ => return None,
        })
    }
}

/// One generated form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// The folded surface form.
    pub text: String,
    /// Its tense.
    pub tense: Tense,
    /// Agreement gender.
    pub gender: Gender,
    /// Agreement number.
    pub number: Number,
}

fn drop_last(s: &str) -> &str {
    s.char_indices().next_back().map_or(s, |(i, _)| &s[..i])
}

/// Removes the first long vowel after the first letter (قول → قل، اضاف → اضف).
fn drop_long_vowel(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dropped = false;
    for (i, c) in s.chars().enumerate() {
        if !dropped && i > 0 && matches!(c, 'ا' | 'و' | 'ي') {
            dropped = true;
            continue;
        }
        out.push(c);
    }
    out
}

/// Replaces the last long alef with ي (قال → قيل، اشار → اشير).
fn passive_past(past: &str) -> String {
    match past.rfind('ا') {
        Some(i) if i > 0 => format!("{}ي{}", &past[..i], &past[i + 'ا'.len_utf8()..]),
        _ => past.to_string(),
    }
}

/// Generates every form of a verb. `past`, `imperfect` and `participle` must be folded.
pub fn generate(
    class: Class,
    past: &str,
    imperfect: &str,
    participle: Option<&str>,
) -> Vec<Generated> {
    use Gender::{Feminine as F, Masculine as M, Unknown as U};
    use Number::{Dual as D, Plural as P, Singular as S};
    let mut out = Vec::new();
    let mut add = |text: String, tense, gender, number| {
        if !out
            .iter()
            .any(|g: &Generated| g.text == text && g.tense == tense)
        {
            out.push(Generated {
                text,
                tense,
                gender,
                number,
            });
        }
    };

    // Past.
    let (vowel_base, consonant_base) = match class {
        Class::Defective => (drop_last(past).to_string(), drop_last(past).to_string()),
        Class::Hollow => (past.to_string(), drop_long_vowel(past)),
        Class::Sound | Class::Doubled => (past.to_string(), past.to_string()),
    };
    add(past.to_string(), Tense::Past, M, S);
    add(format!("{vowel_base}ت"), Tense::Past, F, S);
    add(format!("{vowel_base}تا"), Tense::Past, F, D);
    add(format!("{vowel_base}وا"), Tense::Past, M, P);
    if class == Class::Defective {
        add(format!("{vowel_base}يا"), Tense::Past, M, D);
    } else {
        add(format!("{vowel_base}ا"), Tense::Past, M, D);
    }
    add(format!("{consonant_base}ن"), Tense::Past, F, P);
    add(format!("{consonant_base}نا"), Tense::Past, U, P);
    if class != Class::Defective {
        add(format!("{consonant_base}ت"), Tense::Past, U, S);
    }

    // Imperfect: indicative, subjunctive and jussive share most unvocalized forms.
    let short = match class {
        Class::Hollow => drop_long_vowel(imperfect),
        Class::Defective => drop_last(imperfect).to_string(),
        Class::Sound | Class::Doubled => imperfect.to_string(),
    };
    let plural_base = if class == Class::Defective {
        short.as_str()
    } else {
        imperfect
    };
    for (prefix, gender) in [("ي", M), ("ت", F), ("ن", U), ("ا", U)] {
        let mut present = vec![
            (format!("{prefix}{imperfect}"), gender, S),
            (format!("{prefix}{imperfect}ان"), gender, D),
            (format!("{prefix}{plural_base}ون"), gender, P),
            (format!("{prefix}{plural_base}وا"), gender, P),
        ];
        if prefix == "ي" {
            present.push((format!("ي{short}ن"), F, P));
        }
        for (text, g, n) in present {
            add(format!("س{text}"), Tense::Future, g, n);
            add(text, Tense::Present, g, n);
        }
        if short != imperfect {
            add(format!("{prefix}{short}"), Tense::Jussive, gender, S);
        }
    }

    // Adverbial participle: accusative, so the indefinite forms carry an ending.
    if let Some(m) = participle {
        add(format!("{m}ا"), Tense::Participle, M, S);
        add(format!("{m}ه"), Tense::Participle, F, S);
        add(format!("{m}ين"), Tense::Participle, M, P);
        add(format!("{m}ات"), Tense::Participle, F, P);
        add(format!("{m}تين"), Tense::Participle, F, D);
    }

    // Passive, unambiguous only for hollow verbs in unvocalized text.
    if class == Class::Hollow {
        add(passive_past(past), Tense::Passive, U, S);
        let stem = drop_long_vowel(imperfect);
        let mut chars = stem.chars();
        if let Some(first) = chars.next() {
            add(format!("ي{first}ا{}", chars.as_str()), Tense::Passive, U, S);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    fn texts(class: Class, past: &str, imp: &str, part: Option<&str>) -> Vec<String> {
        generate(class, &fold(past), &fold(imp), part.map(fold).as_deref())
            .into_iter()
            .map(|g| g.text)
            .collect()
    }

    fn has(forms: &[String], want: &[&str]) {
        for w in want {
            assert!(forms.contains(&fold(w)), "missing {w} in {forms:?}");
        }
    }

    #[test]
    fn hollow_forms() {
        let f = texts(Class::Hollow, "قال", "قول", Some("قائل"));
        has(
            &f,
            &["قال", "قالت", "قالا", "قالتا", "قالوا", "قلت", "قلنا", "قلن"],
        );
        has(&f, &["يقول", "تقول", "يقولون", "يقولان", "سيقول", "ستقول"]);
        has(&f, &["يقل", "تقل", "يقولوا"]);
        has(&f, &["قائلا", "قائلة", "قائلين"]);
        has(&f, &["قيل", "يقال"]);
    }

    #[test]
    fn hollow_form_four() {
        let f = texts(Class::Hollow, "أشار", "شير", Some("مشير"));
        has(
            &f,
            &[
                "أشار",
                "أشارت",
                "يشير",
                "تشير",
                "يشر",
                "تشر",
                "مشيرا",
                "مشيرة",
                "أشير",
            ],
        );
    }

    #[test]
    fn defective_forms() {
        let f = texts(Class::Defective, "نفى", "نفي", Some("نافي"));
        has(
            &f,
            &[
                "نفى",
                "نفت",
                "نفيا",
                "نفوا",
                "ينفي",
                "تنفي",
                "ينف",
                "تنف",
                "ينفون",
                "سينفي",
            ],
        );
        has(&f, &["نافيا", "نافية"]);
        assert!(!f.contains(&fold("نفيت")), "{f:?}");
    }

    #[test]
    fn defective_with_alef() {
        let f = texts(Class::Defective, "ادعى", "دعي", Some("مدعي"));
        has(&f, &["ادعى", "ادعت", "ادعوا", "يدعي", "تدعي", "مدعيا"]);
    }

    #[test]
    fn sound_forms() {
        let f = texts(Class::Sound, "أكد", "ؤكد", Some("مؤكد"));
        has(
            &f,
            &[
                "أكد",
                "أكدت",
                "أكدوا",
                "يؤكد",
                "تؤكد",
                "يؤكدون",
                "ستؤكد",
                "مؤكدا",
                "مؤكدة",
                "مؤكدين",
            ],
        );
        assert!(
            !f.contains(&fold("مؤكد")),
            "bare participle is a noun or adjective"
        );
    }

    #[test]
    fn doubled_forms() {
        let f = texts(Class::Doubled, "رد", "رد", None);
        has(&f, &["رد", "ردت", "ردوا", "يرد", "ترد", "يردوا"]);
    }

    #[test]
    fn agreement_is_recorded() {
        let g = generate(Class::Hollow, "قال", "قول", None);
        let qalat = g.iter().find(|g| g.text == "قالت").unwrap();
        assert_eq!(
            (qalat.gender, qalat.number),
            (Gender::Feminine, Number::Singular)
        );
        let qalu = g.iter().find(|g| g.text == "قالوا").unwrap();
        assert_eq!(qalu.number, Number::Plural);
    }
}
