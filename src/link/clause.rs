//! The polarity of a content's main clause, read from its tokens. A negator flips what a content
//! states only where it negates the main clause: not inside a relative clause (الهجوم الذي لم
//! يتبنه أحد), not ما as a relative pronoun (وهو ما نفاه), not غير before an adjective (غير
//! مترابطين) and not لا in a compound noun (اللامركزية، لا سلكي). غير and ليس before a word of
//! truth (غير صحيحة، ليس دقيقا) call the content false: a denial, not a flipped polarity.
//!
//! Kept apart from the rest of linking so that the parser's clause structure can feed it later.

use crate::clitics;
use crate::cues::Feat;
use crate::lexicon::{Lexicon, WordClass};
use crate::segment::Document;

use super::terms::with_stem;
use super::words::Words;
use super::MAX_TOKENS;

/// What a content's main clause does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Polarity {
    /// An odd number of negators governs the main clause.
    pub negative: bool,
    /// It calls something false (غير صحيحة، ليس دقيقا).
    pub untrue: bool,
    /// The tokens of the words the main clause's negators negate (ليست «جديدة» ولا «سرية»).
    pub negated: Vec<usize>,
}

/// The polarity of tokens `s..e`.
pub fn polarity(doc: &Document, lex: &Lexicon, feats: &[Feat], (s, e): (usize, usize)) -> Polarity {
    let words = Words::get();
    let role = |w: &str| with_stem(lex, w, |s| words.role(s));
    let e = e.min(s + MAX_TOKENS).min(feats.len());
    let mut p = Polarity::default();
    let mut negators = 0usize;
    let mut relative = false;
    // Whether the clause has just started: at the content's start, after punctuation or a bare
    // conjunction.
    let mut opening = true;
    let next_word = |k: usize| (k + 1..e).find(|&j| feats[j].word);
    let mut k = s;
    while k < e {
        let f = &feats[k];
        if !f.word {
            if f.punct.is_some() {
                relative = false;
                opening = true;
            }
            k += 1;
            continue;
        }
        let w = doc.text(k);
        let readings = || clitics::without_conjunction(w).map(|(_, r)| r);
        if readings().any(|r| words.relative(r)) {
            relative = true;
            opening = false;
            k += 1;
            continue;
        }
        let negator =
            f.is(WordClass::Negation) || readings().any(|r| lex.stopword(r) == Some(true));
        if !negator {
            opening = matches!(w, "و" | "ف");
            k += 1;
            continue;
        }
        let head = readings().last().unwrap_or(w);
        let next = next_word(k).map(|j| doc.text(j));
        let next_role = next.map(role).unwrap_or_default();
        // لا يصح أن: a verb after لا is negated, not called false.
        let verb_next = next.is_some_and(|n| n.starts_with(['ي', 'ت', 'ن']));
        let untrue_next = next_role.untrue && !(head == "لا" && verb_next);
        let was_opening = opening;
        opening = false;
        k += 1;
        if relative {
            continue;
        }
        // ليست جديدة ولا سرية: a و+لا after a negation continues it (neither … nor).
        let continues = head == "لا" && readings().count() > 1 && negators > 0;
        // The word negated: the next that is not a form of كان or a word of being (لم تكن هناك
        // «محادثات»).
        let after = (k..e)
            .filter(|&j| feats[j].word)
            .take(3)
            .find(|&j| !feats[j].is(WordClass::Kana) && !role(doc.text(j)).existential);
        match head {
            _ if continues => p.negated.extend(after),
            // وهو ما لم يحدث: a relative ما opens a clause of its own; so does ما before a verb
            // of publishing (نفت «ما نشرته» الصحيفة: what the paper published).
            "ما" if !was_opening || next.is_some_and(reports) => relative = true,
            "غير" | "ليس" | "ليست" | "ليسوا" | "لا" if untrue_next => {
                p.untrue = true
            }
            "غير" => {}
            "لا" if next.is_some_and(compound) || next_role.fixed => {}
            _ => {
                negators += 1;
                p.negated.extend(after);
            }
        }
    }
    p.negative = negators % 2 == 1;
    p
}

/// Whether a folded word negates a clause (لم، لن، لا، ليس، عدم), not only a noun or an
/// adjective (غير الشرعية، بدون تأشيرة).
pub fn negates_a_clause(lex: &Lexicon, w: &str) -> bool {
    // بعدم: under a preposition too.
    clitics::without_conjunction(w)
        .flat_map(|(_, r)| std::iter::once(r).chain(clitics::without_preposition(r)))
        .any(|r| lex.stopword(r) == Some(true) && !matches!(r, "غير" | "بدون"))
}

/// Whether a word is a verb of publishing that a relative ما takes (نشرته، صرح).
fn reports(word: &str) -> bool {
    super::roles::Roles::get().of(word) == Some(super::roles::Role::Report)
}

/// Whether the word after لا makes a compound noun with it (لا مركزية، لا سلكي): a nisba
/// adjective or noun, not a verb.
fn compound(next: &str) -> bool {
    let verb = next.starts_with(['ي', 'ت', 'ن']);
    // The text is folded: ة reads ه.
    !verb && (next.ends_with("يه") || next.ends_with("ية") || next.ends_with('ي'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues;

    fn read(text: &str) -> Polarity {
        let lex = Lexicon::embedded();
        let doc = Document::new(text);
        let c = cues::find(&doc, &lex);
        polarity(&doc, &lex, &c.feats, (0, doc.len()))
    }

    #[test]
    fn a_negated_main_clause_is_negative() {
        assert!(read("الوفد لم يصل إلى العاصمة").negative);
        assert!(read("لا توجد محادثات بين البلدين").negative);
        assert!(!read("الوفد وصل إلى العاصمة").negative);
    }

    #[test]
    fn a_relative_clause_does_not_negate() {
        assert!(!read("الهجوم الذي لم تتبنه أي جهة أوقع عشرة قتلى").negative);
        assert!(!read("وهو ما لم يحدث منذ سنوات").negative);
        assert!(!read("ما نشرته الصحيفة عن الوزير").negative);
    }

    #[test]
    fn ghayr_before_an_adjective_is_no_denial() {
        let p = read("الانفجاران غير مترابطين وقعا في مدينتين");
        assert!(!p.negative && !p.untrue);
        assert!(read("الأنباء غير صحيحة").untrue);
    }

    #[test]
    fn la_in_a_compound_noun_is_no_denial() {
        assert!(!read("تطبيق لا مركزية في الإدارة المحلية").negative);
        assert!(read("لا يريد الحزب المشاركة").negative);
    }

    #[test]
    fn la_in_a_fixed_expression_or_before_a_verb_of_truth_is_no_denial() {
        let p = read("لا بد من انتظار انتهاء القتال");
        assert!(!p.negative && !p.untrue);
        let p = read("هذا أمر لا يصح أن يتم بسرعة");
        assert!(p.negative && !p.untrue);
        assert!(read("لا صحة لهذه الأنباء").untrue);
    }

    #[test]
    fn neither_nor_is_one_negation() {
        assert!(read("الاتصالات ليست جديدة ولا سرية").negative);
    }
}
