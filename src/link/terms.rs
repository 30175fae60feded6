//! A content reduced to what a claim is about: stemmed key terms, a polarity, and whether it
//! only points back at something said before (نفى ذلك، هذه الاتهامات).

use rust_stemmers::{Algorithm, Stemmer};

use crate::clitics;
use crate::cues::Feat;
use crate::lexicon::{Lexicon, Marker, WordClass};
use crate::segment::Document;

/// The most tokens of a content that are read for terms.
const MAX_TOKENS: usize = 160;
/// A pointer is a content of at most this many words.
const POINTER_WORDS: usize = 4;

/// What one content claims.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms {
    /// Key terms: stems, each once, in text order.
    pub stems: Vec<String>,
    /// For each stem, the stem of the word read without a leading ب، ل or ك (بإقامة), if it
    /// differs: two terms match when any of their readings do.
    pub alternates: Vec<Option<String>>,
    /// For each stem, the token of the first word it came from, to show as evidence.
    pub tokens: Vec<usize>,
    /// Whether an odd number of negators governs the content (لم، لن، لا، ليس، غير، عدم).
    pub negative: bool,
    /// Whether the content only points back (ذلك، هذه المعلومات، الخبر).
    pub pointer: bool,
    /// Whether the content holds a formula that denies (لا صحة لما أشيع، عار عن الصحة).
    pub denial: bool,
    /// Pairs of terms that follow each other in the content (indices into `stems`): a phrase
    /// two contents share (نبأ وفاة زعيم) says more than the same words apart.
    pub pairs: Vec<(usize, usize)>,
    /// Every stem and alternate, sorted, for lookups (a short list: no hashing needed).
    pub readings: Vec<String>,
}

/// Reduces contents to terms with one stemmer.
pub struct TermReader<'a> {
    doc: &'a Document,
    lex: &'a Lexicon,
    feats: &'a [Feat],
    stemmer: Stemmer,
}

impl<'a> TermReader<'a> {
    /// A reader over one document.
    pub fn new(doc: &'a Document, lex: &'a Lexicon, feats: &'a [Feat]) -> Self {
        TermReader {
            doc,
            lex,
            feats,
            stemmer: Stemmer::create(Algorithm::Arabic),
        }
    }

    /// The stem a word is compared by. The Snowball stemmer takes suffixes off reliably only
    /// after the article, so every noun is stemmed in its definite form, without its tanween.
    pub fn stem(&self, word: &str) -> String {
        let base = clitics::without_article(word);
        let base = clitics::without_conjunction(base)
            .filter(|(pre, r)| *pre == 0 || r.chars().count() > 3)
            .last()
            .map_or(base, |(_, r)| r);
        let base = clitics::without_tanween(base).unwrap_or(base);
        self.stemmer.stem(&format!("ال{base}")).into_owned()
    }

    /// The stem of the word without a leading ب، ل or ك, when that reading differs.
    fn alternate(&self, word: &str, stem: &str) -> Option<String> {
        let w = clitics::without_conjunction(word)
            .last()
            .map_or(word, |(_, r)| r);
        let rest = clitics::without_preposition(w)?;
        let alt = self.stem(rest);
        (alt != stem && alt.chars().count() >= 2).then_some(alt)
    }

    /// The terms of tokens `s..e`.
    pub fn read(&self, (s, e): (usize, usize)) -> Terms {
        let e = e.min(s + MAX_TOKENS).min(self.feats.len());
        let words: Vec<&str> = (s..e).map(|i| self.doc.text(i)).collect();
        let mut t = Terms::default();
        let mut negators = 0usize;
        let mut content_words = 0usize;
        let mut last: Option<usize> = None;
        let mut k = 0;
        while k < words.len() {
            let f = &self.feats[s + k];
            let w = words[k];
            if !f.word {
                k += 1;
                continue;
            }
            content_words += 1;
            // لا صحة لما أشيع: the formula denies; its لا does not negate the claim again.
            if let Some((len, _)) = self.lex.denials.longest(&words, k) {
                t.denial = true;
                k += len;
                continue;
            }
            let readings = || clitics::without_conjunction(w).map(|(_, r)| r);
            if readings().any(|r| self.lex.stopword(r) == Some(true)) || f.is(WordClass::Negation) {
                negators += 1;
                k += 1;
                continue;
            }
            let function = readings().any(|r| self.lex.stopword(r) == Some(false))
                || f.class.is_some()
                || f.verb
                || w.chars().count() < 3;
            if function {
                last = None;
            } else {
                let stem = self.stem(w);
                let alt = self.alternate(w, &stem);
                // لزعيم and زعيم are one term.
                let seen = t.stems.iter().zip(&t.alternates).position(|(s, a)| {
                    *s == stem || alt.as_ref() == Some(s) || a.as_ref() == Some(&stem)
                });
                let at = match seen {
                    Some(at) => Some(at),
                    None if stem.chars().count() >= 2 => {
                        t.alternates.push(alt);
                        t.stems.push(stem);
                        t.tokens.push(s + k);
                        Some(t.stems.len() - 1)
                    }
                    None => None,
                };
                if let (Some(a), Some(b)) = (last, at) {
                    if a != b && !t.pairs.contains(&(a, b)) {
                        t.pairs.push((a, b));
                    }
                }
                last = at;
            }
            k += 1;
        }
        t.negative = negators % 2 == 1;
        t.readings = t
            .stems
            .iter()
            .chain(t.alternates.iter().flatten())
            .cloned()
            .collect();
        t.readings.sort_unstable();
        t.readings.dedup();
        // ذلك، هذه المعلومة، هذه التصريحات التي صدرت …، الخبر: it points back.
        let claim_noun = |i: usize| {
            clitics::without_conjunction(self.doc.text(i))
                .any(|(_, r)| self.lex.marks(r, Marker::ClaimNoun))
        };
        let demonstrative = e > s && self.feats[s].is(WordClass::Demonstrative);
        t.pointer = e > s
            && ((demonstrative && (content_words <= POINTER_WORDS || claim_noun(s + 1)))
                || (claim_noun(s) && content_words <= POINTER_WORDS));
        t
    }
}

impl Terms {
    /// This content's adjacent pairs of terms that `other` also has adjacent.
    pub fn shared_pairs(&self, other: &Terms) -> Vec<(usize, usize)> {
        let matches = |k: usize, m: usize| {
            let a = std::iter::once(&self.stems[k]).chain(self.alternates[k].as_ref());
            let b: Vec<&String> = std::iter::once(&other.stems[m])
                .chain(other.alternates[m].as_ref())
                .collect();
            a.into_iter().any(|x| b.contains(&x))
        };
        self.pairs
            .iter()
            .filter(|&&(a, b)| {
                other
                    .pairs
                    .iter()
                    .any(|&(c, d)| matches(a, c) && matches(b, d))
            })
            .copied()
            .collect()
    }

    /// Which of this content's terms `other` shares (indices into `stems`).
    pub fn shared_with(&self, other: &Terms) -> Vec<usize> {
        (0..self.stems.len())
            .filter(|&k| {
                other.readings.binary_search(&self.stems[k]).is_ok()
                    || self.alternates[k]
                        .as_ref()
                        .is_some_and(|a| other.readings.binary_search(a).is_ok())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues;

    fn read(text: &str) -> Terms {
        let lex = Lexicon::embedded();
        let doc = Document::new(text);
        let c = cues::find(&doc, &lex);
        TermReader::new(&doc, &lex, &c.feats).read((0, doc.len()))
    }

    #[test]
    fn function_words_are_dropped_and_nouns_stemmed_alike() {
        let a = read("أجرت إسرائيل والنظام السوري محادثات مباشرة في أذربيجان");
        let b = read("لم تكن هناك محادثات مباشرة بين الجانبين");
        assert_eq!(a.shared_with(&b).len(), 2, "{a:?} {b:?}");
        assert!(!a.stems.iter().any(|s| s == "في"));
    }

    #[test]
    fn polarity_flips_with_each_negator() {
        assert!(!read("المحادثات جرت في أنقرة").negative);
        assert!(read("المحادثات لم تجر في أنقرة").negative);
        assert!(read("ليس هناك أي محادثات").negative);
        assert!(read("عدم وجود محادثات").negative);
        assert!(!read("لم يقل إنه لن يحضر").negative);
    }

    #[test]
    fn prepositions_do_not_hide_a_term() {
        let a = read("سمحت لإسرائيل بإقامة قاعدة عسكرية");
        let b = read("أشيع عن إقامة قاعدة إسرائيلية كقاعدة مراقبة");
        assert_eq!(a.shared_with(&b).len(), 2, "{a:?} {b:?}");
    }

    #[test]
    fn a_denial_formula_does_not_negate_twice() {
        let t = read("لا صحة لما أشيع عن إقامة قاعدة");
        assert!(!t.negative);
        assert!(t.denial);
    }

    #[test]
    fn pointers() {
        assert!(read("ذلك").pointer);
        assert!(read("هذه الاتهامات").pointer);
        assert!(read("الخبر").pointer);
        assert!(read("هذه التصريحات التي صدرت منذ شهرين عن الحركة").pointer);
        assert!(!read("إقامة قاعدة عسكرية على أراضيها").pointer);
    }
}
